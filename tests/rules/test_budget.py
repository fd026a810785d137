"""The timed pattern answers every call as the compiled ``regex`` pattern does, and each method
keeps to the budget (the timeout is passed by position, so each method's place for it counts)."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
import regex

from lawgov_ie.rules.backtracking import growth, max_width, needed_chars, ways_bound
from lawgov_ie.rules.budget import (
    PatternTimeoutWarning,
    compile_rule,
    compile_union,
    document_budget,
)

TEXT = "受理行政复议案件12件，审结10件，其中维持8件。"


def _spans(found: Any) -> Any:
    if found is None or isinstance(found, str):
        return found
    if isinstance(found, regex.Match):
        return found.span(), found.group(), found.partial
    return [_spans(m) if isinstance(m, regex.Match) else m for m in found]


@pytest.mark.parametrize("method, args, kwargs", [
    ("search", (TEXT,), {}), ("search", (TEXT, 5), {}), ("search", (TEXT, 5, 14), {}),
    ("search", ("审", ), {"partial": True}), ("match", (TEXT, 8, 12), {}),
    ("fullmatch", (TEXT, 8, 11), {}), ("fullmatch", (TEXT,), {}),
    ("finditer", (TEXT,), {}), ("finditer", (TEXT, 3, 20), {}),
    ("finditer", (TEXT,), {"overlapped": True}), ("findall", (TEXT, 10), {}),
    ("sub", ("#", TEXT), {"count": 1}),
])
@pytest.mark.parametrize("pattern", [r"\d+件|审结", r"\d{1,3}件|审结"])  # timed, quick
def test_a_timed_pattern_answers_as_the_compiled_one(method: str, args: tuple[Any, ...],
                                                     kwargs: dict[str, Any], pattern: str) -> None:
    compiled = regex.compile(pattern)
    timed = compile_rule(pattern, "test 'same'")
    for budget in (None, 1.0):
        with document_budget(budget) if budget else warnings.catch_warnings():
            assert _spans(getattr(timed, method)(*args, **kwargs)) == \
                _spans(getattr(compiled, method)(*args, **kwargs)), (method, args, kwargs)


@pytest.mark.parametrize("method, empty", [("search", None), ("match", None),
                                           ("fullmatch", None), ("finditer", []),
                                           ("findall", [])])
def test_every_method_keeps_to_the_budget(method: str, empty: Any) -> None:
    slow = compile_rule(r"(?:a{1,2}){1,100}[0-9]", f"not_record '{method}'")
    with warnings.catch_warnings(record=True) as caught, document_budget(0.1):
        warnings.simplefilter("always")
        found = getattr(slow, method)("a" * 60, 0, 60)
    assert (list(found) if method == "finditer" else found) == empty
    assert [w for w in caught if issubclass(w.category, PatternTimeoutWarning)]


def test_calls_without_a_timeout_still_count_against_the_budget() -> None:
    bounded = compile_rule(r"[0-9]{1,3}件", "not_record 'bounded'")
    with warnings.catch_warnings(record=True) as caught, document_budget(0.0005):
        warnings.simplefilter("always")
        answers = [bounded.match(TEXT, 8) for _ in range(20_000)]
    assert answers[0] is not None and answers[-1] is None  # given up along the way
    assert [w for w in caught if issubclass(w.category, PatternTimeoutWarning)]


@pytest.mark.parametrize("pattern, ways", [
    ("审结", 1), (r"\d{1,3}件", 3), (r"(?:行政|刑事){0,2}案件", 7), (r"(?<=[0-9])件{0,1}", 2),
    (r"\d+件", None), (r"\d++件", None), (r"(a)\1", None), (r"(?:a{1,2}){1,100}", None),
    (r"(?:名称){e<=1}", None),
])
def test_ways_bound_counts_the_ways_at_one_place(pattern: str, ways: int | None) -> None:
    assert ways_bound(pattern) == ways


@pytest.mark.parametrize("pattern, bound", [
    (r"\d{1,3}件", (3, 0)), (r"\d+件", (2, 1)), (r"[^，]*[0-9]+件", (4, 2)),
    (r"(?:[0-9]*、){0,2}", (7, 2)), (r"(?:ab)+", None), (r"(a)\1", None),
])
def test_growth_is_the_ways_at_one_place_by_the_span(pattern: str,
                                                     bound: tuple[int, int] | None) -> None:
    assert growth(pattern) == bound


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?P<x>a)(?P=x)", r"(?i)abc", r"a(?x) b",
                                     r"(?(1)a|b)", r"(?<x>a)\g<x>", r"(?a)\w"])
def test_a_union_is_refused_for_patterns_that_depend_on_the_others(pattern: str) -> None:
    assert compile_union(["一、", pattern], "test") is None


def test_a_union_matches_where_any_of_its_patterns_matches() -> None:
    patterns = [r"[一二三]、", r"[（(][一二三][）)]", r"\d(?=\.)", r"(?<=。)一是"]
    union = compile_union(patterns, "test")
    assert union is not None
    for text in ["一、总则", "（二）", "3.5", "完成。一是", "一是", "四、", "(三", ".3"]:
        for at in range(len(text)):
            expected = any(regex.match(p, text[at:]) if "(?<=" not in p
                           else regex.compile(p).match(text, at) for p in patterns)
            assert (union.match(text, at) is not None) == bool(expected), (text, at)


@pytest.mark.parametrize("pattern, needs", [
    ("审结|办结", {"审", "办"}), (r"(?<=[（(，,])\s*(?:含|内含)", {"含", "内"}),
    (r"[一二三]、", {"、"}), (r"近[两二三0-9]+年", {"近"}), (r"\d+件", {"件"}),
    (r"(?:甲|乙)?类\.", {"类"}), (r"[，,]\s*合计", {"合"}), (r"^(?:占|所占)", {"占", "所"}),
    (r"\d+", None), (r"[^，]+件?", None), (r"a{0,3}", None), (r"(?:案件)?", None),
    (r"(?i)abc", None), (r"a(?i:b)", None), (r"(?:名称){e<=1}", None), (r"(a)\1", None),
    (r"(?(1)a|b)", None), (r".", None),
])
def test_needed_chars_are_those_one_of_which_every_match_holds(pattern: str,
                                                               needs: set[str] | None) -> None:
    assert needed_chars(pattern) == (frozenset(needs) if needs is not None else None)


@pytest.mark.parametrize("pattern, width", [
    ("abc", 3), ("a{2,5}b", 6), (r"(?:ab|cde){2}", 6), (r"(?<=。)[一二]是(?=[\p{Han}])", 2),
    (r"\d{1,2}(?:[.．、](?![0-9])|[）)])", 3), (r"(?r)\p{Han}{1,8}?号", 9), (r"(?:ab|c)+", None),
    (r"\X", None), (r"(a)\1", None), (r"a{0,3}", 3),
])
def test_max_width_is_the_longest_match(pattern: str, width: int | None) -> None:
    assert max_width(pattern) == width
    if width is not None:
        for text in ["abcdeab", "一是制度", "12.3", "上海市号", "aaaa"]:
            for m in regex.finditer(pattern, text, overlapped=True):
                assert m.end() - m.start() <= width


@pytest.mark.parametrize("pattern, width", [
    (r"(?<=。)[一二]是(?=[\p{Han}])", 4), (r"a\b", 2), (r"(?<=a(?=bc))d", 4), ("ab", 2)])
def test_max_width_with_looks_is_how_far_a_try_reads(pattern: str, width: int) -> None:
    assert max_width(pattern, looks=True) == width


@pytest.mark.parametrize("text", ["维持8件", "撤销", "", "审", "其中审结10件", "abc"])
@pytest.mark.parametrize("pattern", [r"\d+件|审结", r"(?<=[（(，,])含", r"[，,]\s*合计"])
def test_a_short_string_without_the_needed_characters_answers_as_the_compiled_one(
        pattern: str, text: str) -> None:
    compiled = regex.compile(pattern)
    timed = compile_rule(pattern, "test 'screen'")
    for budget in (None, 1.0):
        with document_budget(budget) if budget else warnings.catch_warnings():
            for method in ("search", "match", "fullmatch", "finditer", "findall"):
                assert _spans(getattr(timed, method)(text)) == \
                    _spans(getattr(compiled, method)(text)), (method, text)
            assert timed.sub("#", text) == compiled.sub("#", text)


def test_a_screened_call_does_not_run_the_pattern_nor_spend_its_budget() -> None:
    bounded = compile_rule(r"[0-9]{1,3}件", "not_record 'screened'")
    with warnings.catch_warnings(record=True) as caught, document_budget(0.0):
        warnings.simplefilter("always")
        assert [bounded.search("维持撤销") for _ in range(100)] == [None] * 100
        assert not caught  # nothing ran, nothing was spent
        assert bounded.search("维持8件") is not None  # ran: over a budget of nothing, given up
        assert [w for w in caught if issubclass(w.category, PatternTimeoutWarning)]
        assert bounded.search("维持8件") is None
