"""A diff of two articles as rich tables: conflicts first, then shifts, agreements, and
what only one side says. Styles only; whether they become colour is the console's call.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcmp.comparison.align import actor_key, format_span, region_countries
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
        "who": ", ".join(map(_actor, (claim.subject, *claim.co_subjects))),
        "stance": stance,
        "whom": ", ".join(map(_actor, (claim.target, *claim.co_targets))) if claim.target else (claim.topic or "—"),
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


@dataclass
class Also:
    """A further claim, shown on one line in a block: on `side` ("A" or "B"), paired by
    `pair` with the block's claim on the other side, or with the line labelled `via`."""

    side: str
    pair: Pair
    label: str
    via: str | None = None


@dataclass
class Block:
    """A pair shown in full, and the further claims paired with it, a line each."""

    number: int
    pair: Pair
    also: list[Also] = field(default_factory=list)

    def add(self, side: str, pair: Pair, via: str | None = None) -> Also:
        self.also.append(Also(side, pair, f"{self.number}.{len(self.also) + 1}", via))
        return self.also[-1]


def group_pairs(pairs: list[Pair]) -> tuple[list[Block], int]:
    """Blocks that show every paired claim once, best pairs first: a pair of two claims
    not yet shown opens a block; a claim not yet shown whose partner is shown joins the
    partner's block on one line; a pair of two claims both shown is only counted (the
    second number)."""
    blocks: list[Block] = []
    where: dict[tuple[str, str], tuple[Block, str | None]] = {}  # claim -> block, its line
    hidden = 0
    for pair in pairs:
        a, b = ("A", pair.a.id), ("B", pair.b.id)
        if a in where and b in where:
            hidden += 1
        elif a in where or b in where:
            new, known = (b, a) if a in where else (a, b)
            block, line = where[known]
            where[new] = block, block.add(new[0], pair, via=line).label
        else:
            blocks.append(Block(len(blocks) + 1, pair))
            where[a] = where[b] = blocks[-1], None
    return blocks, hidden


def _one_line(claim: Claim) -> str:
    """'USA agree [coop] RUS, 9 Dec 2016: <sentence>', leaving out empty slots."""
    cells = _cells(claim)
    words = " ".join(cells[slot] for slot in ("who", "stance", "whom") if cells[slot] != "—")
    when = f", {cells['when']}" if cells["when"] != "—" else ""
    return f"{words}{when}: {_truncate(claim.sentence, 100)}"


def _block_rows(block: Block) -> list[tuple[str, Text, Text]]:
    """(slot, A cell, B cell) rows: one a slot, the sentences, why, then any further claims."""
    pair = block.pair
    styles = _differing(pair)
    a, b = _cells(pair.a), _cells(pair.b)
    rows = [(slot, Text(a[slot], style=styles[slot]), Text(b[slot], style=styles[slot]))
            for slot in SLOTS]
    rows.append(("sentence", Text(_truncate(pair.a.sentence)), Text(_truncate(pair.b.sentence))))
    rows.append(("why", Text(pair.why, style="italic"),
                 Text(f"{pair.relation}, score {pair.score:.2f}", style="dim")))
    for also in block.also:
        claim = Text(_one_line(also.pair.a if also.side == "A" else also.pair.b))
        partner = f" with {also.via}" if also.via else ""
        score = Text(f"also {also.pair.relation}{partner}, score {also.pair.score:.2f}", style="dim")
        rows.append((also.label, claim, score) if also.side == "A" else (also.label, score, claim))
    return rows


def _pair_columns(blocks: list[Block]) -> tuple[list[Column], list[int]]:
    """One block per pair, a row per slot, so A's wording stands beside B's; and the
    index of each block's last row."""
    columns = [Column("#"), Column("slot", style="dim"),
               Column("A", flexible=True, min_width=20), Column("B", flexible=True, min_width=20)]
    ends = []
    for block in blocks:
        for k, (slot, left, right) in enumerate(_block_rows(block)):
            for column, cell in zip(columns, (Text(str(block.number) if k == 0 else ""), Text(slot),
                                              left, right)):
                column.cells.append(cell)
        ends.append(len(columns[0].cells) - 1)
    return columns, ends


def _pairs_table(title: str, blocks: list[Block], width: int, total: int) -> Table:
    columns, ends = _pair_columns(blocks)
    table = _laid_out([(columns, True), (columns, False)], width, _title(title, total))
    for end in ends:
        table.rows[end].end_section = True  # a rule between pairs
    return table


def _header(side: str, article: Article) -> Text:
    date = article.published.date.isoformat() if article.published.date else "undated"
    text = Text(f"{side}  ", style="bold")
    text.append(article.title or article.id, style="bold")
    details = [article.source or "source unknown", date]
    text.append("  " + " · ".join(details), style="dim")
    return text


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
    every_pair, each claim is shown once a relation: in full with its best partner, or on
    one line in the block of the claim it is paired with; a line under the table counts
    the pairs of two claims already shown."""
    console.print(_header("A", diff.a))
    console.print(_header("B", diff.b))
    by_relation = {rel: [p for p in diff.pairs if p.relation == rel] for _, rel, _ in RELATIONS}
    console.print(_summary(by_relation, diff))
    for title, rel, noun in RELATIONS:
        console.print()
        pairs = by_relation[rel]
        blocks, hidden = ([Block(n, p) for n, p in enumerate(pairs, 1)], 0) if every_pair \
            else group_pairs(pairs)
        if not blocks:
            console.print(Text(f"{title} (0): none", style="bold"))
            continue
        console.print(_pairs_table(title, blocks, console.width, len(pairs)))
        if hidden:
            more = plural(hidden, f"more {noun}")
            console.print(Text(f"{more} between claims shown above: --all lists every pair",
                               style="dim"))
    for title, claims in (("Only in A", diff.only_a), ("Only in B", diff.only_b)):
        console.print()
        if claims:
            console.print(_only_table(title, claims, console.width))
        else:
            console.print(Text(f"{title} (0): none", style="bold"))
