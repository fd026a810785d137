"""lawgov-ie: typed, checkable data from Chinese rule-of-law government reports.

>>> import lawgov_ie
>>> report = lawgov_ie.extract("全年调处矛盾纠纷444起，成功率100%。", segmenter="char")
>>> [(r.value, r.unit) for r in report.records]
[(444.0, '起'), (100.0, '%')]
"""

from __future__ import annotations

from typing import Any

from lawgov_ie.api import extract, extract_many
from lawgov_ie.errors import InputError, LawgovError, ModelNotFoundError, PatternError
from lawgov_ie.models import Check, DocumentMeta, Entity, Record, Report, Section
from lawgov_ie.pipeline import load
from lawgov_ie.version import __version__

__all__ = [
    "Check",
    "DocumentMeta",
    "Entity",
    "InputError",
    "LawgovError",
    "ModelNotFoundError",
    "PatternError",
    "Record",
    "Report",
    "Section",
    "__version__",
    "extract",
    "extract_many",
    "load",
    "panel",
]


def __getattr__(name: str) -> Any:
    """``lawgov_ie.panel`` is imported on first use: it needs pandas (the ``data`` extra),
    which ``import lawgov_ie`` does not."""
    if name == "panel":
        from lawgov_ie.dataset.panel import panel

        return panel
    raise AttributeError(f"module 'lawgov_ie' has no attribute {name!r}")
