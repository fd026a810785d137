"""Read the document facts of a report: title, issuer, place, year, date, 文号 (pure Python)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .doc_data import EntityInfo, SectionInfo
from .models import DocumentMeta

_TITLE_YEAR = regex.compile(r"(20[0-9]{2})\s*年度?[^\n。]{0,30}?(?:报告|总结)")
_PLACE = regex.compile(r"([\p{Han}]{1,6}?(?:街道|镇|乡))(?:人民政府|[0-9\s])")
_DATE = regex.compile(r"^\s*(20[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日\s*$", regex.MULTILINE)
_DOC_NO = regex.compile(r"[\p{Han}]{1,8}〔20[0-9]{2}〕[0-9]{1,4}号")


class MetaReader:
    def read(self, text: str, entities: Sequence[EntityInfo],
             sections: Sequence[SectionInfo]) -> DocumentMeta:
        meta = DocumentMeta()
        year = _TITLE_YEAR.search(text)
        if year:
            meta.year = int(year.group(1))
        place = _PLACE.search(text)
        if place:
            meta.place = place.group(1)
        dates = list(_DATE.finditer(text))
        if dates:
            y, m, d = (int(g) for g in dates[0].groups())
            meta.date = f"{y:04d}-{m:02d}-{d:02d}"
        number = _DOC_NO.search(text)
        if number:
            meta.doc_number = number.group()
        return meta
