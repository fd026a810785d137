#!/usr/bin/env python
"""Splitting a big file into reports grows linearly with its size (issue 16, item 6).

    python benchmarks/splitting.py          # 10 and 20 MB, and their ratio (goal <= 2.3)
    python benchmarks/splitting.py 10 20 40 # other sizes, in MB

A file is the bundled seed reports written one after another until it weighs the size
(UTF-8); the time is that of ``lawgov_ie.io.corpus.split_reports`` over its text, the best of
three runs. ``documents()`` then hands the reports out one at a time, so the first one reaches
the pipeline (and the output) after this split, not after the whole file was processed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
GOAL_RATIO = 2.3  # time at twice the size / time at the size


def big_text(megabytes: float) -> str:
    """The seed reports, one after another, until the text weighs ``megabytes`` (UTF-8)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]
    if not seeds:
        raise SystemExit("error: no seed reports in corpus/raw")
    target = int(megabytes * MB)
    parts: list[str] = []
    size = 0
    while size < target:
        for seed in seeds:
            parts.append(seed.rstrip() + "\n\n")
            size += len(parts[-1].encode("utf-8"))
    return "".join(parts)


def split_seconds(text: str, runs: int = 3) -> tuple[float, int]:
    """The best time of ``runs`` splits of ``text``, and how many reports it gave."""
    from lawgov_ie.io.corpus import split_reports

    best, count = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        count = len(split_reports(text))
        best = min(best, time.perf_counter() - started)
    return best, count


def report(sizes: tuple[float, ...] = (10.0, 20.0)) -> str:
    """Lines giving the split time per size and the ratio of each size to the one before."""
    lines = ["splitting a file into reports (corpus.split_reports, best of 3)"]
    previous: float | None = None
    ratios: list[float] = []
    for size in sizes:
        seconds, count = split_seconds(big_text(size))
        line = f"  {size:6.1f} MB: {seconds:7.3f} s, {count:,} reports"
        if previous:
            ratios.append(seconds / previous)
            line += f", {ratios[-1]:.2f}x the time at {sizes[len(ratios) - 1]:g} MB"
        lines.append(line)
        previous = seconds
    if ratios:
        worst = max(ratios)
        met = "met" if worst <= GOAL_RATIO else "NOT met"
        lines.append(f"  linear: time ratio at twice the size <= {GOAL_RATIO}: {worst:.2f}  {met}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    sizes = tuple(float(a) for a in args) if args else (10.0, 20.0)
    print(report(sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
