"""Whether an act is told on a condition: its clause, or one above it, opens with "if",
"unless", "as long as", or the act is done "only after" another (context.modality asks)."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon


def _as_long_as(head: Token) -> bool:
    """'as long as X' / 'so long as X' introduce a condition (parsed as advmod, not mark)."""
    for child in head.children:
        if child.lower_ == "as" and child.dep_ in {"mark", "advmod"} and child.i >= 2:
            if head.doc[child.i - 1].lower_ == "long" and head.doc[child.i - 2].lower_ in {"as", "so"}:
                return True
    return False


def conditioned(heads: list[Token], lex: StanceLexicon) -> bool:
    """The act's clause or one above it is a condition ("if", "unless", "as long as"), or
    hangs on one ("If Taiwan declares independence, China will attack"; "only after ...")."""
    marks = {c.lower_ for tok in heads for c in tok.children if c.dep_ == "mark"}
    marks |= {m.lower_ for tok in heads[:1] for c in tok.children if c.dep_ == "advcl"
              for m in c.children if m.dep_ == "mark" and m.lower_ in {"if", "unless"}}
    return bool(marks & lex.cue("condition_marks")) or any(_as_long_as(tok) for tok in heads) or \
        _only_upon(heads[0], lex)


def _only_upon(head: Token, lex: StanceLexicon) -> bool:
    """"Israel will end the operation only after the militants leave", "will lift the
    sanctions only when troops withdraw", "only after the withdrawal": an act done only upon
    another (cue only_upon_marks, with "only" on the opener, its clause or the act) is conditional."""
    if head.tag_ not in {"VB", "VBP", "VBZ"}:
        return False  # "agreed only after the talks" tells what happened, on no condition
    marks = lex.cue("only_upon_marks")
    openers = [(part, part) for part in head.children if part.dep_ == "prep" and part.lower_ in marks] + \
        [(part, c) for part in head.children if part.dep_ == "advcl"
         for c in part.children if c.dep_ in {"mark", "advmod"} and c.lower_ in marks]
    return any(_has_only(head) or _has_only(part) or _has_only(opener) for part, opener in openers)


def _has_only(tok: Token) -> bool:
    """"only" modifies the token."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in tok.children)
