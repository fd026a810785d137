"""Component ``lawgov_quantities``: every quantity that is a record, as a RecordDraft.

The reading is :class:`lawgov_ie.steps.quantities.reader.QuantityReader`'s (pure Python, rules from
``unit``/``rank_cue``/``change_cue``/``qualifier``/``not_record``/``implicit_zero`` patterns); this
shell builds it once, runs it on ``doc.text`` and leaves the drafts in ``doc._.lawgov_records``
(labels and the rest are later components' fields) and their spans in ``doc.spans["quantities"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.rules.saved import PatternComponent
from lawgov_ie.stages import named
from lawgov_ie.steps.quantities.reader import QuantityReader


class QuantityFinder(PatternComponent):
    def build(self, patterns: PatternSet) -> None:
        self.reader = QuantityReader.from_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        drafts = [
            RecordDraft(start=q.start, end=q.end, text=q.text, value=q.value, unit=q.unit,
                        kind=q.kind, qualifier=q.qualifier, implicit=q.implicit)
            for q in self.reader.read(doc.text)
        ]
        doc._.lawgov_records = drafts
        if not doc._.lawgov_views:
            return doc
        spans = [doc.char_span(d.start, d.end, label=d.kind, alignment_mode="expand")
                 for d in drafts]
        doc.spans["quantities"] = [span for span in spans if span is not None]
        return doc


@Language.factory("lawgov_quantities", default_config={"patterns": []},
                  requires=[],
                  assigns=["doc._.lawgov_records", "doc.spans"])
def make_quantities(nlp: Language, name: str, patterns: list[str]) -> QuantityFinder:
    return named(QuantityFinder(patterns), name)
