"""A role's words compiled once, with exact answers that need no regex where the words allow.

The labels step asks its lexicons thousands of questions a document: does a word of the role
start right here (``match``), is there one in this clause (``search``, ``finditer``), is this
stretch one of the role's words as a whole (``fullmatch``). Cheap exact answers are worked out
when the pattern set is loaded, by reading each alternative (a literal word, or an expression:
alternations, groups, lookarounds, classes, escapes and quantifiers are read; ``\\p{Han}``,
``.``, a negated class stand for any character; flags and back-references leave the role to
its regex alone):

- the characters its matches open with, and a window where a match first reads characters it
  does not know (``\\p{Han}{0,10}?(?:中心|大队)`` holds 中 or 大 within its first eleven): a place
  that holds none of them starts no match, so the regex is not run there;
- the same first characters for a short stretch: a match anywhere in it holds one of them;
- the characters its matches close with, for a template that ends every match at the end of
  the stretch (``(?:{})\\s*$``): a stretch that ends in none of them (and no space) holds none;
- the literal words as a set: a stretch is a whole word when it is in the set, or when it
  matches one of the expressions as a whole (an alternation matches a string as a whole when
  one of its alternatives does).

A found match is always the compiled pattern's own; ``tests/steps/labels/test_lexicon.py``
checks every shortcut against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

#: An expression whose answers depend on the others or on flags: inline flags (which ``regex``
#: applies to the whole pattern), back-references, conditionals
_NOT_APART = regex.compile(r"\\[1-9]|\\[gk]<|\(\?P=|\(\?\(|\(\?(?!P<)[a-zA-Z^-]")
#: The longest stretch whose characters are looked at before a search in it (a clause)
_SHORT = 64


def literal(alternative: str) -> str | None:
    """The word an alternative matches when it is a literal (an escaped word), else None."""
    word = regex.sub(r"\\(.)", r"\1", alternative, flags=regex.DOTALL)
    return word if word and regex.escape(word) == alternative else None


class _Unread(Exception):
    """A piece of an expression the edge reader does not read (flags, named groups, a
    bracket inside a class): nothing is then known of the expression's edges."""


#: The most characters a class range may stand for and still be read as a set
_MAX_RANGE = 64
_Chars = frozenset[str] | None
#: Characters one of which a match holds within so many characters of its start: a few such
#: sets, each with its reach (a match holds a character of one of them)
Window = tuple[tuple[int, frozenset[str]], ...]


class _Piece(NamedTuple):
    """What a piece of an expression may open with and close with (None: any character),
    whether it may match nothing, the most characters it matches (None: no bound), and a
    window: characters one of which it holds within so many characters of its start."""

    first: _Chars
    last: _Chars
    empty: bool
    longest: int | None
    window: Window | None


def _chars(chars: _Chars) -> _Piece:
    """One character of ``chars`` (None: any character)."""
    return _Piece(chars, chars, False, 1, None if chars is None else ((0, chars),))


_NOTHING = _Piece(frozenset(), frozenset(), True, 0, None)
#: ``.``, ``\\d``, ``\\p{Han}``, a negated class, an anchor: any character, as far as this
#: reader knows (an anchor reads none, but taking it for one keeps every answer safe)
_ANY = _chars(None)
_QUANTIFIER = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


class _EdgeReader:
    """Reads which characters a match of an expression can open or close with: a small
    recursive reader of alternations, groups, lookarounds (which read no character of the
    match), classes, escapes and quantifiers."""

    def __init__(self, expression: str) -> None:
        self.text = expression
        self.at = 0

    def read(self) -> _Piece:
        piece = self._alternation()
        if self.at != len(self.text):
            raise _Unread(self.text)
        return piece

    def _alternation(self) -> _Piece:
        branches = [self._sequence()]
        while self.at < len(self.text) and self.text[self.at] == "|":
            self.at += 1
            branches.append(self._sequence())
        return _either(branches)

    def _sequence(self) -> _Piece:
        atoms: list[_Piece] = []
        while self.at < len(self.text) and self.text[self.at] not in "|)":
            atoms.append(self._quantified(self._atom()))
        lengths = [atom.longest for atom in atoms]
        return _Piece(_edge([(a.first, a.empty) for a in atoms]),
                      _edge([(a.last, a.empty) for a in reversed(atoms)]),
                      all(atom.empty for atom in atoms),
                      None if None in lengths else sum(n for n in lengths if n is not None),
                      _window(atoms))

    def _quantified(self, piece: _Piece) -> _Piece:
        text = self.text
        if self.at >= len(text) or text[self.at] not in "?*+{":
            return piece
        most: int | None
        if text[self.at] == "{":
            found = _QUANTIFIER.match(text, self.at)
            if found is None:
                raise _Unread(text)
            least = int(found.group(1) or 0)
            bound = found.group(1) if found.group(2) is None else found.group(2)  # {m}, {m,n}
            most = int(bound) if bound else None
            self.at = found.end()
        else:
            least = 1 if text[self.at] == "+" else 0
            most = 1 if text[self.at] == "?" else None
            self.at += 1
        if self.at < len(text) and text[self.at] in "?+":
            self.at += 1  # lazy or possessive: the same characters
        longest = None if most is None or piece.longest is None else most * piece.longest
        return piece._replace(empty=piece.empty or least == 0, longest=longest)

    def _atom(self) -> _Piece:
        text = self.text
        char = text[self.at]
        if char == "(":
            return self._group()
        if char == "[":
            return _chars(self._class())
        if char == "\\":
            escaped, self.at = self._escaped(self.at)
            return _ANY if escaped is None else _chars(frozenset(escaped))
        if char in ".^$":
            self.at += 1
            return _ANY
        if char in "#*+?{}]" or char.isspace():
            raise _Unread(text)
        self.at += 1
        return _chars(frozenset(char))

    def _escaped(self, at: int) -> tuple[str | None, int]:
        """The character a backslash at ``at`` escapes when it is punctuation (None for any
        other escape: ``\\d``, ``\\b``, ``\\p{Han}``), and where the escape ends."""
        char = self.text[at + 1:at + 2]
        if not char or char.isspace():
            raise _Unread(self.text)
        if not (char.isalnum() or char == "_"):
            return char, at + 2
        if char in "pPN" and self.text[at + 2:at + 3] == "{":
            close = self.text.find("}", at + 2)
            if close == -1:
                raise _Unread(self.text)
            return None, close + 1
        if char in "xuU0":
            raise _Unread(self.text)  # a character by its code: not read
        return None, at + 2

    def _group(self) -> _Piece:
        text = self.text
        behind = text.startswith(("(?<=", "(?<!"), self.at)
        ahead = text.startswith(("(?=", "(?!"), self.at)
        if behind or ahead or text.startswith("(?:", self.at):
            self.at += 4 if behind else 3
        elif text.startswith("(?", self.at):
            raise _Unread(text)  # flags, named groups, conditionals: not read
        else:
            self.at += 1
        piece = self._alternation()
        if self.at >= len(text) or text[self.at] != ")":
            raise _Unread(text)
        self.at += 1
        return _NOTHING if behind or ahead else piece

    def _class(self) -> _Chars:
        text = self.text
        at = self.at + 1
        if text[at:at + 1] in ("]", "[", ""):
            raise _Unread(text)  # a bracket read as a character
        negated = text[at] == "^"
        at += negated
        chars: set[str] | None = set()
        while at < len(text) and text[at] != "]":
            char = text[at]
            if char == "[":
                raise _Unread(text)
            if char == "\\":
                escaped, after = self._escaped(at)
                if escaped is None:  # \p{Han}, \d: more than the reader lists
                    chars, at = None, after
                    continue
                char, at = escaped, after - 1
            if text[at + 1:at + 2] == "-" and text[at + 2:at + 3] not in ("]", "", "\\", "["):
                low, high = ord(char), ord(text[at + 2])
                if chars is not None and 0 <= high - low <= _MAX_RANGE:
                    chars.update(chr(code) for code in range(low, high + 1))
                else:
                    chars = None
                at += 3
                continue
            if chars is not None:
                chars.add(char)
            at += 1
        if at >= len(text):
            raise _Unread(text)
        self.at = at + 1
        return None if negated or chars is None else frozenset(chars)


def _union(sets: Iterable[_Chars]) -> _Chars:
    chars: set[str] = set()
    for one in sets:
        if one is None:
            return None
        chars |= one
    return frozenset(chars)


def _edge(atoms: list[tuple[_Chars, bool]]) -> _Chars:
    """What a sequence may open with: its atoms' first characters up to one that cannot be
    empty."""
    chars: set[str] = set()
    for first, empty in atoms:
        if first is None:
            return None
        chars |= first
        if not empty:
            break
    return frozenset(chars)


def _window(atoms: list[_Piece]) -> Window | None:
    """A sequence's window: that of its first atom that cannot be empty, moved on by the most
    characters the atoms before it match (None when one of those has no bound)."""
    offset = 0
    for atom in atoms:
        if not atom.empty:
            return None if atom.window is None else tuple(
                (reach + offset, chars) for reach, chars in atom.window)
        if atom.longest is None:
            return None
        offset += atom.longest
    return None


def _either(branches: list[_Piece]) -> _Piece:
    """An alternation of ``branches``."""
    lengths = [b.longest for b in branches]
    window: dict[int, frozenset[str]] | None = {}
    for branch in branches:
        if branch.window is None or window is None:
            window = None
            continue
        for reach, chars in branch.window:
            window[reach] = window.get(reach, frozenset()) | chars
    return _Piece(_union(b.first for b in branches), _union(b.last for b in branches),
                  any(b.empty for b in branches),
                  None if None in lengths else max(n for n in lengths if n is not None),
                  None if window is None else tuple(sorted(window.items())))


def _read(alternatives: Iterable[str]) -> _Piece | None:
    """The alternation of ``alternatives`` read as one piece; None when one of them is not
    read, may match nothing, or depends on flags or groups."""
    pieces: list[_Piece] = []
    for alternative in alternatives:
        word = literal(alternative)
        if word is not None:
            pieces.append(_Piece(frozenset(word[0]), frozenset(word[-1]), False, len(word),
                                 ((0, frozenset(word[0])),)))
            continue
        if _NOT_APART.search(alternative):
            return None
        try:
            piece = _EdgeReader(alternative).read()
        except _Unread:
            return None
        if piece.empty:
            return None
        pieces.append(piece)
    return _either(pieces) if pieces else None


def edge_chars(alternatives: Iterable[str], ending: str = "") \
        -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """Every character a match of one of ``alternatives`` (then, optionally, ``ending``) can
    open with, and every one it can close with; None for either when that is not known (an
    expression the reader does not read, one that may match nothing, or one that depends on
    flags or groups)."""
    piece = _read(alternatives)
    if piece is None:
        return None, None
    return piece.first, (None if piece.last is None else piece.last | frozenset(ending))


def window_of(alternatives: Iterable[str]) -> Window | None:
    """Characters one of which every match of one of ``alternatives`` holds within so many
    characters of its start (where its first is not known: ``\\p{Han}{0,4}?(?:中心|大队)``
    holds 中 or 大 within its first five); None when that is not known."""
    piece = _read(alternatives)
    return None if piece is None else piece.window


class Lexicon:
    """A role's compiled pattern, with the exact shortcuts above. Its template is ``(?:{})``
    plus what ``ending`` allows after a word, so that every match opens with an alternative;
    or, with ``opens=False``, one whose matches need not but hold one (no shortcut at the
    place a match starts, nor whole-stretch answers: a short stretch with none of the first
    characters still holds no match), unless ``spaces`` says the template is ``\\s*(?:{})…``: its
    matches at a place that holds no space open with an alternative. ``at_end``: the template
    ends every match at the end
    of the stretch searched, spaces allowed before it (``(?:{})\\s*$``, ``(?r)(?:{})\\Z``), so
    a stretch that ends in a character no alternative closes with holds no match.

    ``union`` compiles the expressions alone as one alternation (None when they do not stand
    apart); the answers for whole stretches use it beside the set of words."""

    __slots__ = (
        "apart",
        "by_first",
        "first",
        "last",
        "opening",
        "pattern",
        "rest",
        "spaces",
        "window",
        "words",
    )

    def __init__(self, pattern: regex.Pattern[str], ordered: Sequence[str],
                 union: Callable[[list[str]], regex.Pattern[str] | None],
                 ending: str = "", *, opens: bool = True, spaces: bool = False,
                 at_end: bool = False) -> None:
        """``ordered``: the alternatives in the order the pattern tries them."""
        self.pattern = pattern
        first, last = edge_chars(ordered, ending)
        self.first = first  # a match of any template here holds one of the alternatives
        self.last = last if at_end else None
        self.spaces = spaces
        #: what a match at a place holds near it (opening with an alternative, or with one
        #: after spaces when ``spaces``)
        self.window = window_of(ordered) if opens or spaces else None
        #: the window when it is the first character alone (no spaces before it)
        self.opening = self.window[0][1] if self.window is not None and not spaces \
            and len(self.window) == 1 and self.window[0][0] == 0 else None
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

    def _cannot_open(self, text: str, pos: int, endpos: int | None = None) -> bool:
        """Whether no match can start at ``pos``: the place holds no character the
        alternatives open with, or none of the window's within its reach."""
        window = self.window
        if window is None or not 0 <= pos < len(text) or (self.spaces and text[pos].isspace()):
            return False
        for reach, chars in window:
            if reach == 0:
                if text[pos] in chars:
                    return False
                continue
            stop = pos + reach + 1
            if endpos is not None and 0 <= endpos < stop:
                stop = endpos
            if not chars.isdisjoint(text[pos:stop]):
                return False
        return True

    def _none_opens(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether no character of a short stretch is one a match can open with."""
        first = self.first
        return first is not None and endpos is not None and 0 <= pos <= endpos \
            and endpos - pos <= _SHORT and first.isdisjoint(text[pos:endpos])

    def _cannot_close(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether the stretch ends in a character (no space) no match can close with."""
        last = self.last
        return last is not None and endpos is not None and 0 <= pos < endpos <= len(text) \
            and text[endpos - 1] not in last and not text[endpos - 1].isspace()

    # The methods below are asked thousands of times a document: the cheap tests for the
    # common case (a first character at reach 0) are written out in them.

    def search(self, text: str, pos: int = 0,
               endpos: int | None = None) -> regex.Match[str] | None:
        if endpos is not None and ((self.first is not None and self._none_opens(text, pos, endpos))
                                   or (self.last is not None
                                       and self._cannot_close(text, pos, endpos))):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 overlapped: bool = False) -> Iterator[regex.Match[str]]:
        if self.first is not None and endpos is not None and self._none_opens(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos, overlapped=overlapped)

    def _none_at(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether no match can start at ``pos`` (and end by ``endpos``)."""
        if self.window is not None:
            return self._cannot_open(text, pos, endpos)
        return self.first is not None and endpos is not None \
            and self._none_opens(text, pos, endpos)

    def match(self, text: str, pos: int = 0,
              endpos: int | None = None) -> regex.Match[str] | None:
        opening = self.opening
        if opening is not None:
            if 0 <= pos < len(text) and text[pos] not in opening:
                return None
        elif self._none_at(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0,
                  endpos: int | None = None) -> regex.Match[str] | None:
        if self._none_at(text, pos, endpos):
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
