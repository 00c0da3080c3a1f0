"""The Prefect flow on the demo snapshot, under one Prefect test harness for the session."""

from __future__ import annotations

import asyncio
import shutil
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
