"""Sentence starts at paragraph and headline breaks, set before the parser runs.

Scraped news keeps headlines, captions and datelines on lines of their own with no final
period; left to the parser they glue onto the next paragraph and make one long
"sentence" that no claim can be lined up with.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

# audit: code (sentence-final punctuation, not words)
FINAL = {".", "!", "?", ":", '"', "”", "’", "»", ")"}
SHORT_LINE = 20  # tokens: a line this short that ends without punctuation is a headline
HEADLINE_MAX = 40  # tokens: a first line up to this long with no sentence end inside is one headline


DASHES = {"-", "--", "—", "–"}


class _SentenceStarts:
    """The sentence starts decided for a doc's tokens, written to it at once (write): the
    setter Token.is_sent_start looks through the whole doc for a parse at each call, 0.09 s
    of the component's 0.13 s on 60 articles. A later decision on a token replaces an earlier
    one, as a later assignment would."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._decided: dict[int, bool] = {}

    def __setitem__(self, i: int, starts: bool) -> None:
        self._decided[i] = starts

    def write(self) -> None:
        if not self._decided:
            return
        if self.doc.has_annotation("DEP"):  # the setter's own check, once
            raise ValueError(Errors.E043)
        column = self.doc.to_array(SENT_START)
        signed = column.view(numpy.int64)  # the token field is signed: 1 starts, -1 does not
        for i, starts in self._decided.items():
            signed[i] = 1 if starts else -1
        self.doc.from_array([SENT_START], column)


def _no_break_after_first_word(doc: Doc, sentence_starts: _SentenceStarts, start: int) -> None:
    """Told that a sentence starts at a paragraph, the small parser sometimes cuts again
    right after its first word ("Israel | and Hamas agreed ..."); a one-word sentence
    opening a paragraph is almost never right, so the second word continues it."""
    second = start + 1
    if second < len(doc) and not doc[second].is_space and not doc[start].is_space \
            and "\n" not in doc[start].whitespace_ and not doc[start].is_punct:
        sentence_starts[second] = False


def _line_breaks(doc: Doc) -> list[int]:
    """The positions of the space tokens holding a line break, in order: found among the
    space tokens alone (a loop over every token makes a Token object of each)."""
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()
    return [i for i in spaces if "\n" in doc[i].text]


class ParagraphSplitter:
    def __init__(self, nlp: Language, name: str = "claimcmp_paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        breaks = _line_breaks(doc)
        sentence_starts = _SentenceStarts(doc)
        self._keep_headline_whole(doc, sentence_starts)
        self._split_datelines(doc, breaks, sentence_starts)
        line_start = 0
        for i in breaks:
            if i + 1 >= len(doc):
                continue
            prev = doc[i - 1] if i > 0 else None
            short = i - line_start <= SHORT_LINE
            if "\n\n" in doc[i].text or prev is None or prev.text in FINAL or short:
                sentence_starts[i + 1] = True
                _no_break_after_first_word(doc, sentence_starts, i + 1)
            line_start = i + 1
        sentence_starts.write()
        return doc

    @staticmethod
    def _keep_headline_whole(doc: Doc, sentence_starts: _SentenceStarts) -> None:
        """"Officials Say Standoff Ends After Deadly Attack, Search On For Assailants": the
        parser cuts title-case headlines at random; a first line with no final period is
        one unit, as a reader and the annotators take it."""
        end = next((t.i for t in doc if "\n" in t.text or "\n" in t.whitespace_), len(doc) - 1)
        line = doc[:end + 1]
        if len(line) > HEADLINE_MAX or any(t.text in {".", "!", "?"} for t in line):
            return
        for i in range(line.start + 1, line.end):
            sentence_starts[i] = False

    @staticmethod
    def _split_datelines(doc: Doc, breaks: list[int], sentence_starts: _SentenceStarts) -> None:
        """'SEOUL, March 3 (Reuters) - North Korea fired ...': the story starts after the
        dash; left glued on, the capital in capitals becomes the subject. `breaks`: the
        doc's _line_breaks."""
        if len(doc) == 0:
            return
        starts = [0] + [i + 1 for i in breaks if i + 1 < len(doc)]
        for start in starts:
            first = doc[start]
            if not (first.is_upper and first.is_alpha and len(first) > 2):
                continue
            for tok in doc[start: min(start + 14, len(doc) - 1)]:
                if "\n" in tok.text:
                    break
                if _dateline_dash(doc, tok, start):
                    sentence_starts[tok.i + 1] = True
                    break


def _dateline_dash(doc: Doc, tok, start: int) -> bool:
    """A dash that ends a dateline: "(Reuters) - North Korea", "WASHINGTON—The"; a hyphen
    inside a word ("a Turkish-US deal" in a headline opening with "SDF") ends none."""
    if tok.text not in DASHES or tok.i <= start or tok.i + 1 >= len(doc):
        return False
    return tok.text != "-" or bool(tok.whitespace_ and doc[tok.i - 1].whitespace_)
