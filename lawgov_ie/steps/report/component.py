"""Component ``lawgov_report``: assemble ``doc._.report`` from what the other components left."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.steps.report.builder import build_report


class ReportAssembler:
    def __call__(self, doc: Doc) -> Doc:
        doc._.report = build_report(
            doc.text,
            meta=doc._.lawgov_meta,
            records=doc._.lawgov_records or [],
            entities=doc._.lawgov_entities or [],
            sections=doc._.lawgov_sections or [],
            text_index=doc._.lawgov_index,
            original=doc._.lawgov_original,
        )
        return doc


@Language.factory("lawgov_report", default_config={},
                  requires=["doc._.lawgov_meta", "doc._.lawgov_records", "doc._.lawgov_entities",
                            "doc._.lawgov_sections", "doc._.lawgov_index"],
                  assigns=["doc._.report"])
def make_report(nlp: Language, name: str) -> ReportAssembler:
    return ReportAssembler()
