#!/usr/bin/env python
"""The relations step's time at n and 2n on layouts that once made it quadratic.

    python benchmarks/relations.py            # n = 5000 figures (or cue words)
    python benchmarks/relations.py --n 20000

Inputs of one line each, no full stop: "其中" × 10n (a cue word with nothing to link: the step
reads figures, not cue words, so it has nothing to do), "其中k件，" × n (a cue before every
figure), "案件k件，" × n (a run-on line of figures), a 其中，list of n semicolon items, n
received / concluded / outcome / 共计 groups on one line, and n figures each opened by a category
phrase (…中，/ …：). The components before the relations step
run untimed and the step itself is timed, best of five (garbage collection off while timed, as
in timeit), at n and at 2n, in alternate rounds. The whole ``extract()`` of "其中" × 10n is
printed for reference. Linear cost doubles the
time: the ratio should stay at or below :data:`GOAL_RATIO`.
"""

from __future__ import annotations

import argparse
import copy
import gc
import sys
import time
from collections.abc import Callable
from typing import Any

GOAL_RATIO = 2.3

LAYOUTS: dict[str, Callable[[int], str]] = {
    "其中 × 10n": lambda n: "其中" * (10 * n),
    "其中k件， × n": lambda n: "，".join(f"其中{k % 97 + 1}件" for k in range(n)),
    "run-on figures × n": lambda n: "，".join(f"案件{k % 97 + 1}件" for k in range(n)),
    "其中，…； × n": lambda n: "受理案件9万件，其中，" + "；".join(
        f"甲类案件{k % 97 + 1}件" for k in range(n)),
    "received, concluded, outcomes × n": lambda n: "，".join(
        f"收到复议{k % 7 + 9}件，审结8件，维持5件，撤销2件，共计7件" for k in range(n)),
    "category openers × n": lambda n: "：".join(f"类别中，甲类{k % 97 + 1}件" for k in range(n)),
    "其中 × 10n, extract()": lambda n: "其中" * (10 * n),
}
# Timed as a whole extract(), for reference only (the other steps are not this benchmark's):
WHOLE = {"其中 × 10n, extract()"}


def _prepared(nlp: Any, text: str) -> tuple[Any, Any, list[Any]]:
    """A doc with the components before the relations step run, the step, and its records."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "lawgov_relations":
            return doc, component, copy.deepcopy(doc._.lawgov_records)
        doc = component(doc)
    raise SystemExit("error: the pipeline has no lawgov_relations component")


def _time_step(doc: Any, component: Any, records: list[Any]) -> float:
    doc._.lawgov_records = copy.deepcopy(records)  # the step fills them in: start afresh
    gc.collect()
    gc.disable()  # as timeit does: a collection is no cost of the step
    try:
        start = time.perf_counter()
        component(doc)
        return time.perf_counter() - start
    finally:
        gc.enable()


def _time_extract(text: str) -> float:
    from lawgov_ie import extract

    start = time.perf_counter()
    extract(text, segmenter="char")
    return time.perf_counter() - start


def pair_seconds(nlp: Any, small: str, large: str, whole: bool,
                 rounds: int = 5) -> tuple[float, float]:
    """Best times at n and 2n, measured in alternate rounds so that the load of a shared
    machine falls on both alike."""
    if whole:
        timers = [lambda: _time_extract(small), lambda: _time_extract(large)]
    else:
        prepared = [_prepared(nlp, small), _prepared(nlp, large)]
        timers = [lambda: _time_step(*prepared[0]), lambda: _time_step(*prepared[1])]
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for which, timer in enumerate(timers):
            best[which] = min(best[which], timer())
    return best[0], best[1]


def scaling(n: int = 5000) -> dict[str, dict[str, float]]:
    """Per layout: seconds at n and 2n, and their ratio."""
    from lawgov_ie import load

    nlp = load(segmenter="char")
    result = {}
    for name, make in LAYOUTS.items():
        small, large = pair_seconds(nlp, make(n), make(2 * n), name in WHOLE)
        result[name] = {"n": n, "seconds_n": small, "seconds_2n": large,
                        "ratio": large / small if small > 1e-4 else 1.0}
    return result


def render(result: dict[str, dict[str, float]]) -> str:
    lines = [f"relations step, time at n and 2n (goal: ratio <= {GOAL_RATIO})"]
    for name, row in result.items():
        verdict = "(reference)" if name in WHOLE else \
            "ok" if row["ratio"] <= GOAL_RATIO else "TOO SLOW"
        lines.append(f"  {name:<22} n={int(row['n']):>6}  {row['seconds_n']:8.3f} s  "
                     f"2n {row['seconds_2n']:8.3f} s  ratio {row['ratio']:5.2f}  {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="figures (or cue words) at n")
    args = parser.parse_args(argv)
    result = scaling(args.n)
    print(render(result))
    return 0 if all(row["ratio"] <= GOAL_RATIO for name, row in result.items()
                    if name not in WHOLE) else 1


if __name__ == "__main__":
    sys.exit(main())
