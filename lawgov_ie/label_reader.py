"""Find the label of a record: the verb+object before the number, else the noun after it."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .doc_data import RecordDraft
from .pattern_files import PatternSet

_CLAUSE_BREAK = regex.compile(r"[，,。；;：:、！!？?\n（()）“”\"]")
_LEADING = regex.compile(r"^(?:共计|共|累计|全年|今年以来|全镇|全乡|全街道|其中)+")
_MAX_LABEL = 30


class LabelReader:
    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> LabelReader:
        return cls()

    def label_of(self, text: str, record: RecordDraft) -> tuple[str, int, int]:
        """(label, start, end) for one record."""
        begin = record.start
        while begin > 0 and record.start - begin < _MAX_LABEL and not _CLAUSE_BREAK.match(
                text, begin - 1):
            begin -= 1
        stripped = _LEADING.match(text, begin, record.start)
        if stripped:
            begin = stripped.end()
        label = text[begin:record.start].strip()
        if label:
            start = text.index(label, begin)
            return label, start, start + len(label)
        end = record.end
        while end < len(text) and end - record.end < _MAX_LABEL and not _CLAUSE_BREAK.match(
                text, end):
            end += 1
        return text[record.end:end].strip(), record.end, end

    def label_all(self, text: str, records: Sequence[RecordDraft]) -> None:
        for record in records:
            if record.label:
                continue
            record.label, record.label_start, record.label_end = self.label_of(text, record)
