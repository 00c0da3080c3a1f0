"""The Prefect flow on the demo snapshot, under one Prefect test harness for the session."""

from __future__ import annotations

import asyncio
import gzip
import shutil
import uuid
from pathlib import Path

import pandas as pd
import pytest

from .conftest import DEMO_RAW

pytestmark = [pytest.mark.prefect, pytest.mark.slow]


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture()
def demo_data(tmp_path: Path) -> Path:
    shutil.copytree(DEMO_RAW, tmp_path / "raw")
    return tmp_path


def test_offline_flow_builds_tables_report_and_artifacts(prefect_harness, demo_data):
    from ldn_review_flows.ldn_flow import ldn_review_flow

    summary = ldn_review_flow(data_dir=str(demo_data), offline=True)

    n_demo = sum(p.read_text().count("<PubmedArticle>") for p in DEMO_RAW.rglob("*.xml"))
    articles = pd.read_parquet(demo_data / "curated" / "articles.parquet")
    assert len(articles) == n_demo == summary["n_records"]
    for table in ("studies", "outcomes", "claims", "claim_evidence", "claim_verdicts", "runs"):
        assert (demo_data / "curated" / f"{table}.parquet").exists(), table
    assert set(summary["verdicts"]) >= {"C1", "C2", "C3", "C4"}
    assert (demo_data / "reports" / "evidence_report.html").exists()
    assert (demo_data / "reports" / "evidence_report.md").exists()

    async def artifact_keys() -> set[str]:
        from prefect.client.orchestration import get_client

        async with get_client() as client:
            return {a.key for a in await client.read_artifacts() if a.key}

    assert {"ldn-claim-verdicts", "ldn-evidence-summary"} <= asyncio.run(artifact_keys())


def test_flow_failure_is_recorded_in_runs(prefect_harness, tmp_path):
    from ldn_review_flows.ldn_flow import ldn_review_flow

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "broken.xml").write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation>")
    with pytest.raises(Exception, match="broken.xml"):
        ldn_review_flow(data_dir=str(tmp_path), offline=True)
    runs = pd.read_parquet(tmp_path / "curated" / "runs.parquet")
    assert runs["status"].tolist() == ["failed"]
    assert "broken.xml" in runs["message"].iloc[0]


def test_weekly_deployment_carries_the_cron_schedule_and_parameters(tmp_path):
    from ldn_review_flows.ldn_flow import build_weekly_deployment

    deployment = build_weekly_deployment("0 6 * * 1", {"data_dir": str(tmp_path), "offline": False})
    assert deployment.name == "ldn-review-weekly"
    assert [s.schedule.cron for s in deployment.schedules] == ["0 6 * * 1"]
    assert deployment.parameters == {"data_dir": str(tmp_path), "offline": False}


def _files_holding(root: Path, secret: bytes) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            if secret in data:
                found.append(str(path))
    return found


def test_live_flow_keeps_the_api_key_out_of_files_parameters_and_logs(
    prefect_harness, tmp_path, monkeypatch
):
    """A live flow run with NCBI_API_KEY against the fake server (whose 429 body quotes the key,
    as NCBI's does): the key reaches NCBI, and no file under the data dir, no Prefect database or
    result file, no flow-run parameter and no Prefect log holds it."""
    import prefect.settings
    from ldn_review_flows.ldn_flow import ldn_review_flow
    from prefect.client.orchestration import get_client
    from prefect.logging.handlers import APILogHandler

    from ldn_review.fake_eutils import FakeEutils

    from .living_helpers import corpus

    key = f"flowkey-{uuid.uuid4().hex}"
    with FakeEutils(corpus(12)) as server:
        monkeypatch.setenv("NCBI_EUTILS_BASE", server.base_url)
        monkeypatch.setenv("NCBI_API_KEY", key)
        monkeypatch.setenv("NCBI_EMAIL", "tests@example.org")
        monkeypatch.setenv("LDN_REVIEW_BATCH_SIZE", "5")
        server.inject("429", utility="efetch", retry_after=0)
        summary = ldn_review_flow(data_dir=str(tmp_path))
    assert summary["n_records"] == 12
    assert server.response_log[1].status == 429
    assert all(r.params["api_key"] == key for r in server.request_log)

    db_url = prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL.value()
    db_dir = Path(db_url.split("///", 1)[1]).parent
    prefect_home = Path(prefect.settings.PREFECT_HOME.value())
    for root in (tmp_path, db_dir, prefect_home):
        assert _files_holding(root, key.encode()) == [], root

    async def every(read) -> list:  # the API pages its answers (200 a page by default)
        out: list = []
        while True:
            page = await read(limit=200, offset=len(out))
            out.extend(page)
            if len(page) < 200:
                return out

    async def recorded_texts() -> list[str]:
        await APILogHandler.aflush()
        async with get_client() as client:
            runs = await every(client.read_flow_runs)
            logs = await every(client.read_logs)
            tasks = await every(client.read_task_runs)
        return [
            *(repr(r.parameters) for r in runs),
            *(log.message for log in logs),
            *(repr(t) for t in tasks),
        ]

    # Logs reach the server in batches from a background worker: recorded_texts sends what is
    # queued first, so the check reads every log of the run (this session's harness also holds
    # earlier runs' logs, which is why all pages are read).
    texts = asyncio.run(recorded_texts())
    assert any("fetched 12 records" in t for t in texts)  # the logs were read
    assert [t for t in texts if key in t] == []


def test_flow_refuses_a_data_dir_another_run_holds(prefect_harness, demo_data):
    from ldn_review_flows.ldn_flow import ldn_review_flow

    from ldn_review.errors import RunLockedError
    from ldn_review.pipeline import run_lock

    with run_lock(demo_data), pytest.raises(RunLockedError, match="another ldn-review run"):
        ldn_review_flow(data_dir=str(demo_data), offline=True)
    assert not (demo_data / "curated").exists()


def test_offline_flow_on_a_data_dir_without_raw_fails_creating_nothing(prefect_harness, tmp_path):
    from ldn_review_flows.ldn_flow import ldn_review_flow

    from ldn_review.errors import ConfigError

    missing = tmp_path / "dmeo"
    with pytest.raises(ConfigError, match="no raw/ directory under"):
        ldn_review_flow(data_dir=str(missing), offline=True)
    assert not missing.exists()


def test_cli_run_with_prefect_ends_on_its_own_error_line(prefect_harness, demo_data, capsys):
    """The temporary server logs "Stopping ..." at INFO on the ``prefect`` logger when the process
    exits; after a run the CLI keeps that logger to warnings, so the error stays the last line."""
    import logging

    from ldn_review.cli import main

    prefect_logger = logging.getLogger("prefect")
    level = prefect_logger.level
    (demo_data / "raw" / "pubmed_result.xml").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    try:
        assert prefect_logger.isEnabledFor(logging.INFO)
        assert main(["run", "--offline", "--data-dir", str(demo_data)]) == 1
        assert "ldn-review: error: pubmed_result.xml is an HTML page" in capsys.readouterr().err
        assert not prefect_logger.isEnabledFor(logging.INFO)
        assert not logging.getLogger("EventsWorker").isEnabledFor(logging.WARNING)
    finally:
        prefect_logger.setLevel(level)
        logging.getLogger("EventsWorker").setLevel(logging.NOTSET)


def test_a_failed_run_logs_an_expected_error_without_its_traceback(prefect_harness, demo_data, caplog):
    """The task and then the flow log the failure; for ldn-review's own errors the message says what
    to do, and the traceback is dropped. A bug keeps its traceback."""
    import logging

    from ldn_review_flows.ldn_flow import ldn_review_flow

    from ldn_review.errors import ParseError

    (demo_data / "raw" / "pubmed_result.xml").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    with caplog.at_level(logging.INFO, logger="prefect"), pytest.raises(ParseError):
        ldn_review_flow(data_dir=str(demo_data), offline=True)
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR and "pubmed_result.xml" in r.getMessage()]
    assert {r.name for r in failures} == {"prefect.task_runs", "prefect.flow_runs"}
    assert all(r.exc_info is None and not r.exc_text for r in failures)
    assert "Traceback" not in caplog.text


def test_the_expected_error_filter_keeps_the_traceback_of_a_bug() -> None:
    import logging
    import sys

    from ldn_review_flows.ldn_flow import _EXPECTED_ERROR_FILTER

    from ldn_review.errors import ParseError

    def record(exc: Exception) -> logging.LogRecord:
        try:
            raise exc
        except Exception:
            return logging.LogRecord("prefect.task_runs", logging.ERROR, __file__, 1, "failed", None,
                                     sys.exc_info())

    bug = record(KeyError("pmid"))
    expected = record(ParseError("bad.xml is an HTML page"))
    assert _EXPECTED_ERROR_FILTER.filter(bug) and _EXPECTED_ERROR_FILTER.filter(expected)
    assert bug.exc_info is not None and expected.exc_info is None


def test_the_fetch_is_retried_on_network_failures_only() -> None:
    from types import SimpleNamespace

    from ldn_review_flows.ldn_flow import fetch_task

    from ldn_review.errors import ConfigError, EutilsHTTPError, RawStoreError

    retry = fetch_task.retry_condition_fn
    assert retry is not None and fetch_task.retries >= 1
    assert retry(fetch_task, None, SimpleNamespace(data=EutilsHTTPError("HTTP 503 after 4 tries")))
    for exc in (ConfigError("NCBI_EMAIL is not set"), RawStoreError("disk full"), KeyError("x")):
        assert not retry(fetch_task, None, SimpleNamespace(data=exc))
