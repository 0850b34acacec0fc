"""The diff tables: sections, key cells, and a 100-column budget."""
from __future__ import annotations

import datetime as dt

from rich.console import Console

from claimcmp.align import compare
from claimcmp.models import Actor, Article, Claim, DateSpan, ExtractDocument, Published, Region
from claimcmp.render.diff_table import DECISIVE, DIFFERENT, _differing, render_diff

RUS = Actor(id="RUS", name="Russia", kind="country", country="RUS", mention="Moscow")
USA = Actor(id="USA", name="United States", kind="country", country="USA", mention="Washington")
KERRY = Actor(id="john-kerry", name="John Kerry", kind="person", country="USA", mention="Kerry")
ISIS = Actor(id="ISIS", name="Islamic State", kind="group", mention="IS")
SYRIA = [Region(name="Aleppo", kind="city", country="SYR")]
LONG = ("Russian officials have long urged the Obama administration to join forces to tackle "
        "international terrorism, but Washington appears to have ruled out broad anti-Daesh "
        "cooperation between the two in Syria, saying the proposals were premature and that "
        "the White House will not change its stance regardless of who wins the election")


def _claim(n, sentence, subject, stance, family, target, *, polarity="positive", when=None,
           regions=()):
    return Claim(id=f"c{n}", article_id="x", sentence=sentence, start=n * 1000,
                 end=n * 1000 + len(sentence), subject=subject, stance=stance, family=family,
                 polarity=polarity, target=target, regions=list(regions), when=when)


def _day(d, source="explicit"):
    day = dt.date.fromisoformat(d)
    return DateSpan(start=day, end=day, granularity="day", text="", source=source)


def _doc(aid, title, source, date, claims):
    art = Article(id=aid, title=title, source=source, sha256="0" * 64,
                  published=Published(date=dt.date.fromisoformat(date), source="metadata"))
    return ExtractDocument(article=art, claims=claims)


def _diff():
    a = _doc("001_strategic", "Aleppo Victory Close: Russia-US Revive Cooperation on Syria",
             "strategic-culture.org", "2016-12-09", [
                 _claim(1, "Russia and the US revived cooperation on Syria.", RUS,
                        "revive cooperation", "cooperation", USA, when=_day("2016-12-09", "article"),
                        regions=SYRIA),
                 _claim(2, "Kerry offered new proposals to end the battle for Aleppo.", KERRY,
                        "propose", "cooperation", RUS, when=_day("2016-12-03"), regions=SYRIA),
                 _claim(3, "Russia fights the Islamic State [bold]here[/bold] [1].", RUS, "fight", "conflict", ISIS),
             ])
    b = _doc("003_presstv", "Russia, US and the fight against terrorism", "presstv.ir",
             "2016-07-26", [
                 _claim(1, LONG, USA, "reject", "conflict", RUS,
                        when=_day("2016-07-26", "article"), regions=SYRIA),
                 _claim(2, "The US offered Russia a proposal on Aleppo.", USA, "offer",
                        "cooperation", RUS, when=_day("2016-12-03")),
                 _claim(3, "The US and Russia clashed over Ukraine.", USA, "clash",
                        "conflict", RUS, when=_day("2016-12-05")),
                 _claim(4, "Russia did not cooperate with the US.", RUS, "cooperate",
                        "cooperation", USA, polarity="negative", when=_day("2016-12-01")),
             ])
    return compare(a, b)


def _render(diff) -> str:
    console = Console(width=100, record=True, force_terminal=False, color_system=None)
    render_diff(diff, console)
    return console.export_text()


def test_sections_and_cells():
    diff = _diff()
    relations = [p.relation for p in diff.pairs]
    assert relations == sorted(relations, key=["conflict", "shifted", "agree"].index)
    assert "conflict" in relations and "agree" in relations
    text = _render(diff)
    count = {r: relations.count(r) for r in ("conflict", "shifted", "agree")}
    for title in (f"Conflicts ({count['conflict']})", f"Shifted ({count['shifted']})",
                  f"Agreements ({count['agree']})", f"Only in A ({len(diff.only_a)})",
                  f"Only in B ({len(diff.only_b)})"):
        assert title in text
    assert "Aleppo Victory Close" in text and "strategic-culture.org" in text
    assert "presstv.ir" in text and "2016-07-26" in text
    assert "revive" in text and "not cooperate" in text
    assert "9 Dec 2016" in text and "Aleppo" in text
    assert "Kerry (USA)" in text
    assert "ISIS" in text
    assert "same actors RUS-USA" in text


def test_fits_100_columns_and_truncates_long_sentences():
    text = _render(_diff())
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "…" in text
    assert "regardless of who wins the election" not in text.replace("\n", " ")


def test_empty_diff_still_names_every_section():
    a = _doc("a", None, None, "2017-01-01", [])
    text = _render(compare(a, _doc("b", "B", None, "2017-01-02", [])))
    for title in ("Conflicts", "Shifted", "Agreements", "Only in A", "Only in B"):
        assert title in text
    assert "source unknown" in text


def test_text_is_never_read_as_markup():
    text = _render(_diff())
    assert "[bold]here[/bold]" in text and "[1]." in text  # the sentence may wrap between them
    assert "fight [conf]" in text
    assert "\x1b[" not in text


def test_deciding_slot_is_highlighted():
    pairs = _diff().pairs
    conflict = next(p for p in pairs if p.relation == "conflict")
    agree = next(p for p in pairs if p.relation == "agree")
    styles = _differing(conflict)
    assert styles["stance"] == DECISIVE
    assert styles["where"] == DIFFERENT and styles["who"] == "" and styles["whom"] == ""
    assert _differing(agree)["when"] == ""
    console = Console(width=100, record=True, force_terminal=True, color_system="standard")
    render_diff(_diff(), console)
    assert "\x1b[1;31m" in console.export_text(styles=True)
