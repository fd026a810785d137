"""The text index's sentence, clause and scope ends are those of their regex definitions,
read in one pass over the code points (any character, those beyond the first plane and lone
surrogates too)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lawgov_ie.text.index import CLAUSE_END, SCOPE_END, SENTENCE_END, TextIndex

_PARTS = st.sampled_from(["。", "！", "？", "!", "?", "；", ";", "\n", "，", ",", "：", ":", "、",
                          "一", "十二", "．", ".", "（", "）", "(", ")", "0", "9", "#", "**", " ",
                          "\t", "\u3000", "受理", "\U0001f600", "\ud800", "\uffff"])


@given(st.lists(_PARTS, max_size=40))
def test_the_ends_are_those_of_the_regex_definitions(parts: list[str]) -> None:
    text = "".join(parts)
    index = TextIndex(text)
    assert index._sentences.ends == [m.end() for m in SENTENCE_END.finditer(text)]
    assert index._clauses.ends == [m.end() for m in CLAUSE_END.finditer(text)]
    assert index._scopes.ends == [m.end() for m in SCOPE_END.finditer(text)]


def test_a_sentence_and_a_clause_around_a_figure() -> None:
    text = "一、总体情况\n受理案件12件，办结10件；其余在办。"
    index = TextIndex(text)
    at = text.index("12")
    assert index.sentence(at) == "受理案件12件，办结10件；"
    assert index.clause(at) == "受理案件12件，"
    assert text[:index.scope_end(at)] == "一、总体情况\n受理案件12件，办结10件"
