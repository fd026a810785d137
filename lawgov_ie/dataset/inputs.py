"""The reports behind ``lawgov-ie panel`` and ``lawgov-ie summary``: read from what the user has.

An INPUT is

- a JSON Lines file (``.jsonl``, ``.ndjson``): an earlier ``lawgov-ie extract`` output, one
  report a line;
- a folder written by :mod:`lawgov_ie.distributed` (``documents/`` and ``records/`` Parquet
  tables inside): its reports, read back whole;
- anything else: report text files, folders or globs, read and extracted as ``lawgov-ie
  extract`` reads them (one document per report, :mod:`lawgov_ie.io.corpus`).

What cannot be read is passed to ``on_error`` with the reason, and the rest still comes out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from lawgov_ie.api import extract
from lawgov_ie.dataset.tables import reports_from_rows
from lawgov_ie.errors import InputError, LawgovError
from lawgov_ie.io.corpus import documents
from lawgov_ie.models import Report
from lawgov_ie.pipeline import Segmenter
from lawgov_ie.rules.files import PatternPaths

JSONL_SUFFIXES = (".jsonl", ".ndjson")
OnError = Callable[[str], None]


@dataclass
class Loaded:
    """One report, its id and, when it was read from a text file, its text."""

    id: str
    report: Report
    text: str | None = None


def is_table_folder(path: Path) -> bool:
    """Whether ``path`` is a folder of documents and records tables (Parquet)."""
    return path.is_dir() and (path / "documents").exists() and (path / "records").exists()


def read_jsonl(path: Path, on_error: OnError) -> Iterator[Loaded]:
    """The reports of a JSON Lines file, called by their source (else ``FILE:LINE``)."""
    try:
        stream = path.open(encoding="utf-8-sig")
    except OSError as error:
        on_error(f"{path}: cannot be read ({error.strerror or error})")
        return
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                report = Report.model_validate_json(line)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"]) or "line"
                on_error(f"{path}:{number}: not a lawgov-ie report ({where}: {first['msg']})")
                continue
            yield Loaded(report.meta.source or f"{path}:{number}", report)


def read_tables(path: Path, on_error: OnError) -> Iterator[Loaded]:
    """The reports of a folder of documents and records tables; failed documents are passed
    to ``on_error`` with the error noted when they were read."""
    from lawgov_ie.dataset.panel import require

    parquet = require("pyarrow.parquet", "reading Parquet tables")
    try:
        docs = parquet.read_table(path / "documents").to_pylist()
        records = parquet.read_table(path / "records").to_pylist()
    except (OSError, ValueError) as error:
        on_error(f"{path}: cannot read its Parquet tables ({error})")
        return
    for doc_id, report, problem in reports_from_rows(docs, records):
        if report is None:
            on_error(problem if problem and problem.startswith(doc_id) else
                     f"{doc_id}: {problem}")
            continue
        yield Loaded(doc_id, report)


def read_texts(paths: Sequence[str | os.PathLike[str]], on_error: OnError, *,
               segmenter: Segmenter, patterns: PatternPaths | None) -> Iterator[Loaded]:
    """Reports extracted from text files, folders or globs, one document per report."""
    for document in documents(list(paths), on_error=lambda error: on_error(str(error))):
        try:
            report = extract(document.text, source=document.source, patterns=patterns,
                             segmenter=segmenter)
        except LawgovError:
            raise  # a missing model or broken pattern file stops the run, named
        except Exception as error:
            on_error(f"{document.source}: {type(error).__name__}: {error}")
            continue
        yield Loaded(document.id, report, document.text)


def read_inputs(inputs: Sequence[str | os.PathLike[str]], on_error: OnError, *,
                segmenter: Segmenter = "char",
                patterns: PatternPaths | None = None) -> Iterator[Loaded]:
    """The reports of every INPUT, in order (consecutive text inputs are read as one corpus,
    so a report continued from one file into the next is joined)."""
    texts: list[str | os.PathLike[str]] = []

    def flush() -> Iterator[Loaded]:
        if texts:
            yield from read_texts(list(texts), on_error, segmenter=segmenter,
                                  patterns=patterns)
            texts.clear()

    for given in inputs:
        path = Path(given)
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from flush()
            if not path.is_file():
                on_error(str(InputError(f"{given}: no such file")))
                continue
            yield from read_jsonl(path, on_error)
        elif is_table_folder(path):
            yield from flush()
            yield from read_tables(path, on_error)
        else:
            texts.append(given)
    yield from flush()
