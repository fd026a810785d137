"""``table``: an aligned block of text per document, for reading on a terminal."""

from __future__ import annotations

import unicodedata
from typing import Literal, TextIO

from lawgov_ie.io.writers import format_value, register
from lawgov_ie.models import Report


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide (CJK, full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int, align: Literal["<", ">"] = "<") -> str:
    """``text`` cut (with …) or padded to ``width`` terminal columns."""
    text = " ".join(text.split())
    if display_width(text) > width:
        kept = ""
        for ch in text:
            if display_width(kept + ch) > width - 1:
                break
            kept += ch
        text = kept + "…"
    pad = " " * (width - display_width(text))
    return pad + text if align == ">" else text + pad


_TABLE = (  # (heading, width, align)
    ("text", 14, "<"), ("value", 12, ">"), ("unit", 4, "<"), ("kind", 6, "<"),
    ("label", 28, "<"), ("indicator", 24, "<"), ("section_kind", 12, "<"),
)


@register("table", "an aligned table per document, for reading")
class TableWriter:
    """A block per document: a title line, then one aligned line per record."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc_id: str, report: Report) -> None:
        meta = report.meta
        records = report.records
        self.stream.write(f"\n== {doc_id}  {meta.place or '?'}  {meta.year or '?'}"
                          f"  ({len(records)} record{'' if len(records) == 1 else 's'})"
                          f"  {meta.source or ''}\n")
        if not records:
            return
        self.stream.write(self._line([h for h, _, _ in _TABLE]) + "\n")
        for r in records:
            checks = " !" + ",".join(c.code for c in r.checks) if r.checks else ""
            cells = [r.text, format_value(r.value), r.unit, r.kind, r.label, r.indicator or "-",
                     r.section_kind]
            self.stream.write(self._line(cells) + checks + "\n")

    @staticmethod
    def _line(cells: list[str]) -> str:
        parts = [fit(cell, width, align)  # type: ignore[arg-type]
                 for cell, (_, width, align) in zip(cells, _TABLE, strict=True)]
        return "  " + "  ".join(parts).rstrip()

    def close(self) -> None:
        self.stream.flush()
