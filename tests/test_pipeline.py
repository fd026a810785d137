"""The pipeline's contract: each component declares what it reads (``requires``) and writes
(``assigns``) on the Doc, the declarations hold, spaCy's analysis finds no problem, and no
component keeps anything of one document for the next."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

import lawgov_ie
from lawgov_ie.pipeline import PIPELINE

# set before the components run, by the caller (api._make_doc) or the tokenizer (the caller's
# text when it was converted to simplified script), so never assigned by a component
CALLER_SET = {"doc._.lawgov_year_hint", "doc._.lawgov_source", "doc._.lawgov_original",
              "doc._.lawgov_views"}

TEXT = ("关于2023年度法治政府建设情况的报告\n一、主要成效\n（一）行政复议\n全年办理行政复议案件"
        "120件，其中维持80件、撤销10件，纠错率8.3%。\n二、存在问题\n执法人员培训不足。\n"
        "某县人民政府\n2024年1月15日\n")
OTHER = "一、基本情况\n全市调解矛盾纠纷3.5万起，调解成功率98%。开展普法活动1200场次。\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return lawgov_ie.load(segmenter="char")


def test_analyze_pipes_finds_no_problem(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in PIPELINE}
    for name in PIPELINE:
        assert analysis["summary"][name]["assigns"], f"{name} declares nothing it writes"


@contextmanager
def _watched() -> Iterator[tuple[set[str], set[str]]]:
    """Record every ``doc._`` attribute read and written while the block runs."""
    read: set[str] = set()
    written: set[str] = set()
    get, put = Underscore.__getattr__, Underscore.__setattr__

    def watch_get(self: Underscore, name: str) -> Any:
        if not name.startswith("_"):
            read.add(f"doc._.{name}")
        return get(self, name)

    def watch_put(self: Underscore, name: str, value: Any) -> None:
        if not name.startswith("_"):
            written.add(f"doc._.{name}")
        put(self, name, value)

    Underscore.__getattr__ = watch_get  # type: ignore[method-assign]
    Underscore.__setattr__ = watch_put  # type: ignore[method-assign]
    try:
        yield read, written
    finally:
        Underscore.__getattr__ = get  # type: ignore[method-assign]
        Underscore.__setattr__ = put  # type: ignore[method-assign]


def _doc_before(nlp: Language, name: str, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for other, component in nlp.pipeline:
        if other == name:
            break
        doc = component(doc)
    return doc


@pytest.mark.parametrize("name", PIPELINE)
def test_each_component_reads_and_writes_only_what_it_declares(nlp: Language,
                                                               name: str) -> None:
    meta = Language.get_factory_meta(name)
    doc = _doc_before(nlp, name, TEXT)
    with _watched() as (read, written):
        nlp.get_pipe(name)(doc)
    custom = {a for a in meta.assigns if a.startswith("doc._.")}
    assert written <= custom, f"{name} writes {sorted(written - custom)} without declaring it"
    # what it assigns it sets, or fills in place (the fields of the record drafts)
    assert custom <= written | read, f"{name} never touches {sorted(custom - written - read)}"
    undeclared = read - set(meta.requires) - set(meta.assigns) - CALLER_SET
    assert not undeclared, f"{name} reads {sorted(undeclared)} without declaring it"


def _state(component: Any) -> dict[str, Any]:
    """What a component holds, two levels down: attribute names and the objects they point to."""
    found = {}
    for key, value in vars(component).items():
        found[key] = id(value)
        if hasattr(value, "__dict__") and not isinstance(value, type):
            for inner, held in vars(value).items():
                found[f"{key}.{inner}"] = id(held)
    return found


@pytest.mark.parametrize("name", PIPELINE)
def test_no_component_keeps_anything_of_a_document(nlp: Language, name: str) -> None:
    component = nlp.get_pipe(name)
    before = _state(component)
    nlp(nlp.make_doc(TEXT))
    assert _state(component) == before


def test_a_document_reads_the_same_whatever_came_before(nlp: Language) -> None:
    alone = lawgov_ie.extract(TEXT, segmenter="char")
    lawgov_ie.extract(OTHER, segmenter="char")
    assert lawgov_ie.extract(TEXT, segmenter="char") == alone
