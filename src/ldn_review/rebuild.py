"""Rebuild the curated record tables (``articles``, ``studies``, ``outcomes``) from raw alone.

One streaming pass parses every raw file in a fixed order, extracts each record and appends the rows
to staging Parquet files together with a sequence number. Only ``pmid -> best (version, revision
date, sequence)`` is kept in memory. A second pass copies the winning rows (latest version of each
PMID, deleted citations dropped) to the final files in sequence order, so two rebuilds from the same
raw data give identical tables.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .crashpoints import crash_point
from .errors import ExtractionWorkerError, ParseError
from .extract import extract_batch
from .models import Article, Deletion
from .parse import RECORD_SET_TAGS, iter_file_records, sniff_root
from .parse_check import usable_cpus
from .rawstore import RawFile, iter_raw_files
from .schemas import ARTICLES, OUTCOMES, STUDIES
from .tables import PARQUET_OPTIONS, validate_table

log = logging.getLogger(__name__)

SEQ = "_seq"
# Rows buffered before a staging write: bounds memory while keeping Parquet row groups useful.
FLUSH_ROWS = 2_000
RECORD_TABLES = {"articles": ARTICLES, "studies": STUDIES, "outcomes": OUTCOMES}
# Extraction runs in worker processes when the raw records are at least this large (about 2,000
# generated records): below it, starting the workers costs more than it saves.
PARALLEL_MIN_BYTES = 20_000_000
# Articles per task sent to a worker, and tasks in flight per worker (bounds memory).
TASK_SIZE = 128
TASKS_IN_FLIGHT = 4

ProgressFn = Callable[[str], None]


@dataclass
class RebuildStats:
    n_files: int = 0
    n_parsed: int = 0  # article records read, all versions
    n_articles: int = 0  # unique PMIDs kept
    n_duplicates: int = 0  # older versions / repeated copies dropped
    n_deleted: int = 0  # PMIDs dropped because of DeleteCitation
    deletion_notices: set[str] = field(default_factory=set)  # every PMID a DeleteCitation names
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def article_row(a: Article) -> dict[str, Any]:
    """The ``articles`` row of an Article (nested values as plain dicts)."""
    return {
        "pmid": a.pmid,
        "version": a.version,
        "title": a.title,
        "abstract": a.abstract,
        "abstract_sections": [
            {"label": s.label, "category": s.category, "text": s.text} for s in a.abstract_sections
        ],
        "journal": a.journal,
        "journal_iso": a.journal_iso,
        "issn": a.issn,
        "pub_year": a.pub_year,
        "pub_date": a.pub_date,
        "authors": a.authors,
        "first_author": a.first_author,
        "languages": a.languages,
        "publication_types": a.publication_types,
        "mesh_terms": a.mesh_terms,
        "mesh_major_terms": a.mesh_major_terms,
        "mesh_headings": [
            {
                "descriptor": h.descriptor,
                "descriptor_ui": h.descriptor_ui,
                "major": h.major,
                "qualifiers": h.qualifiers,
                "major_qualifiers": h.major_qualifiers,
            }
            for h in a.mesh_headings
        ],
        "keywords": a.keywords,
        "chemicals": a.chemicals,
        "doi": a.doi,
        "pmc_id": a.pmc_id,
        "nct_ids": a.nct_ids,
        "registry_ids": a.registry_ids,
        "comments_corrections": [
            {"ref_type": c.ref_type, "pmid": c.pmid, "source": c.source}
            for c in a.comments_corrections
        ],
        "is_retracted": a.is_retracted,
        "is_retraction_notice": a.is_retraction_notice,
        "has_erratum": a.has_erratum,
        "has_expression_of_concern": a.has_expression_of_concern,
        "created_date": a.created_date,
        "date_revised": a.date_revised,
        "medline_status": a.medline_status,
        "source_file": a.source_file,
        "content_hash": a.content_hash,
    }


class _Staging:
    """Buffered writer of one table's rows (plus the sequence column) to a staging file."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema.append(pa.field(SEQ, pa.int64(), nullable=False))
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def _version_key(a: Article, seq: int) -> tuple[int, int, int]:
    revised = a.date_revised.toordinal() if a.date_revised else 0
    return (a.version, revised, seq)


# Roots of E-utilities answers other than records: they carry no records wherever they lie. Any
# other non-record root in a file dropped in by hand (an HTML page saved by a failed download, an
# EFetch <ERROR>) is an error, not "no records".
NON_RECORD_ROOTS = frozenset({"eSearchResult", "ePostResult", "eInfoResult"})


def _iter_ingestible(raw_dir: Path, stats: RebuildStats) -> Iterator[RawFile]:
    for raw in iter_raw_files(raw_dir):
        root = sniff_root(raw.path)
        if root in RECORD_SET_TAGS:
            yield raw
        elif root is None and not raw.managed:
            raise ParseError(
                f"{raw.relpath}: not readable XML (empty, truncated or not gzip/XML). Remove or "
                "re-download the file; curated tables were left as they were.",
                path=raw.relpath,
            )
        elif root is not None:
            if raw.managed or root in NON_RECORD_ROOTS:
                continue  # ESearch/EPost answers, and bodies a run saved and rejected: no records
            what = "an HTML page" if root.lower() == "html" else f"a <{root}> document"
            raise ParseError(
                f"{raw.relpath} is {what}, not PubMed XML (PubmedArticleSet or MedlineCitationSet): "
                "probably a failed download. Replace it with the PubMed file or move it out of raw/; "
                "curated tables were left as they were.",
                path=raw.relpath,
            )
        else:
            stats.skipped.append((raw.relpath, "unreadable response never accepted"))


def _records(raw: RawFile, stats: RebuildStats) -> Iterator[Article | Deletion]:
    """Records of one raw file. A managed response that was never accepted (the run was killed
    between saving and validating it) is skipped if it does not parse; a file dropped in by hand
    that does not parse is an error."""
    buffered: list[Article | Deletion] = []
    try:
        if raw.managed and raw.accepted is None:
            buffered = list(iter_file_records(raw.path, raw.relpath))
        else:
            yield from iter_file_records(raw.path, raw.relpath)
            return
    except ParseError as exc:
        if raw.managed:
            log.warning("skipping %s: %s", raw.relpath, exc)
            stats.skipped.append((raw.relpath, str(exc)))
            return
        raise
    yield from buffered


def default_workers(raw_dir: Path) -> int:
    """Extraction processes for a rebuild of raw_dir: 1 for small inputs, else one per CPU this
    process may use (the parent parses and writes while the workers extract).
    ``LDN_REVIEW_WORKERS`` overrides."""
    env = os.environ.get("LDN_REVIEW_WORKERS")
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            log.warning("ignoring LDN_REVIEW_WORKERS=%r: not an integer", env)
    total = sum(f.path.stat().st_size for f in iter_raw_files(raw_dir))
    if total < PARALLEL_MIN_BYTES:
        return 1
    return max(1, usable_cpus())


_Results = list[tuple[int, dict[str, Any], list[dict[str, Any]]]]


class _Extractor:
    """Extraction of staged articles, inline or in a pool of worker processes.

    Results come back in submission order, so the staging files hold rows in sequence order
    however many workers run; the tables are the same as from a single process. A worker that
    dies (the OOM killer, a kill) fails the rebuild at once instead of leaving it waiting.
    """

    def __init__(self, workers: int, on_result: Callable[[int, dict[str, Any], list[dict[str, Any]]], None],
                 extract: Callable[[list[tuple[int, Article]]], _Results] = extract_batch) -> None:
        self.on_result = on_result
        self.extract = extract
        self.batch: list[tuple[int, Article]] = []
        self.pending: deque[Future[_Results]] = deque()
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            # spawn, not fork: the caller may be a Prefect flow with threads running.
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self.max_pending = TASKS_IN_FLIGHT * workers

    def add(self, seq: int, article: Article) -> None:
        self.batch.append((seq, article))
        if len(self.batch) >= TASK_SIZE:
            self._submit()

    def _submit(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        if self.pool is None:
            self._deliver(self.extract(batch))
            return
        self.pending.append(self.pool.submit(self.extract, batch))
        while len(self.pending) > self.max_pending:
            self._deliver(self._result(self.pending.popleft()))

    @staticmethod
    def _result(future: Future[_Results]) -> _Results:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise ExtractionWorkerError(
                "an extraction worker process died (killed, or out of memory?); nothing was "
                "published and curated tables are as they were. Re-run; if it happens again, set "
                "LDN_REVIEW_WORKERS=1 to extract in one process."
            ) from exc

    def _deliver(self, results: _Results) -> None:
        for seq, study, outcomes in results:
            self.on_result(seq, study, outcomes)

    def finish(self) -> None:
        self._submit()
        while self.pending:
            self._deliver(self._result(self.pending.popleft()))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def rebuild_record_tables(
    raw_dir: Path,
    out_dir: Path,
    *,
    progress: ProgressFn | None = None,
    workers: int | None = None,
) -> RebuildStats:
    """Parse and extract every raw file, write ``articles``, ``studies``, ``outcomes`` to out_dir.

    ``workers``: extraction processes (default :func:`default_workers`); the tables do not depend
    on it.
    """
    stats = RebuildStats()
    staging = {
        name: _Staging(out_dir / f".staging-{name}.parquet", schema)
        for name, schema in RECORD_TABLES.items()
    }
    best: dict[str, tuple[int, int, int]] = {}
    deleted_at: dict[str, int] = {}
    seq = 0

    def staged(seq: int, study: dict[str, Any], outcomes: list[dict[str, Any]]) -> None:
        staging["studies"].add({**study, SEQ: seq})
        for outcome in outcomes:
            staging["outcomes"].add({**outcome, SEQ: seq})

    n_workers = default_workers(raw_dir) if workers is None else max(1, workers)
    if n_workers > 1 and progress:
        progress(f"extracting in {n_workers} worker processes")
    extractor = _Extractor(n_workers, staged)
    try:
        for raw in _iter_ingestible(raw_dir, stats):
            stats.n_files += 1
            n_in_file = 0
            for rec in _records(raw, stats):
                seq += 1
                if isinstance(rec, Deletion):
                    for pmid in rec.pmids:
                        deleted_at[pmid] = seq
                    continue
                n_in_file += 1
                stats.n_parsed += 1
                crash_point("parse")
                key = _version_key(rec, seq)
                if rec.pmid in best and best[rec.pmid] >= key:
                    continue  # an older copy of a record already held in a newer version
                best[rec.pmid] = key
                row = article_row(rec)
                row[SEQ] = seq
                staging["articles"].add(row)
                extractor.add(seq, rec)
            if progress:
                progress(f"parsed {raw.relpath}: {n_in_file:,} records ({stats.n_parsed:,} so far)")
        extractor.finish()
    finally:
        extractor.close()
        for st in staging.values():
            st.close()

    winners = {key[2] for pmid, key in best.items() if deleted_at.get(pmid, -1) < key[2]}
    stats.deletion_notices = set(deleted_at)
    stats.n_deleted = sum(1 for pmid, key in best.items() if deleted_at.get(pmid, -1) > key[2])
    stats.n_articles = len(winners)
    stats.n_duplicates = stats.n_parsed - len(best)
    winner_array = pa.array(sorted(winners), type=pa.int64())
    for name, schema in RECORD_TABLES.items():
        _copy_winners(staging[name].path, out_dir / f"{name}.parquet", schema, winner_array)
        staging[name].path.unlink(missing_ok=True)
    return stats


def _copy_winners(src: Path, dst: Path, schema: pa.Schema, winners: pa.Array) -> None:
    """Stream the staging file, keep rows whose sequence number won, write in sequence order.

    A PMID may have several staged copies (older versions staged before a newer one was seen);
    filtering on the winning sequence numbers keeps exactly one per PMID.
    """
    tmp = dst.with_name(f".{dst.name}.tmp")
    writer = pq.ParquetWriter(tmp, schema, compression=PARQUET_OPTIONS["compression"])
    try:
        pf = pq.ParquetFile(src)
        # One row group at a time: iter_batches keeps read-ahead buffers that grow with the file.
        for i in range(pf.num_row_groups):
            group = pf.read_row_group(i)
            mask = pc.is_in(group.column(SEQ), value_set=winners)
            kept = group.filter(mask).drop_columns([SEQ])
            if kept.num_rows:
                writer.write_table(validate_table(dst.stem, kept))
    finally:
        writer.close()
    tmp.replace(dst)


def today_utc() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()
