"""Read the document facts of a report: title, issuer, place, year, date, 文号, 主送, 抄送,
签发人 (pure Python, no spaCy).

Reports arrive clean or copied from web pages, with navigation lines, 索引号, 发布机构 and
发布日期 fields around them. The reader therefore first finds the *body* — the first line of
prose — and reads the header facts from the lines above it, the signature facts from standalone
date lines and the lines just above them, and falls back on the web page's own fields
(成文日期, 发布日期, 发文字号, 发布机构) only when the report itself does not say.

Where each fact comes from, first hit wins:

- ``title``: the last title-like line above the body (法治/依法 … 报告/总结/情况);
- ``issuer``: the signature block above the signature date; else an organisation line just above
  the title; else the body named at the head of the title; else the body the first sentence
  names as its subject; else the page's 发布机构/来源 field;
- ``place``/``admin_level``: the smallest administrative unit in the issuer (英林镇, 上城区), or
  the issuing department as written (县综合行政执法局 → 部门);
- ``year``: the year in the title; else the year the first paragraph opens with; else the year in
  a heading; else a year standing alone on a header line; else the year before the date;
- ``date``: the first line that is nothing but a date (2024年1月31日, 二〇二四年一月三十一日);
  else 成文日期; else 发布日期/发布时间/日期;
- ``doc_number``: a line that is nothing but a 文号; else the 发文字号 field;
- ``recipients``: a header line of bodies ending in ：; ``cc``: 抄送：…; ``signers``: 签发人：….
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lawgov_ie.doc_data import EntityInfo, SectionInfo
from lawgov_ie.models import DocumentMeta

_HAN = r"\p{Han}"
_YEAR = r"(?:19|20)[0-9]{2}"
_CN_DIGITS = "〇零一二三四五六七八九"
_YEAR_WORDS = r"(?:(?:19|20)[0-9]{2}|[一二][〇零][〇零一二三四五六七八九]{2})"  # 2024, 二〇二四

# Lines and their parts -------------------------------------------------------------------------
_LINE = regex.compile(r"^.*$", regex.MULTILINE)
_LEADING_DECORATION = regex.compile(r"^[\s#*>•·|\-–—]+")
_PROSE_PUNCT = regex.compile(r"[，,。；;]")
_NAV = regex.compile(r"[>|•]|»|当前位置|位置[:：]|首页|索引号|[:：]\s*$")
_PROSE_MIN = 50  # a line this long with sentence punctuation is prose

# Titles ----------------------------------------------------------------------------------------
_TITLE = regex.compile(
    r"(?:法治|依法|法制)[^\n]{0,50}?(?:报告|总结|情况|思路|打算|要点)(?:的报告)?[\s。]*$")
_TITLE_JOIN = regex.compile(r"(?:和|及|与|暨)$")
_TITLE_HEAD = regex.compile(r"^(.*?)(?:关于|" + _YEAR + r"\s*年|法治|依法|法制)")

# Bodies (organisations) and places -------------------------------------------------------------
_ADMIN = r"(?:自治区|自治州|自治县|地区|街道|省|市|州|盟|县|旗|区|镇|乡)"
_ORG_TAIL = (r"(?:人民政府|街道办事处|办事处|管理委员会|管委会|委员会|党工委|党委|政府"
             r"|办公室|局|委|办|中心|所|院)")
_BODY = regex.compile(r"(?:中共)?[" + _HAN + r"（）()]{1,30}?(?:" + _ORG_TAIL + "|" + _ADMIN
                      + r")(?:文件)?")
_NOT_A_NAME = regex.compile(r"^(?:我|本|全|各|该|其|此|我们)")
_ORG_WORDS = regex.compile(r"(?:人民政府|街道办事处|办事处|管理委员会|管委会|委员会|党工委|党委"
                           r"|政府|人大|文件)+$")
_ADMIN_END = regex.compile(_ADMIN + "$")
_ADMIN_PREFIX = regex.compile(r"[" + _HAN + r"]{2,}?(?:自治区|自治州|自治县|地区|省|市|州|盟|县"
                              r"|旗|区)")
_PLACE_AT_START = regex.compile(r"(?:[" + _HAN + r"]{2,6}?(?:省|市|县|区))*[" + _HAN
                                + r"]{2,5}?(?:街道|镇|乡)")
# The subject of the first sentence: "2023年，在…领导下，XX局坚持…".
_SUBJECT = regex.compile(
    r"^\s*(?:" + _YEAR_WORDS + r"\s*年(?:度|以来)?\s*[，,]?\s*)?"
    r"(?:在[^，,。\n]{1,40}?下\s*[，,]\s*)?"
    r"(?P<body>[" + _HAN + r"]{1,14}?(?:" + _ORG_TAIL + r"|街道|镇|乡|区|县|市))"
    r"(?=党委|党工委|坚持|始终|深入|认真|紧紧|全面|以|积极|围绕|扎实|着力|不断|持续|在|高度"
    r"|切实|进一步|立足|聚焦|紧扣|大力|牢固|全力|按照|把|将|主动|严格|锚定)")
_WEB_BODY = regex.compile(r"(?:发布机构|发文机构|信息来源|来源)[\s\]】|:：]{0,12}([^\s|\]]+)")

# Years -----------------------------------------------------------------------------------------
_ANY_YEAR = regex.compile(r"(" + _YEAR_WORDS + r")\s*年")
_OPENING_YEAR = regex.compile(r"^[\s#*]*(" + _YEAR_WORDS + r")\s*年(?:度)?(?:以来)?\s*[，,、]")
_HEADING_YEAR = regex.compile(r"^[\s#*]*[一二三四五六七八九十]{1,3}[、．.]\s*(" + _YEAR
                              + r")\s*年")
_LONE_YEAR = regex.compile(r"^[\s#*]*(" + _YEAR + r")\s*年?(?:度)?[\s*]*$")

# Dates -----------------------------------------------------------------------------------------
_LONE_DATE = regex.compile(
    r"^[\s\u3000]*(" + _YEAR + r")\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日[\s\u3000]*$")
_LONE_CN_DATE = regex.compile(
    r"^[\s\u3000]*([" + _CN_DIGITS + r"]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*"
    r"([一二三四五六七八九十]{1,3})\s*日[\s\u3000]*$")
_FIELD_DATE = (r"[\s\]】|:：]{0,12}(" + _YEAR + r")\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*"
               r"([0-9]{1,2})")
_WRITTEN_DATE = regex.compile(r"成文日期" + _FIELD_DATE)
_PUBLISHED_DATE = regex.compile(r"(?:发布日期|发布时间|日期|时间)" + _FIELD_DATE)

# Numbers, recipients, copies, signers ---------------------------------------------------------
_DOC_NO = (r"[" + _HAN + r"]{1,12}\s*[〔\[［【(（]\s*" + _YEAR + r"\s*[〕\]］】)）]\s*第?\s*"
           r"[0-9]{1,5}\s*号")
_LONE_DOC_NO = regex.compile(r"^[\s\u3000]*(?:文号[:：]\s*)?(" + _DOC_NO + r")[\s\u3000]*$")
_FIELD_DOC_NO = regex.compile(r"(?:发文字号|文号)[\s\]】|:：]{0,12}(" + _DOC_NO + ")")
_RECIPIENT_LINE = regex.compile(r"^[\s\u3000]*+(?:主送[:：]\s*+)?([^\s\u3000：:][^：:\n]{1,79}?)"
                                r"[\s\u3000]*+[：:][\s\u3000]*+$")
_RECIPIENT = regex.compile(r"[" + _HAN + r"（）()]{1,30}?(?:委|政府|委员会|局|办|办公室|党委|人大"
                           r"|政协|部|厅|院|管委会|办事处)")
_CC = regex.compile(r"^[\s\u3000]*+抄\s*送\s*[:：]\s*+(.*\S)\s*$", regex.MULTILINE)
_SIGNERS = regex.compile(r"签\s*发\s*人\s*[:：]\s*+(.*\S)\s*$", regex.MULTILINE)
_LIST_SPLIT = regex.compile(r"[、，,；;\s\u3000]+")
_COPY_COUNT = regex.compile(r"[（(][0-9一二三四五六七八九十]+份?[）)]$")
_SIGNER = regex.compile(r"^[" + _HAN + r"·]{2,5}$")


@dataclass(frozen=True)
class _Line:
    start: int
    text: str  # as in the document
    core: str  # without decoration (#, *, bullets, table bars, spaces)


def _lines(text: str) -> list[_Line]:
    out = []
    for match in _LINE.finditer(text):
        raw = match.group()
        out.append(_Line(match.start(), raw, _undecorated(raw)))
    return out


def _undecorated(raw: str) -> str:
    """A line without leading #, *, bullets, table bars and spaces, nor trailing spaces, * and |
    (trailing ones stripped by a loop: a regex ending in ``[…]+$`` is quadratic on long runs)."""
    core = _LEADING_DECORATION.sub("", raw, count=1)
    end = len(core)
    while end and (core[end - 1].isspace() or core[end - 1] in "*|"):
        end -= 1
    return core[:end]


def _is_prose(line: _Line) -> bool:
    return len(line.core) >= _PROSE_MIN and bool(_PROSE_PUNCT.search(line.core))


def _iso(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _cn_index(char: str) -> int:
    return "〇一二三四五六七八九".index("〇" if char == "零" else char)


def _year_value(digits: str) -> int:
    return int(digits) if digits.isascii() else _cn_year(digits)


def _cn_number(digits: str) -> int:
    """一 … 三十一 as an int (month and day of a date written in Chinese numerals)."""
    if "十" in digits:
        tens, _, ones = digits.partition("十")
        return (_cn_index(tens) if tens else 1) * 10 + (_cn_index(ones) if ones else 0)
    return _cn_index(digits[0]) if digits else 0


def _cn_year(digits: str) -> int:
    return int("".join(str(_cn_index(char)) for char in digits))


def is_body(name: str) -> bool:
    """Whether ``name`` reads as a whole organisation or place name (县司法局, 英林镇人民政府)."""
    return bool(_BODY.fullmatch(name)) and not _NOT_A_NAME.match(name)


def place_of(body: str) -> tuple[str, str] | None:
    """(place, admin level) of an issuing body: its smallest administrative unit, or the body
    itself as a department (``部门``)."""
    name = body.removeprefix("中共").strip()
    name = regex.sub(r"文件$", "", name)
    bare = _ORG_WORDS.sub("", name)
    if bare != name and bare.endswith("委"):  # 中共晋江市委 → 晋江市
        bare = bare[:-1]
    if not bare:
        return None
    if _ADMIN_END.search(bare):
        while True:
            prefix = _ADMIN_PREFIX.match(bare)
            rest = bare[prefix.end():] if prefix else ""
            if not prefix or len(rest) < 2 or not _ADMIN_END.search(rest):
                break
            bare = rest
        level = _ADMIN_END.search(bare)
        assert level is not None
        kind = level.group()
        return bare, {"自治区": "省", "自治州": "市", "地区": "市", "盟": "市", "州": "市",
                      "自治县": "县", "旗": "县"}.get(kind, kind)
    if name == body.removeprefix("中共").strip() and bare == name:
        return name, "部门"
    return None


class MetaReader:
    """Reads :class:`DocumentMeta` from a report's text."""

    def read(self, text: str, entities: Sequence[EntityInfo] = (),
             sections: Sequence[SectionInfo] = ()) -> DocumentMeta:
        lines = _lines(text)
        body = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
        meta = DocumentMeta()
        title_at = self._title(lines, body)
        if title_at is not None:
            meta.title = self._title_text(lines, title_at)
        meta.date = self._date(lines, text)
        meta.doc_number = self._doc_number(lines[:body], text)
        meta.issuer = self._issuer(lines, body, title_at, meta.title, text)
        if meta.issuer:
            for name in meta.issuer.split():
                found = place_of(name)
                if found:
                    meta.place, meta.admin_level = found
                    break
        if meta.place is None and meta.title:
            in_title = _place_in_title(meta.title)
            if in_title:
                meta.place, meta.admin_level = in_title
        meta.year = self._year(lines, body, meta.title, meta.date)
        meta.recipients = self._recipients(lines[:body])
        meta.cc = _listed(_CC, text, strip_counts=True)
        meta.signers = [name for name in _listed(_SIGNERS, text) if _SIGNER.match(name)]
        return meta

    # title ---------------------------------------------------------------------------------
    @staticmethod
    def _title(lines: Sequence[_Line], body: int) -> int | None:
        found = None
        for index in range(max(0, body - 60), body):
            line = lines[index]
            if not line.core or len(line.core) > 70 or line.core.startswith("《"):
                continue
            if _NAV.search(line.core) or "：" in line.core or ":" in line.core:
                continue
            candidate = line.core
            if _TITLE_JOIN.search(candidate):
                following = _next_nonblank(lines, index, body)
                if following is not None:
                    candidate += lines[following].core
            if _TITLE.search(candidate):
                found = index
        return found

    @staticmethod
    def _title_text(lines: Sequence[_Line], index: int) -> str:
        title = lines[index].core
        if _TITLE_JOIN.search(title):
            following = _next_nonblank(lines, index, len(lines))
            if following is not None:
                title += lines[following].core
        return title

    # issuer --------------------------------------------------------------------------------
    def _issuer(self, lines: Sequence[_Line], body: int, title_at: int | None,
                title: str | None, text: str) -> str | None:
        signature = self._signature_block(lines)
        if signature:
            return signature
        if title_at is not None:
            index = title_at
            for _ in range(3):
                previous = _previous_nonblank(lines, index)
                if previous is None:
                    break
                names = lines[previous].core.split()
                if names and all(is_body(name) for name in names):
                    return " ".join(regex.sub(r"文件$", "", n) for n in names)
                index = previous
        if title:
            head = _TITLE_HEAD.match(title)
            if head:
                name = head.group(1).strip()
                if name and is_body(name):
                    return name
        if body < len(lines):
            opening = lines[body].core[:200]
            subject = _SUBJECT.match(opening)
            if subject and not _NOT_A_NAME.match(subject.group("body")):
                return subject.group("body")
        header_text = text[:lines[body].start] if body < len(lines) else text
        for match in _WEB_BODY.finditer(header_text):
            if is_body(match.group(1)):
                return match.group(1)
        return None

    @staticmethod
    def _signature_block(lines: Sequence[_Line]) -> str | None:
        for index, line in enumerate(lines):
            if not (_LONE_DATE.match(line.text) or _LONE_CN_DATE.match(line.text)):
                continue
            names: list[str] = []
            cursor = index
            for _ in range(3):
                previous = _previous_nonblank(lines, cursor, limit=4)
                if previous is None:
                    break
                parts = lines[previous].core.split()
                if not parts or not all(is_body(part) for part in parts):
                    break
                names[:0] = parts
                cursor = previous
            if names:
                return " ".join(names)
        return None

    # year ----------------------------------------------------------------------------------
    @staticmethod
    def _year(lines: Sequence[_Line], body: int, title: str | None,
              date: str | None) -> int | None:
        if title:
            found = _ANY_YEAR.search(title)
            if found:
                return _year_value(found.group(1))
        if body < len(lines):
            opening = _OPENING_YEAR.match(lines[body].core)
            if opening:
                return _year_value(opening.group(1))
        for line in lines[:body + 200]:
            heading = _HEADING_YEAR.match(line.core)
            if heading:
                return int(heading.group(1))
        for line in lines[:body]:
            lone = _LONE_YEAR.match(line.core)
            if lone:
                return int(lone.group(1))
        if date:
            year, month = int(date[:4]), int(date[5:7])
            return year - 1 if month <= 6 else year
        return None

    # date ----------------------------------------------------------------------------------
    @staticmethod
    def _date(lines: Sequence[_Line], text: str) -> str | None:
        for line in lines:
            match = _LONE_DATE.match(line.text)
            if match:
                iso = _iso(*(int(g) for g in match.groups()))
                if iso:
                    return iso
            cn = _LONE_CN_DATE.match(line.text)
            if cn:
                iso = _iso(_cn_year(cn.group(1)), _cn_number(cn.group(2)),
                           _cn_number(cn.group(3)))
                if iso:
                    return iso
        for pattern in (_WRITTEN_DATE, _PUBLISHED_DATE):
            for match in pattern.finditer(text):
                iso = _iso(*(int(g) for g in match.groups()))
                if iso:
                    return iso
        return None

    # number, recipients --------------------------------------------------------------------
    @staticmethod
    def _doc_number(header: Sequence[_Line], text: str) -> str | None:
        for line in header:
            match = _LONE_DOC_NO.match(line.text)
            if match:
                return match.group(1).strip()
        field = _FIELD_DOC_NO.search(text)
        return field.group(1).strip() if field else None

    @staticmethod
    def _recipients(header: Sequence[_Line]) -> list[str]:
        for line in header:
            match = _RECIPIENT_LINE.match(line.text)
            if not match or "签发" in match.group(1) or "抄送" in match.group(1):
                continue
            names = [n for n in _LIST_SPLIT.split(match.group(1)) if n]
            if names and all(_RECIPIENT.fullmatch(name) for name in names):
                return names
        return []


def _listed(pattern: regex.Pattern[str], text: str, *, strip_counts: bool = False) -> list[str]:
    match = pattern.search(text)
    if not match:
        return []
    names = []
    for name in _LIST_SPLIT.split(match.group(1).rstrip("。.")):
        if strip_counts:
            name = _COPY_COUNT.sub("", name)
        if name:
            names.append(name)
    return names


def _place_in_title(title: str) -> tuple[str, str] | None:
    """A place named right after the year at the head of a title (2020年XX镇上半年…)."""
    head = regex.match(r"^\s*" + _YEAR + r"\s*年(?:度)?\s*", title)
    if not head:
        return None
    place = _PLACE_AT_START.match(title, head.end())
    if not place:
        return None
    return place_of(place.group())


def _previous_nonblank(lines: Sequence[_Line], index: int, limit: int = 6) -> int | None:
    for back in range(index - 1, max(-1, index - 1 - limit), -1):
        if lines[back].core:
            return back
    return None


def _next_nonblank(lines: Sequence[_Line], index: int, stop: int) -> int | None:
    for ahead in range(index + 1, min(stop, index + 4)):
        if lines[ahead].core:
            return ahead
    return None
