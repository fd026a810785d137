"""Decide the indicator id of every record, backing off through its context (pure Python).

The evidence is tried from the strongest to the weakest; the first level that gives an id decides,
and the record says which (``indicator_source``):

1. ``label``: an ``indicator`` line whose trigger matches the record's label (审查合同 →
   ``legal_review.contracts``), unit and kind fitting; the highest priority wins, a heading that
   matches the line's ``sections`` adds a bonus.
2. ``clause``: for an open label, the same lines on the words of the clause that belong to the
   figure (from the figure before it to the figure after it); then ``indicator_topic`` lines
   whose words stand there (办理食品经营许可登记146件 → ``services.items``).
3. ``total``: a part of a breakdown (``part_of``, set by the relations step) takes its total's id
   when its unit fits it (其中维持3件 after 行政复议案件4件), unless an ``indicator_other_part``
   line says its label names another kind (行政许可 under a total of enforcement cases).
4. ``rate``: a rate linked by ``rate_of`` takes the rate id whose ``counts`` hold its numerator's
   (or, failing that, its denominator's) id (办结率 over 12345 requests →
   ``services.completion_rate``; over disputes → ``mediation.success_rate``).
5. ``sentence``: a topic line that names the label, its word before the figure; else, for an
   open label (受理, 审结, 开展…), the id of the figure just before it in the sentence with the
   same unit; else the topic word in the sentence nearest to the figure; else, for a label a
   topic line names (维持, 撤销), that topic's word in the two sentences of its paragraph before
   its own (经过审理，维持5件 after a sentence on 复议申请).
6. ``section``: a topic word (of a line with ``reach: section``) in a heading above the record,
   the innermost heading first.

Levels 2, 5 and 6 take a topic only for a figure whose label is open or is one of the labels the
topic lists (维持, 撤销 after 复议; 干部 after 培训), and whose unit the topic's indicator accepts
(by default the units of :mod:`lawgov_ie.taxonomy`). When nothing fits, the indicator stays None.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.budget import compile_rule
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.screen import Screen
from lawgov_ie.steps.indicators.indicators_patterns import (
    IndicatorOpenPattern,
    IndicatorOtherPartPattern,
    IndicatorPattern,
    IndicatorTopicPattern,
)
from lawgov_ie.taxonomy import BY_ID
from lawgov_ie.text.index import TextIndex

_SECTION_BONUS = 5
_AFTER_PENALTY = 2  # a topic word after the figure counts as this many times farther away
_REACH = {"clause": 0, "sentence": 1, "section": 2, "anywhere": 3}
_MEMO = 4096  # labels whose topic strengths are kept
_UNTYPED_SECTIONS = frozenset({"problem"})  # kinds of section where no topic types a figure
_LINKED = "；;"  # a sentence ended by one of these is an item of a list on one topic
# how many sentences of its paragraph (a list of items ended by ； counting as one) before its own
# a record's topic is sought in
_EARLIER = 2
_FILLER = regex.compile(r"[\p{P}\p{S}\s\d各类项等了的并和及与]")


def _any(patterns: Sequence[str], name: str) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    return compile_rule("|".join(f"(?:{p})" for p in patterns), name)


@dataclass(frozen=True)
class Decision:
    """An indicator id and the level of evidence that gave it."""

    indicator: str
    source: str


@dataclass(frozen=True)
class Context:
    """What around a record may decide its indicator.

    ``clause``: the words of the clause that belong to the figure; ``sentence`` and ``at`` (where
    the figure starts in it; None: the figure is taken to stand after the sentence); ``linked``:
    the sentence before, when it ended with a semicolon (one item of a list of the same topic);
    ``earlier``: the sentences of its paragraph (its line) just before its own, two at most (the
    items of a list ended by semicolons counting as one);
    ``sections``: the titles of the headings above the record, outermost first."""

    clause: str = ""
    sentence: str = ""
    at: int | None = None
    sections: tuple[str, ...] = ()
    linked: str = ""
    section_kinds: tuple[str, ...] = ()  # the kinds of those headings (problem, plan…)
    earlier: str = ""  # the sentences of its paragraph before its own


@dataclass(frozen=True)
class _Rule:
    id: str
    units: frozenset[str]
    kinds: frozenset[str]
    trigger: regex.Pattern[str]
    exclude: regex.Pattern[str] | None
    clause: regex.Pattern[str] | None
    sentence: regex.Pattern[str] | None
    sentence_excludes: regex.Pattern[str] | None
    sections: regex.Pattern[str] | None
    priority: int
    rank: int = 0  # its place among the lines (its bit in IndicatorRules' trigger screen)

    @classmethod
    def of(cls, pattern: IndicatorPattern) -> _Rule:
        name = f"indicator {pattern.id!r}"
        trigger = _any(pattern.triggers, name)
        assert trigger is not None  # the model requires one trigger at least
        return cls(pattern.assigns, frozenset(pattern.units), frozenset(pattern.kinds), trigger,
                   _any(pattern.excludes, name), _any(pattern.clause, name),
                   _any(pattern.sentence, name), _any(pattern.sentence_excludes, name),
                   _any(pattern.sections, name), pattern.priority)

    def fits(self, record: RecordDraft, text: str, context: Context) -> bool:
        return ((not self.units or record.unit in self.units)
                and (not self.kinds or record.kind in self.kinds)
                and self.trigger.search(text) is not None
                and (self.exclude is None or self.exclude.search(text) is None)
                and (self.clause is None or self.clause.search(context.clause) is not None)
                and (self.sentence is None or self.sentence.search(context.sentence) is not None)
                and (self.sentence_excludes is None
                     or not any(self.sentence_excludes.search(t)
                                for t in (context.sentence, context.linked))))


@dataclass(frozen=True)
class _Topic:
    id: str
    words: regex.Pattern[str] | None
    labels: regex.Pattern[str] | None
    exclude: regex.Pattern[str] | None
    units: frozenset[str] | None  # None: any
    kinds: frozenset[str] | None
    counts: frozenset[str]
    parts_of: frozenset[str]
    reach: int
    priority: int
    rank: int = 0  # its place among the lines (where its strength is kept for a label)

    @classmethod
    def of(cls, pattern: IndicatorTopicPattern) -> _Topic:
        known = BY_ID.get(pattern.indicator)
        units = pattern.units if pattern.units is not None else (
            list(known.units) if known else None)
        kinds = pattern.kinds if pattern.kinds is not None else (
            list(known.kinds) if known else None)
        name = f"indicator_topic {pattern.id!r}"
        return cls(pattern.indicator, _any(pattern.words, name), _any(pattern.labels, name),
                   _any(pattern.excludes, name), frozenset(units) if units is not None else None,
                   frozenset(kinds) if kinds is not None else None, frozenset(pattern.counts),
                   frozenset(pattern.parts_of), _REACH[pattern.reach], pattern.priority)

    def strength(self, record: RecordDraft, open_label: bool) -> int:
        """2 when the label is one this topic names, 1 when the label is open, 0: no fit."""
        if self.units is not None and record.unit not in self.units:
            return 0
        if self.kinds is not None and record.kind not in self.kinds:
            return 0
        if self.exclude is not None and self.exclude.search(record.label):
            return 0
        if self.labels is not None and self.labels.search(record.label):
            return 2
        return 1 if open_label else 0


class IndicatorRules:
    def __init__(self, indicators: Sequence[IndicatorPattern],
                 topics: Sequence[IndicatorTopicPattern] = (),
                 open_words: Sequence[IndicatorOpenPattern] = (),
                 other_parts: Sequence[IndicatorOtherPartPattern] = ()) -> None:
        self.rules = [replace(_Rule.of(i), rank=k) for k, i in enumerate(indicators)]
        self._triggers = Screen([r.trigger for r in self.rules])
        self.other_parts = [(frozenset(o.totals), _any(o.alternatives(), f"indicator_other_part "
                                                                         f"{o.id!r}"))
                            for o in other_parts]
        self.topics = [replace(_Topic.of(t), rank=k) for k, t in enumerate(topics)]
        self._strengths_of: dict[tuple[str, str, str], tuple[int, ...]] = {}
        # where each topic's words stand in a text, for one document (for_document): every
        # figure of a sentence asks of the same sentence
        self._words_in: dict[tuple[int, str], list[tuple[int, int]]] | None = None
        self._open_of: dict[str, bool] | None = None  # is_open of the labels of one document
        self.open = _any([a for o in open_words for a in o.alternatives()],
                         "indicator_open patterns")
        # a character neither of an open word nor a filler stays whatever is taken away: a
        # label holding one is not open (found without the open words' regex). Only when the
        # open lines are all words (an expression could match other characters)
        self._kept: regex.Pattern[str] | None = None
        if not any(o.regex for o in open_words):
            chars = sorted({c for o in open_words for w in o.words for c in w})
            self._kept = regex.compile(f"[^{_FILLER.pattern[1:-1]}"
                                       f"{''.join(regex.escape(c) for c in chars)}]")
        units = {u for r in self.rules for u in r.units} | \
            {u for t in self.topics for u in t.units or ()}
        # the lines each unit can fit (a line without units fits any), in file order
        self._rules_by_unit = {u: [r for r in self.rules if not r.units or u in r.units]
                               for u in units}
        self._any_unit_rules = [r for r in self.rules if not r.units]
        self._bits_by_unit = {u: sum(1 << r.rank for r in rules)
                              for u, rules in self._rules_by_unit.items()}
        self._any_unit_bits = sum(1 << r.rank for r in self._any_unit_rules)
        self._topics_by_unit = {u: [t for t in self.topics if t.units is None or u in t.units]
                                for u in units}
        self._any_unit_topics = [t for t in self.topics if t.units is None]
        self._anywhere = [t for t in self.topics if t.reach == _REACH["anywhere"]]

    def _rule_bits(self, unit: str) -> int:
        """The lines a record of ``unit`` can fit, as a bit mask (bit k: line k)."""
        return self._bits_by_unit.get(unit, self._any_unit_bits)

    def _rules_for(self, unit: str) -> list[_Rule]:
        return self._rules_by_unit.get(unit, self._any_unit_rules)

    def _topics_for(self, unit: str) -> list[_Topic]:
        return self._topics_by_unit.get(unit, self._any_unit_topics)

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> IndicatorRules:
        return cls(patterns.of("indicator", IndicatorPattern),
                   patterns.of("indicator_topic", IndicatorTopicPattern),
                   patterns.of("indicator_open", IndicatorOpenPattern),
                   patterns.of("indicator_other_part", IndicatorOtherPartPattern))

    def leaves_total(self, record: RecordDraft, total: str) -> bool:
        """Whether the part's label names another kind than its total of id ``total`` counts
        (an ``indicator_other_part`` line)."""
        return any(total in totals and words is not None and words.search(record.label)
                   for totals, words in self.other_parts)

    # one record, its own words -----------------------------------------------------------
    def is_open(self, label: str) -> bool:
        """Whether the label says nothing of what was counted (only open words); worked out
        once per label in a document (for_document)."""
        if self._open_of is not None:
            found = self._open_of.get(label)
            if found is not None:
                return found
        if self._kept is not None and self._kept.search(label):
            found = False
        else:
            rest = self.open.sub("", label) if self.open is not None else label
            found = not _FILLER.sub("", rest)
        if self._open_of is not None:
            self._open_of[label] = found
        return found

    def strengths(self, record: RecordDraft) -> tuple[int, ...]:
        """Every topic line's :meth:`_Topic.strength` for the record's label, unit and kind (in
        line order), worked out once per label: each level asks again."""
        key = (record.label, record.unit, record.kind)
        found = self._strengths_of.get(key)
        if found is None:
            open_label = self.is_open(record.label)
            found = tuple(t.strength(record, open_label) for t in self.topics)
            if len(self._strengths_of) >= _MEMO:
                self._strengths_of.clear()
            self._strengths_of[key] = found
        return found

    def by_label(self, record: RecordDraft, text: str, context: Context) -> str | None:
        """The id of the best ``indicator`` line whose trigger is in ``text``, or None."""
        best: tuple[int, str] | None = None
        # the lines of the unit whose trigger may match, in file order (bit k: line k)
        lines = self._triggers.possible(text) & self._rule_bits(record.unit)
        while lines:
            lowest = lines & -lines
            lines ^= lowest
            rule = self.rules[lowest.bit_length() - 1]
            if not rule.fits(record, text, context):
                continue
            score = rule.priority
            if rule.sections is not None and any(rule.sections.search(t) for t in context.sections):
                score += _SECTION_BONUS
            if best is None or score > best[0]:
                best = (score, rule.id)
        return best[1] if best else None

    def by_topic(self, record: RecordDraft, text: str, at: int | None, reach: int) -> str | None:
        """The id of the best topic line whose words stand in ``text``: labels the topic names
        first, then the word nearest to ``at`` (where the figure stands), then priority."""
        found = self._topic(record, text, at, reach)
        return found[0] if found else None

    def _topic(self, record: RecordDraft, text: str, at: int | None,
               reach: int) -> tuple[str, int, bool] | None:
        """The best topic: its id, its strength (2: names the label, 1: open label) and whether
        its nearest word stands before the figure."""
        strengths = self.strengths(record)
        best: tuple[int, float, int, str, bool] | None = None
        for topic in self._topics_for(record.unit):
            if topic.reach < reach or topic.words is None:
                continue
            strength = strengths[topic.rank]
            if not strength:
                continue
            where = _distance(self._word_spans(topic, text), len(text), at, len(record.text))
            if where is None:
                continue
            key = (strength, -where[0], topic.priority, topic.id, where[1])
            if best is None or key[:3] > best[:3]:
                best = key
        return (best[3], best[0], best[4]) if best else None

    def _word_spans(self, topic: _Topic, text: str) -> list[tuple[int, int]]:
        """Where ``topic``'s words stand in ``text``; found once per text in a document."""
        assert topic.words is not None
        if self._words_in is None:
            return [m.span() for m in topic.words.finditer(text)]
        key = (topic.rank, text)
        found = self._words_in.get(key)
        if found is None:
            found = self._words_in[key] = [m.span() for m in topic.words.finditer(text)]
        return found

    def part_topic(self, record: RecordDraft, total: str) -> str | None:
        """The id of a topic line that takes the parts of a ``total`` of this id (``parts_of``)
        and whose ``labels`` name the part's label (撤诉, 维持 after a total of cases where the
        official appeared in court count litigation cases), or None."""
        ids = {t.id for t in self._topics_for(record.unit)
               if total in t.parts_of and self.strengths(record)[t.rank] == 2}
        return ids.pop() if len(ids) == 1 else None

    def by_rate(self, record: RecordDraft, counts: Sequence[str]) -> str | None:
        """The rate id whose ``counts`` hold the first of ``counts`` that any line holds."""
        strengths = self.strengths(record)
        for count in counts:
            fitting = [t for t in self.topics if count in t.counts and strengths[t.rank]]
            if fitting:
                return max(fitting, key=lambda t: (strengths[t.rank], t.priority)).id
        return None

    def by_sections(self, record: RecordDraft, titles: Sequence[str]) -> str | None:
        """The id a heading's topic gives, the innermost heading first; None when the nearest
        heading with a topic names two that fit equally."""
        strengths = self.strengths(record)
        for title in reversed(titles):
            found: dict[str, tuple[int, int]] = {}
            for topic in self._topics_for(record.unit):
                if topic.reach < _REACH["section"] or topic.words is None:
                    continue
                strength = strengths[topic.rank]
                if strength and topic.words.search(title):
                    key = (strength, topic.priority)
                    if found.get(topic.id, (0, 0)) < key:
                        found[topic.id] = key
            if found:
                top = max(found.values())
                ids = [i for i, key in found.items() if key == top]
                return ids[0] if len(ids) == 1 else None
        return None

    def decide(self, record: RecordDraft, context: Context) -> Decision | None:
        """The levels that need only the record and its text: label, clause, sentence topic,
        section heading (the structural levels are in :meth:`assign`)."""
        return (self.own_words(record, context)
                or self.surroundings(record, context, None))

    def indicator_of(self, record: RecordDraft, context: Context | None = None) -> str | None:
        decision = self.decide(record, context or Context())
        return decision.indicator if decision else None

    def own_words(self, record: RecordDraft, context: Context) -> Decision | None:
        """Levels 1 and 2: the label, then the words of the figure's clause."""
        found = self.by_label(record, record.label, context)
        if found:
            return Decision(found, "label")
        if context.clause:
            found = self.by_label(record, context.clause, context) \
                if self.is_open(record.label) else None
            found = found or self.by_topic(record, context.clause, None, _REACH["clause"])
            if found:
                return Decision(found, "clause")
        return None

    def surroundings(self, record: RecordDraft, context: Context,
                      before: Decision | None,
                      carried: Decision | None = None) -> Decision | None:
        """Levels 5 and 6, sentence and section: a topic that names the label with its word
        before the figure, else the decision of the figure ``before`` (given for an open label
        after a figure of the same unit in the sentence), else any topic of the sentence, else
        the decision ``carried`` from the last figure of the sentence before (given for an open
        label that opens its sentence, same unit, same paragraph), else the earlier sentences of
        the paragraph, else the headings."""
        topic = self._topic(record, context.sentence, context.at, _REACH["sentence"])
        if topic and topic[1] == 2 and topic[2]:
            return Decision(topic[0], "sentence")
        if before is not None:
            return Decision(before.indicator, "sentence")
        if topic:
            return Decision(topic[0], "sentence")
        found = self.by_topic(record, context.linked, None, _REACH["sentence"]) \
            if context.linked else None
        if found:
            return Decision(found, "sentence")
        if carried is not None:
            return Decision(carried.indicator, "sentence")
        # an earlier sentence of the paragraph, only for a label the topic names (维持5件 in the
        # sentence after 收到行政复议申请16件): an open label there says nothing
        earlier = self._topic(record, context.earlier, None, _REACH["sentence"]) \
            if context.earlier else None
        if earlier and earlier[1] == 2:
            return Decision(earlier[0], "sentence")
        found = self.by_sections(record, context.sections)
        if found:
            return Decision(found, "section")
        found = self.by_label_alone(record)
        return Decision(found, "label") if found else None

    def by_label_alone(self, record: RecordDraft) -> str | None:
        """The last resort: a topic line with ``reach: anywhere`` whose ``labels`` name the
        label (办结率 with no topic around it is a completion rate), the highest priority."""
        strengths = self.strengths(record)
        fitting = [t for t in self._anywhere if strengths[t.rank] == 2]
        return max(fitting, key=lambda t: t.priority).id if fitting else None

    # a whole document ---------------------------------------------------------------------
    def assign(self, records: Sequence[RecordDraft], index: TextIndex) -> None:
        """Set every record's indicator and indicator_source."""
        _Document(self.for_document(), records, index).run()

    def for_document(self) -> IndicatorRules:
        """These rules with a store of their own for one document's searches (this object is
        left as it is: nothing of one document is kept for the next, and documents read at
        the same time do not share it)."""
        rules = copy.copy(self)
        rules._words_in = {}
        rules._open_of = {}
        return rules


def _distance(words: Iterable[tuple[int, int]], length: int, at: int | None,
              width: int) -> tuple[float, bool] | None:
    """How far the nearest topic word stands from the figure at ``at``, and whether it stands
    before it (None: no word). A word after the figure counts :data:`_AFTER_PENALTY` times its
    distance; with ``at`` None every word is taken to stand before, at the text's end
    (``length``). ``words``: where the words stand, (start, end) in text order."""
    best: tuple[float, bool] | None = None
    for start, end in words:
        if at is None:
            here: tuple[float, bool] = (length - end, True)
        elif end <= at:
            here = (at - end, True)
        elif start >= at + width:
            here = (_AFTER_PENALTY * (start - at - width), False)
        else:
            here = (0, True)
        if best is None or here[0] < best[0]:
            best = here
    return best


def _neighbours(records: Sequence[RecordDraft], order: Sequence[int]) -> dict[int, int | None]:
    """For each record, the record just before it in ``order`` that does not share its span
    (two labels on one 100% are one figure)."""
    out: dict[int, int | None] = {}
    last: int | None = None
    for i in order:
        if last is not None and (records[last].start, records[last].end) == \
                (records[i].start, records[i].end):
            out[i] = out[last]
        else:
            out[i] = last
            last = i
    return out


class _Document:
    """The decisions of one document: each record's own levels, then its structure."""

    def __init__(self, rules: IndicatorRules, records: Sequence[RecordDraft],
                 index: TextIndex) -> None:
        self.rules = rules
        self.records = records
        self.index = index
        self.order = sorted(range(len(records)), key=lambda i: (records[i].start, records[i].end))
        self.contexts: dict[int, _RecordContext] = {}
        # what records of one sentence, or under one path of headings, share
        self._sentences: dict[tuple[int, int], tuple[str, str, str]] = {}
        self._headings: dict[tuple[int, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.decided: dict[int, Decision | None] = {}
        self.previous = _neighbours(records, self.order)
        self.next = _neighbours(records, self.order[::-1])
        self.is_open = rules.is_open  # once per label (the rules are the document's own)

    def run(self) -> None:
        for i in self.order:
            decision = self.decision(i)
            self.records[i].indicator = decision.indicator if decision else None
            self.records[i].indicator_source = decision.source if decision else None

    def context(self, i: int) -> Context:
        found = self.contexts.get(i)
        if found is None:
            found = self.contexts[i] = _RecordContext(self, i)
        return found

    def clause_of(self, i: int) -> str:
        """The words of record ``i``'s clause that belong to it: from the figure before it to
        the figure after it."""
        record = self.records[i]
        begin, finish = self.index.clause_bounds(record.start, record.end)
        before, after = self.previous[i], self.next[i]
        if before is not None and self.records[before].end > begin:
            begin = min(self.records[before].end, record.start)
        if after is not None and self.records[after].start < finish:
            finish = max(self.records[after].start, record.end)
        return self.index.text[begin:finish]

    def sentence_of(self, i: int) -> tuple[str, int, str, str]:
        """Record ``i``'s sentence, where the figure stands in it, its ``linked`` and
        ``earlier`` sentences (:class:`Context`)."""
        record = self.records[i]
        bounds = self.index.sentence_bounds(record.start, record.end)
        sentence = self._sentences.get(bounds)
        if sentence is None:
            sentence = self._sentences[bounds] = self._sentence(*bounds)
        return sentence[0], record.start - bounds[0], sentence[1], sentence[2]

    def headings_of(self, i: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The titles and kinds of the headings above record ``i``, outermost first."""
        path = self.index.section_path(self.records[i].start)
        key = tuple(map(id, path))
        found = self._headings.get(key)
        if found is None:
            found = self._headings[key] = (tuple(s.title for s in path),
                                           tuple(s.kind for s in path))
        return found

    def _sentence(self, s_begin: int, s_end: int) -> tuple[str, str, str]:
        """A sentence's text, the sentence before it when that ended with a semicolon
        (``linked``), and the sentences of its paragraph before it (``earlier``): the same for
        every record in it."""
        text = self.index.text
        linked = ""
        if s_begin and text[s_begin - 1] in _LINKED:
            l_begin, _ = self.index.sentence_bounds(s_begin - 1)
            linked = text[l_begin:s_begin]
        line = text.rfind("\n", 0, s_begin) + 1
        first, full = s_begin, 0
        for _ in range(4 * _EARLIER):  # the items of a list (ended by ；) count as one
            if first <= line or full == _EARLIER:
                break
            full += text[first - 1] not in _LINKED
            first = max(line, self.index.sentence_bounds(first - 1)[0])
        return text[s_begin:s_end], linked, text[first:s_begin]

    def decision(self, i: int) -> Decision | None:
        """The decision of record ``i``, deciding first, without recursion, the records it may
        take its id from (its total, its rate's counts, the figure before an open label), so a
        chain of 3,000 parts costs a loop, not 3,000 stack frames. A record met again while its
        own decision waits (a cycle of links) gives no structural evidence."""
        if i in self.decided:
            return self.decided[i]
        first = self._sources(i)
        if all(s in self.decided for s in first):  # in text order, the usual case
            found = self.decided[i] = self._decide(i)
            return found
        waiting = {i}
        stack = [(i, iter(first))]
        while stack:
            j, sources = stack[-1]
            source = next((s for s in sources if s not in self.decided and s not in waiting),
                          None)
            if source is not None:
                waiting.add(source)
                stack.append((source, iter(self._sources(source))))
                continue
            stack.pop()
            waiting.discard(j)
            self.decided[j] = self._decide(j)
        return self.decided[i]

    def _decide(self, j: int) -> Decision | None:
        """Record ``j``'s decision, the records it may take its id from decided (or waiting)."""
        record = self.records[j]
        context = self.context(j)
        # in a section about shortfalls (存在的问题和不足) a figure is typed by its own words
        # and its structure only, never by the topic of its sentence or heading (积案仍有3件
        # 未办结 under a heading about disputes counts no disputes handled)
        return (
            self._named_part(record)
            or self.rules.own_words(record, context)
            or self._total(record)
            or self._rate(record)
            or (None if _UNTYPED_SECTIONS.intersection(context.section_kinds)
                else self.rules.surroundings(record, context, self._before(j),
                                             self._carried(j))))

    def _sources(self, i: int) -> list[int]:
        """The records whose decisions record ``i``'s may use."""
        record = self.records[i]
        found = [j for j in (record.part_of, *(record.rate_of or ()))
                 if j is not None and 0 <= j < len(self.records)]
        before = self.previous[i]
        if before is not None and self.is_open(record.label):
            found.append(before)
        return found

    def _named_part(self, record: RecordDraft) -> Decision | None:
        """A part whose total's id lets a topic line (``parts_of``) name its label: before its
        own words (规范性文件审查6件 after 合法性审查52件 is a review; 驳回1件 after 出庭应诉案件
        9件 is a litigation case)."""
        if record.part_of is None or not 0 <= record.part_of < len(self.records):
            return None
        total = self.decided.get(record.part_of)
        named = self.rules.part_topic(record, total.indicator) if total else None
        return Decision(named, "total") if named else None

    def _total(self, record: RecordDraft) -> Decision | None:
        if record.part_of is None or not 0 <= record.part_of < len(self.records):
            return None
        total = self.decided.get(record.part_of)
        if total is None or self.rules.leaves_total(record, total.indicator):
            return None
        known = BY_ID.get(total.indicator)
        fits = record.unit == self.records[record.part_of].unit or (
            known is None or (record.unit in known.units and record.kind in known.kinds))
        return Decision(total.indicator, "total") if fits else None

    def _rate(self, record: RecordDraft) -> Decision | None:
        if record.rate_of is None:
            return None
        counts = [d.indicator for d in (self.decided.get(j) for j in record.rate_of
                                        if 0 <= j < len(self.records)) if d is not None]
        found = self.rules.by_rate(record, counts)
        return Decision(found, "rate") if found else None

    def _open_after(self, i: int) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
        """For an open label after a figure of the same unit and kind: that figure, the record's
        sentence bounds and the figure's (else None)."""
        record = self.records[i]
        before = self.previous[i]
        if before is None or not self.is_open(record.label):
            return None
        other = self.records[before]
        if other.unit != record.unit or other.kind != record.kind:
            return None
        return (before, self.index.sentence_bounds(record.start, record.end),
                self.index.sentence_bounds(other.start, other.end))

    def _carried(self, i: int) -> Decision | None:
        """An open label that opens its sentence takes the id of the last figure of the sentence
        just before it in the same paragraph, same unit (受理信访件56件。目前已办结54件): what the
        paragraph counts goes on until another topic is named."""
        found = self._open_after(i)
        if found is None:
            return None
        before, here, there = found
        text = self.index.text
        if there == here or text[there[1]:here[0]].strip() or "\n" in text[there[1]:here[0]] \
                or "\n" in text[here[0]:self.records[i].start]:
            return None
        return self.decided.get(before)

    def _before(self, i: int) -> Decision | None:
        """An open label takes the id of the figure just before it in its sentence (or in the
        sentence before, ended by a semicolon), same unit (受理复议案件45件，审结42件)."""
        found = self._open_after(i)
        if found is None:
            return None
        before, here, there = found
        if there != here and not (there[1] == here[0] and self.index.text[here[0] - 1] in _LINKED):
            return None
        return self.decided.get(before)


def _part_of(name: str) -> Any:
    """A property reading the part ``name`` of a :class:`_RecordContext`."""
    return property(lambda context: context._part(name))


class _RecordContext(Context):
    """The :class:`Context` of a record of a document, each part worked out when first read:
    most records are decided by their label, and read none of it (or only the sentence, for
    a line with ``sentence`` words)."""

    def __init__(self, document: _Document, i: int) -> None:
        parts = self.__dict__  # the dataclass is frozen: the parts are kept beside its fields
        parts["_document"], parts["_i"] = document, i

    def _part(self, name: str) -> Any:
        parts = self.__dict__
        if name not in parts:
            document: _Document = parts["_document"]
            i: int = parts["_i"]
            if name == "clause":
                parts["clause"] = document.clause_of(i)
            elif name in ("sections", "section_kinds"):
                parts["sections"], parts["section_kinds"] = document.headings_of(i)
            else:
                parts["sentence"], parts["at"], parts["linked"], parts["earlier"] = \
                    document.sentence_of(i)
        return parts[name]

    # each field of Context read through _part (a property per field)
    clause = _part_of("clause")
    sentence = _part_of("sentence")
    at = _part_of("at")
    linked = _part_of("linked")
    earlier = _part_of("earlier")
    sections = _part_of("sections")
    section_kinds = _part_of("section_kinds")
