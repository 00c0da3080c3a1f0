"""Helpers for the living-review tests: a fake PubMed of LDN-like records and test settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ldn_review.fake_eutils import FakeEutils, FakeRecord, make_record_xml
from ldn_review.settings import Settings, load_settings

TODAY = dt.datetime.now(dt.timezone.utc).date()
CONDITIONS = (
    "fibromyalgia",
    "painful diabetic neuropathy",
    "chronic low back pain",
    "rheumatoid arthritis",
)


def ldn_record(
    pmid: int,
    created: dt.date,
    *,
    retracted: bool = False,
    revised: dt.date | None = None,
    title_suffix: str = "",
) -> FakeRecord:
    condition = CONDITIONS[pmid % len(CONDITIONS)]
    n = 20 + pmid % 50
    abstract = (
        f"BACKGROUND: Low-dose naltrexone is used off-label for {condition}. "
        f"METHODS: In this randomized, double-blind, placebo-controlled trial, {n} adults with {condition} "
        "received naltrexone 4.5 mg daily or placebo for 12 weeks. "
        "RESULTS: Pain intensity on the numeric rating scale fell more with naltrexone than with placebo "
        "(p = 0.02). Vivid dreams were the most frequent adverse event. "
        "CONCLUSIONS: Low-dose naltrexone reduced pain."
    )
    xml = make_record_xml(
        str(pmid),
        title=f"Low-dose naltrexone for {condition}: a randomized trial{title_suffix}",
        abstract=abstract,
        created=created,
        journal="Pain Medicine",
        retracted=retracted,
        revised=revised,
        pub_types=("Journal Article",),
    )
    return FakeRecord(str(pmid), created, xml)


def corpus(n: int, first: int = 35_000_000) -> list[FakeRecord]:
    start = TODAY - dt.timedelta(days=400)
    return [ldn_record(first + i, start + dt.timedelta(days=i * 3)) for i in range(n)]


def live_settings(data_dir: Path, server: FakeEutils, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": data_dir,
        "eutils_base": server.base_url,
        "backoff_base_s": 0.01,
        "backoff_max_s": 0.05,
        "max_retries": 3,
        "timeout_s": 5.0,
        "batch_size": 10,
    }
    values.update(overrides)
    return load_settings(env={"NCBI_EMAIL": "tests@example.org"}, **values)


def read(data_dir: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(data_dir / "curated" / f"{table}.parquet")
