"""Peak memory and time of `claimcmp extract` on very large inputs (not a test).

    .venv/bin/python benchmarks/big_inputs.py                    # 1, 5, 20 MB and a 2 MB line
    .venv/bin/python benchmarks/big_inputs.py --sizes 0.2,1 --line-mb 0.5
    .venv/bin/python benchmarks/big_inputs.py --limit-gb 1.5     # stop a run past 1.5 GB

Each input is generated from a few sentences written for this script (news-like, with
countries, leaders, dates and stance verbs), repeated with varying names and dates until
it reaches the size; the "line" input has no newline at all. Every run is a fresh
`python -m claimcmp extract FILE -f jsonl -q` subprocess (or `--format json`) writing to /dev/null; its peak
RSS comes from GNU time (`/usr/bin/time -f %M`) when present, else from os.wait4 rusage.
With --limit-gb a watchdog reads the child's RSS every half second and kills it past the
limit (reported as "killed"), so a regression cannot take the machine down.
Standard library only.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SENTENCES = (
    "{a} accused {b} on {day} of violating the ceasefire agreed in {month}.",
    "Officials in {city} said {a} would impose new sanctions on {b} next week.",
    "{leader} met the foreign minister of {b} in {city} and praised the talks.",
    "The government of {a} denied that its forces had attacked positions held by {b}.",
    "Analysts expect {a} and {b} to sign a trade agreement before the end of {month}.",
    "On {day}, {a} threatened to withdraw its ambassador from {b}, a spokesman said.",
    "{leader} said {a} supports {b} and will send aid to the region.",
)
COUNTRIES = ("France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt",
             "Poland", "Chile", "Norway", "Vietnam")
CITIES = ("Paris", "Berlin", "Tokyo", "Nairobi", "Ottawa", "Cairo", "Warsaw", "Oslo")
LEADERS = ("Emmanuel Macron", "Justin Trudeau", "Narendra Modi", "William Ruto")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "March", "May", "July", "September", "November")


def article_text(size: int, *, one_line: bool = False) -> str:
    """About `size` bytes of generated prose: paragraphs of four sentences separated by
    blank lines, or (one_line) a single line with no newline."""
    parts: list[str] = ["Generated report for a claimcmp benchmark", ""]
    total, n = 0, 0
    paragraph: list[str] = []
    while total < size:
        sentence = SENTENCES[n % len(SENTENCES)].format(
            a=COUNTRIES[n % len(COUNTRIES)], b=COUNTRIES[(n * 5 + 3) % len(COUNTRIES)],
            city=CITIES[n % len(CITIES)], leader=LEADERS[n % len(LEADERS)],
            day=DAYS[n % len(DAYS)], month=MONTHS[n % len(MONTHS)])
        paragraph.append(sentence)
        total += len(sentence) + 1
        n += 1
        if len(paragraph) == 4:
            parts.append(" ".join(paragraph))
            parts.append("")
            paragraph = []
    parts.append(" ".join(paragraph))
    if one_line:
        return " ".join(part for part in parts if part)
    return "\n".join(parts) + "\n"


def run_once(path: Path, limit_kb: int | None, fmt: str = "jsonl") -> tuple[float, int, str]:
    """(seconds, peak RSS in KB, outcome) of one extract run on path."""
    command = [sys.executable, "-m", "claimcmp", "extract", str(path), "-f", fmt, "-q"]
    gnu_time = shutil.which("time") if Path("/usr/bin/time").exists() else None
    report = tempfile.NamedTemporaryFile(suffix=".rss", delete=False)
    report.close()
    if gnu_time:
        command = ["/usr/bin/time", "-f", "%M", "-o", report.name, *command]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed = threading.Event()
    if limit_kb:
        threading.Thread(target=_watch, args=(child.pid, limit_kb, killed), daemon=True).start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode("utf-8", "replace").strip()
    peak = usage.ru_maxrss
    if gnu_time:
        lines = Path(report.name).read_text().split()
        peak = int(lines[-1]) if lines and lines[-1].isdigit() else peak
    os.unlink(report.name)
    outcome = "killed (over the limit)" if killed.is_set() else (
        f"exit {child.returncode}" + (f": {stderr.splitlines()[-1]}" if stderr else ""))
    return seconds, peak, outcome


def _watch(pid: int, limit_kb: int, killed: threading.Event) -> None:
    """Kill the process group's heaviest member past limit_kb of resident memory."""
    while True:
        time.sleep(0.5)
        try:
            rss = sum(_rss_kb(p) for p in [pid, *_children(pid)])
        except OSError:
            return
        if rss > limit_kb:
            killed.set()
            for p in [*_children(pid), pid]:
                try:
                    os.kill(p, signal.SIGKILL)
                except OSError:
                    pass
            return


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found += [child, *_children(child)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,5,20", help="article sizes in MB (comma-separated)")
    parser.add_argument("--line-mb", type=float, default=2.0, help="size of the one-line input (0 skips)")
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "json"),
                        help="output format (json holds one article's claims in memory)")
    parser.add_argument("--limit-gb", type=float, default=None,
                        help="kill a run whose RSS passes this many GB (default: no limit)")
    args = parser.parse_args()
    limit_kb = int(args.limit_gb * 1024 * 1024) if args.limit_gb else None
    cases = [(f"{float(mb):g} MB article", float(mb), False) for mb in args.sizes.split(",") if mb]
    if args.line_mb:
        cases.append((f"{args.line_mb:g} MB on one line", args.line_mb, True))
    print(f"{'input':<24} {'bytes':>10} {'seconds':>9} {'s/MB':>7} {'peak RSS MB':>12}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for label, mb, one_line in cases:
            path = Path(folder, "big.txt")
            path.write_text(article_text(int(mb * 1_000_000), one_line=one_line), encoding="utf-8")
            size = path.stat().st_size
            seconds, peak_kb, outcome = run_once(path, limit_kb, args.format)
            print(f"{label:<24} {size:>10} {seconds:>9.1f} {seconds / (size / 1e6):>7.1f} "
                  f"{peak_kb / 1024:>12.0f}  {outcome}", flush=True)


if __name__ == "__main__":
    main()
