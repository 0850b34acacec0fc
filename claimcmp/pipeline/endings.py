"""What ends an act named by a noun: a noun that governs it ("the cessation of hostilities")
or a predicate it is the subject of ("the war ended", "the fighting is coming to an end",
"the war is over"). Ending a hostile act is cooperation, ending a cooperative one conflict
(the annotation guide's ending rules); nouns.py flips the family."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon
from claimcmp.pipeline.dep_labels import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS


def ending_noun(lex: StanceLexicon, noun: Token) -> Token | None:
    """The noun that ends this one: "the cessation of hostilities", "termination of the deal",
    "the withdrawal from the deal", "a pause in the offensive"."""
    if noun.dep_ != "pobj":
        return None
    prep, ender = noun.head.lower_, noun.head.head.lemma_.lower()
    if prep == "of" and ender in lex.cue("ending_nouns") or prep == "from" and ender in lex.cue("leaving_nouns") \
            or prep == "in" and ender in lex.cue("pausing_nouns"):
        return noun.head.head
    return None


def ending_predicate(lex: StanceLexicon, noun: Token) -> Token | None:
    """The word of the noun's own predicate that ends it, unless that is denied: "the war
    ended", "hostilities ceased" (a verb of cue hostility_enders with no object), "is coming
    to an end" (a noun of cue ending_nouns after "to"), "the war is over", "two years of war
    are over" (through an amount noun), "declared the war over" (a verb of cue declaring_verbs)."""
    if noun.dep_ == "dobj" and lex.verb_lemma(noun.head) in lex.cue("declaring_verbs"):
        return _over(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lex.cue("amount_nouns"):
        noun = noun.head.head
    if noun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return None
    verb = noun.head
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "the war has not ended"
    if lex.verb_lemma(verb) in lex.cue("hostility_enders") and not any(c.dep_ == "dobj" for c in verb.children):
        return verb
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            end = next((p for p in child.children if p.dep_ == "pobj"), None)
            if end is not None and end.lemma_.lower() in lex.cue("ending_nouns"):
                return end
    return _over(verb) if verb.lemma_ == "be" else None


def _over(verb: Token) -> Token | None:
    """The "over" of "is over" or "declared the war over" (parsed as any of OVER_DEPS)."""
    return next((c for c in verb.children if c.lower_ == "over" and c.dep_ in OVER_DEPS), None)


OVER_DEPS = frozenset({"acomp", "advmod", "prep", "prt", "oprd"})
