"""The body a person's own report speaks for (述职/述法 reports: 本人, 我): the office its author
holds, as the report writes it (docs/document-facts.md).

A personal report names its author's office on a line of its own under the title
(``X镇党委书记 张三``), in its signature (``X镇人民政府镇长 王五`` above the date) or in its first
paragraph (``作为县司法局局长，本人…``, ``本人自2023年任X街道办事处主任以来``). The body is the
office without its post (书记, 镇长, 局长, 主任 …): X镇党委, X镇人民政府, 县司法局.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from lawgov_ie.steps.document_facts.bodies import is_body, read_body

_POST = (r"副?(?:党组书记|书记|镇长|乡长|县长|区长|市长|旗长|州长|主任|局长|院长|部长|所长|主席"
         r"|站长|队长|委员长)")
_OFFICE = r"(?P<body>[\p{Han}（）()]{2,30}?)(?:" + _POST + r")"
# An office line: the office (and any further posts after 、) and the person's name.
_OFFICE_LINE = regex.compile(r"^\s*" + _OFFICE + r"(?:[、，,][\p{Han}、]{2,20}?)?[\s\u3000]+"
                             r"\p{Han}[\p{Han}\s·]{1,5}$")
# In the first paragraph of a text that says 本人: 作为X局长，本人; 本人…任X主任.
_OFFICE_IN_TEXT = regex.compile(r"(?:作为|担任|任职|任)" + _OFFICE + r"(?=[，,、以期后]|\s)")
_PERSONAL = regex.compile(r"本人|述职|述法")


def office_body(header: Iterable[str], signature: Iterable[str], opening: str) -> \
        tuple[str, str] | None:
    """(body as written, where) of the office the author of a personal report holds: an office
    line in the header, else in the signature, else an office in the opening paragraph of a text
    that says 本人; ``None`` when there is none."""
    for lines, where in ((header, "office line"), (signature, "signature")):
        for line in lines:
            match = _OFFICE_LINE.match(line)
            if match and _a_body(match.group("body")):
                return match.group("body"), where
    if _PERSONAL.search(opening):
        for match in _OFFICE_IN_TEXT.finditer(opening):
            if _a_body(match.group("body")):
                return match.group("body"), "office in first paragraph"
    return None


def _a_body(name: str) -> bool:
    return is_body(name) and read_body(name) is not None
