"""`claimcmp compare`: documents in, a compare document (json, jsonl, html, table) out;
bad input is one line on stderr with the documented exit code."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcmp.cli.main import app
from claimcmp.cli.schema import json_schema
from claimcmp.models import dump
from compare_fixtures import story, write_documents

ROOT = Path(__file__).resolve().parent.parent


def run(args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def docs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    write_documents(tmp_path, story())
    (tmp_path / "all.json").write_text(json.dumps([dump(d) for d in story()]), encoding="utf-8")
    return ["alpha1.json", "beta1.json", "gamma1.json", "delta1.json"]


def test_json_is_the_compare_document_and_valid_against_its_schema(docs):
    result = run(["compare", *docs, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, json_schema("compare"))
    assert (doc["schema"], doc["kind"]) == ("claimcmp/1", "compare")
    assert [a["id"] for a in doc["articles"]] == ["alpha1", "beta1", "gamma1", "delta1"]
    first = doc["groups"][0]
    assert first["contested"] is True
    assert [(m["article_id"], m["source"], m["relation"]) for m in first["members"]] == [
        ("alpha1", "Daily Alpha", "agree"), ("beta1", "Beta Times", "agree"), ("gamma1", "Gamma <Post>", "conflict"),
        ("delta1", "Delta News", "shifted")]


def test_piped_output_defaults_to_json_and_is_the_same_bytes_every_run(docs):
    first, again = run(["compare", *docs]), run(["compare", *docs])
    assert first.stdout == again.stdout
    assert json.loads(first.stdout)["kind"] == "compare"


def test_an_array_of_extract_documents_reads_like_the_files_one_by_one(docs):
    assert run(["compare", "all.json", "-f", "json"]).stdout == run(["compare", *docs, "-f", "json"]).stdout


def test_a_folder_of_extract_documents_reads_like_its_files_in_order(docs, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    for name in sorted(docs):  # the folder's order: sorted by name
        (folder / name).write_bytes((tmp_path / name).read_bytes())
    result = run(["compare", "documents", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == run(["compare", *sorted(docs), "-f", "json"]).stdout


def test_jsonl_is_one_group_a_line(docs):
    groups = json.loads(run(["compare", *docs, "-f", "json"]).stdout)["groups"]
    lines = run(["compare", *docs, "-f", "jsonl"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == groups


def test_source_from_url_names_outlets_by_host(docs):
    doc = json.loads(run(["compare", *docs, "-f", "json", "--source-from", "url"]).stdout)
    outlets = {m["article_id"]: m["source"] for g in doc["groups"] for m in g["members"]}
    assert outlets == {"alpha1": "alpha.example", "beta1": "beta.example", "gamma1": None, "delta1": None}


def test_table_is_the_matrix(docs):
    result = run(["compare", *docs, "-f", "table"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "4 articles, 4 outlets, 2 claim groups: 1 contested, 1 told by several outlets"
    assert "RUS cooperate USA (SYR, 9 Dec 2016)" in lines[3]
    assert lines[-1] == "✓ asserts   ✗ contradicts   ◀ earlier state   ▶ later state   · silent"


def test_timeline_of_chosen_actors(docs):
    result = run(["compare", *docs, "--timeline", "--actors", "rus,usa"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "RUS – USA   9 Dec 2016 … 1 Jun 2017"
    assert [line.split()[0] for line in lines[1:5]] == ["Daily", "Beta", "Gamma", "Delta"]
    assert "FRA" not in result.stdout


def test_html_is_one_self_contained_escaped_page(docs):
    result = run(["compare", *docs, "-f", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for fetch in ("<script", "<link", "src=", "@import", "url(", "http://", "https://"):
        assert fetch not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Gamma &lt;Post&gt;" in page and "Gamma <Post>" not in page
    assert "on [bold]Friday[/bold] &amp; never will." in page
    assert page.count("<svg") == 2


@pytest.mark.parametrize("args, code, stderr", [
    (["missing.json", "alpha1.json"], 1, ["Error: no such file (missing.json)"]),
    (["alpha1.json", "-f", "xml"], 2, ["Error: invalid --format 'xml': choose one of table, json, jsonl, html"]),
    (["alpha1.json", "--source-from", "byline"], 2,
     ["Error: invalid --source-from 'byline': choose one of field, url"]),
    (["alpha1.json", "--timeline", "-f", "json"], 2,
     ["Error: --timeline is a terminal view: use it with --format table (html always has one)"]),
    (["alpha1.json", "--window", "-1"], 2,
     ["Error: Invalid value for '--window': Input should be greater than or equal to 0 "
      "(see 'claimcmp compare --help')"]),
    (["alpha1.json", "--colour"], 2, ["Error: No such option: --colour (see 'claimcmp compare --help')"]),
    (["alpha1.json", "bad-schema.json"], 1, ["Error: unsupported schema 'claimcmp/0' (expected 'claimcmp/1') "
                                             "(bad-schema.json)"]),
    (["alpha1.json", "bad-claim.json"], 1,
     ["Error: invalid extract document: claims.0.family: input should be 'cooperation', 'conflict' or "
      "'neutral' (bad-claim.json)"]),
    (["alpha1.json", "alpha1.json"], 0,
     ["Warning: two inputs have the same article id; their claims are told apart by claim id only (alpha1)"]),
])
def test_bad_input_is_one_line_with_its_exit_code(docs, tmp_path, args, code, stderr):
    alpha = json.loads((tmp_path / "alpha1.json").read_text())
    (tmp_path / "bad-schema.json").write_text(json.dumps({**alpha, "schema": "claimcmp/0"}))
    alpha["claims"][0]["family"] = "friendly"
    (tmp_path / "bad-claim.json").write_text(json.dumps(alpha))
    result = run(["compare", *args])
    assert result.stderr.splitlines() == stderr
    assert result.exit_code == code
    if code == 2:
        assert result.stdout == ""
    else:  # the other inputs are still compared, and the document is whole
        assert json.loads(result.stdout)["articles"][0]["id"] == "alpha1"


def test_an_unwritable_out_fails_before_any_work(docs):
    result = run(["compare", *docs, "-o", "."])
    assert (result.exit_code, result.stderr.strip()) == (2, "Error: cannot write --out file (it is a folder) (.)")


def test_articles_are_extracted_when_not_documents_in_input_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.txt").write_text("Turkey accused Greece of violating its airspace on Monday.\n")
    (tmp_path / "two.txt").write_text("Greece accused Turkey of violating its airspace on Monday.\n")
    write_documents(tmp_path, story()[:1])
    result = run(["compare", "one.txt", "alpha1.json", "two.txt", "-f", "json", "--date", "2020-03-02"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [a["id"] for a in doc["articles"]] == ["one", "alpha1", "two"]
    assert [a["published"]["source"] for a in doc["articles"]] == ["cli", "metadata", "cli"]
    assert any(m["article_id"] == "one" for g in doc["groups"] for m in g["members"]), \
        "the extractor found no claim in the sentence"


def test_docs_schema_file_is_current():
    committed = json.loads((ROOT / "docs" / "schema" / "compare.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema("compare")
