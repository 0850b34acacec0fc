"""Reading inputs (text, HTML, JSON records, folders, stdin) into articles.

Errors are values here: `iter_inputs` yields an `InputError` for a member it cannot read
and carries on, so one bad file never sinks a batch. The text an article carries is the
one claim offsets refer to, and its SHA-256 is recorded in the article.

This module walks the inputs (paths, folders, stdin) and reads each member's bytes; the
formats and sniffing are in claimcmp.text.formats, assembling an article in
claimcmp.text.articles, HTML pages in claimcmp.text.html_pages, JSON records in
claimcmp.text.records, and extract documents in claimcmp.text.extract_documents. The names
other modules import from here stay importable from here.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from claimcmp.errors import InputError
from claimcmp.text.articles import (  # noqa: F401
    EMPTY_WARNING, LoadedArticle, _article_from_text, _Hints, _loaded, clean_text,
)
from claimcmp.text.decoding import decode_with_warning, declared_charset
from claimcmp.text.extract_documents import load_extract_document, load_extract_documents  # noqa: F401
from claimcmp.text.formats import (  # noqa: F401
    ARTICLE_SUFFIXES, HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, sniff_format,
)
from claimcmp.text.html_pages import _article_from_html, html_to_plain_text  # noqa: F401
from claimcmp.text.records import (  # noqa: F401
    _records_from_json, _records_from_jsonl, article_from_record,
)

STDIN_ID = "stdin"


# --- entry points ---------------------------------------------------------------------


def iter_inputs(
    paths: Sequence[str], *, date: dt.date | None = None, stdin: BinaryIO | None = None
) -> Iterator[LoadedArticle | InputError]:
    """Yield each article (or the InputError for a bad member) in a deterministic order:
    paths in the given order; a folder's files recursively sorted by relative path (hidden
    files and unknown extensions skipped); records in file order. `-` reads stdin and
    sniffs its format; its id is "stdin". `date` overrides every publication date.
    An article's id is its file name without the extension, or, when two inputs share
    that name, its path (relative to the folder given) without it."""
    folder_members = {path: [(os.path.join(path, *relative.parts), relative)
                             for relative in article_files(Path(path))]
                      for path in paths if path != "-" and os.path.isdir(path)}
    ids = _distinct_ids(paths, folder_members)
    for path in paths:
        if path == "-":
            # sys.stdin is None when a program runs without standard input (cron, CI)
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            try:
                if stream is None:
                    raise OSError("no standard input")
                data = stream.read()
            except (OSError, ValueError) as error:
                yield InputError(f"cannot read stdin ({_reason(error)})", STDIN_ID)
                continue
            yield from _read_bytes(data, "sniff", STDIN_ID, STDIN_ID, date)
            continue
        members = folder_members.get(path)
        if members is None:
            yield from _read_file(Path(path), path, date, ids.get(path))
            continue
        if not members:
            yield InputError("not an article: a directory with no articles", path)
        for member, _relative in members:
            yield from _read_file(Path(member), member, date, ids.get(member))


def _distinct_ids(paths: Sequence[str], folder_members: dict) -> dict[str, str]:
    """Ids for the files whose name (without extension) another input file shares: the
    path relative to the folder given (or as given), without the extension, else with it."""
    files = [(path, Path(path)) for path in paths if path != "-" and path not in folder_members]
    files += [member for members in folder_members.values() for member in members]
    files = list(dict(files).items())  # a file given twice is one file
    stems: dict[str, int] = {}
    for _, relative in files:
        stems[relative.stem] = stems.get(relative.stem, 0) + 1
    clashing = [(where, relative) for where, relative in files if stems[relative.stem] > 1]
    ids = {where: Path(os.path.normpath(relative)).with_suffix("").as_posix()
           for where, relative in clashing}
    if len(set(ids.values())) < len(ids):  # "a/x.txt" and "a/x.html"
        ids = {where: Path(os.path.normpath(relative)).as_posix() for where, relative in clashing}
    return ids

def article_files(folder: Path) -> list[Path]:
    """Article files under folder, relative to it, sorted by path components; hidden
    files and folders and unknown extensions are skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            found.append(Path(root, name).relative_to(folder))
    return sorted(found, key=lambda relative: relative.parts)


# --- files and formats ----------------------------------------------------------------


def _read_file(
    path: Path, where: str, date: dt.date | None, article_id: str | None = None
) -> Iterator[LoadedArticle | InputError]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError("no such file", where)
        return
    except OSError as error:
        yield InputError(f"cannot read file ({_reason(error)})", where)
        return
    suffix = path.suffix.lower()
    kind = (
        "text" if suffix in TEXT_SUFFIXES
        else "html" if suffix in HTML_SUFFIXES
        else "json" if suffix in JSON_SUFFIXES
        else "jsonl" if suffix in JSONL_SUFFIXES
        else "sniff"  # a file named explicitly is read whatever its name
    )
    yield from _read_bytes(data, kind, article_id or path.stem, where, date)


def _read_bytes(
    data: bytes, kind: str, stem: str, where: str, date: dt.date | None
) -> Iterator[LoadedArticle | InputError]:
    if data[:1024].lstrip().startswith(b"%PDF-"):
        yield InputError("not supported: a PDF file; convert it to text first, e.g. with pdftotext", where)
        return
    try:
        text, warning = decode_with_warning(data, where, declared=declared_charset(data))
    except InputError as error:
        yield error
        return
    if warning is None:
        yield from _articles_in(text, kind, stem, where, date)
        return
    for item in _articles_in(text, kind, stem, where, date):
        if isinstance(item, LoadedArticle):  # said first: it explains odd characters
            item = dataclasses.replace(item, warnings=(warning, *item.warnings))
        yield item


def _articles_in(
    text: str, kind: str, stem: str, where: str, date: dt.date | None
) -> Iterator[LoadedArticle | InputError]:
    if not text.strip():
        yield _loaded(stem, "", _Hints(), date, raw_lines=[])
        return
    if kind == "sniff":
        kind = sniff_format(text)
    if kind == "json":
        yield from _records_from_json(text, stem, where, date)
    elif kind == "jsonl":
        yield from _records_from_jsonl(text, stem, where, date)
    elif kind == "html":
        yield _article_from_html(text, stem, date)
    else:
        yield _article_from_text(text, stem, _Hints(), date)


def _reason(error: Exception) -> str:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return reason.lower().rstrip(".")
