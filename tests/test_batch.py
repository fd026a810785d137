"""The batch driver (extract_many and ``extract --jobs``): order, warnings and errors reach the
caller, one failure fails only its item, bounded reading of the input, no worker left behind —
not even when the parent is killed with SIGKILL."""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import lawgov_ie
from lawgov_ie import Report
from lawgov_ie.api import OffsetWarning
from lawgov_ie.batch import Failed, Transport, read_all, read_in_workers

Reader = Callable[[str], Report]
pytestmark = pytest.mark.usefixtures("workers_always")  # however small the run


def _slow_then_extract(pause_for_first: float) -> Reader:
    """A reader that takes longer on texts starting with 慢 (so later texts finish first)."""

    def read(text: str) -> Report:
        if text.startswith("慢"):
            time.sleep(pause_for_first)
        if "警告" in text:
            warnings.warn(f"odd text {text[:4]}", OffsetWarning, stacklevel=1)
        if "坏" in text:
            raise ValueError(f"cannot read {text[:3]}")
        return lawgov_ie.extract(text, segmenter="char")

    return read


def test_reports_come_back_in_input_order_even_when_later_texts_finish_first() -> None:
    texts = ["慢：全年调解纠纷12起。", "办理法律援助案件5件。", "开展普法活动30场。"]
    reports = list(read_in_workers(iter(texts), functools.partial(_slow_then_extract, 0.5), 2))
    assert [r.records[0].value for r in reports] == [12, 5, 30]
    assert reports == [lawgov_ie.extract(t, segmenter="char") for t in texts]


def test_a_warning_in_a_worker_is_raised_in_the_caller() -> None:
    texts = ["全年调解纠纷12起。", "警告：办理案件5件。"]
    with pytest.warns(OffsetWarning, match="odd text 警告"):
        reports = list(read_in_workers(iter(texts), functools.partial(_slow_then_extract, 0), 2))
    assert len(reports) == 2


def test_an_error_in_a_worker_is_raised_in_the_caller_and_no_worker_is_left() -> None:
    texts = ["全年调解纠纷12起。", "坏文本", "开展普法活动30场。"]
    with pytest.raises(ValueError, match="cannot read 坏文本"):
        list(read_in_workers(iter(texts), functools.partial(_slow_then_extract, 0), 2))
    assert not multiprocessing.active_children()


def test_the_input_is_read_a_little_ahead_only_and_stopping_early_stops_the_workers() -> None:
    taken = []

    def texts() -> Iterator[str]:
        for number in range(1, 1000):
            taken.append(number)
            yield f"全年调解纠纷{number}起。"

    reports = read_in_workers(texts(), functools.partial(_slow_then_extract, 0), 2, in_flight=3)
    first = next(reports)
    assert first.records[0].value == 1
    assert len(taken) <= 2 * 3 + 1  # not the whole stream
    reports.close()
    assert not multiprocessing.active_children()


def test_spawned_workers_load_the_pipeline_themselves(monkeypatch: pytest.MonkeyPatch,
                                                      seed_texts: dict[str, str]) -> None:
    """Where processes cannot fork (Windows, macOS default), workers are spawned."""
    from lawgov_ie import batch as worker_pool

    monkeypatch.setattr(worker_pool, "_context", lambda: multiprocessing.get_context("spawn"))
    texts = list(seed_texts.values())[:2]
    many = list(lawgov_ie.extract_many(texts, segmenter="char", n_process=2))
    assert many == [lawgov_ie.extract(t, segmenter="char") for t in texts]


def _dies_on_marked(text: str) -> Report:
    if "死" in text:
        os._exit(3)  # as if the worker were killed (out of memory, a crash in C code)
    return lawgov_ie.extract(text, segmenter="char")


def _make_dying_reader() -> Reader:
    return _dies_on_marked


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_item_fails_only_itself(n_process: int) -> None:
    texts = ["全年调解纠纷12起。", "坏文本", "开展普法活动30场。"]
    results = list(read_all(iter(texts), functools.partial(_slow_then_extract, 0), n_process))
    assert isinstance(results[1], Failed)
    assert results[1].reason == "ValueError: cannot read 坏文本"
    assert [r.records[0].value for r in (results[0], results[2])] == [12, 30]  # type: ignore[union-attr]
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_fails_its_item_and_is_replaced() -> None:
    texts = ["全年调解纠纷12起。", "死", "开展普法活动30场。", "办理法律援助案件5件。"]
    results = list(read_all(iter(texts), _make_dying_reader, 2, in_flight=1))
    assert isinstance(results[1], Failed) and "worker process died (exit code 3)" in \
        results[1].reason
    assert [r.records[0].value for r in results if not isinstance(r, Failed)] == [12, 30, 5]
    assert not multiprocessing.active_children()


_KILLED_PARENT = """
import functools, os, sys, time
import lawgov_ie
from lawgov_ie.batch import read_all

def slow(text):
    time.sleep(60)
    return text

def make():
    return slow

lawgov_ie.load(segmenter="char")
results = read_all(iter(["a", "b", "c", "d"]), make, 2)
import multiprocessing, threading
def tell():
    while len(multiprocessing.active_children()) < 2:
        time.sleep(0.05)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
threading.Thread(target=tell, daemon=True).start()
next(results)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left to collect


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_no_worker_outlives_a_parent_killed_with_sigkill() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _KILLED_PARENT], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        if parent.poll() is None:
            parent.kill()


def _pid_of(item: str) -> int:
    return os.getpid()


def _make_pid_reader() -> Callable[[str], int]:
    return _pid_of


def test_a_run_smaller_than_alone_below_is_read_in_this_process() -> None:
    items = ["ab", "cd", "ef"]
    small = list(read_all(iter(items), _make_pid_reader, 2, size=len, alone_below=7))
    assert small == [os.getpid()] * 3
    big = list(read_all(iter(items), _make_pid_reader, 2, size=len, alone_below=6))
    assert os.getpid() not in big
    assert not multiprocessing.active_children()


def test_results_travel_packed_and_a_result_that_cannot_be_read_back_fails_alone() -> None:
    def unpack(packed: object) -> str:
        assert isinstance(packed, str) and packed.startswith("packed:")
        if packed.endswith("坏"):
            raise ValueError("unreadable")
        return packed.removeprefix("packed:")

    transport = Transport(pack=lambda text: f"packed:{text}", unpack=unpack)
    results = list(read_all(iter(["一", "坏", "三"]), _make_echo, 2, transport=transport))
    assert results[0] == "一" and results[2] == "三"
    assert isinstance(results[1], Failed) and "read back: ValueError: unreadable" in \
        results[1].reason


def _echo(text: str) -> str:
    return text


def _make_echo() -> Callable[[str], str]:
    return _echo
