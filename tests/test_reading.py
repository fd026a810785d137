"""The default reading needs no word segmentation: the same reports as with pkuseg words, and
pkuseg is not loaded unless words are asked for."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import lawgov_ie

DEVSET_DOCS = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "docs"


@pytest.mark.pkuseg
def test_char_and_pkuseg_give_the_same_reports_on_the_seeds(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        fast = lawgov_ie.extract(text, source=name)
        words = lawgov_ie.extract(text, source=name, segmenter="pkuseg")
        assert fast == words, name


@pytest.mark.pkuseg
@pytest.mark.skipif(not DEVSET_DOCS.is_dir(), reason="no development set beside the checkout")
def test_char_and_pkuseg_give_the_same_reports_on_the_development_set() -> None:
    for path in sorted(DEVSET_DOCS.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        assert lawgov_ie.extract(text) == lawgov_ie.extract(text, segmenter="pkuseg"), path.name


def test_the_default_reading_loads_no_segmentation_model() -> None:
    script = ("import sys, lawgov_ie\n"
              "report = lawgov_ie.extract('全年调处矛盾纠纷444起，成功率100%。')\n"
              "from lawgov_ie import pipeline\n"
              "print(len(report.records), pipeline._pkuseg_segmenter.cache_info().currsize)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["2", "0"]
