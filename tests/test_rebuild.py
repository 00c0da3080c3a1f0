"""Record-table rebuild: the tables do not depend on how many extraction processes run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ldn_review import rebuild
from ldn_review.errors import ExtractionWorkerError, ParseError
from ldn_review.rebuild import _Extractor, default_workers, rebuild_record_tables

ROOT = Path(__file__).resolve().parents[1]
DEMO_RAW = ROOT / "data" / "demo" / "raw"


@pytest.fixture()
def raw_dir(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(DEMO_RAW, raw)
    return raw


def test_worker_processes_give_the_same_tables_as_one_process(raw_dir, tmp_path, monkeypatch):
    """Extraction in 2 spawned workers yields row-for-row the tables of a single process, over
    many small tasks with few in flight (so results are delivered while others are pending)."""
    monkeypatch.setattr(rebuild, "TASK_SIZE", 4)
    monkeypatch.setattr(rebuild, "TASKS_IN_FLIGHT", 1)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    stats_one = rebuild_record_tables(raw_dir, one, workers=1)
    stats_two = rebuild_record_tables(raw_dir, two, workers=2)
    assert stats_one.n_parsed == stats_two.n_parsed > 70
    for name in ("articles", "studies", "outcomes"):
        a = pq.read_table(one / f"{name}.parquet")
        b = pq.read_table(two / f"{name}.parquet")
        assert a.num_rows > 0
        assert a.equals(b), f"{name} differs between 1 and 2 workers"


def test_small_inputs_extract_in_process(raw_dir, monkeypatch):
    monkeypatch.delenv("LDN_REVIEW_WORKERS", raising=False)
    assert default_workers(raw_dir) == 1


def test_workers_can_be_set_from_the_environment(raw_dir, monkeypatch):
    monkeypatch.setenv("LDN_REVIEW_WORKERS", "3")
    assert default_workers(raw_dir) == 3
    monkeypatch.setenv("LDN_REVIEW_WORKERS", "many")
    assert default_workers(raw_dir) == 1


def _die(batch: list) -> list:
    """An extraction task whose worker process is killed (as the OOM killer would)."""
    os._exit(9)


def test_a_worker_that_dies_fails_the_rebuild_instead_of_hanging() -> None:
    extractor = _Extractor(2, lambda *row: None, extract=_die)
    try:
        extractor.add(0, None)  # type: ignore[arg-type]
        with pytest.raises(ExtractionWorkerError, match="LDN_REVIEW_WORKERS=1"):
            extractor.finish()
    finally:
        extractor.close()


def test_the_rebuild_itself_refuses_a_hand_dropped_html_page(raw_dir, tmp_path):
    """Not only `ldn-review run`: any caller of the rebuild gets the error, not fewer records."""
    (raw_dir / "pubmed_result.xml").write_bytes(b"<!DOCTYPE html>\n<html><body>Blocked</body></html>\n")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ParseError, match="pubmed_result.xml is an HTML page, not PubMed XML"):
        rebuild_record_tables(raw_dir, out, workers=1)
