"""claimcmp.evaluation must give the reference scorer's figures on the same files."""
from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

from claimcmp.evaluation import covers, load_gold, score_claims, score_pairs, when_ok

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "seeds"


def _reference():
    spec = importlib.util.spec_from_file_location("reference_score", ROOT / "tests" / "fixtures" / "reference_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _system_from_gold(seed: int) -> dict[str, list[dict]]:
    """Claims derived from the gold with random damage, so some match and some do not."""
    rng = random.Random(seed)
    out = {}
    for art, gold in load_gold(GOLD).items():
        claims = []
        for g in gold["claims"]:
            claim = {
                "sentence": g["evidence"] if rng.random() > 0.1 else "unrelated words only",
                "family": g["family"] if rng.random() > 0.15 else "neutral",
                "polarity": g["polarity"],
                "subject": {"id": g["subject"][0], "country": None},
                "target": {"id": g["target"][0], "country": None} if g["target"] else None,
                "regions": [{"country": c} for c in g["regions"]] if rng.random() > 0.3 else [],
                "when": g["when"] and {**g["when"], "source": "explicit"},
                "attribution": {"id": g["attribution"]} if g["attribution"] and rng.random() > 0.2 else None,
                "modality": g["modality"] if rng.random() > 0.3 else "asserted",
            }
            claims.append(claim)
        rng.shuffle(claims)
        out[art] = claims
    return out


def test_claim_scores_equal_reference(tmp_path):
    reference = _reference()
    for seed in range(3):
        system = _system_from_gold(seed)
        for art, claims in system.items():
            (tmp_path / f"{art}.json").write_text(json.dumps({"claims": claims}))
        expected = reference.score_claims(GOLD, tmp_path)
        assert score_claims(load_gold(GOLD), system) == expected
        assert 0 < expected["matched"] < expected["gold"]


def test_pair_scores_equal_reference(tmp_path):
    reference = _reference()
    pairs = json.loads((GOLD / "pairs.json").read_text())
    diffs = {}
    for n, pair in enumerate(pairs):
        got = [{"relation": line["relation"] if i % 3 else "agree",
                "a": {"sentence": line["a_evidence"]}, "b": {"sentence": line["b_evidence"]}}
               for i, line in enumerate(pair["expect"])]
        diffs[(pair["a"], pair["b"])] = got
        if n % 2 == 0:
            (tmp_path / f"{pair['a']}__{pair['b']}.json").write_text(json.dumps({"pairs": got}))
    on_disk = {k: v for k, v in diffs.items() if (tmp_path / f"{k[0]}__{k[1]}.json").exists()}
    assert score_pairs(pairs, on_disk) == reference.score_pairs(GOLD / "pairs.json", tmp_path)


def test_covers_and_when_rules():
    assert covers("Russia and Iran agreed to cooperate in Syria on Monday.", "Russia and Iran agreed to cooperate in Syria")
    assert not covers("Russia agreed.", "Russia and Iran agreed to cooperate in Syria")
    day = {"start": "2016-12-03", "end": "2016-12-03"}
    assert when_ok(day, {"start": "2016-12-03", "end": "2016-12-05"})
    assert not when_ok(day, {"start": "2016-12-01", "end": "2016-12-31"})
    assert when_ok(None, {"start": "2016-12-01", "end": "2016-12-01", "source": "article"})
    assert not when_ok(None, {"start": "2016-12-01", "end": "2016-12-01", "source": "explicit"})
