"""The base of every pattern kind, and field types shared by several kinds."""

from __future__ import annotations

from typing import Annotated, ClassVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class PatternBase(BaseModel):
    """One line of a pattern file. ``kind`` picks the model; ``id`` is unique within a kind.

    A user file overrides a bundled pattern by giving the same kind and id, and switches one off
    with ``{"kind": ..., "id": ..., "disabled": true}``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind_name: ClassVar[str] = ""

    kind: str
    id: str = Field(min_length=1)
    disabled: bool = False
    note: str | None = Field(default=None, description="Free text for people editing the file.")


def _check_regex(pattern: str) -> str:
    try:
        regex.compile(pattern)
    except regex.error as error:
        raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None
    return pattern


RegexStr = Annotated[str, AfterValidator(_check_regex)]
"""A regular expression (``regex`` module syntax), compiled once at load to check it."""
