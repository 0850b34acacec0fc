"""The compare matrix and timeline at 80, 100 and 120 columns: every line fits, outlets
that do not fit fold into a count, article text is never read as markup."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from claimcmp.comparison.grouping import compare_documents
from claimcmp.render.compare_matrix import fitting_outlets, render_matrix, render_timeline
from claimcmp.timeline import parse_actors, relation_series
from compare_fixtures import claim, document, span, story

OUTLETS = ["Northern Ledger", "Coastal Herald", "Evening Wire", "Capital [red]Post[/red]", "Morning Star",
           "Valley Gazette", "Harbour Times", "Plains Courier", "Mountain Echo", "River Chronicle",
           "Island Observer", "Desert Sun"]


def crowd():
    """Twelve outlets: all tell that Turkey and Iran cooperate, the last three deny it."""
    docs = []
    for n, outlet in enumerate(OUTLETS):
        negated = n >= 9
        docs.append(document(f"o{n}", outlet, "2019-05-0" + str(1 + n % 9), [
            claim(f"o{n}", 0, f"Outlet {n}: Ankara and Tehran {'do not ' if negated else ''}cooperate.",
                  "TUR", "cooperate", "cooperation", "IRN", polarity="negative" if negated else "positive",
                  when=span("2019-05-01")),
            claim(f"o{n}", 1, f"Outlet {n}: Turkey criticized France.", "TUR", "criticize", "conflict", "FRA",
                  when=span("2019-05-02")),
        ]))
    return compare_documents(docs)


def render(doc, width, view="matrix", **kwargs):
    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True, force_terminal=False)
    if view == "matrix":
        render_matrix(doc, console, **kwargs)
    else:
        render_timeline(relation_series(doc, **kwargs), console)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 100, 120])
def test_every_matrix_line_fits_the_width(width):
    lines = render(crowd(), width)
    assert max(len(line) for line in lines) <= width


@pytest.mark.parametrize("width, shown, folded", [(80, 3, "7✓2✗"), (100, 5, "5✓2✗"), (120, 7, "4✓1✗")])
def test_outlets_beyond_the_width_fold_into_a_count(width, shown, folded):
    lines = render(crowd(), width)
    assert fitting_outlets(OUTLETS, width) == shown
    header = lines[1]
    assert header.rstrip().endswith(f"+{12 - shown} more")
    # outlets in name order; in the contested row the folded outlets' marks are counted
    assert header.split()[4:4 + shown] == [name[:7].rstrip() + "…" for name in sorted(OUTLETS)[:shown]]
    row = next(line for line in lines if line.startswith("TUR cooperate IRN"))
    assert row.split()[-1] == folded


def test_a_few_outlets_fit_without_a_fold_column():
    lines = render(compare_documents(story()), 100)
    assert "more" not in lines[1]
    assert lines[1].split() == ["claim", "(first", "outlet's", "words)", "Daily", "A…", "Beta", "Ti…",
                                "Delta", "N…", "Gamma", "<…"]


def test_article_text_is_never_read_as_markup():
    lines = render(crowd(), 120)
    assert any("Capital…" in line for line in lines)  # "[red]" is not eaten as a style tag
    docs = [document("m", "Mark [bold]Up[/bold]", "2019-05-01", [
        claim("m", 0, "x", "TUR", "cooperate [b]", "cooperation", "IRN", when=span("2019-05-01"))])]
    out = render(compare_documents(docs), 120)
    assert any("TUR cooperate [b] IRN" in line for line in out)


def test_rows_are_limited_and_the_rest_counted():
    lines = render(crowd(), 100, rows=1)
    assert lines[-2] == "… 1 more groups (--rows 0 shows all)"


@pytest.mark.parametrize("width", [80, 100, 120])
def test_timeline_lines_fit_and_mark_cooperation_and_conflict(width):
    lines = render(crowd(), width, view="timeline", actors=parse_actors("TUR,IRN"))
    assert max(len(line) for line in lines) <= width
    assert lines[0] == "IRN – TUR   1 May 2019 … 1 May 2019"
    assert lines[1].startswith("Northern Led… +")
    assert lines[1].rstrip().endswith("1+ 0-")
    assert lines[10].rstrip().endswith("0+ 1-")
    assert lines[-1] == "+ cooperation   - conflict   ± both   · nothing said"


def test_parse_actors():
    assert parse_actors(" rus, USA ,,rus") == ("RUS", "USA")
    assert parse_actors(None) == ()
