"""Find quantities in text: qualifier + number + qualifier + unit (pure Python, no spaCy).

What counts as a record is annotation.md's business; the rules that decide it live in pattern
files, read once when a :class:`QuantityReader` is built:

- ``unit`` (patterns/units.jsonl): measure words and the kind of quantity they make;
- ``rank_cue`` / ``change_cue`` (units.jsonl): words that make 第三 a ranking and 增长15% a change;
- ``qualifier`` (patterns/filters.jsonl): 约/余/以上 … on either side of the number;
- ``not_record`` (filters.jsonl): dates, codes, titles, hotlines, slogans, ordinals, articles;
- ``implicit_zero`` (filters.jsonl): zeros stated in words (未发布规范性文件).

Reading a text is a few scans with expressions compiled at construction: one scanner (on
``re``, about twice as fast here as ``regex``) finds every
number with what can surround it (a qualifier, a magnitude 万/亿, a unit, 第/前 before it, or
百分之), one scan per ``not_record`` rule marks the stretches where numbers are not records,
one per ``implicit_zero`` rule finds zeros in words. A rule is not run on a text that holds
none of the strings one of which every match of it holds
(:func:`~lawgov_ie.rules.backtracking.needed_strings`): it would find nothing there; a
``not_record`` rule whose matches have no bound runs only on the stretches, between characters
none of its matches holds, around the quantities it may block (:class:`_Stretches`). No
expression holds a repeat inside a repeat, so none can backtrack without end. Offsets are into
the text given, never a normalised copy: full-width digits and spaces are read where they stand.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from operator import itemgetter

import ahocorasick_rs
import numpy as np
import regex

from lawgov_ie.rules.backtracking import (
    held_characters,
    max_width,
    needed_chars,
    needed_strings,
)
from lawgov_ie.rules.budget import compile_rule
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.steps.quantities.filters_patterns import (
    ImplicitZeroPattern,
    NotRecordPattern,
    QualifierPattern,
)
from lawgov_ie.steps.quantities.units_patterns import ChangeCuePattern, RankCuePattern, UnitPattern
from lawgov_ie.text.numbers import (
    ARABIC,
    CHINESE,
    MAGNITUDE,
    fold_magnitude,
    read_arabic,
    read_number,
)

#: Space inside a line, and any space (a line or page break included) between the parts of a
#: quantity (「18000 余份」, 「347\n件」); both bounded. Zero-width spaces from web pages count.
_SPACE_CHARS = " \t\u3000\u00a0\u200b\ufeff"
_SPACE = f"[{_SPACE_CHARS}]{{0,2}}"
#: _GAP's space is regex's \s spelled out: the scanner runs on ``re``, whose \s takes
#: \x1c–\x1f too.
_GAP = ("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
        "\u3000\u200b\ufeff]{0,6}")
#: What may not stand right before an Arabic number (it would be the middle of a code or name).
_NOT_BEFORE_ARABIC = r"[0-9０-９.．A-Za-zＡ-Ｚａ-ｚ_\-/]"
#: What may stand right after a ranking (全市第三。, 第三名, 第三的好成绩).
_RANK_END = regex.compile(r"[\s，。；、,.;：:！!？?）)\]】”’\"']|的|$")
_PERCENT_UNITS = {"%": "%", "％": "%"}
#: What joins the figures of one list (12%、8%; 12%和8%)
_LIST_JOIN = regex.compile(r"[ \t\u3000]{0,2}(?:、|和|及|与)[ \t\u3000]{0,2}")


@dataclass(slots=True)
class Quantity:
    """One quantity found: where it is, what it says, and how it was read."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    qualifier: str
    implicit: bool = False


def _alternation(words: Iterable[str]) -> str:
    """The words as one alternation, longest first (人次 before 人)."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique)


@dataclass(frozen=True)
class _Rule:
    pattern: regex.Pattern[str]
    kinds: frozenset[str]
    origin: str
    stretches: _Stretches | None = None


class _Stretches:
    """Where a ``not_record`` rule whose matches have no bound (so no windows of
    :class:`_Screen`) can block a quantity: the stretches between two characters no match of it
    holds (:func:`~lawgov_ie.rules.backtracking.held_characters`: for a rule made of numbers,
    spaces and Han characters, every punctuation mark and line break) that hold the number and
    unit of a quantity it applies to, and one of the strings every match needs.

    A match that overlaps a quantity lies in its stretch: it runs across no such character. A
    scan started before a stretch's first character tries that character (no match runs
    across the one before it), and from there on tries what the whole text's scan tries; run
    from ``reach`` before the stretch to ``reach`` after it, each try reads what it reads in
    the whole text. So its matches that start in the stretch are the whole text's there."""

    def __init__(self, held: str, reach: int, needs: frozenset[str] | None) -> None:
        # each character of the first plane: held by no match? (beyond it: taken as held, so
        # never a stretch's end: a stretch only grows)
        plane = "".join(map(chr, range(0x10000)))
        self.apart = np.ones(0x10001, dtype=bool)
        self.apart[-1] = False
        for found in regex.finditer(f"(?:{held})", plane):
            self.apart[found.start()] = False
        self.reach = reach
        self.needs = needs

    @classmethod
    def of(cls, pattern: str) -> _Stretches | None:
        """For a forward pattern with no bound on its matches' width, when what its matches
        hold is known; else None (it runs on the whole text, or in :class:`_Screen`'s windows)."""
        if pattern.startswith("(?r)") or max_width(pattern) is not None:
            return None
        held = held_characters(pattern)
        if held is None:
            return None
        needs = needed_strings(pattern)
        return cls(*held, _shortest(needs) if needs else None)

    def windows(self, text: str, cores: list[tuple[int, int]]
                ) -> list[tuple[int, int, int, int]]:
        """For the ``cores`` (number and unit spans, sorted) the rule applies to: each stretch
        that holds one of them and a needed string, as ``(pos, endpos, start, end)`` — the scan's
        span, and the stretch whose matches are kept."""
        length = len(text)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        apart = np.flatnonzero(self.apart[np.minimum(codes, 0x10000)])
        if not apart.size:
            spans = [[0, length]]
        else:
            # from after the last character apart before a core (or 0) to the first one at
            # or after its end (or the text's end); stretches that meet are one
            last = apart.size - 1
            at = np.searchsorted(apart, [start for start, _ in cores])
            lows = np.where(at > 0, apart[at - 1] + 1, 0).tolist()
            at = np.searchsorted(apart, [end for _, end in cores])
            highs = np.where(at <= last, apart[np.minimum(at, last)], length).tolist()
            spans = []
            for low, high in zip(lows, highs, strict=True):
                if spans and low <= spans[-1][1]:
                    if high > spans[-1][1]:
                        spans[-1][1] = high
                else:
                    spans.append([low, high])
        needs, reach = self.needs, self.reach
        return [(max(0, low - reach), min(length, high + reach), low, high)
                for low, high in spans
                if needs is None or any(text.find(s, low, high) >= 0 for s in needs)]


Where = bool | list[tuple[int, int]]
"""Where a pattern is to run on a text: nowhere (False), on the whole text (True), or in
these windows ``(pos, endpos)``, which hold every match it has there."""


class _Screen:
    """Where each of some patterns may match a text, by the strings one of which each needs
    (:func:`~lawgov_ie.rules.backtracking.needed_strings`, a string that holds another of its
    set left out): a pattern that needs a character is looked for with ``in`` (a common one is
    found at once), those that need longer strings share one Aho–Corasick pass.

    A pattern of the pass whose matches are at most ``width`` long and whose look-arounds and
    anchors read at most ``reach`` characters beyond them runs only in windows: a match holds
    an occurrence of a needed string, so it lies within ``width`` of one; occurrences that
    close are one stretch, and stretches closer than ``reach`` one too. Run from ``reach``
    before a stretch to ``reach`` after it, every try reads what it reads in the whole text,
    and no match elsewhere reaches in: the window finds what the whole text's scan finds
    there, forwards or backwards (``(?r)``), and nothing else."""

    def __init__(self, patterns: Sequence[str]) -> None:
        needs = [_shortest(n) if (n := needed_strings(p)) else None for p in patterns]
        many = sorted({s for n in needs if n and min(map(len, n)) > 1 for s in n})
        index = {s: i for i, s in enumerate(many)}
        self.automaton = ahocorasick_rs.AhoCorasick(
            many, implementation=ahocorasick_rs.Implementation.DFA) if many else None
        self.users: list[list[int]] = [[] for _ in many]  # each string's patterns
        # per pattern: None (may match anywhere), strings for ``in``, or the automaton's;
        # then, for windows, its longest match and how far beyond one it reads (None: no windows)
        self.needs: list[tuple[frozenset[str] | None, bool, int | None, int]] = []
        for at, (pattern, n) in enumerate(zip(patterns, needs, strict=True)):
            if n is None or min(map(len, n)) == 1:
                self.needs.append((n, False, None, 0))
                continue
            for string in n:
                self.users[index[string]].append(at)
            self.needs.append((None, True, max_width(pattern), max_width(pattern, looks=True) or 0))

    def where(self, text: str) -> list[Where]:
        """For each pattern, where on ``text`` it is to run."""
        held: dict[int, list[tuple[int, int]]] = {}
        if self.automaton is not None:
            users = self.users
            for i, start, end in self.automaton.find_matches_as_indexes(text, overlapping=True):
                for at in users[i]:
                    held.setdefault(at, []).append((start, end))
        found: list[Where] = []
        for at, (few, by_pass, width, reach) in enumerate(self.needs):
            if not by_pass:
                found.append(any(s in text for s in few) if few is not None else True)
            elif at not in held:
                found.append(False)
            elif width is None:
                found.append(True)
            else:
                found.append(_windows(held[at], width, reach, len(text)))
        return found


def _windows(held: list[tuple[int, int]], width: int, reach: int,
             length: int) -> list[tuple[int, int]]:
    """The windows of :class:`_Screen` around the occurrences ``held`` of needed strings."""
    spans = sorted((end - width, start + width) for start, end in held)
    windows: list[tuple[int, int]] = []
    low, high = spans[0]
    for start, end in spans[1:]:
        if start < high + reach:
            high = max(high, end)
            continue
        windows.append((max(0, low - reach), min(length, high + reach)))
        low, high = start, end
    windows.append((max(0, low - reach), min(length, high + reach)))
    return windows


def _shortest(strings: frozenset[str]) -> frozenset[str]:
    """The strings that hold none of the others (a text holding 无发生 holds 无)."""
    return frozenset(s for s in strings
                     if not any(s[i:j] in strings for i in range(len(s))
                                for j in range(i + 1, len(s) + 1) if j - i < len(s)))


class QuantityReader:
    """Reads every quantity of a text; built once per pattern set, then only scans."""

    def __init__(self, units: Sequence[UnitPattern],
                 qualifiers: Sequence[QualifierPattern] = (),
                 not_records: Sequence[NotRecordPattern] = (),
                 implicit_zeros: Sequence[ImplicitZeroPattern] = (),
                 rank_cues: Sequence[RankCuePattern] = (),
                 change_cues: Sequence[ChangeCuePattern] = ()) -> None:
        #: every written form of a unit (its variants included) → its pattern
        self.units: dict[str, UnitPattern] = {}
        for unit in units:
            for written in (*unit.variants, unit.unit):
                self.units[written] = unit
        self.qualifiers: dict[tuple[str, str], str] = {
            (q.position, q.word): q.qualifier for q in qualifiers}
        self.scanner = self._scanner()
        # a match's fields by their numbers: one groups() call and a tuple read (groupdict
        # costs 3.6 µs a match, a name looked up for each start/end too)
        self._slots: dict[str, int] = dict(self.scanner.groupindex)
        self._fields = itemgetter(*(self._slots[name] - 1 for name in (
            "mark", "percent_word", "percent", "after_percent", "arabic", "magnitude",
            "chinese", "round", "suffix", "magnitude2", "unit", "after")))
        #: a written unit → the unit reported, its kind, and its scale when not 1
        self._unit_of: dict[str, tuple[str, str, float | None]] = {}
        for written in (*self.units, *_PERCENT_UNITS):
            pattern = self.units.get(written)
            scale = pattern.scale if pattern is not None and pattern.scale != 1 else None
            if written in _PERCENT_UNITS:
                self._unit_of[written] = (_PERCENT_UNITS[written], "rate", scale)
            elif pattern is not None:
                self._unit_of[written] = (pattern.canonical or pattern.unit, pattern.unit_kind,
                                          scale)
        prefixes = [w for (p, w) in self.qualifiers if p == "prefix"]
        inside = {q.word: q.not_after for q in qualifiers if q.position == "prefix" and q.not_after}
        words = sorted(set(prefixes), key=lambda w: (-len(w), w))
        prefix_words = "|".join(
            (f"(?<!{'|'.join(map(regex.escape, inside[w]))})" if w in inside else "")
            + regex.escape(w) for w in words) or "(?!)"
        # 约 of 村规民约 is no qualifier: a word listed in not_after before it makes it a word
        self.prefix = regex.compile(rf"(?r)(?P<word>{prefix_words}){_SPACE}\Z")
        self.prefix_reach = max(map(len, prefixes), default=0) + 2
        #: what stands right before a number that has a prefix: a word's last character or
        #: a space of _SPACE
        self.prefix_last = frozenset(w[-1] for w in prefixes) | frozenset(_SPACE_CHARS)
        self.not_records = [
            _Rule(compile_rule(p.regex, f"not_record {p.id!r}"), frozenset(p.applies_to), p.id,
                  _Stretches.of(p.regex))
            for p in not_records]
        self.implicit_zeros = [compile_rule(p.regex, f"implicit_zero {p.id!r}")
                               for p in implicit_zeros]
        self.screen = _Screen([*(p.regex for p in not_records),
                                   *(p.regex for p in implicit_zeros)])
        cues = _alternation(c.word for c in rank_cues)
        self.rank_cue = (regex.compile(rf"(?r)(?:{cues})[^，。；,;：:\n]{{0,8}}\Z")
                         if cues else None)
        # with the characters one of which every match holds (a window without any: no cue)
        self.change_cues = [
            (compile_rule(rf"(?r)(?:{c.regex}){_SPACE}\Z", f"change_cue {c.id!r}"),
             frozenset(c.units), needed_chars(c.regex))
            for c in change_cues]

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> QuantityReader:
        return cls(patterns.of("unit", UnitPattern),
                   patterns.of("qualifier", QualifierPattern),
                   patterns.of("not_record", NotRecordPattern),
                   patterns.of("implicit_zero", ImplicitZeroPattern),
                   patterns.of("rank_cue", RankCuePattern),
                   patterns.of("change_cue", ChangeCuePattern))

    def _words(self, position: str) -> str:
        return _alternation(w for (p, w) in self.qualifiers if p == position) or "(?!)"

    def _scanner(self) -> re.Pattern[str]:
        """One expression for every quantity that starts with its number (prefixes: apart).

        Written for the standard library's ``re`` (which finds where a number can start about
        twice as fast as ``regex`` here), in the syntax both read alike: each look-behind of a
        fixed width, no duplicate group name (a percentage's qualifier after it is
        ``after_percent``), the space of ``_GAP`` spelled out."""
        units = _alternation([*self.units, *_PERCENT_UNITS]) or "(?!)"
        number = f"{ARABIC}|{CHINESE}"
        after_unit = self._words("after_unit")
        after = rf"(?:{_SPACE}(?P<after>{after_unit}))?"
        # (?<=(?<![最附就邻亲])近|逾|超过?|将近|接近|突破), one width at a time
        round_after = "|".join(f"(?<={word})" for word in (
            "(?<![最附就邻亲])近", "逾", "超", "超过", "将近", "接近", "突破"))
        # The leading class lets the engine skip to where a number can start.
        return re.compile(
            r"(?=[第前百千万萬0-9０-９〇零一二两兩三四五六七八九十])(?:"
            rf"(?P<mark>第|前){_SPACE}(?P<rank>{number})(?:{_SPACE}(?P<rank_unit>名|位))?"
            rf"(?:{_GAP}(?P<rank_tail>{units}))?"
            rf"|(?P<percent_word>百分之)(?P<percent>{number}|百)"
            rf"(?:{_SPACE}(?P<after_percent>{after_unit}))?"
            r"|(?:"
            rf"(?<!{_NOT_BEFORE_ARABIC})(?P<arabic>{ARABIC})(?:{_GAP}(?P<magnitude>{MAGNITUDE}))?"
            rf"|(?P<chinese>{CHINESE})"
            rf"|(?P<round>[百千万](?=[余多])|(?:{round_after})[百千万萬](?![一二两三四五六七八九十]))"
            r")"
            rf"(?:{_GAP}(?P<suffix>{self._words('suffix')}))?"
            rf"(?:{_GAP}(?P<magnitude2>{MAGNITUDE}))?"
            rf"{_GAP}(?P<unit>{units}){after}"
            r")"
        )

    # -- reading ------------------------------------------------------------------------------

    def read(self, text: str) -> list[Quantity]:
        """Every quantity of ``text`` that is a record, implicit zeros included, in text order."""
        if not isinstance(text, str):
            raise TypeError(f"QuantityReader.read expects str, not {type(text).__name__}")
        candidates = [q for m in self.scanner.finditer(text) if (q := self._quantity(text, m))]
        runs = self.screen.where(text)
        count = len(self.not_records)
        found = self._drop_not_records(text, candidates, runs[:count]) if candidates else []
        found = self._listed_changes(text, found)
        found.extend(self._implicit_zeros(text, runs[count:]))
        found.sort(key=lambda q: (q.start, q.end))
        return found

    def _quantity(self, text: str, match: re.Match[str]) -> tuple[Quantity, int, int] | None:
        """The quantity a scanner match stands for, with the span of its number and unit."""
        (mark, percent_word, percent, after_percent, arabic, magnitude, chinese, round_, suffix,
         magnitude2, unit_written, after) = self._fields(match.groups())
        if mark:
            return self._rank_or_number_after(text, match)
        slots = self._slots
        scale: float | None
        try:
            if percent_word:
                unit, kind, scale = "%", "rate", None
                core_start = match.start(slots["percent_word"])
                core_end = match.end(slots["percent"])
                value = 100.0 if percent == "百" else read_number(percent or "")
            else:
                unit, kind, scale = self._unit_of[unit_written]
                core_start = match.start(slots["arabic"] if arabic else
                                         slots["chinese"] if chinese else slots["round"])
                core_end = match.end(slots["unit"])
                both = (magnitude or "") + (magnitude2 or "")
                if arabic:
                    value = fold_magnitude(arabic, both) if both else read_arabic(arabic)
                else:
                    value = read_number(chinese or round_ or "")
                    if both:
                        value = fold_magnitude(str(value), both)
        except ValueError:
            return None
        if scale is not None:
            value = float(Decimal(str(value)) * Decimal(str(scale)))
        start = core_start
        qualifier = "exact"
        # a prefix word ends right before the number or a space or two before it: a number
        # after any other character has none (the search would find nothing)
        prefix = (self.prefix.search(text, max(0, start - self.prefix_reach), start)
                  if start and text[start - 1] in self.prefix_last else None)
        if prefix is not None:
            start = prefix.start()
            qualifier = self.qualifiers[("prefix", prefix.group("word"))]
        elif suffix:
            qualifier = self.qualifiers[("suffix", suffix)]
        elif after or after_percent:
            qualifier = self.qualifiers[("after_unit", after or after_percent)]
        end = match.end()
        kind, sign = self._change_kind(text, start, unit, kind)
        if sign < 0:
            value = -value
        quantity = Quantity(start, end, text[start:end], value, unit, kind, qualifier)
        return quantity, core_start, core_end

    def _change_kind(self, text: str, start: int, unit: str, kind: str) -> tuple[str, int]:
        """``change`` (with its sign: -1 after a decrease word) when a change cue ends right
        before the quantity; a unit that is a change by itself (个百分点) is one either way."""
        window = max(0, start - 24)
        before = None
        for cue, units, needs in self.change_cues:
            if kind != "change" and units and unit not in units:
                continue
            if needs is not None:
                if before is None:
                    before = text[window:start]
                if needs.isdisjoint(before):
                    continue
            found = cue.search(text, window, start)
            if found is not None:
                return "change", -1 if found.groupdict().get("down") else 1
        return kind, 1

    def _rank_or_number_after(self, text: str, match: re.Match[str]
                              ) -> tuple[Quantity, int, int] | None:
        """第三 / 前十 after a ranking cue is a rank; 前 + a counted number is that count."""
        mark_start = match.start("mark")
        end = match.end("rank_unit") if match.group("rank_unit") else match.end("rank")
        is_rank = (self.rank_cue is not None
                   and _RANK_END.match(text, end) is not None
                   and self.rank_cue.search(text, max(0, mark_start - 16), mark_start))
        if is_rank:
            try:
                value = read_number(match.group("rank"))
            except ValueError:
                return None
            qualifier = "less_than" if match.group("mark") == "前" else "exact"
            quantity = Quantity(mark_start, end, text[mark_start:end], value, "名", "rank",
                                qualifier)
            return quantity, mark_start, end
        if match.group("mark") == "前" and match.group("rank_tail"):
            # 提前10天, 前3个月: the number after 前 is read as any other (rules may drop it)
            sub = self.scanner.match(text, match.start("rank"), match.end())
            if sub is not None and not sub.group("mark"):
                return self._quantity(text, sub)
        return None

    @staticmethod
    def _listed_changes(text: str, found: list[Quantity]) -> list[Quantity]:
        """同比分别增长12%、8%: a figure of the same unit listed right after a change (joined by
        、/和/及) is a change too, with the same sign."""
        for at in range(1, len(found)):
            before, quantity = found[at - 1], found[at]
            if before.kind == "change" and quantity.kind != "change" \
                    and quantity.unit == before.unit \
                    and _LIST_JOIN.fullmatch(text, before.end, quantity.start):
                value = -quantity.value if before.value < 0 else quantity.value
                found[at] = replace(quantity, kind="change", value=value)
        return found

    # -- filters ------------------------------------------------------------------------------

    def _drop_not_records(self, text: str, found: list[tuple[Quantity, int, int]],
                          runs: list[Where]) -> list[Quantity]:
        """The quantities whose number and unit overlap no ``not_record`` match of their kind
        (each rule run where it may match)."""
        blocked: list[tuple[int, int, frozenset[str]]] = []
        for rule, run in zip(self.not_records, runs, strict=True):
            if run is True and rule.stretches is not None:
                kinds = rule.kinds
                cores = sorted((start, end) for quantity, start, end in found
                               if not kinds or quantity.kind in kinds)
                for pos, endpos, low, high in rule.stretches.windows(text, cores):
                    blocked.extend((m.start(), m.end(), kinds)
                                   for m in rule.pattern.finditer(text, pos, endpos)
                                   if low <= m.start() < high and m.end() > m.start())
                continue
            if run is True:
                blocked.extend((m.start(), m.end(), rule.kinds)
                               for m in rule.pattern.finditer(text) if m.end() > m.start())
                continue
            for pos, endpos in run or ():
                blocked.extend((m.start(), m.end(), rule.kinds)
                               for m in rule.pattern.finditer(text, pos, endpos)
                               if m.end() > m.start())
        if not blocked:
            return [q for q, _, _ in found]
        blocked.sort()
        starts = [b[0] for b in blocked]
        longest = max(b[1] - b[0] for b in blocked)
        kept = []
        count = len(blocked)
        for quantity, core_start, core_end in found:
            index = bisect_left(starts, core_start - longest)
            hit = False
            while index < count:
                b_start, b_end, kinds = blocked[index]
                if b_start >= core_end:
                    break
                if b_end > core_start and (not kinds or quantity.kind in kinds):
                    hit = True
                    break
                index += 1
            if not hit:
                kept.append(quantity)
        return kept

    def _implicit_zeros(self, text: str, runs: list[Where]) -> list[Quantity]:
        zeros: list[Quantity] = []
        starts: list[int] = []  # the zeros taken so far, sorted and never overlapping
        ends: list[int] = []
        for pattern, run in zip(self.implicit_zeros, runs, strict=True):
            if not run:
                continue
            for m in pattern.finditer(text):
                at = bisect_left(starts, m.end())  # the first zero starting at or after our end
                if at and ends[at - 1] > m.start():
                    continue  # an earlier rule's zero overlaps this one
                starts.insert(at, m.start())
                ends.insert(at, m.end())
                zeros.append(Quantity(m.start(), m.end(), m.group(), 0.0, "", "count", "exact",
                                      implicit=True))
        return zeros
