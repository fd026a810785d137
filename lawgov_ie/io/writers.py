"""Write reports out: JSONL (one Report a line), CSV (one row a record) or an aligned text table.

Files are written atomically: into a temporary file next to the target (``.NAME.XXXX.part``),
renamed onto the target only when everything was written. An interrupted run leaves the old
target untouched and no file under the target's name; ``-`` writes to standard output.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, Protocol, TextIO

from lawgov_ie.errors import LawgovError
from lawgov_ie.models import Record, Report

Format = Literal["jsonl", "csv", "table"]

CSV_COLUMNS = (
    "doc_id", "source", "place", "year", "indicator", "indicator_source", "label", "value", "unit",
    "qualifier", "kind", "section", "section_kind", "part_of", "rate_of", "checks", "text", "start",
    "end",
)
SECTION_JOIN = " > "
LIST_JOIN = ","


class ReportWriter(Protocol):
    def write(self, doc_id: str, report: Report) -> None: ...

    def close(self) -> None: ...


def format_value(value: float) -> str:
    """444.0 -> "444", 0.5 -> "0.5", exact (no rounding, no exponent for large money)."""
    if value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(value)


def record_row(doc_id: str, report: Report, record: Record) -> dict[str, str]:
    """One CSV row: the record with its document's id, source, place and year."""
    meta = report.meta
    return {
        "doc_id": doc_id,
        "source": meta.source or "",
        "place": meta.place or "",
        "year": "" if meta.year is None else str(meta.year),
        "indicator": record.indicator or "",
        "indicator_source": record.indicator_source or "",
        "label": record.label,
        "value": format_value(record.value),
        "unit": record.unit,
        "qualifier": record.qualifier,
        "kind": record.kind,
        "section": SECTION_JOIN.join(record.section),
        "section_kind": record.section_kind,
        "part_of": record.part_of or "",
        "rate_of": LIST_JOIN.join(record.rate_of or []),
        "checks": LIST_JOIN.join(check.code for check in record.checks),
        "text": record.text,
        "start": str(record.start),
        "end": str(record.end),
    }


class JsonlWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc_id: str, report: Report) -> None:
        self.stream.write(report.model_dump_json() + "\n")

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, doc_id: str, report: Report) -> None:
        for record in report.records:
            self.writer.writerow(record_row(doc_id, report, record))

    def close(self) -> None:
        self.stream.flush()


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide (CJK, full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int, align: Literal["<", ">"] = "<") -> str:
    """``text`` cut (with …) or padded to ``width`` terminal columns."""
    text = " ".join(text.split())
    if display_width(text) > width:
        kept = ""
        for ch in text:
            if display_width(kept + ch) > width - 1:
                break
            kept += ch
        text = kept + "…"
    pad = " " * (width - display_width(text))
    return pad + text if align == ">" else text + pad


_TABLE = (  # (heading, width, align)
    ("text", 14, "<"), ("value", 12, ">"), ("unit", 4, "<"), ("kind", 6, "<"),
    ("label", 28, "<"), ("indicator", 24, "<"), ("section_kind", 12, "<"),
)


class TableWriter:
    """A block per document: a title line, then one aligned line per record."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc_id: str, report: Report) -> None:
        meta = report.meta
        records = report.records
        self.stream.write(f"\n== {doc_id}  {meta.place or '?'}  {meta.year or '?'}"
                          f"  ({len(records)} record{'' if len(records) == 1 else 's'})"
                          f"  {meta.source or ''}\n")
        if not records:
            return
        self.stream.write(self._line([h for h, _, _ in _TABLE]) + "\n")
        for r in records:
            checks = " !" + ",".join(c.code for c in r.checks) if r.checks else ""
            cells = [r.text, format_value(r.value), r.unit, r.kind, r.label, r.indicator or "-",
                     r.section_kind]
            self.stream.write(self._line(cells) + checks + "\n")

    @staticmethod
    def _line(cells: list[str]) -> str:
        parts = [fit(cell, width, align)  # type: ignore[arg-type]
                 for cell, (_, width, align) in zip(cells, _TABLE, strict=True)]
        return "  " + "  ".join(parts).rstrip()

    def close(self) -> None:
        self.stream.flush()


def make_writer(fmt: Format, stream: TextIO) -> ReportWriter:
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        return TableWriter(stream)
    raise ValueError(f"unknown output format {fmt!r} (jsonl, csv or table)")


@contextlib.contextmanager
def atomic_text_file(path: str | os.PathLike[str], *, encoding: str = "utf-8",
                     newline: str | None = None) -> Iterator[TextIO]:
    """A text file written into a temporary file beside ``path`` and renamed onto ``path`` only
    when the ``with`` block ends without an exception (or interruption)."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise LawgovError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise LawgovError(f"cannot write {target}: it is a folder")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=folder)
    except OSError as error:
        raise LawgovError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def open_output(output: str, fmt: Format) -> Iterator[ReportWriter]:
    """A writer for ``fmt`` into the file ``output`` (atomically) or standard output (``-``).

    CSV files get a UTF-8 byte-order mark so spreadsheet programs read the Chinese right;
    pandas and Python's csv module (with ``encoding="utf-8-sig"``) read it as usual.
    """
    if output == "-":
        writer = make_writer(fmt, sys.stdout)
        yield writer
        writer.close()
        return
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    newline = "" if fmt == "csv" else None
    with atomic_text_file(output, encoding=encoding, newline=newline) as stream:
        writer = make_writer(fmt, stream)
        yield writer
        writer.close()
