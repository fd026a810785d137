"""Periods: the year a figure is about (``period``).

The report's year, unless the words before the number in its sentence say otherwise; the last
one wins: 2022年 → 2022; 上年/去年 → year − 1 (not after 较/比/同比: a comparison leaves the
figure in the report year); 近三年, 历年 → None; 2021年以来 → None when 2021 is before the
report year, the report year otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.steps.relations.relations_patterns import RelationCuePattern, alternation
from lawgov_ie.text.index import TextIndex

_MAX_SENTENCE = 400  # how far back a sentence is read for its time words
YEAR = regex.compile(
    r"(?<![0-9０-９—\-－~～/])(?P<year>(?:19|20)[0-9]{2})\s*年(?P<since>以来|来)?(?![0-9—\-－~～])")


class Periods:
    """The period rules of one pattern set (stateless)."""

    def __init__(self, cues: Sequence[RelationCuePattern]) -> None:
        self.previous = alternation(cues, "period_previous")
        self.span = alternation(cues, "period_span")
        self.not_moving = alternation(cues, "period_not")

    def period_of(self, index: TextIndex, record: RecordDraft, year: int | None) -> int | None:
        """The year ``record`` is about: the last time word before it in its sentence decides."""
        begin = index.sentence_bounds(record.start)[0]
        start = max(begin, record.start - _MAX_SENTENCE)
        window = index.text[start:record.start]
        found: list[tuple[int, int | None]] = []  # (position, period)
        not_spans = ([m.span() for m in self.not_moving.finditer(window)]
                     if self.not_moving else [])

        def negated(at: int) -> bool:
            return any(a <= at < b for a, b in not_spans)

        for match in YEAR.finditer(window):
            written = int(match.group("year"))
            if match.group("since"):
                found.append((match.start(), year if year == written else None))
            else:
                found.append((match.start(), written))
        if self.previous is not None and year is not None:
            for match in self.previous.finditer(window):
                if not negated(match.start()):
                    found.append((match.start(), year - 1))
        if self.span is not None:
            for match in self.span.finditer(window):
                found.append((match.start(), None))
        if not found:
            return year
        return max(found, key=lambda item: item[0])[1]
