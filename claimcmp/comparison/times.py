"""When and where two claims can tell one moment (comparison/align.py, judging.py).

A claim's span is read as written ("on Thursday", "in 2017", "since June"), or, with no time
words, as its article's date widened by the window: things as they stood when written.
"""
from __future__ import annotations

import datetime as dt

from claimcmp.models import Claim, DateSpan

# Two spans written out in their sentences that meet on the next day tell one moment: one
# outlet dates an act by the evening it was announced ("on Thursday"), another by the day it
# took hold ("within five days", from the next morning). Not for a span dated only by its
# article: what its article says as things stand speaks of that date, and a span written
# out after it is a later state (time_fit "later").
DAY_SLACK = 1

def span_bounds(span: DateSpan, window_days: int) -> tuple[dt.date, dt.date]:
    """A span dated only by its article stands for 'around publication'."""
    if span.source == "article":
        pad = dt.timedelta(days=window_days)
        return span.start - pad, span.end + pad
    return span.start, span.end


def times_compatible(a: DateSpan | None, b: DateSpan | None, window_days: int = 30) -> bool:
    if a is None or b is None:
        return True
    (s1, e1), (s2, e2) = span_bounds(a, window_days), span_bounds(b, window_days)
    return s1 <= e2 and s2 <= e1


def time_fit(a: DateSpan | None, b: DateSpan | None, window_days: int,
             forecasts: tuple[bool, bool] = (False, False)) -> str:
    """undated, overlap (as written), window (only once article dates are widened),
    later (widened onto a dated span after the article's date), ongoing (both the state
    of things when their articles were written, too far apart; not a forecast, see
    speaks_of_later), or apart."""
    if a is None or b is None:
        return "undated"
    slack = dt.timedelta(days=0 if "article" in (a.source, b.source) else DAY_SLACK)
    if a.start <= b.end + slack and b.start <= a.end + slack:
        return "overlap"
    if times_compatible(a, b, window_days):
        # An undated statement speaks of its article's date or earlier; a span written
        # out after that date is a later state of affairs, however close the window.
        if any(x.source == "article" != y.source and y.start > x.end for x, y in ((a, b), (b, a))):
            return "later"
        return "window"
    return "ongoing" if _current(a) and _current(b) and not any(forecasts) else "apart"


def speaks_of_later(claim: Claim) -> bool:
    """A forecast ("the army would take the city", "will withdraw") tells of a time after
    its article's date, not of things as they stood then: two forecasts, or a forecast and
    a report, years apart are not one ongoing state. (Wishes and hedges, "wants an
    alliance", are states of mind that do hold when written.)"""
    return claim.modality == "predicted"


def _current(span: DateSpan) -> bool:
    """A span that runs up to its article's date: the state of things when it was written
    (no time words, or "since X", resolved as X up to publication)."""
    return span.source == "article" or (
        span.source == "relative" and span.text.lower().lstrip().startswith(("since", "ever since")))


def region_countries(claim: Claim) -> frozenset[str]:
    return frozenset(r.country.upper() for r in claim.regions if r.country)


def regions_compatible(a: Claim, b: Claim) -> bool:
    ca, cb = region_countries(a), region_countries(b)
    return not ca or not cb or bool(ca & cb)


def format_span(span: DateSpan | None) -> str:
    """'3 Dec 2016', 'Dec 2016', '2017', 'Oct 2016–Jan 2017': as precise as the span."""
    if span is None:
        return "undated"
    s, e = span.start, span.end
    if span.granularity == "decade":
        return f"{s.year // 10 * 10}s"
    if span.granularity == "year" or (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    if span.granularity in ("month", "season") or (s.day == 1 and (e + dt.timedelta(days=1)).day == 1):
        if (s.year, s.month) == (e.year, e.month):
            return s.strftime("%b %Y")
        if s.year == e.year:
            return f"{s:%b}–{e:%b %Y}"
        return f"{s:%b %Y}–{e:%b %Y}"
    if s == e:
        return f"{s.day} {s:%b %Y}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {e:%b %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b}–{e.day} {e:%b %Y}"
    return f"{s.day} {s:%b %Y}–{e.day} {e:%b %Y}"
