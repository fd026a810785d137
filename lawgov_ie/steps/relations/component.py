"""Component ``lawgov_relations``: breakdowns, rates, consistency checks and periods."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.relations.reader import RelationFinder


class Relations:
    def __init__(self, patterns: list[str]) -> None:
        self.finder = RelationFinder.from_patterns(load_patterns(patterns))

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.lawgov_meta
        year = meta.year if meta is not None else None
        self.finder.relate(doc.text, doc._.lawgov_records or [], year)
        return doc


@Language.factory("lawgov_relations", default_config={"patterns": []})
def make_relations(nlp: Language, name: str, patterns: list[str]) -> Relations:
    return Relations(patterns)
