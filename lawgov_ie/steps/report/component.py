"""Component ``lawgov_report``: assemble ``doc._.report`` from what the other components left."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.stages import StagedPipe, named
from lawgov_ie.steps.report.builder import build_report


class ReportAssembler(StagedPipe):
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # (each doc._ makes an object)
        ext.report = build_report(
            doc.text,
            meta=ext.lawgov_meta,
            records=ext.lawgov_records or [],
            entities=ext.lawgov_entities or [],
            sections=ext.lawgov_sections or [],
            text_index=ext.lawgov_index,
            original=ext.lawgov_original,
        )
        return doc


@Language.factory("lawgov_report", default_config={},
                  requires=["doc._.lawgov_meta", "doc._.lawgov_records", "doc._.lawgov_entities",
                            "doc._.lawgov_sections", "doc._.lawgov_index"],
                  assigns=["doc._.report"])
def make_report(nlp: Language, name: str) -> ReportAssembler:
    return named(ReportAssembler(), name)
