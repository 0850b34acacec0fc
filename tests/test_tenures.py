"""claimcmp.tenures: times given by a term of office, and their use in the pipeline."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcmp import gazetteer, tenures


def spans(text: str, published: str | None = None) -> list[tuple[str, str, str, str]]:
    date = dt.date.fromisoformat(published) if published else None
    return [(text[f.start:f.end], f.span.start.isoformat(), f.span.end.isoformat(), f.span.source)
            for f in tenures.find(text, date)]


@pytest.mark.parametrize("text,published,expected", [
    # since / after taking office: up to the publication date when it is known ...
    ("Relations have soured since Erdogan came to power.", "2019-05-02",
     [("since Erdogan came to power", "2003-03-14", "2019-05-02", "relative")]),
    ("Kyiv's ties with Warsaw warmed after Zelensky took office.", "2020-02-01",
     [("after Zelensky took office", "2019-05-20", "2020-02-01", "relative")]),
    # ... else to the end of the term (or of the stretch in power, whatever the office)
    ("Relations have soured since Erdogan came to power.", None,
     [("since Erdogan came to power", "2003-03-14", tenures.AS_OF.isoformat(), "explicit")]),
    ("talks stalled after Trump's arrival at the White House", None,
     [("after Trump's arrival at the White House", "2017-01-20", "2021-01-19", "explicit")]),
    ("since Netanyahu returned to power", "2023-06-01",
     [("since Netanyahu returned to power", "2022-12-29", "2023-06-01", "relative")]),
    # periods, parts of a term and ordinals
    ("deals reached during the last year of the Obama administration", None,
     [("during the last year of the Obama administration", "2016-01-20", "2017-01-19", "explicit")]),
    ("in the first 100 days of the Biden administration", None,
     [("in the first 100 days of the Biden administration", "2021-01-20", "2021-04-29", "explicit")]),
    ("sanctions imposed during Trump's first term", "2026-01-05",
     [("during Trump's first term", "2017-01-20", "2021-01-19", "explicit")]),
    ("Under President Maduro the economy shrank.", "2019-03-01",
     [("Under President Maduro", "2013-03-05", "2019-03-01", "relative")]),
    # a pronoun takes the leader named just before
    ("Abiy Ahmed has courted Eritrea since he took office.", "2018-09-01",
     [("since he took office", "2018-04-02", "2018-09-01", "relative")]),
])
def test_terms_of_office(text, published, expected):
    assert spans(text, published) == expected


@pytest.mark.parametrize("text", [
    "Officials urged the Obama administration to act.",  # an actor, not a time
    "The talks went on since he took office.",  # no leader named before the pronoun
    "under Putin's orders",  # possessive: not the years of his rule
    "the last year of the Putin era",  # a term not over in the data is not dated by its end
])
def test_no_time_without_a_term(text):
    assert spans(text) == []


@pytest.mark.parametrize("text,expected", [
    # any demonym of countries.jsonl may stand before the title, not only a few written in code
    ("Berlin's budget rules were loosened since German Chancellor Scholz took office.",
     ("since German Chancellor Scholz took office", "2021-12-08", "2023-01-15")),
    ("Seoul and Tokyo grew closer since South Korean President Yoon took office.",
     ("since South Korean President Yoon took office", "2022-05-10", "2023-01-15")),
    ("Ankara bought more gas under Turkish President Erdogan.",
     ("under Turkish President Erdogan", "2003-03-14", "2023-01-15")),
])
def test_a_demonym_before_the_title(text, expected):
    assert spans(text, "2023-01-15") == [(*expected, "relative")]


def test_a_name_before_its_term_is_someone_else():
    assert spans("Iraq's army collapsed under Bush.", "1991-03-01") == []


def test_every_term_names_a_known_leader_and_is_ordered():
    leaders = {row["id"] for row in gazetteer.leaders()}
    for leader, terms in tenures.terms().items():
        assert leader in leaders
        for term in terms:
            assert term.end is None or term.start < term.end <= tenures.AS_OF
        assert [t.start for t in terms] == sorted(t.start for t in terms)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("since after during under the Trump Obama's he took office came to "
                                              "power last first year of administration 12 .,'\u2019")),
               max_size=80),
       st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))))
def test_find_never_raises_and_spans_are_ordered(text, published):
    finds = tenures.find(text, published)
    for f in finds:
        assert 0 <= f.start < f.end <= len(text)
        assert f.span.start <= f.span.end
    assert all(a.end <= b.start for a, b in zip(finds, finds[1:]))


def test_claims_take_the_term(nlp):
    doc = nlp("Moscow has refused any cooperation with Kyiv since Zelensky took office.")
    found = [c for c in doc._.claimcmp_claims if c["subject"]["id"] == "RUS"]
    assert found and found[0]["when"]["start"] == "2019-05-20"


def test_scanning_only_where_a_match_can_start_keeps_the_matches():
    """Each pattern is tried only where its head can match (claimcmp.time.match_starts):
    the matches are finditer's."""
    from claimcmp.knowledge.tenures import _tables
    from claimcmp.time.match_starts import TextStarts, scan

    texts = ["Since Trump took office, and ever since he came to power; in the first 100 days of "
             "the Obama administration, under President Erdogan, during Putin's third term.",
             "AFTER BIDEN WAS SWORN IN, following his inauguration; throughout the Merkel era, "
             "over Xi's rule and under Zelensky \u2019s plan; \u017fince Trump took office."]
    for text in texts + [t.lower() for t in texts]:
        starts = TextStarts(text)
        for pattern, can_start in _tables().patterns:
            assert can_start is not None
            plain = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in scan(pattern, can_start, starts)] == plain
