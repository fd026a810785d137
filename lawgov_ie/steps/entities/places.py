"""GPE entities: administrative places named in a text, from the gazetteer plus their context.

A span is a GPE when (docs/document-facts.md):

- it is a full name of the gazetteer (英林镇, 晋江市, 广西壮族自治区). A name whose stem is one
  character (城区, 城镇, 矿区) is also an ordinary word: it counts only right after a place
  that holds it (阳泉市城区);
- it is the short name of a province, city or county (海淀, 广东) where a short name stands: after
  法治/依法治/来/赴 (法治海淀, 依法治粤 aside: one character is never enough), or with no Chinese
  character on one side (“绍兴…);
- it is a village or community of the data (西埔村, 银闸社区) with a stem of two to four
  characters that is no common word (中心村, 示范村, 行政村 are villages' names too);
- it names a township the data does not have yet (the data is of 2019): right after a county or
  city of the gazetteer (珠晖区东阳渡街道), or introduced by the document as the subject of its
  first sentence or the head of its title (2023年，XX街道坚持…; XX街2020年…报告), or by a text
  that calls itself 我镇/我街 and writes one such name at least twice (at least once where a
  word begins), or written with a unit raised since the data (X镇 where the data has X乡), and
  then everywhere that name is written. A unit word after any other word (落实市, 今年区, 聚焦镇) is
  never a place.

A chain of places each inside the one before it is one span (晋江市英林镇, 北京市海淀区).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from lawgov_ie.doc_data import EntityInfo
from lawgov_ie.steps.entities.grammar import Literals, han_run_start
from lawgov_ie.steps.entities.known_places import is_bare_county
from lawgov_ie.steps.entities.self_place import self_unit, written_township, written_townships
from lawgov_ie.text.gazetteer import Gazetteer, Place, PlaceHit, gazetteer, short_name

GPE = "GPE"
_HAN = regex.compile(r"\p{Han}")
# Words a short name stands after: 法治海淀, 依法治区 … 建设法治广州, 来陕考察 (1 char: not read).
_SHORT_FRAME = regex.compile(r"(?:法治|依法治|来|赴|到)$")
_SHORT_FRAME_AFTER = regex.compile(r"[^\p{Han}]|建设|和|与|及|的|$")
# The standard one-character abbreviations of the provinces (陕 for 陕西省). One character is a
# place only in a frame that says so: 依法治藏, 来陕考察, 来陕和来宝考察 (a city's first character
# in the same frame counts when the document names that city), and only when the document
# names a place of that province (or that city) in full.
_PROVINCE_ABBREVIATION = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省",
    "晋": "山西省", "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省",
    "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省", "鲁": "山东省",
    "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "琼": "海南省",
    "川": "四川省", "蜀": "四川省", "贵": "贵州省", "黔": "贵州省", "云": "云南省",
    "滇": "云南省", "陕": "陕西省", "秦": "陕西省", "甘": "甘肃省", "陇": "甘肃省",
    "青": "青海省", "蒙": "内蒙古自治区", "桂": "广西壮族自治区", "藏": "西藏自治区",
    "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区", "港": "香港特别行政区",
    "澳": "澳门特别行政区"}
_ONE_CHAR = regex.compile(r"(?<=依法治)\p{Han}(?=[^\p{Han}]|的|工作|和|、|$)"
                          r"|(?<=[来赴])\p{Han}(?=考察|视察|调研|指导|和来|、来|[^\p{Han}])")
# what _ONE_CHAR's look-behinds ask for (literals: an automaton finds them five times faster than
# a re scan of a class of Han characters, which tests each character slowly)
_ONE_CHAR_AFTER = Literals(("依法治", "来", "赴"))
# A province's short name after a character it makes a word with (幸福建设 holds 福建).
_WORD_BEFORE = frozenset(("幸福", "造福", "祝福", "浙江", "黄河", "湖南", "湖北", "江西"))
# Names the data lacks that end in a zone's word: after a place (重庆两江新区, 兰州新区), or the
# page's own 发布机构/来源 (a development zone's page).
_ZONE = r"(?:新区|经济技术开发区|高新技术产业开发区|经济开发区|高新区)"
_ZONE_AFTER = regex.compile(r"\p{Han}{0,4}?" + _ZONE)
# A zone named alone in quotes (设立“东湖新区”): a planned or new district's name.
_QUOTED_ZONE = regex.compile(r"(?<=[“\"])(?P<name>(?P<stem>\p{Han}{2,4}?)" + _ZONE + r")(?=[”\"])")
_OPENING_QUOTE = Literals(("“", '"'))  # what _QUOTED_ZONE's look-behind asks for
_FIELD_PLACE = regex.compile(r"(?:发布机构|发文机构|发文机关|信息来源|来源)[\s\]】|:：]{0,12}"
                             r"(?P<name>\p{Han}{2,6}?" + _ZONE + r")(?=[\s|\[【]|$)",
                             regex.MULTILINE)
# A township name the gazetteer lacks: 2–5 characters and its unit word.
_NEW_TOWNSHIP = regex.compile(r"\p{Han}{2,5}?(?:街道|镇|乡)")
_NOT_A_STEM = regex.compile(r"^(?:各|全|本|我|该|所|辖|乡|镇|街|村|城乡|其|每|有关|相关|委)"
                            r"|乡镇|街镇|[由在对为将把从向与和及的了是]")
# A place right before 委 is a party committee's name (区委, 中共南安市委), not a place.
_COMMITTEE = regex.compile(r"委(?!员)")
# A document's subject at the head of its first sentence (2023年，XX街道坚持…) or title line.
# What a report's first sentence opens with before its subject: a year, 今年以来, 在…下/上/中,
# and before these a 根据/按照/为… clause (根据市、区的部署，2023年，XX街道…).
OPENING = (r"[ \t\u3000#*]*(?:(?:根据|按照|依据|为)[^。\n]{2,90}?[，,]\s*"
           r"(?=(?:19|20)[0-9]{2}\s*年|今年以来|在))?"
           r"(?:(?:(?:19|20)[0-9]{2}|[一二][〇零][〇零一二三四五六七八九]{2})"
           r"\s*年(?:度|以来)?\s*[，,]?\s*|今年以来\s*[，,]\s*)?"
           r"(?:在[^，,。\n]{1,40}?[下上中]\s*[，,]\s*)*")
# What follows the subject: its own 党委/政府, or the predicate's first word (坚持, 深入 …).
SUBJECT_FOLLOWER = (r"党委|党工委|人民政府|办事处|坚持|始终|深入|认真|紧紧|全面|以|积极|围绕|扎实"
                    r"|着力|不断|持续|在|高度|切实|进一步|立足|聚焦|紧扣|大力|牢固|全力|按照|把|将"
                    r"|主动|严格|锚定|[（(]以下简称")
_SUBJECT = regex.compile(
    r"^" + OPENING + r"(?P<name>\p{Han}{2,5}?(?:街道|镇|乡|街|新区))"
    r"(?=\s*(?:19|20)[0-9]{2}\s*年|" + SUBJECT_FOLLOWER + ")", regex.MULTILINE)
# The lines _SUBJECT may match at: its opening's first character, or no opening and a unit's
# first character two to five characters on (a cheap scan before the match).
_SUBJECT_LINE = re.compile(r"^[ \t\u3000#*]*(?:[根按依为12一二今在]|.{2,5}?[街镇乡新])",
                           re.MULTILINE)
_HOLDERS = ("county", "city")  # places a township the data lacks may stand right after
_VILLAGE_UNIT = Literals(("村", "社区"))
_VILLAGE_ITEM = regex.compile(r"(?P<stem>\p{Han}{2,4}?)(?:村|社区)(?=[、和及，,。；;等\s）)])")
# an item before 、 that begins a list (after a comma, colon, 如, 在 …)
_VILLAGE_BEFORE = regex.compile(r"(?<=[，,：:（(、\s]|如|例如|包括|在|对)(?P<stem>\p{Han}{2,4})"
                                r"(?:村|社区)$")
_LIST_JOINS = ("、", "和", "及")
# a count of villages after their stems (陈山、西埔2个村)
_VILLAGE_COUNT = regex.compile(r"等?[0-9０-９一二三四五六七八九十]{1,3}个(?:行政)?村")
_TOWN_ENDINGS = ("镇", "乡", "街道", "苏木")
_OWN_LEAST = 2  # a town or county named in full this often lends its short name
# Short names that are also words of these reports (平安镇 → 平安建设, 城中区 → 城中村): the
# short name of the text's own town or county is not read when it is one of them.
_COMMON_STEM = regex.compile(
    r"^(?:光明|团结|胜利|新华|和平|长安|太平|安宁|东风|红旗|前进|建设|解放|新城|新区|城关|城南|城北"
    r"|城东|城西|城中|市中|中山|工业|白云|江南|江北|河东|河西|山南|东山|青山|南山|北山|东城|西城"
    r"|永安|新兴|兴业|富民|利民|安乐|长乐|和谐|振兴|发展|开发|中心|人民|朝阳|阳光|花园|龙华)$")
# Words that begin with a city's short name (长治 in 长治久安, 大同 in 大同小异, 安康, 开封, 白银).
_CITY_WORD = regex.compile(r"长治久安|大同小异|大同世界|朝阳产业|安康|开封|白银|来宾|中卫")
# words a village's name may be written right after (如西埔村): the shorter name wins when the
# data has both
_LEADING_WORDS = "如在对向把将从与和及到赴"
_UNIT_COMPOUNDS = frozenset((
    "乡镇", "镇村", "乡村", "镇街", "街镇", "县区", "区县", "县市", "市县", "市区", "省市", "市州",
    "村居", "村组", "镇区", "镇乡"))
_UNIT_CHARS = "省市县区镇乡街村"  # 镇村, 乡村: towns and villages, not one village
# Stems that are common words before 村/社区 (also the names of some villages).
_GENERIC_STEM = regex.compile(
    r"^(?:中心|示范|行政|自然|重点|先进|文明|诚信|美丽|民主|法治|试点|特色|和谐|平安|绿色|生态|"
    r"幸福|农村|城乡|城市|新型|规范化|标准化|智慧|数字|全国|全省|全市|全县|全区|全镇|全乡|所在|"
    r"各个|每个|乡村|城中|村|社区)$")
_HEAD = 3000  # the subject is looked for in this much of the text
# Media a name may be the brand of: a place's name in one is no place (“南湖政务”网站, 江城报等).
# Right after an unquoted name only words no sentence goes on with (not 发布, a verb too).
_MEDIA_NAMES = (r"门户网站|网站|政务网|微信公众号|公众号|微博|客户端|抖音号|视频号|头条号"
                r"|日报|晚报|报社|电视台|融媒体中心|报(?=[等、，,。；;和及与\s）)])")
_MEDIA_WORDS = r"(?:政务)?(?:" + _MEDIA_NAMES + ")"
_QUOTED_MEDIA_WORDS = r"(?:政务)?(?:" + _MEDIA_NAMES + r"|网|微信|抖音|APP|App|app|发布)"
_MEDIA = regex.compile(_MEDIA_WORDS)
_MEDIA_FIRST = frozenset(word[0] for word in ("政务", *_MEDIA_NAMES.split("|")))  # a cheap test
# A level word followed by another in brackets lists kinds (负责人和镇(街道)党委书记): the
# characters before are no place's name.
_KINDS_AFTER = regex.compile(r"[（(](?:街道|社区|镇|乡|村|居)[)）]")
_KINDS_OPENING = ("（", "(")  # its first character
_QUOTED_MEDIA = regex.compile(r"[“\"][^“”\"\n]{2,16}[”\"](?=" + _QUOTED_MEDIA_WORDS + ")")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    places: tuple[Place, ...]  # empty for a township read by rule and for a village
    village: bool = False


def find_gpes(text: str, places: Gazetteer | None = None,
              hits: Sequence[PlaceHit] | None = None) -> list[EntityInfo]:
    """The GPE spans of ``text``, non-overlapping, in text order; ``hits``: the gazetteer's hits
    in ``text`` when the caller has them (``list(places.hits(text))``)."""
    gaz = places if places is not None else gazetteer()
    hits = list(gaz.hits(text)) if hits is None else hits
    # the places the text names in full: a short name of one of them (or of a place above one)
    # is that place, also in running text (宝鸡 in a text that names 宝鸡市 or 陈仓区)
    weak = _weak_names(hits)
    strong = [h for h in hits if not h.short and h.text not in weak]
    named = [p for h in strong for p in h.places]
    accepted = [h for h in hits if _accepted(h, text, named, weak)
                and not (text.startswith("委", h.end) and _COMMITTEE.match(text, h.end))]
    accepted += [h for h in hits if is_bare_county(h, text)]  # 浚县, 佳县 where a name stands
    chosen = _longest(_Candidate(h.start, h.end, h.places) for h in accepted)
    chosen = _with_weak_children(chosen, [h for h in hits if not h.short and h.text in weak])
    chosen = _with_new_townships(chosen, text, gaz)
    chosen = _with_zones(chosen, text)
    chosen = _with_villages(chosen, text, gaz)
    chosen = _with_abbreviations(chosen, text, gaz, named)
    chosen = _with_own_stems(chosen, text, strong)
    chosen = _with_village_stems(chosen, text, gaz)
    branded = _brand_spans(text)
    return [EntityInfo(GPE, c.start, c.end, text[c.start:c.end]) for c in _chains(chosen)
            if not _in_brand(c, text, branded)
            and not (text[c.end:c.end + 1] in _KINDS_OPENING and _KINDS_AFTER.match(text, c.end))]


def _after(opening: Literals, pattern: regex.Pattern[str], text: str,
           needs: str = "", reach: int = 0) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that opens with a look-behind asking for
    ``opening`` and whose matches cannot hold another place right after ``opening`` (one
    character; or no quote inside a quoted name): tried only right after each hit of
    ``opening`` — a scan for a few literals, where ``regex`` tries the look-behind at every
    character. ``needs``: a character every match holds within ``reach`` characters of its
    start, tested first (a cheap test before the match)."""
    for _, end in opening.spans(text):
        if needs and needs not in text[end:end + reach]:
            continue
        match = pattern.match(text, end)
        if match is not None:
            yield match


def _brand_spans(text: str) -> list[tuple[int, int]]:
    """Quoted names of media (“江城发布”公众号, “南湖政务”网站): a place's name inside one is
    part of a brand, no place."""
    spans: list[tuple[int, int]] = []
    last = 0  # where the last one ended: ``_QUOTED_MEDIA.finditer``, tried only at quotes
    for quote, _ in _OPENING_QUOTE.spans(text):
        if quote >= last and (match := _QUOTED_MEDIA.match(text, quote)) is not None:
            spans.append(match.span())
            last = match.end()
    return spans


def _in_brand(cand: _Candidate, text: str, branded: Sequence[tuple[int, int]]) -> bool:
    """Whether a place's name is part of a medium's name: inside a quoted one, or written
    right before a media word (江城报, 南湖发布)."""
    if text[cand.end:cand.end + 1] in _MEDIA_FIRST and _MEDIA.match(text, cand.end):
        return True
    return any(start < cand.start and cand.end < end for start, end in branded)


def _weak(hit: PlaceHit) -> bool:
    """A full name whose stem is one character (城区, 城镇): also an ordinary word."""
    return all(p.short == p.name for p in hit.places)


def _weak_names(hits: Iterable[PlaceHit]) -> set[str]:
    """The full names among ``hits`` that are :func:`_weak` (each name asked once)."""
    weak: set[str] = set()
    seen: set[str] = set()
    for hit in hits:
        if not hit.short and hit.text not in seen:
            seen.add(hit.text)
            if _weak(hit):
                weak.add(hit.text)
    return weak


def _accepted(hit: PlaceHit, text: str, named: Sequence[Place],
              weak: Collection[str]) -> bool:
    """``weak``: :func:`_weak_names` of the text's hits."""
    if not hit.short:
        # 促进乡镇建设: the unit word opens a compound (乡镇, 镇村, 县区), no 促进乡
        return hit.text not in weak and text[hit.end - 1:hit.end + 1] not in _UNIT_COMPOUNDS
    if len(hit.text) < 2 or (hit.end < len(text) and text[hit.end] in _UNIT_CHARS):
        return False  # 南昌 of 南昌县市场: a full name's stem
    before = text[max(0, hit.start - 3):hit.start]
    if _SHORT_FRAME.search(before):
        return bool(_SHORT_FRAME_AFTER.match(text, hit.end))
    if not any(p.level in ("province", "city") for p in hit.places):
        return False
    if any(p.level == "province" for p in hit.places):  # 广东, 福建: no other word's name
        return text[max(0, hit.start - 1):hit.start + 1] not in _WORD_BEFORE
    if _CITY_WORD.match(text, hit.start):
        return False  # 长治久安, 大同小异: a word that begins with a city's short name
    if any(n.within(p) or (n.level == "province" and p.within(n))
           for p in hit.places if p.level == "city" for n in named):
        return True  # 福州 in a text that names 福州市, a county of it, or 福建省
    left = text[hit.start - 1] if hit.start else ""
    right = text[hit.end] if hit.end < len(text) else ""
    return not _HAN.match(left) or not _HAN.match(right)


def _longest(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longer ones winning (then earlier ones), in text order."""
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.start))
    chosen: list[_Candidate] = []
    taken = bytearray(max((c.end for c in ordered), default=0) + 1)  # 1: a character taken
    spans: list[tuple[int, int]] = []  # for an empty candidate (none is made; kept exact)
    for cand in ordered:
        if cand.start < cand.end:
            if taken.find(1, cand.start, cand.end) >= 0:
                continue
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        elif any(start < cand.start < end for start, end in spans):
            continue
        chosen.append(cand)
        spans.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def _inside(child: Sequence[Place], parent: Sequence[Place]) -> bool:
    return any(c.within(p) and c != p for c in child for p in parent)


def _with_weak_children(chosen: list[_Candidate], weak: list[PlaceHit]) -> list[_Candidate]:
    """Add a one-character-stem name that stands right after a place holding it."""
    ends = {c.end: c for c in chosen}
    added = [_Candidate(h.start, h.end, h.places) for h in weak
             if h.start in ends and _inside(h.places, ends[h.start].places)]
    return _longest([*chosen, *added]) if added else chosen


def _with_new_townships(chosen: list[_Candidate], text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Townships the data lacks: after a county or city, or the document's own subject."""
    added: list[_Candidate] = []
    for cand in chosen:
        if not any(p.level in _HOLDERS for p in cand.places):
            continue
        match = _NEW_TOWNSHIP.match(text, cand.end)
        if match and not _NOT_A_STEM.search(match.group()) and not _knows_part(gaz, match[0]):
            added.append(_Candidate(match.start(), match.end(), ()))
    names = set()
    for match in _subjects(text):
        name = match.group("name")
        if not _NOT_A_STEM.search(name) and not gaz.lookup(name):
            names.add(name)
    written = written_townships(text)
    own = written_township(text, self_unit(text), written)  # 我街 … 东湖街党工委 …
    if own and not gaz.lookup(own):
        names.add(own)
    # a township the data has under another unit word (X镇 that was X乡, 鹤龙街 for 鹤龙街道)
    names.update(name for name in written if not name.endswith("乡")
                 and not gaz.lookup(name) and gaz.lookup_renamed(name))
    added.extend(_written(names, text))
    return _longest([*chosen, *added]) if added else chosen


def _subjects(text: str) -> Iterator[regex.Match[str]]:
    """``_SUBJECT.finditer(text, 0, _HEAD)``, tried only where its ``^`` can match (a line's
    start), not at every character: the same matches, about twice as fast."""
    end = min(len(text), _HEAD)
    last = 0  # where the last match ended (a scan goes on from there)
    for line in _SUBJECT_LINE.finditer(text, 0, end):
        at = line.start()
        if at >= last and (match := _SUBJECT.match(text, at, end)) is not None:
            yield match
            last = match.end()


def _written(names: set[str], text: str) -> Iterator[_Candidate]:
    """A candidate (no gazetteer places) everywhere each of ``names`` is written in ``text``."""
    for name in names:
        start = text.find(name)
        while start >= 0:
            yield _Candidate(start, start + len(name), ())
            start = text.find(name, start + len(name))


def _with_zones(chosen: list[_Candidate], text: str) -> list[_Candidate]:
    """New districts and development zones the data lacks: right after a province or city
    (重庆两江新区, 兰州新区), or the page's own 发布机构/来源, then everywhere that name is
    written."""
    added: list[_Candidate] = []
    for cand in chosen:
        if any(p.level in ("province", "city") for p in cand.places):
            match = _ZONE_AFTER.match(text, cand.end)
            if match:
                added.append(_Candidate(match.start(), match.end(), ()))
    names = {m.group("name") for m in _FIELD_PLACE.finditer(text, 0, min(len(text), _HEAD))}
    names.update(m.group("name") for m in _after(_OPENING_QUOTE, _QUOTED_ZONE, text, "区", 13)
                 if not _GENERIC_STEM.match(m.group("stem"))
                 and not _COMMON_STEM.match(m.group("stem")))
    added.extend(_written(names, text))
    return _longest([*chosen, *added]) if added else chosen


def _with_abbreviations(chosen: list[_Candidate], text: str, gaz: Gazetteer,
                        named: Sequence[Place]) -> list[_Candidate]:
    """One-character short names in their frames (依法治藏, 来陕考察, 来宝考察), when the text names
    a place of that province (or, for a city's first character, that city) in full."""
    added: list[_Candidate] = []
    if not named:
        return chosen  # a one-character name counts only when the text names its place
    for match in _after(_ONE_CHAR_AFTER, _ONE_CHAR, text):
        char = match.group()
        province = _PROVINCE_ABBREVIATION.get(char)
        held = [p for p in gaz.lookup(province)] if province else []
        held += [p for p in {n for n in named if n.level == "city" and n.name[0] == char}]
        if any(n.within(p) for p in held for n in named):
            added.append(_Candidate(match.start(), match.end(), tuple(held)))
    return _longest([*chosen, *added]) if added else chosen


def _with_villages(chosen: list[_Candidate], text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Villages and communities: the longest name of the data ending at each 村 or 社区."""
    added: list[_Candidate] = []
    for at, unit_end in _VILLAGE_UNIT.spans(text):
        if at < 2 or text[at - 1] in _UNIT_CHARS:
            continue  # every stem ends with the character before the unit
        low = han_run_start(text, at, 4)  # the stems all Han start here on
        for length in (4, 3, 2):
            start = at - length
            if start < low:
                continue
            stem = text[start:at]
            if _GENERIC_STEM.match(stem) or _NOT_A_STEM.search(stem):
                continue
            if gaz.is_village(text[start:unit_end]) and not (
                    stem[0] in _LEADING_WORDS and gaz.is_village(text[start + 1:unit_end])):
                added.append(_Candidate(start, unit_end, (), village=True))
                break
    added += _listed_villages(chosen, added, text)
    return _longest([*chosen, *added]) if added else chosen


def _listed_villages(chosen: Sequence[_Candidate], known: Sequence[_Candidate],
                     text: str) -> list[_Candidate]:
    """Villages the data lacks (renamed or merged since 2019) where the text says what they are:
    right after their town (英林镇东山村), or listed with a village of the data
    (东山村、西河村和南岭村): a stem of two to four characters, no common word."""
    out: list[_Candidate] = []
    starts = [c.end for c in chosen if any(p.level == "township" for p in c.places)]
    starts += [v.end + 1 for v in known if text[v.end:v.end + 1] in _LIST_JOINS]
    seen = {v.start for v in known}
    while starts:
        at = starts.pop()
        item = _VILLAGE_ITEM.match(text, at)
        if item is None or at in seen or not _plain_stem(item.group("stem")):
            continue
        seen.add(at)
        out.append(_Candidate(at, item.end(), (), village=True))
        if text[item.end():item.end() + 1] in _LIST_JOINS:
            starts.append(item.end() + 1)
    known_ends = {v.end: v for v in known}
    for village in known:  # the items before a village of the data, back to the list's start
        end = village.start - 1
        while end > 0 and text[end] == "、":
            if end in known_ends:  # a village of the data: go on before it
                end = known_ends[end].start - 1
                continue
            item = _VILLAGE_BEFORE.search(text, max(0, end - 8), end)
            if item is None or not _plain_stem(item.group("stem")) or item.start() in seen:
                break
            seen.add(item.start())
            out.append(_Candidate(item.start(), item.end(), (), village=True))
            end = item.start() - 1
    return out


def _plain_stem(stem: str) -> bool:
    return not (_GENERIC_STEM.match(stem) or _NOT_A_STEM.search(stem)
                or stem[-1] in _UNIT_CHARS)


def _with_own_stems(chosen: list[_Candidate], text: str,
                    hits: Sequence[PlaceHit]) -> list[_Candidate]:
    """The short name of a town or county the text names in full at least twice (its own, as a
    rule): 在虎邱建立, 兴国平安模范团, 湖上“枫桥经验”; never right before a unit word.
    ``hits``: the text's full names that are not :func:`_weak`."""
    counts: dict[str, int] = {}
    for hit in hits:  # also inside an organisation's name (兴国县委, 虎邱镇司法所)
        if hit.places[0].level in ("township", "county"):
            counts[hit.text] = counts.get(hit.text, 0) + 1
    stems = {short_name(name, level): name for name, level in
             ((n, "township" if n.endswith(_TOWN_ENDINGS) else "county")
              for n, c in counts.items() if c >= _OWN_LEAST)}
    stems = {stem: name for stem, name in stems.items()
             if len(stem) >= 2 and stem != name and not _GENERIC_STEM.match(stem)
             and not _COMMON_STEM.match(stem)}
    if not stems:
        return chosen
    added = []
    for start, end in literal_matches(stems, text):
        after = text[end:end + 1]
        if after and (after in _UNIT_CHARS or after in "县区旗"):
            continue
        added.append(_Candidate(start, end, ()))
    return _longest([*chosen, *added]) if added else chosen


def literal_matches(words: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Where ``words`` stand in ``text``, scanned left to right without overlaps, the longest word
    at each place: what a regex of the words, longest first, would find (``finditer``), without
    compiling one for every document (about 0.1 ms a pattern)."""
    longest: dict[int, int] = {}
    for word in words:
        at = text.find(word) if word else -1
        while at >= 0:
            if len(word) > longest.get(at, 0):
                longest[at] = len(word)
            at = text.find(word, at + 1)
    found = []
    reached = 0
    for start in sorted(longest):
        if start >= reached:
            reached = start + longest[start]
            found.append((start, reached))
    return found


def _with_village_stems(chosen: list[_Candidate], text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Villages listed by their stems before a count of villages (完成陈山、西埔2个村级示范点):
    two or more stems, each a village of the data with 村."""
    added: list[_Candidate] = []
    for count in _VILLAGE_COUNT.finditer(text):
        items = _stems_before(text, count.start(), gaz)
        if len(items) >= 2:
            added += [_Candidate(start, end, (), village=True) for start, end in items]
    return _longest([*chosen, *added]) if added else chosen


def _stems_before(text: str, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The stems listed with 、/和 right before ``end``, each a village's (empty when one is
    not); the first one's start is where a village's stem of two or three characters fits."""
    items: list[tuple[int, int]] = []
    while len(items) < 10:
        start = end
        while start > 0 and end - start < 3 and _HAN.match(text[start - 1]):
            start -= 1
        if end - start < 2:
            return []
        if start > 0 and text[start - 1] in "、和":
            if not gaz.is_village(text[start:end] + "村"):
                return []
            items.append((start, end))
            end = start - 1
            continue
        for length in range(end - start, 1, -1):
            if gaz.is_village(text[end - length:end] + "村"):
                items.append((end - length, end))
                return items
        return []
    return items


def _knows_part(gaz: Gazetteer, name: str) -> bool:
    """Whether the gazetteer has ``name`` or a full name inside it (委柳城街道 holds 柳城街道)."""
    return any(not hit.short for hit in gaz.hits(name))


def _chains(chosen: list[_Candidate]) -> list[_Candidate]:
    """Join each place to the one right before it when that one holds it."""
    out: list[_Candidate] = []
    for cand in chosen:
        holders = ("township", *_HOLDERS) if cand.village else _HOLDERS
        if out and out[-1].end == cand.start and (_inside(cand.places, out[-1].places) or (
                not cand.places and (any(p.level in holders for p in out[-1].places)
                                     or (cand.village and not out[-1].places
                                         and not out[-1].village)))):
            last = out[-1]
            out[-1] = _Candidate(last.start, cand.end, cand.places or last.places, cand.village)
        else:
            out.append(cand)
    return out
