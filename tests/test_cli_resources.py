"""A user extends the rules from a folder of their own (--resources), never the package."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcmp.cli.main import app
from overlay_data import A_TEXT, B_TEXT, write_overlay


def run(args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user")
    write_overlay(folder / "overlay")
    (folder / "a.txt").write_text(A_TEXT)
    (folder / "b.txt").write_text(B_TEXT)
    return folder


def extract(folder, name, *options):
    result = run(["extract", folder / f"{name}.txt", "-f", "jsonl", "--date", "2024-03-04", *options])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_reads_the_stance_verb_the_alias_and_the_term_from_the_overlay(folder):
    (claim,) = extract(folder, "a", "--resources", folder / "overlay")
    assert claim["stance"] == "ostracize" and claim["polarity"] == "positive"
    assert claim["subject"]["id"] == "RURITANIAN_LEAGUE"
    assert claim["subject"]["mention"] == "the League of Strelsau"
    assert claim["target"]["id"] == "FRA"
    assert (claim["when"]["start"], claim["when"]["text"]) == ("2019-05-01", "Since Rassendyll took office")


def test_without_the_overlay_the_package_alone_is_read(folder):
    assert all(claim["stance"] != "ostracize" for claim in extract(folder, "a"))


def test_the_environment_variable_names_the_overlay(folder, monkeypatch):
    monkeypatch.setenv("CLAIMCMP_RESOURCES", str(folder / "overlay"))
    (claim,) = extract(folder, "a")
    assert claim["stance"] == "ostracize"


def test_diff_sees_the_new_verb_conflict_through_the_overlay_groups(folder):
    for name in ("a", "b"):
        result = run(["extract", folder / f"{name}.txt", "-f", "json", "--date", "2024-03-04",
                      "--resources", folder / "overlay", "-o", folder / f"{name}.json"])
        assert result.exit_code == 0, result.stderr
    with_overlay = run(["diff", folder / "a.json", folder / "b.json", "-f", "json", "--resources", folder / "overlay"])
    assert with_overlay.exit_code == 0, with_overlay.stderr
    (pair,) = json.loads(with_overlay.stdout)["pairs"]
    assert pair["relation"] == "conflict"
    assert "(ostracize vs not shun)" in pair["why"]
    without = run(["diff", folder / "a.json", folder / "b.json", "-f", "json"])
    assert json.loads(without.stdout)["pairs"] == []


def test_diff_of_two_articles_extracts_both_with_the_overlay(folder):
    result = run(["diff", folder / "a.txt", folder / "b.txt", "-f", "json", "--date", "2024-03-04",
                  "--resources", folder / "overlay"])
    assert result.exit_code == 0, result.stderr
    assert [p["relation"] for p in json.loads(result.stdout)["pairs"]] == ["conflict"]


def test_a_missing_overlay_folder_is_a_usage_error(folder):
    result = run(["extract", folder / "a.txt", "--resources", folder / "nowhere"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"Error: resources folder not found: {folder / 'nowhere'} "
                             "(--resources / $CLAIMCMP_RESOURCES)\n")


def test_a_bad_overlay_line_is_named_before_any_extraction(folder):
    bad = folder / "bad"
    bad.mkdir()
    (bad / "leaders.jsonl").write_text('{"id": "x", "name": "X", "country": "FRA", "aliases": ["X"]}\n{oops\n')
    result = run(["extract", folder / "a.txt", "--resources", bad])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: invalid JSON: Expecting property name enclosed in double quotes "
                                    f"({bad / 'leaders.jsonl'}:2)")
