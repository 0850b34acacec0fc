"""People of one nation living in another land: "Serbs in Kosovo", "Serbs from Kosovo" are a
group of their own (KOSOVO_SERBS), not Serbia; "the Serbs" the article goes on to name are
that group too. A nation's people in their own country stay that country ("Serbs in Serbia").
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from claimcmp.knowledge.gazetteer import org_slug
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.actor_candidates import Cand

# Doc.user_data key: group id -> the country of the land the people live in
LANDS = "claimcmp_lands"


def land_of(doc: Doc, group_id: str) -> str | None:
    """The country a people's group lives in, as the text placed it ("Serbs in Kosovo": XKX)."""
    return doc.user_data.get(LANDS, {}).get(group_id)




def minority_groups(doc: Doc, chosen: list[Cand], lookup: Callable[[str], dict | None]) -> None:
    """Turn, in place, the candidates naming a people placed in another country into that
    people's group, and the bare mentions of the same people after it into the group too.
    `lookup` finds a gazetteer actor by its name ("Kosovo Serbs")."""
    at = {c.start: c for c in chosen if c.actor and c.end == c.start + 1}
    groups: dict[str, dict] = {}  # the people's word ("serbs") -> its group
    for c in sorted(chosen, key=lambda c: c.start):
        word = doc[c.start]
        if not _is_people(word, c):
            continue
        land = _placed_in(word, at, c.actor)
        if land is not None:
            groups[word.lower_] = _group(word, land, lookup)
            doc.user_data.setdefault(LANDS, {})[groups[word.lower_]["id"]] = land["id"]
        if word.lower_ in groups and (land is not None or _bare(word)):
            c.actor = {**groups[word.lower_], "mention": word.text}


def _is_people(word: Token, c: Cand) -> bool:
    """A nation's people named in the plural: "Serbs", "Armenians" (not "Serbia")."""
    return bool(c.actor) and c.actor.get("kind") == "country" and c.end == c.start + 1 and word.tag_ in {"NNPS", "NNS"}


def _placed_in(word: Token, at: dict[int, Cand], own: dict) -> dict | None:
    """The country actor of the land a people is placed in, when it is not their own."""
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in cue("group_place_preps"):
            place = next((p for p in prep.children if p.dep_ == "pobj"), None)
            land = at.get(place.i) if place is not None else None
            if land is not None and land.actor.get("kind") == "country" and land.actor["id"] != own["id"]:
                return {**land.actor, "mention": place.text}
    return None


def _bare(word: Token) -> bool:
    """"Serbs", "the Serbs": no word of its own that would place them elsewhere."""
    return not any(c.dep_ in {"amod", "compound", "prep", "poss"} for c in word.children)


def _group(word: Token, land: dict, lookup: Callable[[str], dict | None]) -> dict:
    """The group of a people in a land: the gazetteer's, else one named for the land."""
    name = f"{land['mention']} {word.text}"
    known = lookup(name)
    if known is not None and known.get("kind") == "group":
        return known
    return {"id": org_slug(name), "name": name, "kind": "group", "country": None}
