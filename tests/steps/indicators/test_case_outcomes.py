"""Outcomes of reconsideration and lawsuits keep their family: a figure whose label is one of the
family's outcome words (维持, 撤销, 调解, 移送, 立案…) counts cases of that family, whether it is a
part of the family's total, stands in the sentence after it, or in a list of items ended by
semicolons; words that name another indicator elsewhere (立案 → penalties, 移送 → enforcement,
调解/结案率 → disputes) do not apply in a sentence about those cases. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.indicators.reader import Context, IndicatorRules


def decided(nlp: Language, text: str, figure: str) -> tuple[str | None, str | None]:
    found = record(report_of(nlp, text), figure)
    return found.indicator, found.indicator_source


OUTCOMES = [
    # a part of the total whose label another line would type as a dispute
    ("全年共办理行政复议案件40件，审结36件，其中调解结案12件，维持15件。", "12件",
     "reconsideration.cases"),
    ("全年共办理行政复议案件40件，审结36件，其中经协调化解8件，维持15件。", "8件",
     "reconsideration.cases"),
    # outcomes in the sentence after the total, with no word of the family in their own
    ("县政府全年收到复议申请21件，受理19件。经审理，维持原行政行为11件，撤销3件。", "11件",
     "reconsideration.cases"),
    ("县政府全年收到复议申请21件，受理19件。经审理，维持原行政行为11件，撤销3件。", "3件",
     "reconsideration.cases"),
    # a list of items after the total, the last one two semicolons away from it
    ("今年受理行政复议案件12起。审理结果中，维持6件；确认违法2件；申请人主动撤回3件。",
     "3件", "reconsideration.cases"),
    # 立案 and 移送 in a sentence about reconsideration
    ("全年收到行政复议申请30件，决定立案受理26件。", "26件", "reconsideration.cases"),
    ("其余复议申请中，终止审理2件；移送有关机关处理1件。", "1件", "reconsideration.cases"),
    # outcomes of lawsuits
    ("区政府作为被告的行政诉讼案件18件。法院判决驳回原告诉讼请求9件，原告撤诉4件。", "9件",
     "litigation.cases"),
]


@pytest.mark.parametrize(("text", "figure", "expected"), OUTCOMES)
def test_an_outcome_keeps_its_family(nlp_char: Language, text: str, figure: str,
                                     expected: str) -> None:
    found = record(report_of(nlp_char, text), figure)
    assert found.indicator == expected, (found.label, found.indicator_source)


def test_the_earlier_sentence_is_sought_only_for_a_named_label(nlp_char: Language) -> None:
    # an open label (开展) after a sentence on reconsideration says nothing of what it counts
    text = "全年办理行政复议案件7件。开展专项督查3次。"
    assert decided(nlp_char, text, "3次") == (None, None)


def test_the_earlier_sentence_stays_in_its_paragraph(nlp_char: Language) -> None:
    text = "一、工作成效\n全年办理行政复议案件7件。\n二、存在问题\n部分决定被撤销2件。\n"
    assert decided(nlp_char, text, "2件")[0] is None


def test_the_earlier_sentences_reach_two_back(nlp_char: Language) -> None:
    near = "全年受理行政复议申请9件。案件均已审结。经审理，维持5件。"
    assert decided(nlp_char, near, "5件") == ("reconsideration.cases", "sentence")
    far = "全年受理行政复议申请9件。案件均已审结。申请人均已签收。经审理，维持5件。"
    assert decided(nlp_char, far, "5件")[0] is None


def test_an_enforcement_application_is_no_reconsideration(nlp_char: Language) -> None:
    text = "全年办理行政复议案件6件。申请法院强制执行4件。"
    assert decided(nlp_char, text, "4件")[0] != "reconsideration.cases"


@pytest.mark.parametrize(("text", "figure"), [
    ("受理行政复议案件15件，全部审结，结案率100%。", "100%"),
    ("办理行政应诉案件10件，诉前调解率30%。", "30%"),
])
def test_rates_of_those_cases_are_no_mediation_rate(nlp_char: Language, text: str,
                                                    figure: str) -> None:
    assert decided(nlp_char, text, figure)[0] != "mediation.success_rate"


@pytest.mark.parametrize(("text", "figure", "expected"), [
    # the same words keep their own reading where the sentence is about other things
    ("全年立案查处违法行为25起。", "25起", "enforcement.penalties"),
    ("全年立案14件，罚没款3.2万元。", "14件", "enforcement.penalties"),
    ("向公安机关移送涉嫌犯罪案件3件。", "3件", "enforcement.cases"),
    ("全年调解矛盾纠纷60件，调解成功率98%。", "98%", "mediation.success_rate"),
    ("通过诉前调解化解涉诉矛盾纠纷20件。", "20件", "mediation.disputes"),
])
def test_the_words_keep_their_reading_elsewhere(nlp_char: Language, text: str, figure: str,
                                                expected: str) -> None:
    assert decided(nlp_char, text, figure)[0] == expected


def test_a_sentence_veto_needs_the_sentence() -> None:
    rules = IndicatorRules.from_patterns(load_patterns())
    draft = RecordDraft(value=5, unit="件", kind="count", qualifier="exact", label="立案",
                        text="5件", start=2, end=4)
    assert rules.indicator_of(draft, Context(sentence="立案5件。")) == "enforcement.penalties"
    assert rules.indicator_of(draft, Context(sentence="复议申请立案5件。")) != \
        "enforcement.penalties"
