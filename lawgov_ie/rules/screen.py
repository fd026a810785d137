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

from collections.abc import Sequence

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


class Screen:
    """The patterns of a list that may match a text, as a bit mask (bit ``k``: ``patterns[k]``;
    a None in the list never may)."""

    def __init__(self, patterns: Sequence[regex.Pattern[str] | None]) -> None:
        self.always = 0  # the patterns whose needed texts are not known
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
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(keys), matchkind=ahocorasick_rs.MatchKind.Standard) if keys else None

    def possible(self, text: str) -> int:
        """The bit mask of the patterns that may match somewhere in ``text``."""
        mask = self.always
        if self._automaton is not None:
            masks = self._masks
            for key, _, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
                mask |= masks[key]
        return mask
