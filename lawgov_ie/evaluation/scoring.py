"""Score extracted reports against gold files, by the rules of docs/annotation.md, section 7.

Pure functions: no files, no pipeline. :func:`evaluate_document` compares one gold file with one
:class:`~lawgov_ie.models.Report` and returns counts; :class:`Scores` adds documents up
(micro-averaging) and turns the counts into figures (:meth:`Scores.figures`).

Matching: a prediction matches a gold record when their ``[start, end)`` spans overlap, the
values are equal and the units are equal. Explicit and implicit records are matched on their own
lines. Each gold record matches at most one prediction and the other way round; among the
one-to-one assignments with the most matches, the one whose labels agree best is taken (two
rate records on one ``100%`` pair up by label). Optional gold records are left out of both
sides: they are not missed, and a prediction that matches one is not a false hit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from lawgov_ie.evaluation.gold import ENTITY_LABELS, GoldDocument, GoldEntity, GoldMeta, GoldRecord
from lawgov_ie.models import DocumentMeta, Entity, Record, Report

STRICT_LABEL = 0.8
LENIENT_LABEL = 0.5
CONTEXT = 15
FACT_FIELDS = ("place", "year", "date", "doc_number")
_VALUE_TOLERANCE = 1e-6


def label_f1(gold: str, predicted: str) -> float:
    """Character-level F1 of two labels (characters as a multiset); two empty labels agree."""
    if not gold and not predicted:
        return 1.0
    if not gold or not predicted:
        return 0.0
    common = sum((Counter(gold) & Counter(predicted)).values())
    if common == 0:
        return 0.0
    precision = common / len(predicted)
    recall = common / len(gold)
    return 2 * precision * recall / (precision + recall)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two ``[start, end)`` spans share a character (an empty span overlaps nothing)."""
    return a_start < b_end and b_start < a_end


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= _VALUE_TOLERANCE * max(1.0, abs(a), abs(b))


def is_candidate(gold: GoldRecord, predicted: Record) -> bool:
    """The matching rule: spans overlap, equal values, equal units."""
    return (overlaps(gold.start, gold.end, predicted.start, predicted.end)
            and same_value(gold.value, predicted.value) and gold.unit == predicted.unit)


def _preference(gold: GoldRecord, predicted: Record) -> float:
    """How well a candidate pair fits, to choose among several candidates (0..~1.2)."""
    shared = min(gold.end, predicted.end) - max(gold.start, predicted.start)
    union = max(gold.end, predicted.end) - min(gold.start, predicted.start)
    score = label_f1(gold.label, predicted.label) + 0.1 * shared / max(union, 1)
    if gold.kind == predicted.kind:
        score += 0.05
    if gold.indicator == predicted.indicator:
        score += 0.05
    return score


def _assign(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns (rows <= columns): the Hungarian method.

    Returns, for each row, its column. Weights are >= 0; a pair that may not match has weight 0
    and is dropped by the caller.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    top = max((w for row in weights for w in row), default=0.0)
    cost = [[top - w for w in row] for row in weights]
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: row (1-based) assigned to column j
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, cols + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [0] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def match(gold: Sequence[GoldRecord], predicted: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one matching: ``(gold position, prediction position)`` pairs, most matches first
    and, among those, the best label agreement. Positions index the given sequences."""
    if not gold or not predicted:
        return []
    big = 1000.0  # one more match always outweighs any gain in label agreement
    candidates = {(g, p) for g, gr in enumerate(gold) for p, pr in enumerate(predicted)
                  if is_candidate(gr, pr)}
    if not candidates:
        return []
    # only the records that take part in some candidate pair need to enter the assignment
    g_ids = sorted({g for g, _ in candidates})
    p_ids = sorted({p for _, p in candidates})
    transpose = len(g_ids) > len(p_ids)
    rows, cols = (p_ids, g_ids) if transpose else (g_ids, p_ids)
    weights = []
    for r in rows:
        line = []
        for c in cols:
            g, p = (c, r) if transpose else (r, c)
            line.append(big + _preference(gold[g], predicted[p]) if (g, p) in candidates else 0.0)
        weights.append(line)
    pairs = []
    for r_pos, c_pos in enumerate(_assign(weights)):
        g, p = (cols[c_pos], rows[r_pos]) if transpose else (rows[r_pos], cols[c_pos])
        if (g, p) in candidates:
            pairs.append((g, p))
    return sorted(pairs)


@dataclass(frozen=True)
class ErrorItem:
    """One miss, false hit or label disagreement, with the text around it."""

    doc_id: str
    type: str  # "miss", "false", "label", "offset"
    line: str  # "explicit" or "implicit"
    text: str
    start: int
    end: int
    value: float
    unit: str
    label: str
    other_label: str | None
    context: str

    def describe(self) -> str:
        where = f"{self.doc_id}@{self.start}"
        value = f"{self.value:g}{self.unit}"
        if self.type == "label":
            return (f"LABEL  {where:<18} {self.text!r} gold {self.label!r} "
                    f"predicted {self.other_label!r}  | {self.context}")
        if self.type == "offset":
            return (f"OFFSET {where:<18} {self.text!r} but the input there is "
                    f"{self.other_label!r}")
        name = "MISS " if self.type == "miss" else "FALSE"
        implicit = " (implicit)" if self.line == "implicit" else ""
        return f"{name}  {where:<18} {self.text!r} = {value}{implicit} label {self.label!r}" \
               f"  | {self.context}"


def context_of(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """``…before[match]after…`` on one line."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


@dataclass(frozen=True)
class IndicatorPair:
    """The indicators of one matched pair: gold's, the prediction's and how it was decided."""

    doc_id: str
    start: int
    text: str
    label: str  # the predicted label
    gold: str | None
    predicted: str | None
    source: str | None  # the prediction's indicator_source
    context: str

    def describe(self) -> str:
        where = f"{self.doc_id}@{self.start}"
        return (f"INDIC  {where:<18} {self.text!r} label {self.label!r} gold {self.gold or '-'} "
                f"predicted {self.predicted or '-'} ({self.source or 'none'})  | {self.context}")


@dataclass
class Line:
    """Precision/recall counts of one line (explicit or implicit records)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    excluded: int = 0  # predictions that matched an optional gold record

    def add(self, other: Line) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.excluded += other.excluded


@dataclass
class Scores:
    """Counts for one document or, added up, for a whole gold folder."""

    documents: int = 0
    explicit: Line = field(default_factory=Line)
    implicit: Line = field(default_factory=Line)
    optional_gold: int = 0
    bad_offsets: int = 0  # predictions whose text is not input[start:end]
    matched: int = 0
    label_strict: int = 0
    label_lenient: int = 0
    qualifier: int = 0
    kind: int = 0
    indicator_equal: int = 0
    indicator_predicted: int = 0  # matched pairs where the prediction gives an id
    indicator_gold: int = 0  # matched pairs where gold gives an id
    indicator_correct_predicted: int = 0
    indicator_correct_gold: int = 0
    relations: dict[str, Line] = field(
        default_factory=lambda: {"part_of": Line(), "rate_of": Line()})
    facts_compared: Counter[str] = field(default_factory=Counter)
    facts_correct: Counter[str] = field(default_factory=Counter)
    errors: list[ErrorItem] = field(default_factory=list)
    indicator_pairs: list[IndicatorPair] = field(default_factory=list)
    per_document: list[tuple[str, Line]] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        self.documents += other.documents
        self.explicit.add(other.explicit)
        self.implicit.add(other.implicit)
        for name in ("optional_gold", "bad_offsets", "matched", "label_strict", "label_lenient",
                     "qualifier", "kind", "indicator_equal", "indicator_predicted",
                     "indicator_gold", "indicator_correct_predicted", "indicator_correct_gold"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name, line in other.relations.items():
            self.relations.setdefault(name, Line()).add(line)
        self.facts_compared.update(other.facts_compared)
        self.facts_correct.update(other.facts_correct)
        self.errors.extend(other.errors)
        self.indicator_pairs.extend(other.indicator_pairs)
        self.per_document.extend(other.per_document)

    def figures(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict (shares in 0..1, rounded to 4 places)."""
        relations_all = Line()
        for line in self.relations.values():
            relations_all.add(line)
        n = self.matched
        return {
            "documents": self.documents,
            "explicit": prf(self.explicit),
            "implicit": prf(self.implicit),
            "optional_gold": self.optional_gold,
            "bad_offsets": self.bad_offsets,
            "matched": n,
            "label_strict": share(self.label_strict, n),
            "label_lenient": share(self.label_lenient, n),
            "qualifier": share(self.qualifier, n),
            "kind": share(self.kind, n),
            "indicator": {
                "agreement": share(self.indicator_equal, n),
                **_prf_values(self.indicator_correct_predicted, self.indicator_predicted,
                              self.indicator_correct_gold, self.indicator_gold),
                "predicted_typed": self.indicator_predicted,
                "gold_typed": self.indicator_gold,
            },
            "relations": {**{name: prf(line) for name, line in self.relations.items()},
                          "all": prf(relations_all)},
            "facts": {name: {"accuracy": share(self.facts_correct[name],
                                               self.facts_compared[name]),
                             "correct": self.facts_correct[name],
                             "compared": self.facts_compared[name]}
                      for name in FACT_FIELDS},
            "per_document": {doc_id: prf(line) for doc_id, line in self.per_document},
        }


def share(part: int, whole: int) -> float | None:
    """``part / whole`` rounded, or ``None`` when nothing was compared."""
    return round(part / whole, 4) if whole else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def _prf_values(p_part: int, p_whole: int, r_part: int, r_whole: int) -> dict[str, Any]:
    precision = share(p_part, p_whole)
    recall = share(r_part, r_whole)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def prf(line: Line) -> dict[str, Any]:
    """Precision, recall, F1 and the counts of one line."""
    return {**_prf_values(line.tp, line.tp + line.fp, line.tp, line.tp + line.fn),
            "tp": line.tp, "fp": line.fp, "fn": line.fn}


def _score_line(doc_id: str, line_name: str, gold: list[GoldRecord], optional: list[GoldRecord],
                predicted: list[Record], text: str, scores: Scores, line: Line,
                matched: dict[int, Record]) -> None:
    pairs = match(gold, predicted)
    used = {p for _, p in pairs}
    for g, p in pairs:
        matched[gold[g].index] = predicted[p]
    line.tp += len(pairs)
    unmatched_gold = [gold[g] for g in range(len(gold)) if g not in {g for g, _ in pairs}]
    line.fn += len(unmatched_gold)
    rest = [pr for p, pr in enumerate(predicted) if p not in used]
    # a prediction matching an optional record (even one matched by another prediction) is
    # neither a hit nor a false hit: optional records are out of the scoring altogether
    excused = {id(pr) for pr in rest if any(is_candidate(o, pr) for o in optional)}
    line.excluded += len(excused)
    false_hits = [pr for pr in rest if id(pr) not in excused]
    line.fp += len(false_hits)
    for record in unmatched_gold:
        scores.errors.append(ErrorItem(doc_id, "miss", line_name, record.text, record.start,
                                       record.end, record.value, record.unit, record.label, None,
                                       context_of(text, record.start, record.end)))
    for pred in false_hits:
        scores.errors.append(ErrorItem(doc_id, "false", line_name, pred.text, pred.start,
                                       pred.end, pred.value, pred.unit, pred.label, None,
                                       context_of(text, pred.start, pred.end)))


def _score_relations(gold: GoldDocument, predicted: Sequence[Record],
                     matched: dict[int, Record], excused: set[str], scores: Scores) -> None:
    """Links: a predicted link counts when its ends match gold records linked the same way."""
    by_gold = {index: record.id for index, record in matched.items()}
    to_gold = {pred_id: index for index, pred_id in by_gold.items()}
    optional = {r.index for r in gold.records if r.optional}
    gold_part = {(r.index, r.part_of) for r in gold.records if r.part_of is not None
                 and not ({r.index, r.part_of} & optional)}
    gold_rate = {(r.index, *r.rate_of) for r in gold.records if r.rate_of is not None
                 and not ({r.index, *r.rate_of} & optional)}
    part = scores.relations["part_of"]
    rate = scores.relations["rate_of"]
    for record in predicted:
        if record.part_of is not None:
            if {record.id, record.part_of} & excused:
                continue
            link = (to_gold.get(record.id), to_gold.get(record.part_of))
            if link in gold_part:
                part.tp += 1
            else:
                part.fp += 1
        if record.rate_of is not None and len(record.rate_of) == 2:
            if {record.id, *record.rate_of} & excused:
                continue
            rate_link = (to_gold.get(record.id), to_gold.get(record.rate_of[0]),
                         to_gold.get(record.rate_of[1]))
            if rate_link in gold_rate:
                rate.tp += 1
            else:
                rate.fp += 1
    part.fn += len(gold_part) - part.tp
    rate.fn += len(gold_rate) - rate.tp


def _indicator_pair(doc_id: str, gold: GoldRecord, predicted: Record, text: str) -> IndicatorPair:
    return IndicatorPair(doc_id, gold.start, gold.text, predicted.label, gold.indicator,
                         predicted.indicator, predicted.indicator_source,
                         context_of(text, gold.start, gold.end))


def indicator_confusion(pairs: Sequence[IndicatorPair]) -> dict[str, dict[str, int]]:
    """Gold id → predicted id → count over matched pairs ("-" stands for no indicator)."""
    table: dict[str, Counter[str]] = {}
    for pair in pairs:
        table.setdefault(pair.gold or "-", Counter())[pair.predicted or "-"] += 1
    return {gold: dict(row.most_common()) for gold, row in sorted(table.items())}


def indicator_sources(pairs: Sequence[IndicatorPair]) -> dict[str, dict[str, int]]:
    """Per ``indicator_source`` of the predictions: how many typed pairs, how many right."""
    counts: dict[str, dict[str, int]] = {}
    for pair in pairs:
        if pair.predicted is None:
            continue
        line = counts.setdefault(pair.source or "-", {"typed": 0, "correct": 0})
        line["typed"] += 1
        line["correct"] += pair.predicted == pair.gold
    return counts


def format_indicator_confusion(pairs: Sequence[IndicatorPair]) -> str:
    """The confusion table (one line per gold id that is not always predicted right: how many,
    how many right, what was predicted instead), the precision of each decision level, and every
    disagreeing pair."""
    out = ["indicator confusion (gold id: matched, right, predicted instead)"]
    for gold, row in indicator_confusion(pairs).items():
        total = sum(row.values())
        right = row.get(gold, 0)
        if right == total:
            continue
        others = ", ".join(f"{pred} {n}" for pred, n in row.items() if pred != gold)
        out.append(f"  {gold:<34} {total:>4} {right:>4}   {others}")
    out.append("indicator decided by (typed predictions: right/typed)")
    for source, line in sorted(indicator_sources(pairs).items()):
        out.append(f"  {source:<10} {line['correct']:>4}/{line['typed']:<4}")
    wrong = [p for p in pairs if p.gold != p.predicted]
    out.append(f"indicator disagreements ({len(wrong)})")
    out.extend("  " + p.describe() for p in sorted(wrong, key=lambda p: (p.doc_id, p.start)))
    return "\n".join(out)


def _score_facts(gold: GoldMeta, predicted: DocumentMeta, scores: Scores) -> None:
    for name in FACT_FIELDS:
        expected = getattr(gold, name)
        got = getattr(predicted, name)
        if name == "place" and expected is not None:
            correct = any(expected in (found or "") for found in (got, predicted.issuer))
        else:
            correct = expected == got
        scores.facts_compared[name] += 1
        scores.facts_correct[name] += int(correct)


def evaluate_document(gold: GoldDocument, report: Report, text: str) -> Scores:
    """Counts for one document: ``report`` is what the extractor returned for ``text``."""
    scores = Scores(documents=1)
    predicted = list(report.records)
    for pred in predicted:
        if text[pred.start:pred.end] != pred.text:
            scores.bad_offsets += 1
            scores.errors.append(ErrorItem(gold.id, "offset", "implicit" if pred.implicit
                                           else "explicit", pred.text, pred.start, pred.end,
                                           pred.value, pred.unit, pred.label,
                                           text[pred.start:pred.end], ""))
    matched: dict[int, Record] = {}
    optional = [r for r in gold.records if r.optional]
    scores.optional_gold = len(optional)
    for line_name, implicit, line in (("explicit", False, scores.explicit),
                                      ("implicit", True, scores.implicit)):
        _score_line(gold.id, line_name,
                    [r for r in gold.records if r.implicit == implicit and not r.optional],
                    [r for r in optional if r.implicit == implicit],
                    [p for p in predicted if p.implicit == implicit],
                    text, scores, line, matched)
    by_index = {r.index: r for r in gold.records}
    for index, pred in sorted(matched.items()):
        record = by_index[index]
        scores.matched += 1
        agreement = label_f1(record.label, pred.label)
        scores.label_strict += agreement >= STRICT_LABEL
        scores.label_lenient += agreement >= LENIENT_LABEL
        scores.qualifier += record.qualifier == pred.qualifier
        scores.kind += record.kind == pred.kind
        scores.indicator_equal += record.indicator == pred.indicator
        scores.indicator_pairs.append(_indicator_pair(gold.id, record, pred, text))
        if pred.indicator is not None:
            scores.indicator_predicted += 1
            scores.indicator_correct_predicted += pred.indicator == record.indicator
        if record.indicator is not None:
            scores.indicator_gold += 1
            scores.indicator_correct_gold += pred.indicator == record.indicator
        if agreement < STRICT_LABEL:
            scores.errors.append(ErrorItem(gold.id, "label", "implicit" if record.implicit
                                           else "explicit", record.text, record.start,
                                           record.end, record.value, record.unit, record.label,
                                           pred.label, context_of(text, record.start,
                                                                  record.end)))
    matched_ids = {pred.id for pred in matched.values()}
    excused = {p.id for p in predicted if p.id not in matched_ids
               and any(is_candidate(o, p) for o in optional if o.implicit == p.implicit)}
    _score_relations(gold, predicted, matched, excused, scores)
    _score_facts(gold.meta, report.meta, scores)
    line = Line()
    line.add(scores.explicit)
    line.add(scores.implicit)
    scores.per_document.append((gold.id, line))
    return scores


def evaluate(pairs: Sequence[tuple[GoldDocument, Report, str]]) -> Scores:
    """Micro-averaged counts over ``(gold, report, text)`` triples."""
    total = Scores()
    for gold, report, text in pairs:
        total.add(evaluate_document(gold, report, text))
    return total


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def _prf_line(name: str, figures: dict[str, Any]) -> str:
    return (f"  {name:<22} P {_pct(figures['precision'])}  R {_pct(figures['recall'])}  "
            f"F1 {_pct(figures['f1'])}   (tp {figures['tp']}, fp {figures['fp']}, "
            f"fn {figures['fn']})")


def format_figures(figures: dict[str, Any], title: str = "") -> str:
    """The figures as a readable block of text."""
    n = figures["matched"]
    indicator = figures["indicator"]
    out = [f"== {title}  ({figures['documents']} documents, "
           f"{figures['optional_gold']} optional gold records left out)" if title else
           f"== {figures['documents']} documents"]
    out.append("records")
    out.append(_prf_line("explicit", figures["explicit"]))
    out.append(_prf_line("implicit zeros", figures["implicit"]))
    if figures["bad_offsets"]:
        out.append(f"  !! {figures['bad_offsets']} predictions whose text is not "
                   "input[start:end] (see --errors)")
    out.append(f"matched pairs ({n})")
    out.append(f"  {'label strict (>=0.8)':<22} {_pct(figures['label_strict'])}")
    out.append(f"  {'label lenient (>=0.5)':<22} {_pct(figures['label_lenient'])}")
    out.append(f"  {'qualifier':<22} {_pct(figures['qualifier'])}")
    out.append(f"  {'kind':<22} {_pct(figures['kind'])}")
    out.append(f"  {'indicator agreement':<22} {_pct(indicator['agreement'])}")
    out.append(f"indicators (typed: predicted {indicator['predicted_typed']}, "
               f"gold {indicator['gold_typed']})")
    out.append(f"  {'indicator':<22} P {_pct(indicator['precision'])}  "
               f"R {_pct(indicator['recall'])}  F1 {_pct(indicator['f1'])}")
    out.append("relations")
    for name, line in figures["relations"].items():
        out.append(_prf_line(name, line))
    out.append("document facts")
    for name, fact in figures["facts"].items():
        out.append(f"  {name:<22} {_pct(fact['accuracy'])}   ({fact['correct']}/"
                   f"{fact['compared']} compared)")
    if len(figures["per_document"]) > 1:
        out.append("per document (explicit + implicit)")
        for doc_id, line in figures["per_document"].items():
            out.append(_prf_line(doc_id, line))
    return "\n".join(out)


# Entities (docs/annotation.md §7, entities) -------------------------------------------------
# Apart from the records: a gold file without an ``entities`` key is not scored for entities,
# and a predicted entity whose label the standard does not score (DATE) is left out.


@dataclass(frozen=True)
class EntityError:
    """A gold entity not predicted exactly (``miss``) or a prediction matching no gold entity
    exactly (``false``); ``near`` lists the other side's spans that overlap it."""

    doc_id: str
    type: str  # "miss" or "false"
    label: str
    text: str
    start: int
    end: int
    near: tuple[tuple[str, str], ...]  # (label, text) of overlapping spans on the other side
    context: str

    def describe(self) -> str:
        name = "MISS " if self.type == "miss" else "FALSE"
        other = "predicted" if self.type == "miss" else "gold"
        near = ", ".join(f"{label} {text!r}" for label, text in self.near)
        return (f"{name}  {self.label:<6} {f'{self.doc_id}@{self.start}':<12} {self.text!r}"
                + (f"  ({other} {near})" if near else "") + f"  | {self.context}")


@dataclass
class EntityScores:
    """Entity counts per label, exact and overlap, for one document or added up."""

    documents: int = 0
    exact: dict[str, Line] = field(default_factory=dict)
    overlap: dict[str, Line] = field(default_factory=dict)
    errors: list[EntityError] = field(default_factory=list)

    def add(self, other: EntityScores) -> None:
        self.documents += other.documents
        for mine, theirs in ((self.exact, other.exact), (self.overlap, other.overlap)):
            for label, line in theirs.items():
                mine.setdefault(label, Line()).add(line)
        self.errors.extend(other.errors)

    def figures(self) -> dict[str, Any] | None:
        """``{"documents", "exact": {label: prf, "all": prf}, "overlap": {…}}``; ``None`` when
        no gold file had entities."""
        if not self.documents:
            return None
        out: dict[str, Any] = {"documents": self.documents}
        for name, lines in (("exact", self.exact), ("overlap", self.overlap)):
            total = Line()
            per_label = {}
            for label in ENTITY_LABELS:
                line = lines.get(label, Line())
                total.add(line)
                per_label[label] = prf(line)
            out[name] = {**per_label, "all": prf(total)}
        return out


def match_entities(gold: Sequence[GoldEntity], predicted: Sequence[Entity],
                   exact: bool) -> list[tuple[int, int]]:
    """One-to-one ``(gold position, prediction position)`` pairs of the same label: equal spans
    (``exact``) or overlapping ones, as many as possible (augmenting paths)."""
    def fits(g: GoldEntity, p: Entity) -> bool:
        return g.label == p.label and overlaps(g.start, g.end, p.start, p.end)

    if exact:
        at: dict[tuple[str, int, int], list[int]] = {}
        for p, entity in enumerate(predicted):
            at.setdefault((entity.label, entity.start, entity.end), []).append(p)
        edges = [at.get((g.label, g.start, g.end), []) for g in gold]
    else:
        edges = [[p for p, entity in enumerate(predicted) if fits(g, entity)] for g in gold]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


class _Span(Protocol):
    """A gold or predicted entity, as the scorer reads it."""

    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def evaluate_entities_of(doc_id: str, gold: Sequence[GoldEntity], predicted: Sequence[Entity],
                         text: str) -> EntityScores:
    """Entity counts of one document: exact and overlap lines per label, and the exact misses
    and false hits (with the overlapping spans of the other side, to tell a boundary error
    from a plain miss)."""
    predicted = [p for p in predicted if p.label in ENTITY_LABELS]
    scores = EntityScores(documents=1)
    for lines, exact in ((scores.exact, True), (scores.overlap, False)):
        pairs = match_entities(gold, predicted, exact)
        for label in ENTITY_LABELS:
            lines[label] = Line()
        for g, _ in pairs:
            lines[gold[g].label].tp += 1
        sides: tuple[tuple[str, Sequence[_Span], Sequence[_Span], set[int]], ...] = (
            ("miss", gold, predicted, {g for g, _ in pairs}),
            ("false", predicted, gold, {p for _, p in pairs}))
        for kind, spans, others, matched in sides:
            for at, span in enumerate(spans):
                if at in matched:
                    continue
                if kind == "miss":
                    lines[span.label].fn += 1
                else:
                    lines[span.label].fp += 1
                if exact:
                    near = tuple((o.label, o.text) for o in others
                                 if overlaps(o.start, o.end, span.start, span.end))
                    scores.errors.append(EntityError(doc_id, kind, span.label, span.text,
                                                     span.start, span.end, near,
                                                     context_of(text, span.start, span.end)))
    return scores


def evaluate_entities(triples: Sequence[tuple[GoldDocument, Report, str]]) -> EntityScores:
    """Micro-averaged entity counts over the documents whose gold file has ``entities``."""
    total = EntityScores()
    for gold, report, text in triples:
        if gold.entities is not None:
            total.add(evaluate_entities_of(gold.id, gold.entities, report.entities, text))
    return total
