"""``lawgov-ie show FILE [-o page.html]``: one report as an HTML page a person can read.

The page (:mod:`lawgov_ie.io.page`) shows the document facts, the sections, the text with
displaCy-style highlights of records and entities, and a table of the records.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from lawgov_ie.api import extract
from lawgov_ie.errors import InputError
from lawgov_ie.io.page import render_page
from lawgov_ie.io.textio import read_text


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show", help="render one report as an HTML page with its records and entities marked",
        description="Read one report file (UTF-8, UTF-8 with BOM, GB18030/GBK or UTF-16), "
                    "extract it and write an HTML page: the document facts, the text with "
                    "records and entities highlighted, and a table of the records.")
    parser.add_argument("file", metavar="FILE", help="a report text file")
    parser.add_argument("-o", "--output", default="-", metavar="PAGE",
                        help="the HTML file to write; '-' for standard output (default)")
    parser.add_argument("--segmenter", choices=["pkuseg", "char"], default="pkuseg",
                        help="pkuseg words (default) or one token a character (fast)")
    parser.add_argument("--patterns", action="append", default=None, metavar="DIR",
                        help="extra pattern files or folders merged over the bundled ones")
    parser.set_defaults(run=run)


def _write(path: str, page: str) -> None:
    """Write the page atomically: a half-written page never replaces a good one."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{path}: cannot write, folder {directory} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write ({error.strerror or error})") from None


def run(args: argparse.Namespace) -> int:
    text, _encoding = read_text(args.file)
    report = extract(text, source=str(args.file), patterns=args.patterns,
                     segmenter=args.segmenter)
    page = render_page(text, report)
    if args.output == "-":
        sys.stdout.write(page)
    else:
        _write(args.output, page)
        print(f"lawgov-ie show: {len(report.records)} records, {len(report.entities)} entities "
              f"→ {args.output}", file=sys.stderr)
    return 0
