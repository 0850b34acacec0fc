"""Finding time expressions in raw text: find_expressions, the regexes it scans with, and the
time words of the overlay in force (_grammar, which claimcmp.time.temporal's resolve reads too).

find_expressions scans raw text with regexes: recall on a blank pipeline, and forms the NER
misses or cuts short ("since February"). Each pattern is compiled behind a lookahead for the
characters a match can start with (_fail_fast), so the scan leaves most positions early.
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from claimcmp.knowledge.lexicons import cue_lists, time_words
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.time.match_starts import Starts, TextStarts, _first_chars, _sre_parser, match_starts, scan

# The words of months, weekdays and counts are data, read per overlay by _grammar: month_names
# and weekday_names of cues.json (English, in calendar order: calendar.month_name would follow
# the process locale), month_abbreviations, weekday_abbreviations, number_words, tens_words,
# vague_counts ("a few" is 3, "a couple" 2) and day_words of time_words.json.
_UNITS = "hour|day|week|month|year|decade"
_UNIT = f"(?:{_UNITS})"
_DASH = r"[-\u2013\u2014]"


def _alt(words: Iterable[str]) -> str:
    # longest first, so alternation never stops at a prefix ("sept" before "sep")
    return "|".join(sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- find_expressions
def _fail_fast(pattern: str, flags: int) -> re.Pattern:
    """pattern compiled behind a lookahead for the characters a match can start with, so
    that the scan leaves most positions after a class test (the patterns open with
    optional words, which re tries one by one at every position). Same matches: the class
    is read from the parsed pattern and holds every possible first character (those of a
    case-sensitive part, such as a month name, in a case-sensitive class); if it cannot be
    read (a pattern that may match the empty string or start with anything), none."""
    try:
        parsed = _sre_parser.parse(pattern, flags)
        first = _first_chars(list(parsed), parsed.state.flags)
    except (TypeError, ValueError, AttributeError):
        first = None
    if not first:
        return re.compile(pattern, flags)
    folded = "".join(sorted(c for fold, c in first if fold))
    exact = "".join(sorted(c for fold, c in first if not fold))
    classes = ([f"(?i:[{folded}])"] if folded else []) + ([f"(?-i:[{exact}])"] if exact else [])
    return re.compile("(?=" + "|".join(classes) + ")(?:" + pattern + ")", flags)  # before every branch


_FDAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_FYEAR = r"(?<![\d.,])(?:1[5-9]|20|21)\d\d(?!\d|,\d)"
_FYEAR_ANY = r"(?<![\d.,])[12]\d{3}(?!\d|,\d|[-/]\d)"
_MODW = r"(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+|(?:early|mid|late)(?:\s+|-))"
_YMODW = (r"(?:(?:the\s+)?(?:beginning|start|end|middle|first\s+half|second\s+half|"
          r"(?:first|second|third|fourth|last)\s+quarter)\s+of\s+|(?:early|mid|late)(?:\s+|-))")
_REL = r"(?:last|this|next|this\s+past|this\s+coming)"
_RELYEAR = r"\s+(?:last|this|next)\s+year"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
# Words after a number that show it is a count, not a year ("in 2000 troops").
_NOUNS = (r"(?:%|percent\b|per\s+cent\b|people|persons|troops|soldiers|civilians|men\b|women|"
          r"children|fighters|militants|refugees|dollars|euros|pounds|km\b|kilomet|miles|"
          r"met(?:er|re)s|tons|tonnes|members|residents|casualties|deaths|dead\b|units|rounds|"
          r"barrels|votes|gmt|utc|hours|hrs|local|feet|kg\b|rubles|yuan|points|jobs|homes)")
_DATEY = rf"(?:,?\s+{_FYEAR_ANY}|{_RELYEAR})?"


def _calendar_patterns(full: list[str], abbr: dict[str, int], weekdays: dict[str, int]) -> list[str]:
    """The patterns of find_expressions that name months, weekdays, seasons and days.
    Month names are matched case-sensitively (Title or UPPER): lower-case "may"/"march" are
    verbs. Everything else is case-insensitive. A month alone needs a context word before it."""
    cased_full = [f(w) for w in full for f in (str.capitalize, str.upper)]
    fmon_full = "(?-i:" + _alt(cased_full) + r")(?![\w-])"
    fmon = ("(?-i:" + _alt(cased_full + [f(w) + r"\.?" for w in abbr for f in (str.capitalize, str.upper)])
            + r")(?![a-z])")
    fwd = "(?:" + _alt(n for n in weekdays if len(n) > 5) + r")\b"
    return [
        r"(?<![\d-])[12]\d{3}-(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9])(?![\d-])",
        r"(?<![\d/])(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])/[12]\d{3}(?![\d/])",
        rf"(?:{fwd},?\s+)?{fmon}\s+{_FDAY}(?:\s*{_DASH}\s*(?:{fmon}\s+)?{_FDAY}|\s+(?:to|until|through)\s+"
        rf"{fmon}\s+{_FDAY})?{_DATEY}",
        rf"(?:{fwd},?\s+)?(?:the\s+)?{_FDAY}(?:(?:\s+(?:of\s+)?{fmon})?\s*{_DASH}\s*{_FDAY})?\s+(?:of\s+)?{fmon}{_DATEY}",
        rf"(?:{_MODW})?{fmon}(?:\s*,\s*|\s+)(?:of\s+)?{_FYEAR_ANY}",
        rf"\b(?:in|during|by|until|till|from|before|after|through|throughout|of|since|around)\s+"
        rf"(?P<x>{fmon_full}(?:{_RELYEAR})?)(?!'s|\u2019s)",
        rf"(?:{_MODW}|{_REL}\s+)+{fmon_full}(?:{_RELYEAR})?",
        rf"\b(?:in|during|by|until|till|of|from|before|after|through|throughout|around|circa|year|"
        rf"since|between)\s+(?P<x>{_FYEAR}(?:\s*(?:{_DASH}|to\b|and\b|until\b|through\b)\s*"
        rf"(?:{_FYEAR}|\d\d(?!\d)))?)(?!\s*{_NOUNS})",
        rf"(?:{_YMODW})+{_FYEAR}",
        r"(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?<![\w'\u2019])(?:1\d|20)\d0s|['\u2019\u2018]\d0s)\b"
        r"|\bthe\s+(?:(?:early|mid|late)[\s-]+)?\d0s\b",
        rf"(?:{_MODW})?(?:the\s+)?{_SEASON}(?:\s*,\s*|\s+)(?:of\s+)?{_FYEAR}",
        rf"(?:(?:early|mid|late)[\s-]+)?\b{_REL}\s+(?:(?:early|mid|late)[\s-]+)?{_SEASON}\b",
        r"\b(?:in|during|over|through|throughout|since|by|until|till)\s+(?P<x>(?:the\s+)?"
        rf"(?:(?:early|mid|late)[\s-]+)?(?:spring|summer|autumn|winter)\b(?:{_RELYEAR})?)",
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:yesterday|tomorrow)"
        r"(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|this\s+(?:morning|afternoon|"
        r"evening)|last\s+night|(?:right\s+)?now|currently|at\s+present|presently|at\s+the\s+moment)\b",
        rf"\b(?:(?:{_REL}|coming)\s+)?{fwd}(?:\s+(?:morning|afternoon|evening|night))?",
        rf"\b(?:{_MODW})?(?:last|this|next|current|the\s+current)\s+(?:week(?:end)?|month|year|decade)\b",
    ]


def _count_patterns(num: str) -> list[str]:
    """The patterns of find_expressions of periods and counts ("the past two weeks")."""
    return [
        r"\b(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+the\s+(?:week|month|year)\b",
        r"\b(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)\b",
        r"\b(?:over|at)\s+the\s+weekend\b|\b(?:during|on)\s+(?P<x>the\s+weekend)\b",
        rf"\b(?:{num}\s+)?{_UNIT}s?\s+(?:ago|from\s+now)\b",
        rf"(?<!time\s)\b(?:in|within)\s+(?:the\s+next\s+)?{num}\s+{_UNIT}s?(?:'?\s+time)?\b(?!\s+of\b)",
        rf"\b(?:the|this)\s+(?:past|last|previous|next|coming|upcoming|recent|most\s+recent)\s+"
        rf"(?:{num}\s+)?{_UNIT}s\b",
        rf"\b(?:past|last|next|coming|previous)\s+{num}\s+{_UNIT}s?\b",
        rf"\b(?:recent|coming|upcoming)\s+(?:{num}\s+)?{_UNIT}s\b|\b(?:the|this)\s+(?:past|coming)\s+(?:week|month|year|decade)\b",
    ]


_SINCE_BEFORE = re.compile(r"(?<!\w)since\s+$", re.I)


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of time expressions in text (regex-based, case-insensitive where sensible),
    longest match wins, no overlaps, sorted."""
    if not isinstance(text, str) or not text:
        return []
    found, grammar, starts = set(), _grammar(), TextStarts(text)
    for pattern, can_start in zip(grammar.find, grammar.starts):
        for m in scan(pattern, can_start, starts):
            # group x, when a pattern has one, is the expression; the rest is context only
            s, e = m.span("x") if "x" in pattern.groupindex and m.group("x") else m.span()
            if e > s:
                found.add((s, e))
    chosen, taken = [], bytearray(len(text))  # taken: characters already in a chosen span
    for s, e in sorted(found, key=lambda p: (p[0] - p[1], p[0])):  # longest first
        if taken.find(1, s, e) == -1:
            chosen.append((s, e))
            taken[s:e] = b"\x01" * (e - s)
    out: list[tuple[int, int]] = []
    for s, e in sorted(chosen):
        # "since X" means X..publication date, so "since" belongs to the expression
        m = _SINCE_BEFORE.search(text, max(0, s - 12), s)
        if m and (not out or m.start() >= out[-1][1]):
            s = m.start()
        out.append((s, e))
    return out


class _Grammar(NamedTuple):
    """The words of time_words.json and cues.json and the patterns of find_expressions made of
    them (those of resolve are made in claimcmp.time.temporal from the same words)."""
    months: dict[str, int]  # month name or abbreviation -> 1..12
    weekdays: dict[str, int]  # weekday name or abbreviation -> 0..6, Monday 0
    numbers: dict[str, int]  # number words and tens words
    vague: dict[str, int]  # vague counts: "a few" 3
    day_words: dict[str, tuple[int, int]]  # "yesterday" -> (-1, -1)
    num: str  # the pattern of a count: digits or words ("twenty-one", "a few")
    find: list[re.Pattern]  # of find_expressions
    starts: list[Starts | None]  # where a match of each can start (claimcmp.time.match_starts)


def _number_words(ones: list[str], teens: list[str], tens: list[str], vague: Iterable[str]) -> str:
    """A count written out: "twenty-one", "eleven", "a couple of" (longest phrase first)."""
    phrases = "|".join(p.replace(" ", r"\s+") for p in sorted(vague, key=len, reverse=True))
    return (rf"(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(ones)}))?|{'|'.join(teens)}|"
            rf"{'|'.join(ones)}|{phrases}")


@overlay_cached
def _grammar(overlay: str | None = None) -> _Grammar:
    """The time words of the overlay in force and the patterns made of them, once per overlay."""
    lists, words = cue_lists.for_overlay(overlay), time_words.for_overlay(overlay)
    full, abbr = list(lists["month_names"]), words["month_abbreviations"]
    months = {n: i + 1 for i, n in enumerate(full)} | abbr
    weekdays = {n: i for i, n in enumerate(lists["weekday_names"])} | words["weekday_abbreviations"]
    numbers, vague = words["number_words"], words["vague_counts"]
    ones, teens = [w for w, n in numbers.items() if n < 10], [w for w, n in numbers.items() if n >= 10]
    num = rf"(?:\d{{1,5}}|{_number_words(ones, teens, list(words['tens_words']), vague)})"
    day_words = {w: (d["first"], d["last"]) for w, d in words["day_words"].items()}
    find = [_fail_fast(p, re.I) for p in _calendar_patterns(full, abbr, weekdays) + _count_patterns(num)]
    return _Grammar(months, weekdays, numbers | words["tens_words"], vague, day_words, num, find,
                    [match_starts(p) for p in find])
