"""What a word acts on: its objects, direct and through the given prepositions ("send tanks
to Ukraine", "the boarding of the boats"), and the parties "between X and Y" names.
"""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.dep_labels import OBJECT_DEPS
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.pair_phrases import recent_pair


def object_tokens(word: Token, preps: set[str]) -> list[Token]:
    """Direct objects and prepositional objects (through the given prepositions) of `word`."""
    out: list[Token] = []
    for child in word.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":
            out.extend(c for c in child.children if c.dep_ == "pobj")  # "send tanks to Ukraine"
        elif child.dep_ in OBJECT_DEPS:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of" and _through_measure(child, preps):
            out.extend(_through_measure(child, preps))
        elif child.dep_ in {"prep", "prt"} and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
    if not out and word.pos_ == "NOUN":
        out = _shared_noun_objects(word, preps)
    if not out and word.pos_ == "VERB":
        out = _what_it_called(word) or _last_conjuncts_objects(word)
    return out


def _through_measure(of: Token, preps: set[str]) -> list[Token]:
    """"tariffs of 25 percent on Chilean copper", "aid of $3 billion to Kyiv": a measure the
    parser hangs the noun's next phrase on passes it up to the noun it measures."""
    return [p for measure in of.children if measure.dep_ == "pobj" and any(c.dep_ == "nummod" for c in measure.children)
            for prep in measure.children if prep.dep_ == "prep" and prep.lower_ in preps
            for p in prep.children if p.dep_ in {"pobj", "pcomp"}]


def _last_conjuncts_objects(verb: Token) -> list[Token]:
    """"kill or remove Assad": coordinated verbs share the object the parser hung on the last."""
    later = next((conj for conj in verb.conjuncts if conj.i > verb.i), None)
    return [c for c in later.children if c.dep_ == "dobj"] if later is not None else []


def _what_it_called(verb: Token) -> list[Token]:
    """"condemned what it called Chilean aggression", "what it described as a provocation":
    the thing named is the object, and so is whoever the parser hangs on the naming verb as
    its doer ("what it called interference by Washington")."""
    out: list[Token] = []
    for c in verb.children:
        if names_what_its_governor_does(c):
            named = named_things(c)
            doers = [o for p in c.children if p.dep_ in {"prep", "agent"} and p.lower_ == "by"
                     for o in p.children if o.dep_ == "pobj"]
            out += named + (doers if named else [])
    return out


def named_things(naming: Token) -> list[Token]:
    """What a naming verb names its object: "called it aggression" (the parser's oprd, attr or
    second dobj), "described it as a provocation"."""
    named = [o for o in naming.children if o.dep_ in {"oprd", "attr"} or o.dep_ == "dobj" and o.lower_ != "what"]
    return named + [o for p in naming.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                    if o.dep_ == "pobj"]


def named_by_what_it_called(noun: Token) -> bool:
    """Whether the noun is what a "what it called" clause names: "rejected what it called
    interference" (interference)."""
    return names_what_its_governor_does(noun.head) and noun in named_things(noun.head)


def names_what_its_governor_does(verb: Token) -> bool:
    """Whether a naming verb only names the object of the verb it hangs on: "rejected what
    it called interference" (the rejection is the claim; the naming is not one of its own)."""
    return verb.dep_ == "ccomp" and verb.lemma_.lower() in cue("naming_verbs") and \
        any(w.dep_ == "dobj" and w.lower_ == "what" for w in verb.children)


def _shared_noun_objects(noun: Token, preps: set[str]) -> list[Token]:
    """"the interception, boarding and inspection of the boats": coordinated act nouns share
    the object the parser hung on one of them, written after them all."""
    for conj in noun.conjuncts:
        found = [c for prep in conj.children if prep.dep_ == "prep" and prep.lower_ in preps
                 and prep.i > noun.i for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if found:
            return found
    return []


def between_tokens(word: Token) -> list[Token]:
    """The objects of "between X and Y" on the word, or for a noun anywhere in its phrase
    (the parser hangs it on the nearest noun: "differences on the ground in Syria between X and Y")."""
    frontier = [word]
    for depth in range(3 if word.pos_ == "NOUN" else 1):
        nested = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in {"between", "among", "amongst"}:
                    return [c for c in child.children if c.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ in cue("between_hosting_preps"):
                    nested.extend(c for c in child.children if c.dep_ == "pobj" and c.pos_ != "VERB")
        frontier = nested
    return []


def between_actors(word: Token, index: MentionIndex) -> list[dict]:
    """The parties of 'between X and Y'; 'between them' / 'between the two' refer back."""
    found: list[dict] = []
    for tok in between_tokens(word):
        if tok.lower_ in {"them", "both", "us", "themselves"} and not tok.conjuncts:
            return recent_pair(tok, index)
        found.extend(a for a in actors_of(tok, index) if a not in found)
    return found
