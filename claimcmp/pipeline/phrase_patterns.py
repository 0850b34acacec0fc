"""PhraseMatcher patterns for thousands of phrases without a Doc for each.

claimcmp_actors adds ~10,000 aliases to its matchers on the first document; a Doc for each
(nlp.make_doc) also makes a lexeme for every new word: building the matchers took 0.36 s of
CPU, 0.24 s with these patterns. PhraseMatcher.add takes a pattern as the sequence of its
tokens' attribute values as well as a Doc, and the values here are those the Doc would give
(tests/test_phrase_patterns.py holds them equal for every packaged alias).
"""
from __future__ import annotations

import re

from spacy.attrs import LOWER, ORTH

# Words of letters (any script: "Erdoğan", "Zelenskyy"; [^\W\d_] is \w less digits and "_"), one
# space between them. Non-ASCII letters take the shortcut too (they were ~450 aliases through
# make_doc, ~0.025 s): the tokenizer treats them as it does ASCII ones, and _left_whole and
# _shortcut_allowed check the real rules and affixes on each word whatever its letters.
_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
_LETTERS_AND_SPACES = re.compile(r"(?=.*[^\W\d_])(?:[^\W\d_]| )+")


def _shortcut_allowed(nlp) -> bool:
    """Whether words can be read without the tokenizer: spaCy's Tokenizer with its default
    heuristics, no special case of letters that the tokenizer would match across tokens (one
    holding a space, or one its affix rules split: Tokenizer._special_matcher), and the
    lexeme attribute getter for LOWER."""
    tokenizer = nlp.tokenizer
    rules = getattr(tokenizer, "rules", None)
    if rules is None or getattr(tokenizer, "faster_heuristics", None) is not True \
            or LOWER not in (nlp.vocab.lex_attr_getters or {}):
        return False
    return not any(_LETTERS_AND_SPACES.fullmatch(key) and (
        " " in key or tokenizer.find_prefix(key) or tokenizer.find_suffix(key) or tokenizer.find_infix(key))
        for key in rules)


class PhrasePatterns:
    """pattern(phrase, attr): a phrase of plain words that the tokenizer leaves whole (none is a
    special case, or holds a prefix, suffix, infix, URL or token match) is its words' ORTH or
    LOWER values; any other phrase is nlp.make_doc(phrase)."""

    def __init__(self, nlp):
        self.nlp = nlp
        self._shortcut = _shortcut_allowed(nlp)
        self._rules = nlp.tokenizer.rules if self._shortcut else {}
        self._whole: dict[str, bool] = {}

    def __call__(self, phrase: str, attr: int):
        if self._shortcut and attr in (ORTH, LOWER) and _PLAIN.fullmatch(phrase):
            words = phrase.split(" ")
            if all(self._left_whole(word) for word in words):
                return [self._value(word, attr) for word in words]
        return self.nlp.make_doc(phrase)

    def _left_whole(self, word: str) -> bool:
        """Whether the tokenizer makes the one token `word` of it."""
        whole = self._whole.get(word)
        if whole is None:
            tokenizer = self.nlp.tokenizer
            whole = word not in self._rules and not any(
                search is not None and search(word) is not None
                for search in (tokenizer.prefix_search, tokenizer.suffix_search,
                               tokenizer.url_match, tokenizer.token_match))
            whole = whole and (tokenizer.infix_finditer is None or next(tokenizer.infix_finditer(word), None) is None)
            self._whole[word] = whole
        return whole

    def _value(self, word: str, attr: int) -> int:
        """The attribute value the word's lexeme has, or would have when made."""
        vocab = self.nlp.vocab
        if word in vocab:
            return vocab[word].lower if attr == LOWER else vocab[word].orth
        return vocab.strings.add(vocab.lex_attr_getters[LOWER](word) if attr == LOWER else word)
