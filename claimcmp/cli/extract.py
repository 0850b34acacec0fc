"""`claimcmp extract ARTICLE...`: articles in, claims out."""
from __future__ import annotations

import json
import sys

import typer

from claimcmp.cli import common

FORMATS = ("table", "json", "jsonl")


def command(
    articles: list[str] = typer.Argument(..., metavar="ARTICLE...",
                                         help="Files (.txt .html .json .jsonl), folders, or - for stdin."),
    format: str = typer.Option(None, "--format", "-f", metavar="table|json|jsonl",
                               help="Output format (default: table on a terminal, else jsonl)."),
    out: str = common.OUT_OPTION,
    date: str = common.DATE_OPTION,
    model: str = common.MODEL_OPTION,
    with_articles: bool = typer.Option(False, "--articles",
                                       help="With jsonl: also write one {\"article\": ...} line per article."),
    quiet: bool = common.QUIET_OPTION,
    debug: bool = common.DEBUG_OPTION,
) -> None:
    """Extract dated claims (who -stance-> whom, where, when, said by) from articles."""
    with common.reported_errors(debug):
        code = run_extract(articles, fmt=common.check_choice(format, "--format", FORMATS), out=out,
                           date=common.parse_date(date), model=model, with_articles=with_articles,
                           quiet=quiet)
    raise typer.Exit(code)


def run_extract(paths: list[str], *, fmt: str | None, out: str | None, date, model: str | None,
                with_articles: bool, quiet: bool) -> int:
    from claimcmp.core import extract_documents
    from claimcmp.errors import InputError
    from claimcmp.io import LoadedArticle, iter_inputs
    from claimcmp.models import dump
    from claimcmp.render.output import JsonArrayWriter, Messages, default_format, open_output

    messages = Messages(quiet=quiet)
    target = sys.stdout if out in (None, "-") else None
    fmt = fmt or (default_format(target, "table", "jsonl") if target is not None else "json")

    def inputs():
        for item in iter_inputs(paths, date=date):
            if isinstance(item, LoadedArticle):
                for warning in item.warnings:
                    messages.warning(f"{warning} ({item.article.id})")
            yield item

    single = len(paths) == 1 and not paths[0].endswith((".jsonl", "/")) and not _is_dir(paths[0])
    with open_output(out) as stream:
        writer = JsonArrayWriter(stream, single_as_object=single) if fmt == "json" else None
        console = _console(stream) if fmt == "table" else None
        try:
            for item in extract_documents(inputs(), model=model):
                if isinstance(item, InputError):
                    messages.error(str(item))
                    continue
                if writer is not None:
                    writer.write(item)
                elif console is not None:
                    from claimcmp.render.extract_table import render_extract

                    render_extract(item, console)
                else:
                    if with_articles:
                        stream.write(json.dumps({"article": dump(item.article)}, ensure_ascii=False) + "\n")
                    for claim in item.claims:
                        stream.write(json.dumps(dump(claim), ensure_ascii=False) + "\n")
                stream.flush() if stream is sys.stdout else None
        finally:
            if writer is not None:
                writer.close()
    return 1 if messages.errors else 0


def _is_dir(path: str) -> bool:
    import os

    return path != "-" and os.path.isdir(path)


def _console(stream):
    from rich.console import Console

    from claimcmp.render.output import wants_colour

    return Console(file=stream, force_terminal=wants_colour(stream), no_color=not wants_colour(stream),
                   width=None if wants_colour(stream) else 120)
