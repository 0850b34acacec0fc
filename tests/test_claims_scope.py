"""Which act a stance word states: ending a hostile act, manners and modifiers that are
no act of their own, joint exercises (each rule documented by sentences written here)."""
from __future__ import annotations

import pytest

from claimcmp.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def triples(nlp, text: str) -> set[tuple]:
    doc = nlp.make_doc(text)
    doc._.claimcmp_published = "2024-05-10"
    doc._.claimcmp_article_id = "t"
    return {(c["subject"].get("country") or c["subject"]["id"], c["family"], c["polarity"],
             c["target"] and (c["target"].get("country") or c["target"]["id"]))
            for c in nlp(doc)._.claimcmp_claims}


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


def test_joint_drills_are_cooperation_between_their_holders(nlp):
    found = triples(nlp, "Japan and Australia held joint naval drills near the islands.")
    assert ("JPN", "cooperation", "positive", "AUS") in found
    assert not any(f == "conflict" for _, f, _, _ in found)


def test_the_two_koreas_are_both_koreas(nlp):
    assert ("PRK", "cooperation", "positive", "KOR") in triples(nlp, "The two Koreas agreed to reopen a liaison office.")


def test_an_inter_korean_noun_names_both_parties(nlp):
    assert ("PRK", "cooperation", "positive", "KOR") in triples(nlp, "Inter-Korean talks resumed on Monday.")


def test_cross_strait_names_china_and_taiwan(nlp):
    assert ("CHN", "conflict", "positive", "TWN") in triples(nlp, "Cross-strait tensions rose after the drills.")
