"""The office holders of leaders.jsonl and their terms in tenures.jsonl hold together, and a
person the data knows gives a claim party its country even when the text names no state."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcmp import extensions
from claimcmp.knowledge import resource_loader, tenures
from claimcmp.knowledge.gazetteer import person_slug

# Surnames no person may hold alone: shared by too many people in the news.
COMMON_SURNAMES = {"Kim", "Lee", "Khan", "Ali", "Singh", "Wang", "Li", "Zhang", "Park", "Johnson",
                   "Jones", "Brown", "Smith", "Ahmed", "Hussein", "Mohammed", "Abdullah", "Shah"}
# The rows that held a surname alone before relatives or namesakes were added: the best-known
# holder keeps it ("Assad" is Bashar al-Assad); the others are found by their full names.
SURNAME_OWNERS = {
    ("hillary-clinton", "Clinton"), ("jd-vance", "Vance"), ("john-mccain", "McCain"),
    ("george-w-bush", "Bush"), ("bashar-al-assad", "Assad"), ("bashar-al-assad", "al-Assad"),
    ("bashar-al-jaafari", "al-Jaafari"), ("ahmed-al-sharaa", "al-Sharaa"),
    ("qassem-soleimani", "Soleimani"), ("ali-larijani", "Larijani"), ("xi-jinping", "Xi"),
    ("mahmoud-abbas", "Abbas"), ("yahya-sinwar", "Sinwar"), ("masoud-barzani", "Barzani"),
    ("khalifa-haftar", "Haftar"), ("ashraf-ghani", "Ghani"), ("abdel-fattah-al-burhan", "Burhan"),
    ("mohamed-hamdan-dagalo", "Dagalo"), ("jair-bolsonaro", "Bolsonaro"), ("javier-milei", "Milei"),
    ("ilham-aliyev", "Aliyev"), ("rodrigo-duterte", "Duterte"), ("saad-hariri", "Hariri"),
    ("colin-powell", "Powell"), ("tony-blair", "Blair"), ("andreas-papandreou", "Papandreou"),
    ("alija-izetbegovic", "Izetbegovic"), ("saddam-hussein", "Saddam"),
    ("jalal-talabani", "Talabani"), ("hosni-mubarak", "Mubarak"), ("muammar-gaddafi", "Gaddafi"),
    ("muammar-gaddafi", "Qaddafi"), ("omar-al-bashir", "al-Bashir"),
    ("junichiro-koizumi", "Koizumi"), ("benazir-bhutto", "Bhutto"),
    ("mahinda-rajapaksa", "Rajapaksa"), ("donald-trump", "Trump"),
}


def rows(name: str) -> list[dict]:
    return resource_loader.rows(name)


def test_the_data_is_broad():
    people = {r["id"] for r in rows("leaders.jsonl")}
    assert len(people) >= 2000
    assert len({r["country"] for r in rows("leaders.jsonl")}) >= 150


def test_every_id_is_the_slug_of_its_name():
    assert [r["id"] for r in rows("leaders.jsonl") if person_slug(r["name"]) != r["id"]] == []


def test_every_country_is_a_state_or_an_actor():
    codes = {r["id"] for r in rows("countries.jsonl")} | {r["id"] for r in rows("actors.jsonl")}
    assert sorted({r["country"] for r in rows("leaders.jsonl")} - codes) == []


def test_rows_sharing_an_id_name_one_person_of_one_country():
    seen: dict[str, tuple[str, str]] = {}
    for r in rows("leaders.jsonl"):
        assert seen.setdefault(r["id"], (r["name"], r["country"])) == (r["name"], r["country"]), r


def test_no_alias_names_two_people():
    owner: dict[str, str] = {}
    clashes = {a for r in rows("leaders.jsonl") for a in r["aliases"]
               if owner.setdefault(a, r["id"]) != r["id"]}
    assert clashes == set()


def _tokens_by_person() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in rows("leaders.jsonl"):
        for text in [r["name"], *r["aliases"]]:
            for token in text.split():
                out.setdefault(token, set()).add(r["id"])
    return out


def test_a_surname_alone_is_distinctive():
    holders = _tokens_by_person()
    shared, common = [], []
    for r in rows("leaders.jsonl"):
        for alias in r["aliases"]:
            if " " in alias or alias == r["name"]:
                continue
            if alias in COMMON_SURNAMES:
                common.append((r["id"], alias))
            elif holders[alias] - {r["id"]} and (r["id"], alias) not in SURNAME_OWNERS:
                shared.append((r["id"], alias, sorted(holders[alias] - {r["id"]})))
    assert common == [] and shared == []


def test_terms_belong_to_known_leaders_and_end_after_they_start():
    people = {r["id"] for r in rows("leaders.jsonl")}
    for row in rows("tenures.jsonl"):
        assert row["leader"] in people, row
        assert row["end"] is None or row["start"] < row["end"], row


def test_holders_of_one_office_do_not_overlap():
    by_office: dict[str, list[dict]] = {}
    for row in rows("tenures.jsonl"):
        by_office.setdefault(row["office"], []).append(row)
    for office, terms in by_office.items():
        terms.sort(key=lambda t: t["start"])
        for before, after in zip(terms, terms[1:]):
            assert before["end"] is not None and before["end"] <= after["start"], (before, after)


@pytest.mark.parametrize("text,mention,code", [
    ("Prime Minister Albin Kurti said the police would stay in the north.", "Albin Kurti", "XKX"),
    ("Albin Kurti spoke first. Later Kurti rejected the proposal.", "Kurti", "XKX"),
    ("Ararat Mirzoyan met Jeyhun Bayramov in Almaty on Friday.", "Jeyhun Bayramov", "AZE"),
    ("Ararat Mirzoyan met Jeyhun Bayramov in Almaty on Friday.", "Ararat Mirzoyan", "ARM"),
    ("Stephane Dujarric told reporters the convoy had been stopped.", "Stephane Dujarric", "UN"),
    ("Szijjarto criticised the new sanctions package.", "Szijjarto", "HUN"),
    ("Amir Khan Muttaqi received the delegation on Monday.", "Amir Khan Muttaqi", "TALIBAN"),
    ("Ishaq Dar said the talks would resume next week.", "Ishaq Dar", "PAK"),
    ("Marcelo Ebrard flew to Washington for the tariff talks.", "Marcelo Ebrard", "MEX"),
    ("Margus Tsahkna called for more air defence.", "Margus Tsahkna", "EST"),
])
def test_a_known_person_gives_the_party_a_country(nlp, text, mention, code):
    doc = nlp(text)
    got = {s.text: s._.claimcmp_actor for s in doc.spans[extensions.ACTORS]}
    assert got[mention]["country"] == code


@pytest.mark.parametrize("text,published,start,end", [
    ("Defence spending rose under Kishida.", "2023-05-01", "2021-10-04", "2023-05-01"),
    ("Ties warmed after William Ruto took office.", "2024-01-10", "2022-09-13", "2024-01-10"),
    ("The deal was signed during the Rudd government.", None, "2007-12-03", "2010-06-23"),
])
def test_new_terms_date_what_happened_under_a_leader(text, published, start, end):
    date = dt.date.fromisoformat(published) if published else None
    found = tenures.find(text, date)
    assert [(f.span.start.isoformat(), f.span.end.isoformat()) for f in found] == [(start, end)]
