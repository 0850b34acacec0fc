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
    """The order in which claims are placed, the first of each group heading it: first the
    claims that contradict, or tell another time of, a claim of another article (a state
    "since X" that later accounts shift against heads the group they are shifted in, and
    the claims that agree with it join it), then those that agree with the most claims of
    other articles, of those the ones contradicted by the most (their contradictions join
    the group they head), then head_rank. A member relates only to its head (the compare
    document's contract), so the claims related to many others make the heads that keep
    the most pairs `diff` reports in one group. Each claim's relations are counted among
    the claims the blocking index offers it, as the grouping itself looks them up. `table`:
    the bulk_judging.ViewTable of the views, when the caller has one."""
    index = HeadIndex(neighbours=RANK_NEIGHBOURS)
    for position, entry in enumerate(entries):
        index.add(position, entry.claim)
    if len(entries) >= BULK_FROM:
        changes, conflicting, agreeing = _count_in_bulk(entries, views, rule, index, table)
    else:
        changes, conflicting, agreeing = _count(entries, views, rule, index)
    keys = [(not changed, -agreed, -conflicts, *head_rank(entry))
            for changed, conflicts, agreed, entry in zip(changes, conflicting, agreeing, entries)]
    return sorted(range(len(entries)), key=keys.__getitem__)


def _count(entries, views, rule: Judge, index: HeadIndex) -> tuple[list[bool], list[int], list[int]]:
    """For each claim: whether a candidate of another article contradicts or shifts against
    it, how many contradict it and how many agree, one pair at a time."""
    articles = [entry.claim.article_id for entry in entries]
    relation = rule.relation
    changes, conflicting, agreeing = [], [], []
    for position, entry in enumerate(entries):
        view, article = views[position], articles[position]
        changed, conflicts, agreed = False, 0, 0
        for other in index.lookup(entry.claim, one_sided=False)[0]:
            if articles[other] != article:
                found = relation(view, views[other])
                if found == "agree":
                    agreed += 1
                elif found is not None:
                    changed = True
                    conflicts += found == "conflict"
        changes.append(changed)
        conflicting.append(conflicts)
        agreeing.append(agreed)
    return changes, conflicting, agreeing


def _count_in_bulk(entries, views, rule: Judge, index: HeadIndex,
                   table=None) -> tuple[list[bool], list[int], list[int]]:
    """_count's answer with the pairs judged in batches on numpy arrays (bulk_judging)."""
    import numpy as np

    from claimcmp.comparison.bulk_judging import AGREE, CONFLICT, SHIFTED, ViewTable, relations

    numbers: dict[str, int] = {}
    articles = np.fromiter((numbers.setdefault(e.claim.article_id, len(numbers)) for e in entries),
                           np.int64, len(entries))
    table = ViewTable(views) if table is None else table
    agreeing = np.zeros(len(entries), np.int64)
    conflicting = np.zeros(len(entries), np.int64)
    changes = np.zeros(len(entries), np.bool_)
    claims: list[int] = []  # the claims asking, and how many candidates each
    counts: list[int] = []
    others: list[int] = []

    def count() -> None:
        first = np.repeat(np.array(claims, np.int64), np.array(counts, np.int64))
        second = np.array(others, np.int64)
        other_article = articles[first] != articles[second]
        first, second = first[other_article], second[other_article]
        codes = relations(rule, table, first, second)
        agreeing[:] += np.bincount(first[codes == AGREE], minlength=len(entries))
        conflicting[:] += np.bincount(first[codes == CONFLICT], minlength=len(entries))
        changes[first[codes >= SHIFTED]] = True
        claims.clear(), counts.clear(), others.clear()

    for position, entry in enumerate(entries):
        found, _blocks = index.lookup(entry.claim, one_sided=False)
        claims.append(position)
        counts.append(len(found))
        others.extend(found)
        if len(others) >= _BULK:
            count()
    count()
    return changes.tolist(), conflicting.tolist(), agreeing.tolist()


# From this many claims head_order judges in bulk (numpy; smaller inputs, the seeds or
# one story's coverage, start faster without importing it).
BULK_FROM = 20_000
# Pairs judged at once in head_order: enough that numpy's cost per call vanishes, few enough
# that the arrays of one batch stay small beside the claims.
_BULK = 1 << 19
