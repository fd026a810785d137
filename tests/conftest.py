"""Shared fixtures: the seed reports and the two pipelines (loaded once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import lawgov_ie

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
GOLD = ROOT / "corpus" / "gold"


def read_seed(stem_prefix: str) -> str:
    """The text of the seed report whose file name starts with ``stem_prefix`` (e.g. "002")."""
    (path,) = sorted(RAW.glob(f"{stem_prefix}*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))}


@pytest.fixture(scope="session")
def yinglin_text() -> str:
    return read_seed("002")


@pytest.fixture
def workers_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract_many(n_process=N)`` and ``extract --jobs N`` start workers however little text
    there is (they read a small run in one process: lawgov_ie.api.PARALLEL_FROM)."""
    from lawgov_ie.api import PARALLEL_FROM

    for segmenter in PARALLEL_FROM:
        monkeypatch.setitem(PARALLEL_FROM, segmenter, 0)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (pkuseg words)."""
    return lawgov_ie.load()


@pytest.fixture(scope="session")
def nlp_char() -> Language:
    """The fast pipeline (one token a character)."""
    return lawgov_ie.load(segmenter="char")
