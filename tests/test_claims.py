"""The claim extractor on small real-model texts from several conflicts."""
from __future__ import annotations

import pytest
from sentences import claims, last_sentence_claims, triples


def claims(nlp, text: str, published: str | None = "2022-03-10") -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.claimcmp_published = published
    doc._.claimcmp_article_id = "t"
    return nlp(doc)._.claimcmp_claims


@pytest.mark.parametrize("text", [
    "Bolivia rejected what it called interference by Chile.",  # "by" hung on the naming verb
    "Bolivia rejected what it called Chilean interference.",
])
def test_what_it_called_is_the_object_and_the_naming_no_claim(nlp, text):
    """The rejection is toward the named act's doer, the act stands as Bolivia tells it (the
    rejection does not deny it), and "called" tells no criticism of its own."""
    found = [(c["subject"]["id"], c["family"], c["polarity"], c["target"] and c["target"]["id"], c["stance"])
             for c in claims(nlp, text)]
    assert ("BOL", "conflict", "positive", "CHL", "reject") in found
    assert ("CHL", "conflict", "positive", "BOL", "interfere") in found
    assert all(polarity == "positive" and stance != "criticize" for _, _, polarity, _, stance in found)


def test_what_it_called_with_the_named_act_as_a_second_object(nlp):
    """The parser makes "provocations" a second object of "called": still what is condemned."""
    found = [(c["subject"]["id"], c["target"] and c["target"]["id"], c["stance"])
             for c in claims(nlp, "Peru condemned what it called provocations by Ecuador.")]
    assert ("PER", "ECU", "condemn") in found and ("ECU", "PER", "provocation") in found
    found = [(c["subject"]["id"], c["target"] and c["target"]["id"], c["stance"])
             for c in claims(nlp, "Peru denounced what it called an act of aggression by Ecuador.")]
    assert ("PER", "ECU", "condemn") in found


def test_what_is_unlikely_is_predicted_not_to_happen(nlp):
    """"China is unlikely to attack Taiwan": a prediction, of the act not done."""
    found = [(c["subject"]["id"], c["polarity"], c["modality"], c["target"]["id"])
             for c in claims(nlp, "China is unlikely to attack Taiwan this year.")]
    assert found == [("CHN", "negative", "predicted", "TWN")]


def test_an_act_a_party_was_accused_of_by_no_one_named_is_reported(nlp):
    """"Chile's spy agency was accused of assassinating a Peruvian officer": an allegation,
    of no one named, not an act the text asserts."""
    found = [(c["subject"]["country"], c["modality"]) for c in
             claims(nlp, "Chile's spy agency was accused of assassinating a Peruvian officer.")
             if c["stance"] == "assassinate"]
    assert found == [("CHL", "reported")]


def test_verb_with_subject_and_object(nlp):
    found = claims(nlp, "North Korea fired a missile at Japan on Tuesday.")
    assert ("PRK", "conflict", "positive", "JPN") in triples(found)


def test_accusation_and_what_is_alleged(nlp):
    found = claims(nlp, "Russia accused Ukraine of shelling Donetsk.")
    assert ("RUS", "conflict", "positive", "UKR") in triples(found)


def test_negation_makes_polarity_negative(nlp):
    found = claims(nlp, "Venezuela did not attack Colombia.")
    assert triples(found) == {("VEN", "conflict", "negative", "COL")}


def test_ending_cooperation_is_a_conflict_act(nlp):
    found = claims(nlp, "Washington ruled out cooperation with Moscow.")
    (claim,) = found
    assert (claim["subject"]["id"], claim["family"], claim["polarity"], claim["target"]["id"]) == \
        ("USA", "conflict", "positive", "RUS")
    assert claim["stance"] == "rule out cooperation"


def test_stopping_a_fight_is_cooperation(nlp):
    # annotation guide: ending a hostile act as an act of its own is cooperation, positive
    found = claims(nlp, "Hamas stopped fighting Israel.")
    assert ("HAMAS", "cooperation", "positive", "ISR") in triples(found)


def test_coordinated_subjects_share_one_claim(nlp):
    # a reader lists "X and Y condemned Z" once, with both doers
    found = claims(nlp, "Saudi Arabia and the United Arab Emirates condemned Iran.")
    (claim,) = [c for c in found if c["target"] and c["target"]["id"] == "IRN"]
    assert claim["subject"]["id"] == "SAU"
    assert [a["id"] for a in claim["co_subjects"]] == ["ARE"]


def test_mutual_act_of_three_parties_is_one_claim(nlp):
    found = claims(nlp, "Russia, Iran and Turkey met in Astana on Monday.")
    (claim,) = found
    assert (claim["subject"]["id"], claim["target"]["id"]) == ("RUS", "IRN")
    assert [a["id"] for a in claim["co_subjects"]] == ["TUR"]


def test_a_single_doer_has_no_co_subjects(nlp):
    (claim,) = claims(nlp, "Chile condemned Bolivia.")
    assert claim["co_subjects"] == []
    assert claim["co_targets"] == []


def test_parties_an_act_is_toward_share_one_claim(nlp):
    # a reader lists "X notified Y and Z" once, toward both parties
    (claim,) = claims(nlp, "Peru notified Chile and Bolivia of its decision on Monday.")
    assert (claim["subject"]["id"], claim["target"]["id"]) == ("PER", "CHL")
    assert [a["id"] for a in claim["co_targets"]] == ["BOL"]


def test_symmetric_relation_between_coordinated_parties(nlp):
    found = claims(nlp, "Israel and Hamas agreed to a ceasefire.")
    assert ("ISR", "cooperation", "positive", "HAMAS") in triples(found)


@pytest.mark.parametrize("text", [
    "Uzbek and Kazakh patrols clashed near the old fortress of Sarykol.",
    "Uzbek and Kazakh patrols clashed along the canal of Sarykol.",
])
def test_a_place_named_after_a_mutual_act_is_where_not_what_about(nlp, text):
    # with no place the gazetteer knows, "near"/"along" still tell where the two clashed
    assert ("UZB", "conflict", "positive", "KAZ") in triples(claims(nlp, text))


def test_event_noun_with_hyphenated_parties(nlp):
    found = claims(nlp, "US-China cooperation on climate is growing.")
    assert ("USA", "cooperation", "positive", "CHN") in triples(found)


def test_metonyms_resolve_to_countries(nlp):
    found = claims(nlp, "The Kremlin warned Kyiv.")
    assert triples(found) == {("RUS", "conflict", "positive", "UKR")}


def test_attribution_and_reported_modality(nlp):
    (claim,) = [c for c in claims(nlp, "Iran said Israel attacked its embassy in Damascus.")
                if c["subject"]["id"] == "ISR"]
    assert claim["attribution"]["id"] == "IRN"
    assert claim["modality"] == "reported"
    assert claim["quote"] == "indirect"
    assert [r["country"] for r in claim["regions"]] == ["SYR"]


def test_according_to_gives_attribution(nlp):
    found = claims(nlp, "According to Ukraine, Russian troops shelled Kharkiv.")
    assert any(c["attribution"] and c["attribution"]["id"] == "UKR" for c in found)


@pytest.mark.parametrize("text, modality", [
    ("China will impose sanctions on Taiwan.", "predicted"),
    ("China may impose sanctions on Taiwan.", "possible"),
    ("China wants to impose sanctions on Taiwan.", "desired"),
    ("If Taiwan declares independence, China will attack Taiwan.", "conditional"),
    ("China is set to impose sanctions on Taiwan.", "predicted"),
    ("Chinese protesters set fire to the Taiwanese consulate.", "asserted"),  # the act's own verb
    ("China has not ruled out military action against Taiwan.", "possible"),
    ("China says it is open to talks with Taiwan.", "desired"),
    ("China appears to be easing its sanctions on Taiwan.", "possible"),
    ("China seems to have halted its drills around Taiwan.", "possible"),
    ("The war between China and Taiwan might be coming to an end.", "possible"),
    ("The war between China and Taiwan will soon be over.", "predicted"),
    ("Maybe China will hold talks with Taiwan next month.", "possible"),
    ("China to impose sanctions on Taiwan", "predicted"),  # a headline's infinitive
    ("China to open trade talks with Taiwan", "predicted"),
    ("China will lift its sanctions on Taiwan only after Taiwan withdraws its troops.", "conditional"),
    ("China will lift its sanctions on Taiwan only when the talks resume.", "conditional"),
    ("China will only hold talks with Taiwan after the elections.", "conditional"),
    ("China lifted its sanctions on Taiwan only after the talks.", "asserted"),  # told as done
])
def test_modality(nlp, text, modality):
    found = [c for c in claims(nlp, text) if c["subject"]["id"] == "CHN"]
    assert found and found[0]["modality"] == modality


def test_relative_date_resolved_against_publication(nlp):
    (claim,) = claims(nlp, "Israel struck Gaza last week.", published="2021-05-20")
    assert claim["when"]["start"] == "2021-05-10" and claim["when"]["end"] == "2021-05-16"
    assert claim["when"]["source"] == "relative"


def test_undated_claim_takes_the_article_date(nlp):
    (claim,) = claims(nlp, "Israel struck Gaza.", published="2021-05-20")
    assert claim["when"] == {"start": "2021-05-20", "end": "2021-05-20", "granularity": "day",
                             "text": "", "source": "article"}
    (claim,) = claims(nlp, "Israel struck Gaza.", published=None)
    assert claim["when"] is None


def test_place_attacked_gives_its_country_as_target(nlp):
    found = claims(nlp, "Russian forces shelled Kharkiv overnight.")
    assert ("RUS", "conflict", "positive", "UKR") in triples(found)


def test_sentences_without_actors_give_nothing(nlp):
    assert claims(nlp, "The weather was cold and the markets were quiet.") == []


def test_claim_ids_are_deterministic(nlp):
    text = "Turkey criticized Sweden. Finland supported Sweden."
    first, second = claims(nlp, text), claims(nlp, text)
    assert [c["id"] for c in first] == [c["id"] for c in second]
    assert len({c["id"] for c in first}) == len(first)


@pytest.mark.parametrize("text, expected", [
    # answers to proposals are aimed at the proposer
    ("Serbia rejected an Australian ultimatum.", ("SRB", "conflict", "positive", "AUS")),
    ("Arafat accepted a US offer.", ("PSE", "cooperation", "positive", "USA")),
    ("Bolivia gave in to demands from Chile.", ("BOL", "cooperation", "positive", "CHL")),
    # acts two doers trade are between them
    ("Peru and Chile traded accusations on Monday.", ("PER", "conflict", "positive", "CHL")),
    # what a reaction names, "what it called X", is what it reacts to
    ("Peru condemned what it called Chilean aggression.", ("PER", "conflict", "positive", "CHL")),
    ("Peru denounced what it described as a Chilean provocation.", ("PER", "conflict", "positive", "CHL")),
    ("Bolivia agreed to a Chilean proposal for talks.", ("BOL", "cooperation", "positive", "CHL")),
    ("Chile rejected Peruvian accusations of spying.", ("CHL", "conflict", "positive", "PER")),
    # a nominal act with its own doer ("N.K. destruction of the liaison office")
    ("Chilean destruction of the border office angered Peru.", ("CHL", "conflict", "positive", "PER")),
    # gifts of aid
    ("The United States continued to send arms to Pakistan.", ("USA", "cooperation", "positive", "PAK")),
    # labelling a party names it as something: an accusation; splitting with it cuts ties
    ("Peru labelled Chile an aggressor state.", ("PER", "conflict", "positive", "CHL")),
    ("Bolivia split with Chile in 1978.", ("BOL", "conflict", "positive", "CHL")),
    # going to a place is a visit to its country
    ("The Chilean president arrived in Lima on Monday.", ("CHL", "neutral", "positive", "PER")),
    ("The Peruvian envoy flew to Santiago for talks.", ("PER", "neutral", "positive", "CHL")),
    # access granted or refused
    ("Iran opened its airports to Russia.", ("IRN", "cooperation", "positive", "RUS")),
    # a shared border sealed shuts the neighbour out, whatever verb seals it
    ("Estonia sealed its border with Russia.", ("EST", "conflict", "positive", "RUS")),
    ("Estonia sealed off the border crossings with Russia.", ("EST", "conflict", "positive", "RUS")),
    # a demand put with "must" under a reporting verb
    ("Russia said that Sudan must return the helicopter.", ("RUS", "conflict", "positive", "SDN")),
    # "on the side of X" is support for X
    ("Russia intervened in the war on the side of Syria.", ("RUS", "cooperation", "positive", "SYR")),
    # forces that grow near a border are a build-up against its country
    ("The number of NATO troops near Russian borders tripled.", ("NATO", "conflict", "positive", "RUS")),
    # the clause subject undergoes sanctions whose doer the phrase names
    ("Syria remains subject to sanctions by the European Union.", ("EU", "conflict", "positive", "SYR")),
    # entering another state's territory or waters violates it
    ("Chile denied that its troops had entered Peruvian territory.", ("CHL", "conflict", "negative", "PER")),
    ("Chinese vessels entered Philippine waters on Monday.", ("CHN", "conflict", "positive", "PHL")),
    # ... and so does moving into or over it (cue incursion_verbs)
    ("Two Peruvian helicopters strayed into Chilean airspace.", ("PER", "conflict", "positive", "CHL")),
    ("Lima sent patrol boats into Chile's waters.", ("PER", "conflict", "positive", "CHL")),
    ("Bolivian balloons flew over Chile's territory.", ("BOL", "conflict", "positive", "CHL")),
    ("Bolivian drones crossed Chilean airspace.", ("BOL", "conflict", "positive", "CHL")),
    # raising forces' readiness or alert is putting them on alert
    ("Bolivia raised the combat readiness of its army along the border with Chile.", ("BOL", "conflict", "positive", "CHL")),
    # withdrawing an ambassador is recalling him; an attack cited as a reason is not the citer's
    ("Chile withdrew its ambassador from Bolivia.", ("CHL", "conflict", "positive", "BOL")),
    # a reaction an act drew from someone is theirs, toward the act's doer
    ("The Peruvian attack drew condemnation from Bolivia.", ("BOL", "conflict", "positive", "PER")),
    ("Chile's strikes drew praise from Brazil.", ("BRA", "cooperation", "positive", "CHL")),
    ("Chile sold jets to Peru, drawing a furious reaction from Bolivia.", ("BOL", "conflict", "positive", "CHL")),
    ("Chile sold jets to Peru, prompting a backlash from Bolivia.", ("BOL", "conflict", "positive", "CHL")),
    # ... and a definite act told before is that act, its doer the one it drew the reaction toward
    ("Chile struck Lima on Monday. The strike drew sharp criticism from Bolivia.",
     ("BOL", "conflict", "positive", "CHL")),
    # a participle's noun does the act, against the noun it is coordinated with
    ("Monitors stood between the attacking Chilean troops and the rebels.", ("CHL", "conflict", "positive", "REBELS")),
    # a people living in another land is at odds with that land's state, not its own nation
    ("Hungary backed them. Hungarians from Romania protested in Cluj. Romania arrested "
     "Hungarians in Cluj. The Hungarians revolted.", ("ROMANIA_HUNGARIANS", "conflict", "positive", "ROU")),
    # "X, and not Y, did Z": the negated conjunct is no doer
    ("Chile, and not Peru, attacked Bolivia on Monday.", ("CHL", "conflict", "positive", "BOL")),
    # a deal brokered by someone, agreed to by its parties
    ("Chile and Peru agreed to a truce brokered by Brazil.", ("BRA", "cooperation", "positive", "CHL")),
    # relations a terminating verb ends are a conflict once, not flipped back by the verb
    ("Mexico suspended relations with Ecuador.", ("MEX", "conflict", "positive", "ECU")),
    ("Mexico did not suspend relations with Ecuador.", ("MEX", "conflict", "negative", "ECU")),
    # an owned act's "of" object is whom it is toward, not its doer
    ("Norway announced its recognition of Palestine.", ("NOR", "cooperation", "positive", "PSE")),
    # a case filed against a state at a court is against the state, the court its venue
    ("Chile filed a case against Peru at the ICJ.", ("CHL", "conflict", "positive", "PER")),
    # export controls imposed on a country restrict it
    ("Chile imposed export controls on Peru.", ("CHL", "conflict", "positive", "PER")),
    # an order to leave is an expulsion of whom it is given to
    ("Niger's junta ordered French troops to leave the country.", ("NER", "conflict", "positive", "FRA")),
    ("Mali gave the French ambassador 72 hours to leave.", ("MLI", "conflict", "positive", "FRA")),
    # a mutual act the passive verb places between two parties
    ("A truce was agreed between Chile and Peru on Monday.", ("CHL", "cooperation", "positive", "PER")),
    ("A ceasefire was set up between the Peruvian occupiers and Bolivia.", ("PER", "cooperation", "positive", "BOL")),
    # help given to a party named as the object: the object is whom, the 'with' phrase what
    ("Moscow provided Pyongyang with oil and military technology.", ("RUS", "cooperation", "positive", "PRK")),
    ("Ankara supplied Baku with drones.", ("TUR", "cooperation", "positive", "AZE")),
    ("North Korea sent artillery shells to Russia.", ("PRK", "cooperation", "positive", "RUS")),
    # the means one answers with hits what the verb's "on" names (the parser hangs it there)
    ("Chile responded with airstrikes on villages in northern Peru.", ("CHL", "conflict", "positive", "PER")),
    # the subject of "came under" undergoes the act; "fire" with a weapon word is one
    ("Peruvian posts came under artillery fire from Chile.", ("CHL", "conflict", "positive", "PER")),
    ("Bolivian gunfire wounded two Chilean soldiers.", ("BOL", "conflict", "positive", "CHL")),
    # a light verb's participle on the noun names its doer and the place it hit
    ("Peru condemned the strikes carried out by Chile in Bolivia.", ("CHL", "conflict", "positive", "BOL")),
    ("The sanctions imposed by Chile hurt Bolivia.", ("CHL", "conflict", "positive", "BOL")),
    # a measure rejected: the rejection is toward whoever imposed it, and the measure stands
    ("Bolivia rejected the sanctions imposed by Chile.", ("CHL", "conflict", "positive", "BOL")),
    # an envoy declared persona non grata is expelled
    ("Bolivia declared the Chilean ambassador persona non grata.", ("BOL", "conflict", "positive", "CHL")),
    ("Bolivia declared two Peruvian diplomats personae non gratae.", ("BOL", "conflict", "positive", "PER")),
    # a shared border opened or closed by both its countries; taking a party to court sues it
    ("Chile and Bolivia reopened their border.", ("CHL", "cooperation", "positive", "BOL")),
    ("Bolivia took Chile to court.", ("BOL", "conflict", "positive", "CHL")),
    # people sent to help are aid, counted or not
    ("Cuba sent thousands of doctors to Bolivia.", ("CUB", "cooperation", "positive", "BOL")),
    ("Chile sent rescuers to Peru after the earthquake.", ("CHL", "cooperation", "positive", "PER")),
    # forces built up that are another's are aid to it
    ("Chile will help rebuild the Bolivian army.", ("CHL", "cooperation", "positive", "BOL")),
    # whom a measure is on does what it punishes
    ("Chile imposed sanctions on Peru for violating the fishing treaty.", ("PER", "conflict", "positive", "CHL")),
    # a hyphenated event noun is read whole before its last part: "cease-fire" is no "fire"
    ("Chile called for a cease-fire with Peru.", ("CHL", "cooperation", "positive", "PER")),
])
def test_constructions(nlp, text, expected):
    assert expected in triples(claims(nlp, text))


def test_those_who_come_under_an_attack_do_not_make_it(nlp):
    found = claims(nlp, "Chilean troops came under attack near Lima.")
    assert not [c for c in found if c["subject"]["country"] == "CHL" and c["family"] == "conflict"]


def test_what_an_act_is_called_is_its_doer_s_act(nlp):
    found = claims(nlp, "Lima condemned Chile's naval drills as a violation of UN resolutions.")
    assert not [c for c in found if c["stance"] != "condemn" and c["subject"]["id"] == "PER"]
    assert ("CHL", "conflict", "positive", "UN") in triples(found)


@pytest.mark.parametrize("text", ["Bolivia rejected the sanctions imposed by Chile.", "Bolivia rejected the Chilean tariffs.",
                                  "Chile imposed sanctions on Bolivia on Friday. Bolivian exports fell in May. "
                                  "Bolivia rejected the sanctions."])
def test_a_measure_rejected_is_a_rejection_of_whoever_imposed_it(nlp, text):
    found = {(c["subject"]["id"], c["stance"], (c["target"] or {}).get("id")) for c in claims(nlp, text)}
    assert ("BOL", "reject", "CHL") in found and not [f for f in found if f[0] == "BOL" and f[1] != "reject"]


def test_a_measure_rejected_is_not_the_rejecter_s(nlp):
    assert claims(nlp, "Bolivia rejected the sanctions.") == []


def test_a_broker_s_participle_names_no_party_to_the_talks(nlp):
    found = claims(nlp, "The talks mediated by Brazil between Chile and Peru ended.")
    assert not [c for c in found if c["subject"]["id"] == "BRA" and c["stance"] != "mediate"]


def test_an_act_named_in_a_circumstance_is_not_the_subject_s(nlp):
    found = claims(nlp, "Bolivia hosted the Peruvian president despite a Chilean arrest warrant.")
    assert [c["stance"] for c in found if c["subject"]["id"] == "BOL"] == ["host"]


@pytest.mark.parametrize("text", ["Bolivia expelled its opponents to Chile.", "Bolivia deported 200 prisoners to Chile."])
def test_where_people_are_sent_away_to_is_no_party(nlp, text):
    assert [(c["stance"], c["target"]) for c in claims(nlp, text)] in ([("expel", None)], [("deport", None)])


def test_another_s_army_rebuilt_is_no_build_up(nlp):
    found = claims(nlp, "Chile will help rebuild the Bolivian army.")
    assert not [c for c in found if c["stance"] == "build up troops"]


def test_in_a_row_is_no_quarrel(nlp):
    found = claims(nlp, "Officials in Lima said Chilean troops had shelled Tacna for the third day in a row.")
    assert [c["stance"] for c in found] == ["attack"]


def test_fire_alone_is_no_attack(nlp):
    # "came under fire" also tells criticism; a blaze is no act of anyone
    assert claims(nlp, "A fire destroyed the Chilean embassy in Lima.") == []


def test_coordinated_doers_of_a_shared_conflict_act_name_no_party(nlp):
    found = claims(nlp, "Russia and Iran agreed to fight terrorism.")
    assert all(c["family"] != "conflict" or c["target"] is not None for c in found)


def test_negated_governor_does_not_negate_an_event_it_only_mentions(nlp):
    found = claims(nlp, "The United States has not responded to Russian accusations.")
    assert ("RUS", "conflict", "negative", None) not in triples(found)


def test_wire_dateline_is_not_part_of_the_first_sentence(nlp):
    found = claims(nlp, "SEOUL, March 3 (Reuters) - North Korea fired two missiles at Japan on Thursday.")
    assert ("PRK", "conflict", "positive", "JPN") in triples(found)
    assert all(c["sentence"].startswith("North Korea") for c in found)


def test_a_hyphen_in_a_headline_opening_with_an_acronym_ends_no_dateline(nlp):
    found = claims(nlp, "ELN rebels say they will respect a Chilean-Peruvian truce\n\nThe rebels spoke on Friday.")
    assert {c["sentence"] for c in found} == {"ELN rebels say they will respect a Chilean-Peruvian truce"}


def test_place_hit_through_a_light_verb(nlp):
    found = claims(nlp, "Israel launched air strikes on Gaza.")
    assert ("ISR", "conflict", "positive", "PSE") in triples(found)


def test_according_to_a_statement_of_a_body(nlp):
    found = [c for c in claims(nlp, "According to a statement by Russia's Foreign Ministry, Turkey shelled Syria.")
             if c["subject"]["id"] == "TUR"]
    assert found and found[0]["attribution"]["country"] == "RUS"
    assert found[0]["modality"] == "reported"


def test_unresolved_speaker_still_reports(nlp):
    found = claims(nlp, "He said that Iran attacked Israel.", published="2024-04-14")
    (claim,) = [c for c in found if c["subject"]["id"] == "IRN"]
    assert claim["modality"] == "reported"
    assert claim["attribution"] is None


def test_act_inside_a_subject_keeps_its_own_modality(nlp):
    found = claims(nlp, "Russia's fight against ISIS in Syria is likely to continue.")
    fight = [c for c in found if c["target"] and c["target"]["id"] == "ISIS"]
    assert fight and fight[0]["modality"] == "asserted"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "WASHINGTON -", "BEIRUT, May 2 (AP) —"])
def test_degenerate_texts_give_no_claims_and_no_error(nlp, text):
    assert claims(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Talks between Armenia and Azerbaijan broke down on Friday.", ("ARM", "conflict", "positive", "AZE")),
    ("India and Pakistan exchanged fire across the border.", ("IND", "conflict", "positive", "PAK")),
    ("Hamas denied responsibility for the attack on Israeli soldiers.", ("HAMAS", "conflict", "negative", "ISR")),
    ("Clashes erupted between Israeli and Hezbollah forces.", ("ISR", "conflict", "positive", "HEZBOLLAH")),
    ("Turkey's military said it shot down a Syrian drone.", ("TUR", "conflict", "positive", "SYR")),
])
def test_more_wire_constructions(nlp, text, expected):
    assert expected in triples(claims(nlp, text))


def test_a_denied_act_is_labelled_as_the_act(nlp):
    (claim,) = claims(nlp, "Hamas denied responsibility for the attack on Israeli soldiers.")
    assert claim["stance"] == "attack" and claim["polarity"] == "negative"


def test_denying_an_act_negates_it_whatever_its_family(nlp):
    found = claims(nlp, "Rwanda denies backing the M23 rebels.")
    assert triples(found) == {("RWA", "cooperation", "negative", "M23")}


def test_to_phrase_parsed_as_dative_names_the_receiver(nlp):
    found = claims(nlp, "Germany will send tanks to Ukraine, Chancellor Olaf Scholz announced.")
    assert ("DEU", "cooperation", "positive", "UKR") in triples(found)


def test_paragraph_after_a_header_keeps_its_first_word(nlp):
    found = claims(nlp, "Title here\n\nIsrael and Hamas agreed to extend the ceasefire in Gaza.")
    assert ("ISR", "cooperation", "positive", "HAMAS") in triples(found)
    assert all(c["sentence"].startswith("Israel and Hamas") for c in found)


def test_mutual_noun_borrows_the_pair_of_the_sentence_relations(nlp):
    found = claims(nlp, "Cooperation and confrontation have been the hallmark of Sino-Indian relations.")
    assert {("CHN", "cooperation", "positive", "IND"), ("CHN", "conflict", "positive", "IND")} <= triples(found)


def test_mutual_act_without_parties_refers_to_the_last_pair(nlp):
    text = ("Serbia and Kosovo held talks in Brussels on Monday. "
            "Joining forces against smuggling would be a big step. "
            "The cooperation could start next month.")
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert {(t[0], t[3]) for t in triples(found)} == {("SRB", "XKX")}
    assert [c["confidence"] for c in found] == [0.45, 0.45]  # inferred, so less sure


def test_mutual_act_in_a_sentence_about_others_takes_no_pair(nlp):
    text = "Serbia and Kosovo held talks in Brussels. Cooperation with Albania and Greece is another matter."
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert all({c["subject"]["id"], c["target"]["id"]} != {"SRB", "XKX"} for c in found)


def test_international_cooperation_is_not_the_pairs(nlp):
    text = "Serbia and Kosovo held talks in Brussels. International cooperation is crucial for the Balkans."
    assert [c for c in claims(nlp, text) if c["start"] > 0] == []


def test_moving_forces_is_a_neutral_act_in_a_region(nlp):
    (claim,) = claims(nlp, "Russia withdrew its troops from Syria in March.")
    assert (claim["subject"]["id"], claim["stance"], claim["family"], claim["target"]) == \
        ("RUS", "withdraw", "neutral", None)
    assert [r["country"] for r in claim["regions"]] == ["SYR"]


def test_troops_sent_are_the_senders_own_and_their_destination_a_region(nlp):
    (claim,) = claims(nlp, "Turkey is sending hundreds of Turkish troops into northern Iraq.")
    assert claim["stance"] == "send" and claim["target"] is None
    assert [r["country"] for r in claim["regions"]] == ["IRQ"]


def test_leaving_a_country_is_a_withdrawal(nlp):
    (claim,) = claims(nlp, "The United States has no plan to leave Iraq.")
    assert (claim["subject"]["id"], claim["stance"], claim["polarity"]) == ("USA", "withdraw", "negative")
    assert [r["country"] for r in claim["regions"]] == ["IRQ"]


def test_a_country_fired_at_is_whom_not_where(nlp):
    found = claims(nlp, "Russia allowed Damascus to fire a missile at Israel.")
    assert all(r["country"] != "ISR" for c in found for r in c["regions"])
    assert ("SYR", "conflict", "positive", "ISR") in triples(found)


def test_fighting_an_abstract_foe_in_a_country_has_no_target(nlp):
    found = claims(nlp, "France vowed to fight terrorism in Mali.")
    assert all(c["target"] is None or c["target"]["id"] != "MLI" for c in found)


def test_an_enemy_is_not_its_possessor(nlp):
    found = claims(nlp, "Trump declared a robust partnership with Iran's enemies.")
    assert ("USA", "cooperation", "positive", "IRN") not in triples(found)


def test_regarding_someone_as_an_ally_is_the_regarders_stance(nlp):
    found = claims(nlp, "Duterte said he considers China to be a reliable partner.")
    assert ("PHL", "cooperation", "positive", "CHN") in triples(found)  # Duterte, by his affiliation


def test_calling_someone_an_enemy_is_asserted_not_desired(nlp):
    (claim,) = claims(nlp, "Japan calls North Korea an enemy.")
    assert (claim["family"], claim["target"]["id"], claim["modality"]) == ("conflict", "PRK", "asserted")


def test_called_on_someone_to_act_makes_them_the_doer(nlp):
    found = claims(nlp, "Turkey called on Russia to stop attacking Idlib.")
    assert ("TUR", "cooperation", "positive", "RUS") in triples(found)  # urge
    attack = next(c for c in found if c["stance"] == "stop attack")  # ending a hostile act
    assert (attack["subject"]["id"], attack["family"], attack["polarity"], attack["modality"]) == \
        ("RUS", "cooperation", "positive", "desired")


def test_a_date_after_the_verb_is_not_the_one_called_on(nlp):
    found = claims(nlp, "Iran on Tuesday threatened to cut off electricity to Azerbaijan.")
    assert all(c["subject"]["id"] == "IRN" for c in found) and found


def test_calling_for_talks_between_others_does_not_make_the_caller_a_party(nlp):
    found = claims(nlp, "Egypt called for talks between Israel and Hamas.")
    talks = [c for c in found if c["stance"] == "negotiate"]
    assert [(c["subject"]["id"], c["target"]["id"], c["modality"]) for c in talks] == [("ISR", "HAMAS", "desired")]


@pytest.mark.parametrize("text, expected", [
    ("Bolivia vowed that Chile would pay a heavy price for the raid.", {("BOL", "threaten", "CHL")}),
    ("Peru said on Monday that Chilean fishermen would face consequences.", {("PER", "threaten", "CHL")}),
    ("Bolivia warned that Chile would pay a heavy price.", {("BOL", "warn", "CHL")}),  # the warning's claim only
    ("Bolivia said it would pay any price for peace.", set()),
])
def test_a_party_told_it_will_pay_is_threatened_by_the_speaker(nlp, text, expected):
    found = {(c["subject"]["id"], c["stance"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)
             if c["family"] == "conflict" and c["stance"] != "attack"}
    assert found == expected


def test_ruling_on_a_dispute_between_others_does_not_make_the_court_a_party(nlp):
    found = claims(nlp, "The International Court of Justice will rule on the dispute between Chile and Bolivia.")
    assert {(c["subject"]["id"], c["target"]["id"]) for c in found if c["stance"] == "dispute"} in (
        {("CHL", "BOL")}, {("BOL", "CHL")})
    hosted = claims(nlp, "Egypt hosted talks between Chile and Bolivia.")
    assert ("EGY", "cooperation") in {(c["subject"]["id"], c["family"]) for c in hosted}  # hosting is Egypt's own


def test_plural_officials_of_a_mutual_act_are_the_last_pair(nlp):
    text = "Lavrov met Kerry in Rome on Monday. The ministers will meet again in Hamburg."
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found] == [("RUS", "USA")]
    assert [r["country"] for r in found[0]["regions"]] == ["DEU"]


@pytest.mark.parametrize("people", ["Army commanders", "Representatives", "Senior officers"])
def test_commanders_and_representatives_of_a_mutual_act_are_the_last_pair(nlp, people):
    text = f"Peru and Ecuador agreed to a truce on Monday. {people} from the two countries will meet on Friday."
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in found] == [("PER", "meet", "ECU")]


def test_what_parties_discuss_is_a_topic_not_a_party(nlp):
    found = claims(nlp, "Putin discussed Ukraine with Macron.")
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found] == [("vladimir-putin", "emmanuel-macron")]
    assert [r["country"] for r in found[0]["regions"]] == ["UKR"]


def test_a_possessed_mutual_noun_does_not_borrow_a_pair(nlp):
    text = "Russia and Iran signed a deal. Moscow challenges Washington through its soft diplomacy."
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert all(c["stance"] != "diplomacy" for c in found)


def test_stopping_someone_from_acting_is_a_conflict_act_toward_them(nlp):
    found = claims(nlp, "Washington vowed to stop Iran from building a nuclear weapon.")
    assert ("USA", "conflict", "positive", "IRN") in triples(found)


def test_charging_that_someone_acted_is_an_accusation(nlp):
    found = claims(nlp, "Moscow has regularly charged that Washington arms the rebels.")
    assert ("RUS", "conflict", "positive", "USA") in triples(found)


def test_allies_are_not_their_possessor(nlp):
    found = claims(nlp, "Iran threatened American allies in the Gulf.")
    assert ("IRN", "conflict", "positive", "USA") not in triples(found)


def test_coordinated_possessors_of_allies_are_not_allied(nlp):
    # the allies of each, not an alliance between the two
    found = claims(nlp, "Both armies are sending troops to deter attacks by the militias on some Turkish "
                        "and Qatari allies in Libya.")
    assert not any(c["stance"] == "ally" for c in found)


def test_an_action_taken_does_not_control_the_purpose_clause(nlp):
    found = claims(nlp, "Israel is ready to take military action of its own to combat Iran's growing clout.")
    assert ("ISR", "conflict", "positive", "IRN") in triples(found)


def test_condemning_an_act_targets_whoever_did_it(nlp):
    found = claims(nlp, "North Korea condemned the joint drills by the United States and South Korea.")
    assert {("PRK", "conflict", "positive", "USA"), ("PRK", "conflict", "positive", "KOR")} <= triples(found)


def test_the_condemned_strike_is_a_claim_of_its_own(nlp):
    found = claims(nlp, "Turkey condemned the Israeli strikes on Gaza.")
    assert {("TUR", "conflict", "positive", "ISR"), ("ISR", "conflict", "positive", "PSE")} == triples(found)


def test_a_negation_stays_with_its_own_conjunct(nlp):
    found = claims(nlp, "Seoul would not tolerate provocations and called on Pyongyang to return to talks.")
    urge = next(c for c in found if c["stance"] == "urge")
    assert (urge["target"]["id"], urge["polarity"], urge["modality"]) == ("PRK", "positive", "asserted")


def test_a_shared_negation_covers_coordinated_verbs(nlp):
    found = claims(nlp, "Russia did not attack or bomb Ukraine.")
    assert triples(found) == {("RUS", "conflict", "negative", "UKR")}


def test_a_denied_denial_asserts_the_act(nlp):
    found = claims(nlp, "This is not to say that Armenia and Azerbaijan are not working together.")
    assert triples(found) == {("ARM", "cooperation", "positive", "AZE")}


def test_between_parties_hung_on_a_nested_place(nlp):
    found = claims(nlp, "The talks revealed differences on the ground in Sudan between Egypt and Ethiopia.")
    assert ("EGY", "conflict", "positive", "ETH") in triples(found)


def test_a_circumstance_does_not_lend_its_parties(nlp):
    found = claims(nlp, "Russia is not looking for a confrontation with the US despite the antagonism "
                        "between Iran and Israel.")
    assert ("RUS", "conflict", "negative", "USA") in triples(found)
    assert not any(c["subject"]["id"] == "IRN" and c["stance"] == "confrontation" for c in found)


def test_a_build_up_counted_near_a_border_targets_its_country(nlp):
    found = claims(nlp, "NATO has doubled the number of its military drills in the vicinity of Russia's borders.")
    assert ("NATO", "conflict", "positive", "RUS") in triples(found)


def test_a_circumstance_is_not_where_the_act_happens(nlp):
    text = "Russia and France signed a deal. Despite the differences over Ukraine, the two countries cooperated."
    by_stance = {c["stance"]: c for c in claims(nlp, text) if c["start"] > 0}
    assert by_stance["cooperate"]["regions"] == []
    assert [r["country"] for r in by_stance["disagree"]["regions"]] == ["UKR"]  # the differences are over Ukraine


def test_a_party_named_near_the_act_is_not_its_region(nlp):
    found = claims(nlp, "NATO has intensified its surveillance operations near Russia.")
    assert ("NATO", "conflict", "positive", "RUS") in triples(found)
    assert all(r["country"] != "RUS" for c in found for r in c["regions"])


def test_a_relative_clause_does_not_place_the_act(nlp):
    found = claims(nlp, "NATO suspended cooperation with Moscow over the crisis that was triggered "
                        "by the coup in Kiev.")
    assert found and all(c["regions"] == [] for c in found)


def test_a_place_of_another_clause_does_not_place_the_act(nlp):
    found = claims(nlp, "Although Trump may accept a role for Russia, he has no support for this position in Germany.")
    assert all(r["country"] != "DEU" for c in found for r in c["regions"])


def test_in_order_to_shares_the_main_subject(nlp):
    found = claims(nlp, "Turkey sent troops in order to fight the Kurds.")
    assert ("TUR", "conflict", "positive", "KURDS") in triples(found)


def test_a_mutual_act_of_one_party_is_with_its_latest_partner(nlp):
    text = "Lavrov met Kerry in Rome. Russia is ready to send experts to Geneva to coordinate mutual operations."
    found = [c for c in claims(nlp, text) if c["stance"] == "coordinate"]
    assert [(c["subject"]["id"], c["target"]["id"], c["confidence"]) for c in found] == [("RUS", "USA", 0.45)]


def test_a_generic_group_as_modifier_does_not_block_the_last_pair(nlp):
    text = "Serbia and Kosovo held talks. Joining forces in the Balkans will be a big step to ward off the terrorist threat."
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert {(t[0], t[3]) for t in triples(found)} == {("SRB", "XKX")}


def test_money_pledged_in_aid_is_aid_to_its_receiver(nlp):
    found = claims(nlp, "Germany pledged another 1 billion euros in military aid to Ukraine last week.")
    assert triples(found) == {("DEU", "cooperation", "positive", "UKR")}


def test_relief_sent_to_a_place_is_aid_to_its_country(nlp):
    found = claims(nlp, "Qatar sent 30 million dollars to Gaza.")
    assert triples(found) == {("QAT", "cooperation", "positive", "PSE")}


@pytest.mark.parametrize("text", ["Norway will provide 2,000 tons of food aid to Yemen.",
                                  "Norway delivered two shipments of medicine to Yemen."])
def test_a_measure_of_relief_is_the_relief(nlp, text):
    assert triples(claims(nlp, text)) == {("NOR", "cooperation", "positive", "YEM")}


def test_an_act_warned_against_is_wanted_not_to_happen(nlp):
    found = claims(nlp, "Russia warned NATO against sending troops to Ukraine.")
    sent = next(c for c in found if c["subject"]["id"] == "NATO")
    assert (sent["polarity"], sent["modality"], sent["attribution"]["id"]) == ("negative", "desired", "RUS")


def test_pausing_a_shipment_to_someone_ends_aid_to_them(nlp):
    (claim,) = claims(nlp, "President Biden paused a shipment of bombs to Israel last week.")
    assert (claim["subject"]["country"], claim["family"], claim["target"]["id"]) == ("USA", "conflict", "ISR")


def test_warning_against_an_offensive_is_not_a_strike_on_its_place(nlp):
    found = claims(nlp, "The United States has warned against a full-scale offensive in Rafah.")
    assert all((c["target"] or {}).get("id") != "PSE" for c in found)
    assert not any(c["subject"]["id"] == "USA" and c["stance"] != "warn" for c in found)


def test_no_distributes_over_coordinated_nouns(nlp):
    found = claims(nlp, "Russia didn't detect any cooperation between Moscow and Washington "
                        "and no convergence or partnership at any level.")
    assert triples(found) == {("RUS", "cooperation", "negative", "USA")}


def test_a_relationship_judged_transactional_is_cooperative_and_predicted(nlp):
    (claim,) = claims(nlp, "It is expected that the relationship between Moscow and Washington will be transactional.")
    assert (claim["family"], claim["modality"]) == ("cooperation", "predicted")


def test_talks_that_may_collapse_take_the_predicates_modality(nlp):
    (claim,) = claims(nlp, "The talks between Armenia and Azerbaijan may collapse.")
    assert (claim["family"], claim["modality"]) == ("conflict", "possible")


def test_the_two_countries_are_the_countries_of_the_last_pair(nlp):
    text = ("Bogota expelled two Venezuelan diplomats. "
            "The two countries restored diplomatic relations in 2022 after a three-year rupture.")
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert [(c["subject"]["id"], c["family"], c["target"]["id"]) for c in found] == [("COL", "cooperation", "VEN")]
    assert found[0]["when"]["start"] == "2022-01-01"


def test_rejecting_the_accusation_answers_the_accuser(nlp):
    text = ("Venezuela accused Colombia of harboring armed groups. "
            "Colombian President Gustavo Petro rejected the accusation.")
    found = [c for c in claims(nlp, text) if c["start"] > 0]
    assert [(c["subject"]["country"], c["stance"], c["target"]["id"]) for c in found] == [("COL", "reject", "VEN")]


def test_a_country_and_its_own_army_are_one_party(nlp):
    found = claims(nlp, "The Syrian army attacked the rebels. They will have to surrender to Syrian government forces.")
    assert not any(c["subject"]["id"] == "SYR" and c["target"] and c["target"]["id"].startswith("SYR_") for c in found)


def test_unsaid_parties_when_the_sentence_names_only_the_topic(nlp):
    # "over Libya" is what the agreements were about, not a third party
    found = claims(nlp, "Ankara and Moscow signed a deal in Sochi. Just as with the agreements reached "
                        "over Libya in the past, the text is open to interpretation.")
    second = [c for c in found if c["sentence"].startswith("Just as")]
    assert triples(second) == {("TUR", "cooperation", "positive", "RUS")}
    assert [r["country"] for r in second[0]["regions"]] == ["LBY"]


def test_time_on_a_conjunct_dates_the_claim(nlp):
    # the parser hangs "since ..." on the second of the coordinated nouns
    found = claims(nlp, "Ukraine saw no dialogue with Russia and no contact at any level, not in Geneva "
                        "or anywhere else, since Zelensky took office.", published="2020-03-01")
    assert triples(found) == {("UKR", "cooperation", "negative", "RUS")}
    assert (found[0]["when"]["start"], found[0]["when"]["end"]) == ("2019-05-20", "2020-03-01")


def test_event_noun_takes_the_time_of_its_participle(nlp):
    found = claims(nlp, "India and Pakistan are talking again. Like the agreements reached over Kashmir "
                        "in February 2021, the new text is vague.", published="2023-05-01")
    second = [c for c in found if c["sentence"].startswith("Like")]
    assert triples(second) == {("IND", "cooperation", "positive", "PAK")}
    assert (second[0]["when"]["start"], second[0]["when"]["end"]) == ("2021-02-01", "2021-02-28")


def test_co_doers_are_the_pair_the_two_refers_to(nlp):
    found = claims(nlp, "Saudi Arabia and the UAE bombed Houthi positions near Hodeidah. "
                        "The two have coordinated their air campaign for years.")
    second = [c for c in found if c["sentence"].startswith("The two")]
    assert {(c["subject"]["id"], c["target"]["id"]) for c in second} in ({("ARE", "SAU")}, {("SAU", "ARE")})


def test_a_bare_now_yields_to_the_span_it_ends(nlp):
    found = claims(nlp, "Kyiv saw no dialogue with Moscow at any level, not in Geneva or anywhere else, "
                        "for today since Zelensky is in power.", published="2020-03-01")
    assert triples(found) == {("UKR", "cooperation", "negative", "RUS")}
    assert (found[0]["when"]["start"], found[0]["when"]["end"]) == ("2019-05-20", "2020-03-01")


def test_a_conjoined_clause_with_its_own_subject_keeps_its_time(nlp):
    found = claims(nlp, "According to Mr. Borrell, the EU's dialogue with Turkey is still alive and nobody is "
                        "waiting for the summit in Ankara on March 26.", published="2021-03-10")
    dialogue = [c for c in found if c["stance"] == "dialogue"]
    assert dialogue and dialogue[0]["when"]["source"] == "article"


def test_a_clash_between_co_doers_keeps_its_time_and_place(nlp):
    # "on Monday", "on the border" are when and where, not what the clash is about
    for text in ("Eritrea and Ethiopia clashed on the border.", "Eritrea and Ethiopia clashed on Monday."):
        (claim,) = claims(nlp, text)
        assert (claim["subject"]["id"], claim["family"], claim["target"]["id"]) == ("ERI", "conflict", "ETH")


def test_an_act_named_as_what_a_verb_acts_against_keeps_its_own_stance(nlp):
    """"retaliate against Chile's tariffs": Chile's tariffs are tariffs, not Chile's
    retaliation; "launched air strikes" is still the launching of strikes."""
    stances = {(c["subject"]["id"], c["stance"]) for c in claims(nlp, "Peru vowed to retaliate against Chile's tariffs.")}
    assert ("PER", "retaliate") in stances and not any(s.startswith("retaliate ") for _, s in stances)


def test_ruling_out_a_hostile_act_denies_it(nlp):
    """"ruled out military action": the action, negative (as "refrained from"); not ruling it
    out leaves it possible, not denied."""
    def read(text):
        return [(c["stance"], c["polarity"], c["modality"]) for c in claims(nlp, text) if c["target"]["id"] == "TWN"]
    assert read("China ruled out military action against Taiwan.") == [("military action", "negative", "asserted")]
    assert read("China has not ruled out military action against Taiwan.") == [("military action", "positive", "possible")]


@pytest.mark.parametrize("text, expected", [
    ("China wants the sanctions on Taiwan lifted.", ("CHN", "cooperation", "positive", "TWN")),
    ("Taiwan wanted China punished.", ("TWN", "conflict", "positive", "CHN")),
])
def test_a_wanted_participle_is_the_wishers_desired_act(nlp, text, expected):
    """"wants the sanctions lifted": the embedded act, desired, its doer the one who wants it
    (issue 10, desire and intent); the noun undergoes it."""
    found = [c for c in claims(nlp, text) if triples([c]) == {expected}]
    assert found and all(c["modality"] == "desired" for c in found)


def test_a_finite_clause_under_mean_is_no_wish(nlp):
    """"meaning that the US accepted the plan": the US accepted it, asserted."""
    found = claims(nlp, "Peru said the deal was signed, meaning that Chile accepted the Bolivian plan.")
    assert any(c["subject"]["id"] == "CHL" and c["modality"] != "desired" for c in found)


def test_names_a_headline_lists_before_its_verb_act_together(nlp):
    """"Chile, Peru to hold talks": both hold them; "Chile, Bolivia, Ecuador cut ties with
    Peru": one claim by the three."""
    assert ("CHL", "cooperation", "positive", "PER") in triples(claims(nlp, "Chile, Peru to hold talks next week"))
    found = claims(nlp, "Chile, Bolivia, Ecuador cut ties with Peru")
    assert [(sorted([c["subject"]["id"], *(a["id"] for a in c["co_subjects"])]), c["target"]["id"]) for c in found] \
        == [(["BOL", "CHL", "ECU"], "PER")]


def test_whoever_is_open_to_an_act_is_its_doer(nlp):
    """"Peru said it was not open to negotiations with Chile": Peru, negated, desired."""
    found = claims(nlp, "Peru said it was not open to negotiations with Chile.")
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in found] == [("PER", "negative", "CHL")]


def test_a_hyphenated_event_noun_split_by_the_tokenizer_is_one_act(nlp):
    """"a military build-up" is tokenized build / - / up; "Russia's ... build-up" is Russia's."""
    found = claims(nlp, "Chile accused Peru of conducting a military build-up in the region.")
    assert ("PER", "conflict", "positive", "CHL") in triples(found)
    found = claims(nlp, "Russia's military build-up near Ukraine alarmed NATO.")
    assert [(c["subject"]["country"], c["stance"]) for c in found if c["stance"] == "build up troops"] == \
        [("RUS", "build up troops")]


def test_a_quotation_over_several_sentences_is_its_closing_speakers(nlp):
    """"“... we will do. Maybe there will be talks with Peru,” the minister added": the first
    sentence of the quotation is the minister's too."""
    text = ('Chile and Peru met on Monday. "Whatever we can do to make this ceasefire work, we will do. '
            'Maybe there will be talks with Peru in the future," the Chilean foreign minister added.')
    found = [c for c in claims(nlp, text) if c["stance"] == "ceasefire"]
    assert [c["attribution"] and c["attribution"]["country"] for c in found] == ["CHL"]


def test_a_hostile_act_joined_to_one_with_a_named_object_shares_it(nlp):
    """"Peru accused Chile of spying and demanded an apology": the apology from Chile."""
    found = claims(nlp, "Peru accused Chile of spying and demanded an apology.")
    assert [(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in found if c["stance"] == "demand"] == \
        [("PER", "CHL")]


def test_a_rejected_demand_stays_its_makers_demand(nlp):
    """"Peruvian demands were rejected by Chile": Peru demanded, Chile rejected; not a
    rejection by Peru."""
    found = {(c["subject"]["id"], c["stance"], c["target"]["id"])
             for c in claims(nlp, "Peruvian demands for compensation were rejected by Chile.")}
    assert found == {("PER", "demand", "CHL"), ("CHL", "reject", "PER")}


def test_a_negated_conjunct_is_no_doer(nlp):
    found = triples(claims(nlp, "Chile, and not Peru, attacked Bolivia on Monday."))
    assert ("CHL", "conflict", "positive", "BOL") in found
    assert not any(subject == "PER" for subject, *_ in found)


def test_a_passive_with_to_keeps_its_patient_unless_it_tells_a_stance(nlp):
    # "was summoned to the ministry" is done to the ambassador; "is opposed to" is Israel's own
    text = "Peru protested on Monday. The Chilean ambassador was summoned to the ministry in Lima."
    assert not any(c["subject"].get("country") == "CHL" for c in claims(nlp, text))
    assert ("ISR", "conflict", "positive", "FRA") in triples(claims(nlp, "Israel is opposed to French mediation."))


def test_telling_someone_that_another_will_leave_expels_no_one(nlp):
    found = claims(nlp, "Peru told Chile that Bolivia would leave the talks.")
    assert not any(c["stance"] == "expel" for c in found)


def test_the_of_phrase_of_a_going_names_who_goes(nlp):
    """An incursion or a raid is done by what its "of" names ("going_nouns" in cues.json);
    a bombing's "of" stays whom it befalls."""
    went = claims(nlp, "Peru protested the incursion of Chilean patrol boats into its waters.")
    assert ("CHL", "invade", "PER") in {(c["subject"]["country"], c["stance"], c["target"]["country"])
                                         for c in went if c["target"]}
    bombed = claims(nlp, "Chile condemned the bombing of Peruvian border posts by rebel groups.")
    assert [(c["subject"]["id"], c["target"]["country"]) for c in bombed if c["stance"] == "attack"] \
        == [("REBELS", "PER")]


@pytest.mark.parametrize("text, doer", [
    ("The villagers of Tarija can no longer endure the repression of the Chilean police.", "CHL"),
    ("Armenians in Georgia do not want to endure Tbilisi's terror any longer.", "GEO"),
])
def test_an_act_suffered_is_done_to_the_sufferer_and_has_happened(nlp, text, doer):
    """The subject of suffer/endure/face ("suffering_verbs" in cues.json) undergoes the act
    its object names, whose doer is the object's owner or "of" phrase; the act is told as
    having happened, whatever the sufferer wants or can."""
    found = [c for c in claims(nlp, text) if c["family"] == "conflict"]
    assert [(c["subject"]["country"], c["modality"]) for c in found] == [(doer, "asserted")]
    assert found[0]["target"] is not None and found[0]["target"]["country"] != doer


def test_a_demanded_withdrawal_is_a_demand_toward_those_to_withdraw(nlp):
    """A pressing verb ("pressing_verbs" in cues.json) is not carried by the movement noun
    it demands: the demand is a claim of its own toward the forces' country."""
    found = claims(nlp, "Bolivia demanded the immediate withdrawal of Chilean forces from the border.")
    assert {(c["subject"]["country"], c["stance"], c["family"], c["target"] and c["target"]["country"])
            for c in found} == {("BOL", "demand", "conflict", "CHL"), ("CHL", "withdraw", "neutral", None)}


def test_an_act_given_as_the_reason_for_another_is_not_its_object(nlp):
    """"Cut ties with X over its support for Y": the support is X's, the cut is of the ties."""
    found = claims(nlp, "Chile cut diplomatic ties with Peru over its support for the rebels.")
    assert {(c["subject"]["country"] or c["subject"]["id"], c["family"], c["stance"]) for c in found} == \
        {("CHL", "conflict", "relations"), ("PER", "cooperation", "support")}


@pytest.mark.parametrize("text, attacker", [
    ("Brazil would be obliged to defend the islands if attacked.", None),
    ("Chile would defend Bolivia if attacked by Peru.", "PER"),
])
def test_a_bare_participle_under_if_is_passive(nlp, text, attacker):
    """"If attacked": the defender is the one attacked, never the attacker."""
    attackers = [c["subject"]["id"] for c in claims(nlp, text) if c["stance"] == "attack"]
    assert attackers == ([attacker] if attacker else [])


def test_an_allegation_told_in_the_passive_accuses_the_agent(nlp):
    found = claims(nlp, "Bolivia alleged that its patrol had been attacked by Chilean soldiers.")
    accused = [(c["target"] or {}).get("country") for c in found if c["stance"] == "accuse"]
    assert accused == ["CHL"]


def test_troops_disengaging_and_sides_trading_blame_are_mutual_acts(nlp):
    disengaged = claims(nlp, "Chilean and Peruvian troops disengaged from the border area.")
    assert [(c["family"], c["stance"]) for c in disengaged] == [("cooperation", "disengage")]
    assert {disengaged[0]["subject"]["country"], disengaged[0]["target"]["country"]} == {"CHL", "PER"}
    blamed = claims(nlp, "Chile and Peru traded blame for the violence on the border.")
    assert [(c["subject"]["country"], c["stance"], c["target"]["country"]) for c in blamed] == \
        [("CHL", "blame", "PER")]


def test_the_infinitive_of_a_summons_is_the_summoners_purpose(nlp):
    """"Summoned the envoy to protest": cues.json purpose_verbs; the protest is the
    summoner's, toward the envoy's state (one claim with the summons)."""
    found = claims(nlp, "Chile summoned the Peruvian ambassador to protest the border raid.")
    assert {(c["subject"]["country"], c["family"], c["target"]["country"]) for c in found} == \
        {("CHL", "conflict", "PER")}


def test_arms_named_by_their_kind_are_aid(nlp):
    found = claims(nlp, "Norway will deliver more air defence systems to Estonia.")
    assert triples(found) == {("NOR", "cooperation", "positive", "EST")}


def test_help_received_from_a_party_is_its_supply_not_a_hosting(nlp):
    found = claims(nlp, "Russia received artillery shells from North Korea.")
    assert [(c["subject"]["id"], c["stance"], c["family"], c["target"]["id"]) for c in found] == [
        ("PRK", "supply", "cooperation", "RUS")]
    denied = claims(nlp, "The Kremlin denied receiving drones from Tehran.")
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in denied] == [("IRN", "negative", "RUS")]
    counted = claims(nlp, "Estonia received a new shipment of tanks from Finland.")
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in counted] == [("FIN", "supply", "EST")]


@pytest.mark.parametrize("text, expected", [
    ("Russia has military ties with North Korea.", ("RUS", "cooperation", "positive", "PRK")),
    ("Hanoi and Tokyo have security ties.", ("VNM", "cooperation", "positive", "JPN")),
])
def test_ties_of_a_kind_only_partners_have_are_cooperation(nlp, text, expected):
    """cue partnership_kinds; bare or diplomatic ties tell no stance."""
    assert expected in triples(claims(nlp, text))
    assert not claims(nlp, "Israel and Turkey have diplomatic ties.")


def test_parties_locked_in_a_dispute_take_part_in_it(nlp):
    found = claims(nlp, "Canada and India have been locked in a trade war since June.")
    assert ("CAN", "conflict", "positive", "IND") in triples(found)


def test_a_place_beside_the_verbs_object_is_where_not_what_about(nlp):
    """'exchanged fire at several points': no topic, so the co-doers stay each other's party."""
    found = claims(nlp, "Thai and Cambodian troops exchanged fire at several points on Thursday.")
    assert [(c["subject"]["id"], c["target"]["country"], c["topic"]) for c in found] == [("THA", "KHM", None)]


def test_what_is_condemned_is_toward_whoever_said_it(nlp):
    found = claims(nlp, "Russian lawmaker Oleg Smirnov spoke in Moscow on Monday. "
                        "Azerbaijan condemned the remarks by Smirnov.")
    condemned = [c for c in found if c["stance"] == "condemn"]
    assert [(c["subject"]["id"], c["target"]["id"], c["target"]["country"]) for c in condemned] == \
        [("AZE", "oleg-smirnov", "RUS")]


def test_an_act_spoken_about_is_not_the_speakers(nlp):
    found = claims(nlp, "Azerbaijan protested on Tuesday over a statement made by Russian lawmaker Oleg Smirnov "
                        "regarding the sentencing of Armenian citizens in Azerbaijan.")
    sentencing = [c for c in found if c["stance"] == "sentence"]
    assert sentencing and all(c["subject"]["country"] != "RUS" for c in sentencing)


@pytest.mark.parametrize("text, expected", [
    ("Israel launched Operation Rising Lion against Iran on Friday.", ("ISR", "military operation", "IRN")),
    ("Tensions grew after India carried out Operation Sindoor.", ("IND", "military operation", None)),
    ("Israel launched an operation against Hezbollah on Friday.", ("ISR", "military operation", "HEZBOLLAH")),
    ("Turkey launched a new operation in northern Syria.", ("TUR", "military operation", "SYR")),
])
def test_a_named_or_aimed_operation_is_a_military_operation(nlp, text, expected):
    found = [(c["subject"]["id"], c["stance"], (c["target"] or {}).get("id")) for c in claims(nlp, text)]
    assert expected in found


@pytest.mark.parametrize("text", [
    "The EU adopted measures against Russia on Monday.",
    "Israel launched a rescue operation in Gaza.",
])
def test_measures_or_a_rescue_are_no_armed_operation(nlp, text):
    assert all(c["stance"] != "military operation" for c in claims(nlp, text))


@pytest.mark.parametrize("text, stance, start", [
    # a date before an event noun tells which one, not when it was suspended or left
    ("Seoul suspended a 2018 military pact with Pyongyang on Tuesday.", "suspend pact", "2024-06-04"),
    ("Seoul suspended a 2018 military pact with Pyongyang.", "suspend pact", "2024-06-05"),
    ("Washington withdrew from the 2015 nuclear deal with Iran.", "withdraw deal", "2024-06-05"),
    # ... but dates the noun's own act, and an event told as a time
    ("Russia's 2022 invasion of Ukraine was condemned by the UN.", "invade", "2022-01-01"),
    ("Relations between Ankara and Athens have improved since the 2023 earthquake.", "relations", "2023-01-01"),
])
def test_a_date_before_a_noun_dates_that_nouns_act_only(nlp, text, stance, start):
    found = [c for c in claims(nlp, text, published="2024-06-05") if c["stance"] == stance]
    assert [c["when"]["start"] for c in found] == [start]


def test_a_ceasefires_start_date_does_not_date_the_agreement(nlp):
    # a guard: the date before "ceasefire" is no time of the agreement that names it
    found = claims(nlp, "Israel and Hamas agreed on Thursday to a June 15 ceasefire in a deal that Qatar "
                        "brokered.", published="2024-06-07")
    assert {c["when"]["start"] for c in found if c["stance"] in ("agree", "broker")} == {"2024-06-06"}


def test_each_other_after_a_preposition_makes_the_act_mutual(nlp):
    found = claims(nlp, "Venezuela and Guyana pledged not to use force against each other.")
    assert {(c["subject"]["id"], c["stance"], c["polarity"], c["target"]["id"]) for c in found} >= \
        {("VEN", "use force", "negative", "GUY")}


def test_hostages_named_by_nationality_are_whom_the_act_befell(nlp):
    found = claims(nlp, "Hamas is still holding 100 Israeli hostages in Gaza.")
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found if c["stance"] == "hostage"] == [("HAMAS", "ISR")]


def test_who_is_blamed_in_the_passive_did_the_act_by_the_agents_account(nlp):
    found = claims(nlp, "Iran was blamed by Washington for the drone attack on a US base in Jordan.")
    attacks = [c for c in found if c["stance"] == "attack"]
    assert [(c["subject"]["id"], c["target"]["id"], c["modality"], c["attribution"]["id"]) for c in attacks] == \
        [("IRN", "USA", "reported", "USA")]


@pytest.mark.parametrize("text", [
    "Germany sent tanks to Ukraine under pressure from its allies.",
    "Germany sent tanks to Ukraine after weeks of pressure from its allies.",
])
def test_a_noun_that_names_its_doers_is_not_the_governing_subjects_act(nlp, text):
    assert all(c["stance"] != "pressure" or c["subject"]["id"] != "DEU" for c in claims(nlp, text))


def test_an_act_made_of_its_object_keeps_the_governing_subject(nlp):
    # a guard: what a verb does to an offer from someone is the verb's subject's act
    found = claims(nlp, "Pakistan rejected a fresh offer from the Taliban for talks.")
    assert ("PAK", "reject") in {(c["subject"]["id"], c["stance"]) for c in found}


@pytest.mark.parametrize("text, target", [
    ("Russia fired North Korean missiles at Kyiv.", "UKR"),
    ("Israel struck Gaza with American bombs.", "PSE"),
    ("Moscow used North Korean missiles against Ukrainian cities.", "UKR"),
    # a guard: a weapon aimed at no one else is whose it is
    ("A US destroyer shot down Iranian drones over the Red Sea.", "IRN"),
])
def test_a_weapons_maker_is_no_target_of_its_use(nlp, text, target):
    found = claims(nlp, text)
    assert {whom.get("country") for c in found for whom in [c["target"] or {}, *c.get("co_targets", [])]} == {target}


@pytest.mark.parametrize("text, target", [
    ("Myanmar's junta launched air strikes on rebel-held towns near the Chinese border.", None),
    # guards: forces or drills by a border are toward whose border it is
    ("Russia massed troops near Ukraine's border.", "UKR"),
    ("NATO held drills near Russia's borders.", "RUS"),
])
def test_a_border_that_places_a_thing_names_no_target(nlp, text, target):
    found = claims(nlp, text)
    assert [(c["target"] or {}).get("country") for c in found] == [target]


def test_a_reaction_drawn_from_no_one_named_is_toward_the_drawer(nlp):
    found = claims(nlp, "Ecuador's raid on the Mexican embassy drew condemnation across Latin America.")
    condemnations = [c for c in found if c["stance"] == "condemn"]
    assert condemnations and all(c["target"]["id"] == "ECU" and c["subject"]["id"] != "ECU" for c in condemnations)


@pytest.mark.parametrize("text, rebels, state", [
    ("Rwanda and the DR Congo remain at odds over the M23 rebellion.", "M23", "COD"),
    ("The Houthi insurgency began in 2004.", "HOUTHIS", "YEM"),
])
def test_a_groups_rebellion_is_against_the_state_it_fights_within(nlp, text, rebels, state):
    found = [c for c in claims(nlp, text) if c["stance"] == "rebel"]
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found] == [(rebels, state)]


def test_the_place_of_a_reason_is_no_target(nlp):
    found = claims(nlp, "Tehran vowed revenge for the killing of its general in Damascus.")
    assert all((c["target"] or {}).get("id") != "SYR" for c in found)


@pytest.mark.parametrize("text", [
    "Russia and Ukraine exchanged the bodies of fallen soldiers.",
    "Israel and Hamas swapped hostages for prisoners.",
])
def test_exchanging_bodies_or_hostages_is_a_release(nlp, text):
    assert {(c["stance"], c["family"]) for c in claims(nlp, text)} == {("release", "cooperation")}


def test_who_is_handed_over_is_not_whom_the_act_is_toward(nlp):
    found = claims(nlp, "Turkey extradited a Syrian opposition figure to Damascus.")
    assert [(c["subject"]["id"], c["target"]["id"]) for c in found] == [("TUR", "SYR")]


@pytest.mark.parametrize("text", [
    "Chinese and Indian troops clashed with sticks and stones in the Galwan Valley.",
    "Azerbaijan clashed with Armenia.",  # a guard: "with" a party is whom
])
def test_a_weapon_after_with_is_the_means_of_a_clash(nlp, text):
    found = claims(nlp, text)
    assert [(c["stance"], c["subject"]["country"], c["target"]["country"]) for c in found][:1] in \
        ([("clash", "CHN", "IND")], [("clash", "AZE", "ARM")])


def test_an_event_nouns_means_names_no_target(nlp):
    found = claims(nlp, "Russia pounded Ukraine's energy grid on Monday. "
                        "Russian attacks with Iranian drones hit Kyiv overnight.")
    assert {(c["target"] or {}).get("country") for c in found} == {"UKR"}


@pytest.mark.parametrize("text, stance, modality", [
    ("Romania's top court annulled the election over alleged Russian interference.", "interfere", "reported"),
    ("Russia allegedly interfered in the election.", "interfere", "reported"),
    ("Russia interfered in the election.", "interfere", "asserted"),  # a guard
])
def test_an_alleged_act_is_reported(nlp, text, stance, modality):
    assert [c["modality"] for c in claims(nlp, text) if c["stance"] == stance] == [modality]


@pytest.mark.parametrize("text", ["Peruvian helicopters strayed into the airspace.", "Peruvian helicopters flew into the clouds."])
def test_moving_into_a_space_no_state_owns_is_no_incursion(nlp, text):
    assert not [c for c in claims(nlp, text) if c["stance"].startswith("violate")]


def test_an_act_cited_as_a_reason_is_not_the_citers(nlp):
    found = claims(nlp, "Chile closed its border with Peru, citing an armed incursion.")
    assert ("CHL", "conflict", "positive", "PER") in triples(found)  # the closure
    assert [c["stance"] for c in found if c["subject"]["id"] == "CHL"] == ["close"]


@pytest.mark.parametrize("text", ["Bolivia carried out a missile test on Sunday.",
                                  "Bolivia conducted a test of a hypersonic missile."])
def test_a_weapons_test_named_by_a_noun_is_told_as_the_verb_tells_it(nlp, text):
    assert [(c["subject"]["id"], c["stance"]) for c in claims(nlp, text)] == [("BOL", "test missile")]


def test_a_test_of_no_weapon_is_no_claim(nlp):
    assert claims(nlp, "Bolivian students took a test on Sunday.") == []


def test_the_act_a_vowed_response_answers_has_happened(nlp):
    found = claims(nlp, "China vowed a firm response to the American strike.")
    assert [(c["subject"]["id"], c["modality"]) for c in found if c["subject"]["id"] == "USA"] == [("USA", "asserted")]


@pytest.mark.parametrize("text, expected", [
    # forces moved up to a border are a build-up toward whoever is across it
    ("Caracas sent troops to the border with Guyana on Monday.", [("VEN", "build up troops", "conflict", "GUY")]),
    ("Bolivia moved tanks toward the Chilean border.", [("BOL", "build up troops", "conflict", "CHL")]),
    # guards: forces sent to a country, or anything else sent to a border, stay as they were
    ("France sent troops to Mali.", [("FRA", "aid", "cooperation", "MLI")]),
    ("Bolivia sent a delegation to the border with Chile.", [("BOL", "send", "neutral", None)]),
    # forces sent to a border of one's own are no build-up toward anyone
    ("Bolivia deployed 2,000 troops to its northern border.", [("BOL", "deploy", "neutral", None)]),
])
def test_forces_moved_up_to_a_border_are_a_build_up(nlp, text, expected):
    found = [(c["subject"]["country"], c["stance"], c["family"], (c["target"] or {}).get("country"))
             for c in claims(nlp, text)]
    assert found == expected


@pytest.mark.parametrize("text", [
    "Bolivia put its army on combat readiness.",
    "Bolivia placed its troops on high alert.",
    "Bolivia raised the readiness of its border units.",
])
def test_raising_the_readiness_of_forces_is_putting_them_on_alert(nlp, text):
    assert [(c["subject"]["id"], c["stance"], c["family"]) for c in claims(nlp, text)] == \
        [("BOL", "put on alert", "conflict")]


@pytest.mark.parametrize("text, stance", [
    ("Chile closed the border in response to Peru's provocations.", "close"),
    ("Peruvian troops closed in on the Chilean town.", "attack"),  # a particle verb still
])
def test_a_fixed_phrase_opened_by_a_preposition_is_no_particle_of_the_verb(nlp, text, stance):
    first = claims(nlp, text)[0]
    assert (first["stance"], first["family"]) == (stance, "conflict")


@pytest.mark.parametrize("text, target", [
    ("Belarus uses migrants as a weapon against Poland.", "POL"),
    ("Russia used gas as a political weapon against Ukraine.", "UKR"),
])
def test_using_something_as_a_weapon_against_a_party_is_a_hostile_act(nlp, text, target):
    [claim] = claims(nlp, text)
    assert (claim["stance"], claim["family"], claim["target"]["id"]) == ("weaponize", "conflict", target)


@pytest.mark.parametrize("text, stance, polarity", [
    ("Peru and Chile held years of talks without reaching a deal.", "reach deal", "negative"),
    ("Chile seized the boats without firing a shot.", "attack", "negative"),
    ("Chile seized the boats without firing a shot.", "seize", "positive"),
    ("Chile fired on Peruvian boats without provocation.", "attack", "positive"),
])
def test_an_act_done_without_another_denies_only_the_other(nlp, text, stance, polarity):
    assert [c["polarity"] for c in claims(nlp, text) if c["stance"] == stance] == [polarity]


@pytest.mark.parametrize("text, expected", [
    ("The United States, Japan's main ally, said it would defend the islands.", ("USA", "ally", "JPN")),
    ("Saudi Arabia, a close US ally, condemned the attack.", ("SAU", "ally", "USA")),
    ("Iran, Israel's arch-enemy, vowed revenge.", ("IRN", "hostility", "ISR")),
])
def test_a_relation_noun_set_beside_a_party_tells_its_relation_to_the_owner(nlp, text, expected):
    found = {(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in claims(nlp, text) if c["target"]}
    assert expected in found


@pytest.mark.parametrize("text, expected", [
    ("Brazil shares a long border with Venezuela.", []),
    ("Brazil will share its data with Colombia.", [("BRA", "cooperation", "COL")]),
])
def test_sharing_a_border_is_geography_not_cooperation(nlp, text, expected):
    assert [(c["subject"]["id"], c["family"], c["target"]["id"]) for c in claims(nlp, text)] == expected


def test_whom_a_party_joins_in_an_act_does_it_with_that_party(nlp):
    text = ("American warplanes struck Houthi sites on Monday. Britain joined the United States in the latest "
            "round of strikes.")
    [strikes] = [c for c in claims(nlp, text) if c["sentence"].startswith("Britain") and c["family"] == "conflict"]
    doers = {strikes["subject"]["id"], *(a["id"] for a in strikes["co_subjects"])}
    assert doers == {"GBR", "USA"} and strikes["target"]["id"] == "HOUTHIS"


def test_two_parties_settling_their_differences_agree_with_each_other(nlp):
    found = {(c["subject"]["id"], c["stance"], c["target"] and c["target"]["id"])
             for c in claims(nlp, "Chile and Peru should settle their differences, Bolivia said.")}
    assert ("CHL", "agree", "PER") in found


def test_a_past_verb_joined_to_an_infinitive_is_the_urgers_own(nlp):
    found = {(c["subject"]["id"], c["stance"]) for c in claims(
        nlp, "Chile urged Peru to withdraw its troops and called on Bolivia to mediate.")}
    assert ("CHL", "urge") in found and ("PER", "urge") not in found


def test_standing_by_idle_is_no_support_and_the_act_beside_it_is_done(nlp):
    text = "Ghana said it would not stand by while Togolese troops shelled its villages."
    found = {(c["subject"]["country"], c["stance"], c["polarity"]) for c in claims(nlp, text)}
    assert not [f for f in found if f[1] == "support"]
    assert [f for f in found if f[0] == "TGO" and f[2] == "positive"]


@pytest.mark.parametrize("text, stance", [
    ("Chile stands in the way of Peru's plans.", "block"),
    ("Chile stands with Peru.", "support"),
    ("Chile's president spoke, standing alongside Peru's president.", "support"),
])
def test_standing_with_in_the_way_of_alongside(nlp, text, stance):
    assert stance in {c["stance"] for c in claims(nlp, text)}


def test_an_owner_of_its_own_on_a_joined_act_noun_is_its_doer(nlp):
    text = ("Georgia condemned Russian lawmaker Pyotr Tolstoy's statements against Georgia's "
            "sovereignty and his support for the rebels.")
    (support,) = [c for c in claims(nlp, text) if c["stance"] == "support"]
    assert support["subject"]["id"] == "pyotr-tolstoy"


def test_a_bare_the_noun_that_speaks_is_no_act(nlp):
    from claimcmp.knowledge.lexicons import stance_lexicon
    from claimcmp.pipeline.noun_exclusions import not_a_claim

    lex = stance_lexicon()
    doc = nlp("NATO troops clashed with Serb protesters, and ten soldiers were hurt, the alliance said.")
    (alliance,) = [t for t in doc if t.lower_ == "alliance"]
    assert not_a_claim(lex, alliance, lex.noun("alliance"))
    (talks,) = [t for t in nlp("The alliance held talks with Serbia.") if t.lower_ == "alliance"]
    assert not not_a_claim(lex, talks, lex.noun("alliance"))


def test_acts_a_treaty_covers_are_no_acts_done(nlp):
    found = claims(nlp, "Chile said its defence treaty with Peru covers attacks on Peruvian ships.")
    assert "attack" not in {c["stance"] for c in found}


def test_a_summit_a_meeting_is_held_at_names_no_party(nlp):
    text = "Donald Trump said he would meet Chinese President Xi Jinping at the G20 summit in Japan."
    found = {(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)}
    assert ("donald-trump", "xi-jinping") in found and not [f for f in found if "G20" in f]


def test_the_launch_a_judgement_names_is_the_act_just_told(nlp):
    text = "North Korea fired a missile on Friday. South Korea called the launch a grave provocation."
    assert ("KOR", "conflict", "positive", "PRK") in {
        (c["subject"]["country"], c["family"], c["polarity"], c["target"] and c["target"]["id"])
        for c in last_sentence_claims(nlp, text)}


@pytest.mark.parametrize("text, stance", [
    ("Iran test-fired a new rocket.", "test missile"),
    ("Pyongyang vowed to bolster its nuclear deterrent.", "build up troops"),
])
def test_a_test_launch_and_a_stronger_deterrent(nlp, text, stance):
    assert stance in {c["stance"] for c in claims(nlp, text)}


def test_a_hyphened_broker_is_no_party_to_a_deal_its_signers_make(nlp):
    found = {(c["subject"]["id"], c["stance"], c["target"]["id"])
             for c in claims(nlp, "Chile and Peru signed a Brazil-mediated deal.")}
    assert ("BRA", "broker", "CHL") in found and ("CHL", "sign deal", "PER") in found


def test_a_cabinet_meeting_is_no_meeting_with_another_party(nlp):
    text = "Chile recalled its ambassador to Peru and called an emergency cabinet meeting."
    assert "meet" not in {c["stance"] for c in claims(nlp, text)}


def test_who_bows_to_pressure_does_not_press(nlp):
    text = "Peru held drills near Chile. Chile said it would not bow to pressure."
    assert not [c for c in claims(nlp, text) if c["subject"]["id"] == "CHL" and c["family"] == "conflict"]


def test_a_summit_on_whose_sidelines_leaders_meet_names_no_party(nlp):
    text = ("Russia and the US disagree on Syria. Donald Trump's informal meetings with Vladimir Putin on "
            "November 11 on the sidelines of the recent APEC summit in Vietnam may have produced a joint statement.")
    assert not [c for c in claims(nlp, text) if "APEC" in {c["subject"]["id"], c["target"] and c["target"]["id"]}]


def test_any_attack_that_would_be_war_is_no_act_done(nlp):
    text = ("Niger's junta ordered French troops to leave. Paris suspended aid to Niger. Mali and Burkina Faso "
            "warned that any attack on Niger would be considered a declaration of war against them.")
    assert not [c for c in last_sentence_claims(nlp, text) if c["stance"] in {"attack", "fight"}]


@pytest.mark.parametrize("text", [
    "Chile cut ties with Peru on Monday. Bolivia said it rejected any interference in Chile's internal affairs.",
    "Chile cut ties with Peru on Monday. Bolivia warned against any attack on Chilean ships.",
])
def test_any_act_objected_to_is_no_act_of_the_objector(nlp, text):
    """The objection is to what others might do: Bolivia neither interferes nor attacks."""
    assert not [c for c in last_sentence_claims(nlp, text) if c["stance"] in {"interfere", "attack"}]


@pytest.mark.parametrize("text", ["Bolivia denied any interference in Chile's affairs.",
                                  "Bolivia denied any involvement in the attack on Chilean ships."])
def test_any_act_denied_is_the_deniers_own(nlp, text):
    assert [c for c in claims(nlp, text) if c["subject"]["id"] == "BOL" and c["polarity"] == "negative"]


def test_a_condition_with_any_is_still_told_as_a_condition(nlp):
    found = claims(nlp, "If any rapprochement takes place between Chile and Peru, Bolivia will gain.")
    assert [c for c in found if c["modality"] == "conditional" and c["family"] == "cooperation"]


@pytest.mark.parametrize("text, backer, backed", [
    ("Rwanda-backed rebels seized the town.", "RWA", "REBELS"),
    ("Iranian-backed militias attacked a base in Iraq.", "IRN", "MILITANTS"),
])
def test_a_hyphened_backer_supports_what_it_backs(nlp, text, backer, backed):
    found = {(c["subject"]["id"], c["stance"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)}
    assert (backer, "support", backed) in found


@pytest.mark.parametrize("text, expected", [
    ("Qatar helped mediate a truce between Chile and Peru.", ("QAT", "mediate truce")),
    ("Brazil helped Chile defeat the rebels.", ("BRA", "help")),
    ("Brazil pledged to help rebuild Chile.", ("BRA", "help")),
])
def test_help_with_an_act_is_that_act_unless_someone_is_helped(nlp, text, expected):
    assert expected in {(c["subject"]["id"], c["stance"]) for c in claims(nlp, text)}


def test_a_call_for_respect_of_a_partys_sovereignty_is_no_demand_on_it(nlp):
    text = "The United States called for respect of Somalia's sovereignty."
    assert not [c for c in claims(nlp, text) if c["family"] == "conflict"]


@pytest.mark.parametrize("text", [
    "Chile carried out air strikes inside Peru.",
    "Chile launched air strikes in Peru.",
])
def test_strikes_carried_out_inside_a_country_are_toward_it(nlp, text):
    assert ("CHL", "conflict", "positive", "PER") in triples(claims(nlp, text))
