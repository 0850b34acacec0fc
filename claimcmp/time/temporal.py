"""Time expressions in news text -> claimcmp.models.DateSpan. Pure Python (no spaCy).

find_expressions scans raw text with regexes: recall on a blank pipeline, and forms the NER
misses or cuts short ("since February"). resolve normalises one expression, peels "since",
prepositions and modifiers ("early", "the end of"), then tries a table of full-match patterns.

Granularity uses only the contract's values. A week has none of its own, so spans of named days
up to a week ("Tuesday", "last week", "over the weekend") are "day"; month-scale spans ("in
October", "early October", "the past two weeks", "recent months") are "month"; parts of a year,
season or decade keep that unit ("early 2015" is a statement at year precision).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from typing import Callable, Iterable, Literal, NamedTuple

from claimcmp.knowledge.lexicons import cue_lists, time_words
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.models import DateSpan

Direction = Literal["past", "future", "auto"]
_Date = dt.date
_ONE = dt.timedelta(days=1)

# The words of months, weekdays and counts are data, read per overlay by _grammar: month_names
# and weekday_names of cues.json (English, in calendar order: calendar.month_name would follow
# the process locale), month_abbreviations, weekday_abbreviations, number_words, tens_words,
# vague_counts ("a few" is 3, "a couple" 2) and day_words of time_words.json.
# First month of each season (northern hemisphere, meteorological). Winter Y is Dec Y-1..Feb Y:
# it is labelled by the year that holds most of it.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_UNITS = "hour|day|week|month|year|decade"
_UNIT = f"(?:{_UNITS})"
_DASH = r"[-\u2013\u2014]"
# audit: code (typographic characters to ASCII, no words)
_TRANS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u2032": "'", "\u2013": "-",
                        "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " "})


def _alt(words: Iterable[str]) -> str:
    # longest first, so alternation never stops at a prefix ("sept" before "sep")
    return "|".join(sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- find_expressions
def _fail_fast(pattern: str, flags: int) -> re.Pattern:
    """pattern compiled behind a lookahead for the characters a match can start with, so
    that the scan leaves most positions after a class test (the patterns open with
    optional words, which re tries one by one at every position). Same matches: the class
    is read from the parsed pattern and holds every possible first character (those of a
    case-sensitive part, such as a month name, in a case-sensitive class); if it cannot be
    read (a pattern that may match the empty string or start with anything), none."""
    try:
        parsed = _sre_parser.parse(pattern, flags)
        first = _first_chars(list(parsed), parsed.state.flags)
    except (TypeError, ValueError, AttributeError):
        first = None
    if not first:
        return re.compile(pattern, flags)
    folded = "".join(sorted(c for fold, c in first if fold))
    exact = "".join(sorted(c for fold, c in first if not fold))
    classes = ([f"(?i:[{folded}])"] if folded else []) + ([f"(?-i:[{exact}])"] if exact else [])
    return re.compile("(?=" + "|".join(classes) + ")(?:" + pattern + ")", flags)  # before every branch


try:  # the regex parser: re._parser since Python 3.11, sre_parse before
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre
    import sre_parse as _sre_parser

_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"}
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))


def _first_chars(items: list, flags: int) -> set[tuple[bool, str]] | None:
    """(case-insensitive?, class item: an escaped character or \\d \\s \\w) for every first
    character of a match of the parsed items; None if unknown or if they can match the
    empty string."""
    first, nullable = _first_or_empty(items, flags)
    return None if nullable else first


def _first_of(op, av, flags: int) -> tuple[set[tuple[bool, str]] | None, bool]:
    """(first characters of one parsed item or None, whether it can match the empty string)."""
    fold = bool(flags & re.I)
    if op is _sre.LITERAL:
        return {(fold, re.escape(chr(av)))}, False
    if op is _sre.IN:
        out = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                out.add((fold, re.escape(chr(value))))
            elif kind is _sre.RANGE and value[1] - value[0] < 256:
                out.update((fold, re.escape(chr(c))) for c in range(value[0], value[1] + 1))
            elif kind is _sre.CATEGORY and value in _CATEGORIES:
                out.add((True, _CATEGORIES[value]))
            else:
                return None, False
        return out, False
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # zero-width
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _first_or_empty(list(sub), (flags | add_flags) & ~del_flags)
    if op is _sre.BRANCH:
        out, nullable = set(), False
        for branch in av[1]:
            first, empty = _first_or_empty(list(branch), flags)
            if first is None:
                return None, False
            out |= first
            nullable = nullable or empty
        return out, nullable
    if op in _REPEATS:
        low, _high, sub = av
        first, empty = _first_or_empty(list(sub), flags)
        return first, empty or low == 0
    return None, False


def _first_or_empty(items: list, flags: int) -> tuple[set[tuple[bool, str]] | None, bool]:
    """(first characters of a sequence of parsed items or None, whether it can match empty)."""
    out: set[tuple[bool, str]] = set()
    for op, av in items:
        first, nullable = _first_of(op, av, flags)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


_FDAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_FYEAR = r"(?<![\d.,])(?:1[5-9]|20|21)\d\d(?!\d|,\d)"
_FYEAR_ANY = r"(?<![\d.,])[12]\d{3}(?!\d|,\d|[-/]\d)"
_MODW = r"(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+|(?:early|mid|late)(?:\s+|-))"
_YMODW = (r"(?:(?:the\s+)?(?:beginning|start|end|middle|first\s+half|second\s+half|"
          r"(?:first|second|third|fourth|last)\s+quarter)\s+of\s+|(?:early|mid|late)(?:\s+|-))")
_REL = r"(?:last|this|next|this\s+past|this\s+coming)"
_RELYEAR = r"\s+(?:last|this|next)\s+year"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
# Words after a number that show it is a count, not a year ("in 2000 troops").
_NOUNS = (r"(?:%|percent\b|per\s+cent\b|people|persons|troops|soldiers|civilians|men\b|women|"
          r"children|fighters|militants|refugees|dollars|euros|pounds|km\b|kilomet|miles|"
          r"met(?:er|re)s|tons|tonnes|members|residents|casualties|deaths|dead\b|units|rounds|"
          r"barrels|votes|gmt|utc|hours|hrs|local|feet|kg\b|rubles|yuan|points|jobs|homes)")
_DATEY = rf"(?:,?\s+{_FYEAR_ANY}|{_RELYEAR})?"


def _calendar_patterns(full: list[str], abbr: dict[str, int], weekdays: dict[str, int]) -> list[str]:
    """The patterns of find_expressions that name months, weekdays, seasons and days.
    Month names are matched case-sensitively (Title or UPPER): lower-case "may"/"march" are
    verbs. Everything else is case-insensitive. A month alone needs a context word before it."""
    cased_full = [f(w) for w in full for f in (str.capitalize, str.upper)]
    fmon_full = "(?-i:" + _alt(cased_full) + r")(?![\w-])"
    fmon = ("(?-i:" + _alt(cased_full + [f(w) + r"\.?" for w in abbr for f in (str.capitalize, str.upper)])
            + r")(?![a-z])")
    fwd = "(?:" + _alt(n for n in weekdays if len(n) > 5) + r")\b"
    return [
        r"(?<![\d-])[12]\d{3}-(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9])(?![\d-])",
        r"(?<![\d/])(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])/[12]\d{3}(?![\d/])",
        rf"(?:{fwd},?\s+)?{fmon}\s+{_FDAY}(?:\s*{_DASH}\s*(?:{fmon}\s+)?{_FDAY}|\s+(?:to|until|through)\s+"
        rf"{fmon}\s+{_FDAY})?{_DATEY}",
        rf"(?:{fwd},?\s+)?(?:the\s+)?{_FDAY}(?:(?:\s+(?:of\s+)?{fmon})?\s*{_DASH}\s*{_FDAY})?\s+(?:of\s+)?{fmon}{_DATEY}",
        rf"(?:{_MODW})?{fmon}(?:\s*,\s*|\s+)(?:of\s+)?{_FYEAR_ANY}",
        rf"\b(?:in|during|by|until|till|from|before|after|through|throughout|of|since|around)\s+"
        rf"(?P<x>{fmon_full}(?:{_RELYEAR})?)(?!'s|\u2019s)",
        rf"(?:{_MODW}|{_REL}\s+)+{fmon_full}(?:{_RELYEAR})?",
        rf"\b(?:in|during|by|until|till|of|from|before|after|through|throughout|around|circa|year|"
        rf"since|between)\s+(?P<x>{_FYEAR}(?:\s*(?:{_DASH}|to\b|and\b|until\b|through\b)\s*"
        rf"(?:{_FYEAR}|\d\d(?!\d)))?)(?!\s*{_NOUNS})",
        rf"(?:{_YMODW})+{_FYEAR}",
        r"(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?<![\w'\u2019])(?:1\d|20)\d0s|['\u2019\u2018]\d0s)\b"
        r"|\bthe\s+(?:(?:early|mid|late)[\s-]+)?\d0s\b",
        rf"(?:{_MODW})?(?:the\s+)?{_SEASON}(?:\s*,\s*|\s+)(?:of\s+)?{_FYEAR}",
        rf"(?:(?:early|mid|late)[\s-]+)?\b{_REL}\s+(?:(?:early|mid|late)[\s-]+)?{_SEASON}\b",
        r"\b(?:in|during|over|through|throughout|since|by|until|till)\s+(?P<x>(?:the\s+)?"
        rf"(?:(?:early|mid|late)[\s-]+)?(?:spring|summer|autumn|winter)\b(?:{_RELYEAR})?)",
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:yesterday|tomorrow)"
        r"(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|this\s+(?:morning|afternoon|"
        r"evening)|last\s+night|(?:right\s+)?now|currently|at\s+present|presently|at\s+the\s+moment)\b",
        rf"\b(?:(?:{_REL}|coming)\s+)?{fwd}(?:\s+(?:morning|afternoon|evening|night))?",
        rf"\b(?:{_MODW})?(?:last|this|next|current|the\s+current)\s+(?:week(?:end)?|month|year|decade)\b",
    ]


def _count_patterns(num: str) -> list[str]:
    """The patterns of find_expressions of periods and counts ("the past two weeks")."""
    return [
        r"\b(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+the\s+(?:week|month|year)\b",
        r"\b(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)\b",
        r"\b(?:over|at)\s+the\s+weekend\b|\b(?:during|on)\s+(?P<x>the\s+weekend)\b",
        rf"\b(?:{num}\s+)?{_UNIT}s?\s+(?:ago|from\s+now)\b",
        rf"(?<!time\s)\b(?:in|within)\s+(?:the\s+next\s+)?{num}\s+{_UNIT}s?(?:'?\s+time)?\b(?!\s+of\b)",
        rf"\b(?:the|this)\s+(?:past|last|previous|next|coming|upcoming|recent|most\s+recent)\s+"
        rf"(?:{num}\s+)?{_UNIT}s\b",
        rf"\b(?:past|last|next|coming|previous)\s+{num}\s+{_UNIT}s?\b",
        rf"\b(?:recent|coming|upcoming)\s+(?:{num}\s+)?{_UNIT}s\b|\b(?:the|this)\s+(?:past|coming)\s+(?:week|month|year|decade)\b",
    ]


_SINCE_BEFORE = re.compile(r"(?<!\w)since\s+$", re.I)


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of time expressions in text (regex-based, case-insensitive where sensible),
    longest match wins, no overlaps, sorted."""
    if not isinstance(text, str) or not text:
        return []
    found = set()
    for pattern in _grammar().find:
        for m in pattern.finditer(text):
            # group x, when a pattern has one, is the expression; the rest is context only
            s, e = m.span("x") if "x" in pattern.groupindex and m.group("x") else m.span()
            if e > s:
                found.add((s, e))
    chosen, taken = [], bytearray(len(text))  # taken: characters already in a chosen span
    for s, e in sorted(found, key=lambda p: (p[0] - p[1], p[0])):  # longest first
        if taken.find(1, s, e) == -1:
            chosen.append((s, e))
            taken[s:e] = b"\x01" * (e - s)
    out: list[tuple[int, int]] = []
    for s, e in sorted(chosen):
        # "since X" means X..publication date, so "since" belongs to the expression
        m = _SINCE_BEFORE.search(text, max(0, s - 12), s)
        if m and (not out or m.start() >= out[-1][1]):
            s = m.start()
        out.append((s, e))
    return out


# ---------------------------------------------------------------- resolve
class _R(NamedTuple):
    start: _Date
    end: _Date
    gran: str
    rel: bool  # needed the publication date
    kind: str  # day, week, month, season, year, decade, span: what a modifier may split


# audit: code (calendar units -> granularity, a unit table)
_GRAN = {"hour": "day", "day": "day", "week": "day", "month": "month", "year": "year", "decade": "decade"}
_K = {"last": -1, "this": 0, "next": 1}


def _month_span(y: int, m: int) -> tuple[_Date, _Date]:
    if not 1 <= y <= 9999:
        raise ValueError("year out of range")
    return _Date(y, m, 1), _Date(y, m, calendar.monthrange(y, m)[1])


def _month_end(d: _Date, n: int = 0) -> _Date:
    """Last day of the month n months after d's month."""
    y, m = divmod(d.month - 1 + n, 12)
    return _month_span(d.year + y, m + 1)[1]


def _add_months(d: _Date, n: int) -> _Date:
    last = _month_end(d, n)
    return last if d.day > last.day else last.replace(day=d.day)


def _years(y1: int, y2: int) -> tuple[_Date, _Date]:
    return _month_span(y1, 1)[0], _month_span(y2, 12)[1]


def _season_span(name: str, y: int) -> tuple[_Date, _Date]:
    first = _SEASONS[name]
    start = _month_span(y - 1 if first == 12 else y, first)[0]
    return start, _month_end(start, 2)


def _unit_span(d: _Date, unit: str) -> _R:
    """The calendar unit (day, Monday-Sunday week, month, year, decade) holding d."""
    if unit in ("hour", "day"):
        span = (d, d)
    elif unit == "week":
        start = d - dt.timedelta(days=d.weekday())
        span = (start, start + dt.timedelta(days=6))
    elif unit == "month":
        span = _month_span(d.year, d.month)
    else:
        span = _years(d.year, d.year) if unit == "year" else _years(d.year // 10 * 10, d.year // 10 * 10 + 9)
    return _R(*span, _GRAN[unit], True, "day" if unit == "hour" else unit)


def _shift(P: _Date, n: int, unit: str) -> _Date:
    """P moved by n units (n may be negative); months and years clamp the day."""
    if unit == "hour":  # whole days touched by the hours
        days = (abs(n) + 23) // 24
        return P + dt.timedelta(days=days if n > 0 else -days)
    if unit in ("day", "week"):
        return P + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(P, n * {"month": 1, "year": 12, "decade": 120}[unit])


_RELMAP = {"this past": "last", "the past": "last", "this coming": "next", "coming": "next", "the coming": "next"}


def _pick(cands, P: _Date, direction: str, rel: str | None = None):
    """Choose among candidate (start, end) spans around P. "last"/"next" X: the nearest one wholly
    before/after P. Otherwise one containing P wins; past -> latest before P, future -> earliest
    after, auto -> the nearer (ties to the past: news mostly reports what happened)."""
    rel = _RELMAP.get(rel, rel)
    before = max((c for c in cands if c[1] < P), default=None, key=lambda c: c[1])
    after = min((c for c in cands if c[0] > P), default=None)
    if rel in ("last", "next"):
        return before if rel == "last" else after
    inside = next((c for c in cands if c[0] <= P <= c[1]), None)
    if inside or direction == "past":
        return inside or before
    if direction == "future" or before is None:
        return after
    return before if after is None or P - before[1] <= after[0] - P else after


def _anchored(g: dict, P, direction: str, make: Callable[[int], tuple], gran: str, kind: str) -> _R | None:
    """Shared year logic: a written year is explicit; "... last/this/next year" offsets P's year;
    otherwise the instance around P (after "last"/"next"/"this", or by direction)."""
    if g["y"]:
        return _R(*make(int(g["y"])), gran, False, kind)
    if P is None:
        return None
    if g["ry"]:
        return _R(*make(P.year + _K[g["ry"]]), gran, True, kind)
    cands = []
    for y in range(P.year - 4, P.year + 5):  # +-4: February 29 always has candidates
        try:
            cands.append(make(y))
        except (ValueError, OverflowError):
            continue
    span = _pick(cands, P, direction, g["rel"])
    return _R(*span, gran, True, kind) if span else None


def _num(s: str) -> int:
    s = " ".join(s.split())
    if s.isdigit():
        return int(s)
    grammar = _grammar()
    return grammar.vague[s] if s in grammar.vague else sum(grammar.numbers[p] for p in re.split(r"[- ]", s))


def _mday(g, P, direction, _after_mod):
    """A day or a range of days: "December 8-9", "30 December - 2 January 2017"."""
    # month-first: mon [m2]; day-first: [mon] m2. A missing one is the other.
    months = _grammar().months
    m1, m2 = (months[(g[k] or g["mon"] or g["m2"]).rstrip(".")] for k in ("mon", "m2"))
    d1, d2 = (int((g[k] or g["d1"]).rstrip("stndrh")) for k in ("d1", "d2"))  # "3rd" -> 3
    if m1 == m2 and d2 < d1:
        return None

    def make(y):  # a written year belongs to the end of a range that crosses New Year
        a, b = _Date(y, m1, d1), _Date(y, m2, d2)
        return (a if a <= b else _Date(y - 1, m1, d1)), b
    span = _anchored(g, P, direction, make, "day", "day")
    return span and span._replace(gran="day" if (span.end - span.start).days < 7 else "month")


def _named(g, P, direction, _after_mod):
    """A month or a season, with or without its year."""
    if g["s"]:
        return _anchored(g, P, direction, lambda y: _season_span(g["s"], y), "season", "season")
    mon = _grammar().months[g["mon"].rstrip(".")]
    return _anchored(g, P, direction, lambda y: _month_span(y, mon), "month", "month")


def _year(g, P, direction, _after_mod):
    """A year, a range of years ("2014-16") or a decade ("the 1990s"; '00s and '10s are this
    century, other '90s the last one)."""
    if not g["y"]:
        y = int(g["c"] + g["d"] + "0") if g["c"] else (2000 if int(g["d2"]) <= 1 else 1900) + 10 * int(g["d2"])
        return _R(*_years(y, y + 9), "decade", False, "decade")
    y1, y2 = int(g["y"]), g["y2"]
    if not y2:
        return _R(*_years(y1, y1), "year", False, "year")
    y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    return _R(*_years(y1, y2), "year", False, "span") if y2 > y1 else None


def _dayword(g, P, direction, _after_mod):
    """A day near P: (first, last) day offsets from P in day_words; the night before
    publication straddles two dates."""
    a, b = _grammar().day_words[g[0]]
    return _R(P + dt.timedelta(days=a), P + dt.timedelta(days=b), "day", True, "day")


def _weekday(g, P, direction, _after_mod):
    """A weekday or weekend near P; "over the weekend" is the one just gone unless told future."""
    wd, length = (5, 2) if g["wd"] is None else (_grammar().weekdays[g["wd"].rstrip(".")], 1)
    o, rel = P.toordinal(), g["rel"]
    days = map(_Date.fromordinal, range(max(1, o - 14), min(o + 14, _Date.max.toordinal() - 1)))
    cands = [(d, d + dt.timedelta(days=length - 1)) for d in days if d.weekday() == wd]
    if rel in ("over the", "at the"):
        rel, direction = None, ("future" if direction == "future" else "past")
    span = _pick(cands, P, direction, None if rel == "the" else rel)
    return _R(*span, "day", True, "day") if span else None


def _period(g, P, direction, after_mod):
    """last/this/next week|month|year|decade; "earlier/later this month": its part before/after P."""
    if g["rel"] == "the" and not after_mod:  # bare "the year" is anaphoric
        return None
    r = _unit_span(_shift(P, _K.get(g["rel"], 0), g["u"]), g["u"])
    if g["w"] == "earlier":
        return r._replace(end=max(r.start, P - _ONE), kind="span")
    return r._replace(start=min(r.end, P + _ONE), kind="span") if g["w"] == "later" else r


def _ago(g, P, direction, _after_mod):  # also "in N units" and "N units from now"
    n = _num(g["n"]) if g["n"] else 3  # bare "days ago": a few
    return _unit_span(_shift(P, n if g["w"] in ("from now", "in") else -n, g["u"]), g["u"])


# default length of vague spans: recent/coming days ~ a week, weeks ~ 4, months 3, years 3
# audit: code (default counts per calendar unit, a unit table)
_VAGUE = {"hour": 24, "day": 7, "week": 4, "month": 3, "year": 3, "decade": 2}


def _stretch(g, P, direction, _after_mod):
    """A span from P back ("the past N days", "recent months") or forward ("the coming weeks")."""
    unit = g["u"]
    n = _num(g["n"]) if g["n"] else (_VAGUE[unit] if g["pl"] else 1)
    days = n * {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit]
    # up to a week -> day ("the past three days"), then by scale ("the past two weeks" -> month)
    gran = "day" if days <= 7 else "month" if days < 365 else "year" if days < 3650 else "decade"
    # audit: code (the words the _stretch pattern's group w can hold, tied to that regex)
    future = g["w"] in ("next", "coming", "upcoming", "within", "within the next", "in the next")
    other = _shift(P, n if future else -n, unit)
    return _R(*((P, other) if future else (other, P)), gran, True, "span")


_DAY_R = r"\d{1,2}(?:st|nd|rd|th)?"
_TO = r"(?: ?- ?| (?:to|until|through) )"
_RELW = r"last|this|next|this past|this coming"
_Y = r"(?:,? (?:of )?(?P<y>[0-9]{4})| (?P<ry>last|this|next) year)?"  # "December 3, 2016", "October last year"


def _base_patterns(months: dict[str, int], weekdays: dict[str, int], num: str, day_words: dict) -> list[tuple]:
    """(pattern, handler, needs the publication date) of resolve; the first handler to return a
    span wins."""
    mon_r = rf"(?:{_alt(months)})\.?"
    wd_r = rf"(?:{_alt(weekdays)})\.?"
    # audit: code (regex patterns of resolve, not words)
    return [(re.compile(p), h, rel) for p, h, rel in [
        (r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d1>\d{1,2})", None, False),
        (r"(?P<mo>\d{1,2})/(?P<d1>\d{1,2})/(?P<y>\d{4})", None, False),
        (rf"(?:{wd_r},? )?(?P<mon>{mon_r}) ?(?P<d1>{_DAY_R})(?:{_TO}(?:(?P<m2>{mon_r}) )?(?P<d2>{_DAY_R}))?{_Y}",
         _mday, False),
        (rf"(?:{wd_r},? )?(?:the )?(?P<d1>{_DAY_R})(?:(?: (?:of )?(?P<mon>{mon_r}))?{_TO}(?P<d2>{_DAY_R}))? (?:of )?"
         rf"(?P<m2>{mon_r}){_Y}", _mday, False),
        (rf"(?:(?P<rel>{_RELW}) )?(?P<mon>{mon_r}){_Y}", _named, False),
        (r"(?:the )?(?:year )?(?P<y>[0-9]{4})(?: ?(?:-|to|and|until|through) ?(?P<y2>[0-9]{4}|[0-9]{2}))?", _year, False),
        (r"(?:the )?(?:(?P<c>[12][0-9])(?P<d>[0-9])0|'?(?P<d2>[0-9])0)'?s", _year, False),
        (rf"(?:(?P<rel>{_RELW}|the past|the coming|the) )?(?P<s>{_SEASON}){_Y}", _named, False),
        (_alt(day_words), _dayword, True),
        (rf"(?:(?P<rel>{_RELW}|coming) )?(?P<wd>{wd_r})", _weekday, True),
        (r"(?P<rel>last|this|next|current|the current|the) (?P<u>week|month|year|decade)", _period, True),
        (r"(?P<rel>over the|at the|last|this|next|this past|this coming|the|the past|the coming) weekend", _weekday, True),
        (r"(?P<w>earlier|later) (?:this|in the) (?P<u>week|month|year)", _period, True),
        (rf"(?:(?P<n>{num}) )?(?P<u>{_UNITS})s? (?P<w>ago|from now)", _ago, True),
        (rf"(?P<w>in) (?P<n>{num}) (?P<u>{_UNITS})s?(?:'? time)?", _ago, True),
        (rf"(?:the |this )?(?P<w>past|last|previous|next|coming|upcoming|recent|most recent|within the next"
         rf"|within|in the next)(?: (?P<n>{num}))? (?P<u>{_UNITS})(?P<pl>s)?", _stretch, True),
    ]]


class _Grammar(NamedTuple):
    """The words of time_words.json and cues.json and the patterns made of them."""
    months: dict[str, int]  # month name or abbreviation -> 1..12
    weekdays: dict[str, int]  # weekday name or abbreviation -> 0..6, Monday 0
    numbers: dict[str, int]  # number words and tens words
    vague: dict[str, int]  # vague counts: "a few" 3
    day_words: dict[str, tuple[int, int]]  # "yesterday" -> (-1, -1)
    find: list[re.Pattern]  # of find_expressions
    base: list[tuple[re.Pattern, Callable | None, bool]]  # of resolve


def _number_words(ones: list[str], teens: list[str], tens: list[str], vague: Iterable[str]) -> str:
    """A count written out: "twenty-one", "eleven", "a couple of" (longest phrase first)."""
    phrases = "|".join(p.replace(" ", r"\s+") for p in sorted(vague, key=len, reverse=True))
    return (rf"(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(ones)}))?|{'|'.join(teens)}|"
            rf"{'|'.join(ones)}|{phrases}")


@overlay_cached
def _grammar(overlay: str | None = None) -> _Grammar:
    """The time words of the overlay in force and the patterns made of them, once per overlay."""
    lists, words = cue_lists.for_overlay(overlay), time_words.for_overlay(overlay)
    full, abbr = list(lists["month_names"]), words["month_abbreviations"]
    months = {n: i + 1 for i, n in enumerate(full)} | abbr
    weekdays = {n: i for i, n in enumerate(lists["weekday_names"])} | words["weekday_abbreviations"]
    numbers, vague = words["number_words"], words["vague_counts"]
    ones, teens = [w for w, n in numbers.items() if n < 10], [w for w, n in numbers.items() if n >= 10]
    num = rf"(?:\d{{1,5}}|{_number_words(ones, teens, list(words['tens_words']), vague)})"
    day_words = {w: (d["first"], d["last"]) for w, d in words["day_words"].items()}
    find = [_fail_fast(p, re.I) for p in _calendar_patterns(full, abbr, weekdays) + _count_patterns(num)]
    return _Grammar(months, weekdays, numbers | words["tens_words"], vague, day_words, find,
                    _base_patterns(months, weekdays, num, day_words))


_PREP = re.compile(r"(?:on|in|at|during|by|until|till|of|from|before|after|over|throughout|through"
                   r"|around|about|as of|between|circa|for|to|into|starting|beginning) (?P<rest>.+)")
_SINCE = re.compile(r"since (?P<rest>.+)")
_MOD = re.compile(r"(?:the )?(?P<mod>early|mid|late|beginning|start|end|middle|first half|second half"
                  r"|latter half|(?:first|second|third|fourth|last) quarter)(?: of |-| )(?P<rest>.+)")
_TIME_OF_DAY = re.compile(r"(?P<rest>.+?),? (?:morning|afternoon|evening|night|overnight|noon)")
# Which part a modifier keeps, as (first, last) sub-unit offsets; -1 = the last one.
# year and season: months; month and week: days; decade: years.
# audit: code (the modifiers of the _MOD regex, keys of the _PARTS offset table)
_MODS = ("early", "mid", "late", "beginning", "end", "first half", "second half")
_PARTS = {kind: dict(zip(_MODS, parts)) for kind, parts in {
    "year": ((0, 3), (4, 7), (8, 11), (0, 0), (11, 11), (0, 5), (6, 11)),
    "month": ((0, 9), (10, 19), (20, -1), (0, 9), (20, -1), (0, 14), (15, -1)),
    "season": ((0, 0), (1, 1), (2, 2), (0, 0), (2, 2), (0, 1), (1, 2)),
    "decade": ((0, 3), (4, 6), (7, 9), (0, 2), (7, 9), (0, 4), (5, 9)),
    "week": ((0, 2), (2, 4), (4, 6), (0, 1), (4, 6), (0, 3), (3, 6)),
}.items()}
_PARTS["year"].update({f"{q} quarter": (3 * i, 3 * i + 2) for i, q in enumerate(("first", "second", "third", "fourth"))})
_PARTS["year"]["last quarter"] = (9, 11)


def _modify(mod: str, r: _R) -> _R | None:
    mod = {"start": "beginning", "middle": "mid", "latter half": "second half"}.get(mod, mod)
    part = _PARTS.get(r.kind, {}).get(mod)
    if part is None:
        return None
    i, j = part
    if r.kind in ("year", "season"):
        a, b = _add_months(r.start, i), _month_end(r.start, j)
    elif r.kind == "decade":
        a, b = _years(r.start.year + i, r.start.year + j)
    else:  # month, week: day offsets
        a, b = r.start + dt.timedelta(days=i), (r.end if j == -1 else r.start + dt.timedelta(days=j))
    return r._replace(start=a, end=b, kind="span")


def _base(text: str, P, direction: str, after_mod: bool) -> _R | None:
    for pattern, handler, needs_p in _grammar().base:
        m = None if needs_p and P is None else pattern.fullmatch(text)
        if not m:
            continue
        if handler is None:  # numeric dates, US month-first
            mo, d, y = int(m["mo"]), int(m["d1"]), int(m["y"])
            if mo > 12 and d <= 12:  # 25/12/2016 can only be day-first
                mo, d = d, mo
            return _R(_Date(y, mo, d), _Date(y, mo, d), "day", False, "day")
        g = defaultdict(lambda: None, m.groupdict())  # groups a pattern lacks read as None
        g[0] = m[0]
        r = handler(g, P, direction, after_mod)
        if r is not None:
            return r
    return None


def _parse(text: str, P, direction: str, after_mod: bool = False, depth: int = 0) -> _R | None:
    """May raise ValueError/OverflowError (impossible dates, calendar edges); resolve catches.
    depth bounds the peeling: "beginning" is both a modifier and a preposition, so odd input
    could otherwise branch exponentially."""
    if depth > 8:
        return None
    m = _SINCE.fullmatch(text)
    if m:
        r = _parse(m["rest"], P, "past", False, depth + 1)
        if r is None or P is None or r.start > P:
            return None
        return _R(r.start, P, r.gran, True, "span")
    r = _base(text, P, direction, after_mod)
    if r is None and (m := _MOD.fullmatch(text)):
        inner = _parse(m["rest"], P, direction, True, depth + 1)
        r = _modify(m["mod"], inner) if inner else None
    if r is None and (m := _PREP.fullmatch(text)):
        r = _parse(m["rest"], P, direction, after_mod, depth + 1)
    if r is None and (m := _TIME_OF_DAY.fullmatch(text)):  # "Tuesday morning"
        r = _parse(m["rest"], P, direction, after_mod, depth + 1)
    return r


def _norm(s: str) -> str:
    s = " ".join(s.translate(_TRANS).lower().split())
    s = re.sub(r"\s*([-/,])\s*", lambda m: m[1] if m[1] != "," else ", ", s)
    s = s.strip(" ,;:()[]\"!?.")
    return re.sub(r"'s$", "", s)


def _resolve(expression: str, published, direction: str) -> DateSpan | None:
    text = _norm(expression)
    if not text or len(text) > 120:
        return None
    r = _parse(text, published, direction)
    if r is None:
        # NER spans carry extra words ("Tuesday, a day after the vote"): use the longest
        # expression found inside, with no recursion beyond one level.
        subs = sorted(find_expressions(expression), key=lambda p: p[0] - p[1])
        for s, e in subs[:3]:
            if (s, e) != (0, len(expression)):
                r = _parse(_norm(expression[s:e]), published, direction)
                if r is not None:
                    break
    if r is None or r.start > r.end:
        return None
    return DateSpan(start=r.start, end=r.end, granularity=r.gran, text=expression,
                    source="relative" if r.rel else "explicit")


def resolve(expression: str, published: dt.date | None, *, direction: Direction = "auto") -> DateSpan | None:
    """Resolve one expression to claimcmp.models.DateSpan (start, end inclusive, granularity,
    text=expression, source "explicit" when the expression fixes the calendar itself, "relative"
    when it needs the publication date). Returns None when it is not a resolvable time expression
    or a relative one with no publication date. NEVER raises, whatever the input."""
    if not isinstance(expression, str):
        return None
    if not isinstance(published, dt.date):
        published = None
    elif isinstance(published, dt.datetime):
        published = published.date()
    if direction not in ("past", "future", "auto"):
        direction = "auto"
    try:
        return _resolve(expression, published, direction)
    except Exception:  # ValueError/OverflowError: impossible dates, date.min/max. The contract is
        return None  # "never raises"; tests check _resolve raises nothing else.
