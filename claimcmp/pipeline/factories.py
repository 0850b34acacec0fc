"""spaCy factories for claimcmp's components.

Exposed through the `spacy_factories` entry point, so `nlp.add_pipe("claimcmp_claims")`
works in any pipeline once claimcmp is installed. Options are keyword-only; data is
loaded from packaged files on first use or in initialize(), never from the config.
"""
from __future__ import annotations

from spacy.language import Language

from claimcmp import extensions  # noqa: F401  (registers the Doc/Span extensions)


@Language.factory("claimcmp_paragraphs", default_config={})
def make_paragraphs(nlp: Language, name: str):
    from claimcmp.pipeline.paragraphs import ParagraphSplitter

    return ParagraphSplitter(nlp, name)


@Language.factory("claimcmp_actors", default_config={}, assigns=["doc.spans"])
def make_actors(nlp: Language, name: str):
    from claimcmp.pipeline.actors import ActorTagger

    return ActorTagger(nlp, name)


@Language.factory("claimcmp_places", default_config={}, assigns=["doc.spans"])
def make_places(nlp: Language, name: str):
    from claimcmp.pipeline.places import PlaceTagger

    return PlaceTagger(nlp, name)


@Language.factory("claimcmp_dates", default_config={}, assigns=["doc.spans"])
def make_dates(nlp: Language, name: str):
    from claimcmp.pipeline.dates import DateTagger

    return DateTagger(nlp, name)


@Language.factory("claimcmp_claims", default_config={}, assigns=["doc._.claimcmp_claims"])
def make_claims(nlp: Language, name: str):
    from claimcmp.pipeline.claims import ClaimExtractor

    return ClaimExtractor(nlp, name)
