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


def test_the_reading_makes_no_tokens_and_the_same_report_as_nlp(seed_texts: dict[str, str]) -> None:
    nlp = lawgov_ie.load(segmenter="char")
    for name, text in seed_texts.items():
        doc = nlp.tokenizer.reading_doc(text)  # type: ignore[attr-defined]
        assert len(doc) == 0 and doc.text == text
        doc._.lawgov_source = name
        read = nlp(doc)
        assert not read.ents and not read.spans  # no spaCy views on a Doc read for its report
        full = nlp.make_doc(text)
        full._.lawgov_source = name
        spacy_doc = nlp(full)
        assert len(spacy_doc) >= len(text.split()) and spacy_doc.ents and spacy_doc.spans
        assert read._.report == spacy_doc._.report == lawgov_ie.extract(text, source=name), name


def test_the_reading_keeps_the_callers_script() -> None:
    nlp = lawgov_ie.load(segmenter="char")
    doc = nlp.tokenizer.reading_doc("全年辦理行政複議案件12件。")  # type: ignore[attr-defined]
    assert doc.text == "全年办理行政复议案件12件。"
    assert doc._.lawgov_original == "全年辦理行政複議案件12件。"
