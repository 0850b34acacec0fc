"""The exported JSON Schemas match the models, and real output validates against them."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from claimcmp.cli.schema import DOCUMENTS, json_schema
from claimcmp.core import extract_documents
from claimcmp.io import iter_inputs
from claimcmp.models import SCHEMA, dump

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_exported_schema_is_current(name):
    committed = json.loads((ROOT / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(name), "run scripts/update_golden.py and review the change"


def test_contract_field_names():
    schema = json_schema("extract")
    claim = schema["$defs"]["Claim"]["properties"]
    for field in ("id", "article_id", "sentence", "start", "end", "subject", "stance", "family", "polarity",
                  "target", "topic", "regions", "when", "modality", "attribution", "quote", "confidence"):
        assert field in claim
    article = schema["$defs"]["Article"]["properties"]
    for field in ("id", "title", "source", "author", "url", "published", "sha256", "language"):
        assert field in article
    assert set(schema["properties"]) == {"schema", "article", "claims"}


def test_seed_output_validates():
    schema = json_schema("extract")
    for document in extract_documents(iter_inputs([str(ROOT / "seeds")])):
        data = dump(document)
        assert data["schema"] == SCHEMA
        jsonschema.validate(data, schema)
        for claim in data["claims"]:
            assert claim["family"] in {"cooperation", "conflict", "neutral"}
            assert claim["sentence"] == data["claims"][0]["sentence"] or claim["start"] < claim["end"]
