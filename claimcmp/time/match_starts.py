"""Where a match of a find pattern can start, so that it is tried only there.

pattern.finditer tries a pattern at every position its first-character lookahead lets
through (claimcmp.time.expressions._fail_fast); in running text that is most letters, and
the patterns open with optional words ("the", "early", "in"), which re tries one by one at
each of them: most of the time find_expressions takes. match_starts reads from the parsed
pattern what a match opens with: for every way it can begin, the run of literal characters
it begins with ("the", "january") or else its first character (a digit, a quote); scan finds
those in the text with str.find and tries pattern.match at those positions only, in order.
That is what finditer does, less the positions where no match can begin, so the matches are
the same ones (tests/test_temporal.py checks every pattern on texts against finditer).

The literal runs are looked up in text.lower(): a match of "May" or, case-insensitively, of
"the" is there as "may" and "the" -- unless the text holds a non-ASCII character that re
lets stand for an ASCII letter (the Kelvin sign for "k", the long s for "s", dotless i for
"i"), or lower() changes the text's length; such a text is scanned with finditer as before.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

try:  # the regex parser: re._parser since Python 3.11, sre_parse before
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre
    import sre_parse as _sre_parser

_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"}
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))


def _first_chars(items: list, flags: int) -> set[tuple[bool, str]] | None:
    """(case-insensitive?, class item: an escaped character or \\d \\s \\w) for every first
    character of a match of the parsed items; None if unknown or if they can match the
    empty string."""
    first, nullable = _first_or_empty(items, flags)
    return None if nullable else first


def _first_of(op, av, flags: int) -> tuple[set[tuple[bool, str]] | None, bool]:
    """(first characters of one parsed item or None, whether it can match the empty string)."""
    fold = bool(flags & re.I)
    if op is _sre.LITERAL:
        return {(fold, re.escape(chr(av)))}, False
    if op is _sre.IN:
        out = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                out.add((fold, re.escape(chr(value))))
            elif kind is _sre.RANGE and value[1] - value[0] < 256:
                out.update((fold, re.escape(chr(c))) for c in range(value[0], value[1] + 1))
            elif kind is _sre.CATEGORY and value in _CATEGORIES:
                out.add((True, _CATEGORIES[value]))
            else:
                return None, False
        return out, False
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # zero-width
    return _composite(op, av, flags, _first_or_empty) or (None, False)


def _composite(op, av, flags: int, walk) -> tuple[set | None, bool] | None:
    """What `walk` (_first_or_empty or _heads) finds at the start of a group, a branch or a
    repeat, with whether it can match the empty string; None when op is none of these."""
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return walk(list(sub), (flags | add_flags) & ~del_flags)
    if op is _sre.BRANCH:
        out, nullable = set(), False
        for branch in av[1]:
            found, empty = walk(list(branch), flags)
            if found is None:
                return None, False
            out |= found
            nullable = nullable or empty
        return out, nullable
    if op in _REPEATS:
        low, _high, sub = av
        found, empty = walk(list(sub), flags)
        return found, empty or low == 0
    return None


def _first_or_empty(items: list, flags: int) -> tuple[set[tuple[bool, str]] | None, bool]:
    """(first characters of a sequence of parsed items or None, whether it can match empty)."""
    out: set[tuple[bool, str]] = set()
    for op, av in items:
        first, nullable = _first_of(op, av, flags)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


# A non-ASCII character that matches an ASCII letter under re.IGNORECASE (U+212A KELVIN SIGN,
# U+017F LONG S, U+0130/U+0131 dotted and dotless I): where one is, lower() does not show a
# match's literal run.
_FOLDS_TO_ASCII = re.compile("(?i)[A-Za-z]")


class Starts(NamedTuple):
    """What a match of one pattern can open with."""
    runs: tuple[tuple[str, bool], ...]  # (ASCII literal run, lower-case; after a \b?)
    chars: re.Pattern | None  # the single first characters of the other ways to begin


def match_starts(pattern: re.Pattern) -> Starts | None:
    """The runs and first characters a match of pattern can open with; None if they cannot be
    read or if the pattern may match the empty string (then it is scanned as it is)."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        heads, nullable = _heads(list(parsed), parsed.state.flags)
    except (TypeError, ValueError, AttributeError):
        return None
    if heads is None or nullable or not heads:
        return None
    runs = tuple(sorted(h for kind, h in heads if kind == "run"))
    chars = [h for kind, h in heads if kind == "char"]
    folded = "".join(sorted(c for fold, c in chars if fold))
    exact = "".join(sorted(c for fold, c in chars if not fold))
    classes = ([f"(?i:[{folded}])"] if folded else []) + ([f"[{exact}]"] if exact else [])
    return Starts(runs, re.compile("|".join(classes)) if classes else None)


def _heads(items: list, flags: int, bounded: bool = False) -> tuple[set | None, bool]:
    """(the heads a match of the parsed items can open with, whether the items can match the
    empty string); a head is ("run", (lower-case literal run, whether a \b comes right
    before it)) or ("char", (fold, class item)). None if some way to begin cannot be read."""
    out: set = set()
    for i, (op, av) in enumerate(items):
        run = _literal_run(items, i)
        if run:
            return out | {("run", (r.lower(), bounded)) for r in _extended(run, items, i + len(run))}, False
        if op is _sre.AT and av is _sre.AT_BOUNDARY and not flags & re.ASCII:
            bounded = True  # Unicode \b: TextStarts._run_positions tests it as re does
            continue
        heads, nullable = _item_heads(op, av, flags, bounded)
        if heads is None:
            return None, False
        out |= heads
        if not nullable:
            return out, False
    return out, True


def _literal_run(items: list, i: int) -> str:
    """The ASCII literal characters from items[i] on ("" if items[i] is not one)."""
    run = []
    for op, av in items[i:]:
        if op is not _sre.LITERAL or av > 127:
            break
        run.append(chr(av))
    return "".join(run)


def _extended(run: str, items: list, j: int) -> list[str]:
    """run, or run + the literal run each branch of items[j] opens with if that is a branch
    whose every branch opens with one: re's parser takes a shared prefix out of a group
    ("(?:the|this)" is "th" and a branch "e"/"is"), and "th" alone is in every other word."""
    if j < len(items) and items[j][0] is _sre.BRANCH:
        tails = [_literal_run(list(branch), 0) for branch in items[j][1][1]]
        if all(tails):
            return [run + tail for tail in tails]
    return [run]


def _item_heads(op, av, flags: int, bounded: bool) -> tuple[set | None, bool]:
    """_heads of one parsed item."""
    found = _composite(op, av, flags, lambda items, inner: _heads(items, inner, bounded))
    if found is not None:
        return found
    first, nullable = _first_of(op, av, flags)  # a character, a class, zero-width or unknown
    return (None if first is None else {("char", c) for c in first}), nullable


class TextStarts:
    """One text and, found once for all the patterns, where each run and class occurs in it."""

    def __init__(self, text: str):
        self.text = text
        lowered = text.lower()
        readable = len(lowered) == len(text) and (
            text.isascii() or not _FOLDS_TO_ASCII.search("".join(c for c in set(text) if not c.isascii())))
        self._lowered = lowered if readable else None
        self._found: dict[tuple[str, bool | str], list[int]] = {}

    def positions(self, starts: Starts) -> list[int] | None:
        """Sorted positions where a match can start; None: anywhere (scan as is)."""
        if self._lowered is None:
            return None
        out: list[int] = []
        for run, bounded in starts.runs:
            out += self._run_positions(run, bounded)
        if starts.chars is not None:
            key = ("chars", starts.chars.pattern)  # not a run: a tuple
            if key not in self._found:
                self._found[key] = [m.start() for m in starts.chars.finditer(self.text)]
            out += self._found[key]
        return sorted(set(out))

    def _run_positions(self, run: str, bounded: bool) -> list[int]:
        """Where run occurs in the lower-case text; after a \\b, only where the character
        before is none of re's word characters (when the run opens with one: then the \\b
        needs that)."""
        found = self._found.get((run, bounded))
        if found is None:
            if bounded and _is_word(run[0]):
                text = self.text
                found = [at for at in self._run_positions(run, False) if at == 0 or not _is_word(text[at - 1])]
            else:
                found, at, find = [], -1, self._lowered.find
                while (at := find(run, at + 1)) >= 0:
                    found.append(at)
            self._found[(run, bounded)] = found
        return found


def _is_word(char: str) -> bool:
    """re's Unicode word character (sre: Py_UNICODE_ISALNUM or "_", as str.isalnum)."""
    return char.isalnum() or char == "_"


def scan(pattern: re.Pattern, starts: Starts | None, text: TextStarts) -> Iterator[re.Match]:
    """pattern.finditer(text.text), trying the pattern only where a match can start: the
    leftmost match at or after the end of the last one, as finditer (the patterns with
    starts cannot match the empty string, so no empty-match step is needed)."""
    positions = None if starts is None else text.positions(starts)
    if positions is None:
        yield from pattern.finditer(text.text)
        return
    end, match = 0, pattern.match
    for at in positions:
        if at >= end and (m := match(text.text, at)) is not None:
            yield m
            end = m.end()
