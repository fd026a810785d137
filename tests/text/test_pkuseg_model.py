"""Loading pkuseg's model: formats accepted, clear errors on a bad directory, one shared copy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import lawgov_ie
from lawgov_ie.errors import ModelNotFoundError
from lawgov_ie.text import pkuseg_model


def _touch(directory: Path, *names: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name in names:
        (directory / name).write_bytes(b"")
    return directory


@pytest.mark.parametrize("features", ["features.pkl", "features.msgpack"])
def test_a_directory_with_either_features_format_is_a_model(tmp_path: Path, features: str,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    model = _touch(tmp_path / "model", "weights.npz", features)
    monkeypatch.setenv(pkuseg_model.ENV_VAR, str(model))
    assert pkuseg_model.resolve_model_dir() == model


def test_a_directory_without_features_names_what_it_lacks(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    model = _touch(tmp_path / "weights-only", "weights.npz")
    monkeypatch.setenv(pkuseg_model.ENV_VAR, str(model))
    with pytest.raises(ModelNotFoundError) as caught:
        pkuseg_model.resolve_model_dir()
    message = str(caught.value)
    assert str(model) in message
    assert "features.msgpack or features.pkl" in message
    assert "python -m lawgov_ie.text.pkuseg_model" in message


def test_a_broken_model_gives_a_clear_error_naming_the_directory(tmp_path: Path) -> None:
    model = tmp_path / "broken"
    model.mkdir()
    (model / "features.pkl").write_bytes(b"not a pickle")
    (model / "weights.npz").write_bytes(b"not numpy")
    with pytest.raises(ModelNotFoundError) as caught:
        lawgov_ie.load(model_dir=model)
    message = str(caught.value)
    assert str(model) in message
    assert re.search(r"python -m lawgov_ie\.text\.pkuseg_model --force", message)
    assert caught.value.__cause__ is None  # the message says it all: no chained traceback


@pytest.mark.pkuseg
def test_pipelines_share_the_model_but_not_the_user_dictionary(nlp: Language,
                                                                tmp_path: Path) -> None:
    (tmp_path / "terms.jsonl").write_text(
        '{"kind": "term", "id": "示范乡镇司法所", "text": "示范乡镇司法所"}\n', encoding="utf-8")
    other = lawgov_ie.load(patterns=[tmp_path])
    assert other is not nlp
    tokenizers: list[Any] = [nlp.tokenizer, other.tokenizer]
    ours, theirs = (t.pkuseg_seg for t in tokenizers)
    assert theirs.feature_extractor is ours.feature_extractor  # one model in memory
    assert theirs.model is ours.model
    text = "建成示范乡镇司法所三个。"
    assert "示范乡镇司法所" in [t.text for t in other.make_doc(text)]
    assert "示范乡镇司法所" not in [t.text for t in nlp.make_doc(text)]
