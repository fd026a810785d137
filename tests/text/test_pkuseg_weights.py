"""pkuseg's model converted once into a form that loads fast (lawgov_ie.text.pkuseg_weights):
weights memory-mapped, the feature dict built in the background, the same words as pkuseg's."""

from __future__ import annotations

import contextlib
import io
import os
import pickle
from pathlib import Path

import numpy as np
import pytest
import spacy_pkuseg

from lawgov_ie.text import pkuseg_weights
from lawgov_ie.text.pkuseg_model import default_model_dir, is_model_dir

needs_model = pytest.mark.skipif(not is_model_dir(default_model_dir()),
                                 reason="the pkuseg model is not fetched (make model)")


@pytest.mark.pkuseg
@needs_model
def test_the_converted_model_equals_the_original_and_cuts_the_same_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str]) -> None:
    model_dir = default_model_dir()
    monkeypatch.setenv("LAWGOV_IE_CACHE", str(tmp_path))
    segmenter = pkuseg_weights.load_segmenter(model_dir)
    assert isinstance(segmenter.model.w, np.memmap)
    assert pkuseg_weights.shared_dir(model_dir).is_relative_to(tmp_path)
    with contextlib.redirect_stderr(io.StringIO()):
        original = spacy_pkuseg.pkuseg(str(model_dir))
    assert np.array_equal(segmenter.model.w, original.model.w)
    # every attribute pkuseg's own loading sets, with the same value
    assert sorted(vars(segmenter)) == sorted(vars(original))
    for name in ("postag", "idx_to_tag", "n_feature", "n_tag"):
        assert getattr(segmenter, name) == getattr(original, name)
    ours, theirs = segmenter.feature_extractor, original.feature_extractor
    assert ours.feature_to_idx == theirs.feature_to_idx
    assert (ours.unigram, ours.bigram, ours.tag_to_idx) == \
        (theirs.unigram, theirs.bigram, theirs.tag_to_idx)
    assert vars(segmenter.postprocesser) == vars(original.postprocesser)
    for text in seed_texts.values():
        assert segmenter.cut(text) == original.cut(text)
    plain = pickle.loads(pickle.dumps(ours))  # a pickled copy is pkuseg's own extractor
    assert type(plain) is type(theirs) and plain.feature_to_idx == theirs.feature_to_idx


@pytest.mark.pkuseg
@needs_model
def test_a_fork_waits_for_the_feature_dict_being_built(tmp_path: Path) -> None:
    segmenter = pkuseg_weights.load_segmenter(default_model_dir())
    pkuseg_weights.start_building(segmenter)
    table = segmenter.feature_extractor.table
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit code
        os._exit(0 if table.future.done() else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert table.future.done()


@pytest.mark.pkuseg
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
    assert pkuseg_weights.converted(tmp_path) is None


@pytest.mark.parametrize("names", [[], ["甲"], ["c.甲", ""], ["", "w1.乙丙"],
                                   ["c.甲", "c1.乙", "cc1.甲.乙", "ww.l.**noWord*甲乙", "c2.丙"]])
def test_the_feature_dict_is_built_block_by_block_with_the_line_numbers_as_indices(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: list[str]) -> None:
    monkeypatch.setattr(pkuseg_weights, "_BLOCK_BYTES", 5)  # many blocks, ends inside names
    path = tmp_path / "features.txt"
    path.write_bytes(pkuseg_weights._lines(names))
    assert pkuseg_weights.build_feature_table(path) == {n: i for i, n in enumerate(names)}


def test_a_feature_name_with_a_line_break_is_refused() -> None:
    with pytest.raises(ValueError, match="line break"):
        pkuseg_weights._lines(["c.甲", "c.\n"])
