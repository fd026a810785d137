"""Checks: each one fires on a paragraph whose numbers do not add up, naming them."""

from __future__ import annotations

from relation_helpers import all_codes, codes, part_links, rate_links
from report_helpers import record, report_of
from spacy.language import Language


def test_parts_exceed_total_fires_on_the_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "办理行政处罚案件40件，其中简易程序25件，一般程序20件。")
    total = record(report, "40件")
    assert codes(total) == ["parts_exceed_total"]
    assert "25 + 20 = 45" in total.checks[0].message and "40" in total.checks[0].message
    assert codes(record(report, "25件")) == codes(record(report, "20件")) == []


def test_part_exceeds_total_fires_on_the_part(nlp_char: Language) -> None:
    report = report_of(nlp_char, "录入执法平台案件12件，其中行政检查案件15件。")
    part = record(report, "15件")
    assert part.part_of == record(report, "12件").id
    assert codes(part) == ["part_exceeds_total"]
    assert "15件" in part.checks[0].message and "12件" in part.checks[0].message


def test_sum_mismatch_fires_when_a_stated_total_differs_from_its_parts(
        nlp_char: Language) -> None:
    report = report_of(nlp_char, "群众评价中非常满意520条，满意210条，合计735条。")
    assert part_links(report) == {("520条", "735条"), ("210条", "735条")}
    total = record(report, "735条")
    assert codes(total) == ["sum_mismatch"]
    message = total.checks[0].message
    assert "735条" in message and "520 + 210 = 730" in message and "合计" in message
    assert all_codes(report) == ["sum_mismatch"]


def test_no_sum_mismatch_when_the_stated_total_adds_up(nlp_char: Language) -> None:
    report = report_of(nlp_char, "群众评价中非常满意520条，满意210条，合计730条。")
    assert all_codes(report) == []


def test_rate_mismatch_fires_when_its_counts_disagree(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理各类纠纷80起，成功调解60起，调解成功率95%。")
    rate = record(report, "95%")
    assert rate_links(report) == set()  # no pair fits: no link
    assert codes(rate) == ["rate_mismatch"]
    message = rate.checks[0].message
    assert "60起" in message and "80起" in message and "75.00%" in message


def test_rate_unsupported_fires_when_the_only_counts_disagree(nlp_char: Language) -> None:
    report = report_of(nlp_char, "走访中群众反映问题80个，化解问题60个，化解率95%。")
    rate = record(report, "95%")
    assert rate_links(report) == set()
    assert codes(rate) == ["rate_unsupported"]
    message = rate.checks[0].message
    assert "60个" in message and "80个" in message and "75.00%" in message


def test_rate_above_100_fires(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年案件办结率达105%。")
    assert codes(record(report, "105%")) == ["rate_above_100"]
    assert "105%" in record(report, "105%").checks[0].message


def test_no_check_fires_on_the_seed_reports(nlp: Language, seed_texts: dict[str, str]) -> None:
    links = 0
    for name, text in seed_texts.items():
        report = report_of(nlp, text, year=None)
        assert all_codes(report) == [], name
        links += sum(1 for r in report.records if r.part_of or r.rate_of)
    assert links >= 15  # the checks had links to look at: breakdowns and rates are found
