"""The pipeline's tokenizer: spaCy's Chinese tokenizer (pkuseg words or one token a character),
made cheap for the components and linear in the length of the text.

:class:`LawgovTokenizer` extends ``spacy.lang.zh.ChineseTokenizer`` (same ``segmenter`` setting,
``initialize``, pkuseg user dictionary and serialisation) and makes the same tokens. It differs
in two ways, both measured in docs/performance.md:

- The Doc it returns keeps the text it was made from (:class:`TextDoc`). spaCy's ``Doc.text``
  joins every token's text again on each access, and each component reads ``doc.text``: with one
  token a character that was most of the pipeline's time.
- Text in traditional script is converted to simplified, character for character
  (:mod:`lawgov_ie.text.script`): ``doc.text`` is what every step reads, and
  ``doc._.lawgov_original`` keeps the caller's text, which the report's spans are cut from.
- Words are aligned with the text in one pass. spaCy's ``get_words_and_spaces`` copies the rest
  of the text for every word, which is quadratic in the length of the text.

It is registered as ``lawgov_ie.ChineseTokenizer.v1`` so a saved pipeline's config names it.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens.doc import pickle_doc  # type: ignore[attr-defined]
from spacy.util import registry
from spacy.vocab import Vocab

from lawgov_ie.text.script import to_simplified

TOKENIZER_NAME = "lawgov_ie.ChineseTokenizer.v1"

# One token a non-space character, one a run of whitespace (spaCy's char segmenter, aligned).
_PIECES = re.compile(r"\S|\s+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: a str may hold one, but it cannot be encoded (spaCy cannot store it)."""
# spacy_pkuseg says this on every load; its pickle format is the faster one (see
# docs/performance.md), so the notice is noise for our users.
_FORMAT_NOTICE = "features.msgpack does not exist"


class TextDoc(Doc):
    """A ``Doc`` that remembers the text it was made from.

    ``Doc.text`` is rebuilt from the tokens on every access; a tokenizer knows the text already.
    Tokens cannot change the text after the fact (a retokenizer merge keeps it, a split must
    spell the token it splits), so the remembered text stays true. Pickled, it becomes a plain
    ``Doc``.
    """

    @property
    def text(self) -> str:
        known: str | None = self.__dict__.get("_lawgov_text")
        return known if known is not None else super().text

    def __reduce__(self) -> Any:
        return pickle_doc(self)


def make_doc(vocab: Vocab, words: list[str], spaces: list[bool], text: str) -> TextDoc:
    """A :class:`TextDoc` of ``words``/``spaces``, which must spell ``text`` exactly."""
    doc = TextDoc(vocab, words=words, spaces=spaces)
    doc.__dict__["_lawgov_text"] = text
    return doc


def char_words(text: str) -> tuple[list[str], list[bool]]:
    """Words and spaces of spaCy's char segmenter: each non-space character is a word; a space
    right after a word is that word's trailing space; any other whitespace run is a word."""
    words = _PIECES.findall(text)
    if " " not in text:
        return words, [False] * len(words)
    out_words: list[str] = []
    out_spaces: list[bool] = []
    for word in words:
        if word[0] == " " and out_words:  # a whitespace run always follows a non-space word
            out_spaces[-1] = True
            word = word[1:]
            if not word:
                continue
        out_words.append(word)
        out_spaces.append(False)
    return out_words, out_spaces


def align_words(words: Iterable[str], text: str) -> tuple[list[str], list[bool]]:
    """Words and spaces that spell ``text``, from a segmenter's ``words`` (which may leave out
    whitespace): what ``spacy.util.get_words_and_spaces`` returns, in one pass over the text.

    Raises ``ValueError`` when a word is not in the text where it should be."""
    out_words: list[str] = []
    out_spaces: list[bool] = []
    position = 0
    length = len(text)
    find = text.find
    for word in words:
        if not word or word.isspace():
            continue
        start = find(word, position)
        if start < 0:
            raise ValueError(f"the segmenter returned the word {word!r}, which is not in the"
                             f" text after character {position}")
        if start > position:
            out_words.append(text[position:start])
            out_spaces.append(False)
        out_words.append(word)
        position = start + len(word)
        if position < length and text[position] == " ":
            out_spaces.append(True)
            position += 1
        else:
            out_spaces.append(False)
    if position < length:
        out_words.append(text[position:])
        out_spaces.append(False)
    return out_words, out_spaces


@contextlib.contextmanager
def _without_format_notice() -> Iterator[None]:
    """Drop spacy_pkuseg's notice that it loads features.pkl; let anything else through."""
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            yield
    finally:
        rest = [line for line in captured.getvalue().splitlines(keepends=True)
                if _FORMAT_NOTICE not in line]
        if rest:
            sys.stderr.write("".join(rest))


class LawgovTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer, returning :class:`TextDoc` and aligning words linearly."""

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, pkuseg_model: str | None = None,
                   pkuseg_user_dict: str | None = "default") -> None:
        with _without_format_notice():
            super().initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model,
                               pkuseg_user_dict=pkuseg_user_dict)

    def __call__(self, text: str) -> Doc:
        try:
            simplified = to_simplified(text)  # traditional script: lawgov_ie.text.script
            words, spaces = self._words(simplified)
            doc = make_doc(self.vocab, words, spaces, simplified)
            if simplified is not text:
                doc._.lawgov_original = text
            return doc
        except UnicodeEncodeError:
            surrogate = LONE_SURROGATE.search(text)
            if surrogate is None:
                raise
            raise ValueError(
                f"the text holds a lone surrogate (U+{ord(surrogate.group()):04X}) at character"
                f" {surrogate.start()}, which spaCy cannot store: lawgov_ie.extract() replaces"
                " such characters keeping every offset, or decode the source with"
                " errors='replace'") from None

    def reading_doc(self, text: str) -> Doc:
        """A Doc read for its report only (``extract()``): ``doc._.lawgov_views`` is False, so
        the components leave spaCy's views (``doc.ents``, ``doc.spans``, sentence starts) alone.
        pkuseg cuts its words as for ``nlp(text)``; with the char segmenter the Doc holds no
        tokens at all: nothing in the report reads tokens, and making one a character was a
        tenth of the char reading (docs/performance.md). ``doc.text`` is the text either way."""
        if self.segmenter == "pkuseg":
            doc = self(text)
        else:
            simplified = to_simplified(text)
            doc = make_doc(self.vocab, [], [], simplified)
            if simplified is not text:
                doc._.lawgov_original = text
        doc._.lawgov_views = False
        return doc

    def _words(self, text: str) -> tuple[list[str], list[bool]]:
        if self.segmenter != "pkuseg":
            return char_words(text)
        if self.pkuseg_seg is None:
            raise ValueError("the pkuseg tokenizer is not initialized: build the pipeline"
                             " with lawgov_ie.load()")
        return align_words(self.pkuseg_seg.cut(text), text)


@registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer(segmenter: str = "char") -> Callable[[Language], LawgovTokenizer]:
    if segmenter not in ("char", "pkuseg"):
        raise ValueError(f"segmenter must be 'pkuseg' or 'char', not {segmenter!r}")

    def make(nlp: Language) -> LawgovTokenizer:
        return LawgovTokenizer(nlp.vocab, segmenter=segmenter)  # type: ignore[arg-type]

    return make
