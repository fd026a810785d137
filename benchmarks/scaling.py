#!/usr/bin/env python
"""Is the whole document linear? Time ``extract`` at n and 2n on crafted inputs, and the batch
driver at one and two jobs.

    python benchmarks/scaling.py            # ratios for the crafted inputs, and --jobs 2 vs 1
    python benchmarks/scaling.py --quick    # smaller sizes

Each crafted input stresses one reader: 其中 × n (breakdown cues, each scanning for its scope),
a run-on line of figures (no sentence end for the sentence and clause finders), many sections
(section paths), many implicit zeros (their overlap check). A linear reader takes about twice
as long at 2n as at n; the goal is a ratio of at most :data:`GOAL_RATIO` for each (the best of
three runs at each size, so a busy machine disturbs it less). The texts stay under one piece
(``lawgov_ie.api.DEFAULT_MAX_CHARS``), so each reader meets all of it at once.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_RATIO = 2.3
RUNS = 3


def breakdown_cues(n: int) -> str:
    return "全年办理行政复议案件120件，" + "其中" * n


def run_on_figures(n: int) -> str:
    return "，".join(f"办理案件{i % 97 + 1}件" for i in range(n))  # one line, no full stop


def many_sections(n: int) -> str:
    return "".join(f"{i}. 第{i}项工作\n（一）具体情况\n全年办理案件{i % 50 + 1}件。\n"
                   for i in range(1, n + 1))


def many_zeros(n: int) -> str:
    return "".join(f"第{i}季度未发生重大安全事故，没有收到投诉。" for i in range(n))


# name: (make text of size n, n in the full run, n in a quick run)
CASES: dict[str, tuple[Callable[[int], str], int, int]] = {
    "其中 × n": (breakdown_cues, 20_000, 5_000),
    "run-on line of figures": (run_on_figures, 4_000, 1_000),
    "many sections": (many_sections, 1_500, 400),
    "many implicit zeros": (many_zeros, 2_000, 500),
}


def _best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        gc.collect()  # each run starts with the same heap
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def crafted(quick: bool) -> dict[str, dict[str, Any]]:
    """Seconds at n and 2n, and their ratio, for each crafted input."""
    import lawgov_ie

    lawgov_ie.load(segmenter="char")
    result = {}
    for name, (make, full, small) in CASES.items():
        n = small if quick else full
        texts = {size: make(size) for size in (n, 2 * n)}
        seconds = {size: _best(lambda t=text: lawgov_ie.extract(t, segmenter="char"))
                   for size, text in texts.items()}
        result[name] = {"n": n, "chars": len(texts[n]), "seconds_n": seconds[n],
                        "seconds_2n": seconds[2 * n], "ratio": seconds[2 * n] / seconds[n]}
    return result


def jobs(copies: int) -> dict[str, Any]:
    """``lawgov-ie extract --jobs 1`` and ``--jobs 2`` on the seed reports repeated ``copies``
    times (wall clock, model load included, char segmenter)."""
    raw = sorted((ROOT / "corpus" / "raw").glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        for number in range(copies):
            for path in raw:
                (Path(folder) / f"{number}_{path.name}").write_bytes(path.read_bytes())
        seconds = {}
        for count in (1, 2):
            command = [sys.executable, "-c", "import sys; from lawgov_ie.cli import main; "
                       "sys.exit(main())", "extract", folder, "-o",
                       str(Path(folder) / f"out{count}.jsonl"), "--segmenter", "char",
                       "--jobs", str(count)]
            started = time.perf_counter()
            done = subprocess.run(command, check=False, capture_output=True, text=True)
            if "failed" not in done.stderr or " 0 failed" not in done.stderr:
                raise SystemExit(f"extract --jobs {count} failed: {done.stderr[-500:]}")
            seconds[count] = time.perf_counter() - started
    return {"documents": copies * len(raw), "seconds_jobs1": seconds[1],
            "seconds_jobs2": seconds[2], "speedup": seconds[1] / seconds[2]}


def render(r: dict[str, Any]) -> str:
    lines = [f"crafted inputs, extract(segmenter='char'), best of {RUNS}: time at 2n / time at n"
             f" (goal <= {GOAL_RATIO})"]
    for name, c in r["crafted"].items():
        met = "met" if c["ratio"] <= GOAL_RATIO else "NOT met"
        lines.append(f"  {name:<24} n={c['n']:>6} ({c['chars']:>7,} chars):"
                     f" {c['seconds_n']:7.3f} s, 2n: {c['seconds_2n']:7.3f} s,"
                     f" ratio {c['ratio']:4.2f}  {met}")
    if "jobs" in r:
        j = r["jobs"]
        lines.append(f"lawgov-ie extract --jobs 2 vs --jobs 1 ({j['documents']} documents, char):"
                     f" {j['seconds_jobs1']:.1f} s / {j['seconds_jobs2']:.1f} s ="
                     f" {j['speedup']:.2f}x")
    return "\n".join(lines)


def measure(quick: bool, with_jobs: bool = True) -> dict[str, Any]:
    result: dict[str, Any] = {"crafted": crafted(quick)}
    if with_jobs:
        result["jobs"] = jobs(4 if quick else 16)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--no-jobs", action="store_true", help="leave out --jobs 2 vs 1")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.quick, not args.no_jobs)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
