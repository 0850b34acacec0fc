"""Reactions to an act told just before (pipeline/earlier_acts.py)."""
from __future__ import annotations

from sentences import claims, triples


def test_condemning_the_move_is_toward_who_made_it(nlp):
    found = triples(claims(nlp, "Serbia recalled its ambassador from Montenegro. Podgorica condemned the move."))
    assert ("MNE", "conflict", "positive", "SRB") in found


def test_a_judged_decision_is_toward_who_took_it(nlp):
    text = "Poland will close its last border crossing with Belarus, Warsaw said on Monday. " \
           "Minsk condemned the decision as hostile."
    assert ("BLR", "conflict", "positive", "POL") in triples(claims(nlp, text))


def test_welcoming_the_step_is_toward_who_took_it(nlp):
    found = triples(claims(nlp, "Japan lifted its export curbs on South Korea. Seoul welcomed the step."))
    assert ("KOR", "cooperation", "positive", "JPN") in found


def test_an_act_too_far_back_is_not_referred_to(nlp):
    """Three sentences on, "the move" is no longer the recall's."""
    text = ("Serbia recalled its ambassador from Montenegro. The vote was held on Sunday. "
            "Turnout was low. Officials counted ballots overnight. Podgorica condemned the move.")
    assert ("MNE", "conflict", "positive", "SRB") not in triples(claims(nlp, text))


def test_a_move_that_names_its_doer_is_left_to_the_parse(nlp):
    found = triples(claims(nlp, "Chile praised Peru. Bolivia condemned the Chilean move."))
    assert ("BOL", "conflict", "positive", "CHL") in found
