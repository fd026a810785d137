"""Component ``lawgov_indicators``: the canonical indicator of each record and how it was decided,
from patterns (runs after the relations step: a part inherits its total's indicator, a rate its
counts')."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.indicators.reader import IndicatorRules
from lawgov_ie.text.index import TextIndex


class IndicatorTagger:
    def __init__(self, patterns: list[str]) -> None:
        self.rules = IndicatorRules.from_patterns(load_patterns(patterns))

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.lawgov_index
        if index is None:
            index = TextIndex(doc.text, doc._.lawgov_sections or [])
        self.rules.assign(doc._.lawgov_records or [], index)
        return doc


@Language.factory("lawgov_indicators", default_config={"patterns": []})
def make_indicators(nlp: Language, name: str, patterns: list[str]) -> IndicatorTagger:
    return IndicatorTagger(patterns)
