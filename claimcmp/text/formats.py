"""Input formats: the file suffixes of each article format, and sniffing the format of content
whose name says nothing (stdin, a file named explicitly whatever its suffix)."""
from __future__ import annotations

import json
import re

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


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
