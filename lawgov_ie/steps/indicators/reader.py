"""Decide the indicator id of a record from its label, unit, kind and context (pure Python).

Each ``indicator`` pattern line is one way to reach an indicator: label triggers and excludes,
accepted units and kinds, and optionally words that must stand in the clause or sentence around
the number. All lines that fit are candidates; the highest priority wins, and a line whose
``sections`` match the title of a heading above the record gets a bonus. So 讲座 under 普法 is a
publicity event while 讲座 among leaders' study is a training session, and 办结率 is a mediation
success rate only where the sentence is about disputes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from lawgov_ie.doc_data import RecordDraft, SectionInfo
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.steps.indicators.indicators_patterns import IndicatorPattern
from lawgov_ie.text.index import SectionPaths

_SECTION_BONUS = 5
_MAX_CONTEXT = 300  # characters read on each side of a number for its clause and sentence
_BARE_VERB = 2  # a label this short is a verb whose object is the figure before
_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")
_CLAUSE_END = regex.compile(r"[。！？!?；;\n，,：:]")


def _any(patterns: tuple[regex.Pattern[str], ...]) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns))


@dataclass(frozen=True)
class _Rule:
    id: str
    units: frozenset[str]
    kinds: frozenset[str]
    trigger: regex.Pattern[str]
    exclude: regex.Pattern[str] | None
    clause: regex.Pattern[str] | None
    sentence: regex.Pattern[str] | None
    sections: regex.Pattern[str] | None
    priority: int

    @classmethod
    def of(cls, pattern: IndicatorPattern) -> _Rule:
        def compiled(items: list[str]) -> regex.Pattern[str] | None:
            return _any(tuple(regex.compile(i) for i in items))

        trigger = compiled(pattern.triggers)
        assert trigger is not None  # the model requires one trigger at least
        return cls(pattern.assigns, frozenset(pattern.units), frozenset(pattern.kinds), trigger,
                   compiled(pattern.excludes), compiled(pattern.clause),
                   compiled(pattern.sentence), compiled(pattern.sections), pattern.priority)


@dataclass(frozen=True)
class Context:
    """What around a record may decide its indicator."""

    clause: str = ""
    sentence: str = ""
    sections: tuple[str, ...] = ()


def _around(text: str, start: int, end: int, stop: regex.Pattern[str]) -> str:
    floor = max(0, start - _MAX_CONTEXT)
    before = _reversed(stop).search(text, floor, start)  # the last stop before the number
    begin = before.end() if before else floor
    found = stop.search(text, end, min(len(text), end + _MAX_CONTEXT))
    return text[begin:found.start() if found else min(len(text), end + _MAX_CONTEXT)]


@lru_cache(maxsize=8)
def _reversed(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """The same pattern searching backwards (the regex module's REVERSE flag)."""
    return regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)


class IndicatorRules:
    def __init__(self, indicators: Sequence[IndicatorPattern]) -> None:
        self.rules = [_Rule.of(i) for i in indicators]

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> IndicatorRules:
        return cls(patterns.of("indicator", IndicatorPattern))

    def indicator_of(self, record: RecordDraft, context: Context | None = None) -> str | None:
        """The id of the best fitting line, or None when no line fits."""
        context = context or Context()
        best: tuple[int, str] | None = None
        label = record.label
        for rule in self.rules:
            if rule.units and record.unit not in rule.units:
                continue
            if rule.kinds and record.kind not in rule.kinds:
                continue
            if not rule.trigger.search(label):
                continue
            if rule.exclude is not None and rule.exclude.search(label):
                continue
            if rule.clause is not None and not rule.clause.search(context.clause):
                continue
            if rule.sentence is not None and not rule.sentence.search(context.sentence):
                continue
            score = rule.priority
            if rule.sections is not None and any(rule.sections.search(t) for t in context.sections):
                score += _SECTION_BONUS
            if best is None or score > best[0]:
                best = (score, rule.id)
        return best[1] if best else None

    def assign(self, text: str, records: Sequence[RecordDraft],
               sections: Sequence[SectionInfo]) -> None:
        """Set every record's indicator. A record whose label is a bare verb (受理复议案件45件，
        审结42件) takes the indicator of the figure before it in its sentence, same unit."""
        previous: tuple[RecordDraft, str] | None = None
        paths = SectionPaths(sections)
        for record in sorted(records, key=lambda r: (r.start, r.end)):
            sentence = _around(text, record.start, record.end, _SENTENCE_END)
            context = Context(
                clause=_around(text, record.start, record.end, _CLAUSE_END),
                sentence=sentence,
                sections=tuple(s.title for s in paths.at(record.start)),
            )
            record.indicator = self.indicator_of(record, context)
            if record.indicator is None and len(record.label) <= _BARE_VERB and previous \
                    and previous[1] == sentence and previous[0].unit == record.unit:
                record.indicator = previous[0].indicator
            previous = (record, sentence)
        inherit_from_totals(records)


def inherit_from_totals(records: Sequence[RecordDraft]) -> None:
    """A part of a breakdown (``part_of``, set by the relations step) with no indicator of its
    own takes its total's, through nested breakdowns."""

    def of(index: int, seen: frozenset[int]) -> str | None:
        record = records[index]
        if record.indicator is not None or record.part_of is None or index in seen:
            return record.indicator
        return of(record.part_of, seen | {index})

    for index, record in enumerate(records):
        if record.indicator is None and record.part_of is not None:
            record.indicator = of(record.part_of, frozenset({index}))
