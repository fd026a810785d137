"""Sections: heading levels, kinds from the heading words, and where each section ends."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_ie.doc_data import SectionInfo
from lawgov_ie.errors import PatternError
from lawgov_ie.rules.budget import TimedPattern, document_budget
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.sections.reader import SectionReader
from lawgov_ie.text.index import SectionPaths

READER = SectionReader.from_patterns(load_patterns())

REPORT = """关于2024年度法治政府建设情况的报告

## 一、2024年主要工作和成效
**（一）加强组织领导**
镇党委专题研究法治工作4次。一是健全机制，制定工作规则。二是压实责任。
1. 完善制度
制定制度3项。
（1）清理文件
清理文件12件。
2. 规范执法
（二）深化普法宣传
开展普法活动20场。
二、存在的问题和不足
基层执法力量薄弱。
三、下一步工作打算
继续加强队伍建设。

东湖镇人民政府
2025年1月20日
"""


def _by_title(sections: list[SectionInfo]) -> dict[str, SectionInfo]:
    return {s.title: s for s in sections}


def test_levels_titles_and_kinds() -> None:
    sections = READER.read(REPORT)
    found = [(s.level, s.title, s.kind) for s in sections]
    assert found == [
        (1, "2024年主要工作和成效", "achievement"),
        (2, "加强组织领导", "achievement"),
        (5, "健全机制", "achievement"),
        (5, "压实责任", "achievement"),
        (3, "完善制度", "achievement"),
        (4, "清理文件", "achievement"),
        (3, "规范执法", "achievement"),
        (2, "深化普法宣传", "achievement"),
        (1, "存在的问题和不足", "problem"),
        (1, "下一步工作打算", "plan"),
    ]


def test_offsets_hold_the_heading_and_sections_end_at_the_next_same_or_higher_heading() -> None:
    sections = READER.read(REPORT)
    for section in sections:
        assert REPORT[section.start:section.title_end].endswith(section.title)
        assert section.start < section.end <= len(REPORT)
    titles = _by_title(sections)
    # 一、 ends where 二、 begins its line; （一） where （二） does, the Markdown ** included
    assert REPORT[titles["2024年主要工作和成效"].end:].lstrip().startswith("二、存在的问题")
    assert REPORT[titles["加强组织领导"].end:].lstrip().startswith("（二）深化普法宣传")
    assert REPORT[:titles["加强组织领导"].start].endswith("**")
    # 1. holds （1） and ends at 2.; an inline 一是 ends at 二是, 二是 with its paragraph
    assert titles["完善制度"].start < titles["清理文件"].start < titles["完善制度"].end
    assert REPORT[titles["完善制度"].end:].lstrip().startswith("2. 规范执法")
    assert REPORT[titles["健全机制"].start:titles["健全机制"].end] == "一是健全机制，制定工作规则。"
    assert REPORT[titles["压实责任"].start:titles["压实责任"].end] == "二是压实责任。"


def test_the_last_section_stops_before_the_signature() -> None:
    last = READER.read(REPORT)[-1]
    assert REPORT[last.start:last.end] == "三、下一步工作打算\n继续加强队伍建设。"


def path_at(sections: list[SectionInfo], offset: int) -> list[SectionInfo]:
    """The definition SectionPaths must agree with: every section holding ``offset``."""
    return [s for s in sections if s.start <= offset < max(s.end, s.title_end)]


def test_path_at_an_offset_is_outermost_first() -> None:
    sections = READER.read(REPORT)
    offset = REPORT.index("12件")
    assert [s.title for s in SectionPaths(sections).at(offset)] == [
        "2024年主要工作和成效", "加强组织领导", "完善制度", "清理文件"]
    assert SectionPaths(sections).at(REPORT.index("东湖镇人民政府")) == []


def test_section_paths_answer_as_path_at_for_every_offset(seed_texts: dict[str, str]) -> None:
    deepest = 0
    for text in [REPORT, *seed_texts.values()]:
        sections = READER.read(text)
        paths = SectionPaths(sections)
        for offset in range(-1, len(text) + 2):
            assert paths.at(offset) == path_at(sections, offset)
            deepest = max(deepest, len(paths.at(offset)))
    assert deepest >= 3  # nested headings were among them


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30), st.integers(0, 8)),
                max_size=12), st.integers(-2, 100))
def test_section_paths_hold_for_any_spans(spans: list[tuple[int, int, int]], offset: int) -> None:
    """Overlapping, nested, empty or out-of-order sections: the same answer as path_at."""
    sections = sorted((SectionInfo(f"s{n}", 1, "other", "other", start, start + length,
                                   start + title) for n, (start, length, title)
                       in enumerate(spans)), key=lambda s: s.start)
    assert SectionPaths(sections).at(offset) == path_at(sections, offset)


def test_duties_heading_is_kept_apart_and_reported_as_other() -> None:
    text = ("一、主要举措\n做法。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n带头学法。\n")
    duties = READER.read(text)[1]
    assert (duties.kind, duties.heading_kind) == ("other", "duties")


def test_long_first_line_is_cut_at_its_first_clause() -> None:
    text = ("一、压实工作责任，调整充实全乡依法行政工作专班，由乡长牵头统筹推进各项任务"
            "落实，建立各站所协同配合的推进机制，确保每项任务都有专人负责。\n")
    assert [s.title for s in READER.read(text)] == ["压实工作责任"]


def test_headings_inside_a_sentence_are_not_headings() -> None:
    text = "一、主要工作\n全年办结案件1.5万件，占比2、3成，其中一是指标。\n"
    assert [s.title for s in READER.read(text)] == ["主要工作"]


def test_seed_reports_have_problem_and_plan_sections(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        sections = READER.read(text)
        assert sections, name
        kinds = {s.kind for s in sections if s.level == 1}
        assert "plan" in kinds, name
        for first, second in itertools.pairwise(sections):
            if second.level <= first.level:  # a sibling or a higher heading closes the section
                assert first.end <= second.start, (name, first.title)


def test_a_user_pattern_file_adds_heading_words(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"kind": "section_kind", "id": "lessons", "section_kind": "problem",'
                     ' "words": ["经验教训"]}\n', encoding="utf-8")
    reader = SectionReader.from_patterns(load_patterns([extra]))
    text = "一、主要做法\n做法。\n二、经验教训\n教训。\n"
    assert [s.kind for s in reader.read(text)] == ["achievement", "problem"]


def test_a_bad_heading_line_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('# mine\n{"kind": "heading", "id": "x", "regex": "[一二", "level": 1}\n',
                   encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_patterns([bad])
    message = str(caught.value)
    assert f"{bad}:2" in message and "regex" in message


_LINE_PARTS = st.sampled_from(["一、", "二．", "十二、", "（三）", "(4)", "3.", "１２、", "5）",
                               "四是", "12.5", "一是", "## ", "**", "　", " ", "制定制度", "。",
                               "：", "，", "\n", "镇", "3件", "是"])


@given(st.lists(_LINE_PARTS, max_size=40))
def test_one_call_for_any_marker_finds_the_headings_trying_each_style_finds(
        parts: list[str]) -> None:
    text = "".join(parts)
    each_style = SectionReader.from_patterns(load_patterns())
    each_style.any_marker = None  # every style tried on every line
    assert READER.any_marker is not None
    assert READER.read(text) == each_style.read(text)


@given(st.lists(_LINE_PARTS, max_size=40))
def test_lines_passed_over_by_their_first_characters_open_no_heading(parts: list[str]) -> None:
    text = "".join(parts)
    every_line = SectionReader.from_patterns(load_patterns())
    every_line._marker_lines = every_line._marker_screen = None  # each line, each marker tried
    assert READER._marker_lines is not None
    assert READER.read(text) == every_line.read(text)


def test_headings_are_found_when_the_union_of_markers_runs_out_of_its_budget() -> None:
    reader = SectionReader.from_patterns(load_patterns())
    assert reader.any_marker is not None
    reader.any_marker = TimedPattern(r"、?(?:a{1,2}){1,100}[0-9]", "heading patterns (any)")
    text = "、" + "a" * 60 + "\n" + REPORT  # 、 lets the line be tried (a marker could hold it)
    with warnings.catch_warnings(record=True), document_budget(0.05):
        warnings.simplefilter("always")
        found = reader.read(text)
        assert reader.any_marker.given_up()
    assert [s.title for s in found] == [s.title for s in READER.read(text)]
    assert len(found) >= 8


@given(st.lists(st.sampled_from(["存在", "问题", "不足", "计划", "下一步", "述法", "工作", "主要",
                                 "成效", "职责", "一、", "思路", "打算", "法治"]), max_size=6))
def test_a_heading_takes_the_first_kind_one_of_whose_words_it_holds(parts: list[str]) -> None:
    title = "".join(parts)
    first = next((kind for kind, words in READER.kinds if any(w in title for w in words)), None)
    assert READER.heading_kind(title) == first
