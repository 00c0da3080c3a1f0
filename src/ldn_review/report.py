"""The evidence report a reviewer reads after each run: one HTML page and one Markdown file.

:func:`render_report`, :func:`stage_report` and :func:`commit_report` are the only functions that
touch disk; everything else builds plain values from the curated tables. The HTML is
self-contained (inline CSS, figures embedded as base64 PNG, no scripts, fonts or network); the
Markdown links the same figures as PNG files in ``<out_dir>/figures/``. Two renders of the same inputs give identical bytes: rows are sorted and
the only timestamps are the run's own.

Record text is escaped everywhere: Jinja2 autoescape in HTML, :func:`escape_markdown` in Markdown.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from ldn_review import plots, vocab
from ldn_review.schemas import TABLES

# The article under review claims LDN works at 1.5-4.5 mg/day; doses are compared with that band.
CLAIMED_DOSE_BAND = (1.5, 4.5)
MAX_RECENT_RUNS = 10  # the run history table shows the latest runs only
MAX_DECISIVE_SHOWN = 4  # headline cell stays short; the per-claim section lists every study
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
DOI_URL = "https://doi.org/{doi}"
REPORT_FILE_MODE = 0o644  # mkstemp creates 0600; the report is meant to be read by others
HTML_NAME = "evidence_report.html"
MARKDOWN_NAME = "evidence_report.md"
FIGURE_DIR = "figures"

VERDICT_LABELS = {
    "supported_by_rcts": "Supported by RCTs",
    "contested": "Contested",
    "not_supported_by_rcts": "Not supported by RCTs",
    "uncontrolled_evidence_only": "Uncontrolled evidence only",
    "no_evidence": "No evidence",
}
CITED_SOURCE_LABELS = {
    "trial": "Cited journal holds a matching trial",
    "non_trial": "Cited journal holds only non-trial items",
    "none": "Nothing matching in the cited journal",
}
CHECK_STATUS_LABELS = {
    "consistent": "Consistent",
    "partly_consistent": "Partly consistent",
    "inconsistent": "Inconsistent",
    "no_data": "No data",
}
CHANGE_LABELS = {
    "new": "New records",
    "revised": "Revised records",
    "retracted": "Newly retracted",
    "erratum": "Errata",
    "expression_of_concern": "Expressions of concern",
    "deleted": "Deleted records (by NLM, or removed from raw/ on purpose)",
}
DESIGN_LABELS = {
    "rct_parallel": "RCT, parallel",
    "rct_crossover": "RCT, crossover",
    "nonrandomized_controlled": "Non-randomised controlled",
    "single_arm_trial": "Single-arm / open-label",
    "cohort": "Cohort",
    "case_control": "Case-control",
    "cross_sectional": "Cross-sectional",
    "case_series": "Case series",
    "case_report": "Case report",
    "systematic_review": "Systematic review",
    "meta_analysis": "Meta-analysis",
    "narrative_review": "Narrative review",
    "protocol": "Protocol",
    "animal": "Animal",
    "in_vitro": "In vitro",
    "commentary": "Commentary",
    "other": "Other",
}
# claim_evidence.evidence_level -> section of the per-claim view, in reading order
EVIDENCE_GROUPS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("rct", "Randomised controlled trials", frozenset({"rct"})),
    ("lower", "Lower-level evidence: non-randomised trials, observational studies, case reports",
     frozenset({"nonrandomized_trial", "observational"})),
    ("review", "Reviews", frozenset({"review"})),
    ("other", "Other matching records", frozenset({"other"})),
)
_CATEGORY_TO_LEVEL = {"rct": "rct", "nonrandomized_trial": "nonrandomized_trial",
                      "observational": "observational", "review": "review"}
_PMID_RE = re.compile(r"^\d{1,9}$")


# --- inputs and outputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class PrismaCounts:
    """Record counts known only to ingestion (the curated tables hold the survivors)."""

    n_identified: int  # records parsed from raw, all versions
    n_duplicates: int  # older versions and repeated PMIDs removed
    n_deleted: int  # PMIDs deleted by NLM


@dataclass(frozen=True)
class RunInfo:
    run_id: str
    mode: str
    query: str
    started_at: dt.datetime | str | None
    data_dir: Path | str
    versions: Mapping[str, str] = field(default_factory=dict)  # package -> version


@dataclass(frozen=True)
class ReportInputs:
    tables: Mapping[str, pd.DataFrame]  # curated tables by name; missing or empty is fine
    previous_verdicts: pd.DataFrame | None  # claim_verdicts of the previous run
    prisma: PrismaCounts
    run: RunInfo
    # ``articles`` rows of the previous run for records this run dropped: their titles and authors
    # for "What's new" (the new tables no longer hold them)
    removed_articles: pd.DataFrame | None = None


@dataclass(frozen=True)
class ReportPaths:
    html: Path
    markdown: Path
    figures: tuple[Path, ...]


# --- view model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StudyRef:
    """How a study is named and linked wherever it appears."""

    pmid: str
    label: str  # "Younger 2013"
    title: str | None
    journal: str | None
    pubmed_url: str | None
    doi: str | None
    doi_url: str | None
    is_retracted: bool


@dataclass(frozen=True)
class OutcomeLine:
    domain: str
    instrument: str | None
    result: str | None
    p_value: str | None
    is_primary: bool


@dataclass(frozen=True)
class EvidenceSentence:
    sentence: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class StudyRow:
    ref: StudyRef
    design: str
    n_enrolled: int | None
    dose: str | None
    duration: str | None
    instruments: tuple[str, ...]
    outcomes: tuple[OutcomeLine, ...]
    result: str | None
    counted: bool
    is_secondary: bool  # not counted because it reports a trial counted elsewhere
    duplicate_of: str | None
    in_cited_journal: bool
    sentences: tuple[EvidenceSentence, ...]


@dataclass(frozen=True)
class DecisiveTrial:
    ref: StudyRef
    n_enrolled: int | None
    result: str | None


@dataclass(frozen=True)
class ClaimChange:
    status: str  # first_run, new_claim, unchanged, changed
    text: str
    previous_verdict: str | None
    new_pmids: tuple[StudyRef, ...]


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    condition: str | None
    condition_label: str
    statement: str | None
    cited_journal: str | None
    verdict: str | None
    verdict_label: str
    cited_source: str | None
    cited_source_label: str
    cited_refs: tuple[StudyRef, ...]
    decisive: tuple[DecisiveTrial, ...]
    n_decisive_hidden: int
    change: ClaimChange
    summary: str | None
    n_trials: int
    n_rcts: int
    n_participants_rcts: int | None
    contradicted_domains: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    key: str
    title: str
    rows: tuple[StudyRow, ...]


@dataclass(frozen=True)
class ClaimSection:
    claim: ClaimRow
    groups: tuple[EvidenceGroup, ...]


@dataclass(frozen=True)
class CheckRow:
    check_id: str
    kind: str | None
    statement: str | None
    status: str | None
    status_label: str
    n_studies: int | None
    details: tuple[str, ...]
    summary: str | None


@dataclass(frozen=True)
class DoseSummary:
    n_studies: int
    n_within: int
    n_partly: int
    n_outside: int
    lowest: float | None
    highest: float | None


@dataclass(frozen=True)
class AdverseEventRow:
    ref: StudyRef
    design: str
    dose: str | None
    instrument: str | None
    result: str | None
    p_value: str | None
    sentence: str | None


@dataclass(frozen=True)
class ChangeRow:
    ref: StudyRef
    detail: str | None


@dataclass(frozen=True)
class ChangeGroup:
    change: str
    title: str
    rows: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class RunRow:
    run_id: str
    started_at: str
    finished_at: str
    mode: str
    n_records: str
    n_new: str
    n_updated: str
    n_deleted: str
    n_retracted: str
    n_requests: str
    status: str


@dataclass(frozen=True)
class FigureSpec:
    key: str
    filename: str
    title: str
    caption: str
    png: bytes

    @property
    def display_width(self) -> int:
        """CSS pixels to show the figure at (the PNG is drawn for high-density screens)."""
        return round(plots.png_size(self.png)[0] / plots.DISPLAY_SCALE)

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass(frozen=True)
class ReportContext:
    run: RunInfo
    started_at: str
    counts: tuple[tuple[str, str], ...]
    headline: tuple[ClaimRow, ...]
    verdict_counts: tuple[tuple[str, str, int], ...]
    sections: tuple[ClaimSection, ...]
    checks: tuple[CheckRow, ...]
    dose: DoseSummary
    adverse_events: tuple[AdverseEventRow, ...]
    changes: tuple[ChangeGroup, ...]
    retracted: tuple[StudyRef, ...]
    recent_runs: tuple[RunRow, ...]
    versions: tuple[tuple[str, str], ...]
    flow: plots.PrismaFlow
    figures: tuple[FigureSpec, ...]
    dose_band: tuple[float, float] = CLAIMED_DOSE_BAND

    def figure(self, key: str) -> FigureSpec:
        return next(f for f in self.figures if f.key == key)


# --- small value helpers -------------------------------------------------------------------------


def clean_value(value: Any) -> Any:
    """A table cell as a plain Python value: NaN/NA/NaT become None, arrays become lists."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    return value


def sort_claim_ids(ids: Iterable[str]) -> list[str]:
    """Claim ids in natural order (C2 before C10)."""
    return sorted(set(ids), key=natural_key)


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    parts = re.split(r"(\d+)", str(text))
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


def to_int(value: Any) -> int | None:
    """A count as int (pandas reads nullable int columns back as float)."""
    value = clean_value(value)
    return None if value is None else int(value)


def condition_label(condition: str | None) -> str:
    return (condition or "").replace("_", " ")


def humanise(value: str | None) -> str | None:
    """A vocabulary value for reading: 'no_difference' -> 'no difference'."""
    return None if value is None else str(value).replace("_", " ")


def format_number(value: float | int | None) -> str | None:
    if value is None:
        return None
    return f"{float(value):g}"


def format_dose(low: float | None, high: float | None) -> str | None:
    low = low if low is not None else high
    high = high if high is not None else low
    if low is None or high is None:
        return None
    if low == high:
        return f"{low:g} mg/day"
    return f"{low:g}–{high:g} mg/day"


def format_duration(weeks: float | None) -> str | None:
    return None if weeks is None else f"{weeks:g} wk"


def format_p_value(text: str | None, value: float | None) -> str | None:
    if text:
        return str(text)
    if value is None:
        return None
    return f"p = {value:.2g}"


def format_timestamp(value: Any) -> str:
    """A run timestamp as 'YYYY-MM-DD HH:MM UTC' ('' when unknown)."""
    value = clean_value(value)
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = pd.Timestamp(value)
        except ValueError:
            return value
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC")
    return stamp.strftime("%Y-%m-%d %H:%M UTC")


def format_year(value: Any) -> str | None:
    """A publication year as text; Parquet integer columns with nulls arrive as floats."""
    value = clean_value(value)
    if value is None or value == "":
        return None
    try:
        return str(int(float(value)))
    except (TypeError, ValueError):
        return str(value)


def format_author(first_author: str | None) -> str | None:
    """'Younger JW' -> 'Younger'; collective names are kept whole."""
    if not first_author:
        return None
    parts = first_author.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 4:
        return " ".join(parts[:-1])
    return first_author


def design_label(design: str | None) -> str:
    return DESIGN_LABELS.get(design or "", design or "unknown design")


def pubmed_url(pmid: str) -> str | None:
    return PUBMED_URL.format(pmid=pmid) if _PMID_RE.match(pmid) else None


def doi_url(doi: str | None) -> str | None:
    if not doi:
        return None
    return DOI_URL.format(doi=quote(doi.strip(), safe="/:;()._-"))


# --- tables --------------------------------------------------------------------------------------


def normalise_table(df: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """The table with every schema column present (missing ones all null)."""
    df = pd.DataFrame() if df is None else df.copy()
    for column in TABLES[name].names:
        if column not in df.columns:
            df[column] = pd.Series([None] * len(df), index=df.index, dtype=object)
    return df.reset_index(drop=True)


def to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: clean_value(v) for k, v in row.items()} for row in df.to_dict("records")]


@dataclass(frozen=True)
class Corpus:
    """The curated tables as plain records, indexed for lookup."""

    tables: dict[str, pd.DataFrame]
    articles: dict[str, dict[str, Any]]
    studies: dict[str, dict[str, Any]]
    outcomes: dict[str, list[dict[str, Any]]]
    claims: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    verdicts: dict[str, dict[str, Any]]


def build_corpus(tables: Mapping[str, pd.DataFrame]) -> Corpus:
    normal = {name: normalise_table(tables.get(name), name) for name in TABLES}
    outcomes: dict[str, list[dict[str, Any]]] = {}
    for row in to_records(normal["outcomes"]):
        outcomes.setdefault(str(row["pmid"]), []).append(row)
    for rows in outcomes.values():
        rows.sort(key=lambda r: (r["outcome_index"] is None, r["outcome_index"] or 0))
    return Corpus(
        tables=normal,
        articles={str(r["pmid"]): r for r in to_records(normal["articles"])},
        studies={str(r["pmid"]): r for r in to_records(normal["studies"])},
        outcomes=outcomes,
        claims=to_records(normal["claims"]),
        evidence=to_records(normal["claim_evidence"]),
        verdicts={str(r["claim_id"]): r for r in to_records(normal["claim_verdicts"])},
    )


def build_study_ref(corpus: Corpus, pmid: str,
                    fallback: Mapping[str, Any] | None = None) -> StudyRef:
    article = corpus.articles.get(pmid, {})
    fallback = fallback or {}
    author = format_author(article.get("first_author") or fallback.get("first_author"))
    year = format_year(article.get("pub_year") or fallback.get("pub_year"))
    if author:
        label = f"{author} {year}" if year else author
    else:  # no author in the record: the PMID identifies it
        label = f"PMID {pmid} ({year})" if year else f"PMID {pmid}"
    doi = article.get("doi")
    retracted = bool(article.get("is_retracted") or fallback.get("is_retracted"))
    return StudyRef(pmid=pmid, label=label, title=article.get("title") or fallback.get("title"),
                    journal=article.get("journal") or fallback.get("journal"),
                    pubmed_url=pubmed_url(pmid), doi=doi, doi_url=doi_url(doi),
                    is_retracted=retracted)


# --- claims --------------------------------------------------------------------------------------


def evidence_level(row: Mapping[str, Any]) -> str:
    level = row.get("evidence_level")
    if level:
        return str(level)
    return _CATEGORY_TO_LEVEL.get(plots.categorise_design(row.get("design")), "other")


def _is_counted_trial(row: Mapping[str, Any], levels: frozenset[str]) -> bool:
    return (evidence_level(row) in levels and row.get("counted") is not False
            and not row.get("is_retracted"))


def headline_claim_ids(corpus: Corpus) -> list[str]:
    """Efficacy claims: claims of kind efficacy (or no kind) and every claim with a verdict."""
    ids = {str(c["claim_id"]) for c in corpus.claims if c.get("kind") in (None, "efficacy")}
    return sort_claim_ids(ids | set(corpus.verdicts))


def build_claim_change(claim_id: str, verdict: str | None, previous: pd.DataFrame | None,
                       new_refs: tuple[StudyRef, ...]) -> ClaimChange:
    if previous is None:
        return ClaimChange("first_run", "No previous run to compare", None, new_refs)
    before = {str(r["claim_id"]): r.get("verdict")
              for r in to_records(normalise_table(previous, "claim_verdicts"))}
    if claim_id not in before:
        return ClaimChange("new_claim", "New claim (not in the previous run)", None, new_refs)
    old = before[claim_id]
    if old == verdict:
        return ClaimChange("unchanged", "Verdict unchanged", old, new_refs)
    text = f"Verdict changed: {_verdict_label(old)} → {_verdict_label(verdict)}"
    return ClaimChange("changed", text, old, new_refs)


def _verdict_label(verdict: str | None) -> str:
    return VERDICT_LABELS.get(verdict or "", verdict or "No verdict")


def _claim_evidence_rows(corpus: Corpus, claim_id: str) -> list[dict[str, Any]]:
    rows = [r for r in corpus.evidence if str(r["claim_id"]) == claim_id]
    return sorted(rows, key=lambda r: (r.get("pub_year") or 0, natural_key(str(r["pmid"]))))


def build_decisive(corpus: Corpus, claim_id: str, verdict: Mapping[str, Any]
                   ) -> tuple[DecisiveTrial, ...]:
    """The trials the verdict rests on: decisive_pmids, else the counted randomised trials."""
    rows = {str(r["pmid"]): r for r in _claim_evidence_rows(corpus, claim_id)}
    pmids = [str(p) for p in (verdict.get("decisive_pmids") or [])]
    if not pmids:
        rcts = [r for r in rows.values() if _is_counted_trial(r, frozenset({"rct"}))]
        rcts.sort(key=lambda r: (-(r.get("n_enrolled") or 0), natural_key(str(r["pmid"]))))
        pmids = [str(r["pmid"]) for r in rcts]
    decisive = []
    for pmid in pmids:
        row = rows.get(pmid, {})
        study = corpus.studies.get(pmid, {})
        n = row.get("n_enrolled") if row.get("n_enrolled") is not None else study.get("n_enrolled")
        decisive.append(DecisiveTrial(build_study_ref(corpus, pmid, row), to_int(n),
                                      row.get("result") or study.get("result")))
    return tuple(decisive)


def _count_trials(corpus: Corpus, claim_id: str, verdict: Mapping[str, Any]) -> tuple[int, int]:
    if verdict.get("n_trials") is not None and verdict.get("n_rcts") is not None:
        return int(verdict["n_trials"]), int(verdict["n_rcts"])
    rows = _claim_evidence_rows(corpus, claim_id)
    trials = sum(_is_counted_trial(r, frozenset({"rct", "nonrandomized_trial"})) for r in rows)
    rcts = sum(_is_counted_trial(r, frozenset({"rct"})) for r in rows)
    return trials, rcts


def build_claim_row(corpus: Corpus, claim_id: str, previous: pd.DataFrame | None,
                    new_pmids: set[str]) -> ClaimRow:
    claim = next((c for c in corpus.claims if str(c["claim_id"]) == claim_id), {})
    verdict = corpus.verdicts.get(claim_id, {})
    evidence_pmids = sorted({str(r["pmid"]) for r in _claim_evidence_rows(corpus, claim_id)},
                            key=natural_key)
    new_refs = tuple(build_study_ref(corpus, p) for p in evidence_pmids if p in new_pmids)
    decisive = build_decisive(corpus, claim_id, verdict)
    n_trials, n_rcts = _count_trials(corpus, claim_id, verdict)
    cited = tuple(build_study_ref(corpus, str(p))
                  for p in sorted(verdict.get("cited_source_pmids") or [], key=natural_key))
    return ClaimRow(
        claim_id=claim_id,
        condition=claim.get("condition"),
        condition_label=condition_label(claim.get("condition")),
        statement=claim.get("statement"),
        cited_journal=claim.get("cited_journal"),
        verdict=verdict.get("verdict"),
        verdict_label=_verdict_label(verdict.get("verdict")),
        cited_source=verdict.get("cited_source"),
        cited_source_label=CITED_SOURCE_LABELS.get(verdict.get("cited_source") or "",
                                                   "Not checked"),
        cited_refs=cited,
        decisive=decisive[:MAX_DECISIVE_SHOWN],
        n_decisive_hidden=max(0, len(decisive) - MAX_DECISIVE_SHOWN),
        change=build_claim_change(claim_id, verdict.get("verdict"), previous, new_refs),
        summary=verdict.get("summary"),
        n_trials=n_trials,
        n_rcts=n_rcts,
        n_participants_rcts=to_int(verdict.get("n_participants_rcts")),
        contradicted_domains=tuple(verdict.get("contradicted_domains") or ()),
    )


def build_sentences(study: Mapping[str, Any], outcomes: Sequence[Mapping[str, Any]]
                    ) -> tuple[EvidenceSentence, ...]:
    """Unique evidence sentences in order of appearance, each with the fields read from it."""
    found: dict[str, list[str]] = {}
    for item in study.get("evidence") or []:
        sentence = (item or {}).get("sentence")
        if sentence:
            fields = found.setdefault(str(sentence), [])
            if item.get("field") and item["field"] not in fields:
                fields.append(str(item["field"]))
    for outcome in outcomes:
        if outcome.get("evidence"):
            fields = found.setdefault(str(outcome["evidence"]), [])
            label = f"outcome: {outcome.get('domain') or 'other'}"
            if label not in fields:
                fields.append(label)
    return tuple(EvidenceSentence(s, tuple(f)) for s, f in found.items())


def build_outcomes(outcomes: Sequence[Mapping[str, Any]]) -> tuple[OutcomeLine, ...]:
    return tuple(
        OutcomeLine(domain=humanise(o.get("domain")) or "other", instrument=o.get("instrument"),
                    result=humanise(o.get("result")),
                    p_value=format_p_value(o.get("p_value_text"), o.get("p_value")),
                    is_primary=bool(o.get("is_primary")))
        for o in outcomes
    )


def is_secondary_analysis(row: Mapping[str, Any]) -> bool:
    """Reports a counted trial again: ``duplicate_of`` names the trial. (Reviews, protocols and
    retracted rows are not counted either, for reasons of their own.)"""
    return bool(clean_value(row.get("duplicate_of")))


def build_study_row(corpus: Corpus, row: Mapping[str, Any]) -> StudyRow:
    pmid = str(row["pmid"])
    study = corpus.studies.get(pmid, {})
    outcomes = corpus.outcomes.get(pmid, [])
    instruments = tuple(
        dict.fromkeys(str(o["instrument"]) for o in outcomes if o.get("instrument")))
    n = row.get("n_enrolled") if row.get("n_enrolled") is not None else study.get("n_enrolled")
    return StudyRow(
        ref=build_study_ref(corpus, pmid, row),
        design=design_label(row.get("design") or study.get("design")),
        n_enrolled=to_int(n),
        dose=format_dose(study.get("dose_mg_min"), study.get("dose_mg_max")),
        duration=format_duration(study.get("duration_weeks")),
        instruments=instruments,
        outcomes=build_outcomes(outcomes),
        result=row.get("result") or study.get("result"),
        counted=row.get("counted") is not False,
        is_secondary=is_secondary_analysis(row),
        duplicate_of=row.get("duplicate_of"),
        in_cited_journal=bool(row.get("in_cited_journal")),
        sentences=build_sentences(study, outcomes),
    )


def build_claim_section(corpus: Corpus, claim: ClaimRow) -> ClaimSection:
    rows = _claim_evidence_rows(corpus, claim.claim_id)
    groups = []
    for key, title, levels in EVIDENCE_GROUPS:
        members = [r for r in rows if evidence_level(r) in levels
                   or (key == "other" and evidence_level(r) not in _known_levels())]
        if key == "rct" or members:
            groups.append(EvidenceGroup(key, title,
                                        tuple(build_study_row(corpus, r) for r in members)))
    return ClaimSection(claim, tuple(groups))


def _known_levels() -> frozenset[str]:
    return frozenset().union(*(levels for _, _, levels in EVIDENCE_GROUPS))


def count_verdicts(rows: Sequence[ClaimRow]) -> tuple[tuple[str, str, int], ...]:
    counts = {v: sum(r.verdict == v for r in rows) for v in vocab.VERDICTS}
    return tuple((v, VERDICT_LABELS[v], n) for v, n in counts.items() if n)


# --- PRISMA --------------------------------------------------------------------------------------


def _has_pain_condition(study: Mapping[str, Any]) -> bool:
    return any(vocab.is_pain_condition(str(c)) for c in study.get("conditions") or [])


def classify_exclusion(study: Mapping[str, Any] | None) -> str | None:
    """The first reason a record is excluded (not_assessed, not_ldn, not_human, not_pain) or None.

    Reasons are applied in that order so that each record is counted once. A record whose LDN
    status is unknown (null) is excluded as not LDN: inclusion needs the criterion to be met.
    """
    if study is None:
        return "not_assessed"
    if study.get("is_ldn") is not True:
        return "not_ldn"
    if study.get("population") not in (None, "human"):
        return "not_human"
    if not _has_pain_condition(study):
        return "not_pain"
    return None


def build_prisma_flow(corpus: Corpus, counts: PrismaCounts, claims: Sequence[ClaimRow]
                      ) -> plots.PrismaFlow:
    screened = sorted(corpus.articles) if corpus.articles else sorted(corpus.studies)
    reasons = [classify_exclusion(corpus.studies.get(p)) for p in screened]
    included = [p for p, reason in zip(screened, reasons, strict=True) if reason is None]
    categories = [plots.categorise_design(corpus.studies[p].get("design")) for p in included]
    return plots.PrismaFlow(
        n_identified=counts.n_identified,
        n_duplicates=counts.n_duplicates,
        n_deleted=counts.n_deleted,
        n_screened=len(screened),
        n_not_assessed=reasons.count("not_assessed"),
        n_not_ldn=reasons.count("not_ldn"),
        n_not_human=reasons.count("not_human"),
        n_not_pain=reasons.count("not_pain"),
        n_included=len(included),
        n_included_rcts=categories.count("rct"),
        n_included_other_trials=categories.count("nonrandomized_trial"),
        n_included_observational=categories.count("observational"),
        n_included_reviews=categories.count("review"),
        n_included_other=categories.count("other") + categories.count("preclinical"),
        n_included_retracted=sum(bool(corpus.articles.get(p, {}).get("is_retracted"))
                                 for p in included),
        claims=tuple((c.claim_id, c.condition_label, c.n_trials, c.n_rcts) for c in claims),
    )


# --- dose, safety, changes, runs -----------------------------------------------------------------


def build_checks(corpus: Corpus) -> tuple[CheckRow, ...]:
    rows = to_records(corpus.tables["claim_checks"])
    rows.sort(key=lambda r: natural_key(str(r["check_id"])))
    return tuple(
        CheckRow(check_id=str(r["check_id"]), kind=r.get("kind"), statement=r.get("statement"),
                 status=r.get("status"),
                 status_label=CHECK_STATUS_LABELS.get(r.get("status") or "",
                                                      r.get("status") or "?"),
                 n_studies=to_int(r.get("n_studies")), details=tuple(r.get("details") or ()),
                 summary=r.get("summary"))
        for r in rows
    )


def _is_human_ldn(study: Mapping[str, Any]) -> bool:
    return study.get("is_ldn") is True and study.get("population") in (None, "human")


def summarise_doses(corpus: Corpus, band: tuple[float, float]) -> DoseSummary:
    ranges: list[tuple[float, float]] = []
    for study in corpus.studies.values():
        low, high = study.get("dose_mg_min"), study.get("dose_mg_max")
        if not _is_human_ldn(study) or (low is None and high is None):
            continue
        bounds = [float(v) for v in (low, high) if v is not None]
        ranges.append((bounds[0], bounds[-1]))
    within = sum(band[0] <= lo and hi <= band[1] for lo, hi in ranges)
    outside = sum(hi < band[0] or lo > band[1] for lo, hi in ranges)
    return DoseSummary(
        n_studies=len(ranges), n_within=within, n_partly=len(ranges) - within - outside,
        n_outside=outside, lowest=min((lo for lo, _ in ranges), default=None),
        highest=max((hi for _, hi in ranges), default=None),
    )


def build_adverse_events(corpus: Corpus) -> tuple[AdverseEventRow, ...]:
    rows = []
    for pmid in sorted(corpus.outcomes, key=natural_key):
        study = corpus.studies.get(pmid, {})
        if not _is_human_ldn(study):
            continue
        for outcome in corpus.outcomes[pmid]:
            if outcome.get("domain") != "adverse_events":
                continue
            rows.append(AdverseEventRow(
                ref=build_study_ref(corpus, pmid), design=design_label(study.get("design")),
                dose=format_dose(study.get("dose_mg_min"), study.get("dose_mg_max")),
                instrument=outcome.get("instrument"), result=humanise(outcome.get("result")),
                p_value=format_p_value(outcome.get("p_value_text"), outcome.get("p_value")),
                sentence=outcome.get("evidence")))
    return tuple(rows)


def latest_changes(corpus: Corpus, run_id: str) -> list[dict[str, Any]]:
    rows = [r for r in to_records(corpus.tables["changes"]) if str(r["run_id"]) == run_id]
    return sorted(rows, key=lambda r: (str(r.get("change")), natural_key(str(r["pmid"]))))


def _removed_by_pmid(frame: pd.DataFrame | None) -> dict[str, dict[str, Any]]:
    if frame is None or frame.empty:
        return {}
    return {str(r["pmid"]): r for r in to_records(frame)}


def build_change_groups(corpus: Corpus, run_id: str,
                        removed: Mapping[str, Mapping[str, Any]] | None = None) -> tuple[ChangeGroup, ...]:
    """The run's change rows by kind; ``removed``: previous ``articles`` rows of records the run
    dropped, by PMID (their title and authors, which the new tables no longer hold)."""
    rows = latest_changes(corpus, run_id)
    removed = removed or {}
    kinds = list(CHANGE_LABELS) + sorted({str(r.get("change")) for r in rows} - set(CHANGE_LABELS))
    groups = []
    for kind in kinds:
        members = tuple(ChangeRow(build_study_ref(corpus, str(r["pmid"]), removed.get(str(r["pmid"]))),
                                  r.get("detail"))
                        for r in rows if str(r.get("change")) == kind)
        if members:
            groups.append(ChangeGroup(kind, CHANGE_LABELS.get(kind, kind), members))
    return tuple(groups)


def build_retracted(corpus: Corpus) -> tuple[StudyRef, ...]:
    pmids = [p for p, a in corpus.articles.items() if a.get("is_retracted")]
    return tuple(build_study_ref(corpus, p) for p in sorted(pmids, key=natural_key))


def _text(value: Any) -> str:
    value = clean_value(value)
    return "" if value is None else str(value)


def build_recent_runs(corpus: Corpus) -> tuple[RunRow, ...]:
    rows = sorted(to_records(corpus.tables["runs"]), key=lambda r: str(r["run_id"]), reverse=True)
    return tuple(
        RunRow(run_id=str(r["run_id"]), started_at=format_timestamp(r.get("started_at")),
               finished_at=format_timestamp(r.get("finished_at")), mode=_text(r.get("mode")),
               n_records=_text(r.get("n_records")), n_new=_text(r.get("n_new")),
               n_updated=_text(r.get("n_updated")), n_deleted=_text(r.get("n_deleted")),
               n_retracted=_text(r.get("n_retracted")), n_requests=_text(r.get("n_requests")),
               status=_text(r.get("status")))
        for r in rows[:MAX_RECENT_RUNS]
    )


def build_counts(corpus: Corpus, prisma: PrismaCounts, flow: plots.PrismaFlow
                 ) -> tuple[tuple[str, str], ...]:
    return (
        ("Records identified (all versions)", str(prisma.n_identified)),
        ("Older versions / repeated PMIDs removed", str(prisma.n_duplicates)),
        ("Deleted by NLM", str(prisma.n_deleted)),
        ("Articles in the curated table", str(len(corpus.articles))),
        ("Studies extracted", str(len(corpus.studies))),
        ("Outcomes of naltrexone studies", str(sum(len(v) for v in corpus.outcomes.values()))),
        ("Studies included (human, LDN, pain)", str(flow.n_included)),
        ("Retracted records", str(sum(bool(a.get("is_retracted"))
                                      for a in corpus.articles.values()))),
    )


# --- figures -------------------------------------------------------------------------------------


def build_figures(corpus: Corpus, flow: plots.PrismaFlow, claim_ids: Sequence[str]
                  ) -> tuple[FigureSpec, ...]:
    studies, articles = corpus.tables["studies"], corpus.tables["articles"]
    labels = {p: build_study_ref(corpus, p).label for p in corpus.studies}
    band = CLAIMED_DOSE_BAND
    return (
        FigureSpec("prisma", "prisma_flow.png", "PRISMA 2020-style flow diagram",
                   "How many records were found, removed, screened, excluded (first reason only) "
                   "and included, and how many independent trials match each claim.",
                   plots.plot_prisma(flow)),
        FigureSpec("per_year", "studies_per_year.png", "Records per year by design",
                   "Every extracted record by publication year, coloured by level of evidence "
                   "(records without a year are not shown).",
                   plots.plot_studies_per_year(studies, articles)),
        FigureSpec("by_condition", "studies_by_condition.png", "Records by condition and design",
                   "Records per condition group (pain groups are marked); a record naming "
                   "several conditions counts once in each group.",
                   plots.plot_studies_by_condition(studies)),
        FigureSpec("doses", "doses.png", "Doses reported",
                   f"Daily dose range of each human LDN study; the shaded band is the claimed "
                   f"{band[0]:g}–{band[1]:g} mg range.",
                   plots.plot_doses(studies, band, labels)),
        FigureSpec("participants", "participants_per_claim.png", "Participants per claim",
                   "Participants enrolled in independent, non-retracted trials matching each "
                   "claim, split by each trial's result (secondary analyses are not counted).",
                   plots.plot_participants_per_claim(corpus.tables["claim_evidence"], claim_ids,
                                                     natural_key)),
    )


# --- context -------------------------------------------------------------------------------------


def build_report_context(inputs: ReportInputs) -> ReportContext:
    """Everything the templates show, as plain sorted values."""
    corpus = build_corpus(inputs.tables)
    new_pmids = {str(r["pmid"]) for r in latest_changes(corpus, inputs.run.run_id)
                 if r.get("change") == "new"}
    claim_ids = headline_claim_ids(corpus)
    headline = tuple(build_claim_row(corpus, c, inputs.previous_verdicts, new_pmids)
                     for c in claim_ids)
    flow = build_prisma_flow(corpus, inputs.prisma, headline)
    return ReportContext(
        run=inputs.run,
        started_at=format_timestamp(inputs.run.started_at),
        counts=build_counts(corpus, inputs.prisma, flow),
        headline=headline,
        verdict_counts=count_verdicts(headline),
        sections=tuple(build_claim_section(corpus, c) for c in headline),
        checks=build_checks(corpus),
        dose=summarise_doses(corpus, CLAIMED_DOSE_BAND),
        adverse_events=build_adverse_events(corpus),
        changes=build_change_groups(corpus, inputs.run.run_id, _removed_by_pmid(inputs.removed_articles)),
        retracted=build_retracted(corpus),
        recent_runs=build_recent_runs(corpus),
        versions=tuple(sorted((str(k), str(v)) for k, v in inputs.run.versions.items())),
        flow=flow,
        figures=build_figures(corpus, flow, claim_ids),
    )


# --- HTML ----------------------------------------------------------------------------------------


def render_html(context: ReportContext) -> str:
    """The self-contained HTML page (Jinja2 with autoescape on)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ldn_review", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2").render(ctx=context)


# --- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape_markdown(text: Any) -> str:
    """Record text made inert in Markdown: no tables broken, no HTML, no code spans or links."""
    value = "" if text is None else str(text)
    value = " ".join(value.split())
    value = _ENTITY.sub("&amp;", value)
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def format_markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; cells must already be escaped (use :func:`escape_markdown`)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _md_ref(ref: StudyRef) -> str:
    text = escape_markdown(ref.label)
    if ref.pubmed_url:
        text = f"[{text}]({ref.pubmed_url})"
    if ref.is_retracted:
        text += " **RETRACTED**"
    return text


def _md_decisive(row: ClaimRow) -> str:
    items = [f"{_md_ref(d.ref)}, n={d.n_enrolled if d.n_enrolled is not None else '?'}, "
             f"{escape_markdown(d.result or 'no result')}" for d in row.decisive]
    if row.n_decisive_hidden:
        items.append(f"and {row.n_decisive_hidden} more")
    return "; ".join(items) or "none"


def _md_change(change: ClaimChange) -> str:
    text = escape_markdown(change.text)
    if change.status == "changed":
        text = f"**{text}**"
    if change.new_pmids:
        text += "; new: " + ", ".join(_md_ref(r) for r in change.new_pmids)
    return text


def _md_cited(row: ClaimRow) -> str:
    text = escape_markdown(row.cited_source_label)
    if row.cited_refs:
        text += " (" + ", ".join(_md_ref(r) for r in row.cited_refs) + ")"
    return text


def render_headline_markdown(rows: Sequence[ClaimRow]) -> str:
    headers = ["Claim", "Condition", "Statement", "Cited journal", "Verdict",
               "Cited-source check", "Decisive trials", "Since last run"]
    body = [[escape_markdown(r.claim_id), escape_markdown(r.condition_label),
             escape_markdown(r.statement), escape_markdown(r.cited_journal),
             f"**{escape_markdown(r.verdict_label)}**", _md_cited(r), _md_decisive(r),
             _md_change(r.change)] for r in rows]
    return format_markdown_table(headers, body) if rows else "_No claims in this run._"


def _md_outcomes(row: StudyRow) -> str:
    items = []
    for o in row.outcomes:
        text = escape_markdown(o.domain)
        if o.instrument:
            text += f" ({escape_markdown(o.instrument)})"
        text += f": {escape_markdown(o.result or 'unclear')}"
        if o.p_value:
            text += f", {escape_markdown(o.p_value)}"
        items.append(text)
    return "; ".join(items)


def _md_study_cell(row: StudyRow) -> str:
    text = _md_ref(row.ref)
    if row.ref.doi_url:
        text += f" [DOI]({row.ref.doi_url})"
    if row.is_secondary:
        text += " _secondary analysis" + (
            f" of PMID {escape_markdown(row.duplicate_of)}_" if row.duplicate_of else "_")
    if row.in_cited_journal:
        text += " _in cited journal_"
    return text


def _md_group(group: EvidenceGroup) -> list[str]:
    lines = [f"#### {escape_markdown(group.title)}", ""]
    if not group.rows:
        return [*lines, "_None._", ""]
    headers = ["Study", "Design", "n", "Dose", "Duration", "Outcomes (instrument: result, p)",
               "Result"]
    body = [[_md_study_cell(r), escape_markdown(r.design),
             "" if r.n_enrolled is None else str(r.n_enrolled), escape_markdown(r.dose),
             escape_markdown(r.duration), _md_outcomes(r), escape_markdown(r.result)]
            for r in group.rows]
    lines += [format_markdown_table(headers, body), ""]
    for r in group.rows:
        for s in r.sentences:
            fields = escape_markdown(", ".join(s.fields))
            sentence = escape_markdown(s.sentence)
            lines.append(f"- {escape_markdown(r.ref.label)} ({fields}): “{sentence}”")
    if any(r.sentences for r in group.rows):
        lines.append("")
    return lines


def _md_section(section: ClaimSection) -> list[str]:
    c = section.claim
    lines = [f"### {escape_markdown(c.claim_id)}: {escape_markdown(c.condition_label)}", "",
             f"> {escape_markdown(c.statement)}", "",
             f"**Verdict: {escape_markdown(c.verdict_label)}** · {c.n_trials} independent "
             f"trial(s), {c.n_rcts} randomised · cited journal: "
             f"{escape_markdown(c.cited_journal or 'none named')} — {_md_cited(c)}", ""]
    if c.summary:
        lines += [escape_markdown(c.summary), ""]
    for group in section.groups:
        lines += _md_group(group)
    return lines


def _md_figure(fig: FigureSpec) -> list[str]:
    return [f"![{escape_markdown(fig.title)}]({FIGURE_DIR}/{fig.filename})", "",
            f"_{escape_markdown(fig.caption)}_", ""]


def _md_checks(context: ReportContext) -> list[str]:
    if not context.checks:
        return ["_No dose or safety checks in this run._", ""]
    body = [[escape_markdown(c.check_id), escape_markdown(c.kind), escape_markdown(c.statement),
             f"**{escape_markdown(c.status_label)}**", _text(c.n_studies),
             escape_markdown(c.summary), "<br>".join(escape_markdown(d) for d in c.details)]
            for c in context.checks]
    headers = ["Check", "Kind", "Statement", "Status", "Studies", "Summary", "Findings"]
    return [format_markdown_table(headers, body), ""]


def _md_dose(dose: DoseSummary, band: tuple[float, float]) -> list[str]:
    if not dose.n_studies:
        return ["_No human LDN study reports a dose._", ""]
    return [f"{dose.n_studies} human LDN studies report a daily dose "
            f"({format_number(dose.lowest)}–{format_number(dose.highest)} mg): "
            f"{dose.n_within} entirely within {band[0]:g}–{band[1]:g} mg, {dose.n_partly} partly "
            f"outside, {dose.n_outside} entirely outside.", ""]


def _md_adverse(rows: Sequence[AdverseEventRow]) -> list[str]:
    if not rows:
        return ["_No adverse-event outcomes extracted from human LDN studies._", ""]
    body = [[_md_ref(r.ref), escape_markdown(r.design), escape_markdown(r.dose),
             escape_markdown(r.instrument), escape_markdown(r.result), escape_markdown(r.p_value),
             escape_markdown(r.sentence)] for r in rows]
    headers = ["Study", "Design", "Dose", "Instrument", "Result", "p", "Evidence"]
    return [format_markdown_table(headers, body), ""]


def _md_changes(context: ReportContext) -> list[str]:
    lines: list[str] = []
    if not context.changes:
        lines += ["_No record changes in this run._", ""]
    for group in context.changes:
        lines += [f"**{escape_markdown(group.title)}** ({len(group.rows)})", ""]
        lines += [f"- {_md_ref(r.ref)} (PMID {escape_markdown(r.ref.pmid)}): "
                  f"{escape_markdown(r.ref.title or '')}"
                  + (f" — {escape_markdown(r.detail)}" if r.detail else "") for r in group.rows]
        lines.append("")
    if context.retracted:
        lines += ["**Retracted records in the corpus**: "
                  + ", ".join(_md_ref(r) for r in context.retracted), ""]
    return lines


def _md_run(context: ReportContext) -> list[str]:
    run = context.run
    lines = [f"- Run: `{escape_markdown(run.run_id)}` ({escape_markdown(run.mode)}), started "
             f"{escape_markdown(context.started_at or 'unknown')}",
             f"- Data directory: {escape_markdown(str(run.data_dir))}",
             f"- Query: {escape_markdown(run.query)}", ""]
    lines += [format_markdown_table(["Count", "Value"],
                                    [[escape_markdown(k), v] for k, v in context.counts]), ""]
    if context.versions:
        lines += [format_markdown_table(
            ["Software", "Version"],
            [[escape_markdown(k), escape_markdown(v)] for k, v in context.versions]), ""]
    if context.recent_runs:
        headers = ["Run", "Started", "Finished", "Mode", "Records", "New", "Updated", "Deleted",
                   "Retracted", "Requests", "Status"]
        body = [[escape_markdown(v) for v in (r.run_id, r.started_at, r.finished_at, r.mode,
                                              r.n_records, r.n_new, r.n_updated, r.n_deleted,
                                              r.n_retracted, r.n_requests, r.status)]
                for r in context.recent_runs]
        lines += ["#### Recent runs", "", format_markdown_table(headers, body), ""]
    return lines


def _md_flow(flow: plots.PrismaFlow) -> list[str]:
    """The PRISMA counts as text, for readers who cannot see the figure."""
    rows = [
        ("Records identified (all versions parsed from raw)", flow.n_identified),
        ("Removed: older versions / repeated PMIDs", flow.n_duplicates),
        ("Removed: deleted by NLM", flow.n_deleted),
        ("Records screened", flow.n_screened),
        ("Excluded: not low-dose naltrexone", flow.n_not_ldn),
        ("Excluded: not in humans", flow.n_not_human),
        ("Excluded: no pain condition", flow.n_not_pain),
        ("Studies included (human, LDN, pain)", flow.n_included),
    ]
    return ["| step | records |", "|---|---|", *(f"| {k} | {v:,} |" for k, v in rows), ""]


def render_markdown(context: ReportContext) -> str:
    """The full report as Markdown; figures are linked as ``figures/<name>.png``."""
    run = context.run
    lines = ["# LDN evidence report", "",
             f"Run `{escape_markdown(run.run_id)}` · mode {escape_markdown(run.mode)} · "
             f"started {escape_markdown(context.started_at or 'unknown')}", "",
             "## Claims at a glance", "", render_headline_markdown(context.headline), "",
             "## Evidence per claim", ""]
    for section in context.sections:
        lines += _md_section(section)
    lines += ["## How records were selected", "", *_md_flow(context.flow),
              *_md_figure(context.figure("prisma")), "## The literature", ""]
    for key in ("per_year", "by_condition", "participants"):
        lines += _md_figure(context.figure(key))
    lines += ["## Dose and safety claims", "", *_md_checks(context),
              *_md_dose(context.dose, context.dose_band), *_md_figure(context.figure("doses")),
              "### Adverse events reported", "", *_md_adverse(context.adverse_events),
              "## What's new in this run", "", *_md_changes(context),
              "## Run metadata", "", *_md_run(context)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_claims_markdown(inputs: ReportInputs) -> str:
    """A short headline claims table and summary, for a Prefect markdown artifact."""
    corpus = build_corpus(inputs.tables)
    new_pmids = {str(r["pmid"]) for r in latest_changes(corpus, inputs.run.run_id)
                 if r.get("change") == "new"}
    rows = [build_claim_row(corpus, c, inputs.previous_verdicts, new_pmids)
            for c in headline_claim_ids(corpus)]
    verdicts = ", ".join(f"{label}: {n}" for _, label, n in count_verdicts(rows)) or "none"
    changed = [r.claim_id for r in rows if r.change.status == "changed"]
    n_changes = len(latest_changes(corpus, inputs.run.run_id))
    lines = [f"### LDN evidence: run `{escape_markdown(inputs.run.run_id)}`", "",
             f"{len(corpus.articles)} articles, {len(rows)} claims ({escape_markdown(verdicts)}); "
             f"{n_changes} record change(s) this run; verdicts changed: "
             f"{escape_markdown(', '.join(changed)) if changed else 'none'}.", "",
             render_headline_markdown(rows)]
    return "\n".join(lines) + "\n"


# --- writing -------------------------------------------------------------------------------------


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same directory, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, REPORT_FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


STAGING_PREFIX = ".staging-"


@dataclass(frozen=True)
class StagedReport:
    """A rendered report waiting in ``<out_dir>/.staging-<pid>/`` for :func:`commit_report`."""

    staging: Path
    out_dir: Path
    paths: ReportPaths  # where the files will be once committed


def stage_report(inputs: ReportInputs, out_dir: Path) -> StagedReport:
    """Render the report into a staging directory inside ``out_dir``: everything that can fail
    (rendering, plots, an unwritable reports directory) fails here, before the run publishes its
    tables. Staging directories of killed runs are removed first (one run holds the data
    directory's lock at a time)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = out_dir / f"{STAGING_PREFIX}{os.getpid()}"
    try:
        staged = render_report(inputs, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # no half-written report left behind
        raise
    final = ReportPaths(out_dir / HTML_NAME, out_dir / MARKDOWN_NAME,
                        tuple(out_dir / p.relative_to(staging) for p in staged.figures))
    return StagedReport(staging, out_dir, final)


def commit_report(staged: StagedReport) -> ReportPaths:
    """Move a staged report into place: figures first, then the Markdown and the HTML (each one
    rename in the same file system), then remove the staging directory."""
    staging, out_dir = staged.staging, staged.out_dir
    for final in (*staged.paths.figures, staged.paths.markdown, staged.paths.html):
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / final.relative_to(out_dir), final)
    shutil.rmtree(staging, ignore_errors=True)
    return staged.paths


def render_report(inputs: ReportInputs, out_dir: Path) -> ReportPaths:
    """Write evidence_report.html, evidence_report.md and figures/*.png under ``out_dir``."""
    context = build_report_context(inputs)
    html = render_html(context)
    markdown = render_markdown(context)
    out_dir = Path(out_dir)
    figure_paths = []
    for fig in context.figures:
        path = out_dir / FIGURE_DIR / fig.filename
        write_atomically(path, fig.png)
        figure_paths.append(path)
    write_atomically(out_dir / MARKDOWN_NAME, markdown.encode("utf-8"))
    write_atomically(out_dir / HTML_NAME, html.encode("utf-8"))
    return ReportPaths(out_dir / HTML_NAME, out_dir / MARKDOWN_NAME, tuple(figure_paths))
