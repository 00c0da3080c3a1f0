"""HTTP requests per run, counted at the fake E-utilities server (``ldn_review.fake_eutils``).

    .venv/bin/python benchmarks/bench_requests.py                    # N = 1,234 and 25,000
    .venv/bin/python benchmarks/bench_requests.py --n 1234 --batch 500

For each N, a fresh data directory and a fresh server holding N records (creation dates spread over
2000-2024) go through three runs of ``ldn_review.pipeline.run_plain(settings, offline=False)``:

1. the first run (fetches everything; N > 9,999 forces creation-date slicing),
2. a weekly run with no new records,
3. a weekly run after a few records were added with today's creation date.

Every request the server receives is counted (retries included), by utility. The targets: a weekly
run with nothing new makes at most 2 requests; a first run makes at most
``1 + ceil(N / batch)`` plus the extra ESearch of each date slice. Results go to
``benchmarks/out/requests.md`` (printed too).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import OUT_DIR, facts_markdown, machine_facts, markdown_table  # noqa: E402

DEFAULT_SIZES = (1_234, 25_000)
TARGET_WEEKLY_NO_NEW = 2
N_ADDED = 37  # records created "today" before the third run
# Short backoff: the fake injects no faults here, and retries, if any, should not slow the run.
BACKOFF = {"backoff_base_s": 0.01, "backoff_max_s": 0.1, "retry_budget_s": 30.0}


def count_requests(server: Any, since: int) -> dict[str, int]:
    counts = collections.Counter(r.utility for r in server.request_log[since:])
    return {"esearch": counts["esearch"], "epost": counts["epost"], "efetch": counts["efetch"],
            "total": sum(counts.values())}


def run_once(settings: Any, server: Any, label: str) -> dict[str, Any]:
    from ldn_review.pipeline import run_plain

    since = len(server.request_log)
    t0 = time.perf_counter()
    result = run_plain(settings, offline=False)
    seconds = time.perf_counter() - t0
    counts = count_requests(server, since)
    statuses = collections.Counter(r.status for r in server.request_log[since:])
    print(f"  {label}: {counts['total']} requests {counts} in {seconds:.1f} s, {result.n_records:,} articles, "
          f"{result.n_new:,} new", file=sys.stderr, flush=True)
    return {"run": label, **counts, "seconds": seconds, "n_articles": result.n_records, "n_new": result.n_new,
            "http_statuses": dict(statuses)}


def first_run_budget(n: int, batch: int, n_esearch: int) -> int:
    """1 ESearch + ceil(N / batch) EFetch, plus the ESearch of every date slice beyond the first."""
    return 1 + math.ceil(n / batch) + max(0, n_esearch - 1)


def bench_size(n: int, batch: int, api_key: str | None) -> dict[str, Any]:
    from ldn_review.fake_eutils import FakeEutils, FakeRecord, generate_records
    from ldn_review.settings import load_settings

    records = generate_records(n)
    with FakeEutils(records) as server, tempfile.TemporaryDirectory(prefix="bench-requests-") as tmp:
        settings = load_settings(env={}, data_dir=Path(tmp), eutils_base=server.base_url, batch_size=batch,
                                 email="bench@example.org", api_key=api_key, **BACKOFF)
        print(f"N = {n:,}, batch {batch}", file=sys.stderr, flush=True)
        first = run_once(settings, server, "first run")
        weekly = run_once(settings, server, "weekly run, no new records")
        today = dt.datetime.now(dt.timezone.utc).date()
        for i in range(N_ADDED):
            extra = FakeRecord(str(40_000_000 + i), today)
            server.add_record(extra.pmid, None, extra.created)
        weekly_new = run_once(settings, server, f"weekly run, {N_ADDED} new records")
    slices = first["esearch"] - 1
    return {"n": n, "batch": batch, "runs": [first, weekly, weekly_new], "slices": slices,
            "budget_first": first_run_budget(n, batch, first["esearch"]),
            "budget_weekly_new": 1 + math.ceil(N_ADDED / batch)}


def render(results: list[dict[str, Any]], facts: dict[str, str], api_key: bool) -> str:
    rows = []
    checks = []
    for res in results:
        n, batch = res["n"], res["batch"]
        for run in res["runs"]:
            rows.append((f"{n:,}", run["run"], run["esearch"], run["epost"], run["efetch"], run["total"],
                         f"{run['seconds']:.1f}", f"{run['n_articles']:,}", f"{run['n_new']:,}"))
        first, weekly, weekly_new = res["runs"]
        leaf_bound = res["budget_first"] + res["slices"]  # one partial EFetch batch per extra slice
        checks.append((f"first run, N = {n:,}", first["total"],
                       f"≤ 1 + ceil({n:,}/{batch}) + {res['slices']} slice searches = {res['budget_first']}",
                       "met" if first["total"] <= res["budget_first"] else
                       f"**missed** (≤ {leaf_bound} if each slice may end in a partial batch: "
                       f"{'met' if first['total'] <= leaf_bound else 'missed'})"))
        checks.append((f"weekly run, no new records, N = {n:,}", weekly["total"], f"≤ {TARGET_WEEKLY_NO_NEW}",
                       "met" if weekly["total"] <= TARGET_WEEKLY_NO_NEW else "**missed**"))
        checks.append((f"weekly run, {N_ADDED} new records, N = {n:,}", weekly_new["total"],
                       f"≤ {res['budget_weekly_new']} (1 + ceil({N_ADDED}/{batch}))",
                       "met" if weekly_new["total"] <= res["budget_weekly_new"] else "**missed**"))
    return "\n".join([
        "# HTTP requests per run (fake E-utilities server)",
        "",
        "Counted at the server (every request received, retries included), running "
        "`ldn_review.pipeline.run_plain(settings, offline=False)` three times on one data directory. "
        f"API key set: {'yes (10 requests/s)' if api_key else 'no (3 requests/s)'}.",
        "",
        markdown_table(("N", "run", "esearch", "epost", "efetch", "total requests", "wall s", "articles after",
                        "new"), rows),
        "",
        markdown_table(("check", "requests", "target", "status"), checks),
        "",
        "Machine:",
        "",
        facts_markdown(facts),
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="records on the server (repeatable); "
                    f"default {', '.join(f'{n:,}' for n in DEFAULT_SIZES)}")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--no-api-key", action="store_true", help="run at 3 requests/s like a keyless client")
    args = ap.parse_args(argv)
    api_key = None if args.no_api_key else "fake-server-key"  # the fake accepts any key
    facts = machine_facts()
    results = [bench_size(n, args.batch, api_key) for n in (args.n or DEFAULT_SIZES)]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "requests.json").write_text(json.dumps(results, indent=1, default=str))
    markdown = render(results, facts, api_key is not None)
    (OUT_DIR / "requests.md").write_text(markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
