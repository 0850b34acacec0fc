"""The order in which `compare` places claims, the first of each group heading it
(head_order): the claims related to the most claims of other articles first, as the
grouping's blocking index offers them (comparison/blocking.py). From BULK_FROM claims the
pairs are judged in bulk on numpy arrays (comparison/bulk_judging.py). Pure functions, no
spaCy."""
from __future__ import annotations

from collections.abc import Sequence

from claimcmp.comparison.align import _HEDGED
from claimcmp.comparison.blocking import HeadIndex
from claimcmp.comparison.judging import ClaimView, Judge


def head_rank(entry) -> tuple:
    """Which claims make the best heads, first: a claim with a target can agree and
    conflict with more claims than one without; an asserted claim can be contradicted
    where a hedged one cannot; a claim with time words of its own can be told from an
    earlier or later state better than one dated only by its article, and that better
    than one with no time at all."""
    claim = entry.claim
    dated_by_article = claim.when is not None and claim.when.source == "article"
    return (claim.target is None, claim.modality in _HEDGED, claim.when is None, dated_by_article,
            entry.order)


# How many claims per block head_order counts relations among: more than the grouping
# looks at (a story's main relation is told in many claims), bounded for cost at scale.
RANK_NEIGHBOURS = 64


def head_order(entries: Sequence, views: Sequence[ClaimView], rule: Judge, table=None) -> list[int]:
    """rank's order."""
    return rank(entries, views, rule, table)[0]


def rank(entries: Sequence, views: Sequence[ClaimView], rule: Judge, table=None) -> tuple[list[int], list[int]]:
    """(The order in which claims are placed, the first of each group heading it: first the
    claims another article's claim contradicts, then the rest; within each, the claims whose
    group would keep the most pairs `diff` reports first (pairs_kept), then those
    contradicted by the most, then head_rank. A member relates only to its head (the compare
    document's contract): two members agree when both agree with the head, and contradict or
    tell another time when one agrees with it and the other does not, so a head keeps the
    pairs among its agreeing side and those between that side and the rest. Contradicted
    claims come first because a claim joins a group only when the relations its place
    implies are those `diff` finds: claims that merely agree with the head ("threatened"
    beside "struck") placed before a denial ("did not attack") would keep the denial out,
    and a contradiction is what a reader of many outlets looks for. Each claim's relations
    are counted among the claims the blocking index offers it, as the grouping itself looks
    them up. `table`: the bulk_judging.ViewTable of the views, when the caller has one.
    With the order, how many claims of other articles contradict each claim.)"""
    index = HeadIndex(neighbours=RANK_NEIGHBOURS)
    for position, entry in enumerate(entries):
        index.add(position, entry.claim)
    if len(entries) >= BULK_FROM:
        counts = _count_in_bulk(entries, views, rule, index, table)
    else:
        counts = _count(entries, views, rule, index)
    keys = [(not conflicts, -pairs_kept(agreed, conflicts, shifts), -conflicts, *head_rank(entry))
            for agreed, conflicts, shifts, entry in zip(*counts, entries)]
    return sorted(range(len(entries)), key=keys.__getitem__), list(counts[1])


def pairs_kept(agreed: int, conflicts: int, shifts: int) -> int:
    """The pairs between claims of different articles a group headed by a claim keeps, when
    `agreed` claims agree with it, `conflicts` contradict it and `shifts` tell another time:
    the agreements within its agreeing side (the head among them), and each contradiction
    or change against every claim of that side. Head alpha, with beta agreeing, gamma
    contradicting and delta later broken, keeps 1 + 2 * 2 = 5 pairs; headed by gamma the
    group would keep 2 (alpha and beta would both contradict it, their agreement unsaid)."""
    side = agreed + 1
    return side * (side - 1) // 2 + side * (conflicts + shifts)


Counts = tuple[list[int], list[int], list[int]]


def _count(entries, views, rule: Judge, index: HeadIndex) -> Counts:
    """For each claim: how many candidates of other articles agree with it, contradict it
    and tell another time of it, one pair at a time."""
    articles = [entry.claim.article_id for entry in entries]
    relation = rule.relation
    agreeing, conflicting, shifting = [], [], []
    for position, entry in enumerate(entries):
        view, article = views[position], articles[position]
        found = [relation(view, views[other])
                 for other in index.lookup(entry.claim, one_sided=False)[0] if articles[other] != article]
        agreeing.append(found.count("agree"))
        conflicting.append(found.count("conflict"))
        shifting.append(found.count("shifted"))
    return agreeing, conflicting, shifting


def _count_in_bulk(entries, views, rule: Judge, index: HeadIndex, table=None) -> Counts:
    """_count's answer with the pairs judged in batches on numpy arrays (bulk_judging)."""
    import numpy as np

    from claimcmp.comparison.bulk_judging import AGREE, CONFLICT, SHIFTED, ViewTable, relations

    numbers: dict[str, int] = {}
    articles = np.fromiter((numbers.setdefault(e.claim.article_id, len(numbers)) for e in entries),
                           np.int64, len(entries))
    table = ViewTable(views) if table is None else table
    tallies = {code: np.zeros(len(entries), np.int64) for code in (AGREE, CONFLICT, SHIFTED)}
    claims: list[int] = []  # the claims asking, and how many candidates each
    counts: list[int] = []
    others: list[int] = []

    def count() -> None:
        first = np.repeat(np.array(claims, np.int64), np.array(counts, np.int64))
        second = np.array(others, np.int64)
        other_article = articles[first] != articles[second]
        first, second = first[other_article], second[other_article]
        codes = relations(rule, table, first, second)
        for code, tally in tallies.items():
            tally += np.bincount(first[codes == code], minlength=len(entries))
        claims.clear(), counts.clear(), others.clear()

    for position, entry in enumerate(entries):
        found, _blocks = index.lookup(entry.claim, one_sided=False)
        claims.append(position)
        counts.append(len(found))
        others.extend(found)
        if len(others) >= _BULK:
            count()
    count()
    return tuple(tallies[code].tolist() for code in (AGREE, CONFLICT, SHIFTED))


# From this many claims head_order judges in bulk (numpy; smaller inputs, the seeds or
# one story's coverage, start faster without importing it).
BULK_FROM = 20_000
# Pairs judged at once in head_order: enough that numpy's cost per call vanishes, few enough
# that the arrays of one batch stay small beside the claims.
_BULK = 1 << 19
