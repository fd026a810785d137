"""The quantity reader of the bundled patterns, built once for these tests."""

from __future__ import annotations

import pytest

from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.quantities.reader import QuantityReader


@pytest.fixture(scope="module")
def reader() -> QuantityReader:
    return QuantityReader.from_patterns(load_patterns())
