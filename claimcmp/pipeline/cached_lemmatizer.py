"""The model's English rule lemmatizer, its answers kept and its word lists looked up in sets.

spaCy's Lemmatizer keeps the lemmas its suffix rules find, by (orth, part of speech,
morphology), but not its other answers: a word in its base form, a space, a part of speech
with no rules are worked out again at each token, the base form through the English
is_base_form test (the morphology made into a dict). Those answers are functions of the same
three ids too, so here every one is kept under them. And the rules check each candidate
lemma of a new form against the table lemma_index, lists of known lemmas (57,000 nouns)
scanned with `in`: here those lists answer `in` from a set (_WordList). On
benchmarks/bench.py's 60 articles (74,000 tokens, 1,800 forms read first) 0.58 s -> 0.14 s,
with the same lemmas. A token with no part of speech is not kept, so that it warns (W108)
each time as in spaCy.

load_pipeline puts it in place of the model's lemmatizer, with the model's tables; the
tables, serialization and scoring are the parent's. tests/test_cached_lemmatizer.py holds
the lemmas equal to spaCy's (its own tables, plain lists) on sentences and on random text.
"""
from __future__ import annotations

from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer

CACHE_SIZE = 100_000  # forms whose lemma is kept


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's EnglishLemmatizer whose rule mode keeps every lemma by the token's form, its
    lemma_index lists made _WordLists."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc):
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            for token in doc:
                if self.overwrite or token.lemma == 0:
                    token.lemma_ = self._lemma(token)
            return doc
        except Exception as err:  # noqa: BLE001 (as the parent: its error handler decides)
            return self.get_error_handler()(self.name, self, [doc], err)

    def _lemma(self, token) -> str:
        """The token's lemma, as the parent's rule_lemmatize(token)[0]."""
        key = (token.orth, token.pos, token.morph.key)
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self.lemmatize(token)[0]
            if token.pos:
                if len(self._lemmas) >= CACHE_SIZE:
                    self._lemmas.clear()
                self._lemmas[key] = lemma
        return lemma

    # new tables: lemmas kept from the old ones go, and the new word lists are made _WordLists
    def initialize(self, *args, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self._tables_changed()

    def from_bytes(self, *args, **kwargs):
        loaded = super().from_bytes(*args, **kwargs)
        self._tables_changed()
        return loaded

    def from_disk(self, *args, **kwargs):
        loaded = super().from_disk(*args, **kwargs)
        self._tables_changed()
        return loaded

    def _tables_changed(self) -> None:
        self._lemmas.clear()
        if self.lookups.has_table(_INDEX):
            index = self.lookups.get_table(_INDEX)
            for key, words in list(index.items()):
                if type(words) is list and all(type(word) is str for word in words):
                    index[key] = _WordList(words)


_INDEX = "lemma_index"  # spaCy's table of the known lemmas of each part of speech


class _WordList(list):
    """A word list of the lemma_index table: still a list (serialized, iterated in its order,
    as truecasing reads it), whose `in` looks the word up in a set. spaCy's rules ask it of
    each candidate lemma of every new form: a scan of up to 57,000 nouns each time. Never
    changed once made (the set would no longer say what the list holds)."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._words = frozenset(words)

    def __contains__(self, word) -> bool:
        return word in self._words
