"""Page furniture in scraped text: navigation, sharing widgets, counters, image names, photo
credits and scrape clocks (is_furniture, is_clock_line), and the shapes of a "Related" list of
links (is_link_list_marker, is_headline_like, is_keyword_list).

Every rule here errs on the side of keeping text: a line is dropped only when it is short
and matches a furniture phrase or an unmistakable furniture shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimcmp.knowledge.lexicons import cue_lists
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.text.calendar_dates import (
    _PUBLISHED_LINE, _TIME_OF_DAY, _YEAR_ONLY, _without_byline_time, find_date,
)

MAX_FURNITURE_CHARS = 90  # furniture is short; longer lines are assumed to be prose
MAX_BREADCRUMB_CHARS = 200  # a breadcrumb ends with the (possibly long) page title

# --- page furniture -------------------------------------------------------------------

# Furniture word lists are in resources/cues.json: furniture_phrases (whole-line phrases,
# compared lower-cased, trailing punctuation and spaces ignored; a line made only of these,
# glued or separated, is furniture: "Community standardsDiscussion" is two of them),
# furniture_fragments (make a short line furniture wherever they appear in it),
# furniture_labels ("Views: 2002") and link_list_markers (after which a run of headline-like
# lines is a list of links, not the story).


@dataclass(frozen=True)
class _Furniture:
    only_phrases: re.Pattern
    fragments: tuple[str, ...]
    label_line: re.Pattern
    link_list_markers: frozenset[str]


@overlay_cached
def _furniture(overlay: str | None = None) -> _Furniture:
    """The furniture lists of the overlay in force, and the patterns made of them."""
    lists = cue_lists.for_overlay(overlay)
    alternation = "|".join(
        re.escape(p) for p in sorted(set(lists["furniture_phrases"]), key=len, reverse=True)
    )
    return _Furniture(
        only_phrases=re.compile(rf"(?:(?:{alternation})[\s|·•,:;/!.\-–—]*)+"),
        fragments=lists["furniture_fragments"],
        label_line=re.compile(
            r"(?:%s)\s*:.*" % "|".join(re.escape(label) for label in lists["furniture_labels"]), re.I
        ),
        link_list_markers=frozenset(lists["link_list_markers"]),
    )


_BREADCRUMB_SEPARATOR = re.compile(r"\s+[/>»›|]\s+")
_IMAGE_NAME = re.compile(
    r"[\w.-]*\.(?:jpe?g|png|gif|webp|svg|bmp)|(?=[\w-]*\d)[\w-]*\d{2,}x\d{2,}[\w-]*", re.I
)
_PHOTO_CREDIT = re.compile(
    r"(?:©|\(c\)|copyright\b|photo\s*(?:credit)?\s*:|image\s*:|credit\s*:|"
    r"(?:afp|reuters|ap|getty|epa|sputnik)\s+photo\b)",
    re.I,
)
_NO_LETTERS = re.compile(r"[^A-Za-z\u00C0-\uFFFF]*")
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+", re.I)
_SENTENCE_END = re.compile(r"[.!?]['\"”’»)]*$")


def _key(line: str) -> str:
    """A line as the lexicon compares it: lower case, single spaces, no end punctuation."""
    return re.sub(r"\s+", " ", line).strip().strip(" .:!|•·-–—").lower()


def is_furniture(line: str) -> bool:
    """True when a line is page furniture (navigation, sharing widgets, counters, image
    names, photo credits, scrape clocks) rather than part of the story."""
    stripped = line.strip()
    if not stripped:
        return False
    key = _key(stripped)
    if len(stripped) <= MAX_BREADCRUMB_CHARS and _is_breadcrumb(stripped):
        return True
    if _URL_ONLY.fullmatch(stripped):
        return True
    if len(stripped) > MAX_FURNITURE_CHARS:
        return False
    if not key or _NO_LETTERS.fullmatch(stripped):  # counters such as "39437", not dates
        return find_date(stripped) is None or is_clock_line(stripped)
    furniture = _furniture()
    if furniture.only_phrases.fullmatch(key):
        return True
    if any(fragment in key for fragment in furniture.fragments):
        return True
    if furniture.label_line.fullmatch(stripped):
        return True
    if _IMAGE_NAME.fullmatch(stripped):
        return True
    if _PHOTO_CREDIT.match(stripped) and not _SENTENCE_END.search(stripped):
        return True
    return is_clock_line(stripped)


def _is_breadcrumb(line: str) -> bool:
    """ "Home / REGIONS / Middle East / Title": three or more separated crumbs starting
    at a home link, or whose inner crumbs are all one- to three-word labels."""
    crumbs = _BREADCRUMB_SEPARATOR.split(line)
    if len(crumbs) < 3 or find_date(line):  # "By X | Reuters | Dec 9, 2016" is a byline
        return False
    if crumbs[0].strip().lower() in {"home", "homepage", "main", "start", "news"}:
        return True
    return all(len(c.split()) <= 3 and not _SENTENCE_END.search(c) for c in crumbs[:-1])


def is_link_list_marker(line: str) -> bool:
    return _key(line) in _furniture().link_list_markers


def is_headline_like(line: str) -> bool:
    """Short and without a sentence end: a link title in a "Related" list."""
    stripped = line.strip()
    return 0 < len(stripped.split()) <= 15 and not re.search(r"[.!]['\"”’»)]*$", stripped)


def is_keyword_list(line: str) -> bool:
    """ "Syrian ceasefire, Daesh, Vladimir Putin, ...": three or more comma-separated
    items of at most four words and no sentence end (a tag list)."""
    items = [item.strip() for item in line.strip().split(",")]
    return (
        len(items) >= 3
        and all(0 < len(item.split()) <= 4 for item in items)
        and not _SENTENCE_END.search(line.strip())
    )


def is_clock_line(line: str) -> bool:
    """A date next to a time of day or a time zone outside a "Published" line: the
    clock a page shows when it was captured, not when the story appeared (a byline's
    "September 20, 2016 7:01 pm" is not one)."""
    return (
        len(line) <= MAX_FURNITURE_CHARS
        and bool(_TIME_OF_DAY.search(_without_byline_time(line)))
        and not _PUBLISHED_LINE.match(line)
        and (find_date(line) is not None or bool(_YEAR_ONLY.search(line)))
    )
