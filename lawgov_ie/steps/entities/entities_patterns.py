"""Kinds for the entity ruler: ``entity`` rules; ``entity_trim`` words that never begin a name."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from lawgov_ie.rules import register
from lawgov_ie.rules.base import PatternBase, RegexStr


@register("entity")
class EntityPattern(PatternBase):
    """One entity rule with exactly one of ``phrase``, ``regex`` or ``tokens`` (spaCy Matcher).

    ``phrase`` is matched on the characters, whatever the word segmentation; ``regex`` too (the
    ``regex`` module, ``\\p{Han}`` allowed); ``tokens`` is a spaCy Matcher pattern over the words
    (its ``REGEX`` values use Python's ``re``: write ``[\\u4e00-\\u9fff]`` for a Han character).
    A ``tokens`` rule runs only on pkuseg words, so it makes entities depend on segmentation; no
    bundled rule uses one.

    A ``regex`` that begins with an open run of characters (``[\\p{Han}]{2,6}?县司法局``) is
    tried at every character of the text, which is slow. Give it an ``anchor``: a regex that
    every match contains (``司法局|公安局``). The rule is then tried only from ``before``
    characters before each anchor hit to ``after`` characters after it. A match that touches
    a window's edge widens the window, so for the match itself ``before`` and ``after`` are
    rough guesses; a lookahead after the match must fit within ``after``.
    """

    kind: Literal["entity"] = "entity"
    label: str = Field(min_length=1, description="ORG, PERSON, GPE, LAW, DATE, DOC_NO …")
    phrase: str | None = None
    regex: RegexStr | None = None
    tokens: list[dict[str, Any]] | None = None
    anchor: RegexStr | None = Field(default=None, description="with regex: a regex every match "
                                    "contains; the rule is tried only around its hits (fast)")
    before: int = Field(default=30, ge=0, le=1000, description="with anchor: how far before "
                        "an anchor hit a match may start")
    after: int = Field(default=16, ge=0, le=1000, description="with anchor: how far after an "
                       "anchor hit a match (and its lookahead) may reach")

    @model_validator(mode="after")
    def _one_form(self) -> EntityPattern:
        given = [name for name in ("phrase", "regex", "tokens") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'phrase', 'regex' or 'tokens'")
        if self.anchor is not None and self.regex is None:
            raise ValueError("'anchor' only goes with 'regex'")
        return self


@register("entity_trim")
class EntityTrimPattern(PatternBase):
    """Words that never begin a name (verbs, prepositions, pronouns, determiners).

    The ORG and PERSON grammar (``org_words``, ``person_words``) start a name after them, whatever
    ``labels`` says. Chinese has no spaces, so a ``regex`` rule for an open class may also start a
    few characters early (聘请福建铭群律师事务所): a ``regex`` match of one of ``labels`` is cut
    right after the last of these words inside it that leaves a match of the same regex
    (福建铭群律师事务所).
    """

    kind: Literal["entity_trim"] = "entity_trim"
    labels: list[str] = Field(min_length=1)
    words: list[str] = Field(min_length=1)


@register("org_words")
class OrgWordsPattern(PatternBase):
    """Words of the ORG grammar (docs/entities.md), by ``role``:

    - ``level``: administrative levels (省 市 县 区 镇 乡 街道 …): a name's place part ends in one;
    - ``head``: bodies a level or a place makes into one organisation (人民政府, 党委, 委):
      县委, 区政府, 晋江市英林镇人民政府;
    - ``sub``: words that continue an organisation's name (常委会, 办公室, 依法治区委员会):
      区委常委会, 区委依法治区委员会办公室;
    - ``suffix``: what an open-class body ends in (中心, 支队, 律师事务所): any name before it
      that starts at a boundary (after punctuation or a word that never begins a name);
    - ``short_suffix``: one-character endings (局 所 院 办): the name before needs a place or
      level (区湿地保护局) or a known ``stem`` (司法局);
    - ``chain_suffix``: endings that make an organisation only after a named place
      (桃源县法治政府建设领导小组, not 法治政府建设领导小组);
    - ``stem``: department stems that make a short suffix a body without a place (司法 → 司法局);
    - ``name``: bodies named in full that stand alone (国务院, 党中央, 司法所);
    - ``after_head``: heads that follow another body's head with its level left out
      (镇党委、政府 → 政府);
    - ``generic``: kinds a place has many of, a body only with their place (人民调解委员会 alone
      is not one; 西埔村人民调解委员会 is);
    - ``not_body``: words that end like a body and are none (门户网站, 中小学);
    - ``not_place``: words that end in a level and are no place's name (行政村, 园区).
    """

    kind: Literal["org_words"] = "org_words"
    role: Literal["level", "head", "sub", "suffix", "short_suffix", "chain_suffix", "stem",
                  "name", "after_head", "generic", "not_body", "not_place"]
    words: list[str] = Field(min_length=1)
    not_before: list[str] = Field(default_factory=list, description="the words are no body "
                                  "when one of these follows (委 in 委托, 人大 in 人大代表)")


@register("person_words")
class PersonWordsPattern(PatternBase):
    """Words around a PERSON name: ``post_before`` (镇长 in 镇长谢晓锋), ``post_after`` (律师 in
    李雪萍律师, 总书记, 同志), ``line_before`` (签发人: a name follows on the line), ``name_start``
    and ``name_end`` (words that often come before or after a name: 学习 in 学习X总书记, 任 in
    镇长X任组长), ``surname`` (evidence that two or
    three characters are a name, not a gate) and ``not_name`` (common words a name never begins
    with: 单位, 高度)."""

    kind: Literal["person_words"] = "person_words"
    role: Literal["post_before", "post_after", "line_before", "name_start", "name_end",
                  "surname", "not_name"]
    words: list[str] = Field(min_length=1)
