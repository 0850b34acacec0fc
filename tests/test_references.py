"""What words that refer back name: "the two neighbours", "both sides" (sentences written here)."""
from __future__ import annotations

import pytest

from sentences import claims, last_sentence_claims, triples


def _doer_target_pairs(nlp, text: str, stance: str | None = None) -> list[tuple]:
    """(subject id, target id) of the last sentence's claims, of one stance if given."""
    return [(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in last_sentence_claims(nlp, text)
            if stance is None or c["stance"] == stance]


def _parties(claim: dict) -> set[str]:
    return {a["id"] for a in [claim["target"], *claim["co_targets"]] if a}


def test_the_two_neighbours_are_the_latest_pair_of_countries(nlp):
    # the latest pair of parties is the UN and Niger; "the two neighbours" are Mali and Niger
    text = ("Mali and Niger exchanged fire along their border. The UN criticized Niger. "
            "Nigeria has mediated between the two neighbours.")
    (mediation,) = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "mediate"]
    assert mediation["subject"]["id"] == "NGA" and _parties(mediation) == {"MLI", "NER"}


def test_both_sides_may_be_a_country_and_a_body(nlp):
    text = "The UN criticized Niger. Both sides later agreed to talk."
    found = last_sentence_claims(nlp, text)
    assert {c["subject"]["id"] for c in found} | {a for c in found for a in _parties(c)} == {"UN", "NER"}


def test_it_after_his_country_is_that_country(nlp):
    # the latest subject before the sentence is the UN; "it" is the country "his country" named
    text = ("The UN urged Mali to withdraw. Mali's president said his country would not withdraw, "
            "and warned that it would retaliate against Niger.")
    found = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "retaliate"]
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found] == [("MLI", "NER")]


def test_a_ceasefire_with_no_parties_is_between_the_sides_that_fought(nlp):
    # the latest pair is the UN and Niger; the truce is between the two that fought
    text = ("Mali and Niger exchanged fire along their border. The UN condemned Niger. "
            "The truce agreed in May collapsed last week.")
    (truce,) = last_sentence_claims(nlp, text)
    assert {truce["subject"]["id"]} | _parties(truce) == {"MLI", "NER"}


def test_it_that_a_saying_tells_of_is_the_thing_just_condemned(nlp):
    found = last_sentence_claims(nlp, "Peru condemned the decision, saying it violated international law.")
    assert not any(c["subject"]["id"] == "PER" and c["stance"].startswith("violate") for c in found)


def test_it_that_will_act_is_still_the_speaker(nlp):
    found = last_sentence_claims(nlp, "Peru condemned the raid, saying it would retaliate against Chile.")
    assert any(c["subject"]["id"] == "PER" and c["stance"] == "retaliate" for c in found)


def test_the_agency_is_the_organization_just_named(nlp):
    text = "Peru criticized the IAEA on Monday. Peruvian officials accused the agency of bias."
    (accusation,) = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "accuse"]
    assert accusation["target"]["id"] == "IAEA"


def test_releasing_water_is_no_release_of_anyone(nlp):
    found = last_sentence_claims(nlp, "Chile began a water release from the dam on Monday, angering Bolivia.")
    assert not any(c["stance"] == "release" for c in found)


def test_its_in_what_another_party_attacked_is_the_speakers(nlp):
    (seizure,) = [c for c in last_sentence_claims(nlp, "Peru said Chile had seized its fishing boats.")
                  if c["stance"] == "seize"]
    assert (seizure["subject"]["id"], seizure["target"]["id"]) == ("CHL", "PER")


def test_its_in_what_a_party_did_to_its_own_stays_its_own(nlp):
    found = last_sentence_claims(nlp, "Peru said Chile had strengthened its forces.")
    assert not any(c["target"] and c["target"]["id"] == "PER" for c in found)


def test_them_after_a_plural_thing_is_those_things(nlp):
    found = last_sentence_claims(nlp, "Peru voted against the tariffs, while Chile backed them.")
    assert not any(c["subject"]["id"] == "CHL" and c["target"] and c["target"]["id"] == "PER" for c in found)


def test_them_after_named_parties_is_those_parties(nlp):
    found = last_sentence_claims(nlp, "Chile warned Peru and Bolivia, accusing them of provocation.")
    accused = {a["id"] for c in found if c["stance"] == "accuse" for a in [c["target"], *c["co_targets"]] if a}
    assert accused & {"PER", "BOL"}


def test_the_sides_urged_are_not_those_who_urge(nlp):
    # "both sides" and "the parties" are others than Chile and Peru, unnamed in the text
    for text in ("Chile and Peru urged both sides to honour the truce.",
                 "Chile and Peru urged the warring parties to respect the ceasefire.",
                 "Chile and Peru called on the parties to return to talks."):
        found = last_sentence_claims(nlp, text)
        assert not [c for c in found if {c["subject"]["id"]} | _parties(c) == {"CHL", "PER"}], text


def test_the_sides_urged_are_the_pair_told_before(nlp):
    text = "Mali and Niger agreed to a truce. Ghana and Togo urged both sides to honour it."
    found = [c for c in last_sentence_claims(nlp, text) if c["family"] == "cooperation" and c["target"]]
    assert found and all({c["subject"]["id"]} <= {"MLI", "NER"} for c in found if c["stance"] != "urge")


def test_the_army_is_not_that_of_a_country_naming_a_place(nlp):
    """"near the Chadian border, the army said": Chad names where the raid was, not whose army speaks."""
    (kill,) = [c for c in last_sentence_claims(nlp, "Nigerien troops killed ten militants in a raid near the "
                                                      "Chadian border, the army said.") if c["stance"] == "kill"]
    assert not kill["attribution"] or kill["attribution"]["id"] != "TCD"


@pytest.mark.parametrize("text, expected", [
    ("Chile imposed tariffs on Peru, prompting Lima to retaliate.", ("PER", "CHL")),
    ("Chile held drills near the border, forcing Peru to scramble jets.", ("PER", "CHL")),
    ("Chile's drills prompted Peru to lodge a protest.", ("PER", "CHL")),
])
def test_an_act_a_party_was_made_to_take_answers_whoever_made_it(nlp, text, expected):
    """"prompting X to retaliate": X's act is toward the doer of what prompted it."""
    found = set(_doer_target_pairs(nlp, text))
    assert expected in found


def test_what_a_party_was_prompted_to_is_not_the_prompters_act(nlp):
    """"prompting Beijing to vow retaliation": the parser reads "vow retaliation" as a name;
    the retaliation is still not Australia's, whose ban prompted it."""
    text = "Australia banned Chinese apps, prompting Beijing to vow retaliation."
    assert ("AUS", "CHN") in _doer_target_pairs(nlp, text)  # the ban
    assert [c["stance"] for c in last_sentence_claims(nlp, text) if c["subject"]["id"] == "AUS"] == ["ban"]


def test_its_on_a_noun_joined_to_an_actor_is_that_actors(nlp):
    """"Chile and its vassal forces": "its" is Chile's, not the clause subject's (read as
    Bolivia's, the provocations had two doers and no target)."""
    text = "Bolivia will never tolerate the reckless military provocations of Chile and its vassal forces."
    assert _doer_target_pairs(nlp, text) == [("CHL", "BOL")]


def test_which_after_a_comma_is_the_party_named_before_it(nlp):
    """"crashed in Poland, which called it a provocation": the parser hangs the relative clause
    on "crashed"; "which" is Poland, not the drone that crashed."""
    found = last_sentence_claims(nlp, "A Russian drone crashed in Poland, which called it a deliberate provocation.")
    assert [(c["subject"]["id"], c["stance"]) for c in found] == [("POL", "criticize")]


@pytest.mark.parametrize("text", [
    "Chile cut diplomatic ties with Bolivia, accusing its neighbour of hostile acts.",
    "Chile cut ties with Bolivia. Santiago accused its neighbour of hostile acts.",
])
def test_its_neighbour_is_the_other_party_of_the_owners_latest_claim(nlp, text):
    found = _doer_target_pairs(nlp, text, "accuse")
    assert found == [("CHL", "BOL")]


def test_its_neighbour_named_by_no_claim_is_not_the_owner(nlp):
    """"accused its neighbour of sponsoring terrorism": the sponsor is no one named, never the accuser."""
    found = last_sentence_claims(nlp, "Bolivia accused its neighbour of sponsoring terrorism.")
    assert not any(c["subject"]["id"] == "BOL" and c["stance"] == "sponsor" for c in found)


@pytest.mark.parametrize("text", [
    "Chile filed a case against Bolivia, accusing it of genocide.",  # the case is no "it" accused
    "Chile brought a case against Bolivia at the ICJ, accusing it of genocide.",  # nor the court it is brought at
])
def test_it_accused_after_a_case_against_a_party_is_that_party(nlp, text):
    found = _doer_target_pairs(nlp, text, "accuse")
    assert found == [("CHL", "BOL")]


@pytest.mark.parametrize("text", [
    "Turkey killed a senior PKK commander. The group vowed revenge against Turkey.",
    "Turkey struck PKK positions in Iraq. The group vowed revenge against Turkey.",
])
def test_the_group_is_the_latest_group_named(nlp, text):
    found = _doer_target_pairs(nlp, text)
    assert found == [("PKK", "TUR")]


def test_a_retaliation_vowed_is_toward_whoever_struck_the_vower(nlp):
    """"vowed to retaliate" with no party named: toward the other party of the latest hostile
    act the vower took part in (its member named with the group: "a Hamas commander")."""
    text = "Israel killed a senior Hamas commander in Gaza. Hamas vowed to retaliate."
    found = _doer_target_pairs(nlp, text)
    assert found == [("HAMAS", "ISR")]


@pytest.mark.parametrize("text, doer, target", [
    # the possessive names the speaker of the clause the act is in
    ("Chile said its naval strike on Peruvian ports had been a success.", "CHL", "PER"),
    # ... or the subject of the sentence before
    ("Ghana recalled its envoy on Monday. Its sanctions on Togo took effect the same day.", "GHA", "TGO"),
])
def test_a_possessive_pronoun_on_an_act_names_its_doer(nlp, text, doer, target):
    assert (doer, target) in {(c["subject"]["id"], c["target"] and c["target"]["id"])
                              for c in last_sentence_claims(nlp, text)}


def test_a_possessive_pronoun_yields_to_the_doer_of_the_clause(nlp):
    # "his" could be read as anyone's; the one who declares the hostility holds it
    found = last_sentence_claims(nlp, "The new president of Kenya has declared his open hostility to Uganda.")
    assert {(c["subject"]["country"], c["stance"]) for c in found if c["target"]["id"] == "UGA"} == {
        ("KEN", "hostility")}


def test_an_act_named_as_the_means_of_another_takes_no_doer_from_its_pronoun(nlp):
    # the diplomacy is how Ghana challenges Togo, not cooperation of Ghana with Togo
    found = last_sentence_claims(nlp, "Ghana challenges Togo through its quiet diplomacy.")
    assert [c["stance"] for c in found if c["family"] == "cooperation"] == []


@pytest.mark.parametrize("text, expected", [
    # an indefinite mention is what "the statement" points back to, though older ones exist
    ("Bolivia's statement was clear. Peru issued a statement. The statement said", "a statement"),
    # a bare "the operation" only points further back, to the owned one
    ("Peru's operation in the south is not a war. Peru will end the operation soon. It will pause the operation",
     "Peru's operation"),
    # nothing of the lemma within the window
    ("Peru protested. Chile replied. The statement said", None),
])
def test_a_definite_noun_points_back_to_the_nearest_mention_that_is_not_bare(nlp, text, expected):
    from claimcmp.pipeline.mentions import MentionIndex

    doc = nlp(text)
    head = [t for t in doc if t.pos_ == "NOUN"][-1]
    found = MentionIndex.build(doc).same_noun_before(head, window=3)
    assert (found and doc[found.left_edge.i:found.i + 1].text) == expected


def test_a_trailing_body_is_the_state_whose_doing_it_tells(nlp):
    text = ("Bolivia recalled its ambassador to Chile on Monday after Chilean troops crossed into "
            "Bolivian territory, the foreign ministry said.")
    [recall] = [c for c in claims(nlp, text) if c["stance"] == "recall ambassador"]
    assert recall["attribution"]["country"] == "BOL"


def test_the_body_named_again_is_the_one_named_before(nlp):
    text = ("Bolivia recalled its ambassador to Chile on Monday after Chilean troops crossed into "
            "Bolivian territory, the foreign ministry said.\n\nThe ministry said the incursion was a grave "
            "violation of our sovereignty.")
    found = last_sentence_claims(nlp, text)
    assert ("BOL", "conflict", "positive", "CHL") in triples(found)  # Bolivia's criticism of the incursion
    assert found and all(c["attribution"]["country"] == "BOL" for c in found)


def test_relations_that_changed_with_no_parties_named_are_the_storys_pair(nlp):
    text = ("Chile scrambled jets on Monday after Peruvian drones flew near Arica. Peru said the flights were "
            "routine. Chile protested to Peru. Relations have deteriorated since last year.")
    found = last_sentence_claims(nlp, text)
    assert [(c["stance"], c["family"], {c["subject"]["id"], c["target"]["id"]}) for c in found] == \
        [("relations", "conflict", {"CHL", "PER"})]


def test_an_acronym_spelled_out_once_names_that_body_however_far_on(nlp):
    text = ("The ambassador of the Russian Federation to the Republic of Moldova was summoned to the Ministry "
            "of Foreign Affairs (MFA) on Monday. According to the MFA, the Moldovan side protested over remarks "
            "by a Russian lawmaker. A note was handed to the Russian side. The MFA strongly condemned the "
            "lawmaker's statements.")
    found = last_sentence_claims(nlp, text)
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in found] == [("MDA", "condemn", "RUS")]


def test_the_act_named_again_is_toward_whom_it_was_told_before(nlp):
    text = ("Chile launched a naval operation against Bolivian smugglers' boats near Arica on Monday. Peru "
            "imposed tariffs on Chilean copper. Chile will end the operation off its coast only after the "
            "boats leave.")
    [ended] = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "end operation"]
    assert (ended["subject"]["id"], ended["family"], ended["modality"], ended["target"]["id"]) == \
        ("CHL", "cooperation", "conditional", "BOL")


def test_a_plain_operation_told_again_is_still_no_military_one(nlp):
    text = "Chile launched a rescue operation near Arica on Monday. Chile will end the operation soon."
    assert not [c for c in claims(nlp, text) if "operation" in c["stance"]]


def test_the_act_named_again_is_where_it_was_told(nlp):
    text = ("Chile launched a naval operation against Bolivian smugglers' boats near Arica on Monday. "
            "Chile will pause the operation for two days, the minister said.")
    [paused] = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "pause operation"]
    assert paused["target"]["id"] == "BOL" and [r["country"] for r in paused["regions"]] == ["CHL"]


@pytest.mark.parametrize("text", [
    "Chile recalled its ambassador after Peruvian incursions.",
    "Chile recalled its ambassador after Peru's incursions.",
])
def test_an_act_after_another_partys_act_answers_that_party(nlp, text):
    [recall] = [c for c in claims(nlp, text) if c["stance"] == "recall ambassador"]
    assert recall["target"]["id"] == "PER"


def test_them_in_a_clause_hung_on_a_verb_is_not_the_verbs_subject(nlp):
    text = ("Peruvian jets entered Chilean airspace on Monday. According to the army, Chilean jets were "
            "immediately scrambled who chased them away.")
    [chase] = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "chase away"]
    assert (chase["subject"]["country"], chase["target"]["country"]) == ("CHL", "PER")


def test_the_two_countries_are_the_two_their_own_sentence_named(nlp):
    text = ("Peru and Chile held talks on Monday. Officials in Ecuador and Peru said the two countries would "
            "hold joint drills next month.")
    [drills] = [c for c in last_sentence_claims(nlp, text) if "drill" in c["stance"]]
    assert {drills["subject"]["id"], drills["target"]["id"]} == {"ECU", "PER"}


def test_the_vessels_are_whom_an_earlier_mention_of_vessels_named(nlp):
    text = ("Four Chinese coast guard vessels entered Japanese waters on Sunday. The Japanese coast guard "
            "warned the vessels to leave.")
    [warn] = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "warn"]
    assert (warn["subject"]["country"], warn["target"]["country"]) == ("JPN", "CHN")


def test_it_that_speaks_goes_on_with_the_body_that_spoke_before(nlp):
    text = ("Peru rejected the criticism. Its foreign ministry said the dam posed no threat and accused Chile of "
            "lying. It said it would hold talks with Bolivia.")
    [talks] = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "hold talk"]
    assert (talks["subject"]["id"], talks["target"]["id"]) == ("PER", "BOL")


def test_the_army_is_the_army_the_story_named_however_far_back(nlp):
    text = ("Sudan's army accused the United Arab Emirates of arming the RSF. The UAE denied the claims. "
            "Egypt called for calm. Talks in Jeddah have stalled since December. The army struck RSF positions "
            "on Monday.")
    [strike] = [c for c in last_sentence_claims(nlp, text) if c["family"] == "conflict"]
    assert (strike["subject"]["country"], strike["target"]["id"]) == ("SDN", "RSF")


def test_of_two_subjects_the_parser_gave_one_verb_the_nearer_acts(nlp):
    text = ("Kenya's president, who has hosted the RSF leader, offered to mediate, but Sudan rejected the offer "
            "and accused Nairobi of bias.")
    found = {(c["subject"]["country"], c["stance"], c["target"]["country"])
             for c in last_sentence_claims(nlp, text) if c["target"]}
    assert ("SDN", "accuse", "KEN") in found and not any(s == "KEN" and st == "accuse" for s, st, _ in found)


def test_a_place_named_anew_is_not_the_place_of_that_noun_told_before(nlp):
    text = ("Talks in the Saudi city of Jeddah have stalled. RSF fighters shelled the city of El Fasher on "
            "Monday, killing at least 12 civilians.")
    found = last_sentence_claims(nlp, text)
    assert found and not any(c["target"] and c["target"]["id"] == "SAU" for c in found)


@pytest.mark.parametrize("pair", ["the two neighbours", "the two rivals", "both countries"])
def test_a_pair_urged_to_act_does_the_act(nlp, pair):
    text = f"Ghana accused Togo of an incursion on Monday. Nigeria urged {pair} to settle their differences."
    desired = [c for c in last_sentence_claims(nlp, text) if c["modality"] == "desired"]
    # the pair settles; "the two rivals" names them, no rivalry of Nigeria's
    assert desired and all({c["subject"]["id"], c["target"]["id"]} == {"GHA", "TGO"} for c in desired)


@pytest.mark.parametrize("group", ["The three countries", "The three governments", "All three nations"])
def test_a_counted_group_names_the_latest_list_of_that_many(nlp, group):
    text = ("Chile, Peru and Bolivia left the trade bloc on Monday, accusing Brazil of dominating it. "
            f"{group} plan to form a new alliance with Ecuador.")
    doers = {c["subject"]["id"] for c in last_sentence_claims(nlp, text)} | {
        a["id"] for c in last_sentence_claims(nlp, text) for a in c["co_subjects"]}
    assert {"CHL", "PER", "BOL"} <= doers and "BRA" not in doers


@pytest.mark.parametrize("rulers", ["The juntas", "The governments", "The regimes"])
def test_plural_rulers_name_the_latest_list_of_states(nlp, rulers):
    text = (f"Chile, Bolivia and Peru left the trade bloc on Monday. {rulers} have expelled Brazilian "
            "diplomats.")
    found = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "expel"]
    assert found and {found[0]["subject"]["id"], *(a["id"] for a in found[0]["co_subjects"])} == {"CHL", "BOL", "PER"}


def test_the_alliance_between_whom_one_mediates_is_a_party_not_an_alliance(nlp):
    text = ("Mali and Niger formed the Alliance of Sahel States in 2023. Senegal offered to mediate between "
            "the alliance and ECOWAS.")
    found = last_sentence_claims(nlp, text)
    assert found and not any(c["stance"] in {"ally", "alliance"} for c in found)


def test_the_agency_is_the_organization_whose_name_holds_it(nlp):
    """Not the nearest organization: the State Department was named since."""
    text = ("Iran barred inspectors of the International Atomic Energy Agency on Monday. The U.S. State "
            "Department criticized Tehran. Russia blamed the West for undermining the agency's work.")
    found = {(c["subject"]["id"], c["target"]["id"]) for c in last_sentence_claims(nlp, text) if c["target"]}
    assert ("WEST", "IAEA") in found


def test_a_paramilitary_group_fighting_its_state_is_a_party_apart(nlp):
    text = "Sudan's army clashed with the RSF on Monday. Egypt urged both sides to return to talks."
    found = {(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in claims(nlp, text) if c["target"]}
    assert ("SDN", "negotiate", "RSF") in found


@pytest.mark.parametrize("text", [
    "Ghana urged Togo to withdraw its troops from the border.",
    "Ghana called on Togo to withdraw its troops from the border.",
])
def test_an_owner_in_what_the_urged_party_is_to_do_is_that_party(nlp, text):
    (withdraw,) = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "withdraw"]
    assert withdraw["subject"]["id"] == "TGO" and withdraw["target"] is None


def test_an_owner_in_a_hostile_act_urged_stopped_is_the_urgers(nlp):
    found = _doer_target_pairs(nlp, "Chile urged Peru to stop harassing its fishing boats.")
    assert ("PER", "CHL") in found


def test_their_differences_of_both_sides_urged_are_theirs(nlp):
    text = ("Mali and Niger broke off talks. Ghana, which has its own quarrel with Togo over fishing, "
            "urged both countries to settle their differences.")
    found = _doer_target_pairs(nlp, text)
    assert ("GHA", "MLI") in found and ("MLI", "NER") in found and not [p for p in found if "TGO" in p[:1]]


def test_them_names_the_many_before_a_country_named_alone(nlp):
    text = "Mali accuses Niger of arming the rebels and sending troops to fight alongside them."
    (fight,) = [c for c in claims(nlp, text) if c["stance"] == "cooperate"]
    assert (fight["subject"]["id"], fight["target"]["id"]) == ("NER", "REBELS")


def test_its_territory_of_a_state_body_is_its_states_land(nlp):
    text = "Ghana's foreign ministry said Togolese forces shelled its territory."
    (shelling,) = [c for c in claims(nlp, text) if c["family"] == "conflict"]
    assert shelling["target"]["id"] == "GHA"


def test_its_in_what_another_attacked_after_the_speakers_act_is_the_speakers(nlp):
    found = _doer_target_pairs(nlp, "Hezbollah said it fired rockets at Israel after Israel struck its positions.")
    assert ("ISR", "HEZBOLLAH") in found


def test_the_neighbours_are_the_two_the_story_is_about(nlp):
    text = "Chile and Peru fully reopened their shared border to trucks on Monday, as the neighbours restore ties."
    found = {(c["subject"]["id"], c["stance"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)}
    assert ("CHL", "relations", "PER") in found and ("CHL", "restore", "PER") in found


def test_an_object_pronoun_names_a_party_of_its_own_sentence_first(nlp):
    text = "Peru attacked Bolivia last year. Chile is one of Bolivia's closest friends, supplying it with arms."
    found = _doer_target_pairs(nlp, text)
    assert ("CHL", "BOL") in found and ("CHL", "PER") not in found


def test_the_new_rulers_are_the_state_named_last(nlp):
    text = "Soldiers seized power in Niger. France suspended aid to Niger. Russia offered its help to the new rulers."
    found = _doer_target_pairs(nlp, text)
    assert ("RUS", "NER") in found and ("RUS", "FRA") not in found


def test_the_sides_called_on_are_the_pair_told_before(nlp):
    text = "Chile struck Peru. Brazil and Argentina called on both sides to exercise restraint."
    found = [c for c in last_sentence_claims(nlp, text) if c["stance"] == "urge"]
    assert found and {found[0]["target"]["id"]} | {t["id"] for t in found[0]["co_targets"]} == {"CHL", "PER"}
