"""A role's words compiled once, with exact answers that need no regex where the words allow.

The labels step asks its lexicons two kinds of question thousands of times a document: does a
word of the role start right here (``match`` at one place), and is this stretch one of the
role's words as a whole (``fullmatch``). Both have cheap exact answers worked out when the
pattern set is loaded:

- each alternative's first character, when it is a literal word or an expression that opens
  with a plain character: a place whose character no alternative starts with cannot match, so
  the regex is not run there;
- the literal words as a set: a stretch is a whole word when it is in the set, or when it
  matches one of the expressions as a whole (an alternation matches a string as a whole when one
  of its alternatives does). Expressions that do not stand apart (inline flags, references to
  groups) keep the role's own pattern for every answer.

- the same first characters before a search in a short stretch: when none of its characters
  opens an alternative, nothing is found there.

A found match is always the compiled pattern's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import regex

#: An expression whose answers depend on the others or on flags: inline flags (which ``regex``
#: applies to the whole pattern), back-references, conditionals
_NOT_APART = regex.compile(r"\\[1-9]|\\[gk]<|\(\?P=|\(\?\(|\(\?(?!P<)[a-zA-Z^-]")
#: An expression that opens with a plain character nothing makes optional
_PLAIN_FIRST = regex.compile(r"([^\\\[\](){}.*+?^$|#\s])(?![*?{])")
_ESCAPED_FIRST = regex.compile(r"\\([^\p{L}\p{N}\s])(?![*?{])")
#: The longest stretch whose characters are looked at before a search in it (a clause)
_SHORT = 64


def literal(alternative: str) -> str | None:
    """The word an alternative matches when it is a literal (an escaped word), else None."""
    word = regex.sub(r"\\(.)", r"\1", alternative, flags=regex.DOTALL)
    return word if word and regex.escape(word) == alternative else None


def _syntax(expression: str) -> list[tuple[int, str, int]] | None:
    """The group marks and bars of ``expression`` outside escapes and character classes: each
    with its place and the depth of the groups around it (a ``)`` at the depth of its ``(``).
    None when a class holds a bracket (nested sets, POSIX classes) or the groups do not
    balance: then nothing is read from the expression."""
    marks: list[tuple[int, str, int]] = []
    depth, at, size = 0, 0, len(expression)
    while at < size:
        char = expression[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at += 1
            if at < size and expression[at] == "^":
                at += 1
            if at < size and expression[at] == "]":
                at += 1  # a ] first in a class is one of its characters
            while at < size and expression[at] != "]":
                if expression[at] == "[":
                    return None
                at += 2 if expression[at] == "\\" else 1
            if at >= size:
                return None
        elif char == "(":
            marks.append((at, char, depth))
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
            marks.append((at, char, depth))
        elif char == "|":
            marks.append((at, char, depth))
        at += 1
    return marks if depth == 0 else None


def _opening(expression: str) -> set[str] | None:
    """The characters a match of ``expression`` (no literal word) can open with: after any
    lookbehinds, a plain or escaped character, or a group of literal words, that nothing after
    makes optional; None otherwise."""
    marks = _syntax(expression)
    if marks is None or _NOT_APART.search(expression) \
            or any(char == "|" and depth == 0 for _, char, depth in marks):
        return None

    def close_of(opening: int) -> int:
        return next(at for at, char, depth in marks if char == ")" and depth == 0 and at > opening)

    at = 0
    while expression.startswith(("(?<=", "(?<!"), at):
        at = close_of(at) + 1  # a lookbehind reads no character of the match
    found = _PLAIN_FIRST.match(expression, at) or _ESCAPED_FIRST.match(expression, at)
    if found is not None:
        return {found.group(1)}
    if not expression.startswith("(?:", at):
        return None
    close = close_of(at)
    if expression[close + 1:close + 2] in ("*", "?", "{"):
        return None
    words = [literal(branch) for branch in expression[at + 3:close].split("|")]
    if any(word is None for word in words):
        return None
    return {word[0] for word in words if word is not None}


def first_chars(alternatives: Iterable[str]) -> frozenset[str] | None:
    """Every character a match of one of ``alternatives`` can open with; None when that is not
    known for one of them."""
    chars: set[str] = set()
    for alternative in alternatives:
        word = literal(alternative)
        opening = {word[0]} if word is not None else _opening(alternative)
        if opening is None:
            return None
        chars |= opening
    return frozenset(chars)


class Lexicon:
    """A role's compiled pattern (template ``(?:{})`` plus what ``ending`` allows after a word,
    so that every match opens with an alternative), with the exact shortcuts above.

    ``union`` compiles the expressions alone as one alternation (None when they do not stand
    apart); the answers for whole stretches use it beside the set of words."""

    __slots__ = (
        "apart",
        "by_first",
        "first",
        "pattern",
        "rest",
        "words",
    )

    def __init__(self, pattern: regex.Pattern[str], ordered: Sequence[str],
                 union: Callable[[list[str]], regex.Pattern[str] | None],
                 ending: str = "") -> None:
        """``ordered``: the alternatives in the order the pattern tries them."""
        self.pattern = pattern
        self.first = first_chars(ordered)
        words = [literal(a) for a in ordered]
        expressions = [a for a, w in zip(ordered, words, strict=True) if w is None]
        self.rest = union(expressions) if expressions else None
        # the answers for whole stretches stand apart from the pattern: the words (each also
        # with its ending: 办理了) and the expressions, when those may be asked alone
        self.apart = not (expressions and self.rest is None) and not (expressions and ending)
        self.words = frozenset(w + tail for w in words if w is not None for tail in ("", ending))
        #: the words by their first character, in the pattern's order (literal roles only)
        self.by_first: dict[str, list[str]] | None = None
        if not expressions and not ending:
            self.by_first = {}
            for word in words:
                if word is not None:
                    self.by_first.setdefault(word[0], []).append(word)

    def _cannot_open(self, text: str, pos: int) -> bool:
        first = self.first
        return first is not None and 0 <= pos < len(text) and text[pos] not in first

    def _none_opens(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether no character of a short stretch is one a match can open with."""
        first = self.first
        return first is not None and endpos is not None and 0 <= pos <= endpos \
            and endpos - pos <= _SHORT and first.isdisjoint(text[pos:endpos])

    def search(self, text: str, pos: int = 0,
               endpos: int | None = None) -> regex.Match[str] | None:
        if self._none_opens(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 overlapped: bool = False) -> Iterator[regex.Match[str]]:
        if self._none_opens(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos, overlapped=overlapped)

    def match(self, text: str, pos: int = 0,
              endpos: int | None = None) -> regex.Match[str] | None:
        if self._cannot_open(text, pos):
            return None
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0,
                  endpos: int | None = None) -> regex.Match[str] | None:
        if self._cannot_open(text, pos):
            return None
        return self.pattern.fullmatch(text, pos, endpos)

    def is_whole(self, stretch: str) -> bool:
        """Whether ``stretch`` (a string of its own) is one of the role's words as a whole."""
        if not self.apart:
            return self.pattern.fullmatch(stretch) is not None
        return stretch in self.words or (self.rest is not None
                                         and self.rest.fullmatch(stretch) is not None)

    def is_whole_at(self, text: str, begin: int, end: int) -> bool:
        """Whether ``text[begin:end]`` is one of the role's words as a whole (an expression may
        look behind ``begin``: the pattern answers for a role with expressions)."""
        if self.rest is None and self.apart:
            return text[begin:end] in self.words
        return self.fullmatch(text, begin, end) is not None

    def ends_at(self, text: str, begin: int, end: int) -> bool:
        """Whether one of the matches ``finditer(text, begin, end)`` finds ends at ``end``
        (for literal words: read as the regex reads them, the first word in its order at each
        place, on from the end of each match)."""
        by_first = self.by_first
        if by_first is None:
            return any(found.end() == end for found in self.finditer(text, begin, end))
        pos = begin
        while pos < end:
            for word in by_first.get(text[pos], ()):
                if text.startswith(word, pos, end):
                    pos += len(word)
                    if pos == end:
                        return True
                    break
            else:
                pos += 1
        return False


def union_of(expressions: list[str]) -> regex.Pattern[str] | None:
    """The expressions as one alternation, None when one of them does not stand apart."""
    if any(_NOT_APART.search(e) for e in expressions):
        return None
    return regex.compile("|".join(f"(?:{e})" for e in expressions))
