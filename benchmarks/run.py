#!/usr/bin/env python
"""Where the time goes in lawgov-ie: throughput, the components' share, start-up and memory.

    python benchmarks/run.py              # the full run (bundled corpus repeated to >= 2 MB)
    python benchmarks/run.py --quick      # smaller sizes, for a quick look
    python benchmarks/run.py --json       # the same figures as one JSON object
    python benchmarks/run.py --profile 25 # also: the 25 costliest functions inside the components
    python benchmarks/run.py --render run.json  # the report of a saved --json run

Every throughput is characters of input per second on one core (``extract_many`` with
``n_process=2`` excepted). Start-up, peak memory, the long stream and the big inputs run in fresh
subprocesses of this script (``--worker ...``), so each of them starts from a clean interpreter.
See docs/performance.md for a run and how to read it.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import parallel  # benchmarks/parallel.py: load() and worker processes, wall and CPU
import relations  # benchmarks/relations.py (this folder is on sys.path)
import scale  # benchmarks/scale.py: processes and Dask workers
import scaling  # benchmarks/scaling.py

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
MB = 1_000_000

# The floor: one plain regular-expression pass over the text (numbers with their first unit char).
FLOOR_PATTERN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?[^\W\d_]?")

# Goals of issue 21 (docs/performance.md), each against bare pkuseg segmentation on the same text:
GOAL_COMPONENT_SHARE = 0.10  # pkuseg-words pipeline <= 1.10x bare segmentation
GOAL_DEFAULT_SPEEDUP = 5.0  # default extract (no segmentation) >= 5x faster than segmentation
GOAL_CHAR_RATE = 1_000_000  # chars per CPU-second of the default reading
GOAL_LOAD_S = 1.5  # load() with a warm model cache, fresh interpreter


# --------------------------------------------------------------------------------------- inputs


def seed_texts() -> list[str]:
    paths = sorted(RAW.glob("*.txt"))
    if not paths:
        raise SystemExit(f"error: no seed reports in {RAW}")
    return [p.read_text(encoding="utf-8") for p in paths]


def utf8_size(texts: list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def repeat_to(texts: list[str], megabytes: float) -> list[str]:
    """The seed reports, as separate documents, repeated until they weigh ``megabytes`` (UTF-8)."""
    target = int(megabytes * MB)
    docs: list[str] = []
    size = 0
    while size < target:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


_DIGITS = "0123456789"


def varied(text: str, index: int) -> str:
    """A new document for a long stream: digits rotated and a serial line, so strings are new."""
    shift = index % 10
    table = str.maketrans(_DIGITS, _DIGITS[shift:] + _DIGITS[:shift])
    return f"（第{index}号）\n" + text.translate(table)


def one_text(texts: list[str], megabytes: float, *, single_line: bool) -> str:
    """One big document of ``megabytes`` (UTF-8): the seeds joined, or one line without newline."""
    joined = "\n".join(texts)
    if single_line:
        joined = re.sub(r"\s+", "", joined)
    unit = len(joined.encode("utf-8"))
    copies = max(1, -(-int(megabytes * MB) // unit))
    separator = "" if single_line else "\n"
    return separator.join([joined] * copies)


# --------------------------------------------------------------------------------------- memory


def rss_bytes() -> int | None:
    """The resident set size now (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def max_rss_bytes() -> int:
    """Peak resident set size of this process. On Linux, VmHWM of /proc/self/status: the
    ``ru_maxrss`` of a subprocess starts at its parent's peak, which is not ours to report."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


# ------------------------------------------------------------------------- pattern compilations


@contextlib.contextmanager
def count_compilations() -> Iterator[dict[str, int]]:
    """Count regular expressions compiled (cache misses of ``re`` and ``regex``) in the block."""
    import re as re_module

    import regex._main as regex_main

    counts = {"re": 0, "regex": 0}
    re_compiler: Any = re_module._compiler  # type: ignore[attr-defined]
    original_re = re_compiler.compile
    original_regex = regex_main._parse_pattern

    def counted_re(*args: Any, **kwargs: Any) -> Any:
        counts["re"] += 1
        return original_re(*args, **kwargs)

    def counted_regex(*args: Any, **kwargs: Any) -> Any:
        counts["regex"] += 1
        return original_regex(*args, **kwargs)

    re_compiler.compile = counted_re
    regex_main._parse_pattern = counted_regex
    try:
        yield counts
    finally:
        re_compiler.compile = original_re
        regex_main._parse_pattern = original_regex


# ------------------------------------------------------------------------------- measurements


def chars_of(docs: list[str]) -> int:
    return sum(len(d) for d in docs)


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def floor_rate(docs: list[str]) -> dict[str, float]:
    def scan() -> None:
        for text in docs:
            for _ in FLOOR_PATTERN.finditer(text):
                pass

    best = min(timed(scan) for _ in range(3))
    return {"seconds": best, "chars_per_s": chars_of(docs) / best}


def staged(nlp: Any, docs: list[str], profile: cProfile.Profile | None = None,
           reading: bool = False) -> dict[str, Any]:
    """``nlp.make_doc`` then each component in turn, each timed in CPU time (a busy machine's
    waits left out) and summed. ``reading``: the Doc extract() reads (``reading_doc``: no tokens
    with the char segmenter, no spaCy views) instead of ``nlp(text)``'s; a tree without it
    (an older commit, for a before/after run) reads with ``make_doc``."""
    make = getattr(nlp.tokenizer, "reading_doc", nlp.make_doc) if reading else nlp.make_doc
    names = [name for name, _ in nlp.pipeline]
    per = dict.fromkeys(names, 0.0)
    tokenize = 0.0
    clock = time.process_time
    with count_compilations() as compiled:
        for text in docs:
            start = clock()
            doc = make(text)
            tokenize += clock() - start
            if profile is not None:
                profile.enable()
            for name, proc in nlp.pipeline:
                start = clock()
                doc = proc(doc)
                per[name] += clock() - start
            if profile is not None:
                profile.disable()
    components = sum(per.values())
    chars = chars_of(docs)
    return {
        "tokenizer_seconds": tokenize,
        "tokenizer_chars_per_s": chars / tokenize,
        "components_seconds": components,
        "components_share_of_tokenizer": components / tokenize,
        "staged_chars_per_s": chars / (tokenize + components),
        "per_component_seconds": per,
        "compilations_during_run": dict(compiled),
    }


def piped(nlp: Any, docs: list[str], rounds: int = 3) -> dict[str, float]:
    """The components' own CPU time against the tokenizer's, in the order ``nlp.pipe(docs)``
    reads (lawgov_ie/stages.py): a batch tokenized, then each component over the whole batch.
    Timed stage by stage in one pass, as :func:`staged` times ``nlp(text)`` a document at a
    time (two separate passes would compare pkuseg's time with itself: it moves ±10% a pass).
    The best of ``rounds`` passes."""
    return min((_piped_once(nlp, docs) for _ in range(rounds)), key=lambda r: r["ratio"])


def _piped_once(nlp: Any, docs: list[str]) -> dict[str, float]:
    from lawgov_ie.stages import batches

    clock = time.process_time
    tokenize = components = 0.0
    size = getattr(nlp, "batch_size", 1000)
    texts = iter(docs)
    while True:
        start = clock()
        made = [nlp.make_doc(text) for _, text in zip(range(size), texts, strict=False)]
        tokenize += clock() - start
        if not made:
            break
        for batch in batches(made, size):  # the same cut by characters as nlp.pipe's
            for _name, proc in nlp.pipeline:
                start = clock()
                batch = [proc(doc) for doc in batch]
                components += clock() - start
    return {"tokenizer_seconds": tokenize, "components_seconds": components,
            "ratio": 1 + components / tokenize}


def full_rate(docs: list[str], segmenter: str, rounds: int = 1) -> dict[str, float]:
    """``extract`` on every document: wall-clock and CPU time (CPU time is what a busy shared
    machine does not decide), the best of ``rounds`` passes."""
    from lawgov_ie import extract

    seconds = cpu_seconds = float("inf")
    for _ in range(rounds):
        cpu = time.process_time()
        seconds = min(seconds, timed(lambda: [extract(text, segmenter=segmenter)  # type: ignore[arg-type]
                                              for text in docs]))
        cpu_seconds = min(cpu_seconds, time.process_time() - cpu)
    return {"seconds": seconds, "chars_per_s": chars_of(docs) / seconds,
            "cpu_seconds": cpu_seconds, "cpu_chars_per_s": chars_of(docs) / cpu_seconds}


def many_rate(docs: list[str], segmenter: str, n_process: int) -> dict[str, float]:
    """Wall clock, and CPU of this process and its workers (benchmarks/parallel.py)."""
    from lawgov_ie import extract_many

    cpu = parallel.cpu_now()
    seconds = timed(lambda: list(extract_many(docs, n_process=n_process, segmenter=segmenter)))  # type: ignore[arg-type]
    return {"seconds": seconds, "chars_per_s": chars_of(docs) / seconds,
            "cpu_seconds": parallel.cpu_now() - cpu}


def in_process_load(segmenter: str) -> float:
    from lawgov_ie import load

    return timed(lambda: load(segmenter=segmenter))  # type: ignore[arg-type]


# ------------------------------------------------------------------------ subprocess workers


def worker_startup(segmenter: str) -> dict[str, Any]:
    start = time.perf_counter()
    import lawgov_ie

    imported = time.perf_counter()
    cpu = time.process_time()
    nlp = lawgov_ie.load(segmenter=segmenter)  # type: ignore[arg-type]
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    nlp("全县办理行政复议案件12件。")  # with pkuseg, waits for the feature dict (built after load)
    first, first_cpu = time.perf_counter(), time.process_time()
    return {"import_s": imported - start, "load_s": loaded - imported,
            "load_cpu_s": loaded_cpu - cpu, "first_call_s": first - loaded,
            "first_call_cpu_s": first_cpu - loaded_cpu,
            "rss_after_load": rss_bytes(), "max_rss": max_rss_bytes()}


def worker_stream(segmenter: str, n_docs: int, samples: int) -> dict[str, Any]:
    import lawgov_ie

    texts = seed_texts()
    lawgov_ie.load(segmenter=segmenter)  # type: ignore[arg-type]
    after_load = rss_bytes()
    stream = (varied(texts[i % len(texts)], i) for i in range(n_docs))
    every = max(1, n_docs // samples)
    points: list[dict[str, int | None]] = []
    records = 0
    start = time.perf_counter()
    for count, report in enumerate(lawgov_ie.extract_many(stream, segmenter=segmenter), 1):  # type: ignore[arg-type]
        records += len(report.records)
        if count % every == 0 or count == n_docs:
            points.append({"docs": count, "rss": rss_bytes()})
    return {"segmenter": segmenter, "docs": n_docs, "records": records,
            "seconds": time.perf_counter() - start,
            "rss_after_load": after_load, "samples": points, "max_rss": max_rss_bytes()}


def worker_big(megabytes: float, single_line: bool) -> dict[str, Any]:
    import lawgov_ie

    text = one_text(seed_texts(), megabytes, single_line=single_line)
    lawgov_ie.load(segmenter="char")
    start = time.perf_counter()
    report = lawgov_ie.extract(text, segmenter="char")
    seconds = time.perf_counter() - start
    return {"chars": len(text), "bytes": len(text.encode("utf-8")), "seconds": seconds,
            "chars_per_s": len(text) / seconds, "records": len(report.records),
            "max_rss": max_rss_bytes()}


WORKERS: dict[str, Callable[..., dict[str, Any]]] = {
    "startup": worker_startup,
    "stream": worker_stream,
    "big": worker_big,
}


def run_worker(name: str, args: list[Any], timeout: float | None = None) -> dict[str, Any]:
    """Run one worker in a fresh interpreter; its last stdout line is its JSON result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, json.dumps(args)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"timeout_s": timeout}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"error": done.stderr.strip()[-2000:] or f"exit {done.returncode}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# ------------------------------------------------------------------------------------ machine


def machine() -> dict[str, Any]:
    import spacy

    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        from importlib.metadata import version

        pkuseg_version = version("spacy-pkuseg")
    except Exception:  # pragma: no cover - not installed
        pkuseg_version = "not installed"
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "spacy": spacy.__version__, "spacy_pkuseg": pkuseg_version,
            "platform": platform.platform(), "loadavg_at_start": load,
            "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


# ------------------------------------------------------------------------------------ the run


def benchmark(args: argparse.Namespace, say: Callable[[str], None]) -> dict[str, Any]:
    import lawgov_ie  # noqa: F401  (import cost outside every timing)

    texts = seed_texts()
    docs = repeat_to(texts, args.size_mb)
    result: dict[str, Any] = {"machine": machine()}
    result["corpus"] = {"seed_docs": len(texts), "docs": len(docs), "chars": chars_of(docs),
                        "bytes": utf8_size(docs), "target_mb": args.size_mb}
    say(f"corpus: {len(docs)} documents, {chars_of(docs):,} chars, {utf8_size(docs):,} bytes")

    result["floor_regex"] = floor_rate(docs)
    say("floor (one regex pass) measured")

    result["startup"] = {}
    for segmenter in ("pkuseg", "char"):
        runs = [run_worker("startup", [segmenter]) for _ in range(args.startup_runs)]
        good = [r for r in runs if "load_s" in r]
        if not good:
            result["startup"][segmenter] = runs[0]
            continue
        result["startup"][segmenter] = {
            "load_s_min": min(r["load_s"] for r in good),
            "load_s_median": statistics.median(r["load_s"] for r in good),
            "import_s_median": statistics.median(r["import_s"] for r in good),
            "load_cpu_s_median": statistics.median(r["load_cpu_s"] for r in good),
            "first_call_s_median": statistics.median(r["first_call_s"] for r in good),
            "first_call_cpu_s_median": statistics.median(r["first_call_cpu_s"] for r in good),
            "rss_after_load": good[-1]["rss_after_load"],
            "runs": len(good),
        }
    say("load() start-up measured")

    profile = cProfile.Profile() if args.profile else None
    result["in_process_load_s"] = {s: in_process_load(s) for s in ("pkuseg", "char")}
    from lawgov_ie import load

    for segmenter in ("pkuseg", "char"):
        nlp = load(segmenter=segmenter)  # type: ignore[arg-type]
        staged(nlp, docs[: len(texts)])  # warm-up: lexemes, caches
        result[f"staged_{segmenter}"] = staged(  # char: as extract() reads; pkuseg: nlp(text)
            nlp, docs, profile if segmenter == "char" else None, reading=segmenter == "char")
        say(f"{segmenter}: tokenizer and components measured")
        if segmenter == "pkuseg":
            result["piped_pkuseg"] = piped(nlp, docs)
            say("pkuseg: nlp.pipe measured")
        result[f"full_{segmenter}"] = full_rate(docs, segmenter, 1 if segmenter == "pkuseg" else 3)
        say(f"{segmenter}: full pipeline measured")

    result["extract_many"] = {}
    for n_process in (1, 2):
        result["extract_many"][f"pkuseg_n{n_process}"] = many_rate(docs, "pkuseg", n_process)
        result["extract_many"][f"char_n{n_process}"] = many_rate(docs, "char", n_process)
    say("extract_many measured")

    result["scaling"] = scaling.measure(args.quick, with_jobs=False)  # n / 2n, crafted inputs
    result["parallel"] = parallel.measure(args.quick, parts=("jobs",))  # --jobs 2 vs 1
    say("scaling and --jobs measured")

    result["stream"] = run_worker("stream", [args.stream_segmenter, args.stream_docs, 10])
    say("long stream measured")

    result["big"] = {
        "ten_mb": run_worker("big", [args.big_mb, False], timeout=args.big_timeout),
        "single_line": run_worker("big", [args.line_mb, True], timeout=args.big_timeout),
    }
    result["big"]["ten_mb"]["target_mb"] = args.big_mb
    result["big"]["single_line"]["target_mb"] = args.line_mb
    say("big inputs measured")

    import gazetteer as gazetteer_benchmark  # benchmarks/gazetteer.py, beside this file

    result["gazetteer"] = gazetteer_benchmark.measure()
    say("gazetteer measured")
    result["relations"] = relations.scaling(1000 if args.quick else 5000)  # benchmarks/relations.py
    say("relations step at n and 2n measured")

    if profile is not None:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.profile)
        result["profile_char_components"] = out.getvalue()
    return result


# ------------------------------------------------------------------------------------ report


def _mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:,.0f} MiB"


def _rate(value: float) -> str:
    return f"{value:>12,.0f} chars/s"


_STAGED = {"pkuseg": "pkuseg pipeline, nlp(text): words and spaCy views",
           "char": "char reading, as extract() reads: no tokens, no spaCy views"}


def render(r: dict[str, Any]) -> str:
    m = r["machine"]
    c = r["corpus"]
    lines = [
        f"lawgov-ie benchmark, {m['date_utc']} ({m['platform']})",
        f"machine: {m['nproc']} cores, {m['cpu']}; Python {m['python']}, spaCy {m['spacy']},"
        f" spacy-pkuseg {m['spacy_pkuseg']}; load average at start"
        f" {', '.join(f'{x:.2f}' for x in m['loadavg_at_start'] or [])}",
        f"corpus: {c['seed_docs']} seed reports repeated to {c['docs']} documents,"
        f" {c['chars']:,} chars ({c['bytes'] / MB:.2f} MB UTF-8)",
        "",
        "throughput (one core)",
        f"  regex floor (one pass)          {_rate(r['floor_regex']['chars_per_s'])}",
        f"  bare pkuseg tokenization        {_rate(r['staged_pkuseg']['tokenizer_chars_per_s'])}",
        f"  full pipeline, pkuseg           {_rate(r['full_pkuseg']['chars_per_s'])}",
        f"  char reading Doc (no tokens)    {_rate(r['staged_char']['tokenizer_chars_per_s'])}",
        f"  full pipeline, char             {_rate(r['full_char']['chars_per_s'])}",
    ]
    for segmenter in ("pkuseg", "char"):
        s = r[f"staged_{segmenter}"]
        lines += ["", f"components' own time ({_STAGED[segmenter]}, summed over the corpus)"]
        maker = "reading_doc" if segmenter == "char" else "tokenizer (make_doc)"
        per_char = 1e6 / r["corpus"]["chars"]
        lines.append(f"  {maker:<28}{s['tokenizer_seconds']:>8.3f} s"
                     f"  {s['tokenizer_seconds'] * per_char:5.2f} µs/char")
        rows = [*s["per_component_seconds"].items(), ("all components", s["components_seconds"])]
        for name, seconds in rows:
            share = (f"  {seconds / s['tokenizer_seconds']:>7.1%} of tokenization"
                     if segmenter == "pkuseg" else "")
            lines.append(f"  {name:<28}{seconds:>8.3f} s  {seconds * per_char:5.2f} µs/char{share}")
        compiled = s["compilations_during_run"]
        lines.append(f"  regex compilations while processing: re {compiled['re']},"
                     f" regex {compiled['regex']}")
    lines += ["", "load() start-up, warm model cache, fresh interpreter"]
    for segmenter, st in r["startup"].items():
        if "load_s_min" not in st:
            lines.append(f"  {segmenter:<8} failed: {st}")
            continue
        lines.append(f"  {segmenter:<8} load() {st['load_s_median']:.2f} s median"
                     f" (min {st['load_s_min']:.2f} s, {st['runs']} runs;"
                     f" CPU {st.get('load_cpu_s_median', 0):.2f} s);"
                     f" then the first nlp(text) {st.get('first_call_s_median', 0):.2f} s"
                     f" (CPU {st.get('first_call_cpu_s_median', 0):.2f} s);"
                     f" import lawgov_ie {st['import_s_median']:.2f} s;"
                     f" RSS after load {_mb(st['rss_after_load'])}")
    lines += ["", "extract_many (wall clock, includes worker start-up; CPU of all processes)"]
    for key, value in r["extract_many"].items():
        cpu = f", {value['cpu_seconds']:.2f} s CPU" if "cpu_seconds" in value else ""
        lines.append(f"  {key:<14}{_rate(value['chars_per_s'])}  ({value['seconds']:.2f} s{cpu})")
    if "scaling" in r:
        lines += ["", scaling.render(r["scaling"])]
    if "parallel" in r:
        lines += ["", parallel.render(r["parallel"])]
    st = r["stream"]
    lines += ["", "memory along a long stream (extract_many, every document new text)"]
    if "samples" in st:
        lines.append(f"  {st['segmenter']}, {st['docs']} documents in {st['seconds']:.1f} s;"
                     f" RSS after load {_mb(st['rss_after_load'])}")
        lines.append("  RSS: " + ", ".join(f"{p['docs']}: {_mb(p['rss'])}" for p in st["samples"]))
        first, last = st["samples"][0]["rss"], st["samples"][-1]["rss"]
        if first is not None and last is not None:
            lines.append(f"  growth from first to last sample: {(last - first) / 2**20:+.1f} MiB")
        lines.append(f"  peak memory (max RSS) {_mb(st['max_rss'])}")
    else:
        lines.append(f"  failed: {st}")
    lines += ["", "big inputs through extract(), segmenter='char' (issue 10)"]
    for label, key in (("10 MB document", "ten_mb"), ("single line (no newline)", "single_line")):
        b = r["big"][key]
        if "seconds" in b:
            lines.append(f"  {label:<26}{b['bytes'] / MB:6.2f} MB: {b['seconds']:7.2f} s,"
                         f" {b['chars_per_s']:,.0f} chars/s, {b['records']} records,"
                         f" max RSS {_mb(b['max_rss'])}")
        elif "timeout_s" in b:
            lines.append(f"  {label:<26}{b['target_mb']:6.2f} MB: NOT FINISHED within"
                         f" {b['timeout_s']:.0f} s")
        else:
            lines.append(f"  {label:<26}failed: {b.get('error', b)}")
    share = r["staged_pkuseg"]["components_share_of_tokenizer"]
    bare = r["staged_pkuseg"]["tokenizer_chars_per_s"]
    char_rate = r["full_char"].get("cpu_chars_per_s", r["full_char"]["chars_per_s"])
    speedup = char_rate / bare  # both CPU time
    load = {s: r["startup"][s].get("load_s_median") for s in ("pkuseg", "char")}
    pkuseg_start = r["startup"]["pkuseg"]
    load_cpu = pkuseg_start.get("load_cpu_s_median", load["pkuseg"])
    lines += [
        "",
        "goals (issue 21; each against bare pkuseg segmentation on the same text)",
        f"  default extract (no segmentation) >= {GOAL_DEFAULT_SPEEDUP:.0f}x bare segmentation:"
        f" {speedup:.1f}x  {'met' if speedup >= GOAL_DEFAULT_SPEEDUP else 'NOT met'}",
        f"  pkuseg-words pipeline <= {1 + GOAL_COMPONENT_SHARE:.2f}x bare segmentation:"
        f" nlp(text) a document at a time {1 + share:.2f}x"
        f"  {'met' if share <= GOAL_COMPONENT_SHARE else 'NOT met'}",
        f"  default reading >= {GOAL_CHAR_RATE:,} chars per CPU-second: {char_rate:,.0f}"
        f"  {'met' if char_rate >= GOAL_CHAR_RATE else 'NOT met'}",
        f"  pkuseg load() warm <= {GOAL_LOAD_S} s (CPU, so a busy machine does not decide it):"
        f" {load_cpu:.2f} s CPU, {load['pkuseg']:.2f} s wall; the first nlp(text) then waits"
        f" {pkuseg_start.get('first_call_cpu_s_median', 0):.2f} s CPU for the feature dict"
        f" (built in the background); char load() {load['char']:.2f} s wall"
        f"  {'met' if load_cpu <= GOAL_LOAD_S else 'NOT met'}",
    ]
    if "piped_pkuseg" in r:
        ratio = r["piped_pkuseg"]["ratio"]
        lines.append(f"    nlp.pipe(texts), components a batch at a time: {ratio:.2f}x"
                     f"  {'met' if ratio <= 1 + GOAL_COMPONENT_SHARE else 'NOT met'}")
    jobs = r.get("parallel", {}).get("jobs", {})
    pairs = [(s, jobs[f"{s}_jobs1"], jobs[f"{s}_jobs2"]) for s in ("char", "pkuseg")
             if f"{s}_jobs2" in jobs]
    if pairs:
        lines.append("  lawgov-ie extract --jobs 2 / --jobs 1, wall clock, start-up included: "
                     + "; ".join(f"{s} {one['wall'] / two['wall']:.2f}x ({one['chars']:,} chars)"
                                 for s, one, two in pairs))
    compiled_total = sum(sum(r[f"staged_{s}"]["compilations_during_run"].values())
                         for s in ("pkuseg", "char"))
    lines.append(f"  no per-document pattern compilation: {compiled_total} compilations"
                 f"  {'met' if compiled_total == 0 else 'NOT met'}")
    if "gazetteer" in r:
        import gazetteer as gazetteer_benchmark

        lines += ["", gazetteer_benchmark.render(r["gazetteer"])]
    if "relations" in r:
        lines += ["", relations.render(r["relations"])]
    if "profile_char_components" in r:
        lines += ["", "profile of the components (char pipeline), by own time",
                  r["profile_char_components"]]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a quick look)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also print the N costliest functions inside the components")
    parser.add_argument("--size-mb", type=float, help="corpus size (default 2, quick 0.25)")
    parser.add_argument("--big-mb", type=float, help="the big document (default 10, quick 1)")
    parser.add_argument("--line-mb", type=float,
                        help="the single-line document (default 1, quick 0.25)")
    parser.add_argument("--big-timeout", type=float,
                        help="seconds allowed per big document (default 300, quick 60)")
    parser.add_argument("--stream-docs", type=int,
                        help="documents in the long stream (default 600, quick 100)")
    parser.add_argument("--stream-segmenter", choices=("pkuseg", "char"), default="pkuseg")
    parser.add_argument("--startup-runs", type=int, help="fresh interpreters per load() figure")
    parser.add_argument("--render", type=Path, metavar="JSON",
                        help="print the report of a saved --json run instead of measuring")
    parser.add_argument("--worker", nargs=2, metavar=("NAME", "ARGS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    quick = args.quick
    defaults = {"size_mb": (2.0, 0.25), "big_mb": (10.0, 1.0), "line_mb": (1.0, 0.25),
                "big_timeout": (300.0, 60.0), "stream_docs": (600, 100),
                "startup_runs": (3, 1)}
    for name, (full, small) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, small if quick else full)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        name, raw = args.worker
        print(json.dumps(WORKERS[name](*json.loads(raw))))
        return 0

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    if args.render:
        print(render(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    result = benchmark(args, say)
    result["scale"] = scale.measure(0.25 if args.quick else 1.0, say=say)  # docs/scale.md
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json
          else render(result) + "\n\n" + scale.render(result["scale"]))
    print(__import__("splitting").report(), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
