"""Number reading (lawgov_ie.text.numbers): property tests against cn2an and Python's own
formatting, and tables for the spellings the annotation guideline names."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_ie.text.numbers import (
    Change,
    fold_magnitude,
    read_arabic,
    read_change,
    read_chinese,
    read_number,
    read_percent,
    read_rank,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import cn2an

_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")  # the comma stays ASCII

counts = st.integers(min_value=0, max_value=10**12)


# -- properties ------------------------------------------------------------------------------

@given(counts)
def test_chinese_numerals_read_as_cn2an_writes_them(n: int) -> None:
    assert read_chinese(cn2an.an2cn(n)) == n
    assert read_number(cn2an.an2cn(n)) == n


@given(counts)
def test_liang_reads_as_er_before_a_place_word(n: int) -> None:
    written = cn2an.an2cn(n)
    spoken = written.replace("二万", "两万").replace("二千", "两千").replace("二百", "两百")
    assert read_chinese(spoken) == n


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9))
def test_colloquial_tail_after_wan_agrees_with_cn2an(head: int, tail: int) -> None:
    written = cn2an.an2cn(head) + "万" + cn2an.an2cn(tail)  # 一万二 = 12000
    assert read_chinese(written) == cn2an.cn2an(written, "smart")


@given(counts)
def test_arabic_with_separators_and_full_width(n: int) -> None:
    assert read_number(str(n)) == n
    assert read_number(f"{n:,}") == n
    assert read_number(str(n).translate(_FULLWIDTH)) == n
    assert read_number(f"{n:,}".translate(_FULLWIDTH)) == n


@given(st.decimals(min_value=0, max_value=10**8, places=4, allow_nan=False,
                   allow_infinity=False))
def test_magnitudes_fold_exactly(value: Decimal) -> None:
    text = format(value, "f")
    assert read_number(text + "万") == float(value * 10_000)
    assert read_number(text + "亿") == float(value * 100_000_000)
    assert fold_magnitude(text, "万") == float(value * 10_000)


@given(st.integers(min_value=0, max_value=100))
def test_percent_spellings_agree(n: int) -> None:
    chinese = "百分之" + cn2an.an2cn(n)
    assert read_percent(f"{n}%") == read_percent(f"{n}％") == read_percent(chinese) == n
    assert cn2an.transform(chinese, "cn2an") == f"{n}%"


# -- tables ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("十二", 12), ("一千一百", 1100), ("两万", 20000), ("三千二百", 3200), ("三千二", 3200),
    ("一百零五", 105), ("一万二", 12000), ("一万零二", 10002), ("十万八千", 108000),
    ("两万零五百", 20500), ("一亿二千万", 120_000_000), ("二〇二三", 2023), ("零", 0),
    ("百", 100), ("千", 1000), ("万", 10000), ("壹佰贰拾", 120),
    # traditional script
    ("兩萬", 20000), ("三萬五千", 35000), ("一億二千萬", 120_000_000), ("參拾", 30),
    ("兩千", 2000),
])
def test_chinese_numerals(text: str, value: int) -> None:
    assert read_chinese(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("444", 444), ("1,234", 1234), ("1,234.5", 1234.5), ("１２３", 123), ("９８．５", 98.5),
    ("1.2万", 12000), ("50万", 500_000), ("738.215万", 7_382_150), ("512.3047万", 5_123_047),
    ("3.5亿", 350_000_000), ("两万", 20000), ("2.5萬", 25000), ("1.2億", 120_000_000),
])
def test_read_number(text: str, value: float) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize("text", ["百分之九十五", "95%", "95％", "百分之95", "９５％"])
def test_percent_95(text: str) -> None:
    assert read_percent(text) == 95


def test_percent_hundred_in_words() -> None:
    assert read_percent("百分之百") == 100


@pytest.mark.parametrize(("text", "expected"), [
    ("全市第三", (3, "exact")), ("第3名", (3, "exact")), ("排名第十二位", (12, "exact")),
    ("前十", (10, "less_than")), ("全省前5名", (5, "less_than")),
])
def test_ranks(text: str, expected: tuple[float, str]) -> None:
    assert read_rank(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("同比增长15%", Change(15, "%", 1)),
    ("比上年减少3件", Change(3, "件", -1)),
    ("下降2.1个百分点", Change(2.1, "个百分点", -1)),
    ("较去年同比下降27.4％", Change(27.4, "%", -1)),
    ("增加两万余人次", Change(20000, "人次", 1)),
    ("办理时限压缩60%", Change(60, "%", -1)),
    ("平均用时缩短3天", Change(3, "天", -1)),
    ("信访量回落12%", Change(12, "%", -1)),
])
def test_changes(text: str, expected: Change) -> None:
    assert read_change(text) == expected


@pytest.mark.parametrize("text", [
    "", "abc", "1,23", "12,34,567", "一百百", "二三十", "万万", "千百", "十一十", "1.2.3",
])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"not|twice|order|digit|separator"):
        read_number(text)


@pytest.mark.parametrize("text", ["第", "全市第", "九十五%%", "同比增长"])
def test_what_is_not_a_rank_percent_or_change_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        if text.endswith("%"):
            read_percent(text)
        elif text.startswith("同比"):
            read_change(text)
        else:
            read_rank(text)


def test_a_non_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        read_number(12)  # type: ignore[arg-type]


def test_read_arabic_refuses_chinese() -> None:
    with pytest.raises(ValueError, match="Arabic"):
        read_arabic("十二")
