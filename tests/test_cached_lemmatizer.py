"""claimcmp_lemmatizer gives the lemmas spaCy's English lemmatizer gives, with the same tables:
on sentences written here, on random text, and again once its cache holds their forms."""
from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Lookups
from spacy.tokens import Doc

from claimcmp.pipeline.cached_lemmatizer import CachedLemmatizer, _WordList

# base forms, inflections the rules undo, exceptions, punctuation, spaces, proper nouns
SENTENCES = [
    "The talks were held in Geneva, and the envoys said they'd return.",
    "Officials denied reports that troops had crossed the border; fighting continued.",
    "He is studying the better offers, the best of which came yesterday.",
    "Sanctions hit hardest where leaders least expected them.\n\nMore later.",
    "The talks stalled. Talks resumed, and the talking went on   for days.",
]


@pytest.fixture(scope="module")
def lemmatizers(nlp):
    """(spaCy's lemmatizer, claimcmp's) with the model's tables (spaCy's with a copy of its
    own, whose word lists are plain lists), and a parse that stops before the lemmatizer (so
    both see the same tags and morphology)."""
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, CachedLemmatizer)
    theirs = EnglishLemmatizer(nlp.vocab, None, mode="rule")
    theirs.initialize(lookups=Lookups().from_bytes(ours.lookups.to_bytes()))
    assert type(next(iter(theirs.lookups.get_table("lemma_index").values()))) is list
    keep = ("tok2vec", "tagger", "parser", "attribute_ruler")
    return theirs, ours, lambda text: nlp(text, disable=[name for name in nlp.pipe_names if name not in keep])


def _same_lemmas(lemmatizers, text: str) -> list[str]:
    theirs, ours, parse = lemmatizers
    by_theirs, by_ours = theirs(parse(text)), ours(parse(text))
    lemmas = [t.lemma_ for t in by_ours]
    assert lemmas == [t.lemma_ for t in by_theirs]
    return lemmas


def test_load_pipeline_puts_the_cached_lemmatizer_in_place(nlp):
    assert nlp.get_pipe_meta("lemmatizer").factory == "claimcmp_lemmatizer"
    assert nlp.get_pipe("lemmatizer").mode == "rule"


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_on_sentences(lemmatizers, text):
    first = _same_lemmas(lemmatizers, text)
    assert _same_lemmas(lemmatizers, text) == first  # read from the cache the second time


def test_the_sentences_take_every_way_to_a_lemma(lemmatizers):
    """Base forms, rules and exceptions all give lemmas here: "held" -> "hold", "said" ->
    "say", "better" -> "well" or "good", "troops" -> "troop"."""
    lemmas = {lemma for text in SENTENCES for lemma in _same_lemmas(lemmatizers, text)}
    assert {"hold", "say", "troop", "be", "deny"} <= lemmas


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["the", "talks", "talk", "were", "held", "Geneva", "said", "better",
                                 "best", "studies", "n't", "'s", ",", ".", "  ", "\n", "envoys",
                                 "fighting", "Officials", "crossed", "hardest", "ran", "geese"]),
                max_size=30))
def test_same_lemmas_on_random_text(lemmatizers, words):
    _same_lemmas(lemmatizers, " ".join(words))


def test_the_same_word_and_part_of_speech_with_another_morphology(lemmatizers, nlp):
    """The morphology is part of a kept lemma's key: "found" as a base form stays "found", as a
    past tense it is "find" (the first lemma kept must not answer for the second)."""
    theirs, ours, _ = lemmatizers
    for lemmatizer in (theirs, ours):
        doc = Doc(nlp.vocab, words=["found", "found", "found"], pos=["VERB", "VERB", "VERB"],
                  morphs=["VerbForm=Inf", "Tense=Past|VerbForm=Fin", "VerbForm=Inf"])
        assert [t.lemma_ for t in lemmatizer(doc)] == ["found", "find", "found"]


def test_untagged_tokens_warn_as_spacys_do(lemmatizers, nlp):
    """A token with no part of speech is not kept: each call warns (W108) as spaCy's does."""
    theirs, ours, _ = lemmatizers
    for lemmatizer in (theirs, ours, ours):
        doc = Doc(nlp.vocab, words=["Talks", "held"])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert [t.lemma_ for t in lemmatizer(doc)] == ["talks", "held"]
        assert any("W108" in str(w.message) for w in caught)


def test_new_tables_empty_the_cache_and_get_word_lists_with_sets(lemmatizers, nlp):
    theirs, ours, parse = lemmatizers
    copy = CachedLemmatizer(nlp.vocab, None, mode="rule")
    copy.initialize(lookups=Lookups().from_bytes(theirs.lookups.to_bytes()))
    copy(parse(SENTENCES[0]))
    assert copy._lemmas
    copy.from_bytes(ours.to_bytes())  # the word lists are written, and read back, as lists
    assert not copy._lemmas
    index = copy.lookups.get_table("lemma_index")
    assert all(isinstance(words, _WordList) for words in index.values())
    assert [list(words) for words in index.values()] == \
        [words for words in theirs.lookups.get_table("lemma_index").values()]
    assert [t.lemma_ for t in copy(parse(SENTENCES[0]))] == _same_lemmas(lemmatizers, SENTENCES[0])


def test_a_word_list_answers_in_as_its_list_does():
    words = ["talk", "truce", "hold"]
    listed = _WordList(words)
    assert listed == words and list(listed) == words
    assert all((word in listed) == (word in words) for word in ["talk", "hold", "held", "", "Talk"])


def test_written_to_disk_and_read_back(lemmatizers, nlp, tmp_path):
    _, ours, parse = lemmatizers
    ours.to_disk(tmp_path / "lemmatizer")
    copy = CachedLemmatizer(nlp.vocab, None, mode="rule").from_disk(tmp_path / "lemmatizer")
    assert all(isinstance(words, _WordList) for words in copy.lookups.get_table("lemma_index").values())
    assert [t.lemma_ for t in copy(parse(SENTENCES[1]))] == _same_lemmas(lemmatizers, SENTENCES[1])
