"""Time expressions in news text -> claimcmp.models.DateSpan. Pure Python (no spaCy).

find_expressions scans raw text with regexes: recall on a blank pipeline, and forms the NER
misses or cuts short ("since February"). resolve normalises one expression, peels "since",
prepositions and modifiers ("early", "the end of"), then tries a table of full-match patterns.

Granularity uses only the contract's values. A week has none of its own, so spans of named days
up to a week ("Tuesday", "last week", "over the weekend") are "day"; month-scale spans ("in
October", "early October", "the past two weeks", "recent months") are "month"; parts of a year,
season or decade keep that unit ("early 2015" is a statement at year precision).

This module resolves; finding is in claimcmp.time.expressions (find_expressions, re-exported
here, and the time words of the overlay) and the calendar arithmetic in
claimcmp.time.calendar_spans.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Callable, Literal

from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.models import DateSpan
from claimcmp.time.calendar_spans import (
    _K, _R, _add_months, _anchored, _month_end, _month_span, _pick, _season_span, _shift, _unit_span, _years,
)
# find_expressions (and _fail_fast, _grammar) stay importable from here, their old home
from claimcmp.time.expressions import (  # noqa: F401
    _SEASON, _UNITS, _alt, _fail_fast, _grammar, find_expressions,
)

Direction = Literal["past", "future", "auto"]
_Date = dt.date
_ONE = dt.timedelta(days=1)
# audit: code (typographic characters to ASCII, no words)
_TRANS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u2032": "'", "\u2013": "-",
                        "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " "})


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
    if g["w"] == "in" and direction == "past":
        return None  # "held talks, the first in a decade": within the past decade, no date
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


@overlay_cached
def _resolve_patterns(overlay: str | None = None) -> list[tuple[re.Pattern, Callable | None, bool]]:
    """The patterns of resolve made of the time words of the overlay in force, once per overlay."""
    grammar = _grammar.for_overlay(overlay)
    return _base_patterns(grammar.months, grammar.weekdays, grammar.num, grammar.day_words)


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
    for pattern, handler, needs_p in _resolve_patterns():
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
