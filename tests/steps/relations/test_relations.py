"""Relations: breakdowns, rates, consistency checks and periods."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language

from lawgov_ie.models import Record, Report


def codes(item: Record) -> list[str]:
    return [check.code for check in item.checks]


def all_codes(report: Report) -> list[str]:
    return [check.code for item in report.records for check in item.checks]


def test_breakdown_in_parentheses_links_parts_to_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年调处矛盾纠纷120起（其中婚姻家庭纠纷30起，邻里纠纷50起），"
                                 "调解成功率100%。")
    total = record(report, "120起")
    assert record(report, "30起").part_of == total.id
    assert record(report, "50起").part_of == total.id
    assert record(report, "100%").part_of is None
    assert all_codes(report) == []  # parts adding up to less is not an error


def test_breakdown_after_a_full_stop_and_across_list_punctuation(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理行政处罚案件86件，罚没款12万元。其中适用简易程序31件、"
                                 "适用一般程序55件。")
    total = record(report, "86件")
    assert [record(report, t).part_of for t in ("31件", "55件")] == [total.id, total.id]
    assert record(report, "12万元").part_of is None
    assert all_codes(report) == []


def test_breakdown_without_cue_when_labels_narrow_the_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "共建成调解室9个，镇级调解室1个，村级调解室8个。")
    total = record(report, "9个")
    assert record(report, "1个").part_of == total.id
    assert record(report, "8个").part_of == total.id


def test_rate_linked_to_its_counts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理各类纠纷80起，成功调解76起，调解成功率95%。")
    rate = record(report, "95%")
    assert rate.rate_of == [record(report, "76起").id, record(report, "80起").id]
    assert all_codes(report) == []


def test_satisfaction_is_not_computed_from_counts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理群众诉求45件，办结45件，群众满意率98%。")
    assert record(report, "98%").rate_of is None


def test_parts_exceed_total_fires_on_the_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "办理行政处罚案件40件，其中简易程序25件，一般程序20件。")
    total = record(report, "40件")
    assert codes(total) == ["parts_exceed_total"]
    assert "45" in total.checks[0].message and "40" in total.checks[0].message
    assert codes(record(report, "25件")) == codes(record(report, "20件")) == []


def test_part_exceeds_total_fires_on_the_part(nlp_char: Language) -> None:
    report = report_of(nlp_char, "录入执法平台案件12件，其中行政检查案件15件。")
    part = record(report, "15件")
    assert part.part_of == record(report, "12件").id
    assert codes(part) == ["part_exceeds_total"]
    assert part.checks[0].message.endswith(".")


def test_rate_mismatch_fires_when_counts_disagree(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理各类纠纷80起，成功调解60起，调解成功率95%。")
    rate = record(report, "95%")
    assert rate.rate_of is not None
    assert codes(rate) == ["rate_mismatch"]
    assert "75.00%" in rate.checks[0].message


def test_rate_within_rounding_is_no_mismatch(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理纠纷287起，调解成功284起，调解成功率98.96%。")
    assert record(report, "98.96%").rate_of is not None
    assert all_codes(report) == []


def test_rate_above_100_fires(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年案件办结率达105%。")
    assert codes(record(report, "105%")) == ["rate_above_100"]


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


def test_no_check_fires_on_the_seed_reports(nlp: Language, seed_texts: dict[str, str]) -> None:
    links = 0
    for name, text in seed_texts.items():
        report = report_of(nlp, text, year=None)
        assert all_codes(report) == [], name
        links += sum(1 for r in report.records if r.part_of or r.rate_of)
    assert links >= 15  # the checks had links to look at: breakdowns and rates are found


def test_breakdown_with_baokuo_and_no_cue_word_in_the_part_labels(nlp_char: Language) -> None:
    report = report_of(nlp_char, "调解委员会调处纠纷210件，包括婚姻家庭纠纷60件，邻里纠纷90件，"
                                 "土地纠纷80件。")
    total = record(report, "210件")
    assert [record(report, t).label for t in ("60件", "90件", "80件")] == [
        "婚姻家庭纠纷", "邻里纠纷", "土地纠纷"]
    assert codes(total) == ["parts_exceed_total"]  # 230 > 210


def test_two_breakdowns_of_one_total_are_summed_apart(nlp_char: Language) -> None:
    report = report_of(nlp_char, "服务中心全年办件560件（含线上办件310件），其中：即办件220件，"
                                 "承诺件340件。")
    total = record(report, "560件")
    assert [record(report, t).part_of for t in ("310件", "220件", "340件")] == [total.id] * 3
    assert record(report, "310件").label == "线上办件"
    assert all_codes(report) == []  # 310 | 220 + 340: each breakdown fits the total
