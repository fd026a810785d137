"""Find the parts of a regular expression that can make a backtracking engine run without end.

A backtracking matcher (``re``, ``regex``) tries every way a pattern can match before it gives
up. Two shapes make the number of ways grow exponentially with the length of the text:

* a repeat inside a repeat — ``(a+)+``, ``(a*)*``, ``(?:[^，]+，?)+``, ``(\\d+){2,}``: the text
  can be cut between the inner and the outer repeat in exponentially many ways;
* a repeated alternation whose alternatives can match the same text — ``(a|a)*``,
  ``(?:\\d|\\d\\d)+``: every repetition can take either branch.

:func:`find_runaway` scans the pattern itself (the ``regex`` module's syntax: ``\\p{Han}``,
possessive ``a++``, atomic ``(?>…)``, nested sets …) into a small tree that keeps every part's
place in the text, so the message can quote the part to rewrite. A repeat is safe when it cannot
give characters back: possessive quantifiers (``a++``, ``a*+``) and atomic groups (``(?>a+)``)
are the way out, as are bounded repeats (``a{1,8}``) and alternatives that start differently.

The scan is deliberately conservative about repeats in repeats (the classic "star height" rule)
and approximate about alternatives: those that consist of plain characters and classes are
compared place by place, the others by the characters they can start with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_FUZZY = re.compile(r"\{[^{}]*[<=>][^{}]*\}")  # regex's fuzzy constraints, e.g. {e<=1}
_PROBES = (
    "".join(chr(c) for c in range(32, 127))
    + "\n\t\u3000０１９中一二三十百千万亿第年月日号件起人次元宗天，。、；：（）《》〔〕％"
)


@dataclass
class Node:
    """One item of a sequence: an atom with its quantifier, and where it is in the pattern."""

    start: int
    end: int
    kind: str  # "char" (one character from a set), "group", "atomic", "look", "empty", "other"
    charset: str = ""  # for "char": a regex matching exactly the characters it accepts
    alternatives: list[list[Node]] = field(default_factory=list)
    low: int = 1
    high: int | None = 1
    possessive: bool = False

    @property
    def repeats(self) -> bool:
        """Can this item match its body more than once, and give iterations back?"""
        return (self.high is None or self.high > 1) and not self.possessive

    @property
    def unbounded(self) -> bool:
        return self.high is None and not self.possessive

    @property
    def nullable(self) -> bool:
        if self.low == 0 or self.kind in ("empty", "look"):
            return True
        if self.kind in ("group", "atomic"):
            return any(all(n.nullable for n in alt) for alt in self.alternatives)
        return False


class _Scanner:
    """A recursive-descent reader of the structure of a pattern (not its full meaning)."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.verbose = False

    def parse(self) -> list[list[Node]]:
        alternatives = self.alternation()
        while self.i < len(self.p):  # a stray ')' (regex.compile reports it): read on
            self.i += 1
            alternatives.extend(self.alternation())
        return alternatives

    def alternation(self) -> list[list[Node]]:
        alternatives = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            alternatives.append(self.sequence())
        return alternatives

    def sequence(self) -> list[Node]:
        items: list[Node] = []
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            node = self.atom()
            if node is not None:
                self.quantifier(node)
                items.append(node)
        return items

    def atom(self) -> Node | None:
        p, start = self.p, self.i
        c = p[start]
        if self.verbose and c.isspace():
            self.i += 1
            return None
        if self.verbose and c == "#":
            newline = p.find("\n", start)
            self.i = len(p) if newline < 0 else newline + 1
            return None
        if c == "\\":
            return self.escape()
        if c == "[":
            self.i = self.class_end(start)
            return Node(start, self.i, "char", charset=p[start:self.i])
        if c == "(":
            return self.group()
        self.i += 1
        if c in "^$":
            return Node(start, self.i, "empty")
        if c == ".":
            return Node(start, self.i, "char", charset=".")
        return Node(start, self.i, "char", charset=regex.escape(c))

    def escape(self) -> Node:
        p, start = self.p, self.i
        letter = p[start + 1] if start + 1 < len(p) else ""
        end = start + 2
        if letter in "pPNx" and p.startswith("{", end):
            end = self.closing(end, "}")
        elif letter in "pP":
            end += 1  # \pL
        elif letter in "gkL" and end < len(p) and p[end] in "<{'":
            end = self.closing(end, {"<": ">", "{": "}", "'": "'"}[p[end]])
        elif letter == "x":
            end += 2
        elif letter == "u":
            end += 4
        elif letter == "U":
            end += 8
        elif letter == "0":
            while end < len(p) and end < start + 4 and p[end] in "01234567":
                end += 1
        elif letter.isdigit():
            while end < len(p) and p[end].isdigit():
                end += 1
            self.i = end
            return Node(start, end, "other")  # a back reference
        self.i = min(end, len(p))
        if letter in "bBAZzGmMK":
            return Node(start, self.i, "empty")
        if letter in "gkL":
            return Node(start, self.i, "other")
        return Node(start, self.i, "char", charset=p[start:self.i])

    def closing(self, at: int, close: str) -> int:
        end = self.p.find(close, at + 1)
        return len(self.p) if end < 0 else end + 1

    def class_end(self, start: int) -> int:
        """The index after the ``]`` closing the set at ``start`` (nested sets allowed)."""
        for nested in (True, False):
            end = self._class_end(start, nested)
            if end is not None:
                return end
        return len(self.p)

    def _class_end(self, start: int, nested: bool) -> int | None:
        p, depth = self.p, 1
        j = self._set_body(start)
        while j < len(p):
            c = p[j]
            if c == "\\":
                j += 2
                if j < len(p) and p[j - 1] in "pPNx" and p[j] == "{":
                    j = self.closing(j, "}")
            elif c == "[" and p[j + 1:j + 2] in (":", "=", "."):
                close = p.find(p[j + 1] + "]", j + 2)
                j = j + 1 if close < 0 else close + 2
            elif c == "[" and nested:
                depth += 1
                j = self._set_body(j)
            elif c == "]":
                depth -= 1
                j += 1
                if depth == 0:
                    return j
            else:
                j += 1
        return None

    def _set_body(self, at: int) -> int:
        """Skip a set's ``[``, its ``^`` and a ``]`` standing first (a literal there)."""
        j = at + 1
        if self.p.startswith("^", j):
            j += 1
        if self.p.startswith("]", j):
            j += 1
        return j

    def group(self) -> Node | None:
        p, start = self.p, self.i
        head = p[start:start + 4]
        kind = "group"
        if head.startswith("(*"):  # a backtracking verb such as (*SKIP)
            self.i = self.closing(start, ")")
            return Node(start, self.i, "empty")
        if head.startswith("(?#"):
            self.i = self.closing(start, ")")
            return None
        if head.startswith("(?"):
            body = start + 2
            flags = re.match(r"[a-zA-Z0-9-]*", p[body:])
            after = body + (flags.end() if flags else 0)
            if flags and flags.group() and after < len(p) and p[after] == ")":
                if "x" in flags.group().split("-")[0] and not p[body].isdigit():
                    self.verbose = True
                self.i = after + 1
                recursion = flags.group()[0] in "R0123456789"  # (?R), (?1); (?i) sets flags
                return Node(start, self.i, "other" if recursion else "empty")
            if head.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                kind, body = "look", body + (2 if head.startswith("(?<") else 1)
            elif head.startswith("(?>"):
                kind, body = "atomic", body + 1
            elif head.startswith(("(?P<", "(?<", "(?'")):
                close = ">" if "<" in head else "'"
                body = self.closing(body + (1 if head[2] == "P" else 0), close)
            elif (head.startswith(("(?P=", "(?P>", "(?&", "(?+", "(?-"))
                  and not flags_colon(p, body)):
                self.i = self.closing(start, ")")
                return Node(start, self.i, "other")
            elif head.startswith("(?("):
                body = self.closing(body, ")")
            elif head.startswith("(?|"):
                body += 1
            elif flags and after < len(p) and p[after] == ":":
                body = after + 1
            self.i = body
        else:
            self.i = start + 1
        alternatives = self.alternation()
        if self.i < len(p) and p[self.i] == ")":
            self.i += 1
        return Node(start, self.i, kind, alternatives=alternatives)

    def quantifier(self, node: Node) -> None:
        p, i = self.p, self.i
        while self.verbose and i < len(p) and p[i].isspace():
            i += 1
        if i >= len(p):
            return
        if p[i] in "*+?":
            node.low, node.high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[p[i]]
            i += 1
        elif (m := _QUANTIFIER.match(p, i)) and (m.group(1) or m.group(2)):
            low = int(m.group(1) or 0)
            high = None if m.group(2) and not m.group(3) else int(m.group(3) or m.group(1))
            node.low, node.high = low, high
            i = m.end()
        elif _FUZZY.match(p, i):
            self.i = _FUZZY.match(p, i).end()  # type: ignore[union-attr]
            return
        else:
            return
        if i < len(p) and p[i] == "+":
            node.possessive = True
            i += 1
        elif i < len(p) and p[i] == "?":
            i += 1
        self.i = i
        node.end = i


def flags_colon(p: str, at: int) -> bool:
    """``(?-i:…)``: a flags group, not the relative recursion ``(?-1)``."""
    m = re.match(r"[+-][a-zA-Z]+:", p[at:])
    return m is not None


def _children(node: Node) -> list[Node]:
    return [item for alternative in node.alternatives for item in alternative]


def _inner_unbounded(node: Node) -> Node | None:
    """The first repeat inside ``node`` that can grow without bound and give characters back."""
    for child in _children(node):
        if child.possessive or child.kind == "atomic":
            continue  # gives nothing back once matched
        if child.unbounded:
            return child
        found = _inner_unbounded(child)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4096)
def _charset(source: str) -> regex.Pattern[str] | None:
    try:
        return regex.compile(source)
    except regex.error:
        return None


def _overlap(a: str, b: str) -> bool:
    """Can the one-character sets ``a`` and ``b`` (regex sources) match the same character?"""
    left, right = _charset(a), _charset(b)
    if left is None or right is None:
        return True
    candidates = set(a) | set(b) | set(_PROBES)
    return any(left.fullmatch(c) and right.fullmatch(c) for c in candidates)


def _firsts(sequence: list[Node]) -> list[str] | None:
    """The character sets a sequence can start with; None if unknown (back references …)."""
    found: list[str] = []
    for node in sequence:
        if node.kind == "char":
            found.append(node.charset)
        elif node.kind in ("group", "atomic"):
            for alternative in node.alternatives:
                inner = _firsts(alternative)
                if inner is None:
                    return None
                found.extend(inner)
        elif node.kind == "other":
            return None
        if not node.nullable:
            return found
    return found


def _plain(sequence: list[Node]) -> list[str] | None:
    """The character sets of a sequence of single, unquantified characters; else None."""
    if all(n.kind == "char" and n.low == n.high == 1 for n in sequence):
        return [n.charset for n in sequence]
    return None


def _alternatives_clash(left: list[Node], right: list[Node]) -> bool:
    """Can the two alternatives match the same text, or one a beginning of the other's?"""
    a, b = _plain(left), _plain(right)
    if a is not None and b is not None:
        return all(_overlap(x, y) for x, y in zip(a, b, strict=False))
    first_a, first_b = _firsts(left), _firsts(right)
    if first_a is None or first_b is None or not first_a or not first_b:
        return False
    return any(_overlap(x, y) for x in first_a for y in first_b)


def _clashing_alternation(node: Node) -> tuple[Node, list[Node], list[Node]] | None:
    """A group at or inside ``node`` whose alternatives can match the same text."""
    if node.kind in ("group", "atomic") and node.kind != "atomic":
        alternatives = node.alternatives
        for i, left in enumerate(alternatives):
            for right in alternatives[i + 1:]:
                if _alternatives_clash(left, right):
                    return node, left, right
    for child in _children(node):
        if child.kind == "atomic" or child.possessive:
            continue
        found = _clashing_alternation(child)
        if found is not None:
            return found
    return None


def _walk(sequence: list[Node]) -> list[Node]:
    nodes = []
    for node in sequence:
        nodes.append(node)
        for alternative in node.alternatives:
            nodes.extend(_walk(alternative))
    return nodes


EXPLOSION_LIMIT = 100_000
"""A repeat whose iterations can split a text in more ways than this is refused."""


def _varies(node: Node) -> bool:
    """Can ``node`` match texts of different lengths, giving characters back?"""
    if node.possessive or node.kind in ("atomic", "look", "empty"):
        return False
    if node.high is None or node.low != node.high:
        return True
    return any(_varies(child) for child in _children(node))


def _choices(node: Node) -> int:
    """Roughly how many lengths ``node`` can match (at least 1)."""
    if node.possessive or node.kind in ("atomic", "look", "empty"):
        return 1
    inner = 1
    for alternative in node.alternatives:
        ways = 1
        for child in alternative:
            ways = min(ways * _choices(child), EXPLOSION_LIMIT)
        inner = min(inner + ways, EXPLOSION_LIMIT) if node.alternatives else inner
    if node.kind == "char" or not node.alternatives:
        inner = 1
    spread = 1 if node.high is None else node.high - node.low + 1
    if node.high is None:
        return EXPLOSION_LIMIT
    return min(inner * spread, EXPLOSION_LIMIT)


def _follows(sequence: list[Node], at: int, body: list[str] | None) -> list[str] | None:
    """The character sets that can come right after ``sequence[at]``: the start of the rest
    of the sequence, and — when the rest can match nothing — the start of the next iteration
    (``body``). None if unknown."""
    rest = sequence[at + 1:]
    found = _firsts(rest)
    if found is None:
        return None
    if all(n.nullable for n in rest):
        if body is None:
            return None
        found = [*found, *body]
    return found


def _ambiguous_inside(node: Node) -> Node | None:
    """A part inside the repeated ``node`` whose length varies and whose end the text cannot
    fix: what may follow it can also be matched by it, so each iteration can end in several
    places."""
    body = _firsts([Node(node.start, node.end, node.kind, alternatives=node.alternatives)])
    for alternative in node.alternatives:
        for at, child in enumerate(alternative):
            if child.possessive or child.kind in ("atomic", "look"):
                continue
            if not _varies(child):
                continue
            own = _firsts([child]) if child.kind != "char" else [child.charset]
            after = _follows(alternative, at, body)
            if own is None or after is None or not own:
                return child
            if any(_overlap(x, y) for x in own for y in after):
                return child
    return None


def _explosive_bounded(node: Node) -> tuple[Node, int] | None:
    """A bounded repeat of a group whose iterations can cut a text in more than
    :data:`EXPLOSION_LIMIT` ways: ``(?:\\p{Han}{1,30}){1,30}``, ``(?:a{1,2}){1,100}``."""
    if node.kind != "group" or not node.repeats:
        return None
    inner = _ambiguous_inside(node)
    if inner is None:
        return None
    per_iteration = max(2, _choices(inner))
    iterations = node.high if node.high is not None else EXPLOSION_LIMIT
    ways = 1
    for _ in range(iterations):
        ways *= per_iteration
        if ways > EXPLOSION_LIMIT:
            return inner, iterations
    return None


def find_runaway(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack without end, quoting the part; None if it looks safe."""
    scanner = _Scanner(pattern)
    top = Node(0, len(pattern), "group", alternatives=scanner.parse())

    def quote(node: Node) -> str:
        return f"'{pattern[node.start:node.end]}' (column {node.start + 1})"

    def text_of(sequence: list[Node]) -> str:
        return f"'{pattern[sequence[0].start:sequence[-1].end]}'" if sequence else "''"

    for node in _walk([top])[1:]:
        if not node.repeats or node.kind not in ("group", "look"):
            continue
        inner = _inner_unbounded(node)
        if inner is not None:
            return (f"the repeat {quote(node)} contains the unbounded repeat {quote(inner)}, "
                    "so a text can be split between them in exponentially many ways; "
                    "make the inner repeat possessive (e.g. 'a++') or atomic ('(?>…)'), "
                    "or give it a bound ('{1,20}')")
        explosive = _explosive_bounded(node)
        if explosive is not None:
            inner, iterations = explosive
            upto = "its" if node.high is None else f"its up to {iterations}"
            return (f"the repeat {quote(node)} holds {quote(inner)}, whose length varies and "
                    f"whose end the text does not fix, so {upto} iterations "
                    "can cut a text in more than "
                    f"{EXPLOSION_LIMIT:,} ways before a match fails; make the inner part "
                    "possessive (e.g. '{1,30}+'), the group atomic ('(?>…)'), or the "
                    "iterations start with something the inner part cannot match")
        clash = _clashing_alternation(node)
        if clash is not None:
            group, left, right = clash
            where = "" if group is node else f" in the group {quote(group)}"
            return (f"the repeat {quote(node)} holds alternatives {text_of(left)} and "
                    f"{text_of(right)}{where} that can match the same text, so "
                    "each repetition can go either way; make the alternatives start "
                    "differently (factor out the common start) or the group atomic ('(?>…)')")
    return None


def ways_bound(pattern: str, limit: int = 1_000_000) -> int | None:
    """At most how many ways ``pattern`` can try to match at one place of a text, whatever the
    text, or None when the text's length counts (:func:`growth`) or that exceeds ``limit``."""
    found = growth(pattern, limit)
    return found[0] if found is not None and found[1] == 0 else None


def growth(pattern: str, limit: int = 1_000_000) -> tuple[int, int] | None:
    """``(ways, degree)``: ``pattern`` can try at most ``ways × n ** degree`` ways to match at
    one place of a text of ``n`` characters — each repeat's counts times its body's ways,
    alternatives added, sequences multiplied; an unbounded repeat of one character (``\\s*``,
    ``[^，]+``) takes up to ``n`` of them (degree 1, twice the ways for its ``n + 1`` counts).
    None when that is not a polynomial of the text's length (an unbounded repeat of a group: the
    repeats in repeats :func:`find_runaway` warns of; a back reference, recursion, a named list,
    fuzzy matching) or ``ways`` exceeds ``limit``. Such a bound lets
    :mod:`lawgov_ie.rules.budget` run a call on a short enough span without a timeout."""
    if _FUZZY.search(pattern) or "\\L<" in pattern:
        return None
    try:
        alternatives = _Scanner(pattern).parse()
    except (IndexError, ValueError):
        return None
    Growth = tuple[int, int]

    def of_alternatives(alts: list[list[Node]]) -> Growth | None:
        ways, degree = 0, 0
        for alt in alts:
            found = of_sequence(alt)
            if found is None:
                return None
            ways, degree = ways + found[0], max(degree, found[1])
            if ways > limit:
                return None
        return max(ways, 1), degree

    def of_sequence(sequence: list[Node]) -> Growth | None:
        ways, degree = 1, 0
        for node in sequence:
            found = of_node(node)
            if found is None:
                return None
            ways, degree = ways * found[0], degree + found[1]
            if ways > limit:
                return None
        return ways, degree

    def of_node(node: Node) -> Growth | None:
        if node.kind == "other":
            return None
        body: Growth = (1, 0)
        if node.kind in ("group", "atomic", "look"):
            inner = of_alternatives(node.alternatives)
            if inner is None:
                return None
            body = inner
        if node.high is None:
            return (2 * body[0], 1) if node.kind == "char" else None
        ways = 0
        for count in range(node.low, node.high + 1):
            ways += body[0] ** count
            if ways > limit:
                return None
        return max(ways, 1), body[1] * node.high

    return of_alternatives(alternatives)


_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z^-]*[a-zA-Z][a-zA-Z^-]*[:)]")  # (?i), (?x), (?i:…)
_CLASS_SPECIAL = frozenset("\\^-[]&|~")  # escapes, negation, ranges, nesting, set operations


def _literals(charset: str) -> frozenset[str] | None:
    """The characters a one-character item matches when it names them one by one — a plain
    character, an escaped mark (``\\.``), or a set of plain characters (``[，,]``) — else None
    (a class, a range, a negated set: not worth spelling out)."""
    if len(charset) == 1:
        return None if charset == "." else frozenset(charset)
    if len(charset) == 2 and charset[0] == "\\" and not charset[1].isalnum():
        return frozenset(charset[1])
    if charset.startswith("[") and charset.endswith("]") and len(charset) > 2 \
            and not _CLASS_SPECIAL.intersection(charset[1:-1]):
        return frozenset(charset[1:-1])
    return None


def needed_chars(pattern: str) -> frozenset[str] | None:
    """Characters at least one of which stands in every match of ``pattern`` (a text holding
    none of them cannot match it, wherever it is searched), or None when none is known: for
    each alternative, the characters of an item it must match at least once — a plain
    character or a set of them (``中``, ``[，,]``), or a group whose every alternative has such
    characters; items it may skip (``?``, ``*``, ``{0,n}``) and look-arounds (outside the
    match) do not count. None for patterns whose items do not match one of their own
    characters: inline flags (``(?i)``), fuzzy matching, back references, conditionals."""
    return _needed(pattern, False)


def needed_strings(pattern: str) -> frozenset[str] | None:
    """Texts at least one of which stands in every match of ``pattern``, as
    :func:`needed_chars` finds characters, but taking for each alternative its rarest run of
    items it must match once each in a row, each one of a few fixed texts — a character, a set
    of them, a group of such alternatives — read as their concatenations (``调解`` of
    ``(?:人民)?调解[^，]*``; 两套班子 … 三大班子 of ``[两三](?:套|大)班子``): what an
    Aho–Corasick automaton can look for in one pass for many patterns. None when none is known."""
    return _needed(pattern, True)


_MAX_STRINGS = 256  # a run read as more texts than this is cut there


def _own_characters(pattern: str) -> list[list[Node]] | None:
    """The structure of ``pattern`` when its items match their own characters (no inline flags,
    fuzzy matching, back references or conditionals), else None. A leading ``(?r)`` (search
    backwards) changes no match's text."""
    pattern = pattern.removeprefix("(?r)")
    if _FUZZY.search(pattern) or _INLINE_FLAGS.search(pattern) or "\\L<" in pattern \
            or "(?(" in pattern or re.search(r"\\[1-9]|\\[gk][<{']|\(\?P=", pattern):
        return None
    try:
        return _Scanner(pattern).parse()
    except (IndexError, ValueError):
        return None


def _needed(pattern: str, runs: bool) -> frozenset[str] | None:
    """:func:`needed_strings` (``runs``), else :func:`needed_chars`."""
    alternatives = _own_characters(pattern)
    if alternatives is None:
        return None

    def rank(found: frozenset[str]) -> tuple[int, int]:
        """Longer texts first (rarer), then fewer of them."""
        return min(map(len, found)), -len(found)

    def fixed(node: Node) -> frozenset[str] | None:
        """The texts an item matches when it matches one of a few of them exactly once."""
        if node.low != 1 or node.high != 1:
            return None
        if node.kind == "char":
            return _literals(node.charset)
        if node.kind not in ("group", "atomic"):
            return None
        found: set[str] = set()
        for alternative in node.alternatives:
            texts = {""}
            for item in alternative:
                if item.kind in ("look", "empty"):
                    continue
                own = fixed(item)
                if own is None or len(texts) * len(own) > _MAX_STRINGS:
                    return None
                texts = {a + b for a in texts for b in own}
            found |= texts
        return frozenset(found) if "" not in found else None

    def of_sequence(sequence: list[Node]) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        run: set[str] = {""}  # the texts of the items matched once each, in a row, so far

        def consider(found: frozenset[str] | None) -> None:
            nonlocal best
            if found is not None and (best is None or rank(found) > rank(best)):
                best = found

        for node in sequence:
            if node.kind in ("look", "empty"):
                continue  # no width: the characters around it stand together
            own = fixed(node) if runs else None
            if own is not None:
                if len(run) * len(own) <= _MAX_STRINGS:
                    run = {a + b for a in run for b in own}
                    continue
                consider(frozenset(run) if run != {""} else None)
                run = set(own)
                continue
            if run != {""}:
                consider(frozenset(run))
                run = {""}
            consider(None if node.nullable else of_node(node))
        if run != {""}:
            consider(frozenset(run))
        return best

    def of_node(node: Node) -> frozenset[str] | None:
        if node.kind == "char":
            return _literals(node.charset)
        if node.kind in ("group", "atomic"):
            return of_alternatives(node.alternatives)
        return None

    def of_alternatives(alts: list[list[Node]]) -> frozenset[str] | None:
        found: set[str] = set()
        for alternative in alts:
            own = of_sequence(alternative)
            if own is None:
                return None
            found |= own
        return frozenset(found)

    return of_alternatives(alternatives) if alternatives else None


def max_width(pattern: str, looks: bool = False) -> int | None:
    """The most characters a match of ``pattern`` can span (look-arounds reach outside it and
    do not count), or None when a repeat has no bound or an item's width is not known (a
    grapheme ``\\X``, a named list, a back reference, inline flags). ``looks``: count every
    look-around's own width and a character for each anchor too — how far from a match's
    ends the engine may read at most, trying it."""
    alternatives = _own_characters(pattern)
    if not alternatives:
        return None

    def of_node(node: Node) -> int | None:
        if node.kind == "empty":
            return 1 if looks else 0
        if node.kind == "look":
            return of_alternatives(node.alternatives) if looks else 0
        if node.high is None:
            return None
        if node.kind == "char":
            return None if node.charset == "\\X" else node.high
        if node.kind in ("group", "atomic"):
            width = of_alternatives(node.alternatives)
            return None if width is None else width * node.high
        return None

    def of_alternatives(alts: list[list[Node]]) -> int | None:
        most = 0
        for alternative in alts:
            total = 0
            for node in alternative:
                width = of_node(node)
                if width is None:
                    return None
                total += width
            most = max(most, total)
        return most

    return of_alternatives(alternatives)


def held_characters(pattern: str) -> tuple[str, int] | None:
    """What a match of ``pattern`` is made of: an expression for one character that matches
    every character a match can hold (look-arounds left out), and how far beyond the characters
    it takes a try may read (its widest look-around, a character for an anchor) — or None when
    either is not known, or a match may be empty. A character that expression does not match
    stands in no match, so no match runs across it: a scan started right after one finds, from
    there on, what a scan of the whole text finds."""
    alternatives = _own_characters(pattern)
    if not alternatives or any(all(n.nullable for n in alt) for alt in alternatives):
        return None
    source = pattern.removeprefix("(?r)")
    literals: set[str] = set()
    classes: list[str] = []
    reach = 0

    def walk(alts: list[list[Node]]) -> bool:
        nonlocal reach
        for alternative in alts:
            for node in alternative:
                if node.kind == "empty":
                    reach = max(reach, 1)
                elif node.kind == "look":
                    width = max_width(source[node.start:node.end], looks=True)
                    if width is None:
                        return False
                    reach = max(reach, width)
                elif node.kind == "char":
                    if node.charset == "\\X":
                        return False
                    own = _literals(node.charset)
                    if own is None:
                        classes.append(node.charset)
                    else:
                        literals.update(own)
                elif node.kind in ("group", "atomic"):
                    if not walk(node.alternatives):
                        return False
                else:
                    return False
        return True

    if not walk(alternatives):
        return None
    if literals:
        classes.append("[" + "".join(regex.escape(c) for c in sorted(literals)) + "]")
    return "|".join(dict.fromkeys(classes)), reach
