"""`claimcmp evaluate GOLD_DIR ARTICLE...`: extract, then score against gold claims."""
from __future__ import annotations

import json
import sys

import typer

from claimcmp.cli import common

FORMATS = ("table", "json")


def command(
    gold_dir: str = typer.Argument(..., metavar="GOLD_DIR", help="Folder of <article id>.json gold files."),
    articles: list[str] = typer.Argument(..., metavar="ARTICLE...", help="The articles the gold files describe."),
    format: str = typer.Option(None, "--format", "-f", metavar="table|json",
                               help="Output format (default: table on a terminal, else json)."),
    pairs: bool = typer.Option(False, "--pairs", help="Also diff the pairs of GOLD_DIR/pairs.json and score them."),
    date: str = common.DATE_OPTION,
    gold_dates: bool = typer.Option(
        False, "--gold-dates",
        help="Date an article that gives no publication date by its gold file's `published` "
             "(scores the rest of the pipeline as if the date were known, as with --date)."),
    model: str = common.MODEL_OPTION,
    resources: str = common.RESOURCES_OPTION,
    quiet: bool = common.QUIET_OPTION,
    debug: bool = common.DEBUG_OPTION,
) -> None:
    """Score extraction against gold claims (precision, recall, F1, slot accuracies)."""
    with common.reported_errors(debug), common.resources_in_force(resources):
        code = run_evaluate(gold_dir, articles, fmt=common.check_choice(format, "--format", FORMATS),
                            with_pairs=pairs, date=common.parse_date(date), model=model, quiet=quiet,
                            gold_dates=gold_dates)
    raise typer.Exit(code)


def _scored_pairs(pairs_path, documents: dict) -> dict:
    """score.py's pairs figures: one diff per expected pair of the documents."""
    from claimcmp.comparison.evaluation import score_pairs
    from claimcmp.core import compare
    from claimcmp.models import dump

    expected = json.loads(pairs_path.read_text(encoding="utf-8")) if pairs_path.exists() else []
    diffs = {}
    for pair in expected:
        if pair["a"] in documents and pair["b"] in documents:
            diff = compare(documents[pair["a"]], documents[pair["b"]])
            diffs[(pair["a"], pair["b"])] = [dump(p) for p in diff.pairs]
    return score_pairs(expected, diffs)


def run_evaluate(gold_dir: str, paths: list[str], *, fmt: str | None, with_pairs: bool, date, model,
                 quiet: bool, gold_dates: bool = False) -> int:
    from pathlib import Path

    from claimcmp.comparison.evaluation import load_gold, score_claims
    from claimcmp.core import extract_documents
    from claimcmp.errors import InputError
    from claimcmp.models import dump
    from claimcmp.render.output import Messages, default_format
    from claimcmp.text.io import iter_inputs

    messages = Messages(quiet=quiet)
    if not Path(gold_dir).is_dir():
        raise InputError("not a folder of gold files", gold_dir)
    gold = load_gold(Path(gold_dir))
    documents = {}
    inputs = iter_inputs(paths, date=date)
    if gold_dates:
        inputs = (_dated_by_gold(item, gold) for item in inputs)
    for item in extract_documents(inputs, model=model):
        if isinstance(item, InputError):
            messages.error(str(item))
        else:
            documents[item.article.id] = item
    system = {art: [dump(c) for c in doc.claims] for art, doc in documents.items()}
    result = score_claims(gold, system)
    if with_pairs:
        result["pairs"] = _scored_pairs(Path(gold_dir) / "pairs.json", documents)
    fmt = fmt or default_format(sys.stdout, "table", "json")
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_table(result)
    return 1 if messages.errors else 0


def _dated_by_gold(item, gold: dict):
    """The article with the gold file's publication date when it has none of its own."""
    import dataclasses
    import datetime as dt

    from claimcmp.models import Published

    known = getattr(item, "article", None)
    published = (gold.get(known.id) or {}).get("published") if known is not None else None
    if not published or known.published.date is not None:
        return item
    dated = Published(date=dt.date.fromisoformat(published), source="cli")
    return dataclasses.replace(item, article=known.model_copy(update={"published": dated}))


def _print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text  # article ids are file names: never read them as markup

    console = Console()
    summary = Table(title="Claims against gold", title_justify="left")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    for key, value in result.items():
        if key not in {"articles", "pairs", "missing_output"}:
            summary.add_row(key, str(value))
    console.print(summary)
    per = Table(title="Per article", title_justify="left")
    for column in ("article", "gold", "system", "matched"):
        per.add_column(column, justify="left" if column == "article" else "right")
    for art, row in result["articles"].items():
        per.add_row(Text(art), str(row["gold"]), str(row["system"]), str(row["matched"]))
    console.print(per)
    if result.get("missing_output"):
        console.print(Text(f"no output for: {', '.join(result['missing_output'])}"))
    if "pairs" in result:
        pairs = Table(title="Diff pairs against gold", title_justify="left")
        pairs.add_column("measure")
        pairs.add_column("value", justify="right")
        for key, value in result["pairs"].items():
            pairs.add_row(key, str(value))
        console.print(pairs)
