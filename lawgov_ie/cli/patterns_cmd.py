"""``lawgov-ie patterns check PATH...``, ``patterns list [--patterns PATH]``, ``patterns kinds``.

``check`` reads pattern files the way :func:`lawgov_ie.load` does — over the bundled ones, so
that overrides and switch-offs can be checked too — and prints every problem with file, line
and field, without building a pipeline. ``list`` prints the patterns in force and where each
came from. ``kinds`` prints the reference of every pattern kind and its fields, generated from
the pydantic models (``--markdown`` gives the tables of docs/patterns.md).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, TextIO

from lawgov_ie.errors import PatternProblem, printable
from lawgov_ie.rules import KINDS, PatternBase
from lawgov_ie.rules.files import (
    Origin,
    PatternSet,
    bundled_pattern_dir,
    collect,
    files_of,
    load_patterns,
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "patterns", help="check pattern files, list the patterns in force, describe the kinds",
        description="Work with pattern files (JSON Lines) without running the pipeline.")
    commands = parser.add_subparsers(dest="patterns_command", metavar="ACTION", required=True)

    check = commands.add_parser(
        "check", help="validate pattern files or folders (merged over the bundled ones)",
        description="Print every problem as FILE:LINE: field 'NAME': what is wrong. "
                    "Exit status 0 when all is well, 1 when a problem was found.")
    check.add_argument("paths", nargs="+", metavar="PATH", help="pattern files or folders")
    check.set_defaults(run=run_check)

    listing = commands.add_parser(
        "list", help="print the patterns in force: kind, id, origin, overrides, switch-offs")
    listing.add_argument("--patterns", action="append", default=None, metavar="PATH",
                         help="extra pattern files or folders merged over the bundled ones")
    listing.add_argument("--kind", action="append", default=None, choices=sorted(KINDS),
                         help="only patterns of this kind (repeatable)")
    listing.set_defaults(run=run_list)

    kinds = commands.add_parser("kinds", help="describe every pattern kind and its fields")
    kinds.add_argument("--markdown", action="store_true",
                       help="Markdown tables (the reference part of docs/patterns.md)")
    kinds.set_defaults(run=run_kinds)


def shown(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _where(origin: Origin) -> str:
    return f"{shown(origin.path)}:{origin.line}"


def _problem(problem: PatternProblem) -> str:
    where = printable(shown(problem.path)) + (f":{problem.line}" if problem.line is not None
                                              else "")
    what = f"field '{problem.field}': " if problem.field else ""
    return f"{where}: {what}{problem.message}"


def layers_for(paths: list[str] | None) -> list[Path]:
    """The bundled folder, then the user's paths (the bundled folder itself only once)."""
    bundled = bundled_pattern_dir()
    user = [Path(p).expanduser().resolve() for p in paths or []]
    return [bundled, *(p for p in user if p != bundled)]


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    layers = layers_for(args.paths)
    patterns, problems = collect(layers)
    for problem in problems:
        out.write(_problem(problem) + "\n")
    named = {Path(p).expanduser().resolve() for p in args.paths}
    files = {file for layer in layers if layer in named for file in _files(layer)}
    if problems:
        count = len(problems)
        out.write(f"{count} problem{'s' if count > 1 else ''} found\n")
        return 1
    own = [key for key, origin in patterns.origins.items() if origin.path in files]
    overrides = sum(1 for key in own if key in patterns.overridden)
    switched = sum(1 for origin in patterns.disabled.values() if origin.path in files)
    out.write(f"ok: {len(files)} file{'s' if len(files) != 1 else ''} checked; "
              f"{len(own) - overrides} pattern(s) added, {overrides} overridden, "
              f"{switched} disabled; {len(patterns)} patterns in force\n")
    return 0


def _files(layer: Path) -> list[Path]:
    return files_of(layer) if layer.exists() else []


def run_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    patterns = load_patterns(args.patterns)
    rows = listing_rows(patterns, set(args.kind or KINDS))
    widths = [max(_width(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell + " " * (width - _width(cell))
                 for cell, width in zip(row, widths, strict=False)]
        out.write(("  ".join(cells) + "  " + row[3]).rstrip() + "\n")
    return 0


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def listing_rows(patterns: PatternSet, kinds: set[str]) -> list[tuple[str, str, str, str]]:
    """One row per pattern in force, then one per switched-off pattern, under a header."""
    rows = [("KIND", "ID", "FROM", "STATUS")]
    for pattern in patterns:
        if pattern.kind not in kinds:
            continue
        key = (pattern.kind, pattern.id)
        replaced = patterns.overridden.get(key)
        status = "overrides " + ", ".join(_where(o) for o in replaced) if replaced else ""
        rows.append((pattern.kind, pattern.id, _where(patterns.origins[key]), status))
    for (kind, pattern_id), origin in patterns.disabled.items():
        if kind in kinds:
            was = patterns.disabled_was[(kind, pattern_id)]
            rows.append((kind, pattern_id, _where(origin), f"disabled (was {_where(was)})"))
    return rows


# --- the reference of kinds and fields, from the models' JSON schema -------------------------

COMMON = ("kind", "id", "disabled", "note")


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(_type(s) for s in options)
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        if "enum" in items:
            text = "list of values from " + ", ".join(f"`{v}`" for v in items["enum"])
        else:
            text = f"list of {_type(items)}"
        if schema.get("minItems"):
            text += f" (at least {schema['minItems']})"
        return text
    if kind == "string":
        if schema.get("format") == "regex":
            return "regex"
        return "text" + (" (not empty)" if schema.get("minLength") else "")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        return "integer" + (f" {low}–{high}" if low is not None and high is not None else "")
    if kind == "object":
        return "object"
    return {"number": "number", "boolean": "true/false"}.get(str(kind), str(kind or "any"))


def _rst(text: str) -> str:
    """reStructuredText literals (``x``) as Markdown code (`x`), on one line."""
    return re.sub(r"``([^`]+)``", r"`\1`", " ".join(text.split()))


def _default(schema: dict[str, Any], required: bool) -> str:
    if required:
        return "**required**"
    if "default" not in schema:
        return "empty"  # a default factory, e.g. an empty list
    value = schema["default"]
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value in ([], {}):
        return "empty"
    return f"`{value}`"


def _field_rows(model: type[PatternBase], names: list[str]) -> list[str]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    rows = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for name in names:
        field_schema = schema["properties"][name]
        meaning = _rst(field_schema.get("description", ""))
        rows.append(f"| `{name}` | {_type(field_schema)} | "
                    f"{_default(field_schema, name in required)} | {meaning} |")
    return rows


def reference_markdown() -> str:
    """The reference of every pattern kind, as in docs/patterns.md (generated, do not edit)."""
    lines = ["Every line has these fields:", ""]
    common = _field_rows(next(iter(KINDS.values())), list(COMMON[1:]))
    kind_row = "| `kind` | text | **required** | The kind of pattern: one of the headings below. |"
    lines += [*common[:2], kind_row, *common[2:]]
    by_module: dict[str, list[str]] = {}
    for kind, model in KINDS.items():
        by_module.setdefault(model.__module__, []).append(kind)
    for module in sorted(by_module):
        for kind in by_module[module]:
            model = KINDS[kind]
            doc = (model.__doc__ or "").strip()
            lines += ["", f"### `{kind}`", "",
                      f"Model `{model.__name__}` in `{module.replace('.', '/')}.py`.", ""]
            for paragraph in doc.split("\n\n") if doc else []:
                lines += [_rst(paragraph), ""]
            own = [name for name in model.model_fields if name not in COMMON]
            lines += _field_rows(model, own) if own else ["(no fields beyond the common ones)"]
    return "\n".join(lines) + "\n"


def run_kinds(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.markdown:
        out.write(reference_markdown())
        return 0
    for kind, model in sorted(KINDS.items()):
        schema = model.model_json_schema()
        required = set(schema.get("required", []))
        first = _rst((model.__doc__ or "").strip().split("\n\n")[0])
        out.write(f"{kind}: {first}\n")
        for name in model.model_fields:
            if name in COMMON:
                continue
            mark = " (required)" if name in required else ""
            out.write(f"    {name}: {_type(schema['properties'][name]).replace('`', '')}"
                      f"{mark}\n")
    return 0
