"""Start-up stays light: the CLI module, `--help` and `schema` never import spaCy.

Each check runs in a fresh interpreter (sys.modules of this test process says nothing).
No timings here: those live in benchmarks/bench.py.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "thinc", "numpy", "trafilatura")

# Run the typer app in-process with the given argv, then report which modules got imported.
PROBE = r"""
import json, sys
argv = json.loads(sys.argv[1])
import claimcmp.cli.main as main
code = 0
if argv is not None:
    sys.argv = ["claimcmp", *argv]
    try:
        main.app()
    except SystemExit as exit:
        code = exit.code or 0
loaded = sorted({name.split(".")[0] for name in sys.modules})
sys.stdout.flush()
print("\n" + json.dumps({"code": code, "modules": loaded}), file=sys.stderr)
"""


def probe(argv: list[str] | None) -> tuple[dict, str]:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCMP_MODEL"}
    res = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stderr.strip().splitlines()[-1]), res.stdout


def heavy_in(modules: list[str]) -> list[str]:
    return [name for name in HEAVY if name in modules]


def test_importing_the_cli_does_not_import_spacy():
    result, _ = probe(None)
    assert heavy_in(result["modules"]) == []
    assert "pydantic" not in result["modules"]
    assert "rich" not in result["modules"]


def test_help_does_not_import_spacy():
    result, out = probe(["--help"])
    assert result["code"] == 0
    assert "extract" in out and "diff" in out
    assert heavy_in(result["modules"]) == []
    assert "claimcmp" in result["modules"]


@pytest.mark.parametrize("command", ["extract", "diff", "compare", "evaluate", "schema", "resources"])
def test_command_help_does_not_import_spacy(command):
    result, out = probe([command, "--help"])
    assert result["code"] == 0
    assert "Usage" in out
    assert heavy_in(result["modules"]) == []


def test_compare_of_extract_documents_does_not_import_spacy(tmp_path):
    from compare_fixtures import story, write_documents

    paths = write_documents(tmp_path, story())
    result, out = probe(["compare", *map(str, paths), "--format", "json"])
    assert result["code"] == 0
    assert json.loads(out)["kind"] == "compare"
    assert heavy_in(result["modules"]) == []


def test_schema_does_not_import_spacy():
    result, out = probe(["schema"])
    assert result["code"] == 0
    schema = json.loads(out)
    assert isinstance(schema, dict) and schema
    assert heavy_in(result["modules"]) == []


def test_resources_list_does_not_import_spacy():
    result, out = probe(["resources", "list"])
    assert result["code"] == 0
    assert out.splitlines()[0].split()[:2] == ["stances.jsonl", "package"]
    assert heavy_in(result["modules"]) == []


def test_version_does_not_import_spacy():
    result, out = probe(["--version"])
    assert result["code"] == 0
    assert out.startswith("claimcmp ")
    assert heavy_in(result["modules"]) == []


def console_script() -> str | None:
    here = Path(sys.executable).parent / "claimcmp"
    return str(here) if here.exists() else shutil.which("claimcmp")


def test_console_script_exists_and_runs():
    script = console_script()
    assert script is not None, "the claimcmp console script is not installed next to this interpreter"
    res = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "Usage" in res.stdout and "extract" in res.stdout


def test_python_dash_m_runs():
    res = subprocess.run([sys.executable, "-m", "claimcmp", "--version"], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("claimcmp ")


def loaded_after(statement: str) -> list[str]:
    """Which of spaCy, pydantic and the API module a fresh interpreter holds after `statement`."""
    code = f"import sys\n{statement}\nprint(sorted(m for m in ('spacy', 'pydantic', 'claimcmp.api') if m in sys.modules))"
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     timeout=120).stdout.replace("'", '"'))


def test_importing_claimcmp_leaves_the_api_unloaded_until_used():
    assert loaded_after("import claimcmp") == []
    assert loaded_after("import claimcmp; claimcmp.extract") == ["claimcmp.api", "pydantic"]
