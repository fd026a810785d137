"""The headline rule, step by step, on records made by hand (docs/panel.md)."""

from __future__ import annotations

from typing import Any

from lawgov_ie.dataset.headline import headline, headlines, report_ids
from lawgov_ie.dataset.units import FAMILIES, ORDER, family_of
from lawgov_ie.models import DocumentMeta, Record, Report
from lawgov_ie.taxonomy import TAXONOMY

_AT = [0]


def rec(id_: str, value: float, unit: str, indicator: str = "mediation.disputes",
        **fields: Any) -> Record:
    _AT[0] += 10
    text = f"{value:g}{unit}"
    data: dict[str, Any] = {
        "id": id_, "value": value, "unit": unit, "kind": "rate" if unit == "%" else "count",
        "qualifier": "exact", "label": "纠纷", "indicator": indicator, "text": text,
        "start": _AT[0], "end": _AT[0] + len(text), "implicit": not unit, "sentence": "",
        "section": ["一、成效"], "section_kind": "achievement", "period": 2024,
        "part_of": None, "rate_of": None}
    data.update(fields)
    return Record(**data)


def test_the_taxonomy_has_families_for_every_indicator_and_unit() -> None:
    assert set(ORDER) == set(FAMILIES) and len(ORDER) == 45
    assert ORDER[0] == "study.sessions" and ORDER[-1] == "honors.count"
    for indicator in TAXONOMY:  # every unit the taxonomy accepts has its family
        for unit in indicator.units:
            assert family_of(indicator.id, unit) is not None, (indicator.id, unit)


def test_units_of_one_family_are_written_as_its_unit() -> None:
    for unit in ("件", "起", "宗"):
        family = family_of("mediation.disputes", unit)
        assert family is not None and family.unit == "件"
    assert family_of("mediation.disputes", "场") is None  # not a count of disputes
    persons = family_of("training.participants", "名")
    attendances = family_of("training.participants", "人次")
    assert persons is not None and attendances is not None
    assert (persons.unit, attendances.unit) == ("人", "人次")
    # an indicator a pattern file adds: generic families, any other unit its own family
    assert family_of("my.indicator", "宗").unit == "件"  # type: ignore[union-attr]
    assert family_of("my.indicator", "吨").unit == "吨"  # type: ignore[union-attr]


def test_one_figure_is_the_headline_in_the_family_unit() -> None:
    head = headline("mediation.disputes", [rec("r1", 120, "宗")], 2024)
    assert head is not None
    assert (head.value, head.unit, head.unit_as_written, head.ambiguous, head.basis) == (
        120, "件", "宗", False, "one figure")


def test_plans_other_years_changes_and_foreign_units_are_left_out() -> None:
    records = [rec("r1", 300, "起", section_kind="plan"),
               rec("r2", 200, "起", period=2023),
               rec("r3", 20, "%", kind="change"),
               rec("r4", 9, "场"),
               rec("r5", 120, "起")]
    head = headline("mediation.disputes", records, 2024)
    assert head is not None and (head.record_id, head.ambiguous, head.records) == ("r5", False, 5)
    assert headline("mediation.disputes", records[:4], 2024) is None
    # with the report's year unknown, a figure's period cannot make it another year's
    unknown = headline("mediation.disputes", [rec("r2", 200, "起", period=2023)], None)
    assert unknown is not None and unknown.value == 200


def test_an_implicit_zero_counts_in_the_indicator_unit() -> None:
    head = headline("normative_docs.issued", [rec("r1", 0, "", "normative_docs.issued")], 2024)
    assert head is not None and (head.value, head.unit) == (0, "件")


def test_the_first_family_wins_and_people_are_not_attendances() -> None:
    records = [rec("r1", 80, "人", "training.participants"),
               rec("r2", 300, "人次", "training.participants")]
    head = headline("training.participants", records, 2024)
    assert head is not None
    assert (head.value, head.unit, head.ambiguous) == (300, "人次", False)
    alone = headline("training.participants", records[:1], 2024)
    assert alone is not None and (alone.value, alone.unit) == (80, "人")


def test_a_total_wins_over_its_parts() -> None:
    records = [rec("r1", 444, "起"), rec("r2", 139, "起", part_of="r1"),
               rec("r3", 305, "起", part_of="r1")]
    head = headline("mediation.disputes", records, 2024)
    assert head is not None and (head.record_id, head.ambiguous, head.candidates) == (
        "r1", False, 1)


def test_a_figure_on_its_own_wins_over_a_breakdown_of_another_indicator() -> None:
    records = [rec("r1", 141, "件", "enforcement.cases"),
               rec("r2", 92, "起", "enforcement.inspections", part_of="r1"),
               rec("r3", 131, "家次", "enforcement.inspections")]
    head = headline("enforcement.inspections", records, 2024)
    assert head is not None and (head.record_id, head.unit) == ("r3", "次")
    # alone, the breakdown is the indicator's figure
    only = headline("enforcement.inspections", records[:2], 2024)
    assert only is not None and (only.record_id, only.value, only.unit) == ("r2", 92, "件")


def test_achievements_win_over_problems() -> None:
    records = [rec("r1", 1, "名", "staffing.count", section_kind="problem"),
               rec("r2", 5, "名", "staffing.count", section_kind="achievement")]
    head = headline("staffing.count", records, 2024)
    assert head is not None and (head.value, head.ambiguous) == (5, False)


def test_one_value_stated_twice_is_not_ambiguous() -> None:
    records = [rec("r1", 100, "%", "mediation.success_rate"),
               rec("r2", 100, "%", "mediation.success_rate")]
    head = headline("mediation.success_rate", records, 2024)
    assert head is not None
    assert (head.record_id, head.ambiguous, head.basis) == ("r1", False,
                                                            "one value stated 2 times")


def test_different_counts_take_the_largest_and_are_flagged() -> None:
    records = [rec("r1", 4, "期", "training.sessions"), rec("r2", 6, "次", "training.sessions"),
               rec("r3", 2, "场", "training.sessions")]
    head = headline("training.sessions", records, 2024)
    assert head is not None
    assert (head.value, head.unit, head.ambiguous, head.others, head.basis) == (
        6, "次", True, (2.0, 4.0), "largest of 3 values")


def test_different_rates_take_the_one_computed_from_counts() -> None:
    records = [rec("r1", 99.5, "%", "mediation.success_rate"),
               rec("r2", 97.8, "%", "mediation.success_rate", rate_of=["r8", "r9"])]
    head = headline("mediation.success_rate", records, 2024)
    assert head is not None and (head.value, head.ambiguous) == (97.8, True)
    first = headline("mediation.success_rate", [records[0], rec("r3", 90, "%",
                                                                "mediation.success_rate")],
                     2024)
    assert first is not None and (first.value, first.basis) == (99.5,
                                                                "first stated rate, of 2 values")


def test_an_added_indicator_takes_the_family_most_of_its_figures_use() -> None:
    records = [rec("r1", 3, "吨", "waste.tons"), rec("r2", 5, "起", "waste.tons"),
               rec("r3", 7, "宗", "waste.tons")]
    head = headline("waste.tons", records, 2024)
    assert head is not None and (head.value, head.unit, head.candidates) == (7, "件", 2)


def test_headlines_follow_the_report_and_ids_are_unique() -> None:
    report = Report(meta=DocumentMeta(year=2024, source="a.txt"),
                    records=[rec("r1", 5, "次", "publicity.events"), rec("r2", 120, "起"),
                             rec("r3", 9, "次", "publicity.events", section_kind="plan")])
    assert [(h.indicator, h.value) for h in headlines(report)] == [
        ("publicity.events", 5), ("mediation.disputes", 120)]
    ids = [doc_id for doc_id, _ in report_ids([report, report, ("x", report), Report()])]
    assert ids == ["a.txt", "a.txt~2", "x", "#4"]
