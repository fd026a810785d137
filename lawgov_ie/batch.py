"""Read texts in worker processes, each text whole, with the reader ``extract()`` uses.

``extract_many(n_process=N)`` sends each worker a text and gets its :class:`Report` back: the
worker segments the words, runs the components and checks the offsets, so the parent only
hands out strings and collects reports (a few kB each). spaCy's ``nlp.pipe(n_process=N)``
instead ships every finished ``Doc`` (tokens, spans, our attributes) back to the parent, which
cost more than it saved (docs/performance.md).

- On platforms that can fork, workers are forked from the parent after it loaded the pipeline:
  they start at once and share the pkuseg model's memory. Elsewhere they are spawned and load
  the pipeline themselves (seconds, once per worker).
- Reports come back in input order; at most ``n_process * in_flight`` texts are out at a time,
  so a long stream is read in constant memory.
- Warnings a worker lets through its filters (a forked worker has the caller's) are raised
  again in the parent, such as ``OffsetWarning``. An error in a worker is raised in the
  parent; the pool is shut down when the caller stops reading, so no worker is left behind.
- The caller loads the pipeline before the workers start (``extract_many`` does), so a
  missing model or a broken pattern file is reported there, by name, not as a dead worker.
"""

from __future__ import annotations

import multiprocessing
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from lawgov_ie.models import Report

Reader = Callable[[Any], Report]
"""Reads one text (with whatever goes with it) into its report, in a worker process."""

_reader: Reader | None = None  # the worker's reader, set by _start_worker


@dataclass(frozen=True)
class _Caught:
    """A warning raised in a worker, to raise again in the parent."""

    category: type[Warning]
    message: str


def _start_worker(make_reader: Callable[[], Reader]) -> None:
    global _reader
    _reader = make_reader()


def _read_one(text: Any) -> tuple[Report, list[_Caught]]:
    assert _reader is not None, "worker started without a reader"
    with warnings.catch_warnings(record=True) as caught:  # the filters stay the caller's
        report = _reader(text)
    return report, [_Caught(w.category, str(w.message)) for w in caught]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def read_in_workers(texts: Iterator[Any], make_reader: Callable[[], Reader], n_process: int,
                    in_flight: int = 4) -> Generator[Report, None, None]:
    """The reports of ``texts``, in order, read by ``n_process`` workers.

    ``make_reader`` runs once in each worker and returns its reader; it must be picklable (a
    module-level function or a ``functools.partial`` of one) where workers are spawned."""
    limit = max(1, n_process * in_flight)
    pending: deque[Future[tuple[Report, list[_Caught]]]] = deque()
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=_context(),
                               initializer=_start_worker, initargs=(make_reader,))
    try:
        for text in texts:
            pending.append(pool.submit(_read_one, text))
            while len(pending) >= limit:
                yield _collect(pending.popleft())
        while pending:
            yield _collect(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(future: Future[tuple[Report, list[_Caught]]]) -> Report:
    report, caught = future.result()
    for warning in caught:
        warnings.warn(warning.message, warning.category, stacklevel=3)
    return report
