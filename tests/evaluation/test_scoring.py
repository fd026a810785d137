"""The scorer on small hand-made gold/prediction pairs: the matching rule, one-to-one assignment,
optional and implicit records, agreement figures, relations, document facts, micro-averaging,
and the ``eval`` command end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lawgov_ie.cli import main
from lawgov_ie.evaluation.gold import GoldDocument, GoldMeta, GoldRecord
from lawgov_ie.evaluation.scoring import (
    _assign,
    evaluate,
    evaluate_document,
    format_figures,
    format_indicator_confusion,
    indicator_confusion,
    indicator_sources,
    label_f1,
    match,
)
from lawgov_ie.models import DocumentMeta, Record, Report

TEXT = ("全年调处矛盾纠纷444起（其中书面调解139起），成功率100%。"
        "参考率、合格率均达100%。未发布规范性文件。")
RATES = "受理案件232起，结案227起，结案率97.8%。"


def span(fragment: str, text: str = TEXT, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def gold_record(index: int, fragment: str, value: float, unit: str, label: str, *,
                text: str = TEXT, nth: int = 0, **extra: Any) -> GoldRecord:
    start, end = span(fragment, text, nth)
    fields: dict[str, Any] = {"kind": "rate" if unit == "%" else "count", "qualifier": "exact",
                              "indicator": None}
    fields.update(extra)
    return GoldRecord(index=index, text=fragment, start=start, end=end, value=value, unit=unit,
                      label=label, **fields)


def predicted(pid: str, fragment: str, value: float, unit: str, label: str, *,
              text: str = TEXT, nth: int = 0, **extra: Any) -> Record:
    start, end = span(fragment, text, nth)
    fields: dict[str, Any] = {"kind": "rate" if unit == "%" else "count", "qualifier": "exact",
                              "indicator": None, "implicit": False, "part_of": None,
                              "rate_of": None}
    fields.update(extra)
    return Record(id=pid, value=value, unit=unit, label=label, text=fragment, start=start,
                  end=end, sentence="", section=[], section_kind="other", period=None, **fields)


def gold_doc(*records: GoldRecord, meta: GoldMeta | None = None, doc_id: str = "t") -> GoldDocument:
    return GoldDocument(id=doc_id, path=Path(f"{doc_id}.json"), source=None,
                        meta=meta or GoldMeta(), records=list(records))


def report(*records: Record, meta: DocumentMeta | None = None) -> Report:
    return Report(meta=meta or DocumentMeta(), records=list(records))


G444 = gold_record(0, "444起", 444, "起", "调处矛盾纠纷", indicator="mediation.disputes")


def test_label_f1() -> None:
    assert label_f1("调处矛盾纠纷", "调处矛盾纠纷") == 1.0
    assert label_f1("调处矛盾纠纷", "全年调处矛盾纠纷") == pytest.approx(2 * 0.75 / 1.75)
    assert label_f1("成功率", "") == 0.0
    assert label_f1("", "") == 1.0
    assert label_f1("参考率", "合格率") == pytest.approx(1 / 3)


@pytest.mark.parametrize(("prediction", "hit"), [
    (predicted("p", "444起", 444, "起", "调处矛盾纠纷"), True),
    (predicted("p", "纠纷444", 444, "起", "调处矛盾纠纷"), True),  # overlapping span is enough
    (predicted("p", "444起", 445, "起", "调处矛盾纠纷"), False),  # value differs
    (predicted("p", "444起", 444, "件", "调处矛盾纠纷"), False),  # unit differs
    (predicted("p", "矛盾纠纷", 444, "起", "调处矛盾纠纷"), False),  # touching, not overlapping
])
def test_matching_rule(prediction: Record, hit: bool) -> None:
    figures = evaluate_document(gold_doc(G444), report(prediction), TEXT).figures()
    assert figures["explicit"]["tp"] == int(hit)
    assert figures["explicit"]["fp"] == int(not hit)
    assert figures["explicit"]["fn"] == int(not hit)


def test_each_gold_record_matches_one_prediction() -> None:
    twice = report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
                   predicted("p2", "444", 444, "起", "纠纷"))
    scores = evaluate_document(gold_doc(G444), twice, TEXT)
    assert (scores.explicit.tp, scores.explicit.fp, scores.explicit.fn) == (1, 1, 0)
    assert scores.label_strict == 1  # the better-labelled prediction took the gold record


def test_records_sharing_a_span_pair_up_by_label() -> None:
    gold = gold_doc(gold_record(0, "100%", 100, "%", "参考率", nth=1),
                    gold_record(1, "100%", 100, "%", "合格率", nth=1))
    preds = [predicted("p1", "100%", 100, "%", "合格率", nth=1),
             predicted("p2", "100%", 100, "%", "参考率", nth=1)]
    assert match(gold.records, preds) == [(0, 1), (1, 0)]
    scores = evaluate_document(gold, report(*preds), TEXT)
    assert (scores.explicit.tp, scores.explicit.fp, scores.explicit.fn) == (2, 0, 0)
    assert scores.label_strict == 2


def test_more_matches_beat_better_labels() -> None:
    # g0 covers 444起, g1 covers 起（其 (a made-up overlapping record with the same value);
    # p0 overlaps both and has g1's label, p1 overlaps only g1
    g0 = GoldRecord(0, "444起", 8, 12, 444, "起", "count", "exact", "调处矛盾纠纷", None)
    g1 = GoldRecord(1, "起（其", 11, 14, 444, "起", "count", "exact", "其中", None)
    p0 = predicted("p0", "444起（其", 444, "起", "其中")
    p1 = predicted("p1", "（其", 444, "起", "")
    assert match([g0, g1], [p0, p1]) == [(0, 0), (1, 1)]


def test_assignment_is_optimal_where_greedy_is_not() -> None:
    assert _assign([[3.0, 2.0], [2.0, 0.0]]) == [1, 0]
    assert _assign([[1.0, 5.0, 0.0]]) == [1]


def test_optional_gold_is_left_out_of_both_sides() -> None:
    optional = gold_record(1, "139起", 139, "起", "书面调解", optional=True)
    gold = gold_doc(G444, optional)
    found = evaluate_document(gold, report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
                                           predicted("p2", "139起", 139, "起", "书面调解")), TEXT)
    assert (found.explicit.tp, found.explicit.fp, found.explicit.fn) == (1, 0, 0)
    assert found.explicit.excluded == 1
    assert found.matched == 1
    missed = evaluate_document(gold, report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷")),
                               TEXT)
    assert (missed.explicit.tp, missed.explicit.fp, missed.explicit.fn) == (1, 0, 0)
    assert missed.optional_gold == 1


def test_implicit_zeros_are_scored_on_their_own_line() -> None:
    zero = gold_record(1, "未发布规范性文件", 0, "", "规范性文件", implicit=True,
                       indicator="normative_docs.issued")
    gold = gold_doc(G444, zero)
    hit = evaluate_document(gold, report(
        predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
        predicted("p2", "未发布规范性文件", 0, "", "规范性文件", implicit=True)), TEXT)
    assert (hit.explicit.tp, hit.explicit.fn, hit.implicit.tp, hit.implicit.fn) == (1, 0, 1, 0)
    # the same zero predicted as an ordinary record does not count on the implicit line
    wrong_line = evaluate_document(gold, report(
        predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
        predicted("p2", "未发布规范性文件", 0, "", "规范性文件")), TEXT)
    assert (wrong_line.explicit.tp, wrong_line.explicit.fp) == (1, 1)
    assert (wrong_line.implicit.tp, wrong_line.implicit.fn) == (0, 1)


def test_agreement_and_indicator_figures() -> None:
    gold = gold_doc(
        G444,
        gold_record(1, "139起", 139, "起", "书面调解", indicator="mediation.disputes"),
        gold_record(2, "100%", 100, "%", "成功率", qualifier="approx"),
        gold_record(3, "100%", 100, "%", "参考率", nth=1))
    preds = report(
        predicted("p1", "444起", 444, "起", "全年调处矛盾纠纷", indicator="mediation.disputes"),
        predicted("p2", "139起", 139, "起", "调解", kind="measure"),
        predicted("p3", "100%", 100, "%", "成功率", indicator="services.satisfaction_rate"),
        predicted("p4", "100%", 100, "%", "合格", nth=1))
    figures = evaluate_document(gold, preds, TEXT).figures()
    assert figures["matched"] == 4
    assert figures["label_strict"] == 0.5  # 调处矛盾纠纷 (0.857) and 成功率
    assert figures["label_lenient"] == 0.75  # and 调解 vs 书面调解 (0.667)
    assert figures["qualifier"] == 0.75
    assert figures["kind"] == 0.75
    indicator = figures["indicator"]
    assert indicator["agreement"] == 0.5  # p1 right, p4 rightly null
    assert indicator["precision"] == 0.5  # p1 of p1, p3
    assert indicator["recall"] == 0.5  # p1 of 444起, 139起
    assert indicator["f1"] == 0.5


def test_indicator_confusion_table() -> None:
    """Gold id → predicted id counts over matched pairs, the precision of each decision level,
    and every disagreement with its context."""
    gold = gold_doc(
        G444,
        gold_record(1, "139起", 139, "起", "书面调解", indicator="mediation.disputes"),
        gold_record(2, "100%", 100, "%", "成功率", indicator="mediation.success_rate"),
        gold_record(3, "100%", 100, "%", "参考率", nth=1))
    preds = report(
        predicted("p1", "444起", 444, "起", "调处矛盾纠纷", indicator="mediation.disputes",
                  indicator_source="label"),
        predicted("p2", "139起", 139, "起", "书面调解"),
        predicted("p3", "100%", 100, "%", "成功率", indicator="services.satisfaction_rate",
                  indicator_source="sentence"),
        predicted("p4", "100%", 100, "%", "参考率", nth=1, indicator="training.exam_rate",
                  indicator_source="label"))
    pairs = evaluate(((gold, preds, TEXT),)).indicator_pairs
    assert indicator_confusion(pairs) == {
        "-": {"training.exam_rate": 1},
        "mediation.disputes": {"mediation.disputes": 1, "-": 1},
        "mediation.success_rate": {"services.satisfaction_rate": 1},
    }
    assert indicator_sources(pairs) == {"label": {"typed": 2, "correct": 1},
                                        "sentence": {"typed": 1, "correct": 0}}
    text = format_indicator_confusion(pairs)
    assert "mediation.success_rate                1    0   services.satisfaction_rate 1" in text
    assert "indicator disagreements (3)" in text
    assert "gold mediation.success_rate predicted services.satisfaction_rate (sentence)" in text


def test_part_of_links() -> None:
    gold = gold_doc(G444, gold_record(1, "139起", 139, "起", "书面调解", part_of=0),
                    gold_record(2, "100%", 100, "%", "成功率"))
    right = report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
                   predicted("p2", "139起", 139, "起", "书面调解", part_of="p1"),
                   predicted("p3", "100%", 100, "%", "成功率"))
    part = evaluate_document(gold, right, TEXT).relations["part_of"]
    assert (part.tp, part.fp, part.fn) == (1, 0, 0)
    wrong = report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
                   predicted("p2", "139起", 139, "起", "书面调解", part_of="p3"),
                   predicted("p3", "100%", 100, "%", "成功率"))
    part = evaluate_document(gold, wrong, TEXT).relations["part_of"]
    assert (part.tp, part.fp, part.fn) == (0, 1, 1)
    # a link from an unmatched record is a false link too
    unmatched = report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
                       predicted("p2", "139起", 138, "起", "书面调解", part_of="p1"))
    part = evaluate_document(gold, unmatched, TEXT).relations["part_of"]
    assert (part.tp, part.fp, part.fn) == (0, 1, 1)


def test_rate_of_links() -> None:
    gold = gold_doc(gold_record(0, "232起", 232, "起", "受理案件", text=RATES),
                    gold_record(1, "227起", 227, "起", "结案", text=RATES),
                    gold_record(2, "97.8%", 97.8, "%", "结案率", text=RATES, rate_of=(1, 0)))
    counts = [predicted("p1", "232起", 232, "起", "受理案件", text=RATES),
              predicted("p2", "227起", 227, "起", "结案", text=RATES)]
    right = report(*counts, predicted("p3", "97.8%", 97.8, "%", "结案率", text=RATES,
                                      rate_of=["p2", "p1"]))
    rate = evaluate_document(gold, right, RATES).relations["rate_of"]
    assert (rate.tp, rate.fp, rate.fn) == (1, 0, 0)
    swapped = report(*counts, predicted("p3", "97.8%", 97.8, "%", "结案率", text=RATES,
                                        rate_of=["p1", "p2"]))
    rate = evaluate_document(gold, swapped, RATES).relations["rate_of"]
    assert (rate.tp, rate.fp, rate.fn) == (0, 1, 1)


def test_document_facts() -> None:
    number = "晋英委〔2024〕26号"
    gold = gold_doc(meta=GoldMeta(place="英林镇", year=2023, date=None, doc_number=number))
    meta = DocumentMeta(place=None, issuer="晋江市英林镇人民政府", year=2024, date=None,
                        doc_number=number)
    facts = evaluate_document(gold, report(meta=meta), TEXT).figures()["facts"]
    assert facts["place"]["accuracy"] == 1.0  # contained in the issuer
    assert facts["year"]["accuracy"] == 0.0
    assert facts["date"]["accuracy"] == 1.0  # null == null, and it is counted as compared
    assert facts["doc_number"]["accuracy"] == 1.0
    assert all(fact["compared"] == 1 for fact in facts.values())
    wrong_place = evaluate_document(gold, report(meta=DocumentMeta(place="英林")), TEXT)
    assert wrong_place.figures()["facts"]["place"]["accuracy"] == 0.0


def test_scores_are_micro_averaged() -> None:
    one = (gold_doc(G444, doc_id="a"),
           report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷")), TEXT)
    four = (gold_doc(G444, doc_id="b"),
            report(predicted("p1", "444起", 444, "起", "调处矛盾纠纷"),
                   predicted("p2", "139起", 139, "起", "书面调解"),
                   predicted("p3", "100%", 100, "%", "成功率"),
                   predicted("p4", "100%", 100, "%", "参考率", nth=1)), TEXT)
    figures = evaluate([one, four]).figures()
    assert figures["documents"] == 2
    assert figures["explicit"]["precision"] == 0.4  # 2 of 5, not the mean of 1 and 0.25
    assert figures["explicit"]["recall"] == 1.0
    assert figures["facts"]["year"]["compared"] == 2
    assert set(figures["per_document"]) == {"a", "b"}


def test_errors_carry_context() -> None:
    gold = gold_doc(G444, gold_record(1, "139起", 139, "起", "书面调解"))
    scores = evaluate_document(gold, report(
        predicted("p1", "444起", 444, "起", "纠纷"), predicted("p3", "100%", 100, "%", "成功率")),
        TEXT)
    kinds = {(e.type, e.text) for e in scores.errors}
    assert kinds == {("miss", "139起"), ("false", "100%"), ("label", "444起")}
    miss = next(e for e in scores.errors if e.type == "miss")
    assert miss.context == "矛盾纠纷444起（其中书面调解[139起]），成功率100%。参考率、合"
    label = next(e for e in scores.errors if e.type == "label")
    assert "'调处矛盾纠纷'" in label.describe() and "'纠纷'" in label.describe()


def test_predictions_with_wrong_offsets_are_counted() -> None:
    shifted = predicted("p1", "444起", 444, "起", "调处矛盾纠纷").model_copy(update={"start": 7})
    scores = evaluate_document(gold_doc(G444), report(shifted), TEXT)
    assert scores.bad_offsets == 1
    (error,) = [e for e in scores.errors if e.type == "offset"]
    assert error.other_label == "纷444起"
    assert "not input[start:end]" in format_figures(scores.figures())
    right = evaluate_document(gold_doc(G444), report(predicted("p1", "444起", 444, "起", "")), TEXT)
    assert right.bad_offsets == 0


def test_format_figures_prints_every_figure() -> None:
    figures = evaluate([(gold_doc(G444), report(predicted("p1", "444起", 444, "起", "纠纷")),
                         TEXT)]).figures()
    block = format_figures(figures, "t")
    for heading in ("explicit", "implicit zeros", "label strict", "label lenient", "qualifier",
                    "kind", "indicator", "part_of", "rate_of", "place", "year", "date",
                    "doc_number"):
        assert heading in block
    json.dumps(figures)  # JSON-ready


# --- the command end to end (char segmenter: no model needed) ---------------------------------

def _write_fixture(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    text = "一、工作成效\n全年调处矛盾纠纷444起，成功率100%。开展普法宣传162次、14400人次。\n"
    records = []
    rows = (("444起", 444, "起", "count", "调处矛盾纠纷"), ("100%", 100, "%", "rate", "成功率"),
            ("162次", 162, "次", "count", "开展普法宣传"),
            ("14400人次", 14400, "人次", "count", "开展普法宣传"))
    for fragment, value, unit, kind, label in rows:
        start, end = span(fragment, text)
        records.append({"text": fragment, "start": start, "end": end, "value": value,
                        "unit": unit, "kind": kind, "qualifier": "exact", "label": label,
                        "indicator": None})
    gold = {"id": "d1", "meta": {"place": None, "year": None, "date": None, "doc_number": None},
            "records": records}
    (gold_dir / "d1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (docs_dir / "d1.json").write_text(json.dumps({"id": "d1", "text": text}, ensure_ascii=False),
                                      encoding="utf-8")
    return gold_dir, docs_dir


def test_eval_command_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, docs_dir = _write_fixture(tmp_path)
    code = main(["eval", str(gold_dir), "--docs", str(docs_dir), "--segmenter", "char", "--json"])
    assert code == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1
    assert figures["segmenter"] == "char"
    explicit = figures["explicit"]
    assert explicit["tp"] + explicit["fn"] == 4
    assert figures["matched"] == explicit["tp"]


def test_eval_command_text_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, docs_dir = _write_fixture(tmp_path)
    code = main(["eval", str(gold_dir), "--docs", str(docs_dir), "--segmenter", "char",
                 "--errors"])
    out = capsys.readouterr().out
    assert code == 0
    assert "implicit zeros" in out and "document facts" in out
    assert "errors (" in out
    assert "indicator confusion (gold id" in out and "indicator decided by" in out


def test_eval_command_reports_a_bad_gold_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, docs_dir = _write_fixture(tmp_path)
    (gold_dir / "d2.json").write_text('{"id": "d2", "records": [{"text": 1}]}', encoding="utf-8")
    assert main(["eval", str(gold_dir), "--docs", str(docs_dir)]) == 2
    err = capsys.readouterr().err
    assert "d2.json: record 0: missing field 'start'" in err


def test_eval_command_reports_a_missing_document(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, _docs = _write_fixture(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["eval", str(gold_dir), "--docs", str(empty), "--segmenter", "char"]) == 2
    assert "no document with id 'd1'" in capsys.readouterr().err
