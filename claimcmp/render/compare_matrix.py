"""`compare` at the terminal: a matrix of claim groups by outlet, and the timeline.

Rows are claim groups, columns outlets; a cell says how the outlet stands to the group's
first claim: asserts, contradicts, tells an earlier or a later state, or is silent.
Outlets that do not fit the width are folded into one column of counts. All article text
goes into rich Text objects, which rich never reads as markup ("[bold]" in a
sentence stays as written).
"""
from __future__ import annotations

import datetime as dt

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcmp.comparison.align import format_span
from claimcmp.models import Claim, CompareDocument, CompareGroup, CompareMember
from claimcmp.render.diff_table import _actor
from claimcmp.timeline import PairSeries

MARKS = {"agree": ("✓", "green"), "conflict": ("✗", "bold red"), "earlier": ("◀", "yellow"),
         "later": ("▶", "yellow")}
SILENT = ("·", "dim")
LEGEND = "✓ asserts   ✗ contradicts   ◀ earlier state   ▶ later state   · silent"
CLAIM_MIN = 34  # the claim column's least width: "RUS cooperate USA (SYR, 9 Dec 2016)"
OUTLET_CHARS = 8
FOLD_WIDTH = 9


def outlet_of(member: CompareMember) -> str:
    return member.source or member.article_id


def member_mark(member: CompareMember, head: Claim) -> str:
    """agree, conflict, earlier or later: a shifted claim is placed against the head."""
    if member.relation != "shifted":
        return member.relation
    if member.claim.when and head.when and member.claim.when.start < head.when.start:
        return "earlier"
    return "later"


def group_label(group: CompareGroup) -> str:
    head = group.members[0].claim
    stance = ("not " if head.polarity == "negative" else "") + head.stance
    whom = _actor(head.target) if head.target else (head.topic or "—")
    where = "/".join(sorted({r.country for r in head.regions if r.country}))
    when = format_span(head.when) if head.when else ""
    detail = ", ".join(part for part in (where, when) if part)
    return f"{_actor(head.subject)} {stance} {whom}" + (f" ({detail})" if detail else "")


def ranked_outlets(document: CompareDocument) -> list[str]:
    """Outlets by how many groups they appear in, then by name."""
    counts: dict[str, int] = {}
    for group in document.groups:
        for outlet in {outlet_of(m) for m in group.members}:
            counts[outlet] = counts.get(outlet, 0) + 1
    return sorted(counts, key=lambda name: (-counts[name], name))


def _short(name: str, limit: int = OUTLET_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def fitting_outlets(outlets: list[str], width: int) -> int:
    """How many outlet columns fit beside the claim column (and the fold column when some
    outlets are left over)."""
    room = width - CLAIM_MIN
    shown = 0
    used = 0
    for n, name in enumerate(outlets):
        need = len(_short(name)) + 2
        fold = 0 if n == len(outlets) - 1 else FOLD_WIDTH + 2
        if used + need + fold > room:
            break
        used += need
        shown += 1
    return shown


def _cell(marks: list[str]) -> Text:
    if not marks:
        return Text(*SILENT)
    text = Text()
    for mark in dict.fromkeys(marks):
        symbol, style = MARKS[mark]
        text.append(symbol, style=style)
    return text


def _folded(marks: list[str]) -> Text:
    text = Text()
    for mark in ("agree", "conflict", "earlier", "later"):
        count = marks.count(mark)
        if count:
            symbol, style = MARKS[mark]
            text.append(f"{count}{symbol}", style=style)
    return text if text.plain else Text(*SILENT)


def matrix_table(document: CompareDocument, width: int, rows: int) -> Table:
    outlets = ranked_outlets(document)
    shown = outlets[: fitting_outlets(outlets, width)]
    folded = len(outlets) - len(shown)
    table = Table(box=box.SIMPLE_HEAD, expand=False, show_edge=False, pad_edge=False)
    table.add_column("claim (first outlet's words)", min_width=CLAIM_MIN - 2, overflow="fold", ratio=1)
    for name in shown:
        table.add_column(Text(_short(name)), justify="center", no_wrap=True)
    if folded:
        table.add_column(Text(f"+{folded} more"), justify="left", no_wrap=True, width=FOLD_WIDTH)
    for group in document.groups[: rows or None]:
        head = group.members[0].claim
        marks: dict[str, list[str]] = {}
        for member in group.members:
            marks.setdefault(outlet_of(member), []).append(member_mark(member, head))
        label = Text(group_label(group), style="bold" if group.contested else "")
        cells = [_cell(marks.get(name, [])) for name in shown]
        if folded:
            cells.append(_folded([m for name, ms in marks.items() if name not in shown for m in ms]))
        table.add_row(label, *cells)
    return table


def render_matrix(document: CompareDocument, console: Console, *, rows: int = 40) -> None:
    groups = document.groups
    outlets = ranked_outlets(document)
    contested = sum(g.contested for g in groups)
    several = sum(len(g.outlets) > 1 for g in groups)
    console.print(Text(f"{len(document.articles)} articles, {len(outlets)} outlets, {len(groups)} claim "
                       f"groups: {contested} contested, {several} told by several outlets", style="bold"))
    console.print(matrix_table(document, console.width, rows))
    if rows and len(groups) > rows:
        console.print(Text(f"… {len(groups) - rows} more groups (--rows 0 shows all)", style="dim"))
    console.print(Text(LEGEND, style="dim"))


def render_timeline(series: list[PairSeries], console: Console, *, pairs: int = 8) -> None:
    """Per actor pair, one line per outlet across the pair's time range: + cooperation,
    - conflict, ± both in one stretch of time."""
    if not series:
        console.print(Text("no dated claims between two actors to draw", style="dim"))
        return
    name_width = 14
    bins = max(10, min(60, console.width - name_width - 12))
    for item in series[:pairs or None]:
        first, last = item.span()
        days = max(1, (last - first).days + 1)
        console.print(Text(f"{item.actors[0]} – {item.actors[1]}", style="bold"),
                      Text(f"  {_day(first)} … {_day(last)}", style="dim"))
        for outlet, points in item.by_outlet.items():
            strip = [0] * bins  # bit 1: cooperation, bit 2: conflict
            for point in points:
                lo = (point.start - first).days * bins // days
                hi = min(bins - 1, (point.end - first).days * bins // days)
                for n in range(lo, hi + 1):
                    strip[n] |= 1 if point.value > 0 else 2
            line = Text(f"{_short(outlet, name_width - 1):<{name_width}}")
            for cell in strip:
                line.append(*{0: ("·", "dim"), 1: ("+", "green"), 2: ("-", "red"), 3: ("±", "yellow")}[cell])
            plus = sum(p.value > 0 for p in points)
            line.append(f"  {plus}+ {len(points) - plus}-")
            console.print(line)
    console.print(Text("+ cooperation   - conflict   ± both   · nothing said", style="dim"))


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"
