"""Hostile pattern files (issue 16, items 7 and 8): explosive nested bounded repeats refused
naming the part, a time budget per document for what gets through, finite bounded numbers,
nesting and size limits, printable messages."""

from __future__ import annotations

import argparse
import io
import json
import time
import warnings
from pathlib import Path

import pytest

import lawgov_ie
from lawgov_ie.cli.patterns_cmd import run_check
from lawgov_ie.errors import PatternError
from lawgov_ie.rules import backtracking
from lawgov_ie.rules.budget import PatternTimeoutWarning, compile_rule, document_budget
from lawgov_ie.rules.files import MAX_FILE_BYTES, load_patterns

EXPLOSIVE = {
    r"(?:\p{Han}{1,30}){1,30}[a-z]": r"'\p{Han}{1,30}' (column 4)",
    r"(?:\p{Han}\p{Han}?){1,200}[a-z]": r"'\p{Han}?' (column 11)",
    r"(?:.{0,30}法){0,30}[a-z]": "'.{0,30}' (column 4)",
    r"(?:a{1,2}){1,100}[0-9]": "'a{1,2}' (column 4)",
}
TEXT = ("一、基本情况\n全年办理行政复议案件12件，调解纠纷30起。\n"
        "坚持以法治思维和法治方式推进各项工作深入开展全面提升依法行政能力水平持续优化营商环境"
        "让群众在每一件小事上感到公平正义让基层依法办事成为日常习惯\n")


def _folder(tmp_path: Path, *lines: dict[str, object]) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    (folder / "mine.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n"
                                               for line in lines), encoding="utf-8")
    return folder


@pytest.mark.parametrize("pattern", list(EXPLOSIVE))
@pytest.mark.parametrize("kind", ["not_record", "entity"])
def test_nested_bounded_repeats_that_explode_are_refused_naming_the_part(
        tmp_path: Path, pattern: str, kind: str) -> None:
    line: dict[str, object] = {"kind": kind, "id": "mine", "regex": pattern}
    if kind == "entity":
        line["label"] = "ORG"
    with pytest.raises(PatternError) as caught:
        load_patterns(_folder(tmp_path, line))
    message = str(caught.value)
    assert "mine.jsonl:1: field 'regex'" in message
    assert EXPLOSIVE[pattern] in message and "possessive" in message


@pytest.mark.parametrize("pattern", [r"(?:第\d{1,3}条){1,10}", r"(?:[0-9]{1,3},){1,5}",
                                     r"(?:[，、]?\p{Han}{2,8}){1,3}",
                                     r"(?:\p{Han}{1,30}+){1,30}[a-z]"])
def test_bounded_repeats_that_cannot_explode_pass(pattern: str) -> None:
    assert backtracking.find_runaway(pattern) is None


def test_a_slow_pattern_runs_out_of_its_budget_once_per_document() -> None:
    slow = compile_rule(r"(?:a{1,2}){1,100}[0-9]", "not_record 'slow'")
    text = "a" * 60
    with warnings.catch_warnings(record=True) as caught, document_budget(0.2):
        warnings.simplefilter("always")
        started = time.monotonic()
        assert slow.search(text) is None
        assert list(slow.finditer(text)) == []  # skipped: no second wait
        spent = time.monotonic() - started
    named = [w for w in caught if issubclass(w.category, PatternTimeoutWarning)]
    assert len(named) == 1 and "not_record 'slow'" in str(named[0].message)
    assert spent < 30  # the budget, not the pattern's 3**60 steps
    with document_budget(0.2):  # a new document: a new budget (and the same answer)
        assert compile_rule("a+", "not_record 'fast'").search(text) is not None


def test_a_runaway_pattern_that_gets_past_the_check_is_skipped_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lawgov_ie.rules.base.find_runaway", lambda pattern: None)
    monkeypatch.setattr("lawgov_ie.rules.budget.BUDGET_SECONDS", 0.2)
    folder = _folder(tmp_path, {"kind": "not_record", "id": "runaway",
                                "regex": r"(?:\p{Han}{1,30}){1,30}[a-z]"})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = lawgov_ie.extract(TEXT, segmenter="char", patterns=folder)
    assert [r.value for r in report.records] == [12, 30]
    assert any("not_record 'runaway'" in str(w.message) for w in caught
               if issubclass(w.category, PatternTimeoutWarning))


@pytest.mark.parametrize("scale", ["1e308", "NaN", "Infinity", "-1", "0"])
def test_unit_scale_must_be_finite_and_within_bounds(tmp_path: Path, scale: str) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "units.jsonl").write_text(
        f'{{"kind": "unit", "id": "huge", "unit": "兆件", "scale": {scale}}}\n',
        encoding="utf-8")
    with pytest.raises(PatternError, match="field 'scale'"):
        load_patterns(folder)


def test_a_line_nested_a_thousand_deep_is_a_clear_problem(tmp_path: Path) -> None:
    folder = tmp_path / "deep"
    folder.mkdir()
    (folder / "deep.jsonl").write_text("[" * 1000 + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match="nest 1000 levels deep"):
        load_patterns(folder)
    regex_folder = _folder(tmp_path, {"kind": "not_record", "id": "deep",
                                      "regex": "(" * 1000 + "a" + ")" * 1000})
    with pytest.raises(PatternError, match="nests its groups 1000 levels deep"):
        load_patterns(regex_folder)


def test_a_pattern_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    line = json.dumps({"kind": "term", "id": "x", "text": "法治"}) + "\n"
    (folder / "big.jsonl").write_text("#" + " " * (MAX_FILE_BYTES) + "\n" + line)
    with pytest.raises(PatternError, match="a pattern file may hold 10 MB"):
        load_patterns(folder)


def test_a_lone_surrogate_in_an_id_is_reported_printably(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    line = '{"kind": "term", "id": "a\\ud800b", "text": "法治"}\n'
    (folder / "odd.jsonl").write_text(line * 2, encoding="utf-8")
    out = io.StringIO()
    code = run_check(argparse.Namespace(paths=[str(folder)]), out)
    shown = out.getvalue()
    assert code == 1
    shown.encode("utf-8")  # no lone surrogate left: it can be printed
    assert "a\\ud800b" in shown
