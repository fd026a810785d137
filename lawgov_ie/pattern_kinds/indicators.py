"""``indicator``: canonical indicator ids and the phrases that trigger them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import register
from .base import PatternBase, RegexStr


@register("indicator")
class IndicatorPattern(PatternBase):
    """An indicator of the taxonomy: which labels, units and sections make a record this one."""

    kind: Literal["indicator"] = "indicator"
    name: str = Field(description="Chinese name, e.g. 矛盾纠纷调解")
    units: list[str] = Field(default_factory=list, description="Units it accepts; empty: any.")
    triggers: list[RegexStr] = Field(description="Regexes matched against the label and context.")
    excludes: list[RegexStr] = Field(default_factory=list)
    sections: list[RegexStr] = Field(default_factory=list, description="Section titles it favours.")
    priority: int = 0
