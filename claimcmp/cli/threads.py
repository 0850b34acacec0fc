"""One BLAS thread in claimcmp's own process, unless the user chose a number.

numpy's wheels bring OpenBLAS, which starts a pool of threads (one per core) when numpy is
imported. spaCy's CPU pipeline never multiplies with it (thinc multiplies with blis, on
the calling thread), yet the idle pool costs: once a process has a second thread, glibc's
malloc takes its arena's lock on every allocation and every free, and the pipeline makes
millions of them. In a process with one thread the locks are skipped. Measured on this
project's VM (2 cores, 60 seed articles, benchmarks/bench.py's corpus): a bare spaCy pass
11.0 s -> 9.4 s, `claimcmp extract` 14.1-15.0 s -> 12.6-13.5 s, with the same output;
pthread_mutex_lock/unlock fell from 17% of the samples (perf) to under 1%.

Only the command-line entry point applies it (cli/main.py run), before anything imports
numpy; a library caller's process is left as it is (README, "Performance").
"""
from __future__ import annotations

import os
from collections.abc import MutableMapping

# The variables OpenBLAS reads for its thread count, in its order of precedence: any of
# them set means the user chose, and the choice stands.
# audit: code (names of OpenBLAS's environment variables)
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def single_blas_thread(environ: MutableMapping[str, str] = os.environ) -> bool:
    """Set OPENBLAS_NUM_THREADS=1 in `environ` when no thread count is set there; True
    when it did. Takes effect only if numpy is imported after it."""
    if any(environ.get(name) for name in BLAS_THREAD_VARIABLES):
        return False
    environ["OPENBLAS_NUM_THREADS"] = "1"
    return True
