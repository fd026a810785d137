"""Document facts: on the seed reports against their gold, and on text written here in the shape
of clean reports and of reports copied from government web pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawgov_ie.models import DocumentMeta
from lawgov_ie.steps.document_facts.bodies import place_of
from lawgov_ie.steps.document_facts.reader import MetaReader

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "corpus" / "gold"
READER = MetaReader()


def _gold_cases() -> list[tuple[str, dict[str, object], str]]:
    cases = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / gold["source"]).read_text(encoding="utf-8")
        cases.append((gold["id"], gold["meta"], text))
    return cases


@pytest.mark.parametrize(("doc_id", "gold", "text"), _gold_cases(),
                         ids=[case[0] for case in _gold_cases()])
def test_seed_reports_match_their_gold_facts(doc_id: str, gold: dict[str, object],
                                             text: str) -> None:
    meta = READER.read(text)
    assert meta.place == gold["place"]
    assert meta.year == gold["year"]
    assert meta.date == gold["date"]
    assert meta.doc_number == gold["doc_number"]
    if "issuer" in gold:
        assert meta.issuer == gold["issuer"]


def test_yinglin_header_and_signature(yinglin_text: str) -> None:
    meta = READER.read(yinglin_text)
    assert meta.recipients == ["中共晋江市委员会", "晋江市人民政府"]
    assert meta.cc == ["市委依法治市办"]
    assert meta.signers == ["李德铭", "柯荣国"]
    assert meta.admin_level == "镇"


WEB_PAGE = """首页 > 政务公开 > 法治政府建设年度报告
  • 索引号: 12345678X/2024-00012
  • 发布机构: 东山县人民政府办公室
  • 发文字号:
  • 发布日期:

    2024-02-20

东山县南溪镇人民政府关于2023年度法治政府建设情况的报告

发布时间: 2024-02-20 09:30 来源: 本网 访问次数:

2023年，南溪镇在县委、县政府的领导下，坚持以法治思想为指导，扎实推进依法行政，全年开展普法活动二十场，调处矛盾纠纷一百余起，现将有关情况报告如下：
一、主要工作
（一）加强组织领导。镇党委专题研究法治建设工作三次。
分享到： 微信 微博
"""


def test_web_page_navigation_and_fields_do_not_mislead() -> None:
    meta = READER.read(WEB_PAGE)
    assert meta.title == "东山县南溪镇人民政府关于2023年度法治政府建设情况的报告"
    assert meta.issuer == "东山县南溪镇人民政府"  # the title's body, not the page's 发布机构
    assert (meta.place, meta.admin_level) == ("南溪镇", "镇")
    assert meta.year == 2023  # not the 2024 of the page fields
    assert meta.date == "2024-02-20"  # from 发布日期, the report having no signature date
    assert meta.doc_number is None  # an empty 发文字号 field


def test_web_page_with_written_date_and_number_fields() -> None:
    text = ("| [ 索引号 ] | 0001/2025-00003 | [ 发文字号 ] | 北司发〔2025〕3号 |\n"
            "| [ 发布机构 ] | 北坡县司法局 | [ 成文日期 ] | 2025-01-08 |\n"
            "| [ 发布日期 ] | 2025-01-10 |\n"
            "北坡县司法局2024年法治政府建设年度报告\n"
            "2024年，我局坚持依法行政，深入推进法治政府建设，办理行政复议案件十二件，"
            "组织执法人员培训六次，各项工作取得新成效。现将有关情况报告如下：\n")
    meta = READER.read(text)
    assert meta.date == "2025-01-08"  # 成文日期 before 发布日期
    assert meta.doc_number == "北司发〔2025〕3号"
    assert (meta.place, meta.admin_level) == ("北坡县司法局", "部门")
    assert meta.year == 2024


def test_clean_report_with_chinese_numeral_date_and_subject_in_first_sentence() -> None:
    text = ("二〇二四年，在区委、区政府的坚强领导下，西关街道坚持以习近平法治思想为指导，"
            "扎实推进法治政府建设，现将有关情况报告如下：\n"
            "一、主要成效\n开展法治讲座八场。\n\n二〇二五年一月十六日\n")
    meta = READER.read(text)
    assert meta.issuer == "西关街道"
    assert (meta.place, meta.admin_level) == ("西关街道", "街道")
    assert meta.year == 2024
    assert meta.date == "2025-01-16"


def test_year_from_title_with_spaces_and_markdown() -> None:
    meta = READER.read("# 红岭乡 2022 年法治政府建设工作报告\n\n"
                       "今年以来，红岭乡认真贯彻落实上级部署，全面推进依法行政，"
                       "法治政府建设取得明显成效，具体情况报告如下：\n")
    assert (meta.place, meta.year, meta.issuer) == ("红岭乡", 2022, "红岭乡")


def test_year_falls_back_to_the_year_before_an_early_date() -> None:
    meta = READER.read("今年以来，我镇全面推进依法行政，认真落实各项法治建设任务，法治政府建设"
                       "取得新进展，现将有关情况报告如下：\n一、主要工作\n\n2021年2月3日\n")
    assert meta.year == 2020
    assert meta.place is None


@pytest.mark.parametrize(("body", "expected"), [
    ("中共晋江市英林镇委员会", ("英林镇", "镇")),
    ("杭州市上城区人民政府", ("上城区", "区")),
    ("南平市建阳区崇雒乡人民政府", ("崇雒乡", "乡")),
    ("中共晋江市委员会", ("晋江市", "市")),
    ("县综合行政执法局", ("县综合行政执法局", "部门")),
])
def test_place_of_an_issuing_body(body: str, expected: tuple[str, str]) -> None:
    assert place_of(body) == expected


def test_nothing_to_read_gives_empty_facts() -> None:
    assert READER.read("") == DocumentMeta()
    assert READER.read("开展普法宣传活动。") == DocumentMeta()


@pytest.mark.pkuseg
def test_the_pipeline_fills_meta_and_year_hint_wins(nlp, yinglin_text: str) -> None:
    import lawgov_ie

    report = lawgov_ie.extract(yinglin_text, source="yinglin.txt")
    assert (report.meta.place, report.meta.year, report.meta.source) == ("英林镇", 2023,
                                                                        "yinglin.txt")
    assert lawgov_ie.extract(yinglin_text, year=2022).meta.year == 2022
