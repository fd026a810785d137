"""``indicator``: canonical indicator ids and the labels, units and context that trigger them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr


@register("indicator")
class IndicatorPattern(PatternBase):
    """One way a record becomes an indicator of the taxonomy.

    The record's label must match a trigger and no exclude; its unit must be one of ``units``
    (an implicit zero, unit "", passes when "" is listed); its kind one of ``kinds``; when
    ``clause`` or ``sentence`` is given, one of them must match the clause or the sentence around
    the number. Among the lines that fit, the highest ``priority`` wins; a section title that
    matches ``sections`` adds a bonus. ``indicator`` names the id assigned when several lines
    give the same indicator (their ``id`` must differ); it defaults to ``id``.
    """

    kind: Literal["indicator"] = "indicator"
    indicator: str | None = Field(default=None, description="Id assigned; defaults to id.")
    name: str = Field(description="Chinese name, e.g. 矛盾纠纷调解")
    units: list[str] = Field(default_factory=list, description="Units it accepts; empty: any.")
    kinds: list[str] = Field(default_factory=list, description="Record kinds; empty: any.")
    triggers: list[RegexStr] = Field(min_length=1, description="Regexes matched against the label.")
    excludes: list[RegexStr] = Field(default_factory=list, description="Label regexes that veto.")
    clause: list[RegexStr] = Field(default_factory=list,
                                   description="One must match the clause around the number.")
    sentence: list[RegexStr] = Field(default_factory=list,
                                     description="One must match the sentence around the number.")
    sections: list[RegexStr] = Field(default_factory=list, description="Section titles it favours.")
    priority: int = 0

    @property
    def assigns(self) -> str:
        return self.indicator or self.id
