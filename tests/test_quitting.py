"""Leaving an organization (pipeline/quitting.py)."""
from __future__ import annotations

import pytest

from claimcmp.knowledge import stance_groups
from sentences import claims, triples


@pytest.mark.parametrize("text, doer", [
    ("Burkina Faso withdrew from ECOWAS.", "BFA"),
    ("Burkina Faso and Niger announced their withdrawal from ECOWAS.", "BFA"),
    ("Mali's withdrawal from ECOWAS took effect.", "MLI"),
    ("Mali quit ECOWAS on Wednesday.", "MLI"),
    ("Niger formally left the Economic Community of West African States.", "NER"),
])
def test_leaving_an_organization_is_toward_it(nlp, text, doer):
    assert (doer, "conflict", "positive", "ECOWAS") in triples(claims(nlp, text))


def test_pulling_out_of_an_organization(nlp):
    assert ("RUS", "conflict", "positive", "NATO") in triples(claims(nlp, "Russia pulled out of NATO."))


def test_forces_leaving_a_country_still_move(nlp):
    found = claims(nlp, "Russia pulled out of Syria.")
    assert [(c["stance"], c["family"]) for c in found] == [("withdraw", "neutral")]


@pytest.mark.parametrize("text", ["The envoy left Beijing on Monday.",
                                  "The UN withdrew 80 peacekeepers, leaving just 100 UN troops in the town."])
def test_leaving_a_place_or_troops_quits_nothing(nlp, text):
    assert not any(c["stance"] == "quit" for c in claims(nlp, text))


def test_an_organizations_deployment_is_no_quitting(nlp):
    """"of" names the forces' owner; only "out of" names what is left."""
    found = claims(nlp, "The deployment of NATO troops began.")
    assert not any(c["stance"] == "quit" for c in found)


def test_quitting_is_compared_with_suspending():
    assert stance_groups.read("quit").group.name == stance_groups.read("suspend").group.name
