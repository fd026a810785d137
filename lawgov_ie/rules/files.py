"""Read pattern files (JSON Lines) into validated pattern models, and merge user files over ours.

A pattern file is UTF-8 JSON Lines: one JSON object a line, each with a ``kind`` (see
:mod:`lawgov_ie.rules`) and an ``id``. Blank lines and lines starting with ``#`` are
skipped. Files are read in layers: the bundled directory first, then every path the user gives,
in order. A later layer adds patterns, replaces one with the same kind and id, or switches one
off with ``"disabled": true``. Every problem is reported with its file, line and field, and all
problems of all files are gathered before :class:`~lawgov_ie.errors.PatternError` is raised.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from lawgov_ie.errors import PatternError, PatternProblem
from lawgov_ie.rules import KINDS, PatternBase

PatternPaths = Sequence[str | os.PathLike[str]]
P = TypeVar("P", bound=PatternBase)
SUFFIX = ".jsonl"
MAX_FILE_BYTES = 10_000_000
"""A pattern file larger than this (10 MB; the bundled ones together are ~100 kB) is refused."""
MAX_DEPTH = 20
"""How deep ``[`` and ``{`` may nest in one line (a pattern line needs 3 or 4)."""


def bundled_pattern_dir() -> Path:
    """The pattern files shipped with the package (a wheel) or kept in the source tree."""
    here = Path(__file__).resolve().parent.parent  # the lawgov_ie package
    for candidate in (here / "data" / "patterns", here.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled pattern files not found next to {here}")


@dataclass(frozen=True)
class Origin:
    """Where a pattern line came from."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class PatternSet:
    """The merged patterns in force, by kind, in load order, with where each came from.

    ``origins`` says where each pattern in force was read; ``overridden`` lists, for a pattern a
    later file replaced, the places of the lines it replaced (oldest first); ``disabled`` says
    where a pattern was switched off, and ``disabled_was`` where the line it switched off was.
    """

    by_kind: dict[str, dict[str, PatternBase]] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    overridden: dict[tuple[str, str], list[Origin]] = field(default_factory=dict)
    disabled: dict[tuple[str, str], Origin] = field(default_factory=dict)
    disabled_was: dict[tuple[str, str], Origin] = field(default_factory=dict)
    layers: list[Path] = field(default_factory=list)

    def of(self, kind: str, model: type[P] | None = None) -> list[P]:
        """Patterns of ``kind`` in load order (the model type narrows the result for mypy)."""
        return list(self.by_kind.get(kind, {}).values())  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[PatternBase]:
        for patterns in self.by_kind.values():
            yield from patterns.values()

    def __len__(self) -> int:
        return sum(len(patterns) for patterns in self.by_kind.values())


def files_of(path: Path) -> list[Path]:
    """The pattern files a path stands for: itself, or the ``*.jsonl`` files below a folder."""
    if path.is_dir():
        return sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
    return [path]


def _field_of(loc: tuple[int | str, ...]) -> str | None:
    """A pydantic error location as a field path: ``triggers[0]``, ``tokens[2].LOWER``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif str(part).startswith("function-"):
            continue  # a validator level in some pydantic locations
        else:
            text += f".{part}" if text else str(part)
    return text or None


class _DuplicateKey(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(key)
        data[key] = value
    return data


def _message(item: Any, model: type[PatternBase]) -> str:
    """A pydantic error in the words of a person editing a pattern file."""
    kind, message = item["type"], str(item["msg"])
    if kind == "extra_forbidden":
        name = str(item["loc"][-1])
        known = [f for f in model.model_fields if f != "kind"]
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"unknown field; {hint}fields of kind '{model.kind_name}': {', '.join(known)}"
    if kind == "missing":
        return "required field is missing"
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if kind != "value_error" and "input" in item and not isinstance(item["input"], (dict, list)):
        message += f" (got {json.dumps(item['input'], ensure_ascii=False)})"
    return message


def nesting_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest in a JSON line (outside strings), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_line(text: str, path: Path, line: int) -> tuple[PatternBase | None, list[PatternProblem]]:
    """Parse and validate one line; return the pattern or the problems found."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        return None, [PatternProblem(path, line, None, f"[ and {{ nest {depth} levels deep; a "
                                                      f"pattern line may nest {MAX_DEPTH}")]
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except RecursionError:
        return None, [PatternProblem(path, line, None, "nested too deeply to be read")]
    except json.JSONDecodeError as error:
        return None, [PatternProblem(path, line, None, f"invalid JSON: {error.msg} "
                                                      f"(column {error.colno})")]
    except _DuplicateKey as error:
        return None, [PatternProblem(path, line, str(error), "field given twice on one line")]
    if not isinstance(data, dict):
        return None, [PatternProblem(path, line, None, "a pattern line must be a JSON object")]
    known = ", ".join(sorted(KINDS))
    if "kind" not in data:
        return None, [PatternProblem(path, line, "kind", f"required field is missing; "
                                                         f"known kinds: {known}")]
    kind = data["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        return None, [PatternProblem(path, line, "kind", f"unknown kind {kind!r}; "
                                                         f"known kinds: {known}")]
    model = KINDS[kind]
    if data.get("disabled") is True:
        return _switch_off(model, data, path, line)
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, [PatternProblem(path, line, _field_of(item["loc"]), _message(item, model))
                      for item in error.errors()]


def _switch_off(model: type[PatternBase], data: dict[str, Any], path: Path,
                line: int) -> tuple[PatternBase | None, list[PatternProblem]]:
    """A ``"disabled": true`` line needs only kind and id; other fields must still exist."""
    problems = [PatternProblem(path, line, name, _message(
        {"type": "extra_forbidden", "loc": (name,), "msg": ""}, model))
        for name in data if name not in model.model_fields]
    pattern_id = data.get("id")
    if not isinstance(pattern_id, str) or not pattern_id:
        problems.append(PatternProblem(path, line, "id", "a disabled line needs the id of the "
                                                         "pattern it switches off"))
    if problems:
        return None, problems
    return model.model_construct(**data), []


Key = tuple[str, str]


@dataclass
class FileContent:
    """What one pattern file holds: its valid patterns, its problems, and the (kind, id) each
    line claims — also of lines that are otherwise wrong, so that duplicates are still found."""

    patterns: list[tuple[PatternBase, Origin]] = field(default_factory=list)
    problems: list[PatternProblem] = field(default_factory=list)
    claims: list[tuple[Key, Origin]] = field(default_factory=list)


def _claim(text: str) -> Key | None:
    if nesting_depth(text) > MAX_DEPTH:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict) and isinstance(data.get("kind"), str) \
            and isinstance(data.get("id"), str):
        return data["kind"], data["id"]
    return None


def read_file(path: Path) -> FileContent:
    """All patterns of one file with their origins, and every problem in it."""
    content = FileContent()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            content.problems.append(PatternProblem(
                path, None, None, f"the file is {size / 1e6:.1f} MB; a pattern file may hold "
                                  f"{MAX_FILE_BYTES / 1e6:.0f} MB (split it, or leave out what "
                                  "the bundled files already say)"))
            return content
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        content.problems.append(PatternProblem(path, None, None, "no such file or directory"))
        return content
    except UnicodeDecodeError as error:
        content.problems.append(PatternProblem(
            path, None, None, f"not UTF-8 text ({error.reason} at byte {error.start})"))
        return content
    except OSError as error:
        content.problems.append(PatternProblem(path, None, None,
                                               f"cannot read: {error.strerror}"))
        return content
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, found = parse_line(line, path, number)
        content.problems.extend(found)
        origin = Origin(path, number)
        if pattern is not None:
            content.patterns.append((pattern, origin))
            content.claims.append(((pattern.kind, pattern.id), origin))
        elif (key := _claim(line)) is not None:
            content.claims.append((key, origin))
    return content


def read_layer(path: Path) -> tuple[list[tuple[PatternBase, Origin]], list[PatternProblem]]:
    """One layer (a file, or a folder of files); an id twice in one layer is an error."""
    if not path.exists():
        return [], [PatternProblem(path, None, None, "no such file or directory")]
    files = files_of(path)
    if not files:
        return [], [PatternProblem(path, None, None, f"no pattern files (*{SUFFIX}) in this "
                                                     "folder")]
    patterns: list[tuple[PatternBase, Origin]] = []
    problems: list[PatternProblem] = []
    first: dict[Key, Origin] = {}
    for file in files:
        content = read_file(file)
        problems.extend(content.problems)
        for key, origin in content.claims:
            if key in first:
                earlier = first[key]
                where = f"line {earlier.line}" if earlier.path == origin.path else str(earlier)
                problems.append(PatternProblem(
                    origin.path, origin.line, "id",
                    f"duplicate id {key[1]!r} of kind {key[0]!r} (first at {where}); "
                    "to replace a pattern of an earlier folder, give its id in a later one"))
            else:
                first[key] = origin
        patterns.extend((pattern, origin) for pattern, origin in content.patterns
                        if first[(pattern.kind, pattern.id)] == origin)
    return patterns, problems


def collect(layers: Sequence[Path]) -> tuple[PatternSet, list[PatternProblem]]:
    """Read the layers in order and merge them; return the result and every problem found."""
    result = PatternSet(layers=list(layers))
    problems: list[PatternProblem] = []
    for layer in layers:
        patterns, layer_problems = read_layer(layer)
        for pattern, origin in patterns:
            key = (pattern.kind, pattern.id)
            bucket = result.by_kind.setdefault(pattern.kind, {})
            if pattern.disabled:
                if key not in result.origins:
                    layer_problems.append(PatternProblem(
                        origin.path, origin.line, "id",
                        f"nothing to disable: no earlier pattern file has kind {pattern.kind!r} "
                        f"with id {pattern.id!r}"))
                    continue
                bucket.pop(pattern.id)
                result.disabled_was[key] = result.origins.pop(key)
                result.disabled[key] = origin
                continue
            if key in result.origins:
                result.overridden.setdefault(key, []).append(result.origins[key])
            elif key in result.disabled:
                result.overridden.setdefault(key, []).append(result.disabled_was.pop(key))
                del result.disabled[key]
            bucket.pop(pattern.id, None)  # an override moves to the end of the load order
            bucket[pattern.id] = pattern
            result.origins[key] = origin
        problems.extend(sorted(layer_problems, key=lambda p: (str(p.path), p.line or 0)))
    return result, problems


def merge(layers: Sequence[Path]) -> PatternSet:
    """Read the layers in order and merge them; raise :class:`PatternError` on any problem."""
    result, problems = collect(layers)
    if problems:
        raise PatternError(problems)
    return result


def normalise_paths(paths: PatternPaths | str | os.PathLike[str] | None) -> tuple[str, ...]:
    """User pattern paths as a hashable tuple of absolute path strings."""
    if paths is None:
        return ()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return tuple(str(Path(p).expanduser().resolve()) for p in paths)


def _stamp(paths: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    stamps = []
    for path in paths:
        for file in files_of(Path(path)):
            try:
                stamps.append((str(file), file.stat().st_mtime))
            except OSError:
                stamps.append((str(file), -1.0))
    return tuple(stamps)


@lru_cache(maxsize=16)
def _load_cached(paths: tuple[str, ...], stamps: tuple[tuple[str, float], ...]) -> PatternSet:
    return merge([bundled_pattern_dir(), *(Path(p) for p in paths)])


def load_patterns(paths: PatternPaths | str | os.PathLike[str] | None = None) -> PatternSet:
    """The bundled patterns with the user's files or folders merged over them (cached)."""
    normal = normalise_paths(paths)
    return _load_cached(normal, _stamp((str(bundled_pattern_dir()), *normal)))
