"""Which act a stance word states: ending a hostile act, manners and modifiers that are
no act of their own, joint exercises (each rule documented by sentences written here)."""
from __future__ import annotations

import pytest

from claimcmp.knowledge import stance_groups

from sentences import claims, last_sentence_claims
from sentences import text_triples as triples
from sentences import triples as claim_triples


def test_pausing_an_offensive_is_cooperation(nlp):
    found = triples(nlp, "Turkey paused its offensive against the Kurdish militia in Syria.")
    assert any(s == "TUR" and f == "cooperation" and p == "positive" for s, f, p, _ in found)
    assert not any(f == "conflict" and p == "negative" for _, f, p, _ in found)


def test_stopping_fire_is_cooperation_not_a_denied_attack(nlp):
    assert ("IND", "cooperation", "positive", "PAK") in triples(nlp, "India stopped firing at Pakistani posts.")


def test_firing_without_provocation_claims_no_provocation(nlp):
    found = triples(nlp, "Cambodia fired without provocation on Thai troops.")
    assert found == {("KHM", "conflict", "positive", "THA")}


def test_a_stance_noun_modifying_another_is_no_act(nlp):
    found = triples(nlp, "Ghana condemned the ceasefire violations by Togo.")
    assert ("GHA", "conflict", "positive", "TGO") in found
    assert not any(f == "cooperation" for _, f, _, _ in found)


@pytest.mark.parametrize("text", [
    "Chilean aid convoys reached the war zone near Peru.",
    "Bolivian monitors walked along the ceasefire line with Chile.",
])
def test_an_act_naming_a_place_is_no_act(nlp, text):
    assert not any(f in ("conflict", "cooperation") and t in ("PER", "CHL") for _, f, _, t in triples(nlp, text))


@pytest.mark.parametrize("text, pair", [
    ("Japan and Australia held joint naval drills near the islands.", ("JPN", "AUS")),
    # any joint word: trilateral, combined (stances.jsonl drill / exercise)
    ("Chile, Peru and Brazil held their first trilateral air drills on Sunday.", ("CHL", "PER")),
    ("Chile and Peru began combined air exercises off the coast.", ("CHL", "PER")),
])
def test_joint_drills_are_cooperation_between_their_holders(nlp, text, pair):
    found = triples(nlp, text)
    assert (pair[0], "cooperation", "positive", pair[1]) in found
    assert not any(f == "conflict" for _, f, _, _ in found)


def test_the_two_koreas_are_both_koreas(nlp):
    assert ("PRK", "cooperation", "positive", "KOR") in triples(nlp, "The two Koreas agreed to reopen a liaison office.")


def test_a_named_group_of_states_is_each_of_them(nlp):
    (expelled,) = claims(nlp, "The Baltic states expelled two Belarusian diplomats on Friday.")
    assert expelled["subject"]["id"] == "EST" and [a["id"] for a in expelled["co_subjects"]] == ["LVA", "LTU"]
    assert expelled["subject"]["mention"] == "Baltic states"


def test_a_group_name_needs_its_words_before_the_plural(nlp):
    found = claims(nlp, "Several states expelled two Belarusian diplomats on Friday.")
    assert not any(c["subject"]["id"] in {"EST", "LVA", "LTU"} for c in found)


def test_an_inter_korean_noun_names_both_parties(nlp):
    assert ("PRK", "cooperation", "positive", "KOR") in triples(nlp, "Inter-Korean talks resumed on Monday.")


def test_cross_strait_names_china_and_taiwan(nlp):
    assert ("CHN", "conflict", "positive", "TWN") in triples(nlp, "Cross-strait tensions rose after the drills.")


STORY = "Chile and Peru have argued over fishing rights for years. Chile seized two Peruvian boats, and Peru protested. "


def last(nlp, text: str) -> list[dict]:
    return last_sentence_claims(nlp, text)


def test_the_cessation_of_hostilities_is_cooperation(nlp):
    found = last(nlp, STORY + "On Friday both sides agreed to the cessation of hostilities.")
    assert {c["family"] for c in found} == {"cooperation"}


def test_the_termination_of_an_agreement_is_conflict(nlp):
    found = triples(nlp, "Chile announced the termination of the fishing agreement with Peru.")
    assert ("CHL", "conflict", "positive", "PER") in found


def test_a_predicate_noun_under_a_negated_copula_is_negated(nlp):
    found = last(nlp, STORY + "The pause in the patrols is not a ceasefire, Peru said.")
    assert [(c["stance"], c["polarity"]) for c in found if c["stance"] == "ceasefire"] == [("ceasefire", "negative")]


@pytest.mark.parametrize("headline, doer, speaker", [
    ("Erdogan: Greece violated our airspace", "GRC", "TUR"),
    # a topic before the first colon, the speaker after the last
    ("Peru: Troops Ordered to 'Start Offensive Against Chile': President Boluarte", "PER", "PER"),
    # the parser may hang the name before the colon on the verb as a second subject
    ("Quito: El Salvador fires rockets near its border", "SLV", "ECU"),
])
def test_a_headline_speaker_by_a_colon_is_the_attribution(nlp, headline, doer, speaker):
    text = headline + "\n\nPeru's army attacked Chilean posts on Wednesday. Chile said it repelled the attack."
    [claim] = [c for c in claims(nlp, text) if c["start"] == 0]
    assert claim["subject"]["id"] == doer and claim["attribution"]["country"] == speaker


@pytest.mark.parametrize("text", [
    # the parser hangs "announced" on the minister as if he had been announced
    "Peru and Chile have agreed to a ceasefire, the Peruvian foreign minister announced on Monday.",
    # a reporting verb coordinated with another takes its subject
    "Peruvian officials met reporters and said that Peru and Chile had agreed to a ceasefire.",
])
def test_the_speaker_of_a_trailing_or_coordinated_reporting_verb_is_the_attribution(nlp, text):
    found = [c for c in claims(nlp, text) if c["stance"] == "agree" or c["stance"] == "ceasefire"]
    assert found and all((c["attribution"] or {}).get("country") == "PER" for c in found)


def test_he_added_continues_the_last_speaker_not_the_last_person_named(nlp):
    text = ("\u201cThe truce is holding,\u201d Peruvian commander Luis Abdi said. The president of Chile "
            "stayed at home. The talks lasted a week. That is why, he added, Peru signed a ceasefire with Chile.")
    [claim] = last_sentence_claims(nlp, text)
    assert claim["attribution"]["id"] == "luis-abdi" and claim["quote"] == "indirect"


def test_the_command_of_an_army_speaks_for_it(nlp):
    found = claims(nlp, "The command of the Peruvian army announced a ceasefire with Chile.")
    assert ("PER", "cooperation", "positive", "CHL") in claim_triples(found)


def test_boarding_a_partys_boats_is_toward_that_party(nlp):
    assert ("CHL", "conflict", "positive", "PER") in triples(nlp, "Chilean sailors boarded Peruvian fishing boats near the coast.")


def test_boarding_a_plane_is_no_claim(nlp):
    assert triples(nlp, "The Chilean pilots boarded the plane in Lima.") == set()


def test_puncturing_a_partys_boats_is_an_attack_on_it(nlp):
    assert ("CHN", "conflict", "positive", "PHL") in triples(nlp, "The Chinese coast guard punctured Philippine rubber boats.")


def test_a_participle_on_a_reported_object_is_reported_by_the_speaker(nlp):
    [claim] = [c for c in last(nlp, STORY + "Peru claims 80 Chilean sailors killed in the clash.") if c["stance"] == "kill"]
    assert (claim["modality"], claim["attribution"]["id"]) == ("reported", "PER")


@pytest.mark.parametrize("quotation", [
    '"Chile attacked our boats again."',
    # the third sentence's speaker is looked for back through the quotation, not only in
    # the sentence right before it
    '"We tried hard. Chile attacked our boats again."',
])
def test_a_quotation_after_a_speaker_goes_on_quoting_them(nlp, quotation):
    text = STORY + "Peru said on Friday that talks were over. " + quotation
    [claim] = [c for c in last(nlp, text) if c["stance"] == "attack"]
    assert (claim["attribution"]["id"], claim["quote"]) == ("PER", "direct")


@pytest.mark.parametrize("text, stance", [
    # a saying participle reports for the clause it hangs on
    ("Peru rejected the plan on Monday, saying Chilean ships had attacked its trawlers.", "attack"),
    # ... or for the issuer of the message it qualifies
    ("Peru issued a statement confirming the ceasefire with Chile.", "ceasefire"),
])
def test_a_saying_participle_reports_for_its_speaker(nlp, text, stance):
    [claim] = [c for c in last(nlp, STORY + text) if c["stance"] == stance]
    assert (claim["attribution"]["id"], claim["modality"]) == ("PER", "reported")


@pytest.mark.parametrize("text, modality", [
    ("As per reports from the local press, Chilean ships attacked Peruvian trawlers.", "reported"),
    ("As per their interests, Chilean ships attacked Peruvian trawlers.", "asserted"),  # not a source
])
def test_as_per_a_report_names_a_source(nlp, text, modality):
    [claim] = [c for c in last(nlp, STORY + text) if c["stance"] == "attack"]
    assert claim["modality"] == modality


def test_what_an_actor_vows_is_its_own_word_and_predicted(nlp):
    text = STORY + "Chile vowed to cut off all fishing links with Peru."
    [claim] = [c for c in last(nlp, text) if c["family"] == "conflict"]
    assert (claim["subject"]["id"], claim["attribution"]["id"], claim["modality"]) == ("CHL", "CHL", "predicted")


def test_a_stance_verb_named_as_a_noun_is_an_act(nlp):
    # "-ing" nouns of stance verbs, phrasal entries read with their "of" object (board ship)
    found = triples(nlp, "Peru condemned the boarding of its boats by the Chilean navy.")
    assert ("CHL", "conflict", "positive", "PER") in found
    found = triples(nlp, "Ghana denounced Togo's expelling of Ghanaian traders.")
    assert ("TGO", "conflict", "positive", "GHA") in found


def test_casualties_are_those_the_act_befell(nlp):
    # the modifier of a victim noun is the target; "no" denies the act; the doer is the
    # other party of the story
    text = ("Syria shelled Turkish border posts overnight. "
            "Ankara later reported no Turkish casualties from the Syrian shelling. "
            "Turkey and Syria have clashed before.")
    found = {t for t in claim_triples(claims(nlp, text)) if t[2] == "negative"}
    assert found == {("SYR", "conflict", "negative", "TUR")}


def test_no_one_harmed_denies_the_harm_not_the_attack(nlp):
    found = claim_triples(last_sentence_claims(
        nlp, "Syria and Turkey have clashed for weeks. Syria shelled Turkish border posts overnight. "
             "No Turkish soldiers were harmed in the Syrian attack."))
    assert ("SYR", "conflict", "negative", "TUR") in found
    assert ("SYR", "conflict", "positive", "TUR") in found


def test_an_attack_on_a_place_a_de_facto_state_holds_is_on_that_state(nlp):
    found = triples(nlp, "Georgia condemned the shelling, and Georgian troops attacked South Ossetia overnight.")
    assert ("GEO", "conflict", "positive", "SOUTH_OSSETIA") in found


def test_an_act_a_denial_governs_is_denied_and_reported(nlp):
    found = claims(nlp, "Georgia denied that its soldiers shelled Ossetian villages overnight.")
    act = next(c for c in found if c["subject"].get("country") == "GEO" and c["stance"] not in {"deny"})
    assert (act["family"], act["polarity"], act["modality"]) == ("conflict", "negative", "reported")
    assert act["attribution"]["id"] == "GEO"


def test_an_act_in_reports_a_denial_rejects_is_denied(nlp):
    found = claims(nlp, "Belgrade rejected reports that Serbian police had raided a Kosovo village.")
    act = next(c for c in found if c["subject"].get("country") == "SRB" and c["stance"] != "reject")
    assert act["polarity"] == "negative"


def test_an_act_a_denial_does_not_deny_stands(nlp):
    found = claims(nlp, "Lima did not deny that Peruvian boats fired on a Chilean patrol.")
    act = next(c for c in found if c["subject"].get("country") == "PER")
    assert (act["family"], act["polarity"]) == ("conflict", "positive")


def test_being_unable_to_act_negates_the_act(nlp):
    found = claims(nlp, "Sudanese jets were unable to strike the rebel bases near Juba.")
    assert [c["polarity"] for c in found if c["family"] == "conflict"] == ["negative"]


def test_refraining_from_an_act_negates_it(nlp):
    # the act hangs on "from", the refusal is the verb above it
    assert claim_triples(claims(nlp, "Peru refrained from attacking Ecuador.")) == {("PER", "conflict", "negative", "ECU")}


def test_coordinated_act_nouns_share_doer_and_object(nlp):
    found = claims(nlp, "The footage shows Malaysia's interception, boarding and inspection of Vietnamese fishing boats.")
    assert ("MYS", "conflict", "positive", "VNM") in claim_triples(found)


def test_launching_weapons_at_a_party_attacks_it(nlp):
    found = claims(nlp, "Eritrea launched rockets at Ethiopian border towns.")
    assert claim_triples(found) == {("ERI", "conflict", "positive", "ETH")}


def test_terrorism_as_an_object_stands_for_terrorists(nlp):
    found = claims(nlp, "Chad accused Sudan of financing terrorism.")
    assert ("SDN", "cooperation", "positive", "TERRORISTS") in claim_triples(found)


def test_terrorism_discussed_is_a_topic_not_a_party(nlp):
    found = claims(nlp, "Niger and Mali discussed terrorism in the Sahel.")
    assert not any(c["target"] and c["target"]["id"] == "TERRORISTS" for c in found)


def test_the_warring_parties_are_the_pair_of_the_story(nlp):
    found = claims(nlp, "Armenia accused Azerbaijan of shelling its villages. The warring parties agreed to a ceasefire on Friday.")
    agreed = [c for c in found if c["sentence"].startswith("The warring") and c["family"] == "cooperation"]
    assert agreed and all({c["subject"]["country"], c["target"]["country"]} == {"ARM", "AZE"} for c in agreed)


def test_a_hostile_act_in_response_is_toward_whoever_acted_first(nlp):
    found = claims(nlp, "Japan fired warning shots in response to the Chinese incursion.")
    assert ("JPN", "conflict", "positive", "CHN") in claim_triples(found)


def test_the_kingdom_refers_back_to_a_kingdom(nlp):
    found = claims(nlp, "Morocco welcomed the president of Ghana. The kingdom later recalled its ambassador from Algeria.")
    recalled = [c for c in found if c["sentence"].startswith("The kingdom")]
    assert recalled and all(c["subject"]["country"] == "MAR" for c in recalled)


def test_the_north_and_the_south_are_the_halves_just_named(nlp):
    found = claims(nlp, "Pyongyang cut the hotline to Seoul on Monday. The North destroyed the joint office "
                        "with South Korea. The South then offered talks to the North.")
    later = {t for c in found if not c["sentence"].startswith("Pyongyang") for t in claim_triples([c])}
    assert ("PRK", "conflict", "positive", "KOR") in later
    assert ("KOR", "cooperation", "positive", "PRK") in later


def test_the_north_after_the_south_is_named_is_the_other_half(nlp):
    found = claims(nlp, "South Korea said the North's drones had violated its airspace.")
    assert ("PRK", "conflict", "positive", "KOR") in claim_triples(found)
    found = claims(nlp, "Seoul accused the North of sending trash balloons across the border.")
    assert ("KOR", "conflict", "positive", "PRK") in claim_triples(found)


def test_the_south_is_no_half_of_a_country_not_divided(nlp):
    found = claims(nlp, "Mali accused the South of harbouring rebels.")
    accusations = [c for c in found if c["stance"] == "accuse"]
    assert accusations and all(c["target"] is None or c["target"]["kind"] != "country" for c in accusations)


def test_the_north_of_a_country_is_a_place_not_a_state(nlp):
    found = claims(nlp, "North Korea praised China. Rebels in the north of Syria attacked Turkish troops.")
    assert ("REBELS", "conflict", "positive", "TUR") in {(s, f, p, t[:3]) for s, f, p, t in claim_triples(found)}


def test_a_party_named_after_from_is_whom_the_act_is_toward(nlp):
    found = claims(nlp, "Colombia recalled its ambassador from Caracas.")
    assert claim_triples(found) == {("COL", "conflict", "positive", "VEN")}


def test_the_doers_own_envoy_is_not_whom_a_recall_is_toward(nlp):
    """"its ambassador" is Serbia's; the parse hangs "from Montenegro" on the verb here."""
    found = claims(nlp, "Serbia recalled its ambassador from Montenegro after the talks.")
    assert ("SRB", "conflict", "positive", "MNE") in claim_triples(found)


def test_drills_around_a_place_are_toward_its_country(nlp):
    for text in ("Russian warships held drills around Japan on Friday.",
                 "Russia staged naval drills near Japan on Friday."):
        assert ("RUS", "conflict", "positive", "JPN") in claim_triples(claims(nlp, text)), text


def test_a_hyphenated_modifier_qualifies_an_operation(nlp):
    """The parser splits "anti-terrorist" into three modifiers; the entry's required
    modifier is read whole."""
    found = triples(nlp, "Kosovo began an anti-terrorist operation.")
    assert ("XKX", "conflict", "positive", None) in found


def test_counter_terrorism_measures_are_a_military_operation(nlp):
    found = claims(nlp, "Azerbaijan launched counter-terrorism measures.")
    assert [(c["subject"]["id"], c["stance"], c["family"]) for c in found] == [("AZE", "military operation", "conflict")]
    assert claims(nlp, "Peru adopted measures to help its farmers.") == []


def test_none_of_the_rockets_intercepted_denies_the_interception(nlp):
    found = triples(nlp, "None of the rockets was intercepted by Israeli air defences.")
    assert found and all(p == "negative" for _, _, p, _ in found)


def test_a_toll_with_no_parties_is_that_of_the_armed_act_just_told(nlp):
    text = "Peru fired rockets at a Chilean outpost. The strike caused no casualties."
    found = [c for c in last_sentence_claims(nlp, text)]
    assert [(c["subject"]["id"], c["stance"], c["polarity"], c["target"]["id"]) for c in found] == \
        [("PER", "kill", "negative", "CHL")]


def test_a_toll_of_another_party_is_not_the_armed_acts(nlp):
    text = "Peru fired rockets at a Chilean outpost. There were no Bolivian casualties."
    assert [c["stance"] for c in claims(nlp, text)] == ["attack"]  # no toll of Peru's


def test_the_absence_of_an_act_negates_it(nlp):
    found = triples(nlp, "Analysts noted a lack of cooperation between Serbia and Kosovo.")
    assert ("SRB", "cooperation", "negative", "XKX") in found


def test_an_object_naming_no_one_negates_the_act(nlp):
    found = triples(nlp, "The Syrian army attacked nobody.")
    assert found and all(p == "negative" for _, _, p, _ in found)


def test_reducing_tensions_is_no_hostile_act(nlp):
    found = triples(nlp, "Peru and Chile will hold talks to discuss reducing tensions.")
    assert not any(f == "conflict" for _, f, _, _ in found)


def test_a_hostile_act_with_no_other_party_is_toward_the_doers_adversary(nlp):
    text = "Peru accused Chile of shelling its border posts. There were provocations by Chile."
    found = last_sentence_claims(nlp, text)
    assert [(c["subject"]["id"], c["family"], c["target"]["id"], c["confidence"]) for c in found] == \
        [("CHL", "conflict", "PER", 0.45)]


def test_no_adversary_is_read_from_sentences_long_before(nlp):
    text = ("Peru accused Chile of shelling its border posts. Trade grew. Tourism grew. "
            "Exports grew. There were provocations by Chile.")
    assert not any(c["stance"] == "provocation" for c in claims(nlp, text))


def test_forces_moving_from_a_place_noun_are_a_movement(nlp):
    found = claims(nlp, "The rebels withdrew from the town.")
    assert [(c["subject"]["id"], c["stance"], c["family"], c["target"]) for c in found] == \
        [("REBELS", "withdraw", "neutral", None)]


def test_the_place_a_withdrawal_leaves_is_no_party_to_it(nlp):
    found = claims(nlp, "Russia announced the withdrawal of its troops from Syria.")
    assert [(c["subject"]["id"], c["stance"]) for c in found] == [("RUS", "withdraw")]


def test_a_row_a_verb_happens_in_is_no_act_between_its_doers(nlp):
    found = triples(nlp, "Peru and Chile severed ties with Cuba in a row over its elections.")
    assert ("PER", "conflict", "positive", "CUB") in found
    assert ("PER", "conflict", "positive", "CHL") not in found


def test_the_one_blamed_for_an_act_did_it_as_the_accuser_tells_it(nlp):
    found = claims(nlp, "Peru blamed Chile for the attack on its border posts.")
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"], c["modality"]) for c in found] == \
        [("PER", "blame", "CHL", "asserted"), ("CHL", "attack", "PER", "reported")]


def test_failing_to_reach_an_agreement_denies_it(nlp):
    found = triples(nlp, "Peru and Chile failed to reach an agreement.")
    assert found == {("PER", "cooperation", "negative", "CHL")}


def test_cancelling_a_visit_is_a_hostile_act(nlp):
    found = claims(nlp, "Peru called off a visit to Chile.")
    assert [(c["stance"], c["family"], c["target"]["id"]) for c in found] == [("call off visit", "conflict", "CHL")]


@pytest.mark.parametrize("verb", ["skipped", "snubbed", "boycotted"])
def test_skipping_a_summit_hosted_by_a_party_is_no_meeting(nlp, verb):
    found = claims(nlp, f"Chile and Peru quarrelled over fishing. Peru {verb} the summit in Santiago.")
    assert ("PER", "conflict", "CHL") in {(c["subject"]["id"], c["family"], c["target"] and c["target"]["id"])
                                         for c in found if c["start"] > 0}
    assert not [c for c in found if c["family"] == "cooperation"]


def test_war_games_are_drills_and_held_by_two_countries_forces_are_joint(nlp):
    assert [(c["stance"], c["target"]["id"]) for c in claims(nlp, "China held war games near Taiwan.")] == \
        [("military drills", "TWN")]
    found = triples(nlp, "French and Italian warships launched ten days of war games.")
    assert found == {("FRA", "cooperation", "positive", "ITA")}


@pytest.mark.parametrize("span", ["decades", "years", "a century"])
def test_ending_a_span_of_conflict_ends_the_conflict(nlp, span):
    found = triples(nlp, f"Peru and Ecuador pledged to end {span} of conflict over the border.")
    assert ("PER", "cooperation", "positive", "ECU") in found


def test_leaving_an_agreement_ends_it_and_moves_no_forces(nlp):
    for text, stance in [("The US withdrew from the nuclear deal with Iran.", "withdraw deal"),
                         ("The US pulled out of the nuclear deal with Iran.", "pull out deal"),
                         ("Britain walked away from the talks with Iran.", "walk away talk"),
                         ("The US withdrawal from the nuclear deal with Iran angered Tehran.", "withdrawal deal")]:
        found = [c for c in claims(nlp, text) if c["stance"] != "hostility"]  # Tehran's anger is its own claim
        assert [(c["stance"], c["family"], c["target"]["id"]) for c in found] == [(stance, "conflict", "IRN")], text


def test_a_pause_in_an_offensive_ends_it(nlp):
    found = triples(nlp, "Turkey announced a pause in its offensive against the Kurdish militia.")
    assert ("TUR", "cooperation", "positive", "KURDS") in found


def test_no_reports_of_casualties_deny_them(nlp):
    text = "Peru fired rockets at a Chilean outpost. There were no reports of Chilean casualties."
    found = [c for c in claims(nlp, text) if c["stance"] == "kill"]
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in found] == [("PER", "negative", "CHL")]


def test_the_act_victims_are_counted_from_was_on_them(nlp):
    """"Chilean casualties from the strikes": the strikes were on Chile, by whoever just
    struck it; not by Chile, whose word only modifies the casualties."""
    text = "Peru fired rockets at a Chilean outpost. There were no reports of Chilean casualties from the strikes."
    strikes = [c for c in claims(nlp, text) if c["sentence"].startswith("There") and c["stance"] != "kill"]
    assert strikes and {(c["subject"]["id"], c["target"]["id"]) for c in strikes} == {("PER", "CHL")}


def test_whose_report_it_is_names_no_party_to_the_act(nlp):
    found = claims(nlp, "Bolivian reports of attacks on Peru spread on Monday.")
    assert "BOL" not in {c["subject"]["id"] for c in found}


def test_informing_another_party_is_a_neutral_act_toward_it(nlp):
    found = claims(nlp, "Peru formally notified Chile of its decision.")
    assert [(c["subject"]["id"], c["stance"], c["family"], c["target"]["id"]) for c in found] == \
        [("PER", "notify", "neutral", "CHL")]


def test_an_act_someone_confirms_is_reported_by_them(nlp):
    found = claims(nlp, "Peru's foreign minister confirmed the ceasefire with Chile.")
    assert [(c["stance"], c["modality"], c["attribution"]["id"]) for c in found] == \
        [("ceasefire", "reported", "per-foreign-minister")]


def test_an_act_vowed_is_predicted_and_one_decided_is_not_wanted(nlp):
    vowed = claims(nlp, "North Korea vowed to cut off all communication lines with the South.")
    assert [(c["stance"], c["modality"]) for c in vowed if c["stance"] != "vow"][0][1] == "predicted"
    decided = claims(nlp, "Chile decided to sever diplomatic ties with Peru.")
    assert [c["modality"] for c in decided] == ["asserted"]


def test_what_a_verb_acts_on_can_rule_its_stance_out(nlp):
    """release and compromise list objects that make no act toward anyone (stances.jsonl's
    "unless" of a verb): a statement released, one's own sovereignty compromised."""
    assert claims(nlp, '"We have hope," the Peruvian minister said in a statement released by her office.') == []
    assert claims(nlp, "Peru has worked for peace without compromising its sovereignty.") == []
    assert claims(nlp, "Peru strives for peace without compromising on its sovereignty.") == []
    assert [c["stance"] for c in claims(nlp, "Peru released the Chilean sailors.")] == ["release"]
    assert [c["stance"] for c in claims(nlp, "Indian jets released payload over Pakistan.")] == ["drop bombs"]


def test_a_source_asking_not_to_be_named_makes_no_request(nlp):
    """A news source's anonymity is no request toward anyone: "who requested anonymity",
    "who asked not to be named" (the passive complement is what ask acts on)."""
    for text, stance in (("A Bolivian official, who requested anonymity, said Chile had closed the border.",
                          "close"),
                         ("A Bolivian diplomat who asked not to be named said Chile would reopen the border.",
                          "restore")):
        assert [c["stance"] for c in claims(nlp, text)] == [stance]
    assert [(c["stance"], c["target"]["id"]) for c in claims(nlp, "Bolivia asked Chile for talks.")][0] \
        == ("ask", "CHL")


def test_neutralizing_and_eliminating_forces_is_hostile_and_tariffs_eliminated_a_concession(nlp):
    assert [(c["stance"], c["target"]["id"]) for c in claims(nlp, "Turkish forces neutralized 12 PKK militants.")] \
        == [("attack", "PKK")]
    found = claims(nlp, "Canada agreed to eliminate tariffs on American steel.")
    assert not any(c["family"] == "conflict" for c in found)


@pytest.mark.parametrize("text", [
    "Reports of Chilean attacks on Peru could not be verified.",
    "Reuters could not independently verify that Chile attacked Peru.",
    "Lima did not confirm the Chilean strike on Peru.",
    "There were unconfirmed reports of Chilean attacks on Peru.",
    "Lima said an assessment of Chilean attacks on Peru was taking place.",
])
def test_an_act_no_one_could_confirm_is_possible_not_denied(nlp, text):
    found = [c for c in claims(nlp, text) if c["subject"]["id"] == "CHL"]
    assert [(c["polarity"], c["modality"], c["target"]["id"]) for c in found] == [("positive", "possible", "PER")]


def test_a_confirmed_denial_stays_a_denial(nlp):
    found = claims(nlp, "Chile confirmed that it did not attack Peru.")
    assert [(c["subject"]["id"], c["polarity"]) for c in found] == [("CHL", "negative")]


@pytest.mark.parametrize("text", [
    "There are no plans for talks between Chile and Peru.",
    "Chile has no intention of an attack on Peru.",
])
def test_no_plan_for_an_act_negates_it(nlp, text):
    found = claims(nlp, text)
    assert found and {(c["subject"]["id"], c["polarity"]) for c in found} == {("CHL", "negative")}


def test_plans_for_an_act_predict_it(nlp):
    found = claims(nlp, "Chile announced plans for talks with Peru.")
    assert [(c["polarity"], c["modality"]) for c in found] == [("positive", "predicted")]


def test_two_leaders_joined_by_a_hyphen_are_two_people(nlp):
    """"a Macron-Scholz meeting": neither is the other's spokesman; the meeting is between them."""
    found = claims(nlp, "A Macron-Scholz meeting is planned for May, the Elysee said.")
    assert [(c["subject"]["country"], c["stance"], c["target"]["country"]) for c in found] == [("FRA", "meet", "DEU")]


@pytest.mark.parametrize("text, expected", [
    ("Lima announced new Chilean copper tariffs.", ("PER", "CHL")),  # tariffs on Chilean copper
    ("The Bolivian gas attack was an act of war by Chile, Lima said.", ("CHL", "BOL")),
    # through a run of compounds: the plant is Bolivian, the attack is not
    ("The Bolivian gas plant attack was an act of war by Chile, Lima said.", ("CHL", "BOL")),
    ("A Chilean drone attack hit Lima.", ("CHL", "PER")),  # drones act: Chile's
])
def test_an_actor_on_the_thing_an_act_befell_is_its_target(nlp, text, expected):
    # (Lima's calling the attack an act of war is a criticism of its own: test_copular_judgements)
    found = [c for c in claims(nlp, text) if c["family"] == "conflict" and c["stance"] not in {"fight", "criticize"}]
    assert [(c["subject"]["country"], c["target"]["country"]) for c in found] == [expected]


def test_the_ministry_quoting_a_condemnation_is_not_the_condemned_ones(nlp):
    found = claims(nlp, 'Georgia responded on Tuesday. "We strongly condemn Russia\'s aggression," the ministry said.')
    condemned = [c for c in found if c["stance"] == "condemn"]
    assert [(c["subject"]["id"], c["target"]["id"], c["attribution"]["country"]) for c in condemned] == \
        [("GEO", "RUS", "GEO")]


def test_the_ministry_quoting_its_own_state_speaks_for_it(nlp):
    found = claims(nlp, 'Chile met Peru. "The Republic of Bolivia respects its neighbours and supports '
                        'Peru," the ministry said.')
    supports = [c for c in found if c["stance"] == "support"]
    assert supports and all(c["attribution"]["country"] == "BOL" for c in supports)


def test_the_ministry_is_not_the_person_named_after_it(nlp):
    # "ministry" before "the Peruvian ambassador" is no title of his: "the ministry" in the next
    # sentence is Chile's
    text = "Chile's foreign ministry summoned the Peruvian ambassador. The ministry said Peru had armed the rebels."
    [claim] = [c for c in last(nlp, text) if c["subject"]["id"] == "PER"]
    assert claim["attribution"]["country"] == "CHL"


def test_the_mfa_is_the_foreign_ministry_named_last(nlp):
    # the countries named since (Peru, Bolivia) do not own "the MFA": Chile's ministry does
    text = ("Chile's foreign ministry summoned the Peruvian ambassador. Peru's navy seized a boat, "
            "Bolivian officials said. The MFA strongly condemned Peru.")
    [claim] = [c for c in last(nlp, text) if c["stance"] == "condemn"]
    assert (claim["subject"]["id"], claim["target"]["id"]) == ("CHL", "PER")


@pytest.mark.parametrize("text, modality", [
    ("A Chile-Peru meeting is possible, Lima said.", "possible"),
    ("A Chile-Peru meeting is likely next month.", "predicted"),
    ("A Chile-Peru meeting was productive.", "asserted"),
])
def test_a_predicate_of_likelihood_gives_its_subject_act_its_modality(nlp, text, modality):
    assert [c["modality"] for c in claims(nlp, text) if c["stance"] == "meet"] == [modality]


def test_denying_a_role_in_an_act_denies_doing_it(nlp):
    found = claims(nlp, "Chile denied any role in the attack on Peruvian oil facilities.")
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in found] == [("CHL", "negative", "PER")]


def test_rejecting_accusations_that_an_act_happened_denies_it(nlp):
    found = [c for c in claims(nlp, "Chile rejected accusations that it attacked Peruvian trawlers.") if c["stance"] == "attack"]
    assert [(c["subject"]["id"], c["polarity"]) for c in found] == [("CHL", "negative")]


@pytest.mark.parametrize("text, modality", [
    ("Chile is open to compromise with Peru.", "desired"),
    ("Chile is open to talks with Peru.", "desired"),
    ("Chile opened talks with Peru.", "asserted"),
])
def test_being_open_to_an_act_wants_it(nlp, text, modality):
    assert [c["modality"] for c in claims(nlp, text)] == [modality]


@pytest.mark.parametrize("text", [
    "Lima vowed to take the islands of Chile by force.",
    "Peru wants to reunify Chile by force.",
])
def test_taking_by_force_is_seizing(nlp, text):
    assert {(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in claims(nlp, text)} == {("PER", "seize", "CHL")}


def test_a_title_refers_back_to_the_person_just_named_with_it(nlp):
    found = claims(nlp, "Chilean Foreign Minister Pedro Soto arrived in Lima. The minister condemned Bolivia.")
    criticized = [c for c in found if c["stance"] == "condemn"]
    assert [(c["subject"]["kind"], c["subject"]["country"], c["target"]["id"]) for c in criticized] == \
        [("person", "CHL", "BOL")]


@pytest.mark.parametrize("text, polarity", [
    ("There is no decision to hold talks with Peru, Chile said.", "negative"),
    ("Chile said there was no plan to attack Peru.", "negative"),
    ("Chile has a plan to hold talks with Peru.", "positive"),
])
def test_an_intent_said_to_exist_or_not_is_the_speakers(nlp, text, polarity):
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in claims(nlp, text)] == \
        [("CHL", polarity, "PER")]


def test_talks_hosted_between_two_parties_are_talks_between_them(nlp):
    found = triples(nlp, "Norway hosted talks between Colombia and the rebels.")
    assert {("NOR", "cooperation", "positive", "COL"), ("NOR", "cooperation", "positive", "REBELS"),
            ("COL", "cooperation", "positive", "REBELS")} <= found


@pytest.mark.parametrize("text", [
    "Chile and Peru swapped prisoners on Friday.",
    "The prisoner swap between Chile and Peru took place in Lima.",
])
def test_a_prisoner_swap_is_cooperation_between_the_two(nlp, text):
    assert triples(nlp, text) == {("CHL", "cooperation", "positive", "PER")}


@pytest.mark.parametrize("text, target", [
    ("Chile meddled in Peru's affairs.", "PER"),
    ("Chile interfered in the Bolivian election.", "BOL"),
])
def test_meddling_in_someones_affairs_is_toward_them(nlp, text, target):
    assert triples(nlp, text) == {("CHL", "conflict", "positive", target)}


@pytest.mark.parametrize("text, stated", [
    ("The war between Chile and Peru ended on Monday.", ("CHL", "cooperation", "positive", "PER")),
    ("The fighting between Chile and Peru is coming to an end.", ("CHL", "cooperation", "positive", "PER")),
    ("The war between Chile and Peru is over.", ("CHL", "cooperation", "positive", "PER")),
    ("Two years of war between Chile and Peru ended.", ("CHL", "cooperation", "positive", "PER")),
    ("Tensions between Chile and Peru eased.", ("CHL", "cooperation", "positive", "PER")),
    ("The war between Chile and Peru has not ended.", ("CHL", "conflict", "positive", "PER")),  # still on
    ("Chile declared the war with Peru over.", ("CHL", "cooperation", "positive", "PER")),
    ("Chile declared war on Peru.", ("CHL", "conflict", "positive", "PER")),  # no "over": begun
])
def test_a_hostile_act_whose_own_predicate_ends_it_is_cooperation(nlp, text, stated):
    assert triples(nlp, text) == {stated}


@pytest.mark.parametrize("text, stated", [
    ("Chilean air strikes in Bolivia continued on Monday.", ("CHL", "conflict", "positive", "BOL")),
    ("The Peruvian ground offensive in Bolivia went on.", ("PER", "conflict", "positive", "BOL")),
])
def test_a_manner_before_an_act_leaves_its_owner_the_doer(nlp, text, stated):
    assert triples(nlp, text) == {stated}



@pytest.mark.parametrize("text", [
    "Lebanon complained to the United Nations over two Israeli air raids.",
    "Lebanon complained to the UN about the Israeli raids.",
])
def test_a_complaint_is_toward_whoever_did_the_act_not_whom_it_is_made_to(nlp, text):
    found = triples(nlp, text)
    assert ("LBN", "conflict", "positive", "ISR") in found
    assert not any(t == "UN" for _, _, _, t in found)


def test_a_charge_denied_afterwards_was_still_made(nlp):
    """"Chile accused Peru of spying, a charge Lima denied": the parser hangs the accusation
    on the denial; Chile did accuse, and the spying stays Chile's charge (not denied by it)."""
    found = claims(nlp, "Chile accused Peru of violating the ceasefire, a charge Lima denied.")
    assert {(c["subject"]["id"], c["stance"], c["polarity"]) for c in found} >= {
        ("CHL", "accuse", "positive"), ("PER", "violate ceasefire", "positive")}
    # the accusation is told in the article's voice, not as Lima's report
    [accusation] = [c for c in found if c["stance"] == "accuse"]
    assert accusation["attribution"] is None and accusation["modality"] == "asserted"


def test_an_accusation_a_trailing_denial_answers_was_still_made(nlp):
    """A headline "Chile accuses Peru of an incursion, Peru denies": the parser hangs the
    accusation on the denial; Chile did accuse, in the headline's own voice; the incursion
    is what is denied."""
    found = claims(nlp, "Chile accuses Peru of border incursion, Peru denies")
    [accusation] = [c for c in found if c["stance"] == "accuse"]
    assert (accusation["polarity"], accusation["attribution"]) == ("positive", None)
    assert any(c["subject"]["id"] == "PER" and c["polarity"] == "negative" for c in found)


def test_targets_no_one_engaged_deny_the_attack(nlp):
    """"No targets were engaged by the Chilean aircraft": a strike denied, read through the
    passive subject of a phrasal entry (engage target)."""
    found = claims(nlp, "No targets were engaged by the Chilean aircraft.")
    assert [(c["subject"]["country"], c["family"], c["polarity"]) for c in found] == [("CHL", "conflict", "negative")]


def test_a_refusal_to_cooperate_is_a_rejection(nlp):
    """"its refusal to negotiate" reads as "refused to negotiate": conflict, reject."""
    found = claims(nlp, "Chile criticized Peru for its refusal to negotiate.")
    assert ("PER", "conflict", "reject", "positive") in {
        (c["subject"]["id"], c["family"], c["stance"], c["polarity"]) for c in found}


@pytest.mark.parametrize("text, stance", [
    ("Peru is expected to retaliate against the new Chilean tariffs.", "tariffs"),
    ("Peru may protest over the Chilean attack on its embassy.", "attack"),
])
def test_an_act_another_answers_has_happened(nlp, text, stance):
    """The definite act a predicted or possible one answers is told as a fact."""
    [claim] = [c for c in claims(nlp, text) if c["stance"] == stance]
    assert claim["subject"]["id"] == "CHL" and claim["modality"] == "asserted"


@pytest.mark.parametrize("text", [
    # the quotation's speaker is a pronoun resolved to the one who spoke last
    'Rivas, the Peruvian envoy, said the talks had failed. That is why, he added, the tariffs '
    'were wrong. "Whatever we can do, we will do. Chile attacked our boats again."',
    # a paragraph that is all quotation goes on quoting the speaker of the paragraph before,
    # back through that paragraph's own quotation
    'Rivas said the talks had failed.\n\nHowever, the Peruvian envoy warned against new tariffs. '
    '"Our fishermen must be free to sail."\n\n"Nothing has been agreed for the south. Our ships '
    'stay there. Maybe there will be talks later. But Chile attacked our boats again,"\n',
])
def test_a_quotation_is_its_last_speakers_however_named(nlp, text):
    [claim] = [c for c in last(nlp, STORY + text) if c["stance"] == "attack"]
    assert (claim["attribution"]["country"], claim["quote"]) == ("PER", "direct")


@pytest.mark.parametrize("text", [
    # "he" after a sentence whose main clause spoke is that speaker, though another person
    # was named nearer in a clause under it
    "Peruvian Foreign Minister Ana Rivas, speaking moments after US President Donald Trump "
    "announced new tariffs, said the talks were over. He said Chile had attacked Peruvian boats.",
    # a bare surname the model does not take for a person is the person named before in full
    "Peruvian Foreign Minister Ana Dar said the talks were over. Dar added that Chile had "
    "attacked Peruvian boats.",
    # "it" saying something right after a body said something is that body
    "Peru's defence ministry said Chile had seized two Peruvian boats. The ministry stated that it had "
    "informed the command of the Argentine peacekeeping force deployed in the region, as well as the "
    "Argentine-Bolivian monitoring mission. It claimed that Chile had attacked Peruvian boats.",
    # "the statement" with no author is the word of who spoke just before
    "Peru's foreign ministry accused Chile of spying in a statement. The statement said that Chile "
    "had attacked Peruvian boats.",
    # "the statement" is the one issued last, not an earlier one a country's name modified
    "The step was due to violations by Chile, the Bolivian statement said. Peru's foreign ministry also "
    "accused Chile of spying in a statement. The statement said that Chile had attacked Peruvian boats.",
], ids=["he-after-the-main-speaker", "bare-surname", "it-after-a-body", "the-statement",
        "the-statement-issued-last"])
def test_the_speaker_is_found_however_the_text_names_them(nlp, text):
    [claim] = [c for c in last(nlp, STORY + text) if c["stance"] == "attack"]
    assert (claim["attribution"]["country"], claim["modality"]) == ("PER", "reported")


def test_a_trailing_reporting_clause_parsed_as_adverbial_still_reports(nlp):
    text = "Chile and Peru agreed to a truce, Foreign Minister of Peru Ana Rivas confirmed on Saturday."
    [claim] = [c for c in last(nlp, text) if c["stance"] == "agree"]
    assert (claim["attribution"]["country"], claim["modality"]) == ("PER", "reported")


@pytest.mark.parametrize("text, expected", [
    # the act a compound names carries the ending verb: de-escalation, one claim
    ("Bolivia said it will suspend its propaganda broadcasts against Chile from May 1.",
     [("BOL", "cooperation", "suspend propaganda", "CHL")]),
    # propaganda is a hostile act of its own
    ("Chile resumed propaganda broadcasts toward Bolivia on Sunday.", [("CHL", "conflict", "propaganda", "BOL")]),
    # a verb that does not end an act keeps its own claim over a compound's noun
    ("Peru banned Chilean opposition newspapers on Monday.", [("PER", "conflict", "ban", "CHL")]),
])
def test_an_act_named_by_the_objects_compound(nlp, text, expected):
    found = [(c["subject"]["id"], c["family"], c["stance"], c["target"] and c["target"]["id"]) for c in last(nlp, text)]
    assert found == expected


def test_who_denies_an_act_tells_of_it_but_not_of_a_claim_they_deny(nlp):
    text = ("Chile and Peru\n\nChilean officials have denied the violation of Peruvian airspace, the BBC reports. "
            "Peru denied Chile's claim that its jets had violated Chilean airspace.")
    found = claims(nlp, text)
    [violation] = [c for c in found if c["stance"] == "violation"]
    assert (violation["attribution"]["country"], violation["modality"]) == ("CHL", "reported")
    [accusation] = [c for c in found if c["stance"] == "accuse"]
    assert accusation["attribution"] is None


def test_a_relative_clause_in_reported_speech_is_the_narrators_unless_it_quotes(nlp):
    text = ("Chile and Peru\n\nChile and Peru have argued over fishing rights for years. Peru said there were no "
            "casualties in the attack, which was carried out in retaliation for the Chilean raid on its port. "
            "Peru said the truce held only in the south, where “Chilean ships attacked our boats”.")
    aside, quoted = [c for c in claims(nlp, text) if c["stance"] == "attack"]
    assert (aside["attribution"], aside["modality"]) == (None, "asserted")
    assert (quoted["attribution"]["country"], quoted["modality"]) == ("PER", "reported")


@pytest.mark.parametrize("text, expected", [
    ("Chilean vessels conducted dangerous maneuvers near the Peruvian boats.", ("CHL", "conflict", "PER")),
    ("Bolivian jets made unsafe manoeuvres near a Chilean plane on Monday.", ("BOL", "conflict", "CHL")),
])
def test_dangerous_maneuvers_are_hostile_acts_toward_whom_they_near(nlp, text, expected):
    found = [(c["subject"]["country"], c["family"], c["target"]["country"]) for c in last(nlp, text)]
    assert found == [expected]


def test_maneuvers_alone_are_no_act(nlp):
    assert last(nlp, "Chilean vessels conducted maneuvers near the Peruvian coast.") == []


def test_an_envoy_recalled_for_consultations_consults_at_home(nlp):
    found = claims(nlp, "Bolivia recalled its ambassador to Chile for consultations.")
    assert [(c["stance"], c["family"], c["target"]["country"]) for c in found] == \
        [("recall ambassador", "conflict", "CHL")]


def test_an_envoy_recalled_over_a_deal_is_recalled_from_where_it_served(nlp):
    # the parser hangs "over" on the envoy; its own "to" still names whom the recall is toward
    found = claims(nlp, "Somalia recalled its ambassador to Ethiopia over the port deal with Somaliland.")
    assert [c["target"]["country"] for c in found if c["stance"] == "recall ambassador"] == ["ETH"]


@pytest.mark.parametrize("text, modality", [
    ("Bolivia demanded that Chile apologize.", "desired"),
    ("Bolivia wants Chile to apologize.", "desired"),
    ("Bolivia insisted that Chile had attacked its patrol.", "reported"),
    ("Bolivia insists that Chile is attacking its patrol.", "reported"),
])
def test_a_clause_wished_for_is_desired_and_one_asserted_is_not(nlp, text, modality):
    """A subjunctive or infinitive clause under a verb of wanting tells what is wanted; an
    indicative one under the same verb ("insisted that ... had attacked") what is claimed."""
    acts = [c for c in claims(nlp, text) if c["subject"]["country"] == "CHL"]
    assert [c["modality"] for c in acts] == [modality]


def test_stopping_short_of_an_act_denies_it_and_stopping_one_ends_it(nlp):
    """"stop short" is a negating verb (cues.json), read from the verb and its adverb; a
    gerund under "short of" takes the verb's subject."""
    short = [c for c in claims(nlp, "Chile stopped short of blaming Peru for the blockade.")
             if c["subject"]["country"] == "CHL"]
    assert [(c["stance"], c["family"], c["polarity"]) for c in short] == [("blame", "conflict", "negative")]
    ended = claims(nlp, "Chile stopped shelling Peruvian positions.")
    assert [(c["family"], c["polarity"]) for c in ended] == [("cooperation", "positive")]


def test_an_act_named_with_its_nations_adjective_after_despite_has_happened(nlp):
    found = claims(nlp, "Bolivia will continue the patrols despite Chilean harassment.")
    assert [(c["subject"]["country"], c["stance"], c["modality"]) for c in found] == \
        [("CHL", "harass", "asserted")]


def test_calling_for_restraint_appeals_and_calling_for_a_withdrawal_demands(nlp):
    """The annotation guide: appeals are cooperation ("called for restraint"), demands pressed
    on an adversary conflict ("called for the withdrawal"); cues.json restraint_nouns."""
    appeal = claims(nlp, "Brazil called for calm between Chile and Peru.")
    assert [(c["subject"]["country"], c["stance"], c["family"]) for c in appeal] == \
        [("BRA", "appeal", "cooperation")]
    demand = [c for c in claims(nlp, "Brazil called for the withdrawal of Chilean troops.")
              if c["subject"]["country"] == "BRA"]
    assert [(c["stance"], c["family"], c["target"]["country"]) for c in demand] == [("demand", "conflict", "CHL")]


def test_both_sides_after_a_brokered_truce_are_its_sides_not_the_broker(nlp):
    text = ("Chilean and Peruvian troops clashed on the border on Friday. "
            "The two countries agreed later to a truce brokered by Brazil. "
            "Both sides will hold talks in Brasilia next week.")
    talks = [c for c in claims(nlp, text) if c["stance"] == "hold talk"]
    assert {(c["subject"]["country"], c["target"]["country"]) for c in talks} == {("CHL", "PER")}


def test_the_ministry_is_not_of_a_country_named_only_as_a_place(nlp):
    found = claims(nlp, "Chile opened an embassy in Lima, the foreign ministry said.")
    assert [(c["attribution"] or {}).get("country") for c in found] == ["CHL"]


def test_not_joining_anothers_act_leaves_that_act_standing(nlp):
    """"Russia is not involved in the hostility of Washington": Washington's hostility is told
    as a fact; whoever is involved in a hostility of no one named still takes the negation."""
    stands = claims(nlp, "Russia is not involved in the hostility of Washington towards Tehran.")
    assert ("USA", "conflict", "positive", "IRN") in claim_triples(stands)
    denied = claims(nlp, "Russia is not involved in the hostility towards Tehran.")
    assert ("RUS", "conflict", "negative", "IRN") in claim_triples(denied)


def test_a_pledged_act_is_the_claim_not_the_pledge(nlp):
    """"pledged not to attack" states a predicted non-attack, not a cooperative pledge;
    "promised to retaliate" no cooperation at all."""
    pledged = claims(nlp, "Azerbaijan pledged not to attack civilian targets.")
    assert [(c["stance"], c["polarity"], c["modality"]) for c in pledged] == [("attack", "negative", "predicted")]
    promised = claims(nlp, "Iran promised to retaliate against Israel.")
    assert {(c["family"], c["modality"]) for c in promised} == {("conflict", "predicted")}


def test_a_pledged_thing_is_still_pledged(nlp):
    found = claims(nlp, "Japan pledged support for Ukraine.")
    assert ("JPN", "cooperation", "positive", "UKR") in claim_triples(found)


def test_who_promises_someone_to_act_acts(nlp):
    found = claims(nlp, "Chile promised Peru to cooperate on border security.")
    assert [c["subject"]["id"] for c in found] == ["CHL"]


@pytest.mark.parametrize("text, expected", [
    ("Ankara threatened to retaliate if Athens extended its territorial waters.", ("TUR", "conflict", "positive", "GRC")),
    ("Russia threatened to cut gas supplies unless Moldova paid its debt.", ("RUS", "conflict", "positive", "MDA")),
    ("China said it would retaliate if Manila deployed missiles.", ("CHN", "conflict", "positive", "PHL")),
])
def test_a_threat_held_over_a_partys_conduct_is_toward_that_party(nlp, text, expected):
    assert expected in claim_triples(claims(nlp, text))


def test_extending_ones_own_waters_is_no_cooperation(nlp):
    found = claims(nlp, "Ankara threatened to retaliate if Athens extended its territorial waters.")
    assert not any(c["family"] == "cooperation" for c in found)


def test_halting_an_act_after_talks_ends_no_talks(nlp):
    # "after the talks" tells when the drills were halted; the talks are not what is halted
    found = claims(nlp, "Chile suspended the naval drills after talks with Peru.")
    assert not any(c["stance"].endswith("talk") and c["family"] == "conflict" for c in found)
    assert ("CHL", "cooperation", "positive", "PER") in claim_triples(found)


@pytest.mark.parametrize("text", [
    "Albania and Serbia agreed to halt all provocative actions that could raise tensions.",
    "Albania and Serbia agreed to halt all provocative actions that could raise tensions and clashes.",
    # the parser hangs the relative clause on a noun inside the object
    'Albania and Serbia agreed to stop all hostile acts over "land, sea and air" that can cause tensions and clashes.',
])
def test_what_halted_acts_could_cause_is_averted(nlp, text):
    found = triples(nlp, text)
    assert not any(f == "conflict" for _, f, _, _ in found)
    assert ("ALB", "cooperation", "positive", "SRB") in found


def test_averted_acts_are_no_mutual_act_of_the_articles_principals(nlp):
    text = ("Albania and Serbia clashed at the border in May. "
            'Both agreed on Friday to stop all hostile acts over "land, sea and air" that can cause tensions and clashes.')
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert not any(c["family"] == "conflict" for c in found)


def test_what_acts_taken_could_cause_still_stands(nlp):
    found = triples(nlp, "Albania and Serbia took provocative actions that could raise tensions.")
    assert any(f == "conflict" for _, f, _, _ in found)


def test_hostilities_are_fighting_and_hostility_an_attitude(nlp):
    fighting = claims(nlp, "Hostilities between Albania and Serbia resumed on Monday.")
    attitude = claims(nlp, "Albania voiced its hostility to Serbia.")
    assert [(c["stance"], c["family"]) for c in fighting] == [("hostilities", "conflict")]
    assert [(c["stance"], c["family"]) for c in attitude] == [("hostility", "conflict")]


@pytest.mark.parametrize("text, stance", [
    ("Tirana and Belgrade blamed each other.", "blame"),
    ("Tirana and Belgrade accused one another of provocations.", "accuse"),
    ("Albania and Serbia exchanged fire. Each side accused the other of firing first.", "accuse"),
    ("Albania and Serbia exchanged fire. Both sides blamed each other for the shooting.", "blame"),
])
def test_a_one_way_act_toward_each_other_is_mutual_between_its_doers(nlp, text, stance):
    found = [c for c in claims(nlp, text) if c["stance"] == stance]
    assert [(c["subject"]["id"], c["target"]["id"], c["family"]) for c in found] == [("ALB", "SRB", "conflict")]


def test_the_other_without_each_leaves_a_one_way_act_one_way(nlp):
    found = claims(nlp, "Albania and Serbia exchanged fire. Albania accused the other side of lying.")
    accusations = [c for c in found if c["stance"] == "accuse"]
    assert [(c["subject"]["id"], c["target"]["id"]) for c in accusations] == [("ALB", "SRB")]


@pytest.mark.parametrize("text, expected", [
    ("Japan protested after a Chinese survey ship entered its territorial waters.", ("JPN", "conflict", "positive", "CHN")),
    ("Japan lodged a protest after a Chinese survey ship entered its territorial waters.",
     ("JPN", "conflict", "positive", "CHN")),
    ("Seoul recalled its envoy following Tokyo's decision.", ("KOR", "conflict", "positive", "JPN")),
])
def test_a_hostile_act_is_toward_whoever_did_what_it_answers(nlp, text, expected):
    assert expected in triples(nlp, text)


def test_a_storm_provokes_no_party(nlp):
    assert triples(nlp, "Chile protested after the storm.") == {("CHL", "conflict", "positive", None)}


@pytest.mark.parametrize("text, expected", [
    ("Iran agreed to the release of four Americans.", ("IRN", "cooperation", "positive", "USA")),
    ("Qatar welcomed the release of four Americans by Iran.", ("IRN", "cooperation", "positive", "USA")),
])
def test_the_release_of_someone_is_done_to_them(nlp, text, expected):
    found = triples(nlp, text)
    assert expected in found
    assert ("USA", "cooperation", "positive", "IRN") not in found


@pytest.mark.parametrize("text, expected", [
    ("Saudi warplanes bombed a market in Sanaa.", ("SAU", "conflict", "positive", "YEM")),
    ("Russian forces destroyed a bridge in Kherson.", ("RUS", "conflict", "positive", "UKR")),
    ("Saudi Arabia executed three men in Riyadh.", ("SAU", "conflict", "positive", None)),
])
def test_a_thing_hit_in_a_place_is_the_places_countrys(nlp, text, expected):
    assert expected in triples(nlp, text)


def test_an_accusers_object_with_its_of_phrase_is_the_accused_doer(nlp):
    # the parser hangs "of kidnapping" on the object; the object, not the accuser, kidnaps
    found = claims(nlp, "Georgia accused Russian-backed forces of kidnapping its citizens.")
    assert [c["stance"] for c in found] == ["accuse"]  # the kidnappers name no party a reader can compare
    assert ("PER", "conflict", "positive", "CHL") in triples(nlp, "Chile accused the Peruvian navy of harassing its fishermen.")


def test_being_armed_with_something_is_no_act_toward_anyone(nlp):
    assert not [c for c in claims(nlp, "Manila said the Chinese boarders were armed with knives.") if c["stance"] == "arm"]
    assert ("IRN", "cooperation", "positive", "HOUTHIS") in triples(nlp, "The Houthi rebels were armed by Iran.")


def test_a_present_verb_joined_to_a_reported_past_is_the_speakers(nlp):
    # the parser joins "remain" to "shelled"; the tenses tell it is the speaker's own verb
    text = '"We are aware that Serbia shelled the village and remain in close coordination with Tirana," the US official said.'
    found = triples(nlp, text)
    assert ("USA", "cooperation", "positive", "ALB") in found
    assert not any(s == "SRB" and f == "cooperation" for s, f, _p, _t in found)


def test_the_official_refers_back_to_the_official_a_country_named(nlp):
    text = ("The United States remains in close contact with Albania, a senior U.S. government official said Tuesday.\n"
            "Serbia shelled a border village earlier on Tuesday.\n"
            '"We are aware that Serbia shelled the village and remain in close coordination with our Albanian allies," '
            "the official told reporters.\n")
    found = [c for c in claims(nlp, text) if c["stance"] == "coordinate"]
    assert [(c["subject"]["id"], c["target"]["id"], c["attribution"]["id"]) for c in found] == [("USA", "ALB", "USA")]


def test_a_place_a_verb_acts_on_modifies_no_noun_referring_back(nlp):
    """"Chile struck Lima. The strike ...": Lima is what was struck, not a modifier of a
    strike the definite noun could refer back to (as "a Chilean official ... the official")."""
    found = claims(nlp, "Chile struck Lima on Monday. The strike drew sharp criticism from Bolivia.")
    assert not any(c["stance"] == "criticize" and c["target"]["id"] == "PER" for c in found)


def test_allies_a_possessor_owns_are_named_by_their_modifier(nlp):
    found = triples(nlp, "Greece demanded that its European Union partners refuse to recognize Skopje.")
    assert ("GRC", "conflict", "positive", "EU") in found


def test_any_of_its_forces_are_its_own(nlp):
    text = "Moscow denied that any of its aircraft had entered Estonian airspace."
    assert ("RUS", "conflict", "negative", "EST") in triples(nlp, text)


def test_refusing_to_lift_a_blockade_is_no_lifting(nlp):
    found = triples(nlp, "Chile refused to lift the blockade of Peruvian ports.")
    assert ("CHL", "conflict", "positive", "PER") in found or ("CHL", "conflict", "positive", None) in found
    assert not any(f == "cooperation" for _, f, _, _ in found)


def test_agreeing_to_halt_an_offensive_is_still_its_halt(nlp):
    found = triples(nlp, "Chile agreed to halt its offensive against the rebels.")
    assert any(f == "cooperation" and t == "REBELS" for _, f, _, t in found)


def test_rejecting_anothers_mediation_is_the_rejecters_act(nlp):
    found = triples(nlp, "Peru rejected Chilean mediation in the fishing dispute.")
    assert ("PER", "conflict", "positive", "CHL") in found
    assert not any(s == "CHL" and f == "conflict" for s, f, _, _ in found)


def test_opposing_anothers_mediation_is_no_act_of_the_mediator(nlp):
    found = triples(nlp, "Peru is opposed to Brazilian mediation in its talks with Chile.")
    assert ("PER", "conflict", "positive", "BRA") in found
    assert not any(s == "BRA" and f == "conflict" for s, f, _, _ in found)


def test_speaking_with_a_counterpart_is_talking(nlp):
    found = triples(nlp, "Chile's foreign minister spoke by phone with his Peruvian counterpart on Monday.")
    assert ("CHL", "cooperation", "positive", "PER") in found


def test_expanding_sanctions_is_the_sanctions_not_an_expansion_of_ties(nlp):
    found = triples(nlp, "The EU expanded sanctions against Belarus.")
    assert ("EU", "conflict", "positive", "BLR") in found
    assert not any(f == "cooperation" for _, f, _, _ in found)


def test_an_act_word_naming_a_kind_of_body_is_no_act(nlp):
    found = triples(nlp, "Chile has refused to let aid organisations into the border zone with Peru.")
    assert not any(f == "cooperation" for _, f, _, _ in found)


def test_an_act_on_ones_own_people_toward_no_party_is_no_claim(nlp):
    assert triples(nlp, "Peru helped its farmers after the floods.") == set()


def test_an_act_called_for_with_for_and_to_is_desired(nlp):
    found = claims(nlp, "Bolivia called for the Organization of American States to mediate between Chile and Peru.")
    assert {c["modality"] for c in found if c["stance"] == "mediate"} == {"desired"}


def test_calling_for_talks_is_an_appeal_not_a_demand(nlp):
    found = triples(nlp, "Bolivia called for talks between Chile and Peru.")
    assert ("BOL", "cooperation", "positive", "CHL") in found or ("BOL", "cooperation", "positive", "PER") in found
    assert not any(s == "BOL" and f == "conflict" for s, f, _, _ in found)


@pytest.mark.parametrize("text", [
    "Chile designated the rebel group a terrorist organization.",
    "Chile called Bolivia an aggressor.",
])
def test_naming_a_party_a_terrorist_or_an_aggressor_is_a_censure(nlp, text):
    found = triples(nlp, text)
    assert any(s == "CHL" and f == "conflict" for s, f, _, _ in found)


@pytest.mark.parametrize("text", [
    "Bolivia said it would respond in kind to any provocation by Chile.",
    "Chile shelled Bolivian posts. Bolivia vowed to hit back.",
])
def test_responding_in_kind_is_retaliation(nlp, text):
    found = claims(nlp, text)
    assert any(c["subject"]["id"] == "BOL" and c["stance"] == "retaliate" and c["target"]
               and c["target"]["id"] == "CHL" for c in found)


def test_holding_drills_with_a_party_is_a_joint_exercise(nlp):
    found = triples(nlp, "Peru held drills with Brazilian forces near the border.")
    assert ("PER", "cooperation", "positive", "BRA") in found
    assert not any(f == "conflict" for _, f, _, _ in found)


@pytest.mark.parametrize("text", [
    "The EU hit Chilean wine with tariffs.",
    "The EU imposed duties on Chilean wine.",
])
def test_duties_and_hitting_with_tariffs_are_tariffs(nlp, text):
    assert {c["stance"] for c in claims(nlp, text) if c["subject"]["id"] == "EU"} == {"impose tariffs"}


def test_a_spokesman_for_a_government_speaks_for_its_country(nlp):
    (claim,) = [c for c in claims(nlp, "A spokesman for the Peruvian government said Chile had not attacked Peru.")
                if c["stance"] == "attack"]
    assert claim["attribution"]["country"] == "PER"


def test_walking_out_of_talks_is_no_negotiation(nlp):
    found = triples(nlp, "Bolivia walked out of talks with Chile on Friday.")
    assert ("BOL", "conflict", "positive", "CHL") in found
    assert not any(f == "cooperation" for _, f, _, _ in found)


def test_trading_barbs_is_criticism(nlp):
    assert any(f == "conflict" for _, f, _, _ in triples(nlp, "Chile and Peru traded barbs over the border."))


def test_an_act_not_allowed_is_not_done(nlp):
    found = triples(nlp, "Peru said it would not allow Chile to attack Bolivia.")
    assert ("CHL", "conflict", "negative", "BOL") in found
    assert ("CHL", "conflict", "positive", "BOL") not in found


def test_being_at_odds_is_a_disagreement_and_the_odds_are_none(nlp):
    assert ("CHL", "conflict", "positive", "PER") in triples(nlp, "Chile is at odds with Peru over the maritime border.")
    assert not any(f == "conflict" for _, f, _, _ in triples(nlp, "The odds of a deal between Chile and Peru are slim."))


def test_sanctions_imposed_in_a_capital_do_not_hit_its_country(nlp):
    found = triples(nlp, "The EU imposed sanctions in Brussels on Monday.")
    assert not any(t == "BEL" for _, _, _, t in found)
    assert ("ISR", "conflict", "positive", "PSE") in triples(nlp, "Israel reimposed blockades in the West Bank.")


@pytest.mark.parametrize("verb", ["spoke", "talked"])
def test_talking_with_reporters_is_no_claim(nlp, verb):
    found = claims(nlp, f"Chile criticised Peru on Monday. The Chilean minister {verb} with reporters in Santiago.")
    assert not any(c["stance"] == "talk" for c in found)


def test_the_raid_an_armed_act_was_done_in_is_its_setting_not_another_act(nlp):
    found = claims(nlp, "Pakistani troops killed six militants in a raid near the Afghan border.")
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in found] == [
        ("PAK_MILITARY", "kill", "MILITANTS")]


def test_an_agreement_talked_about_is_sought_not_reached(nlp):
    found = claims(nlp, "Qatar and Egypt are mediating talks between Israel and Hamas on a hostage deal.")
    assert not any(stance_groups.is_agreement(c["stance"]) for c in found)
    assert ("ISR", "negotiate", "HAMAS") in {(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in found}


@pytest.mark.parametrize("text, stance, modality", [
    ("Japan hopes to meet South Korea next month.", "meet", "desired"),  # "hopes" is no form of "hop"
    ("Russia must withdraw its troops from Ukraine.", "withdraw", "desired"),
    ("Kenya should not interfere in Somalia's internal affairs.", "interfere", "desired"),
    ("Peru should be grateful that Chile never attacked its boats.", "attack", "asserted"),
    ("The rebels will have to stop fighting the army.", "stop fight", "predicted"),
])
def test_what_is_hoped_for_or_must_be_done_is_desired(nlp, text, stance, modality):
    assert [c["modality"] for c in claims(nlp, text) if c["stance"] == stance] == [modality]


def test_a_role_owned_by_the_indicted_is_not_the_indicting_courts_act(nlp):
    text = "Serbia's former president was indicted by the UN court for his role in atrocities in Kosovo."
    assert not any(c["subject"]["id"] == "UN" and c["stance"] != "indict" for c in claims(nlp, text))


@pytest.mark.parametrize("text, polarity", [
    ("Rwanda denied its role in the M23 offensive near Goma.", "negative"),
    ("Iran admitted its role in the Houthi attack on Saudi Arabia.", "positive"),
])
def test_ones_role_in_anothers_act_is_backing_that_other(nlp, text, polarity):
    """'X denied its role in Y's offensive': X backs Y, denied; the offensive itself happened."""
    found = claims(nlp, text)
    backing = [(c["subject"]["id"], c["polarity"]) for c in found if c["stance"] == "support"]
    assert backing == [(found[0]["attribution"]["id"], polarity)]
    assert all(c["polarity"] == "positive" for c in found if c["family"] == "conflict")


@pytest.mark.parametrize("text", [
    "The Chilean strike resulted in the deaths of 12 Peruvian civilians.",
    "Chilean shelling caused the deaths of three Peruvian civilians.",
])
def test_an_act_that_caused_a_toll_is_toward_the_victims_side(nlp, text):
    found = [(c["subject"]["id"], c["family"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)]
    assert ("CHL", "conflict", "PER") in found


@pytest.mark.parametrize("text, holder, toward", [
    # an experiencer verb's object holds the hostility, toward the doer of what angered it
    ("Canada's decision to expel the Indian envoy angered New Delhi.", "IND", "CAN"),
    ("Chile infuriated Bolivia by closing the border.", "BOL", "CHL"),
])
def test_the_one_an_act_angers_is_hostile_to_its_doer(nlp, text, holder, toward):
    found = claims(nlp, text)
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found if c["stance"] == "hostility"] == [(holder, toward)]


@pytest.mark.parametrize("text, triple", [
    # an entry for a noun with the word before it: the exchange of prisoners is their release
    ("Armenia and Azerbaijan carried out a prisoner exchange on Friday.", ("ARM", "cooperation", "positive", "AZE")),
    # ... and that word is the act's own, not a thing of the party before it that the act befell
    ("Beijing condemned French arms sales to India.", ("FRA", "cooperation", "positive", "IND")),
])
def test_an_act_named_by_a_noun_and_the_word_before_it(nlp, text, triple):
    assert triple in triples(nlp, text)


def test_refusing_to_attend_talks_is_refusing_them_not_holding_them(nlp):
    found = claims(nlp, "Chad refused to attend the talks with the rebels.")
    assert not [c for c in found if c["family"] == "cooperation" and c["polarity"] == "positive"]
    assert ("TCD", "conflict", "positive", "REBELS") in claim_triples(found)


@pytest.mark.parametrize("text", [
    "Eritrean troops crossed into Djibouti on Monday.",
    "Eritrean troops crossed the border into Djibouti.",
    "Eritrean forces entered Djibouti overnight.",
])
def test_armed_forces_moving_into_a_country_violate_its_territory(nlp, text):
    assert ("violate territory", "DJI") in {(c["stance"], c["target"]["id"]) for c in claims(nlp, text)}


def test_a_leader_entering_a_country_is_no_incursion(nlp):
    assert not [c for c in claims(nlp, "The Eritrean president entered Djibouti.") if c["family"] == "conflict"]


@pytest.mark.parametrize("text", [
    "Lisbon condemned the provocative moves by Madrid.",
    "Lisbon condemned the hostile acts of Spain.",
    "Lisbon condemned Spain's unfriendly steps.",
])
def test_conduct_qualified_as_hostile_is_its_doers_hostility(nlp, text):
    # "of" names the conduct's doer, as "by" and the possessive do
    assert ("ESP", "hostility", "PRT") in {(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in claims(nlp, text)}


def test_unqualified_conduct_is_no_act(nlp):
    assert [c["stance"] for c in claims(nlp, "Lisbon noted the moves by Madrid.")] == []


@pytest.mark.parametrize("text, triple", [
    # ties of a kind every two states may hold: none is a denied cooperation ...
    ("Chile has had no diplomatic relations with Bolivia since 1978.", ("CHL", "cooperation", "negative", "BOL")),
    ("Chile and Bolivia have no formal ties.", ("CHL", "cooperation", "negative", "BOL")),
])
def test_no_formal_ties_is_a_denied_cooperation(nlp, text, triple):
    assert triple in triples(nlp, text)


def test_a_death_blamed_on_a_party_is_its_killing(nlp):
    found = claims(nlp, "Latvia blamed Russia for the deaths of two Latvian border guards.")
    assert ("RUS", "kill", "reported", "LVA") in {
        (c["subject"]["id"], c["stance"], c["modality"], c["target"]["country"]) for c in found}


def test_a_death_mourned_names_no_killer(nlp):
    assert [c for c in claims(nlp, "Latvia mourned the death of its former president.") if c["stance"] == "kill"] == []


@pytest.mark.parametrize("text, family, polarity", [
    # ties a verb restores or cuts take the verb's negation, and a refusal above it
    ("Kuwait did not restore relations with Iraq.", "cooperation", "negative"),
    ("Kuwait said it would not normalize ties with Iraq.", "cooperation", "negative"),
    ("Kuwait failed to restore ties with Iraq.", "cooperation", "negative"),
    ("Kuwait refused to normalize relations with Iraq.", "conflict", "positive"),
    ("Kuwait did not cut ties with Iraq.", "conflict", "negative"),
])
def test_ties_restored_or_cut_take_the_verbs_negation(nlp, text, family, polarity):
    assert triples(nlp, text) == {("KWT", family, polarity, "IRQ")}


@pytest.mark.parametrize("verb", ["readmitted", "reinstated"])
def test_readmitting_a_suspended_member_is_cooperation_toward_it(nlp, verb):
    assert ("AU", "cooperation", "positive", "GIN") in triples(nlp, f"The African Union {verb} Guinea.")


@pytest.mark.parametrize("text", [
    "Austria blocked EU sanctions on Belarus.",
    "Austria opposed EU sanctions on Belarus.",
])
def test_blocking_anothers_act_is_the_blockers_act_toward_it(nlp, text):
    # the sanctions are the EU's; blocking or opposing them is Austria's act toward the EU
    found = {(c["subject"]["id"], c["family"], c["target"]["id"]) for c in claims(nlp, text)}
    assert ("AUT", "conflict", "EU") in found and ("EU", "conflict", "BLR") in found
    assert not [c for c in claims(nlp, text) if c["subject"]["id"] == "EU" and c["stance"] != "sanction"]


@pytest.mark.parametrize("text, expected", [
    ("Montenegro joined NATO in 2017.", ("MNE", "cooperation", "asserted", "NATO")),
    ("Moldova applied to join the EU.", ("MDA", "cooperation", "desired", "EU")),  # applying wants it
])
def test_joining_an_organization_is_cooperation_toward_it(nlp, text, expected):
    assert [(c["subject"]["id"], c["family"], c["modality"], c["target"]["id"]) for c in claims(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a mutual act an expulsion is over, with no owner of its own, is no deal of either party's
    ("Cyprus expelled the Turkish ambassador over the deal.", set()),
    # ... one whose owner or pair the phrase names is told
    ("Cyprus expelled the Turkish ambassador over Turkey's deal with Libya.", {("TUR", "LBY")}),
])
def test_a_mutual_act_a_grievance_is_over_needs_its_own_parties(nlp, text, expected):
    found = claims(nlp, text)
    assert {(c["subject"]["country"], c["target"]["id"]) for c in found if c["stance"] == "deal"} == expected


@pytest.mark.parametrize("text", [
    "Hanoi accused Beijing of trespassing into Vietnamese waters.",
    "Chinese ships trespassed into Vietnamese waters.",
])
def test_trespassing_into_a_states_space_violates_it(nlp, text):
    assert ("CHN", "violate", "VNM") in {(c["subject"]["country"], c["stance"].split()[0], c["target"]["id"])
                                         for c in claims(nlp, text)}


@pytest.mark.parametrize("text, stance", [
    ("Syria vowed harsh punishment for Turkey.", "punish"),
    ("Syria vowed vengeance against Turkey.", "retaliate"),
])
def test_punishment_and_vengeance_vowed_are_predicted_hostile_acts(nlp, text, stance):
    assert [(c["stance"], c["modality"], c["target"]["id"]) for c in claims(nlp, text)] == [(stance, "predicted", "TUR")]


@pytest.mark.parametrize("text, expected", [
    # a measure the parser hangs the noun's next phrase on passes it up to the noun
    ("Peru imposed tariffs of 25 percent on Chilean copper.", ("PER", "conflict", "CHL")),
    ("Chile approved aid of $30 million to Bolivia.", ("CHL", "cooperation", "BOL")),
])
def test_whom_an_act_is_toward_is_read_past_its_measure(nlp, text, expected):
    assert [(c["subject"]["id"], c["family"], (c["target"] or {}).get("id")) for c in claims(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a levy is a tariff; export controls restrict
    ("Peru imposed a levy on Chilean wine.", ("PER", "tariffs", "CHL")),
    # an act carried by a verb that answers another is toward whoever did what it answers
    ("Lima announced export controls on copper in response to Chilean tariffs.", ("PER", "restrict", "CHL")),
])
def test_trade_measures_and_whom_they_answer(nlp, text, expected):
    found = [(c["subject"]["id"], c["stance"], (c["target"] or {}).get("id")) for c in claims(nlp, text)]
    assert expected in found


def test_a_reaction_is_toward_who_did_the_act_not_whom_it_befell(nlp):
    # who made the act reacted to, named after "by", comes before whom it was done to
    found = claims(nlp, "Peru protested the Bolivian students' expulsion by Chile.")
    assert [(c["target"]["id"], [a["id"] for a in c["co_targets"]]) for c in found if c["stance"] == "protest"] == \
        [("CHL", [])]


@pytest.mark.parametrize("text", [
    "The presidents of Chile and Peru spoke by phone on Tuesday.",
    "Chile's president talked by telephone with his Peruvian counterpart.",
])
def test_speaking_by_phone_is_consulting(nlp, text):
    assert [(c["subject"]["country"], c["stance"], c["target"]["country"]) for c in claims(nlp, text)] == \
        [("CHL", "consult", "PER")]


def test_stopping_what_another_called_an_act_is_as_wanted_as_the_stopping(nlp):
    found = claims(nlp, "Chile urged Peru to stop what it called provocative activity near the islands.")
    assert [(c["stance"], c["modality"]) for c in found if c["subject"]["id"] == "PER"] == [("stop activity", "desired")]


def test_a_saying_joined_to_a_passive_reported_clause_is_the_speakers(nlp):
    # the parser joins "accused" to "was biased"; the text accuses no one
    found = claims(nlp, "Peru's envoy said the text was biased and accused Chile of hypocrisy.")
    assert [(c["subject"]["country"], c["stance"], c["target"]["id"]) for c in found] == [("PER", "accuse", "CHL")]


@pytest.mark.parametrize("text, expected", [
    # missions in the plural opened or closed by two states are each in the other's capital
    ("Chile and Peru reopened their embassies.", ("CHL", "cooperation", "PER")),
    ("Chile and Bolivia closed their consulates on Monday.", ("CHL", "conflict", "BOL")),
])
def test_two_states_opening_or_closing_their_missions_act_toward_each_other(nlp, text, expected):
    assert [(c["subject"]["id"], c["family"], c["target"]["id"]) for c in claims(nlp, text)] == [expected]


def test_an_outlet_set_off_by_a_dash_is_no_subject_of_the_verb(nlp):
    # the parser hangs the outlet on the verb as a first subject
    text = ("Wire Service– Oman protested the “unjustified” decision of Kuwait, Jordan, Egypt and the United Arab "
            "Emirates to cut ties with the country.")
    [protest] = [c for c in claims(nlp, text) if c["stance"] == "protest"]
    assert protest["subject"]["id"] == "OMN" and protest["target"]["id"] == "KWT"


def test_a_name_ending_in_he_is_no_pronoun_for_the_speaker(nlp):
    text = ("Robert Lighthizer said China had gone back on its word. Chinese Vice Premier Liu He, who led "
            "the delegation, said China would not make concessions to the United States.")
    (concession,) = [c for c in last_sentence_claims(nlp, text) if "concession" in c["stance"]]
    assert concession["attribution"]["id"] == "liu-he"


def test_a_joined_clause_with_its_own_subject_is_not_what_was_tried(nlp):
    text = "Peru said Chilean troops had tried to enter its territory and that its army had pushed them back."
    (repel,) = [c for c in claims(nlp, text) if c["stance"] == "repel"]
    assert repel["modality"] == "reported"


def test_is_going_to_tells_what_will_be(nlp):
    (claim,) = claims(nlp, "Chile is not going to recognize Peru's claim.")
    assert claim["modality"] == "predicted"


def test_forces_that_are_to_withdraw_will_withdraw(nlp):
    (claim,) = [c for c in claims(nlp, "Under the deal, Chilean forces are to withdraw from Peru.") if c["stance"] == "withdraw"]
    assert claim["modality"] == "predicted"


def test_what_a_goal_was_to_do_is_not_foretold(nlp):
    text = "Chile said the goal of the operation was to destroy Peruvian positions."
    (claim,) = [c for c in claims(nlp, text) if c["family"] == "conflict"]
    assert claim["modality"] != "predicted"
