"""`claimcmp resources list|check`: where the data comes from, and what is wrong in an overlay."""
from __future__ import annotations

import sys

import typer

from claimcmp.cli import common

app = typer.Typer(help="The data files the rules read: list where each comes from, check an overlay folder.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)


@app.command("list")
def list_command(resources: str = common.RESOURCES_OPTION, debug: bool = common.DEBUG_OPTION) -> None:
    """One line per data file: resource, origin (package or overlay), path, rows or keys."""
    with common.reported_errors(debug), common.resources_in_force(resources):
        from claimcmp.knowledge.resource_loader import active_overlay

        for line in resource_lines(active_overlay()):
            print(line)


@app.command("check")
def check_command(folder: str = typer.Argument(..., metavar="DIR", help="The overlay folder to check."),
                  debug: bool = common.DEBUG_OPTION) -> None:
    """Check an overlay folder: unknown files and keys, missing keys, bad values and dates, aliases
    held twice, stance labels in no comparison group. Exit 1 if there is a problem."""
    with common.reported_errors(debug):
        from claimcmp.knowledge.resource_check import check
        from claimcmp.knowledge.resource_loader import normalize

        problems = check(normalize(folder))
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            raise typer.Exit(1)
        print(f"{folder}: no problems")


def resource_lines(overlay: str | None) -> list[str]:
    from claimcmp.knowledge.resource_loader import sources

    rows = []
    for name, paths in sources(overlay):
        for path in paths:
            origin = "overlay" if overlay and path.startswith(overlay) else "package"
            rows.append((name, origin, path))
    width = max(len(name) for name, _, _ in rows)
    return [f"{name:<{width}}  {origin:<7}  {path}" for name, origin, path in rows]
