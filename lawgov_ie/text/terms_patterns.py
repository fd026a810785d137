"""``term``: domain words kept whole by the pkuseg segmenter (its user dictionary)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase


@register("term")
class TermPattern(PatternBase):
    """A word pkuseg must not cut, e.g. 矛盾纠纷, 法律明白人, 行政执法证."""

    kind: Literal["term"] = "term"
    text: str = Field(min_length=1)
