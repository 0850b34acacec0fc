"""claimcmp_attribute_ruler finds the matches spaCy's AttributeRuler finds, so every token gets
the same attributes: on the model's own patterns (sentences written here, random text) and on
patterns of every kind the index handles or hands to its Matcher."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from claimcmp.pipeline.indexed_attribute_ruler import IndexedAttributeRuler

# contractions, dialect spellings, auxiliaries, determiners, runs of spaces: the conditions of
# en_core_web_sm's multi-condition patterns
SENTENCES = [
    "The envoy ain't coming back, and they're gonna talk anyway.",
    "He said nothin' about the ceasefire; we 'll see.  Twice  spaced.",
    "Did the ministry have to respond? It does, and it did.",
    "That plan, which the council backed, was the one I wanted.",
    "You know it's gonna be doin' fine, 'em all, ol' friends, 'nuff said.",
    "Troops were sent\n\nto the border by the government that had promised otherwise.",
]


@pytest.fixture(scope="module")
def rulers(nlp):
    """(spaCy's ruler, claimcmp's) with the model's patterns, and a parse that stops before
    the ruler (so both see the same tags and dependencies)."""
    ours = nlp.get_pipe("attribute_ruler")
    assert isinstance(ours, IndexedAttributeRuler)
    theirs = AttributeRuler(nlp.vocab)
    theirs.add_patterns(ours.patterns)
    skip = [name for name in nlp.pipe_names if name not in ("tok2vec", "tagger", "parser")]
    return theirs, ours, lambda text: nlp(text, disable=skip)


def test_load_pipeline_puts_the_indexed_ruler_in_place(nlp):
    assert "attribute_ruler" in nlp.pipe_names
    assert nlp.get_pipe_meta("attribute_ruler").factory == "claimcmp_attribute_ruler"
    assert len(nlp.get_pipe("attribute_ruler").patterns) > 100


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_on_the_model_patterns(rulers, text):
    theirs, ours, parse = rulers
    doc = parse(text)
    assert ours.match(doc) == theirs.match(doc)
    assert ours.match(doc)  # the sentences do hit patterns


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["the", "ai", "n't", "gon", "na", "do", "did", "that", "I", "it",
                                 "'s", "nothin'", "  ", "\n", ",", "Talks", "were", "held", "."]),
                max_size=30))
def test_same_matches_on_random_text(rulers, words):
    theirs, ours, parse = rulers
    doc = parse(" ".join(words))
    assert ours.match(doc) == theirs.match(doc)


# patterns of each kind: equal, IN, NOT_IN, REGEX on the first and later tokens, a negative
# index, is_space, and an operator (the Matcher's) - each with a distinct attribute to set
PATTERNS = [
    ([[{"TAG": "NN"}]], {"MORPH": "Number=Sing"}, 0),
    ([[{"LOWER": {"IN": ["talks", "truce"]}, "TAG": {"NOT_IN": ["VBZ"]}}]], {"LEMMA": "parley"}, 0),
    ([[{"LOWER": {"REGEX": "^sanction"}}]], {"POS": "NOUN"}, 0),
    ([[{"LOWER": "cease"}, {"ORTH": "-"}, {"LOWER": "fire"}]], {"LEMMA": "ceasefire"}, -1),
    ([[{"IS_SPACE": True}]], {"POS": "SPACE"}, 0),
    ([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "intense"}, -1),
    ([[{"TEXT": "UN"}], [{"TEXT": "U.N."}]], {"POS": "PROPN"}, 0),
]


def _with_patterns(cls, vocab):
    ruler = cls(vocab)
    for patterns, attrs, index in PATTERNS:
        ruler.add(patterns, attrs, index=index)
    return ruler


def _annotated(vocab, ruler):
    words = ["The", "UN", "called", "very", "very", "bold", "cease", "-", "fire", "talks", " ",
             "sanctions", "U.N.", "talks"]
    tags = ["DT", "NNP", "VBD", "RB", "RB", "JJ", "NN", "HYPH", "NN", "NNS", "_SP", "NNS", "NNP", "VBZ"]
    doc = Doc(vocab, words=words, tags=tags)
    return ruler.match(doc), [(t.pos_, t.lemma_, str(t.morph)) for t in ruler(doc)]


def test_every_kind_of_pattern_sets_the_same_attributes(nlp):
    theirs = _annotated(nlp.vocab, _with_patterns(AttributeRuler, nlp.vocab))
    ours = _annotated(nlp.vocab, _with_patterns(IndexedAttributeRuler, nlp.vocab))
    assert ours == theirs
    lemmas = [lemma for _, lemma, _ in ours[1]]
    assert lemmas[5] == "intense" and lemmas[8] == "ceasefire" and lemmas[9] == "parley"
    assert lemmas[13] != "parley"  # "talks" tagged VBZ is not the noun


def test_patterns_added_after_a_match_are_indexed_too(nlp):
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    doc = Doc(nlp.vocab, words=["truce", "held"], tags=["NN", "VBD"])
    assert [m[2] for m in ruler.match(doc)] == [0]
    ruler.add([[{"TAG": "VBD"}]], {"POS": "VERB"})
    assert [m[2] for m in ruler.match(doc)] == [0, 1]
    ruler.clear()
    assert ruler.match(doc) == []


def test_bytes_round_trip_keeps_the_matches(rulers, nlp):
    _, ours, parse = rulers
    copy = IndexedAttributeRuler(nlp.vocab).from_bytes(ours.to_bytes())
    doc = parse(SENTENCES[0])
    assert copy.match(doc) == ours.match(doc)
