"""Errors users see: one line each, with an exit code documented in the README."""
from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1  # some inputs failed; the others' results were still written
EXIT_USAGE = 2  # bad option or argument (also typer's own usage errors)


class ClaimcmpError(Exception):
    """Base of every error the tool reports as `Error: <what> (<where>)`."""

    exit_code = EXIT_INPUT

    def __init__(self, what: str, where: str | None = None):
        super().__init__(what)
        self.what = what
        self.where = where

    def __str__(self) -> str:
        return f"{self.what} ({self.where})" if self.where else self.what

    def __reduce__(self):
        # keep `where` when an error crosses a process boundary (extract --jobs)
        return (self.__class__, (self.what, self.where))


class InputError(ClaimcmpError):
    """An input that cannot be read as an article (missing, binary, undecodable, bad JSON)."""

    exit_code = EXIT_INPUT


class UsageError(ClaimcmpError):
    """A bad option value (a malformed --date, an unknown format)."""

    exit_code = EXIT_USAGE


class ModelError(ClaimcmpError):
    """No spaCy pipeline could be loaded."""

    exit_code = EXIT_USAGE


class ExtractionError(InputError):
    """The pipeline failed on one article (a bug): reported by article id, the batch goes on."""

    exit_code = EXIT_INPUT
