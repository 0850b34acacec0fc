"""Judgements told with "be" (pipeline/copular_judgements.py), on sentences written here."""
from __future__ import annotations

import pytest

from sentences import claims


def judgements(nlp, text: str) -> list[tuple]:
    return [(c["subject"].get("country") or c["subject"]["id"], c["stance"], c["family"],
             c["target"] and (c["target"].get("country") or c["target"]["id"]))
            for c in claims(nlp, text) if c["stance"] in {"criticize", "praise"}]


@pytest.mark.parametrize("text", [
    "Chile said Peru's decision was illegal.",
    "\"Peru's decision is unacceptable,\" the Chilean foreign ministry said.",
])
def test_an_act_a_speaker_calls_wrong_with_be_criticizes_its_owner(nlp, text):
    assert judgements(nlp, text) == [("CHL", "criticize", "conflict", "PER")]


def test_a_bare_definite_act_is_the_earlier_doers(nlp):
    text = "Peru closed its border with Chile on Monday. Chile said the measures were unjustified."
    assert ("CHL", "criticize", "conflict", "PER") in judgements(nlp, text)


def test_a_continued_quotation_is_its_speakers(nlp):
    text = ("Peru closed its border with Chile on Monday. \"We regret this,\" the Chilean ministry said. "
            "\"These measures are unjustified.\"")
    assert judgements(nlp, text)[-1] == ("CHL", "criticize", "conflict", "PER")


def test_a_judged_act_is_its_doers_not_the_party_it_befell(nlp):
    found = judgements(nlp, "The Bolivian gas attack was an act of war by Chile, Lima said.")
    assert found == [("PER", "criticize", "conflict", "CHL")]


def test_praise_with_be(nlp):
    assert ("CHL", "praise", "cooperation", "PER") in judgements(nlp, "Chile said Peru's offer was constructive.")


@pytest.mark.parametrize("text", [
    "Chile said Peru's decision was not illegal.",  # no judgement passed
    "The weather was terrible, Chile said.",  # no act judged
    "Peru's decision was illegal.",  # nobody says so
])
def test_no_judgement_without_an_act_a_speaker_and_a_verdict(nlp, text):
    assert judgements(nlp, text) == []


def test_an_act_named_a_hostile_act_is_criticized(nlp):
    text = "Peruvian jets entered Chilean airspace on Monday. Chile said the incursion was a serious breach of law."
    assert ("CHL", "criticize", "conflict", "PER") in judgements(nlp, text)


def test_a_reaction_to_the_deal_told_before_is_toward_its_doer_and_no_deal_of_its_own(nlp):
    text = "Morocco and Israel signed a defence agreement in Rabat. The Polisario Front condemned the deal."
    found = [(c["subject"]["id"], c["stance"], c["target"] and c["target"]["id"])
             for c in claims(nlp, text) if c["subject"]["id"] == "POLISARIO"]
    assert found == [("POLISARIO", "condemn", "MAR")]


def test_a_be_clause_without_a_verdict_refers_to_no_earlier_act(nlp):
    text = "Chile and Peru signed a border agreement. Lima said this agreement is for the north only."
    assert judgements(nlp, text) == []


def test_an_act_judged_with_no_doer_named_judges_no_one_it_befell(nlp):
    text = "The use of force against Taiwan would be a grave mistake, Washington said."
    assert not any(target == "TWN" for *_, target in judgements(nlp, text))
