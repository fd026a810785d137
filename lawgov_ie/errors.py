"""Errors a user of lawgov-ie can catch; each message names the problem and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def printable(text: str) -> str:
    """``text`` with what a terminal or UTF-8 cannot show (lone surrogates, control
    characters) written as escapes such as ``\\ud800``; everything else as it is."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else
                   ch.encode("unicode_escape").decode("ascii") for ch in text)


class LawgovError(Exception):
    """Base class of every error lawgov-ie raises on purpose."""


class ModelNotFoundError(LawgovError):
    """The pkuseg model is missing, broken or cannot be fetched."""


@dataclass(frozen=True)
class PatternProblem:
    """One thing wrong in one pattern file: where, which field, what."""

    path: Path
    line: int | None
    field: str | None
    message: str

    def __post_init__(self) -> None:  # what a pattern file holds may not be printable
        object.__setattr__(self, "message", printable(self.message))
        if self.field is not None:
            object.__setattr__(self, "field", printable(self.field))

    def __str__(self) -> str:
        path = printable(str(self.path))
        where = f"{path}:{self.line}" if self.line is not None else path
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.message}"


class PatternError(LawgovError):
    """One or more pattern files are wrong; ``problems`` lists each with its file and line."""

    def __init__(self, problems: list[PatternProblem]) -> None:
        self.problems = problems
        count = len(problems)
        head = "a pattern file is wrong" if count == 1 else f"{count} problems in pattern files"
        super().__init__(head + ":\n  " + "\n  ".join(str(p) for p in problems))


class InputError(LawgovError):
    """A document could not be read (unknown encoding, binary data, unreadable file)."""
