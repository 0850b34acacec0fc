"""The blocking index of `compare`: a claim is judged only against the group heads that
share an actor (or a kin name) and a related family with it, and in a crowded block only
against the heads nearest to it in time. Pure functions, no spaCy."""
from __future__ import annotations

import bisect
from collections import defaultdict

from claimcmp.comparison.align import actor_key, actor_kin
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.models import Actor, Claim

# The families whose claims `judge` can relate: the same family agrees or conflicts,
# cooperation and conflict oppose each other, neutral acts only meet neutral acts.
_RELATED_FAMILIES = {
    "cooperation": ("cooperation", "conflict"),
    "conflict": ("conflict", "cooperation"),
    "neutral": ("neutral",),
}


@overlay_cached
def _kin_tokens(overlay: str | None = None) -> dict[str, tuple[str, ...]]:
    """Each kin id's blocking tokens: one per side it is named with (align.actor_kin)."""
    tokens: dict[str, tuple[str, ...]] = {}
    for n, kin in enumerate(actor_kin.for_overlay(overlay)):
        for key in kin:
            tokens[key] = (*tokens.get(key, ()), f"kin:{n}")
    return tokens


def subject_tokens(claim: Claim) -> tuple[str, ...]:
    """Blocking tokens of a claim's doers, co-subjects too (align.subject_match)."""
    return _listed_tokens(claim.subject, claim.co_subjects)


def target_tokens(claim: Claim) -> tuple[str, ...]:
    """Blocking tokens of the parties a claim is toward, co-targets too (align.target_match)."""
    return _listed_tokens(claim.target, claim.co_targets)


def _listed_tokens(first: Actor | None, others: list[Actor]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for a in (first, *others) for t in actor_tokens(a)))


def actor_tokens(actor: Actor | None) -> tuple[str, ...]:
    """Blocking tokens: two actors share one exactly when `align.actor_match` relates them
    (the same key, or two kin names such as REBELS / MILITANTS)."""
    if actor is None:
        return ()
    key = actor_key(actor)
    return (f"id:{key}", *_kin_tokens().get(key, ()))


# In a block with more heads than this, a claim is judged against the heads nearest to it
# in time only (the sorted-neighbourhood method of record linkage): the cost of a claim is
# bounded, and heads far apart in time rarely agree or conflict (they may have shifted).
NEIGHBOURS = 16


class _Block:
    """The heads of one blocking key, dated ones sorted by the start of their time span."""

    __slots__ = ("days", "dated", "undated", "changed")

    def __init__(self) -> None:
        self.days: list[int] = []
        self.dated: list[int] = []
        self.undated: list[int] = []
        self.changed = 0  # the HeadIndex's count of heads added when one was added here

    def add(self, number: int, claim: Claim) -> None:
        if claim.when is None:
            self.undated.append(number)
            return
        day = claim.when.start.toordinal()
        at = bisect.bisect_right(self.days, day)
        self.days.insert(at, day)
        self.dated.insert(at, number)

    def near(self, claim: Claim, neighbours: int) -> list[int]:
        if len(self.dated) + len(self.undated) <= neighbours:
            return self.dated + self.undated
        half = neighbours // 2
        found = self.undated[:half]
        room = neighbours - len(found)
        if claim.when is None:
            return found + self.dated[:room]
        at = bisect.bisect_left(self.days, claim.when.start.toordinal())
        low = max(0, min(at - room // 2, len(self.dated) - room))
        return found + self.dated[low:low + room]


class HeadIndex:
    """Heads by actor pair and family: the only heads a new claim is judged against.

    `align.judge` relates two claims with targets when their actor pairs match either way
    round, in any family (cooperation against conflict is a contradiction); two claims
    without a target by their subjects; and a claim without a target to one with a target
    by its subject (or, for a mutual act, the other's target) in the same family only (it
    can only agree). So a claim with a target is looked up by its pair, and by its actors
    among the heads without one; a claim without a target by its subject among all heads."""

    def __init__(self, neighbours: int | None = None) -> None:
        # heads looked at per block when crowded (default NEIGHBOURS)
        self.neighbours = neighbours
        self._by_pair: dict[tuple, _Block] = defaultdict(_Block)
        self._untargeted: dict[tuple[str, str], _Block] = defaultdict(_Block)
        self._targeted: dict[tuple[str, str], _Block] = defaultdict(_Block)
        self.added = 0  # heads added so far

    def add(self, number: int, claim: Claim) -> None:
        family = claim.family
        subjects, targets = subject_tokens(claim), target_tokens(claim)
        self.added += 1
        blocks = []
        if not targets:
            blocks += [self._untargeted[(token, family)] for token in subjects]
        blocks += [self._targeted[(token, family)] for token in ({*subjects, *targets} if targets else ())]
        blocks += [self._by_pair[(*sorted((s, t)), family)] for s in subjects for t in targets]
        for block in blocks:
            block.add(number, claim)
            block.changed = self.added

    def candidates(self, claim: Claim, *, one_sided: bool = True) -> list[int]:
        """The heads `judge` may relate claim to; without `one_sided`, not those with a
        target on one side only (they can only agree, and only on the very same act)."""
        return sorted(self.lookup(claim, one_sided=one_sided)[0])

    def lookup(self, claim: Claim, *, one_sided: bool = True) -> tuple[set[int], list[_Block]]:
        """candidates() as a set, and the blocks read: the set holds as long as none of
        them has a head added (their `changed` stays at most `added` as it is now)."""
        neighbours = NEIGHBOURS if self.neighbours is None else self.neighbours
        found: set[int] = set()
        blocks = [blocks[key] for blocks, key in self._keys(claim, one_sided)]  # empty until added to
        for block in blocks:
            found.update(block.near(claim, neighbours))
        return found, blocks

    def _keys(self, claim: Claim, one_sided: bool) -> list[tuple[dict, tuple]]:
        """The blocks a claim's candidates are in: (blocks, key) each."""
        subjects, targets = subject_tokens(claim), target_tokens(claim)
        family = claim.family
        if targets:
            keys = [(self._by_pair, (*sorted((s, t)), other))
                    for other in _RELATED_FAMILIES[family] for s in subjects for t in targets]
            return keys + [(self._untargeted, (token, family)) for token in
                           ((*subjects, *targets) if one_sided else ())]
        keys = []
        for token in subjects:
            if one_sided:
                keys.append((self._targeted, (token, family)))
            keys += [(self._untargeted, (token, other)) for other in _RELATED_FAMILIES[family]]
        return keys
