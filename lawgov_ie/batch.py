"""The one batch driver: read many items (texts) with a reader, here or in worker processes.

``extract_many(n_process=N)`` and ``lawgov-ie extract --jobs N`` both run through
:func:`read_all`. Each item goes to a worker whole; the worker reads it (segments the words,
runs the components, checks the offsets) and sends back its result — a :class:`Report`, a
few kB, packed by the caller's :class:`Transport` (``extract_many`` and the CLI send JSON) — or
a :class:`Failed` naming why it could not. The parent only hands out items and collects
results; spaCy's ``nlp.pipe(n_process=N)`` instead ships every finished ``Doc`` back to the
parent, which cost more than it saved (docs/performance.md).

- ``n_process=1`` reads in this process, through the same loop: one behaviour for both. So
  does a run whose items add up to less than ``alone_below`` (by the caller's ``size``).
- On platforms that can fork, workers are forked from the parent after it loaded the pipeline
  (the caller does, so a missing model or a broken pattern file is reported there, by name):
  they start at once and share the pkuseg model's memory. Elsewhere they are spawned and build
  their reader themselves (seconds, once per worker).
- Results come back in input order; at most ``n_process * in_flight`` items are out (sent and
  not yet yielded) at a time, so a long stream is read in constant memory.
- One item failing fails only itself: its :class:`Failed` takes its place and the rest go on.
  A worker that dies (killed, out of memory) fails the items it held and is replaced.
- Warnings a worker lets through its filters (a forked worker has the caller's) are raised
  again in the parent, such as ``OffsetWarning``.
- Workers die with their parent: on Linux the kernel kills them when it dies (even by
  ``kill -9``); everywhere, each worker also watches its parent and exits when it is gone. When
  the caller stops reading (an error, Ctrl-C, ``close()``), the workers are stopped at once.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WATCH_SECONDS = 0.5  # how often a worker checks that its parent is still there
_STOP_SECONDS = 5.0  # how long finished workers get to exit before they are killed


@dataclass(frozen=True)
class Failed:
    """An item that could not be read: the reason in one line, and the error when it could be
    sent back from the worker (to raise it again in the caller)."""

    reason: str
    error: BaseException | None = None

    def raise_it(self) -> None:
        if self.error is not None:
            raise self.error
        raise RuntimeError(self.reason)


def reason(error: BaseException) -> str:
    """One line for an exception: ``ValueError: message``."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass(frozen=True)
class _Caught:
    """A warning raised in a worker, to raise again in the parent."""

    category: type[Warning]
    message: str


def _read_one(reader: Callable[[T], R], item: T) -> tuple[R | Failed, list[_Caught]]:
    with warnings.catch_warnings(record=True) as caught:  # the filters stay the caller's
        try:
            result: R | Failed = reader(item)
        except Exception as error:
            result = Failed(reason(error), error)
    return result, [_Caught(w.category, str(w.message)) for w in caught]


def _warn_again(caught: list[_Caught]) -> None:
    for warning in caught:
        warnings.warn(warning.message, warning.category, stacklevel=4)


@dataclass(frozen=True)
class Transport:
    """How a worker's result travels to the parent: ``pack`` in the worker, ``unpack`` in the
    parent (the default sends the result pickled, as it is)."""

    pack: Callable[[Any], Any]
    unpack: Callable[[Any], Any]


# ------------------------------------------------------------------------------ in the worker


def _die_with_parent(parent: int) -> None:
    """Make this worker end when ``parent`` does: the kernel's parent-death signal on Linux,
    and a thread that checks the parent every half second everywhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)

    def watch() -> None:
        while True:
            threading.Event().wait(_WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="lawgov-parent-watch", daemon=True).start()


def _work(make_reader: Callable[[], Callable[[T], R]], tasks: Any,
          results: multiprocessing.connection.Connection, parent: int,
          pack: Callable[[R], Any] | None = None) -> None:
    """A worker's life: build the reader, then read ``(number, item)`` from ``tasks`` and send
    ``(number, result, warnings)`` back until ``None`` comes (the result packed by ``pack``)."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)  # held by the parent over the fork
    try:
        reader = make_reader()
    except Exception as error:
        failure = Failed(f"the worker could not start: {reason(error)}")

        def reader(item: T) -> R:
            raise RuntimeError(failure.reason)
    while True:
        task = tasks.get()
        if task is None:
            break
        number, item = task
        result, caught = _read_one(reader, item)
        if isinstance(result, Failed) and not _travels(result.error):
            result = Failed(result.reason)  # the reason alone: the error cannot be sent
        sent: Any = result
        if pack is not None and not isinstance(result, Failed):
            try:
                sent = pack(result)
            except Exception as error:
                sent = Failed(f"the result could not be sent: {reason(error)}")
        results.send((number, sent, caught))
    results.close()


def _travels(error: BaseException | None) -> bool:
    """Can ``error`` be pickled here and rebuilt in the parent?"""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True


# ------------------------------------------------------------------------------ in the parent

_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while a worker is forked: a signal handler that raises inside
    the fork's own callbacks is ignored, and the run would not stop."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@dataclass
class _Worker(Generic[T]):
    process: Any
    tasks: Any  # a multiprocessing queue: puts never block (a feeder thread writes)
    results: multiprocessing.connection.Connection
    holding: set[int] = field(default_factory=set)


class _Pool(Generic[T, R]):
    """``n_process`` workers, each with its own task queue and result pipe."""

    def __init__(self, make_reader: Callable[[], Callable[[T], R]], n_process: int,
                 transport: Transport | None = None) -> None:
        self.make_reader = make_reader
        self.transport = transport
        self.context = _context()
        self.workers: list[_Worker[T]] = []
        for _ in range(n_process):
            self.workers.append(self._start())

    def _start(self) -> _Worker[T]:
        tasks = self.context.Queue()
        receive, send = self.context.Pipe(duplex=False)
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_work,
            args=(self.make_reader, tasks, send, os.getpid(),
                  None if self.transport is None else self.transport.pack),
            name="lawgov-ie worker", daemon=True)
        with _signals_held():  # a Ctrl-C or SIGTERM during the fork is taken after it
            process.start()
        send.close()  # the worker holds the sending end
        return _Worker(process, tasks, receive)

    def send(self, number: int, item: T) -> None:
        worker = min(self.workers, key=lambda w: len(w.holding))
        worker.holding.add(number)
        worker.tasks.put((number, item))

    def receive(self) -> Iterator[tuple[int, R | Failed, list[_Caught]]]:
        """Wait for results (or dead workers); yield what arrived."""
        by_handle: dict[Any, _Worker[T]] = {}
        for worker in self.workers:
            by_handle[worker.results] = worker
            by_handle[worker.process.sentinel] = worker
        for handle in multiprocessing.connection.wait(list(by_handle)):
            worker = by_handle[handle]
            if worker not in self.workers:
                continue  # replaced a moment ago (both its handles were ready)
            dead = False
            try:  # what it sent; then whether it is gone (EOF: its end of the pipe closed)
                while worker.results.poll():
                    number, result, caught = worker.results.recv()
                    worker.holding.discard(number)
                    yield number, self._unpack(result), caught
            except (EOFError, OSError):
                dead = True
            if dead or not worker.process.is_alive():
                yield from self._replace(worker)

    def _unpack(self, result: Any) -> R | Failed:
        if self.transport is None or isinstance(result, Failed):
            return result
        try:
            return self.transport.unpack(result)
        except Exception as error:
            return Failed(f"the result could not be read back: {reason(error)}", error)

    def _replace(self, dead: _Worker[T]) -> Iterator[tuple[int, R | Failed, list[_Caught]]]:
        dead.process.join()
        code = dead.process.exitcode
        why = (f"the worker process died (signal {-code})" if code is not None and code < 0
               else f"the worker process died (exit code {code})")
        self._close(dead)
        self.workers[self.workers.index(dead)] = self._start()
        for number in sorted(dead.holding):
            yield number, Failed(why), []

    @staticmethod
    def _close(worker: _Worker[T]) -> None:
        worker.tasks.cancel_join_thread()  # never wait at exit for a queue nobody reads
        worker.tasks.close()
        worker.results.close()

    def finish(self) -> None:
        """All results are in: let the workers exit, kill those that do not."""
        for worker in self.workers:
            with contextlib.suppress(Exception):
                worker.tasks.put(None)
        for worker in self.workers:
            worker.process.join(_STOP_SECONDS)
        self.stop()

    def stop(self) -> None:
        """Stop every worker now (the caller stopped reading or is being interrupted)."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            self._close(worker)
        self.workers = []


def read_all(items: Iterable[T], make_reader: Callable[[], Callable[[T], R]],
             n_process: int = 1, in_flight: int = 4, *,
             transport: Transport | None = None,
             size: Callable[[T], int] | None = None,
             alone_below: int = 0) -> Generator[R | Failed, None, None]:
    """The result of each item, in input order: the reader's, or a :class:`Failed`.

    ``make_reader`` builds the reader, once per worker (once here when ``n_process`` is 1); it
    must be picklable (a module-level function or a ``functools.partial`` of one) where workers
    are spawned. Stopping early (``close()``, an exception in the caller's loop) stops the
    workers.

    With ``size`` and ``alone_below``, a run whose items add up to less than ``alone_below``
    (items are read ahead until they reach it, or end) is read in this process: starting
    workers would cost more than they save."""
    if n_process > 1 and size is not None and alone_below > 0:
        ahead: list[T] = []
        total = 0
        source = iter(items)
        for item in source:
            ahead.append(item)
            total += size(item)
            if total >= alone_below:
                break
        else:
            n_process = 1
        items = itertools.chain(ahead, source)
    if n_process <= 1:
        reader = make_reader()
        for item in items:
            result, caught = _read_one(reader, item)
            _warn_again(caught)
            yield result
        return
    pool: _Pool[T, R] = _Pool(make_reader, n_process, transport)
    limit = max(1, n_process * in_flight)
    done: dict[int, tuple[R | Failed, list[_Caught]]] = {}
    sent = 0
    next_out = 0
    source = iter(items)
    finished = False
    try:
        while True:
            while not finished and sent - next_out < limit:
                try:
                    item = next(source)
                except StopIteration:
                    finished = True
                    break
                pool.send(sent, item)
                sent += 1
            if next_out in done:  # the next result in order: out, then fill up again
                result, caught = done.pop(next_out)
                next_out += 1
                _warn_again(caught)
                yield result
                continue
            if finished and next_out == sent:
                break
            for number, result, caught in pool.receive():
                done[number] = (result, caught)
        pool.finish()
    except BaseException:  # also GeneratorExit: the caller stopped reading
        pool.stop()
        raise


def read_in_workers(items: Iterable[T], make_reader: Callable[[], Callable[[T], R]],
                    n_process: int, in_flight: int = 4, *,
                    transport: Transport | None = None,
                    size: Callable[[T], int] | None = None,
                    alone_below: int = 0) -> Generator[R, None, None]:
    """:func:`read_all` for callers that want the first failure raised (``extract_many``):
    the worker's exception itself when it could be sent back."""
    with contextlib.closing(read_all(items, make_reader, n_process, in_flight,
                                     transport=transport, size=size,
                                     alone_below=alone_below)) as results:
        for result in results:
            if isinstance(result, Failed):
                result.raise_it()
            yield result  # type: ignore[misc]

