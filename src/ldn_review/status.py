"""``ldn-review status``: the last runs, record counts and the watermark."""

from __future__ import annotations

from pathlib import Path

from .pipeline import current_watermark
from .tables import CuratedStore


def render_status(data_dir: Path, n: int = 10) -> str:
    store = CuratedStore(data_dir)
    live = store.live_dir()
    if live is None:
        return f"no curated tables under {data_dir} yet: run `ldn-review run` (or `--offline`)"
    runs = store.read("runs").sort_values("run_id")
    lines = [f"data dir:   {data_dir}", f"curated:    {live}"]
    for name in ("articles", "studies", "outcomes", "claim_evidence"):
        path = live / f"{name}.parquet"
        if path.exists():
            import pyarrow.parquet as pq

            lines.append(f"{name + ':':<12}{pq.ParquetFile(path).metadata.num_rows:,} rows")
    lines.append(
        f"watermark:  {current_watermark(runs) or 'none (next live run fetches everything)'}"
    )
    lines.append("")
    lines.append(
        f"{'run_id':<28}{'mode':<12}{'status':<9}{'records':>9}{'new':>7}{'revised':>9}{'requests':>9}  watermark"
    )
    for _, r in runs.tail(n).iterrows():
        lines.append(
            f"{r['run_id']:<28}{r['mode']:<12}{r['status']:<9}{int(r['n_records'] or 0):>9,}"
            f"{int(r['n_new'] or 0):>7,}{int(r['n_updated'] or 0):>9,}{int(r['n_requests'] or 0):>9,}  "
            f"{r['watermark'] or '-'}"
        )
        if r["status"] != "success" and r["message"]:
            lines.append(f"    reason: {r['message']}")
    return "\n".join(lines)
