"""Pattern kinds of ``patterns/relations.jsonl``, read by the relations step.

``relation_cue``: words that open a breakdown (其中、包括、含、分别), mark a total stated after its
parts (合计、共计、总计; 共 only when the parts add up), or move a figure's period (上年、近三年);
it also names a figure of concluded cases (审结、办结: outcomes after it are its parts), a total of
the sentence before (以上、上述), a rate that is a part's share of its total (占比), and the end
of a category phrase that opens a list (…中，/ …：).
``part_label``: the labels a part of a total may carry — the kinds or outcomes of what the total
counts (维持/撤销/驳回 of 复议): evidence that two figures form a breakdown, extended by a domain
expert. ``rate_link``: a rate word (成功率), the words of its numerator count (成功) and of its
denominator count (受理) — the role words that tie a rate to the counts it is computed from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import regex
from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr, WordsPattern
from lawgov_ie.rules.budget import compile_rule

RelationRole = Literal[
    "breakdown",  # opens a list of parts of the figure before it (其中, 包括, 含, 分别)
    "total",  # before a total stated after its parts (合计, 共计, 总计): the parts are linked
    "total_if_sums",  # as "total", but only when the parts add up to it exactly (共, 总共)
    "period_previous",  # the figure is about the year before the report (上年, 去年)
    "period_span",  # the figure covers several years: no single period (近三年, 历年)
    "period_not",  # a year word that does not move the period (较去年, 同比)
    "concluded",  # a figure of concluded cases (审结, 办结): outcomes listed after it are its parts
    "refers_back",  # opens a total of the figures of the sentence before (以上, 上述)
    "share",  # a rate that is a part's share of its total (占比, 占…的)
    "opens_list",  # a category phrase opening a list (…类案件中，/ 工单分类：): its parts may
    # add up to a total stated before it
]


@register("relation_cue")
class RelationCuePattern(WordsPattern):
    """Words that make records relate (breakdowns, totals) or move their period."""

    kind: Literal["relation_cue"] = "relation_cue"
    role: RelationRole


@register("part_label")
class PartLabelPattern(PatternBase):
    """The labels the parts of a total may carry: kinds, outcomes or states of what it counts."""

    kind: Literal["part_label"] = "part_label"
    total: RegexStr = Field(description="Matches the label (or the clause) of the total, e.g. "
                            "复议; '.' for any total.")
    parts: RegexStr = Field(description="Matches the label of a part, e.g. 维持|撤销|驳回.")
    relation: Literal["outcome", "kind", "status"] = Field(
        default="outcome", description="What the parts are of the total (shown in the evidence).")


@register("rate_link")
class RateLinkPattern(PatternBase):
    """A rate computed from two counts stated nearby: 成功率 = 成功… / 受理… ."""

    kind: Literal["rate_link"] = "rate_link"
    rate: RegexStr = Field(description="Matches the label of the rate, e.g. 成功率|结案率.")
    numerator: RegexStr = Field(description="Matches the label of the numerator count, e.g. 成功.")
    denominator: RegexStr | None = Field(
        default=None, description="Matches the label of the denominator count, e.g. 受理|调处; "
        "null: the count before the numerator, not smaller, in its unit family.")


def alternation(cues: Sequence[RelationCuePattern], role: str) -> regex.Pattern[str] | None:
    """One expression for the cues of ``role``, longest words first; None when there is none."""
    alternatives = sorted((a for c in cues if c.role == role for a in c.alternatives()),
                          key=len, reverse=True)
    if not alternatives:
        return None
    return compile_rule("|".join(f"(?:{a})" for a in alternatives), f"relation_cue ({role})")
