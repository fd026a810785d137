"""Entity scoring (entities.md "Scoring"): exact and overlap P/R/F1 per label and overall,
one-to-one matching, misses and false hits with the spans around them, and the ``eval`` command
with gold files that have or lack ``entities``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawgov_ie.cli import main
from lawgov_ie.evaluation.gold import GoldDocument, GoldEntity, GoldMeta, check_gold
from lawgov_ie.evaluation.scoring import evaluate_entities, evaluate_entities_of, match_entities
from lawgov_ie.models import Entity, Report

TEXT = "在县委、县政府领导下，聘请青松律师事务所王敏律师，学习宪法和《信访工作条例》。"


def at(label: str, fragment: str) -> GoldEntity:
    start = TEXT.index(fragment)
    return GoldEntity(label, fragment, start, start + len(fragment))


def predicted(label: str, fragment: str) -> Entity:
    start = TEXT.index(fragment)
    return Entity(label=label, text=fragment, start=start, end=start + len(fragment))


GOLD = [at("ORG", "县委"), at("ORG", "县政府"), at("ORG", "青松律师事务所"),
        at("PERSON", "王敏"), at("LAW", "宪法"), at("LAW", "《信访工作条例》")]


def test_exact_and_overlap_lines_per_label() -> None:
    found = [predicted("ORG", "县委"), predicted("ORG", "县政府"),
             predicted("ORG", "聘请青松律师事务所"),  # a boundary error: overlap only
             predicted("PERSON", "王敏律师"),  # the post included: overlap only
             predicted("LAW", "《信访工作条例》"),
             predicted("GPE", "领导"),  # a false hit
             predicted("DATE", "学习")]  # not scored
    figures = evaluate_entities_of("t", GOLD, found, TEXT).figures()
    assert figures is not None
    exact, overlap = figures["exact"], figures["overlap"]
    assert (exact["ORG"]["tp"], exact["ORG"]["fp"], exact["ORG"]["fn"]) == (2, 1, 1)
    assert (overlap["ORG"]["tp"], overlap["ORG"]["fp"], overlap["ORG"]["fn"]) == (3, 0, 0)
    assert (exact["PERSON"]["tp"], overlap["PERSON"]["tp"]) == (0, 1)
    assert (exact["LAW"]["tp"], exact["LAW"]["fn"]) == (1, 1)  # 宪法 missed
    assert (exact["GPE"]["fp"], exact["DOC_NO"]["tp"]) == (1, 0)
    assert exact["DOC_NO"]["precision"] is None
    assert (exact["all"]["tp"], exact["all"]["fp"], exact["all"]["fn"]) == (3, 3, 3)
    assert exact["all"]["f1"] == 0.5
    assert overlap["all"]["tp"] == 5


def test_errors_name_the_spans_on_the_other_side() -> None:
    scores = evaluate_entities_of("t", GOLD, [predicted("ORG", "聘请青松律师事务所")], TEXT)
    miss = next(e for e in scores.errors if e.text == "青松律师事务所")
    false = next(e for e in scores.errors if e.type == "false")
    assert miss.type == "miss" and miss.near == (("ORG", "聘请青松律师事务所"),)
    assert false.near == (("ORG", "青松律师事务所"),)
    assert "MISS" in miss.describe() and "聘请青松律师事务所" in miss.describe()
    assert {e.text for e in scores.errors if e.type == "miss"} == {g.text for g in GOLD}


def test_overlap_matching_is_one_to_one() -> None:
    text = "县委县政府"
    gold = [GoldEntity("ORG", "县委", 0, 2), GoldEntity("ORG", "县政府", 2, 5)]
    one = [Entity(label="ORG", text=text, start=0, end=5)]
    assert len(match_entities(gold, one, exact=False)) == 1
    # the assignment that matches most is found, not the first greedy one
    wide = GoldEntity("ORG", "县委县政府", 0, 5)
    two = [Entity(label="ORG", text="县委县", start=0, end=3),
           Entity(label="ORG", text="政府", start=3, end=5)]
    assert len(match_entities([wide, gold[1]], two, exact=False)) == 2


def _doc(entities: list[GoldEntity] | None) -> GoldDocument:
    return GoldDocument(id="t", path=Path("t.json"), source=None, meta=GoldMeta(),
                        entities=entities)


def test_a_gold_file_without_entities_is_not_scored_for_them() -> None:
    report = Report(entities=[predicted("ORG", "县委")])
    assert evaluate_entities([(_doc(None), report, TEXT)]).figures() is None
    both = evaluate_entities([(_doc(None), report, TEXT), (_doc(GOLD), report, TEXT)])
    figures = both.figures()
    assert figures is not None and figures["documents"] == 1


def test_check_gold_checks_entity_offsets() -> None:
    wrong = GoldEntity("ORG", "县委", 5, 7)
    problems = check_gold(_doc([GOLD[0], wrong]), TEXT)
    assert len(problems) == 1 and "entity 1" in problems[0] and "'县委'" in problems[0]


def _write(tmp_path: Path, with_entities: bool) -> tuple[Path, Path]:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    (docs_dir / "d1.json").write_text(json.dumps({"id": "d1", "text": TEXT}), encoding="utf-8")
    gold: dict[str, object] = {"id": "d1", "records": []}
    if with_entities:
        gold["entities"] = [{"label": g.label, "text": g.text, "start": g.start, "end": g.end}
                            for g in GOLD]
    (gold_dir / "d1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gold_dir, docs_dir


@pytest.mark.parametrize("with_entities", [True, False])
def test_eval_command_carries_entity_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             with_entities: bool) -> None:
    gold_dir, docs_dir = _write(tmp_path, with_entities)
    args = ["eval", str(gold_dir), "--docs", str(docs_dir), "--segmenter", "char"]
    assert main([*args, "--json", "--errors"]) == 0
    figures = json.loads(capsys.readouterr().out)
    if not with_entities:
        assert figures["entities"] is None and figures["entity_errors"] == []
        assert main(args) == 0
        assert "entities (" not in capsys.readouterr().out
        return
    assert figures["entities"]["exact"]["ORG"]["tp"] + figures["entities"]["exact"]["ORG"]["fn"] \
        == 3
    assert set(figures["entities"]["overlap"]) == {"GPE", "ORG", "PERSON", "LAW", "DOC_NO", "all"}
    assert main([*args, "--errors"]) == 0
    out = capsys.readouterr().out
    assert "entities (1 documents with gold entities" in out and "entity errors (" in out
