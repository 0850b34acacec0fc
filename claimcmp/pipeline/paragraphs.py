"""Sentence starts at paragraph and headline breaks, set before the parser runs.

Scraped news keeps headlines, captions and datelines on lines of their own with no final
period; left to the parser they glue onto the next paragraph and make one long
"sentence" that no claim can be lined up with.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FINAL = {".", "!", "?", ":", '"', "”", "’", "»", ")"}
SHORT_LINE = 20  # tokens: a line this short that ends without punctuation is a headline


class ParagraphSplitter:
    def __init__(self, nlp: Language, name: str = "claimcmp_paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        line_start = 0
        for tok in doc:
            if not (tok.is_space and "\n" in tok.text) or tok.i + 1 >= len(doc):
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            short = tok.i - line_start <= SHORT_LINE
            if "\n\n" in tok.text or prev is None or prev.text in FINAL or short:
                doc[tok.i + 1].is_sent_start = True
            line_start = tok.i + 1
        return doc
