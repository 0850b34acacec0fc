"""Reading inputs into articles: formats, decoding, metadata and publication dates."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcmp.errors import InputError
from claimcmp.decoding import decode_text
from claimcmp.io import (
    LoadedArticle,
    iter_inputs,
    load_extract_document,
    sniff_format,
)
from claimcmp.metadata import (
    date_from_url,
    detect_language,
    find_date,
    is_furniture,
    parse_published,
)
from claimcmp.models import ExtractDocument

FIXTURES = Path(__file__).parent / "fixtures" / "io"
DEC_9 = dt.date(2016, 12, 9)


def read(*paths: str | Path, **kwargs) -> list[LoadedArticle | InputError]:
    return list(iter_inputs([str(p) for p in paths], **kwargs))


def read_one(path: str | Path, **kwargs) -> LoadedArticle:
    results = read(path, **kwargs)
    assert len(results) == 1
    assert isinstance(results[0], LoadedArticle), results[0]
    return results[0]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- plain text -----------------------------------------------------------------------


def test_text_article_metadata_and_furniture():
    loaded = read_one(FIXTURES / "article.txt")
    article, text = loaded.article, loaded.text
    assert article.id == "article"
    assert article.title == "Russia and US agree to resume Syria talks"
    assert article.author == "John Smith"
    assert article.source == "Example Wire"
    assert article.published.date == DEC_9 and article.published.source == "header"
    assert article.language == "en"
    assert article.sha256 == sha(text)
    assert loaded.warnings == ()
    for furniture in ("Home / World", "Print Friendly", "1200x630", "© AFP", "Share with Friend",
                      "Post Comment", "Views:", "Replies:", "Telegram", "Leave a Reply"):
        assert furniture not in text, furniture
    # the story itself is untouched, and a wrapped line is joined back into its sentence
    assert "Russia and the United States agreed on Friday to resume talks" in text
    assert "December 12, 2016, and would include military experts" in text
    assert "Washington has accused Moscow" in text
    assert "\n\n" in text and "\n\n\n" not in text and not text.startswith("\n")


def test_url_date_beats_header_date_and_fills_url_and_source():
    article = read_one(FIXTURES / "url_date.txt").article
    assert article.published.date == DEC_9
    assert article.published.source == "url"
    assert article.url.startswith("http://www.strategic-culture.org/news/2016/12/09/")
    assert article.source == "strategic-culture.org"


def test_url_only_line_is_dropped_from_text():
    text = read_one(FIXTURES / "url_date.txt").text
    assert "http" not in text and "Sharing is caring" not in text


def test_dateline_gives_header_date():
    article = read_one(FIXTURES / "dateline.txt").article
    assert article.published.date == DEC_9 and article.published.source == "header"
    assert article.title == "US and Russia fail to agree on Aleppo ceasefire"


def test_scrape_clock_is_not_a_publication_date():
    loaded = read_one(FIXTURES / "scrape_clock.txt")
    assert loaded.article.published.source == "none"
    assert loaded.article.published.date is None
    for furniture in ("10:42", "Listen Live", "Get short URL", "39437", "Subscribe", "© AFP"):
        assert furniture not in loaded.text, furniture
    assert loaded.text.startswith("A view of the White House")
    assert "Russia or Daesh? Seems Like Washington Made Its Choice" in loaded.text


def test_cli_date_overrides_everything():
    for name in ("article.txt", "url_date.txt", "one.json", "page.html"):
        article = read_one(FIXTURES / name, date=dt.date(2020, 1, 2)).article
        assert article.published.date == dt.date(2020, 1, 2)
        assert article.published.source == "cli"


def test_empty_file_is_a_warned_article(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.txt", b" \n\t\r\n"), ("empty.json", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        loaded = read_one(path)
        assert loaded.text == ""
        assert loaded.warnings == ("empty article",)
        assert loaded.article.sha256 == sha("")
        assert loaded.article.id == path.stem


def test_non_english_is_warned_not_refused(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le ministre des Affaires étrangères a déclaré que la Russie et les États-Unis sont "
        "prêts à coopérer dans la lutte contre le terrorisme en Syrie, mais que les "
        "discussions ne sont pas terminées.",
        encoding="utf-8",
    )
    loaded = read_one(path)
    assert loaded.article.language == "fr"
    assert loaded.warnings == ("language looks like 'fr', not English",)


def test_missing_file():
    [error] = read("no/such/file.txt")
    assert isinstance(error, InputError)
    assert (error.what, error.where) == ("no such file", "no/such/file.txt")


# --- HTML -----------------------------------------------------------------------------


def test_html_main_text_and_metadata():
    loaded = read_one(FIXTURES / "page.html")
    article, text = loaded.article, loaded.text
    assert article.id == "page"
    assert article.title == "Moscow and Washington agree on Aleppo talks"
    assert article.author == "Jane Doe"
    assert article.source == "Example Times"
    assert article.url == "https://www.example-times.com/world/aleppo-talks"
    assert article.published.date == DEC_9 and article.published.source == "metadata"
    assert "Sergei Lavrov said on Friday" in text
    assert "a charge the Kremlin denied." in text
    for furniture in ("Subscribe", "Politics", "Privacy policy", "All rights reserved"):
        assert furniture not in text, furniture
    assert article.sha256 == sha(text)


def test_html_declared_legacy_charset(tmp_path):
    page = ("<html><head><meta charset=\"windows-1251\"></head><body><p>"
            + "Министр иностранных дел России заявил, что переговоры продолжатся. " * 8
            + "</p></body></html>")
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    loaded = read_one(path)
    assert "Министр иностранных дел" in loaded.text
    assert loaded.article.language == "ru"
    assert loaded.warnings == ("language looks like 'ru', not English",)


# --- JSON and JSONL -------------------------------------------------------------------


def test_json_one_record():
    article = read_one(FIXTURES / "one.json").article
    assert article.id == "lavrov-rome"
    assert article.title == "Lavrov: Kerry offered new proposals"
    assert article.source == "Example Post"
    assert article.url == "https://example.org/news/lavrov-rome"
    assert article.published.date == DEC_9 and article.published.source == "metadata"


def test_json_array_ids_errors_and_newlines():
    first, second, third, fourth = read(FIXTURES / "many.json")
    assert first.article.id == "first" and first.article.published.date == dt.date(2017, 3, 28)
    assert second.article.id == "many-2"
    assert second.text == ("Turkey said it would not join the coalition.\n\n"
                           "Ankara denied sending troops.")
    assert second.article.published.source == "none"
    assert isinstance(third, InputError)
    assert (third.what, third.where) == ('record has no "text" field', f"{FIXTURES / 'many.json'}[2]")
    assert isinstance(fourth, InputError) and fourth.what.startswith('invalid "date"')


def test_jsonl_bad_line_does_not_sink_the_file():
    path = FIXTURES / "records.jsonl"
    results = read(path)
    assert [type(r).__name__ for r in results] == [
        "LoadedArticle", "InputError", "LoadedArticle", "InputError"]
    r1, bad, r3, no_text = results
    assert r1.article.id == "r1" and r1.article.published.source == "metadata"
    assert bad.where == f"{path}:2" and bad.what.startswith("invalid JSON:")
    assert r3.article.id == "records-3"
    assert r3.article.published.date == dt.date(2017, 11, 21)
    assert r3.article.published.source == "url"
    assert r3.article.source == "example.com"
    assert no_text.where == f"{path}:5" and no_text.what == 'record has no "text" field'


def test_invalid_json_message(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("not json at all", encoding="utf-8")
    [error] = read(path)
    assert error.what == "invalid JSON: Expecting value at line 1 column 1"
    assert error.where == str(path)


def test_extract_document_is_not_read_as_an_article():
    [error] = read(FIXTURES / "extract.json")
    assert isinstance(error, InputError) and "not an article" in error.what


def test_record_text_with_lone_surrogate_is_hashable(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"text": "bad \\ud800 surrogate"}', encoding="utf-8")
    loaded = read_one(path)
    assert loaded.article.sha256 == sha(loaded.text)


# --- folders and stdin ----------------------------------------------------------------


def test_folder_recursion_order_skips_hidden_and_unknown(tmp_path):
    root = tmp_path / "batch"
    (root / "alpha").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "zeta.txt").write_text("Zeta: Russia and the US agreed to talk.\n")
    (root / "alpha.txt").write_text("Alpha: Iran welcomed the deal.\n")
    (root / "alpha" / "beta.md").write_text("Beta: Turkey criticised the plan.\n")
    (root / "alpha" / "gamma.json").write_text(
        json.dumps([{"text": "Gamma one."}, {"id": "gamma-two", "text": "Gamma two."}]))
    (root / ".hidden.txt").write_text("Hidden.\n")
    (root / ".cache" / "skip.txt").write_text("Cached.\n")
    (root / "notes.pdf").write_text("Not an article format.\n")
    ids = [r.article.id for r in read(root)]
    assert ids == ["beta", "gamma-1", "gamma-two", "alpha", "zeta"]
    assert ids == [r.article.id for r in read(root)]  # deterministic


def test_folder_with_no_articles(tmp_path):
    (tmp_path / "notes.pdf").write_text("x")
    [error] = read(tmp_path)
    assert error.what == "not an article: a directory with no articles"


def test_paths_keep_their_given_order():
    ids = [r.article.id for r in read(FIXTURES / "one.json", FIXTURES / "article.txt")]
    assert ids == ["lavrov-rome", "article"]


@pytest.mark.parametrize(
    ("payload", "expected_ids", "expected_text"),
    [
        (b"Russia and Turkey agreed on a ceasefire.\n", ["stdin"], "Russia and Turkey"),
        (b'{"text": "Iran and Russia signed a deal."}', ["stdin"], "Iran and Russia"),
        (b'[{"text": "One."}, {"id": "x", "text": "Two."}]', ["stdin-1", "x"], "One."),
        (b'{"text": "One."}\n{"text": "Two."}\n', ["stdin-1", "stdin-2"], "One."),
        ((FIXTURES / "page.html").read_bytes(), ["stdin"], "Sergei Lavrov said on Friday"),
    ],
)
def test_stdin_is_sniffed(payload, expected_ids, expected_text):
    results = read("-", stdin=io.BytesIO(payload))
    assert [r.article.id for r in results] == expected_ids
    assert results[0].text.startswith(expected_text) or expected_text in results[0].text


def test_stdin_errors_are_located():
    [error] = read("-", stdin=io.BytesIO(b'[{"title": "no text"}]'))
    assert (error.what, error.where) == ('record has no "text" field', "stdin[0]")


def test_sniff_format():
    assert sniff_format('{"text": "a"}') == "json"
    assert sniff_format('{"a": 1}\n{"b": 2}') == "jsonl"
    assert sniff_format("<!DOCTYPE html><html></html>") == "html"
    assert sniff_format("[Reuters] Russia said ...") == "text"
    assert sniff_format("Plain words.") == "text"


# --- decoding -------------------------------------------------------------------------

ENGLISH = "Russia and the United States agreed on Friday to resume talks on Syria.\r\nNew line.\r"
LATIN = ("Le café était très animé. Les élèves déjeunaient près de la fenêtre, où le soleil "
         "brillait. Ça coûte cher, n'est-ce pas? Über die Brücke gehen wir, naïve façade.")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_encodings(tmp_path, encoding):
    # utf-16-le/-be carry no BOM: they are recognised by their NUL byte pattern
    path = tmp_path / "u.txt"
    path.write_bytes(ENGLISH.encode(encoding))
    loaded = read_one(path)
    assert loaded.text == ("Russia and the United States agreed on Friday to resume talks on Syria."
                           "\n\nNew line.")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_latin_encodings(encoding):
    assert decode_text(LATIN.encode(encoding), "x") == LATIN


def test_utf8_bom_and_newlines():
    assert decode_text(b"\xef\xbb\xbfa\r\nb\rc", "x") == "a\nb\nc"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(32)) * 20,
        b"text\x00with a nul but not utf-16 at all, just odd",
    ],
)
def test_binary_is_refused(tmp_path, data):
    path = tmp_path / "b.txt"
    path.write_bytes(data)
    [error] = read(path)
    assert isinstance(error, InputError)
    assert error.what == "not text (binary data)"
    assert error.where == str(path)


def test_undecodable_is_refused():
    with pytest.raises(InputError) as caught:
        decode_text(bytes(range(128, 256)) * 3, "x.txt")
    assert caught.value.what.startswith("cannot decode text (tried utf-8, utf-16")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_only_raise_input_error(data):
    try:
        text = decode_text(data, "x")
    except InputError:
        return
    assert isinstance(text, str) and "\r" not in text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=1000))
def test_arbitrary_stdin_yields_articles_or_input_errors(data):
    for result in iter_inputs(["-"], stdin=io.BytesIO(data)):
        if isinstance(result, LoadedArticle):
            assert isinstance(result.text, str)
            assert result.article.sha256 == sha(result.text)
        else:
            assert isinstance(result, InputError)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_reads(text):
    for result in iter_inputs(["-"], stdin=io.BytesIO(text.encode("utf-8", "surrogatepass"))):
        assert isinstance(result, (LoadedArticle, InputError))
        if isinstance(result, LoadedArticle):
            assert result.article.sha256 == sha(result.text)


# --- publication dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Headline\nDecember 9, 2016\nBody text.", DEC_9),
        ("Headline\n9 December 2016", DEC_9),
        ("Headline\n2016-12-09", DEC_9),
        ("Headline\nFriday, Dec. 9, 2016 | John Smith", DEC_9),
        ("Headline\n09.12.2016", DEC_9),
        ("Headline\nPublished: 10:42 GMT, December 9, 2016", DEC_9),
        ("Headline\nUpdated 12 December 2016\nPosted on December 9, 2016 by John", DEC_9),
        ("WASHINGTON, Dec. 9, 2016 (Reuters) - The US said it would talk.", DEC_9),
        ("Headline (2016)\nWASHINGTON, Dec. 9 (Reuters) - The US said it would talk.", DEC_9),
        ("Headline\nUpdated: December 12, 2016", dt.date(2016, 12, 12)),
        ("Headline\nBy John Smith | Reuters | December 9, 2016", DEC_9),
        # none of these is a publication date
        ("10:42 GMT +317 October 2019\nListen Live\nHeadline\nBody.", None),
        ("Headline\nDecember 9, 2016 10:42 GMT", None),
        ("Headline\nOn December 3, 2016, Lavrov said that Russia would help.", None),
        ("WASHINGTON, Dec. 9 (Reuters) - The US said it would talk.", None),
        ("Headline\nUser since: 15/Mar/2008", None),
        ("Headline\n12/09/2016", None),  # day and month could be swapped
        ("a\nb\nc\nd\ne\nDecember 9, 2016", None),  # below the header zone
    ],
)
def test_parse_published(header, expected):
    assert parse_published(header.split("\n")) == expected


@given(st.lists(st.text(max_size=120), max_size=12))
def test_parse_published_never_raises(lines):
    result = parse_published(lines)
    assert result is None or isinstance(result, dt.date)


def test_find_date_ignores_glued_numbers():
    assert find_date("+317 October 2019") is None
    assert find_date("on the 3rd of December 2016")[0] == dt.date(2016, 12, 3)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x.org/news/2016/12/09/slug.html", DEC_9),
        ("https://x.org/2016-12-09/slug", DEC_9),
        ("https://x.org/a/20161209/slug", DEC_9),
        ("https://x.org/a/2016/13/40/slug", None),
        ("https://x.org/a/story-2016", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


# --- furniture and language -----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Print Friendly, PDF & Email", "Share with Friend", "Post Comment", "Leave a Reply",
     "Subscribe", "Listen Live", "Get short URL", "Image Not found for user", "Views: 2002",
     "Replies: 0", "Stay up-to-date with our insights — join our Telegram channel",
     "Home / REGIONS / Middle East / Will we witness cooperation between the US and Russia?",
     "8090212-3x2-700x467", "© AFP 2019 / BRENDAN SMIALOWSKI", "Community standardsDiscussion",
     "10:42 GMT +317 October 2019", "39437"],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Russia and the US agreed to share intelligence.", "Subscribers fell by half.",
     "Russia or Daesh? Seems Like Washington Made Its Choice", "December 9, 2016",
     "Home to millions, Aleppo was the largest city in Syria.", "Politics",
     "The vote was 39437 to 1200, officials said at 10:42 GMT."],
)
def test_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der russische Außenminister sagte, dass die Gespräche mit den Vereinigten Staaten "
         "über Syrien fortgesetzt werden und dass es noch keine Einigung gibt, aber man sei "
         "auf dem Weg.", "de"),
        ("Министр иностранных дел России заявил, что Россия и США готовы сотрудничать в "
         "борьбе с терроризмом.", "ru"),
        ("وقال وزير الخارجية الروسي إن روسيا والولايات المتحدة مستعدتان للتعاون في مكافحة الإرهاب", "ar"),
        ("Le chat.", "en"),  # too short to tell
        (LATIN.replace("Über die Brücke gehen wir, naïve façade.", ""), "fr"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


@settings(max_examples=200)
@given(st.text(alphabet="aZé_9٣²½ \u0301\u3042漢Жß-", max_size=60))
def test_letter_runs_count_the_letters(text):
    """detect_language counts the letters of a text as the lengths of its runs of letters:
    the count of single letters ([^\\W\\d_]), whatever digits, marks and underscores lie
    between them."""
    from claimcmp.text.metadata import _LETTER_RUN

    assert sum(map(len, _LETTER_RUN.findall(text))) == len(re.findall(r"[^\W\d_]", text))


# --- extract documents ----------------------------------------------------------------


def test_load_extract_document_valid():
    document = load_extract_document(str(FIXTURES / "extract.json"))
    assert isinstance(document, ExtractDocument)
    assert document.article.id == "lavrov-rome"
    assert document.claims[0].stance == "propose"


def test_load_extract_document_one_element_array(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("[" + (FIXTURES / "extract.json").read_text() + "]")
    assert load_extract_document(str(path)).article.id == "lavrov-rome"


def test_load_extract_document_not_one():
    assert load_extract_document(str(FIXTURES / "one.json")) is None
    assert load_extract_document(str(FIXTURES / "many.json")) is None
    assert load_extract_document(str(FIXTURES / "article.txt")) is None
    assert load_extract_document("no/such.json") is None
    assert load_extract_document("-") is None


def test_load_extract_document_invalid(tmp_path):
    document = json.loads((FIXTURES / "extract.json").read_text())
    del document["article"]["sha256"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    with pytest.raises(InputError) as caught:
        load_extract_document(str(path))
    assert caught.value.what.startswith("invalid extract document: article.sha256")
    assert caught.value.where == str(path)

    document["schema"] = "claimcmp/9"
    path.write_text(json.dumps(document))
    with pytest.raises(InputError, match="unsupported schema"):
        load_extract_document(str(path))


def test_explicitly_named_file_of_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "dump.data"
    path.write_text('[{"id": "a", "text": "Russia and Turkey agreed."}]', encoding="utf-8")
    [loaded] = read(path)
    assert loaded.article.id == "a"


def test_plain_html_fallback_drops_scripts_and_navigation():
    from claimcmp.io import html_to_plain_text

    page = ("<html><head><title>T</title><script>var x = 1;</script></head><body>"
            "<nav><a>Home</a></nav><p>First &amp; foremost.</p><div>Second<br>line</div>"
            "<footer>Contact</footer></body></html>")
    lines = [line.strip() for line in html_to_plain_text(page).split("\n") if line.strip()]
    assert lines == ["First & foremost.", "Second", "line"]
