"""Allegations (claimcmp/pipeline/allegations.py): whoever alleges another party's hostile
act accuses that party; the act is a claim of its own. Sentences written for these tests."""
from __future__ import annotations

import pytest

from sentences import claims, triples


def accusations(nlp, text: str) -> set[tuple]:
    return {t for t, c in zip(_triples(nlp, text), claims(nlp, text)) if c["stance"] == "accuse"}


def _triples(nlp, text):
    return [next(iter(triples([c]))) for c in claims(nlp, text)]


def test_claiming_another_party_attacked_accuses_it(nlp):
    found = accusations(nlp, "Chile claims that Peruvian boats crossed into its waters and fired on a patrol.")
    assert found == {("CHL", "conflict", "positive", "PER")}


def test_an_allegation_noun_with_its_owner(nlp):
    found = accusations(nlp, "Ghana dismissed Togo's allegations that Ghanaian troops shelled a border town.")
    assert ("TGO", "conflict", "positive", "GHA") in found


def test_the_alleged_act_is_read_too(nlp):
    found = triples(claims(nlp, "Chile claims that Peruvian boats fired on a Chilean patrol."))
    assert ("PER", "conflict", "positive", "CHL") in found


def test_claiming_ones_own_act_accuses_no_other_party(nlp):
    found = accusations(nlp, "Chile claimed that Chilean ships had fired in self-defence.")
    assert all(target is None for *_, target in found)


def test_an_allegation_noun_needs_a_hostile_act_of_another(nlp):
    assert not accusations(nlp, "Ghana welcomed Togo's claim that Ghanaian officials want talks.")
    assert not accusations(nlp, "Ghana rejected the claims that Togo made about the border.")


@pytest.mark.parametrize("text", [
    "Kyiv accused Moscow of shelling the plant, which Russia denies.",
    "Kyiv accused Moscow of shelling the plant. Russia denied it.",
    "Kyiv accused Moscow of shelling the plant. Russia denied the charge.",
    "Kyiv accused Moscow of shelling the plant. Russia dismissed the claims as lies.",
])
def test_denying_what_refers_back_to_an_accusation_is_toward_the_accuser(nlp, text):
    denials = [c for c in claims(nlp, text) if c["stance"] in {"deny", "dismiss"}]
    assert [(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in denials] == [("RUS", "UKR")]


@pytest.mark.parametrize("text", [
    "Chile accused Peruvian vessels of firing flares at a Chilean fishing boat.",
    "Chile accused Peruvian warships of ramming a Chilean patrol boat.",
])
def test_the_act_a_party_s_ships_are_accused_of_is_the_accuser_s_report(nlp, text):
    # the parser hangs "of firing" on the ships: they still do it, on the accuser's word
    (act,) = [c for c in claims(nlp, text) if c["stance"] != "accuse"]
    assert (act["subject"]["country"], act["modality"], act["attribution"]["id"]) == ("PER", "reported", "CHL")


@pytest.mark.parametrize("text", [
    "Chile accused Peru of supporting rebels.",
    "Bolivia accused Peru of supporting rebels who ambushed Bolivian troops.",
])
def test_a_gerund_read_as_a_modifier_is_the_accused_party_s_act(nlp, text):
    # the parser reads "supporting rebels" as rebels who support; Peru supports them
    assert ("PER", "cooperation", "positive", "REBELS") in triples(claims(nlp, text))


def test_claiming_one_s_own_act_accuses_no_one(nlp):
    found = claims(nlp, "Chile claims its air defences shot down ten Peruvian drones.")
    assert [c["stance"] for c in found if c["family"] == "conflict"] == ["attack"]  # no "accuse"


def test_claiming_another_s_act_still_accuses_it(nlp):
    found = accusations(nlp, "Chile claims Peruvian drones attacked a refinery.")
    assert found == {("CHL", "conflict", "positive", "PER")}


def test_a_participle_trailing_an_accusation_tells_the_accused_act(nlp):
    # the parser hangs "wounding" on "accused": the mines wounded, on Chile's word
    found = claims(nlp, "Chile accused Peruvian troops of laying new landmines, wounding a Chilean soldier.")
    (wound,) = [c for c in found if c["stance"] == "wound"]
    assert (wound["subject"]["country"], wound["modality"], wound["attribution"]["id"]) == ("PER", "reported", "CHL")


def test_who_claims_responsibility_for_an_attack_made_it(nlp):
    found = triples(claims(nlp, "The rebels claimed responsibility for the attack in Lima."))
    assert ("REBELS", "conflict", "positive", "PER") in found


@pytest.mark.parametrize("text, polarity", [
    ("Lima believes Chile was behind the bombing of the pipeline in Peru.", "positive"),
    ("Chile said it was not behind the bombing of the pipeline in Peru.", "negative"),
])
def test_who_is_behind_an_act_did_it(nlp, text, polarity):
    """"X was behind the attack" tells X's act, negated with "be"."""
    (bombing,) = [c for c in claims(nlp, text) if c["stance"] != "accuse"]
    assert (bombing["subject"]["id"], bombing["family"], bombing["polarity"]) == ("CHL", "conflict", polarity)


def test_a_role_denied_with_in_hung_on_the_verb_is_still_denied(nlp):
    """"denied any role in the shootdown": the parser hangs "in" on "denied"; the act is denied."""
    found = [c for c in claims(nlp, "Chile denied any role in the shootdown of the Peruvian airliner.")
             if c["stance"] == "attack"]
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in found] == [("CHL", "negative", "PER")]
