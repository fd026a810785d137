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


def test_rate_named_by_its_own_word_without_a_pattern(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年审结行政诉讼案件240件，败诉12件，败诉率为5%。")
    assert rate_links(report) == {("5%", "12件", "240件")}
    evidence = record(report, "5%").relation_evidence[0]
    assert evidence.label_relation == "numerator 败诉 (the rate's word), denominator the count " \
        "before it"
    disagreeing = report_of(nlp_char, "全年审结行政诉讼案件240件，败诉12件，败诉率为8%。")
    assert rate_links(disagreeing) == set() and all_codes(disagreeing) == []


def test_rate_whose_numerator_has_the_first_word_of_the_rate(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理矛盾纠纷400件，化解396件，化解成功率99%。")
    assert rate_links(report) == {("99%", "396件", "400件")}


def test_shares_in_semicolon_items_of_one_sentence(nlp_char: Language) -> None:
    report = report_of(nlp_char, "评查执法案卷50卷，其中优秀10卷，占20%；良好30卷，占60%；"
                                 "合格10卷，占20%。")
    assert {(n, d) for _, n, d in rate_links(report)} == {("10卷", "50卷"), ("30卷", "50卷")}
    assert len(rate_links(report)) == 2  # the two 20% share one text: a set of texts keeps one
    assert sum(1 for r in report.records if r.rate_of is not None) == 3


def test_reply_rate_in_traditional_script_and_closure_by_concluded(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理市民訴求800件，直接答復600件，直接答復率75%。")
    assert rate_links(report) == {("75%", "600件", "800件")}
    closure = report_of(nlp_char, "新收一审行政案件300件，审结270件，结案率为90%。")
    assert rate_links(closure) == {("90%", "270件", "300件")}


def test_no_mismatch_for_a_rate_that_names_other_counts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理矛盾纠纷200件，化解190件，诉前调解化解率30%。")
    assert all_codes(report) == []
    narrower = report_of(nlp_char, "派单400件，按时办结380件，超时办结20件，按时办结率95%，"
                                   "办结率100%。")
    assert all_codes(narrower) == []
    assert ("95%", "380件", "400件") in rate_links(narrower)


def test_share_two_clauses_after_its_part(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理的复议案件200件中，涉及区级部门的案件为150件，"
                                 "占受理案件数比例最高，达75%；涉及乡镇的50件，占25%。")
    assert rate_links(report) == {("75%", "150件", "200件"), ("25%", "50件", "200件")}


def test_share_of_a_total_stated_sentences_before(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理法律援助案件400件，同比增长10%。其中，民事案件300件；"
                                 "刑事案件100件，同比增长5%。共办理农民工案件120件，占援助总数的30%。")
    assert rate_links(report) == {("30%", "120件", "400件")}
