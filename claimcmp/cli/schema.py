"""`claimcmp schema`: the JSON Schema of the documents claimcmp writes."""
from __future__ import annotations

import json

import typer

DOCUMENTS = ("extract", "diff", "claim", "compare")


def command(
    document: str = typer.Argument("extract", metavar="DOCUMENT",
                                   help="Which document: extract, diff, claim (a jsonl claim line) or compare."),
) -> None:
    """Print the JSON Schema of an output document."""
    from claimcmp.cli.common import check_choice, reported_errors

    with reported_errors(False):
        check_choice(document, "document", DOCUMENTS)
        print(json.dumps(json_schema(document), indent=2, ensure_ascii=False))


def json_schema(document: str) -> dict:
    from claimcmp.models import Claim, CompareDocument, DiffDocument, ExtractDocument

    model = {"extract": ExtractDocument, "diff": DiffDocument, "claim": Claim,
             "compare": CompareDocument}[document]
    return model.model_json_schema(by_alias=True, mode="serialization")
