"""Token ranges looked up by position instead of by a scan (long texts have thousands)."""
from __future__ import annotations


class TokenRanges:
    """Items with .start/.end token offsets, indexed by start so that the ones inside, or
    around, a range are found without a scan of them all (a long text has thousands).
    Both lookups return items in their original order, as a scan would."""

    def __init__(self, items: list):
        self._items = items
        self._by_start: dict[int, list[int]] = {}
        for n, item in enumerate(items):
            self._by_start.setdefault(item.start, []).append(n)
        self._longest = max((item.end - item.start for item in items), default=0)

    def within(self, start: int, end: int) -> list:
        """Items with start <= item.start and item.end <= end."""
        found = [n for s in range(start, end) for n in self._by_start.get(s, ())
                 if self._items[n].end <= end]
        return [self._items[n] for n in sorted(found)]

    def around(self, start: int, end: int) -> list:
        """Items with item.start <= start and end <= item.end."""
        found = [n for s in range(max(0, start - self._longest), start + 1)
                 for n in self._by_start.get(s, ()) if end <= self._items[n].end]
        return [self._items[n] for n in sorted(found)]
