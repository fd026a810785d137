"""The indicator backs off through context: label → clause → total → rate → sentence → section,
and every typed record says which level decided it. Sentences written for these tests."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language


def decided(nlp: Language, text: str, figure: str) -> tuple[str | None, str | None]:
    found = record(report_of(nlp, text), figure)
    return found.indicator, found.indicator_source


def test_label(nlp_char: Language) -> None:
    assert decided(nlp_char, "全年调处矛盾纠纷52起。", "52起") == ("mediation.disputes", "label")


def test_clause_names_the_act_the_label_does_not(nlp_char: Language) -> None:
    text = "办理食品经营许可登记146件；办理卫生许可证延续21件。"
    assert decided(nlp_char, text, "146件") == ("services.items", "clause")


def test_a_part_takes_its_totals_indicator(nlp_char: Language) -> None:
    text = "受理行政复议案件9件，其中驳回申请2件、责令履行1件。"
    assert decided(nlp_char, text, "9件") == ("reconsideration.cases", "label")
    assert decided(nlp_char, text, "2件") == ("reconsideration.cases", "total")
    assert decided(nlp_char, text, "1件") == ("reconsideration.cases", "total")


def test_a_part_whose_label_says_otherwise_keeps_its_own(nlp_char: Language) -> None:
    text = "全年录入执法监督平台案件80件，其中行政检查50起、行政处罚30起。"
    assert decided(nlp_char, text, "50起") == ("enforcement.inspections", "label")
    assert decided(nlp_char, text, "30起") == ("enforcement.penalties", "label")


def test_a_rate_agrees_with_its_numerators_topic(nlp_char: Language) -> None:
    hotline = "受理群众诉求200件，办结196件，办结率98%。"
    assert decided(nlp_char, hotline, "196件") == ("hotline.requests", "sentence")
    assert decided(nlp_char, hotline, "98%") == ("services.completion_rate", "rate")
    disputes = "排查化解邻里纠纷50起，办结49起，办结率98%。"
    assert decided(nlp_char, disputes, "98%") == ("mediation.success_rate", "rate")


def test_an_open_label_takes_the_figure_before_it(nlp_char: Language) -> None:
    text = "全年新收行政复议案件12件，审结11件。"
    assert decided(nlp_char, text, "11件") == ("reconsideration.cases", "sentence")


def test_a_list_item_after_a_semicolon_continues_the_item_before(nlp_char: Language) -> None:
    assert decided(nlp_char, "受理行政复议申请12件；审结11件。", "11件") == \
        ("reconsideration.cases", "sentence")
    text = "依照行政复议法开展案件审理；全年维持原行政行为9件。"
    assert decided(nlp_char, text, "9件") == ("reconsideration.cases", "sentence")
    # after a full stop the open label opening its sentence still carries the figure before
    # (test_an_open_label_opening_its_sentence_carries_the_figure_before); a sentence in between
    # ends it
    assert decided(nlp_char, "受理行政复议申请12件。案件已移交。审结11件。", "11件") == (None, None)


def test_a_label_the_topic_names_takes_the_sentences_topic(nlp_char: Language) -> None:
    training = "开展依法行政专题培训，覆盖机关干部300余人。"
    assert decided(nlp_char, training, "300余人") == ("training.participants", "sentence")
    publicity = "组织普法志愿者走进集市宣讲民法典，覆盖赶集村民600余人次。"
    assert decided(nlp_char, publicity, "600余人次") == ("publicity.audience", "sentence")
    outcomes = "行政诉讼一审审结6件，法院判决维持4件、驳回起诉2件。"
    assert decided(nlp_char, outcomes, "4件")[0] == "litigation.cases"


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    ("组织全体干部参加学法用法考试，合格率100%。", "100%", "training.exam_rate"),
    ("开展干部法治轮训，覆盖率达到95%。", "95%", "training.coverage_rate"),
    ("重大行政决策均经合法性审查，覆盖率100%。", "100%", "legal_review.review_rate"),
    ("各村（社区）均聘有法律顾问，覆盖率100%。", "100%", "legal_services.adviser_coverage"),
    ("处理群众来信来访64件，处理率100%。", "100%", "services.completion_rate"),
    ("调处矛盾纠纷120起，化解率98%。", "98%", "mediation.success_rate"),
])
def test_v2_rates_from_the_sentences_topic(nlp_char: Language, sentence: str, figure: str,
                                           expected: str) -> None:
    assert decided(nlp_char, sentence, figure)[0] == expected


def test_section_heading(nlp_char: Language) -> None:
    text = "一、主要成效\n（三）化解矛盾纠纷\n全年受理68起，均已妥善处理。\n"
    assert decided(nlp_char, text, "68起") == ("mediation.disputes", "section")


def test_a_heading_with_two_topics_decides_nothing(nlp_char: Language) -> None:
    text = "一、主要成效\n（四）行政复议与行政诉讼\n全年受理12件。\n"
    assert decided(nlp_char, text, "12件") == (None, None)


def test_null_when_nothing_fits(nlp_char: Language) -> None:
    text = "一、主要成效\n（三）化解矛盾纠纷\n召开专题部署会议4次，研究解决重点问题9项。\n"
    assert decided(nlp_char, text, "4次") == (None, None)
    assert decided(nlp_char, text, "9项") == (None, None)


def test_pipeline_sets_indicators_from_section_and_sentence(nlp_char: Language) -> None:
    text = ("一、主要成效\n（一）化解矛盾纠纷\n今年共调处矛盾纠纷60起，调解成功58起，"
            "调解成功率96.7%，当事人满意率98%。\n（二）普法宣传\n开展送法下乡活动12场，发放宣传资料3000份。\n")
    report = report_of(nlp_char, text)
    assert record(report, "60起").indicator == "mediation.disputes"
    assert record(report, "58起").indicator == "mediation.success"
    assert record(report, "96.7%").indicator == "mediation.success_rate"
    assert record(report, "98%").indicator == "services.satisfaction_rate"
    assert record(report, "12场").indicator == "publicity.events"
    assert record(report, "3000份").indicator == "publicity.materials"
    assert all(r.indicator_source == "label" for r in report.records)


@pytest.mark.parametrize(("text", "figure", "expected"), [
    ("全年受理群众信访件37件。目前已办结35件。", "35件", "petition.cases"),
    ("共立案查处无证经营案件19起。已结案17起。", "17起", "enforcement.penalties"),
])
def test_an_open_label_opening_its_sentence_carries_the_figure_before(
        nlp_char: Language, text: str, figure: str, expected: str) -> None:
    assert decided(nlp_char, text, figure) == (expected, "sentence")


@pytest.mark.parametrize(("text", "figure"), [
    # another unit, another paragraph, a sentence between: nothing is carried
    ("全年受理群众信访件37件。开展专项督查4次。", "4次"),
    ("全年受理群众信访件37件。\n目前已办结35件。", "35件"),
    ("全年受理群众信访件37件。督查组赴各村走访。目前已办结35件。", "35件"),
])
def test_nothing_is_carried_past_a_change(nlp_char: Language, text: str, figure: str) -> None:
    assert decided(nlp_char, text, figure)[0] is None


def test_people_at_a_court_hearing_are_trained(nlp_char: Language) -> None:
    text = "组织机关干部旁听庭审3次，参与干部95人。"
    assert decided(nlp_char, text, "95人")[0] == "training.participants"


def test_a_part_naming_another_kind_of_act_leaves_its_total(nlp_char: Language) -> None:
    text = ("全县行政执法机关共办理执法案件5200件，其中行政处罚1800件，行政许可2600件，"
            "行政强制300件，其他行政执法行为500件。")
    assert decided(nlp_char, text, "5200件")[0] == "enforcement.cases"
    assert decided(nlp_char, text, "1800件")[0] == "enforcement.penalties"
    assert decided(nlp_char, text, "2600件")[0] != "enforcement.cases"  # its own words decide
    assert decided(nlp_char, text, "300件")[0] is None
    assert decided(nlp_char, text, "500件")[0] is None


def test_other_parts_of_that_total_still_take_it(nlp_char: Language) -> None:
    text = "全年办理执法案件120件，其中简易程序案件70件、一般程序案件50件。"
    assert decided(nlp_char, text, "50件")[0] == "enforcement.penalties"
    text = "全年录入执法监督平台案件80件，其中市场监管领域45件、城市管理领域35件。"
    assert decided(nlp_char, text, "45件") == ("enforcement.cases", "total")
