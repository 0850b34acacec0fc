"""`Judge.relation` for millions of pairs at once, on numpy arrays (compare's head_order).

What `Judge.decide` reads of a view is laid out as numpy columns, one row a view
(ViewTable); a batch of pairs of rows is judged by decide()'s steps as array operations:
the actors fit and the regions can be one place (_fitting_pairs), the stances are alike or
opposed (_stance_sense, from _stance_strengths), the times fit (_time_fits), and the
relation those make (_relation_codes). What needs align's Python code (an actor fit, how
alike or opposed two stances are) is computed once per distinct pair of numbers and
remembered in the table. Only the relation is found, as a code; the score and the reason
are decide()'s and explain()'s, for the pairs kept.

numpy is imported with this module: grouping imports it only from BULK_FROM claims.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from claimcmp.comparison import align
from claimcmp.comparison.judging import ClaimView, Judge

NONE, AGREE, SHIFTED, CONFLICT = 0, 1, 2, 3  # relation codes of relations()
RELATION_CODES = {None: NONE, "agree": AGREE, "shifted": SHIFTED, "conflict": CONFLICT}
# the sense of two stances, as _stance_sense gives it (align._stance_verdict's "same",
# "opposite", or None for unrelated stances)
UNRELATED, SAME, OPPOSITE = 0, 1, 2
# bits of the number Judge._fit gives an actor fit (-1: the actors do not fit)
FIT_PARTIAL, FIT_KIN, FIT_SUBJECT = 4, 2, 1


# the columns of a ViewTable, numbers then flags, in the order its row() reads them
# audit: code (attribute names, not vocabulary)
_NUMBERS = ("actors", "countries", "start", "end", "low", "high", "days", "family", "label", "topic")
# audit: code (attribute names, not vocabulary)
_FLAGS = ("dated", "by_article", "current", "targetless", "weak", "hedged", "state", "long", "neutral",
          "negative")


class ViewTable:
    """What decide() reads of many views, as numpy arrays (one row a view)."""

    def __init__(self, views: Sequence[ClaimView]) -> None:
        self.views = list(views)
        country_sets: dict[frozenset[str], int] = {}
        families: dict[str, int] = {}
        labels: dict[str | None, int] = {}

        def row(v: ClaimView) -> tuple:
            return (v.actors_id, country_sets.setdefault(v.countries, len(country_sets)), v.start or 0,
                    v.end or 0, v.low or 0, v.high or 0, v.days, families.setdefault(v.family, len(families)),
                    labels.setdefault(v.stance, len(labels)), labels.setdefault(v.claim.topic, len(labels)),
                    v.start is not None, v.by_article, v.current, v.target is None, v.weak, v.hedged, v.state,
                    v.long, v.family == "neutral", v.claim.polarity == "negative")

        rows = np.array([row(v) for v in self.views], np.int64).reshape(len(self.views), -1)
        for at, name in enumerate(_NUMBERS + _FLAGS):
            column = np.ascontiguousarray(rows[:, at])
            setattr(self, name, column if name in _NUMBERS else column.astype(np.bool_))
        del rows
        self.actors = np.unique(self.actors, return_inverse=True)[1].reshape(-1)  # 0, 1, 2 ...
        self.country_sets, self.labels, self.family_names = country_sets, list(labels), list(families)
        # what needs align's Python code, remembered across batches by the numbers of a pair
        actors, places = int(self.actors.max(initial=0)) + 1, len(country_sets)
        words, kinds = len(self.labels), len(self.family_names)
        self.fits = Remembered((actors, actors), np.int8)
        self.apart = Remembered((places, places), np.bool_)
        self.likeness = Remembered((words, words), np.float64)
        self.opposition = Remembered((words, words, words, words, kinds, kinds), np.float64)


class Remembered:
    """Answers remembered by a key of small non-negative ints (one column each, below
    `sizes`), looked up for whole arrays at once: the keys are mixed into one int, which
    indexes an array of answers when there are few enough keys (DENSE_BYTES), else is
    looked up in a sorted array of the keys seen; either way a Python call is made only
    for a key never seen before. Keys too wide to mix into one int are remembered in a
    dict (by_key)."""

    def __init__(self, sizes: Sequence[int], dtype) -> None:
        self.sizes, self.dtype = tuple(max(size, 1) for size in sizes), np.dtype(dtype)
        total = int(np.prod(self.sizes, dtype=object))
        self.mixable = total < 1 << 62
        self.dense = total * (self.dtype.itemsize + 1) <= DENSE_BYTES
        self.keys = np.zeros(0, np.int64)  # sorted, or every key when dense
        self.values = np.zeros(total if self.dense else 0, dtype)
        self.known = np.zeros(total if self.dense else 0, np.bool_)
        self.cache: dict = {}  # when not mixable

    def lookup(self, columns: Sequence, compute: Callable[[int], object]):
        """The answer for each row of the columns; compute(position) gives the answer for
        a key not seen yet, from the first position in the columns that has it."""
        if not self.mixable:
            found, = by_key(columns, self.cache, lambda at: (compute(at),), 1)
            return found.astype(self.dtype)
        mixed = columns[0].astype(np.int64)
        for column, size in zip(columns[1:], self.sizes[1:]):
            mixed = mixed * size + column
        if self.dense:
            missing = np.flatnonzero(~self.known[mixed])
        else:
            at = self._find(mixed)
            missing = np.flatnonzero(at < 0)
        if len(missing):
            new_keys, first = np.unique(mixed[missing], return_index=True)
            self._add(new_keys, np.array([compute(position) for position in missing[first].tolist()],
                                         self.dtype))
            at = None if self.dense else self._find(mixed)
        return self.values[mixed] if self.dense else self.values[at]

    def _add(self, keys, values) -> None:
        if self.dense:
            self.values[keys], self.known[keys] = values, True
            return
        keys, values = np.concatenate((self.keys, keys)), np.concatenate((self.values, values))
        order = np.argsort(keys, kind="stable")
        self.keys, self.values = keys[order], values[order]

    def _find(self, mixed):
        """Where each mixed key is in self.keys, -1 where it is not."""
        if not len(self.keys):
            return np.full(len(mixed), -1, np.int64)
        at = np.minimum(np.searchsorted(self.keys, mixed), len(self.keys) - 1)
        return np.where(self.keys[at] == mixed, at, -1)


# The most memory a Remembered's answers may take as an array indexed by key
DENSE_BYTES = 1 << 25


class Pairs:
    """A batch of pairs of table rows (a_rows[k], b_rows[k]), both sides of a column at once."""

    def __init__(self, table: ViewTable, a_rows, b_rows) -> None:
        self.table, self.a_rows, self.b_rows = table, a_rows, b_rows

    def __len__(self) -> int:
        return len(self.a_rows)

    def both(self, name: str):
        """The column `name` of the table for the a side and the b side of each pair."""
        column = getattr(self.table, name)
        return column[self.a_rows], column[self.b_rows]


class TimeFits(NamedTuple):
    """align.time_fit's answer for each pair, as masks ("overlap" and "window" are what is
    left when the pair is dated and none of these holds)."""

    undated: np.ndarray
    later: np.ndarray
    ongoing: np.ndarray
    apart: np.ndarray


def relations(rule: Judge, table: ViewTable, first, second):
    """rule.relation() for each pair of table rows (first[k], second[k]), numpy arrays of
    row numbers, as relation codes (NONE, AGREE, SHIFTED, CONFLICT). The answers for actors,
    regions and stances come from the same remembered rows as decide()'s."""
    codes = np.zeros(len(first), np.int8)
    if not len(first):
        return codes
    where, fits = _fitting_pairs(rule, table, first, second)
    if not len(where):
        return codes
    pairs = Pairs(table, first[where], second[where])
    alike, strength = _stance_strengths(rule, pairs, fits)
    sense, strength = _stance_sense(pairs, fits, alike, strength)
    codes[where] = _relation_codes(pairs, sense, strength, alike >= 0.9, _time_fits(pairs))
    return codes


def _fitting_pairs(rule: Judge, table: ViewTable, first, second):
    """The positions of the pairs whose actors fit and whose regions can be one place, and
    the number of each one's actor fit (Judge._fit: bits FIT_PARTIAL, FIT_KIN, FIT_SUBJECT)."""
    views = table.views

    def fit_number(at):
        return rule.actor_fit(views[first[at]], views[second[at]])[1]

    def apart_regions(at):
        ca, cb = views[first[at]].countries, views[second[at]].countries
        return bool(ca and cb and ca.isdisjoint(cb))

    fits = table.fits.lookup((table.actors[first], table.actors[second]), fit_number)
    ok = fits >= 0
    if len(table.country_sets) > 1:
        ok &= ~table.apart.lookup((table.countries[first], table.countries[second]), apart_regions)
    where = np.flatnonzero(ok)
    return where, fits[where]


def _stance_strengths(rule: Judge, pairs: Pairs, fits):
    """How alike each pair's stances are (sg.similarity), and the strength _stance_verdict
    weighs: the likeness, or how opposed the stances are (sg.opposition) where their
    families differ and an opposition can count (neither neutral, the fit neither kin nor
    partial)."""
    table, labels, names = pairs.table, pairs.table.labels, pairs.table.family_names
    la, lb = pairs.both("label")

    def likeness(at):
        return rule.stance_similarity(labels[la[at]], labels[lb[at]])[0]

    alike = table.likeness.lookup((la, lb), likeness)
    strength = alike.astype(np.float64)
    fa, fb = pairs.both("family")
    neutral_a, neutral_b = pairs.both("neutral")
    counted = ~(neutral_a | neutral_b) & ((fits & (FIT_KIN | FIT_PARTIAL)) == 0)
    crossed = np.flatnonzero((fa != fb) & counted)
    if len(crossed):
        ta, tb = (topic[crossed] for topic in pairs.both("topic"))
        ca, cb, xa, xb = la[crossed], lb[crossed], fa[crossed], fb[crossed]

        def opposed(at):
            return rule.stance_opposition(
                labels[ca[at]], labels[cb[at]], topic_a=labels[ta[at]], topic_b=labels[tb[at]],
                family_a=names[xa[at]], family_b=names[xb[at]])[0]

        strength[crossed] = table.opposition.lookup((ca, cb, ta, tb, xa, xb), opposed)
    return alike, strength


def _stance_sense(pairs: Pairs, fits, alike, strength):
    """align._stance_verdict's sense of each pair's stances (UNRELATED, SAME, OPPOSITE) and
    its strength: alike stances (the same family and polarity) are the same unless a neutral
    act or a partial fit is too unlike; else opposed when strong enough (0.9 for a fit by
    subject alone, NEGATED_ACT_LIKENESS for an act, not a state,
    denied; else 0.6), and one thing said twice (another family, negated) is the same
    at 0.8 of its strength when at least 0.9."""
    fa, fb = pairs.both("family")
    negative_a, negative_b = pairs.both("negative")
    neutral_a, neutral_b = pairs.both("neutral")
    same_family, same_polarity = fa == fb, negative_a == negative_b
    partial, kin, subject = (fits & FIT_PARTIAL) != 0, (fits & FIT_KIN) != 0, (fits & FIT_SUBJECT) != 0
    kept = same_family & same_polarity
    sense = np.where(kept & ~(neutral_a & (strength < 0.7)) & ~(partial & (strength < 0.9)),
                     SAME, UNRELATED)
    other = ~kept & ~(neutral_a | neutral_b) & ~kin & ~partial
    state_a, state_b = pairs.both("state")
    denied_act = same_family & ~np.where(negative_a, state_a, state_b)
    other &= ~(strength < np.where(subject, 0.9, np.where(denied_act, align.NEGATED_ACT_LIKENESS, 0.6)))
    said_twice = ~same_family & ~same_polarity
    sense[other & ~said_twice] = OPPOSITE
    twice = other & said_twice & ~(strength < 0.9)
    sense[twice] = SAME
    strength = strength.copy()
    strength[twice] *= 0.8
    return sense, strength


def _time_fits(pairs: Pairs) -> TimeFits:
    """align.time_fit on the day ordinals: spans that overlap, or meet within the window
    (unless one dated by its article meets a span written out after that date: later),
    else both current (ongoing) or apart."""
    dated_a, dated_b = pairs.both("dated")
    dated = dated_a & dated_b
    xs, ys = pairs.both("start")
    xe, ye = pairs.both("end")
    low_a, low_b = pairs.both("low")
    high_a, high_b = pairs.both("high")
    xa, ya = pairs.both("by_article")
    slack = np.where(xa | ya, 0, align.DAY_SLACK)
    overlap = dated & (xs <= ye + slack) & (ys <= xe + slack)
    widened = dated & ~overlap & (low_a <= high_b) & (low_b <= high_a)
    later = widened & ((xa & ~ya & (ys > xe)) | (ya & ~xa & (xs > ye)))
    outside = dated & ~overlap & ~widened
    current_a, current_b = pairs.both("current")
    ongoing = outside & current_a & current_b
    return TimeFits(undated=~dated, later=later, ongoing=ongoing, apart=outside & ~ongoing)


def _relation_codes(pairs: Pairs, sense, strength, alike, times: TimeFits):
    """The relation decide() makes of the stances' sense and the times: the same sense
    agrees unless apart; an opposite one (both with a target, or both without and the same
    act) is shifted when apart, ongoing or later, else a conflict unless a party is
    inferred, the pair is undated and not one act affirmed and denied, a claim is hedged,
    or a long span lies over a short one."""
    agree = (sense == SAME) & ~times.apart
    ta, tb = pairs.both("targetless")
    opposed = (sense == OPPOSITE) & ~((ta | tb) & ~(ta & tb & alike))
    shifted = opposed & (times.apart | times.ongoing | times.later)
    conflict = opposed & ~shifted & ~_conflict_blurred(pairs, strength, times.undated)
    found = np.zeros(len(pairs), np.int8)
    found[agree] = AGREE
    found[shifted] = SHIFTED
    found[conflict] = CONFLICT
    return found


def _conflict_blurred(pairs: Pairs, strength, undated):
    """Where an opposition at one time grounds no contradiction (decide()'s last steps)."""
    weak_a, weak_b = pairs.both("weak")
    fa, fb = pairs.both("family")
    state_a, state_b = pairs.both("state")
    hedged_a, hedged_b = pairs.both("hedged")
    days_a, days_b = pairs.both("days")
    long_a, long_b = pairs.both("long")
    dated_a, dated_b = pairs.both("dated")
    long_over_short = (long_a & dated_b & (2 * days_b < days_a)) | (long_b & dated_a & (2 * days_a < days_b))
    moments = undated & ((fa != fb) | (strength < 0.9) | state_a | state_b)
    inferred = (weak_a & weak_b) | ((weak_a | weak_b) & (strength < 0.9))
    return inferred | moments | (hedged_a | hedged_b) | long_over_short


def by_key(columns: Sequence, cache: dict, compute: Callable[[int], tuple], width: int):
    """For each row of the columns (arrays of non-negative ints): the values cached for
    that row's ints (a tuple of `width`), computed for rows not cached yet from the first
    position that has them (compute(position)); one array per value."""
    radix, mixed = 1, columns[0].astype(np.int64)
    for column in columns[1:]:
        top = int(column.max()) + 1 if len(column) else 1
        radix *= top
        if radix * (int(columns[0].max()) + 1) >= 1 << 62:
            mixed = None
            break
        mixed = mixed * top + column
    if mixed is None:
        _rows, first, inverse = np.unique(np.stack(columns, axis=1), axis=0, return_index=True,
                                         return_inverse=True)
    else:
        _keys, first, inverse = np.unique(mixed, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    rows = []
    for key, at in zip(zip(*(column[first].tolist() for column in columns)), first.tolist()):
        found = cache.get(key)
        if found is None:
            found = cache[key] = compute(at)
        rows.append(found)
    return [np.array(values)[inverse] for values in zip(*rows)] if rows else [np.zeros(0)] * width
