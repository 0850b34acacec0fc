"""Cutting a long text into pieces the pipeline handles in bounded time and memory.

spaCy's memory grows with the length of a Doc and some of its steps (and ours) grow
faster than linearly with it, so a long article goes through the pipeline in pieces of
about CHUNK_CHARS characters cut at paragraph or sentence ends; a news article is far
shorter and stays one piece. A run of characters without whitespace makes spaCy's
tokenizer quadratic in the run's length: such runs are broken up before tokenizing,
character for character, so every offset stays that of the original text.
"""
from __future__ import annotations

import re

CHUNK_CHARS = 100_000  # a news article is 2-30 KB: only very long texts are cut
LONG_RUN_CHARS = 400  # longer than any URL or word in prose
# Where a long text may be cut, best first. Each pattern ends after the whitespace that
# follows the break, so every chunk starts on a word and no sentence is split in two.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")
_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN_CHARS + 1))


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering text, each chunk at most `limit` characters, cut at
    a paragraph break, else a sentence end, else whitespace (a hard cut only for a run
    of `limit` characters without any). One pair when the text fits."""
    if limit <= 0 or len(text) <= limit:
        return [(0, text)]
    chunks = []
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start:start + limit])
        chunks.append((start, text[start:end]))
        start = end
    if start < len(text):
        chunks.append((start, text[start:]))
    return chunks


def _cut(window: str) -> int:
    """Where to end a chunk in window (a position > 0). A paragraph break in the first
    half of the window would make needlessly small chunks: a sentence end later on is
    preferred to it."""
    for least in (len(window) // 2, 0):
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > least]
            if ends:
                return ends[-1]
    spaces = [m.end() for m in _WHITESPACE.finditer(window)]
    return spaces[-1] if spaces else len(window)


def guard_long_runs(text: str) -> str:
    """text with every run of more than LONG_RUN_CHARS non-space characters broken by a
    space every LONG_RUN_CHARS characters (the character there is replaced, so the
    length and every offset stay the same). Returns text itself when there is none."""
    runs = [match.span() for match in _LONG_RUN.finditer(text)]
    if not runs:
        return text
    chars = list(text)
    for start, end in runs:
        for position in range(start + LONG_RUN_CHARS, end - 1, LONG_RUN_CHARS):
            chars[position] = " "
    return "".join(chars)
