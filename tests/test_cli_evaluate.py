"""`claimcmp evaluate` through typer's CliRunner."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from claimcmp.cli.main import app

runner = CliRunner()

GOLD_CLAIM = {
    "evidence": "Russia and the United States agreed to cooperate against the Islamic State",
    "subject": ["RUS"], "target": ["USA"], "symmetric": True, "family": "cooperation",
    "stance": "cooperate", "polarity": "positive", "regions": [],
    "when": {"start": "2020-05-10", "end": "2020-05-10"}, "attribution": None, "modality": "asserted",
}


def _setup(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"article": "a", "published": "2020-05-10", "claims": [GOLD_CLAIM]}))
    article = tmp_path / "a.txt"
    article.write_text("Russia and the United States agreed to cooperate against the Islamic State.\n")
    return str(gold), str(article)


def test_evaluate_scores_an_article_against_its_gold(tmp_path):
    gold, article = _setup(tmp_path)
    result = runner.invoke(app, ["evaluate", gold, article, "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["gold"], scores["matched"], scores["recall"]) == (1, 1, 1.0)
    assert scores["when_accuracy"] == 0.0  # the text gives no date, the gold knows it


def test_gold_dates_date_an_undated_article_by_its_gold_file(tmp_path):
    gold, article = _setup(tmp_path)
    result = runner.invoke(app, ["evaluate", gold, article, "--format", "json", "--quiet", "--gold-dates"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["when_accuracy"] == 1.0


def test_evaluate_refuses_a_missing_gold_folder(tmp_path):
    _, article = _setup(tmp_path)
    missing = tmp_path / "nope"
    result = runner.invoke(app, ["evaluate", str(missing), article])
    assert result.exit_code == 1
    assert result.stderr == f"Error: not a folder of gold files ({missing})\n"
