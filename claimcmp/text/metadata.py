"""Heuristics that read scraped article text: page furniture, headline, URL, byline,
publication date and language.

Every rule here errs on the side of keeping text: a line is dropped only when it is short
and matches a furniture phrase or an unmistakable furniture shape, and a date counts as the
publication date only in the places a publisher puts one (the top few lines, a
"Published:" line, a dateline, the article URL), never in body sentences, which carry
event dates.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

from claimcmp.knowledge.lexicons import cue_lists, stopwords, time_words
from claimcmp.knowledge.resource_loader import overlay_cached

HEADER_ZONE_LINES = 5
MAX_FURNITURE_CHARS = 90  # furniture is short; longer lines are assumed to be prose
MAX_BREADCRUMB_CHARS = 200  # a breadcrumb ends with the (possibly long) page title
MAX_TITLE_CHARS = 200

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


# --- dates ----------------------------------------------------------------------------

_DAY = r"(?<![\d+:./-])(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"


class _Dates(NamedTuple):
    months: dict[str, int]  # month name or abbreviation, lower case -> 1..12
    patterns: tuple[re.Pattern, ...]  # complete dates, in the order find_date tries them
    month_day: re.Pattern  # a month and day with no year: "December 9"


@overlay_cached
def _dates(overlay: str | None = None) -> _Dates:
    """The month words of the overlay in force (month_names of cues.json, month_abbreviations
    of time_words.json) and the date patterns made of them."""
    months = ({n: i + 1 for i, n in enumerate(cue_lists.for_overlay(overlay)["month_names"])}
              | time_words.for_overlay(overlay)["month_abbreviations"])
    month = r"(?P<month>%s)\.?" % "|".join(sorted(months, key=len, reverse=True))
    patterns = (
        re.compile(r"(?<![\d+:./-])" + _YEAR.replace("(?!\\d)", "")
                   + r"(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d:])"),
        re.compile(rf"\b{month}\s+{_DAY},?\s+{_YEAR}", re.I),
        re.compile(rf"{_DAY}\s+(?:of\s+)?{month},?\s+{_YEAR}", re.I),
        re.compile(r"(?<![\d+:./-])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
                   + _YEAR),
    )
    return _Dates(months, patterns, re.compile(rf"\b{month}\s+{_DAY}(?!\d)(?!,?\s+(?:19|20)\d\d)", re.I))


# Time zones are matched case-sensitively: "est" is a French and Spanish word.
_TIME_OF_DAY = re.compile(
    r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)(?![./-]\d)|\b\d{1,2}\s*(?i:am\b|pm\b|a\.m\.|p\.m\.)"
    r"|\b(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|MSK|BST|IST|AEST)\b"
)
_WEEKDAYS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?\b", re.I
)
_PUBLISHED_LINE = re.compile(
    r"\s*(?:first\s+|originally\s+|last\s+)?(?P<label>published|posted|updated|modified|"
    r"date|dated|released|issued)\b", re.I,
)
# "WASHINGTON, Dec. 9 (Reuters) -" and "BEIRUT, Lebanon, December 9, 2016 —"
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?,\s+(?P<date>[^()\-–—]{3,30}?)"
    r"\s*(?:\([^)]{1,30}\))?\s*[-–—]"
)
_YEAR_ONLY = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEARS_ACCEPTED = range(1900, 2101)


def find_date(text: str) -> tuple[dt.date, re.Match] | None:
    """The first complete calendar date written in text (ISO, "December 9, 2016",
    "9 December 2016", "09.12.2016"); numeric dates whose day and month could be swapped
    are skipped rather than guessed."""
    found: list[tuple[int, dt.date, re.Match]] = []
    for pattern in _dates().patterns:
        for match in pattern.finditer(text):
            date = _date_of(match)
            if date is not None:
                found.append((match.start(), date, match))
                break
    if not found:
        return None
    _, date, match = min(found, key=lambda item: item[0])
    return date, match


def _date_of(match: re.Match) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month, day = _dates().months[groups["month"].lower()], int(groups["day"])
    elif groups.get("m"):
        month, day = int(groups["m"]), int(groups["d"])
    else:
        first, second = int(groups["a"]), int(groups["b"])
        if groups["sep"] == ".":  # dotted dates are day.month.year wherever they are used
            day, month = first, second
        elif first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None
    if year not in _YEARS_ACCEPTED:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# "September 20, 2016 7:01 pm": a byline gives the hour of publication on the 12-hour
# clock right after the date; a scrape clock is 24-hour or zoned ("10:42 GMT").
_BYLINE_TIME = re.compile(r",?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?i:am|pm|a\.m\.|p\.m\.)(?!\w)"
                          r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST)\b)?")


def _without_byline_time(line: str) -> str:
    """line without a 12-hour time of day that directly follows its date."""
    found = find_date(line)
    if found is None:
        return line
    end = found[1].end()
    byline_time = _BYLINE_TIME.match(line, end)
    return line[:end] + line[byline_time.end():] if byline_time else line


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


def parse_published(lines: Iterable[str], zone: int = HEADER_ZONE_LINES) -> dt.date | None:
    """The publication date stated in the header zone of an article (its first `zone`
    non-empty, non-furniture lines), or None.

    Accepted, best first: a "Published/Posted/Date:" line (a time of day is fine there), a
    line that is just a date, a wire dateline ("WASHINGTON, Dec. 9 (Reuters) -"; a missing
    year is taken from the header), an "Updated/Modified" line. Dates in prose lines are
    event dates and are ignored; so are scrape clocks ("10:42 GMT +3 17 October 2019").
    """
    header = _header_zone(lines, zone)
    candidates: list[tuple[int, int, dt.date]] = []
    for position, line in enumerate(header):
        ranked = _rank_header_line(line, header)
        if ranked is not None:
            candidates.append((ranked[0], position, ranked[1]))
    return min(candidates)[2] if candidates else None


def _header_zone(lines: Iterable[str], zone: int) -> list[str]:
    header: list[str] = []
    previous_was_live = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if is_furniture(line):
            # a live-radio banner comes with the page clock: the line after it is furniture too
            previous_was_live = _key(line) in {"listen live", "live", "watch live", "on air"}
            continue
        if previous_was_live and find_date(line) and len(line) <= MAX_FURNITURE_CHARS:
            previous_was_live = False
            continue
        previous_was_live = False
        header.append(line)
        if len(header) >= zone:
            break
    return header


def _rank_header_line(line: str, header: Sequence[str]) -> tuple[int, dt.date] | None:
    if len(line) > MAX_TITLE_CHARS * 2:
        line = line[: MAX_TITLE_CHARS * 2]
    label = _PUBLISHED_LINE.match(line)
    if label:
        found = find_date(line)
        if found:
            updated = label.group("label").lower() in {"updated", "modified"}
            updated = updated or line.lstrip().lower().startswith("last ")
            return (3 if updated else 0), found[0]
    dated = _without_byline_time(line)
    found = find_date(dated)
    if found and len(line) <= MAX_FURNITURE_CHARS and not _TIME_OF_DAY.search(dated):
        rest = dated[: found[1].start()] + dated[found[1].end():]
        rest = _WEEKDAYS.sub(" ", rest)
        if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 4:
            return 1, found[0]
    dateline = _DATELINE.match(line)
    if dateline:
        date = _dateline_date(dateline.group("date"), header)
        if date:
            return 2, date
    return None


def _dateline_date(text: str, header: Sequence[str]) -> dt.date | None:
    found = find_date(text)
    if found:
        return found[0]
    month_day = _dates().month_day.fullmatch(text.strip().rstrip(","))
    if not month_day:
        return None
    years = [
        int(year)
        for line in header
        if not _TIME_OF_DAY.search(line)
        for year in _YEAR_ONLY.findall(line)
    ]
    if not years:
        return None
    year = Counter(years).most_common(1)[0][0]
    try:
        return dt.date(year, _dates().months[month_day.group("month").lower()], int(month_day.group("day")))
    except ValueError:
        return None


_URL_DATE = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=[/_\-.]|$)"),
    re.compile(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_\-.]|$)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_\-.]|$)"),
)


def date_from_url(url: str) -> dt.date | None:
    """A publication date in a URL path: /2016/12/09/, /2016-12-09/ or /20161209/."""
    path = urlsplit(url).path if "://" in url else url
    for pattern in _URL_DATE:
        for match in pattern.finditer(path):
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                continue
    return None


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
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, by script and by function-word share;
    texts too short to tell are taken as English. A long text is judged by its start (a
    20 MB text would otherwise make lists of millions of letters and words)."""
    text = text[:LANGUAGE_SAMPLE_CHARS]
    letter_count = len(_LETTER.findall(text))
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
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "en"
    scores = {language: sum(w in stop for w in words) for language, stop in stopwords().items()}
    best = max(scores, key=lambda language: (scores[language], language == "en"))
    if best != "en" and scores[best] > scores["en"] and scores[best] >= 0.1 * len(words):
        return best
    if scores["en"] < MIN_ENGLISH_SHARE * len(words):
        return UNDETERMINED
    return "en"
