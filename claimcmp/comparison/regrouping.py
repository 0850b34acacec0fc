"""A second look at where `compare` placed each claim: a claim moves to another group
when the pairs between articles its place there states outnumber those it states where
it is (comparison/grouping.py places claims one by one, and a group headed early can hold
a claim that another group, headed later, would relate to more outlets).

A group is a star: a member relates to the head only, and two members relate as their
relations to the head imply (grouping.implied_relation: both agree -> agree; one agrees,
the other contradicts or tells another time -> that). A claim therefore states, in its
group, a pair with every member of another article whose relation with its own implies
one: all of them when it agrees with the head, the agreeing ones when it contradicts the
head or tells another time of it. Take a group whose head tells of a 2020 attack and a
group of 2018 agreements from one article only: the agreements state no pair between
articles where they are, and each states a "shifted" pair with every account of the
attack when it joins the attack's group. Moves keep the rule a placement follows
(grouping._fits: a group never states a relation `judge` does not find), so the pairs a
move gains are pairs `diff` reports for the same two claims. Pure functions, no spaCy.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

# What a contradiction or a change over time stated between two articles is worth in
# agreements: what a reader of many outlets looks for first (grouping._PREFERENCE), but not
# at any price. Measured on the development set and the seeds (dated by their gold files):
# at 4 a move traded the seeds' contradictions for agreements (conflict recall 1.0 -> 0.0),
# at 8 one "shifted" pair outweighed forty agreements (seeds agree 0.471 -> 0.412); 5 to 7
# group both sets alike.
AGREEMENTS_PER_CHANGE = 6


def pairs_stated(tally: Counter, relation: str, article: str) -> int:
    """The pairs between articles a claim of `article` with `relation` to a group's head
    states with the members counted in `tally` ((relation, article) and (relation, None)
    -> members; its own article's members state none), a contradiction or change weighing
    AGREEMENTS_PER_CHANGE agreements."""
    def others(wanted: str) -> int:
        return tally[(wanted, None)] - tally[(wanted, article)]

    if relation == "agree":
        return AGREEMENTS_PER_CHANGE * (others("conflict") + others("shifted")) + others("agree")
    return AGREEMENTS_PER_CHANGE * others("agree")


def most_stated(tally: Counter) -> int:
    """At least the most pairs_stated can give any claim in the group, whatever its article
    and relation to the head (its own article's members counted too): a group that cannot
    beat a claim's place is not judged (Group.reach keeps it)."""
    def members(wanted: str) -> int:
        return tally[(wanted, None)]

    agreeing = members("agree")
    return max(AGREEMENTS_PER_CHANGE * (members("conflict") + members("shifted")) + agreeing,
               AGREEMENTS_PER_CHANGE * agreeing)


def regroup(placing, order: Sequence[int], table=None) -> int:
    """Move claims between the groups of `placing` (grouping._Placing, after every claim
    is placed) where a move states more pairs between articles; claims looked at once, in
    `order` (the placement's), in batches: a claim's candidate groups are those that could
    give it more than it has (most_stated), and with `table` (a bulk_judging.ViewTable)
    their heads are judged at once and those related to nothing dropped. Returns the moves
    made. A second pass moved nothing more on the development set and the seeds."""
    from claimcmp.comparison.grouping import _PLACE_BATCH

    moves = 0
    for start in range(0, len(order), _PLACE_BATCH):
        batch = [_promising(placing, position) for position in order[start:start + _PLACE_BATCH]]
        batch = [found for found in batch if found[1]]
        if table is not None:
            _drop_unrelated(placing, batch, table)
        moves += sum(_move(placing, position, candidates) for position, candidates in batch)
    return moves


def _promising(placing, position: int) -> tuple[int, list[int]]:
    """(position, the groups that could give the claim more pairs than it states where it
    is); none for a head with members, which cannot move."""
    number = placing.where[position]
    group, entry = placing.groups[number], placing.entries[position]
    if group.head is entry and group.size > 1:
        return position, []
    article = entry.claim.article_id
    held = pairs_stated(group.tally, placing.membership[position].relation, article)
    groups = placing.groups
    return position, [n for n in sorted(placing.index.lookup(entry.claim)[0])
                      if n != number and groups[n].reach > held]


def _drop_unrelated(placing, batch: list[tuple[int, list[int]]], table) -> None:
    """Drop from each claim's candidates the groups whose head judge relates to nothing in
    it, all pairs of the batch judged at once."""
    import numpy as np

    from claimcmp.comparison.bulk_judging import NONE, relations

    counts = [len(candidates) for _position, candidates in batch]
    numbers = np.fromiter((n for _p, candidates in batch for n in candidates), np.int64, sum(counts))
    heads = np.fromiter(placing.head_rows, np.int64, len(placing.head_rows))[numbers]
    claims = np.repeat(np.fromiter((p for p, _c in batch), np.int64, len(batch)), counts)
    unrelated = (relations(placing.rule, table, heads, claims) == NONE).tolist()
    at = 0
    for k, (position, candidates) in enumerate(batch):
        batch[k] = (position, [n for n, none in zip(candidates, unrelated[at:at + len(candidates)]) if not none])
        at += len(candidates)


def _move(placing, position: int, candidates: list[int]) -> bool:
    """Move claim `position` to the candidate group where it states the most pairs between
    articles, when that is more than where it is now."""
    number = placing.where[position]
    group, entry = placing.groups[number], placing.entries[position]
    if group.head is entry and group.size > 1:
        return False  # a claim moved into its group since its candidates were found
    member = placing.membership[position]
    held = pairs_stated(group.tally, member.relation, entry.claim.article_id)
    best = _best_place(placing, position, held, candidates)
    if best is None:
        return False
    group.remove(member)
    placing.join(position, *best)
    return True


def _best_place(placing, position: int, held: int, candidates: list[int]) -> tuple | None:
    """(group number, relation found) of the candidate group where the claim states the
    most pairs, more than `held`: then grouping's preference, then judge's score, then
    the earlier group."""
    from claimcmp.comparison.grouping import _PREFERENCE, _fits, signature

    entry, view, rule = placing.entries[position], placing.views[position], placing.rule
    kind, article = signature(entry.claim), entry.claim.article_id
    best, best_key = None, (held, 0, 0.0)
    for number in candidates:
        group = placing.groups[number]
        if group.reach <= best_key[0]:
            continue
        found = rule.relate(placing.heads[number], view)
        if found is None or (found[0] == "shifted" and placing.contradicted[position]):
            continue
        key = (pairs_stated(group.tally, found[0], article), -_PREFERENCE[found[0]], found[1])
        if key[0] > held and key > best_key and _fits(group, entry, view, kind, found[0], rule):
            best, best_key = (number, found), key
    return best
