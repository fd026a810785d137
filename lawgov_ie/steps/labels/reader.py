"""Find the label of a record: what was counted, copied from its sentence (pure Python).

The label is the verb+object just before the number (调处矛盾纠纷444起 → 调处矛盾纠纷), else the
noun just after it (设立14个信访评理室 → 信访评理室). Leading time words, the reporting body as
subject and adverbs (全年、今年以来、我镇、共、累计) are left out. The cue words for every step
come from ``label_cue`` patterns (``patterns/labels.jsonl``):

- a second figure of the same thing takes the label of the first (开展普法宣传162次、14400人次;
  接待群众31批260多人; 举办讲座8场，覆盖600余人次);
- a rate after a list of rate words is one record per word (办结率、满意率均为100%): the reader
  returns several labels for one quantity and the caller adds a record for each extra label;
- an implicit zero (未发布规范性文件) is labelled with what it says there was none of, one
  record per item of a list (没有…引发的行政复议、行政诉讼的案件 → 行政复议, 行政诉讼).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

import regex

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.rules.budget import compile_rule, compile_union
from lawgov_ie.rules.files import PatternSet
from lawgov_ie.steps.labels.grammar import ClauseGrammar
from lawgov_ie.steps.labels.labels_patterns import LabelCuePattern
from lawgov_ie.steps.labels.lexicon import Lexicon
from lawgov_ie.text.index import TextIndex

# Characters that end a clause for the label scan (、 is handled apart: it may join list items).
_BREAK = frozenset("，,。；;：:！!？?\n\r（()）[]【】")
_OPENING = frozenset("（([【")
_SPACE = frozenset(" \t\u3000\u00a0")
_MAX_BEFORE = 40
_MAX_AFTER = 24
_LONG_LIST = 24
#: between two parts of a list closed by a total (满意80条，基本满意12条)
_PART_GAP = regex.compile(r"\s*[，,、；;]\s*")
#: a quoted name alone, and one that opens a part's label with the part's own words after it
_QUOTED_NAME = regex.compile(r"“[^“”，,。；;]{2,20}”")
_QUOTED_TOPIC = regex.compile(r"“[^“”，,。；;]{2,20}”(?=\p{Han}{2})")
#: the end of a topic clause that is no part of the topic (办件评价中, 在受理的信访件里)
_TOPIC_END = regex.compile(r"(?:当中|之中|中|里|方面)\s*$")
_HAN_OR_QUOTE = regex.compile(r"[\p{Han}“‘《「]")
_HAN_RUN = regex.compile(r"\p{Han}+")
_RATE_JOIN = r"(?:、|和|及(?!时)|与)"  # 及时 is no conjunction
_RATE_ITEM = regex.compile(rf"(?:(?!{_RATE_JOIN}).)+?率")
_RATE_LIST = regex.compile(rf"^{_RATE_ITEM.pattern}(?:{_RATE_JOIN}{_RATE_ITEM.pattern})+$")
_LIST_SPLIT = regex.compile(r"、|和|及|与")
_SHORT_BRACKET = regex.compile(r"[（(][^（()）0-9，,。；;]{1,6}[)）]")
_NUMERAL_ASIDE = regex.compile(r"[一二三四五六七八九十]+")
_SHORT_BRACKET_BEFORE = regex.compile(r"(?<=\p{Han})[（(][^（()）0-9，,。；;]{1,6}[)）]\Z")
_NAMED_RATE = regex.compile(r"(?:率|比例|比重|占比|覆盖面)$")
#: What closes a name or title: 《…》等, “…”等 list the named things before a noun
_NAMED = frozenset("》”\"』」")
#: A stretch before a number longer than this is cut to the head after its last 的
_LONG_OF = 8
#: 此类文件, 该类案件, 上述问题: a noun that points back to one named before
_ANAPHOR = regex.compile(r"(?:此类|该类|这类|此种|这些|上述|前述)(?P<head>\p{Han}{1,4})$")

#: 因…引起/引发/导致/造成 X: what a zero names is X, not its cause
_CAUSED = regex.compile(r"(?r)(?:引起|引发|导致|造成)(?!的)")

Span = tuple[int, int]

#: Before a number, opens a locative: 在8个村设立调解点
#: A bare modifier standing for a list's head noun (省级, 市级): at most this long
_MAX_MODIFIER = 4
_NUMBER_THEN_UNIT = regex.compile(r"[0-9０-９.,一二三四五六七八九十百千万余多]+\s*(\S)")
_LOCATIVE = frozenset("在到于为给")
#: What joins two figures of a respective list (98%和95%, 12件、10件)
_JOINED_FIGURE = regex.compile(r"\s*(?:、|和|及|与|，|,)\s*")
#: An item of a respective list longer than this is no item
_MAX_ITEM = 12


@dataclass(frozen=True)
class _Cues:
    leading: Lexicon | None
    trailing: Lexicon | None
    cut_after: Lexicon | None
    causative: Lexicon | None
    light_verb: Lexicon | None
    bare: Lexicon | None
    share: Lexicon | None
    after_reject: Lexicon | None
    after_stop: Lexicon | None
    negation: Lexicon | None
    generic_head: Lexicon | None
    etc_generic: Lexicon | None
    change: Lexicon | None
    respective: Lexicon | None
    closing_total: Lexicon | None


def _ordered(alternatives: list[str]) -> list[str]:
    # Longer literal alternatives first, so 今年以来 wins over 今年.
    return sorted(alternatives, key=len, reverse=True)


def _compile(alternatives: list[str], template: str, name: str) -> regex.Pattern[str] | None:
    if not alternatives:
        return None
    return compile_rule(template.format("|".join(f"(?:{a})" for a in _ordered(alternatives))),
                        name)


def _lexicon(alternatives: list[str], template: str, name: str, *, opens: bool = True,
             spaces: bool = False, at_end: bool = False) -> Lexicon | None:
    """A role with the lexicon's exact shortcuts (see :class:`Lexicon` for ``template``,
    ``opens``, ``spaces`` and ``at_end``); its expressions alone keep the time budget."""
    pattern = _compile(alternatives, template, name)
    if pattern is None:
        return None
    return Lexicon(pattern, _ordered(alternatives),
                   lambda expressions: cast("regex.Pattern[str] | None",
                                            compile_union(expressions, name)),
                   opens=opens, spaces=spaces, at_end=at_end)


def _openings(*lexicons: Lexicon | None) -> frozenset[str] | None:
    """Every character a match of one of ``lexicons`` at a place may open with (their
    :attr:`Lexicon.opening`: ``match`` answers None at once at a place holding none of them);
    None when one of them has no such set."""
    chars: set[str] = set()
    for lexicon in lexicons:
        if lexicon is None:
            continue
        if lexicon.opening is None:
            return None
        chars |= lexicon.opening
    return frozenset(chars)


def _matches(lexicon: Lexicon | None, text: str) -> bool:
    return lexicon is not None and lexicon.is_whole(text)


@functools.lru_cache(maxsize=4096)
def _han_or_quote(char: str) -> bool:
    """Whether a character is a Chinese one or opens a quote or title (asked of one character
    at a time, so the answer is remembered by the character)."""
    return _HAN_OR_QUOTE.match(char) is not None


def _unit_at(text: str, start: int) -> str:
    """The first character after the number that starts at ``start`` (its unit, mostly)."""
    found = _NUMBER_THEN_UNIT.match(text, start)
    return found.group(1) if found is not None else ""


def _after_unmatched_closer(text: str, begin: int, end: int) -> int:
    """A stretch that starts inside a title or quote (…乡村振兴促进法》专题测试) starts after
    its closing mark."""
    for opener, closer in (("《", "》"), ("“", "”")):
        close = text.rfind(closer, begin, end)
        if close != -1 and text.find(opener, begin, close) == -1:
            begin = close + 1
        first = text.find(closer, begin, end)
        if first != -1 and text.find(opener, begin, first) == -1:
            begin = first + 1  # …保护法》《…摘编》等内容: the first closer has no opener
    return begin


class LabelReader:
    """Reads labels with the cue words of one pattern set; build once, then call per document."""

    def __init__(self, cues: Sequence[LabelCuePattern]) -> None:
        by_role: dict[str, list[str]] = {}
        for cue in cues:
            by_role.setdefault(cue.role, []).extend(cue.alternatives())

        def words(role: str, template: str = r"(?:{})", *, opens: bool = True,
                  spaces: bool = False, at_end: bool = False) -> Lexicon | None:
            return _lexicon(by_role.get(role, []), template, f"label_cue patterns ({role})",
                            opens=opens, spaces=spaces, at_end=at_end)

        self.grammar = ClauseGrammar(by_role)
        self.cues = _Cues(
            leading=words("leading", r"\s*(?:{})\s*", opens=False, spaces=True),
            trailing=words("trailing", r"\s*(?:{})\s*$", opens=False, at_end=True),
            cut_after=words("cut_after"),
            causative=words("causative"),
            light_verb=words("light_verb"),
            bare=words("bare"),
            share=words("share"),
            after_reject=words("after_reject"),
            after_stop=words("after_stop"),
            negation=words("negation", r"\s*(?:{})", opens=False, spaces=True),
            generic_head=words("generic_head"),
            etc_generic=words("etc_generic"),
            change=words("change"),
            respective=words("respective", r"(?:{})\s*$", at_end=True),
            closing_total=words("closing_total",
                                r"\s*[，,；;]\s*(?:{})\s*(?:[:：为是达]\s*)?", opens=False),
        )

        grammar = self.grammar
        #: the characters a word of after_stop, predicate, adverbial or verb may open with
        #: (what the noun scan of ``_after`` asks about at each place); None when one of them
        #: may open with any
        self._noun_enders = _openings(self.cues.after_stop, grammar.predicate,
                                      grammar.adverbial, grammar.verb)

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> LabelReader:
        return cls(patterns.of("label_cue", LabelCuePattern))

    # --- the pieces ---------------------------------------------------------------------------

    def _trim(self, text: str, start: int, end: int) -> Span:
        """Drop spaces, leading time/subject/adverb words and trailing 达/均为/共 from a span."""
        memo = self.grammar.memo
        trims = (memo if memo.text is text else self.grammar.memo_of(text)).trims
        done = trims.get((start, end))
        if done is None:
            done = trims[start, end] = self._trimmed(text, start, end)
            trims[done] = done  # what the loop ends on trims to itself
        return done

    def _trimmed(self, text: str, start: int, end: int) -> Span:
        cues = self.cues
        changed = True
        while changed and start < end:
            changed = False
            while start < end and text[start] in _SPACE:
                start += 1
            while end > start and text[end - 1] in _SPACE:
                end -= 1
            if cues.leading is not None:
                found = cues.leading.match(text, start, end)
                if found and found.end() > start:
                    start, changed = found.end(), True
            if cues.trailing is not None and start < end:
                found = self._trailing(text, start, end)
                if found and found.end() > found.start():
                    end, changed = found.start(), True
        return start, end

    def _trailing(self, text: str, start: int, end: int) -> regex.Match[str] | None:
        """``cues.trailing.search(text, start, end)``, remembered by ``end``: a search tries each
        place from ``start`` on, and what it finds at a place does not depend on where the
        search began, so one that began at or before ``start`` and found nothing before it has
        the answer (the trim of a clause searches the same end again once its start moved)."""
        assert self.cues.trailing is not None
        trailing = self.grammar.memo_of(text).trailing
        known = trailing.get(end)
        if known is not None and known[0] <= start \
                and (known[1] is None or known[1].start() >= start):
            return known[1]
        found = self.cues.trailing.search(text, start, end)
        if known is None or start < known[0]:
            trailing[end] = (start, found)
        return found

    def _cut(self, text: str, start: int, end: int) -> Span:
        """What was counted within a clause: after the last 累计/共计, at 开展 after 组织 X,
        after 等 when it closes a list, from 同比 for a change."""
        cues = self.cues
        if cues.cut_after is not None:
            last = None
            for found in cues.cut_after.finditer(text, start, end):
                if found.end() < end:
                    last = found
            if last is not None:
                head = self._trim(text, start, last.start())
                if end - last.end() <= 2 and head[1] > head[0]:
                    # 简易程序案件共办理318件: the object stands before 共, the verb alone after
                    return head
                start = last.end()
        if cues.change is not None:
            found = cues.change.search(text, start, end)
            if found is not None:
                start = found.start() if found.group().startswith(("同", "环")) else found.end()
        etc = text.rfind("等", start, end)
        if etc > start and end - etc > 3 and ("、" in text[start:etc] or text[etc - 1] in _NAMED)\
                and not (cues.etc_generic is not None
                         and cues.etc_generic.match(text, etc + 1, end)):
            # X、Y等专项检查 / 《…》等分工方案: what follows 等 was counted (X、Y等培训 keeps
            # its list: a two-character noun says nothing alone)
            start = etc + 1
        if cues.causative is not None and cues.light_verb is not None \
                and cues.causative.match(text, start, end):
            later = next((found for found in cues.light_verb.finditer(text, start + 1, end)
                          if found.end() < end), None)
            if later is not None:
                start = later.start()
        return start, end

    def _before(self, text: str, start: int, stops: frozenset[int]) -> Span:
        """The clause just before ``start``, back to a clause break or the previous quantity."""
        memo = self.grammar.memo_of(text)
        if memo.stops is not stops:
            memo.stops, memo.befores = stops, {}
        done = memo.befores.get(start)
        if done is None:
            done = memo.befores[start] = self._scan_before(text, start, stops)
        return done

    def _scan_before(self, text: str, start: int, stops: frozenset[int]) -> Span:
        begin = start
        limit = max(0, start - _MAX_BEFORE)
        while begin > limit and begin not in stops:
            char = text[begin - 1]
            if char in "\r\n" and not text[begin:start].strip():
                begin -= 1  # a line broken right before the number: read on above it
                continue
            if char in ")）":
                aside = _SHORT_BRACKET_BEFORE.search(text, max(limit, begin - 8), begin)
                if aside is not None and (begin < start or not _NUMERAL_ASIDE.fullmatch(
                        text, aside.start() + 1, aside.end() - 1)):
                    # 村（社区）干部, 菌(毒)种: an aside inside a word; 设立调解室(站)18个: the
                    # aside ends the object right before the number ((一)18个 is a marker)
                    begin = aside.start()
                    continue
            if char in _BREAK:
                break
            if char == "、" and self._listed_count(text, begin - 1, stops):
                break
            begin -= 1
        return begin, start

    @staticmethod
    def _listed_count(text: str, comma: int, stops: frozenset[int]) -> bool:
        """Whether the 、 at ``comma`` closes a list item holding a quantity (15宗行政处罚、)."""
        if comma in stops:
            return True
        cursor = comma
        while cursor > 0 and text[cursor - 1] not in _BREAK and cursor - 1 not in stops \
                and comma - cursor < _MAX_BEFORE:
            cursor -= 1
        return cursor in stops or (cursor > 0 and text[cursor - 1].isdigit())

    def _after(self, text: str, end: int, starts: frozenset[int],
               ends: frozenset[int] = frozenset(), unit: str = "",
               subject_stop: bool = True, head_stop: bool = True) -> tuple[Span, bool] | None:
        """The noun phrase just after a quantity, when one stands there (14个信访评理室), and
        whether it is complete: it ends at a clause break or a verb, not at the next number
        (受理案件20件办结18件 runs on into another figure)."""
        cues = self.cues
        begin = end
        while begin < len(text) and text[begin] in _SPACE:
            begin += 1
        probe = begin + 1 if begin < len(text) and text[begin] in "共计" else begin
        short = probe + 1 if probe + 1 in starts else probe + 2 if probe + 2 in starts else None
        if short is not None and _HAN_RUN.fullmatch(text, probe, short) \
                and not self.grammar.is_subject(text, probe, short) \
                and not self.grammar.counts_people(_unit_at(text, short)):
            # 6个方面20项具体任务: a one-word noun, then the figure of the items (59个单位83名
            # 负责人: units and people are two things counted)
            probe = short
        if probe in starts:
            # 开展2场共180人次的业务培训, 部署9方面33条具体举措: the noun after the second figure
            later = next((at for at in range(probe + 1, min(len(text), probe + _MAX_AFTER) + 1)
                          if at in ends), None)
            if later is not None and later < len(text):
                begin = later + 1 if text[later] == "的" else later
        if begin >= len(text) or not _han_or_quote(text[begin]):
            return None
        if text[begin] == "的":
            begin += 1
        elif cues.after_reject is not None and cues.after_reject.match(text, begin):
            return None
        if self.grammar.predicate_at(text, begin) or self.grammar.opens_adverbial(text, begin):
            return None  # 选聘律师2名担任…, 30人通过视频参与…: a predicate follows, no noun

        if text[begin] in "“\"" and self.grammar.counts_people(unit):
            close = text.find("”" if text[begin] == "“" else "\"", begin + 1, begin + _MAX_AFTER)
            if close != -1:  # 培训50名“法律明白人”骨干: the quoted name is who was counted
                return (begin, close + 1), True
        stop = begin
        limit = min(len(text), begin + _MAX_AFTER)
        enders = self._noun_enders
        complete = False
        people_list = False
        while stop < limit:
            char = text[stop]
            if char in "“\"" and stop == begin:
                close = text.find("”" if char == "“" else "\"", stop + 1, begin + _MAX_AFTER)
                if close != -1:  # 22台“24小时智慧法律服务站”: a quoted name, digits and all
                    stop = close + 1
                    continue
            if char in _OPENING:
                close = _SHORT_BRACKET.match(text, stop)
                if close is not None:  # 村(社区): a short aside belongs to the noun
                    stop = close.end()
                    continue
            if char.isdigit() or stop in starts:
                break
            if char == "、" and self.grammar.counts_people(unit) and (
                    people_list or self.grammar.is_people(text, begin, stop)):
                item = self.grammar.people_item_end(text, stop + 1)
                if item is not None:  # 12名人大代表、政协委员: a list of people was counted
                    stop, people_list = item, True
                    continue
            if char in _BREAK or (char in "、和及与" and stop + 1 < len(text)
                                  and text[stop + 1].isdigit()) \
                    or (char == "、" and stop > begin + 1 and text[begin] not in "由被经"):
                # 3千米法治文化走廊、法律图书室: 、 ends a list item after the number
                complete = True
                break
            if enders is not None and char not in enders:
                stop += 1  # no word of the lexicons below opens here: none of them ends it
                continue
            if stop > begin + 1 and self.grammar.opens_adverbial(text, stop):
                complete = True  # 14名在编干部通过培训及考试: 通过… opens the predicate
                break
            if stop > begin and ((cues.after_stop is not None and cues.after_stop.match(text, stop))
                                 or self.grammar.predicate_at(text, stop)
                                 or (subject_stop
                                     and self.grammar.subject_predicate_at(text, begin, stop))
                                 or self.grammar.coverb_phrase_at(text, stop)):
                complete = True  # 10个社区被评为…, 278项事项统一划入…: the noun ends there
                break
            stop += 1
        complete = complete or stop >= len(text)
        head = self.grammar.head_noun_end(text, begin, stop, unit) if head_stop else None
        if head is not None:
            stop = head
        if stop in starts and stop - begin > 3 and text[stop - 1] == "的":
            # 26个部门办理的153项审批权: a relative clause of the next figure's noun follows
            verbs = self.grammar.verbs_in(text, begin + 1, stop - 1)
            if verbs:
                stop = verbs[-1][0]
        # 毕业的法律专业人员 → 法律专业人员: the head noun after the last 的.
        of = text.rfind("的", begin, stop)
        if of != -1 and of + 1 < stop:
            if cues.generic_head is not None and of - begin >= 4 \
                    and cues.generic_head.search(text, of - 2, of) is not None:
                stop = of  # 5起违法违规案件的查处结果: the cases were counted, not the result
            elif not self.grammar.noun_before_of(text, begin, of):
                # 15家单位的工作规则 keeps its noun: a noun alone before 的 owns the head
                begin = of + 1
        begin, stop = self._trim(text, begin, stop)
        return ((begin, stop), complete) if stop > begin else None

    def _rate_items(self, text: str, span: Span) -> list[Span]:
        """办结率、满意率 → [办结率, 满意率]; one span otherwise."""
        start, end = span
        piece = text[start:end]
        if not _RATE_LIST.match(piece):
            return [span]
        items = []
        for found in _RATE_ITEM.finditer(piece):
            items.append((start + found.start(), start + found.end()))
        return items

    def _implicit_labels(self, text: str, record: RecordDraft, index: TextIndex) -> list[Span]:
        """未发布规范性文件 → 规范性文件; …引发的行政复议、行政诉讼的案件 → 行政复议, 行政诉讼."""
        cues = self.cues
        start, end = record.start, record.end
        while end > start and text[end - 1] in "。，,；;、 ":
            end -= 1
        if cues.negation is not None:
            found = cues.negation.match(text, start, end)
            if found and found.end() < end:
                start = found.end()
        cause = _CAUSED.search(text, start, end)
        if cause is not None and end - cause.end() >= 2:
            start = cause.end()  # 无一起因调解不当引起上访和刑事案件: what the cause led to
        head = None
        of = text.rfind("的", start, end)
        if of != -1 and of + 1 < end:
            if _matches(cues.generic_head, text[of + 1:end]):
                previous = text.rfind("的", start, of)
                head = (previous + 1 if previous != -1 else start, of)
            else:
                head = (of + 1, end)
        if head is None:
            etc = text.rfind("等", start, end)
            if etc > start and etc + 1 < end:
                # 未发生A、B等情况 → A、B (one record); 未发生涉A等重大事件 → 重大事件
                generic = _matches(cues.generic_head, text[etc + 1:end])
                return [(start, etc) if generic else (etc + 1, end)]
            return [self._antecedent(text, start, end, index) or (start, end)]
        begin, stop = head
        etc = text.rfind("等", begin, stop)
        if etc != -1 and etc + 1 < stop:
            return [(etc + 1, stop)]
        items: list[Span] = []
        cursor = begin
        for found in _LIST_SPLIT.finditer(text, begin, stop):
            if found.start() > cursor:
                items.append((cursor, found.start()))
            cursor = found.end()
        if cursor < stop:
            items.append((cursor, stop))
        if len(items) <= 1:  # 未发现违规的此类文件: what 此类 points back to
            return [self._antecedent(text, begin, stop, index) or (begin, stop)]
        return items

    def _antecedent(self, text: str, start: int, end: int, index: TextIndex) -> Span | None:
        """未发现我镇存在此类文件 → the 文件 named before it (审查本单位行政规范性文件 →
        行政规范性文件): 此类/该类/上述 X points back to the last X of this sentence or the one
        before."""
        found = _ANAPHOR.search(text, start, end)
        if found is None:
            return None
        head = found.group("head")
        sentence = index.sentence_bounds(start)[0]
        reach = index.sentence_bounds(sentence - 1)[0] if sentence > 0 else 0
        at = text.rfind(head, max(reach, start - _MAX_BEFORE * 2), start)
        if at == -1:
            return None
        begin = at
        while begin > 0 and _han_or_quote(text[begin - 1]) and at - begin < _MAX_BEFORE:
            begin -= 1
        verbs = self.grammar.verbs_in(text, begin, at)
        if verbs:
            begin = verbs[-1][1]
        begin, stop = self._trim(text, begin, at + len(head))
        return (begin, stop) if stop - begin > len(head) else None

    # --- one record ---------------------------------------------------------------------------

    def label_spans(self, text: str, record: RecordDraft, previous: RecordDraft | None,
                    stops: frozenset[int], starts: frozenset[int],
                    index: TextIndex | None = None,
                    names: Mapping[int, int] | None = None) -> list[Span]:
        """The label span(s) of one record; several when one quantity carries several labels.

        ``index`` is the document's TextIndex (built here when not given): the predicate read
        after a number stops at its clause's end, and a shared label stays in its sentence.
        ``names`` maps the start of each place or body name (the entities step's GPE and ORG)
        to its end: a label does not open with one (良渚街道持有执法证人员 → 持有执法证人员)."""
        index = index if index is not None else TextIndex(text)
        if record.implicit:
            return self._implicit_labels(text, record, index)
        cues = self.cues
        begin, end = self._before(text, record.start, stops)
        clause_start = begin
        begin, end = self._trim(text, begin, end)
        shared = self.grammar.shared_items(text, begin, end)
        if shared is not None:  # 案件数、涉案金额同比均增长12%: one record per subject
            return [self._trim(text, s, e) for s, e in shared]
        begin, end = self._cut(text, begin, end)
        begin, end = self._trim(text, begin, end)
        floor = begin
        begin, end = self._trim(text, *self.grammar.head(text, begin, end))
        if record.kind == "rate" and _NAMED_RATE.search(text[begin:end]) is not None:
            begin = self.grammar.people_before(text, floor, begin)  # 执法人员持证上岗率
        if end - begin > _LONG_OF:
            of = text.rfind("的", begin, end)
            if of != -1 and end - of > 3 and not _matches(cues.etc_generic, text[of + 1:end]) \
                    and not self.grammar.is_people(text, of + 1, end):
                # 转为公益类的镇属服务机构 → 镇属服务机构 (not …的活动: too general alone;
                # not 参加培训的执法人员: people alone do not say what was counted)
                begin = of + 1
        begin = _after_unmatched_closer(text, begin, end)
        if names is not None and begin in names and end - names[begin] >= 3 \
                and self.grammar.predicate_starts(text, names[begin], end):
            # 良渚街道持有…, 湖滨街道依法办理…: the body or place as subject is no part of the
            # label (便民服务中心总办件量 keeps it: no verb follows, the name is a modifier;
            # 镇党委会研究… keeps it: the name ends inside a word)
            begin = names[begin]
        begin, end = self._trim(text, begin, end)  # …》等法律法规: 等 left by the title's end
        before = text[begin:end]
        # 在8个村设立调解点: a number inside a locative counts the places, and what was set up
        # there stays in the label (the subject-then-verb stop is not taken)
        located = record.start > 0 and text[record.start - 1] in _LOCATIVE
        # 对35家企业…作出处罚: after 对 the whole phrase stays (the indicators step reads what
        # was done to them from it), so the head-noun stop is not taken there
        head_stop = not located and not text.endswith("对", 0, record.start)
        found_after = self._after(text, record.end, starts, stops, record.unit,
                                  subject_stop=not located, head_stop=head_stop)
        after = found_after[0] if found_after else None
        if found_after is not None and record.kind == "count" \
                and self._closes_list(text, clause_start, record.start):
            # 发改、环保等26个部门, 《…》《…》等14部法律法规: the list names members of the
            # noun after the number, which is what was counted (…等6部规章的清理工作: the
            # noun before 的, not the head after it)
            of = text.find("的", record.end, found_after[0][0])
            member = self._trim(text, record.end, of) if of != -1 else (0, 0)
            return [member if member[1] > member[0] else found_after[0]]
        empty = begin >= end
        unnamed_rate = record.kind == "rate" and _NAMED_RATE.search(before) is None
        if empty or unnamed_rate or self.grammar.is_subject(text, begin, end):
            # 新华乡全乡共27人持有执法证: a subject alone before the number
            predicate = self.grammar.predicate_after(
                text, record.end, min(index.clause_bounds(record.end)[1], record.end + _MAX_AFTER))
            if predicate is not None:  # 另2件尚未作出判决, 律师100%参与复议: the predicate
                return [predicate]
        if found_after is not None and (empty or self.grammar.is_causative(text, begin, end)) \
                and self.grammar.is_people(text, *found_after[0]):
            # 10名工作人员成功申领执法证: people as the subject say nothing alone; what they
            # did was counted (选派3名律师担任顾问 keeps 律师, the object of 选派)
            noun_end = found_after[0][1]
            acted = self.grammar.predicate_after(
                text, noun_end, min(index.clause_bounds(noun_end)[1], noun_end + _MAX_AFTER))
            if acted is not None:
                return [self.grammar.without_adverb(text, *acted)]
        if found_after is not None and unnamed_rate and not empty \
                and text[found_after[0][0]] in "“\"":
            found_after = None  # 事项100%“网上办”: a quoted manner after a rate is no noun
        if found_after is not None and record.kind != "money" and (
                found_after[1] or empty or len(before) <= 2 or unnamed_rate
                or _matches(cues.bare, before) or self.grammar.is_verb(text, begin, end)
                or self._subject_then_bare(text, begin, end)) \
                and not (record.kind == "rate" and _NAMED_RATE.search(before)):
            # the noun after the number, when it ends where it should or what stands before
            # the number is weak: nothing, a verb that says nothing alone, a subject and such
            # a verb (asked only when a noun stands after the number)
            return [found_after[0]]
        if end - begin > _LONG_LIST and "、" in before \
                and not (record.kind == "rate" and _RATE_LIST.match(before)):
            # a long list of names before the number: the last item is what was counted (a
            # list inside quotes is one name: 举办“A、B、C”等活动)
            comma = text.rfind("、", begin, end)
            if text.count("“", begin, comma) <= text.count("”", begin, comma):
                begin, end = self._trim(text, comma + 1, end)
        objectless = after is None and self._ends_in_light_verb(text, begin, end)
        adjacent = previous is not None and previous.label and (
            empty or _matches(cues.share, before)
            or (objectless and index.sentence_bounds(previous.end)[1] >= record.start
                and record.start - previous.end <= _MAX_AFTER)) \
            and (objectless or self._same_clause(text, previous, record, index))
        previous_in_clause = previous is not None and previous.end >= clause_start - 1
        if adjacent and previous is not None and previous.label_start is not None \
                and previous.label_end is not None:
            return [(previous.label_start, previous.label_end)]
        if not adjacent and (_matches(cues.share, before) or objectless) \
                and not previous_in_clause and clause_start > 0 and text[clause_start - 1] in "，,":
            # 组织干部参加法治培训，覆盖300余人次; 开展专题学习，全年共开展20次: what the
            # clause before names
            return self.label_spans(text, replace(record, start=clause_start - 1,
                                                  end=clause_start - 1),
                                    None, stops, starts, index, names)
        if objectless and not adjacent:
            # 志愿者走进社区开展3场次: the light verb's object is not there; the verb phrase
            # before it says what was done
            light = text.rfind(text[end - 2:end], begin, end) if end - begin > 2 else -1
            if light - begin >= 2:
                begin, end = self._trim(text, *self.grammar.head(text, begin, light))
        if empty:
            opening = self._opening_before(text, record.start)
            if opening is not None:
                return self.label_spans(text, replace(record, start=opening, end=opening),
                                        None, stops, starts, index, names)
            if after is not None:
                return [after]
            if clause_start > 0 and text[clause_start - 1] in "，," \
                    and clause_start - 1 not in stops and not previous_in_clause:
                # 各乡镇均建立了法律服务站，共18个: what the clause before names
                return self.label_spans(text, replace(record, start=clause_start - 1,
                                                      end=clause_start - 1),
                                        None, stops, starts, index, names)
            return []
        if record.kind == "rate":
            if end - begin > _LONG_OF and cues.bare is not None:
                # 依托省级平台实现企业开办事项全程网办率: a long rate name starts after the
                # last verb that says nothing alone (实现, 完成)
                last = None
                for found in cues.bare.finditer(text, begin, end - 3):
                    last = found
                if last is not None and last.start() > begin:
                    begin = last.end()
            return self._rate_items(text, (begin, end))
        return [(begin, end)]

    def _respective(self, text: str, records: Sequence[RecordDraft], order: Sequence[int],
                    at: int, stops: frozenset[int]) -> dict[int, Span]:
        """调处率和成功率分别达到99.7%和97%: a list of items before 分别, then as many figures
        joined by 、/和: each figure is labelled by its own item, in turn (position → span).
        The figures are the records at ``order[at:]``. Nothing when the counts differ or the
        items are no short list."""
        cues = self.cues
        if cues.respective is None or at >= len(order):
            return {}
        begin, start = self._before(text, records[order[at]].start, stops)
        cue = cues.respective.search(text, begin, start)
        if cue is None:
            return {}
        positions = order[at:]
        chain = [records[i] for i in positions]
        begin, stop = self._trim(text, begin, cue.start())
        items: list[Span] = []
        cursor = begin
        for join in _LIST_SPLIT.finditer(text, begin, stop):
            if join.group() == "及" and text.startswith("及时", join.start()):
                continue
            items.append(self._trim(text, cursor, join.start()))
            cursor = join.end()
        items.append(self._trim(text, cursor, stop))
        if len(items) < 2 or any(not 1 < e - s <= _MAX_ITEM for s, e in items):
            return {}
        # the figures: one record per distinct span, each joined to the last by 、/和/及/与
        figures: list[int] = []
        last: RecordDraft | None = None
        for position, record in zip(positions, chain, strict=True):
            if last is not None and (record.start, record.end) == (last.start, last.end):
                continue  # a quantity the quantity step already split into two records
            if last is not None and not _JOINED_FIGURE.fullmatch(text, last.end, record.start):
                break
            figures.append(position)
            last = record
            if len(figures) == len(items):
                break
        if len(figures) != len(items):
            return {}
        return dict(zip(figures, items, strict=True))

    def _subject_then_bare(self, text: str, begin: int, end: int) -> bool:
        """执法大队布置4个中队: a subject and a verb that says nothing without the noun after
        the number."""
        verbs = self.grammar.verbs_in(text, begin, end)
        return bool(verbs) and verbs[-1][1] == end and verbs[-1][0] > begin \
            and self.grammar.is_subject(text, begin, verbs[-1][0]) \
            and _matches(self.cues.bare, text[verbs[-1][0]:end])

    def _ends_in_light_verb(self, text: str, begin: int, end: int) -> bool:
        """开展, 走进社区开展: the stretch ends in a light verb whose object is not there."""
        light = self.cues.light_verb
        return light is not None and end > begin and light.ends_at(text, max(begin, end - 2), end)

    @staticmethod
    def _closes_list(text: str, begin: int, start: int) -> bool:
        """Whether 等 right before the number closes a list (A、B等, 《…》《…》等)."""
        cursor = start
        while cursor > begin and text[cursor - 1] in _SPACE:
            cursor -= 1
        if cursor - begin < 3 or text[cursor - 1] != "等":
            return False
        return "、" in text[begin:cursor - 1] or text[cursor - 2] in _NAMED

    @staticmethod
    def _same_clause(text: str, previous: RecordDraft, record: RecordDraft,
                     index: TextIndex) -> bool:
        """Whether two records stand close together in one sentence (a shared label)."""
        return record.start - previous.end <= 12 \
            and index.sentence_bounds(previous.end)[1] >= record.start

    @staticmethod
    def _opening_before(text: str, start: int) -> int | None:
        """（共7期）: the position of the bracket that opens right before a label-less number."""
        cursor = start
        while cursor > 0 and text[cursor - 1] in _SPACE:
            cursor -= 1
        # allow a dropped adverb (共) between the bracket and the number
        probe = cursor
        while probe > 0 and start - probe < 4 and text[probe - 1] not in _OPENING \
                and text[probe - 1] not in _BREAK:
            probe -= 1
        if probe > 0 and text[probe - 1] in _OPENING:
            return probe - 1
        return None

    # --- a document ---------------------------------------------------------------------------

    def label_all(self, text: str, records: Sequence[RecordDraft],
                  index: TextIndex | None = None,
                  names: Mapping[int, int] | None = None) -> list[RecordDraft]:
        """Label every record in place; return the extra records for quantities with more labels.

        Records that already carry a label are left alone. When several records share one span
        (the quantity step may have split them already), they take the labels in turn.
        """
        order = sorted(range(len(records)), key=lambda i: (records[i].start, records[i].end))
        stops = frozenset(r.end for r in records)
        starts = frozenset(r.start for r in records)
        extra: list[RecordDraft] = []
        previous: RecordDraft | None = None
        index = index if index is not None else TextIndex(text)
        at = 0
        respective: dict[int, Span] = {}
        labelled: list[RecordDraft] = []
        while at < len(order):
            if order[at] not in respective:
                respective.update(self._respective(text, records, order, at, stops))
            group = [records[order[at]]]
            while at + len(group) < len(order) and (
                    records[order[at + len(group)]].start,
                    records[order[at + len(group)]].end) == (group[0].start, group[0].end):
                group.append(records[order[at + len(group)]])
            at += len(group)
            if all(r.label for r in group):
                previous = group[-1]
                continue
            topic = self._closing_total(text, group[0], labelled, index)
            if order[at - len(group)] in respective:
                spans = [respective[order[at - len(group)]]]
            elif topic is not None:
                spans = [topic]
            else:
                spans = [s for s in self.label_spans(text, group[0], previous, stops, starts, index,
                                                              names)
                         if s[1] > s[0]] or [(group[0].start, group[0].start)]
            for number, span in enumerate(spans):
                if number < len(group):
                    target = group[number]
                else:
                    target = replace(group[0], checks=[])
                    extra.append(target)
                target.label = text[span[0]:span[1]]
                target.label_start, target.label_end = span
            for target in group[len(spans):]:
                target.label = text[spans[-1][0]:spans[-1][1]]
                target.label_start, target.label_end = spans[-1]
            previous = group[0]
            labelled.append(group[0])
        self._distribute(text, [records[i] for i in order])
        self.grammar.forget()
        return extra

    def _closing_total(self, text: str, record: RecordDraft, before: Sequence[RecordDraft],
                       index: TextIndex) -> Span | None:
        """办件评价中，满意80条，基本满意12条，合计92条: a total after its parts has no label of
        its own, and the last part's label is not what it counts. Its label is the topic the
        list is about: the clause before the first part, up to the head after its last 的 (a
        trailing 中/里/方面 dropped), else that clause's verb and object. None when the
        record does not close a list of at least two parts of its unit in one sentence."""
        closing = self.cues.closing_total
        if closing is None or record.implicit or record.kind != "count" or not before:
            return None
        parts: list[RecordDraft] = []
        cursor = record.start
        gap = closing
        for part in reversed(before):
            if part.unit != record.unit or part.implicit or part.label_start is None \
                    or part.label_start < part.end - _MAX_BEFORE or part.end > cursor \
                    or gap.fullmatch(text, part.end, cursor) is None:
                break
            parts.append(part)
            cursor = part.label_start
            gap = _PART_GAP
        if len(parts) < 2:
            return None
        first = parts[-1]
        named = _QUOTED_TOPIC.search(text, cursor, first.start)
        if named is not None and first.label_end is not None \
                and not self.grammar.verbs_in(text, cursor, named.start()) \
                and not any("“" in (part.label or "") for part in parts[:-1]):
            # “办件评价”满意410条，基本满意37条，合计447条: a quoted name opening the first
            # part is the topic; the part keeps what follows it, like the other parts
            first.label_start = named.end()
            first.label = text[named.end():first.label_end]
            return named.start() + 1, named.end() - 1
        sentence = index.sentence_bounds(record.start)[0]
        comma = cursor - 1
        while comma > sentence and text[comma].isspace():
            comma -= 1
        if comma <= sentence or text[comma] not in "，,：:":
            return None
        begin = max(index.clause_bounds(comma)[0], sentence)
        topic_end = comma
        while (found := _TOPIC_END.search(text, begin, topic_end)) is not None:
            topic_end = found.start()
            if text[begin] in "在于":  # 在办件评价中: a locative frame around the topic
                begin += 1
        of = text.rfind("的", begin, topic_end)
        if of != -1:
            begin = of + 1
        else:
            begin, topic_end = self.grammar.head(text, *self._cut(text, begin, topic_end))
        begin, topic_end = self._trim(text, begin, topic_end)
        if _QUOTED_NAME.fullmatch(text, begin, topic_end) is not None:
            begin, topic_end = begin + 1, topic_end - 1  # a name alone: its quotes only mark it
        return (begin, topic_end) if topic_end - begin >= 2 else None

    @staticmethod
    def _distribute(text: str, ordered: Sequence[RecordDraft]) -> None:
        """2个省级、3个市级、6个县级法治教育基地: the counts whose noun is a bare modifier
        (省级) count the list's head noun, which the last item names after the same kind of
        modifier (县级): they take that head (法治教育基地) as their label."""
        chain: list[tuple[RecordDraft, int]] = []  # each member with its label's end
        for record in ordered:
            first, last = record.label_start, record.label_end
            if first is None or last is None or first != record.end:
                chain = []
                continue
            if last - first <= _MAX_MODIFIER and text[last:last + 1] == "、":
                chain.append((record, last))
                continue
            if chain and all(end + 1 == nxt.start for (_, end), nxt in
                             zip(chain, [*(r for r, _ in chain[1:]), record], strict=True)):
                mark = text[chain[0][1] - 1]
                cut = text.find(mark, first, last)
                if cut != -1 and cut - first < _MAX_MODIFIER and last - cut > 2 \
                        and all(text[end - 1] == mark for _, end in chain):
                    for member, _ in chain:
                        member.label = text[cut + 1:last]
                        member.label_start, member.label_end = cut + 1, last
            chain = []

