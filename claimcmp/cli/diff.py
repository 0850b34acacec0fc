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
    all_pairs: bool = typer.Option(False, "--all",
                                   help="List every compatible pair, not only each claim's best, two best "
                                        "agreements and three best changes over time (without it a table "
                                        "shows each claim once per relation)."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when conflicts exist (like git diff)."),
    out: str = common.OUT_OPTION,
    date: str = common.DATE_OPTION,
    model: str = common.MODEL_OPTION,
    resources: str = common.RESOURCES_OPTION,
    quiet: bool = common.QUIET_OPTION,
    debug: bool = common.DEBUG_OPTION,
) -> None:
    """Line up the claims of two articles: conflicts, shifts over time, agreements, and what only one says."""
    with common.reported_errors(debug), common.resources_in_force(resources):
        code = run_diff(a, b, fmt=common.check_choice(format, "--format", FORMATS), window=window,
                        all_pairs=all_pairs, exit_code=exit_code, out=out, date=common.parse_date(date),
                        model=model, quiet=quiet)
    raise typer.Exit(code)


def load_side(path: str, *, date, model, messages=None):
    """An extract document as is (no model loaded), else the article extracted now."""
    import os

    from claimcmp.core import extract_documents
    from claimcmp.errors import InputError
    from claimcmp.text.io import LoadedArticle, iter_inputs, load_extract_document

    if path != "-" and os.path.isdir(path):
        raise InputError("a folder, not an article: diff compares two articles", path)
    if path != "-" and path.endswith(".json"):
        document = load_extract_document(path)
        if document is not None:
            return document

    def inputs():
        for item in iter_inputs([path], date=date):
            if isinstance(item, LoadedArticle) and messages is not None:
                for warning in item.warnings:
                    messages.warning(f"{warning} ({item.article.id})")
            yield item

    documents = []
    for item in extract_documents(inputs(), model=model):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    if len(documents) != 1:
        raise InputError(f"diff compares one article with one article, this input holds {len(documents)}", path)
    return documents[0]


def run_diff(a: str, b: str, *, fmt, window: int, all_pairs: bool, exit_code: bool, out, date, model,
             quiet: bool = False) -> int:
    from claimcmp.core import compare
    from claimcmp.text.outfile import open_output, refuse_an_input
    from claimcmp.render.output import Messages, default_format, to_json

    refuse_an_input(out, [a, b])
    messages = Messages(quiet=quiet)
    left = load_side(a, date=date, model=model, messages=messages)
    right = load_side(b, date=date, model=model, messages=messages)
    for side, document in (("A", left), ("B", right)):
        if document.article.published.date is None:
            messages.warning(f"{side} ({document.article.id}) has no publication date: its claims with no "
                             "time of their own conflict only where one act is affirmed and denied; "
                             "give --date, or extract each article with its own --date")
    diff = compare(left, right, window_days=window, all_pairs=all_pairs)
    target = sys.stdout if out in (None, "-") else None
    fmt = fmt or (default_format(target, "table", "json") if target is not None else "json")
    with open_output(out, inputs=[a, b]) as stream:
        if fmt == "json":
            stream.write(to_json(diff) + "\n")
        else:
            from claimcmp.render.diff_table import render_diff
            from claimcmp.render.output import console_for

            render_diff(diff, console_for(stream, plain_width=100), every_pair=all_pairs)
    conflicts = any(p.relation == "conflict" for p in diff.pairs)
    return 1 if exit_code and conflicts else 0
