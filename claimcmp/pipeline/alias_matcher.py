"""A PhraseMatcher over thousands of keys that gives what one key per phrase would, built fast.

PhraseMatcher.add makes a lexeme for its key (vocab[key]: a score of attribute getters run
in Python); the actor tagger's ~4,400 keys cost ~0.07 s of its 0.4 s warm-up that way, and
as many add calls. Here every phrase goes under one key and a dict maps each phrase's token
values back to its keys. The matches come out as PhraseMatcher would give them with a key a
phrase: by start, then by end, and the keys of one span in the order of its terminal map
(preshed), which a throwaway matcher reproduces for the few spans with more than one key.
"""
from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

_KEY = "claimcmp_alias"


def _values(pattern, attr: int) -> tuple[int, ...]:
    """A pattern's token values, as PhraseMatcher.add reads them (a Doc: each token's attr)."""
    if isinstance(pattern, Doc):
        return tuple(tok.lower if attr == LOWER else tok.orth for tok in pattern)
    return tuple(pattern)


class AliasMatcher:
    """add(key, patterns) as PhraseMatcher.add; finish() once all are added; then
    matcher(doc) -> [(key, start, end)] in PhraseMatcher's order. attr: ORTH or LOWER."""

    def __init__(self, vocab, attr: int):
        assert attr in (ORTH, LOWER)
        self.vocab = vocab
        self.attr = attr
        self._keys: dict[tuple[int, ...], list[str]] = {}  # token values -> keys, first added first
        self._matcher = PhraseMatcher(vocab, attr=attr)

    def add(self, key: str, patterns) -> None:
        for pattern in patterns:
            values = _values(pattern, self.attr)
            if not values:
                continue  # PhraseMatcher skips an empty pattern too
            keys = self._keys.setdefault(values, [])
            if key not in keys:
                keys.append(key)

    def finish(self) -> None:
        if self._keys:
            self._matcher.add(_KEY, [list(values) for values in self._keys])
        for values, keys in self._keys.items():
            if len(keys) > 1:
                self._keys[values] = _terminal_order(self.vocab, keys)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        lower = self.attr == LOWER
        out = []
        for _key, start, end in self._matcher(doc):
            span = doc[start:end]
            values = tuple(tok.lower for tok in span) if lower else tuple(tok.orth for tok in span)
            out.extend((key, start, end) for key in self._keys[values])
        return out


def _terminal_order(vocab, keys: list[str]) -> list[str]:
    """The order in which PhraseMatcher gives the keys of one phrase, added in this order: its
    terminal map's (a hash table keyed on the keys' hashes, iterated slot by slot)."""
    probe = PhraseMatcher(vocab, attr=ORTH)
    word = vocab.strings.add(_KEY)
    for key in keys:
        probe.add(key, [[word]])
    strings = vocab.strings
    return [strings[match_id] for match_id, _s, _e in probe(Doc(vocab, words=[_KEY]))]
