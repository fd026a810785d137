"""What a reporting body's name says: which place, what kind of body, which department.

A body's name is a chain of places followed by what the body is (中共晋江市英林镇委员会,
咸宁市司法局, 杭州市拱墅区人民政府米市巷街道办事处). The chain is read as written (its unit
words), so a place the gazetteer lacks still gives its name; the gazetteer places it later
(:mod:`lawgov_ie.steps.document_facts.locate`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lawgov_ie.text.gazetteer import gazetteer

_HAN = r"\p{Han}"
ADMIN = r"(?:自治区|自治州|自治县|特别行政区|地区|街道|省|市|州|盟|县|旗|区|镇|乡|街)"
ORG_TAIL = (r"(?:人民政府|街道办事处|办事处|管理委员会|管委会|委员会|党工委|党委|政府"
            r"|办公室|局|委|办|中心|所|院)")
_BODY = regex.compile(r"(?:中共)?[" + _HAN + r"（）()]{1,30}?(?:" + ORG_TAIL + "|" + ADMIN
                      + r")(?:文件)?")
NOT_A_NAME = regex.compile(r"^(?:我|本|全|各|该|其|此|我们)")
# One place of a chain: a name and its unit word (晋江市, 英林镇, 广安门内街道).
_PLACE_UNIT = regex.compile(r"[" + _HAN + r"]{1,8}?(?:自治区|自治州|自治县|特别行政区|地区|街道|省"
                            r"|市|州|盟|县|旗|区|镇|乡)")  # a one-character stem: a known 县 (浚县)
_LEVEL = {"自治区": "省", "特别行政区": "省", "自治州": "市", "地区": "市", "盟": "市",
          "州": "市", "自治县": "县", "旗": "县", "街": "街道"}
_UNIT = regex.compile(ADMIN + "$")
# What follows the places: the body itself.
_GOVERNMENT = regex.compile(r"^(?:人民政府|政府|街道办事处|办事处|管理委员会|管委会)$")
_PARTY = regex.compile(r"^(?:委员会|委|党委|党工委|[镇乡街]?党委|工作委员会)$")
_CONGRESS = regex.compile(r"^人大(?:常委会|常务委员会)?$")
_COURT = regex.compile(r"人民法院$")
_PROCURATORATE = regex.compile(r"人民检察院$")
_LINK = regex.compile(r"人民政府|委(?!员)")
FILE_SUFFIX = regex.compile(r"文件$")  # 县人民政府文件 on a header line: the body is 县人民政府
_NOT_A_STEM = regex.compile(r"^(?:全|各|本|我|该)|法治|依法")
# A 街 named as a whole body (海滨街, 海滨街党工委).
_STREET = regex.compile(r"(?P<street>[" + _HAN + r"]{2,5}街)(?:党工委|办事处)?")
_LONE_UNIT = regex.compile(r"^[省市县区镇乡](?=\p{Han}{2,}(?:局|委员会|委|办|中心|所|厅|院)$)")
# A body named by its unit word alone (区政府, 县委, 镇党委, 街道办事处): its place is the one of
# that level the document names (:mod:`.locate`).
_GENERIC = regex.compile(r"^(?P<unit>街道|[省市县区镇乡旗])(?P<rest>人民政府|政府|委员会|委|党委"
                         r"|党工委|工委|办事处)$")


@dataclass(frozen=True)
class Body:
    """A reporting body's name taken apart."""

    name: str  # as written, without 中共 and 文件
    places: tuple[str, ...]  # the places it names, outermost first (晋江市, 英林镇)
    kind: str  # government, party committee, department, …
    department: str | None  # 司法局 when a department reports
    place: str | None  # the ``place`` fact: its smallest place, or the department as written
    admin_level: str | None  # 镇 乡 街道 县 区 市 省 部门
    unit: str | None = None  # the unit word a body named without its place begins with (区政府)


def is_body(name: str) -> bool:
    """Whether ``name`` reads as a whole organisation or place name (县司法局, 英林镇人民政府)."""
    return bool(_BODY.fullmatch(name)) and not NOT_A_NAME.match(name)


def read_body(written: str) -> Body | None:
    """Take a body's name apart; ``None`` when it is no body's name."""
    party = written.startswith("中共")
    name = FILE_SUFFIX.sub("", written.removeprefix("中共").strip())
    if not name or NOT_A_NAME.match(name):
        return None
    generic = _GENERIC.match(name)
    if generic:  # 区政府, 县委: which 区 or 县 is for the document's context to say
        unit = generic.group("unit")
        kind = "government" if _GOVERNMENT.match(generic.group("rest")) else "party committee"
        return Body(name, (), kind, None, None, _LEVEL.get(unit, unit), unit)
    places = leading_places(name)
    at = _chain_end(name, places)
    lone = _LONE_UNIT.match(name, at) if not places else None
    if lone:
        at = lone.end()
    rest = name[at:]
    if not places and not lone and not rest:
        return None
    kind = _kind(rest, party)
    if kind == "department" and places and rest.endswith("委") and party:
        kind = "party committee"
    if kind in ("government", "party committee"):
        if not places:
            return None
        smallest = places[-1]
        level = _UNIT.search(smallest)
        assert level is not None
        return Body(name, tuple(places), kind, None, smallest,
                    _LEVEL.get(level.group(), level.group()))
    department = rest if kind == "department" else None
    return Body(name, tuple(places), kind, department, name, "部门")


def leading_places(name: str) -> list[str]:
    """The places ``name`` begins with, outermost first. A name the gazetteer has is a place
    wherever it stands; another (a township newer than the data) only where the body's own
    word follows it (东阳渡街道办事处) or the name ends with it. Between two places a 人民政府 or 委
    may stand (杭州市拱墅区人民政府米市巷街道办事处, 中共晋江市委青阳街道工作委员会)."""
    places: list[str] = []
    at = 0
    while at < len(name):
        found = None
        for end in range(at + 2, min(len(name), at + 14) + 1):  # shortest first
            unit = _PLACE_UNIT.fullmatch(name, at, end)
            if unit is None:
                continue
            rest = name[unit.end():]
            known = bool(gazetteer().lookup(unit.group())) and (
                len(unit.group()) > 2 or unit.group()[-1] in "县旗")  # 浚县; not 城区, 郊区
            own = (not rest or bool(_PARTY.match(rest) or _GOVERNMENT.match(rest))) and \
                3 <= len(unit.group()) <= 7 and not _NOT_A_STEM.search(unit.group())
            if known or own:
                found = unit
                break
        if found is None:
            street = _STREET.fullmatch(name, at) if not places else None
            if street and street.group("street"):
                places.append(street.group("street"))
            break
        places.append(found.group())
        at = found.end()
        link = _LINK.match(name, at)
        if link and _PLACE_UNIT.match(name, link.end()):
            at = link.end()
    return places


def _chain_end(name: str, places: list[str]) -> int:
    at = 0
    for place in places:
        at = name.index(place, at) + len(place)
    return at


def _kind(rest: str, party: bool) -> str:
    if not rest or _GOVERNMENT.match(rest):
        return "government"
    if _PARTY.match(rest):
        return "party committee"
    if _CONGRESS.match(rest):
        return "people's congress"
    if _COURT.search(rest):
        return "court"
    if _PROCURATORATE.search(rest):
        return "procuratorate"
    if party and rest.endswith("委员会"):
        return "party committee"
    return "department"


def place_of(written: str) -> tuple[str, str] | None:
    """(place, admin level) of an issuing body: its smallest place, or the body itself as a
    department (``部门``)."""
    body = read_body(written)
    if body is None or body.place is None or body.admin_level is None:
        return None
    return body.place, body.admin_level
