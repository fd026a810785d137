"""GPE entities from the gazetteer and their context, never from a word's shape."""

from __future__ import annotations

import pytest

from lawgov_ie.steps.entities.places import find_gpes


def _gpes(text: str) -> list[str]:
    return [e.text for e in find_gpes(text)]


def test_a_chain_of_places_is_one_span_and_offsets_hold_it() -> None:
    text = "2023年，福建省晋江市英林镇召开会议，北京市海淀区派员参加。"
    found = find_gpes(text)
    assert [e.text for e in found] == ["福建省晋江市英林镇", "北京市海淀区"]
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize("text", [
    "认真落实市委部署，今年区里召开会议，聚焦镇村治理，充实镇级力量。",
    "推动城镇建设，全镇各村开展普法，建设美丽乡镇。",
    "不断规范行政行为，促进乡镇建设健康发展，推进镇村治理。",
])
def test_a_verb_or_a_common_word_before_a_unit_is_no_place(text: str) -> None:
    assert _gpes(text) == []


def test_short_names_where_a_short_name_stands() -> None:
    assert _gpes("坚持法治海淀、法治政府一体建设，推动法治福建和法治厦门建设见效。") == [
        "海淀", "福建", "厦门"]
    assert _gpes("“绍兴经验”在全省推广。") == ["绍兴"]
    assert _gpes("法治资源向基层倾斜，社会长治久安。") == []


def test_a_one_character_stem_counts_only_after_its_holder() -> None:
    assert _gpes("阳泉市城区开展城区改造。") == ["阳泉市城区"]


def test_a_township_newer_than_the_data_comes_from_its_context() -> None:
    # after its county, and as the subject of the text; then wherever it is written
    text = ("珠晖区新桥湾街道2024年法治政府建设工作报告\n"
            "2024年，新桥湾街道坚持依法行政。新桥湾街道全年开展普法活动8场。\n")
    assert _gpes(text) == ["珠晖区新桥湾街道", "新桥湾街道", "新桥湾街道"]


def test_a_place_before_wei_is_a_party_committee_not_a_place() -> None:
    assert _gpes("在晋江市委的领导下，晋江市开展工作。") == ["晋江市"]


def test_villages_and_communities_of_the_data_but_not_common_words() -> None:
    assert _gpes("英林镇西埔村建成法治广场，银闸社区开展普法。") == ["英林镇西埔村", "银闸社区"]
    assert _gpes("创建民主法治示范村，覆盖所有行政村和中心村。") == []


def test_one_character_abbreviations_only_in_their_frames_and_with_the_province_named() -> None:
    text = ("宝鸡市渭滨区深入落实总书记来陕和来宝考察时的要求，持续推进依法治陕，"
            "陕西省各地任务全部完成。")
    assert _gpes(text) == ["宝鸡市渭滨区", "陕", "宝", "陕", "陕西省"]
    # no place of the province named: the frame alone is not enough
    assert _gpes("认真贯彻总书记来陕考察重要讲话精神。") == []
    # a frame whose character is no abbreviation, or one that reads as a word
    assert _gpes("西藏自治区坚持依法治理，依法治校，来藏干部赴京学习，推进依法治藏。") == [
        "西藏自治区", "藏"]


def test_province_and_city_names_in_running_text() -> None:
    assert _gpes("组织干部赴浙江、广东学习，在福州召开座谈会，福建省司法厅派员参加。") == [
        "浙江", "广东", "福州", "福建省"]
    # a city's short name with Han on both sides counts only when the text names that city
    assert _gpes("组织执法人员在福州召开座谈会。") == []
    # a province's name inside another word, a place's stem before its unit word
    assert _gpes("推进幸福建设，南昌县市场监管所开展检查。") == []


def test_new_districts_and_zones_the_data_lacks() -> None:
    assert _gpes("兰州新区坚持依法行政，重庆两江新区派员交流。") == ["兰州新区", "重庆两江新区"]
    text = "[ 发布机构 ]云岭经济技术开发区 [ 主题分类 ]其他\n云岭经济技术开发区坚持依法行政。"
    assert _gpes(text) == ["云岭经济技术开发区", "云岭经济技术开发区"]


def test_villages_the_data_lacks_after_their_town_or_listed_with_a_village_of_the_data() -> None:
    assert _gpes("组织英林镇柏溪湾村、西河村和南岭村开展普法。") == [
        "英林镇柏溪湾村", "西河村", "南岭村"]
    assert _gpes("在各村开展普法，如西埔村、柏溪湾村等。") == ["西埔村", "柏溪湾村"]
    # a common word before 村 is no village, even in a list
    assert _gpes("推进西埔村、示范村和美丽乡村建设。") == ["西埔村"]


def test_the_short_name_of_a_town_the_text_names_in_full_twice() -> None:
    text = "虎邱镇开展普法，虎邱镇司法所调解纠纷，台湾同胞在虎邱建立基地，打造虎邱“枫桥经验”。"
    assert _gpes(text) == ["虎邱镇", "虎邱镇", "台湾", "虎邱", "虎邱"]
    # named once: its short name is not read
    assert _gpes("虎邱镇开展普法，台湾同胞在虎邱建立基地。") == ["虎邱镇", "台湾"]


def test_village_stems_before_a_count_of_villages() -> None:
    assert _gpes("完成陈山、西埔2个村级法律顾问示范点建设。") == ["陈山", "西埔"]
    assert _gpes("完成推进、落实2个村级任务。") == []


def test_words_that_hold_a_short_name_stay_words() -> None:
    assert _gpes("山西省长治市推进长治久安，在长治召开会议。") == ["山西省长治市", "长治"]
    assert _gpes("平安镇开展平安建设，平安镇司法所调解纠纷。") == ["平安镇", "平安镇"]
