"""judging.Judge: align.judge for many pairs, each claim read once."""
from __future__ import annotations

import pytest

from claimcmp.comparison.judging import Judge
from compare_fixtures import random_documents, story


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
