"""The kinds of ``patterns/indicators.jsonl``: how a record's label and context decide its
indicator.

- ``indicator``: a label that names an indicator (调处矛盾纠纷 → ``mediation.disputes``);
- ``indicator_topic``: words that make a clause, sentence or section heading *about* an
  indicator, so that a figure there whose label does not name it (审结12件, 维持3件, 覆盖干部200人)
  still gets it;
- ``indicator_open``: words that say nothing of what was counted (受理, 办结, 开展, 案件): a label
  made of them only is *open* and takes its indicator from context.

docs/numbers-in-context.md describes the decision and its levels.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr, WordsPattern


@register("indicator")
class IndicatorPattern(PatternBase):
    """A label that names an indicator (the strongest evidence, ``indicator_source: label``).

    The record's label must match a trigger and no exclude; its unit must be one of ``units``
    (an implicit zero, unit "", passes when "" is listed); its kind one of ``kinds``; when
    ``clause`` or ``sentence`` is given, one of them must match the clause or the sentence around
    the number (to choose between two readings of one label word); a sentence that matches one of
    ``sentence_excludes`` vetoes the line (立案 and 调解率 in a sentence about 复议 count no
    penalty and no dispute). Among the lines that fit, the
    highest ``priority`` wins; a section title that matches ``sections`` adds a bonus. When no
    line fits the label, the lines are tried on the record's clause (the words of the clause
    that belong to this figure), ``indicator_source: clause``. ``indicator`` names the id
    assigned when several lines give the same indicator (their ``id`` must differ); it defaults
    to ``id``.
    """

    kind: Literal["indicator"] = "indicator"
    indicator: str | None = Field(default=None, description="Id assigned; defaults to id.")
    name: str = Field(description="Chinese name, e.g. 矛盾纠纷调解")
    units: list[str] = Field(default_factory=list, description="Units it accepts; empty: any.")
    kinds: list[str] = Field(default_factory=list, description="Record kinds; empty: any.")
    triggers: list[RegexStr] = Field(min_length=1, description="Regexes matched against the label.")
    excludes: list[RegexStr] = Field(default_factory=list, description="Label regexes that veto.")
    clause: list[RegexStr] = Field(default_factory=list,
                                   description="One must match the clause around the number.")
    sentence: list[RegexStr] = Field(default_factory=list,
                                     description="One must match the sentence around the number.")
    sentence_excludes: list[RegexStr] = Field(
        default_factory=list,
        description="Sentence regexes that veto: the label word means another thing in a "
                    "sentence about that topic (立案 in a sentence about 复议).")
    sections: list[RegexStr] = Field(default_factory=list, description="Section titles it favours.")
    priority: int = Field(default=0, ge=-1000, le=1000)

    @property
    def assigns(self) -> str:
        return self.indicator or self.id


Reach = Literal["clause", "sentence", "section", "anywhere"]


@register("indicator_topic")
class IndicatorTopicPattern(PatternBase):
    """Words that make a stretch of text about one indicator, for figures whose label does not
    name one.

    A record can take ``indicator`` from a topic word standing in its clause, its sentence or (with
    ``reach: section``) a heading above it, when its unit is one of ``units`` (default: the units
    the taxonomy lists for the id), its kind one of ``kinds`` (default: the taxonomy's), its label
    matches no ``excludes``, and its label is *open* (only ``indicator_open`` words) or matches
    one of ``labels`` (what this indicator's figures are called without naming it: 维持, 撤销
    after 复议; 干部, 人员 after 培训). ``counts`` makes a rate line: a rate linked (``rate_of``)
    to a numerator count of one of these ids takes ``indicator`` when its label matches
    ``labels``; ``parts_of`` lets the parts of a total of another id take this one (撤诉 under
    a total of court appearances is a litigation case); ``reach: anywhere`` also lets the label
    alone decide, when no other level gave an id (办结率 with no topic around it). Where several
    lines fit, a line whose ``labels`` match beats an open label, then the topic word nearest the
    figure wins, then ``priority``.
    """

    kind: Literal["indicator_topic"] = "indicator_topic"
    indicator: str = Field(description="The id a record takes from this topic.")
    words: list[RegexStr] = Field(default_factory=list,
                                  description="Topic words sought in the clause, sentence or "
                                              "heading (regexes).")
    labels: list[RegexStr] = Field(default_factory=list,
                                   description="Labels that may take this topic besides open "
                                               "ones (regexes).")
    excludes: list[RegexStr] = Field(default_factory=list, description="Label regexes that veto.")
    units: list[str] | None = Field(default=None,
                                    description="Units it accepts; default: the taxonomy's.")
    kinds: list[str] | None = Field(default=None,
                                    description="Record kinds; default: the taxonomy's.")
    counts: list[str] = Field(default_factory=list,
                              description="For a rate: ids of the numerator counts it is a rate "
                                          "of.")
    parts_of: list[str] = Field(default_factory=list,
                                description="Ids of totals whose parts, when their label "
                                            "matches ``labels``, take this id instead of the "
                                            "total's.")
    reach: Reach = Field(default="sentence",
                         description="The widest context the words are sought in: clause, "
                                     "sentence or section (the headings above the record); "
                                     "anywhere: also, as the last resort, with no word around, "
                                     "for a label that matches ``labels``.")
    priority: int = 0


@register("indicator_open")
class IndicatorOpenPattern(WordsPattern):
    """Words that do not say what was counted: verbs of handling (受理, 办结, 开展), generic
    nouns (案件, 活动), adverbs and quantity words. A label made only of these (and punctuation)
    is open: its figure takes its indicator from its context."""

    kind: Literal["indicator_open"] = "indicator_open"


@register("indicator_other_part")
class IndicatorOtherPartPattern(WordsPattern):
    """Parts that are not of their total's kind: a part (``part_of``) of a total of one of
    ``totals`` whose label matches one of the words does not take the total's id (行政许可80万宗
    and 行政给付9万宗 under a total of 行政执法案件 count permits and payments, not enforcement
    cases); it keeps the id of its own words, or none."""

    kind: Literal["indicator_other_part"] = "indicator_other_part"
    totals: list[str] = Field(min_length=1,
                              description="Ids of the totals whose parts these labels leave.")
