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
from claimcmp.models import INFERRED_CONFIDENCE, Claim


class ClaimView:
    """What `judge` reads of one claim, read once (the stances in the overlay in force)."""

    __slots__ = ("claim", "subject", "target", "symmetric", "state", "countries", "when",
                 "bounds", "current", "days", "actors_id", "stance_id", "_words")

    def __init__(self, claim: Claim, window_days: int, intern) -> None:
        when = claim.when
        self.claim = claim
        self.subject = align.actor_key(claim.subject)
        self.target = align.actor_key(claim.target) if claim.target is not None else None
        self.symmetric = sg.is_symmetric(claim.stance)
        self.state = sg.is_state(claim.stance)
        self.countries = align.region_countries(claim)
        self.when = when
        self.bounds = align.span_bounds(when, window_days) if when is not None else None
        self.current = when is not None and align._current(when)
        self.days = (when.end - when.start).days + 1 if when is not None else 0
        # small numbers for what fit_actors and _stance_verdict read of a claim: the keys
        # their remembered answers are looked up by
        self.actors_id = intern(("actors", self.subject, self.target, self.symmetric))
        self.stance_id = intern(("stance", claim.stance, claim.family, claim.polarity, claim.topic))
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = align._words(self.claim.sentence)
        return self._words


# relation, score, and what explain() needs to say why
Found = tuple[str, float, align.ActorFit, str, str]


class Judge:
    """`align.judge` for many pairs under one window, with its lookups remembered.

    Make one per run: the stance readings remembered are those of the overlay in force."""

    def __init__(self, window_days: int = 30) -> None:
        self.window_days = window_days
        self._ids: dict[tuple, int] = {}
        self._fits: dict[tuple[int, int], tuple[align.ActorFit | None, int]] = {}
        self._stances: dict[tuple, tuple[str, float, str] | None] = {}
        self._alike: dict[tuple[str, str], tuple[float, str]] = {}
        self._opposed: dict[tuple, tuple[float, str]] = {}

    def view(self, claim: Claim) -> ClaimView:
        return ClaimView(claim, self.window_days, self._intern)

    def _intern(self, key: tuple) -> int:
        return self._ids.setdefault(key, len(self._ids))

    def judge(self, a: Claim, b: Claim) -> tuple[str, float, str] | None:
        va, vb = self.view(a), self.view(b)
        found = self.relate(va, vb)
        return None if found is None else (found[0], found[1], self.explain(va, vb, found))

    def relation(self, a: ClaimView, b: ClaimView) -> str | None:
        """The relation alone `align.judge` finds between (a, b): no score, no reason."""
        found = self._decide(a, b)
        return None if found is None else found[0]

    def relate(self, a: ClaimView, b: ClaimView) -> Found | None:
        """The relation and score `align.judge` gives (a, b), without its reason."""
        found = self._decide(a, b)
        if found is None:
            return None
        relation, fit, strength, stance, when = found
        ca, cb = a.countries, b.countries
        place = 1.0 if ca & cb else 0.7 if not ca and not cb else 0.6
        ma, mb = a.claim.modality, b.claim.modality
        if ma == mb:
            modality = 1.0
        else:
            modality = 0.8 if {ma, mb} <= align._FACTUAL else 0.5
        wa, wb = a.words, b.words
        overlap = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
        actor = fit.level * (0.8 if fit.mode == "subject" else 1.0)
        score = (0.35 * actor + 0.35 * strength + 0.1 * place
                 + 0.1 * align._time_closeness(when, a.claim, b.claim)
                 + 0.05 * modality + 0.05 * overlap)
        return relation, round(min(max(score, 0.0), 1.0), 3), fit, stance, when

    def explain(self, a: ClaimView, b: ClaimView, found: Found) -> str:
        """The readable reason `align.judge` gives with a relation found by relate()."""
        relation, _score, fit, stance, when = found
        parts = [align._actors_text(a.claim, fit), stance]
        countries = a.countries & b.countries
        if countries:
            parts.append("in " + "/".join(sorted(countries)))
        time_text = align._time_text(when, a.claim, b.claim, self.window_days)
        return ", ".join(parts) + (f", {time_text}: shifted" if relation == "shifted" else f", {time_text}")

    def _decide(self, a: ClaimView, b: ClaimView) -> tuple | None:
        """(relation, actor fit, stance strength, stance reason, time fit), or None."""
        fit, fit_id = self._fit(a, b)
        if fit is None or (a.countries and b.countries and a.countries.isdisjoint(b.countries)):
            return None
        key = (a.stance_id, b.stance_id, fit_id)
        verdict = self._stances.get(key, False)
        if verdict is False:
            verdict = self._stances[key] = align._stance_verdict(
                a.claim, b.claim, fit, self._stance_similarity, self._stance_opposition)
        if verdict is None:
            return None
        sense, strength, stance = verdict
        when = self._time_fit(a, b)
        relation = self._relation(a, b, sense, strength, when)
        return None if relation is None else (relation, fit, strength, stance, when)

    def _relation(self, a: ClaimView, b: ClaimView, sense: str, strength: float, when: str) -> str | None:
        if sense == "same":
            # "ongoing" passes: see align.judge
            return None if when == "apart" else "agree"
        ta, tb = a.target is None, b.target is None
        if (ta or tb) and not (ta and tb and self._similarity(a, b) >= 0.9):
            return None  # a claim with no other party contradicts nothing else
        relation = "shifted" if when in ("apart", "ongoing", "later") else "conflict"
        if relation == "conflict" and min(a.claim.confidence, b.claim.confidence) < INFERRED_CONFIDENCE:
            return None  # a party the extractor filled in grounds no contradiction
        if relation == "conflict" and when == "undated" and (
                a.claim.family != b.claim.family or strength < 0.9 or a.state or b.state):
            return None  # moments of one story, unless one act is affirmed and denied
        if relation == "conflict" and (
                align._HEDGED & {a.claim.modality, b.claim.modality} or self._blurred(a, b)):
            return None  # a hedged claim or a long span blurs a contradiction
        return relation

    def _fit(self, a: ClaimView, b: ClaimView) -> tuple[align.ActorFit | None, int]:
        """fit_actors, and a number for what _stance_verdict reads of the fit found (whether
        one target is missing, whether only kin names match, whether neither has a target)."""
        key = (a.actors_id, b.actors_id)
        found = self._fits.get(key)
        if found is None:
            fit = align.fit_actors(a.claim, b.claim)
            number = -1 if fit is None else self._intern(
                ("fit", fit.mode == "partial", fit.level < 1.0, fit.mode == "subject"))
            found = self._fits[key] = (fit, number)
        return found

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

    def _time_fit(self, a: ClaimView, b: ClaimView) -> str:
        """align.time_fit with the widened bounds read once per claim."""
        x, y = a.when, b.when
        if x is None or y is None:
            return "undated"
        if x.start <= y.end and y.start <= x.end:
            return "overlap"
        (s1, e1), (s2, e2) = a.bounds, b.bounds
        if s1 <= e2 and s2 <= e1:
            if (x.source == "article" != y.source and y.start > x.end) or (
                    y.source == "article" != x.source and x.start > y.end):
                return "later"
            return "window"
        return "ongoing" if a.current and b.current else "apart"

    @staticmethod
    def _blurred(a: ClaimView, b: ClaimView) -> bool:
        """True when one claim is an act dated only to a long span and the other covers a
        small part of it: "agreements during 2016" and "suspended in October 2016" may both
        be true, the act falling outside the other's weeks, so they cannot contradict."""
        for x, y in ((a, b), (b, a)):
            if x.when is None or y.when is None or x.state:
                continue
            if x.days > align._LONG_SPAN_DAYS and 2 * y.days < x.days:
                return True
        return False
