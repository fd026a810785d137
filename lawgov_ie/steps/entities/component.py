"""Component ``lawgov_entities``: an entity ruler driven by ``entity`` patterns.

Its ``tokens`` rules run only on real words: with the char segmenter (one character a token)
they are left out."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.doc_view import set_entities
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.saved import PatternComponent
from lawgov_ie.stages import named
from lawgov_ie.steps.entities.known_places import KnownPlaces
from lawgov_ie.steps.entities.places import find_gpes
from lawgov_ie.steps.entities.reader import EntityRules, longest_first
from lawgov_ie.text.gazetteer import gazetteer


class EntityRuler(PatternComponent):
    def __init__(self, nlp: Language, patterns: list[str]) -> None:
        self.vocab = nlp.vocab
        self.words = str(getattr(nlp.tokenizer, "segmenter", "pkuseg")) != "char"
        self.places = gazetteer()  # GPE: places.py (loaded once a process, here at load())
        super().__init__(patterns)

    def build(self, patterns: PatternSet) -> None:
        self.rules = EntityRules.from_patterns(patterns, self.vocab, token_rules=self.words)
        # the ORG grammar's place chain knows the gazetteer's places and the document's GPEs
        self.known = KnownPlaces(self.places, self.rules.orgs.stops)

    def __call__(self, doc: Doc) -> Doc:
        hits = list(self.places.hits(doc.text))  # the gazetteer's names, found once
        gpes = find_gpes(doc.text, self.places, hits)
        known = self.known.for_text(doc.text, gpes, hits)  # this document's own place link
        found = longest_first([*self.rules.find(doc, known), *gpes])
        doc._.lawgov_entities = found
        if not doc._.lawgov_views:
            return doc
        set_entities(doc, [(e.start, e.end, e.label) for e in found])
        return doc


@Language.factory("lawgov_entities", default_config={"patterns": []},
                  requires=[],
                  assigns=["doc._.lawgov_entities", "doc.ents"])
def make_entities(nlp: Language, name: str, patterns: list[str]) -> EntityRuler:
    return named(EntityRuler(nlp, patterns), name)
