"""Heuristics that read scraped article text: page furniture, headline, URL, byline,
publication date and language.

Every rule here errs on the side of keeping text: a line is dropped only when it is short
and matches a furniture phrase or an unmistakable furniture shape, and a date counts as the
publication date only in the places a publisher puts one (the top few lines, a
"Published:" line, a dateline, the article URL), never in body sentences, which carry
event dates.

This module reads the URL, byline, source line, headline and language; dates written in text
are found in claimcmp.text.calendar_dates, page furniture in claimcmp.text.furniture and the
publication date in claimcmp.text.publication_dates. The names other modules import from
here (as `md`) stay importable from here.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from claimcmp.knowledge.lexicons import stopwords
from claimcmp.text.calendar_dates import _PUBLISHED_LINE, _WEEKDAYS, _dates, find_date  # noqa: F401
from claimcmp.text.furniture import (  # noqa: F401
    MAX_BREADCRUMB_CHARS, MAX_FURNITURE_CHARS, is_clock_line, is_furniture, is_headline_like, is_keyword_list,
    is_link_list_marker,
)
from claimcmp.text.publication_dates import (  # noqa: F401
    HEADER_ZONE_LINES, MAX_TITLE_CHARS, date_from_url, parse_published,
)


# --- URL, byline, source, headline ----------------------------------------------------

_URL = re.compile(
    r"https?://[^\s<>\"'()\[\]]+"
    r"|(?<![\w@./-])(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,24}/[^\s<>\"'()\[\]]*",
    re.I,
)
_BYLINE = re.compile(
    r"\s*[Bb]y\s+(?P<name>[A-Z][\w'’.-]*"
    r"(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|del|la)){0,5})"
    r"\s*(?:$|[,|–—(@-])"
)
_SOURCE_LINE = re.compile(r"\s*source\s*:\s*(?P<source>[^\n]{2,80}?)\s*$", re.I)


def find_urls(text: str) -> list[str]:
    urls = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?’”'\"")
        if not url.lower().startswith("http"):
            url = "http://" + url
        urls.append(url)
    return urls


def host_of(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return host or None


def find_author(lines: Sequence[str], zone: int = 12) -> str | None:
    """The name in a "By NAME" byline among the first lines."""
    for line in _first_nonempty(lines, zone):
        if len(line) > MAX_FURNITURE_CHARS:
            continue
        match = _BYLINE.match(line)
        if match:
            name = match.group("name").strip().rstrip(".")
            first = name.split()[0].lower().rstrip(".")
            # "By Monday, ..." and "By December ..." start sentences, not bylines
            if first not in _dates().months and not _WEEKDAYS.fullmatch(first):
                return name
    return None


_META_TAG = re.compile(r"<meta\b[^>]{0,500}>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", re.S)


def meta_author(page: str) -> str | None:
    """The content of an HTML page's <meta name="author">, when it reads as a name."""
    for tag in _META_TAG.finditer(page, 0, min(len(page), 200_000)):  # the head, not the body
        attributes = {name.lower(): value for name, _, value in _ATTRIBUTE.findall(tag.group(0))}
        if attributes.get("name", "").lower() == "author":
            name = plausible_author(html.unescape(attributes.get("content", "")))
            if name:
                return name
    return None


def plausible_author(name: str | None) -> str | None:
    """name, unless it is a date line or a web address ("Published May 5" is a byline's
    date that an HTML extractor took for its author)."""
    name = " ".join((name or "").split())
    first = name.split()[0].lower().strip(".,:") if name else ""
    if not name or _PUBLISHED_LINE.match(name) or first in _dates().months or _WEEKDAYS.fullmatch(first) \
            or re.search(r"\d|https?:|www\.", name):
        return None
    return name


def find_source_line(lines: Sequence[str]) -> str | None:
    """The X of a "Source: X" line (a credit line, so any short line of the article)."""
    for line in lines:
        match = _SOURCE_LINE.match(line) if len(line) <= MAX_FURNITURE_CHARS else None
        if match:
            return match.group("source").strip()
    return None


def find_title(lines: Sequence[str]) -> str | None:
    """The first non-furniture line when it reads as a headline: short, no final period,
    and followed by more text (a one-line text is all body)."""
    content = (line.strip() for line in lines if line.strip() and not is_furniture(line))
    first = next(content, None)
    if first is None or next(content, None) is None:
        return None
    if len(first) < MAX_TITLE_CHARS and not first.endswith("."):
        return first
    return None


def _first_nonempty(lines: Iterable[str], count: int) -> list[str]:
    found = []
    for line in lines:
        if line.strip():
            found.append(line.strip())
            if len(found) >= count:
                break
    return found


# --- language -------------------------------------------------------------------------

# The commonest words of each language are in resources/stopwords.json (lexicons.stopwords).
# English prose has a quarter of its words in stopwords()["en"]; a long text with almost
# none is not English even in a language not listed here.
MIN_ENGLISH_SHARE = 0.04
UNDETERMINED = "und"  # ISO 639-2 for "undetermined"
# Unicode ranges of scripts that settle the language on their own.
# audit: code (Unicode ranges of scripts, no words)
_SCRIPTS = (
    ("ru", ((0x0400, 0x04FF),)),
    ("ar", ((0x0600, 0x06FF), (0x0750, 0x077F))),
    ("he", ((0x0590, 0x05FF),)),
    ("el", ((0x0370, 0x03FF),)),
    ("ja", ((0x3040, 0x30FF),)),
    ("zh", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))),
    ("ko", ((0xAC00, 0xD7AF), (0x1100, 0x11FF))),
)
MIN_WORDS_FOR_LANGUAGE = 20
LANGUAGE_SAMPLE_CHARS = 200_000  # more than any news article
# One character class per script: counting with the regex engine instead of a Python loop
# over every letter (that loop was the slowest step of reading an article).
_SCRIPT_PATTERNS = tuple(
    (language, re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges) + "]"))
    for language, ranges in _SCRIPTS)
# Runs of letters: their lengths add up to the letters of a text, without a string made for each
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, by script and by function-word share;
    texts too short to tell are taken as English. A long text is judged by its start (a
    20 MB text would otherwise make lists of millions of letters and words)."""
    text = text[:LANGUAGE_SAMPLE_CHARS]
    letter_count = sum(map(len, _LETTER_RUN.findall(text)))
    if letter_count >= MIN_WORDS_FOR_LANGUAGE:
        counts: Counter[str] = Counter()
        for language, pattern in _SCRIPT_PATTERNS:
            found = sum(1 for ch in pattern.findall(text) if ch.isalpha())
            if found:
                counts[language] = found
        if counts:
            if counts["ja"] and counts["ja"] >= 0.1 * (counts["ja"] + counts["zh"]):
                counts["ja"] += counts.pop("zh", 0)  # Japanese mixes kana and kanji
            language, count = counts.most_common(1)[0]
            if count >= 0.4 * letter_count:
                return language
    words = _LETTER_RUN.findall(text.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "en"
    # each distinct word looked up once per language, not each occurrence
    occurrences = Counter(words)
    scores = {language: sum(n for word, n in occurrences.items() if word in stop)
              for language, stop in stopwords().items()}
    best = max(scores, key=lambda language: (scores[language], language == "en"))
    if best != "en" and scores[best] > scores["en"] and scores[best] >= 0.1 * len(words):
        return best
    if scores["en"] < MIN_ENGLISH_SHARE * len(words):
        return UNDETERMINED
    return "en"
