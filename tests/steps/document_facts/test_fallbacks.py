"""The reporting place when no body is named in full: generic bodies, self-references, slogans,
department titles after a year, short first paragraphs. Texts written here."""

from __future__ import annotations

from report_helpers import meta_of as _meta


def test_no_body_named_the_town_of_its_self_references() -> None:
    meta = _meta("首页 > 政务公开 > 法治政府建设\n法治政府建设年度报告\n"
                 "发布时间：2024-02-05 浏览次数：312\n"
                 "今年以来，在县委县政府的坚强领导下，全面贯彻落实习近平法治思想，扎实推进依法行政。\n"
                 "一、主要工作\n（一）加强组织领导。我镇成立法治建设领导小组，召开专题会议4次。"
                 "虎邱镇党委书记履行第一责任人职责。\n（二）推进普法。我镇法律顾问覆盖率100%，"
                 "虎邱镇司法所受理调解案件23件。\n")
    assert (meta.place, meta.admin_level, meta.body) == ("虎邱镇", "镇", None)
    assert meta.fact_sources["place"] == "self-reference"
    assert (meta.county, meta.township) == ("安溪县", "虎邱镇")
    assert (meta.year, meta.fact_sources["year"]) == (2023, "date")


def test_a_county_named_once_beside_its_self_references() -> None:
    meta = _meta("关于2024年度法治政府建设工作情况的报告\n2024年，在市委、市政府的坚强领导下，"
                 "我县深入学习贯彻习近平法治思想，现将有关情况报告如下：\n一、主要工作\n安溪县委常委会会议"
                 "专题研究法治建设工作3次。我县全年办理行政复议案件18件。\n")
    assert (meta.place, meta.admin_level, meta.fact_sources["place"]) == (
        "安溪县", "县", "self-reference")
    assert (meta.province, meta.city, meta.year) == ("福建省", "泉州市", 2024)


def test_weak_evidence_gives_no_place() -> None:
    meta = _meta("法治政府建设年度报告\n2024年，我镇坚持依法行政，现将有关情况报告如下：\n"
                 "一、主要工作\n组织干部赴虎邱镇、英林镇学习交流。\n")
    assert (meta.place, meta.province, meta.county) == (None, None, None)
    assert "place" not in meta.fact_sources


def test_a_body_named_by_its_unit_alone_is_the_district_the_text_names() -> None:
    meta = _meta("区政府2023年法治政府建设情况报告\n2023年，区政府坚持以习近平法治思想为指导，"
                 "全面推进依法行政，现将有关情况报告如下：\n一、主要工作\n全区办理行政复议案件12件。"
                 "海淀区司法局开展执法检查6次，海淀区各街道开展普法活动。\n")
    assert (meta.body, meta.body_kind) == ("区政府", "government")
    assert (meta.place, meta.admin_level, meta.fact_sources["place"]) == ("海淀区", "区", "context")
    assert (meta.city, meta.county) == ("北京市", "海淀区")


def test_a_generic_body_with_no_place_of_its_level_named_stays_without_place() -> None:
    meta = _meta("县政府2023年法治政府建设情况报告\n2023年，县政府坚持依法行政，"
                 "现将有关情况报告如下：\n一、主要工作\n办理行政复议案件12件。\n")
    assert (meta.body, meta.place, meta.admin_level, meta.county) == ("县政府", None, None, None)


def test_a_department_after_the_titles_year() -> None:
    meta = _meta("2025年度咸宁市咸安区发展和改革委员会法治政府建设工作报告\n"
                 "2025年，我委坚持依法行政，办理行政许可事项120件，现将有关情况报告如下：\n一、主要工作\n")
    assert (meta.body, meta.body_kind, meta.department) == (
        "咸宁市咸安区发展和改革委员会", "department", "发展和改革委员会")
    assert (meta.city, meta.county, meta.year) == ("咸宁市", "咸安区", 2025)


def test_a_short_first_paragraph_names_the_body_and_the_year() -> None:
    meta = _meta("法治政府建设情况的报告\n2023年，溪美街道党工委、办事处在上级的领导下，"
                 "坚持依法行政，现将工作开展情况报告如下：\n一、主要工作\n南安市溪美街道开展普法12场。\n")
    assert (meta.place, meta.fact_sources["place"]) == ("溪美街道", "first sentence")
    assert (meta.year, meta.fact_sources["year"]) == (2023, "opening")
    assert (meta.county, meta.township) == ("南安市", "溪美街道")


def test_the_place_of_a_rule_of_law_slogan() -> None:
    meta = _meta("法治政府建设年度报告\n一年来，我们紧紧围绕建设法治海淀的目标，全面推进依法行政，"
                 "取得新成效。现将有关情况报告如下：\n一、主要工作\n区政府常务会议学法4次。\n")
    assert (meta.place, meta.fact_sources["place"], meta.city) == ("海淀区", "slogan", "北京市")


def test_the_town_the_first_part_names_most() -> None:
    meta = _meta("法治政府建设情况报告\n一年来，坚持以习近平法治思想为指导，全面推进依法行政。\n"
                 "一、主要工作\n英林镇综治中心受理纠纷30件，英林镇各村开展普法活动，"
                 "英林镇司法所组织培训2场，干部赴虎邱镇学习。\n")
    assert (meta.place, meta.fact_sources["place"], meta.county) == ("英林镇", "most named",
                                                                     "晋江市")


def test_an_address_line_is_not_the_first_sentence() -> None:
    meta = _meta("英林镇2023年法治政府建设情况报告\n各村（社区），镇直各单位：\n"
                 "2023年，英林镇坚持依法行政，全年开展普法活动12场，现将有关情况报告如下：\n")
    assert (meta.place, meta.year) == ("英林镇", 2023)
    meta = _meta("法治政府建设情况报告\n各村（社区），镇直各单位：\n"
                 "2023年，英林镇坚持依法行政，全年开展普法活动12场，现将有关情况报告如下：\n")
    assert (meta.place, meta.year, meta.fact_sources["place"]) == (
        "英林镇", 2023, "first sentence")


def test_a_department_that_does_not_name_itself_gets_no_town() -> None:
    meta = _meta("法治政府建设情况报告\n一年来，我局坚持依法行政，全面推进执法规范化。\n"
                 "一、主要工作\n我局在英林镇开展执法检查，英林镇各村开展普法，英林镇企业全部完成整改，"
                 "本局共办理案件12件。\n")
    assert (meta.place, meta.county) == (None, None)


def test_a_year_written_without_its_unit_before_yilai() -> None:
    meta = _meta("2023以来，在县委、县政府的领导下，我把推进依法行政当作分内之事，"
                 "现将履职情况汇报如下：\n一、履职情况\n")
    assert (meta.year, meta.fact_sources["year"]) == (2023, "opening")
