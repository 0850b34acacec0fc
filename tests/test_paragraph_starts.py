"""claimcmp_paragraphs writes its sentence starts at once (_SentenceStarts): the same starts
as setting Token.is_sent_start decision by decision, and the setter's error on a parsed doc."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimcmp.pipeline.paragraphs import _SentenceStarts

WORDS = ["Talks", "resumed", "in", "Geneva", ".", "\n\n", "KYIV", "-", "Troops", "withdrew", "\n", "Officials",
         "said", "so", "."]


def _starts(doc: Doc) -> list:
    return [t.is_sent_start for t in doc]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(WORDS) - 1), st.booleans()), max_size=25),
       st.lists(st.sampled_from([None, True, False]), min_size=len(WORDS), max_size=len(WORDS)))
def test_written_at_once_as_set_one_by_one(nlp, decisions, before):
    """Decisions in any order, repeated or contradicting, over starts already set or not."""
    one_by_one = Doc(nlp.vocab, words=WORDS, sent_starts=before)
    at_once = Doc(nlp.vocab, words=WORDS, sent_starts=before)
    sentence_starts = _SentenceStarts(at_once)
    for i, starts in decisions:
        one_by_one[i].is_sent_start = starts
        sentence_starts[i] = starts
    sentence_starts.write()
    assert _starts(at_once) == _starts(one_by_one)


def test_a_parsed_doc_refuses_them_as_the_setter_does(nlp):
    parsed = nlp("Talks resumed in Geneva.\n\nTroops withdrew.")
    with pytest.raises(ValueError, match="E043"):
        parsed[1].is_sent_start = True
    sentence_starts = _SentenceStarts(parsed)
    sentence_starts.write()  # nothing decided, nothing checked (no setter call either)
    sentence_starts[1] = True
    with pytest.raises(ValueError, match="E043"):
        sentence_starts.write()
