"""Pattern kinds: one pydantic model per kind of line a pattern file may hold.

Each module here describes the kinds one component reads. :data:`KINDS` maps the ``kind`` field
of a pattern line to its model; :func:`register` adds a model to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from lawgov_ie.rules.base import PatternBase, RegexStr

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


# Import the kind modules so that they register themselves: one module per pattern file, kept in
# the folder of the step that reads it (patterns/units.jsonl ↔ steps/quantities/units_patterns.py).
from lawgov_ie.steps.entities import entities_patterns  # noqa: E402
from lawgov_ie.steps.indicators import indicators_patterns  # noqa: E402
from lawgov_ie.steps.labels import labels_patterns  # noqa: E402
from lawgov_ie.steps.quantities import filters_patterns, units_patterns  # noqa: E402
from lawgov_ie.steps.relations import relations_patterns  # noqa: E402
from lawgov_ie.steps.sections import sections_patterns  # noqa: E402
from lawgov_ie.text import terms_patterns  # noqa: E402

__all__ = ["KINDS", "PatternBase", "RegexStr", "entities_patterns", "filters_patterns",
           "indicators_patterns", "labels_patterns", "register", "relations_patterns",
           "sections_patterns", "terms_patterns", "units_patterns"]
