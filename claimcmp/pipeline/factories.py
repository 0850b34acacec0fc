"""spaCy factories for claimcmp's components.

Exposed through the `spacy_factories` entry point, so `nlp.add_pipe("claimcmp_claims")`
works in any pipeline once claimcmp is installed. Every option is in the factory's
default_config, so it can be set with `config=` or in a pipeline's config file:
- `resources`: an overlay folder whose files add to or override the packaged data
  (docs/resources.md); "" for the packaged data (or $CLAIMCMP_RESOURCES). It can also be
  given to initialize() ([initialize.components.<name>] in a config file).
- `carry_persons` (claimcmp_actors): a person's affiliation and full name carry to later
  surname-only mentions ("Lavrov said" after "Russian Foreign Minister Sergei Lavrov").
`claimcmp_attribute_ruler` is spaCy's attribute_ruler with its one-token patterns indexed
(the same matches, a tenth of the time); load_pipeline puts it in the model's attribute_ruler's
place with the model's patterns. `claimcmp_lemmatizer` is spaCy's English lemmatizer keeping
every lemma it finds, its word lists answering `in` from sets (the same lemmas, a quarter of
the time); load_pipeline puts it in the model's English rule lemmatizer's place with the
model's tables.
Data is read on first use or in initialize(); to_disk / from_disk save and restore the
overlay with the pipeline.
"""
from __future__ import annotations

from spacy.language import Language

from claimcmp import extensions  # noqa: F401  (registers the Doc/Span extensions)

_SPANS = "doc.spans"


@Language.factory("claimcmp_attribute_ruler",
                  default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer):
    from claimcmp.pipeline.indexed_attribute_ruler import IndexedAttributeRuler

    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@Language.factory("claimcmp_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
                  default_score_weights={"lemma_acc": 1.0})
def make_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer):
    from claimcmp.pipeline.cached_lemmatizer import CachedLemmatizer

    return CachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


@Language.factory("claimcmp_paragraphs", default_config={}, assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str):
    from claimcmp.pipeline.paragraphs import ParagraphSplitter

    return ParagraphSplitter(nlp, name)


@Language.factory("claimcmp_actors", default_config={"carry_persons": True, "resources": ""},
                  requires=["doc.ents"], assigns=[_SPANS])
def make_actors(nlp: Language, name: str, carry_persons: bool, resources: str):
    from claimcmp.pipeline.actors import ActorTagger

    return ActorTagger(nlp, name, carry_persons=carry_persons, resources=resources)


@Language.factory("claimcmp_places", default_config={"resources": ""}, requires=["doc.ents"],
                  assigns=[_SPANS])
def make_places(nlp: Language, name: str, resources: str):
    from claimcmp.pipeline.places import PlaceTagger

    return PlaceTagger(nlp, name, resources=resources)


@Language.factory("claimcmp_dates", default_config={"resources": ""}, assigns=[_SPANS])
def make_dates(nlp: Language, name: str, resources: str):
    from claimcmp.pipeline.dates import DateTagger

    return DateTagger(nlp, name, resources=resources)


@Language.factory("claimcmp_claims", default_config={"resources": ""},
                  requires=["token.dep", "token.lemma", "token.tag", _SPANS],
                  assigns=["doc._.claimcmp_claims"])
def make_claims(nlp: Language, name: str, resources: str):
    from claimcmp.pipeline.claims import ClaimExtractor

    return ClaimExtractor(nlp, name, resources=resources)
