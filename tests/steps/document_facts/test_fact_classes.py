"""Document facts on the layouts and bodies reports outside the development set showed: texts
written here, one per class."""

from __future__ import annotations

from report_helpers import meta_of as _meta

import lawgov_ie


def test_a_sentence_announcing_the_report_is_no_inline_title() -> None:
    meta = _meta("2023年，在区委、区政府的领导下，松岭街道坚持依法行政，推进法治政府建设。"
                 "现将我街道2023年依法行政的情况报告如下：\n一、主要工作\n开展普法活动9场。\n")
    assert meta.title is None or "我街道" not in meta.title
    assert (meta.body, meta.fact_sources["body"]) == ("松岭街道", "first sentence")


def test_subject_after_a_leading_according_to_clause_and_year_from_xiandui() -> None:
    meta = _meta("根据市、区对法治建设工作的具体部署，2024年，广安门内街道以落实法治建设要点为"
                 "牵引，全面推进依法行政。现对2024年所做工作总结如下：\n一、主要举措\n")
    assert (meta.body, meta.fact_sources["body"]) == ("广安门内街道", "first sentence")
    assert (meta.year, meta.fact_sources["year"]) == (2024, "现将…")
    assert (meta.county, meta.city) == ("西城区", "北京市")


def test_a_title_broken_over_two_lines() -> None:
    meta = _meta("英林镇人民政府关于2022年度法治政府建设\n工作的报告\n"
                 "2022年，英林镇党委、镇政府坚持依法行政，全面推进法治建设。\n一、主要工作\n")
    assert meta.title == "英林镇人民政府关于2022年度法治政府建设工作的报告"
    assert (meta.body, meta.body_kind, meta.county) == ("英林镇人民政府", "government", "晋江市")


def test_party_committee_and_government_together_report_as_the_town() -> None:
    meta = _meta("2024年，在市委、市政府的正确领导下，英林镇党委、镇政府坚持以法治思想为指导，"
                 "全面推进依法行政。\n一、主要工作\n")
    assert (meta.body, meta.body_kind, meta.place) == ("英林镇", "government", "英林镇")
    city = _meta("2022年，在省委、省政府的领导下，晋江市委、市政府坚持依法行政，推进法治建设。"
                 "\n一、主要工作\n")
    assert (city.body, city.body_kind, city.county) == ("晋江市", "government", "晋江市")
    alone = _meta("2024年，英林镇党委坚持以法治思想为指导，统筹推进依法治镇。\n一、主要工作\n")
    assert (alone.body, alone.body_kind) == ("英林镇党委", "party committee")


def test_the_superior_named_by_its_unit_narrows_a_shared_town_name() -> None:
    text = ("2024年，在{0}委、{0}政府的正确领导下，溪口镇党委、镇政府坚持依法行政，"
            "全年开展普法活动15场。\n一、主要工作\n")
    county = _meta(text.format("县"))
    district = _meta(text.format("区"))
    unnamed = _meta(text.format("上级党").replace("上级党政府", "上级政府"))
    assert len(unnamed.place_candidates) > len(county.place_candidates) > 1
    assert all(c.split("/")[2].endswith(("县", "旗")) for c in county.place_candidates)
    assert district.place_candidates == ["浙江省/宁波市/奉化区/溪口镇",
                                         "安徽省/宣城市/宣州区/溪口镇"]
    assert district.county is None  # still two: nothing guessed


def test_a_town_raised_from_a_township_since_the_data() -> None:
    meta = _meta("一、主要举措\n（一）强化组织领导。我镇把法治建设纳入重要议事日程。\n"
                 "（二）规范行政执法。2023年增福镇开展行政执法检查150余次，作出行政处罚5件。\n"
                 "（三）优化政务服务。编制增福镇便民服务事项清单，全镇事项压减至12项。\n")
    assert (meta.place, meta.township, meta.county) == ("增福镇", "增福镇", "涪陵区")
    assert meta.fact_sources["county"] == "gazetteer (other unit word)"


def test_a_street_the_data_lacks_named_by_a_text_that_calls_itself_wo_jie() -> None:
    text = ("2024年度法治政府建设工作总结\n"
            "今年以来，我街坚持以法治思想为指导，全面推进依法行政。\n一、主要工作\n"
            "（一）加强组织领导。东湖街党工委召开专题会议4次。\n"
            "（二）深化普法宣传。东湖街综治中心开展普法讲座6场，我街各社区调解纠纷35件。\n")
    meta = _meta(text)
    assert (meta.place, meta.admin_level, meta.fact_sources["place"]) == (
        "东湖街", "街道", "self-reference (rule)")
    # a name written once is not enough
    once = _meta(text.replace("东湖街综治中心", "综治中心"))
    assert once.place is None


def test_a_county_merged_since_the_data_is_the_one_the_text_writes() -> None:
    meta = _meta("2023年，四季青街道坚持依法行政，制定了《杭州市上城区四季青街道议事规则》，"
                 "全面推进法治建设。\n一、主要工作\n")
    assert (meta.city, meta.county, meta.township) == ("杭州市", "上城区", "四季青街道")
    assert meta.fact_sources["county"] == "gazetteer+text"


def test_a_personal_report_takes_the_office_of_its_author() -> None:
    header = _meta("2024年度党政主要负责人述法报告\n英林镇党委书记 李明\n"
                   "2024年，本人认真履行推进法治建设第一责任人职责，推动我镇法治建设。\n"
                   "一、履职情况\n")
    assert (header.body, header.place, header.fact_sources["body"]) == (
        "英林镇党委", "英林镇", "office line")
    opening = _meta("履行推进法治建设第一责任人职责情况报告\n"
                    "作为县司法局局长，本人始终把法治建设摆在突出位置，全面履行第一责任人职责。"
                    "2023年，我局共办理行政复议案件23件。\n一、主要做法\n")
    assert (opening.body, opening.department, opening.fact_sources["body"]) == (
        "县司法局", "司法局", "office in first paragraph")
    signed = _meta("2023年度个人述法报告\n2023年，本人认真履行推进法治建设第一责任人职责，"
                   "现将有关情况报告如下：\n一、履职情况\n带领班子成员集中学法6次。\n\n"
                   "英林镇人民政府镇长 王强\n2024年1月10日\n")
    assert (signed.body, signed.place, signed.county) == ("英林镇人民政府", "英林镇", "晋江市")


def test_gpe_for_a_town_raised_since_the_data_and_a_street_named_by_rule() -> None:
    report = lawgov_ie.extract("我镇全面推进依法行政。2023年增福镇开展检查150余次。",
                               segmenter="char")
    assert [e.text for e in report.entities if e.label == "GPE"] == ["增福镇"]
    plain = lawgov_ie.extract("全面推进依法行政，落实镇村两级责任。2023年开展检查150余次。",
                              segmenter="char")
    assert [e.text for e in plain.entities if e.label == "GPE"] == []


def test_a_county_with_a_one_character_stem() -> None:
    meta = _meta("中共滑县县委 滑县人民政府\n关于2024年法治政府建设情况的报告\n"
                 "2024年，我县坚持依法行政，全年审查规范性文件16件。\n一、主要工作\n")
    assert (meta.body, meta.body_kind, meta.place) == ("滑县人民政府", "government", "滑县")
    assert (meta.province, meta.city, meta.county) == ("河南省", "安阳市", "滑县")
    # a one-character stem before 区 is a word (城区, 郊区), not a body's place
    word = _meta("城区管理局2024年法治政府建设工作报告\n2024年，我局坚持依法行政。\n")
    assert word.county is None


def test_a_street_written_jie_for_the_datas_jiedao() -> None:
    meta = _meta("2024年，鹤龙街坚持以法治思想为指导，推进法治白云建设，现将工作报告如下：\n"
                 "一、主要举措\n鹤龙街党工委会议专题学法5次。\n")
    assert (meta.place, meta.county, meta.city) == ("鹤龙街", "白云区", "广州市")


def test_the_index_number_of_a_web_page_narrows_a_shared_name() -> None:
    text = ("- 索 引 号:{}/2022-00029\n- 发布机构:人力资源和社会保障局\n"
            "市中区人力资源和社会保障局2021年度法治政府建设情况报告\n"
            "2021年，区人社局坚持依法行政，聘请法律顾问1名。\n一、主要举措\n")
    assert (_meta(text.format("370402")).city, _meta(text.format("511102")).city) == (
        "枣庄市", "乐山市")
    assert _meta(text.format("370402")).fact_sources["county"] == "gazetteer+索引号"
    # a credit code's division digits too; a code of no candidate leaves the name ambiguous
    assert _meta(text.format("11370103MB28531234")).city == "济南市"
    assert _meta(text.format("110101")).city is None


def test_a_subject_after_a_sentence_framing_the_year() -> None:
    meta = _meta("2024年是深入实施规划的攻坚之年，也是广安门内街道高质量发展的重要之年。"
                 "广安门内街道始终坚持依法行政，全面推进法治建设。\n一、主要举措\n")
    assert (meta.body, meta.county) == ("广安门内街道", "西城区")


def test_a_department_that_says_wo_ju_named_in_its_own_plan() -> None:
    text = ("2025年，在区委、区政府的领导下，我局坚持依法行政。审议通过了《泉州市鲤城区"
            "卫生健康局法治建设实施方案》，我局全年办理行政许可120件。\n一、主要工作\n")
    meta = _meta(text)
    assert (meta.body, meta.department, meta.county) == ("泉州市鲤城区卫生健康局", "卫生健康局",
                                                         "鲤城区")
    # two departments named: nothing chosen
    two = _meta(text.replace("》，", "》和《泉州市鲤城区司法局工作规则》，"))
    assert two.body is None


def test_a_street_named_by_rule_only_in_the_titles_of_its_own_rules() -> None:
    meta = _meta("今年以来，我街严格依法行政，制定《东湖街2024年依法治街工作要点》，"
                 "按照《东湖街议事规则》集体决策，全年召开党工委会议30次。\n一、主要工作\n")
    assert (meta.place, meta.fact_sources["place"]) == ("东湖街", "self-reference (rule)")


def test_a_personal_report_without_an_office_takes_the_place_it_builds() -> None:
    text = ("本年度我把依法履职放在心上，按县里的安排逐项抓好落实，"
            "带动英林镇法治建设走在全市前列。下面汇报个人履职情况：\n一、履职情况\n"
            "全年召开专题党委会4次。\n")
    meta = _meta(text)
    assert (meta.place, meta.county, meta.fact_sources["place"]) == (
        "英林镇", "晋江市", "place of its 法治建设")
    # a superior's plan named in a title is not the place the text builds
    plan = _meta("本年度我把依法履职放在心上，按照《晋江市依法治市年度要点》抓落实，"
                 "全年召开专题会议4次。\n一、履职情况\n")
    assert plan.place is None


def test_a_county_renamed_since_the_data_is_said_to_be_the_datas() -> None:
    meta = _meta("六郎镇2024年法治政府建设年度报告\n2024年，我镇坚持依法行政，全年开展普法活动"
                 "20场。\n一、主要工作\n")
    assert (meta.city, meta.county, meta.admin_code) == ("芜湖市", "芜湖县", None)
    assert meta.fact_sources["county"] == "gazetteer (county of 2019)"
