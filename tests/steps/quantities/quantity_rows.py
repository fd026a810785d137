"""What the quantity tests compare: one row per quantity read (offsets checked on the way)."""

from __future__ import annotations

from lawgov_ie.steps.quantities.reader import QuantityReader

Row = tuple[str, float, str, str, str]


def rows(reader: QuantityReader, text: str) -> list[Row]:
    """(text, value, unit, kind, qualifier) of every explicit quantity of ``text``."""
    found = reader.read(text)
    for q in found:
        assert text[q.start:q.end] == q.text
    return [(q.text, q.value, q.unit, q.kind, q.qualifier) for q in found if not q.implicit]
