"""WHO and WHOM read from the parse (pipeline/subjects.py, pipeline/arguments.py): the doer
of an infinitive under a noun of intent, and a definite state noun ("the country") that
refers back (each rule documented by sentences written here)."""
from __future__ import annotations

from sentences import claims
from sentences import triples as claim_triples


def triples(nlp, text: str) -> set[tuple]:
    return claim_triples(claims(nlp, text))


def test_the_holder_of_an_intent_named_after_by_does_the_act(nlp):
    found = triples(nlp, "The move by Egypt to expel Iranian diplomats angered Tehran.")
    assert ("EGY", "conflict", "positive", "IRN") in found


def test_the_holder_of_an_intent_named_after_of_does_the_act(nlp):
    found = triples(nlp, "Oman condemned the decision of Kuwait to sever relations with Iran.")
    assert ("KWT", "conflict", "positive", "IRN") in found
    assert ("OMN", "conflict", "positive", "IRN") not in found


def test_a_national_adjective_on_an_intent_noun_holds_it(nlp):
    found = triples(nlp, "The Iranian decision to expel British diplomats angered London.")
    assert ("IRN", "conflict", "positive", "GBR") in found


def test_regretting_anothers_decision_criticizes_it(nlp):
    found = triples(nlp, "Qatar regrets the Saudi decision to cut diplomatic ties with Doha.")
    assert ("QAT", "conflict", "positive", "SAU") in found


def test_the_country_is_not_one_of_the_doers_themselves(nlp):
    text = "Iran hosted the talks. Later Peru and Chile cut ties with the country."
    found = triples(nlp, text)
    assert ("PER", "conflict", "positive", "IRN") in found
    assert ("PER", "conflict", "positive", "CHL") not in found


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
