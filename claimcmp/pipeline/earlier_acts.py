"""Reactions to an act told just before: "Serbia recalled its ambassador from Montenegro.
Podgorica condemned the move." The move is Serbia's, so the condemnation is toward Serbia,
not toward whichever party the article names most (salience.py, the guess that would
otherwise fill the target in).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon
from claimcmp.pipeline.claim_records import side
from claimcmp.pipeline.dep_labels import referred_back
from claimcmp.pipeline.drafts import Draft
from claimcmp.pipeline.copular_judgements import judgement_of
from claimcmp.pipeline.evaluations import evaluation_entry

# how many sentences back the act referred to may be told: a bare "the move" refers to what was
# just told; an act named again ("the sanctions" of the lead) is told once and referred to far on
WINDOW = 2
NAMED_ACT_WINDOW = 10


def doers_of_named_act(lex: StanceLexicon, noun: Token, stance: str, index) -> list[dict]:
    """Whoever did the hostile act a definite noun names again ("Peru seized a Chilean trawler.
    Chile condemned the seizure"; "the sanctions", "the levies"): the doer of the latest act of
    the noun's synonym group (mentions._same_act) told within NAMED_ACT_WINDOW sentences."""
    if not referred_back(noun):
        return []
    return index.doer_of(noun, stance, armed=stance in lex.cue("armed_stances"), window=NAMED_ACT_WINDOW)


def referred_act(lex: StanceLexicon, word: Token) -> bool:
    """Whether a reaction verb's object refers back to an act by a bare definite noun: "condemned
    the move", "called this decision regrettable", "these measures are unjustified" (cue
    act_reference_nouns; not "the Serbian move", which names its doer, nor "the move to recall
    envoys" which says what move)."""
    obj = _referring_noun(lex, word)
    if obj is None or obj.lemma_.lower() not in lex.cue("act_reference_nouns"):
        return False
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in obj.children) \
        and all(c.dep_ in {"det", "punct"} for c in obj.children)


def _referring_noun(lex: StanceLexicon, word: Token) -> Token | None:
    """The noun a reaction or judgement is about: a reaction verb's or naming verb's object,
    or what a "be" judgement is passed on ("the measures were unjustified")."""
    if word.lemma_ == "be":  # only a judgement: "this agreement is for that region" refers to no act
        return next((c for c in word.children if c.dep_ == "nsubj"), None) if judgement_of(lex, word) else None
    if word.pos_ != "VERB" or not (lex.verb_lemma(word) in lex.cue("reaction_verbs")
                                   or evaluation_entry(lex, word) is not None):
        return None
    return next((c for c in word.children if c.dep_ == "dobj"), None)


def toward_earlier_doer(draft: Draft, recent: list[tuple[int, dict]], sent_no: int) -> Draft:
    """The draft toward the doer of the latest act of another side told in the WINDOW
    sentences before (`recent`: (sentence number, claim) in the text's order)."""
    own = {side(a) for a in draft.subjects}
    for number, claim in reversed(recent):
        if sent_no - number > WINDOW:
            break
        if number < sent_no and claim["family"] != "neutral" and side(claim["subject"]) not in own:
            return replace(draft, targets=[claim["subject"]], stated=True)
    return draft
