"""When a claim's act happened: the time expression attached nearest to its clause, else
the article's date ("Russia struck Kyiv on Monday" takes Monday; a sentence with no time
words takes the publication date)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp import extensions as ext
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.mentions import MentionIndex


def when(word: Token, dated: dict[int, list[tuple[Span, Token]]], published: dict | None, *,
         own_act: bool = True, index: MentionIndex | None = None) -> dict | None:
    """The time expression attached nearest to the claim's clause, else the article date.
    `dated` is dated_by_sentence(doc). Without `own_act` the claim is what a verb did to the
    event noun `word` ("suspended a 2018 military pact"): a date before the noun, in its own
    phrase, tells which pact, not when it was suspended. `index`, the doc's, finds the word's
    sentence faster."""
    # An event noun's participle carries its time: "the agreements reached in July".
    acl = [c for c in word.children if c.dep_ == "acl"] if word.pos_ == "NOUN" else []
    chain = [t.i for t in [word, *acl, *word.ancestors]]
    dated = dated.get(_sentence_start(word, index), [])
    # Failing a time on the claim's own clause, one hung on a conjunct of it counts ("no
    # cooperation ... and no partnership since Trump is in power").
    for climb in (False, True):
        best, best_rank = None, None
        for span, anchor in dated:
            while climb and anchor is not None and anchor.dep_ == "conj" and \
                    not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in anchor.children):
                anchor = anchor.head  # a conjoined clause with its own subject has its own time
            if anchor is None or anchor.i not in chain or _names_another(span, word, own_act):
                continue
            # "for today since Trump is in power": the bare "now" yields to the span it ends
            rank = (chain.index(anchor.i), span.text.lower() in cue("present_words"))
            if best_rank is None or rank < best_rank:
                best, best_rank = span, rank
        if best is not None:
            return dict(best._.claimcmp_when)
    return published


def _names_another(span: Span, word: Token, own_act: bool) -> bool:
    """"suspended a 2018 military pact", "agreed Thursday to a February 15 ceasefire": a time
    expression before a noun tells which pact, or when the ceasefire starts: it dates the act
    of that noun only, when the claim is that act."""
    return _before_its_noun(span) and (span.root.head.i != word.i or not own_act)


def _before_its_noun(span: Span) -> bool:
    head = span.root.head
    # not a time noun's ("on Monday night" is when), nor an event's told as a time ("since
    # the 2023 earthquake", cue time_preps)
    return head.pos_ in {"NOUN", "PROPN"} and span.end <= head.i and span.root.dep_ in _NOUN_MODIFIERS \
        and head.ent_type_ not in {"DATE", "TIME"} and not (
            head.dep_ == "pobj" and head.head.lower_ in cue("time_preps"))


# audit: code (dependency labels of a noun's pre-modifiers)
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "nmod"})


def _attachment(span: Span) -> Token | None:
    """The verb (or event noun) a time expression modifies: the noun it stands before
    included ("withdrew from the 2015 deal": which deal, not when it withdrew)."""
    tok = span.root
    if _before_its_noun(span):
        return tok.head
    for _ in range(4):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX", "NOUN"} and tok.dep_ != "pobj" or tok.dep_ == "ROOT":
            return tok
    return tok


def date_spans(doc) -> list[Span]:
    return list(doc.spans[ext.DATES]) if ext.DATES in doc.spans else []


def dated_by_sentence(doc, index: MentionIndex | None = None) -> dict[int, list[tuple[Span, Token]]]:
    """(time expression, the word it modifies), in document order, under the start of
    that word's sentence. `when` looks only among the claim's ancestors, which share its
    sentence: looking up one sentence instead of every date keeps long texts linear."""
    out: dict[int, list[tuple[Span, Token]]] = {}
    for span in date_spans(doc):
        if span._.claimcmp_when:
            anchor = _attachment(span)
            out.setdefault(_sentence_start(anchor, index), []).append((span, anchor))
    return out


def _sentence_start(word: Token, index: MentionIndex | None = None) -> int:
    if index is not None:
        return index.sentence_start(word)  # a bisect, not Token.sent's walk over the doc
    try:
        return word.sent.start
    except ValueError:  # no sentence boundaries (a bare tokenizer): one sentence
        return 0
