"""Articles from HTML pages: main text and metadata by trafilatura (imported only when a page
is read), else the page's visible body text (html_to_plain_text)."""
from __future__ import annotations

import datetime as dt
import html as html_lib
import re

from claimcmp.text import metadata as md
from claimcmp.text.articles import LoadedArticle, _article_from_text, _clean_field, _Hints, _parse_record_date


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
