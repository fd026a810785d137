"""Cue words for labels, breakdowns, rates and periods (read by the labels and relations steps).

``label_cue``: words with a role in finding what a number counts (a leading time word to drop, a
bare verb that sends the reader to the noun after the number, …). ``relation_cue``: words that
open a breakdown (其中、包括、含、分别) or move a figure's period (上年、近三年). ``rate_link``: a
rate word (成功率) and what the label of its numerator count says (成功).
"""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import Field, model_validator

from . import register
from .base import PatternBase, RegexStr


def regex_escape(word: str) -> str:
    return str(regex.escape(word))

LabelRole = Literal[
    "leading",  # dropped from the start of a label, repeatedly (全年, 今年以来, 我镇, 已)
    "trailing",  # dropped from the end of a label, repeatedly (达, 均为, 共)
    "cut_after",  # everything up to and including the last one is dropped (累计, 共计)
    "causative",  # 组织 X 开展 Y: the label starts at the later verb (see "light_verb")
    "light_verb",  # 开展, 举办, 进行: the verb a causative hands over to
    "bare",  # a label that says nothing alone: take the noun after the number (设立, 有, 与)
    "share",  # a label that only continues the previous one (覆盖, 提升到): reuse its label
    "after_reject",  # the text after a number starting so is not its label (较, 同比, 并)
    "after_stop",  # ends a label read after the number (开展, 对, 全部)
    "negation",  # opens an implicit zero (未, 没有, 无发生)
    "generic_head",  # a head noun too general to be a label alone (案件, 事件, 情况)
    "etc_generic",  # X、Y等活动 keeps its list; X、Y等重点问题 is labelled by the noun after 等
    "change",  # a change is labelled from 同比 on (办件量较去年同比增长 → 同比增长)
]


class _Words(PatternBase):
    words: list[str] = Field(default_factory=list, description="Literal words.")
    regex: list[RegexStr] = Field(default_factory=list, description="Regular expressions.")

    @model_validator(mode="after")
    def _some_words(self) -> _Words:
        if not self.words and not self.regex:
            raise ValueError("give at least one of 'words' or 'regex'")
        return self

    def alternatives(self) -> list[str]:
        """The words (escaped) and expressions, as regex alternatives."""
        return [*(regex_escape(w) for w in self.words), *self.regex]


@register("label_cue")
class LabelCuePattern(_Words):
    """Words with one role in finding a record's label."""

    kind: Literal["label_cue"] = "label_cue"
    role: LabelRole


RelationRole = Literal[
    "breakdown",  # opens a list of parts of the figure before it (其中, 包括, 含, 分别)
    "period_previous",  # the figure is about the year before the report (上年, 去年)
    "period_span",  # the figure covers several years: no single period (近三年, 历年)
    "period_not",  # a year word that does not move the period (较去年, 同比)
]


@register("relation_cue")
class RelationCuePattern(_Words):
    """Words that make records relate (breakdowns) or move their period."""

    kind: Literal["relation_cue"] = "relation_cue"
    role: RelationRole


@register("rate_link")
class RateLinkPattern(PatternBase):
    """A rate computed from two counts stated nearby: 成功率 = 成功… / 受理… ."""

    kind: Literal["rate_link"] = "rate_link"
    rate: RegexStr = Field(description="Matches the label of the rate, e.g. 成功率|结案率.")
    numerator: RegexStr = Field(description="Matches the label of the numerator count, e.g. 成功.")
