"""Grouping the claims of many articles (claimcmp/grouping.py) on hand-written claims."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcmp.comparison import blocking, grouping, ordering
from claimcmp.align import judge
from claimcmp.comparison.grouping import Entry, HeadIndex, compare_documents, implied_relation
from claimcmp.comparison.judging import Judge
from claimcmp.models import dump
from compare_fixtures import claim, document, random_documents, span, story


def relations(group):
    return [(m.article_id, m.relation) for m in group.members]


def test_the_relation_most_outlets_assert_heads_its_contradiction_and_its_later_break():
    """The two claims that agree with each other and are contradicted or shifted against
    head the group, so every pair diff reports (agree, conflict twice, shifted twice) is
    in it; with the negated claim as head, the two agreeing outlets would both be
    'conflict' and their agreement unsaid."""
    doc = compare_documents(story())
    first = doc.groups[0]
    assert first.contested
    assert relations(first) == [("alpha1", "agree"), ("beta1", "agree"), ("gamma1", "conflict"),
                                ("delta1", "shifted")]
    assert first.outlets == ["Daily Alpha", "Beta Times", "Gamma <Post>", "Delta News"]
    assert (first.subject.id, first.stance, first.polarity, first.target.id) == ("RUS", "cooperate", "positive", "USA")
    assert first.why == ("asserted by 2 outlets; contradicted by 1 outlet; another time by 1 outlet: same actors "
                         "RUS-USA, cooperation vs negated cooperation (cooperate vs not cooperate), times overlap")


def test_every_claim_is_in_exactly_one_group():
    docs = story()
    doc = compare_documents(docs)
    ids = [m.claim.id for g in doc.groups for m in g.members]
    assert sorted(ids) == sorted(c.id for d in docs for c in d.claims)


def test_groups_of_one_outlet_come_last_in_input_order():
    doc = compare_documents(story())
    assert [g.members[0].claim.id for g in doc.groups[1:]] == ["alpha1-1"]
    assert [g.outlets for g in doc.groups[1:]] == [["Daily Alpha"]]


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


def test_an_article_is_never_set_against_its_own_head():
    day = "2016-12-09"
    docs = [document("a", "A", day, [
        claim("a", 0, "Russia supports Syria.", "RUS", "support", "cooperation", "SYR", when=span(day)),
        claim("a", 1, "Russia attacked Syria.", "RUS", "attack", "conflict", "SYR", when=span(day)),
    ])]
    doc = compare_documents(docs)
    assert [relations(g) for g in doc.groups] == [[("a", "agree")], [("a", "agree")]]


def test_an_article_telling_both_accounts_sits_on_both_sides():
    """'Tehran says the strike killed 80; Washington says no one was harmed': an article that
    reports both, in two sentences, agrees and disagrees with another outlet's account."""
    day = "2020-01-08"
    killed = dict(subject="IRN", stance="kill", family="conflict", target="USA", when=span(day))
    docs = [
        document("a", "A", day, [claim("a", 0, "Iran's strike killed 80 Americans.", **killed)]),
        document("b", "B", day, [
            claim("b", 0, "Tehran said the strike killed 80 Americans.", **killed),
            claim("b", 1, "Washington said no American was killed.", **killed, polarity="negative")]),
    ]
    assert relations(compare_documents(docs).groups[0]) == [("a", "agree"), ("b", "agree"), ("b", "conflict")]
    one_sentence = [docs[0], document("b", "B", day, [c.model_copy(update={"start": 0}) for c in docs[1].claims])]
    for group in compare_documents(one_sentence).groups:  # one sentence is never on both sides
        assert len({relation for article, relation in relations(group) if article == "b"}) <= 1


def test_a_contradicted_claim_heads_its_contradiction_rather_than_tell_a_later_state():
    """"The two will hold talks" (2025) is a later state of the 2019 strikes, but another
    outlet contradicts it ("no decision to hold talks"): it heads the group of that
    contradiction instead of joining the strikes' group as a change over time."""
    old, new = "2019-02-26", "2025-05-10"
    strike = dict(subject="IND", stance="attack", family="conflict", target="PAK", when=span(old))
    talks = dict(subject="PAK", stance="negotiate", family="cooperation", target="IND", when=span(new))
    docs = [
        document("p", "P", old, [claim("p", 0, "India struck Pakistan.", **strike)]),
        document("q", "Q", old, [claim("q", 0, "Indian jets struck Pakistan.", **strike)]),
        document("t", "T", old, [claim("t", 0, "India did not strike Pakistan.", **strike, polarity="negative")]),
        document("r", "R", new, [claim("r", 0, "Pakistan and India will hold talks.", **talks)]),
        document("s", "S", new, [claim("s", 0, "There is no decision to hold talks.", **talks, polarity="negative")]),
    ]
    groups = [relations(g) for g in compare_documents(docs).groups]
    assert [("r", "agree"), ("s", "conflict")] in groups
    assert [("p", "agree"), ("q", "agree"), ("t", "conflict")] in groups


def test_group_ids_and_output_are_the_same_on_every_run():
    first = dump(compare_documents(random_documents(3)))
    again = dump(compare_documents(random_documents(3)))
    assert first == again
    assert len({g["id"] for g in first["groups"]}) == len(first["groups"])


@pytest.mark.parametrize("seed", range(6))
def test_members_never_imply_a_relation_diff_would_not_report(seed):
    """Two members' relations to the first member imply one between them (agree/agree,
    agree/conflict, agree/shifted): a conflict or shift implied is the one judge finds;
    an agreement implied is never a conflict or shift by judge. Claims of one sentence are
    never set against each other, nor a claim against the head of its own article."""
    doc = compare_documents(random_documents(seed, articles=16, claims=10))
    checked = 0
    for group in doc.groups:
        head = group.members[0]
        for member in group.members[1:]:
            if member.article_id == head.article_id:
                assert member.relation == "agree", member.claim.id
        for n, x in enumerate(group.members[1:], 1):
            for y in group.members[n + 1:]:
                implied = implied_relation(x.relation, y.relation)
                if (x.article_id, x.claim.start) == (y.article_id, y.claim.start):
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


@pytest.mark.parametrize("seed", range(3))
def test_a_lookup_holds_until_a_head_is_added_to_a_block_it_read(seed):
    """HeadIndex.lookup: the candidates as a set and the blocks read; while none of those
    blocks is stamped later than the lookup, the candidates are what they were."""
    claims = [c for d in random_documents(seed, articles=10, claims=10) for c in d.claims]
    index = HeadIndex()
    probes = claims[::7]
    for n, head in enumerate(claims[:50]):
        index.add(n, head)
    before = {p.id: (*index.lookup(p), index.added) for p in probes}
    stale = 0
    for n, head in enumerate(claims[50:], start=50):
        index.add(n, head)
        for probe in probes:
            found, blocks, stamp = before[probe.id]
            if all(block.changed <= stamp for block in blocks):
                assert found == set(index.candidates(probe))
            else:
                stale += 1
    assert stale and index.added == len(claims)
    assert sorted(index.lookup(probes[0])[0]) == index.candidates(probes[0])


def test_a_lookup_reads_blocks_without_heads_yet():
    day = "2016-12-09"
    index = HeadIndex()
    probe = claim("a", 0, "Russia attacked Syria.", "RUS", "attack", "conflict", "SYR", when=span(day))
    found, blocks, stamp = (*index.lookup(probe), index.added)
    assert found == set() and blocks and stamp == 0
    index.add(0, claim("b", 0, "Russia bombed Syria.", "RUS", "bomb", "conflict", "SYR", when=span(day)))
    assert any(block.changed > stamp for block in blocks)  # so the empty lookup no longer holds
    assert index.candidates(probe) == [0]


def test_grouping_pauses_the_cycle_collector_and_restores_it():
    import gc

    docs = story()
    seen = []
    real = grouping._group_entries

    def spy(entries, rule):
        seen.append(gc.isenabled())
        return real(entries, rule)

    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(grouping, "_group_entries", spy)
                compare_documents(docs)
            assert gc.isenabled() == enabled
        finally:
            gc.enable()
    assert seen == [False, False]


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


def test_heads_are_the_claims_whose_group_keeps_the_most_pairs():
    """head_order without contradictions: the claims whose group would keep the most pairs
    diff reports first (three agreeing trades and their later break: 3 + 3 each; the break
    alone against them: 3), then head_rank."""
    day = "2018-03-05"
    docs = [
        document("p", "P", day, [claim("p", 0, "Ankara and Kyiv trade grain.", "TUR", "trade", "cooperation", "UKR",
                                       when=span(day, source="article"))]),
        document("q", "Q", day, [
            claim("q", 0, "Kyiv and Ankara trade grain again.", "TUR", "trade", "cooperation", "UKR",
                  when=span(day, source="article")),
            claim("q", 1, "Paris hosts the Iranian envoys.", "FRA", "host", "cooperation", "IRN",
                  when=span(day, source="article"))]),
        document("r", "R", day, [claim("r", 0, "Ankara trades grain with Kyiv as before.", "TUR", "trade",
                                       "cooperation", "UKR", when=span(day, source="article"))]),
        document("s", "S", "2018-09-01", [claim("s", 0, "Since June Turkey has stopped all trade with Ukraine.",
                                                "TUR", "trade", "cooperation", "UKR", polarity="negative",
                                                when=span("2018-06-01", "2018-09-01", source="relative"))]),
    ]
    entries = [Entry(c, d.article.source, n) for n, (d, c) in enumerate((d, c) for d in docs for c in d.claims)]
    rule = Judge()
    order = grouping.head_order(entries, [rule.view(e.claim) for e in entries], rule)
    # the three trading claims and the break are each shifted against another article's claim
    # (the break against every one of them), the Paris visit is related to nothing
    assert [entries[n].claim.id for n in order] == ["p-0", "q-0", "r-0", "s-0", "q-1"]
    group = compare_documents(docs).groups[0]
    assert relations(group) == [("p", "agree"), ("q", "agree"), ("r", "agree"), ("s", "shifted")]


def test_a_denial_is_placed_before_claims_that_merely_agree():
    """head_order: claims another article contradicts come before claims that only agree, so
    the denial joins the strike's group. The threat, sanction and expulsion agree with the
    strike but not with its denial (other acts), and make a group of their own; placed first
    (the threat is shifted against its end months later), they would have kept the denial
    out of the strike's group."""
    day, later = "2022-03-01", "2022-09-01"
    acts = [("a", "strike", "positive", day), ("b", "threaten", "positive", day), ("c", "attack", "negative", day),
            ("d", "sanction", "positive", day), ("e", "expel", "positive", day), ("f", "threaten", "negative", later)]
    docs = [document(key, key.upper(), date, [claim(key, 0, f"Moscow and Kyiv: {stance}.", "RUS", stance,
                                                    "conflict", "UKR", polarity=polarity, when=span(date))])
            for key, stance, polarity, date in acts]
    entries = [Entry(d.claims[0], d.article.source, n) for n, d in enumerate(docs)]
    rule = Judge()
    order = grouping.head_order(entries, [rule.view(e.claim) for e in entries], rule)
    assert [entries[n].claim.id for n in order] == ["a-0", "c-0", "b-0", "d-0", "e-0", "f-0"]
    groups = compare_documents(docs).groups
    assert [relations(g) for g in groups] == [
        [("a", "agree"), ("c", "conflict")],
        [("b", "agree"), ("d", "agree"), ("e", "agree")],
        [("f", "agree")]]  # the threat ended is no later state of the sanction or expulsion


def test_pairs_kept_counts_the_agreeing_side_and_what_it_is_told_against():
    assert ordering.pairs_kept(1, 1, 1) == 1 + 2 * 2
    assert ordering.pairs_kept(0, 2, 0) == 2
    assert ordering.pairs_kept(3, 0, 0) == 6
    assert ordering.pairs_kept(0, 0, 0) == 0


@pytest.mark.parametrize("seed", [3, 5, 11])
def test_head_order_counts_the_same_in_bulk_and_pair_by_pair(seed, monkeypatch):
    entries = [Entry(c, d.article.source, n) for n, (d, c) in
               enumerate((d, c) for d in random_documents(seed, articles=30) for c in d.claims)]
    rule = Judge()
    views = [rule.view(e.claim) for e in entries]
    index = HeadIndex(neighbours=ordering.RANK_NEIGHBOURS)
    for position, entry in enumerate(entries):
        index.add(position, entry.claim)
    one_by_one = ordering._count(entries, views, rule, index)
    assert sum(one_by_one[0]) and sum(one_by_one[1])  # agreements and contradictions to count
    for bulk in (1 << 19, 50):  # one batch, and many small ones
        monkeypatch.setattr(ordering, "_BULK", bulk)
        assert ordering._count_in_bulk(entries, views, rule, index) == one_by_one
    orders = []
    for bulk_from in (10 ** 9, 0):
        monkeypatch.setattr(ordering, "BULK_FROM", bulk_from)
        orders.append(grouping.head_order(entries, views, rule))
    assert orders[0] == orders[1]


@pytest.mark.parametrize("seed", [3, 5, 11])
def test_groups_are_the_same_placed_in_bulk_and_one_by_one(seed, monkeypatch):
    """From BULK_FROM claims the claims are placed in batches, their pairs with the heads
    so far judged at once; the groups are those of placing them one pair at a time."""
    docs = random_documents(seed, articles=30)
    documents = []
    for bulk_from, batch in ((10 ** 9, 256), (0, 256), (0, 7), (0, 1)):
        monkeypatch.setattr(ordering, "BULK_FROM", bulk_from)
        monkeypatch.setattr(grouping, "_PLACE_BATCH", batch)
        documents.append(compare_documents(docs).model_dump_json())
    assert len(set(documents)) == 1 and '"conflict"' in documents[0]


def test_a_break_told_beside_hostile_acts_keeps_its_change_from_the_old_state():
    """'Chile suspended talks with Peru' (2020) agrees with the hostile acts of 2020 and is a
    change from 'Chile agreed to talks with Peru' (2018): one group tells both, the suspension
    agreeing with the shelling and the old agreement another time of it."""
    old, new = "2018-03-01", "2020-03-01"
    docs = [
        document("a", "A", old, [claim("a", 0, "Chile agreed to talks with Peru.", "CHL", "negotiate",
                                       "cooperation", "PER", when=span(old))]),
        document("c", "C", new, [claim("c", 0, "Chile shelled Peruvian posts.", "CHL", "attack", "conflict",
                                       "PER", when=span(new)),
                                 claim("c", 1, "Chilean troops shelled Peruvian posts again.", "CHL", "attack",
                                       "conflict", "PER", when=span(new))]),
        document("b", "B", new, [claim("b", 0, "Chile suspended talks with Peru.", "CHL", "suspend talk",
                                       "conflict", "PER", when=span(new))]),
    ]
    groups = [relations(g) for g in compare_documents(docs).groups]
    assert groups == [[("b", "agree"), ("a", "shifted"), ("c", "agree"), ("c", "agree")]]
