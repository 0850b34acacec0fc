"""Spans of the calendar, for claimcmp.time.temporal's resolve: _R (a resolved span), a month,
season, year or decade as (first day, last day), the calendar unit holding a date, a date moved
by units, and the choice among candidate spans around the publication date (_pick, _anchored).
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable, NamedTuple

_Date = dt.date

# First month of each season (northern hemisphere, meteorological). Winter Y is Dec Y-1..Feb Y:
# it is labelled by the year that holds most of it.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


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
