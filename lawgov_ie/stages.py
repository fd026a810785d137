"""``nlp.pipe`` a stage at a time: each component reads a batch of documents in a row.

spaCy's ``Language.pipe`` chains the components' ``pipe`` methods; a component without one is
called document by document, so every document goes through the tokenizer and then through all
the components before the next one is tokenized. With pkuseg words that order is costly: the
segmenter walks a feature dictionary of hundreds of megabytes, which pushes the components'
rules, tables and automata out of the processor's caches, and each component then starts every
document cold (docs/performance.md measures it). :class:`StagedPipe` gives the components a
``pipe`` that takes a batch from the stage before it — up to ``batch_size`` documents or
:data:`STAGE_CHARS` characters, whichever comes first — and reads the whole batch before the
next component starts on it. The documents and what the components leave on them are the same
as with ``nlp(text)``; only the order of the work changes.

Errors follow spaCy's rules: ``nlp.set_error_handler(handler)`` reaches every component (through
:meth:`StagedPipe.set_error_handler`); a document that fails is handed to the handler with the
component's name, and the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NoReturn, TypeVar

from spacy.tokens import Doc

STAGE_CHARS = 250_000
"""The most characters of text a component holds in one batch (documents wait between stages:
a batch of pkuseg Docs costs memory in proportion to its text)."""

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]
StagedPipeT = TypeVar("StagedPipeT", bound="StagedPipe")


def _raise(name: str, component: Any, docs: list[Doc], error: Exception) -> NoReturn:
    raise error


def batches(stream: Iterable[Doc], size: int, chars: int = STAGE_CHARS) -> Iterator[list[Doc]]:
    """``stream`` in lists of at most ``size`` documents, cut where their text reaches
    ``chars`` characters (a document longer than that is a batch of its own)."""
    batch: list[Doc] = []
    held = 0
    for doc in stream:
        batch.append(doc)
        held += len(doc.text)
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


class StagedPipe:
    """A component's ``pipe``: a batch of documents read in a row (see the module)."""

    name: str = ""
    _error_handler: ErrorHandler | None = None

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Called by ``nlp.set_error_handler``: what to do with a document that fails here."""
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler or _raise

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """The documents of ``stream``, each read by this component, in order."""
        handler = self.get_error_handler()
        for batch in batches(stream, max(1, batch_size)):
            for doc in batch:
                try:
                    yield self(doc)
                except Exception as error:  # the handler decides (spaCy's default: raise)
                    handler(self.name or type(self).__name__, self, [doc], error)


def named(component: StagedPipeT, name: str) -> StagedPipeT:
    """``component``, knowing the name the pipeline gave it (for the error handler)."""
    component.name = name
    return component
