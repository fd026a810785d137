"""Rates (``rate_of``): tied to the counts their role words name, checked by arithmetic."""

from __future__ import annotations

from relation_helpers import all_codes, rate_links
from report_helpers import record, report_of
from spacy.language import Language


def test_rate_linked_to_its_counts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理各类纠纷80起，成功调解76起，调解成功率95%。")
    assert rate_links(report) == {("95%", "76起", "80起")}
    evidence = record(report, "95%").relation_evidence
    assert [(e.link, e.arithmetic) for e in evidence] == [("rate_of", "76起 / 80起 = 95.00%")]
    assert evidence[0].label_relation == "numerator 成功, denominator 受理"
    assert all_codes(report) == []


def test_rate_of_counts_that_should_and_did(nlp_char: Language) -> None:
    report = report_of(nlp_char, "应参加考试人员150人，实际参加考试147人，参考率98%。")
    assert rate_links(report) == {("98%", "147人", "150人")}


def test_rate_with_role_words_of_its_own_pattern(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理民事纠纷250件，调解成功240件，调解成功率96%。")
    assert rate_links(report) == {("96%", "240件", "250件")}


def test_rate_with_a_count_between_that_is_not_its_own(nlp_char: Language) -> None:
    report = report_of(nlp_char, "调处矛盾纠纷200起，涉及群众35起，成功调处190起，成功率95%。")
    assert rate_links(report) == {("95%", "190起", "200起")}


def test_no_link_when_no_pair_fits_the_arithmetic(nlp_char: Language) -> None:
    report = report_of(nlp_char, "应参加考试人员150人，实际参加考试120人，参考率98%。")
    assert rate_links(report) == set()


def test_satisfaction_is_not_computed_from_counts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理群众诉求45件，办结45件，群众满意率98%。")
    assert rate_links(report) == set()
    assert all_codes(report) == []


def test_rate_within_rounding_is_linked(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理纠纷287起，调解成功284起，调解成功率98.96%。")
    assert rate_links(report) == {("98.96%", "284起", "287起")}
    assert all_codes(report) == []


def test_rate_bound_on_one_side(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理纠纷300起，调解成功290起，调解成功率95%以上。")
    assert rate_links(report) == {("95%以上", "290起", "300起")}
