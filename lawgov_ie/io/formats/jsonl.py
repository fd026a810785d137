"""``jsonl``: one :class:`~lawgov_ie.models.Report` a line, as ``Report.model_dump_json()``."""

from __future__ import annotations

from typing import TextIO

from lawgov_ie.io.writers import register
from lawgov_ie.models import Report


@register("jsonl", "one report a line (default)", resumable=True)
class JsonlWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc_id: str, report: Report) -> None:
        self.stream.write(report.model_dump_json() + "\n")

    def close(self) -> None:
        self.stream.flush()
