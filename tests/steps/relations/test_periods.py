"""Periods: the report year unless the sentence says otherwise."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language


@pytest.mark.parametrize(("text", "quantity", "period"), [
    ("全年调处纠纷30起。", "30起", 2024),
    ("上年调处纠纷30起。", "30起", 2023),
    ("2022年调处纠纷30起。", "30起", 2022),
    ("近三年累计培训干部1200人次。", "1200人次", None),
    ("2021年以来，累计培训干部1200人次。", "1200人次", None),
    ("2024年以来，累计培训干部1200人次。", "1200人次", 2024),
    ("办理案件50件，较去年增长10件。", "10件", 2024),
])
def test_period_is_the_report_year_unless_the_sentence_says_otherwise(
        nlp_char: Language, text: str, quantity: str, period: int | None) -> None:
    assert record(report_of(nlp_char, text, year=2024), quantity).period == period
