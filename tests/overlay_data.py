"""A user's overlay folder for the tests: a new stance verb grouped for diff, an actor
alias, a leader and a term of office, all invented (none is in the packaged data)."""
from __future__ import annotations

import json
from pathlib import Path

FILES = {
    "stances.jsonl": [{"lemma": "excommunicate", "pos": "VERB", "stance": "excommunicate", "family": "conflict",
                       "symmetric": False},
                      {"lemma": "defenestrate", "pos": "VERB", "stance": "defenestrate", "family": "conflict",
                       "symmetric": False}],
    "actors.jsonl": [{"id": "RURITANIAN_LEAGUE", "name": "Ruritanian League", "kind": "group",
                      "aliases": ["Ruritanian League", "the League of Strelsau"]}],
    "leaders.jsonl": [{"id": "rudolf-rassendyll", "name": "Rudolf Rassendyll", "country": "FRA",
                       "aliases": ["Rudolf Rassendyll", "Rassendyll"]}],
    "tenures.jsonl": [{"leader": "rudolf-rassendyll", "office": "President of France",
                       "start": "2019-05-01", "end": None}],
}
SYNONYMS = {"groups": [{"name": "excommunicate", "aspect": "event", "family": "conflict", "class": "rupture", "symmetric": False,
                        "labels": ["excommunicate", "defenestrate"]}]}

A_TEXT = "Since Rassendyll took office, the League of Strelsau has excommunicated France, officials said.\n"
B_TEXT = "The League of Strelsau has never defenestrated France since Rassendyll took office, officials said.\n"


def write_overlay(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in FILES.items():
        (folder / name).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    (folder / "stance_synonyms.json").write_text(json.dumps(SYNONYMS, indent=2), encoding="utf-8")
    return folder
