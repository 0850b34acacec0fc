"""Times that news gives by who held office: "since Trump took office", "after Erdogan came to
power", "during the last year of the Obama administration", "under Zelensky".

Readers (and the gold annotators) date such claims from world knowledge: the terms of office
of heads of state and government, packaged in resources/tenures.jsonl (leader ids as in
leaders.jsonl, whose aliases name them in text). Everything here is pure text -> DateSpan;
pipeline/dates.py offers the finds to the claims like any other time expression.

A term still running in the data ends at AS_OF, the date up to which the data is kept; an
article's publication date, when known, bounds "since ..." spans instead.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.lexicons import time_words
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.models import DateSpan
from claimcmp.time.match_starts import Starts, TextStarts, match_starts, scan

AS_OF = dt.date(2025, 11, 1)
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Term:
    leader: str
    office: str
    start: dt.date
    end: dt.date | None  # the day the office passed on; None: still held at AS_OF

    @property
    def last(self) -> dt.date:
        """The last day in office."""
        return self.end - _DAY if self.end else AS_OF


@dataclass(frozen=True)
class TenureFind:
    start: int  # character offsets of the expression in the text
    end: int
    span: DateSpan


@overlay_cached
def terms(overlay: str | None) -> dict[str, tuple[Term, ...]]:
    """leader id -> terms in time order."""
    out: dict[str, list[Term]] = {}
    for row in resource_loader.rows("tenures.jsonl", overlay):
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        term = Term(row["leader"], row["office"], dt.date.fromisoformat(row["start"]), end)
        out.setdefault(term.leader, []).append(term)
    return {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in out.items()}


@dataclass(frozen=True)
class _Tables:
    """What find() reads, built once per overlay."""

    terms: dict[str, tuple[Term, ...]]
    aliases: dict[str, str]  # alias as written -> leader id, for the leaders whose terms are known
    named: re.Pattern  # any of those aliases
    patterns: tuple[tuple[re.Pattern, Starts | None], ...]  # with where a match can start


@overlay_cached
def _tables(overlay: str | None) -> _Tables:
    from claimcmp.knowledge import gazetteer

    known = terms.for_overlay(overlay)
    aliases: dict[str, str] = {}
    for row in gazetteer.leaders.for_overlay(overlay):
        if row["id"] in known:
            for alias in [row["name"], *row.get("aliases", [])]:
                aliases.setdefault(alias, row["id"])
    names = _names(aliases)
    return _Tables(known, aliases, re.compile(names), _patterns(names, _title(overlay)))


def _title(overlay: str | None) -> str:
    """An office, after a country's demonym if any: every demonym of countries.jsonl."""
    from claimcmp.knowledge import gazetteer

    demonyms = {a for row in gazetteer.countries.for_overlay(overlay).values() for a in row["adjectives"]}
    words = sorted(demonyms | set(_COUNTRY_ABBREVIATIONS), key=lambda w: (-len(w), w))
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return rf"(?:(?:{alternatives})\s+)?{_OFFICE}"


# A title before the name: "President", "German Chancellor", "US President" (the
# demonyms come from countries.jsonl, see _title).
_OFFICE = (r"(?:President|Prime\s+Minister|PM|Chancellor|King|Premier|Supreme\s+Leader|Crown\s+Prince|"
           r"Secretary[- ]General|leader)\s+")
_COUNTRY_ABBREVIATIONS = ("US", "U.S.")  # written before a title where a demonym would be
_START_VERB = (r"(?:(?:first\s+)?(?:took|assumed|entered)\s+office|(?:first\s+)?(?:came|rose)\s+to\s+power|"
               r"took\s+power|seized\s+power|(?:was|were)\s+(?:sworn\s+in|inaugurated)|"
               r"became\s+(?:the\s+)?(?:president|prime\s+minister|chancellor|leader|king)|"
               r"(?:is|was|has\s+been|had\s+been|came)\s+(?:in|into)\s+(?:power|office)|"
               r"(?:moved\s+into|entered|arrived\s+(?:at|in))\s+the\s+White\s+House)")
_RETURN_VERB = r"(?:returned\s+to\s+(?:power|office|the\s+White\s+House))"
_START_NOUN = (r"(?:arrival\s+(?:at|in)\s+(?:the\s+)?(?:White\s+House|office|power|Kremlin)|inauguration|"
               r"swearing[- ]in|accession|(?:rise|coming|ascent)\s+to\s+power|taking\s+office|"
               r"return\s+to\s+(?:power|office|the\s+White\s+House))")
_PERIOD_NOUN = (r"(?:administration|government|presidency|term|tenure|premiership|rule|reign|era|"
                r"cabinet|chancellorship|years\s+in\s+(?:office|power))")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_PART = (r"(?:the\s+)?(?P<edge>first|last|final|opening|closing)\s+(?:(?P<n>\d+|two|three|four|five|six|"
         r"few|several)\s+)?(?P<unit>days?|weeks?|months?|years?)\s+(?:of|in)\s+")
# The count words of _PART are read in time_words.json (number_words, vague_counts).


def _names(aliases: dict[str, str]) -> str:
    """The leaders' names, longest first, as written (case matters: "Bush", not "bush")."""
    names = sorted(aliases, key=len, reverse=True)
    return rf"(?-i:(?P<name>{'|'.join(re.escape(n) for n in names)}))(?![\w-])"


def _patterns(names: str, title: str) -> tuple[tuple[re.Pattern, Starts | None], ...]:
    """Each pattern with where a match of it can start. A pattern is its opening words (head)
    and the rest; a match of the whole opens with a match of the head, so the head's starts
    (read from the short head: parsing the whole, names and all, would cost ~60 ms) are
    a superset of the pattern's."""
    who = rf"(?:{title})?{names}"
    pron = r"(?P<pron>he|she)"
    poss = rf"(?:{who}(?:['\u2019]s?)?|(?P<pposs>his|her))"
    since = r"\b(?P<prep>since|after|following|ever\s+since)"
    in_ = r"\b(?:during|under|in|throughout|over)"
    return tuple((re.compile(f"(?:{head}){rest}", re.I), match_starts(re.compile(head, re.I))) for head, rest in (
        (since, rf"\s+(?:{who}|{pron})\s+(?:(?P<ret>{_RETURN_VERB})|{_START_VERB})"),
        (since, rf"\s+(?:the\s+)?{poss}\s+(?P<noun>{_START_NOUN})"),
        (in_, rf"\s+(?:{_PART})?(?:the\s+)?{poss}\s+(?:(?P<ord>first|second|third|fourth|fifth)\s+)?{_PERIOD_NOUN}\b"),
        (r"\bunder", rf"\s+{who}(?!\s*['\u2019])"),
    ))


def find(text: str, published: dt.date | None) -> list[TenureFind]:
    """Every expression dated by a term of office, resolved (those that cannot be resolved,
    such as a pronoun with no leader before it, are left out)."""
    tables = _tables()
    if not isinstance(text, str) or not text or not tables.aliases:
        return []
    found: list[TenureFind] = []
    starts = TextStarts(text)
    for pattern, can_start in tables.patterns:
        for m in scan(pattern, can_start, starts):
            leader = _leader(m, text, tables)
            span = _resolve(tables.terms[leader], m, published) if leader else None
            if span is not None:
                found.append(TenureFind(m.start(), m.end(), span))
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[TenureFind] = []
    for f in found:  # the first and longest find at each place; no overlaps
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def _leader(m: re.Match, text: str, tables: _Tables) -> str | None:
    if m.group("name"):
        return tables.aliases[m.group("name")]
    # "since he came to power": the last leader named in the 300 characters before.
    named = list(tables.named.finditer(text, max(0, m.start() - 300), m.start()))
    return tables.aliases[named[-1].group("name")] if named else None


def _chain(leader_terms: tuple[Term, ...], index: int) -> tuple[dt.date, dt.date]:
    """The unbroken stretch in office around terms[index] (Putin: PM, then president ...)."""
    lo = hi = index
    while lo > 0 and (leader_terms[lo].start - leader_terms[lo - 1].last).days <= 2:
        lo -= 1
    while hi + 1 < len(leader_terms) and (leader_terms[hi + 1].start - leader_terms[hi].last).days <= 2:
        hi += 1
    return leader_terms[lo].start, max(t.last for t in leader_terms[lo:hi + 1])


def _term_index(leader_terms: tuple[Term, ...], published: dt.date | None, returned: bool) -> int | None:
    """The term the text speaks of: the latest begun by publication (None if none had begun:
    the name is someone else's, as "Bush" in 1991); undated, the first (the second for a
    return to office)."""
    if published is None:
        return min(1, len(leader_terms) - 1) if returned else 0
    begun = [i for i, t in enumerate(leader_terms) if t.start <= published]
    return begun[-1] if begun else None


def _resolve(leader_terms: tuple[Term, ...], m: re.Match, published: dt.date | None) -> DateSpan | None:
    groups = m.groupdict()
    returned = bool(groups.get("ret")) or "return" in (groups.get("noun") or "").lower()
    index = _term_index(leader_terms, published, returned)
    if groups.get("ord"):
        index = _ORDINALS[groups["ord"].lower()] - 1
    if index is None or index >= len(leader_terms):
        return None
    term = leader_terms[index]
    if groups.get("prep"):  # since / after: from taking office up to publication
        start, end = term.start, term.last
        if not returned and "power" in m.group(0).lower():
            start, end = _chain(leader_terms, index)  # in power, whatever the office
        if published is not None and published >= start:
            return _span(start, published, m.group(0), "relative")
        return _span(start, end, m.group(0), "explicit")
    start, end = (term.start, term.last) if groups.get("ord") else _chain(leader_terms, index)
    source = "explicit"
    if published is not None and start <= published < end and not groups.get("edge"):
        end, source = published, "relative"  # "under Erdogan" in 2017: the years up to 2017
    if groups.get("edge"):
        start, end = _part(start, end, groups, end < AS_OF)
        if start is None:
            return None
    return _span(start, end, m.group(0), source)


def _count_word(word: str) -> int:
    """"two" 2, "several" 3 (time_words.json); no count word, 1."""
    words = time_words()
    return words["number_words"].get(word) or words["vague_counts"].get(word, 1)


def _part(start: dt.date, end: dt.date, groups: dict, ended: bool):
    """"the first 100 days", "the last year" of the span start..end (end: last day held)."""
    n = groups.get("n")
    count = int(n) if n and n.isdigit() else _count_word((n or "").lower())
    unit = groups["unit"].lower().rstrip("s")
    first = groups["edge"].lower() in ("first", "opening")
    if not first and not ended:
        return None, None  # "the last year of" a term not yet over is not known
    sign = 1 if first else -1
    edge = start if first else end + _DAY
    if unit in ("day", "week"):
        other = edge + sign * dt.timedelta(days=count * (7 if unit == "week" else 1))
    else:
        months = edge.year * 12 + edge.month - 1 + sign * count * (12 if unit == "year" else 1)
        year, month = divmod(months, 12)
        day = min(edge.day, calendar.monthrange(year, month + 1)[1])
        other = dt.date(year, month + 1, day)
    if first:
        return start, min(end, other - _DAY)
    return max(start, other), end


def _span(start: dt.date, end: dt.date, text: str, source: str) -> DateSpan | None:
    if end < start:
        return None
    return DateSpan(start=start, end=end, granularity="day", text=text, source=source)
