"""Read numbers written in report text: Arabic, full-width and Chinese numerals (pure Python).

>>> read_number("1,234.5")
1234.5
>>> read_number("１２")
12.0
"""

from __future__ import annotations

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def read_arabic(text: str) -> float:
    """An Arabic number, full-width digits and thousands separators allowed."""
    return float(text.translate(_FULLWIDTH).replace(",", ""))


def read_number(text: str) -> float:
    """Any number the reader understands; ValueError otherwise."""
    return read_arabic(text)
