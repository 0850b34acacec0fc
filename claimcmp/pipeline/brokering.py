"""Brokered acts: "the US-brokered truce between Israel and Hezbollah", "Egypt mediated a
ceasefire between Israel and Hamas". The broker acts toward each party (cooperation,
"broker"), and the parties' own act between them is a claim of its own, as a reader lists
both (issue: several parties).
"""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.objects import between_actors, object_tokens
from claimcmp.pipeline.drafts import Draft
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.subjects import subject_token


def hyphen_brokers(noun: Token, index: MentionIndex) -> list[dict]:
    """Actors written before the noun as "X-brokered", "X-mediated" (cue brokering_participles)."""
    doc, out = noun.doc, []
    for i in range(noun.left_edge.i, noun.i):
        span = index.actor_at.get(i)
        if span is None or i != span.start or span.end + 1 >= noun.i:
            continue
        if doc[span.end].text == "-" and doc[span.end + 1].lower_ in cue("brokering_participles"):
            actor = index.actor_dict(span)
            if actor not in out:
                out.append(actor)
    return out


def securing_brokers(lex: StanceLexicon, noun: Token, index: MentionIndex, between: list[dict]) -> list[dict]:
    """The doers of a verb of cue securing_verbs the act noun is object of, when they are
    not among its pair: "Brazil secured a truce between Chile and Peru" (Brazil brokered
    it); "Chile secured a truce with Peru" names no pair of two others."""
    if noun.dep_ != "dobj" or lex.verb_lemma(noun.head) not in cue("securing_verbs"):
        return []
    doer, _ = subject_token(noun.head)
    found = actors_of(doer, index) if doer is not None else []
    return [a for a in found if a not in between]


def broker_drafts(noun: Token, brokers: list[dict], parties: list[dict], polarity: str,
                  tokens: set[int]) -> list[Draft]:
    """The broker's claim toward the parties: "the US-brokered truce between X and Y"; toward
    whom the story makes them when the phrase names none ("UN-brokered talks resumed")."""
    parties = [p for p in parties if p not in brokers]
    if not brokers:
        return []
    return [Draft(noun, "broker", "cooperation", polarity, brokers, parties, False, None, tokens, 0.65)]


def brokered_pair_draft(lex: StanceLexicon, noun: Token, entry: StanceEntry, governor: Token | None,
                        pair: list[dict], polarity: str, tokens: set[int]) -> list[Draft]:
    """"Egypt brokered a ceasefire between Israel and Hamas", "Qatar hosted talks between the
    US and the Taliban": the act between the two, beside the third party's brokering or
    hosting (the governing verb's claim)."""
    if governor is None or len(pair) < 2 or \
            lex.verb_lemma(governor) not in cue("brokering_verbs") | cue("hosting_verbs"):
        return []
    return [Draft(noun, entry.stance, entry.family, polarity, pair[:1], pair[1:], entry.symmetric, None,
                  tokens, 0.55)]


def agreement_signatories(verb: Token, index: MentionIndex, brokers: list[dict]) -> list[dict]:
    """"Chile and Peru signed a peace deal brokered by Brazil", "agreed to a truce brokered
    by Brazil": Brazil brokered it between the signatories (the doers, and those with whom,
    of the verb the agreement is object of), less the brokers; "talks between Chile and
    Peru, mediated by Brazil": between the two the act names."""
    agreement = verb.head if verb.dep_ == "acl" else None
    between = [a for a in between_actors(agreement, index) if a not in brokers] if agreement is not None else []
    if len(between) >= 2:
        return between
    if agreement is None or agreement.dep_ not in {"dobj", "pobj"}:
        return []
    signing = agreement.head.head if agreement.dep_ == "pobj" else agreement.head
    if signing.pos_ != "VERB":
        return []
    doer, _ = subject_token(signing)
    found = (actors_of(doer, index) if doer is not None else []) + \
        [a for o in object_tokens(signing, {"with"}) if o.i != agreement.i for a in actors_of(o, index)]
    return [a for a in found if a not in brokers]


def mediated_without_object(verb: Token, index: MentionIndex, brokers: list[dict]) -> list[dict]:
    """"Pakistan and Afghanistan clashed. China offered to mediate": mediating with no object
    or pair of its own is between the sides of the latest hostile act, none of them the broker."""
    if verb.dep_ in {"amod", "acl"} or any(c.dep_ in {"dobj", "prep"} for c in verb.children):
        return []  # "UN-brokered talks", "talks mediated by X": the talks' own pair
    pair = [a for a in index.last_hostile_pair(verb) if a not in brokers]
    return pair if len(pair) >= 2 else []
