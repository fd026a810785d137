"""``lawgov-ie summary INPUT... -o corpus.html``: one page about a corpus.

The page (:mod:`lawgov_ie.io.summary_page`) counts the reports by level, year and place, shows
per indicator how many reports state it and how their headline figures are spread, lists every
failed consistency check linked to the report's ``show`` page, and the reports whose place or
year could not be read. For text inputs the ``show`` pages are written too, into a folder beside
the page (``--pages``); for JSONL or Parquet inputs the links name the page ``lawgov-ie show``
would write there (``lawgov-ie show FILE -o PAGES/NAME.html``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lawgov_ie.cli.panel_cmd import add_inputs
from lawgov_ie.dataset.inputs import read_inputs
from lawgov_ie.errors import LawgovError
from lawgov_ie.io.page import render_page
from lawgov_ie.io.summary_page import PageReport, page_name, render_summary
from lawgov_ie.io.writers import atomic_text_file


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "summary", help="one HTML page about a corpus: counts, indicators, failed checks",
        description="Write one self-contained HTML page about a corpus of reports: reports by "
                    "level, year and place; per indicator the reports that state it and the "
                    "spread of their headline figures; failed consistency checks linked to "
                    "each report's show page; reports whose place or year was not read.")
    add_inputs(parser)
    parser.add_argument("-o", "--output", required=True, metavar="PAGE",
                        help="the HTML file to write")
    parser.add_argument("--pages", default=None, metavar="DIR",
                        help="folder of the reports' show pages, relative to the page "
                             "(default: PAGE's name without suffix, plus '-reports')")
    parser.add_argument("--no-pages", action="store_true",
                        help="do not write show pages for text inputs (links still point there)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.output)
    if not target.parent.is_dir():
        raise LawgovError(f"cannot write {target}: folder {target.parent} does not exist")
    pages = args.pages or f"{target.stem}-reports"
    failed: list[str] = []

    def on_error(message: str) -> None:
        failed.append(message)
        print(f"lawgov-ie: {message}", file=sys.stderr, flush=True)

    items: list[PageReport] = []
    names: set[str] = set()
    written = 0
    for loaded in read_inputs(args.inputs, on_error, segmenter=args.segmenter,
                              patterns=args.patterns):
        name, copy = page_name(loaded.id), 1
        while name in names:
            copy += 1
            name = f"{page_name(loaded.id)[:-5]}~{copy}.html"
        names.add(name)
        link = f"{pages}/{name}"
        if loaded.text is not None and not args.no_pages:
            folder = target.parent / pages
            folder.mkdir(parents=True, exist_ok=True)
            with atomic_text_file(folder / name) as stream:
                stream.write(render_page(loaded.text, loaded.report))
            written += 1
        items.append(PageReport(loaded.id, loaded.report, link))
    with atomic_text_file(target) as stream:
        stream.write(render_summary(items))
    print(f"lawgov-ie summary: {len(items)} reports, {written} show pages, {len(failed)} failed"
          f" → {target}", file=sys.stderr)
    return 1 if failed else 0
