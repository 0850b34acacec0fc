"""Long inputs (issue 12): chunks streamed with exact offsets, long runs without spaces
broken for the tokenizer, indexed lookups that give what a scan gives. Figures of time
and memory are in benchmarks/big_inputs.py, not here."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from claimcmp import core
from claimcmp.chunking import LONG_RUN_CHARS, guard_long_runs
from claimcmp.cli.main import app
from claimcmp.io import iter_inputs
from claimcmp.pipeline.ranges import TokenRanges

SENTENCES = [
    "Canada accused Norway of breaking the fishing agreement on Monday.",
    "Officials in Ottawa said Canada would impose tariffs on Norway next month.",
    "Japan praised Brazil for its role in the climate talks in Nairobi.",
    "Kenya and Egypt signed a water agreement in Cairo on Thursday.",
]


def test_long_runs_are_broken_with_offsets_kept():
    run = "(" * (3 * LONG_RUN_CHARS + 7)
    text = f"Canada accused Norway {run} of fraud."
    guarded = guard_long_runs(text)
    assert len(guarded) == len(text)
    assert [n for n, (a, b) in enumerate(zip(text, guarded)) if a != b] == [
        22 + LONG_RUN_CHARS, 22 + 2 * LONG_RUN_CHARS, 22 + 3 * LONG_RUN_CHARS]
    assert [len(piece) for piece in guarded.split()[3:-2]] == [LONG_RUN_CHARS, LONG_RUN_CHARS - 1, LONG_RUN_CHARS - 1, 6]
    plain = " ".join(SENTENCES) + " https://example.org/" + "a" * (LONG_RUN_CHARS - 30)
    assert guard_long_runs(plain) is plain


def test_claims_around_a_long_run_quote_the_text_as_written(tmp_path):
    run = "[" * 5000 + "]" * 5000
    (tmp_path / "run.txt").write_text(f"{SENTENCES[0]} {run}\n\n{SENTENCES[3]}\n")
    [loaded] = list(iter_inputs([str(tmp_path / "run.txt")]))
    [document] = list(core.extract_documents([loaded]))
    assert document.claims
    for claim in document.claims:
        assert loaded.text[claim.start:claim.end] == claim.sentence


@pytest.fixture
def short_chunks(shortened):
    return shortened(300)


def test_jsonl_streams_a_long_article_in_parts_with_the_claims_json_gives(tmp_path, monkeypatch, short_chunks):
    monkeypatch.chdir(tmp_path)
    paragraphs = [" ".join(SENTENCES[n % 4:] + SENTENCES[:n % 4]) for n in range(6)]
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    as_json = CliRunner().invoke(app, ["extract", "long.txt", "-f", "json"])
    as_lines = CliRunner().invoke(app, ["extract", "long.txt", "-f", "jsonl", "--articles"])
    assert as_json.exit_code == as_lines.exit_code == 0
    document = json.loads(as_json.stdout)
    lines = [json.loads(line) for line in as_lines.stdout.splitlines()]
    assert [line["article"]["id"] for line in lines if "article" in line] == ["long"]
    assert [line for line in lines if "article" not in line] == document["claims"]
    assert len(document["claims"]) >= 6
    assert document["claims"][-1]["start"] > short_chunks.max_length


@dataclass
class Item:
    start: int
    end: int


def test_token_ranges_find_what_a_scan_finds():
    rng = random.Random(7)
    items = [Item(s, s + rng.randint(1, 6)) for s in (rng.randint(0, 80) for _ in range(60))]
    ranges = TokenRanges(items)
    for start in range(0, 90, 3):
        for end in range(start + 1, start + 9):
            assert ranges.within(start, end) == [i for i in items if start <= i.start and i.end <= end]
            assert ranges.around(start, end) == [i for i in items if i.start <= start and end <= i.end]


def test_a_long_article_among_short_ones_gives_the_same_lines_with_jobs(tmp_path, monkeypatch, short_chunks):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCES[0] + "\n")
    (tmp_path / "in" / "b.txt").write_text("\n\n".join(" ".join(SENTENCES) for _ in range(4)) + "\n")
    (tmp_path / "in" / "c.txt").write_text(SENTENCES[2] + "\n")
    one = CliRunner().invoke(app, ["extract", "in", "-f", "jsonl", "--articles"])
    two = CliRunner().invoke(app, ["extract", "in", "-f", "jsonl", "--articles", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    ids = [json.loads(line)["article"]["id"] for line in one.stdout.splitlines() if line.startswith('{"article"')]
    assert ids == ["a", "b", "c"]


def _as_json(documents, *, single: bool) -> str:
    import io

    from claimcmp.render.output import JsonArrayWriter

    out = io.StringIO()
    writer = JsonArrayWriter(out, single_as_object=single)
    for item in documents:
        if isinstance(item, core.DocumentPart):
            writer.write_part(item.document, first=item.first, last=item.last)
        else:
            writer.write(item)
    writer.close()
    return out.getvalue()


@pytest.mark.parametrize("single", [True, False])
def test_json_streams_a_long_article_in_parts_with_the_bytes_of_the_whole(tmp_path, short_chunks, single):
    paragraphs = [" ".join(SENTENCES[n % 4:] + SENTENCES[:n % 4]) for n in range(6)]
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    (tmp_path / "short.txt").write_text(SENTENCES[0] + "\n")
    paths = [str(tmp_path / "long.txt")] + ([] if single else [str(tmp_path / "short.txt")])
    loaded = list(iter_inputs(paths))
    parts = list(core.extract_documents(loaded, nlp=short_chunks, in_parts=True))
    assert sum(isinstance(p, core.DocumentPart) for p in parts) > 2  # the long one came in parts
    whole = list(core.extract_documents(loaded, nlp=short_chunks))
    assert _as_json(parts, single=single) == _as_json(whole, single=single)
    assert json.loads(_as_json(parts, single=single))


def test_a_long_article_with_no_claims_streams_an_empty_claims_array(tmp_path, short_chunks):
    (tmp_path / "calm.txt").write_text("\n\n".join(["The weather was mild and the markets were quiet."] * 12) + "\n")
    loaded = list(iter_inputs([str(tmp_path / "calm.txt")]))
    parts = list(core.extract_documents(loaded, nlp=short_chunks, in_parts=True))
    whole = list(core.extract_documents(loaded, nlp=short_chunks))
    assert _as_json(parts, single=True) == _as_json(whole, single=True)
    assert json.loads(_as_json(parts, single=True))["claims"] == []


def test_a_long_run_of_unattributed_statements_is_read_without_deep_recursion(tmp_path):
    # "The statement said ..." looks back for who spoke: one step only, not from statement
    # to statement through the whole article (a recursion as deep as the article is long)
    lines = ["Canada's foreign ministry accused Norway of spying in a statement."]
    lines += ["The statement said that Norway had seized Canadian boats."] * 600
    (tmp_path / "run.txt").write_text(" ".join(lines) + "\n")
    [loaded] = list(iter_inputs([str(tmp_path / "run.txt")]))
    [document] = list(core.extract_documents([loaded]))
    seizures = [c for c in document.claims if c.subject.id == "NOR"]
    assert len(seizures) >= 600
    assert seizures[0].attribution is not None and seizures[0].attribution.country == "CAN"
