"""The publication date of an article: the one stated in its header zone (parse_published) or
in its URL (date_from_url).

A date counts as the publication date only in the places a publisher puts one (the top few
lines, a "Published:" line, a dateline, the article URL), never in body sentences, which
carry event dates.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from claimcmp.text.calendar_dates import (
    _PUBLISHED_LINE, _TIME_OF_DAY, _WEEKDAYS, _YEAR_ONLY, _dates, _without_byline_time, find_date,
)
from claimcmp.text.furniture import MAX_FURNITURE_CHARS, _key, is_furniture

HEADER_ZONE_LINES = 5
MAX_TITLE_CHARS = 200  # a headline is shorter (find_title); a header line is read up to twice that

# "WASHINGTON, Dec. 9 (Reuters) -" and "BEIRUT, Lebanon, December 9, 2016 —"
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?,\s+(?P<date>[^()\-–—]{3,30}?)"
    r"\s*(?:\([^)]{1,30}\))?\s*[-–—]"
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
