"""Dates and metadata a reader sees (issue 12): byline dates with a time of day, weekdays
that follow the tense of their clause, the author an HTML page names, languages that are
not English."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from claimcmp import extensions as ext
from claimcmp.cli.main import app
from claimcmp.metadata import parse_published, plausible_author
from claimcmp.nlp import load_pipeline


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Canada and Norway clash over fish\nSeptember 20, 2016 7:01 pm\nBody.", dt.date(2016, 9, 20)),
        ("Canada and Norway clash over fish\n4 June 2018 10:06 am", dt.date(2018, 6, 4)),
        ("Headline\nBy Ann Lee | March 3, 2019 at 11:15 p.m. EST", dt.date(2019, 3, 3)),
        # a 24-hour or zoned clock next to a date is still the page's clock, not a byline
        ("Headline\nMarch 3, 2019 23:15 GMT", None),
        ("10:42 GMT +317 October 2019\nHeadline\nBody.", None),
    ],
)
def test_byline_dates_with_a_time_of_day(header, expected):
    assert parse_published(header.split("\n")) == expected


def _weekday_dates(text: str, published: str) -> list[str]:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.claimcmp_published = published
    return [span._.claimcmp_when["start"] for span in nlp(doc).spans[ext.DATES]]


# Friday 2025-06-13: the Monday before is the 9th, the one after the 16th
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prime minister signed orders to strike the border posts on Monday, officials said.",
         "2025-06-09"),
        ("Canada said it decided to impose sanctions on Norway on Monday.", "2025-06-09"),
        ("The army began withdrawing troops from the border on Monday.", "2025-06-09"),
        ("Canada will decide to impose sanctions on Norway on Monday.", "2025-06-16"),
        ("Canada is expected to impose sanctions on Norway on Monday.", "2025-06-16"),
        ("The minister signed the order on Monday.", "2025-06-09"),
    ],
)
def test_a_weekday_follows_the_tense_of_the_verb_that_governs_it(text, expected):
    assert _weekday_dates(text, "2025-06-13") == [expected]


def test_html_meta_author_is_read_and_a_date_is_never_an_author(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    body = ("<article><h1>Canada accuses Norway over fishing deal</h1>"
            "<div class=\"author\">Published May 5, 2020</div>"
            "<p>Canada accused Norway on Monday of breaking the fishing agreement that the two "
            "countries signed in March, officials in Ottawa said.</p>"
            "<p>Norway denied the accusation and said it had respected the agreement.</p></article>")
    head = "<html><head><title>Canada accuses Norway</title>{meta}</head><body>{body}</body></html>"
    (tmp_path / "with.html").write_text(head.format(meta='<meta content="Ann B. Lee" name="author">', body=body))
    (tmp_path / "without.html").write_text(head.format(meta="", body=body))
    result = CliRunner().invoke(app, ["extract", "with.html", "without.html", "-f", "json"])
    authors = [d["article"]["author"] for d in json.loads(result.stdout)]
    assert authors == ["Ann B. Lee", None]
    assert plausible_author("Published May") is None
    assert plausible_author("Ann B. Lee") == "Ann B. Lee"


def test_turkish_text_is_warned_about(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tr.txt").write_text(
        "Dışişleri Bakanlığı bu sabah bir açıklama yaptı ve komşu ülke ile yapılan anlaşmanın "
        "geçerli olduğunu söyledi. Bakan, iki ülke arasında daha çok ticaret için yeni bir "
        "görüşme olacağını ve bu görüşmenin gelecek hafta yapılacağını açıkladı.\n")
    result = CliRunner().invoke(app, ["extract", "tr.txt", "-f", "json"])
    assert result.stderr.splitlines() == ["Warning: language looks like 'tr', not English (tr)"]
    assert json.loads(result.stdout)["article"]["language"] == "tr"


def test_text_in_an_unlisted_language_is_warned_about(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pl.txt").write_text(
        "Rząd w Warszawie skrytykował w poniedziałek decyzję sąsiada o budowie nowego gazociągu, "
        "twierdząc że projekt zagraża bezpieczeństwu energetycznemu regionu i narusza wcześniejsze "
        "porozumienia zawarte przez oba państwa przed trzema laty.\n")
    result = CliRunner().invoke(app, ["extract", "pl.txt", "-f", "json"])
    assert result.stderr.splitlines() == ["Warning: language does not look like English (pl)"]
