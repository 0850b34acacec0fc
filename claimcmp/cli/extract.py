"""`claimcmp extract ARTICLE...`: articles in, claims out."""
from __future__ import annotations

import json
import sys
from contextlib import nullcontext

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
    resources: str = common.RESOURCES_OPTION,
    with_articles: bool = typer.Option(False, "--articles",
                                       help="With jsonl: also write one {\"article\": ...} line per article."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N",
                             help="Worker processes (0 = all cores); output is identical to --jobs 1."),
    quiet: bool = common.QUIET_OPTION,
    debug: bool = common.DEBUG_OPTION,
) -> None:
    """Extract dated claims (who -stance-> whom, where, when, said by) from articles."""
    with common.reported_errors(debug), common.resources_in_force(resources):
        code = run_extract(articles, fmt=common.check_choice(format, "--format", FORMATS), out=out,
                           date=common.parse_date(date), model=model, with_articles=with_articles,
                           quiet=quiet, jobs=jobs)
    raise typer.Exit(code)


def run_extract(paths: list[str], *, fmt: str | None, out: str | None, date, model: str | None,
                with_articles: bool, quiet: bool, jobs: int = 1) -> int:
    from claimcmp.core import extract_documents
    from claimcmp.text.outfile import KeepOld, open_output
    from claimcmp.render.output import JsonArrayWriter, Messages, console_for, default_format, progress

    messages = Messages(quiet=quiet)
    target = sys.stdout if out in (None, "-") else None
    fmt = fmt or (default_format(target, "table", "jsonl") if target is not None else "json")
    # one named file gives one JSON object; folders, JSONL and several paths give an array
    batch = len(paths) > 1 or _is_dir(paths[0]) or paths[0].endswith((".jsonl", "/"))
    with open_output(out, inputs=paths) as stream, progress(batch and not quiet) as bar:
        writer = JsonArrayWriter(stream, single_as_object=not batch) if fmt == "json" else None
        console = console_for(stream, plain_width=120) if fmt == "table" else None
        # output for the terminal the bar is on waits for the bar to step aside
        aside = bar.paused if stream.isatty() else nullcontext
        # JSON lines need no whole document, and a JSON document can be written member by
        # member: a long article streams out chunk by chunk (not where a .json file of
        # records could still turn its first object into an array member)
        streamed = fmt == "jsonl" or fmt == "json" and (batch or not paths[0].endswith(".json"))
        documents = extract_documents(_inputs(paths, date, messages), model=model, jobs=jobs, in_parts=streamed,
                                       settle=True)
        try:
            written = _write_all(documents, bar=bar, messages=messages, aside=aside, writer=writer,
                                 console=console, stream=stream, with_articles=with_articles)
        finally:
            documents.close()  # on Ctrl-C too: worker processes are stopped at once
            if writer is not None:
                with aside():
                    writer.close()
        if not written and messages.errors:
            raise KeepOld  # every input failed: an old --out file stays as it was
    return 1 if messages.errors else 0


def _inputs(paths: list[str], date, messages):
    """The inputs of the paths, each article's reading warnings told as it is read."""
    from claimcmp.text.io import LoadedArticle, iter_inputs

    for item in iter_inputs(paths, date=date):
        if isinstance(item, LoadedArticle):
            for warning in item.warnings:
                messages.warning(f"{warning} ({item.article.id})")
        yield item


def _write_all(documents, *, bar, messages, aside, writer, console, stream, with_articles: bool) -> int:
    """Write each extract document (or part of one) as it comes; an input error is told, not
    written. Returns how many documents were written."""
    from claimcmp.core import DocumentPart
    from claimcmp.errors import InputError

    written = 0
    for item in documents:
        part = item if isinstance(item, DocumentPart) else None
        item = part.document if part is not None else item
        if part is None or part.last:
            bar()
        if isinstance(item, InputError):
            messages.error(str(item))
            continue
        written += 1
        with aside():
            if part is not None and writer is not None:
                writer.write_part(item, first=part.first, last=part.last)
            else:
                _write(item, writer=writer, console=console, stream=stream,
                       with_articles=with_articles and (part is None or part.first))
    return written


def _write(item, *, writer, console, stream, with_articles: bool) -> None:
    """One extract document as a JSON array member, a table or JSONL lines."""
    from claimcmp.models import dump

    if writer is not None:
        writer.write(item)
    elif console is not None:
        from claimcmp.render.extract_table import render_extract

        render_extract(item, console)
    else:
        # whole lines only: each is written in one call, so a reader never
        # sees half a claim however the run ends
        lines = [json.dumps({"article": dump(item.article)}, ensure_ascii=False)] \
            if with_articles else []
        lines += [json.dumps(dump(claim), ensure_ascii=False) for claim in item.claims]
        stream.write("".join(line + "\n" for line in lines))
    if stream is sys.stdout:
        stream.flush()  # results of a long run appear as they are made


def _is_dir(path: str) -> bool:
    import os

    return path != "-" and os.path.isdir(path)
