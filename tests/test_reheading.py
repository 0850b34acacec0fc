"""reheading: a head leaving its group to join another that tells the same relation
(sentences written for the tests)."""
from __future__ import annotations

from collections import Counter

from claimcmp.comparison import grouping, regrouping
from claimcmp.comparison.grouping import Entry
from claimcmp.comparison.judging import Judge
from claimcmp.comparison.regrouping import AGREEMENTS_PER_CHANGE
from claimcmp.comparison.reheading import group_value, succession
from compare_fixtures import claim, span

DAY = "2019-10-18"


def truce(article: str, n: int, sentence: str, *, polarity: str = "positive", when=None):
    return claim(article, n, sentence, "TUR", "ceasefire", "cooperation", "USA", polarity=polarity,
                 when=when or span(DAY, source="article"))


def arranged(claims: list, groups: list[list[int]]):
    """A placing with `groups` made as given (positions in `claims`, the first of each its
    head), as a placement may leave them: what regrouping then looks at."""
    entries = [Entry(c, None, n) for n, c in enumerate(claims)]
    rule = Judge()
    placing = grouping._Placing(entries, [rule.view(e.claim) for e in entries], rule, [0] * len(entries))
    for members in groups:
        placing.head_new_group(members[0])
        number = len(placing.groups) - 1
        for position in members[1:]:
            placing.join(position, number, rule.relate(placing.heads[number], placing.views[position]))
    return placing


def test_group_value_counts_each_pair_between_articles_once():
    tally = Counter()
    for relation, article in [("agree", "a"), ("agree", "b"), ("conflict", "c"), ("agree", "c")]:
        tally[(relation, None)] += 1
        tally[(relation, article)] += 1
    assert group_value(tally) == 3 + 2 * AGREEMENTS_PER_CHANGE


def test_a_head_joins_the_group_that_tells_its_relation_to_more_outlets():
    """b's truce heads c's (one agreement); a's two accounts sit in a group of their own
    (none). b's claim joins a's group, c's heads what is left, then follows."""
    placing = arranged([
        truce("b", 0, "Ankara and Washington agreed a truce."),
        truce("c", 0, "Turkey and the US reached a truce."),
        truce("a", 0, "Turkey agreed a ceasefire with the United States."),
        truce("a", 1, "The Turkish-American ceasefire was agreed on Thursday."),
    ], [[0, 1], [2, 3]])
    assert regrouping.regroup(placing, [0, 1, 2, 3]) == 2
    assert [placing.where[p] for p in range(4)] == [1, 1, 1, 1]
    assert [placing.membership[p].relation for p in range(4)] == ["agree"] * 4
    assert [g.size for g in placing.groups] == [0, 4, 0]


def test_a_head_does_not_leave_its_agreement_to_contradict_another_group():
    """Against a's two denials b's claim would state two contradictions, but a head only
    joins a group it agrees with; c's claim, a member, goes and contradicts them."""
    placing = arranged([
        truce("b", 0, "Ankara and Washington agreed a truce."),
        truce("c", 0, "Turkey and the US reached a truce."),
        truce("a", 0, "Turkey agreed no ceasefire with the United States.", polarity="negative"),
        truce("a", 1, "No Turkish-American ceasefire was agreed.", polarity="negative"),
    ], [[0, 1], [2, 3]])
    regrouping.regroup(placing, [0, 1, 2, 3])
    assert placing.where[0] == 0 and placing.groups[0].head is placing.entries[0]
    assert (placing.where[1], placing.membership[1].relation) == (1, "conflict")


def test_no_successor_when_no_member_relates_to_the_others():
    """Two accounts dated 25 days before and after an article's date both agree with it,
    but not with each other (their times are apart): neither can head the other."""
    placing = arranged([
        truce("a", 0, "Turkey and the US agreed a truce."),
        truce("b", 0, "On 23 September Turkey agreed a truce with the US.", when=span("2019-09-23")),
        truce("c", 0, "On 12 November Turkey agreed a truce with the US.", when=span("2019-11-12")),
    ], [[0, 1, 2]])
    assert placing.rule.relation(placing.views[1], placing.views[2]) is None
    assert succession(placing, 0) is None


def test_a_successor_heads_the_others_and_the_loss_is_counted():
    placing = arranged([
        truce("a", 0, "Turkey and the US agreed a truce."),
        truce("b", 0, "Ankara and Washington reached a truce."),
        truce("c", 0, "A Turkish-US truce was agreed."),
    ], [[0, 1, 2]])
    found = succession(placing, 0)
    assert found.head == 1 and [p for p, _f in found.members] == [2]
    assert found.members[0][1][0] == "agree"
    assert found.loss == 3 - 1  # a-b, a-c and b-c stated; b-c remains
