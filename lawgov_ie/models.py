"""The public output models: the API contract of docs/api.md.

Every field listed in the contract is present; fields may be added, never renamed or removed.
Offsets are always into the caller's original text: ``text == input[start:end]``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RecordKind = Literal["count", "rate", "money", "rank", "change", "measure"]
Qualifier = Literal["exact", "approx", "more_than", "less_than"]
SectionKind = Literal["achievement", "problem", "plan", "other"]
HeadingKind = Literal["achievement", "problem", "plan", "duties", "other"]
IndicatorSource = Literal["label", "clause", "total", "rate", "sentence", "section"]
BodyKind = Literal["government", "party committee", "department", "people's congress",
                   "court", "procuratorate", "other"]
PartsSum = Literal["exact", "under", "over"]
PartPosition = Literal["after_total", "before_total", "in_brackets", "nested"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Check(_Model):
    """A consistency finding about one record (its numbers do not add up)."""

    code: str = Field(description='Stable code, e.g. "parts_exceed_total", "rate_mismatch".')
    message: str = Field(description="One sentence a person can read.")


class RelationEvidence(_Model):
    """Why the relations step tied a record to another: the evidence of one ``part_of`` or
    ``rate_of`` link, with its weights summed in ``score`` (docs/numbers-in-context.md)."""

    link: Literal["part_of", "rate_of"]
    score: float = Field(description="Sum of the weights of the evidence below; a part_of link "
                         "is made at 2.0 or more.")
    cue: str | None = Field(default=None, description="The cue word written: 其中, 包括, 合计 …")
    sums: PartsSum | None = Field(
        default=None, description="How the parts of this breakdown add up against the total.")
    label_relation: str | None = Field(
        default=None, description="How the labels relate: 'outcome', 'kind' or 'status' of the "
        "total (with the part_label id), 'narrows' (the part names a kind of the total's noun); "
        "for a rate, the role words found on its numerator and denominator.")
    position: PartPosition | None = Field(
        default=None, description="Where the part stands: in a list after its total, before a "
        "total that closes the list (合计), inside a bracket, or in a part's own list.")
    arithmetic: str | None = Field(default=None,
                                   description="For a rate: numerator / denominator = its value.")


class Record(_Model):
    """One quantity the report states as a fact about its subject's work, results or state."""

    id: str = Field(description='Unique within the report, e.g. "r12".')
    value: float = Field(description="The number: numerals read, 万/亿 folded in, money in 元.")
    unit: str = Field(description='Measure word or "%"; 元 for money; "" for an implicit zero.')
    kind: RecordKind
    qualifier: Qualifier
    label: str = Field(description="What was counted, copied from the sentence.")
    indicator: str | None = Field(description="Canonical indicator id, or null when none fits.")
    indicator_source: IndicatorSource | None = Field(
        default=None,
        description="How the indicator was decided, strongest first: its own label, its clause, "
                    "the total it is a part of, the counts of a rate, its sentence's topic, the "
                    "section heading; null when there is no indicator.")
    text: str = Field(description="The quantity as written; equals input[start:end].")
    start: int
    end: int
    implicit: bool = Field(description="A zero stated in words (未发布…).")
    sentence: str = Field(description="The sentence that holds the record.")
    section: list[str] = Field(description="Heading path, outermost first.")
    section_kind: SectionKind
    period: int | None = Field(description="Year the figure is about.")
    part_of: str | None = Field(description="Id of the total this record is a breakdown of.")
    rate_of: list[str] | None = Field(description="[numerator id, denominator id] of a rate.")
    checks: list[Check] = Field(default_factory=list)
    relation_evidence: list[RelationEvidence] = Field(
        default_factory=list, description="Why part_of / rate_of were set: one item per link.")


class Entity(_Model):
    """A named thing: ORG, PERSON, GPE, LAW, DATE, DOC_NO …"""

    label: str
    text: str
    start: int
    end: int


class Section(_Model):
    """A heading and the body it opens, up to the next heading of the same or a higher level."""

    title: str
    level: int = Field(description="1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for 一是")
    kind: SectionKind
    heading_kind: HeadingKind = Field(
        default="other", description="Kind of the heading itself, with 'duties' kept apart."
    )
    start: int = Field(description="Start of the whole section (its heading).")
    end: int = Field(description="End of the section body.")


class DocumentMeta(_Model):
    """Facts about the document as a whole."""

    source: str | None = None
    title: str | None = None
    issuer: str | None = None
    place: str | None = None
    admin_level: str | None = None
    year: int | None = None
    date: str | None = None
    doc_number: str | None = None
    recipients: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    signers: list[str] = Field(default_factory=list)
    # the reporting body and where it is (docs/document-facts.md)
    body: str | None = Field(default=None, description="The reporting body as written: 英林镇, "
                             "咸宁市司法局.")
    body_kind: BodyKind | None = None
    department: str | None = Field(default=None, description="The department that reports "
                                   "(司法局), when one does.")
    province: str | None = Field(default=None, description="Names as in the gazetteer.")
    city: str | None = None
    county: str | None = None
    township: str | None = None
    admin_code: str | None = Field(default=None, description="Adcode of the most specific of "
                                   "these places that has one (a township's is its county's).")
    place_candidates: list[str] = Field(default_factory=list, description=(
        "When the place's name is shared (城关镇) and the text does not say which: each "
        "candidate as 省/市/县/镇; province … township are then filled only where all agree."))
    fact_sources: dict[str, str] = Field(default_factory=dict, description=(
        "Where each fact came from, e.g. {'place': 'title', 'year': 'opening', "
        "'county': 'gazetteer'}."))


class Report(_Model):
    """Everything extracted from one report."""

    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    records: list[Record] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
