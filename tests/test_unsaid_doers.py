"""Who did an armed act no one is named doing (pipeline/unsaid_doers.py), on sentences
written here."""
from __future__ import annotations

from sentences import claims, last_sentence_claims, triples

STORY = "Pakistan fired artillery at Afghan border posts on Sunday. "


def test_weapons_that_struck_are_those_of_the_armed_act_just_told(nlp):
    found = last_sentence_claims(nlp, STORY + "Shells hit a school in the border town, officials said.")
    assert ("PAK", "conflict", "positive", "AFG") in triples(found)
    assert all(c["confidence"] < 0.5 for c in found)  # a guess from the story, not the grammar


def test_a_party_hit_with_no_doer_named_is_hit_by_the_side_just_told(nlp):
    found = last_sentence_claims(nlp, STORY + "An Afghan checkpoint was also hit.")
    assert ("PAK", "conflict", "positive", "AFG") in triples(found)


def test_weapons_named_by_their_side_stay_that_sides(nlp):
    found = last_sentence_claims(nlp, STORY + "Afghan rockets later struck a Pakistani outpost.")
    assert ("AFG", "conflict", "positive", "PAK") in triples(found)


def test_weapons_with_no_armed_act_told_before_are_no_ones(nlp):
    text = "Pakistan and Afghanistan held talks in Doha. Shells hit a school in the border town."
    assert not any(c["stance"] in {"attack", "strike"} for c in last_sentence_claims(nlp, text))


def test_weapons_that_hit_a_named_site_of_no_party_are_those_just_told(nlp):
    # the parser reads "Tarnak Farms" as a name of no country: no party the act is toward
    found = last_sentence_claims(nlp, STORY + "Two missiles hit the Tarnak Farms base, officials said.")
    assert ("PAK", "conflict", "positive", "AFG") in triples(found)


def test_a_strike_told_beside_another_armed_act_is_not_that_acts(nlp):
    # the clause after "after" tells another, earlier act: whose strike it was is unsaid
    found = last_sentence_claims(nlp, "Afghan forces shelled Pakistani posts after a strike killed a commander.")
    assert not any(c["stance"] == "kill" and c["subject"]["id"] == "AFG" for c in found)


def test_what_people_did_is_no_states_act(nlp):
    text = "Hundreds of students blocked streets in Hong Kong in defiance of Chinese officials."
    assert not any(c["stance"] == "block" for c in last_sentence_claims(nlp, text))


def test_a_party_named_as_an_adversary_is_no_partner(nlp):
    text = "North Korea has trained hundreds of hackers capable of waging cyber warfare against Japan."
    assert not any(c["family"] == "cooperation" and c["target"] and c["target"]["id"] == "JPN"
                   for c in last_sentence_claims(nlp, text))


def test_warplanes_sent_to_do_something_do_it_for_the_sender(nlp):
    text = ("The EU imposed sanctions on Chilean officials. Peru, Chile's closest ally, sent two "
            "nuclear-capable bombers to patrol Chilean airspace in a show of support.")
    assert {c["subject"]["id"] for c in last_sentence_claims(nlp, text) if c["stance"] == "patrol"} == {"PER"}


def test_warplanes_that_struck_with_no_owner_are_those_of_the_armed_act_just_told(nlp):
    found = [c for c in last_sentence_claims(nlp, STORY + "Jets later struck a village near the border.")
             if c["start"] > 0]
    assert ("PAK", "conflict", "positive", "AFG") in triples(found)


def test_measures_taken_to_do_something_do_it_for_the_taker(nlp):
    text = ("Chile warned Peru on Sunday. Chile said it would take all necessary measures to protect "
            "its fishing rights after talks with Peru ended without agreement.")
    assert not any(c["subject"]["id"] == "PER" for c in last_sentence_claims(nlp, text))


def test_acts_condemned_are_not_toward_the_one_condemning_them(nlp):
    text = "Chile shelled Bolivian posts. Peru condemned the Chilean strikes."
    found = [c for c in last_sentence_claims(nlp, text) if c["stance"] in {"attack", "strike"}]
    assert all(c["target"] is None or c["target"]["id"] != "PER" for c in found)



def test_helping_ones_own_named_by_nationality_is_no_act_toward_another(nlp):
    text = ("The EU imposed tariffs on Chilean wine. Chile's trade ministry said it firmly opposed the "
            "decision and would take all necessary measures to defend the rights of Chilean companies.")
    assert not any(c["stance"] == "defend" for c in last_sentence_claims(nlp, text))



def test_what_a_thing_did_is_no_partys_act(nlp):
    # a story of my own: Poland, Belarus, the EU, Russia and Germany named before the call
    text = ("Poland on Tuesday accused Belarus of deliberately pushing thousands of migrants toward the "
            "border in retaliation for European Union sanctions. Minsk denied orchestrating the crisis and "
            "blamed the EU for the migrants' plight. Polish border guards used water cannon and tear gas "
            "against migrants who threw stones at them, the defence ministry said. The EU's foreign policy "
            "chief said the bloc would expand sanctions against Belarusian officials and airlines involved "
            "in transporting migrants. Russia, Belarus's closest ally, sent two nuclear-capable bombers to "
            "patrol Belarusian airspace in a show of support. The Kremlin rejected suggestions that Moscow "
            "had played any role in the crisis. German Chancellor Angela Merkel spoke by phone with "
            "Belarusian leader Alexander Lukashenko. Warsaw criticised the call, saying it legitimised the regime.")
    assert not any(c["stance"] == "legitimise" for c in last_sentence_claims(nlp, text))


def test_an_agreement_referred_back_acts_for_the_parties_that_reached_it(nlp):
    text = "Egypt signed a defence pact with Sudan last week. Ethiopia said the pact threatened its security."
    found = [c for c in last_sentence_claims(nlp, text) if c["family"] == "conflict"]
    assert ("EGY", "conflict", "positive", "ETH") in triples(found)
    assert [a["id"] for a in found[0]["co_subjects"]] == ["SDN"]


def test_an_agreement_no_one_is_told_reaching_acts_for_no_one(nlp):
    text = "Egypt and Sudan held talks last week. Ethiopia said the pact threatened its security."
    assert not any(c["family"] == "conflict" and c["subject"]["id"] in {"EGY", "SDN"}
                   for c in last_sentence_claims(nlp, text))


def test_whom_a_complaint_is_about_is_not_its_speaker(nlp):
    text = ("On Tuesday, Nigerian junior minister Dubem Oniya summoned Niger's ambassador "
            "to complain of inaction over the militants.")
    assert not any(c["subject"]["id"] == "MILITANTS" for c in last_sentence_claims(nlp, text))


def test_who_acts_over_an_act_did_not_do_it(nlp):
    # Colombia reacts to the war; it fights no one in Gaza
    found = claims(nlp, "Colombia suspended arms purchases from Israel over the war in Gaza.")
    assert all(c["subject"]["id"] != "COL" or c["stance"] == "suspend" for c in found)


def test_a_summons_told_by_a_states_voice_with_no_doer_is_that_states(nlp):
    found = claims(nlp, "Ghana's foreign ministry said the Togolese envoy was summoned on Monday.")
    assert [(c["subject"]["id"], c["stance"]) for c in found] == [("GHA", "summon")]
    assert found[0]["regions"] == [{"name": "Ghana", "kind": "country", "country": "GHA"}]


def test_an_arrest_told_by_the_police_with_no_doer_is_their_states(nlp):
    found = claims(nlp, "Kenyan police said four gunmen had been arrested near the border.")
    assert ("KEN", "conflict", "positive", "GUNMEN") in triples(found)


def test_an_act_told_by_the_side_it_is_toward_has_no_doer_from_the_voice(nlp):
    found = claims(nlp, "Ghana said two of its fishermen were detained.")
    assert not any(c["subject"]["id"] == "GHA" for c in found)


def test_a_clause_with_a_subject_of_its_own_takes_no_doer_from_the_voice(nlp):
    text = "Amnesty said Liberian refugees, whom officials blame for the unrest, were beaten."
    assert not any(c["subject"]["id"] == "AMNESTY" and c["stance"] == "blame" for c in claims(nlp, text))


def test_a_hostile_participle_before_a_noun_was_done_to_that_nouns_party(nlp):
    found = claims(nlp, "Vietnam's coast guard said the seized Chinese trawlers were towed to Da Nang by its ships.")
    assert ("VNM", "conflict", "positive", "CHN") in triples(found)
    assert [c["stance"] for c in found] == ["seize"]


def test_a_participle_before_an_act_is_no_act_on_its_doer(nlp):
    found = claims(nlp, "Turkey launched its long-threatened offensive against the Kurdish militia on Wednesday.")
    assert [(c["subject"]["id"], c["stance"]) for c in found] == [("TUR", "attack")]


def test_attackers_hit_with_no_doer_named_are_hit_by_whom_they_attacked(nlp):
    found = last_sentence_claims(nlp, "Gunmen attacked a Chilean police patrol on Sunday. "
                                      "The police said that three attackers had been killed.")
    assert [(c["subject"]["country"], c["stance"], c["target"]["id"]) for c in found] == [("CHL", "kill", "GUNMEN")]


def test_attackers_hit_by_a_thing_named_are_not_so_guessed(nlp):
    found = last_sentence_claims(nlp, "Gunmen attacked a Chilean police patrol on Sunday. "
                                      "An explosion killed three attackers, the police said.")
    assert not [c for c in found if c["subject"]["country"] == "CHL"]
