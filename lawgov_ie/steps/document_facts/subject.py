"""The place a report speaks for when it names no reporting body (no title body, signature, first
sentence subject or page field): read from how the text refers to itself.

Reports speak of their own place as 我镇, 本区, 全县 and name it in full only here and there (in
an organisation's name, 虎邱镇司法所; in a slogan, 法治海淀). In that order of evidence:

- ``self-reference``: the unit word of 我X/本X (X = 镇 乡 街道 县 区 市 旗), the most used, and the
  place of that level the document names: the one its 法治X slogan names, else the only one it
  names, else one it names at least twice as often as any other;
- ``slogan``: with no self-reference, the one place the document's 法治X/依法治X slogans name;
- ``most named``: else the town (else the county) named most often in the first part of the text,
  at least three times and twice as often as any other.

Anything weaker gives nothing (``None``): a wrong place is worse than none; so does a text
that speaks for a department (我局, 我委) more often than for a place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lawgov_ie.doc_data import EntityInfo
from lawgov_ie.steps.document_facts.bodies import read_body
from lawgov_ie.steps.document_facts.locate import named_by_unit
from lawgov_ie.steps.entities.self_place import (
    dominant,
    self_references,
    written_township,
)
from lawgov_ie.text.gazetteer import Gazetteer

_SELF_BODY = regex.compile(r"[我本](?:局|委|办|院|厅|所|中心)(?!员|会|主任|书记)")
# A department's name from its place on: X市Y区卫生健康局, X县人力资源和社会保障局.
_DEPARTMENT = regex.compile(r"\p{Han}{2,24}?(?:局|委员会)(?!长|员)")
_BUILDING = regex.compile(r"(?:法治政府建设|法治建设|依法行政工作)")
_SLOGAN = regex.compile(r"(?:法治|依法治)$")
_HEAD = 3000  # the most named place is counted in this many characters
_LEAST = 3  # … and must be named this often
_LEVELS = (("township", ("镇", "乡", "街道")), ("county", ("县", "区", "旗")))



@dataclass(frozen=True)
class Subject:
    name: str  # the place's full name (海淀区)
    unit: str  # its unit word (区), for the admin level
    how: str  # self-reference | slogan | most named


def subject_place(gaz: Gazetteer, text: str, entities: Sequence[EntityInfo]) -> Subject | None:
    """The place the report speaks for, read from the text; ``None`` when the evidence is weak,
    and when the text speaks for a department (我局, 本委) more than for a place: a department
    that does not name itself is not its place."""
    references = self_references(text)
    if len(_SELF_BODY.findall(text)) > len(references):
        return None
    unit = dominant(Counter(references))  # self_unit(text), from the references at hand
    slogans = _slogan_places(gaz, text, entities)
    if unit is not None:
        fitting = [name for name in slogans if name.endswith(unit)]
        if len(set(fitting)) == 1:
            return Subject(fitting[0], unit, "self-reference")
        named = named_by_unit(gaz, unit, text, entities)
        if named:
            return Subject(named, unit, "self-reference")
        written = written_township(text, unit)
        return Subject(written, unit, "self-reference (rule)") if written else None
    if len(set(slogans)) == 1:
        return Subject(slogans[0], _unit_of(slogans[0]), "slogan")
    built = dominant(Counter(_building_places(gaz, text, entities)))
    if built:  # 带动X镇依法行政工作… (a personal report names no office)
        return Subject(built, _unit_of(built), "place of its 法治建设")
    hits = [hit for hit in gaz.find(text[:_HEAD]) if not hit.short]
    for level, units in _LEVELS:
        counts = Counter(hit.text for hit in hits
                         if hit.places[0].level == level and hit.text.endswith(units))
        name = dominant(counts, _LEAST)
        if name:
            return Subject(name, _unit_of(name), "most named")
    return None


def own_department(gaz: Gazetteer, text: str) -> str | None:
    """The department a text that speaks for a department (我局, 本委) names somewhere with its
    place (in the title of its own plan: 《X市Y区卫生健康局…方案》): the one department it names
    so, in its longest writing; ``None`` when it names none or several, or speaks for a place."""
    if len(_SELF_BODY.findall(text)) <= len(self_references(text)):
        return None
    found: dict[tuple[str, str], str] = {}
    for hit in gaz.find(text):
        if hit.short or not any(p.level in ("city", "county") for p in hit.places):
            continue
        match = _DEPARTMENT.match(text, hit.start)
        body = read_body(match.group()) if match else None
        if body is None or body.kind != "department" or not body.places or body.department is None:
            continue
        key = (body.places[-1], body.department)
        if len(match.group()) > len(found.get(key, "")):
            found[key] = match.group()
    return next(iter(found.values())) if len(found) == 1 else None


def _building_places(gaz: Gazetteer, text: str,
                     entities: Sequence[EntityInfo]) -> list[str]:
    """Full names of the places whose rule of law the text builds in its own words (推动X镇法治
    政府建设, X县法治建设取得…), not inside a title (《X县依法治县年度要点》 may be a
    superior's plan)."""
    out = []
    for entity in entities:
        if entity.label != "GPE" or not _BUILDING.match(text, entity.end):
            continue
        line_start = text.rfind("\n", 0, entity.start) + 1
        if text.rfind("《", line_start, entity.start) > text.rfind("》", line_start, entity.start):
            continue
        names = {p.name for p in gaz.lookup(entity.text)
                 if p.level in ("county", "city", "township")}
        if len(names) == 1:
            out.append(names.pop())
    return out


def _slogan_places(gaz: Gazetteer, text: str, entities: Sequence[EntityInfo]) -> list[str]:
    """Full names of the places named right after 法治/依法治 (法治海淀 → 海淀区)."""
    out = []
    for entity in entities:
        if entity.label == "GPE" and _SLOGAN.search(text, max(0, entity.start - 3), entity.start):
            places = gaz.lookup(entity.text) or gaz.lookup_short(entity.text)
            names = {p.name for p in places if p.level in ("county", "city", "township")}
            if len(names) == 1:
                out.append(names.pop())
    return out


def _unit_of(name: str) -> str:
    for unit in ("街道", "自治县", "自治旗", "镇", "乡", "县", "区", "市", "旗", "省"):
        if name.endswith(unit):
            return {"自治县": "县", "自治旗": "旗"}.get(unit, unit)
    return name[-1]
