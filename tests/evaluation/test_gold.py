"""The gold files of the seed reports are well formed, and the gold reader rejects bad files
with messages that name the file, the record and the field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from lawgov_ie.errors import InputError
from lawgov_ie.evaluation.gold import (
    GoldError,
    check_gold,
    document_text,
    parse_gold,
    read_docs_dir,
    read_gold_dir,
    read_gold_file,
    source_text,
)
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.taxonomy import INDICATOR_IDS, TAXONOMY, TAXONOMY_VERSION

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpus" / "gold"
RAW = ROOT / "corpus" / "raw"
SHARED = ROOT.parent / "shared"
GOLD_FILES = sorted(GOLD.glob("*.json"))


def test_every_seed_report_has_a_gold_file() -> None:
    golds = read_gold_dir(GOLD)
    sources = {Path(g.source).name for g in golds if g.source}
    assert sources == {p.name for p in RAW.glob("*.txt")}
    assert len({g.id for g in golds}) == len(golds)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_valid(path: Path) -> None:
    gold = read_gold_file(path)
    assert gold.id == path.stem
    text = source_text(gold)
    assert check_gold(gold, text) == []
    assert gold.records, "a seed report without records has not been annotated"
    for record in gold.records:
        assert text[record.start:record.end] == record.text
        assert isinstance(record.value, float)
        assert record.indicator is None or record.indicator in INDICATOR_IDS
    assert gold.meta.place and gold.meta.place in text
    assert gold.meta.year is not None


def test_source_is_found_from_any_working_folder(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    gold = read_gold_file(GOLD / "yinglin-2023.json")
    assert "英林镇" in source_text(gold)


def test_taxonomy_has_the_45_ids_of_version_2() -> None:
    assert TAXONOMY_VERSION == 2
    assert len(INDICATOR_IDS) == len(TAXONOMY) == 45
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+", i) for i in INDICATOR_IDS)
    assert sum(i.version == 2 for i in TAXONOMY) == 11
    for indicator in TAXONOMY:
        assert indicator.units and indicator.counts and len(set(indicator.phrasings)) == 2
        assert ("%" in indicator.units) == ("rate" in indicator.kinds), indicator.id


def test_taxonomy_copy_matches_the_spec() -> None:
    """Ids and Chinese names agree with ../shared/spec/indicators.md when it is present."""
    spec = SHARED / "spec" / "indicators.md"
    if not spec.is_file():
        pytest.skip(f"{spec} is not present in this checkout")
    rows = re.findall(r"^\| `([a-z_.]+)` \| ([^|]+?) \|", spec.read_text(encoding="utf-8"),
                      re.MULTILINE)
    assert {i for i, _ in rows} == INDICATOR_IDS
    names = {i: re.sub(r"\s*\(v\d+\)$", "", name) for i, name in rows}
    assert names == {i.id: i.name for i in TAXONOMY}


def test_indicator_patterns_implement_every_taxonomy_id() -> None:
    implemented = {p.id for p in load_patterns().of("indicator")}
    if not implemented:
        pytest.skip("patterns/indicators.jsonl holds no indicator patterns yet")
    assert sorted(INDICATOR_IDS - implemented) == []


# --- the reader and the checks on hand-made files -------------------------------------------

TEXT = "全年调处矛盾纠纷444起（其中书面调解139起），成功率100%。"


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"text": "444起", "start": 8, "end": 12, "value": 444, "unit": "起",
                              "kind": "count", "qualifier": "exact", "label": "调处矛盾纠纷",
                              "indicator": "mediation.disputes"}
    record.update(changes)
    return record


def _gold(*records: dict[str, Any]) -> dict[str, Any]:
    return {"id": "t", "meta": {"place": None, "year": 2024, "date": None, "doc_number": None},
            "records": list(records)}


def test_hand_made_gold_passes() -> None:
    part = _record(text="139起", start=19, end=23, value=139, label="书面调解", part_of=0)
    gold = parse_gold(_gold(_record(), part), Path("t.json"))
    assert TEXT[8:12] == "444起" and TEXT[19:23] == "139起"
    assert check_gold(gold, TEXT) == []
    assert gold.records[1].part_of == 0


@pytest.mark.parametrize(("change", "message"), [
    ({"value": "444"}, "record 0: field 'value' must be a number"),
    ({"value": True}, "record 0: field 'value' must be a number"),
    ({"kind": "amount"}, "record 0: field 'kind' is 'amount'"),
    ({"qualifier": "about"}, "record 0: field 'qualifier' is 'about'"),
    ({"start": -1}, "record 0: field 'start' must be a non-negative integer"),
    ({"colour": "red"}, "record 0: unknown field 'colour'"),
    ({"rate_of": [1]}, "record 0: field 'rate_of' must be [numerator, denominator]"),
    ({"implicit": "yes"}, "record 0: field 'implicit' must be true or false"),
])
def test_malformed_record_is_named(change: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldError) as caught:
        parse_gold(_gold(_record(**change)), Path("bad.json"))
    assert f"bad.json: {message}" in str(caught.value)


def test_missing_field_is_named() -> None:
    record = _record()
    del record["label"]
    with pytest.raises(GoldError, match=r"bad\.json: record 0: missing field 'label'"):
        parse_gold(_gold(record), Path("bad.json"))


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x",\n "records": [,]}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"broken\.json:2: invalid JSON"):
        read_gold_file(path)


def test_gold_dir_rejects_two_files_with_one_id(tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(_gold(_record())), encoding="utf-8")
    with pytest.raises(GoldError, match="id 't' also used by"):
        read_gold_dir(tmp_path)


def test_empty_gold_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="holds no"):
        read_gold_dir(tmp_path)


@pytest.mark.parametrize(("records", "message"), [
    ([_record(start=9)], "text[9:12] is '44起'"),
    ([_record(indicator="mediation.cases")], "'mediation.cases' is not in the taxonomy"),
    ([_record(part_of=3)], "part_of 3 is not another record's position"),
    ([_record(part_of=0)], "part_of 0 is not another record's position"),
    ([_record(), _record()], "record 1 ('444起'): duplicates record 0"),
    ([_record(kind="rate", rate_of=[0, 5])], "rate_of [0, 5] points at no record"),
    ([_record(rate_of=[1, 1]), _record(label="x")], "has rate_of but kind is 'count'"),
    ([_record(implicit=True)], "an implicit zero needs value 0"),
])
def test_check_gold_finds(records: list[dict[str, Any]], message: str) -> None:
    problems = check_gold(parse_gold(_gold(*records), Path("t.json")), TEXT)
    assert any(message in problem for problem in problems), problems


def test_two_records_on_one_span_with_different_labels_are_not_duplicates() -> None:
    text = "参考率、合格率均达100%。"
    rates = [_record(text="100%", start=9, end=13, value=100, unit="%", kind="rate",
                     label=label, indicator=None) for label in ("参考率", "合格率")]
    assert check_gold(parse_gold(_gold(*rates), Path("t.json")), text) == []


def test_documents_folder(tmp_path: Path) -> None:
    (tmp_path / "a1.json").write_text(json.dumps({"id": "t", "text": TEXT}), encoding="utf-8")
    docs = read_docs_dir(tmp_path)
    gold = parse_gold(_gold(_record()), tmp_path / "t.json")
    assert document_text(gold, docs) == TEXT
    missing = parse_gold({**_gold(), "id": "zz"}, tmp_path / "zz.json")
    with pytest.raises(InputError, match="no document with id 'zz'"):
        document_text(missing, docs)
    with pytest.raises(InputError, match="has no 'source'"):
        document_text(missing, None)
    (tmp_path / "bad.json").write_text('{"id": "b"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: a document file needs"):
        read_docs_dir(tmp_path)
