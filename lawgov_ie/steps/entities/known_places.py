"""The gazetteer as the ORG grammar's place link (:meth:`OrgGrammar.place_chain_start`).

A place name that ends where a body (or a body's level) begins joins the ORG's name when it is

- a full name of the gazetteer (英林镇, 晋江市; not a one-character stem such as 城区, which is
  also an ordinary word), wherever it stands: the data, not the characters around it, says it is
  a name, so no verb before it is swallowed (指导英林镇人民政府 → 英林镇人民政府);
- a short name written with a one-character level (红河州 for 红河哈尼族彝族自治州, 屏边县 for
  an autonomous county), wherever it stands, like a full name;
- a GPE the places step found in this document (a township the 2019 data lacks, a village);
- a short name written without its level (东阳渡司法所 for 东阳渡街道's office, 海淀区 written
  海淀): a county's or city's short name, the stem of a township of the gazetteer or of a
  township GPE of the document, standing after a boundary (punctuation, the line's start, a
  word that never begins a name, another place, 中共).

So GPE and ORG agree: a place inside an ORG span is that span's part (flat spans, the ORG wins
as the longer reading), and the ORG starts where the place the GPE rules know starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from lawgov_ie.doc_data import EntityInfo
from lawgov_ie.steps.entities.grammar import StopWords
from lawgov_ie.text.gazetteer import Gazetteer, PlaceHit

_HAN = regex.compile(r"\p{Han}")
_TOWNSHIP_UNITS = ("街道", "镇", "乡", "街")
_STEM = (2, 4)  # characters of a short name written bare
_LEVEL_CHARS = frozenset("省市县区镇乡街村州旗")
_BARE_UNITS = ("县", "旗")  # a one-character name with these is a county's (浚县, 佳县)
_SHORT_UNITS = {"province": "省", "city": "市州盟", "county": "县市区旗", "township": ""}


def is_bare_county(hit: PlaceHit, text: str) -> bool:
    """A county named by one character and 县 (浚县, 佳县) where a name stands: at the text's or
    a line's start, after punctuation or a space, or after 中共. Elsewhere such a pair is as
    often the end of a word and a level (管理县级, 完成县委)."""
    if hit.short or len(hit.text) != 2 or not hit.text.endswith(_BARE_UNITS) or not any(
            p.level == "county" for p in hit.places):
        return False
    return hit.start == 0 or not _HAN.match(text[hit.start - 1]) or text.startswith(
        "中共", hit.start - 2)


class KnownPlaces:
    """``(text, end, low) -> start`` of the known place name that ends at ``end`` (``end`` when
    none does), for one text at a time (:meth:`for_text` sets the text and its GPEs)."""

    def __init__(self, gaz: Gazetteer, stops: StopWords) -> None:
        self.gaz = gaz
        self.stops = stops
        self._text: str | None = None
        self._ends: dict[int, int] = {}  # end -> start of the longest accepted full name
        self._bare: dict[int, int] = {}  # end -> start of a county named by one character
        self._shorts: dict[int, list[int]] = {}  # end -> starts of short names, longest first
        self._stems: frozenset[str] = frozenset()  # township stems of the document's GPEs
        self._township_stems: dict[str, bool] = {}  # the gazetteer's answers, kept

    def for_text(self, text: str, gpes: Sequence[EntityInfo] = (),
                 hits: Iterable[PlaceHit] | None = None) -> KnownPlaces:
        """A place link for ``text`` alone: the gazetteer's names in it (``hits``, when the caller
        has them already) and the document's own GPEs indexed (this object is left as it is,
        so nothing of one text is kept for the next)."""
        indexed = object.__new__(type(self))  # a shallow copy (copy.copy, cheaper)
        indexed.__dict__.update(self.__dict__)
        indexed._index(text, gpes, self.gaz.hits(text) if hits is None else hits)
        return indexed

    def _index(self, text: str, gpes: Sequence[EntityInfo], hits: Iterable[PlaceHit]) -> None:
        self._text = text
        ends: dict[int, int] = {}
        shorts: dict[int, list[int]] = {}
        bare: dict[int, int] = {}
        for hit in hits:
            if hit.short:
                levels = {p.level for p in hit.places}
                if len(hit.text) >= _STEM[0] and levels & {"province", "city", "county"}:
                    shorts.setdefault(hit.end, []).append(hit.start)
                    unit = text[hit.end:hit.end + 1]
                    if unit and any(unit in _SHORT_UNITS[level] for level in levels):
                        # 红河州, 屏边县: a short name with a level character is the full name
                        ends[hit.end + 1] = min(ends.get(hit.end + 1, hit.end + 1), hit.start)
            elif any(p.short != p.name for p in hit.places):  # 城区, 城镇: ordinary words too
                ends[hit.end] = min(ends.get(hit.end, hit.end), hit.start)
            elif is_bare_county(hit, text):
                bare[hit.end] = hit.start
        stems = set()
        for gpe in gpes:
            if gpe.label != "GPE":
                continue
            ends[gpe.end] = min(ends.get(gpe.end, gpe.end), gpe.start)
            for unit in _TOWNSHIP_UNITS:
                stem = gpe.text.removesuffix(unit)
                if stem != gpe.text and _STEM[0] <= len(stem) <= _STEM[1]:
                    stems.add(stem)
                    break
        self._ends = ends
        self._bare = bare
        self._shorts = {end: sorted(starts) for end, starts in shorts.items()}
        self._stems = frozenset(stems)

    def __call__(self, text: str, end: int, low: int = 0) -> int:
        if text is not self._text and text != self._text:
            return self.for_text(text)(text, end, low)
        start = self._ends.get(end, end)
        if low <= start < end:
            return start
        start = self._bare.get(end, end)
        if low <= start < end:
            return start
        for start in self._shorts.get(end, ()):
            if start >= low and self._boundary(text, start):
                return start
        for size in range(_STEM[1], _STEM[0] - 1, -1):
            start = end - size
            if start < low:
                continue
            stem = text[start:end]
            if self._is_stem(stem) and self._boundary(text, start):
                return start
        return end

    def _is_stem(self, stem: str) -> bool:
        if stem in self._stems:
            return True
        known = self._township_stems.get(stem)
        if known is None:
            known = all(_HAN.match(c) for c in stem) and stem[-1] not in _LEVEL_CHARS and any(
                place.level == "township" for unit in _TOWNSHIP_UNITS
                for place in self.gaz.lookup(stem + unit))
            if len(self._township_stems) < 1 << 16:
                self._township_stems[stem] = known
        return known

    def _boundary(self, text: str, at: int) -> bool:
        """Whether a short name may start at ``at``: after a boundary, and not with a word
        that never begins a name (联合 is a township's stem and a verb)."""
        if self.stops.starting_at(text, at):
            return False
        if at == 0 or not _HAN.match(text[at - 1]) or text[at - 1] in _LEVEL_CHARS:
            return True
        if text.startswith("中共", at - 2) or at in self._ends:
            return True
        return self.stops.ending_at(text, at) is not None
