"""claimcmp.temporal: resolve() on every supported form, find_expressions(), and properties."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcmp import temporal
from claimcmp.temporal import find_expressions, resolve

P = dt.date(2016, 12, 9)  # a Friday
D = dt.date

# (expression, direction, start, end, granularity, source)
CASES = [
    # full dates
    ("December 3, 2016", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "explicit"),
    ("3 December 2016", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "explicit"),
    ("Dec. 3, 2016", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "explicit"),
    ("Tuesday, December 6, 2016", "auto", D(2016, 12, 6), D(2016, 12, 6), "day", "explicit"),
    ("the 3rd of December 2016", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "explicit"),
    ("2016-12-03", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "explicit"),
    ("12/03/2016", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "explicit"),
    ("25/12/2016", "auto", D(2016, 12, 25), D(2016, 12, 25), "day", "explicit"),
    ("on December 3", "past", D(2016, 12, 3), D(2016, 12, 3), "day", "relative"),
    ("December 3", "auto", D(2016, 12, 3), D(2016, 12, 3), "day", "relative"),
    ("December 3", "future", D(2017, 12, 3), D(2017, 12, 3), "day", "relative"),
    ("on 22 December", "past", D(2015, 12, 22), D(2015, 12, 22), "day", "relative"),
    ("on 22 December", "future", D(2016, 12, 22), D(2016, 12, 22), "day", "relative"),
    ("on 22 December", "auto", D(2016, 12, 22), D(2016, 12, 22), "day", "relative"),
    ("December 8-9", "auto", D(2016, 12, 8), D(2016, 12, 9), "day", "relative"),
    ("8-9 December", "auto", D(2016, 12, 8), D(2016, 12, 9), "day", "relative"),
    ("December 8\u20139, 2016", "auto", D(2016, 12, 8), D(2016, 12, 9), "day", "explicit"),
    ("December 30 - January 2, 2017", "auto", D(2016, 12, 30), D(2017, 1, 2), "day", "explicit"),
    ("December 3 last year", "auto", D(2015, 12, 3), D(2015, 12, 3), "day", "relative"),
    ("Tuesday morning", "past", D(2016, 12, 6), D(2016, 12, 6), "day", "relative"),
    # months
    ("in October", "auto", D(2016, 10, 1), D(2016, 10, 31), "month", "relative"),
    ("in October", "future", D(2017, 10, 1), D(2017, 10, 31), "month", "relative"),
    ("in December", "future", D(2016, 12, 1), D(2016, 12, 31), "month", "relative"),
    ("October 2016", "auto", D(2016, 10, 1), D(2016, 10, 31), "month", "explicit"),
    ("March of 2015", "auto", D(2015, 3, 1), D(2015, 3, 31), "month", "explicit"),
    ("last October", "auto", D(2016, 10, 1), D(2016, 10, 31), "month", "relative"),
    ("next October", "auto", D(2017, 10, 1), D(2017, 10, 31), "month", "relative"),
    ("October last year", "auto", D(2015, 10, 1), D(2015, 10, 31), "month", "relative"),
    ("in early October", "auto", D(2016, 10, 1), D(2016, 10, 10), "month", "relative"),
    ("mid-October", "auto", D(2016, 10, 11), D(2016, 10, 20), "month", "relative"),
    ("late October", "auto", D(2016, 10, 21), D(2016, 10, 31), "month", "relative"),
    ("late February 2016", "auto", D(2016, 2, 21), D(2016, 2, 29), "month", "explicit"),
    ("end of October", "auto", D(2016, 10, 21), D(2016, 10, 31), "month", "relative"),
    ("the end of 2018", "auto", D(2018, 12, 1), D(2018, 12, 31), "year", "explicit"),
    ("beginning of 2017", "auto", D(2017, 1, 1), D(2017, 1, 31), "year", "explicit"),
    ("by the end of the year", "auto", D(2016, 12, 1), D(2016, 12, 31), "year", "relative"),
    ("the first half of 2016", "auto", D(2016, 1, 1), D(2016, 6, 30), "year", "explicit"),
    ("the third quarter of 2015", "auto", D(2015, 7, 1), D(2015, 9, 30), "year", "explicit"),
    # years and decades
    ("in 2014", "auto", D(2014, 1, 1), D(2014, 12, 31), "year", "explicit"),
    ("2017", "auto", D(2017, 1, 1), D(2017, 12, 31), "year", "explicit"),
    ("the year 2017", "auto", D(2017, 1, 1), D(2017, 12, 31), "year", "explicit"),
    ("between 2014 and 2016", "auto", D(2014, 1, 1), D(2016, 12, 31), "year", "explicit"),
    ("2014-16", "auto", D(2014, 1, 1), D(2016, 12, 31), "year", "explicit"),
    ("early 2015", "auto", D(2015, 1, 1), D(2015, 4, 30), "year", "explicit"),
    ("mid-2015", "auto", D(2015, 5, 1), D(2015, 8, 31), "year", "explicit"),
    ("late 2015", "auto", D(2015, 9, 1), D(2015, 12, 31), "year", "explicit"),
    ("the 1990s", "auto", D(1990, 1, 1), D(1999, 12, 31), "decade", "explicit"),
    ("the '90s", "auto", D(1990, 1, 1), D(1999, 12, 31), "decade", "explicit"),
    ("the \u201990s", "auto", D(1990, 1, 1), D(1999, 12, 31), "decade", "explicit"),
    ("the 2000s", "auto", D(2000, 1, 1), D(2009, 12, 31), "decade", "explicit"),
    ("the late 1980s", "auto", D(1987, 1, 1), D(1989, 12, 31), "decade", "explicit"),
    # seasons (northern hemisphere; winter Y = Dec Y-1 .. Feb Y)
    ("summer 2016", "auto", D(2016, 6, 1), D(2016, 8, 31), "season", "explicit"),
    ("the summer of 2016", "auto", D(2016, 6, 1), D(2016, 8, 31), "season", "explicit"),
    ("the fall of 2015", "auto", D(2015, 9, 1), D(2015, 11, 30), "season", "explicit"),
    ("winter 2016", "auto", D(2015, 12, 1), D(2016, 2, 29), "season", "explicit"),
    ("last summer", "auto", D(2016, 6, 1), D(2016, 8, 31), "season", "relative"),
    ("this spring", "past", D(2016, 3, 1), D(2016, 5, 31), "season", "relative"),
    ("this spring", "future", D(2017, 3, 1), D(2017, 5, 31), "season", "relative"),
    ("next summer", "auto", D(2017, 6, 1), D(2017, 8, 31), "season", "relative"),
    ("this winter", "auto", D(2016, 12, 1), D(2017, 2, 28), "season", "relative"),
    ("in the spring", "past", D(2016, 3, 1), D(2016, 5, 31), "season", "relative"),
    # days
    ("today", "auto", P, P, "day", "relative"),
    ("tonight", "auto", P, P, "day", "relative"),
    ("this morning", "auto", P, P, "day", "relative"),
    ("yesterday", "auto", D(2016, 12, 8), D(2016, 12, 8), "day", "relative"),
    ("yesterday afternoon", "auto", D(2016, 12, 8), D(2016, 12, 8), "day", "relative"),
    ("tomorrow", "auto", D(2016, 12, 10), D(2016, 12, 10), "day", "relative"),
    ("last night", "auto", D(2016, 12, 8), P, "day", "relative"),
    ("now", "auto", P, P, "day", "relative"),
    ("currently", "auto", P, P, "day", "relative"),
    # weekdays: past -> on or before P, future -> on or after, auto -> nearest (ties past)
    ("Tuesday", "past", D(2016, 12, 6), D(2016, 12, 6), "day", "relative"),
    ("Tuesday", "future", D(2016, 12, 13), D(2016, 12, 13), "day", "relative"),
    ("on Tuesday", "auto", D(2016, 12, 6), D(2016, 12, 6), "day", "relative"),
    ("Sunday", "auto", D(2016, 12, 11), D(2016, 12, 11), "day", "relative"),
    ("Friday", "past", P, P, "day", "relative"),
    ("Friday", "future", P, P, "day", "relative"),
    ("last Friday", "auto", D(2016, 12, 2), D(2016, 12, 2), "day", "relative"),
    ("next Tuesday", "past", D(2016, 12, 13), D(2016, 12, 13), "day", "relative"),
    # weeks, weekends
    ("last week", "auto", D(2016, 11, 28), D(2016, 12, 4), "day", "relative"),
    ("this week", "auto", D(2016, 12, 5), D(2016, 12, 11), "day", "relative"),
    ("next week", "auto", D(2016, 12, 12), D(2016, 12, 18), "day", "relative"),
    ("early next week", "auto", D(2016, 12, 12), D(2016, 12, 14), "day", "relative"),
    ("over the weekend", "auto", D(2016, 12, 3), D(2016, 12, 4), "day", "relative"),
    ("at the weekend", "auto", D(2016, 12, 3), D(2016, 12, 4), "day", "relative"),
    ("this weekend", "auto", D(2016, 12, 10), D(2016, 12, 11), "day", "relative"),
    ("last weekend", "auto", D(2016, 12, 3), D(2016, 12, 4), "day", "relative"),
    # months, years
    ("last month", "auto", D(2016, 11, 1), D(2016, 11, 30), "month", "relative"),
    ("this month", "auto", D(2016, 12, 1), D(2016, 12, 31), "month", "relative"),
    ("next month", "auto", D(2017, 1, 1), D(2017, 1, 31), "month", "relative"),
    ("last year", "auto", D(2015, 1, 1), D(2015, 12, 31), "year", "relative"),
    ("this year", "auto", D(2016, 1, 1), D(2016, 12, 31), "year", "relative"),
    ("next year", "auto", D(2017, 1, 1), D(2017, 12, 31), "year", "relative"),
    ("late last year", "auto", D(2015, 9, 1), D(2015, 12, 31), "year", "relative"),
    ("earlier this month", "auto", D(2016, 12, 1), D(2016, 12, 8), "month", "relative"),
    ("earlier this year", "auto", D(2016, 1, 1), D(2016, 12, 8), "year", "relative"),
    ("later this month", "auto", D(2016, 12, 10), D(2016, 12, 31), "month", "relative"),
    ("later this year", "auto", D(2016, 12, 10), D(2016, 12, 31), "year", "relative"),
    # counted
    ("two days ago", "auto", D(2016, 12, 7), D(2016, 12, 7), "day", "relative"),
    ("2 days ago", "auto", D(2016, 12, 7), D(2016, 12, 7), "day", "relative"),
    ("twenty-one days ago", "auto", D(2016, 11, 18), D(2016, 11, 18), "day", "relative"),
    ("a week ago", "auto", D(2016, 11, 28), D(2016, 12, 4), "day", "relative"),
    ("three months ago", "auto", D(2016, 9, 1), D(2016, 9, 30), "month", "relative"),
    ("a year ago", "auto", D(2015, 1, 1), D(2015, 12, 31), "year", "relative"),
    ("in 3 days", "auto", D(2016, 12, 12), D(2016, 12, 12), "day", "relative"),
    ("in two weeks", "auto", D(2016, 12, 19), D(2016, 12, 25), "day", "relative"),
    ("two days from now", "auto", D(2016, 12, 11), D(2016, 12, 11), "day", "relative"),
    ("the past 10 days", "auto", D(2016, 11, 29), P, "month", "relative"),
    ("the past three days", "auto", D(2016, 12, 6), P, "day", "relative"),
    ("over the past two weeks", "auto", D(2016, 11, 25), P, "month", "relative"),
    ("the past three months", "auto", D(2016, 9, 9), P, "month", "relative"),
    ("the last few days", "auto", D(2016, 12, 6), P, "day", "relative"),
    ("the past 24 hours", "auto", D(2016, 12, 8), P, "day", "relative"),
    ("within the next three days", "auto", P, D(2016, 12, 12), "day", "relative"),
    ("recent weeks", "auto", D(2016, 11, 11), P, "month", "relative"),
    ("in recent months", "auto", D(2016, 9, 9), P, "month", "relative"),
    ("recent days", "auto", D(2016, 12, 2), P, "day", "relative"),
    ("the coming months", "auto", P, D(2017, 3, 9), "month", "relative"),
    ("in the coming few months", "auto", P, D(2017, 3, 9), "month", "relative"),
    ("the coming days", "auto", P, D(2016, 12, 16), "day", "relative"),
    ("the coming weeks", "auto", P, D(2017, 1, 6), "month", "relative"),
    # since
    ("since February", "auto", D(2016, 2, 1), P, "month", "relative"),
    ("since December", "auto", D(2016, 12, 1), P, "month", "relative"),
    ("since 2014", "auto", D(2014, 1, 1), P, "year", "relative"),
    ("since early October", "auto", D(2016, 10, 1), P, "month", "relative"),
    ("since December 3, 2016", "auto", D(2016, 12, 3), P, "day", "relative"),
]


@pytest.mark.parametrize("expr,direction,start,end,gran,source", CASES, ids=[f"{c[0]}|{c[1]}" for c in CASES])
def test_resolve_table(expr, direction, start, end, gran, source):
    span = resolve(expr, P, direction=direction)
    assert span is not None, expr
    assert (span.start, span.end, span.granularity, span.source) == (start, end, gran, source)
    assert span.text == expr


@pytest.mark.parametrize("expr", [
    "", "   ", "foo", "the day", "the same day", "that year", "the year", "2,000", "Aleppo",
    "the fall of Aleppo", "May I", "December 32", "February 30, 2016", "13/13/2016", "since next year",
    "the end of the war", "12",
])
def test_resolve_none_for_non_expressions(expr):
    assert resolve(expr, P) is None


@pytest.mark.parametrize("expr", [
    "on December 3", "last week", "Tuesday", "today", "next year", "in October", "two days ago",
    "since 2014", "recent months", "over the weekend", "earlier this month", "last summer", "now",
])
def test_relative_needs_publication_date(expr):
    assert resolve(expr, None) is None
    assert resolve(expr, P) is not None


def test_explicit_needs_no_publication_date():
    for expr in ("December 3, 2016", "in 2014", "the 1990s", "summer 2016", "early 2015", "2016-12-03"):
        span = resolve(expr, None)
        assert span is not None and span.source == "explicit", expr


def test_resolve_odd_inputs_never_raise():
    for bad in (None, 12, b"today", ["today"]):
        assert resolve(bad, P) is None  # type: ignore[arg-type]
    assert resolve("today", "2016-12-09") is None  # type: ignore[arg-type]  # a date is required
    assert resolve("today", dt.datetime(2016, 12, 9, 23, 0)).start == P  # datetime is a date
    assert resolve("today", P, direction="sideways").start == P  # type: ignore[arg-type]
    assert resolve("tomorrow", dt.date.max) is None  # would overflow
    assert resolve("yesterday", dt.date.min) is None
    assert resolve("next year", dt.date.max) is None
    assert resolve("Tuesday", dt.date.min, direction="past") is None  # no earlier Tuesday exists
    assert resolve("Tuesday", dt.date.min, direction="future") is not None


def test_ner_style_spans_with_extra_words():
    # the NER sometimes returns longer spans; the longest expression inside is used
    span = resolve("Tuesday, a day after the vote", P, direction="past")
    assert span is not None and span.start == D(2016, 12, 6)
    assert span.text == "Tuesday, a day after the vote"


def test_model_dump_is_json_ready():
    assert resolve("on December 3", P).model_dump(mode="json") == {
        "start": "2016-12-03", "end": "2016-12-03", "granularity": "day", "text": "on December 3",
        "source": "relative"}


# ------------------------------------------------------------------ find_expressions
def _found(text):
    return [text[s:e] for s, e in find_expressions(text)]


@pytest.mark.parametrize("text,expected", [
    ("North Korea fired a missile on Tuesday.", ["Tuesday"]),
    ("Talks resume next week, officials said on December 3, 2016.", ["next week", "December 3, 2016"]),
    ("In 2014, Russia annexed Crimea.", ["2014"]),
    ("Since February the fighting has escalated.", ["Since February"]),
    ("They sent 2000 troops, and by 2000 troops were there.", []),
    ("The 2017 budget passed.", []),
    ("Theresa May met Trump in May.", ["May"]),
    ("It may march on.", []),
    ("It was published in early October and again at the end of 2018.", ["early October", "the end of 2018"]),
    ("In the '90s and the 1990s.", ["the '90s", "the 1990s"]),
    ("Over the weekend, in the past three days and recent weeks.",
     ["Over the weekend", "the past three days", "recent weeks"]),
    ("Two days ago; in the coming few months; the summer of 2016.",
     ["Two days ago", "the coming few months", "the summer of 2016"]),
    ("Last summer, this spring, the fall of Aleppo.", ["Last summer", "this spring"]),
    ("On 22 December and 8-9 December, 2016-12-03, 12/03/2016.",
     ["22 December", "8-9 December", "2016-12-03", "12/03/2016"]),
    ("Dec. 3, 2016 and 3 December 2016 and December 8-9.", ["Dec. 3, 2016", "3 December 2016", "December 8-9"]),
    ("Mid-2015, late 2015, early 2015 and since 2014.", ["Mid-2015", "late 2015", "early 2015", "since 2014"]),
    ("Earlier this month and later this year, yesterday and tomorrow.",
     ["Earlier this month", "later this year", "yesterday", "tomorrow"]),
    ("We will meet in two weeks.", ["in two weeks"]),
    ("The first time in three years.", []),
    ("Forty were killed in two days of fighting.", []),
    ("He is currently in Kabul, now and today.", ["currently", "now", "today"]),
    ("Between 2014 and 2016 the war raged.", ["2014 and 2016"]),
])
def test_find_expressions_examples(text, expected):
    assert _found(text) == expected


def test_found_expressions_resolve():
    text = ("On Tuesday, a week after talks in Geneva on December 3, officials said fighting since "
            "February had killed more people than in 2015, and that talks would resume next month.")
    for s, e in find_expressions(text):
        assert resolve(text[s:e], P) is not None, text[s:e]


# ------------------------------------------------------------------ properties
dates = st.dates(min_value=dt.date.min, max_value=dt.date.max)
edge_dates = st.sampled_from([dt.date.min, dt.date.max, D(1, 1, 7), D(9999, 12, 25), D(2016, 2, 29)])
directions = st.sampled_from(["past", "future", "auto"])
phrases = st.sampled_from([c[0] for c in CASES] + ["in 9999", "December 31, 9999", "the 9990s", "since 0001",
                                                   "99999 years ago", "in 99999 decades", "winter 0001"])
texty = st.one_of(st.text(max_size=60), phrases,
                  st.builds(lambda a, b: f"{a} {b}", phrases, st.text(max_size=10)))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texty, st.one_of(st.none(), dates, edge_dates), directions)
def test_resolve_never_raises_and_is_ordered(expr, published, direction):
    # _resolve may only raise the two documented errors (resolve turns them into None) ...
    try:
        temporal._resolve(expr, published, direction)
    except (ValueError, OverflowError):
        pass
    # ... and resolve never raises
    span = resolve(expr, published, direction=direction)
    if span is not None:
        assert span.start <= span.end
        assert span.text == expr
        if published is None:
            assert span.source == "explicit"


@given(st.sampled_from(["{n} days ago", "in {n} days", "the past {n} days", "the coming {n} days", "today",
                        "yesterday", "{n} days from now"]),
       st.integers(0, 400), dates, st.integers(-3000, 3000))
def test_relative_day_results_move_with_publication_date(template, n, published, shift):
    expr = template.format(n=n)
    try:
        moved = published + dt.timedelta(days=shift)
    except OverflowError:
        return
    a, b = resolve(expr, published), resolve(expr, moved)
    if a is None or b is None:  # only at the calendar's edges
        assert min(published, moved) - dt.date.min < dt.timedelta(days=n + 2) or \
            dt.date.max - max(published, moved) < dt.timedelta(days=n + 2)
        return
    assert (b.start - a.start).days == shift and (b.end - a.end).days == shift


@given(st.sampled_from(["Tuesday", "last week", "next week", "{n} weeks ago", "over the weekend"]),
       st.integers(1, 50), st.dates(min_value=D(1000, 1, 1), max_value=D(9000, 1, 1)), st.integers(-500, 500))
def test_relative_week_results_move_by_whole_weeks(template, n, published, weeks):
    expr = template.format(n=n)
    a, b = resolve(expr, published), resolve(expr, published + dt.timedelta(weeks=weeks))
    assert a is not None and b is not None
    assert (b.start - a.start).days == 7 * weeks and (b.end - a.end).days == 7 * weeks


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from([c[0] for c in CASES] + ["x", ", ", " in ", "since"]),
                                                  max_size=12).map(" ".join)))
def test_find_expressions_spans_are_sorted_disjoint_and_in_bounds(text):
    spans = find_expressions(text)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2


def test_find_expressions_odd_inputs():
    assert find_expressions("") == []
    assert find_expressions(None) == []  # type: ignore[arg-type]


def test_the_time_words_of_an_overlay_are_read(tmp_path):
    """time_words.json and stopwords.json are data: an overlay adds a month abbreviation, a
    vague count and a language's words without touching the package."""
    from claimcmp.knowledge import resource_loader
    from claimcmp.text.metadata import detect_language, find_date

    (tmp_path / "time_words.json").write_text('{"month_abbreviations": {"sptmbr": 9},'
                                              ' "vague_counts": {"a handful of": 5}}')
    (tmp_path / "stopwords.json").write_text('{"xx": ["zork", "blarg"]}')
    text, nonsense = "It began a handful of days ago.", " ".join(["zork blarg frob"] * 10)
    assert resolve("Sptmbr 3, 2016", P) is None and find_expressions(text) == [(22, 30)]
    assert detect_language(nonsense) == "und"
    with resource_loader.using(tmp_path):
        assert resolve("Sptmbr 3, 2016", P).start == D(2016, 9, 3)
        assert find_date("Sptmbr 3, 2016")[0] == D(2016, 9, 3)
        assert find_expressions(text) == [(9, 30)]
        assert resolve("a handful of days ago", P).start == P - dt.timedelta(days=5)
        assert detect_language(nonsense) == "xx"
    assert resolve("Sptmbr 3, 2016", P) is None


def test_fail_fast_lookahead_keeps_the_matches():
    """_fail_fast puts a class of first characters before a pattern: every find pattern
    gets one, and it never drops a match (case-sensitive months, digits, optional words)."""
    import re

    from claimcmp.time.temporal import _fail_fast, _grammar

    assert all(p.pattern.startswith("(?=") for p in _grammar().find)
    cases = [(r"(?:early\s+)?(?-i:May)\s+\d+", "in early may 5 and May 6, EARLY May 7"),
             (r"\b(?:last|next)\s+week\b|\d\d?s", "Last week, next  week and 90s"),
             (r"\bover\b|\bat\s+(?P<x>\d+)", "at 5 over at x"), (r"(?:a|b)?", "abc"), (r"[^x]y", "zy xy")]
    for pattern, text in cases:
        plain = [m.span() for m in re.finditer(pattern, text, re.I)]
        assert [m.span() for m in _fail_fast(pattern, re.I).finditer(text)] == plain
    assert _fail_fast(r"(?:a|b)?", re.I).pattern == r"(?:a|b)?"  # may match empty: left as is
    assert _fail_fast(r"[^x]y", re.I).pattern == r"[^x]y"  # any first character: left as is


def test_scanning_only_where_a_match_can_start_keeps_the_matches():
    """match_starts/scan try each find pattern only where a match can begin: the matches are
    finditer's, on plain sentences and on texts whose lower-case form cannot be read (a
    Kelvin sign, a long s or a dotless i standing for an ASCII letter; a dotted capital I
    that lower() makes two characters)."""
    import re

    from claimcmp.time.match_starts import TextStarts, match_starts, scan
    from claimcmp.time.temporal import _grammar

    texts = ["Since January 2020, and on Monday, 3 March 2021 (in the 1990s) the talks stalled.",
             "Early next week, two days ago, in the past three months and 'til the '90s: late spring.",
             "On 2021-03-04 and 4/5/2019 the mid-1990s; SEPT. 3, in MAY 2020, THE FIRST QUARTER OF 2019.",
             "At the weekend, earlier this year, currently, right now, this summer, in winter last year.",
             "Last \u212aelvin: \u017fince March 2020, a \u0131n 2019; \u0130n 2018 early \u017fpring.",
             "amidJanuary 2020 xthe end of 2019 within a fortnight, \u2019 80s the 80s 1,2000 2000 troops",
             "xin 2019, _in 2019, 2in 2019, \u00e9in 2019, (in 2019) a week ago, ta week ago; those this week"]
    grammar = _grammar()
    assert sum(s is not None for s in grammar.starts) == len(grammar.find)  # each is gated
    for text in texts + [t.upper() for t in texts] + [t.lower() for t in texts]:
        starts = TextStarts(text)
        for pattern, can_start in zip(grammar.find, grammar.starts):
            plain = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in scan(pattern, can_start, starts)] == plain
    assert match_starts(re.compile(r"(?:a|b)?", re.I)) is None  # may match empty
    assert match_starts(re.compile(r"[^x]y", re.I)) is None  # any first character
    assert match_starts(re.compile(r"(?:\bthe\s+)?(?-i:May)|\d", re.I)).runs == (("may", False), ("the", True))
    assert match_starts(re.compile(r"\b(?:the|this)\s", re.I)).runs == (("the", True), ("this", True))
