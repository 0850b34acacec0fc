"""A second look at where `compare` placed each claim: a claim moves to another group
when the pairs between articles its place there states outnumber those it states where
it is (comparison/grouping.py places claims one by one, and a group headed early can hold
a claim that another group, headed later, would relate to more outlets).

A group is a star: a member relates to the head only, and two members relate as their
relations to the head imply (grouping.implied_relation: both agree -> agree; one agrees,
the other contradicts or tells another time -> that). A claim therefore states, in its
group, a pair with every member of another article whose relation with its own implies
one: all of them when it agrees with the head, the agreeing ones when it contradicts the
head or tells another time of it. Take "Moscow and Washington agreed to cooperate in
Damascus" and "Russia is cooperating with the United States" from one article, placed
together, and another outlet's "Russian troops attacked American advisers in Kyiv", which
cannot be the Syrian claim's place and heads a group of its own: the general claim states
no pair where it is, and a contradiction in the attack's group, so it moves there. Moves
keep the rule a placement follows (grouping._fits: a group never states a relation `judge`
does not find), so the pairs a move gains are pairs `diff` reports for the same two
claims. A head moves too, into a group it agrees with, when the best of its members can
head the others (comparison/reheading.py) and the pairs it gains outnumber those its group
loses. Pure functions, no spaCy.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimcmp.comparison.reheading import REHEAD_KINDS, Succession, hand_over, succession

# What a contradiction or a change over time stated between two articles is worth in
# agreements: what a reader of many outlets looks for first (grouping._PREFERENCE), but not
# at any price. Measured on the development set and the seeds (dated by their gold files):
# at 4 a move traded the seeds' contradictions for agreements (conflict recall 1.0 -> 0.0),
# at 8 the seeds lost an agreement to a change over time (agree recall 0.471 -> 0.412);
# 5 to 7 group both sets alike.
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
    give it more than it has (most_stated), their heads judged at once (with `table`, a
    bulk_judging.ViewTable, on numpy arrays). Returns the moves made. (A second pass, tried
    on the development set and the seeds before room was made, moved no figure.)"""
    from claimcmp.comparison.grouping import _PLACE_BATCH

    moves = 0
    for start in range(0, len(order), _PLACE_BATCH):
        batch = [_promising(placing, position) for position in order[start:start + _PLACE_BATCH]]
        batch = [found for found in batch if found[1]]
        related = _relations(placing, batch, table)
        moves += sum(_move(placing, position, found) for (position, _c), found in zip(batch, related))
    return moves


def _promising(placing, position: int) -> tuple[int, list[int]]:
    """(position, the groups that could give the claim more pairs than it states where it
    is); none for a head whose group has too many kinds of member to be handed over
    (reheading.REHEAD_KINDS: the head's own kind besides)."""
    number, groups = placing.where[position], placing.groups
    group, entry = groups[number], placing.entries[position]
    if _heads_group(placing, position) and len(group.kinds) > REHEAD_KINDS + 1:
        return position, []
    held = pairs_stated(group.tally, placing.membership[position].relation, entry.claim.article_id)
    return position, [n for n in sorted(placing.index.lookup(entry.claim)[0])
                      if n != number and groups[n].reach > held]


def _heads_group(placing, position: int) -> bool:
    """True when claim `position` heads a group with other members."""
    group = placing.groups[placing.where[position]]
    return group.head is placing.entries[position] and group.size > 1


def _departure(placing, position: int) -> tuple[int, Succession | None] | None:
    """What claim `position` leaving its group costs: the pairs between articles the group
    states no longer, and for a head with members how the group goes on without it
    (reheading.succession); None for a head no member can succeed."""
    number = placing.where[position]
    group, entry = placing.groups[number], placing.entries[position]
    if _heads_group(placing, position):
        found = succession(placing, number)
        return None if found is None else (found.loss, found)
    return pairs_stated(group.tally, placing.membership[position].relation, entry.claim.article_id), None


def _relations(placing, batch: list[tuple[int, list[int]]], table) -> list[list[tuple[int, str]]]:
    """For each claim of the batch, (group number, relation judge finds between its head
    and the claim) for the candidate groups related to it: without `table` one pair at a
    time, with it all the batch's pairs at once."""
    if table is None:
        rule, heads, views = placing.rule, placing.heads, placing.views
        return [[(n, found) for n in candidates for found in [rule.relation(heads[n], views[position])]
                 if found is not None] for position, candidates in batch]
    import numpy as np

    from claimcmp.comparison.bulk_judging import RELATION_CODES, relations

    names = {code: name for name, code in RELATION_CODES.items()}
    counts = [len(candidates) for _position, candidates in batch]
    numbers = np.fromiter((n for _p, candidates in batch for n in candidates), np.int64, sum(counts))
    heads = np.fromiter(placing.head_rows, np.int64, len(placing.head_rows))[numbers]
    claims = np.repeat(np.fromiter((p for p, _c in batch), np.int64, len(batch)), counts)
    codes = relations(placing.rule, table, heads, claims).tolist()
    related, at = [], 0
    for (_position, candidates), count in zip(batch, counts):
        related.append([(n, names[code]) for n, code in zip(candidates, codes[at:at + count]) if names[code]])
        at += count
    return related


def _move(placing, position: int, related: list[tuple[int, str]]) -> bool:
    """Move claim `position` to the related group where it states the most pairs between
    articles, when that is more than its group loses (_departure)."""
    departure = _departure(placing, position) if related else None
    if departure is None:
        return False  # nothing to move to, or a head no member can succeed
    held, successor = departure
    best = _best_place(placing, position, held, related)
    if best is None:
        return False
    number = placing.where[position]
    if successor is not None:
        hand_over(placing, number, successor)
    else:
        placing.groups[number].remove(placing.membership[position])
    placing.join(position, *best)
    return True


def _best_place(placing, position: int, held: int, related: list[tuple[int, str]]) -> tuple | None:
    """(group number, relation and score found) of the related group where the claim
    states the most pairs, more than `held`: then grouping's preference, then judge's
    score, then the earlier group; among those where it fits (grouping._fits). A head with
    members only joins a group it agrees with: two groups whose heads agree tell one
    relation split in two, and the head joining the other tells it once (a head leaving to
    contradict or tell another time trades its group's agreement for one change: on the
    seeds two agreements the gold expects were traded so, for no line found)."""
    from claimcmp.comparison.grouping import _PREFERENCE, _fits, signature

    entry, view, rule = placing.entries[position], placing.views[position], placing.rule
    kind, article = signature(entry.claim), entry.claim.article_id
    agreeing_only = _heads_group(placing, position)
    ranked = sorted((-pairs_stated(placing.groups[n].tally, relation, article), _PREFERENCE[relation], n)
                    for n, relation in related
                    if not (relation == "shifted" and placing.contradicted[position])
                    and not (agreeing_only and relation != "agree"))
    ranked = [item for item in ranked if -item[0] > held]
    for tier in _tiers(ranked):
        scored = sorted(((-found[1], n), found) for n in tier for found in [rule.relate(placing.heads[n], view)])
        for (_score, n), found in scored:
            if _fits(placing.groups[n], entry, view, kind, found[0], rule) or \
                    _room_made(placing, placing.groups[n], position, found[0]):
                return n, found
    return None


def _room_made(placing, group, position: int, relation: str) -> bool:
    """Make room for claim `position` in `group` by moving out, each to a group of its own,
    the members whose relation with it the group would misstate, when none of them states a
    pair between articles where it is (its own article's claims only): a 2018 agreement
    ("a joint statement") that no account of a 2020 attack relates to holds no other
    outlet's claim, and keeps the attack from telling its change against the agreements
    that do relate. True when the claim then fits."""
    from claimcmp.comparison.grouping import MAX_KINDS, _fits, blocking_kinds, signature

    entry, view, rule = placing.entries[position], placing.views[position], placing.rule
    if group.plays_sentence_against_itself(entry.claim, relation) or len(group.kinds) >= MAX_KINDS or (
            relation != "agree" and entry.claim.article_id == group.head.claim.article_id):
        return False  # what keeps the claim out is no member's relation (grouping._fits)
    keys = set(blocking_kinds(group, view, relation, rule))
    if not keys:
        return False
    members = [m for m in group.members if id(m) not in group.gone and (m.signature, m.relation) in keys]
    if any(m.entry is group.head or pairs_stated(group.tally, m.relation, m.entry.claim.article_id)
           for m in members):
        return False
    for member in members:
        group.remove(member)
        placing.head_new_group(placing.position_of[id(member)])
    return _fits(group, entry, view, signature(entry.claim), relation, rule)


def _tiers(ranked: list[tuple[int, int, int]]) -> list[list[int]]:
    """The group numbers of `ranked` in runs of equal pairs stated and preference."""
    tiers: list[list[int]] = []
    for k, (stated, preference, number) in enumerate(ranked):
        if k and ranked[k - 1][:2] == (stated, preference):
            tiers[-1].append(number)
        else:
            tiers.append([number])
    return tiers
