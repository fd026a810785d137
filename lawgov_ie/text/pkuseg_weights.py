"""pkuseg's model in a form that loads fast and is shared between processes.

spacy_pkuseg reads ``features.pkl`` (or ``features.msgpack``) and ``weights.npz`` each time a
process loads the model. Here both are converted once per model directory (its path, sizes and
modification times name the copy) under the lawgov-ie cache, and checked when made: each part must
read back equal to the original, element for element.

- **Weights** (13 million float64, 106 MB) are kept as a plain ``weights.npy`` and opened with
  ``mmap_mode="r"``: opening reads nothing, and every process that loads the same model (the
  workers of ``extract_many(n_process=N)``, a Dask worker pool) shares the same pages of the OS
  page cache instead of decompressing its own copy.
- **Features**: the 2.6 million feature names are kept as UTF-8 text, one a line, in index order
  (``features.txt``). pkuseg's feature lookup (Cython) needs a real ``dict`` of them, and building
  it is the floor of the load time (about 1.5 s of CPU: hashing and inserting 2.6 million strings;
  unpickling, ``marshal`` and msgpack were measured and are not faster). So the dict is built **in
  a background thread**: :func:`load_segmenter` returns once the small parts are read, and the
  first segmentation waits for the dict (as does a fork: see :func:`_finish_before_fork`). The
  CPU is the same; what changes is that ``load()`` does not wait for it, and whatever the caller
  does between ``load()`` and its first text (building the rest of the pipeline, reading files)
  overlaps with it.
- pkuseg's word-pair set (``bigram``, 1.1 million strings) is only used to train a model; it is
  read when something asks for it (``feature_extractor.bigram``, saving the model), not at load.

A model directory we cannot convert (no ``weights.npz``, a read-only cache) is loaded the ordinary
way, by ``spacy_pkuseg.pkuseg``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import numpy as np

from lawgov_ie.text.pkuseg_model import WEIGHTS_FILE, cache_root, staged_folder

WEIGHTS = "weights.npy"
SIZES = "sizes.npy"
FEATURES = "features.txt"  # the feature names, one a line; a name's line number is its index
UNIGRAMS = "unigram.txt"
BIGRAMS = "bigram.txt"
TAGS = "tags.json"
PARTS = (WEIGHTS, SIZES, FEATURES, UNIGRAMS, BIGRAMS, TAGS)
PICKLED_FEATURES = "features.pkl"

# The background thread inserts the feature names this many bytes of text at a time (about
# 6,000 names, a few ms), so a thread that wants the interpreter gets it between blocks.
_BLOCK_BYTES = 1 << 17


def shared_dir(model_dir: Path) -> Path:
    """Where the converted model of ``model_dir`` lives: named by the model's path and its
    weights' and features' sizes and modification times."""
    model_dir = model_dir.resolve()
    stamp = [str(model_dir)]
    for name in (WEIGHTS_FILE, PICKLED_FEATURES):
        info = (model_dir / name).stat()
        stamp += [name, str(info.st_size), str(info.st_mtime_ns)]
    key = hashlib.sha1("\n".join(stamp).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cache_root() / "pkuseg" / "converted" / key


def _lines(words: Any) -> bytes:
    words = list(words)
    if any("\n" in word for word in words):
        raise ValueError("a feature name holds a line break; it cannot be kept one a line")
    return "\n".join(words).encode("utf-8", "surrogatepass")


def _read_lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", "surrogatepass")
    return text.split("\n") if text else []


def make_shared_model(model_dir: Path, target: Path) -> Path:
    """Convert the model of ``model_dir`` into ``target`` (see the module's docstring), each part
    checked to read back equal to the original."""
    with np.load(model_dir / WEIGHTS_FILE) as npz:
        weights, sizes = npz["w"], npz["sizes"]
    with (model_dir / PICKLED_FEATURES).open("rb") as handle:
        features = pickle.load(handle)
    table: dict[str, int] = features["feature_to_idx"]
    names = sorted(table, key=table.__getitem__)
    if [table[name] for name in names] != list(range(len(names))) or len(names) != sizes[1]:
        raise ValueError(f"the feature indices of {model_dir} are not 0..n-1 of its weights")
    with staged_folder(target, ".converted-") as staging:
        np.save(staging / WEIGHTS, np.ascontiguousarray(weights))
        np.save(staging / SIZES, sizes)
        (staging / FEATURES).write_bytes(_lines(names))
        (staging / UNIGRAMS).write_bytes(_lines(sorted(features["unigram"])))
        (staging / BIGRAMS).write_bytes(_lines(sorted(features["bigram"])))
        (staging / TAGS).write_text(json.dumps(features["tag_to_idx"]), encoding="utf-8")
        if not np.array_equal(np.load(staging / WEIGHTS, mmap_mode="r"), weights):
            raise ValueError(f"the weights of {model_dir} do not read back equal")
        if (build_feature_table(staging / FEATURES) != table
                or set(_read_lines(staging / UNIGRAMS)) != set(features["unigram"])
                or set(_read_lines(staging / BIGRAMS)) != set(features["bigram"])
                or json.loads((staging / TAGS).read_text("utf-8")) != features["tag_to_idx"]):
            raise ValueError(f"the features of {model_dir} do not read back equal")
    return target


def build_feature_table(path: Path) -> dict[str, int]:
    """The feature-name → index dict of a ``features.txt``, built a block at a time."""
    data = path.read_bytes()
    table: dict[str, int] = {}
    start = 0
    while data:
        end = data.find(b"\n", start + _BLOCK_BYTES) if start + _BLOCK_BYTES < len(data) else -1
        end = len(data) if end < 0 else end
        names = data[start:end].decode("utf-8", "surrogatepass").split("\n")
        table.update(zip(names, range(len(table), len(table) + len(names)), strict=True))
        if end == len(data):
            break
        start = end + 1
    return table


# ------------------------------------------------------------------------------ loading

_building: set[threading.Thread] = set()
_building_lock = threading.Lock()


def _finish_before_fork() -> None:
    """A forked child has no copy of the threads building feature tables, only their half-built
    dicts: wait for them before any fork (the batch driver's workers, a multiprocessing pool)."""
    with _building_lock:
        threads = list(_building)
    for thread in threads:
        thread.join()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_finish_before_fork)


class _Background:
    """A dict built by ``build`` in a thread of its own, started by :meth:`start` (or by the
    first :meth:`result`, which waits for it)."""

    def __init__(self, name: str, build: Callable[[], dict[str, int]]) -> None:
        self.name, self.build = name, build
        self.future: Future[dict[str, int]] | None = None
        self.lock = threading.Lock()

    def start(self) -> None:
        with self.lock:
            if self.future is None:
                self.future = self._run()

    def result(self) -> dict[str, int]:
        self.start()
        assert self.future is not None
        return self.future.result()

    def _run(self) -> Future[dict[str, int]]:
        result: Future[dict[str, int]] = Future()

        def run() -> None:
            try:
                result.set_result(self.build())
            except BaseException as error:  # handed to whoever waits for the table
                result.set_exception(error)
            finally:
                with _building_lock:
                    _building.discard(threading.current_thread())

        thread = threading.Thread(target=run, name=self.name, daemon=True)
        with _building_lock:
            _building.add(thread)
        thread.start()
        return result


class _Waited:
    """A class attribute that, read on an instance the first time, takes the value ``make``
    gives for it (waiting if it is still being built) and stores it on the instance, which
    answers every later read (a non-data descriptor: no cost after the first)."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        self.make = make

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = self.make(instance)
        instance.__dict__[self.name] = value
        return value


@functools.cache
def _extractor_class() -> type:
    from spacy_pkuseg.feature_extractor import FeatureExtractor

    class SharedFeatures(FeatureExtractor):
        """pkuseg's ``FeatureExtractor`` over a converted model: its feature dict comes from
        the background thread, its word pairs from disk when first asked for."""

        feature_to_idx = _Waited(lambda self: self.table.result())
        bigram = _Waited(lambda self: set(_read_lines(self.directory / BIGRAMS)))

        def __init__(self, directory: Path) -> None:  # not FeatureExtractor's: nothing to train
            self.directory = directory
            self.table = _Background("lawgov-ie pkuseg features",
                                     lambda: build_feature_table(directory / FEATURES))
            self.unigram = set(_read_lines(directory / UNIGRAMS))
            self.tag_to_idx = json.loads((directory / TAGS).read_text("utf-8"))

        def __reduce__(self) -> tuple[Any, ...]:  # a pickled copy is a plain extractor
            state = {"feature_to_idx": self.feature_to_idx, "bigram": self.bigram,
                     "unigram": self.unigram, "tag_to_idx": self.tag_to_idx}
            return (_plain_extractor, (state,))

    return SharedFeatures


def start_building(segmenter: Any) -> None:
    """Start building the feature dict of a segmenter from :func:`load_segmenter` in the
    background (nothing to do for one loaded the ordinary way, or already started)."""
    table = getattr(segmenter.feature_extractor, "table", None)
    if isinstance(table, _Background):
        table.start()


def _plain_extractor(state: dict[str, Any]) -> Any:
    from spacy_pkuseg.feature_extractor import FeatureExtractor

    extractor = FeatureExtractor.__new__(FeatureExtractor)
    extractor.__dict__.update(state)
    return extractor


def converted(model_dir: Path) -> Path | None:
    """The converted copy of ``model_dir`` (made now if missing), or None when it cannot be
    made (no ``weights.npz`` or ``features.pkl``, a read-only cache)."""
    if not all((model_dir / name).is_file() for name in (WEIGHTS_FILE, PICKLED_FEATURES)):
        return None
    directory = shared_dir(model_dir)
    try:
        if not all((directory / name).is_file() for name in PARTS):
            make_shared_model(model_dir, directory)
    except Exception:  # unreadable or foreign files, a read-only cache: pkuseg loads it itself
        return None
    return directory


def _model(directory: Path) -> Any | None:
    """pkuseg's ``Model`` over the memory-mapped weights of ``directory``."""
    from spacy_pkuseg.model import Model

    weights = np.load(directory / WEIGHTS, mmap_mode="r")
    sizes = np.load(directory / SIZES)
    model = Model.__new__(Model)
    model.n_tag, model.n_feature = int(sizes[0]), int(sizes[1])
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = weights
    return model if weights.shape[0] == model.n_transition_feature else None


def load_segmenter(model_dir: Path) -> Any:
    """A ``spacy_pkuseg.pkuseg`` of ``model_dir`` (pkuseg's default user dictionary), the same
    words as ``spacy_pkuseg.pkuseg(str(model_dir))`` gives, over the converted model when one can
    be kept: weights memory-mapped, the feature dict built in the background."""
    import spacy_pkuseg

    directory = converted(model_dir)
    model = _model(directory) if directory is not None else None
    if directory is None or model is None:
        with contextlib.redirect_stderr(io.StringIO()):  # its features-format notice is noise
            return spacy_pkuseg.pkuseg(str(model_dir))
    # What spacy_pkuseg.pkuseg(model_dir) sets up, with our features and model in place of
    # FeatureExtractor.load() and Model.load() (tests/text/test_pkuseg_weights.py compares both).
    spacy_pkuseg.config.modelDir = str(model_dir)
    segmenter = spacy_pkuseg.pkuseg.__new__(spacy_pkuseg.pkuseg)
    segmenter.postag = False
    segmenter.preprocesser = spacy_pkuseg.Preprocesser(None)
    pkuseg_dicts = Path(os.path.realpath(spacy_pkuseg.__file__)).parent / "dicts"
    segmenter.postprocesser = spacy_pkuseg.Postprocesser(None, [str(pkuseg_dicts / "default.pkl")])
    segmenter.feature_extractor = _extractor_class()(directory)
    segmenter.model = model
    tags = segmenter.feature_extractor.tag_to_idx
    segmenter.idx_to_tag = {index: tag for tag, index in tags.items()}
    segmenter.n_feature = model.n_feature  # len(feature_to_idx), checked when converted
    segmenter.n_tag = len(tags)
    return segmenter
