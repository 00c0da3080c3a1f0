"""Controlled vocabularies shared by extraction, claim matching and the report.

The condition ids are what ``studies.conditions`` holds. Each id has a parent group so that a claim
about "neuropathic pain" matches a trial in diabetic neuropathy or CRPS.
"""

from __future__ import annotations

DESIGNS: tuple[str, ...] = (
    "rct_parallel",
    "rct_crossover",
    "nonrandomized_controlled",
    "single_arm_trial",
    "cohort",
    "case_control",
    "cross_sectional",
    "case_series",
    "case_report",
    "systematic_review",
    "meta_analysis",
    "narrative_review",
    "protocol",
    "animal",
    "in_vitro",
    "commentary",
    "other",
)
RCT_DESIGNS = frozenset({"rct_parallel", "rct_crossover"})
TRIAL_DESIGNS = frozenset(
    {"rct_parallel", "rct_crossover", "nonrandomized_controlled", "single_arm_trial"}
)
OBSERVATIONAL_DESIGNS = frozenset(
    {"cohort", "case_control", "cross_sectional", "case_series", "case_report"}
)
REVIEW_DESIGNS = frozenset({"systematic_review", "meta_analysis", "narrative_review"})

BLINDING = ("double", "single", "open")
POPULATIONS = ("human", "animal", "in_vitro")
STUDY_RESULTS = ("positive", "negative", "mixed", "unclear")
OUTCOME_DOMAINS = (
    "pain",
    "fatigue",
    "function",
    "quality_of_life",
    "sleep",
    "mood",
    "adverse_events",
    "other",
)
OUTCOME_RESULTS = ("improved", "no_difference", "worsened", "unclear")
COMPARATORS = ("placebo", "active", "usual_care", "none")
VERDICTS = (
    "supported_by_rcts",
    "contested",
    "not_supported_by_rcts",
    "uncontrolled_evidence_only",
    "no_evidence",
)
CITED_SOURCE = ("trial", "non_trial", "none")

# condition id -> parent group id (a group is its own parent). Claims name groups or ids.
CONDITIONS: dict[str, str] = {
    # pain conditions
    "fibromyalgia": "fibromyalgia",
    "neuropathic_pain": "neuropathic_pain",
    "diabetic_neuropathy": "neuropathic_pain",
    "crps": "neuropathic_pain",
    "chemotherapy_induced_neuropathy": "neuropathic_pain",
    "trigeminal_neuralgia": "neuropathic_pain",
    "postherpetic_neuralgia": "neuropathic_pain",
    "small_fiber_neuropathy": "neuropathic_pain",
    "inflammatory_arthritis": "inflammatory_arthritis",
    "rheumatoid_arthritis": "inflammatory_arthritis",
    "psoriatic_arthritis": "inflammatory_arthritis",
    "ankylosing_spondylitis": "inflammatory_arthritis",
    "juvenile_idiopathic_arthritis": "inflammatory_arthritis",
    "osteoarthritis": "osteoarthritis",
    "low_back_pain": "low_back_pain",
    "headache_migraine": "headache_migraine",
    "chronic_pain": "chronic_pain",
    "cancer_pain": "chronic_pain",
    "postoperative_pain": "postoperative_pain",
    "interstitial_cystitis": "chronic_pain",
    "irritable_bowel_syndrome": "chronic_pain",
    "chronic_pelvic_pain": "chronic_pain",
    "neck_pain": "chronic_pain",
    "orofacial_pain": "chronic_pain",
    "burning_mouth_syndrome": "neuropathic_pain",
    # non-pain uses seen in LDN literature
    "crohns_disease": "inflammatory_bowel_disease",
    "ulcerative_colitis": "inflammatory_bowel_disease",
    "inflammatory_bowel_disease": "inflammatory_bowel_disease",
    "multiple_sclerosis": "multiple_sclerosis",
    "long_covid": "long_covid",
    "me_cfs": "me_cfs",
    "cancer": "cancer",
    "skin_disease": "skin_disease",
    "depression": "depression",
    "opioid_use_disorder": "opioid_use_disorder",
    "alcohol_use_disorder": "alcohol_use_disorder",
    "autism": "autism",
    "hiv": "hiv",
    "tobacco_use_disorder": "tobacco_use_disorder",
    "stimulant_use_disorder": "stimulant_use_disorder",
    "obesity": "obesity",
    "sjogrens_disease": "connective_tissue_disease",
    "lupus": "connective_tissue_disease",
    "gout": "gout",
    "hashimotos_thyroiditis": "hashimotos_thyroiditis",
    "connective_tissue_disease": "connective_tissue_disease",
    "parkinsons_disease": "parkinsons_disease",
}
PAIN_GROUPS = frozenset(
    {
        "fibromyalgia",
        "neuropathic_pain",
        "inflammatory_arthritis",
        "osteoarthritis",
        "low_back_pain",
        "headache_migraine",
        "chronic_pain",
        "postoperative_pain",
    }
)


def condition_group(condition: str) -> str:
    """The parent group of a condition id (itself for unknown ids)."""
    return CONDITIONS.get(condition, condition)


def is_pain_condition(condition: str) -> bool:
    return condition_group(condition) in PAIN_GROUPS
