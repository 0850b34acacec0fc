"""`claimcmp extract` on batches, pipes and long articles: good results always written,
bad members named, stdout always valid, output byte-identical across runs."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimcmp import core
from claimcmp.cli.main import app
from claimcmp.errors import ExtractionError, InputError
from claimcmp.io import iter_inputs
from claimcmp.render.output import default_format, progress

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

COUNTRIES = ["Russia", "Ukraine", "Turkey", "Greece", "Iran", "Iraq", "Israel", "Egypt", "France",
             "Germany", "China", "Japan", "India", "Pakistan", "Syria"]
CITIES = ["Donetsk", "Aleppo", "Mosul", "Idlib", "Kharkiv", "Basra", "Homs", "Raqqa", "Mariupol"]
VERBS = ["accused {b} of shelling {city}", "condemned {b} over the attack on {city}",
         "agreed to cooperate with {b} in {city}", "criticized {b} for the siege of {city}"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(n: int) -> str:
    """A short, real-ish news text; n varies the countries, act, place and day."""
    a = COUNTRIES[n % len(COUNTRIES)]
    b = COUNTRIES[(n * 7 + 3) % len(COUNTRIES)]
    if a == b:
        b = COUNTRIES[(n + 1) % len(COUNTRIES)]
    act = VERBS[n % len(VERBS)].format(b=b, city=CITIES[n % len(CITIES)])
    return (f"{a} {act} on {DAYS[n % len(DAYS)]}.\n\n"
            f"Officials in {b} rejected the statement, the foreign ministry said.\n")


def run(args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --- the folder case from the issue ---------------------------------------------------

BAD_FILES = {
    "bad_binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32)) * 4,
    "bad_invalid.json": b'{"id": "x", "text": "Russia accused',
    "bad_empty_record.json": b"{}",
    "bad_undecodable.txt": bytes(range(128, 256)) * 3,
    "bad_no_text.json": b'{"id": "no-text", "title": "Talks in Geneva", "date": "2016-12-03"}',
}
BAD_ERRORS = [  # sorted by file name, as the folder is read
    "Error: not text (binary data) (articles/bad_binary.txt)",
    'Error: record has no "text" field (articles/bad_empty_record.json)',
    "Error: invalid JSON: Unterminated string starting at line 1 column 21 (articles/bad_invalid.json)",
    'Error: record has no "text" field (articles/bad_no_text.json)',
    "Error: cannot decode text (tried utf-8, utf-16) (articles/bad_undecodable.txt)",
]


@pytest.fixture
def folder_of_50(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    good = []
    for n in range(45):
        if n % 9 == 4:  # some good JSON records too, one in a subfolder
            record = {"id": f"rec-{n:02d}", "text": article(n), "date": "2016-12-09"}
            (folder / ("more" if n == 40 else ".") / f"rec_{n:02d}.json").write_text(json.dumps(record))
            good.append(f"rec-{n:02d}")
        else:
            (folder / f"good_{n:02d}.txt").write_text(article(n))
            good.append(f"good_{n:02d}")
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / ".hidden.txt").write_bytes(b"\x00")  # hidden files are not articles
    monkeypatch.chdir(tmp_path)
    return good


def test_folder_of_50_with_5_bad_jsonl(folder_of_50):
    result = run(["extract", "articles", "-f", "jsonl", "--articles"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == BAD_ERRORS
    lines = jsonl(result.stdout)  # every line a complete JSON value
    articles = [line["article"]["id"] for line in lines if "article" in line]
    assert sorted(articles) == sorted(folder_of_50)
    claims = [line for line in lines if "article" not in line]
    assert claims and {c["article_id"] for c in claims} <= set(folder_of_50)
    assert all(c["id"] and c["sentence"] for c in claims)


def test_folder_of_50_with_5_bad_json_array(folder_of_50):
    result = run(["extract", "articles", "-f", "json", "--quiet"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == BAD_ERRORS  # --quiet silences warnings, not errors
    documents = json.loads(result.stdout)
    assert isinstance(documents, list)
    assert sorted(d["article"]["id"] for d in documents) == sorted(folder_of_50)
    assert all(d["schema"] == "claimcmp/1" for d in documents)


def test_several_paths_keep_their_order_and_skip_the_bad(folder_of_50):
    result = run(["extract", "articles/good_02.txt", "nope.txt", "articles/bad_binary.txt",
                  "articles/good_01.txt", "-f", "json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["Error: no such file (nope.txt)",
                                          "Error: not text (binary data) (articles/bad_binary.txt)"]
    assert [d["article"]["id"] for d in json.loads(result.stdout)] == ["good_02", "good_01"]


def test_out_file_holds_the_data_and_stdout_nothing(folder_of_50):
    result = run(["extract", "articles/good_01.txt", "-o", "out.json"])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    document = json.loads(Path("out.json").read_text())
    assert document["article"]["id"] == "good_01"  # one named file: one object, json by default


# --- output conventions -----------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_default_format_follows_the_terminal_not_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert default_format(FakeTerminal(), "table", "jsonl") == "table"
    assert default_format(io.StringIO(), "table", "jsonl") == "jsonl"
    monkeypatch.setenv("NO_COLOR", "1")  # no-color.org: drop the colour, keep the table
    assert default_format(FakeTerminal(), "table", "jsonl") == "table"
    assert default_format(io.StringIO(), "table", "json") == "json"


def test_piped_stdout_defaults_to_jsonl_claims(tmp_path):
    (tmp_path / "a.txt").write_text(article(1))
    result = run(["extract", tmp_path / "a.txt"])
    assert result.exit_code == 0
    lines = jsonl(result.stdout)
    assert lines and all(line["article_id"] == "a" for line in lines)


def test_table_when_piped_has_no_colour(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "a.txt").write_text(article(1))
    result = run(["extract", tmp_path / "a.txt", "-f", "table"])
    assert result.exit_code == 0 and result.stdout.strip()
    assert "\x1b[" not in result.stdout


def test_progress_bar_goes_to_the_terminal_on_stderr_only(capsys):
    terminal = FakeTerminal()
    with progress(True, stream=terminal) as advance:
        for _ in range(3):
            advance()
    assert "3 articles" in terminal.getvalue()
    assert capsys.readouterr().out == ""
    piped = io.StringIO()
    with progress(True, stream=piped) as advance:
        advance()
    assert piped.getvalue() == ""
    with progress(False, stream=terminal) as advance:
        advance()


def test_json_array_stays_well_formed_when_the_run_breaks(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(article(1))
    (tmp_path / "b.txt").write_text(article(2))
    real = core.extract_documents

    def breaks_after_one(items, **kwargs):
        for document in real(items, **kwargs):
            yield document
            raise MemoryError("out of memory")

    monkeypatch.setattr(core, "extract_documents", breaks_after_one)
    result = run(["extract", tmp_path, "-f", "json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: internal error: MemoryError: out of memory (rerun with --debug)"]
    assert [d["article"]["id"] for d in json.loads(result.stdout)] == ["a"]


# --- one article failing inside the pipeline ----------------------------------------------


@Language.component("test_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component exploded")
    doc._.claimcmp_claims = []
    return doc


@pytest.fixture
def fragile_nlp():
    import spacy

    import claimcmp.extensions  # noqa: F401  (the Doc extensions the pipeline writes)

    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_boom")
    return nlp


def test_a_failing_article_does_not_sink_its_batch(tmp_path, fragile_nlp):
    for name, text in {"a": "Fine text.", "b": "This one goes BOOM.", "c": "Also fine."}.items():
        (tmp_path / f"{name}.txt").write_text(text)
    (tmp_path / "d.json").write_text("[")
    items = list(core.extract_documents(iter_inputs([str(tmp_path)]), nlp=fragile_nlp))
    assert [type(item).__name__ for item in items] == [
        "ExtractDocument", "ExtractionError", "ExtractDocument", "InputError"]
    assert isinstance(items[1], ExtractionError) and isinstance(items[1], InputError)
    assert str(items[1]) == "internal error while extracting: RuntimeError: component exploded (b)"


def test_a_failing_article_is_reported_by_the_cli(tmp_path, fragile_nlp, monkeypatch):
    import claimcmp.nlp

    monkeypatch.setattr(claimcmp.nlp, "load_pipeline", lambda model=None, resources=None: fragile_nlp)
    for name, text in {"a": "Fine text.", "b": "This one goes BOOM.", "c": "Also fine."}.items():
        (tmp_path / f"{name}.txt").write_text(text)
    result = run(["extract", tmp_path, "-f", "json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: internal error while extracting: RuntimeError: component exploded (b)"]
    assert [d["article"]["id"] for d in json.loads(result.stdout)] == ["a", "c"]


# --- articles longer than nlp.max_length ----------------------------------------------------


def test_split_text_cuts_at_paragraphs_then_sentences_then_anywhere():
    text = "First paragraph here.\n\nSecond one is a bit longer. It has two sentences.\n\nThird."
    chunks = core.split_text(text, 40)
    assert "".join(chunk for _, chunk in chunks) == text
    assert [offset for offset, _ in chunks] == [0, 23, 51]
    assert all(len(chunk) <= 40 for _, chunk in chunks)
    assert all(text[offset:offset + len(chunk)] == chunk for offset, chunk in chunks)
    assert core.split_text(text, len(text)) == [(0, text)]
    assert [len(c) for _, c in core.split_text("x" * 1000, 300)] == [300, 300, 300, 100]
    words = core.split_text("aaaa bbbb cccc dddd", 10)
    assert [c for _, c in words] == ["aaaa bbbb ", "cccc dddd"]


@pytest.fixture
def short_max_length(shortened):
    return shortened(260)


def test_long_article_is_processed_in_chunks_with_exact_offsets(tmp_path, short_max_length):
    nlp = short_max_length
    paragraphs = [article(n).replace("\n\n", " ").strip() for n in range(8)]
    paragraphs.insert(3, " ".join(article(n).replace("\n\n", " ").strip() for n in range(20, 24)))
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    [loaded] = list(iter_inputs([str(tmp_path / "long.txt")]))
    assert len(loaded.text) > 4 * nlp.max_length
    assert len(max(paragraphs, key=len)) > nlp.max_length  # one paragraph is cut at sentences

    [chunked] = list(core.extract_documents([loaded], nlp=nlp))
    [again] = list(core.extract_documents([loaded], nlp=nlp))
    saved, nlp.max_length = nlp.max_length, 1_000_000
    try:
        [whole] = list(core.extract_documents([loaded], nlp=nlp))
    finally:
        nlp.max_length = saved

    assert len(chunked.claims) >= 8
    for claim in chunked.claims:
        assert loaded.text[claim.start:claim.end] == claim.sentence
    assert chunked.claims[-1].start > nlp.max_length  # offsets are shifted, not chunk-relative
    assert [c.id for c in chunked.claims] == [c.id for c in again.claims]
    # paragraphs that stand alone give the claims the whole text gives, ids included, where
    # the grammar gives both parties; a party completed from the principal parties of the
    # text read with it (confidence below 0.5) may differ between a chunk and the whole of a
    # text glued from unrelated stories
    def grammatical(doc):
        return [c.id for c in doc.claims if c.target is not None and c.confidence >= 0.5]
    assert grammatical(chunked) == grammatical(whole)
    assert len(grammatical(chunked)) >= 8


# --- pipes and determinism, in real processes -------------------------------------------------


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimcmp", *args]


def test_closed_stdout_pipe_exits_quietly():
    # like `claimcmp extract seeds/ -f jsonl | head -1`; the seeds give ~100 KiB or more in
    # each format, beyond a pipe's 64 KiB buffer, so writing really fails. In parallel: fast.
    processes = {fmt: subprocess.Popen(_cli("extract", "seeds/", "-f", fmt), cwd=REPO,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for fmt in ("jsonl", "json", "table")}
    for fmt, process in processes.items():
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) == 0, (fmt, stderr)
        assert first.strip(), fmt
        assert stderr == "", fmt


def test_same_input_gives_byte_identical_json_across_runs(tmp_path):
    # separate processes with different hash seeds: set and dict order cannot leak into output
    processes = [subprocess.Popen(_cli("extract", "seeds/", "-f", "json", "-o", str(tmp_path / f"{seed}.json")),
                                  cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed},
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for seed in ("1", "2")]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
    first, second = ((tmp_path / f"{seed}.json").read_bytes() for seed in ("1", "2"))
    assert first == second
    assert len(json.loads(first)) == len(list(SEEDS.glob("*.txt")))


def test_jobs_output_identical_to_one_job(tmp_path):
    """--jobs 2 writes the same bytes as --jobs 1: same order, same ids."""
    import subprocess
    import sys

    folder = tmp_path / "articles"
    folder.mkdir()
    texts = ["Russia accused Ukraine of shelling Donetsk on Monday.",
             "Israel and Hamas agreed to a ceasefire in Gaza.",
             "North Korea fired a missile at Japan on Tuesday.",
             "Venezuela did not attack Colombia, officials said.",
             "Saudi Arabia and Iran restored diplomatic ties."]
    for n in range(10):
        (folder / f"a{n:02d}.txt").write_text(texts[n % len(texts)] + f" Report {n}.", encoding="utf-8")
    script = [sys.executable, "-m", "claimcmp", "extract", str(folder), "-f", "jsonl", "-q"]
    one = subprocess.run(script + ["--jobs", "1"], capture_output=True, check=True)
    two = subprocess.run(script + ["--jobs", "2"], capture_output=True, check=True)
    assert one.stdout == two.stdout
    assert one.stdout.count(b"\n") >= 10
