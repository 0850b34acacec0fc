"""PhrasePatterns gives the PhraseMatcher the patterns nlp.make_doc would: same token values."""
from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from claimcmp.knowledge import gazetteer as gz
from claimcmp.pipeline.phrase_patterns import PhrasePatterns


def _values(nlp, phrase: str, attr: int) -> list[int]:
    return [tok.lower if attr == LOWER else tok.orth for tok in nlp.make_doc(phrase)]


def _as_values(pattern, attr: int) -> list[int]:
    if isinstance(pattern, Doc):
        return [tok.lower if attr == LOWER else tok.orth for tok in pattern]
    return list(pattern)


def test_every_packaged_alias_and_body_gets_the_tokenizers_pattern(nlp):
    pattern = PhrasePatterns(nlp)
    phrases = [(a, ORTH) for e in gz.entries().values() for a in e.aliases_cs]
    phrases += [(a, LOWER) for e in gz.entries().values() for a in e.aliases_ci]
    phrases += [(b.phrase, LOWER) for b in gz.bodies()]
    shortcuts = 0
    for phrase, attr in phrases:
        made = pattern(phrase, attr)
        shortcuts += not isinstance(made, Doc)
        assert _as_values(made, attr) == _values(nlp, phrase, attr), phrase
    assert shortcuts > len(phrases) // 2  # most aliases are plain words


def test_words_the_tokenizer_splits_or_special_cases_go_through_it(nlp):
    pattern = PhrasePatterns(nlp)
    for phrase in ("cannot", "Gonna", "U.S.", "al-Qaeda", "Côte d'Ivoire", "don't", "NATO's", "e.g",
                   "Foreign  Ministry", " Hamas", "www.example.com"):
        made = pattern(phrase, ORTH)
        assert isinstance(made, Doc), phrase
        assert _as_values(made, ORTH) == _values(nlp, phrase, ORTH)
    made = pattern("Foreign Ministry", LOWER)
    assert not isinstance(made, Doc) and list(made) == _values(nlp, "Foreign Ministry", LOWER)


def test_words_of_non_ascii_letters_take_the_shortcut_with_the_tokenizers_values(nlp):
    pattern = PhrasePatterns(nlp)
    for phrase in ("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy", "Ελλάδα", "Россия", "São Tomé", "Øresund"):
        for attr in (ORTH, LOWER):
            made = pattern(phrase, attr)
            assert not isinstance(made, Doc), phrase
            assert list(made) == _values(nlp, phrase, attr), phrase
    for phrase in ("Côte d'Ivoire", "Erdoğan's", "Al_Qaeda", "G7", "Kyiv 2"):  # still through the tokenizer
        assert isinstance(pattern(phrase, ORTH), Doc), phrase
    # a non-digit numeric character is a word character: the per-word checks decide, as for letters
    assert _as_values(pattern("Kyiv²", ORTH), ORTH) == _values(nlp, "Kyiv²", ORTH)
