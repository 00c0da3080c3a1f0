"""The main job as plain functions: plan a run, fetch, rebuild curated tables, verdicts, report.

Prefect flows in ``flows/`` wrap these functions in tasks; tests call them directly.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import platform
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa

from . import __version__
from .errors import (
    ConfigError,
    EutilsError,
    LdnReviewError,
    RawStoreError,
    ReportWriteError,
    RunLockedError,
)
from .rebuild import RebuildStats, rebuild_record_tables
from .schemas import CHANGES, RUNS
from .settings import Settings
from .tables import (
    CuratedStore,
    Generation,
    frame_to_table,
    mark_complete,
    read_table,
    rows_to_table,
)

if TYPE_CHECKING:
    from .report import StagedReport

log = logging.getLogger(__name__)
ProgressFn = Callable[[str], None]
DATE_FMT = "%Y/%m/%d"  # E-utilities mindate/maxdate format
RECORD_TABLE_NAMES = ("articles", "studies", "outcomes")
REPORT_ARTICLE_COLUMNS = (
    "pmid",
    "title",
    "journal",
    "journal_iso",
    "pub_year",
    "first_author",
    "doi",
    "is_retracted",
    "publication_types",
)
# The generation a failed run publishes: the previous tables (hard links) and ``runs`` with its row.
FAILED_SUFFIX = "-failed"
DERIVED_TABLE_NAMES = ("claims", "claim_evidence", "claim_verdicts", "claim_checks")
# Held in <data-dir> for the whole of a run: two runs on one data directory would publish over
# each other's runs table and, together, exceed NCBI's rate limit.
LOCK_NAME = ".lock"
# A refresh that finds more than this share of the held records gone (and more than the minimum)
# is far likelier an NCBI outage than deletions -- PubMed deletes a handful of records a year -- and
# a deletion is for good: a dropped PMID is no longer held, so no later refresh asks for it again.
MAX_DELETED_SHARE = 0.05
MIN_DELETED_ALARM = 10


def _noop(_: str) -> None:
    return None


@contextmanager
def run_lock(data_dir: Path) -> Iterator[None]:
    """Hold ``<data-dir>/.lock`` for a run, or raise :class:`RunLockedError` at once.

    An ``flock`` on an open file: the kernel releases it when the process ends in any way
    (SIGKILL included), so a killed run never leaves a stale lock behind.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise RunLockedError(
                f"another ldn-review run (pid {holder}) is using {data_dir}; wait for it to "
                f"finish and run again (its lock, {path}, is released when it ends, even if killed)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


@dataclass
class RunContext:
    """What one run knows about itself while it goes."""

    run_id: str
    mode: str  # full, incremental, refresh, offline
    started_at: dt.datetime
    query: str | None = None
    mindate: str | None = None
    maxdate: str | None = None
    refresh_pmids: list[str] = field(default_factory=list)
    n_requests: int = 0
    previous_watermark: str | None = None


@dataclass
class BuildResult:
    run_id: str
    n_records: int
    n_new: int
    n_updated: int
    n_deleted: int
    n_retracted: int
    stats: RebuildStats
    verdicts: pd.DataFrame
    report_paths: list[Path]
    summary_markdown: str = ""


def software_versions() -> dict[str, str]:
    import pandas
    import pyarrow

    versions = {
        "ldn-review": __version__,
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "pyarrow": pyarrow.__version__,
    }
    try:
        import prefect

        versions["prefect"] = prefect.__version__
    except ImportError:  # pragma: no cover - prefect is a dependency
        pass
    return versions


# --------------------------------------------------------------------------- planning


def last_successful_run(
    runs: pd.DataFrame, modes: tuple[str, ...] | None = None
) -> pd.Series | None:
    ok = runs[runs["status"] == "success"]
    if modes:
        ok = ok[ok["mode"].isin(modes)]
    ok = ok[ok["watermark"].notna()] if modes is None else ok
    if ok.empty:
        return None
    return ok.sort_values("run_id").iloc[-1]


def current_watermark(runs: pd.DataFrame) -> str | None:
    ok = runs[
        (runs["status"] == "success") & runs["watermark"].notna() & (runs["mode"] != "offline")
    ]
    return None if ok.empty else str(ok.sort_values("run_id")["watermark"].iloc[-1])


def plan_live_run(
    settings: Settings,
    run_id: str,
    now: dt.datetime,
    held_pmids: list[str],
    runs: pd.DataFrame,
    *,
    force_refresh: bool = False,
) -> RunContext:
    """Decide what a live run fetches: everything the first time, then records created since the
    watermark minus an overlap; every held PMID again when the last refresh is old enough."""
    ctx = RunContext(run_id=run_id, mode="full", started_at=now, query=settings.query)
    ctx.maxdate = now.date().strftime(DATE_FMT)
    watermark = current_watermark(runs)
    ctx.previous_watermark = watermark
    if watermark is None:
        return ctx
    since = dt.datetime.strptime(watermark, DATE_FMT).date() - dt.timedelta(
        days=settings.overlap_days
    )
    ctx.mode = "incremental"
    ctx.mindate = since.strftime(DATE_FMT)
    last_refresh = last_successful_run(runs, ("full", "refresh"))
    due = last_refresh is None or (
        now - pd.Timestamp(last_refresh["started_at"]).to_pydatetime()
    ) >= dt.timedelta(days=settings.refresh_days)
    if (due or force_refresh) and held_pmids:
        ctx.mode = "refresh"
        ctx.refresh_pmids = sorted(held_pmids, key=int)
    return ctx


# --------------------------------------------------------------------------- building


def compute_changes(
    run_id: str, old: pd.DataFrame, new: pd.DataFrame, *, removed_by_hand: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Change rows between the previous and the new ``articles`` (columns pmid, content_hash and
    the correction flags). ``removed_by_hand``: held PMIDs whose raw files the operator removed
    (accepted with LDN_REVIEW_ACCEPT_DELETIONS), not deleted by NLM."""
    old_by = old.set_index("pmid") if not old.empty else None
    new_by = new.set_index("pmid")
    rows: list[dict[str, Any]] = []
    for pmid, rec in new_by.iterrows():
        if old_by is None or pmid not in old_by.index:
            rows.append(
                _change(run_id, pmid, "new", "record first seen", None, rec["content_hash"])
            )
            if rec["is_retracted"]:
                rows.append(
                    _change(
                        run_id,
                        pmid,
                        "retracted",
                        "retracted when first seen",
                        None,
                        rec["content_hash"],
                    )
                )
            continue
        before = old_by.loc[pmid]
        if before["content_hash"] == rec["content_hash"]:
            continue
        for flag, change in (
            ("is_retracted", "retracted"),
            ("has_erratum", "erratum"),
            ("has_expression_of_concern", "expression_of_concern"),
        ):
            if bool(rec[flag]) and not bool(before[flag]):
                rows.append(
                    _change(
                        run_id,
                        pmid,
                        change,
                        f"{flag} set",
                        before["content_hash"],
                        rec["content_hash"],
                    )
                )
        rows.append(
            _change(
                run_id,
                pmid,
                "revised",
                "record content changed",
                before["content_hash"],
                rec["content_hash"],
            )
        )
    if old_by is not None:
        for pmid in sorted(set(old_by.index) - set(new_by.index), key=_pmid_key):
            rows.append(
                _change(
                    run_id,
                    pmid,
                    "deleted",
                    "removed from raw/ by the operator (LDN_REVIEW_ACCEPT_DELETIONS)"
                    if pmid in removed_by_hand
                    else "no longer in PubMed (DeleteCitation or absent on re-fetch)",
                    old_by.loc[pmid]["content_hash"],
                    None,
                )
            )
    return rows


def _pmid_key(pmid: str) -> tuple[int, str]:
    return (int(pmid), pmid) if pmid.isdigit() else (0, pmid)


def _change(run_id: str, pmid: str, change: str, detail: str, old: Any, new: Any) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "pmid": str(pmid),
        "change": change,
        "detail": detail,
        "old_hash": old,
        "new_hash": new,
    }


def run_row(
    ctx: RunContext,
    *,
    finished: dt.datetime | None,
    status: str,
    n_records: int | None = None,
    n_new: int | None = None,
    n_updated: int | None = None,
    n_deleted: int | None = None,
    n_retracted: int | None = None,
    watermark: str | None,
    message: str | None = None,
) -> dict[str, Any]:
    return {
        "run_id": ctx.run_id,
        "started_at": ctx.started_at,
        "finished_at": finished,
        "mode": ctx.mode,
        "n_records": n_records,
        "n_new": n_new,
        "n_updated": n_updated,
        "n_deleted": n_deleted,
        "n_retracted": n_retracted,
        "n_requests": ctx.n_requests,
        "status": status,
        "query": ctx.query,
        "watermark": watermark,
        "message": message,
    }


def interrupted_run_rows(
    raw_dir: Path, runs: pd.DataFrame, current_run_id: str
) -> list[dict[str, Any]]:
    """``runs`` rows for live runs that saved raw responses but never finished (killed, power
    cut): their raw data is used by rebuilds, and ``status`` should show that they happened."""
    from .rawstore import RUNS_DIRNAME, read_manifest

    known = set(runs["run_id"].astype(str)) if not runs.empty else set()
    rows: list[dict[str, Any]] = []
    runs_root = raw_dir / RUNS_DIRNAME
    if not runs_root.exists():
        return rows
    for run_dir in sorted(p for p in runs_root.iterdir() if p.is_dir()):
        if run_dir.name in known or run_dir.name == current_run_id:
            continue
        try:
            started = dt.datetime.strptime(run_dir.name[:22], "%Y%m%dT%H%M%S%fZ").replace(
                tzinfo=dt.timezone.utc
            )
        except ValueError:
            started = None
        n_responses = sum(1 for e in read_manifest(run_dir) if e.get("event") == "response")
        rows.append(
            {
                "run_id": run_dir.name,
                "started_at": started,
                "finished_at": None,
                "mode": None,
                "n_records": None,
                "n_new": None,
                "n_updated": None,
                "n_deleted": None,
                "n_retracted": None,
                "n_requests": n_responses,
                "status": "interrupted",
                "query": None,
                "watermark": None,
                "message": "the process ended before the run finished; its saved responses are kept in raw",
            }
        )
    return rows


def _append(table_name: str, previous: pd.DataFrame, rows: list[dict[str, Any]]) -> pa.Table:
    schema = RUNS if table_name == "runs" else CHANGES
    new = rows_to_table(table_name, rows) if rows else schema.empty_table()
    if previous.empty:
        return new
    old = frame_to_table(table_name, previous)
    return pa.concat_tables([old, new])


def build_curated(
    settings: Settings,
    ctx: RunContext,
    *,
    progress: ProgressFn = _noop,
    watermark: str | None = None,
) -> BuildResult:
    """Rebuild every curated table from raw, compute claims and changes, publish atomically, and
    render the report."""
    from .claims import build_claim_tables, load_claims

    store = CuratedStore(settings.data_dir)
    old_articles = store.read(
        "articles",
        columns=[
            "pmid",
            "content_hash",
            "is_retracted",
            "has_erratum",
            "has_expression_of_concern",
        ],
    )
    old_runs = store.read("runs")
    old_changes = store.read("changes")
    old_verdicts = store.read("claim_verdicts")
    claims = load_claims(settings.claims_file)  # fail on a bad claims file before any work

    check_raw(settings.raw_dir, progress)
    generation = store.new_generation(ctx.run_id)
    progress(f"rebuilding curated tables from {settings.raw_dir}")
    stats = rebuild_record_tables(settings.raw_dir, generation.path, progress=progress)
    progress(
        f"{stats.n_articles:,} articles from {stats.n_parsed:,} records in {stats.n_files} files "
        f"({stats.n_duplicates:,} older copies, {stats.n_deleted:,} deleted)"
    )

    new_articles = pd.read_parquet(
        generation.path / "articles.parquet",
        columns=[
            "pmid",
            "content_hash",
            "is_retracted",
            "has_erratum",
            "has_expression_of_concern",
        ],
    )
    removed = check_nothing_lost(settings, old_articles, new_articles, stats)
    changes = compute_changes(ctx.run_id, old_articles, new_articles, removed_by_hand=removed)
    counts = {
        c: sum(1 for r in changes if r["change"] == c)
        for c in ("new", "revised", "deleted", "retracted")
    }

    articles, studies, outcomes = _claim_inputs(generation.path)
    claim_tables = build_claim_tables(claims, articles, studies, outcomes)
    for name in DERIVED_TABLE_NAMES:
        generation.write(name, frame_to_table(name, claim_tables[name]))

    finished = dt.datetime.now(dt.timezone.utc)
    row = run_row(
        ctx,
        finished=finished,
        status="success",
        n_records=stats.n_articles,
        n_new=counts["new"],
        n_updated=counts["revised"],
        n_deleted=counts["deleted"],
        n_retracted=counts["retracted"],
        watermark=watermark,
    )
    generation.write("changes", _append("changes", old_changes, changes))
    interrupted = interrupted_run_rows(settings.raw_dir, old_runs, ctx.run_id)
    generation.write("runs", _append("runs", old_runs, [*interrupted, row]))
    removed_articles = _removed_articles(store, changes)
    # The report is rendered from the new generation before it is published, so a report that
    # cannot be written (a bug, an unwritable reports/) fails the run with the tables unchanged.
    staged, summary_md = render(
        settings, ctx, stats, old_verdicts, generation.path, removed_articles, progress=progress
    )
    mark_complete(generation)
    store.publish(generation)
    progress(f"published curated tables: {store.link}")
    report_paths = _commit_report(staged, ctx)
    progress(f"report: {report_paths[0]}")
    return BuildResult(
        ctx.run_id,
        stats.n_articles,
        counts["new"],
        counts["revised"],
        counts["deleted"],
        counts["retracted"],
        stats,
        claim_tables["claim_verdicts"],
        report_paths,
        summary_md,
    )


def check_nothing_lost(
    settings: Settings, old: pd.DataFrame, new: pd.DataFrame, stats: RebuildStats
) -> frozenset[str]:
    """Refuse to drop held records that no deletion notice in raw/ drops: their raw files were
    moved or removed (a lost run directory, a wrong ``--data-dir``, a file taken out by hand), and
    publishing would report them as deleted by NLM. Returns the PMIDs the operator accepted to drop
    with ``LDN_REVIEW_ACCEPT_DELETIONS`` set to exactly their number (empty otherwise)."""
    if old.empty:
        return frozenset()
    kept = set(new["pmid"].astype(str))
    lost = [
        p for p in old["pmid"].astype(str) if p not in kept and p not in stats.deletion_notices
    ]
    if not lost:
        return frozenset()
    if settings.accept_deletions == len(lost):
        log.warning(
            "dropping %d held records whose raw files are gone (accepted with "
            "LDN_REVIEW_ACCEPT_DELETIONS=%d)", len(lost), len(lost)
        )
        return frozenset(lost)
    lost.sort(key=_pmid_key)
    raise RawStoreError(
        f"{len(lost):,} of the {len(old):,} records in the published tables are in no file under "
        f"{settings.raw_dir} and no deletion notice there drops them (e.g. PMID "
        f"{', '.join(lost[:5])}): raw files were moved or removed since the last run. Nothing was "
        "published. Put the files back (check --data-dir), or run `ldn-review run --refresh` to "
        "fetch the held records from PubMed again; to drop them on purpose, run again with "
        f"LDN_REVIEW_ACCEPT_DELETIONS={len(lost)}.",
        path=str(settings.raw_dir),
    )


def check_raw(raw_dir: Path, progress: ProgressFn = _noop) -> None:
    """Refuse to rebuild from a raw store that would silently lose records: an accepted response
    damaged or missing since it was saved. (Files dropped in by hand that are not PubMed XML are
    refused by the rebuild itself.)"""
    from .rawstore import verify_runs

    n_checked = verify_runs(raw_dir)
    if n_checked:
        progress(f"checked {n_checked:,} saved responses against their manifests")


def _claim_inputs(gen_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """What claim matching and the report need, kept small on large corpora: every study without
    its evidence column, plus evidence, articles and outcomes of naltrexone studies only."""
    from .schemas import STUDIES

    light = [name for name in STUDIES.names if name != "evidence"]
    studies = pd.read_parquet(gen_dir / "studies.parquet", columns=light)
    keep = sorted(
        set(studies.loc[studies["is_ldn"].eq(True) | studies["dose_mg_max"].notna(), "pmid"])
    )

    def subset(name: str, columns: list[str] | None = None) -> pd.DataFrame:
        path = gen_dir / f"{name}.parquet"
        if not keep:
            return pd.read_parquet(path, columns=columns).head(0)
        return pd.read_parquet(path, columns=columns, filters=[("pmid", "in", keep)])

    evidence = subset("studies", ["pmid", "evidence"]).set_index("pmid")["evidence"]
    studies["evidence"] = [evidence.get(pmid) for pmid in studies["pmid"]]  # None, not NaN
    studies = studies[STUDIES.names]
    return subset("articles"), studies, subset("outcomes")


def _removed_articles(store: CuratedStore, changes: list[dict[str, Any]]) -> pd.DataFrame | None:
    """The published ``articles`` rows (report columns) of the records this run drops."""
    gone = sorted({str(r["pmid"]) for r in changes if r["change"] == "deleted"})
    live = store.live_dir()
    if not gone or live is None:
        return None
    return pd.read_parquet(
        live / "articles.parquet", columns=list(REPORT_ARTICLE_COLUMNS), filters=[("pmid", "in", gone)]
    )


def _commit_report(staged: StagedReport, ctx: RunContext) -> list[Path]:
    from .report import commit_report

    try:
        paths = commit_report(staged)
    except OSError as exc:
        raise ReportWriteError(
            f"run {ctx.run_id} published its tables, but its report could not be moved from "
            f"{staged.staging} into {staged.out_dir} ({exc.strerror or exc}): fix the directory's "
            "permissions and run again to write the report; the tables are complete"
        ) from exc
    return [Path(p) for p in (paths.html, paths.markdown)]


def render(
    settings: Settings,
    ctx: RunContext,
    stats: RebuildStats,
    previous_verdicts: pd.DataFrame,
    gen_dir: Path,
    removed_articles: pd.DataFrame | None = None,
    *,
    progress: ProgressFn = _noop,
) -> tuple[StagedReport, str]:
    """Render the evidence report from the tables of ``gen_dir`` into a staging directory under
    the reports directory; return the staged report (for :func:`report.commit_report`) and the
    short Markdown summary (published as a Prefect artifact)."""
    from .report import PrismaCounts, ReportInputs, RunInfo, render_claims_markdown, stage_report

    tables = {
        name: read_table(gen_dir, name)
        for name in (
            "claims",
            "claim_evidence",
            "claim_verdicts",
            "claim_checks",
            "runs",
            "changes",
        )
    }
    _, studies, outcomes = _claim_inputs(gen_dir)
    # Every record, with the few article columns the report shows (PRISMA counts and the per-year
    # plot need all records; abstracts would only cost memory).
    articles = pd.read_parquet(gen_dir / "articles.parquet", columns=list(REPORT_ARTICLE_COLUMNS))
    tables.update(articles=articles, studies=studies, outcomes=outcomes)
    inputs = ReportInputs(
        tables=tables,
        previous_verdicts=None if previous_verdicts.empty else previous_verdicts,
        prisma=PrismaCounts(
            n_identified=stats.n_parsed, n_duplicates=stats.n_duplicates, n_deleted=stats.n_deleted
        ),
        run=RunInfo(
            run_id=ctx.run_id,
            mode=ctx.mode,
            query=ctx.query or f"offline rebuild of {settings.raw_dir}",
            started_at=ctx.started_at,
            data_dir=str(settings.data_dir),
            versions=software_versions(),
        ),
        removed_articles=removed_articles,
    )
    staged = stage_report(inputs, settings.reports_dir)
    return staged, render_claims_markdown(inputs)


def record_failure(settings: Settings, ctx: RunContext, error: BaseException) -> None:
    """Add a failed row to ``runs`` (its counts null: the run changed no table); every other
    table is carried over unchanged. When even that cannot be written (the data directory is not
    writable, the disk is full), the failure is logged and the run's own error stands."""
    try:
        _record_failure(settings, ctx, error)
    except OSError as exc:
        log.error("could not record the failed run %s in the runs table: %s", ctx.run_id, exc)


def _record_failure(settings: Settings, ctx: RunContext, error: BaseException) -> None:
    store = CuratedStore(settings.data_dir)
    live = store.live_dir()
    old_runs = store.read("runs")
    message = f"{type(error).__name__}: {error}".splitlines()[0][:500]
    row = run_row(
        ctx,
        finished=dt.datetime.now(dt.timezone.utc),
        status="failed",
        watermark=None,
        message=message,
    )
    generation: Generation = store.new_generation(f"{ctx.run_id}{FAILED_SUFFIX}")
    generation.link_from(live, [n for n in _all_tables() if n != "runs"])
    interrupted = interrupted_run_rows(settings.raw_dir, old_runs, ctx.run_id)
    generation.write("runs", _append("runs", old_runs, [*interrupted, row]))
    mark_complete(generation)
    store.publish(generation)


def _all_tables() -> list[str]:
    from .schemas import TABLES

    return list(TABLES)


class RunFailed(LdnReviewError):
    """The run failed; ``runs`` records why."""


# --------------------------------------------------------------------------- live fetching


@dataclass
class FetchSummary:
    n_records: int = 0
    n_requests: int = 0
    n_refreshed: int = 0
    missing_on_refresh: list[str] = field(default_factory=list)
    slices: list[tuple[str, str, int]] = field(default_factory=list)


def deletion_document(pmids: list[str]) -> bytes:
    """A ``DeleteCitation`` document in the shape of PubMed's update files."""
    body = "".join(f'<PMID Version="1">{p}</PMID>' for p in pmids)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<PubmedArticleSet><DeleteCitation>{body}</DeleteCitation></PubmedArticleSet>\n"
    ).encode()


def fetch_for_run(
    settings: Settings,
    ctx: RunContext,
    recorder: Any,
    *,
    client: Any = None,
    progress: ProgressFn = _noop,
) -> FetchSummary:
    """Query PubMed for the run's date window and, on refresh runs, re-fetch every held PMID.

    Every response body lands in the raw store before it is parsed (the client does that). PMIDs
    that a refresh no longer gets back are written as a ``DeleteCitation`` document in the run's raw
    directory, so rebuilding from raw alone drops them too.
    """
    from .eutils import EutilsClient

    client = client or EutilsClient(settings, recorder)
    try:
        return _fetch(settings, ctx, recorder, client, progress)
    finally:
        ctx.n_requests = client.n_requests


def _fetch(
    settings: Settings, ctx: RunContext, recorder: Any, client: Any, progress: ProgressFn
) -> FetchSummary:
    from .eutils import fetch_pmids, fetch_query

    summary = FetchSummary()
    if not settings.email:
        log.warning(
            "NCBI_EMAIL is not set: NCBI asks every E-utilities user for a contact address and "
            "may block requests without one; set NCBI_EMAIL=you@example.org"
        )
    window = f"{ctx.mindate or 'the beginning'} to {ctx.maxdate}"
    progress(f"searching PubMed ({ctx.mode} run), records created {window}")
    outcome = fetch_query(
        client, ctx.query or settings.query, mindate=ctx.mindate, maxdate=ctx.maxdate
    )
    summary.n_records = outcome.n_records
    summary.slices = list(outcome.slices)
    progress(f"fetched {outcome.n_records:,} records")
    if ctx.refresh_pmids:
        progress(
            f"re-fetching {len(ctx.refresh_pmids):,} held records to pick up revisions and retractions"
        )
        refreshed = fetch_pmids(client, ctx.refresh_pmids)
        got = set(refreshed.pmids)
        missing = [p for p in ctx.refresh_pmids if p not in got]
        if missing:
            # Ask once more for just the missing ones before believing they are gone.
            second = fetch_pmids(client, missing)
            missing = [p for p in missing if p not in set(second.pmids)]
        summary.n_refreshed = len(got)
        summary.missing_on_refresh = missing
        check_deletions_plausible(missing, len(ctx.refresh_pmids), settings.accept_deletions)
        if missing:
            recorder.save_derived(
                "deleted",
                deletion_document(missing),
                note="PMIDs held before that EFetch no longer returns",
            )
            progress(f"{len(missing):,} held records are no longer in PubMed")
    summary.n_requests = client.n_requests
    return summary


def check_deletions_plausible(missing: list[str], n_held: int, accepted: int | None = None) -> None:
    """Refuse to drop more held records at once than PubMed plausibly deletes, unless the operator
    accepted exactly that many (``LDN_REVIEW_ACCEPT_DELETIONS``)."""
    limit = max(MIN_DELETED_ALARM, int(MAX_DELETED_SHARE * n_held))
    if len(missing) > limit and accepted != len(missing):
        raise EutilsError(
            f"PubMed no longer returned {len(missing):,} of the {n_held:,} held records, asked "
            f"twice (e.g. {', '.join(missing[:5])}); that many deletions at once is likelier an "
            "NCBI outage, so none is dropped and nothing was written to curated tables. Re-run "
            f"later; if PubMed really deleted them (https://pubmed.ncbi.nlm.nih.gov/{missing[0]}/), "
            f"run again with LDN_REVIEW_ACCEPT_DELETIONS={len(missing)}."
        )


# --------------------------------------------------------------------------- run entry points


def plan_run(
    settings: Settings,
    run_id: str,
    *,
    offline: bool,
    force_refresh: bool = False,
    now: dt.datetime | None = None,
) -> RunContext:
    now = now or dt.datetime.now(dt.timezone.utc)
    store = CuratedStore(settings.data_dir)
    runs = store.read("runs")
    if offline:
        return RunContext(
            run_id=run_id,
            mode="offline",
            started_at=now,
            query=None,
            previous_watermark=current_watermark(runs),
        )
    held = store.read("articles", columns=["pmid"])["pmid"].astype(str).tolist()
    return plan_live_run(settings, run_id, now, held, runs, force_refresh=force_refresh)


def watermark_after(settings: Settings, ctx: RunContext) -> str | None:
    """The watermark a successful run leaves: its window's end for live runs; offline runs keep
    the previous one."""
    return ctx.previous_watermark if ctx.mode == "offline" else ctx.maxdate


def result_summary(result: BuildResult) -> dict[str, Any]:
    return {
        "run_id": result.run_id,
        "n_records": result.n_records,
        "n_new": result.n_new,
        "n_updated": result.n_updated,
        "n_deleted": result.n_deleted,
        "report": [str(p) for p in result.report_paths],
        "verdicts": dict(
            zip(result.verdicts["claim_id"], result.verdicts["verdict"], strict=False)
        ),
    }


def check_data_dir(settings: Settings, *, offline: bool) -> None:
    """Fail before any work when ``--data-dir`` cannot be what the user meant: a file, or, for an
    offline run, a directory without PubMed XML under ``raw/`` (a typo would otherwise give a green
    run with empty tables and a report of "no evidence")."""
    from .rawstore import iter_raw_files

    data_dir = settings.data_dir
    if data_dir.exists() and not data_dir.is_dir():
        raise ConfigError(f"--data-dir {data_dir} is a file, not a directory; give the directory "
                          "that holds (or will hold) raw/, curated/ and reports/")
    if not offline:
        return
    if not settings.raw_dir.is_dir():
        raise ConfigError(
            f"no raw/ directory under {data_dir}: an offline run rebuilds everything from the "
            "PubMed XML files there. Check --data-dir (the bundled snapshot is data/demo), or run "
            "without --offline to fetch from PubMed."
        )
    if next(iter_raw_files(settings.raw_dir), None) is None:
        raise ConfigError(
            f"{settings.raw_dir} holds no PubMed XML files (*.xml, *.xml.gz): nothing to rebuild "
            "from. Check --data-dir, put PubMed EFetch XML there, or run without --offline."
        )


def run_plain(
    settings: Settings,
    *,
    offline: bool,
    force_refresh: bool = False,
    progress: ProgressFn = _noop,
    run_id: str | None = None,
) -> BuildResult:
    """The whole job without Prefect (tests, benchmarks, cron without a Prefect server)."""
    from .rawstore import RawStore, new_run_id

    run_id = run_id or new_run_id()
    check_data_dir(settings, offline=offline)
    with run_lock(settings.data_dir):
        ctx = plan_run(settings, run_id, offline=offline, force_refresh=force_refresh)
        try:
            if not offline:
                recorder = RawStore(settings.raw_dir).begin_run(run_id)
                fetch_for_run(settings, ctx, recorder, progress=progress)
            return build_curated(
                settings, ctx, progress=progress, watermark=watermark_after(settings, ctx)
            )
        except Exception as exc:
            if not isinstance(exc, ReportWriteError):  # that one published its tables
                record_failure(settings, ctx, exc)
            raise
