"""A diff of two articles as rich tables: conflicts first, then shifts, agreements, and
what only one side says. Styles only; whether they become colour is the console's call.
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcmp.comparison.align import actor_key, format_span, region_countries
from claimcmp.models import Actor, Article, Claim, DiffDocument, Pair

SENTENCE_CHARS = 160
# The slot that makes the relation (stance for a conflict, time for a shift) is marked
# loudest; other slots that differ are only emphasised.
DECISIVE = "bold red"
DIFFERENT = "bold"
SLOTS = ("who", "stance", "whom", "where", "when")


def _truncate(text: str, limit: int = SENTENCE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    key = actor_key(actor)
    if actor.kind == "person":
        # The surname is enough beside the affiliation the alignment used.
        surname = actor.name.split()[-1] if actor.name.strip() else actor.id
        return f"{surname} ({key})" if key != actor.id.upper() else actor.name
    return key


def _cells(claim: Claim) -> dict[str, str]:
    stance = ("not " if claim.polarity == "negative" else "") + claim.stance
    if claim.family != "neutral":
        stance += f" [{claim.family[:4]}]"
    where = ", ".join(r.name for r in claim.regions) or "—"
    return {
        "who": _actor(claim.subject),
        "stance": stance,
        "whom": _actor(claim.target) if claim.target else (claim.topic or "—"),
        "where": where,
        "when": format_span(claim.when) if claim.when else "—",
    }


def _differing(pair: Pair) -> dict[str, str]:
    """Style per slot: which slots of the two claims differ, and which one decides."""
    a, b = pair.a, pair.b

    def key(actor: Actor | None) -> str | None:
        return actor_key(actor) if actor else None

    # A mutual relation told the other way round has the same actors: not a difference.
    same_actors = {key(a.subject), key(a.target)} == {key(b.subject), key(b.target)}
    differs = {
        "who": key(a.subject) != key(b.subject) and not same_actors,
        "stance": (a.stance, a.polarity, a.family) != (b.stance, b.polarity, b.family),
        "whom": key(a.target) != key(b.target) and not same_actors,
        "where": region_countries(a) != region_countries(b),
        "when": (a.when.start, a.when.end) != (b.when.start, b.when.end)
        if a.when and b.when else a.when != b.when,
    }
    decisive = {"conflict": "stance", "shifted": "when"}.get(pair.relation)
    return {slot: DECISIVE if slot == decisive else DIFFERENT if differs[slot] else ""
            for slot in SLOTS}


def _only_table(title: str, claims: list[Claim]) -> Table:
    table = Table(title=f"{title} ({len(claims)})", title_justify="left", title_style="bold",
                  expand=True)
    # Slots get fixed widths that fit their usual values ("28 Mar 2017", "not cooperate");
    # whatever the terminal has left goes to the sentence.
    table.add_column("#", no_wrap=True, width=3)
    table.add_column("who", width=10, overflow="fold")
    table.add_column("stance", width=15, overflow="fold")
    table.add_column("whom", width=8, overflow="fold")
    table.add_column("where", width=8, overflow="fold")
    table.add_column("when", width=11, overflow="fold")
    table.add_column("sentence", ratio=1, min_width=20, overflow="fold")
    for n, claim in enumerate(claims, 1):
        cells = _cells(claim)
        # Text, not str: rich would read "[coop]" or a bracketed citation as markup.
        table.add_row(str(n), *[Text(cells[slot]) for slot in SLOTS],
                      Text(_truncate(claim.sentence)))
    return table


def _pairs_table(title: str, pairs: list[Pair]) -> Table:
    """One block per pair, a row per slot, so A's wording stands beside B's."""
    table = Table(title=f"{title} ({len(pairs)})", title_justify="left", title_style="bold",
                  expand=True)
    table.add_column("#", no_wrap=True, width=3)
    table.add_column("slot", no_wrap=True, width=8, style="dim")
    table.add_column("A", ratio=1, overflow="fold")
    table.add_column("B", ratio=1, overflow="fold")
    for n, pair in enumerate(pairs, 1):
        styles = _differing(pair)
        a, b = _cells(pair.a), _cells(pair.b)
        for k, slot in enumerate(SLOTS):
            table.add_row(str(n) if k == 0 else "", slot, Text(a[slot], style=styles[slot]),
                          Text(b[slot], style=styles[slot]))
        table.add_row("", "sentence", Text(_truncate(pair.a.sentence)),
                      Text(_truncate(pair.b.sentence)))
        table.add_row("", "why", Text(pair.why, style="italic"),
                      Text(f"{pair.relation}, score {pair.score:.2f}", style="dim"),
                      end_section=True)
    return table


def _header(side: str, article: Article) -> Text:
    date = article.published.date.isoformat() if article.published.date else "undated"
    text = Text(f"{side}  ", style="bold")
    text.append(article.title or article.id, style="bold")
    details = [article.source or "source unknown", date]
    text.append("  " + " · ".join(details), style="dim")
    return text


def render_diff(diff: DiffDocument, console: Console) -> None:
    """Print a diff document: article headers, then one table per relation."""
    console.print(_header("A", diff.a))
    console.print(_header("B", diff.b))
    by_relation = {rel: [p for p in diff.pairs if p.relation == rel]
                   for rel in ("conflict", "shifted", "agree")}
    console.print(Text(
        f"{len(by_relation['conflict'])} conflicts, {len(by_relation['shifted'])} shifted, "
        f"{len(by_relation['agree'])} agreements, {len(diff.only_a)} only in A, "
        f"{len(diff.only_b)} only in B", style="dim"))
    for title, rel in (("Conflicts", "conflict"), ("Shifted", "shifted"), ("Agreements", "agree")):
        console.print()
        if by_relation[rel]:
            console.print(_pairs_table(title, by_relation[rel]))
        else:
            console.print(Text(f"{title} (0): none", style="bold"))
    for title, claims in (("Only in A", diff.only_a), ("Only in B", diff.only_b)):
        console.print()
        if claims:
            console.print(_only_table(title, claims))
        else:
            console.print(Text(f"{title} (0): none", style="bold"))
