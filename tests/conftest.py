"""Shared fixtures: one spaCy pipeline for the whole session, chosen as the CLI chooses it
(--model / $CLAIMCMP_MODEL / the first installed default: claimcmp.nlp.resolve_model_name)."""
from __future__ import annotations

import pytest

from claimcmp.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    """The pipeline `claimcmp extract` runs: the model with claimcmp's components
    (the same cached object the CLI loads in-process)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp):
    """text -> Doc from the model's own components only (tagger, parser, NER), for tests
    of one claimcmp component on its own."""
    ours = [name for name in nlp.pipe_names if name.startswith("claimcmp_")]
    return lambda text: nlp(text, disable=ours)


@pytest.fixture
def shortened(nlp):
    """shortened(n) -> the session pipeline with max_length n, so one article is cut into
    chunks; restored after the test."""
    saved = nlp.max_length

    def shorten(limit: int):
        nlp.max_length = limit
        return nlp

    yield shorten
    nlp.max_length = saved
