"""Run a regular expression with a time limit, so one bad pattern cannot hang ``extract``.

The ``regex`` module stops a match that takes longer than its ``timeout=`` argument with
``TimeoutError``. These helpers pass a generous limit (:data:`DEFAULT_TIMEOUT` seconds, far above
what any pattern needs on a report) and turn a timeout into a :class:`RegexTimeoutWarning` naming
the pattern and where in the text it was stuck, and an empty result: the reader goes on without
that pattern's matches instead of raising or hanging. A timeout is a bug in a pattern (nested or
ambiguous repeats; ``lawgov_ie.regex_backtracking`` finds most of them at load time), so it is
reported, never relied on.

>>> import regex
>>> [m.group() for m in finditer(regex.compile(r"[0-9]+件"), "收到3件，办结2件")]
['3件', '2件']
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import regex

DEFAULT_TIMEOUT = 5.0
"""Seconds one call may take; a linear pattern needs milliseconds on a whole report."""


class RegexTimeoutWarning(UserWarning):
    """A pattern ran past its time limit and was given up on (its matches are missing)."""


def _give_up(pattern: regex.Pattern[str], text: str, pos: int, timeout: float) -> None:
    source = pattern.pattern if len(pattern.pattern) <= 120 else pattern.pattern[:117] + "..."
    warnings.warn(f"lawgov-ie gave up on the pattern {source!r} after {timeout:g}s at character "
                  f"{pos} of a {len(text)}-character text {text[pos:pos + 30]!r}…; its matches "
                  "there are missing (the pattern backtracks: please report it)",
                  RegexTimeoutWarning, stacklevel=3)


def search(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None, *,
           timeout: float = DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``pattern.search`` within ``timeout`` seconds; None (and a warning) when it runs over."""
    try:
        return pattern.search(text, pos, endpos, timeout=timeout)
    except TimeoutError:
        _give_up(pattern, text, pos, timeout)
        return None


def match(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None, *,
          timeout: float = DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``pattern.match`` within ``timeout`` seconds; None (and a warning) when it runs over."""
    try:
        return pattern.match(text, pos, endpos, timeout=timeout)
    except TimeoutError:
        _give_up(pattern, text, pos, timeout)
        return None


def finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None,
             *, timeout: float = DEFAULT_TIMEOUT) -> Iterator[regex.Match[str]]:
    """``pattern.finditer`` within ``timeout`` seconds of matching; on a timeout the matches found
    so far are kept, a warning is given, and the iteration ends."""
    last = pos
    try:
        for found in pattern.finditer(text, pos, endpos, timeout=timeout):
            last = found.end()
            yield found
    except TimeoutError:
        _give_up(pattern, text, last, timeout)
