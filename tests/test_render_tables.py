"""What a person reads in the tables at 80, 100 and 120 columns: modality shown, article text
never taken for markup, ids whole, the sentence readable, counts in good English."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from rich.console import Console

from claimcmp.models import (Actor, Article, Claim, DateSpan, DiffDocument, ExtractDocument, Pair,
                             Published, Region)
from claimcmp.render.diff_table import group_pairs, render_diff
from claimcmp.render.extract_table import render_extract
from claimcmp.render.layout import plural

WIDTHS = (80, 100, 120)

FRA = Actor(id="FRA", name="France", kind="country", country="FRA", mention="Paris")
NOR = Actor(id="NOR", name="Norway", kind="country", country="NOR", mention="Oslo")
NAVY = Actor(id="NOR_MILITARY", name="Norwegian navy", kind="group", country="NOR", mention="navy")
MINISTRY = Actor(id="FRA_FOREIGN_MINISTRY", name="French foreign ministry", kind="organization",
                 country="FRA", mention="the Quai d'Orsay")
BLOC = Actor(id="UNILATERAL", name="Unilateral bloc", kind="group", mention="the bloc")
LEAGUE = Actor(id="COASTAL_DEFENCE_LEAGUE", name="Coastal Defence League", kind="group",
               mention="the league")
SPOKESWOMAN = Actor(id="ingrid-solberg", name="Ingrid Solberg", kind="person", mention="Solberg")
ENVOY = Actor(id="marc-delorme", name="Marc Delorme", kind="person", country="FRA", mention="Delorme")
FJORD = [Region(name="Vestfjorden", kind="area", country="NOR")]
SENTENCE = ("The Norwegian navy will shadow the French frigates along the coast until the end of "
            "the exercise, a spokeswoman said on the quay [1].")


def _day(text: str, source: str = "explicit") -> DateSpan:
    day = dt.date.fromisoformat(text)
    return DateSpan(start=day, end=day, granularity="day", text="", source=source)


def _claim(n: int, subject: Actor, stance: str, family: str, target: Actor | None, *,
           sentence: str = SENTENCE, **fields) -> Claim:
    return Claim(id=f"c{n}", article_id="x", sentence=sentence, start=n * 500,
                 end=n * 500 + len(sentence), subject=subject, stance=stance, family=family,
                 polarity=fields.pop("polarity", "positive"), target=target, **fields)


CLAIMS = [
    _claim(1, NAVY, "monitor", "conflict", FRA, modality="predicted", regions=FJORD,
           when=_day("2024-03-05"), attribution=SPOKESWOMAN),
    _claim(2, MINISTRY, "protest", "conflict", NOR, when=_day("2024-03-04", "article"),
           attribution=ENVOY, sentence="The ministry protested [bold]loudly[/bold] in a note."),
    _claim(3, BLOC, "cooperate", "cooperation", NAVY, polarity="negative", modality="possible",
           when=DateSpan(start=dt.date(2024, 1, 20), end=dt.date(2025, 1, 19), granularity="day",
                         text="", source="relative"),
           sentence="The bloc might refuse to work with the Norwegian navy for a year."),
]


def _article(aid: str, title: str, date: str | None = "2024-03-04") -> Article:
    published = Published(date=dt.date.fromisoformat(date), source="metadata") if date else Published()
    return Article(id=aid, title=title, source="example.org", sha256="0" * 64, published=published)


def _render(renderable, width: int, **options) -> str:
    console = Console(width=width, record=True, force_terminal=False, color_system=None,
                      file=io.StringIO())
    renderable(console, **options)
    return console.export_text()


def _extract_text(width: int, claims=CLAIMS) -> str:
    document = ExtractDocument(article=_article("fjord", "Navy to shadow [frigates]"), claims=claims)
    return _render(lambda console: render_extract(document, console), width)


def _diff(pairs: list[Pair], only_a=(), only_b=()) -> DiffDocument:
    return DiffDocument(a=_article("a", "A [draft]"), b=_article("b", "B"), pairs=pairs,
                        only_a=list(only_a), only_b=list(only_b))


def _diff_text(diff: DiffDocument, width: int, **options) -> str:
    return _render(lambda console: render_diff(diff, console, **options), width)


def _whole_words(text: str) -> set[str]:
    return set(re.findall(r"[\w\-]+", text))


def _fits(text: str, width: int) -> None:
    assert max(len(line) for line in text.splitlines()) <= width


# ---------------------------------------------------------------- extract table


@pytest.mark.parametrize("width", WIDTHS)
def test_extract_table_shows_modality_and_text_as_written(width):
    text = _extract_text(width)
    _fits(text, width)
    flat = " ".join(text.split())
    assert "[predicted]" in flat and "[possible]" in flat
    assert "Navy to shadow [frigates] — 2024-03-04 — 3 claims" in flat
    assert {"NOT", "cooperate"} <= _whole_words(text)
    if width == 120:
        assert "monitor [predicted]" in text and "NOT cooperate" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_extract_table_never_breaks_an_id(width):
    words = _whole_words(_extract_text(width))
    assert {"NOR_MILITARY", "FRA_FOREIGN_MINISTRY", "UNILATERAL"} <= words


@pytest.mark.parametrize("width", WIDTHS)
def test_said_by_names_every_person_the_same_way(width):
    text = _extract_text(width)
    assert {"Ingrid", "Solberg", "Marc", "Delorme"} <= _whole_words(text) and "(FRA)" in text
    assert "ingrid-solberg" not in text and "marc-delorme" not in text
    if width == 120:
        assert "Ingrid Solberg" in text and "Marc Delorme (FRA)" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_extract_table_lists_every_doer_and_every_party_toward(width):
    shared = _claim(4, NOR, "warn", "conflict", FRA, co_subjects=[MINISTRY.model_copy(update={"id": "DNK",
                    "country": "DNK", "kind": "country"})], co_targets=[LEAGUE],
                    sentence="Norway and Denmark warned France and the league.")
    text = _extract_text(width, [shared])
    _fits(text, width)
    assert {"NOR", "DNK", "FRA", "COASTAL_DEFENCE_LEAGUE"} <= _whole_words(text)


def test_extract_title_counts_in_good_english():
    assert "— 1 claim\n" in _extract_text(100, CLAIMS[:1])
    assert "— 0 claims\n" in _extract_text(100, [])


def test_extract_table_at_120_keeps_every_date_on_one_line():
    text = _extract_text(120)
    assert "5 Mar 2024" in text and "4 Mar 2024*" in text


# ---------------------------------------------------------------- diff tables


def _pair(a: Claim, b: Claim, relation: str = "agree", score: float = 0.8) -> Pair:
    return Pair(relation=relation, a=a, b=b, score=score, why=f"{relation} [for a test]")


@pytest.mark.parametrize("width", WIDTHS)
def test_diff_tables_show_modality_and_markup_as_written(width):
    conflict = _pair(CLAIMS[0], CLAIMS[0].model_copy(update={"id": "d1", "modality": "asserted",
                                                              "polarity": "negative"}), "conflict")
    text = _diff_text(_diff([conflict], only_a=[CLAIMS[1]], only_b=[CLAIMS[2]]), width)
    _fits(text, width)
    flat = " ".join(text.split())
    assert "[predicted]" in flat and "[possible]" in flat
    assert "[bold]loudly[/bold]" in flat and "[for a test]" in flat and "A [draft]" in flat


@pytest.mark.parametrize("width", WIDTHS)
def test_only_tables_keep_ids_whole_and_the_sentence_readable(width):
    # diff names a group by its own id, a state body by its country (NOR_MILITARY -> NOR)
    league = CLAIMS[1].model_copy(update={"subject": LEAGUE})
    text = _diff_text(_diff([], only_a=[*CLAIMS, league], only_b=CLAIMS[:1]), width)
    _fits(text, width)
    assert {"COASTAL_DEFENCE_LEAGUE", "UNILATERAL"} <= _whole_words(text)
    # the sentence column is wide enough for a reader: 30 characters of it on one line
    assert any("The Norwegian navy will shadow" in line for line in text.splitlines())


@pytest.mark.parametrize("width", WIDTHS)
def test_pairs_table_keeps_ids_whole(width):
    other = CLAIMS[2].model_copy(update={"id": "d3", "subject": BLOC, "target": LEAGUE})
    text = _diff_text(_diff([_pair(CLAIMS[2], other)]), width)
    _fits(text, width)
    assert {"UNILATERAL", "COASTAL_DEFENCE_LEAGUE"} <= _whole_words(text)


def test_summary_counts_in_good_english():
    one_each = _diff([_pair(CLAIMS[0], CLAIMS[0], "conflict"), _pair(CLAIMS[1], CLAIMS[1])])
    assert "1 conflict, 0 shifted, 1 agreement, 0 only in A, 0 only in B" in _diff_text(one_each, 100)
    assert "0 conflicts, 0 shifted, 0 agreements" in _diff_text(_diff([]), 100)


def _repeated_agreements() -> DiffDocument:
    """One claim of A agreeing with three of B, the best first, and a second claim of A
    agreeing with the second of B."""
    a = CLAIMS[1]
    bs = [a.model_copy(update={"id": f"b{n}", "sentence": f"Paris sent protest note number {n}."})
          for n in range(1, 4)]
    pairs = [_pair(a, b, score=0.9 - n / 10) for n, b in enumerate(bs)]
    other = a.model_copy(update={"id": "a2", "sentence": "Paris protested once more."})
    return _diff([*pairs, _pair(other, bs[1], score=0.5)])


def test_a_claim_with_several_partners_is_shown_once():
    diff = _repeated_agreements()
    text = _diff_text(diff, 120)
    assert text.count("The ministry protested") == 1
    for n in (1, 2, 3):
        assert text.count(f"number {n}.") == 1
    assert text.count("once more.") == 1
    # notes 2 and 3 agree with the block's claim of A; A's second claim with note 2's line
    assert re.search(r"│ +│ 1\.1 +│ also agree, score 0\.80 +│ FRA protest", text)
    assert re.search(r"│ +│ 1\.2 +│ also agree, score 0\.70 +│ FRA protest", text)
    assert re.search(r"│ +│ 1\.3 +│ FRA protest .*│ also agree with 1\.1, score 0\.50 +│", text)
    assert "Agreements (4)" in text and "more agreement" not in text
    everything = _diff_text(diff, 120, every_pair=True)
    assert everything.count("The ministry protested") == 3 and "also" not in everything


def test_pairs_of_claims_already_shown_are_counted():
    diff = _repeated_agreements()
    blocks, hidden = group_pairs(diff.pairs)
    assert [len(b.also) for b in blocks] == [3] and hidden == 0
    twice = _diff([*diff.pairs, _pair(diff.pairs[-1].a, diff.pairs[0].b, score=0.4)])
    blocks, hidden = group_pairs(twice.pairs)
    assert hidden == 1
    assert "1 more agreement between claims shown above: --all lists every pair" in _diff_text(twice, 100)


def test_plural():
    assert plural(1, "conflict") == "1 conflict"
    assert plural(2, "conflict") == "2 conflicts"
    assert plural(0, "agreement") == "0 agreements"
    assert plural(2, "more shifted pair") == "2 more shifted pairs"
