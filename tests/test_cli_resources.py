"""A user extends the rules from a folder of their own (--resources), never the package."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcmp.cli.main import app
from overlay_data import A_TEXT, B_TEXT, write_overlay


def run(args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user")
    write_overlay(folder / "overlay")
    (folder / "a.txt").write_text(A_TEXT)
    (folder / "b.txt").write_text(B_TEXT)
    return folder


def extract(folder, name, *options):
    result = run(["extract", folder / f"{name}.txt", "-f", "jsonl", "--date", "2024-03-04", *options])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_reads_the_stance_verb_the_alias_and_the_term_from_the_overlay(folder):
    (claim,) = extract(folder, "a", "--resources", folder / "overlay")
    assert claim["stance"] == "excommunicate" and claim["polarity"] == "positive"
    assert claim["subject"]["id"] == "RURITANIAN_LEAGUE"
    assert claim["subject"]["mention"] == "the League of Strelsau"
    assert claim["target"]["id"] == "FRA"
    assert (claim["when"]["start"], claim["when"]["text"]) == ("2019-05-01", "Since Rassendyll took office")


def test_without_the_overlay_the_package_alone_is_read(folder):
    assert all(claim["stance"] != "excommunicate" for claim in extract(folder, "a"))


def test_the_environment_variable_names_the_overlay(folder, monkeypatch):
    monkeypatch.setenv("CLAIMCMP_RESOURCES", str(folder / "overlay"))
    (claim,) = extract(folder, "a")
    assert claim["stance"] == "excommunicate"


def test_diff_sees_the_new_verb_conflict_through_the_overlay_groups(folder):
    for name in ("a", "b"):
        result = run(["extract", folder / f"{name}.txt", "-f", "json", "--date", "2024-03-04",
                      "--resources", folder / "overlay", "-o", folder / f"{name}.json"])
        assert result.exit_code == 0, result.stderr
    with_overlay = run(["diff", folder / "a.json", folder / "b.json", "-f", "json", "--resources", folder / "overlay"])
    assert with_overlay.exit_code == 0, with_overlay.stderr
    (pair,) = json.loads(with_overlay.stdout)["pairs"]
    assert pair["relation"] == "conflict"
    assert "(excommunicate vs not defenestrate)" in pair["why"]
    without = run(["diff", folder / "a.json", folder / "b.json", "-f", "json"])
    assert json.loads(without.stdout)["pairs"] == []


def test_diff_of_two_articles_extracts_both_with_the_overlay(folder):
    result = run(["diff", folder / "a.txt", folder / "b.txt", "-f", "json", "--date", "2024-03-04",
                  "--resources", folder / "overlay"])
    assert result.exit_code == 0, result.stderr
    assert [p["relation"] for p in json.loads(result.stdout)["pairs"]] == ["conflict"]


def test_a_missing_overlay_folder_is_a_usage_error(folder):
    result = run(["extract", folder / "a.txt", "--resources", folder / "nowhere"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"Error: resources folder not found: {folder / 'nowhere'} "
                             "(--resources / $CLAIMCMP_RESOURCES)\n")


def test_a_bad_overlay_line_is_named_before_any_extraction(folder):
    bad = folder / "bad"
    bad.mkdir()
    (bad / "leaders.jsonl").write_text('{"id": "x", "name": "X", "country": "FRA", "aliases": ["X"]}\n{oops\n')
    result = run(["extract", folder / "a.txt", "--resources", bad])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: invalid JSON: Expecting property name enclosed in double quotes "
                                    f"({bad / 'leaders.jsonl'}:2)")


BAD_STANCES = [
    '{"lemma": "hector", "pos": "VERB", "stance": "hector", "famly": "conflict", "symmetric": false}',
    '{"lemma": "berate", "pos": "VRB"}',
]
BAD_TENURES = [
    '{"leader": "olaf-scholz", "office": "Mayor of Hamburg", "start": "2011-03-07", "end": "2018-31-03"}',
    '{"leader": "olaf-scholz", "office": "Mayor of Hamburg", "start": "2011-03-07", "end": "2010-01-01"}',
]


def test_check_names_every_problem_of_a_file_by_line(tmp_path):
    (tmp_path / "stances.jsonl").write_text("\n".join(BAD_STANCES) + "\n")
    (tmp_path / "tenures.jsonl").write_text("\n".join(BAD_TENURES) + "\n")
    (tmp_path / "cues.json").write_text('{\n  "reporting_verbs": ["opine"],\n  "reporting_verb": ["opine"]\n}\n')
    (tmp_path / "stance.jsonl").write_text("{}\n")
    result = run(["resources", "check", tmp_path])
    assert result.exit_code == 1
    assert result.stdout == ""
    stances, tenures = tmp_path / "stances.jsonl", tmp_path / "tenures.jsonl"
    needs = "(a new stances.jsonl row needs family, lemma, pos, stance, symmetric)"
    assert result.stderr.splitlines() == [
        f"Error: unknown cue list 'reporting_verb': the rules read only the packaged ones ({tmp_path / 'cues.json'}:3)",
        "Error: unknown resource file 'stance.jsonl' (known: stances.jsonl, cues.json, stance_synonyms.json, "
        "actors.jsonl, actor_bodies.jsonl, countries.jsonl, leaders.jsonl, tenures.jsonl, places_curated.jsonl, "
        "places_generated.jsonl, named_pairs.json, actor_kin.json, non_actors.json, ambiguous_acronyms.json, "
        "time_words.json, "
        "stopwords.json) "
        f"({tmp_path / 'stance.jsonl'}:1)",
        "Error: unknown key 'famly' (a stances.jsonl row has after, cameo, family, lemma, owner, pos, requires, source, stance, "
        f"symmetric, unless) ({stances}:1)",
        f"Error: missing key 'family' {needs} ({stances}:1)",
        f"Error: missing key 'family' {needs} ({stances}:2)",
        f"Error: missing key 'stance' {needs} ({stances}:2)",
        f"Error: missing key 'symmetric' {needs} ({stances}:2)",
        f"Error: 'pos' is 'VRB': expected one of NOUN, VERB ({stances}:2)",
        f"Error: bad date end '2018-31-03': expected YYYY-MM-DD or null ({tenures}:1)",
        f"Error: the term ends (2010-01-01) before it starts (2011-03-07) ({tenures}:2)",
    ]


def test_a_cue_list_given_twice_is_named_by_its_second_line(tmp_path):
    # json.loads would keep the second list silently and the first would be dead data
    (tmp_path / "cues.json").write_text('{\n  "reporting_verbs": ["opine"],\n  "reporting_verbs": ["aver"]\n}\n')
    result = run(["resources", "check", tmp_path])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Error: key "reporting_verbs" is given twice ({tmp_path / "cues.json"}:3)']


def test_the_packaged_json_files_give_no_key_twice():
    from claimcmp.knowledge import resource_loader

    for name in resource_loader.packaged_names("*.json"):
        resource_loader.parse_json(resource_loader.packaged_text(name), name)  # raises on a repeat


def test_check_of_well_formed_files_finds_what_only_the_merged_data_shows(tmp_path):
    write_overlay(tmp_path)
    (tmp_path / "stance_synonyms.json").unlink()  # the new verb is in no group now
    actors = tmp_path / "actors.jsonl"
    actors.write_text(actors.read_text().replace('"the League of Strelsau"', '"the League of Strelsau", "Kremlin"'))
    tenures = tmp_path / "tenures.jsonl"
    tenures.write_text(tenures.read_text() + '{"leader": "nobody-known", "office": "King", "start": "2001-01-01", '
                                             '"end": null}\n')
    result = run(["resources", "check", tmp_path])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: alias 'Kremlin' is also held by countries.jsonl RUS ({actors}:1)",
        f"Error: leader 'nobody-known' is in no leaders.jsonl row ({tenures}:2)",
        "Error: stance label 'excommunicate' is in no comparison group of stance_synonyms.json: diff could never "
        f"see it agree or conflict ({tmp_path / 'stances.jsonl'}:1)",
        "Error: stance label 'defenestrate' is in no comparison group of stance_synonyms.json: diff could never "
        f"see it agree or conflict ({tmp_path / 'stances.jsonl'}:2)",
    ]


def test_a_groups_home_must_be_a_known_country(tmp_path):
    (tmp_path / "actors.jsonl").write_text('{"id": "LEAGUE", "name": "League", "kind": "group", "home": "XYZ", '
                                           '"aliases": ["the League"]}\n')
    result = run(["resources", "check", tmp_path])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: home 'XYZ' is in no countries.jsonl row ({tmp_path / 'actors.jsonl'}:1)"]


def test_check_of_a_good_overlay_says_so(folder):
    result = run(["resources", "check", folder / "overlay"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{folder / 'overlay'}: no problems\n"


def test_check_of_a_missing_folder_is_a_usage_error(tmp_path):
    result = run(["resources", "check", tmp_path / "nowhere"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: resources folder not found: {tmp_path / 'nowhere'} (--resources / $CLAIMCMP_RESOURCES)\n"


def test_list_shows_where_each_resource_comes_from(folder):
    from claimcmp.knowledge.resource_loader import RESOURCES

    result = run(["resources", "list", "--resources", folder / "overlay"])
    assert result.exit_code == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    # a packaged stances_<source>.jsonl is listed as part of stances.jsonl
    assert list(dict.fromkeys(name for name, origin, _ in rows if origin == "package")) == list(RESOURCES)
    assert [(name, path) for name, origin, path in rows if origin == "overlay"] == [
        (name, str(folder / "overlay" / name)) for name in RESOURCES if (folder / "overlay" / name).exists()]
    assert all(path.endswith(f"claimcmp/resources/{name}") or name == "stances.jsonl" and "/stances_" in path
               for name, origin, path in rows if origin == "package")


def test_check_and_extract_name_a_file_that_is_not_utf8(folder, tmp_path):
    (tmp_path / "leaders.jsonl").write_bytes(b'\xff{"id": "x"}\n')
    where = tmp_path / "leaders.jsonl"
    checked = run(["resources", "check", tmp_path])
    assert checked.exit_code == 1
    assert checked.stderr == ("Error: cannot read: 'utf-8' codec can't decode byte 0xff in position 0: "
                              f"invalid start byte ({where}:1)\n")
    extracted = run(["extract", folder / "a.txt", "--resources", tmp_path])
    assert (extracted.exit_code, extracted.stdout) == (2, "")
    assert extracted.stderr == ("Error: cannot read: 'utf-8' codec can't decode byte 0xff in position 0: "
                                f"invalid start byte ({where})\n")


def test_compare_reads_the_overlay_as_extract_and_diff_do(folder):
    args = ["compare", folder / "a.txt", folder / "b.txt", "-f", "json", "--date", "2024-03-04"]
    with_overlay = run(args + ["--resources", folder / "overlay"])
    assert with_overlay.exit_code == 0, with_overlay.stderr
    groups = json.loads(with_overlay.stdout)["groups"]
    assert [g["contested"] for g in groups if g["stance"] == "excommunicate"] == [True]
    without = run(args)
    assert all(g["stance"] != "excommunicate" for g in json.loads(without.stdout)["groups"])


def test_pinned_reads_the_environment_once_and_keeps_scopes(folder, monkeypatch):
    """Components run inside resource_loader.pinned(): the overlay in force is fixed for the
    call (no environment look-up per cached read), an inner using() still wins."""
    from claimcmp.knowledge import resource_loader as rl

    overlay = str((folder / "overlay").resolve())
    monkeypatch.delenv("CLAIMCMP_RESOURCES", raising=False)
    with rl.pinned():
        monkeypatch.setenv("CLAIMCMP_RESOURCES", overlay)
        assert rl.active_overlay() is None
        with rl.using(overlay):
            assert rl.active_overlay() == overlay
        with rl.using(None):
            assert rl.active_overlay() is None
    assert rl.active_overlay() == overlay
    with rl.pinned():
        monkeypatch.delenv("CLAIMCMP_RESOURCES")
        assert rl.active_overlay() == overlay
    assert rl.active_overlay() is None
