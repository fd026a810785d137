"""Run the pipeline over a stream of corpus documents with spaCy's ``nlp.pipe``, one or several
processes, so that one failing document never stops the others, and a run left early (an
error while writing, Ctrl-C, SIGTERM) never hangs.

- Texts go in as ``(text, index)`` tuples; with ``n_process`` > 1 the words are segmented in
  the workers too. The document's source is put on its report afterwards (the pipeline only
  copies it into ``report.meta.source``).
- What ``extract()`` does beyond the pipeline is kept: a text longer than its ``max_chars``
  is read by ``extract()`` itself (in pieces); a document that fails in the pipe, or whose
  spans do not hold their text, is read again by ``extract()`` (its fallbacks: char tokens
  when the segmenter loses text, dropping broken spans), so the output equals ``extract()``'s.
- A spaCy error handler notes a failed document instead of raising; in a worker it re-raises,
  so spaCy sends the traceback to the parent, which notes it there in input order.
- spaCy's multi-process pipe, when left early, joins workers that may be blocked writing to
  the parent, and its queue threads may block the interpreter's exit; :class:`PipeGuard`
  stops the workers it started and releases those threads.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.queues
import os
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language

from lawgov_ie.io.corpus import CorpusDocument
from lawgov_ie.models import Report

_ACTIVE: list[PipeGuard] = []  # guards of the pipes running now, for signal handlers


def reason(error: BaseException) -> str:
    """One line for an exception: for a worker's traceback, its last line."""
    text = str(error)
    if "Traceback (most recent call last)" in text:
        lines = [line for line in text.strip().splitlines() if line.strip()]
        return lines[-1].strip() if lines else type(error).__name__
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class _ErrorRecorder:
    """spaCy error handler that notes a failed document instead of stopping the run."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.errors: deque[tuple[int | None, str]] = deque()
        self.raising = False  # set while extract() runs here: its errors are its own

    def __call__(self, proc_name: str | None, proc: Any, docs: Any, error: Exception) -> None:
        if self.raising or os.getpid() != self.pid:
            raise error  # in a worker: spaCy sends the traceback to the parent
        context = getattr(docs[0], "_context", None) if docs else None
        where = f"in {proc_name}: " if proc_name else ""
        self.errors.append((context if isinstance(context, int) else None,
                            where + reason(error)))

    def take(self, index: int) -> str:
        """The reason noted for the document ``index`` (or the oldest one without an index)."""
        for position, (context, message) in enumerate(self.errors):
            if context in (None, index):
                del self.errors[position]
                return message
        return "could not be processed"


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


def _queues(generator: Any) -> list[multiprocessing.queues.Queue[Any]]:
    """The multiprocessing queues held by a (chain of) running generators."""
    found: list[multiprocessing.queues.Queue[Any]] = []
    todo, seen = [generator], set()
    while todo:
        current = todo.pop()
        frame = getattr(current, "gi_frame", None)
        if frame is None or id(current) in seen:
            continue
        seen.add(id(current))
        for value in frame.f_locals.values():
            items = value if isinstance(value, list | tuple) else [value]
            for item in items:
                if isinstance(item, multiprocessing.queues.Queue):
                    found.append(item)
                elif hasattr(item, "gi_frame"):
                    todo.append(item)
    return found


class PipeGuard:
    """Knows the worker processes and queues of one running ``nlp.pipe`` and can abandon it."""

    def __init__(self) -> None:
        self.before = {child.pid for child in multiprocessing.active_children()}
        self.stream: Any = None

    def abandon(self) -> None:
        """Stop the workers this pipe started and let the exit not wait for its queues."""
        for child in multiprocessing.active_children():
            if child.pid not in self.before:
                child.terminate()
        if self.stream is not None:
            for queue in _queues(self.stream):
                queue.cancel_join_thread()


def abandon_running_pipes() -> None:
    """For a signal handler: abandon every pipe running now."""
    for guard in list(_ACTIVE):
        guard.abandon()


def _holds(document: CorpusDocument, doc: Any, report: Report) -> bool:
    """Whether the pipe read exactly the document's text and every span holds its text."""
    text = document.text
    return (doc.text == text
            and all(text[r.start:r.end] == r.text for r in report.records)
            and all(text[e.start:e.end] == e.text for e in report.entities))


def process(nlp: Language, docs: Iterator[CorpusDocument], jobs: int,
            read_here: Callable[[CorpusDocument], Report],
            on_failed: Callable[[CorpusDocument, str], None], *, max_chars: int,
            ) -> Iterator[tuple[CorpusDocument, Report]]:
    """(document, report) for each document, in input order.

    Documents up to ``max_chars`` go through ``nlp.pipe``; ``read_here`` (the ``extract()``
    of this process) reads a longer one (in pieces), one that failed in the pipe (a second
    try, which also names the reason) and one whose pipe result does not hold its own text.
    A document that fails there too is passed to ``on_failed`` with the reason, and left out.
    """
    waiting: dict[int, tuple[CorpusDocument, bool]] = {}  # index -> (document, sent to pipe)
    recorder = _ErrorRecorder()
    limit = min(max_chars, nlp.max_length - 1)

    def inputs() -> Iterator[tuple[str, int]]:
        for index, document in enumerate(docs):
            piped = len(document.text) <= limit
            waiting[index] = (document, piped)
            if piped:
                yield document.text, index

    def here(document: CorpusDocument) -> Iterator[tuple[CorpusDocument, Report]]:
        recorder.raising = True
        try:
            report = read_here(document)
        except Exception as error:
            on_failed(document, reason(error))
            return
        finally:
            recorder.raising = False
        yield document, report

    def settle(until: int | None) -> Iterator[tuple[CorpusDocument, Report]]:
        """Read here the documents before ``until`` (all when None) the pipe did not give."""
        for number in sorted(waiting):
            if until is not None and number >= until:
                break
            document, piped = waiting.pop(number)
            if piped:
                recorder.take(number)  # it failed in the pipe: try once more here
            yield from here(document)

    batch_size = 1 if jobs > 1 else 8  # one document a batch: a failure loses only itself
    guard = PipeGuard()
    _ACTIVE.append(guard)
    try:
        with _error_handler(nlp, recorder):
            stream = nlp.pipe(inputs(), as_tuples=True, n_process=jobs, batch_size=batch_size)
            guard.stream = stream
            for doc, index in stream:
                yield from settle(index)
                document, _ = waiting.pop(index)
                report: Report = doc._.report
                if not _holds(document, doc, report):
                    yield from here(document)
                    continue
                report.meta.source = document.source
                yield document, report
        yield from settle(None)
    except BaseException:  # also GeneratorExit: the caller stopped reading
        if jobs > 1:
            guard.abandon()
        raise
    finally:
        _ACTIVE.remove(guard)
