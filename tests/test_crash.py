"""Killing a real `ldn-review run` at injected points leaves curated tables wholly old, and the next
run completes with no lost or duplicated records."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ldn_review.fake_eutils import FakeEutils

from .living_helpers import TODAY, corpus, ldn_record

pytestmark = pytest.mark.slow

CRASH_POINTS = ["fetch-saved:2", "parse:5", "table-written:2", "before-publish"]


def _run(data_dir, server, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LDN_REVIEW_")}
    env.update(
        NCBI_EUTILS_BASE=server.base_url, NCBI_EMAIL="tests@example.org", LDN_REVIEW_BATCH_SIZE="10"
    )
    if crash_at:
        env["LDN_REVIEW_CRASH_AT"] = crash_at
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ldn_review.cli",
            "run",
            "--no-prefect",
            "--data-dir",
            str(data_dir),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _raw_files(data_dir: Path) -> dict[str, tuple[str, int]]:
    """Every file under raw/: its sha256 and permission bits."""
    raw = data_dir / "raw"
    return {
        p.relative_to(raw).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mode & 0o777,
        )
        for p in sorted(raw.rglob("*"))
        if p.is_file()
    }


def _tables(data_dir) -> dict[str, object]:
    curated = data_dir / "curated"
    return {p.stem: pq.read_table(p) for p in sorted(curated.glob("*.parquet"))}


@pytest.mark.parametrize("crash_at", CRASH_POINTS)
def test_kill_at_any_point_then_recover(tmp_path, crash_at):
    with FakeEutils(corpus(20)) as server:
        assert _run(tmp_path, server).returncode == 0
        before = _tables(tmp_path)
        raw_before = _raw_files(tmp_path)
        server.add_record("35999997", ldn_record(35_999_997, TODAY).xml, TODAY)
        server.add_record("35999996", ldn_record(35_999_996, TODAY).xml, TODAY)

        killed = _run(tmp_path, server, crash_at)
        assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
        after_kill = _tables(tmp_path)
        assert after_kill.keys() == before.keys()
        for name, table in before.items():
            assert after_kill[name].equals(table), f"{name} changed by a killed run ({crash_at})"
        raw_after_kill = _raw_files(tmp_path)
        assert {k: raw_after_kill[k] for k in raw_before} == raw_before, "earlier raw changed"
        saved = [v for k, v in raw_after_kill.items() if k.endswith(".xml.gz")]
        assert all(mode == 0o444 for _, mode in saved), "a raw file is writable"

        done = _run(tmp_path, server)  # also proves the killed run's lock died with it
        assert done.returncode == 0, done.stderr[-2000:]
        raw_after = _raw_files(tmp_path)
        assert {k: raw_after[k] for k in raw_after_kill} == raw_after_kill, "raw was rewritten"
        articles = pq.read_table(tmp_path / "curated" / "articles.parquet").to_pandas()
        assert articles["pmid"].is_unique
        assert sorted(articles["pmid"]) == sorted(server.pmids)
        studies = pq.read_table(tmp_path / "curated" / "studies.parquet").to_pandas()
        assert sorted(studies["pmid"]) == sorted(articles["pmid"])
        runs = pq.read_table(tmp_path / "curated" / "runs.parquet").to_pandas()
        statuses = runs["status"].tolist()
        assert statuses[0] == "success" and statuses[-1] == "success"
        assert statuses.count("interrupted") == 1  # the killed live run saved raw data
        # no half-written generation is left behind
        generations = [
            p for p in (tmp_path / ".generations").iterdir() if not (p / ".complete").exists()
        ]
        assert generations == []
