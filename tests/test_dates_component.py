"""claimcmp.pipeline.dates.DateTagger with the real model and on a blank pipeline."""
from __future__ import annotations

import datetime as dt
import time

import pytest
import spacy
from spacy.tokens import DocBin

from claimcmp import extensions
from claimcmp.pipeline.dates import DateTagger, grammatical_direction, parse_published

PUBLISHED = "2016-12-09"  # a Friday


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def tag(nlp, text, published=PUBLISHED):
    doc = _model_only(nlp, text)
    doc._.claimcmp_published = published
    return DateTagger(nlp)(doc)


def _model_only(nlp, text):
    """The model's own annotations, not claimcmp's (the session pipeline carries both)."""
    return nlp(text, disable=[name for name in nlp.pipe_names if name.startswith("claimcmp_")])


def dates(doc):
    return [(s.text, s._.claimcmp_when["start"], s._.claimcmp_when["end"]) for s in doc.spans[extensions.DATES]]


@pytest.mark.parametrize("text,expected", [
    ("North Korea fired a missile on Tuesday.", [("Tuesday", "2016-12-06", "2016-12-06")]),
    ("North Korea will test another missile on Tuesday.", [("Tuesday", "2016-12-13", "2016-12-13")]),
    ("Ukraine will hold talks with Russia next week.", [("next week", "2016-12-12", "2016-12-18")]),
    ("Israeli jets struck Gaza on 12 May 2021.", [("12 May 2021", "2021-05-12", "2021-05-12")]),
    ("Speaking in Rome on December 3, Sergei Lavrov said John Kerry had offered new proposals.",
     [("December 3", "2016-12-03", "2016-12-03")]),
    ("Since February, Saudi-led forces have bombed Houthi positions in Yemen.",
     [("Since February", "2016-02-01", "2016-12-09")]),
    ("The Taliban attacked a checkpoint in Helmand two days ago.", [("two days ago", "2016-12-07", "2016-12-07")]),
    ("Turkish troops entered northern Syria in August.", [("August", "2016-08-01", "2016-08-31")]),
    ("Turkey will withdraw its troops from Syria in August.", [("August", "2017-08-01", "2017-08-31")]),
    ("The ceasefire talks are going to resume in the coming months.",
     [("the coming months", "2016-12-09", "2017-03-09")]),
    ("A summit with Iran is planned for October.", [("October", "2017-10-01", "2017-10-31")]),
    ("The Kremlin said on Thursday that Moscow had warned Kyiv in early October.",
     [("Thursday", "2016-12-08", "2016-12-08"), ("early October", "2016-10-01", "2016-10-10")]),
    ("Armenia and Azerbaijan fought a war in the 1990s and again in late 2020.",
     [("the 1990s", "1990-01-01", "1999-12-31"), ("late 2020", "2020-09-01", "2020-12-31")]),
    ("Rebels shelled Donetsk over the weekend, OSCE monitors said.",
     [("over the weekend", "2016-12-03", "2016-12-04")]),
    ("The UN envoy met Houthi leaders in Sanaa last week.", [("last week", "2016-11-28", "2016-12-04")]),
    ("Turkey will withdraw its troops from Syria in two years.", [("in two years", "2018-01-01", "2018-12-31")]),
    ("Turkey and Armenia held talks, the first in a decade.", []),  # within the past decade: no date
])
def test_conflict_sentences_with_model(nlp, text, expected):
    assert dates(tag(nlp, text)) == expected


def test_when_is_the_json_dump(nlp):
    doc = tag(nlp, "Israeli jets struck Gaza on 12 May 2021.")
    (span,) = doc.spans[extensions.DATES]
    assert span.label_ == "DATE"
    assert span._.claimcmp_when == {"start": "2021-05-12", "end": "2021-05-12", "granularity": "day",
                                    "text": "12 May 2021", "source": "explicit"}


def test_without_publication_date_only_explicit_dates_kept(nlp):
    doc = tag(nlp, "Russia said on Tuesday that it had bombed Aleppo on December 3, 2016.", published=None)
    assert dates(doc) == [("December 3, 2016", "2016-12-03", "2016-12-03")]


def test_bad_publication_date_is_ignored(nlp):
    doc = tag(nlp, "Russia bombed Aleppo on Tuesday.", published="not a date")
    assert dates(doc) == []


@pytest.mark.parametrize("text,expected", [
    ("North Korea fired a missile on Tuesday.", [("Tuesday", "2016-12-06", "2016-12-06")]),  # auto: nearest
    ("Israeli jets struck Gaza on 12 May 2021.", [("12 May 2021", "2021-05-12", "2021-05-12")]),
    ("Russia will hold talks next week, since February the war has raged.",
     [("next week", "2016-12-12", "2016-12-18"), ("since February", "2016-02-01", "2016-12-09")]),
    ("In 2014, Russia annexed Crimea; 2000 troops were sent.", [("2014", "2014-01-01", "2014-12-31")]),
])
def test_blank_pipeline_regex_only(blank, text, expected):
    assert dates(tag(blank, text)) == expected


def test_spans_sorted_disjoint_and_resolved(nlp):
    text = ("On Tuesday, a week after talks in Geneva on December 3, officials said fighting since February "
            "had killed more people than in 2015. Talks will resume next month, in the coming weeks at the latest.")
    doc = tag(nlp, text)
    spans = list(doc.spans[extensions.DATES])
    assert len(spans) >= 5
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    for s in spans:
        w = s._.claimcmp_when
        assert w["start"] <= w["end"] and w["text"] == s.text


def test_survives_docbin(nlp):
    doc = tag(nlp, "Ukraine will hold talks with Russia next week.")
    db = DocBin(store_user_data=True)
    db.add(doc)
    (back,) = DocBin(store_user_data=True).from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    assert [s._.claimcmp_when for s in back.spans[extensions.DATES]] == \
        [s._.claimcmp_when for s in doc.spans[extensions.DATES]]


def test_grammatical_direction(nlp, blank):
    def direction(pipeline, text, expr):
        doc = _model_only(pipeline, text)
        start = doc.text.index(expr)
        return grammatical_direction(doc.char_span(start, start + len(expr)))
    assert direction(nlp, "North Korea fired a missile on Tuesday.", "Tuesday") == "past"
    assert direction(nlp, "North Korea will fire a missile on Tuesday.", "Tuesday") == "future"
    assert direction(nlp, "Officials had met on Tuesday.", "Tuesday") == "past"
    assert direction(nlp, "They meet on Tuesday.", "Tuesday") == "auto"
    assert direction(nlp, "They meet the coming Tuesday.", "coming Tuesday") == "future"
    assert direction(blank, "North Korea fired a missile on Tuesday.", "Tuesday") == "auto"
    # the future of a reported saying: the Tuesday after it; a counterfactual stays past
    assert direction(nlp, "The council said it would meet on Tuesday.", "Tuesday") == "future"
    assert direction(nlp, "The council said it would have met on Tuesday.", "Tuesday") != "future"


def test_parse_published():
    assert parse_published("2016-12-09") == dt.date(2016, 12, 9)
    assert parse_published("2016-12-09T10:00:00Z") == dt.date(2016, 12, 9)
    assert parse_published(dt.date(2016, 12, 9)) == dt.date(2016, 12, 9)
    assert parse_published(dt.datetime(2016, 12, 9, 5)) == dt.date(2016, 12, 9)
    for bad in (None, "", "yesterday", 20161209, "2016-13-01"):
        assert parse_published(bad) is None


def test_empty_and_dateless_docs(nlp, blank):
    assert dates(tag(nlp, "")) == []
    assert dates(tag(blank, "Lavrov met Kerry in Rome.")) == []


def test_long_blank_doc_is_fast(blank):
    text = " ".join(["Russian jets struck Idlib on Tuesday and again on December 3, 2016, officials said."] * 400)
    t0 = time.perf_counter()
    doc = tag(blank, text)
    assert time.perf_counter() - t0 < 5.0
    assert len(doc.spans[extensions.DATES]) == 800
