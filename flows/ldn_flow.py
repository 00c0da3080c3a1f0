"""The weekly ldn-review flow: thin Prefect tasks around library calls.

Retries sit on the network task only; building tables and the report is deterministic and is not
retried. ``ldn-review run`` calls :func:`ldn_review_flow`; ``ldn-review serve`` serves it on a cron
schedule; ``prefect.yaml`` deploys it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from ldn_review import pipeline
from ldn_review.errors import EutilsError, LdnReviewError, ReportWriteError
from ldn_review.rawstore import RawStore, new_run_id
from ldn_review.settings import Settings, load_settings

# Network retries at the task level come on top of the client's own per-request retries: they
# cover a whole fetch failing (e.g. NCBI down for minutes). Data already saved stays in raw.
FETCH_RETRIES = 2
FETCH_RETRY_DELAYS_S = [60, 300]


def _network_failure(task: Any, task_run: Any, state: Any) -> bool:
    """Retry the fetch when NCBI failed (unreachable, throttling, a bad payload), not when retrying
    cannot help: a configuration error, a full disk, a run lock or a bug fails at once."""
    return isinstance(getattr(state, "data", None), EutilsError)


class _ExpectedErrorFilter(logging.Filter):
    """Prefect logs a failed task with its traceback and the failed flow with it again. For the
    errors ldn-review raises on purpose (a bad raw file, NCBI unreachable, a mistyped data dir) the
    message already names the file or record and what to do, so their tracebacks are dropped; an
    unexpected exception keeps its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], LdnReviewError):
            record.exc_info = None
            record.exc_text = None
        return True


_EXPECTED_ERROR_FILTER = _ExpectedErrorFilter()
for _name in ("prefect.task_runs", "prefect.flow_runs"):
    logging.getLogger(_name).addFilter(_EXPECTED_ERROR_FILTER)


@task(name="plan-run", cache_policy=NO_CACHE)
def plan_task(settings: Settings, run_id: str, offline: bool, refresh: bool) -> pipeline.RunContext:
    return pipeline.plan_run(settings, run_id, offline=offline, force_refresh=refresh)


@task(
    name="fetch-pubmed",
    retries=FETCH_RETRIES,
    retry_delay_seconds=FETCH_RETRY_DELAYS_S,
    retry_condition_fn=_network_failure,
    cache_policy=NO_CACHE,
)
def fetch_task(
    settings: Settings, ctx: pipeline.RunContext, recorder: Any
) -> pipeline.FetchSummary:
    return pipeline.fetch_for_run(settings, ctx, recorder, progress=get_run_logger().info)


@task(name="build-curated-tables", cache_policy=NO_CACHE)
def build_task(settings: Settings, ctx: pipeline.RunContext) -> pipeline.BuildResult:
    return pipeline.build_curated(
        settings,
        ctx,
        progress=get_run_logger().info,
        watermark=pipeline.watermark_after(settings, ctx),
    )


@task(name="publish-artifacts", cache_policy=NO_CACHE)
def artifacts_task(settings: Settings, result: pipeline.BuildResult) -> None:
    verdicts = result.verdicts
    rows = [
        {k: (", ".join(v) if isinstance(v, list) else v) for k, v in rec.items()}
        for rec in verdicts.drop(columns=["summary"], errors="ignore")
        .astype(object)
        .where(verdicts.drop(columns=["summary"], errors="ignore").notna(), None)
        .to_dict("records")
    ]
    create_table_artifact(
        key="ldn-claim-verdicts", table=rows, description="Verdict per claim of the article"
    )
    create_markdown_artifact(
        key="ldn-evidence-summary",
        markdown=result.summary_markdown,
        description="Evidence summary of this run",
    )


@flow(name="ldn-review", log_prints=True)
def ldn_review_flow(
    data_dir: str = "data",
    offline: bool = False,
    claims_file: str | None = None,
    refresh: bool = False,
) -> dict[str, Any]:
    """Query PubMed (unless offline), store raw responses, rebuild curated tables, verdicts and the
    evidence report."""
    settings = load_settings(
        data_dir=Path(data_dir), claims_file=Path(claims_file) if claims_file else None
    )
    run_id = new_run_id()
    pipeline.check_data_dir(settings, offline=offline)
    with pipeline.run_lock(settings.data_dir):
        ctx = plan_task(settings, run_id, offline, refresh)
        try:
            if not offline:
                recorder = RawStore(settings.raw_dir).begin_run(run_id)
                fetch_task(settings, ctx, recorder)
            result = build_task(settings, ctx)
        except Exception as exc:
            if not isinstance(exc, ReportWriteError):  # that one published its tables
                pipeline.record_failure(settings, ctx, exc)
            raise
    artifacts_task(settings, result)
    return pipeline.result_summary(result)


DEPLOYMENT_NAME = "ldn-review-weekly"


def build_weekly_deployment(cron: str, parameters: dict[str, Any]) -> Any:
    """The scheduled deployment that ``ldn-review serve`` serves (no server needed to build it)."""
    return ldn_review_flow.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters=parameters,
        description="Weekly incremental PubMed query, monthly refresh, tables, verdicts and report.",
    )
