"""Unit families: which measure words count the same thing, per indicator.

Inside one indicator, units that count the same thing are one *family* and are written as the
family's unit in the panel: 件/起/宗/例 are all cases (件); 次/场/场次/期 are all sessions (次);
人/名/位 are all persons (人). Units that count different things are different families and are
never mixed: 人 (persons) and 人次 (attendances: one person trained three times is 3 人次) are
kept apart, and so are 份 (copies of leaflets) and 次 (events).

For each indicator of the taxonomy (``spec/indicators.md``) the families are listed in order of
preference: the first family a report states is the one its headline is taken from
(:mod:`lawgov_ie.dataset.headline`). An indicator a pattern file adds is read with
:data:`GENERIC_FAMILIES` (the family most of its figures use wins).
"""

from __future__ import annotations

from dataclasses import dataclass

from lawgov_ie.taxonomy import TAXONOMY

CASES = ("件", "起", "宗", "例", "单")
SESSIONS = ("次", "场", "场次", "期", "班", "堂", "课", "轮")
PERSONS = ("人", "名", "位")
ATTENDANCES = ("人次",)
COPIES = ("份", "册", "本", "张", "套")
PERCENT = ("%",)


@dataclass(frozen=True)
class Family:
    """Units that count the same thing; ``unit`` is how the panel writes them."""

    unit: str
    members: tuple[str, ...]


def _f(unit: str, *members: str) -> Family:
    return Family(unit, (unit, *tuple(m for m in members if m != unit)))


_CASES = _f("件", *CASES)
_SESSIONS = _f("次", *SESSIONS)
_PERSONS = _f("人", *PERSONS)
_ATTENDANCES = _f("人次")
_COPIES = _f("份", *COPIES)
_RATE = _f("%")
_RATE_IDS = (
    "training.exam_rate", "training.coverage_rate", "legal_review.review_rate",
    "normative_docs.filing_rate", "reconsideration.correction_rate",
    "litigation.appearance_rate", "litigation.win_rate", "litigation.loss_rate",
    "services.online_rate", "services.completion_rate", "services.satisfaction_rate",
    "mediation.success_rate", "legal_services.adviser_coverage",
)

FAMILIES: dict[str, tuple[Family, ...]] = {
    "study.sessions": (_SESSIONS,),
    "training.sessions": (_f("次", *SESSIONS, "批"),),
    "training.participants": (_ATTENDANCES, _PERSONS),
    "legal_review.contracts": (_f("件", *CASES, "份", "项", "个"),),
    "legal_review.documents": (_f("件", *CASES, "份", "项", "个", "篇", "条"), _f("次")),
    "decisions.major": (_f("件", *CASES, "项", "个"), _f("次")),
    "documents.issued": (_f("件", "篇", "份", "个", *CASES),),
    "normative_docs.issued": (_f("件", *CASES, "份", "篇", "项", "个", "部"), _f("次")),
    # an inspection is counted as visits (次, 家次), as cases (起) or as premises (家)
    "enforcement.inspections": (_f("次", "家次", "户次", "场次", "轮"), _CASES,
                                _f("家", "户", "个", "处"), _ATTENDANCES),
    "enforcement.penalties": (_f("件", *CASES, "件次"),),
    "enforcement.cases": (_f("件", *CASES, "个"),),
    "enforcement.officers": (_PERSONS, _RATE),  # 持证率 belongs here too (spec)
    "reconsideration.cases": (_CASES,),
    "litigation.cases": (_CASES,),
    "litigation.appearances": (_f("件", *CASES, "次"), _ATTENDANCES),
    "disclosure.items": (_f("条", "件", "篇", "个", "项"),),
    "disclosure.requests": (_f("件", *CASES, "个", "条", "份"),),
    "services.items": (_f("件", *CASES, "件次", "笔", "个", "项"),),
    "hotline.requests": (_f("件", *CASES, "个", "条", "单"),),
    "petition.cases": (_f("件", *CASES, "封"), _f("批", "批次"), _f("人次", "人")),
    "mediation.screenings": (_f("次", "轮", "场", "场次"),),
    "mediation.disputes": (_CASES,),
    "mediation.success": (_CASES,),
    "publicity.events": (_f("次", *SESSIONS, "批"),),
    "publicity.audience": (_ATTENDANCES, _PERSONS),
    "publicity.materials": (_f("份", *COPIES, "件"),),
    "legal_services.consultations": (_ATTENDANCES, _f("次"), _f("件", *CASES, "条")),
    "legal_services.legal_aid": (_f("件", *CASES, "件次"),),
    "legal_services.advisers": (_PERSONS, _f("个", "家")),
    "legal_literacy.persons": (_PERSONS,),
    "staffing.count": (_PERSONS, _f("个", "支", "间", "处", "家"), _f("台", "套", "部")),
    "honors.count": (_f("项", "个", "次"), _f("名")),
    **{rate: (_RATE,) for rate in _RATE_IDS},
}
"""The unit families of each taxonomy indicator, most representative first."""

ORDER: tuple[str, ...] = tuple(indicator.id for indicator in TAXONOMY)
"""The taxonomy's indicators in its order (the columns of the panel)."""

GENERIC_FAMILIES: tuple[Family, ...] = (
    _CASES, _SESSIONS, _PERSONS, _ATTENDANCES, _COPIES, _RATE, _f("元"),
)
"""Families for an indicator the taxonomy does not list; any other unit is its own family."""


def families_of(indicator: str) -> tuple[Family, ...] | None:
    """The families of a taxonomy indicator in order of preference, or None for another id."""
    return FAMILIES.get(indicator)


def family_of(indicator: str, unit: str) -> Family | None:
    """The family ``unit`` belongs to for ``indicator``; None when the indicator does not count
    in that unit. For an indicator outside the taxonomy every unit has a family (its generic
    one, or a family of its own)."""
    known = FAMILIES.get(indicator)
    for family in known if known is not None else GENERIC_FAMILIES:
        if unit in family.members:
            return family
    return None if known is not None else _f(unit)
