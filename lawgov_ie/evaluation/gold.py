"""Gold annotation files (docs/annotation.md, section 6): read them, check them, and
find the text each one annotates.

Reading checks the *shape* of a file (fields, types, allowed values) and raises
:class:`GoldError` naming the file, the record and the field. :func:`check_gold` checks what
needs the document text and the whole file: offsets hold the text, indicators exist in the
taxonomy, links point at existing records, no record duplicates another.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgov_ie.errors import InputError, LawgovError
from lawgov_ie.io.textio import read_text
from lawgov_ie.taxonomy import INDICATOR_IDS

KINDS = frozenset({"count", "rate", "money", "rank", "change", "measure"})
QUALIFIERS = frozenset({"exact", "approx", "more_than", "less_than"})
META_FIELDS = ("place", "issuer", "year", "date", "doc_number")
_REQUIRED = ("text", "start", "end", "value", "unit", "kind", "qualifier", "label", "indicator")
_OPTIONAL = ("part_of", "rate_of", "optional", "implicit", "note")


class GoldError(LawgovError):
    """A gold file is malformed; ``problems`` lists each problem with its file and record."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = "a gold file is wrong" if len(problems) == 1 else f"{len(problems)} gold problems"
        super().__init__(head + ":\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class GoldRecord:
    """One annotated record; ``index`` is its position in the file's ``records`` list."""

    index: int
    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: str
    qualifier: str
    label: str
    indicator: str | None
    part_of: int | None = None
    rate_of: tuple[int, int] | None = None
    optional: bool = False
    implicit: bool = False


@dataclass(frozen=True)
class GoldMeta:
    """The document facts of a gold file; a field the file leaves out is ``None``."""

    place: str | None = None
    issuer: str | None = None
    year: int | None = None
    date: str | None = None
    doc_number: str | None = None


ENTITY_LABELS = ("GPE", "ORG", "PERSON", "LAW", "DOC_NO")


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity span (docs/annotation.md: flat spans, every occurrence)."""

    label: str
    text: str
    start: int
    end: int


@dataclass
class GoldDocument:
    """One gold file: the document id, where its text is, its facts, its records and (when the
    file has an ``entities`` key) its entities; ``entities`` is ``None`` for a file without one."""

    id: str
    path: Path
    source: str | None
    meta: GoldMeta
    records: list[GoldRecord] = field(default_factory=list)
    entities: list[GoldEntity] | None = None


def _is_number(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(float(value)))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_record(item: object, index: int, where: str,
                  problems: list[str]) -> GoldRecord | None:
    here = f"{where}: record {index}"
    if not isinstance(item, dict):
        problems.append(f"{here}: must be a JSON object, not {type(item).__name__}")
        return None
    before = len(problems)
    for name in _REQUIRED:
        if name not in item:
            problems.append(f"{here}: missing field '{name}'")
    for name in item:
        if name not in _REQUIRED and name not in _OPTIONAL:
            problems.append(f"{here}: unknown field '{name}'")
    for name in ("text", "unit", "label"):
        if name in item and not isinstance(item[name], str):
            problems.append(f"{here}: field '{name}' must be a string")
    for name in ("start", "end"):
        if name in item and not (_is_int(item[name]) and item[name] >= 0):
            problems.append(f"{here}: field '{name}' must be a non-negative integer")
    if "value" in item and not _is_number(item["value"]):
        problems.append(f"{here}: field 'value' must be a number, not {item['value']!r}")
    if "kind" in item and item["kind"] not in KINDS:
        problems.append(f"{here}: field 'kind' is {item['kind']!r}; allowed: "
                        + ", ".join(sorted(KINDS)))
    if "qualifier" in item and item["qualifier"] not in QUALIFIERS:
        problems.append(f"{here}: field 'qualifier' is {item['qualifier']!r}; allowed: "
                        + ", ".join(sorted(QUALIFIERS)))
    indicator = item.get("indicator")
    if indicator is not None and not isinstance(indicator, str):
        problems.append(f"{here}: field 'indicator' must be a string or null")
    part_of = item.get("part_of")
    if part_of is not None and not _is_int(part_of):
        problems.append(f"{here}: field 'part_of' must be a record position (integer) or null")
    rate_of = item.get("rate_of")
    if rate_of is not None and not (isinstance(rate_of, list) and len(rate_of) == 2
                                    and all(_is_int(x) for x in rate_of)):
        problems.append(f"{here}: field 'rate_of' must be [numerator, denominator] positions")
    for name in ("optional", "implicit"):
        if name in item and not isinstance(item[name], bool):
            problems.append(f"{here}: field '{name}' must be true or false")
    if len(problems) > before:
        return None
    return GoldRecord(
        index=index, text=item["text"], start=item["start"], end=item["end"],
        value=float(item["value"]), unit=item["unit"], kind=item["kind"],
        qualifier=item["qualifier"], label=item["label"], indicator=item["indicator"],
        part_of=part_of, rate_of=(rate_of[0], rate_of[1]) if rate_of is not None else None,
        optional=item.get("optional", False), implicit=item.get("implicit", False))


def _parse_entities(items: object, where: str, problems: list[str]) -> list[GoldEntity]:
    if not isinstance(items, list):
        problems.append(f"{where}: 'entities' must be a list")
        return []
    entities: list[GoldEntity] = []
    for index, item in enumerate(items):
        here = f"{where}: entity {index}"
        if not isinstance(item, dict):
            problems.append(f"{here}: must be a JSON object, not {type(item).__name__}")
            continue
        before = len(problems)
        for name in item:
            if name not in ("label", "text", "start", "end", "note"):
                problems.append(f"{here}: unknown field '{name}'")
        if item.get("label") not in ENTITY_LABELS:
            problems.append(f"{here}: field 'label' is {item.get('label')!r}; allowed: "
                            + ", ".join(ENTITY_LABELS))
        if not isinstance(item.get("text"), str):
            problems.append(f"{here}: field 'text' must be a string")
        for name in ("start", "end"):
            if not (_is_int(item.get(name)) and item[name] >= 0):
                problems.append(f"{here}: field '{name}' must be a non-negative integer")
        if len(problems) == before:
            entities.append(GoldEntity(item["label"], item["text"], item["start"], item["end"]))
    return entities


def _parse_meta(meta: object, where: str, problems: list[str]) -> GoldMeta:
    if not isinstance(meta, dict):
        problems.append(f"{where}: 'meta' must be a JSON object")
        return GoldMeta()
    for name in meta:
        if name not in META_FIELDS:
            problems.append(f"{where}: meta: unknown field '{name}'")
    for name in ("place", "issuer", "date", "doc_number"):
        if meta.get(name) is not None and not isinstance(meta[name], str):
            problems.append(f"{where}: meta: field '{name}' must be a string or null")
    year = meta.get("year")
    if year is not None and not _is_int(year):
        problems.append(f"{where}: meta: field 'year' must be an integer or null")
    return GoldMeta(**{name: meta.get(name) for name in META_FIELDS})


def parse_gold(data: object, path: Path) -> GoldDocument:
    """The :class:`GoldDocument` in the decoded JSON of ``path``; :class:`GoldError` if wrong."""
    where = str(path)
    if not isinstance(data, dict):
        raise GoldError([f"{where}: a gold file must hold one JSON object"])
    problems: list[str] = []
    for name in data:
        if name not in ("id", "source", "meta", "records", "entities", "note"):
            problems.append(f"{where}: unknown top-level field '{name}'")
    doc_id = data.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        problems.append(f"{where}: missing or empty 'id'")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        problems.append(f"{where}: 'source' must be a path (string) or null")
    meta = _parse_meta(data.get("meta", {}), where, problems)
    items = data.get("records")
    records: list[GoldRecord] = []
    if not isinstance(items, list):
        problems.append(f"{where}: 'records' must be a list")
    else:
        for index, item in enumerate(items):
            record = _parse_record(item, index, where, problems)
            if record is not None:
                records.append(record)
    entities = (_parse_entities(data["entities"], where, problems)
                if "entities" in data else None)
    if problems:
        raise GoldError(problems)
    return GoldDocument(id=str(doc_id), path=path, source=source, meta=meta, records=records,
                        entities=entities)


def read_gold_file(path: str | Path) -> GoldDocument:
    """Read and shape-check one gold file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError([f"{path}: no such file"]) from None
    except UnicodeDecodeError as error:
        raise GoldError([f"{path}: not UTF-8 ({error.reason})"]) from None
    except json.JSONDecodeError as error:
        raise GoldError([f"{path}:{error.lineno}: invalid JSON: {error.msg} "
                         f"(column {error.colno})"]) from None
    except OSError as error:
        raise GoldError([f"{path}: cannot be read ({error.strerror})"]) from None
    return parse_gold(data, path)


def read_gold_dir(path: str | Path) -> list[GoldDocument]:
    """Every ``*.json`` gold file in a folder (or one file), sorted by file name."""
    path = Path(path)
    if path.is_file():
        return [read_gold_file(path)]
    if not path.is_dir():
        raise GoldError([f"{path}: no such gold folder"])
    files = sorted(p for p in path.glob("*.json") if p.is_file())
    if not files:
        raise GoldError([f"{path}: holds no *.json gold files"])
    documents: list[GoldDocument] = []
    problems: list[str] = []
    for file in files:
        try:
            documents.append(read_gold_file(file))
        except GoldError as error:
            problems.extend(error.problems)
    seen: dict[str, Path] = {}
    for document in documents:
        if document.id in seen:
            problems.append(f"{document.path}: id {document.id!r} also used by {seen[document.id]}")
        seen[document.id] = document.path
    if problems:
        raise GoldError(problems)
    return documents


def check_gold(document: GoldDocument, text: str | None = None,
               indicator_ids: Iterable[str] = INDICATOR_IDS) -> list[str]:
    """Problems in a parsed gold file; the offset checks run only when ``text`` is given."""
    where = str(document.path)
    known = set(indicator_ids)
    problems: list[str] = []
    count = len(document.records)
    seen: dict[tuple[int, int, float, str, str], int] = {}
    for record in document.records:
        here = f"{where}: record {record.index} ({record.text!r})"
        if record.end <= record.start:
            problems.append(f"{here}: end {record.end} is not after start {record.start}")
        if text is not None and text[record.start:record.end] != record.text:
            problems.append(f"{here}: text[{record.start}:{record.end}] is "
                            f"{text[record.start:record.end]!r}")
        if record.indicator is not None and record.indicator not in known:
            problems.append(f"{here}: indicator {record.indicator!r} is not in the taxonomy")
        if record.part_of is not None and not (0 <= record.part_of < count
                                               and record.part_of != record.index):
            problems.append(f"{here}: part_of {record.part_of} is not another record's position")
        if record.rate_of is not None:
            for end in record.rate_of:
                if not (0 <= end < count and end != record.index):
                    problems.append(f"{here}: rate_of {list(record.rate_of)} points at no record")
            if record.kind != "rate":
                problems.append(f"{here}: has rate_of but kind is {record.kind!r}, not 'rate'")
        if record.implicit and (record.value != 0 or record.unit != ""):
            problems.append(f"{here}: an implicit zero needs value 0 and unit \"\"")
        key = (record.start, record.end, record.value, record.unit, record.label)
        if key in seen:
            problems.append(f"{here}: duplicates record {seen[key]} (same span, value, unit "
                            "and label)")
        seen.setdefault(key, record.index)
    for index, entity in enumerate(document.entities or []):
        if entity.end <= entity.start or (text is not None
                                          and text[entity.start:entity.end] != entity.text):
            held = text[entity.start:entity.end] if text is not None else ""
            problems.append(f"{where}: entity {index} ({entity.label} {entity.text!r}): "
                            f"text[{entity.start}:{entity.end}] is {held!r}")
    return problems


def source_candidates(document: GoldDocument, cwd: Path | None = None) -> list[Path]:
    """Where the gold file's ``source`` may be: as given (absolute or from the working folder),
    then from the gold folder's grandparent (the repository root for ``corpus/gold``) and parent."""
    if document.source is None:
        return []
    source = Path(document.source)
    if source.is_absolute():
        return [source]
    folder = document.path.resolve().parent
    bases = [cwd or Path.cwd(), folder.parent.parent, folder.parent]
    return [base / source for base in bases]


def source_text(document: GoldDocument, cwd: Path | None = None) -> str:
    """The text named by the gold file's ``source``; :class:`InputError` when it is not found."""
    if document.source is None:
        raise InputError(f"{document.path}: has no 'source'; give the documents with --docs DIR")
    for candidate in source_candidates(document, cwd):
        if candidate.is_file():
            return read_text(candidate)[0]
    tried = ", ".join(str(p) for p in source_candidates(document, cwd))
    raise InputError(f"{document.path}: source {document.source!r} not found (tried {tried})")


def read_docs_dir(path: str | Path) -> dict[str, str]:
    """``{id: text}`` from a folder of ``<id>.json`` files holding ``id`` and ``text``."""
    path = Path(path)
    if not path.is_dir():
        raise InputError(f"{path}: no such documents folder")
    texts: dict[str, str] = {}
    for file in sorted(path.glob("*.json")):
        try:
            data: Any = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(f"{file}: not a UTF-8 JSON document ({error})") from None
        if not (isinstance(data, dict) and isinstance(data.get("text"), str)):
            raise InputError(f"{file}: a document file needs a JSON object with a 'text' string")
        doc_id = data.get("id")
        texts[str(doc_id) if doc_id is not None else file.stem] = data["text"]
        texts.setdefault(file.stem, data["text"])
    return texts


def document_text(document: GoldDocument, docs: Mapping[str, str] | None,
                  cwd: Path | None = None) -> str:
    """The text a gold file annotates: from ``docs`` (by id) when given, else its ``source``."""
    if docs is not None:
        if document.id not in docs:
            raise InputError(f"{document.path}: no document with id {document.id!r} "
                             "in the documents folder")
        return docs[document.id]
    return source_text(document, cwd)
