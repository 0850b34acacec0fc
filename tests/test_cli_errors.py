"""Bad input and bad usage: one line on stderr, the documented exit code, valid stdout.

Every case runs the real CLI in-process (typer's CliRunner, stderr kept apart) on small
files written to tmp_path; paths are relative to it, as a user would type them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from typer.testing import CliRunner

from claimcmp.cli.main import app

RUSSIA = "Russia accused Ukraine of shelling Donetsk on Monday.\n"
GERMAN = ("Russland hat der Ukraine am Montag vorgeworfen, die Stadt Donezk beschossen zu haben. "
          "Die Regierung in Kiew wies die Vorwürfe zurück und sprach von einer Provokation.\n")
CP1252 = ("Russia accused Ukraine of shelling Donetsk on Monday, the minister said, calling it "
          "a \u201cprovocation\u201d near the caf\u00e9.\n").encode("cp1252")

FILES: dict[str, bytes] = {
    "ok.txt": RUSSIA.encode(),
    "empty.txt": b"",
    "blank.txt": b"  \n\n \n",
    "binary.txt": b"\x00\x01\x02\x03binary\x00\xff" * 8,
    "undecodable.txt": bytes(range(128, 256)) * 3,
    "cp1252.txt": CP1252,
    "german.txt": GERMAN.encode(),
    "broken.json": b'{"text": ',
    "notext.json": b'{"id": "x", "title": "Hello"}',
    "norecords.json": b"[]",
    "number.json": b"42",
    "records.jsonl": (b'{"id": "r1", "text": "Russia accused Ukraine of shelling Donetsk on Monday."}\n'
                      b"not json\n"
                      b'{"id": "r3", "text": "Turkey criticized Greece on Tuesday."}\n'),
    "folder/a.txt": RUSSIA.encode(),
}


@dataclass
class Case:
    name: str
    args: list[str]
    code: int
    stderr: list[str]  # the exact lines, in order
    stdout: str = "json"  # json | jsonl | empty | text
    input: str | None = None
    check: object = field(default=None, repr=False)  # extra check on the parsed stdout


def _claims(lines):
    return [line for line in lines if "article" not in line]


CASES = [
    Case("missing file", ["extract", "missing.txt", "-f", "json"], 1,
         ["Error: no such file (missing.txt)"], check=lambda doc: doc == []),
    Case("missing among good", ["extract", "missing.txt", "ok.txt", "-f", "jsonl"], 1,
         ["Error: no such file (missing.txt)"], "jsonl",
         check=lambda lines: {c["article_id"] for c in lines} == {"ok"}),
    Case("empty file", ["extract", "empty.txt", "-f", "json"], 0,
         ["Warning: empty article (empty)"],
         check=lambda doc: doc["claims"] == [] and doc["article"]["id"] == "empty"),
    Case("blank file", ["extract", "blank.txt", "-f", "jsonl"], 0,
         ["Warning: empty article (blank)"], "jsonl", check=lambda lines: lines == []),
    Case("empty file, quiet", ["extract", "empty.txt", "-f", "json", "--quiet"], 0, []),
    Case("binary file", ["extract", "binary.txt", "-f", "json"], 1,
         ["Error: not text (binary data) (binary.txt)"], check=lambda doc: doc == []),
    Case("binary file, quiet still reports errors", ["extract", "binary.txt", "-q", "-f", "jsonl"], 1,
         ["Error: not text (binary data) (binary.txt)"], "jsonl"),
    Case("undecodable bytes", ["extract", "undecodable.txt", "-f", "json"], 1,
         ["Error: cannot decode text (tried utf-8, utf-16) (undecodable.txt)"]),
    Case("cp1252 text is decoded", ["extract", "cp1252.txt", "-f", "json"], 0,
         ["Warning: not UTF-8: decoded as cp1252 (a guess) (cp1252)"],
         check=lambda doc: "\u201cprovocation\u201d near the caf\u00e9" in doc["claims"][0]["sentence"]),
    Case("non-English text", ["extract", "german.txt", "-f", "json"], 0,
         ["Warning: language looks like 'de', not English (german)"],
         check=lambda doc: doc["article"]["language"] == "de"),
    Case("invalid JSON", ["extract", "broken.json", "-f", "json"], 1,
         ["Error: invalid JSON: Expecting value at line 1 column 10 (broken.json)"]),
    Case("record without text", ["extract", "notext.json", "-f", "json"], 1,
         ['Error: record has no "text" field (notext.json)']),
    Case("empty JSON array", ["extract", "norecords.json", "-f", "json"], 1,
         ["Error: no records (an empty JSON array) (norecords.json)"]),
    Case("JSON that is not a record", ["extract", "number.json", "-f", "json"], 1,
         ["Error: not an article: JSON holds a int, not a record (number.json)"]),
    Case("bad JSONL line named by number", ["extract", "records.jsonl", "-f", "jsonl"], 1,
         ["Error: invalid JSON: Expecting value at column 1 (records.jsonl:2)"], "jsonl",
         check=lambda lines: {c["article_id"] for c in lines} == {"r1", "r3"}),
    Case("bad JSONL line, json array", ["extract", "records.jsonl", "-f", "json"], 1,
         ["Error: invalid JSON: Expecting value at column 1 (records.jsonl:2)"],
         check=lambda doc: [d["article"]["id"] for d in doc] == ["r1", "r3"]),
    Case("stdin", ["extract", "-", "-f", "jsonl"], 0, [], "jsonl", input=RUSSIA,
         check=lambda lines: lines and all(c["article_id"] == "stdin" for c in lines)),
    Case("empty stdin", ["extract", "-", "-f", "json"], 0, ["Warning: empty article (stdin)"],
         input=""),
    Case("bad --date", ["extract", "ok.txt", "--date", "yesterday"], 2,
         ["Error: invalid --date 'yesterday': expected YYYY-MM-DD"], "empty"),
    Case("impossible --date", ["extract", "ok.txt", "--date", "2016-02-30"], 2,
         ["Error: invalid --date '2016-02-30': there is no such date"], "empty"),
    Case("bad --format", ["extract", "ok.txt", "--format", "xml"], 2,
         ["Error: invalid --format 'xml': choose one of table, json, jsonl"], "empty"),
    Case("--out in a missing folder", ["extract", "ok.txt", "-o", "nofolder/out.json"], 2,
         ["Error: cannot write --out file (no such file or directory) (nofolder/out.json)"], "empty"),
    Case("--out is a folder", ["extract", "ok.txt", "-o", "folder"], 2,
         ["Error: cannot write --out file (it is a folder) (folder)"], "empty"),
    Case("unknown option", ["extract", "ok.txt", "--colour"], 2,
         ["Error: No such option: --colour (see 'claimcmp extract --help')"], "empty"),
    Case("option missing its value", ["extract", "ok.txt", "--date"], 2,
         ["Error: Option '--date' requires an argument."], "empty"),
    Case("unknown command", ["contrast", "a", "b"], 2,
         ["Error: No such command 'contrast'. (see 'claimcmp --help')"], "empty"),
    Case("diff missing argument", ["diff", "ok.txt"], 2,
         ["Error: Missing argument 'B'. (see 'claimcmp diff --help')"], "empty"),
    Case("diff negative window", ["diff", "ok.txt", "ok.txt", "--window", "-3"], 2,
         ["Error: Invalid value for '--window': Input should be greater than or equal to 0 "
          "(see 'claimcmp diff --help')"], "empty"),
    Case("diff of a folder", ["diff", "folder", "ok.txt", "-f", "json"], 1,
         ["Error: a folder, not an article: diff compares two articles (folder)"], "empty"),
    Case("diff of a missing file", ["diff", "ok.txt", "missing.txt", "-f", "json"], 1,
         ["Error: no such file (missing.txt)"], "empty"),
    Case("diff of a binary file", ["diff", "binary.txt", "ok.txt", "-f", "json"], 1,
         ["Error: not text (binary data) (binary.txt)"], "empty"),
    Case("diff of a JSONL of two", ["diff", "records.jsonl", "ok.txt", "-f", "json"], 1,
         ["Error: invalid JSON: Expecting value at column 1 (records.jsonl:2)"], "empty"),
    Case("diff with a bad --date", ["diff", "ok.txt", "ok.txt", "--date", "2016-13-01"], 2,
         ["Error: invalid --date '2016-13-01': there is no such date"], "empty"),
]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    for name, data in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_error_cases(workdir, case: Case):
    result = CliRunner().invoke(app, case.args, input=case.input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.splitlines() == case.stderr
    assert "Traceback" not in result.stderr
    assert result.exit_code == case.code
    if case.stdout == "empty":
        assert result.stdout == ""
        return
    if case.stdout == "json":
        parsed = json.loads(result.stdout)
    else:
        parsed = [json.loads(line) for line in result.stdout.splitlines()]
        parsed = _claims(parsed)
    if case.check is not None:
        assert case.check(parsed), parsed


def test_debug_shows_the_traceback_of_an_internal_error(workdir, monkeypatch):
    import claimcmp.cli.extract as extract

    def broken(*args, **kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr(extract, "run_extract", broken)
    plain = CliRunner().invoke(app, ["extract", "ok.txt"])
    assert plain.exit_code == 1
    assert plain.stderr.splitlines() == ["Error: internal error: RuntimeError: kaput (rerun with --debug)"]
    debug = CliRunner().invoke(app, ["extract", "ok.txt", "--debug"])
    assert isinstance(debug.exception, RuntimeError)


def test_no_arguments_prints_help_not_an_error(workdir):
    result = CliRunner().invoke(app, ["extract"])
    assert result.exit_code == 2
    assert "Usage:" in result.stderr + result.stdout
    assert "Error" not in result.stderr
