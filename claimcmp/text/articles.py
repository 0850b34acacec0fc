"""An article as loaded (LoadedArticle): its text without page furniture (clean_text) and its
metadata, container hints (_Hints: a JSON record's fields, an HTML page's metadata) first,
then what the text's lines say.

The text an article carries is the one claim offsets refer to, and its SHA-256 is recorded
in the article.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from claimcmp.models import Article, Published
from claimcmp.text import metadata as md

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


# --- container fields -----------------------------------------------------------------


def _clean_field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


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
