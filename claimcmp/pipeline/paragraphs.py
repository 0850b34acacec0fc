"""Sentence starts at paragraph and headline breaks, set before the parser runs.

Scraped news keeps headlines, captions and datelines on lines of their own with no final
period; left to the parser they glue onto the next paragraph and make one long
"sentence" that no claim can be lined up with.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# audit: code (sentence-final punctuation, not words)
FINAL = {".", "!", "?", ":", '"', "”", "’", "»", ")"}
SHORT_LINE = 20  # tokens: a line this short that ends without punctuation is a headline
HEADLINE_MAX = 40  # tokens: a first line up to this long with no sentence end inside is one headline


DASHES = {"-", "--", "—", "–"}


def _no_break_after_first_word(doc: Doc, start: int) -> None:
    """Told that a sentence starts at a paragraph, the small parser sometimes cuts again
    right after its first word ("Israel | and Hamas agreed ..."); a one-word sentence
    opening a paragraph is almost never right, so the second word continues it."""
    second = start + 1
    if second < len(doc) and not doc[second].is_space and not doc[start].is_space \
            and "\n" not in doc[start].whitespace_ and not doc[start].is_punct:
        doc[second].is_sent_start = False


class ParagraphSplitter:
    def __init__(self, nlp: Language, name: str = "claimcmp_paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self._keep_headline_whole(doc)
        self._split_datelines(doc)
        line_start = 0
        for tok in doc:
            if not (tok.is_space and "\n" in tok.text) or tok.i + 1 >= len(doc):
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            short = tok.i - line_start <= SHORT_LINE
            if "\n\n" in tok.text or prev is None or prev.text in FINAL or short:
                doc[tok.i + 1].is_sent_start = True
                _no_break_after_first_word(doc, tok.i + 1)
            line_start = tok.i + 1
        return doc

    @staticmethod
    def _keep_headline_whole(doc: Doc) -> None:
        """"Officials Say Standoff Ends After Deadly Attack, Search On For Assailants": the
        parser cuts title-case headlines at random; a first line with no final period is
        one unit, as a reader and the annotators take it."""
        end = next((t.i for t in doc if "\n" in t.text or "\n" in t.whitespace_), len(doc) - 1)
        line = doc[:end + 1]
        if len(line) > HEADLINE_MAX or any(t.text in {".", "!", "?"} for t in line):
            return
        for tok in line[1:]:
            tok.is_sent_start = False

    @staticmethod
    def _split_datelines(doc: Doc) -> None:
        """'SEOUL, March 3 (Reuters) - North Korea fired ...': the story starts after the
        dash; left glued on, the capital in capitals becomes the subject."""
        if len(doc) == 0:
            return
        starts = [0] + [t.i + 1 for t in doc if t.is_space and "\n" in t.text and t.i + 1 < len(doc)]
        for start in starts:
            first = doc[start]
            if not (first.is_upper and first.is_alpha and len(first) > 2):
                continue
            for tok in doc[start: min(start + 14, len(doc) - 1)]:
                if "\n" in tok.text:
                    break
                if _dateline_dash(doc, tok, start):
                    doc[tok.i + 1].is_sent_start = True
                    break


def _dateline_dash(doc: Doc, tok, start: int) -> bool:
    """A dash that ends a dateline: "(Reuters) - North Korea", "WASHINGTON—The"; a hyphen
    inside a word ("a Turkish-US deal" in a headline opening with "SDF") ends none."""
    if tok.text not in DASHES or tok.i <= start or tok.i + 1 >= len(doc):
        return False
    return tok.text != "-" or bool(tok.whitespace_ and doc[tok.i - 1].whitespace_)
