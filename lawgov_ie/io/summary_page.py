"""One self-contained HTML page about a corpus of reports (pure Python: no pandas, no scripts,
no outside files; charts are inline SVG).

The page shows how many reports there are by administrative level, year and place; for each
indicator how many reports state it and the distribution of their headline figures
(:mod:`lawgov_ie.dataset.headline`), a small chart each; every failed consistency check, linked
to the report's ``show`` page; and the reports whose place or year could not be read. Every
piece of report text is escaped: reports are untrusted input.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from lawgov_ie.dataset.headline import Headline, headlines
from lawgov_ie.dataset.tables import place_facts, place_key
from lawgov_ie.dataset.units import ORDER
from lawgov_ie.io.page import BASE_CSS, html_document
from lawgov_ie.io.writers import format_value
from lawgov_ie.models import Report

_CSS = BASE_CSS + """
body { max-width: 72em; line-height: 1.6; }
table { width: auto; }
th, td { vertical-align: middle; }
.row { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
svg.chart { display: block; }
table.checks td:first-child, table.unread td:first-child { white-space: nowrap; }
svg.chart text { font-size: 11px; fill: #333; }
"""
_BAR = "#4e79a7"
_DOT = "#e15759"


@dataclass
class PageReport:
    """A report on the page: its id, the report, and the relative link to its ``show`` page
    (None when there is none)."""

    id: str
    report: Report
    link: str | None = None


def page_name(doc_id: str) -> str:
    """A file name for the ``show`` page of the report ``doc_id`` (2023/huqiu#2 →
    2023_huqiu_2.html): letters, digits, CJK characters, ``.``, ``-`` and ``_`` kept."""
    name = re.sub(r"[^\w.\-]+", "_", doc_id, flags=re.UNICODE).strip("._") or "report"
    return name[:120] + ".html"


def _href(link: str) -> str:
    return escape(quote(link, safe="/#"))


def _report_cell(item: PageReport) -> str:
    shown = escape(item.id)
    if item.link is None:
        return shown
    return f'<a href="{_href(item.link)}">{shown}</a>'


def bar_chart(items: Sequence[tuple[str, int]], *, name: str, width: int = 320) -> str:
    """Horizontal bars, one per (label, count)."""
    if not items:
        return '<p class="muted">none</p>'
    row, label_width = 18, 110
    top = max(count for _, count in items) or 1
    span = width - label_width - 40
    parts = [f'<svg class="chart" data-chart="{escape(name)}" role="img" width="{width}" '
             f'height="{row * len(items) + 4}" viewBox="0 0 {width} {row * len(items) + 4}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(name)}</title>']
    for number, (label, count) in enumerate(items):
        y = number * row + 2
        length = max(1.0, span * count / top)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">'
            f"{escape(_cut(label, 9))}</text>"
            f'<rect x="{label_width}" y="{y + 2}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{_BAR}"><title>{escape(label)}: {count}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 12}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def strip_chart(points: Sequence[tuple[float, str]], *, name: str, percent: bool,
                width: int = 300) -> str:
    """Every value as a dot on one axis (a log scale for counts spanning more than a factor
    of 20, linear 0–100 for rates), the median as a tick, the smallest and largest written
    under the axis. Hovering a dot shows its report."""
    height, left, right = 46, 10, 10
    values = [v for v, _ in points]
    low, high = (0.0, max(100.0, *values)) if percent else (min(0.0, *values), max(values))
    logarithmic = not percent and low >= 0 and high > 20 * max(1.0, _positive_min(values))

    def scale(value: float) -> float:
        if high == low:
            return 0.5
        if logarithmic:
            return math.log1p(value - low) / math.log1p(high - low)
        return (value - low) / (high - low)

    def x(value: float) -> float:
        return left + scale(value) * (width - left - right)

    median = statistics.median(values)
    parts = [f'<svg class="chart" data-chart="{escape(name)}" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(name)}</title>'
             f'<line x1="{left}" y1="22" x2="{width - right}" y2="22" stroke="#999"/>'
             f'<line x1="{x(median):.1f}" y1="8" x2="{x(median):.1f}" y2="30" stroke="#333" '
             f'stroke-width="2"><title>median {format_value(median)}</title></line>']
    for number, (value, tip) in enumerate(points):
        jitter = (number % 5 - 2) * 2.5
        parts.append(f'<circle cx="{x(value):.1f}" cy="{22 + jitter:.1f}" r="4" fill="{_DOT}" '
                     f'fill-opacity="0.7"><title>{escape(tip)}</title></circle>')
    scale_name = "log" if logarithmic else "linear"
    parts.append(f'<text x="{left}" y="{height - 2}">{escape(_number(low, percent))}</text>'
                 f'<text x="{width // 2}" y="{height - 2}" text-anchor="middle" '
                 f'fill="#888">{scale_name}</text>'
                 f'<text x="{width - right}" y="{height - 2}" text-anchor="end">'
                 f"{escape(_number(high, percent))}</text></svg>")
    return "".join(parts)


def _positive_min(values: Sequence[float]) -> float:
    positive = [v for v in values if v > 0]
    return min(positive) if positive else 1.0


def _number(value: float, percent: bool) -> str:
    return format_value(round(value, 2)) + ("%" if percent else "")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], *, cls: str = "") -> str:
    """A table; ``head`` is escaped here, each cell of ``rows`` is HTML already."""
    if not rows:
        return '<p class="muted">none</p>'
    top = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f'<table class="{escape(cls)}"><tr>{top}</tr>{body}</table>'


def _td(text: object, *, num: bool = False) -> str:
    return f'<td{" class=num" if num else ""}>{escape(str(text))}</td>'


def _reports_section(items: Sequence[PageReport]) -> str:
    levels = Counter(item.report.meta.admin_level or "?" for item in items)
    years = Counter(str(item.report.meta.year) if item.report.meta.year else "?"
                    for item in items)
    by_level = sorted(levels.items(), key=lambda pair: (-pair[1], pair[0]))
    by_year = sorted(years.items())
    places: dict[str, dict[str, object]] = {}
    for item in items:
        meta = item.report.meta
        key = place_key(meta) or "?"
        entry = places.setdefault(key, {"place": meta.place or "?",
                                        "level": meta.admin_level or "?",
                                        "years": Counter()})
        counter = entry["years"]
        assert isinstance(counter, Counter)
        counter[str(meta.year) if meta.year else "?"] += 1
    year_names = [name for name, _ in by_year]
    rows = []
    for key, entry in sorted(places.items()):
        counter = entry["years"]
        assert isinstance(counter, Counter)
        rows.append([_td(entry["place"]), _td(entry["level"]), _td(key)]
                    + [_td(counter.get(y, "") or "", num=True) for y in year_names])
    return (f'<div class="row"><div><h3>By level</h3>{bar_chart(by_level, name="level")}</div>'
            f'<div><h3>By year</h3>{bar_chart(by_year, name="year")}</div></div>'
            f"<h3>By place ({len(places)} places)</h3>"
            + _table(["place", "level", "place key", *year_names], rows, cls="places"))


def _indicator_section(items: Sequence[PageReport],
                       heads: dict[str, list[tuple[PageReport, Headline]]]) -> str:
    total = len(items)
    order = [i for i in ORDER if i in heads] + sorted(set(heads) - set(ORDER))
    rows = []
    for indicator in order:
        found = heads[indicator]
        units = Counter(head.unit for _, head in found)
        main_unit = units.most_common(1)[0][0]
        shown = [(head.value, f"{item.id}: {format_value(head.value)}{head.unit}"
                  f"{' (ambiguous)' if head.ambiguous else ''}")
                 for item, head in found if head.unit == main_unit]
        values = [v for v, _ in shown]
        chart = strip_chart(shown, name=indicator, percent=main_unit == "%")
        others = ", ".join(f"{unit}: {n}" for unit, n in units.items() if unit != main_unit)
        rows.append([
            _td(indicator), _td(f"{len(found)} / {total}", num=True),
            _td(main_unit + (f" (also {others})" if others else "")),
            _td(sum(head.ambiguous for _, head in found), num=True),
            _td(format_value(min(values)), num=True),
            _td(format_value(statistics.median(values)), num=True),
            _td(format_value(max(values)), num=True), f"<td>{chart}</td>"])
    return _table(["indicator", "reports", "unit", "ambiguous", "min", "median", "max",
                   "headline values (one dot a report, in the main unit)"], rows,
                  cls="indicators")


def _checks_section(items: Sequence[PageReport]) -> tuple[int, str]:
    rows = []
    for item in items:
        meta = item.report.meta
        for record in item.report.records:
            for check in record.checks:
                rows.append([
                    f"<td>{_report_cell(item)}</td>", _td(meta.place or "?"),
                    _td(meta.year or "?"), _td(record.id), _td(record.indicator or "—"),
                    _td(f"{format_value(record.value)}{record.unit}", num=True),
                    f'<td class="check">{escape(check.code)}</td>', _td(check.message),
                    _td(_cut(record.sentence or record.text, 80))])
    table = _table(["report", "place", "year", "record", "indicator", "value", "check",
                    "message", "sentence"], rows, cls="checks")
    return len(rows), table


def _unread_section(items: Sequence[PageReport]) -> tuple[int, str]:
    rows = []
    for item in items:
        meta = item.report.meta
        missing = [name for name, value in (("place", meta.place), ("year", meta.year))
                   if not value]
        if missing:
            rows.append([f"<td>{_report_cell(item)}</td>", _td(" and ".join(missing)),
                         _td(meta.source or ""), _td(meta.title or "")])
    return len(rows), _table(["report", "not read", "source", "title"], rows, cls="unread")


def render_summary(items: Sequence[PageReport], *,
                   title: str = "lawgov-ie corpus summary") -> str:
    """The whole page for ``items``."""
    heads: dict[str, list[tuple[PageReport, Headline]]] = defaultdict(list)
    for item in items:
        for head in headlines(item.report):
            heads[head.indicator].append((item, head))
    checks, checks_table = _checks_section(items)
    unread, unread_table = _unread_section(items)
    records = sum(len(item.report.records) for item in items)
    hierarchy = sum(any(place_facts(item.report.meta)[name]
                        for name in ("province", "city", "county")) for item in items)
    counts = (f"{len(items)} reports · {records} records · {len(heads)} indicators stated · "
              f"{checks} failed checks · {unread} reports without place or year · "
              f"{hierarchy} placed in the province/city/county hierarchy")
    return html_document(title, _CSS, f"""<h1>{escape(title)}</h1>
<p class="muted">{escape(counts)}</p>
<h2 id="reports">Reports</h2>
{_reports_section(items)}
<h2 id="indicators">Indicators</h2>
<p class="muted">Headline figures (docs/panel.md): per report and indicator, the total of the
report's own year from its achievements, in the indicator's unit.</p>
{_indicator_section(items, heads)}
<h2 id="checks">Failed consistency checks ({checks})</h2>
{checks_table}
<h2 id="unread">Place or year not read ({unread})</h2>
{unread_table}""")
