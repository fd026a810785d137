"""The public API contract of docs/api.md: names, fields, errors, JSON schema."""

from __future__ import annotations

import pytest

import lawgov_ie
from lawgov_ie import DocumentMeta, Record, Report
from lawgov_ie.api import OffsetWarning, _finish

CONTRACT = {
    "Report": {"meta", "records", "entities", "sections"},
    "DocumentMeta": {"source", "title", "issuer", "place", "admin_level", "year", "date",
                     "doc_number", "recipients", "cc", "signers"},
    "Record": {"id", "value", "unit", "kind", "qualifier", "label", "indicator", "text", "start",
               "end", "implicit", "sentence", "section", "section_kind", "period", "part_of",
               "rate_of", "checks"},
    "Check": {"code", "message"},
    "Entity": {"label", "text", "start", "end"},
    "Section": {"title", "level", "kind", "start", "end"},
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_models_carry_every_contract_field(name: str) -> None:
    model = getattr(lawgov_ie, name)
    assert CONTRACT[name] <= set(model.model_fields)


def test_json_schema_describes_the_report() -> None:
    schema = Report.model_json_schema()
    record = schema["$defs"]["Record"]
    assert set(record["required"]) >= {"value", "unit", "kind", "text", "start", "end"}
    kinds = record["properties"]["kind"]["enum"]
    assert set(kinds) == {"count", "rate", "money", "rank", "change", "measure"}


@pytest.mark.parametrize("bad", [123, None, b"bytes", 1.5, ["list"]])
def test_extract_rejects_non_text_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        lawgov_ie.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t　"])
def test_blank_text_gives_an_empty_report(blank: str) -> None:
    report = lawgov_ie.extract(blank, source="x.txt")
    assert report.records == [] and report.entities == [] and report.sections == []
    assert report.meta.source == "x.txt"


def test_year_and_source_hints_reach_the_report() -> None:
    text = "今年以来，全镇共调处矛盾纠纷12起，调解成功12起。"
    report = lawgov_ie.extract(text, year=2022, source="memo.txt", segmenter="char")
    assert report.meta.year == 2022
    assert report.meta.source == "memo.txt"
    assert all(r.period == 2022 for r in report.records)


def test_report_round_trips_through_json(yinglin_text: str) -> None:
    report = lawgov_ie.extract(yinglin_text, segmenter="char")
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert isinstance(again.meta, DocumentMeta)
    assert all(isinstance(r, Record) for r in again.records)


def test_nlp_report_is_the_same_as_extract(yinglin_text: str) -> None:
    nlp = lawgov_ie.load(segmenter="char")
    assert nlp(yinglin_text)._.report == lawgov_ie.extract(yinglin_text, segmenter="char")


def test_load_is_cached_per_settings() -> None:
    assert lawgov_ie.load(segmenter="char") is lawgov_ie.load(segmenter="char")
    with pytest.raises(ValueError, match="segmenter"):
        lawgov_ie.load(segmenter="jieba")  # type: ignore[arg-type]


@pytest.mark.usefixtures("workers_always")
@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_keeps_input_order(seed_texts: dict[str, str], n_process: int) -> None:
    texts = list(seed_texts.values())
    many = list(lawgov_ie.extract_many(texts, segmenter="char", n_process=n_process))
    assert many == [lawgov_ie.extract(t, segmenter="char") for t in texts]


@pytest.mark.pkuseg
@pytest.mark.usefixtures("workers_always")
def test_extract_many_in_two_processes_equals_extract_with_pkuseg(
        seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values())[:3]
    many = list(lawgov_ie.extract_many(texts, n_process=2))
    assert many == [lawgov_ie.extract(t) for t in texts]
    assert all(report.records for report in many)


@pytest.mark.parametrize(("bad", "error"), [(0, ValueError), (-1, ValueError),
                                            ("2", TypeError), (True, TypeError)])
def test_extract_many_checks_n_process(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="n_process"):
        lawgov_ie.extract_many(["全年办理案件12件。"], segmenter="char", n_process=bad)  # type: ignore[arg-type]


@pytest.mark.usefixtures("workers_always")
@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_takes_text_context_pairs(seed_texts: dict[str, str],
                                               n_process: int) -> None:
    texts = [*list(seed_texts.values())[:3], "", "今年以来，全镇共调处矛盾纠纷12起。"]
    contexts: list[object] = [{"source": f"doc{n}.txt", "year": 2020 + n, "row": n}
                              for n in range(len(texts))]
    pairs = list(lawgov_ie.extract_many(zip(texts, contexts, strict=True), as_tuples=True,
                                        segmenter="char", n_process=n_process))
    assert [context for _, context in pairs] == contexts
    for (report, context), text in zip(pairs, texts, strict=True):
        assert isinstance(context, dict)
        assert report == lawgov_ie.extract(text, source=context["source"],
                                           year=context["year"], segmenter="char")
        assert (report.meta.source, report.meta.year) == (context["source"], context["year"])
    assert pairs[-1][0].records[0].period == 2024


def test_extract_many_names_a_bad_pair_or_context() -> None:
    with pytest.raises(TypeError, match="#1: with as_tuples=True each item must be a"):
        list(lawgov_ie.extract_many(["全年办理案件12件。"], as_tuples=True,  # type: ignore[call-overload]
                                    segmenter="char"))
    with pytest.raises(TypeError, match="#2: context year must be int"):
        list(lawgov_ie.extract_many([("甲", {}), ("乙", {"year": "2023"})], as_tuples=True,
                                    segmenter="char"))


def test_a_dropped_total_takes_its_parts_links_and_their_evidence() -> None:
    text = "全年办理行政复议案件6件，撤销2件，维持4件。"
    report = lawgov_ie.extract(text, segmenter="char")
    total = next(r for r in report.records if r.text == "6件")
    parts = [r for r in report.records if r.part_of == total.id]
    assert len(parts) == 2 and all(p.relation_evidence for p in parts)
    total.text = "7件"  # its offsets no longer hold its text: the API drops it
    with pytest.warns(OffsetWarning):
        finished = _finish(report, text, text)
    assert total.id not in {r.id for r in finished.records}
    kept = [r for r in finished.records if r.id in {p.id for p in parts}]
    assert [(p.part_of, p.relation_evidence) for p in kept] == [(None, []), (None, [])]
