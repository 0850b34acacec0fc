"""Group the claims of many articles: who asserts a relation, who contradicts it, whose
account is an earlier or later state of it (design/claims.md, `compare`).

A group is a star around its first claim (the head): every member is related to the head
by `align.judge`, the very rule `diff` applies to a pair of claims, so `compare` and
`diff` never disagree on how two claims relate. Heads are found through a blocking index
keyed by actor and family: a claim is judged only against the heads that share an actor
(or a kin name) with it, never against every other claim (comparison/blocking.py); each
claim is read for judging once (comparison/judging.py). The claims related to the most
others are placed first and head groups (head_order); then each claim is looked at once
more and moves to the group where it states more pairs between articles
(comparison/regrouping.py). Pure functions, no spaCy.
"""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from itertools import chain

from claimcmp.comparison import ordering
from claimcmp.comparison.align import region_countries
from claimcmp.comparison.blocking import HeadIndex, actor_tokens  # noqa: F401 (re-exported)
from claimcmp.comparison.judging import ClaimView, Judge
from claimcmp.comparison.groups import Entry, Group, Membership, outlet_label  # noqa: F401 (re-exported)
from claimcmp.comparison.regrouping import regroup
from claimcmp.comparison.ordering import head_order, head_rank  # noqa: F401 (re-exported)
from claimcmp.models import Actor, Claim


def _consistent(implied: str | None, found: str | None) -> bool:
    """A group may leave a relation unsaid (two members conflicting with the head may
    agree or not) or imply agreement where judge finds none (both agree with the head);
    it may never imply a contradiction or a change judge does not find, nor agreement
    where judge finds a contradiction or a change."""
    if implied in ("conflict", "shifted"):
        return found == implied
    if implied == "agree":
        return found in (None, "agree")
    return True


def signature(claim: Claim) -> tuple:
    """What `judge` reads to decide a relation (the sentence only moves the score)."""
    return (_actor_signature(claim.subject), claim.stance, claim.family, claim.polarity,
            _actor_signature(claim.target), claim.topic, region_countries(claim), claim.when,
            claim.modality, tuple(map(_actor_signature, claim.co_subjects)),
            tuple(map(_actor_signature, claim.co_targets)))


def _actor_signature(actor: Actor | None) -> tuple | None:
    return None if actor is None else (actor.id, actor.kind, actor.country)


def implied_relation(x: str, y: str) -> str | None:
    """The relation between two members that their relations to the head imply (the
    compare document's rule): agree/agree, agree/conflict, agree/shifted; else none."""
    pair = {x, y}
    if pair == {"agree"}:
        return "agree"
    if "agree" in pair and len(pair) == 2:
        return (pair - {"agree"}).pop()
    return None


# A group checks a new kind of member against each kind it holds; past this many kinds it
# takes only claims alike to a member, so a claim costs a bounded number of judgements.
# One story's relation between two states gathers dozens of kinds in a handful of articles
# (24 split the seeds' Russia-US cooperation in two groups); 64 costs no measurable time
# at 100,000 generated claims (benchmarks/compare_scale.py: 21.0 s at 24, 21.6 s at 64).
MAX_KINDS = 64
# Where a claim fits several groups: a contradiction is what a reader of many outlets looks
# for, then a change over time, then agreement. A claim belongs to one group only, and the
# agreeing groups are many ("suspended talks" agrees with every hostile act of the story):
# joined there, the change from the old state ("agreed to talks") is never told.
_PREFERENCE = {"conflict": 0, "shifted": 1, "agree": 2}


def group_entries(entries: Sequence[Entry], *, window_days: int = 30) -> list[Group]:
    """Heads are taken in head_order. Each claim joins, among the groups it fits (see
    _fits), the one it contradicts, else tells another time of, else agrees with, the
    best scored by judge (the earlier group on a tie); or heads a new group."""
    with _cycle_collector_paused():
        return _group_entries(entries, Judge(window_days))


@contextmanager
def _cycle_collector_paused():
    """Grouping makes millions of small objects (views, remembered answers, members) that
    form no reference cycles, so reference counting frees them all; the cyclic collector's
    passes over them cost a fifth of the time at 50,000 claims. Paused while grouping (they
    are looked over once when it is enabled again, not at every few thousand made)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _group_entries(entries: Sequence[Entry], rule: Judge) -> list[Group]:
    views = [rule.view(entry.claim) for entry in entries]
    table = None
    if len(entries) >= ordering.BULK_FROM:
        from claimcmp.comparison.bulk_judging import ViewTable

        table = ViewTable(views)
    order, contradicted = ordering.rank(entries, views, rule, table)
    placing = _Placing(entries, views, rule, contradicted)
    for start in range(0, len(order), _PLACE_BATCH):
        batch = order[start:start + _PLACE_BATCH]
        looked = placing.look_up(batch, table) if table is not None else [None] * len(batch)
        for position, found in zip(batch, looked):
            placing.place(position, found)
    regroup(placing, order, table)
    placing.groups = [group for group in placing.groups if group.size]
    for group in placing.groups:
        group.settle()
        group.members.sort(key=lambda m: (m.entry is not group.head, m.entry.order))
    return sort_groups(placing.groups)


# Claims placed per batch from BULK_FROM claims: their pairs with the heads formed before
# the batch are judged at once (bulk_judging), so a Python call is left for the pairs
# related and those with heads formed within the batch.
_PLACE_BATCH = 256


class _Placing:
    """The groups as claims are placed, and the blocking index of their heads."""

    def __init__(self, entries: Sequence[Entry], views: Sequence[ClaimView], rule: Judge,
                 contradicted: Sequence[int]) -> None:
        self.entries, self.views, self.rule = entries, views, rule
        self.contradicted = contradicted  # how many claims of other articles contradict each (ordering.rank)
        self.groups: list[Group] = []
        self.heads: list[ClaimView] = []  # groups[n]'s head, as the judge reads it
        self.head_rows: list[int] = []  # groups[n]'s head's position in entries
        self.index = HeadIndex()
        self.batch_stamp = 0  # index.added when the batch was looked up
        self.where: dict[int, int] = {}  # each placed claim's group number
        self.membership: dict[int, Membership] = {}  # and its place in it
        self.position_of: dict[int, int] = {}  # a membership's claim (by the membership's id)

    def look_up(self, batch: Sequence[int], table) -> list[tuple]:
        """For each claim of the batch (positions in entries): its candidate heads now (the
        groups' numbers), the blocks they were read from, and the numbers of the groups whose
        head judge relates to nothing in it, judged at once (bulk_judging)."""
        import numpy as np

        from claimcmp.comparison.bulk_judging import NONE, relations

        self.batch_stamp = self.index.added
        looked = [self.index.lookup(self.entries[position].claim) for position in batch]
        found = [list(numbers) for numbers, _blocks in looked]
        counts = [len(numbers) for numbers in found]
        numbers = np.fromiter(chain.from_iterable(found), np.int64, sum(counts))
        heads = np.fromiter(self.head_rows, np.int64, len(self.head_rows))[numbers]
        claims = np.repeat(np.array(batch, np.int64), counts)
        codes = (relations(self.rule, table, heads, claims) == NONE).tolist()
        prepared, at = [], 0
        for (candidates, blocks), ns, count in zip(looked, found, counts):
            unrelated = {n for n, none in zip(ns, codes[at:at + count]) if none}
            prepared.append((candidates, blocks, unrelated))
            at += count
        return prepared

    def _candidates(self, claim: Claim, looked: tuple | None) -> tuple[set[int], set[int]]:
        """The claim's candidate heads, and those known to relate to nothing in it: as
        looked up for its batch while no head has been added to their blocks since."""
        if looked is not None:
            candidates, blocks, unrelated = looked
            if all(block.changed <= self.batch_stamp for block in blocks):
                return candidates, unrelated
            return self.index.lookup(claim)[0], unrelated
        return self.index.lookup(claim)[0], set()

    def place(self, position: int, looked: tuple | None) -> None:
        """Claim `position` joins the group it fits best, or heads a new one; `looked`: what
        look_up found for it, if its batch was looked up."""
        entry, view, rule = self.entries[position], self.views[position], self.rule
        kind, heads, groups = signature(entry.claim), self.heads, self.groups
        verdicts = []
        candidates, unrelated = self._candidates(entry.claim, looked)
        for number in candidates:
            if number not in unrelated:
                found = rule.relate(heads[number], view)
                if found is not None:
                    verdicts.append(((_PREFERENCE[found[0]], -found[1]), number, found))
        verdicts.sort(key=lambda item: item[:2])
        chosen = next(((n, f) for _s, n, f in verdicts
                       if _fits(groups[n], entry, view, kind, f[0], rule)), None)
        if chosen is not None and chosen[1][0] == "shifted" and self.contradicted[position]:
            # a claim another outlet contradicts heads the group of that contradiction rather
            # than tell a change against an older state ("will hold talks" / "no decision to")
            chosen = None
        if chosen is None:
            self.head_new_group(position)
        else:
            self.join(position, *chosen)

    def head_new_group(self, position: int) -> None:
        """Claim `position` heads a group of its own."""
        entry, view = self.entries[position], self.views[position]
        self.index.add(len(self.groups), entry.claim)
        self.groups.append(Group(head=entry))
        self.heads.append(view)
        self.head_rows.append(position)
        self._enter(position, len(self.groups) - 1, Membership(entry, "agree", None, "", view, signature(entry.claim)))

    def join(self, position: int, number: int, found: tuple) -> None:
        """Claim `position` joins group `number` with the relation `found` to its head."""
        entry, view = self.entries[position], self.views[position]
        why = self.rule.explain(self.heads[number], view, found)
        self._enter(position, number, Membership(entry, found[0], found[1], why, view, signature(entry.claim)))

    def _enter(self, position: int, number: int, member: Membership) -> None:
        self.groups[number].add(member)
        self.where[position] = number
        self.membership[position] = member
        self.position_of[id(member)] = position


def blocking_kinds(group: Group, view: ClaimView, relation: str, rule: Judge, *, first: bool = False) -> list[tuple]:
    """The kinds of member (signature, relation) whose relation to a newcomer judged alike
    to `view`, with `relation` to the head, would be one `judge` does not find (_fits);
    with `first`, the first such kind only."""
    blocking = []
    for key, member in group.kinds.items():
        if member.entry is group.head:
            continue
        implied = implied_relation(key[1], relation)
        if implied is None and relation != "agree":
            continue
        if not _consistent(implied, rule.relation(member.view, view)):  # no score needed
            blocking.append(key)
            if first:
                break
    return blocking


def _fits(group: Group, entry: Entry, view: ClaimView, kind: tuple, relation: str, rule: Judge) -> bool:
    """True when the relation entry's place in the group implies with each member is the
    one `judge` finds between the two (see _consistent): a group never states a
    contradiction or a change that diff would not report for the same two claims."""
    if group.plays_sentence_against_itself(entry.claim, relation):
        return False
    if relation != "agree" and entry.claim.article_id == group.head.claim.article_id:
        return False  # an article is not set against its own account at the head of a group
    if (kind, relation) in group.kinds:
        return True  # judged alike to a member that fits
    if len(group.kinds) >= MAX_KINDS:
        return False
    return not blocking_kinds(group, view, relation, rule, first=True)


def sort_groups(groups: Iterable[Group]) -> list[Group]:
    """Contested groups first, then those carried by several outlets, then by one only;
    within each, the larger first, then input order."""
    def key(group: Group) -> tuple:
        outlets = len(group.outlets())
        band = 0 if group.contested else 1 if outlets > 1 else 2
        return (band, -outlets, -len(group.members), group.head.order)

    return sorted(groups, key=key)


def group_id(group: Group) -> str:
    """Stable: derived from the head claim's id, which hashes its article and slots."""
    digest = hashlib.sha1(f"group:{group.head.claim.id}".encode()).hexdigest()
    return "g" + digest[:12]


def group_why(group: Group) -> str:
    """One line: how many outlets assert, contradict or tell another time, and the reason
    of the first contradiction or shift."""
    counts: dict[str, set[str]] = {"agree": set(), "conflict": set(), "shifted": set()}
    for member in group.members:
        counts[member.relation].add(outlet_label(member.entry))
    parts = [f"asserted by {_outlets(counts['agree'])}"]
    if counts["conflict"]:
        parts.append(f"contradicted by {_outlets(counts['conflict'])}")
    if counts["shifted"]:
        parts.append(f"another time by {_outlets(counts['shifted'])}")
    reason = next((m.why for m in group.members if m.relation == "conflict"), None) or \
        next((m.why for m in group.members if m.relation != "agree" or m.why), "")
    text = "; ".join(parts)
    return f"{text}: {reason}" if reason else text


def _outlets(names: set[str]) -> str:
    count = len(names)
    return f"{count} outlet{'s' if count != 1 else ''}"


def compare_documents(documents: Sequence, *, sources: Sequence[str | None] | None = None,
                      window_days: int = 30):
    """The compare document of extract documents; `sources` gives each one's outlet
    (default: its article's source)."""
    from claimcmp.models import SCHEMA, CompareDocument

    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    outlets = list(sources) if sources is not None else [d.article.source for d in documents]
    entries = []
    for document, outlet in zip(documents, outlets, strict=True):
        for claim in document.claims:
            entries.append(Entry(claim=claim, source=outlet, order=len(entries)))
    with _cycle_collector_paused():  # the members made here too
        groups = group_entries(entries, window_days=window_days)
        return CompareDocument(schema=SCHEMA, articles=[d.article for d in documents],
                               groups=[to_model(g) for g in groups])


def to_model(group: Group):
    from claimcmp.models import CompareGroup, CompareMember

    head = group.head.claim
    # model_construct: every field is given and already valid (the claims were validated
    # when read), and validating hundreds of thousands of members again costs seconds
    members = [CompareMember.model_construct(article_id=m.entry.claim.article_id, source=m.entry.source,
                                             claim=m.entry.claim, relation=m.relation, score=m.score,
                                             why=m.why)
               for m in group.members]
    return CompareGroup(id=group_id(group), subject=head.subject, stance=head.stance,
                        family=head.family, polarity=head.polarity, target=head.target,
                        regions=head.regions, when=head.when,
                        contested=group.contested, why=group_why(group), outlets=group.outlets(),
                        members=members)
