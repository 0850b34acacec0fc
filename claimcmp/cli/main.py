"""The typer app: commands are registered from one module each.

Heavy imports (spaCy, the model, pydantic documents) happen inside the commands, so
`claimcmp --help` and `claimcmp diff` of two JSON documents start fast.
"""
from __future__ import annotations

import sys

import typer

from claimcmp import __version__
from claimcmp.cli import diff, evaluate, extract, schema

app = typer.Typer(
    name="claimcmp",
    help="Extract dated, normalized claims from news articles and compare two outlets' accounts.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("extract", no_args_is_help=True)(extract.command)
app.command("diff", no_args_is_help=True)(diff.command)
app.command("evaluate", no_args_is_help=True)(evaluate.command)
app.command("schema")(schema.command)


def _version(value: bool) -> None:
    if value:
        print(f"claimcmp {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Exit codes: 0 ok, 1 some inputs failed (the others' results are written), 2 usage error."""


def run() -> None:
    """Console-script entry: a closed pipe (`| head`) ends the program quietly."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)


def _silence_stdout() -> None:
    import os

    # Python flushes stdout at exit; point it at /dev/null so that flush cannot fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
