"""Claims -> matching studies -> verdicts, on small constructed records (no files, no network)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from ldn_review import schemas
from ldn_review.claims import (
    SUPPORTED_MIN_SHARE,
    Claim,
    ClaimSet,
    build_claim_tables,
    journals_match,
    load_claims,
    parse_claims,
)
from ldn_review.errors import ClaimsFileError

# --------------------------------------------------------------------------------------------------
# Builders: records shaped like the curated tables (list columns come back as numpy arrays, as they
# do when read from Parquet).
# --------------------------------------------------------------------------------------------------

FIBRO = Claim(
    id="C2",
    condition="fibromyalgia",
    statement="LDN reduces pain and fatigue in fibromyalgia.",
    outcome_domains=("pain", "fatigue"),
    cited_journal="Pain Medicine",
    synonyms=("fibromyalgia",),
    mesh=("Fibromyalgia",),
)


def study(
    pmid: str,
    *,
    design: str = "rct_parallel",
    n: int | None = 50,
    result: str | None = "positive",
    conditions: tuple[str, ...] = ("fibromyalgia",),
    journal: str = "Arthritis and Rheumatism",
    journal_iso: str | None = None,
    author: str = "Smith J",
    year: int = 2015,
    title: str = "Low-dose naltrexone in fibromyalgia",
    abstract: str = "",
    nct: tuple[str, ...] = (),
    retracted: bool = False,
    is_ldn: bool = True,
    population: str = "human",
    dose: tuple[float | None, float | None] = (4.5, 4.5),
    mesh: tuple[str, ...] = (),
    outcomes: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """One study: its article row, its studies row and its outcome rows ((domain, result), ...)."""
    article = {
        "pmid": pmid,
        "title": title,
        "abstract": abstract,
        "journal": journal,
        "journal_iso": journal_iso,
        "pub_year": year,
        "first_author": author,
        "authors": [author],
        "publication_types": [],
        "mesh_terms": list(mesh),
        "nct_ids": list(nct),
        "registry_ids": [],
        "is_retracted": retracted,
        "is_retraction_notice": False,
        "has_erratum": False,
        "has_expression_of_concern": False,
    }
    studies_row = {
        "pmid": pmid,
        "design": design,
        "randomized": design.startswith("rct"),
        "n_enrolled": n,
        "dose_mg_min": dose[0],
        "dose_mg_max": dose[1],
        "conditions": list(conditions),
        "population": population,
        "is_ldn": is_ldn,
        "result": result,
        "registry_ids": list(nct),
    }
    outcome_rows = [
        {
            "pmid": pmid,
            "outcome_index": i,
            "domain": d,
            "result": r,
            "is_primary": i == 0,
            "evidence": f"{d} {r}.",
        }
        for i, (d, r) in enumerate(outcomes)
    ]
    return {"article": article, "study": studies_row, "outcomes": outcome_rows}


def frames(*items: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """articles, studies, outcomes DataFrames with every schema column (missing ones null)."""

    def table(rows: list[dict[str, Any]], schema: pa.Schema) -> pd.DataFrame:
        full = [{name: row.get(name) for name in schema.names} for row in rows]
        return pa.Table.from_pylist(full, schema=schema).to_pandas()

    return (
        table([i["article"] for i in items], schemas.ARTICLES),
        table([i["study"] for i in items], schemas.STUDIES),
        table([o for i in items for o in i["outcomes"]], schemas.OUTCOMES),
    )


def run(
    *items: dict[str, Any], claim: Claim = FIBRO, checks: ClaimSet | None = None
) -> dict[str, pd.DataFrame]:
    claim_set = checks if checks is not None else ClaimSet(claims=(claim,))
    return build_claim_tables(claim_set, *frames(*items))


def verdict(tables: dict[str, pd.DataFrame], claim_id: str = "C2") -> dict[str, Any]:
    rows = tables["claim_verdicts"]
    return rows[rows.claim_id == claim_id].iloc[0].to_dict()


def evidence(tables: dict[str, pd.DataFrame], pmid: str) -> dict[str, Any]:
    rows = tables["claim_evidence"]
    return rows[rows.pmid == pmid].iloc[0].to_dict()


# --------------------------------------------------------------------------------------------------
# Claims file
# --------------------------------------------------------------------------------------------------

GOOD_TOML = """\
[[claim]]
id = "C9"
condition = "fibromyalgia"
statement = "LDN helps fibromyalgia."
cited_journal = "Pain Medicine"
outcome_domains = ["pain"]
"""


def test_default_claims_load_c1_to_c4_with_dose_and_safety_checks() -> None:
    claims = load_claims()
    assert [c.id for c in claims.claims] == ["C1", "C2", "C3", "C4"]
    assert [c.condition for c in claims.claims] == [
        "neuropathic_pain",
        "fibromyalgia",
        "inflammatory_arthritis",
        "low_back_pain",
    ]
    assert [c.cited_journal for c in claims.claims] == [
        "Pain Medicine",
        "Pain Medicine",
        "Pain Physician",
        "Pain Medicine",
    ]
    assert claims.claims[1].outcome_domains == ("pain", "fatigue")
    dose, safety = claims.checks
    assert (dose.kind, dose.dose_min_mg, dose.dose_max_mg) == ("dose", 1.5, 4.5)
    assert safety.kind == "safety"
    assert safety.adverse_events == ("vivid dreams", "insomnia", "headache")
    assert safety.severity == "mild and transient"


def test_claims_file_from_path_loads(tmp_path: Path) -> None:
    path = tmp_path / "claims.toml"
    path.write_text(GOOD_TOML, encoding="utf-8")
    claims = load_claims(path)
    assert [c.id for c in claims.claims] == ["C9"]


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        GOOD_TOML.replace('statement = "LDN helps fibromyalgia."', "statement = LDN helps"),
        encoding="utf-8",
    )
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path)
    assert str(path) in str(info.value)
    assert "line 4" in str(info.value)
    assert info.value.line == 4


def test_missing_key_names_the_key_and_the_table_line() -> None:
    text = (
        GOOD_TOML + '\n[[claim]]\nid = "C10"\ncondition = "fibromyalgia"\n'
        'outcome_domains = ["pain"]\n'
    )
    with pytest.raises(ClaimsFileError) as info:
        parse_claims(text, "my.toml")
    message = str(info.value)
    assert "my.toml, line 8" in message  # the second [[claim]] header
    assert "'statement'" in message and "C10" in message
    assert info.value.key == "statement"


def test_unknown_condition_is_reported_at_its_line() -> None:
    text = GOOD_TOML.replace('"fibromyalgia"', '"fibro"')
    with pytest.raises(ClaimsFileError) as info:
        parse_claims(text, "my.toml")
    assert "line 3" in str(info.value)
    assert "unknown condition 'fibro'" in str(info.value)
    assert info.value.key == "condition"


def test_unknown_outcome_domain_is_rejected() -> None:
    with pytest.raises(ClaimsFileError, match="unknown domain 'happiness'"):
        parse_claims(GOOD_TOML.replace('["pain"]', '["pain", "happiness"]'), "my.toml")


def test_wrong_type_is_rejected() -> None:
    with pytest.raises(ClaimsFileError, match="line 6.*must be a list of strings"):
        parse_claims(GOOD_TOML.replace('["pain"]', '"pain"'), "my.toml")


def test_duplicate_id_is_reported_at_the_second_id() -> None:
    with pytest.raises(ClaimsFileError) as info:
        parse_claims(GOOD_TOML + "\n" + GOOD_TOML, "my.toml")
    assert "duplicate id 'C9'" in str(info.value)
    assert info.value.line == 9


def test_unknown_key_is_rejected_as_a_likely_typo() -> None:
    with pytest.raises(ClaimsFileError, match="unknown key 'outcome_domain'"):
        parse_claims(GOOD_TOML + 'outcome_domain = ["pain"]\n', "my.toml")


def test_dose_check_needs_numbers() -> None:
    text = (
        GOOD_TOML + '\n[[check]]\nid = "D"\nkind = "dose"\nstatement = "s"\n'
        'dose_min_mg = "1.5"\ndose_max_mg = 4.5\n'
    )
    with pytest.raises(ClaimsFileError, match="line 12.*dose_min_mg.*number"):
        parse_claims(text, "my.toml")


def test_missing_claims_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ClaimsFileError, match="--claims"):
        load_claims(tmp_path / "absent.toml")


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------


def test_tables_have_exactly_the_schema_columns_and_convert_to_arrow() -> None:
    tables = build_claim_tables(
        load_claims(),
        *frames(
            study("1", outcomes=(("pain", "improved"),)),
            study("2", design="case_report", n=1, conditions=("low_back_pain",)),
        ),
    )
    for name in ("claims", "claim_evidence", "claim_verdicts", "claim_checks"):
        schema = schemas.TABLES[name]
        assert list(tables[name].columns) == schema.names, name
        pa.Table.from_pandas(tables[name], schema=schema, preserve_index=False)
    assert list(tables["claims"].claim_id) == ["C1", "C2", "C3", "C4", "DOSE", "SAFETY"]


# --------------------------------------------------------------------------------------------------
# Verdicts: one test per value
# --------------------------------------------------------------------------------------------------


def test_verdict_supported_by_rcts() -> None:
    tables = run(
        study(
            "10",
            n=100,
            result="positive",
            author="Younger J",
            year=2013,
            outcomes=(("pain", "improved"),),
        ),
        study("11", n=30, result="negative", author="Other A", year=2016),
    )
    row = verdict(tables)
    assert row["verdict"] == "supported_by_rcts"
    assert (row["n_rcts"], row["n_participants_rcts"]) == (2, 130)
    assert list(row["decisive_pmids"]) == ["10", "11"]
    assert "Younger 2013 (Arthritis and Rheumatism, RCT, n=100) found a benefit" in row["summary"]


def test_verdict_contested_when_no_clear_participant_majority() -> None:
    tables = run(study("10", n=60, result="positive"), study("11", n=50, result="negative"))
    row = verdict(tables)
    assert SUPPORTED_MIN_SHARE > 60 / 110
    assert row["verdict"] == "contested"


def test_small_positive_rct_against_large_null_rct_is_contested_not_unsupported() -> None:
    """The contract's not_supported_by_rcts means no RCT favours LDN."""
    tables = run(study("10", n=10, result="positive"), study("11", n=200, result="negative"))
    assert verdict(tables)["verdict"] == "contested"


def test_single_mixed_rct_is_contested() -> None:
    row = verdict(run(study("10", result="mixed")))
    assert row["verdict"] == "contested"
    assert row["summary"].startswith("Contested: the only matching randomised trial (50 "
                                     "participants) had a mixed result")


def test_summary_names_the_comparator_of_each_randomised_trial() -> None:
    active = study("11", result="negative", author="Doe A", year=2021)
    active["study"]["comparator"] = "active"
    placebo = study("12", result="negative", author="Roe B", year=2022)
    placebo["study"]["comparator"] = "placebo"
    summary = verdict(run(active, placebo))["summary"]
    assert "Doe 2021 (Arthritis and Rheumatism, RCT, n=50, vs an active drug)" in summary
    assert "Roe 2022 (Arthritis and Rheumatism, RCT, n=50, vs placebo)" in summary


def test_verdict_not_supported_by_rcts() -> None:
    tables = run(
        study(
            "20",
            n=99,
            result="negative",
            author="Bruun KD",
            year=2024,
            journal="The Lancet Rheumatology",
            outcomes=(("pain", "no_difference"),),
        ),
        study("21", design="single_arm_trial", n=10, result="positive"),
    )
    row = verdict(tables)
    assert row["verdict"] == "not_supported_by_rcts"
    assert (row["n_trials"], row["n_rcts"], row["n_participants_rcts"]) == (2, 1, 99)
    assert (
        "Bruun 2024 (The Lancet Rheumatology, RCT, n=99) found no benefit (pain no difference)"
        in row["summary"]
    )


def test_verdict_uncontrolled_evidence_only() -> None:
    tables = run(
        study("30", design="single_arm_trial", n=10),
        study("31", design="case_series", n=5),
        study("32", design="narrative_review", n=None, result=None),
    )
    row = verdict(tables)
    assert row["verdict"] == "uncontrolled_evidence_only"
    assert row["has_matching_trials"] and (row["n_trials"], row["n_rcts"]) == (1, 0)
    assert evidence(tables, "32")["evidence_level"] == "review"
    assert not evidence(tables, "32")["counted"]


def test_verdict_no_evidence_when_only_other_conditions_animals_or_reviews_match() -> None:
    tables = run(
        study("40", conditions=("low_back_pain",)),
        study("41", population="animal"),
        study("42", is_ldn=False),
        study("43", design="systematic_review", result=None),
    )
    row = verdict(tables)
    assert row["verdict"] == "no_evidence"
    assert list(tables["claim_evidence"].pmid) == ["43"]  # the review is listed only


def test_condition_group_matches_member_ids() -> None:
    neuro = Claim(id="C1", condition="neuropathic_pain", statement="s", outcome_domains=("pain",))
    tables = run(study("50", conditions=("diabetic_neuropathy",)), claim=neuro)
    assert verdict(tables, "C1")["n_rcts"] == 1


def test_study_without_conditions_matches_by_mesh_or_title_synonym() -> None:
    tables = run(
        study("51", conditions=(), mesh=("Fibromyalgia",), title="A trial"),
        study("52", conditions=(), title="LDN for FIBROMYALGIA pain"),
        study("53", conditions=(), title="LDN for back pain"),
    )
    assert sorted(tables["claim_evidence"].pmid) == ["51", "52"]


# --------------------------------------------------------------------------------------------------
# Outcome domains, duplicates, retractions
# --------------------------------------------------------------------------------------------------


def test_fatigue_claim_contradicted_by_rct_that_found_no_fatigue_effect() -> None:
    tables = run(study("60", outcomes=(("pain", "improved"), ("fatigue", "no_difference"))))
    row, ev = verdict(tables), evidence(tables, "60")
    assert list(ev["domain_results"]) == ["pain:improved", "fatigue:no_difference"]
    assert list(ev["contradicts"]) == ["fatigue"]
    assert list(row["contradicted_domains"]) == ["fatigue"]
    assert row["verdict"] == "supported_by_rcts"
    assert (
        "found no difference or a worsening on claimed outcomes: fatigue (Smith 2015)"
        in row["summary"]
    )


def test_domain_improved_on_one_instrument_and_not_another_is_not_a_contradiction() -> None:
    tables = run(study("61", outcomes=(("pain", "improved"), ("pain", "no_difference"))))
    assert list(evidence(tables, "61")["contradicts"]) == []
    assert list(verdict(tables)["contradicted_domains"]) == []


def test_secondary_analysis_sharing_nct_id_is_not_counted_twice() -> None:
    """Different first author, so only the shared registry id links the two reports."""
    primary = study("70", n=80, year=2018, nct=("NCT01234567",))
    secondary = study(
        "71",
        n=80,
        year=2020,
        nct=("NCT01234567",),
        author="Parkitny L",
        title="Secondary analysis of a randomised trial of LDN in fibromyalgia",
    )
    alone, both = verdict(run(primary)), verdict(run(primary, secondary))
    assert (
        (both["n_trials"], both["n_rcts"], both["n_participants_rcts"])
        == (alone["n_trials"], alone["n_rcts"], alone["n_participants_rcts"])
        == (1, 1, 80)
    )
    ev = evidence(run(primary, secondary), "71")
    assert (ev["counted"], ev["duplicate_of"]) == (False, "70")


def test_post_hoc_analysis_by_same_first_author_is_not_counted_twice() -> None:
    primary = study("80", n=40, author="Younger J", year=2013)
    post_hoc = study(
        "81",
        n=40,
        author="Younger J",
        year=2014,
        abstract="In this post hoc analysis of our crossover trial, ...",
    )
    other = study("82", n=40, author="Other A", year=2014, abstract="A post hoc analysis ...")
    tables = run(primary, post_hoc, other)
    assert evidence(tables, "81")["duplicate_of"] == "80"
    assert evidence(tables, "82")["counted"]  # another author's trial stays independent
    assert verdict(tables)["n_rcts"] == 2


def test_retracted_rct_is_listed_but_not_counted() -> None:
    tables = run(
        study("90", n=500, result="negative", retracted=True), study("91", n=20, result="positive")
    )
    row, ev = verdict(tables), evidence(tables, "90")
    assert ev["is_retracted"] and not ev["counted"]
    assert (row["n_rcts"], row["n_participants_rcts"]) == (1, 20)
    assert row["verdict"] == "supported_by_rcts"
    assert "Retracted and not counted: PMID 90" in row["summary"]


# --------------------------------------------------------------------------------------------------
# Cited source and journal names
# --------------------------------------------------------------------------------------------------


def test_cited_source_trial() -> None:
    tables = run(
        study(
            "100",
            design="single_arm_trial",
            journal="Pain medicine (Malden, Mass.)",
            journal_iso="Pain Med",
        ),
        study("101", journal="Pain Physician"),
    )
    row = verdict(tables)
    assert (row["cited_source"], list(row["cited_source_pmids"])) == ("trial", ["100"])
    assert evidence(tables, "100")["in_cited_journal"]
    assert "The cited journal (Pain Medicine) holds one matching trial" in row["summary"]


def test_cited_source_non_trial() -> None:
    tables = run(
        study("110", design="case_report", n=1, journal="Pain Medicine"),
        study("111", journal="Pain Physician"),
    )
    row = verdict(tables)
    assert (row["cited_source"], list(row["cited_source_pmids"])) == ("non_trial", ["110"])


def test_cited_source_none() -> None:
    row = verdict(run(study("120", journal="Pain"), study("121", journal="Pain Physician")))
    assert (row["cited_source"], list(row["cited_source_pmids"])) == ("none", [])


def test_retracted_trial_in_cited_journal_does_not_make_it_a_trial_source() -> None:
    row = verdict(run(study("130", journal="Pain Medicine", retracted=True)))
    assert row["cited_source"] == "none"


@pytest.mark.parametrize(
    ("cited", "journal"),
    [
        ("Pain Medicine", "Pain Med"),
        ("Pain Med", "Pain Medicine"),
        ("Pain Medicine", "PAIN MEDICINE (Malden, Mass.)"),
        ("pain medicine", "Pain medicine (Malden, Mass.)"),
        ("Pain Physician", "Pain Physician"),
        ("Journal of Pain Research", "J Pain Res"),
        ("Arthritis & Rheumatology", "Arthritis Rheumatol"),
        ("Lancet Rheumatology", "The Lancet. Rheumatology"),
    ],
)
def test_journal_names_match_tolerantly(cited: str, journal: str) -> None:
    assert journals_match(cited, journal)


@pytest.mark.parametrize(
    ("cited", "journal"),
    [
        ("Pain", "Pain Medicine"),
        ("Pain", "Pain Physician"),
        ("Pain Med", "Pain Physician"),
        ("Pain Medicine", "Pain Physician"),
        ("Pain Medicine", "Pain"),
        ("Pain Medicine", None),
    ],
)
def test_journal_names_do_not_match_other_journals(cited: str, journal: str | None) -> None:
    assert not journals_match(cited, journal)


# --------------------------------------------------------------------------------------------------
# Dose and safety checks
# --------------------------------------------------------------------------------------------------

CHECKS = parse_claims(
    GOOD_TOML
    + """
[[check]]
id = "DOSE"
kind = "dose"
statement = "1.5 to 4.5 mg/day"
dose_min_mg = 1.5
dose_max_mg = 4.5

[[check]]
id = "SAFETY"
kind = "safety"
statement = "mild and transient: vivid dreams, insomnia, headache"
adverse_events = ["vivid dreams", "insomnia", "headache"]
""",
    "checks.toml",
)


def check(tables: dict[str, pd.DataFrame], check_id: str) -> dict[str, Any]:
    rows = tables["claim_checks"]
    return rows[rows.check_id == check_id].iloc[0].to_dict()


@pytest.mark.parametrize(
    ("doses", "status"),
    [
        ([(4.5, 4.5)] * 4 + [(1.5, 4.5)], "consistent"),  # range ends are inside the range
        ([(4.5, 4.5), (0.001, 0.001), (50.0, 50.0)], "partly_consistent"),
        ([(0.001, 0.001), (50.0, 50.0)], "inconsistent"),
        ([(None, None)], "no_data"),
    ],
)
def test_dose_check_status(doses: list[tuple[float | None, float | None]], status: str) -> None:
    items = [study(str(200 + i), dose=d) for i, d in enumerate(doses)]
    row = check(run(*items, checks=CHECKS), "DOSE")
    assert row["status"] == status
    assert row["n_studies"] == sum(d != (None, None) for d in doses)


def test_dose_check_details_list_the_distribution() -> None:
    row = check(
        run(study("210"), study("211"), study("212", dose=(3.0, 3.0)), checks=CHECKS), "DOSE"
    )
    assert list(row["details"])[:2] == [
        "4.5 mg/day: 2 studies (PMID 210, 211)",
        "3 mg/day: 1 study (PMID 212)",
    ]


def test_safety_check_reads_events_and_severity_from_abstracts() -> None:
    abstract = (
        "Pain fell by 30%. Side effects were mild and transient, mainly vivid dreams and "
        "headache. No serious adverse events occurred."
    )
    row = check(run(study("300", abstract=abstract), checks=CHECKS), "SAFETY")
    assert (row["status"], row["n_studies"]) == ("consistent", 1)
    details = list(row["details"])
    assert "claimed event 'vivid dreams': reported by 1 study (PMID 300)" in details
    assert "claimed event 'insomnia': reported by 0 studies" in details


def test_safety_check_flags_discontinuations_without_mild_wording() -> None:
    abstract = "Four participants withdrew because of adverse events (insomnia, nausea)."
    row = check(run(study("310", abstract=abstract), checks=CHECKS), "SAFETY")
    assert row["status"] == "inconsistent"
    assert any("other event 'nausea'" in d for d in row["details"])


def test_safety_check_ignores_outcome_lists_and_background_on_other_drugs() -> None:
    abstract = (
        "Secondary outcomes covered anxiety (GAD-7), sleep and adverse events. "
        "Gabapentinoids are commonly prescribed, but many patients cannot take them because of "
        "side effects such as dizziness. Pain fell by 30%."
    )
    row = check(run(study("330", abstract=abstract), checks=CHECKS), "SAFETY")
    assert (row["status"], row["n_studies"]) == ("no_data", 0)


def test_stopping_treatment_because_of_side_effects_is_a_discontinuation() -> None:
    abstract = "Five of 40 participants stopped treatment because of side effects."
    row = check(run(study("340", abstract=abstract), checks=CHECKS), "SAFETY")
    assert row["status"] == "inconsistent"


def test_safety_check_without_adverse_event_reports_is_no_data() -> None:
    row = check(run(study("320", abstract="Sleep disturbance improved."), checks=CHECKS), "SAFETY")
    assert (row["status"], row["n_studies"]) == ("no_data", 0)


@pytest.mark.parametrize(
    ("result", "primary", "expected"),
    [
        ("mixed", "improved", "supported_by_rcts"),  # main (primary) outcome favours LDN
        ("mixed", "no_difference", "not_supported_by_rcts"),
        ("unclear", None, "not_supported_by_rcts"),  # no RCT favours LDN
    ],
)
def test_mixed_or_unclear_rct_is_settled_by_its_primary_outcome(
    result: str, primary: str | None, expected: str
) -> None:
    outcomes = (("pain", primary), ("fatigue", "improved")) if primary else ()  # fatigue: secondary
    assert verdict(run(study("400", result=result, outcomes=outcomes)))["verdict"] == expected


def test_rct_of_unknown_size_has_null_participants_but_still_counts() -> None:
    row = verdict(run(study("410", n=None, result="positive")))
    assert (row["verdict"], row["n_rcts"]) == ("supported_by_rcts", 1)
    assert pd.isna(row["n_participants_rcts"])


def test_ultralow_dose_naltrexone_added_to_an_opioid_is_not_ldn_evidence() -> None:
    """Oxycodone plus micrograms of naltrexone tests the opioid, not LDN: not matched."""
    adjunct = study(
        "801",
        n=719,
        title="Oxycodone with ultralow-dose naltrexone in chronic pain: a randomized trial",
        abstract="Patients received oxycodone combined with ultra-low-dose naltrexone or oxycodone alone.",
    )
    ldn = study("802", n=40, result="negative",
                abstract="Patients received low-dose naltrexone 4.5 mg or placebo.")
    tables = run(adjunct, ldn)
    assert set(tables["claim_evidence"]["pmid"]) == {"802"}
    assert verdict(tables)["verdict"] == "not_supported_by_rcts"


def test_a_mixed_chronic_pain_series_is_no_evidence_for_a_fibromyalgia_claim():
    """primary_conditions empty (mixed population): the record names fibromyalgia among others."""
    mixed = study("20", design="case_series", conditions=("fibromyalgia", "crps", "low_back_pain"))
    mixed["study"]["primary_conditions"] = []
    fibro = study("21", design="case_series", conditions=("fibromyalgia",))
    fibro["study"]["primary_conditions"] = ["fibromyalgia"]
    ev = run(mixed, fibro)["claim_evidence"]
    assert ev["pmid"].tolist() == ["21"]
