"""Judgements given as a naming verb's predicate (pipeline/evaluations.py)."""
from __future__ import annotations

import pytest

from sentences import claims, triples


@pytest.mark.parametrize("text, expected", [
    ("Seoul called the Japanese decision deeply regrettable.", ("KOR", "conflict", "positive", "JPN")),
    ("Russia described Washington's decision as unacceptable.", ("RUS", "conflict", "positive", "USA")),
    ("Lithuania described the Belarusian move as a hybrid attack.", ("LTU", "conflict", "positive", "BLR")),
    ("Moscow termed the EU sanctions an act of aggression.", ("RUS", "conflict", "positive", "EU")),
    ("Kyiv called the Russian proposal a positive step.", ("UKR", "cooperation", "positive", "RUS")),
    ("Cairo described its talks with Qatar as constructive.", ("EGY", "cooperation", "positive", "QAT")),
])
def test_a_judged_object_is_criticized_or_praised(nlp, text, expected):
    assert expected in triples(claims(nlp, text))


def test_the_judge_does_not_do_the_act_it_judges(nlp):
    """Not "call strike" by the United States toward Russia: Russia judges, America struck."""
    found = claims(nlp, "Russia called the American strikes illegal.")
    assert ("RUS", "conflict", "positive", "USA") in triples(found)
    assert not any(c["stance"].startswith("call") for c in found)
    assert any(c["subject"]["id"] == "USA" and c["stance"] == "attack" for c in found)


def test_naming_without_a_judgement_is_no_stance(nlp):
    """"described the visit as routine" names it, judging nothing in the lists."""
    found = claims(nlp, "Peru described the visit by Chilean officials as routine.")
    assert not any(c["stance"] in {"criticize", "praise"} for c in found)


def test_a_hostile_noun_that_needs_a_qualifier_judges_nothing(nlp):
    """"termed the strike a preemptive action": 'action' is hostile only as military action."""
    found = claims(nlp, "Chile termed the Peruvian drills a routine action.")
    assert not any(c["stance"] == "criticize" for c in found)


@pytest.mark.parametrize("text", ["Bolivia's president called his Chilean counterpart a corrupt dictator.",
                                  "Bolivia branded the Chilean leader a puppet of Washington."])
def test_an_insult_is_a_criticism_of_the_one_named(nlp, text):
    assert ("BOL", "criticize", "CHL") in {(c["subject"].get("country") or c["subject"]["id"], c["stance"],
                                            c["target"] and (c["target"].get("country") or c["target"]["id"]))
                                           for c in claims(nlp, text)}


@pytest.mark.parametrize("text", [
    "Peru ruled out talks with the rebels, calling them terrorists.",
    "Peru called the rebels terrorists.",
])
def test_what_a_party_is_called_is_a_label_not_a_target(nlp, text):
    judged = [c for c in claims(nlp, text) if c["stance"] == "criticize"]
    assert judged and all(c["target"]["id"] == "REBELS" and not c["co_targets"] for c in judged)


@pytest.mark.parametrize("text, label", [
    ('Chile imposed tariffs on Peru. Lima dismissed the tariffs as "economic aggression".', "attack"),
    ("Chilean jets struck Peruvian posts. Lima branded the raid an act of war.", "fight"),
])
def test_what_an_act_is_named_as_is_no_act_of_the_namer(nlp, text, label):
    """The label is the named act's (the judgement carries it), not Peru's own act."""
    peru = {c["stance"] for c in claims(nlp, text) if c["subject"]["id"] == "PER"}
    assert peru and label not in peru


def test_what_a_party_calls_an_act_it_answers_is_that_act(nlp):
    """"In response to what it called hostile Chilean moves": no label, the act as told."""
    found = claims(nlp, "Peru vowed to strengthen its army in response to what it called hostile Chilean moves.")
    assert ("CHL", "PER") in {(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in found}


def test_an_act_told_before_that_a_judgement_names_is_its_doers(nlp):
    text = ("Chile expelled a Peruvian diplomat. Peru summoned the Chilean ambassador and called the "
            "expulsion a hostile act.")
    judged = [c for c in claims(nlp, text) if c["stance"] == "criticize"]
    assert judged and all(c["target"]["id"] == "CHL" for c in judged)
    assert "call act" not in {c["stance"] for c in claims(nlp, text)}
