"""Dates as reports write them, and the one rule for a report's signature date.

A report is signed with a line that holds nothing but a date: ``2024年1月31日`` or, in
Chinese numerals, ``二〇二四年一月三十一日``. The section reader ends the body there, the document
facts read the date and the bodies above it, and the corpus reader closes a report with it: all
three use :data:`SIGNATURE_DATE` (numerals are read by :mod:`lawgov_ie.text.numbers`).
"""

from __future__ import annotations

import regex

from lawgov_ie.text.numbers import read_chinese

YEAR = r"(?:19|20)[0-9]{2}"
_CN_DIGIT = "〇零一二三四五六七八九"
# 2024年1月31日 / 二〇二四年一月三十一日, spaces allowed between the parts.
DATE = (r"(?P<year>" + YEAR + r"|[" + _CN_DIGIT + r"]{4})\s*年\s*"
        r"(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
        r"(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_EDGE = r"[ \t\u3000]*"
SIGNATURE_DATE = regex.compile(r"^" + _EDGE + DATE + _EDGE + r"$", regex.MULTILINE)
"""A line that is only a date: the signature date under a report."""
# A date in a web page's field: 2024-01-31, 2024/1/31, 2024.01.31, 2024年1月31日.
FIELD_DATE = (r"(?P<year>" + YEAR + r")\s*[-/.年]\s*(?P<month>[0-9]{1,2})\s*[-/.月]\s*"
              r"(?P<day>[0-9]{1,2})")


def _number(text: str) -> int:
    return int(text) if text.isascii() else int(read_chinese(text))


def iso_date(match: regex.Match[str]) -> str | None:
    """The ISO date of a match of :data:`DATE`, :data:`SIGNATURE_DATE` or :data:`FIELD_DATE`
    (groups ``year``, ``month``, ``day``), or ``None`` when it is no calendar day."""
    try:
        year, month, day = (_number(match.group(g)) for g in ("year", "month", "day"))
    except ValueError:
        return None
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def signature_date(text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
    """The first signature-date line in ``text[start:end]``."""
    return SIGNATURE_DATE.search(text, start, len(text) if end is None else end)
