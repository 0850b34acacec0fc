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


def _attributes(doc) -> list[tuple]:
    return [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_, t.norm_) for t in doc]


def _same_attributes(rulers, text: str) -> list[tuple]:
    """The token attributes each ruler sets on its own parse of text (ours by its one-pass
    plan, theirs match by match), asserted equal."""
    theirs, ours, parse = rulers
    by_theirs, by_ours = theirs(parse(text)), ours(parse(text))
    assert _attributes(by_ours) == _attributes(by_theirs)
    return _attributes(by_ours)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_attributes_on_the_model_patterns(rulers, text):
    assert rulers[1]._plannable  # the model's patterns take the one-pass plan
    _same_attributes(rulers, text)


RANDOM_WORDS = st.lists(st.sampled_from(["the", "ai", "n't", "gon", "na", "do", "did", "that", "I", "it",
                                         "'s", "nothin'", "  ", "\n", ",", "Talks", "were", "held", ".",
                                         "there", "is", "y'", "all", "If"]),
                        max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(RANDOM_WORDS)
def test_same_matches_on_random_text(rulers, words):
    theirs, ours, parse = rulers
    doc = parse(" ".join(words))
    assert ours.match(doc) == theirs.match(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(RANDOM_WORDS)
def test_same_attributes_on_random_text(rulers, words):
    _same_attributes(rulers, " ".join(words))


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


def test_plannable_patterns_set_the_same_attributes(nlp):
    """Without the operator pattern every pattern is plannable: the one-pass plan, then,
    sets what the parent's match-by-match application sets."""
    plannable = [entry for entry in PATTERNS if not any("OP" in t for p in entry[0] for t in p)]

    def annotated(cls):
        ruler = cls(nlp.vocab)
        for patterns, attrs, index in plannable:
            ruler.add(patterns, attrs, index=index)
        return _annotated(nlp.vocab, ruler), ruler

    (theirs, _), (ours, ruler) = annotated(AttributeRuler), annotated(IndexedAttributeRuler)
    assert ruler._plannable
    assert ours == theirs


def test_an_index_outside_its_pattern_takes_the_parents_way(nlp):
    """The parent's own error for a token a match cannot set (plans are made only when every
    pattern's index falls inside it)."""
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"}, index=1)
    doc = Doc(nlp.vocab, words=["truce"], tags=["NN"])
    with pytest.raises(ValueError):
        ruler(doc)
    assert not ruler._plannable


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
