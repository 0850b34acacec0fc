"""Rich table of an article's claims: one row a claim."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from claimcmp.models import Actor, Claim, DateSpan, ExtractDocument


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    if actor.kind == "person" and actor.country:
        return f"{actor.name} ({actor.country})"
    return actor.id


def when_label(span: DateSpan | None) -> str:
    if span is None:
        return "-"
    from claimcmp.comparison.align import format_span  # one way of writing dates across the tables

    text = format_span(span)
    return f"{text}*" if span.source == "article" else text


def stance_label(claim: Claim) -> str:
    label = claim.stance if claim.polarity == "positive" else f"NOT {claim.stance}"
    if claim.modality != "asserted":
        label += f" [{claim.modality}]"
    return label


def render_extract(document: ExtractDocument, console: Console) -> None:
    art = document.article
    date = art.published.date.isoformat() if art.published.date else "undated"
    title = art.title or art.id
    table = Table(title=f"{title} — {date} — {len(document.claims)} claims", title_justify="left",
                  show_lines=False, expand=False)
    for column in ("who", "stance", "whom", "where", "when", "said by"):
        table.add_column(column, overflow="fold")
    colours = {"cooperation": "green", "conflict": "red", "neutral": "cyan"}
    for claim in document.claims:
        where = ", ".join(sorted({r.country or r.name for r in claim.regions})) or "-"
        table.add_row(actor_label(claim.subject),
                      f"[{colours[claim.family]}]{stance_label(claim)}[/]",
                      actor_label(claim.target) if claim.target else (claim.topic or "-"),
                      where, when_label(claim.when), actor_label(claim.attribution))
    console.print(table)
    if any(c.when and c.when.source == "article" for c in document.claims):
        console.print("[dim]* dated by the article's publication date[/]")
