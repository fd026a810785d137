"""Find headings in report text and the sections they open (pure Python, no spaCy).

Heading styles come from ``heading`` patterns: a regex for the marker (一、 （一） 1. （1） 一是),
the level it gives, and whether it may also open a sentence inside a paragraph (``inline``: 一是,
二是 …). Section kinds come from ``section_kind`` patterns (words in the heading).

A heading opens a section that runs until the next heading of the same or a higher level (a
lower number); an inline heading's section also ends with its paragraph. A heading with no kind
word takes its parent's kind; a top-level one is ``achievement`` until the report has reached its
problems or plans, ``other`` after that. ``duties`` (述法, 第一责任人职责) is kept apart in
``heading_kind`` and reported as ``other`` in ``kind``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick_rs
import regex

from lawgov_ie.doc_data import SectionInfo
from lawgov_ie.rules.backtracking import max_width, needed_chars
from lawgov_ie.rules.budget import compile_rule, compile_union
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.steps.sections.sections_patterns import HeadingPattern, SectionKindPattern
from lawgov_ie.text.dates import signature_date

# (the expressions of this module's own are re's: they read alike in regex, and a call costs
# half as much)
# Decoration a heading line may carry in Markdown-ish text: "## ", "**", bullets.
_DECORATION = re.compile(r"[ \t\u3000#*]*")
_DECORATION_CHARS = " \t\u3000#*"
_TITLE_END = re.compile(r"[。：:；;！!？?]|\*\*|$", re.MULTILINE)
_CLAUSE_END = re.compile(r"[，,]")
_MAX_TITLE = 60
_SENTENCE_PUNCT = re.compile(r"[。，,；;！!？?]")
_MAX_SIGNATURE_LINE = 40


@dataclass(frozen=True)
class _Style:
    marker: regex.Pattern[str]
    inline: regex.Pattern[str] | None
    level: int
    inline_needs: frozenset[str] | None = None  # one of them stands in every inline match


@dataclass(frozen=True)
class _Heading:
    boundary: int  # where the section before it ends: the heading line's start, decoration too
    start: int
    title_end: int
    level: int
    title: str
    paragraph_end: int | None  # set for inline headings: their section ends there at the latest


class SectionReader:
    def __init__(self, headings: Sequence[HeadingPattern], kinds: Sequence[SectionKindPattern]):
        self.styles = [
            _Style(compile_rule(h.regex, f"heading {h.id!r}"),
                   compile_rule(r"(?<=[。；;！!？?][ \t\u3000*]*)(?:" + h.regex + ")",
                                f"heading {h.id!r}")
                   if h.inline else None,
                   h.level,
                   needed_chars(h.regex) if h.inline else None)
            for h in headings]
        # most lines open with no marker: one call tells, instead of one per style
        self.any_marker = compile_union([h.regex for h in headings], "heading patterns (any)")
        self.kinds = [(k.section_kind, tuple(k.words)) for k in kinds]
        # every kind word in one automaton, each to the first kind that lists it
        first: dict[str, int] = {}
        for at, (_, words) in enumerate(self.kinds):
            for word in words:
                first.setdefault(word, at)
        self._always = first.pop("", None)  # an empty word is in every title
        self._word_kind = list(first.values())
        self._kind_words = ahocorasick_rs.AhoCorasick(list(first)) if first else None
        # a line whose first max_width(markers) characters after its decoration hold none of
        # the characters every marker needs opens with no marker (read from the styles, so
        # right whether the union has run out of its budget or not): the lines that may, in
        # one scan of the text, and the test on one line
        union = "|".join(f"(?:{h.regex})" for h in headings)
        needs, width = (needed_chars(union), max_width(union)) if headings else (None, None)
        self._marker_lines: re.Pattern[str] | None = None
        self._marker_screen: regex.Pattern[str] | None = None
        if needs and width:
            chars = "".join(regex.escape(c) for c in sorted(needs))
            near = f"(?=[^\\n]{{0,{width - 1}}}[{chars}])"
            self._marker_lines = re.compile(
                f"(?m)^[{_DECORATION_CHARS}]*+{near}")
            self._marker_screen = regex.compile(near)

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> SectionReader:
        return cls(patterns.of("heading", HeadingPattern),
                   patterns.of("section_kind", SectionKindPattern))

    def heading_kind(self, title: str) -> str | None:
        """The first kind one of whose words is in ``title``."""
        found = [self._word_kind[n] for n, _, _ in self._kind_words.find_matches_as_indexes(
            title, overlapping=True)] if self._kind_words is not None else []
        if self._always is not None:
            found.append(self._always)
        return self.kinds[min(found)][0] if found else None

    def _title(self, text: str, begin: int, line_end: int,
               inline: bool = False) -> tuple[str, int] | None:
        """The heading's title from ``begin``: up to the first 。：； on its line; a long one, or
        an inline one (一是…), is cut at its first comma."""
        stop = _TITLE_END.search(text, begin, line_end)
        end = stop.start() if stop else line_end
        if end - begin > _MAX_TITLE or inline:
            comma = _CLAUSE_END.search(text, begin, end)
            if comma is not None and comma.start() - begin <= _MAX_TITLE:
                end = comma.start()
            elif end - begin > _MAX_TITLE:
                return None
        title = text[begin:end].strip(" \t\u3000*")
        return (title, end) if title else None

    def _headings(self, text: str) -> list[_Heading]:
        found: list[_Heading] = []
        # each inline style with the characters one of which its every match holds (or none)
        inline = [(style.inline, style.level, tuple(style.inline_needs or ()))
                  for style in self.styles if style.inline is not None]
        for line_start, pos, line_end in self._lines(text, inline):
            if self._marker_screen is not None \
                    and self._marker_screen.match(text, pos, line_end) is None:
                marked = False  # no marker fits in its first characters
            else:
                marked = self.any_marker is None or \
                    self.any_marker.match(text, pos, line_end) is not None or \
                    self.any_marker.given_up()
            for style in self.styles if marked else ():
                marker = style.marker.match(text, pos, line_end)
                if marker is None:
                    continue
                title_start = _DECORATION.match(text, marker.end(), line_end)
                begin = title_start.end() if title_start else marker.end()
                title = self._title(text, begin, line_end, inline=style.inline is not None)
                if title:
                    found.append(_Heading(line_start, pos, title[1], style.level, title[0],
                                          line_end if style.inline else None))
                break
            for pattern, level, chars in inline:
                for char in chars:
                    if text.find(char, pos + 1, line_end) >= 0:
                        break
                else:
                    if chars:
                        continue  # no match without one of these characters
                for marker in pattern.finditer(text, pos + 1, line_end):
                    title = self._title(text, marker.end(), line_end, inline=True)
                    if title:
                        found.append(_Heading(marker.start(), marker.start(), title[1],
                                              level, title[0], line_end))
        found.sort(key=lambda h: h.start)
        return found

    def _lines(self, text: str, inline: list[tuple[regex.Pattern[str], int, tuple[str, ...]]]
               ) -> list[tuple[int, int, int]]:
        """The lines of ``text`` that may hold a heading, in order: ``(start, pos, end)``, pos
        after the line's decoration. Every line, unless the markers have needed characters and
        a bounded width and every inline style needed characters: then only the lines whose
        first characters hold one of the markers' (one scan for them all) and those holding an
        inline style's after their first character."""
        if self._marker_lines is None or any(not chars for _, _, chars in inline):
            lines = []
            line_end = -1
            for line in text.split("\n"):  # the lines of ^.*$ (regex's . is all but \n)
                line_start = line_end + 1
                line_end = line_start + len(line)
                lines.append((line_start, line_end - len(line.lstrip(_DECORATION_CHARS)),
                              line_end))
            return lines
        starts = {m.start(): m.end() for m in self._marker_lines.finditer(text)}
        for _, _, chars in inline:
            for char in chars:
                at = text.find(char)
                while at >= 0:
                    line_start = text.rfind("\n", 0, at) + 1
                    if line_start not in starts:
                        # (the line's decoration ends before the character: it is none)
                        pos = at + 1 - len(text[line_start:at + 1].lstrip(_DECORATION_CHARS))
                        if at == pos:  # the line's first: the inline search starts after it
                            at = text.find(char, at + 1)
                            continue
                        starts[line_start] = pos
                    line_end = text.find("\n", at)  # the line is in: on to the next one
                    at = text.find(char, line_end + 1) if line_end >= 0 else -1
        length = len(text)
        lines = []
        for line_start in sorted(starts):
            line_end = text.find("\n", line_start)
            lines.append((line_start, starts[line_start], line_end if line_end >= 0 else length))
        return lines

    def read(self, text: str) -> list[SectionInfo]:
        headings = self._headings(text)
        body_end = _body_end(text, headings[-1].title_end) if headings else len(text)
        sections: list[SectionInfo] = []
        open_stack: list[SectionInfo] = []
        seen_problem_or_plan = False
        for heading in headings:
            while open_stack and (open_stack[-1].level >= heading.level
                                  or open_stack[-1].end <= heading.start):
                open_stack.pop()
            heading_kind = self.heading_kind(heading.title)
            parent = open_stack[-1] if open_stack else None
            if heading_kind is None:
                if parent is not None:
                    heading_kind = parent.heading_kind
                else:
                    heading_kind = "other" if seen_problem_or_plan else "achievement"
            if heading_kind in ("problem", "plan"):
                seen_problem_or_plan = True
            kind = heading_kind if heading_kind != "duties" else "other"
            end = heading.paragraph_end if heading.paragraph_end is not None else body_end
            section = SectionInfo(title=heading.title, level=heading.level, kind=kind,
                                  heading_kind=heading_kind, start=heading.start, end=end,
                                  title_end=heading.title_end)
            sections.append(section)
            open_stack.append(section)
        # each section ends where the next heading of the same or a higher level starts
        pending: list[SectionInfo] = []
        for section, heading in zip(sections, headings, strict=True):
            while pending and pending[-1].level >= section.level:
                closed = pending.pop()
                closed.end = min(closed.end, heading.boundary)
            pending.append(section)
        for section in sections:
            section.end = _trim_end(text, section.start, section.end)
        return sections


def _body_end(text: str, after: int) -> int:
    """Where the report's body ends: before the signature block (the bodies' names and the
    standalone date line under the last section), or at the end of the text."""
    date = signature_date(text, after)
    if date is None:
        return len(text)
    end = date.start()
    while True:
        line_start = text.rfind("\n", after, max(after, end - 1)) + 1
        if line_start <= after:
            return end
        line = text[line_start:end].strip()
        if line and (len(line) > _MAX_SIGNATURE_LINE or _SENTENCE_PUNCT.search(line)):
            return end
        end = line_start


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return end

