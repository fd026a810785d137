"""What a user gets from the wheel and from a saved pipeline: the bundled pattern files,
``py.typed``, spaCy entry points for every component, and a saved pipeline that carries the
user's pattern files (moved, it still loads in a fresh process and gives the same records)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import lawgov_ie
from lawgov_ie.pipeline import PIPELINE
from lawgov_ie.text.tokenizer import TOKENIZER_NAME

ROOT = Path(__file__).resolve().parent.parent
TEXT = "全年安置石像120樽，调处矛盾纠纷444起，其中书面调解139起。"  # 樽: not a bundled unit


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(folder)],
        capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed: {result.stderr[-2000:]}")
    (built,) = folder.glob("lawgov_ie-*.whl")
    return built


def test_wheel_carries_every_pattern_file_and_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = sorted(p.name for p in (ROOT / "patterns").glob("*.jsonl"))
    assert bundled, "no pattern files in patterns/"
    for name in bundled:
        assert f"lawgov_ie/data/patterns/{name}" in names
    assert "lawgov_ie/py.typed" in names
    assert f"lawgov_ie-{lawgov_ie.__version__}.dist-info/METADATA" in names


def test_wheel_declares_spacy_entry_points_for_every_component(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (entry_file,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    entries = configparser.ConfigParser(delimiters=("=",))
    entries.optionxform = str  # type: ignore[assignment,method-assign]
    entries.read_string(archive.read(entry_file).decode("utf-8"))
    factories = dict(entries["spacy_factories"])
    assert sorted(factories) == sorted(PIPELINE)
    for target in factories.values():
        module, function = target.split(":")
        assert callable(getattr(__import__(module, fromlist=[function]), function))
    assert dict(entries["spacy_tokenizers"]) == {
        TOKENIZER_NAME: "lawgov_ie.text.tokenizer:create_tokenizer"}


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from lawgov_ie.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"lawgov-ie {lawgov_ie.__version__}"
    nlp = lawgov_ie.load(segmenter="char")
    assert (nlp.meta["name"], nlp.meta["version"]) == ("lawgov_ie", lawgov_ie.__version__)


def test_a_moved_pipeline_carries_the_user_patterns(tmp_path: Path) -> None:
    patterns = tmp_path / "mine"
    patterns.mkdir()
    (patterns / "units.jsonl").write_text('{"kind": "unit", "id": "樽", "unit": "樽"}\n',
                                          encoding="utf-8")
    nlp = lawgov_ie.load(segmenter="char", patterns=[patterns])
    expected = nlp(TEXT)._.report
    assert "120樽" in [r.text for r in expected.records]
    nlp.to_disk(tmp_path / "saved")
    assert '"saved:0"' in (tmp_path / "saved" / "config.cfg").read_text(encoding="utf-8")
    shutil.move(tmp_path / "saved", tmp_path / "moved")
    shutil.rmtree(patterns)
    script = ("import sys, spacy, lawgov_ie\n"
              "nlp = spacy.load(sys.argv[1])\n"
              "print(nlp(sys.argv[2])._.report.model_dump_json())\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "moved"), TEXT],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert lawgov_ie.Report.model_validate_json(result.stdout) == expected
    # saved again from the loaded pipeline, the copies travel on
    again = lawgov_ie.load(segmenter="char")
    assert "120樽" not in [r.text for r in again(TEXT)._.report.records]
    again.from_disk(tmp_path / "moved")
    assert "120樽" in [r.text for r in again(TEXT)._.report.records]
