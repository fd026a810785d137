"""Turn the pipeline's drafts into the public pydantic models (pure Python)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

from lawgov_ie.doc_data import EntityInfo, RecordDraft, SectionInfo
from lawgov_ie.models import DocumentMeta, Entity, Record, Report, Section
from lawgov_ie.steps.sections.reader import SectionPaths

_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")


_SENTENCE_WINDOW = 200  # a "sentence" longer than twice this is cut to this much around the record


class SentenceIndex:
    """Where the sentences of a text end, found once, so each record's sentence is a lookup."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``[start, end)``: from after the previous 。！？； or newline to the
        next one; a run-on "sentence" (a scraped table, a list on one line) is cut to a window of
        ``_SENTENCE_WINDOW`` characters either side, so every record does not copy all of it."""
        before = bisect_right(self.ends, start)
        begin = self.ends[before - 1] if before else 0
        after = bisect_right(self.ends, end)
        finish = self.ends[after] if after < len(self.ends) else self.length
        if finish - begin > 2 * _SENTENCE_WINDOW:
            begin = max(begin, start - _SENTENCE_WINDOW)
            finish = min(finish, end + _SENTENCE_WINDOW)
        return begin, finish


def build_report(text: str, *, meta: DocumentMeta | None, records: Sequence[RecordDraft],
                 entities: Sequence[EntityInfo], sections: Sequence[SectionInfo]) -> Report:
    ordered = sorted(range(len(records)), key=lambda i: (records[i].start, records[i].end))
    ids = {index: f"r{number}" for number, index in enumerate(ordered, start=1)}
    out: list[Record] = []
    sentences = SentenceIndex(text)
    paths = SectionPaths(sections)
    for index in ordered:
        draft = records[index]
        begin, finish = sentences.bounds(draft.start, draft.end)
        path = paths.at(draft.start)
        out.append(Record(
            id=ids[index], value=draft.value, unit=draft.unit, kind=draft.kind,  # type: ignore[arg-type]
            qualifier=draft.qualifier, label=draft.label,  # type: ignore[arg-type]
            indicator=draft.indicator, text=draft.text, start=draft.start, end=draft.end,
            implicit=draft.implicit, sentence=text[begin:finish].strip(),
            section=[s.title for s in path],
            section_kind=path[-1].kind if path else "other",  # type: ignore[arg-type]
            period=draft.period,
            part_of=ids.get(draft.part_of) if draft.part_of is not None else None,
            rate_of=[ids[draft.rate_of[0]], ids[draft.rate_of[1]]] if draft.rate_of else None,
            checks=list(draft.checks),
        ))
    return Report(
        meta=meta or DocumentMeta(),
        records=out,
        entities=[Entity(label=e.label, text=e.text, start=e.start, end=e.end) for e in entities],
        sections=[Section(title=s.title, level=s.level, kind=s.kind,  # type: ignore[arg-type]
                          heading_kind=s.heading_kind,  # type: ignore[arg-type]
                          start=s.start, end=s.end) for s in sections],
    )
