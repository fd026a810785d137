"""A corpus of report files: read them, find where each report starts and ends, and yield one
document per report — several reports in one file are split, and a report that runs on from one
file into the next is joined.

Boundaries are found from the text itself: a report ends with its signature date (and the
抄送/印发 lines that may follow it); a cover letter with no body of its own belongs to the report
after it; a file whose text stops without a signature continues into the next file when that
one does not open with a report header or title.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .textio import read_text

# A line that closes a report: the signature date, a 印发 line, a 抄送 line.
_END_LINE = regex.compile(
    r"^[ \t\u3000]*(?:(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日(?:\s*印发)?"
    r"|[^\n]{0,40}[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*印发|抄送[：:][^\n]*)[ \t\u3000]*$",
    regex.MULTILINE)
# A line that opens a report: a 文件 header, a 文号, or a title naming the report.
_START_LINE = regex.compile(
    r"^[ \t\u3000#]*(?:[^\n]{2,40}(?:文件|〔(?:19|20)[0-9]{2}〕[0-9]{1,4}号)"
    r"|[^\n。，]{0,40}法治[^\n。，]{0,30}(?:报告|总结))[ \t\u3000*]*$",
    regex.MULTILINE)
# Something that only a report body has: a first-level heading.
_BODY_HEADING = regex.compile(r"^[ \t\u3000#*]*[一二三四五六七八九十]{1,3}、", regex.MULTILINE)
_GAP = 200  # at most this many characters between closing lines of one signature block


@dataclass
class CorpusDocument:
    """One report: its id, the files it came from, and its text."""

    id: str
    sources: list[str]
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (file, start, end) pieces


def _closing_ends(text: str) -> list[int]:
    """Offsets just after each signature block (runs of closing lines close to each other)."""
    ends: list[int] = []
    for match in _END_LINE.finditer(text):
        if ends and match.start() - ends[-1] <= _GAP:
            ends[-1] = match.end()
        else:
            ends.append(match.end())
    return ends


def split_reports(text: str) -> list[tuple[int, int]]:
    """(start, end) of each report in ``text``; a file with one report gives [(0, len(text))]."""
    cuts = [0]
    for end in _closing_ends(text):
        rest = text[end:]
        if rest.strip() and _BODY_HEADING.search(rest) and _START_LINE.search(rest):
            cuts.append(end)
    pieces = [(a, b) for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    # a piece without a body (a cover letter) belongs to the report after it
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in pieces:
        start = carry if carry is not None else start
        if not _BODY_HEADING.search(text, start, end) and end != len(text):
            carry = start
            continue
        carry = None
        merged.append((start, end))
    return merged or [(0, len(text))]


def is_complete(text: str) -> bool:
    """Whether a report text ends with its signature block."""
    ends = _closing_ends(text)
    return bool(ends) and not text[ends[-1]:].strip()


def opens_report(text: str) -> bool:
    """Whether a text begins with a report header or title (within its first lines)."""
    head = text.lstrip()[:300]
    return bool(_START_LINE.search(head))


def _files(paths: Iterable[str | Path]) -> list[Path]:
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            found.append(path)
    return found


def documents(paths: Sequence[str | Path]) -> Iterator[CorpusDocument]:
    """One :class:`CorpusDocument` per report in the files (folders are read recursively)."""
    pending: CorpusDocument | None = None
    for path in _files(paths):
        text, _encoding = read_text(path)
        pieces = split_reports(text)
        for number, (start, end) in enumerate(pieces):
            piece = text[start:end]
            if number == 0 and pending is not None and not opens_report(piece):
                pending.text += piece
                pending.sources.append(str(path))
                pending.spans.append((str(path), start, end))
                if len(pieces) > 1 or is_complete(pending.text):
                    yield pending
                    pending = None
                continue
            if pending is not None:
                yield pending
                pending = None
            suffix = f"#{number + 1}" if len(pieces) > 1 else ""
            document = CorpusDocument(path.stem + suffix, [str(path)], piece,
                                      [(str(path), start, end)])
            if number == len(pieces) - 1 and not is_complete(piece):
                pending = document
            else:
                yield document
    if pending is not None:
        yield pending
