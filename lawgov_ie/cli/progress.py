"""A progress bar on standard error, shown only when it is a terminal.

Uses tqdm (installed with spaCy); without it, a one-line counter of our own.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any, TextIO


class Progress:
    """``with Progress(total=n, enabled=stderr_is_a_tty) as bar: bar.update(k)``."""

    def __init__(self, total: int, *, enabled: bool, unit: str = "file",
                 stream: TextIO | None = None) -> None:
        self.total = total
        self.enabled = enabled
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self._bar: Any = None
        self._started = time.monotonic()

    def __enter__(self) -> Progress:
        if self.enabled:
            try:
                from tqdm import tqdm
            except ImportError:  # pragma: no cover - tqdm comes with spaCy
                self._bar = None
            else:
                self._bar = tqdm(total=self.total, unit=self.unit, file=self.stream,
                                 dynamic_ncols=True, leave=False)
        return self

    def update(self, count: int) -> None:
        if count <= 0:
            return
        self.done += count
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(count)
        else:
            elapsed = time.monotonic() - self._started
            self.stream.write(f"\r{self.done}/{self.total} {self.unit}s  {elapsed:.0f}s")
            self.stream.flush()

    def write(self, line: str) -> None:
        """Print a line on the stream without breaking the bar."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
            return
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self.stream.flush()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
