"""Speed and memory of `claimcmp extract` against a bare spaCy pipeline, and start-up times.

    /work/venv/bin/python benchmarks/bench.py                  # 60 articles, 5 runs
    python benchmarks/bench.py --articles 120 --runs 7 --json out.json

Every figure comes from a fresh subprocess, so interpreter start and model load count
("whole process"); the bare pipeline and an in-process claimcmp run also report the
time spent in `nlp.pipe` alone ("pipe only"). Timings are medians of --runs
alternating runs, never one run. Peak memory is the peak RSS of each subprocess,
read by GNU time (/usr/bin/time -f %M) when present, else from os.wait4 rusage.

Needs only the standard library; run it with the interpreter claimcmp is installed in.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BATCH_SIZE = 16  # claimcmp.core.BATCH_SIZE; the bare pipeline uses the same
# The environment `claimcmp` runs its pipeline in (claimcmp/cli/threads.py): the bare pass
# run in it too shows what is claimcmp's own work and what is the environment's.
ONE_BLAS_THREAD = {**{k: v for k, v in os.environ.items()
                      if k not in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")},
                   "OPENBLAS_NUM_THREADS": "1"}

# Run in a child: load the bare model, pipe the texts, report load and pipe seconds.
BARE_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).iterdir())]
t1 = time.perf_counter()
nlp = spacy.load(sys.argv[1])
t2 = time.perf_counter()
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])))
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "pipe": t3 - t2, "tokens": tokens}))
"""

# Run in a child: claimcmp's own functions, timing the extraction apart from start-up.
CLAIMCMP_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
from claimcmp.core import extract_documents
from claimcmp.nlp import load_pipeline
from claimcmp.text.io import iter_inputs
t1 = time.perf_counter()
nlp = load_pipeline(sys.argv[1])
t2 = time.perf_counter()
claims = 0
for item in extract_documents(iter_inputs([sys.argv[2]], date=None), nlp=nlp):
    claims += len(getattr(item, "claims", ()))
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "pipe": t3 - t2, "claims": claims}))
"""


# ------------------------------------------------------------------ helpers
def claimcmp_exe() -> list[str]:
    """The console script next to this interpreter, else on PATH, else `python -m claimcmp`."""
    here = Path(sys.executable).parent / "claimcmp"
    if here.exists():
        return [str(here)]
    found = shutil.which("claimcmp")
    return [found] if found else [sys.executable, "-m", "claimcmp"]


GNU_TIME = "/usr/bin/time"


def gnu_time_works() -> bool:
    try:
        res = subprocess.run([GNU_TIME, "-f", "%M", "true"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return res.returncode == 0 and res.stderr.strip().isdigit()


# Peak RSS: a child forked from this process starts with this process's high-water mark
# (Linux carries it across fork and exec), so wait4 alone over-reports small commands.
# GNU time is a tiny intermediate whose own child starts clean; without it, the figure is
# an upper bound (max of this script's footprint and the child's peak).
RSS_METHOD = "GNU time %M" if gnu_time_works() else "wait4 ru_maxrss (upper bound)"


def run(cmd: list[str], stdout=subprocess.DEVNULL, env: dict | None = None) -> dict:
    """Wall seconds, peak RSS (MiB) of one subprocess (environment `env`, default this
    one's); exits the benchmark if it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [GNU_TIME, "-q", "-f", "%M", "-o", rss.name, *cmd] if RSS_METHOD.startswith("GNU") else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=stdout, stderr=subprocess.PIPE, env=env)
        err = proc.stderr.read()  # read to EOF before waiting, so a full pipe cannot block the child
        proc.stderr.close()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"bench: {' '.join(cmd)} exited {proc.returncode}: "
                             f"{err.decode(errors='replace')[-500:]}")
        kib = int(rss.read().strip().splitlines()[-1]) if RSS_METHOD.startswith("GNU") else usage.ru_maxrss
    return {"wall": wall, "rss_mib": kib / 1024}  # KiB on Linux


def run_json(cmd: list[str], env: dict | None = None) -> dict:
    with tempfile.TemporaryFile() as out:
        result = run(cmd, stdout=out, env=env)
        out.seek(0)
        result.update(json.loads(out.read().decode()))
    return result


def make_corpus(folder: Path, count: int) -> int:
    """count articles from the seeds, repeated, with unique names; returns the word count."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"bench: no seed articles in {SEEDS}")
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(count):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        (folder / f"{i:04d}_{seed.name}").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        ram = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor(), "ram": ram,
            "python": platform.python_version(), "platform": platform.platform()}


def versions() -> dict:
    out = {}
    for name in ("claimcmp", "spacy", "pydantic", "typer"):
        try:
            from importlib.metadata import version
            out[name] = version(name)
        except Exception:  # noqa: BLE001  (only informative)
            out[name] = "?"
    return out


def has_jobs_option(exe: list[str]) -> bool:
    res = subprocess.run([*exe, "extract", "--help"], capture_output=True, text=True)
    return "--jobs" in res.stdout


def resolve_model(model: str | None) -> str:
    if model:
        return model
    # the same choice claimcmp makes, asked in a child so this process stays small
    code = "from claimcmp.nlp import resolve_model_name; print(resolve_model_name(None))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"bench: cannot resolve the model: {res.stderr.strip()[-300:]}")
    return res.stdout.strip()


# ------------------------------------------------------------------ the benchmark
def bench(args) -> dict:
    exe = claimcmp_exe()
    model = resolve_model(args.model)
    py = sys.executable
    result: dict = {"machine": machine(), "versions": versions(), "model": model,
                    "articles": args.articles, "runs": args.runs, "batch_size": BATCH_SIZE,
                    "claimcmp": " ".join(exe), "rss_method": RSS_METHOD}
    with tempfile.TemporaryDirectory(prefix="claimcmp-bench-") as tmp:
        corpus = Path(tmp) / f"a{args.articles}"
        words = make_corpus(corpus, args.articles)
        result["words"] = words
        extract = [*exe, "extract", str(corpus), "--format", "jsonl", "--quiet", "--model", model]
        bare = [py, "-c", BARE_SCRIPT, model, str(corpus), str(BATCH_SIZE)]
        inproc = [py, "-c", CLAIMCMP_SCRIPT, model, str(corpus)]

        # warm the file cache and .pyc files once, untimed
        run(extract)
        run_json(bare)

        # 1. throughput: the four kinds of run alternate, so drift hits them alike
        samples: dict[str, list[dict]] = {"bare": [], "bare1": [], "extract": [], "inproc": []}
        for i in range(args.runs):
            order = ["bare", "bare1", "extract", "inproc"] if i % 2 == 0 else ["inproc", "extract", "bare1", "bare"]
            for kind in order:
                if kind == "bare":
                    samples[kind].append(run_json(bare))
                elif kind == "bare1":
                    samples[kind].append(run_json(bare, env=ONE_BLAS_THREAD))
                elif kind == "extract":
                    samples[kind].append(run(extract))
                else:
                    samples[kind].append(run_json(inproc))
            progress(f"throughput run {i + 1}/{args.runs}")

        def med(kind, key):
            return median([s[key] for s in samples[kind]])

        bare_wall, extract_wall, inproc_wall = med("bare", "wall"), med("extract", "wall"), med("inproc", "wall")
        bare_pipe, inproc_pipe = med("bare", "pipe"), med("inproc", "pipe")
        result["throughput"] = {
            "bare_spacy": {"whole_s": bare_wall, "pipe_s": bare_pipe, "load_s": med("bare", "load"),
                           "import_s": med("bare", "import"), "whole_wps": words / bare_wall,
                           "pipe_wps": words / bare_pipe, "peak_rss_mib": med("bare", "rss_mib")},
            "claimcmp_extract": {"whole_s": extract_wall, "whole_wps": words / extract_wall,
                                 "peak_rss_mib": med("extract", "rss_mib")},
            "claimcmp_in_process": {"whole_s": inproc_wall, "pipe_s": inproc_pipe,
                                    "load_s": med("inproc", "load"), "import_s": med("inproc", "import"),
                                    "whole_wps": words / inproc_wall, "pipe_wps": words / inproc_pipe,
                                    "peak_rss_mib": med("inproc", "rss_mib")},
            "bare_one_blas_thread": {"whole_s": med("bare1", "wall"), "pipe_s": med("bare1", "pipe"),
                                     "load_s": med("bare1", "load"), "whole_wps": words / med("bare1", "wall"),
                                     "pipe_wps": words / med("bare1", "pipe"),
                                     "peak_rss_mib": med("bare1", "rss_mib")},
            "ratio_whole": (words / extract_wall) / (words / bare_wall),
            "ratio_whole_one_thread": (words / extract_wall) / (words / med("bare1", "wall")),
            "ratio_pipe": (words / inproc_pipe) / (words / bare_pipe),
            "spread_extract_s": [min(s["wall"] for s in samples["extract"]),
                                 max(s["wall"] for s in samples["extract"])],
            "spread_bare_s": [min(s["wall"] for s in samples["bare"]), max(s["wall"] for s in samples["bare"])],
        }

        # 2. --jobs, if the CLI has it
        if has_jobs_option(exe):
            jobs_figures = {}
            for n in sorted({1, 2, os.cpu_count() or 1}):
                cmd = [*extract, "--jobs", str(n)]
                runs = [run(cmd) for _ in range(args.runs)]
                wall = median([r["wall"] for r in runs])
                jobs_figures[str(n)] = {"whole_s": wall, "whole_wps": words / wall,
                                        "peak_rss_mib": median([r["rss_mib"] for r in runs])}
                progress(f"--jobs {n}")
            result["jobs"] = jobs_figures
        else:
            result["jobs"] = None

        # 3. peak memory against input size: streaming keeps it flat
        memory = {}
        if args.memory_sizes:
            for n in args.memory_sizes:
                folder = Path(tmp) / f"m{n}"
                n_words = make_corpus(folder, n)
                runs = [run([*exe, "extract", str(folder), "--format", "jsonl", "--quiet", "--model", model])
                        for _ in range(args.memory_runs)]
                wall = median([r["wall"] for r in runs])
                memory[str(n)] = {"words": n_words, "peak_rss_mib": median([r["rss_mib"] for r in runs]),
                                  "whole_s": wall, "whole_wps": n_words / wall}
                progress(f"memory {n} articles")
        result["memory"] = memory

    # 4. start-up: alternating, many runs (they are cheap)
    startup_cmds = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import spacy'": [py, "-c", "import spacy"],
        "claimcmp --help": [*exe, "--help"],
        "claimcmp schema": [*exe, "schema"],
        "claimcmp extract --help": [*exe, "extract", "--help"],
    }
    for cmd in startup_cmds.values():
        run(cmd)
    startup = {name: [] for name in startup_cmds}
    for _ in range(args.startup_runs):
        for name, cmd in startup_cmds.items():
            startup[name].append(run(cmd))
    base = median([r["wall"] for r in startup["python -c pass"]])
    result["startup"] = {name: {"median_s": median([r["wall"] for r in rs]),
                                "min_s": min(r["wall"] for r in rs),
                                "over_python_s": median([r["wall"] for r in rs]) - base,
                                "peak_rss_mib": median([r["rss_mib"] for r in rs])}
                         for name, rs in startup.items()}
    result["startup_runs"] = args.startup_runs
    return result


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ output
def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths)))

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def report(r: dict) -> str:
    m, t = r["machine"], r["throughput"]
    out = [f"claimcmp benchmark: {r['articles']} articles, {r['words']} words, model {r['model']}, "
           f"medians of {r['runs']} alternating runs",
           f"machine: {m['nproc']} CPU ({m['cpu']}), {m['ram']} RAM, Python {m['python']}; "
           + ", ".join(f"{k} {v}" for k, v in r["versions"].items()),
           f"peak memory: {r['rss_method']}; words = whitespace-separated words of the input files", ""]
    b, e, i = t["bare_spacy"], t["claimcmp_extract"], t["claimcmp_in_process"]
    b1 = t["bare_one_blas_thread"]
    out.append(table([
        ["bare spacy.load + nlp.pipe", f"{b['whole_s']:.2f}", f"{b['whole_wps']:.0f}",
         f"{b['pipe_s']:.2f}", f"{b['pipe_wps']:.0f}", f"{b['load_s']:.2f}", f"{b['peak_rss_mib']:.0f}"],
        ["bare, one BLAS thread", f"{b1['whole_s']:.2f}", f"{b1['whole_wps']:.0f}",
         f"{b1['pipe_s']:.2f}", f"{b1['pipe_wps']:.0f}", f"{b1['load_s']:.2f}", f"{b1['peak_rss_mib']:.0f}"],
        ["claimcmp extract (CLI)", f"{e['whole_s']:.2f}", f"{e['whole_wps']:.0f}", "-", "-", "-",
         f"{e['peak_rss_mib']:.0f}"],
        ["claimcmp in-process (core)", f"{i['whole_s']:.2f}", f"{i['whole_wps']:.0f}",
         f"{i['pipe_s']:.2f}", f"{i['pipe_wps']:.0f}", f"{i['load_s']:.2f}", f"{i['peak_rss_mib']:.0f}"],
    ], ["throughput", "whole s", "words/s", "pipe s", "pipe w/s", "load s", "peak MiB"]))
    out.append(f"ratio claimcmp/bare words/s: whole process {t['ratio_whole']:.2f}, "
               f"pipe only {t['ratio_pipe']:.2f}  (extract wall spread {t['spread_extract_s'][0]:.2f}-"
               f"{t['spread_extract_s'][1]:.2f} s, bare {t['spread_bare_s'][0]:.2f}-{t['spread_bare_s'][1]:.2f} s)")
    out.append(f"  whole process against the bare pass with one BLAS thread, as claimcmp runs it "
               f"(claimcmp/cli/threads.py): {t['ratio_whole_one_thread']:.2f}")
    out.append("")
    if r["jobs"] is None:
        out.append("--jobs: skipped, `claimcmp extract` has no --jobs option")
    else:
        out.append(table([[f"--jobs {n}", f"{v['whole_s']:.2f}", f"{v['whole_wps']:.0f}", f"{v['peak_rss_mib']:.0f}"]
                          for n, v in r["jobs"].items()], ["jobs", "whole s", "words/s", "peak MiB"]))
    out.append("")
    if r["memory"]:
        out.append(table([[f"{n} articles", str(v["words"]), f"{v['whole_s']:.2f}", f"{v['whole_wps']:.0f}",
                           f"{v['peak_rss_mib']:.0f}"] for n, v in r["memory"].items()],
                         ["claimcmp extract", "words", "whole s", "words/s", "peak MiB"]))
        out.append("")
    out.append(table([[name, f"{v['median_s'] * 1000:.0f}", f"{v['min_s'] * 1000:.0f}",
                       f"{v['over_python_s'] * 1000:+.0f}", f"{v['peak_rss_mib']:.0f}"]
                      for name, v in r["startup"].items()],
                     [f"start-up ({r['startup_runs']} runs)", "median ms", "min ms", "vs python", "peak MiB"]))
    return "\n".join(out)


def sizes(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip()] if value else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="articles per throughput run (default 60)")
    parser.add_argument("--runs", type=int, default=5, help="alternating runs per figure (default 5)")
    parser.add_argument("--startup-runs", type=int, default=15, help="runs per start-up figure (default 15)")
    parser.add_argument("--memory-sizes", type=sizes, default=[20, 60, 120], metavar="N,N,...",
                        help="article counts for the peak-memory table (default 20,60,120; '' to skip)")
    parser.add_argument("--memory-runs", type=int, default=1, help="runs per memory size (default 1)")
    parser.add_argument("--model", default=None, help="spaCy model for both sides (default: claimcmp's choice)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE ('-' for stdout)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.runs < 1 or args.startup_runs < 1:
        parser.error("--articles, --runs and --startup-runs must be at least 1")
    result = bench(args)
    if args.json == "-":
        print(json.dumps(result, indent=2))
        return 0
    print(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
