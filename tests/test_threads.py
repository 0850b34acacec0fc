"""One BLAS thread in the command's process unless the user set a count (cli/threads.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcmp.cli import main as cli_main
from claimcmp.cli.threads import BLAS_THREAD_VARIABLES, single_blas_thread


def test_sets_one_thread_when_nothing_is_set():
    environ = {"PATH": "/usr/bin"}
    assert single_blas_thread(environ) is True
    assert environ == {"PATH": "/usr/bin", "OPENBLAS_NUM_THREADS": "1"}


@pytest.mark.parametrize("name", BLAS_THREAD_VARIABLES)
def test_a_users_count_stands(name):
    environ = {name: "4"}
    assert single_blas_thread(environ) is False
    assert environ == {name: "4"}


def test_an_empty_value_is_no_choice():
    environ = {"OMP_NUM_THREADS": ""}
    assert single_blas_thread(environ) is True
    assert environ["OPENBLAS_NUM_THREADS"] == "1"


def test_the_console_entry_applies_it(monkeypatch, capsys):
    for name in BLAS_THREAD_VARIABLES:
        monkeypatch.setenv(name, "")  # recorded, so the test's end restores each as it was
        monkeypatch.delenv(name)
    monkeypatch.setattr(sys, "argv", ["claimcmp", "--version"])
    with pytest.raises(SystemExit) as exit_:
        cli_main.run()
    assert exit_.value.code == 0
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert capsys.readouterr().out.startswith("claimcmp ")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_numpy_imported_after_it_starts_no_thread():
    environ = {k: v for k, v in os.environ.items() if k not in BLAS_THREAD_VARIABLES}
    code = ("from claimcmp.cli.threads import single_blas_thread; single_blas_thread(); "
            "import numpy, os; print(len(os.listdir('/proc/self/task')))")
    out = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
