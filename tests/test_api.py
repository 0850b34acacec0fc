"""claimcmp.extract and claimcmp.compare: the CLI's results from Python."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import claimcmp
from claimcmp.cli.main import app
from claimcmp.errors import InputError, UsageError
from claimcmp.models import DiffDocument, ExtractDocument, dump
from overlay_data import A_TEXT, write_overlay

AFFIRMED = "Russia attacked Ukraine on Monday."
DENIED = "Russia did not attack Ukraine on Monday."


def test_extract_takes_texts_and_records_in_order():
    docs = claimcmp.extract([AFFIRMED, {"text": DENIED, "id": "denial", "title": "A denial"}], date="2024-03-05")
    assert all(isinstance(d, ExtractDocument) for d in docs)
    assert [d.article.id for d in docs] == ["text-1", "denial"]
    assert docs[1].article.title == "A denial"
    assert [(c.stance, c.polarity) for d in docs for c in d.claims] == [("attack", "positive"), ("attack", "negative")]
    assert docs[0].claims[0].when.start.isoformat() == "2024-03-04"


def test_extract_of_one_text_gives_what_the_cli_gives(tmp_path):
    (tmp_path / "text-1.txt").write_text(AFFIRMED + "\n")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "text-1.txt"), "-f", "json", "--date", "2024-03-05"])
    assert result.exit_code == 0, result.stderr
    (doc,) = claimcmp.extract(AFFIRMED + "\n", date="2024-03-05")
    assert dump(doc) == json.loads(result.stdout)


def test_compare_takes_documents_or_texts():
    diff = claimcmp.compare(AFFIRMED, DENIED, date="2024-03-05")
    assert isinstance(diff, DiffDocument)
    assert (diff.a.id, diff.b.id) == ("text-1", "text-2")
    assert [p.relation for p in diff.pairs] == ["conflict"]
    a, b = claimcmp.extract([AFFIRMED, DENIED], date="2024-03-05")
    assert claimcmp.compare(a, b) == diff


def test_extract_reads_an_overlay(tmp_path):
    overlay = write_overlay(tmp_path / "overlay")
    (plain,) = claimcmp.extract(A_TEXT, date="2024-03-04")
    (extended,) = claimcmp.extract(A_TEXT, date="2024-03-04", resources=overlay)
    assert "excommunicate" not in [c.stance for c in plain.claims]
    assert [c.stance for c in extended.claims] == ["excommunicate"]


def test_a_bad_record_or_date_raises():
    with pytest.raises(InputError, match=r'record has no "text" field \(texts\[0\]\)'):
        claimcmp.extract([{"title": "no text"}])
    with pytest.raises(UsageError, match="invalid date 'soon': expected YYYY-MM-DD"):
        claimcmp.extract(AFFIRMED, date="soon")


def test_extract_reads_a_place_from_the_overlay(tmp_path):
    (tmp_path / "places_curated.jsonl").write_text(
        '{"name": "Strelsau", "kind": "city", "country": "FRA", "aliases": ["Strelsau"]}\n')
    text = "Russia attacked Ukraine in Strelsau on Monday."
    (plain,) = claimcmp.extract(text, date="2024-03-05")
    (placed,) = claimcmp.extract(text, date="2024-03-05", resources=tmp_path)
    assert [c.regions for c in plain.claims] == [[]]
    assert [[r.model_dump() for r in c.regions] for c in placed.claims] == [
        [{"name": "Strelsau", "kind": "city", "country": "FRA"}]]
