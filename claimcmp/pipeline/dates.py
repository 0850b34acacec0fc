"""spaCy component: tag time expressions and resolve them to DateSpans.

Candidates are times given by a term of office (claimcmp.knowledge.tenures: "since Trump took office"),
then the NER's DATE entities (when the pipeline has NER) and the regex finds of
claimcmp.time.expressions.find_expressions; of overlapping candidates the longest one that resolves
wins. Each kept span goes to doc.spans[extensions.DATES] with span._.claimcmp_when set to the
DateSpan as a JSON-ready dict (extensions hold plain data so Docs survive DocBin/multiprocessing).

Not registered as a factory here: claimcmp.pipeline.factories does that.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcmp import extensions
from claimcmp.knowledge import tenures
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.component_data import ComponentData, with_overlay
from claimcmp.time.temporal import Direction, find_expressions, resolve

# Words inside the expression that fix its direction whatever the verb says.
_FUTURE_WORDS = re.compile(r"\b(?:next|coming|upcoming|tomorrow|from now)\b", re.I)
_FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll", "wo"}  # "wo" is the first half of "won't"
_PAST_AUX = {"had", "did", "was", "were", "'d"}
# Heads that make an xcomp verb future ("are going to resume", "plans to visit"): future_heads
# of cues.json.


def parse_published(value) -> dt.date | None:
    """doc._.claimcmp_published as a date (ISO string, date or None); anything else -> None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _head_verb(span: Span) -> Token | None:
    """The first VERB/AUX on the way up from the expression's root (bounded: parses can loop
    only through the root, which is its own head, but stay safe)."""
    tok = span.root
    for _ in range(len(span.doc)):
        if tok.pos_ in ("VERB", "AUX") and not (tok.i >= span.start and tok.i < span.end):
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def grammatical_direction(span: Span) -> Direction:
    """future / past / auto from the expression's words and its head verb's tense and auxiliaries."""
    if _FUTURE_WORDS.search(span.text):
        return "future"
    if not span.doc.has_annotation("DEP"):
        return "auto"  # blank pipeline: no parse to read
    verb = _head_verb(span)
    if verb is None:
        return "auto"
    direction = _verb_direction(verb)
    if direction == "auto" and verb.tag_ in _NON_FINITE:
        # "signed orders to strike ... on Monday": an infinitive or gerund has no tense of
        # its own; the verb that governs it has (HeidelTime's rule: a past-tense sentence
        # takes the previous Monday, a future one the next)
        governing = _governing_verb(verb)
        if governing is not None:
            direction = _verb_direction(governing)
    return direction


_NON_FINITE = {"VB", "VBG"}


def _governing_verb(verb: Token) -> Token | None:
    """The nearest verb above a non-finite one (through a noun it modifies: "orders to
    strike"), within a few steps and the same sentence."""
    tok = verb
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _verb_direction(verb: Token) -> Direction:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX:
        return "future"
    if "would" in auxes and "have" not in auxes:
        return "future"  # "said it would hold a meeting on Tuesday": the Tuesday after the saying
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cue("future_heads") and verb.head.tag_ != "VBD":
        return "future"
    if verb.tag_ == "VBN" and verb.lemma_.lower() in cue("future_heads") and auxes & {"is", "are", "am"}:
        return "future"  # "the summit is planned / scheduled / expected for October"
    if auxes & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and auxes & {"has", "have", "been"}:
        return "past"
    return "auto"


class DateTagger(ComponentData):
    """Writes doc.spans[extensions.DATES]; works with or without parser/NER (regex only then)."""

    def __init__(self, nlp: Language, name: str = "claimcmp_dates", *, resources: str | None = None):
        self.name = name
        self._set_resources(resources)

    def initialize(self, get_examples=None, *, nlp: Language | None = None, resources: str | None = None) -> None:
        self._use_resources(resources)

    @with_overlay
    def __call__(self, doc: Doc) -> Doc:
        published = parse_published(doc._.claimcmp_published)
        text = doc.text  # built from the tokens on every access: read once
        candidates: set[tuple[int, int]] = set()
        if doc.has_annotation("ENT_IOB"):
            candidates.update((e.start, e.end) for e in doc.ents if e.label_ == "DATE")
        for s, e in find_expressions(text):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                candidates.add((span.start, span.end))
        kept: list[Span] = []
        taken = [False] * len(doc)
        # Times given by a term of office come first: "since Trump took office" is one
        # expression, not "Trump" with a stray "since".
        for find in tenures.find(text, published):
            span = doc.char_span(find.start, find.end, label="DATE", alignment_mode="expand")
            if span is None or not len(span) or any(taken[span.start:span.end]):
                continue
            span._.claimcmp_when = find.span.model_dump(mode="json")
            taken[span.start:span.end] = [True] * len(span)
            kept.append(span)
        # longest first; a candidate that does not resolve leaves room for a shorter one
        for start, end in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if any(taken[start:end]):
                continue
            span = Span(doc, start, end, label="DATE")
            when = resolve(span.text, published, direction=grammatical_direction(span))
            if when is None:
                continue
            span._.claimcmp_when = when.model_dump(mode="json")
            taken[start:end] = [True] * (end - start)
            kept.append(span)
        kept.sort(key=lambda s: s.start)
        doc.spans[extensions.DATES] = kept
        return doc
