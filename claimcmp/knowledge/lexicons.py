"""Packaged lexical data (claimcmp/resources), loaded once per process and overlay.

Data lives in JSON/JSONL so that linguists can extend it without touching code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.resource_loader import overlay_cached


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
    # Whose the noun's possessor or modifier is: the doer's ("Iran's attack"), or, for nouns
    # naming those the act befell, the target's ("American casualties"); "object": a verb's
    # object holds the stance toward its subject ("the visit angered Beijing").
    owner: str = "subject"
    # A noun that names the act only after one of these prepositions: "at odds with", not
    # "the odds of a deal".
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class StanceLexicon:
    verbs: dict[str, StanceEntry]
    nouns: dict[str, StanceEntry]
    cues: dict[str, frozenset[str]]
    known_verbs: frozenset[str] = frozenset()  # every verb lemma the lexicon or a cue list names

    def verb(self, lemma: str) -> StanceEntry | None:
        return self.verbs.get(lemma.lower())

    def noun(self, lemma: str) -> StanceEntry | None:
        key = lemma.lower()
        return self.nouns.get(key) or self.nouns.get(key.rstrip("s"))

    def cue(self, name: str) -> frozenset[str]:
        return self.cues[name]

    def verb_lemma(self, token) -> str:
        """The token's lemma, repaired from its inflection when the model's lemma is one
        we do not know ("staged" lemmatized as "stag")."""
        lemma = token.lemma_.lower()
        undoubled = _undoubled(token.lower_, lemma)
        if undoubled is not None:
            return undoubled
        if lemma in self.known_verbs:
            return lemma
        if lemma.startswith("re") and lemma[2:] in self.known_verbs:
            return lemma[2:]  # "reimposed blockades", "reopened talks": the act again
        if token.tag_ not in {"VBD", "VBN", "VBG", "VBZ"}:
            return lemma
        return next((stem for stem in verb_stems(token.lower_) if stem in self.known_verbs), lemma)


# one syllable ending in one vowel and one consonant: "spar", "plan", "star"
_SHORT_CLOSED = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def _undoubled(word: str, lemma: str) -> str | None:
    """The verb in "e" the model's lemma hides: such a verb doubles its consonant before
    -ed and -ing ("sparred", "sparring"), so "spared" and "sparing" are "spare" (spared
    from tariffs is no sparring), "stared" is "stare"."""
    if word in (lemma + "ed", lemma + "ing") and _SHORT_CLOSED.match(lemma):  # every verb asks: the cheap test first
        return lemma + "e"
    return None


def verb_stems(word: str) -> list[str]:
    """Candidate lemmas of a regular inflected verb form, most likely first."""
    out = []
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> "stop"
    return out


_ENTRY_FIELDS = frozenset(f.name for f in fields(StanceEntry))


@overlay_cached
def stance_lexicon(overlay: str | None = None) -> StanceLexicon:
    """The stance lexicon of the overlay in force (resource_loader): stances*.jsonl and cues.json."""
    verbs: dict[str, StanceEntry] = {}
    nouns: dict[str, StanceEntry] = {}
    for raw in resource_loader.rows("stances.jsonl", overlay):
        entry = StanceEntry(**{**{k: v for k, v in raw.items() if k in _ENTRY_FIELDS},
                               "requires": tuple(raw.get("requires", ())),
                               "unless": tuple(raw.get("unless", ())),
                               "after": tuple(raw.get("after", ()))})
        (verbs if entry.pos == "VERB" else nouns)[entry.lemma] = entry
    cues = _cue_sets.for_overlay(overlay)
    # The lists named *verbs (and terminators, concessions, denials) also make known_verbs, by
    # which verb_lemma repairs a model's wrong lemma; a list of verbs read for another rule only
    # is named otherwise (undergoing_predicates), so that it leaves the repair as it is.
    verb_cues = [v for k, v in cues.items() if k.endswith("verbs") or k in {"terminators", "concessions", "denials"}]
    known = frozenset(lemma.split()[0] for lemma in verbs) | frozenset().union(*verb_cues)
    return StanceLexicon(verbs=verbs, nouns=nouns, cues=cues, known_verbs=known)


@overlay_cached
def cue_lists(overlay: str | None = None) -> dict[str, tuple[str, ...]]:
    """Every word list of cues.json (keys starting with "_" are comments), in file order: the
    packaged words, then the overlay's. For rules whose lists are ordered (regex alternations)."""
    raw = resource_loader.json_object("cues.json", overlay)
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


@overlay_cached
def _cue_sets(overlay: str | None = None) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in cue_lists.for_overlay(overlay).items()}


def cue(name: str) -> frozenset[str]:
    """One word list of cues.json, of the overlay in force (read once per overlay): for rules
    that have no StanceLexicon at hand (`lex.cue(name)` is the same set)."""
    return _cue_sets()[name]


@overlay_cached
def time_words(overlay: str | None = None) -> dict[str, dict]:
    """The tables of time_words.json (word -> number, or day words -> their first and last
    day's offsets), packaged merged with the overlay's; keys starting with "_" are comments."""
    raw = resource_loader.json_object("time_words.json", overlay)
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@overlay_cached
def stopwords(overlay: str | None = None) -> dict[str, frozenset[str]]:
    """stopwords.json: language code -> its commonest words, in the file's order of languages."""
    raw = resource_loader.json_object("stopwords.json", overlay)
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
