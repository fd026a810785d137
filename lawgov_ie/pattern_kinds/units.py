"""``unit``: measure words (量词) and what kind of quantity they make."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import register
from .base import PatternBase


@register("unit")
class UnitPattern(PatternBase):
    """A measure word as written after a number (起, 人次, 万元 …).

    ``unit`` is what the text says; ``canonical`` the unit reported (元 for 万元) and ``scale``
    the factor folded into the value (10000 for 万元).
    """

    kind: Literal["unit"] = "unit"
    unit: str = Field(min_length=1)
    unit_kind: Literal["count", "rate", "money", "measure"] = "count"
    canonical: str | None = None
    scale: float = 1.0
