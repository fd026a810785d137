"""The indicator taxonomy, version 2, kept as data in the package (docs/indicators.md is
generated from it) so that gold validation, the ``lawgov-ie indicators`` command and
docs/indicators.md work on a clean clone and from a wheel.

Each :class:`Indicator` says, in the project's own words, what one id counts, the units and kinds
of records it accepts, and two phrasings a report might use. Pattern files implement these ids
(``patterns/indicators.jsonl``) and may add more; ids are never renamed. The units listed are
the ones a record must have to get the id from context alone (sentence topic, section heading):
a label that names the indicator may still bring other units through its own pattern line.
"""

from __future__ import annotations

from dataclasses import dataclass

TAXONOMY_VERSION = 2

RATE = ("%",)


@dataclass(frozen=True)
class Indicator:
    """One id of the taxonomy."""

    id: str
    name: str  # the Chinese name
    counts: str  # what is counted, in English
    units: tuple[str, ...]  # units a record of this id has ("%" for rates)
    phrasings: tuple[str, str]  # two ways a report may say it (written for this project)
    kinds: tuple[str, ...] = ("count",)
    version: int = 1  # the taxonomy version that added it

    @property
    def chapter(self) -> str:
        """The group before the dot: study, training, mediation …"""
        return self.id.split(".", 1)[0]


TAXONOMY: tuple[Indicator, ...] = (
    Indicator("study.sessions", "学法/理论学习",
              "sessions where leaders or cadres study law or the rule-of-law thinking together "
              "(theory group study, collective study before meetings, party lectures on law)",
              ("次", "期", "场", "场次", "轮"),
              ("镇党委理论学习中心组专题学法4次", "班子会议会前学法12次")),
    Indicator("training.sessions", "法治培训",
              "training courses, classes, lectures and exams held for officials and staff",
              ("次", "期", "场", "场次", "班", "轮"),
              ("为村干部举办依法行政培训班3期", "组织执法业务讲座5场")),
    Indicator("training.participants", "培训人次",
              "officials and staff trained (people or person-times)",
              ("人", "人次", "名"),
              ("轮训机关干部320人次", "参加培训的执法人员共85名")),
    Indicator("training.exam_rate", "学法考试参考率/合格率",
              "officials' law exams: share who sat, passed or passed with distinction",
              RATE, ("年度学法考试参考率100%", "执法资格考试合格率达96%"), kinds=("rate",),
              version=2),
    Indicator("training.coverage_rate", "培训覆盖率",
              "share of the staff reached by law study or training",
              RATE, ("干部法治培训覆盖率100%", "学法活动覆盖全体在编人员的98%"), kinds=("rate",),
              version=2),
    Indicator("legal_review.contracts", "合同审查",
              "contracts reviewed by the legal adviser or in a legality review",
              ("件", "份", "个"),
              ("法律顾问审核政府合同42份", "完成采购合同合法性审查17件")),
    Indicator("legal_review.documents", "合法性审查",
              "decisions, letters, notices and other documents reviewed or drafted for legality "
              "(not contracts)",
              ("件", "份", "次", "个", "条"),
              ("出具法律意见书9份", "审核行政处罚决定书等文书30件")),
    Indicator("legal_review.review_rate", "合法性审查率",
              "share of decisions, documents or contracts that went through a legality review",
              RATE, ("重大行政决策合法性审查率100%", "合同审查覆盖率达到100%"), kinds=("rate",),
              version=2),
    Indicator("decisions.major", "重大行政决策",
              "major administrative decisions made, discussed collectively or reviewed",
              ("件", "项", "个", "次"),
              ("全年作出重大行政决策4项", "对重大执法决定集体讨论2次")),
    Indicator("documents.issued", "发文",
              "documents the government issued (other than normative documents)",
              ("篇", "件", "份"),
              ("全年以镇政府名义发文86篇", "印发各类公文120件")),
    Indicator("normative_docs.issued", "规范性文件",
              "normative documents issued, filed for the record, cleaned up or abolished",
              ("件", "份", "部", "个", "次"),
              ("制定行政规范性文件3件", "清理废止规范性文件11件")),
    Indicator("normative_docs.filing_rate", "规范性文件报备率",
              "share of normative documents filed for record review (on time)",
              RATE, ("规范性文件报备率100%", "备案审查及时率达100%"), kinds=("rate",),
              version=2),
    Indicator("enforcement.inspections", "行政检查",
              "inspections, patrols and checks of premises or firms, and screenings for "
              "safety hazards or violations",
              ("次", "家次", "起", "家", "户次", "人次"),
              ("检查餐饮门店230家次", "开展联合执法巡查46次")),
    Indicator("enforcement.penalties", "行政处罚",
              "administrative penalty cases filed or decided, also said by the decisions "
              "served (份) or the firms penalised (家, 户), not those spared (不予处罚)",
              ("起", "件", "宗", "件次"),
              ("立案查处违法行为37起", "作出行政处罚决定52件")),
    Indicator("enforcement.cases", "执法案件",
              "enforcement cases in general: entered on a platform, reviewed (case-file "
              "assessment), transferred",
              ("件", "宗", "起", "个"),
              ("评查行政执法案卷40件", "录入执法监督平台案件66件")),
    Indicator("enforcement.officers", "执法人员持证",
              "officials who hold or obtained an enforcement certificate (and the share who do)",
              ("人", "名", "%"),
              ("12名工作人员取得行政执法证", "执法人员持证率100%"), kinds=("count", "rate")),
    Indicator("reconsideration.cases", "行政复议",
              "administrative reconsideration cases, in total or by outcome",
              ("起", "件", "宗"),
              ("收到行政复议申请8件", "复议决定维持原行政行为5件")),
    Indicator("reconsideration.correction_rate", "行政复议纠错率",
              "share of reconsideration cases whose decision was corrected (annulled, changed, "
              "found unlawful, ordered to act)",
              RATE, ("行政复议纠错率12.5%", "直接纠错率为8%"), kinds=("rate",), version=2),
    Indicator("litigation.cases", "行政诉讼",
              "administrative lawsuits, in total or by outcome",
              ("起", "件", "宗"),
              ("应诉行政诉讼案件6起", "一审判决驳回原告诉讼请求4件")),
    Indicator("litigation.appearance_rate", "负责人出庭应诉率",
              "share of hearings where the responsible official appeared in court",
              RATE, ("行政机关负责人出庭应诉率100%", "主要负责人100%出庭"), kinds=("rate",)),
    Indicator("litigation.appearances", "负责人出庭应诉",
              "hearings in which the responsible official appeared in court",
              ("件", "宗", "次", "人次"),
              ("负责人出庭应诉3次", "分管领导出庭应诉案件2件"), version=2),
    Indicator("litigation.win_rate", "行政诉讼胜诉率",
              "share of administrative lawsuits won",
              RATE, ("行政诉讼胜诉率90%", "一审胜诉率达87.5%"), kinds=("rate",), version=2),
    Indicator("litigation.loss_rate", "行政诉讼败诉率",
              "share of administrative lawsuits lost",
              RATE, ("行政诉讼败诉率4.2%", "败诉行政案件占比为0%"), kinds=("rate",), version=2),
    Indicator("disclosure.items", "政务公开",
              "government information items published on the body's own initiative",
              ("条", "件", "篇", "项"),
              ("主动公开政府信息260条", "在门户网站发布政务信息85篇")),
    Indicator("disclosure.requests", "依申请公开",
              "requests for government information handled",
              ("件", "条"),
              ("办理政府信息公开申请7件", "答复依申请公开事项3件")),
    Indicator("services.items", "政务服务办件",
              "service matters handled by the service centre or approval office (in total and "
              "online, delegated, approved, filed)",
              ("件", "个", "项"),
              ("便民服务中心办件4300件", "办理行政审批业务610件")),
    Indicator("services.online_rate", "网上可办率",
              "share of service matters that can be handled online",
              RATE, ("政务服务事项网上可办率99%", "全程网办率达到90%"), kinds=("rate",),
              version=2),
    Indicator("services.completion_rate", "办结率",
              "share of service matters, hotline requests, petitions or complaints closed "
              "(on time)",
              RATE, ("热线工单办结率100%", "信访事项按期办结率98%"), kinds=("rate",), version=2),
    Indicator("services.satisfaction_rate", "满意率",
              "satisfaction with services, hotline answers or mediation",
              RATE, ("办事群众满意率99.5%", "回访满意度达97%"), kinds=("rate",)),
    Indicator("hotline.requests", "12345诉求",
              "hotline or online-platform requests received or closed",
              ("件", "个", "条"),
              ("受理12345热线工单870件", "办结群众诉求812件")),
    Indicator("petition.cases", "信访",
              "petitions (letters and visits) received or resolved, and petitioners received",
              ("件", "批次", "人次", "宗", "起"),
              ("接待群众来访45批次", "办理信访事项31件")),
    Indicator("mediation.screenings", "矛盾纠纷排查",
              "rounds of screening for disputes (a screening for safety hazards or "
              "violations is an inspection)",
              ("次", "轮"),
              ("开展矛盾纠纷排查26次", "集中排查隐患纠纷4轮")),
    Indicator("mediation.disputes", "矛盾纠纷调解",
              "disputes mediated, accepted or handled, in total or by type",
              ("起", "件", "宗"),
              ("调处各类矛盾纠纷210起", "其中邻里纠纷75件")),
    Indicator("mediation.success", "调解成功",
              "disputes mediated successfully or closed",
              ("起", "件", "宗"),
              ("调解成功196起", "成功化解纠纷88件")),
    Indicator("mediation.success_rate", "调解成功率",
              "share of disputes mediated successfully or closed (not the share of "
              "administrative disputes settled in substance, 实质性化解率)",
              RATE, ("调解成功率97%", "纠纷化解率达98.5%"), kinds=("rate",)),
    Indicator("publicity.events", "普法宣传活动",
              "legal publicity events, lectures and campaigns for the public",
              ("次", "场", "场次", "期"),
              ("开展送法进村活动24场", "举办宪法宣传周活动6次")),
    Indicator("publicity.audience", "普法受众",
              "people reached by legal publicity",
              ("人次", "人"),
              ("受教育群众5600余人次", "普法讲座现场参与居民800人")),
    Indicator("publicity.materials", "宣传资料",
              "leaflets, booklets and other materials handed out",
              ("份", "册", "本"),
              ("发放法治宣传册3000册", "派发普法资料1.2万份")),
    Indicator("legal_services.consultations", "法律咨询",
              "legal questions answered for the public",
              ("人次", "次", "件"),
              ("解答群众法律咨询430人次", "提供免费法律咨询96次")),
    Indicator("legal_services.legal_aid", "法律援助",
              "legal aid cases",
              ("件", "件次"),
              ("受理法律援助案件19件", "办结法律援助12件次")),
    Indicator("legal_services.advisers", "法律顾问",
              "legal advisers engaged, and villages or bodies served by one",
              ("名", "人", "个"),
              ("聘请政府常年法律顾问3名", "为16个村配备法律顾问")),
    Indicator("legal_services.adviser_coverage", "法律顾问覆盖率",
              "share of villages, communities or bodies that have a legal adviser",
              RATE, ("村(社区)法律顾问覆盖率100%", "法律顾问配备率达100%"), kinds=("rate",),
              version=2),
    Indicator("legal_literacy.persons", "法律明白人",
              "local people trained as 法律明白人 or 法治带头人",
              ("人", "名"),
              ("培养村级“法律明白人”96名", "选树法治带头人40人")),
    Indicator("staffing.count", "人员与机构",
              "people, teams, rooms and devices the body has for this work",
              ("人", "名", "个", "台", "支"),
              ("组建法治宣讲小分队5支", "配置执法记录仪20台")),
    Indicator("honors.count", "荣誉",
              "honours, awards and rankings received",
              ("项", "名", "个", "次"),
              ("获评省级法治示范村2个", "考核排名全县第二"), kinds=("count", "rank")),
)

BY_ID: dict[str, Indicator] = {indicator.id: indicator for indicator in TAXONOMY}

INDICATOR_IDS: frozenset[str] = frozenset(BY_ID)
"""The 45 canonical indicator ids."""
