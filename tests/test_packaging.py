"""The wheel carries the bundled pattern files, so `pip install` works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_every_pattern_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed: {result.stderr[-2000:]}")
    (wheel,) = tmp_path.glob("lawgov_ie-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = sorted(p.name for p in (ROOT / "patterns").glob("*.jsonl"))
    assert bundled, "no pattern files in patterns/"
    for name in bundled:
        assert f"lawgov_ie/data/patterns/{name}" in names
