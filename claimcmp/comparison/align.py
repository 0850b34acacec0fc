"""Line up the claims of two articles: agree / conflict / shifted / only (design/claims.md).

Pure functions over the pydantic models. Nothing here touches spaCy, so diffing two
documents written by `extract --format json` stays cheap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# time and place live in comparison/times.py; re-exported, as diff's and compare's callers read them here
from claimcmp.comparison.times import (  # noqa: F401
    DAY_SLACK, _current, format_span, region_countries, regions_compatible, span_bounds,
    speaks_of_later, time_fit, times_compatible)
from claimcmp.knowledge import resource_loader, stance_groups as sg
from claimcmp.knowledge.lexicons import cue
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.models import SCHEMA, Actor, Claim, DiffDocument, ExtractDocument, Pair


@overlay_cached
def actor_kin(overlay: str | None = None) -> tuple[frozenset[str], ...]:
    """Outlets name the same fighters rebels, militants, terrorists or jihadists, and the
    Kurdish forces Kurds, SDF or YPG (the gold lists them as interchangeable ids): the sides
    of resources/actor_kin.json. Such names match each other for agreement only, and less
    strongly than one id does."""
    raw = resource_loader.json_object("actor_kin.json", overlay)
    return tuple(frozenset(ids) for side, ids in raw.items() if not side.startswith("_"))


_RELATION_ORDER = {"conflict": 0, "shifted": 1, "agree": 2}
# audit: code (scores of the time relations, a tuning table)
_TIME_SCORE = {"overlap": 1.0, "window": 0.8, "later": 0.7, "undated": 0.6, "apart": 0.5,
               "ongoing": 0.35}
_FACTUAL = {"asserted", "reported"}
_HEDGED = {"possible", "conditional", "desired"}
_LONG_SPAN_DAYS = 92
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- actors

def actor_key(actor: Actor) -> str:
    """The id two articles can agree on: a person or state body by its country, an armed
    group by its own slug (Hezbollah is not Lebanon), anything else by its id."""
    country = (actor.country or "").upper()
    if country and (actor.kind != "group" or actor.id.upper().startswith(country + "_")):
        return country  # "Israeli troops" (ISR_MILITARY) speak for Israel; "Syrian rebels" do not
    return actor.id.upper()


def actor_match(x: Actor, y: Actor) -> float:
    """1.0 for the same key, 0.75 for kin names of the same side, else 0."""
    kx, ky = actor_key(x), actor_key(y)
    if kx == ky:
        return 1.0
    return 0.75 if any(kx in kin and ky in kin for kin in actor_kin()) else 0.0


def subject_keys(claim: Claim) -> frozenset[str]:
    """The keys of a claim's doers: its subject and its co-subjects."""
    return _listed_keys(claim.subject, claim.co_subjects)


def target_keys(claim: Claim) -> frozenset[str]:
    """The keys of the parties a claim's act is toward: its target and its co-targets."""
    return _listed_keys(claim.target, claim.co_targets)


def _listed_keys(first: Actor | None, others: list[Actor]) -> frozenset[str]:
    return frozenset(actor_key(a) for a in (first, *others) if a is not None)


def subject_match(a: Claim, b: Claim) -> float:
    """actor_match of the subjects; else 1.0 when one's subject is among the other's doers:
    "Saudi Arabia, Egypt and Bahrain cut ties" and "Bahrain, Saudi Arabia and Egypt severed
    relations" tell one coalition's act, whichever member each names first."""
    return _listed_match(a.subject, a.co_subjects, b.subject, b.co_subjects)


def target_match(a: Claim, b: Claim) -> float:
    """actor_match of the targets; else 1.0 when one's target is among the other's parties:
    "Russia informed Turkey and Ukraine" and "Russia informed Ukraine" tell one act."""
    return _listed_match(a.target, a.co_targets, b.target, b.co_targets)


def _listed_match(x: Actor, x_others: list[Actor], y: Actor, y_others: list[Actor]) -> float:
    """actor_match of x and y, else 1.0 when either is among the other's listed fellows."""
    direct = actor_match(x, y)
    if direct or not (x_others or y_others):
        return direct
    listed_x, listed_y = _listed_keys(x, x_others), _listed_keys(y, y_others)
    return 1.0 if actor_key(x) in listed_y or actor_key(y) in listed_x else 0.0


@dataclass(frozen=True)
class ActorFit:
    level: float  # 1.0 same ids throughout, lower when kin or a target is missing
    mode: str  # "pair", "swapped", "subject" (both targetless), "partial" (one target missing)


def fit_actors(a: Claim, b: Claim) -> ActorFit | None:
    # A mutual relation has no direction, so either side's symmetry lets the pair swap.
    symmetric = sg.is_symmetric(a.stance) or sg.is_symmetric(b.stance)
    same_subject = subject_match(a, b)
    if a.target and b.target:
        direct = min(same_subject, target_match(a, b))
        swapped = 0.0
        if symmetric:
            swapped = min(_listed_match(a.subject, a.co_subjects, b.target, b.co_targets),
                          _listed_match(a.target, a.co_targets, b.subject, b.co_subjects))
        if max(direct, swapped) == 0.0:
            return None
        return ActorFit(direct, "pair") if direct >= swapped else ActorFit(swapped, "swapped")
    if a.target is None and b.target is None:
        return ActorFit(same_subject, "subject") if same_subject else None
    with_target = a if a.target else b
    without = b if a.target else a
    level = same_subject
    if symmetric:
        level = max(level, actor_match(without.subject, with_target.target))
    return ActorFit(level * 0.6, "partial") if level else None


# ---------------------------------------------------------------- judging one pair

@dataclass(frozen=True)
class Candidate:
    relation: str
    i: int
    j: int
    score: float
    why: str


def _words(text: str, stop: frozenset[str] | None = None) -> frozenset[str]:
    if stop is None:
        stop = cue("comparison_stopwords")  # "the", "said": words that say nothing of the claim
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in stop and len(w) > 2)


def _stance_text(claim: Claim) -> str:
    return ("not " if claim.polarity == "negative" else "") + claim.stance


def _family_text(claim: Claim) -> str:
    return ("negated " if claim.polarity == "negative" else "") + claim.family


def _actors_text(a: Claim, fit: ActorFit) -> str:
    subject = actor_key(a.subject)
    target = actor_key(a.target) if a.target else None
    kin = " (kin names)" if fit.level < 1.0 and fit.mode in ("pair", "swapped", "subject") else ""
    if fit.mode == "subject":
        return f"same actor {subject}, no target{kin}"
    if fit.mode == "partial":
        return f"same actor {subject}, target on one side only"
    return f"same actors {subject}-{target}{kin}"


def _time_text(kind: str, a: Claim, b: Claim, window_days: int) -> str:
    if kind == "overlap":
        return "times overlap"
    if kind == "window":
        return f"times overlap within {window_days} days of publication"
    if kind == "later":
        return f"{format_span(a.when)} vs {format_span(b.when)} (after the article's date)"
    if kind == "undated":
        return "both undated" if a.when is None and b.when is None else "undated on one side"
    if kind == "ongoing":
        return (f"both as things stood when written ({format_span(a.when)} vs "
                f"{format_span(b.when)}): taken as ongoing")
    return f"{format_span(a.when)} vs {format_span(b.when)}"


# How alike an act denied and an act affirmed must be to contradict each other: the same
# act or its synonym (stance_groups.similarity "head" and above), not merely its class
# ("no one was killed" denies no strike). A state denied contradicts whatever of its class
# holds ("no cooperation" / "warm relations", "reached a deal").
NEGATED_ACT_LIKENESS = 0.7


def _negation_likeness(a: Claim, b: Claim) -> float:
    denied = a if a.polarity == "negative" else b
    return 0.6 if sg.is_state(denied.stance) else NEGATED_ACT_LIKENESS


def _stance_verdict(a: Claim, b: Claim, fit: ActorFit, similarity=sg.similarity,
                    opposition=sg.opposition) -> tuple[str, float, str] | None:
    """("same" or "opposite", strength 0..1, reason) for the two stances, or None.
    `similarity` and `opposition` are stance_groups' (judging.Judge passes them remembered)."""
    if a.family == b.family and a.polarity == b.polarity:
        strength, kind = similarity(a.stance, b.stance)
        # Neutral acts (visit, deploy, say) only agree when they are the same act;
        # a missing target is only forgiven when the act itself is the same.
        if a.family == "neutral" and strength < 0.7:
            return None
        if fit.mode == "partial" and strength < 0.9:
            return None
        both = f"both {_family_text(a)}"
        if kind == "same":
            return "same", strength, f"{both} ({a.stance})"
        if kind == "synonym":
            return "same", strength, f"{both} ({a.stance} ~ {b.stance})"
        if kind in ("head", "class"):
            return "same", strength, f"{both}, similar acts ({a.stance} / {b.stance})"
        return "same", strength, f"{both}, different acts ({a.stance} / {b.stance})"
    if "neutral" in (a.family, b.family) or fit.level < 1.0 or fit.mode == "partial":
        return None
    return _opposed_verdict(a, b, fit, similarity, opposition)


def _opposed_verdict(a: Claim, b: Claim, fit: ActorFit, similarity, opposition) -> tuple[str, float, str] | None:
    """_stance_verdict for two claims of other families or polarities."""
    pair = f"({_stance_text(a)} vs {_stance_text(b)})"
    if a.family == b.family:
        strength, _ = similarity(a.stance, b.stance)
        verdict = "opposite"
    else:
        strength, _ = opposition(a.stance, b.stance, topic_a=a.topic, topic_b=b.topic,
                                 family_a=a.family, family_b=b.family)
        verdict = "opposite" if a.polarity == b.polarity else "same"
    # Without targets only the subject ties the claims: demand the same act. An act denied
    # contradicts only that act affirmed, not another of its class: "no one was killed"
    # denies no strike.
    if strength < (0.9 if fit.mode == "subject" else _negation_likeness(a, b) if a.family == b.family else 0.6):
        return None
    if verdict == "same":
        # Ruling cooperation out and there being no cooperation say one thing twice;
        # only a direct opposition ("reject cooperation" / "not cooperate") reads so.
        if strength < 0.9:
            return None
        return "same", 0.8 * strength, f"{_family_text(a)} ~ {_family_text(b)} {pair}"
    return "opposite", strength, f"{_family_text(a)} vs {_family_text(b)} {pair}"


def judge(a: Claim, b: Claim, *, window_days: int = 30) -> tuple[str, float, str] | None:
    """The relation between two claims, its score 0..1 and a readable reason, or None.

    Two claims are related when their actors fit (fit_actors), their regions can be one
    place, and their stances are alike or opposed (_stance_verdict); alike stances agree
    unless their times are apart; opposed ones, both with a target (or one act affirmed and
    denied), conflict when their times can be one, else are a shifted state. With no time
    on one side only one act affirmed and denied contradicts; a hedged claim, or an act
    dated only to a long span, never does. The rule lives in judging.Judge, which many
    pairs share (it reads each claim once)."""
    from claimcmp.comparison.judging import Judge

    return Judge(window_days).judge(a, b)


def _time_closeness(kind: str, a: Claim, b: Claim) -> float:
    if kind not in ("apart", "later") or a.when is None or b.when is None:
        return _TIME_SCORE[kind]
    gap = max((b.when.start - a.when.end).days, (a.when.start - b.when.end).days, 0)
    # Claims a few weeks apart are closer accounts than claims years apart.
    return _TIME_SCORE[kind] * max(0.0, 1.0 - gap / 730)


# ---------------------------------------------------------------- whole documents

def candidates(a: list[Claim], b: list[Claim], *, window_days: int = 30) -> list[Candidate]:
    """Every related pair, best first (score, then claim order)."""
    from claimcmp.comparison.judging import Judge

    rule = Judge(window_days)
    views_a, views_b = [rule.view(c) for c in a], [rule.view(c) for c in b]
    found = []
    for i, va in enumerate(views_a):
        for j, vb in enumerate(views_b):
            verdict = rule.relate(va, vb)
            if verdict:
                found.append(Candidate(verdict[0], i, j, verdict[1], rule.explain(va, vb, verdict)))
    found.sort(key=lambda c: (-c.score, c.i, c.j))
    return found


# How many partners of each relation a claim shows, on either side. A point told twice on
# each side agrees twice, and a relation told at several times changes between each pair of
# tellings: one strong partner must not hide the others. A further agreeing partner is shown
# only when it fits nearly as well as the best of one of its two claims (AGREE_MARGIN): a
# much weaker one is mostly another act. Measured on the dev pairs (82 diffs): one partner
# each finds 0.43 of the expected agreements and 0.26 of the changes; two agreeing partners
# 0.57 (180 -> 281 agree lines; 288 with no margin, three add none); three shifted partners
# 0.53 (55 -> 115 shifted lines; two find 0.37, five 0.58 with 137).
PARTNERS = {"agree": 2, "shifted": 3}
AGREE_MARGIN = 0.1


def point(claim: Claim) -> tuple:
    """What a claim states, apart from where it is told: who, which relation, whom."""
    group = sg.read(claim.stance).group
    return (claim.subject.id if claim.subject else None, group.name if group else claim.stance,
            claim.family, claim.polarity, claim.target.id if claim.target else None)


def best_pairs(found: list[Candidate], points_a: list | None = None, points_b: list | None = None) -> list[Candidate]:
    """Each claim's best partner, and its PARTNERS best agreeing (within AGREE_MARGIN of the
    best) and shifted partners, seen from either side; a partner that repeats a point
    already shown (`points_a`, `points_b`: each claim's point) takes no further place
    ("Pakistan summons Afghan envoy" above "Pakistan summoned the Afghan envoy").

    `found` is sorted best first. A claim that is the best match of several claims on the
    other side appears in each of those pairs: when one article repeats a point, every
    repetition is lined up; weaker alternatives stay reachable with all_pairs. A claim
    contradicted by one claim may still be confirmed by another, and told otherwise at
    another time by a third: all three are shown."""
    kept: dict[tuple[int, int], Candidate] = {}
    seen: set[tuple[str, int]] = set()  # the claims whose best partner is kept
    shown: dict[tuple, set] = {}  # (relation, side, claim) -> points of the partners of that relation kept
    first: dict[tuple, float] = {}  # (relation, side, claim) -> its best partner's score
    for c in found:
        best_of_one = ("a", c.i) not in seen or ("b", c.j) not in seen
        seen |= {("a", c.i), ("b", c.j)}
        sides = [(c.relation, "a", c.i), (c.relation, "b", c.j)]
        told = {sides[0]: points_b[c.j] if points_b else c.j, sides[1]: points_a[c.i] if points_a else c.i}
        for side in sides:
            first.setdefault(side, c.score)
        # a claim's first partner of a relation always; a further agreement only when close
        close = c.relation != "agree" or any(c.score >= first[s] - AGREE_MARGIN for s in sides)
        partner = close and min(len(shown.get(s, set()) - {told[s]}) for s in sides) < PARTNERS.get(c.relation, 0)
        if partner:
            for s in sides:
                shown.setdefault(s, set()).add(told[s])
        if best_of_one or partner:
            kept.setdefault((c.i, c.j), c)
    return list(kept.values())


def compare(a: ExtractDocument, b: ExtractDocument, *, window_days: int = 30,
            all_pairs: bool = False) -> DiffDocument:
    """Line up the claims of two articles (design/claims.md, "Output documents").

    `pairs` holds each claim's best pair (see best_pairs); with `all_pairs` every related
    pair is reported. Claims related to nothing on the other side are only_a / only_b."""
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    found = candidates(a.claims, b.claims, window_days=window_days)
    chosen = found if all_pairs else best_pairs(found, [point(c) for c in a.claims], [point(c) for c in b.claims])
    chosen = sorted(chosen, key=lambda c: (
        _RELATION_ORDER[c.relation], -c.score, a.claims[c.i].start, b.claims[c.j].start, c.i, c.j))
    pairs = [Pair(relation=c.relation, a=a.claims[c.i], b=b.claims[c.j], score=c.score, why=c.why)
             for c in chosen]
    in_a = {c.i for c in chosen}
    in_b = {c.j for c in chosen}
    return DiffDocument(
        schema=SCHEMA, a=a.article, b=b.article, pairs=pairs,
        only_a=_in_order([c for i, c in enumerate(a.claims) if i not in in_a]),
        only_b=_in_order([c for j, c in enumerate(b.claims) if j not in in_b]),
    )


def _in_order(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.start, c.end))
