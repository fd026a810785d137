"""Options several commands share: how texts are read (``--segmenter``) and which pattern files
are merged over the bundled ones (``--patterns``)."""

from __future__ import annotations

import argparse

PATTERNS_HELP = ("extra pattern files or folders merged over the bundled ones (may be given"
                 " more than once)")


def add_reading_options(parser: argparse.ArgumentParser,
                        patterns_help: str = PATTERNS_HELP) -> None:
    """Add ``--segmenter`` (char by default) and ``--patterns DIR`` (repeatable)."""
    parser.add_argument("--segmenter", choices=["pkuseg", "char"], default="char",
                        help="char (default): the fast reading, no word segmentation; pkuseg: "
                             "segment words first (same records, slower)")
    parser.add_argument("--patterns", action="append", default=None, metavar="DIR",
                        help=patterns_help)
