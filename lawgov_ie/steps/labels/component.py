"""Component ``lawgov_labels``: what each record counts, copied from its sentence.

A quantity that carries several labels (办结率、满意率均为100%) becomes several records: the
extra ones are copies of its draft, appended to ``doc._.lawgov_records``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.saved import PatternComponent
from lawgov_ie.stages import named
from lawgov_ie.steps.labels.reader import LabelReader


class Labeller(PatternComponent):
    def build(self, patterns: PatternSet) -> None:
        self.reader = LabelReader.from_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        records = doc._.lawgov_records or []
        names = {e.start: e.end for e in doc._.lawgov_entities or []
                 if e.label in ("GPE", "ORG")}
        extra = self.reader.label_all(doc.text, records, doc._.lawgov_index, names)
        doc._.lawgov_records = [*records, *extra]
        return doc


@Language.factory("lawgov_labels", default_config={"patterns": []},
                  requires=["doc._.lawgov_records", "doc._.lawgov_index", "doc._.lawgov_entities"],
                  assigns=["doc._.lawgov_records"])
def make_labels(nlp: Language, name: str, patterns: list[str]) -> Labeller:
    return named(Labeller(patterns), name)
