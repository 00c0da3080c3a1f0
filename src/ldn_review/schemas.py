"""One pyarrow schema per curated table: the single source of truth.

Every field carries a ``description`` in its metadata; ``docs/data_dictionary.md`` is generated from
these schemas (``ldn-review schema --markdown``) and a test checks that the file is current.
"""

from __future__ import annotations

import pyarrow as pa


def _f(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


_STR = pa.string()
_LIST_STR = pa.list_(pa.string())

ABSTRACT_SECTION = pa.struct([("label", _STR), ("category", _STR), ("text", _STR)])
MESH_HEADING = pa.struct(
    [
        ("descriptor", _STR),
        ("descriptor_ui", _STR),
        ("major", pa.bool_()),
        ("qualifiers", _LIST_STR),
        ("major_qualifiers", _LIST_STR),
    ]
)
COMMENT_CORRECTION = pa.struct([("ref_type", _STR), ("pmid", _STR), ("source", _STR)])
EVIDENCE = pa.struct([("field", _STR), ("value", _STR), ("sentence", _STR), ("rule", _STR)])

ARTICLES = pa.schema(
    [
        _f("pmid", _STR, "PubMed id, as a string", nullable=False),
        _f("version", pa.int32(), "PMID version attribute (1 for nearly all records)"),
        _f("title", _STR, "Article title, inline markup flattened"),
        _f("abstract", _STR, "Abstract text; labelled sections joined as 'LABEL: text' lines"),
        _f("abstract_sections", pa.list_(ABSTRACT_SECTION), "Labelled abstract sections in order"),
        _f("journal", _STR, "Journal title as PubMed gives it"),
        _f("journal_iso", _STR, "ISO abbreviation of the journal"),
        _f("issn", _STR, "ISSN (print or electronic, first given)"),
        _f("pub_year", pa.int32(), "Publication year (from PubDate Year or MedlineDate)"),
        _f(
            "pub_date",
            _STR,
            "Publication date as given: YYYY, YYYY-MM, YYYY-MM-DD or MedlineDate text",
        ),
        _f("authors", _LIST_STR, "Authors as 'LastName Initials' (or collective name)"),
        _f("first_author", _STR, "First author as 'LastName Initials'"),
        _f("languages", _LIST_STR, "Language codes (e.g. 'eng')"),
        _f("publication_types", _LIST_STR, "PubMed publication types"),
        _f("mesh_terms", _LIST_STR, "MeSH descriptor names"),
        _f(
            "mesh_major_terms",
            _LIST_STR,
            "MeSH descriptors flagged as major topic (descriptor or a qualifier)",
        ),
        _f(
            "mesh_headings",
            pa.list_(MESH_HEADING),
            "MeSH headings with qualifiers and major-topic flags",
        ),
        _f("keywords", _LIST_STR, "Author keywords"),
        _f("chemicals", _LIST_STR, "Chemical substance names"),
        _f("doi", _STR, "DOI (from ArticleIdList or ELocationID)"),
        _f("pmc_id", _STR, "PubMed Central id (PMCnnnn)"),
        _f(
            "nct_ids",
            _LIST_STR,
            "ClinicalTrials.gov ids from DataBankList and from the abstract text",
        ),
        _f(
            "registry_ids",
            _LIST_STR,
            "Other trial registry ids found (ISRCTN, EudraCT, ACTRN, DRKS, ChiCTR, IRCT, CTRI, jRCT, UMIN)",
        ),
        _f(
            "comments_corrections",
            pa.list_(COMMENT_CORRECTION),
            "CommentsCorrections links (RetractionIn, ErratumIn, ExpressionOfConcernIn, ...)",
        ),
        _f(
            "is_retracted",
            pa.bool_(),
            "True when the record has RetractionIn or the type 'Retracted Publication'",
            nullable=False,
        ),
        _f(
            "is_retraction_notice",
            pa.bool_(),
            "True when the record is itself a retraction notice",
            nullable=False,
        ),
        _f("has_erratum", pa.bool_(), "True when an erratum is linked (ErratumIn)", nullable=False),
        _f(
            "has_expression_of_concern",
            pa.bool_(),
            "True when an expression of concern is linked",
            nullable=False,
        ),
        _f(
            "created_date",
            pa.date32(),
            "Date the record entered PubMed (History PubStatus='entrez', else DateCreated)",
        ),
        _f("date_revised", pa.date32(), "MedlineCitation DateRevised"),
        _f(
            "medline_status",
            _STR,
            "MedlineCitation Status (MEDLINE, In-Data-Review, PubMed-not-MEDLINE, ...)",
        ),
        _f(
            "source_file",
            _STR,
            "Raw file (relative to the raw directory) the winning version came from",
        ),
        _f("content_hash", _STR, "sha256 of the parsed record's content, used to detect revisions"),
    ]
)

STUDIES = pa.schema(
    [
        _f("pmid", _STR, "PubMed id", nullable=False),
        _f("design", _STR, "Study design (contract vocabulary: rct_parallel, rct_crossover, ...)"),
        _f("randomized", pa.bool_(), "Participants randomly allocated"),
        _f("blinding", _STR, "double, single, open, or null when not stated"),
        _f("placebo_controlled", pa.bool_(), "A placebo arm or phase is used"),
        _f("comparator", _STR, "placebo, active, usual_care, none, or null"),
        _f("crossover", pa.bool_(), "Crossover design"),
        _f("n_enrolled", pa.int32(), "Participants randomised or enrolled"),
        _f("n_analyzed", pa.int32(), "Participants analysed or completing, when stated apart"),
        _f(
            "dose_mg_min",
            pa.float64(),
            "Lowest daily naltrexone dose, mg (null when naltrexone is not studied in humans)",
        ),
        _f("dose_mg_max", pa.float64(), "Highest daily naltrexone dose, mg"),
        _f("dose_mg_per_kg_min", pa.float64(), "Lowest naltrexone dose in mg/kg (animal studies)"),
        _f("dose_mg_per_kg_max", pa.float64(), "Highest naltrexone dose in mg/kg (animal studies)"),
        _f(
            "duration_weeks",
            pa.float64(),
            "Treatment duration in weeks (days and months converted)",
        ),
        _f("conditions", _LIST_STR, "Conditions studied (ids of ldn_review.vocab.CONDITIONS)"),
        _f(
            "primary_conditions",
            _LIST_STR,
            "The conditions the population mainly has: those the title names, else the one pain "
            "condition group named; empty for mixed populations (claims match on these)",
        ),
        _f("population", _STR, "human, animal, in_vitro"),
        _f(
            "is_ldn",
            pa.bool_(),
            "Naltrexone at low dose (about 6 mg/day or less, or described as low-dose/LDN)",
        ),
        _f(
            "result",
            _STR,
            "Direction of the main comparison: positive, negative, mixed, unclear; null when no result",
        ),
        _f("registry_ids", _LIST_STR, "Trial registry ids (NCT, ISRCTN, EudraCT, ACTRN, ...)"),
        _f(
            "evidence",
            pa.list_(EVIDENCE),
            "Provenance: for each extracted field, the value, the sentence it came from and the rule",
        ),
    ]
)

OUTCOMES = pa.schema(
    [
        _f("pmid", _STR, "PubMed id", nullable=False),
        _f("outcome_index", pa.int32(), "Order of the outcome within the record", nullable=False),
        _f(
            "domain",
            _STR,
            "pain, fatigue, function, quality_of_life, sleep, mood, adverse_events, other",
        ),
        _f(
            "instrument",
            _STR,
            "Measurement instrument (VAS, NRS, BPI, FIQR, SF-36, ODI, ...) or null",
        ),
        _f(
            "result",
            _STR,
            "improved, no_difference, worsened, unclear; for adverse_events, improved means fewer "
            "events with the studied treatment than its comparator and worsened more",
        ),
        _f("p_value", pa.float64(), "p-value reported with the outcome (upper bound for 'p<x')"),
        _f("p_value_text", _STR, "p-value as written, e.g. 'P < 0.001'"),
        _f("is_primary", pa.bool_(), "Named as the primary outcome"),
        _f("evidence", _STR, "The sentence this outcome was read from"),
        _f("rule", _STR, "The rule that produced the row"),
    ]
)

CLAIMS = pa.schema(
    [
        _f("claim_id", _STR, "Claim id (C1..C4 for the article's efficacy claims)", nullable=False),
        _f("kind", _STR, "efficacy, dose or safety"),
        _f("condition", _STR, "Condition group the claim is about"),
        _f("conditions", _LIST_STR, "Condition ids that match the claim"),
        _f("statement", _STR, "The claim as the article words it"),
        _f("cited_journal", _STR, "Journal the article names as the source"),
        _f(
            "outcome_domains",
            _LIST_STR,
            "Outcome domains the claim asserts (pain, fatigue, function, ...)",
        ),
    ]
)

CLAIM_EVIDENCE = pa.schema(
    [
        _f("claim_id", _STR, "Claim id", nullable=False),
        _f("pmid", _STR, "PubMed id of the matching study", nullable=False),
        _f("design", _STR, "Study design"),
        _f("evidence_level", _STR, "rct, nonrandomized_trial, observational, review, other"),
        _f("n_enrolled", pa.int32(), "Participants enrolled"),
        _f("result", _STR, "Study result"),
        _f("in_cited_journal", pa.bool_(), "Published in the journal the claim cites"),
        _f("journal", _STR, "Journal"),
        _f("first_author", _STR, "First author"),
        _f("pub_year", pa.int32(), "Publication year"),
        _f(
            "counted",
            pa.bool_(),
            "Counted as independent evidence toward the verdict (trials and observational studies; false for reviews, protocols, retracted records and secondary analyses of a counted study)",
        ),
        _f(
            "duplicate_of",
            _STR,
            "PMID of the trial this record reports again, when it is a secondary analysis",
        ),
        _f(
            "domain_results",
            _LIST_STR,
            "Outcome results on the claim's domains, as 'domain:result'",
        ),
        _f("contradicts", _LIST_STR, "Claimed domains this study found no effect or harm on"),
        _f("is_retracted", pa.bool_(), "The study is retracted (never counted)"),
    ]
)

CLAIM_VERDICTS = pa.schema(
    [
        _f("claim_id", _STR, "Claim id", nullable=False),
        _f(
            "verdict",
            _STR,
            "supported_by_rcts, contested, not_supported_by_rcts, uncontrolled_evidence_only, no_evidence",
        ),
        _f("has_matching_trials", pa.bool_(), "At least one trial (randomised or not) matches"),
        _f("n_trials", pa.int32(), "Independent trials matching"),
        _f("n_rcts", pa.int32(), "Independent randomised trials matching"),
        _f("n_participants_rcts", pa.int32(), "Participants enrolled in those randomised trials"),
        _f("cited_source", _STR, "trial, non_trial, none: what the cited journal holds"),
        _f("cited_source_pmids", _LIST_STR, "Matching PMIDs in the cited journal"),
        _f("decisive_pmids", _LIST_STR, "PMIDs the verdict rests on"),
        _f(
            "contradicted_domains",
            _LIST_STR,
            "Claimed outcome domains that randomised evidence does not support",
        ),
        _f("summary", _STR, "Plain-language summary naming the decisive studies"),
    ]
)

CLAIM_CHECKS = pa.schema(
    [
        _f("check_id", _STR, "Id of the dose or safety check", nullable=False),
        _f("kind", _STR, "dose or safety"),
        _f("statement", _STR, "The claim checked"),
        _f("status", _STR, "consistent, partly_consistent, inconsistent, no_data"),
        _f("n_studies", pa.int32(), "Studies with data on the point"),
        _f("details", _LIST_STR, "Findings, one per line"),
        _f("summary", _STR, "Plain-language summary"),
    ]
)

RUNS = pa.schema(
    [
        _f("run_id", _STR, "Run id (UTC timestamp, sortable)", nullable=False),
        _f("started_at", pa.timestamp("us", tz="UTC"), "Start time"),
        _f(
            "finished_at",
            pa.timestamp("us", tz="UTC"),
            "End time (null while running or after a crash)",
        ),
        _f("mode", _STR, "full, incremental, refresh, offline (null for an interrupted run)"),
        _f("n_records", pa.int64(), "Articles in the curated table after the run; null for a failed or interrupted run"),
        _f("n_new", pa.int64(), "PMIDs not held before; null for a failed or interrupted run"),
        _f("n_updated", pa.int64(), "PMIDs whose record changed; null for a failed or interrupted run"),
        _f("n_deleted", pa.int64(), "PMIDs deleted by NLM; null for a failed or interrupted run"),
        _f("n_retracted", pa.int64(), "PMIDs newly flagged retracted; null for a failed or interrupted run"),
        _f("n_requests", pa.int64(), "HTTP requests made"),
        _f(
            "status",
            _STR,
            "success, failed, interrupted (killed before it finished; seen by the next run)",
        ),
        _f("query", _STR, "PubMed query used"),
        _f(
            "watermark",
            _STR,
            "Creation date up to which records are held after this run (YYYY/MM/DD)",
        ),
        _f("message", _STR, "Error message of a failed run"),
    ]
)

CHANGES = pa.schema(
    [
        _f("run_id", _STR, "Run that saw the change", nullable=False),
        _f("pmid", _STR, "PubMed id", nullable=False),
        _f("change", _STR, "new, revised, retracted, erratum, expression_of_concern, deleted"),
        _f("detail", _STR, "What changed"),
        _f("old_hash", _STR, "Content hash before"),
        _f("new_hash", _STR, "Content hash after"),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "studies": STUDIES,
    "outcomes": OUTCOMES,
    "claims": CLAIMS,
    "claim_evidence": CLAIM_EVIDENCE,
    "claim_verdicts": CLAIM_VERDICTS,
    "claim_checks": CLAIM_CHECKS,
    "runs": RUNS,
    "changes": CHANGES,
}

TABLE_DESCRIPTIONS: dict[str, str] = {
    "articles": "One row per PMID, latest version; deleted citations dropped.",
    "studies": "One row per PMID: design and key fields extracted from title and abstract.",
    "outcomes": "One row per outcome reported in an abstract.",
    "claims": "One row per claim checked (efficacy claims C1..C4, plus dose and safety).",
    "claim_evidence": "One row per (claim, matching study).",
    "claim_verdicts": "One row per efficacy claim: verdict and cited-source check.",
    "claim_checks": "Dose and safety claims checked against reported doses and adverse events.",
    "runs": "One row per run of the pipeline.",
    "changes": "One row per record change seen by a run (new, revised, retracted, deleted, ...).",
}


def file_type(arrow_type: pa.DataType) -> str:
    """The type as ``pq.read_schema`` shows it for the written file: Parquet names a list's item
    field ``element`` (pyarrow's in-memory default is ``item``)."""
    if pa.types.is_list(arrow_type):
        return f"list<element: {file_type(arrow_type.value_type)}>"
    if pa.types.is_struct(arrow_type):
        inner = ", ".join(f"{f.name}: {file_type(f.type)}" for f in arrow_type)
        return f"struct<{inner}>"
    return str(arrow_type)


def render_data_dictionary() -> str:
    """Markdown data dictionary of every table and column, generated from the schemas."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `src/ldn_review/schemas.py` by `ldn-review schema --markdown`; do not edit by hand.",
        "Tables live at `<data-dir>/curated/<table>.parquet`. Lists are list columns; unknown is null.",
        "",
    ]
    for name, schema in TABLES.items():
        lines += [
            f"## `{name}`",
            "",
            TABLE_DESCRIPTIONS[name],
            "",
            "| column | type | description |",
            "|---|---|---|",
        ]
        for field in schema:
            desc = (field.metadata or {}).get(b"description", b"").decode()
            nn = "" if field.nullable else " (never null)"
            lines.append(f"| `{field.name}` | `{file_type(field.type)}` | {desc}{nn} |")
        lines.append("")
    return "\n".join(lines)
