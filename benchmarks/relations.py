#!/usr/bin/env python
"""The relations step's time at n and 2n on layouts that once made it quadratic.

    python benchmarks/relations.py            # n = 5000 figures (or cue words)
    python benchmarks/relations.py --n 20000

Three inputs of one line each, no full stop: "其中" × n (a cue word with nothing to link),
"其中k件，" × n (a cue before every figure) and "案件k件，" × n (a run-on line of figures).
The components before the relations step run untimed; the step itself is timed, best of five
(garbage collection off while timed, as in timeit),
at n and at 2n. Linear cost doubles the time: the ratio should stay at or below
:data:`GOAL_RATIO`.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from typing import Any

GOAL_RATIO = 2.3

LAYOUTS: dict[str, Callable[[int], str]] = {
    "其中 × n": lambda n: "其中" * n,
    "其中k件， × n": lambda n: "，".join(f"其中{k % 97 + 1}件" for k in range(n)),
    "run-on figures × n": lambda n: "，".join(f"案件{k % 97 + 1}件" for k in range(n)),
}


def relations_seconds(nlp: Any, text: str, rounds: int = 5) -> float:
    """Best time of the relations component on ``text`` (the components before it untimed)."""
    best = float("inf")
    for _ in range(rounds):
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            if name == "lawgov_relations":
                gc.collect()
                gc.disable()  # as timeit does: a collection is no cost of the step
                try:
                    start = time.perf_counter()
                    component(doc)
                    best = min(best, time.perf_counter() - start)
                finally:
                    gc.enable()
                break
            doc = component(doc)
    return best


def scaling(n: int = 5000) -> dict[str, dict[str, float]]:
    """Per layout: seconds at n and 2n, and their ratio."""
    from lawgov_ie import load

    nlp = load(segmenter="char")
    result = {}
    for name, make in LAYOUTS.items():
        small = relations_seconds(nlp, make(n))
        large = relations_seconds(nlp, make(2 * n))
        result[name] = {"n": n, "seconds_n": small, "seconds_2n": large,
                        "ratio": large / small if small > 1e-4 else 1.0}
    return result


def render(result: dict[str, dict[str, float]]) -> str:
    lines = [f"relations step, time at n and 2n (goal: ratio <= {GOAL_RATIO})"]
    for name, row in result.items():
        verdict = "ok" if row["ratio"] <= GOAL_RATIO else "TOO SLOW"
        lines.append(f"  {name:<22} n={int(row['n']):>6}  {row['seconds_n']:8.3f} s  "
                     f"2n {row['seconds_2n']:8.3f} s  ratio {row['ratio']:5.2f}  {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="figures (or cue words) at n")
    args = parser.parse_args(argv)
    result = scaling(args.n)
    print(render(result))
    return 0 if all(row["ratio"] <= GOAL_RATIO for row in result.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
