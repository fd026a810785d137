"""The spaCy components of the pipeline, one per module, each registered with a factory.

Order in :func:`lawgov_ie.load`: sections → entities → document_facts → quantities → labels →
indicators → relations → report.
"""

from . import (  # noqa: F401  (importing registers the factories)
    document_facts,
    entities,
    indicators,
    labels,
    quantities,
    relations,
    report,
    sections,
)

PIPELINE = [
    "lawgov_sections",
    "lawgov_entities",
    "lawgov_document_facts",
    "lawgov_quantities",
    "lawgov_labels",
    "lawgov_indicators",
    "lawgov_relations",
    "lawgov_report",
]
