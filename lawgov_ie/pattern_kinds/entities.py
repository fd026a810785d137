"""``entity``: phrases, regexes and token patterns for the entity ruler."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from . import register
from .base import PatternBase, RegexStr


@register("entity")
class EntityPattern(PatternBase):
    """One entity rule with exactly one of ``phrase``, ``regex`` or ``tokens`` (spaCy Matcher)."""

    kind: Literal["entity"] = "entity"
    label: str = Field(min_length=1, description="ORG, PERSON, GPE, LAW, DATE, DOC_NO …")
    phrase: str | None = None
    regex: RegexStr | None = None
    tokens: list[dict[str, Any]] | None = None

    @model_validator(mode="after")
    def _one_form(self) -> EntityPattern:
        given = [name for name in ("phrase", "regex", "tokens") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'phrase', 'regex' or 'tokens'")
        return self
