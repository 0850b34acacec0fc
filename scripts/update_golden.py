"""Regenerate the golden extract of a seed and the exported JSON Schemas.

    python scripts/update_golden.py

Run it after a deliberate change to extraction or to the models, and review the diff:
tests/test_golden.py and tests/test_schema.py compare against these files.
"""
from __future__ import annotations

import json
from pathlib import Path

from claimcmp.cli.schema import DOCUMENTS, json_schema
from claimcmp.core import extract_documents
from claimcmp.models import dump
from claimcmp.text.io import iter_inputs

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_SEED = "001_b916ab04b36c1af1"


def main() -> None:
    (document,) = extract_documents(iter_inputs([str(ROOT / "seeds" / f"{GOLDEN_SEED}.txt")]))
    out = ROOT / "tests" / "golden" / f"{GOLDEN_SEED}.json"
    out.write_text(json.dumps(dump(document), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in DOCUMENTS:
        path = ROOT / "docs" / "schema" / f"{name}.schema.json"
        path.write_text(json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)} and docs/schema/*.schema.json")


if __name__ == "__main__":
    main()
