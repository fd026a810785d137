"""Decide the indicator id of a record from its label, unit and section (pure Python)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .doc_data import RecordDraft, SectionInfo
from .pattern_files import PatternSet
from .pattern_kinds.indicators import IndicatorPattern


@dataclass(frozen=True)
class _Rule:
    id: str
    units: frozenset[str]
    triggers: tuple[regex.Pattern[str], ...]
    excludes: tuple[regex.Pattern[str], ...]
    priority: int


class IndicatorRules:
    def __init__(self, indicators: Sequence[IndicatorPattern]) -> None:
        self.rules = sorted(
            (_Rule(i.id, frozenset(i.units), tuple(regex.compile(t) for t in i.triggers),
                   tuple(regex.compile(e) for e in i.excludes), i.priority) for i in indicators),
            key=lambda rule: -rule.priority)

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> IndicatorRules:
        return cls(patterns.of("indicator", IndicatorPattern))

    def indicator_of(self, record: RecordDraft) -> str | None:
        for rule in self.rules:
            if rule.units and record.unit not in rule.units:
                continue
            if any(t.search(record.label) for t in rule.triggers) and not any(
                    e.search(record.label) for e in rule.excludes):
                return rule.id
        return None

    def assign(self, text: str, records: Sequence[RecordDraft],
               sections: Sequence[SectionInfo]) -> None:
        for record in records:
            record.indicator = self.indicator_of(record)
