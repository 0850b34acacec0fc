"""Build claimcmp/resources/stances_cameo.jsonl from the PETRARCH2 CAMEO verb dictionary.

Usage (the dictionary is MIT-licensed, Open Event Data Alliance; fetch a copy first):
    git --git-dir <petrarch2 clone>/.git show HEAD:petrarch2/data/dictionaries/CAMEO.2.0.txt > /tmp/CAMEO.2.0.txt
    .venv/bin/python scripts/build_cameo_stances.py /tmp/CAMEO.2.0.txt

The dictionary lists verb blocks ("--- NAME [code] ---", then the block's verbs, then
patterns "- words * words [code]" that give a code when the verb has that object).
A verb with a code of its own (or its block's) becomes a bare entry; a pattern that is just
an object or particle after the verb becomes a "verb object" entry for the verb its coder
wrote it for. A key is kept only when all its codes agree on one family. Codes map to families
and labels through scripts/cameo_rules.json, which also lists what is left out and why;
hand-made entries in scripts/cameo_curated.jsonl are added last, and lemmas of
resources/stances.jsonl are left out. See claimcmp/resources/LICENSES.md.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "claimcmp" / "resources"
RULES = json.loads((ROOT / "scripts" / "cameo_rules.json").read_text(encoding="utf-8"))
SOURCE = "PETRARCH2 CAMEO.2.0 verb dictionary"
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{[^}]*\}")


def parse_dictionary(text: str) -> tuple[dict[str, list[str]], list[dict]]:
    """Synonym sets (&NAME -> words) and verb blocks
    [{code, verbs: [(word, code)], patterns: [(pre, post, code, origin)], forms: {form: verb}}]."""
    head, _, rest = text.partition("####### VERB PATTERNS")
    verbs_part = rest.split("######## TRANSFORMATIONS")[0]
    return _synsets(head), _blocks(verbs_part)


def _synsets(text: str) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            current = None
        elif line.startswith("&"):
            current = line.rstrip("_")
            synsets[current] = []
        elif line.startswith("+") and current:
            synsets[current].append(line[1:].strip())
    return synsets


def _blocks(text: str) -> list[dict]:
    blocks: list[dict] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        codes = _CODE.findall(line)
        if not line.strip():
            continue
        if line.startswith("---"):
            blocks.append({"code": codes[0] if codes else "---", "verbs": [], "patterns": [], "forms": {}})
        elif line.startswith("-") and blocks:
            body = _CODE.sub("", line[1:]).strip()
            if codes and "*" in body:
                pre, post = body.split("*", 1)
                # the comment names the verb the pattern was written for: "# CALLED_OFF"
                origin = raw.split("#", 1)[1].split(",")[0].strip() if "#" in raw else ""
                blocks[-1]["patterns"].append((pre.split(), post.strip(), codes[0], origin))
        elif blocks:
            word = _FORMS.sub("", _CODE.sub("", line)).strip().split()
            if word:
                blocks[-1]["verbs"].append((word[0], codes[0] if codes else None))
                forms = re.search(r"\{([^}]*)\}", line)
                for form in [word[0]] + (forms.group(1).replace(",", " ").split() if forms else []):
                    blocks[-1]["forms"][form.lstrip("+")] = word[0]
    return blocks


def code_reading(code: str | None) -> tuple[str, str] | None:
    """(family, label) a CAMEO code gives, or None for codes that make no stance."""
    code = (code or "").split(":")[0].strip()
    if not code.isdigit() or code[:2] in RULES["skip_roots"]:
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in RULES["codes"]:
            found = RULES["codes"][code[:n]]
            return None if found is None else (found[0], found[1])
    return None


def verb_lemma(word: str) -> str | None:
    """'CALL_OFF' / '+CALL_OFF' -> 'call off'; None for forms we cannot key (three words, 'RE_' forms)."""
    word = word.lstrip("+").strip("_").lower()
    parts = [p for p in word.split("_") if p]
    if not parts or len(parts) > 2 or parts[0] in {"re", "is", "was", "be", "are", "will"}:
        return None
    if not all(p.isalpha() for p in parts):
        return None
    return " ".join(parts)


def first_objects(post: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head words a pattern's first element names: 'SANCTIONS', '{AIR RAIDS}', '&FIGHT', 'DOWN'."""
    post = post.replace("$", " ").replace("+", " ").replace("^", " ").replace("%", " ").strip()
    if not post or post.startswith("("):
        return []
    rest = re.sub(r"^(\{[^}]*\}|\S+)", "", post).strip()
    if rest:
        return []  # 'deliver message (against)': the words after the object change the code
    if post.startswith("{"):
        words = post[1:post.index("}")].split() if "}" in post else []
        return [words[-1].lower()] if words and not words[-1].startswith("&") else []
    first = post.split()[0]
    if first.startswith("&"):
        members = synsets.get(first.rstrip("_"), [])
        return [m.strip("_").lower() for m in members if "_" not in m.strip("_")]  # not CEASE_FIRE
    return [first.strip("_").lower()]


def collect_votes(synsets: dict, blocks: list[dict]) -> dict[str, list]:
    """Every key ('lemma' or 'verb object') with the readings its codes give (None: no stance)."""
    votes: dict[str, list] = defaultdict(list)
    generic = set(RULES["generic_verbs"]) | set(RULES["dropped_verbs"])
    vague = set(RULES["dropped_objects"])
    for block in blocks:
        lemmas = [(verb_lemma(w), c) for w, c in block["verbs"]]
        lemmas = [(lemma, c) for lemma, c in lemmas if lemma]
        for lemma, own_code in lemmas:
            code = own_code or block["code"]
            if code.startswith("---") or lemma in generic:
                continue
            votes[lemma].append((code_reading(code), code))
        for pre, post, code, origin in block["patterns"]:
            if [w for w in pre if w not in {"$", "+", "^", "%"}]:
                continue  # a pattern that needs words before the verb says too little alone
            lemma = verb_lemma(origin_verb(origin, block) or "")
            if not lemma or " " in lemma:
                continue
            reading = code_reading(code)
            for obj in first_objects(post, synsets):
                if obj.isalpha() and len(obj) > 1 and obj not in vague:
                    votes[f"{lemma} {obj}"].append((reading, code))
    return votes


def origin_verb(origin: str, block: dict) -> str | None:
    """The block verb a pattern was written for: its comment names it, maybe inflected
    ('CALLED_OFF'); PETRARCH applies patterns to the whole block, but its blocks are broad
    synonym clouds ('annul' next to 'end'), so only the verb the coder saw is trusted."""
    forms = block["forms"]
    word = origin.split()[0].upper() if origin.split() else ""
    if word in forms:
        return forms[word]
    for suffix, repl in (("IED", "Y"), ("IES", "Y"), ("ING", ""), ("ING", "E"), ("ED", ""), ("ED", "E"),
                         ("ES", ""), ("S", ""), ("D", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in forms:
            return forms[word[: -len(suffix)] + repl]
    return None


def agreed(readings: list) -> tuple[str, str, str] | None:
    """(family, label, code) when every code of a key gives one family, else None."""
    if any(r is None for r, _ in readings):
        return None
    families = {r[0] for r, _ in readings}
    if len(families) != 1:
        return None
    counts: dict[tuple, int] = defaultdict(int)
    for (family, label), code in readings:
        counts[(family, label, code)] += 1
    return max(sorted(counts), key=lambda k: counts[k])


def singular(words: set[str]) -> dict[str, str]:
    """Object words as the runtime model lemmatizes them, so 'halt attacks' is keyed 'halt attack'."""
    import spacy

    from claimcmp.nlp import resolve_model_name

    nlp = spacy.load(resolve_model_name(), exclude=["parser", "ner"])
    ordered = sorted(words)
    docs = nlp.pipe(f"they saw the {w}" for w in ordered)
    return {w: (doc[-1].lemma_.lower() if doc[-1].pos_ == "NOUN" else w) for w, doc in zip(ordered, docs)}


def stance_label(lemma: str, family: str, label: str) -> str:
    """The lemma itself when it already names a relation of this family, else the code's label."""
    from claimcmp import stance_groups

    group = stance_groups.read(lemma).group
    return lemma if group is not None and group.family == family else label


def entry(lemma: str, pos: str, family: str, stance: str, source: str, cameo: str | None) -> dict:
    from claimcmp import stance_groups

    group = stance_groups.read(stance).group
    out = {"lemma": lemma, "pos": pos, "stance": stance, "family": family,
           "symmetric": bool(group and group.symmetric), "source": source}
    if cameo:
        out["cameo"] = cameo
    return out


def build(text: str) -> list[dict]:
    synsets, blocks = parse_dictionary(text)
    votes = collect_votes(synsets, blocks)
    objects = singular({k.split()[1] for k in votes if " " in k and k.split()[1] not in RULES["particles"]})
    merged: dict[str, list] = defaultdict(list)
    for key, readings in votes.items():
        verb, _, obj = key.partition(" ")
        if objects.get(obj, obj) not in set(RULES["dropped_objects"]) | set(RULES["actor_objects"]):
            merged[f"{verb} {objects.get(obj, obj)}".strip()].extend(readings)
    curated = {json.loads(line)["lemma"] for line in (RESOURCES / "stances.jsonl").read_text("utf-8").splitlines()
               if line.strip()}
    dropped = set(RULES["dropped_phrases"])
    entries: dict[tuple[str, str], dict] = {}
    for key in sorted(merged):
        found = agreed(merged[key])
        if found is None or key in curated or key in dropped:
            continue
        family, label, code = found
        code = code.split(":")[0]
        entries[(key, "VERB")] = entry(key, "VERB", family, stance_label(key, family, label),
                                       f"{SOURCE} code {code}", code)
    for line in (ROOT / "scripts" / "cameo_curated.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            if raw["lemma"] not in curated:
                entries[(raw["lemma"], raw["pos"])] = {**entry(raw["lemma"], raw["pos"], raw["family"], raw["stance"],
                                                                "curated", raw.get("cameo")),
                                                          **{k: raw[k] for k in ("requires", "unless") if k in raw}}
    return [entries[k] for k in sorted(prune_phrases(entries, curated_verbs()), key=lambda k: (k[1] != "VERB", k[0]))]


def curated_verbs() -> dict[str, dict]:
    rows = [json.loads(line) for line in (RESOURCES / "stances.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return {r["lemma"]: r for r in rows if r["pos"] == "VERB"}


def prune_phrases(entries: dict, curated: dict[str, dict]) -> dict:
    """Drop 'verb object' entries of a curated verb that keep its family (the extractor drops a
    phrasal entry's object from the targets, so 'condemned the killing of X by Y' would lose Y),
    and those whose family differs from the bare verb's unless the code is one of the
    object-made readings we trust ('halt attacks' ceasefire, 'withdraw donation', 'extend
    sanctions'); the others read CAMEO's target logic ('denounce detention' is coded as
    support for the detainee)."""
    bare = {**{lemma: e for (lemma, pos), e in entries.items() if pos == "VERB" and " " not in lemma}, **curated}
    trusted = tuple(RULES["cross_family_codes"])
    kept = {}
    for key, e in entries.items():
        verb = key[0].split()[0]
        if " " in key[0] and e["source"] != "curated" and verb in bare:
            if bare[verb]["family"] != e["family"] and not (e.get("cameo") or "").startswith(trusted):
                continue
            if bare[verb]["family"] == e["family"] and verb in curated:
                continue
        kept[key] = e
    return kept



def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: build_cameo_stances.py <path to CAMEO.2.0.txt>", file=sys.stderr)
        return 2
    rows = build(Path(argv[1]).read_text(encoding="utf-8", errors="replace"))
    out = RESOURCES / "stances_cameo.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    verbs = sum(r["pos"] == "VERB" for r in rows)
    print(f"{out.relative_to(ROOT)}: {verbs} verbs, {len(rows) - verbs} nouns", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
