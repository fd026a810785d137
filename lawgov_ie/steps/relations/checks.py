"""Checks: findings about numbers that do not add up (``Record.checks``).

Each message names the figures and says why:

- ``part_exceeds_total`` (on a part): the part is larger than its total;
- ``parts_exceed_total`` (on a total): two or more parts of one breakdown, in its unit family,
  add up to more than it (each breakdown apart: 办件560件（含线上办件310件），其中即办件220件、
  承诺件340件 cuts one total two ways). Parts that add up to less are fine: a 其中 list need not
  be exhaustive;
- ``sum_mismatch`` (on a total): a total stated after its parts with 合计/共计/总计 differs from
  the parts listed before it;
- ``rate_mismatch`` (on a rate): its numerator and denominator, named by their role words, give
  another figure;
- ``rate_unsupported`` (on a rate computed from counts): the only two counts around it give
  another figure;
- ``rate_above_100`` (on a rate): above 100%.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.models import Check
from lawgov_ie.steps.relations.breakdowns import Group
from lawgov_ie.steps.relations.figures import fmt, same_family
from lawgov_ie.steps.relations.rates import RateFinding


def _name(record: RecordDraft) -> str:
    return f"{record.label} {record.text}" if record.label else record.text


def breakdown_checks(records: Sequence[RecordDraft], groups: Sequence[Group]) -> None:
    """Add the checks of each breakdown to its total and parts."""
    for group in groups:
        total = records[group.total]
        seen: set[tuple[int, int]] = set()
        parts = []
        for index in group.parts:  # one quantity with two labels counts once
            part = records[index]
            if (part.start, part.end) not in seen:
                seen.add((part.start, part.end))
                parts.append(part)
        for part in parts:
            if part.value > total.value:
                part.checks.append(Check(
                    code="part_exceeds_total",
                    message=f"{_name(part)} is larger than the total {_name(total)} it is a "
                            f"part of."))
        comparable = [p for p in parts if same_family(p.unit, total.unit)]
        added = sum(p.value for p in comparable)
        listed = " + ".join(fmt(p.value) for p in comparable)
        if group.stated_total and len(comparable) > 1 and abs(added - total.value) > 1e-9:
            total.checks.append(Check(
                code="sum_mismatch",
                message=f"The stated total {_name(total)} ({group.cue}) differs from the parts "
                        f"listed before it: {listed} = {fmt(added)}."))
        elif len(comparable) > 1 and added > total.value + 1e-9:
            total.checks.append(Check(
                code="parts_exceed_total",
                message=f"The parts of {_name(total)} add up to {listed} = {fmt(added)}, more "
                        f"than the total {fmt(total.value)}."))


def rate_checks(records: Sequence[RecordDraft], findings: Sequence[RateFinding]) -> None:
    """Add ``rate_mismatch`` / ``rate_unsupported`` for the findings, ``rate_above_100`` for
    every rate above 100%."""
    for finding in findings:
        rate = records[finding.rate]
        numerator, denominator = records[finding.numerator], records[finding.denominator]
        expected = 100 * numerator.value / denominator.value
        if finding.code == "rate_mismatch":
            why = (f"{_name(rate)} disagrees with its counts: {_name(numerator)} / "
                   f"{_name(denominator)} = {expected:.2f}%.")
        else:
            why = (f"{_name(rate)} is not supported by the only counts around it: "
                   f"{_name(numerator)} / {_name(denominator)} = {expected:.2f}%.")
        rate.checks.append(Check(code=finding.code, message=why))
    for record in records:
        if record.kind == "rate" and record.value > 100:
            record.checks.append(Check(code="rate_above_100",
                                       message=f"The rate {_name(record)} is above 100%."))
