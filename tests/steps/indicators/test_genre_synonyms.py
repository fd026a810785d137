"""Round 2 of the genre phrasings: the classes of misses seen on reports outside the tuned set
and the common synonyms each id is written with. Every sentence was written for this test (none
comes from a report): each figure gets the id a reader of the genre would give it, or none."""

from __future__ import annotations

import pytest
from report_helpers import record, report_of
from spacy.language import Language

CLASSES = [
    # a part named "X审查" after a legality-review total is a review, whatever X is
    ("全年开展合法性审查52件，其中规范性文件审查6件，重大行政决策审查3件，合同审查43件。",
     "6件", "legal_review.documents"),
    ("全年开展合法性审查52件，其中规范性文件审查6件，重大行政决策审查3件，合同审查43件。",
     "3件", "legal_review.documents"),
    ("全年开展合法性审查52件，其中规范性文件审查6件，重大行政决策审查3件，合同审查43件。",
     "43件", "legal_review.contracts"),
    ("司法所参与合法性审核40件，其中重大执法决定法制审核5件、涉企政策文件审查11件。", "5件",
     "legal_review.documents"),
    ("司法所参与合法性审核40件，其中重大执法决定法制审核5件、涉企政策文件审查11件。", "11件",
     "legal_review.documents"),
    ("镇政府重大事项决策前征求法律顾问法律意见27次。", "27次", "legal_review.documents"),
    ("全年完成重大行政决策合法性审查8件。", "8件", "decisions.major"),
    ("重大行政决策事项4项，均经合法性审查。", "4项", "decisions.major"),
    ("清理规范性文件9件。", "9件", "normative_docs.issued"),
    # the parts of a total of cases the officials appeared in are cases by outcome
    ("行政机关负责人出庭应诉案件9件，其中胜诉6件，撤诉2件，败诉1件。", "9件",
     "litigation.appearances"),
    ("行政机关负责人出庭应诉案件9件，其中胜诉6件，撤诉2件，败诉1件。", "2件",
     "litigation.cases"),
    ("行政机关负责人出庭应诉案件9件，其中胜诉6件，维持2件，驳回1件。", "1件",
     "litigation.cases"),
    # files of deputies' proposals are not service-centre files
    ("一、推进政务服务\n全年承办人大代表建议和政协提案会办件14件，领导牵头办件5件。\n", "14件",
     None),
    ("一、推进政务服务\n全年承办人大代表建议和政协提案会办件14件，领导牵头办件5件。\n", "5件",
     None),
    ("办理市人大代表建议18件、政协委员提案11件。", "11件", None),
    # disclosure said by what was published
    ("在门户网站发布政策解读22篇。", "22篇", "disclosure.items"),
    ("通过信用平台公示行政许可信息85条、行政处罚信息31条。", "31条", "disclosure.items"),
    ("及时公示行政处罚决定17条。", "17条", "disclosure.items"),
    ("更新政务公开栏信息120条。", "120条", "disclosure.items"),
    # staffing: members, liaison officers, villages with someone assigned
    ("成立依法治镇领导小组，班子成员9名。", "9名", "staffing.count"),
    ("各村（社区）确定法治联络员，共落实12个村（社区）联络员。", "12个", "staffing.count"),
    ("为全镇14个村（社区）聘请法律顾问。", "14个", "legal_services.advisers"),
    ("落实11个村（社区）法律顾问，实现全覆盖。", "11个", "legal_services.advisers"),
    # a rate after its topic was stated earlier in the sentence
    ("排查涉法涉诉事项23件，办结率100%。", "100%", "services.completion_rate"),
    ("收到群众反映问题36件，办结率97.2%。", "97.2%", "services.completion_rate"),
    ("组织全体干部开展法律知识专题测试2次。", "2次", "training.sessions"),
    ("领导干部下访接待群众，现场解决涉法问题17个。", "17个", "petition.cases"),
    ("组织23名执法人员参加行政执法资格考试。", "23名", "enforcement.officers"),
    ("18名干部参加执法资格考试，通过率94%。", "94%", "training.exam_rate"),
    # a problems section lists shortcomings, not achievements
    ("三、存在的问题和不足\n（一）矛盾纠纷化解压力大\n部分积案时间跨度长，仍有3件未办结。\n",
     "3件", None),
    ("二、主要成效\n（一）矛盾纠纷化解有力\n全年受理68件，均已办结。\n", "68件",
     "mediation.disputes"),
    ("三、存在的不足\n二是法治宣传形式单一，全年仅开展普法活动4次。\n", "4次",
     "publicity.events"),
]

SYNONYMS = [
    # study
    ("党组理论学习中心组专题学习习近平法治思想5次。", "5次", "study.sessions"),
    ("坚持常务会议会前学法，全年学法12次。", "12次", "study.sessions"),
    ("开展“党组会前学法”11期。", "11期", "study.sessions"),
    # training
    ("举办法治业务培训班3期。", "3期", "training.sessions"),
    ("邀请律师为机关干部授课4次。", "4次", "training.sessions"),
    ("组织干部职工线上学法考试1次，参考230人。", "230人", "training.participants"),
    ("全年累计轮训执法人员320人次。", "320人次", "training.participants"),
    ("干部学法考试参考率达100%，合格率99.5%。", "99.5%", "training.exam_rate"),
    ("国家工作人员学法用法考试及格率98%。", "98%", "training.exam_rate"),
    ("干部网上学法参学率100%。", "100%", "training.coverage_rate"),
    # legal review
    ("法律顾问审核各类协议合同58份。", "58份", "legal_review.contracts"),
    ("审查政府合同、协议21件。", "21件", "legal_review.contracts"),
    ("公职律师出具法律审查意见33份。", "33份", "legal_review.documents"),
    ("对行政执法决定开展法制审核27件。", "27件", "legal_review.documents"),
    ("重大行政决策合法性审查率100%。", "100%", "legal_review.review_rate"),
    # decisions, documents, normative documents
    ("提交集体讨论决定的重大事项6项。", "6项", "decisions.major"),
    ("全年以政府名义印发公文112件。", "112件", "documents.issued"),
    ("制定出台行政规范性文件5件。", "5件", "normative_docs.issued"),
    ("规范性文件备案审查率100%。", "100%", "normative_docs.filing_rate"),
    # enforcement
    ("开展“双随机、一公开”抽查43次。", "43次", "enforcement.inspections"),
    ("对辖区餐饮场所开展执法检查320家次。", "320家次", "enforcement.inspections"),
    ("作出行政处罚决定29件，罚没款12万元。", "29件", "enforcement.penalties"),
    ("办理简易程序案件8起。", "8起", "enforcement.penalties"),
    ("评查行政执法案卷60份。", "60份", "enforcement.cases"),
    ("新申领行政执法证件11人。", "11人", "enforcement.officers"),
    # reconsideration, litigation
    ("发生行政复议案件6件，被纠错1件。", "6件", "reconsideration.cases"),
    ("行政复议直接纠错率18.2%。", "18.2%", "reconsideration.correction_rate"),
    ("新收一审行政诉讼案件11件。", "11件", "litigation.cases"),
    ("作为被告的行政应诉案件3起。", "3起", "litigation.cases"),
    ("负责人出庭应诉率达到100%。", "100%", "litigation.appearance_rate"),
    ("行政诉讼案件败诉率4.5%。", "4.5%", "litigation.loss_rate"),
    # disclosure, services, hotline, petitions
    ("收到政府信息公开申请7件，均按期答复。", "7件", "disclosure.requests"),
    ("政务服务中心受理各类审批服务事项办件4210件。", "4210件", "services.items"),
    ("依申请政务服务事项全程网办率92%。", "92%", "services.online_rate"),
    ("政务服务好差评好评率100%。", "100%", "services.satisfaction_rate"),
    ("接收市民热线转办件260件。", "260件", "hotline.requests"),
    ("受理群众信访事项44件，及时受理率100%。", "44件", "petition.cases"),
    ("镇领导接访群众58批次。", "58批次", "petition.cases"),
    # mediation
    ("组织开展矛盾纠纷大排查4轮。", "4轮", "mediation.screenings"),
    ("人民调解组织受理各类纠纷130件，调解成功127件，调解成功率97.7%。", "127件",
     "mediation.success"),
    ("人民调解组织受理各类纠纷130件，调解成功127件，调解成功率97.7%。", "97.7%",
     "mediation.success_rate"),
    ("化解婚姻家庭纠纷21起。", "21起", "mediation.disputes"),
    # publicity
    ("开展民法典宣传月活动16场次。", "16场次", "publicity.events"),
    ("开展以案释法活动7次。", "7次", "publicity.events"),
    ("发放法治宣传折页3600份。", "3600份", "publicity.materials"),
    ("开展“法律进市场”活动，受众群众2000余人。", "2000余人", "publicity.audience"),
    # legal services
    ("提供法律咨询服务340余次。", "340余次", "legal_services.consultations"),
    ("办理法律援助案件19件。", "19件", "legal_services.legal_aid"),
    ("聘请常年法律顾问3名。", "3名", "legal_services.advisers"),
    ("村（社区）法律顾问配备率100%。", "100%", "legal_services.adviser_coverage"),
    ("培养“法治带头人”48名。", "48名", "legal_literacy.persons"),
    # staffing, honours
    ("建成村级法治文化广场6个。", "6个", "staffing.count"),
    ("组建法治宣讲队伍3支。", "3支", "staffing.count"),
    ("获评省级“民主法治示范村”2个。", "2个", "honors.count"),
    # generic words without a topic type nothing
    ("全年完成各类事项85件。", "85件", None),
    ("开展活动12次。", "12次", None),
    ("覆盖率达100%。", "100%", None),
    ("新建道路12公里。", "12公里", None),
    ("召开专题会议6次。", "6次", None),
]


@pytest.mark.parametrize(("text", "figure", "expected"), CLASSES + SYNONYMS)
def test_phrasing(nlp_char: Language, text: str, figure: str, expected: str | None) -> None:
    found = record(report_of(nlp_char, text), figure)
    assert found.indicator == expected, (found.label, found.indicator_source)
