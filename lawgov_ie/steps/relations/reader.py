"""Link a document's records and check that their numbers add up (pure Python).

Drives the relations modules over one document, in order: :mod:`.breakdowns` (``part_of``),
:mod:`.rates` (``rate_of``), :mod:`.checks` and :mod:`.periods`. All state of a run lives in
one :class:`~lawgov_ie.steps.relations.figures.Figures` made for the document and dropped after
it; the finder holds only its compiled patterns.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.screen import Screen
from lawgov_ie.steps.relations.breakdowns import Breakdowns
from lawgov_ie.steps.relations.checks import breakdown_checks, rate_checks
from lawgov_ie.steps.relations.figures import Figures
from lawgov_ie.steps.relations.periods import Periods, YearMarks
from lawgov_ie.steps.relations.rates import Rates
from lawgov_ie.steps.relations.relations_patterns import (
    PartLabelPattern,
    RateLinkPattern,
    RelationCuePattern,
    alternation,
)
from lawgov_ie.text.index import TextIndex


class RelationFinder:
    def __init__(self, patterns: PatternSet) -> None:
        cues = patterns.of("relation_cue", RelationCuePattern)
        self.breakdowns = Breakdowns(cues, patterns.of("part_label", PartLabelPattern))
        self.rates = Rates(patterns.of("rate_link", RateLinkPattern), alternation(cues, "share"))
        self.periods = Periods(cues)
        rules = self.breakdowns
        # the cue patterns searched in windows of every document: where the texts they need
        # stand is found once per document
        self.screen = Screen([rules.breakdown, rules.total, rules.total_if_sums, rules.compared,
                              rules.opens_list, *self.periods.patterns()])

    def relate(self, index: TextIndex, records: Sequence[RecordDraft], year: int | None) -> None:
        """Fill ``part_of``, ``rate_of``, ``evidence``, ``checks`` and ``period`` of every
        record in place (``index`` is the document's text index)."""
        marks = YearMarks(index.text)
        figures = Figures(index.text, index, records, self.screen.spots(index.text), marks)
        groups = self.breakdowns.find(figures)
        findings = self.rates.find(figures)
        breakdown_checks(records, groups)
        rate_checks(records, findings)
        for (record_index, _link), evidence in sorted(figures.evidence.items()):
            records[record_index].evidence.append(evidence)
        spots = figures.spots
        starts = marks.starts_of(spots, self.periods.previous, self.periods.span)
        for record in records:
            record.period = self.periods.period_of(index, record, year, spots, starts, marks)
