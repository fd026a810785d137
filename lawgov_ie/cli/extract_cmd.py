"""``lawgov-ie extract PATH... [-o OUT] [--format jsonl|csv|table] [--jobs N]``.

Reads files, folders (recursively) and globs in any of the encodings :mod:`lawgov_ie.textio`
knows, splits and joins them into one document per report (:mod:`lawgov_ie.corpus`), runs the
pipeline over them with spaCy's ``nlp.pipe`` (``--jobs N`` processes) and writes the reports
(:mod:`lawgov_ie.output`). A file or document that fails is named on stderr with the reason,
everything else still comes out, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from spacy.language import Language

from ..corpus import CorpusDocument, documents, find_files
from ..errors import InputError
from ..models import Report
from ..output import open_output
from ..pipeline import load
from .progress import Progress


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
    parser.add_argument("--segmenter", choices=["pkuseg", "char"], default="pkuseg",
                        help="pkuseg words (default) or one token a character (fast)")
    parser.add_argument("--patterns", action="append", default=None, metavar="DIR",
                        help="extra pattern files or folders merged over the bundled ones "
                             "(may be given more than once)")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar, even on a terminal")
    parser.set_defaults(run=run)


@dataclass
class Tally:
    """What the run did, for the closing summary."""

    documents: int = 0
    records: int = 0
    failed: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failed.append(message)
        print(f"lawgov-ie: {message}", file=sys.stderr, flush=True)

    def summary(self) -> str:
        return (f"{self.documents} document{'' if self.documents == 1 else 's'}, "
                f"{self.records} record{'' if self.records == 1 else 's'}, "
                f"{len(self.failed)} failed")


def _reason(error: BaseException) -> str:
    """One line for an exception: for a worker's traceback, its last line."""
    text = str(error)
    if "Traceback (most recent call last)" in text:
        lines = [line for line in text.strip().splitlines() if line.strip()]
        return lines[-1].strip() if lines else type(error).__name__
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class _ErrorRecorder:
    """spaCy error handler that notes a failed document instead of stopping the run.

    In a worker process it re-raises, so spaCy sends the traceback to the parent, which calls
    it again there (with no doc) and it is noted in order.
    """

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.errors: deque[tuple[int | None, str]] = deque()

    def __call__(self, proc_name: str | None, proc: Any, docs: Any, error: Exception) -> None:
        if os.getpid() != self.pid:
            raise error
        context = getattr(docs[0], "_context", None) if docs else None
        where = f"in {proc_name}: " if proc_name else ""
        self.errors.append((context if isinstance(context, int) else None,
                            where + _reason(error)))


@contextmanager
def _error_handler(nlp: Language, handler: Any) -> Iterator[None]:
    saved = nlp.default_error_handler
    components = [(proc, proc.get_error_handler()) for _, proc in nlp.pipeline
                  if hasattr(proc, "get_error_handler") and hasattr(proc, "set_error_handler")]
    nlp.set_error_handler(handler)
    try:
        yield
    finally:
        nlp.default_error_handler = saved
        for proc, previous in components:
            proc.set_error_handler(previous)


def process(nlp: Language, docs: Iterator[CorpusDocument], jobs: int,
            on_failed: Callable[[CorpusDocument, str], None],
            ) -> Iterator[tuple[CorpusDocument, Report]]:
    """(document, report) for each document that the pipeline gets through, in input order.

    Texts go to ``nlp.pipe`` as (text, index) tuples, so with ``jobs`` > 1 the words are
    segmented in the worker processes too; the document's source is put on its report after.
    A document that fails is passed to ``on_failed`` with the reason, and left out.
    """
    waiting: dict[int, CorpusDocument] = {}
    recorder = _ErrorRecorder()

    def inputs() -> Iterator[tuple[str, int]]:
        for index, document in enumerate(docs):
            if len(document.text) >= nlp.max_length:
                nlp.max_length = len(document.text) + 1  # no parser or NER: length is fine
            waiting[index] = document
            yield document.text, index

    def failed_before(index: int | None) -> None:
        for number in sorted(waiting):
            if index is not None and number >= index:
                break
            document = waiting.pop(number)
            reason = "could not be processed"
            for position, (context, message) in enumerate(recorder.errors):
                if context in (None, number):
                    reason = message
                    del recorder.errors[position]
                    break
            on_failed(document, reason)

    batch_size = 1 if jobs > 1 else 8  # one document a batch: a failure loses only itself
    with _error_handler(nlp, recorder):
        for doc, index in nlp.pipe(inputs(), as_tuples=True, n_process=jobs,
                                   batch_size=batch_size):
            failed_before(index)
            document = waiting.pop(index)
            report: Report = doc._.report
            report.meta.source = document.source
            yield document, report
        failed_before(None)


@contextmanager
def _interruptible() -> Iterator[threading.Event]:
    """SIGTERM and SIGINT end the run like Ctrl-C: the worker processes it started are
    stopped, then KeyboardInterrupt unwinds, so the temporary output is removed. Without this,
    spaCy's pipe would wait for workers blocked on a full pipe. The event tells that a signal
    came."""
    signalled = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield signalled
        return
    owner = os.getpid()
    before = {child.pid for child in multiprocessing.active_children()}

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a forked worker inherited this handler: just stop
            os._exit(128 + signum)
        signalled.set()
        for child in multiprocessing.active_children():
            if child.pid not in before:
                child.terminate()
        raise KeyboardInterrupt

    saved = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    signal.signal(signal.SIGTERM, stop)
    if saved[signal.SIGINT] is signal.default_int_handler:  # leave an ignored SIGINT ignored
        signal.signal(signal.SIGINT, stop)
    try:
        yield signalled
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def run(args: argparse.Namespace) -> int:
    tally = Tally()

    def unreadable(error: InputError) -> None:
        tally.fail(str(error))
        progress.update(1)

    def unprocessed(document: CorpusDocument, reason: str) -> None:
        tally.fail(f"{document.source}: {reason}")
        progress.update(len(document.closes))

    nlp = load(segmenter=args.segmenter, patterns=args.patterns)
    files = find_files(args.paths, on_error=lambda error: tally.fail(str(error)))
    show = not args.no_progress and sys.stderr.isatty()
    with _interruptible() as signalled:
        try:
            with Progress(total=len(files), enabled=show, unit="file") as progress, \
                    open_output(args.output, args.format) as writer:
                for document, report in process(nlp, documents(files, on_error=unreadable),
                                                args.jobs, unprocessed):
                    writer.write(document.id, report)
                    tally.documents += 1
                    tally.records += len(report.records)
                    progress.update(len(document.closes))
        except KeyboardInterrupt:
            if signalled.is_set() and args.jobs > 1:
                # The output is cleaned up. spaCy's queue threads may be stuck writing to the
                # stopped workers, and would hold the exit forever: leave now.
                print("lawgov-ie: interrupted", file=sys.stderr, flush=True)
                sys.stdout.flush()
                os._exit(130)
            raise
    print(f"lawgov-ie: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0

