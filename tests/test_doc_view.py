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


def test_the_entity_view_is_what_doc_ents_would_set(nlp: Language) -> None:
    """``set_entities`` writes the annotation ``doc.ents = filter_spans(char_spans)`` writes,
    on every token (overlapping, space-led and unaligned spans included)."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from lawgov_ie.doc_view import set_entities

    text = "晋江市 英林镇人民政府  2024年 印发《方案》。\n第二条"
    spans = [(0, 3, "GPE"), (0, 10, "ORG"), (3, 6, "GPE"), (12, 17, "DATE"), (19, 23, "LAW"),
             (16, 21, "X"), (27, 30, "Y"), (3, 4, "Z")]
    annotation = []
    for setter in ("spacy", "ours"):
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, 1, 2, label="OLD", kb_id="Q1")]  # annotation set before
        if setter == "spacy":
            made = [doc.char_span(s, e, label=label, alignment_mode="expand")
                    for s, e, label in spans]
            doc.ents = filter_spans([span for span in made if span is not None])
        else:
            set_entities(doc, spans)
        annotation.append([(t.ent_iob_, t.ent_type_, t.ent_kb_id_) for t in doc])
    assert annotation[0] == annotation[1]
    assert any(iob == "B" for iob, _, _ in annotation[1])
