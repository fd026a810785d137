"""``lawgov-ie show FILE... [-o page.html] [--report N] [--join-continued]``: one report as an
HTML page a person can read.

The files are read as ``extract`` reads them (:mod:`lawgov_ie.io.corpus`): one file is one
report, a file holding several reports is split (and stderr says so; ``--report N`` picks the
one shown), and files are joined only with ``--join-continued``. The page
(:mod:`lawgov_ie.io.page`) shows the document facts, the sections, the text with displaCy-style
highlights of records and entities, and a table of the records. It is written like
``extract``'s output (:func:`lawgov_ie.io.writers.atomic_text_file`): atomically, with the
usual file mode (0644 under the common umask 022).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lawgov_ie.api import extract
from lawgov_ie.cli.options import add_reading_options
from lawgov_ie.errors import InputError
from lawgov_ie.io.corpus import documents
from lawgov_ie.io.page import render_page
from lawgov_ie.io.writers import atomic_text_file


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 or more, not {text!r}")
    return int(text)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show", help="render one report as an HTML page with its records and entities marked",
        description="Read a report file (UTF-8, UTF-8 with BOM, GB18030/GBK or UTF-16), "
                    "extract it and write an HTML page: the document facts, the text with "
                    "records and entities highlighted, and a table of the records.")
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="a report text file (several only with --join-continued)")
    parser.add_argument("-o", "--output", default="-", metavar="PAGE",
                        help="the HTML file to write; '-' for standard output (default)")
    parser.add_argument("--report", type=_positive, default=1, metavar="N",
                        help="when the files hold several reports, show the N-th (default 1)")
    parser.add_argument("--join-continued", action="store_true",
                        help="join a file whose report stops without its signature block with "
                             "the next file when that one opens no report of its own")
    add_reading_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def split(path: str, count: int) -> None:
        print(f"lawgov-ie show: {path}: holds {count} reports", file=sys.stderr)

    found = list(documents(args.files, join_continued=args.join_continued, on_split=split))
    if args.report > len(found):
        raise InputError(f"{' '.join(args.files)}: holds {len(found)} report"
                         f"{'' if len(found) == 1 else 's'}, there is no report {args.report}")
    if len(found) > 1:
        print(f"lawgov-ie show: {len(found)} reports; showing report {args.report} "
              f"({found[args.report - 1].source}; --report N shows another)", file=sys.stderr)
    document = found[args.report - 1]
    report = extract(document.text, source=document.source, patterns=args.patterns,
                     segmenter=args.segmenter)
    page = render_page(document.text, report)
    if args.output == "-":
        sys.stdout.write(page)
    else:
        with atomic_text_file(args.output) as out:
            out.write(page)
        print(f"lawgov-ie show: {len(report.records)} records, {len(report.entities)} entities "
              f"→ {args.output}", file=sys.stderr)
    return 0
