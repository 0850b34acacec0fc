"""Leaving an organization: "Burkina Faso withdrew from ECOWAS", "announced their withdrawal
from ECOWAS", "pulled out of the CSTO". Forces moving out of a place are a movement
(neutral, no party); a state leaving a body of states acts against that body (conflict,
"quit", toward the organization: a group diff compares with "suspend").
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.mentions import MentionIndex

def quitting_entry(word: Token, entry: StanceEntry, index: MentionIndex) -> StanceEntry:
    """A withdrawal from an organization as the act of quitting it; any other entry unchanged."""
    if entry.family != "neutral" or entry.stance not in cue("movement_stances") or not left_organizations(word, index):
        return entry
    return replace(entry, stance="quit", family="conflict", symmetric=False)


def leaving_entry(word: Token, index: MentionIndex) -> StanceEntry | None:
    """"Mali quit ECOWAS", "Russia left the Council of Europe": a leaving verb (cue
    leaving_verbs, no stance of its own: "left Beijing", "leaving 100 troops" tell none) whose
    object is an organization quits it."""
    if word.pos_ != "VERB" or word.lemma_.lower() not in cue("leaving_verbs"):
        return None
    left = [c for c in word.children if c.dep_ == "dobj" and c.lemma_.lower() not in cue("military_objects")]
    if not left or not left_organizations(word, index):
        return None  # not "leaving 100 UN troops behind"
    return StanceEntry(word.lemma_.lower(), "VERB", "quit", "conflict", False)


def left_organizations(word: Token, index: MentionIndex) -> list[dict]:
    """The organizations named after the word's "from" or "out of": "withdrew from ECOWAS", or
    a leaving verb's object: "quit ECOWAS", "left the Council of Europe" (cue leaving_verbs)."""
    outs = [c for c in word.children if c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "out"]
    preps = [c for c in word.children if c.dep_ == "prep" and c.lower_ == "from"]
    # "out of NATO", but not "the deployment of NATO troops": an "of" only after "out"
    preps += [c for h in [word, *outs] for c in h.children if outs and c.dep_ == "prep" and c.lower_ == "of"]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    if word.pos_ == "VERB" and word.lemma_.lower() in cue("leaving_verbs"):
        objects += [c for c in word.children if c.dep_ == "dobj"]
    found: list[dict] = []
    for obj in objects:
        found.extend(a for a in actors_of(obj, index) if a.get("kind") == "organization" and a not in found)
    return found


def quitting_parties(noun: Token, entry: StanceEntry, index: MentionIndex, own: list[dict],
                     patients: list[dict]) -> tuple[list[dict], list[dict]]:
    """(doers, targets) of an event noun: for a quitting, whoever the noun's phrase names
    besides the organization left is who quits ("their withdrawal from ECOWAS": "from" names
    no giver here, "their" no patient); other nouns keep their parties."""
    left = left_organizations(noun, index) if entry.stance == "quit" else []
    if not left:
        return own, patients
    return [a for a in own + patients if a not in left], left
