"""The report builder makes its records, entities and sections without validating them again:
what it makes must equal, field by field and type by type, the models pydantic validates."""

from __future__ import annotations

from typing import Any

import lawgov_ie
from lawgov_ie.models import Report


def _typed(value: Any) -> Any:
    """A dump with every value's type beside it (5 and 5.0 differ; False and 0 differ)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return type(value).__name__, value


def test_the_report_equals_its_validated_copy(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        report = lawgov_ie.extract(text, segmenter="char")
        copy = Report.model_validate(report.model_dump())
        assert report == copy, name
        assert _typed(report.model_dump()) == _typed(copy.model_dump()), name
        assert report.model_dump_json() == copy.model_dump_json(), name
        for made, checked in zip([*report.records, *report.entities, *report.sections],
                                 [*copy.records, *copy.entities, *copy.sections], strict=True):
            assert made.model_fields_set == checked.model_fields_set, name
            assert type(made) is type(checked)


def test_a_report_read_in_the_callers_script_keeps_its_offsets() -> None:
    text = "一、基本情况\n全年受理行政複議案件12件，其中維持8件。"
    report = lawgov_ie.extract(text, segmenter="char")
    assert report == Report.model_validate(report.model_dump())
    for found in report.records:
        assert text[found.start:found.end] == found.text


def test_each_record_has_the_section_path_of_its_start() -> None:
    """The builder looks a section path up again only where a section starts or ends; every
    record still gets the path the text index gives for its start (nested, touching, ending
    sections; records before, inside and after them)."""
    import random

    from lawgov_ie.doc_data import RecordDraft, SectionInfo
    from lawgov_ie.steps.report.builder import build_report
    from lawgov_ie.text.index import TextIndex

    text = "一二三四五六七八九十" * 20
    chooser = random.Random(21)
    for _ in range(200):
        sections = []
        for number in range(chooser.randint(0, 6)):
            start = chooser.randrange(len(text))
            end = chooser.randint(start, len(text))
            sections.append(SectionInfo(f"s{number}", chooser.randint(1, 3), "other", "other",
                                        start, end, min(end, start + chooser.randint(0, 8))))
        index = TextIndex(text, sections)
        starts = sorted(chooser.randrange(len(text)) for _ in range(chooser.randint(1, 30)))
        records = [RecordDraft(at, at + 1, text[at], 1.0, "件", "count", "") for at in starts]
        report = build_report(text, meta=None, records=records, entities=[], sections=sections,
                              text_index=index)
        for record in report.records:
            path = index.section_path(record.start)
            assert record.section == [s.title for s in path]
            assert record.section_kind == (path[-1].kind if path else "other")
