"""Score the extractor against the labelled development corpus (and, optionally, real MEDLINE).

    .venv/bin/python benchmarks/extraction_eval.py [--corpus DIR] [--verbose]
    .venv/bin/python benchmarks/extraction_eval.py --all     # every corpus, one line each
    .venv/bin/python benchmarks/extraction_eval.py --medline [FILE] [--verbose]

Default corpus: /work/shared/ldn-corpus (``*.xml`` plus ``labels.csv``). Exit 2 when it is absent.
Fields scored: design, randomized, blinding, placebo, n_enrolled (exact), dose, duration, result,
``claim`` (the built-in claims C1-C4 the record is primary evidence for, as ``claim_evidence`` lists
them, against the label's ``claim``) and ``nct`` (NCT ids among ``registry_ids`` against ``nct_id``).
``--medline`` classifies 604 real citations from title and abstract only (publication types, MeSH
and comment links hidden) and reports agreement with the NLM publication types for four classes;
``--with-pubtypes`` leaves the metadata visible, ``--show-errors`` lists every disagreement with the
rule and sentence that decided the design.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ldn_review.claims import PRIMARY_LEVELS, build_claim_tables, load_claims
from ldn_review.extract import Extraction, extract_study
from ldn_review.extract_cues import NALTREXONE_RE
from ldn_review.models import Article
from ldn_review.parse import iter_records
from ldn_review.rebuild import article_row

DEFAULT_CORPUS = Path("/work/shared/ldn-corpus")
DEFAULT_MEDLINE = Path("/work/shared/ncbi-samples/medline16n0902.xml.gz")
# Labelled evaluation sets written for this project (see benchmarks/corpora/README.md).
CORPORA_DIR = Path(__file__).resolve().parent / "corpora"
# Durations agree within a week or 10 %: months are converted at 4.345 weeks and labels round.
DURATION_TOLERANCE_WEEKS = 1.0
DURATION_TOLERANCE_FRACTION = 0.10
# Doses agree to 1 microgram.
DOSE_TOLERANCE_MG = 1e-3
TARGETS = {"design": 0.95, "n_enrolled": 0.90, "dose": 0.90, "result": 0.85}
_LEADING_NUMBER_RE = re.compile(r"^\s*<?\s*(\d+(?:\.\d+)?)")
_NCT_RE = re.compile(r"NCT\d{8}", re.I)
FIELDS = ("design", "randomized", "blinding", "placebo_controlled", "n_enrolled", "dose",
          "duration", "result", "claim", "nct")


def iter_articles(paths: list[Path]) -> Iterator[Article]:
    for rec in iter_records(paths):
        if isinstance(rec, Article):
            yield rec


# --- label parsing --------------------------------------------------------------------------------


def _label_bool(text: str) -> bool | None:
    return {"yes": True, "no": False}.get(text.strip().lower())


def _label_int(text: str) -> int | None:
    m = _LEADING_NUMBER_RE.match(text)
    return int(float(m.group(1))) if m else None


def _label_range(text: str) -> tuple[float | None, float | None, bool] | None:
    """(min, max, per_kg) of a label like '2-4', '0.5 mg/kg', '<10', '<=4.5', '3.7 (median)'."""
    t = text.strip()
    if not t:
        return None
    per_kg = "/kg" in t
    if t.startswith(("<", "\u2264")):
        return None, float(t.lstrip("<=\u2264 ").split()[0]), per_kg
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", t.split("mg")[0])]
    if not nums:
        return None
    return min(nums), max(nums), per_kg


def _close(a: float | None, b: float | None, tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol


def _duration_ok(got: float | None, label: str) -> bool | None:
    rng = _label_range(label)
    if rng is None:
        return got is None
    lo, hi, _ = rng
    lo = lo if lo is not None else hi
    assert hi is not None and lo is not None
    if got is None:
        return False
    tol = max(DURATION_TOLERANCE_WEEKS, DURATION_TOLERANCE_FRACTION * hi)
    return lo - tol <= got <= hi + tol


# --- scoring --------------------------------------------------------------------------------------


@dataclasses.dataclass
class Score:
    hits: int = 0
    total: int = 0
    misses: list[str] = dataclasses.field(default_factory=list)

    def add(self, ok: bool, detail: str) -> None:
        self.total += 1
        self.hits += int(ok)
        if not ok:
            self.misses.append(detail)

    @property
    def accuracy(self) -> float:
        return self.hits / self.total if self.total else float("nan")


def _studies_naltrexone(article: Article) -> bool:
    """Naltrexone is what the record studies: named in the title or at least twice in the abstract.
    Labels give the dose of whatever drug a record studies; a drug named once in passing ("an
    off-label trial of low-dose naltrexone had failed") is not scored against it."""
    if NALTREXONE_RE.search(article.title or ""):
        return True
    return len(NALTREXONE_RE.findall(article.abstract or "")) >= 2


def score_corpus(corpus: Path, verbose: bool) -> int:
    scores = _corpus_scores(corpus, verbose, quiet=False)
    return 2 if scores is None else 0


def _corpus_scores(corpus: Path, verbose: bool, *, quiet: bool) -> dict[str, Score] | None:
    labels_path = corpus / "labels.csv"
    files = sorted(corpus.glob("*.xml"))
    if not files or not labels_path.exists():
        print(f"corpus not found: {corpus} needs *.xml and labels.csv (use --corpus DIR)")
        return None
    with labels_path.open(newline="", encoding="utf-8") as fh:
        labels = {row["pmid"]: row for row in csv.DictReader(fh)}
    articles = list(iter_articles(files))
    t0 = time.perf_counter()
    extractions = {a.pmid: extract_study(a) for a in articles}
    elapsed = time.perf_counter() - t0
    scores: dict[str, Score] = {k: Score() for k in FIELDS}
    claimed = claims_by_pmid(articles, extractions)
    confusion: Counter[tuple[str, str]] = Counter()
    for art in articles:
        lab = labels.get(art.pmid)
        if lab is None:
            continue
        st: dict[str, Any] = extractions[art.pmid].study
        tag = f"{art.pmid} {(art.title or '')[:60]}"
        confusion[(lab["design"], st["design"])] += 1
        scores["design"].add(st["design"] == lab["design"],
                             f"{tag}: got {st['design']}, want {lab['design']}")
        for name in ("randomized", "placebo_controlled"):
            want = _label_bool(lab[name])
            scores[name].add(st[name] == want, f"{tag}: got {st[name]}, want {want}")
        want_blind = lab["blinding"].strip() or None
        scores["blinding"].add(st["blinding"] == want_blind,
                               f"{tag}: got {st['blinding']}, want {want_blind}")
        want_n = _label_int(lab["n_enrolled"])
        scores["n_enrolled"].add(st["n_enrolled"] == want_n,
                                 f"{tag}: got {st['n_enrolled']}, want {want_n}")
        _score_dose(scores["dose"], st, lab["dose_mg"], art, tag)
        ok = _duration_ok(st["duration_weeks"], lab["duration_weeks"])
        scores["duration"].add(bool(ok), f"{tag}: got {st['duration_weeks']}, "
                                         f"want {lab['duration_weeks'] or None}")
        want_result = None if lab["result"] in ("na", "") else lab["result"]
        scores["result"].add(st["result"] == want_result,
                             f"{tag}: got {st['result']}, want {want_result}")
        want_claims = sorted(set(re.findall(r"C\d+", lab.get("claim") or "")))
        got_claims = sorted(claimed.get(art.pmid, ()))
        scores["claim"].add(got_claims == want_claims,
                            f"{tag}: got {got_claims or None}, want {want_claims or None}")
        want_nct = sorted({x.upper() for x in _NCT_RE.findall(lab.get("nct_id") or "")})
        got_nct = sorted({x.upper() for x in st["registry_ids"] if _NCT_RE.fullmatch(x)})
        scores["nct"].add(got_nct == want_nct, f"{tag}: got {got_nct or None}, want {want_nct or None}")
    if quiet:
        return scores
    _print_scores(scores, verbose)
    _print_confusion(confusion)
    rate = len(articles) / elapsed if elapsed else float("inf")
    print(f"\n{len(articles)} records extracted in {elapsed:.3f} s ({rate:,.0f} records/s)")
    return scores


def claims_by_pmid(articles: list[Article], extractions: dict[str, Extraction]) -> dict[str, set[str]]:
    """The built-in claims (C1-C4) for which each record is primary evidence, as the pipeline's
    ``claim_evidence`` table lists them: LDN studies in humans whose main conditions are the
    claim's, at the levels that decide a verdict (trials and observational studies). Reviews,
    protocols and letters are listed there too but never decide, and the labels give them no
    claim."""
    tables = build_claim_tables(
        load_claims(),
        pd.DataFrame([article_row(a) for a in articles]),
        pd.DataFrame([e.study for e in extractions.values()]),
        pd.DataFrame([o for e in extractions.values() for o in e.outcomes]),
    )
    ev = tables["claim_evidence"]
    ev = ev[ev["evidence_level"].isin(PRIMARY_LEVELS)]
    out: dict[str, set[str]] = {}
    for pmid, claim_id in zip(ev["pmid"], ev["claim_id"], strict=True):
        out.setdefault(str(pmid), set()).add(str(claim_id))
    return out


def score_all(corpora: list[Path]) -> int:
    """One line of per-field accuracies for each corpus, then all records pooled."""
    fields = FIELDS
    short = {"placebo_controlled": "placebo", "n_enrolled": "n_enrolled", "randomized": "random"}
    print(f"{'corpus':<24}{'records':>8}" + "".join(f"{short.get(f, f):>11}" for f in fields))
    pooled = {f: Score() for f in fields}
    for corpus in corpora:
        scores = _corpus_scores(corpus, False, quiet=True)
        if scores is None:
            return 2
        for f in fields:
            pooled[f].hits += scores[f].hits
            pooled[f].total += scores[f].total
        print(f"{corpus.name:<24}{scores['design'].total:>8}"
              + "".join(f"{scores[f].accuracy:>11.3f}" for f in fields))
    print(f"{'all':<24}{pooled['design'].total:>8}"
          + "".join(f"{pooled[f].accuracy:>11.3f}" for f in fields))
    print(f"(dose is scored on naltrexone records with a labelled dose: {pooled['dose'].total})")
    return 0


def _score_dose(score: Score, st: dict[str, Any], label: str, art: Article, tag: str) -> None:
    """Dose is compared where the label gives one and the study is about naltrexone."""
    rng = _label_range(label)
    if rng is None or not _studies_naltrexone(art):
        return
    lo, hi, per_kg = rng
    got_lo = st["dose_mg_per_kg_min"] if per_kg else st["dose_mg_min"]
    got_hi = st["dose_mg_per_kg_max"] if per_kg else st["dose_mg_max"]
    ok = _close(got_lo, lo, DOSE_TOLERANCE_MG) and _close(got_hi, hi, DOSE_TOLERANCE_MG)
    score.add(ok, f"{tag}: got {got_lo}-{got_hi}{' mg/kg' if per_kg else ''}, want {label}")


def _print_scores(scores: dict[str, Score], verbose: bool) -> None:
    print(f"{'field':<20}{'accuracy':>10}{'n':>6}{'target':>9}")
    for name, sc in scores.items():
        target = TARGETS.get(name)
        flag = "" if target is None else ("  ok" if sc.accuracy >= target else "  BELOW")
        t = f"{target:.2f}" if target else ""
        print(f"{name:<20}{sc.accuracy:>10.3f}{sc.total:>6}{t:>9}{flag}")
    if verbose:
        for name, sc in scores.items():
            if sc.misses:
                print(f"\n-- {name} mismatches ({len(sc.misses)})")
                for m in sc.misses:
                    print(f"   {m}")


def _print_confusion(confusion: Counter[tuple[str, str]]) -> None:
    wants = sorted({w for w, _ in confusion})
    gots = sorted({g for _, g in confusion})
    short = {g: g.replace("_", "")[:7] for g in gots}
    print("\ndesign confusion (rows: label, columns: extracted)")
    print(" " * 26 + " ".join(f"{short[g]:>7}" for g in gots))
    for w in wants:
        cells = " ".join(f"{confusion.get((w, g), 0) or '.':>7}" for g in gots)
        print(f"{w:<26}{cells}")


# --- MEDLINE agreement ----------------------------------------------------------------------------

# NLM publication type -> our class, and our designs -> the same classes.
NLM_CLASSES = {
    "rct": {"randomized controlled trial"},
    "review": {"review", "systematic review", "meta-analysis"},
    "case_report": {"case reports"},
    "letter_editorial_comment": {"letter", "editorial", "comment"},
}
DESIGN_CLASSES = {
    "rct": {"rct_parallel", "rct_crossover"},
    "review": {"systematic_review", "meta_analysis", "narrative_review"},
    "case_report": {"case_report"},
    "letter_editorial_comment": {"commentary"},
}


# Only citations with this status have been indexed by NLM (publication types such as Randomized
# Controlled Trial, Case Reports, Letter assigned, MeSH added). In-Process, In-Data-Review and
# PubMed-not-MEDLINE citations carry the publisher's types only (mostly just "Journal Article"), so
# a real trial or case report there counts as a false positive against NLM.
INDEXED_STATUS = "MEDLINE"


def _print_agreement(name: str, rows: list[tuple[Article, set[str], set[str], dict[str, Any]]]
                     ) -> None:
    print(f"{name}\n{'class':<26}{'NLM':>6}{'found':>7}{'both':>6}{'precision':>11}{'recall':>8}")
    for cls in NLM_CLASSES:
        nlm = sum(1 for _, t, _, _ in rows if cls in t)
        found = sum(1 for _, _, g, _ in rows if cls in g)
        both = sum(1 for _, t, g, _ in rows if cls in t and cls in g)
        prec = both / found if found else float("nan")
        rec = both / nlm if nlm else float("nan")
        print(f"{cls:<26}{nlm:>6}{found:>7}{both:>6}{prec:>11.2f}{rec:>8.2f}")
    agree = sum(1 for _, t, g, _ in rows if t == g)
    print(f"exact class agreement (incl. 'none of these'): {agree}/{len(rows)} "
          f"= {agree / len(rows):.3f}\n")


def _hide_metadata(art: Article) -> Article:
    """The record as text alone: no publication types, MeSH or comment/correction links."""
    return dataclasses.replace(art, publication_types=[], mesh_terms=[], mesh_headings=[],
                               mesh_major_terms=[], comments_corrections=[])


def score_medline(path: Path, verbose: bool, *, with_pubtypes: bool = False,
                  show_errors: bool = False) -> int:
    if not path.exists():
        print(f"MEDLINE sample not found: {path}")
        return 2
    rows: list[tuple[Article, set[str], set[str], dict[str, Any]]] = []
    t0 = time.perf_counter()
    for art in iter_articles([path]):
        truth = {c for c, types in NLM_CLASSES.items()
                 if any(t.lower() in types for t in art.publication_types)}
        st = extract_study(art if with_pubtypes else _hide_metadata(art)).study
        got = {c for c, designs in DESIGN_CLASSES.items() if st["design"] in designs}
        rows.append((art, truth, got, st))
    elapsed = time.perf_counter() - t0
    with_abstract = sum(1 for a, *_ in rows if a.abstract)
    shown = "publication types and MeSH visible" if with_pubtypes else \
        "publication types and MeSH hidden"
    print(f"{len(rows)} citations ({with_abstract} with an abstract), {shown}; "
          f"{len(rows) / elapsed:,.0f} records/s including parsing\n")
    _print_agreement("all records (NLM types complete only where Status=MEDLINE)", rows)
    indexed = [r for r in rows if r[0].medline_status == INDEXED_STATUS]
    _print_agreement(f"NLM-indexed records only (Status={INDEXED_STATUS}, {len(indexed)})", indexed)
    designs = Counter(st["design"] for *_, st in rows)
    print("designs found: " + ", ".join(f"{d} {n}" for d, n in designs.most_common()))
    if verbose or show_errors:
        print("\ndisagreements:")
        for art, t, g, st in rows:
            if t == g:
                continue
            print(f"   {art.pmid} NLM={sorted(t)} got={sorted(g)} design={st['design']} "
                  f"abstract={'yes' if art.abstract else 'no'} :: {(art.title or '')[:90]}")
            if show_errors:
                print(f"      types: {'; '.join(art.publication_types)}  "
                      f"status: {art.medline_status}")
                ev = next((e for e in st["evidence"] if e["field"] == "design"), None)
                if ev:
                    print(f"      rule: {ev['rule']}  sentence: {(ev['sentence'] or '')[:200]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled corpus directory")
    ap.add_argument("--medline", nargs="?", const=DEFAULT_MEDLINE, type=Path, default=None,
                    help="score design classes on a MEDLINE file (default: the shared sample)")
    ap.add_argument("--with-pubtypes", action="store_true",
                    help="with --medline: leave publication types and MeSH visible")
    ap.add_argument("--show-errors", action="store_true",
                    help="with --medline: list each disagreement with its design rule and sentence")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    ap.add_argument("--all", action="store_true",
                    help="one summary line per corpus: the development set and benchmarks/corpora/*")
    args = ap.parse_args(argv)
    if args.all:
        return score_all([args.corpus, *sorted(p for p in CORPORA_DIR.iterdir() if p.is_dir())])
    if args.medline is not None:
        return score_medline(args.medline, args.verbose, with_pubtypes=args.with_pubtypes,
                             show_errors=args.show_errors)
    return score_corpus(args.corpus, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
