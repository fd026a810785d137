"""The screen lets through every pattern that matches a text, and holds back those whose needed
texts are not in it."""

from __future__ import annotations

import pickle

import pytest
import regex

from lawgov_ie.rules.backtracking import held_characters, needed_strings
from lawgov_ie.rules.screen import Screen, holds

PATTERNS = [r"(?:人民)?调解[^，]*", r"审结|办结", r"^(?!.*(?:纠纷|矛盾)).*(?:复议|诉讼)", r"\d+件",
            r"(?i)abc", r"[，,]\s*合计", r"中(?![心国])上"]
TEXTS = ["人民调解纠纷20件", "审结案件", "办理行政复议", "矛盾纠纷复议", "ABC", "甲3件，合计5件",
         "中上", "中心上", "其他", "", "结案", "调 解"]


@pytest.mark.parametrize("pattern, needs", [
    (r"(?:人民)?调解[^，]*", {"调解"}), ("审结|办结", {"审结", "办结"}),
    (r"中(?![心国])上", {"中上"}), (r"[，,]\s*合计", {"合计"}), (r"^(?:占|所占)", {"占", "所占"}),
    (r"学习.{0,20}(?:法律|法规)", {"学习"}), (r"\d+件", {"件"}), (r"\d+", None),
    (r"(?:案件)?", None), (r"(?i)abc", None), (r"(a)\1", None),
])
def test_needed_strings_are_runs_one_of_which_every_match_holds(
        pattern: str, needs: set[str] | None) -> None:
    assert needed_strings(pattern) == (frozenset(needs) if needs is not None else None)


@pytest.mark.parametrize("text", TEXTS)
def test_the_screen_lets_through_every_pattern_that_matches(text: str) -> None:
    screen = Screen([regex.compile(p) for p in PATTERNS])
    possible = screen.possible(text)
    for number, pattern in enumerate(PATTERNS):
        if regex.search(pattern, text):
            assert possible >> number & 1, (pattern, text)


def test_the_screen_holds_back_patterns_whose_needed_texts_are_absent() -> None:
    screen = Screen([regex.compile(p) for p in PATTERNS] + [None])
    possible = screen.possible("其他")
    assert possible == 1 << 4  # (?i)abc: what it needs is not known (case folds), always tried
    assert screen.possible("受理复议3件") == 1 << 2 | 1 << 3 | 1 << 4


def test_spots_say_where_a_pattern_may_match_in_a_part_of_a_text() -> None:
    patterns = [regex.compile(p) for p in PATTERNS]
    text = "人民调解纠纷20件，审结案件5件，其中上年审结3件；办理行政复议2件，合计7件。中上"
    spots = Screen(patterns).spots(text)
    for pattern in patterns:
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                if pattern.search(text[start:end]):
                    assert spots.may_match(pattern, start, end), (pattern.pattern, start, end)
                    assert holds(spots.starts(*patterns), start, end)
    assert not spots.may_match(patterns[1], 0, 9)  # 审结 first stands at 10
    assert spots.may_match(patterns[1], 0, 12)
    assert spots.starts(patterns[1]) == [10, 21]
    assert not holds(spots.starts(patterns[1]), 11, 21) and holds(None, 11, 21)


def test_a_screen_pickles() -> None:
    screen = Screen([regex.compile(p) for p in PATTERNS])
    again = pickle.loads(pickle.dumps(screen))
    for text in TEXTS:
        assert again.possible(text) == screen.possible(text)


def test_held_characters_are_what_a_match_can_take_and_how_far_a_try_reads() -> None:
    held = held_characters(r"(?:超过|[0-9]+\p{Han}?)(?=以上)吨的(?=\p{Han})")
    assert held is not None
    source, reach = held
    one = regex.compile(f"(?:{source})")
    assert all(one.fullmatch(c) for c in "超过5吨的货")
    assert not any(one.fullmatch(c) for c in "，。\n《a")
    assert reach == 2  # 以上
    assert held_characters("a*") is None  # a match may be empty
    assert held_characters(r"(\d)x\1") is None  # a back reference
