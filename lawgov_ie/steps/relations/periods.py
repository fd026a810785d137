"""Periods: the year a figure is about (``period``).

The report's year, unless the words before the number in its sentence say otherwise; the last
one wins: 2022年 → 2022; 上年/去年 → year − 1 (not after 较/比/同比: a comparison leaves the
figure in the report year); 近三年, 历年 → None; 2021年以来 → None when 2021 is before the
report year, the report year otherwise.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.screen import Spots, holds
from lawgov_ie.steps.relations.relations_patterns import RelationCuePattern, alternation
from lawgov_ie.text.index import TextIndex

_MAX_SENTENCE = 400  # how far back a sentence is read for its time words
YEAR = regex.compile(
    r"(?<![0-9０-９—\-－~～/])(?P<year>(?:19|20)[0-9]{2})\s*年(?P<since>以来|来)?(?![0-9—\-－~～])")
# YEAR without its look-arounds and its optional 以来/来: where it can match in a document, found
# once (year_marks); YearMarks.matches then does what YEAR.finditer does on a window of it
_YEAR_CORE = regex.compile(r"(?:19|20)[0-9]{2}\s*年")
_SPACE = regex.compile(r"\s")
_NOT_BEFORE = frozenset("0123456789０１２３４５６７８９—-－~～/")  # YEAR's look-behind
_NOT_AFTER = frozenset("0123456789—-－~～")  # YEAR's look-ahead


class YearMarks:
    """Where YEAR's core (a year and 年) stands in one document, to read the matches of YEAR in
    many windows of it without searching each: :meth:`matches` gives what
    ``YEAR.finditer(text[start:end])`` gives (tests/steps/relations/test_periods.py)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks: list[tuple[int, int]] = []  # (start, end) of each core, in order
        at = text.find("年")
        while at != -1:  # from each 年 back over blanks to the year (cores cannot overlap)
            begin = at
            while begin > 4 and _SPACE.match(text, begin - 1):
                begin -= 1
            if begin >= 4 and _YEAR_CORE.fullmatch(text, begin - 4, at + 1):
                self.marks.append((begin - 4, at + 1))
            at = text.find("年", at + 1)
        self.starts = [start for start, _ in self.marks]

    def starts_of(self, spots: Spots | None, *patterns: regex.Pattern[str] | None
                  ) -> list[int] | None:
        """:meth:`Spots.starts` of ``patterns`` with where the years stand (None without
        ``spots``)."""
        found = spots.starts(*patterns) if spots is not None else None
        return sorted({*found, *self.starts}) if found is not None else None

    def matches(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """The matches of YEAR in ``text[start:end]``: (where, relative to ``start``; the year;
        the 以来/来 after it, or "")."""
        text = self.text
        found = []
        at = bisect_left(self.starts, start)
        while at < len(self.marks) and self.marks[at][1] <= end:
            begin, close = self.marks[at]
            at += 1
            if begin > start and text[begin - 1] in _NOT_BEFORE:
                continue  # (the window's start has nothing before it)
            for since in ("以来", "来", ""):
                after = close + len(since)
                if text.startswith(since, close) and after <= end and (
                        after == end or text[after] not in _NOT_AFTER):
                    found.append((begin - start, text[begin:begin + 4], since))
                    break
        return found


class Periods:
    """The period rules of one pattern set (stateless)."""

    def __init__(self, cues: Sequence[RelationCuePattern]) -> None:
        self.previous = alternation(cues, "period_previous")
        self.span = alternation(cues, "period_span")
        self.not_moving = alternation(cues, "period_not")

    def patterns(self) -> list[regex.Pattern[str] | None]:
        """The patterns :meth:`period_of` searches windows of a document with (for a
        :class:`~lawgov_ie.rules.screen.Screen`; YEAR is read from :class:`YearMarks`)."""
        return [self.previous, self.span, self.not_moving]

    def period_of(self, index: TextIndex, record: RecordDraft, year: int | None,
                  spots: Spots | None = None, starts: list[int] | None = None,
                  marks: YearMarks | None = None) -> int | None:
        """The year ``record`` is about: the last time word before it in its sentence decides.
        ``spots``: where the texts the patterns need stand in the document (a window holding
        none of one pattern's is not searched with it); ``starts``: those of all the patterns
        (:meth:`Spots.starts`), to skip a window none may match in at once; ``marks``: the
        document's :class:`YearMarks`, read instead of searching the window with YEAR."""
        if spots is not None and not holds(starts, record.start - _MAX_SENTENCE, record.start):
            return year  # no time word can stand in the window (it starts after this)
        begin = index.sentence_bounds(record.start)[0]
        start = max(begin, record.start - _MAX_SENTENCE)
        if spots is not None and not holds(starts, start, record.start):
            return year

        def may(pattern: regex.Pattern[str] | None) -> bool:
            return pattern is not None and (
                spots is None or spots.may_match(pattern, start, record.start))

        years = holds(marks.starts, start, record.start) if marks is not None else may(YEAR)
        previous, span = year is not None and may(self.previous), may(self.span)
        if not (years or previous or span):
            return year
        found: list[tuple[int, int | None]] = []  # (position, period)
        if not years:
            written_years = []
        elif marks is not None:
            written_years = marks.matches(start, record.start)
        else:
            written_years = [(m.start(), m.group("year"), m.group("since") or "")
                             for m in YEAR.finditer(index.text[start:record.start])]
        for at, written_year, since in written_years:
            written = int(written_year)
            if since:
                found.append((at, year if year == written else None))
            else:
                found.append((at, written))
        if not (previous or span):
            return max(found, key=lambda item: item[0])[1] if found else year
        window = index.text[start:record.start]
        not_spans = ([m.span() for m in self.not_moving.finditer(window)]
                     if self.not_moving and previous and may(self.not_moving) else [])

        def negated(at: int) -> bool:
            return any(a <= at < b for a, b in not_spans)

        if previous and self.previous is not None and year is not None:
            for match in self.previous.finditer(window):
                if not negated(match.start()):
                    found.append((match.start(), year - 1))
        if span and self.span is not None:
            for match in self.span.finditer(window):
                found.append((match.start(), None))
        if not found:
            return year
        return max(found, key=lambda item: item[0])[1]
