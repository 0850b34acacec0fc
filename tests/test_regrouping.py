"""regrouping: the second look at where compare placed each claim (sentences written for
the tests)."""
from __future__ import annotations

from collections import Counter

from claimcmp.comparison import grouping, regrouping
from claimcmp.comparison.grouping import Entry
from claimcmp.comparison.judging import Judge
from claimcmp.comparison.regrouping import AGREEMENTS_PER_CHANGE, most_stated, pairs_stated
from compare_fixtures import claim, span

DAY = "2018-04-27"


def tally(*members: tuple[str, str]) -> Counter:
    counts: Counter = Counter()
    for relation, article in members:
        counts[(relation, None)] += 1
        counts[(relation, article)] += 1
    return counts


def test_a_claim_states_no_pair_with_its_own_articles_members():
    group = tally(("agree", "a"), ("agree", "a"), ("conflict", "a"))
    assert pairs_stated(group, "agree", "a") == 0
    assert pairs_stated(group, "conflict", "a") == 0


def test_an_agreeing_claim_states_a_pair_with_every_member_of_another_article():
    group = tally(("agree", "a"), ("agree", "b"), ("conflict", "c"), ("shifted", "d"))
    assert pairs_stated(group, "agree", "e") == 2 + 2 * AGREEMENTS_PER_CHANGE


def test_a_contradicting_claim_states_pairs_with_the_agreeing_side_only():
    group = tally(("agree", "a"), ("agree", "b"), ("conflict", "c"), ("shifted", "d"))
    assert pairs_stated(group, "conflict", "e") == 2 * AGREEMENTS_PER_CHANGE
    assert pairs_stated(group, "shifted", "a") == AGREEMENTS_PER_CHANGE  # b only


def test_most_stated_bounds_every_claims_pairs():
    group = tally(("agree", "a"), ("agree", "b"), ("conflict", "c"), ("shifted", "d"))
    for relation in ("agree", "conflict", "shifted"):
        for article in "abcde":
            assert pairs_stated(group, relation, article) <= most_stated(group)


def placed(order: list[int]):
    """The three claims placed in `order`, as grouping places them, before regrouping."""
    entries = [Entry(c, None, n) for n, c in enumerate([
        claim("a", 0, "In Damascus, Moscow and Washington agreed to cooperate.", "RUS", "cooperate",
              "cooperation", "USA", when=span(DAY), regions=("SYR",)),
        claim("a", 1, "Russia is cooperating with the United States.", "RUS", "cooperate",
              "cooperation", "USA", when=span(DAY)),
        claim("c", 0, "In Kyiv, Russian troops attacked American advisers.", "RUS", "attack",
              "conflict", "USA", when=span(DAY), regions=("UKR",)),
    ])]
    rule = Judge()
    placing = grouping._Placing(entries, [rule.view(e.claim) for e in entries], rule, [0, 0, 0])
    for position in order:
        placing.place(position, None)
    return placing


def where(placing) -> list[tuple[int, str]]:
    return [(placing.where[p], placing.membership[p].relation) for p in range(3)]


def test_a_claim_that_states_nothing_where_it_was_placed_moves_to_the_group_it_contradicts():
    """The Syrian cooperation and the Ukrainian attack cannot be one place: placed first,
    the cooperation heads a group the general cooperation joins (its own article, no pair),
    and the attack heads another; the general cooperation contradicts the attack."""
    placing = placed([0, 1, 2])
    assert where(placing) == [(0, "agree"), (0, "agree"), (1, "agree")]
    assert regrouping.regroup(placing, [0, 1, 2]) == 1
    assert where(placing) == [(0, "agree"), (1, "conflict"), (1, "agree")]
    assert [g.size for g in placing.groups] == [1, 2]
    assert placing.groups[0].tally[("agree", "a")] == 1


def test_no_claim_moves_where_it_states_no_more():
    placing = placed([2, 1, 0])
    before = where(placing)
    assert regrouping.regroup(placing, [2, 1, 0]) == 0
    assert where(placing) == before


def test_a_member_stating_no_pair_between_articles_makes_room_for_a_change_over_time():
    """A 2018 cooperation and a pledge from one article, an attack two years later from
    another: the attack cannot join while the pledge, which no attack relates to, would be
    said to have changed; the pledge holds no other outlet's claim, so it moves out and the
    attack tells its change against the cooperation."""
    day, later = "2018-01-10", "2020-06-16"
    entries = [Entry(c, None, n) for n, c in enumerate([
        claim("a", 0, "Moscow and Washington agreed to cooperate.", "RUS", "cooperate", "cooperation", "USA",
              when=span(day)),
        claim("a", 1, "Russia pledged to help the United States.", "RUS", "pledge", "cooperation", "USA",
              when=span(day)),
        claim("c", 0, "Russian troops attacked American advisers.", "RUS", "attack", "conflict", "USA",
              when=span(later)),
    ])]
    rule = Judge()
    assert rule.relation(rule.view(entries[1].claim), rule.view(entries[2].claim)) is None
    placing = grouping._Placing(entries, [rule.view(e.claim) for e in entries], rule, [0, 0, 0])
    for position in range(3):
        placing.place(position, None)
    assert where(placing) == [(0, "agree"), (0, "agree"), (1, "agree")]
    assert regrouping.regroup(placing, [0, 1, 2]) == 1
    assert where(placing) == [(0, "agree"), (2, "agree"), (0, "shifted")]
