"""Grouping the claims of many articles (claimcmp/grouping.py) on hand-written claims."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcmp.comparison import blocking, grouping
from claimcmp.align import judge
from claimcmp.comparison.grouping import Entry, HeadIndex, compare_documents, implied_relation
from claimcmp.models import dump
from compare_fixtures import claim, document, random_documents, span, story


def relations(group):
    return [(m.article_id, m.relation) for m in group.members]


def test_a_contradiction_on_the_same_day_makes_the_first_group_contested():
    doc = compare_documents(story())
    first = doc.groups[0]
    assert first.contested
    assert relations(first) == [("gamma1", "agree"), ("alpha1", "conflict"), ("beta1", "conflict")]
    assert first.outlets == ["Gamma <Post>", "Daily Alpha", "Beta Times"]
    assert (first.subject.id, first.stance, first.polarity, first.target.id) == ("RUS", "cooperate", "negative", "USA")
    assert first.why == ("asserted by 1 outlet; contradicted by 2 outlets: same actors RUS-USA, negated "
                         "cooperation vs cooperation (not cooperate vs cooperate), times overlap")


def test_every_claim_is_in_exactly_one_group():
    docs = story()
    doc = compare_documents(docs)
    ids = [m.claim.id for g in doc.groups for m in g.members]
    assert sorted(ids) == sorted(c.id for d in docs for c in d.claims)


def test_groups_of_one_outlet_come_last_in_input_order():
    doc = compare_documents(story())
    assert [g.members[0].claim.id for g in doc.groups[1:]] == ["alpha1-1", "delta1-0"]
    assert [g.outlets for g in doc.groups[1:]] == [["Daily Alpha"], ["Delta News"]]


def test_agreeing_outlets_share_one_uncontested_group():
    docs = story()[:2]
    doc = compare_documents(docs)
    assert relations(doc.groups[0]) == [("alpha1", "agree"), ("beta1", "agree")]
    assert not doc.groups[0].contested
    assert doc.groups[0].why.startswith("asserted by 2 outlets")


def test_the_same_relation_broken_months_later_is_shifted_not_contested():
    day = "2016-12-09"
    docs = [
        document("a", "A", day, [claim("a", 0, "Moscow and Washington cooperate in Syria.", "RUS", "cooperate",
                                       "cooperation", "USA", when=span(day))]),
        document("b", "B", "2017-06-01", [claim("b", 0, "Russia stopped all cooperation with the US in May.",
                                                "RUS", "cooperate", "cooperation", "USA", polarity="negative",
                                                when=span("2017-05-01", "2017-05-31"))]),
    ]
    group = compare_documents(docs).groups[0]
    assert relations(group) == [("a", "agree"), ("b", "shifted")]
    assert not group.contested
    assert group.members[1].why.endswith(": shifted")


def test_one_articles_claims_never_contradict_each_other():
    day = "2016-12-09"
    docs = [document("a", "A", day, [
        claim("a", 0, "Russia supports Syria.", "RUS", "support", "cooperation", "SYR", when=span(day)),
        claim("a", 1, "Russia attacked Syria.", "RUS", "attack", "conflict", "SYR", when=span(day)),
    ])]
    doc = compare_documents(docs)
    assert [relations(g) for g in doc.groups] == [[("a", "agree")], [("a", "agree")]]


def test_group_ids_and_output_are_the_same_on_every_run():
    first = dump(compare_documents(random_documents(3)))
    again = dump(compare_documents(random_documents(3)))
    assert first == again
    assert len({g["id"] for g in first["groups"]}) == len(first["groups"])


@pytest.mark.parametrize("seed", range(6))
def test_members_never_imply_a_relation_diff_would_not_report(seed):
    """Two members' relations to the first member imply one between them (agree/agree,
    agree/conflict, agree/shifted): a conflict or shift implied is the one judge finds;
    an agreement implied is never a conflict or shift by judge."""
    doc = compare_documents(random_documents(seed, articles=16, claims=10))
    checked = 0
    for group in doc.groups:
        for n, x in enumerate(group.members[1:], 1):
            for y in group.members[n + 1:]:
                implied = implied_relation(x.relation, y.relation)
                if x.article_id == y.article_id:
                    assert implied in ("agree", None), (x.claim.id, y.claim.id)
                found = judge(x.claim, y.claim)
                found = found[0] if found else None
                if implied in ("conflict", "shifted"):
                    assert found == implied, (x.claim.id, y.claim.id)
                    checked += 1
                elif implied == "agree":
                    assert found in (None, "agree"), (x.claim.id, y.claim.id)
                    checked += 1
        for member in group.members[1:]:
            assert judge(group.members[0].claim, member.claim)[0] == member.relation
    assert checked > 0


@pytest.mark.parametrize("seed", range(4))
def test_the_blocking_index_finds_every_head_judge_relates(seed, monkeypatch):
    """Blocks not crowded, the index is a superset of what judge relates: no related head
    is missed (in a crowded block only the heads nearest in time are looked at)."""
    monkeypatch.setattr(blocking, "NEIGHBOURS", 10_000)
    claims = [c for d in random_documents(seed, articles=10, claims=10) for c in d.claims]
    index = HeadIndex()
    for n, head in enumerate(claims):
        index.add(n, head)
    for c in claims:
        related = {n for n, head in enumerate(claims) if judge(head, c) is not None}
        assert related <= set(index.candidates(c))


def test_kin_names_share_a_block():
    day = "2016-12-09"
    rebels = claim("a", 0, "Rebels attacked the army.", "REBELS", "attack", "conflict", "SYR", when=span(day))
    militants = claim("b", 0, "Militants attacked the army.", "MILITANTS", "attack", "conflict", "SYR",
                      when=span(day))
    index = HeadIndex()
    index.add(0, rebels)
    assert index.candidates(militants) == [0]


def test_a_crowded_block_judges_only_the_heads_nearest_in_time(monkeypatch):
    monkeypatch.setattr(blocking, "NEIGHBOURS", 4)
    index = HeadIndex()
    days = [dt.date(2016, 1, 1) + dt.timedelta(days=30 * n) for n in range(10)]
    for n, day in enumerate(days):
        index.add(n, claim("h", n, "Russia attacked Syria.", "RUS", "attack", "conflict", "SYR",
                           when=span(day.isoformat())))
    probe = claim("p", 0, "Russia attacked Syria.", "RUS", "attack", "conflict", "SYR", when=span("2016-05-31"))
    assert index.candidates(probe) == [4, 5, 6, 7]  # 30 Apr, 30 May, 29 Jun, 29 Jul


def test_outlets_may_be_given_per_document():
    docs = story()[:2]
    doc = compare_documents(docs, sources=["alpha.example", None])
    assert doc.groups[0].outlets == ["alpha.example", "beta1"]
    assert [m.source for m in doc.groups[0].members] == ["alpha.example", None]


def test_entries_keep_input_order_for_ties():
    docs = story()[:2]
    entries = [Entry(c, d.article.source, n) for n, (d, c) in enumerate((d, c) for d in docs for c in d.claims)]
    groups = grouping.group_entries(entries)
    assert groups[0].head.claim.id == "alpha1-0"


def test_a_negative_window_is_refused():
    with pytest.raises(ValueError, match="window_days must be >= 0"):
        compare_documents(story(), window_days=-1)
