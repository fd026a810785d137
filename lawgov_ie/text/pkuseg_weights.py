"""pkuseg's weights in a form that costs nothing to load and is shared between processes.

spacy_pkuseg reads ``features.pkl`` (or ``features.msgpack``) and ``weights.npz`` each time a
process loads the model. The weights (13 million float64, 106 MB) are decompressed from the
``.npz`` into each process's own memory. Here they are kept once as a plain ``weights.npy`` and
opened with ``mmap_mode="r"``: opening reads nothing, and every process that loads the same model
(the workers of ``extract_many(n_process=N)`` or a Dask worker pool) shares the same pages of
the OS page cache instead of holding its own copy.

The features stay in their pickle: unpickling the 2.6 million feature names into a dict is the
floor of the load time (about 1.5 s of CPU on the reference machine); ``marshal`` and msgpack
were measured and were not faster (docs/performance.md).

The ``.npy`` is made once per model directory (its path, sizes and modification times name it)
under the lawgov-ie cache, and checked when made: it must equal the original weights element for
element. A model directory we cannot convert is loaded the ordinary way.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from pathlib import Path
from typing import Any

import numpy as np

from lawgov_ie.text.pkuseg_model import WEIGHTS_FILE, cache_root, staged_folder

WEIGHTS = "weights.npy"
SIZES = "sizes.npy"


def shared_dir(model_dir: Path) -> Path:
    """Where the ``.npy`` weights of ``model_dir`` live: named by the model's path and its
    weights file's size and modification time."""
    model_dir = model_dir.resolve()
    info = (model_dir / WEIGHTS_FILE).stat()
    stamp = f"{model_dir}\n{info.st_size}\n{info.st_mtime_ns}"
    key = hashlib.sha1(stamp.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cache_root() / "pkuseg" / "weights" / key


def make_shared_weights(model_dir: Path, target: Path) -> Path:
    """Write ``weights.npy`` and ``sizes.npy`` of ``model_dir`` into ``target``, checked equal to
    the original weights."""
    with np.load(model_dir / WEIGHTS_FILE) as npz:
        weights, sizes = npz["w"], npz["sizes"]
    with staged_folder(target, ".weights-") as staging:
        np.save(staging / WEIGHTS, np.ascontiguousarray(weights))
        np.save(staging / SIZES, sizes)
        if not np.array_equal(np.load(staging / WEIGHTS, mmap_mode="r"), weights):
            raise ValueError(f"the weights of {model_dir} do not read back equal")
    return target


def _shared_model(model_dir: Path) -> Any | None:
    """pkuseg's ``Model`` of ``model_dir`` over memory-mapped weights, or None when the weights
    cannot be kept so (no ``weights.npz``, a read-only cache)."""
    from spacy_pkuseg.model import Model

    if not (model_dir / WEIGHTS_FILE).is_file():
        return None
    directory = shared_dir(model_dir)
    try:
        if not (directory / SIZES).is_file():
            make_shared_weights(model_dir, directory)
        weights = np.load(directory / WEIGHTS, mmap_mode="r")
        sizes = np.load(directory / SIZES)
    except (OSError, ValueError):
        return None
    model = Model.__new__(Model)
    model.n_tag, model.n_feature = int(sizes[0]), int(sizes[1])
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = weights
    return model if weights.shape[0] == model.n_transition_feature else None


def load_segmenter(model_dir: Path) -> Any:
    """``spacy_pkuseg.pkuseg(str(model_dir))`` (pkuseg's default user dictionary), with its
    weights memory-mapped from the shared ``.npy`` copy when one can be kept."""
    import spacy_pkuseg
    from spacy_pkuseg.model import Model

    model = _shared_model(model_dir)
    if model is None:
        return spacy_pkuseg.pkuseg(str(model_dir))
    original_load = Model.load
    Model.load = classmethod(lambda cls, model_dir=None: model)
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # its features-format notice is noise
            return spacy_pkuseg.pkuseg(str(model_dir))
    finally:
        Model.load = original_load
