"""Kinds that decide what is a record: qualifiers, not-record contexts, implicit zeros."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr

QuantityKind = Literal["count", "rate", "money", "rank", "change", "measure"]


@register("qualifier")
class QualifierPattern(PatternBase):
    """A word that qualifies a number (约 → approx, 余 → more_than, 以下 → less_than).

    ``position``: ``prefix`` before the number (约1100人次), ``suffix`` between the number and
    its unit (300余册, 560多人次), ``after_unit`` after the unit (96%以上, 100人左右).
    """

    kind: Literal["qualifier"] = "qualifier"
    word: str = Field(min_length=1)
    position: Literal["prefix", "suffix", "after_unit"]
    qualifier: Literal["approx", "more_than", "less_than"]
    not_after: list[str] = Field(default_factory=list, description="prefix only: text that, "
                                 "right before the word, makes it part of another word "
                                 "(民 before 约: 村规民约2项 is exact)")


@register("not_record")
class NotRecordPattern(PatternBase):
    """Text in which numbers are not records: dates, codes, hotline and programme names …

    A quantity whose number or unit overlaps a match of ``regex`` is dropped. ``applies_to``
    limits the rule to quantities of those kinds (empty: every kind), so that 第 can rule out
    ordinals (第一批) without ruling out rankings (全市第三).
    """

    kind: Literal["not_record"] = "not_record"
    regex: RegexStr
    applies_to: list[QuantityKind] = Field(default_factory=list)


@register("implicit_zero")
class ImplicitZeroPattern(PatternBase):
    """A zero stated in words (未发布规范性文件): the whole match becomes the record's text.

    The match must end on the head noun of what there was none of; a list negated at once
    (未发生A、B等情况) is one match and one record. What it is labelled with is the labels
    step's alone (lawgov_ie/steps/labels): this step gives no label.
    """

    kind: Literal["implicit_zero"] = "implicit_zero"
    regex: RegexStr
