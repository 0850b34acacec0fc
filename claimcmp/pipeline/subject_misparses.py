"""Subjects the small model's parser hangs on a verb that are not its doer: a name's
abbreviation in brackets ("... [OAS], respects its charter"), a headline's speaker before a
colon ("Seoul: North Korea fires ..."), a dateline or outlet before a dash ("Wire Service–
Oman protested ..."), and of two subjects the farther, when the parser hung a verb of its own
on it. subjects._own_subject asks these."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.pipeline.dep_labels import SUBJECT_DEPS


def bracketed_abbreviation(tok: Token) -> bool:
    """A name's abbreviation in brackets the parser took for the next verb's subject: "The
    Republic of Chile is a member of the Organization of American States [OAS], respects its
    charter and ..." is Chile's act."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in {"(", "["} and doc[tok.i + 1].text in {")", "]"} \
        and tok.head.dep_ == "conj"


def speaker_before_colon(tok: Token, verb: Token) -> bool:
    """"Seoul: North Korea fires artillery": a headline's name before a colon, with the verb
    after it, is who says so (attribution's headline speaker), though the parser may hang
    it on the verb as a second subject."""
    edge = tok.right_edge  # the parser may hang the colon on the name itself
    colon = edge if edge.text == ":" else tok.doc[edge.i + 1] if edge.i + 1 < verb.i else None
    return colon is not None and colon.text == ":" and colon.i < verb.i


def dateline_before_dash(tok: Token, verb: Token) -> bool:
    """"Sputnik News – Qatar protested the decision": a name set off by a dash before the
    verb's other subject is the story's dateline or outlet, which the parser may hang on the
    verb as a first subject."""
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < verb.i else None
    dash = after if after is not None and after.text in DASHES else tok.right_edge
    return dash.text in DASHES and any(
        c.dep_ in SUBJECT_DEPS and dash.i < c.i < verb.i for c in verb.children)


DASHES = frozenset({"-", "–", "—", "--"})


def nearest_subject_first(verb: Token) -> list[Token]:
    """The verb's children, the subject nearest before it first when the parser gave it
    several and hung a finite verb of their own on the others ("Kenya's president, ...,
    offered to mediate, but Sudan rejected": the president offered, Sudan rejected; not
    "Chile, the UN, Peru and Bolivia signed", a list)."""
    children = list(verb.children)
    before = [c for c in children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if len(before) < 2 or not all(any(a.dep_ == "acl" and a.pos_ == "VERB" for a in c.children)
                                  for c in before[:-1]):
        return children
    return [before[-1]] + [c for c in children if c.i != before[-1].i]


def finite_conjunct_of_infinitive(verb: Token) -> Token | None:
    """"The US urged Rwanda to withdraw and called on all sides to talk": a verb in the past
    (or the third person) the parser joins to an infinitive cannot be a second infinitive;
    it goes with the infinitive's governor, whose subject does it (not the one urged)."""
    infinitive = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in {"VBD", "VBZ"} or infinitive.dep_ != "xcomp" \
            or infinitive.tag_ != "VB" or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return None
    return infinitive.head
