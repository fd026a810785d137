"""``lawgov-ie extract`` on folders of reports in mixed encodings, with bad files among them."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import lawgov_ie
from lawgov_ie import Report
from lawgov_ie.cli import main
from lawgov_ie.io.corpus import documents
from lawgov_ie.io.formats.csv import CSV_COLUMNS
from lawgov_ie.io.formats.table import display_width, fit


def _seed(seed_texts: dict[str, str], prefix: str) -> str:
    return next(text for name, text in seed_texts.items() if name.startswith(prefix))


@pytest.fixture()
def mixed(tmp_path: Path, seed_texts: dict[str, str]) -> Path:
    """A UTF-8, a GBK, a UTF-16 report, an empty file, a binary file and a file with two."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_utf8.txt").write_text(_seed(seed_texts, "002"), encoding="utf-8")
    (folder / "b_gbk.txt").write_bytes(_seed(seed_texts, "003").encode("gbk"))
    (folder / "c_utf16.txt").write_text(_seed(seed_texts, "004"), encoding="utf-16")
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "e_scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02\xff" + bytes(range(256)) * 4)
    two = _seed(seed_texts, "000") + "\n" + _seed(seed_texts, "001")
    (folder / "f_two.txt").write_text(two, encoding="utf-8")
    return folder


READABLE = {"a_utf8": "002", "b_gbk": "003", "c_utf16": "004", "f_two#1": "000", "f_two#2": "001"}


def _expected_records(seed_texts: dict[str, str]) -> dict[str, int]:
    """Records per document, from the Python API on the seed texts themselves."""
    return {doc_id: len(lawgov_ie.extract(_seed(seed_texts, prefix), segmenter="char").records)
            for doc_id, prefix in READABLE.items()}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["extract", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_csv_has_every_readable_report_names_the_bad_files_and_exits_1(
        mixed: Path, tmp_path: Path, seed_texts: dict[str, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "records.csv"
    code, stdout, stderr = _run(capsys, str(mixed), "-o", str(out), "--format", "csv",
                                "--segmenter", "char")
    assert code == 1 and stdout == ""
    assert f"{mixed / 'd_empty.txt'}: is empty" in stderr
    assert f"{mixed / 'e_scan.pdf'}: binary data" in stderr
    assert f"{mixed / 'f_two.txt'}: holds 2 reports, read as 2 documents" in stderr
    failures = [line for line in stderr.splitlines() if "holds 2 reports" not in line]
    for good in ("a_utf8", "b_gbk", "c_utf16", "f_two"):
        assert not any(good in line for line in failures)

    expected = _expected_records(seed_texts)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    counts = {doc_id: sum(1 for r in rows if r["doc_id"] == doc_id) for doc_id in expected}
    assert counts == expected and len(rows) == sum(expected.values())
    assert f"5 documents, {len(rows)} records, 2 failed" in stderr

    # the offsets point into each document's text; place and year are on every row
    texts = {d.id: d.text for d in documents([mixed], on_error=lambda error: None)}
    for row in rows:
        assert texts[row["doc_id"]][int(row["start"]):int(row["end"])] == row["text"]
    yinglin = [r for r in rows if r["doc_id"] == "a_utf8"]
    assert {(r["place"], r["year"], r["source"]) for r in yinglin} == {
        ("英林镇", "2023", str(mixed / "a_utf8.txt"))}
    assert {r["source"] for r in rows if r["doc_id"] == "f_two#2"} == {
        f"{mixed / 'f_two.txt'}#2"}

    frame = pd.read_csv(out)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == len(rows)
    assert frame.groupby("doc_id").size().to_dict() == expected
    assert frame["value"].dtype.kind == "f" or frame["value"].dtype.kind == "i"


def test_csv_lists_joined_by_the_documented_separators(
        mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "records.csv"
    _run(capsys, str(mixed / "a_utf8.txt"), "-o", str(out), "--format", "csv",
         "--segmenter", "char")
    report = lawgov_ie.extract((mixed / "a_utf8.txt").read_text(encoding="utf-8"),
                               segmenter="char")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(report.records)
    for row, record in zip(rows, report.records, strict=True):
        assert row["section"] == " > ".join(record.section)
        assert row["rate_of"] == ",".join(record.rate_of or [])
        assert row["checks"] == ",".join(c.code for c in record.checks)
        assert row["part_of"] == (record.part_of or "")
        assert float(row["value"]) == record.value


@pytest.mark.usefixtures("workers_always")
def test_jsonl_is_the_same_with_two_processes_as_with_one(
        mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    code_one, _, err_one = _run(capsys, str(mixed), "-o", str(one), "--segmenter", "char")
    code_two, _, err_two = _run(capsys, str(mixed), "-o", str(two), "--segmenter", "char",
                                "--jobs", "2")
    assert code_one == code_two == 1
    assert one.read_bytes() == two.read_bytes()
    lines = one.read_text(encoding="utf-8").splitlines()
    reports = [Report.model_validate_json(line) for line in lines]
    assert [r.meta.source for r in reports] == [
        str(mixed / name) for name in
        ("a_utf8.txt", "b_gbk.txt", "c_utf16.txt", "f_two.txt#1", "f_two.txt#2")]
    assert err_one.splitlines()[-1] == err_two.splitlines()[-1]


@pytest.mark.usefixtures("workers_always")
def test_a_document_that_fails_in_the_pipeline_is_named_and_the_rest_comes_out(
        tmp_path: Path, yinglin_text: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_ie.steps.report import component as report_component

    assemble = report_component.ReportAssembler.__call__

    def fail_on_marked(self: report_component.ReportAssembler, doc):  # type: ignore[no-untyped-def]
        if "【故障】" in doc.text:
            raise ValueError("cannot assemble this one")
        return assemble(self, doc)

    monkeypatch.setattr(report_component.ReportAssembler, "__call__", fail_on_marked)
    for name, text in {"1.txt": yinglin_text, "2.txt": "【故障】\n" + yinglin_text,
                       "3.txt": yinglin_text}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        code, _, stderr = _run(capsys, str(tmp_path / "*.txt"), "-o", str(out),
                               "--segmenter", "char", "--jobs", jobs)
        assert code == 1
        assert f"{tmp_path / '2.txt'}: " in stderr and "cannot assemble this one" in stderr
        sources = [json.loads(line)["meta"]["source"] for line in out.read_text().splitlines()]
        assert sources == [str(tmp_path / "1.txt"), str(tmp_path / "3.txt")]
        assert "2 documents" in stderr and "1 failed" in stderr


def test_an_interrupted_run_leaves_no_output_that_looks_complete(
        mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_ie.io.formats import csv as output

    out = tmp_path / "out" / "records.csv"
    out.parent.mkdir()
    out.write_text("the previous complete run\n", encoding="utf-8")
    written: list[str] = []
    write = output.CsvWriter.write

    def interrupt_on_third(self: output.CsvWriter, doc_id: str, report: Report) -> None:
        written.append(doc_id)
        if len(written) == 3:
            raise KeyboardInterrupt
        write(self, doc_id, report)

    monkeypatch.setattr(output.CsvWriter, "write", interrupt_on_third)
    code, _, stderr = _run(capsys, str(mixed), "-o", str(out), "--format", "csv",
                           "--segmenter", "char")
    assert code == 130 and "interrupted" in stderr
    assert out.read_text(encoding="utf-8") == "the previous complete run\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["records.csv"]


def test_a_finished_run_replaces_the_output_and_leaves_no_temporary_file(
        mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    _run(capsys, str(mixed / "a_utf8.txt"), "-o", str(out), "--segmenter", "char")
    assert Report.model_validate_json(out.read_text(encoding="utf-8")).meta.place == "英林镇"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "reports"]


def test_an_earlier_output_inside_the_input_folder_is_not_read_as_a_report(
        mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = mixed / "records.jsonl"
    for _ in range(2):
        code, _, stderr = _run(capsys, str(mixed), "-o", str(out), "--segmenter", "char")
        assert code == 1 and "5 documents" in stderr and "2 failed" in stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_output_into_a_missing_folder_is_a_clear_error(
        mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = _run(capsys, str(mixed), "-o", str(tmp_path / "no" / "out.csv"),
                           "--segmenter", "char")
    assert code == 2
    assert "does not exist" in stderr and "Traceback" not in stderr


def test_missing_paths_are_named_and_the_others_still_read(
        mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = _run(capsys, str(mixed / "a_utf8.txt"), str(mixed / "nope.txt"),
                                str(mixed / "*.doc"), "--segmenter", "char")
    assert code == 1
    assert f"{mixed / 'nope.txt'}: no such file or folder" in stderr
    assert f"{mixed / '*.doc'}: no file matches" in stderr
    assert len(stdout.splitlines()) == 1
    assert "1 document, " in stderr and "2 failed" in stderr


def test_csv_to_stdout_has_no_byte_order_mark(
        mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = _run(capsys, str(mixed / "b_gbk.txt"), "-o", "-", "--format", "csv",
                           "--segmenter", "char")
    assert code == 0
    assert stdout.startswith("doc_id,id,source,place,")
    frame = pd.read_csv(io.StringIO(stdout))
    assert set(frame["doc_id"]) == {"b_gbk"} and len(frame) > 0


def test_table_is_a_readable_block_per_document(
        mixed: Path, capsys: pytest.CaptureFixture[str], seed_texts: dict[str, str]) -> None:
    code, stdout, _ = _run(capsys, str(mixed), "--format", "table", "--segmenter", "char")
    assert code == 1
    blocks = stdout.split("\n== ")[1:]
    expected = _expected_records(seed_texts)
    assert [b.split()[0] for b in blocks] == list(expected)
    for block in blocks:
        doc_id = block.split()[0]
        lines = block.rstrip("\n").split("\n")
        assert f"({expected[doc_id]} record" in lines[0]
        assert len(lines) == 1 + (1 + expected[doc_id] if expected[doc_id] else 0)
        # the value column ends at the same terminal column on every line
        header, *rows = lines[1:]
        value_end = display_width(header[:header.index("value") + len("value")])
        for row in rows:
            cells = row.split("  ")
            assert display_width("  ".join(cells[:3]).rstrip()) <= value_end + 2


def test_fit_pads_and_cuts_by_terminal_columns() -> None:
    assert fit("组织法治专题讲座", 10) == "组织法治… "  # 组织法治… is 9 columns wide
    assert display_width(fit("组织法治专题讲座", 10)) == 10
    assert fit("12", 5, ">") == "   12"
    assert display_width(fit("调解", 6)) == 6


def test_progress_bar_only_on_a_terminal(
        mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, quiet = _run(capsys, str(mixed / "a_utf8.txt"), "--segmenter", "char")
    assert "\r" not in quiet and "file/s" not in quiet

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(mixed), "--segmenter", "char"]) == 1
    shown = terminal.getvalue()
    assert "/6 [" in shown  # tqdm's bar, counting the six files
    assert f"lawgov-ie: {mixed / 'd_empty.txt'}: is empty (no text)\n" in shown


def _command() -> list[str]:
    script = Path(sys.executable).with_name("lawgov-ie")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from lawgov_ie.cli import main; sys.exit(main())"]


def test_the_installed_command_on_the_mixed_folder(
        mixed: Path, seed_texts: dict[str, str]) -> None:
    result = subprocess.run([*_command(), "extract", str(mixed), "--segmenter", "char",
                             "-o", "-"], capture_output=True, timeout=300, check=False)
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    assert "d_empty.txt: is empty" in stderr and "e_scan.pdf: binary data" in stderr
    assert "\r" not in stderr  # no progress bar when stderr is not a terminal
    reports = [Report.model_validate_json(line)
               for line in result.stdout.decode("utf-8").splitlines()]
    expected = _expected_records(seed_texts)
    assert [len(r.records) for r in reports] == list(expected.values())
    assert f"5 documents, {sum(expected.values())} records, 2 failed" in stderr


@pytest.mark.pkuseg
def test_pkuseg_run_gives_what_extract_gives(
        tmp_path: Path, yinglin_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "yinglin.txt"
    path.write_bytes(yinglin_text.encode("utf-16"))
    code, stdout, _ = _run(capsys, str(path))
    assert code == 0
    (line,) = stdout.splitlines()
    expected = lawgov_ie.extract(yinglin_text, source=str(path))
    assert Report.model_validate_json(line) == expected
    assert expected.records


def test_a_terminated_command_leaves_the_old_output_and_no_temporary_file(
        tmp_path: Path, seed_copies: Callable[[int], Path]) -> None:
    folder = seed_copies(12)  # 60 reports: the run is still going when it is stopped
    out = tmp_path / "out.csv"
    out.write_text("the previous complete run\n", encoding="utf-8")
    process = subprocess.Popen([*_command(), "extract", str(folder), "-o", str(out),
                                "--format", "csv", "--segmenter", "char", "--jobs", "2"],
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".out.csv.*.lawgov-part")):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert process.stderr is not None and b"interrupted" in process.stderr.read()
    assert out.read_text(encoding="utf-8") == "the previous complete run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.csv"]


_FAIL_ON_THIRD_WRITE = """
import sys
from lawgov_ie.io.formats import jsonl as output
from lawgov_ie.cli import main
write, written = output.JsonlWriter.write, []
def fail_on_third(self, doc_id, report):
    written.append(doc_id)
    if len(written) == 3:
        raise OSError(28, "No space left on device")
    write(self, doc_id, report)
output.JsonlWriter.write = fail_on_third
sys.exit(main(sys.argv[1:]))
"""


def test_a_write_error_with_two_processes_stops_the_workers_and_does_not_hang(
        tmp_path: Path, seed_copies: Callable[[int], Path]) -> None:
    folder = seed_copies(8)  # 40 reports (above PARALLEL_FROM): the workers are busy when
    # writing fails
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", _FAIL_ON_THIRD_WRITE, "extract", str(folder), "-o", str(out),
         "--segmenter", "char", "--jobs", "2"],
        capture_output=True, timeout=120, check=False)
    assert result.returncode == 1
    (line,) = result.stderr.decode("utf-8").splitlines()
    assert line == (f"lawgov-ie: error: cannot write {out}: No space left on device; "
                    "the output was left as it was before this run")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no output, no temporary
