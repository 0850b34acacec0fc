"""judging.Judge: align.judge for many pairs, each claim read once."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numpy as np

from claimcmp.comparison.judging import RELATION_CODES, Judge, ViewTable
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
    when = align.time_fit(a.when, b.when, window)
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
    modality = 1.0 if a.modality == b.modality else 0.8 if {a.modality, b.modality} <= align._FACTUAL else 0.5
    wa, wb = align._words(a.sentence), align._words(b.sentence)
    overlap = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    actor = fit.level * (0.8 if fit.mode == "subject" else 1.0)
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
        got = bulk.relations(table, first, second).tolist()
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
