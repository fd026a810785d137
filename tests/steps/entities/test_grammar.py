"""The entity grammar on sentences of our own, by label and by boundary class (docs/entities.md):
what a name includes, where it starts, and what is no name at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.vocab import Vocab

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.entities.reader import EntityRules, longest_first


@pytest.fixture(scope="module")
def rules() -> EntityRules:
    return EntityRules.from_patterns(load_patterns(()), Vocab())


def found(rules: EntityRules, text: str, label: str) -> list[str]:
    entities = longest_first(rules.find_in_text(text))
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text
    return [e.text for e in entities if e.label == label]


@pytest.mark.parametrize(("text", "expected"), [
    # a level makes a head one body; two bodies written together stay two
    ("全年在县委、县政府的统一部署下推进。", ["县委", "县政府"]),
    ("在省委省政府和市委市政府的关心下。", ["省委", "省政府", "市委", "市政府"]),
    # a place chain before the level belongs to the name
    ("桃源县青石镇人民政府印发通知。", ["桃源县青石镇人民政府"]),
    ("中共桃源县青石镇委员会召开会议。", ["中共桃源县青石镇委员会"]),
    # sub words continue the name
    ("提请县委常委会审议，由县委审计委员会办公室督办。",
     ["县委常委会", "县委审计委员会办公室"]),
    ("报县委依法治县办备案。", ["县委依法治县办"]),
    # a verb or preposition before the level is not part of the name
    ("草案经法制审核后提交镇党委研究决定。", ["镇党委"]),
    ("相关许可职权整体划转县行政审批局承接。", ["县行政审批局"]),
    ("会同县综合行政执法大队和县市场监督管理局开展检查。",
     ["县综合行政执法大队", "县市场监督管理局"]),
    # a conjunction inside a department's name is no cut
    ("市住房和城乡建设局、区文化广电和旅游局参加。",
     ["市住房和城乡建设局", "区文化广电和旅游局"]),
    # open stems before a suffix, starting after punctuation or a non-name word
    ("聘请青松律师事务所提供服务。", ["青松律师事务所"]),
    ("联合区交通巡警支队、白石公路巡查大队开展整治。", ["区交通巡警支队", "白石公路巡查大队"]),
    ("由镇司法所牵头，镇法律援助工作站配合。", ["镇司法所", "镇法律援助工作站"]),
    ("依托石门镇党群服务中心开展服务。", ["石门镇党群服务中心"]),
    # national bodies by name; a post after a body leaves the body
    ("贯彻党中央、国务院的部署。", ["党中央", "国务院"]),
    ("镇党委书记带头学法。", ["镇党委"]),
    ("县委常委、副县长李明出席。", ["县委"]),  # 常委 is a post
    ("邀请市中级人民法院法官授课。", ["市中级人民法院"]),
    # a body followed by a named place's body is one name
    ("南城市东区人民政府北山街道办事处发布。", ["南城市东区人民政府北山街道办事处"]),
    # the level left out in a pair: 镇党委、政府
    ("石门镇党委、政府高度重视。", ["石门镇党委", "政府"]),
    ("东岭街道党工委、办事处联合部署。", ["东岭街道党工委", "办事处"]),
])
def test_org_names_and_their_boundaries(rules: EntityRules, text: str,
                                        expected: list[str]) -> None:
    assert found(rules, text, "ORG") == expected


@pytest.mark.parametrize("text", [
    "各乡镇党委要高度重视。",  # a determiner: generic
    "我县政府系统全面推进。",  # a pronoun, not a name
    "全镇共建成人民调解委员会8个。",  # a kind a place has many of
    "成立法治政府建设工作领导小组。",  # a leading group without a body's name
    "围绕经济社会发展大局，形成工作格局。",  # 局 in ordinary words
    "由司法所长主持调解。",  # a post, not the body
    "与3家物流公司签订协议。",  # a count of a kind
    "获评省级优秀调解室。",  # a rank
    "访问区人民政府门户网站。",  # the site is no body (the government is)
])
def test_no_org_where_there_is_no_named_body(rules: EntityRules, text: str) -> None:
    assert found(rules, text, "ORG") in ([], ["区人民政府"])


def test_a_place_name_needs_a_boundary_before_it(rules: EntityRules) -> None:
    # 职权整体划入 is no place name: the name starts at the level
    text = "相关职权整体划入区数据局管理。"
    assert found(rules, text, "ORG") == ["区数据局"]


@pytest.mark.parametrize(("text", "expected"), [
    ("由镇长王晓东、党委书记陈立新任双组长。", ["王晓东", "陈立新"]),
    ("邀请刘芳律师开展讲座。", ["刘芳"]),
    ("学习习近平总书记关于法治的重要论述。", ["习近平"]),
    ("签发人：赵国庆 孙明\n", ["赵国庆", "孙明"]),
    ("深入学习贯彻习近平法治思想。", []),  # a doctrine's name, no post
    ("由镇长牵头，每月召开主任例会。", []),  # posts alone
    ("明确组长单位要牵头抓总。", []),  # 单 is a surname, 单位 no name
    ("由党委副书记、镇长何志强主持。", ["何志强"]),
])
def test_person_names_next_to_posts(rules: EntityRules, text: str,
                                    expected: list[str]) -> None:
    assert found(rules, text, "PERSON") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("组织学习宪法、民法典和行政处罚法。", ["宪法", "民法典", "行政处罚法"]),
    ("贯彻《中华人民共和国行政复议法》。", ["《中华人民共和国行政复议法》"]),
    ("对照《示范县创建方案(2024-2026年)《考核细则》", ["《示范县创建方案(2024-2026年)",
                                                "《考核细则》"]),
    ("最后附上《工作清单", ["《工作清单"]),  # unclosed at the end of a text
    ("推进法治建设，落实八五普法。", []),  # topic words and slogans
])
def test_law_titles(rules: EntityRules, text: str, expected: list[str]) -> None:
    assert found(rules, text, "LAW") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("印发《方案》（桃政办〔2024〕12号）。", ["桃政办〔2024〕12号"]),
    ("依据中发[2019]7号文件。", ["中发[2019]7号"]),
    ("转发青办发（2023）45号通知。", ["青办发（2023）45号"]),
    ("见桃法发〔20235号。", ["桃法发〔20235号"]),  # the closing bracket lost in copying
    ("根据国务院令第711号。", ["国务院令第711号"]),
    ("索引号：11350000-2024-00012", []),
])
def test_document_numbers(rules: EntityRules, text: str, expected: list[str]) -> None:
    assert found(rules, text, "DOC_NO") == expected


def test_the_place_chain_is_one_hook(rules: EntityRules) -> None:
    """The one function a gazetteer replaces: where the chain of place names ending at a
    position starts."""
    text = "在桃源县青石镇开展"
    assert rules.orgs.place_chain_start(text, text.index("镇") + 1) == text.index("桃")
    assert rules.orgs.place_chain_start(text, text.index("在") + 1) == text.index("在") + 1


def test_a_gazetteer_plugs_in_as_the_place_chain() -> None:
    """A place known without its level (东湖, a street written bare) joins the body's name once
    a gazetteer is given; the regex chain cannot know it."""
    def gazetteer(text: str, end: int, low: int) -> int:
        return end - 2 if end >= max(low, 2) and text[end - 2:end] == "东湖" else end

    text = "由东湖司法所牵头。"
    plain = EntityRules.from_patterns(load_patterns(()), Vocab())
    known = EntityRules.from_patterns(load_patterns(()), Vocab(), place_chain=gazetteer)
    assert found(plain, text, "ORG") == ["司法所"]
    assert found(known, text, "ORG") == ["东湖司法所"]


@pytest.mark.parametrize(("text", "expected"), [
    ("全镇8个行政村党支部书记述法。", []),  # a count of generic villages
    ("各社区党组织书记参加。", []),  # 党组 in 党组织
    ("石门村党支部召开会议。", ["石门村党支部"]),
    ("在东湖市黄山区人民政府指导下。", ["东湖市黄山区人民政府"]),  # 山区 ends a name here
])
def test_generic_level_words_are_no_place(rules: EntityRules, text: str,
                                          expected: list[str]) -> None:
    assert found(rules, text, "ORG") == expected


def test_a_title_broken_by_one_line_break_is_one(rules: EntityRules) -> None:
    text = "落实《示范县创建\n工作方案》要求。\n\n见《甲乙》\n\n\n《丙丁"
    assert found(rules, text, "LAW") == ["《示范县创建\n工作方案》", "《甲乙》", "《丙丁"]


# --- boundary classes of report prose (sentences of our own) -----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a verb or a time word before a level or a body never starts the name
    ("聚焦区委部署抓落实。", ["区委"]),
    ("指导区司法局规范执法。", ["区司法局"]),
    ("督促县市场监管局整改到位。", ["县市场监管局"]),
    ("协调镇综治中心化解纠纷。", ["镇综治中心"]),
    ("今年上半年市委召开专题会。", ["市委"]),
    ("方案需报县政府批准后实施。", ["县政府"]),
    ("组织镇司法所开展普法。", ["镇司法所"]),
    # a phrase inside a name is matched whole before a stop word can cut it
    ("设立镇依法治镇委员会，统筹推进。", ["镇依法治镇委员会"]),
    ("贯彻中央依法治国办的部署。", ["中央依法治国办"]),
    ("县委依法治县办公室印发要点。", ["县委依法治县办公室"]),
    # an ordinal session is part of the body's name
    ("贯彻十三届县委第五次全会精神。", ["十三届县委"]),
    ("提请县十八届人大常委会审议。", ["县十八届人大常委会"]),
    ("中共中央政治局会议作出部署。", ["中共中央政治局"]),
    # a level written twice: the place's own level and the body's
    ("东岭区区委召开会议。", ["东岭区区委"]),
    ("报东岭街街道办事处审核。", ["东岭街街道办事处"]),
    # open suffixes and short forms
    ("组建青年普法宣讲团深入村居。", ["青年普法宣讲团"]),
    ("报区府审定。", ["区府"]),
    ("由区府办统筹协调。", ["区府办"]),
    ("由县法学会牵头。", ["县法学会"]),
    # a verb-like word right before the suffix is the name's own (指挥中心)
    ("依托乡指挥中心调度。", ["乡指挥中心"]),
    ("搭建社会矛盾纠纷联动指挥中心。", ["社会矛盾纠纷联动指挥中心"]),
    ("设立个人调解室、诉调对接调解室。", ["个人调解室", "诉调对接调解室"]),
    # a development zone's committee: the zone is its name, not a level
    ("经开区管委会印发通知。", ["经开区管委会"]),
    ("移送市劳动人事争议仲裁委处理。", ["市劳动人事争议仲裁委"]),
])
def test_org_boundaries_in_report_prose(rules: EntityRules, text: str,
                                        expected: list[str]) -> None:
    assert found(rules, text, "ORG") == expected


@pytest.mark.parametrize("text", [
    "县、市、区人民政府应当依法公开。",  # an enumeration of levels: no one body
    "全区机关及学校开展学法。",  # a generic plural
    "推进公办学校依法治校。",  # a kind, not a name
    "各部门、政府部门要加强配合。",  # 政府 after a list, not after a party committee
    "设立法律援助分中心。",  # a department's branch desk, no body of its own
    "，着力围绕中心抓落实。",  # a slogan: a verb before the suffix, no cut or level to start a name
])
def test_generic_bodies_are_no_org(rules: EntityRules, text: str) -> None:
    assert found(rules, text, "ORG") == []


@pytest.fixture(scope="module")
def pipeline_orgs(nlp_char: Language) -> Callable[[str], list[str]]:
    def orgs(text: str) -> list[str]:
        return [e.text for e in nlp_char(text)._.lawgov_entities if e.label == "ORG"]
    return orgs


@pytest.mark.parametrize(("text", "expected"), [
    # a known place joins the body even after a verb the stop words lack
    ("，研判晋江市英林镇人民政府报送的材料。", ["晋江市英林镇人民政府"]),
    # a shape that only looks like a place (a verb before a level) does not
    ("，审阅区委交办的事项。", ["区委"]),
    # a page field: the chain after the field's name
    ("发布机构：晋江市英林镇人民政府\n", ["晋江市英林镇人民政府"]),
    # a township written without its level, the gazetteer's
    ("英林司法所开展调解。", ["英林司法所"]),
    ("配合晋江高新区管委会开展检查。", ["晋江高新区管委会"]),
    # an autonomous prefecture's short name with its level character
    ("，审阅红河州人民政府的批复。", ["红河州人民政府"]),
    # a township the data may lack, right after a known county
    ("发布机构：晋江市青石乡人民政府\n", ["晋江市青石乡人民政府"]),
])
def test_the_gazetteer_decides_where_a_place_starts(pipeline_orgs: Callable[[str], list[str]],
                                                    text: str, expected: list[str]) -> None:
    assert pipeline_orgs(text) == expected


def test_a_place_inside_an_org_is_no_gpe(nlp_char: Language) -> None:
    doc = nlp_char("晋江市英林镇人民政府召开会议，英林镇党委出席。")
    assert [(e.label, e.text) for e in doc._.lawgov_entities] == [
        ("ORG", "晋江市英林镇人民政府"), ("ORG", "英林镇党委")]
