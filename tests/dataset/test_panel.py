"""The panel: headline values, flags and the change view on a corpus of our own; the wide
panel on the seeds and devset texts; files written and read back; the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from own_corpus import FIGURES, FILE_NAMES, text, write

import lawgov_ie
from lawgov_ie.cli import main
from lawgov_ie.dataset.panel import (
    CHANGE_COLUMNS,
    LONG_COLUMNS,
    MissingExtra,
    read_frame,
    require,
    wide_view,
)
from lawgov_ie.models import Report

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset" / "docs"
if not DEVSET.is_dir():
    DEVSET = Path("/work/shared/devset/docs")


@pytest.fixture(scope="module")
def own() -> list[tuple[str, Report]]:
    return [(name, lawgov_ie.extract(text(*key), segmenter="char"))
            for key, name in FILE_NAMES.items()]


def _expected(place: str, year: int) -> dict[str, tuple[float, str, bool]]:
    figures = FIGURES[(place, year)]
    courses, lectures = figures["courses"], figures["lectures"]
    return {  # indicator: (value, unit, ambiguous)
        "mediation.disputes": (figures["disputes"], "件", False),  # the total, not its parts
        "mediation.success_rate": (figures["rate"], "%", False),
        "training.sessions": (max(courses, lectures), "次", courses != lectures),
        "training.participants": (figures["attendances"], "人次", False),  # not the 人 part
        "publicity.events": (figures["events"], "次", False),  # not the plan's
        "publicity.materials": (figures["materials"], "份", False),
        "enforcement.penalties": (figures["penalties"], "件", False),  # not last year's
    }


def test_headlines_and_flags_of_our_corpus(own: list[tuple[str, Report]]) -> None:
    long = lawgov_ie.panel(own)
    assert list(long.columns) == list(LONG_COLUMNS)
    for key, name in FILE_NAMES.items():
        rows = long[long["report"] == name]
        found = {row.indicator: (row.value, row.unit, bool(row.ambiguous))
                 for row in rows.itertuples()}
        assert found == _expected(*key), name
        assert set(rows["place"]) == {key[0]} and set(rows["year"]) == {key[1]}
    # the parts (30 + 25) of 西河乡 2024's total (40) exceed it: the check is on the headline
    disputes = long[(long["report"] == "xihe-2024") & (long["indicator"] == "mediation.disputes")]
    assert disputes["checks"].tolist() == ["parts_exceed_total"]


def test_the_change_view_of_our_corpus(own: list[tuple[str, Report]]) -> None:
    change = lawgov_ie.panel(own, change=True)
    assert list(change.columns) == list(CHANGE_COLUMNS)
    got = {(row.place, row.indicator): (row.year, row.previous_year, row.value,
                                        row.previous_value, row.difference, bool(row.ambiguous))
           for row in change.itertuples()}
    want = {}
    for place in ("东山镇", "西河乡"):
        before, after = _expected(place, 2023), _expected(place, 2024)
        for indicator, (value, _unit, flagged) in after.items():
            previous, _, flagged_before = before[indicator]
            want[(place, indicator)] = (2024, 2023, value, previous, value - previous,
                                        flagged or flagged_before)
    assert got == want


def test_the_wide_panel_has_a_row_per_report_and_a_column_per_indicator(
        own: list[tuple[str, Report]]) -> None:
    empty = Report.model_validate({"meta": {"place": "南坡镇", "year": 2024}})
    wide = lawgov_ie.panel([*own, ("empty", empty)], wide=True)
    assert wide["report"].tolist() == [*FILE_NAMES.values(), "empty"]
    row = wide.set_index("report").loc["dongshan-2023"]
    assert row["mediation.disputes"] == 120 and row["training.sessions"] == 6
    assert row["ambiguous_indicators"] == "training.sessions"
    assert wide.set_index("report").loc["empty"].filter(like=".").isna().all()
    assert pd.isna(wide.set_index("report").loc["dongshan-2024", "ambiguous_indicators"])


@pytest.fixture(scope="module")
def seeds_and_devset() -> list[tuple[str, Report]]:
    reports = [(path.name, lawgov_ie.extract(path.read_text(encoding="utf-8"),
                                             segmenter="char"))
               for path in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]
    if not DEVSET.is_dir():
        pytest.skip("the devset is not next to the repository")
    for path in sorted(DEVSET.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        reports.append((f"devset/{doc['id']}", lawgov_ie.extract(doc["text"],
                                                                 segmenter="char")))
    return reports


def test_the_wide_panel_of_seeds_and_devset(seeds_and_devset: list[tuple[str, Report]]) -> None:
    long = lawgov_ie.panel(seeds_and_devset)
    wide = lawgov_ie.panel(seeds_and_devset, wide=True)
    assert len(wide) == len(seeds_and_devset) and wide["report"].is_unique
    assert not long.duplicated(["report", "indicator"]).any()
    # every cell is the long frame's value, and every ambiguous cell is flagged
    by_cell = long.set_index(["report", "indicator"])
    indexed = wide.set_index("report")
    for (report, indicator), row in by_cell.iterrows():
        assert indexed.loc[report, indicator] == row["value"]
    flagged = {(r, i) for r, names in indexed["ambiguous_indicators"].dropna().items()
               for i in names.split(",")}
    assert flagged == set(by_cell.index[by_cell["ambiguous"]])
    assert flagged, "the seeds and devset have ambiguous cells"
    # a cell is ambiguous exactly when other values were left at the last step
    assert (long["ambiguous"] == long["others"].notna()).all()
    assert ((long["candidates"] > 1) | ~long["ambiguous"]).all()
    # wide_view from the long frame alone gives the same rows for reports with a headline
    alone = wide_view(long)
    assert set(alone["report"]) == set(long["report"])


@pytest.mark.parametrize("view", ["long", "wide", "change"])
def test_files_read_back_give_the_same_frame(tmp_path: Path, view: str) -> None:
    folder = write(tmp_path / "reports")
    frames = {}
    for suffix in (".parquet", ".xlsx", ".csv"):
        out = tmp_path / f"panel{suffix}"
        assert main(["panel", str(folder), "-o", str(out), "--view", view,
                     "--segmenter", "char"]) == 0
        frames[suffix] = read_frame(out)
    pd.testing.assert_frame_equal(frames[".parquet"], frames[".xlsx"])
    pd.testing.assert_frame_equal(frames[".parquet"], frames[".csv"])
    reports = [(name, lawgov_ie.extract(text(*key), segmenter="char",
                                        source=str(folder / f"{name}.txt")))
               for key, name in FILE_NAMES.items()]
    expected = lawgov_ie.panel(reports, wide=view == "wide", change=view == "change")
    pd.testing.assert_frame_equal(frames[".parquet"], expected)


def test_panel_reads_extract_jsonl_and_names_what_it_cannot_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write(tmp_path / "reports")
    jsonl = tmp_path / "reports.jsonl"
    assert main(["extract", str(folder), "-o", str(jsonl), "--segmenter", "char",
                 "--no-progress"]) == 0
    with jsonl.open("a", encoding="utf-8") as stream:
        stream.write('{"meta": {"year": "not a year"}}\n')
    out = tmp_path / "panel.csv"
    assert main(["panel", str(jsonl), str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "reports.jsonl:5: not a lawgov-ie report (meta.year" in err
    assert "missing.txt: no such file" in err
    frame = read_frame(out)
    assert frame["report"].nunique() == 4 and len(frame) == 28
    assert main(["panel", str(jsonl), "-o", str(tmp_path / "panel.txt")]) == 2
    assert "cannot tell the format from the suffix .txt" in capsys.readouterr().err


def test_a_formula_in_a_report_stays_text_in_excel(tmp_path: Path) -> None:
    import openpyxl

    report = lawgov_ie.extract(text("东山镇", 2023), segmenter="char")
    report.meta.place = "=HYPERLINK(\"http://example.com\")"
    from lawgov_ie.dataset.panel import write_frame

    write_frame(lawgov_ie.panel([report]), tmp_path / "p.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == report.meta.place]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_pandas_is_optional() -> None:
    """``import lawgov_ie`` does not import pandas; without it, the panel says which extra
    to install (pandas hidden from the import system in a fresh interpreter)."""
    code = ("import sys; import lawgov_ie; assert 'pandas' not in sys.modules; "
            "sys.modules['pandas'] = None\n"
            "try:\n    lawgov_ie.panel([])\n"
            "except ImportError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == ("the panel needs pandas, which is not installed: "
                                     "pip install 'lawgov-ie[data]'")
    with pytest.raises(MissingExtra, match=r"pip install 'lawgov-ie\[data\]'"):
        require("lawgov_ie_no_such_module")
