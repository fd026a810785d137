"""Component ``lawgov_indicators``: the canonical indicator of each record and how it was decided,
from patterns (runs after the relations step: a part inherits its total's indicator, a rate its
counts')."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.saved import PatternComponent
from lawgov_ie.stages import named
from lawgov_ie.steps.indicators.reader import IndicatorRules
from lawgov_ie.text.index import TextIndex


class IndicatorTagger(PatternComponent):
    def build(self, patterns: PatternSet) -> None:
        self.rules = IndicatorRules.from_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.lawgov_index
        if index is None:
            index = TextIndex(doc.text, doc._.lawgov_sections or [])
        self.rules.assign(doc._.lawgov_records or [], index)
        return doc


@Language.factory("lawgov_indicators", default_config={"patterns": []},
                  requires=["doc._.lawgov_records", "doc._.lawgov_index"],
                  assigns=["doc._.lawgov_records"])
def make_indicators(nlp: Language, name: str, patterns: list[str]) -> IndicatorTagger:
    return named(IndicatorTagger(patterns), name)
