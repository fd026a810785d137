"""Component ``lawgov_sections``: headings (一、 （一） 1.) and the sections they open, and the
document's :class:`~lawgov_ie.text.index.TextIndex` (sentences, clauses, section paths)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.doc_data import SectionInfo
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.saved import PatternComponent
from lawgov_ie.stages import named
from lawgov_ie.steps.sections.reader import SectionReader
from lawgov_ie.text.index import TextIndex


class SectionDetector(PatternComponent):
    def build(self, patterns: PatternSet) -> None:
        self.reader = SectionReader.from_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        sections: list[SectionInfo] = self.reader.read(doc.text)
        doc._.lawgov_sections = sections
        doc._.lawgov_index = TextIndex(doc.text, sections)
        if not doc._.lawgov_views:
            return doc
        spans = [doc.char_span(s.start, s.title_end, label=f"H{s.level}", alignment_mode="expand")
                 for s in sections]
        doc.spans["sections"] = [span for span in spans if span is not None]
        return doc


@Language.factory("lawgov_sections", default_config={"patterns": []},
                  requires=[],
                  assigns=["doc._.lawgov_sections", "doc._.lawgov_index", "doc.spans"])
def make_sections(nlp: Language, name: str, patterns: list[str]) -> SectionDetector:
    return named(SectionDetector(patterns), name)
