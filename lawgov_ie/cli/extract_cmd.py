"""``lawgov-ie extract PATH... [-o OUT] [--format jsonl|csv|table] [--jobs N]``.

Reads files, folders (recursively) and globs in any of the encodings :mod:`lawgov_ie.io.textio`
knows, splits and joins them into one document per report (:mod:`lawgov_ie.io.corpus`), runs the
pipeline over them with spaCy's ``nlp.pipe`` (``--jobs N`` processes) and writes the reports
(:mod:`lawgov_ie.io.writers`). A file or document that fails is named on stderr with the reason,
everything else still comes out, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from lawgov_ie.api import DEFAULT_MAX_CHARS, extract
from lawgov_ie.cli.pipe_runner import abandon_running_pipes, process
from lawgov_ie.cli.progress import Progress
from lawgov_ie.errors import InputError
from lawgov_ie.io.corpus import CorpusDocument, documents, find_files
from lawgov_ie.io.writers import open_output
from lawgov_ie.models import Report
from lawgov_ie.pipeline import load


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract records from report files or folders",
        description="Read report files (any of UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16), one "
                    "document per report, and write their records.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, folders (read recursively) or globs such as 'raw/*.txt'")
    parser.add_argument("-o", "--output", default="-", metavar="OUT",
                        help="output file, written atomically; '-' for standard output (default)")
    parser.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl",
                        help="jsonl: one report a line (default); csv: one row a record; "
                             "table: an aligned table per document, for reading")
    parser.add_argument("--jobs", type=_positive, default=1, metavar="N",
                        help="worker processes (spaCy's multi-process pipe); default 1")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS|local:N",
                        help="read on a Dask cluster: a running scheduler's address, or local:N "
                             "for N worker processes started for this run (docs/scale.md)")
    parser.add_argument("--segmenter", choices=["pkuseg", "char"], default="char",
                        help="char (default): the fast reading, no word segmentation; pkuseg: "
                             "segment words first (same records, slower)")
    parser.add_argument("--patterns", action="append", default=None, metavar="DIR",
                        help="extra pattern files or folders merged over the bundled ones "
                             "(may be given more than once)")
    parser.add_argument("--join-continued", action="store_true",
                        help="join a file whose report stops without its signature block with "
                             "the next file when that one opens no report of its own (default: "
                             "one file is one report; docs/cli.md)")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar, even on a terminal")
    parser.set_defaults(run=run)


@dataclass
class Tally:
    """What the run did, for the closing summary."""

    documents: int = 0
    records: int = 0
    failed: list[str] = field(default_factory=list)
    echo: Callable[[str], None] | None = None  # prints a line on stderr (beside the bar)

    def fail(self, message: str) -> None:
        self.failed.append(message)
        line = f"lawgov-ie: {message}"
        if self.echo is not None:
            self.echo(line)
        else:
            print(line, file=sys.stderr, flush=True)

    def summary(self) -> str:
        return (f"{self.documents} document{'' if self.documents == 1 else 's'}, "
                f"{self.records} record{'' if self.records == 1 else 's'}, "
                f"{len(self.failed)} failed")


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM and SIGINT end the run like Ctrl-C: the worker processes of the running pipe
    are stopped, then KeyboardInterrupt unwinds, so the temporary output is removed. Without
    this, spaCy's pipe would wait for workers blocked on a full pipe."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a forked worker inherited this handler: just stop
            os._exit(128 + signum)
        abandon_running_pipes()
        raise KeyboardInterrupt

    saved = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    signal.signal(signal.SIGTERM, stop)
    if saved[signal.SIGINT] is signal.default_int_handler:  # leave an ignored SIGINT ignored
        signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def _on_cluster(docs: Iterator[CorpusDocument], args: argparse.Namespace,
                unprocessed: Callable[[CorpusDocument, str], None],
                ) -> Iterator[tuple[CorpusDocument, Report]]:
    """The documents read on a Dask cluster (``--scheduler``), failures named like today's."""
    from lawgov_ie.distributed import read_documents

    for document, result in read_documents(docs, args.scheduler, segmenter=args.segmenter,
                                           patterns=args.patterns):
        if isinstance(result, str):
            unprocessed(document, result)
        else:
            yield document, result


def run(args: argparse.Namespace) -> int:
    if args.scheduler and args.jobs > 1:
        raise InputError("--jobs and --scheduler: choose one (a cluster's workers are its jobs)")
    tally = Tally()

    def unreadable(error: InputError) -> None:
        tally.fail(str(error))
        progress.update(1)

    def split(path: str, count: int) -> None:
        progress.write(f"lawgov-ie: {path}: holds {count} reports, read as {count} documents")

    def unprocessed(document: CorpusDocument, reason: str) -> None:
        tally.fail(f"{document.source}: {reason}")
        progress.update(len(document.closes))

    def read_here(document: CorpusDocument) -> Report:
        return extract(document.text, source=document.source, patterns=args.patterns,
                       segmenter=args.segmenter)

    nlp = load(segmenter=args.segmenter, patterns=args.patterns)
    files = find_files(args.paths, on_error=lambda error: tally.fail(str(error)))
    if args.output != "-":  # a previous output inside an input folder is not a report
        target = Path(args.output).resolve()
        files = [file for file in files if file.path.resolve() != target]
    # a bar on a terminal, unless the output itself goes to that terminal
    show = (not args.no_progress and sys.stderr.isatty()
            and not (args.output == "-" and sys.stdout.isatty()))
    with _interruptible(), Progress(total=len(files), enabled=show, unit="file") as progress, \
            open_output(args.output, args.format) as writer:
        tally.echo = progress.write
        docs = documents(files, on_error=unreadable, join_continued=args.join_continued,
                         on_split=split)
        pairs = (_on_cluster(docs, args, unprocessed) if args.scheduler else
                 process(nlp, docs, args.jobs, read_here, unprocessed,
                         max_chars=DEFAULT_MAX_CHARS))
        for document, report in pairs:
            writer.write(document.id, report)
            tally.documents += 1
            tally.records += len(report.records)
            progress.update(len(document.closes))
    print(f"lawgov-ie: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0

