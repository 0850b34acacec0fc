"""`claimcmp diff` basics: documents in, a diff document out, --exit-code, no spaCy needed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcmp.cli.main import app

A_TEXT = ("Russia accused Ukraine of shelling Donetsk on Monday.\n\n"
          "Turkey agreed to cooperate with Iran in Syria, the ministry said.\n")
B_TEXT = "Ukraine accused Russia of shelling Kharkiv on Tuesday.\n"


def run(args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """a.json and b.json written by extract; flipped.json is a.json with every claim's
    polarity reversed: same actors, place and time, so each pair is a conflict."""
    folder = tmp_path_factory.mktemp("diff")
    (folder / "a.txt").write_text(A_TEXT)
    (folder / "b.txt").write_text(B_TEXT)
    for name in ("a", "b"):
        result = run(["extract", folder / f"{name}.txt", "-f", "json", "--date", "2016-12-09",
                      "-o", folder / f"{name}.json"])
        assert result.exit_code == 0, result.stderr
    flipped = json.loads((folder / "a.json").read_text())
    flipped["article"]["id"] = "flipped"
    for claim in flipped["claims"]:
        claim["article_id"] = "flipped"
        claim["id"] = "f" + claim["id"][1:]
        claim["polarity"] = "negative" if claim["polarity"] == "positive" else "positive"
    assert flipped["claims"], "the extractor found no claim in A_TEXT"
    (folder / "flipped.json").write_text(json.dumps(flipped))
    return folder


def test_diff_of_two_documents_is_a_json_document(documents):
    result = run(["diff", documents / "a.json", documents / "b.json", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    diff = json.loads(result.stdout)
    assert set(diff) >= {"schema", "a", "b", "pairs", "only_a", "only_b"}
    assert diff["schema"] == "claimcmp/1"
    assert diff["a"]["id"] == "a" and diff["b"]["id"] == "b"


def test_diff_defaults_to_json_when_piped(documents):
    result = run(["diff", documents / "a.json", documents / "b.json"])
    assert result.exit_code == 0
    assert set(json.loads(result.stdout)) >= {"pairs", "only_a", "only_b"}


def test_diff_of_articles_extracts_them(documents):
    result = run(["diff", documents / "a.txt", documents / "b.json", "-f", "json", "--date", "2016-12-09"])
    assert result.exit_code == 0, result.stderr
    from_text = json.loads(result.stdout)
    from_docs = json.loads(run(["diff", documents / "a.json", documents / "b.json", "-f", "json"]).stdout)
    assert from_text == from_docs


def test_exit_code_reports_conflicts(documents):
    conflicting = run(["diff", documents / "a.json", documents / "flipped.json", "-f", "json"])
    assert conflicting.exit_code == 0  # without --exit-code, conflicts are data, not failure
    pairs = json.loads(conflicting.stdout)["pairs"]
    assert any(p["relation"] == "conflict" for p in pairs)
    flagged = run(["diff", documents / "a.json", documents / "flipped.json", "-f", "json", "--exit-code"])
    assert flagged.exit_code == 1
    assert flagged.stdout == conflicting.stdout and flagged.stderr == ""
    same = run(["diff", documents / "a.json", documents / "a.json", "-f", "json", "--exit-code"])
    assert same.exit_code == 0
    assert not any(p["relation"] == "conflict" for p in json.loads(same.stdout)["pairs"])


def test_table_when_piped_is_plain(documents, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = run(["diff", documents / "a.json", documents / "flipped.json", "-f", "table"])
    assert result.exit_code == 0 and result.stdout.strip()
    assert "\x1b[" not in result.stdout


def test_diff_of_two_documents_does_not_import_spacy(documents):
    code = f"""
import sys
from claimcmp.cli.main import app
try:
    app(["diff", {str(documents / "a.json")!r}, {str(documents / "b.json")!r}, "-f", "json",
         "-o", {str(documents / "out.json")!r}])
except SystemExit as done:
    assert done.code in (0, None), done.code
assert "spacy" not in sys.modules, "spacy was imported"
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert set(json.loads(Path(documents / "out.json").read_text())) >= {"pairs", "only_a", "only_b"}


def test_an_invalid_extract_document_is_named(documents, tmp_path):
    broken = json.loads((documents / "a.json").read_text())
    broken["claims"][0]["family"] = "friendship"
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    result = run(["diff", tmp_path / "broken.json", documents / "b.json", "-f", "json"])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: invalid extract document: claims.0.family: ")
    assert line.endswith(f"({tmp_path / 'broken.json'})")
    assert result.stdout == ""


def test_an_undated_side_is_named_on_stderr(documents):
    undated = json.loads((documents / "b.json").read_text())
    undated["article"]["published"] = {"date": None, "source": "none"}
    for claim in undated["claims"]:
        claim["when"] = None
    (documents / "undated.json").write_text(json.dumps(undated))
    result = run(["diff", documents / "a.json", documents / "undated.json", "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: B (b) has no publication date: its claims with no time of their own conflict only where "
        "one act is affirmed and denied; give --date, or extract each article with its own --date\n")
    json.loads(result.stdout)
    quiet = run(["diff", documents / "a.json", documents / "undated.json", "-f", "json", "--quiet"])
    assert quiet.stderr == "" and quiet.stdout == result.stdout
