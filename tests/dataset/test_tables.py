"""Where a report comes from across years (place_key), and reports through the two tables."""

from __future__ import annotations

import json

from lawgov_ie.dataset.tables import document_row, place_key, record_rows, reports_from_rows
from lawgov_ie.models import Check, DocumentMeta, Record, Report


def test_townships_of_one_county_are_different_places() -> None:
    county = {"province": "甲省", "city": "乙市", "county": "丙县", "admin_code": "123456000000"}
    east = DocumentMeta(place="东镇", admin_level="镇", township="东镇", **county)
    west = DocumentMeta(place="西乡", admin_level="乡", township="西乡", **county)
    assert place_key(east) == "123456000000/东镇" != place_key(west)
    assert place_key(DocumentMeta(place="丙县", admin_level="县", **county)) == "123456000000"


def test_departments_and_party_committees_are_series_of_their_own() -> None:
    where = {"province": "甲省", "city": "乙市", "county": "丙县", "admin_code": "123456000000"}
    assert place_key(DocumentMeta(department="司法局", **where)) == "123456000000|司法局"
    assert place_key(DocumentMeta(body_kind="party committee", **where)) == (
        "123456000000|party committee")
    assert place_key(DocumentMeta(body_kind="government", **where)) == "123456000000"


def test_without_a_code_the_names_and_then_the_place_say_where() -> None:
    assert place_key(DocumentMeta(province="甲省", county="丙县", township="东镇")) == (
        "甲省/丙县/东镇")
    assert place_key(DocumentMeta(place="某街道")) == "某街道"
    assert place_key(DocumentMeta()) is None


def test_a_report_through_the_tables_is_the_report() -> None:
    record = Record(id="r1", value=12, unit="起", kind="count", qualifier="exact", label="纠纷",
                    indicator="mediation.disputes", text="12起", start=4, end=7,
                    implicit=False, sentence="调处纠纷12起。", section=["一、成效"],
                    section_kind="achievement", period=2024, part_of=None, rate_of=None,
                    checks=[Check(code="parts_exceed_total", message="…")])
    report = Report(meta=DocumentMeta(place="东镇", year=2024, source="a.txt"),
                    records=[record])
    documents = [document_row("a", report), document_row("b", None, source="b.txt",
                                                          error="b.txt: is empty (no text)")]
    records = list(record_rows("a", report))
    # rows as a Parquet round trip gives them: plain values, NaN for a missing error
    documents = [json.loads(json.dumps(row)) for row in documents]
    documents[0]["error"] = float("nan")
    back = list(reports_from_rows(documents, records))
    assert back[0] == ("a", Report(meta=report.meta, records=[record]), None)
    assert back[1] == ("b", None, "b.txt: is empty (no text)")
    assert records[0]["checks"] == "parts_exceed_total" and records[0]["section"] == "一、成效"
