"""JSON records as articles: a .json file (one record, or an array of them), a .jsonl file (one
record a line) and article_from_record (the API's way in). A bad record is an InputError
value, not an exception, so one bad record never sinks a batch."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from claimcmp.errors import InputError
from claimcmp.text.articles import LoadedArticle, _article_from_text, _clean_field, _Hints, _parse_record_date
from claimcmp.text.extract_documents import _looks_like_extract


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

def _scrub_surrogates(value: str) -> str:
    """JSON escapes can encode lone surrogates, which UTF-8 (and so sha256) cannot take."""
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

def _json_msg(error: json.JSONDecodeError) -> str:
    # some messages end in "at" ("Unterminated string starting at"): ours adds the place
    return error.msg.removesuffix(" at")
