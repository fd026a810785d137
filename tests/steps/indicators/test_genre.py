"""Typical phrasings of the genre, written for this test (not from any report): each figure gets
the id a reader would give it, or none. These guard the classes the rules stand for, so that a
change tuned on one construction does not break another."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language

GENRE = [
    # (text, figure, expected id)
    ("镇党委理论学习中心组开展集体学法6次。", "6次", "study.sessions"),
    ("落实会前学法制度，全年会前学法15次。", "15次", "study.sessions"),
    ("举办领导干部法治专题培训班2期，培训学员240人次。", "2期", "training.sessions"),
    ("举办领导干部法治专题培训班2期，培训学员240人次。", "240人次", "training.participants"),
    ("组织全体执法人员参加学法考试，参考率100%，合格率98%。", "98%", "training.exam_rate"),
    ("开展行政执法案卷评查，案卷合格率96%。", "96%", None),
    ("法律顾问审查各类合同36份，出具法律意见书12份。", "36份", "legal_review.contracts"),
    ("法律顾问审查各类合同36份，出具法律意见书12份。", "12份", "legal_review.documents"),
    ("全年作出重大行政决策3项，均经合法性审查。", "3项", "decisions.major"),
    ("清理现行有效的规范性文件14件。", "14件", "normative_docs.issued"),
    ("规范性文件报备率、报备及时率均为100%。", "100%", "normative_docs.filing_rate"),
    ("开展安全生产执法检查86次，检查企业210家次。", "210家次", "enforcement.inspections"),
    ("全年立案查处违法行为42起，结案40起。", "40起", "enforcement.penalties"),
    ("全镇32名执法人员均持有行政执法证，持证率100%。", "100%", "enforcement.officers"),
    ("收到行政复议申请7件，已审结6件，其中维持4件、撤销1件、终止1件。", "4件",
     "reconsideration.cases"),
    ("行政应诉案件5件，无败诉案件。", "5件", "litigation.cases"),
    ("行政机关负责人出庭应诉8次，出庭应诉率100%。", "8次", "litigation.appearances"),
    ("行政机关负责人出庭应诉8次，出庭应诉率100%。", "100%", "litigation.appearance_rate"),
    ("一审行政诉讼案件胜诉率为85%。", "85%", "litigation.win_rate"),
    ("主动公开政府信息430条，办理依申请公开4件。", "430条", "disclosure.items"),
    ("主动公开政府信息430条，办理依申请公开4件。", "4件", "disclosure.requests"),
    ("便民服务中心全年办件5600件，群众满意率99.8%。", "5600件", "services.items"),
    ("全区政务服务事项网上可办率达100%。", "100%", "services.online_rate"),
    ("受理12345热线工单1320件，按时办结率99.6%。", "1320件", "hotline.requests"),
    ("受理12345热线工单1320件，按时办结率99.6%。", "99.6%", "services.completion_rate"),
    ("受理群众来信来访86件，已全部办结。", "86件", "petition.cases"),
    ("开展矛盾纠纷排查12次，排查出纠纷48起，成功调解46起，调解成功率95.8%。", "48起",
     "mediation.disputes"),
    ("开展矛盾纠纷排查12次，排查出纠纷48起，成功调解46起，调解成功率95.8%。", "46起",
     "mediation.success"),
    ("开展“宪法进校园”活动8场，发放普法宣传资料5000份，受教育师生3000余人次。", "8场",
     "publicity.events"),
    ("开展“宪法进校园”活动8场，发放普法宣传资料5000份，受教育师生3000余人次。", "3000余人次",
     "publicity.audience"),
    ("公共法律服务工作站解答群众法律咨询620人次。", "620人次", "legal_services.consultations"),
    ("受理法律援助案件25件。", "25件", "legal_services.legal_aid"),
    ("为全镇18个村（社区）配备法律顾问，覆盖率100%。", "100%",
     "legal_services.adviser_coverage"),
    ("培育“法律明白人”135名。", "135名", "legal_literacy.persons"),
    ("全镇配备专职人民调解员6名。", "6名", "staffing.count"),
    ("在全市法治政府建设考核中位列第二名。", "第二名", "honors.count"),
    ("开展“法律进乡村”活动36场，覆盖群众5000余人次。", "5000余人次", "publicity.audience"),
    ("全镇16个村（社区）实现法律顾问全覆盖。", "16个", "legal_services.advisers"),
    ("依托全镇16个村（社区）网格，组建由法律顾问参加的宣讲队。", "16个", None),
    ("一、工作成效\n（六）强化信访工作\n全年接待群众420人次。\n", "420人次", "petition.cases"),
    ("公共法律服务中心全年接待咨询群众300人次。", "300人次", "legal_services.consultations"),
    ("全年收到复议申请9件，行政诉讼案件4件，撤诉1件。", "1件", "litigation.cases"),
    ("区政务服务中心设窗口58个，全年办件8.6万件。", "58个", None),
    ("区政务服务中心设窗口58个，全年办件8.6万件。", "8.6万件", "services.items"),
    ("召开党委会专题研究法治建设4次。", "4次", None),
    ("投入经费12万元用于法治阵地建设。", "12万元", None),
    ("梳理公布镇级权责清单事项128项。", "128项", None),
    # leaders teaching a law class and events the officials themselves hold are training
    ("主要负责同志带头讲法治课2次。", "2次", "training.sessions"),
    ("法治副校长为学生上法治课6次。", "6次", None),
    ("组织机关干部“以案说法”讲堂活动8期。", "8期", "training.sessions"),
    ("组织党员干部深入村组开展普法宣传活动15场。", "15场", "publicity.events"),
    # a test of what officials must know is a training session even without the word 法
    ("组织机关干部学习应知应会知识，开展闭卷测试3次。", "3次", "training.sessions"),
    ("组织消防应急演练和系统测试4次。", "4次", None),
    # people answered counted in 名; matters handled counted in 件次
    ("在集市设点宣传，为120余名群众解答法律咨询。", "120余名", "legal_services.consultations"),
    ("便民服务中心全年代办帮办各类事项3600余件次。", "3600余件次", "services.items"),
    # visits counted in 件次; advice asked at a legal-aid desk is a consultation, not a petition
    ("全年接待群众来信来访64件次。", "64件次", "petition.cases"),
    ("县法律援助中心全年接待来访咨询350余人次。", "350余人次", "legal_services.consultations"),
    ("信访办全年接待来访群众210人次。", "210人次", "petition.cases"),
    # joint enforcement operations are inspections
    ("联合市场监管部门开展执法行动14次。", "14次", "enforcement.inspections"),
    # the head verb 公开 decides what a list of published documents counts
    ("区政府网站主动公开区政府行政规范性文件9件、人事任免文件31件。", "9件",
     "disclosure.items"),
    ("区政府网站主动公开区政府行政规范性文件9件、人事任免文件31件。", "31件",
     "disclosure.items"),
    ("全年制定行政规范性文件9件。", "9件", "normative_docs.issued"),
    # wall pictures handed out are materials; people sent out to do publicity are no audience
    ("向群众发放普法手册600册、法治挂图150张。", "150张", "publicity.materials"),
    ("组织普法宣传小分队出动人员35人。", "35人", None),
    # a class held in villages is publicity, one for officials is training
    ("在全镇8个村巡回开展“法律微课堂”16次。", "16次", "publicity.events"),
    ("组织机关干部参加“法治微课堂”6次。", "6次", "training.sessions"),
    # mediation bodies and the staff hired for the work are staffing, not disputes
    ("全县现有村级人民调解组织212个。", "212个", "staffing.count"),
    ("招录社区矫正协理员6名。", "6名", "staffing.count"),
    # a mediation point set up is a facility, not a dispute
    ("在8个村设立矛盾纠纷调解点。", "8个", "staffing.count"),
]


@pytest.mark.parametrize(("text", "figure", "expected"), GENRE)
def test_genre_phrasing(nlp_char: Language, text: str, figure: str, expected: str | None) -> None:
    found = record(report_of(nlp_char, text), figure)
    assert found.indicator == expected, (found.label, found.indicator_source)
