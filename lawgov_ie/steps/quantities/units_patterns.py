"""Kinds that say what a number measures: measure words, ranking cues, change cues."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr


@register("unit")
class UnitPattern(PatternBase):
    """A measure word as written after a number (起, 人次, 元, 个百分点 …).

    ``unit`` is what the text says; ``canonical`` the unit reported when it differs, and
    ``scale`` a factor folded into the value. Magnitude words (万, 亿) are not units: the number
    reader folds them into the value (50万元 → 500000 元), so no 万元 line is needed.
    ``variants`` are other spellings of the same unit, read as it (traditional script: 個 for
    个, 場次 for 场次); the record reports ``canonical`` or ``unit``.
    """

    kind: Literal["unit"] = "unit"
    unit: str = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)
    unit_kind: Literal["count", "rate", "money", "measure", "change"] = "count"
    canonical: str | None = None
    scale: float = Field(default=1.0, ge=1e-6, le=1e12, allow_inf_nan=False,
                         description="A factor folded into the value, from 1e-6 to 1e12 "
                                     "(finite: NaN and Infinity are refused).")


@register("rank_cue")
class RankCuePattern(PatternBase):
    """A word that makes the 第N / 前N after it a ranking (排名, 位列, 全市 …).

    The cue may stand a few characters before 第/前 (排名位列全市第三), within one clause.
    """

    kind: Literal["rank_cue"] = "rank_cue"
    word: str = Field(min_length=1)


@register("change_cue")
class ChangeCuePattern(PatternBase):
    """Words right before a number that make it a change against an earlier period.

    ``regex`` must match text that ends where the number (or its prefix qualifier) starts:
    同比增长 before 15%, 比上年减少 before 3件. ``units`` limits the cue to those units (e.g. a
    bare 增长 makes only a percentage a change); empty means any unit. A change is signed: when
    the expression's group ``down`` takes part in the match (下降, 减少, 压缩 …), the record's
    value is negative.
    """

    kind: Literal["change_cue"] = "change_cue"
    regex: RegexStr
    units: list[str] = Field(default_factory=list)
