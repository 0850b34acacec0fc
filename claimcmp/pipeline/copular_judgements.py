"""Judgements told with "be": "Qatar said the measures were unjustified", '"These measures
are unjustified," the Qatari ministry said' criticize whoever took the measures; "the talks
were constructive, Kyiv said" praises those who held them. The judge is whoever says so (the
sentence's speaker, as attribution.py reads it: a reporting verb's subject, the speaker of
a quotation continued); the judged is the act's owner ("Bahrain's measures"), else the doer of
the act a bare definite noun refers back to (earlier_acts, in claims.py).
"""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.attribution import attribution
from claimcmp.pipeline.drafts import Draft, noun_parties, span_tokens
from claimcmp.pipeline.evaluations import judgement_stance
from claimcmp.pipeline.mentions import MentionIndex

_PREDICATE_DEPS = frozenset({"acomp", "attr"})


def copular_judgement_drafts(lex: StanceLexicon, verb: Token, index: MentionIndex) -> list[Draft]:
    """The judgement a "be" clause passes on an act, by whoever reports it, or none."""
    if verb.lemma_ != "be":
        return []
    act = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    judgement = judgement_of(lex, verb)
    if act is None or judgement is None or not judged_act(lex, act):
        return []
    speaker = attribution(verb, verb.sent, index, lex).actor
    if speaker is None:
        return []
    owners = [a for a in _owners(lex, act, index) if a != speaker]
    if not owners and _aimed_at_someone(act, index):
        return []  # "the use of force against Taiwan would be a mistake": Taiwan is not judged
    family, stance = judgement
    return [Draft(verb, stance, family, "positive", [speaker], owners, False, None, span_tokens(act), 0.55)]


def _owners(lex: StanceLexicon, act: Token, index: MentionIndex) -> list[dict]:
    """Whose the act is: "Peru's decision"; a named act's own doers, not the party it befell
    ("the Bolivian gas attack" is no act of Bolivia's: drafts.noun_parties)."""
    entry = lex.noun(act.lemma_.lower())
    return noun_parties(act, entry, index).own if entry is not None else actors_of(act, index)


def _aimed_at_someone(act: Token, index: MentionIndex) -> bool:
    """Whether the act's own phrase names whom it is aimed at ("the use of force against
    Taiwan")."""
    return any(index.names_actor(p.left_edge.i, p.right_edge.i) for prep in act.subtree
               if prep.dep_ == "prep" and prep.lower_ in {"against", "on", "at"}
               for p in prep.children if p.dep_ == "pobj")


def judged_act(lex: StanceLexicon, noun: Token) -> bool:
    """An act a judgement can be passed on: one referred back to ("the measures", cue
    act_reference_nouns) or named ("the strikes")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in lex.cue("act_reference_nouns") or lex.noun(lemma) is not None)


def judgement_of(lex: StanceLexicon, verb: Token) -> tuple[str, str] | None:
    """(family, stance) of what the clause says the act is: "unjustified", "a provocation"."""
    words = {t.lemma_.lower() for c in verb.children if c.dep_ in _PREDICATE_DEPS
             for t in c.subtree if t.pos_ in {"ADJ", "NOUN"}}
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "the move was not illegal": no judgement to read here
    return judgement_stance(lex, words)  # as a naming verb's predicate is read: evaluations.py
