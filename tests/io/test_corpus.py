"""Report boundaries: one document per report, split within files, and joined across files
only with ``join_continued``.

The seed reports each hold one complete report; the tests make files holding several reports,
and reports cut into several files, by concatenating and cutting them.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from lawgov_ie.errors import InputError
from lawgov_ie.io.corpus import (
    CorpusDocument,
    continues,
    documents,
    find_files,
    is_complete,
    opens_report,
    split_reports,
)


def _seeds(seed_texts: dict[str, str]) -> list[str]:
    return list(seed_texts.values())


def _covers(text: str, pieces: list[tuple[int, int]]) -> bool:
    """The pieces follow each other without gap or overlap over the whole text."""
    ends = [0] + [end for _, end in pieces]
    return [start for start, _ in pieces] == ends[:-1] and ends[-1] == len(text)


def _cut_in_body(text: str) -> int:
    """A line break near the middle of the report body."""
    middle = len(text) // 2
    return text.index("\n", middle) + 1


def test_each_seed_file_is_one_report(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        assert split_reports(text) == [(0, len(text))], name


@pytest.mark.parametrize("separator", ["\n", "\n\n\n"])
def test_two_reports_in_one_file_are_split_where_the_second_begins(
        seed_texts: dict[str, str], separator: str) -> None:
    for first, second in itertools.permutations(_seeds(seed_texts), 2):
        text = first + separator + second
        pieces = split_reports(text)
        assert len(pieces) == 2 and _covers(text, pieces)
        start, end = pieces[1]
        assert text[start:end].strip() == second.strip()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_all_seed_reports_in_one_file_are_five_documents(
        seed_texts: dict[str, str], newline: str) -> None:
    seeds = [s.replace("\n", newline) for s in _seeds(seed_texts)]
    text = newline.join(seeds)
    pieces = split_reports(text)
    assert _covers(text, pieces)
    assert [text[a:b].strip() for a, b in pieces] == [s.strip() for s in seeds]


def test_a_cover_letter_stays_with_its_report(seed_texts: dict[str, str]) -> None:
    # 000 opens with a cover letter, signed and dated, before the report's own title
    cover_first = next(t for n, t in seed_texts.items() if n.startswith("000"))
    other = next(t for n, t in seed_texts.items() if n.startswith("002"))
    assert "请审阅" in cover_first.split("\n\n\n")[0]
    text = other + "\n" + cover_first
    pieces = split_reports(text)
    assert len(pieces) == 2
    assert text[pieces[1][0]:].strip() == cover_first.strip()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_completeness_and_openings_of_the_seeds(
        seed_texts: dict[str, str], newline: str) -> None:
    texts = {name: text.replace("\n", newline) for name, text in seed_texts.items()}
    complete = {name[:3]: is_complete(text) for name, text in texts.items()}
    # 000 and 001 stop after their last paragraph; the others end with a signature date
    assert complete == {"000": False, "001": False, "002": True, "003": True, "004": True}
    for text in texts.values():
        assert opens_report(text)
        assert not opens_report(text[_cut_in_body(text):])


def _write(folder: Path, files: dict[str, str], encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding=encoding)
    return folder


def _join_spans(document: CorpusDocument) -> str:
    texts = {s: Path(s).read_text(encoding="utf-8") for s in document.sources}
    return "".join(texts[path][start:end] for path, start, end in document.spans)


@pytest.mark.parametrize("where", ["line", "mid-sentence"])
def test_a_report_cut_into_two_files_is_joined(
        tmp_path: Path, seed_texts: dict[str, str], where: str) -> None:
    for text in seed_texts.values():
        cut = _cut_in_body(text) if where == "line" else len(text) // 2
        folder = _write(tmp_path / f"{where}{len(text)}",
                        {"part1.txt": text[:cut], "part2.txt": text[cut:]})
        (document,) = documents([folder], join_continued=True)
        assert document.text == text
        assert document.sources == [str(folder / "part1.txt"), str(folder / "part2.txt")]
        assert document.source == f"{folder / 'part1.txt'} + {folder / 'part2.txt'}"
        assert _join_spans(document) == text


def test_a_report_cut_into_three_files_is_joined(
        tmp_path: Path, yinglin_text: str) -> None:
    third = len(yinglin_text) // 3
    parts = [yinglin_text[:third], yinglin_text[third:2 * third], yinglin_text[2 * third:]]
    folder = _write(tmp_path, {f"p{i}.txt": part for i, part in enumerate(parts)})
    (document,) = documents([folder], join_continued=True)
    assert document.text == yinglin_text and len(document.sources) == 3
    assert document.closes == document.sources


def test_a_file_with_a_report_and_the_start_of_the_next(
        tmp_path: Path, seed_texts: dict[str, str]) -> None:
    by_prefix = {name[:3]: text for name, text in seed_texts.items()}
    whole, cut_one = by_prefix["003"], by_prefix["002"]
    cut = _cut_in_body(cut_one)
    folder = _write(tmp_path, {"a.txt": whole + "\n" + cut_one[:cut], "b.txt": cut_one[cut:]})
    first, second = documents([folder], join_continued=True)
    assert (first.id, second.id) == ("a#1", "a#2")
    assert first.text.strip() == whole.strip()
    assert second.text.strip() == cut_one.strip()
    assert second.source == f"{folder / 'a.txt'} + {folder / 'b.txt'}"
    assert _join_spans(second) == second.text
    assert first.closes == [] and second.closes == [str(folder / "a.txt"), str(folder / "b.txt")]


def test_an_unsigned_report_is_not_joined_to_a_report_that_opens_with_its_title(
        tmp_path: Path, seed_texts: dict[str, str]) -> None:
    by_prefix = {name[:3]: text for name, text in seed_texts.items()}
    folder = _write(tmp_path, {"1.txt": by_prefix["000"], "2.txt": by_prefix["001"]})
    first, second = documents([folder], join_continued=True)
    assert (first.text, second.text) == (by_prefix["000"], by_prefix["001"])


def test_reports_in_gbk_and_utf16_files_are_joined_too(
        tmp_path: Path, yinglin_text: str) -> None:
    cut = _cut_in_body(yinglin_text)
    (tmp_path / "1.txt").write_bytes(yinglin_text[:cut].encode("gbk"))
    (tmp_path / "2.txt").write_bytes(yinglin_text[cut:].encode("utf-16"))
    (document,) = documents([tmp_path], join_continued=True)
    assert document.text == yinglin_text


def test_an_unreadable_file_is_reported_and_never_joined_across(
        tmp_path: Path, yinglin_text: str) -> None:
    cut = _cut_in_body(yinglin_text)
    _write(tmp_path, {"1.txt": yinglin_text[:cut], "3.txt": yinglin_text[cut:]})
    (tmp_path / "2.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "4.txt").write_text("  \n\n", encoding="utf-8")
    errors: list[InputError] = []
    found = list(documents([tmp_path], on_error=errors.append, join_continued=True))
    assert [d.text for d in found] == [yinglin_text[:cut], yinglin_text[cut:]]
    assert [str(e).split(":")[0] for e in errors] == [str(tmp_path / "2.txt"),
                                                      str(tmp_path / "4.txt")]
    assert "empty" in str(errors[1])
    with pytest.raises(InputError, match=r"2\.txt: binary data"):
        list(documents([tmp_path]))


def test_find_files_walks_folders_expands_globs_and_skips_hidden(tmp_path: Path) -> None:
    _write(tmp_path / "2023", {"report.txt": "甲", "b.md": "乙"})
    _write(tmp_path / "2024", {"report.txt": "丙", ".DS_Store": "x"})
    _write(tmp_path / ".git", {"HEAD": "ref"})
    files = find_files([tmp_path])
    assert [f.name for f in files] == ["2023/b", "2023/report", "2024/report"]
    globbed = find_files([str(tmp_path / "*" / "report.txt")])
    assert [f.path for f in globbed] == [tmp_path / "2023/report.txt",
                                         tmp_path / "2024/report.txt"]
    assert [f.name for f in globbed] == ["report", "report~2"]
    recursive = find_files([str(tmp_path / "**" / "*.md"), tmp_path / "2023" / "b.md"])
    assert [f.path for f in recursive] == [tmp_path / "2023" / "b.md"]  # each file once


def test_find_files_names_what_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        find_files([tmp_path / "missing"])
    errors: list[InputError] = []
    assert find_files([str(tmp_path / "*.txt")], on_error=errors.append) == []
    assert "no file matches" in str(errors[0])
    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    assert find_files([tmp_path / "empty"], on_error=errors.append) == []
    assert str(errors[1]) == f"{tmp_path / 'empty'}: folder holds no files"


def test_one_file_is_one_report_unless_joining_is_asked_for(
        tmp_path: Path, seed_texts: dict[str, str]) -> None:
    # a report cut in two: without join_continued each file is its own document
    text = next(iter(seed_texts.values()))
    cut = _cut_in_body(text)
    folder = _write(tmp_path / "cut", {"part1.txt": text[:cut], "part2.txt": text[cut:]})
    first, second = documents([folder])
    assert (first.text, second.text) == (text[:cut], text[cut:])
    assert (first.id, second.id) == ("part1", "part2")
    # unsigned reports of different places, one a file: as many documents as files
    seeds = {f"{n}.txt": t for n, t in enumerate(seed_texts.values())}
    found = list(documents([_write(tmp_path / "seeds", seeds)]))
    assert [d.text for d in found] == list(seeds.values())


def test_a_file_holding_several_reports_is_split_and_said_so(
        tmp_path: Path, seed_texts: dict[str, str]) -> None:
    two, three = list(seed_texts.values())[2:4]
    folder = _write(tmp_path, {"both.txt": two + "\n" + three, "one.txt": three})
    told: list[tuple[str, int]] = []
    found = list(documents([folder], on_split=lambda path, count: told.append((path, count))))
    assert [d.id for d in found] == ["both#1", "both#2", "one"]
    assert told == [(str(folder / "both.txt"), 2)]


def test_continues_needs_an_unsigned_end_and_a_next_file_without_an_opening() -> None:
    body = "一、工作成效\n全年调处矛盾纠纷12起。\n"
    signed = body + "\n某某镇人民政府\n2024年1月31日\n"
    assert continues(body, "二、存在问题\n人员不足。\n")
    assert not continues(signed, "二、存在问题\n人员不足。\n")
    assert not continues(body, "某某县某某镇2023年法治政府建设情况报告\n一、工作成效\n")
    assert not continues(body, "县委、县政府：\n一、工作成效\n")


def test_splitting_finds_every_report_of_a_long_file(seed_texts: dict[str, str]) -> None:
    seeds = [t.strip() + "\n\n" for t in seed_texts.values()]
    text = "".join(seeds * 40)
    pieces = split_reports(text)
    assert len(pieces) == 200 and _covers(text, pieces)
    assert [text[a:b].strip() for a, b in pieces[:5]] == [s.strip() for s in seeds]


def test_extract_joins_files_only_with_join_continued(
        tmp_path: Path, yinglin_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    from lawgov_ie.cli import main

    cut = _cut_in_body(yinglin_text)
    folder = _write(tmp_path / "in", {"part1.txt": yinglin_text[:cut],
                                      "part2.txt": yinglin_text[cut:]})
    for extra, count in (([], 2), (["--join-continued"], 1)):
        assert main(["extract", str(folder), "--segmenter", "char", *extra]) == 0
        out, err = capsys.readouterr()
        assert len(out.splitlines()) == count
        assert f"{count} document" in err
