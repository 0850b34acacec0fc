"""The diff rule for two claims (`align.judge`), made cheap for many pairs.

`compare` judges each claim against tens of others and `diff` every claim of one article
against every claim of the other. What `judge` reads of a claim (its actors' keys, whether
its stance is mutual or a state, its regions' countries, its time span widened by the
window) is read once per claim into a ClaimView; what it reads of two stances (how alike or
opposed they are, in the stance groups of the overlay in force) once per pair of stances;
the readable reason only for the pairs that are kept. The decision is align's, step for
step: `align.judge` is this module's `Judge.judge`, so diff and compare share one rule.
comparison/bulk_judging.py finds the same relations for millions of pairs on numpy arrays.
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
        self.current = when is not None and align._current(when) and not align.speaks_of_later(claim)
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
        self.actors_id = intern(("actors", self.subject, self.target, self.symmetric,
                                 align.subject_keys(claim) if claim.co_subjects else None,
                                 align.target_keys(claim) if claim.co_targets else None))
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


def _same_doers(a: ClaimView, b: ClaimView) -> float:
    """1.0 when both claims name the same doers; a little less when a coalition meets one of
    its members: "Chile, Peru and Bolivia cut ties" is told again by "Peru, Chile and Bolivia
    severed relations" more closely than by "Chile cut ties"."""
    if not (a.claim.co_subjects or b.claim.co_subjects):
        return 1.0
    doers_a, doers_b = align.subject_keys(a.claim), align.subject_keys(b.claim)
    return 0.9 + 0.1 * len(doers_a & doers_b) / len(doers_a | doers_b)


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
            modality = 0.9 if {ma, mb} <= align._FACTUAL else 0.5
        wa, wb = a.words, b.words
        overlap = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
        actor = fit.level * (0.8 if fit.mode == "subject" else 1.0) * _same_doers(a, b)
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

        The hot path of compare (tens of millions of pairs at scale): align.judge's steps
        on what the views hold, the answers for actors and stances looked up in the rows
        remembered per claim (a method is called only when a row has no answer yet)."""
        found = a.fit_row.get(b.actors_id)
        if found is None:
            found = self.actor_fit(a, b)
        fit, fit_number = found
        if fit is None:
            return None
        ca = a.countries
        if ca and b.countries and ca.isdisjoint(b.countries):
            return None  # the regions cannot be one place
        verdict = a.verdict_row.get(b.stance_id * 8 + fit_number, False)
        if verdict is False:
            verdict = self.stance_verdict(a, b, fit, fit_number)
        if verdict is None:
            return None
        sense, strength, stance = verdict
        when = time_fit(a, b)
        if sense == "same":
            relation = None if when == "apart" else "agree"  # "ongoing" passes: see align.judge
        else:
            relation = self._opposed_relation(a, b, strength, when)
        return None if relation is None else (relation, fit, strength, stance, when)

    def actor_fit(self, a: ClaimView, b: ClaimView) -> tuple[align.ActorFit | None, int]:
        """_fit of the two views' actors, remembered in a's row."""
        found = a.fit_row.get(b.actors_id)
        if found is None:
            found = a.fit_row[b.actors_id] = self._fit(a, b)
        return found

    def stance_verdict(self, a: ClaimView, b: ClaimView, fit: align.ActorFit,
                       fit_number: int) -> tuple[str, float, str] | None:
        """align._stance_verdict of the two views' stances under the fit, remembered in a's
        row by b's stance and the fit's number."""
        key = b.stance_id * 8 + fit_number
        verdict = a.verdict_row.get(key, False)
        if verdict is False:
            verdict = a.verdict_row[key] = align._stance_verdict(
                a.claim, b.claim, fit, self.stance_similarity, self.stance_opposition)
        return verdict

    def _opposed_relation(self, a: ClaimView, b: ClaimView, strength: float, when: str) -> str | None:
        """What opposed stances make at the time fit `when`: "shifted", "conflict" or None."""
        ta, tb = a.target is None, b.target is None
        if (ta or tb) and not (ta and tb and self._similarity(a, b) >= 0.9):
            return None  # a claim with no other party contradicts nothing else
        if when in ("apart", "ongoing", "later"):
            return "shifted"
        if (a.weak and b.weak) or ((a.weak or b.weak) and strength < 0.9):
            # A party the extractor filled in grounds no contradiction, unless the other
            # claim names it and the act is the same: "India struck Pakistan" against
            # "the jets hit no target" (denials rarely name the other side again).
            return None
        if when == "undated" and (a.family != b.family or strength < 0.9 or a.state or b.state):
            return None  # moments of one story, unless one act is affirmed and denied
        if a.hedged or b.hedged or (a.long and b.start is not None and 2 * b.days < a.days) or (
                b.long and a.start is not None and 2 * a.days < b.days):
            return None  # a hedged claim, or a long span over a short one, blurs a contradiction
        return "conflict"

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
        return self.stance_similarity(a.claim.stance, b.claim.stance)[0]

    def stance_similarity(self, a: str, b: str) -> tuple[float, str]:
        """sg.similarity, remembered per run."""
        found = self._alike.get((a, b))
        if found is None:
            found = self._alike[(a, b)] = sg.similarity(a, b)
        return found

    def stance_opposition(self, a: str, b: str, **context) -> tuple[float, str]:
        """sg.opposition, remembered per run."""
        key = (a, b, *context.values())
        found = self._opposed.get(key)
        if found is None:
            found = self._opposed[key] = sg.opposition(a, b, **context)
        return found


def time_fit(a: ClaimView, b: ClaimView) -> str:
    """align.time_fit on the day ordinals the views hold."""
    xs, ys = a.start, b.start
    if xs is None or ys is None:
        return "undated"
    slack = 0 if a.by_article or b.by_article else align.DAY_SLACK
    if xs <= b.end + slack and ys <= a.end + slack:
        return "overlap"
    if a.low <= b.high and b.low <= a.high:
        # An undated statement speaks of its article's date or earlier; a span written
        # out after that date is a later state of affairs, however close the window.
        if (a.by_article and not b.by_article and ys > a.end) or (
                b.by_article and not a.by_article and xs > b.end):
            return "later"
        return "window"
    return "ongoing" if a.current and b.current else "apart"
