"""What the relations tests look at: the links of a report, by the texts of their ends."""

from __future__ import annotations

from lawgov_ie.models import Record, Report


def part_links(report: Report) -> set[tuple[str, str]]:
    """Every ``part_of`` link as (part text, total text); texts must be unique in the paragraph
    for the set to say which record is which, so tests write paragraphs where they are, or use
    :func:`part_links_at`."""
    by_id = {r.id: r for r in report.records}
    return {(r.text, by_id[r.part_of].text) for r in report.records if r.part_of is not None}


def part_links_at(report: Report) -> set[tuple[int, int]]:
    """Every ``part_of`` link as (part start, total start)."""
    by_id = {r.id: r for r in report.records}
    return {(r.start, by_id[r.part_of].start) for r in report.records if r.part_of is not None}


def rate_links(report: Report) -> set[tuple[str, str, str]]:
    """Every ``rate_of`` link as (rate text, numerator text, denominator text)."""
    by_id = {r.id: r for r in report.records}
    return {(r.text, by_id[r.rate_of[0]].text, by_id[r.rate_of[1]].text)
            for r in report.records if r.rate_of is not None}


def codes(item: Record) -> list[str]:
    return [check.code for check in item.checks]


def all_codes(report: Report) -> list[str]:
    return [check.code for item in report.records for check in item.checks]
