"""Let a processed ``Doc`` travel between processes.

spaCy's multi-process ``nlp.pipe(n_process=N)`` sends each finished ``Doc`` back to the parent as
``doc.to_bytes()``, which packs ``doc.user_data`` (our ``doc._`` attributes) with msgpack. Those
attributes hold our dataclasses (:mod:`lawgov_ie.doc_data`) and pydantic models
(:mod:`lawgov_ie.models`), which msgpack cannot pack by itself. This module registers a msgpack
encoder and decoder with srsly (the serialiser spaCy uses) that write such an object as a map
naming its class and holding its fields, and rebuild it on the way back.

Only classes defined inside the ``lawgov_ie`` package are packed or rebuilt: a map naming any
other module is left as it is, so unpacking never imports anything outside this package.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from typing import Any

import srsly
from pydantic import BaseModel

_MARK = "__lawgov_type__"
_FIELDS = "__lawgov_fields__"
_PACKAGE = "lawgov_ie"

Chain = Callable[[Any], Any] | None


def _ours(cls: type) -> bool:
    module = cls.__module__
    return module == _PACKAGE or module.startswith(_PACKAGE + ".")


def encode(obj: Any, chain: Chain = None) -> Any:
    """msgpack ``default`` hook: one of our dataclasses or models -> a marked map."""
    cls = type(obj)
    if _ours(cls):
        if hasattr(obj, "to_state"):  # rebuilt from a smaller state (the text index)
            return {_MARK: f"{cls.__module__}:{cls.__qualname__}", _FIELDS: obj.to_state()}
        if isinstance(obj, BaseModel):
            return {_MARK: f"{cls.__module__}:{cls.__qualname__}",
                    _FIELDS: obj.model_dump(mode="python")}
        if dataclasses.is_dataclass(obj):
            # shallow: nested objects of ours go through this hook again and keep their class
            return {_MARK: f"{cls.__module__}:{cls.__qualname__}",
                    _FIELDS: {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return chain(obj) if chain is not None else obj


def decode(obj: Any, chain: Chain = None) -> Any:
    """msgpack ``object_hook``: a marked map -> the object it was made from."""
    if isinstance(obj, dict) and _MARK in obj and _FIELDS in obj:
        module_name, _, qualname = str(obj[_MARK]).partition(":")
        if module_name == _PACKAGE or module_name.startswith(_PACKAGE + "."):
            cls: Any = importlib.import_module(module_name)
            for part in qualname.split("."):
                cls = getattr(cls, part)
            fields = obj[_FIELDS]
            if hasattr(cls, "from_state"):
                return cls.from_state(fields)
            if isinstance(cls, type) and issubclass(cls, BaseModel):
                return cls.model_validate(fields)
            if isinstance(cls, type) and dataclasses.is_dataclass(cls):
                factory: Any = cls
                return factory(**fields)
    return chain(obj) if chain is not None else obj


def register_msgpack_types() -> None:
    """Register the hooks with srsly (idempotent: registering again replaces them)."""
    srsly.msgpack_encoders.register("lawgov_ie", func=encode)
    srsly.msgpack_decoders.register("lawgov_ie", func=decode)
