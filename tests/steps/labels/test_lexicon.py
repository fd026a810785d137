"""The lexicon shortcuts answer exactly what the compiled pattern answers (labels/lexicon.py)."""

from __future__ import annotations

import random

import pytest
import regex

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.labels.labels_patterns import LabelCuePattern
from lawgov_ie.steps.labels.lexicon import Lexicon, edge_chars, literal, union_of, window_of


@pytest.mark.parametrize(("expression", "first", "last"), [
    ("办理", "办", "理"),
    ("负责(?!人|同志)", "负", "责"),  # a lookahead reads no character of the match
    ("(?<![公总])共", "共", "共"),  # nor a lookbehind
    ("上半年|下半年", "上下", "年"),
    ("(?:全部|均)?控制(?:在|到)?", "全均控", "制在到"),  # optional pieces add theirs
    ("[甲乙]类(?:案件)+", "甲乙", "件"),
    ("(?:与|同)[^，。]{1,4}?(?=联合)", "与同", None),  # a negated class: any character
    (r"\p{Han}{2}的", None, "的"),
    (r"[0-3]\.5", "0123", "5"),
])
def test_edge_characters_of_an_expression(expression: str, first: str | None,
                                          last: str | None) -> None:
    found = edge_chars([expression])
    assert found == (None if first is None else frozenset(first),
                     None if last is None else frozenset(last))


@pytest.mark.parametrize("expression", [
    "(?i)ab",  # a flag reaches the whole pattern
    r"(\w)\1",  # a back-reference depends on a group
    "a?",  # may match nothing
    "(?>ab)",  # an atomic group is not read
    r"\x41",  # a character by its code is not read
    "[[:alpha:]]",  # a bracket inside a class
])
def test_expressions_not_read_give_no_edges(expression: str) -> None:
    assert edge_chars([expression]) == (None, None)


def test_a_window_reaches_past_an_unread_opening() -> None:
    assert window_of([r"\p{Han}{0,4}?(?:中心|大队)", "全年"]) == \
        ((0, frozenset("全")), (4, frozenset("中大")))
    assert window_of([r"\p{Han}*(?:中心)"]) is None  # no bound on what stands before


def test_literal_words_and_expressions_apart() -> None:
    assert literal(regex.escape("办理(试行)")) == "办理(试行)"
    assert literal("办理|受理") is None
    assert union_of([r"(\w)\1"]) is None
    union = union_of(["a+", "b"])
    assert union is not None and union.fullmatch("aa") and union.fullmatch("b")


def _roles() -> dict[str, list[str]]:
    by_role: dict[str, list[str]] = {}
    for cue in load_patterns().of("label_cue", LabelCuePattern):
        by_role.setdefault(cue.role, []).extend(cue.alternatives())
    return by_role


#: Sentences of our own, cut into every stretch, and soups of the lexicon's own characters
SENTENCES = [
    "全年共办理行政复议案件12件，其中维持8件、撤销2件，办结率均为100%。",
    "镇政府组织干部参加法治培训3次，覆盖机关工作人员达到200余人次；",
    "在基层治理中开展专项整治，与公安部门联合查处违法行为，较去年增长了15%",
    "律师和调解员分别为12名和8名，截至年底未发生因调解不当引起的上访事件等情况。",
    "街道办 事处\t依法 受理\n投诉、举报共计 30件，其余 均已 办结了",
    "镇综治中心受理群众来信，2023年5月至今每月组织巡查，执法大队检查商户",
]


def _stretches(rng: random.Random, alternatives: list[str]) -> list[tuple[str, int, int]]:
    words = [w for w in (literal(a) for a in alternatives) if w is not None]
    texts = list(SENTENCES)
    chars = "".join(words) + "，、 了的在为共\n年3"
    for _ in range(10):
        texts.append("".join(rng.choice(words) if rng.random() < 0.5 else rng.choice(chars)
                             for _ in range(rng.randint(3, 14))) if words else "无")
    return [(text, begin, end) for text in texts
            for begin in range(len(text) + 1) for end in range(begin, len(text) + 1)
            if end - begin <= 16]


#: (template, ending, opens, spaces, at_end), as the labels step compiles its roles
TEMPLATES = [("(?:{})", "", True, False, False), ("(?:{})了?", "了", True, False, False),
             (r"(?:{})\s*$", "", True, False, True), (r"\s*(?:{})\s*$", "", False, False, True),
             (r"(?r)(?:{})\Z", "", False, False, True), (r"\s*(?:{})\s*", "", False, True, False),
             (r"\s*(?:{})", "", False, True, False),
             (r"\s*[，,；;]\s*(?:{})\s*(?:[:：为是达]\s*)?", "", False, False, False)]


@pytest.mark.parametrize("role", sorted(_roles()))
def test_lexicon_answers_what_its_pattern_answers(role: str) -> None:
    alternatives = sorted(_roles()[role], key=len, reverse=True)
    _same_answers(alternatives, _stretches(random.Random(role), alternatives))


def test_a_window_answers_at_its_reach() -> None:
    """A body named four characters on (its reach) is found; five on, the window says no."""
    alternatives = [r"\p{Han}{0,4}?(?:中心|大队)(?=受理)", "全年"]
    texts = ["一二三四中心受理", "一二三四五中心受理", " 二三四大队受理", "全年一二三大队受理"]
    _same_answers(alternatives, [(text, begin, end) for text in texts
                                 for begin in range(len(text) + 1)
                                 for end in range(begin, len(text) + 1)])


def _same_answers(alternatives: list[str], stretches: list[tuple[str, int, int]]) -> None:
    for template, ending, opens, spaces, at_end in TEMPLATES:
        pattern = regex.compile(template.format("|".join(f"(?:{a})" for a in alternatives)))
        lexicon = Lexicon(pattern, alternatives, union_of, ending, opens=opens, spaces=spaces,
                          at_end=at_end)
        for text, begin, end in stretches:
            span = (begin, end)
            assert _span(lexicon.search(text, *span)) == _span(pattern.search(text, *span))
            assert [m.span() for m in lexicon.finditer(text, *span, overlapped=True)] == \
                [m.span() for m in pattern.finditer(text, *span, overlapped=True)]
            assert _span(lexicon.match(text, *span)) == _span(pattern.match(text, *span))
            assert _span(lexicon.fullmatch(text, *span)) == _span(pattern.fullmatch(text, *span))
            if opens and not at_end:
                whole = pattern.fullmatch(text, *span) is not None
                assert lexicon.is_whole_at(text, *span) == whole
                assert lexicon.is_whole(text[begin:end]) == (
                    pattern.fullmatch(text[begin:end]) is not None)
                if not ending:
                    assert lexicon.ends_at(text, *span) == any(
                        m.end() == end for m in pattern.finditer(text, *span))


def _span(found: regex.Match[str] | None) -> tuple[int, int] | None:
    return None if found is None else found.span()
