"""Judgements given as a naming verb's predicate: "Seoul called the Japanese decision
regrettable" criticizes Japan, "Kyiv described the talks as constructive" praises whoever
held them. The verb names its object as something; what it is named decides the stance
(cues judging_verbs, censuring_judgements, approving_judgements), and the object's owner is
whom (verbs.py, as for any verb's object).
"""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon
from claimcmp.pipeline.objects import names_what_its_governor_does

# where a naming verb's predicate hangs: "called X illegal" (oprd), "described X as illegal"
# (prep "as"), "branded X a provocation" (a second object)
_PREDICATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "attr"})


def evaluation_entry(lex: StanceLexicon, verb: Token) -> StanceEntry | None:
    """The stance of a naming verb whose predicate judges its object, or None."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in lex.cue("judging_verbs") or names_what_its_governor_does(verb):
        return None
    judged = judgement_stance(lex, _judgement_words(verb))
    return None if judged is None else StanceEntry(lemma, "VERB", judged[1], judged[0], False)


def judgement_stance(lex: StanceLexicon, words: set[str]) -> tuple[str, str] | None:
    """(family, stance) of what an act is named as: censured ("illegal", or a hostile act
    named outright, "a provocation", not one that needs a qualifier, "action") or approved
    ("constructive"); None for anything else."""
    hostile_noun = any((n := lex.noun(w)) is not None and n.family == "conflict" and not n.requires for w in words)
    if words & lex.cue("censuring_judgements") or hostile_noun:
        return "conflict", "criticize"
    if words & lex.cue("approving_judgements"):
        return "cooperation", "praise"
    return None


def _judgement_words(verb: Token) -> set[str]:
    """Lemmas of what the verb names its object as, empty when it names nothing."""
    return {t.lemma_.lower() for p in naming_predicates(verb) for t in p.subtree if t.pos_ in {"ADJ", "NOUN", "VERB"}}


def naming_predicates(verb: Token) -> list[Token]:
    """What a verb names its object as: "called them terrorists", "branded the visit a
    provocation", "described X as illegal" (a label, no party the verb is toward)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    if not objects:
        return []
    predicates = [c for c in verb.children if c.dep_ in _PREDICATE_DEPS and c.i > objects[0].i]
    predicates += objects[1:]  # "branded the visit a provocation"
    # "called Hezbollah a terrorist organization": the parser makes the predicate an appositive
    predicates += [c for c in objects[0].children if c.dep_ == "appos"]
    predicates += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                   for p in c.children if p.dep_ in {"pobj", "amod", "acomp", "pcomp"}]
    return predicates
