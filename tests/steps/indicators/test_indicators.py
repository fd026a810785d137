"""Indicators from the label: every id of the taxonomy (v2) is reachable; unit and kind decide;
user files add ids. The sentences were written for these tests, not taken from any report."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import report_of
from spacy.language import Language

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.indicators.indicators_patterns import IndicatorPattern, IndicatorTopicPattern
from lawgov_ie.steps.indicators.reader import _FILLER, Context, IndicatorRules
from lawgov_ie.taxonomy import BY_ID, INDICATOR_IDS, TAXONOMY
from lawgov_ie.text.index import TextIndex


@pytest.fixture(scope="module")
def rules() -> IndicatorRules:
    return IndicatorRules.from_patterns(load_patterns())


def labelled(label: str, unit: str, kind: str = "count", implicit: bool = False) -> RecordDraft:
    item = RecordDraft(start=0, end=1, text="1", value=1, unit=unit, kind=kind, qualifier="exact",
                       implicit=implicit)
    item.label = label
    return item


# One phrasing per id: (id, label, unit, sentence the number stands in).
CASES = [
    ("study.sessions", "组织班子成员集体学法", "次", ""),
    ("training.sessions", "举办依法行政专题培训班", "期", ""),
    ("training.participants", "培训村居干部", "人次", ""),
    ("training.exam_rate", "参考率", "%", "全体干部参加年度学法考试，参考率100%"),
    ("training.coverage_rate", "干部学法覆盖率", "%", ""),
    ("legal_review.contracts", "审核各类合同", "份", ""),
    ("legal_review.documents", "出具法律意见书", "份", ""),
    ("legal_review.review_rate", "合法性审查率", "%", ""),
    ("decisions.major", "作出重大行政决策事项", "项", ""),
    ("documents.issued", "以政府名义发文", "篇", ""),
    ("normative_docs.issued", "制定行政规范性文件", "件", ""),
    ("normative_docs.filing_rate", "规范性文件报备率", "%", ""),
    ("enforcement.inspections", "开展安全生产检查", "家次", ""),
    ("enforcement.penalties", "作出行政处罚决定", "件", ""),
    ("enforcement.cases", "开展行政执法案卷评查", "件", ""),
    ("enforcement.officers", "新申领行政执法证", "人", ""),
    ("reconsideration.cases", "收到行政复议申请", "件", ""),
    ("reconsideration.correction_rate", "行政复议纠错率", "%", ""),
    ("litigation.cases", "办理行政诉讼案件", "起", ""),
    ("litigation.appearance_rate", "行政机关负责人出庭应诉率", "%", ""),
    ("litigation.appearances", "负责人出庭应诉", "次", ""),
    ("litigation.win_rate", "一审胜诉率", "%", ""),
    ("litigation.loss_rate", "行政诉讼败诉率", "%", ""),
    ("disclosure.items", "主动公开政府信息", "条", ""),
    ("disclosure.requests", "办理依申请公开", "件", ""),
    ("services.items", "政务服务中心办件量", "件", ""),
    ("services.online_rate", "政务服务事项网上可办率", "%", ""),
    ("services.completion_rate", "按期办结率", "%", ""),
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
    ("legal_services.adviser_coverage", "村居法律顾问覆盖率", "%", ""),
    ("legal_literacy.persons", "培养“法律明白人”", "名", ""),
    ("staffing.count", "配备执法记录仪", "台", ""),
    ("honors.count", "获评省级荣誉", "项", ""),
]


def test_every_id_of_the_taxonomy_has_a_pattern_and_a_case() -> None:
    assert len(INDICATOR_IDS) == 45
    assigned = {p.assigns for p in load_patterns().of("indicator", IndicatorPattern)}
    assert set(INDICATOR_IDS) <= assigned
    assert set(INDICATOR_IDS) == {case[0] for case in CASES}


def test_topic_lines_name_known_ids_and_units() -> None:
    """A topic line assigns an id of the taxonomy and, for rates, names count ids of it."""
    for topic in load_patterns().of("indicator_topic", IndicatorTopicPattern):
        assert topic.indicator in INDICATOR_IDS, topic.id
        assert set(topic.counts) <= INDICATOR_IDS, topic.id
        if topic.counts:
            assert BY_ID[topic.indicator].kinds == ("rate",), topic.id


@pytest.mark.parametrize(("expected", "label", "unit", "sentence"), CASES)
def test_each_indicator_from_its_label_and_unit(rules: IndicatorRules, expected: str, label: str,
                                                unit: str, sentence: str) -> None:
    kind = "rate" if unit == "%" else "count"
    decision = rules.decide(labelled(label, unit, kind), Context(sentence=sentence))
    assert decision is not None
    assert (decision.indicator, decision.source) == (expected, "label")


def test_every_phrasing_of_the_catalogue_gets_its_id(nlp_char: Language) -> None:
    """docs/indicators.md's phrasings are read back as their own id (one record each)."""
    wrong = []
    for indicator in TAXONOMY:
        for phrasing in indicator.phrasings:
            records = [r for r in report_of(nlp_char, phrasing + "。").records
                       if r.unit in indicator.units or r.kind == "rank"]
            if not records or records[-1].indicator != indicator.id:
                wrong.append((phrasing, [(r.text, r.indicator) for r in records]))
    assert wrong == []


def test_unit_decides_between_sessions_and_people(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("开展法治培训", "场次")) == "training.sessions"
    assert rules.indicator_of(labelled("开展法治培训", "人次")) == "training.participants"
    assert rules.indicator_of(labelled("开展法治培训", "元", "money")) is None


def test_a_pass_rate_is_an_exam_rate_only_about_an_exam(rules: IndicatorRules) -> None:
    passed = labelled("通过率", "%", "rate")
    assert rules.indicator_of(passed, Context(sentence="新录用人员执法资格考试通过率95%")) \
        == "training.exam_rate"
    assert rules.indicator_of(passed, Context(sentence="完成采购合同审查12件，审查通过率100%")) \
        is None


def test_events_for_officials_are_training_for_the_public_publicity(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("组织机关干部“以案说法”讲堂活动", "场")) \
        == "training.sessions"
    lecture = labelled("举办法治讲座", "场")
    assert rules.indicator_of(lecture, Context(sentence="面向村民开展普法宣传，举办法治讲座8场")) \
        == "publicity.events"
    assert rules.indicator_of(lecture, Context(sentence="面向机关干部举办法治讲座8场")) \
        == "training.sessions"


def test_reviewing_a_normative_document_is_a_legality_review(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("审核镇政府规范性文件", "件")) == "legal_review.documents"
    assert rules.indicator_of(labelled("报送备案规范性文件", "件")) == "normative_docs.issued"


def test_matters_handled_are_service_items_a_catalogue_is_not(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("受理各类便民服务事项", "件")) == "services.items"
    assert rules.indicator_of(labelled("梳理政务服务事项", "项")) is None
    assert rules.indicator_of(labelled("精简行政审批事项", "项")) is None


def test_no_indicator_when_nothing_fits(rules: IndicatorRules) -> None:
    assert rules.indicator_of(labelled("召开工作推进会议", "次")) is None
    assert rules.indicator_of(labelled("种植绿化苗木", "株")) is None
    assert rules.indicator_of(labelled("合规率", "%", "rate")) is None


def test_open_labels(rules: IndicatorRules) -> None:
    assert rules.is_open("审结")
    assert rules.is_open("全年累计办结")
    assert rules.is_open("")
    assert not rules.is_open("办结率")
    assert not rules.is_open("召开专题会议")


@pytest.mark.parametrize("label", ["审结", "依法受理各类案件", "全年共办结12件", "受理行政复议案件",
                                   "其中：", "办结率", "（已）处理", "案", "处置突发事件", "12、"])
def test_an_open_label_is_one_the_open_words_and_fillers_take_away_whole(
        rules: IndicatorRules, label: str) -> None:
    assert rules.open is not None
    assert rules.is_open(label) == (not _FILLER.sub("", rules.open.sub("", label)))


def test_user_pattern_file_adds_an_id(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"kind": "indicator", "id": "safety.drills", "name": "应急演练", '
                     '"units": ["次", "场"], "triggers": ["演练"], "priority": 5}\n'
                     '{"kind": "indicator_topic", "id": "drills", "indicator": "safety.drills", '
                     '"words": ["演练"], "units": ["次", "场"]}\n',
                     encoding="utf-8")
    rules = IndicatorRules.from_patterns(load_patterns([extra]))
    assert rules.indicator_of(labelled("组织应急演练", "场")) == "safety.drills"
    decision = rules.decide(labelled("开展", "次"), Context(sentence="今年应急演练共开展6次", at=9))
    assert decision is not None and (decision.indicator, decision.source) == \
        ("safety.drills", "sentence")
    assert IndicatorRules.from_patterns(load_patterns()).indicator_of(
        labelled("组织应急演练", "场")) is None


def test_a_long_chain_of_parts_takes_its_total_id_without_recursion(rules: IndicatorRules) -> None:
    # 3,000 figures, each a part of the one after it (read first to last, the first waits on
    # all the others): deeper than Python's recursion limit
    text = "，".join(f"类{i}件" for i in range(3000)) + "，受理行政复议案件3001件。"
    records = []
    for i in range(3001):
        item = labelled("受理行政复议案件" if i == 3000 else f"类{i}", "件")
        item.start, item.end = i, i + 1
        item.part_of = i + 1 if i < 3000 else None
        records.append(item)
    rules.assign(records, TextIndex(text))
    assert records[-1].indicator == "reconsideration.cases"
    assert {(r.indicator, r.indicator_source) for r in records[:-1]} == {
        ("reconsideration.cases", "total")}
