"""Actor tagging: gazetteer, combinations, persons with affiliation, negatives."""
from __future__ import annotations

import pytest
import spacy

from claimcmp import extensions
from claimcmp.gazetteer import countries, entries, leaders
from claimcmp.knowledge.gazetteer import ADJ, Entry
from claimcmp.pipeline.actor_candidates import Cand, leading_country
from claimcmp.pipeline.actors import ActorTagger, actor_for_span, actors_in
from sentences import claims


@pytest.fixture(scope="module")
def tag(nlp, parse):
    tagger = ActorTagger(nlp)
    tagger.initialize()
    return lambda text: tagger(parse(text))


def found(doc) -> dict[str, dict]:
    """mention text -> actor dict"""
    return {s.text: s._.claimcmp_actor for s in doc.spans[extensions.ACTORS]}


def ids(doc) -> list[str]:
    return [s._.claimcmp_actor["id"] for s in doc.spans[extensions.ACTORS]]


def test_gazetteer_data_is_wide():
    assert len(countries()) >= 245
    assert len(leaders()) >= 100
    rus = countries()["RUS"]
    assert "Russian" in rus["adjectives"] and "Moscow" in rus["metonyms"]
    assert "Kremlin" in rus["metonyms"] and "Russo" in rus["prefixes"]
    assert "Türkiye" in countries()["TUR"]["names"]
    keys = entries()
    for key in ("name:UN", "name:EU", "name:NATO", "name:GCC", "name:ISIS", "name:HOUTHIS",
                "generic:REBELS", "generic:TERRORISTS", "name:WEST", "person:vladimir-putin"):
        assert key in keys


@pytest.mark.parametrize("text,mention,iso", [
    ("The US rejected the plan.", "US", "USA"),
    ("The U.S. rejected the plan.", "U.S.", "USA"),
    ("America rejected the plan.", "America", "USA"),
    ("North Korea fired a missile.", "North Korea", "PRK"),
    ("Türkiye closed the border.", "Türkiye", "TUR"),
    ("Britain and the UK agreed.", "UK", "GBR"),
    ("Ivory Coast signed the deal.", "Ivory Coast", "CIV"),
    ("Burma freed prisoners.", "Burma", "MMR"),
    ("Venezuelan officials denied it.", "Venezuelan officials", "VEN"),
    ("Saudi jets struck Sanaa.", "Saudi jets", "SAU"),
    ("Emirati and Qatari diplomats met.", "Qatari diplomats", "QAT"),
    ("Moscow warned Washington.", "Moscow", "RUS"),
    ("Moscow warned Washington.", "Washington", "USA"),
    ("The Kremlin denied the report.", "Kremlin", "RUS"),
    ("The White House condemned the strike.", "White House", "USA"),
    ("Pyongyang threatened Seoul.", "Pyongyang", "PRK"),
    ("Kyiv accused the Kremlin.", "Kyiv", "UKR"),
    ("Downing Street and the Elysee agreed.", "Downing Street", "GBR"),
    ("The Russians and the Saudis agreed.", "Russians", "RUS"),
])
def test_countries_demonyms_metonyms(tag, text, mention, iso):
    actor = found(tag(text))[mention]
    assert actor["country"] == iso
    if actor["kind"] == "country":
        assert actor["id"] == iso


def test_prefix_forms(tag):
    got = found(tag("Russo-Turkish relations and Sino-American ties improved."))
    assert got["Russo"]["id"] == "RUS" and got["Turkish"]["id"] == "TUR"
    assert got["Sino"]["id"] == "CHN" and got["American"]["id"] == "USA"


def test_organizations(tag):
    doc = tag("NATO, the UN Security Council, the EU and the IAEA urged restraint; the WHO agreed.")
    got = found(doc)
    assert got["NATO"]["id"] == "NATO" and got["NATO"]["kind"] == "organization"
    assert got["UN Security Council"]["id"] == "UN"
    assert got["EU"]["id"] == "EU"
    assert got["IAEA"]["id"] == "IAEA"
    assert got["WHO"]["id"] == "WHO"


def test_armed_groups(tag):
    doc = tag("Hamas, Hezbollah, the Houthis, Daesh, ISIL and the Taliban were blamed, "
              "while rebels and Kurdish fighters advanced against al-Qaeda and Jabhat al-Nusra.")
    got = found(doc)
    assert got["Hamas"]["id"] == "HAMAS"
    assert got["Hezbollah"]["id"] == "HEZBOLLAH"
    assert got["Houthis"]["id"] == "HOUTHIS"
    assert got["Daesh"]["id"] == "ISIS" and got["ISIL"]["id"] == "ISIS"
    assert got["Taliban"]["id"] == "TALIBAN"
    assert got["rebels"]["id"] == "REBELS"
    assert got["Kurdish fighters"]["id"] == "KURDS"
    assert got["al-Qaeda"]["id"] == "AL_QAEDA"
    assert got["Jabhat al-Nusra"]["id"] == "NUSRA"
    assert all(a["country"] is None for k, a in got.items() if k != "Kurdish fighters")


def test_a_people_living_in_another_land_is_a_group_of_its_own(tag):
    doc = tag("Hungarians from Romania marched on Monday. Later the Hungarians left. Hungarians in Hungary stayed.")
    assert ids(doc) == ["ROMANIA_HUNGARIANS", "ROU", "ROMANIA_HUNGARIANS", "HUN", "HUN"]
    assert doc.user_data["claimcmp_lands"] == {"ROMANIA_HUNGARIANS": "ROU"}


def test_a_known_people_group_keeps_its_gazetteer_entry(tag):
    assert ids(tag("Serbs from Kosovo blocked the road.")) == ["KOSOVO_SERBS", "XKX"]


def test_is_group_but_not_verb(tag):
    doc = tag("Raqqa is still to be retaken from Islamic State (IS), and IS fighters fled. "
              "It is what it is.")
    got = found(doc)
    assert got["IS"]["id"] == "ISIS" and got["IS fighters"]["id"] == "ISIS"
    assert [s for s in doc.spans[extensions.ACTORS] if s.text.lower() == "is"] == [
        s for s in doc.spans[extensions.ACTORS] if s.text == "IS"]
    assert all(s.start < 20 for s in doc.spans[extensions.ACTORS])  # nothing in sentence 2


def test_negatives_pronouns_and_places(tag):
    doc = tag("Let us see who is right. Tell us who won. WHO IS TO BLAME? "
              "Settlers moved into the West Bank. He flew to Latin America.")
    assert ids(doc) == []


def test_the_west(tag):
    got = found(tag("The West and Western powers imposed sanctions."))
    assert got["The West"]["id"] == "WEST" and got["Western powers"]["id"] == "WEST"


@pytest.mark.parametrize("text,mention,expected", [
    ("Russia's Foreign Ministry said the talks failed.", "Russia's Foreign Ministry",
     {"id": "RUS_FOREIGN_MINISTRY", "kind": "organization", "country": "RUS"}),
    ("Israeli troops entered Jenin.", "Israeli troops",
     {"id": "ISR_MILITARY", "kind": "group", "country": "ISR"}),
    ("The Syrian army advanced.", "Syrian army", {"country": "SYR"}),
    ("The Venezuelan government rejected it.", "Venezuelan government",
     {"id": "VEN", "kind": "country", "country": "VEN"}),
    ("Russian officials denied it.", "Russian officials", {"country": "RUS", "kind": "group"}),
    ("The Obama administration refused.", "Obama administration", {"id": "USA"}),
    ("The US-led coalition struck Raqqa.", "US-led coalition", {"id": "USA"}),
    ("The Saudi-led Arab coalition struck Sanaa.", "Saudi-led Arab coalition", {"id": "SAU"}),
    ("The French-led international force left Mali.", "French-led international force", {"id": "FRA"}),
    ("The president of Syria spoke.", "president of Syria",
     {"id": "syr-president", "kind": "person", "country": "SYR"}),
    ("The US president spoke.", "US president", {"kind": "person", "country": "USA"}),
    ("Syrian rebels attacked.", "Syrian rebels", {"id": "REBELS"}),
    ("Houthi rebels fired missiles.", "Houthi rebels", {"id": "HOUTHIS"}),
    ("NATO officials met.", "NATO officials", {"id": "NATO"}),
])
def test_government_bodies_are_one_span(tag, text, mention, expected):
    got = found(tag(text))
    assert mention in got, got
    for k, v in expected.items():
        assert got[mention][k] == v


def test_backed_is_not_the_actor(tag):
    got = found(tag("Iranian-backed militias attacked a base."))
    assert "Iranian" not in got
    assert got["militias"]["id"] == "MILITANTS"


def test_person_title_compound_and_carry(tag):
    doc = tag("Russian Foreign Minister Sergei Lavrov met US Secretary of State John Kerry. "
              "Lavrov said Kerry had offered new proposals.")
    got = found(doc)
    lavrov = got["Russian Foreign Minister Sergei Lavrov"]
    assert lavrov == {"id": "sergei-lavrov", "name": "Sergei Lavrov", "kind": "person",
                      "country": "RUS"}
    assert got["Lavrov"]["id"] == "sergei-lavrov" and got["Lavrov"]["country"] == "RUS"
    assert got["US Secretary of State John Kerry"]["country"] == "USA"
    assert got["Kerry"]["country"] == "USA"


def test_person_possessive_and_counterpart(tag):
    got = found(tag("Iran's President Hassan Rouhani met his Turkish counterpart. "
                    "Russia's Lavrov agreed."))
    assert got["Iran's President Hassan Rouhani"]["country"] == "IRN"
    assert got["Russia's Lavrov"]["country"] == "RUS"


def test_unknown_person_affiliation_from_apposition_is_carried(tag):
    doc = tag("Ivan Petrovsky, Russia's deputy foreign minister, said the talks failed. "
              "Petrovsky added that Moscow would respond.")
    people = [s._.claimcmp_actor for s in doc.spans[extensions.ACTORS]
              if s._.claimcmp_actor["kind"] == "person"]
    assert people and all(p["id"] == "ivan-petrovsky" and p["country"] == "RUS" for p in people)
    assert "Petrovsky" in found(doc)


def test_unknown_person_title_compound(tag):
    got = found(tag("Venezuelan Defense Minister Carlos Mendoza accused Washington."))
    person = next(a for a in got.values() if a["kind"] == "person")
    assert person["id"] == "carlos-mendoza" and person["country"] == "VEN"


def test_curated_fallback(tag):
    got = found(tag("Zelensky said he would not negotiate. Guterres and Stoltenberg agreed."))
    assert got["Zelensky"]["id"] == "volodymyr-zelensky" and got["Zelensky"]["country"] == "UKR"
    assert got["Guterres"]["country"] == "UN"
    assert got["Stoltenberg"]["country"] == "NATO"


def test_unknown_org_slug(tag):
    got = found(tag("According to CNN and Acme Strategic Consulting Group, the talks failed."))
    assert got["CNN"]["id"] == "CNN" and got["CNN"]["kind"] == "organization"
    acme = next(a for k, a in got.items() if "Acme" in k)
    assert acme["id"] == "ACME_STRATEGIC_CONSULTING_GROUP" and acme["country"] is None


@pytest.mark.parametrize("text, org, country", [
    ("The Chilean Federation of Dockworkers called a national strike.",
     "CHILEAN_FEDERATION_OF_DOCKWORKERS", "CHL"),
    ("Officials of the Ghanaian Cocoa Growers Association met the minister.",
     "GHANAIAN_COCOA_GROWERS_ASSOCIATION", "GHA"),
])
def test_unknown_org_opening_with_a_demonym_is_that_countrys(tag, text, org, country):
    got = {a["id"]: a for a in found(tag(text)).values()}
    assert got[org]["country"] == country and got[org]["kind"] == "organization"


def test_unknown_org_naming_two_countries_or_not_opening_with_one_has_none():
    doc = spacy.blank("en")("Peruvian and Bolivian Border Commission , Union of Chilean Miners")
    peru, bolivia, chile = ({"id": c, "kind": "country", "country": c} for c in ("PER", "BOL", "CHL"))
    cands = [Cand(0, 1, peru, 3, Entry("PER", ADJ, peru), "Peruvian"),
             Cand(2, 3, bolivia, 3, Entry("BOL", ADJ, bolivia), "Bolivian"),
             Cand(9, 10, chile, 3, Entry("CHL", ADJ, chile), "Chilean")]
    assert leading_country(cands, doc[0:5]) is None
    assert leading_country(cands, doc[2:5]) == "BOL"
    assert leading_country(cands, doc[7:11]) is None


def test_spans_sorted_non_overlapping(tag):
    doc = tag("US President Barack Obama warned Moscow, while Russia's Defense Ministry and "
              "Syrian government forces backed by Russian jets closed in on the rebels.")
    spans = list(doc.spans[extensions.ACTORS])
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    for s in spans:
        assert set(s._.claimcmp_actor) == {"id", "name", "kind", "country"}


def test_actor_for_span_and_actors_in(tag):
    doc = tag("The Syrian army and Russia's Foreign Ministry agreed.")
    chunk = doc[0:3]  # "The Syrian army"
    assert actor_for_span(chunk)["country"] == "SYR"
    assert actor_for_span(doc[4:8])["id"] == "RUS_FOREIGN_MINISTRY"
    assert len(actors_in(doc)) == 2 and len(actors_in(doc[0:3])) == 1
    assert actor_for_span(doc[8:9]) is None


def test_blank_pipeline_gazetteer_only():
    nlp = spacy.blank("en")
    tagger = ActorTagger(nlp)
    doc = tagger(nlp("Russia's Foreign Ministry said Moscow and the US disagree. Putin met the "
                     "Taliban. It is us who lost. Russian Foreign Minister Sergei Lavrov spoke."))
    got = found(doc)
    assert got["Russia's Foreign Ministry"]["id"] == "RUS_FOREIGN_MINISTRY"
    assert got["Moscow"]["id"] == "RUS" and got["US"]["id"] == "USA"
    assert got["Putin"]["id"] == "vladimir-putin" and got["Putin"]["country"] == "RUS"
    assert got["Taliban"]["id"] == "TALIBAN"
    assert "is" not in got and "us" not in got and "who" not in got
    assert got["Russian Foreign Minister Sergei Lavrov"]["country"] == "RUS"


@pytest.mark.parametrize("text", [
    "The junta in Mali expelled the French ambassador.",
    "Mali's junta expelled the French ambassador.",
])
def test_a_junta_stands_for_its_country(nlp, text):
    found = claims(nlp, text)
    assert [(c["subject"]["country"], c["stance"]) for c in found] == [("MLI", "expel")]


BORDER_REPORT = ("Somali officials said Nairobi had repeatedly violated the country's airspace in the past.\n"
                 "Nigerian troops repelled an attack by Boko Haram fighters on a base in Borno state.\n"
                 "Chad pledged to send 2,000 soldiers to help Nigeria fight the insurgents.\n")


def test_a_country_named_like_a_person_stays_the_country_when_no_person_bears_the_name(nlp):
    doc = nlp(BORDER_REPORT)
    assert any(e.text == "Chad" and e.label_ == "PERSON" for e in doc.ents)  # the model's reading
    chad = [s._.claimcmp_actor for s in doc.spans[extensions.ACTORS] if s.text == "Chad"]
    assert [(a["id"], a["kind"]) for a in chad] == [("TCD", "country")]


def test_a_first_name_the_text_gives_a_person_is_no_country(nlp):
    doc = nlp("Jordan Peterson, the author, arrived on Monday. Jordan said the talk went well.")
    assert not any(s._.claimcmp_actor["id"] == "JOR" for s in doc.spans[extensions.ACTORS])


def test_gangs_named_by_their_country_are_gangs_not_the_state(nlp):
    """'Haitian gangs' are no act of Haiti's (generic actor GANGS, as 'Syrian rebels' are REBELS)."""
    doc = nlp("Haitian gangs attacked the main prison in Port-au-Prince on Saturday.")
    assert [c["subject"]["id"] for c in doc._.claimcmp_claims] == ["GANGS"]


def test_a_surname_named_before_is_that_person_whatever_ner_says(tag):
    # NER takes the possessive surname for an organization; the full name came first
    doc = tag("Russian lawmaker Ivan Petrov spoke on Monday. The ministry condemned Petrov's statements.")
    later = [s for s in doc.spans[extensions.ACTORS] if s.text == "Petrov"]
    assert [(s._.claimcmp_actor["id"], s._.claimcmp_actor["country"]) for s in later] == [("ivan-petrov", "RUS")]


def test_a_member_of_a_state_body_speaks_for_its_state(tag):
    doc = tag("Azerbaijan protested over remarks by Oleg Smirnov, a member of the State Duma.")
    assert found(doc)["Oleg Smirnov"]["country"] == "RUS"


def test_separatism_stands_for_the_separatists(tag):
    assert ids(tag("Moscow denied any support for separatism.")) == ["RUS", "SEPARATISTS"]


def test_a_surname_read_as_a_place_is_the_person_named_before(nlp):
    text = "Colombian President Gustavo Petro met Venezuela's Nicolas Maduro. Petro has urged Washington to lift sanctions."
    found = [c for c in claims(nlp, text) if c["stance"] == "urge"]
    assert found and found[0]["subject"]["id"] == "gustavo-petro"


def test_a_list_the_model_reads_as_one_name_keeps_its_states(nlp):
    """The model may run one ORG entity over "Mali, Burkina Faso": a name holds no comma."""
    found = claims(nlp, "Mali, Burkina Faso and Niger left ECOWAS on Wednesday.")
    doers = {a["id"] for c in found for a in [c["subject"], *c["co_subjects"]]}
    assert {"MLI", "BFA", "NER"} <= doers

