"""Kinds for the entity ruler: ``entity`` rules; ``entity_trim`` words that never begin a name."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from . import register
from .base import PatternBase, RegexStr


@register("entity")
class EntityPattern(PatternBase):
    """One entity rule with exactly one of ``phrase``, ``regex`` or ``tokens`` (spaCy Matcher).

    ``phrase`` is matched on the characters, whatever the word segmentation; ``regex`` too (the
    ``regex`` module, ``\\p{Han}`` allowed); ``tokens`` is a spaCy Matcher pattern over the words
    (its ``REGEX`` values use Python's ``re``: write ``[\\u4e00-\\u9fff]`` for a Han character).
    """

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


@register("entity_trim")
class EntityTrimPattern(PatternBase):
    """Words that never begin a name of the given labels (verbs, prepositions, pronouns).

    Chinese has no spaces, so a regex for an open class (X律师事务所, X县司法局) may start a few
    characters early: 聘请福建铭群律师事务所, 加强与县城管局. A ``regex`` match of one of
    ``labels`` is cut right after the last of these words inside it that leaves a match of the
    same regex (福建铭群律师事务所, 县城管局).
    """

    kind: Literal["entity_trim"] = "entity_trim"
    labels: list[str] = Field(min_length=1)
    words: list[str] = Field(min_length=1)
