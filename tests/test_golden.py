"""Golden test: a seed's extract is stable byte for byte (update with scripts/update_golden.py)."""
from __future__ import annotations

import json
from pathlib import Path

from claimcmp.core import extract_documents
from claimcmp.io import iter_inputs
from claimcmp.models import dump

ROOT = Path(__file__).resolve().parents[1]
SEED = "001_b916ab04b36c1af1"


def test_seed_extract_matches_golden():
    (document,) = extract_documents(iter_inputs([str(ROOT / "seeds" / f"{SEED}.txt")]))
    expected = json.loads((ROOT / "tests" / "golden" / f"{SEED}.json").read_text(encoding="utf-8"))
    got = dump(document)
    assert got["article"] == expected["article"]
    assert [c["id"] for c in got["claims"]] == [c["id"] for c in expected["claims"]]
    assert got == expected


def test_seed_extract_has_the_headline_claim():
    (document,) = extract_documents(iter_inputs([str(ROOT / "seeds" / f"{SEED}.txt")]))
    assert document.article.published.date.isoformat() == "2016-12-09"
    assert document.article.published.source == "url"
    headline = document.claims[0]
    assert {headline.subject.id, headline.target.id} == {"RUS", "USA"}
    assert headline.family == "cooperation" and headline.polarity == "positive"
    assert [r.country for r in headline.regions] == ["SYR"]
