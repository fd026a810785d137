"""The step as a whole: nothing of one document is kept for the next; bad layouts stay cheap."""

from __future__ import annotations

from relation_helpers import part_links_at
from report_helpers import report_of
from spacy.language import Language


def test_documents_do_not_leak_into_each_other(nlp_char: Language) -> None:
    first = ("全年办理行政复议案件6件，撤销2件，维持4件。"
             "群众评价中非常满意520条，满意210条，合计735条。")
    second = "受理各类纠纷80起，其中婚姻纠纷30起。"
    alone = report_of(nlp_char, first)
    report_of(nlp_char, second)
    again = report_of(nlp_char, first)
    assert again.model_dump() == alone.model_dump()


def test_a_run_on_line_of_figures_links_only_nearby_ones(nlp_char: Language) -> None:
    text = "，".join(f"其中{n % 9 + 1}件" for n in range(3000))
    report = report_of(nlp_char, text)
    assert len(report.records) == 3000
    for part, total in part_links_at(report):
        assert 0 < part - total <= 300  # a list never reaches far back
