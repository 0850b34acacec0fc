"""Brokered acts: the broker toward each party, and the parties' act between them."""
from __future__ import annotations

import pytest

from sentences import claims, triples


def test_a_hyphenated_broker_is_no_party_to_the_truce(nlp):
    found = triples(claims(nlp, "The Turkish-brokered truce between Armenia and Azerbaijan took effect on Friday."))
    assert ("ARM", "cooperation", "positive", "AZE") in found
    assert {("TUR", "cooperation", "positive", "ARM"), ("TUR", "cooperation", "positive", "AZE")} <= found


def test_brokering_a_ceasefire_states_the_ceasefire_too(nlp):
    found = claims(nlp, "Qatar brokered a ceasefire between Sudan and Chad.")
    assert ("SDN", "cooperation", "positive", "TCD") in triples(found)
    assert [(c["target"]["id"], [a["id"] for a in c["co_targets"]]) for c in found if c["subject"]["id"] == "QAT"] \
        == [("SDN", ["TCD"])]  # one brokering toward both parties, as a reader lists it


def test_an_actor_owning_the_act_is_still_its_party(nlp):
    # no hyphenated participle: Russia is a party, not a broker
    found = claims(nlp, "The Russian ceasefire with Ukraine collapsed.")
    assert not any(c["stance"] == "broker" for c in found)


def test_a_deal_brokered_by_a_third_is_brokered_between_its_signatories(nlp):
    """"Chile and Peru signed a peace deal brokered by Brazil": Brazil toward both."""
    found = triples(claims(nlp, "Chile and Peru signed a peace deal brokered by Brazil."))
    assert {("BRA", "cooperation", "positive", "CHL"), ("BRA", "cooperation", "positive", "PER")} <= found


def test_securing_a_truce_between_two_others_is_brokering_it(nlp):
    found = claims(nlp, "Norway secured a truce between Sudan and Chad.")
    assert ("SDN", "cooperation", "positive", "TCD") in triples(found)
    assert [(c["stance"], c["target"]["id"], [a["id"] for a in c["co_targets"]])
            for c in found if c["subject"]["id"] == "NOR"] == [("broker", "SDN", ["TCD"])]


def test_securing_a_truce_with_another_is_being_its_party(nlp):
    found = claims(nlp, "Sudan secured a truce with Chad.")
    assert ("SDN", "cooperation", "positive", "TCD") in triples(found)
    assert not any(c["stance"] == "broker" for c in found)


def test_what_a_mediation_is_on_is_between_the_mediated(nlp):
    """"mediating between X and Y on a truce": the truce is X's with Y, not the mediators'; the
    parser hangs the subject on "are" here, and the mediators are still the doers."""
    found = claims(nlp, "Egypt and Qatar are mediating between Israel and Hamas on a new truce.")
    assert ("ISR", "cooperation", "positive", "HAMAS") in triples(found)
    assert ("EGY", "cooperation", "positive", "QAT") not in triples(found)
    mediation = next(c for c in found if c["stance"] == "mediate")
    assert [a["id"] for a in [mediation["subject"], *mediation["co_subjects"]]] == ["EGY", "QAT"]


def test_an_agreement_told_before_and_brokered_in_the_passive_is_between_its_parties(nlp):
    """"X and Y agreed ... The agreement was brokered by Z": Z's brokering is toward X and Y."""
    found = [c for c in claims(nlp, "Chile and Peru agreed to end their dispute. The agreement was brokered by Brazil.")
             if c["stance"].startswith("broker")]
    assert [(c["subject"]["id"], {c["target"]["id"], *(a["id"] for a in c["co_targets"])}) for c in found] == \
        [("BRA", {"CHL", "PER"})]


@pytest.mark.parametrize("text", [
    "Chile and Peru fought for weeks. Brazil and Argentina called for a ceasefire.",
    "Brazil and Argentina urged a truce.",
    "Brazil and Argentina called for talks.",
])
def test_a_mutual_act_several_parties_call_for_is_not_between_them(nlp, text):
    """Those who call for a truce or talks want it between others, not with each other."""
    found = [c for c in claims(nlp, text) if c["subject"]["id"] in {"BRA", "ARG"}]
    assert not any({c["subject"]["id"], c["target"] and c["target"]["id"]} == {"BRA", "ARG"} for c in found)


@pytest.mark.parametrize("text", [
    "Chile offered to mediate between Bolivia and Peru in their dispute over water rights.",
    "Chile's president will mediate in the border dispute between Bolivia and Peru.",
])
def test_a_mediator_is_no_party_to_the_dispute_it_mediates_in(nlp, text):
    assert not [c for c in claims(nlp, text) if c["stance"] == "dispute" and c["subject"]["country"] == "CHL"]


def test_talks_between_two_mediated_by_a_third_are_brokered_between_the_two(nlp):
    text = "Talks between Peru and Chile, mediated by Brazil and Mexico, have stalled since December."
    [mediated] = [c for c in claims(nlp, text) if c["stance"] == "mediate"]
    doers = {mediated["subject"]["id"], *(a["id"] for a in mediated["co_subjects"])}
    parties = {mediated["target"]["id"], *(a["id"] for a in mediated["co_targets"])}
    assert (doers, parties) == ({"BRA", "MEX"}, {"PER", "CHL"})


def test_an_offer_to_mediate_is_between_the_sides_that_fought(nlp):
    from sentences import claims

    text = "Chile and Peru clashed on the border. Brazil offered to mediate."
    found = [c for c in claims(nlp, text) if c["stance"] == "mediate"]
    assert found and {found[0]["target"]["id"]} | {t["id"] for t in found[0]["co_targets"]} == {"CHL", "PER"}
