"""Entities: every label on the seed reports with offsets that hold their text; the same entities
from both segmenters; the trim words that cut open-class matches; pattern-file errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.vocab import Vocab

from lawgov_ie.errors import PatternError
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.entities.entities_patterns import EntityPattern, EntityTrimPattern
from lawgov_ie.steps.entities.reader import EntityRules, longest_first

LABELS = {"ORG", "PERSON", "LAW", "DATE", "DOC_NO"}  # GPE: steps/entities/places.py, tested there


@pytest.fixture(scope="module")
def seed_entities(nlp: Language, seed_texts: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    found = {}
    for name, text in seed_texts.items():
        doc = nlp(text)
        for entity in doc._.lawgov_entities:
            assert text[entity.start:entity.end] == entity.text
        found[name] = [(e.label, e.text) for e in doc._.lawgov_entities]
    return found


@pytest.mark.pkuseg
def test_every_label_appears_on_the_seed_reports(
        seed_entities: dict[str, list[tuple[str, str]]]) -> None:
    labels = {label for entities in seed_entities.values() for label, _ in entities}
    assert labels >= LABELS


@pytest.mark.pkuseg
@pytest.mark.parametrize(("prefix", "label", "text"), [
    ("000", "PERSON", "李雪萍"),  # the name, not the post
    ("004", "PERSON", "谢晓锋"),  # not 乡长谢晓锋
    ("000", "ORG", "福建铭群律师事务所"),  # not 聘请福建铭群律师事务所
    ("000", "ORG", "县司法局"),  # not 定时向县司法局
    ("000", "ORG", "县城管局"),  # not 加强与县城管局
    ("004", "ORG", "瑞和园旅游纠纷人民调解委员会"),  # 和 inside a word is no cut
    ("000", "ORG", "中共安溪县虎邱镇委员会"),
    ("002", "PERSON", "柯荣国"),  # the second name on the 签发人 line
    ("004", "PERSON", "郑水来"),  # 党委副书记X任副组长
    ("004", "ORG", "访调对接调解室"),
    ("000", "LAW", "《安溪县法治政府建设实施纲要（2022—2025年）》"),
    ("002", "DOC_NO", "晋英委〔2024〕26号"),
    ("002", "DATE", "2024年1月31日"),
])
def test_named_things_on_the_seed_reports(seed_entities: dict[str, list[tuple[str, str]]],
                                          prefix: str, label: str, text: str) -> None:
    (name,) = [n for n in seed_entities if n.startswith(prefix)]
    assert (label, text) in seed_entities[name]


@pytest.mark.pkuseg
def test_generic_words_are_not_places(seed_entities: dict[str, list[tuple[str, str]]]) -> None:
    places = {text for entities in seed_entities.values() for label, text in entities
              if label == "GPE"}
    assert not places & {"全镇", "乡镇", "乡村", "农村", "行政村", "示范区", "镇村"}


@pytest.mark.pkuseg
def test_doc_ents_carry_the_entities(nlp: Language, yinglin_text: str) -> None:
    doc = nlp(yinglin_text)
    assert {(e.label_, e.text) for e in doc.ents} >= {("DOC_NO", "晋英委〔2024〕26号"),
                                                     ("ORG", "中共晋江市英林镇委员会")}


def _rules(*patterns: EntityPattern, trim: list[str] | None = None) -> EntityRules:
    trims = [EntityTrimPattern(id="t", labels=["ORG"], words=trim)] if trim else []
    return EntityRules(list(patterns), Vocab(), trims)


FIRM = EntityPattern(id="firm", label="ORG", regex=r"[\p{Han}]{2,8}?律师事务所")
TOWN_GOV = EntityPattern(id="gov", label="ORG", regex=r"[\p{Han}]{2,4}?镇人民政府")


def test_trim_words_cut_a_match_that_starts_early() -> None:
    text = "今年聘请红杉律师事务所担任法律顾问。"
    found = _rules(FIRM, trim=["聘请", "今年"]).find_in_text(text)
    assert [(e.text, text[e.start:e.end]) for e in found] == [("红杉律师事务所",) * 2]
    assert [e.text for e in _rules(FIRM).find_in_text(text)] == ["今年聘请红杉律师事务所"]


def test_a_trim_word_that_leaves_too_short_a_name_is_no_cut() -> None:
    text = "来到和平镇人民政府"
    # 和 may begin a word, but 平镇人民政府 would be too short a name: the cut after 来到 holds
    assert [e.text for e in _rules(TOWN_GOV, trim=["来到", "和"]).find_in_text(text)] == \
        ["和平镇人民政府"]


def test_a_match_no_cut_can_mend_is_dropped_for_a_shorter_rule() -> None:
    town = EntityPattern(id="gov2", label="ORG", regex=r"(?:[\p{Han}]{2,4}?镇|镇)政府")
    phrase = EntityPattern(id="p", label="ORG", phrase="镇政府")
    text = "积极参与镇政府决策"
    found = longest_first(_rules(town, phrase, trim=["参与"]).find_in_text(text))
    assert [e.text for e in found] == ["镇政府"]


def test_longest_first_keeps_non_overlapping_in_text_order() -> None:
    from lawgov_ie.doc_data import EntityInfo

    chosen = longest_first([EntityInfo("GPE", 2, 5, "abc"), EntityInfo("ORG", 0, 8, "x" * 8),
                            EntityInfo("DATE", 9, 11, "yy")])
    assert [(e.label, e.start) for e in chosen] == [("ORG", 0), ("DATE", 9)]


def test_bad_entity_lines_name_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "ents.jsonl"
    bad.write_text('{"kind": "entity", "id": "a", "label": "ORG"}\n'
                   '{"kind": "entity_trim", "id": "b", "labels": ["ORG"]}\n', encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_patterns([bad])
    message = str(caught.value)
    assert f"{bad}:1" in message and "phrase" in message
    assert f"{bad}:2" in message and "words" in message


def test_a_user_file_adds_an_entity_rule(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"kind": "entity", "id": "honour", "label": "HONOUR",'
                     ' "regex": "“[^”]{2,20}”称号"}\n', encoding="utf-8")
    rules = EntityRules.from_patterns(load_patterns([extra]), Vocab())
    found = rules.find_in_text("荣获“省级民主法治示范村”称号。")
    assert ("HONOUR", "“省级民主法治示范村”称号") in [(e.label, e.text) for e in found]


# An anchored rule is tried only around its anchor's hits: it must find what the same rule
# finds scanning every character.
ANCHORED = [
    EntityPattern(id="firm-a", label="ORG", regex=r"[\p{Han}]{2,8}?律师事务所",
                  anchor="律师事务所"),
    EntityPattern(id="gov-a", label="ORG", anchor="政府|党委",
                  regex=r"(?:中共)?(?:[\p{Han}]{2,6}?(?:县|区))?[\p{Han}]{2,6}?(?:镇|乡)(?:人民政府|党委)"),
    EntityPattern(id="before-gov-a", label="GPE", anchor="镇(?:人民政府|党委)",
                  regex=r"(?<=[^\p{Han}]|^)[\p{Han}]{2,5}?镇(?=人民政府|党委)"),
    # no upper bound: a name longer than the window widens it
    EntityPattern(id="long-a", label="ORG", regex=r"[\p{Han}]+?调解委员会", anchor="调解委员会",
                  before=2, after=0),
]
FRAGMENTS = ["律师事务所", "人民政府", "党委", "镇", "县", "中共", "调解委员会", "和平", "红杉",
             "聘请", "，", "。", "\n", " ", "2024年", "全年办理", "东", "西"]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
@settings(max_examples=300, deadline=None)
def test_anchored_rules_find_what_a_full_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in ANCHORED:
        (anchored,) = _rules(pattern).regexes
        everywhere = dataclasses.replace(anchored, anchor=None)
        assert [m.span() for m in anchored.finditer(text)] == \
            [m.span() for m in everywhere.finditer(text)], pattern.id


def test_a_name_longer_than_the_window_is_found_whole() -> None:
    text = "经协调，东西南北中发白旅游纠纷人民调解委员会成功调解。"
    found = _rules(ANCHORED[-1]).find_in_text(text)
    assert [e.text for e in found] == ["东西南北中发白旅游纠纷人民调解委员会"]


def test_an_anchor_needs_a_regex(tmp_path: Path) -> None:
    bad = tmp_path / "ents.jsonl"
    bad.write_text('{"kind": "entity", "id": "a", "label": "ORG", "phrase": "司法所",'
                   ' "anchor": "所"}\n', encoding="utf-8")
    with pytest.raises(PatternError, match=r"ents\.jsonl:1.*anchor"):
        load_patterns([bad])


@pytest.mark.pkuseg
def test_both_segmenters_find_the_same_entities(nlp: Language, nlp_char: Language,
                                               seed_texts: dict[str, str]) -> None:
    """No bundled rule reads words: pkuseg words and one character a token give the same
    entities on every seed report (issue 21: the default can stop segmenting)."""
    for name, text in seed_texts.items():
        by_words = [(e.label, e.start, e.end) for e in nlp(text)._.lawgov_entities]
        by_chars = [(e.label, e.start, e.end) for e in nlp_char(text)._.lawgov_entities]
        assert by_words == by_chars, name
        assert {label for label, _, _ in by_words} >= {"ORG", "LAW", "DATE"}


def test_no_bundled_rule_reads_words() -> None:
    rules = load_patterns(())
    assert [p.id for p in rules.of("entity", EntityPattern) if p.tokens is not None] == []


# Phrases are found by an automaton and word lists are compiled as tries: both must find what a
# scan of the plain alternation, longest word first, finds.
PHRASE_SETS = [["宪法", "民法典", "法典", "典"], ["行政处罚法", "处罚法", "罚法"],
               ["法法", "立法法", "法"]]
PHRASE_PIECES = ["宪法", "民法", "典", "行政", "处罚", "法", "立", "，", "\n", "《", "》"]


@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_phrases_and_word_tries_find_what_a_full_scan_finds(pieces: list[str]) -> None:
    import re

    from lawgov_ie.steps.entities.grammar import alternation

    text = "".join(pieces)
    # a few words are found by str.find, more by an automaton: all the sets together are many
    for words in [*PHRASE_SETS, sorted({w for group in PHRASE_SETS for w in group})]:
        plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in re.compile(alternation(words)).finditer(text)] == expected
        rules = _rules(*(EntityPattern(id=f"p{n}", label="LAW", phrase=word)
                         for n, word in enumerate(words)))
        assert [(e.start, e.end) for e in rules.find_in_text(text)] == expected


# The ORG grammar's name and suffix words with their subs (区委 + 办公室 + 党组) are found by an
# automaton and the subs matched after each body (党组 reaching into 组织部 hides 部): the
# matches of the regex body + subs*.
ORG_SUFFIXES = ["委员会", "委", "会", "办公室", "室", "组织部", "部", "中心"]
ORG_SUBS = ["办公室", "办", "党组", "常委会", "委员会"]
ORG_PIECES = ["委员", "会", "办公", "室", "办", "党组", "织部", "组", "常委", "中心", "区", "，"]


@given(st.lists(st.sampled_from(ORG_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_org_words_with_subs_are_found_as_the_regex_finds_them(pieces: list[str]) -> None:
    import re

    from lawgov_ie.steps.entities.entities_patterns import OrgWordsPattern
    from lawgov_ie.steps.entities.grammar import OrgGrammar, SharedScan, StopWords, alternation

    text = "".join(pieces)
    regex = re.compile(f"(?P<body>{alternation(ORG_SUFFIXES)})"
                       f"(?P<subs>(?:{alternation(ORG_SUBS)})*)")
    expected = [(m.start(), m.end("body"), m.end()) for m in regex.finditer(text)]
    words = [OrgWordsPattern(id="s", role="suffix", words=ORG_SUFFIXES),
             OrgWordsPattern(id="b", role="sub", words=ORG_SUBS)]
    for shared in (None, SharedScan()):  # its own automaton, or one pass shared with others
        grammar = OrgGrammar(words, StopWords(()), shared=shared)
        assert grammar._scan(grammar.suffix_words, text) == expected


def test_word_sets_pickle() -> None:
    import pickle

    from lawgov_ie.steps.entities.grammar import Literals

    words = Literals(["人民政府", "政府", "司法所", "律师事务所", "中心", "委员会"])
    text = "县人民政府、司法所和青松律师事务所"
    assert pickle.loads(pickle.dumps(words)).spans(text) == words.spans(text) == \
        [(1, 5), (6, 9), (12, 17)]
