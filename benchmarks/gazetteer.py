#!/usr/bin/env python
"""What the gazetteer costs: time and memory it adds to ``load()``, and its search speed.

    python benchmarks/gazetteer.py          # the figures, as text
    python benchmarks/gazetteer.py --json   # the same as JSON (benchmarks/run.py includes them)

Each load is measured in a fresh interpreter: the first ever (no disk cache: the data packages'
tree is decompressed and the table derived) and a usual one (the cached table). Goals: at most
150 MB of resident memory and 1 s added to ``load()`` (docs/document-facts.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_RSS_MB = 150
GOAL_LOAD_S = 1.0


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def worker() -> dict[str, Any]:
    """In a fresh interpreter: the gazetteer's load time and the memory it adds."""
    import lawgov_ie  # noqa: F401  (the package's own import cost stays outside)
    from lawgov_ie.steps.entities.places import find_gpes
    from lawgov_ie.text.gazetteer import gazetteer

    before = _rss()
    start = time.perf_counter()
    places = gazetteer()
    seconds = time.perf_counter() - start
    after = _rss()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]
    chars = sum(map(len, texts))
    start = time.perf_counter()
    found = sum(len(find_gpes(text, places)) for text in texts)
    search = time.perf_counter() - start
    return {"load_s": seconds, "rss_added_mb": (after - before) / 1e6, "places": len(places.places),
            "gpe_chars_per_s": chars / search, "gpes_in_seeds": found}


def _run(env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--worker"], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"error": done.stderr.strip()[-2000:]}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def measure() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "LAWGOV_IE_CACHE": cache}
        first = _run(env)  # builds the cache
        usual = _run(env)
    return {"first_load": first, "usual_load": usual}


def render(result: dict[str, Any]) -> str:
    usual, first = result["usual_load"], result["first_load"]
    if "error" in usual or "error" in first:
        return f"gazetteer: error {usual.get('error') or first.get('error')}"
    return "\n".join([
        f"gazetteer: {usual['places']:,} places; GPE search {usual['gpe_chars_per_s']:,.0f}"
        " chars/s on the seeds",
        f"  load() adds {usual['load_s']:.2f} s (first load on a machine, building the cache:"
        f" {first['load_s']:.2f} s)  {'met' if usual['load_s'] <= GOAL_LOAD_S else 'NOT met'}"
        f" (<= {GOAL_LOAD_S} s)",
        f"  memory added {usual['rss_added_mb']:.0f} MB (first load {first['rss_added_mb']:.0f}"
        f" MB)  {'met' if usual['rss_added_mb'] <= GOAL_RSS_MB else 'NOT met'}"
        f" (<= {GOAL_RSS_MB} MB)",
    ])


if __name__ == "__main__":
    if "--worker" in sys.argv:
        print(json.dumps(worker()))
    else:
        figures = measure()
        print(json.dumps(figures, indent=2) if "--json" in sys.argv else render(figures))
