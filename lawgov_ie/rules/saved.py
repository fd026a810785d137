"""Pattern files travel with a saved pipeline.

``nlp.to_disk(path)`` copies the user's pattern files (the bundled ones come with the package)
into each pattern-reading component's folder, and writes ``saved:N`` in place of their paths in
``config.cfg``; ``spacy.load(path)`` builds the components with the bundled patterns, then
each component's ``from_disk`` reads the copies. So a saved pipeline works when its folder is
moved or copied to another machine, and when the user's original files are gone.

- :class:`PatternComponent` is the base of the components built from pattern files: they
  implement ``build(patterns)``; it gives them ``to_disk``/``from_disk``.
- :func:`save_patterns_with` makes ``nlp.to_disk`` write ``saved:N`` into the config
  (:func:`lawgov_ie.load` calls it on the pipelines it builds).
"""

from __future__ import annotations

import json
import shutil
import types
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from lawgov_ie.rules.files import PatternSet, files_of, load_patterns
from lawgov_ie.stages import StagedPipe

SAVED = "saved:"
"""A pattern path in a saved config: the N-th user layer, copied into the pipeline folder."""
_LISTING = "patterns.json"
_FOLDER = "patterns"


class PatternComponent(StagedPipe):
    """A component built from the bundled pattern files with the user's ``patterns`` (files or
    folders) merged over them. Subclasses build their rules in :meth:`build`."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = [str(p) for p in patterns]
        if any(p.startswith(SAVED) for p in self.patterns):
            # a saved pipeline being loaded: its from_disk brings the copied files
            self.sources: list[Path] = []
        else:
            self.sources = [Path(p) for p in self.patterns]
        self._use(self.sources)

    def build(self, patterns: PatternSet) -> None:
        raise NotImplementedError

    def _use(self, sources: list[Path]) -> None:
        self.build(load_patterns(tuple(str(p) for p in sources)))
        self.sources = sources

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy the user's pattern files into ``path`` (one folder a layer, in order)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _FOLDER
        if target.exists():
            shutil.rmtree(target)
        listing: list[str] = []
        for number, source in enumerate(self.sources):
            layer = target / str(number)
            layer.mkdir(parents=True)
            if source.is_dir():
                for file in files_of(source):
                    copy = layer / source.name / file.relative_to(source)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(file, copy)
                listing.append(f"{_FOLDER}/{number}/{source.name}")
            else:
                shutil.copyfile(source, layer / source.name)
                listing.append(f"{_FOLDER}/{number}/{source.name}")
        (folder / _LISTING).write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PatternComponent:
        """Rebuild from the pattern files saved in ``path`` (none: the bundled ones only)."""
        folder = Path(path)
        listing = folder / _LISTING
        names: list[str] = (json.loads(listing.read_text(encoding="utf-8"))
                            if listing.is_file() else [])
        self._use([folder / name for name in names])
        return self


def saved_config_paths(patterns: Sequence[str]) -> list[str]:
    """How ``patterns`` are written in a saved config: ``saved:0``, ``saved:1`` …"""
    return [f"{SAVED}{number}" for number in range(len(patterns))]


def save_patterns_with(nlp: Language) -> None:
    """Make ``nlp.to_disk`` write ``saved:N`` for the user's pattern paths in ``config.cfg``
    (the files themselves are copied by each component's ``to_disk``)."""
    def to_disk(self: Language, path: Any, *, exclude: Iterable[str] = ()) -> None:
        configs = self._pipe_configs
        saved = {name: configs[name]["patterns"] for name in self.pipe_names
                 if configs[name].get("patterns")}
        try:
            for name, patterns in saved.items():
                configs[name]["patterns"] = saved_config_paths(patterns)
            Language.to_disk(self, path, exclude=exclude)
        finally:
            for name, patterns in saved.items():
                configs[name]["patterns"] = patterns

    nlp.to_disk = types.MethodType(to_disk, nlp)  # type: ignore[method-assign]
