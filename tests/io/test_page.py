"""``lawgov-ie show``: the page's HTML, and the 英林镇 page opened in headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lawgov_ie.cli import main
from lawgov_ie.io.page import highlighted_text, render_page
from lawgov_ie.models import Check, DocumentMeta, Entity, Record, Report

ROOT = Path(__file__).resolve().parents[2]
YINGLIN = ROOT / "corpus" / "raw" / "002_463a946c1bd692f9.txt"


def _record(id_: str, text: str, start: int, value: float, unit: str, label: str,
            checks: list[Check] | None = None) -> Record:
    return Record(id=id_, value=value, unit=unit, kind="count", qualifier="exact", label=label,
                  indicator="mediation.disputes", text=text, start=start,
                  end=start + len(text), implicit=False, sentence="", section=["一、成效"],
                  section_kind="achievement", period=None, part_of=None, rate_of=None,
                  checks=checks or [])


TEXT = "县司法局<调解>纠纷12起，其中邻里纠纷5起。"


def _report() -> Report:
    return Report(
        meta=DocumentMeta(place="东湖镇", year=2024),
        records=[_record("r1", "12起", TEXT.index("12起"), 12, "起", "纠纷"),
                 _record("r2", "5起", TEXT.index("5起"), 5, "起", "邻里纠纷",
                         [Check(code="parts_exceed_total", message="parts <exceed> total")])],
        entities=[Entity(label="ORG", text="县司法局", start=0, end=4),
                  Entity(label="DATE", text="纠纷12", start=TEXT.index("纠纷12"),
                         end=TEXT.index("纠纷12") + 4)])


class _Collect(HTMLParser):
    """The text of the page and the attributes of its marks and record rows."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.rows: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "mark":
            self.marks.append(found)
        if tag == "tr" and found.get("data-record"):
            self.rows.append(found["data-record"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    return parser


def test_highlights_keep_the_text_and_escape_it() -> None:
    report = _report()
    for item in [*report.records, *report.entities]:
        assert TEXT[item.start:item.end] == item.text
    html = highlighted_text(TEXT, report)
    parsed = _parse(html)
    tags = {"ORG", "r1", "r2"}
    assert "".join(t for t in parsed.text if t not in tags) == TEXT
    assert "&lt;调解&gt;" in html
    # the record wins over the entity that overlaps it
    assert [m.get("data-label") or m.get("data-records") for m in parsed.marks] == [
        "ORG", "r1", "r2"]
    assert "checked" in (parsed.marks[2].get("class") or "")


def test_records_sharing_their_text_share_one_mark() -> None:
    text = "参考率、合格率均达100%。"
    at = text.index("100%")
    report = Report(records=[_record("r1", "100%", at, 100, "%", "参考率"),
                             _record("r2", "100%", at, 100, "%", "合格率")])
    (mark,) = _parse(highlighted_text(text, report)).marks
    assert mark.get("data-records") == "r1 r2"


def test_page_has_facts_and_a_table_row_per_record() -> None:
    page = render_page(TEXT, _report())
    parsed = _parse(page)
    assert parsed.rows == ["r1", "r2"]
    assert "东湖镇 2024 法治政府建设情况" in page
    assert "parts &lt;exceed&gt; total" in page and "<exceed>" not in page


def test_show_writes_a_page_and_names_a_missing_file(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / "none.txt"), "-o", str(tmp_path / "p.html")]) == 2
    assert "none.txt" in capsys.readouterr().err
    source = tmp_path / "gbk.txt"
    source.write_bytes("东湖镇2024年法治政府建设情况报告\n调处纠纷12起。\n".encode("gb18030"))
    assert main(["show", str(source), "-o", str(tmp_path / "p.html"), "--segmenter",
                 "char"]) == 0
    assert "东湖镇" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_show_splits_a_file_like_extract_and_writes_the_usual_mode(
        tmp_path: Path, seed_texts: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    first, second = list(seed_texts.values())[2:4]  # 英林镇 and 槐南镇, both signed
    source = tmp_path / "two.txt"
    source.write_text(first + "\n" + second, encoding="utf-8")
    page = tmp_path / "p.html"
    assert main(["show", str(source), "-o", str(page), "--segmenter", "char",
                 "--report", "2"]) == 0
    err = capsys.readouterr().err
    assert "holds 2 reports" in err and "showing report 2" in err
    html = page.read_text(encoding="utf-8")
    assert "槐南镇" in html and "英林镇" not in html
    mask = os.umask(0)
    os.umask(mask)
    assert page.stat().st_mode & 0o777 == 0o666 & ~mask
    assert main(["show", str(source), "--report", "3", "--segmenter", "char"]) == 2
    assert "there is no report 3" in capsys.readouterr().err


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.skip("headless Chromium not found (run `make browser` to install Debian's chromium)")


def chromium_args(user_dir: Path) -> list[str]:
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={user_dir}"]


@pytest.mark.browser
@pytest.mark.pkuseg
def test_yinglin_page_in_headless_chromium(tmp_path: Path) -> None:
    import lawgov_ie

    browser = _chromium()
    page = tmp_path / "yinglin.html"
    assert main(["show", str(YINGLIN), "-o", str(page)]) == 0
    report = lawgov_ie.extract(YINGLIN.read_text(encoding="utf-8"))
    assert report.records, "the 英林镇 report should have records to show"
    result = subprocess.run([browser, *chromium_args(tmp_path / "profile"), "--dump-dom",
                             page.as_uri()], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _parse(result.stdout)
    assert dom.rows == [r.id for r in report.records]
    marked = {record_id for mark in dom.marks
              for record_id in (mark.get("data-records") or "").split()}
    assert marked == {r.id for r in report.records}
    shown = "".join(dom.text)
    for record in report.records:
        assert record.text in shown
    assert "英林镇" in shown and "晋英委〔2024〕26号" in shown
