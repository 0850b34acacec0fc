"""Calendar dates written in scraped text: find_date (a complete date: ISO, "December 9, 2016",
"9 December 2016", "09.12.2016") made of the month words of the overlay in force, and the
patterns next to dates that furniture and header reading share (times of day, weekdays,
"Published:" labels, bare years, a byline's 12-hour time after its date).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from claimcmp.knowledge.lexicons import cue_lists, time_words
from claimcmp.knowledge.resource_loader import overlay_cached

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
