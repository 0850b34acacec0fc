"""The Python API, for notebooks and scripts: `claimcmp.extract` and `claimcmp.compare`.

    import claimcmp
    docs = claimcmp.extract(["Russia and Turkey agreed on Tuesday to hold talks.", ...], date="2024-03-05")
    diff = claimcmp.compare(docs[0], docs[1])

Same pipeline, same output as the CLI (`extract --format json`, `diff --format json`):
pydantic documents (claimcmp.models), `.model_dump(mode="json")` for plain dicts.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from claimcmp.errors import InputError, UsageError
from claimcmp.models import DiffDocument, ExtractDocument


def extract(texts_or_records: str | dict | Iterable[str | dict], *, date: str | dt.date | None = None,
            model: str | None = None, resources: str | None = None, nlp=None) -> list[ExtractDocument]:
    """One ExtractDocument per article, in input order.

    An article is a text, or a record as in a JSON input file ({"text", "id", "title",
    "source", "author", "url", "date"}; only "text" is required). A text's id is text-<n>.
    `date` (YYYY-MM-DD or a date) overrides every publication date; `model` names the spaCy
    pipeline (as --model); `resources` is an overlay folder (as --resources); `nlp` a
    pipeline already loaded with claimcmp's components. A bad record raises InputError.
    """
    from claimcmp.core import extract_documents
    from claimcmp.knowledge.resource_loader import using

    published = _date(date)
    with using(resources):
        articles = [_loaded(item, n, published) for n, item in enumerate(_items(texts_or_records), 1)]
        documents = list(extract_documents(articles, nlp=nlp, model=model))
    for document in documents:
        if isinstance(document, InputError):
            raise document
    return documents


def compare(a: ExtractDocument | str | dict, b: ExtractDocument | str | dict, *, window_days: int = 30,
            all_pairs: bool = False, date: str | dt.date | None = None, model: str | None = None,
            resources: str | None = None) -> DiffDocument:
    """The DiffDocument of two articles: documents from extract(), or a text or record each
    (extracted first, with `date`, `model` and `resources`). As `claimcmp diff A B`."""
    from claimcmp.core import compare as compare_documents
    from claimcmp.knowledge.resource_loader import using

    sides = [a, b]
    with using(resources):
        # articles are extracted together, so their ids follow their places: text-1, text-2
        texts = [n for n, side in enumerate(sides) if not isinstance(side, ExtractDocument)]
        documents = extract([_record(sides[n], n + 1) for n in texts], date=date, model=model) if texts else []
        for n, document in zip(texts, documents):
            sides[n] = document
        return compare_documents(sides[0], sides[1], window_days=window_days, all_pairs=all_pairs)


def _record(side: str | dict, number: int) -> dict:
    record = {"text": side} if isinstance(side, str) else dict(side)
    record.setdefault("id", f"text-{number}")
    return record


def _items(texts_or_records) -> list:
    if isinstance(texts_or_records, (str, dict)):
        return [texts_or_records]
    return list(texts_or_records)


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UsageError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def _loaded(item: Any, number: int, date: dt.date | None):
    from claimcmp.text.io import LoadedArticle, article_from_record

    if isinstance(item, LoadedArticle):
        return item
    record = {"text": item} if isinstance(item, str) else item
    loaded = article_from_record(record, f"text-{number}", f"texts[{number - 1}]", date)
    if isinstance(loaded, InputError):
        raise loaded
    return loaded
