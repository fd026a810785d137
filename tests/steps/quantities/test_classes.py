"""Classes of phrasing the first devset did not show (issue 24), one sentence of our own each.

A row says what the reader must find: (text, value, unit, kind, qualifier); offsets are checked
against the input for every record.
"""

from __future__ import annotations

import pytest
from quantity_rows import Row, rows

from lawgov_ie.steps.quantities.reader import Quantity, QuantityReader


def found(reader: QuantityReader, text: str) -> list[Quantity]:
    quantities = reader.read(text)
    for q in quantities:
        assert text[q.start:q.end] == q.text
    return quantities


# --- ordinals of sessions, bodies that issue documents, fixed names --------------------------

@pytest.mark.parametrize("text", [
    "传达学习市委六届三次、四次全会精神。",
    "认真贯彻县委十二届五次全会部署。",
    "深入学习区第七次党代会报告。",
    "市人大常委会十五届六次会议审议通过。",
    "学习贯彻州委九届二次全体会议精神。",
    "落实国家九部委联合印发的意见。",
    "省十二部门联合开展专项行动。",
    "四套班子成员带头述法。",
    "办理市四届人大三次会议代表建议。",
    "此项工作十分重要。",
    "约占三分之一。",
    "两套班子主要负责人参加培训。",
    "坚持每周四组织集中学习。",
    "逢星期三开放法律咨询窗口。",
    "以每季度1次的频次开展督查。",
    "每半年至少召开2次专题会议。",
    "按每月1次频次开展研判。",
    "做到发现一起、处置一起、办结一起。",
    "推行一企一策、一户一档。",
])
def test_no_record_from_ordinals_and_fixed_names(reader: QuantityReader, text: str) -> None:
    assert rows(reader, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a bound inside a modifier is a threshold: what it modifies was counted
    ("查处载重超过55吨的货运车辆31辆。", [("31辆", 31, "辆", "count", "exact")]),
    ("办理罚款5000元以上的案件12件。", [("12件", 12, "件", "count", "exact")]),
    ("排查不足10人的小微企业8家。", [("8家", 8, "家", "count", "exact")]),
    # a schedule of hours a day is no duration
    ("执法中队每天24小时轮流值守，巡查路段6条。", [("6条", 6, "条", "count", "exact")]),
    # …but a bound that is itself the result, or a length before 的, is still read
    ("罚没款超过5万元。", [("超过5万元", 50000, "元", "money", "more_than")]),
    ("新建长260米的法治长廊。", [("260米", 260, "米", "measure", "exact")]),
])
def test_a_bound_inside_a_modifier_is_no_record(reader: QuantityReader, text: str,
                                                expected: list[Row]) -> None:
    assert rows(reader, text) == expected


def test_a_real_count_of_sessions_or_meetings_is_still_read(reader: QuantityReader) -> None:
    assert rows(reader, "召开党委会议研究法治工作5次，每周三次开展巡查。") == [
        ("5次", 5, "次", "count", "exact"), ("三次", 3, "次", "count", "exact")]


# --- compound and rarer units; a unit across a space or a line break --------------------------

UNITS: list[tuple[str, list[Row]]] = [
    ("检查运输车辆860辆次。", [("860辆次", 860, "辆次", "count", "exact")]),
    ("建成3千米滨河法治步道。", [("3千米", 3, "千米", "measure", "exact")]),
    ("新建长260米的法治长廊。", [("260米", 260, "米", "measure", "exact")]),
    ("投入执法力量420人天。", [("420人天", 420, "人天", "measure", "exact")]),
    ("入户走访3.2万户。", [("3.2万户", 32000, "户", "count", "exact")]),
    ("梳理常见纠纷9类。", [("9类", 9, "类", "count", "exact")]),
    ("走进中小学校14所。", [("14所", 14, "所", "count", "exact")]),
    ("抽检食品样品35批次。", [("35批次", 35, "批次", "count", "exact")]),
    ("开展联合巡查16架次。", [("16架次", 16, "架次", "count", "exact")]),
    ("评查行政执法案卷140卷。", [("140卷", 140, "卷", "count", "exact")]),
    ("查扣过期药品85盒。", [("85盒", 85, "盒", "count", "exact")]),
    ("考试平均得分92.5分。", [("92.5分", 92.5, "分", "measure", "exact")]),
    ("提出4方面15条举措。",
     [("4方面", 4, "方面", "count", "exact"), ("15条", 15, "条", "count", "exact")]),
    ("办理案件 27\n件，其中简易程序 9 \n 件。",
     [("27\n件", 27, "件", "count", "exact"), ("9 \n 件", 9, "件", "count", "exact")]),
    ("发放手册 1200\r\n份。", [("1200\r\n份", 1200, "份", "count", "exact")]),
    ("印发指引 36 \r\n  册。", [("36 \r\n  册", 36, "册", "count", "exact")]),
]


# --- Chinese numerals with magnitudes and qualifiers -----------------------------------------

NUMERALS: list[tuple[str, list[Row]]] = [
    ("服务市场主体突破三千户。", [("突破三千户", 3000, "户", "count", "more_than")]),
    ("受理行政复议申请一件。", [("一件", 1, "件", "count", "exact")]),
    ("举办专题讲座两场，", [("两场", 2, "场", "count", "exact")]),
    ("抽检农产品二十余批次。", [("二十余批次", 20, "批次", "count", "more_than")]),
    ("开展夜间巡查四十余次。", [("四十余次", 40, "次", "count", "more_than")]),
    ("惠及群众不少于五千人。", [("不少于五千人", 5000, "人", "count", "more_than")]),
    ("办理时限不超过三个工作日。", [("不超过三个工作日", 3, "个工作日", "measure", "less_than")]),
    ("共收到建议一百零五条。", [("一百零五条", 105, "条", "count", "exact")]),
    ("指导修订村规民约6项。", [("6项", 6, "项", "count", "exact")]),
    ("发放倡议书逾万份。", [("逾万份", 10000, "份", "count", "more_than")]),
    ("接受咨询近百人次。", [("近百人次", 100, "人次", "count", "approx")]),
    ("就近设置服务点15处，惠及近500人。",
     [("15处", 15, "处", "count", "exact"), ("近500人", 500, "人", "count", "approx")]),
]


@pytest.mark.parametrize("text", ["打造一本台账。", "张贴一封公开信、一张海报。", "建立一套机制。"])
def test_one_as_an_article_is_no_count(reader: QuantityReader, text: str) -> None:
    assert rows(reader, text) == []


# --- traditional script ----------------------------------------------------------------------

TRADITIONAL: list[tuple[str, list[Row]]] = [
    ("設立調解室12個。", [("12個", 12, "个", "count", "exact")]),
    ("清理規章36項。", [("36項", 36, "项", "count", "exact")]),
    ("舉辦講座兩場。", [("兩場", 2, "场", "count", "exact")]),
    ("覆蓋2.5萬人次。", [("2.5萬人次", 25000, "人次", "count", "exact")]),
    ("涉案金額1.2億元。", [("1.2億元", 120000000, "元", "money", "exact")]),
    ("受理案件四十五件。", [("四十五件", 45, "件", "count", "exact")]),
    ("發放資料三萬份。", [("三萬份", 30000, "份", "count", "exact")]),
    ("辦結率較上年提高2.5個百分點。", [("2.5個百分點", 2.5, "个百分点", "change", "exact")]),
]


# --- signed changes --------------------------------------------------------------------------

CHANGES: list[tuple[str, list[Row]]] = [
    ("信访总量同比下降12.4%。", [("12.4%", -12.4, "%", "change", "exact")]),
    ("行政诉讼案件比上年减少6件。", [("6件", -6, "件", "change", "exact")]),
    ("审批时限压缩超50%。", [("超50%", -50, "%", "change", "more_than")]),
    ("平均办理时间缩短了40%。", [("40%", -40, "%", "change", "exact")]),
    ("败诉率回落1.5个百分点。", [("1.5个百分点", -1.5, "个百分点", "change", "exact")]),
    ("办件量同比增长8%。", [("8%", 8, "%", "change", "exact")]),
    ("纠错率较去年降低百分之三。", [("百分之三", -3, "%", "change", "exact")]),
    ("调解成功率下降至91%。", [("91%", 91, "%", "rate", "exact")]),
    ("压减审批时限60%以上。", [("60%以上", -60, "%", "change", "more_than")]),
    ("精简申报材料30%。", [("30%", -30, "%", "change", "exact")]),
    ("收案数、结案数同比分别下降12%、8.5%。",
     [("12%", -12, "%", "change", "exact"), ("8.5%", -8.5, "%", "change", "exact")]),
    ("受理量同比增长5%，满意率98%。",
     [("5%", 5, "%", "change", "exact"), ("98%", 98, "%", "rate", "exact")]),
]


@pytest.mark.parametrize(("text", "expected"), [*UNITS, *NUMERALS, *TRADITIONAL, *CHANGES],
                         ids=[text for text, _ in [*UNITS, *NUMERALS, *TRADITIONAL, *CHANGES]])
def test_each_class_is_read(reader: QuantityReader, text: str, expected: list[Row]) -> None:
    assert rows(reader, text) == expected


# --- implicit zeros --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "zero"), [
    ("全年未出现超期办理情况。", "未出现超期办理情况"),
    ("行政诉讼案件均无败诉。", "无败诉"),
    ("，无违规收费件。", "无违规收费件"),
    ("全年未发生因拆迁引发的群体性事件。", "未发生因拆迁引发的群体性事件"),
    ("连续三年实现安全生产零事故。", "零事故"),
    ("行政应诉零败诉。", "零败诉"),
    ("未发生群体性上访、越级上访、重大刑事案件等情况。",
     "未发生群体性上访、越级上访、重大刑事案件等情况"),
    ("经排查，未发现违规问题。", "未发现违规问题"),
    ("作出的复议决定均未被法院撤销或确认违法。", "均未被法院撤销或确认违法"),
    ("政务服务实现零差评。", "零差评"),
    ("全年未发生违法用地“以罚代管”。", "未发生违法用地“以罚代管”"),
    ("年内未新制定行政规范性文件。", "未新制定行政规范性文件"),
    ("全年无诉讼。", "无诉讼"),
    ("办结案件均未引发后续的行政诉讼。", "未引发后续的行政诉讼"),
])
def test_implicit_zeros_in_general_forms(reader: QuantityReader, text: str, zero: str) -> None:
    zeros = [q for q in found(reader, text) if q.implicit]
    assert [(q.text, q.value, q.unit, q.kind, q.qualifier) for q in zeros] \
        == [(zero, 0, "", "count", "exact")]


@pytest.mark.parametrize("text", [
    "推行无纸化审批，打造无证明城市。", "对未成年人开展法治教育。", "无法按期办结的及时说明。",
    "坚持零容忍惩治腐败。", "截至零点共受理申请。", "对未发生安全事故的企业给予奖励。",
    "无违法违规行为的企业免于检查。", "案件结构未发生明显变化。",
])
def test_no_zero_without_a_negated_fact(reader: QuantityReader, text: str) -> None:
    assert [q.text for q in found(reader, text) if q.implicit] == []
