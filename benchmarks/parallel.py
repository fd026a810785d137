#!/usr/bin/env python
"""Start-up and worker processes (issue 21): ``load()`` in fresh interpreters, and one process
against two for ``extract_many(n_process=N)`` and ``lawgov-ie extract --jobs N``.

    python benchmarks/parallel.py           # the full run (a few minutes)
    python benchmarks/parallel.py --quick   # smaller corpora
    python benchmarks/parallel.py --json    # the figures as JSON

Every figure is given as wall clock **and** CPU (user + system, this process and its children):
on a shared machine the wall clock says how busy the machine was as much as how fast the code
is, so the load average at the start of each measurement is printed beside it.

- ``load()``: a fresh interpreter per run; ``load()`` alone, and ``load()`` plus the first
  one-sentence ``nlp(text)`` (with pkuseg, that call waits for the feature dict built in the
  background: ``lawgov_ie/text/pkuseg_weights.py``).
- One against two processes: the seed reports repeated (each copy with its digits rotated, so
  no two documents are the same text), read once with one process and once with two.
- The workers' memory (pkuseg, two processes): resident, proportional (PSS: shared pages
  divided among the processes sharing them) and shared, from ``/proc/PID/smaps_rollup``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
_DIGITS = "0123456789"

_STARTUP = """
import json, sys, time
import lawgov_ie
wall, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
nlp = lawgov_ie.load(segmenter=sys.argv[1])
loaded = (time.perf_counter() - wall, time.process_time() - cpu, time.thread_time() - thread)
nlp("全县办理行政复议案件12件。")
first = (time.perf_counter() - wall, time.process_time() - cpu)
print(json.dumps({"module": lawgov_ie.__file__, "load_wall": loaded[0], "load_cpu": loaded[1],
                  "load_cpu_this_thread": loaded[2], "first_wall": first[0],
                  "first_cpu": first[1]}))
"""


def loadavg() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]


def corpus(copies: int) -> list[str]:
    texts = seeds()
    out = []
    for copy in range(copies):
        shift = copy % 10
        table = str.maketrans(_DIGITS, _DIGITS[shift:] + _DIGITS[:shift])
        out += [f"（第{copy}号）\n" + text.translate(table) for text in texts]
    return out


def cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def startup(segmenter: str, runs: int) -> dict[str, Any]:
    results = []
    load = loadavg()
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _STARTUP, segmenter], capture_output=True,
                              text=True, check=True, cwd=tempfile.gettempdir())
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in results) for key in results[0]
            if key != "module"} | {"runs": runs, "loadavg": load, "module": results[0]["module"]}


def smaps(pid: int) -> dict[str, int]:
    """Rss, Pss, Shared_* and Private_* of a process, in bytes (Linux)."""
    fields: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) * 1024
    return fields


def many(texts: list[str], segmenter: str, n_process: int,
         memory: bool = False) -> dict[str, Any]:
    import multiprocessing

    from lawgov_ie import extract, extract_many, load

    load(segmenter=segmenter)  # type: ignore[arg-type]
    extract(texts[0][:2000], segmenter=segmenter)  # type: ignore[arg-type]  # first-use costs
    seen: dict[int, dict[str, int]] = {}
    stop = threading.Event()

    def watch() -> None:  # the workers' memory, at their largest
        while not stop.wait(0.2):
            for child in multiprocessing.active_children():
                try:
                    now = smaps(child.pid or 0)
                except OSError:
                    continue
                if now.get("Rss", 0) >= seen.get(child.pid or 0, {}).get("Rss", 0):
                    seen[child.pid or 0] = now

    watcher = threading.Thread(target=watch, daemon=True)
    if memory and Path("/proc/self/smaps_rollup").exists():
        watcher.start()
    load_at_start = loadavg()
    cpu, wall = cpu_now(), time.perf_counter()
    reports = list(extract_many(texts, n_process=n_process, segmenter=segmenter))  # type: ignore[arg-type]
    wall, cpu = time.perf_counter() - wall, cpu_now() - cpu
    stop.set()
    result: dict[str, Any] = {"documents": len(texts), "chars": sum(map(len, texts)),
                              "wall": wall, "cpu": cpu, "loadavg": load_at_start,
                              "records": sum(len(r.records) for r in reports)}
    if seen:
        result["workers"] = list(seen.values())
    return result


def jobs(texts: list[str], n_process: int, segmenter: str = "char") -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            (Path(folder) / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-c", "import sys; from lawgov_ie.cli import main;"
                   " sys.exit(main())", "extract", folder, "-o",
                   str(Path(folder) / "out.jsonl"), "--segmenter", segmenter,
                   "--jobs", str(n_process), "--no-progress"]
        load_at_start = loadavg()
        cpu, wall = cpu_now(), time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              cwd=tempfile.gettempdir())
        wall, cpu = time.perf_counter() - wall, cpu_now() - cpu
        if done.returncode != 0:
            raise SystemExit(f"extract --jobs {n_process} failed: {done.stderr[-500:]}")
    return {"documents": len(texts), "chars": sum(map(len, texts)), "wall": wall, "cpu": cpu,
            "loadavg": load_at_start}


PARTS = ("startup", "extract_many", "jobs", "small")
JOBS_COPIES = {"char": 64, "pkuseg": 8}
"""Copies of the seed reports for ``--jobs``: 1.1 M characters with the char reading (about
3 s of work in one process), 143 k with pkuseg words (about 3 s too)."""


def measure(quick: bool, startup_runs: int = 3, parts: tuple[str, ...] = PARTS) -> dict[str, Any]:
    result: dict[str, Any] = {"cores": os.cpu_count()}
    if "startup" in parts:
        result["startup"] = {s: startup(s, startup_runs) for s in ("pkuseg", "char")}
    char_texts = corpus(16 if quick else 64)
    pkuseg_texts = corpus(4 if quick else 16)
    if "extract_many" in parts:
        result["extract_many"] = {
            f"{segmenter}_n{n}": many(texts, segmenter, n,
                                      memory=segmenter == "pkuseg" and n == 2)
            for segmenter, texts in (("char", char_texts), ("pkuseg", pkuseg_texts))
            for n in (1, 2)}
    if "jobs" in parts:  # the same sizes with --quick: a smaller run is read in one process,
        # or is mostly start-up (about 1 s of import and load() in each command)
        result["jobs"] = {f"{segmenter}_jobs{n}": jobs(corpus(copies), n, segmenter)
                          for segmenter, copies in JOBS_COPIES.items() for n in (1, 2)}
    if "small" in parts:  # the five seed reports: below the size from which workers start
        result["small"] = {f"char_n{n}": many(corpus(1), "char", n) for n in (1, 2)}
    return result


def _mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"


def _pair(one: dict[str, Any], two: dict[str, Any], label: str) -> list[str]:
    lines = []
    for n, r in ((1, one), (2, two)):
        lines.append(f"  {label} {n}: {r['wall']:6.2f} s wall, {r['cpu']:6.2f} s CPU"
                     f" ({r['cpu'] / r['documents'] * 1000:.1f} ms CPU a document),"
                     f" load average {r['loadavg']:.1f} at start")
    lines.append(f"  speed-up (wall, 1 / 2): {one['wall'] / two['wall']:.2f}x;"
                 f" CPU of two processes / one: {two['cpu'] / one['cpu']:.2f}")
    return lines


def render(r: dict[str, Any]) -> str:
    lines = [f"load() in a fresh interpreter, median ({r['cores']} cores; wall and CPU)"
             ] if "startup" in r else []
    for segmenter, s in r.get("startup", {}).items():
        lines.append(f"  {segmenter:<7} load() {s['load_wall']:.2f} s wall, {s['load_cpu']:.2f} s"
                     f" CPU ({s['load_cpu_this_thread']:.2f} s in the calling thread);"
                     f" load() + first nlp(text) {s['first_wall']:.2f} s wall,"
                     f" {s['first_cpu']:.2f} s CPU; load average {s['loadavg']:.1f}")
    for segmenter in ("char", "pkuseg") if "extract_many" in r else ():
        one, two = r["extract_many"][f"{segmenter}_n1"], r["extract_many"][f"{segmenter}_n2"]
        lines += ["", f"extract_many, {segmenter}, {one['documents']} documents,"
                      f" {one['chars']:,} chars"]
        lines += _pair(one, two, "n_process")
        for number, worker in enumerate(two.get("workers", []), 1):
            shared = worker.get("Shared_Clean", 0) + worker.get("Shared_Dirty", 0)
            lines.append(f"  worker {number}: RSS {_mib(worker['Rss'])}, PSS {_mib(worker['Pss'])},"
                         f" shared {_mib(shared)}")
    if "jobs" not in r:
        return "\n".join(lines)
    for segmenter in JOBS_COPIES:
        if f"{segmenter}_jobs1" not in r["jobs"]:  # a run saved before pkuseg was measured
            continue
        one, two = r["jobs"][f"{segmenter}_jobs1"], r["jobs"][f"{segmenter}_jobs2"]
        lines += [""] if lines else []
        lines += [f"lawgov-ie extract --jobs N, {segmenter}, {one['documents']} documents,"
                  f" {one['chars']:,} chars (the whole command: start-up included)"]
        lines += _pair(one, two, "--jobs")
    if "small" not in r:
        return "\n".join(lines)
    one, two = r["small"]["char_n1"], r["small"]["char_n2"]
    lines += ["", f"a small run ({one['documents']} documents, {one['chars']:,} chars: read in one"
                  " process whatever n_process says)"]
    lines += _pair(one, two, "n_process")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--startup-runs", type=int, default=3, help="fresh interpreters per figure")
    parser.add_argument("--part", action="append", choices=PARTS,
                        help="measure only this part (repeatable; default: all)")
    parser.add_argument("--render", type=Path, help="print the report of a saved --json run")
    args = parser.parse_args(argv)
    if args.render:
        print(render(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    result = measure(args.quick, args.startup_runs, tuple(args.part or PARTS))
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
