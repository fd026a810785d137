"""The public functions: ``extract`` and ``extract_many``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .models import Report
from .pattern_files import PatternPaths
from .pipeline import Segmenter, load


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the report text as str, not {type(text).__name__}")
    return text


def _make_doc(nlp: Language, text: str, year: int | None, source: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.lawgov_year_hint = year
    doc._.lawgov_source = source
    return doc


def extract(text: str, *, year: int | None = None, source: str | None = None,
            patterns: PatternPaths | str | os.PathLike[str] | None = None,
            segmenter: Segmenter = "pkuseg") -> Report:
    """Read one report and return its records, entities, sections and document facts."""
    text = _check_text(text)
    if year is not None and not isinstance(year, int):
        raise TypeError(f"year must be int or None, not {type(year).__name__}")
    if not text.strip():
        return Report.model_validate({"meta": {"source": source, "year": year}})
    nlp = load(segmenter=segmenter, patterns=patterns)
    report: Report = nlp(_make_doc(nlp, text, year, source))._.report
    return report


def extract_many(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 16,
                 patterns: PatternPaths | str | os.PathLike[str] | None = None,
                 segmenter: Segmenter = "pkuseg") -> Iterator[Report]:
    """Reports for many texts, in input order; ``n_process`` > 1 uses spaCy's multiprocessing."""
    nlp = load(segmenter=segmenter, patterns=patterns)

    def docs() -> Iterator[Doc]:
        for text in texts:
            yield _make_doc(nlp, _check_text(text), None, None)

    for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
        yield doc._.report
