"""Kinds for the entity ruler: ``entity`` rules; ``entity_trim`` words that never begin a name."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr


@register("entity")
class EntityPattern(PatternBase):
    """One entity rule with exactly one of ``phrase``, ``regex`` or ``tokens`` (spaCy Matcher).

    ``phrase`` is matched on the characters, whatever the word segmentation; ``regex`` too (the
    ``regex`` module, ``\\p{Han}`` allowed); ``tokens`` is a spaCy Matcher pattern over the words
    (its ``REGEX`` values use Python's ``re``: write ``[\\u4e00-\\u9fff]`` for a Han character).

    A ``regex`` that begins with an open run of characters (``[\\p{Han}]{2,6}?县司法局``) is
    tried at every character of the text, which is slow. Give it an ``anchor``: a regex that
    every match contains (``司法局|公安局``). The rule is then tried only from ``before``
    characters before each anchor hit to ``after`` characters after it. A match that touches
    a window's edge widens the window, so for the match itself ``before`` and ``after`` are
    rough guesses; a lookahead after the match must fit within ``after``.
    """

    kind: Literal["entity"] = "entity"
    label: str = Field(min_length=1, description="ORG, PERSON, GPE, LAW, DATE, DOC_NO …")
    phrase: str | None = None
    regex: RegexStr | None = None
    tokens: list[dict[str, Any]] | None = None
    anchor: RegexStr | None = Field(default=None, description="with regex: a regex every match "
                                    "contains; the rule is tried only around its hits (fast)")
    before: int = Field(default=30, ge=0, description="with anchor: how far before an anchor "
                        "hit a match may start")
    after: int = Field(default=16, ge=0, description="with anchor: how far after an anchor hit "
                       "a match (and its lookahead) may reach")

    @model_validator(mode="after")
    def _one_form(self) -> EntityPattern:
        given = [name for name in ("phrase", "regex", "tokens") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'phrase', 'regex' or 'tokens'")
        if self.anchor is not None and self.regex is None:
            raise ValueError("'anchor' only goes with 'regex'")
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
