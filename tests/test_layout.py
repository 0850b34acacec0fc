"""The modules moved into subpackages (text, knowledge, time, comparison) keep their old
import names, as aliases of the very same module objects."""
from __future__ import annotations

import importlib

import pytest

MOVED = {"io": "text", "decoding": "text", "metadata": "text", "gazetteer": "knowledge",
         "lexicons": "knowledge", "places_data": "knowledge", "tenures": "knowledge",
         "stance_groups": "knowledge", "temporal": "time", "align": "comparison", "evaluation": "comparison",
         "chunking": "text", "outfile": "text"}


@pytest.mark.parametrize("name", sorted(MOVED))
def test_the_old_name_is_the_moved_module(name):
    old = importlib.import_module(f"claimcmp.{name}")
    new = importlib.import_module(f"claimcmp.{MOVED[name]}.{name}")
    assert old is new
    assert getattr(importlib.import_module("claimcmp"), name) is new


def test_private_names_and_patches_reach_through_the_old_name(monkeypatch):
    from claimcmp import gazetteer
    from claimcmp.knowledge import gazetteer as moved

    assert gazetteer._case_insensitive is moved._case_insensitive
    monkeypatch.setattr(gazetteer, "POSS", frozenset({"'s"}))
    assert moved.POSS == frozenset({"'s"})
