"""Reports as two flat tables, a documents table (one row a report) and a records table (one row
a record), and back: what :mod:`lawgov_ie.distributed` writes as Parquet and the panel reads.

Each row keeps the whole object as JSON too (``meta_json``, ``record_json``), so reports read
back are the reports written, whatever fields the models gain; the flat columns are for people
and for query engines. Pure Python (no pandas).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from lawgov_ie.models import DocumentMeta, Record, Report

PLACE_FIELDS = ("place", "admin_level", "province", "city", "county", "township",
                "admin_code", "body", "department")
"""The document facts that say where a report comes from (read with ``getattr``: the places
fields are newer than some reports written before them)."""

DOCUMENT_COLUMNS = ("doc_id", "source", "title", "issuer", *PLACE_FIELDS, "place_key", "year",
                    "date", "doc_number", "records", "error", "meta_json")
RECORD_COLUMNS = ("doc_id", "id", "indicator", "value", "unit", "qualifier", "kind", "label",
                  "text", "start", "end", "period", "section", "section_kind", "part_of",
                  "rate_of", "checks", "record_json")


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def place_facts(meta: DocumentMeta) -> dict[str, str | None]:
    """The place fields of ``meta`` (None where the model has no such field or no value)."""
    return {name: _text(getattr(meta, name, None)) for name in PLACE_FIELDS}


def place_key(meta: DocumentMeta) -> str | None:
    """What identifies the reporting place across years: the administrative code when known
    (a county's or above; a township has its county's code, so its name is added), else the
    place names from the province down, else the place as read. A department's reports are a
    series of their own, and so are a party committee's: the department (or the body's kind)
    is added. None when no place could be read."""
    facts = place_facts(meta)
    township = facts["township"]
    if facts["admin_code"]:
        where: str | None = facts["admin_code"] + (f"/{township}" if township else "")
    else:
        where = "/".join(name for name in (facts["province"], facts["city"], facts["county"],
                                           township) if name) or facts["place"]
    if where is None:
        return None
    kind = _text(getattr(meta, "body_kind", None))
    if facts["department"]:
        return f"{where}|{facts['department']}"
    if facts["admin_level"] == "部门" and facts["place"] and facts["place"] not in where:
        return f"{where}|{facts['place']}"
    if kind and kind != "government":
        return f"{where}|{kind}"
    return where


def document_row(doc_id: str, report: Report | None, *, source: str | None = None,
                 error: str | None = None) -> dict[str, Any]:
    """One documents-table row; a document that failed has no report and its ``error``."""
    meta = report.meta if report is not None else DocumentMeta(source=source)
    return {
        "doc_id": doc_id, "source": meta.source or source, "title": meta.title,
        "issuer": meta.issuer, **place_facts(meta), "place_key": place_key(meta),
        "year": meta.year, "date": meta.date, "doc_number": meta.doc_number,
        "records": len(report.records) if report is not None else 0, "error": error,
        "meta_json": meta.model_dump_json() if report is not None else None,
    }


def record_rows(doc_id: str, report: Report) -> Iterator[dict[str, Any]]:
    """One records-table row per record of ``report``."""
    for record in report.records:
        yield {
            "doc_id": doc_id, "id": record.id, "indicator": record.indicator,
            "value": record.value, "unit": record.unit, "qualifier": record.qualifier,
            "kind": record.kind, "label": record.label, "text": record.text,
            "start": record.start, "end": record.end, "period": record.period,
            "section": " > ".join(record.section), "section_kind": record.section_kind,
            "part_of": record.part_of, "rate_of": ",".join(record.rate_of or []) or None,
            "checks": ",".join(c.code for c in record.checks) or None,
            "record_json": record.model_dump_json(),
        }


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def reports_from_rows(documents: Iterable[Mapping[str, Any]],
                      records: Iterable[Mapping[str, Any]],
                      ) -> Iterator[tuple[str, Report | None, str | None]]:
    """(doc_id, report, error) for each documents-table row, in its order, with its records
    (in text order) from the records table; a failed document has no report."""
    by_doc: dict[str, list[Record]] = {}
    for row in records:
        record = Record.model_validate(_known(Record, json.loads(row["record_json"])))
        by_doc.setdefault(str(row["doc_id"]), []).append(record)
    for row in documents:
        doc_id = str(row["doc_id"])
        error = None if _missing(row.get("error")) else str(row["error"])
        if _missing(row.get("meta_json")):
            yield doc_id, None, error or "no report"
            continue
        meta = DocumentMeta.model_validate(_known(DocumentMeta, json.loads(row["meta_json"])))
        found = sorted(by_doc.get(doc_id, []), key=lambda r: (r.start, r.end))
        yield doc_id, Report(meta=meta, records=found), error


def _known(model: type[Record] | type[DocumentMeta], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` less the fields ``model`` does not have (written by a newer version)."""
    return {name: value for name, value in data.items() if name in model.model_fields}
