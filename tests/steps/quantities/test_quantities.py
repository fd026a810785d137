"""Finding quantities (lawgov_ie.steps.quantities.reader and the quantities component).

Every sentence here is written for these tests from the annotation guideline; the seed report
comes from corpus/raw. A row says what the reader must find: (text, value, unit, kind, qualifier).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from quantity_rows import Row, rows
from spacy.language import Language

import lawgov_ie
from lawgov_ie.rules.backtracking import find_runaway
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.quantities.reader import QuantityReader

FOUND: list[tuple[str, list[Row]]] = [
    # Arabic, full-width, thousands separators, decimals
    ("调处矛盾纠纷444起，成功率100%。",
     [("444起", 444, "起", "count", "exact"), ("100%", 100, "%", "rate", "exact")]),
    ("受理案件１２３件，办结率９８．５％。",
     [("１２３件", 123, "件", "count", "exact"), ("９８．５％", 98.5, "%", "rate", "exact")]),
    ("接待群众1,234人次。", [("1,234人次", 1234, "人次", "count", "exact")]),
    # Chinese numerals
    ("办理行政复议案件十二件。", [("十二件", 12, "件", "count", "exact")]),
    ("培训干部一千一百人次。", [("一千一百人次", 1100, "人次", "count", "exact")]),
    ("收到群众来信三千二百余封。", [("三千二百余封", 3200, "封", "count", "more_than")]),
    ("全年召开两次专题会议。", [("两次", 2, "次", "count", "exact")]),
    ("开展培训十余场。", [("十余场", 10, "场", "count", "more_than")]),
    ("接待来访百余人。", [("百余人", 100, "人", "count", "more_than")]),
    # magnitudes folded into the value; money in 元
    ("覆盖群众1.2万人次。", [("1.2万人次", 12000, "人次", "count", "exact")]),
    ("惠及两万余人。", [("两万余人", 20000, "人", "count", "more_than")]),
    ("覆盖群众6万余人次。", [("6万余人次", 60000, "人次", "count", "more_than")]),
    ("投入资金50万元。", [("50万元", 500000, "元", "money", "exact")]),
    ("罚没款共738.215万元。", [("738.215万元", 7382150, "元", "money", "exact")]),
    ("总投资3.5亿元。", [("3.5亿元", 350000000, "元", "money", "exact")]),
    ("补助10余万元。", [("10余万元", 100000, "元", "money", "more_than")]),
    ("经费两千元。", [("两千元", 2000, "元", "money", "exact")]),
    ("投入资金12.5万元用于开展活动。", [("12.5万元", 125000, "元", "money", "exact")]),
    ("开展线上十余场活动，参训人数十二人。",
     [("十余场", 10, "场", "count", "more_than"), ("十二人", 12, "人", "count", "exact")]),
    # percentages in words
    ("满意率达百分之九十五。", [("百分之九十五", 95, "%", "rate", "exact")]),
    ("实现百分之百覆盖。", [("百分之百", 100, "%", "rate", "exact")]),
    # qualifiers on both sides
    ("培训党员干部约1100人次。", [("约1100人次", 1100, "人次", "count", "approx")]),
    ("参与人数近500人。", [("近500人", 500, "人", "count", "approx")]),
    ("超过300家企业参与。", [("超过300家", 300, "家", "count", "more_than")]),
    ("逾200人到场。", [("逾200人", 200, "人", "count", "more_than")]),
    ("不足10人缺席。", [("不足10人", 10, "人", "count", "less_than")]),
    ("培训干部职工560多人次。", [("560多人次", 560, "人次", "count", "more_than")]),
    ("党员参学率96%以上。", [("96%以上", 96, "%", "rate", "more_than")]),
    ("参加人数100人左右。", [("100人左右", 100, "人", "count", "approx")]),
    ("办结时间3个工作日以内。", [("3个工作日以内", 3, "个工作日", "measure", "less_than")]),
    # spaces and line breaks inside a quantity
    ("组织法治专题讲座 2 次。", [("2 次", 2, "次", "count", "exact")]),
    ("发放宣传资料 18000 余份。", [("18000 余份", 18000, "份", "count", "more_than")]),
    ("其中线上办件\n\n347 件，延时服务 55 件。",
     [("347 件", 347, "件", "count", "exact"), ("55 件", 55, "件", "count", "exact")]),
    ("共调解纠纷 56\n起。", [("56\n起", 56, "起", "count", "exact")]),
    ("办理案件347\u200b件。", [("347\u200b件", 347, "件", "count", "exact")]),
    ("联合12部门开展执法。", [("12部门", 12, "部门", "count", "exact")]),
    # ranks
    ("综合考核排名全市第三。", [("第三", 3, "名", "rank", "exact")]),
    ("群众满意度位列全省前十名。", [("前十名", 10, "名", "rank", "less_than")]),
    ("取得全市第二名的好成绩。", [("第二名", 2, "名", "rank", "exact")]),
    ("群众满意度位居全区第一。", [("第一", 1, "名", "rank", "exact")]),
    # changes
    ("案件数量同比增长15%。", [("15%", 15, "%", "change", "exact")]),
    ("受理案件比上年减少3件。", [("3件", -3, "件", "change", "exact")]),
    ("纠错率下降2.1个百分点。", [("2.1个百分点", -2.1, "个百分点", "change", "exact")]),
    ("新增律师3名，较去年增加2名。",
     [("3名", 3, "名", "count", "exact"), ("2名", 2, "名", "change", "exact")]),
    # 一 that really counts
    ("全镇仅一名法律专业毕业人员。", [("一名", 1, "名", "count", "exact")]),
    # two quantities in one phrase
    ("开展普法宣传162次、14400人次。",
     [("162次", 162, "次", "count", "exact"), ("14400人次", 14400, "人次", "count", "exact")]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_every_phrasing_is_read(reader: QuantityReader, text: str, expected: list[Row]) -> None:
    assert rows(reader, text) == expected


NOT_RECORDS = [
    "2023年以来，我镇认真学习二十届三中全会精神。",
    "根据《某市法治政府建设实施纲要（2021—2025年）》要求，今年6月完成。",
    "某府办〔2024〕15号文件精神。",
    "“十四五”时期是关键时期。",
    "坚决做到“两个维护”，增强四个意识、坚定四个自信。",
    "全面落实行政执法三项制度，严格落实中央八项规定精神。",
    "推行“5+N”办事模式，实现1+3+X联动，做到5个办。",
    "落实一村一法律顾问制度，打造三所一庭一办联调机制，开展“六进”活动，推进三治融合。",
    "开展“12·4”国家宪法日、“3.8”妇女节和6.15安全生产日宣传活动。",
    "畅通12345政务服务便民热线、8890便民服务平台和24小时投诉热线。",
    "一、工作开展情况\n（一）加强组织领导\n1.健全机制。2、完善制度。",
    "一是强化学习，二是规范执法。第一，加强领导；第二，完善制度。",
    "党政主要负责人履行第一责任人职责。",
    "建设一支高素质队伍，评选一批诚信示范村，推行一站式服务，推进一体化平台。",
    "索引号：11350582003/2024-00012\n发布日期：2024-01-31 访问次数：356次",
    "为期6个月的专项整治行动，三个月内完成。",
    "第3次常务会议审议通过，列入第二批示范名单。",
    "打造15分钟法律服务圈，提供7×24小时在线服务。",
    "每万人拥有律师数量增加，千家万户受益。",
    "数十人参与，几十家企业入驻，上百人次受益。",
    "抽查第一季度案卷，全市第一家挂牌，位列全省第二批。",
    "报告正文\n\n- 3 -\n\n人民调解工作",
    "上一篇：某县开展法治宣传活动30场\n下一篇：某镇调解纠纷12起\n浏览：356次",
    "坚持四个转变，做到两个毫不动摇。",
]


@pytest.mark.parametrize("text", NOT_RECORDS)
def test_not_records_are_not_read(reader: QuantityReader, text: str) -> None:
    assert rows(reader, text) == []


@pytest.mark.parametrize(("text", "zero"), [
    ("全年未发布规范性文件。", "未发布规范性文件"),
    ("没有因行政执法行为引发的行政复议、行政诉讼的案件。",
     "没有因行政执法行为引发的行政复议、行政诉讼的案件"),
    ("全年无发生重大安全事故。", "无发生重大安全事故"),
    ("经查，未发现本单位存在此类文件。", "未发现本单位存在此类文件"),
    ("全年未收到群众投诉。", "未收到群众投诉"),
])
def test_implicit_zeros(reader: QuantityReader, text: str, zero: str) -> None:
    (found,) = [q for q in reader.read(text) if q.implicit]
    assert (found.text, found.value, found.unit, found.kind) == (zero, 0, "", "count")
    assert text[found.start:found.end] == zero


@pytest.mark.parametrize("text", ["推进无纸化办公，建设无证明城市。", "加强未成年人保护案件办理。",
                                  "对未按期整改的问题进行通报。"])
def test_no_implicit_zero_without_a_negated_fact(reader: QuantityReader, text: str) -> None:
    assert reader.read(text) == []


def test_rules_come_from_pattern_files(reader: QuantityReader, tmp_path: Path) -> None:
    text = "建设一支高素质队伍，种植行道树300棵。"
    assert rows(reader, text) == []
    user = tmp_path / "mine.jsonl"
    user.write_text(
        json.dumps({"kind": "unit", "id": "棵", "unit": "棵"}) + "\n"
        + json.dumps({"kind": "not_record", "id": "article-one", "disabled": True}) + "\n",
        encoding="utf-8")
    extended = QuantityReader.from_patterns(load_patterns([user]))
    assert rows(extended, text) == [("一支", 1, "支", "count", "exact"),
                                    ("300棵", 300, "棵", "count", "exact")]


def test_scanner_cannot_backtrack_without_end(reader: QuantityReader) -> None:
    assert find_runaway(reader.scanner.pattern) is None


_SCANNED = QuantityReader.from_patterns(load_patterns()).scanner
_AS_REGEX = regex.compile(_SCANNED.pattern)  # the ``regex`` module reading the same expression
_SCAN_PIECES = st.sampled_from([
    "1", "２", "3.5", ",000", "一", "十", "两", "百", "千", "万", "亿", "第", "前", "百分之", "近",
    "最近", "超过", "逾", "将近", "余", "多", "以上", "左右", "件", "人次", "元", "%", "％", "名",
    "个百分点", " ", "\u3000", "\n", "\t", "\x1c", "\x1f", "\x85", "\u2028", "\u200b",
    "\ufeff", "\xa0", "A", "-", "，", "。", "的"])


@settings(max_examples=400)
@given(st.lists(_SCAN_PIECES, max_size=30))
@example(["1", "\x1c", "件"])
@example(["近", "千", "\x85", "\u2028", "人次"])
@example(["最近", "千", "人次", "超过", "百", "余", "元"])
def test_the_scanner_finds_under_re_what_regex_finds(pieces: list[str]) -> None:
    """The scanner runs on the standard library's ``re``; ``regex`` reads its expression the
    same way (spaces: ``re``'s \\s would take \\x1c–\\x1f too, so they are spelled out)."""
    text = "".join(pieces)
    found = [(m.span(), m.groups()) for m in _SCANNED.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in _AS_REGEX.finditer(text)]
    for start in range(len(text)):  # a match from inside the text (a number after 前)
        one, other = _SCANNED.match(text, start), _AS_REGEX.match(text, start)
        assert (one and (one.span(), one.groups())) == (other and (other.span(), other.groups()))


@pytest.mark.parametrize("text", [
    "1" * 20000, "１２" * 5000 + "件", "余" * 5000, "百分之" * 3000, " \n" * 5000 + "3件",
    "一二三四五六七八九十百千万亿" * 1000, "约" * 3000 + "3人", "第" * 5000,
    "《" + "3件" * 3000, "“" * 3000 + "3人",
])
def test_hostile_text_is_read_without_error(reader: QuantityReader, text: str) -> None:
    for q in reader.read(text):
        assert text[q.start:q.end] == q.text


fragments = st.sampled_from([
    "开展普法宣传", "162次", "、", "14400 人次", "，", "。", "\n", "\n\n", " ", "约", "余",
    "１２件", "百分之九十五", "全市第三", "同比增长6.3%", "2024年", "《办法》", "一支队伍", "万",
    "未发布规范性文件", "3.5亿元", "\u3000",
])


@settings(max_examples=200)
@given(st.lists(fragments, max_size=30))
def test_offsets_always_point_into_the_input(parts: list[str]) -> None:
    text = "".join(parts)
    found = _READER.read(text)
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.start < q.end
    assert [q.start for q in found] == sorted(q.start for q in found)


_READER = QuantityReader.from_patterns(load_patterns())


def test_a_non_string_is_a_type_error(reader: QuantityReader) -> None:
    with pytest.raises(TypeError, match="bytes"):
        reader.read("3件".encode())  # type: ignore[arg-type]


# -- through the pipeline --------------------------------------------------------------------

def test_seed_report_quantities(yinglin_text: str) -> None:
    report = lawgov_ie.extract(yinglin_text)
    found = [(r.value, r.unit) for r in report.records]
    for expected in [(444, "起"), (139, "起"), (305, "起"), (19087, "人")]:
        assert expected in found
    assert found.count((100, "%")) >= 2
    for record in report.records:
        assert yinglin_text[record.start:record.end] == record.text
    rank = [r for r in report.records if r.kind == "rank"]
    assert [(r.text, r.value, r.unit) for r in rank] == [("第三", 3, "名")]
    zeros = [r for r in report.records if r.implicit]
    assert zeros and all(r.value == 0 and r.unit == "" for r in zeros)


PARAGRAPH = ("全年共开展集中法治宣传活动 12 场次，发放宣传资料 18000 余份，"
             "解答群众法律咨询 262 人次；受理案件１２３件，同比增长6.3%，"
             "罚没款738.215万元，综合考核排名全市第三，"
             "未发布规范性文件。")


def _quantities(nlp: Language, text: str) -> list[tuple[int, int, str, float, str, str, str]]:
    doc = nlp(text)
    return [(r.start, r.end, r.text, r.value, r.unit, r.kind, r.qualifier)
            for r in doc._.lawgov_records]


def test_both_segmenters_find_the_same_quantities(nlp: Language, nlp_char: Language) -> None:
    words = _quantities(nlp, PARAGRAPH)
    chars = _quantities(nlp_char, PARAGRAPH)
    assert words == chars
    assert [q[2] for q in words] == ["12 场次", "18000 余份", "262 人次", "１２３件", "6.3%",
                                     "738.215万元", "第三", "未发布规范性文件"]


def test_quantity_spans_on_the_doc(nlp_char: Language) -> None:
    doc = nlp_char(PARAGRAPH)
    assert {span.text for span in doc.spans["quantities"]} == {
        r.text for r in doc._.lawgov_records}
