r"""Cut a long text into pieces the pipeline can take one at a time (pure Python, no spaCy).

A piece ends, in this order of preference:

1. after a line break (a paragraph of a report is one line), the last one that keeps the piece
   within ``max_chars``;
2. failing that (one huge line), after the last sentence mark (。！？；!?;) in the window;
3. failing that, after the last clause mark (，,、：:);
4. failing that, at a hard cut that does not split a character cluster (combining marks, emoji
   modifiers and joiners, variation selectors, CR LF, surrogate pairs) and, when it can, does
   not touch a number (digits, numerals, 余/多, %), so no quantity loses digits or its unit.
   When it cannot (a window that is all digits), the reader of the pieces drops a quantity that
   begins or ends at such a cut, as it would be a part of a longer number.

The pieces are returned as ``(start, end)`` offsets into the text; they cover it exactly, in
order, without overlap, so ``"".join(text[s:e] for s, e in chunk_spans(text, n)) == text``.

>>> chunk_spans("一行\n二行\n三行", 4)
[(0, 3), (3, 6), (6, 8)]
>>> chunk_spans("共100件。再200件。", 7)
[(0, 6), (6, 12)]
"""

from __future__ import annotations

import unicodedata

_SENTENCE_MARKS = "。！？；!?;"
_CLAUSE_MARKS = "，,、：:"
# Characters that may be part of a number: a hard cut next to one could split a quantity.
NUMBER_CHARS = frozenset(
    "0123456789０１２３４５６７８９.．,，%％"
    "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩余多"
)


def chunk_spans(text: str, max_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``, each at most ``max_chars`` long, cut as above."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, int):
        raise TypeError(f"max_chars must be int, not {type(max_chars).__name__}")
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while length - start > max_chars:
        cut = _cut(text, start, start + max_chars)
        spans.append((start, cut))
        start = cut
    if start < length or not spans:
        spans.append((start, length))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece that begins at ``start`` ends; ``start < result <= limit``."""
    newline = text.rfind("\n", start, limit)
    if newline >= start:
        return newline + 1
    for marks in (_SENTENCE_MARKS, _CLAUSE_MARKS):
        mark = max(text.rfind(m, start, limit) for m in marks)
        if mark >= start:
            return mark + 1
    return hard_cut(text, start, limit)


def hard_cut(text: str, start: int, limit: int) -> int:
    """A position in ``(start, limit]`` splitting no character cluster and, if it can, with no
    number on either side (the last such position in the window: pieces stay linear, as a
    window with none is cut at its end)."""
    for position in range(limit, start, -1):
        if _splits_cluster(text, position) or splits_number(text, position):
            continue
        return position
    for position in range(limit, start, -1):
        if not _splits_cluster(text, position):
            return position
    return limit


def splits_number(text: str, position: int) -> bool:
    """True when a number character stands right before or right after ``position``."""
    return (0 < position <= len(text) and text[position - 1] in NUMBER_CHARS) or \
        (0 <= position < len(text) and text[position] in NUMBER_CHARS)


def _splits_cluster(text: str, position: int) -> bool:
    """True when cutting before ``text[position]`` would tear one visible character apart."""
    if position <= 0 or position >= len(text):
        return False
    before, after = text[position - 1], text[position]
    if before == "\r" and after == "\n":
        return True
    if before == "\u200d" or after == "\u200d":  # zero-width joiner
        return True
    if "\ud800" <= before <= "\udbff" and "\udc00" <= after <= "\udfff":
        return True
    code = ord(after)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    if 0x1F3FB <= code <= 0x1F3FF:  # emoji skin-tone modifiers
        return True
    if 0xE0020 <= code <= 0xE007F:  # emoji tag sequences
        return True
    return unicodedata.category(after) in ("Mn", "Mc", "Me")
