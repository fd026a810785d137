#!/usr/bin/env python
"""More processes, more workers: chars/s of one process, ``extract_many(n_process=2)`` and a
Dask LocalCluster of 1 and 2 worker processes, on one corpus, in one run (docs/scale.md).

    python benchmarks/scale.py                 # pkuseg and char, seeds repeated to 1 MB
    python benchmarks/scale.py --size-mb 0.25 --segmenter char
    python benchmarks/scale.py --json

Each figure is wall-clock characters per second over the whole corpus, the pipeline already
loaded and a first text read (in the parent for one process and the forked ``n_process``
workers; on each Dask worker by the plugin, before the clock starts). Speed-up: 2 processes
over 1, 2 workers over 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
GOAL = 1.7  # speed-up of 2 processes or workers over 1 on a 2-core machine


@dataclass
class _Doc:
    source: str
    text: str


def corpus(size_mb: float) -> list[str]:
    """The seed reports repeated as separate documents up to ``size_mb`` of UTF-8, each with a
    serial line of its own so that no two strings are the same."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    docs: list[str] = []
    size = 0
    while size < size_mb * 1_000_000:
        for text in seeds:
            doc = f"（第{len(docs) + 1}号）\n{text}"
            docs.append(doc)
            size += len(doc.encode("utf-8"))
    return docs


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _worker_rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def _warm(text: str, segmenter: Any) -> None:
    import lawgov_ie

    lawgov_ie.extract(text, segmenter=segmenter)


def _worker_cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def _processes(docs: list[str], segmenter: Any, n: int) -> float:
    """Seconds of ``extract_many(n_process=n)`` over ``docs``."""
    import lawgov_ie

    return _timed(lambda: list(lawgov_ie.extract_many(docs, n_process=n, segmenter=segmenter)))


def _cluster(docs: list[str], segmenter: Any, workers: int) -> tuple[float, float, list[int]]:
    """Seconds to read ``docs`` on a LocalCluster of ``workers`` processes, the CPU seconds
    the workers spent on it, and their memory (RSS, bytes) afterwards."""
    from lawgov_ie import distributed as on_dask

    items = [_Doc(f"d{n}", text) for n, text in enumerate(docs)]
    with on_dask.connect(f"local:{workers}") as client:
        on_dask.register(client, on_dask.Settings(segmenter))  # loads the pipeline
        client.run(_warm, docs[0], segmenter)  # a first text on each worker

        def run() -> None:
            for _document, report in on_dask.read_documents(items, client, segmenter=segmenter):
                assert not isinstance(report, str), report

        before = sum(client.run(_worker_cpu).values())
        seconds = _timed(run)
        cpu = sum(client.run(_worker_cpu).values()) - before
        return seconds, cpu, sorted(client.run(_worker_rss).values())


def measure(size_mb: float, segmenters: tuple[str, ...] = ("pkuseg", "char"),
            say: Callable[[str], None] = lambda message: None) -> dict[str, Any]:
    """The figures of one run, as a dict (``render`` prints it)."""
    import lawgov_ie

    docs = corpus(size_mb)
    chars = sum(len(d) for d in docs)
    result: dict[str, Any] = {"documents": len(docs), "chars": chars, "cores": os.cpu_count(),
                              "load": os.getloadavg(), "segmenters": {}}
    for segmenter in segmenters:
        lawgov_ie.extract(docs[0], segmenter=segmenter)  # type: ignore[arg-type]  # warm
        rows: dict[str, float] = {}
        for n in (1, 2):
            say(f"{segmenter}: extract_many(n_process={n})")
            cpu = time.process_time()
            rows[f"extract_many n_process={n}"] = chars / _processes(docs, segmenter, n)
            if n == 1:
                per_cpu = {"one process": chars / (time.process_time() - cpu)}
        memory: list[int] = []
        for workers in (1, 2):
            name = f"LocalCluster {workers} worker{'s' * (workers > 1)}"
            say(f"{segmenter}: {name}")
            seconds, cpu_seconds, memory = _cluster(docs, segmenter, workers)
            rows[name] = chars / seconds
            per_cpu[name] = chars / cpu_seconds
        result["segmenters"][segmenter] = {"rates": rows, "per_cpu_second": per_cpu,
                                           "worker_rss_mb": [round(m / 2**20) for m in memory]}
    return result


def render(r: dict[str, Any]) -> str:
    from lawgov_ie.api import PARALLEL_FROM  # a smaller run is read in one process

    lines = [f"scale: {r['documents']} documents, {r['chars']:,} chars; {r['cores']} cores, "
             f"load average at start {', '.join(f'{x:.2f}' for x in r['load'])}"]
    for segmenter, found in r["segmenters"].items():
        rates = found["rates"]
        one, two = rates["extract_many n_process=1"], rates["extract_many n_process=2"]
        c1, c2 = rates["LocalCluster 1 worker"], rates["LocalCluster 2 workers"]
        lines.append(f"  {segmenter}")
        for name, rate in rates.items():
            lines.append(f"    {name:<28} {rate:>12,.0f} chars/s   {rate / one:5.2f}× one process")
        alone = r["chars"] < PARALLEL_FROM.get(segmenter, 0)
        note = (f"one process: {r['chars']:,} chars is below PARALLEL_FROM"
                f" ({PARALLEL_FROM.get(segmenter, 0):,}), see docs/api.md" if alone
                else f"goal ≥ {GOAL}×")
        lines.append(f"    speed-up n_process 2 over 1   {two / one:5.2f}×   ({note})")
        lines.append(f"    speed-up 2 workers over 1     {c2 / c1:5.2f}×   (goal ≥ {GOAL}×)")
        per_cpu = ", ".join(f"{name} {rate:,.0f}"
                            for name, rate in found.get("per_cpu_second", {}).items())
        lines.append(f"    chars per CPU-second          {per_cpu}")
        rss = ", ".join(map(str, found["worker_rss_mb"]))
        lines.append(f"    memory per worker (RSS)       {rss} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--segmenter", action="append", choices=("pkuseg", "char"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    result = measure(args.size_mb, tuple(args.segmenter or ("pkuseg", "char")), say)
    print(json.dumps(result, indent=1) if args.json else render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
