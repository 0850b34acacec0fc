"""Headlines the tagger reads as noun phrases, read in line (pipeline/headlinese.py)."""
from __future__ import annotations

import pytest

from sentences import claims, triples


@pytest.mark.parametrize("text, expected", [
    ("Pakistan summons Afghan envoy over cross-border attack", ("PAK", "conflict", "positive", "AFG")),
    ("North Korea fires missile toward Japan, prompting evacuation alert", ("PRK", "conflict", "positive", "JPN")),
    ("Chile denounces Peru's naval drills near disputed waters", ("CHL", "conflict", "positive", "PER")),
])
def test_an_unpunctuated_headline_is_read_in_line(nlp, text, expected):
    assert expected in triples(claims(nlp, text))


def test_a_headline_read_in_line_is_placed_by_no_parse(nlp):
    """"in disputed waters" is where the drills are, not where Chile denounces them."""
    found = [c for c in claims(nlp, "Chile denounces Peru's naval drills in the Pacific") if c["subject"]["id"] == "CHL"]
    assert found and all(c["regions"] == [] for c in found)


def _in_line(nlp, text: str) -> list:
    from claimcmp.knowledge.lexicons import stance_lexicon
    from claimcmp.pipeline.headlinese import headline_drafts
    from claimcmp.pipeline.mentions import MentionIndex

    doc = nlp(text)
    index = MentionIndex.build(doc)
    return [d for sent in doc.sents for d in headline_drafts(stance_lexicon(), sent, index)]


def test_only_an_opening_line_without_a_full_stop_is_read_in_line(nlp):
    assert [d.stance for d in _in_line(nlp, "Chile denounces Peru's naval drills near disputed waters")] == ["condemn"]
    assert _in_line(nlp, "Chile denounces Peru's naval drills near disputed waters.") == []
    assert _in_line(nlp, "Peru held talks with Bolivia on Monday. Chile denounces Peru's naval drills near disputed waters") == []


def test_a_headline_naming_no_one_after_its_verb_is_left_to_the_parse(nlp):
    found = claims(nlp, "Chile, Peru, Bolivia sign deal to share river waters")
    assert all(c["stance"] != "sign deal" or c["confidence"] != 0.55 for c in found)


@pytest.mark.parametrize("text, expected", [
    ("Mali's junta orders French ambassador to leave within 72 hours", ("MLI", "expel", "fra-ambassador")),
    ("Niger junta tells French envoy to leave", ("NER", "expel", "fra-ambassador")),
])
def test_a_headline_order_to_leave_is_an_expulsion(nlp, text, expected):
    assert expected in {(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in claims(nlp, text)}


def test_a_headline_order_to_stay_is_no_expulsion(nlp):
    assert all(c["stance"] != "expel" for c in claims(nlp, "Mali's junta orders French ambassador to stay"))


@pytest.mark.parametrize("text, doer", [
    # a headline's gerund subject the tagger takes for a verb is still the act of its adjective
    ("Russian shelling kills five in Kharkiv", "RUS"),
    ("Indian shelling kills two in Kashmir", "IND"),
])
def test_a_gerund_subject_is_its_adjectives_act(nlp, text, doer):
    assert {c["subject"]["id"] for c in claims(nlp, text)} == {doer}


@pytest.mark.parametrize("text, expected", [
    # missions opened or closed in two capitals are the two states' act toward each other
    ("Embassies reopen in Caracas, Bogota for first time since 2019", [("VEN", "cooperation", "COL")]),
    ("Embassies close in Lima, La Paz after border clash", [("PER", "conflict", "BOL")]),
    # one capital names no pair
    ("Embassies reopen in Lima after five years", []),
])
def test_a_headline_of_missions_in_two_capitals_is_between_their_states(nlp, text, expected):
    found = [(c["subject"]["id"], c["family"], c["target"]["id"]) for c in claims(nlp, text)
             if c["stance"] in {"open access", "close access"}]
    assert found == expected


def test_a_headline_of_missions_is_placed_in_both_capitals(nlp):
    [claim] = [c for c in claims(nlp, "Embassies reopen in Caracas, Bogota for first time since 2019")
               if c["stance"] == "open access"]
    assert sorted(r["country"] for r in claim["regions"]) == ["COL", "VEN"]
