"""Match entity rules on a text: phrases, regexes and the ORG and PERSON grammar
(grammar.py), all on the characters, so every segmenter gives the same entities.

The rules live in patterns/entities.jsonl: ``entity`` lines (phrases and regexes: 《…》, 文号,
dates, laws cited without brackets), ``org_words`` and ``person_words`` (the grammar's words) and
``entity_trim`` (words that never begin a name; they also cut a regex match that starts a few
characters early: 聘请福建铭群律师事务所 → 福建铭群律师事务所). Where matches overlap, the longer
one wins. Offsets are into the caller's text. A user's ``tokens`` rule (a spaCy Matcher pattern)
still runs on pkuseg words, and only there: it is the one kind that depends on segmentation.

An open-class regex with an ``anchor`` is tried only in windows around the anchor's hits (the
suffix words: 律师事务所, 人民政府), not at every character: docs/performance.md.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from lawgov_ie.doc_data import EntityInfo
from lawgov_ie.rules.budget import compile_rule
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.steps.entities.entities_patterns import (
    EntityPattern,
    EntityTrimPattern,
    OrgWordsPattern,
    PersonWordsPattern,
)
from lawgov_ie.steps.entities.grammar import (
    Literals,
    OrgGrammar,
    PersonGrammar,
    PlaceChain,
    SharedScan,
    alternation,
    stop_words,
)


@dataclass(frozen=True)
class _RegexRule:
    label: str
    pattern: regex.Pattern[str] | re.Pattern[str]
    trim: regex.Pattern[str] | None  # words after which a match may be cut
    anchor: regex.Pattern[str] | re.Pattern[str] | None = None  # every match contains a hit
    before: int = 0  # with anchor: how far before a hit a match may start …
    after: int = 0  # … and how far after it a match may reach

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        return (match.span() for match in self.finditer(text))

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The rule's matches in ``text``: everywhere, or only around its anchor's hits."""
        if self.anchor is None:
            yield from self.pattern.finditer(text)
            return
        last = 0  # where the last match ended: matches never overlap, as in a full scan
        for low, high in _windows(self.anchor, text, self.before, self.after):
            low = max(low, last)
            if low >= high:
                continue
            found = self._in_window(text, low, high, last)
            yield from found
            if found:
                last = found[-1].end()

    def _in_window(self, text: str, low: int, high: int, last: int) -> list[regex.Match[str]]:
        """The matches between ``low`` and ``high``, the window widened while a match touches
        an edge it could cross (so ``before`` and ``after`` are guesses, not limits)."""
        while True:
            found = list(self.pattern.finditer(text, low, high))
            widen_low = bool(found) and found[0].start() == low and low > last
            widen_high = bool(found) and found[-1].end() == high and high < len(text)
            if not (widen_low or widen_high):
                return found
            if widen_low:
                low = max(last, low - max(self.before, 1))
            if widen_high:
                high = min(len(text), high + max(self.after, 1))


@dataclass(frozen=True)
class _PhraseRule:
    """Literal phrases of one label, found where a scan of their alternation (longest first)
    finds them: leftmost first, the longest at a place, none overlapping (one automaton)."""

    label: str
    phrases: Literals
    trim: None = None  # phrases are never cut
    anchor: None = None

    @classmethod
    def of(cls, label: str, phrases: Sequence[str],
           shared: SharedScan | None = None) -> _PhraseRule:
        return cls(label, Literals(phrases, shared))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the phrases stand: leftmost first, the longest at a place, none overlapping."""
        return self.phrases.spans(text)


def _windows(anchor: regex.Pattern[str] | re.Pattern[str], text: str, before: int,
             after: int) -> Iterator[tuple[int, int]]:
    """Spans from ``before`` characters before each hit of ``anchor`` to ``after`` after it,
    overlapping ones merged, in text order."""
    low = high = -1
    for hit in anchor.finditer(text):
        start, end = max(0, hit.start() - before), min(len(text), hit.end() + after)
        if start <= high:
            high = max(high, end)
            continue
        if high >= 0:
            yield low, high
        low, high = start, end
    if high >= 0:
        yield low, high


class EntityRules:
    def __init__(self, patterns: Sequence[EntityPattern], vocab: Vocab,
                 trims: Sequence[EntityTrimPattern] = (), token_rules: bool = True,
                 org_words: Sequence[OrgWordsPattern] = (),
                 person_words: Sequence[PersonWordsPattern] = (),
                 place_chain: PlaceChain | None = None) -> None:
        """``token_rules=False`` leaves out the ``tokens`` rules (they are about words, and the
        char segmenter makes none); ``place_chain`` finds the place names before an ORG's body
        (a gazetteer's; :meth:`OrgGrammar.place_chain_start`)."""
        stops = stop_words(trims)
        shared = SharedScan()  # one pass over a text for the grammar's words and the phrases
        self.orgs = OrgGrammar(org_words, stops, place_chain, shared)
        self.persons = PersonGrammar(person_words, stops, shared)
        trim_words: dict[str, set[str]] = {}
        for trim in trims:
            for label in trim.labels:
                trim_words.setdefault(label, set()).update(w for w in trim.words if w)
        trim_patterns = {label: regex.compile(alternation(words))
                         for label, words in trim_words.items()}
        self.regexes: list[_RegexRule | _PhraseRule] = []
        self.matcher = Matcher(vocab)
        self.has_token_rules = False
        phrases: dict[str, list[str]] = {}
        for pattern in patterns:
            if pattern.regex is not None:
                name = f"entity {pattern.id!r}"
                anchor = (compile_rule(pattern.anchor, name) if pattern.anchor is not None
                          else None)
                self.regexes.append(_RegexRule(pattern.label, compile_rule(pattern.regex, name),
                                               trim_patterns.get(pattern.label), anchor,
                                               pattern.before, pattern.after))
            elif pattern.phrase is not None:
                phrases.setdefault(pattern.label, []).append(pattern.phrase)
            elif pattern.tokens is not None and token_rules:
                self.matcher.add(pattern.label + "\t" + pattern.id, [pattern.tokens])
                self.has_token_rules = True
        for label, words in phrases.items():
            self.regexes.append(_PhraseRule.of(label, words, shared))

    @classmethod
    def from_patterns(cls, patterns: PatternSet, vocab: Vocab, token_rules: bool = True,
                      place_chain: PlaceChain | None = None) -> EntityRules:
        return cls(patterns.of("entity", EntityPattern), vocab,
                   patterns.of("entity_trim", EntityTrimPattern), token_rules,
                   patterns.of("org_words", OrgWordsPattern),
                   patterns.of("person_words", PersonWordsPattern), place_chain)

    def find_in_text(self, text: str,
                     place_chain: PlaceChain | None = None) -> list[EntityInfo]:
        """The phrase, regex and grammar matches (no token rules), overlaps not yet resolved:
        usable without a Doc, and the same whatever the segmenter. ``place_chain``, when given,
        is this text's own place link for the ORG grammar (instead of the one it was built
        with), so nothing of one text is kept for the next."""
        orgs = self.orgs if place_chain is None else self.orgs.with_place_chain(place_chain)
        found = []
        for rule in self.regexes:
            label = rule.label
            for start, end in rule.spans(text):
                if isinstance(rule, _RegexRule) and rule.trim is not None:
                    cut = _trimmed_start(rule.trim, rule.pattern, text, start, end)
                    if cut is None:
                        continue
                    start = cut
                if end > start:
                    found.append(EntityInfo(label, start, end, text[start:end]))
        found.extend(orgs.find(text))
        found.extend(self.persons.find(text))
        return found

    def find(self, doc: Doc, place_chain: PlaceChain | None = None) -> list[EntityInfo]:
        found = self.find_in_text(doc.text, place_chain)
        if self.has_token_rules:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                matches = self.matcher(doc)
            for match_id, start, end in matches:
                label = doc.vocab.strings[match_id].split("\t", 1)[0]
                span = doc[start:end]
                found.append(EntityInfo(label, span.start_char, span.end_char, span.text))
        return longest_first(found)


def _trimmed_start(trim: regex.Pattern[str], pattern: regex.Pattern[str] | re.Pattern[str],
                   text: str, start: int, end: int) -> int | None:
    """Where an open-class match really starts: right after the last trim word in it that
    leaves a match of the rule (so 和 in 和平镇人民政府 is no cut: 平镇人民政府 is too short a
    name); ``None`` when no cut leaves one (a shorter rule, such as a phrase, may still find the
    name)."""
    cuts = sorted({m.end() for m in trim.finditer(text, start, end, overlapped=True)
                   if m.end() < end}, reverse=True)
    for cut in cuts:
        if pattern.fullmatch(text, cut, end):
            return cut
    return None if cuts else start


def longest_first(found: list[EntityInfo]) -> list[EntityInfo]:
    """Non-overlapping entities, longer ones winning (then earlier ones), in text order."""
    chosen: list[EntityInfo] = []
    taken = bytearray(max((e.end for e in found), default=0))
    for entity in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if entity.end > entity.start and taken.find(1, entity.start, entity.end) < 0:
            chosen.append(entity)
            taken[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
    return sorted(chosen, key=lambda e: e.start)
