"""Crafted inputs that make a naive regular expression backtrack (long runs of digits, 余,
《 without 》, 、, whitespace …): ``extract`` must finish on each and still be right.

Each input runs under a hang guard (``HANG_GUARD`` seconds, some fifty times what a linear reader
needs for ~100k characters, so it never fires on a busy machine): if a reader backtracks without
end, the test fails naming the input instead of blocking the run. This is a guard against
runaway matching, not a speed goal; whether the readers are linear is measured in
benchmarks/scaling.py (time at n and 2n), not here.
"""

from __future__ import annotations

import math
import signal
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

import lawgov_ie
from lawgov_ie.api import OffsetWarning
from lawgov_ie.models import Report

HANG_GUARD = 120.0
# Inputs longer than lawgov_ie.api.DEFAULT_MAX_CHARS are read in pieces; a run this long still
# fits in one piece, so each reader meets all of it at once.
RUN = 99_000
DIGITS = "0123456789０１２３４５６７８９"


class _Runaway(Exception):
    pass


@contextmanager
def hang_guard(name: str, seconds: float = HANG_GUARD) -> Iterator[None]:
    """Fail (naming ``name``) if the block runs longer than ``seconds``; the regex module checks
    for signals while it matches, so this also stops a backtracking regex."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Runaway

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Runaway:
        pytest.fail(f"{name}: extract did not finish within {seconds:.0f}s (runaway matching?)")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read(name: str, text: str) -> Report:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OffsetWarning)
        with hang_guard(name):
            report = lawgov_ie.extract(text, segmenter="char")
    dropped = [str(w.message) for w in caught if issubclass(w.category, OffsetWarning)]
    assert not dropped, dropped
    return report


def assert_sound(text: str, report: Report) -> None:
    """What must hold for any input: offsets, finite values, a JSON round trip."""
    for record in report.records:
        assert text[record.start:record.end] == record.text, record
        assert math.isfinite(record.value), record
    for entity in report.entities:
        assert text[entity.start:entity.end] == entity.text, entity
    for section in report.sections:
        assert 0 <= section.start <= section.end <= len(text), section
    assert Report.model_validate_json(report.model_dump_json()) == report


def no_records(report: Report, text: str) -> None:
    assert report.records == []


def no_split_numbers(report: Report, text: str) -> None:
    """A record never starts or ends inside a run of digits (that would change its value)."""
    for record in report.records:
        assert record.start == 0 or text[record.start - 1] not in DIGITS, record
        assert record.end == len(text) or text[record.end] not in DIGITS, record


def each_of(count: int, value: float, unit: str) -> Callable[[Report, str], None]:
    def check(report: Report, text: str) -> None:
        assert [(r.value, r.unit) for r in report.records] == [(value, unit)] * count
    return check


def anything(report: Report, text: str) -> None:
    pass


CASES: dict[str, tuple[str, Callable[[Report, str], None]]] = {
    # numbers
    "100k digits": ("1" * 100_000, no_records),
    "99k digits then a unit": ("全年办理" + "1" * RUN + "件。", no_split_numbers),
    "99k digits with a money unit": ("共" + "9" * RUN + "元", no_split_numbers),
    "digits past the piece size": ("共" + "9" * 150_000 + "元，另有12件。", each_of(1, 12.0, "件")),
    "50k full-width digits": ("１" * 50_000, no_records),
    "50k full-width digits then a unit": ("１" * 50_000 + "件", no_split_numbers),
    "digits and dots": ("1." * 50_000 + "5件", no_split_numbers),
    "digits and thousands commas": ("1," * 50_000 + "000件", no_split_numbers),
    "Chinese numerals": ("一二三四五六七八九十百千万亿" * 7_000, anything),
    "magnitude words": ("万" * 50_000 + "亿" * 50_000, no_records),
    "百分之 repeated": ("百分之" * 30_000, anything),
    "percent signs": ("%" * 50_000 + "％" * 50_000, no_records),
    # qualifiers
    "100k 余": ("余" * 100_000, no_records),
    "a number, 99k 余, a unit": ("1" + "余" * RUN + "件", anything),
    "约 and 多 runs": ("约" * 50_000 + "多" * 50_000, no_records),
    "以上 repeated": ("以上" * 50_000, no_records),
    # many quantities on one line (per-record work must not scan the whole line)
    "20k counts on one line": ("1件" * 20_000, each_of(20_000, 1.0, "件")),
    "counts in a list": ("1件、" * 20_000, each_of(20_000, 1.0, "件")),
    "其中 repeated": ("其中" * 50_000, no_records),
    "breakdowns on one line": ("共10件，其中" * 10_000, anything),
    # brackets and punctuation
    "100k 《 without 》": ("《" * 100_000, no_records),
    "《 then 99k characters": ("《" + "法" * RUN, no_records),
    "100k 》": ("》" * 100_000, no_records),
    "brackets never closed": ("（" * 50_000 + "〔" * 50_000, no_records),
    "a line of 100k 、": ("、" * 100_000, no_records),
    "a line of 100k ，": ("，" * 100_000, no_records),
    "100k 。": ("。" * 100_000, no_records),
    "100k colons": ("：" * 100_000, no_records),
    # headings and decoration
    "一、 repeated on one line": ("一、" * 50_000, anything),
    "（一） repeated on one line": ("（一）" * 30_000, anything),
    "一是 repeated": ("一是" * 50_000, anything),
    "empty heading lines": ("一、\n" * 30_000, anything),
    "markdown decoration": ("#" * 50_000 + "*" * 50_000, no_records),
    "a heading with a 99k title": ("一、" + "加强" * (RUN // 2) + "\n正文。", anything),
    # many sections and records (per-record work must not walk every section)
    "4k outlines of five levels with a count each":
        ("一、甲\n（一）乙\n1.丙\n（1）丁\n一是戊。办理2件。\n" * 4_000, each_of(4_000, 2.0, "件")),
    "8k headings with a count each": ("一、加强领导\n办理案件1件。\n" * 8_000,
                                      each_of(8_000, 1.0, "件")),
    "10k zeros stated in words": ("未发生行政诉讼案件，" * 10_000, anything),
    # whitespace
    # (50k: under DEFAULT_MAX_CHARS, so one piece holds the whole run)
    "50k newlines around text": ("x" + "\n" * 50_000 + "x", no_records),
    "50k spaces inside a line": ("x" + " " * 50_000 + "x", no_records),
    "50k ideographic spaces inside a line": ("x" + "\u3000" * 50_000 + "x", no_records),
    "a line of only spaces": ("x\n" + " " * 50_000 + "\nx", no_records),
    "spaces before a colon": ("x" + " " * 50_000 + "：", no_records),
    "签发人 then spaces": ("签发人：" + " " * 50_000 + "x", no_records),
    "tabs between digits": ("1\t" * 50_000, anything),
    # document facts
    "dates on one line": ("2024年1月" * 15_000, anything),
    "date lines": ("2024年1月31日\n" * 9_000, anything),
    "文号 brackets": ("晋英委〔" * 25_000, no_records),
    "years": ("2023年" * 20_000, anything),
    "a 99k title": ("法治" + "政" * RUN + "报告", no_records),
    "org names run together": ("中共" + "市" * RUN, no_records),
    # control characters and astral characters
    "NUL and controls": ("\x00\x01\x1b\x7f" * 25_000 + "12件", each_of(1, 12.0, "件")),
    "emoji": ("😀👍🏽" * 50_000, no_records),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_input_finishes_and_is_sound(name: str) -> None:
    text, check = CASES[name]
    report = read(name, text)
    assert_sound(text, report)
    check(report, text)


def test_a_runaway_regex_is_stopped_by_the_guard() -> None:
    """The guard itself stops a regex that backtracks exponentially."""
    import regex

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timer on this platform")
    with pytest.raises(pytest.fail.Exception, match="runaway"), hang_guard("(a|aa)+$", 0.5):
        regex.match(r"(a|aa)+$", "a" * 60 + "!")
