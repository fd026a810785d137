"""``lawgov-ie extract PATH... [-o OUT] [--format jsonl|csv|table]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..api import extract
from ..corpus import documents
from ..errors import InputError


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("extract", help="extract records from report files or folders")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    parser.add_argument("-o", "--output", default="-", help="output file, '-' for stdout")
    parser.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    parser.add_argument("--segmenter", choices=["pkuseg", "char"], default="pkuseg")
    parser.add_argument("--patterns", action="append", default=None, metavar="DIR",
                        help="extra pattern files or folders merged over the bundled ones")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    failed = 0
    try:
        for document in documents(args.paths):
            report = extract(document.text, source=document.sources[0],
                             patterns=args.patterns, segmenter=args.segmenter)
            if args.format == "table":
                meta = report.meta
                out.write(f"\n== {document.id}  {meta.place or '?'} {meta.year or '?'}"
                          f"  ({len(report.records)} records)\n")
                for r in report.records:
                    out.write(f"  {r.text:>10}  {r.value:>10g} {r.unit:<3} {r.label[:24]:<24}"
                              f"  {r.indicator or '-'}\n")
            else:
                out.write(report.model_dump_json() + "\n")
    except InputError as error:
        print(f"lawgov-ie: {error}", file=sys.stderr)
        failed += 1
    return 1 if failed else 0
