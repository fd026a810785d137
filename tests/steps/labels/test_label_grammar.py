"""The label grammar (issue 24): one sentence of our own per class, read through the pipeline.

Each row: (sentence, quantity text, value, unit, qualifier, kind, label).
"""

from __future__ import annotations

import pytest
from report_helpers import report_of
from spacy.language import Language

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.labels.grammar import ClauseGrammar
from lawgov_ie.steps.labels.labels_patterns import LabelCuePattern

Row = tuple[str, str, float, str, str, str, str]


def read(nlp: Language, text: str, quantity: str) -> list[tuple[float, str, str, str, str]]:
    report = report_of(nlp, text)
    found = [r for r in report.records if r.text == quantity]
    assert found, f"no record {quantity!r} in {[r.text for r in report.records]}"
    for r in found:
        assert text[r.start:r.end] == r.text
        assert r.label in text
    return [(r.value, r.unit, r.qualifier, r.kind, r.label) for r in found]


CLASSES: list[Row] = [
    # the noun after the measure word, stopping before its predicate
    ("全区12个社区被评为民主法治示范社区。", "12个", 12, "个", "exact", "count", "社区"),
    ("将45项审批事项统一划入政务服务中心。", "45项", 45, "项", "exact", "count", "审批事项"),
    ("为辖区20余家企业提供法治体检。", "20余家", 20, "家", "more_than", "count", "企业"),
    ("全镇9个村分别成立了调解委员会。", "9个", 9, "个", "exact", "count", "村"),
    # a predicate right after the number: the phrase before it is the label
    ("选聘律师3名担任村法律顾问。", "3名", 3, "名", "exact", "count", "选聘律师"),
    # a bare verb takes its object after the number
    ("新建3个人民调解室。", "3个", 3, "个", "exact", "count", "人民调解室"),
    ("完成12项整改任务。", "12项", 12, "项", "exact", "count", "整改任务"),
    # the shortest head: no leading subject, adverbial or causative verb with its people
    ("镇党委会议研究法治议题6次。", "6次", 6, "次", "exact", "count", "研究法治议题"),
    ("通过微信平台解答群众咨询320人次。", "320人次", 320, "人次", "exact", "count",
     "解答群众咨询"),
    ("按照上级要求清理文件18件。", "18件", 18, "件", "exact", "count", "清理文件"),
    ("对重大行政决策作出审查意见9份。", "9份", 9, "份", "exact", "count", "作出审查意见"),
    ("法律顾问全程参与合同谈判7次。", "7次", 7, "次", "exact", "count", "参与合同谈判"),
    ("聘请律师为镇政府出具法律意见书14份。", "14份", 14, "份", "exact", "count", "出具法律意见书"),
    ("为残疾人提供法律援助31件。", "31件", 31, "件", "exact", "count", "提供法律援助"),
    # a short aside in brackets inside a word; a time word between subject and verb
    ("举办培训班3期，培训村（社区）干部260人次。", "260人次", 260, "人次", "exact", "count",
     "培训村（社区）干部"),
    ("村（居）法律顾问全年起草法律文书40份。", "40份", 40, "份", "exact", "count", "起草法律文书"),
    # an adverbial, a locative or an instrument before the verb; coordinated verb phrases
    ("某村通过村民议事会解决宅基地纠纷6起。", "6起", 6, "起", "exact", "count", "解决宅基地纠纷"),
    ("在政府门户网站上公示行政处罚信息860条。", "860条", 860, "条", "exact", "count",
     "公示行政处罚信息"),
    ("采用执法终端记录检查过程视频300余条。", "300余条", 300, "条", "more_than", "count",
     "记录检查过程视频"),
    ("对投诉问题进行汇总并开展专项督查5次。", "5次", 5, "次", "exact", "count", "开展专项督查"),
    ("通过举办讲座、发放资料等形式宣传12场次。", "12场次", 12, "场次", "exact", "count",
     "举办讲座、发放资料等形式宣传"),
    # a verb that is no pivot keeps its object whole; a subject alone hands over to the predicate
    ("审核各部门报送合同26份。", "26份", 26, "份", "exact", "count", "审核各部门报送合同"),
    ("今年某乡全乡共31人持有执法证。", "31人", 31, "人", "exact", "count", "持有执法证"),
    ("组织15名工作人员参加执法资格考试。", "15名", 15, "名", "exact", "count", "参加执法资格考试"),
    ("复议案件9件，其余4件均在审理中。", "4件", 4, "件", "exact", "count", "均在审理中"),
    ("明确3名专职人员负责日常协调。", "3名", 3, "名", "exact", "count", "专职人员"),
    ("全街共有法治宣传栏19个。", "19个", 19, "个", "exact", "count", "法治宣传栏"),
    ("班子成员平均得分96分。", "96分", 96, "分", "exact", "measure", "平均得分"),
    # titles and lists: no label starts inside a title; a bare noun after 等 keeps its list
    ("组织学习《中华人民共和国土地管理法实施条例》专题测试3次。", "3次", 3, "次", "exact",
     "count", "专题测试"),
    ("开展依法行政、合同管理等培训4次。", "4次", 4, "次", "exact", "count",
     "开展依法行政、合同管理等培训"),
    ("举办讲座、发放资料、设置展板等20余场次。", "20余场次", 20, "场次", "more_than", "count",
     "举办讲座、发放资料、设置展板"),
    # a second figure right after the first: both count the noun after it
    ("部署6方面28条具体措施。", "6方面", 6, "方面", "exact", "count", "具体措施"),
    # nothing before or after the number: what the clause before it names
    ("各村均建立了法律图书角，共26个。", "26个", 26, "个", "exact", "count", "建立了法律图书角"),
    ("组织村干部、网格员法治培训3场次。", "3场次", 3, "场次", "exact", "count", "法治培训"),
    ("组织执法人员参加业务轮训4期。", "4期", 4, "期", "exact", "count", "业务轮训"),
    ("纳入年度考核范围的重点单位共15家。", "15家", 15, "家", "exact", "count", "重点单位"),
    ("修订《村规民约》等制度文件6份。", "6份", 6, "份", "exact", "count", "制度文件"),
    ("重点事项网上办件达3000件。", "3000件", 3000, "件", "exact", "count", "网上办件"),
    # what a bare number's predicate says
    ("受理复议申请5件，维持2件，另3件正在审理。", "3件", 3, "件", "exact", "count", "正在审理"),
    ("举办考前辅导2期，累计60人次参加考试。", "60人次", 60, "人次", "exact", "count", "参加考试"),
    ("8名执法人员成功申领执法证。", "8名", 8, "名", "exact", "count", "申领执法证"),
    ("培育30名“法律明白人”骨干。", "30名", 30, "名", "exact", "count", "“法律明白人”"),
    # a change is signed and labelled from its comparison on
    ("信访件同比下降12%。", "12%", -12, "%", "exact", "change", "同比下降"),
    # a 等-list before the number names members of the noun after it
    ("会同公安、市场监管、交通等9个部门开展联合检查。", "9个", 9, "个", "exact", "count", "部门"),
    ("整理违章停车、占道摆摊等17项执法事项下放街道。", "17项", 17, "项", "exact", "count",
     "执法事项"),
    ("完成《物业管理办法》《停车管理办法》等6部规章的清理工作。", "6部", 6, "部", "exact", "count",
     "规章"),
    # a stretch that starts inside a long title starts after it, without the 等 it leaves
    ("学习《关于进一步加强新时代湖滨县基层法治建设和推进乡村社会治理体系现代化的实施意见》"
     "等法律法规8部。", "8部", 8, "部", "exact", "count", "法律法规"),
    # the noun after the number ends at a coverb phrase, 组成/细化, 也/还, or a relative clause
    ("派出律师到8个小区对物业人员进行法律培训。", "8个", 8, "个", "exact", "count", "小区"),
    ("由5名专职调解员组成的调解团队。", "5名", 5, "名", "exact", "count", "专职调解员"),
    ("把30项工作要求细化为72条措施。", "30项", 30, "项", "exact", "count", "工作要求"),
    ("全乡7个村也都设立了调解室。", "7个", 7, "个", "exact", "count", "村"),
    ("向12个单位印发的19份建议书全部反馈。", "12个", 12, "个", "exact", "count", "单位"),
    # a light verb without an object: the label of the figure or clause before
    ("全年在机关举办法律讲座4场，深入企业举办3场。", "3场", 3, "场", "exact", "count",
     "举办法律讲座"),
    ("组织干部开展民法典专题学习，全年共开展15次，", "15次", 15, "次", "exact", "count",
     "开展民法典专题学习"),
    # 由…减到…: a second figure of the same thing; 由 is no part of the label
    ("保留的许可事项由310项减到246项。", "246项", 246, "项", "exact", "count", "保留的许可事项"),
    ("保留的许可事项由310项减到246项。", "310项", 310, "项", "exact", "count", "保留的许可事项"),
    # an adverbial ended by 等形式/等方式, or opened by 对照/以
    ("通过周例会、专题党课等方式学习宪法和监察法9次。", "9次", 9, "次", "exact", "count",
     "学习宪法和监察法"),
    ("对照省级目录清理行政规范性文件41件。", "41件", 41, "件", "exact", "count",
     "清理行政规范性文件"),
    # a subject ending in 机构/组织 goes, even before a verb without object
    ("乡村两级调解组织化解邻里纠纷57起。", "57起", 57, "起", "exact", "count", "化解邻里纠纷"),
    ("县复议机构通过听证方式结案11件。", "11件", 11, "件", "exact", "count", "通过听证方式结案"),
    # words that look like trims but are not: 约谈, 集中学习, 案由; 的 and 等 left at an edge
    ("约谈企业负责人6名。", "6名", 6, "名", "exact", "count", "约谈企业负责人"),
    ("组织党员开展集中学习11次。", "11次", 11, "次", "exact", "count", "开展集中学习"),
    ("上级交办的仅2件。", "2件", 2, "件", "exact", "count", "上级交办"),
    ("该中心已累计接待来访群众860人次。", "860人次", 860, "人次", "exact", "count",
     "接待来访群众"),
    # words of reaching before a rate (实现, 高达) go; 为 goes, but not from 行为
    ("案卷评查合格率实现100%。", "100%", 100, "%", "exact", "rate", "案卷评查合格率"),
    ("复议纠错率高达31.5%。", "31.5%", 31.5, "%", "exact", "rate", "复议纠错率"),
    ("撤销原具体行政行为3件。", "3件", 3, "件", "exact", "count", "撤销原具体行政行为"),
    # 新收/审结/报告 are verbs: the subject before them goes
    ("全市两级法院新收行政案件318件。", "318件", 318, "件", "exact", "count", "新收行政案件"),
    ("向县人大常委会报告工作5项。", "5项", 5, "项", "exact", "count", "报告工作"),
    # 分别 pairs a list of items with as many figures, in turn (each its own item)
    ("办理提案和建议分别为15件和22件。", "22件", 22, "件", "exact", "count", "建议"),
    ("办理提案和建议分别为15件和22件。", "15件", 15, "件", "exact", "count", "办理提案"),
    ("纠纷受理率和调解成功率分别达到98.5%和96%。", "96%", 96, "%", "exact", "rate",
     "调解成功率"),
    ("纠纷受理率和调解成功率分别达到98.5%和96%。", "98.5%", 98.5, "%", "exact", "rate",
     "纠纷受理率"),
    ("行政复议、行政诉讼案件分别为5件、3件。", "3件", 3, "件", "exact", "count",
     "行政诉讼案件"),
    # …but two figures of one thing after 分别 keep one label when the items do not match
    ("受理和办结分别为12件。", "12件", 12, "件", "exact", "count", "受理和办结"),
    # after the noun that follows a number, a subject's head noun then a main verb (or 达到,
    # 充实) opens its predicate; a verb alone is no such noun (100%出庭应诉)
    ("今年全县8个司法所达到省级规范化标准。", "8个", 8, "个", "exact", "count", "司法所"),
    ("全县共有12个乡镇建立调解委员会。", "12个", 12, "个", "exact", "count", "乡镇"),
    ("招录6名网格员充实社区力量。", "6名", 6, "名", "exact", "count", "网格员"),
    ("新设3个乡镇调处中心。", "3个", 3, "个", "exact", "count", "乡镇调处中心"),
    # …and not inside a locative (在N个X设立Y: what was set up there stays in the label)
    ("在8个社区设立法律服务点。", "8个", 8, "个", "exact", "count", "社区设立法律服务点"),
    # …but after an agent marker (由/被/经) the noun runs on into its predicate
    ("应诉案件6件，其中5件由分管领导出庭应诉。", "5件", 5, "件", "exact", "count",
     "由分管领导出庭应诉"),
    # 居 after 村/社/民 is part of a noun, not 居 of a rank (居全省第三)
    ("全区520个村居和86个企业调委会开展排查。", "520个", 520, "个", "exact", "count", "村居"),
    # 为 + a group (群体) before the verb is an adverbial: the verb and object are the label
    ("为老人、妇女等困难群体提供法律援助120件。", "120件", 120, "件", "exact", "count",
     "提供法律援助"),
    # 由 + the agents (a list) is an adverbial: the verb and object nearest the number
    ("由司法所、派出所、综治中心联合调处纠纷12件。", "12件", 12, "件", "exact", "count",
     "调处纠纷"),
    ("由律师事务所为企业提供法律体检36次。", "36次", 36, "次", "exact", "count", "提供法律体检"),
    # 给予 is a main verb; 企业 ends a subject
    ("执法大队对违规企业给予行政处罚12件。", "12件", 12, "件", "exact", "count", "给予行政处罚"),
    ("辖区企业签订劳动合同3200份。", "3200份", 3200, "份", "exact", "count", "签订劳动合同"),
    # a noun alone before 的 keeps the head after it (a clause before 的 does not)
    ("全县28个法院的法律援助工作站已建成。", "28个", 28, "个", "exact", "count",
     "法院的法律援助工作站"),
    # a stretch that starts inside the first of several titles starts after it
    ("组织机关干部学习《中华人民共和国安全生产法》《中华人民共和国反电信网络诈骗法》"
     "《湖滨县物业管理规定》等内容十余项。", "十余项", 10, "项", "more_than", "count",
     "《湖滨县物业管理规定》等内容"),
    # a quoted name after the number, digits and all
    ("辖区内共有36台“24小时自助法律服务终端”。", "36台", 36, "台", "exact", "count",
     "“24小时自助法律服务终端”"),
    # a place or body as the subject is no part of the label (the entities step names it)
    ("湖滨街道持有执法证人员42人。", "42人", 42, "人", "exact", "count", "持有执法证人员"),
    # a verb before 会 is part of a noun (学习会, 推进会)
    ("召开局务会9次、党组中心组学习会6次。", "6次", 6, "次", "exact", "count",
     "党组中心组学习会"),
    # the noun after the number ends at 赴/前往; 在 and 中 are trimmed at the end
    ("选派18名同志赴省城参加培训。", "18名", 18, "名", "exact", "count", "同志"),
    ("年度网络学习时长在40学时以上。", "40学时以上", 40, "学时", "more_than", "measure",
     "年度网络学习时长"),
    ("全县2600件行政处罚案件中，有12件被复议。", "2600件", 2600, "件", "exact", "count",
     "行政处罚案件"),
    # N起X案件的Y: the cases were counted, not what follows 的
    ("通报了3起违规收费案件的处理结果。", "3起", 3, "起", "exact", "count", "违规收费案件"),
    # a subject, then a manner adverb opens the predicate even without a verb of the lexicon
    ("县监察机构主动检查用人单位1200户。", "1200户", 1200, "户", "exact", "count",
     "检查用人单位"),
    # a causative verb's object ends at 补缴/缴纳
    ("督促56户用人单位补缴社会保险费。", "56户", 56, "户", "exact", "count", "用人单位"),
    # 共享 is no 共 + 享; a two-character head after 的 says too little alone
    ("新增共享律师2人。", "2人", 2, "人", "exact", "count", "新增共享律师"),
    ("出台优化营商环境的意见等3项。", "3项", 3, "项", "exact", "count", "出台优化营商环境的意见"),
    # a subject, then 投入/出动; a subject, then a verb that needs the noun after the number
    ("各级政府及相关部门投入执法人员2.2万人次。", "2.2万人次", 22000, "人次", "exact", "count",
     "投入执法人员"),
    ("县综合执法大队布置4个中队轮流巡查。", "4个", 4, "个", "exact", "count", "中队"),
    # 控制在 before a bound
    ("各路段超限车辆全部控制在3%以下。", "3%以下", 3, "%", "less_than", "rate", "各路段超限车辆"),
    # 在编/在职 after a number open a noun; 、 ends a list item after the number
    ("各科室均配备2名在编人员担任联络员。", "2名", 2, "名", "exact", "count", "在编人员"),
    ("建成2千米法治步道、法治书屋。", "2千米", 2, "千米", "exact", "measure", "法治步道"),
    # people after a causative verb who 通过 something: what they did was counted
    ("组织9名执法人员通过资格考试。", "9名", 9, "名", "exact", "count", "通过资格考试"),
    # 镇党委会 is a meeting, not 镇党委 + 会
    ("镇党委会研究法治工作5次。", "5次", 5, "次", "exact", "count", "研究法治工作"),
    # a rounded magnitude after a qualifier
    ("张贴各类海报近千张。", "近千张", 1000, "张", "approx", "count", "张贴各类海报"),
    # a school or kindergarten after the number is a subject: its verb opens the predicate,
    # a short aside after it stays with the noun
    ("督促全市45所中学完善安全管理制度。", "45所", 45, "所", "exact", "count", "中学"),
    ("推动全县30所学校建立法治教育档案。", "30所", 30, "所", "exact", "count", "学校"),
    ("帮助12家幼儿园(托育机构)修订收费规则。", "12家", 12, "家", "exact", "count",
     "幼儿园(托育机构)"),
    # after 为/给 right before the number (for whom), what was provided stays in the label
    ("为15个村（居）配备法律顾问。", "15个", 15, "个", "exact", "count", "村（居）配备法律顾问"),
    # 共计 after a subject is cut whole (not 共 alone)
    ("各普法志愿服务队共计开展送法活动50余场。", "50余场", 50, "场", "more_than", "count",
     "开展送法活动"),
    # an aside right before the number ends the object; a numeral in brackets is a marker
    ("全镇设立调解室(站)18个。", "18个", 18, "个", "exact", "count", "设立调解室(站)"),
    # a locative 在… before the verb is an adverbial: the verb and object are the label
    ("在村部及广场显眼位置张贴法治标语260条。", "260条", 260, "条", "exact", "count",
     "张贴法治标语"),
    # the noun after the number ends at its head noun when a verb phrase the lexicon lacks
    # follows (a compound that ends in a head noun or a document is kept whole)
    ("查处5家商户超范围经营行为。", "5家", 5, "家", "exact", "count", "商户"),
    # after 对 the phrase stays whole: what was done to them is read from it
    ("对5家商户超范围经营行为作出警告。", "5家", 5, "家", "exact", "count",
     "商户超范围经营行为作出警告"),
    ("约谈6家物业企业违规收费行为。", "6家", 6, "家", "exact", "count", "物业企业"),
    ("全镇有4人考取调解员证书。", "4人", 4, "人", "exact", "count", "考取调解员证书"),
    # a distributive list: a bare modifier's count takes the head noun of the last item
    ("全县已建成2个省级、3个市级、6个县级法治宣传教育基地。", "2个", 2, "个", "exact", "count",
     "法治宣传教育基地"),
    ("全县已建成2个省级、3个市级、6个县级法治宣传教育基地。", "6个", 6, "个", "exact", "count",
     "县级法治宣传教育基地"),
    # N个方面M项X: a one-word noun before the next figure; both count the items' noun
    ("对承担的6个方面20项改革任务进行分解。", "6个", 6, "个", "exact", "count", "改革任务"),
    # …but units and people are two things counted
    ("全县36个单位52名负责人参加述法。", "36个", 36, "个", "exact", "count", "单位"),
    # a long rate name starts after the last verb that says nothing alone
    ("依托省级平台实现企业开办事项全程网办率100%。", "100%", 100, "%", "exact", "rate",
     "企业开办事项全程网办率"),
    # a list inside quotes is one name, not a list to take the last item of
    ("联合县检察院举办“法治进校园、法治进社区、法治进企业”等活动12场。", "12场", 12, "场",
     "exact", "count", "举办“法治进校园、法治进社区、法治进企业”等活动"),
    # a light verb whose object is not there: the verb phrase before it is the label
    ("普法志愿者走进社区开展3场次。", "3场次", 3, "场次", "exact", "count", "走进社区"),
    # a list of people after a number that counts people is what was counted
    ("组织全镇60名村干部、网格员参加法治考试。", "60名", 60, "名", "exact", "count",
     "村干部、网格员"),
    ("邀请12名人大代表、政协委员参加旁听。", "12名", 12, "名", "exact", "count",
     "人大代表、政协委员"),
    # a frequency (每村每月) leads the clause and is left out
    ("每村每月开展法治夜校2期。", "2期", 2, "期", "exact", "count", "开展法治夜校"),
]


@pytest.mark.parametrize(("text", "quantity", "value", "unit", "qualifier", "kind", "label"),
                         CLASSES, ids=[row[0] for row in CLASSES])
def test_label_classes(nlp_char: Language, text: str, quantity: str, value: float, unit: str,
                       qualifier: str, kind: str, label: str) -> None:
    assert read(nlp_char, text, quantity) == [(value, unit, qualifier, kind, label)]


def test_one_change_shared_by_two_subjects_is_two_records(nlp_char: Language) -> None:
    text = "立案数、罚没金额同比均增长9%。"
    assert read(nlp_char, text, "9%") == [(9, "%", "exact", "change", "立案数"),
                                         (9, "%", "exact", "change", "罚没金额")]


def test_a_double_hundred_percent_is_two_records(nlp_char: Language) -> None:
    text = "执法案卷合格率、群众满意率双100%。"
    assert read(nlp_char, text, "100%") == [(100, "%", "exact", "rate", "执法案卷合格率"),
                                           (100, "%", "exact", "rate", "群众满意率")]


def test_a_share_word_without_a_figure_before_takes_the_clause_before(
        nlp_char: Language) -> None:
    text = "组织村干部参加法治培训，覆盖260余人次。"
    assert read(nlp_char, text, "260余人次") == [(260, "人次", "more_than", "count", "法治培训")]


def test_a_long_list_of_rate_names_is_one_record_each(nlp_char: Language) -> None:
    text = "实现应用信用规则率、应用掌上执法率、跨部门监管率、任务完成率均达100%。"
    assert [row[4] for row in read(nlp_char, text, "100%")] == [
        "应用信用规则率", "应用掌上执法率", "跨部门监管率", "任务完成率"]


def test_one_rate_shared_by_two_subjects_keeps_its_kind(nlp_char: Language) -> None:
    text = "受理率和办结率均达100%。"
    assert read(nlp_char, text, "100%") == [(100, "%", "exact", "rate", "受理率"),
                                           (100, "%", "exact", "rate", "办结率")]


@pytest.mark.parametrize(("text", "zero", "labels"), [
    ("全年未发生群体性上访、越级上访等情况。", "未发生群体性上访、越级上访等情况",
     ["群体性上访、越级上访"]),
    ("严格审查镇级规范性文件，经查，未发现违规的此类文件。", "未发现违规的此类文件",
     ["镇级规范性文件"]),
    ("全年行政应诉均无败诉。", "无败诉", ["败诉"]),
    ("实现安全生产零事故。", "零事故", ["事故"]),
    ("全年无一起因拆迁补偿引起群体性事件。", "无一起因拆迁补偿引起群体性事件", ["群体性事件"]),
    ("年内未新制定行政规范性文件。", "未新制定行政规范性文件", ["行政规范性文件"]),
])
def test_implicit_zero_labels(nlp_char: Language, text: str, zero: str,
                              labels: list[str]) -> None:
    assert read(nlp_char, text, zero) == [(0, "", "exact", "count", label) for label in labels]


def test_char_and_pkuseg_read_the_same_records(nlp: Language, nlp_char: Language) -> None:
    text = "".join(row[0] for row in CLASSES) \
        + "立案数、罚没金额同比均增长9%。全年未发生群体性上访等情况。"

    def records(pipeline: Language) -> list[tuple[object, ...]]:
        return [(r.start, r.end, r.value, r.unit, r.kind, r.qualifier, r.label)
                for r in report_of(pipeline, text).records]
    assert records(nlp) == records(nlp_char)


def test_grammar_lexicons_come_from_the_pattern_file() -> None:
    cues = load_patterns().of("label_cue", LabelCuePattern)
    by_role: dict[str, list[str]] = {}
    for cue in cues:
        by_role.setdefault(cue.role, []).extend(cue.alternatives())
    text = "镇党委会议研究法治议题"
    assert ClauseGrammar(by_role).head(text, 0, len(text)) == (5, len(text))
    del by_role["subject_head"]
    assert ClauseGrammar(by_role).head(text, 0, len(text)) == (0, len(text))


def test_a_list_before_du_with_a_verb_of_its_own_is_no_shared_figure(nlp_char: Language) -> None:
    text = "律师和调解员都参与调解纠纷12次。"
    assert read(nlp_char, text, "12次") == [(12, "次", "exact", "count", "参与调解纠纷")]


def test_people_as_an_object_keep_the_noun(nlp_char: Language) -> None:
    text = "选派3名律师担任村法律顾问。"
    assert read(nlp_char, text, "3名") == [(3, "名", "exact", "count", "律师")]
