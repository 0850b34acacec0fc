"""Answers to proposals told before (constructions.response_draft), orders given to
another party (constructions.order_draft), access granted or refused and forces sighted
(constructions.detection_draft), on sentences written here."""
from __future__ import annotations

import pytest

from sentences import claims, last_sentence_claims, triples


def _answers(nlp, text: str) -> list[tuple]:
    return [(c["subject"]["id"], c["stance"], c["target"] and c["target"]["id"])
            for c in last_sentence_claims(nlp, text) if c["stance"] in {"reject", "accept"}]


def test_rejecting_the_plan_answers_who_proposed_it(nlp):
    text = "Norway proposed a truce on Monday. The rebels rejected the plan on Tuesday."
    assert _answers(nlp, text) == [("REBELS", "reject", "NOR")]


def test_accepting_it_answers_the_proposal_just_told(nlp):
    text = "Qatar proposed a prisoner exchange on Monday. Hamas accepted it."
    assert _answers(nlp, text) == [("HAMAS", "accept", "QAT")]


@pytest.mark.parametrize("verb", ["backed", "supported", "endorsed"])
def test_backing_a_proposal_answers_who_made_it(nlp, verb):
    """"France backed a German proposal": France's answer, toward Germany (not the reverse)."""
    assert _answers(nlp, f"France {verb} a German proposal for talks.") == [("FRA", "accept", "DEU")]


def test_a_plan_no_one_proposed_in_the_story_answers_no_one(nlp):
    text = "Norway hosted talks on Monday. The rebels rejected the plan on Tuesday."
    assert not any(target == "NOR" for _, _, target in _answers(nlp, text))


def test_a_clause_with_its_own_subject_is_not_what_the_first_wants(nlp):
    text = "Norway wants a truce, but the rebels attacked the army on Tuesday."
    (attack,) = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "attack"]
    assert attack["modality"] == "asserted"


def test_a_proposal_accepted_from_no_one_named_is_not_the_accepters(nlp):
    """'Hamas accepted the proposal' told Hamas proposing; the proposal is someone else's."""
    assert not any(c["stance"] == "propose" for c in claims(nlp, "Hamas accepted the proposal on Monday."))
    found = last_sentence_claims(nlp, "Israel offered a truce. Hamas accepted the proposal on Monday.")
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in found] == [("HAMAS", "accept", "ISR")]


def test_an_order_to_another_party_is_a_demand_on_it_and_what_it_orders_is_wanted(nlp):
    found = claims(nlp, "The ICJ ordered Venezuela to halt the referendum.")
    assert ("ICJ", "demand", "conflict", "VEN") in {
        (c["subject"]["id"], c["stance"], c["family"], c["target"] and c["target"]["id"]) for c in found}
    assert {c["modality"] for c in found if c["subject"]["id"] == "VEN"} == {"desired"}


def test_an_order_to_ones_own_forces_is_no_demand_and_tells_the_act(nlp):
    found = claims(nlp, "Ethiopia ordered its troops to attack the TPLF.")
    assert not any(c["stance"] == "demand" for c in found)
    assert [(c["subject"]["id"], c["modality"]) for c in found if c["stance"] == "attack"] == [("ETH", "asserted")]


def test_access_refused_is_read_as_any_act_under_a_refusal(nlp):
    """'refused to open the crossing to Gazans' opened nothing (constructions._draft_toward
    reads the refusal as entries.governed does for any stance verb)."""
    found = claims(nlp, "Egypt refused to open the Rafah crossing to Palestinians.")
    assert not any(c["stance"] == "open access" and c["polarity"] == "positive" for c in found)
    found = claims(nlp, "Turkey refused to close its airspace to Russian planes.")
    assert [c["polarity"] for c in found if c["stance"] == "close access"] == ["negative"]


@pytest.mark.parametrize("text, stance, polarity", [
    ("Germany refused to send tanks to Ukraine.", "aid", None),  # read as 'refused to cooperate'
    ("The US denied sending weapons to Taiwan.", "aid", "negative"),
    ("Israel refused to accept the Egyptian proposal.", "accept", None),
])
def test_aid_and_answers_under_a_refusal_or_denial_are_not_told_done(nlp, text, stance, polarity):
    found = [c for c in claims(nlp, text) if c["stance"] == stance]
    assert [c["polarity"] for c in found] == ([polarity] if polarity else [])


@pytest.mark.parametrize("text, expected", [
    ("Japan spotted three Russian warships near Hokkaido.", ("RUS", "positive", "JPN")),
    ("Taiwan detected dozens of Chinese military aircraft around the island.", ("CHN", "positive", "TWN")),
    ("Taiwan did not detect any Chinese aircraft on Sunday.", ("CHN", "negative", "TWN")),
])
def test_forces_another_party_sees_near_it_are_a_show_of_force(nlp, text, expected):
    """constructions.detection_draft: the owner of the craft seen, toward the one who watches."""
    found = [(c["subject"]["country"], c["polarity"], c["target"]["id"]) for c in claims(nlp, text)
             if c["stance"] == "show of force"]
    assert found == [expected]


def test_craft_no_party_watches_are_no_show_of_force(nlp):
    assert claims(nlp, "Scientists tracked the Chinese balloon over the Pacific.") == []


@pytest.mark.parametrize("text, expected", [
    ("Chile granted Peru an exemption from sanctions on Bolivian gas.",
     [("CHL", "cooperation", "PER"), ("CHL", "conflict", "BOL")]),
    ("Peru won an exemption from Chilean sanctions.", []),  # on whom the sanctions are, unsaid
])
def test_what_one_is_exempted_from_is_the_granters_never_the_exempted_partys(nlp, text, expected):
    found = [(c["subject"]["id"], c["family"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)]
    assert found == expected



@pytest.mark.parametrize("text, expected", [
    ("Bolivia rejected an offer of talks from Chile.", ("BOL", "conflict", "positive", "CHL")),
    ("Peru welcomed the offer of mediation from Brazil.", ("PER", "cooperation", "positive", "BRA")),
])
def test_the_proposer_named_after_what_is_proposed_is_whom_the_answer_is_toward(nlp, text, expected):
    assert expected in triples(claims(nlp, text))


def test_a_proposal_accepted_is_not_the_accepters_own(nlp):
    assert not [c for c in claims(nlp, "Bolivia accepted the ultimatum.") if c["subject"]["id"] == "BOL"
                and c["family"] == "conflict"]
    assert ("BOL", "cooperation", "positive", "CHL") in triples(claims(nlp, "Bolivia accepted the Chilean ultimatum."))


def _stances(nlp, text: str) -> set[tuple]:
    return {(c["subject"]["country"] or c["subject"]["id"], c["stance"], c["modality"],
             c["target"] and (c["target"]["country"] or c["target"]["id"])) for c in claims(nlp, text)}


@pytest.mark.parametrize("text, answer", [
    # answering a material hostile act retaliates against its doer, in the answer's mood
    ("Greece vowed to respond to the Turkish drone strike.", ("GRC", "retaliate", "predicted", "TUR")),
    ("Brazil will respond to the new Argentine tariffs.", ("BRA", "retaliate", "predicted", "ARG")),
    ("Greece will retaliate for the Turkish drone strike.", ("GRC", "retaliate", "predicted", "TUR")),
])
def test_answering_a_hostile_act_is_retaliating_against_its_doer(nlp, text, answer):
    assert answer in _stances(nlp, text)


def test_the_act_answered_is_told_toward_whoever_answers_it(nlp):
    # the strike has happened: not predicted like the answer, and the one answering is its target
    found = _stances(nlp, "Greece vowed to respond to the Turkish drone strike.")
    assert ("TUR", "attack", "reported", "GRC") in found


def test_answering_accusations_is_a_reply_not_a_retaliation(nlp):
    found = _stances(nlp, "Greece has not yet responded to the latest Turkish accusations.")
    assert not [s for s in found if s[1] == "retaliate"]


@pytest.mark.parametrize("text, target", [
    # a retaliation carried out "by" an act is toward whom that act is
    ("Chad retaliated by firing rockets at Libyan bases in Sudan.", "LBY"),
    ("Hungary retaliated by expelling two Slovak diplomats.", "SVK"),
])
def test_a_retaliation_is_toward_whom_its_means_is(nlp, text, target):
    assert [c["target"]["country"] for c in claims(nlp, text) if c["stance"] == "retaliate"] == [target]
