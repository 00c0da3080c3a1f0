"""Settings: one frozen dataclass, built once from the environment and passed in.

Nothing here runs on import; call :func:`load_settings`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError

DEFAULT_EUTILS_BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"

# Recall first: every naming of low-dose / ultra-low-dose naltrexone or "LDN", crossed with
# pain conditions by words and MeSH. Later stages (extraction, claim matching) filter.
DEFAULT_QUERY = (
    '("low dose naltrexone"[tiab] OR "low-dose naltrexone"[tiab] OR "ultra-low dose naltrexone"[tiab]'
    ' OR "ultralow dose naltrexone"[tiab] OR "ultra-low-dose naltrexone"[tiab] OR LDN[tiab]'
    ' OR (naltrexone[tiab] AND (low[tiab] OR "4.5 mg"[tiab] OR "4.5mg"[tiab])))'
    " AND (pain[tiab] OR fibromyalgia[tiab] OR neuropath*[tiab] OR arthritis[tiab]"
    ' OR "back pain"[tiab] OR CRPS[tiab] OR "complex regional pain"[tiab] OR migraine[tiab]'
    ' OR headache[tiab] OR "Chronic Pain"[mh] OR "Fibromyalgia"[mh] OR "Neuralgia"[mh]'
    ' OR "Arthritis"[mh] OR "Low Back Pain"[mh] OR "Pain"[mh])'
)

# NCBI's published limits: 3 requests/s without a key, 10 with one.
RATE_NO_KEY = 3.0
RATE_WITH_KEY = 10.0
# EFetch batch: NCBI allows up to 10,000 per request; 500 keeps responses small and retries cheap.
DEFAULT_BATCH_SIZE = 500
MAX_BATCH_SIZE = 10_000
# Overlap of incremental runs, in days, so records indexed late are not missed.
DEFAULT_OVERLAP_DAYS = 7
# Re-fetch every held PMID when the last full refresh is older than this many days.
DEFAULT_REFRESH_DAYS = 30


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    email: str | None = None
    api_key: str | None = field(default=None, repr=False)
    eutils_base: str = DEFAULT_EUTILS_BASE
    tool: str = "ldn-review"
    query: str = DEFAULT_QUERY
    batch_size: int = DEFAULT_BATCH_SIZE
    timeout_s: float = 60.0
    max_retries: int = 6
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    retry_budget_s: float = 300.0
    overlap_days: int = DEFAULT_OVERLAP_DAYS
    refresh_days: int = DEFAULT_REFRESH_DAYS
    claims_file: Path | None = None
    # The exact number of held records a refresh may drop although it is more than an outage
    # would explain (LDN_REVIEW_ACCEPT_DELETIONS, after checking that PubMed did delete them).
    accept_deletions: int | None = None

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def curated_dir(self) -> Path:
        return self.data_dir / "curated"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @property
    def state_dir(self) -> Path:
        return self.data_dir / "state"

    @property
    def requests_per_second(self) -> float:
        return RATE_WITH_KEY if self.api_key else RATE_NO_KEY

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build settings from the environment (``NCBI_EMAIL``, ``NCBI_API_KEY``, ``NCBI_EUTILS_BASE``,
    ``LDN_REVIEW_QUERY``, ``LDN_REVIEW_BATCH_SIZE``, ``LDN_REVIEW_ACCEPT_DELETIONS``) and explicit
    overrides."""
    env = os.environ if env is None else env
    values: dict[str, object] = {
        "email": env.get("NCBI_EMAIL") or None,
        "api_key": env.get("NCBI_API_KEY") or None,
        "eutils_base": (env.get("NCBI_EUTILS_BASE") or DEFAULT_EUTILS_BASE).rstrip("/"),
    }
    if env.get("LDN_REVIEW_QUERY"):
        values["query"] = env["LDN_REVIEW_QUERY"]
    if env.get("LDN_REVIEW_BATCH_SIZE"):
        try:
            values["batch_size"] = int(env["LDN_REVIEW_BATCH_SIZE"])
        except ValueError as exc:
            raise ConfigError(
                f"LDN_REVIEW_BATCH_SIZE={env['LDN_REVIEW_BATCH_SIZE']!r} is not an integer"
            ) from exc
    if env.get("LDN_REVIEW_ACCEPT_DELETIONS"):
        try:
            values["accept_deletions"] = int(env["LDN_REVIEW_ACCEPT_DELETIONS"])
        except ValueError as exc:
            raise ConfigError(
                f"LDN_REVIEW_ACCEPT_DELETIONS={env['LDN_REVIEW_ACCEPT_DELETIONS']!r} is not an "
                "integer: give the number of deletions the refused refresh reported"
            ) from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = Settings(**values)  # type: ignore[arg-type]
    if not settings.eutils_base.startswith(("http://", "https://")):
        raise ConfigError(
            f"NCBI_EUTILS_BASE={settings.eutils_base!r} is not an http:// or https:// URL; "
            f"unset it to use NCBI's ({DEFAULT_EUTILS_BASE})"
        )
    if not 1 <= settings.batch_size <= MAX_BATCH_SIZE:
        raise ConfigError(
            f"batch size {settings.batch_size} is out of range: E-utilities EFetch accepts 1 to "
            f"{MAX_BATCH_SIZE} records per request"
        )
    return settings
