"""What spaCy users read off the Doc: ``doc.sents`` from the sentence index, and the record
fields on the quantity spans (``span._.value`` …), as displaCy draws them."""

from __future__ import annotations

import regex
from spacy import displacy
from spacy.language import Language

from lawgov_ie.doc_view import SPAN_FIELDS, SPANS_KEY

TEXT = ("一、工作成效\n全年调处矛盾纠纷约450起，其中书面调解139起。调解成功率100%！"
        "二、存在问题\n执法人员不足。")


def test_sentences_are_those_of_the_index(nlp_char: Language, nlp: Language) -> None:
    for pipeline in (nlp_char, nlp):
        doc = pipeline(TEXT)
        index = doc._.lawgov_index
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        assert spans == index.sentence_spans()
        assert "".join(s.text_with_ws for s in doc.sents) == TEXT
        assert [s.text for s in doc.sents][1] == "全年调处矛盾纠纷约450起，其中书面调解139起。"


def test_quantity_spans_carry_the_record_fields(nlp_char: Language) -> None:
    doc = nlp_char(TEXT)
    report = doc._.report
    spans = doc.spans[SPANS_KEY]
    assert [s.text for s in spans] == [r.text for r in report.records]
    for span, record in zip(spans, report.records, strict=True):
        assert span.label_ == record.kind
        assert (span._.value, span._.unit, span._.kind, span._.qualifier, span._.indicator,
                span._.label, span._.record_id) == (
            record.value, record.unit, record.kind, record.qualifier, record.indicator,
            record.label, record.id)
        assert span._.record == record
    first = spans[0]
    assert (first._.value, first._.qualifier) == (450.0, "approx")
    assert all(getattr(doc[0:2]._, name) is None for name in SPAN_FIELDS)
    html = displacy.render(doc, style="span", options={"spans_key": SPANS_KEY})
    drawn = regex.findall(r">\s*(count|rate|money|rank|change|measure)\s*<", html)
    assert drawn == [s.label_ for s in spans]


def test_a_doc_from_worker_processes_keeps_its_sentences_and_span_values(
        nlp_char: Language) -> None:
    (doc,) = list(nlp_char.pipe([TEXT], n_process=2))
    assert [(s.start_char, s.end_char) for s in doc.sents] == \
        doc._.lawgov_index.sentence_spans()
    assert [s._.value for s in doc.spans[SPANS_KEY]] == [r.value for r in doc._.report.records]
