"""Component ``lawgov_doc_view``, last in the pipeline: what the report found, in the terms
spaCy users and displaCy read.

- ``doc.sents`` are the sentences of the document's :class:`~lawgov_ie.text.index.TextIndex`
  (the ones every step used): each sentence's first token is a sentence start.
- ``doc.spans["quantities"]`` holds one span per record of the report, labelled with its kind,
  with the record's fields on the span: ``span._.value``, ``span._.unit``, ``span._.kind``,
  ``span._.qualifier``, ``span._.indicator``, ``span._.label`` and ``span._.record_id`` (all
  ``None`` on other spans). ``displacy.render(doc, style="span", options={"spans_key":
  "quantities"})`` draws them.

Nothing here changes the report; the Doc only shows it.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from lawgov_ie.models import Record, Report
from lawgov_ie.text.index import TextIndex

SPANS_KEY = "quantities"
SPAN_FIELDS = ("value", "unit", "kind", "qualifier", "indicator", "label", "record_id")
"""The ``Span._`` attributes set on each quantity span."""


def register_span_extensions() -> None:
    """Register the ``Span._`` attributes of :data:`SPAN_FIELDS` once (idempotent)."""
    for name in SPAN_FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def set_sentences(doc: Doc, index: TextIndex) -> None:
    """Mark the first token of each sentence of ``index`` as a sentence start, every other
    token as not one (a sentence starting inside a token starts at that token)."""
    if len(doc) == 0:
        return
    token_starts = doc.to_array([IDX]).reshape(-1).astype(numpy.int64)
    starts = numpy.asarray([start for start, _ in index.sentence_spans()], dtype=numpy.int64)
    first_tokens = numpy.searchsorted(token_starts, starts, side="right") - 1
    values = numpy.full(len(doc), -1, dtype=numpy.int64)  # -1: not a sentence start
    values[numpy.clip(first_tokens, 0, len(doc) - 1)] = 1
    values[0] = 1
    array: Any = values.astype(numpy.uint64).reshape(-1, 1)
    doc.from_array([SENT_START], array)


def quantity_spans(doc: Doc, records: list[Record]) -> list[Span]:
    """One span per record (its kind as label, its fields on ``span._``), in text order."""
    spans: list[Span] = []
    for record in records:
        span = doc.char_span(record.start, record.end, label=record.kind,
                             alignment_mode="expand")
        if span is None:
            continue
        for name in SPAN_FIELDS:
            setattr(span._, name, record.id if name == "record_id" else getattr(record, name))
        spans.append(span)
    return spans


class DocView:
    def __call__(self, doc: Doc) -> Doc:
        index: TextIndex | None = doc._.lawgov_index
        if index is not None:
            set_sentences(doc, index)
        report: Report | None = doc._.report
        if report is not None:
            doc.spans[SPANS_KEY] = quantity_spans(doc, report.records)
        return doc


@Language.factory("lawgov_doc_view", default_config={})
def make_doc_view(nlp: Language, name: str) -> DocView:
    return DocView()


register_span_extensions()
