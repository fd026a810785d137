#!/usr/bin/env python
"""Before/after of each optimisation, and the breakdowns behind docs/performance.md.

    python benchmarks/optimisations.py tokenizer   # spaCy's ChineseTokenizer vs LawgovTokenizer
    python benchmarks/optimisations.py features    # pkuseg features: features.pkl vs .msgpack
    python benchmarks/optimisations.py share       # a 2nd pkuseg pipeline (other patterns)
    python benchmarks/optimisations.py scaling     # one process alone vs two at once
    python benchmarks/optimisations.py entities    # where the entities component's time goes
    python benchmarks/optimisations.py many        # extract_many(n_process=2): before vs now
    python benchmarks/optimisations.py versus --commit C  # extract() at commit C vs this tree
    python benchmarks/optimisations.py cold        # the components after pkuseg: cold caches

``tokenizer`` runs the same pipeline (same components, same pkuseg segmenter object) with spaCy's
stock tokenizer and with ours, alternating rounds and keeping each one's best, so the load of a
shared machine hits both alike. ``features`` loads the model's features in fresh interpreters,
alternating the formats.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import chars_of, one_text, repeat_to, seed_texts


def _staged_seconds(nlp: Any, make: Callable[[str], Any], docs: list[str]) -> tuple[float, float]:
    """(tokenizer seconds, components seconds) over ``docs``."""
    tokenize = components = 0.0
    clock = time.perf_counter
    for text in docs:
        start = clock()
        doc = make(text)
        middle = clock()
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        components += clock() - middle
        tokenize += middle - start
    return tokenize, components


def tokenizer(size_mb: float, rounds: int, big_mb: float) -> dict[str, Any]:
    from spacy.lang.zh import ChineseTokenizer

    from lawgov_ie import load

    docs = repeat_to(seed_texts(), size_mb)
    chars = chars_of(docs)
    result: dict[str, Any] = {"chars": chars, "rounds": rounds}
    for segmenter in ("char", "pkuseg"):
        nlp = load(segmenter=segmenter)
        ours = nlp.tokenizer
        stock = ChineseTokenizer(nlp.vocab, segmenter=segmenter)  # type: ignore[arg-type]
        stock.pkuseg_seg = getattr(ours, "pkuseg_seg", None)
        best: dict[str, tuple[float, float]] = {}
        for _ in range(rounds):
            for name, make in (("stock", stock), ("ours", ours)):
                seconds = _staged_seconds(nlp, make, docs)
                if name not in best or sum(seconds) < sum(best[name]):
                    best[name] = seconds
        result[segmenter] = {
            name: {"tokenizer_chars_per_s": chars / tok, "components_s": comp,
                   "pipeline_chars_per_s": chars / (tok + comp)}
            for name, (tok, comp) in best.items()
        }
    # one long text, tokenizer only (char): spaCy's alignment is quadratic in the length
    text = one_text(seed_texts(), big_mb, single_line=False)
    nlp = load(segmenter="char")
    stock = ChineseTokenizer(nlp.vocab, segmenter="char")  # type: ignore[arg-type]
    long: dict[str, float] = {"chars": len(text)}
    for name, make in (("stock", stock), ("ours", nlp.tokenizer)):
        start = time.perf_counter()
        make(text)
        long[f"{name}_s"] = time.perf_counter() - start
    result["long_text_char_tokenizer"] = long
    return result


_LOAD_FEATURES = """
import sys, time
from spacy_pkuseg.feature_extractor import FeatureExtractor
start = time.perf_counter()
FeatureExtractor.load(sys.argv[1])
print(time.perf_counter() - start)
"""


def features(rounds: int) -> dict[str, Any]:
    import srsly

    from lawgov_ie.text.pkuseg_model import resolve_model_dir

    model = resolve_model_dir()
    with tempfile.TemporaryDirectory(prefix="lawgov-ie-formats-") as tmp:
        msgpack_dir = Path(tmp) / "msgpack"
        msgpack_dir.mkdir()
        import pickle

        with (model / "features.pkl").open("rb") as handle:
            data = pickle.load(handle)
        srsly.write_msgpack(msgpack_dir / "features.msgpack", data)
        del data
        dirs = {"pkl": model, "msgpack": msgpack_dir}
        sizes = {"pkl": (model / "features.pkl").stat().st_size,
                 "msgpack": (msgpack_dir / "features.msgpack").stat().st_size}
        times: dict[str, list[float]] = {name: [] for name in dirs}
        for _ in range(rounds):
            for name, directory in dirs.items():
                done = subprocess.run([sys.executable, "-c", _LOAD_FEATURES, str(directory)],
                                      capture_output=True, text=True, check=True)
                times[name].append(float(done.stdout.strip().splitlines()[-1]))
        shutil.rmtree(msgpack_dir)
    return {name: {"bytes": sizes[name], "min_s": min(t), "median_s": statistics.median(t),
                   "runs": t} for name, t in times.items()}


_SECOND_PIPELINE = """
import json, os, sys, tempfile, time
from pathlib import Path

import lawgov_ie
from lawgov_ie import pipeline

def rss():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

lawgov_ie.load()
before = rss()
if sys.argv[1] == "unshared":  # as before the optimisation: every pipeline loads its own model
    pipeline._pkuseg_segmenter.cache_clear()
extra = Path(tempfile.mkdtemp())
(extra / "terms.jsonl").write_text(
    '{"kind": "term", "id": "示范乡镇司法所", "text": "示范乡镇司法所"}\\n', encoding="utf-8")
start = time.perf_counter()
lawgov_ie.load(patterns=[extra])
print(json.dumps({"load_s": time.perf_counter() - start, "rss_added": rss() - before}))
"""


def share(rounds: int) -> dict[str, Any]:
    """load(patterns=...) after load(): loading the model again vs sharing it."""
    runs: dict[str, list[dict[str, float]]] = {"unshared": [], "shared": []}
    for _ in range(rounds):
        for name, found in runs.items():
            done = subprocess.run([sys.executable, "-c", _SECOND_PIPELINE, name],
                                  capture_output=True, text=True, check=True)
            found.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {name: {"load_s_median": statistics.median(r["load_s"] for r in found),
                   "rss_added_median": statistics.median(r["rss_added"] for r in found),
                   "runs": len(found)} for name, found in runs.items()}


def render_share(r: dict[str, Any]) -> str:
    lines = ["a second pkuseg pipeline with other patterns, after load(), fresh interpreter"]
    for name, f in r.items():
        lines.append(f"  {name:<9} load() {f['load_s_median']:.2f} s, RSS added"
                     f" {f['rss_added_median'] / 2**20:,.0f} MiB (median of {f['runs']})")
    return "\n".join(lines)


_ONE_WORKLOAD = """
import glob, json, sys, time
import lawgov_ie
from pathlib import Path

kind, copies = sys.argv[1], int(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[3]).glob("*.txt"))] * copies
if kind == "pkuseg_cut":
    cut = lawgov_ie.load().tokenizer.pkuseg_seg.cut
    work = lambda text: cut(text)
else:
    lawgov_ie.load(segmenter="char")
    work = lambda text: lawgov_ie.extract(text, segmenter="char")
for text in texts[:5]:
    work(text)
start = time.perf_counter()
for text in texts:
    work(text)
seconds = time.perf_counter() - start
print(json.dumps({"chars_per_s": sum(map(len, texts)) / seconds}))
"""


def scaling(copies: int) -> dict[str, Any]:
    """Does the work scale over 2 cores? One process alone, then two independent ones at once
    (each with its own pipeline), on pkuseg's segmentation and on the char pipeline."""
    from run import RAW

    def start(kind: str, n: int) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-c", _ONE_WORKLOAD, kind, str(n), str(RAW)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def rate(process: subprocess.Popen[str]) -> float:
        out, _ = process.communicate()
        return float(json.loads(out.strip().splitlines()[-1])["chars_per_s"])

    result: dict[str, Any] = {}
    for kind, n in (("pkuseg_cut", copies), ("char_extract", copies * 4)):
        alone = rate(start(kind, n))
        pair = [start(kind, n), start(kind, n)]
        together = [rate(p) for p in pair]
        result[kind] = {"alone_chars_per_s": alone, "two_at_once_chars_per_s": together,
                        "speed_up": sum(together) / alone}
    return result


def render_scaling(r: dict[str, Any]) -> str:
    lines = ["one process alone vs two independent processes at once (chars/s each)"]
    for kind, f in r.items():
        pair = " + ".join(f"{x:,.0f}" for x in f["two_at_once_chars_per_s"])
        lines.append(f"  {kind:<13} alone {f['alone_chars_per_s']:>9,.0f};  two at once {pair}"
                     f"  (together {f['speed_up']:.2f}x one)")
    return "\n".join(lines)


def entities(copies: int) -> dict[str, Any]:
    """The entities component's parts, per character, in both pipelines (no part reads words
    since the grammar replaced the token Matcher rules, so both should cost the same); and its
    anchored regexes (tried around their anchor's hits) against the same regexes scanning every
    character, with a check that both find the same matches."""
    import dataclasses

    from lawgov_ie import load
    from lawgov_ie.steps.entities.reader import EntityRules

    texts = seed_texts() * copies
    chars = chars_of(texts)
    result: dict[str, Any] = {"chars": chars}
    clock = time.process_time
    for segmenter in ("char", "pkuseg"):
        nlp = load(segmenter=segmenter)
        component: Any = nlp.get_pipe("lawgov_entities")
        rules: EntityRules = component.rules
        docs = [nlp.make_doc(text) for text in texts]
        parts: dict[str, float] = {}
        for _ in range(3):  # best of three rounds: a busy machine does not decide it
            round_parts: dict[str, float] = {}
            for name, run in (("whole component", component),
                              ("phrases and regexes", lambda doc, r=rules: [
                                  list(rule.spans(doc.text)) for rule in r.regexes]),
                              ("ORG grammar", lambda doc, r=rules: r.orgs.find(doc.text)),
                              ("PERSON grammar", lambda doc, r=rules: r.persons.find(doc.text))):
                start = clock()
                for doc in docs:
                    run(doc)
                round_parts[name] = clock() - start
            for name, seconds in round_parts.items():
                parts[name] = min(parts.get(name, seconds), seconds)
        result[segmenter] = {name: seconds / chars * 1e6 for name, seconds in parts.items()}
    ruler: Any = load(segmenter="char").get_pipe("lawgov_entities")
    anchored = [r for r in ruler.rules.regexes if r.anchor is not None]
    clock = time.perf_counter
    full = windowed = 0.0
    same = True
    for rule in anchored:
        everywhere = dataclasses.replace(rule, anchor=None)
        for text in texts:
            start = clock()
            expected = [m.span() for m in everywhere.finditer(text)]
            full += clock() - start
            start = clock()
            got = [m.span() for m in rule.finditer(text)]
            windowed += clock() - start
            same = same and got == expected
    result["anchored"] = {"rules": len(anchored), "same_matches": same,
                          "full_scan_us_per_char": full / chars * 1e6,
                          "windowed_us_per_char": windowed / chars * 1e6}
    return result


def many(copies: int, rounds: int) -> dict[str, Any]:
    """extract_many(n_process=2) against what it did before: spaCy's multi-process nlp.pipe fed
    with Docs made in the parent (finished Docs shipped back as bytes); n_process=1 for scale.
    Alternating, best of ``rounds``, wall clock with worker start-up."""
    from lawgov_ie import extract_many, load

    texts = seed_texts() * copies
    chars = chars_of(texts)
    result: dict[str, Any] = {"chars": chars}
    for segmenter in ("char", "pkuseg"):
        nlp = load(segmenter=segmenter)

        def one(segmenter: str = segmenter) -> object:
            return list(extract_many(texts, segmenter=segmenter))  # type: ignore[arg-type]

        def before(nlp: Any = nlp) -> object:
            docs = (nlp.make_doc(text) for text in texts)
            return [doc._.report for doc in nlp.pipe(docs, n_process=2, batch_size=16)]

        def now(segmenter: str = segmenter) -> object:
            return list(extract_many(texts, segmenter=segmenter, n_process=2))  # type: ignore[arg-type]

        variants: dict[str, Callable[[], object]] = {
            "n_process=1": one,
            "n_process=2, before (nlp.pipe of parent-made Docs)": before,
            "n_process=2, now (workers read whole texts)": now,
        }
        best = {name: float("inf") for name in variants}
        for _ in range(rounds):
            for name, work in variants.items():
                start = time.perf_counter()
                work()
                best[name] = min(best[name], time.perf_counter() - start)
        result[segmenter] = {name: {"seconds": seconds, "chars_per_s": chars / seconds}
                             for name, seconds in best.items()}
    return result


_EXTRACT_WORKLOAD = """
import json, sys, time
from pathlib import Path
import lawgov_ie

segmenter, copies = sys.argv[1], int(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[3]).glob("*.txt"))] * copies
for text in texts[:5]:
    lawgov_ie.extract(text, segmenter=segmenter)
start = time.perf_counter()
for text in texts:
    lawgov_ie.extract(text, segmenter=segmenter)
seconds = time.perf_counter() - start
print(json.dumps({"where": lawgov_ie.__file__, "chars_per_s": sum(map(len, texts)) / seconds}))
"""


def versus(commit: str, copies: int, rounds: int) -> dict[str, Any]:
    """The full pipeline (extract(), one core) at ``commit`` and in this tree, alternating
    fresh interpreters, best of ``rounds``: the before/after of everything in between."""
    from run import RAW

    here = Path(__file__).resolve().parent.parent
    result: dict[str, Any] = {"commit": commit}
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch) / "old"
        subprocess.run(["git", "-C", str(here), "worktree", "add", "--detach", "-q", str(old),
                        commit], check=True)
        try:
            for segmenter in ("char", "pkuseg"):
                best = {"before": 0.0, "now": 0.0}
                for _ in range(rounds):
                    for name, tree in (("before", old), ("now", here)):
                        done = subprocess.run(
                            [sys.executable, "-c", _EXTRACT_WORKLOAD, segmenter, str(copies),
                             str(RAW)], capture_output=True, text=True, check=True,
                            cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)})
                        found = json.loads(done.stdout.strip().splitlines()[-1])
                        assert found["where"].startswith(str(tree)), found["where"]
                        best[name] = max(best[name], found["chars_per_s"])
                result[segmenter] = best
        finally:
            subprocess.run(["git", "-C", str(here), "worktree", "remove", "--force", str(old)],
                           check=False)
    return result


def render_versus(r: dict[str, Any]) -> str:
    lines = [f"extract(), one core, best of the rounds: commit {r['commit']} vs this tree"]
    for segmenter in ("char", "pkuseg"):
        f = r[segmenter]
        lines.append(f"  {segmenter:<7} before {f['before']:>10,.0f} chars/s, now"
                     f" {f['now']:>10,.0f} chars/s ({f['now'] / f['before']:.2f}x)")
    return "\n".join(lines)


def render_many(r: dict[str, Any]) -> str:
    lines = [f"extract_many, wall clock, best of the rounds ({r['chars']:,} chars)"]
    for segmenter in ("char", "pkuseg"):
        for name, f in r[segmenter].items():
            lines.append(f"  {segmenter:<7} {name:<52} {f['chars_per_s']:>10,.0f} chars/s"
                         f"  ({f['seconds']:.2f} s)")
    return "\n".join(lines)


def render_entities(r: dict[str, Any]) -> str:
    lines = [f"lawgov_entities, microseconds per character ({r['chars']:,} chars)"]
    for segmenter in ("char", "pkuseg"):
        lines.append(f"  {segmenter}: " + ", ".join(f"{name} {us:.2f}"
                                                    for name, us in r[segmenter].items()))
    a = r["anchored"]
    lines.append(f"  the {a['rules']} anchored regexes: tried at every character"
                 f" {a['full_scan_us_per_char']:.2f} us/char, around their anchors"
                 f" {a['windowed_us_per_char']:.2f} us/char, same matches: {a['same_matches']}")
    return "\n".join(lines)


def render_tokenizer(r: dict[str, Any]) -> str:
    lines = [f"tokenizer: spaCy's ChineseTokenizer (stock) vs LawgovTokenizer (ours),"
             f" {r['chars']:,} chars, best of {r['rounds']} alternating rounds"]
    for segmenter in ("char", "pkuseg"):
        for name in ("stock", "ours"):
            f = r[segmenter][name]
            lines.append(f"  {segmenter:<7}{name:<6} tokenizer {f['tokenizer_chars_per_s']:>12,.0f}"
                         f" chars/s  components {f['components_s']:7.3f} s"
                         f"  pipeline {f['pipeline_chars_per_s']:>10,.0f} chars/s")
    long = r["long_text_char_tokenizer"]
    lines.append(f"  one text of {long['chars']:,} chars, char tokenizer: stock"
                 f" {long['stock_s']:.2f} s, ours {long['ours_s']:.2f} s")
    return "\n".join(lines)


def render_features(r: dict[str, Any]) -> str:
    lines = ["pkuseg features, FeatureExtractor.load in a fresh interpreter"]
    for name, f in r.items():
        lines.append(f"  {name:<8}{f['bytes'] / 2**20:6.0f} MiB  min {f['min_s']:.2f} s"
                     f"  median {f['median_s']:.2f} s  ({len(f['runs'])} runs)")
    return "\n".join(lines)


def cold(copies: int, rounds: int) -> dict[str, Any]:
    """The char components' CPU per character on each document as ``extract()`` reads it,
    alone ("warm") and right after pkuseg segmented that text ("cold": what ``nlp(text)`` with
    words costs them, views aside), and each component reading a whole batch in a row after
    the batch was segmented (``nlp.pipe``'s order, lawgov_ie/stages.py); alternating, best of
    ``rounds``."""
    from lawgov_ie import load

    docs = [text for _ in range(copies) for text in seed_texts()]
    words, chars = load(segmenter="pkuseg"), load(segmenter="char")
    words("热身")
    clock = time.process_time
    best = dict.fromkeys(("warm", "cold", "batch"), float("inf"))
    for _ in range(rounds):
        for mode in best:
            spent = 0.0
            made = [words.make_doc(text) for text in docs] if mode == "batch" else []
            reading = [chars.tokenizer.reading_doc(text) for text in docs] if made else []
            for _name, proc in chars.pipeline if made else ():
                start = clock()
                reading = [proc(doc) for doc in reading]
                spent += clock() - start
            for text in docs if not made else ():
                if mode == "cold":
                    words.make_doc(text)
                doc = chars.tokenizer.reading_doc(text)
                start = clock()
                for _, proc in chars.pipeline:
                    doc = proc(doc)
                spent += clock() - start
            best[mode] = min(best[mode], spent)
    per_char = 1e6 / chars_of(docs)
    return {"chars": chars_of(docs), **{f"{mode}_us_per_char": seconds * per_char
                                        for mode, seconds in best.items()}}


def render_cold(r: dict[str, Any]) -> str:
    return (f"char components, µs of CPU per character ({r['chars']:,} chars): alone"
            f" {r['warm_us_per_char']:.2f}; each document right after pkuseg segmented it"
            f" {r['cold_us_per_char']:.2f}; a batch segmented, then each component over it"
            f" {r['batch_us_per_char']:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("tokenizer", "features", "share", "scaling", "entities",
                                         "many", "versus", "cold"))
    parser.add_argument("--commit", default="HEAD~1", help="versus: the commit before")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size-mb", type=float, default=0.5)
    parser.add_argument("--big-mb", type=float, default=1.0)
    parser.add_argument("--copies", type=int, default=16,
                        help="scaling, entities, many: copies of the seed reports")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.what == "tokenizer":
        result = tokenizer(args.size_mb, args.rounds, args.big_mb)
        text = render_tokenizer(result)
    elif args.what == "entities":
        result = entities(args.copies)
        text = render_entities(result)
    elif args.what == "versus":
        result = versus(args.commit, args.copies, args.rounds)
        text = render_versus(result)
    elif args.what == "many":
        result = many(args.copies, args.rounds)
        text = render_many(result)
    elif args.what == "scaling":
        result = scaling(args.copies)
        text = render_scaling(result)
    elif args.what == "cold":
        result = cold(args.copies, args.rounds)
        text = render_cold(result)
    elif args.what == "share":
        result = share(args.rounds)
        text = render_share(result)
    else:
        result = features(args.rounds)
        text = render_features(result)
    print(json.dumps(result, indent=2) if args.json else text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
