"""Rates: the counts a rate is computed from (``rate_of`` = [numerator, denominator]).

A rate is tied only to counts it describes, checked by arithmetic:

1. its label matches a ``rate_link`` pattern (结案率, 成功率, any rate for 应…/实…);
2. two counts before it in its sentence, in one unit family, the numerator not larger than the
   denominator, carry the pattern's role words: the numerator's label its ``numerator`` words
   (成功, 办结, 实际参加), the denominator's its ``denominator`` words (受理, 调处, 应参加) —
   or, weaker, the denominator is the nearest count before the numerator that is not smaller;
3. the rate equals 100 · numerator / denominator within the rounding of its written digits
   (half a unit of its last digit, plus 0.05; 以上 / 以下 bound one side only).

A rate with no pattern that fits, whose own word (败诉率 → 败诉, 公开率 → 公开) names a count,
is tied to that count and the nearest not smaller before it when the arithmetic fits, and never
checked. When fewer than two counts stand in the rate's scope, the one or two before are read.

When no pair fits, there is no link; a :class:`RateFinding` says what disagreed, for the checks:
``rate_mismatch`` (both role words found, the arithmetic fails) or ``rate_unsupported`` (the
rate's only two counts around it disagree with it) — only for a rate that restates its numerator
(not 诉前化解率 of 化解…, nor 结案率 of 按时结案…). 满意率 has no ``rate_link``: satisfaction is
not computed from counts, so it is neither linked nor checked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.models import RelationEvidence
from lawgov_ie.rules.budget import compile_rule
from lawgov_ie.rules.screen import Screen
from lawgov_ie.steps.relations.figures import MAX_REACH, MAX_RECORDS, NUMBER, Figures, same_family
from lawgov_ie.steps.relations.relations_patterns import RateLinkPattern

_MAX_COUNTS = 8  # counts read before a rate
ARITHMETIC = 2.0  # the evidence score of a rate link: this, plus 1 per role word found


@dataclass(frozen=True)
class _Link:
    id: str
    rate: regex.Pattern[str]
    numerator: regex.Pattern[str]
    denominator: regex.Pattern[str] | None


@dataclass(frozen=True)
class RateFinding:
    """A rate whose counts disagree with it (``code`` is the check to raise)."""

    rate: int
    numerator: int
    denominator: int
    code: str  # rate_mismatch / rate_unsupported


def tolerance(written: str) -> float:
    """How far a rate may stand from its counts: half a unit of its last digit, plus slack."""
    number = NUMBER.search(written.replace("．", "."))
    decimals = len(number.group(1)) if number and number.group(1) else 0
    return 0.5 * 10 ** -decimals + 0.05


def fits(rate: RecordDraft, numerator: float, denominator: float) -> bool:
    """Whether ``rate`` is numerator / denominator within the rounding of its digits."""
    if denominator <= 0:
        return False
    expected = 100 * numerator / denominator
    slack = tolerance(rate.text)
    if rate.qualifier == "more_than":
        return expected >= rate.value - slack
    if rate.qualifier == "less_than":
        return expected <= rate.value + slack
    if rate.qualifier == "approx":
        slack += 1.0
    return abs(expected - rate.value) <= slack


class Rates:
    """The rate rules of one pattern set (stateless)."""

    def __init__(self, links: Sequence[RateLinkPattern],
                 share: regex.Pattern[str] | None = None) -> None:
        self.links = [_Link(r.id, compile_rule(r.rate, f"rate_link '{r.id}'"),
                            compile_rule(r.numerator, f"rate_link '{r.id}'"),
                            compile_rule(r.denominator, f"rate_link '{r.id}'")
                            if r.denominator else None)
                      for r in links]
        self.share = share
        self._rate_words = Screen([link.rate for link in self.links])  # bit k: links[k]

    def find(self, figures: Figures) -> list[RateFinding]:
        """Set ``rate_of`` of the rates in ``figures``; the rates whose counts disagree."""
        findings = []
        for index in figures.order:
            rate = figures.records[index]
            if rate.kind != "rate" or rate.implicit or rate.rate_of is not None:
                continue
            finding = self._rate(figures, index)
            if finding is not None:
                findings.append(finding)
            elif rate.rate_of is None and self.share is not None \
                    and self.share.search(rate.label):
                self._share(figures, index)
        return findings

    def _share(self, figures: Figures, index: int) -> None:
        """占比60% right after a count: the count's share of its total (its ``part_of``), else
        of the nearest count before it in its unit family that is not smaller; the arithmetic
        decides."""
        records = figures.records
        rate = records[index]
        counts = self._counts(figures, index, sentence=True)
        wider = len(counts) == 1 and records[counts[0]].part_of is None
        if wider:  # 办理甲类案件128件，占总数的61%: its total in a sentence before, the nearest
            # count there not smaller than it and no part of another
            single = records[counts[0]]
            counts = self._counts(figures, index, enough=lambda found: any(
                records[i].value >= single.value and records[i].part_of is None
                for i in found[:-1]))
        if not counts or len(figures.index.clause_ends_between(records[counts[-1]].end,
                                                               rate.start)) > 2:
            return  # the part stands in the rate's clause or one of the two before it
            # (甲类140件，占受理总数比例最高，达92.7%)
        pairs: list[tuple[int, int]] = []
        last = records[counts[-1]]
        if last.part_of is not None:  # 简易程序30件、一般程序20件，分别占60%、40%: any part of
            # the total may be the one the rate describes (one only, by the arithmetic)
            pairs = [(c, last.part_of) for c in counts if records[c].part_of == last.part_of]
        else:
            pairs = [(counts[-1], c) for c in reversed(counts[:-1])
                     if same_family(records[c].unit, last.unit)
                     and records[c].value >= last.value
                     and not (wider and records[c].part_of is not None)][:1]
        fitting = [(part, total) for part, total in pairs
                   if records[total].kind == "count"
                   and same_family(records[total].unit, records[part].unit)
                   and fits(rate, records[part].value, records[total].value)]
        if len(fitting) != 1:
            return
        part, total = fitting[0]
        low, high = records[part], records[total]
        rate.rate_of = (part, total)
        figures.evidence[(index, "rate_of")] = RelationEvidence(
            link="rate_of", score=ARITHMETIC + 1, label_relation="share of its total"
            if low.part_of is not None else "share, denominator the count before it",
            arithmetic=f"{low.text} / {high.text} = {100 * low.value / high.value:.2f}%")

    def _counts(self, figures: Figures, index: int, sentence: bool = False,
                enough: Callable[[list[int]], bool] | None = None) -> list[int]:
        """The counts before a rate in its scope (its sentence with ``sentence``: a share's
        count may stand in a semicolon item of its own: 甲类14件，占14%；乙类20件，占20%)."""
        rate = figures.records[index]
        start = figures.index.sentence_bounds(rate.start)[0] if sentence \
            else figures.index.scope_start(rate.start)
        found: list[int] = []
        for _ in range(3 if enough is None else 5):  # its scope; with fewer than two counts
            # there, the one or two before (受理诉求800件。直接答复600件，直接答复率75%); for a
            # share, until ``enough`` (within MAX_REACH characters)
            floor = max(start, rate.start - MAX_REACH)
            found = [i for i in figures.before(index, floor, _MAX_COUNTS if enough is None
                                                                else MAX_RECORDS)
                     if figures.records[i].kind == "count" and not figures.records[i].implicit
                     and figures.records[i].value > 0 and not figures.crosses_heading(i, index)]
            done = enough(found) if enough is not None else len(found) >= 2
            if done or sentence or start == 0 or floor > start:
                break
            start = figures.index.scope_start(start - 1)
        return found

    def _rate(self, figures: Figures, index: int) -> RateFinding | None:
        records = figures.records
        rate = records[index]
        possible = self._rate_words.possible(rate.label)  # the links whose rate words may match
        links = [link for k, link in enumerate(self.links)
                 if possible >> k & 1 and link.rate.search(rate.label)]
        stems = self._stems(rate.label)
        if not links and not stems:
            return None
        counts = self._counts(figures, index)
        if not links:  # 败诉率 with no pattern: the counts named by the rate's own word
            self._by_stem(figures, index, counts, stems)
            return None
        fitting: list[tuple[int, int, int, str]] = []  # strength, numerator place, denominator
        both_roles: tuple[int, int] | None = None
        for d_at, denominator in enumerate(counts):
            for n_at in range(d_at + 1, len(counts)):
                numerator = counts[n_at]
                low, high = records[numerator], records[denominator]
                if not same_family(low.unit, high.unit) or low.value > high.value:
                    continue
                roles = self._roles(links, counts, denominator, n_at, records)
                if roles is None:
                    continue
                if fits(rate, low.value, high.value):
                    fitting.append((roles[0], n_at, d_at, roles[1]))
                elif roles[0] == 2 and both_roles is None:
                    both_roles = (numerator, denominator)
        if fitting:
            strength, n_at, d_at, words = max(fitting, key=lambda f: (f[0], f[1], f[2]))
            self._set(figures, index, counts[n_at], counts[d_at], strength, words)
            return None
        if stems:  # 化解成功率 of 化解… / 受理…: the rate's own word names the numerator
            self._by_stem(figures, index, counts, stems)
            if rate.rate_of is not None:
                return None
        if both_roles is not None and self._restates(rate, links, records[both_roles[0]]):
            return RateFinding(index, both_roles[0], both_roles[1], "rate_mismatch")
        if len(counts) == 2 and same_family(records[counts[0]].unit, records[counts[1]].unit) \
                and any(self._has_role(links, records[i].label) for i in counts):
            smaller, larger = sorted(counts, key=lambda i: records[i].value)
            if not fits(rate, records[smaller].value, records[larger].value) \
                    and self._restates(rate, links, records[smaller]):
                return RateFinding(index, smaller, larger, "rate_unsupported")
        return None

    @staticmethod
    def _set(figures: Figures, index: int, numerator: int, denominator: int, strength: int,
             words: str) -> None:
        records = figures.records
        records[index].rate_of = (numerator, denominator)
        low, high = records[numerator], records[denominator]
        figures.evidence[(index, "rate_of")] = RelationEvidence(
            link="rate_of", score=ARITHMETIC + strength, label_relation=words,
            arithmetic=f"{low.text} / {high.text} = {100 * low.value / high.value:.2f}%")

    def _stems(self, label: str) -> list[str]:
        """The rate's own words, for a numerator named by them: the two characters before 率
        and the first two of the label (败诉率 → 败诉; 化解成功率 → 成功, 化解); none for a
        share (占比) or a label too short."""
        if not label.endswith("率") or (self.share is not None and self.share.search(label)):
            return []
        word = label[:-1]
        if len(word) < 2:
            return []
        return list(dict.fromkeys([word[-2:], word[:2]]))

    def _by_stem(self, figures: Figures, index: int, counts: Sequence[int],
                 stems: Sequence[str]) -> None:
        """Link a rate to the count whose label holds one of its ``stems`` (the numerator) and
        the nearest count before that one, of its unit family, not smaller (the denominator),
        when the arithmetic fits (公开率96.6% of 主动公开1609件 / 制发公文1666件). Never a
        finding: without role words, counts that disagree say nothing about the rate."""
        records = figures.records
        rate = records[index]
        for n_at in range(len(counts) - 1, 0, -1):
            low = records[counts[n_at]]
            stem = next((w for w in stems if w in (low.label or "")), None)
            if stem is None:
                continue
            denominator = next((c for c in reversed(counts[:n_at])
                                if same_family(records[c].unit, low.unit)
                                and records[c].value >= low.value), None)
            if denominator is not None and fits(rate, low.value, records[denominator].value):
                self._set(figures, index, counts[n_at], denominator, 1,
                          f"numerator {stem} (the rate's word), denominator the count before it")
            return

    @staticmethod
    def _restates(rate: RecordDraft, links: Sequence[_Link], numerator: RecordDraft) -> bool:
        """Whether a rate restates its numerator's words with nothing of its own in front
        (调解成功率 of 成功调解…; not 诉前化解率 of 化解…, nor 结案率 of 按时结案…: those name
        other counts, so disagreeing with these is no mismatch)."""
        for link in links:
            word = link.rate.search(rate.label)
            top = link.numerator.search(numerator.label or "")
            if word is None or top is None:
                continue
            ahead = rate.label[:word.start()]
            narrower = (numerator.label or "")[:top.start()]
            if (len(ahead) < 2 or ahead[:2] in numerator.label) \
                    and (len(narrower) < 2 or narrower[-2:] in rate.label):
                return True
        return False

    @staticmethod
    def _has_role(links: Sequence[_Link], label: str) -> bool:
        return any(link.numerator.search(label)
                   or (link.denominator is not None and link.denominator.search(label))
                   for link in links)

    def _roles(self, links: Sequence[_Link], counts: Sequence[int], denominator: int,
               n_at: int, records: Sequence[RecordDraft]) -> tuple[int, str] | None:
        """How strongly the pair is tied to the rate by role words: 2 when both counts carry
        their role words, 1 when the numerator does and the denominator (without its words) is
        the nearest count before it that is not smaller; None otherwise. With the words found."""
        numerator = counts[n_at]
        low, high = records[numerator], records[denominator]
        best: tuple[int, str] | None = None
        for link in links:
            top = link.numerator.search(low.label)
            if top is None:
                continue
            if link.denominator is not None:
                bottom = link.denominator.search(high.label)
                if bottom is not None:
                    return 2, f"numerator {top.group()}, denominator {bottom.group()}"
            nearest = next((c for c in reversed(counts[:n_at])
                            if same_family(records[c].unit, low.unit)
                            and records[c].value >= low.value
                            and (records[c].part_of is None or low.part_of == c)),
                           None)  # a part is no denominator, but of its own parts
            if nearest == denominator and best is None:
                best = (1, f"numerator {top.group()}, denominator the count before it")
        return best
