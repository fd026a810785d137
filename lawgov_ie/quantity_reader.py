"""Find quantities in text: number + optional qualifiers + measure word (pure Python, no spaCy).

The measure words come from ``unit`` patterns. A :class:`QuantityReader` is built once per pattern
set and then only scans text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .numbers import read_arabic
from .pattern_files import PatternSet
from .pattern_kinds.units import UnitPattern


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    qualifier: str
    implicit: bool = False


class QuantityReader:
    def __init__(self, units: Sequence[UnitPattern]) -> None:
        self.units = {u.unit: u for u in units}
        alternatives = "|".join(regex.escape(u) for u in sorted(self.units, key=len, reverse=True))
        self.pattern = regex.compile(
            r"(?<![0-9０-９.．])(?P<number>[0-9０-９]+(?:[.．][0-9０-９]+)?)"
            r"[ \t\u3000]*(?P<unit>%|％|" + alternatives + ")"
        )

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> QuantityReader:
        return cls(patterns.of("unit", UnitPattern))

    def read(self, text: str) -> list[Quantity]:
        found = []
        for match in self.pattern.finditer(text):
            written = match.group("unit")
            value = read_arabic(match.group("number"))
            if written in ("%", "％"):
                unit, kind = "%", "rate"
            else:
                pattern = self.units[written]
                unit = pattern.canonical or pattern.unit
                kind = pattern.unit_kind
                value *= pattern.scale
            found.append(Quantity(match.start(), match.end(), match.group(), value, unit, kind,
                                  "exact"))
        return found
