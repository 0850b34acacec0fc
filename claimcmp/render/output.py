"""Where output goes: data to stdout (or --out), messages to stderr.

JSON arrays are opened and closed by the writer itself, so the document on stdout is
well-formed whatever happens to the items in between.
"""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from typing import IO, Iterator

from claimcmp.models import dump


def wants_colour(stream: IO) -> bool:
    """Colour only at a terminal, and not when NO_COLOR is set to anything (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def default_format(stream: IO, terminal_format: str, pipe_format: str) -> str:
    """Tables for people at a terminal (with or without colour); machine formats when piped."""
    return terminal_format if stream.isatty() else pipe_format


def table_width(stream: IO, plain_width: int) -> int | None:
    """None at a terminal (rich asks it, or reads COLUMNS); elsewhere COLUMNS when it is a
    positive number, as rich and most tools do, else plain_width."""
    if stream.isatty():
        return None
    columns = os.environ.get("COLUMNS", "").strip()
    return int(columns) if columns.isdigit() and int(columns) > 0 else plain_width


def console_for(stream: IO[str], *, plain_width: int):
    """A rich Console on stream: coloured at a terminal unless NO_COLOR is set, plain
    elsewhere; as wide as the terminal, else COLUMNS, else plain_width.
    rich answers a closed pipe with SystemExit(1); ours raises BrokenPipeError instead, which
    the commands turn into a quiet exit 0 like every other write to a closed pipe."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    colour = wants_colour(stream)
    return _Console(file=stream, force_terminal=stream.isatty(), no_color=not colour,
                    color_system="auto" if colour else None,
                    width=table_width(stream, plain_width))


class ProgressBar:
    """Call it once per finished article; `paused()` takes the bar off the screen while
    something is printed to the same terminal, so output never lands on the bar's line."""

    def __init__(self, bar=None, task=None):
        self._bar = bar
        self._task = task

    def __call__(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    @contextmanager
    def paused(self) -> Iterator[None]:
        if self._bar is None:
            yield
            return
        self._bar.stop()  # transient: the bar's lines are erased, the cursor at their start
        try:
            yield
        finally:
            self._bar.start()


@contextmanager
def progress(enabled: bool, *, stream: IO[str] | None = None,
             what: str = "articles") -> Iterator[ProgressBar]:
    """A transient progress bar on stderr, counting finished articles. Off (a no-op)
    unless enabled and stderr is a terminal. stdout is never touched: rich's redirection
    of stdout is off, and messages printed on stderr meanwhile go above the bar."""
    stream = stream or sys.stderr
    if not enabled or not stream.isatty():
        yield ProgressBar()
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream, stderr=True)
    bar = Progress(TextColumn("extracting"), BarColumn(), TextColumn("{task.completed} " + what),
                   TimeElapsedColumn(), console=console, transient=True,
                   redirect_stdout=False, redirect_stderr=True)
    with bar:
        yield ProgressBar(bar, bar.add_task("extracting", total=None))


def to_json(model) -> str:
    return json.dumps(dump(model), ensure_ascii=False, indent=2)


class JsonArrayWriter:
    """Streams documents as one JSON array, or a single object when there is exactly one."""

    def __init__(self, stream: IO[str], *, single_as_object: bool = True):
        self.stream = stream
        self.single_as_object = single_as_object
        self._held: str | None = None
        self._count = 0
        self._streamed_object = False  # a single document written as it came (write_part)
        self._members = 0  # claims written of the document being streamed
        self._tail = ""  # what follows its claims array

    def write(self, model) -> None:
        text = to_json(model)
        if self._count == 0 and self.single_as_object:
            self._held = text  # an object unless a second document follows
        else:
            self._open(text)
        self._count += 1

    def write_part(self, document, *, first: bool, last: bool) -> None:
        """One chunk's claims of an article too long to hold: written as members of its
        document's "claims" array as they come, the same bytes write() gives the whole
        document. A single document streamed this way is an object (the caller streams
        only where no second document can follow)."""
        if first:
            head, self._tail = _split_at_claims(to_json(document.model_copy(update={"claims": []})))
            if self._count == 0 and self.single_as_object:
                self.stream.write(head)
                self._streamed_object = True
            else:
                self._open(head)
            self._count += 1
            self._members = 0
        for claim in document.claims:
            self.stream.write(("[\n" if self._members == 0 else ",\n") + _indented(to_json(claim), 4))
            self._members += 1
        if last:
            self.stream.write(("\n  ]" if self._members else "[]") + self._tail)

    def _open(self, text: str) -> None:
        """Write a document as the next array member."""
        if self._streamed_object:
            raise RuntimeError("a second document after one streamed as an object")
        if self._count == 0:
            self.stream.write("[\n" + text)
        elif self._held is not None:
            self.stream.write("[\n" + self._held + ",\n" + text)
            self._held = None
        else:
            self.stream.write(",\n" + text)

    def close(self) -> None:
        if self._streamed_object:
            self.stream.write("\n")
        elif self._held is not None:
            self.stream.write(self._held + "\n")
        elif self._count == 0:
            self.stream.write("[]\n")
        else:
            self.stream.write("\n]\n")


def _split_at_claims(text: str) -> tuple[str, str]:
    """A document's JSON with an empty claims array, cut where its members go."""
    mark = '"claims": []'
    at = text.rindex(mark) + len(mark) - 2
    return text[:at], text[at + 2:]


def _indented(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.splitlines())


class Messages:
    """One-line messages on stderr: 'Error: <what> (<where>)', 'Warning: ...'."""

    def __init__(self, *, quiet: bool = False, stream: IO[str] | None = None):
        self.quiet = quiet
        self._stream = stream
        self.errors = 0

    @property
    def stream(self) -> IO[str]:
        # looked up per message: a progress bar swaps sys.stderr for a proxy that prints
        # messages above the bar instead of through it
        return self._stream or sys.stderr

    def error(self, text: str) -> None:
        self.errors += 1
        print(f"Error: {text}", file=self.stream)

    def warning(self, text: str) -> None:
        if not self.quiet:
            print(f"Warning: {text}", file=self.stream)
