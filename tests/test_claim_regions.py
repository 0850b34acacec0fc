"""WHICH REGION for the places a claim's clause names through its parties: the place visited,
and a piece of a country that the country's adjective or possessive qualifies."""
from __future__ import annotations

import pytest

from sentences import claims


def by_stance(nlp, text: str) -> dict[str, dict]:
    return {c["stance"]: c for c in claims(nlp, text)}


def countries(claim: dict) -> list[str]:
    return [r["country"] for r in claim["regions"]]


@pytest.mark.parametrize("text, target, where", [
    ("President Macron visited Algeria on Monday.", "DZA", ["DZA"]),
    ("The Chinese envoy travelled to Washington on Monday.", "USA", ["USA"]),
    ("Netanyahu's visit to Moscow angered Tehran.", "RUS", ["RUS"]),
])
def test_the_place_visited_is_whom_and_where(nlp, text, target, where):
    visit = by_stance(nlp, text)["visit"]
    assert visit["target"]["id"] == target
    assert countries(visit) == where


@pytest.mark.parametrize("text, stance, where", [
    ("Indian jets violated Pakistani airspace on Tuesday, the army said.", "violate", ["PAK"]),
    ("Hezbollah fired rockets into Israeli territory on Sunday.", "attack", ["ISR"]),
    ("Russian artillery shelled two Ukrainian villages overnight.", "attack", ["UKR"]),
])
def test_a_piece_of_a_country_lies_in_it(nlp, text, stance, where):
    assert countries(by_stance(nlp, text)[stance]) == where


def test_a_countrys_bases_abroad_are_not_in_it(nlp):
    # forces hold bases, positions and fronts abroad: "American bases in Iraq" are in Iraq
    attack = by_stance(nlp, "Iran fired missiles at American bases in Iraq on Wednesday.")["attack"]
    assert attack["target"]["id"] == "USA"
    assert countries(attack) == ["IRQ"]


@pytest.mark.parametrize("text", [
    "Armenia condemned Azerbaijan's military offensive against Nagorno-Karabakh on Tuesday.",
    "Azerbaijani forces shelled Stepanakert overnight.",
])
def test_a_land_held_within_a_country_is_where_too(nlp, text):
    # Nagorno-Karabakh (held by Artsakh) is the target and lies in Azerbaijan
    attack = by_stance(nlp, text)["attack"]
    assert attack["target"]["id"] == "ARTSAKH"
    assert countries(attack) == ["AZE"]


def test_a_country_fired_at_is_still_not_where(nlp):
    assert countries(by_stance(nlp, "North Korea fired a missile at Japan on Tuesday.")["attack"]) == []


def test_a_seat_standing_for_an_organization_is_not_a_held_land(nlp):
    # Brussels lies in Belgium, but "against Brussels" is toward the EU, not in Belgium
    retaliation = by_stance(nlp, "Moscow retaliated against Brussels on Monday.")["retaliate"]
    assert retaliation["target"]["id"] == "EU"
    assert countries(retaliation) == []


@pytest.mark.parametrize("text, stance, where", [
    ("Ethiopian troops attacked the TPLF on Monday.", "attack", ["ETH"]),
    ("Ethiopia accused the TPLF of treason on Monday.", "accuse", []),  # words, not fighting
    ("Israeli jets struck Hamas on Monday.", "strike", []),  # Hamas's struggle is not within Israel
])
def test_fighting_a_group_at_home_is_in_its_country(nlp, text, stance, where):
    assert countries(by_stance(nlp, text)[stance]) == where


@pytest.mark.parametrize("text, stance, where", [
    ("Chile accused Peru of massing troops in Bolivia on Monday.", "accuse", []),
    ("Brazil condemned the Venezuelan strikes on Guyana.", "condemn", []),
    ("In Brasilia, the foreign minister accused Argentina of meddling.", "accuse", ["BRA"]),
    ("Speaking in Geneva, Norway warned Russia against new attacks.", "warn", ["CHE"]),
    ("Ghana deported the traders, prompting protests from Abuja.", "protest", []),  # who protests
])
def test_a_spoken_act_happens_where_it_is_said_not_where_its_content_is(nlp, text, stance, where):
    assert countries(by_stance(nlp, text)[stance]) == where


def test_a_place_inside_an_actors_name_places_nothing(nlp):
    found = by_stance(nlp, "Iran's support for the Houthis drew condemnation from Gulf states.")
    assert found["support"]["regions"] == []


@pytest.mark.parametrize("text, stance, where", [
    ("Chilean President Gabriel Boric announced a Chile-backed truce between Peru and Bolivia.",
     "announce truce", []),
    ("Israeli troops raided a village in the Israel-occupied West Bank.", "attack", ["PSE"]),
])
def test_a_place_joined_to_a_participle_by_a_hyphen_places_nothing(nlp, text, stance, where):
    assert countries(by_stance(nlp, text)[stance]) == where


@pytest.mark.parametrize("text, stance, where", [
    ("Azerbaijan summoned the Russian ambassador on Monday.", "summon", ["AZE"]),
    ("Russia detained two American journalists on Friday.", "detain", ["RUS"]),
    ("A court in Tehran sentenced a French citizen to eight years.", "sentence", ["IRN"]),
    ("Iran arrested a British diplomat in Iraq on Tuesday.", "arrest", ["IRQ"]),
    ("Azerbaijan convicted two Armenian soldiers on Monday.", "convict", ["AZE"]),
    ("South Africa filed a case against Israel on Friday.", "sue", []),  # a state sued: a world court
])
def test_a_state_arrests_tries_and_summons_at_home_unless_told_where(nlp, text, stance, where):
    assert countries(by_stance(nlp, text)[stance]) == where


@pytest.mark.parametrize("text, doer, stance, where", [
    # forces moved with no mover named: their state moved them
    ("Russian troops were deployed in Syria.", "RUS", "deploy", ["SYR"]),
    ("American troops were withdrawn from Syria last year.", "USA", "withdraw", ["SYR"]),
    ("Russian peacekeepers deployed in Armenia left on Monday.", "RUS", "deploy", ["ARM"]),
])
def test_forces_moved_in_the_passive_are_moved_by_their_state(nlp, text, doer, stance, where):
    claim = by_stance(nlp, text)[stance]
    assert (claim["subject"]["country"], countries(claim)) == (doer, where)


@pytest.mark.parametrize("text, expected", [
    # forces named with their owner move with no place said
    ("The deal provided legal grounds for the presence of Russian peacekeepers.", ("RUS", "deploy", "positive", [])),
    ("The reef hosts a tiny Chilean garrison stationed on an old warship.", ("CHL", "station", "positive", [])),
    ("Peru said Peruvian forces are not stationed there.", ("PER", "station", "negative", [])),
    # the place forces leave may hang on the forces; it is no owner of them
    ("The United States sped up the withdrawal of some invasion forces from Panama on Wednesday.",
     ("USA", "withdraw", "positive", ["PAN"])),
])
def test_forces_moved_are_their_owners_act(nlp, text, expected):
    found = [(c["subject"]["country"], c["stance"], c["polarity"], countries(c))
             for c in claims(nlp, text) if c["family"] == "neutral"]
    assert found == [expected]


def test_sending_a_signal_moves_no_forces(nlp):
    text = "Amnesty accused Chile of sending a permissive signal to abusive governments."
    assert [c for c in claims(nlp, text) if c["family"] == "neutral"] == []


def test_an_act_that_is_the_goal_of_one_told_before_happens_where_that_one_did(nlp):
    text = ("Chile launched a military operation in Tacna on Monday. Santiago said the aim of the offensive was "
            "to destroy Peruvian bases.")
    [destroy] = [c for c in claims(nlp, text) if c["stance"] == "destroy"]
    assert [r["country"] for r in destroy["regions"]] == ["PER"]
