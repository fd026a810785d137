"""The panel: reports × indicators, one headline figure per cell (docs/panel.md).

``panel(reports)`` is the long frame (one row per report and indicator it states);
``panel(reports, wide=True)`` one row per report and one column per indicator;
``panel(reports, change=True)`` the year-over-year view of places seen in consecutive years.
``wide_view``, ``change_view`` make the other views from a long frame (one read back from a
file, say); ``write_frame``/``read_frame`` write and read CSV, Parquet or Excel by suffix.

Needs pandas (and pyarrow for Parquet, openpyxl for Excel): ``pip install 'lawgov-ie[data]'``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawgov_ie.dataset.headline import Headline, headlines, report_ids
from lawgov_ie.dataset.tables import PLACE_FIELDS, place_facts, place_key
from lawgov_ie.dataset.units import ORDER
from lawgov_ie.errors import LawgovError
from lawgov_ie.models import Report

if TYPE_CHECKING:
    import pandas as pd

ID_COLUMNS = ("report", "source", *PLACE_FIELDS, "place_key", "year")
"""The columns that say which report a row is about, in every view."""

CELL_COLUMNS = ("indicator", "value", "unit", "unit_as_written", "qualifier", "kind",
                "ambiguous", "candidates", "records", "basis", "others", "record_id", "label",
                "text", "period", "section_kind", "checks")
LONG_COLUMNS = (*ID_COLUMNS, *CELL_COLUMNS)
CHANGE_COLUMNS = ("place_key", "place", "indicator", "year", "previous_year", "value",
                  "previous_value", "difference", "unit", "report", "previous_report",
                  "ambiguous")
_INTEGER = ("year", "period", "previous_year")
_COUNT = ("candidates", "records")
_FLOAT = ("value", "previous_value", "difference")
_BOOL = ("ambiguous",)
SUFFIXES = (".csv", ".parquet", ".xlsx")


class MissingExtra(LawgovError, ImportError):
    """pandas (or pyarrow, openpyxl) is needed and not installed."""


def require(module: str, what: str = "the panel") -> Any:
    """Import ``module`` or say which extra installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"{what} needs {module}, which is not installed: "
                           "pip install 'lawgov-ie[data]'") from None


def _pandas() -> Any:
    return require("pandas")


def _id_values(doc_id: str, report: Report) -> dict[str, Any]:
    meta = report.meta
    return {"report": doc_id, "source": meta.source, **place_facts(meta),
            "place_key": place_key(meta), "year": meta.year}


def _cell(head: Headline) -> dict[str, Any]:
    return {
        "indicator": head.indicator, "value": head.value, "unit": head.unit,
        "unit_as_written": head.unit_as_written, "qualifier": head.qualifier,
        "kind": head.kind, "ambiguous": head.ambiguous, "candidates": head.candidates,
        "records": head.records, "basis": head.basis,
        "others": ",".join(f"{v:g}" for v in head.others) or None,
        "record_id": head.record_id, "label": head.label, "text": head.text,
        "period": head.period, "section_kind": head.section_kind,
        "checks": ",".join(head.checks) or None,
    }


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the panel's column types: whole numbers that may be missing (year,
    period) as Int64, counts as int64, values as float64, flags as bool, the rest as text
    with missing values as NA. Reading a file back through this gives the frame written."""
    pd = _pandas()
    frame = frame.copy()
    for column in frame.columns:
        if column in _INTEGER:
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif column in _COUNT:
            frame[column] = frame[column].astype("int64")
        elif column in _FLOAT or column in _indicator_columns(frame):
            frame[column] = pd.to_numeric(frame[column]).astype("float64")
        elif column in _BOOL:
            frame[column] = frame[column].astype(bool)
        else:
            frame[column] = frame[column].astype("string")
    return frame.reset_index(drop=True)


def _indicator_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if "." in str(c) and c not in LONG_COLUMNS]


def _empty(columns: Iterable[str]) -> pd.DataFrame:
    return typed(_pandas().DataFrame({c: [] for c in columns}))


def long_frame(reports: Iterable[Report | tuple[str, Report]]) -> pd.DataFrame:
    """One row per report and indicator: the headline figure and how it was chosen."""
    rows = [{**_id_values(doc_id, report), **_cell(head)}
            for doc_id, report in report_ids(reports) for head in headlines(report)]
    if not rows:
        return _empty(LONG_COLUMNS)
    return typed(_pandas().DataFrame(rows, columns=list(LONG_COLUMNS)))


def _indicator_order(indicators: Iterable[str]) -> list[str]:
    known = list(ORDER)
    found = set(indicators)
    return [i for i in known if i in found] + sorted(found - set(known))


def wide_view(long: pd.DataFrame, reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per report, one column per indicator (the headline value; its unit is in the
    long frame), and ``ambiguous_indicators``: the indicators of the row whose cell was
    ambiguous, comma separated (NA when none was). ``reports`` (the id columns of every
    report) keeps the reports without any headline."""
    pd = _pandas()
    ids = list(ID_COLUMNS)
    base = reports[ids] if reports is not None else long[ids].drop_duplicates("report")
    if long.duplicated(["report", "indicator"]).any():
        raise ValueError("the long frame has two rows for one report and indicator")
    values = long.pivot(index="report", columns="indicator", values="value")
    values = values.reindex(columns=_indicator_order(long["indicator"].dropna()))
    values.columns = [str(c) for c in values.columns]
    flagged = long[long["ambiguous"]].groupby("report", sort=False)["indicator"].agg(
        lambda column: ",".join(_indicator_order(column)))
    wide = base.merge(values, left_on="report", right_index=True, how="left")
    wide["ambiguous_indicators"] = wide["report"].map(flagged)
    if wide["report"].duplicated().any():
        raise ValueError("two reports have one id")
    return typed(wide) if len(wide) else typed(pd.DataFrame(columns=list(wide.columns)))


def change_view(long: pd.DataFrame) -> pd.DataFrame:
    """For each place, indicator and year whose previous year is in the panel too, with the
    headline in the same unit: value, previous value and difference. A place with two reports
    in one year keeps the first and the change is flagged ``ambiguous``, as is a change whose
    either headline was ambiguous."""
    pd = _pandas()
    known = long.dropna(subset=["place_key", "year"])
    doubled = known.duplicated(["place_key", "year", "indicator"], keep=False)
    known = known.assign(doubled=doubled).drop_duplicates(["place_key", "year", "indicator"])
    previous = known.assign(year=known["year"] + 1)
    joined = known.merge(previous, on=["place_key", "indicator", "year", "unit"],
                         suffixes=("", "_prev"))
    if joined.empty:
        return _empty(CHANGE_COLUMNS)
    frame = pd.DataFrame({
        "place_key": joined["place_key"], "place": joined["place"],
        "indicator": joined["indicator"], "year": joined["year"],
        "previous_year": joined["year"] - 1, "value": joined["value"],
        "previous_value": joined["value_prev"],
        "difference": joined["value"] - joined["value_prev"], "unit": joined["unit"],
        "report": joined["report"], "previous_report": joined["report_prev"],
        "ambiguous": joined["ambiguous"] | joined["ambiguous_prev"] | joined["doubled"]
        | joined["doubled_prev"],
    })
    frame = frame.sort_values(["place_key", "indicator", "year"], kind="stable")
    return typed(frame)


def report_frame(reports: Iterable[Report | tuple[str, Report]]) -> pd.DataFrame:
    """The id columns of every report, one row each."""
    rows = [_id_values(doc_id, report) for doc_id, report in report_ids(reports)]
    return typed(_pandas().DataFrame(rows, columns=list(ID_COLUMNS)))


def panel(reports: Iterable[Report | tuple[str, Report]], *, wide: bool = False,
          change: bool = False) -> pd.DataFrame:
    """The panel of ``reports`` (each a :class:`~lawgov_ie.Report`, or an ``(id, Report)``
    pair; without an id a report is called by its source, else by its position ``#N``).

    Long by default: one row per report and indicator with the headline figure (docs/panel.md).
    ``wide=True``: one row per report, one column per indicator. ``change=True``: the
    year-over-year view (value, previous value, difference) of places seen in consecutive
    years.
    """
    if wide and change:
        raise ValueError("panel(): choose wide=True or change=True, not both")
    items = list(report_ids(reports))
    long = long_frame(items)
    if change:
        return change_view(long)
    if wide:
        return wide_view(long, report_frame(items))
    return long


def check_target(path: str | os.PathLike[str]) -> str:
    """The format (suffix) of a panel file to write; :class:`LawgovError` naming the problem
    when the suffix is unknown, its library is missing or its folder does not exist."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise LawgovError(f"{target}: cannot tell the format from the suffix "
                          f"{suffix or '(none)'}; use one of {', '.join(SUFFIXES)}")
    require("pandas")
    if suffix == ".parquet":
        require("pyarrow", "writing Parquet")
    if suffix == ".xlsx":
        require("openpyxl", "writing Excel")
    folder = target.parent
    if not folder.is_dir():
        raise LawgovError(f"cannot write {target}: folder {folder} does not exist")
    return suffix


def _write_excel(frame: pd.DataFrame, path: Path) -> None:
    """An Excel sheet where every text cell is text: a label starting with ``=`` is not a
    formula (reports are untrusted input)."""
    openpyxl = require("openpyxl", "writing Excel")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "panel"
    sheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([None if _missing(v) else (v.item() if hasattr(v, "item") else v)
                      for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type == "f":
                cell.data_type = "s"
    book.save(path)


def _missing(value: Any) -> bool:
    return value is None or value is _pandas().NA or (isinstance(value, float)
                                                      and value != value)


def write_frame(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``frame`` as CSV (UTF-8 with BOM, for spreadsheets), Parquet or Excel, by the
    file's suffix; written beside the target and renamed onto it when complete."""
    target = Path(path)
    suffix = check_target(target)
    folder = target.parent
    temporary = folder / f".{target.name}.part{suffix}"
    try:
        if suffix == ".csv":
            frame.to_csv(temporary, index=False, encoding="utf-8-sig")
        elif suffix == ".parquet":
            frame.to_parquet(temporary, index=False)
        else:
            _write_excel(frame, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def read_frame(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A panel written by :func:`write_frame`, with the panel's column types."""
    pd = _pandas()
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False,
                            na_values=[""])
    elif suffix == ".parquet":
        require("pyarrow", "reading Parquet")
        frame = pd.read_parquet(target)
    elif suffix == ".xlsx":
        require("openpyxl", "reading Excel")
        frame = pd.read_excel(target, sheet_name="panel", dtype=object)
    else:
        raise LawgovError(f"{target}: not a panel file ({', '.join(SUFFIXES)})")
    if "ambiguous" in frame.columns and frame["ambiguous"].dtype != bool:
        frame["ambiguous"] = frame["ambiguous"].map(
            lambda v: v if isinstance(v, bool) else str(v).strip().lower() == "true")
    return typed(frame)
