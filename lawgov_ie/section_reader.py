"""Find headings in report text and the sections they open (pure Python, no spaCy).

Heading styles come from ``heading`` patterns (a regex for the marker at the start of a line, and
its level); section kinds from ``section_kind`` patterns (words in the heading). A heading opens a
section that runs until the next heading of the same or a higher level (lower number).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .doc_data import SectionInfo
from .pattern_files import PatternSet
from .pattern_kinds.sections import HeadingPattern, SectionKindPattern

# Decoration a heading line may carry in Markdown-ish text: "## ", "**".
_DECORATION = regex.compile(r"[ \t\u3000#*]*")
_TITLE_END = regex.compile(r"[。：:；;]|\*\*|$", regex.MULTILINE)
_LINE = regex.compile(r"^.*$", regex.MULTILINE)
_MAX_TITLE = 60


@dataclass(frozen=True)
class _Style:
    marker: regex.Pattern[str]
    level: int


class SectionReader:
    def __init__(self, headings: Sequence[HeadingPattern], kinds: Sequence[SectionKindPattern]):
        self.styles = [_Style(regex.compile(h.regex), h.level) for h in headings]
        self.kinds = [(k.section_kind, tuple(k.words)) for k in kinds]

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> SectionReader:
        return cls(patterns.of("heading", HeadingPattern),
                   patterns.of("section_kind", SectionKindPattern))

    def heading_kind(self, title: str) -> str | None:
        for kind, words in self.kinds:
            if any(word in title for word in words):
                return kind
        return None

    def _headings(self, text: str) -> list[tuple[int, int, int, str]]:
        """(start, title_end, level, title) for every heading line."""
        found = []
        for line in _LINE.finditer(text):
            decoration = _DECORATION.match(text, line.start(), line.end())
            pos = decoration.end() if decoration else line.start()
            for style in self.styles:
                marker = style.marker.match(text, pos, line.end())
                if marker is None:
                    continue
                title_start = _DECORATION.match(text, marker.end(), line.end())
                begin = title_start.end() if title_start else marker.end()
                stop = _TITLE_END.search(text, begin, line.end())
                end = stop.start() if stop else line.end()
                title = text[begin:end].strip(" \t\u3000*")
                if title and len(title) <= _MAX_TITLE:
                    found.append((pos, end, style.level, title))
                break
        return found

    def read(self, text: str) -> list[SectionInfo]:
        headings = self._headings(text)
        sections: list[SectionInfo] = []
        open_stack: list[SectionInfo] = []
        seen_problem_or_plan = False
        for start, title_end, level, title in headings:
            while open_stack and open_stack[-1].level >= level:
                open_stack.pop()
            heading_kind = self.heading_kind(title)
            parent = open_stack[-1] if open_stack else None
            if heading_kind is None:
                if parent is not None:
                    heading_kind = parent.heading_kind
                else:
                    heading_kind = "other" if seen_problem_or_plan else "achievement"
            if heading_kind in ("problem", "plan"):
                seen_problem_or_plan = True
            kind = heading_kind if heading_kind != "duties" else "other"
            section = SectionInfo(title=title, level=level, kind=kind, heading_kind=heading_kind,
                                  start=start, end=len(text), title_end=title_end)
            sections.append(section)
            open_stack.append(section)
        # each section ends where the next heading of the same or a higher level starts
        for index, section in enumerate(sections):
            for later in sections[index + 1:]:
                if later.level <= section.level:
                    section.end = later.start
                    break
            section.end = _trim_end(text, section.start, section.end)
        return sections


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return end


def path_at(sections: Sequence[SectionInfo], offset: int) -> list[SectionInfo]:
    """The sections that hold ``offset``, outermost first."""
    return [s for s in sections if s.start <= offset < max(s.end, s.title_end)]
