"""Run pattern-file regexes with a time budget per document: the second line of defence.

:mod:`lawgov_ie.rules.backtracking` refuses, when a pattern file is loaded, the shapes known to
backtrack without end. A pattern can still be slow in a way no static check sees; so every
regular expression that comes from a pattern file is compiled with :func:`compile_rule`, which
returns a :class:`TimedPattern`: the same ``search``/``match``/``fullmatch``/``finditer``/
``findall``/``sub`` as a compiled ``regex`` pattern, run with the ``regex`` module's ``timeout``.

While a document is read (:func:`document_budget`, entered by ``extract``), each pattern may
spend :data:`BUDGET_SECONDS` in all on it. A pattern that runs out is skipped for the rest of
that document (as if it matched nothing there) and a :class:`PatternTimeoutWarning` names it;
the next document gives it a fresh budget. Outside a document each call has the whole budget.

``regex`` reads the process clock when it is given a timeout (about 0.75 µs a call, more than
most calls match for), and the timeout is needed only to stop a call in the middle. A call that
cannot run long goes without it: :func:`~lawgov_ie.rules.backtracking.growth` bounds the
ways a pattern can try at one place by the length of the span it is given (a polynomial: no
repeat of a group without a bound, no back reference), so a call on a span short enough that
its ways add up to at most :data:`QUICK_STEPS` is bounded by the pattern and the span alone.
Their time still counts against the pattern's budget, checked after the call: a pattern that
runs out is skipped from then on, having overrun by at most one such call.

Most calls find nothing, and many could not: a call on a short string (at most
:data:`SCREEN_UPTO` characters, no ``pos``/``endpos``) that holds none of the characters one of
which every match of the pattern holds (:func:`~lawgov_ie.rules.backtracking.needed_chars`: 审
or 办 for ``审结|办结``) is answered at once — no match, ``[]``, the string unchanged for
``sub`` — without running the pattern, so with nothing to time or count.
"""

from __future__ import annotations

import contextlib
import math
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any, cast

import regex

from lawgov_ie.rules.backtracking import growth, needed_chars

BUDGET_SECONDS = 1.0
"""What one pattern may spend on one document, in seconds (matching ~100k characters takes a
sound pattern milliseconds)."""


QUICK_STEPS = 1_000_000
"""The most steps (ways at a place × the pattern's length × places) a call may be bounded by to
run without ``regex``'s timeout: milliseconds at worst."""


SCREEN_UPTO = 24
"""The longest string a call is screened on for the characters its pattern needs
(:func:`~lawgov_ie.rules.backtracking.needed_chars`) before the pattern runs: a string with none
of them cannot match, and is answered at once. The screen reads every character (about 25 ns
one), cheaper than a call up to about this length."""

# Flags under which a pattern's characters stand for others (case folding, verbose layout)
_CHARACTER_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.LOCALE


class PatternTimeoutWarning(UserWarning):
    """A pattern-file regex ran out of its time budget on a document and was skipped there."""


@dataclass
class _Budget:
    seconds: float
    spent: dict[str, float] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)


_CURRENT: ContextVar[_Budget | None] = ContextVar("lawgov_pattern_budget", default=None)


@contextlib.contextmanager
def document_budget(seconds: float = BUDGET_SECONDS) -> Iterator[None]:
    """Give every pattern ``seconds`` for the document read inside the block."""
    token = _CURRENT.set(_Budget(seconds))
    try:
        yield
    finally:
        _CURRENT.reset(token)


class TimedPattern:
    """A compiled pattern-file regex that keeps to the document's time budget."""

    def __init__(self, pattern: str, name: str, flags: int = 0) -> None:
        self.compiled = regex.compile(pattern, flags)
        self.name = name
        self.pattern = self.compiled.pattern
        self.flags = self.compiled.flags
        self._search = self.compiled.search
        self._match = self.compiled.match
        self._fullmatch = self.compiled.fullmatch
        self._findall = self.compiled.findall
        self._sub = self.compiled.sub
        self._compiled_finditer = self.compiled.finditer
        bound = growth(self.pattern, QUICK_STEPS)
        self._quick_match_span = _longest_quick(bound, len(self.pattern), 0)
        """The longest span ``match``/``fullmatch`` may run over without a timeout (-1: none)."""
        self._quick_span = _longest_quick(bound, len(self.pattern), 1)
        """The longest span a search may run over without a timeout (-1: none). Both are
        tested in the methods themselves (a frame costs about what the test does)."""
        needs = needed_chars(self.pattern) if not self.flags & _CHARACTER_FLAGS else None
        self._needs = needs or frozenset()
        """Characters one of which stands in every match (:func:`needed_chars`)."""
        self._screen_upto = SCREEN_UPTO if needs else -1
        """The longest string a call without pos/endpos is screened on for ``_needs``."""

    def _quick(self, method: Callable[..., Any], empty: Any, budget: _Budget, string: Any,
               pos: Any, endpos: Any) -> Any:
        """``method(string, pos, endpos)`` without a timeout, for a call the pattern and its
        span bound, under a document's ``budget``: its time is added to the pattern's after it,
        and a pattern past its budget answers ``empty`` from then on. ``budget.spent`` says both
        what a pattern spent and whether it was given up (then it holds infinity): one dict read
        before the call, one write after, and no ``try`` (a call that raises is not counted)."""
        spent = budget.spent
        name = self.name
        before = spent.get(name, 0.0)
        if before > budget.seconds:
            return empty
        started = perf_counter()
        found = method(string, pos, endpos)
        total = spent[name] = before + (perf_counter() - started)
        if total > budget.seconds:
            self._give_up(budget)
        return found

    def _call(self, method: Callable[..., Any], empty: Any, args: tuple[Any, ...],
              kwargs: dict[str, Any] | None = None) -> Any:
        """``method(*args, timeout)`` — or, when the caller gave keywords,
        ``method(*args, timeout=…, **kwargs)`` — with the timeout the document's budget has left
        for this pattern, the time spent added to it. A document makes about one call per
        character of text, so this costs what it saves: one frame, no closure, and the timeout
        passed by position (``regex`` parses keywords at about the cost of matching a short
        text); ``args`` then run up to the timeout's place."""
        budget = _CURRENT.get()
        name = self.name
        if budget is None:
            left = BUDGET_SECONDS
        elif name in budget.skipped:
            return empty
        else:
            left = budget.seconds - budget.spent.get(name, 0.0)
        started = perf_counter()
        try:
            if kwargs is None:
                return method(*args, left if left > 0.001 else 0.001)
            return method(*args, timeout=left if left > 0.001 else 0.001, **kwargs)
        except TimeoutError:
            self._give_up(budget)
            return empty
        finally:
            if budget is not None:
                spent = budget.spent
                spent[name] = spent.get(name, 0.0) + perf_counter() - started

    def given_up(self) -> bool:
        """Whether the pattern ran out of the current document's budget (and answers nothing)."""
        budget = _CURRENT.get()
        return budget is not None and self.name in budget.skipped

    def _give_up(self, budget: _Budget | None) -> None:
        seconds = budget.seconds if budget is not None else BUDGET_SECONDS
        if budget is not None:
            budget.skipped.add(self.name)
            budget.spent[self.name] = math.inf
        warnings.warn(f"the pattern {self.name} took more than {seconds:g} s on one document "
                      "and was skipped there; rewrite it (lawgov-ie patterns check, "
                      "docs/patterns.md)", PatternTimeoutWarning, stacklevel=4)

    # search, match, fullmatch: (string, pos, endpos, concurrent, partial, timeout);
    # finditer: (string, pos, endpos, overlapped, concurrent, partial, timeout). The options
    # are named in the signatures (a ``**kwargs`` dict costs each call more than the test):
    # a call that gives one goes to _call with it. Else a short string without any of the
    # characters the pattern needs is answered at once; a call on a span short enough goes
    # to _quick (the span is the string, unless pos or endpos are given), else to _call.
    def search(self, string: str, pos: int | None = None, endpos: int | None = None,
               concurrent: bool | None = None, partial: bool = False,
               timeout: float | None = None) -> regex.Match[str] | None:
        return self._at(self._search, self._quick_span, string, pos, endpos, concurrent,
                        partial, timeout)

    def match(self, string: str, pos: int | None = None, endpos: int | None = None,
              concurrent: bool | None = None, partial: bool = False,
              timeout: float | None = None) -> regex.Match[str] | None:
        return self._at(self._match, self._quick_match_span, string, pos, endpos, concurrent,
                        partial, timeout)

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None,
                  concurrent: bool | None = None, partial: bool = False,
                  timeout: float | None = None) -> regex.Match[str] | None:
        return self._at(self._fullmatch, self._quick_match_span, string, pos, endpos,
                        concurrent, partial, timeout)

    def _at(self, method: Callable[..., regex.Match[str] | None], quick_span: int, string: str,
            pos: int | None, endpos: int | None, concurrent: bool | None, partial: bool,
            timeout: float | None) -> regex.Match[str] | None:
        """``search``, ``match`` or ``fullmatch`` (``method``; ``quick_span``: the longest span
        it may run over without a timeout), as the comment above says."""
        if concurrent is not None or partial or timeout is not None:
            return self._call(method, None, (string, pos, endpos), _options(concurrent, partial))
        if pos is None and endpos is None:
            span = len(string)
            if span <= self._screen_upto and self._needs.isdisjoint(string):
                return None
        else:
            span = _span(string, pos, endpos)
        if span <= quick_span:
            budget = _CURRENT.get()
            if budget is None:
                return method(string, pos, endpos)
            return self._quick(method, None, budget, string, pos, endpos)
        return self._call(method, None, (string, pos, endpos, None, False))

    def findall(self, string: str, *args: Any, **kwargs: Any) -> list[Any]:
        return self._call(self._findall, [], (string, *args), kwargs)

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> str:
        if args or kwargs:
            return self._call(self._sub, string, (repl, string, *args), kwargs)
        span = len(string)
        if span <= self._screen_upto and self._needs.isdisjoint(string):
            return string
        if span <= self._quick_span:  # (repl, string, count): sub tries every place
            budget = _CURRENT.get()
            if budget is None:
                return self._sub(repl, string)
            return self._quick(self._sub, string, budget, repl, string, 0)
        return self._call(self._sub, string, (repl, string), {})

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None,
                 overlapped: bool = False, concurrent: bool | None = None,
                 partial: bool = False, timeout: float | None = None
                 ) -> Iterator[regex.Match[str]]:
        """The matches, found within the budget (none if it runs out while they are found)."""
        if overlapped or concurrent is not None or partial or timeout is not None:
            return iter(self._call(self._finditer, [], (string, pos, endpos, overlapped),
                                   _options(concurrent, partial)))
        if pos is None and endpos is None:
            span = len(string)
            if span <= self._screen_upto and self._needs.isdisjoint(string):
                return iter(())
        else:
            span = _span(string, pos, endpos)
        if span <= self._quick_span:
            budget = _CURRENT.get()
            if budget is None:
                return iter(list(self._compiled_finditer(string, pos, endpos)))
            return iter(self._quick(self._finditer, [], budget, string, pos, endpos))
        return iter(self._call(self._finditer, [], (string, pos, endpos, False, None, False)))

    def _finditer(self, *args: Any, **kwargs: Any) -> list[regex.Match[str]]:
        return list(self._compiled_finditer(*args, **kwargs))

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r}, {self.name!r})"


def _options(concurrent: bool | None, partial: bool) -> dict[str, Any]:
    """The options a caller gave, as keywords for _call (which sets the timeout itself: a
    caller's own timeout gives way to the budget's)."""
    return {"concurrent": concurrent, "partial": partial}


def _span(string: str, pos: int | None, endpos: int | None) -> int:
    """The length of the span a call with ``pos`` and ``endpos`` reads (as ``regex`` takes
    them: None or a negative end is the string's end, None or a negative start its start)."""
    end = len(string) if endpos is None or endpos < 0 else endpos
    return end - (pos if pos is not None and pos > 0 else 0)


def _longest_quick(bound: tuple[int, int] | None, size: int, places: int) -> int:
    """The longest span ``n`` for which ``ways × size × n ** (degree + places)`` — the steps
    a call trying ``pattern`` at up to ``n ** places`` places can take, ``bound`` being its
    :func:`~lawgov_ie.rules.backtracking.growth` — stays within :data:`QUICK_STEPS`; -1 when
    not even an empty span does (or no bound is known)."""
    if bound is None:
        return -1
    ways, degree = bound
    per_step = ways * max(1, size)
    if per_step > QUICK_STEPS:
        return -1
    power = degree + places
    if power == 0:
        return sys.maxsize
    span = int((QUICK_STEPS / per_step) ** (1 / power)) + 1
    while span > 0 and per_step * span ** power > QUICK_STEPS:
        span -= 1
    return span


def compile_rule(pattern: str, name: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a regex from a pattern file; ``name`` says which (``not_record 'id'``).

    The result is a :class:`TimedPattern`, typed as the ``regex`` pattern whose calls it
    answers, so a reader changes only the function it compiles with."""
    return cast("regex.Pattern[str]", TimedPattern(pattern, name, flags))


# What makes a pattern depend on the others when it is one alternative among several: group
# numbers or names it refers back to, conditionals, and inline flags (regex applies a flag it
# meets anywhere to the whole pattern: (?x) would change how the others read).
_NOT_SELF_CONTAINED = regex.compile(r"\\[1-9]|\\[gk]<|\(\?P=|\(\?\(|\(\?(?!P<)[a-zA-Z^-]")


def compile_union(patterns: Sequence[str], name: str) -> TimedPattern | None:
    """One timed regex that matches where any of ``patterns`` matches — ``(?:a)|(?:b)|…`` — to
    try them all in one call before trying each (``match`` at a place: one call a line instead of
    one a pattern). None when a pattern is not self-contained (back-references, conditionals,
    inline flags): then the union could match where none of them does, or miss a place. When
    the union runs out of its budget (:meth:`TimedPattern.given_up`), try each pattern."""
    if not patterns or any(_NOT_SELF_CONTAINED.search(p) for p in patterns):
        return None
    return TimedPattern("|".join(f"(?:{p})" for p in patterns), name)
