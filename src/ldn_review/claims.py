"""Claims: the article's claims, the studies that match them, and a verdict for each.

``load_claims`` reads one TOML claims file (the only I/O in this module; ``None`` reads the built-in
claims shipped as package data). ``build_claim_tables`` is pure: it takes the curated ``articles``,
``studies`` and ``outcomes`` DataFrames and returns the ``claims``, ``claim_evidence``,
``claim_verdicts`` and ``claim_checks`` tables, columns exactly per :mod:`ldn_review.schemas`.

The rules and thresholds are documented in ``docs/claims.md``; every threshold is a named constant
below with the reason for its value.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from . import schemas, vocab
from .errors import ClaimsFileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# --------------------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------------------

DEFAULT_CLAIMS_RESOURCE = "data/claims.toml"
CLAIM_KINDS = ("efficacy",)
CHECK_KINDS = ("dose", "safety")
EVIDENCE_LEVELS = ("rct", "nonrandomized_trial", "observational", "review", "other")
# Levels that count as primary evidence for a verdict; reviews and "other" (protocols, commentary,
# unknown design) are listed but never decide.
PRIMARY_LEVELS = frozenset({"rct", "nonrandomized_trial", "observational"})
TRIAL_LEVELS = frozenset({"rct", "nonrandomized_trial"})

# supported_by_rcts needs at least this share of the weighed RCT participants to be in trials that
# favour LDN: a clear two-to-one majority, so that a small positive trial cannot outweigh a larger
# null one, while one small null trial does not cancel a larger positive one.
SUPPORTED_MIN_SHARE = 2 / 3
# A "mixed" RCT (main comparison partly favourable) counts this share of its participants for LDN
# and the rest against: it neither supports nor refutes on its own (one mixed RCT -> contested).
MIXED_FAVOUR_SHARE = 0.5
# An RCT whose size is unknown is weighed like the smallest RCT of known size for the same claim
# (1 participant when no size is known): conservative, and never drops the trial.
UNKNOWN_SIZE_FALLBACK_WEIGHT = 1.0

# Outcome results that contradict a claimed effect on that domain.
CONTRADICTING_RESULTS = frozenset({"no_difference", "worsened"})

# Wording that marks a report as a secondary / post-hoc analysis of an earlier trial. Matched in the
# title and abstract; only acted on together with a shared registry id, or the same first author
# and condition as an earlier trial (see _find_duplicates).
SECONDARY_ANALYSIS_RE = re.compile(
    r"\b(secondary analys[ie]s|post[- ]hoc|exploratory analys[ie]s|follow[- ]up (?:study )?of"
    r"|ancillary (?:study|analysis)|re-?analys[ie]s of|extension (?:study|phase) of"
    r"|long[- ]term follow[- ]up|open[- ]label extension)\b",
    re.IGNORECASE,
)

# Dose check: "typically 1.5 to 4.5 mg/day" tolerates a few studies outside the range, so the claim
# is consistent when at least this share of studies with a dose used a dose inside the range.
DOSE_CONSISTENT_MIN_SHARE = 0.8
# Float tolerance for range bounds (doses are given to 0.1 mg at best).
DOSE_TOLERANCE_MG = 1e-6

# Safety check: adverse-event names and the patterns that find them in abstract sentences.
# A claimed event not listed here is searched as the literal phrase.
ADVERSE_EVENT_PATTERNS: dict[str, tuple[str, ...]] = {
    "vivid dreams": (
        r"vivid dreams?",
        r"abnormal dreams?",
        r"strange dreams?",
        r"nightmares?",
        r"dreams?",
    ),
    "insomnia": (
        r"insomnia",
        r"sleep disturbances?",
        r"sleep (?:problems?|disorders?)",
        r"difficulty sleeping",
        r"trouble sleeping",
        r"sleeplessness",
    ),
    "headache": (r"headaches?",),
    "nausea": (r"nausea", r"vomiting"),
    "dizziness": (r"dizziness", r"vertigo"),
    "gastrointestinal upset": (
        r"diarrh(?:o)?ea",
        r"constipation",
        r"abdominal (?:pain|discomfort)",
        r"gastrointestinal",
    ),
    "anxiety or irritability": (r"anxiety", r"irritability", r"agitation"),
}
# A sentence is read as an adverse-event sentence only if it also has one of these words; this keeps
# e.g. "sleep disturbance improved" (an outcome) out of the adverse events.
AE_CONTEXT_RE = re.compile(
    r"adverse|side[- ]effects?|tolera|safety|discontinu|withdr[ae]w|drop(?:ped)?[- ]?outs?"
    r"|complain|experienced",
    re.IGNORECASE,
)
MILD_RE = re.compile(
    r"\bmild(?:ly)?\b|\btransient\b|\bwell[- ]tolerated\b|\bminor\b|\bshort[- ]lived\b"
    r"|\bself[- ]limit\w*|\bresolved\b|\bno (?:\w+ ){0,2}serious\b|\bsimilar to placebo\b"
    r"|\b(?:no|without) (?:\w+ ){0,2}?(?:side[- ]effects|adverse (?:events|effects|reactions))\b",
    re.IGNORECASE,
)
SERIOUS_RE = re.compile(r"\bserious adverse\b|\bsevere adverse\b|\bSAEs?\b", re.IGNORECASE)
DISCONTINUATION_RE = re.compile(
    r"(?:discontinu\w*|withdr[ae]w\w*|dropp?ed out|drop-?outs?|stopp(?:ed|ing)|ceased)[^.;]{0,80}?"
    r"(?:adverse|side[- ]effects?|intoleran\w*)"
    r"|(?:adverse|side[- ]effects?|intoleran\w*)[^.;]{0,80}?(?:discontinu\w*|withdr[ae]w\w*)",
    re.IGNORECASE,
)
# Sentences that name adverse events without reporting them: a list of the outcomes measured
# ("Secondary outcomes covered ... anxiety ... and adverse events") and background on other
# treatments ("many patients cannot take these because of side effects").
NOT_REPORTED_AE_RE = re.compile(
    r"\b(?:primary|secondary|main|co-?primary|exploratory) (?:outcomes?|end ?points?|measures?)\b"
    r"|\boutcomes? (?:were|included|covered|comprised)\b"
    r"|\b(?:usually|commonly|often|typically|frequently|traditionally) (?:treated|managed|prescribed|used)\b"
    r"|\bcannot (?:take|tolerate)\b|\blimited by (?:\w+ ){0,3}?(?:side[- ]effects|adverse)"
    r"|\b(?:conventional|existing|standard|current) (?:treatments?|therapies|drugs|medications)\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(r"\b(?:no|not|none|nor|without|zero|neither)\b", re.IGNORECASE)
# Characters before a match searched for a negation ("no participant withdrew ...").
NEGATION_WINDOW = 40
# Longest evidence sentence quoted in details.
MAX_QUOTE_CHARS = 240
# Studies named individually in a verdict summary before "and N more".
MAX_NAMED_STUDIES = 6

# Journal names: words dropped before comparing (ISO abbreviations drop them too).
JOURNAL_STOPWORDS = frozenset(
    {"the", "of", "and", "for", "in", "on", "a", "an", "de", "la", "le", "der", "und", "et", "y"}
)

_DESIGN_LABELS: dict[str, str] = {
    "rct_parallel": "RCT",
    "rct_crossover": "crossover RCT",
    "nonrandomized_controlled": "non-randomised controlled trial",
    "single_arm_trial": "single-arm trial",
    "cohort": "cohort study",
    "case_control": "case-control study",
    "cross_sectional": "cross-sectional study",
    "case_series": "case series",
    "case_report": "case report",
    "systematic_review": "systematic review",
    "meta_analysis": "meta-analysis",
    "narrative_review": "narrative review",
    "protocol": "protocol",
    "commentary": "commentary",
    "other": "other design",
}
_RESULT_PHRASES: dict[str | None, str] = {
    "positive": "found a benefit",
    "negative": "found no benefit",
    "mixed": "found mixed results",
    "unclear": "reported no clear result",
    None: "reported no result",
}
# Named for randomised trials: an active comparator means the trial did not test LDN against
# placebo, which a reader weighing "no difference" needs to know.
_COMPARATOR_LABELS: dict[str, str] = {
    "active": "vs an active drug",
    "usual_care": "vs usual care",
    "placebo": "vs placebo",
}
_OBSERVATIONAL_PLURAL = "observational studies or case reports"
_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)

# --------------------------------------------------------------------------------------------------
# Claims file
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """An efficacy claim: LDN helps ``condition`` on ``outcome_domains`` (source: a journal)."""

    id: str
    condition: str
    statement: str
    outcome_domains: tuple[str, ...]
    cited_journal: str | None = None
    conditions: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    mesh: tuple[str, ...] = ()
    kind: str = "efficacy"

    def condition_ids(self) -> frozenset[str]:
        """Condition ids that fit the claim: the group, its members and the extra ``conditions``."""
        members = {cid for cid, group in vocab.CONDITIONS.items() if group == self.condition}
        return frozenset({self.condition, *members, *self.conditions})


@dataclass(frozen=True)
class Check:
    """A dose or safety claim, checked against what the matching studies report."""

    id: str
    kind: str
    statement: str
    dose_min_mg: float | None = None
    dose_max_mg: float | None = None
    adverse_events: tuple[str, ...] = ()
    severity: str | None = None


@dataclass(frozen=True)
class ClaimSet:
    """Everything a claims file holds."""

    claims: tuple[Claim, ...]
    checks: tuple[Check, ...] = ()
    article: Mapping[str, str] = field(default_factory=dict)
    source: str = "<claims>"


_ARTICLE_KEYS: dict[str, type] = {"title": str, "url": str, "note": str}
_CLAIM_KEYS: dict[str, type] = {
    "id": str,
    "kind": str,
    "condition": str,
    "conditions": list,
    "synonyms": list,
    "mesh": list,
    "statement": str,
    "cited_journal": str,
    "outcome_domains": list,
}
_CLAIM_REQUIRED = ("id", "condition", "statement", "outcome_domains")
_CHECK_KEYS: dict[str, dict[str, type]] = {
    "dose": {"id": str, "kind": str, "statement": str, "dose_min_mg": float, "dose_max_mg": float},
    "safety": {"id": str, "kind": str, "statement": str, "adverse_events": list, "severity": str},
}
_CHECK_REQUIRED: dict[str, tuple[str, ...]] = {
    "dose": ("id", "kind", "statement", "dose_min_mg", "dose_max_mg"),
    "safety": ("id", "kind", "statement", "adverse_events"),
}
_TOP_LEVEL = ("article", "claim", "check")
_HEADER_RE = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\"'-]+)\s*\]\]?\s*(?:#.*)?$")
_KEY_ON_LINE_RE = re.compile(r"^\s*\"?([A-Za-z0-9_-]+)\"?\s*=")


def load_claims(path: Path | None = None) -> ClaimSet:
    """Read and validate a claims TOML file; ``None`` reads the built-in claims of the article.

    Raises :class:`ClaimsFileError` naming the file, line and key of the first problem found.
    """
    if path is None:
        resource = resources.files("ldn_review").joinpath(DEFAULT_CLAIMS_RESOURCE)
        label = f"built-in claims (ldn_review/{DEFAULT_CLAIMS_RESOURCE})"
        try:
            text = resource.read_text(encoding="utf-8")
        except OSError as exc:  # a broken installation, not a user error
            raise ClaimsFileError(
                f"{label}: cannot be read ({exc}); reinstall ldn-review or pass --claims FILE",
                path=label,
            ) from exc
        return parse_claims(text, label)
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimsFileError(
            f"{path}: cannot read the claims file ({exc.strerror or exc}); pass an existing TOML "
            "file to --claims, or leave --claims out to use the built-in claims",
            path=str(path),
        ) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ClaimsFileError(
            f"{path}, line {line}: the file is not UTF-8 text; save it as UTF-8",
            path=str(path),
            line=line,
        ) from exc
    return parse_claims(text, str(path))


def parse_claims(text: str, source: str = "<claims>") -> ClaimSet:
    """Validate claims TOML ``text``; ``source`` names the file in error messages."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, source) from exc
    parser = _ClaimsParser(text, source)
    return parser.parse(doc)


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, source: str) -> ClaimsFileError:
    message = str(exc)
    match = re.search(r"line (\d+), column (\d+)", message)
    line = int(match.group(1)) if match else getattr(exc, "lineno", None)
    where = f", line {line}" + (f", column {match.group(2)}" if match else "") if line else ""
    key = None
    if line:
        lines = text.splitlines()
        if 0 < line <= len(lines):
            key_match = _KEY_ON_LINE_RE.match(lines[line - 1])
            key = key_match.group(1) if key_match else None
    key_part = f" (key '{key}')" if key else ""
    return ClaimsFileError(
        f"{source}{where}: TOML syntax error{key_part}: {message}. Fix the TOML on that line: "
        "strings need double quotes, list items commas, and each table header ([[claim]], "
        "[[check]]) its own line",
        path=source,
        line=line,
        key=key,
    )


class _ClaimsParser:
    """Semantic validation of a parsed claims document; errors carry the line of the key."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.seen_ids: dict[str, str] = {}

    # -- errors ------------------------------------------------------------------------------------
    def fail(
        self,
        table: str | None,
        index: int | None,
        key: str | None,
        problem: str,
        fix: str,
        item_id: object = None,
        missing: str | None = None,
    ) -> ClaimsFileError:
        """An error at ``key`` (or at the table header when ``key`` is None or ``missing``)."""
        line = self.key_line(table, index, key)
        where = (
            f"[[{table}]] #{index + 1}"
            if table is not None and index is not None
            else (f"[{table}]" if table else "top level")
        )
        if isinstance(item_id, str):
            where += f" (id '{item_id}')"
        key_part = f"key '{key}' in {where}" if key else where
        return ClaimsFileError(
            f"{self.source}, line {line}: {key_part}: {problem}; {fix}",
            path=self.source,
            line=line,
            key=key or missing,
        )

    def key_line(self, table: str | None, index: int | None, key: str | None) -> int:
        """1-based line of ``key`` inside the ``index``-th ``[[table]]`` (or its header)."""
        start, end = 0, len(self.lines)
        if table is not None:
            headers = [
                i
                for i, text in enumerate(self.lines)
                if (m := _HEADER_RE.match(text)) and m.group(1).strip("\"'") == table
            ]
            position = index or 0
            if position < len(headers):
                start = headers[position]
                end = next(
                    (
                        j
                        for j in range(start + 1, len(self.lines))
                        if _HEADER_RE.match(self.lines[j])
                    ),
                    len(self.lines),
                )
                if key is None:
                    return start + 1
        if key is not None:
            pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for j in range(start, end):
                if pattern.match(self.lines[j]):
                    return j + 1
            for j, text in enumerate(self.lines):  # inline tables, dotted keys: best effort
                if re.search(rf"\b{re.escape(key)}\b", text):
                    return j + 1
        return start + 1

    # -- document ----------------------------------------------------------------------------------
    def parse(self, doc: dict[str, Any]) -> ClaimSet:
        for key in doc:
            if key not in _TOP_LEVEL:
                raise self.fail(
                    None,
                    None,
                    key,
                    f"unknown top-level key '{key}'",
                    "use [article], [[claim]] and [[check]] tables only",
                )
        article = self.parse_article(doc.get("article", {}))
        raw_claims = self.table_list(doc, "claim")
        raw_checks = self.table_list(doc, "check")
        if not raw_claims and not raw_checks:
            raise self.fail(
                None,
                None,
                None,
                "no [[claim]] or [[check]] tables",
                "add at least one [[claim]] table (see docs/claims.md)",
            )
        claims = tuple(self.parse_claim(i, raw) for i, raw in enumerate(raw_claims))
        checks = tuple(self.parse_check(i, raw) for i, raw in enumerate(raw_checks))
        return ClaimSet(claims=claims, checks=checks, article=article, source=self.source)

    def table_list(self, doc: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = doc.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(
                None,
                None,
                name,
                f"'{name}' must be an array of tables",
                f"write each one as a [[{name}]] table (double brackets)",
            )
        return value

    def parse_article(self, raw: object) -> dict[str, str]:
        if not isinstance(raw, dict):
            raise self.fail(
                None,
                None,
                "article",
                "'article' must be a table",
                "write it as an [article] table with title/url/note strings",
            )
        for key, value in raw.items():
            if key not in _ARTICLE_KEYS:
                raise self.fail(
                    "article",
                    None,
                    key,
                    f"unknown key '{key}'",
                    f"allowed keys are {', '.join(_ARTICLE_KEYS)}",
                )
            if not isinstance(value, str):
                raise self.fail("article", None, key, "must be a string", "put it in double quotes")
        return dict(raw)

    # -- values ------------------------------------------------------------------------------------
    def check_keys(
        self,
        table: str,
        index: int,
        raw: dict[str, Any],
        allowed: Mapping[str, type],
        required: Sequence[str],
    ) -> None:
        item_id = raw.get("id")
        for key in raw:
            if key not in allowed:
                raise self.fail(
                    table,
                    index,
                    key,
                    f"unknown key '{key}'",
                    f"allowed keys are {', '.join(allowed)} (check the spelling)",
                    item_id,
                )
        for key in required:
            if key not in raw:
                raise self.fail(
                    table,
                    index,
                    None,
                    f"missing required key '{key}'",
                    f"add {key} = ... to this table",
                    item_id,
                    missing=key,
                )
        for key, value in raw.items():
            self.check_type(table, index, key, value, allowed[key], item_id)

    def check_type(
        self, table: str, index: int, key: str, value: object, expected: type, item_id: object
    ) -> None:
        if expected is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not ok or not math.isfinite(float(value)) or float(value) < 0:  # type: ignore[arg-type]
                raise self.fail(
                    table,
                    index,
                    key,
                    f"must be a non-negative number, got {value!r}",
                    "write a number such as 1.5 (no quotes, no unit)",
                    item_id,
                )
        elif expected is list:
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise self.fail(
                    table,
                    index,
                    key,
                    f"must be a list of strings, got {value!r}",
                    'write it as ["a", "b"]',
                    item_id,
                )
        elif expected is str and (not isinstance(value, str) or not value.strip()):
            raise self.fail(
                table,
                index,
                key,
                f"must be a non-empty string, got {value!r}",
                'write it as key = "text"',
                item_id,
            )

    def check_id(self, table: str, index: int, item_id: str) -> None:
        if item_id in self.seen_ids:
            raise self.fail(
                table,
                index,
                "id",
                f"duplicate id '{item_id}' (already used by {self.seen_ids[item_id]})",
                "give every claim and check its own id",
                item_id,
            )
        self.seen_ids[item_id] = f"[[{table}]] #{index + 1}"

    def check_condition(self, index: int, key: str, value: str, item_id: str) -> None:
        known = set(vocab.CONDITIONS) | set(vocab.CONDITIONS.values())
        if value not in known:
            groups = ", ".join(sorted(set(vocab.CONDITIONS.values())))
            raise self.fail(
                "claim",
                index,
                key,
                f"unknown condition '{value}'",
                f"use an id of ldn_review.vocab.CONDITIONS; groups are: {groups}",
                item_id,
            )

    def parse_claim(self, index: int, raw: dict[str, Any]) -> Claim:
        self.check_keys("claim", index, raw, _CLAIM_KEYS, _CLAIM_REQUIRED)
        item_id = raw["id"].strip()
        kind = raw.get("kind", "efficacy")
        if kind not in CLAIM_KINDS:
            raise self.fail(
                "claim",
                index,
                "kind",
                f"unknown kind '{kind}'",
                "[[claim]] tables are efficacy claims; put dose and safety claims in "
                "[[check]] tables",
                item_id,
            )
        self.check_id("claim", index, item_id)
        self.check_condition(index, "condition", raw["condition"], item_id)
        for value in raw.get("conditions", []):
            self.check_condition(index, "conditions", value, item_id)
        domains = raw["outcome_domains"]
        if not domains:
            raise self.fail(
                "claim",
                index,
                "outcome_domains",
                "is empty",
                'name at least one domain, e.g. ["pain"]',
                item_id,
            )
        for domain in domains:
            if domain not in vocab.OUTCOME_DOMAINS:
                raise self.fail(
                    "claim",
                    index,
                    "outcome_domains",
                    f"unknown domain '{domain}'",
                    f"use one of {', '.join(vocab.OUTCOME_DOMAINS)}",
                    item_id,
                )
        return Claim(
            id=item_id,
            kind=kind,
            condition=raw["condition"],
            statement=raw["statement"].strip(),
            outcome_domains=tuple(dict.fromkeys(domains)),
            cited_journal=raw.get("cited_journal"),
            conditions=tuple(raw.get("conditions", ())),
            synonyms=tuple(raw.get("synonyms", ())),
            mesh=tuple(raw.get("mesh", ())),
        )

    def parse_check(self, index: int, raw: dict[str, Any]) -> Check:
        kind = raw.get("kind")
        item_id = raw.get("id")
        if kind not in CHECK_KINDS:
            problem = "missing required key 'kind'" if kind is None else f"unknown kind {kind!r}"
            raise self.fail(
                "check",
                index,
                None if kind is None else "kind",
                problem,
                f"set kind to one of {', '.join(CHECK_KINDS)}",
                item_id,
                missing="kind" if kind is None else None,
            )
        self.check_keys("check", index, raw, _CHECK_KEYS[kind], _CHECK_REQUIRED[kind])
        item_id = raw["id"].strip()
        self.check_id("check", index, item_id)
        if kind == "dose":
            low, high = float(raw["dose_min_mg"]), float(raw["dose_max_mg"])
            if low > high:
                raise self.fail(
                    "check",
                    index,
                    "dose_max_mg",
                    f"{high} is below dose_min_mg {low}",
                    "swap the two values",
                    item_id,
                )
            return Check(
                id=item_id,
                kind=kind,
                statement=raw["statement"].strip(),
                dose_min_mg=low,
                dose_max_mg=high,
            )
        if not raw["adverse_events"]:
            raise self.fail(
                "check",
                index,
                "adverse_events",
                "is empty",
                'name the claimed events, e.g. ["headache"]',
                item_id,
            )
        return Check(
            id=item_id,
            kind=kind,
            statement=raw["statement"].strip(),
            adverse_events=tuple(raw["adverse_events"]),
            severity=raw.get("severity"),
        )


# --------------------------------------------------------------------------------------------------
# Journal names
# --------------------------------------------------------------------------------------------------


def normalize_journal(name: str | None) -> tuple[str, ...]:
    """Words of a journal name: no accents, case, punctuation, subtitle, (place) or stopwords."""
    if not name:
        return ()
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\([^)]*\)", " ", text)  # "(Malden, Mass.)"
    text = text.split(" : ")[0].split(":")[0]  # "Pain management nursing : official journal ..."
    text = text.replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return tuple(w for w in words if w not in JOURNAL_STOPWORDS)


def journals_match(a: str | None, b: str | None) -> bool:
    """Same journal, tolerating ISO abbreviations: word by word, one word a prefix of the other.

    "Pain Med" = "Pain Medicine" = "PAIN MEDICINE (Malden, Mass.)"; "Pain" is not "Pain Medicine"
    (word counts differ) and "Pain Med" is not "Pain Physician".
    """
    wa, wb = normalize_journal(a), normalize_journal(b)
    if not wa or len(wa) != len(wb):
        return False
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(wa, wb, strict=True))


def in_journal(cited: str | None, journal: str | None, journal_iso: str | None) -> bool:
    """The article's journal (full title or ISO abbreviation) is the cited journal."""
    return bool(cited) and (journals_match(cited, journal) or journals_match(cited, journal_iso))


# --------------------------------------------------------------------------------------------------
# Input records
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    domain: str | None
    instrument: str | None
    result: str | None
    is_primary: bool
    evidence: str | None
    index: int


@dataclass(frozen=True)
class _Record:
    """One LDN human study joined with its article and outcomes."""

    pmid: str
    design: str | None
    level: str
    n_enrolled: int | None
    result: str | None
    conditions: tuple[str, ...]
    dose_min: float | None
    dose_max: float | None
    registry_ids: frozenset[str]
    title: str
    abstract: str
    journal: str | None
    journal_iso: str | None
    first_author: str | None
    pub_year: int | None
    mesh_terms: tuple[str, ...]
    is_retracted: bool
    outcomes: tuple[_Outcome, ...]
    comparator: str | None = None
    primary_conditions: tuple[str, ...] = ()

    @property
    def is_secondary(self) -> bool:
        return bool(SECONDARY_ANALYSIS_RE.search(f"{self.title}\n{self.abstract}"))

    @property
    def order_key(self) -> tuple[int, int, str]:
        """Publication order: year, then PMID (PMIDs grow over time)."""
        year = self.pub_year if self.pub_year is not None else 9999
        return (year, int(self.pmid) if self.pmid.isdigit() else 10**12, self.pmid)


def _scalar(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _text(value: Any) -> str | None:
    value = _scalar(value)
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    value = _scalar(value)
    return None if value is None else int(value)


def _float(value: Any) -> float | None:
    value = _scalar(value)
    return None if value is None else float(value)


def _first_int(value: Any, default: int) -> int:
    number = _int(value)
    return default if number is None else number


def _bool(value: Any) -> bool | None:
    value = _scalar(value)
    return None if value is None else bool(value)


def _strings(value: Any) -> tuple[str, ...]:
    """A list column value (list, tuple, numpy array, None) as a tuple of strings."""
    if value is None or isinstance(value, (str, bytes)):
        return (value,) if isinstance(value, str) and value else ()
    if not isinstance(value, Iterable):
        return ()
    return tuple(str(v) for v in value if _scalar(v) is not None)


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return frame.to_dict("records")


def evidence_level(design: str | None) -> str:
    """rct, nonrandomized_trial, observational, review or other, from a study design."""
    if design in vocab.RCT_DESIGNS:
        return "rct"
    if design in vocab.TRIAL_DESIGNS:
        return "nonrandomized_trial"
    if design in vocab.OBSERVATIONAL_DESIGNS:
        return "observational"
    if design in vocab.REVIEW_DESIGNS:
        return "review"
    return "other"


# Ultra-low-dose naltrexone (micrograms) co-formulated with an opioid agonist (e.g. Oxytrex) tests
# whether the antagonist improves the opioid; it is not evidence that LDN itself relieves pain.
_ULTRALOW_RE = re.compile(r"\bultra[- ]?low[- ]dose\b|\bultralow\b|\boxytrex\b", re.IGNORECASE)
_OPIOID_AGONIST_RE = re.compile(
    r"\b(oxycodone|morphine|methadone|hydrocodone|hydromorphone|buprenorphine|tramadol|fentanyl|"
    r"tapentadol|oxytrex)\b",
    re.IGNORECASE,
)


def is_opioid_adjunct(title: str | None, abstract: str | None) -> bool:
    """The naltrexone is an ultra-low-dose add-on to an opioid agonist, not LDN treatment."""
    text = f"{title or ''} {abstract or ''}"
    return bool(_ULTRALOW_RE.search(text)) and bool(_OPIOID_AGONIST_RE.search(text))


def _collect_records(
    articles: pd.DataFrame, studies: pd.DataFrame, outcomes: pd.DataFrame
) -> list[_Record]:
    """LDN studies in humans (``is_ldn`` true, ``population == 'human'``) joined with articles."""
    by_pmid = {str(a["pmid"]): a for a in _records(articles)}
    outcome_rows: dict[str, list[_Outcome]] = defaultdict(list)
    for i, o in enumerate(_records(outcomes)):
        outcome_rows[str(o["pmid"])].append(
            _Outcome(
                domain=_text(o.get("domain")),
                instrument=_text(o.get("instrument")),
                result=_text(o.get("result")),
                is_primary=bool(_bool(o.get("is_primary"))),
                evidence=_text(o.get("evidence")),
                index=_first_int(o.get("outcome_index"), i),
            )
        )
    studies_by_pmid = {str(s["pmid"]): s for s in _records(studies)}  # one row per PMID: last wins
    records = []
    for pmid, s in studies_by_pmid.items():
        if _bool(s.get("is_ldn")) is not True or _text(s.get("population")) != "human":
            continue
        a = by_pmid.get(pmid, {})
        if is_opioid_adjunct(_text(a.get("title")), _text(a.get("abstract"))):
            continue
        registry = {
            r.strip().upper()
            for r in (
                *_strings(s.get("registry_ids")),
                *_strings(a.get("nct_ids")),
                *_strings(a.get("registry_ids")),
            )
            if r.strip()
        }
        design = _text(s.get("design"))
        records.append(
            _Record(
                pmid=pmid,
                design=design,
                level=evidence_level(design),
                n_enrolled=_int(s.get("n_enrolled")),
                result=_text(s.get("result")),
                conditions=_strings(s.get("conditions")),
                dose_min=_float(s.get("dose_mg_min")),
                dose_max=_float(s.get("dose_mg_max")),
                registry_ids=frozenset(registry),
                title=_text(a.get("title")) or "",
                abstract=_text(a.get("abstract")) or "",
                journal=_text(a.get("journal")),
                journal_iso=_text(a.get("journal_iso")),
                first_author=_text(a.get("first_author"))
                or (_strings(a.get("authors")) or (None,))[0],
                pub_year=_int(a.get("pub_year")),
                mesh_terms=_strings(a.get("mesh_terms")),
                is_retracted=bool(_bool(a.get("is_retracted"))),
                outcomes=tuple(sorted(outcome_rows.get(pmid, []), key=lambda o: o.index)),
                comparator=_text(s.get("comparator")),
                # null (tables written before the column existed): all conditions
                primary_conditions=(
                    _strings(s.get("conditions"))
                    if _scalar(s.get("primary_conditions")) is None
                    else _strings(s.get("primary_conditions"))
                ),
            )
        )
    return sorted(records, key=lambda r: r.order_key)


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------


def _matches_claim(claim: Claim, record: _Record) -> bool:
    """The study is about the claim's condition.

    By condition id (group member or listed id); only when the study has no condition ids, by the
    claim's synonyms in the title or its MeSH terms / synonyms among the article's MeSH terms.
    """
    if record.conditions:
        ids = claim.condition_ids()
        # the population's main conditions: a mixed chronic-pain series is no evidence about
        # fibromyalgia because some of its patients had it
        return any(
            c in ids or vocab.condition_group(c) == claim.condition
            for c in record.primary_conditions
        )
    mesh = {m.casefold() for m in record.mesh_terms}
    if any(term.casefold() in mesh for term in (*claim.mesh, *claim.synonyms)):
        return True
    return any(
        re.search(rf"\b{re.escape(s)}\b", record.title, re.IGNORECASE) for s in claim.synonyms
    )


def _surname(author: str | None) -> str | None:
    """'Younger J' -> 'Younger'; collective names are kept whole."""
    if not author:
        return None
    parts = author.split()
    if len(parts) > 1 and re.fullmatch(r"[A-Z]{1,4}", parts[-1]):
        return " ".join(parts[:-1])
    return author


def _author_key(author: str | None) -> str | None:
    if not author:
        return None
    text = unicodedata.normalize("NFKD", author)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    parts = text.split()
    if len(parts) > 1:  # surname + first initial
        return f"{' '.join(parts[:-1])} {parts[-1][:1]}"
    return text


def _find_duplicates(records: Sequence[_Record]) -> dict[str, str]:
    """PMID -> PMID of the primary report, for records that report an earlier-counted trial again.

    1. Records sharing a registry id (NCT..., ISRCTN...) are one trial; the primary is the earliest
       record not worded as a secondary analysis.
    2. Otherwise a record worded as a secondary / post-hoc analysis (SECONDARY_ANALYSIS_RE) whose
       first author published an earlier trial in the same condition reports that trial again (the
       latest such earlier trial when there are several).
    """
    parent: dict[str, str] = {r.pmid: r.pmid for r in records}

    def root(pmid: str) -> str:
        while parent[pmid] != pmid:
            pmid = parent[pmid]
        return pmid

    owner: dict[str, str] = {}
    for r in records:
        for rid in sorted(r.registry_ids):
            if rid in owner:
                a, b = root(owner[rid]), root(r.pmid)
                if a != b:
                    parent[b] = a
            else:
                owner[rid] = r.pmid
    groups: dict[str, list[_Record]] = defaultdict(list)
    for r in records:
        groups[root(r.pmid)].append(r)
    duplicate_of: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            primary = min(members, key=lambda r: (r.is_secondary, r.order_key))
            duplicate_of.update({m.pmid: primary.pmid for m in members if m is not primary})

    for r in records:
        if r.pmid in duplicate_of or not r.is_secondary:
            continue
        author = _author_key(r.first_author)
        if author is None:
            continue
        earlier = [
            c
            for c in records
            if c.pmid != r.pmid
            and c.level in TRIAL_LEVELS
            and not c.is_secondary
            and c.pmid not in duplicate_of
            and _author_key(c.first_author) == author
            and c.order_key < r.order_key
            and (not c.conditions or not r.conditions or set(c.conditions) & set(r.conditions))
        ]
        if earlier:
            duplicate_of[r.pmid] = max(earlier, key=lambda c: c.order_key).pmid

    def resolve(pmid: str) -> str:
        seen = {pmid}
        while pmid in duplicate_of and duplicate_of[pmid] not in seen:
            pmid = duplicate_of[pmid]
            seen.add(pmid)
        return pmid

    return {pmid: resolve(pmid) for pmid in duplicate_of}


# --------------------------------------------------------------------------------------------------
# Evidence and verdicts
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    record: _Record
    in_cited_journal: bool | None
    counted: bool
    duplicate_of: str | None
    domain_results: tuple[str, ...]
    contradicts: tuple[str, ...]


def _domain_results(claim: Claim, record: _Record) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """('pain:improved', ...) on the claim's domains, and the domains the study contradicts.

    A domain is contradicted when the study reports no_difference/worsened on it and no improvement
    on it (one instrument improved and another not is a mixed domain, not a contradiction).
    """
    results: dict[str, list[str]] = {d: [] for d in claim.outcome_domains}
    for o in record.outcomes:
        if o.domain in results:
            results[o.domain].append(o.result or "unclear")
    pairs = tuple(dict.fromkeys(f"{d}:{r}" for d, rs in results.items() for r in rs))
    contradicts = tuple(
        d
        for d, rs in results.items()
        if rs and "improved" not in rs and CONTRADICTING_RESULTS & set(rs)
    )
    return pairs, contradicts


def _claim_evidence(claim: Claim, records: Sequence[_Record]) -> list[_Evidence]:
    matching = [r for r in records if _matches_claim(claim, r)]
    candidates = [r for r in matching if r.level in PRIMARY_LEVELS and not r.is_retracted]
    duplicates = _find_duplicates(candidates)
    evidence = []
    for r in matching:
        pairs, contradicts = _domain_results(claim, r)
        counted = r.level in PRIMARY_LEVELS and not r.is_retracted and r.pmid not in duplicates
        evidence.append(
            _Evidence(
                record=r,
                in_cited_journal=(
                    in_journal(claim.cited_journal, r.journal, r.journal_iso)
                    if claim.cited_journal
                    else None
                ),
                counted=counted,
                duplicate_of=duplicates.get(r.pmid),
                domain_results=pairs,
                contradicts=contradicts,
            )
        )
    rank = {level: i for i, level in enumerate(EVIDENCE_LEVELS)}
    return sorted(evidence, key=lambda e: (rank[e.record.level], e.record.order_key))


def _rct_direction(record: _Record) -> str:
    """for / against / mixed / unclear: the RCT's main comparison.

    ``result`` decides when positive or negative; a mixed, unclear or missing result is settled by
    the outcomes named primary when they all point one way.
    """
    if record.result == "positive":
        return "for"
    if record.result == "negative":
        return "against"
    primary = [
        o.result
        for o in record.outcomes
        if o.is_primary
        and o.domain != "adverse_events"
        and o.result in ("improved", "no_difference", "worsened")
    ]
    if primary and all(r == "improved" for r in primary):
        return "for"
    if primary and "improved" not in primary:
        return "against"
    return "mixed" if record.result == "mixed" else "unclear"


@dataclass
class _Decision:
    verdict: str
    trials: list[_Evidence]
    rcts: list[_Evidence]
    n_participants: int | None
    share: float | None
    directions: dict[str, str]
    decisive: list[_Evidence]


def _decide(evidence: Sequence[_Evidence]) -> _Decision:
    counted = [e for e in evidence if e.counted]
    trials = [e for e in counted if e.record.level in TRIAL_LEVELS]
    rcts = [e for e in counted if e.record.level == "rct"]
    sizes = [e.record.n_enrolled for e in rcts if e.record.n_enrolled is not None]
    n_participants = sum(sizes) if sizes or not rcts else None
    if not counted:
        return _Decision("no_evidence", trials, rcts, n_participants, None, {}, [])
    if not rcts:
        return _Decision(
            "uncontrolled_evidence_only", trials, rcts, n_participants, None, {}, counted
        )
    known = [n for n in sizes if n > 0]
    fallback = float(min(known)) if known else UNKNOWN_SIZE_FALLBACK_WEIGHT
    directions = {e.record.pmid: _rct_direction(e.record) for e in rcts}
    favour = against = 0.0
    for e in rcts:
        n = e.record.n_enrolled
        weight = float(n) if n else fallback
        direction = directions[e.record.pmid]
        if direction == "for":
            favour += weight
        elif direction == "against":
            against += weight
        elif direction == "mixed":
            favour += weight * MIXED_FAVOUR_SHARE
            against += weight * (1 - MIXED_FAVOUR_SHARE)
    share = favour / (favour + against) if favour + against > 0 else None
    if favour == 0:
        verdict = "not_supported_by_rcts"
    elif share is not None and share >= SUPPORTED_MIN_SHARE - 1e-12:
        verdict = "supported_by_rcts"
    else:
        verdict = "contested"
    return _Decision(verdict, trials, rcts, n_participants, share, directions, rcts)


def _count_phrase(n: int, singular: str, plural: str) -> str:
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} {singular if n == 1 else plural}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _display_journal(record: _Record) -> str:
    name = record.journal or record.journal_iso or "journal not given"
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _label(record: _Record) -> str:
    surname = _surname(record.first_author)
    year = record.pub_year if record.pub_year is not None else "n.d."
    return f"{surname} {year}" if surname else f"PMID {record.pmid} ({year})"


def _describe(e: _Evidence, with_journal: bool = True, with_result: bool = True) -> str:
    """'Bruun 2024 (The Lancet Rheumatology, RCT, n=99) found no benefit (pain no difference)'."""
    r = e.record
    n = f"n={r.n_enrolled}" if r.n_enrolled is not None else "n not reported"
    design = _DESIGN_LABELS.get(r.design or "", "design unknown")
    parts = [_display_journal(r)] if with_journal else []
    parts += [design, n]
    if r.level == "rct" and r.comparator in _COMPARATOR_LABELS:
        parts.append(_COMPARATOR_LABELS[r.comparator])
    text = f"{_label(r)} ({', '.join(parts)})"
    if not with_result:
        return text
    text += f" {_RESULT_PHRASES.get(r.result, 'reported no result')}"
    if e.domain_results:
        text += (
            " (" + "; ".join(p.replace(":", " ").replace("_", " ") for p in e.domain_results) + ")"
        )
    return text


def _describe_list(
    items: Sequence[_Evidence], with_journal: bool = True, with_result: bool = True
) -> str:
    named = [_describe(e, with_journal, with_result) for e in items[:MAX_NAMED_STUDIES]]
    if len(items) > MAX_NAMED_STUDIES:
        named.append(f"and {len(items) - MAX_NAMED_STUDIES} more")
    return "; ".join(named)


def _verdict_sentence(d: _Decision) -> str:
    rcts = _count_phrase(len(d.rcts), "randomised trial", "randomised trials")
    people = (
        f"{d.n_participants} participants"
        if d.n_participants is not None
        else "participants not reported"
    )
    pct = f"{round(100 * d.share)}%" if d.share is not None else "none"
    if d.verdict == "supported_by_rcts":
        return (
            f"Supported by randomised trials: {rcts} ({people}) match; {pct} of the weighed "
            "participants were in trials favouring LDN."
        )
    if d.verdict == "contested":
        if len(d.rcts) == 1:
            return (
                f"Contested: the only matching randomised trial ({people}) had a mixed result, "
                "favouring LDN on some outcomes and not on others."
            )
        return (
            f"Contested: {rcts} ({people}) point in different directions; {pct} of the "
            f"weighed participants were in trials favouring LDN (support needs at least "
            f"{round(100 * SUPPORTED_MIN_SHARE)}%)."
        )
    if d.verdict == "not_supported_by_rcts":
        return (
            f"Not supported by randomised trials: {rcts} ({people}) match and none found a "
            "benefit on its main outcome."
        )
    if d.verdict == "uncontrolled_evidence_only":
        others = len(d.decisive) - len(d.trials)
        parts = []
        if d.trials:
            parts.append(
                _count_phrase(len(d.trials), "non-randomised trial", "non-randomised trials")
            )
        if others:
            parts.append(
                _count_phrase(others, "observational study or case report", _OBSERVATIONAL_PLURAL)
            )
        return (
            f"Only uncontrolled evidence: no randomised trial matches, only {' and '.join(parts)}."
        )
    return "No evidence: no study of LDN in humans matches this claim."


def _cited_sentence(claim: Claim, evidence: Sequence[_Evidence]) -> str:
    if not claim.cited_journal:
        return "The claim names no journal."
    cited = [e for e in evidence if e.in_cited_journal]
    live = [e for e in cited if not e.record.is_retracted]
    trials = [e for e in live if e.record.level in TRIAL_LEVELS]
    others = [e for e in live if e.record.level not in TRIAL_LEVELS]
    name = claim.cited_journal
    if trials:
        text = (
            f"The cited journal ({name}) holds "
            f"{_count_phrase(len(trials), 'matching trial', 'matching trials')}: "
            f"{_describe_list(trials, with_journal=False)}"
        )
        if others:
            items = _count_phrase(len(others), "non-trial item", "non-trial items")
            text += f"; and {items}: {_describe_list(others, False, False)}"
    elif others:
        items = _count_phrase(len(others), "matching non-trial item", "matching non-trial items")
        text = (
            f"The cited journal ({name}) holds no matching trial; it holds {items}: "
            f"{_describe_list(others, False, False)}"
        )
    else:
        text = f"The cited journal ({name}) holds no matching study in the records searched"
    retracted = [e.record.pmid for e in cited if e.record.is_retracted]
    if retracted:
        text += f"; retracted there and not counted: PMID {', '.join(retracted)}"
    return text + "."


def _summary(
    claim: Claim, evidence: Sequence[_Evidence], d: _Decision, contradicted: Sequence[str]
) -> str:
    sentences = [_verdict_sentence(d)]
    if d.decisive:
        sentences.append(_capitalise(_describe_list(d.decisive)) + ".")
    if contradicted:
        rcts = [e for e in evidence if e.record.level == "rct" and not e.record.is_retracted]
        per_domain = [
            f"{domain.replace('_', ' ')} ("
            + ", ".join(_label(e.record) for e in rcts if domain in e.contradicts)
            + ")"
            for domain in contradicted
        ]
        sentences.append(
            "Randomised trials found no difference or a worsening on claimed outcomes: "
            + "; ".join(per_domain)
            + "."
        )
    if d.rcts:
        measured = {p.split(":")[0] for e in d.rcts for p in e.domain_results}
        unmeasured = [x.replace("_", " ") for x in claim.outcome_domains if x not in measured]
        if unmeasured:
            sentences.append(f"No randomised trial reported on {', '.join(unmeasured)}.")
    dups = [e for e in evidence if e.duplicate_of]
    if dups:
        pairs = ", ".join(f"PMID {e.record.pmid} (of {e.duplicate_of})" for e in dups)
        sentences.append(f"Secondary analyses not counted again: {pairs}.")
    retracted = [e.record.pmid for e in evidence if e.record.is_retracted]
    if retracted:
        sentences.append(f"Retracted and not counted: PMID {', '.join(retracted)}.")
    decisive = {e.record.pmid for e in d.decisive}
    rest = [e for e in evidence if e.counted and e.record.pmid not in decisive]
    reviews = [e for e in evidence if e.record.level == "review" and not e.record.is_retracted]
    listed = []
    if rest:
        listed.append(
            _count_phrase(
                len(rest),
                "non-randomised or observational study",
                "non-randomised or observational studies",
            )
        )
    if reviews:
        listed.append(_count_phrase(len(reviews), "review", "reviews"))
    if listed:
        sentences.append(f"Also listed, not deciding the verdict: {' and '.join(listed)}.")
    sentences.append(_cited_sentence(claim, evidence))
    return " ".join(sentences)


# --------------------------------------------------------------------------------------------------
# Dose and safety checks
# --------------------------------------------------------------------------------------------------


def _fmt_mg(value: float) -> str:
    return f"{value:g}"


def _dose_range(r: _Record) -> tuple[float, float] | None:
    low = r.dose_min if r.dose_min is not None else r.dose_max
    high = r.dose_max if r.dose_max is not None else r.dose_min
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


def _check_dose(check: Check, records: Sequence[_Record]) -> dict[str, Any]:
    """Reported daily doses vs the claimed range: consistent / partly_consistent / inconsistent."""
    assert check.dose_min_mg is not None and check.dose_max_mg is not None
    lo, hi = check.dose_min_mg - DOSE_TOLERANCE_MG, check.dose_max_mg + DOSE_TOLERANCE_MG
    dosed = [(r, rng) for r in records if (rng := _dose_range(r)) is not None]
    claimed = f"{_fmt_mg(check.dose_min_mg)}–{_fmt_mg(check.dose_max_mg)} mg/day"
    if not dosed:
        return _check_row(
            check,
            "no_data",
            0,
            [],
            f"No matching LDN study in humans reports a daily dose to compare with "
            f"the claimed {claimed}.",
        )
    within = [r for r, (a, b) in dosed if a >= lo and b <= hi]
    overlap = [r for r, (a, b) in dosed if not (a >= lo and b <= hi) and a <= hi and b >= lo]
    below = [r for r, (a, b) in dosed if b < lo]
    above = [r for r, (a, b) in dosed if a > hi]
    share = len(within) / len(dosed)
    if share >= DOSE_CONSISTENT_MIN_SHARE:
        status = "consistent"
    elif within or overlap:
        status = "partly_consistent"
    else:
        status = "inconsistent"
    by_dose: dict[str, list[str]] = defaultdict(list)
    for r, (a, b) in dosed:
        key = f"{_fmt_mg(a)} mg/day" if a == b else f"{_fmt_mg(a)}–{_fmt_mg(b)} mg/day"
        by_dose[key].append(r.pmid)
    ordered = sorted(by_dose.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    details = [
        f"{dose}: {len(p)} stud{'y' if len(p) == 1 else 'ies'} (PMID {', '.join(p)})"
        for dose, p in ordered
    ]
    details.append(
        f"within {claimed}: {len(within)} of {len(dosed)}; partly overlapping: "
        f"{len(overlap)}; below: {len(below)}; above: {len(above)}"
    )
    top_dose, top_pmids = ordered[0]
    summary = (
        f"{len(within)} of {len(dosed)} matching LDN studies in humans with a reported dose "
        f"used a daily dose within the claimed {claimed}; the most common was {top_dose} "
        f"({len(top_pmids)} stud{'y' if len(top_pmids) == 1 else 'ies'})."
    )
    if below or above:
        summary += f" {len(below)} used less and {len(above)} more than the range."
    return _check_row(check, status, len(dosed), details, summary)


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(])", text) if s.strip()]


def _event_patterns(name: str) -> re.Pattern[str]:
    patterns = ADVERSE_EVENT_PATTERNS.get(name.casefold().strip(), (re.escape(name.strip()),))
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


def _not_negated(pattern: re.Pattern[str], sentence: str) -> bool:
    """At least one match of ``pattern`` in ``sentence`` has no negation just before it."""
    for m in pattern.finditer(sentence):
        before = sentence[max(0, m.start() - NEGATION_WINDOW) : m.start()]
        if not NEGATION_RE.search(before):
            return True
    return False


@dataclass
class _SafetyFinding:
    record: _Record
    events: dict[str, bool] = field(default_factory=dict)
    mild: bool = False
    serious: bool = False
    discontinued: bool = False
    worse_than_comparator: bool = False
    quotes: list[str] = field(default_factory=list)


def _safety_finding(r: _Record, events: Mapping[str, re.Pattern[str]]) -> _SafetyFinding | None:
    finding = _SafetyFinding(record=r)
    texts = [s for s in _sentences(r.abstract)
             if AE_CONTEXT_RE.search(s) and not NOT_REPORTED_AE_RE.search(s)]
    for o in r.outcomes:
        if o.domain != "adverse_events":
            continue
        if o.result == "worsened":
            finding.worse_than_comparator = True
        elif o.result == "no_difference":
            finding.mild = True  # adverse events no more frequent than with the comparator
        if o.evidence and o.evidence not in texts and not NOT_REPORTED_AE_RE.search(o.evidence):
            texts.append(o.evidence)
        if not o.evidence:
            finding.quotes.append(f"adverse events: {o.result or 'unclear'}")
    for sentence in texts:
        hit = False
        for name, pattern in events.items():
            if _not_negated(pattern, sentence):
                finding.events[name] = True
                hit = True
        if MILD_RE.search(sentence):
            finding.mild = hit = True
        if _not_negated(SERIOUS_RE, sentence):
            finding.serious = hit = True
        if _not_negated(DISCONTINUATION_RE, sentence):
            finding.discontinued = hit = True
        if hit or re.search(r"adverse|side[- ]effect", sentence, re.IGNORECASE):
            quote = (
                sentence
                if len(sentence) <= MAX_QUOTE_CHARS
                else (sentence[: MAX_QUOTE_CHARS - 1] + "…")
            )
            finding.quotes.append(f"“{quote}”")
    if not finding.quotes and not finding.worse_than_comparator:
        return None
    return finding


def _check_safety(check: Check, records: Sequence[_Record]) -> dict[str, Any]:
    """Adverse events the studies report vs the claimed events and severity."""
    claimed = {name: _event_patterns(name) for name in check.adverse_events}
    others = {
        name: _event_patterns(name)
        for name in ADVERSE_EVENT_PATTERNS
        if name not in {c.casefold() for c in claimed}
    }
    findings = [f for r in records if (f := _safety_finding(r, {**claimed, **others})) is not None]
    if not findings:
        return _check_row(
            check,
            "no_data",
            0,
            [],
            "No matching LDN study in humans reports adverse events in its abstract or outcomes.",
        )
    concerns = [f for f in findings if f.serious or f.discontinued or f.worse_than_comparator]
    mild = [f for f in findings if f.mild]
    if mild and not concerns:
        status = "consistent"
    elif concerns and len(concerns) > len(mild):
        status = "inconsistent"
    else:
        status = "partly_consistent"
    details = []
    for name in claimed:
        pmids = [f.record.pmid for f in findings if f.events.get(name)]
        details.append(
            f"claimed event '{name}': reported by {len(pmids)} stud"
            f"{'y' if len(pmids) == 1 else 'ies'}"
            + (f" (PMID {', '.join(pmids)})" if pmids else "")
        )
    for name in others:
        pmids = [f.record.pmid for f in findings if f.events.get(name)]
        if pmids:
            details.append(
                f"other event '{name}': reported by {len(pmids)} stud"
                f"{'y' if len(pmids) == 1 else 'ies'} (PMID {', '.join(pmids)})"
            )
    for f in findings:
        flags = [
            flag
            for flag, on in (
                ("described as mild/transient/well tolerated", f.mild),
                ("serious adverse events", f.serious),
                ("discontinuations for adverse events", f.discontinued),
                ("more adverse events than comparator", f.worse_than_comparator),
            )
            if on
        ]
        events = ", ".join(n for n, on in f.events.items() if on) or "no named event"
        details.append(
            f"PMID {f.record.pmid} ({_label(f.record)}): {events}; "
            f"{'; '.join(flags) or 'no severity stated'} — {' '.join(f.quotes)}"
        )
    seen = [n for n in claimed if any(f.events.get(n) for f in findings)]
    summary = (
        f"{len(findings)} matching LDN stud{'y' if len(findings) == 1 else 'ies'} in humans "
        f"report on adverse events: described as mild, transient, well tolerated or no more "
        f"frequent than the comparator in {len(mild)}; serious events, discontinuations for "
        f"adverse events or more events than the comparator in {len(concerns)}. Claimed events "
        f"found: {', '.join(seen) if seen else 'none'}."
    )
    return _check_row(check, status, len(findings), details, summary)


def _check_row(
    check: Check, status: str, n: int, details: list[str], summary: str
) -> dict[str, Any]:
    return {
        "check_id": check.id,
        "kind": check.kind,
        "statement": check.statement,
        "status": status,
        "n_studies": n,
        "details": details,
        "summary": summary,
    }


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------


def _frame(rows: list[dict[str, Any]], schema: pa.Schema) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the schema's columns, in order, with nullable dtypes."""
    frame = pd.DataFrame(rows, columns=schema.names)
    for f in schema:
        if pa.types.is_integer(f.type):
            frame[f.name] = frame[f.name].astype(f"Int{f.type.bit_width}")
        elif pa.types.is_boolean(f.type):
            frame[f.name] = frame[f.name].astype("boolean")
        elif pa.types.is_floating(f.type):
            frame[f.name] = frame[f.name].astype("float64")
        else:
            frame[f.name] = frame[f.name].astype(object)
    return frame


def _claims_rows(claims: ClaimSet) -> list[dict[str, Any]]:
    rows = [
        {
            "claim_id": c.id,
            "kind": c.kind,
            "condition": c.condition,
            "conditions": sorted(c.condition_ids()),
            "statement": c.statement,
            "cited_journal": c.cited_journal,
            "outcome_domains": list(c.outcome_domains),
        }
        for c in claims.claims
    ]
    rows += [
        {
            "claim_id": k.id,
            "kind": k.kind,
            "condition": None,
            "conditions": [],
            "statement": k.statement,
            "cited_journal": None,
            "outcome_domains": ["adverse_events"] if k.kind == "safety" else [],
        }
        for k in claims.checks
    ]
    return rows


def _evidence_row(claim: Claim, e: _Evidence) -> dict[str, Any]:
    r = e.record
    return {
        "claim_id": claim.id,
        "pmid": r.pmid,
        "design": r.design,
        "evidence_level": r.level,
        "n_enrolled": r.n_enrolled,
        "result": r.result,
        "in_cited_journal": e.in_cited_journal,
        "journal": r.journal,
        "first_author": r.first_author,
        "pub_year": r.pub_year,
        "counted": e.counted,
        "duplicate_of": e.duplicate_of,
        "domain_results": list(e.domain_results),
        "contradicts": list(e.contradicts),
        "is_retracted": r.is_retracted,
    }


def _verdict_row(claim: Claim, evidence: Sequence[_Evidence]) -> dict[str, Any]:
    d = _decide(evidence)
    live_rcts = [e for e in evidence if e.record.level == "rct" and not e.record.is_retracted]
    contradicted = [
        dom for dom in claim.outcome_domains if any(dom in e.contradicts for e in live_rcts)
    ]
    cited = [e for e in evidence if e.in_cited_journal and not e.record.is_retracted]
    if any(e.record.level in TRIAL_LEVELS for e in cited):
        cited_source = "trial"
    elif cited:
        cited_source = "non_trial"
    else:
        cited_source = "none"
    return {
        "claim_id": claim.id,
        "verdict": d.verdict,
        "has_matching_trials": bool(d.trials),
        "n_trials": len(d.trials),
        "n_rcts": len(d.rcts),
        "n_participants_rcts": d.n_participants,
        "cited_source": cited_source,
        "cited_source_pmids": [e.record.pmid for e in cited],
        "decisive_pmids": [e.record.pmid for e in d.decisive],
        "contradicted_domains": contradicted,
        "summary": _summary(claim, evidence, d, contradicted),
    }


def build_claim_tables(
    claims: ClaimSet, articles: pd.DataFrame, studies: pd.DataFrame, outcomes: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """The claims, claim_evidence, claim_verdicts and claim_checks tables (columns per schemas).

    Only studies with ``is_ldn`` true and ``population == 'human'`` are considered. The dose and
    safety checks look at the studies counted for any efficacy claim of ``claims``.
    """
    records = _collect_records(articles, studies, outcomes)
    evidence_rows: list[dict[str, Any]] = []
    verdict_rows: list[dict[str, Any]] = []
    counted: dict[str, _Record] = {}
    for claim in claims.claims:
        evidence = _claim_evidence(claim, records)
        evidence_rows += [_evidence_row(claim, e) for e in evidence]
        verdict_rows.append(_verdict_row(claim, evidence))
        counted.update({e.record.pmid: e.record for e in evidence if e.counted})
    checked = sorted(counted.values(), key=lambda r: r.order_key)
    check_rows = [
        _check_dose(k, checked) if k.kind == "dose" else _check_safety(k, checked)
        for k in claims.checks
    ]
    return {
        "claims": _frame(_claims_rows(claims), schemas.CLAIMS),
        "claim_evidence": _frame(evidence_rows, schemas.CLAIM_EVIDENCE),
        "claim_verdicts": _frame(verdict_rows, schemas.CLAIM_VERDICTS),
        "claim_checks": _frame(check_rows, schemas.CLAIM_CHECKS),
    }
