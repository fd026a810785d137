"""Put the reporting body on the map: province, city, county, township and code from the gazetteer.

The body's own chain of places comes first (晋江市英林镇 → 英林镇 in 晋江市). A name many places
share (城关镇) is narrowed by the places the document names elsewhere: a place written right
before the same name (X县城关镇), then the places the document's GPE, ORG and LAW entities name
(the candidate most of them lie above or beside: 《江西省…规定》 points at a 江西省 town), then the
文号's first character (晋英委〔2024〕 → a county whose short name begins with
晋). When more than one place is left, the name is ambiguous: the fields all candidates agree on
are filled and the candidates are listed, nothing is guessed. A body named only by its unit
(区司法局) takes the one county (or city) its document names, if it names exactly one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lawgov_ie.doc_data import EntityInfo
from lawgov_ie.steps.entities.self_place import dominant
from lawgov_ie.text.gazetteer import LEVELS, Gazetteer, Place, narrow

_MAX_CANDIDATES = 12  # listed in place_candidates at most
# A web page's 索引号 field: a division code, or a unified social credit code (its 3rd-8th
# characters are the division that registered the body).
_INDEX_NUMBER = regex.compile(r"索\s*引\s*号[\s\]】|:：\[]{0,20}"
                              r"(?:(?P<code>[1-8][0-9]{5})(?![0-9A-Z])|[0-9A-Z]{2}(?P<credit>[1-8][0-9]{5})[0-9A-Z]{10}(?![0-9A-Z]))")
# A superior named by its unit word alone (在区委、区政府的领导下; not 全区, 该市委员).
_SUPERIOR = regex.compile(r"(?<![^在受和及向与、\P{Han}])([区县市])(?:委(?!员)|人民政府|政府)")
_CONTEXT_LABELS = ("GPE", "ORG", "LAW")
# The levels a body named by its unit word alone may be at, and the endings of their names.
_UNIT_LEVEL = {"县": ("county",), "旗": ("county",), "区": ("county",), "市": ("city", "county"),
               "省": ("province",), "镇": ("township",), "乡": ("township",),
               "街道": ("township",), "街": ("township",)}
_UNIT_ENDINGS = {"县": ("县", "旗"), "旗": ("旗",), "省": ("省", "自治区"), "街": ("街", "街道")}


@dataclass
class Location:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None
    admin_code: str | None = None
    candidates: list[str] = field(default_factory=list)
    source: str | None = None  # gazetteer | gazetteer+context | rule | context | ambiguous


def _path(place: Place) -> str:
    return "/".join((*place.parents, place.name))


def _document_places(gaz: Gazetteer, entities: Sequence[EntityInfo]) -> list[Place]:
    """Every place of the gazetteer the document's GPE, ORG and LAW entities name in full (a
    place inside 《江西省…规定》 or 兴国县司法局 says where the document is, too)."""
    out: list[Place] = []
    for entity in entities:
        if entity.label in _CONTEXT_LABELS:
            for hit in gaz.find(entity.text):
                if not hit.short or entity.label == "GPE":
                    out.extend(hit.places)
    return out


def _chain_before(gaz: Gazetteer, name: str, entities: Sequence[EntityInfo]) -> list[Place]:
    """Places written right before ``name`` in a GPE span (X县城关镇 → X县)."""
    out: list[Place] = []
    for entity in entities:
        if entity.label == "GPE" and entity.text.endswith(name) and entity.text != name:
            for hit in gaz.find(entity.text[:-len(name)]):
                if not hit.short:
                    out.extend(hit.places)
    return out


def locate(gaz: Gazetteer, places: Sequence[str], unit: str | None,
           entities: Sequence[EntityInfo], doc_number: str | None, text: str = "") -> Location:
    """Where a body whose name holds ``places`` (outermost first) is; ``unit`` is the lone unit
    word a body without places begins with (县 of 县司法局)."""
    if not places:
        return _from_context(gaz, unit, entities, text)
    chain: list[Place] = []
    for name in places[:-1]:
        chain = list(narrow(gaz.lookup(name), chain)) or chain
    last = places[-1]
    candidates = gaz.lookup(last)
    source = "gazetteer"
    if not candidates and _township_word(last):  # X镇 that was X乡 in the data
        candidates, source = gaz.lookup_renamed(last), "gazetteer (other unit word)"
    if not candidates:  # a township newer than the data: its parents locate it
        parents = chain or list(narrow(_chain_before(gaz, last, entities),
                                       [p for p in _document_places(gaz, entities)
                                        if p.name != last]))
        location = _fill(narrow(parents, chain)) if parents else Location()
        location.township = last if _township_word(last) else None
        location.source = "rule"
        return location
    if len(candidates) > 1:
        others = [p for p in _document_places(gaz, entities) if p.name != last]
        for context, how in ((chain, "gazetteer"), (_chain_before(gaz, last, entities),
                                                    "gazetteer+context")):
            kept = narrow(candidates, context)
            if len(kept) < len(candidates):
                candidates, source = kept, how
            if len(candidates) == 1:
                break
        if len(candidates) > 1:
            kept = _best_supported(candidates, others)
            if len(kept) < len(candidates):
                candidates, source = kept, "gazetteer+context"
    if len(candidates) > 1 and text:
        kept = _under_superior(candidates, text)
        if len(kept) < len(candidates):
            candidates, source = kept, "gazetteer+superior"
    if len(candidates) > 1 and text:
        kept = _in_index_code(gaz, candidates, text)
        if kept:
            candidates, source = kept, "gazetteer+索引号"
    if len(candidates) > 1 and doc_number:
        kept = tuple(c for c in candidates
                     if any(n.startswith(doc_number[0]) for n in _shorts(c)))
        if kept:
            candidates, source = kept, "gazetteer+文号"
    location = _fill(candidates)
    location.source = source if len(candidates) == 1 else "ambiguous"
    if candidates and all(c.level == "township" for c in candidates):
        location.township = last  # as written (X镇 that was X乡 in the data)
    if len(candidates) == 1 and candidates[0].level == "township":
        written = _written_county(gaz, candidates[0], last, text)
        if written is not None:  # merged since the data: 江干区四季青街道 now in 上城区
            location.county, location.admin_code = written.name, written.code
            location.source = "gazetteer+text"
        elif location.county and location.admin_code is None:
            location.source = "gazetteer (county of 2019)"  # renamed or merged since: no code
    return location


def _written_county(gaz: Gazetteer, place: Place, name: str, text: str) -> Place | None:
    """A county of the township's own city that the text writes right before its name when the
    data holds it elsewhere (counties merged or split since the data): the text's, if its only
    such county; ``None`` when the text agrees with the data or says nothing."""
    written = set()
    for match in _written_before(name, text):
        for start in range(match.start(1), match.end(1) - 1):
            for county in gaz.lookup(text[start:match.end(1)]):
                if county.level == "county" and county.city == place.city and \
                        county.province == place.province:
                    written.add(county)
    if len(written) != 1:
        return None
    county = written.pop()
    return county if county.name != place.county else None


@lru_cache(maxsize=256)
def _county_before(name: str) -> regex.Pattern[str]:
    return regex.compile(r"(\p{Han}{1,8}?[区县市旗])" + regex.escape(name))


def _written_before(name: str, text: str) -> list[regex.Match[str]]:
    """What ``_county_before(name).finditer(text)`` finds, scanning only near where ``name`` is
    written: a match ends with ``name`` and starts at most 9 characters before it, and the
    expression looks neither behind its start nor past its end, so runs of such reaches that do
    not touch each other are scanned on their own (a match cannot start in one and end in
    another), and nothing outside them can match."""
    reach = 9
    runs: list[list[int]] = []
    at = text.find(name)
    while at >= 0:
        begin, end = max(0, at - reach), at + len(name)
        if runs and begin <= runs[-1][1]:
            runs[-1][1] = end
        else:
            runs.append([begin, end])
        at = text.find(name, at + 1)
    if not runs:
        return []
    pattern = _county_before(name)
    return [m for begin, end in runs for m in pattern.finditer(text, begin, end)]


def _best_supported(candidates: Sequence[Place], context: Sequence[Place]) -> tuple[Place, ...]:
    """The candidates the document's other places point at most often: a place above one
    (江西省 in 《江西省…规定》), or another township of its county; all when none is pointed at."""
    def support(candidate: Place) -> int:
        return sum(1 for p in context if (p != candidate and candidate.within(p)) or (
            candidate.level == p.level == "township" and candidate.county is not None
            and (p.province, p.county) == (candidate.province, candidate.county)))

    scores = {c: support(c) for c in candidates}
    best = max(scores.values())
    return tuple(c for c in candidates if scores[c] == best) if best else tuple(candidates)


def _in_index_code(gaz: Gazetteer, candidates: Sequence[Place], text: str) -> tuple[Place, ...]:
    """The candidates inside the division a web page's 索引号 names: its six leading digits
    (370402/2022-00029), or the division digits of a unified social credit code
    (11500229…R/2026-00004 → 500229). A code can be stale, so it only chooses among the
    candidates; nothing when none or all lie there."""
    match = _INDEX_NUMBER.search(text)
    if match is None:
        return ()
    code = match.group("code") or match.group("credit")
    divisions = gaz.by_code(code)
    kept = tuple(c for c in candidates if any(c.within(d) for d in divisions))
    return kept if 0 < len(kept) < len(candidates) else ()


def _under_superior(candidates: Sequence[Place], text: str) -> tuple[Place, ...]:
    """The township candidates whose county is of the kind the text's superior is: a town led
    by 区委/区政府 lies in a 区, one led by 县委/县政府 in a 县 (or 旗), one that names only
    市委/市政府 in a county-level city (or a city without counties); all when the text names none
    or both."""
    units = Counter(m.group(1) for m in _SUPERIOR.finditer(text))
    if units["区"] and not units["县"]:
        endings: tuple[str, ...] = ("区",)
    elif units["县"] and not units["区"]:
        endings = ("县", "旗")
    elif units["市"] and not units["区"] and not units["县"]:
        endings = ("市",)
    else:
        return tuple(candidates)
    kept = tuple(c for c in candidates if c.level == "township" and (
        (c.county or "").endswith(endings)
        or (c.county is None and "市" in endings and (c.city or "").endswith("市"))))
    return kept or tuple(candidates)


def _township_word(name: str) -> bool:
    return name.endswith(("镇", "乡", "街道", "街", "苏木"))


def _shorts(place: Place) -> list[str]:
    from lawgov_ie.text.gazetteer import short_name

    names = [place.short]
    for level, name in zip(LEVELS, (place.province, place.city, place.county), strict=False):
        if name:
            names.append(short_name(name, level))
    return names


def _fill(candidates: Sequence[Place]) -> Location:
    """The fields all ``candidates`` agree on, and the candidates when more than one."""
    rows = [_fields(place) for place in candidates]
    location = Location()
    for name in ("province", "city", "county", "township", "admin_code"):
        values = {row[name] for row in rows}
        if len(values) == 1:
            setattr(location, name, values.pop())
    if len(candidates) > 1:
        location.candidates = [_path(p) for p in candidates[:_MAX_CANDIDATES]]
    return location


def _fields(place: Place) -> dict[str, str | None]:
    row: dict[str, str | None] = {"province": place.province, "city": place.city,
                                  "county": place.county, "township": None,
                                  "admin_code": place.code}
    if place.level == "township":
        row["township"] = place.name
    elif place.level == "county":
        row["county"] = place.name
    elif place.level == "city":
        row["city"], row["county"] = place.name, None
    else:
        row["city"] = place.name if place.name.endswith("市") else None
        row["county"] = None
    return row


def _from_context(gaz: Gazetteer, unit: str | None, entities: Sequence[EntityInfo],
                  text: str) -> Location:
    named = named_by_unit(gaz, unit, text, entities)
    if named is None:
        return Location()
    location = locate(gaz, (named,), None, entities, None)
    location.source = "context" if location.source != "ambiguous" else "ambiguous"
    return location


def named_by_unit(gaz: Gazetteer, unit: str | None, text: str,
                  entities: Sequence[EntityInfo] = ()) -> str | None:
    """The place of ``unit``'s level (区 → a district, 镇 → a town) the document names in full
    anywhere (in running text, in 安溪县委, in a law's title), for a body named by its unit alone
    (区政府, 县司法局, 我镇): the only one it names, or the one it names at least twice as often
    as any other; ``None`` when the evidence is weaker."""
    level = _UNIT_LEVEL.get(unit or "")
    if level is None or unit is None:
        return None
    endings = _UNIT_ENDINGS.get(unit, unit)
    counts = Counter(hit.text for hit in gaz.find(text) if not hit.short
                     and hit.text.endswith(endings) and hit.places[0].level in level
                     and hit.places[0].short != hit.text)
    if "township" in level:  # a town or street the data lacks, read as a GPE by rule (海滨街)
        counts.update(e.text for e in entities if e.label == "GPE" and e.text.endswith(endings)
                      and not gaz.find(e.text))
    return dominant(counts)
