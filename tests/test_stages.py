"""nlp.pipe a stage at a time (lawgov_ie/stages.py): same documents, batches, spaCy's errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from lawgov_ie.stages import StagedPipe, batches


def test_pipe_reads_each_document_as_nlp_does(nlp_char: Language,
                                              seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values())
    one_by_one = [nlp_char(text)._.report.model_dump_json() for text in texts]
    piped = [doc._.report.model_dump_json() for doc in nlp_char.pipe(texts, batch_size=2)]
    assert piped == one_by_one


def test_each_component_takes_a_batch_before_the_next_starts(nlp_char: Language) -> None:
    texts = [f"{year}年全镇受理行政复议案件{n}件，办结{n}件。" for year, n in
             ((2021, 3), (2022, 4), (2023, 5), (2024, 6), (2025, 7))]
    taken: list[str] = []

    def stream() -> Iterator[str]:
        for text in texts:
            taken.append(text)
            yield text

    docs = nlp_char.pipe(stream(), batch_size=3)
    first = next(docs)
    assert len(taken) == 3  # a batch of three was tokenized before any document came out
    assert [r.value for r in first._.report.records] == [3, 3]
    assert [doc._.report.records[0].value for doc in docs] == [4, 5, 6, 7]
    assert len(taken) == 5


def test_batches_are_cut_by_documents_and_by_characters(nlp_char: Language) -> None:
    docs = [nlp_char.make_doc(text) for text in ("甲" * 4, "乙" * 4, "丙" * 9, "丁", "戊")]
    assert [len(b) for b in batches(docs, size=2, chars=100)] == [2, 2, 1]
    assert [len(b) for b in batches(docs, size=10, chars=8)] == [2, 1, 2]  # 丙×9 alone
    assert list(batches([], size=3)) == []


def test_a_failing_document_goes_to_spacys_error_handler(nlp_char: Language,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    labels = nlp_char.get_pipe("lawgov_labels")
    assert isinstance(labels, StagedPipe)
    reader = labels.reader  # type: ignore[attr-defined]
    real = reader.label_all

    def label_all(text: str, *args: Any, **kwargs: Any) -> Any:
        if "故障" in text:
            raise RuntimeError("cannot label this text")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(reader, "label_all", label_all)
    texts = ["全年办理行政复议案件8件。", "故障测试：全年办理行政复议案件9件。",
             "全年办理行政诉讼案件2件。"]
    with pytest.raises(RuntimeError, match="cannot label"):  # spaCy's default: raise
        list(nlp_char.pipe(texts))

    failed: list[tuple[str, list[Doc], str]] = []

    def keep(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
        failed.append((name, docs, str(error)))

    nlp_char.set_error_handler(keep)
    try:
        out = list(nlp_char.pipe(texts, batch_size=8))
    finally:
        nlp_char.set_error_handler(raise_error)  # the session's pipeline as it was
    assert [doc.text for doc in out] == [texts[0], texts[2]]
    assert [(name, [d.text for d in docs], message) for name, docs, message in failed] == [
        ("lawgov_labels", [texts[1]], "cannot label this text")]
