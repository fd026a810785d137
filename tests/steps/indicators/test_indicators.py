"""Indicators: every id of the taxonomy is reachable; unit, label and context decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import record, report_of
from spacy.language import Language

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.indicators.indicators_patterns import IndicatorPattern
from lawgov_ie.steps.indicators.reader import Context, IndicatorRules
from lawgov_ie.taxonomy import INDICATOR_IDS


@pytest.fixture(scope="module")
def rules() -> IndicatorRules:
    return IndicatorRules.from_patterns(load_patterns())


def labelled(label: str, unit: str, kind: str = "count", implicit: bool = False) -> RecordDraft:
    item = RecordDraft(start=0, end=1, text="1", value=1, unit=unit, kind=kind, qualifier="exact",
                       implicit=implicit)
    item.label = label
    return item


# One phrasing per id, written for this test (not taken from any report).
CASES = [
    ("study.sessions", "组织班子成员集体学法", "次", ""),
    ("training.sessions", "举办依法行政专题培训班", "期", ""),
    ("training.participants", "培训村居干部", "人次", ""),
    ("legal_review.contracts", "审核各类合同", "份", ""),
    ("legal_review.documents", "出具法律意见书", "份", ""),
    ("decisions.major", "作出重大行政决策事项", "项", ""),
    ("documents.issued", "以政府名义发文", "篇", ""),
    ("normative_docs.issued", "制定行政规范性文件", "件", ""),
    ("enforcement.inspections", "开展安全生产检查", "家次", ""),
    ("enforcement.penalties", "作出行政处罚决定", "件", ""),
    ("enforcement.cases", "开展行政执法案卷评查", "件", ""),
    ("enforcement.officers", "新申领行政执法证", "人", ""),
    ("reconsideration.cases", "收到行政复议申请", "件", ""),
    ("litigation.cases", "办理行政诉讼案件", "起", ""),
    ("litigation.appearance_rate", "行政机关负责人出庭应诉率", "%", ""),
    ("disclosure.items", "主动公开政府信息", "条", ""),
    ("disclosure.requests", "办理依申请公开", "件", ""),
    ("services.items", "政务服务中心办件量", "件", ""),
    ("services.satisfaction_rate", "办事群众满意率", "%", ""),
    ("hotline.requests", "受理12345热线工单", "件", ""),
    ("petition.cases", "接待群众来访", "批次", ""),
    ("mediation.screenings", "开展矛盾纠纷排查", "轮", ""),
    ("mediation.disputes", "化解各类矛盾纠纷", "起", ""),
    ("mediation.success", "成功调解", "件", ""),
    ("mediation.success_rate", "调解成功率", "%", ""),
    ("publicity.events", "开展送法进村活动", "场", ""),
    ("publicity.audience", "普法活动受众", "人次", ""),
    ("publicity.materials", "发放普法宣传册", "册", ""),
    ("legal_services.consultations", "解答法律咨询", "人次", ""),
    ("legal_services.legal_aid", "办理法律援助案件", "件", ""),
    ("legal_services.advisers", "聘请常年法律顾问", "名", ""),
    ("legal_literacy.persons", "培养“法律明白人”", "名", ""),
    ("staffing.count", "配备执法记录仪", "台", ""),
    ("honors.count", "获评省级荣誉", "项", ""),
]


def test_every_id_of_the_taxonomy_has_a_pattern_and_a_case() -> None:
    ids = INDICATOR_IDS  # indicators.md as data; tests/test_gold.py checks the two agree
    assert len(ids) >= 30
    assigned = {p.assigns for p in load_patterns().of("indicator", IndicatorPattern)}
    assert set(ids) <= assigned
    assert set(ids) == {case[0] for case in CASES}


@pytest.mark.parametrize(("expected", "label", "unit", "sentence"), CASES)
def test_each_indicator_from_its_label_and_unit(rules: IndicatorRules, expected: str, label: str,
                                                unit: str, sentence: str) -> None:
    assert rules.indicator_of(labelled(label, unit), Context(sentence=sentence)) == expected


def test_unit_decides_between_sessions_and_people(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("开展法治培训", "场次")) == "training.sessions"
    assert rules.indicator_of(labelled("开展法治培训", "人次")) == "training.participants"
    assert rules.indicator_of(labelled("开展法治培训", "元", "money")) is None


def test_context_decides_what_a_rate_or_a_lecture_is(rules: IndicatorRules) -> None:
    closing = labelled("办结率", "%", "rate")
    assert rules.indicator_of(closing, Context(sentence="调处邻里纠纷40起，办结率100%")) \
        == "mediation.success_rate"
    assert rules.indicator_of(closing, Context(sentence="办理群众来信40件，办结率100%")) is None
    lecture = labelled("举办法治讲座", "场")
    assert rules.indicator_of(lecture, Context(sentence="面向村民开展普法宣传，举办法治讲座8场")) \
        == "publicity.events"
    assert rules.indicator_of(lecture, Context(sentence="面向机关干部举办法治讲座8场")) \
        == "training.sessions"


def test_no_indicator_when_nothing_fits(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("召开工作推进会议", "次")) is None
    assert rules.indicator_of(labelled("种植绿化苗木", "株")) is None


def test_user_pattern_file_adds_an_id(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"kind": "indicator", "id": "safety.drills", "name": "应急演练", '
                     '"units": ["次", "场"], "triggers": ["演练"], "priority": 5}\n',
                     encoding="utf-8")
    rules = IndicatorRules.from_patterns(load_patterns([extra]))
    assert rules.indicator_of(labelled("组织应急演练", "场")) == "safety.drills"
    assert IndicatorRules.from_patterns(load_patterns()).indicator_of(
        labelled("组织应急演练", "场")) is None


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


def test_bare_verb_takes_the_indicator_of_the_figure_before(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理行政复议申请45件，审结42件。")
    assert record(report, "45件").indicator == "reconsideration.cases"
    assert record(report, "42件").label == "审结"
    assert record(report, "42件").indicator == "reconsideration.cases"
