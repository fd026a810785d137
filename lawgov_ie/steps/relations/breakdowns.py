"""Breakdowns: which figures are parts of which total (``part_of``), and the evidence for it.

A part and its total stand in one sentence or list (a clause, semicolon-separated items, a
bracket), have the same kind and unit family (a part in 宗 goes to the total in 宗, one in 元 to
the total in 元), and no section heading lies between them. Among such candidates a link is
made when the evidence weighs at least :data:`THRESHOLD`:

============  =========  ==========================================================
evidence      weight     what it is
============  =========  ==========================================================
cue           2.0        a breakdown cue before the list (其中, 包括, （含…, 分别) or a
                         total cue before a total that closes it (合计, 共计, 总计)
sums          2.0        two or more parts add up exactly to the total
labels        1.5        every part is named as an outcome, kind or state of what the
                         total counts (``part_label`` patterns: 维持/撤销 of 复议), or,
                         for two or more parts, names a kind of the total's noun
                         (村级调解室 of 调解室)
bracket       1.5        two or more figures in a bracket right after the total
position      0.5        the list starts within two clauses after its total
opener        1.0        a category phrase (…中，/ …：) opens the list, its total stated
                         before it (construction 5: only with parts that add up)
============  =========  ==========================================================

So a cue alone links, parts that add up alone link, and parts named as outcomes of their total
link when the list follows it. A later stage of the same items (受理56件，办结50件) has none of
these and is not linked. A part that is itself broken down keeps its own parts (nested): in
「建议40件，其中代表建议25件，主办15件、会办10件；政协提案15件」 15 and 10 add up to 25, and
25 and 15 to 40.

Constructions, in the order they are read (a record linked by one is not taken by the next):

1. cue lists, from the last cue of the document to the first (an inner list is read before the
   list around it); the list runs to its bracket's close, or to the end of its sentence (across
   semicolons after 其中： / 其中，while its items are named alike and stay within the total,
   or when the items after a semicolon make the parts add up); 分别 lists only when they add up;
2. a bracketed 共 figure inside a list, a part of the total that closes the list after 等;
3. a total after its parts (非常满意802条，满意163条，合计965条), also in the sentence before a
   以上/上述 total when they add up;
4. a list with no cue after its total (行政复议4件，撤销1件，维持3件); outcomes listed after a
   received and a concluded figure go to the concluded one (收到20件，审结17件，维持10件…);
   parts that add up may run over semicolon items, and a second run that adds up to the same
   total divides it another way; figures of one 、 enumeration are side by side, no breakdown;
5. a list opened by a category phrase (在受理的投诉中，甲类52件，乙类34件) whose parts add up
   exactly to a figure stated before it, in its sentence or the two before.

No figure after a comparison in its clause (同比, 较上年) is a part; nor, without a cue, a figure
after a year (a series by year), a concluded figure of the received one, or a pending case of
the concluded ones (docs/numbers-in-context.md, "How a breakdown is decided").
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.models import PartPosition, PartsSum, RelationEvidence
from lawgov_ie.rules.budget import compile_rule
from lawgov_ie.rules.screen import Screen, holds
from lawgov_ie.steps.relations.figures import MAX_REACH, PEOPLE, Figures, same_family
from lawgov_ie.steps.relations.periods import YEAR
from lawgov_ie.steps.relations.relations_patterns import (
    PartLabelPattern,
    RelationCuePattern,
    alternation,
)
from lawgov_ie.text.index import SENTENCE_WINDOW

CUE = 2.0
SUMS = 2.0
LABELS = 1.5
POSITION = 0.5
BRACKET = 1.5  # two or more figures in a bracket right after the total
OPENER = 1.0  # a category phrase (…中，/ …：) opens the list, its total stated before it
THRESHOLD = 2.0  # tuned on the devset's tune part: a cue, a sum, or labels after the total

PART_KINDS = frozenset({"count", "money", "measure"})
_BRACKETS = {"（": "）", "(": ")"}
_CLOSERS = "）)"
_MAX_TOTAL_DISTANCE = 120  # characters between a total and the cue of its list
_MAX_SEMICOLONS = 3  # semicolon-separated items a list may run over
_MAX_OPEN_ITEMS = 12  # semicolon-separated items a list after 其中： / 其中，may run over
_MAX_NESTED = 8  # parts a part's own list may hold
_MAX_UNCUED = 12  # figures a list without a cue word may hold
_MAX_DEPTH = 3  # levels of part_of links one chain may have (part of a part of a part)
_NARROWED_NOUN = 3  # characters a part's label shares with its total's end: 村级调解室 of
# 调解室 (two, as in 案件 or 纠纷, says too little: 行政应诉案件 is no kind of 行政复议案件)
_TOTAL_CUE_AT = 4  # a total cue stands this near its clause's start or its number
_BRACKET_TOTAL = regex.compile(r"[（(]\s*(?:共计|共|合计)$")
_BRACKET_CLOSE = regex.compile(r"\s*[)）]")
_BLANK = " \t\u3000\n“\"*"
_CATEGORY_MARKERS = ("类", "類")  # 投诉类, 咨询类: items named as categories of one list
_STOPS = "；;。！？!?\n"  # marks that end a sentence or a semicolon item
_LIST_BREAKS = "，,：:；;（(。\n"  # marks that end an enumeration item (、 does not)
_OPENS = 8  # a cue this near its sentence's start (past blanks and marks) opens the sentence


def _equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def _common_suffix(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
        size += 1
    return a[len(a) - size:]


@dataclass
class Group:
    """One breakdown: a total and the parts linked to it by one list."""

    total: int
    parts: list[int]
    cue: str | None = None
    stated_total: bool = False  # a 合计/共计 total after its parts: sum_mismatch applies


@dataclass
class _Parse:
    """How a list divides its total: top-level parts, and parts of parts."""

    top: list[int]
    nested: dict[int, list[int]] = field(default_factory=dict)
    sums: PartsSum = "under"  # of the top-level parts against the total


def sum_status(added: float, total: float) -> PartsSum:
    return "exact" if _equal(added, total) else "under" if added < total else "over"


def _nest(items: Sequence[int], values: Sequence[float]) -> tuple[list[int], dict[int, list[int]]]:
    """Read ``items`` as top-level parts, a part followed by two or more items that add up to
    it keeping them as its own parts (at most :data:`_MAX_NESTED`): (top, nested)."""
    top: list[int] = []
    nested: dict[int, list[int]] = {}
    at = 0
    while at < len(items):
        top.append(items[at])
        running = 0.0
        found = None
        for end in range(at + 1, min(len(items), at + 1 + _MAX_NESTED)):
            running += values[end]
            if _equal(running, values[at]) and end >= at + 2:
                found = end
                break
            if running > values[at]:
                break
        if found is not None:
            nested[items[at]] = list(items[at + 1:found + 1])
            at = found + 1
        else:
            at += 1
    return top, nested


def parse_list(total: float, items: Sequence[int], values: Sequence[float]) -> _Parse:
    """Divide ``items`` (with ``values``) under ``total``: flat, or nested (:func:`_nest`). The
    reading whose top level adds up to the total wins; else one that stays within it; the flat
    one on a tie."""
    flat_parse = _Parse(list(items), {}, sum_status(sum(values), total))
    top, nested = _nest(items, values)
    if not nested:
        return flat_parse
    value_of = dict(zip(items, values, strict=True))
    nested_parse = _Parse(top, nested, sum_status(sum(value_of[i] for i in top), total))
    wanted: PartsSum
    for wanted in ("exact", "under"):
        if flat_parse.sums == wanted:
            return flat_parse
        if nested_parse.sums == wanted:
            return nested_parse
    return flat_parse


def exact_prefix(total: float, items: Sequence[int], values: Sequence[float]) -> _Parse | None:
    """The shortest run from the start of ``items`` whose two or more top-level parts add up to
    ``total`` exactly, read flat, else nested; None when there is none. Linear in the items."""
    running = 0.0
    for size, value in enumerate(values, start=1):
        running += value
        if size >= 2 and _equal(running, total):
            return _Parse(list(items[:size]), {}, "exact")
        if running > total:
            break
    if len(values) < 3 or min(values) == max(values):
        return None  # no part can have a list of its own
    top, nested = _nest(items, values)
    if not nested:
        return None
    value_of = dict(zip(items, values, strict=True))
    running = 0.0
    for size, head in enumerate(top, start=1):
        running += value_of[head]
        if size >= 2 and _equal(running, total):
            kept = top[:size]
            return _Parse(kept, {h: nested[h] for h in kept if h in nested}, "exact")
        if running > total:
            break
    return None


class Breakdowns:
    """The breakdown rules of one pattern set (stateless: each document gets its own run)."""

    def __init__(self, cues: Sequence[RelationCuePattern],
                 part_labels: Sequence[PartLabelPattern]) -> None:
        self.breakdown = alternation(cues, "breakdown")
        self.total = alternation(cues, "total")
        self.total_if_sums = alternation(cues, "total_if_sums")
        self.compared = alternation(cues, "period_not")
        self.concluded = alternation(cues, "concluded")
        self.refers_back = alternation(cues, "refers_back")
        self.opens_list = alternation(cues, "opens_list")
        self.part_labels = [(p.id, p.relation, compile_rule(p.total, f"part_label '{p.id}'"),
                             compile_rule(p.parts, f"part_label '{p.id}'"))
                            for p in part_labels]
        self.status_words = [parts for _, relation, _, parts in self.part_labels
                             if relation == "status"]
        # which part_label lines' total and part words may match a label (bit k: line k)
        self._totals = Screen([total for _, _, total, _ in self.part_labels])
        self._parts = Screen([parts for _, _, _, parts in self.part_labels])

    def siblings(self, label: str, others: Sequence[str]) -> bool:
        """Whether ``label`` and the first of ``others`` open with two different outcomes or
        kinds of one ``part_label`` pattern whose total words ``label`` lacks (维持原行政行为
        and 撤销): side by side, not a total and its part (调解纠纷 and 调解不成功 open with the
        same word: a total and its outcome may)."""
        if not label or not others:
            return False
        # the lines whose part words may match both labels: the others cannot answer True
        lines = self._parts.possible(label) & self._parts.possible(others[0])
        while lines:
            lowest = lines & -lines
            lines ^= lowest
            _, _, total, parts = self.part_labels[lowest.bit_length() - 1]
            if total.pattern == "." or total.search(label):
                continue
            mine, theirs = parts.match(label), parts.match(others[0])
            if mine and theirs and mine.group() != theirs.group():
                return True
        return False

    def named_alike(self, a: str, b: str) -> bool:
        """Whether one ``part_label`` line's part words stand in both labels (维持, 撤销)."""
        lines = self._parts.possible(a) & self._parts.possible(b)
        while lines:
            lowest = lines & -lines
            lines ^= lowest
            parts = self.part_labels[lowest.bit_length() - 1][3]
            if parts.search(a) and parts.search(b):
                return True
        return False

    def find(self, figures: Figures) -> list[Group]:
        """Set ``part_of`` of the parts found in ``figures``; the breakdowns, for the checks."""
        run = _Run(self, figures)
        run.cue_lists()
        run.bracketed_totals()
        run.totals_after_parts()
        run.forward_lists()
        run.opened_lists()
        return run.groups

    def label_relation(self, total: RecordDraft, part: RecordDraft) -> str | None:
        """How ``part``'s label relates to ``total``'s: ``outcome:<id>`` (a ``part_label``
        pattern), or ``narrows`` (it ends with the total's noun and says more)."""
        whole, label = total.label or "", part.label or ""
        if not label or label == whole:
            return None
        # the lines whose words may match both labels, in file order: the first that does wins
        lines = self._totals.possible(whole) & self._parts.possible(label)
        while lines:
            lowest = lines & -lines
            lines ^= lowest
            pattern_id, relation, total_words, part_words = \
                self.part_labels[lowest.bit_length() - 1]
            if total_words.search(whole) and part_words.search(label):
                return f"{relation}:{pattern_id}"
        head = _common_suffix(whole, label)
        if len(head) >= _NARROWED_NOUN and label != head:
            return "narrows"
        return None


@dataclass
class _Cue:
    role: str  # breakdown / total / total_if_sums
    word: str
    start: int
    end: int


class _Run:
    """One document's breakdowns: the state of a single :meth:`Breakdowns.find` call."""

    def __init__(self, rules: Breakdowns, figures: Figures) -> None:
        self.rules = rules
        self.figures = figures
        self.records = figures.records
        self.text = figures.text
        self.index = figures.index
        self.groups: list[Group] = []
        self.height: dict[int, int] = {}  # record index -> levels of parts below it
        self.cues: dict[int, _Cue] = {}  # record index -> the cue in its lead
        self.compared: set[int] = set()  # figures after 同比/较上年 in their clause
        # label_relation and siblings by the labels they read: a document asks of the same
        # pair of labels again and again (each list is tried from several totals)
        self._relations: dict[tuple[str, str], str | None] = {}
        self._siblings: dict[tuple[str, str], bool] = {}
        self._years: dict[int, bool] = {}  # _year_before of each record asked about
        self._next_alike: list[int] | None = None  # _alike_ahead's table, built when first asked
        self._limits: dict[tuple[int, int], list[int]] = {}  # _scope_limits by its arguments
        self._concluded: dict[int, bool] = {}  # _is_concluded of each record asked about
        self._colons: dict[int, bool] = {}  # _colon_after of each record asked about
        self._pendings: dict[int, bool] = {}  # _pending of each record asked about
        words: dict[int, list[int]] = {}  # clause start -> where its comparison words end
        spots = figures.spots
        self._cue_starts = spots.starts(rules.breakdown, rules.total, rules.total_if_sums) \
            if spots is not None else None
        compared = spots.starts(rules.compared) if spots is not None else None
        # a clause is cut to a window around each figure only when it runs on (TextIndex):
        # without such a clause, every figure of a clause reads the same one, and a figure
        # with no comparison word's text in the 2 × SENTENCE_WINDOW characters before it
        # (where its clause starts at the earliest) is compared with nothing
        breaks = [0, *self.index.clause_ends_between(0, len(self.text)), len(self.text)]
        gated = compared is not None and all(
            b - a <= 2 * SENTENCE_WINDOW for a, b in itertools.pairwise(breaks))
        for record_index in figures.order:
            cue = self._cue_of(record_index)
            if cue is not None:
                self.cues[record_index] = cue
            if rules.compared is not None:  # each clause searched once
                record = self.records[record_index]
                if gated and not holds(compared, record.start - 2 * SENTENCE_WINDOW,
                                       record.start):
                    continue
                clause, clause_end = self.index.clause_bounds(record.start)
                if clause not in words:
                    words[clause] = [m.end() for m in
                                     rules.compared.finditer(self.text, clause, clause_end)] \
                        if holds(compared, clause, clause_end) else []
                ends = words[clause]
                at = bisect_right(ends, record.start)
                if at and ends[at - 1] > record.start - MAX_REACH:
                    self.compared.add(record_index)

    # --- shared ---------------------------------------------------------------------------

    def _year_before(self, record_index: int) -> bool:
        """Whether a year (2022年) stands in the figure's lead (:meth:`Figures.lead`)."""
        found = self._years.get(record_index)
        if found is None:
            floor, lead = self.figures.lead(record_index)
            marks = self.figures.year_marks
            found = self._years[record_index] = \
                bool(marks.matches(floor, floor + len(lead))) if marks is not None \
                else YEAR.search(lead) is not None
        return found

    def _label_relation(self, total: int, part: int) -> str | None:
        """:meth:`Breakdowns.label_relation` of two records, worked out once per pair of labels."""
        key = (self.records[total].label or "", self.records[part].label or "")
        if key not in self._relations:
            self._relations[key] = self.rules.label_relation(self.records[total],
                                                             self.records[part])
        return self._relations[key]

    def _side_by_side(self, total: int, first: int) -> bool:
        """:meth:`Breakdowns.siblings` of two records' labels, worked out once per pair."""
        key = (self.records[total].label, self.records[first].label)
        if key not in self._siblings:
            self._siblings[key] = self.rules.siblings(key[0], [key[1]])
        return self._siblings[key]

    def _cue_of(self, record_index: int) -> _Cue | None:
        """The last cue word between the record before ``record_index`` and its number; a
        breakdown cue before a total cue in one lead wins (其中，甲类案件共计593件: the 共计 says
        "in all" of the part, which the 其中 opens)."""
        floor, lead = self.figures.lead(record_index)
        if not holds(self._cue_starts, floor, floor + len(lead)):
            return None  # no cue word can stand there
        best: _Cue | None = None
        opening: _Cue | None = None
        for role, pattern in (("breakdown", self.rules.breakdown), ("total", self.rules.total),
                              ("total_if_sums", self.rules.total_if_sums)):
            if pattern is None:
                continue
            for match in pattern.finditer(lead):
                rest = lead[match.end():]
                if sum(rest.count(c) for c in _CLOSERS) > sum(rest.count(o) for o in _BRACKETS):
                    continue  # 纠错（含撤销）29件: the cue of a bracket closed before the number
                found = _Cue(role, match.group(), floor + match.start(), floor + match.end())
                if best is None or found.start > best.start:
                    best = found
                if role == "breakdown" and (opening is None or found.start > opening.start):
                    opening = found
        if best is not None and opening is not None and best.role != "breakdown":
            return opening
        return best

    def _free(self, record_index: int) -> bool:
        """Whether a figure may be a part: not linked yet, and no comparison with another year
        (比上年的15件增加5件: neither figure is a part of this year's total)."""
        record = self.records[record_index]
        return not record.implicit and record.part_of is None and record.kind in PART_KINDS \
            and record_index not in self.compared

    def _alike(self, a: int, b: int) -> bool:
        first, second = self.records[a], self.records[b]
        return first.kind == second.kind and same_family(first.unit, second.unit)

    def _same_unit(self, a: int, b: int) -> bool:
        """Figures of one kind and one unit: what a list without a cue word must share (个 and
        起 count different things in 发现问题38个，整改35个，立案3起)."""
        first, second = self.records[a], self.records[b]
        return first.kind == second.kind and first.unit == second.unit

    def _claim(self, group: Group, parse: _Parse, evidence: RelationEvidence) -> None:
        """Link the parts of ``parse`` to ``group.total`` (and parts of parts to theirs)."""
        group.parts = [part for part in parse.top if self._link(part, group.total, evidence)]
        if group.parts:
            self.groups.append(group)
        for head, children in parse.nested.items():
            inner = RelationEvidence(link="part_of", score=SUMS + POSITION, sums="exact",
                                     position="nested")
            linked = [child for child in children if self._link(child, head, inner)]
            if linked:
                self.groups.append(Group(total=head, parts=linked))

    def _link(self, part: int, total: int, evidence: RelationEvidence) -> bool:
        """Link ``part`` to ``total`` unless that makes a chain of parts of parts deeper than
        :data:`_MAX_DEPTH` (a run of 其中 on one line is no breakdown of breakdowns)."""
        depth, above = 1 + self.height.get(part, 0), self.records[total].part_of
        while above is not None and depth <= _MAX_DEPTH:
            depth += 1
            above = self.records[above].part_of
        if depth > _MAX_DEPTH:
            return False
        if self._is_concluded(total) and self._pending(part):
            return False  # a case still pending is no part of the concluded ones
        record = self.records[part]
        record.part_of = total
        self.height[total] = max(self.height.get(total, 0), 1 + self.height.get(part, 0))
        relation = self._label_relation(total, part)
        own = evidence
        if relation is not None and evidence.label_relation is None:
            own = evidence.model_copy(update={"label_relation": relation})
        self.figures.evidence[(part, "part_of")] = own
        return True

    def _parse(self, total: int, items: Sequence[int]) -> _Parse:
        return parse_list(self.records[total].value, items,
                          [self.records[i].value for i in items])

    def _scope_limits(self, offset: int, most: int = _MAX_SEMICOLONS) -> list[int]:
        """Where a list from ``offset`` may end: the end of its scope, then, while that end is a
        semicolon, the end of the next one (at most ``most`` semicolons, within
        :data:`MAX_REACH`)."""
        found = self._limits.get((offset, most))
        if found is None:  # (worked out once: the callers read the list, never change it)
            found = self._limits[(offset, most)] = self._find_scope_limits(offset, most)
        return found

    def _find_scope_limits(self, offset: int, most: int) -> list[int]:
        limits = []
        end = self.index.scope_end(offset)
        hard = offset + MAX_REACH
        while True:
            limits.append(min(end, hard))
            if end >= hard or len(limits) > most or end >= len(self.text) \
                    or self.text[end] not in "；;":
                break
            end = self.index.scope_end(end + 1)
        return limits

    def _own_breakdown(self, start: int, end: int) -> bool:
        """Whether the item ``[start, end)`` after a semicolon holds a figure with parts of its
        own, named by their labels, that do not add up to it (…；办理行政应诉案件3件，胜诉2件): a
        sentence of its own, not one more item of the list before it."""
        heads: list[int] = []
        for item in self.figures.between(start, end):
            if not self._free(item):
                continue
            head = next((h for h in heads if self._alike(h, item)), None)
            if head is None:
                heads.append(item)
            elif self._label_relation(head, item) is not None:
                inside = [i for i in self.figures.between(start, end)
                          if i != head and self._free(i) and self._alike(i, head)]
                added = sum(self.records[i].value for i in inside)
                return not _equal(added, self.records[head].value)
        return False

    def _list_limits(self, first: int, cue: _Cue, open_list: bool) -> tuple[list[int], int]:
        """Where the list of a cue may end, one limit per semicolon item (over at most
        :data:`_MAX_OPEN_ITEMS` semicolons for an open list, 其中： / 其中，…；…；…, else
        :data:`_MAX_SEMICOLONS`), never past an item that is a sentence of its own
        (:meth:`_own_breakdown`); and how many of them an open list takes without its parts
        adding up: those whose item's first figure is named like the list's first part
        (:meth:`_parallel`)."""
        limits = self._scope_limits(cue.end, _MAX_OPEN_ITEMS if open_list else _MAX_SEMICOLONS)
        kept = limits[:1]
        named = 1
        for limit in limits[1:]:
            if self._own_breakdown(kept[-1] + 1, limit):
                break
            if open_list and named == len(kept):
                heads = [i for i in self.figures.between(kept[-1] + 1, limit) if self._free(i)]
                if heads and self._parallel(first, heads[0]):
                    named += 1
            kept.append(limit)
        return kept, named if open_list else 1

    def _parallel(self, first: int, other: int) -> bool:
        """Whether two figures are named alike, as items of one list are: their labels share a
        head or tail of two characters (民事案件, 刑事案件), or one ``part_label`` pattern names
        both (维持, 撤销)."""
        a, b = self.records[first].label or "", self.records[other].label or ""
        if not a or not b:
            return False
        if len(_common_suffix(a, b)) >= 2 or a[:2] == b[:2]:
            return True
        if any(marker in a and marker in b for marker in _CATEGORY_MARKERS):
            return True  # 咨询类诉求, 举报类: kinds named by one category word
        return self.rules.named_alike(a, b)

    def _position(self, total: int, first: int) -> bool:
        """Whether a list whose first part is ``first`` starts within two clauses after
        ``total``."""
        start, end = self.records[total].end, self.records[first].start
        return len(self.index.clause_ends_between(start, end)) <= 2

    # --- 1. cue lists ---------------------------------------------------------------------

    def cue_lists(self) -> None:
        for record_index in reversed(self.figures.order):
            cue = self.cues.get(record_index)
            if cue is None or cue.role != "breakdown" or not self._free(record_index):
                continue
            self._cue_list(record_index, cue)

    def _cue_list(self, first: int, cue: _Cue) -> None:
        bracket_close = self._bracket_close(cue)
        named = 1
        if bracket_close is not None:
            limits = [bracket_close]
        else:  # 其中： and 其中，open a list that runs over its sentence's semicolon items
            open_list = self.text[cue.end:cue.end + 1] in "：:，,"
            limits, named = self._list_limits(first, cue, open_list)
        # the items of each unit family go to the total of that family
        families: dict[int, list[int]] = {}  # first item of a family -> its items
        other_year = not self._year_before(first)
        for item in [first, *self.figures.after(first, limits[-1])]:
            if item != first and item in self.cues:
                inner = self.cues[item]
                if inner.role == "breakdown" and not self._free(item):
                    continue  # an inner list, read already: its parts are not this list's
                if inner.role == "breakdown" or self._closes(item, inner, families):
                    break  # a total closes the list (合计), or another list opens
            if not self._free(item):
                continue
            if item != first and other_year and self._year_before(item):
                continue  # （2023年15件）: the same figure of another year, no part
            head = next((h for h in families if self._alike(h, item)), None)
            families.setdefault(item if head is None else head, []).append(item)
        respectively = cue.word.startswith(("分别", "分別"))
        for items in families.values():
            later = [] if self._is_concluded(items[0]) \
                else [i for i in items[1:] if self._is_concluded(i)]
            if later:  # 其中受理101件，审结92件: a concluded figure after another item is a
                # later stage of it: a part of the concluded figure before the cue, if any
                # (受理900件，审结880件，其中，街道受理600件，审结590件), else of none
                items = [i for i in items if i not in later]
                self._stage_parts(cue, later)
            total = self._total_before(cue.start, items[0],
                                       any_unit=len(families) == 1 and not respectively,
                                       values=[self.records[i].value for i in items
                                               if self.records[i].start < limits[0]],
                                       stage=False if later else None)
            if total is None or self.figures.crosses_heading(total, items[0]):
                continue
            if self._is_concluded(total):
                items = [i for i in items if not self._pending(i)]
                if not items:
                    continue
            parse = self._best_extent(total, items, limits, named)
            if respectively and parse.sums != "exact" and not self._opened_before(first, cue):
                continue  # 甲、乙分别为12件、8件 names its own items: parts only when they add up
            position: PartPosition = "in_brackets" if bracket_close is not None \
                else "after_total"
            score = CUE + (SUMS if parse.sums == "exact" and len(parse.top) > 1 else 0.0) \
                + (LABELS if self._labels_of(total, parse.top) else 0.0) \
                + (POSITION if self._position(total, items[0]) else 0.0)
            evidence = RelationEvidence(link="part_of", score=score, cue=cue.word,
                                        sums=parse.sums, position=position)
            self._claim(Group(total=total, parts=[], cue=cue.word), parse, evidence)

    def _stage_parts(self, cue: _Cue, later: list[int]) -> None:
        """Link concluded figures of a cue list to the concluded figure before the cue."""
        total = self._total_before(cue.start, later[0], any_unit=False, stage=True)
        if total is None or self.figures.crosses_heading(total, later[0]):
            return
        parse = self._parse(total, later)
        if parse.sums == "over":
            return
        evidence = RelationEvidence(link="part_of", score=CUE + POSITION, cue=cue.word,
                                    sums=parse.sums, position="after_total",
                                    label_relation="stage of its total")
        self._claim(Group(total=total, parts=[], cue=cue.word), parse, evidence)

    def _closes(self, item: int, cue: _Cue, families: dict[int, list[int]]) -> bool:
        """Whether a figure with a total cue inside a list closes it: its cue opens its clause
        (…，合计12件), or the items before it of its family add up to it; else the cue says "in
        all" of one item (其中，甲类共计5件，乙类共计7件)."""
        clause = self.index.clause_bounds(self.records[item].start)[0]
        if not self.text[clause:cue.start].strip(_BLANK):
            return True
        head = next((h for h in families if self._alike(h, item)), None)
        added = sum(self.records[i].value for i in families.get(head, [])) if head is not None \
            else 0.0
        return _equal(added, self.records[item].value)

    def _opened_before(self, first: int, cue: _Cue) -> bool:
        """Whether another breakdown cue stands before ``cue`` in ``first``'s lead (其中…分别为)."""
        floor, _ = self.figures.lead(first)
        pattern = self.rules.breakdown
        return pattern is not None and pattern.search(self.text, floor, cue.start) is not None

    def _best_extent(self, total: int, items: list[int], limits: list[int],
                     named: int = 1) -> _Parse:
        """The parse of the items up to the first limit, unless a later limit (after a
        semicolon) makes the parts add up to the total; else an open list (其中：, 其中，) takes
        its items up to the last of its first ``named`` limits that keeps them within the
        total. A list that goes over its total is cut after the first run of two or more parts
        that adds up to it (…其中维持16件、撤销9件，正在审理3件: the last figure is no part of the
        25 reviewed)."""
        first_items = [i for i in items if self.records[i].start < limits[0]]
        base = self._parse(total, first_items)
        if base.sums == "exact":
            return base
        for limit in limits[1:]:
            more = [i for i in items if self.records[i].start < limit]
            parse = self._parse(total, more)
            if parse.sums == "exact":
                return parse
        if named > 1 and base.sums == "under":
            for limit in limits[1:named]:
                parse = self._parse(total, [i for i in items if self.records[i].start < limit])
                if parse.sums == "over":
                    break
                base = parse
            return base
        if base.sums == "over":
            cut = exact_prefix(self.records[total].value, first_items,
                               [self.records[i].value for i in first_items])
            if cut is not None:
                return cut
        return base

    def _bracket_close(self, cue: _Cue) -> int | None:
        """The close of the bracket a cue opens (（其中… / （含…), else None."""
        cursor = cue.start
        while cursor > 0 and cue.start - cursor < 4 and self.text[cursor - 1] in " \t\u3000":
            cursor -= 1
        if cursor == 0 or self.text[cursor - 1] not in _BRACKETS:
            return None
        limit = min(self.index.scope_end(cue.end), cue.end + MAX_REACH)
        close = self.text.find(_BRACKETS[self.text[cursor - 1]], cue.end, limit)
        return close if close != -1 else None

    def _total_before(self, cue: int, part: int, any_unit: bool,
                      values: Sequence[float] = (), stage: bool | None = None) -> int | None:
        """The figure a list whose cue stands at ``cue`` divides: the nearest one before it of
        the part's kind: of its unit, else of its unit family, else (``any_unit``: when the
        list has one family) any, in the cue's sentence or, when
        the cue opens a sentence, the one before; not inside a bracket closed before the cue.
        Given the parts' ``values``, the nearest figure they add up to wins, else the nearest
        that none of them exceeds. ``stage``: only figures of concluded cases (True), or none of
        them (False)."""
        sentence = self.index.scope_start(cue)
        floor = sentence
        if cue - sentence <= _OPENS and not self.text[sentence:cue].strip(_BLANK):
            floor = self.index.scope_start(sentence - 1) if sentence > 0 else 0
        floor = max(floor, cue - _MAX_TOTAL_DISTANCE)
        kind, unit = self.records[part].kind, self.records[part].unit
        ranked: list[list[int]] = [[], [], []]  # nearest first: of its unit, family, kind
        depth = 0  # closing minus opening brackets between a candidate and the cue
        boundary = cue
        for other in reversed(self.figures.between(floor, cue)):
            record = self.records[other]
            if record.end > boundary:
                continue
            between = self.text[record.end:boundary]
            depth += sum(between.count(c) for c in _CLOSERS) \
                - sum(between.count(o) for o in _BRACKETS)
            boundary = record.end
            if record.implicit or record.kind != kind or depth > 0:
                continue  # another kind, or inside a bracket closed before the cue (its own list)
            if stage is not None and self._is_concluded(other) != stage:
                continue
            rank = 0 if record.unit == unit else 1 if same_family(record.unit, unit) else 2
            if rank == 2 and (record.unit in PEOPLE) != (unit in PEOPLE):
                continue  # people and things: no total and part of each other
            ranked[rank].append(other)
        candidates = [i for group in ranked[:3 if any_unit else 2] for i in group]
        nearest = next((group[0] for group in ranked[:3 if any_unit else 2] if group), None)
        if values and nearest is not None and self.records[nearest].value < max(values):
            # 派单60件，按时办结58件，超时2件，其中甲类40件，乙类20件: a part larger than the
            # nearest figure; the figure the parts add up to, else the nearest none exceeds
            added = sum(values)
            fitting = [i for i in candidates if _equal(self.records[i].value, added)]
            if fitting and len(values) >= 2:
                return max(fitting, key=lambda i: self.records[i].start)
            largest = max(values)
            for group in ranked[:2]:  # of its unit, else of its family
                roomy = [i for i in group if self.records[i].value >= largest]
                if roomy:
                    return roomy[0]
            if nearest not in ranked[0]:
                return None  # 四个区县，其中：甲县受理838件: a smaller figure of another unit
        return nearest

    # --- 2. bracketed 共 figures ------------------------------------------------------------

    def bracketed_totals(self) -> None:
        """法治能力提升主题培训（共7期）、…等培训班12次: the bracketed figure is a part of the
        total that closes the list."""
        for record_index in self.figures.order:
            record = self.records[record_index]
            if not self._free(record_index):
                continue
            lead = self.text[max(0, record.start - 4):record.start].rstrip(" \t\u3000")
            if ("共" not in lead and "合计" not in lead) or not _BRACKET_TOTAL.search(lead):
                continue  # (what _BRACKET_TOTAL needs, tested first)
            close = _BRACKET_CLOSE.match(self.text, record.end)
            if close is None:
                continue
            limit = self.index.sentence_bounds(record.start)[1]
            for later in self.figures.after(record_index, limit):
                if self._alike(later, record_index) \
                        and "等" in self.text[close.end():self.records[later].start]:
                    evidence = RelationEvidence(link="part_of", score=CUE + POSITION,
                                                cue=self.text[record.start - 2:record.start]
                                                .lstrip("（("), position="in_brackets")
                    self._claim(Group(total=later, parts=[]), _Parse([record_index]), evidence)
                    break

    # --- 3. a total after its parts --------------------------------------------------------

    def totals_after_parts(self) -> None:
        for record_index in self.figures.order:
            cue = self.cues.get(record_index)
            if cue is None or cue.role == "breakdown":
                continue
            record = self.records[record_index]
            if record.implicit or record.kind not in PART_KINDS:
                continue
            clause = self.index.clause_bounds(record.start)[0]
            if cue.start < clause or (cue.start - clause > _TOTAL_CUE_AT
                                      and record.start - cue.end > _TOTAL_CUE_AT):
                continue  # not at its clause's start (合计…, 共计…), nor right before its number
            self._total_after(record_index, cue)

    def _total_after(self, total: int, cue: _Cue) -> None:
        record = self.records[total]
        own_scope = self.index.scope_start(record.start)
        floor = max(own_scope, record.start - MAX_REACH)
        back = self._refers_back(total, own_scope)
        if back:  # 以上案件共计6件: the parts are the figures of the sentence before
            floor = max(self.index.scope_start(own_scope - 1), record.start - MAX_REACH)
        for _ in range(_MAX_SEMICOLONS):  # the list may run back over semicolons
            if floor == 0 or self.text[floor - 1] not in "；;" or record.start - floor > MAX_REACH:
                break
            floor = max(self.index.scope_start(floor - 1), record.start - MAX_REACH)
        candidates: list[int] = []
        for other in reversed(self.figures.before(total, floor)):
            if not self._alike(other, total) or self.records[other].implicit \
                    or other in self.compared:
                continue
            if self.records[other].part_of is not None \
                    or self.figures.crosses_heading(other, total):
                break
            candidates.append(other)  # nearest first
        added = 0.0
        chosen: list[int] | None = None
        for count, other in enumerate(candidates, start=1):
            added += self.records[other].value
            if count >= 2 and _equal(added, record.value):
                chosen = candidates[:count]
                break
        if chosen is None and cue.role == "total" and not back:
            chosen = [i for i in candidates if self.records[i].start >= own_scope]
        if chosen is None or len(chosen) < 2:
            return
        if back and any(_equal(self.records[i].value, record.value)
                        for i in candidates[len(chosen):]):
            return  # 受理20件，维持10件，撤销10件。以上20件…: the total is stated already
        chosen.reverse()
        parse = _Parse(chosen, {}, sum_status(sum(self.records[i].value for i in chosen),
                                              record.value))
        score = CUE + POSITION + (SUMS if parse.sums == "exact" else 0.0)
        evidence = RelationEvidence(link="part_of", score=score, cue=cue.word, sums=parse.sums,
                                    position="before_total")
        self._claim(Group(total=total, parts=[], cue=cue.word, stated_total=cue.role == "total"),
                    parse, evidence)

    def _refers_back(self, total: int, own_scope: int) -> bool:
        """Whether ``total``'s sentence opens with 以上/上述 and holds no figure before it."""
        pattern = self.rules.refers_back
        at = self.figures.position[total]
        if pattern is None or own_scope == 0 or (
                at > 0 and self.records[self.figures.order[at - 1]].start >= own_scope):
            return False
        start, end = own_scope, self.records[total].start
        while start < end and start - own_scope < _OPENS and self.text[start] in _BLANK + "，,":
            start += 1
        return pattern.match(self.text, start, end) is not None

    # --- 4. a list with no cue after its total ---------------------------------------------

    def forward_lists(self) -> None:
        """Lists whose parts add up first, over the whole document; then lists of parts named
        by their labels (受理20件，办结18件，维持12件，撤销6件: 12 and 6 add up to 18, so they are
        its parts, not 20's)."""
        for by_labels in (False, True):
            for record_index in self.figures.order:
                record = self.records[record_index]
                if record.implicit or record.kind not in PART_KINDS or record.value <= 0:
                    continue
                self._forward_list(record_index, by_labels)

    def _alike_ahead(self, total: int) -> bool:
        """Whether a figure of ``total``'s kind and unit, not implicit, stands among the
        :data:`_MAX_UNCUED` after it, and the first of them may be a part of it: else no list
        follows it (:meth:`_forward_items` reads no other), whatever is linked by then."""
        if self._next_alike is None:  # for each place in text order, the next place of a
            # figure of its kind and unit that is not implicit (len(order): none)
            order, records = self.figures.order, self.records
            self._next_alike = [len(order)] * len(order)
            seen: dict[tuple[str, str], int] = {}
            for at in range(len(order) - 1, -1, -1):
                record = records[order[at]]
                key = (record.kind, record.unit)
                self._next_alike[at] = seen.get(key, len(order))
                if not record.implicit:
                    seen[key] = at
        at = self.figures.position[total]
        ahead = self._next_alike[at]
        if ahead - at > _MAX_UNCUED or ahead == len(self.figures.order):
            return False
        first = self.figures.order[ahead]  # the loop of _forward_items stops at it, whatever
        # is linked by then, when it opens or closes a list, is larger, or follows a year
        return not (first in self.cues or self.records[first].value > self.records[total].value
                    or self._year_before(first))

    def _colon_after(self, total: int) -> bool:
        """Whether a colon follows the figure (past blanks): 办理案件20件：… (once per figure)."""
        found = self._colons.get(total)
        if found is None:
            end = self.records[total].end
            found = self._colons[total] = \
                self.text[end:end + 2].lstrip(" \t\u3000")[:1] in ("：", ":")
        return found

    def _forward_items(self, total: int, limit: int) -> list[int]:
        items: list[int] = []
        value = self.records[total].value
        for other in self.figures.after(total, limit, _MAX_UNCUED):
            if not self._same_unit(other, total) or self.records[other].implicit:
                continue
            if not self._free(other) or other in self.cues or self.records[other].value > value:
                break  # linked already, opens or closes a list of its own, or no part of it
            if self._year_before(other):
                break  # 2022年受理25件: a figure of another year, no category
            if self._is_concluded(total) and self._pending(other):
                continue
            items.append(other)
        if items and self._label_relation(total, items[0]) is None \
                and self._side_by_side(total, items[0]):
            return []  # 维持3件，撤销2件，驳回1件: outcomes side by side, none the total
        return items

    def _forward_list(self, total: int, by_labels: bool) -> None:
        record = self.records[total]
        if total in self.compared or not self._alike_ahead(total):
            return
        colon = self._colon_after(total)
        # 办理案件20件：维持12件；撤销5件: a colon after the total opens a list over its
        # sentence's semicolon items
        limits = self._scope_limits(record.end, _MAX_OPEN_ITEMS if colon else _MAX_SEMICOLONS)
        if colon:
            limits = limits[-1:]
        items = self._forward_items(total, limits[0])
        if not items and record.part_of is None:  # the total ends its item or sentence: its
            # list may be the next one (a part's own list stays in its item)
            end = limits[0]
            if len(limits) > 1:
                items = self._forward_items(total, limits[1])
            elif end < len(self.text) and self.text[end] in "。.":
                items = self._forward_items(
                    total, min(self.index.scope_end(end + 1), end + MAX_REACH))
        if items and self.figures.crosses_heading(total, items[-1]):
            items = [i for i in items if not self.figures.crosses_heading(total, i)]
        if not items or self._enumerated(total, items[0]):
            return
        position = self._position(total, items[0])
        best: tuple[float, _Parse, str | None] | None = None
        bracketed = self._bracketed_items(total, items)
        if bracketed:  # 受理案件45件（复议30件、诉讼10件）: a bracket right after a total lists it
            parse = self._parse(total, bracketed)
            if parse.sums != "over":
                score = BRACKET + POSITION + (SUMS if parse.sums == "exact" else 0.0)
                best = (score, parse, self._labels_of(total, parse.top))
        # parts that add up: the shortest run of two or more, within the total's item, else
        # over the semicolon items after it (受理60件中，甲类45件；乙类15件)
        parse_exact = exact_prefix(record.value, items, [self.records[i].value for i in items])
        if parse_exact is None and len(limits) > 1 and not colon:
            longer = [i for i in self._forward_items(total, limits[-1]) if i not in items]
            if longer and not self.figures.crosses_heading(total, longer[-1]):
                longer = items + longer
                parse_exact = exact_prefix(record.value, longer,
                                           [self.records[i].value for i in longer])
                if parse_exact is not None:
                    items = longer
        if parse_exact is not None and not self._is_concluded(total) and any(
                self._is_concluded(i) and i in parse_exact.nested for i in parse_exact.top):
            # 受理20件，审结18件（维持12件，撤销6件），2件正在审理: the concluded figure with
            # outcomes of its own is a later stage, no part; its own parts stay, and the pending
            # ones are the received's
            rest = [i for i in parse_exact.top
                    if not (self._is_concluded(i) and i in parse_exact.nested)]
            parse_exact.top = rest if rest and all(self._pending(i) for i in rest) else []
        if parse_exact is not None:
            relation = self._labels_of(total, parse_exact.top)
            score = SUMS + (LABELS if relation else 0.0) + (POSITION if position else 0.0)
            best = (score, parse_exact, relation)
        if by_labels:  # parts named as outcomes or kinds of the total
            named = self._named_parts(total, items)
            concluded = self._concluded_before(items, named) if best is None else None
            if concluded is not None:  # 收到20件，审结18件，维持10件…: outcomes of the 18
                self._outcomes_of_concluded(total, concluded, named)
                return
            if named:
                parse = self._parse(total, named)
                relation = self._labels_of(total, parse.top)
                if relation == "narrows" and len(parse.top) < 2:
                    relation = None  # one figure with a longer label may be a later stage
                if relation is not None and parse.sums != "over":
                    score = LABELS + (POSITION if self._position(total, named[0]) else 0.0) \
                        + (SUMS if parse.sums == "exact" and len(parse.top) > 1 else 0.0)
                    if best is None or score > best[0]:
                        best = (score, parse, relation)
        if best is None or best[0] < THRESHOLD:
            return
        score, parse, relation = best
        where: PartPosition | None = "in_brackets" if parse.top[0] in bracketed \
            else "after_total" if position else None
        evidence = RelationEvidence(link="part_of", score=score, sums=parse.sums,
                                    label_relation=relation, position=where)
        self._claim(Group(total=total, parts=[]), parse, evidence)
        if parse.sums == "exact" and parse is parse_exact:
            self._second_split(total, parse)

    def _second_split(self, total: int, first: _Parse) -> None:
        """A second list after a list that adds up to ``total``, in its sentence's semicolon
        items, whose parts add up to it too: the same items divided another way
        (交办60件，直办40件；按期办结95件，逾期5件 of 100件)."""
        last = max(first.top + [i for parts in first.nested.values() for i in parts],
                   key=lambda i: self.records[i].start)
        limit = self._scope_limits(self.records[last].end)[-1]
        rest = [i for i in self.figures.after(last, limit, _MAX_UNCUED)
                if self._same_unit(i, total) and not self.records[i].implicit]
        rest = list(itertools.takewhile(self._free, rest))
        if not rest or rest[0] in self.cues or self.figures.crosses_heading(total, rest[-1]):
            return
        parse = exact_prefix(self.records[total].value, rest,
                             [self.records[i].value for i in rest])
        if parse is None or parse.nested or not all(
                self._parallel(parse.top[0], other) for other in parse.top[1:]):
            return  # parts of one list are named alike (按期办结, 逾期办结)
        evidence = RelationEvidence(link="part_of", score=SUMS, sums="exact",
                                    label_relation=self._labels_of(total, parse.top),
                                    position="after_total")
        self._claim(Group(total=total, parts=[]), parse, evidence)

    def _enumerated(self, total: int, first: int) -> bool:
        """Whether ``total`` and ``first`` are items of one enumeration (only 、 between them:
        土地30件、规划16件、工商14件): side by side, so no total and its part without a cue."""
        between = self.text[self.records[total].end:self.records[first].start]
        return "、" in between and not any(mark in between for mark in _LIST_BREAKS)

    # --- 5. a list opened by a category phrase, its total stated before ------------------

    def opened_lists(self) -> None:
        """从类别看，甲类30件、乙类20件 after a sentence stating 50件: a list opened by a category
        phrase (…中，/ …：) whose parts add up exactly to a figure of their unit stated before
        it, in its sentence or the two before (no heading between)."""
        pattern = self.rules.opens_list
        if pattern is None:
            return
        for record_index in self.figures.order:
            if not self._free(record_index) or self.records[record_index].value <= 0:
                continue
            floor, lead = self.figures.lead(record_index)
            if not self.figures.may_match(pattern, floor, floor + len(lead)):
                continue
            opener = None
            for match in pattern.finditer(lead):
                opener = match
            if opener is None:
                continue
            after = lead[opener.end():]
            if any(mark in after for mark in _STOPS) \
                    or sum(after.count(mark) for mark in _LIST_BREAKS) > 1:
                continue  # the phrase opens the figure's clause, or the clause before it
            phrase = lead[:opener.start()]
            cut = max(phrase.rfind(mark) for mark in _LIST_BREAKS)
            self._opened_list(record_index, opener.group().strip(), phrase[cut + 1:])

    def _opened_list(self, first: int, opener: str, phrase: str) -> None:
        """The items from ``first`` to the end of its sentence (over semicolons); their total is
        the nearest figure before that a run of them adds up to, else the nearest figure of
        their unit when the ``phrase`` names it (办结的案件中，… of 办结22.4万件: two characters of
        its label) and the items stay within it."""
        record = self.records[first]
        end = self._scope_limits(record.start, _MAX_OPEN_ITEMS)[-1]  # over its semicolon items
        items = [first]
        for other in self.figures.after(first, end, _MAX_UNCUED):
            if not self._same_unit(other, first) or self.records[other].implicit:
                continue
            if not self._free(other) or other in self.cues \
                    or self._year_before(other):
                break
            items.append(other)
        if len(items) < 2:
            return
        values = [self.records[i].value for i in items]
        floor = self._full_sentence_start(record.start)
        for _ in range(2):  # the sentence before, and the one before it
            if floor > 0:
                floor = self._full_sentence_start(floor - 1)
        floor = max(floor, record.start - MAX_REACH)
        nearest = None
        for total in reversed(self.figures.before(first, floor)):
            candidate = self.records[total]
            if not self._alike(total, first) or candidate.implicit \
                    or candidate.value <= max(values) or total in self.compared \
                    or (candidate.part_of is not None and self._parallel(total, first)):
                continue  # 行政处罚200宗。其他行为中，行政征收120宗，行政给付80宗: a part named
                # like the items is one of them, not their total, even when they add up to it
            if self.figures.crosses_heading(total, first):
                break
            nearest = total if nearest is None else nearest
            parse = exact_prefix(candidate.value, items, values)
            if parse is None or parse.nested:
                continue
            evidence = RelationEvidence(
                link="part_of", score=SUMS + OPENER, cue=opener, sums="exact",
                label_relation=self._labels_of(total, parse.top), position="after_total")
            self._claim(Group(total=total, parts=[], cue=opener), parse, evidence)
            self._companions(total, items, end, opener)
            return
        if nearest is None or not self._names(phrase, self.records[nearest].label or ""):
            return
        parse = self._parse(nearest, items)
        if parse.sums == "under":
            evidence = RelationEvidence(
                link="part_of", score=LABELS + OPENER, cue=opener, sums="under",
                label_relation=f"named by {phrase}", position="after_total")
            self._claim(Group(total=nearest, parts=[], cue=opener), parse, evidence)
            self._companions(nearest, items, end, opener)

    def _companions(self, total: int, items: Sequence[int], end: int, opener: str) -> None:
        """The figures of another unit family in an opened list (甲类30宗，涉及金额12万元；…) go to
        the figure of their family that stands with its total in the total's sentence (执法案件
        50宗，涉及金额40万元), when they stay within it: one list cutting one total two ways."""
        first = self.records[items[0]]
        start, stop = self.index.sentence_bounds(self.records[total].start)
        sentence = [i for i in self.figures.between(start, stop) if i != total]
        others: dict[int, list[int]] = {}  # companion of the total -> its items in the list
        for other in self.figures.between(first.start, end):
            record = self.records[other]
            if other in items or not self._free(other) or same_family(record.unit, first.unit) \
                    or record.kind not in PART_KINDS:
                continue
            companion = next((c for c in sentence if self._alike(c, other)
                              and self.records[c].part_of is None), None)
            if companion is not None:
                others.setdefault(companion, []).append(other)
        for companion, parts in others.items():
            if len(parts) < 2 or self.figures.crosses_heading(companion, parts[0]):
                continue
            parse = self._parse(companion, parts)
            if parse.sums == "over":
                continue
            evidence = RelationEvidence(link="part_of", score=LABELS + OPENER, cue=opener,
                                        sums=parse.sums, position="after_total",
                                        label_relation=f"beside {self.records[total].text}")
            self._claim(Group(total=companion, parts=[], cue=opener), parse, evidence)

    @staticmethod
    def _names(phrase: str, label: str) -> bool:
        """Whether an opening phrase names a figure: two characters of its label in a row."""
        return any(label[at:at + 2] in phrase for at in range(len(label) - 1))

    def _full_sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts, its semicolon items taken together."""
        start = self.index.sentence_bounds(offset)[0]
        for _ in range(_MAX_OPEN_ITEMS):
            if start == 0 or self.text[start - 1] not in "；;":
                break
            start = self.index.sentence_bounds(start - 1)[0]
        return start

    def _pending(self, item: int) -> bool:
        """Whether a figure counts items still being handled (正在审理, 3件尚未办结)."""
        found = self._pendings.get(item)
        if found is None:
            record = self.records[item]
            end = self.index.clause_bounds(record.start)[1]
            found = self._pendings[item] = any(
                words.search(record.label or "") or words.match(self.text, record.end, end)
                for words in self.rules.status_words)
        return found

    def _is_concluded(self, item: int) -> bool:
        """Whether a figure counts concluded cases (审结, 办结)."""
        found = self._concluded.get(item)
        if found is None:
            words = self.rules.concluded
            found = self._concluded[item] = \
                words is not None and words.search(self.records[item].label or "") is not None
        return found

    def _concluded_before(self, items: Sequence[int], named: Sequence[int]) -> int | None:
        """The figure of concluded cases (审结, 办结) among ``items`` before the first ``named``
        part, when the named outcomes fit within it; else None."""
        if not named or self.rules.concluded is None:
            return None
        before = list(itertools.takewhile(lambda i: i != named[0], items))
        concluded = next((i for i in reversed(before) if self._is_concluded(i)), None)
        if concluded is None:
            return None
        outcomes = [i for i in named if not self._pending(i)]
        if not outcomes or self._parse(concluded, outcomes).sums == "over":
            return None
        return concluded

    def _outcomes_of_concluded(self, received: int, concluded: int, named: list[int]) -> None:
        """Link outcomes listed after a received and a concluded figure to the concluded one
        (the outcomes are of the cases concluded); figures still pending go to the received one
        only when concluded and pending add up to it."""
        outcomes = [i for i in named if not self._pending(i)]
        pending = [i for i in named if self._pending(i)]
        relation = self._labels_of(received, outcomes)
        parse = self._parse(concluded, outcomes)
        score = LABELS + (POSITION if self._position(concluded, outcomes[0]) else 0.0) \
            + (SUMS if parse.sums == "exact" and len(parse.top) > 1 else 0.0)
        if relation is None or score < THRESHOLD:
            return
        evidence = RelationEvidence(
            link="part_of", score=score, sums=parse.sums, position="after_total",
            label_relation=f"{relation} of {self.records[concluded].label}")
        self._claim(Group(total=concluded, parts=[]), parse, evidence)
        added = self.records[concluded].value + sum(self.records[i].value for i in pending)
        if pending and _equal(added, self.records[received].value):
            evidence = RelationEvidence(link="part_of", score=SUMS + POSITION, sums="exact",
                                        label_relation="status:pending", position="after_total")
            self._claim(Group(total=received, parts=[]), _Parse(pending, {}, "exact"), evidence)

    def _bracketed_items(self, total: int, items: Sequence[int]) -> list[int]:
        """The items inside a bracket that opens right after ``total``, when they are two or
        more and all of the list's items inside it; else none."""
        end = self.records[total].end
        opening = self.text[end:end + 2].lstrip(" \t\u3000")[:1]
        if opening not in _BRACKETS:
            return []
        at = self.text.find(opening, end)
        limit = min(self.index.scope_end(at + 1), at + 1 + MAX_REACH)
        close = self.text.find(_BRACKETS[opening], at + 1, limit)
        if close == -1:
            return []
        inside = [i for i in items if self.records[i].start < close]
        return inside if len(inside) >= 2 else []

    def _named_parts(self, total: int, items: Sequence[int]) -> list[int]:
        """The items whose labels relate to ``total``: the leading run of them, else (after a
        figure of a later stage: 立案26件，结案24件，6件听证，20件简易程序) those a ``part_label``
        pattern names."""
        relations = [self._labels_of(total, [item]) for item in items]
        named = [item for item, _ in itertools.takewhile(
            lambda pair: pair[1] is not None, zip(items, relations, strict=True))]
        if named:
            return named
        return [item for item, relation in zip(items, relations, strict=True)
                if relation is not None and relation != "narrows"]

    def _labels_of(self, total: int, parts: Sequence[int]) -> str | None:
        """The relation every one of ``parts`` has to ``total`` (the first one's name), or None
        when one of them has none."""
        found = None
        for part in parts:
            relation = self._label_relation(total, part)
            if relation is None:
                return None
            found = found or relation
        return found
