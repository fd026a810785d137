"""Read report files in whatever encoding they were saved: UTF-8 (with or without BOM),
UTF-16 (with BOM, or without one, little- or big-endian) and GB18030/GBK.

How the encoding is found:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. bytes that are valid UTF-8 and look like text are UTF-8 (valid UTF-8 is rarely an accident);
3. otherwise UTF-16 LE, UTF-16 BE and GB18030 are each tried, and the one whose characters look
   most like a Chinese report (CJK ideographs, ASCII, CJK and full-width punctuation) wins — a
   wrong guess turns into control characters, Hangul, private-use or rare code points.

Bytes that none of these turns into text (NUL bytes, control characters) are not a text file,
and :class:`~lawgov_ie.errors.InputError` says so, naming the file.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import regex

from lawgov_ie.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls except tab, line feed, form feed, carriage return; DEL and the C1 controls.
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Characters a Chinese report is made of. Anything else counts against a guessed encoding.
_UNLIKELY = regex.compile(
    r"[^\t\n\f\r\x20-\x7e\u00a0-\u00ff\u0370-\u04ff\u2000-\u2bff\u3000-\u303f"
    r"\u3040-\u30ff\u3200-\u33ff\u4e00-\u9fff\ufe30-\ufe4f\uff00-\uffef]")
_LIKELY_ENOUGH = 0.9  # share of likely characters a guessed (not BOM, not UTF-8) encoding needs
_SAMPLE = 200_000  # characters looked at when judging a decoding


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return "\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) * 0.01


def likely_share(text: str) -> float:
    """Share of the characters (of a sample) that are usual in a Chinese report."""
    sample = text[:_SAMPLE]
    if not sample:
        return 1.0
    return 1.0 - len(_UNLIKELY.findall(sample)) / len(sample)


def _decode_bom(data: bytes, name: str) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: has a {encoding.upper()} byte-order mark but is not "
                                 f"valid {encoding.upper()} ({error.reason} at byte "
                                 f"{error.start})") from None
            if encoding == "utf-8-sig":
                return text, encoding
            label = "utf-16" if encoding == "utf-16" else "utf-32"
            endian = "le" if bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE) else "be"
            return text, f"{label}-{endian}"
    return None


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) for the bytes of a text file; :class:`InputError` when it is not text.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``,
    ``utf-32-le``, ``utf-32-be``, ``gb18030`` (which reads GBK and GB2312 too).
    Empty bytes are the empty text in UTF-8.
    """
    found = _decode_bom(data, name)
    if found is not None:
        return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_binary(text):
            return text, "utf-8"
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be", "gb18030"):
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            continue
        share = likely_share(text)
        if best is None or share > best[0]:
            best = (share, text, encoding)
    if best is not None and best[0] >= _LIKELY_ENOUGH:
        return best[1], best[2]
    if b"\x00" in data[:_SAMPLE]:
        reason = "binary data (NUL bytes), not a text file"
    else:
        reason = "not text in UTF-8, UTF-16 or GB18030/GBK (binary data or another encoding)"
    raise InputError(f"{name}: {reason}")


def read_text(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a report file; :class:`InputError` naming the file and the reason."""
    path = Path(path)
    try:
        data = _read_regular(path)
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    return decode(data, str(path))


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file; :class:`InputError` for anything else.

    It is opened without waiting (a FIFO with no writer would block the run for ever) and
    checked on the open descriptor, so a file swapped for a FIFO in between is caught too."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise InputError(f"{path}: is {what}, not a regular file; skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)
