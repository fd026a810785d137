"""Which of many pattern-file regexes may match a text, found in one pass before any of them runs.

A step that tries many patterns on one text (the ``indicator`` lines' triggers on a label) mostly
learns that they do not match, one regex call each. :class:`Screen` asks first, in one
Aho–Corasick pass (``ahocorasick-rs``), which of the texts the patterns' matches need
(:func:`~lawgov_ie.rules.backtracking.needed_strings`: 调解 for ``(?:人民)?调解[^，]*``) stand
in the text: a pattern none of whose needed texts stands there cannot match, and is not tried.
The answer is a necessary condition only — a pattern it lets through is run as before — so what
the step finds is unchanged. A pattern whose needed texts are not known is always let through.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

import ahocorasick_rs
import regex

from lawgov_ie.rules.backtracking import needed_strings

# flags under which a pattern's characters stand for others (case folding, verbose layout)
_CHARACTER_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.LOCALE


def needs_of(pattern: regex.Pattern[str]) -> frozenset[str] | None:
    """The texts one of which stands in every match of a compiled pattern, None if unknown."""
    if pattern.flags & _CHARACTER_FLAGS:
        return None
    return needed_strings(pattern.pattern)


_MEMO = 4096  # texts whose answer a screen keeps
_MEMO_TEXT = 64  # the longest text kept (labels, not sentences)


class Screen:
    """The patterns of a list that may match a text, as a bit mask (bit ``k``: ``patterns[k]``;
    a None in the list never may)."""

    def __init__(self, patterns: Sequence[regex.Pattern[str] | None]) -> None:
        self.always = 0  # the patterns whose needed texts are not known
        self.size = len(patterns)
        self.number = {id(p): k for k, p in enumerate(patterns) if p is not None}
        keys: dict[str, int] = {}
        self._masks: list[int] = []  # for each key, the patterns that need it
        for number, pattern in enumerate(patterns):
            if pattern is None:
                continue
            needs = needs_of(pattern)
            if needs is None:
                self.always |= 1 << number
                continue
            for key in sorted(needs):
                at = keys.setdefault(key, len(keys))
                if at == len(self._masks):
                    self._masks.append(0)
                self._masks[at] |= 1 << number
        self._memo: dict[str, int] = {}  # possible() of short texts (a pure function of them)
        self._keys = list(keys)
        self._automaton = _automaton(self._keys)

    def __getstate__(self) -> dict[str, Any]:
        """What pickles (the automaton does not: it is built again from the keys)."""
        return {**self.__dict__, "_automaton": None, "_memo": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._automaton = _automaton(self._keys)

    def possible(self, text: str) -> int:
        """The bit mask of the patterns that may match somewhere in ``text`` (kept for the last
        :data:`_MEMO` texts asked about: a label is asked about again and again)."""
        mask = self._memo.get(text)
        if mask is None:
            mask = self.always
            if self._automaton is not None:
                masks = self._masks
                for key, _, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
                    mask |= masks[key]
            if len(text) <= _MEMO_TEXT:
                if len(self._memo) >= _MEMO:
                    self._memo.clear()
                self._memo[text] = mask
        return mask

    def spots(self, text: str) -> Spots:
        """Where in ``text`` the texts each pattern needs stand: for many searches of parts of
        one document."""
        return Spots(self, text)


def _automaton(keys: list[str]) -> ahocorasick_rs.AhoCorasick | None:
    return ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard) \
        if keys else None


class Spots:
    """Where the texts the patterns of a :class:`Screen` need start in one text, found in one
    pass: whether a pattern may match inside a part of the text is then a look-up."""

    def __init__(self, screen: Screen, text: str) -> None:
        self._number = screen.number
        self._starts: list[list[int] | None] = [
            None if screen.always >> k & 1 else [] for k in range(screen.size)]
        if screen._automaton is None:
            return
        masks = screen._masks
        for key, start, _ in screen._automaton.find_matches_as_indexes(text, overlapping=True):
            mask = masks[key]
            while mask:
                lowest = mask & -mask
                mask ^= lowest
                found = self._starts[lowest.bit_length() - 1]
                if found is not None:
                    found.append(start)  # in order of the key's end: sorted below
        for found in self._starts:
            if found:
                found.sort()

    def starts(self, *patterns: regex.Pattern[str] | None) -> list[int] | None:
        """Where the texts any of ``patterns`` needs start, sorted (None: one of them is not the
        screen's, or its needs are not known, so it may match anywhere); with
        :func:`holds`, whether any of them may match in a part of the text, in one look-up."""
        found: set[int] = set()
        for pattern in patterns:
            if pattern is None:
                continue
            number = self._number.get(id(pattern))
            own = self._starts[number] if number is not None else None
            if own is None:
                return None
            found.update(own)
        return sorted(found)

    def may_match(self, pattern: regex.Pattern[str], start: int, end: int) -> bool:
        """Whether ``pattern`` (one of the screen's) may match inside ``text[start:end]``: some
        text it needs starts there (a necessary condition; an unknown pattern always may)."""
        number = self._number.get(id(pattern))
        if number is None:
            return True
        found = self._starts[number]
        if found is None:
            return True
        at = bisect_left(found, start)
        return at < len(found) and found[at] < end


def holds(starts: list[int] | None, start: int, end: int) -> bool:
    """Whether one of ``starts`` (:meth:`Spots.starts`) lies in ``[start, end)``; True for None."""
    if starts is None:
        return True
    at = bisect_left(starts, start)
    return at < len(starts) and starts[at] < end
