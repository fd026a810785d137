"""``lawgov-ie indicators``: the taxonomy as a list, as JSON and as docs/indicators.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawgov_ie.cli import main
from lawgov_ie.cli.indicators_cmd import markdown
from lawgov_ie.taxonomy import INDICATOR_IDS

ROOT = Path(__file__).resolve().parents[2]


def test_docs_indicators_is_generated_from_the_taxonomy() -> None:
    text = (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    assert text == markdown(), (
        "docs/indicators.md is out of date: regenerate it with "
        "`lawgov-ie indicators --markdown > docs/indicators.md`")


def test_markdown_lists_every_id_with_units_and_two_phrasings() -> None:
    rows = [line for line in markdown().splitlines() if line.startswith("| `")]
    assert {line.split("`")[1] for line in rows} == INDICATOR_IDS
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        assert len(cells) == 5 and cells[3] and cells[4].count("；") == 1, line


def test_listing_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("indicator taxonomy v2: 45 ids")
    assert "mediation.success_rate" in listing
    assert main(["indicators", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 2
    assert {i["id"] for i in data["indicators"]} == INDICATOR_IDS
    assert main(["indicators", "--markdown"]) == 0
    assert capsys.readouterr().out == markdown()
