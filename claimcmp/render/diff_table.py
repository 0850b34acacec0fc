"""A diff of two articles as rich tables: conflicts first, then shifts, agreements, and
what only one side says. Styles only; whether they become colour is the console's call.
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcmp.align import actor_key, format_span, region_countries
from claimcmp.models import Actor, Article, Claim, DiffDocument, Pair
from claimcmp.render.layout import Column, build_table, fit_widths, plural

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
    if claim.modality != "asserted":  # a predicted or hoped-for act must not read as a fact
        stance += f" [{claim.modality}]"
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
        "stance": (a.stance, a.polarity, a.family, a.modality) != (b.stance, b.polarity, b.family, b.modality),
        "whom": key(a.target) != key(b.target) and not same_actors,
        "where": region_countries(a) != region_countries(b),
        "when": (a.when.start, a.when.end) != (b.when.start, b.when.end)
        if a.when and b.when else a.when != b.when,
    }
    decisive = {"conflict": "stance", "shifted": "when"}.get(pair.relation)
    return {slot: DECISIVE if slot == decisive else DIFFERENT if differs[slot] else ""
            for slot in SLOTS}


def _only_columns(claims: list[Claim]) -> dict[str, Column]:
    cells = [_cells(claim) for claim in claims]
    columns = {slot: Column(slot, [Text(c[slot]) for c in cells], cap=20, whole=11 if slot == "when" else 0)
               for slot in SLOTS}
    columns["#"] = Column("#", [Text(str(n)) for n in range(1, len(claims) + 1)])
    columns["sentence"] = Column("sentence", [Text(_truncate(c.sentence)) for c in claims],
                                 flexible=True, min_width=30, want=40)
    return columns


def _stack(header: str, parts: list[Column]) -> Column:
    """Columns as one, a line each ("RUS" over "attack" over "ISIS")."""
    cells = [Text("\n").join(row) for row in zip(*(p.cells for p in parts))]
    return Column(header, cells, cap=max(p.cap for p in parts), whole=max(p.whole for p in parts))


def _only_layouts(claims: list[Claim]):
    """Richest first: a box with every slot, no box, where and when stacked, then the claim
    itself stacked too. The sentence keeps at least 30 characters in each."""
    c = _only_columns(claims)
    slots = [c[slot] for slot in SLOTS]
    place_time = _stack("where / when", [c["where"], c["when"]])
    yield [c["#"], *slots, c["sentence"]], True
    yield [c["#"], *slots, c["sentence"]], False
    yield [c["#"], c["who"], c["stance"], c["whom"], place_time, c["sentence"]], False
    yield [c["#"], _stack("claim", [c["who"], c["stance"], c["whom"]]), place_time, c["sentence"]], False


def _laid_out(layouts, width: int, title: Text, *, expand: bool = True) -> Table:
    """The first layout whose words all fit in width; else the last, folded by rich."""
    layouts = list(layouts)
    for columns, heavy in layouts:
        widths = fit_widths(columns, width, heavy=heavy)
        if widths is not None:
            return build_table(columns, widths, heavy=heavy, title=title, expand=expand)
    columns, heavy = layouts[-1]
    return build_table(columns, [None] * len(columns), heavy=heavy, title=title, expand=expand)


def _title(title: str, count: int) -> Text:
    return Text(f"{title} ({count})", style="bold")


def _only_table(title: str, claims: list[Claim], width: int) -> Table:
    return _laid_out(_only_layouts(claims), width, _title(title, len(claims)))


def _pair_columns(pairs: list[Pair]) -> list[Column]:
    """One block per pair, a row per slot, so A's wording stands beside B's."""
    columns = [Column("#"), Column("slot", style="dim"),
               Column("A", flexible=True, min_width=20), Column("B", flexible=True, min_width=20)]
    for n, pair in enumerate(pairs, 1):
        styles = _differing(pair)
        a, b = _cells(pair.a), _cells(pair.b)
        rows = [(slot, Text(a[slot], style=styles[slot]), Text(b[slot], style=styles[slot]))
                for slot in SLOTS]
        rows.append(("sentence", Text(_truncate(pair.a.sentence)), Text(_truncate(pair.b.sentence))))
        rows.append(("why", Text(pair.why, style="italic"),
                     Text(f"{pair.relation}, score {pair.score:.2f}", style="dim")))
        for k, (slot, left, right) in enumerate(rows):
            for column, cell in zip(columns, (Text(str(n) if k == 0 else ""), Text(slot), left, right)):
                column.cells.append(cell)
    return columns


def _pairs_table(title: str, pairs: list[Pair], width: int, total: int) -> Table:
    columns = _pair_columns(pairs)
    table = _laid_out([(columns, True), (columns, False)], width, _title(title, total))
    per_pair = len(SLOTS) + 2
    for end in range(per_pair - 1, len(pairs) * per_pair, per_pair):
        table.rows[end].end_section = True  # a rule between pairs
    return table


def _header(side: str, article: Article) -> Text:
    date = article.published.date.isoformat() if article.published.date else "undated"
    text = Text(f"{side}  ", style="bold")
    text.append(article.title or article.id, style="bold")
    details = [article.source or "source unknown", date]
    text.append("  " + " · ".join(details), style="dim")
    return text


def one_pair_per_claim(pairs: list[Pair]) -> tuple[list[Pair], int]:
    """The pairs to show when each claim is to be shown once: best first, a pair is kept
    only when neither of its claims is already shown; and how many were left out."""
    seen_a: set[str] = set()
    seen_b: set[str] = set()
    kept = []
    for pair in pairs:
        if pair.a.id not in seen_a and pair.b.id not in seen_b:
            kept.append(pair)
            seen_a.add(pair.a.id)
            seen_b.add(pair.b.id)
    return kept, len(pairs) - len(kept)


RELATIONS = (("Conflicts", "conflict", "conflict"), ("Shifted", "shifted", "shifted pair"),
             ("Agreements", "agree", "agreement"))


def _summary(by_relation: dict[str, list[Pair]], diff: DiffDocument) -> Text:
    counts = [plural(len(by_relation["conflict"]), "conflict"),
              f"{len(by_relation['shifted'])} shifted",
              plural(len(by_relation["agree"]), "agreement"),
              f"{len(diff.only_a)} only in A", f"{len(diff.only_b)} only in B"]
    return Text(", ".join(counts), style="dim")


def render_diff(diff: DiffDocument, console: Console, *, every_pair: bool = False) -> None:
    """Print a diff document: article headers, then one table per relation. Unless
    every_pair, a claim paired with several claims of the other side is shown once, with
    its best partner; a line under the table counts the pairs left out."""
    console.print(_header("A", diff.a))
    console.print(_header("B", diff.b))
    by_relation = {rel: [p for p in diff.pairs if p.relation == rel] for _, rel, _ in RELATIONS}
    console.print(_summary(by_relation, diff))
    for title, rel, noun in RELATIONS:
        console.print()
        shown, hidden = (by_relation[rel], 0) if every_pair else one_pair_per_claim(by_relation[rel])
        if not shown:
            console.print(Text(f"{title} (0): none", style="bold"))
            continue
        console.print(_pairs_table(title, shown, console.width, len(by_relation[rel])))
        if hidden:
            more = plural(hidden, f"more {noun}")
            console.print(Text(f"{more} with a claim shown above: --all lists every pair",
                               style="dim"))
    for title, claims in (("Only in A", diff.only_a), ("Only in B", diff.only_b)):
        console.print()
        if claims:
            console.print(_only_table(title, claims, console.width))
        else:
            console.print(Text(f"{title} (0): none", style="bold"))
