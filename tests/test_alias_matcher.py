"""AliasMatcher gives what a PhraseMatcher with one key a phrase gives, in the same order."""
from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher

from claimcmp.pipeline.alias_matcher import AliasMatcher

# keys sharing phrases, so that spans carry several keys (an overlay can do that)
RULES = [(f"k{n}:{phrase}", phrase) for n in range(12) for phrase in ("Gaza Strip", "Gaza", "strip")]
RULES += [("blocker", "Gaza"), ("name:ISR", "Israel"), ("name:ISR", "ISRAEL"), ("adj:ISR", "Israeli"),
          ("empty", "")]
TEXT = "Israel and the Gaza Strip: ISRAEL, Israeli strip, GAZA STRIP, gaza, Gaza"


def _expected(nlp, attr: str, doc):
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for key, phrase in RULES:
        matcher.add(key, [nlp.make_doc(phrase)])
    return [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)]


def test_matches_and_their_order_are_a_phrasematchers(nlp):
    doc = nlp.make_doc(TEXT)
    for attr, name in ((ORTH, "ORTH"), (LOWER, "LOWER")):
        matcher = AliasMatcher(nlp.vocab, attr)
        for key, phrase in RULES:
            matcher.add(key, [nlp.make_doc(phrase)])
        matcher.finish()
        expected = _expected(nlp, name, doc)
        assert len({(s, e) for _k, s, e in expected}) < len(expected)  # spans with several keys
        assert matcher(doc) == expected


def test_an_empty_matcher_matches_nothing(nlp):
    matcher = AliasMatcher(nlp.vocab, ORTH)
    matcher.finish()
    assert matcher(nlp.make_doc(TEXT)) == []
