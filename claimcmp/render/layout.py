"""Tables laid out for the console's width with words kept whole.

rich shrinks every column alike when a table is too wide, breaking ids mid-word
("UNILATER/AL") and squeezing a sentence to a strip three characters wide. Here each
column gets its width up front: wide columns give way down to their longest word, and when
even that does not fit, the caller tries a more compact layout (a lighter box, columns
folded together) instead of letting words break.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

MAX_WORD = 22  # a longer word (a URL, a long id) may fold: it would eat the table


@dataclass
class Column:
    """A column and its cells; `flexible` takes whatever width the others leave, at least
    `min_width`."""

    header: str
    cells: list[Text] = field(default_factory=list)
    cap: int = 30
    flexible: bool = False
    min_width: int = 0
    style: str = ""
    whole: int = 0  # lines up to this long are never wrapped ("28 Mar 2017")
    want: int = 0  # a flexible column's comfortable width, taken from the others' spare room


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 conflict', '2 conflicts', '0 agreements'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def _longest_line(column: Column) -> int:
    lines = [column.header] + [line for cell in column.cells for line in cell.plain.splitlines()]
    return max(cell_len(line) for line in lines)


def _floor(column: Column) -> int:
    """The narrowest the column may be: its longest word, or its longest short line."""
    words = column.header.split() + [w for cell in column.cells for w in cell.plain.split()]
    short = [cell_len(line) for cell in column.cells for line in cell.plain.splitlines()
             if cell_len(line) <= column.whole]
    return min(max([cell_len(w) for w in words] + short), max(MAX_WORD, column.whole))


def overhead(columns: int, *, heavy: bool) -> int:
    """Characters a table spends on borders and padding: a heavy box has edges and a bar
    between columns, each column one space either side; a light one two spaces between."""
    return 3 * columns + 1 if heavy else 2 * (columns - 1)


def _line_lengths(column: Column) -> list[int]:
    return [cell_len(line) for cell in column.cells for line in cell.plain.splitlines()]


def _shrink(widths: list[int], floors: list[int], lines: list[list[int]], fixed: list[int],
            need: int) -> bool:
    """Narrow the `fixed` columns a character at a time until they add up to need, each
    time the column where the fewest lines would wrap (a mostly empty "said by" before a
    column of names), the widest of those; False when every one is at its floor."""
    while sum(widths[i] for i in fixed) > need:
        shrinkable = [i for i in fixed if widths[i] > floors[i]]
        if not shrinkable:
            return False

        def cost(i: int) -> tuple[int, int, int]:
            return sum(1 for n in lines[i] if n >= widths[i]), -widths[i], i

        widths[min(shrinkable, key=cost)] -= 1
    return True


def fit_widths(columns: list[Column], width: int, *, heavy: bool) -> list[int] | None:
    """Widths for the columns within `width`, or None when not every word fits whole.
    The flexible columns get what is left: `want` each if the others can give it up
    without breaking words, else at least `min_width`."""
    room = width - overhead(len(columns), heavy=heavy)
    flexible = [i for i, c in enumerate(columns) if c.flexible]
    fixed = [i for i, c in enumerate(columns) if not c.flexible]
    floors = [c.min_width if c.flexible else _floor(c) for c in columns]
    # a column grows to its cap, or to its longest word if that is longer
    widths = [max(min(_longest_line(c), c.cap), floor) for c, floor in zip(columns, floors)]
    wanted = sum(max(columns[i].want, columns[i].min_width) for i in flexible)
    lines = [_line_lengths(c) for c in columns]
    # The others give way down to their longest words for the flexible ones to have
    # `want`; failing that, the flexible ones make do with what remains, if min_width.
    if not _shrink(widths, floors, lines, fixed, room - wanted) and \
            sum(widths[i] for i in fixed) > room - sum(floors[i] for i in flexible):
        return None
    left = room - sum(widths[i] for i in fixed)
    for n, i in enumerate(flexible):  # share what is left; the first takes the odd one
        widths[i] = left // len(flexible) + (1 if n < left % len(flexible) else 0)
    return widths


def build_table(columns: list[Column], widths: list[int], *, heavy: bool, title: Text | None,
                expand: bool = False) -> Table:
    """A rich Table with fixed widths; padding and box match `overhead`."""
    table = Table(title=title, title_justify="left", expand=expand,
                  box=box.HEAVY_HEAD if heavy else box.SIMPLE_HEAD,
                  show_edge=heavy, pad_edge=heavy, padding=(0, 1) if heavy else (0, 1, 0, 0),
                  collapse_padding=False)
    for column, width in zip(columns, widths):
        table.add_column(column.header, width=width, overflow="fold", style=column.style or None)
    for row in zip(*(c.cells for c in columns)):
        table.add_row(*row)
    return table
