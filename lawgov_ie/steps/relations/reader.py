"""Link records and check that their numbers add up (pure Python).

- ``part_of``: a breakdown cue (其中、包括、含、分别: ``relation_cue`` patterns) opens a list of
  parts of the figure before it, up to the end of the sentence or of the bracket it stands in;
  「法治培训（共7期）、…等培训班12次」: a bracketed 共 figure inside a list is a part of the total
  that closes the list.
- ``rate_of``: a rate whose word has a ``rate_link`` (结案率 ↔ 结案) is tied to the nearest count
  before it whose label carries the numerator word, and to the count before that (same unit,
  not smaller) as denominator: 受理232起，成功调解结案227起，结案率97.8%.
- checks: ``parts_exceed_total`` (on the total), ``part_exceeds_total`` (on the part),
  ``rate_mismatch`` (the rate disagrees with numerator/denominator beyond the rounding of the
  digits written), ``rate_above_100``. Parts that add up to less than their total are fine: a
  其中 list need not be exhaustive.
- ``period``: the report's year, unless the words before the number in its sentence say
  otherwise: 2022年 → 2022, 上年 → year - 1, 近三年 / 2021年以来 (an earlier year) → None.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.models import Check
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.steps.relations.relations_patterns import RateLinkPattern, RelationCuePattern

_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")
_SENTENCE_START = regex.compile(_SENTENCE_END.pattern, regex.REVERSE)
# Where a breakdown or a rate's sentence ends: a full stop, or a line break before a heading (a
# line broken inside a sentence, as in text taken from PDF, does not end it).
_SCOPE_END = regex.compile(
    r"[。！？!?；;]|\n(?=[ \t\u3000]*(?:#|\*\*|[一二三四五六七八九十]+[、．.]"
    r"|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．]|$))")
_BRACKETS = {"（": "）", "(": ")"}
_MAX_TOTAL_DISTANCE = 120  # characters between a total and its breakdown cue
_MAX_RATE_DISTANCE = 80  # characters between a rate and its numerator
_MAX_SENTENCE = 400  # how far back a sentence is read for its time words
_YEAR = regex.compile(
    r"(?<![0-9０-９—\-－~～/])(?P<year>(?:19|20)[0-9]{2})\s*年(?P<since>以来|来)?(?![0-9—\-－~～])")
_NUMBER = regex.compile(r"[0-9]+(?:\.([0-9]+))?")
_FAMILIES = (frozenset({"件", "起", "宗", "件次", "个", "案"}), frozenset({"人", "名", "位"}),
             frozenset({"次", "场", "场次", "期"}))


def _same_family(a: str, b: str) -> bool:
    return a == b or any(a in family and b in family for family in _FAMILIES)


def _fmt(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class _RateLink:
    rate: regex.Pattern[str]
    numerator: regex.Pattern[str]


def _alternation(cues: Sequence[RelationCuePattern], role: str) -> regex.Pattern[str] | None:
    alternatives = sorted((a for c in cues if c.role == role for a in c.alternatives()),
                          key=len, reverse=True)
    if not alternatives:
        return None
    return regex.compile("|".join(f"(?:{a})" for a in alternatives))


class RelationFinder:
    def __init__(self, cues: Sequence[RelationCuePattern],
                 rate_links: Sequence[RateLinkPattern]) -> None:
        self._starts: list[int] = []
        self._groups: dict[int, int] = {}  # part index -> the breakdown (cue) it came from
        self.breakdown = _alternation(cues, "breakdown")
        self.period_previous = _alternation(cues, "period_previous")
        self.period_span = _alternation(cues, "period_span")
        self.period_not = _alternation(cues, "period_not")
        self.rate_links = [_RateLink(regex.compile(r.rate), regex.compile(r.numerator))
                           for r in rate_links]

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> RelationFinder:
        return cls(patterns.of("relation_cue", RelationCuePattern),
                   patterns.of("rate_link", RateLinkPattern))

    # --- entry point --------------------------------------------------------------------------

    def relate(self, text: str, records: Sequence[RecordDraft], year: int | None) -> None:
        """Fill ``part_of``, ``rate_of``, ``checks`` and ``period`` of every record in place."""
        order = sorted(range(len(records)), key=lambda i: (records[i].start, records[i].end))
        self._starts = [records[i].start for i in order]
        self._groups = {}
        self._breakdowns(text, records, order)
        self._bracketed_parts(text, records, order)
        self._labelled_parts(text, records, order)
        self._rates(text, records, order)
        self._checks(records)
        for record in records:
            record.period = self.period_of(text, record, year)

    # --- breakdowns ---------------------------------------------------------------------------

    def _breakdowns(self, text: str, records: Sequence[RecordDraft], order: list[int]) -> None:
        if self.breakdown is None:
            return
        for cue in self.breakdown.finditer(text):
            scope_end = self._scope_end(text, cue.start(), cue.end())
            parts = self._between(order, cue.end(), scope_end)
            if not parts:
                continue
            first_kind = records[parts[0]].kind
            for index in parts:
                part = records[index]
                if part.kind != first_kind or part.implicit:
                    break
                if part.part_of is not None:
                    continue
                total = self._total_before(text, records, order, cue.start(), part)
                if total is not None:
                    part.part_of = total
                    self._groups[index] = cue.start()

    @staticmethod
    def _scope_end(text: str, start: int, end: int) -> int:
        """Where a breakdown opened at ``start`` ends: its bracket's close, else the sentence's."""
        opening = None
        cursor = start
        while cursor > 0 and start - cursor < 4:
            if text[cursor - 1] in _BRACKETS:
                opening = text[cursor - 1]
                break
            if text[cursor - 1] not in " \t\u3000":
                break
            cursor -= 1
        sentence = _SCOPE_END.search(text, end)
        limit = sentence.start() if sentence else len(text)
        if opening is not None:
            close = text.find(_BRACKETS[opening], end, limit)
            if close != -1:
                return close
        return limit

    def _between(self, order: list[int], start: int, end: int) -> list[int]:
        """Indexes of the records starting in ``[start, end)``, in text order."""
        return order[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def _total_before(self, text: str, records: Sequence[RecordDraft], order: list[int], cue: int,
                      part: RecordDraft) -> int | None:
        """The figure a breakdown at ``cue`` divides: the nearest one before it of the same kind,
        preferring the same unit, in the same sentence or (when the cue opens a sentence) the
        one before."""
        sentence = _scope_start(text, cue)
        floor = sentence
        if not text[sentence:cue].strip(" \t\u3000\n“\"*"):
            floor = _scope_start(text, sentence - 1) if sentence > 0 else 0
        floor = max(floor, cue - _MAX_TOTAL_DISTANCE)
        candidates = [i for i in self._between(order, floor, cue) if records[i].end <= cue
                      and records[i].kind == part.kind and not records[i].implicit
                      and records[i].part_of is None]
        if not candidates:
            return None
        same_unit = [i for i in candidates if records[i].unit == part.unit]
        return (same_unit or candidates)[-1]

    def _bracketed_parts(self, text: str, records: Sequence[RecordDraft],
                         order: list[int]) -> None:
        """法治能力提升主题培训（共7期）、…等培训班12次: the bracketed figure is a part of the total
        that closes the list."""
        for position, index in enumerate(order):
            record = records[index]
            if record.part_of is not None or record.implicit:
                continue
            lead = text[max(0, record.start - 4):record.start].rstrip(" \t\u3000")
            if not regex.search(r"[（(]\s*(?:共计|共|合计)$", lead):
                continue
            close = regex.compile(r"\s*[)）]").match(text, record.end)
            if close is None:
                continue
            sentence = _SENTENCE_END.search(text, close.end())
            limit = sentence.start() if sentence else len(text)
            for later in order[position + 1:]:
                other = records[later]
                if other.start >= limit:
                    break
                if other.kind == record.kind and _same_family(other.unit, record.unit) \
                        and "等" in text[close.end():other.start]:
                    record.part_of = later
                    self._groups[index] = -1 - record.start
                    break

    def _labelled_parts(self, text: str, records: Sequence[RecordDraft], order: list[int]) -> None:
        """设立14个信访评理室，乡级信访评理室1个，村级信访评理室13个: without a cue, two or more
        figures right after a total, in its sentence, with its unit, whose labels narrow the
        total's head noun (乡级…, 村级…), are its parts when they do not add up to more than it."""
        scope_ends = [m.start() for m in _SCOPE_END.finditer(text)]  # found once: linear
        for position, index in enumerate(order):
            total = records[index]
            if not total.label or total.implicit or total.part_of is not None:
                continue
            next_end = bisect_left(scope_ends, total.end)
            limit = scope_ends[next_end] if next_end < len(scope_ends) else len(text)
            parts: list[int] = []
            head = ""
            for later in order[position + 1:]:
                other = records[later]
                if other.start >= limit or other.unit != total.unit or other.part_of is not None:
                    break
                if not head:
                    head = _common_suffix(total.label, other.label)
                if len(head) < 2 or other.label == total.label or other.label == head \
                        or not other.label.endswith(head):
                    break
                parts.append(later)
            if len(parts) >= 2 and sum(records[i].value for i in parts) <= total.value:
                for part in parts:
                    records[part].part_of = index
                    self._groups[part] = -1 - total.start

    # --- rates --------------------------------------------------------------------------------

    def _rates(self, text: str, records: Sequence[RecordDraft], order: list[int]) -> None:
        for index in order:
            rate = records[index]
            if rate.kind != "rate" or rate.rate_of is not None:
                continue
            links = [link for link in self.rate_links if link.rate.search(rate.label)]
            if not links:
                continue
            sentence = _scope_start(text, rate.start)
            floor = max(sentence, rate.start - _MAX_RATE_DISTANCE)
            before = [i for i in self._between(order, floor, rate.start) if i != index
                      and records[i].start >= floor and records[i].kind == "count"
                      and not records[i].implicit]
            numerator = next((i for i in reversed(before)
                              if any(link.numerator.search(records[i].label) for link in links)),
                             None)
            if numerator is None:
                continue
            top = records[numerator]
            denominator = next((i for i in reversed(before)
                                if records[i].end <= top.start
                                and _same_family(records[i].unit, top.unit)
                                and records[i].value >= top.value
                                and records[i].value > 0
                                and records[i].part_of is None), None)
            if denominator is not None:
                rate.rate_of = (numerator, denominator)

    # --- checks -------------------------------------------------------------------------------

    def _checks(self, records: Sequence[RecordDraft]) -> None:
        # Parts are summed per breakdown: 办件5.6万件（含线上办件3.1万件），其中即办件…承诺件…
        # cuts one total two ways.
        parts_of: dict[tuple[int, int], list[int]] = {}
        for index, record in enumerate(records):
            if record.part_of is not None:
                key = (record.part_of, self._groups.get(index, 0))
                parts_of.setdefault(key, []).append(index)
        for (total_index, _group), part_indexes in parts_of.items():
            total = records[total_index]
            parts = [records[i] for i in part_indexes]
            seen: set[tuple[int, int]] = set()
            distinct = []
            for part in parts:  # one quantity with two labels counts once
                if (part.start, part.end) not in seen:
                    seen.add((part.start, part.end))
                    distinct.append(part)
            for part in distinct:
                if part.value > total.value:
                    part.checks.append(Check(
                        code="part_exceeds_total",
                        message=f"{part.label or part.text} {part.text} is larger than the total "
                                f"{total.label or total.text} {total.text} it is a part of."))
            comparable = [p for p in distinct if p.unit == total.unit or
                          _same_family(p.unit, total.unit)]
            added = sum(p.value for p in comparable)
            if len(comparable) > 1 and added > total.value + 1e-9:
                total.checks.append(Check(
                    code="parts_exceed_total",
                    message=f"The parts of {total.label or total.text} {total.text} add up to "
                            f"{_fmt(added)}, more than the total {_fmt(total.value)}."))
        for record in records:
            if record.kind != "rate":
                continue
            if record.value > 100:
                record.checks.append(Check(
                    code="rate_above_100",
                    message=f"The rate {record.label or ''} {record.text} is above 100%."))
            if record.rate_of is not None:
                numerator, denominator = (records[i] for i in record.rate_of)
                expected = 100 * numerator.value / denominator.value
                if abs(expected - record.value) > _tolerance(record.text):
                    record.checks.append(Check(
                        code="rate_mismatch",
                        message=f"{record.label} {record.text} disagrees with "
                                f"{numerator.text} / {denominator.text} = {expected:.2f}%."))

    # --- periods ------------------------------------------------------------------------------

    def period_of(self, text: str, record: RecordDraft, year: int | None) -> int | None:
        """The year a figure is about: the last time word before it in its sentence decides."""
        floor = max(0, record.start - _MAX_SENTENCE)
        before = _SENTENCE_START.search(text, floor, record.start)  # searches backwards
        start = before.end() if before else floor
        window = text[start:record.start]
        found: list[tuple[int, int | None]] = []  # (position, period)
        not_spans = [m.span() for m in self.period_not.finditer(window)] if self.period_not else []

        def negated(at: int) -> bool:
            return any(a <= at < b for a, b in not_spans)

        for match in _YEAR.finditer(window):
            written = int(match.group("year"))
            if match.group("since"):
                found.append((match.start(), year if year == written else None))
            else:
                found.append((match.start(), written))
        if self.period_previous is not None and year is not None:
            for match in self.period_previous.finditer(window):
                if not negated(match.start()):
                    found.append((match.start(), year - 1))
        if self.period_span is not None:
            for match in self.period_span.finditer(window):
                found.append((match.start(), None))
        if not found:
            return year
        return max(found, key=lambda item: item[0])[1]


def _common_suffix(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
        size += 1
    return a[len(a) - size:]


def _scope_start(text: str, position: int) -> int:
    """The start of the sentence holding ``position`` (see ``_SCOPE_END``)."""
    floor = max(0, position - 400)
    last = floor
    for found in _SCOPE_END.finditer(text, floor, position):
        last = found.end()
    return last


def _tolerance(written: str) -> float:
    """How far a rate may stand from its counts: half a unit of its last digit, plus slack."""
    number = _NUMBER.search(written.replace("．", "."))
    decimals = len(number.group(1)) if number and number.group(1) else 0
    return 0.5 * 10 ** -decimals + 0.05
