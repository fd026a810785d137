"""Pattern kinds of ``patterns/labels.jsonl``, read by the labels step.

``label_cue``: words with a role in finding what a number counts (a leading time word to drop, a
bare verb that sends the reader to the noun after the number, …).
"""

from __future__ import annotations

from typing import Literal

from lawgov_ie.rules import register
from lawgov_ie.rules.base import WordsPattern

LabelRole = Literal[
    "leading",  # dropped from the start of a label, repeatedly (全年, 今年以来, 我镇, 已)
    "trailing",  # dropped from the end of a label, repeatedly (达, 均为, 共)
    "cut_after",  # everything up to and including the last one is dropped (累计, 共计)
    "causative",  # 组织 X 开展 Y: the label starts at the later verb (see "light_verb")
    "light_verb",  # 开展, 举办, 进行: the verb a causative hands over to
    "bare",  # a label that says nothing alone: take the noun after the number (设立, 有, 与)
    "share",  # a label that only continues the previous one (覆盖, 提升到): reuse its label
    "after_reject",  # the text after a number starting so is not its label (较, 同比, 并)
    "after_stop",  # ends a label read after the number (开展, 对, 全部)
    "negation",  # opens an implicit zero (未, 没有, 无发生)
    "generic_head",  # a head noun too general to be a label alone (案件, 事件, 情况)
    "etc_generic",  # X、Y等活动 keeps its list; X、Y等重点问题 is labelled by the noun after 等
    "change",  # a change is labelled from 同比 on (办件量较去年同比增长 → 同比增长)
    # the clause grammar (grammar.py): lexicons that split a clause into its parts
    "verb",  # a main verb that takes an object (办理, 作出, 提供, 研究): where a predicate starts
    "adverb",  # a manner adverb between a subject and its verb (全程, 成功, 统一, 分别)
    "adverbial",  # opens an adverbial phrase before the verb (通过, 按照, 对, 为, 向, 围绕)
    "subject_head",  # a noun that ends a subject (会议, 政府, 团, 人员, 律师): 会议研究议题
    "people",  # people a causative verb sets to work (干部, 群众, 人员): 组织干部开展培训
    "people_unit",  # measure words that count people (名, 人, 位)
    "predicate",  # after the noun that follows a number, starts its predicate (被, 担任, 提供)
    "status",  # opens a status clause after a bare number (另2件尚未判决: 尚未, 正在)
    "shared",  # after a list of subjects, says one figure holds for each (均, 都)
    "manner",  # opens a predicate after a noun subject, verb or not (事项网上办件, 平均得分)
    "pivot",  # a verb whose object is the next verb's subject (聘请律师参与…, 指导仲裁委受理…)
    "respective",  # A和B分别为X和Y: the figures after it go to the items before it in turn
    "closing_total",  # 合计, 共计 after a list of parts: the total is labelled by the list's topic
]



@register("label_cue")
class LabelCuePattern(WordsPattern):
    """Words with one role in finding a record's label."""

    kind: Literal["label_cue"] = "label_cue"
    role: LabelRole
