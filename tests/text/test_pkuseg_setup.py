"""The pkuseg model: found in the cache, or a clear error saying what to run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lawgov_ie
from lawgov_ie.errors import ModelNotFoundError
from lawgov_ie.text import pkuseg_model


def test_missing_model_error_says_what_to_run(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWGOV_IE_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.delenv(pkuseg_model.ENV_VAR, raising=False)
    hint = re.escape("python -m lawgov_ie.text.pkuseg_model")
    with pytest.raises(ModelNotFoundError, match=hint):
        pkuseg_model.resolve_model_dir()


def test_env_var_pointing_at_a_non_model_is_named(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pkuseg_model.ENV_VAR, str(tmp_path))
    with pytest.raises(ModelNotFoundError, match=re.escape(str(tmp_path))):
        pkuseg_model.resolve_model_dir()


def test_archive_with_wrong_checksum_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / pkuseg_model.ARCHIVE_NAME
    fake.write_bytes(b"not the archive")
    with pytest.raises(ModelNotFoundError, match="sha256"):
        pkuseg_model.unpack_model(fake, tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_cached_model_segments_domain_terms_whole() -> None:
    words = [t.text for t in lawgov_ie.load()("开展矛盾纠纷排查，培育法律明白人。")]
    assert "矛盾纠纷" in words
    assert "法律明白人" in words
