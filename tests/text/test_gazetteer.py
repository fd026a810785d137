"""The gazetteer: names of the data packages found in text, short names, shared names."""

from __future__ import annotations

from lawgov_ie.text.gazetteer import find_places, gazetteer, resolve, short_name


def test_a_county_has_its_code_and_parents() -> None:
    (place,) = resolve("海淀区")
    assert (place.level, place.code, place.province, place.city) == (
        "county", "110108000000", "北京市", "北京市")


def test_a_township_hangs_under_its_county_with_the_county_code() -> None:
    (place,) = resolve("英林镇")
    assert (place.level, place.province, place.city, place.county) == (
        "township", "福建省", "泉州市", "晋江市")
    assert place.code == resolve("晋江市")[0].code
    assert place.parents == ("福建省", "泉州市", "晋江市")


def test_a_county_renamed_since_the_township_data_keeps_its_townships() -> None:
    # the township tree still says 梁平县; the codes say 梁平区
    towns = [p for p in gazetteer().places if p.level == "township" and p.county == "梁平区"]
    assert towns and all(t.code == "500155000000" for t in towns)


def test_short_names_and_shared_names() -> None:
    assert short_name("广西壮族自治区", "province") == "广西"
    assert short_name("延边朝鲜族自治州", "city") == "延边"
    assert short_name("城区", "county") == "城区"  # one character would be left
    shared = resolve("城关镇")
    assert len(shared) > 10
    (in_county,) = resolve("城关镇", [p for p in resolve("永登县")])
    assert in_county.county == "永登县"


def test_find_prefers_full_names_and_finds_chains_in_order() -> None:
    hits = find_places("福建省晋江市英林镇召开会议，海淀的同志参加。")
    assert [(h.text, h.short) for h in hits] == [
        ("福建省", False), ("晋江市", False), ("英林镇", False), ("海淀", True)]
