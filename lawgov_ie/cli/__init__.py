"""The ``lawgov-ie`` command line. Each subcommand lives in its own ``*_cmd`` module here with
``add_parser(subparsers)`` and ``run(args) -> int``; they are found automatically."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from lawgov_ie.errors import LawgovError
from lawgov_ie.version import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawgov-ie",
        description="Typed, checkable data from Chinese rule-of-law government reports.")
    parser.add_argument("--version", action="version", version=f"lawgov-ie {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.endswith("_cmd"):
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except LawgovError as error:
        print(f"lawgov-ie: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lawgov-ie: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code
