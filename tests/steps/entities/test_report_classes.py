"""Entity classes met on reports outside the devset, each on sentences of our own: where a name
starts and ends in running prose, and what is no name (docs/entities.md). The whole entities
step runs here (the gazetteer's places link the ORG grammar)."""

from __future__ import annotations

import pytest
from spacy.language import Language


def _found(nlp: Language, text: str, label: str) -> list[str]:
    doc = nlp(text)
    for entity in doc._.lawgov_entities:
        assert text[entity.start:entity.end] == entity.text
    return [e.text for e in doc._.lawgov_entities if e.label == label]


@pytest.mark.parametrize(("text", "expected"), [
    # a word before a named place is no part of the body's name, whatever the word
    ("今年编印英林镇便民服务中心办事指南两千册。", ["英林镇便民服务中心"]),
    ("年内草拟虎邱镇法律援助工作站值班制度。", ["虎邱镇法律援助工作站"]),
    # verbs that never begin a name, before a level
    ("一是抓住街道党工委这个关键，二是明确镇党政办职责。", ["街道党工委", "镇党政办"]),
    ("完善机制，着力构建街道党工委统筹的格局。", ["街道党工委"]),
    # two bodies joined by a conjunction stay two
    ("街道办事处与青松律师事务所签订服务合同。", ["街道办事处", "青松律师事务所"]),
    ("县综治中心和县司法所联合调处。", ["县综治中心", "县司法所"]),
    # a clause is no name: the subject, 在 and a bare head are three things
    ("东湖新区依法行政各项任务在党工委领导下推进。", []),
    # a named office's ending is no verb's first character
    ("聚焦信访办理质量，加强综合执法队伍建设。", []),
    ("由县信访办牵头。", ["县信访办"]),
    # an office named before its head's post: 司法所所长
    ("石门司法所所长到场调解。", ["石门司法所"]),
    # 管委会 after 党工委, its level left out
    ("新区党工委、管委会主要负责人述法。", ["新区党工委", "管委会"]),
    # 新区 is a planned zone's own level, also after a year
    ("2023年新区党工委专题听取依法行政汇报4次。", ["新区党工委"]),
    # a level after 、 is enumerated only when it stands alone before it (县、市、区人民政府)
    ("贯彻省委全面依法治省、市委全面依法治市工作会议部署。", ["省委", "市委"]),
    ("县、市、区人民政府负责落实。", []),
    # 办 before 实地 is no 办实事
    ("接受中央依法治国办实地督察。", ["中央依法治国办"]),
    # a party committee's department and its school
    ("联合县委党群工作部开展培训，列入县委党校课程。", ["县委党群工作部", "县委党校"]),
    ("报区委全面依法治区办备案。", ["区委全面依法治区办"]),
    # ministries of the State Council by name
    ("按照应急管理部和自然资源部的要求。", ["应急管理部", "自然资源部"]),
    # a county named by one character where a name stands
    ("中共浚县县委 浚县人民政府\n", ["中共浚县县委", "浚县人民政府"]),
    # a department's body, then another body's: 代理 is a verb
    ("英林镇司法所代理镇政府出庭。", ["英林镇司法所", "镇政府"]),
    # 以下称 introduces a short name; it is no part of it
    ("市住房和城乡建设局(以下称市住建局)印发通知。", ["市住房和城乡建设局", "市住建局"]),
    ("由街道全面依法治街委员会统筹。", ["街道全面依法治街委员会"]),
    # a long run of words after a body is no name: 执行 is a verb
    ("县教育局领导班子严格执行党委集体决策制度。", ["县教育局"]),
])
def test_org_boundaries_in_running_prose(nlp_char: Language, text: str,
                                         expected: list[str]) -> None:
    assert _found(nlp_char, text, "ORG") == expected


@pytest.mark.parametrize("text", [
    "坚持以服务中心为根本，聚焦主责主业。",  # 服务中心工作: a task, no body
    "全体人员参加了党校学习。",
    "制定新开办学校招生方案。",  # a kind of school, no school's name
])
def test_no_org_in_task_words(nlp_char: Language, text: str) -> None:
    assert _found(nlp_char, text, "ORG") == []


@pytest.mark.parametrize(("text", "expected"), [
    # the characters after a post that run into the next post are no name
    ("党政办主任任副主任，两名科员参与。", []),
    ("由镇长陈明副镇长刘强担任组长。", ["陈明", "刘强"]),
    ("乡长任双组长，统筹推进。", []),  # 任 between two posts: a verb
    # a post after the name (教授) or before it (成员)
    ("邀请讲师团成员周立新教授授课。", ["周立新"]),
    ("邀请市委依法治市办科长张海平进行专题培训。", ["张海平"]),
    ("县司法局局长叶明一行来到石门镇调研。", ["叶明"]),
    # a post after the name; a rarer surname is evidence too
    ("人社部陈晓红部长调研零工市场。", ["陈晓红"]),
    ("县法院院长沙建军和县司法局负责同志参加。", ["沙建军"]),
])
def test_person_names_between_posts(nlp_char: Language, text: str,
                                    expected: list[str]) -> None:
    assert _found(nlp_char, text, "PERSON") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the name of a website, account or paper holds no place
    ("利用“厦门思明”政务网站和“思明发布”公众号发布信息。", []),
    ("通过英林报等渠道宣传，英林镇党委牵头。", []),  # the ORG holds 英林镇
    ("坚持法治海淀建设。", ["海淀"]),  # a place in a slogan stays a place
    # a level with another in brackets lists kinds (镇(街道)): no place
    ("县级部门主要负责人和镇(街道)党(工)委书记为成员。", []),
    # a zone named alone in quotes, then wherever it is written; not a slogan's kind
    ("为设立“东湖新区”做好保障，东湖新区筹备组成立。", ["东湖新区", "东湖新区"]),
    ("打造“智慧新区”品牌。", []),
    # a county named by one character at a line's start
    ("佳县2024年度法治建设工作的报告\n", ["佳县"]),
    # the subject of the first sentence, named again with 以下简称
    ("2024年，在市委的领导下，滨湖湾新区(以下简称“新区”)坚持依法行政。\n"
     "滨湖湾新区法律顾问参与决策。", ["滨湖湾新区", "滨湖湾新区"]),
])
def test_places_and_brands(nlp_char: Language, text: str, expected: list[str]) -> None:
    assert _found(nlp_char, text, "GPE") == expected
