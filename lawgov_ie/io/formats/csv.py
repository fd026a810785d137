"""``csv``: one row a record, with its document's fields; ``id`` with ``doc_id`` names a record,
so ``part_of`` and ``rate_of`` resolve within the rows of one document (docs/cli.md)."""

from __future__ import annotations

import csv
from typing import TextIO

from lawgov_ie.io.writers import format_value, register
from lawgov_ie.models import Record, Report

CSV_COLUMNS = (
    "doc_id", "id", "source", "place", "admin_level", "year", "date", "indicator",
    "indicator_source", "label", "value", "unit", "qualifier", "kind", "implicit", "period",
    "section", "section_kind", "part_of", "rate_of", "checks", "text", "start", "end",
)
SECTION_JOIN = " > "
LIST_JOIN = ","


def record_row(doc_id: str, report: Report, record: Record) -> dict[str, str]:
    """One CSV row: the record with its document's id, source, place, level, year and date."""
    meta = report.meta
    return {
        "doc_id": doc_id,
        "id": record.id,
        "source": meta.source or "",
        "place": meta.place or "",
        "admin_level": meta.admin_level or "",
        "year": "" if meta.year is None else str(meta.year),
        "date": meta.date or "",
        "indicator": record.indicator or "",
        "indicator_source": record.indicator_source or "",
        "label": record.label,
        "value": format_value(record.value),
        "unit": record.unit,
        "qualifier": record.qualifier,
        "kind": record.kind,
        "implicit": "true" if record.implicit else "false",
        "period": "" if record.period is None else str(record.period),
        "section": SECTION_JOIN.join(record.section),
        "section_kind": record.section_kind,
        "part_of": record.part_of or "",
        "rate_of": LIST_JOIN.join(record.rate_of or []),
        "checks": LIST_JOIN.join(check.code for check in record.checks),
        "text": record.text,
        "start": str(record.start),
        "end": str(record.end),
    }


@register("csv", "one row a record", encoding="utf-8-sig", newline="")
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
