"""Extraction on a Dask cluster (``pip install 'lawgov-ie[dask]'``; docs/scale.md).

- :func:`extract_bag` turns a ``dask.bag`` of texts (or ``(id, text)`` pairs) into a bag of
  ``(id, report, error)``; :func:`read_paths` does the same for files, local or any fsspec URL
  the workers can read (``s3://bucket/reports/*.txt``), each file read on a worker in any
  encoding ``lawgov-ie extract`` reads and split into its reports;
  :func:`write_tables` writes such a bag as partitioned Parquet: ``documents/part-N.parquet``
  (a row per report, with its error when it failed) and ``records/part-N.parquet`` (a row per
  record), which ``lawgov-ie panel`` and ``lawgov-ie summary`` read.
- The pipeline is loaded **once per worker**, by a worker plugin
  (:class:`PipelinePlugin`) registered with the client: tasks carry only texts and settings,
  never the pipeline. A worker that joins later (or is restarted) loads it too. On a scheduler
  without workers (dask's threads), the tasks load it in the process, once.
- :func:`read_documents` is the ``lawgov-ie extract --scheduler`` driver: documents are read
  and split here, each is sent to the cluster, and ``(document, report or error)`` comes back
  in input order. A document that fails on a worker is an error for that document only; a
  worker that dies mid-task has its tasks run again elsewhere by Dask (nothing lost, nothing
  twice: results are collected per document).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lawgov_ie.api import extract
from lawgov_ie.dataset.tables import DOCUMENT_COLUMNS, RECORD_COLUMNS, document_row, record_rows
from lawgov_ie.errors import InputError, LawgovError
from lawgov_ie.models import Report
from lawgov_ie.pipeline import Segmenter, load
from lawgov_ie.rules.files import normalise_paths

if TYPE_CHECKING:
    import dask.bag
    import distributed

Result = tuple[str, Report | None, str | None]
"""(id, report, error): a report, or None and the reason it could not be read."""

_PLUGIN = "lawgov-ie-pipeline"
_LOCAL = "local:"


class MissingDask(LawgovError, ImportError):
    """Dask (``dask[distributed]``) is needed and not installed."""


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDask(f"running on Dask needs {module}, which is not installed: "
                          "pip install 'lawgov-ie[dask]'") from None


class Settings:
    """How to read: the segmenter and the pattern files (paths the workers can read)."""

    def __init__(self, segmenter: Segmenter = "char",
                 patterns: Sequence[str | os.PathLike[str]] | str | None = None) -> None:
        self.segmenter: Segmenter = segmenter
        self.patterns: tuple[str, ...] = normalise_paths(patterns)
        # the plugin's name: one plugin per settings on a cluster, the same in every process
        digest = hashlib.sha1("\n".join(self.patterns).encode("utf-8")).hexdigest()[:12]
        self.name = f"{_PLUGIN}:{segmenter}:{digest}"

    def load(self) -> Any:
        return load(segmenter=self.segmenter, patterns=self.patterns or None)

    def extract(self, text: str, source: str | None) -> Report:
        return extract(text, source=source, segmenter=self.segmenter,
                       patterns=self.patterns or None)


def _plugin_base() -> type:
    try:
        from distributed import WorkerPlugin
    except ImportError:
        return object
    return WorkerPlugin


class PipelinePlugin(_plugin_base()):  # type: ignore[misc]
    """Loads the pipeline on each worker when it starts (once), for the tasks to use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.name = settings.name
        self.nlp: Any = None

    def setup(self, worker: Any) -> None:
        self.nlp = self.settings.load()  # cached by load(): extract() on the worker uses it


def register(client: distributed.Client, settings: Settings) -> None:
    """Register the pipeline plugin for ``settings`` on every worker of ``client`` (now and
    joining later); the pipeline is loaded there once."""
    client.register_plugin(PipelinePlugin(settings), name=settings.name)


def _settings_here(settings: Settings) -> Settings:
    """The settings on the worker running this task (its plugin loaded the pipeline)."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return settings  # not on a distributed worker: load() caches it in this process
    plugin = worker.plugins.get(settings.name)
    if plugin is None:  # the plugin was not registered: load once here all the same
        settings.load()
    return settings


def _reason(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def read_text_item(item: tuple[str, str], settings: Settings) -> Result:
    """A task: the report of one text, given as ``(id, text)``."""
    doc_id, text = item
    try:
        report = _settings_here(settings).extract(text, doc_id)
    except LawgovError:
        raise  # a missing model or a broken pattern file on the worker: not one text's fault
    except Exception as error:
        return doc_id, None, _reason(error)
    return doc_id, report, None


def read_path(path: str, settings: Settings) -> list[Result]:
    """A task: the reports of one file (local path or fsspec URL), split into its reports."""
    from lawgov_ie.io.corpus import split_reports
    from lawgov_ie.io.textio import decode

    fsspec = _require("fsspec")
    try:
        with fsspec.open(path, "rb") as stream:
            data = stream.read()
        text, _encoding = decode(data, path)
    except InputError as error:
        return [(path, None, str(error))]
    except (OSError, ValueError) as error:
        return [(path, None, f"{path}: cannot be read ({_reason(error)})")]
    if not text.strip():
        return [(path, None, f"{path}: is empty (no text)")]
    pieces = split_reports(text)
    results = []
    for number, (start, end) in enumerate(pieces, start=1):
        doc_id = path if len(pieces) == 1 else f"{path}#{number}"
        results.append(read_text_item((doc_id, text[start:end]), settings))
    return results


def _client(client: distributed.Client | None) -> distributed.Client | None:
    if client is not None:
        return client
    distributed_module = _require("distributed")
    try:
        found: distributed.Client = distributed_module.default_client()
    except ValueError:
        return None  # no client: dask's local schedulers, the pipeline loaded per process
    return found


def extract_bag(texts: dask.bag.Bag, *, client: distributed.Client | None = None,
                segmenter: Segmenter = "char",
                patterns: Sequence[str | os.PathLike[str]] | str | None = None,
                ) -> dask.bag.Bag:
    """A bag of ``(id, report, error)`` for a bag of texts or ``(id, text)`` pairs (a bare
    text is called ``#N`` by its position in its partition, ``N`` from 1, prefixed with the
    partition: ``p3#2``). The pipeline plugin is registered with ``client`` (default: the
    current client, if any)."""
    settings = Settings(segmenter, patterns)
    found = _client(client)
    if found is not None:
        register(found, settings)
    return texts.map_partitions(_read_partition, settings, _partition_ids(texts))


def _partition_ids(bag: dask.bag.Bag) -> dask.bag.Bag:
    db = _require("dask.bag")
    return db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)


def _read_partition(items: Iterable[str | tuple[str, str]], settings: Settings,
                    partition: Iterable[int]) -> list[Result]:
    prefix = f"p{next(iter(partition), 0)}"
    return [read_text_item(item if isinstance(item, tuple) else (f"{prefix}#{n}", item),
                           settings) for n, item in enumerate(items, start=1)]


def read_paths(paths: Sequence[str] | str, *, client: distributed.Client | None = None,
               segmenter: Segmenter = "char",
               patterns: Sequence[str | os.PathLike[str]] | str | None = None,
               npartitions: int | None = None) -> dask.bag.Bag:
    """A bag of ``(id, report, error)`` for files: paths or fsspec URLs, globs expanded
    (``s3://bucket/reports/**/*.txt``); each file is read on a worker and split into its
    reports (``file#2`` for the second); the id is the path or URL."""
    db = _require("dask.bag")
    fsspec = _require("fsspec")
    given = [paths] if isinstance(paths, str) else list(paths)
    files: list[str] = []
    for path in given:
        opened = fsspec.open_files(os.fspath(path), "rb")
        if not opened:
            raise InputError(f"{path}: no such file, or no file matches this pattern")
        files.extend(o.full_name if "://" in str(path) else o.path for o in opened)
    settings = Settings(segmenter, patterns)
    found = _client(client)
    if found is not None:
        register(found, settings)
    bag = db.from_sequence(files, npartitions=npartitions or min(len(files), 100) or 1)
    return bag.map(read_path, settings).flatten()


def _tables(results: Iterable[Result]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    documents: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    for doc_id, report, error in results:
        documents.append(document_row(doc_id, report, source=doc_id, error=error))
        if report is not None:
            records.extend(record_rows(doc_id, report))
    return documents, records


def _schemas() -> tuple[Any, Any]:
    pa = _require("pyarrow")
    text, whole = pa.string(), pa.int64()
    documents = pa.schema([(name, whole if name in ("year", "records") else text)
                           for name in DOCUMENT_COLUMNS])
    kinds = {"value": pa.float64(), "start": whole, "end": whole, "period": whole}
    records = pa.schema([(name, kinds.get(name, text)) for name in RECORD_COLUMNS])
    return documents, records


def _write_partition(results: list[Result], folder: str, number: int) -> int:
    """Write one partition's two tables; the number of documents written."""
    pa = _require("pyarrow")
    parquet = _require("pyarrow.parquet")
    fsspec = _require("fsspec")
    documents, records = _tables(results)
    doc_schema, record_schema = _schemas()
    for name, rows, schema in (("documents", documents, doc_schema),
                               ("records", records, record_schema)):
        table = pa.Table.from_pylist(rows, schema=schema)
        with fsspec.open(f"{folder}/{name}/part-{number:05d}.parquet", "wb") as stream:
            parquet.write_table(table, stream)
    return len(documents)


def write_tables(results: dask.bag.Bag, folder: str | os.PathLike[str]) -> int:
    """Write a bag of ``(id, report, error)`` as Parquet tables under ``folder`` (local or an
    fsspec URL): ``documents/part-N.parquet`` and ``records/part-N.parquet``, one pair per
    partition, written by the workers. Returns the number of documents."""
    dask = _require("dask")
    fsspec = _require("fsspec")
    target = os.fspath(folder).rstrip("/")
    fs, root = fsspec.core.url_to_fs(target)
    for name in ("documents", "records"):
        fs.makedirs(f"{root}/{name}", exist_ok=True)
    writes = [dask.delayed(_write_partition)(part, target, number)
              for number, part in enumerate(results.to_delayed())]
    return int(sum(dask.compute(*writes)))


@contextlib.contextmanager
def connect(scheduler: str) -> Iterator[distributed.Client]:
    """A client of ``scheduler``: ``local:N`` starts a LocalCluster of N worker processes (one
    thread each) and stops it afterwards; anything else is a scheduler's address
    (``tcp://host:8786``)."""
    distributed_module = _require("distributed")
    cluster = None
    if scheduler.startswith(_LOCAL):
        count = scheduler[len(_LOCAL):]
        if not count.isdigit() or int(count) < 1:
            raise LawgovError(f"--scheduler {scheduler}: local:N needs N, a number of worker "
                              "processes of 1 or more")
        cluster = distributed_module.LocalCluster(
            n_workers=int(count), threads_per_worker=1, processes=True,
            dashboard_address=":0", silence_logs=logging.ERROR)
        address: Any = cluster
    else:
        address = scheduler
    try:
        try:
            client = distributed_module.Client(address, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise LawgovError(f"cannot reach the Dask scheduler at {scheduler}: "
                              f"{_reason(error)}") from None
        try:
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def read_documents(documents: Iterable[Any], scheduler: str | distributed.Client, *,
                   segmenter: Segmenter = "char",
                   patterns: Sequence[str | os.PathLike[str]] | str | None = None,
                   in_flight: int = 4, batch_chars: int = 50_000,
                   ) -> Iterator[tuple[Any, Report | str]]:
    """``(document, report or error message)`` for each document (anything with ``text`` and
    ``source``, such as :class:`~lawgov_ie.io.corpus.CorpusDocument`), in input order, read on
    the cluster at ``scheduler`` (an address, ``local:N``, or a client).

    Consecutive documents go to a worker together, up to ``batch_chars`` characters a task
    (one document at least), so that Dask's cost per task is spread over many reports; at
    most ``in_flight`` tasks per worker are out at a time. One document's failure is its own:
    each is read on its own inside the task."""
    if isinstance(scheduler, str):
        with connect(scheduler) as client:
            yield from _read_documents(documents, client, Settings(segmenter, patterns),
                                       in_flight, batch_chars)
    else:
        yield from _read_documents(documents, scheduler, Settings(segmenter, patterns),
                                   in_flight, batch_chars)


def read_batch(items: list[tuple[str, str]], settings: Settings) -> list[Result]:
    """A task: the reports of a few texts, each read on its own."""
    return [read_text_item(item, settings) for item in items]


def _batches(documents: Iterable[Any], batch_chars: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for document in documents:
        if batch and size + len(document.text) > batch_chars:
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch


def _read_documents(documents: Iterable[Any], client: distributed.Client, settings: Settings,
                    in_flight: int, batch_chars: int) -> Iterator[tuple[Any, Report | str]]:
    register(client, settings)
    workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    limit = max(2, workers * in_flight)
    pending: deque[tuple[list[Any], Any]] = deque()

    def collect() -> Iterator[tuple[Any, Report | str]]:
        batch, future = pending.popleft()
        try:
            results = future.result()
        except Exception as failure:  # a worker lost too often, an error outside extract()
            results = [(d.source, None, _reason(failure)) for d in batch]
        finally:
            future.release()
        for document, (_doc_id, report, error) in zip(batch, results, strict=True):
            yield document, report if report is not None else (error or "could not be read")

    try:
        for batch in _batches(documents, batch_chars):
            items = [(document.source, document.text) for document in batch]
            # pure=False: a key of its own, whoever else uses the cluster
            pending.append((batch, client.submit(read_batch, items, settings, pure=False)))
            while len(pending) >= limit:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        for _batch, future in pending:
            future.cancel()
