"""Pattern kinds of ``patterns/relations.jsonl``, read by the relations step.

``relation_cue``: words that open a breakdown (其中、包括、含、分别) or move a figure's period
(上年、近三年). ``rate_link``: a rate word (成功率) and what the label of its numerator count says
(成功).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr, WordsPattern

RelationRole = Literal[
    "breakdown",  # opens a list of parts of the figure before it (其中, 包括, 含, 分别)
    "period_previous",  # the figure is about the year before the report (上年, 去年)
    "period_span",  # the figure covers several years: no single period (近三年, 历年)
    "period_not",  # a year word that does not move the period (较去年, 同比)
]


@register("relation_cue")
class RelationCuePattern(WordsPattern):
    """Words that make records relate (breakdowns) or move their period."""

    kind: Literal["relation_cue"] = "relation_cue"
    role: RelationRole


@register("rate_link")
class RateLinkPattern(PatternBase):
    """A rate computed from two counts stated nearby: 成功率 = 成功… / 受理… ."""

    kind: Literal["rate_link"] = "rate_link"
    rate: RegexStr = Field(description="Matches the label of the rate, e.g. 成功率|结案率.")
    numerator: RegexStr = Field(description="Matches the label of the numerator count, e.g. 成功.")
