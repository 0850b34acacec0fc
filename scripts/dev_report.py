"""Why gold claims were missed: for each gold claim, the system claims of its sentence.

    python scripts/dev_report.py GOLD_DIR SYSTEM_DIR [ARTICLE_ID]

A development aid (not part of the package): prints MISS lines with what the system
produced for the sentence that covers the evidence, and false positives with FP.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from claimcmp.comparison.evaluation import actor_ids, core_match, covers, load_gold


def short(c: dict) -> str:
    subj = "/".join(sorted(actor_ids(c.get("subject"))))
    targ = "/".join(sorted(actor_ids(c.get("target")))) or "-"
    return f"{subj} {c['stance']}({c['family'][:4]},{c['polarity'][:3]}) {targ}"


def main(gold_dir: str, system_dir: str, only: str | None = None) -> None:
    for art, gold in load_gold(Path(gold_dir)).items():
        if only and art != only:
            continue
        data = json.loads((Path(system_dir) / f"{art}.json").read_text())
        claims = (data[0] if isinstance(data, list) else data)["claims"]
        used: set[int] = set()
        print(f"== {art}")
        for g in gold["claims"]:
            hit = next((i for i, c in enumerate(claims) if i not in used and core_match(g, c)), None)
            if hit is not None:
                used.add(hit)
                continue
            near = [short(c) for c in claims if covers(c["sentence"], g["evidence"])]
            gs = f"{'/'.join(g['subject'])} {g['stance']}({g['family'][:4]},{g['polarity'][:3]}) {'/'.join(g['target'] or []) or '-'}"
            print(f"MISS {gs:55} | sys: {'; '.join(near) or 'NO CLAIM IN SENTENCE'}\n     {g['evidence'][:110]}")
        for i, c in enumerate(claims):
            if i not in used:
                print(f"FP   {short(c):55} | {c['sentence'][:100]!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
