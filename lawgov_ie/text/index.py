"""One index of a document's text, built once per document and kept on the Doc
(``doc._.lawgov_index``): its sentences, clauses, scope ends and section paths.

Every step asks this index for "the sentence around a record", "the clause a number stands in",
"where a breakdown's scope ends" and "which sections hold this offset" instead of searching the
text again per record, so the whole document costs time linear in its length, and every step
sees the same sentence (``Record.sentence`` is the sentence the rules saw).

Definitions (docs/architecture.md):

- a **sentence** ends after 。！？!?；; or a line break; a run-on sentence (a scraped table, a list
  on one line) is cut to :data:`SENTENCE_WINDOW` characters either side of what is asked about;
- a **clause** ends after a sentence end or after ，,：: (and 、 does *not* end one: it joins the
  items of one list);
- a **scope** (how far a breakdown, a rate or a period word reaches) ends at a full stop or
  semicolon, or at a line break that opens a heading or a list item — a line broken inside a
  sentence, as in text taken from PDF, does not end it;
- a **section path** is the list of sections whose heading or body holds an offset, outermost
  first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

import numpy as np
import regex

from lawgov_ie.doc_data import SectionInfo

_STOPS = "。！？!?；;"  # end a sentence and a scope
_SENTENCE_MARKS = _STOPS + "\n"
_CLAUSE_MARKS = _SENTENCE_MARKS + "，,：:"
#: a line break that opens a heading or a list item
_SCOPE_BREAK = (r"\n(?=[ \t\u3000]*(?:#|\*\*|[一二三四五六七八九十]+[、．.]"
                r"|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．]|$))")
SENTENCE_END = regex.compile(f"[{_SENTENCE_MARKS}]")
CLAUSE_END = regex.compile(f"[{_CLAUSE_MARKS}]")
SCOPE_END = regex.compile(f"[{_STOPS}]|{_SCOPE_BREAK}")
_SCOPE_BREAK_AT = re.compile(_SCOPE_BREAK)  # (re scans for it faster; it reads alike)
# Each character's marks, one bit a kind (1 sentence, 2 clause, 4 stop): the ends of all three
# kinds are read from one pass over the text's code points instead of one regex scan each.
_MARKS = np.zeros(0x10000, dtype=np.uint8)
for _bit, _chars in ((1, _SENTENCE_MARKS), (2, _CLAUSE_MARKS), (4, _STOPS)):
    for _char in _chars:
        _MARKS[ord(_char)] |= _bit
SENTENCE_WINDOW = 200  # a "sentence" longer than twice this is cut to this much around a span


class SectionPaths:
    """The section path of many offsets (one per record) without walking every section each time.

    Going through the sections by start, a stack keeps those still open; an offset's holders
    are among the sections open at the last heading before it."""

    def __init__(self, sections: Sequence[SectionInfo]) -> None:
        ordered = sorted(sections, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._open: list[tuple[SectionInfo, ...]] = []
        stack: list[SectionInfo] = []
        for section in ordered:
            stack = [s for s in stack if max(s.end, s.title_end) > section.start]
            stack.append(section)
            self._open.append(tuple(stack))

    def at(self, offset: int) -> list[SectionInfo]:
        """The sections that hold ``offset`` (from their heading to the end of their body or
        heading line, whichever is later), outermost first."""
        last = bisect_right(self._starts, offset) - 1
        if last < 0:
            return []
        return [s for s in self._open[last] if offset < max(s.end, s.title_end)]


class _Ends:
    """Sorted end offsets of one kind of boundary, with the lookups every kind needs."""

    def __init__(self, ends: list[int], length: int) -> None:
        self.ends = ends
        self.length = length

    def around(self, start: int, end: int) -> tuple[int, int]:
        """From after the last boundary at or before ``start`` to the first boundary end after
        ``end`` (the boundary character included), or the text's ends."""
        before = bisect_right(self.ends, start)
        begin = self.ends[before - 1] if before else 0
        after = bisect_left(self.ends, end + 1) if end > start else bisect_right(self.ends, end)
        finish = self.ends[after] if after < len(self.ends) else self.length
        return begin, finish

    def next_end(self, offset: int) -> int:
        """The first boundary at or after ``offset`` (its start), or the text's length."""
        after = bisect_left(self.ends, offset + 1)
        return self.ends[after] - 1 if after < len(self.ends) else self.length

    def between(self, start: int, end: int) -> list[int]:
        """Boundary ends inside ``(start, end]``."""
        return self.ends[bisect_right(self.ends, start):bisect_right(self.ends, end)]


class TextIndex:
    """Sentences, clauses, scope ends and section paths of one text, each found once."""

    def __init__(self, text: str, sections: Sequence[SectionInfo] = ()) -> None:
        self.text = text
        # the ends of SENTENCE_END's, CLAUSE_END's and SCOPE_END's matches (one character each)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        marks = _MARKS[np.minimum(codes, 0xFFFF)]  # (no mark beyond the first plane)
        at = np.flatnonzero(marks)
        kinds = marks[at]
        at += 1
        self._sentences = _Ends(at[(kinds & 1) != 0].tolist(), len(text))
        self._clauses = _Ends(at.tolist(), len(text))
        scopes = at[(kinds & 4) != 0].tolist() + [m.end() for m in _SCOPE_BREAK_AT.finditer(text)]
        self._scopes = _Ends(sorted(scopes), len(text))
        self.sections = list(sections)
        self._paths = SectionPaths(self.sections)
        self._heading_starts = sorted(s.start for s in self.sections)

    def to_state(self) -> dict[str, object]:
        """What the index is built from (a Doc that travels is rebuilt from it)."""
        return {"text": self.text, "sections": self.sections}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> TextIndex:
        return cls(state["text"], state["sections"])

    # sentences ---------------------------------------------------------------------------
    def sentence_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence around ``[start, end)`` (its end mark included), cut to a window of
        :data:`SENTENCE_WINDOW` characters either side when it runs on."""
        end = start if end is None else end
        begin, finish = self._sentences.around(start, end)
        if finish - begin > 2 * SENTENCE_WINDOW:
            begin = max(begin, start - SENTENCE_WINDOW)
            finish = min(finish, end + SENTENCE_WINDOW)
        return begin, finish

    def sentence(self, start: int, end: int | None = None) -> str:
        """The text of :meth:`sentence_bounds`, stripped of surrounding white space."""
        begin, finish = self.sentence_bounds(start, end)
        return self.text[begin:finish].strip()

    def sentence_spans(self) -> list[tuple[int, int]]:
        """Every sentence of the text as ``(start, end)``, in order, none empty (for
        ``doc.sents``): the text between two sentence ends, end mark included."""
        spans: list[tuple[int, int]] = []
        begin = 0
        for end in [*self._sentences.ends, len(self.text)]:
            if end > begin:
                spans.append((begin, end))
            begin = end
        return spans

    # clauses -----------------------------------------------------------------------------
    def clause_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The clause around ``[start, end)``: between the nearest ，,：: or sentence ends."""
        end = start if end is None else end
        begin, finish = self._clauses.around(start, end)
        if finish - begin > 2 * SENTENCE_WINDOW:
            begin = max(begin, start - SENTENCE_WINDOW)
            finish = min(finish, end + SENTENCE_WINDOW)
        return begin, finish

    def clause(self, start: int, end: int | None = None) -> str:
        begin, finish = self.clause_bounds(start, end)
        return self.text[begin:finish].strip()

    def clause_ends_between(self, start: int, end: int) -> list[int]:
        """The clause boundaries inside ``(start, end]`` (ends of their marks)."""
        return self._clauses.between(start, end)

    # scopes ------------------------------------------------------------------------------
    def scope_end(self, offset: int) -> int:
        """Where a breakdown, rate or period word standing at ``offset`` stops reaching: the
        start of the next full stop, semicolon or heading line break, else the text's end."""
        return self._scopes.next_end(offset)

    def scope_start(self, offset: int) -> int:
        """Where the scope holding ``offset`` begins (just after the previous scope end)."""
        before = bisect_right(self._scopes.ends, offset)
        return self._scopes.ends[before - 1] if before else 0

    # sections ----------------------------------------------------------------------------
    def section_path(self, offset: int) -> list[SectionInfo]:
        """The sections holding ``offset``, outermost first."""
        return self._paths.at(offset)

    def heading_between(self, start: int, end: int) -> bool:
        """Whether a section heading starts inside ``(start, end]``: no relation crosses one."""
        at = bisect_right(self._heading_starts, start)
        return at < len(self._heading_starts) and self._heading_starts[at] <= end
