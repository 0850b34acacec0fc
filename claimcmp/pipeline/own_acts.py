"""Acts that need no other party filled in from the article: an act on the doer's own thing
("closed its borders to protect its national security") and a mutual act with people who are
no party ("spoke with reporters"); the claim extractor leaves their target empty or makes no
claim (claims.ClaimExtractor._complete)."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.pipeline.claim_records import side
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.references import resolve_pronoun


def on_its_own(word: Token, index: MentionIndex, own: set[str]) -> bool:
    """An act on the doer's own thing, no party to fill in from the article: "closed its
    borders to protect its national security", "agreed to limit its nuclear programme" (the
    object owned by an "its" that names the doer's side and naming no actor; not "threatened
    its neighbor", a party, nor "jets struck its positions", another's, nor "expanded its
    operation", an act, nor "renounce its struggle against Israel", which names the party);
    or an object naming the doer's side alone ("defend the rights of Chinese companies")."""
    objects = [c for c in word.children if c.dep_ == "dobj"]
    return bool(objects) and all(_own_sides(o, index, own) or _its_own_thing(o, index, own) for o in objects)


def _its_own_thing(obj: Token, index: MentionIndex, own: set[str]) -> bool:
    """An object owned by an "its" that names the doer's side, naming no actor, no party
    noun and no act: "its national security"."""
    parties, lex = cue("opponent_nouns") | cue("pair_nouns"), stance_lexicon()
    return not index.names_actor(obj.left_edge.i, obj.right_edge.i) \
        and obj.lemma_.lower() not in parties and lex.noun(obj.lemma_) is None \
        and any(p.dep_ == "poss" and p.lower_ == "its" and _names_side(p, index, own) for p in obj.children)


def _own_sides(obj: Token, index: MentionIndex, own: set[str]) -> bool:
    """An object whose phrase names the doer's side alone, in its modifiers: "defend the rights
    of Chinese companies" (China's), with no stance noun or actor at its head."""
    named = {side(index.actor_dict(index.actor_at[i])) for i in range(obj.left_edge.i, obj.right_edge.i + 1)
             if i in index.actor_at}
    return bool(named) and named <= own and obj.i not in index.actor_at and stance_lexicon().noun(obj.lemma_) is None


def with_no_party(word: Token, index: MentionIndex) -> bool:
    """A mutual act whose "with" names people and no actor: "spoke with reporters"."""
    partners = [p for c in word.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    return bool(partners) and not any(index.names_actor(p.left_edge.i, p.right_edge.i) for p in partners)


def _names_side(pronoun: Token, index: MentionIndex, own: set[str]) -> bool:
    """Whether the pronoun refers to one of the sides `own` (references.resolve_pronoun)."""
    return any(side(a) in own for a in resolve_pronoun(pronoun, index))
