"""Traditional script: read as simplified, offsets on the caller's characters."""

from __future__ import annotations

import lawgov_ie
from lawgov_ie.text.script import to_simplified

TRADITIONAL = ("二、主要成效\n"
               "2023年，晉江市英林鎮堅持依法行政，全年辦理行政復議案件12件，"
               "開展普法活動3萬人次，調解糾紛356個，涉及項目8項。\n")


def test_conversion_keeps_every_character_in_place() -> None:
    simple = to_simplified(TRADITIONAL)
    assert len(simple) == len(TRADITIONAL)
    assert "晋江市英林镇坚持" in simple and "3万人次" in simple
    assert to_simplified("县司法局") == "县司法局"


def test_a_traditional_paragraph_gives_its_quantities_and_place_on_the_original() -> None:
    report = lawgov_ie.extract(TRADITIONAL, segmenter="char")
    found = {(r.text, r.value, r.unit) for r in report.records}
    assert {("12件", 12, "件"), ("3萬人次", 30000, "人次"), ("356個", 356, "个"),
            ("8項", 8, "项")} <= found
    for record in report.records:
        assert TRADITIONAL[record.start:record.end] == record.text
    places = [e for e in report.entities if e.label == "GPE"]
    assert [(e.text, TRADITIONAL[e.start:e.end]) for e in places] == [("晉江市英林鎮",) * 2]
