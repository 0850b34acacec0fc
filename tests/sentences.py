"""Claims of sentences written for the tests, through the session's pipeline (conftest's
`nlp` fixture): one place for how a test text is dated and read."""
from __future__ import annotations

PUBLISHED = "2024-05-10"


def claims(nlp, text: str) -> list[dict]:
    """The claim dicts of `text`, dated PUBLISHED."""
    doc = nlp.make_doc(text)
    doc._.claimcmp_published = PUBLISHED
    doc._.claimcmp_article_id = "t"
    return nlp(doc)._.claimcmp_claims


def last_sentence_claims(nlp, text: str) -> list[dict]:
    """The claims of the text's last sentence that has any (a story's new line)."""
    found = claims(nlp, text)
    last = max((c["start"] for c in found), default=None)
    return [c for c in found if c["start"] == last]


def triples(found: list[dict]) -> set[tuple]:
    """(subject, family, polarity, target) by country where there is one, a triple for
    each party the act is toward (the target and its co-targets)."""
    return {(_by_country(c["subject"]), c["family"], c["polarity"], _by_country(whom))
            for c in found for whom in [c["target"], *c.get("co_targets", [])]}


def _by_country(actor: dict | None) -> str | None:
    return actor and (actor.get("country") or actor["id"])


def text_triples(nlp, text: str) -> set[tuple]:
    """triples() of the claims of `text`."""
    return triples(claims(nlp, text))
