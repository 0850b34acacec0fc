"""Every Doc/Span extension claimcmp sets, in one place.

Values are plain JSON-ready dicts and strings (no pydantic objects, no dates), so a Doc
annotated by claimcmp survives DocBin serialization and multiprocessing.
Registration is idempotent: importing this module twice, or from worker processes, is safe.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# Span groups in doc.spans written by our components.
ACTORS = "claimcmp_actors"  # each span has span._.claimcmp_actor
PLACES = "claimcmp_places"  # each span has span._.claimcmp_region
DATES = "claimcmp_dates"  # each span has span._.claimcmp_when

_DOC = {
    # ISO date string of the publication date, set by the caller before the pipeline runs;
    # relative time expressions are resolved against it.
    "claimcmp_published": None,
    "claimcmp_article_id": None,
    # list of claim dicts (the Claim model's fields minus id/article_id), set by claimcmp_claims
    "claimcmp_claims": None,
}
_SPAN = {
    "claimcmp_actor": None,  # dict: id, name, kind, country (Actor minus mention)
    "claimcmp_region": None,  # dict: name, kind, country
    "claimcmp_when": None,  # dict: start, end (ISO), granularity, text, source
}


def register() -> None:
    for name, default in _DOC.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
