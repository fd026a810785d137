"""Kinds that decide what is a record: qualifiers, not-record contexts, implicit zeros."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import register
from .base import PatternBase, RegexStr


@register("qualifier")
class QualifierPattern(PatternBase):
    """A word before or after a number that qualifies it (约 → approx, 余 → more_than)."""

    kind: Literal["qualifier"] = "qualifier"
    word: str = Field(min_length=1)
    position: Literal["prefix", "suffix"]
    qualifier: Literal["approx", "more_than", "less_than"]


@register("not_record")
class NotRecordPattern(PatternBase):
    """Text in which numbers are not records: dates, codes, hotline and programme names …"""

    kind: Literal["not_record"] = "not_record"
    regex: RegexStr


@register("implicit_zero")
class ImplicitZeroPattern(PatternBase):
    """A zero stated in words (未发布规范性文件). The ``label`` group, if any, is the label."""

    kind: Literal["implicit_zero"] = "implicit_zero"
    regex: RegexStr
