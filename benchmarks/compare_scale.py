"""Cost curve of `compare`'s grouping: time and peak memory at 1k / 10k / 100k claims.

Claims are generated (no spaCy): 20 claims an article, actors drawn from 30 countries and
a few armed groups with a skewed (Zipf-like) choice of pairs, as coverage of a story is
skewed towards a few relations; stances from the packaged lexicon; 70 % dated only by
their article (publication dates over two years), the rest an explicit day or month; a
tenth negated; a region in half of them. Each size runs in a fresh process (so peak RSS
is that size's own), seeded, so every run groups the same claims.

    python benchmarks/compare_scale.py                 # 1,000 10,000 100,000
    python benchmarks/compare_scale.py --sizes 1000,200000 --json out.json
    python benchmarks/compare_scale.py --sizes 20000 --write /tmp/claims  # /tmp/claims-20000.json

With --write PREFIX the claims of each size are written (an extract --format json array,
PREFIX-SIZE.json) instead of grouped, so `claimcmp compare PREFIX-SIZE.json --format json`
can be run on them and its output hashed.

Prints one line per size: claims, groups, seconds of grouping (building the compare
document included, generation and JSON writing excluded) as wall and CPU time (the CPU
time is steadier on a shared machine), claims per second (wall), the RSS the claims
themselves take, and the process's peak RSS minus its RSS before the claims were made.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import datetime as dt, hashlib, json, random, resource, sys, time
from importlib import resources
from claimcmp.comparison.grouping import compare_documents
from claimcmp.models import Actor, Article, Claim, DateSpan, ExtractDocument, Published, Region

def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0

size, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
lexicon = [json.loads(l) for l in resources.files("claimcmp.resources").joinpath("stances.jsonl").open()]
stances = sorted({(e["stance"], e["family"]) for e in lexicon})
countries = ["RUS", "USA", "SYR", "IRN", "TUR", "ISR", "IRQ", "UKR", "CHN", "FRA", "GBR", "DEU",
             "SAU", "EGY", "JOR", "LBN", "QAT", "ARE", "IND", "PAK", "AFG", "JPN", "KOR", "PRK",
             "AZE", "ARM", "GEO", "POL", "ITA", "ESP"]
groups = ["REBELS", "ISIS", "HEZBOLLAH", "KURDS", "MILITANTS", "HAMAS"]
names = countries + groups
weights = [1.0 / (rank + 1) for rank in range(len(names))]
start = dt.date(2016, 1, 1)

def actor(key):
    if key in groups:
        return Actor(id=key, name=key.title(), kind="group", mention=key)
    return Actor(id=key, name=key, kind="country", country=key, mention=key)

ACTORS = {key: actor(key) for key in names}
# where each pair's relation plays out: one country per pair (its first country by default)
THEATRES = {frozenset((x, y)): rng.choice([k for k in (x, y) if k in countries] or countries)
            for x in names for y in names}
before = rss_kib()
docs = []
per_doc = 20
for d in range(max(1, size // per_doc)):
    day = start + dt.timedelta(days=rng.randrange(730))
    article = Article(id=f"a{d:06d}", source=f"outlet{d % 40:02d}", sha256="0" * 64,
                      published=Published(date=day, source="metadata"))
    claims = []
    for n in range(per_doc):
        s, t = rng.choices(names, weights, k=2)
        stance, family = rng.choice(stances)
        kind = rng.random()
        if kind < 0.7:
            when = DateSpan(start=day, end=day, granularity="day", text="", source="article")
        elif kind < 0.9:
            past = day - dt.timedelta(days=rng.randrange(60))
            when = DateSpan(start=past, end=past, granularity="day", text="on that day", source="explicit")
        else:
            first = day.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            when = DateSpan(start=first, end=last, granularity="month", text="this month", source="relative")
        theatre = THEATRES[frozenset((s, t))]
        regions = [Region(name=theatre, kind="country", country=theatre)] if rng.random() < 0.5 else []
        sentence = f"{s} {stance} {t} ({d}-{n})."
        claims.append(Claim(id=f"c{d:06d}{n:02d}", article_id=article.id, sentence=sentence,
                            start=n * 100, end=n * 100 + len(sentence), subject=ACTORS[s], stance=stance,
                            family=family, polarity="negative" if rng.random() < 0.1 else "positive",
                            target=ACTORS[t] if t != s and rng.random() < 0.85 else None,
                            regions=regions, when=when,
                            modality=rng.choice(["asserted"] * 6 + ["reported"] * 3 + ["possible"])))
    docs.append(ExtractDocument(article=article, claims=claims))
made = rss_kib()
if len(sys.argv) > 3:  # --write: the extract documents as one JSON array, for `claimcmp compare`
    with open(sys.argv[3], "w", encoding="utf-8") as handle:
        handle.write("[" + ",\n".join(d.model_dump_json(by_alias=True) for d in docs) + "]\n")
    print(json.dumps({"claims": sum(len(d.claims) for d in docs), "written": sys.argv[3]}))
    sys.exit(0)
t0, c0 = time.perf_counter(), time.process_time()
document = compare_documents(docs)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"claims": sum(len(d.claims) for d in docs), "groups": len(document.groups),
                  "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "claims_per_second": round(sum(len(d.claims) for d in docs) / seconds),
                  "rss_claims_mib": round((made - before) / 1024, 1),
                  "peak_over_start_mib": round((peak - before) / 1024, 1),
                  "digest": hashlib.sha256(document.model_dump_json().encode()).hexdigest()[:16]}))
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claim counts, comma-separated")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON ('-' for stdout only)")
    parser.add_argument("--write", metavar="PREFIX",
                        help="write each size's claims to PREFIX-SIZE.json instead of grouping them")
    args = parser.parse_args(argv)
    rows = []
    for size in (int(s) for s in args.sizes.split(",") if s):
        extra = [f"{args.write}-{size}.json"] if args.write else []
        out = subprocess.run([sys.executable, "-c", CHILD, str(size), str(args.seed), *extra],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        if args.write:
            print(f"{row['claims']:>8,} claims written to {row['written']}", flush=True)
            continue
        rows.append(row)
        if args.json != "-":
            print(f"{row['claims']:>8,} claims  {row['groups']:>7,} groups  {row['seconds']:>8.2f} s "
                  f"(CPU {row['cpu_seconds']:.2f} s)  "
                  f"{row['claims_per_second']:>8,} claims/s  claims {row['rss_claims_mib']:>7.1f} MiB  "
                  f"peak over start {row['peak_over_start_mib']:>7.1f} MiB", flush=True)
    if args.json:
        text = json.dumps(rows, indent=2)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
