"""Where output goes: data to stdout (or --out), messages to stderr.

JSON arrays are opened and closed by the writer itself, so the document on stdout is
well-formed whatever happens to the items in between.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from claimcmp.models import dump


def wants_colour(stream: IO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def default_format(stream: IO, terminal_format: str, pipe_format: str) -> str:
    """Tables for people at a terminal; machine formats when piped or NO_COLOR is set."""
    return terminal_format if wants_colour(stream) else pipe_format


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a file replaced only once fully written (no half-written JSON on disk)."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def to_json(model) -> str:
    return json.dumps(dump(model), ensure_ascii=False, indent=2)


class JsonArrayWriter:
    """Streams documents as one JSON array, or a single object when there is exactly one."""

    def __init__(self, stream: IO[str], *, single_as_object: bool = True):
        self.stream = stream
        self.single_as_object = single_as_object
        self._held: str | None = None
        self._count = 0

    def write(self, model) -> None:
        text = to_json(model)
        if self._count == 0 and self.single_as_object:
            self._held = text  # an object unless a second document follows
        elif self._count == 0:
            self.stream.write("[\n" + text)
        elif self._held is not None:
            self.stream.write("[\n" + self._held + ",\n" + text)
            self._held = None
        else:
            self.stream.write(",\n" + text)
        self._count += 1

    def close(self) -> None:
        if self._held is not None:
            self.stream.write(self._held + "\n")
        elif self._count == 0:
            self.stream.write("[]\n")
        else:
            self.stream.write("\n]\n")


class Messages:
    """One-line messages on stderr: 'Error: <what> (<where>)', 'Warning: ...'."""

    def __init__(self, *, quiet: bool = False, stream: IO[str] | None = None):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.errors = 0

    def error(self, text: str) -> None:
        self.errors += 1
        print(f"Error: {text}", file=self.stream)

    def warning(self, text: str) -> None:
        if not self.quiet:
            print(f"Warning: {text}", file=self.stream)

    def info(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.stream)
