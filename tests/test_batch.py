"""Worker processes for extract_many: order, warnings and errors reach the caller, bounded
reading of the input, no worker left behind."""

from __future__ import annotations

import functools
import multiprocessing
import time
import warnings
from collections.abc import Iterator

import pytest

import lawgov_ie
from lawgov_ie import Report
from lawgov_ie.api import OffsetWarning
from lawgov_ie.batch import Reader, read_in_workers


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
