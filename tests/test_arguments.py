"""WHO and WHOM read from the parse (pipeline/subjects.py, pipeline/arguments.py): the doer
of an infinitive under a noun of intent, and a definite state noun ("the country") that
refers back (each rule documented by sentences written here)."""
from __future__ import annotations

import pytest
from sentences import claims
from sentences import text_triples as triples

# (sentence, a triple it states, a triple it must not state or None)
WHO_ACTS = {
    "the holder of an intent named after 'by' does the act":
        ("The move by Egypt to expel Iranian diplomats angered Tehran.", ("EGY", "conflict", "positive", "IRN"), None),
    "the holder of an intent named after 'of' does the act":
        ("Oman condemned the decision of Kuwait to sever relations with Iran.",
         ("KWT", "conflict", "positive", "IRN"), ("OMN", "conflict", "positive", "IRN")),
    "a national adjective on an intent noun holds it":
        ("The Iranian decision to expel British diplomats angered London.", ("IRN", "conflict", "positive", "GBR"), None),
    "regretting another's decision criticizes it":
        ("Qatar regrets the Saudi decision to cut diplomatic ties with Doha.", ("QAT", "conflict", "positive", "SAU"), None),
    "'the country' is not one of the doers themselves":
        ("Iran hosted the talks. Later Peru and Chile cut ties with the country.",
         ("PER", "conflict", "positive", "IRN"), ("PER", "conflict", "positive", "CHL")),
    "the object does a gerund after 'of' (object control)":
        ("Chile accused Peru of shelling Bolivian villages.", ("PER", "conflict", "positive", "BOL"), None),
    "the subject does a gerund after 'after'":
        ("Chile expelled the Peruvian ambassador after condemning the raid by Peru.",
         ("CHL", "conflict", "positive", "PER"), ("PER", "conflict", "positive", None)),  # not the envoy
    "who counters an act acts toward its doer":
        ("Bolivia repelled an attack by Chilean forces.", ("BOL", "conflict", "positive", "CHL"),
         ("CHL", "conflict", "positive", None)),
    "the countered act is its doer's, toward the one who counters it":
        ("Bolivia has thwarted provocations by the Chilean side.", ("CHL", "conflict", "positive", "BOL"),
         ("CHL", "conflict", "positive", None)),
    "doers who leave an agreement together are one side, not each other's target":
        ("Chile and Peru withdrew from talks with Bolivia.", ("CHL", "conflict", "positive", "BOL"),
         ("CHL", "conflict", "positive", "PER")),
    "an infinitive the parser hung on the verb is still the intent noun's holder's":
        ("Chile protested the unjustified decision of Peru to cut ties with the country.",
         ("PER", "conflict", "positive", "CHL"), None),
    "coordinated holders of an intent all do its act":
        ("Chile protested the decision of Peru and Bolivia to expel its diplomats.",
         ("PER", "conflict", "positive", "CHL"), ("CHL", "conflict", "positive", None)),
    "'its' on an obligation someone fulfils is the fulfiller's":
        ("\"The State of Kuwait is a founding member of the Cooperation Council for the Arab States of the Gulf "
         "[GCC], honours its charter and fulfils its obligations to fight Iranian smugglers,\" the ministry said.",
         ("KWT", "conflict", "positive", "IRN"), ("GCC", "conflict", "positive", "IRN")),
    "a bracketed abbreviation the parser made a subject is not the doer":
        ("\"The State of Kuwait is a founding member of the Cooperation Council for the Arab States of the Gulf "
         "[GCC], honours its charter and condemns the Iranian raid,\" the ministry said.",
         ("KWT", "conflict", "positive", "IRN"), ("GCC", "conflict", "positive", "IRN")),
    "a mutual act told as another's setting is still between the clause's doers":
        ("Despite the tensions, Chile and Peru signed a fisheries deal.", ("CHL", "conflict", "positive", "PER"), None),
    "'the government' is a state the text named, before a person's country":
        ("Peru and the rebels signed a truce, said Gabriel Boric, the Chilean envoy. The government "
         "then lifted the curfew for the rebels.", ("PER", "cooperation", "positive", "REBELS"),
         ("CHL", "cooperation", "positive", "REBELS")),
    "whoever an envoy is summoned to summons him":
        ("The Peruvian ambassador was summoned to the Chilean foreign ministry on Monday.",
         ("CHL", "conflict", "positive", "PER"), ("PER", "conflict", "positive", "CHL")),
    "an envoy summoned with no one named is summoned by the state he is sent to":
        ("The Peruvian ambassador to Chile was summoned to the foreign ministry on Monday.",
         ("CHL", "conflict", "positive", "PER"), ("PER", "conflict", "positive", "CHL")),
    "two states joined by a hyphen are both parties":
        ("Chile-Peru revive cooperation on fisheries", ("CHL", "cooperation", "positive", "PER"), None),
}


@pytest.mark.parametrize("text, stated, not_stated", WHO_ACTS.values(), ids=list(WHO_ACTS))
def test_who_acts_toward_whom(nlp, text, stated, not_stated):
    found = triples(nlp, text)
    assert stated in found
    if not_stated is not None:
        assert not_stated not in found


def test_a_clause_taken_for_a_fronted_quote_keeps_its_subject(nlp):
    """The parser reads "Chile is a member of NATO, supports ..." like "X is ready, said Y":
    the verb after the comma has no subject of its own."""
    found = triples(nlp, "Chile is a member of NATO, supports Ukraine and condemns Russia.")
    assert found == {("CHL", "cooperation", "positive", "UKR"), ("CHL", "conflict", "positive", "RUS")}


def test_his_country_is_the_country_of_whoever_his_names(nlp):
    found = claims(nlp, "Peru's foreign minister said his country will not attack Chile.")
    assert [(c["subject"]["id"], c["polarity"], c["target"]["id"]) for c in found] == [("PER", "negative", "CHL")]


def test_who_on_a_clause_the_parser_hung_on_a_verb_is_that_verbs_subject(nlp):
    text = "Peruvian aircraft entered Chilean airspace. Chilean jets were scrambled who chased them away."
    found = claims(nlp, text)
    assert [(c["subject"]["id"], c["stance"]) for c in found] == \
        [("PER_MILITARY", "violate airspace"), ("CHL_MILITARY", "chase away")]
    assert claims(nlp, "The Chilean minister said that was unacceptable.") == []


@pytest.mark.parametrize("text", [
    "Chile cut diplomatic ties with Peru, accusing it of spying.",
    "Chile cut ties with Peru and accused it of spying.",
])
def test_an_object_pronoun_is_not_its_own_clauses_doer(nlp, text):
    """"accusing it": "it" is not Chile, who does the accusing (that would be "itself")."""
    accusations = [c for c in claims(nlp, text) if c["stance"] == "accuse"]
    assert [(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in accusations] == [("CHL", "PER")]


def test_it_after_seizing_a_thing_is_that_thing(nlp):
    """"seized a tanker, accusing it": the tanker, no party; not Finland, named before."""
    text = "Finland closed its border with Russia. Iran seized a tanker in the Gulf of Oman, accusing it of smuggling fuel."
    accusations = [c for c in claims(nlp, text) if c["stance"] == "accuse"]
    assert [(c["subject"]["id"], c["target"]) for c in accusations] == [("IRN", None)]


def test_it_after_seizing_an_owned_thing_is_its_owner(nlp):
    accusations = [c for c in claims(nlp, "Iran seized a British tanker, accusing it of smuggling fuel.")
                   if c["stance"] == "accuse"]
    assert [(c["subject"]["id"], c["target"]["id"]) for c in accusations] == [("IRN", "GBR")]


@pytest.mark.parametrize("text", [
    "Chile issued a statement condemning Peru.",  # the issuing verb's subject
    "The Chilean communique accusing Peru of spying was read out.",  # the noun's holder
    "Chile said in a statement condemning the Peruvian raid that it would respond.",  # the verb of its preposition
])
def test_a_gerund_on_a_message_is_done_by_its_author(nlp, text):
    assert ("CHL", "conflict", "positive", "PER") in triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Bolivia vetoed an OAS resolution condemning Peru.",  # a named organization before the noun
    "Bolivia welcomed an OAS statement urging Peru to free the prisoners.",
    "An OAS report accusing Peru of torture was published on Monday.",
])
def test_a_gerund_on_a_message_named_by_its_author_is_the_authors(nlp, text):
    found = triples(nlp, text)
    assert any(s == "OAS" and t == "PER" for s, _, _, t in found)
    assert not any(s == "BOL" and t == "PER" for s, _, _, t in found)


def test_they_under_a_coordinated_speaker_names_every_speaker(nlp):
    """"they" under "X, Y and Z announced" is the three of them; "it" under one speaker one."""
    found = claims(nlp, "Chile, Peru and Bolivia announced on Monday they were cutting diplomatic ties with Ecuador.")
    assert [(c["subject"]["id"], [a["id"] for a in c["co_subjects"]], c["target"]["id"]) for c in found] == \
        [("CHL", ["PER", "BOL"], "ECU")]
    found = claims(nlp, "Chile and Peru met on Monday. Chile said it would cut ties with Ecuador.")
    assert [(c["subject"]["id"], c["co_subjects"]) for c in found if c["target"]["id"] == "ECU"] == [("CHL", [])]


@pytest.mark.parametrize("text", [
    "The Chilean president went to Lima on Tuesday following the strike.",
    "Chile's leader took to the radio after the bombing.",
])
def test_a_one_way_act_told_as_another_acts_time_is_not_that_clauses_doers(nlp, text):
    """"went to Lima following the strike": whoever struck, it is not said to be Chile's president."""
    assert [c["stance"] for c in claims(nlp, text) if c["family"] == "conflict"] == []


def test_a_decision_no_one_is_said_to_hold_is_not_the_reactors(nlp):
    """"Chile condemned the move to sever relations": the move is not Chile's."""
    found = claims(nlp, "Chile and Peru have argued over fishing rights for years. Peru cut ties with Chile on "
                        "Monday. Chile condemned the move to sever relations.")
    assert [(c["subject"]["id"], c["stance"], c["target"]["id"]) for c in found if c["sentence"].startswith("Chile condemned")] \
        == [("CHL", "condemn", "PER")]


@pytest.mark.parametrize("text, stated", [
    ("Bahrain cut ties with Qatar over its insistence on meddling in Bahrain's affairs.",
     ("QAT", "conflict", "positive", "BHR")),
    ("Chile praised Brazil's role in brokering the truce with Peru.", ("BRA", "cooperation", "positive", "PER")),
])
def test_the_owner_of_a_noun_does_the_gerund_it_governs(nlp, text, stated):
    """"its insistence on meddling": the insistent one meddles; "its" in the reason of an act
    on another party ("cut ties with Qatar over its ...") is that party's."""
    assert stated in triples(nlp, text)


def test_its_in_a_reason_with_no_other_party_acted_on_stays_the_doers(nlp):
    found = claims(nlp, "Chile recalled its ambassador over its dispute with Peru.")
    assert all(c["subject"]["id"] == "CHL" for c in found)


def test_a_list_the_parser_took_for_an_apposition_is_all_doers(nlp):
    [claim] = [c for c in claims(nlp, "Chile, the UN, Peru, and Bolivia on Friday signed a deal in Lima to resume fishing.")
               if c["stance"] == "sign deal"]
    parties = {a["id"] for a in [claim["subject"], claim["target"], *claim["co_subjects"], *claim["co_targets"]]}
    assert {"CHL", "UN", "PER"} <= parties
    # a true apposition names no further party
    [claim] = claims(nlp, "Chile, the host, signed a deal with Peru on Friday.")
    assert (claim["subject"]["id"], claim["target"]["id"], claim["co_targets"]) == ("CHL", "PER", [])


def test_a_fronted_passive_participle_is_done_to_the_main_clauses_subject(nlp):
    """"Backed by Iran, the Houthis ...": Iran backs the Houthis; the Houthis back no one."""
    found = triples(nlp, "Backed by Iran, the Houthis attacked Saudi Arabia.")
    assert {("IRN", "cooperation", "positive", "HOUTHIS"), ("HOUTHIS", "conflict", "positive", "SAU")} <= found


def test_a_fronted_passive_participle_with_no_agent_has_no_doer(nlp):
    """"Widely criticized for ..., Peru": Peru is criticized, by no one the text names."""
    found = claims(nlp, "Widely criticized for its crackdown, Peru expelled the Chilean envoy.")
    assert [c["stance"] for c in found] == ["expel"]


@pytest.mark.parametrize("text, target", [
    ("Peru banned imports of Chilean fruit.", "CHL"),
    ("Peru suspended the import of Bolivian gas.", "BOL"),
])
def test_a_trade_measure_falls_on_the_country_of_the_goods(nlp, text, target):
    assert triples(nlp, text) == {("PER", "conflict", "positive", target)}


def test_an_object_a_phrase_is_made_of_is_toward_whoever_its_owner_is(nlp):
    """"entered its waters" (stance "enter water"): toward the country "its" names."""
    found = claims(nlp, "Chile said Peruvian warships had entered its waters.")
    assert [(c["subject"]["country"], c["target"] and c["target"]["id"]) for c in found] == [("PER", "CHL")]


@pytest.mark.parametrize("text", [
    "Germany granted asylum to a Russian dissident.",
    "Iranian dissidents protested outside the embassy in London.",
])
def test_a_dissidents_nationality_is_not_their_state(nlp, text):
    from sentences import claims

    found = claims(nlp, text)
    assert all("RUS" not in (c["subject"]["id"], (c["target"] or {}).get("id"))
               and "IRN" != c["subject"]["id"] for c in found)


@pytest.mark.parametrize("text, expected", [
    ("Chile is considering normalizing relations with Bolivia.", ("CHL", "cooperation", "positive", "BOL")),
    ("Chile and Peru discussed expanding military cooperation with Bolivia.", ("CHL", "cooperation", "positive", "BOL")),
])
def test_a_gerund_read_as_a_modifier_of_a_considered_object_is_the_considerers_act(nlp, text, expected):
    """The parser makes "normalizing" a modifier of "relations"; the one who considers normalizes."""
    assert expected in triples(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Chile deployed troops who fired at Peruvian smugglers.", ("CHL", "conflict", "PER")),
    ("Israel sent drones that struck a Hamas post.", ("ISR", "conflict", "HAMAS")),
])
def test_forces_a_party_sent_act_for_it_in_their_relative_clause(nlp, text, expected):
    found = [(c["subject"]["country"] or c["subject"]["id"], c["family"], c["target"]["id"])
             for c in claims(nlp, text) if c["target"]]
    assert found == [expected]


def test_forces_a_party_captured_are_not_its_own(nlp):
    text = "Chile captured troops who had fired at Peruvian smugglers."
    assert not [c for c in claims(nlp, text) if c["subject"]["id"] == "CHL" and c["target"]]


@pytest.mark.parametrize("text, target", [
    ("Iran seized a British-flagged tanker in the Strait of Hormuz.", "GBR"),
    ("Yemen's Houthi movement fired two missiles at a Greek-owned tanker on Thursday.", "GRC"),
])
def test_the_state_a_vessel_is_owned_or_flagged_by_is_whom_an_act_on_it_is_toward(nlp, text, target):
    assert [c["target"]["id"] for c in claims(nlp, text) if c["family"] == "conflict"] == [target]


@pytest.mark.parametrize("text", [
    "A bombing blamed on Chile killed three Peruvian soldiers.",
    "Drones struck Lima on Sunday, in attacks the Peruvian army blamed on Chile.",
    "Peru reported a wave of cyberattacks attributed to Chile.",
])
def test_whom_an_act_is_laid_on_does_it(nlp, text):
    assert ("CHL", "PER") in {(c["subject"]["id"], c["target"] and c["target"]["id"]) for c in claims(nlp, text)
                              if c["family"] == "conflict"}


@pytest.mark.parametrize("title", ["president", "foreign minister", "leader"])
def test_an_official_whose_owner_a_relative_clause_names_speaks_for_it(nlp, title):
    text = f"Peru criticized Chile, whose {title} has praised Bolivia."
    assert ("CHL", "BOL") in {(c["subject"].get("country") or c["subject"]["id"], c["target"]["id"])
                              for c in claims(nlp, text) if c["stance"] == "praise"}


def test_a_measure_told_before_acts_for_whoever_took_it(nlp):
    """Not for the other party the story is about: the tariffs are Peru's, so protecting
    Peruvian miners is Peru's own affair (no claim), and punishing Chile is Peru's act."""
    text = ("Peru imposed tariffs on Chilean copper on Monday. Lima said the tariffs were needed to "
            "protect Peruvian miners.")
    assert [(c["subject"]["id"], c["stance"]) for c in claims(nlp, text) if c["start"] > 0] == []
    text = "Peru imposed tariffs on Chilean copper on Monday. The tariffs aim to punish Santiago."
    assert ("PER", "CHL") in {(c["subject"]["id"], c["target"]["id"]) for c in claims(nlp, text) if c["start"] > 0}


@pytest.mark.parametrize("text, doer", [
    ("Lima said the goal of the operation was to destroy Chilean positions.", "PER"),
    ("The goal of the Peruvian operation was to destroy Chilean positions.", "PER"),
])
def test_whose_goal_an_act_is_does_it(nlp, text, doer):
    assert [(c["subject"]["id"], c["target"]["id"]) for c in claims(nlp, text)] == [(doer, "CHL")]
