"""Scoring against gold claims, with exactly the matching rules of design/annotation.md.

Kept in step with the reference scorer (shared/tools/score.py): same inputs give the same
figures, which tests/test_evaluation.py checks.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

WORD = re.compile(r"\w+", re.UNICODE)
SLOTS = ("regions", "when", "attribution", "modality")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")]


def covers(sentence: str, evidence: str) -> bool:
    """A system sentence stands for gold evidence: 80% of its words, and not a sprawling block."""
    ev, se = words(evidence), words(sentence)
    if not ev or not se:
        return False
    seen = set(se)
    hit = sum(1 for w in ev if w in seen) / len(ev)
    return hit >= 0.8 and len(se) <= max(80, 3 * len(ev))


def actor_ids(actor: dict | None) -> set[str]:
    if not actor:
        return set()
    return {i.upper() for i in (actor.get("id"), actor.get("country")) if i}


def _day(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def when_ok(gold: dict | None, system: dict | None) -> bool:
    if not gold:
        return system is None or system.get("source") == "article"
    if not system:
        return False
    gs, ge, ss, se = (_day(gold.get("start")), _day(gold.get("end")),
                      _day(system.get("start")), _day(system.get("end")))
    if not all((gs, ge, ss, se)) or se < gs or ss > ge:
        return False
    return (se - ss).days <= 4 * (ge - gs).days + 2


def core_match(gold: dict, claim: dict) -> bool:
    if not covers(claim.get("sentence", ""), gold["evidence"]):
        return False
    if claim.get("family") != gold["family"] or claim.get("polarity") != gold["polarity"]:
        return False
    subj, targ = actor_ids(claim.get("subject")), actor_ids(claim.get("target"))
    gsub, gtar = set(gold["subject"]), set(gold["target"] or [])
    straight = bool(subj & gsub) and (not gtar or bool(targ & gtar))
    swapped = gold.get("symmetric") and gtar and bool(subj & gtar) and bool(targ & gsub)
    return bool(straight or swapped)


def slot_scores(gold: dict, claim: dict) -> dict[str, bool]:
    regions = {r.get("country") for r in claim.get("regions") or [] if r.get("country")}
    attribution = actor_ids(claim.get("attribution"))
    gattr = gold.get("attribution")
    return {
        "regions": regions == set(gold.get("regions") or []),
        "when": when_ok(gold.get("when"), claim.get("when")),
        "attribution": (not attribution) if gattr is None else gattr in attribution,
        "modality": claim.get("modality") == gold.get("modality"),
    }


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold files by article id (pairs.json is not a gold claims file)."""
    out = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        if path.name == "pairs.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[gold["article"]] = gold
    return out


def score_claims(gold: dict[str, dict], system: dict[str, list[dict]]) -> dict:
    """gold: article id -> gold file; system: article id -> claim dicts (output order)."""
    totals = {"gold": 0, "system": 0, "matched": 0}
    slots = dict.fromkeys(SLOTS, 0)
    per_article, missing = {}, []
    for art, gold_file in gold.items():
        if art not in system:
            missing.append(art)
        claims = system.get(art, [])
        used: set[int] = set()
        matched = 0
        for g in gold_file["claims"]:
            for i, claim in enumerate(claims):
                if i not in used and core_match(g, claim):
                    used.add(i)
                    matched += 1
                    for key, ok in slot_scores(g, claim).items():
                        slots[key] += ok
                    break
        per_article[art] = {"gold": len(gold_file["claims"]), "system": len(claims), "matched": matched}
        totals["gold"] += len(gold_file["claims"])
        totals["system"] += len(claims)
        totals["matched"] += matched
    p = totals["matched"] / totals["system"] if totals["system"] else 0.0
    r = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    m = totals["matched"] or 1
    return {
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
        **{f"{k}_accuracy": round(v / m, 3) for k, v in slots.items()},
        **totals, "missing_output": missing, "articles": per_article,
    }


def score_pairs(pairs: list[dict], diffs: dict[tuple[str, str], list[dict]]) -> dict:
    """pairs: the gold pairs.json list; diffs: (a id, b id) -> the diff's pair dicts."""
    found = {"agree": [0, 0], "conflict": [0, 0], "shifted": [0, 0]}
    sys_conflicts = sys_conflicts_ok = 0
    missing = []
    for pair in pairs:
        key = (pair["a"], pair["b"])
        if key not in diffs:
            missing.append(f"{pair['a']}__{pair['b']}.json")
        got = diffs.get(key, [])
        for line in pair["expect"]:
            rel = line["relation"]
            found[rel][1] += 1
            if any(p.get("relation") == rel and covers(p["a"].get("sentence", ""), line["a_evidence"])
                   and covers(p["b"].get("sentence", ""), line["b_evidence"]) for p in got):
                found[rel][0] += 1
        for p in got:
            if p.get("relation") != "conflict":
                continue
            sys_conflicts += 1
            sys_conflicts_ok += any(covers(p["a"].get("sentence", ""), line["a_evidence"])
                                    and covers(p["b"].get("sentence", ""), line["b_evidence"])
                                    for line in pair["expect"])
    out: dict = {f"{k}_recall": round(v[0] / v[1], 3) if v[1] else None for k, v in found.items()}
    out.update({f"{k}_expected": v[1] for k, v in found.items()})
    out["conflict_precision"] = round(sys_conflicts_ok / sys_conflicts, 3) if sys_conflicts else None
    out["system_conflicts"] = sys_conflicts
    out["missing_output"] = missing
    return out
