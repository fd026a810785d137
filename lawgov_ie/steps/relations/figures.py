"""What every relations module reads: one document's records in text order, with its text index.

Built once per document by the reader and dropped after it (nothing is kept on the component).
Every lookup is bounded — a window of characters or of records — so a document costs time
linear in its length, whatever its layout (a run-on line of 10,000 figures, "其中" × 50,000).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.models import RelationEvidence
from lawgov_ie.rules.screen import Spots
from lawgov_ie.steps.relations.periods import YearMarks
from lawgov_ie.text.index import TextIndex

# Units that count the same things: a part in 起 may belong to a total in 件.
FAMILIES = (frozenset({"件", "起", "宗", "件次", "个", "案", "例"}), frozenset({"人", "名", "位"}),
            frozenset({"次", "场", "场次", "期", "轮"}))
# Units that count people: never a part of (or a total for) a figure counting things in a unit
# of no known family (办理案件128件，其中外省农民工91人 names people, not cases).
PEOPLE = frozenset({"人", "名", "位", "人次", "户", "户次"})
MAX_REACH = 300  # characters a list (or a rate's counts) may run from its total (or rate)
MAX_RECORDS = 24  # records a list may hold; counts read around a rate
NUMBER = regex.compile(r"[0-9]+(?:\.([0-9]+))?")


def same_family(a: str, b: str) -> bool:
    return a == b or any(a in family and b in family for family in FAMILIES)


def fmt(value: float) -> str:
    return f"{value:g}"


@dataclass
class Figures:
    """The records of one document, sorted by start, and where each one stands."""

    text: str
    index: TextIndex
    records: Sequence[RecordDraft]
    spots: Spots | None = None  # where the texts the cue patterns need stand (may_match)
    year_marks: YearMarks | None = None  # where YEAR can match
    order: list[int] = field(init=False)  # record indexes in text order
    starts: list[int] = field(init=False)
    position: dict[int, int] = field(init=False)  # record index -> place in ``order``
    evidence: dict[tuple[int, str], RelationEvidence] = field(default_factory=dict)
    _leads: dict[tuple[int, int], tuple[int, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.order = sorted(range(len(self.records)),
                            key=lambda i: (self.records[i].start, self.records[i].end))
        self.starts = [self.records[i].start for i in self.order]
        self.position = {index: at for at, index in enumerate(self.order)}

    def may_match(self, pattern: regex.Pattern[str], start: int, end: int) -> bool:
        """Whether a cue pattern may match inside ``text[start:end]`` (:class:`Spots`: a
        necessary condition, so a False skips a search that would find nothing)."""
        return self.spots is None or self.spots.may_match(pattern, start, end)

    def between(self, start: int, end: int) -> list[int]:
        """Indexes of the records starting in ``[start, end)``, in text order."""
        return self.order[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def after(self, index: int, limit: int, count: int = MAX_RECORDS) -> list[int]:
        """Up to ``count`` records after ``index`` that start before ``limit``, in text order."""
        at = self.position[index] + 1  # (starts are sorted: those before limit come first)
        return self.order[at:bisect_left(self.starts, limit, at, min(at + count, len(self.starts)))]

    def before(self, index: int, floor: int, count: int = MAX_RECORDS) -> list[int]:
        """Up to ``count`` records before ``index`` that start at or after ``floor``, nearest
        last."""
        at = self.position[index]  # (starts are sorted: those at or after floor come last)
        return self.order[bisect_left(self.starts, floor, max(0, at - count), at):at]

    def lead(self, index: int, size: int = 40) -> tuple[int, str]:
        """The text between the record before ``index`` (or ``size`` characters back, whichever
        is nearer) and ``index``: where its cue words stand. Returns (offset, text)."""
        found = self._leads.get((index, size))
        if found is None:
            record = self.records[index]
            at = self.position[index]
            floor = max(0, record.start - size)
            if at > 0:
                floor = max(floor, self.records[self.order[at - 1]].end)
            found = self._leads[(index, size)] = (floor, self.text[floor:record.start])
        return found

    def crosses_heading(self, a: int, b: int) -> bool:
        """Whether a section heading starts between records ``a`` and ``b``."""
        first, second = sorted((self.records[a].start, self.records[b].start))
        return self.index.heading_between(first, second)
