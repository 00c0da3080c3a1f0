"""Helpers shared by the benchmark scripts: paths, generated inputs, machine facts, Markdown."""

from __future__ import annotations

import gzip
import json
import os
import platform
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
OUT_DIR = BENCH_DIR / "out"
PACKAGES = ("ldn-review", "lxml", "pubmed-parser", "biopython", "pyarrow", "pandas", "prefect", "psutil",
            "pyinstrument")

if str(BENCH_DIR) not in sys.path:  # so the scripts can import each other when run as files
    sys.path.insert(0, str(BENCH_DIR))


def size_label(n: int) -> str:
    """30000 -> "30k", 1234 -> "1234"."""
    return f"{n // 1000}k" if n % 1000 == 0 and n >= 1000 else str(n)


def data_file(n: int, seed: int = 1) -> Path:
    suffix = "" if seed == 1 else f"_s{seed}"
    return DATA_DIR / f"pubmed_{size_label(n)}{suffix}.xml.gz"


def ensure_data_file(n: int, seed: int = 1) -> Path:
    """The generated gzip file of n records, generated (and described in a sidecar) if missing."""
    from generate_pubmed import generate_file

    path = data_file(n, seed)
    if not path.exists():
        print(f"generating {n:,} records -> {path}", file=sys.stderr, flush=True)
        generate_file(path, n, seed)
    describe_data_file(path, n, seed)
    return path


def describe_data_file(path: Path, n: int, seed: int) -> dict[str, object]:
    """Sizes of a generated file (compressed, uncompressed), cached next to it as JSON."""
    meta_path = path.with_name(path.name + ".json")
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("mtime") == path.stat().st_mtime and meta.get("n") == n:
            return meta
    raw = 0
    with gzip.open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            raw += len(chunk)
    meta = {"n": n, "seed": seed, "gzip_bytes": path.stat().st_size, "xml_bytes": raw,
            "mtime": path.stat().st_mtime}
    meta_path.write_text(json.dumps(meta))
    return meta


def memory_mb() -> int | None:
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


def machine_facts() -> dict[str, str]:
    facts = {
        "cpus (nproc)": str(os.cpu_count()),
        "memory": f"{memory_mb():,} MB" if memory_mb() else "unknown",
        "os": platform.platform(),
        "python": platform.python_version(),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    facts["source"] = source_version()
    for name in PACKAGES:
        try:
            facts[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            facts[name] = "not installed"
    return facts


def source_version() -> str:
    """Git HEAD plus a short hash of the stage modules measured (the tree changes under us)."""
    import hashlib
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_DIR, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        head = "unknown"
    src = REPO_DIR / "src" / "ldn_review"
    parts = []
    for name in ("parse.py", "rebuild.py", "extract.py"):
        path = src / name
        if path.exists():
            parts.append(f"{name} {hashlib.sha256(path.read_bytes()).hexdigest()[:8]}")
    return f"git {head}; " + ", ".join(parts)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def facts_markdown(facts: dict[str, str]) -> str:
    return "\n".join(f"- {k}: {v}" for k, v in facts.items())
