"""Read report files in whatever encoding they were saved: UTF-8 (with or without BOM),
UTF-16 (with BOM, or without one when the NUL pattern shows it) and GB18030/GBK."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    return "\x00" in sample or controls > len(sample) * 0.01


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) for the bytes of a text file; :class:`InputError` when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: has a {encoding} byte-order mark but is not valid "
                                 f"{encoding} ({error.reason} at byte {error.start})") from None
    candidates = ["utf-8"]
    utf16 = _utf16_without_bom(data)
    if utf16:
        candidates.insert(0, utf16)
    candidates.append("gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            continue
        return text, encoding
    raise InputError(f"{name}: not a text file in UTF-8, UTF-16 or GB18030/GBK"
                     " (binary data or an unknown encoding)")


def read_text(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a report file; :class:`InputError` naming the file and the reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    return decode(data, str(path))
