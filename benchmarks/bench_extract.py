"""Extraction throughput: parse a PubMed file once, then time ``extract_study`` alone.

    .venv/bin/python benchmarks/bench_extract.py                      # corpus + MEDLINE sample
    .venv/bin/python benchmarks/bench_extract.py benchmarks/data/pubmed_30k.xml.gz --limit 5000
    .venv/bin/python benchmarks/bench_extract.py FILE --repeat 3 --profile 25

Input: the files named on the command line; by default the development corpus
(/work/shared/ldn-corpus/*.xml) and the real MEDLINE sample, and the generated
``benchmarks/data/pubmed_30k.xml.gz`` when it exists. Records are parsed once with
``ldn_review.parse.iter_file_records`` (not timed), then each input set is repeated until it holds
at least ``--min-records`` articles and ``extract_study`` is timed over all of them
(``time.perf_counter``; best of ``--repeat`` passes). ``--profile N`` prints the N most expensive
functions by own time (cProfile) for the last input.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from ldn_review.extract import extract_study
from ldn_review.models import Article
from ldn_review.parse import iter_file_records

BENCH_DIR = Path(__file__).resolve().parent
CORPUS_DIR = Path("/work/shared/ldn-corpus")
MEDLINE_SAMPLE = Path("/work/shared/ncbi-samples/medline16n0902.xml.gz")
GENERATED = BENCH_DIR / "data" / "pubmed_30k.xml.gz"
# Extraction must reach this on typical abstracts for the whole rebuild (parse + extract + write)
# to reach ~2,000 records/s on 2 cores.
TARGET_RECORDS_PER_S = 3000.0


def load_articles(paths: list[Path], limit: int | None) -> list[Article]:
    out: list[Article] = []
    for path in paths:
        for rec in iter_file_records(path):
            if isinstance(rec, Article):
                out.append(rec)
                if limit is not None and len(out) >= limit:
                    return out
    return out


def time_extraction(articles: list[Article], repeat: int) -> float:
    """Best wall time of ``repeat`` passes of extract_study over the articles, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for a in articles:
            extract_study(a)
        best = min(best, time.perf_counter() - t0)
    return best


def default_inputs() -> list[tuple[str, list[Path]]]:
    sets: list[tuple[str, list[Path]]] = []
    corpus = sorted(CORPUS_DIR.glob("*.xml"))
    if corpus:
        sets.append(("development corpus (77, repeated)", corpus))
    if MEDLINE_SAMPLE.exists():
        sets.append(("MEDLINE 2016 sample (604 real citations)", [MEDLINE_SAMPLE]))
    if GENERATED.exists():
        sets.append((f"generated {GENERATED.name}", [GENERATED]))
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, help="PubMed XML files (.xml or .xml.gz)")
    ap.add_argument("--limit", type=int, default=10000,
                    help="parse at most this many articles per input (default 10000)")
    ap.add_argument("--min-records", type=int, default=3000,
                    help="repeat an input's articles until at least this many (default 3000)")
    ap.add_argument("--repeat", type=int, default=2, help="timed passes; the best is kept")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="print the N functions with most own time (cProfile) for the last input")
    args = ap.parse_args(argv)
    sets = [(str(p), [p]) for p in args.paths] if args.paths else default_inputs()
    missing = [p for _, ps in sets for p in ps if not p.exists()]
    if not sets or missing:
        print(f"input not found: {', '.join(map(str, missing)) or 'no default inputs'}")
        return 2
    worst = float("inf")
    print(f"{'input':<48}{'articles':>9}{'timed':>8}{'seconds':>9}{'records/s':>11}")
    articles: list[Article] = []
    for name, paths in sets:
        articles = load_articles(paths, args.limit)
        if not articles:
            print(f"{name}: no articles")
            return 2
        reps = max(1, -(-args.min_records // len(articles)))
        timed = articles * reps
        seconds = time_extraction(timed, args.repeat)
        rate = len(timed) / seconds
        worst = min(worst, rate)
        print(f"{name[:47]:<48}{len(articles):>9}{len(timed):>8}{seconds:>9.2f}{rate:>11,.0f}")
    verdict = "ok" if worst >= TARGET_RECORDS_PER_S else "BELOW"
    print(f"\nslowest input: {worst:,.0f} records/s (target {TARGET_RECORDS_PER_S:,.0f}): {verdict}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for a in articles:
            extract_study(a)
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
