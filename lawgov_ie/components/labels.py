"""Component ``lawgov_labels``: what each record counts, copied from its sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..label_reader import LabelReader
from ..pattern_files import load_patterns


class Labeller:
    def __init__(self, patterns: list[str]) -> None:
        self.reader = LabelReader.from_patterns(load_patterns(patterns))

    def __call__(self, doc: Doc) -> Doc:
        self.reader.label_all(doc.text, doc._.lawgov_records or [])
        return doc


@Language.factory("lawgov_labels", default_config={"patterns": []})
def make_labels(nlp: Language, name: str, patterns: list[str]) -> Labeller:
    return Labeller(patterns)
