"""pkuseg's weights kept once as a memory-mapped .npy (lawgov_ie.text.pkuseg_weights)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import numpy as np
import pytest
import spacy_pkuseg

from lawgov_ie.text import pkuseg_weights
from lawgov_ie.text.pkuseg_model import default_model_dir, is_model_dir

pytestmark = pytest.mark.pkuseg

needs_model = pytest.mark.skipif(not is_model_dir(default_model_dir()),
                                 reason="the pkuseg model is not fetched (make model)")


@needs_model
def test_mapped_weights_equal_the_originals_and_cut_the_same_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str]) -> None:
    model_dir = default_model_dir()
    monkeypatch.setenv("LAWGOV_IE_CACHE", str(tmp_path))
    segmenter = pkuseg_weights.load_segmenter(model_dir)
    assert isinstance(segmenter.model.w, np.memmap)
    assert pkuseg_weights.shared_dir(model_dir).is_relative_to(tmp_path)
    with np.load(model_dir / "weights.npz") as npz:
        assert np.array_equal(segmenter.model.w, npz["w"])
    with contextlib.redirect_stderr(io.StringIO()):
        original = spacy_pkuseg.pkuseg(str(model_dir))
    for text in seed_texts.values():
        assert segmenter.cut(text[:3000]) == original.cut(text[:3000])


@needs_model
def test_an_unwritable_cache_falls_back_to_pkusegs_own_loading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    model_dir = default_model_dir()
    monkeypatch.setenv("LAWGOV_IE_CACHE", str(blocked))
    segmenter = pkuseg_weights.load_segmenter(model_dir)
    assert not isinstance(segmenter.model.w, np.memmap)
    assert segmenter.cut("依法行政") != []


def test_a_model_without_npz_weights_is_left_to_pkuseg(tmp_path: Path) -> None:
    assert pkuseg_weights._shared_model(tmp_path) is None
