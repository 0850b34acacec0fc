"""Headlines in title case, their common words put in lower case before parsing.

The model reads a headline such as "Rebels Seize Airport, Accuse Army Of Shelling Town" as
a string of proper nouns: no verb, no claim. A line in title case gets the words that the
article itself writes in lower case lowered ("Rebels seize airport, accuse army of shelling
town"), character for character, so every offset stays that of the original text and the
claims quote the line as written (see core._claims_of). Names stay as they are: a word is
lowered only when the rest of the article writes it (or another form of it, "accused" for
"Accuse") in lower case more often than capitalized within a sentence, or when it is a
function word; a word capitalized beside the same neighbour in the article ("National
Defense Forces") is part of a name and kept.
"""
from __future__ import annotations

import calendar
import re
import weakref
from collections import Counter
from collections.abc import Collection
from functools import cache

from claimcmp.knowledge.lexicons import verb_stems

# a line is a headline in title case when at least this share of its content words (not
# function words) start with a capital, and it has at least MIN_CONTENT_WORDS of them
TITLE_SHARE = 0.8
MIN_CONTENT_WORDS = 3
MAX_HEADLINE_WORDS = 30  # longer lines are prose (or lists of names), never lowered
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][\"'“”‘’»)\]]*)\s*$")
# month and day names are capitalized in prose too ("May" is also a function word)
_CALENDAR = {name.lower() for name in (*calendar.month_name, *calendar.day_name) if name}
_SUFFIXES = ("ing", "ies", "es", "ed", "s", "d")  # audit: code (inflections stripped by _stem)


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English function words, imported when a headline is first looked at (importing
    spaCy costs half a second that `diff` and `compare` on documents never pay)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def truecase_headlines(text: str, vocabulary: Collection[str] = frozenset()) -> str:
    """text with the common words of its title-case lines lowered (same length, same
    offsets); text itself when no line is in title case. `vocabulary`: English words in
    lower case (the model's lemma index), for words the article writes nowhere else."""
    lines = text.split("\n")
    headlines = [n for n, line in enumerate(lines) if is_title_case(line)]
    if not headlines:
        return text
    prose = "\n".join(line for n, line in enumerate(lines) if n not in headlines)
    usage = WordUsage.of(prose, vocabulary)
    for n in headlines:
        lines[n] = lower_common_words(lines[n], usage)
    return "\n".join(lines)


def is_title_case(line: str) -> bool:
    """True for a line of at most MAX_HEADLINE_WORDS words whose content words are nearly
    all capitalized (an all-capitals line is left alone: its names cannot be told apart)."""
    words = _WORD.findall(line)
    if not words or len(words) > MAX_HEADLINE_WORDS or not any(c.islower() for c in line):
        return False
    # short function words stay lower case in most title-case styles ("Cut Ties with Qatar")
    content = [word for word in words[1:] if len(word) > 3 or word.lower() not in _stop_words()]
    if len(content) < MIN_CONTENT_WORDS:
        return False
    capitalized = sum(word[0].isupper() for word in content)
    if capitalized < len(content) and line.rstrip().endswith("."):
        # a sentence of prose naming many places: "Peru warned Chile, Bolivia and Ecuador."
        return False
    return capitalized >= TITLE_SHARE * len(content)


class WordUsage:
    """How the article's prose writes each word (by its stem): in lower case, or
    capitalized within a sentence; and which capitalized words it writes side by side."""

    def __init__(self, vocabulary: Collection[str] = frozenset()) -> None:
        self.vocabulary = vocabulary
        self.lower: Counter[str] = Counter()
        self.capitalized: Counter[str] = Counter()
        self.name_pairs: set[tuple[str, str]] = set()

    @classmethod
    def of(cls, prose: str, vocabulary: Collection[str] = frozenset()) -> WordUsage:
        usage = cls(vocabulary)
        previous = None
        for match in _WORD.finditer(prose):
            word = match.group()
            if word.islower():
                usage.lower[_stem(word)] += 1
            elif word[0].isupper() and not _SENTENCE_START.search(prose[max(0, match.start() - 4):match.start()]):
                usage.capitalized[_stem(word.lower())] += 1
            if previous is not None and prose[previous[1]:match.start()] == " " \
                    and previous[0][0].isupper() and word[0].isupper():
                usage.name_pairs.add((previous[0], word))
            previous = (word, match.end())
        return usage

    def is_common(self, word: str) -> bool:
        """True when the prose writes the word in lower case more often than capitalized
        within a sentence; or it is a function word it never capitalizes there; or,
        absent from the prose, an English word of the vocabulary."""
        key = _stem(word.lower())
        lower, capitalized = self.lower[key], self.capitalized[key]
        if word.lower() in _CALENDAR:
            return False
        if word.lower() in _stop_words():
            return capitalized == 0 or lower > capitalized
        if not (lower or capitalized):
            # a headline's names recur in its article; its verbs often in another tense
            return any(form in self.vocabulary for form in base_forms(word.lower()))
        return lower > capitalized


def lower_common_words(line: str, usage: WordUsage) -> str:
    """The line with each capitalized common word after its first lowered (first letter
    only: "Accuses" -> "accuses"), unless it stands beside a neighbour it is written
    capitalized with in the article."""
    matches = list(_WORD.finditer(line))
    chars = list(line)
    for n, match in enumerate(matches[1:], start=1):
        word = match.group()
        if not (word[0].isupper() and word[1:].islower() or len(word) == 1 and word.isupper()):
            continue  # all capitals (an acronym) or mixed case (a name): kept
        before = matches[n - 1].group()
        after = matches[n + 1].group() if n + 1 < len(matches) else None
        if (before, word) in usage.name_pairs or (word, after) in usage.name_pairs:
            continue
        if usage.is_common(word) and not _starts_clause(line, match.start()):
            chars[match.start()] = word[0].lower()
    return "".join(chars)


def _starts_clause(line: str, start: int) -> bool:
    """After a colon, a dash or a question a headline starts anew ("Minister: Talks
    Failed", "Peace Or War? Leaders Meet")."""
    return bool(re.search(r"[:;—–?!]\s*[\"'“‘]?$", line[:start]))


def _stem(word: str) -> str:
    """A crude stem, enough to find "accuses" written "accused": one inflectional
    suffix off words of more than four letters, then a final e ("seize", "seized")."""
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix):
                word = word[: -len(suffix)]
                break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def base_forms(word: str) -> set[str]:
    """The word and the lemmas its inflection may hide ("averted" -> "avert", "seizes" ->
    "seize", "ties" -> "tie"), to look up in a lemma index (lexicons.verb_stems)."""
    return {word, *verb_stems(word)}


_VOCABULARIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def lemma_vocabulary(nlp) -> frozenset[str]:
    """The English words of the pipeline's lemmatizer index (WordNet's nouns, verbs,
    adjectives and adverbs in spaCy's English models), read once per pipeline; empty
    when it has none."""
    if nlp not in _VOCABULARIES:
        _VOCABULARIES[nlp] = _lemma_index_words(nlp)
    return _VOCABULARIES[nlp]


def _lemma_index_words(nlp) -> frozenset[str]:
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for key in index for word in index[key])
