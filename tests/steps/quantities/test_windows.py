"""Where a not_record or implicit_zero pattern is run (nowhere, the whole text, or windows around
the strings it needs) finds what running it on the whole text finds: on sentences written to
hold those strings close together, apart, at the text's ends and across lines."""

from __future__ import annotations

from dataclasses import replace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.quantities.reader import QuantityReader, _Screen

READER = QuantityReader.from_patterns(load_patterns())
PATTERNS = [rule.pattern.pattern for rule in READER.not_records] + \
    [pattern.pattern for pattern in READER.implicit_zeros]
SCREEN = _Screen(PATTERNS)
COMPILED = [regex.compile(p) for p in PATTERNS]

_PIECES = st.sampled_from([
    "两个维护", "四个意识", "三项制度", "5个办", "12345", "热线", "便民服务", "平台",
    "一村一", "三治", "索引号", "发布日期：", "\n", "，", "。", "第", "一", "二", "套", "班子",
    "领导班子", "大", "星期三", "每周", "零事故", "未被", "撤销", "无", "发生", "《", "》",
    "“", "”", "12", ".", "0", "的", "以上", "服务热线", "24小时", "15分钟", "圈", "每天",
    "几十", "受理", " "])


def _spans(pattern: regex.Pattern[str], text: str, where: bool | list[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    if where is True:
        return sorted(m.span() for m in pattern.finditer(text))
    return sorted(m.span() for pos, endpos in where or ()
                  for m in pattern.finditer(text, pos, endpos))


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=40))
def test_each_pattern_finds_in_its_windows_what_it_finds_in_the_whole_text(
        pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, where in zip(COMPILED, SCREEN.where(text), strict=True):
        assert _spans(pattern, text, where) == _spans(pattern, text, True), pattern.pattern


def test_windows_are_used_and_a_text_without_the_strings_is_not_scanned() -> None:
    text = "全年受理案件12件。" * 50 + "开通12345热线。" + "办结10件。" * 50
    where = dict(zip(PATTERNS, SCREEN.where(text), strict=True))
    hotline = next(p for p in PATTERNS if "12345" in p)
    windows = where[hotline]
    assert isinstance(windows, list) and len(windows) == 1
    assert sum(end - start for start, end in windows) < 40
    furniture = next(p for p in PATTERNS if "索引号" in p)
    assert where[furniture] is False


_UNBOUNDED = QuantityReader.from_patterns(load_patterns())
_UNBOUNDED.not_records = [replace(rule, stretches=None) for rule in _UNBOUNDED.not_records]
_STRETCH_PIECES = st.sampled_from([
    "超过", "不少于", "罚款", "5000", "75", "１２", "3.5", "二十", "万", "元", "吨", "件", "辆",
    "以上", "及以下", "的", "案件", "货车", "，", "。", "、", "\n", " ", "《", "》", "共", "办理",
    "全年", "个", "%", "以", "下"])


@settings(max_examples=300)
@given(st.lists(_STRETCH_PIECES, max_size=40))
def test_a_rule_without_windows_reads_only_the_stretches_of_quantities_as_the_whole_text(
        pieces: list[str]) -> None:
    text = "".join(pieces)
    assert READER.read(text) == _UNBOUNDED.read(text)


def test_the_unbounded_threshold_rule_reads_stretches_and_still_drops_its_bound() -> None:
    assert any(rule.stretches is not None for rule in READER.not_records)
    text = "查处总重超过75吨的货车31辆，罚款5000元以上的案件12件。" * 3
    assert [q.text for q in READER.read(text)] == ["31辆", "12件"] * 3
    assert READER.read(text) == _UNBOUNDED.read(text)
