"""claimcmp's components as spaCy expects them: options through config=, data through
initialize(), and a pipeline that survives nlp.to_disk / spacy.load."""
from __future__ import annotations

import shutil

import pytest
import spacy

import claimcmp.pipeline.factories  # noqa: F401  (registers the factories)
from claimcmp.nlp import OUR_PIPES, resolve_model_name
from overlay_data import A_TEXT, write_overlay

PERSONS = "French Foreign Minister Jean Dupontel criticized Germany on Monday. Later Dupontel condemned Austria."
MIXED = ("Russia and Turkey agreed on Tuesday to hold talks in Geneva, but Ankara later "
         "accused Moscow of shelling Idlib since Erdogan came to power.")


def build(**configs):
    """The session's model with claimcmp's components, each with its config from `configs`."""
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("claimcmp_paragraphs", before="parser")
    for pipe in OUR_PIPES:
        nlp.add_pipe(pipe, config=configs.get(pipe, {}))
    return nlp


def claims(nlp, text):
    doc = nlp.make_doc(text)
    doc._.claimcmp_published = "2024-03-04"
    doc._.claimcmp_article_id = "t"
    return nlp(doc)._.claimcmp_claims


def test_every_option_is_in_the_default_config():
    nlp = build()
    assert nlp.get_pipe_config("claimcmp_actors") == {"factory": "claimcmp_actors", "carry_persons": True,
                                                      "resources": ""}
    for pipe in ("claimcmp_places", "claimcmp_dates", "claimcmp_claims"):
        assert nlp.get_pipe_config(pipe) == {"factory": pipe, "resources": ""}


def test_requires_and_assigns_are_declared():
    nlp = build()
    meta = nlp.get_pipe_meta("claimcmp_claims")
    assert meta.assigns == ["doc._.claimcmp_claims"]
    assert "doc.spans" in meta.requires
    assert nlp.get_pipe_meta("claimcmp_actors").assigns == ["doc.spans"]
    assert nlp.analyze_pipes()["problems"] == {name: [] for name in nlp.pipe_names}


def test_carry_persons_can_be_switched_off_through_config():
    carried = claims(build(), PERSONS)
    nlp = build(claimcmp_actors={"carry_persons": False})
    plain = claims(nlp, PERSONS)
    assert [c["subject"]["name"] for c in carried] == ["Jean Dupontel", "Jean Dupontel"]
    # "Dupontel" alone is then tied to no country, so no party of a claim
    assert [c["subject"]["name"] for c in plain] == ["Jean Dupontel"]
    doc = nlp(PERSONS)
    alone = [s._.claimcmp_actor for s in doc.spans["claimcmp_actors"] if s.text == "Dupontel"]
    assert [(a["name"], a["country"]) for a in alone] == [("Dupontel", None)]


def test_claims_with_an_overlay_in_its_config_reads_the_new_verb(tmp_path):
    overlay = write_overlay(tmp_path / "overlay")
    assert all(c["stance"] != "excommunicate" for c in claims(build(), A_TEXT))
    # the actors component reads the overlay's "League of Strelsau", the claims one its verb
    nlp = build(claimcmp_actors={"resources": str(overlay)}, claimcmp_claims={"resources": str(overlay)})
    assert [c["stance"] for c in claims(nlp, A_TEXT)] == ["excommunicate"]
    only_actors = build(claimcmp_actors={"resources": str(overlay)})
    assert all(c["stance"] != "excommunicate" for c in claims(only_actors, A_TEXT))


def test_initialize_takes_the_overlay(tmp_path):
    overlay = write_overlay(tmp_path / "overlay")
    nlp = build()
    for pipe in OUR_PIPES:
        nlp.get_pipe(pipe).initialize(resources=str(overlay))
    (claim,) = claims(nlp, A_TEXT)
    assert (claim["stance"], claim["subject"]["id"], claim["when"]["start"]) == \
        ("excommunicate", "RURITANIAN_LEAGUE", "2019-05-01")


def test_a_saved_pipeline_loads_with_spacy_load_and_extracts_the_same(tmp_path):
    nlp = build()
    before = claims(nlp, MIXED)
    assert before
    nlp.to_disk(tmp_path / "saved")
    assert claims(spacy.load(tmp_path / "saved"), MIXED) == before


def test_a_saved_pipeline_carries_its_overlay(tmp_path):
    overlay = write_overlay(tmp_path / "overlay")
    nlp = build(**{pipe: {"resources": str(overlay)} for pipe in OUR_PIPES})
    before = claims(nlp, A_TEXT)
    assert [c["stance"] for c in before] == ["excommunicate"]
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(overlay)  # the saved copy, not the user's folder, is read back
    assert claims(spacy.load(tmp_path / "saved"), A_TEXT) == before


@pytest.mark.parametrize("pipe", OUR_PIPES)
def test_each_component_round_trips_alone(tmp_path, pipe):
    component = build().get_pipe(pipe)
    component.to_disk(tmp_path / pipe)
    assert component.from_disk(tmp_path / pipe) is component
    assert component.resources is None
