"""Traditional-script text read as simplified, character for character.

Every rule of the pipeline is written in simplified characters. The tokenizer hands the steps the
text converted by OpenCC (``opencc`` on PyPI, the project's own binding; ``t2s``: 縣 → 县, 萬 → 万,
個 → 个, 項 → 项) and keeps the caller's text beside it, so offsets stay on the caller's
characters: the conversion must keep the length. OpenCC converts by phrase; a line whose length
it changes is converted again character by character, so character ``i`` of the result is always
character ``i`` of the input, simplified.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _char(char: str) -> str:
    converted: str = _converter().convert(char)
    return converted if len(converted) == 1 else char


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, with the same length and every character in place
    (the text itself when nothing changes)."""
    if text.isascii():
        return text
    converted: str = _converter().convert(text)
    if converted == text:
        return text
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.splitlines(keepends=True):
        simple: str = _converter().convert(line)
        lines.append(simple if len(simple) == len(line) else "".join(map(_char, line)))
    return "".join(lines)
