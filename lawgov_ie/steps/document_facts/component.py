"""Component ``lawgov_document_facts``: title, issuer, place, year, date, 文号 … of the report."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.stages import StagedPipe, named
from lawgov_ie.steps.document_facts.reader import MetaReader


class DocumentFacts(StagedPipe):
    def __init__(self) -> None:
        self.reader = MetaReader()

    def __call__(self, doc: Doc) -> Doc:
        meta = self.reader.read(doc.text, doc._.lawgov_entities or [], doc._.lawgov_sections or [])
        if doc._.lawgov_year_hint is not None:
            meta.year = doc._.lawgov_year_hint
        meta.source = doc._.lawgov_source
        doc._.lawgov_meta = meta
        return doc


@Language.factory("lawgov_document_facts", default_config={},
                  requires=["doc._.lawgov_entities", "doc._.lawgov_sections"],
                  assigns=["doc._.lawgov_meta"])
def make_document_facts(nlp: Language, name: str) -> DocumentFacts:
    return named(DocumentFacts(), name)
