"""Component ``lawgov_relations``: breakdowns, rates, consistency checks and periods."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.saved import PatternComponent
from lawgov_ie.stages import named
from lawgov_ie.steps.relations.reader import RelationFinder
from lawgov_ie.text.index import TextIndex


class Relations(PatternComponent):
    """Holds only the compiled patterns: nothing of one document is kept for the next."""

    def build(self, patterns: PatternSet) -> None:
        self.finder = RelationFinder(patterns)

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.lawgov_meta
        year = meta.year if meta is not None else None
        index = doc._.lawgov_index
        if index is None:  # run without the sections component
            index = TextIndex(doc.text, doc._.lawgov_sections or [])
        self.finder.relate(index, doc._.lawgov_records or [], year)
        return doc


@Language.factory("lawgov_relations", default_config={"patterns": []},
                  requires=["doc._.lawgov_records", "doc._.lawgov_meta", "doc._.lawgov_index"],
                  assigns=["doc._.lawgov_records"])
def make_relations(nlp: Language, name: str, patterns: list[str]) -> Relations:
    return named(Relations(patterns), name)
