"""Packaged lexical data (claimcmp/resources), loaded once per process.

Data lives in JSON/JSONL so that linguists can extend it without touching code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class StanceEntry:
    lemma: str
    pos: str  # "VERB" or "NOUN"
    stance: str  # the label written to claims
    family: str  # cooperation | conflict | neutral
    symmetric: bool
    # The word counts only with one of these modifiers: "military operation", not "operation".
    requires: tuple[str, ...] = ()
    # ... and does not count with one of these: "hunger strike" is no attack.
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class StanceLexicon:
    verbs: dict[str, StanceEntry]
    nouns: dict[str, StanceEntry]
    cues: dict[str, frozenset[str]]

    def verb(self, lemma: str) -> StanceEntry | None:
        return self.verbs.get(lemma.lower())

    def noun(self, lemma: str) -> StanceEntry | None:
        key = lemma.lower()
        return self.nouns.get(key) or self.nouns.get(key.rstrip("s"))

    def cue(self, name: str) -> frozenset[str]:
        return self.cues[name]


def _read_text(name: str) -> str:
    return resources.files("claimcmp.resources").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    verbs: dict[str, StanceEntry] = {}
    nouns: dict[str, StanceEntry] = {}
    for line in _read_text("stances.jsonl").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        entry = StanceEntry(**{**raw, "requires": tuple(raw.get("requires", ())),
                               "unless": tuple(raw.get("unless", ()))})
        (verbs if entry.pos == "VERB" else nouns)[entry.lemma] = entry
    raw = json.loads(_read_text("cues.json"))
    cues = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    return StanceLexicon(verbs=verbs, nouns=nouns, cues=cues)
