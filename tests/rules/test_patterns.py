"""Pattern files as the extension point: new units and indicators without Python, merge layers
(add, override by id, disable by id), and a precise error — file, line, field — for every kind
of mistake, through ``load(patterns=...)`` and through ``lawgov-ie patterns check``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import lawgov_ie
from lawgov_ie.cli import main
from lawgov_ie.cli.patterns_cmd import reference_markdown
from lawgov_ie.errors import PatternProblem
from lawgov_ie.rules import KINDS
from lawgov_ie.rules.backtracking import find_runaway
from lawgov_ie.rules.files import bundled_pattern_dir, load_patterns

ROOT = Path(__file__).resolve().parents[2]

# Written for these tests: an administrative-mediation paragraph with a unit (工时) that the
# bundled files do not know.
TEXT = ("2025年，区司法局组织开展行政调解工作，全年受理行政调解案件126宗，调解成功118宗；"
        "开展调解员业务培训45工时。")

UNIT_LINE = {"kind": "unit", "id": "工时", "unit": "工时", "note": "培训、值守的工时数"}
INDICATOR_LINE = {"kind": "indicator", "id": "mediation.administrative", "name": "行政调解案件",
                  "units": ["件", "宗", "起"], "triggers": ["行政调解"], "priority": 40}


def write(folder: Path, name: str, *lines: dict[str, object] | str) -> Path:
    """A pattern file of JSON objects (or raw text lines) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(line if isinstance(line, str) else
                              json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
                    encoding="utf-8")
    return path


def records(patterns: list[Path] | None = None) -> list[lawgov_ie.Record]:
    return lawgov_ie.extract(TEXT, segmenter="char", patterns=patterns).records


def by_text(found: list[lawgov_ie.Record]) -> dict[str, lawgov_ie.Record]:
    return {r.text: r for r in found}


# --- extending the library without Python ------------------------------------------------------

def test_a_pattern_folder_adds_a_unit_and_an_indicator(tmp_path: Path) -> None:
    before = by_text(records())
    assert "45工时" not in before, "the bundled files learnt 工时: pick another unit for this test"
    assert all(r.indicator != "mediation.administrative" for r in before.values())

    write(tmp_path, "units.jsonl", "# my units", UNIT_LINE)
    write(tmp_path, "indicators.jsonl", INDICATOR_LINE)
    after = by_text(records([tmp_path]))

    assert after["45工时"].unit == "工时"
    assert after["45工时"].value == 45
    assert after["45工时"].kind == "count"
    assert TEXT[after["45工时"].start:after["45工时"].end] == "45工时"
    assert after["126宗"].indicator == "mediation.administrative"


def test_extract_command_takes_a_pattern_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                ) -> None:
    patterns = tmp_path / "patterns"
    write(patterns, "mine.jsonl", UNIT_LINE, INDICATOR_LINE)
    report_file = tmp_path / "report.txt"
    report_file.write_text(TEXT, encoding="utf-8")

    code = main(["extract", str(report_file), "--segmenter", "char", "--patterns", str(patterns)])

    assert code == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    found = {r["text"]: r for r in json.loads(line)["records"]}
    assert found["45工时"]["unit"] == "工时"
    assert found["126宗"]["indicator"] == "mediation.administrative"


@pytest.mark.pkuseg
def test_pkuseg_pipeline_takes_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path, "mine.jsonl", UNIT_LINE, INDICATOR_LINE, {"kind": "term", "id": "工时",
                                                              "text": "工时"})
    nlp = lawgov_ie.load(patterns=[tmp_path])
    found = by_text(nlp(TEXT)._.report.records)
    assert found["45工时"].unit == "工时"
    assert found["126宗"].indicator == "mediation.administrative"


# --- merge layers -----------------------------------------------------------------------------

def test_a_later_folder_overrides_by_id_and_disables_by_id(tmp_path: Path) -> None:
    first = write(tmp_path / "a", "units.jsonl", UNIT_LINE, INDICATOR_LINE)
    second = write(tmp_path / "b", "override.jsonl",
                   {**UNIT_LINE, "canonical": "人日", "note": "report 工时 as 人日"})
    third = write(tmp_path / "c", "off.jsonl",
                  {"kind": "indicator", "id": "mediation.administrative", "disabled": True})

    overridden = by_text(records([first.parent, second.parent]))
    assert overridden["45工时"].unit == "人日"
    assert overridden["126宗"].indicator == "mediation.administrative"

    switched_off = by_text(records([first.parent, second.parent, third.parent]))
    assert switched_off["45工时"].unit == "人日"
    assert switched_off["126宗"].indicator != "mediation.administrative"

    merged = load_patterns([first.parent, second.parent, third.parent])
    assert str(merged.origins[("unit", "工时")]) == f"{second}:1"
    assert [str(o) for o in merged.overridden[("unit", "工时")]] == [f"{first}:1"]
    assert str(merged.disabled[("indicator", "mediation.administrative")]) == f"{third}:1"
    assert "mediation.administrative" not in {p.id for p in merged.of("indicator")}


def test_a_user_file_overrides_and_disables_bundled_patterns(tmp_path: Path) -> None:
    bundled = load_patterns()
    unit, heading = bundled.of("unit")[0], bundled.of("heading")[0]
    mine = write(tmp_path, "mine.jsonl",
                 {**unit.model_dump(exclude_defaults=True), "kind": "unit", "note": "mine"},
                 {"kind": "heading", "id": heading.id, "disabled": True})

    merged = load_patterns([tmp_path])

    key = ("unit", unit.id)
    assert merged.origins[key].path == mine
    assert merged.overridden[key][0].path.parent == bundled_pattern_dir()
    assert [p.note for p in merged.of("unit") if p.id == unit.id] == ["mine"]
    assert heading.id not in {h.id for h in merged.of("heading")}
    assert len(merged) == len(bundled) - 1


def test_patterns_list_shows_origin_override_and_disabled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a", "a.jsonl", UNIT_LINE)
    write(tmp_path / "b", "b.jsonl", {**UNIT_LINE, "canonical": "人日"},
          {"kind": "unit", "id": load_patterns().of("unit")[0].id, "disabled": True})

    code = main(["patterns", "list", "--kind", "unit",
                 "--patterns", str(tmp_path / "a"), "--patterns", str(tmp_path / "b")])

    out = capsys.readouterr().out
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("unit") and " 工时 " in line)
    assert "b.jsonl:1" in row and "overrides" in row and "a.jsonl:1" in row
    disabled = [line for line in out.splitlines() if "disabled (was " in line]
    assert len(disabled) == 1 and "b.jsonl:2" in disabled[0] and "units.jsonl" in disabled[0]


# --- precise errors ----------------------------------------------------------------------------

GOOD = json.dumps(UNIT_LINE, ensure_ascii=False)

MISTAKES = [
    # (what, line 2 of the file, field, words in the message)
    ("invalid JSON", '{"kind": "unit", "id": "架次", "unit": "架次"', None, "invalid JSON"),
    ("unknown field", '{"kind": "unit", "id": "架次", "unit": "架次", "unitkind": "count"}',
     "unitkind", "unknown field; did you mean 'unit_kind'?"),
    ("duplicate id", GOOD, "id", "duplicate id '工时'"),
    ("invalid regular expression",
     '{"kind": "indicator", "id": "x", "name": "行政调解", "triggers": ["行政调解(案件"]}',
     "triggers[0]", "invalid regular expression '行政调解(案件'"),
    ("nested quantifiers",
     '{"kind": "indicator", "id": "x", "name": "行政调解", "triggers": ["调解", "(行政调解+)+"]}',
     "triggers[1]", "could backtrack without end: the repeat '(行政调解+)+'"),
    ("overlapping alternatives",
     '{"kind": "not_record", "id": "x", "regex": "(?:\\\\d|\\\\d\\\\d)*号"}',
     "regex", "alternatives '\\d' and '\\d\\d'"),
    ("bad value", '{"kind": "unit", "id": "x", "unit": "x", "unit_kind": "counts"}',
     "unit_kind", "(got \"counts\")"),
    ("missing field", '{"kind": "unit", "id": "x"}', "unit", "required field is missing"),
    ("unknown kind", '{"kind": "units", "id": "x", "unit": "x"}', "kind", "unknown kind 'units'"),
    ("nothing to disable", '{"kind": "unit", "id": "没有这个", "disabled": true}', "id",
     "nothing to disable"),
]


@pytest.mark.parametrize(("what", "line", "field", "words"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_load_names_file_line_and_field(tmp_path: Path, what: str, line: str,
                                        field: str | None, words: str) -> None:
    path = write(tmp_path, "mine.jsonl", GOOD, line)

    with pytest.raises(lawgov_ie.PatternError) as caught:
        lawgov_ie.load(segmenter="char", patterns=[tmp_path])

    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.field) == (path, 2, field)
    assert words in problem.message
    assert f"{path}:2: " in str(caught.value)


@pytest.mark.parametrize(("what", "line", "field", "words"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_patterns_check_prints_file_line_and_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        what: str, line: str, field: str | None, words: str) -> None:
    write(tmp_path, "mine.jsonl", GOOD, line)
    monkeypatch.chdir(tmp_path)

    code = main(["patterns", "check", "."])

    out = capsys.readouterr().out.splitlines()
    assert code == 1
    where = "mine.jsonl:2: " + (f"field '{field}': " if field else "")
    assert [x for x in out if x.startswith("mine.jsonl")] == [next(
        x for x in out if x.startswith(where) and words in x)]
    assert out[-1] == "1 problem found"


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", "# comment", "", '{"kind": "unit"', GOOD,
          {"kind": "unit", "id": "坏", "unit": ""}, {"kind": "unit", "id": "坏", "unit": "坏"})
    write(tmp_path / "sub", "b.jsonl", GOOD, '{"kind": "heading", "id": "h", "regex": "(a*)*",'
                                             ' "level": 12}')

    with pytest.raises(lawgov_ie.PatternError) as caught:
        load_patterns([tmp_path])

    found = {(p.path.name, p.line, p.field) for p in caught.value.problems}
    assert found == {("a.jsonl", 3, None), ("a.jsonl", 5, "unit"), ("a.jsonl", 6, "id"),
                     ("b.jsonl", 1, "id"), ("b.jsonl", 2, "regex"), ("b.jsonl", 2, "level")}


def test_patterns_check_passes_good_files(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "mine.jsonl", "\ufeff# saved with a byte-order mark", UNIT_LINE,
          INDICATOR_LINE, {"kind": "unit", "id": load_patterns().of("unit")[0].id,
                           "disabled": True})

    assert main(["patterns", "check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: 1 file checked; 2 pattern(s) added, 0 overridden, 1 disabled")


def test_patterns_check_of_the_bundled_files_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["patterns", "check", str(bundled_pattern_dir())]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("path", ["missing-folder", "empty-folder", "latin1.jsonl"])
def test_unreadable_paths_are_problems_not_tracebacks(tmp_path: Path, path: str) -> None:
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "latin1.jsonl").write_bytes('{"kind": "unit", "id": "é"}'.encode("latin-1"))

    with pytest.raises(lawgov_ie.PatternError) as caught:
        load_patterns([tmp_path / path])

    (problem,) = caught.value.problems
    assert problem.path == tmp_path / path
    assert re.search("no such file|no pattern files|not UTF-8", problem.message)


def test_a_broken_pattern_folder_fails_the_extract_command_cleanly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "mine.jsonl", '{"kind": "unit", "id": "x", "unit": "x", "scale": "big"}')
    report_file = tmp_path / "report.txt"
    report_file.write_text(TEXT, encoding="utf-8")

    code = main(["extract", str(report_file), "--segmenter", "char", "--patterns", str(tmp_path)])

    err = capsys.readouterr().err
    assert code != 0
    assert f"{tmp_path / 'mine.jsonl'}:1: field 'scale'" in err
    assert "Traceback" not in err


def test_problem_text_names_file_line_and_field() -> None:
    problem = PatternProblem(Path("p/units.jsonl"), 7, "scale", "Input should be a valid number")
    assert str(problem) == "p/units.jsonl:7: field 'scale': Input should be a valid number"


# --- the backtracking check on its own --------------------------------------------------------

RUNAWAY = {
    r"(a+)+": "'a+' (column 2)",
    r"(a*)*": "'a*' (column 2)",
    r"(a|a)*": "alternatives 'a' and 'a'",
    r"(?:a|aa)+b": "alternatives 'a' and 'aa'",
    r"(\d+){2,}": r"'\d+' (column 2)",
    r"x(?:\s*\w+)*y": r"'\s*' (column 5)",
    r"(?:(?:a|b)+c)*": "'(?:a|b)+' (column 4)",
    r"(?:[^，]+，)+": "'[^，]+' (column 4)",
    r"(?:第(?:一|一二))+": "alternatives '一' and '一二' in the group '(?:一|一二)' (column 5)",
    r"(?x) ( \p{Han} + ) +": r"'\p{Han} +' (column 8)",
    r"(?P<x>[\p{Han}]+)*": r"'[\p{Han}]+' (column 7)",
}

SAFE = [
    r"[\p{Han}]{1,8}〔(?:19|20)[0-9]{2}〕[0-9]{1,4}号",
    r"(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?",
    r"(?:[^，]++，)+",  # possessive inner repeat
    r"(?>[^，]+，)+",  # atomic group
    r"(?:十一|十二)+",  # alternatives that differ at the second character
    r"(?:万元|元)*",
    r"[]a]+", r"[(]+\)", r"\(+\)", r"(a)\1+", r"(?:\p{Han}|\d)+", r"(a+)?", r"(?:ab|cd){2}",
    r"[[a-z]--[aeiou]]+", r"(?#(a+)+)x", r"\p{Han}{2,6}(?:委员会|中心)",
]


@pytest.mark.parametrize(("pattern", "part"), RUNAWAY.items())
def test_runaway_regexes_are_found_and_the_part_named(pattern: str, part: str) -> None:
    reason = find_runaway(pattern)
    assert reason is not None and part in reason


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_regexes_pass(pattern: str) -> None:
    assert find_runaway(pattern) is None


# --- the docs stay true ------------------------------------------------------------------------

def test_patterns_kinds_lists_every_kind_and_its_required_fields(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["patterns", "kinds"]) == 0
    out = capsys.readouterr().out
    assert {line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")} \
        == set(KINDS)
    assert "    unit: text (not empty) (required)" in out
    assert "    triggers: list of regex" in out


def test_docs_reference_matches_the_models() -> None:
    text = (ROOT / "docs" / "patterns.md").read_text(encoding="utf-8")
    begin = "<!-- generated by `lawgov-ie patterns kinds --markdown`: do not edit -->\n"
    end = "<!-- end of generated reference -->"
    assert begin in text and end in text
    generated = text.split(begin, 1)[1].split(end, 1)[0]
    assert generated.strip() == reference_markdown().strip(), (
        "docs/patterns.md is out of date: replace its reference part with the output of "
        "`lawgov-ie patterns kinds --markdown`")
