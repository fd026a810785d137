"""Periods: the report year unless the sentence says otherwise."""

from __future__ import annotations

import pytest
import regex
from report_helpers import record, report_of
from spacy.language import Language

from lawgov_ie.steps.relations.periods import (
    _NOT_AFTER,
    _NOT_BEFORE,
    _YEAR_CORE,
    YEAR,
    YearMarks,
)


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


YEAR_TEXTS = [
    "2022年以来，2021年来受理12件；2020 年调处30起，1999年、2023年度共2024年5件",
    "12022年，２2021年，—2020年，/2019年，~2018年8件，2017年-3月，2016年～，2015年以",
    "2014年以来2件，2013年来3件，2012年以来-4件，2011年来～5件，2010年\n\n6件，2009\t年",
    "20202019年，19192020年以来，2021年以来以来，2022年来来，年2023年年",
    "2020 \u3000\n年，１９2021年　年 2019\t\t年2018",
]


@pytest.mark.parametrize("text", YEAR_TEXTS)
def test_year_marks_read_a_window_as_year_finditer_does(text: str) -> None:
    marks = YearMarks(text)
    assert marks.marks == [m.span() for m in _YEAR_CORE.finditer(text)]
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            expected = [(m.start(), m.group("year"), m.group("since") or "")
                        for m in YEAR.finditer(text[start:end])]
            assert marks.matches(start, end) == expected, (start, end)


def test_year_marks_refuse_the_characters_year_refuses() -> None:
    behind, ahead = regex.compile(r"[0-9０-９—\-－~～/]"), regex.compile(r"[0-9—\-－~～]")
    for code in range(0x10000):
        char = chr(code)
        assert (char in _NOT_BEFORE) == bool(behind.match(char)), hex(code)
        assert (char in _NOT_AFTER) == bool(ahead.match(char)), hex(code)
