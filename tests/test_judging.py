"""judging.Judge: align.judge for many pairs, each claim read once."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numpy as np

from claimcmp.comparison.bulk_judging import RELATION_CODES, ViewTable, relations
from claimcmp.comparison.judging import Judge
from compare_fixtures import claim, random_documents, story


def test_views_read_once_judge_as_judge_does():
    rule = Judge()
    claims = [c for d in story() for c in d.claims]
    views = [rule.view(c) for c in claims]
    first = rule.relate(views[0], views[3])  # "agreed to work together" / "did not cooperate"
    assert first[:2] == ("conflict", 0.91)
    assert rule.explain(views[0], views[3], first) == (
        "same actors RUS-USA, cooperation vs negated cooperation (cooperate vs not cooperate), times overlap")
    assert rule.relate(views[0], views[2])[0] == "agree"
    assert rule.relate(views[0], views[4])[0] == "shifted"  # the break since February
    assert rule.relate(views[0], views[1]) is None  # Paris hosting Tehran

@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("window", [0, 30])
def test_remembered_answers_do_not_leak_between_pairs(seed, window):
    """One Judge over every pair gives what a fresh Judge gives for that pair alone."""
    claims = [c for d in random_documents(seed) for c in d.claims]
    shared = Judge(window)
    views = [shared.view(c) for c in claims]
    for i, a in enumerate(claims):
        for j, b in enumerate(claims):
            found = shared.relate(views[i], views[j])
            got = None if found is None else (found[0], found[1], shared.explain(views[i], views[j], found))
            assert got == Judge(window).judge(a, b)


# ---------------------------------------------------------------- the inlined rule

def _reference(a, b, window):
    """align.judge written out step by step from align's own pieces (fit_actors,
    regions_compatible, _stance_verdict, time_fit, _time_closeness), as it read before
    Judge.decide inlined them on day ordinals: the oracle the fast path must equal."""
    from claimcmp.comparison import align
    from claimcmp.knowledge import stance_groups as sg
    from claimcmp.models import INFERRED_CONFIDENCE

    fit = align.fit_actors(a, b)
    if fit is None or not align.regions_compatible(a, b):
        return None
    verdict = align._stance_verdict(a, b, fit)
    if verdict is None:
        return None
    sense, strength, stance = verdict
    when = align.time_fit(a.when, b.when, window, (align.speaks_of_later(a), align.speaks_of_later(b)))
    if sense == "same":
        relation = None if when == "apart" else "agree"
    elif (a.target is None or b.target is None) and not (
            a.target is None and b.target is None and sg.similarity(a.stance, b.stance)[0] >= 0.9):
        relation = None
    else:
        relation = "shifted" if when in ("apart", "ongoing", "later") else "conflict"
        blurred = any(
            x.when is not None and y.when is not None and not sg.is_state(x.stance)
            and (x.when.end - x.when.start).days + 1 > align._LONG_SPAN_DAYS
            and 2 * ((y.when.end - y.when.start).days + 1) < (x.when.end - x.when.start).days + 1
            for x, y in ((a, b), (b, a)))
        if relation == "conflict" and (
                max(a.confidence, b.confidence) < INFERRED_CONFIDENCE
                or (min(a.confidence, b.confidence) < INFERRED_CONFIDENCE and strength < 0.9)
                or (when == "undated" and (a.family != b.family or strength < 0.9
                                           or sg.is_state(a.stance) or sg.is_state(b.stance)))
                or align._HEDGED & {a.modality, b.modality} or blurred):
            relation = None
    if relation is None:
        return None
    ca, cb = align.region_countries(a), align.region_countries(b)
    place = 1.0 if ca & cb else 0.7 if not ca and not cb else 0.6
    modality = 1.0 if a.modality == b.modality else 0.9 if {a.modality, b.modality} <= align._FACTUAL else 0.5
    wa, wb = align._words(a.sentence), align._words(b.sentence)
    overlap = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    doers_a, doers_b = align.subject_keys(a), align.subject_keys(b)
    coalition = 1.0 if not (a.co_subjects or b.co_subjects) else 0.9 + 0.1 * len(doers_a & doers_b) / len(doers_a | doers_b)
    actor = fit.level * (0.8 if fit.mode == "subject" else 1.0) * coalition
    score = (0.35 * actor + 0.35 * strength + 0.1 * place + 0.1 * align._time_closeness(when, a, b)
             + 0.05 * modality + 0.05 * overlap)
    return relation, round(min(max(score, 0.0), 1.0), 3), fit, stance, when


_STANCES = [("cooperate", "cooperation"), ("cooperate", "cooperation"), ("support", "cooperation"),
             ("attack", "conflict"), ("suspend cooperation", "conflict"), ("relations", "cooperation"),
             ("accuse", "conflict"), ("meet", "neutral"), ("agree", "cooperation"), ("rule out", "conflict")]
_SUBJECTS = ["RUS", "RUS", "RUS", "USA", "REBELS", "MILITANTS"]
_TARGETS = ["USA", "USA", "USA", "RUS", "KURDS", None]
_REGIONS = [(), (), (), ("SYR",), ("IRQ",), ("SYR", "IRQ")]
_MODALITIES = ["asserted", "asserted", "asserted", "reported", "possible", "conditional"]
_CONFIDENCES = [0.5, 0.9, 0.9, 0.9, 0.3]
_LENGTHS = [0, 0, 3, 30, 46, 92, 93, 200]  # days a written-out span runs past its start
_SPAN_WORDS = [("explicit", "in May"), ("relative", "since May"), ("relative", "in May")]


def _span(kind: int, offset: int, length: int, words: tuple[str, str]):
    """None (kind 0), dated by the article (1), or written out (2): days after 1 Mar 2016."""
    import datetime as dt

    from claimcmp.models import DateSpan

    if kind == 0:
        return None
    day = dt.date(2016, 3, 1) + dt.timedelta(days=offset)
    if kind == 1:
        return DateSpan(start=day, end=day, granularity="day", text="", source="article")
    return DateSpan(start=day, end=day + dt.timedelta(days=length), granularity="day", text=words[1],
                    source=words[0])


_TOPICS = [None, None, None, "cooperation", "the ceasefire"]


def _judged_claim(n, stance_family, subject, target, polarity, regions, when, modality, confidence,
                  topic=None):
    return claim("h", n, f"Claim {n}: {subject} and {target} on {stance_family[0]}.", subject,
                 *stance_family, target, polarity=polarity, when=when, regions=regions,
                 modality=modality).model_copy(update={"confidence": confidence, "topic": topic})


_judged = st.builds(
    _judged_claim, st.integers(0, 50), st.sampled_from(_STANCES), st.sampled_from(_SUBJECTS),
    st.sampled_from(_TARGETS), st.sampled_from(["positive", "negative"]), st.sampled_from(_REGIONS),
    st.builds(_span, st.integers(0, 2), st.integers(0, 60), st.sampled_from(_LENGTHS),
              st.sampled_from(_SPAN_WORDS)),
    st.sampled_from(_MODALITIES), st.sampled_from(_CONFIDENCES), st.sampled_from(_TOPICS))


def _random_claims(seed: int, count: int) -> list:
    """The same values as _judged, drawn at random: dense in conflicts and shifts."""
    import random

    rng = random.Random(seed)
    return [_judged_claim(n, rng.choice(_STANCES), rng.choice(_SUBJECTS), rng.choice(_TARGETS),
                          rng.choice(["positive", "negative"]), rng.choice(_REGIONS),
                          _span(rng.randrange(3), rng.randrange(61), rng.choice(_LENGTHS),
                                rng.choice(_SPAN_WORDS)),
                          rng.choice(_MODALITIES), rng.choice(_CONFIDENCES), rng.choice(_TOPICS))
            for n in range(count)]


def _assert_inlined_rule_is_align(claims, window):
    rule = Judge(window)
    views = [rule.view(c) for c in claims]
    for i, a in enumerate(claims):
        for j, b in enumerate(claims):
            assert rule.relate(views[i], views[j]) == _reference(a, b, window), (a, b)
            found = rule.decide(views[i], views[j])
            assert (found and found[0]) == rule.relation(views[i], views[j])
    # the same pairs judged in bulk (head_order), in a fresh Judge and then in the one used
    for bulk in (Judge(window), rule):
        table = ViewTable([bulk.view(c) for c in claims])
        first = np.repeat(np.arange(len(claims)), len(claims))
        second = np.tile(np.arange(len(claims)), len(claims))
        got = relations(bulk, table, first, second).tolist()
        assert got == [RELATION_CODES[rule.relation(views[i], views[j])]
                       for i, j in zip(first.tolist(), second.tolist())]


@settings(max_examples=200, deadline=None)
@given(st.lists(_judged, min_size=2, max_size=8), st.sampled_from([0, 30]))
def test_the_inlined_rule_is_align_step_by_step(claims, window):
    _assert_inlined_rule_is_align(claims, window)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("window", [0, 30])
def test_the_inlined_rule_is_align_step_by_step_on_dense_claims(seed, window):
    _assert_inlined_rule_is_align(_random_claims(seed, 150), window)
    _assert_inlined_rule_is_align([c for d in random_documents(seed) for c in d.claims], window)


# ---------------------------------------------------------------- the steps, one by one

def _dated(start: str, end: str | None = None, source: str = "explicit", text: str | None = None):
    import datetime as dt

    from claimcmp.models import DateSpan

    return DateSpan(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end or start),
                    granularity="day", text="" if source == "article" else (text or start), source=source)


# (a's span, b's span, what align.time_fit says at a window of 30 days)
_TIMES = [
    (None, _dated("2016-05-01"), "undated"),
    (_dated("2016-05-01", "2016-05-31"), _dated("2016-05-20"), "overlap"),
    (_dated("2016-05-01", source="article"), _dated("2016-04-20"), "window"),
    (_dated("2016-05-01", source="article"), _dated("2016-05-10"), "later"),
    (_dated("2016-05-10"), _dated("2016-05-01", source="article"), "later"),
    (_dated("2016-01-01", source="article"), _dated("2016-06-01", "2016-07-01", "relative", "since June"),
     "ongoing"),
    (_dated("2016-01-01"), _dated("2016-06-01", source="article"), "apart"),
    (_dated("2016-05-01"), _dated("2016-05-02", "2016-05-06", "relative", "within five days"), "overlap"),
    (_dated("2016-05-01"), _dated("2016-05-03"), "apart"),
    (_dated("2016-05-01", source="article"), _dated("2016-05-02"), "later"),
]


def _time_views(rule):
    views = []
    for n, (when_a, when_b, _fit) in enumerate(_TIMES):
        for m, when in enumerate((when_a, when_b)):
            views.append(rule.view(claim("t", 2 * n + m, "RUS cooperates with USA.", "RUS", "cooperate",
                                         "cooperation", "USA", when=when)))
    return views


def test_time_fit_on_day_ordinals_is_align_time_fit():
    from claimcmp.comparison import align
    from claimcmp.comparison.judging import time_fit

    rule = Judge(30)
    views = _time_views(rule)
    assert [time_fit(views[2 * n], views[2 * n + 1]) for n in range(len(_TIMES))] == [t[2] for t in _TIMES]
    for a in views:  # and every other pair, both ways
        for b in views:
            assert time_fit(a, b) == align.time_fit(a.claim.when, b.claim.when, 30)


def test_bulk_time_fits_mark_what_time_fit_says():
    from claimcmp.comparison.bulk_judging import Pairs, _time_fits
    from claimcmp.comparison.judging import time_fit

    rule = Judge(30)
    views = _time_views(rule)
    n = len(views)
    first, second = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    fits = _time_fits(Pairs(ViewTable(views), first, second))
    for k, (i, j) in enumerate(zip(first.tolist(), second.tolist())):
        marked = [name for name in fits._fields if getattr(fits, name)[k]]
        expected = time_fit(views[i], views[j])
        assert marked == ([expected] if expected in fits._fields else []), (i, j, expected)


def test_by_key_computes_each_distinct_key_once_and_remembers_it():
    from claimcmp.comparison.bulk_judging import by_key

    asked = []

    def compute(at):
        asked.append(at)
        return (int(x[at]) * 10 + int(y[at]), -int(y[at]))

    cache: dict = {}
    x, y = np.array([0, 1, 0, 2, 1, 0]), np.array([3, 1, 3, 0, 1, 2])
    tens, negated = by_key((x, y), cache, compute, 2)
    assert tens.tolist() == [3, 11, 3, 20, 11, 2] and negated.tolist() == [-3, -1, -3, 0, -1, -2]
    assert sorted(asked) == [0, 1, 3, 5]  # the first position of each distinct (x, y)
    asked.clear()
    x, y = np.array([2, 0]), np.array([0, 3])
    assert by_key((x, y), cache, compute, 2)[0].tolist() == [20, 3] and asked == []


def test_by_key_keys_too_wide_to_mix_into_one_int():
    from claimcmp.comparison.bulk_judging import by_key

    big = np.array([1 << 40, 5, 1 << 40, 5], np.int64)
    small = np.array([1, 2, 1, 3], np.int64)
    sums, = by_key((big, big, small), {}, lambda at: (int(big[at]) + int(small[at]),), 1)
    assert sums.tolist() == [(1 << 40) + 1, 7, (1 << 40) + 1, 8]


def _columns(**values):
    """A stand-in for a ViewTable: one column per keyword, rows a then b of each pair."""
    from types import SimpleNamespace

    return SimpleNamespace(**{name: np.array(column) for name, column in values.items()})


def test_stance_sense_reads_as_align_stance_verdict():
    from claimcmp.comparison.bulk_judging import (FIT_KIN, FIT_PARTIAL, FIT_SUBJECT, OPPOSITE, SAME,
                                                  UNRELATED, Pairs, _stance_sense)

    # pairs (row 2k, row 2k + 1): family number, negated, neutral, states; the fit; the strength
    cases = [  # (family a, family b, negated a, negated b, neutral, fit, strength, sense, strength after, states)
        (0, 0, 0, 0, 0, 0, 0.5, SAME, 0.5, False),            # alike, however little
        (1, 1, 0, 0, 1, 0, 0.6, UNRELATED, 0.6, False),       # neutral acts: the same act only
        (0, 0, 0, 0, 0, FIT_PARTIAL, 0.85, UNRELATED, 0.85, False),
        (0, 0, 0, 1, 0, 0, 0.7, OPPOSITE, 0.7, False),        # negated: the same act or its synonym
        (0, 0, 0, 1, 0, 0, 0.6, UNRELATED, 0.6, False),       # another act of its class is not denied
        (0, 0, 0, 1, 0, 0, 0.6, OPPOSITE, 0.6, True),  # a state denied: what holds of its class
        (0, 0, 0, 1, 0, FIT_SUBJECT, 0.6, UNRELATED, 0.6, False),  # by subject alone: the same act
        (0, 0, 0, 1, 0, FIT_KIN, 0.95, UNRELATED, 0.95, False),
        (0, 2, 0, 0, 0, 0, 0.7, OPPOSITE, 0.7, False),        # opposed families
        (0, 2, 0, 1, 0, 0, 0.95, SAME, 0.76, False),          # ruling out one, denying the other
        (0, 2, 0, 1, 0, 0, 0.85, UNRELATED, 0.85, False),
    ]
    family, negative, neutral, fits, strength, state = [], [], [], [], [], []
    for fa, fb, na, nb, neutral_both, fit, value, _sense, _after, states in cases:
        family += [fa, fb]
        negative += [bool(na), bool(nb)]
        neutral += [bool(neutral_both)] * 2
        state += [states] * 2
        fits.append(fit)
        strength.append(value)
    rows = np.arange(0, 2 * len(cases), 2)
    pairs = Pairs(_columns(family=family, negative=negative, neutral=neutral, state=state), rows, rows + 1)
    given = np.array(strength)
    sense, after = _stance_sense(pairs, np.array(fits), given, given)
    assert sense.tolist() == [c[7] for c in cases]
    assert after.tolist() == pytest.approx([c[8] for c in cases])
    assert given.tolist() == strength  # the strengths given are left as they were


def test_relation_codes_blur_a_conflict_as_decide_does():
    from claimcmp.comparison.bulk_judging import (AGREE, CONFLICT, NONE, OPPOSITE, SAME, SHIFTED,
                                                  Pairs, TimeFits, _relation_codes)

    plain = dict(targetless=False, weak=False, family=0, state=False, hedged=False, days=1, long=False,
                 dated=True)
    cases = [  # (what differs on side a, sense, time fit, code)
        ({}, SAME, "overlap", AGREE),
        ({}, SAME, "apart", NONE),
        ({}, OPPOSITE, "overlap", CONFLICT),
        ({}, OPPOSITE, "later", SHIFTED),
        ({"weak": True}, OPPOSITE, "overlap", CONFLICT),  # the same act stated with the party
        ({"weak": True, "strength": 0.6}, OPPOSITE, "overlap", NONE),  # another act: blurred
        ({"weak": True}, OPPOSITE, "apart", SHIFTED),   # an inferred party blurs only a conflict
        ({"hedged": True}, OPPOSITE, "window", NONE),
        ({"targetless": True}, OPPOSITE, "overlap", NONE),
        ({"long": True, "days": 200}, OPPOSITE, "overlap", NONE),
        ({"family": 1}, OPPOSITE, "undated", NONE),
        ({}, OPPOSITE, "undated", CONFLICT),
    ]
    columns = {name: [] for name in plain}
    for changed, _sense, _when, _code in cases:
        for name, value in plain.items():
            columns[name] += [changed.get(name, value), value]
    strengths = np.array([c[0].get("strength", 0.95) for c in cases])
    rows = np.arange(0, 2 * len(cases), 2)
    whens = [c[2] for c in cases]
    times = TimeFits(*(np.array([w == name for w in whens]) for name in TimeFits._fields))
    codes = _relation_codes(Pairs(_columns(**columns), rows, rows + 1), np.array([c[1] for c in cases]),
                            strengths, np.zeros(len(cases), bool), times)
    assert codes.tolist() == [c[3] for c in cases]


# keys indexing an array; mixed into one int and searched; too wide to mix
@pytest.mark.parametrize("sizes", [(3, 4), (1 << 20, 1 << 20), (1 << 40, 1 << 40)])
def test_remembered_answers_are_computed_once_per_key_across_batches(sizes):
    from claimcmp.comparison.bulk_judging import Remembered

    remembered = Remembered(sizes, np.float64)
    assert (remembered.dense, remembered.mixable) == (sizes[0] == 3, sizes[0] < 1 << 40)
    asked = []

    def answer(columns):
        def compute(at):
            asked.append((int(columns[0][at]), int(columns[1][at])))
            return columns[0][at] + columns[1][at] / 10
        return remembered.lookup(columns, compute).tolist()

    assert answer((np.array([2, 0, 2, 1]), np.array([3, 1, 3, 0]))) == [2.3, 0.1, 2.3, 1.0]
    assert sorted(asked) == [(0, 1), (1, 0), (2, 3)]
    asked.clear()
    assert answer((np.array([1, 2, 0]), np.array([0, 2, 1]))) == [1.0, 2.2, 0.1]
    assert asked == [(2, 2)]  # the others were remembered
    assert answer((np.array([0, 2]), np.array([3, 2]))) == [0.3, 2.2]
