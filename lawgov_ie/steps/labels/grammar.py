"""A small grammar of the clause around a number, read from the text itself (no word segmenter).

The stretch before a number is read as ``[adverbial] [subject] [adverb] verb object``; the stretch
after it as ``noun [predicate]``. The parts are found with lexicons from ``label_cue`` patterns
(``patterns/labels.jsonl``), never with pkuseg's words, so that char mode and pkuseg mode read
the same labels:

- ``verb``: main verbs that take an object (办理, 作出, 提供, 研究). Verbs that are also common
  nouns inside objects (宣传, 培训, 建设) are left out on purpose: a verb of this lexicon marks
  where a predicate starts;
- ``adverbial``: what opens an adverbial phrase before the verb (通过, 按照, 对, 为, 向);
- ``subject_head``: nouns that end a subject (会议, 政府, 团, 人员, 律师);
- ``adverb``: manner adverbs between a subject and its verb (全程, 成功, 统一);
- ``people``: who a causative verb (组织, 邀请) sets to work;
- ``predicate``: what, after the noun that follows a number, starts its predicate (被, 担任);
- ``status``: a status clause after a bare number (另2件尚未作出判决 → 尚未作出判决);
- ``shared``: 均/都 after a list of subjects that share one figure (案件数、涉案金额同比均增长12%).

Each method returns character offsets into the text given, so a label is always a copy.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import regex

from lawgov_ie.steps.labels.lexicon import Lexicon, union_of

Span = tuple[int, int]

_LIST_JOIN = regex.compile(r"、|和|及(?!时)|与|以及")
#: A comparison standing between a list of subjects and 均 (案件数、涉案金额同比均增长).
_COMPARED = regex.compile(r"(?:同比|环比|(?:较|比)(?:上年|去年|上一年|往年|[0-9０-９]{4}年)"
                          r"(?:同期|度)?)$")
_MAX_ITEM = 12
#: What may stand between 均/都 and the shared figure: a verb of being, reaching or changing.
_SHARED_TAIL = regex.compile(r"(?:为|是|达|达到|超过|保持在?|在|增长|增加|提高|提升|上升|下降|减少"
                             r"|降低|回落|压缩|缩短)?了?")
#: A short aside in brackets that ends a subject: 村（社区）开展… reads 村 as its head
_ASIDE_END = regex.compile(r"[（(][^（()）]{1,6}[)）]\Z")
#: A character that makes a verb before it a noun: 记录仪, 调解员, 审查表, 登记点, 学习会
_NOUN_SUFFIX = frozenset("仪员人书表机室点站所组队器费率量数会")
#: What the words after a head noun may not hold for the head to end the noun
_NOT_AFTER_HEAD = regex.compile(r"[、“”\"《》的（()）·]")
#: Measure words that count bodies and places (家, 所, 个): a head noun may be what they count
_ENTITY_UNITS = frozenset(["家", "所", "个", "個", "户", "支", "座"])
#: A document ends a compound noun: 2人考取律师资格证 is no 律师 then a predicate
_DOCUMENT_END = frozenset("证书卡册牌照件班案")
#: Before a verb: 并 joins a second verb phrase; 上/中/内 end a locative adverbial
_JOIN_OR_PLACE = frozenset("并上中内")
#: Words that end in 上/中/内 without being a locative: 开展集中学习 keeps 集中
_NOT_PLACE = ("集中", "其中", "以上", "以内")
#: the longest people noun with its modifier kept before a rate name (行政机关负责人)
_PEOPLE_MODIFIED = 7
#: a determiner before people, no part of a rate name (各部门负责人, 全体干部)
_DETERMINER = regex.compile(r"各|全体|所有|全部")
#: 组织干部参加培训: the verb the people join in with (dropped with them)
_JOINED = regex.compile(r"参加|参与|进行")


class TextMemo:
    """What was worked out on one text, by the span asked about. A record's clause is read by
    several steps on mostly the same spans (it is trimmed before and after its cut, its verbs
    are looked for by the subject, coordination and head rules), and the next record's reading
    meets the same clause again: each answer is worked out once per document."""

    __slots__ = ("befores", "stops", "text", "trailing", "trims", "verbs")

    def __init__(self, text: str) -> None:
        self.text = text
        self.trims: dict[Span, Span] = {}
        #: by the end of a stretch: where the verbs were looked for from, and those found
        self.verbs: dict[int, tuple[int, list[regex.Match[str]]]] = {}
        #: by the end of a stretch: where the trailing cue was searched from, and what it found
        self.trailing: dict[int, tuple[int, regex.Match[str] | None]] = {}
        self.stops: frozenset[int] = frozenset()
        self.befores: dict[int, Span] = {}


_NO_TEXT = TextMemo("")


@functools.lru_cache(maxsize=1024)
def _escaped(word: str) -> str:
    return str(regex.escape(word))


def _ordered(words: Sequence[str]) -> list[str]:
    """The alternatives in the order a pattern tries them: longer first."""
    return sorted(words, key=len, reverse=True)


def _alternation(words: Sequence[str]) -> str | None:
    if not words:
        return None
    return "|".join(f"(?:{w})" for w in _ordered(words))


class ClauseGrammar:
    """The lexicons of one pattern set, compiled once."""

    def __init__(self, by_role: Mapping[str, Sequence[str]]) -> None:
        def compiled(role: str, template: str) -> regex.Pattern[str] | None:
            alternation = _alternation(list(by_role.get(role, [])))
            return regex.compile(template.format(alternation)) if alternation else None

        def lexicon(role: str, ending: str = "") -> Lexicon | None:
            pattern = compiled(role, "(?:{})" + ending + ("?" if ending else ""))
            return None if pattern is None else Lexicon(
                pattern, _ordered(list(by_role.get(role, []))), union_of, ending)

        def ending_lexicon(role: str) -> Lexicon | None:
            """A reverse search for a word that ends the stretch."""
            pattern = compiled(role, "(?r)(?:{})\\Z")
            return None if pattern is None else Lexicon(
                pattern, _ordered(list(by_role.get(role, []))), union_of, opens=False,
                at_end=True)

        self.verb = lexicon("verb", "了")
        self.adverbial = lexicon("adverbial")
        self.subject_end = ending_lexicon("subject_head")
        self.subject_start = lexicon("subject_head")
        self.adverb = lexicon("adverb")
        self.adverb_end = ending_lexicon("adverb")
        self.people = lexicon("people")
        self.people_end = ending_lexicon("people")
        self.predicate = lexicon("predicate")
        self.status = lexicon("status")
        self.shared = lexicon("shared")
        self.causative = lexicon("causative")
        self.pivot = lexicon("pivot")
        self.manner = lexicon("manner")
        self.people_unit = frozenset(by_role.get("people_unit", []))
        self.light_verb = lexicon("light_verb")
        #: the memo of the text read last (``memo_of`` gives the one of a text)
        self.memo = _NO_TEXT

    def memo_of(self, text: str) -> TextMemo:
        """The memo of ``text``: a fresh one when the text is another (a caller keeps the one
        it got, so two texts read at once never share one)."""
        memo = self.memo
        if memo.text is not text:
            memo = self.memo = TextMemo(text)
        return memo

    def forget(self) -> None:
        """Drop the memo of the last text (it is read)."""
        self.memo = _NO_TEXT

    # --- before the number --------------------------------------------------------------------

    def head(self, text: str, begin: int, end: int) -> Span:
        """The shortest head of the stretch before a number: the verb and object nearest to it,
        without a leading adverbial, subject or causative verb and the people it sets to work."""
        begin = self._after_causative(text, begin, end)
        begin = self._after_adverbial(text, begin, end)
        begin = self._after_subject(text, begin, end)
        begin = self._after_coordination(text, begin, end)
        return begin, end

    def _after_coordination(self, text: str, begin: int, end: int) -> int:
        """把隐患汇总后开展专项整治 → 开展专项整治; 在政务网站公开行政处罚 → 公开行政处罚:
        of two verb phrases joined by 并 the one nearest the number is the label; a locative
        (…上, …中, …内) right before a verb is an adverbial."""
        last = begin
        for verb in self._verbs(text, begin + 2, end):
            joined = text[verb.start() - 1]
            if joined in _JOIN_OR_PLACE and verb.start() > last \
                    and text[verb.start() - 2:verb.start()] not in _NOT_PLACE:
                last = verb.start()
        return last

    def _verbs(self, text: str, begin: int, end: int) -> list[regex.Match[str]]:
        """The main verbs of the stretch; a verb that a noun suffix follows is part of a noun
        (记录仪, 调解员, 审查表)."""
        if self.verb is None:
            return []
        # Remembered by ``end``: an overlapped search tries every place, and what it finds at
        # one does not depend on where the search began; the verbs of a stretch are those of a
        # longer one with the same end that start in it.
        memo = self.memo
        verbs = (memo if memo.text is text else self.memo_of(text)).verbs
        asked = begin
        known = verbs.get(end)
        if known is not None and known[0] <= begin:
            if known[0] == begin:
                return known[1]
            return [v for v in known[1] if v.start() >= begin]
        stop = known[0] if known is not None else end
        if known is None:
            # the subject and coordination rules ask from two characters in first, then
            # from the start: read those two as well, once
            begin = max(0, begin - 2)
        found = []
        for verb in self.verb.finditer(text, begin, end, overlapped=True):
            if verb.start() >= stop:
                break
            if verb.end() >= end or text[verb.end()] not in _NOUN_SUFFIX:
                found.append(verb)
        if known is not None:
            found.extend(known[1])
        verbs[end] = (begin, found)
        return [v for v in found if v.start() >= asked] if begin < asked else found

    def counts_people(self, unit: str) -> bool:
        """Whether a measure word counts people (名, 人, 位)."""
        return _escaped(unit) in self.people_unit

    def is_people(self, text: str, begin: int, end: int) -> bool:
        """Whether the stretch is a people noun alone, a short modifier allowed (工作人员)."""
        if self.people is None or end - begin > 4:
            return False
        return any(found.end() == end for found in
                   self.people.finditer(text, begin, end, overlapped=True))

    def people_item_end(self, text: str, offset: int) -> int | None:
        """邀请12名人大代表、政协委员参加旁听: where the people item that starts at ``offset``
        ends (a people noun, then a list mark, a clause break or a verb), else None."""
        if self.people_end is None:
            return None
        for end in range(offset + 2, min(len(text), offset + 7) + 1):
            if self.people_end.search(text, offset, end) is None:
                continue
            if end == len(text) or text[end] in "、，,。；;和及与" or any(
                    p is not None and p.match(text, end) is not None
                    for p in (self.verb, self.predicate, _JOINED)):
                return end
        return None

    def without_adverb(self, text: str, begin: int, end: int) -> Span:
        """The stretch without the manner adverbs that open it (成功申领 → 申领)."""
        while self.adverb is not None:
            found = self.adverb.match(text, begin, end)
            if found is None or found.end() >= end:
                break
            begin = found.end()
        return begin, end

    def verbs_in(self, text: str, begin: int, end: int) -> list[Span]:
        """Where the main verbs of the stretch stand."""
        return [v.span() for v in self._verbs(text, begin, end)]

    def _after_adverbial(self, text: str, begin: int, end: int) -> int:
        """通过线上平台办理业务 → 办理业务; 对重大决策作出审查意见 → 作出审查意见: an
        adverbial at the start reaches up to the first main verb after its noun."""
        if self.adverbial is None:
            return begin
        opening = self.adverbial.match(text, begin, end)
        if opening is None:
            return begin
        # the first verb after the adverbial's noun (a verb before a 的 is inside that noun:
        # 对参与调解的人员开展培训 → 开展培训)
        right_after = self.verb.match(text, opening.end(), end) if self.verb else None
        if right_after is not None and right_after.end() < end:
            return right_after.start()  # 通过举办宣讲、发放资料: the verb phrase is the label
        of = text.rfind("的", opening.end(), end)
        verbs = self._verbs(text, max(opening.end() + 1, of + 1), end)
        return verbs[0].start() if verbs else begin

    def _after_subject(self, text: str, begin: int, end: int) -> int:
        """镇党委会议讨论依法行政事项 → 讨论依法行政事项; 顾问团参与律师 → 参与律师;
        法律顾问全程参与论证 → 参与论证; 法律顾问为决策提供意见 → 提供意见: a verb after a
        subject's head noun (an adverb or an adverbial phrase between them allowed) starts the
        label."""
        if self.subject_end is None:
            return begin
        opening = self.verb.match(text, begin, end) if self.verb is not None else None
        if opening is not None and (self.pivot is None
                                    or self.pivot.match(text, begin, end) is None):
            return begin  # 审核各村上报的协议: what follows 审核 is its object
        for verb in self._verbs(text, begin + 2, end):
            if verb.end() >= end:
                # 复议机构通过调解方式结案: a verb without an object ends the stretch; the
                # subject still goes when an adverbial stands between them (通过… is kept,
                # so the label is no bare verb)
                if self.adverbial is not None:
                    for found in self.adverbial.finditer(text, begin + 2, verb.start()):
                        if found.end() - found.start() >= 2 and \
                                self.subject_end.search(text, begin, found.start()) is not None:
                            return found.start()
                break
            cuts = [verb.start()]
            if self.adverb_end is not None:
                adverb = self.adverb_end.search(text, begin, verb.start())
                if adverb is not None and adverb.start() > begin + 1:
                    cuts.append(adverb.start())
            if self.adverbial is not None:  # 法律顾问为重大决策提供意见: 为… between them
                cuts.extend(found.start() for found in
                            self.adverbial.finditer(text, begin + 2, verb.start()))
            cuts.extend(aside.start() for cut in list(cuts)
                        if (aside := _ASIDE_END.search(text, begin, cut)) is not None)
            if any(self.subject_end.search(text, begin, cut) is not None for cut in cuts):
                return verb.start()
        if self.adverb is not None and not self._verbs(text, begin, end):
            # 监察机构主动检查用人单位: a subject, then a manner adverb opens the predicate
            for adverb in self.adverb.finditer(text, begin + 2, end):
                if adverb.end() - adverb.start() >= 2 and end - adverb.end() >= 3 \
                        and self.subject_end.search(text, begin, adverb.start()) is not None:
                    return adverb.end()
        if self.manner is not None and not self._verbs(text, begin, end):
            # 重点事项网上办件: a noun subject, then a manner adverb opens the predicate
            for adverb in self.manner.finditer(text, begin + 2, end):
                quoted = text.count("“", begin, adverb.start()) > text.count("”", begin,
                                                                              adverb.start())
                listed = "、" in text[begin:adverb.start()]  # 应用信用规则率、应用掌上执法率
                if adverb.end() - adverb.start() >= 2 and end - adverb.end() >= 2 \
                        and not quoted and not listed:
                    return adverb.start()
        return begin

    def _after_causative(self, text: str, begin: int, end: int) -> int:
        """组织党员干部开展普法活动 → 开展普法活动; 组织乡村干部法治培训 → 法治培训; 组织
        相关人员参加培训 → 培训; 组织地区居民 (the people are what is counted) → 地区居民."""
        if self.causative is None or self.people is None:
            return begin
        opening = self.causative.match(text, begin, end)
        if opening is None:
            return begin
        # the people stand before the first verb after the causative one
        limit = end
        for verb in (self.light_verb, self.verb, _JOINED):
            found = verb.search(text, opening.end(), limit) if verb is not None else None
            if found is not None:
                limit = found.start()
        last = None
        for person in self.people.finditer(text, opening.end(), limit, overlapped=True):
            if last is None or person.end() > last.end():
                last = person
        if last is None:
            return begin
        cut = last.end()
        if cut >= end:
            return opening.end()  # the people are what was counted
        joined = _JOINED.match(text, cut, end)
        if joined is not None and joined.end() < end:
            cut = joined.end()
        elif self.light_verb is not None and self.light_verb.match(text, cut, end):
            return cut  # 组织干部开展培训: the light verb stays (开展培训)
        return cut

    def shared_items(self, text: str, begin: int, end: int) -> list[Span] | None:
        """案件数、涉案金额同比均增长 → [案件数, 涉案金额]: a list of subjects before 均/都
        that share one figure; None when the stretch is no such list."""
        if self.shared is None:
            return None
        marks = list(self.shared.finditer(text, begin, end))
        if not marks:
            return None
        stop = marks[-1].start()
        if not _SHARED_TAIL.fullmatch(text, marks[-1].end(), end):
            return None  # 律师和调解员都参与调解: 都 opens a predicate of their own
        compared = _COMPARED.search(text, begin, stop)
        if compared is not None:
            stop = compared.start()
        items: list[Span] = []
        cursor = begin
        for join in _LIST_JOIN.finditer(text, begin, stop):
            items.append((cursor, join.start()))
            cursor = join.end()
        items.append((cursor, stop))
        if len(items) < 2 or any(not 1 < e - s <= _MAX_ITEM for s, e in items):
            return None
        return items

    # --- after the number ---------------------------------------------------------------------

    def predicate_at(self, text: str, offset: int) -> bool:
        """Whether a predicate starts at ``offset`` (被评为, 担任, 统一划入, 提供)."""
        return self.predicate is not None and self.predicate.match(text, offset) is not None

    def predicate_starts(self, text: str, begin: int, end: int) -> bool:
        """Whether a main verb, a predicate word or an adverb opens the stretch (持有执法证人员,
        依法办理…)."""
        return any(p is not None and p.match(text, begin, end) is not None
                   for p in (self.verb, self.predicate, self.adverb))

    def subject_predicate_at(self, text: str, begin: int, offset: int) -> bool:
        """16个镇建立调解庭, 8个司法所办理案件: after a noun that ends in a subject's head noun,
        a main verb opens its predicate (a verb a noun suffix follows is inside a noun: 3个乡镇
        调处中心)."""
        if self.verb is None or self.subject_end is None or offset <= begin \
                or text[begin] in "由被经":
            return False  # 4件由负责人出庭应诉: an agent phrase runs on into its predicate
        found = self.verb.match(text, offset)
        if found is None:
            return False
        follows = text[found.end():found.end() + 2]
        if follows[:1] in _NOUN_SUFFIX or follows == "中心":
            return False
        aside = _ASIDE_END.search(text, begin, offset)
        if aside is not None and aside.start() > begin:
            offset = aside.start()  # 12所幼儿园（托育机构）修订…: the aside ends the noun
        return self.is_subject(text, begin, offset)  # 100%出庭应诉: 出庭 is a verb, no noun

    def head_noun_end(self, text: str, begin: int, stop: int, unit: str = "") -> int | None:
        """5家商户超范围经营行为作出警告 → 商户; 300名务工人员追回欠薪 → 务工人员: the noun
        after a number is the shortest stretch ending in a head noun (a subject head or people)
        when what runs on after it is no noun of its own (it ends in no head: 8个社区网格员, 3个
        乡镇调处中心 keep their words) and holds no list, quote or 的."""
        if stop - begin < 5 or "的" in text[begin:stop] or text[begin] in "由被经" \
                or (self.verb is not None and self.verb.match(text, begin, stop) is not None):
            return None  # 2人考取律师资格证: a predicate, no noun; …的…: the head after 的
        if unit not in _ENTITY_UNITS and not self.counts_people(unit):
            return None  # 599项部门审批事项: 项 counts items, not the bodies before them
        if text[stop - 1] in _DOCUMENT_END or text[stop - 1] in _NOUN_SUFFIX:
            return None  # 律师资格证, …调委会, …水质达标率: the stretch ends in a noun
        heads = [p for p in (self.subject_end, self.people_end) if p is not None]
        starts = [p for p in (self.subject_start, self.people) if p is not None]
        for end in range(begin + 2, stop - 2):
            found = [m for p in heads if (m := p.search(text, begin, end)) is not None]
            if not any(m.end() - m.start() >= 2 for m in found):
                continue  # a one-character head (队, 委, 院) may be inside a word (队伍)
            if text[end] in _NOUN_SUFFIX or _NOT_AFTER_HEAD.search(text, end, stop) is not None \
                    or any(p.match(text, end, stop) is not None for p in starts):
                continue  # 领导干部: another head word follows, the noun goes on
            if any(p.search(text, end, stop) is not None for p in heads):
                return None  # the words after the head end in a head noun: one compound
            return end
        return None

    def noun_before_of(self, text: str, begin: int, of: int) -> bool:
        """173个法院的调解工作站: the stretch before 的 is a noun alone (a subject's head noun
        ends it, no verb), so the label keeps it with the head after 的 (3名毕业的法律专业人员
        is labelled by its head: 毕业 is a clause)."""
        return of - begin >= 2 and self.is_subject(text, begin, of) \
            and regex.search(r"[\p{Han}]", text[begin:of]) is not None

    def coverb_phrase_at(self, text: str, offset: int) -> bool:
        """14个村对调解员进行培训, 10家企业为群众提供服务: a coverb (对/向/为/给 or a longer
        adverbial) whose clause goes on to a predicate ends the noun before it."""
        if self.adverbial is None or offset < 2:
            return False
        found = self.adverbial.match(text, offset)
        if found is None or (found.end() - found.start() < 2 and text[offset] not in "对向为给"):
            return False
        stop = offset
        while stop < len(text) and stop - offset < 24 and text[stop] not in "，,。；;：:！!？?\n":
            stop += 1
        return any(p is not None and p.search(text, found.end(), stop) is not None
                   for p in (self.light_verb, self.predicate))

    def is_verb(self, text: str, begin: int, end: int) -> bool:
        """Whether the stretch is one main verb alone (印发了): it needs its object."""
        return self.verb is not None and self.verb.is_whole_at(text, begin, end)

    def opens_adverbial(self, text: str, offset: int) -> bool:
        """Whether an adverbial phrase of two or more characters (通过…, 按照…) opens here."""
        found = self.adverbial.match(text, offset) if self.adverbial is not None else None
        return found is not None and found.end() - found.start() >= 2

    def people_before(self, text: str, floor: int, at: int) -> int:
        """执法人员持证上岗率: where the people noun that the subject trim cut off right before
        ``at`` starts (its short modifier kept: 领导干部, 行政机关负责人), else ``at``. A rate
        name is a noun, so the people it is about belong to it; the trim is for a subject
        before a verb phrase (执法人员参加培训20次 → 参加培训)."""
        found = self.people_end.search(text, floor, at) if self.people_end is not None else None
        if found is None or at <= floor:
            return at
        stretch = text[floor:at]
        if at - floor <= _PEOPLE_MODIFIED and not self._verbs(text, floor, at) \
                and not any(mark in stretch for mark in "的、，,（(“"):
            determiner = _DETERMINER.match(text, floor, at)  # 各部门负责人 → 部门负责人
            return determiner.end() if determiner is not None else floor
        return found.start()

    def is_subject(self, text: str, begin: int, end: int) -> bool:
        """Whether the stretch is a subject alone (新华乡, 各村): a head noun and no verb."""
        return (self.subject_end is not None and end > begin
                and self.subject_end.search(text, begin, end) is not None
                and not self._verbs(text, begin, end))

    def is_causative(self, text: str, begin: int, end: int) -> bool:
        """Whether the stretch is one verb that sets people to work (组织, 邀请) alone."""
        return self.causative is not None and self.causative.is_whole_at(text, begin, end)

    def predicate_after(self, text: str, offset: int, limit: int) -> Span | None:
        """另2件尚未作出判决 → 尚未作出判决; 累计40人次参加培训 → 参加培训: the predicate
        right after a number nothing stands before is what was counted (up to the clause end)."""
        while offset < limit and text[offset] in " \t\u3000":
            offset += 1
        probe = self.without_adverb(text, offset, limit)[0]
        if not any(p is not None and p.match(text, at, limit) is not None
                   for p in (self.status, self.predicate) for at in (offset, probe)):
            return None
        stop = offset
        while stop < limit and text[stop] not in "，,。；;：:！!？?\n（(":
            stop += 1
        return (offset, stop) if stop > offset else None
