"""The pipeline's tokenizer: spaCy's tokens, a Doc that keeps its text, linear alignment."""

from __future__ import annotations

import itertools
import pickle
import sys
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from lawgov_ie.text.tokenizer import (
    TOKENIZER_NAME,
    TextDoc,
    _without_format_notice,
    align_words,
    char_words,
)

# Text like a report's, with the whitespace that trips alignment: spaces, runs, tabs, newlines.
_ALPHABET = st.sampled_from([*"治法府政设建度年告报调处纠纷起件%0123.5ab",
                             " ", "  ", "\n", "\n\n", "\t", "\u3000", " \n", "\r\n"])
texts = st.lists(_ALPHABET, max_size=60).map("".join)


@pytest.fixture(scope="module")
def stock_char() -> Language:
    return spacy.blank("zh")  # spaCy's own ChineseTokenizer, segmenter="char"


def _tokens(doc: Doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


def test_char_tokens_are_spacys_on_the_seed_reports(nlp_char: Language, stock_char: Language,
                                                    seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        assert _tokens(nlp_char.make_doc(text)) == _tokens(stock_char.make_doc(text))


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_char_words_are_spacys_char_segmenter(text: str) -> None:
    assert char_words(text) == get_words_and_spaces(list(text), text)


@settings(max_examples=300, deadline=None)
@given(text=texts, cuts=st.lists(st.integers(min_value=0, max_value=60), max_size=20))
def test_align_words_is_get_words_and_spaces(text: str, cuts: list[int]) -> None:
    # the words a segmenter would return: the text cut anywhere, whitespace dropped
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    words = [w for a, b in itertools.pairwise(bounds) for w in text[a:b].split() if w]
    assert align_words(words, text) == get_words_and_spaces(words, text)


def test_align_words_names_a_word_not_in_the_text() -> None:
    with pytest.raises(ValueError, match=r"'乙'.*after character 1"):
        align_words(["甲", "乙"], "甲丙")


def test_doc_keeps_the_text_it_was_made_from(nlp_char: Language) -> None:
    text = "一、工作成效\n  全年调处矛盾纠纷 444 起，成功率100%。\n\n"
    doc = nlp_char.make_doc(text)
    assert isinstance(doc, TextDoc)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text  # what spaCy's Doc.text would build
    assert [(t.text, t.idx) for t in doc[5:8]] == [("效", 5), ("\n  ", 6), ("全", 9)]
    assert doc[13:16].text == text[15:19] == "纠纷 4"  # 纷 owns the space after it


def test_doc_pickles_and_serialises_as_a_plain_doc(nlp_char: Language) -> None:
    text = "全年办理法律援助案件120件。"
    doc = nlp_char(text)
    again = pickle.loads(pickle.dumps(doc))
    assert type(again) is Doc
    assert again.text == text
    assert Doc(nlp_char.vocab).from_bytes(doc.to_bytes()).text == text


def test_the_pipeline_config_names_the_registered_tokenizer(nlp_char: Language) -> None:
    assert nlp_char.config["nlp"]["tokenizer"] == {"@tokenizers": TOKENIZER_NAME,
                                                   "segmenter": "char"}


@pytest.mark.pkuseg
def test_pkuseg_words_are_spacys_alignment(nlp: Language, seed_texts: dict[str, str]) -> None:
    segmenter = nlp.tokenizer.pkuseg_seg  # type: ignore[union-attr]
    for text in seed_texts.values():
        words, spaces = get_words_and_spaces(segmenter.cut(text), text)
        doc = nlp.make_doc(text)
        assert [t.text for t in doc] == words
        assert [bool(t.whitespace_) for t in doc] == spaces
        assert doc.text == text


def test_only_pkusegs_format_notice_is_silenced(capsys: pytest.CaptureFixture[str]) -> None:
    with _without_format_notice():
        print("WARNING: features.msgpack does not exist, try loading features.pkl",
              file=sys.stderr)
        print("something else went wrong", file=sys.stderr)
    err = capsys.readouterr().err
    assert "features.msgpack" not in err
    assert "something else went wrong" in err


def test_a_saved_pipeline_loads_back_with_this_tokenizer(nlp_char: Language,
                                                         tmp_path: Path) -> None:
    nlp_char.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    text = "全年调处矛盾纠纷 444 起。"
    assert type(again.tokenizer) is type(nlp_char.tokenizer)
    assert _tokens(again.make_doc(text)) == _tokens(nlp_char.make_doc(text))
