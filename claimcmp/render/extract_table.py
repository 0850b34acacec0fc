"""Rich table of an article's claims: one row a claim, laid out for the console's width.

Every cell is a Text, never markup: an article's words ("[predicted]", "[1]", "[/b]")
are shown as written.
"""
from __future__ import annotations

from rich.console import Console
from rich.text import Text

from claimcmp.models import Actor, Claim, DateSpan, ExtractDocument
from claimcmp.render.layout import Column, build_table, fit_widths, plural

FAMILY_COLOURS = {"cooperation": "green", "conflict": "red", "neutral": "cyan"}


def actor_label(actor: Actor | None) -> str:
    """A person by name with their country ("Barack Obama (USA)"), anything else by its id."""
    if actor is None:
        return "-"
    if actor.kind == "person":
        name = actor.name.strip() or actor.id
        return f"{name} ({actor.country})" if actor.country else name
    return actor.id


def actors_label(first: Actor | None, others: list[Actor]) -> str:
    """A claim's subject or target with its co-subjects or co-targets: "SAU, BHR, EGY"."""
    return ", ".join(actor_label(a) for a in (first, *others))


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


def _columns(claims: list[Claim]) -> dict[str, Column]:
    def where(claim: Claim) -> str:
        return ", ".join(sorted({r.country or r.name for r in claim.regions})) or "-"

    def whom(claim: Claim) -> str:
        return actors_label(claim.target, claim.co_targets) if claim.target else (claim.topic or "-")

    return {
        "who": Column("who", [Text(actors_label(c.subject, c.co_subjects)) for c in claims], cap=24),
        "stance": Column("stance", [Text(stance_label(c), style=FAMILY_COLOURS[c.family])
                                    for c in claims], cap=28),
        "whom": Column("whom", [Text(whom(c)) for c in claims], cap=24),
        "where": Column("where", [Text(where(c)) for c in claims], cap=16),
        "when": Column("when", [Text(when_label(c.when)) for c in claims], cap=24, whole=12),
        "said by": Column("said by", [Text(actor_label(c.attribution)) for c in claims], cap=24),
    }


def _stacked(header: str, upper: Column, lower: Column) -> Column:
    """Two columns as one, each cell on two lines ("SYR" over "9 Dec 2016")."""
    cells = [Text("\n").join([a, b]) for a, b in zip(upper.cells, lower.cells)]
    return Column(header, cells, cap=max(upper.cap, lower.cap), whole=max(upper.whole, lower.whole))


def _layouts(claims: list[Claim]):
    """From the richest layout to the most compact: a boxed table, the same without the
    box, where and when in one column, then who and said by in one column too."""
    c = _columns(claims)
    every = [c["who"], c["stance"], c["whom"], c["where"], c["when"], c["said by"]]
    place_time = _stacked("where / when", c["where"], c["when"])
    yield every, True
    yield every, False
    yield [c["who"], c["stance"], c["whom"], place_time, c["said by"]], False
    yield [_stacked("who / said by", c["who"], c["said by"]), c["stance"], c["whom"], place_time], False


def render_extract(document: ExtractDocument, console: Console) -> None:
    art = document.article
    date = art.published.date.isoformat() if art.published.date else "undated"
    title = Text(f"{art.title or art.id} — {date} — {plural(len(document.claims), 'claim')}")
    layouts = list(_layouts(document.claims))
    for columns, heavy in layouts:
        widths = fit_widths(columns, console.width, heavy=heavy)
        if widths is not None:
            break
    else:  # narrower than any layout: words must fold
        columns, heavy = layouts[-1]
        widths = [None] * len(columns)
    console.print(title)  # above the table, as wide as the console, not wrapped to the table
    console.print(build_table(columns, widths, heavy=heavy, title=None))
    if any(c.when and c.when.source == "article" for c in document.claims):
        console.print(Text("* dated by the article's publication date", style="dim"))
