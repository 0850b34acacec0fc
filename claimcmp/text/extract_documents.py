"""Loading the documents `claimcmp extract --format json` wrote (compare and diff read them),
and telling such a document from an article record (_looks_like_extract)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcmp.errors import InputError
from claimcmp.models import SCHEMA, ExtractDocument
from claimcmp.text.decoding import decode_text
from claimcmp.text.formats import JSON_SUFFIXES


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


def holds_extract_documents(path: str) -> bool:
    """Whether the file at path looks like `extract --format json` output (read, not
    validated: an invalid document is reported when it is loaded)."""
    return _extract_items(path) is not None


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

def _looks_like_extract(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("schema"), str)
        and value["schema"].startswith("claimcmp/")
        and ("article" in value or "claims" in value)
    )
