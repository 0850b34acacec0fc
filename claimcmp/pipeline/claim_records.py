"""The claim records: the claim dict a draft becomes (claim), its stable id (claim_id), the
predicate its act is anchored on (predicate_anchor), and its parties as records: each target
with the doers toward it, a country and its own state bodies one side.
"""
from __future__ import annotations

import hashlib
from typing import NamedTuple

from spacy.tokens import Span, Token

from claimcmp.pipeline.attribution import Attribution
from claimcmp.pipeline.drafts import Draft
from claimcmp.pipeline.mentions import as_party, party_key, is_state_body


def doers_by_target(subjects: list[dict], targets: list[dict | None]) -> list[tuple[dict | None, list[dict]]]:
    """Each target with the doers toward it, those with none left out: a country and its own
    state bodies are one party, so "Syria" is no doer toward "the Syrian army"."""
    pairs = [(t, [s for s in subjects if t is None or not _same_party(s, t)]) for t in targets]
    return [(target, doers) for target, doers in pairs if doers]


def shared_doers(doers_of: list[tuple[dict | None, list[dict]]]) -> list[tuple[list[dict], list]]:
    """The targets grouped by the doers toward them, in the text's order: one claim each."""
    groups: dict[tuple, tuple[list[dict], list]] = {}
    for target, doers in doers_of:
        groups.setdefault(tuple(id(d) for d in doers), (doers, []))[1].append(target)
    return list(groups.values())


class Circumstances(NamedTuple):
    """What a draft's claims share: the regions, time, modality and attribution read once."""
    regions: list[dict]
    when: dict | None
    modality: str
    attribution: Attribution


def claim_record(draft: Draft, sent: Span, doers: list[dict], whom: list[dict | None],
                 circumstances: Circumstances, sent_text: str | None = None) -> dict:
    """One claim dict, keys in the data contract's order, its id last; the first doer is
    the subject, the others its co-subjects; the first of whom the target, the others its
    co-targets. `sent_text` is sent.text, when the caller has it already."""
    target = whom[0]
    text = (sent.text if sent_text is None else sent_text).rstrip()
    attr = circumstances.attribution
    claim = {
        "article_id": sent.doc._.claimcmp_article_id or "",
        "sentence": text, "start": sent.start_char, "end": sent.start_char + len(text),
        "subject": doers[0], "co_subjects": doers[1:], "stance": draft.stance, "family": draft.family,
        "polarity": draft.polarity, "target": target, "co_targets": whom[1:],
        "topic": draft.topic if target is None else None,
        "regions": circumstances.regions, "when": circumstances.when, "modality": circumstances.modality,
        "attribution": attr.actor, "quote": attr.quote,
        "confidence": round(draft.confidence - (0.15 if target is None else 0.0), 2),
    }
    claim["id"] = claim_id(claim)
    return claim


def side(actor: dict) -> str:
    """Whose side an actor is on: a person or state body its country's; a group its own, even
    one located in a country ("rebels in Darfur attacked Sudanese troops")."""
    if actor.get("kind") == "group" and not is_state_body(actor):
        return actor["id"]
    return party_key(as_party(actor) or actor)


def _same_party(x: dict, y: dict) -> bool:
    """One actor twice, or a country and one of its own state bodies."""
    return x["id"] == y["id"] or _own_body(x, y)


def _own_body(x: dict, y: dict) -> bool:
    """A country and one of its own state bodies ("Syria" / "the Syrian army")."""
    return any(country["kind"] == "country" and is_state_body(body) and body["country"] == country["id"]
               for country, body in ((x, y), (y, x)))


def claim_id(claim: dict) -> str:
    """Stable across runs: the article, the sentence span and the claim's slots."""
    parts = [claim["article_id"], str(claim["start"]), str(claim["end"]), akey(claim["subject"]) or "",
             claim["stance"], akey(claim["target"]) or "", claim["polarity"], claim["family"]]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# the links by which a stance word is part of its governor's act: "agreed to a ceasefire",
# "held talks", "launched an air strike", "the drone attack hit the port" tell one act, not two
# audit: code (dependency labels of the parser)
_PART_OF_ACT = frozenset({"dobj", "pobj", "prep", "xcomp", "compound", "amod", "attr", "oprd", "acomp",
                          "nsubj", "nsubjpass"})


def predicate_anchor(word: Token) -> Token:
    """The predicate whose act a stance word tells: its governor through objects and
    prepositions. Two stance words of one sentence with the same actors are two claims when
    their anchors differ ("cut ties with Qatar and accused it of ..."; coordinated acts,
    "rammed and boarded", anchor on themselves), one claim when they share it."""
    while word.dep_ in _PART_OF_ACT and word.head.i != word.i:
        word = word.head
    return word


def akey(actor: dict | None) -> str | None:
    return None if actor is None else actor["id"]


def article_span(published: str | None) -> dict | None:
    if not published:
        return None
    return {"start": published, "end": published, "granularity": "day", "text": "", "source": "article"}
