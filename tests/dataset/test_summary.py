"""``lawgov-ie summary``: the corpus page is valid HTML, escapes report text, links the failed
checks to show pages that exist, and every chart is visible in headless Chromium."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import html5lib
import pytest
from own_corpus import write

from lawgov_ie.cli import main
from lawgov_ie.io.summary_page import PageReport, page_name, render_summary
from lawgov_ie.models import Check, DocumentMeta, Record, Report

_CHROMIUM = Path("/usr/bin/chromium")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.charts: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.add(tag)
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "svg":
            self.charts.append(found.get("data-chart") or "")


def _parse(page: str) -> _Links:
    parser = _Links()
    parser.feed(page)
    return parser


def _valid(page: str) -> None:
    """html5lib in strict mode raises on any parse error (unescaped text, bad nesting)."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write(tmp_path_factory.mktemp("own") / "reports")
    (folder / "zz-unplaced.txt").write_text(
        "工作总结\n\n一、主要成效\n全年调处矛盾纠纷5起，开展普法宣传活动3次。\n",
        encoding="utf-8")
    page = folder.parent / "corpus.html"
    assert main(["summary", str(folder), "-o", str(page), "--segmenter", "char"]) == 0
    return page


def test_the_page_is_valid_and_links_failed_checks_to_show_pages(corpus_page: Path) -> None:
    page = corpus_page.read_text(encoding="utf-8")
    _valid(page)
    parsed = _parse(page)
    assert parsed.links, "failed checks and unread reports link to show pages"
    for link in parsed.links:
        target = corpus_page.parent / unquote(link)
        assert target.is_file(), link
        _valid(target.read_text(encoding="utf-8"))
    checks = page[page.index('id="checks"'):page.index('id="unread"')]
    assert "parts_exceed_total" in checks and "corpus-reports/xihe-2024.html" in checks
    unread = page[page.index('id="unread"'):]
    assert "zz-unplaced" in unread and "place" in unread
    # a chart for the levels, the years and each indicator stated
    assert parsed.charts[:2] == ["level", "year"]
    assert "mediation.disputes" in parsed.charts and "training.sessions" in parsed.charts
    assert re.search(r"<td>mediation\.disputes</td><td class=num>5 / 5</td>", page)


def test_report_text_is_escaped() -> None:
    hostile = "<script>alert(1)</script>"
    record = Record(id="r1", value=3, unit="起", kind="count", qualifier="exact",
                    label="</td><img src=x onerror=alert(1)>", indicator="mediation.disputes",
                    text="3起", start=0, end=2, implicit=False,
                    sentence='"><b>纠纷</b>3起', section=[], section_kind="achievement",
                    period=2024, part_of=None, rate_of=None,
                    checks=[Check(code="rate_mismatch", message=hostile)])
    report = Report(meta=DocumentMeta(place=hostile, admin_level="<i>镇", year=2024,
                                      source='a"b.txt', title=hostile),
                    records=[record])
    item = PageReport('x" onclick="alert(1)', report, "pages/" + page_name('x" onclick=1'))
    unplaced = PageReport("<u>y</u>", Report(meta=DocumentMeta(source="<u>y</u>")), None)
    page = render_summary([item, unplaced], title="<h1>t")
    _valid(page)
    parsed = _parse(page)
    assert not parsed.tags & {"script", "img", "b", "i", "u"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert all('"' not in link and "<" not in link for link in parsed.links)


def test_page_names_are_plain_file_names() -> None:
    assert page_name("2023/huqiu#2") == "2023_huqiu_2.html"
    assert page_name("../../etc/passwd") == "etc_passwd.html"
    assert page_name("英林镇 2023") == "英林镇_2023.html"


# Measures every chart once the page is laid out and writes the sizes into the DOM, which
# --dump-dom prints (the page itself has no script; this copy is for the test only).
_MEASURE = """<script>
window.addEventListener('load', () => {
  const out = [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect(); const style = getComputedStyle(svg);
    const marks = svg.querySelectorAll('rect, circle').length;
    return [svg.dataset.chart, box.width, box.height, box.top + window.scrollY,
            style.visibility, style.display, marks];
  });
  const pre = document.createElement('pre'); pre.id = 'measured';
  pre.textContent = JSON.stringify({charts: out, height: document.body.scrollHeight});
  document.body.appendChild(pre);
});
</script>"""


@pytest.mark.browser
def test_every_chart_is_visible_in_headless_chromium(corpus_page: Path, tmp_path: Path) -> None:
    if not _CHROMIUM.exists():
        pytest.skip("headless Chromium not found (apt-get install chromium fonts-noto-cjk)")
    page = corpus_page.read_text(encoding="utf-8")
    measured = corpus_page.with_name("measured.html")
    measured.write_text(page.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [str(_CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900",
         "--virtual-time-budget=5000", "--dump-dom", measured.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stdout[-2000:]
    data = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    charts = data["charts"]
    assert [c[0] for c in charts] == _parse(page).charts and len(charts) >= 9
    for name, width, height, top, visibility, display, marks in charts:
        assert width > 100 and height > 20, name
        assert 0 <= top < data["height"], name
        assert visibility == "visible" and display != "none", name
        assert marks >= 1, name
