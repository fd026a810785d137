"""``lawgov-ie panel INPUT... -o FILE [--view long|wide|change]``: the panel of a corpus.

INPUTs are report text files, folders or globs (extracted here), earlier ``extract`` JSON
Lines files, or folders of Parquet tables written by :mod:`lawgov_ie.distributed`
(:mod:`lawgov_ie.dataset.inputs`). FILE is CSV, Parquet or Excel by its suffix. What cannot
be read is named on stderr; everything else is in the panel and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lawgov_ie.cli.options import add_reading_options
from lawgov_ie.dataset.inputs import read_inputs


def add_inputs(parser: argparse.ArgumentParser) -> None:
    """The INPUT arguments and reading options ``panel`` and ``summary`` share."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="report files, folders or globs; extract JSONL files; folders of "
                             "Parquet tables (documents/, records/)")
    add_reading_options(parser, "for text inputs: extra pattern files or folders")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "panel", help="one headline figure per report and indicator, as CSV, Parquet or Excel",
        description="Build the panel of a corpus (docs/panel.md): for each report and "
                    "indicator the headline figure, with its unit, record id and an ambiguity "
                    "flag, and the place and year of the report.")
    add_inputs(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="FILE.csv, FILE.parquet or FILE.xlsx")
    parser.add_argument("--view", choices=["long", "wide", "change"], default="long",
                        help="long: a row per report and indicator (default); wide: a row per "
                             "report, a column per indicator; change: year-over-year changes")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_ie.dataset import panel as panels

    failed: list[str] = []

    def on_error(message: str) -> None:
        failed.append(message)
        print(f"lawgov-ie: {message}", file=sys.stderr, flush=True)

    panels.check_target(args.output)
    loaded = [(item.id, item.report) for item in
              read_inputs(args.inputs, on_error, segmenter=args.segmenter,
                          patterns=args.patterns)]
    frame = panels.panel(loaded, wide=args.view == "wide", change=args.view == "change")
    panels.write_frame(frame, args.output)
    print(f"lawgov-ie panel: {len(loaded)} reports, {len(frame)} rows ({args.view}), "
          f"{len(failed)} failed → {args.output}", file=sys.stderr)
    return 1 if failed else 0
