"""The diff rule for two claims (`align.judge`), made cheap for many pairs.

`compare` judges each claim against tens of others and `diff` every claim of one article
against every claim of the other. What `judge` reads of a claim (its actors' keys, whether
its stance is mutual or a state, its regions' countries, its time span widened by the
window) is read once per claim into a ClaimView; what it reads of two stances (how alike or
opposed they are, in the stance groups of the overlay in force) once per pair of stances;
the readable reason only for the pairs that are kept. The decision is align's, step for
step: `align.judge` is this module's `Judge.judge`, so diff and compare share one rule.
"""
from __future__ import annotations

from claimcmp.comparison import align
from claimcmp.knowledge import stance_groups as sg
from claimcmp.knowledge.lexicons import cue
from claimcmp.models import INFERRED_CONFIDENCE, Claim


class ClaimView:
    """What `judge` reads of one claim, read once (the stances in the overlay in force).

    Dates are kept as day ordinals (start, end, and the span widened by the window for a
    claim dated only by its article: low, high), so a pair compares small integers."""

    __slots__ = ("claim", "subject", "target", "symmetric", "state", "countries", "when",
                 "bounds", "current", "days", "actors_id", "stance_id", "_words", "_stop",
                 "start", "end", "low", "high", "by_article", "long", "weak", "hedged",
                 "family", "stance", "modality", "fit_row", "verdict_row")

    def __init__(self, claim: Claim, window_days: int, intern, readings=None, stop=None) -> None:
        when = claim.when
        self.claim = claim
        self.subject = align.actor_key(claim.subject)
        self.target = align.actor_key(claim.target) if claim.target is not None else None
        stance = self.stance = claim.stance
        if readings is None:
            self.symmetric, self.state = sg.is_symmetric(stance), sg.is_state(stance)
        else:
            self.symmetric, self.state = readings(stance)
        self.countries = align.region_countries(claim)
        self.when = when
        self.bounds = align.span_bounds(when, window_days) if when is not None else None
        self.current = when is not None and align._current(when)
        self.days = (when.end - when.start).days + 1 if when is not None else 0
        if when is None:
            self.start = self.end = self.low = self.high = None
            self.by_article = False
        else:
            self.start, self.end = when.start.toordinal(), when.end.toordinal()
            self.low, self.high = self.bounds[0].toordinal(), self.bounds[1].toordinal()
            self.by_article = when.source == "article"
        # an act dated only to a long span: it cannot contradict a claim covering a small
        # part of it ("agreements during 2016" / "suspended in October 2016" may both be true)
        self.long = when is not None and not self.state and self.days > align._LONG_SPAN_DAYS
        self.weak = claim.confidence < INFERRED_CONFIDENCE
        self.modality = claim.modality
        self.hedged = claim.modality in align._HEDGED
        self.family = claim.family
        # small numbers for what fit_actors and _stance_verdict read of a claim: the keys
        # their remembered answers are looked up by
        self.actors_id = intern(("actors", self.subject, self.target, self.symmetric))
        self.stance_id = intern(("stance", stance, claim.family, claim.polarity, claim.topic))
        self._words: frozenset[str] | None = None
        self._stop = stop
        # the remembered answers for this claim's actors and stance against others' (Judge)
        self.fit_row: dict = {}
        self.verdict_row: dict = {}

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = align._words(self.claim.sentence, self._stop)
        return self._words


# relation, score, and what explain() needs to say why
Found = tuple[str, float, align.ActorFit, str, str]


class Judge:
    """`align.judge` for many pairs under one window, with its lookups remembered.

    Make one per run: the stance readings remembered are those of the overlay in force."""

    def __init__(self, window_days: int = 30) -> None:
        self.window_days = window_days
        self._ids: dict[tuple, int] = {}
        # per actors_id: other actors_id -> (fit_actors, its number); per stance_id: other
        # stance_id * 8 + fit number -> _stance_verdict (rows shared by the views alike)
        self._fit_rows: dict[int, dict[int, tuple[align.ActorFit | None, int]]] = {}
        self._verdict_rows: dict[int, dict[int, tuple[str, float, str] | None]] = {}
        self._alike: dict[tuple[str, str], tuple[float, str]] = {}
        self._opposed: dict[tuple, tuple[float, str]] = {}
        self._readings: dict[str, tuple[bool, bool]] = {}
        self._stop = cue("comparison_stopwords")

    def view(self, claim: Claim) -> ClaimView:
        view = ClaimView(claim, self.window_days, self._intern, self._reading, self._stop)
        view.fit_row = self._fit_rows.setdefault(view.actors_id, {})
        view.verdict_row = self._verdict_rows.setdefault(view.stance_id, {})
        return view

    def _intern(self, key: tuple) -> int:
        return self._ids.setdefault(key, len(self._ids))

    def _reading(self, stance: str) -> tuple[bool, bool]:
        """Whether a stance is mutual, and whether it is a state (read once per stance)."""
        found = self._readings.get(stance)
        if found is None:
            found = self._readings[stance] = (sg.is_symmetric(stance), sg.is_state(stance))
        return found

    def judge(self, a: Claim, b: Claim) -> tuple[str, float, str] | None:
        va, vb = self.view(a), self.view(b)
        found = self.relate(va, vb)
        return None if found is None else (found[0], found[1], self.explain(va, vb, found))

    def relation(self, a: ClaimView, b: ClaimView) -> str | None:
        """The relation alone `align.judge` finds between (a, b): no score, no reason."""
        found = self.decide(a, b)
        return None if found is None else found[0]

    def relate(self, a: ClaimView, b: ClaimView) -> Found | None:
        """The relation and score `align.judge` gives (a, b), without its reason."""
        found = self.decide(a, b)
        if found is None:
            return None
        relation, fit, strength, stance, when = found
        ca, cb = a.countries, b.countries
        place = 1.0 if ca & cb else 0.7 if not ca and not cb else 0.6
        ma, mb = a.modality, b.modality
        if ma == mb:
            modality = 1.0
        else:
            modality = 0.8 if {ma, mb} <= align._FACTUAL else 0.5
        wa, wb = a.words, b.words
        overlap = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
        actor = fit.level * (0.8 if fit.mode == "subject" else 1.0)
        score = (0.35 * actor + 0.35 * strength + 0.1 * place
                 + 0.1 * self._time_closeness(when, a, b)
                 + 0.05 * modality + 0.05 * overlap)
        return relation, round(min(max(score, 0.0), 1.0), 3), fit, stance, when

    @staticmethod
    def _time_closeness(kind: str, a: ClaimView, b: ClaimView) -> float:
        """align._time_closeness on the day ordinals."""
        if kind not in ("apart", "later") or a.start is None or b.start is None:
            return align._TIME_SCORE[kind]
        gap = max(b.start - a.end, a.start - b.end, 0)
        return align._TIME_SCORE[kind] * max(0.0, 1.0 - gap / 730)

    def explain(self, a: ClaimView, b: ClaimView, found: Found) -> str:
        """The readable reason `align.judge` gives with a relation found by relate()."""
        relation, _score, fit, stance, when = found
        parts = [align._actors_text(a.claim, fit), stance]
        countries = a.countries & b.countries
        if countries:
            parts.append("in " + "/".join(sorted(countries)))
        time_text = align._time_text(when, a.claim, b.claim, self.window_days)
        return ", ".join(parts) + (f", {time_text}: shifted" if relation == "shifted" else f", {time_text}")

    def decide(self, a: ClaimView, b: ClaimView) -> tuple | None:
        """(relation, actor fit, stance strength, stance reason, time fit), or None.

        The hot path of compare (tens of millions of pairs at scale): each step of
        align.judge in line, on what the views hold, with the answers for actors and
        stances remembered."""
        found = a.fit_row.get(b.actors_id)
        if found is None:
            found = a.fit_row[b.actors_id] = self._fit(a, b)
        fit, fit_number = found
        if fit is None:
            return None
        ca = a.countries
        if ca and b.countries and ca.isdisjoint(b.countries):
            return None
        key = b.stance_id * 8 + fit_number
        verdict = a.verdict_row.get(key, False)
        if verdict is False:
            verdict = a.verdict_row[key] = align._stance_verdict(
                a.claim, b.claim, fit, self._stance_similarity, self._stance_opposition)
        if verdict is None:
            return None
        sense, strength, stance = verdict
        # align.time_fit, on day ordinals
        xs, ys = a.start, b.start
        if xs is None or ys is None:
            when = "undated"
        elif xs <= b.end and ys <= a.end:
            when = "overlap"
        elif a.low <= b.high and b.low <= a.high:
            # An undated statement speaks of its article's date or earlier; a span written
            # out after that date is a later state of affairs, however close the window.
            if (a.by_article and not b.by_article and ys > a.end) or (
                    b.by_article and not a.by_article and xs > b.end):
                when = "later"
            else:
                when = "window"
        else:
            when = "ongoing" if a.current and b.current else "apart"
        # the relation the stances' sense and the times make
        if sense == "same":
            # "ongoing" passes: see align.judge
            if when == "apart":
                return None
            return "agree", fit, strength, stance, when
        ta, tb = a.target is None, b.target is None
        if (ta or tb) and not (ta and tb and self._similarity(a, b) >= 0.9):
            return None  # a claim with no other party contradicts nothing else
        if when in ("apart", "ongoing", "later"):
            return "shifted", fit, strength, stance, when
        if (a.weak and b.weak) or ((a.weak or b.weak) and strength < 0.9):
            # A party the extractor filled in grounds no contradiction, unless the other
            # claim names it and the act is the same: "India struck Pakistan" against
            # "the jets hit no target" (denials rarely name the other side again).
            return None
        if when == "undated" and (a.family != b.family or strength < 0.9 or a.state or b.state):
            return None  # moments of one story, unless one act is affirmed and denied
        if a.hedged or b.hedged or (a.long and ys is not None and 2 * b.days < a.days) or (
                b.long and xs is not None and 2 * a.days < b.days):
            return None  # a hedged claim, or a long span over a short one, blurs a contradiction
        return "conflict", fit, strength, stance, when

    def relations(self, table: ViewTable, first, second):
        """relation() for each pair of table rows (first[k], second[k]), numpy arrays of
        row numbers, as relation codes (NONE, AGREE, SHIFTED, CONFLICT)."""
        return _relations(self, table, first, second)

    @staticmethod
    def _fit(a: ClaimView, b: ClaimView) -> tuple[align.ActorFit | None, int]:
        """fit_actors, and a number 0..7 for what _stance_verdict reads of the fit found
        (whether one target is missing, whether only kin names match, whether neither has a
        target); -1 for no fit."""
        fit = align.fit_actors(a.claim, b.claim)
        if fit is None:
            return None, -1
        return fit, 4 * (fit.mode == "partial") + 2 * (fit.level < 1.0) + (fit.mode == "subject")

    def _similarity(self, a: ClaimView, b: ClaimView) -> float:
        return self._stance_similarity(a.claim.stance, b.claim.stance)[0]

    def _stance_similarity(self, a: str, b: str) -> tuple[float, str]:
        found = self._alike.get((a, b))
        if found is None:
            found = self._alike[(a, b)] = sg.similarity(a, b)
        return found

    def _stance_opposition(self, a: str, b: str, **context) -> tuple[float, str]:
        key = (a, b, *context.values())
        found = self._opposed.get(key)
        if found is None:
            found = self._opposed[key] = sg.opposition(a, b, **context)
        return found


# ---------------------------------------------------------------- many pairs at once

NONE, AGREE, SHIFTED, CONFLICT = 0, 1, 2, 3  # relation codes of Judge.relations
RELATION_CODES = {None: NONE, "agree": AGREE, "shifted": SHIFTED, "conflict": CONFLICT}


class ViewTable:
    """What decide() reads of many views, as numpy arrays (one row a view), for
    Judge.relations: millions of pairs judged without a Python call per pair."""

    def __init__(self, views) -> None:
        import numpy as np

        self.views = list(views)
        n = len(self.views)

        def column(read, dtype):
            return np.fromiter((read(v) for v in self.views), dtype, n)

        country_sets: dict[frozenset[str], int] = {}
        families: dict[str, int] = {}
        self.country_sets = country_sets
        self.actors = column(lambda v: v.actors_id, np.int64)
        self.stance = column(lambda v: v.stance_id, np.int64)
        self.countries = column(lambda v: country_sets.setdefault(v.countries, len(country_sets)), np.int64)
        self.dated = column(lambda v: v.start is not None, np.bool_)
        self.start = column(lambda v: v.start or 0, np.int64)
        self.end = column(lambda v: v.end or 0, np.int64)
        self.low = column(lambda v: v.low or 0, np.int64)
        self.high = column(lambda v: v.high or 0, np.int64)
        self.days = column(lambda v: v.days, np.int64)
        self.by_article = column(lambda v: v.by_article, np.bool_)
        self.current = column(lambda v: v.current, np.bool_)
        self.targetless = column(lambda v: v.target is None, np.bool_)
        self.weak = column(lambda v: v.weak, np.bool_)
        self.hedged = column(lambda v: v.hedged, np.bool_)
        self.state = column(lambda v: v.state, np.bool_)
        self.long = column(lambda v: v.long, np.bool_)
        self.family = column(lambda v: families.setdefault(v.family, len(families)), np.int64)
        self.neutral = column(lambda v: v.family == "neutral", np.bool_)
        self.negative = column(lambda v: v.claim.polarity == "negative", np.bool_)
        labels: dict[str | None, int] = {}
        self.label = column(lambda v: labels.setdefault(v.stance, len(labels)), np.int64)
        self.topic = column(lambda v: labels.setdefault(v.claim.topic, len(labels)), np.int64)
        self.labels = list(labels)  # number -> stance label or topic
        self.family_names = list(families)
        # actor fits, regions apart, stance likeness and opposition by the numbers of their pair
        self.caches: tuple[dict, dict, dict, dict] = ({}, {}, {}, {})


def _by_key(np, columns, cache: dict, compute, width: int):
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


def _relations(self, table: ViewTable, first, second):
    """Judge.relation for each pair (table row first[k], row second[k]), as relation codes
    (NONE, AGREE, SHIFTED, CONFLICT): decide()'s steps on whole arrays. The answers for
    actors, regions and stances come from the same remembered rows as decide()'s."""
    import numpy as np

    views = table.views
    codes = np.zeros(len(first), np.int8)
    if not len(first):
        return codes
    caches = table.caches

    def fit_number(at):
        a, b = views[first[at]], views[second[at]]
        found = a.fit_row.get(b.actors_id)
        if found is None:
            found = a.fit_row[b.actors_id] = self._fit(a, b)
        return (found[1],)

    def apart_regions(at):
        ca, cb = views[first[at]].countries, views[second[at]].countries
        return (bool(ca and cb and ca.isdisjoint(cb)),)

    fits, = _by_key(np, (table.actors[first], table.actors[second]), caches[0], fit_number, 1)
    ok = fits >= 0
    if len(table.country_sets) > 1:
        apart, = _by_key(np, (table.countries[first], table.countries[second]), caches[1],
                         apart_regions, 1)
        ok &= ~apart.astype(bool)
    where = np.flatnonzero(ok)
    a_rows, b_rows = first[where], second[where]
    fits = fits[where]

    if not len(where):
        return codes
    t, labels, names = table, table.labels, table.family_names
    la, lb = t.label[a_rows], t.label[b_rows]

    def likeness(at):
        return (self._stance_similarity(labels[la[at]], labels[lb[at]])[0],)

    # _stance_verdict on arrays: how alike the stances are, or how opposed when their
    # families differ (align._stance_verdict decides from these and the fit alone; its
    # reason is only written for the pairs kept, by decide())
    alike, = _by_key(np, (la, lb), t.caches[2], likeness, 1)
    fa, fb = t.family[a_rows], t.family[b_rows]
    same_family = fa == fb
    same_polarity = t.negative[a_rows] == t.negative[b_rows]
    partial, kin, subject = (fits & 4) != 0, (fits & 2) != 0, (fits & 1) != 0
    neutral_a, neutral_b = t.neutral[a_rows], t.neutral[b_rows]
    strength = alike.astype(np.float64)
    crossed = np.flatnonzero(~same_family & ~neutral_a & ~neutral_b & ~kin & ~partial)
    if len(crossed):
        ta, tb = t.topic[a_rows][crossed], t.topic[b_rows][crossed]
        ca, cb = la[crossed], lb[crossed]
        xa, xb = fa[crossed], fb[crossed]

        def opposed(at):
            return (self._stance_opposition(
                labels[ca[at]], labels[cb[at]], topic_a=labels[ta[at]], topic_b=labels[tb[at]],
                family_a=names[xa[at]], family_b=names[xb[at]])[0],)

        strength[crossed], = _by_key(np, (ca, cb, ta, tb, xa, xb), t.caches[3], opposed, 1)
    # alike stances: the same family and polarity
    kept = same_family & same_polarity
    sense = np.where(kept & ~(neutral_a & (strength < 0.7)) & ~(partial & (strength < 0.9)), 1, 0)
    # else opposed (one family negated, or the other family), or one thing said twice
    other = ~kept & ~(neutral_a | neutral_b) & ~kin & ~partial
    other &= ~(strength < np.where(subject, 0.9, 0.6))
    said_twice = ~same_family & ~same_polarity
    sense[other & ~said_twice] = 2
    twice = other & said_twice & ~(strength < 0.9)
    sense[twice] = 1
    strength[twice] *= 0.8
    alike = alike >= 0.9
    t = table
    dated = t.dated[a_rows] & t.dated[b_rows]
    xs, ys, xe, ye = t.start[a_rows], t.start[b_rows], t.end[a_rows], t.end[b_rows]
    overlap = dated & (xs <= ye) & (ys <= xe)
    widened = dated & ~overlap & (t.low[a_rows] <= t.high[b_rows]) & (t.low[b_rows] <= t.high[a_rows])
    xa, ya = t.by_article[a_rows], t.by_article[b_rows]
    later = widened & ((xa & ~ya & (ys > xe)) | (ya & ~xa & (xs > ye)))
    outside = dated & ~overlap & ~widened
    ongoing = outside & t.current[a_rows] & t.current[b_rows]
    apart = outside & ~ongoing
    undated = ~dated
    agree = (sense == 1) & ~apart
    ta, tb = t.targetless[a_rows], t.targetless[b_rows]
    opposed = (sense == 2) & ~((ta | tb) & ~(ta & tb & alike))
    shifted = opposed & (apart | ongoing | later)
    da, db = t.days[a_rows], t.days[b_rows]
    blurred = (t.long[a_rows] & t.dated[b_rows] & (2 * db < da)) | (t.long[b_rows] & t.dated[a_rows] & (2 * da < db))
    wa, wb = t.weak[a_rows], t.weak[b_rows]
    conflict = (opposed & ~shifted & ~((wa & wb) | ((wa | wb) & (strength < 0.9)))
                & ~(undated & ((t.family[a_rows] != t.family[b_rows]) | (strength < 0.9)
                               | t.state[a_rows] | t.state[b_rows]))
                & ~(t.hedged[a_rows] | t.hedged[b_rows]) & ~blurred)
    found = np.zeros(len(where), np.int8)
    found[agree] = AGREE
    found[shifted] = SHIFTED
    found[conflict] = CONFLICT
    codes[where] = found
    return codes

