"""Parse throughput and peak memory: our pipeline and parser against pubmed_parser, Bio.Entrez and
bare ElementTree, on the same generated PubMed file.

    .venv/bin/python benchmarks/bench_parse.py --n 30000                  # every tool, once
    .venv/bin/python benchmarks/bench_parse.py --n 300000 --tools parse,rebuild
    .venv/bin/python benchmarks/bench_parse.py --n 30000 --tools parse,iterparse --repeat 3

Every measurement runs in a fresh Python process. The child times its own work (imports excluded)
with ``time.perf_counter``; the parent reads the child's peak resident set size from ``os.wait4``
(the per-child form of ``getrusage(RUSAGE_CHILDREN)``), so one tool's peak never hides another's.
With ``--repeat k`` the tools run in k interleaved rounds (so a busy machine slows all of them
alike); the fastest run of each is reported, and the largest peak RSS.

Results go to ``benchmarks/out/parse_<n>.md`` (printed too) and ``parse_<n>.json``. When results for
another size exist (``--flat-against``, default 30000), a table of peak RSS across sizes is added.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    OUT_DIR,
    REPO_DIR,
    ensure_data_file,
    facts_markdown,
    machine_facts,
    markdown_table,
    size_label,
)

# What each tool does, shown in the results table.
TOOLS: dict[str, str] = {
    "pipeline": "ours: run_plain(offline=True): parse + extract + tables + claims + report",
    "rebuild": "ours: rebuild_record_tables: parse + extract + write articles/studies/outcomes",
    "parse": "ours: parse stage, sum(1 for _ in iter_file_records(path))",
    "parse_inline": "ours: the same, gzip and expat check in the same process (one core)",
    "parse_unshared": "ours: two processes, the checker child reads no records (before 2026-12-03)",
    "pubmed_parser": "pubmed_parser.parse_medline_xml, options matched to ours (see README)",
    "pubmed_parser_defaults": "pubmed_parser.parse_medline_xml, default options",
    "entrez": "Bio.Entrez.read on the whole file (holds everything)",
    "iterparse": "bare xml.etree iterparse, clear() each PubmedArticle (the floor)",
    "lxml_iterparse": "bare lxml iterparse(tag=PubmedArticle), clear + drop siblings (context)",
}
DEFAULT_TOOLS = ("rebuild", "parse", "pubmed_parser", "pubmed_parser_defaults", "entrez", "iterparse",
                 "lxml_iterparse")
# pubmed_parser options that make it produce roughly what our parser produces: full publication
# dates, structured abstract sections by NLM category, authors as a list, MeSH qualifiers.
# References are not parsed by either (we drop "Cites"), so reference_list stays False.
PUBMED_PARSER_MATCHED = {"year_info_only": False, "nlm_category": True, "author_list": True,
                         "reference_list": False, "parse_downto_mesh_subterms": True}

# Targets from the brief (ratios of records per second, and of peak RSS across sizes).
TARGET_PARSE_VS_PUBMED_PARSER = 3.0
TARGET_PARSE_VS_ITERPARSE = 0.7
TARGET_REBUILD_VS_PUBMED_PARSER = 1.5
TARGET_RSS_GROWTH = 1.5


# --------------------------------------------------------------------------- workers (child side)


def _work_iterparse(path: Path) -> int:
    import gzip
    import xml.etree.ElementTree as ET

    n = 0
    with gzip.open(path, "rb") as fh:
        for _event, el in ET.iterparse(fh, events=("end",)):
            if el.tag == "PubmedArticle":
                n += 1
                el.clear()
    return n


def _work_lxml_iterparse(path: Path) -> int:
    import gzip

    from lxml import etree

    n = 0
    with gzip.open(path, "rb") as fh:
        for _event, el in etree.iterparse(fh, events=("end",), tag="PubmedArticle"):
            n += 1
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
    return n


def _work_parse(path: Path) -> int:
    from ldn_review.parse import iter_file_records

    return sum(1 for _ in iter_file_records(path))


def _work_parse_inline(path: Path) -> int:
    os.environ["LDN_REVIEW_PARSE_CHECKER"] = "inline"  # no child process for gzip and the check
    return _work_parse(path)


def _work_parse_unshared(path: Path) -> int:
    os.environ["LDN_REVIEW_PARSE_SHARE"] = "off"  # the child only decompresses and checks
    return _work_parse(path)


def _work_pubmed_parser(path: Path, options: dict[str, bool]) -> int:
    import pubmed_parser

    return sum(1 for _ in pubmed_parser.parse_medline_xml(str(path), **options))


def _work_entrez(path: Path) -> int:
    import gzip

    from Bio import Entrez

    with gzip.open(path, "rb") as fh:
        records = Entrez.read(fh)
    return len(records["PubmedArticle"])


def _raw_dir_with(path: Path, root: Path) -> Path:
    """A raw directory holding only ``path`` (symlinked, as a file dropped in by hand)."""
    raw = root / "raw" / "baseline"
    raw.mkdir(parents=True)
    (raw / path.name).symlink_to(path.resolve())
    return root / "raw"


def _work_rebuild(path: Path) -> int:
    from ldn_review.rebuild import rebuild_record_tables

    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp:
        raw = _raw_dir_with(path, Path(tmp))
        out = Path(tmp) / "out"
        out.mkdir()
        stats = rebuild_record_tables(raw, out)
        return stats.n_parsed


def _work_pipeline(path: Path) -> int:
    from ldn_review.pipeline import run_plain
    from ldn_review.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        _raw_dir_with(path, Path(tmp))
        settings = load_settings(env={}, data_dir=Path(tmp))
        result = run_plain(settings, offline=True)
        return result.stats.n_parsed


WORKERS: dict[str, Callable[[Path], int]] = {
    "iterparse": _work_iterparse,
    "lxml_iterparse": _work_lxml_iterparse,
    "parse": _work_parse,
    "parse_inline": _work_parse_inline,
    "parse_unshared": _work_parse_unshared,
    "pubmed_parser": lambda p: _work_pubmed_parser(p, PUBMED_PARSER_MATCHED),
    "pubmed_parser_defaults": lambda p: _work_pubmed_parser(p, {}),
    "entrez": _work_entrez,
    "rebuild": _work_rebuild,
    "pipeline": _work_pipeline,
}
# Imports done before the clock starts, so records/s measure work, not interpreter start-up.
PRELOAD = {
    "parse": ("ldn_review.parse",),
    "parse_inline": ("ldn_review.parse",),
    "parse_unshared": ("ldn_review.parse",),
    "lxml_iterparse": ("lxml.etree",),
    "pubmed_parser": ("pubmed_parser",),
    "pubmed_parser_defaults": ("pubmed_parser",),
    "entrez": ("Bio.Entrez",),
    "rebuild": ("ldn_review.rebuild", "pyarrow.parquet"),
    "pipeline": ("ldn_review.pipeline", "ldn_review.claims", "ldn_review.report"),
}


def run_worker(tool: str, path: Path) -> None:
    import importlib
    import resource

    for module in PRELOAD.get(tool, ()):
        importlib.import_module(module)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    n = WORKERS[tool](path)
    seconds = time.perf_counter() - t0
    print(json.dumps({"tool": tool, "records": n, "seconds": seconds, "rss_after_imports_mb": rss_before}))


# --------------------------------------------------------------------------- parent side


def measure(tool: str, path: Path) -> dict[str, Any]:
    """Run one tool in a fresh interpreter; its timing plus its own peak RSS from wait4."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", tool, "--path", str(path)]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err_file:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err_file, cwd=REPO_DIR)
        out = proc.stdout.read()  # type: ignore[union-attr]
        proc.stdout.close()  # type: ignore[union-attr]
        # wait4, not proc.wait(): it returns this child's own rusage (ru_maxrss = its peak RSS).
        _pid, wait_status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            err_file.seek(0)
            err = err_file.read().decode(errors="replace")[-3000:]
            raise SystemExit(f"{tool} failed (exit {proc.returncode}):\n{err}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    # CPU of the child and of its own children (the parse stage's checker process), so a tool
    # that uses two cores shows it
    cpu = usage.ru_utime + usage.ru_stime
    result.update(peak_rss_mb=usage.ru_maxrss / 1024, process_wall_s=wall, load_before=load, cpu_s=cpu,
                  measured_at=time.strftime("%Y-%m-%d %H:%M"))
    return result


def interleaved(tools: list[str], path: Path, repeat: int) -> dict[str, dict[str, Any]]:
    """Run every tool once per round, rounds repeated: under a varying machine load, each tool
    sees the same conditions. The fastest run of each tool is kept, with the largest peak RSS."""
    runs: dict[str, list[dict[str, Any]]] = {t: [] for t in tools}
    for round_no in range(1, repeat + 1):
        for tool in tools:
            r = measure(tool, path)
            runs[tool].append(r)
            print(f"  round {round_no}, {tool}: {r['records']:,} records in {r['seconds']:.2f} s, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB (load {r['load_before']:.2f})", file=sys.stderr, flush=True)
    results = {}
    for tool, tool_runs in runs.items():
        best = dict(min(tool_runs, key=lambda r: r["seconds"]))
        best["all_seconds"] = [round(r["seconds"], 3) for r in tool_runs]
        best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in tool_runs)
        results[tool] = best
    return results


def ratio(results: dict[str, dict[str, Any]], a: str, b: str) -> float | None:
    if a in results and b in results:
        return (results[a]["records"] / results[a]["seconds"]) / (results[b]["records"] / results[b]["seconds"])
    return None


def same_invocation(results: dict[str, dict[str, Any]], a: str, b: str) -> bool:
    """Whether a and b were measured in one invocation (interleaved, under the same conditions).
    Rows merged from earlier invocations may come from another hour or another machine state:
    this VM's pubmed_parser took 20.1 s at 03:52 and 13.2 s at 08:02 on the same file."""
    run_a, run_b = results[a].get("invocation"), results[b].get("invocation")
    return run_a is not None and run_a == run_b


def status(value: float | None, target: float, higher_is_better: bool = True) -> str:
    if value is None:
        return "not measured"
    ok = value >= target if higher_is_better else value <= target
    return "met" if ok else "**missed**"


def render(n: int, meta: dict[str, Any], results: dict[str, dict[str, Any]], facts: dict[str, str],
           flat: dict[str, Any] | None) -> str:
    mb = meta["xml_bytes"] / 1e6
    rows = []
    for tool, r in results.items():
        rate = r["records"] / r["seconds"]
        cpu = f"{r['cpu_s']:.1f}" if "cpu_s" in r else "-"
        rows.append((f"`{tool}`", TOOLS[tool], f"{r['records']:,}", f"{r['seconds']:.2f}", cpu, f"{rate:,.0f}",
                     f"{mb / r['seconds']:.1f}", f"{r['peak_rss_mb']:.0f}", f"{r['rss_after_imports_mb']:.0f}",
                     ", ".join(f"{s:.2f}" for s in r["all_seconds"]), f"{r['load_before']:.2f}",
                     r["measured_at"]))
    table = markdown_table(("tool", "what", "records", "wall s", "CPU s", "records/s", "XML MB/s", "peak RSS MB",
                            "RSS after imports MB", "all runs s", "load avg", "measured"), rows)
    ratios = [  # (what, ours, theirs, target)
        ("parse stage vs pubmed_parser (matched options)", "parse", "pubmed_parser",
         f"≥ {TARGET_PARSE_VS_PUBMED_PARSER:g}×"),
        ("parse stage vs pubmed_parser (defaults)", "parse", "pubmed_parser_defaults",
         f"≥ {TARGET_PARSE_VS_PUBMED_PARSER:g}×"),
        ("parse stage vs bare iterparse", "parse", "iterparse", f"≥ {TARGET_PARSE_VS_ITERPARSE:g}×"),
        ("context: parse stage on one core vs pubmed_parser (defaults)",
         "parse_inline", "pubmed_parser_defaults", "-"),
        ("context: parse stage on one core vs bare iterparse", "parse_inline", "iterparse", "-"),
        ("context: parse stage, child reading no records, vs pubmed_parser (defaults)",
         "parse_unshared", "pubmed_parser_defaults", "-"),
        ("full rebuild vs pubmed_parser (matched options)", "rebuild", "pubmed_parser",
         f"≥ {TARGET_REBUILD_VS_PUBMED_PARSER:g}×"),
        ("full rebuild vs pubmed_parser (defaults)", "rebuild", "pubmed_parser_defaults",
         f"≥ {TARGET_REBUILD_VS_PUBMED_PARSER:g}×"),
        ("parse stage vs Bio.Entrez.read", "parse", "entrez", "-"),
        ("context: bare iterparse (floor) vs pubmed_parser (defaults)",
         "iterparse", "pubmed_parser_defaults", "-"),
        ("context: bare lxml iterparse vs bare xml.etree iterparse", "lxml_iterparse", "iterparse",
         "-"),
        ("full pipeline vs pubmed_parser (matched options)", "pipeline", "pubmed_parser", "-"),
    ]
    ratio_rows = []
    for name, a, b, target in ratios:
        value = ratio(results, a, b)
        if value is None:
            continue
        goal = float(target.split()[1].rstrip("×")) if target != "-" else None
        verdict = status(value, goal) if goal else "-"
        together = same_invocation(results, a, b)
        if goal and not together:
            verdict += " (rows from different invocations: re-run both in one `--tools` list)"
        ratio_rows.append((name, f"{value:.2f}×", target, verdict, "yes" if together else "no"))
    parts = [
        f"# Parse benchmark, {n:,} records",
        "",
        f"Input: `{meta['path']}`, {n:,} records, {meta['gzip_bytes'] / 1e6:.1f} MB gzip, "
        f"{mb:.1f} MB XML ({meta['xml_bytes'] / n / 1000:.1f} KB per record).",
        "",
        table,
        "",
        "Ratios are of records per second (higher is better for ours).",
        "",
        markdown_table(("ratio", "measured", "target", "status", "same invocation"), ratio_rows),
    ]
    if flat:
        parts += ["", flat["markdown"]]
    parts += ["", "Machine:", "", facts_markdown(facts), ""]
    return "\n".join(parts)


def flatness(n: int, results: dict[str, dict[str, Any]], base_n: int) -> dict[str, Any] | None:
    """Peak RSS at n against the saved results at base_n, for the tools measured at both."""
    other = OUT_DIR / f"parse_{base_n}.json"
    if base_n == n or not other.exists():
        return None
    base = json.loads(other.read_text())["results"]
    small, large = (base, results) if base_n < n else (results, base)
    n_small, n_large = min(n, base_n), max(n, base_n)
    rows = []
    for tool in ("parse", "parse_inline", "rebuild", "pipeline", "iterparse", "pubmed_parser"):
        if tool in small and tool in large:
            growth = large[tool]["peak_rss_mb"] / small[tool]["peak_rss_mb"]
            rows.append((f"`{tool}`", f"{small[tool]['peak_rss_mb']:.0f}", f"{large[tool]['peak_rss_mb']:.0f}",
                         f"{growth:.2f}×", f"≤ {TARGET_RSS_GROWTH:g}×",
                         status(growth, TARGET_RSS_GROWTH, higher_is_better=False)))
    if not rows:
        return None
    md = (f"Peak RSS, {n_small:,} vs {n_large:,} records (flat in input size?):\n\n"
          + markdown_table(("tool", f"peak MB at {size_label(n_small)}", f"peak MB at {size_label(n_large)}",
                            "growth", "target", "status"), rows))
    return {"markdown": md}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=30_000, help="records in the generated input (made if missing)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tools", default=",".join(DEFAULT_TOOLS),
                    help=f"comma-separated subset of: {', '.join(TOOLS)}")
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool; the fastest is reported")
    ap.add_argument("--flat-against", type=int, default=30_000,
                    help="compare peak RSS with saved results of this size (if present)")
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        run_worker(args.worker, args.path)
        return 0

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tools {unknown}; choose from {', '.join(TOOLS)}")
    from _common import describe_data_file

    path = ensure_data_file(args.n, args.seed)
    meta = {**describe_data_file(path, args.n, args.seed), "path": os.path.relpath(path, REPO_DIR)}
    facts = machine_facts()
    print(f"{', '.join(tools)} on {path.name}, {args.repeat} round(s)", file=sys.stderr, flush=True)
    results = interleaved(tools, path, args.repeat)
    invocation = time.strftime("%Y-%m-%dT%H:%M:%S")
    for r in results.values():
        r["invocation"] = invocation
    for tool, r in results.items():
        if r["records"] != args.n:
            raise SystemExit(f"{tool} read {r['records']:,} records, expected {args.n:,}")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    json_path = OUT_DIR / f"parse_{args.n}.json"
    saved = json.loads(json_path.read_text())["results"] if json_path.exists() else {}
    saved.update(results)  # keep earlier tools' results of the same size when running a subset
    json_path.write_text(json.dumps({"n": args.n, "meta": meta, "facts": facts, "results": saved}, indent=1))
    merged = {t: saved[t] for t in TOOLS if t in saved}  # fixed order; earlier runs of other tools kept
    markdown = render(args.n, meta, merged, facts, flatness(args.n, merged, args.flat_against))
    md_path = OUT_DIR / f"parse_{args.n}.md"
    md_path.write_text(markdown)
    print(markdown)
    print(f"written: {md_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
