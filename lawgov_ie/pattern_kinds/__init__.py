"""Pattern kinds: one pydantic model per kind of line a pattern file may hold.

Each module here describes the kinds one component reads. :data:`KINDS` maps the ``kind`` field
of a pattern line to its model; :func:`register` adds a model to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .base import PatternBase, RegexStr

KINDS: dict[str, type[PatternBase]] = {}

P = TypeVar("P", bound=type[PatternBase])


def register(kind: str) -> Callable[[P], P]:
    """Class decorator: make ``kind`` lines in pattern files validate against this model."""

    def decorate(model: P) -> P:
        if kind in KINDS:
            raise ValueError(f"pattern kind {kind!r} is registered twice")
        model.kind_name = kind
        KINDS[kind] = model
        return model

    return decorate


# Import the kind modules so that they register themselves.
# numeric_cues: label, breakdown, rate and period cue words.
from . import entities, filters, indicators, numeric_cues, sections, terms, units  # noqa: E402

__all__ = ["KINDS", "PatternBase", "RegexStr", "entities", "filters", "indicators",
           "numeric_cues", "register", "sections", "terms", "units"]
