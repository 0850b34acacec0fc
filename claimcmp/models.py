"""The data contract (design/claims.md) as pydantic v2 models.

Field names here are read by other tools and by the evaluation: add fields freely,
never rename or remove one without bumping SCHEMA.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "claimcmp/1"
# A claim whose party the extractor inferred from the article rather than read from its
# sentence has a confidence below this: it may agree with other claims, never contradict them.
INFERRED_CONFIDENCE = 0.5

Family = Literal["cooperation", "conflict", "neutral"]
Polarity = Literal["positive", "negative"]
Modality = Literal["asserted", "reported", "predicted", "possible", "desired", "conditional"]
QuoteKind = Literal["direct", "indirect", "none"]
ActorKind = Literal["country", "person", "organization", "group"]
RegionKind = Literal["city", "province", "country", "area"]
Granularity = Literal["day", "month", "season", "year", "decade"]
DateSource = Literal["explicit", "relative", "article"]
PublishedSource = Literal["cli", "metadata", "url", "header", "text", "none"]
Relation = Literal["agree", "conflict", "shifted"]


class _Fact(BaseModel):
    """Values that are facts about a text: immutable once made, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Published(_Fact):
    date: dt.date | None = Field(None, description="Publication date of the article, if known.")
    source: PublishedSource = Field(
        "none", description="Where the date came from: cli, metadata, url, header, text or none."
    )


class Article(_Fact):
    id: str = Field(description="Stable id: the file stem, or the record's id for JSON input.")
    title: str | None = Field(None, description="Title of the article, when found.")
    source: str | None = Field(None, description="Publisher or site (URL host, byline line).")
    author: str | None = Field(None, description="Author, when found.")
    url: str | None = Field(None, description="URL of the article, when found.")
    published: Published = Field(default_factory=Published, description="Publication date.")
    sha256: str = Field(description="SHA-256 of the text the character offsets refer to.")
    language: str = Field("en", description="ISO 639-1 code of the detected language.")


class Actor(_Fact):
    id: str = Field(
        description="ISO 3166-1 alpha-3 for countries, a name slug for persons, "
        "an upper-case slug for organizations and groups."
    )
    name: str = Field(description="Canonical name of the actor.")
    kind: ActorKind = Field(description="country, person, organization or group.")
    country: str | None = Field(
        None, description="ISO alpha-3 of the country the actor belongs to, when known."
    )
    mention: str = Field(description="The words of the text that name the actor.")


class Region(_Fact):
    name: str = Field(description="Name of the place as resolved.")
    kind: RegionKind = Field(description="city, province, country or area.")
    country: str | None = Field(None, description="ISO alpha-3 of the country the place lies in.")


class DateSpan(_Fact):
    start: dt.date = Field(description="First day of the span.")
    end: dt.date = Field(description="Last day of the span (inclusive).")
    granularity: Granularity = Field(description="day, month, season, year or decade.")
    text: str = Field(description="The time expression as written ('' when from the article).")
    source: DateSource = Field(
        description="explicit (a calendar date), relative (resolved against the publication "
        "date) or article (no time words: the publication date)."
    )


class Claim(_Fact):
    id: str = Field(description="Stable id: hash of article id, sentence span and slots.")
    article_id: str = Field(description="Id of the article the claim comes from.")
    sentence: str = Field(description="The sentence as it stands in the text.")
    start: int = Field(ge=0, description="Character offset of the sentence start.")
    end: int = Field(ge=0, description="Character offset of the sentence end.")
    subject: Actor = Field(description="WHO: the actor making the move.")
    co_subjects: list[Actor] = Field(
        default_factory=list,
        description="Other actors making the same move with the subject ('Russia and Iran condemned "
                    "...': IRN beside RUS); for a mutual act of three or more parties, the parties "
                    "beyond subject and target. Empty for most claims.")
    stance: str = Field(description="Fine lemma-like label: cooperate, accuse, attack, ...")
    family: Family = Field(description="cooperation, conflict or neutral.")
    polarity: Polarity = Field(description="negative when the act is negated or denied.")
    target: Actor | None = Field(None, description="WHOM: the actor the stance is toward.")
    co_targets: list[Actor] = Field(
        default_factory=list,
        description="Other actors the same move is toward ('Qatar criticized Saudi Arabia and "
                    "Egypt': EGY beside SAU), as a reader lists one claim whom several parties "
                    "share. Empty for most claims.")
    topic: str | None = Field(None, description="Object phrase when the target is not an actor.")
    regions: list[Region] = Field(default_factory=list, description="Where the act happens.")
    when: DateSpan | None = Field(None, description="Time of the act.")
    modality: Modality = Field("asserted", description="How the claim is put forward.")
    attribution: Actor | None = Field(None, description="Who says so; null is the article's voice.")
    quote: QuoteKind = Field("none", description="direct, indirect or none.")
    confidence: float = Field(0.5, ge=0.0, le=1.0, description="Extractor confidence, 0..1.")


class ExtractDocument(BaseModel):
    """What `claimcmp extract --format json` writes for one article."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(SCHEMA, alias="schema", description="Schema version.")
    article: Article
    claims: list[Claim] = Field(default_factory=list)


class Pair(_Fact):
    relation: Relation = Field(description="agree, conflict or shifted.")
    a: Claim = Field(description="The claim of article A.")
    b: Claim = Field(description="The claim of article B.")
    score: float = Field(ge=0.0, le=1.0, description="Strength of the alignment, 0..1.")
    why: str = Field(description="A readable reason for the relation.")


class DiffDocument(BaseModel):
    """What `claimcmp diff A B --format json` writes."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(SCHEMA, alias="schema", description="Schema version.")
    a: Article
    b: Article
    pairs: list[Pair] = Field(default_factory=list)
    only_a: list[Claim] = Field(default_factory=list)
    only_b: list[Claim] = Field(default_factory=list)


def dump(model: BaseModel) -> dict:
    """JSON-ready dict with contract field names (schema, not schema_)."""
    return model.model_dump(mode="json", by_alias=True)


class CompareMember(_Fact):
    article_id: str = Field(description="Id of the article the claim comes from.")
    source: str | None = Field(description="The article's outlet (its source), when known.")
    claim: Claim = Field(description="The member claim.")
    relation: Relation = Field(
        description="Relation to the group's first member by the diff rules (agree for the first itself).")
    score: float | None = Field(None, ge=0.0, le=1.0,
                                description="Strength of the relation to the first member (null for it).")
    why: str = Field("", description="A readable reason for the relation to the first member.")


class CompareGroup(_Fact):
    id: str = Field(description="Stable id, derived from the first member's claim id.")
    subject: Actor = Field(description="WHO, as the first member says it.")
    stance: str = Field(description="The first member's stance.")
    family: Family = Field(description="The first member's family.")
    polarity: Polarity = Field(description="The first member's polarity.")
    target: Actor | None = Field(description="WHOM, as the first member says it.")
    regions: list[Region] = Field(default_factory=list, description="WHERE, as the first member says it.")
    when: DateSpan | None = Field(None, description="WHEN, as the first member says it.")
    contested: bool = Field(description="True when a member conflicts with the first member.")
    why: str = Field(description="Who asserts, contradicts or tells another time, and why.")
    outlets: list[str] = Field(description="Distinct outlets of the members (article id when unknown).")
    members: list[CompareMember] = Field(description="The first member, then the others in input order.")


class CompareDocument(BaseModel):
    """What `claimcmp compare INPUT... --format json` writes."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(SCHEMA, alias="schema", description="Schema version.")
    kind: Literal["compare"] = Field("compare", description="Document kind.")
    articles: list[Article] = Field(default_factory=list, description="The articles compared, in input order.")
    groups: list[CompareGroup] = Field(
        default_factory=list,
        description="Contested groups first, then those of several outlets, then of one.")
