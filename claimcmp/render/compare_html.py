"""`compare --format html`: one self-contained page (no network: no scripts, fonts or
styles fetched) with the matrix, the timeline drawn as inline SVG, and each group's
sentences with their outlets. Every piece of article text goes through html.escape.
"""
from __future__ import annotations

import datetime as dt
from html import escape

from claimcmp.models import CompareDocument, CompareGroup
from claimcmp.render.compare_matrix import LEGEND, group_label, member_mark, outlet_of, ranked_outlets
from claimcmp.timeline import PairSeries, relation_series

MARKS = {"agree": ("✓", "asserts"), "conflict": ("✗", "contradicts"),
         "earlier": ("◀", "tells an earlier state"), "later": ("▶", "tells a later state")}
COLOURS = {1: "#2e7d32", -1: "#c62828"}
CHART_WIDTH = 960
LABEL_WIDTH = 220
ROW_HEIGHT = 24

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
margin:24px;color:#1b1b1b;background:#fff;line-height:1.4}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid #ddd}
.summary{color:#555;margin:0 0 12px}.legend{color:#555;font-size:.9em}
.scroll{overflow-x:auto}
table.matrix{border-collapse:collapse;font-size:.9em}
.matrix th,.matrix td{border:1px solid #e3e3e3;padding:3px 6px;text-align:center}
.matrix th.claim,.matrix td.claim{text-align:left;min-width:22em}
.matrix thead th{background:#f6f6f6;font-weight:600;vertical-align:bottom}
.matrix th.outlet{padding:4px 2px;min-width:1.8em}
.up{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:11em;
overflow:hidden;text-overflow:ellipsis;margin:0 auto;font-size:.9em}
.matrix tr.contested td.claim{font-weight:600}
.matrix td a{color:inherit;text-decoration:none}
td.agree,span.agree{color:#2e7d32}td.conflict,span.conflict{color:#c62828;font-weight:700}
td.earlier,td.later,span.earlier,span.later{color:#a66b00}td.silent{color:#bbb}
.group{border:1px solid #e3e3e3;border-radius:6px;padding:8px 12px;margin:10px 0}
.group.contested{border-color:#c62828}.group h3{font-size:1em;margin:0 0 4px}
.why{color:#555;font-size:.9em;margin:0 0 6px}.group ul{margin:0;padding-left:1.2em}
.badge{display:inline-block;min-width:7.5em;font-size:.85em;font-weight:600}
.outlet{font-weight:600}.meta{color:#777;font-size:.85em}
svg text{font-family:inherit;font-size:12px;fill:#333}
details{margin:8px 0}summary{cursor:pointer;color:#555}
"""


def render_html(document: CompareDocument, *, actors: tuple[str, ...] = ()) -> str:
    outlets = ranked_outlets(document)
    groups = document.groups
    contested = sum(g.contested for g in groups)
    # audit: code (HTML lines of the page head, not words)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>claimcmp compare: claims across outlets</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Claims across outlets</h1>",
        f'<p class="summary" id="summary">{len(document.articles)} articles from {len(outlets)} outlets; '
        f"{len(groups)} claim groups, {contested} contested, "
        f"{sum(len(g.outlets) > 1 for g in groups)} told by several outlets.</p>",
        _matrix(document, outlets),
        _timeline(relation_series(document, actors=actors)),
        _groups(groups),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _matrix(document: CompareDocument, outlets: list[str]) -> str:
    # names written upwards and cut at a fixed height: dozens of outlets stay one screen wide
    head = "".join(f'<th scope="col" class="outlet" title="{escape(name)}"><div class="up">{escape(name)}</div></th>'
                   for name in outlets)
    head = f'<thead><tr><th scope="col" class="claim">claim (first outlet\'s words)</th>{head}</tr></thead>'
    shared = [g for g in document.groups if g.contested or len(g.outlets) > 1]
    single = [g for g in document.groups if not (g.contested or len(g.outlets) > 1)]
    table = f'<div class="scroll"><table class="matrix">{head}<tbody>{_rows(shared, outlets)}</tbody></table></div>'
    if single:
        # what one outlet alone says: kept, folded away below the shared claims
        table += (f'<details id="single"><summary>{len(single)} claim group{"s" if len(single) != 1 else ""} told by one outlet only</summary>'
                  f'<div class="scroll"><table class="matrix">{head}<tbody>{_rows(single, outlets)}'
                  "</tbody></table></div></details>")
    return ('<section id="matrix"><h2>Who says what</h2>'
            f'<p class="legend">{escape(LEGEND)}</p>{table}</section>')


def _rows(groups: list[CompareGroup], outlets: list[str]) -> str:
    rows = []
    for group in groups:
        marks: dict[str, list[str]] = {}
        first = group.members[0].claim
        for member in group.members:
            marks.setdefault(outlet_of(member), []).append(member_mark(member, first))
        cells = "".join(_cell(marks.get(name, []), name) for name in outlets)
        css = ' class="contested"' if group.contested else ""
        rows.append(f'<tr{css} data-group="{escape(group.id)}"><td class="claim">'
                    f'<a href="#{escape(group.id)}">{escape(group_label(group))}</a></td>{cells}</tr>')
    return "".join(rows)


def _cell(marks: list[str], outlet: str) -> str:
    if not marks:
        return f'<td class="silent" title="{escape(outlet)}: silent">·</td>'
    kinds = list(dict.fromkeys(marks))
    title = f"{outlet}: " + ", ".join(MARKS[k][1] for k in kinds)
    symbols = "".join(f'<span class="{k}">{MARKS[k][0]}</span>' for k in kinds)
    return f'<td class="{" ".join(kinds)}" title="{escape(title)}">{symbols}</td>'


def _timeline(series: list[PairSeries]) -> str:
    if not series:
        return ('<section id="timeline"><h2>Relations over time</h2>'
                "<p>No dated claims between two actors to draw.</p></section>")
    charts = "".join(_chart(item) for item in series)
    return ('<section id="timeline"><h2>Relations over time</h2><p class="legend">'
            f'<span style="color:{COLOURS[1]}">■ cooperation</span> &nbsp; '
            f'<span style="color:{COLOURS[-1]}">■ conflict</span> (negated acts count against '
            "their family); one line per outlet, each mark a claim's time span</p>"
            f"{charts}</section>")


def _chart(item: PairSeries) -> str:
    first, last = item.span()
    days = max(1, (last - first).days + 1)
    plot = CHART_WIDTH - LABEL_WIDTH - 20
    height = ROW_HEIGHT * (len(item.by_outlet) + 1) + 10

    def x(day: dt.date) -> float:
        return LABEL_WIDTH + plot * (day - first).days / days

    shapes = []
    for row, (outlet, points) in enumerate(item.by_outlet.items()):
        y = 10 + row * ROW_HEIGHT
        shapes.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" text-anchor="end">{escape(_cut(outlet, 28))}<title>{escape(outlet)}</title></text>')
        shapes.append(f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + plot}" y1="{y + 10}" y2="{y + 10}" '
                      'stroke="#e3e3e3"/>')
        for point in points:
            left = x(point.start)
            width = max(4.0, x(point.end + dt.timedelta(days=1)) - left)
            tip = f"{point.stance}, {point.start}–{point.end}: {point.sentence}"
            shapes.append(f'<rect x="{left:.1f}" y="{y + 3}" width="{width:.1f}" height="14" rx="2" '
                          f'fill="{COLOURS[point.value]}" fill-opacity="0.75"><title>{escape(tip)}</title></rect>')
    axis_y = 10 + len(item.by_outlet) * ROW_HEIGHT
    shapes.append(f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + plot}" y1="{axis_y}" y2="{axis_y}" stroke="#999"/>')
    for tick, label in _ticks(first, last):
        shapes.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{axis_y}" y2="{axis_y + 4}" stroke="#999"/>'
                      f'<text x="{x(tick):.1f}" y="{axis_y + 16}" text-anchor="middle">{label}</text>')
    title = f"{item.actors[0]} – {item.actors[1]}"
    return (f'<figure class="chart" data-pair="{escape(title)}"><figcaption><b>{escape(title)}</b> '
            f"({len(item.points())} claims)</figcaption>"
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{height + 14}" '
            f'viewBox="0 0 {CHART_WIDTH} {height + 14}" role="img" aria-label="{escape(title)} over time">'
            f'{"".join(shapes)}</svg></figure>')


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Year starts for long ranges, month starts for shorter ones, at most about 8; the
    first day alone when the range is within one month."""
    span = (last - first).days
    if span > 3 * 365:
        step = max(1, (last.year - first.year) // 8 + 1)
        return [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1, step)] or [(first, str(first.year))]
    months = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, len(months) // 8 + (1 if len(months) % 8 else 0))
    ticks = [(m, f"{m:%b %Y}") for m in months[::step]]
    return ticks or [(first, f"{first.day} {first:%b %Y}")]


def _groups(groups: list[CompareGroup]) -> str:
    items = []
    for group in groups:
        first = group.members[0].claim
        lines = []
        for member in group.members:
            mark = member_mark(member, first)
            date = member.claim.when.start.isoformat() if member.claim.when else "undated"
            lines.append(f'<li><span class="badge {mark}">{MARKS[mark][0]} {escape(MARKS[mark][1])}</span> '
                         f'<span class="outlet">{escape(outlet_of(member))}</span> '
                         f'<span class="meta">({escape(member.article_id)}, {date})</span>: '
                         f"“{escape(member.claim.sentence)}”</li>")
        css = "group contested" if group.contested else "group"
        items.append(f'<article class="{css}" id="{escape(group.id)}"><h3>{escape(group_label(group))}</h3>'
                     f'<p class="why">{escape(group.why)}</p><ul>{"".join(lines)}</ul></article>')
    return f'<section id="groups"><h2>Groups and their sentences</h2>{"".join(items)}</section>'
