"""Reading inputs (text, HTML, JSON records, folders, stdin) into articles.

Errors are values here: `iter_inputs` yields an `InputError` for a member it cannot read
and carries on, so one bad file never sinks a batch. The text an article carries is the
one claim offsets refer to, and its SHA-256 is recorded in the article.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html as html_lib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from claimcmp.errors import InputError
from claimcmp.models import SCHEMA, Article, ExtractDocument, Published
from claimcmp.text import metadata as md
from claimcmp.text.decoding import decode_text, decode_with_warning, declared_charset

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
STDIN_ID = "stdin"
EMPTY_WARNING = "empty article"


@dataclass(frozen=True)
class LoadedArticle:
    article: Article
    text: str
    warnings: tuple[str, ...] = ()


@dataclass
class _Hints:
    """What a container (JSON record, HTML metadata) says about an article; it outranks
    whatever the text itself suggests."""

    title: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    date: dt.date | None = None
    extra_warnings: list[str] = field(default_factory=list)


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


def load_extract_document(path: str) -> ExtractDocument | None:
    """The document `claimcmp extract --format json` wrote at path (an object with
    "schema", "article" and "claims", or a one-element array of one), or None when path
    holds something else. Raises InputError when it looks like one but is invalid."""
    items = _extract_items(path)
    if items is None:
        return None
    if len(items) != 1:
        raise InputError(f"{len(items)} extract documents in one file; give one per input", path)
    return _validated_extract(items[0], path)


def load_extract_documents(path: str) -> list[ExtractDocument] | None:
    """Like load_extract_document, for a file holding any number of documents (the JSON
    array `extract --format json` writes for several inputs)."""
    items = _extract_items(path)
    return None if items is None else [_validated_extract(item, path) for item in items]


def _extract_items(path: str) -> list | None:
    """The parsed items of a JSON file that looks like extract output, else None."""
    candidate = Path(path)
    if path == "-" or candidate.suffix.lower() not in JSON_SUFFIXES or not candidate.is_file():
        return None
    try:
        parsed = json.loads(decode_text(candidate.read_bytes(), path))
    except (OSError, InputError, ValueError, RecursionError):
        return None  # not readable as JSON: iter_inputs reports why, if it is read at all
    if isinstance(parsed, list):
        return parsed if any(_looks_like_extract(item) for item in parsed) else None
    return [parsed] if _looks_like_extract(parsed) else None


def _validated_extract(parsed: Any, path: str) -> ExtractDocument:
    if not isinstance(parsed, dict) or parsed.get("schema") != SCHEMA:
        schema = parsed.get("schema") if isinstance(parsed, dict) else None
        raise InputError(f"unsupported schema {schema!r} (expected {SCHEMA!r})", path)
    try:
        return ExtractDocument.model_validate(parsed)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "document"
        raise InputError(f"invalid extract document: {location}: {first['msg'].lower()}",
                         path) from None


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


def sniff_format(text: str) -> str:
    """"json", "jsonl", "html" or "text" for content whose file name says nothing."""
    head = text.lstrip()
    if head.startswith(("{", "[")):
        try:
            json.loads(head)
            return "json"
        except RecursionError:
            return "json"  # nested too deeply: an error to report, not prose to parse
        except ValueError:
            pass
        lines = [line.strip() for line in head.split("\n") if line.strip()]
        # records one a line, some perhaps broken: read as a .jsonl file is
        if len(lines) > 1 and (all(line.startswith("{") for line in lines) or _is_json_object(lines[0])):
            return "jsonl"
        if head.startswith("{"):
            return "json"  # broken JSON: reporting the parse error beats reading it as prose
    if re.match(r"(?:<!doctype\s+html|<html|<head|<body|<!--|<(?:p|div|article|meta|title|"
                r"section|h[1-6])\b)", head, re.I):
        return "html"
    return "text"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


# --- articles -------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Text without page furniture, as paragraphs separated by blank lines. A line that
    stops mid-sentence and is followed by a lower-case line is a wrapped line and is
    joined to it; every other line is a paragraph of its own."""
    paragraphs: list[str] = []
    in_link_list = False
    joinable = False
    for raw in text.split("\n"):
        line = re.sub(r"[ \t\u00a0\u2000-\u200a\u3000]+", " ", raw).strip()
        if not line:
            joinable = False  # a blank line may sit between a "Related" marker and its list
            continue
        if md.is_link_list_marker(line):
            in_link_list, joinable = True, False
            continue
        if in_link_list and (md.is_headline_like(line) or md.is_keyword_list(line)):
            continue
        in_link_list = False
        if md.is_furniture(line):
            joinable = False
            continue
        if joinable and paragraphs and line[0].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        joinable = not re.search(r"[.!?:;'\"”’»)]$", line)
    return "\n\n".join(paragraphs)


def _article_from_text(
    text: str, article_id: str, hints: _Hints, date: dt.date | None
) -> LoadedArticle:
    return _loaded(article_id, clean_text(text), hints, date, raw_lines=text.split("\n"))


def _loaded(
    article_id: str, text: str, hints: _Hints, date: dt.date | None, raw_lines: list[str]
) -> LoadedArticle:
    """Assemble the article: container hints first, then what the text's lines say."""
    urls = md.find_urls("\n".join(raw_lines))
    url = hints.url or (urls[0] if urls else None)
    source = hints.source or md.find_source_line(raw_lines) or (md.host_of(url) if url else None)
    warnings = list(hints.extra_warnings)
    if date is not None:
        published = Published(date=date, source="cli")
    elif hints.date is not None:
        published = Published(date=hints.date, source="metadata")
    else:
        published = _published_from_text(hints.url, urls, raw_lines)
    language = md.detect_language(text)
    if not text:
        warnings.insert(0, EMPTY_WARNING)
    elif language == md.UNDETERMINED:
        warnings.append("language does not look like English")
    elif language != "en":
        warnings.append(f"language looks like '{language}', not English")
    article = Article(
        id=article_id,
        title=hints.title or md.find_title(raw_lines),
        source=source,
        author=hints.author or md.find_author(raw_lines),
        url=url,
        published=published,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        language=language,
    )
    return LoadedArticle(article=article, text=text, warnings=tuple(warnings))


def _published_from_text(url: str | None, urls: list[str], raw_lines: list[str]) -> Published:
    for candidate in ([url] if url else []) + urls:
        from_url = md.date_from_url(candidate)
        if from_url:
            return Published(date=from_url, source="url")
    from_header = md.parse_published(raw_lines)
    if from_header:
        return Published(date=from_header, source="header")
    return Published()


# --- HTML -----------------------------------------------------------------------------


def _article_from_html(page: str, article_id: str, date: dt.date | None) -> LoadedArticle:
    hints = _Hints()
    main_text = None
    try:
        import trafilatura

        main_text = trafilatura.extract(page, include_comments=False, include_tables=False)
        meta = trafilatura.extract_metadata(page, extensive=False)
    except ImportError:
        hints.extra_warnings.append("html extraction unavailable (trafilatura cannot be imported)")
        meta = None
    except Exception:  # a malformed page must fall back to plain text, not sink a batch
        meta = None
    if meta is not None:
        hints.title = _clean_field(meta.title)
        hints.author = md.plausible_author(_clean_field(meta.author))
        hints.url = _clean_field(meta.url)
        hints.source = _clean_field(meta.sitename) or (md.host_of(hints.url) if hints.url else None)
        hints.date = _parse_record_date(meta.date) if meta.date else None
    hints.author = md.meta_author(page) or hints.author  # what the page says, as it says it
    if not main_text or not main_text.strip():
        main_text = html_to_plain_text(page)
    return _article_from_text(main_text, article_id, hints, date)


_DROPPED_ELEMENTS = re.compile(
    r"<(script|style|noscript|nav|header|footer|aside|form|template|svg)\b.*?</\1\s*>",
    re.I | re.S,
)
_BLOCK_BOUNDARY = re.compile(
    r"<(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?section|/?article|/?blockquote|/?pre|/?ul|/?ol)"
    r"\b[^>]*>",
    re.I,
)


def html_to_plain_text(page: str) -> str:
    """Visible body text of a page, one block element per line (the fallback when
    trafilatura finds no main text)."""
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    page = _DROPPED_ELEMENTS.sub("\n", page)
    body = re.search(r"<body\b[^>]*>(.*)", page, re.I | re.S)
    if body:
        page = body.group(1)
    else:
        page = re.sub(r"<title\b.*?</title\s*>", " ", page, flags=re.I | re.S)
    page = _BLOCK_BOUNDARY.sub("\n", page)
    page = re.sub(r"<[^>]*>", " ", page)
    return html_lib.unescape(page)


def _clean_field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


# --- JSON records ---------------------------------------------------------------------


def _records_from_json(
    text: str, stem: str, where: str, date: dt.date | None
) -> Iterator[LoadedArticle | InputError]:
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(
            f"invalid JSON: {_json_msg(error)} at line {error.lineno} column {error.colno}", where
        )
        return
    except RecursionError:
        yield InputError("invalid JSON: nested too deeply", where)
        return
    if isinstance(parsed, dict):
        # a lone record is named like a text file; ids numbered by position need a list
        yield _article_from_record(parsed, stem, where, date)
    elif isinstance(parsed, list):
        if not parsed:
            yield InputError("no records (an empty JSON array)", where)
        for index, record in enumerate(parsed):
            yield _article_from_record(record, f"{stem}-{index + 1}", f"{where}[{index}]", date)
    else:
        kind = type(parsed).__name__
        yield InputError(f"not an article: JSON holds a {kind}, not a record", where)


def _records_from_jsonl(
    text: str, stem: str, where: str, date: dt.date | None
) -> Iterator[LoadedArticle | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_where = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"invalid JSON: {_json_msg(error)} at column {error.colno}",
                             line_where)
            continue
        except RecursionError:
            yield InputError("invalid JSON: nested too deeply", line_where)
            continue
        yield _article_from_record(record, f"{stem}-{number}", line_where, date)


def article_from_record(
    record: Any, default_id: str, where: str, date: dt.date | None = None
) -> LoadedArticle | InputError:
    """A record as in a JSON input ({"text", "id"?, "title"?, ...}) as an article (the API's way in)."""
    return _article_from_record(record, default_id, where, date)


def _article_from_record(
    record: Any, default_id: str, where: str, date: dt.date | None
) -> LoadedArticle | InputError:
    if not isinstance(record, dict):
        return InputError(f"record is not a JSON object (a {type(record).__name__})", where)
    if _looks_like_extract(record) or {"a", "b", "pairs"} <= record.keys():
        return InputError("a claimcmp output document, not an article", where)
    if "text" not in record:
        return InputError('record has no "text" field', where)
    text = record["text"]
    if not isinstance(text, str):
        return InputError('"text" is not a string', where)
    hints = _Hints()
    for name in ("title", "author", "source", "url"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return InputError(f'"{name}" is not a string', where)
        setattr(hints, name, _clean_field(_scrub_surrogates(value)) if value else None)
    raw_date = record.get("date")
    if raw_date not in (None, ""):
        hints.date = _parse_record_date(raw_date)
        if hints.date is None:
            return InputError(f'invalid "date" {raw_date!r} (expected YYYY-MM-DD)', where)
    record_id = record.get("id")
    usable_id = isinstance(record_id, (str, int)) and not isinstance(record_id, bool)
    if not usable_id or not str(record_id).strip():
        record_id = default_id
    text = _scrub_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    return _article_from_text(text, _scrub_surrogates(str(record_id).strip()), hints, date)


def _parse_record_date(value: Any) -> dt.date | None:
    """YYYY-MM-DD, or the date part of an ISO timestamp."""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\w:.+\-]*)?\s*", value)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _scrub_surrogates(value: str) -> str:
    """JSON escapes can encode lone surrogates, which UTF-8 (and so sha256) cannot take."""
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _looks_like_extract(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("schema"), str)
        and value["schema"].startswith("claimcmp/")
        and ("article" in value or "claims" in value)
    )


def _json_msg(error: json.JSONDecodeError) -> str:
    # some messages end in "at" ("Unterminated string starting at"): ours adds the place
    return error.msg.removesuffix(" at")


def _reason(error: Exception) -> str:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return reason.lower().rstrip(".")
