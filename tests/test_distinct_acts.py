"""How many claims one sentence gives when its stance words share their actors: one per act
(each predicate with its own stance), one for the words that tell a single act ("agreed to a
ceasefire", "held talks", "the drone attack hit"). Sentences written here."""
from __future__ import annotations

import pytest

from sentences import claims


def _stances(nlp, text: str, family: str) -> list[str]:
    return [c["stance"] for c in claims(nlp, text)
            if c["family"] == family and c["subject"]["country"] == "CHL"
            and (c["target"] or {}).get("country") == "PER"]


@pytest.mark.parametrize("text", [
    "Chile condemned Peru on Monday, demanding that Lima withdraw its troops.",  # condemn, demand
    "Chile imposed sanctions on Peru, threatening to expel its diplomats.",  # sanction, threaten
])
def test_two_predicates_with_one_pair_of_actors_are_two_claims(nlp, text):
    found = _stances(nlp, text, "conflict")
    assert len(found) == 2 and len(set(found)) == 2


@pytest.mark.parametrize("text, family", [
    ("Chile and Peru agreed to a ceasefire on Monday.", "cooperation"),  # agree + ceasefire
    ("Chile and Peru held talks in Lima on Monday.", "cooperation"),  # hold + talks
    ("The drone attack by Chile hit Lima.", "conflict"),  # attack + hit
    ("Chile launched air strikes on Peru.", "conflict"),  # launch + strikes
])
def test_words_that_tell_one_act_give_one_claim(nlp, text, family):
    assert len(_stances(nlp, text, family)) == 1


def test_one_claim_read_through_two_words_is_given_once(nlp):
    found = claims(nlp, "Peru's refusal to extradite the suspect angered Chile.")
    ids = [c["id"] for c in found]
    assert ids and len(ids) == len(set(ids))


@pytest.mark.parametrize("text, stance, polarity", [
    ("Chile refused to attack Peru.", "attack", "negative"),
    ("Chile refused to meet Peru's foreign minister.", "refuse meet", "positive"),
])
def test_a_refused_act_is_one_claim(nlp, text, stance, polarity):
    # the refusal is told through the act refused, not once more as a bare "refuse" toward Peru
    found = [(c["stance"], c["polarity"]) for c in claims(nlp, text) if c["subject"]["country"] == "CHL"]
    assert found == [(stance, polarity)]
