"""Document facts from every layout, and the body put on the map: texts written here."""

from __future__ import annotations

from report_helpers import meta_of as _meta


def test_flattened_pdf_with_a_file_name_and_the_title_run_into_the_text() -> None:
    meta = _meta("英林镇2022年法治政府建设情况.docx\n"
                 "英林镇 2022 年法治政府建设情况报告 2022 年,在市委、市政府的正确领导下,英林镇"
                 "坚持依法行政,深入推进法治 政府建设,现将工作情况报告 如下: 一、主要举措 "
                 "(一)加强组织领导 全年召开专题会议 4 次。\n")
    assert (meta.title, meta.fact_sources["title"]) == ("英林镇2022年法治政府建设情况",
                                                        "file name")
    assert (meta.place, meta.year) == ("英林镇", 2022)
    assert (meta.province, meta.city, meta.county, meta.township) == (
        "福建省", "泉州市", "晋江市", "英林镇")
    assert meta.admin_code == "350582000000"


def test_title_run_into_the_first_line_without_a_file_name() -> None:
    meta = _meta("虎邱镇 2021 年法治政府建设工作报告 2021 年，虎邱镇坚持以习近平法治思想为"
                 "指导，扎实推进依法行政，全年开展普法活动 12 场，现将有关情况报告如下。\n")
    assert meta.title == "虎邱镇 2021 年法治政府建设工作报告"
    assert (meta.place, meta.year, meta.county) == ("虎邱镇", 2021, "安溪县")


def test_body_named_only_in_the_first_sentence_and_year_only_in_xianjiang() -> None:
    meta = _meta("区委全面依法治区委员会办公室：\n"
                 "在全面建设社会主义现代化国家新征程上，广安门内街道办事处坚持以习近平法治思想为"
                 "根本遵循，系统推进法治政府建设。现将2024年工作情况总结如下：\n"
                 "一、主要工作\n开展法治讲座8场。\n")
    assert (meta.body, meta.body_kind, meta.fact_sources["body"]) == (
        "广安门内街道办事处", "government", "first sentence")
    assert (meta.place, meta.admin_level) == ("广安门内街道", "街道")
    assert (meta.year, meta.fact_sources["year"]) == (2024, "现将…")
    assert (meta.county, meta.city) == ("西城区", "北京市")


def test_body_only_in_the_pages_field_and_year_from_an_opening_yiilai() -> None:
    meta = _meta("首页 > 信息公开\n"
                 "发布机构：晋江市英林镇人民政府\n"
                 "法治政府建设年度报告\n"
                 "2023年以来，我们全面推进依法行政，认真落实各项法治建设任务，法治政府建设"
                 "取得新进展，具体情况报告如下：\n一、主要工作\n")
    assert (meta.body, meta.fact_sources["body"]) == ("晋江市英林镇人民政府", "page field")
    assert (meta.year, meta.fact_sources["year"]) == (2023, "opening")
    assert meta.township == "英林镇"


def test_a_department_reports() -> None:
    meta = _meta("咸宁市司法局2023年法治政府建设年度报告\n"
                 "2023年，市司法局在市委、市政府的坚强领导下，坚持依法行政，办理行政复议案件"
                 "12件，现将有关情况报告如下：\n一、主要工作\n")
    assert (meta.body, meta.body_kind, meta.department) == ("咸宁市司法局", "department",
                                                           "司法局")
    assert (meta.place, meta.admin_level) == ("咸宁市司法局", "部门")
    assert (meta.province, meta.city, meta.county) == ("湖北省", "咸宁市", None)


def test_a_department_named_by_its_unit_alone_takes_the_county_the_text_names() -> None:
    meta = _meta("2022年度法治政府建设工作报告\n"
                 "2022年，在县委、县政府的正确领导下，县综合行政执法局坚持依法行政，"
                 "服务永登县经济社会发展大局，现将工作总结如下：\n一、主要工作\n")
    assert (meta.body, meta.department) == ("县综合行政执法局", "综合行政执法局")
    assert (meta.county, meta.fact_sources["county"]) == ("永登县", "context")


def test_a_shared_name_is_said_to_be_ambiguous_not_guessed() -> None:
    text = ("城关镇2024年法治政府建设工作报告\n"
            "2024年，城关镇坚持依法行政，扎实推进法治政府建设，现将有关情况报告如下：\n"
            "一、主要工作\n开展普法活动6场。\n")
    meta = _meta(text)
    assert (meta.place, meta.township) == ("城关镇", "城关镇")
    assert meta.province is None and meta.county is None
    assert len(meta.place_candidates) > 1
    assert meta.fact_sources["place_candidates"] == "ambiguous"
    # a county the text names elsewhere settles it
    settled = _meta(text.replace("扎实推进", "在永登县城关镇扎实推进"))
    assert (settled.county, settled.province, settled.place_candidates) == (
        "永登县", "甘肃省", [])


def test_a_traditional_script_report_gives_its_place_and_year() -> None:
    meta = _meta("晉江市英林鎮2023年法治政府建設情況報告\n"
                 "2023年，英林鎮堅持依法行政，全年辦理行政復議案件12件，現將有關情況報告如下：\n"
                 "一、主要工作\n")
    assert (meta.place, meta.year, meta.county) == ("英林镇", 2023, "晋江市")


def test_year_from_the_period_of_the_figures_when_nothing_else_says() -> None:
    meta = _meta("法治政府建设工作报告\n"
                 "我们全面推进依法行政，扎实开展法治宣传教育，认真落实各项工作任务，成效明显。"
                 "2021年共办理行政复议案件12件，2021年开展普法活动30场。\n一、主要工作\n")
    assert (meta.year, meta.fact_sources["year"]) == (2021, "period of the figures")


def test_a_provinces_regulation_narrows_a_shared_name_to_that_province() -> None:
    meta = _meta("城关镇2024年法治政府建设工作报告\n"
                 "2024年，城关镇坚持依法行政，按照《甘肃省行政执法监督条例》规范执法行为，"
                 "现将有关情况报告如下：\n一、主要工作\n开展普法活动6场。\n")
    assert meta.province == "甘肃省"
    assert meta.place_candidates and all(c.startswith("甘肃省/") for c in meta.place_candidates)
