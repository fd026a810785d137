"""Match entity patterns on a Doc: phrases and regexes on its characters, tokens with spaCy.

Every rule lives in the ``entity`` patterns (patterns/entities.jsonl): closed classes as phrases
(县委, 司法所), open classes as regexes on the characters (X律师事务所, 《…》, dates, 文号) or as
spaCy token patterns over pkuseg words (a post next to a name: 乡长谢晓锋, 李雪萍律师; a word
that is a place name: 英林镇, 西埔村). ``entity_trim`` words cut a regex match that starts a few
characters early (聘请福建铭群律师事务所 → 福建铭群律师事务所). Where matches overlap, the longer
one wins. Offsets are into ``doc.text``, the caller's text.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .doc_data import EntityInfo
from .pattern_files import PatternSet
from .pattern_kinds.entities import EntityPattern, EntityTrimPattern


@dataclass(frozen=True)
class _RegexRule:
    label: str
    pattern: regex.Pattern[str]
    trim: regex.Pattern[str] | None  # words after which a match may be cut


class EntityRules:
    def __init__(self, patterns: Sequence[EntityPattern], vocab: Vocab,
                 trims: Sequence[EntityTrimPattern] = ()) -> None:
        trim_words: dict[str, set[str]] = {}
        for trim in trims:
            for label in trim.labels:
                trim_words.setdefault(label, set()).update(w for w in trim.words if w)
        trim_patterns = {label: regex.compile("|".join(regex.escape(w) for w in
                                                       sorted(words, key=len, reverse=True)))
                         for label, words in trim_words.items()}
        self.regexes: list[_RegexRule] = []
        self.matcher = Matcher(vocab)
        self.has_token_rules = False
        phrases: dict[str, list[str]] = {}
        for pattern in patterns:
            if pattern.regex is not None:
                self.regexes.append(_RegexRule(pattern.label, regex.compile(pattern.regex),
                                               trim_patterns.get(pattern.label)))
            elif pattern.phrase is not None:
                phrases.setdefault(pattern.label, []).append(regex.escape(pattern.phrase))
            elif pattern.tokens is not None:
                self.matcher.add(pattern.label + "\t" + pattern.id, [pattern.tokens])
                self.has_token_rules = True
        for label, words in phrases.items():
            self.regexes.append(_RegexRule(label, regex.compile(
                "|".join(sorted(words, key=len, reverse=True))), None))

    @classmethod
    def from_patterns(cls, patterns: PatternSet, vocab: Vocab) -> EntityRules:
        return cls(patterns.of("entity", EntityPattern), vocab,
                   patterns.of("entity_trim", EntityTrimPattern))

    def find_in_text(self, text: str, word_starts: bytes | None = None) -> list[EntityInfo]:
        """The phrase and regex matches (no token rules): usable without a Doc.

        ``word_starts[i]`` says whether a word starts at character ``i``; without it every
        character may start one."""
        found = []
        for rule in self.regexes:
            for match in rule.pattern.finditer(text):
                start = _trimmed_start(rule, text, match.start(), match.end(), word_starts)
                if start is not None and match.end() > start:
                    found.append(EntityInfo(rule.label, start, match.end(),
                                            text[start:match.end()]))
        return found

    def find(self, doc: Doc) -> list[EntityInfo]:
        text = doc.text
        word_starts = bytearray(len(text) + 1)
        for token in doc:
            word_starts[token.idx] = 1
        found = self.find_in_text(text, bytes(word_starts))
        if self.has_token_rules:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                matches = self.matcher(doc)
            for match_id, start, end in matches:
                label = doc.vocab.strings[match_id].split("\t", 1)[0]
                span = doc[start:end]
                found.append(EntityInfo(label, span.start_char, span.end_char, span.text))
        return longest_first(found)


def _trimmed_start(rule: _RegexRule, text: str, start: int, end: int,
                   word_starts: bytes | None) -> int | None:
    """Where an open-class match really starts: right after the last trim word in it that ends
    where a word starts (so 和 in 和平镇 is no cut) and leaves a match of the rule; ``None`` when
    no cut leaves one (a shorter rule, such as a phrase, may still find the name)."""
    if rule.trim is None:
        return start

    def word_start(at: int) -> bool:
        return word_starts is None or bool(word_starts[at])

    cuts = sorted({m.end() for m in rule.trim.finditer(text, start, end, overlapped=True)
                   if m.end() < end and word_start(m.end())}, reverse=True)
    for cut in cuts:
        if rule.pattern.fullmatch(text, cut, end):
            return cut
    if cuts:
        return None
    if word_start(start):
        return start
    for at in range(start + 1, end):
        if word_start(at) and rule.pattern.fullmatch(text, at, end):
            return at
    return None


def longest_first(found: list[EntityInfo]) -> list[EntityInfo]:
    """Non-overlapping entities, longer ones winning (then earlier ones), in text order."""
    chosen: list[EntityInfo] = []
    taken = bytearray(max((e.end for e in found), default=0))
    for entity in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if entity.end > entity.start and not any(taken[entity.start:entity.end]):
            chosen.append(entity)
            taken[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
    return sorted(chosen, key=lambda e: e.start)
