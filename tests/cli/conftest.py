"""Fixtures of the command-line tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture()
def seed_copies(tmp_path: Path, seed_texts: dict[str, str]) -> Callable[[int], Path]:
    """``seed_copies(n)``: a folder ``in`` holding the seed reports ``n`` times over (a run long
    enough to be caught in the middle)."""

    def make(copies: int) -> Path:
        folder = tmp_path / "in"
        folder.mkdir()
        for number in range(copies):
            for name, text in seed_texts.items():
                (folder / f"{number}_{name}").write_text(text, encoding="utf-8")
        return folder

    return make
