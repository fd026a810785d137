"""The one signature-date rule, shared by sections, document facts and the corpus reader."""

from __future__ import annotations

import pytest

from lawgov_ie.text.dates import SIGNATURE_DATE, iso_date, signature_date


@pytest.mark.parametrize(("line", "iso"), [
    ("2024年1月31日", "2024-01-31"),
    ("  2024 年 12 月 3 日\u3000", "2024-12-03"),
    ("二〇二四年一月三十一日", "2024-01-31"),
    ("二零二五年十二月十日", "2025-12-10"),
])
def test_a_line_that_is_only_a_date_is_a_signature_date(line: str, iso: str) -> None:
    match = SIGNATURE_DATE.fullmatch(line)
    assert match is not None and iso_date(match) == iso


def test_a_date_inside_a_sentence_is_not_one_and_no_calendar_day_reads_none() -> None:
    text = "2024年1月31日召开会议。\n正文\n2024年13月31日\n"
    match = signature_date(text)
    assert match is not None and iso_date(match) is None
    assert signature_date("于2024年1月31日召开会议。") is None
