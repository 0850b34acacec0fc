"""`claimcmp resources check DIR`: what is wrong in a user's overlay folder, file:line by file:line.

What a row may hold is learnt from the packaged data, so the check follows the formats as
they grow: a field no packaged row has is unknown, a field every packaged row has is
required of a new row, a value must have a type the packaged rows give that field, and a
field with a handful of values (pos, family, kind) takes one of them. Beyond the shapes:
dates of terms, aliases another actor already holds (its first owner would keep them),
leaders and countries that exist, and stance labels in a comparison group (or diff could
never see them conflict).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.resource_loader import RESOURCES, ResourceError

CLOSED_MAX = 6  # a field with at most this many distinct values in the package is a closed set
# fields whose values are names an actor is found by, per file
ALIAS_FIELDS = {"actors.jsonl": ("aliases", "cs_aliases", "adjectives", "modifiers"),
                "leaders.jsonl": ("aliases",),
                "countries.jsonl": ("names", "adjectives", "metonyms", "prefixes")}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"Error: {self.what} ({self.path}:{self.line})"


@dataclass(frozen=True)
class _Shape:
    """What the packaged rows (or objects) of one kind look like."""

    required: frozenset[str]
    types: dict[str, frozenset[str]]
    closed: dict[str, frozenset[str]]


def _learn(rows: list[dict]) -> _Shape:
    types: dict[str, set[str]] = {}
    values: dict[str, set] = {}
    for row in rows:
        for field, value in row.items():
            types.setdefault(field, set()).add(type(value).__name__)
            if isinstance(value, str):
                values.setdefault(field, set()).add(value)
    required = frozenset.intersection(*(frozenset(r) for r in rows)) if rows else frozenset()
    closed = {f: frozenset(v) for f, v in values.items() if len(v) <= CLOSED_MAX and len(rows) >= 30}
    return _Shape(required, {k: frozenset(v) for k, v in types.items()}, closed)


@lru_cache(maxsize=None)
def _shape(name: str) -> _Shape:
    return _learn(resource_loader.rows(name))


@lru_cache(maxsize=None)
def _packaged_keys(name: str) -> frozenset[tuple]:
    return frozenset(tuple(r.get(f) for f in RESOURCES[name].key) for r in resource_loader.rows(name))


def check(folder: str) -> list[Problem]:
    """Every problem of the overlay folder, file by file, in line order."""
    resource_loader.require_folder(folder)
    problems: list[Problem] = []
    for path in sorted(Path(folder).iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.name not in RESOURCES:
            problems.append(Problem(str(path), 1, f"unknown resource file {path.name!r} (known: "
                                                   f"{', '.join(RESOURCES)})"))
            continue
        try:
            problems += _check_file(path)
        except ResourceError as err:  # a line that is no JSON object: where says file:line
            where, _, line = (err.where or "").rpartition(":")
            problems.append(Problem(where or str(path), int(line) if line.isdigit() else 1, err.what))
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(str(path), 1, f"cannot read: {err}"))
    if not problems:  # the merged data can only be built from well-formed files
        problems += _check_merged(folder)
    return problems


def _check_file(path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = resource_loader.parse_json(text, str(path))
        whats = (_cue_problems(data) if path.name == "cues.json" else _synonym_problems(data)
                 if path.name == "stance_synonyms.json" else _table_problems(path.name, data))
        return [Problem(str(path), line_of(text, needle), what) for needle, what in whats]
    return [Problem(str(path), number, what)
            for number, row in resource_loader.parse_jsonl(text, str(path))
            for what in _row_problems(path.name, row)]


def _row_problems(name: str, row: dict) -> list[str]:
    known = RESOURCES[name].fields | resource_loader.ROW_EXTRA
    out = [f"unknown key {k!r} (a {name} row has {', '.join(sorted(RESOURCES[name].fields))})"
           for k in row if k not in known]
    key = tuple(row.get(f) for f in RESOURCES[name].key)
    new = key not in _packaged_keys(name) or row.get("replace")
    out += _shape_problems(_shape(name), row, new, f"a new {name} row")
    if name == "tenures.jsonl":
        out += _date_problems(row)
    return out


def _shape_problems(shape: _Shape, row: dict, new: bool, what: str) -> list[str]:
    out = [f"missing key {k!r} ({what} needs {', '.join(sorted(shape.required))})"
           for k in sorted(shape.required) if new and k not in row]
    for field, value in row.items():
        allowed = shape.types.get(field)
        if allowed and type(value).__name__ not in allowed:
            out.append(f"{field!r} must be {' or '.join(sorted(allowed))}, not {type(value).__name__}")
        elif isinstance(value, list) and any(not isinstance(v, (str, list)) for v in value):
            out.append(f"{field!r} must be a list of strings")
        elif field in shape.closed and isinstance(value, str) and value not in shape.closed[field]:
            out.append(f"{field!r} is {value!r}: expected one of {', '.join(sorted(shape.closed[field]))}")
    return out


def _date_problems(row: dict) -> list[str]:
    dates: dict[str, dt.date] = {}
    for field in ("start", "end"):
        value = row.get(field)
        if field == "end" and value is None:
            continue
        try:
            dates[field] = dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return [f"bad date {field} {value!r}: expected YYYY-MM-DD" + (" or null" if field == "end" else "")]
    if "end" in dates and "start" in dates and dates["end"] <= dates["start"]:
        return [f"the term ends ({row['end']}) before it starts ({row['start']})"]
    return []


def _cue_problems(data: dict) -> list[tuple[str, str]]:
    packaged = json.loads(resource_loader.packaged_text("cues.json"))
    out = []
    for key, value in data.items():
        if key.startswith("_"):
            continue  # a comment
        if key not in packaged:
            out.append((f'"{key}"', f"unknown cue list {key!r}: the rules read only the packaged ones"))
        elif not isinstance(value, list) or any(not isinstance(v, str) for v in value):
            out.append((f'"{key}"', f"cue list {key!r} must be a list of strings"))
    return out


def _table_problems(name: str, data: dict) -> list[tuple[str, str]]:
    """Another JSON file: a closed file (RESOURCES[name].fields) has only its packaged keys; a
    value has the type of the packaged one (of the packaged entries, for a new key or a table's
    entry: a number in month_abbreviations, a list of words in stopwords.json)."""
    packaged = {k: v for k, v in json.loads(resource_loader.packaged_text(name)).items() if not k.startswith("_")}
    fields, sample = RESOURCES[name].fields, next(iter(packaged.values()))
    out = []
    for key, value in ((k, v) for k, v in data.items() if not k.startswith("_")):
        expected = packaged.get(key, sample)
        if fields and key not in fields:
            out.append((f'"{key}"', f"unknown key {key!r} (the file has {', '.join(sorted(fields))})"))
        elif type(value) is not type(expected):
            out.append((f'"{key}"', f"{key!r} must be {type(expected).__name__}, not {type(value).__name__}"))
        elif isinstance(value, dict) and expected and fields:
            entry = type(next(iter(expected.values())))
            out += [(f'"{k}"', f"{key}: {k!r} must be {entry.__name__}, not {type(v).__name__}")
                    for k, v in value.items() if type(v) is not entry]
    return out


def _synonym_problems(data: dict) -> list[tuple[str, str]]:
    name = "stance_synonyms.json"
    packaged = json.loads(resource_loader.packaged_text(name))
    out = [(f'"{key}"', f"unknown key {key!r} (the file has {', '.join(sorted(RESOURCES[name].fields))})")
           for key in data if key not in RESOURCES[name].fields]
    out += [(f'"{key}"', f"{key!r} must be {type(packaged[key]).__name__}, not {type(value).__name__}")
            for key, value in data.items() if key in packaged and type(value) is not type(packaged[key])]
    if out or "groups" not in data:
        return out
    shape = _learn(packaged["groups"])
    known = {g["name"] for g in packaged["groups"]}
    classes = set(packaged["classes"]) | set(data.get("classes", {}))
    for group in data["groups"]:
        if not isinstance(group, dict):
            out.append(('"groups"', "a group must be a JSON object"))
            continue
        needle = f'"{group.get("name")}"'
        new = group.get("name") not in known or group.get("replace")
        out += [(needle, what) for what in _shape_problems(shape, group, new, "a new group")]
        out += [(needle, f"unknown key {k!r} in group {group.get('name')!r}")
                for k in group if k not in shape.types and k not in resource_loader.ROW_EXTRA]
        if "class" in group and group["class"] not in classes:
            out.append((needle, f"class {group['class']!r} is not in classes ({', '.join(sorted(classes))})"))
    return out


def _check_merged(folder: str) -> list[Problem]:
    """Problems only the packaged and overlay data together show."""
    return _alias_problems(folder) + _reference_problems(folder) + _stance_group_problems(folder)


def _alias_problems(folder: str) -> list[Problem]:
    owners: dict[str, set[tuple[str, str]]] = {}
    for name, fields in ALIAS_FIELDS.items():
        for row in resource_loader.rows(name, folder):
            for field in fields:
                for alias in row.get(field, ()):
                    owners.setdefault(alias, set()).add((name, row["id"]))
    out = []
    for name, fields in ALIAS_FIELDS.items():
        path = resource_loader.overlay_file(name, folder)
        if path is None:
            continue
        for number, row in resource_loader.parse_jsonl(path.read_text(encoding="utf-8"), str(path)):
            for alias in (a for field in fields for a in row.get(field, ())):
                others = sorted(f"{n} {i}" for n, i in owners.get(alias, ()) if (n, i) != (name, row["id"]))
                if others:
                    out.append(Problem(str(path), number, f"alias {alias!r} is also held by {', '.join(others)}"))
    return out


def _reference_problems(folder: str) -> list[Problem]:
    countries = {r["id"] for r in resource_loader.rows("countries.jsonl", folder)}
    # a leader's "country" is the code they carry: a state's ISO3 or an organization's id
    codes = countries | {r["id"] for r in resource_loader.rows("actors.jsonl", folder)}
    leaders = {r["id"] for r in resource_loader.rows("leaders.jsonl", folder)}
    out = []
    for name, field, known, where in (("leaders.jsonl", "country", codes, "countries.jsonl or actors.jsonl"),
                                      ("actors.jsonl", "country", countries, "countries.jsonl"),
                                      ("actors.jsonl", "home", countries, "countries.jsonl"),
                                      ("tenures.jsonl", "leader", leaders, "leaders.jsonl")):
        path = resource_loader.overlay_file(name, folder)
        if path is None:
            continue
        for number, row in resource_loader.parse_jsonl(path.read_text(encoding="utf-8"), str(path)):
            if row.get(field) is not None and row[field] not in known:
                out.append(Problem(str(path), number, f"{field} {row[field]!r} is in no {where} row"))
    return out


def _stance_group_problems(folder: str) -> list[Problem]:
    from claimcmp.knowledge import stance_groups

    synonyms = Path(folder) / "stance_synonyms.json"
    try:
        stance_groups.lexicon.for_overlay(folder)
    except ResourceError as err:
        text = synonyms.read_text(encoding="utf-8") if synonyms.is_file() else ""
        return [Problem(str(synonyms), line_of(text, err.what.split("'")[1] if "'" in err.what else ""), err.what)]
    path = resource_loader.overlay_file("stances.jsonl", folder)
    if path is None:
        return []
    with resource_loader.using(folder):
        return [Problem(str(path), number, f"stance label {row['stance']!r} is in no comparison group of "
                                           "stance_synonyms.json: diff could never see it agree or conflict")
                for number, row in resource_loader.parse_jsonl(path.read_text(encoding="utf-8"), str(path))
                if "stance" in row and stance_groups.read(row["stance"]).group is None]


def line_of(text: str, needle: str) -> int:
    """The first line holding `needle` (1 if none): where a JSON key or value is written."""
    at = text.find(needle) if needle else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
