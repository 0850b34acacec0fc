"""The packaged data holds together: every cue list is read by some rule, and every alias
that names an actor has one owner (the gazetteer would silently give it to the first)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.resource_check import ALIAS_FIELDS

PACKAGE = Path(resource_loader.__file__).parents[1]  # claimcmp/
# Cue lists no rule reads yet: the same words are still written in the rule's own code.
# Listed here, not deleted, because the rules are being moved to data (issue 11); the
# test below fails when an entry is stale, so the list can only shrink.
UNREAD_CUES = {
    "according_to": "pipeline/attribution.py tests tok.lower_ == 'according'",
}


def code_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py")))


def test_every_cue_list_is_read_by_the_code():
    cues = [k for k in json.loads(resource_loader.packaged_text("cues.json")) if not k.startswith("_")]
    code = code_text()
    read = {k for k in cues if re.search(rf"[\"']{k}[\"']", code)}
    assert sorted(set(cues) - read - set(UNREAD_CUES)) == []
    assert sorted(set(UNREAD_CUES) & read) == [], "read now: drop it from UNREAD_CUES"
    assert set(UNREAD_CUES) <= set(cues)


def test_no_alias_has_two_owners_across_the_actor_files():
    owners: dict[str, set[tuple[str, str]]] = {}
    for name, fields in ALIAS_FIELDS.items():
        for row in resource_loader.rows(name):
            for alias in (a for field in fields for a in row.get(field, ())):
                owners.setdefault(alias, set()).add((name, row["id"]))
    assert {alias: sorted(o) for alias, o in owners.items() if len(o) > 1} == {}


def test_every_term_belongs_to_a_known_leader():
    leaders = {row["id"] for row in resource_loader.rows("leaders.jsonl")}
    assert sorted({row["leader"] for row in resource_loader.rows("tenures.jsonl")} - leaders) == []


def test_the_packaged_data_passes_its_own_check(tmp_path):
    from claimcmp.knowledge.resource_check import check

    for name in ("actors.jsonl", "leaders.jsonl", "tenures.jsonl", "stances.jsonl"):
        (tmp_path / name).write_text(resource_loader.packaged_text(name), encoding="utf-8")
    problems = [(Path(p.path).name, p.what) for p in check(str(tmp_path)) if "stance label" not in p.what]
    assert problems == []
