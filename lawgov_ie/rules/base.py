"""The base of every pattern kind, and field types shared by several kinds."""

from __future__ import annotations

from typing import Annotated, ClassVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from lawgov_ie.rules.backtracking import find_runaway


class PatternBase(BaseModel):
    """One line of a pattern file. ``kind`` picks the model; ``id`` is unique within a kind.

    A user file overrides a bundled pattern by giving the same kind and id, and switches one off
    with ``{"kind": ..., "id": ..., "disabled": true}``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind_name: ClassVar[str] = ""

    kind: str
    id: str = Field(min_length=1, description="Unique within its kind. A later file that gives "
                    "the same kind and id replaces this pattern.")
    disabled: bool = Field(default=False, description="true: switch off the pattern of this kind "
                           "and id that an earlier file defines.")
    note: str | None = Field(default=None, description="Free text for people editing the file.")


MAX_GROUP_DEPTH = 30
"""How deep the groups of one regular expression may nest."""


def _group_depth(pattern: str) -> int:
    depth = deepest = 0
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
    return deepest


def _check_regex(pattern: str) -> str:
    """Compile the expression, and refuse one that could backtrack without end."""
    depth = _group_depth(pattern)
    if depth > MAX_GROUP_DEPTH:
        raise ValueError(f"regular expression nests its groups {depth} levels deep; "
                         f"at most {MAX_GROUP_DEPTH} are allowed")
    try:
        regex.compile(pattern)
    except RecursionError:
        raise ValueError("regular expression nests too deeply to be read") from None
    except regex.error as error:
        where = f" at column {error.pos + 1}" if error.pos is not None else ""
        raise ValueError(f"invalid regular expression '{pattern}': {error.msg}{where}") from None
    runaway = find_runaway(pattern)
    if runaway is not None:
        raise ValueError(f"regular expression '{pattern}' could backtrack without end: {runaway}")
    return pattern


RegexStr = Annotated[str, AfterValidator(_check_regex),
                     WithJsonSchema({"type": "string", "format": "regex"})]
"""A regular expression (``regex`` module syntax), compiled once at load to check it, and
scanned for nested or overlapping repeats that could make matching run without end."""


def regex_escape(word: str) -> str:
    return str(regex.escape(word))


class WordsPattern(PatternBase):
    words: list[str] = Field(default_factory=list, description="Literal words.")
    regex: list[RegexStr] = Field(default_factory=list, description="Regular expressions.")

    @model_validator(mode="after")
    def _some_words(self) -> WordsPattern:
        if not self.words and not self.regex:
            raise ValueError("give at least one of 'words' or 'regex'")
        return self

    def alternatives(self) -> list[str]:
        """The words (escaped) and expressions, as regex alternatives."""
        return [*(regex_escape(w) for w in self.words), *self.regex]
