"""Round 3 of the genre phrasings: the reports of government departments (labour, emergency
management, transport…) beside those of towns. Every sentence was written for this test (none
comes from a report): each figure gets the id a reader of the genre would give it, or none."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language

DEPARTMENTS = [
    # a conjunction where the label should be: what was counted is in the clause
    ("全年开展法制审核86次且无一例被纠正。", "86次", "legal_review.documents"),
    # a pass rate said with the verb alone, in an exam sentence
    ("组织全体干部参加年度学法考试，全员100%通过。", "100%", "training.exam_rate"),
    # enterprises or households penalised are penalty cases; not penalising is none
    ("对35家企业适用一般程序作出处罚。", "35家", "enforcement.penalties"),
    ("对17户经营户作出警告处罚。", "17户", "enforcement.penalties"),
    ("对4家企业依法不予处罚。", "4家", None),
    # services named as the object of an assessment or task are not service matters
    ("完成政务服务效能考核任务9项。", "9项", None),
    ("承办政务服务事项办件1200件。", "1200件", "services.items"),
    # talks for workers of enterprises or the public are publicity, for officials training
    ("面向园区企业职工和周边群众开展法治宣讲7场次。", "7场次", "publicity.events"),
    ("组织机关干部职工开展法治宣讲4场次。", "4场次", "training.sessions"),
    # enforcement officials counted where the sentence is about their certificates
    ("今年增补执法队员6名，均已通过考试取得执法证。", "6名", "enforcement.officers"),
    ("局机关配备工作人员6名。", "6名", "staffing.count"),
    # study said with the body that studies or with what is studied between 专题 and 学习
    ("全年组织局党委专题法规学习9次。", "9次", "study.sessions"),
    ("组织班子成员集中学法5次。", "5次", "study.sessions"),
    ("全年组织干部职工参加的集体学法活动6次。", "6次", "study.sessions"),
    ("组织机关干部开展法治讲座3次。", "3次", "training.sessions"),
    # cases found by an inspection are cases, not inspections
    ("全年查处违法案件120件，其中日常检查发现的案件85件。", "85件", "enforcement.penalties"),
    ("开展日常检查300家次。", "300家次", "enforcement.inspections"),
    # a screening for hazards or violations is an inspection; for disputes a screening
    ("全年组织消防安全隐患排查15次。", "15次", "enforcement.inspections"),
    ("开展矛盾纠纷排查24次。", "24次", "mediation.screenings"),
    # penalty decisions issued count penalty cases; a review of case files does not
    ("全年送达行政处罚决定书19份。", "19份", "enforcement.penalties"),
    ("评查行政处罚案卷40份。", "40份", "enforcement.cases"),
    # the rate of administrative disputes settled in substance is no mediation rate
    ("审结复议案件20件，其中调解结案5件，行政争议实质性化解率55%。", "55%", None),
    ("调解纠纷80件，调解成功率98%。", "98%", "mediation.success_rate"),
    # in a list of published documents, a kind of document other than normative ones
    ("全年公开政府信息300条，其中规范性文件3件、部门文件27件、其他文件12件。", "27件",
     "disclosure.items"),
    ("全年公开政府信息300条，其中规范性文件3件、部门文件27件、其他文件12件。", "12件",
     "disclosure.items"),
    # acts of a service centre named by what they grant or confirm
    ("一、深化放管服改革\n依托政务服务中心办理资格认定等业务，全年完成资质认定240件。\n", "240件",
     "services.items"),
    # officials sitting a law exam are participants
    ("组织全体干部参加学法考试76人。", "76人", "training.participants"),
]


@pytest.mark.parametrize(("text", "figure", "expected"), DEPARTMENTS)
def test_phrasing(nlp_char: Language, text: str, figure: str, expected: str | None) -> None:
    found = record(report_of(nlp_char, text), figure)
    assert found.indicator == expected, (found.label, found.indicator_source)
