"""`claimcmp diff A B`: agreements, conflicts and shifts between two articles."""
from __future__ import annotations

import sys

import typer

from claimcmp.cli import common

FORMATS = ("table", "json")


def command(
    a: str = typer.Argument(..., metavar="A", help="An article, or a document written by extract --format json."),
    b: str = typer.Argument(..., metavar="B", help="The article to compare with."),
    format: str = typer.Option(None, "--format", "-f", metavar="table|json",
                               help="Output format (default: table on a terminal, else json)."),
    window: int = typer.Option(30, "--window", min=0, metavar="DAYS",
                               help="Days around an article date within which undated claims are compatible."),
    all_pairs: bool = typer.Option(False, "--all", help="List every compatible pair, not only the best per claim."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when conflicts exist (like git diff)."),
    out: str = common.OUT_OPTION,
    date: str = common.DATE_OPTION,
    model: str = common.MODEL_OPTION,
    quiet: bool = common.QUIET_OPTION,
    debug: bool = common.DEBUG_OPTION,
) -> None:
    """Line up the claims of two articles: conflicts, shifts over time, agreements, and what only one says."""
    with common.reported_errors(debug):
        code = run_diff(a, b, fmt=common.check_choice(format, "--format", FORMATS), window=window,
                        all_pairs=all_pairs, exit_code=exit_code, out=out, date=common.parse_date(date),
                        model=model)
    raise typer.Exit(code)


def load_side(path: str, *, date, model):
    """An extract document as is (no model loaded), else the article extracted now."""
    from claimcmp.core import extract_documents
    from claimcmp.errors import InputError
    from claimcmp.io import iter_inputs, load_extract_document

    if path != "-" and path.endswith(".json"):
        document = load_extract_document(path)
        if document is not None:
            return document
    documents = []
    for item in extract_documents(iter_inputs([path], date=date), model=model):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    if len(documents) != 1:
        raise InputError(f"diff compares one article with one article, this input holds {len(documents)}", path)
    return documents[0]


def run_diff(a: str, b: str, *, fmt, window: int, all_pairs: bool, exit_code: bool, out, date, model) -> int:
    from claimcmp.core import compare
    from claimcmp.render.output import default_format, open_output, to_json

    left = load_side(a, date=date, model=model)
    right = load_side(b, date=date, model=model)
    diff = compare(left, right, window_days=window, all_pairs=all_pairs)
    target = sys.stdout if out in (None, "-") else None
    fmt = fmt or (default_format(target, "table", "json") if target is not None else "json")
    with open_output(out) as stream:
        if fmt == "json":
            stream.write(to_json(diff) + "\n")
        else:
            from rich.console import Console

            from claimcmp.render.diff_table import render_diff
            from claimcmp.render.output import wants_colour

            colour = wants_colour(stream)
            console = Console(file=stream, force_terminal=colour, no_color=not colour,
                              width=None if colour else 100)
            render_diff(diff, console)
    conflicts = any(p.relation == "conflict" for p in diff.pairs)
    return 1 if exit_code and conflicts else 0
