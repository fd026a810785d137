"""Render a report as one self-contained HTML page a person can read (pure Python, no spaCy).

The page shows the document facts, an outline of the sections, the report text with
displaCy-style highlights — records (each linked to its row) and entities (ORG, PERSON, GPE,
LAW, DATE, DOC_NO …) — and, under the text, a table of the records: value, unit, kind, label,
indicator, section and the consistency checks. Where a record and an entity overlap, the record
is marked and the entity is not; records that share their text share one mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from lawgov_ie.models import Entity, Record, Report

# displaCy's colours where it has the label; the rest in the same spirit.
ENTITY_COLOURS: dict[str, str] = {
    "ORG": "#7aecec", "PERSON": "#aa9cfc", "GPE": "#feca74", "LAW": "#ff9561",
    "DATE": "#bfe1d9", "DOC_NO": "#e4e7d2",
}
_OTHER_COLOUR = "#ddd"
_RECORD_COLOUR = "#ffe066"
_CHECKED_COLOUR = "#ff8c8c"

BASE_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
       "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 64em; color: #222;
       line-height: 1.9; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; line-height: 1.5; }
th, td { border: 1px solid #ddd; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #888; }
.check { color: #a00; }
"""
"""The style the pages of lawgov-ie share (this one and the corpus summary)."""

_CSS = BASE_CSS + """
table.facts th { width: 8em; }
.text { white-space: pre-wrap; border: 1px solid #e5e5e5; padding: 1em 1.2em;
        background: #fcfcfc; }
mark { padding: .1em .3em; margin: 0 .1em; border-radius: .35em; line-height: 1;
       box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark .tag { font-size: .62em; font-weight: bold; line-height: 1; border-radius: .35em;
            text-transform: uppercase; vertical-align: middle; margin-left: .4em; color: #333; }
mark.record { border: 1px solid #c9a400; }
mark.record.checked { border-color: #c00; }
mark.record a { color: inherit; text-decoration: none; }
.legend span { display: inline-block; padding: 0 .5em; margin-right: .5em; border-radius: .35em;
               font-size: .85em; }
.outline { font-size: .9em; line-height: 1.6; }
.kind { font-size: .75em; color: #555; background: #eee; border-radius: .3em; padding: 0 .3em; }
"""


@dataclass
class _Mark:
    start: int
    end: int
    records: list[Record] = field(default_factory=list)
    entity: Entity | None = None


def _record_marks(records: Sequence[Record]) -> list[_Mark]:
    """Records grouped into non-overlapping marks (records that overlap share one)."""
    marks: list[_Mark] = []
    for record in sorted(records, key=lambda r: (r.start, -r.end)):
        if record.end <= record.start:
            continue
        if marks and record.start < marks[-1].end:
            marks[-1].records.append(record)
            marks[-1].end = max(marks[-1].end, record.end)
        else:
            marks.append(_Mark(record.start, record.end, [record]))
    return marks


def _marks(report: Report, text_length: int) -> list[_Mark]:
    marks = _record_marks([r for r in report.records if r.start >= 0 and r.end <= text_length])
    taken = bytearray(text_length + 1)
    for mark in marks:
        taken[mark.start:mark.end] = b"\x01" * (mark.end - mark.start)
    for entity in sorted(report.entities, key=lambda e: (e.start, -e.end)):
        if not (0 <= entity.start < entity.end <= text_length):
            continue
        if any(taken[entity.start:entity.end]):
            continue
        taken[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
        marks.append(_Mark(entity.start, entity.end, entity=entity))
    return sorted(marks, key=lambda m: m.start)


def _mark_html(text: str, mark: _Mark) -> str:
    inner = escape(text[mark.start:mark.end])
    if mark.entity is not None:
        label = mark.entity.label
        colour = ENTITY_COLOURS.get(label, _OTHER_COLOUR)
        return (f'<mark class="entity" data-label="{escape(label)}" style="background: {colour}"'
                f' title="{escape(label)}">{inner}<span class="tag">{escape(label)}</span></mark>')
    ids = [r.id for r in mark.records]
    checked = any(r.checks for r in mark.records)
    colour = _CHECKED_COLOUR if checked else _RECORD_COLOUR
    tip = "; ".join(f"{r.id}: {r.label or '?'} = {r.value:g}{r.unit}"
                    f"{' → ' + r.indicator if r.indicator else ''}" for r in mark.records)
    tags = " ".join(ids)
    return (f'<mark class="record{" checked" if checked else ""}" data-records="{escape(tags)}"'
            f' id="m-{escape(ids[0])}" style="background: {colour}" title="{escape(tip)}">'
            f'<a href="#{escape(ids[0])}">{inner}<span class="tag">{escape(tags)}</span></a>'
            f"</mark>")


def highlighted_text(text: str, report: Report) -> str:
    """The report text as HTML with its records and entities marked."""
    parts: list[str] = []
    position = 0
    for mark in _marks(report, len(text)):
        parts.append(escape(text[position:mark.start]))
        parts.append(_mark_html(text, mark))
        position = mark.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _facts_html(report: Report) -> str:
    meta = report.meta
    place = meta.place or ""
    if place and meta.admin_level:
        place += f" ({meta.admin_level})"
    rows = [("标题 title", meta.title), ("发文单位 issuer", meta.issuer), ("地方 place", place),
            ("年度 year", str(meta.year) if meta.year is not None else None),
            ("日期 date", meta.date), ("文号 doc number", meta.doc_number),
            ("主送 recipients", "、".join(meta.recipients)), ("抄送 cc", "、".join(meta.cc)),
            ("签发人 signers", "、".join(meta.signers)), ("来源 source", meta.source)]
    cells = []
    for name, value in rows:
        shown = escape(value) if value else '<span class="muted">—</span>'
        cells.append(f"<tr><th>{escape(name)}</th><td>{shown}</td></tr>")
    return f'<table class="facts">{"".join(cells)}</table>'


def _legend_html(report: Report) -> str:
    labels = sorted({e.label for e in report.entities})
    items = [f'<span style="background: {_RECORD_COLOUR}">record</span>',
             f'<span style="background: {_CHECKED_COLOUR}">record with a check</span>']
    items += [f'<span style="background: {ENTITY_COLOURS.get(label, _OTHER_COLOUR)}">'
              f"{escape(label)}</span>" for label in labels]
    return f'<p class="legend">{"".join(items)}</p>'


def _outline_html(report: Report) -> str:
    if not report.sections:
        return '<p class="muted">No headings found.</p>'
    items = "".join(
        f'<div style="margin-left: {(s.level - 1) * 1.5}em">{escape(s.title)} '
        f'<span class="kind">{escape(s.kind)}</span></div>' for s in report.sections)
    return f'<div class="outline">{items}</div>'


def records_table_html(records: Sequence[Record]) -> str:
    """The table of records: value, unit, kind, label, indicator, section (its innermost heading;
    the whole path shows on hover), links and checks."""
    head = ("<tr><th>id</th><th>text</th><th>value</th><th>unit</th><th>kind</th>"
            "<th>label</th><th>indicator</th><th>section</th><th>links</th><th>checks</th></tr>")
    rows = []
    for r in records:
        links = []
        if r.part_of:
            links.append(f'part of <a href="#{escape(r.part_of)}">{escape(r.part_of)}</a>')
        if r.rate_of:
            links.append("rate of " + " / ".join(f'<a href="#{escape(i)}">{escape(i)}</a>'
                                                 for i in r.rate_of))
        checks = "<br>".join(f'<span class="check">{escape(c.code)}</span>: {escape(c.message)}'
                             for c in r.checks)
        section = " › ".join(r.section)
        rows.append(
            f'<tr id="{escape(r.id)}" class="record-row" data-record="{escape(r.id)}">'
            f'<td><a href="#m-{escape(r.id)}">{escape(r.id)}</a></td>'
            f"<td>{escape(r.text)}</td><td class=num>{r.value:g}</td><td>{escape(r.unit)}</td>"
            f"<td>{escape(r.kind)}{' · ' + escape(r.qualifier) if r.qualifier != 'exact' else ''}"
            f"</td><td>{escape(r.label)}</td><td>{escape(r.indicator or '—')}</td>"
            f'<td title="{escape(section)}">{escape(r.section[-1] if r.section else "")} '
            f'<span class="kind">{escape(r.section_kind)}</span></td>'
            f"<td>{'<br>'.join(links)}</td><td>{checks}</td></tr>")
    return f'<table class="records">{head}{"".join(rows)}</table>'


def render_page(text: str, report: Report, *, heading: str | None = None) -> str:
    """A whole HTML page for ``report``, extracted from ``text``."""
    meta = report.meta
    facts = " ".join(str(part) for part in (meta.place, meta.year) if part)
    title = heading or meta.title or (f"{facts} 法治政府建设情况" if facts else None) \
        or meta.source or "lawgov-ie report"
    counts = (f"{len(report.records)} records · {len(report.entities)} entities · "
              f"{len(report.sections)} sections")
    return html_document(title, _CSS, f"""<h1>{escape(title)}</h1>
<p class="muted">{counts}</p>
{_facts_html(report)}
<h2>Sections</h2>
{_outline_html(report)}
<h2>Text</h2>
{_legend_html(report)}
<div class="text" id="report-text">{highlighted_text(text, report)}</div>
<h2>Records</h2>
{records_table_html(report.records)}""")


def html_document(title: str, css: str, body: str) -> str:
    """A whole self-contained page: ``title`` (escaped here), a style sheet, the body's HTML."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{css}</style>
</head>
<body>
{body}
</body>
</html>
"""
