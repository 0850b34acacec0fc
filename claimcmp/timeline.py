"""The relation between pairs of actors over time, by outlet, from a compare document.

Each claim with a target and a time span is a point: +1 for cooperation, -1 for conflict,
the sign flipped when the act is negated ("did not cooperate" counts against cooperation).
Neutral acts (visit, say) are left out. Pure functions, no rich or spaCy.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from claimcmp.align import actor_key
from claimcmp.models import Claim, CompareDocument

_SIGN = {"cooperation": 1, "conflict": -1}


@dataclass(frozen=True)
class Point:
    start: dt.date
    end: dt.date
    value: int  # +1 cooperation, -1 conflict
    stance: str
    article_id: str
    sentence: str


@dataclass
class PairSeries:
    actors: tuple[str, str]  # actor keys, sorted
    by_outlet: dict[str, list[Point]] = field(default_factory=dict)

    def points(self) -> list[Point]:
        return [p for points in self.by_outlet.values() for p in points]

    def span(self) -> tuple[dt.date, dt.date]:
        points = self.points()
        return min(p.start for p in points), max(p.end for p in points)


def claim_point(claim: Claim) -> Point | None:
    if claim.target is None or claim.when is None or claim.family not in _SIGN:
        return None
    value = _SIGN[claim.family] * (-1 if claim.polarity == "negative" else 1)
    stance = ("not " if claim.polarity == "negative" else "") + claim.stance
    return Point(claim.when.start, claim.when.end, value, stance, claim.article_id, claim.sentence)


def parse_actors(text: str | None) -> tuple[str, ...]:
    """'RUS,USA' -> ('RUS', 'USA'); blanks dropped, upper-cased like actor keys."""
    if not text:
        return ()
    return tuple(dict.fromkeys(part.strip().upper() for part in text.split(",") if part.strip()))


def wanted(pair: tuple[str, str], actors: tuple[str, ...]) -> bool:
    """No filter: every pair. One actor: its pairs. Several: pairs of two of them."""
    if not actors:
        return True
    if len(actors) == 1:
        return actors[0] in pair
    return pair[0] in actors and pair[1] in actors


def relation_series(document: CompareDocument, *, actors: tuple[str, ...] = (),
                    outlet_of=None) -> list[PairSeries]:
    """One series per actor pair with at least one point, the most reported first; within
    a pair, outlets in the order of the document's articles, points by time."""
    outlet_of = outlet_of or {}
    series: dict[tuple[str, str], PairSeries] = {}
    for group in document.groups:
        for member in group.members:
            point = claim_point(member.claim)
            if point is None:
                continue
            keys = sorted((actor_key(member.claim.subject), actor_key(member.claim.target)))
            pair = (keys[0], keys[1])
            if pair[0] == pair[1] or not wanted(pair, actors):
                continue
            outlet = member.source or outlet_of.get(member.article_id) or member.article_id
            series.setdefault(pair, PairSeries(pair)).by_outlet.setdefault(outlet, []).append(point)
    order = {a.id: n for n, a in enumerate(document.articles)}
    for item in series.values():
        for points in item.by_outlet.values():
            points.sort(key=lambda p: (p.start, p.end, order.get(p.article_id, 0), p.stance))
        item.by_outlet = dict(sorted(item.by_outlet.items(),
                                     key=lambda kv: (min(order.get(p.article_id, 0) for p in kv[1]), kv[0])))
    return sorted(series.values(), key=lambda s: (-len(s.points()), s.actors))
