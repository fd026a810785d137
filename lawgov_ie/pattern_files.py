"""Read pattern files (JSON Lines) into validated pattern models, and merge user files over ours.

A pattern file is UTF-8 JSON Lines: one JSON object a line, each with a ``kind`` (see
:mod:`lawgov_ie.pattern_kinds`) and an ``id``. Blank lines and lines starting with ``#`` are
skipped. Files are read in layers: the bundled directory first, then every path the user gives,
in order. A later layer adds patterns, replaces one with the same kind and id, or switches one
off with ``"disabled": true``. Every problem is reported with its file, line and field.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from .errors import PatternError, PatternProblem
from .pattern_kinds import KINDS, PatternBase

PatternPaths = Sequence[str | os.PathLike[str]]
P = TypeVar("P", bound=PatternBase)
SUFFIX = ".jsonl"


def bundled_pattern_dir() -> Path:
    """The pattern files shipped with the package (a wheel) or kept in the source tree."""
    here = Path(__file__).resolve().parent
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
    """The merged patterns in force, by kind, in load order, with where each came from."""

    by_kind: dict[str, dict[str, PatternBase]] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    disabled: dict[tuple[str, str], Origin] = field(default_factory=dict)
    layers: list[Path] = field(default_factory=list)

    def of(self, kind: str, model: type[P] | None = None) -> list[P]:
        """Patterns of ``kind`` in load order (the model type narrows the result for mypy)."""
        return list(self.by_kind.get(kind, {}).values())  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[PatternBase]:
        for patterns in self.by_kind.values():
            yield from patterns.values()


def files_of(path: Path) -> list[Path]:
    """The pattern files a path stands for: itself, or the ``*.jsonl`` files below a folder."""
    if path.is_dir():
        return sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
    return [path]


def _field_of(loc: tuple[int | str, ...]) -> str | None:
    parts = [str(part) for part in loc if not str(part).startswith("function-")]
    if parts and parts[0] in KINDS:  # discriminator level in some pydantic messages
        parts = parts[1:]
    return ".".join(parts) or None


def parse_line(text: str, path: Path, line: int) -> tuple[PatternBase | None, list[PatternProblem]]:
    """Parse and validate one line; return the pattern or the problems found."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [PatternProblem(path, line, None, f"invalid JSON: {error.msg} "
                                                      f"(column {error.colno})")]
    if not isinstance(data, dict):
        return None, [PatternProblem(path, line, None, "a pattern line must be a JSON object")]
    kind = data.get("kind")
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        return None, [PatternProblem(path, line, "kind", f"unknown kind {kind!r}; known: {known}")]
    if data.get("disabled") is True and set(data) <= {"kind", "id", "disabled", "note"}:
        model = KINDS[kind]
        return model.model_construct(**data), []  # a switch-off line needs no other fields
    try:
        return KINDS[kind].model_validate(data), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            message = item["msg"]
            if item["type"] == "extra_forbidden":
                message = "unknown field"
            problems.append(PatternProblem(path, line, _field_of(item["loc"]), message))
        return None, problems


def read_file(path: Path) -> tuple[list[tuple[PatternBase, Origin]], list[PatternProblem]]:
    """All patterns of one file with their origins, and every problem in it."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [PatternProblem(path, None, None, "no such file or directory")]
    except UnicodeDecodeError as error:
        return [], [PatternProblem(path, None, None, f"not UTF-8 text ({error.reason})")]
    except OSError as error:
        return [], [PatternProblem(path, None, None, f"cannot read: {error.strerror}")]
    patterns: list[tuple[PatternBase, Origin]] = []
    problems: list[PatternProblem] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        pattern, found = parse_line(text, path, number)
        problems.extend(found)
        if pattern is not None:
            patterns.append((pattern, Origin(path, number)))
    return patterns, problems


def read_layer(path: Path) -> tuple[list[tuple[PatternBase, Origin]], list[PatternProblem]]:
    """One layer (a file, or a folder of files); an id twice in one layer is an error."""
    if not path.exists():
        return [], [PatternProblem(path, None, None, "no such file or directory")]
    patterns: list[tuple[PatternBase, Origin]] = []
    problems: list[PatternProblem] = []
    seen: dict[tuple[str, str], Origin] = {}
    for file in files_of(path):
        found, file_problems = read_file(file)
        problems.extend(file_problems)
        for pattern, origin in found:
            key = (pattern.kind, pattern.id)
            if key in seen:
                problems.append(PatternProblem(
                    origin.path, origin.line, "id",
                    f"duplicate id {pattern.id!r} of kind {pattern.kind!r}"
                    f" (first at {seen[key]})"))
                continue
            seen[key] = origin
            patterns.append((pattern, origin))
    return patterns, problems


def merge(layers: Sequence[Path]) -> PatternSet:
    """Read the layers in order and merge them; raise :class:`PatternError` on any problem."""
    result = PatternSet(layers=list(layers))
    problems: list[PatternProblem] = []
    for layer in layers:
        patterns, layer_problems = read_layer(layer)
        problems.extend(layer_problems)
        for pattern, origin in patterns:
            key = (pattern.kind, pattern.id)
            bucket = result.by_kind.setdefault(pattern.kind, {})
            if pattern.disabled:
                bucket.pop(pattern.id, None)
                result.origins.pop(key, None)
                result.disabled[key] = origin
                continue
            bucket.pop(pattern.id, None)  # an override moves to the end of the load order
            bucket[pattern.id] = pattern
            result.origins[key] = origin
            result.disabled.pop(key, None)
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
