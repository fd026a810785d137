"""Turn the pipeline's drafts into the public pydantic models (pure Python)."""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from lawgov_ie.doc_data import EntityInfo, RecordDraft, SectionInfo
from lawgov_ie.models import DocumentMeta, Entity, Record, Report, Section
from lawgov_ie.text.index import TextIndex


def build_report(text: str, *, meta: DocumentMeta | None, records: Sequence[RecordDraft],
                 entities: Sequence[EntityInfo], sections: Sequence[SectionInfo],
                 text_index: TextIndex | None = None, original: str | None = None) -> Report:
    """The public :class:`Report`; ``text_index`` is the document's text index (built here from
    ``text`` and ``sections`` when not given). ``original`` is the caller's text when ``text`` is
    its simplified-script copy (same length): spans' texts, sentences and labels are cut from it."""
    written = original if original is not None else text
    index_ = text_index if text_index is not None else TextIndex(text, sections)
    ordered = sorted(range(len(records)), key=lambda i: (records[i].start, records[i].end))
    # each record is numbered r1, r2 … in text order; its links name those numbers
    ids = {index: f"r{number}" for number, index in enumerate(ordered, start=1)}
    # The records, entities and sections are built without validating again what the steps
    # made (_built): every value has the type its field asks for (float() and bool() where a
    # step may give an int), the lists are new, the checks and evidence are models the steps
    # validated (tests/steps/report: the report equals its validated copy).
    out: list[Record] = []
    # A record's section path holds the sections from whose start to whose end (or heading
    # line's end, whichever is later) its start lies, so it is the same for every offset
    # between two such edges: the records, in text order, look it up again only when one
    # starts at or past the next edge.
    edges = sorted({edge for s in index_.sections for edge in (s.start, max(s.end, s.title_end))})
    heading: tuple[list[str], str] = ([], "other")  # titles and kind of the path
    until = -1  # where the path of the last look-up may change
    sentences: dict[tuple[int, int], str] = {}
    for index in ordered:
        draft = records[index]
        if draft.start >= until:
            path = index_.section_path(draft.start)
            heading = ([s.title for s in path], path[-1].kind if path else "other")
            at = bisect_right(edges, draft.start)
            until = edges[at] if at < len(edges) else sys.maxsize
        bounds = index_.sentence_bounds(draft.start, draft.end)  # (shared by its records)
        sentence = sentences.get(bounds)
        if sentence is None:
            sentence = sentences[bounds] = written[bounds[0]:bounds[1]].strip()
        part_of = ids.get(draft.part_of) if draft.part_of is not None else None
        rate_of = ([ids[i] for i in draft.rate_of]
                   if draft.rate_of and all(i in ids for i in draft.rate_of) else None)
        start, end = draft.start, draft.end
        out.append(_built(Record, {
            "id": ids[index], "value": float(draft.value), "unit": draft.unit,
            "kind": draft.kind, "qualifier": draft.qualifier,
            "label": draft.label if original is None else _as_written(draft, original),
            "indicator": draft.indicator, "indicator_source": draft.indicator_source,
            "text": draft.text if original is None else written[start:end],
            "start": start, "end": end, "implicit": bool(draft.implicit),
            "sentence": sentence, "section": list(heading[0]), "section_kind": heading[1],
            "period": draft.period, "part_of": part_of, "rate_of": rate_of,
            "checks": list(draft.checks),
            # evidence for a link the record does not have is left out (as renumber does)
            "relation_evidence": [e for e in draft.evidence if (
                part_of if e.link == "part_of" else rate_of) is not None] if draft.evidence
            else [],
        }))
    return Report(
        meta=_year_from_periods(meta or DocumentMeta(), records),
        records=out,
        entities=[_built(Entity, {
            "label": e.label, "text": e.text if original is None else written[e.start:e.end],
            "start": e.start, "end": e.end}) for e in entities],
        sections=[_built(Section, {
            "title": s.title if original is None else _title_as_written(s, text, written),
            "level": s.level, "kind": s.kind, "heading_kind": s.heading_kind,
            "start": s.start, "end": s.end}) for s in sections],
    )


_Model = TypeVar("_Model", Record, Entity, Section)


def _built(model: type[_Model], values: dict[str, Any]) -> _Model:
    """``model.model_construct(**values)`` for values of every field of ``model``, each of the
    type the field asks for: what pydantic's ``model_construct`` sets, without its loop over
    the fields in Python (which costs more than validating)."""
    made = model.__new__(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(values))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


_set = object.__setattr__  # (a model's own __setattr__ takes only its fields)


def _year_from_periods(meta: DocumentMeta, records: Sequence[RecordDraft]) -> DocumentMeta:
    """A report that names its year nowhere else covers the year most of its figures are about
    (the last of the most frequent, when two are as frequent)."""
    periods = Counter(r.period for r in records if r.period is not None)
    if meta.year is not None or not periods:
        return meta
    most = max(periods.values())
    year = max(period for period, count in periods.items() if count == most)
    return meta.model_copy(update={"year": year, "fact_sources": {
        **meta.fact_sources, "year": "period of the figures"}})


def _as_written(draft: RecordDraft, original: str | None) -> str:
    """The record's label in the caller's script, when the labels step said where it stands."""
    if original is not None and draft.label_start is not None and draft.label_end is not None and \
            len(draft.label) == draft.label_end - draft.label_start:
        return original[draft.label_start:draft.label_end]
    return draft.label


def _title_as_written(section: SectionInfo, text: str, written: str) -> str:
    if written is text:
        return section.title
    at = text.find(section.title, section.start, max(section.title_end, section.start)
                   + len(section.title))
    return written[at:at + len(section.title)] if at >= 0 else section.title


def renumber(records: Iterable[Record], ids: Mapping[str, str], shift: int = 0) -> list[Record]:
    """The records ``ids`` names, renamed by it, their offsets moved by ``shift``, in order.

    The one place record ids and offsets are remapped (building a report, joining the pieces of
    a long text, dropping a record): a link (``part_of``, ``rate_of``) to a record ``ids`` does
    not name is dropped, with its evidence, so no id points at a record not in the report."""
    out = []
    for record in records:
        if record.id not in ids:
            continue
        part_of = ids.get(record.part_of) if record.part_of is not None else None
        rate_of = ([ids[i] for i in record.rate_of]
                   if record.rate_of and all(i in ids for i in record.rate_of) else None)
        kept = {"part_of": part_of is not None, "rate_of": rate_of is not None}
        out.append(record.model_copy(update={
            "id": ids[record.id], "start": record.start + shift, "end": record.end + shift,
            "part_of": part_of, "rate_of": rate_of,
            "relation_evidence": [e for e in record.relation_evidence if kept[e.link]],
        }))
    return out
