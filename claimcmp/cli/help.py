"""Help pages that show each argument by its metavar: `claimcmp diff [OPTIONS] A B`.

typer writes required arguments as `{A}`, optional ones as `[[extract|diff|claim]]` and
adds the Python type (`<list[str]>`, `<str>`) beside each; none of that is for a reader.
"""
from __future__ import annotations

from typer.core import TyperCommand


def _name(param) -> str:
    return param.metavar or param.name.upper()


class PlainHelp(TyperCommand):
    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_name(param) if param.required else f"[{_name(param)}]")
        return pieces

    def format_options(self, ctx, formatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                text = param.help or ""
                if not param.required and param.default is not None:
                    text += f"  [default: {param.default}]"
                arguments.append((_name(param), text))
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
