"""The headline rule: for one report and one indicator, the figure that represents it.

A report often states several figures for one indicator: a total and its parts, last year's
figure beside this year's, a target in the plans, the same count in two units. The rule
(docs/panel.md) takes the records of the indicator and

1. **leaves out** what is not the report's own result: records in a *plan* section (targets),
   records about another year than the report's (``period`` ≠ ``meta.year``, when both are
   known), changes (同比增长20% is not a level), and units the indicator does not count in
   (:mod:`lawgov_ie.dataset.units`; an implicit zero, with no unit, counts in any);
2. **prefers**, keeping the others only when nothing preferred is left:
   the indicator's first unit family present (人次 before 人 for people trained),
   figures stated on their own over breakdowns (a part gives way to its total),
   achievement sections over ``other`` ones, and those over problem sections;
3. **combines** what is left: one value (stated once or repeated) is the headline; several
   different values are an *ambiguous* cell: a count takes the largest (a total is never
   smaller than what it covers, and adding could count one thing twice), a rate the one
   computed from counts (``rate_of``), else the first stated.

Pure Python (no pandas): the summary page uses it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lawgov_ie.dataset.units import Family, families_of, family_of
from lawgov_ie.models import Record, Report

_SECTION_ORDER = ("achievement", "other", "problem")


@dataclass(frozen=True)
class Headline:
    """The figure of one report for one indicator, and how it was chosen."""

    indicator: str
    value: float
    unit: str  # the family's unit: 件 for 起/宗/件, 人 for 名/人 …
    unit_as_written: str
    qualifier: str
    kind: str
    record_id: str
    label: str
    text: str
    period: int | None
    section_kind: str
    checks: tuple[str, ...]
    ambiguous: bool
    candidates: int  # records left at the last step
    records: int  # records of the indicator in the report
    basis: str  # how the figure was chosen, in words
    others: tuple[float, ...] = field(default=())  # the other values left at the last step


def _excluded(record: Record, year: int | None) -> str | None:
    if record.section_kind == "plan":
        return "plan"
    if record.kind == "change":
        return "change"
    if year is not None and record.period is not None and record.period != year:
        return "other year"
    if not record.unit:  # an implicit zero is a zero in any unit
        return None
    if family_of(record.indicator or "", record.unit) is None:
        return "unit"
    return None


def _family(indicator: str, record: Record, choices: Sequence[Family]) -> Family:
    if not record.unit:
        return choices[0]
    found = family_of(indicator, record.unit)
    assert found is not None
    return found


def _prefer_family(indicator: str, records: list[Record]) -> tuple[Family, list[Record]]:
    known = families_of(indicator)
    if known is not None:
        for family in known:
            kept = [r for r in records if r.unit and r.unit in family.members]
            if kept:
                return family, kept + [r for r in records if not r.unit]
        return known[0], records  # only implicit zeros
    counted: dict[str, tuple[Family, list[Record]]] = {}
    for record in records:
        if not record.unit:
            continue
        family = _family(indicator, record, ())
        counted.setdefault(family.unit, (family, []))[1].append(record)
    if not counted:
        return Family("", ("",)), records
    family, kept = max(counted.values(), key=lambda pair: len(pair[1]))  # first on ties
    return family, kept + [r for r in records if not r.unit]


def _prefer(records: list[Record], keep: Any) -> list[Record]:
    kept = [r for r in records if keep(r)]
    return kept or records


def headline(indicator: str, records: Sequence[Record], year: int | None) -> Headline | None:
    """The headline of ``indicator`` from a report's ``records`` (those of other indicators
    are ignored); None when every record of the indicator is left out by step 1."""
    mine = [r for r in records if r.indicator == indicator]
    left = [r for r in mine if _excluded(r, year) is None]
    if not left:
        return None
    family, left = _prefer_family(indicator, left)
    present = {r.id for r in left}
    left = _prefer(left, lambda r: r.part_of is None or r.part_of not in present)
    left = _prefer(left, lambda r: r.part_of is None)
    for kind in _SECTION_ORDER:
        if any(r.section_kind == kind for r in left):
            left = [r for r in left if r.section_kind == kind]
            break
    left.sort(key=lambda r: r.start)
    values = sorted({r.value for r in left})
    if len(values) == 1:
        chosen = left[0]
        basis = "one figure" if len(left) == 1 else f"one value stated {len(left)} times"
    elif family.unit == "%":
        computed = [r for r in left if r.rate_of]
        chosen = computed[0] if computed else left[0]
        basis = (f"rate computed from counts, of {len(values)} values" if computed
                 else f"first stated rate, of {len(values)} values")
    else:
        chosen = max(left, key=lambda r: r.value)  # the first of equal largest values
        basis = f"largest of {len(values)} values"
    return Headline(
        indicator=indicator, value=chosen.value, unit=family.unit,
        unit_as_written=chosen.unit, qualifier=chosen.qualifier, kind=chosen.kind,
        record_id=chosen.id, label=chosen.label, text=chosen.text, period=chosen.period,
        section_kind=chosen.section_kind, checks=tuple(c.code for c in chosen.checks),
        ambiguous=len(values) > 1, candidates=len(left), records=len(mine), basis=basis,
        others=tuple(v for v in values if v != chosen.value))


def headlines(report: Report) -> Iterator[Headline]:
    """The headline of every indicator the report states, in the order first stated."""
    seen: dict[str, None] = {}
    for record in report.records:
        if record.indicator:
            seen.setdefault(record.indicator, None)
    for indicator in seen:
        found = headline(indicator, report.records, report.meta.year)
        if found is not None:
            yield found


def report_ids(reports: Iterable[Report | tuple[str, Report]]) -> Iterator[tuple[str, Report]]:
    """(id, report) for each report: the id given with it, else its source, else ``#N``
    (its position, from 1); an id seen before gets ``~2``, ``~3`` … so ids are unique."""
    seen: set[str] = set()
    for number, item in enumerate(reports, start=1):
        if isinstance(item, tuple):
            given, report = item
        else:
            given, report = None, item
        if not isinstance(report, Report):
            raise TypeError(f"report #{number} is a {type(report).__name__}, not a "
                            "lawgov_ie.Report (or an (id, Report) pair)")
        base = str(given) if given is not None else report.meta.source or f"#{number}"
        unique, copy = base, 1
        while unique in seen:
            copy += 1
            unique = f"{base}~{copy}"
        seen.add(unique)
        yield unique, report
