"""Extraction on a Dask LocalCluster of two worker processes: the same records as ``extract``,
nothing lost or doubled when a worker is killed mid-run, failures per file, Parquet tables the
panel reads. The tests start and stop their cluster themselves."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import lawgov_ie  # noqa: E402
from lawgov_ie import distributed as on_dask  # noqa: E402
from lawgov_ie.cli import main  # noqa: E402
from lawgov_ie.models import Report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40)
    client = distributed.Client(cluster, timeout="60s")
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def local_reports() -> dict[str, Report]:
    return {path.name: lawgov_ie.extract(path.read_text(encoding="utf-8"), source=str(path),
                                         segmenter="char")
            for path in sorted(RAW.glob("*.txt"))}


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_on_a_scheduler_gives_the_records_of_extract(
        client: distributed.Client, tmp_path: Path) -> None:
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    assert main(["extract", str(RAW), "-o", str(here), "--segmenter", "char",
                 "--no-progress"]) == 0
    assert main(["extract", str(RAW), "-o", str(there), "--segmenter", "char", "--no-progress",
                 "--scheduler", client.scheduler.address]) == 0
    assert _lines(there) == _lines(here) and len(_lines(here)) == 5
    # the pipeline was loaded by the plugin on each worker, not shipped with the tasks
    plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert all(any(name.startswith("lawgov-ie-pipeline:char:") for name in names)
               for names in plugins.values())


def test_a_local_cluster_is_started_and_stopped_by_the_command(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["extract", str(RAW / "002_463a946c1bd692f9.txt"), "-o", str(out),
                 "--format", "csv", "--segmenter", "char", "--scheduler", "local:1",
                 "--no-progress"]) == 0
    assert "英林镇" in out.read_text(encoding="utf-8-sig")
    assert main(["extract", str(RAW), "--scheduler", "local:x"]) == 2
    assert main(["extract", str(RAW), "--scheduler", "local:2", "--jobs", "2"]) == 2


@dataclass
class _Doc:
    source: str
    text: str


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
        client: distributed.Client, local_reports: dict[str, Report]) -> None:
    names = sorted(local_reports)
    docs = [_Doc(f"{number}:{names[number % len(names)]}",
                 (RAW / names[number % len(names)]).read_text(encoding="utf-8"))
            for number in range(60)]
    before = client.run(os.getpid)
    victim = sorted(before.values())[0]
    results = []
    for document, result in on_dask.read_documents(docs, client, segmenter="char",
                                                   in_flight=10, batch_chars=8000):
        results.append((document, result))
        if len(results) == 2:
            os.kill(victim, signal.SIGKILL)
    assert len(results) == len(docs) < 60 + 1
    assert [d.source for d, _ in results] == [d.source for d in docs]  # in order, once each
    for document, report in results:
        assert isinstance(report, Report), report
        expected = local_reports[document.source.split(":", 1)[1]]
        assert report.records == expected.records
        assert report.meta.source == document.source
    deadline = time.time() + 60
    while time.time() < deadline and len(client.scheduler_info(n_workers=-1)["workers"]) < 2:
        time.sleep(0.5)
    after = client.run(os.getpid)
    assert victim not in after.values()  # it was killed, and its tasks ran elsewhere


def test_files_read_on_workers_and_written_as_tables(
        client: distributed.Client, local_reports: dict[str, Report], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in sorted(local_reports)[:3]:
        (folder / name).write_bytes((RAW / name).read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    bag = on_dask.read_paths(str(folder / "*.txt"), client=client, segmenter="char")
    results = {Path(doc_id).name: (report, error) for doc_id, report, error in bag.compute()}
    assert set(results) == {*sorted(local_reports)[:3], "broken.txt"}
    assert results["broken.txt"][0] is None and "binary" in str(results["broken.txt"][1])
    for name in sorted(local_reports)[:3]:
        report, error = results[name]
        assert error is None and report is not None
        assert report.records == local_reports[name].records

    tables = tmp_path / "tables"
    assert on_dask.write_tables(bag, tables) == 4
    assert sorted(p.name for p in (tables / "documents").iterdir())[0] == "part-00000.parquet"
    out = tmp_path / "panel.parquet"
    assert main(["panel", str(tables), "-o", str(out)]) == 1  # the broken file is named
    assert "broken.txt" in capsys.readouterr().err
    from lawgov_ie.dataset.panel import read_frame

    frame = read_frame(out)
    expected = lawgov_ie.panel([(str(folder / name), local_reports[name].model_copy(
        update={"meta": local_reports[name].meta.model_copy(
            update={"source": str(folder / name)})}))
        for name in sorted(local_reports)[:3]])
    import pandas as pd

    pd.testing.assert_frame_equal(frame.sort_values(["report", "indicator"]).reset_index(
        drop=True), expected.sort_values(["report", "indicator"]).reset_index(drop=True))


def test_a_bag_of_texts(client: distributed.Client) -> None:
    import dask.bag as db

    bag = db.from_sequence([("a", "全年调处矛盾纠纷120起，调解成功率98%。"), ("b", "")],
                           npartitions=2)
    got = {doc_id: (report, error) for doc_id, report, error in
           on_dask.extract_bag(bag, client=client, segmenter="char").compute()}
    report, error = got["a"]
    assert error is None and report is not None
    assert [(r.value, r.unit) for r in report.records] == [(120, "起"), (98, "%")]
    assert got["b"][0] is not None and got["b"][0].records == []
