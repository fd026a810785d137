"""What the components leave on a ``Doc``: plain data under ``doc._``, char offsets into doc.text.

Components talk to each other only through these attributes:

- ``doc._.lawgov_year_hint`` / ``doc._.lawgov_source``: what the caller knows (set before the run);
- ``doc._.lawgov_original``: the caller's text when the tokenizer converted it (traditional script
  → simplified, same length: lawgov_ie.text.script); ``None`` when ``doc.text`` is the caller's;
- ``doc._.lawgov_sections``: :class:`SectionInfo` list (sections component);
- ``doc._.lawgov_index``: the document's :class:`lawgov_ie.text.index.TextIndex` (sections
  component): sentences, clauses, scope ends and section paths, built once;
- ``doc._.lawgov_entities``: :class:`EntityInfo` list (entity ruler; ``doc.ents`` too);
- ``doc._.lawgov_meta``: :class:`lawgov_ie.models.DocumentMeta` (document facts component);
- ``doc._.lawgov_records``: :class:`RecordDraft` list (quantities; later components fill fields);
- ``doc._.report``: the finished :class:`lawgov_ie.models.Report` (report component);
- ``doc._.lawgov_views``: whether the components also set spaCy's own views of their findings
  (``doc.ents``, ``doc.spans``, sentence starts). True for ``nlp(text)``; ``extract()`` reads a
  Doc for its report only (:func:`lawgov_ie.text.tokenizer.reading_doc`) and sets it False.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from lawgov_ie.doc_serialization import register_msgpack_types
from lawgov_ie.models import Check, RelationEvidence


@dataclass
class SectionInfo:
    title: str
    level: int
    kind: str  # achievement / problem / plan / other
    heading_kind: str  # as kind, with duties kept apart
    start: int  # heading start
    end: int  # body end
    title_end: int  # end of the heading line


@dataclass
class EntityInfo:
    label: str
    start: int
    end: int
    text: str


@dataclass
class RecordDraft:
    """A record while the pipeline works on it; each component fills its own fields."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    qualifier: str
    implicit: bool = False
    # labels component
    label: str = ""
    label_start: int | None = None
    label_end: int | None = None
    # indicators component
    indicator: str | None = None
    indicator_source: str | None = None  # label / clause / total / rate / sentence / section
    # relations component
    part_of: int | None = None  # index into doc._.lawgov_records
    rate_of: tuple[int, int] | None = None
    checks: list[Check] = field(default_factory=list)
    period: int | None = None
    evidence: list[RelationEvidence] = field(default_factory=list)  # one per link


_ATTRIBUTES: dict[str, object] = {
    "lawgov_year_hint": None,
    "lawgov_source": None,
    "lawgov_original": None,
    "lawgov_sections": None,
    "lawgov_index": None,
    "lawgov_entities": None,
    "lawgov_meta": None,
    "lawgov_records": None,
    "report": None,
    "lawgov_views": True,
}


def register_extensions() -> None:
    """Register the ``doc._`` attributes once (idempotent)."""
    for name, default in _ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
register_msgpack_types()  # docs with these attributes can cross processes (nlp.pipe n_process>1)
