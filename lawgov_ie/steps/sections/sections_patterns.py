"""Kinds for headings: how a heading looks (level) and what kind of section it opens."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr


@register("heading")
class HeadingPattern(PatternBase):
    """A heading style: a regex for the marker at the start of a line, and its level.

    ``inline`` headings (一是, 二是 …) may also open a sentence inside a paragraph; their
    section then ends with the paragraph at the latest.
    """

    kind: Literal["heading"] = "heading"
    regex: RegexStr
    level: int = Field(ge=1, le=9)
    inline: bool = False


@register("section_kind")
class SectionKindPattern(PatternBase):
    """Words in a heading that make its section an achievement, problem, plan or duties part."""

    kind: Literal["section_kind"] = "section_kind"
    section_kind: Literal["achievement", "problem", "plan", "duties", "other"]
    words: list[str] = Field(min_length=1)
