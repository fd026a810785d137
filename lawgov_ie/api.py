"""The public functions: ``extract`` and ``extract_many``.

Both take any ``str`` — scraped, converted from PDF, typed by hand — and never raise on it
(docs/robustness.md):

- anything that is not a ``str`` raises :class:`TypeError` naming the type it got;
- a text longer than ``max_chars`` is read in pieces cut at paragraph breaks
  (:mod:`lawgov_ie.chunking`); every offset is shifted back into the caller's string, record ids
  run ``r1, r2 …`` over the whole document, sections that run on past a cut are joined up, the
  document facts (``meta``) come from the first piece (those it lacks, such as the date of
  the closing block, from the last), and relations never link two pieces;
- characters the tokenizer cannot take (lone surrogates) are replaced, one for one, before the
  pipeline sees the text, so offsets still count the caller's characters; if the word
  segmenter returns words that do not spell the text, the piece falls back to one token a
  character;
- a record or entity whose offsets do not hold its text is dropped with an
  :class:`OffsetWarning` rather than returned wrong.
"""

from __future__ import annotations

import os
import re
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from .chunking import chunk_spans
from .models import Entity, Record, Report, Section
from .pattern_files import PatternPaths
from .pipeline import Segmenter, load

DEFAULT_MAX_CHARS = 100_000
"""Texts longer than this (in characters) are read in pieces; pass ``max_chars`` to change it."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_TRAILING_SPACE = " \t\r\n\u3000"


class OffsetWarning(UserWarning):
    """A component produced a span whose offsets do not hold its text; the span was dropped."""


def _check_text(text: object, where: str = "extract()") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{where} needs the report text as str, not {type(text).__name__}"
                        + (" (decode the bytes first, e.g. lawgov_ie.textio.decode)"
                           if isinstance(text, (bytes, bytearray)) else ""))
    return text


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
        return _SURROGATE.sub("\ufffd", text)
    return text


def _make_doc(nlp: Language, text: str, year: int | None, source: str | None) -> Doc:
    """A Doc whose ``doc.text`` is exactly ``text`` (already made safe by _pipeline_text)."""
    try:
        doc = nlp.make_doc(text)
    except Exception:  # a segmenter failing on odd text must not fail the caller
        doc = None
    if doc is None or doc.text != text:
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
            segmenter: Segmenter = "pkuseg", max_chars: int | None = None) -> Report:
    """Read one report and return its records, entities, sections and document facts.

    ``max_chars`` (default :data:`DEFAULT_MAX_CHARS`): a longer text is read in pieces cut at
    paragraph breaks, with every offset still into ``text``.
    """
    text = _check_text(text)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"year must be int or None, not {type(year).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be str or None, not {type(source).__name__}")
    limit = _check_max_chars(max_chars)
    if not text.strip():
        return _empty_report(year, source)
    nlp = load(segmenter=segmenter, patterns=patterns)
    return _read(nlp, text, year, source, limit)


def _read(nlp: Language, text: str, year: int | None, source: str | None,
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
            continue
        report = _run(nlp, piece, hint, source)
        if joined.meta_from is None:
            joined.meta_from = report
            if hint is None:
                hint = report.meta.year  # later pieces date their figures like the first
        joined.add(report, start, start + len(piece.rstrip(_TRAILING_SPACE)))
        joined.meta_last = report
    if joined.meta_from is None:
        return _empty_report(year, source)
    return _finish(joined.report(), text, safe)


@dataclass
class _Joined:
    """The reports of a text's pieces, put together as one report of the whole text."""

    text: str
    meta_from: Report | None = None  # the first piece: the document facts come from it
    meta_last: Report | None = None  # the last piece: fills facts the first lacks (date, cc)
    records: list[Record] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # sections that ran to the end of the last piece added: the next piece may continue them
    running: list[Section] = field(default_factory=list)

    def add(self, report: Report, offset: int, content_end: int) -> None:
        """Add one piece's report; ``content_end`` is where the piece's text (less spaces) ends."""
        carried = self._continue_running(report.sections, offset, content_end)
        ids = {r.id: f"r{len(self.records) + n}" for n, r in enumerate(report.records, start=1)}
        for record in report.records:
            update: dict[str, object] = {
                "id": ids[record.id], "start": record.start + offset,
                "end": record.end + offset,
                "part_of": ids.get(record.part_of) if record.part_of else None,
                "rate_of": ([ids[i] for i in record.rate_of]
                            if record.rate_of and all(i in ids for i in record.rate_of) else None),
            }
            path = [s for s in carried if s.start <= record.start + offset < s.end]
            if path:
                update["section"] = [s.title for s in path] + record.section
                if not record.section:
                    update["section_kind"] = path[-1].kind
            self.records.append(record.model_copy(update=update))
        self.entities.extend(e.model_copy(update={"start": e.start + offset,
                                                  "end": e.end + offset})
                             for e in report.entities)
        new = [s.model_copy(update={"start": s.start + offset, "end": s.end + offset})
               for s in report.sections]
        self.sections.extend(new)
        self.running = [s for s in carried if s.end >= content_end]
        self.running.extend(s for s in new if s.end >= content_end)

    def _continue_running(self, new: list[Section], offset: int,
                          content_end: int) -> list[Section]:
        """The sections open where a piece starts, their ends moved to where this piece closes
        them: at its first heading of the same or a higher level, else at its end.
        Returned outermost first."""
        for section in self.running:
            closer = next((s for s in new if s.level <= section.level), None)
            end = closer.start + offset if closer is not None else content_end
            while end > section.start and self.text[end - 1] in _TRAILING_SPACE:
                end -= 1
            section.end = max(section.end, end)
        return sorted(self.running, key=lambda s: (s.start, -s.end))

    def report(self) -> Report:
        assert self.meta_from is not None
        meta = self.meta_from.meta
        if self.meta_last is not None and self.meta_last is not self.meta_from:
            # the closing block (date, signers, 抄送) is at the end of the document
            tail = self.meta_last.meta
            meta = meta.model_copy(update={name: getattr(tail, name)
                                           for name in type(meta).model_fields
                                           if getattr(meta, name) in (None, [])})
        return Report(meta=meta, records=self.records, entities=self.entities,
                      sections=self.sections)


def _finish(report: Report, text: str, safe: str) -> Report:
    """Make every span hold its text in the caller's ``text``; drop (with a warning) any that
    does not. ``safe`` is the text the pipeline saw (``text`` with lone surrogates replaced)."""
    length = len(text)
    replaced = safe is not text

    def holds(start: int, end: int, written: str) -> bool:
        return 0 <= start <= end <= length and safe[start:end] == written

    kept: list[Record] = []
    dropped: set[str] = set()
    for record in report.records:
        if record.end > record.start and holds(record.start, record.end, record.text):
            if replaced:
                record.text = text[record.start:record.end]
            kept.append(record)
        else:
            dropped.add(record.id)
            _warn("record", record.id, record.text, record.start, record.end)
    if dropped:
        for record in kept:
            if record.part_of in dropped:
                record.part_of = None
            if record.rate_of and dropped.intersection(record.rate_of):
                record.rate_of = None
        report.records = kept
    entities = []
    for entity in report.entities:
        if holds(entity.start, entity.end, entity.text):
            if replaced:
                entity.text = text[entity.start:entity.end]
            entities.append(entity)
        else:
            _warn("entity", entity.label, entity.text, entity.start, entity.end)
    report.entities = entities
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


def extract_many(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 16,
                 patterns: PatternPaths | str | os.PathLike[str] | None = None,
                 segmenter: Segmenter = "pkuseg",
                 max_chars: int | None = None) -> Iterator[Report]:
    """Reports for many texts, in input order; ``n_process`` > 1 uses spaCy's multiprocessing.

    Texts up to ``max_chars`` go through ``nlp.pipe``; a longer one is read in pieces in this
    process, as :func:`extract` does, and its report is yielded in its place.
    """
    limit = _check_max_chars(max_chars)
    nlp = load(segmenter=segmenter, patterns=patterns)
    # one entry per input text, in order: (original, safe) for a Doc sent through nlp.pipe,
    # or (original, None) for a text handled here (empty or too long)
    pending: deque[tuple[str, str | None]] = deque()

    def docs() -> Iterator[Doc]:
        for number, text in enumerate(texts, start=1):
            text = _check_text(text, f"extract_many() text #{number}:")
            if not text.strip() or len(text) > limit:
                pending.append((text, None))
                continue
            safe = _pipeline_text(text)
            pending.append((text, safe))
            yield _make_doc(nlp, safe, None, None)

    def handled_here() -> Iterator[Report]:
        while pending and pending[0][1] is None:
            text, _ = pending.popleft()
            yield _read(nlp, text, None, None, limit) if text.strip() else _empty_report(None,
                                                                                        None)

    for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
        yield from handled_here()
        text, safe = pending.popleft()
        assert safe is not None
        yield _finish(doc._.report, text, safe)
    yield from handled_here()
