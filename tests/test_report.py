"""The evidence report: files, escaping, self-containment, badges, changes, determinism."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from ldn_review import report
from ldn_review.report import PrismaCounts, ReportInputs, RunInfo
from ldn_review.schemas import TABLES

RUN_ID = "20240602T030000Z"
PREVIOUS_RUN_ID = "20240501T030000Z"
HOSTILE_TITLE = "Low-dose naltrexone <script>alert(1)</script> & fibromyalgia: an open pilot"
ALLOWED_LINK = re.compile(r"^(#|https://pubmed\.ncbi\.nlm\.nih\.gov/\d+/$|https://doi\.org/)")


def make_table(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame shaped exactly as the curated Parquet table reads back (lists, tz stamps)."""
    return pa.Table.from_pylist(rows, schema=TABLES[name]).to_pandas()


def _evidence(field: str, value: str, sentence: str) -> dict[str, str]:
    return {"field": field, "value": value, "sentence": sentence, "rule": f"{field}_regex"}


def build_articles() -> list[dict[str, Any]]:
    def article(pmid: str, title: str, journal: str, year: int, author: str, **kw: Any) -> dict:
        return {"pmid": pmid, "version": 1, "title": title, "journal": journal,
                "pub_year": year, "first_author": author, "authors": [author],
                "publication_types": kw.pop("types", ["Journal Article"]),
                "mesh_terms": ["Naltrexone"], "doi": kw.pop("doi", f"10.1000/ldn.{pmid}"),
                "nct_ids": [], "is_retracted": kw.pop("is_retracted", False),
                "is_retraction_notice": False, "has_erratum": False,
                "has_expression_of_concern": False, **kw}

    return [
        article("31000001", "Low-dose naltrexone for fibromyalgia: a randomized, double-blind, "
                "placebo-controlled crossover trial", "Arthritis Rheum", 2013, "Younger J",
                types=["Randomized Controlled Trial"]),
        article("31000002", "Low-dose naltrexone versus placebo in women with fibromyalgia: "
                "a randomized clinical trial", "JAMA Netw Open", 2023, "Bested K",
                types=["Randomized Controlled Trial"], doi="10.1001/jamanetworkopen.2023.<14>"),
        article("31000003", "Inflammatory markers in the fibromyalgia LDN crossover trial: a "
                "secondary analysis", "Pain Med", 2017, "Parkitny L"),
        article("31000004", HOSTILE_TITLE, "Pain Med", 2009, "Younger J",
                types=["Clinical Trial"]),
        article("31000005", "Complex regional pain syndrome treated with LDN: a case report",
                "J Pain Res", 2016, "Chopra P", types=["Case Reports", "Retracted Publication"],
                is_retracted=True),
        article("31000006", "Low-dose naltrexone in chronic pain: a narrative review",
                "Clin Rheumatol", 2018, "Patten DK", types=["Review"]),
        article("31000007", "Naltrexone attenuates neuropathic pain behaviour in rats",
                "Brain Behav Immun", 2015, "Hutchinson MR"),
        article("31000008", "Naltrexone 50 mg for alcohol use disorder and pain", "Addiction",
                2012, "Smith AB", types=["Randomized Controlled Trial"]),
        article("31000009", "Low-dose naltrexone in Crohn's disease", "Am J Gastroenterol",
                2007, "Smith JP", types=["Clinical Trial"]),
        article("31000010", "Letter: LDN and pain", "Pain Med", 2020, "Doe J",
                types=["Letter"], doi=None),
    ]


def build_studies() -> list[dict[str, Any]]:
    def study(pmid: str, design: str, **kw: Any) -> dict[str, Any]:
        base = {"pmid": pmid, "design": design, "population": "human", "is_ldn": True,
                "conditions": ["fibromyalgia"], "evidence": []}
        return {**base, **kw}

    return [
        study("31000001", "rct_crossover", randomized=True, blinding="double",
              placebo_controlled=True, n_enrolled=31, dose_mg_min=4.5, dose_mg_max=4.5,
              duration_weeks=12.0, result="positive",
              evidence=[_evidence("n_enrolled", "31", "Thirty-one women with fibromyalgia "
                                  "were randomised."),
                        _evidence("dose_mg_min", "4.5", "Participants took 4.5 mg LDN daily.")]),
        study("31000002", "rct_parallel", randomized=True, blinding="double",
              placebo_controlled=True, n_enrolled=99, dose_mg_min=4.5, dose_mg_max=4.5,
              duration_weeks=12.0, result="negative",
              evidence=[_evidence("result", "negative", "LDN did not reduce pain more than "
                                  "placebo (p = 0.41).")]),
        study("31000003", "rct_crossover", randomized=True, n_enrolled=8, dose_mg_min=4.5,
              dose_mg_max=4.5, result="positive"),
        study("31000004", "single_arm_trial", n_enrolled=10, dose_mg_min=1.5, dose_mg_max=6.0,
              duration_weeks=8.0, result="positive",
              evidence=[_evidence("design", "single_arm_trial",
                                  "A <b>single-blind</b> pilot & crossover design.")]),
        study("31000005", "case_report", n_enrolled=1, dose_mg_min=3.0, dose_mg_max=4.5,
              conditions=["crps"], result="positive"),
        study("31000006", "narrative_review", conditions=["chronic_pain", "fibromyalgia"],
              result=None),
        study("31000007", "animal", population="animal", conditions=["neuropathic_pain"],
              result="positive"),
        study("31000008", "rct_parallel", is_ldn=False, n_enrolled=200, dose_mg_min=50.0,
              dose_mg_max=50.0, conditions=["alcohol_use_disorder", "chronic_pain"],
              result="mixed"),
        study("31000009", "single_arm_trial", n_enrolled=17, dose_mg_min=4.5, dose_mg_max=4.5,
              conditions=["crohns_disease"], result="positive"),
    ]


def build_outcomes() -> list[dict[str, Any]]:
    return [
        {"pmid": "31000001", "outcome_index": 0, "domain": "pain", "instrument": "VAS",
         "result": "improved", "p_value": 0.016, "p_value_text": "p = 0.016", "is_primary": True,
         "evidence": "LDN reduced daily pain compared with placebo (p = 0.016).", "rule": "r1"},
        {"pmid": "31000001", "outcome_index": 1, "domain": "adverse_events", "instrument": None,
         "result": "no_difference", "p_value": None, "p_value_text": None, "is_primary": False,
         "evidence": "Vivid dreams and headache were reported; no serious adverse events.",
         "rule": "r2"},
        {"pmid": "31000002", "outcome_index": 0, "domain": "pain", "instrument": "NRS",
         "result": "no_difference", "p_value": 0.41, "p_value_text": "p = 0.41",
         "is_primary": True,
         "evidence": "LDN did not reduce pain more than placebo (p = 0.41).", "rule": "r1"},
        {"pmid": "31000004", "outcome_index": 0, "domain": "pain", "instrument": "FIQ | total",
         "result": "improved", "p_value": 0.001, "p_value_text": "P < 0.001", "is_primary": True,
         "evidence": "Symptoms fell by > 30% (P < 0.001) & `sleep` improved.", "rule": "r1"},
    ]


def build_claim_tables() -> dict[str, list[dict[str, Any]]]:
    claims = [
        {"claim_id": "C1", "kind": "efficacy", "condition": "fibromyalgia",
         "conditions": ["fibromyalgia"], "cited_journal": "Pain Medicine",
         "statement": "LDN reduces pain | fatigue in fibromyalgia by 30%",
         "outcome_domains": ["pain", "fatigue"]},
        {"claim_id": "C2", "kind": "efficacy", "condition": "neuropathic_pain",
         "conditions": ["neuropathic_pain"], "cited_journal": "J Pain Res",
         "statement": "LDN relieves CRPS pain", "outcome_domains": ["pain"]},
        {"claim_id": "C10", "kind": "efficacy", "condition": "inflammatory_arthritis",
         "conditions": ["inflammatory_arthritis"], "cited_journal": None,
         "statement": "LDN helps arthritis", "outcome_domains": ["pain"]},
        {"claim_id": "D1", "kind": "dose", "condition": None, "conditions": [],
         "statement": "The effective dose is 1.5-4.5 mg", "outcome_domains": []},
    ]
    def ev(claim: str, pmid: str, design: str, level: str, n: int | None, result: str | None,
           author: str, year: int, **kw: Any) -> dict[str, Any]:
        return {"claim_id": claim, "pmid": pmid, "design": design, "evidence_level": level,
                "n_enrolled": n, "result": result, "first_author": author, "pub_year": year,
                "in_cited_journal": kw.pop("cited", False), "counted": kw.pop("counted", True),
                "is_retracted": kw.pop("retracted", False), **kw}
    evidence = [
        ev("C1", "31000001", "rct_crossover", "rct", 31, "positive", "Younger J", 2013),
        ev("C1", "31000002", "rct_parallel", "rct", 99, "negative", "Bested K", 2023),
        ev("C1", "31000003", "rct_crossover", "rct", 8, "positive", "Parkitny L", 2017,
           counted=False, duplicate_of="31000001", cited=True),
        ev("C1", "31000004", "single_arm_trial", "nonrandomized_trial", 10, "positive",
           "Younger J", 2009, cited=True),
        ev("C1", "31000006", "narrative_review", "review", None, None, "Patten DK", 2018),
        ev("C2", "31000005", "case_report", "observational", 1, "positive", "Chopra P", 2016,
           cited=True, retracted=True, counted=False),
    ]
    verdicts = [
        {"claim_id": "C1", "verdict": "contested", "has_matching_trials": True, "n_trials": 3,
         "n_rcts": 2, "n_participants_rcts": 130, "cited_source": "trial",
         "cited_source_pmids": ["31000004", "31000003"],
         "decisive_pmids": ["31000002", "31000001"], "contradicted_domains": ["fatigue"],
         "summary": "Two RCTs disagree: Bested 2023 (n=99) negative, Younger 2013 (n=31) "
                    "positive."},
        {"claim_id": "C2", "verdict": "uncontrolled_evidence_only", "has_matching_trials": False,
         "n_trials": 0, "n_rcts": 0, "n_participants_rcts": 0, "cited_source": "non_trial",
         "cited_source_pmids": ["31000005"], "decisive_pmids": [], "contradicted_domains": [],
         "summary": "Only a (retracted) case report."},
        {"claim_id": "C10", "verdict": "no_evidence", "has_matching_trials": False,
         "n_trials": 0, "n_rcts": 0, "n_participants_rcts": 0, "cited_source": "none",
         "cited_source_pmids": [], "decisive_pmids": [], "contradicted_domains": [],
         "summary": "Nothing matches."},
    ]
    checks = [
        {"check_id": "D1", "kind": "dose", "statement": "The effective dose is 1.5-4.5 mg",
         "status": "partly_consistent", "n_studies": 5,
         "details": ["4 of 5 studies stay within 1.5-4.5 mg", "one titrates to 6 mg"],
         "summary": "Most trials used 4.5 mg."},
        {"check_id": "S1", "kind": "safety", "statement": "LDN has no side effects",
         "status": "inconsistent", "n_studies": 1,
         "details": ["vivid dreams and headache reported"], "summary": "Mild events occur."},
    ]
    return {"claims": claims, "claim_evidence": evidence, "claim_verdicts": verdicts,
            "claim_checks": checks}


def build_run_tables() -> dict[str, list[dict[str, Any]]]:
    utc = dt.timezone.utc
    runs = [
        {"run_id": PREVIOUS_RUN_ID, "started_at": dt.datetime(2024, 5, 1, 3, tzinfo=utc),
         "finished_at": dt.datetime(2024, 5, 1, 3, 2, tzinfo=utc), "mode": "full",
         "n_records": 8, "n_new": 8, "n_updated": 0, "n_deleted": 0, "n_retracted": 0,
         "n_requests": 4, "status": "success", "query": "ldn"},
        {"run_id": RUN_ID, "started_at": dt.datetime(2024, 6, 2, 3, tzinfo=utc),
         "finished_at": dt.datetime(2024, 6, 2, 3, 1, tzinfo=utc), "mode": "incremental",
         "n_records": 10, "n_new": 2, "n_updated": 1, "n_deleted": 1, "n_retracted": 1,
         "n_requests": 3, "status": "success", "query": "ldn"},
    ]
    changes = [
        {"run_id": RUN_ID, "pmid": "31000002", "change": "new", "detail": "first seen"},
        {"run_id": RUN_ID, "pmid": "31000010", "change": "new", "detail": "first seen"},
        {"run_id": RUN_ID, "pmid": "31000005", "change": "retracted",
         "detail": "RetractionIn 39999999"},
        {"run_id": RUN_ID, "pmid": "31000004", "change": "revised", "detail": "abstract <edited>"},
        {"run_id": PREVIOUS_RUN_ID, "pmid": "31000001", "change": "new", "detail": "old news"},
    ]
    return {"runs": runs, "changes": changes}


def build_tables() -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": build_articles(), "studies": build_studies(), "outcomes": build_outcomes(),
        **build_claim_tables(), **build_run_tables(),
    }
    return {name: make_table(name, rows[name]) for name in TABLES}


def build_inputs(tables: dict[str, pd.DataFrame] | None = None,
                 previous: pd.DataFrame | None = None, with_previous: bool = True
                 ) -> ReportInputs:
    """Small realistic inputs: two RCTs that disagree, a retracted case report, hostile markup."""
    if previous is None and with_previous:
        previous = make_table("claim_verdicts", [
            {"claim_id": "C1", "verdict": "supported_by_rcts"},
            {"claim_id": "C2", "verdict": "uncontrolled_evidence_only"},
        ])
    return ReportInputs(
        tables=build_tables() if tables is None else tables,
        previous_verdicts=previous,
        prisma=PrismaCounts(n_identified=14, n_duplicates=3, n_deleted=1),
        run=RunInfo(run_id=RUN_ID, mode="incremental", query='"low dose naltrexone"[tiab] & pain',
                    started_at=dt.datetime(2024, 6, 2, 3, tzinfo=dt.timezone.utc),
                    data_dir="data", versions={"ldn-review": "0.1.0", "pandas": "2.x"}),
    )


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _TagCollector()
    collector.feed(html)
    return collector.tags


def markdown_tables(markdown: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def count_cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line)) - 1


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> report.ReportPaths:
    return report.render_report(build_inputs(), tmp_path_factory.mktemp("report"))


def test_render_report_writes_html_markdown_and_figures(rendered: report.ReportPaths) -> None:
    assert rendered.html.name == "evidence_report.html" and rendered.html.stat().st_size > 0
    assert rendered.markdown.name == "evidence_report.md" and rendered.markdown.stat().st_size > 0
    assert len(rendered.figures) == 5
    for path in rendered.figures:
        assert path.parent == rendered.html.parent / "figures"
        assert path.read_bytes().startswith(b"\x89PNG")
    assert not list(rendered.html.parent.glob(".*.tmp"))


def test_html_loads_nothing_from_the_network(rendered: report.ReportPaths) -> None:
    """img/link/script/source carry only data: URIs; anchors point to PubMed, DOI or the page."""
    tags = parse_tags(rendered.html.read_text())
    images = [a for t, a in tags if t == "img"]
    assert len(images) >= 4 and all((a.get("src") or "").startswith("data:image/png;base64,")
                                    for a in images)
    for tag, attrs in tags:
        if tag in {"link", "script", "source", "iframe", "embed", "object", "video", "audio"}:
            pytest.fail(f"unexpected <{tag}> {attrs}")
        if tag == "a":
            assert ALLOWED_LINK.match(attrs.get("href") or ""), attrs
    assert "@import" not in rendered.html.read_text() and "url(" not in rendered.html.read_text()


def test_html_escapes_record_markup(rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; fibromyalgia" in html
    assert "A &lt;b&gt;single-blind&lt;/b&gt; pilot &amp; crossover design." in html
    assert "https://doi.org/10.1001/jamanetworkopen.2023.%3C14%3E" in html


def test_markdown_escapes_record_markup(rendered: report.ReportPaths) -> None:
    markdown = rendered.markdown.read_text()
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "FIQ \\| total" in markdown
    assert "\\`sleep\\`" in markdown


def test_retracted_study_has_a_visible_badge(rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    badge = '<span class="badge retracted" title="This record is retracted'
    assert html.count(badge) >= 4  # headline, per-claim row, what's new, retracted list
    chopra = html.index(">Chopra 2016</a>")
    assert html[chopra:chopra + 200].count("RETRACTED") == 1
    assert "Chopra 2016](https://pubmed.ncbi.nlm.nih.gov/31000005/) **RETRACTED**" in (
        rendered.markdown.read_text())


def test_verdict_change_since_previous_run_is_shown(rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    row = html[html.index('id="claim-row-C1"'):html.index('id="claim-row-C2"')]
    assert "CHANGED" in row and "Verdict changed: Supported by RCTs → Contested" in row
    c2 = html[html.index('id="claim-row-C2"'):html.index('id="claim-row-C10"')]
    assert "Verdict unchanged" in c2 and "CHANGED" not in c2
    assert "**Verdict changed: Supported by RCTs → Contested**" in rendered.markdown.read_text()


def test_new_matching_pmids_of_this_run_are_listed_per_claim(
        rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    row = html[html.index('id="claim-row-C1"'):html.index('id="claim-row-C2"')]
    assert "NEW" in row and "Bested 2023" in row
    assert "old news" not in html  # changes of earlier runs are not "new"


def test_secondary_analysis_is_shown_but_marked(rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    assert "secondary analysis of PMID 31000001" in html
    assert "_secondary analysis of PMID 31000001_" in rendered.markdown.read_text()


def test_retracted_row_is_not_called_a_secondary_analysis(rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    c2 = html[html.index('id="claim-C2"'):html.index('id="claim-C10"')]
    assert "RETRACTED" in c2 and "secondary analysis" not in c2


def test_claims_are_in_natural_order(rendered: report.ReportPaths) -> None:
    html = rendered.html.read_text()
    assert html.index('id="claim-row-C2"') < html.index('id="claim-row-C10"')
    assert 'id="claim-row-D1"' not in html  # dose claims go to the dose section


def test_markdown_tables_are_well_formed(rendered: report.ReportPaths) -> None:
    tables = markdown_tables(rendered.markdown.read_text())
    assert len(tables) >= 5
    for lines in tables:
        widths = {count_cells(line) for line in lines}
        assert len(widths) == 1, lines
        assert re.fullmatch(r"\|(---\|)+", lines[1])


def test_two_renders_give_identical_bytes(tmp_path: Path) -> None:
    first = report.render_report(build_inputs(), tmp_path / "a")
    second = report.render_report(build_inputs(), tmp_path / "b")
    assert first.html.read_bytes() == second.html.read_bytes()
    assert first.markdown.read_bytes() == second.markdown.read_bytes()
    for a, b in zip(first.figures, second.figures, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_row_order_of_input_tables_does_not_change_the_output(tmp_path: Path) -> None:
    shuffled = {name: df.iloc[::-1].reset_index(drop=True) for name, df in build_tables().items()}
    first = report.render_report(build_inputs(), tmp_path / "a")
    second = report.render_report(build_inputs(tables=shuffled), tmp_path / "b")
    assert first.html.read_bytes() == second.html.read_bytes()


@pytest.mark.parametrize("tables", [
    {},
    {name: make_table(name, []) for name in TABLES},
    {name: pd.DataFrame() for name in TABLES},
], ids=["missing", "empty-with-schema", "empty-no-columns"])
def test_empty_inputs_render_without_crashing(tmp_path: Path, tables: dict) -> None:
    inputs = build_inputs(tables=tables, with_previous=False)
    paths = report.render_report(inputs, tmp_path)
    html = paths.html.read_text()
    assert 'id="claims-table"' in html and "No claims in this run." in html
    assert len([t for t, _ in parse_tags(html) if t == "img"]) == 5
    assert "No record changes in this run." in paths.markdown.read_text()


def test_prisma_flow_counts_each_exclusion_once() -> None:
    corpus = report.build_corpus(build_tables())
    flow = report.build_prisma_flow(corpus, PrismaCounts(14, 3, 1), ())
    assert flow.n_screened == 10
    assert (flow.n_not_assessed, flow.n_not_ldn, flow.n_not_human, flow.n_not_pain) == (1, 1, 1, 1)
    assert flow.n_included == 6
    assert (flow.n_included_rcts, flow.n_included_other_trials, flow.n_included_observational,
            flow.n_included_reviews, flow.n_included_retracted) == (3, 1, 1, 1, 1)


def test_claims_markdown_is_a_short_headline_table() -> None:
    text = report.render_claims_markdown(build_inputs())
    assert text.startswith(f"### LDN evidence: run `{RUN_ID}`")
    assert "verdicts changed: C1" in text
    tables = markdown_tables(text)
    assert len(tables) == 1 and len(tables[0]) == 2 + 3


def test_escape_markdown_neutralises_table_and_html_syntax() -> None:
    assert report.escape_markdown("a | b <i>`c`</i>\n[x](y)") == (
        "a \\| b &lt;i&gt;\\`c\\`&lt;/i&gt; \\[x\\](y)")
    assert report.escape_markdown("A & B &amp;") == "A & B &amp;amp;"
    assert report.escape_markdown(None) == ""


def test_year_from_a_float_column_is_shown_as_a_whole_year() -> None:
    from ldn_review.report import format_year

    assert format_year(2021.0) == "2021"
    assert format_year(float("nan")) is None
    assert format_year(None) is None


def test_uncounted_review_is_not_called_a_secondary_analysis() -> None:
    assert not report.is_secondary_analysis({"counted": False, "duplicate_of": None, "is_retracted": False})
    assert report.is_secondary_analysis({"counted": False, "duplicate_of": "31000001"})


def test_markdown_gives_the_prisma_counts_as_text(rendered: report.ReportPaths) -> None:
    md = rendered.markdown.read_text()
    assert "| Records screened |" in md and "| Excluded: not low-dose naltrexone |" in md
