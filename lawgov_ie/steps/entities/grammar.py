"""ORG and PERSON by grammar on the characters: no rule reads words, so every segmenter gives
the same entities (docs/entities.md).

ORG = [中共] [place chain | level] body [sub …], where

- the *place chain* is one or more administrative names (晋江市英林镇): :func:`place_chain_start`
  finds it, the one place a gazetteer plugs in;
- the *level* is a bare 省/市/县/区/镇/乡/街道 (县 in 县司法局);
- the *body* is a head word a level makes into one body (委, 人民政府: 县委, 镇人民政府), a closed
  name (国务院, 司法所), or an open stem before a suffix (区湿地保护局, 石门公路巡查大队);
- *sub* words continue it (区委 + 常委会, 区委 + 依法治区委员会 + 办公室).

Boundaries come from the text: a name starts after punctuation, after a word that never begins a
name (the ``entity_trim`` words: verbs, prepositions, pronouns), or at its place or level; a name
right after a determiner (各, 全) is generic and dropped. Two bodies written together are two
(市委市政府); a body followed by a named place's body is one (南城市东区人民政府北山街道办事处).

PERSON: two or three characters next to a post (镇长X, X律师, X总书记) or after 签发人, weighed by
evidence: a surname first, punctuation or a non-name word around it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick_rs
import regex

from lawgov_ie.doc_data import EntityInfo
from lawgov_ie.steps.entities.entities_patterns import (
    EntityTrimPattern,
    OrgWordsPattern,
    PersonWordsPattern,
)

_HAN = regex.compile(r"\p{Han}")
_MAX_STEM = 16  # characters an open-class name may have before its suffix
_CHAIN_NAME = (2, 5)  # characters of one place name before its level (英林 in 英林镇)
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百几多")
_CLASSIFIERS = frozenset("个家所支座名")
_ORDINAL = re.compile(r"第?[一二三四五六七八九十]{1,3}届")  # 十二届 in 十二届县委, 县十八届人大
_ORDINAL_BEFORE = re.compile(r"第?[一二三四五六七八九十]{1,3}届$")
_CONJUNCTIONS = frozenset("、和及与")
_ALL_HAN = regex.compile(r"\p{Han}+")
_LAST_NOT_HAN = regex.compile(r"(?r)\P{Han}")  # searched backwards from a suffix
_COUNTED = regex.compile(r"[ ]?[0-9０-９一二两三四五六七八九十百几多]+[ ]?[个家所支座]")


PlaceChain = Callable[[str, int, int], int]
"""``(text, end, low) -> start``: where the known place name that ends at ``end`` starts (``end``
when none does), never before ``low`` (:meth:`OrgGrammar.place_chain_start` chains them)."""


@functools.lru_cache(maxsize=1 << 16)
def _is_han(char: str) -> bool:
    """Whether ``char`` is ``\\p{Han}`` (cached: a text has a few thousand distinct characters)."""
    return bool(_HAN.match(char))


_Trie = dict[str, "_Trie"]


def han_run_start(text: str, end: int, reach: int = _MAX_STEM) -> int:
    r"""Where the run of Han characters that ends at ``end`` starts, at most ``reach``
    characters back (what ``\p{Han}*\Z`` searched from there finds)."""
    low = max(0, end - reach)
    found = _LAST_NOT_HAN.search(text, low, end)  # a few characters back, not a forward scan
    return low if found is None else found.end()


def alternation(words: Iterable[str]) -> str:
    """A regex of ``words`` (literals) that matches what their alternation, longest first,
    matches: written as a trie (人民(?:政府|法院)), so a scan tries one branch per character,
    not every word (about twice as fast on a hundred words; valid for ``re`` and ``regex``).
    Empty when no word is given."""
    trie: _Trie = {}
    for word in set(words):
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: _Trie) -> str:
    """The continuations of ``node``: one branch per next character (at most one of them can
    match), made optional where a word ends, so the longest word is tried first."""
    alternatives = [re.escape(char) + _branches(child)
                    for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    if "" in node:
        return "(?:" + "|".join(alternatives) + ")?"
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


_FEW = 4  # a set of this many words or fewer is found by str.find, word by word


class SharedScan:
    """One Aho–Corasick pass (``ahocorasick-rs``, a compact automaton) for several sets of words
    (the ORG grammar's, the PERSON posts, the phrases): each set's places in a text, from one
    pass over it, kept for the last text asked about. One small automaton costs less than one
    per set where the CPU caches are cold (after pkuseg's segmentation), and as little where
    they are warm."""

    def __init__(self) -> None:
        self._sets: list[list[str]] = []
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._of_key: list[tuple[int, ...]] = []  # the sets of each key of the automaton
        self._last: tuple[str | None, list[list[tuple[int, int]]]] = (None, [])

    def add(self, words: list[str]) -> int:
        """Another set of (non-empty, distinct) words: its number."""
        self._sets.append(words)
        self._automaton = None  # built again at the next scan
        self._last = (None, [])
        return len(self._sets) - 1

    def _build(self) -> ahocorasick_rs.AhoCorasick:
        of_key: dict[str, list[int]] = {}
        for number, words in enumerate(self._sets):
            for word in words:
                of_key.setdefault(word, []).append(number)
        keys = sorted(of_key)
        self._of_key = [tuple(of_key[key]) for key in keys]
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        return self._automaton

    def __getstate__(self) -> dict[str, Any]:
        """What pickles (the automaton does not: it is built again at the next scan)."""
        return {**self.__dict__, "_automaton": None, "_last": (None, [])}

    def places(self, text: str, number: int) -> list[tuple[int, int]]:
        """Every place a word of set ``number`` stands in ``text``, overlapping ones included,
        ``(start, end)`` sorted by start, the longest first at a start (do not change it)."""
        last, found = self._last
        if last is not text:
            found = self._scan(text)
            self._last = (text, found)
        return found[number]

    def _scan(self, text: str) -> list[list[tuple[int, int]]]:
        automaton = self._automaton if self._automaton is not None else self._build()
        found: list[list[tuple[int, int]]] = [[] for _ in self._sets]
        of_key = self._of_key
        for key, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
            for number in of_key[key]:
                found[number].append((start, end))
        for places in found:
            places.sort(key=lambda span: (span[0], -span[1]))
        return found


class Literals:
    """A set of literal words found by one Aho–Corasick automaton (``ahocorasick-rs``, as the
    gazetteer's), or by a :class:`SharedScan`'s: what ``re`` finds with their alternation,
    longest first, in a third of the time. A few words (quotes, 村/社区) are found by
    ``str.find``, faster still than an automaton's pass (and than ``re``, which tests every
    character against a class of Han characters slowly)."""

    def __init__(self, words: Iterable[str], shared: SharedScan | None = None) -> None:
        self.words = sorted({w for w in words if w})
        # no word begins another: no two places start together, a plain sort orders them
        self._prefix_free = not any(a != b and b.startswith(a) for a in self.words
                                    for b in self.words)
        self._shared = shared if shared is not None and len(self.words) > _FEW else None
        self._number = self._shared.add(self.words) if self._shared is not None else -1
        self._build()

    def _build(self) -> None:
        many = len(self.words) > _FEW and self._shared is None
        self._leftmost = ahocorasick_rs.AhoCorasick(
            self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA) if many else None
        self._all = ahocorasick_rs.AhoCorasick(
            self.words, implementation=ahocorasick_rs.Implementation.DFA) if many else None

    def __getstate__(self) -> dict[str, Any]:
        """What pickles (an automaton does not: it is built again from the words)."""
        return {**self.__dict__, "_leftmost": None, "_all": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._build()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of what ``finditer`` of :func:`alternation` of the words finds:
        leftmost first, the longest word at a place, none overlapping."""
        if self._leftmost is not None:
            return [(start, end) for _, start, end in
                    self._leftmost.find_matches_as_indexes(text)]
        chosen: list[tuple[int, int]] = []
        last = 0  # where the last word taken ends
        for start, end in self.starts(text):
            if start >= last:
                chosen.append((start, end))
                last = end
        return chosen

    def starts(self, text: str) -> list[tuple[int, int]]:
        """Every place a word stands, overlapping ones included, ``(start, end)`` sorted by
        start, the longest first at a start: the first at or after a position is the match
        of the words' alternation, longest first, searched from there."""
        if self._shared is not None:
            return self._shared.places(text, self._number)
        if self._all is not None:
            found = [(start, end) for _, start, end in
                     self._all.find_matches_as_indexes(text, overlapping=True)]
        else:
            found = []
            for word in self.words:
                at = text.find(word)
                while at >= 0:
                    found.append((at, at + len(word)))
                    at = text.find(word, at + 1)
            if len(self.words) == 1:
                return found  # in order already
            if self._prefix_free:
                found.sort()
                return found
        found.sort(key=lambda span: (span[0], -span[1]))
        return found


class StopWords:
    """Words that never begin a name (``entity_trim``). A one-character word (和, 在, 有) cuts a
    name only before a level or a place, or at a clause's start (县民政局和县司法局, not
    住房和城乡建设局 or 有线广播中心); after a determiner (各, 全, 每) a name is generic."""

    PRONOUNS = frozenset("我本该此其")
    DETERMINERS = frozenset({"各", "全", "每", "所有", "多个", "各个", "各级", "相关", "有关",
                             "其他", "其它", "部分", "一些", "诸多"})

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w) | self.DETERMINERS
        self.longest = max((len(w) for w in self.words), default=0)
        # the sizes of the words that begin (end) with each character, longest first: the only
        # slices worth taking there
        firsts: dict[str, set[int]] = {}
        lasts: dict[str, set[int]] = {}
        for word in self.words:
            firsts.setdefault(word[0], set()).add(len(word))
            lasts.setdefault(word[-1], set()).add(len(word))
        self.firsts = {char: sorted(sizes, reverse=True) for char, sizes in firsts.items()}
        self.lasts = {char: sorted(sizes, reverse=True) for char, sizes in lasts.items()}

    def ending_at(self, text: str, at: int, low: int = 0) -> str | None:
        """The longest stop word that ends at ``at`` and starts at or after ``low``."""
        if at <= low or at > len(text):
            return None
        for size in self.lasts.get(text[at - 1], ()):
            if size <= at - low:
                word = text[at - size:at]
                if word in self.words:
                    return word
        return None

    def starting_at(self, text: str, at: int) -> str | None:
        if at >= len(text):
            return None
        for size in self.firsts.get(text[at], ()):
            word = text[at:at + size]
            if len(word) == size and word in self.words:
                return word
        return None

    def inside(self, text: str, low: int, high: int) -> bool:
        lasts = self.lasts
        for at in range(low + 1, min(high, len(text)) + 1):
            if text[at - 1] in lasts and self.ending_at(text, at, low):
                return True
        return False


@dataclass(frozen=True)
class _Words:
    words: tuple[str, ...]
    not_before: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, patterns: Sequence[OrgWordsPattern], role: str) -> _Words:
        words: list[str] = []
        not_before: dict[str, tuple[str, ...]] = {}
        for pattern in patterns:
            if pattern.role == role:
                words.extend(pattern.words)
                for word in pattern.words:
                    not_before[word] = (*not_before.get(word, ()), *pattern.not_before)
        return cls(tuple(dict.fromkeys(words)), not_before)

    def regex(self) -> str:
        return alternation(self.words)

    def blocked(self, word: str, text: str, end: int) -> bool:
        """Whether ``word``, ending at ``end``, is followed by one of its ``not_before`` words."""
        after = self.not_before.get(word)
        return after is not None and text.startswith(after, end)


@dataclass
class _Org:
    start: int
    end: int
    named_place: bool  # starts with a named place (not a bare level)


class OrgGrammar:
    """Finds ORG spans in a text by the grammar above; words from ``org_words`` patterns."""

    def __init__(self, patterns: Sequence[OrgWordsPattern], stops: StopWords,
                 place_chain: PlaceChain | None = None, shared: SharedScan | None = None) -> None:
        """``shared``: the scan the word sets join (one pass for all, :class:`SharedScan`)."""
        self.stops = stops
        self.place_chain: PlaceChain | None = place_chain
        role = {name: _Words.of(patterns, name) for name in (
            "level", "head", "sub", "suffix", "short_suffix", "chain_suffix", "stem", "name",
            "after_head", "generic", "not_body", "not_place")}
        self.words = role
        self.levels = role["level"].words
        self.level_chars = frozenset(w for w in self.levels if len(w) == 1)  # a place name has none
        self.stems = frozenset(role["stem"].words)
        self.generic = frozenset(role["generic"].words)
        self.not_body = tuple(role["not_body"].words)
        self.not_place = tuple(role["not_place"].words)
        self.short_suffixes = frozenset(role["short_suffix"].words)
        self.stem_sizes = sorted({len(w) for w in self.stems}, reverse=True)
        self.stem_lasts = frozenset(w[-1] for w in self.stems)
        # each suffix word's not_before words, of every role it has (one look-up a match)
        self.suffix_not_before: dict[str, tuple[str, ...]] = {}
        for name in ("suffix", "short_suffix", "chain_suffix"):
            for word in role[name].words:
                self.suffix_not_before[word] = (*self.suffix_not_before.get(word, ()),
                                                *role[name].not_before.get(word, ()))
        self.chain_suffixes = frozenset(role["chain_suffix"].words)
        self.enabled = bool(role["head"].words or role["name"].words or role["suffix"].words)
        subs = role["sub"].regex()
        sub_part = f"(?P<subs>(?:{subs})*)" if subs else "(?P<subs>)"
        levels = role["level"].regex() or "(?!)"
        # literal alternations: the standard re scans them faster than the regex module
        self.level_re = re.compile(levels)
        self.level_tail_re = re.compile(f"(?:{levels})$")  # a level that ends where asked
        self.longest_level = max((len(w) for w in self.levels), default=1)
        self.head_re = re.compile(
            f"(?P<level>{levels})(?P<ordinal>{_ORDINAL.pattern})?"
            f"(?P<body>{role['head'].regex() or '(?!)'}){sub_part}")
        self.name_re = re.compile(f"(?P<body>{role['name'].regex() or '(?!)'}){sub_part}")
        # the scans for closed names and for suffixes (with their subs), one automaton each
        # (:meth:`_scan`)
        self.name_words = Literals(role["name"].words, shared)
        self.suffix_words = Literals((*role["suffix"].words, *role["short_suffix"].words,
                                      *role["chain_suffix"].words), shared)
        self.subs_re = re.compile(f"(?:{subs})*") if subs else None
        self.sub_firsts = frozenset(w[0] for w in role["sub"].words if w)
        # phrases inside a name, matched whole before a stop word may cut one (依法 in
        # 依法治镇委员会, 治国 in 依法治国办)
        self.internal_re = re.compile(alternation((*role["sub"].words, *role["name"].words))
                                      or "(?!)")
        after = role["after_head"].regex()
        self.after_head_re = regex.compile(f"[、和及与](?P<body>{after})") if after else None
        # a body's own word: a head with its subs (党工委 in 在党工委) and the words a body ends
        # in (办事处 in 办事处与X律师事务所): a one-character word next to one cuts a name
        self.bare_head_re = re.compile(f"(?:{role['head'].regex() or '(?!)'}){sub_part}")
        body_ends = alternation((*role["head"].words, *role["name"].words, *role["suffix"].words,
                                  *role["short_suffix"].words))
        self.body_end_re = re.compile(f"(?:{body_ends or '(?!)'})$")
        self.longest_body_end = max((len(w) for w in (*role["head"].words, *role["name"].words,
                                                      *role["suffix"].words,
                                                      *role["short_suffix"].words)), default=1)

    # the hook ----------------------------------------------------------------------------
    def with_place_chain(self, place_chain: PlaceChain) -> OrgGrammar:
        """This grammar with another place link (one text's): a shallow copy, the word lists
        shared."""
        other = object.__new__(type(self))  # a shallow copy (copy.copy, cheaper)
        other.__dict__.update(self.__dict__)
        other.place_chain = place_chain
        return other

    def place_chain_start(self, text: str, end: int, low: int = 0) -> int:
        """Where the place chain that ends at ``end`` starts (晋江市英林镇 in 在晋江市英林镇人民
        政府), ``end`` when no place name ends there; never before ``low``.

        Link by link, leftwards: a name the ``place_chain`` hook knows (``(text, end, low) ->
        start`` of one known place name ending at ``end``, ``end`` when none: the gazetteer's,
        known_places.py), else a name by shape right after a known place or 中共. Without a hook,
        names by shape alone (:meth:`regex_place_chain`)."""
        if self.place_chain is None:
            return self.regex_place_chain(text, end, low)
        start = end
        while True:
            known = self.place_chain(text, start, low)
            before = known if low <= known < start else self._unknown_place_before(
                text, start, low)
            if before is None:
                return start
            start = before

    def _unknown_place_before(self, text: str, end: int, low: int) -> int | None:
        """With a hook, a name it does not know is a place only inside a known one or after
        中共 (桃源县 + 青石镇 when the data lacks 青石镇): shape alone also fits a verb before a
        level (聚焦 + 区委)."""
        assert self.place_chain is not None
        at = self._place_before(text, end, low)
        if at is None:
            return None
        if text.startswith("中共", at - 2) or (at > low and self.place_chain(text, at, low) < at):
            return at
        return None

    def regex_place_chain(self, text: str, end: int, low: int = 0) -> int:
        """The place chain by shape alone: a place name is two to five Han characters, none of
        them a level, with no stop word in it, ending in a level word, and standing after a
        boundary (punctuation, a stop word, another place, 中共); the shortest such name is
        taken, then the chain goes on leftwards."""
        start = end
        while True:
            before = self._place_before(text, start, low)
            if before is None:
                return start
            start = before

    def _place_before(self, text: str, end: int, low: int) -> int | None:
        found = self.level_tail_re.search(text, max(low, end - self.longest_level), end)
        if found is not None:
            name_end = found.start()
            for size in range(1, _CHAIN_NAME[1] + 1):
                at = name_end - size
                if at < low:
                    break
                char = text[at]
                if not _is_han(char) or char in self.level_chars:
                    break
                if size < _CHAIN_NAME[0]:
                    continue
                if self.stops.inside(text, at, name_end):
                    break
                if text.endswith(self.not_place, at, end) or (
                        text[at] in _CLASSIFIERS and at > 0 and text[at - 1] in _NUMERALS):
                    break  # 行政村, 8个行政村: no place's name
                if self._place_boundary(text, at):
                    return at
            return None
        return None

    def _place_boundary(self, text: str, at: int) -> bool:
        if at == 0 or not _is_han(text[at - 1]) or text[at - 1] in self.level_chars:
            return True
        return text.startswith("中共", at - 2) or self.stops.ending_at(text, at) is not None

    # finding -----------------------------------------------------------------------------
    def find(self, text: str) -> list[EntityInfo]:
        if not self.enabled:
            return []
        found: list[_Org] = []
        for match in self.head_re.finditer(text):
            org = self._headed(text, match)
            if org is not None:
                found.append(org)
        for start, body_end, end in self._scan(self.name_words, text):  # name_re's matches
            if not self.words["name"].blocked(text[start:body_end], text, body_end):
                found.append(self._placed(text, start, end))
        not_before = self.suffix_not_before
        for suffix_at, suffix_end, end in self._scan(self.suffix_words, text):
            if text.startswith(not_before[text[suffix_at:suffix_end]], suffix_end):
                continue  # 办理, 处置, 队伍: no body's suffix (most matches end here)
            org = self._open(text, suffix_at, suffix_end, end)
            if org is not None:
                found.append(org)
        chosen = _longest_first(found)
        chosen = self._with_ellipsis(text, chosen)
        return [EntityInfo("ORG", org.start, org.end, text[org.start:org.end])
                for org in _merged(chosen)]

    def _scan(self, bodies: Literals, text: str) -> list[tuple[int, int, int]]:
        """``(start, body's end, end)`` of each match ``finditer`` of ``(?P<body>bodies)(?P<subs>
        subs*)`` finds (closed names, suffixes): the longest body at the leftmost place at or after
        the last match's end, then as many subs as follow, each the longest.

        The bodies' leftmost-longest scan gives these places as long as no subs reach into a
        body it found after them; where one does, the rest is read from every place a body
        stands (:meth:`Literals.starts`)."""
        found: list[tuple[int, int, int]] = []
        last = 0  # where the last match ended
        for start, body_end in bodies.spans(text):
            if start < last:
                if body_end <= last:
                    continue  # inside the subs: the scan goes on from its end, as finditer's
                self._scan_from(bodies.starts(text), text, last, found)
                return found
            last = self._subs_end(text, body_end)
            found.append((start, body_end, last))
        return found

    def _scan_from(self, places: list[tuple[int, int]], text: str, last: int,
                   found: list[tuple[int, int, int]]) -> None:
        """:meth:`_scan`'s matches from ``last`` on, from every place a body stands."""
        for start, body_end in places:
            if start >= last:
                last = self._subs_end(text, body_end)
                found.append((start, body_end, last))

    def _subs_end(self, text: str, at: int) -> int:
        """Where the subs that follow a body ending at ``at`` end (``at`` when none does)."""
        if self.subs_re is None or text[at:at + 1] not in self.sub_firsts:
            return at
        more = self.subs_re.match(text, at)  # (?:subs)* matches everywhere
        return at if more is None else more.end()

    def _placed(self, text: str, start: int, end: int) -> _Org:
        """A closed name with the place or level written before it (石门镇公共法律服务工作站,
        镇司法所)."""
        chain = self.place_chain_start(text, start)
        if chain < start:
            return _Org(chain, end, True)
        level = next((w for w in self.levels if text.startswith(w, start - len(w))), None)
        if level is not None and self._bare_level_ok(text, start - len(level), start):
            return _Org(start - len(level), end, False)
        return _Org(start, end, False)

    def _bare_level_ok(self, text: str, at: int, end: int) -> bool:
        """Whether a level at ``text[at:end]`` with no place name before it stands for its own
        body (县 in 县司法局), not a generic word or a pronoun (各乡镇, 行政村, 全县, 我县)."""
        if at == 0:
            return True
        if text.endswith(self.not_place, 0, end):
            return False
        if text[at - 1] in _CONJUNCTIONS and at >= 2 and text[at - 2] in self.level_chars and (
                at < 3 or not _is_han(text[at - 3]) or text[at - 3] in _CONJUNCTIONS):
            return False  # 县、市、区人民政府: levels enumerated, no one body (not 依法治市、县委)
        before = self.stops.ending_at(text, at)
        return not (text[at - 1] in self.level_chars or before in StopWords.DETERMINERS
                    or before in StopWords.PRONOUNS)

    def _headed(self, text: str, match: re.Match[str]) -> _Org | None:
        """县委, 镇人民政府, 晋江市英林镇人民政府, 区委常委会: a level right before a head."""
        body = match.group("body")
        if self.words["head"].blocked(body, text, match.end("body")):
            return None
        level_start = match.start("level")
        level_end = match.end("level")
        start = self.place_chain_start(text, level_end)
        if start == level_end and text.startswith(match.group("level")[0], level_start - 1):
            # 东岭区区委, 东岭街街道办事处: the place's own level, then the body's
            start = self.place_chain_start(text, level_start)
            if start == level_start and self.place_chain is not None:
                start = self.regex_place_chain(text, level_start)
            start = start if start < level_start else level_end
        named = start < level_start
        start = min(start, level_start)
        if not named and not self._bare_level_ok(text, level_start, match.end("level")):
            return None  # 各乡镇党委, 全县政府: generic; 我县 is a pronoun
        ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 5), start) if start > 0 \
            and text[start - 1] == "届" else None  # its last character, tested first
        if ordinal is not None:
            start = ordinal.start()  # 十三届县委: the session is part of the name
        if text.startswith("中共", start - 2):
            start -= 2
        return _Org(start, match.end(), named)

    def _open(self, text: str, suffix_at: int, suffix_end: int, end: int) -> _Org | None:
        """区湿地保护局, 桃源县规划设计院, 石门公路巡查大队: a stem before the suffix at
        ``text[suffix_at:suffix_end]`` (its subs reach ``end``), cut at a boundary (:meth:`find`
        has dropped a suffix one of its ``not_before`` words follows)."""
        suffix = text[suffix_at:suffix_end]  # not followed by one of its not_before words
        low = han_run_start(text, suffix_at)
        if suffix in self.short_suffixes and self._short_suffix_fails(text, low, suffix_at):
            return None
        start = self._stem_start(text, low, suffix_at, end)
        if start is None or start >= suffix_at:
            return None
        start = self._inner_place(text, start, suffix_at)
        name = text[start:suffix_at]
        if "级" in name or "的" in name:
            return None  # 省级X中心, 村级X站: a rank, not a body's name; X的Y队: a description
        whole = text[start:suffix_end]
        if whole in self.generic or whole.endswith(self.not_body):
            return None
        level = self._first_level(text, start, suffix_at)
        named = False
        if level is not None:
            chain_start = self.place_chain_start(text, level[1], start)
            named = chain_start == start and chain_start < level[0]
        if not named and _COUNTED.match(text, end):
            return None  # X调解委员会8个: a count of a kind, not one body
        if suffix in self.chain_suffixes and not named:
            return None  # 法治政府建设领导小组: no body's name
        if suffix in self.short_suffixes and name not in self.stems and (
                level is None or suffix_at - level[1] < 2):
            return None  # 大局, 格局, 街道自办; 司法局 alone is a body
        return _Org(start, end, named)

    def _short_suffix_fails(self, text: str, low: int, suffix_at: int) -> bool:
        """The last test of :meth:`_open` for a one-character suffix, made before the costly
        ones where its answer is already sure: the name starts at or after ``low`` (the stem's
        Han run reaches a boundary there) and neither a known stem ends at the suffix nor a
        level lies two characters or more before it."""
        if low > 0 and _is_han(text[low - 1]):
            return False  # a stem longer than _MAX_STEM: the name may start before ``low``
        if text[suffix_at - 1] in self.stem_lasts:  # a stem may end at the suffix
            for size in self.stem_sizes:
                if suffix_at - size >= low and text[suffix_at - size:suffix_at] in self.stems:
                    return False
        return suffix_at - 2 <= low or self.level_re.search(text, low, suffix_at - 2) is None

    def _inner_place(self, text: str, start: int, high: int) -> int:
        """Where a name cut at ``start`` really starts when a named place begins inside it
        (编印 + 石门镇便民服务中心): at the place chain (with 中共 before it), since the words
        before a body's place are no part of its name; ``start`` otherwise."""
        if self.place_chain is None:
            return start
        level = self._first_level(text, start, high)
        if level is None or level[0] == start:
            return start
        chain = self.place_chain_start(text, level[1], start)
        if not start < chain < level[0]:
            return start
        return chain - 2 if chain - 2 >= start and text.startswith("中共", chain - 2) else chain

    def _first_level(self, text: str, low: int, high: int) -> tuple[int, int] | None:
        """``(start, end)`` of the first level word in ``text[low:high]``."""
        found = self.level_re.search(text, low, high)
        return found.span() if found else None

    def _stem_start(self, text: str, low: int, high: int, end: int) -> int | None:
        """Where a name whose stem lies in ``text[low:high]`` starts: after the last stop word
        in it (a conjunction only before a place or level), else at ``low`` when it is a
        boundary, else at the first place or level in it; ``None`` when the name is generic
        (after a determiner) or has no edge."""
        inside: set[int] | None = None  # inside a phrase of internal_re: made when asked
        lasts = self.stops.lasts
        for at in range(high, low, -1):
            if text[at - 1] not in lasts:
                continue  # no stop word ends here (the cheap test, inline)
            word = self.stops.ending_at(text, at, low)
            if word is None:
                continue
            if inside is None:
                inside = {inner for found in self.internal_re.finditer(text, low, end)
                          for inner in range(found.start() + 1, found.end())}
            if at in inside:
                continue
            if at == high:
                if len(word) == 1:
                    return None  # 机关及学校: a bare kind word after a conjunction
                continue  # 指挥中心, 协调办: the word is the name's own, look further left
            if len(word) == 1 and not self._place_at(text, at, high) \
                    and not (at - 1 == 0 or not _is_han(text[at - 2])) \
                    and not self.name_re.match(text, at, end) \
                    and not self.bare_head_re.fullmatch(text, at, end) \
                    and not self._body_ends_at(text, at - 1):
                continue  # 和 in 住房和城乡建设局, 有 in 有线广播: a one-character word inside
            if word in StopWords.DETERMINERS or word in StopWords.PRONOUNS:
                return None
            if self.stops.starting_at(text, at):
                return None  # the name would begin with a word that never begins one
            return at
        if low == 0 or not _is_han(text[low - 1]):
            if self.stops.starting_at(text, low):
                return None  # 推进中心工作: a verb, not a name, before the suffix
            if low > 0 and text[low] in _CLASSIFIERS and text[low - 1] in _NUMERALS:
                return None  # 4家旅游公司: a count of a kind, not a body
            return low
        level = self._first_level(text, low, high)
        if level is None:
            return None
        chain = self.place_chain_start(text, level[1])
        return chain if chain < level[0] else level[0]

    def _body_ends_at(self, text: str, at: int) -> bool:
        """Whether a body's own word ends at ``at`` (办事处 in 街道办事处与X律师事务所: the
        conjunction after it joins two bodies, it is inside no name)."""
        return self.body_end_re.search(text, max(0, at - self.longest_body_end), at) is not None

    def _place_at(self, text: str, at: int, high: int) -> bool:
        """Whether a level or a named place starts at ``at`` (before ``high``)."""
        level = self._first_level(text, at, high)
        if level is None:
            return False
        return level[0] == at or self.place_chain_start(text, level[1], at) == at

    def _with_ellipsis(self, text: str, chosen: list[_Org]) -> list[_Org]:
        """镇党委、政府: a head right after a headed body, its level left out."""
        if self.after_head_re is None:
            return chosen
        extra = []
        for org in chosen:
            if text[org.end - 1] != "委":
                continue  # 镇党委、政府; not 各部门、政府部门 or a list's last body
            match = self.after_head_re.match(text, org.end)
            if match and not self.words["after_head"].blocked(match.group("body"), text,
                                                              match.end()):
                extra.append(_Org(match.start("body"), match.end(), False))
        return _longest_first(chosen + extra)


def _longest_first(found: list[_Org]) -> list[_Org]:
    chosen: list[_Org] = []
    taken = bytearray(max((org.end for org in found), default=0))  # 1: a character taken
    for org in sorted(found, key=lambda o: (-(o.end - o.start), o.start)):
        if org.end > org.start and taken.find(1, org.start, org.end) < 0:
            chosen.append(org)
            taken[org.start:org.end] = b"\x01" * (org.end - org.start)
    return sorted(chosen, key=lambda o: o.start)


def _merged(chosen: list[_Org]) -> list[_Org]:
    """A body followed at once by a body of a named place is one (南城市东区人民政府 +
    北山街道办事处; 中共桃源县委 + 青石街道工作委员会); 市委市政府 stays two."""
    out: list[_Org] = []
    for org in chosen:
        if out and out[-1].end == org.start and org.named_place:
            out[-1] = _Org(out[-1].start, org.end, out[-1].named_place)
        else:
            out.append(org)
    return out


class PersonGrammar:
    """PERSON: two or three Han characters next to a post or after 签发人, weighed by evidence."""

    THRESHOLD = 2.5

    def __init__(self, patterns: Sequence[PersonWordsPattern], stops: StopWords,
                 shared: SharedScan | None = None) -> None:
        words: dict[str, list[str]] = {}
        for pattern in patterns:
            words.setdefault(pattern.role, []).extend(pattern.words)
        self.stops = stops
        self.surnames = frozenset(words.get("surname", ()))
        self.after_words = frozenset(words.get("post_after", ()))
        self.before_words = frozenset(words.get("post_before", ()))
        self.end_words = frozenset(words.get("name_end", ()))
        self.end_prefixes = tuple(self.end_words)
        self.start_words = frozenset(words.get("name_start", ()))
        self.before_suffixes = tuple(self.before_words)  # for one str.endswith call
        self.start_suffixes = tuple(self.start_words)
        self.not_names = tuple(words.get("not_name", ()))
        line = alternation(words.get("line_before", ()))
        # the posts before and after a name, each scanned as their alternation, longest first,
        # would be; _best checks the name is Han
        self.before_posts = Literals(words.get("post_before", ()), shared)
        self.after_posts = Literals(words.get("post_after", ()), shared)
        posts = alternation((*words.get("post_before", ()), *words.get("post_after", ())))
        self.post_re = re.compile(posts) if posts else None
        self.longest_post = max(map(len, (*words.get("post_before", ()),
                                          *words.get("post_after", ()))), default=0)
        names = "((?:\\p{Han}{2,3}[ \\t、，,]*)+)"  # 签发人：X Y
        self.line_re = (regex.compile(f"(?:{line})[ \\t]*[:：][ \\t]*{names}(?=\\n|$)")
                        if line else None)
        self.line_name = regex.compile(r"\p{Han}{2,3}")
        self.not_in_name = frozenset("会办议局所委院厅部中心组队站处室和与及的了是在对为")
        self.body_ends = frozenset("所局院委办队站处室厅部会心")

    def find(self, text: str) -> list[EntityInfo]:
        found: list[EntityInfo] = []
        for _, end in self.before_posts.spans(text):
            span = self._best(text, [(end, end + size) for size in (2, 3)], after=True)
            if span:
                found.append(EntityInfo("PERSON", *span, text[span[0]:span[1]]))
        for start, _ in self.after_posts.spans(text):
            span = self._best(text, [(start - size, start) for size in (3, 2)], after=False)
            if span:
                found.append(EntityInfo("PERSON", *span, text[span[0]:span[1]]))
        if self.line_re is not None:
            for match in self.line_re.finditer(text):  # 签发人：X Y
                for name in self.line_name.finditer(text, match.start(1), match.end(1)):
                    found.append(EntityInfo("PERSON", name.start(), name.end(), name.group()))
        return found

    def _best(self, text: str, spans: list[tuple[int, int]],
              after: bool) -> tuple[int, int] | None:
        """The likeliest name among ``spans`` (the side away from the post is scored)."""
        best: tuple[float, tuple[int, int]] | None = None
        for start, end in spans:
            if start < 0 or end > len(text):
                continue
            name = text[start:end]
            if not self.not_in_name.isdisjoint(name) or not _ALL_HAN.fullmatch(name):
                continue
            if self.stops.starting_at(text, start) or name[:2] in self.before_words \
                    or name.startswith(self.not_names) or self._post_inside(text, start, end):
                continue
            if after and self._post_at(text, end) and name.startswith(self.end_prefixes):
                continue  # 乡长任双组长: a verb (任) between two posts, no name
            score = 2.0 if name[0] in self.surnames or name[:2] in self.surnames else 0.0
            edge = self._edge_after(text, end) if after else self._edge_before(text, start)
            if edge < 0:
                continue
            score += edge
            if best is None or score > best[0]:
                best = (score, (start, end))
        return best[1] if best is not None and best[0] >= self.THRESHOLD else None

    def _post_at(self, text: str, at: int) -> bool:
        return self.post_re is not None and self.post_re.match(text, at) is not None

    def _post_inside(self, text: str, start: int, end: int) -> bool:
        """Whether a post begins inside ``text[start:end]`` (任副主 in 主任任副主任: the
        characters run into the next post, they are no name)."""
        if self.post_re is None or end - start < 2:
            return False
        # a post starting before ``end`` fits before end - 1 + its length
        found = self.post_re.search(text, start + 1, end - 1 + self.longest_post)
        return found is not None and found.start() < end

    def _edge_after(self, text: str, end: int) -> float:
        if end == len(text) or not _is_han(text[end]):
            return 2.0
        if self._post_at(text, end):  # post_after words are posts
            return 2.0  # 李雪萍律师; 镇长X副镇长Y: the next post in a list
        if text.startswith(self.end_prefixes, end):
            return 1.5
        word = self.stops.starting_at(text, end)
        if word is None:
            return -1.0
        return 1.5 if len(word) > 1 else 0.5

    def _edge_before(self, text: str, start: int) -> float:
        if start == 0 or not _is_han(text[start - 1]):
            return 2.0
        if text.endswith(self.before_suffixes, 0, start):
            return 2.0
        if text[start - 1] in self.body_ends or text.endswith(self.start_suffixes, 0, start):
            return 1.5  # X律师事务所李某律师: right after a body's name; 学习X总书记
        word = self.stops.ending_at(text, start)
        if word is None:
            return -1.0
        return 1.5 if len(word) > 1 else 0.5


def stop_words(trims: Sequence[EntityTrimPattern]) -> StopWords:
    """The words that never begin a name, whatever label the trim line names."""
    return StopWords(w for trim in trims for w in trim.words)
