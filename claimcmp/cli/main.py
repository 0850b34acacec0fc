"""The typer app: commands are registered from one module each.

Heavy imports (spaCy, the model, pydantic documents) happen inside the commands, so
`claimcmp --help` and `claimcmp diff` of two JSON documents start fast.
"""
from __future__ import annotations

import importlib
import sys

import typer
from typer.core import TyperGroup

from claimcmp import __version__
from claimcmp.cli import compare, diff, evaluate, extract, resources, schema
from claimcmp.cli.common import silence_stdout
from claimcmp.cli.help import PlainHelp
from claimcmp.cli.threads import single_blas_thread

# Recent typer vendors click (typer._click), older typer uses click itself: take the
# exception classes from wherever typer's own BadParameter lives.
_click_errors = importlib.import_module(typer.BadParameter.__module__)
_NoArgsIsHelp = getattr(_click_errors, "NoArgsIsHelpError", ())  # click >= 8.2 only


class OneLineErrors(TyperGroup):
    """click's usage errors as one line, `Error: <what> (see '<command> --help')`, like
    every other error of the tool (click prints the usage, a hint and the error on three)."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except _NoArgsIsHelp as err:
            err.show()  # the help text itself, not an error line
            sys.exit(err.exit_code)
        except _click_errors.ClickException as err:
            print(one_line(err), file=sys.stderr)
            sys.exit(err.exit_code)
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        # without standalone mode click returns typer.Exit's code, or the command's value
        sys.exit(code if isinstance(code, int) else 0)


def one_line(err: Exception) -> str:
    message = " ".join(err.format_message().split())
    name = getattr(err, "option_name", None)
    if name and getattr(err, "possibilities", None) is not None:
        # click suggests by difflib on the dashed names ("--colour" -> "--out") and words
        # it "(Possible options: ...)": compare the bare names, and say it in our own words
        import difflib

        bare = {option.lstrip("-"): option for option in err.possibilities}
        close = difflib.get_close_matches(name.lstrip("-"), list(bare), n=3, cutoff=0.75)
        message = f"No such option: {name}"
        if close:
            message += f"; did you mean {' or '.join(bare[c] for c in close)}?"
    ctx = getattr(err, "ctx", None)
    if ctx is not None:
        return f"Error: {message} (see '{ctx.command_path} --help')"
    return f"Error: {message}"


app = typer.Typer(
    cls=OneLineErrors,
    name="claimcmp",
    help="Extract dated, normalized claims from news articles and compare two outlets' accounts.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("extract", no_args_is_help=True, cls=PlainHelp)(extract.command)
app.command("diff", no_args_is_help=True, cls=PlainHelp)(diff.command)
app.command("compare", no_args_is_help=True, cls=PlainHelp)(compare.command)
app.command("evaluate", no_args_is_help=True, cls=PlainHelp)(evaluate.command)
app.command("schema", cls=PlainHelp)(schema.command)
app.add_typer(resources.app, name="resources")


def _version(value: bool) -> None:
    if value:
        print(f"claimcmp {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Exit codes: 0 ok, 1 some inputs failed (the others' results are written), 2 usage error."""


def run() -> None:
    """Console-script entry: a closed pipe (`| head`) ends the program quietly. One BLAS
    thread unless the user set a count (cli/threads.py: 10-15% faster runs)."""
    single_blas_thread()
    try:
        app()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)
