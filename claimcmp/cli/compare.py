"""`claimcmp compare INPUT...`: many outlets at once, claim by claim."""
from __future__ import annotations

import sys

import typer

from claimcmp.cli import common

FORMATS = ("table", "json", "jsonl", "html")
SOURCE_FROM = ("field", "url")


def command(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help="Articles (.txt .html .json .jsonl, folders, - for stdin) "
                                            "or documents written by extract --format json."),
    format: str = typer.Option(None, "--format", "-f", metavar="table|json|jsonl|html",
                               help="Output format (default: table on a terminal, else json)."),
    timeline: bool = typer.Option(False, "--timeline",
                                  help="With table: the relation between actor pairs over time, by outlet."),
    actors: str = typer.Option(None, "--actors", metavar="A,B",
                               help="Timelines (terminal and html) of these actors only: keys such as RUS,USA."),
    source_from: str = typer.Option("field", "--source-from", metavar="field|url",
                                    help="An article's outlet: its source field (default) or its URL's host."),
    rows: int = typer.Option(40, "--rows", min=0, metavar="N",
                             help="With table: show the first N groups (0 = all)."),
    window: int = typer.Option(30, "--window", min=0, metavar="DAYS",
                               help="Days around an article date within which undated claims are compatible."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N",
                             help="Worker processes for extraction (0 = all cores)."),
    out: str = common.OUT_OPTION,
    date: str = common.DATE_OPTION,
    model: str = common.MODEL_OPTION,
    resources: str = common.RESOURCES_OPTION,
    quiet: bool = common.QUIET_OPTION,
    debug: bool = common.DEBUG_OPTION,
) -> None:
    """Group the claims of many articles: who asserts, who contradicts, whose account is an earlier or later state."""
    with common.reported_errors(debug), common.resources_in_force(resources):
        fmt = common.check_choice(format, "--format", FORMATS)
        common.check_choice(source_from, "--source-from", SOURCE_FROM)
        if timeline and fmt not in (None, "table"):
            from claimcmp.errors import UsageError

            raise UsageError("--timeline is a terminal view: use it with --format table (html always has one)")
        code = run_compare(inputs, fmt=fmt, timeline=timeline, actors=actors, source_from=source_from,
                           rows=rows, window=window, jobs=jobs, out=out, date=common.parse_date(date),
                           model=model, quiet=quiet)
    raise typer.Exit(code)


def load_documents(paths: list[str], *, date, model, jobs: int, messages) -> list:
    """Extract documents for every input, in input order: files written by `extract
    --format json` as they are (no model is loaded for them), every other input extracted
    now. A bad input is reported on messages and skipped, as `extract` does."""
    from claimcmp.core import extract_documents
    from claimcmp.errors import InputError
    from claimcmp.io import LoadedArticle, iter_inputs, load_extract_documents

    def inputs():
        for path in _with_document_folders_opened(paths):
            try:
                documents = load_extract_documents(path)
            except InputError as error:
                yield error
                continue
            if documents is not None:
                yield from documents  # extract_documents passes them through in place
                continue
            for item in iter_inputs([path], date=date):
                if isinstance(item, LoadedArticle):
                    for warning in item.warnings:
                        messages.warning(f"{warning} ({item.article.id})")
                yield item

    documents = []
    for item in extract_documents(inputs(), model=model, jobs=jobs):
        if isinstance(item, InputError):
            messages.error(str(item))
        else:
            documents.append(item)
    return documents


def _with_document_folders_opened(paths: list[str]) -> list[str]:
    """paths, a folder holding extract documents replaced by its files (sorted as extract
    reads a folder), so that each document is read as one; a folder of articles only stays
    whole, for extract's ids of same-named files in subfolders."""
    import os
    from pathlib import Path

    from claimcmp.io import article_files
    from claimcmp.text.extract_documents import holds_extract_documents

    out = []
    for path in paths:
        members = [os.path.join(path, *relative.parts) for relative in article_files(Path(path))] \
            if path != "-" and os.path.isdir(path) else []
        out.extend(members if any(holds_extract_documents(m) for m in members) else [path])
    return out


def outlet(article, source_from: str) -> str | None:
    """The article's outlet: its source field, or the host of its URL (without www.)."""
    if source_from == "url":
        from urllib.parse import urlsplit

        host = urlsplit(article.url or "").hostname
        return host.removeprefix("www.") if host else None
    return article.source


def run_compare(paths: list[str], *, fmt, timeline: bool, actors, source_from: str, rows: int,
                window: int, jobs: int, out, date, model, quiet: bool = False) -> int:
    from claimcmp.comparison.grouping import compare_documents
    from claimcmp.text.outfile import open_output
    from claimcmp.render.output import Messages, default_format

    messages = Messages(quiet=quiet)
    target = sys.stdout if out in (None, "-") else None
    if fmt is None and timeline:
        fmt = "table"
    fmt = fmt or (default_format(target, "table", "json") if target is not None else "json")
    with open_output(out, inputs=paths) as stream:  # a bad --out fails before any work is done
        documents = load_documents(paths, date=date, model=model, jobs=jobs, messages=messages)
        _warn_duplicates(documents, messages)
        document = compare_documents(documents, sources=[outlet(d.article, source_from) for d in documents],
                                     window_days=window)
        write_document(document, stream, fmt=fmt, timeline=timeline, actors=actors, rows=rows)
    return 1 if messages.errors else 0


def _warn_duplicates(documents: list, messages) -> None:
    seen: set[str] = set()
    for document in documents:
        if document.article.id in seen:
            messages.warning(f"two inputs have the same article id; their claims are told apart "
                             f"by claim id only ({document.article.id})")
        seen.add(document.article.id)


def write_document(document, stream, *, fmt: str, timeline: bool, actors, rows: int) -> None:
    import json

    from claimcmp.models import dump
    from claimcmp.render.output import console_for, to_json
    from claimcmp.timeline import parse_actors, relation_series

    if fmt == "json":
        stream.write(to_json(document) + "\n")
    elif fmt == "jsonl":
        stream.write("".join(json.dumps(dump(group), ensure_ascii=False) + "\n" for group in document.groups))
    elif fmt == "html":
        from claimcmp.render.compare_html import render_html

        stream.write(render_html(document, actors=parse_actors(actors)))
    elif timeline:
        from claimcmp.render.compare_matrix import render_timeline

        series = relation_series(document, actors=parse_actors(actors))
        render_timeline(series, console_for(stream, plain_width=100), pairs=0 if actors else 8)
    else:
        from claimcmp.render.compare_matrix import render_matrix

        render_matrix(document, console_for(stream, plain_width=100), rows=rows)
