"""The HTML report opened in a real headless browser (Debian's chromium; `.ci/run` installs
it where missing): what is rendered, with the network cut off, is the matrix, the outlets,
the groups with their sentences, and the timeline's SVG chart."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from claimcmp.comparison.grouping import compare_documents
from claimcmp.render.compare_html import render_html
from compare_fixtures import story

CHROMIUM = next((path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (Debian: apt-get install -y chromium; .ci/run does it)")
# no sandbox: CI runs as root; every host name unresolvable: a page that fetched anything
# would render without it
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,1400"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    document = compare_documents(story())
    page = folder / "report.html"
    page.write_text(render_html(document), encoding="utf-8")
    return folder, page, document


def chromium(*args, cwd):
    return subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=180,
                          cwd=cwd, check=False)


def test_the_rendered_page_shows_groups_outlets_sentences_and_the_chart(report):
    folder, page, document = report
    result = chromium("--dump-dom", page.as_uri(), cwd=folder)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    headers = re.findall(r'<th scope="col" class="outlet" title="[^"]*"><div class="up">([^<]*)</div></th>', dom)
    # outlets by the number of groups they tell, then by name; once for the groups several
    # outlets tell, once for those only one tells (folded in a <details>)
    assert headers == ["Daily Alpha", "Beta Times", "Delta News", "Gamma &lt;Post&gt;"] * 2
    assert '<details id="single"><summary>1 claim group told by one outlet only</summary>' in dom
    for group in document.groups:
        assert re.search(f'<article class="group[^"]*" id="{group.id}">', dom)
    assert 'class="group contested"' in dom
    assert "Russia did not cooperate with the United States on [bold]Friday[/bold] &amp; never will." in dom
    assert len(re.findall(r"<svg\b", dom)) == 2
    assert 'data-pair="RUS – USA"' in dom
    assert len(re.findall(r"<rect\b", dom)) == 5  # one mark per dated claim between two actors
    assert "<script" not in dom


def test_a_screenshot_of_the_report_is_written(report):
    folder, page, _ = report
    shot = folder / "report.png"
    result = chromium(f"--screenshot={shot}", page.as_uri(), cwd=folder)
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1400)
