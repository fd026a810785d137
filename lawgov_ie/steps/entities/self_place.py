"""How a report refers to its own place (我镇, 本区, 我街), and the township it names by rule when
the gazetteer lacks it (a street or town newer than the data): shared by the GPE rules and the
document facts (:mod:`lawgov_ie.steps.document_facts.subject`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import regex

from lawgov_ie.steps.entities.grammar import Literals

# 我镇, 本区, 我街道 (not 我市民, 本市场: the unit word ends the word, so a Han word-start follows
# only for the units that are whole words; 我县 before 委/政府 counts, it is the same place).
_SELF = re.compile(r"[我本](街道|镇|乡|县|区|市|旗|街)(?!民|场|级|域|属|间|长|委员)")
TOWNSHIP_UNITS = ("镇", "乡", "街道", "街")
_LONGER = ("化", "区", "村", "社区")  # after a township's name: a longer word
# A township name where a word begins (after punctuation, a year, 在/由/对, a line's start).
_WRITTEN_TOWNSHIP = regex.compile(
    r"(?:^|(?<=[\s，,。；;：:、（(“\"《]|年|在|由|对))(?P<name>(?P<stem>\p{Han}{2,4}?)"
    r"(?P<unit>街道|镇|乡|街))(?!化|区|村|社区|\p{Han}?[镇乡街])", regex.MULTILINE)
# the first character of _WRITTEN_TOWNSHIP's units (an automaton: a re scan of a class of Han
# characters tests each character slowly)
_UNIT_START = Literals(("街", "镇", "乡"))
_BOUNDARY_CHARS = frozenset("，,。；;：:、（(“\"《年在由对")  # its look-behind's, but \s
# Stems of words, not names: 小城镇, 特色小镇, 步行街, 全乡, 各街道.
_NOT_A_TOWNSHIP = regex.compile(r"^(?:全|各|本|我|该|其|此|每|小城|特色|重点|建制|中心|示范|集镇"
                                r"|商业|步行|美食|老街|城乡|乡镇)|[城乡镇街村]$")


_KEEP_FROM = 200  # a text this long has its answers kept (the GPE rules and the document
# facts ask the same of a document): the last text's, for each function
_LAST: dict[str, tuple[str, Any]] = {}


def _kept(name: str, text: str, compute: Callable[[str], Any]) -> Any:
    """``compute(text)``, or what it gave for the same text the last time ``name`` was asked."""
    if len(text) < _KEEP_FROM:
        return compute(text)
    last = _LAST.get(name)
    if last is not None and last[0] is text:
        return last[1]
    answer = compute(text)
    _LAST[name] = (text, answer)
    return answer


def self_references(text: str) -> list[str]:
    """The unit words of every 我X/本X in ``text``."""
    return list(_kept("self_references", text,
                      lambda t: tuple(m.group(1) for m in _SELF.finditer(t))))


def self_unit(text: str) -> str | None:
    """The unit word of the report's own place, from its 我X/本X (the most used)."""
    return dominant(Counter(self_references(text)))


def written_townships(text: str, units: tuple[str, ...] = TOWNSHIP_UNITS) -> set[str]:
    """Township names of ``units`` written where a word begins (no common word's stem)."""
    written: tuple[tuple[str, str, str], ...] = _kept("written", text, lambda t: tuple(
        (m.group("name"), m.group("unit"), m.group("stem")) for m in _written(t)))
    return {name for name, unit, stem in written
            if unit in units and not _NOT_A_TOWNSHIP.search(stem)}


def _written(text: str) -> list[regex.Match[str]]:
    """``_WRITTEN_TOWNSHIP.finditer(text)``, tried only two to four characters before a unit
    word's first character (where its matches start), not at every character: the same
    matches, about 5× faster."""
    found: list[regex.Match[str]] = []
    last = 0  # where the last match ended: a scan goes on from there
    tried = 0  # every start before this was tried
    for unit, _ in _UNIT_START.spans(text):
        for at in range(max(tried, last, unit - 4), unit - 1):
            # the look-behind's characters (\s: str.isspace is true for all of them), a cheap
            # test before the match
            if at and text[at - 1] not in _BOUNDARY_CHARS and not text[at - 1].isspace():
                continue
            if (match := _WRITTEN_TOWNSHIP.match(text, at)) is not None:
                found.append(match)
                last = match.end()
                break
        tried = max(tried, unit - 1)
    return found


def written_township(text: str, unit: str | None,
                     written: set[str] | None = None) -> str | None:
    """The township a text that calls itself 我镇 or 我街 names by rule: a name of that unit
    written at least once where a word begins (after a comma, a year, 在 …), at least twice in
    all and twice as often as any other such name; ``None`` for other units or weaker evidence.
    ``written``: :func:`written_townships` of the text, when already at hand."""
    if unit not in TOWNSHIP_UNITS:
        return None
    units = ("街道", "街") if unit in ("街道", "街") else (unit,)
    names = written_townships(text) if written is None else written
    counts = Counter({name: _occurrences(text, name) for name in names if name.endswith(units)})
    return dominant(counts, 2)


def _occurrences(text: str, name: str) -> int:
    """How often ``name`` is written, not as the head of a longer word (X镇化, X街区, X街村)."""
    count = 0
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not text.startswith(_LONGER, end):
            count += 1
        at = text.find(name, end)
    return count


def dominant(counts: Counter[str], least: int = 1) -> str | None:
    """The name counted at least ``least`` times and twice as often as the next, if any."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
