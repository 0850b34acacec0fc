"""What the commands show a person: help pages, table width (COLUMNS), NO_COLOR at a
terminal, and a progress bar that never shares a line with a table."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys

import pytest
from typer.testing import CliRunner

from claimcmp.cli.diff import run_diff
from claimcmp.cli.extract import run_extract
from claimcmp.cli.main import app
from claimcmp.models import Actor, Article, Claim, ExtractDocument, Published, Region, dump


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("command, usage", [
    ("extract", "Usage: claimcmp extract [OPTIONS] ARTICLE..."),
    ("diff", "Usage: claimcmp diff [OPTIONS] A B"),
    ("evaluate", "Usage: claimcmp evaluate [OPTIONS] GOLD_DIR ARTICLE..."),
    ("schema", "Usage: claimcmp schema [OPTIONS] [DOCUMENT]"),
])
def test_help_names_arguments_by_their_metavar(command, usage):
    result = run([command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == usage
    for typer_notation in ("<str>", "<list[str]>", "[[", "<int>"):
        assert typer_notation not in result.stdout, typer_notation
    assert not re.search(r"\{[A-Z_.]+\}", result.stdout)  # typer's {A} for a required argument


def test_help_lists_arguments_and_the_model_option_plainly():
    diff_help = run(["diff", "--help"]).stdout
    assert re.search(r"^  A  An article, or a document written by extract --format json\.$",
                     diff_help, re.M)
    assert "--model NAME" in diff_help
    schema_help = run(["schema", "--help"]).stdout
    assert "DOCUMENT  Which document: extract, diff, claim (a jsonl claim line) or" in schema_help
    assert "[default: extract]" in schema_help


# ---------------------------------------------------------------- width and colour


def _document(aid: str, stance: str) -> ExtractDocument:
    actor = Actor(id="PRT", name="Portugal", kind="country", country="PRT", mention="Lisbon")
    other = Actor(id="ESP", name="Spain", kind="country", country="ESP", mention="Madrid")
    sentence = (f"Lisbon said it would {stance} with Madrid over the river dams for as long as "
                "the drought lasts in the border provinces.")
    claim = Claim(id=f"{aid}1", article_id=aid, sentence=sentence, start=0, end=len(sentence),
                  subject=actor, stance=stance, family="cooperation", polarity="positive",
                  target=other, regions=[Region(name="Tagus", kind="area", country="PRT")],
                  modality="predicted")
    article = Article(id=aid, title=f"Dams {aid}", sha256="0" * 64,
                      published=Published(date=dt.date(2023, 8, 1), source="metadata"))
    return ExtractDocument(article=article, claims=[claim])


@pytest.fixture
def documents(tmp_path):
    for aid, stance in (("a", "cooperate"), ("b", "negotiate")):
        (tmp_path / f"{aid}.json").write_text(json.dumps(dump(_document(aid, stance))))
    return tmp_path


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_tables_are_laid_out_for_columns_when_piped(documents, columns):
    result = run(["diff", documents / "a.json", documents / "b.json", "-f", "table"],
                 env={"COLUMNS": str(columns), "NO_COLOR": None})
    assert result.exit_code == 0, result.stderr
    widths = [len(line) for line in result.stdout.splitlines()]
    assert max(widths) == columns  # the pairs table spans the width, nothing goes past it
    assert "[predicted]" in result.stdout


def test_without_columns_a_piped_table_keeps_its_default_width(documents):
    result = run(["diff", documents / "a.json", documents / "b.json", "-f", "table"],
                 env={"COLUMNS": None, "NO_COLOR": None})
    assert max(len(line) for line in result.stdout.splitlines()) == 100


def _diff_at_terminal(documents, monkeypatch) -> str:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("COLUMNS", "100")
    code = run_diff(str(documents / "a.json"), str(documents / "b.json"), fmt=None, window=30,
                    all_pairs=False, exit_code=False, out=None, date=None, model=None)
    assert code == 0
    return terminal.getvalue()


def test_no_color_at_a_terminal_keeps_the_table_without_colour(documents, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    shown = _diff_at_terminal(documents, monkeypatch)
    assert "Only in A (0): none" in shown and "┏" in shown
    assert "\x1b[" not in shown


def test_a_terminal_without_no_color_gets_colour(documents, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    shown = _diff_at_terminal(documents, monkeypatch)
    assert "Only in A (0): none" in shown and "\x1b[" in shown


# ---------------------------------------------------------------- progress bar


def _screen(output: str) -> list[str]:
    """What a terminal shows after `output`: text, CR, LF, erase line, cursor up; other
    escape sequences (colour, cursor visibility) change nothing visible here."""
    lines, row, col = [""], 0, 0
    for token in re.findall(r"\x1b\[[0-9;?]*[A-Za-z]|\r|\n|[^\x1b\r\n]+", output):
        if token == "\n":
            row, col = row + 1, 0
            lines += [""] * (row + 1 - len(lines))
        elif token == "\r":
            col = 0
        elif token.startswith("\x1b["):
            arg, code = token[2:-1], token[-1]
            if code == "A":
                row = max(0, row - int(arg or 1))
            elif code == "K":
                lines[row] = "" if arg == "2" else lines[row][:col]
        else:
            line = lines[row].ljust(col)
            lines[row] = line[:col] + token + line[col + len(token):]
            col += len(token)
    return lines


def test_screen_emulation_handles_what_rich_writes():
    assert _screen("bar 1\r\x1b[2Kbar 2\ntext") == ["bar 2", "text"]
    assert _screen("a\nb\x1b[1A\r\x1b[2Kc") == ["c", "b"]


def test_tables_never_share_a_line_with_the_progress_bar(tmp_path, monkeypatch):
    for name, text in (("first", "Portugal agreed to cooperate with Spain on the dams.\n"),
                       ("second", "Chile accused Peru of blocking the port of Arica.\n")):
        (tmp_path / f"{name}.txt").write_text(text)
    terminal = FakeTerminal()  # stdout and stderr on one terminal, as in a shell
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    code = run_extract([str(tmp_path / "first.txt"), str(tmp_path / "second.txt")], fmt="table",
                       out=None, date=None, model=None, with_articles=False, quiet=False)
    assert code == 0
    screen = _screen(terminal.getvalue())
    assert not any("extracting" in line for line in screen), screen
    titles = [line for line in screen if " — undated — " in line]
    assert [t.split(" — ")[0] for t in titles] == ["first", "second"]


def test_evaluate_table_shows_article_ids_as_written(capsys, monkeypatch):
    from claimcmp.cli.evaluate import _print_table

    monkeypatch.setenv("COLUMNS", "100")
    _print_table({"f1": 0.5, "articles": {"[draft]_01": {"gold": 1, "system": 1, "matched": 1}},
                  "missing_output": ["[b]notes[/b]"]})
    shown = capsys.readouterr().out
    assert "[draft]_01" in shown and "no output for: [b]notes[/b]" in shown
