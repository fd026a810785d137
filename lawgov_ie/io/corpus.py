"""A corpus of report files: find them, read them, find where each report starts and ends, and
yield one document per report. One file is one report; a file holding several reports is split,
and only when asked (``join_continued``, the CLI's ``--join-continued``) is a report that runs on
from one file into the next joined.

Boundaries are found from the text itself, never from file names:

- a report ends with its signature block: the signature date, and the 抄送/印发 lines that may
  follow it. Text after such a block that opens a new report (a 文件 header, a 文号 or a title
  naming a 法治…报告/总结 comes before its first body heading) starts the next report;
- a report may also stop without a signature: a header or title line that comes after the body
  headings of one report and is followed by body headings of its own starts the next report;
- a piece with no body heading of its own (a cover letter) belongs to the report after it;
- with ``join_continued`` only: a file whose text stops without a signature continues into the
  next file when that one does not open with a report header, title or salutation line
  (县委、县政府：). Without it, a file is never joined with another: files of different places
  and years that merely lack a signature stay apart.

Files are read in order (the order given; inside a folder, sorted by path), so with
``join_continued`` a report cut into ``part1.txt`` and ``part2.txt`` is joined back in reading
order.
"""

from __future__ import annotations

import bisect
import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from lawgov_ie.errors import InputError
from lawgov_ie.io.textio import read_text
from lawgov_ie.text.dates import DATE

# A line that closes a report: the signature date, a 印发 line, a 抄送 line.
_END_LINE = regex.compile(
    r"^[ \t\u3000]*(?:" + DATE + r"(?:\s*印发)?"
    r"|[^\n]{0,40}[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*印发|抄送[：:][^\n]*)[ \t\r\u3000]*$",
    regex.MULTILINE)
# A heading inside a body (一、 （一） 1. 一是), which is never a report header or title.
_HEADING_MARK = (r"(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十0-9]{1,3}[）)]"
                 r"|[0-9]{1,2}[.．、])")
# A line that opens a report: a 文件 header, a 文号, or a title naming the report.
_START_LINE = regex.compile(
    r"^[ \t\u3000#]*(?!" + _HEADING_MARK + r")"
    r"(?:[^\n]{2,40}(?:文件|〔(?:19|20)[0-9]{2}〕[0-9]{1,4}号)"
    r"|[^\n。，；]{0,40}法治[^\n。，；]{0,30}(?:报告|总结))[ \t\r\u3000*]*$",
    regex.MULTILINE)
# A salutation line addressed to the recipients: 县委、县政府：
_SALUTATION = regex.compile(
    r"^[ \t\u3000]*[^\n。，；：:]{0,30}(?:委|政府|办公室|办|局|厅)"
    r"[^\n。，；：:]{0,10}[：:][ \t\r\u3000]*$",
    regex.MULTILINE)
# Something that only a report body has: a first-level heading.
_BODY_HEADING = regex.compile(r"^[ \t\u3000#*]*[一二三四五六七八九十]{1,3}、", regex.MULTILINE)
_HEADING_LINE = regex.compile(_HEADING_MARK)
_SENTENCE_END = regex.compile(r"[。；！？]")
_NON_SPACE = regex.compile(r"\S")
_HEADER_LINES = 8  # blank and short lines looked at above a header or title line
_GAP = 200  # at most this many characters between closing lines of one signature block
_HEAD = 300  # a report's header or title is within its first this many characters


@dataclass
class CorpusFile:
    """A file to read, with the name its documents are called by (its path inside the folder
    it was found in, without the suffix)."""

    path: Path
    name: str


@dataclass
class CorpusDocument:
    """One report: its id, the files it came from, and its text.

    ``spans`` says where the text came from: (file, start, end) for each piece, with offsets
    into that file's decoded text; the pieces are concatenated in order to give ``text``.
    ``closes`` lists the files whose last piece is in this document (for progress counting).
    """

    id: str
    sources: list[str]
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    closes: list[str] = field(default_factory=list)
    part: int | None = None  # n when this is the n-th report of a file holding several

    @property
    def source(self) -> str:
        """Where it came from: ``file``, ``file#2`` (2nd report of a file) or ``a + b``."""
        if len(self.sources) > 1:
            return " + ".join(self.sources)
        suffix = f"#{self.part}" if self.part is not None else ""
        return self.sources[0] + suffix


OnError = Callable[[InputError], None]


class _Marks:
    """Where the boundary marks of a text are, found once each (one pass of each pattern) so
    that every later question is a binary search: splitting stays linear in the text's size."""

    def __init__(self, text: str) -> None:
        self.headings = [m.start() for m in _BODY_HEADING.finditer(text)]
        self.starts = [m.start() for m in _START_LINE.finditer(text)]

    def heading_in(self, start: int, end: int | None = None) -> int | None:
        """The first body heading at or after ``start`` (and before ``end``), or None."""
        at = bisect.bisect_left(self.headings, start)
        if at == len(self.headings) or (end is not None and self.headings[at] >= end):
            return None
        return self.headings[at]

    def opens_new_report(self, position: int) -> bool:
        """Whether a header or title line comes after ``position`` before the next body
        heading (and a body heading does follow)."""
        heading = self.heading_in(position)
        if heading is None:
            return False
        at = bisect.bisect_left(self.starts, position)
        return at < len(self.starts) and self.starts[at] < heading


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
    """(start, end) of each report in ``text``; a file with one report gives [(0, len(text))].

    The pieces cover the whole text, in order, with nothing left out. The time taken grows
    linearly with the length of the text (``benchmarks/splitting.py`` measures it).
    """
    marks = _Marks(text)
    cuts = [0]
    for end in _closing_ends(text):
        if _NON_SPACE.search(text, end) and marks.opens_new_report(end):
            cuts.append(end)
    # a header or title after a body, with a body of its own, starts a report
    added: list[int] = []
    closing_at = 0
    for line_start in marks.starts:
        while closing_at + 1 < len(cuts) and cuts[closing_at + 1] <= line_start:
            closing_at += 1
        last_cut = max(cuts[closing_at], added[-1] if added else 0)
        if line_start - last_cut < _HEAD or marks.heading_in(last_cut, line_start) is None:
            continue
        if marks.opens_new_report(line_start):
            added.append(_header_block_start(text, line_start, last_cut))
    ordered = sorted(set(cuts) | set(added))
    pieces = list(zip(ordered, [*ordered[1:], len(text)], strict=True))
    # a piece without a body (a cover letter) belongs to the report after it
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in pieces:
        start = carry if carry is not None else start
        if marks.heading_in(start, end) is None and end != len(text):
            carry = start
            continue
        carry = None
        merged.append((start, end))
    return merged or [(0, len(text))]


def _header_block_start(text: str, line_start: int, floor: int) -> int:
    """Where the header block holding the line at ``line_start`` begins: short lines just above
    it that are not sentences or headings (the issuer's name, a 文号) belong to it."""
    start = line_start
    for _ in range(_HEADER_LINES):
        before = text.rfind("\n", floor, max(start - 1, floor))
        if before < 0:
            break
        line = text[before + 1:start]
        if not line.strip():
            start = before + 1
            continue
        stripped = line.strip()
        if (len(stripped) > 40 or _SENTENCE_END.search(stripped)
                or _HEADING_LINE.match(stripped) or _END_LINE.match(stripped)):
            break
        start = before + 1
    # leave the blank lines before the header with the report above
    while start < line_start and text[start] in "\n\r \t\u3000":
        next_line = text.find("\n", start, line_start)
        if next_line < 0 or text[start:next_line].strip():
            break
        start = next_line + 1
    return start


def is_complete(text: str) -> bool:
    """Whether a report text ends with its signature block."""
    ends = _closing_ends(text)
    return bool(ends) and not text[ends[-1]:].strip()


def opens_report(text: str) -> bool:
    """Whether a text begins with a report header, title or salutation (in its first lines)."""
    head = text.lstrip()[:_HEAD]
    return bool(_START_LINE.search(head) or _SALUTATION.search(head))


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        for name in sorted(files):
            if not _is_hidden(name):
                yield Path(root) / name


def _has_magic(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def find_files(paths: Iterable[str | os.PathLike[str]],
               on_error: OnError | None = None) -> list[CorpusFile]:
    """The files named by ``paths``: files, folders (read recursively, hidden files skipped)
    and glob patterns (``*.txt``, ``reports/**/*.txt``), in order, each once.

    A path that names nothing raises :class:`InputError`, or is passed to ``on_error``.
    """
    found: list[CorpusFile] = []
    seen: set[Path] = set()
    names: set[str] = set()

    def add(path: Path, name: str) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        unique, number = name, 1
        while unique in names:
            number += 1
            unique = f"{name}~{number}"
        names.add(unique)
        found.append(CorpusFile(path, unique))

    for raw in paths:
        given = os.fspath(raw)
        path = Path(given)
        if path.is_dir():
            inside = list(_walk(path))
            if not inside:
                _fail(InputError(f"{given}: folder holds no files"), on_error)
            for file in inside:
                add(file, file.relative_to(path).with_suffix("").as_posix())
        elif path.exists():
            add(path, path.stem)
        elif _has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            for folder in (Path(m) for m in matches if Path(m).is_dir()):
                files.extend(_walk(folder))
            if not files:
                _fail(InputError(f"{given}: no file matches this pattern"), on_error)
            for file in files:
                add(file, file.stem)
        else:
            _fail(InputError(f"{given}: no such file or folder"), on_error)
    return found


def _fail(error: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _read(file: CorpusFile) -> str:
    text, _encoding = read_text(file.path)
    if not text.strip():
        raise InputError(f"{file.path}: is empty (no text)")
    return text


def documents(paths: Sequence[str | os.PathLike[str] | CorpusFile],
              on_error: OnError | None = None, *, join_continued: bool = False,
              on_split: Callable[[str, int], None] | None = None,
              ) -> Iterator[CorpusDocument]:
    """One :class:`CorpusDocument` per report in the files, in reading order.

    ``paths`` are files, folders, globs (see :func:`find_files`) or :class:`CorpusFile`.
    One file is one report, except that a file holding several reports is split
    (:func:`split_reports`); ``on_split(path, count)`` is told of each such file. With
    ``join_continued``, a file whose report stops without its signature block is joined with
    the next file when that one does not open a report of its own (see :func:`continues`).
    A file that cannot be read (missing, binary, unknown encoding, empty) raises
    :class:`InputError`, or, with ``on_error``, is passed to it and skipped: the other files
    still come out. A report is never joined across a file that could not be read.
    """
    files = [p for p in paths if isinstance(p, CorpusFile)]
    others = [p for p in paths if not isinstance(p, CorpusFile)]
    if others:
        if files:
            raise TypeError("documents() takes paths or CorpusFile items, not both")
        files = find_files(others, on_error)
    pending: CorpusDocument | None = None
    for file in files:
        source = str(file.path)
        try:
            text = _read(file)
        except InputError as error:
            if pending is not None:
                yield pending
                pending = None
            _fail(error, on_error)
            continue
        pieces = split_reports(text)
        last = len(pieces) - 1
        if last > 0 and on_split is not None:
            on_split(source, len(pieces))
        for number, (start, end) in enumerate(pieces):
            piece = text[start:end]
            closes = [source] if number == last else []
            if number == 0 and pending is not None and continues(pending.text, piece):
                pending.text += piece
                pending.sources.append(source)
                pending.spans.append((source, start, end))
                pending.closes.extend(closes)
                if number < last or is_complete(pending.text):
                    yield pending
                    pending = None
                continue
            if pending is not None:
                yield pending
                pending = None
            part = number + 1 if last > 0 else None
            document = CorpusDocument(file.name + (f"#{part}" if part else ""), [source], piece,
                                      [(source, start, end)], closes, part)
            if join_continued and number == last and not is_complete(piece):
                pending = document
            else:
                yield document
    if pending is not None:
        yield pending


def continues(text: str, following: str) -> bool:
    """Whether ``following`` (the start of the next file) goes on with the report ``text``
    (the end of a file), the evidence ``--join-continued`` asks for: ``text`` stops without
    a signature block (no signature date, 印发 or 抄送 line at its end) and ``following``
    opens with no report header, title or salutation line of its own."""
    return not is_complete(text) and not opens_report(following)
