"""Helpers shared by test modules: run a paragraph with a known report year, find a record."""

from __future__ import annotations

from spacy.language import Language

import lawgov_ie
from lawgov_ie.models import DocumentMeta, Record, Report


def report_of(nlp: Language, text: str, year: int | None = 2024) -> Report:
    """The report of ``text`` as if the report covered ``year``."""
    doc = nlp.make_doc(text)
    doc._.lawgov_year_hint = year
    result: Report = nlp(doc)._.report
    return result


def record(report: Report, text: str) -> Record:
    """The first record whose text is ``text`` (fails, listing what there is, when none)."""
    found = [r for r in report.records if r.text == text]
    assert found, f"no record {text!r} in {[r.text for r in report.records]}"
    return found[0]


def meta_of(text: str) -> DocumentMeta:
    """The document facts ``extract`` reads from ``text`` (char segmenter)."""
    return lawgov_ie.extract(text, segmenter="char").meta
