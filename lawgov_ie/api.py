"""The public functions: ``extract`` and ``extract_many``.

Both take any ``str`` — scraped, converted from PDF, typed by hand — and never raise on it
(docs/robustness.md):

- anything that is not a ``str`` raises :class:`TypeError` naming the type it got;
- a text longer than ``max_chars`` is read in pieces cut at paragraph breaks
  (:mod:`lawgov_ie.text.pieces`); every offset is shifted back into the caller's string, record ids
  run ``r1, r2 …`` over the whole document, each piece is read with the headings still open
  where it starts (so sections run on past a cut), the document facts (``meta``) come from the
  first piece (the closing block's date, 抄送 and signers from the last when the first lacks
  them), and relations never link two pieces;
- characters the tokenizer cannot take (lone surrogates) are replaced, one for one, before the
  pipeline sees the text, so offsets still count the caller's characters (a span over one is
  left out: its text could not be written as JSON); if the word segmenter returns words that
  do not spell the text, the piece falls back to one token a character;
- a record or entity whose offsets do not hold its text is dropped with an
  :class:`OffsetWarning` rather than returned wrong.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, overload

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from lawgov_ie.batch import Transport, read_in_workers
from lawgov_ie.models import Entity, Record, Report, Section
from lawgov_ie.pipeline import READING, Segmenter, load
from lawgov_ie.rules.budget import document_budget
from lawgov_ie.rules.files import PatternPaths, normalise_paths
from lawgov_ie.steps.report.builder import renumber
from lawgov_ie.text.pieces import NUMBER_CHARS, chunk_spans
from lawgov_ie.text.tokenizer import LONE_SURROGATE, LawgovTokenizer

DEFAULT_MAX_CHARS = 100_000
"""Texts longer than this (in characters) are read in pieces; pass ``max_chars`` to change it."""

# Reading in pieces: at most this many open headings are put before a piece as its context,
# and a heading's title is looked for this far after its marker.
_MAX_CONTEXT_HEADINGS = 8
_MAX_HEADING_PREFIX = 40
# Document facts of the closing block: taken from the last piece when the first lacks them.
_CLOSING_FACTS = ("date", "cc", "signers")
_LATE_KINDS = ("problem", "plan")
_TITLE_MARKS = tuple("。：:；;！!？?")
_TRAILING_SPACE = " \t\r\n\u3000"


C = TypeVar("C")


class OffsetWarning(UserWarning):
    """A component produced a span whose offsets do not hold its text; the span was dropped."""


def _check_text(text: object, where: str = "extract()") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{where} needs the report text as str, not {type(text).__name__}"
                        + (" (decode the bytes first, e.g. lawgov_ie.io.textio.decode)"
                           if isinstance(text, (bytes, bytearray)) else ""))
    return text


def _check_hints(year: object, source: object, where: str = "") -> None:
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"{where}year must be int or None, not {type(year).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"{where}source must be str or None, not {type(source).__name__}")


def _check_max_chars(max_chars: object) -> int:
    if max_chars is None:
        return DEFAULT_MAX_CHARS
    if isinstance(max_chars, bool) or not isinstance(max_chars, int):
        raise TypeError(f"max_chars must be int or None, not {type(max_chars).__name__}")
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    return max_chars


def _pipeline_text(text: str) -> str:
    """``text`` with lone surrogates (which cannot be encoded) replaced by U+FFFD, one for one."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text)
    return text


def _make_doc(nlp: Language, text: str, year: int | None, source: str | None) -> Doc:
    """A Doc whose ``doc.text`` is exactly ``text`` (already made safe by _pipeline_text)."""
    tokenizer = nlp.tokenizer
    try:
        doc = (tokenizer.reading_doc(text) if isinstance(tokenizer, LawgovTokenizer)
               else nlp.make_doc(text))
    except Exception:  # a segmenter failing on odd text must not fail the caller
        doc = None
    if doc is None or (doc._.lawgov_original or doc.text) != text:
        words, spaces = get_words_and_spaces(list(text), text)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc._.lawgov_year_hint = year
    doc._.lawgov_source = source
    return doc


def _empty_report(year: int | None, source: str | None) -> Report:
    return Report.model_validate({"meta": {"source": source, "year": year}})


def _run(nlp: Language, text: str, year: int | None, source: str | None) -> Report:
    report: Report = nlp(_make_doc(nlp, text, year, source))._.report
    return report


def extract(text: str, *, year: int | None = None, source: str | None = None,
            patterns: PatternPaths | str | os.PathLike[str] | None = None,
            segmenter: Segmenter = READING, max_chars: int | None = None) -> Report:
    """Read one report and return its records, entities, sections and document facts.

    ``segmenter``: ``"char"`` (default) is the fast reading: no word segmentation, since no rule
    reads words (the records and entities are the same as with ``"pkuseg"``; a test checks it on
    the seed reports). ``"pkuseg"`` segments words first, as :func:`lawgov_ie.load` does for
    spaCy users who want ``doc`` tokens to be words; it gives the same report, only slower.

    ``max_chars`` (default :data:`DEFAULT_MAX_CHARS`): a longer text is read in pieces cut at
    paragraph breaks, with every offset still into ``text``.
    """
    text = _check_text(text)
    _check_hints(year, source)
    limit = _check_max_chars(max_chars)
    if not text.strip():
        return _empty_report(year, source)
    nlp = load(segmenter=segmenter, patterns=patterns)
    return _read(nlp, text, year, source, limit)


def _read(nlp: Language, text: str, year: int | None, source: str | None,
          max_chars: int) -> Report:
    with document_budget():  # each pattern-file regex gets its time on this document
        return _read_pieces(nlp, text, year, source, max_chars)


def _read_pieces(nlp: Language, text: str, year: int | None, source: str | None,
                 max_chars: int) -> Report:
    safe = _pipeline_text(text)
    spans = chunk_spans(safe, max_chars)
    if len(spans) == 1:
        return _finish(_run(nlp, safe, year, source), text, safe)
    joined = _Joined(text=safe)
    hint = year
    for start, end in spans:
        piece = safe[start:end]
        if not piece.strip():
            joined.last_newline = max(joined.last_newline, safe.rfind("\n", start, end))
            continue
        context = joined.context()
        report = _run(nlp, context + piece, hint, source)
        if joined.first is None:
            joined.first = report
            if hint is None:
                hint = report.meta.year  # later pieces date their figures like the first
        joined.add(report, start, end, len(context),
                   start + len(piece.rstrip(_TRAILING_SPACE)))
        joined.last = report
        joined.last_newline = max(joined.last_newline, safe.rfind("\n", start, end))
    if joined.first is None:
        return _empty_report(year, source)
    return _finish(joined.report(), text, safe)


@dataclass
class _Joined:
    """The reports of a text's pieces, put together as one report of the whole text.

    Each piece after the first is read with a *context*: the heading lines of the sections
    still open where it starts, one a line, put before it. The section reader then sees the
    outline the piece belongs to (its headings get their parents, kinds and levels as in the
    whole text, and it decides where those open sections end); whatever is found inside the
    context is left out, so nothing is reported twice and no relation links two pieces.
    """

    text: str
    first: Report | None = None  # the document facts come from the first piece
    last: Report | None = None  # the closing block (date, 抄送, signers) is in the last one
    records: list[Record] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # sections that ran to the end of the last piece added: the next piece may continue them
    running: list[Section] = field(default_factory=list)
    reached: Section | None = None  # the last problem or plan heading so far
    last_newline: int = -1  # where the last line break before the next piece is

    def context(self) -> str:
        """The heading lines of the open sections, outermost first, each ending in a newline;
        first the last problem or plan heading if none of them is one (after the problems and
        plans, a top-level heading without a kind word is ``other``). When the cut fell inside
        the innermost heading's own paragraph, its line ends with the title's closing mark and
        no newline, so the piece goes on with that paragraph."""
        headings = self.running[-_MAX_CONTEXT_HEADINGS:]
        if self.reached is not None and not any(s.heading_kind in _LATE_KINDS for s in headings):
            headings = [self.reached, *headings]
        lines = []
        for section in headings:
            title_at = self.text.find(section.title, section.start,
                                      section.start + _MAX_HEADING_PREFIX + len(section.title))
            if title_at < 0:
                continue
            end = title_at + len(section.title)
            line = self.text[section.start:end]
            if section is headings[-1] and self.last_newline < section.start and \
                    self.text[end:end + 1] in _TITLE_MARKS:
                lines.append(line + self.text[end])
            else:
                lines.append(line + "\n")
        return "".join(lines)

    def add(self, report: Report, offset: int, end: int, context: int,
            content_end: int) -> None:
        """Add the report of the piece ``[offset, end)``, read with ``context`` characters of
        headings before it; ``content_end`` is where the piece's text (less spaces) ends."""
        shift = offset - context
        self._continue_running([s for s in report.sections if s.start < context], context, shift)
        records = [r for r in report.records if r.start >= context
                   and not self._torn(r.start + shift, r.end + shift, offset, end)]
        ids = {r.id: f"r{len(self.records) + n}" for n, r in enumerate(records, start=1)}
        self.records.extend(renumber(records, ids, shift))
        self.entities.extend(e.model_copy(update={"start": e.start + shift, "end": e.end + shift})
                             for e in report.entities if e.start >= context)
        new = [s.model_copy(update={"start": s.start + shift, "end": s.end + shift})
               for s in report.sections if s.start >= context]
        self.sections.extend(new)
        self.reached = next((s for s in reversed(new) if s.heading_kind in _LATE_KINDS),
                            self.reached)
        self.running = [s for s in self.running if s.end >= content_end]
        self.running.extend(s for s in new if s.end >= content_end)

    def _torn(self, start: int, end: int, offset: int, piece_end: int) -> bool:
        """Does a quantity at ``[start, end)`` begin or end at a cut through a number (a hard cut
        in a window of digits)? Then it is part of a longer number, not a quantity."""
        text = self.text
        return (start == offset > 0 and text[offset - 1] in NUMBER_CHARS) or \
            (end == piece_end < len(text) and text[piece_end] in NUMBER_CHARS)

    def _continue_running(self, seen: list[Section], context: int, shift: int) -> None:
        """Move the ends of the open sections to where the reader ended them in this piece.

        ``seen`` are the sections the reader found in the context; each is matched to the open
        section it repeats (same title and level, in order)."""
        at = 0
        for section in self.running:
            match = next((j for j in range(at, len(seen))
                          if (seen[j].title, seen[j].level) == (section.title, section.level)),
                         None)
            if match is None:  # its heading line could not be rebuilt: it ends where it was
                continue
            at = match + 1
            if seen[match].end > context:
                section.end = max(section.end, seen[match].end + shift)

    def report(self) -> Report:
        assert self.first is not None
        meta = self.first.meta
        if self.last is not None and self.last is not self.first:
            tail = self.last.meta
            meta = meta.model_copy(update={name: getattr(tail, name) for name in _CLOSING_FACTS
                                           if getattr(meta, name) in (None, [])})
        return Report(meta=meta, records=self.records, entities=self.entities,
                      sections=self.sections)


def _finish(report: Report, text: str, safe: str) -> Report:
    """Make every span hold its text in the caller's ``text``: drop, with a warning, any whose
    offsets do not hold it. ``safe`` is the text the pipeline saw (``text`` with lone surrogates
    replaced); a span over a lone surrogate is dropped without a warning, as its text could not
    be written out as JSON (and it is not real text)."""
    length = len(text)
    replaced = safe is not text

    def keep(what: str, name: str, start: int, end: int, written: str) -> bool:
        if not (0 <= start <= end <= length and safe[start:end] == written):
            _warn(what, name, written, start, end)
            return False
        return not replaced or text[start:end] == written

    records = [r for r in report.records
               if r.end > r.start and keep("record", r.id, r.start, r.end, r.text)]
    if len(records) < len(report.records):
        report.records = renumber(records, {r.id: r.id for r in records})
    report.entities = [e for e in report.entities
                       if keep("entity", e.label, e.start, e.end, e.text)]
    sections = []
    for section in report.sections:
        if 0 <= section.start <= section.end <= length:
            sections.append(section)
        else:
            _warn("section", section.title, "", section.start, section.end)
    report.sections = sections
    return report


def _warn(what: str, name: str, written: str, start: int, end: int) -> None:
    warnings.warn(f"lawgov-ie dropped the {what} {name!r} {written!r} at [{start}:{end}]: its "
                  "offsets do not hold its text (a bug; please report it with the text)",
                  OffsetWarning, stacklevel=3)


Context = Mapping[str, Any]
"""What goes with a text in ``extract_many(..., as_tuples=True)``: its ``source`` and ``year``
(as :func:`extract` takes them), and anything else the caller wants back with the report."""
_Item = tuple[str, int | None, str | None]  # a text with its year and source hints


@overload
def extract_many(texts: Iterable[str], *, as_tuples: Literal[False] = ..., n_process: int = ...,
                 batch_size: int = ...,
                 patterns: PatternPaths | str | os.PathLike[str] | None = ...,
                 segmenter: Segmenter = ..., max_chars: int | None = ...) -> Iterator[Report]: ...


@overload
def extract_many(texts: Iterable[tuple[str, C]], *, as_tuples: Literal[True],
                 n_process: int = ..., batch_size: int = ...,
                 patterns: PatternPaths | str | os.PathLike[str] | None = ...,
                 segmenter: Segmenter = ...,
                 max_chars: int | None = ...) -> Iterator[tuple[Report, C]]: ...


def extract_many(texts: Iterable[Any], *, as_tuples: bool = False, n_process: int = 1,
                 batch_size: int = 16,
                 patterns: PatternPaths | str | os.PathLike[str] | None = None,
                 segmenter: Segmenter = READING,
                 max_chars: int | None = None) -> Iterator[Any]:
    """Reports for many texts, in input order, each the report ``extract()`` gives.

    With ``as_tuples=True`` (as in spaCy's ``nlp.pipe``), ``texts`` are ``(text, context)``
    pairs and ``(report, context)`` pairs come out: the context's ``source`` and ``year`` (a
    mapping's keys, or attributes) are passed on as :func:`extract` takes them, and the context
    itself is handed back untouched.

    With ``n_process=1`` the texts go through ``nlp.pipe`` in batches of ``batch_size``; a text
    longer than ``max_chars`` is read in pieces, as :func:`extract` does, and its report is
    yielded in its place. With ``n_process`` > 1, that many worker processes each read whole
    texts (:mod:`lawgov_ie.batch`), at most ``batch_size`` texts out per worker.
    """
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        raise TypeError(f"n_process must be int, not {type(n_process).__name__}")
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, not {n_process}")
    limit = _check_max_chars(max_chars)
    load(segmenter=segmenter, patterns=patterns)  # here: workers forked from here share it
    contexts: deque[Any] = deque()

    def items() -> Iterator[_Item]:
        for number, given in enumerate(texts, start=1):
            where = f"extract_many() text #{number}:"
            if not as_tuples:
                yield _check_text(given, where), None, None
                continue
            text, context = _pair(given, where)
            contexts.append(context)
            yield _check_text(text, where), *_hints(context, where)

    reader = functools.partial(make_reader, segmenter, normalise_paths(patterns), limit)
    reports: Iterator[Report] = read_in_workers(
        items(), reader, n_process, in_flight=batch_size, transport=REPORTS, size=item_size,
        alone_below=PARALLEL_FROM[segmenter])
    if not as_tuples:
        return reports
    return ((report, contexts.popleft()) for report in reports)


def _pair(given: object, where: str) -> tuple[object, Any]:
    if not isinstance(given, tuple) or len(given) != 2:
        raise TypeError(f"{where} with as_tuples=True each item must be a (text, context) "
                        f"pair, not {type(given).__name__}")
    return given[0], given[1]


def _hints(context: Any, where: str) -> tuple[int | None, str | None]:
    """The ``year`` and ``source`` of a context (a mapping's keys or an object's attributes),
    checked as :func:`extract` checks them."""
    if isinstance(context, Mapping):
        year, source = context.get("year"), context.get("source")
    else:
        year, source = getattr(context, "year", None), getattr(context, "source", None)
    _check_hints(year, source, f"{where} context ")
    return year, source


REPORTS = Transport(Report.model_dump_json, Report.model_validate_json)
"""Reports come back from workers as JSON: the parent rebuilds one from JSON for about a quarter
of the CPU unpickling it costs (docs/performance.md), and a report reads back equal to itself."""

PARALLEL_FROM: dict[str, int] = {"char": 100_000, "pkuseg": 20_000}
"""Characters of text below which ``n_process`` > 1 (``--jobs``) reads in one process: starting
workers would cost more than they save (measured in docs/performance.md)."""


def item_size(item: _Item) -> int:
    """The size of a batch item, in characters of text."""
    return len(item[0])


def make_reader(segmenter: Segmenter, patterns: tuple[str, ...],
                limit: int = DEFAULT_MAX_CHARS) -> Callable[[_Item], Report]:
    """A reader for :mod:`lawgov_ie.batch` (``extract_many``, ``lawgov-ie extract --jobs``):
    ``extract(text, year=year, source=source)`` of a ``(text, year, source)`` item with these
    settings, the pipeline loaded once (in each worker, or shared with a forked parent)."""
    nlp = load(segmenter=segmenter, patterns=patterns)
    return functools.partial(_read_item, nlp, limit)


def _read_item(nlp: Language, limit: int, item: _Item) -> Report:
    """``extract(text, year=year, source=source)`` with a loaded pipeline: blank texts too."""
    text, year, source = item
    if not text.strip():
        return _empty_report(year, source)
    return _read(nlp, text, year, source, limit)
