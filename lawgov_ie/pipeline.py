"""Build the spaCy pipeline: ``spacy.blank("zh")`` with pkuseg words and our components."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Literal

import spacy
from spacy.language import Language

from . import components
from .pattern_files import PatternPaths, load_patterns, normalise_paths
from .pattern_kinds.terms import TermPattern

Segmenter = Literal["pkuseg", "char"]


def user_dictionary(paths: tuple[str, ...]) -> list[str]:
    """Domain words pkuseg must keep whole: the ``term`` patterns."""
    return sorted({t.text for t in load_patterns(paths).of("term", TermPattern)})


@lru_cache(maxsize=8)
def _load(segmenter: Segmenter, model_dir: str | None, patterns: tuple[str, ...]) -> Language:
    load_patterns(patterns)  # fail early, with file and line, on a broken pattern file
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    if segmenter == "pkuseg":
        from .pkuseg_model import resolve_model_dir  # not at import: `python -m` runs it

        model = resolve_model_dir(model_dir)
        tokenizer: Any = nlp.tokenizer
        tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
        tokenizer.pkuseg_update_user_dict(user_dictionary(patterns))
    for name in components.PIPELINE:
        config = {"patterns": list(patterns)} if "patterns" in _config_keys(name) else {}
        nlp.add_pipe(name, config=config)
    return nlp


def _config_keys(factory: str) -> set[str]:
    meta = Language.get_factory_meta(factory)
    return set(meta.default_config or {})


def load(*, segmenter: Segmenter = "pkuseg",
         model_dir: str | os.PathLike[str] | None = None,
         patterns: PatternPaths | str | os.PathLike[str] | None = None) -> Language:
    """The pipeline, cached per settings.

    ``segmenter="pkuseg"`` (default) segments words with pkuseg's model, found in the cache, in
    ``$LAWGOV_IE_PKUSEG_MODEL`` or in ``model_dir``; ``segmenter="char"`` is the fast mode that
    needs no model. ``patterns`` are extra pattern files or folders merged over the bundled ones.
    """
    if segmenter not in ("pkuseg", "char"):
        raise ValueError(f"segmenter must be 'pkuseg' or 'char', not {segmenter!r}")
    directory = str(model_dir) if model_dir is not None else None
    return _load(segmenter, directory, normalise_paths(patterns))
