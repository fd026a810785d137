"""Component ``lawgov_doc_view``, last in the pipeline: what the report found, in the terms
spaCy users and displaCy read.

- ``doc.sents`` are the sentences of the document's :class:`~lawgov_ie.text.index.TextIndex`
  (the ones every step used): each sentence's first token is a sentence start.
- ``doc.spans["quantities"]`` holds one span per record of the report, labelled with its kind,
  with the record's fields on the span: ``span._.value``, ``span._.unit``, ``span._.kind``,
  ``span._.qualifier``, ``span._.indicator``, ``span._.label``, ``span._.record_id`` and the
  whole ``span._.record`` (all ``None`` on other spans). They are read from the report when
  asked, so they cost nothing to a caller who never looks. ``displacy.render(doc,
  style="span", options={"spans_key": "quantities"})`` draws them.

Nothing here changes the report; the Doc only shows it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lawgov_ie.models import Record, Report
from lawgov_ie.stages import StagedPipe, named
from lawgov_ie.text.index import TextIndex

SPANS_KEY = "quantities"
SPAN_FIELDS = ("value", "unit", "kind", "qualifier", "indicator", "label", "record_id")
"""The ``Span._`` attributes of each quantity span (read from its record when asked)."""


def record_of(span: Span) -> Record | None:
    """The record a quantity span shows: the first of the report's records inside the span with
    the span's label as kind (records sharing one text, 受理率、办结率均为100%, share a span)."""
    report: Report | None = span.doc._.report
    if report is None:
        return None
    records = report.records
    starts = _starts(report)
    at = bisect.bisect_left(starts, span.start_char)
    while at < len(records) and starts[at] < span.end_char:
        record = records[at]
        if record.end <= span.end_char and record.kind == span.label_:
            return record
        at += 1
    return None


_STARTS: dict[int, tuple[Report, list[int]]] = {}  # id(report) -> (report, record starts)


def _starts(report: Report) -> list[int]:
    """The start of each record of ``report`` (records are in text order), kept for the last
    few reports so that reading every span of a Doc stays linear."""
    cached = _STARTS.get(id(report))
    if cached is not None and cached[0] is report and len(cached[1]) == len(report.records):
        return cached[1]
    if len(_STARTS) >= 8:
        _STARTS.clear()
    starts = [record.start for record in report.records]
    _STARTS[id(report)] = (report, starts)
    return starts


def _field(name: str) -> Callable[[Span], Any]:
    attribute = "id" if name == "record_id" else name

    def get(span: Span) -> Any:
        record = record_of(span)
        return None if record is None else getattr(record, attribute)

    get.__name__ = f"span_{name}"
    return get


def register_span_extensions() -> None:
    """Register ``Span._.record`` and the ``Span._`` attributes of :data:`SPAN_FIELDS` once."""
    if not Span.has_extension("record"):
        Span.set_extension("record", getter=record_of)
    for name in SPAN_FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_field(name))


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


def set_entities(doc: Doc, entities: Iterable[tuple[int, int, str]]) -> None:
    """``doc.ents = filter_spans([doc.char_span(start, end, label=label,
    alignment_mode="expand") ...])`` for ``(start, end, label)`` character spans: the same
    annotation on every token, without spaCy's Python loop over every token outside an entity
    (all tokens are made O in one ``from_array``, then only the entities' tokens are set)."""
    spans = (doc.char_span(start, end, label=label, alignment_mode="expand")
             for start, end, label in entities)
    chosen = filter_spans([span for span in spans if span is not None])
    if len(doc):
        outside: Any = numpy.tile(numpy.array([2, 0], dtype=numpy.uint64), (len(doc), 1))
        doc.from_array([ENT_IOB, ENT_TYPE], outside)  # O, no type: what doc.ents leaves there
    doc.set_ents(chosen, default="unmodified")


def quantity_spans(doc: Doc, records: list[Record]) -> list[Span]:
    """One span per record, labelled with its kind, in text order."""
    spans = (doc.char_span(r.start, r.end, label=r.kind, alignment_mode="expand")
             for r in records)
    return [span for span in spans if span is not None]


class DocView(StagedPipe):
    def __call__(self, doc: Doc) -> Doc:
        if not doc._.lawgov_views:
            return doc
        index: TextIndex | None = doc._.lawgov_index
        if index is not None:
            set_sentences(doc, index)
        report: Report | None = doc._.report
        if report is not None:
            doc.spans[SPANS_KEY] = quantity_spans(doc, report.records)
        return doc


@Language.factory("lawgov_doc_view", default_config={},
                  requires=["doc._.lawgov_index", "doc._.report"],
                  assigns=["token.is_sent_start", "doc.spans"])
def make_doc_view(nlp: Language, name: str) -> DocView:
    return named(DocView(), name)


register_span_extensions()
