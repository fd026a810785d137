"""Write reports out: the registry of output formats, and the output itself.

**Formats.** Each format is one module in :mod:`lawgov_ie.io.formats` that registers a writer
class with :func:`register` (``jsonl``, ``csv``, ``table``); the modules there are imported
when this one is, so a new format is a new module and nothing else (``lawgov-ie extract
--format`` lists what is registered).

**The output** (:func:`open_output`), by what the path names (docs/cli.md, docs/robustness.md):

- ``-``, ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` and ``/proc/self/fd/N``: that open
  descriptor, written directly;
- an existing path that is not a regular file (a FIFO, a device such as ``/dev/null``, a
  socket): opened and written directly, never replaced;
- a regular file (new or existing): each report is written, as it is finished, into a
  temporary file beside it, ``.NAME.PID.lawgov-part``, flushed after every report; at the end
  the temporary file is synced and renamed onto ``NAME``. A run that stops early (an error,
  Ctrl-C, SIGTERM) removes its temporary file and leaves ``NAME`` as it was. A run killed
  without warning (``kill -9``, a power cut) leaves the temporary file holding every report
  finished so far; the next run writing ``NAME`` finds it (its process is gone) and removes it,
  or, with ``--resume`` (JSONL only), keeps its reports and reads only the rest
  (:func:`stale_parts`, :func:`saved_reports`).

A write that fails (disk full, quota, a closed pipe's device) raises :class:`OutputError`, one
line naming the output and the reason; the old output stays as it was.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO, TypeVar

from lawgov_ie.errors import LawgovError
from lawgov_ie.models import Report

PART_SUFFIX = ".lawgov-part"
_PART_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)" + re.escape(PART_SUFFIX) + "$")
_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd)/(?P<fd>[0-9]+)$")
_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2}


class OutputError(LawgovError):
    """The output could not be written (disk full, no permission …); the old output is kept."""


class ReportWriter(Protocol):
    def write(self, doc_id: str, report: Report) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Format:
    """An output format: its name, a line of help, how a file of it is encoded, its writer."""

    name: str
    help: str
    writer: Callable[[TextIO], ReportWriter]
    encoding: str = "utf-8"  # of a file (standard output keeps its own)
    newline: str | None = None  # "" for csv: the writer ends its own lines
    resumable: bool = False  # a stale partial output of it can be read back (--resume)


FORMATS: dict[str, Format] = {}
W = TypeVar("W", bound=Callable[[TextIO], ReportWriter])


def register(name: str, help: str, *, encoding: str = "utf-8", newline: str | None = None,
             resumable: bool = False) -> Callable[[W], W]:
    """Class decorator: make ``name`` an output format written by this class."""

    def decorate(writer: W) -> W:
        if name in FORMATS:
            raise ValueError(f"output format {name!r} is registered twice")
        FORMATS[name] = Format(name, help, writer, encoding, newline, resumable)
        return writer

    return decorate


def _import_formats() -> None:
    from lawgov_ie.io import formats

    for module in sorted(pkgutil.iter_modules(formats.__path__), key=lambda m: m.name):
        importlib.import_module(f"{formats.__name__}.{module.name}")


def format_names() -> list[str]:
    return list(FORMATS)


def make_writer(fmt: str, stream: TextIO) -> ReportWriter:
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} ({', '.join(FORMATS)})")
    return FORMATS[fmt].writer(stream)


def format_value(value: float) -> str:
    """444.0 -> "444", 0.5 -> "0.5", exact (no rounding, no exponent for large money)."""
    if value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(value)


# ------------------------------------------------------------------------------- the output


def descriptor_of(output: str) -> int | None:
    """The open descriptor an output path names (``-`` is 1), or None for a path."""
    if output == "-":
        return 1
    if output in _STANDARD:
        return _STANDARD[output]
    match = _DESCRIPTOR.match(output)
    return int(match.group("fd")) if match else None


def is_special(path: Path) -> bool:
    """An existing path that is not a regular file (FIFO, device, socket): written directly."""
    try:
        return path.exists() and not path.is_file() and not path.is_dir()
    except OSError:
        return False


def part_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}{PART_SUFFIX}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def stale_parts(target: Path) -> list[Path]:
    """Temporary files a killed run left for ``target`` (their process is gone), oldest first."""
    found = []
    with contextlib.suppress(OSError):
        for path in target.parent.iterdir():
            match = _PART_NAME.match(path.name)
            if match and match.group("name") == target.name and path.is_file() \
                    and not _alive(int(match.group("pid"))):
                found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime)


def saved_reports(part: Path) -> list[Report]:
    """The complete reports a stale JSONL part holds (a line cut by the kill is left out)."""
    reports = []
    with contextlib.suppress(OSError), part.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.endswith("\n"):
                break
            try:
                reports.append(Report.model_validate_json(line))
            except ValueError:
                break
    return reports


class _Guarded:
    """A writer whose write errors become one :class:`OutputError` naming the output; every
    report is flushed as it is written, so a long run has output as it goes."""

    def __init__(self, writer: ReportWriter, stream: TextIO, name: str) -> None:
        self.writer, self.stream, self.name = writer, stream, name

    def write(self, doc_id: str, report: Report) -> None:
        try:
            self.writer.write(doc_id, report)
            self.stream.flush()
        except OSError as error:
            raise write_error(self.name, error) from None

    def close(self) -> None:
        try:
            self.writer.close()
            self.stream.flush()
        except OSError as error:
            raise write_error(self.name, error) from None


def write_error(name: str, error: OSError) -> OutputError:
    return OutputError(f"cannot write {name}: {error.strerror or error}; "
                       "the output was left as it was before this run")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _direct(name: str, open_it: Callable[[], TextIO]) -> Iterator[TextIO]:
    """A stream written directly (a descriptor, a FIFO, a device), closed at the end."""
    try:
        stream = open_it()
    except OSError as error:
        raise OutputError(f"cannot write {name}: {error.strerror or error}") from None
    try:
        yield stream
    finally:
        with contextlib.suppress(OSError):
            stream.close()


@contextlib.contextmanager
def atomic_text_file(path: str | os.PathLike[str], *, encoding: str = "utf-8",
                     newline: str | None = None) -> Iterator[TextIO]:
    """A text file written into ``.NAME.PID.lawgov-part`` beside ``path`` and renamed onto
    ``path`` only when the ``with`` block ends without an exception (or interruption)."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise LawgovError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise LawgovError(f"cannot write {target}: it is a folder")
    temporary = part_path(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise LawgovError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            try:
                stream.flush()
                os.fsync(stream.fileno())
                os.chmod(temporary, 0o666 & ~_umask())
            except OSError as error:
                raise write_error(str(target), error) from None
        try:
            os.replace(temporary, target)
        except OSError as error:
            raise write_error(str(target), error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def open_output(output: str, fmt: str) -> Iterator[ReportWriter]:
    """A writer for ``fmt`` into ``output`` (see the module's description of what a path gets).

    CSV files get a UTF-8 byte-order mark so spreadsheet programs read the Chinese right;
    pandas and Python's csv module (with ``encoding="utf-8-sig"``) read it as usual.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} ({', '.join(FORMATS)})")
    form = FORMATS[fmt]
    fd = descriptor_of(output)
    path = Path(output)
    opened: contextlib.AbstractContextManager[TextIO]
    if fd == 1 or fd == 2:
        opened = contextlib.nullcontext(sys.stdout if fd == 1 else sys.stderr)
    elif fd is not None:
        opened = _direct(output, lambda: os.fdopen(os.dup(fd), "w", encoding=form.encoding,
                                                   newline=form.newline))
    elif is_special(path):
        opened = _direct(output, lambda: open(path, "w", encoding=form.encoding,  # noqa: SIM115
                                              newline=form.newline))
    else:
        opened = atomic_text_file(path, encoding=form.encoding, newline=form.newline)
    with opened as stream:
        writer = _Guarded(make_writer(fmt, stream), stream, output)
        yield writer
        writer.close()


_import_formats()
