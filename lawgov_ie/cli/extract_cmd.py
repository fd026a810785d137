"""``lawgov-ie extract PATH... [-o OUT] [--format FORMAT] [--jobs N] [--resume]``.

Reads files, folders (recursively) and globs in any of the encodings :mod:`lawgov_ie.io.textio`
knows (regular files only: a FIFO, socket or device is named and skipped), splits and joins them
into one document per report (:mod:`lawgov_ie.io.corpus`), reads them with the batch driver
(:mod:`lawgov_ie.batch`, ``--jobs N`` worker processes) and streams the reports to the output as
they finish (:mod:`lawgov_ie.io.writers`). A file or document that fails is named on stderr with
the reason, everything else still comes out, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from lawgov_ie.api import DEFAULT_MAX_CHARS, PARALLEL_FROM, REPORTS, item_size, make_reader
from lawgov_ie.batch import Failed, read_all
from lawgov_ie.cli.options import add_reading_options
from lawgov_ie.cli.progress import Progress
from lawgov_ie.errors import InputError, LawgovError
from lawgov_ie.io.corpus import CorpusDocument, CorpusFile, documents, find_files
from lawgov_ie.io.writers import (
    FORMATS,
    OutputError,
    descriptor_of,
    is_special,
    open_output,
    saved_reports,
    stale_parts,
)
from lawgov_ie.models import Report
from lawgov_ie.pipeline import load
from lawgov_ie.rules.files import normalise_paths


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
                        help="output file, streamed into a temporary file and renamed at the "
                             "end; '-' for standard output (default); a FIFO or device is "
                             "written directly")
    parser.add_argument("--format", choices=list(FORMATS), default="jsonl",
                        help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()))
    parser.add_argument("--jobs", type=_positive, default=1, metavar="N",
                        help="worker processes reading documents; default 1")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS|local:N",
                        help="read on a Dask cluster: a running scheduler's address, or local:N "
                             "for N worker processes started for this run (docs/scale.md)")
    parser.add_argument("--resume", action="store_true",
                        help="keep the reports a killed earlier run left for OUT (jsonl) and "
                             "read only the other documents")
    add_reading_options(parser)
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

    def say(self, message: str) -> None:
        line = f"lawgov-ie: {message}"
        if self.echo is not None:
            self.echo(line)
        else:
            print(line, file=sys.stderr, flush=True)

    def fail(self, message: str) -> None:
        self.failed.append(message)
        self.say(message)

    def summary(self) -> str:
        return (f"{self.documents} document{'' if self.documents == 1 else 's'}, "
                f"{self.records} record{'' if self.records == 1 else 's'}, "
                f"{len(self.failed)} failed")


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM ends the run like Ctrl-C: KeyboardInterrupt unwinds, the batch driver stops its
    workers and the temporary output is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a worker forked before it set its own handler: just stop
            os._exit(128 + signum)
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


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def _check_output(output: str, given: list[str], files: list[CorpusFile],
                  tally: Tally) -> list[CorpusFile]:
    """Refuse an output that is one of the named inputs (it would be destroyed); leave out an
    earlier output lying in an input folder (it is not a report)."""
    if descriptor_of(output) is not None or is_special(Path(output)):
        return files
    target = Path(output)
    for raw in given:
        if Path(raw).is_file() and _same(Path(raw), target):
            raise LawgovError(f"the output {output} is the input {raw}; writing it would "
                              "destroy the input — choose another output file")
    kept = []
    for file in files:
        if _same(file.path, target):
            tally.say(f"{file.path}: skipped, it is the output")
            continue
        kept.append(file)
    return kept


def _resumed(output: str, fmt: str, resume: bool, tally: Tally) -> dict[str, Report]:
    """Stale temporary files of ``output`` left by a killed run: removed, or with ``--resume``
    their finished reports kept (by source)."""
    if descriptor_of(output) is not None or is_special(Path(output)):
        return {}
    kept: dict[str, Report] = {}
    for part in stale_parts(Path(output)):
        if resume and FORMATS[fmt].resumable:
            reports = saved_reports(part)
            kept.update((r.meta.source or "", r) for r in reports)
            tally.say(f"resuming: {len(reports)} finished report(s) kept from {part}")
        else:
            hint = " (--resume keeps its reports)" if FORMATS[fmt].resumable else ""
            tally.say(f"removed {part}, left by an earlier run that was killed{hint}")
        with contextlib.suppress(OSError):
            part.unlink()
    if resume and not FORMATS[fmt].resumable:
        raise LawgovError(f"--resume works with --format jsonl, not {fmt}")
    return kept


def _on_cluster(docs: Iterator[CorpusDocument], args: argparse.Namespace,
                ) -> Iterator[tuple[CorpusDocument, Report | Failed]]:
    """The documents read on a Dask cluster (``--scheduler``), failures named like the others."""
    from lawgov_ie.distributed import read_documents

    for document, result in read_documents(docs, args.scheduler, segmenter=args.segmenter,
                                           patterns=args.patterns):
        yield document, Failed(result) if isinstance(result, str) else result


def run(args: argparse.Namespace) -> int:
    if args.scheduler and args.jobs > 1:
        raise InputError("--jobs and --scheduler: choose one (a cluster's workers are its jobs)")
    if args.scheduler and args.resume:
        raise InputError("--resume and --scheduler: choose one")
    tally = Tally()
    nlp_settings = {"segmenter": args.segmenter, "patterns": args.patterns}
    load(**nlp_settings)  # here, before any worker: a broken pattern file is named once
    files = find_files(args.paths, on_error=lambda error: tally.fail(str(error)))
    files = _check_output(args.output, args.paths, files, tally)
    saved = _resumed(args.output, args.format, args.resume, tally)
    # a bar on a terminal, unless the output itself goes to that terminal
    show = (not args.no_progress and sys.stderr.isatty()
            and not (descriptor_of(args.output) == 1 and sys.stdout.isatty()))
    reader = functools.partial(make_reader, args.segmenter, normalise_paths(args.patterns),
                               DEFAULT_MAX_CHARS)
    try:
        with _interruptible(), Progress(total=len(files), enabled=show, unit="file") as progress, \
                open_output(args.output, args.format) as writer:
            tally.echo = progress.write

            def unreadable(error: InputError) -> None:
                tally.fail(str(error))
                progress.update(1)

            def split(path: str, count: int) -> None:
                progress.write(f"lawgov-ie: {path}: holds {count} reports, read as {count} "
                               "documents")

            def read_documents() -> Iterator[CorpusDocument]:
                return documents(files, on_error=unreadable, join_continued=args.join_continued,
                                 on_split=split)

            def write(document: CorpusDocument, report: Report) -> None:
                writer.write(document.id, report)
                tally.documents += 1
                tally.records += len(report.records)
                progress.update(len(document.closes))

            # every document in reading order, with its report when a killed run left it
            todo: deque[tuple[CorpusDocument, Report | None]] = deque()

            def items() -> Iterator[tuple[str, int | None, str | None]]:
                for document in read_documents():
                    report = saved.pop(document.source, None)
                    todo.append((document, report))
                    if report is None:
                        yield document.text, None, document.source

            def write_saved() -> None:
                while todo and todo[0][1] is not None:
                    document, report = todo.popleft()
                    write(document, report)  # type: ignore[arg-type]

            def done(document: CorpusDocument, result: Report | Failed) -> None:
                if isinstance(result, Failed):
                    tally.fail(f"{document.source}: {result.reason}")
                    progress.update(len(document.closes))
                else:
                    write(document, result)

            if args.scheduler:
                for document, result in _on_cluster(read_documents(), args):
                    done(document, result)
            else:
                with contextlib.closing(read_all(
                        items(), reader, args.jobs, transport=REPORTS, size=item_size,
                        alone_below=PARALLEL_FROM[args.segmenter])) as results:
                    for result in results:
                        write_saved()
                        done(todo.popleft()[0], result)
                write_saved()
    except OutputError as error:
        _quiet_stdout(args.output)
        print(f"lawgov-ie: error: {error}", file=sys.stderr)
        return 1
    print(f"lawgov-ie: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0


def _quiet_stdout(output: str) -> None:
    """After standard output failed, let the interpreter's last flush go to /dev/null (not a
    second error at exit)."""
    if descriptor_of(output) == 1:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
