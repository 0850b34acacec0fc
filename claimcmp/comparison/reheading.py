"""A head leaving its group (comparison/regrouping.py): the members it leaves behind are
related to a new head among them, as `judge` relates them, when every relation the new
star implies is one `judge` finds (grouping._fits's rule); the head moves when the pairs
between articles it states where it goes outnumber those its group loses.

Take outlet b's "Ankara and Washington agreed a truce", placed first and joined by outlet
c's "Turkey and the US reached a truce" (one agreement between articles), and outlet a's
two accounts of that truce in a group of their own (none: one article). The relation is
split in two; b's claim heads neither when it joins a's group, where it agrees with two
claims of another article, and c's claim heads what is left of its group (losing one):
two pairs stated for one, and the next look moves c's claim there too. Pure functions, no
spaCy.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# A group re-headed has every pair of its kinds of member judged (grouping.signature), once
# for all candidates: past this many kinds its head stays (the cost of a move stays bounded).
REHEAD_KINDS = 16


@dataclass(frozen=True)
class Succession:
    """How a group goes on without its head: the new head's position (in entries), the
    other members' positions with what `judge` finds between the new head and each, and the
    pairs between articles the group states no longer."""

    head: int
    members: tuple[tuple[int, tuple], ...]
    loss: int


def group_value(tally: Counter) -> int:
    """The pairs between articles a group's members state, as regrouping.pairs_stated
    weighs them: each agreement between two agreeing members of different articles once,
    each agreeing member against each other article's member that contradicts or tells
    another time AGREEMENTS_PER_CHANGE times. Members agree/a, agree/b, conflict/c, agree/c
    state 3 agreements (a-b, a-c, b-c) and 2 contradictions (a-c, b-c): 3 + 2 * 6 = 15."""
    from claimcmp.comparison.regrouping import AGREEMENTS_PER_CHANGE

    articles = {article for _relation, article in tally if article is not None}
    agreeing = tally[("agree", None)]
    changes = tally[("conflict", None)] + tally[("shifted", None)]
    agree_pairs = agreeing * agreeing - sum(tally[("agree", a)] ** 2 for a in articles)
    change_pairs = agreeing * changes - sum(
        tally[("agree", a)] * (tally[("conflict", a)] + tally[("shifted", a)]) for a in articles)
    return agree_pairs // 2 + AGREEMENTS_PER_CHANGE * change_pairs


def succession(placing, number: int) -> Succession | None:
    """The best way group `number` of `placing` (grouping._Placing) goes on without its
    head: the member whose star over the others is consistent (see _star) and states the
    most pairs between articles, the earlier claim on a tie; None when none is, or when the
    group holds more than REHEAD_KINDS kinds of member."""
    group = placing.groups[number]
    left = [m for m in group.members if id(m) not in group.gone and m.entry is not group.head]
    first_of_kind: dict[tuple, object] = {}
    for member in left:
        first_of_kind.setdefault(member.signature, member)  # the earliest of each kind
    kinds = list(first_of_kind.values())
    if not left or len(kinds) > REHEAD_KINDS:
        return None
    found = _kind_relations(placing.rule, kinds)
    best = None
    for candidate in kinds:
        relations = _star(candidate, kinds, found)
        if relations is None or _sentence_played_against_itself(left, relations):
            continue
        tally = Counter()
        for member in left:
            relation = relations[member.signature]
            tally[(relation, None)] += 1
            tally[(relation, member.entry.claim.article_id)] += 1
        value = group_value(tally)
        if best is None or value > best[0]:
            best = (value, candidate)
    if best is None:
        return None
    return _succession(placing, group, left, best[1], group_value(group.tally) - best[0])


def _kind_relations(rule, kinds: list) -> dict[tuple, str | None]:
    """The relation `judge` finds between each two kinds of member, by their signatures."""
    return {(x.signature, y.signature): rule.relation(x.view, y.view)
            for x in kinds for y in kinds if x is not y}


def _star(head, kinds: list, found: dict) -> dict[tuple, str] | None:
    """Each kind's relation to `head` when `head` heads them all and every relation the star
    implies between two kinds is one `judge` finds (grouping._consistent), an article never
    set against its own head; else None."""
    from claimcmp.comparison.grouping import _consistent, implied_relation

    relations = {head.signature: "agree"}
    article = head.entry.claim.article_id
    for kind in kinds:
        if kind is head:
            continue
        relation = found[(head.signature, kind.signature)]
        if relation is None or (relation != "agree" and kind.entry.claim.article_id == article):
            return None
        relations[kind.signature] = relation
    for x in kinds:
        for y in kinds:
            if x is not y and x is not head and y is not head and not _consistent(
                    implied_relation(relations[x.signature], relations[y.signature]),
                    found[(x.signature, y.signature)]):
                return None
    return relations


def _sentence_played_against_itself(members: list, relations: dict) -> bool:
    """True when two members read from one sentence would agree with the head and depart
    from it (Group.plays_sentence_against_itself)."""
    held: dict[tuple, set[str]] = {}
    for member in members:
        claim = member.entry.claim
        held.setdefault((claim.article_id, claim.start), set()).add(relations[member.signature])
    return any("agree" in found and len(found) > 1 for found in held.values())


def _succession(placing, group, left: list, head, loss: int) -> Succession:
    """The Succession with `head` (a member of `left`) at the head of the others."""
    rule, new_head = placing.rule, head.view
    members = tuple((placing.position_of[id(m)], rule.relate(new_head, m.view))
                    for m in left if m is not head)
    return Succession(placing.position_of[id(head)], members, loss)


def hand_over(placing, number: int, found: Succession) -> int:
    """Empty group `number` (its head is leaving) and gather the members it leaves behind
    in a new group under `found`'s head; the new group's number. (A new group rather than the
    old one re-headed: the blocking index keeps each group under its head's actors.)"""
    group = placing.groups[number]
    for member in [m for m in group.members if id(m) not in group.gone]:
        group.remove(member)
    placing.head_new_group(found.head)
    successor = len(placing.groups) - 1
    for position, relation in found.members:
        placing.join(position, successor, relation)
    return successor
