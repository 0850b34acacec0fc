"""The bad-input matrix, part two (issue 12): stdin read like files, decoding that says
what it did, distinct ids, --out that never loses or corrupts data, interrupted runs.

Each CLI case runs the real CLI in-process on files written to tmp_path and asserts the
exact lines on stderr, the exit code and what a user would find on stdout or on disk.
"""
from __future__ import annotations

import json
import os
import signal
import stat
import threading

import pytest
from typer.testing import CliRunner

from claimcmp.cli.main import app

RUSSIA = "Russia accused Ukraine of shelling Donetsk on Monday.\n"
TURKEY = "Turkey criticized Greece over the new border fence on Tuesday.\n"


def run(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "ok.txt").write_text(RUSSIA)
    return tmp_path


# --- stdin follows the rules of files ----------------------------------------------------


def test_deeply_nested_json_on_stdin_is_an_error_as_in_a_file(workdir):
    bomb = "[" * 100_000 + "]" * 100_000
    result = run("extract", "-", "-f", "json", input=bomb)
    assert result.stderr.splitlines() == ["Error: invalid JSON: nested too deeply (stdin)"]
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_jsonl_on_stdin_with_one_bad_line_keeps_the_good_lines(workdir):
    records = (json.dumps({"id": "r1", "text": RUSSIA}) + "\n" + "not json\n"
               + json.dumps({"id": "r3", "text": TURKEY}) + "\n")
    result = run("extract", "-", "-f", "jsonl", "--articles", input=records)
    assert result.stderr.splitlines() == ["Error: invalid JSON: Expecting value at column 1 (stdin:2)"]
    assert result.exit_code == 1
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines() if '"article"' in line[:12]]
    assert ids == ["r1", "r3"]


def test_a_bracket_at_the_start_of_prose_on_stdin_is_still_prose(workdir):
    result = run("extract", "-", "-f", "json", input="[Updated] " + RUSSIA)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["claims"]


# --- decoding -----------------------------------------------------------------------------


def test_mostly_utf8_text_keeps_utf8_and_names_the_bad_bytes(workdir):
    text = "Russia\u2019s foreign minister accused Ukraine of shelling Donetsk on Monday, calling it \u201cterror\u201d."
    data = text.encode("utf-8")
    bad = data.index(b"Donetsk")
    (workdir / "mostly.txt").write_bytes(data[:bad] + b"\x9d" + data[bad:] + b" \xff\n")
    result = run("extract", "mostly.txt", "-f", "json")
    offsets = f"{bad}, {len(data) + 2}"
    assert result.stderr.splitlines() == [
        f"Warning: invalid UTF-8 at byte offsets {offsets}: replaced with U+FFFD (mostly)"]
    sentence = json.loads(result.stdout)["claims"][0]["sentence"]
    assert "Russia\u2019s foreign minister" in sentence  # not "Russia‚Äôs" (Mac Roman)
    assert "\ufffdDonetsk" in sentence


def test_a_guessed_codec_is_named(workdir):
    (workdir / "latin.txt").write_bytes("Russia accused the caf\u00e9 owners of \u201cfraud\u201d on Monday.\n"
                                        .encode("cp1252"))
    result = run("extract", "latin.txt", "-f", "json")
    assert result.stderr.splitlines() == ["Warning: not UTF-8: decoded as cp1252 (a guess) (latin)"]


# --- article ids --------------------------------------------------------------------------


def test_same_file_name_in_two_folders_gives_two_ids(workdir):
    for folder, text in (("2016", RUSSIA), ("2018", TURKEY)):
        (workdir / "reports" / folder).mkdir(parents=True)
        (workdir / "reports" / folder / "report.txt").write_text(text)
    (workdir / "reports" / "other.txt").write_text(RUSSIA)
    from_folder = run("extract", "reports", "-f", "json")
    assert [d["article"]["id"] for d in json.loads(from_folder.stdout)] == ["2016/report", "2018/report", "other"]
    named = run("extract", "reports/2016/report.txt", "reports/2018/report.txt", "ok.txt", "-f", "json")
    assert [d["article"]["id"] for d in json.loads(named.stdout)] == [
        "reports/2016/report", "reports/2018/report", "ok"]
    alone = run("extract", "reports/2016/report.txt", "-f", "json")
    assert json.loads(alone.stdout)["article"]["id"] == "report"


# --- --out --------------------------------------------------------------------------------


def test_out_equal_to_an_input_is_refused(workdir):
    records = json.dumps({"id": "r1", "text": RUSSIA}) + "\n"
    (workdir / "in.jsonl").write_text(records)
    result = run("extract", "in.jsonl", "-o", "in.jsonl")
    assert result.stderr.splitlines() == ["Error: --out and an input are the same file (in.jsonl)"]
    assert result.exit_code == 2
    assert (workdir / "in.jsonl").read_text() == records
    (workdir / "link.jsonl").symlink_to("in.jsonl")
    via_link = run("extract", "in.jsonl", "-o", "link.jsonl")
    assert via_link.stderr.splitlines() == ["Error: --out and an input are the same file (in.jsonl)"]
    diff = run("diff", "ok.txt", "in.jsonl", "-f", "json", "-o", "ok.txt")
    assert diff.stderr.splitlines() == ["Error: --out and an input are the same file (ok.txt)"]
    assert diff.exit_code == 2
    assert (workdir / "ok.txt").read_text() == RUSSIA


def test_old_out_file_is_kept_when_every_input_failed(workdir):
    (workdir / "keep.json").write_text('{"old": true}\n')
    result = run("extract", "nope.txt", "-f", "json", "-o", "keep.json")
    assert result.stderr.splitlines() == ["Error: no such file (nope.txt)"]
    assert result.exit_code == 1
    assert (workdir / "keep.json").read_text() == '{"old": true}\n'
    assert sorted(p.name for p in workdir.iterdir()) == ["keep.json", "ok.txt"]  # no temp file left


def test_out_follows_a_symlink_and_keeps_the_mode(workdir):
    (workdir / "real.json").write_text("old\n")
    os.chmod(workdir / "real.json", 0o640)
    (workdir / "link.json").symlink_to("real.json")
    result = run("extract", "ok.txt", "-f", "json", "-o", "link.json")
    assert result.exit_code == 0
    assert (workdir / "link.json").is_symlink()
    assert json.loads((workdir / "real.json").read_text())["article"]["id"] == "ok"
    assert stat.S_IMODE(os.stat(workdir / "real.json").st_mode) == 0o640


def test_a_new_out_file_gets_the_umask_mode(workdir):
    old = os.umask(0o022)
    try:
        run("extract", "ok.txt", "-f", "json", "-o", "new.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(workdir / "new.json").st_mode) == 0o644


def test_out_keeps_hard_links(workdir):
    (workdir / "a.json").write_text("old\n")
    os.link(workdir / "a.json", workdir / "b.json")
    run("extract", "ok.txt", "-f", "json", "-o", "a.json")
    assert json.loads((workdir / "b.json").read_text())["article"]["id"] == "ok"


def test_out_writes_through_a_fifo_and_leaves_it_a_fifo(workdir):
    fifo = workdir / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read():
        fd = os.open(fifo, os.O_RDONLY)
        with os.fdopen(fd, "rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = run("extract", "ok.txt", "-f", "json", "-o", "pipe")
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["article"]["id"] == "ok"


def test_sigterm_while_writing_removes_the_temp_file_and_keeps_the_old(workdir):
    from claimcmp.outfile import Terminated, open_output

    (workdir / "out.json").write_text("old\n")
    with pytest.raises(Terminated):
        with open_output("out.json") as stream:
            stream.write("half")
            os.kill(os.getpid(), signal.SIGTERM)
    assert sorted(p.name for p in workdir.iterdir()) == ["ok.txt", "out.json"]
    assert (workdir / "out.json").read_text() == "old\n"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


# --- interrupted runs ---------------------------------------------------------------------


def test_ctrl_c_says_the_run_was_cut_short(workdir, monkeypatch):
    import claimcmp.core as core

    real = core.extract_documents

    def interrupted(items, **kwargs):
        for n, document in enumerate(real(items, **kwargs)):
            if n == 1:
                raise KeyboardInterrupt
            yield document

    monkeypatch.setattr(core, "extract_documents", interrupted)
    (workdir / "ok2.txt").write_text(TURKEY)
    result = run("extract", "ok.txt", "ok2.txt", "-f", "json")
    assert result.stderr.splitlines() == [
        "Error: interrupted: the run was cut short and its output is incomplete"]
    assert result.exit_code == 130
    assert [d["article"]["id"] for d in json.loads(result.stdout)] == ["ok"]


def test_workers_leave_ctrl_c_to_the_parent():
    import claimcmp.core as core

    saved = signal.getsignal(signal.SIGINT)
    try:
        core._init_worker(None, None)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, saved)


# --- messages -----------------------------------------------------------------------------


def test_a_missing_model_names_itself_and_how_to_install_it(workdir):
    import spacy.util

    if spacy.util.is_package("en_core_web_lg"):
        pytest.skip("en_core_web_lg is installed here")
    result = run("extract", "ok.txt", "--model", "en_core_web_lg")
    assert result.stderr.splitlines() == [
        "Error: cannot load spaCy model 'en_core_web_lg': it is not installed (install it with: "
        "python -m spacy download en_core_web_lg, or pip install its package; "
        "or pass another with --model / CLAIMCMP_MODEL)"]
    assert result.exit_code == 2


def test_a_date_that_does_not_exist_is_named_so(workdir):
    result = run("extract", "ok.txt", "--date", "2017-02-30")
    assert result.stderr.splitlines() == ["Error: invalid --date '2017-02-30': there is no such date"]
    assert result.exit_code == 2


def test_a_pdf_is_refused_with_how_to_convert_it(workdir):
    (workdir / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
                                         b"BT /F1 12 Tf 72 720 Td (Russia accused Ukraine) Tj ET\n")
    (workdir / "report").write_bytes((workdir / "report.pdf").read_bytes())
    result = run("extract", "report.pdf", "report", "ok.txt", "-f", "json")
    assert result.stderr.splitlines() == [
        "Error: not supported: a PDF file; convert it to text first, e.g. with pdftotext (report.pdf)",
        "Error: not supported: a PDF file; convert it to text first, e.g. with pdftotext (report)"]
    assert result.exit_code == 1
    assert [d["article"]["id"] for d in json.loads(result.stdout)] == ["ok"]
