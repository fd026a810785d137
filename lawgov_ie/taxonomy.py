"""The indicator taxonomy, version 1 (``../shared/spec/indicators.md``), kept as data so that gold
validation and tests run on a clean clone. Pattern files implement these ids and may add more;
these are never renamed."""

from __future__ import annotations

TAXONOMY_VERSION = 1

INDICATOR_IDS: frozenset[str] = frozenset({
    "study.sessions",
    "training.sessions",
    "training.participants",
    "legal_review.contracts",
    "legal_review.documents",
    "decisions.major",
    "documents.issued",
    "normative_docs.issued",
    "enforcement.inspections",
    "enforcement.penalties",
    "enforcement.cases",
    "enforcement.officers",
    "reconsideration.cases",
    "litigation.cases",
    "litigation.appearance_rate",
    "disclosure.items",
    "disclosure.requests",
    "services.items",
    "services.satisfaction_rate",
    "hotline.requests",
    "petition.cases",
    "mediation.screenings",
    "mediation.disputes",
    "mediation.success",
    "mediation.success_rate",
    "publicity.events",
    "publicity.audience",
    "publicity.materials",
    "legal_services.consultations",
    "legal_services.legal_aid",
    "legal_services.advisers",
    "legal_literacy.persons",
    "staffing.count",
    "honors.count",
})
"""The 34 canonical indicator ids."""
