"""Read the document facts of a report: title, issuer, body, place, year, date, 文号, 主送, 抄送,
签发人, and where the body is (pure Python, no spaCy; docs/document-facts.md).

Reports arrive clean, copied from web pages (navigation lines, 索引号, 发布机构 and 发布日期
fields around them) or flattened from PDF and Word (the file name on a line, the title run into
the first paragraph). The reader finds the *body* — the first line of prose — and reads the header
facts above it, the signature from a standalone date line outside every section
(:mod:`lawgov_ie.text.dates`), and the web page's fields only when the report itself does not say.
Every fact says where it came from in ``meta.fact_sources``.

- ``title``: the last title-like line above the body (法治/依法 … 报告/总结/情况); else the page's
  名称/标题 field; else a file name on a line of its own (….docx); else a title run into the text;
- ``issuer``: the signature block; else an organisation line just above the title; else the body
  named at the head of the title; else the subject of the first sentence (the GPE or ORG entity it
  opens with); else the page's 发布机构/发文机关/来源 field;
- ``body``: the issuer's government or department (its first name when it names several); a
  body named by its unit alone (区政府) takes the place of that level the text names; with no
  body at all, ``place`` is the place the text speaks for (我镇, 法治X: :mod:`.subject`) or none;
  ``place``/``admin_level``/``body_kind``/``department``: :mod:`.bodies`; ``province`` …
  ``admin_code``: :mod:`.locate`;
- ``year``: the title; else 现将X年…; else the year the first paragraph opens with (X年,
  X年以来, X以来); else a heading's year; else a year alone on a header line; else the year
  before an early date;
- ``date``: the signature date; else 成文日期; else 发布日期/发布时间/日期;
- ``doc_number``: a line that is nothing but a 文号; else the 发文字号 field;
- ``recipients``: a header line of bodies ending in ：; ``cc``: 抄送：…; ``signers``: 签发人：….
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from lawgov_ie.doc_data import EntityInfo, SectionInfo
from lawgov_ie.models import DocumentMeta
from lawgov_ie.steps.document_facts.bodies import (
    FILE_SUFFIX,
    ORG_TAIL,
    is_body,
    leading_places,
    read_body,
)
from lawgov_ie.steps.document_facts.locate import locate, named_by_unit
from lawgov_ie.steps.document_facts.office import office_body
from lawgov_ie.steps.document_facts.subject import own_department, subject_place
from lawgov_ie.steps.entities.places import OPENING, SUBJECT_FOLLOWER
from lawgov_ie.text.dates import FIELD_DATE, SIGNATURE_DATE, YEAR, iso_date
from lawgov_ie.text.gazetteer import Gazetteer, gazetteer
from lawgov_ie.text.numbers import read_chinese

_HAN = r"\p{Han}"
_YEAR_WORDS = r"(?:" + YEAR + r"|[一二][〇零][〇零一二三四五六七八九]{2})"  # 2024, 二〇二四

# Lines and their parts -------------------------------------------------------------------------
_LEADING_DECORATION = regex.compile(r"^[\s#*>•·|\-–—]+")
_DECORATION_CHARS = "#*>•·|-–—"  # the class above but \s
_PROSE_PUNCT = regex.compile(r"[，,。；;]")
_PAGE_NAV_WORDS = r"[>|•]|»|当前位置|位置[:：]|首页|索引号"
_NAV = regex.compile(_PAGE_NAV_WORDS + r"|[:：]\s*$")
_PAGE_NAV = regex.compile(_PAGE_NAV_WORDS)
_PROSE_MIN = 50  # a line this long with sentence punctuation is prose
_SHORT_PROSE_MIN = 16  # … and a shorter one with a comma or full stop
_CLAUSE_PUNCT = regex.compile(r"[，。]")
_FIELD_HEAD = regex.compile(r"^[^，。：:]{1,12}[：:]")
_HEAD = 2000  # a title run into the text is looked for in this many characters

# Titles ----------------------------------------------------------------------------------------
_TITLE = regex.compile(
    r"(?:法治|依法|法制)[^\n]{0,50}?(?:报告|总结|情况|思路|打算|要点)(?:的报告)?[\s。]*$")
_TITLE_JOIN = regex.compile(r"(?:和|及|与|暨|工作)$")
_TITLE_START = regex.compile(r"(?:法治|依法|法制)[^，。；：:]*$")  # a title broken inside …
_TITLE_END = regex.compile(r"[\p{Han}]{0,10}(?:报告|总结|情况)")  # … its end on the next line
_TITLE_HEAD = regex.compile(r"^(.*?)\s*(?:关于|" + _YEAR_WORDS + r"\s*年|法治|依法|法制)")
_TITLE_YEAR = regex.compile(r"^\s*" + _YEAR_WORDS + r"\s*年度?\s*")
_FILE_NAME = regex.compile(r"^(?P<stem>[^\n/\\]{4,80}?)\.(?:docx?|pdf|wps|txt|html?)$",
                           regex.IGNORECASE)
_FIELD_TITLE = regex.compile(r"(?:名\s*称|标\s*题)\s*[\]】|]?\s*[:：]\s*([^\n|]{6,80}?)\s*(?:\||$)",
                             regex.MULTILINE)
# A title run into the text: [body] year 年 … 法治 … 报告/总结 (spaces of PDF text allowed).
_INLINE_TITLE = regex.compile(
    r"(?<![\p{Han}])(?P<title>[\p{Han}（）()]{0,30}?\s?" + YEAR + r"\s?年度?\s?[\p{Han}]{0,20}?"
    r"(?:法治|依法)[\p{Han}]{0,30}?(?:报告|总结))")

# … but not a sentence that announces the report (现将我街道2022年…情况报告如下).
_IN_A_SENTENCE = regex.compile(r"现[将就对把]|[我本][镇乡街区县市局委]|特此")
_SAYS_BELOW = regex.compile(r"\s*如下")

# Bodies ----------------------------------------------------------------------------------------
# What the first sentence opens with before its subject: a year, 今年以来, 在…下/上/中.
_OPENING = regex.compile(r"^" + OPENING)
_SUBJECT = regex.compile(
    r"(?P<body>[" + _HAN + r"]{1,14}?(?:" + ORG_TAIL + r"|街道|镇|乡|区|县|市|街))"
    r"(?=" + SUBJECT_FOLLOWER + ")")
_WEB_BODY = regex.compile(r"(?:发布机构|发文机构|发文机关|信息来源|来源)[\s\]】|:：]{0,12}"
                          r"([^\s|\]]+)")
_SUBJECT_LABELS = ("GPE", "ORG")
# A first sentence that frames the year (2024年是…之年。): the subject opens the next one.
_FRAMING = regex.compile(r"^[\s#*]*" + YEAR + r"\s*年(?:度)?是[^。\n]{2,200}?之年[。；]\s*")
_BODY_TAIL = regex.compile(r"党委|党工委|人民政府|政府|街道办事处|办事处")
_PARTY_TAIL = regex.compile(r"(?:党委|党工委|(?<=[区县市旗])委)$")
_AND_GOVERNMENT = regex.compile(r"[、和与及]\s*(?:[镇乡街区县市旗]|街道)?(?:人民政府|政府|办事处)")

# Years -----------------------------------------------------------------------------------------
_ANY_YEAR = regex.compile(r"(" + _YEAR_WORDS + r")\s*年")
_NOW_REPORT = regex.compile(r"现[将就对把](?:我[镇乡县区市局委办]|本[镇乡县区市局单位])?\s*(" + YEAR
                            + r")\s*年")
_OPENING_YEAR = regex.compile(r"^[\s#*]*(" + _YEAR_WORDS + r")\s*(?:年(?:度)?(?:以来)?|以来)"
                              r"\s*[，,、]")  # 2024年，2024年以来，2024以来，
_HEADING_YEAR = regex.compile(r"^[\s#*]*[一二三四五六七八九十]{1,3}[、．.]\s*(" + YEAR + r")\s*年")
_LONE_YEAR = regex.compile(r"^[\s#*]*(" + YEAR + r")\s*年?(?:度)?[\s*]*$")

# Dates -----------------------------------------------------------------------------------------
_FIELD_GAP = r"[\s\]】|:：]{0,12}"
_WRITTEN_DATE = regex.compile(r"成文日期" + _FIELD_GAP + FIELD_DATE)
_PUBLISHED_DATE = regex.compile(r"(?:发布日期|发布时间|公文生成日期|日期|时间)" + _FIELD_GAP
                                + FIELD_DATE)

# Numbers, recipients, copies, signers ---------------------------------------------------------
_DOC_NO = (r"[" + _HAN + r"]{1,12}\s*[〔\[［【(（]\s*" + YEAR + r"\s*[〕\]］】)）]\s*第?\s*"
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
_LONE_UNIT = regex.compile(r"^[省市县区]")
_UNIT_LEVEL = {"旗": "县", "街": "街道"}
# What a SIGNATURE_DATE line can open with: its edge's spaces, a year's first digit (19xx, 20xx)
# or a numeral of a year written in Chinese (二〇二四).
_DATE_OPENERS = frozenset(" \t\u300012〇零一二三四五六七八九")


class _Line:
    """One line: where it starts, its text as in the document, and its ``core`` without
    decoration (#, *, bullets, table bars, spaces), found when first asked for (most lines of
    a long report are only looked at for a date)."""

    __slots__ = ("_core", "start", "text")

    def __init__(self, start: int, text: str, core: str | None = None) -> None:
        self.start = start
        self.text = text
        self._core = core

    @property
    def core(self) -> str:
        if self._core is None:
            self._core = _undecorated(self.text)
        return self._core


def _lines(text: str) -> list[_Line]:
    """The lines of ``text`` (those ``^.*$`` finds in MULTILINE mode: the pieces between line
    feeds, a last empty one after a final line feed included), with their cores."""
    out = []
    start = 0
    for raw in text.split("\n"):
        out.append(_Line(start, raw))
        start += len(raw) + 1
    return out


def _undecorated(raw: str) -> str:
    """A line without leading #, *, bullets, table bars and spaces, nor trailing spaces, * and |
    (trailing ones stripped by a loop: a regex ending in ``[…]+$`` is quadratic on long runs)."""
    if not raw:
        return raw
    first = raw[0]  # most lines open with text: no regex call (isspace holds for every \s)
    core = _LEADING_DECORATION.sub("", raw, count=1) \
        if first.isspace() or first in _DECORATION_CHARS else raw
    end = len(core)
    while end and (core[end - 1].isspace() or core[end - 1] in "*|"):
        end -= 1
    return core[:end]


def _is_prose(line: _Line) -> bool:
    """A line of the report's own text: long with sentence punctuation, or shorter with a
    comma or full stop and no field name (发布时间：…) or navigation at its head."""
    core = line.core
    if len(core) >= _PROSE_MIN:
        return bool(_PROSE_PUNCT.search(core))
    if core.endswith(("：", ":")) and "如下" not in core and core.count("，") < 2:
        return False  # 各镇（街道），区直各单位： addresses, it does not report
    return len(core) >= _SHORT_PROSE_MIN and bool(_CLAUSE_PUNCT.search(core)) and \
        not _FIELD_HEAD.match(core) and not _PAGE_NAV.search(core)


def _year_value(digits: str) -> int:
    return int(digits) if digits.isascii() else int(read_chinese(digits))


class MetaReader:
    """Reads :class:`DocumentMeta` from a report's text, its entities and its sections."""

    def __init__(self, places: Gazetteer | None = None) -> None:
        self._places = places

    @property
    def places(self) -> Gazetteer:
        if self._places is None:
            self._places = gazetteer()
        return self._places

    def read(self, text: str, entities: Sequence[EntityInfo] = (),
             sections: Sequence[SectionInfo] = ()) -> DocumentMeta:
        lines = _lines(text)
        body = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
        if sections:  # the first heading ends the header, whatever the prose test says
            first = min(s.start for s in sections)
            body = min(body, next((i for i, line in enumerate(lines)
                                   if line.start + len(line.text) > first), body))
        meta = DocumentMeta()
        sources: dict[str, str] = {}
        title_at = self._title(lines, body)
        if title_at is not None:
            meta.title, sources["title"] = self._title_text(lines, title_at), "title line"
        else:
            found = _other_title(lines, body, text)
            if found:
                meta.title, sources["title"] = found
        spans = [(s.start, s.end) for s in sections]  # a signature stands outside every section
        meta.date = self._date(lines, text, spans, sources)
        meta.doc_number = self._doc_number(lines[:body], text, sources)
        issuer = self._issuer(lines, body, title_at, meta.title, text, entities, spans,
                              sources.get("title"))
        if issuer is None:  # 我局 … 《X区卫生健康局…方案》: the department it names
            named = own_department(self.places, text)
            issuer = (named, "named department") if named else None
        if issuer:
            meta.issuer, sources["issuer"] = issuer
        self._body(meta, sources, entities, text)
        meta.year = self._year(lines, body, meta.title, meta.date, text, sources)
        meta.recipients = self._recipients(lines[:body])
        meta.cc = _listed(_CC, text, strip_counts=True)
        meta.signers = [name for name in _listed(_SIGNERS, text) if _SIGNER.match(name)]
        meta.fact_sources = sources
        return meta

    # body and place --------------------------------------------------------------------------
    def _body(self, meta: DocumentMeta, sources: dict[str, str],
              entities: Sequence[EntityInfo], text: str) -> None:
        bodies = [b for b in (read_body(name) for name in (meta.issuer or "").split())
                  if b is not None]
        if not bodies:
            self._subject_place(meta, sources, entities, text)
            return
        # a government or department reports; its party committee signs along
        chosen = next((b for b in bodies if b.kind != "party committee"), bodies[0])
        where = sources["issuer"]
        meta.body, meta.department = chosen.name, chosen.department
        meta.body_kind = chosen.kind  # type: ignore[assignment]
        meta.place, meta.admin_level = chosen.place, chosen.admin_level
        for name in ("body", "body_kind", "department", "place", "admin_level"):
            if getattr(meta, name) is not None:
                sources[name] = where
        places = chosen.places
        if chosen.unit is not None:  # 区政府, 县委: the district the document names
            named = named_by_unit(self.places, chosen.unit, text, entities)
            if named is None:
                sources.pop("admin_level", None)
                meta.admin_level = None
                return
            meta.place, sources["place"] = named, "context"
            places = (named,)
        unit = _LONE_UNIT.match(chosen.name)
        self._locate(meta, sources, places, unit.group() if unit else None, entities, text)

    def _subject_place(self, meta: DocumentMeta, sources: dict[str, str],
                       entities: Sequence[EntityInfo], text: str) -> None:
        """No body named: the place the text speaks for (:mod:`.subject`), or nothing."""
        subject = subject_place(self.places, text, entities)
        if subject is None:
            return
        meta.place, meta.admin_level = subject.name, _UNIT_LEVEL.get(subject.unit, subject.unit)
        sources["place"] = sources["admin_level"] = subject.how
        self._locate(meta, sources, (subject.name,), None, entities, text)

    def _locate(self, meta: DocumentMeta, sources: dict[str, str], places: Sequence[str],
                unit: str | None, entities: Sequence[EntityInfo], text: str) -> None:
        location = locate(self.places, places, unit, entities, meta.doc_number, text)
        for name in ("province", "city", "county", "township", "admin_code"):
            value = getattr(location, name)
            if value is not None:
                setattr(meta, name, value)
                sources[name] = location.source or "gazetteer"
        meta.place_candidates = location.candidates
        if location.candidates:
            sources["place_candidates"] = "ambiguous"

    # title -----------------------------------------------------------------------------------
    @staticmethod
    def _title(lines: Sequence[_Line], body: int) -> int | None:
        found = None
        for index in range(max(0, body - 60), body):
            line = lines[index]
            if not line.core or len(line.core) > 70 or line.core.startswith("《"):
                continue
            if _NAV.search(line.core) or "：" in line.core or ":" in line.core:
                continue
            if _FILE_NAME.match(line.core):
                continue
            if _TITLE.search(_joined_title(lines, index, body)):
                found = index
        return found

    @staticmethod
    def _title_text(lines: Sequence[_Line], index: int) -> str:
        return _joined_title(lines, index, len(lines))

    # issuer ----------------------------------------------------------------------------------
    def _issuer(self, lines: Sequence[_Line], body: int, title_at: int | None,
                title: str | None, text: str, entities: Sequence[EntityInfo],
                spans: Sequence[tuple[int, int]],
                title_source: str | None) -> tuple[str, str] | None:
        signature = self._signature_block(lines, spans)
        if signature:
            return signature, "signature"
        if title_at is not None:
            index = title_at
            for _ in range(3):
                previous = _previous_nonblank(lines, index)
                if previous is None:
                    break
                names = lines[previous].core.split()
                if names and all(is_body(name) for name in names):
                    return " ".join(FILE_SUFFIX.sub("", n) for n in names), "header"
                index = previous
        if title:
            head = _TITLE_HEAD.match(title)
            if head:
                name = head.group(1).strip()
                if name and is_body(name) and read_body(name) is not None:
                    where = "title" if title_source == "title line" else title_source
                    return name, where or "title"
            after_year = _TITLE_YEAR.match(title)
            rest = title[after_year.end():] if after_year else ""
            head = _TITLE_HEAD.match(rest)
            name = head.group(1).strip() if head else ""
            if name and is_body(name) and read_body(name) is not None:
                return name, "title"  # 2024年度X市Y区发展和改革委员会法治政府建设…报告
            places = leading_places(rest)
            if places:  # 2020年X镇上半年…总结
                return "".join(places), "title"
        office = office_body((line.core for line in lines[:body]),
                             _signature_lines(lines, spans),
                             lines[body].text if body < len(lines) else "")
        if office:  # a personal report (述法, 本人): the body its author heads
            return office
        if body < len(lines):
            subject = self._subject(lines[body], entities)
            framing = _FRAMING.match(lines[body].text)
            if subject is None and framing:  # 2024年是…之年。XX街道坚持…: the next sentence
                after = _Line(lines[body].start + framing.end(),
                              lines[body].text[framing.end():], "")
                subject = self._subject(after, entities)
            if subject:
                return subject, "first sentence"
        header_text = text[:lines[body].start] if body < len(lines) else text
        for match in _WEB_BODY.finditer(header_text):
            name = match.group(1)
            if is_body(name) and read_body(name) is not None:
                return name, "page field"
        return None

    @staticmethod
    def _subject(line: _Line, entities: Sequence[EntityInfo]) -> str | None:
        """The body the first sentence opens with: the GPE or ORG entity at its head (after a
        year, 今年以来 or 在…下), else a name ending in a body's word before a verb."""
        opening = _OPENING.match(line.text)
        at = line.start + (opening.end() if opening else 0)
        for entity in entities:
            if entity.start == at and entity.label in _SUBJECT_LABELS:
                name = entity.text
                tail = _BODY_TAIL.match(line.text, entity.end - line.start)
                if tail and entity.label == "GPE":
                    name += tail.group()
                party = _PARTY_TAIL.search(name)
                if party and _AND_GOVERNMENT.match(line.text, entity.end - line.start + (
                        len(name) - len(entity.text))):
                    name = name[:party.start()]  # X镇党委、镇政府: the town itself reports
                if read_body(name) is not None:
                    return name
        subject = _SUBJECT.match(line.text, at - line.start)
        if subject and read_body(subject.group("body")) is not None:
            return subject.group("body")
        return None

    @staticmethod
    def _signature_block(lines: Sequence[_Line], spans: Sequence[tuple[int, int]]) -> str | None:
        for index, line in enumerate(lines):
            if not _is_date_line(line) or _inside(line.start, spans):
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

    # year ------------------------------------------------------------------------------------
    @staticmethod
    def _year(lines: Sequence[_Line], body: int, title: str | None, date: str | None,
              text: str, sources: dict[str, str]) -> int | None:
        if title:
            found = _ANY_YEAR.search(title)
            if found:
                sources["year"] = "title"
                return _year_value(found.group(1))
        head = text[:lines[body].start + 3000] if body < len(lines) else text[:3000]
        report = _NOW_REPORT.search(head)
        if report:
            sources["year"] = "现将…"
            return int(report.group(1))
        if body < len(lines):
            opening = _OPENING_YEAR.match(lines[body].core)
            if opening:
                sources["year"] = "opening"
                return _year_value(opening.group(1))
        for line in lines[:body + 200]:
            heading = _HEADING_YEAR.match(line.core) if "年" in line.text else None
            if heading:
                sources["year"] = "heading"
                return int(heading.group(1))
        for line in lines[:body]:
            lone = _LONE_YEAR.match(line.core)
            if lone:
                sources["year"] = "header"
                return int(lone.group(1))
        if date:
            year, month = int(date[:4]), int(date[5:7])
            sources["year"] = "date"
            return year - 1 if month <= 6 else year
        return None

    # date ------------------------------------------------------------------------------------
    @staticmethod
    def _date(lines: Sequence[_Line], text: str, spans: Sequence[tuple[int, int]],
              sources: dict[str, str]) -> str | None:
        for match in _signature_dates(lines, text):
            iso = iso_date(match)
            if iso and not _inside(match.start(), spans):
                sources["date"] = "signature"
                return iso
        for matches in (_WRITTEN_DATE.finditer(text), _published_dates(text)):
            for match in matches:
                iso = iso_date(match)
                if iso:
                    sources["date"] = "page field"
                    return iso
        return None

    # number, recipients ----------------------------------------------------------------------
    @staticmethod
    def _doc_number(header: Sequence[_Line], text: str, sources: dict[str, str]) -> str | None:
        for line in header:
            match = _LONE_DOC_NO.match(line.text)
            if match:
                sources["doc_number"] = "header"
                return match.group(1).strip()
        field = _FIELD_DOC_NO.search(text)
        if field:
            sources["doc_number"] = "page field"
            return field.group(1).strip()
        return None

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


def _other_title(lines: Sequence[_Line], body: int, text: str) -> tuple[str, str] | None:
    """A title not on a line of its own: the page's 名称 field, a file name, or run into the
    first part of the text."""
    header = text[:lines[body].start] if body < len(lines) else text
    for match in _FIELD_TITLE.finditer(header):
        if _TITLE.search(match.group(1).strip()):
            return match.group(1).strip(), "page field"
    for line in lines[:body + 1]:
        name = _FILE_NAME.match(line.core)
        if name and _TITLE.search(name.group("stem")):
            return name.group("stem"), "file name"
    for inline in _INLINE_TITLE.finditer(text, 0, min(len(text), _HEAD)):
        if not _IN_A_SENTENCE.search(inline.group("title")) and \
                not _SAYS_BELOW.match(text, inline.end()):
            return inline.group("title").strip(), "inline"
    return None


def _signature_lines(lines: Sequence[_Line], spans: Sequence[tuple[int, int]]) -> list[str]:
    """The lines just above each signature date (a date line outside every section)."""
    out = []
    for index, line in enumerate(lines):
        if _is_date_line(line) and not _inside(line.start, spans):
            previous = _previous_nonblank(lines, index, limit=4)
            if previous is not None:
                out.append(lines[previous].core)
    return out


def _signature_dates(lines: Sequence[_Line], text: str) -> Iterator[regex.Match[str]]:
    """What ``SIGNATURE_DATE.finditer(text)`` finds, tried only where it can start: at a line's
    start (its ``^``) whose first character can open a date (spaces, a year's digit); a match
    may run over a line break, so the lines it covers are not tried again."""
    after = 0
    for line in lines:
        if line.start < after or not line.text or line.text[0] not in _DATE_OPENERS:
            continue
        match = SIGNATURE_DATE.match(text, line.start)
        if match is not None:
            after = match.end()
            yield match


def _published_dates(text: str) -> Iterator[regex.Match[str]]:
    """What ``_PUBLISHED_DATE.finditer(text)`` finds, tried only where one of its field names
    can start: each holds 日期 or 时间, 0, 2 (发布) or 4 (公文生成) characters in."""
    starts: set[int] = set()
    for word in ("日期", "时间"):
        at = text.find(word)
        while at >= 0:
            starts.update(start for start in (at, at - 2, at - 4) if start >= 0)
            at = text.find(word, at + 1)
    after = 0
    for start in sorted(starts):
        if start >= after and (match := _PUBLISHED_DATE.match(text, start)) is not None:
            after = match.end()
            yield match


def _is_date_line(line: _Line) -> bool:
    """Whether the line is only a date (:data:`SIGNATURE_DATE`; every date holds 年)."""
    return "年" in line.text and SIGNATURE_DATE.match(line.text) is not None


def _joined_title(lines: Sequence[_Line], index: int, stop: int) -> str:
    """A title line with the line that ends it: after a joining word (…和 / 下一步工作打算), or
    a short line that closes it (…法治政府建设 / 工作的报告)."""
    title = lines[index].core
    following = _next_nonblank(lines, index, stop)
    if following is None:
        return title
    rest = lines[following].core
    if _TITLE_JOIN.search(title) or (_TITLE_START.search(title) and _TITLE_END.fullmatch(rest)):
        return title + rest
    return title


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


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
