"""Hostile outputs and inputs for ``lawgov-ie extract`` (issue 16): an output that is an input,
special files as outputs, FIFOs among the inputs, a run killed with SIGKILL, a full disk."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lawgov_ie import Report
from lawgov_ie.cli import main

SHORT = "一、基本情况\n全年办理行政复议案件12件，调解纠纷30起。\n"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["extract", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _command(*argv: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from lawgov_ie.cli import main; sys.exit(main())",
            "extract", *argv]


# ----------------------------------------------------------------- 1. -o equal to an input


@pytest.mark.parametrize("spelling", ["same", "dotdot", "symlink", "second input"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], spelling: str) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    source = folder / "a.txt"
    source.write_text(SHORT, encoding="utf-8")
    other = folder / "b.txt"
    other.write_text(SHORT, encoding="utf-8")
    inputs = [str(source)]
    output = str(source)
    if spelling == "dotdot":
        output = str(tmp_path / "d" / ".." / "d" / "a.txt")
    elif spelling == "symlink":
        link = tmp_path / "link.jsonl"
        link.symlink_to(source)
        output = str(link)
    elif spelling == "second input":
        inputs = [str(other), str(source)]
    code, stdout, stderr = _run(capsys, *inputs, "-o", output, "--segmenter", "char")
    assert code == 2 and stdout == ""
    assert f"the output {output} is the input {source}" in stderr
    assert "Traceback" not in stderr
    assert source.read_text(encoding="utf-8") == SHORT
    assert other.read_text(encoding="utf-8") == SHORT


# ----------------------------------------------------------------- 2. special files as -o


def test_a_fifo_as_output_is_written_into_not_replaced(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, _ = _run(capsys, str(tmp_path / "a.txt"), "-o", str(fifo), "--segmenter", "char")
    reader.join(timeout=60)
    assert code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO
    assert Report.model_validate_json(received[0]).records[0].value == 12


def test_dev_null_and_dev_stdout_are_written_directly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    result = subprocess.run(_command(str(tmp_path / "a.txt"), "-o", "/dev/null",
                                     "--segmenter", "char"),
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    # /dev/stdout redirected into a regular file: the file is written, not replaced
    target = tmp_path / "redirected.jsonl"
    with target.open("wb") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        result = subprocess.run(_command(str(tmp_path / "a.txt"), "-o", "/dev/stdout",
                                         "--segmenter", "char"),
                                stdout=handle, stderr=subprocess.PIPE, timeout=120, check=False)
    assert result.returncode == 0
    assert target.stat().st_ino == inode
    assert Report.model_validate_json(target.read_text(encoding="utf-8")).records
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "redirected.jsonl"]


# ----------------------------------------------------------------- 3. a FIFO among the inputs


def test_a_fifo_in_an_input_folder_is_named_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SHORT, encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nobody writes to it: reading it would block for ever
    (folder / "c.txt").write_text(SHORT.replace("12", "7"), encoding="utf-8")
    result = subprocess.run(_command(str(folder), "--segmenter", "char"),
                            capture_output=True, timeout=120, check=False)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert f"{folder / 'b.txt'}: is a named pipe (FIFO), not a regular file; skipped" in stderr
    reports = [Report.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [r.records[0].value for r in reports] == [12, 7]


# ----------------------------------------------------------------- 4. killed with SIGKILL


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(p) for p in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc")
def test_a_run_killed_with_sigkill_leaves_no_worker_and_a_rerun_resumes(
        tmp_path: Path, seed_copies: Callable[[int], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = seed_copies(10)  # 50 reports: the run is still going when it is killed
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(_command(str(folder), "-o", str(out), "--segmenter", "char",
                                        "--jobs", "2"), stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        part: Path | None = None
        while part is None or part.read_bytes().count(b"\n") < 2:
            assert process.poll() is None and time.monotonic() < deadline
            part = next(iter(tmp_path.glob(".out.jsonl.*.lawgov-part")), None)
            time.sleep(0.05)
        workers = _children(process.pid)
        assert len(workers) >= 2
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived its parent"
    assert not out.exists()
    # what was done is kept: whole reports, one a line, in input order
    done = part.read_text(encoding="utf-8").splitlines(keepends=True)
    finished = [Report.model_validate_json(line) for line in done if line.endswith("\n")]
    assert finished
    # a rerun with --resume keeps them, reads the rest, and removes the stale file
    code, _, stderr = _run(capsys, str(folder), "-o", str(out), "--segmenter", "char",
                           "--resume")
    assert code == 0 and f"{len(finished)} finished report(s) kept" in stderr
    resumed = out.read_text(encoding="utf-8")
    assert not part.exists()
    fresh = tmp_path / "fresh.jsonl"
    _run(capsys, str(folder), "-o", str(fresh), "--segmenter", "char")
    assert resumed == fresh.read_text(encoding="utf-8")


def test_a_stale_temporary_file_is_removed_by_the_next_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".out.jsonl.{dead.stdout.strip()}.lawgov-part"
    stale.write_text('{"meta": {}}\n', encoding="utf-8")
    code, _, stderr = _run(capsys, str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"),
                           "--segmenter", "char")
    assert code == 0 and f"removed {stale}" in stderr and not stale.exists()


# ----------------------------------------------------------------- 5. a full disk


def test_dev_full_as_output_is_one_clear_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    for output in ("/dev/full", "-"):
        with open("/dev/full", "wb") as full:
            result = subprocess.run(_command(str(tmp_path / "a.txt"), "-o", output,
                                             "--segmenter", "char"),
                                    stdout=full if output == "-" else None,
                                    stderr=subprocess.PIPE, timeout=120, check=False)
        lines = result.stderr.decode("utf-8").splitlines()
        assert result.returncode == 1, lines
        assert lines == [f"lawgov-ie: error: cannot write {output}: No space left on device; "
                         "the output was left as it was before this run"]


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_a_write_that_fails_half_way_keeps_the_old_output(
        tmp_path: Path, seed_texts: dict[str, str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in seed_texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("the previous complete run\n", encoding="utf-8")
    result = subprocess.run(_command(str(folder), "-o", str(out), "--segmenter", "char"),
                            capture_output=True, timeout=120, check=False,
                            preexec_fn=_limit_file_size)
    lines = result.stderr.decode("utf-8").splitlines()
    assert result.returncode == 1
    assert lines == [f"lawgov-ie: error: cannot write {out}: File too large; "
                     "the output was left as it was before this run"]
    assert out.read_text(encoding="utf-8") == "the previous complete run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]
