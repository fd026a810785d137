"""Link records: breakdowns (part_of), rates (rate_of), consistency checks, periods."""

from __future__ import annotations

from collections.abc import Sequence

from .doc_data import RecordDraft
from .pattern_files import PatternSet


class RelationFinder:
    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> RelationFinder:
        return cls()

    def relate(self, text: str, records: Sequence[RecordDraft], year: int | None) -> None:
        for record in records:
            record.period = year
