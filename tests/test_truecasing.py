"""Headlines in title case lowered before parsing (claimcmp/text/truecasing.py): which lines
are headlines, which of their words are lowered, offsets kept; and the claims a title-case
headline gives. The sentences are written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcmp import api
from claimcmp.text.truecasing import WordUsage, base_forms, is_title_case, lemma_vocabulary, truecase_headlines

BODY = ("The rebels seized the airport on Monday. They accused the army of shelling the town, "
        "officials said. The National Defense Forces were ordered to start an offensive.")


@pytest.mark.parametrize("line", [
    "Rebels Seize Airport, Accuse Army Of Shelling Town",
    "Norway Expels Two Diplomats After Spying Row With Canada",
    "Officials: National Defense Forces Ordered To Start Offensive",
])
def test_title_case_lines_are_headlines(line):
    assert is_title_case(line)


def test_a_headline_in_full_title_case_may_end_with_a_period():
    line = "Norway Expels Two Diplomats After Spying Row With Canada."
    assert is_title_case(line)


@pytest.mark.parametrize("line", [
    "Rebels seize airport, accuse army of shelling town",  # sentence case
    "The decision was read by the President of the Court, Judge Anna Berg, in The Hague.",
    "REBELS SEIZE AIRPORT",  # all capitals: names cannot be told from words
    "Canada Day",  # too few words to tell
    "Peru warned Chile, Bolivia and Ecuador on Monday.",  # a sentence naming many places
])
def test_other_lines_are_not(line):
    assert not is_title_case(line)


def test_words_the_article_writes_in_lower_case_are_lowered():
    text = "Rebels Seize Airport, Accuse Army Of Shelling Town\n" + BODY
    assert truecase_headlines(text).split("\n")[0] == "Rebels seize airport, accuse army of shelling town"


def test_names_written_capitalized_together_stay():
    text = "Officials: National Defense Forces Ordered To Start Offensive\n" + BODY
    # "National Defense" and "Defense Forces" are capitalized side by side in the body;
    # a word after a colon starts the headline anew; "ordered" is written lower case
    assert truecase_headlines(text).split("\n")[0] == \
        "Officials: National Defense Forces ordered to start offensive"


def test_months_and_absent_names_stay():
    text = "Rebels Seize Airport In May, Says Colonel Okafor\n" + BODY
    # "Okafor" is nowhere else and no English word; "May" is a month
    assert truecase_headlines(text, frozenset({"say", "colonel"})).split("\n")[0] == \
        "Rebels seize airport in May, says colonel Okafor"


def test_text_without_headline_is_returned_itself():
    assert truecase_headlines(BODY) is BODY


def test_word_usage_counts_capitals_within_sentences_only():
    usage = WordUsage.of("Talks began. The Talks Committee met. talks ended.")
    assert usage.capitalized["talk"] == 1 and usage.lower["talk"] == 1
    assert ("Talks", "Committee") in usage.name_pairs


def test_base_forms_undo_inflections():
    assert {"avert"} <= base_forms("averted")
    assert {"seize"} <= base_forms("seizes")
    assert {"tie"} <= base_forms("ties")


def test_lemma_vocabulary_is_read_from_the_model(nlp):
    words = lemma_vocabulary(nlp)
    assert {"accuse", "airport", "different"} <= words
    assert lemma_vocabulary(nlp) is words  # read once per pipeline


@given(st.text(alphabet=st.sampled_from(list("AaBbEeIiOoSsTt :\n.'")), max_size=200))
def test_truecasing_changes_only_the_case_of_letters(text):
    out = truecase_headlines(text, frozenset({"bat", "sea"}))
    assert len(out) == len(text)
    assert out.lower() == text.lower()
    assert truecase_headlines(out, frozenset({"bat", "sea"})).lower() == text.lower()


def test_a_title_case_headline_gives_its_claims_quoted_as_written():
    text = ("Norway Expels Two Diplomats, Accuses Canada Of Spying\n"
            "Norway expelled two Canadian diplomats on Tuesday. The ministry accused Canada of "
            "spying on its fishing fleet, and said the two had to leave within a week.")
    document = api.extract({"id": "t1", "text": text, "date": "2024-05-08"})[0]
    headline = [c for c in document.claims if c.start == 0]
    assert {(c.subject.id, c.stance, c.target.id if c.target else None) for c in headline} >= {
        ("NOR", "expel", "CAN"), ("NOR", "accuse", "CAN")}
    assert {c.sentence for c in headline} == {text[:text.index("\n")]}  # as written
    assert all(c.sentence in text for c in document.claims)


def test_a_sentence_naming_many_places_keeps_its_names(nlp):
    (document,) = api.extract("Peru warned Chile, Bolivia and Ecuador on Monday.", date="2024-05-10", nlp=nlp)
    assert [(c.target.id, [a.id for a in c.co_targets]) for c in document.claims] == [("CHL", ["BOL", "ECU"])]
