"""Every packaged data file (claimcmp/resources) read through one loader, with a user overlay.

An overlay is a folder of files named like the packaged ones; they add to or override the
packaged data, so a user extends the rules without editing the installed package (an
upgrade would overwrite it). The overlay in force is, first found:
1. the innermost `using(path)` scope (`--resources DIR`, the Python API, and each claimcmp
   component whose spaCy config sets `resources`);
2. $CLAIMCMP_RESOURCES;
3. none: the packaged files alone.

How an overlay file merges (docs/resources.md has the formats):
- JSONL: a row whose key (RESOURCES[name].key) is new is appended; a row with a known key
  updates that row: its lists are extended, its other values replace the packaged ones
  (`"replace": true` replaces the whole row instead).
- JSON: lists are extended, objects merged key by key, strings replaced; in
  stance_synonyms.json a group with a known name extends that group.
Loaders that cache take the overlay as their cache key (see `overlay_cached`).
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimcmp.errors import UsageError

ENV = "CLAIMCMP_RESOURCES"
PACKAGE = "claimcmp.resources"


@dataclass(frozen=True)
class Resource:
    name: str
    key: tuple[str, ...]  # JSONL: the fields that identify a row; JSON: ()
    fields: frozenset[str]  # JSONL: the fields a row may have; JSON: the top-level keys
    about: str


ROW_EXTRA = frozenset({"replace"})  # overlay rows only
RESOURCES: dict[str, Resource] = {r.name: r for r in (
    Resource("stances.jsonl", ("lemma", "pos"), frozenset(
        {"lemma", "pos", "stance", "family", "symmetric", "requires", "unless", "after", "source", "cameo", "owner"}),
        "stance words (verbs and event nouns) and the label each writes"),
    Resource("cues.json", (), frozenset(), "closed-class word lists the rules consult"),
    Resource("stance_synonyms.json", (), frozenset(
        {"about", "stopwords", "light", "particles", "generic", "classes", "related", "groups"}),
        "which stance labels name the same relation (what diff compares)"),
    Resource("actors.jsonl", ("id",), frozenset(
        {"id", "name", "kind", "aliases", "modifiers", "country", "home", "adjectives", "generic", "cs_aliases"}),
        "organizations, armed groups, generic groups and blockers"),
    Resource("actor_bodies.jsonl", ("phrase", "canon", "kind"), frozenset(
        {"phrase", "canon", "label", "kind", "after"}), "state bodies and extension words"),
    Resource("countries.jsonl", ("id",), frozenset(
        {"id", "name", "kind", "country", "names", "adjectives", "metonyms", "prefixes", "sovereign"}),
        "countries: names, demonyms, seats of power, prefixes"),
    Resource("leaders.jsonl", ("id",), frozenset({"id", "name", "country", "aliases"}),
             "office holders and the names text gives them"),
    Resource("tenures.jsonl", ("leader", "office", "start"), frozenset({"leader", "office", "start", "end"}),
             "leaders' terms of office"),
    Resource("places_curated.jsonl", ("name",), frozenset({"name", "kind", "country", "aliases", "weak", "polity"}),
             "hand-written place names (win a name clash)"),
    Resource("places_generated.jsonl", ("name", "kind", "country"), frozenset(
        {"name", "kind", "country", "names", "weak", "minor"}), "generated place names"),
    Resource("named_pairs.json", (), frozenset(),
             "words that name two or more parties at once ('the two Koreas', 'the Baltic states')"),
    Resource("actor_kin.json", (), frozenset(), "ids outlets use for one side ('rebels' / 'militants', 'SDF' / 'YPG')"),
    Resource("non_actors.json", (), frozenset(), "words whose NER names are no actors ('UAV', 'LoC')"),
    Resource("ambiguous_acronyms.json", (), frozenset(), "abbreviations of several states' bodies ('IAF')"),
    Resource("time_words.json", (), frozenset(
        {"month_abbreviations", "weekday_abbreviations", "number_words", "tens_words", "vague_counts", "day_words"}),
        "words of dates and counts ('Sept.', 'Tue.', 'eleven', 'a few', 'yesterday')"),
    Resource("stopwords.json", (), frozenset(), "the commonest words of each language (guess an article's language)"),
)}
# Packaged stance files beyond stances.jsonl (stances_<source>.jsonl) are read after it, in
# name order, and add the lemmas it does not have (the curated file wins).
STANCE_FILES_GLOB = "stances_*.jsonl"

_scoped: contextvars.ContextVar[str | None] = contextvars.ContextVar("claimcmp_resources", default=None)


class ResourceError(UsageError):
    """An overlay file that cannot be read (a bad line, a missing folder)."""


def normalize(path: str | os.PathLike | None) -> str | None:
    """An overlay folder as an absolute path string (the cache key), or None for none."""
    if path is None or str(path) == "":
        return None
    return str(Path(path).expanduser().resolve())


def active_overlay() -> str | None:
    """The overlay folder in force (see the module docstring), or None. Called on every
    cached lookup, so the environment's value is normalized once per value (and inside
    `pinned` not even read: "" there stands for no overlay)."""
    scoped = _scoped.get()
    if scoped is None:
        return _normalized_env(os.environ.get(ENV))
    return scoped or None


_normalized_env = functools.lru_cache(maxsize=8)(normalize)


@contextlib.contextmanager
def using(path: str | os.PathLike | None):
    """Run a block with `path` as the overlay; None keeps the one in force."""
    folder = normalize(path)
    if folder is None:
        yield active_overlay()
        return
    require_folder(folder)
    token = _scoped.set(folder)
    try:
        yield folder
    finally:
        _scoped.reset(token)


@contextlib.contextmanager
def pinned():
    """Run a block with the overlay in force fixed: the environment is read once, not on
    each cached lookup of the block (a component's call makes tens of thousands)."""
    token = _scoped.set(active_overlay() or "")
    try:
        yield
    finally:
        _scoped.reset(token)


def require_folder(folder: str) -> None:
    if not Path(folder).is_dir():
        raise ResourceError(f"resources folder not found: {folder}", "--resources / $" + ENV)


def overlay_cached(loader):
    """Cache `loader(overlay)` per overlay folder; the wrapper takes the overlay in force."""
    cached = functools.lru_cache(maxsize=8)(loader)

    def current():
        # active_overlay() inlined: the cached loaders are called ~200,000 times a run
        scoped = _scoped.get()
        return cached(_normalized_env(os.environ.get(ENV)) if scoped is None else scoped or None)

    # the name and doc of the loader, not its signature: callers pass no overlay
    current.__name__, current.__qualname__, current.__doc__ = loader.__name__, loader.__qualname__, loader.__doc__
    current.__module__ = loader.__module__
    current.cache_clear = cached.cache_clear
    current.for_overlay = cached
    return current


# -- reading ----------------------------------------------------------------------------
def packaged_text(name: str) -> str:
    return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")


def packaged_names(pattern: str) -> list[str]:
    """Packaged files matching a glob pattern, in name order."""
    import fnmatch

    return sorted(p.name for p in resources.files(PACKAGE).iterdir() if fnmatch.fnmatch(p.name, pattern))


def parse_jsonl(text: str, where: str) -> list[tuple[int, dict]]:
    """(line number, row) for each non-blank line; a bad line raises ResourceError(file:line)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ResourceError(f"invalid JSON: {err.msg}", f"{where}:{number}") from None
        if not isinstance(row, dict):
            raise ResourceError("a line must be a JSON object", f"{where}:{number}")
        rows.append((number, row))
    return rows


def overlay_file(name: str, overlay: str | None) -> Path | None:
    if overlay is None:
        return None
    path = Path(overlay) / name
    return path if path.is_file() else None


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """An object's members; a key given twice raises (json.loads would keep the last one
    silently, and a list written earlier in the file would be dead data)."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def parse_json(text: str, where: str) -> dict:
    """A JSON object; bad JSON or a key given twice raises ResourceError(file:line)."""
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as err:
        raise ResourceError(f"invalid JSON: {err.msg}", f"{where}:{err.lineno}") from None
    except _DuplicateKey as err:
        key = json.dumps(err.args[0], ensure_ascii=False)
        line = text.count("\n", 0, text.rindex(key)) + 1 if key in text else 1
        raise ResourceError(f"key {key} is given twice", f"{where}:{line}") from None
    if not isinstance(data, dict):
        raise ResourceError("the file must hold a JSON object", f"{where}:1")
    return data


def _overlay_json(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(f"cannot read: {err}", str(path)) from None
    return parse_json(text, str(path))


def _overlay_rows(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(f"cannot read: {err}", str(path)) from None
    return [row for _number, row in parse_jsonl(text, str(path))]


def read_overlay(folder: str) -> None:
    """Parse every file of an overlay folder: a bad line fails here, before any extraction."""
    require_folder(folder)
    for name in RESOURCES:
        path = overlay_file(name, folder)
        if path is not None:
            _overlay_json(path) if name.endswith(".json") else _overlay_rows(path)


def rows(name: str, overlay: str | None = None) -> list[dict]:
    """The rows of a JSONL resource: packaged, then merged with the overlay's file of that name."""
    out = _packaged_rows(name)
    extra_files = packaged_names(STANCE_FILES_GLOB) if name == "stances.jsonl" else []
    # a packaged stance file read after stances.jsonl adds lemmas: the curated rows win
    known = {tuple(row.get(k) for k in RESOURCES[name].key) for row in out} if extra_files else set()
    extra = [row for extra_name in extra_files for row in _packaged_rows(extra_name)
             if tuple(row.get(k) for k in RESOURCES[name].key) not in known]
    path = overlay_file(name, overlay)
    if path is not None:
        extra += _overlay_rows(path)
    return merge_rows(out, extra, RESOURCES[name].key) if extra else out


def _packaged_rows(name: str) -> list:
    """The rows of a packaged JSONL file, parsed as one JSON array (one json.loads call,
    not one a line: the place names are 34,000 lines)."""
    return json.loads("[" + ",".join(line for line in packaged_text(name).splitlines() if line.strip()) + "]")


def merge_rows(base: list[dict], extra: list[dict], key: tuple[str, ...]) -> list[dict]:
    out = list(base)
    where = {tuple(row.get(k) for k in key): n for n, row in enumerate(out)}
    for row in extra:
        k = tuple(row.get(f) for f in key)
        if k in where:
            n = where[k]
            out[n] = ({f: v for f, v in row.items() if f != "replace"} if row.get("replace")
                      else merge_values(out[n], row))
        else:
            where[k] = len(out)
            out.append({f: v for f, v in row.items() if f != "replace"})
    return out


def merge_values(base, extra):
    """Lists extended (without repeats), objects merged key by key, anything else replaced."""
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            if k != "replace":
                out[k] = merge_values(base[k], v) if k in base else v
        return out
    return extra


def json_object(name: str, overlay: str | None = None) -> dict:
    """A JSON resource, packaged, merged with the overlay's file of that name."""
    data = parse_json(packaged_text(name), f"{PACKAGE}/{name}")
    path = overlay_file(name, overlay)
    if path is None:
        return data
    extra = _overlay_json(path)
    if name == "stance_synonyms.json" and "groups" in extra:
        groups = merge_rows(data.get("groups", []), extra["groups"], ("name",))
        return {**merge_values(data, {k: v for k, v in extra.items() if k != "groups"}), "groups": groups}
    return merge_values(data, extra)


def sources(overlay: str | None = None) -> list[tuple[str, list[str]]]:
    """(resource, where its data comes from: packaged files, then the overlay file)."""
    package_dir = resources.files(PACKAGE)
    out = []
    for name in RESOURCES:
        where = [str(package_dir.joinpath(name))]
        if name == "stances.jsonl":
            where += [str(package_dir.joinpath(n)) for n in packaged_names(STANCE_FILES_GLOB)]
        path = overlay_file(name, overlay)
        if path is not None:
            where.append(str(path))
        out.append((name, where))
    return out
