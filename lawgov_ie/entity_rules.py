"""Match entity patterns on a Doc: phrases and regexes on its characters, tokens with spaCy."""

from __future__ import annotations

from collections.abc import Sequence

import regex
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .doc_data import EntityInfo
from .pattern_files import PatternSet
from .pattern_kinds.entities import EntityPattern


class EntityRules:
    def __init__(self, patterns: Sequence[EntityPattern], vocab: Vocab) -> None:
        self.regexes: list[tuple[str, regex.Pattern[str]]] = []
        self.matcher = Matcher(vocab)
        phrases: dict[str, list[str]] = {}
        for pattern in patterns:
            if pattern.regex is not None:
                self.regexes.append((pattern.label, regex.compile(pattern.regex)))
            elif pattern.phrase is not None:
                phrases.setdefault(pattern.label, []).append(regex.escape(pattern.phrase))
            elif pattern.tokens is not None:
                self.matcher.add(pattern.label + "\t" + pattern.id, [pattern.tokens])
        for label, words in phrases.items():
            self.regexes.append((label, regex.compile("|".join(sorted(words, key=len,
                                                                      reverse=True)))))

    @classmethod
    def from_patterns(cls, patterns: PatternSet, vocab: Vocab) -> EntityRules:
        return cls(patterns.of("entity", EntityPattern), vocab)

    def find(self, doc: Doc) -> list[EntityInfo]:
        text = doc.text
        found = [EntityInfo(label, m.start(), m.end(), m.group())
                 for label, pattern in self.regexes for m in pattern.finditer(text)]
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id].split("\t", 1)[0]
            span = doc[start:end]
            found.append(EntityInfo(label, span.start_char, span.end_char, span.text))
        return _longest_first(found)


def _longest_first(found: list[EntityInfo]) -> list[EntityInfo]:
    """Non-overlapping entities, longer ones winning, in text order."""
    chosen: list[EntityInfo] = []
    taken: set[int] = set()
    for entity in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if entity.end > entity.start and not taken.intersection(range(entity.start, entity.end)):
            chosen.append(entity)
            taken.update(range(entity.start, entity.end))
    return sorted(chosen, key=lambda e: e.start)
