"""``ldn-review status``: the last runs, record counts and the watermark."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .pipeline import FAILED_SUFFIX, current_watermark
from .tables import CuratedStore


def _text(value: object) -> str:
    return "-" if value is None or pd.isna(value) else str(value)


def _count(value: object) -> str:
    return "-" if value is None or pd.isna(value) else f"{int(value):,}"  # type: ignore[call-overload]


def render_status(data_dir: Path, n: int = 10) -> str:
    store = CuratedStore(data_dir)
    live = store.live_dir()
    if live is None:
        return f"no curated tables under {data_dir} yet: run `ldn-review run` (or `--offline`)"
    runs = store.read("runs").sort_values("run_id")
    shown = str(live)
    if live.name.endswith(FAILED_SUFFIX):
        failed = live.name[: -len(FAILED_SUFFIX)]
        shown += f" (the last successful run's tables; failed run {failed} added its row to runs)"
    lines = [f"data dir:   {data_dir}", f"curated:    {shown}"]
    for name in ("articles", "studies", "outcomes", "claim_evidence"):
        path = live / f"{name}.parquet"
        if path.exists():
            import pyarrow.parquet as pq

            label = f"{name}:"
            lines.append(f"{label:<11} {pq.ParquetFile(path).metadata.num_rows:,} rows")
    lines.append(
        f"watermark:  {current_watermark(runs) or 'none (next live run fetches everything)'}"
    )
    lines.append("")
    lines.append(
        f"{'run_id':<28}{'mode':<12}{'status':<9}{'records':>9}{'new':>7}{'revised':>9}{'requests':>9}  watermark"
    )
    for _, r in runs.tail(n).iterrows():
        lines.append(
            f"{_text(r['run_id']):<28}{_text(r['mode']):<12}{_text(r['status']):<9}"
            f"{_count(r['n_records']):>9}{_count(r['n_new']):>7}{_count(r['n_updated']):>9}"
            f"{_count(r['n_requests']):>9}  {_text(r['watermark'])}"
        )
        if r["status"] != "success" and not pd.isna(r["message"]):
            lines.append(f"    reason: {r['message']}")
    return "\n".join(lines)
