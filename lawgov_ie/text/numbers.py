"""Read numbers written in report text (pure Python, no spaCy).

Arabic digits (half- and full-width, decimals, thousands separators), Chinese numerals
(十二, 一千一百, 两万, 一百零五, 二〇二三), magnitudes folded into the value (1.2万 → 12000,
两万 → 20000, 3亿 → 300000000), percentages in every spelling (95%, 95％, 百分之九十五, 百分之百),
ranks (第三, 前十) and changes (同比增长15%, 比上年减少3件, 下降2.1个百分点).

Values are computed with :class:`decimal.Decimal` and returned as ``float``, so that
``738.215万`` is exactly ``7382150.0``.

The regular-expression fragments :data:`ARABIC`, :data:`CHINESE` and :data:`MAGNITUDE` are what
:mod:`lawgov_ie.steps.quantities.reader` builds its scanner from, so that what the scanner finds
is what
these functions read.

>>> read_number("1,234.5")
1234.5
>>> read_number("１２")
12.0
>>> read_number("一千一百")
1100.0
>>> read_number("1.2万")
12000.0
>>> read_percent("百分之九十五")
95.0
>>> read_rank("全市第三")
(3.0, 'exact')
>>> read_change("同比下降2.1个百分点")
Change(value=2.1, unit='个百分点', direction=-1)
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import regex

__all__ = [
    "ARABIC",
    "CHINESE",
    "CHINESE_DIGITS",
    "MAGNITUDE",
    "Change",
    "fold_magnitude",
    "read_arabic",
    "read_change",
    "read_chinese",
    "read_number",
    "read_percent",
    "read_rank",
]

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")

#: Chinese digits; 〇/零 stand for zero, 两 and 俩 for two (两万, 两名); traditional script
#: (兩, 貳, 參, 陸) and the financial forms (壹, 贰, 叁 …) read as the everyday ones.
CHINESE_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2,
    "倆": 2, "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_DIGIT_CLASS = "〇零一二两兩三四五六七八九"
#: An Arabic number: digits (either width), thousands separators (an ASCII comma; the full-width
#: ，is clause punctuation in Chinese text) in groups of three, a decimal part. The group repeat
#: is possessive and holds only the fixed ``{3}``: nothing can backtrack badly. Longer digit runs
#: (identifiers, codes) are not numbers.
ARABIC = (r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3}){1,4}+|[0-9０-９]{1,13}+)"
          r"(?:[.．][0-9０-９]{1,8}+)?")
#: A Chinese numeral that starts with a digit or 十 (so 万人, 千家万户, 百姓 are not numbers), never
#: in the middle of another numeral, at most 16 characters long (九千九百九十九万九千九百九十九).
CHINESE = (f"(?<![{_DIGIT_CLASS}十百千万亿萬億])[{_DIGIT_CLASS}十]"
           f"[{_DIGIT_CLASS}十百千万亿萬億]{{0,15}}")
#: Magnitude words written after an Arabic number (1.2万, 3亿, 2万亿; traditional 萬, 億).
MAGNITUDE = "万亿|萬億|万|萬|亿|億"

_ARABIC_RE = regex.compile(f"{ARABIC}")
_CHINESE_RE = regex.compile(f"[{_DIGIT_CLASS}十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億倆]+")


def _decimal_arabic(text: str) -> Decimal:
    plain = text.translate(_FULLWIDTH)
    if "," in plain:
        whole, _, fraction = plain.partition(".")
        groups = whole.split(",")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise ValueError(f"misplaced thousands separator in {text!r}")
        plain = "".join(groups) + ("." + fraction if fraction else "")
    try:
        value = Decimal(plain)
    except InvalidOperation:
        raise ValueError(f"not an Arabic number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not an Arabic number: {text!r}")
    return value


def read_arabic(text: str) -> float:
    """An Arabic number, full-width digits and thousands separators allowed.

    >>> read_arabic("1,234")
    1234.0
    """
    if text.isascii() and text.isdigit():
        return float(text)  # the common case, fast
    if not _ARABIC_RE.fullmatch(text):
        raise ValueError(f"not an Arabic number: {text!r}")
    return float(_decimal_arabic(text))


def _section(text: str, whole: str) -> int:
    """A numeral below 一万: digits with 十/百/千 (一千一百, 一百零五, 十二, 三千二)."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for char in text:
        if char in CHINESE_DIGITS:
            if digit is not None and digit != 0 and CHINESE_DIGITS[char] != 0:
                raise ValueError(f"two digits in a row in Chinese numeral {whole!r}")
            digit = CHINESE_DIGITS[char]
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if unit >= last_unit:
                raise ValueError(f"place words out of order in Chinese numeral {whole!r}")
            if digit is None:
                if total or not whole.startswith(text):
                    raise ValueError(f"place word without a digit in Chinese numeral {whole!r}")
                digit = 1  # 十二 = 12, 百余 = 100+

            total += digit * unit
            digit = None
            last_unit = unit
        else:  # pragma: no cover - callers split on big units first
            raise ValueError(f"not a Chinese numeral: {whole!r}")
    if digit is not None:
        if digit and last_unit < 10_000 and last_unit >= 100 and text[-2:-1] not in CHINESE_DIGITS:
            # 三千二 (= 3200): a bare digit right after a place word counts one place lower
            total += digit * (last_unit // 10)
        else:
            total += digit
    return total


def _positional(text: str) -> int | None:
    """二〇二三 / 一九 written digit by digit (no place words), or None."""
    if len(text) > 1 and all(c in CHINESE_DIGITS for c in text):
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    return None


def read_chinese(text: str) -> float:
    """A Chinese numeral: 十二, 一千一百, 两万, 一百零五, 三千二, 二〇二三, 一亿二千万.

    >>> read_chinese("两万")
    20000.0
    """
    if not text or not _CHINESE_RE.fullmatch(text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    positional = _positional(text)
    if positional is not None:
        return float(positional)
    total = 0
    lower = 1
    rest = text
    for big_char, big in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000),
                          ("萬", 10_000)):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            if big_char in rest:
                raise ValueError(f"{big_char} twice in Chinese numeral {text!r}")
            if not head:
                if total or not text.startswith(big_char):
                    raise ValueError(f"{big_char} without a number before it in {text!r}")
                head = "一"  # 万余人 = 10000+
            total += _section(head, text) * big if big == 10_000 else _big(head, text) * big
            lower = big
    if rest:
        if total and len(rest) == 1 and rest in CHINESE_DIGITS:
            total += CHINESE_DIGITS[rest] * lower // 10  # 一万二 = 12000, 三亿五 = 350000000
        else:
            total += _section(rest, text)
    return float(total)


def _big(head: str, whole: str) -> int:
    """The part before 亿, which may itself hold 万 (一万二千亿)."""
    if "万" in head or "萬" in head:
        return int(read_chinese(head))
    return _section(head, whole)


def fold_magnitude(value: str | float | Decimal, magnitude: str) -> float:
    """``value`` times the magnitude word (万, 亿, 万亿), computed exactly.

    >>> fold_magnitude("738.215", "万")
    7382150.0
    """
    number = _decimal_arabic(value) if isinstance(value, str) else Decimal(str(value))
    factor = 1
    for char in magnitude:
        if char not in _BIG_UNITS:
            raise ValueError(f"not a magnitude word: {magnitude!r}")
        factor *= _BIG_UNITS[char]
    return float(number * factor)


_ARABIC_WITH_MAGNITUDE = regex.compile(f"(?P<number>{ARABIC})(?P<magnitude>{MAGNITUDE})?")


def read_number(text: str) -> float:
    """Any number the reader understands: Arabic (with 万/亿 after it) or Chinese.

    >>> read_number("两万")
    20000.0
    >>> read_number("3亿")
    300000000.0
    """
    if not isinstance(text, str):
        raise TypeError(f"read_number expects str, not {type(text).__name__}")
    stripped = text.strip()
    match = _ARABIC_WITH_MAGNITUDE.fullmatch(stripped)
    if match:
        magnitude = match.group("magnitude")
        if magnitude:
            return fold_magnitude(match.group("number"), magnitude)
        return read_arabic(match.group("number"))
    return read_chinese(stripped)


def read_percent(text: str) -> float:
    """A percentage in any spelling: 95%, 95％, 百分之九十五, 百分之百, 百分之9.5.

    >>> read_percent("95％")
    95.0
    >>> read_percent("百分之百")
    100.0
    """
    stripped = text.strip()
    if stripped.startswith("百分之"):
        rest = stripped[3:]
        if rest == "百":
            return 100.0
        return read_number(rest)
    if stripped.endswith(("%", "％")):
        return read_number(stripped[:-1].strip())
    raise ValueError(f"not a percentage: {text!r}")


_RANK = regex.compile(
    rf"(?P<where>[^第前]*)(?P<mark>第|前)\s*(?P<number>{ARABIC}|{CHINESE})\s*(?P<unit>名|位)?")


def read_rank(text: str) -> tuple[float, str]:
    """A ranking: (position, qualifier). 第三 is exactly 3; 前十 is within the first ten.

    >>> read_rank("前十")
    (10.0, 'less_than')
    """
    match = _RANK.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a ranking: {text!r}")
    qualifier = "less_than" if match.group("mark") == "前" else "exact"
    return read_number(match.group("number")), qualifier


class Change(NamedTuple):
    """A change against an earlier period: its size, unit and direction (+1 up, -1 down)."""

    value: float
    unit: str
    direction: int


_UP = "增长|增加|上升|提高|提升|增多|增幅|多"
_DOWN = "下降|减少|降低|下滑|回落|压缩|压减|缩短|缩减|减幅|降幅|少"
_CHANGE = regex.compile(
    rf"(?P<before>.*?)(?:(?P<up>{_UP})|(?P<down>{_DOWN}))了?\s*"
    rf"(?P<number>{ARABIC}|{CHINESE})(?P<magnitude>{MAGNITUDE})?\s*(?:余|多)?\s*(?P<unit>.*)")


def read_change(text: str) -> Change:
    """A change phrase: 同比增长15% → (15, %, +1); 比上年减少3件 → (3, 件, -1).

    Decreases are 下降/减少/降低/下滑/回落/压缩/缩短 (and 减幅/降幅/少); the signed value a
    ``change`` record carries is ``value * direction``.

    >>> read_change("同比增长15%")
    Change(value=15.0, unit='%', direction=1)
    """
    match = _CHANGE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a change: {text!r}")
    number = match.group("number") + (match.group("magnitude") or "")
    unit = match.group("unit").strip()
    if unit == "％":
        unit = "%"
    if not unit:
        raise ValueError(f"a change without a unit: {text!r}")
    return Change(read_number(number), unit, 1 if match.group("up") else -1)
