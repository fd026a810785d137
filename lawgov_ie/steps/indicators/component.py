"""Component ``lawgov_indicators``: the canonical indicator of each record, from patterns."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.indicators.reader import IndicatorRules


class IndicatorTagger:
    def __init__(self, patterns: list[str]) -> None:
        self.rules = IndicatorRules.from_patterns(load_patterns(patterns))

    def __call__(self, doc: Doc) -> Doc:
        self.rules.assign(doc.text, doc._.lawgov_records or [], doc._.lawgov_sections or [])
        return doc


@Language.factory("lawgov_indicators", default_config={"patterns": []})
def make_indicators(nlp: Language, name: str, patterns: list[str]) -> IndicatorTagger:
    return IndicatorTagger(patterns)
