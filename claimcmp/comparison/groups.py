"""The groups `compare` makes (comparison/grouping.py): a head, the members related to it,
and what placing a claim reads of them (the kinds of member to check a newcomer against,
the relations held per sentence, the pairs per relation and article). Pure, no spaCy."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claimcmp.comparison.judging import ClaimView
from claimcmp.comparison.regrouping import most_stated
from claimcmp.models import Claim


@dataclass(frozen=True)
class Entry:
    """One claim to group, with the outlet it comes from and its place in the input."""

    claim: Claim
    source: str | None
    order: int  # input order: article, then claim


@dataclass
class Membership:
    entry: Entry
    relation: str  # to the head: agree (the head itself too), conflict or shifted
    score: float | None
    why: str
    # what the judge reads of the claim, and its signature, read once
    view: ClaimView | None = field(default=None, repr=False, compare=False)
    signature: tuple = field(default=(), repr=False, compare=False)


@dataclass
class Group:
    head: Entry
    members: list[Membership] = field(default_factory=list)
    # one member per distinct judging signature with its relation to the head: members
    # that judge alike need checking once, so a group of many alike claims stays cheap
    kinds: dict[tuple, Membership] = field(default_factory=dict)
    # the relations to the head of the members read from each sentence (article, start),
    # with how many members hold each
    by_sentence: dict[tuple, Counter] = field(default_factory=dict)
    # members by (relation, article) and by (relation, None): the pairs between articles a
    # claim states in the group (regrouping.pairs_stated)
    tally: Counter = field(default_factory=Counter)
    gone: set[int] = field(default_factory=set)  # ids of the members moved out (regrouping)
    size: int = 0  # members, less those moved out
    reach: int = 0  # regrouping.most_stated of the tally

    @property
    def contested(self) -> bool:
        return any(m.relation == "conflict" for m in self.members)

    def outlets(self) -> list[str]:
        """Distinct outlets (or article ids where no outlet is known), in member order."""
        return list(dict.fromkeys(outlet_label(m.entry) for m in self.members))

    def add(self, member: Membership) -> None:
        self.members.append(member)
        self.kinds.setdefault((member.signature, member.relation), member)
        self.by_sentence.setdefault(_sentence_key(member.entry.claim), Counter())[member.relation] += 1
        self.tally[(member.relation, None)] += 1
        self.tally[(member.relation, member.entry.claim.article_id)] += 1
        self.size += 1
        self.reach = most_stated(self.tally)

    def remove(self, member: Membership) -> None:
        """Take a member out (regrouping moves it; a head when it is alone, or when its
        group is handed over to another head: reheading.hand_over)."""
        self.gone.add(id(member))
        self.by_sentence[_sentence_key(member.entry.claim)][member.relation] -= 1
        self.tally[(member.relation, None)] -= 1
        self.tally[(member.relation, member.entry.claim.article_id)] -= 1
        self.size -= 1
        self.reach = most_stated(self.tally) if self.size else 0
        key = (member.signature, member.relation)
        if self.kinds.get(key) is member:
            alike = (m for m in self.members if id(m) not in self.gone
                     and (m.signature, m.relation) == key)
            other = next(alike, None)
            if other is None:
                del self.kinds[key]
            else:
                self.kinds[key] = other

    def settle(self) -> None:
        """Drop the members moved out from the list."""
        if self.gone:
            self.members = [m for m in self.members if id(m) not in self.gone]
            self.gone = set()

    def plays_sentence_against_itself(self, claim: Claim, relation: str) -> bool:
        """True when the claim, with this relation to the head, would contradict or tell
        another time of a member read from its very sentence (agree beside conflict or
        shifted): "intervened on the side of" and "supported" read from one sentence are no
        contradiction. An article that tells both accounts in two sentences ("Iran says 80
        were killed ... US officials say no one was harmed") may sit on both sides."""
        counts = self.by_sentence.get(_sentence_key(claim), {})
        present = {found for found, count in counts.items() if count > 0}
        if relation == "agree":
            return bool(present & {"conflict", "shifted"})
        return "agree" in present


def _sentence_key(claim: Claim) -> tuple:
    return (claim.article_id, claim.start)


def outlet_label(entry: Entry) -> str:
    return entry.source or entry.claim.article_id
