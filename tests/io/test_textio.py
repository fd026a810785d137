"""Reading report files in the encodings people save them in."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from lawgov_ie.errors import InputError
from lawgov_ie.io.textio import decode, likely_share, read_text

# (how the bytes are made, what decode() reports)
ENCODINGS = [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
    ("utf-16-le", "utf-16-le"),  # no BOM
    ("utf-16-be", "utf-16-be"),  # no BOM
    ("utf-32", "utf-32-le"),
]


@pytest.mark.parametrize(("written", "detected"), ENCODINGS)
def test_every_seed_report_reads_back_in_every_encoding(
        seed_texts: dict[str, str], written: str, detected: str) -> None:
    for name, text in seed_texts.items():
        text, encoding = decode(text.encode(written), name)
        assert (text, encoding) == (seed_texts[name], detected), name


def test_big_endian_bom_is_read() -> None:
    text = "全年调处矛盾纠纷444起，成功率100%。\n"
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    assert decode(data) == (text, "utf-16-be")


@pytest.mark.parametrize("written", ["gbk", "utf-16-le", "utf-16-be"])
def test_a_short_sentence_is_enough_to_tell(written: str) -> None:
    text = "全年共办理行政复议案件12件。"
    assert decode(text.encode(written))[0] == text


def test_empty_bytes_are_empty_text() -> None:
    assert decode(b"") == ("", "utf-8")


def test_binary_data_is_refused_with_the_file_name() -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16
    with pytest.raises(InputError, match=r"^picture\.png: binary data"):
        decode(data, "picture.png")


def test_random_bytes_are_not_taken_for_text() -> None:
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(128, 256) for _ in range(2000))  # no NUL, no ASCII
        with pytest.raises(InputError, match="not text in UTF-8, UTF-16 or GB18030"):
            decode(data, "noise.dat")


def test_a_byte_order_mark_over_broken_bytes_is_named() -> None:
    with pytest.raises(InputError, match="UTF-8-SIG byte-order mark but is not valid"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", "broken.txt")


def test_wrong_guesses_look_unlikely(yinglin_text: str) -> None:
    right = yinglin_text
    as_utf16_of_gbk = yinglin_text.encode("gbk")[:4000].decode("utf-16-le", "replace")
    assert likely_share(right) > 0.99
    assert likely_share(as_utf16_of_gbk) < 0.6


def test_read_text_names_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.txt: no such file"):
        read_text(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)


def test_read_text_reads_a_gbk_file(tmp_path: Path, yinglin_text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(yinglin_text.encode("gbk"))
    assert read_text(path) == (yinglin_text, "gb18030")
