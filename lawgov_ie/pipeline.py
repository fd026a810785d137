"""Build the spaCy pipeline: ``spacy.blank("zh")`` with pkuseg words and our components.

The tokenizer is :class:`lawgov_ie.text.tokenizer.LawgovTokenizer` (spaCy's Chinese tokenizer, the
same tokens, made cheap for long texts and for the components: docs/performance.md)."""

from __future__ import annotations

import copy
import os
from functools import lru_cache
from typing import Any, Literal

import spacy
from spacy.language import Language

from lawgov_ie import doc_view as _doc_view
from lawgov_ie.errors import ModelNotFoundError
from lawgov_ie.rules.files import PatternPaths, load_patterns, normalise_paths
from lawgov_ie.rules.saved import save_patterns_with
from lawgov_ie.steps.document_facts import component as _document_facts
from lawgov_ie.steps.entities import component as _entities
from lawgov_ie.steps.indicators import component as _indicators
from lawgov_ie.steps.labels import component as _labels
from lawgov_ie.steps.quantities import component as _quantities
from lawgov_ie.steps.relations import component as _relations
from lawgov_ie.steps.report import component as _report
from lawgov_ie.steps.sections import component as _sections
from lawgov_ie.text.terms_patterns import TermPattern
from lawgov_ie.text.tokenizer import TOKENIZER_NAME
from lawgov_ie.version import __version__

# The components in pipeline order; importing each step's component module registers its factory.
_STEPS = (_sections, _entities, _document_facts, _quantities, _labels, _relations, _indicators,
          _report, _doc_view)
PIPELINE = [
    "lawgov_sections",
    "lawgov_entities",
    "lawgov_document_facts",
    "lawgov_quantities",
    "lawgov_labels",
    "lawgov_relations",
    "lawgov_indicators",
    "lawgov_report",
    "lawgov_doc_view",  # doc.sents and the quantity spans, for spaCy users (doc_view.py)
]

Segmenter = Literal["pkuseg", "char"]
READING: Segmenter = "char"
"""The segmenter of the reading (``extract``, ``extract_many``, the command line): no word
segmentation, because no rule reads words. :func:`load` keeps pkuseg words for spaCy users."""


def user_dictionary(paths: tuple[str, ...]) -> list[str]:
    """Domain words pkuseg must keep whole: the ``term`` patterns."""
    return sorted({t.text for t in load_patterns(paths).of("term", TermPattern)})


@lru_cache(maxsize=8)
def _load(segmenter: Segmenter, model_dir: str | None, patterns: tuple[str, ...]) -> Language:
    load_patterns(patterns)  # fail early, with file and line, on a broken pattern file
    tokenizer_config = {"@tokenizers": TOKENIZER_NAME, "segmenter": segmenter}
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": tokenizer_config}})
    if segmenter == "pkuseg":
        from lawgov_ie.text.pkuseg_model import (
            resolve_model_dir,  # not at import: `python -m` runs it
        )

        model = resolve_model_dir(model_dir)
        tokenizer: Any = nlp.tokenizer
        tokenizer.pkuseg_seg = _own_user_dictionary(_pkuseg_segmenter(str(model.resolve())))
        tokenizer.pkuseg_update_user_dict(user_dictionary(patterns))
    for name in PIPELINE:
        config = {"patterns": list(patterns)} if "patterns" in _config_keys(name) else {}
        nlp.add_pipe(name, config=config)
    nlp.meta.update({"name": "lawgov_ie", "version": __version__,
                     "description": "lawgov-ie: records, facts and entities of Chinese "
                                    "rule-of-law government reports"})
    save_patterns_with(nlp)  # a saved pipeline carries the user's pattern files
    if segmenter == "pkuseg":  # last: until the pipeline is built, it would compete for the CPU
        from lawgov_ie.text.pkuseg_weights import start_building

        start_building(tokenizer.pkuseg_seg)
    return nlp


@lru_cache(maxsize=2)
def _pkuseg_segmenter(model_dir: str) -> Any:
    """pkuseg's segmenter of ``model_dir``, loaded once (seconds, hundreds of MB) and shared by
    every pipeline built on that model, whatever their patterns."""
    from pathlib import Path

    from lawgov_ie.text.pkuseg_model import ENV_VAR, REFETCH_HINT
    from lawgov_ie.text.pkuseg_weights import load_segmenter

    try:
        return load_segmenter(Path(model_dir))
    except Exception as error:  # a truncated or foreign file: say which model, and what to do
        raise ModelNotFoundError(
            f"Could not load the pkuseg model in {model_dir} ({type(error).__name__}: {error})."
            f" If it is the cached model, fetch it again with: {REFETCH_HINT}; otherwise point"
            f" {ENV_VAR} (or model_dir) at a working pkuseg model directory."
        ) from None


def _own_user_dictionary(shared: Any) -> Any:
    """A segmenter sharing ``shared``'s model but with its own copy of the user dictionary (the
    only part a pipeline changes; the model is only read)."""
    segmenter = copy.copy(shared)
    segmenter.preprocesser = copy.deepcopy(shared.preprocesser)
    return segmenter


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
