"""Extractor behaviours found on abstracts it had not seen: layouts, designs, counts, doses,
durations and results written in the many ways real abstracts write them. Hand-written records."""

from __future__ import annotations

from ldn_review.extract import extract_study
from ldn_review.extract_text import build_sentences
from ldn_review.models import AbstractSection, Article


def record(title: str, *sections: tuple[str | None, str], types: list[str] | None = None) -> Article:
    secs = [AbstractSection(label, label.upper() if label else None, text)
            for label, text in sections]
    abstract = "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in secs)
    return Article(pmid="1", title=title, abstract=abstract, abstract_sections=secs,
                   publication_types=types or [])


def study(title: str, *sections: tuple[str | None, str], **kw: list[str]) -> dict:
    return extract_study(record(title, *sections, **kw)).study


# --- layout ---------------------------------------------------------------------------------------

def test_inline_labels_inside_one_section_set_the_role_of_the_sentences_after_them() -> None:
    art = record("LDN for refractory chronic migraine: a retrospective case series", (None,
        "Objective: To describe outcomes of LDN in chronic migraine. Methods: We reviewed the "
        "records of all patients started on LDN. LDN was started at 1.5 mg and increased to a "
        "target of 4.5 mg. Results: Thirty-seven patients were included. Headache days fell "
        "(P = .002). Conclusions: LDN was associated with fewer headache days."))
    roles = [s.section for s in build_sentences(art)]
    assert roles == ["title", "objective", "methods", "methods", "results", "results",
                     "conclusions"]
    st = extract_study(art).study
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)
    assert st["result"] == "positive"


def test_an_unlabelled_abstract_without_a_this_study_cue_is_still_read() -> None:
    st = study("Naltrexone for heroin dependence treatment in St. Petersburg", (None,
        "Oral naltrexone has had limited success in the United States because of poor "
        "adherence. Fifty-two heroin-dependent patients were randomly assigned to naltrexone "
        "50 mg/day or placebo for 6 months under double-blind conditions. At 6 months, 44.4% of "
        "the naltrexone group remained in treatment compared with 15.7% of the placebo group "
        "(p < .05). Naltrexone is an effective treatment for heroin dependence in Russia."))
    assert st["design"] == "rct_parallel"
    assert st["n_enrolled"] == 52
    assert (st["dose_mg_min"], st["is_ldn"]) == (50.0, False)
    assert st["result"] == "positive"


def test_an_acronym_before_a_full_stop_ends_the_sentence() -> None:
    art = record("LDN in multiple sclerosis", ("OBJECTIVE",
        "To evaluate low-dose naltrexone in patients with MS. Methods: In a randomized "
        "crossover trial, 96 patients received naltrexone 4.5 mg/day and placebo."))
    texts = [s.text for s in build_sentences(art)]
    assert "To evaluate low-dose naltrexone in patients with MS." in texts
    assert extract_study(art).study["dose_mg_max"] == 4.5


# --- designs --------------------------------------------------------------------------------------

def test_a_meta_analysis_that_reports_its_pooled_participants_is_still_a_meta_analysis() -> None:
    st = study("Low dose naltrexone for induction of remission in Crohn's disease",
               ("METHODS", "We searched MEDLINE, Embase and CENTRAL. Two authors independently "
                           "extracted data and we pooled data where appropriate."),
               ("RESULTS", "Two studies with a total of 46 participants were included."),
               ("CONCLUSIONS", "LDN may provide a benefit in clinical response."))
    assert st["design"] == "meta_analysis"
    assert st["n_enrolled"] == 46


def test_a_meta_analysis_that_was_not_done_does_not_make_a_meta_analysis() -> None:
    st = study("Low-dose naltrexone in chronic pain: a systematic review",
               ("METHODS", "The authors searched MEDLINE and Embase for clinical studies."),
               ("RESULTS", "Heterogeneity of populations precluded meta-analysis."))
    assert st["design"] == "systematic_review"


def test_a_review_that_only_mentions_a_search_stays_narrative() -> None:
    st = study("The safety and efficacy of low-dose naltrexone in chronic pain disorders", (None,
        "This review summarises the proposed mechanisms of LDN and appraises studies identified "
        "through a search of MEDLINE. Larger trials are required."))
    assert st["design"] == "narrative_review"


def test_rats_named_once_with_no_people_make_an_animal_study() -> None:
    st = study("Reversal of neuropathic pain by naltrexone isomers", (None,
        "Here we show that both isomers reverse neuropathic pain. In male Sprague-Dawley rats, "
        "chronic constriction injury produced allodynia. Naltrexone (60 mg/kg, s.c.) given for "
        "5 days reversed allodynia."))
    assert (st["design"], st["population"]) == ("animal", "animal")


def test_cells_from_donors_with_no_participants_make_an_in_vitro_study() -> None:
    st = study("Naltrexone inhibits IL-6 production in human immune cells", (None,
        "We examined the effect of naltrexone on cytokine production by peripheral blood "
        "mononuclear cells (PBMCs) from healthy donors. Naltrexone reduced IL-6 production."))
    assert st["design"] == "in_vitro"


def test_a_species_word_used_as_an_adjective_does_not_make_an_animal_study() -> None:
    st = study("Serum extraction methods for mass spectrometry", (None,
        "We spiked three small molecules into rabbit serum and compared precipitation methods. "
        "Acetonitrile gave the best recovery."))
    assert st["design"] != "animal"


def test_treatment_in_random_order_is_randomisation() -> None:
    st = study("Effects of naltrexone on pain sensitivity in fibromyalgia",
               ("METHODS", "Ten women with fibromyalgia and ten healthy women took part in a "
                           "double-blind, placebo-controlled, crossover study. Each participant "
                           "received naltrexone 50 mg or placebo in random order."))
    assert (st["design"], st["randomized"]) == ("rct_crossover", True)
    assert st["n_enrolled"] == 20


def test_a_treatment_protocol_in_a_case_report_title_is_not_a_study_protocol() -> None:
    st = study("Long-term survival of a patient with pancreatic cancer after the alpha-lipoic "
               "acid/low-dose naltrexone protocol", (None,
        "The authors describe a 46-year-old man with metastatic adenocarcinoma of the pancreas. "
        "He was treated with oral low-dose naltrexone, 4.5 mg at bedtime. The authors review the "
        "rationale for this combination."), types=["Case Reports"])
    assert (st["design"], st["n_enrolled"]) == ("case_report", 1)


def test_cases_and_matched_controls_make_a_case_control_study_not_a_case_series() -> None:
    st = study("LDN use and thyroid hormone over-replacement in Hashimoto's thyroiditis",
               ("METHODS", "In a regional database we identified patients who developed a "
                           "suppressed TSH (cases) and matched each case to four controls."),
               ("RESULTS", "We included 188 cases and 752 matched controls."))
    assert st["design"] == "case_control"
    assert st["n_enrolled"] == 940


def test_crossover_to_surgery_in_a_parallel_trial_is_not_a_crossover_design() -> None:
    st = study("Surgery versus physical therapy for a meniscal tear",
               ("METHODS", "We randomly assigned 351 participants to surgery or to physical "
                           "therapy, with crossover to surgery permitted."))
    assert st["design"] == "rct_parallel"
    assert st["n_enrolled"] == 351


def test_a_record_of_its_own_trials_in_the_plural_is_randomised() -> None:
    st = study("Radiofrequency denervation for chronic low back pain: the MINT randomized "
               "clinical trials",
               ("METHODS", "Three nonblinded randomized clinical trials were conducted in 16 "
                           "pain clinics. Altogether 681 participants were enrolled."))
    assert st["design"] == "rct_parallel"
    assert st["n_enrolled"] == 681


def test_patients_who_declined_randomisation_form_an_observational_cohort() -> None:
    st = study("Surgical vs nonoperative treatment for lumbar disk herniation: the SPORT "
               "observational cohort",
               ("OBJECTIVE", "To compare surgery and nonoperative care in patients who declined "
                             "randomization."),
               ("RESULTS", "Of the 743 patients enrolled in the observational cohort, 528 had "
                           "surgery."))
    assert (st["design"], st["randomized"]) == ("cohort", False)


def test_an_open_label_study_that_justifies_a_controlled_trial_is_single_arm() -> None:
    st = study("An open study of botulinum toxin for trigeminal neuralgia", (None,
        "The authors examined botulinum toxin in 13 patients with trigeminal neuralgia. Pain "
        "was significantly reduced (p < 0.001). These open-label findings justify a controlled "
        "trial."))
    assert st["design"] == "single_arm_trial"


def test_a_national_survey_analysis_is_cross_sectional_with_no_treatment_result() -> None:
    st = study("Prevalence of chronic pain among adults - United States, 2016", (None,
        "CDC analyzed data from the 2016 National Health Interview Survey. An estimated 20.4% of "
        "adults had chronic pain. These estimates can help target pain management."))
    assert (st["design"], st["result"]) == ("cross_sectional", None)


def test_a_consensus_document_without_an_abstract_is_other() -> None:
    st = study("[Consensus document of the Spanish Society of Rheumatology on fibromyalgia].")
    assert (st["design"], st["placebo_controlled"]) == ("other", None)


# --- trial features -------------------------------------------------------------------------------

def test_masked_outcome_assessment_is_single_blinding() -> None:
    st = study("Opioid vs nonopioid medications for chronic back pain: a randomized trial",
               ("METHODS", "Pragmatic randomized trial with masked outcome assessment."))
    assert st["blinding"] == "single"


def test_a_blinded_trial_that_does_not_say_who_was_blinded_is_at_least_single_blind() -> None:
    st = study("German acupuncture trials for chronic low back pain: randomized, multicenter, "
               "blinded, parallel-group trial with 3 groups")
    assert st["blinding"] == "single"


# --- counts ---------------------------------------------------------------------------------------

def test_survey_respondents_are_the_participants_not_the_people_invited() -> None:
    st = study("Use of low-dose naltrexone among veterans: a cross-sectional survey",
               ("METHODS", "We mailed an anonymous questionnaire to all 611 veterans with an LDN "
                           "prescription."),
               ("RESULTS", "Surveys were returned by 412 veterans (response rate 67%)."))
    assert st["n_enrolled"] == 412


def test_the_randomised_count_wins_over_the_enrolled_count_before_withdrawals() -> None:
    st = study("Opioid vs nonopioid medications: the SPACE randomized clinical trial",
               ("METHODS", "Of 265 patients enrolled, 25 withdrew before randomization and 240 "
                           "were randomized."))
    assert st["n_enrolled"] == 240


def test_a_capital_n_total_is_the_sample_size() -> None:
    st = study("OnabotulinumtoxinA for chronic migraine: a randomized placebo-controlled trial",
               ("RESULTS", "N=679 (onabotulinumtoxinA n=341; placebo n=338)."))
    assert st["n_enrolled"] == 679


def test_people_with_a_condition_counted_in_brackets_before_randomisation() -> None:
    st = study("Duloxetine and pregabalin in diabetic neuropathic pain: a randomized study", (None,
        "Patients with diabetic peripheral neuropathic pain (N=804) were randomised to duloxetine "
        "or pregabalin. The primary outcome was compared in the 339 patients who entered the "
        "second period."))
    assert st["n_enrolled"] == 804


def test_groups_times_their_size_give_the_total() -> None:
    st = study("Ultra-low-dose naltrexone added to morphine analgesia: a randomized trial",
               ("METHODS", "Women were randomly allocated to 3 groups (n = 30 per arm)."))
    assert st["n_enrolled"] == 90


def test_all_completers_are_the_enrolled_when_no_other_count_is_given() -> None:
    st = study("Ultra-low-dose naltrexone with morphine PCA: a randomized trial",
               ("RESULTS", "All 90 patients completed the study."))
    assert st["n_enrolled"] == 90


def test_a_list_of_three_groups_after_an_enrolment_verb_is_summed() -> None:
    st = study("Small fibre pathology in fibromyalgia", (None,
        "In a case-control design we studied 25 patients with fibromyalgia syndrome, 10 patients "
        "with depression, and 35 healthy control subjects."))
    assert st["n_enrolled"] == 70


# --- doses ----------------------------------------------------------------------------------------

def test_a_titration_to_a_maximum_gives_the_range() -> None:
    st = study("Low-dose naltrexone for interstitial cystitis: a retrospective cohort study",
               ("METHODS", "LDN was titrated from 1.5 mg to a maximum of 4.5 mg daily."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)


def test_twice_daily_doses_are_given_per_day() -> None:
    st = study("Randomized trial of low dose naltrexone for depression",
               ("METHODS", "Twelve adults were randomized to adjunctive LDN 1 mg twice daily or "
                           "placebo for 3 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (2.0, 2.0)


def test_nanogram_doses_keep_their_size() -> None:
    st = study("Ultra-low dose naltrexone attenuates morphine tolerance in rats",
               ("RESULTS", "Rats received intrathecal morphine (15 micrograms) or naltrexone "
                           "(0.04 ng) once daily for 7 days."))
    assert st["dose_mg_max"] == 4e-08


def test_a_dose_right_after_another_drug_name_is_that_drugs() -> None:
    st = study("Low-dose naltrexone suppresses ovarian cancer in combination with cisplatin",
               (None, "Female nude mice were treated with LDN (0.1 mg/kg, daily), cisplatin "
                      "(4 mg/kg every 4 days), or saline for 40 days."))
    assert (st["dose_mg_per_kg_min"], st["dose_mg_per_kg_max"]) == (0.1, 0.1)


def test_a_drug_named_once_among_failed_treatments_is_not_the_studied_drug() -> None:
    st = study("New-onset hypertension after erenumab in a patient with chronic migraine", (None,
        "We describe a 46-year-old woman in whom amitriptyline, topiramate and an off-label "
        "trial of low-dose naltrexone (4.5 mg nightly) had each failed. Erenumab 70 mg was "
        "started."), types=["Case Reports"])
    assert (st["is_ldn"], st["dose_mg_max"]) == (False, None)


def test_matched_groups_are_counted_together() -> None:
    st = study("Low-dose naltrexone and disability in multiple sclerosis: a matched cohort study",
               ("RESULTS", "We matched 412 LDN users to 1236 non-users. Median follow-up was 4 years."))
    assert st["n_enrolled"] == 1648


def test_an_add_on_arm_and_the_arm_without_it_are_summed() -> None:
    st = study("Low-dose naltrexone with phototherapy in vitiligo: a non-randomized controlled study",
               ("RESULTS", "Twenty-one patients received LDN plus NB-UVB and 23 received NB-UVB "
                           "alone. Repigmentation was greater with LDN (p = 0.03)."))
    assert st["n_enrolled"] == 44


def test_specialists_are_counted_when_they_are_the_respondents_not_when_they_enrol_patients() -> None:
    st = study("Off-label prescribing of low-dose naltrexone among dermatologists: a cross-sectional survey",
               ("RESULTS", "Six hundred and twelve dermatologists responded (25.5%). Overall, 188 "
                           "(30.7%) had prescribed LDN at least once."))
    assert st["n_enrolled"] == 612
    st = study("Thiopurines and lymphoma in inflammatory bowel disease: a prospective cohort",
               ("METHODS", "In a nationwide prospective observational cohort, 680 gastroenterologists "
                           "enrolled 19 486 patients with Crohn's disease between 2004 and 2005."))
    assert st["n_enrolled"] == 19486


def test_a_title_only_harm_report_of_one_person_is_a_case_report() -> None:
    st = study("Hypomania after starting low-dose naltrexone in a man with bipolar II disorder and "
               "ulcerative colitis")
    assert st["design"] == "case_report"
    assert st["n_enrolled"] == 1


# --- durations ------------------------------------------------------------------------------------

def test_a_disease_history_is_not_a_treatment_duration() -> None:
    st = study("Low-dose naltrexone for pain in psoriatic arthritis: a case report", (None,
        "A 52-year-old woman with a 9-year history of psoriatic arthritis had persistent pain. "
        "Low-dose naltrexone was added at 3 mg at night. After 12 weeks of treatment her pain "
        "had fallen to 3/10."))
    assert st["duration_weeks"] == 12.0


def test_an_extension_phase_after_the_trial_is_not_its_duration() -> None:
    st = study("Yoga, physical therapy or education for chronic low back pain: a randomized trial",
               ("METHODS", "Single-blind, 3-arm, randomized trial lasting 12 weeks, followed by a "
                           "40-week maintenance phase."))
    assert st["duration_weeks"] == 12.0


def test_eligibility_durations_are_not_treatment_durations() -> None:
    st = study("Capsaicin patch for postherpetic neuralgia: a randomized trial",
               ("METHODS", "In this 12-week double-blind study, patients who had had "
                           "postherpetic neuralgia for at least 6 months were randomly assigned "
                           "to the patch or control."))
    assert st["duration_weeks"] == 12.0


def test_a_duration_in_the_title_outranks_time_points_in_the_abstract() -> None:
    st = study("Efficacy of low-dose naltrexone in fibromyalgia: a 12-month randomised trial",
               ("METHODS", "The primary outcome was pain at 3 months."))
    assert st["duration_weeks"] == 52.14


def test_how_long_follow_up_or_the_illness_lasted_is_not_treatment_time() -> None:
    st = study("Pregabalin for lumbar radicular pain: a randomized trial", ("METHODS",
        "Patients whose sciatica had lasted 4 to 12 months were randomly assigned to pregabalin "
        "or placebo for 8 weeks; follow-up lasted 52 weeks."))
    assert st["duration_weeks"] == 8.0
    st = study("Pregabalin for lumbar radicular pain: a randomized trial", ("METHODS",
        "Patients whose sciatica had lasted 4 to 12 months were randomly assigned to pregabalin "
        "or placebo."))
    assert st["duration_weeks"] is None


def test_time_points_listed_or_named_as_visits_are_not_treatment_time() -> None:
    st = study("Ketamine during spine surgery: a randomized trial", ("METHODS",
        "Adults were randomly assigned to ketamine or saline. Pain was recorded on the ward and "
        "at a 6-week visit. Secondary outcomes were acute kidney injury at 30 days, "
        "renal-replacement therapy at 90 days, and death."))
    assert st["duration_weeks"] is None


def test_the_period_a_study_or_a_chart_review_spans_is_not_treatment_time() -> None:
    st = study("Fascia iliaca block versus systemic analgesia for hip fracture", ("METHODS",
        "Prospective controlled study over 18 months at two university hospitals."))
    assert st["duration_weeks"] is None
    st = study("Occipital nerve block in cluster headache: a case series", ("METHODS",
        "We reviewed all patients who received a block at a tertiary headache clinic over 4 "
        "years."))
    assert st["duration_weeks"] is None
    # the same words with a treatment course: kept
    st = study("Naltrexone in fibromyalgia: an open-label study", ("METHODS",
        "Patients received naltrexone 4.5 mg daily for 12 weeks at two university hospitals."))
    assert st["duration_weeks"] == 12.0


def test_a_span_after_a_one_off_procedure_is_follow_up() -> None:
    conclusion = ("CONCLUSIONS", "Decompression alone was noninferior to decompression with "
                  "fusion over 2 years.")
    st = study("Decompression with or without fusion in lumbar spondylolisthesis", conclusion)
    assert st["duration_weeks"] is None
    st = study("A single intra-articular injection of extended-release triamcinolone for knee "
               "osteoarthritis", ("METHODS", "The primary end point was the change in pain "
               "from baseline to week 12."))
    assert st["duration_weeks"] is None
    # a drug given over the same span is treatment time; so is a course stated with "for"
    st = study("Naltrexone for multiple sclerosis fatigue: a randomized trial", ("CONCLUSIONS",
        "Naltrexone reduced fatigue compared with placebo over 2 years."))
    assert st["duration_weeks"] == 104.0
    st = study("Exercise therapy versus arthroscopic partial meniscectomy: a randomised trial",
               ("METHODS", "Patients were assigned to exercise therapy for 12 weeks or to "
                           "surgery."), conclusion)
    assert st["duration_weeks"] == 12.0
    # a procedure the patients had before is not the treatment
    st = study("Low-dose naltrexone for post-mastectomy pain: a case series", ("RESULTS",
        "Pain fell over 12 weeks."))
    assert st["duration_weeks"] == 12.0


def test_an_open_label_phase_after_the_blinded_one_is_an_extension() -> None:
    title = "Low-dose naltrexone for pain in psoriatic arthritis: a randomised trial"
    st = study(title, ("METHODS", "Patients were randomly allocated to naltrexone 4.5 mg or "
               "placebo once daily for 12 weeks; thereafter all participants could take "
               "open-label naltrexone for 40 weeks."))
    assert st["duration_weeks"] == 12.0
    # an open-label course that is the study itself still counts
    st = study("Low-dose naltrexone in fibromyalgia: an open-label study", ("METHODS",
        "Patients received open-label naltrexone 4.5 mg for 40 weeks."))
    assert st["duration_weeks"] == 40.0


def test_titration_up_to_a_week_and_over_weeks() -> None:
    st = study("Low-dose naltrexone for axial spondyloarthritis: a randomised trial", ("METHODS",
        "Patients were randomised to naltrexone or placebo. Naltrexone was taken as 1.5 mg daily "
        "for 2 weeks, 3 mg daily for 2 weeks and then 4.5 mg daily until week 16."))
    assert st["duration_weeks"] == 16.0
    st = study("Low-dose naltrexone versus topiramate in chronic migraine: a non-randomised "
               "comparison", ("METHODS", "Patients received LDN (titrated from 1.5 to 4.5 mg over "
               "3 weeks) or topiramate."))
    assert st["duration_weeks"] is None


def test_the_time_before_people_were_randomised_is_not_treatment_time() -> None:
    title = "Low-dose naltrexone for abdominal pain in Crohn's disease: a randomized pilot trial"
    st = study(title, ("METHODS", "Adults with abdominal pain on 3 or more days a week for 3 "
               "months were randomised to naltrexone 4.5 mg or placebo nightly for 8 weeks."))
    assert st["duration_weeks"] == 8.0
    st = study(title, ("RESULTS", "Over 14 months, 40 patients were randomised (20 per arm)."))
    assert st["duration_weeks"] is None
    # a phase followed by its randomisation is still the phase
    st = study(title, ("METHODS", "Participants entered a 16-week double-blind phase and were "
                                  "randomly assigned to naltrexone or placebo."))
    assert st["duration_weeks"] == 16.0


def test_a_cohorts_span_equal_to_its_follow_up_is_follow_up() -> None:
    title = "Low-dose naltrexone in fibromyalgia: a prospective cohort over 3 years of follow-up"
    st = study(title, ("CONCLUSIONS", "LDN was safe over 3 years."))
    assert (st["design"], st["duration_weeks"]) == ("cohort", None)
    st = study("Low-dose naltrexone in fibromyalgia: a prospective cohort", ("CONCLUSIONS",
               "LDN was safe over 3 years."))
    assert st["duration_weeks"] == 156.0
    # another study's follow-up, told in the background, says nothing of this one
    st = study("Low-dose naltrexone in fibromyalgia: a prospective cohort", ("BACKGROUND",
               "In an earlier trial with 3 years of follow-up, pain fell."), ("CONCLUSIONS",
               "In this cohort, LDN was safe over 3 years."))
    assert st["duration_weeks"] == 156.0


def test_an_open_label_extension_is_timed_by_its_title_and_has_no_placebo() -> None:
    st = study("Bedtime sublingual cyclobenzaprine in fibromyalgia: a 52-week open-label extension study",
               ("METHODS", "Participants who completed either of two 14-week double-blind, "
                           "placebo-controlled trials could enrol; all took cyclobenzaprine 5.6 mg."),
               ("RESULTS", "Of 317 participants enrolled, 196 (62%) completed 52 weeks."))
    assert st["design"] == "single_arm_trial"
    assert st["placebo_controlled"] is False
    assert st["duration_weeks"] == 52
    st = study("Long-term efficacy of erenumab in migraine prevention: results from a 5-year, "
               "open-label treatment phase of a randomized clinical trial",
               ("RESULTS", "A total of 383 patients entered the open-label phase."))
    assert st["design"] == "single_arm_trial"
    assert abs(st["duration_weeks"] - 260.7) < 0.1
    st = study("Low-dose naltrexone in psoriatic arthritis: a 12-week double-blind, placebo-controlled "
               "randomised trial with a 40-week open-label extension",
               ("METHODS", "Sixty adults were randomised to LDN 4.5 mg or placebo for 12 weeks."))
    assert st["design"] == "rct_parallel"
    assert st["placebo_controlled"] is True and st["duration_weeks"] == 12


def test_a_minimum_supply_that_defines_a_cohorts_exposure_is_no_treatment_time() -> None:
    st = study("Long-term opioid therapy and outcomes in fibromyalgia: a prospective registry cohort",
               ("METHODS", "Initiators of long-term opioid therapy (at least 90 days of continuous "
                           "supply) were compared with non-initiators."),
               ("RESULTS", "Of 2,316 patients enrolled, 1,984 were analysed."))
    assert st["design"] == "cohort"
    assert st["duration_weeks"] is None


def test_a_head_count_with_two_joined_modifiers() -> None:
    st = study("Diet and exercise in knee osteoarthritis: the IDEA randomized clinical trial",
               ("METHODS", "Single-blind, 18-month randomized clinical trial among 454 overweight "
                           "and obese community-dwelling adults aged 55 years or older."))
    assert st["n_enrolled"] == 454
    st = study("Low-dose naltrexone in chronic pain: a systematic review",
               ("RESULTS", "Fourteen studies with 1,021 participants were included: one randomised "
                           "trial and five case series or case reports."))
    assert st["n_enrolled"] == 1021


def test_the_cues_from_sets_y_and_z_leave_ordinary_sentences_alone() -> None:
    """Over-matches a review found in the first versions of the rules from sets Y and Z."""
    assert study("LDN in multiple sclerosis: an open-label study", ("METHODS",
        "Two neurologists independently rated 48 patients treated with LDN."))["n_enrolled"] == 48
    assert study("Low-dose naltrexone in fibromyalgia: an open-label study", ("RESULTS",
        "Forty patients took LDN three times daily and most patients tolerated it."))["n_enrolled"] == 40
    assert study("LDN and relapses in MS: a matched cohort", ("RESULTS",
        "We matched 412 LDN users with 4 non-users each."))["n_enrolled"] == 412
    st = study("Low-dose naltrexone in fibromyalgia: open-label extension of a 12-week double-blind phase",
               ("METHODS", "Patients took LDN 4.5 mg for 1 year."))
    assert st["duration_weeks"] == 52
    st = study("Open-label period of LDN followed by randomized withdrawal in fibromyalgia",
               ("METHODS", "Sixty patients were randomized to continue LDN or switch to placebo."))
    assert st["design"] == "rct_parallel" and st["placebo_controlled"] is True
    st = study("Low-dose naltrexone in fibromyalgia: a 12-week crossover trial with a 24-week "
               "open-label extension",
               ("METHODS", "Patients were randomized to LDN or placebo in a crossover design."))
    assert st["placebo_controlled"] is True
    st = study("Low-dose naltrexone in fibromyalgia: an open-label pilot",
               ("METHODS", "Patients who began treatment between 2015 and 2018 were enrolled in this "
                           "open-label study and took LDN for 12 weeks."),
               ("RESULTS", "Pain improved (p = 0.01)."))
    assert st["design"] == "single_arm_trial"
    assert study("Low-dose naltrexone in juvenile rheumatoid arthritis: a case series", ("METHODS",
        "Eight children took LDN."))["primary_conditions"] == ["juvenile_idiopathic_arthritis"]
    assert study("Low-dose naltrexone in CRPS: a case series", ("METHODS",
        "Twelve patients took LDN for at least 12 weeks; refills were tracked."))["duration_weeks"] == 12


# --- results --------------------------------------------------------------------------------------

def test_a_subject_before_its_negation_is_not_read_as_a_benefit() -> None:
    st = study("Surgery versus physical therapy for a meniscal tear: a randomized trial",
               ("CONCLUSIONS", "Functional improvement at 6 months did not differ significantly "
                               "between groups."))
    assert st["result"] == "negative"


def test_a_benefit_on_one_outcome_but_not_on_another_is_mixed() -> None:
    st = study("Ultra-low-dose naltrexone with morphine after hysterectomy: a randomized trial",
               ("CONCLUSIONS", "Ultra-low-dose naltrexone did not spare morphine but reduced "
                               "nausea and pruritus."))
    assert st["result"] == "mixed"


def test_a_hedged_afterthought_does_not_outweigh_a_negative_finding() -> None:
    st = study("Effects of naltrexone on pain sensitivity in fibromyalgia: a randomized trial",
               ("CONCLUSIONS", "Opioid blockade had no differential effect in fibromyalgia. Any "
                               "benefit of low-dose naltrexone is likely to arise from a "
                               "non-opioid mechanism."))
    assert st["result"] == "negative"


def test_no_adverse_effects_is_not_a_null_efficacy_result() -> None:
    st = study("Low-dose naltrexone for pruritus in systemic sclerosis: a case series", (None,
        "We describe three patients with refractory itch treated with low-dose naltrexone. All "
        "three reported a marked reduction in itch. No adverse effects were noted."))
    assert st["result"] == "positive"


def test_a_safety_study_that_concludes_safe_is_positive() -> None:
    st = study("Low dose naltrexone in multiple sclerosis: a retrospective chart review", (None,
        "We reviewed the charts of 215 patients prescribed LDN. No clinically significant "
        "changes in laboratory values were found. LDN appears to be safe and well tolerated in "
        "patients with MS."))
    assert st["result"] == "positive"


def test_a_trial_that_finds_harm_is_negative() -> None:
    st = study("Intensive glucose lowering in type 2 diabetes: a randomized trial",
               ("CONCLUSIONS", "Intensive therapy was associated with a significantly higher "
                               "risk of death and did not reduce major cardiovascular events."))
    assert st["result"] == "negative"


def test_a_case_report_of_an_adverse_reaction_is_negative() -> None:
    st = study("Drug-induced liver injury after repeated ketamine in CRPS: a report of 3 cases",
               (None, "We describe three patients with CRPS who received two ketamine infusions. "
                      "We conclude that repeated exposure to ketamine can cause hepatotoxicity."),
               types=["Case Reports"])
    assert st["result"] == "negative"


def test_a_treatments_harm_in_a_cohort_is_negative_but_risk_factors_have_no_result() -> None:
    # Eleven records of eight labelled sets (b, c, f, i, j, k, l) label a drug's harm found in an
    # observational study negative; risk-factor studies test no treatment.
    harm = study("Opioid prescriptions for chronic pain and overdose: a cohort study",
                 ("CONCLUSIONS", "Higher prescribed oxycodone doses were associated with a higher "
                                 "risk of overdose."))
    assert harm["design"] == "cohort"
    assert harm["result"] == "negative"
    factors = study("Risk factors for opioid overdose in chronic pain: a cohort study",
                    ("CONCLUSIONS", "Higher prescribed oxycodone doses were associated with a higher "
                                    "risk of overdose."))
    assert factors["design"] == "cohort"
    assert factors["result"] is None


def test_no_evidence_that_a_drug_works_is_negative() -> None:
    st = study("A randomized placebo-controlled trial of methotrexate in psoriatic arthritis",
               ("CONCLUSIONS", "The trial found no evidence that methotrexate improves synovitis."))
    assert st["result"] == "negative"


def test_efficacy_similar_to_an_active_drug_is_mixed_and_to_placebo_negative() -> None:
    active = study("LDN in painful diabetic neuropathy: a randomized active-control trial",
                   ("CONCLUSIONS", "Low-dose naltrexone showed efficacy similar to amitriptyline "
                                   "with a better safety profile."))
    placebo = study("LDN in painful diabetic neuropathy: a randomized placebo-controlled trial",
                    ("CONCLUSIONS", "The efficacy of low-dose naltrexone was similar to placebo."))
    assert (active["result"], placebo["result"]) == ("mixed", "negative")


def test_an_outcome_compared_at_p_above_005_did_not_differ() -> None:
    ex = extract_study(record(
        "Naltrexone 6 mg versus placebo in fibromyalgia: a randomised trial",
        ("METHODS", "The primary outcome was the change in pain intensity on an 11-point "
                    "numeric rating scale."),
        ("RESULTS", "Pain fell by 1.3 points with naltrexone and by 0.9 points with placebo, a "
                    "between-group difference of -0.34 (95% CI -0.95 to 0.27; p=0.27).")))
    pain = next(o for o in ex.outcomes if o["domain"] == "pain")
    assert (pain["result"], pain["p_value"], pain["is_primary"]) == ("no_difference", 0.27, True)


def test_an_interview_study_is_an_unmasked_other_design_with_no_result() -> None:
    st = study("'It helped me cope': a qualitative interview study of patients starting "
               "extended-release naltrexone", ("METHODS",
               "Twenty-seven patients received a single 380 mg injection and were interviewed "
               "one month later; transcripts were analysed thematically."), ("CONCLUSIONS",
               "Patients valued the injection, and linking clinics may improve continuation."))
    assert st["design"] == "other"
    assert (st["randomized"], st["blinding"], st["placebo_controlled"]) == (False, "open", False)
    assert st["result"] is None
    st = study("Body mass index and chronic widespread pain: a two-sample Mendelian "
               "randomisation study", ("CONCLUSIONS", "These findings support a causal "
               "contribution of adiposity to chronic widespread pain."))
    assert (st["design"], st["randomized"], st["result"]) == ("other", False, None)


def test_a_survey_of_use_has_no_result_unless_its_title_names_an_effect() -> None:
    methods = ("METHODS", "Members of a national fibromyalgia association completed an online "
               "questionnaire; 2614 responded.")
    conclusion = ("CONCLUSIONS", "LDN use is common, and about half of users perceive benefit.")
    st = study("Use of low-dose naltrexone among members of a national fibromyalgia "
               "association: an online cross-sectional survey", methods, conclusion)
    assert (st["design"], st["result"]) == ("cross_sectional", None)
    st = study("Patient-reported benefit of low-dose naltrexone in fibromyalgia: an online "
               "cross-sectional survey", methods, conclusion)
    assert (st["design"], st["result"]) == ("cross_sectional", "positive")


def test_a_concession_beside_a_null_comparison_is_not_a_benefit() -> None:
    title = "Combination versus high-dose monotherapy for neuropathic pain: a randomized trial"
    for conclusion in (
        "Combination therapy was not superior to high-dose monotherapy, although both "
        "strategies appeared effective.",
        "Celecoxib was not meaningfully better than paracetamol, but the n-of-1 trials "
        "identified a minority of individual responders.",
        "Gabapentin offered no significant advantage over amitriptyline, although it may be an "
        "alternative for patients who cannot tolerate it.",
        "Naltrexone had no direct effect on synovial fibroblasts; any benefit of naltrexone in "
        "arthritis is unlikely to arise at this level.",
    ):
        assert study(title, ("CONCLUSIONS", conclusion))["result"] == "negative", conclusion
    st = study(title, ("CONCLUSIONS", "The trial did not show a difference between nabiximols "
               "and placebo. Because a subset of patients responded, a larger trial is "
               "warranted."))
    assert st["result"] == "negative"
    # a benefit stated for the treatment itself still counts against the null part
    st = study(title, ("CONCLUSIONS", "LDN reduced pain but did not improve fatigue."))
    assert st["result"] == "mixed"


def test_inconsistent_minority_or_short_lived_benefits_are_mixed() -> None:
    title = "Low-dose naltrexone in fibromyalgia: a retrospective case series"
    for conclusion in (
        "Responses to LDN were inconsistent; fewer than half improved.",
        "The response was therefore inconsistent, and we report these cases to encourage "
        "systematic evaluation.",
        "LDN was tolerated, with improvement in neuropathic pain in a minority of patients.",
        "A 5-day ketamine course produced short-lived pain relief without a lasting effect on "
        "fibromyalgia impact.",
        "LDN was not associated with a clear improvement in pain, although fatigue improved.",
    ):
        assert study(title, ("CONCLUSIONS", conclusion))["result"] == "mixed", conclusion
    # a minority named in a limitation is not a result
    st = study(title, ("CONCLUSIONS", "LDN reduced pain. The diagnosis was confirmed by "
                                      "aspiration in only a minority of patients."))
    assert st["result"] == "positive"


def test_the_comparators_null_beside_the_treatments_benefit_is_positive() -> None:
    title = "Naltrexone for fibromyalgia pain: a randomized, placebo-controlled trial"
    for conclusion in (
        "Ketamine produced significant reductions in pain, whereas the placebo group showed no "
        "treatment effect.",
        "Naltrexone 4.5 mg produced a modest reduction in pain relative to placebo, while 1.5 mg "
        "was ineffective.",
        "Strength training reduced neck pain, whereas general fitness training had little effect.",
    ):
        assert study(title, ("CONCLUSIONS", conclusion))["result"] == "positive", conclusion
    # a second outcome after "whereas" is not a comparator
    st = study(title, ("CONCLUSIONS", "LDN improved fatigue, whereas pain did not change."))
    assert st["result"] == "mixed"


def test_an_inline_case_label_starts_the_case_of_a_report() -> None:
    st = study("Precipitated withdrawal after the first dose of low-dose naltrexone", (None,
        "Background: Low-dose naltrexone is generally regarded as safe. Case: A 44-year-old "
        "woman with chronic low back pain was prescribed LDN 1.5 mg at bedtime. Within 2 hours "
        "she developed withdrawal. Conclusion: Clinicians should ask about codeine."))
    assert (st["design"], st["n_enrolled"], st["dose_mg_max"]) == ("case_report", 1, 1.5)


def test_a_title_alone_that_names_its_patients_is_a_case_report_or_series() -> None:
    st = study("Low-dose naltrexone for chronic widespread pain in Gulf War illness: three veterans")
    assert (st["design"], st["n_enrolled"]) == ("case_series", 3)
    st = study("Erythromelalgia relieved by low-dose naltrexone in a 7-year-old boy")
    assert (st["design"], st["n_enrolled"]) == ("case_report", 1)
    st = study("Low-dose naltrexone and the pain clinic: a reply")
    assert st["design"] == "commentary"


def test_a_randomised_trial_called_for_by_an_uncontrolled_study_is_not_its_design() -> None:
    st = study("Extended-release naltrexone for chronic pain and opioid use disorder: a 12-week "
               "open-label pilot study", ("METHODS", "Adults received XR-NTX 380 mg every 4 "
               "weeks, three injections in total."), ("CONCLUSIONS", "In this small uncontrolled "
               "study, pain interference improved, which supports a randomized comparison with "
               "buprenorphine."))
    assert (st["design"], st["randomized"]) == ("single_arm_trial", False)


def test_an_animal_studys_vehicle_is_not_a_placebo_control() -> None:
    st = study("Naltrexone reverses allodynia after nerve injury in rats", ("METHODS",
        "Rats received naltrexone 1 mg/kg or placebo (saline) once daily for 14 days (n = 8 per "
        "group; 64 rats in total)."))
    assert (st["design"], st["placebo_controlled"], st["n_enrolled"]) == ("animal", None, 64)


def test_two_groups_each_with_its_own_verb_are_summed() -> None:
    title = "Low-dose naltrexone for pain in juvenile arthritis: a randomised pilot trial"
    st = study(title, ("RESULTS", "Forty-two patients received LDN and 21 received placebo."))
    assert st["n_enrolled"] == 63
    st = study(title, ("METHODS", "Thirty women with fibromyalgia and thirty pain-free women "
                                  "attended two sessions."))
    assert st["n_enrolled"] == 60
    st = study("Naltrexone and cytokine release from monocytes in fibromyalgia", ("METHODS",
        "Monocytes were isolated from 18 women with fibromyalgia and 18 healthy women."))
    assert st["n_enrolled"] == 36
    st = study("Low-dose naltrexone versus topiramate: a non-randomised comparison", ("RESULTS",
        "Forty-six patients chose LDN and 52 chose topiramate."))
    assert st["n_enrolled"] == 98
    # a subset after an enrolment is not a second group
    st = study(title, ("RESULTS", "Fifteen patients were enrolled and 14 received all infusions."))
    assert st["n_enrolled"] == 15


def test_allocated_arms_and_the_randomised_named_as_a_base_are_counted() -> None:
    title = "Titrated low-dose naltrexone for painful diabetic neuropathy: a randomized trial"
    st = study(title, ("RESULTS", "Of 141 patients screened, 34 were allocated to naltrexone and "
                                  "33 to placebo; 60 completed the trial."))
    assert (st["n_enrolled"], st["n_analyzed"]) == (67, 60)
    st = study(title, ("RESULTS", "Twenty-one of the 24 randomized participants completed both "
                                  "periods and were analysed."))
    assert (st["n_enrolled"], st["n_analyzed"]) == (24, 21)


def test_equivalence_or_non_inferiority_shown_is_positive() -> None:
    title = "A proposed adalimumab biosimilar versus reference adalimumab: a randomised equivalence trial"
    st = study(title, ("CONCLUSIONS", "The biosimilar was equivalent to reference adalimumab in "
                                      "efficacy, with comparable safety."))
    assert st["result"] == "positive"
    # the same words in a superiority trial are a null result; not shown is negative
    st = study("Yoga versus physiotherapy for low back pain: a randomised superiority trial",
               ("CONCLUSIONS", "Yoga had efficacy comparable to physiotherapy."))
    assert st["result"] != "positive"
    st = study(title, ("CONCLUSIONS", "Non-inferiority of the biosimilar was not shown."))
    assert st["result"] == "negative"
    # shown, beside a harm in another conclusion: mixed
    st = study("Febuxostat or allopurinol in gout: a randomized non-inferiority trial",
               ("CONCLUSIONS", "Febuxostat was noninferior to allopurinol for cardiovascular "
                "events. All-cause mortality was higher with febuxostat than with allopurinol."))
    assert st["result"] == "mixed"


def test_harm_without_benefit_and_an_unoffset_shortfall_are_negative() -> None:
    title = "Transdermal buprenorphine for osteoarthritis pain: a randomised placebo-controlled trial"
    for conclusion in (
        "Buprenorphine more than doubled the risk of falls without a demonstrable analgesic "
        "benefit.",
        "LDN was not shown to be noninferior to duloxetine, and its better tolerability does not "
        "offset the smaller reduction in pain.",
    ):
        assert study(title, ("CONCLUSIONS", conclusion))["result"] == "negative", conclusion
    st = study(title, ("CONCLUSIONS", "Buprenorphine reduced pain without significant side effects."))
    assert st["result"] == "positive"


def test_a_harm_during_an_infusion_named_in_a_case_title_is_negative() -> None:
    st = study("Generalized tonic-clonic seizure during an outpatient intravenous lidocaine "
               "infusion for fibromyalgia: a case report", ("CASE", "A 46-year-old woman "
               "received lidocaine 5 mg/kg over 60 minutes."))
    assert (st["design"], st["result"]) == ("case_report", "negative")


def test_less_effective_unsustained_and_extension_gains_and_tolerability_nulls() -> None:
    title = "Low-dose naltrexone versus topiramate in chronic migraine: a randomised trial"
    cases = (
        ("LDN was less effective than topiramate in reducing headache days but was better "
         "tolerated.", "negative"),
        ("LDN produced no average benefit, although a small number of individuals may have "
         "benefited.", "negative"),
        ("Naltrexone was not superior to placebo during the controlled phase; the improvements "
         "seen during the uncontrolled extension should be interpreted with caution.", "negative"),
        ("Early improvement with LDN was common but frequently not sustained beyond the first "
         "year.", "mixed"),
        ("Subcutaneous methotrexate was more effective than oral methotrexate, with no "
         "difference in tolerability.", "positive"),
    )
    for conclusion, want in cases:
        assert study(title, ("CONCLUSIONS", conclusion))["result"] == want, conclusion


def test_interviews_nested_in_a_masked_trial_are_not_masked_or_placebo_controlled() -> None:
    st = study("'I wanted it to work': a qualitative interview study nested in a randomised, "
               "double-blind, placebo-controlled trial of low-dose naltrexone", ("METHODS",
               "We interviewed 21 trial participants after unblinding."), ("CONCLUSIONS",
               "Participants valued being believed."))
    assert (st["design"], st["randomized"], st["blinding"], st["placebo_controlled"],
            st["result"]) == ("other", False, "open", False, None)


def test_an_animal_cell_line_indexed_under_animals_is_in_vitro() -> None:
    art = record("Immunometabolic role of naltrexone in BV-2 microglia cells", (None,
        "We studied the murine microglial cell line BV-2 exposed to naltrexone alone or with "
        "lipopolysaccharide in vitro. Naltrexone reduced cytokine release."))
    art.mesh_terms = ["Animals", "Mice", "Cell Line", "Microglia"]
    assert extract_study(art).study["design"] == "in_vitro"
    art.mesh_terms = ["Animals", "Mice"]
    art.abstract_sections = [AbstractSection(None, None, "Mice received naltrexone 1 mg/kg daily.")]
    art.abstract = art.abstract_sections[0].text
    assert extract_study(art).study["design"] == "animal"


def test_one_patient_named_in_the_title_and_the_text_is_a_case_report() -> None:
    st = study("Low-dose naltrexone for CRPS of the foot in a 15-Year-Old: A Case Report", (None,
        "We report a 15-year-old girl who developed CRPS after an ankle sprain. Naltrexone was "
        "started at 0.5 mg at night and increased to 3 mg."))
    assert (st["design"], st["n_enrolled"]) == ("case_report", 1)


def test_harm_reports_and_successes_named_in_case_titles() -> None:
    for title in ("Thyrotoxicosis after starting low-dose naltrexone in a woman with Hashimoto "
                  "thyroiditis", "Spinal cord infarction after cervical transforaminal epidural "
                  "injection of triamcinolone: a case report"):
        st = study(title, ("CASE", "A 44-year-old woman was treated. She recovered."),
                   types=["Case Reports"])
        assert (st["design"], st["result"]) == ("case_report", "negative"), title
    st = study("Sustained relief of refractory postherpetic neuralgia with low-dose naltrexone: "
               "three cases")
    assert (st["design"], st["n_enrolled"], st["result"]) == ("case_series", 3, "positive")


def test_a_history_on_another_drug_is_not_treatment_time() -> None:
    st = study("Thyrotoxicosis after starting low-dose naltrexone: a case report", ("CASE",
        "A 44-year-old woman had been euthyroid on levothyroxine 125 mcg daily for 6 years. She "
        "started naltrexone 3 mg nightly."), types=["Case Reports"])
    assert st["duration_weeks"] is None


def test_arm_size_times_the_listed_arms() -> None:
    title = "Low-dose naltrexone in collagen-induced arthritis in mice"
    st = study(title, (None, "Mice were treated daily with naltrexone 0.1 mg/kg (low dose), "
               "naltrexone 10 mg/kg (high dose) or saline for 21 days (n = 12 per group)."))
    assert st["n_enrolled"] == 36
    # a placebo that is itself a drug is one arm, and a stated head count wins
    st = study("S-ketamine infusion for fibromyalgia: a randomized trial", (None,
        "Twenty-four patients received S-ketamine 0.5 mg/kg or the active placebo midazolam "
        "5 mg (n = 12 per group)."))
    assert st["n_enrolled"] == 24


def test_class_harm_in_cohorts_and_matched_controls_of_a_case_control_study() -> None:
    st = study("Gabapentinoids and risk for severe exacerbation in COPD: a population-based "
               "cohort study", ("RESULTS", "The matched cohort comprised 13 671 gabapentinoid "
               "users and 13 671 nonusers."), ("CONCLUSION", "Gabapentinoid use was associated "
               "with a modestly increased risk for severe exacerbation."))
    assert (st["design"], st["result"]) == ("cohort", "negative")
    st = study("Gabapentinoid use and risk of incident heart failure: a nested case-control study",
               ("RESULTS", "From a cohort of 84,213 patients we identified 3,416 cases and matched "
                           "them with 13,664 controls."))
    assert (st["design"], st["n_enrolled"]) == ("case_control", 17080)


def test_a_design_limitation_beside_a_finding_is_not_an_unclear_result() -> None:
    title = "An intensive interdisciplinary programme for chronic migraine: a single-arm study"
    st = study(title, ("CONCLUSIONS", "The programme was followed by large and sustained "
               "reductions in headache days. Without a control group, the contribution of each "
               "component cannot be determined."))
    assert st["result"] == "positive"
    st = study(title, ("CONCLUSIONS", "Its value cannot be determined from this study."))
    assert st["result"] == "unclear"


def test_the_new_cues_leave_ordinary_sentences_alone() -> None:
    # found by review: each of these was misread by a first version of a rule above
    trial = ("METHODS", "Patients were randomized to LDN or placebo.")
    assert study("LDN for fibromyalgia: a randomized trial with an uncontrolled open-label "
                 "extension", trial)["design"] == "rct_parallel"
    assert study("LDN for fibromyalgia", ("METHODS", "In this randomized, placebo-controlled "
                 "trial, 60 patients with uncontrolled pain received LDN or placebo."))["design"] \
        == "rct_parallel"
    assert study("Low-dose naltrexone: a new hope for patients")["design"] == "commentary"
    assert study("Lack of relief of pain with low-dose naltrexone")["result"] != "positive"
    title = "Low-dose naltrexone for fibromyalgia: a randomised trial"
    for conclusion in ("LDN was no less effective than standard therapy.",
                       "LDN doubled the rate of remission.",
                       "The mild adverse effects did not outweigh the benefit of LDN.",
                       "LDN significantly reduced pain; side effects were variable."):
        assert study(title, ("CONCLUSIONS", conclusion))["result"] == "positive", conclusion
    assert study(title, ("CONCLUSIONS", "Pain improved while on therapy, but no significant "
                 "difference from placebo was observed."))["result"] == "mixed"
    # a procedure the patients had before is no one-off treatment of this study
    assert study("Opioid use after spine surgery: a randomized trial", ("METHODS",
                 "Patients took the capsules over 12 weeks."))["duration_weeks"] == 12.0
    # "similar" that is not efficacy does not show non-inferiority
    assert study("Naltrexone versus buprenorphine: a randomized non-inferiority trial",
                 ("CONCLUSIONS", "Retention was similar at 4 weeks, but naltrexone had higher "
                  "relapse overall."))["result"] != "positive"


def test_guideline_recommendations_absent_harm_and_osteonecrosis_from_set_x() -> None:
    st = study("EULAR revised recommendations for the management of fibromyalgia", ("CONCLUSIONS",
               "The recommendations should guide management, starting with exercise."))
    assert (st["design"], st["result"]) == ("other", None)
    st = study("Is long-term high-intensity exercise safe in rheumatoid arthritis? A randomized "
               "controlled trial", ("CONCLUSIONS", "The programme improved functional ability "
               "and did not increase disease activity or damage of the small joints."))
    assert st["result"] == "positive"
    st = study("Bilateral osteonecrosis of the femoral heads after repeated epidural "
               "glucocorticoid injections in a 58-year-old man")
    assert (st["design"], st["result"]) == ("case_report", "negative")
    # a title alone naming a harm after a treatment is a harm report (set W)
    st = study("Hypnopompic hallucinations after starting low-dose naltrexone")
    assert (st["design"], st["n_enrolled"], st["result"]) == ("case_report", 1, "negative")


def test_a_shams_response_or_an_unexcluded_benefit_after_a_null_is_no_benefit() -> None:
    title = "High-frequency spinal cord stimulation: a randomized sham-controlled crossover study"
    for later in ("The sizeable response to sham stimulation underlines the importance of placebo "
                  "control.", "The trial was powered to detect a 1-point difference, so a "
                  "smaller benefit cannot be excluded."):
        st = study(title, ("CONCLUSIONS", "Stimulation was not superior to sham. " + later))
        assert st["result"] == "negative", later
    st = study(title, ("CONCLUSIONS", "Stimulation was not superior to sham. It reduced "
                                      "analgesic use."))
    assert st["result"] == "mixed"


# --- conditions -----------------------------------------------------------------------------------

def test_the_title_condition_is_the_primary_condition() -> None:
    st = study("Low-dose naltrexone in women with fibromyalgia: a pilot study", ("METHODS",
        "Women with fibromyalgia, some with comorbid migraine or irritable bowel syndrome, took "
        "LDN 4.5 mg for 8 weeks."))
    assert st["primary_conditions"] == ["fibromyalgia"]
    assert "headache_migraine" in st["conditions"]


def test_a_mixed_chronic_pain_population_has_no_primary_condition() -> None:
    st = study("Low-dose naltrexone for chronic pain at a single institution: a case series",
               ("RESULTS", "Of 137 patients with fibromyalgia, complex regional pain syndrome, "
                           "diabetic neuropathy or chronic low back pain, 70 took LDN."))
    assert len(st["conditions"]) >= 3
    assert st["primary_conditions"] == ["chronic_pain"]


def test_one_pain_condition_named_only_in_the_abstract_is_primary() -> None:
    st = study("Low-dose naltrexone: an open-label pilot", ("METHODS",
        "Thirty patients with painful diabetic neuropathy received LDN 4.5 mg nightly."))
    assert st["primary_conditions"] == ["diabetic_neuropathy"]


def test_neuropathic_pains_named_by_their_cause_are_neuropathic_pain() -> None:
    """Polyneuropathy, central post-stroke pain, phantom limb pain and a drug-induced neuropathy
    are neuropathic pain; 'central pain processing' is not a condition, nor is 'CPSP' (also
    chronic post-surgical pain)."""
    for title, cid in (
        ("Low-dose naltrexone for painful HIV-associated distal sensory polyneuropathy", "neuropathic_pain"),
        ("Add-on naltrexone for central post-stroke pain: a case report", "neuropathic_pain"),
        ("Mirror therapy for chronic phantom limb pain after amputation", "neuropathic_pain"),
        ("Naltrexone to prevent oxaliplatin-induced peripheral neuropathy",
         "chemotherapy_induced_neuropathy"),
    ):
        st = study(title, ("METHODS", "Adults were treated for 8 weeks."))
        assert cid in st["primary_conditions"], title
    st = study("Low-dose naltrexone and central pain processing in healthy volunteers",
               ("RESULTS", "Risk of chronic postsurgical pain (CPSP) was recorded."))
    assert "neuropathic_pain" not in st["conditions"]


def test_newer_names_of_back_and_joint_conditions_are_recognised() -> None:
    st = study("Low-dose naltrexone for persistent spinal pain syndrome type 2: a pilot trial",
               ("METHODS", "Adults with pain after lumbar surgery took LDN."))
    assert st["primary_conditions"] == ["low_back_pain"]
    st = study("Low-dose naltrexone for persistent pain in juvenile idiopathic arthritis",
               ("METHODS", "Adolescents with JIA took LDN."))
    assert st["primary_conditions"] == ["juvenile_idiopathic_arthritis"]


def test_other_chronic_pain_conditions_and_common_naltrexone_uses_have_ids() -> None:
    """Pain conditions outside the four claims, and the other conditions naltrexone is studied in,
    are named in ``conditions`` (so an analyst can select them), each from its own wording."""
    for title, cid in (
        ("Low-dose naltrexone for abdominal pain in irritable bowel syndrome", "irritable_bowel_syndrome"),
        ("Gabapentin for chronic pelvic pain in women: a randomised trial", "chronic_pelvic_pain"),
        ("Low-dose naltrexone for provoked vestibulodynia: an open-label pilot", "chronic_pelvic_pain"),
        ("Strength training for chronic neck pain in office workers", "neck_pain"),
        ("Laser therapy for chronic myofascial temporomandibular disorder pain", "orofacial_pain"),
        ("Very low dose naltrexone in methadone detoxification: a randomized trial", "opioid_use_disorder"),
        ("Naltrexone augmentation of nicotine replacement for smoking cessation", "tobacco_use_disorder"),
        ("Bupropion and naltrexone in methamphetamine use disorder", "stimulant_use_disorder"),
        ("Naltrexone-bupropion for weight loss in adults with obesity", "obesity"),
        ("Low-dose naltrexone for pain in Sjögren's disease: a randomized trial", "sjogrens_disease"),
        ("Low-dose naltrexone for musculoskeletal pain in systemic lupus erythematosus", "lupus"),
        ("Oral prednisolone for acute gout: a randomised trial", "gout"),
        ("Low-dose naltrexone in Hashimoto's thyroiditis on levothyroxine", "hashimotos_thyroiditis"),
        ("Exenatide once weekly versus placebo in Parkinson's disease", "parkinsons_disease"),
        ("Aggregated n-of-1 trials of naltrexone in chronic primary pain", "chronic_pain"),
    ):
        st = study(title, ("METHODS", "Adults were treated for 12 weeks."))
        assert cid in st["conditions"], title


def test_back_pain_of_axial_spondyloarthritis_is_that_disease_not_low_back_pain() -> None:
    st = study("Low-dose naltrexone for persistent back pain in axial spondyloarthritis",
               ("METHODS", "Patients with axSpA and back pain took LDN 4.5 mg."))
    assert "ankylosing_spondylitis" in st["primary_conditions"]
    assert "low_back_pain" in st["conditions"] and "low_back_pain" not in st["primary_conditions"]
    st = study("Low-dose naltrexone for chronic low back pain with comorbid fibromyalgia",
               ("METHODS", "Adults took LDN."))
    assert st["primary_conditions"] == ["low_back_pain"]
    st = study("Low-dose naltrexone in fibromyalgia and chronic low back pain",
               ("METHODS", "Adults took LDN."))
    assert set(st["primary_conditions"]) == {"fibromyalgia", "low_back_pain"}


def test_a_cohort_named_as_the_source_of_the_data_is_a_cohort() -> None:
    st = study("LOW-DOSE NALTREXONE FOR RESIDUAL PAIN IN RHEUMATOID ARTHRITIS: REAL-WORLD DATA "
               "FROM A SWISS MULTICENTRE COHORT",
               ("METHODS", "Patients who started LDN were included. Pain was compared between "
                           "the start and the 6-month visit."),
               ("RESULTS", "Eighty-seven patients started LDN; pain decreased (p=0.003)."))
    assert st["design"] == "cohort"
    st = study("Low-dose naltrexone for residual pain in rheumatoid arthritis",
               ("METHODS", "Patients with RA who started LDN between 2019 and 2023 were "
                           "included; pain was compared between the start and 6 months."))
    assert st["design"] == "cohort"


def test_efficacy_not_established_and_a_treatments_lesser_improvement_are_negative() -> None:
    for conclusion in (
        "Vagus nerve stimulation was safe and well tolerated, but its efficacy was not established in "
        "the randomized phase.",
        "Starting long-term opioid therapy was associated with less improvement in fibromyalgia impact.",
        "Gabapentinoids for chronic low back pain are associated with a significant risk of adverse "
        "events without any demonstrated benefit.",
    ):
        st = study("Treatments for chronic pain: a randomized sham-controlled pilot",
                   ("METHODS", "Sixty patients were randomly assigned to treatment or sham."),
                   ("RESULTS", "Pain fell by 1.4 and 0.2 points, respectively (P = 0.56)."),
                   ("CONCLUSIONS", conclusion))
        assert st["result"] == "negative", conclusion
    # a patient trait's lesser improvement says nothing against the treatment
    st = study("Low-dose naltrexone for chronic pain: a case series",
               ("RESULTS", "Sixty of 70 patients reported relief with LDN (p = 0.01)."),
               ("CONCLUSIONS", "Most patients obtained relief; older age was associated with less "
                               "improvement."))
    assert st["result"] != "negative"


def test_null_associations_unproven_treatments_and_reassuring_safety_studies() -> None:
    st = study("Low-dose naltrexone and recovery from long COVID: a propensity-matched cohort study",
               ("METHODS", "Patients who started LDN were matched 1:1 to patients who did not."),
               ("CONCLUSIONS", "Starting LDN was not associated with greater recovery at 6 months."))
    assert st["result"] == "negative"
    st = study("Drugs for fatigue in post-COVID-19 condition: a living systematic review",
               ("METHODS", "We searched MEDLINE and Embase for randomised trials."),
               ("CONCLUSIONS", "No pharmacological treatment, including LDN, has yet been shown to "
                               "reduce fatigue in randomised trials."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone and risk of acute liver injury: a nested case-control study",
               ("RESULTS", "We included 2,968 cases and 29,680 controls."),
               ("CONCLUSIONS", "We found no association between LDN and acute liver injury, which "
                               "supports its hepatic safety."))
    assert st["result"] == "positive"
    st = study("[Rapid improvement of refractory prurigo nodularis with low-dose naltrexone: a case report].")
    assert (st["design"], st["result"]) == ("case_report", "positive")


def test_a_laboratory_study_whose_title_states_its_finding_is_positive_despite_its_controls() -> None:
    st = study("Low-dose naltrexone reverses muscle hyperalgesia in a mouse model of widespread pain",
               (None, "Mice received acid injections and then low-dose naltrexone or saline. Naltrexone "
                      "reversed mechanical hyperalgesia (p < 0.01). TLR4-knockout mice still developed "
                      "hyperalgesia but did not respond to low-dose naltrexone."))
    assert st["design"] == "animal"
    assert st["result"] == "positive"
    st = study("Neither low-dose nor high-dose naltrexone prevents paclitaxel-induced allodynia in mice",
               (None, "Mice received paclitaxel and naltrexone or saline. Allodynia did not differ "
                      "between groups (p = 0.4)."))
    assert st["result"] == "negative"


def test_safety_findings_written_with_harm_words_and_a_fall_in_pain_are_read() -> None:
    st = study("Adverse effects of low-dose naltrexone in fibromyalgia: a retrospective cohort",
               ("RESULTS", "Of 214 patients, 31% reported vivid dreams."),
               ("CONCLUSIONS", "LDN caused mostly mild sleep-related effects and no serious harm in "
                               "this cohort."))
    assert st["result"] == "positive"
    st = study("Adverse events with low-dose naltrexone: a systematic review and meta-analysis",
               ("RESULTS", "Withdrawal due to adverse events did not differ (RR 1.21, 95% CI 0.78-1.88)."),
               ("CONCLUSIONS", "LDN is not associated with an increase in serious adverse events or "
                               "treatment discontinuation."))
    assert st["result"] == "positive"
    st = study("Low-dose naltrexone for persistent pain in rheumatoid arthritis: a single-blind pilot",
               ("RESULTS", "DAS28-CRP and CRP did not change."),
               ("CONCLUSION", "LDN was associated with a clinically relevant fall in pain without "
                              "change in inflammatory activity."))
    assert st["result"] == "positive"


def test_no_more_relief_than_sham_and_an_unsupported_use_are_not_benefits() -> None:
    st = study("Vertebroplasty versus sham procedure for painful vertebral fractures: a randomised trial",
               ("RESULTS", "Pain fell in both groups (P = 0.43)."),
               ("CONCLUSIONS", "Vertebroplasty did not give statistically significantly more pain "
                               "relief than a sham procedure during 12 months of follow-up."))
    assert st["result"] == "negative"
    st = study("Repeated intravenous lidocaine in refractory fibromyalgia: an open-label study",
               ("RESULTS", "Pain fell from 7.1 to 5.2 after the fourth infusion (p = 0.01)."),
               ("CONCLUSIONS", "Routine use of repeated lidocaine infusions in fibromyalgia is not "
                               "supported by these data."))
    assert st["result"] != "positive"


def test_neither_dose_reduced_pain_dose_arms_summed_and_title_only_findings() -> None:
    st = study("Naltrexone 3 mg and 4.5 mg versus placebo for chronic low back pain: a crossover trial",
               ("RESULTS", "Thirty-six participants were randomized. Mean pain was 5.3 on placebo, "
                           "5.1 on 3 mg (P = .41) and 5.0 on 4.5 mg (P = .22)."),
               ("DISCUSSION", "Neither 3 mg nor 4.5 mg of naltrexone reduced chronic low back pain "
                              "compared with placebo over 4 weeks."))
    assert st["result"] == "negative"
    st = study("Low-dose versus standard-dose triamcinolone for knee pain: a randomized trial",
               ("RESULTS", "Fifty patients were allocated to 20 mg and 48 to 40 mg."))
    assert st["n_enrolled"] == 98
    st = study("Pulsed radiofrequency of the genicular nerves is no better than sham for chronic knee "
               "osteoarthritis pain: a randomized, double-blind trial in 76 patients")
    assert st["result"] == "negative"
    st = study("Duloxetine reduces pain in chemotherapy-induced neuropathy: a randomized trial")
    assert st["result"] == "positive"
    st = study("Efficacy of duloxetine in chemotherapy-induced neuropathy: a randomized trial")
    assert st["result"] is None


def test_n_of_1_trials_are_crossovers_and_parturients_are_people() -> None:
    st = study("Low-dose naltrexone for neuropathic leg pain: a double-blind, placebo-controlled n-of-1 trial",
               ("METHODS", "A woman undertook three pairs of 3-week periods; naltrexone or placebo "
                           "were given in random order."))
    assert st["design"] == "rct_crossover"
    st = study("Prophylactic nalmefene for pruritus after intrathecal morphine: a meta-analysis",
               ("METHODS", "We searched PubMed and Embase for randomised controlled trials."),
               ("RESULTS", "Eleven trials with 1,046 parturients were included."))
    assert st["n_enrolled"] == 1046


def test_conditions_of_excluded_people_are_not_the_populations() -> None:
    st = study("Low-dose naltrexone for chronic pain: an open-label pilot",
               ("METHODS", "Adults with fibromyalgia were enrolled; patients with opioid use disorder "
                           "or who had attempted smoking cessation were excluded."))
    assert "fibromyalgia" in st["conditions"]
    assert "opioid_use_disorder" not in st["conditions"]
    assert "tobacco_use_disorder" not in st["conditions"]


def test_pooled_participants_in_brackets_people_with_a_condition_and_interviewed_gps() -> None:
    st = study("Anticonvulsants for low back pain: a systematic review and meta-analysis",
               ("METHODS", "We searched MEDLINE and Embase for randomised trials."),
               ("RESULTS", "Nine trials (859 participants) were included. Of these, four trials "
                           "(312 participants) compared gabapentin with placebo."))
    assert st["n_enrolled"] == 859
    st = study("Pain neuroscience education for chronic spinal pain: a randomized clinical trial",
               ("METHODS", "Of 249 patients screened, 120 with nonspecific chronic spinal (neck or "
                           "low back) pain were randomised."))
    assert st["n_enrolled"] == 120
    st = study("General practitioners' views on prescribing low-dose naltrexone: a qualitative study",
               ("METHODS", "Semi-structured interviews were conducted with 21 GPs between October "
                           "2022 and April 2023."))
    assert st["n_enrolled"] == 21


def test_infusions_of_a_day_or_two_are_timed_in_hours_but_time_points_are_not() -> None:
    st = study("Ultra-low-dose naltrexone added to morphine patient-controlled analgesia: a randomized trial",
               ("METHODS", "Patients were randomized to morphine PCA with naltrexone 0.25 ug/kg/h or "
                           "morphine alone; the infusion was continued for 48 hours."))
    assert st["duration_weeks"] is not None and abs(st["duration_weeks"] - 48 / 168) < 0.01
    st = study("Inhaled cannabis for painful diabetic neuropathy: a crossover trial",
               ("METHODS", "Pain was rated 2 hours after each of four randomized inhalation sessions."))
    assert st["duration_weeks"] is None


def test_a_second_arm_written_without_its_verb_is_summed() -> None:
    st = study("Low-dose naltrexone versus amitriptyline in fibromyalgia: a retrospective cohort study",
               ("RESULTS", "Eighty-seven patients started LDN and 125 amitriptyline."))
    assert st["n_enrolled"] == 212
    st = study("Warm-water exercise versus home exercise for fibromyalgia: a controlled trial",
               ("RESULTS", "Forty-six women entered the pool group and thirty-nine the home group."))
    assert st["n_enrolled"] == 85
    st = study("Low-dose naltrexone in fibromyalgia: an open-label study",
               ("RESULTS", "Forty patients started LDN and 12 withdrew."))
    assert st["n_enrolled"] == 40


# --- robustness -----------------------------------------------------------------------------------

def test_mangled_abstracts_always_give_rows_that_fit_the_schemas() -> None:
    """Truncated, shuffled, upper-cased, unicode-laden or markup-strewn abstracts of the labelled
    corpora never crash extraction, and every row fits the studies and outcomes schemas."""
    import random
    from pathlib import Path

    from ldn_review.parse import iter_records
    from ldn_review.tables import rows_to_table

    root = Path(__file__).resolve().parents[1]
    files = sorted((root / "benchmarks" / "corpora").glob("*/corpus.xml"))
    articles = [a for a in iter_records(files) if isinstance(a, Article)][:200]
    assert len(articles) == 200
    rng = random.Random(7)
    odd = ["\u00b1", "\u2264", "\u2009", "\u00a0", "&lt;", "(n =", "p < .", "1,0", "- ", "\u03bcg",
           "[", ")", "4.5 mg/", "N=", "\ufeff", "\u200b", ";", ":"]
    studies, outcomes = [], []
    for i, art in enumerate(articles):
        text = art.abstract or ""
        words = text.split()
        if i % 4 == 0:
            words = words[: rng.randrange(len(words) + 1)]
        elif i % 4 == 1:
            rng.shuffle(words)
        elif i % 4 == 2:
            words = [w.upper() if rng.random() < 0.3 else w for w in words]
        for _ in range(5):
            words.insert(rng.randrange(len(words) + 1), rng.choice(odd))
        mangled = " ".join(words)
        ex = extract_study(Article(pmid=art.pmid, title=art.title, abstract=mangled,
                                   abstract_sections=[AbstractSection(None, None, mangled)]))
        studies.append(ex.study)
        outcomes.extend(ex.outcomes)
    assert rows_to_table("studies", studies).num_rows == 200
    if outcomes:
        rows_to_table("outcomes", outcomes)


# --- durations, comparators and results beside eligibility and safety wording ---------------------

def test_an_eligibility_minimum_does_not_outrank_the_stated_treatment_time() -> None:
    st = study("Low-dose naltrexone for chronic knee osteoarthritis pain: a randomized trial",
               ("METHODS", "Those reporting average pain of 4/10 or more for at least 6 months "
                "were randomly assigned to naltrexone 4.5 mg or placebo nightly for 10 weeks."),
               ("RESULTS", "Forty-four participants were randomized."))
    assert st["duration_weeks"] == 10.0


def test_recruitment_periods_prior_treatment_and_how_long_a_benefit_lasted_are_not_durations() -> None:
    st = study("Naltrexone in chronic pancreatitis pain: a randomised placebo-controlled pilot",
               ("RESULTS", "Over 14 months, 120 patients were screened and 36 were randomised to "
                "naltrexone 3 mg or placebo."),
               ("RESULTS", "Treatment periods of 5 weeks each were separated by a washout."))
    assert st["duration_weeks"] == 5.0
    case = study("Low-dose naltrexone for burning mouth syndrome: a case report",
                 (None, "Despite 8 months of clonazepam, a 62-year-old woman had daily burning pain. "
                  "Naltrexone 3 mg at night was started. Over 3 months her pain fell to 2/10, and "
                  "she has maintained this improvement for 18 months."))
    assert case["duration_weeks"] == 13.04


def test_a_blinded_phase_after_an_open_run_in_is_the_treatment_time() -> None:
    st = study("Durability of gabapentin enacarbil in restless legs: a randomized withdrawal trial",
               ("METHODS", "A 4-week open-label phase was followed by 20 weeks of double-blind "
                "treatment with gabapentin enacarbil or placebo."))
    assert st["duration_weeks"] == 20.0


def test_a_vehicle_is_a_placebo_and_dummy_placebos_or_calls_for_one_are_not() -> None:
    vehicle = study("Topical amitriptyline cream in neuropathic pain: a randomized crossover trial",
                    ("METHODS", "Thirty patients applied amitriptyline 5% cream or a vehicle "
                     "cream, each for 2 weeks, in a vehicle-controlled crossover design."))
    assert vehicle["placebo_controlled"] is True
    dummy = study("Duloxetine versus pregabalin in painful neuropathy: a randomized double-blind trial",
                  ("METHODS", "In a double-blind, double-dummy trial, 80 patients took duloxetine "
                   "60 mg or pregabalin 300 mg, each with placebo of the other drug."))
    assert dummy["placebo_controlled"] is False
    pilot = study("Low-dose naltrexone for vulvodynia: an open-label pilot study",
                  ("METHODS", "Twelve women took LDN 4.5 mg nightly for 8 weeks."),
                  ("CONCLUSIONS", "Pain fell by half. A randomized placebo-controlled trial is "
                   "justified."))
    assert pilot["placebo_controlled"] is False


def test_a_non_placebo_controlled_study_is_not_a_controlled_design() -> None:
    st = study("Naltrexone in cholestatic itch: an open, non-placebo-controlled study in 64 patients",
               ("METHODS", "In an open, non-placebo-controlled study, 64 patients with itch "
                "received naltrexone 50 mg daily."))
    assert st["design"] != "nonrandomized_controlled"
    assert st["placebo_controlled"] is False


def test_safety_like_placebo_and_better_tolerability_are_not_efficacy_findings() -> None:
    positive = study("Galcanezumab for episodic cluster headache: a randomized placebo-controlled trial",
                     ("RESULTS", "106 patients were randomized."),
                     ("CONCLUSIONS", "Galcanezumab reduced weekly attack frequency, with a safety "
                      "profile similar to placebo."))
    assert positive["result"] == "positive"
    negative = study("Low-dose versus standard-dose naltrexone in chronic itch: a randomized trial",
                     ("RESULTS", "Forty patients were randomized."),
                     ("CONCLUSIONS", "Low-dose naltrexone was not superior to standard-dose "
                      "naltrexone, although it was better tolerated."))
    assert negative["result"] == "negative"


def test_a_title_only_case_report_of_a_successful_treatment_is_positive() -> None:
    assert study("Successful treatment of Hailey-Hailey disease with low-dose naltrexone: "
                 "a case report")["result"] == "positive"
    assert study("Low-dose naltrexone in Hailey-Hailey disease: a case report")["result"] is None


def test_the_patient_base_of_a_number_needed_to_treat_is_no_head_count() -> None:
    st = study("Pregabalin in central neuropathic pain: a randomized trial",
               (None, "Patients received pregabalin or placebo for 12 weeks. The number needed to "
                "treat to obtain one patient with 50% relief was 3.5."))
    assert st["n_enrolled"] is None


def test_event_counts_with_shares_are_not_group_sizes_and_sites_are_not_people() -> None:
    st = study("Colchicine in hospitalised adults with community-acquired pneumonia",
               ("METHODS", "Four regional outpatient research clinics."),
               ("RESULTS", "A total of 812 patients were assigned to colchicine and 790 to usual care."),
               ("RESULTS", "Within 28 days after randomisation, 96 patients (11.8%) in the colchicine "
                "group and 104 (13.2%) in the usual-care group had died."))
    assert st["n_enrolled"] == 1602


def test_the_remaining_patients_are_a_subgroup() -> None:
    st = study("Faecal transplant for recurrent infection: a randomized open-label trial",
               ("RESULTS", "Of 22 patients in the transplant group, 18 had resolution after one "
                "infusion. The 4 remaining patients received a second infusion."))
    assert st["n_enrolled"] != 4


def test_outcome_assessors_blinded_in_words_make_a_single_blind_trial() -> None:
    for sentence in ("Pain was assessed by physiotherapists masked to allocation.",
                     "Falls were adjudicated in a blinded fashion.",
                     "Disability was measured by interviewers unaware of group assignment."):
        st = study("Exercise for chronic neck pain: a randomized trial",
                   ("METHODS", "Patients were randomly assigned to exercise or advice. Patients "
                    "were not masked. " + sentence))
        assert st["blinding"] == "single", sentence
    assert study("Exercise for chronic neck pain: a randomized trial protocol",
                 ("METHODS", "Patients will be randomly assigned to exercise or advice. Patients "
                  "and physiotherapists will not be blinded."))["blinding"] == "open"


def test_drug_name_suffixes_of_aromatase_inhibitors_own_their_doses() -> None:
    st = study("Low-dose naltrexone for aromatase inhibitor arthralgia: a randomized trial",
               ("METHODS", "Women taking letrozole 2.5 mg or anastrozole 1 mg daily were randomized "
                "to naltrexone 4.5 mg or placebo for 8 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)


def test_the_opening_of_a_case_presentation_is_the_case_not_background() -> None:
    st = study("Hepatitis after starting low-dose naltrexone for fibromyalgia",
               (None, "A woman in her early 60s with fibromyalgia started naltrexone 1.5 mg at "
                "night, increased to 3 mg after 2 weeks. Five weeks later she presented with "
                "jaundice. This case suggests that liver injury can occur at low doses."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 3.0)


def test_a_benefit_seen_after_the_drug_but_not_after_placebo_is_positive() -> None:
    st = study("Intravenous magnesium in acute migraine: a randomized crossover trial",
               ("RESULTS", "Twelve patients were randomized. Headache scores fell significantly "
                "within two hours after magnesium but not after placebo infusion (P = .01)."))
    assert st["result"] == "positive"


def test_better_than_one_comparator_but_not_another_is_mixed() -> None:
    st = study("Pilates, walking or an education booklet for chronic neck pain: a randomized trial",
               ("RESULTS", "Ninety patients were randomized."),
               ("CONCLUSIONS", "Pilates was more effective than the booklet, but not more effective "
                "than walking, for reducing neck disability."))
    assert st["result"] == "mixed"


def test_two_active_drugs_not_differing_in_a_review_leaves_their_benefit_standing() -> None:
    st = study("Drugs for opioid use disorder: a systematic review and meta-analysis",
               ("CONCLUSIONS", "Both buprenorphine and methadone were associated with a reduction in "
                "illicit opioid use. When trials directly compared these two drugs, no "
                "significant difference was found."))
    assert st["result"] == "positive"


def test_adverse_events_are_read_as_a_comparison_of_harm() -> None:
    def ae_result(text: str) -> str:
        rows = extract_study(record("Low-dose naltrexone in chronic pain: a randomized trial",
                                    ("RESULTS", text))).outcomes
        return next(r["result"] for r in rows if r["domain"] == "adverse_events")

    assert ae_result("Side effects, mainly vivid dreams, were more common with LDN than with "
                     "placebo.") == "worsened"
    assert ae_result("Adverse events were more frequent in the placebo group.") == "improved"
    assert ae_result("Adverse events did not differ between groups.") == "no_difference"
    assert ae_result("Side effects were more common with amitriptyline.") == "improved"
    assert ae_result("Fewer adverse events occurred with naltrexone.") == "improved"
    assert ae_result("Fewer adverse events occurred with placebo.") == "worsened"
    # naming the commonest side effect compares nothing, and it is no benefit either
    assert ae_result("Headache, reported by five patients, was the most frequent side effect, "
                     "and pain improved significantly.") == "unclear"


# --- counts and durations found on sets I and J (2026-12-01) ---------------------------------------

def test_people_assessed_for_eligibility_are_not_the_randomised() -> None:
    st = study("Graded exercise versus advice for chronic neck pain: a randomised controlled trial",
               ("RESULTS", "From 2019 to 2021 we assessed 1210 adults for eligibility and randomly "
                           "assigned 240 participants: 121 to exercise and 119 to advice."))
    assert st["n_enrolled"] == 240
    screened = study("Yoga for chronic low back pain: a non-randomised controlled study",
                     ("RESULTS", "We screened 305 people, and 98 took part."))
    assert screened["n_enrolled"] == 98


def test_a_bare_count_followed_by_enrolled_or_returned_is_a_head_count() -> None:
    st = study("Aquatic therapy for fibromyalgia: a controlled trial",
               ("RESULTS", "Of 150 adults approached, 84 enrolled (pool n = 42, land n = 42) and "
                           "77 completed the programme."))
    assert st["n_enrolled"] == 84
    survey = study("Cannabidiol use in chronic pain clinics: a survey",
                   ("RESULTS", "Of 900 patients invited, 511 returned complete questionnaires (57%). "
                               "Use in the past year was reported by 130 respondents (25%)."))
    assert survey["n_enrolled"] == 511
    trials = study("Naltrexone for pruritus: a systematic review",
                   ("RESULTS", "We found 9 randomized, placebo-controlled trials."),
                   types=["Systematic Review"])
    assert trials["n_enrolled"] != 9


def test_events_with_their_share_after_randomisation_are_not_the_randomised_count() -> None:
    st = study("Early steroids in severe influenza pneumonia: a randomised trial",
               ("RESULTS", "A total of 1520 patients were assigned to steroids and 3010 to usual "
                           "care. Overall, 301 patients (19.8%) in the steroid group and 690 "
                           "patients (22.9%) in the usual care group died within 30 days after "
                           "randomization."))
    assert st["n_enrolled"] == 4530


def test_a_subset_clause_does_not_reclassify_the_enrolled() -> None:
    st = study("Topical capsaicin patch for postherpetic neuralgia: a randomised trial",
               ("RESULTS", "A total of 402 patients were enrolled, of whom 371 could be evaluated "
                           "per protocol."))
    assert st["n_enrolled"] == 402


def test_matched_groups_with_non_users_are_summed() -> None:
    st = study("Low-dose naltrexone and emergency visits in migraine: a matched cohort study",
               ("RESULTS", "In total, 205 LDN users were matched to 410 non-users."))
    assert st["n_enrolled"] == 615


def test_cases_and_controls_stated_separately_are_summed() -> None:
    st = study("Risk factors for chronic pain after knee replacement: a case-control study",
               ("METHODS", "Cases were 230 patients with persistent pain one year after surgery; "
                           "controls were 460 patients without pain, matched on age and sex."))
    assert st["n_enrolled"] == 690


def test_a_stated_total_beats_two_arms_read_from_the_group_size() -> None:
    st = study("Gabapentin and pregabalin in a rat model of nerve injury",
               ("METHODS", "Sixty rats were randomly allocated (n = 15 per group) to saline, "
                           "gabapentin, pregabalin or morphine."))
    assert st["n_enrolled"] == 60


def test_a_numbered_study_label_is_not_a_count() -> None:
    st = study("Methylnaltrexone for opioid-induced constipation: two randomized trials",
               ("RESULTS", "A total of 310 patients in Study 03 and 290 in Study 04 underwent "
                           "randomization."))
    assert st["n_enrolled"] == 310  # not 4, read from "Study 04 underwent randomization"


def test_history_follow_up_schedules_and_median_exposure_are_not_treatment_time() -> None:
    case = study("Low-dose naltrexone for chronic pelvic pain: a case report",
                 (None, "A 52-year-old woman who had been treated for 4 years with tramadol and "
                  "who was abstinent from alcohol for 6 years had constant pelvic pain. "
                  "Naltrexone 4.5 mg at night was added. After 10 weeks her pain was 3/10."))
    assert case["duration_weeks"] != 208.0 and case["duration_weeks"] != 312.0
    cohort = study("Opioid dose and falls in older adults: a prospective cohort study",
                   ("METHODS", "Participants were interviewed at baseline and annually for 5 years."),
                   ("RESULTS", "Median treatment duration was 7 months."))
    assert cohort["duration_weeks"] is None


def test_the_total_of_two_phases_and_plural_trials_give_the_treatment_time() -> None:
    st = study("Low-dose naltrexone for vulvodynia: an open-label study",
               (None, "Women took naltrexone 1.5 mg for 2 weeks and then 4.5 mg for a further "
                      "8 weeks (10 weeks in total)."))
    assert st["duration_weeks"] == 10.0
    trials = study("Naloxegol in cancer pain: two randomized trials",
                   ("METHODS", "In two identical 12-week, double-blind, placebo-controlled trials, "
                               "patients took naloxegol or placebo for at least 1 month."))
    assert trials["duration_weeks"] == 12.0


def test_follow_up_to_a_week_is_not_treatment_to_that_week() -> None:
    st = study("Depot naltrexone for opioid use disorder with chronic pain: a randomized trial",
               ("METHODS", "Participants received injections every 4 weeks for 16 weeks, and "
                           "follow-up continued to week 28."))
    assert st["duration_weeks"] == 16.0


_RCT = "a randomized controlled trial"


def _conclusion(text: str, title: str = f"Nerve blocks for chronic hip pain: {_RCT}") -> str | None:
    return study(title, ("CONCLUSIONS", text))["result"]


def test_negations_written_with_hyphens_no_more_than_neither_and_unlikely() -> None:
    assert _conclusion("Steroid injections offered minimal or no long-term benefit as compared "
                       "with saline injections.") == "negative"
    assert _conclusion("Real acupuncture was no more effective than sham acupuncture.") == "negative"
    assert _conclusion("Hip pain improved with both drugs, although for neither drug was the "
                       "change clinically meaningful.") in ("negative", "mixed")
    assert _conclusion("Duloxetine is unlikely to reduce pain within 4 weeks in this setting.") == "negative"


def test_a_benefit_that_fades_or_spares_one_outcome_or_costs_dropouts_is_mixed() -> None:
    assert _conclusion("Pain improved at 1 month, but the advantage over placebo was not sustained "
                       "at 6 months.") == "mixed"
    assert _conclusion("Low-dose naltrexone reduced pain but not fatigue in these patients.") == "mixed"
    assert _conclusion("Tapentadol gave a small benefit in pain, offset by more withdrawals due to "
                       "adverse events.") == "mixed"
    review = study("Low-dose naltrexone in chronic pain: a systematic review",
                   ("CONCLUSIONS", "Trials of low-dose naltrexone gave inconsistent results for pain."),
                   types=["Systematic Review"])
    assert review["result"] == "mixed"


def test_a_benefit_that_costs_no_analgesia_or_brings_no_worsening_is_positive() -> None:
    assert _conclusion("Methylnaltrexone produced more bowel movements than placebo, without "
                       "reducing opioid analgesia.") == "positive"
    assert _conclusion("Tapering within the programme was associated with improvements in pain "
                       "rather than worsening.") == "positive"


def test_case_report_titles_naming_a_harm_as_setting_or_as_finding() -> None:
    setting = study("Low-dose naltrexone for chronic abdominal pain after opioid detoxification "
                    "and withdrawal: a case report",
                    (None, "A 50-year-old man was started on naltrexone 4.5 mg. After 3 months his "
                           "pain was reduced from 8/10 to 3/10."), types=["Case Reports"])
    assert setting["result"] == "positive"
    harm = study("Acute pericarditis two days after an influenza vaccine in a 30-year-old woman",
                 (None, "She was treated with colchicine and her symptoms resolved."),
                 types=["Case Reports"])
    assert harm["result"] == "negative"


def test_cells_from_patient_donors_at_nanomolar_concentrations_are_in_vitro() -> None:
    st = study("Naltrexone lowers cytokine release from monocyte-derived macrophage-like cells of "
               "women with endometriosis", (None,
               "We derived macrophage-like cells from blood monocytes of 10 women with endometriosis "
               "and 10 healthy women and exposed them to naltrexone (10-1000 nM) for 48 h. "
               "Naltrexone reduced IL-6 release by 35% at 100 nM."))
    assert st["design"] == "in_vitro"
    binding = study("Pregabalin binds a subunit of a neuronal calcium channel", (None,
                    "Binding of the radioligand to cortical membranes and to transfected cells was "
                    "displaced by pregabalin."))
    assert binding["design"] == "in_vitro"


def test_a_registry_cohort_in_the_title_and_matched_cohorts_make_a_cohort() -> None:
    st = study("Retention of apremilast in psoriatic arthritis: three-year results from a prospective "
               "observational registry cohort", (None,
               "Adults with psoriatic arthritis starting apremilast monotherapy were enrolled in a "
               "prospective multicentre registry and followed for 36 months. A total of 612 patients "
               "were included; 41% remained on treatment at 3 years."))
    assert st["design"] == "cohort"
    matched = study("Comparative safety of tramadol and codeine in older adults", (None,
                    "We identified older adults starting tramadol or codeine between 2005 and 2012. "
                    "Propensity score-matched cohorts were followed for fractures and death."))
    assert matched["design"] == "cohort"


def test_an_editorial_on_a_trial_in_this_issue_is_a_commentary() -> None:
    st = study("Ketamine for refractory CRPS: encouraging, but not yet the answer", (None,
               "In this issue, a randomised trial of 120 patients reports that ketamine infusions "
               "halved pain at 3 months. The trial was small and open label. We argue that a "
               "placebo-controlled trial is needed before the treatment is adopted."))
    assert st["design"] == "commentary"


def test_respondents_counted_before_responded_and_enrolled_before_a_subset() -> None:
    survey = study("Use of cannabidiol by rheumatologists: a national survey",
                   (None, "A questionnaire was emailed to 1,900 rheumatologists, and 301 (15.8%) "
                          "responded."))
    assert survey["n_enrolled"] == 301
    trial = study("Buprenorphine patch for chronic back pain: a 12-month open-label study",
                  (None, "Of the 380 patients enrolled, fewer than half completed the study, most "
                         "withdrawals being due to adverse events."))
    assert trial["n_enrolled"] == 380


def test_the_parent_trials_randomised_are_not_the_extensions_participants() -> None:
    st = study("Long-term nabiximols for spasticity: an open-label extension study",
               (None, "Of the 120 patients randomized in the parent trial, 97 entered the open-label "
                      "extension and 60 completed one year."))
    assert st["n_enrolled"] == 97


def test_week_numbers_and_titration_steps_are_not_doses() -> None:
    st = study("Low-dose naltrexone for chronic pelvic pain: an open-label pilot study",
               (None, "Women took low-dose naltrexone for 8 weeks (1.5 mg nightly in week 1, 3 mg in "
                      "week 2 and 4.5 mg from week 3)."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)
    steps = study("Low-dose naltrexone in hidradenitis suppurativa: a retrospective case series",
                  (None, "Low-dose naltrexone was started at 0.5 mg at night and raised every week "
                         "by 0.5 mg to 3 mg."))
    assert (steps["dose_mg_min"], steps["dose_mg_max"]) == (0.5, 3.0)


def test_run_ins_recovery_times_and_time_since_an_illness_are_not_treatment_time() -> None:
    run_in = study("Colchicine after myocardial infarction: a randomized placebo-controlled trial",
                   ("METHODS", "All patients first completed a 14-day open-label run-in phase of "
                               "colchicine and were then randomized to colchicine or placebo."))
    assert run_in["duration_weeks"] is None
    case = study("Duloxetine-induced hyponatraemia in an older man: a case report", (None,
                 "An 80-year-old man had pain in the left T8 dermatome for 9 months after herpes "
                 "zoster. He was given duloxetine 60 mg/day. Duloxetine was stopped and sodium "
                 "normalised over 4 days."), types=["Case Reports"])
    assert case["duration_weeks"] is None


def test_case_control_and_cross_sectional_studies_have_no_treatment_time() -> None:
    st = study("Long-term benzodiazepine use and dementia: a nested case-control study",
               (None, "We matched 2,000 cases with dementia to 8,000 controls. Benzodiazepine use "
                      "over 5 years was associated with a higher risk."))
    assert st["design"] == "case_control"
    assert st["duration_weeks"] is None


def test_the_sample_left_after_exclusions_and_the_planned_recruitment_are_the_counts() -> None:
    cohort = study("Low-dose naltrexone in psoriasis: a retrospective cohort",
                   (None, "Of 2,100 patients seen at the clinic, 86 had received LDN; 9 were excluded "
                          "because of missing data, leaving 77 (plaque, 60; other, 17)."))
    assert cohort["n_enrolled"] == 77
    protocol = study("Low-dose naltrexone for pruritus in cholestasis: protocol for a randomised trial",
                     ("METHODS", "Assuming response in 50% versus 25%, 70 participants give 80% power; "
                                 "allowing for attrition, 78 will be recruited."))
    assert protocol["n_enrolled"] == 78


def test_arm_sizes_with_thousands_separators_are_summed() -> None:
    st = study("Low-dose naltrexone and emergency visits: a matched cohort study",
               ("PARTICIPANTS", "Adults who filled a prescription for naltrexone 1 to 5 mg/day "
                                "(n = 2,118), matched 1:2 to adults who did not (n = 4,236)."))
    assert st["n_enrolled"] == 6354


def test_people_who_had_completed_an_earlier_step_are_the_participants() -> None:
    st = study("Depot naltrexone for opioid dependence: a randomized placebo-controlled trial",
               ("PARTICIPANTS", "Eighty adults who had completed inpatient detoxification."))
    assert st["n_enrolled"] == 80


def test_a_survey_sent_to_members_starts_the_studys_own_sentences() -> None:
    st = study("Use of cannabidiol among members of a national arthritis society: an online survey",
               (None, "An anonymous online questionnaire was sent to all 7,400 members of the society "
                      "in 2022. In all, 1 903 members responded (response rate 25.7%). The median "
                      "daily dose was 25 mg."))
    assert st["n_enrolled"] == 1903


def test_a_drug_that_did_not_perform_better_than_placebo_is_negative() -> None:
    assert _conclusion("Oral naltrexone did not perform better than placebo on retention, and was "
                       "not superior to other treatments.") == "negative"


def test_score_scales_per_protocol_sets_consent_and_arm_lists() -> None:
    scale = study("Intravenous ketamine at two doses versus placebo in phantom limb pain: a crossover "
                  "study", ("METHODS", "Twenty patients with a mean daily pain of at least 4 of 10 "
                                       "received, in random order, three infusions."))
    assert scale["n_enrolled"] == 20
    pp = study("Telehealth versus in-person physiotherapy for knee pain: a randomised non-inferiority "
               "trial", ("RESULTS", "We randomly assigned 240 participants (120 per group)."),
               ("RESULTS", "The per-protocol population comprised 205 participants."))
    assert pp["n_enrolled"] == 240
    consent = study("Early rehabilitation after ankle fracture: a controlled study by region",
                    ("RESULTS", "Of 390 eligible patients, 301 consented (150 in region A and 151 "
                                "in region B)."))
    assert consent["n_enrolled"] == 301
    arms = study("Yoga, stretching or a self-care book for back pain: a randomised trial",
                 ("PARTICIPANTS", "300 adults with chronic low back pain; 101 were randomised to "
                                  "yoga, 99 to stretching and 100 to a self-care book."))
    assert arms["n_enrolled"] == 300


def test_treatment_phases_named_by_sessions_consecutive_days_and_then() -> None:
    sessions = study("Group acceptance therapy for chronic neck pain: a randomized trial",
                     ("METHODS", "Participants were randomized to eight weekly 90-minute ACT group "
                                 "sessions or to usual care."))
    assert sessions["duration_weeks"] == 8.0
    pulses = study("Intravenous methylprednisolone in early CRPS: a randomised placebo-controlled trial",
                   ("METHODS", "Patients were randomised to methylprednisolone 500 mg intravenously "
                               "on three consecutive days or to saline."))
    assert pulses["duration_weeks"] == 0.43
    run_in = study("Oral palmitoylethanolamide for hand osteoarthritis: a placebo run-in pilot",
                   (None, "Women followed a fixed sequence: 2 weeks of placebo capsules and then "
                          "6 weeks of oral palmitoylethanolamide."))
    assert run_in["duration_weeks"] == 6.0
    pain = study("Treating pain to reduce agitation in dementia: a cluster randomised trial",
                 ("INTERVENTIONS", "Residents received stepwise treatment of pain for 8 weeks."),
                 ("RESULTS", "Follow-up continued for 1 year."))
    assert pain["duration_weeks"] == 8.0


def test_negations_with_adverbs_neither_shown_and_unproven_non_inferiority() -> None:
    assert _conclusion("Naltrexone did not meaningfully improve plaque psoriasis over 12 weeks.") == "negative"
    assert _conclusion("On average, naproxen was not meaningfully better than paracetamol.") == "negative"
    assert _conclusion("Neither drug, alone or in combination, was shown to relieve root pain.") == "negative"
    assert _conclusion("Non-inferiority of oral steroids to epidural injection at 3 weeks could not "
                       "be demonstrated.") == "negative"


def test_varying_responses_and_evidence_that_contrasts_are_mixed() -> None:
    series = study("Variable response to naltrexone in patients with lichen planopilaris",
                   (None, "We describe three patients given naltrexone 3 mg daily. The response to "
                          "naltrexone appears to vary between patients."), types=["Case Reports"])
    assert series["result"] == "mixed"
    review = study("Low-dose naltrexone for long COVID: a systematic review",
                   ("CONCLUSIONS", "Favourable uncontrolled observations contrast with a null "
                                   "randomised trial."), types=["Systematic Review"])
    assert review["result"] == "mixed"


def test_more_retention_is_a_benefit_and_a_tendon_rupture_report_is_harm() -> None:
    assert _conclusion("Depot naltrexone produced a robust, dose-related increase in treatment "
                       "retention.", title=f"Depot naltrexone for opioid dependence: {_RCT}") == "positive"
    harm = study("Plantar fascia rupture after two corticosteroid injections: a case report",
                 (None, "A 48-year-old runner received two injections and felt a sudden pop."),
                 types=["Case Reports"])
    assert harm["result"] == "negative"


def test_blinding_named_in_the_title_or_denied_in_the_text() -> None:
    extension = study("Long-term pregabalin in fibromyalgia: a 52-week open-label extension of two "
                      "randomized controlled trials",
                      (None, "Patients who completed either of two 14-week, double-blind, "
                             "placebo-controlled trials were eligible."))
    assert extension["blinding"] == "open"
    denied = study("Oral steroids versus epidural injection for sciatica: a randomised trial",
                   ("METHODS", "Patients and clinicians were not blinded."))
    assert denied["blinding"] == "open"
    unaware = study("Naproxen or manipulation for acute back pain: a randomised trial",
                    ("METHODS", "Patients, assessors and general practitioners were unaware of drug "
                                "allocation."))
    assert unaware["blinding"] == "double"
    known = study("Heat wraps versus TENS for back pain: a controlled trial with alternating allocation",
                  ("METHODS", "Allocation was not randomised and was known to patients and "
                              "therapists."))
    assert known["blinding"] == "open"


def test_extensions_retrospective_series_and_editorials_by_their_titles() -> None:
    ext = study("Long-term safety of milnacipran in fibromyalgia: a 1-year open-label extension of "
                "two randomized controlled trials",
                (None, "Patients who completed either double-blind trial could enter; 412 did, and "
                       "all received milnacipran."))
    assert ext["design"] == "single_arm_trial"
    series = study("Erenumab in medication-overuse headache: a retrospective series of 64 patients",
                   (None, "We reviewed the records of all patients who started erenumab at our "
                          "clinic between 2019 and 2021."))
    assert series["design"] == "case_series"
    editorial = study("Enriched-enrolment trials of opioids: what do they tell prescribers?",
                      (None, "In this issue, a randomised-withdrawal trial of tapentadol extended "
                             "release in painful diabetic neuropathy reports that patients who "
                             "continued the drug had less pain. Of 588 patients who began titration, "
                             "only 395 were randomised."), types=["Editorial"])
    assert editorial["design"] == "commentary"


def test_a_call_to_confirm_in_a_randomised_trial_is_not_randomisation() -> None:
    st = study("Low-dose naltrexone in post-COVID fatigue: an open-label study with historical "
               "controls", (None, "Forty patients received naltrexone for 12 weeks and were compared "
                                  "with 80 historical controls. Naltrexone was associated with less "
                                  "fatigue, but the result needs confirmation in a randomised, "
                                  "placebo-controlled trial."))
    assert st["design"] != "rct_parallel"


def test_titration_steps_are_summed_or_give_way_to_the_course() -> None:
    steps = study("Low-dose naltrexone for vulvodynia: an open-label pilot study",
                  (None, "Women took low-dose naltrexone at bedtime: 1.5 mg for two weeks, 3 mg for "
                         "two weeks and 4.5 mg for eight weeks."))
    assert steps["duration_weeks"] == 12.0
    course = study("Low-dose naltrexone for Modic changes: an open-label single-arm trial",
                   (None, "Adults received naltrexone 3 mg nightly for 2 weeks and then 4.5 mg nightly "
                          "to complete 16 weeks."))
    assert course["duration_weeks"] == 16.0
    titrated = study("Low-dose naltrexone in fibromyalgia: a registry analysis",
                     (None, "Of 300 registered patients, 180 started LDN, titrated over 3 weeks from "
                            "1.5 mg to 4.5 mg at bedtime."))
    assert titrated["duration_weeks"] is None


def test_earlier_use_of_other_drugs_and_time_since_surgery_are_history() -> None:
    case = study("Serotonin syndrome after adding tramadol to duloxetine: a case report",
                 (None, "A 70-year-old woman had taken duloxetine 60 mg daily for two years. She "
                        "described taking kratom every day for 18 months. Pain persisted for 10 "
                        "months after a right lower lobectomy."), types=["Case Reports"])
    assert case["duration_weeks"] is None


def test_included_after_review_groups_of_a_study_and_event_denominators() -> None:
    review = study("Low-dose naltrexone in chronic pain: a retrospective cohort review",
                   (None, "We reviewed the records of 140 patients prescribed LDN, of whom 97 met the "
                          "inclusion criteria."))
    assert review["n_enrolled"] == 97
    groups = study("Low-dose naltrexone in rheumatoid arthritis: a prospective cohort study",
                   (None, "We included 52 LDN users and 61 comparators."))
    assert groups["n_enrolled"] == 113
    procedure = study("Pulsed radiofrequency versus medical management for neuralgia: a "
                      "non-randomized controlled study",
                      (None, "Forty patients underwent radiofrequency and 38 continued medical "
                             "management."))
    assert procedure["n_enrolled"] == 78
    events = study("Faecal transplantation for ulcerative colitis: a randomised placebo-controlled trial",
                   ("RESULTS", "Seventy-nine patients were enrolled. Remission occurred in 10 (26%) of "
                               "39 patients allocated transplantation versus 3 (8%) of 40 allocated "
                               "placebo."))
    assert events["n_enrolled"] == 79
    completers = study("Weekly lidocaine infusions for fibromyalgia: an open-label pilot",
                       (None, "Twenty patients were enrolled and 18 received all four infusions."))
    assert completers["n_enrolled"] == 20


def test_adverse_reaction_titles_with_a_named_drug_a_block_or_a_paradoxical_reaction() -> None:
    for title in ("Lithium toxicity after a short course of naproxen for knee pain in an older man",
                  "Local anesthetic systemic toxicity after bilateral erector spinae plane block",
                  "Paradoxical psoriasis during infliximab therapy in a woman with Crohn's disease"):
        st = study(title, (None, "Supportive care was given and the patient recovered fully."),
                   types=["Case Reports"])
        assert st["result"] == "negative", title


def test_a_negation_joined_by_and_keeps_the_benefit_before_it() -> None:
    assert _conclusion("Pregabalin reduced pain, was well tolerated and had no detectable effect on "
                       "nerve conduction.", title=f"Pregabalin for diabetic neuropathy: {_RCT}") == "mixed"
    assert _conclusion("Starting LDN was not associated with better pain or fatigue over one year.",
                       title="Low-dose naltrexone in rheumatoid arthritis: a matched cohort study") == "negative"
    assert _conclusion("Evidence for LDN is too imprecise to rank it.") in ("negative", "mixed")


def test_met_criteria_initiators_and_a_placebo_arm_are_counted() -> None:
    survey = study("Low-dose naltrexone among people with chronic pain: an online survey",
                   (None, "Of 1,400 people who opened the survey, 1,102 met criteria and completed it."))
    assert survey["n_enrolled"] == 1102
    cohort = study("Low-dose naltrexone and sick leave: a registry-based matched cohort study",
                   (None, "The cohort comprised 300 LDN initiators and 900 matched comparators."))
    assert cohort["n_enrolled"] == 1200
    trial = study("Pregabalin for painful neuropathy: a double-blind placebo-controlled trial",
                  ("RESULTS", "Ninety patients received pregabalin and 88 placebo."))
    assert trial["n_enrolled"] == 178


def test_genetic_economic_and_consensus_work_and_emulated_trials_by_their_titles() -> None:
    mr = study("Body mass index and chronic low back pain: a two-sample Mendelian randomisation study",
               (None, "Genetic variants associated with body mass index were used as instruments."))
    assert mr["design"] == "other"
    model = study("Cost-effectiveness of erenumab versus topiramate for migraine prevention: a Markov "
                  "model", (None, "Treatment effects were taken from placebo-controlled trials."))
    assert model["design"] == "other"
    rct_cea = study("Group exercise for knee pain: a randomised controlled trial and cost-effectiveness "
                    "analysis", (None, "We randomly assigned 400 adults to group exercise or usual care."))
    assert rct_cea["design"] == "rct_parallel"
    emulated = study("Allopurinol initiation and cardiovascular events in gout: emulation of a target "
                     "trial", (None, "Using claims data we compared initiators with non-initiators."))
    assert emulated["design"] == "cohort"
    accuracy = study("Ultrasound versus biopsy for giant cell arteritis: a diagnostic accuracy study",
                     (None, "Patients referred with suspected arteritis had both tests."))
    assert accuracy["design"] == "cross_sectional"


def test_allocation_by_site_because_randomisation_was_refused_is_not_randomised() -> None:
    st = study("Education plus exercise for fibromyalgia: a controlled non-randomised trial",
               (None, "Because the departments did not accept randomisation, allocation was by site."))
    assert st["design"] == "nonrandomized_controlled"
    letter = study("Cannabidiol for hand osteoarthritis: was the dose too low?",
                   (None, "To the Editor: We read with interest the randomised trial in which 136 "
                          "patients received cannabidiol or placebo."), types=["Letter"])
    assert letter["design"] == "commentary"


def test_groups_enrolled_in_the_intervention_and_usual_care_groups_are_summed() -> None:
    st = study("Education plus exercise for fibromyalgia: a controlled non-randomised trial",
               ("RESULTS", "Seventy women were enrolled in the intervention group and sixty-two in "
                           "the usual-care group."))
    assert st["n_enrolled"] == 132


def test_assessors_blinded_in_short_sentences_and_neither_party_blinded() -> None:
    short = study("Mirror therapy versus covered-mirror sham for phantom limb pain: a randomised trial",
                  ("METHODS", "Adults were randomised to mirror therapy or a covered mirror. Assessors "
                              "were blinded."))
    assert short["blinding"] == "single"
    neither = study("Exercise versus meniscectomy for degenerative tears: a randomised trial",
                    ("METHODS", "Randomised superiority trial; neither patients nor treating "
                                "clinicians were blinded to allocation."))
    assert neither["blinding"] == "open"


def test_a_single_patients_years_with_a_condition_are_history() -> None:
    case = study("Relief of refractory erythromelalgia with low-dose naltrexone: a case report",
                 (None, "We describe a 50-year-old woman with primary erythromelalgia of both feet for "
                        "nine years who had not responded to gabapentin."), types=["Case Reports"])
    assert case["duration_weeks"] is None
    treated = study("Low-dose naltrexone in fibromyalgia: an open-label pilot",
                    (None, "Patients with fibromyalgia were treated with low-dose naltrexone for 12 weeks."))
    assert treated["duration_weeks"] == 12.0


# --- sets AE, AF and AG (2026-12-02, second session): products, spin, comparators -----------------

def test_naltrexone_bupropion_dose_pairs_give_the_naltrexone_part() -> None:
    st = study("Naltrexone-bupropion and knee pain in obesity: a randomized trial", ("Methods",
        "Adults with knee osteoarthritis and obesity were randomized to extended-release "
        "naltrexone-bupropion (8 mg/90 mg tablets, titrated over 4 weeks to 16 mg/180 mg twice daily) "
        "or placebo for 26 weeks."), ("Results", "A total of 120 adults were randomized."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (8.0, 32.0)
    st = study("Naltrexone/bupropion for binge eating: a protocol", (None,
        "Participants will start one tablet (naltrexone 8 mg/bupropion 90 mg) each morning, increased "
        "to two tablets twice daily (32 mg/360 mg per day) by week 4, and continue for 16 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (8.0, 32.0)
    # doses named drug by drug were read right before and still are
    st = study("Naltrexone plus bupropion for weight loss: a randomized trial", ("Methods",
        "Adults were randomized to naltrexone 32 mg plus bupropion 360 mg daily or placebo for "
        "56 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (32.0, 32.0)


def test_one_of_two_co_primary_end_points_met_is_a_mixed_result() -> None:
    title = "Two doses of naltrexone for fatigue in lupus: a randomized placebo-controlled trial"
    st = study(title, ("Conclusions", "Only one of the two co-primary end points was met; the higher "
                       "dose should be studied further."))
    assert st["result"] == "mixed"
    st = study(title, ("Conclusions", "Naltrexone met one of its two co-primary end points."))
    assert st["result"] == "mixed"
    # not a primary outcome: "only one of the two primary care networks"
    st = study(title, ("Conclusions", "Naltrexone reduced fatigue; only one of the two primary care "
                       "networks achieved full implementation."))
    assert st["result"] == "positive"
    # one dose of two working (two of three labellers: mixed); not a side effect of one dose
    st = study(title, ("Conclusions", "Naltrexone 3 mg/day, but not 1 mg/day, improved fatigue over 12 "
                       "weeks."))
    assert st["result"] == "mixed"
    st = study(title, ("Conclusions", "Naltrexone 3 mg reduced fatigue compared with placebo. Vivid dreams "
                       "occurred with 3 mg, but not 1 mg, dosing."))
    assert st["result"] == "positive"


def test_as_effective_as_an_active_drug_is_mixed_but_not_a_magnitude_or_a_dose() -> None:
    title = "Low-dose naltrexone or amitriptyline for fibromyalgia: a randomized comparison"
    st = study(title, ("Conclusions", "Low-dose naltrexone was as effective as amitriptyline and "
                       "caused less drowsiness."))
    assert st["result"] == "mixed"
    st = study(title, ("Conclusions", "Eight sessions were about 70% as effective as sixteen "
                       "sessions and reduced pain."))
    assert st["result"] == "positive"
    st = study(title, ("Conclusions", "Naltrexone reduced pain; the lowest dose, 1.5 mg, was as "
                       "effective as the higher doses."))
    assert st["result"] == "positive"


def test_a_hedged_subgroup_or_an_open_question_does_not_outweigh_a_null_finding() -> None:
    title = "Low-dose naltrexone for painful neuropathy: a crossover trial"
    st = study(title, ("Conclusions", "Naltrexone was not superior to placebo for painful neuropathy. "
                       "A benefit in a subgroup of patients cannot be excluded and may justify "
                       "further study."))
    assert st["result"] == "negative"
    st = study(title, ("Conclusions", "The pooled trials do not show a meaningful effect of naltrexone "
                       "on pain; future trials should test whether any subgroup benefits."))
    assert st["result"] == "negative"
    # a subgroup's benefit stated as a finding still makes a mixed result
    st = study(title, ("Conclusions", "Naltrexone was not superior to placebo overall, but a subgroup "
                       "of patients with allodynia improved significantly."))
    assert st["result"] == "mixed"


def test_uncertain_importance_or_a_low_certainty_grade_beside_a_benefit_stays_positive() -> None:
    st = study("Low-dose naltrexone for chronic low back pain: a randomised trial", ("Conclusions",
        "Naltrexone appears to produce a modest reduction in back pain, although whether an effect "
        "of this size is clinically important is uncertain."))
    assert st["result"] == "positive"
    title = "Low-dose naltrexone for chronic pain: a systematic review and meta-analysis"
    st = study(title, ("Conclusions", "Naltrexone may slightly reduce chronic pain, but the evidence is "
                       "of low certainty and comes from small trials."))
    assert st["result"] == "positive"
    st = study(title, ("Conclusions", "Naltrexone may slightly reduce chronic pain, but the evidence is "
                       "limited, inconsistent and of low certainty."))
    assert st["result"] == "mixed"


def test_a_null_trial_with_only_soft_praise_in_its_conclusion_is_negative() -> None:
    title = "Low-dose naltrexone for fatigue in Sjogren's syndrome: a randomised trial"
    methods = ("Methods", "Adults were randomised to naltrexone 4.5 mg or placebo for 12 weeks. The "
               "primary outcome was the change in fatigue at week 12.")
    null = ("Results", "Sixty patients were randomised. Fatigue improved by 2.9 points with naltrexone "
            "and by 2.2 points with placebo (difference 0.7, 95% CI -2.0 to 3.4; P = 0.61).")
    soft = ("Conclusions", "Naltrexone was well tolerated, and it may be a useful option for some "
            "patients; larger trials are needed.")
    st = extract_study(record(title, methods, null, soft))
    assert st.study["result"] == "negative"
    assert any(e["rule"] == "result_negative_null_results_soft_conclusion" for e in st.study["evidence"])
    # a significant primary, or no primary outcome named: the conclusion stands
    sig = ("Results", "Sixty patients were randomised. Fatigue improved more with naltrexone "
           "(difference 4.1, 95% CI 1.0 to 7.2; P = 0.01).")
    assert study(title, methods, sig, soft)["result"] == "positive"
    # a conclusion that claims the benefit outright against its null primary is read by the
    # primary's result (15 labelled records of this kind are negative, none positive)
    strong = ("Conclusions", "Naltrexone reduced fatigue in Sjogren's syndrome.")
    st = extract_study(record(title, methods, null, strong))
    assert st.study["result"] == "negative"
    assert any(e["rule"] == "result_negative_null_primary_spun" for e in st.study["evidence"])
    unnamed = ("Methods", "Adults were randomised to naltrexone 4.5 mg or placebo for 12 weeks.")
    assert study(title, unnamed, null, soft)["result"] == "positive"


def test_a_benefit_of_the_active_comparator_beside_a_null_naltrexone_finding_is_negative() -> None:
    title = "Low-dose naltrexone, pregabalin or placebo for neuropathic pain: a three-arm trial"
    st = study(title, ("Conclusions", "Naltrexone was not superior to placebo, whereas pregabalin gave "
                       "a modest benefit."))
    assert st["result"] == "negative"
    st = study(title, ("Conclusions", "Naltrexone did not increase the analgesic effect of tramadol, "
                       "but it may reduce opioid-induced constipation."))
    assert st["result"] == "mixed"


def test_result_cues_from_sets_ae_af_ag() -> None:
    title = "Medical cannabis and opioid dose in chronic pain: a matched cohort study"
    st = study(title, ("Conclusions", "Cannabis authorization was not associated with a reduction in "
                       "opioid dose over one year."))
    assert st["result"] == "negative"
    title = "Naltrexone in alcohol use disorder with chronic pain: a randomized trial"
    st = study(title, ("Conclusions", "Naltrexone did not worsen pain and reduced heavy drinking. These "
                       "findings do not support withholding naltrexone from people with pain."))
    assert st["result"] == "positive"
    st = study(title, ("Conclusions", "Gabapentin was not more effective than placebo in maintaining "
                       "pain relief; a high placebo response may have contributed."))
    assert st["result"] == "negative"
    st = study("Lacosamide in painful neuropathy: a randomized trial", ("Conclusions",
        "Lacosamide 400 mg/day was effective in painful neuropathy; 600 mg/day gave no additional "
        "benefit."))
    assert st["result"] == "positive"
    st = study("Cannabidiol and TRPV1 responses in human sensory neurons", ("Conclusions",
        "At clinical concentrations cannabidiol did not desensitise TRPV1. Desensitisation is unlikely "
        "to explain any analgesic effect of oral cannabidiol."))
    assert st["result"] == "negative"
    st = study("Tapentadol for neuropathic pain: an enriched-enrolment randomized withdrawal trial",
               ("Conclusions", "Responders switched to placebo did not relapse more often, so the "
                "improvement seen in the open phase is not specific to the drug."))
    assert st["result"] == "negative"
    st = study("Acute urinary retention after starting duloxetine for low back pain in an older man",
               types=["Case Reports"])
    assert (st["design"], st["result"]) == ("case_report", "negative")


def test_counts_from_sets_ae_af_ag() -> None:
    rats = study("Naltrexone and visceral pain in rats with colitis", ("Methods",
        "Rats (n = 10 per group; 40 in total) received saline or naltrexone 0.1 mg/kg daily."))
    assert rats["n_enrolled"] == 40
    st = study("Low-dose naltrexone for painful neuropathy: a crossover trial",
               ("Methods", "Adults with mean daily pain of 5 or more out of 10 were randomised to "
                "naltrexone or placebo."), ("Results", "Twenty-eight participants were randomised."))
    assert st["n_enrolled"] == 28  # "out of 10" is the scale
    st = study("Overdose after stopping naltrexone or buprenorphine: a cohort study", ("Participants",
        "Adults who stopped extended-release naltrexone (n = 1,204) or buprenorphine (n = 9,377) "
        "after at least 30 days of treatment."))
    assert st["n_enrolled"] == 10581
    # events or reasons counted in brackets are not groups of people
    st = study("Low-dose naltrexone in veterans with chronic pain: a cohort", ("Results",
        "Records of 118 veterans were reviewed. Vivid dreams (n = 9) and insomnia (n = 6) were the "
        "commonest adverse effects."))
    assert st["n_enrolled"] == 118
    st = study("Low-dose naltrexone in CRPS: a systematic review", ("Results",
        "Nine studies were included: one randomized trial (n = 46), three cohorts (150 patients in "
        "total) and five case reports, totalling 201 patients."))
    assert st["n_enrolled"] == 201
    st = study("Cannabis authorization and opioid dose: a matched cohort", ("Results",
        "We matched 812 patients with an authorization to 1624 without."))
    assert st["n_enrolled"] == 2436
    st = study("An online pain course with three levels of support: a randomised trial", (None,
        "Adults with chronic pain (n = 300) were randomised to weekly contact (n = 76), optional "
        "contact (n = 74), no contact (n = 75) or a waitlist (n = 75)."))
    assert st["n_enrolled"] == 300  # the total stated beside its arms is not summed with them


def test_durations_from_sets_ae_af_ag() -> None:
    st = study("Lacosamide in painful neuropathy: a randomized trial", ("Methods",
        "Patients were randomized to lacosamide or placebo. Doses were increased weekly during a "
        "4-week titration phase, followed by a 12-week maintenance phase at the assigned dose."))
    assert st["duration_weeks"] == 16.0
    st = study("Pregabalin in radiculopathy: a randomized withdrawal trial", (None,
        "After a 6-week single-blind phase in which all patients received pregabalin, responders were "
        "randomized to continue pregabalin or switch to placebo for a 4-week double-blind phase."))
    assert st["duration_weeks"] == 4.0
    st = study("Naltrexone and visceral pain in rats with colitis", ("Methods",
        "Rats received naltrexone 0.1 mg/kg or saline once daily from day 1 to day 21 after induction."))
    assert st["duration_weeks"] == 3.0
    # a cycle's days are not the course
    st = study("Erlotinib with or without entinostat: a randomized trial", ("Methods",
        "Patients were randomized to erlotinib 150 mg on days 1 through 28 plus entinostat on days 1 "
        "and 15 every 28 days."))
    assert st["duration_weeks"] is None
    # titration steps that lead on to an open-ended dose are not the course
    st = study("Low-dose naltrexone and sleep in fibromyalgia: a prospective clinic cohort", ("Methods",
        "LDN was prescribed as 1.5 mg nightly for one week, 3 mg for one week and then 4.5 mg."))
    assert st["duration_weeks"] is None
    assert st["design"] == "cohort"  # "prospective" is the cohort's adjective here
    st = study("Thoracic pain after surgery treated with nerve blocks: a case report", (None,
        "A 60-year-old man had post-thoracotomy pain. Three nerve blocks had given relief lasting 10 to "
        "14 days."))
    assert st["duration_weeks"] is None
    st = study("Ketamine infusions for refractory chronic pain: a 4-year retrospective analysis",
               (None, "We reviewed 41 patients who received outpatient ketamine infusions."))
    assert st["duration_weeks"] is None


def test_a_retraction_notice_reports_none_of_the_retracted_articles_numbers() -> None:
    st = study("Retraction Note: Naltrexone 4.5 mg daily reduces knee pain in osteoarthritis: a "
               "randomized placebo-controlled trial", (None,
        "The Editor-in-Chief has retracted this article. Values for 40 of the 96 participants were "
        "duplicated. The Editor-in-Chief no longer has confidence in the conclusions."),
        types=["Retraction of Publication"])
    assert st["design"] == "other"
    assert [st[k] for k in ("n_enrolled", "dose_mg_max", "placebo_controlled", "randomized",
                            "result")] == [None] * 5
    assert st["conditions"]  # what the retracted article was about stays findable
    # the retracted article itself, with its own abstract, is still the study it reports
    st = study("RETRACTED ARTICLE: Low-dose naltrexone reduces pain in fibromyalgia: a randomized trial",
               ("Methods", "Sixty women were randomized to LDN 4.5 mg or placebo for 12 weeks."),
               ("Conclusions", "LDN reduced pain."), types=["Randomized Controlled Trial",
                                                            "Retracted Publication"])
    assert (st["design"], st["n_enrolled"], st["dose_mg_max"]) == ("rct_parallel", 60, 4.5)


def test_higher_rates_of_a_good_outcome_trends_and_case_report_titles() -> None:
    st = study("Outcomes after adding low-dose naltrexone in Crohn's disease: a retrospective matched "
               "cohort", ("Conclusions", "Adding LDN to biologic therapy was associated with higher rates "
                          "of clinical remission."))
    assert st["result"] == "positive"
    st = study("Opioid tapering and overdose: a cohort study", ("Conclusions",
        "Tapering was associated with higher rates of overdose."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for fatigue after COVID-19: a randomized trial", ("Conclusions",
        "LDN did not significantly improve fatigue over 8 weeks. The trend toward better sleep may merit "
        "study in longer trials."))
    assert st["result"] == "negative"
    st = study("Trigeminal neuralgia refractory to carbamazepine controlled with low-dose naltrexone: "
               "a case report", types=["Case Reports"])
    assert st["result"] == "positive"
    st = study("Opioid withdrawal triggered by naltrexone-bupropion in a woman on buprenorphine: case "
               "report", types=["Case Reports"])
    assert st["result"] == "negative"


def test_not_recommended_and_a_future_randomised_trial_from_set_ai() -> None:
    st = study("Nortriptyline for chemotherapy-induced neuropathy: a randomised trial", (None,
        "Nortriptyline did not reduce symptoms more than placebo. Nortriptyline cannot be recommended for "
        "this indication, although a benefit at higher doses cannot be ruled out."))
    assert st["result"] == "negative"
    st = study("Duloxetine for widespread pain in lupus: a 12-week open-label single-arm pilot study",
               ("Methods", "Adults received duloxetine 60 mg daily for 12 weeks. A response rate of at "
                "least 50% was the criterion for proceeding to a randomised trial."),
               ("Results", "Twenty women were enrolled."))
    assert (st["design"], st["randomized"]) == ("single_arm_trial", False)


def test_spin_on_a_null_trial_with_a_hedged_subgroup_and_non_inferiority_not_shown() -> None:
    title = "Naltrexone 4.5 mg in complex regional pain syndrome: a double-blind crossover trial"
    methods = ("Methods", "Adults were randomised to naltrexone or placebo for 8 weeks each. The primary "
               "outcome was average pain over the final 2 weeks of each period.")
    null = ("Results", "Pain was 5.9 on naltrexone and 6.1 on placebo (mean difference -0.2; 95% CI -0.9 "
            "to 0.5). Global impression of change did not differ (odds ratio 1.8, 95% CI 0.6 to 5.4).")
    soft = ("Conclusions", "Naltrexone was well tolerated and may benefit a subgroup of patients, which "
            "warrants larger trials.")
    assert study(title, methods, null, soft)["result"] == "negative"  # intervals only, all null
    honest = ("Conclusions", "The trial did not meet its primary end point, although a subgroup of "
              "patients may benefit.")
    assert study(title, methods, null, honest)["result"] == "mixed"
    st = study("Naltrexone 1.5 mg versus 4.5 mg for fibromyalgia: a non-inferiority trial", ("Conclusion",
        "Non-inferiority of naltrexone 1.5 mg to 4.5 mg could not be demonstrated, although the lower "
        "dose was better tolerated."))
    assert st["result"] == "negative"


def test_a_review_reporting_pooled_estimates_is_a_meta_analysis() -> None:
    search = ("Search methods", "CENTRAL, MEDLINE and Embase were searched to March 2024.")
    st = study("Exercise therapy for chronic neck pain in adults", search, ("Main results",
        "We included 31 trials with 2404 participants. Exercise reduced pain at the end of treatment "
        "(standardised mean difference -0.41, 95% CI -0.62 to -0.20; random-effects model)."))
    assert (st["design"], st["n_enrolled"]) == ("meta_analysis", 2404)
    st = study("Yoga for chronic low back pain in adults", search, ("Main results",
        "We included 9 trials. Because of heterogeneity the results were synthesised narratively "
        "without meta-analysis; the standardised mean differences ranged from -0.1 to -0.6."))
    assert st["design"] == "systematic_review"


def test_the_spin_rule_reads_an_interval_as_a_ratio_only_after_a_ratio() -> None:
    title = "Low-dose naltrexone for fatigue in Sjogren's syndrome: a randomised trial"
    methods = ("Methods", "Adults were randomised to naltrexone 4.5 mg or placebo for 12 weeks. The "
               "primary outcome was the change in fatigue at week 12.")
    soft = ("Conclusions", "Naltrexone may be a useful option for fatigue in Sjogren's syndrome.")
    # a difference whose interval excludes 0 (not 1): "or" here is no odds ratio
    diff = ("Results", "Scores improved more with naltrexone (difference in fatigue or vitality 0.6, "
            "95% CI 0.2 to 1.0). Sleep did not differ (P = 0.40).")
    assert study(title, methods, diff, soft)["result"] == "positive"
    # an odds ratio whose interval includes 1 is a null result
    ratio = ("Results", "Response was more frequent with naltrexone (OR 1.6, 95% CI 0.7 to 3.6). Sleep "
             "did not differ (P = 0.40).")
    assert study(title, methods, ratio, soft)["result"] == "negative"


def test_acupunctures_sham_controls_make_a_placebo_controlled_trial() -> None:
    title = "Acupuncture for chronic neck pain: a randomised controlled trial"
    for arm in ("minimal acupuncture (shallow needling at non-acupuncture points)",
                "non-penetrating acupuncture with retractable needles",
                "placebo needles that do not pierce the skin"):
        st = study(title, ("Methods", f"Adults with chronic neck pain were randomised to acupuncture, "
                                      f"{arm} or a waiting list for 8 weeks."))
        assert (st["placebo_controlled"], st["comparator"]) == (True, "placebo"), arm
    st = study(title, ("Methods", "Adults with chronic neck pain were randomised to acupuncture or a "
                                  "waiting list for 8 weeks."))
    assert st["placebo_controlled"] is False


def test_how_long_a_case_had_her_condition_is_not_treatment_time() -> None:
    st = study("Low-dose naltrexone for complex regional pain syndrome of the hand: a case report", (None,
        "We describe a 46-year-old woman with CRPS type 1 of the right hand for 4 years after a "
        "fracture. Naltrexone was started at 1.5 mg and increased to 4.5 mg. After 12 months of "
        "treatment her pain was 3 of 10."))
    assert st["duration_weeks"] == 52.14


def test_a_treatment_that_can_be_recommended_is_a_positive_conclusion() -> None:
    title = "Yoga for chronic low back pain: a systematic review and meta-analysis"
    methods = ("Methods", "MEDLINE and Embase were searched. Standardised mean differences were pooled "
                          "with random-effects models.")
    results = ("Results", "Ten randomised trials with 967 patients were included.")
    st = study(title, methods, results, ("Discussion", "Yoga can be recommended as an additional therapy "
                                                       "for chronic low back pain."))
    assert st["result"] == "positive"
    st = study(title, methods, results, ("Discussion", "Larger trials are needed before yoga can be "
                                                       "recommended for chronic low back pain."))
    assert st["result"] != "positive"


def test_an_arm_size_allocated_to_each_group_is_multiplied_by_the_arms() -> None:
    title = "Low-dose naltrexone or cyclobenzaprine for fibromyalgia: a randomized trial"
    st = study(title, ("Methods", "Adults were randomly assigned to naltrexone 4.5 mg or cyclobenzaprine "
                                  "10 mg, each taken at bedtime for 12 weeks."),
               ("Results", "Thirty-five patients were allocated to each drug, and 63 completed the study."))
    assert (st["n_enrolled"], st["n_analyzed"]) == (70, 63)
    st = study(title, ("Methods", "Adults were randomized 1:1:1 to naltrexone 1.5 mg, naltrexone 4.5 mg or "
                                  "placebo."), ("Results", "Twenty participants were allocated to each group."))
    assert st["n_enrolled"] == 60
    # the arms unknown: no head count rather than one arm's
    st = study(title, ("Results", "Twenty participants were allocated to each group."))
    assert st["n_enrolled"] != 20


def test_patients_beside_healthy_controls_are_summed_without_an_enrolment_verb() -> None:
    title = "Naltrexone suppresses TLR4-driven cytokine release in cells from women with fibromyalgia"
    st = study(title, ("Methods", "We generated microglia-like cells from monocytes of 12 women with "
                                  "fibromyalgia and 12 age-matched healthy women and stimulated them."))
    assert st["n_enrolled"] == 24
    st = study(title, ("Methods", "We measured channel activity in cells isolated from 9 patients taking "
                                  "LDN and from 9 sex-matched healthy controls."))
    assert st["n_enrolled"] == 18
    # events compared between the groups are no head count
    st = study(title, ("Methods", "We studied 40 women with fibromyalgia."), ("Results",
        "Sleep problems were reported by 16 patients and 11 healthy women (p = 0.4)."))
    assert st["n_enrolled"] == 40


def test_a_second_arm_named_with_its_treatment_alone_is_summed() -> None:
    st = study("Low-dose naltrexone as an adjunct to graded motor imagery in CRPS: a controlled study",
               ("Results", "Thirty-one patients were treated with LDN plus GMI and 29 with GMI alone; 55 "
                           "completed the 12-week assessment."))
    assert (st["n_enrolled"], st["n_analyzed"]) == (60, 55)


def test_a_cases_history_told_with_her_age_is_not_treatment_time() -> None:
    title = "Low-dose naltrexone for burning mouth syndrome: a case report"
    st = study(title, (None, "A 62-year-old woman had a burning tongue for three years. Naltrexone 4.5 mg "
                             "nightly was started and her pain resolved."))
    assert st["duration_weeks"] is None
    st = study(title, (None, "A 62-year-old woman had a burning tongue for three years. Naltrexone 4.5 mg "
                             "nightly was started; after 12 weeks of treatment her pain had resolved."))
    assert st["duration_weeks"] == 12
    # the treatment told with her age still counts
    st = study(title, (None, "A 62-year-old woman with a burning tongue took naltrexone 4.5 mg nightly for "
                             "12 weeks, and her pain resolved."))
    assert st["duration_weeks"] == 12


def test_a_benefit_that_faded_during_treatment_is_mixed_but_not_one_lost_after_stopping() -> None:
    title = "Low-dose naltrexone for fibromyalgia: a 12-week open-label trial"
    methods = ("Methods", "Thirty adults took naltrexone 4.5 mg nightly for 12 weeks.")
    faded = ("Conclusions", "The early improvement seen with LDN was largely lost by 12 weeks.")
    assert study(title, methods, faded)["result"] == "mixed"
    stopped = ("Conclusions", "LDN improved pain; the benefit faded after treatment discontinuation.")
    assert study(title, methods, stopped)["result"] == "positive"
    side = ("Conclusions", "LDN improved pain, and its side effects wore off within two weeks.")
    assert study(title, methods, side)["result"] == "positive"


def test_one_treatment_adding_nothing_beside_anothers_benefit_is_mixed() -> None:
    st = study("Duloxetine and supervised exercise, alone and in combination, for knee osteoarthritis: a "
               "2x2 factorial randomised trial", ("Conclusions", "Duloxetine produced a modest reduction in "
               "knee pain; supervised exercise added little over written advice."))
    assert st["result"] == "mixed"
    # in a naltrexone record the null naltrexone factor decides (see the factorial test below)
    st = study("Low-dose naltrexone and aerobic exercise, alone or combined, for fibromyalgia: a 2x2 "
               "factorial randomised trial", ("Conclusions", "Supervised aerobic exercise improved the "
               "impact of fibromyalgia, whereas low-dose naltrexone added nothing, alone or combined."))
    assert st["result"] == "negative"
    st = study("Motor control exercise for chronic low back pain: a randomised trial", ("Conclusions",
        "Motor control exercise produced short-term improvements in recovery and activity, but not "
        "clearly in pain."))
    assert st["result"] == "mixed"
    st = study("Low-dose naltrexone for chronic pain: a systematic review", ("Conclusions",
        "Evidence that LDN relieves chronic pain is limited and inconsistent."))
    assert st["result"] == "mixed"


def test_a_null_conclusion_stays_negative_beside_dismissed_or_limited_positives() -> None:
    title = "Low-dose naltrexone for neuropathic pain: a systematic review"
    null = "Current evidence does not support the use of LDN for neuropathic pain."
    for later in ("Favourable findings come only from uncontrolled studies, and adequately powered "
                  "randomized trials are needed before LDN can be recommended.",
                  "The review was too small to exclude a modest benefit.",
                  "A possible benefit in people with diabetic neuropathy needs confirmation."):
        assert study(title, ("Conclusions", f"{null} {later}"))["result"] == "negative", later
    st = study("Spinal cord stimulation for low back pain", ("Conclusions",
        "Current evidence suggests that SCS probably does not have sustained clinical benefits that "
        "would outweigh its costs. IVIg does not significantly reduce pain compared with placebo."))
    assert st["result"] == "negative"


def test_trials_with_no_exercise_that_are_unlikely_to_change_a_conclusion_are_no_null() -> None:
    st = study("Exercise for lower limb osteoarthritis: systematic review incorporating trial sequential "
               "analysis", ("Conclusions", "There is sufficient evidence that exercise benefits people with "
               "lower limb osteoarthritis, and further trials comparing exercise with no exercise are "
               "unlikely to change this conclusion."))
    assert st["result"] == "positive"
    st = study("Exercise for lower limb osteoarthritis: a randomised trial", ("Conclusions",
        "Exercise gave no additional change in pain."))
    assert st["result"] == "negative"


def test_harms_and_analgesia_left_untouched_are_safety_findings_not_nulls() -> None:
    title = "Methylnaltrexone for opioid-induced constipation in chronic non-cancer pain: a randomised trial"
    for concl in ("Methylnaltrexone was effective for constipation and did not affect analgesia.",
                  "Naltrexone did not increase liver injury and may reduce heavy drinking.",
                  "Repeated treatment had no negative effect on neurological function and provided sustained "
                  "pain relief."):
        assert study(title, ("Conclusions", concl))["result"] == "positive", concl
    for concl in ("Adding LDN to an education programme did not further reduce disability.",
                  "LDN does not produce a clinically relevant reduction in chronic pain."):
        assert study(title, ("Conclusions", concl))["result"] == "negative", concl


def test_labels_written_as_sentences_set_the_sections_after_them() -> None:
    art = record("Intranasal ketamine for breakthrough low back pain: a randomized crossover study", (None,
        "Objective. To test whether ketamine relieves breakthrough pain. Design. Randomized, double-blind "
        "crossover study. Subjects. Twenty-six adults with chronic low back pain. Methods. Participants "
        "took ketamine or midazolam in random order. Results. Twenty-four participants completed both "
        "test days. Dissociation occurred in 13 participants after ketamine. Conclusions. Ketamine gave "
        "modest relief."))
    sentences = build_sentences(art)
    assert [s.text for s in sentences if s.text.endswith(("Objective.", "Subjects.", "Results."))] == []
    assert [s.section for s in sentences][1:] == ["objective", "methods", "methods", "methods", "results",
                                                   "results", "conclusions"]
    st = extract_study(art).study
    assert (st["n_enrolled"], st["n_analyzed"]) == (26, 24)
    # a design stated in a sentence of its own is no label
    art = record("Pregabalin and falls", (None, "Retrospective cohort study. We reviewed 412 charts."))
    assert build_sentences(art)[1].text == "Retrospective cohort study."


def test_a_drugs_harm_stated_as_a_multiple_or_an_increase_in_risk_is_negative() -> None:
    for title, concl in (
            ("Topiramate for migraine prevention and risk of kidney stones: a cohort study",
             "Starting topiramate for migraine was associated with about twice the risk of kidney stones."),
            ("Carbamazepine and hospitalisation for hyponatraemia: a case-control study",
             "Carbamazepine was associated with a clinically relevant increase in the risk of "
             "hospitalisation for hyponatraemia.")):
        st = study(title, ("Methods", "We used a national prescription database."), ("Conclusions", concl))
        assert st["result"] == "negative", concl


def test_guidance_records_have_no_result() -> None:
    for title in ("Diagnosis and treatment of low back pain: a joint clinical practice guideline",
                  "Core outcome measures for chronic pain clinical trials: IMMPACT recommendations",
                  "Chronic pain as a symptom or a disease: the IASP Classification of Chronic Pain"):
        st = study(title, ("Recommendation 1", "Clinicians should offer exercise therapy, which improves "
                                               "function (strong recommendation, moderate-quality evidence)."))
        assert (st["design"], st["result"], st["placebo_controlled"]) == ("other", None, None), title
    # a count of reports with results is a study of data: no placebo
    st = study("Adverse events reported with low-dose naltrexone: a disproportionality analysis",
               ("Methods", "We searched the FDA Adverse Event Reporting System."),
               ("Results", "We found 143 reports; vivid dreams and insomnia were reported more often than "
                           "expected."))
    assert st["placebo_controlled"] is False


def test_a_factorial_trials_null_naltrexone_factor_beside_the_others_benefit_is_negative() -> None:
    st = study("Low-dose naltrexone and graded activity for chronic low back pain: a 2 x 2 factorial "
               "randomised trial", ("Conclusions", "Graded activity produced a small and durable reduction "
               "in disability, whereas naltrexone 4.5 mg was no better than placebo."))
    assert st["result"] == "negative"


def test_relief_only_while_treated_and_similar_long_term_outcomes_are_mixed() -> None:
    st = study("Intravenous lidocaine for central post-stroke pain: a randomised crossover trial",
               ("Conclusions", "A single lidocaine infusion relieves pain only while it is being given and "
                               "should not be expected to provide lasting benefit."))
    assert st["result"] == "mixed"
    st = study("Surgery versus prolonged conservative treatment for sciatica: a randomised trial",
               ("Conclusions", "One-year outcomes were similar for patients assigned to early surgery and "
                               "those assigned to conservative care, but pain relief was faster with early "
                               "surgery."))
    assert st["result"] == "mixed"
    st = study("Naltrexone 4.5 mg or duloxetine 60 mg for fibromyalgia pain: a randomised trial",
               ("Conclusions", "Naltrexone cannot be recommended as an equivalent alternative, although it "
                               "may remain an option for patients who cannot take duloxetine."))
    assert st["result"] == "negative"


def test_a_cochrane_review_reporting_differences_with_intervals_is_a_meta_analysis() -> None:
    st = study("Aerobic exercise training for adults with fibromyalgia",
               ("Background", "This review is one of a series that replaces an earlier review."),
               ("Search methods", "We searched eight databases and trial registries up to June 2016."),
               ("Data collection and analysis", "Two review authors independently selected trials."),
               ("Main results", "Thirteen trials with 839 participants were included. Aerobic exercise "
                                "improved quality of life (mean difference -7.89 on a 0-100 scale, 95% "
                                "confidence interval -13.13 to -2.66)."))
    assert (st["design"], st["n_enrolled"]) == ("meta_analysis", 839)


def test_how_long_patients_had_had_their_condition_is_not_treatment_time() -> None:
    st = study("Surgery versus prolonged conservative treatment for sciatica: a randomised trial",
               ("Methods", "We randomly assigned 283 patients who had had severe sciatica for 6 to 12 weeks "
                           "to early surgery or to prolonged conservative treatment."))
    assert st["duration_weeks"] is None


def test_a_review_of_epidemiological_studies_has_no_result() -> None:
    st = study("Neuropathic pain in the general population: a systematic review of epidemiological studies",
               ("Methods", "We searched MEDLINE and Embase for population-based studies."),
               ("Results", "Twenty-one studies were included. Estimates were not significantly different "
                           "between screening questionnaires and examination (p = 0.3)."),
               ("Conclusions", "The heterogeneity of methods makes the true burden uncertain."))
    assert st["result"] is None


def test_placebo_forms_from_n_of_1_and_capsaicin_trials_and_open_label_placebo() -> None:
    title = "Low-dose naltrexone for chronic daily headache: a randomised n-of-1 trial"
    for methods in ("Within each pair one period was allocated to naltrexone 3 mg and the other to an "
                    "identical placebo.",
                    "Each cycle had two 3-week periods, one of naltrexone 4.5 mg and one of placebo in random "
                    "order.",
                    "Patients were randomized to a capsaicin 8% patch or a low-concentration (0.04%) capsaicin "
                    "control patch."):
        assert study(title, ("Methods", methods))["placebo_controlled"] is True, methods
    st = study("Effects of open-label placebo on pain in chronic low back pain: a randomized trial",
               ("Methods", "Patients were randomized to open-label placebo plus usual care or usual care "
                           "alone for 3 weeks."))
    assert st["placebo_controlled"] is False


def test_two_arms_in_words_after_a_screened_count_are_summed_alone() -> None:
    st = study("Titrated low-dose naltrexone versus placebo for fibromyalgia: a randomised trial",
               ("Results", "Of 318 people screened, fifty-seven were randomly assigned to naltrexone and "
                           "fifty-five to placebo."))
    assert st["n_enrolled"] == 112
    st = study("Capsaicin 8% patch for chemotherapy-induced neuropathy: a randomized trial",
               ("Results", "After screening of 120 survivors, forty-one were randomized to capsaicin 8% and "
                           "forty to the control patch."))
    assert st["n_enrolled"] == 81


def test_both_groups_improving_is_no_benefit_of_either_drug() -> None:
    st = study("Low-dose naltrexone versus duloxetine in fibromyalgia: a randomised, double-blind trial",
               ("Conclusions", "LDN was not superior to duloxetine. Both groups improved to a similar degree; "
                               "without a placebo arm, the improvement cannot be attributed to either drug."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for neuropathic pain: a systematic review", ("Conclusions",
        "The evidence for LDN in neuropathic pain and CRPS is inconsistent: controlled trials disagree."))
    assert st["result"] == "mixed"


def test_a_crossover_or_n_of_1_trials_periods_give_its_duration() -> None:
    st = study("A series of randomised n-of-1 trials of low-dose naltrexone in complex regional pain syndrome",
               ("Methods", "Each cycle consisted of two 3-week periods, one of naltrexone 4.5 mg at bedtime "
                           "and one of placebo in random order, separated by a 1-week washout."))
    assert st["duration_weeks"] == 3


def test_harms_reported_to_pharmacovigilance_are_the_finding() -> None:
    title = ("Spontaneous reports of suspected adverse reactions to low-dose naltrexone in FAERS, 2004-2024: "
             "a pharmacovigilance study")
    methods = ("Methods", "We searched FAERS for reports naming naltrexone at 0.5-6 mg/day.")
    results = ("Results", "We identified 1,947 reports. Signals were seen for abnormal dreams and insomnia.")
    harm = ("Conclusion", "Sleep disturbance and withdrawal with concomitant opioids emerge as the main "
                          "reported harms of LDN; prescribers should screen for opioid use.")
    assert study(title, methods, results, harm)["result"] == "negative"
    safe = ("Conclusion", "No new safety signal emerged; LDN appears to be well tolerated.")
    assert study(title, methods, results, safe)["result"] != "negative"


def test_a_null_with_a_minority_that_appeared_to_benefit_is_negative() -> None:
    st = study("Low-dose naltrexone for persistent pain in axial spondyloarthritis: a retrospective review",
               ("Conclusions", "In this cohort, LDN did not meaningfully reduce persistent pain, although a "
                               "minority appeared to benefit."))
    assert st["result"] == "negative"


def test_not_consistently_effective_and_without_improvement_are_nulls() -> None:
    st = study("Lamotrigine for painful diabetic neuropathy: results of two randomized trials", ("Conclusions",
        "Overall, lamotrigine was generally well tolerated but was not consistently effective in relieving "
        "the pain of diabetic neuropathy."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for chronic non-cancer pain: a systematic review and meta-analysis",
               ("Conclusions", "Low-certainty evidence suggests that LDN slightly reduces chronic pain "
                               "intensity, without improvement in function."))
    assert st["result"] == "mixed"
    # "Study 1" is a label, not one participant
    st = study("Lamotrigine for painful diabetic neuropathy: results of two randomized trials", ("Results",
        "Study 1 randomized 360 patients and Study 2 randomized 360 patients."))
    assert st["n_enrolled"] != 1
    # only a capitalised name labels: "in a cross-sectional study 40 caregivers were recruited" counts
    st = study("Burden in caregivers of people with chronic pain", ("Methods",
        "In a cross-sectional study 40 caregivers of patients with chronic pain were recruited."))
    assert st["n_enrolled"] == 40


def test_a_trial_named_future_is_no_call_for_future_trials() -> None:
    st = study("Secukinumab in patients with psoriatic arthritis (FUTURE 2): a randomised, double-blind, "
               "placebo-controlled, phase 3 trial", ("Methods", "Adults were randomly assigned to "
               "secukinumab or placebo."))
    assert st["blinding"] == "double"
    st = study("Low-dose naltrexone for fibromyalgia: future double-blind trials are needed", ("Methods",
        "We reviewed the charts of 40 patients."))
    assert st["blinding"] != "double"


# --- risk studies of a named treatment --------------------------------------------------------------

def test_a_harm_found_in_the_results_of_a_risk_study_whose_conclusion_only_advises() -> None:
    st = study("Current pregabalin use and hospital admission for confusion in older adults: a nested "
               "case-control study", (None,
        "Among 98 410 adults aged 70 years or over we identified 2210 admissions for acute confusion "
        "and matched each to five controls. Current pregabalin use was associated with higher odds "
        "of admission (adjusted odds ratio 1.41, 95% CI 1.19 to 1.67). Former use was not associated "
        "with admission. Prescribers should review the need for pregabalin in frail patients."))
    assert st["design"] == "case_control"
    assert st["result"] == "negative"


def test_a_risk_studys_conclusion_naming_the_outcome_without_a_direction_is_the_harm() -> None:
    st = study("Oral ketamine and lower urinary tract symptoms in chronic pain: a cohort study",
               ("Results", "Symptoms were recorded in 61 of 402 ketamine users (hazard ratio 2.2)."),
               ("Conclusions", "Long-term oral ketamine was associated with new lower urinary tract "
                               "symptoms. Urological review should be offered."))
    assert st["result"] == "negative"
    st = study("Spinal cord stimulator implantation and a 27% rise in reoperations: a cohort study",
               ("Conclusions", "Implantation was associated with a 31% relative increase in "
                               "reoperations within two years."))
    assert st["result"] == "negative"


def test_no_harm_found_in_a_risk_study_is_a_safety_finding() -> None:
    st = study("Celecoxib and risk of acute kidney injury in adults with osteoarthritis: a nested "
               "case-control study",
               ("Results", "Current use was recorded for 3.1% of cases and 3.0% of controls (adjusted "
                           "OR 1.04, 95% CI 0.82-1.31)."),
               ("Conclusions", "We found no increase in the risk of acute kidney injury with current "
                               "celecoxib use."))
    assert st["result"] == "positive"
    st = study("Interleukin-6 inhibitors and demyelinating events in rheumatoid arthritis: a register "
               "cohort", (None,
        "We followed 8120 patients. Exposure was not significantly associated with demyelinating "
        "events (hazard ratio 1.10, 95% CI 0.61 to 1.98). In this register, IL-6 inhibitor treatment "
        "was not associated with demyelinating events, although a small increase cannot be excluded."))
    assert st["result"] == "positive"


def test_no_harm_overall_and_a_harm_after_it_is_mixed() -> None:
    st = study("Rates of serious infection in psoriatic arthritis patients receiving anti-IL-17 "
               "therapy: a cohort study from a national register", (None,
        "We compared 2400 patients starting an IL-17 inhibitor with 1900 starting a conventional "
        "drug. The adjusted incidence rate ratio for serious infection was 1.05 (0.72-1.52). Anti-IL-17 "
        "therapy was not associated with an increase in the overall risk of serious infection, but the "
        "rate of candidiasis was increased."))
    assert st["result"] == "mixed"


def test_a_review_of_a_treatments_risks_finds_the_harm_and_one_of_benefits_is_left_alone() -> None:
    st = study("Risk of fracture with long-term opioid treatment: a systematic review and "
               "meta-analysis",
               ("Results", "Twenty-one studies with 1.2 million participants were included."),
               ("Conclusions", "Long-term opioid treatment is associated with a moderate increase in "
                               "fracture risk, but tramadol is not associated with such an excess."))
    assert st["design"] in ("meta_analysis", "systematic_review")
    assert st["result"] == "negative"
    st = study("Cannabinoids for chronic pain and their harms: a systematic review",
               ("Conclusions", "Low-quality evidence suggests that cannabinoids may relieve neuropathic "
                               "pain. Cannabinoids are associated with an increased risk of dizziness."))
    assert st["result"] == "mixed"


def test_a_non_drug_exposure_or_an_efficacy_cohort_is_no_risk_finding() -> None:
    st = study("Occupational solvent exposure and carpal tunnel syndrome among factory workers: a "
               "case-control study", (None,
        "We compared 310 workers with carpal tunnel syndrome with 620 controls. Solvent exposure was "
        "associated with carpal tunnel syndrome in this population."))
    assert st["result"] is None
    st = study("Long-term outcomes of spinal cord stimulation compared with medical therapy for "
               "chronic back pain: a cohort study",
               ("Results", "Stimulation was associated with slightly lower odds of nerve ablation."),
               ("Conclusions", "Spinal cord stimulation was not associated with reduced opioid use over "
                               "2 years and was associated with higher costs."))
    assert st["result"] == "negative"


def test_less_well_tolerated_and_doubted_safety_are_no_safety_finding() -> None:
    st = study("Harms of long-term opioids versus non-opioid analgesics in chronic pain: a systematic "
               "review and meta-analysis",
               ("Conclusions", "Opioids were no more effective than non-opioid analgesics and were less "
                               "well tolerated, and there is little evidence that any opioid is safe over "
                               "the long term."))
    assert st["result"] == "negative"


def test_time_off_treatment_and_lasting_effects_are_not_treatment_time() -> None:
    st = study("Intravenous ketamine for complex regional pain syndrome: a randomized trial",
               ("Methods", "Forty patients were randomized to ketamine or placebo infusions for 10 "
                           "days. Patients were then followed for a further 12 weeks off treatment."))
    assert st["duration_weeks"] == round(10 / 7, 2)
    st = study("Dry needling versus sham for chronic neck pain: a randomized clinical trial",
               ("Methods", "Eight sessions of dry needling or sham needling were given over 6 weeks."),
               ("Conclusions", "Dry needling reduced neck pain more than sham, with effects lasting up "
                               "to 26 weeks."))
    assert st["duration_weeks"] == 6


def test_a_treatment_period_written_within_is_the_treatment_time() -> None:
    st = study("Pregabalin versus duloxetine for painful radiculopathy: a randomized trial",
               ("Methods", "In all, 410 patients were randomized to pregabalin or duloxetine within a "
                           "20-week double-dummy treatment period followed by 8 weeks of safety follow-up."))
    assert st["duration_weeks"] == 20


def test_a_record_review_of_fewer_than_a_hundred_treated_patients_is_a_case_series() -> None:
    def review(n: int) -> dict:
        return study(f"Low-dose naltrexone in chronic widespread pain: a retrospective review of {n} "
                     "patients", ("Methods", "We reviewed the charts of all patients started on LDN "
                                             "in our clinic between 2017 and 2021."),
                     ("Results", f"{n} patients were included; 41% reported less pain."))
    assert review(64)["design"] == "case_series"
    assert review(240)["design"] == "cohort"
    st = study("Low-dose naltrexone in refractory vulvodynia: a three-year audit from a regional clinic",
               ("Methods", "Audit of all women started on LDN 4.5 mg at our clinic, 2019-2022."),
               ("Results", "Sixteen women were treated; nine reported a reduction in pain."))
    assert st["design"] == "case_series"


def test_worth_considering_is_a_soft_positive() -> None:
    st = study("Low-dose naltrexone for burning mouth syndrome: a case series",
               ("Results", "Four of seven patients reported less burning at 8 weeks."),
               ("Conclusions", "Low-dose naltrexone may be worth considering in refractory burning "
                               "mouth syndrome; controlled studies are needed."))
    assert st["result"] == "positive"


def test_a_raised_dose_for_a_further_period_and_titration_then_maintenance_add_up() -> None:
    st = study("Low-dose naltrexone for chronic pelvic pain: an open-label pilot study",
               ("Methods", "Naltrexone 1.5 mg nightly was given for 3 weeks and increased to 4.5 mg "
                           "nightly for a further 9 weeks."))
    assert st["duration_weeks"] == 12
    st = study("Oxycodone for osteoarthritis pain: an open-label study",
               ("Methods", "Oxycodone was started at 10 mg b.i.d. and titrated to a maximum of 40 mg "
                           "b.i.d. over 4 weeks, followed by an 8-week maintenance phase."))
    assert st["duration_weeks"] == 12
    # a crossover's second period is no further course
    st = study("Burst versus tonic stimulation for failed back surgery syndrome: a randomized "
               "crossover trial",
               ("Methods", "Thirty patients received tonic stimulation for 8 weeks and then the other "
                           "mode for a further 8 weeks."))
    assert st["duration_weeks"] == 8


def test_a_benefit_bought_with_a_harm_is_mixed() -> None:
    st = study("Intra-articular corticosteroid for knee osteoarthritis: a randomized trial",
               ("Conclusions", "Repeated injections gave short-term pain relief at the cost of faster "
                               "cartilage loss."))
    assert st["result"] == "mixed"
    st = study("Anti-NGF antibody for hip osteoarthritis: a randomized, placebo-controlled trial",
               ("Conclusions", "The antibody improved pain and function, but the arthropathy signal at "
                               "the higher dose limits its use."))
    assert st["result"] == "mixed"


def test_a_randomised_trial_that_would_be_feasible_is_one_to_come() -> None:
    st = study("Low-dose naltrexone for vulvodynia: a single-arm feasibility study",
               ("Methods", "Women with provoked vulvodynia took LDN 4.5 mg nightly for 8 weeks."),
               ("Results", "Twenty women were enrolled and 17 completed."),
               ("Conclusions", "A randomised trial is feasible; pain fell in most completers."))
    assert (st["design"], st["randomized"]) == ("single_arm_trial", False)


def test_self_controlled_series_emulated_trials_and_harm_reviews_are_risk_studies() -> None:
    st = study("Codeine and hyponatraemia: a self-controlled case series in primary care",
               ("Results", "1,204 patients had a first episode of hyponatraemia."),
               ("Conclusions", "Codeine was associated with a more than twofold increase in "
                               "hyponatraemia in the first two weeks of use."))
    assert (st["design"], st["result"]) == ("case_series", "negative")
    st = study("Celecoxib use and renal risks: a series of nationwide emulated trials",
               ("Conclusions", "Celecoxib poses a renal risk compared with paracetamol."))
    assert (st["design"], st["result"]) == ("cohort", "negative")
    st = study("Adverse events of duloxetine in randomised placebo-controlled trials: a systematic "
               "review and meta-analysis",
               ("Results", "Forty trials (9,870 participants) were included."),
               ("Conclusions", "Duloxetine harms are frequent and dose-related; they should be "
                               "weighed against its modest benefits."))
    assert st["result"] == "negative"


def test_a_clinic_review_appointment_is_no_narrative_review_and_arms_listed_with_n() -> None:
    st = study("Prescribing gabapentin in a community pain service: a clinical audit",
               ("Methods", "All patients newly started on gabapentin over a year were included. "
                           "Standards were a documented pain score and a review at 8 weeks."),
               ("Results", "n = 52 patients were included; 20 continued with benefit."))
    assert st["design"] == "case_series"
    assert st["n_enrolled"] == 52
    st = study("Two doses of pregabalin versus placebo in sciatica: a randomized, double-blind trial",
               ("Results", "Randomized participants numbered n = 31 (150 mg), n = 30 (300 mg) and "
                           "n = 32 (placebo)."),
               ("Conclusions", "Pregabalin 300 mg, but not 150 mg, modestly reduced leg pain."))
    assert st["n_enrolled"] == 93
    assert st["result"] == "mixed"


def test_a_title_only_non_interventional_study_is_a_cohort() -> None:
    st = study("[Tapentadol for chronic knee pain in everyday practice: results of a "
               "non-interventional study]")
    assert st["design"] == "cohort"


def test_efficacy_cohorts_and_benefit_harm_reviews_are_no_risk_studies() -> None:
    st = study("Semaglutide in adults with obesity and knee pain: a real-world cohort",
               ("Conclusions", "Semaglutide was associated with clinically meaningful weight loss."))
    assert st["result"] != "negative"
    st = study("Adalimumab dose escalation in Crohn's disease: a retrospective cohort",
               ("Conclusions", "Dose escalation did not increase remission rates at one year."))
    assert st["result"] == "negative"
    st = study("Efficacy and safety of pregabalin for fibromyalgia: a systematic review and meta-analysis",
               ("Conclusions", "Pregabalin reduced pain modestly but was associated with an increased "
                               "risk of dizziness."))
    assert st["result"] == "mixed"
    st = study("Chronic pain and risk of suicide: a nationwide cohort study",
               ("Conclusions", "Chronic pain was associated with an increased risk of suicide."))
    assert st["result"] is None
    st = study("Triptan use and ischaemic stroke in migraine: a nested case-control study",
               ("Conclusions", "No association was found between current triptan use and ischaemic "
                               "stroke."))
    assert st["result"] == "positive"


def test_guards_on_the_soft_positive_and_the_harm_beside_benefit() -> None:
    st = study("Low-dose naltrexone for fibromyalgia: a randomized trial",
               ("Conclusions", "LDN did not reduce pain and is not worth considering for fibromyalgia."))
    assert st["result"] == "negative"
    st = study("Erenumab for chronic migraine: an open-label extension",
               ("Conclusions", "Erenumab reduced migraine days over 2 years without any new safety signal."))
    assert st["result"] == "positive"
    st = study("Knee physiotherapy at home versus in clinic: a randomized trial",
               ("Conclusions", "Home physiotherapy improved function at the cost of two extra clinic "
                               "visits, and was cost-effective."))
    assert st["result"] == "positive"
    st = study("Topical clonidine for diabetic neuropathy: a randomized, placebo-controlled trial",
               ("Conclusions", "Topical clonidine failed its primary outcome of pain reduction."))
    assert st["result"] == "negative"


def test_a_chart_review_named_in_the_title_still_counts_its_patients() -> None:
    st = study("Low-dose naltrexone for chronic pain: a retrospective chart review",
               ("Results", "Forty-five patients were included; 20 reported less pain."))
    assert st["design"] == "case_series"


def test_a_records_studys_analysed_sample_is_its_population() -> None:
    st = study("Low-dose naltrexone versus duloxetine in fibromyalgia: a propensity-matched "
               "retrospective cohort", (None,
        "Using pharmacy records we matched LDN starters to duloxetine starters. The analysis "
        "included 310 patients (155 per group). Pain fell more with LDN (p = 0.03)."))
    assert (st["design"], st["n_enrolled"]) == ("cohort", 310)


def test_a_reassuring_pharmacovigilance_record_and_harms_written_as_percentages() -> None:
    st = study("Safety profile of pregabalin in a national pharmacovigilance database: a "
               "disproportionality analysis",
               ("Results", "We found 2,310 reports; dizziness and somnolence were the most frequent."),
               ("Conclusions", "Reports were dominated by known reactions, with no signal for liver "
                               "injury. These findings are reassuring."))
    assert st["result"] == "positive"
    st = study("PPI use and community-acquired pneumonia in older adults: a nested case-control study",
               ("Conclusions", "Current use was associated with 34% higher odds of pneumonia."))
    assert (st["design"], st["result"]) == ("case_control", "negative")


def test_numerical_gains_or_a_trend_are_soft_praise_of_a_null_trial() -> None:
    title = "Low-dose naltrexone for pain in hip osteoarthritis: a randomised, double-blind trial"
    methods = ("Methods", "Adults were randomised to naltrexone 4.5 mg or placebo for 12 weeks. The "
               "primary outcome was the change in average pain from baseline to week 12.")
    null = ("Results", "Eighty adults were randomised. Pain fell by 1.3 points with naltrexone and by "
            "0.9 with placebo (difference -0.4; 95% CI -1.1 to 0.3; P = .27).")
    numerical = ("Conclusions", "Naltrexone was well tolerated and gave numerically larger "
                 "improvements in pain than placebo.")
    trend = ("Conclusions", "Naltrexone showed a favourable trend in pain over placebo.")
    assert study(title, methods, null, numerical)["result"] == "negative"
    assert study(title, methods, null, trend)["result"] == "negative"
    # with a significant primary the same words do not undo the benefit
    sig = ("Results", "Eighty adults were randomised. Pain fell more with naltrexone (difference "
           "-1.2; 95% CI -1.9 to -0.5; P = .001).")
    assert study(title, methods, sig, numerical)["result"] == "positive"


def test_arm_sizes_after_a_slash_and_pairs_and_groups_of_equal_size_are_counted() -> None:
    title = "Auricular vagus nerve stimulation for fibromyalgia: a sham-controlled randomised trial"
    slash = ("Methods", "Women with fibromyalgia were randomised to active or sham stimulation, 30 "
             "minutes twice daily for 8 weeks (n = 31/29).")
    assert study(title, slash)["n_enrolled"] == 60
    # a share written with a slash, in a sentence that allocates nobody, is no pair of arms
    share = ("Results", "Pain improved in most patients (n = 12/20) by week 8.")
    assert study("Pregabalin for neuropathic pain: an open-label study", share)["n_enrolled"] != 32
    cohort = "Low-dose naltrexone compared with gabapentinoids: a propensity-matched cohort study"
    pairs = ("Results", "We matched 233 pairs. Pain changed by -0.9 with LDN and -0.8 with gabapentinoids.")
    assert study(cohort, pairs)["n_enrolled"] == 466
    each = ("Methods", "The long-acting opioid cohort and the control cohort each had 22 912 patients.")
    assert study("Long-acting opioids and mortality: a retrospective cohort study", each)["n_enrolled"] \
        == 45824
    # pairs of treatment periods are not pairs of people
    periods = ("Methods", "Thirty adults with fibromyalgia will each complete three pairs of 4-week "
               "treatment periods of naltrexone 4.5 mg or placebo, a total of 24 weeks.")
    assert study("Series of n-of-1 trials of low-dose naltrexone: a protocol", periods)["n_enrolled"] == 30


def test_a_letter_reporting_a_clinics_patients_counts_them_and_is_a_case_series() -> None:
    letter = ("To the Editor: Between 2022 and 2025 we prescribed LDN, 1.5 to 4.5 mg nightly, to 12 "
              "patients with seropositive RA and persistent pain. After 3 months, 7 of the 12 reported "
              "meaningful pain relief. We offer these observations to encourage a controlled trial.")
    art = record("Low-dose naltrexone in rheumatoid arthritis: a single-centre experience", (None, letter),
                 types=["Letter"])
    st = extract_study(art).study
    assert (st["design"], st["n_enrolled"]) == ("case_series", 12)
    offered = ("Sir, we offered LDN 4.5 mg at night, in addition to stable conventional DMARDs, to 14 "
               "patients at our clinic with residual pain. Twelve completed 16 weeks. Mean pain VAS fell "
               "from 58 to 39 mm (p = 0.01).")
    st = extract_study(record("Low-dose naltrexone as add-on treatment in rheumatoid arthritis: an "
                              "open-label pilot", (None, offered), types=["Letter"])).study
    assert (st["design"], st["n_enrolled"]) == ("single_arm_trial", 14)


def test_a_chart_review_of_two_named_treatments_is_a_cohort() -> None:
    text = ("Methods: Chart review at a neuromuscular clinic of adults with small fiber neuropathy "
            "started on LDN (n = 23; 1.5-4.5 mg nightly) or gabapentin (n = 31; 300-1800 mg/day). "
            "Results: Mean pain fell from 6.8 to 5.6 on LDN and from 6.9 to 5.9 on gabapentin.")
    assert study("Low-dose naltrexone versus gabapentin for small fiber neuropathy pain: a "
                 "retrospective comparison", (None, text))["design"] == "cohort"
    assert study("Low-dose naltrexone for small fiber neuropathy pain: a retrospective review",
                 (None, text.replace(" or gabapentin (n = 31; 300-1800 mg/day)", "")))["design"] \
        == "case_series"


def test_an_enrolment_period_is_not_treatment_time_and_a_dose_kept_until_week_n_is() -> None:
    title = "Low-dose naltrexone for endometriosis-associated pelvic pain: a pilot randomised trial"
    methods = ("Methods", "Women were randomised, double-blind, to naltrexone 4.5 mg or placebo for 8 weeks.")
    results = ("Results", "Twenty-five women were randomised (n = 12/13, LDN/placebo) over 14 months "
               "against a target of 30, and 21 completed.")
    assert study(title, methods, results)["duration_weeks"] == 8
    titrated = (None, "Eighteen adults with chronic low back pain received open-label naltrexone: 1.5 mg "
                "nightly for the first week, 3 mg in the second week and 4.5 mg thereafter until week 12. "
                "Fifteen completed the study.")
    assert study("Low-dose naltrexone for chronic low back pain: an open-label pilot study",
                 titrated)["duration_weeks"] == 12


def test_an_uncontrolled_studys_caveat_is_no_finding_against_the_treatment() -> None:
    title = "Long-term safety of low-dose naltrexone in fibromyalgia: a 52-week open-label extension study"
    methods = ("Methods", "Participants received open-label naltrexone 4.5 mg for 52 weeks. The primary "
               "outcome was the incidence of treatment-emergent adverse events.")
    results = ("Results", "Of 88 eligible participants, 71 enrolled. Adverse events were mostly mild, and "
               "no serious adverse event was judged related to naltrexone.")
    caveat = ("Conclusions", "LDN up to 4.5 mg daily was well tolerated for a year in fibromyalgia. "
              "Without a control group, the change in pain cannot be attributed to treatment.")
    st = study(title, methods, results, caveat)
    assert (st["design"], st["result"]) == ("single_arm_trial", "positive")
    # in a trial of two active drugs without placebo the same words state a null for the drugs
    rct = ("Conclusions", "Both groups improved modestly, which in the absence of a placebo arm cannot "
           "be attributed to either drug.")
    assert study("Naltrexone versus duloxetine for fibromyalgia: a randomised trial",
                 ("Methods", "Adults were randomised to naltrexone 4.5 mg or duloxetine 60 mg for 12 weeks."),
                 rct)["result"] == "negative"


def test_as_needed_dosing_and_calls_for_sham_controlled_trials_read_right_for_placebo() -> None:
    title = "Efficacy of paracetamol for acute low-back pain: a double-blind, randomised controlled trial"
    methods = ("Methods", "In this double-dummy, double-blind trial, 1,652 people were randomly assigned to "
               "regular paracetamol, as-needed paracetamol or placebo.")
    results = ("Results", "550 participants were assigned to regular paracetamol, 549 to as-needed "
               "paracetamol and 553 to placebo.")
    assert study(title, methods, results)["placebo_controlled"] is True
    pilot = "Home-based transcranial direct current stimulation for fibromyalgia: an open-label study"
    for call in ("sham-controlled trials are required.",
                 "these findings justify a randomised placebo-controlled trial."):
        st = study(pilot, ("Methods", "Twenty women used active stimulation at home for 4 weeks."),
                   ("Conclusions", "Home-based stimulation was feasible; " + call))
        assert st["placebo_controlled"] is False


def test_a_guideline_built_on_a_systematic_review_is_guidance_not_a_review() -> None:
    methods = ("Methods", "Based on a systematic review of randomised trials published through 2015, "
               "graded with the ACP grading system.")
    rec = ("Recommendation 1", "Clinicians should initially select nonpharmacologic treatment.")
    st = study("Noninvasive Treatments for Chronic Low Back Pain: A Clinical Practice Guideline From the "
               "American College of Physicians", methods, rec)
    assert (st["design"], st["result"]) == ("other", None)
    st = study("EULAR revised recommendations for the management of fibromyalgia", (None,
        "A multidisciplinary group assessed systematic reviews and meta-analyses. In all, 107 reviews "
        "were evaluated. Only exercise received a strong recommendation."), types=["Review"])
    assert st["design"] == "other"
    # a trial of guideline-based care is a trial
    st = study("Spinal manipulative therapy added to guideline-based care for chronic low back pain: a "
               "randomized trial", ("Methods", "Adults were randomized to guideline-based care with or "
                                    "without manipulation for 6 weeks."))
    assert st["design"] == "rct_parallel"


def test_cells_from_donors_stimulated_in_a_dish_are_in_vitro_work() -> None:
    st = study("Palmitoylethanolamide dampens TNF-alpha-induced interleukin-6 release from rheumatoid "
               "arthritis fibroblast-like synoviocytes", (None,
        "We tested whether palmitoylethanolamide (PEA) modifies the inflammatory response of human "
        "synoviocytes. Synoviocytes isolated from synovial tissue of six patients with rheumatoid "
        "arthritis were stimulated with TNF-alpha with or without PEA at 1, 3 or 10 microM for 24 hours. "
        "PEA reduced IL-6 secretion in a concentration-dependent manner (p < 0.01)."))
    assert (st["design"], st["population"]) == ("in_vitro", "in_vitro")


def test_one_of_two_co_primary_outcomes_met_is_mixed_and_one_dose_of_two_too() -> None:
    title = "Adjunctive low-dose naltrexone in rheumatoid arthritis: a randomized controlled trial"
    methods = ("Method", "Patients on methotrexate were randomized double-blind to LDN 4.5 mg or placebo "
               "for 6 months. The co-primary outcomes were pain VAS and DAS28-CRP at month 6.")
    split = ("Results", "Pain VAS decreased by 17 mm with LDN and by 8 mm with placebo (p = 0.03), "
             "whereas the change in DAS28-CRP was similar (p = 0.84).")
    both = ("Results", "Pain VAS (p = 0.03) and DAS28-CRP (p = 0.01) improved more with LDN.")
    concl = ("Conclusion", "LDN reduced pain without changing inflammatory disease activity.")
    st = extract_study(record(title, methods, split, concl)).study
    assert st["result"] == "mixed"
    assert any(e["rule"] == "result_mixed_co_primary_split" for e in st["evidence"])
    assert study(title, methods, both, concl)["result"] == "positive"
    # doses that differ in one sentence are not two outcomes
    doses = ("Results", "Pain fell significantly more than with placebo with pregabalin 450 mg and 600 mg, "
             "whereas the difference for 300 mg was not statistically significant.")
    assert study(title, methods, doses, ("Conclusion", "Pregabalin reduced pain."))["result"] == "positive"
    arms = ("Conclusion", "Naltrexone 4.5 mg, but not 1 mg, increased the proportion of pain responders "
            "compared with placebo.")
    assert study("Naltrexone 1 mg and 4.5 mg versus placebo in fibromyalgia: a randomised trial",
                 ("Methods", "Patients were randomised to naltrexone 1 mg, 4.5 mg or placebo for 8 weeks."),
                 arms)["result"] == "mixed"


def test_a_placebo_run_in_is_not_treatment_time_and_the_active_phase_after_it_is() -> None:
    st = study("Low-dose naltrexone in women with chronic widespread pain: a single-blind, "
               "placebo-controlled crossover study", ("Methods",
        "Twenty-two women completed a 2-week baseline, then received placebo for 2 weeks without "
        "being told when active treatment began, followed by 10 weeks of LDN 4.5 mg nightly and a "
        "2-week washout."))
    assert (st["design"], st["duration_weeks"]) == ("nonrandomized_controlled", 10)
    # an arm of placebo given beside the drug keeps the course's length
    st = study("Naltrexone for fibromyalgia: a randomised trial", ("Methods",
        "Adults were randomised to naltrexone 4.5 mg or placebo for 12 weeks."))
    assert st["duration_weeks"] == 12


def test_two_groups_whose_sizes_carry_their_doses_are_summed_but_shares_are_not() -> None:
    text = ("Methods: Chart review of adults with small fiber neuropathy started on LDN (n = 23; "
            "1.5-4.5 mg nightly) or gabapentin (n = 31; 300-1800 mg/day) between 2018 and 2022.")
    assert study("Low-dose naltrexone versus gabapentin for small fiber neuropathy pain: a "
                 "retrospective comparison", (None, text))["n_enrolled"] == 54
    shares = ("Results", "Metastatic disease (n = 55; 77.5 %) was the leading indication followed by "
              "primary liver malignancies (n = 7; 9.9 %).")
    assert study("Hepatic resections with a bipolar radiofrequency device", shares)["n_enrolled"] != 62


def test_p_values_with_a_decimal_comma_are_read_as_decimals_not_as_zero() -> None:
    # a null trial reported in a language that writes "0,46" for 0.46
    art = record("[Naltrexona en dosis bajas para la lumbalgia crónica: ensayo aleatorizado]",
        ("Métodos", "Ochenta pacientes con lumbalgia crónica fueron aleatorizados a naltrexona "
                    "4,5 mg o placebo durante 12 semanas."),
        ("Resultados", "El dolor (BPI) disminuyó 1,4 puntos con naltrexona y 1,1 con placebo "
                       "(diferencia -0,3; p = 0,46). El FIQ mejoró (p < 0,001)."))
    ex = extract_study(art)
    assert ex.study["result"] == "negative"
    assert sorted(o["p_value"] for o in ex.outcomes if o["p_value"] is not None) == [0.001, 0.46]


def test_a_lack_of_effect_given_as_a_reason_for_stopping_is_not_the_studys_finding() -> None:
    st = study("Low-dose naltrexone for chronic widespread pain: a case series", (None,
        "We describe nine patients treated with low-dose naltrexone 4.5 mg nightly. Six of the nine "
        "rated themselves much improved and median pain severity fell from 6.5 to 4.0. Two patients "
        "stopped because of insomnia and one reported no effect. These observations support a "
        "controlled trial."))
    assert st["result"] == "positive"
    st = study("Low-dose naltrexone in refractory fibromyalgia: a retrospective case series",
        ("Results", "Twenty-two had follow-up data; nine stopped early (insomnia in four, no "
                    "perceived effect in three and cost in two). FIQR fell from 68.4 to 54.1 "
                    "(p = 0.002)."),
        ("Conclusion", "Controlled studies are needed."))
    assert st["result"] == "positive"
    # a trial stopped for lack of efficacy is a finding, and so is a null beside the stoppers
    st = study("Low-dose naltrexone for fibromyalgia: a randomised, placebo-controlled trial",
        ("Results", "The study was stopped early because of lack of efficacy."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for fibromyalgia: a randomised, placebo-controlled trial",
        ("Results", "Pain did not improve, and three patients discontinued because of headache."))
    assert st["result"] == "negative"


def test_similar_outcomes_in_the_drug_and_placebo_groups_are_a_null_result() -> None:
    st = study("Low-dose naltrexone for chronic low back pain: a randomised, placebo-controlled trial",
        ("Results", "Pain reductions were similar in the LDN and placebo groups (P = .41)."))
    assert st["result"] == "negative"


def test_harms_that_outweigh_any_benefit_are_a_negative_finding() -> None:
    st = study("Nightmares and no relief with low-dose naltrexone in fibromyalgia", (None,
        "A 44-year-old woman with fibromyalgia began naltrexone 4.5 mg at bedtime. Within three nights "
        "she had vivid dreams and slept fewer than four hours. This case illustrates that the "
        "sleep-related adverse effects of low-dose naltrexone can be severe enough to outweigh any "
        "potential benefit."))
    assert st["result"] == "negative"
    st = study("Duloxetine for chronic low back pain: a randomised, placebo-controlled trial",
        ("Conclusions", "Duloxetine reduced pain, and its benefits outweigh the risk of nausea."))
    assert st["result"] == "positive"


def test_a_benefit_for_a_minority_or_for_one_dose_only_is_mixed() -> None:
    st = study("Low-dose naltrexone in a pain clinic: a retrospective chart review", (None,
        "We reviewed 98 patients prescribed LDN 0.5-4.5 mg. Thirty-seven reported at least 30% "
        "relief. Low-dose naltrexone helped a minority of our patients and was often stopped for "
        "side effects."))
    assert st["result"] == "mixed"
    st = study("Low versus standard dose naltrexone in fibromyalgia: a randomised placebo-controlled trial",
        ("Conclusion", "Only the low dose improved fibromyalgia impact."))
    assert st["result"] == "mixed"


def test_a_title_only_report_of_a_known_side_effect_is_a_harm_finding() -> None:
    for title in ("Severe headache after dose escalation of low-dose naltrexone in a patient with "
                  "painful diabetic neuropathy",
                  "Vivid dreams and insomnia with low-dose naltrexone: a case report"):
        st = study(title)
        assert (st["design"], st["result"]) == ("case_report", "negative")


def test_years_of_illness_after_a_head_count_are_neither_a_group_nor_treatment_time() -> None:
    st = study("Gabapentin for painful diabetic neuropathy: a randomized controlled trial", ("Methods",
        "In an 8-week randomised, double-blind, placebo-controlled trial at 20 sites, 165 patients with "
        "diabetes and 1 to 5 years of painful distal neuropathy were allocated to gabapentin (n = 84) "
        "or placebo (n = 81)."))
    assert (st["n_enrolled"], st["duration_weeks"]) == (165, 8)
    # a course named after the condition it treats is still a course
    st = study("Group exercise for chronic low back pain: a randomised trial", ("Methods",
        "Adults were randomised to group exercise for 12 weeks of pain rehabilitation or to usual care."))
    assert st["duration_weeks"] == 12


def test_matched_cohorts_of_n_each_are_counted_in_full() -> None:
    st = study("The comparative safety of analgesics in older adults with arthritis: a cohort study",
        ("Methods", "We identified new users of nonselective NSAIDs, coxibs or opioids. Propensity score "
                    "matching produced three cohorts of 6275 patients each."))
    assert st["n_enrolled"] == 18825


def test_time_spent_on_the_drug_is_treatment_time_but_a_prescribing_period_is_not() -> None:
    st = study("Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled crossover trial",
        ("Methods", "Thirty-one women took part. Each woman spent 12 weeks on naltrexone 4.5 mg taken "
                    "once a day and 4 weeks on identical placebo capsules, after a 2-week baseline."))
    assert st["duration_weeks"] == 12
    st = study("Low-dose naltrexone for chemotherapy-induced neuropathy: experience in seven patients",
        (None, "Over two years we prescribed naltrexone 3 mg at night to seven consecutive patients with "
               "painful neuropathy. Five of the seven reported less pain."))
    assert st["duration_weeks"] != 104


def test_new_users_found_in_health_system_data_make_a_cohort() -> None:
    st = study("Oral naltrexone and pain outcomes in veterans with alcohol use disorder", (None,
        "Using national Veterans Health Administration data for 2015-2022 we identified 6,214 veterans "
        "who started naltrexone 50 mg (n = 2,871) or acamprosate (n = 3,343). Pain scores changed "
        "similarly with both drugs."))
    assert (st["design"], st["randomized"]) == ("cohort", False)
    st = study("The comparative safety of analgesics in older adults with arthritis", (None,
        "Using Medicare beneficiaries from 1999 through 2005, we identified new users of NSAIDs, "
        "coxibs or opioids. Opioid users had more fractures."))
    assert st["design"] == "cohort"
    # a trial's dose or tumour cohorts are not an observational cohort
    st = study("PD-1 blockade in tumors with mismatch-repair deficiency", (None,
        "We conducted an open-label phase 2 study of pembrolizumab in 41 patients, in three cohorts: "
        "deficient colorectal cancer, proficient colorectal cancer and other deficient cancers."))
    assert st["design"] == "single_arm_trial"


def test_a_trend_that_did_not_reach_significance_is_a_null_result() -> None:
    st = study("Low-dose naltrexone for interstitial cystitis: a randomised, placebo-controlled trial",
        ("Conclusions", "There was a trend towards lower bladder pain with LDN that did not reach "
                        "statistical significance."))
    assert st["result"] == "negative"


def test_patient_communities_that_carry_a_survey_are_no_head_count() -> None:
    st = study("Why do people use low-dose naltrexone? An online survey of users",
        ("Methods", "An anonymous web survey was advertised through three online patient communities in "
                    "2025."),
        ("Results", "Most respondents were women (84%)."))
    assert st["n_enrolled"] is None  # not 3


def test_a_surveys_respondents_are_those_who_completed_it_not_those_who_opened_it() -> None:
    st = study("Use of low-dose naltrexone by people living with chronic pain: a national online survey",
        ("Methods", "We invited members of three online patient communities to an anonymous web survey."),
        ("Results", "Of 2,043 people who opened the survey, 1,688 completed it. In all, 214 respondents "
                    "had ever used LDN."))
    assert st["n_enrolled"] == 1688


def test_a_change_from_baseline_is_no_control_group_and_an_open_dose_finding_study_is_single_arm() -> None:
    st = study("Finding the dose: an adaptive dose-response study of naltrexone in fibromyalgia", (None,
        "Methods: Women with fibromyalgia entered an open, sequential dose-finding study. Each participant "
        "received one fixed dose, and response was a reduction of at least 30% in pain compared with "
        "baseline. Results: Twenty-five women enrolled."))
    assert st["design"] == "single_arm_trial"


def test_relief_comparable_to_an_active_drug_and_benefits_that_do_not_last_are_mixed() -> None:
    st = study("Low-dose naltrexone versus gabapentinoids for painful diabetic neuropathy: a cohort study",
        ("Conclusion", "LDN was associated with pain relief comparable to gabapentinoids and fewer "
                       "discontinuations for adverse effects."))
    assert st["result"] == "mixed"
    st = study("Motor control exercise versus general exercise for chronic low back pain: a randomized trial",
        ("Conclusion", "Motor control exercise produces small short-term benefits over general exercise "
                       "that do not last."))
    assert st["result"] == "mixed"
    # relief comparable to placebo is a null
    st = study("Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial",
        ("Conclusion", "LDN gave pain relief comparable to placebo."))
    assert st["result"] == "negative"


def test_a_title_only_trial_that_states_non_inferiority_is_positive() -> None:
    st = study("Pulsed radiofrequency of the dorsal root ganglion is non-inferior to transforaminal "
               "epidural steroid injection for chronic lumbosacral radicular pain: a randomized trial")
    assert st["result"] == "positive"


def test_a_review_whose_results_support_a_recommendation_for_a_treatment_is_positive() -> None:
    st = study("Pharmacotherapy for neuropathic pain in adults: a systematic review and meta-analysis",
        ("Interpretation", "The results support a strong recommendation for first-line use of "
                           "gabapentin, pregabalin and tricyclic antidepressants."))
    assert (st["design"], st["result"]) == ("meta_analysis", "positive")


def test_a_drug_stopped_after_n_weeks_and_a_further_titration_step_count_as_treatment_time() -> None:
    st = study("Nightmares and insomnia with low-dose naltrexone: a case report", (None,
        "A 44-year-old woman began naltrexone 4.5 mg at bedtime. Within three nights she had vivid "
        "dreams. The drug was stopped after three weeks and her sleep returned to normal within five days."))
    assert st["duration_weeks"] == 3
    st = study("Low-dose naltrexone for chronic low back pain: protocol for a randomised trial",
        ("Methods", "Participants will receive naltrexone 1 mg for 1 week, 3 mg for 1 week and 4.5 mg "
                    "daily for a further 10 weeks, or identical placebo, and will be followed to 26 weeks."))
    assert st["duration_weeks"] == 12


def test_a_course_whose_number_of_sessions_stands_between_its_length_and_its_name() -> None:
    st = study("Comparison of general exercise, motor control exercise and spinal manipulative therapy "
               "for chronic low back pain: a randomized trial", (None,
        "Two hundred and forty adults with low back pain of at least 3 months' duration were randomly "
        "allocated to 8 weeks (12 sessions) of general exercise, motor control exercise or spinal "
        "manipulative therapy."))
    assert st["duration_weeks"] == 8


def test_cases_matched_each_to_k_controls_count_cases_and_controls_not_k() -> None:
    st = study("Gabapentinoid use and hip fracture in older adults with chronic pain: a nested "
               "case-control study", ("Methods",
        "Using Danish national registries, we identified 11,480 adults aged 65 or older who had a hip "
        "fracture between 2010 and 2023 and matched each to four controls without fracture on age, sex "
        "and calendar time (45,920 controls)."))
    assert (st["design"], st["n_enrolled"]) == ("case_control", 57400)


def test_a_laboratory_title_with_a_plural_subject_states_its_finding() -> None:
    st = study("Naltrexone and its enantiomer (+)-naltrexone inhibit TLR4 signalling in human microglial "
               "cells", (None,
        "We exposed human microglial cells to lipopolysaccharide with naltrexone at 0.01-100 micromolar. "
        "Both enantiomers reduced cytokine release. Knock-down of the mu-opioid receptor did not change "
        "the response."))
    assert (st["design"], st["result"]) == ("in_vitro", "positive")
    # a question asks; it states nothing
    st = study("Does low-dose naltrexone inhibit cytokine release?")
    assert st["result"] is None


def test_experience_that_does_not_reproduce_a_benefit_is_a_negative_finding() -> None:
    st = study("Low-dose naltrexone for fibromyalgia in routine practice", (None,
        "We reviewed 19 consecutive patients who started naltrexone 4.5 mg. Eleven stopped within three "
        "months. Our experience does not reproduce the benefit reported in early uncontrolled studies."))
    assert st["result"] == "negative"


def test_mouse_and_human_cells_in_the_title_make_a_cell_study_and_reviewed_outcomes_a_case_series() -> None:
    st = study("Cannabidiol attenuates lipopolysaccharide-induced activation of mouse and human "
               "iPSC-derived microglia: comparison with (+)-naltrexone", (None,
        "We compared cannabidiol with (+)-naltrexone in BV-2 cells and in microglia derived from human "
        "induced pluripotent stem cells. Cells were exposed to lipopolysaccharide with cannabidiol "
        "(0.3-10 microM). Cannabidiol reduced TNF-alpha release."))
    assert st["design"] == "in_vitro"
    st = study("Low-dose naltrexone for fibromyalgia in routine practice: high discontinuation", (None,
        "Sir, we reviewed the outcomes of 19 consecutive patients who started naltrexone 4.5 mg at our "
        "clinic. Eleven stopped within three months. Our experience differs from early uncontrolled "
        "studies."), types=["Letter"])
    assert st["design"] == "case_series"


def test_an_open_label_extension_counts_those_who_entered_it_for_its_own_length() -> None:
    st = study("Long-term open-label extension of a randomised trial of low-dose naltrexone in fibromyalgia",
        ("Methods", "Participants who completed the double-blind phase were offered a 36-week open-label "
                    "extension in which all received naltrexone 4.5 mg at bedtime, giving a total study "
                    "duration of 52 weeks."),
        ("Results", "Of 113 participants completing the randomised phase, 81 entered the extension (40 "
                    "previously on LDN, 41 previously on placebo) and 52 completed week 52."))
    assert (st["design"], st["n_enrolled"], st["duration_weeks"]) == ("single_arm_trial", 81, 36)


def test_deaths_with_their_controls_and_those_of_them_randomised_are_the_sample() -> None:
    st = study("Opioid dose and drug-related mortality in patients with nonmalignant pain", ("Methods",
        "We carried out a population-based, nested case-control study. We identified 498 opioid-related "
        "deaths and 1714 matched controls."))
    assert (st["design"], st["n_enrolled"]) == ("case_control", 2212)
    st = study("Migraine intervention with PFO closure: a double-blind, sham-controlled trial", ("Results",
        "Of 432 patients screened, 163 had a large shunt and 147 of them were randomly assigned to "
        "closure or a sham procedure. Migraine stopped in 3 of 74 implanted patients and 3 of 73 sham "
        "patients."))
    assert st["n_enrolled"] == 147


def test_a_trial_stopped_for_futility_is_negative_and_findings_that_help_guide_decisions_are_no_benefit() -> None:
    st = study("Milnacipran for chronic low back pain: a randomized, double-blind, placebo-controlled "
               "trial stopped early for futility", (None,
        "Mean pain fell by 1.6 points with milnacipran and 1.4 with placebo. Perspective: this truncated "
        "trial adds to the evidence that SNRIs share a modest benefit."))
    assert st["result"] == "negative"
    st = study("Vascular effects of NSAIDs: a meta-analysis of randomised trials",
        ("Interpretation", "These risks can be predicted, which could help guide clinical decision making."))
    assert st["result"] != "positive"


def test_naltrexone_named_only_as_a_trait_of_the_people_is_not_what_a_record_studies() -> None:
    st = study("Tai chi versus aerobic exercise for fibromyalgia: a randomised trial stratified by "
               "concurrent low-dose naltrexone use",
        ("Methods", "Adults were randomised to tai chi or aerobic exercise for 24 weeks. Randomisation was "
                    "stratified by site and by current LDN use."),
        ("Results", "Of 164 participants randomised, 51 (31%) were taking LDN."))
    assert st["is_ldn"] is False
    st = study("Serotonin syndrome after tramadol was added to duloxetine in a woman with fibromyalgia "
               "who had stopped low-dose naltrexone")
    assert st["is_ldn"] is False
    # a combination given together is studied
    st = study("Concurrent naltrexone and prolonged exposure therapy for alcohol dependence and PTSD: a "
               "randomized clinical trial", ("Interventions", "Prolonged exposure plus naltrexone 100 "
                                              "mg/d or prolonged exposure plus placebo."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (100, 100)


def test_a_hedged_subgroup_benefit_after_a_stated_primary_null_leaves_the_trial_negative() -> None:
    st = study("Low-dose naltrexone versus placebo for fibromyalgia: a randomised, double-blind trial",
        ("Conclusion", "LDN was not superior to placebo for the primary pain outcome. Improvements in "
                       "function and global impression suggest that a subgroup of patients may benefit, "
                       "and LDN was well tolerated."))
    assert st["result"] == "negative"


def test_a_benefit_smaller_than_the_threshold_for_clinical_importance_is_qualified() -> None:
    st = study("Low-dose naltrexone for residual pain in rheumatoid arthritis: a randomised crossover trial",
        ("Conclusions", "LDN modestly reduced pain without affecting disease activity. The effect on pain, "
                        "although statistically significant, was smaller than the usual threshold for "
                        "clinical importance."))
    assert st["result"] == "mixed"


def test_side_effect_counts_are_no_groups_and_a_case_history_is_not_the_treatment_time() -> None:
    st = study("Low-dose naltrexone for chronic low back pain: a single-blind, placebo lead-in pilot study",
        (None, "Twenty adults with low back pain entered a single-blind study: 2 weeks of placebo capsules "
               "and 10 weeks of naltrexone. Vivid dreams (n = 5) and early insomnia (n = 3) were the most "
               "frequent complaints."))
    assert st["n_enrolled"] == 20
    st = study("Low-dose naltrexone for refractory complex regional pain syndrome of the upper limb", (None,
        "Dear Editor, we describe a 44-year-old woman with complex regional pain syndrome of the right hand. "
        "Over 2 years she had failed gabapentin, amitriptyline and three stellate ganglion blocks. She "
        "started naltrexone 1.5 mg at bedtime, increasing to 4.5 mg. After 4 months of treatment her pain "
        "was 3/10."), types=["Letter"])
    assert round(st["duration_weeks"]) == 17
    st = study("Intrathecal catheter-tip granuloma during hydromorphone infusion: a case report", (None,
        "A 61-year-old man had received intrathecal hydromorphone through an implanted pump for 6 years. "
        "He presented with increasing leg pain."))
    assert st["duration_weeks"] is None


def test_doses_written_with_a_hyphenated_unit_a_decimal_comma_or_a_thousands_comma() -> None:
    st = study("Extended-release naltrexone at hospital discharge: a cohort study", ("Methods",
        "Patients received a 380-mg intramuscular injection of extended-release naltrexone before discharge."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (380, 380)
    st = study("[Naltrexona en dosis bajas para la fibromialgia: serie de casos]", ("Métodos",
        "La dosis inicial de naltrexona fue de 1,5 mg/día, con aumentos semanales hasta 4,5 mg/día."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)
    st = study("Gabapentin for postherpetic neuralgia: a randomized trial", ("Methods",
        "Gabapentin was titrated to 2,400 mg/day or placebo for 8 weeks."))
    assert st["dose_mg_max"] is None  # not naltrexone; and never "2 to 400"


def test_improvement_in_both_arms_is_a_nonspecific_effect_not_a_benefit() -> None:
    st = study("Radiofrequency treatment for sacroiliac joint pain: a randomized sham-controlled trial",
        ("Discussion", "In this trial RF denervation was not superior to sham at 3 months; the improvement "
                       "in both arms suggests a substantial nonspecific effect of the procedure."))
    assert st["result"] == "negative"


def test_a_body_mass_index_is_no_head_count_and_a_records_own_crossover_studies_make_a_crossover() -> None:
    st = study("Acute cholestatic hepatitis after starting naltrexone-bupropion for weight loss", (None,
        "We describe a 47-year-old woman with fibromyalgia and a body mass index of 36 who was started on "
        "extended-release naltrexone-bupropion. Six weeks after the first dose she presented with jaundice."))
    assert (st["design"], st["n_enrolled"]) == ("case_report", 1)
    st = study("Effects of desipramine, amitriptyline, and fluoxetine on pain in diabetic neuropathy", (None,
        "We carried out two randomised, double-blind, crossover studies in patients with painful diabetic "
        "neuropathy. In the first, 57 patients were assigned to six weeks each of amitriptyline and "
        "desipramine."))
    assert st["design"] == "rct_crossover"


def test_an_erratum_is_a_notice_with_no_study_fields_of_its_own() -> None:
    st = study("Erratum: Low-dose naltrexone for chronic low back pain: an open-label pilot study", (None,
        "In the article by Castellan et al, the Abstract incorrectly stated that participants received "
        "naltrexone 45 mg daily; the correct dose is 4.5 mg daily. The number of participants who "
        "completed the 12-week treatment period should read 28, not 26."), types=["Published Erratum"])
    assert (st["design"], st["n_enrolled"], st["dose_mg_max"], st["duration_weeks"], st["result"]) == (
        "other", None, None, None, None)


def test_arm_sizes_listed_in_one_bracket_and_a_recruiting_clinic_is_no_cluster() -> None:
    st = study("Three doses of low-dose naltrexone versus placebo for fibromyalgia: a randomised trial",
        ("Methods", "Adults were screened at three outpatient clinics (n = 312); 188 were eligible and, "
                    "after a placebo run-in, 164 were randomised to placebo or naltrexone 1.5 mg, 3.0 mg "
                    "or 4.5 mg (n = 41, 40, 42 and 41) for 12 weeks."))
    assert st["n_enrolled"] == 164
    st = study("Collaborative care for chronic pain: a cluster randomised trial", ("Methods",
        "Of the 53 practices invited, 26 were randomized to collaborative care or usual care; 401 "
        "patients were enrolled."))
    assert st["n_enrolled"] == 401


def test_clinicians_randomised_in_words_are_clusters_and_their_patients_the_sample() -> None:
    st = study("Collaborative care for chronic pain in primary care: a cluster randomized trial", ("Methods",
        "Forty-two clinicians were randomised, and 401 of their patients with chronic musculoskeletal "
        "pain were enrolled between 2006 and 2007."))
    assert st["n_enrolled"] == 401


def test_an_open_question_about_a_finding_is_no_finding_and_an_induced_condition_is_what_is_treated() -> None:
    st = study("Low-dose naltrexone for painful diabetic neuropathy: a randomised crossover trial",
        ("Conclusions", "Naltrexone reduced neuropathic pain. Whether this reflects an effect on central "
                        "sensitisation is uncertain."))
    assert st["result"] == "positive"
    st = study("Oral naltrexone after opioid taper for suspected opioid-induced hyperalgesia in chronic low "
               "back pain: a case report", (None,
        "A 47-year-old woman had taken high-dose opioids for six years. After a taper she began oral "
        "naltrexone 50 mg daily. Four months later her average pain was 5/10, compared with 8/10 while on "
        "opioids, and the allodynia had resolved."))
    assert st["result"] == "positive"


# --- rules from the sets bb-be (2026-12-03, seventh session) ---------------------------------------

def test_the_randomised_among_the_screened_and_a_total_in_a_bracket_split_at_its_semicolon() -> None:
    title = "Low-dose naltrexone versus placebo for chronic low back pain: a randomized clinical trial"
    st = study(title, ("Methods", "In this double-blind trial, 214 adults with nonspecific CLBP were "
                                  "screened, of whom 68 were randomized to naltrexone 4.5 mg daily or placebo."))
    assert st["n_enrolled"] == 68
    st = study(title, ("Methods", "Ninety-seven patients were screened, of whom forty were randomized to "
                                  "LDN 4.5 mg/day or placebo for 6 weeks."))
    assert st["n_enrolled"] == 40
    st = study("Low-dose naltrexone and paclitaxel-induced allodynia in mice", ("Methods",
        "Male and female C57BL/6J mice (48 in total; 12 per sex and treatment) received paclitaxel "
        "together with naltrexone 1 mg/kg or saline daily for 21 days."))
    assert st["n_enrolled"] == 48


def test_a_matched_cohort_and_a_case_control_set_count_both_groups() -> None:
    title = "Low-dose naltrexone use and health-care utilization in fibromyalgia: a matched cohort study"
    st = study(title, (None, "Using a national claims database (2018-2025), we identified 1,284 new LDN "
                             "users and matched them 1:2 on a propensity score to 2,568 patients with "
                             "fibromyalgia who did not start LDN."))
    assert st["n_enrolled"] == 3852
    st = study(title, (None, "The matched cohort included 143 LDN and 286 duloxetine patients."))
    assert st["n_enrolled"] == 429
    st = study("Naltrexone for fibromyalgia: a systematic review", (None, "We included 3 RCTs and 286 patients."))
    assert st["n_enrolled"] != 289
    title = "Low-dose naltrexone and risk of fall-related fractures: a nested case-control study"
    st = study(title, (None, "We identified 4,120 cases of a first fall-related fracture and matched each "
                             "to four controls (n = 16,480) by age and sex."))
    assert st["n_enrolled"] == 20600
    st = study(title, (None, "Among 312,448 cohort members, 6,915 cases with an ED visit were matched with "
                             "up to four controls each (27,612 controls). Concurrent exposure was present "
                             "in 46 cases and 94 controls."))
    assert st["n_enrolled"] == 34527


def test_enrollees_and_responding_gps_are_head_counts() -> None:
    st = study("Low-dose naltrexone fills in a US claims database: a cross-sectional study", (None,
        "Overall, 48,310 qualifying claims were submitted for 9,204 unique enrollees; annual users rose "
        "from 412 in 2015 to 3,187 in 2022."))
    assert st["n_enrolled"] == 9204
    st = study("General practitioners' prescribing of low-dose naltrexone: a national survey", (None,
        "An electronic questionnaire was sent to 812 GPs in three health regions. 304 GPs responded (37.4%)."))
    assert st["n_enrolled"] == 304


def test_a_titration_phase_and_its_maintenance_phase_add_up() -> None:
    title = "Low-dose naltrexone for painful diabetic neuropathy: a randomized clinical trial"
    for text in (
        "Each treatment period comprised a 2-week titration phase (1.5 mg, then 3 mg, then 4.5 mg daily) "
        "followed by an 8-week maintenance phase, with a 3-week washout between periods.",
        "LDN was titrated from 1.5 mg to 4.5 mg over 2 weeks (titration phase) and then continued at 4.5 mg "
        "for an 8-week maintenance phase.",
    ):
        assert study(title, ("Methods", text))["duration_weeks"] == 10, text


def test_the_opioid_a_drug_is_added_to_tells_no_history() -> None:
    st = study("Ultra-low-dose naltrexone added to oxycodone in chronic low back pain: a randomized trial",
               ("Methods", "Patients on stable extended-release oxycodone were randomized to naltrexone 1 "
                           "microgram twice daily or placebo added to their opioid for 10 weeks."))
    assert st["duration_weeks"] == 10


def test_a_sampling_window_an_entry_criterion_and_a_records_period_are_no_treatment_time() -> None:
    st = study("Pharmacokinetics of low-dose naltrexone in fibromyalgia: a crossover study", ("Methods",
        "Twelve women received naltrexone 4.5 mg in randomised order. Naltrexone and 6-beta-naltrexol "
        "were measured over 24 hours."))
    assert st["duration_weeks"] is None
    st = study("Low-dose naltrexone in chronic pain: a case series", ("Methods",
        "We describe 31 patients. Patients had to have taken LDN for at least 3 months to be included."))
    assert st["duration_weeks"] is None
    st = study("Low-dose naltrexone prescribing for chronic pain: a retrospective case series", ("Methods",
        "We reviewed the electronic records of adult patients across a multi-site academic health system "
        "who were prescribed LDN for chronic pain over a fourteen-year period."))
    assert st["duration_weeks"] is None


def test_not_shown_to_reduce_not_followed_by_a_reduction_and_limited_benefit_are_nulls() -> None:
    title = "Low-dose naltrexone for chronic pain: a systematic review and meta-analysis"
    st = study(title, ("Conclusions", "LDN was not shown to reduce chronic pain intensity, although a small "
                                      "benefit cannot be excluded; tolerability was comparable to placebo."))
    assert st["result"] == "negative"
    title = "Low-dose naltrexone and use of analgesics in multiple sclerosis: a register-based cohort study"
    st = study(title, ("Conclusions", "Starting LDN was not followed by reduced use of pain or fatigue "
                                      "medication in MS, suggesting limited clinical benefit at population level."))
    assert st["result"] == "negative"
    title = "Low-dose naltrexone initiation and subsequent opioid dispensing in fibromyalgia: a cohort study"
    st = study(title, ("Conclusions", "Starting LDN was not associated with stopping opioids in women with "
                                      "fibromyalgia."))
    assert st["result"] == "negative"


def test_what_a_study_cannot_address_and_who_its_people_are_are_no_findings() -> None:
    st = study("Low-dose naltrexone users in Norway: a drug utilization cohort study", ("Conclusions",
        "Most users were women. The study was descriptive and cannot address effectiveness."))
    assert st["result"] is None
    st = study("Amitriptyline titrated for irritable bowel syndrome: a randomised placebo-controlled trial",
               ("Conclusions", "GPs should offer low-dose amitriptyline to people with IBS whose symptoms do "
                               "not improve with first-line treatments, with titration guided by the patient."))
    assert st["result"] != "negative"


def test_another_exposures_harm_and_the_question_asked_are_not_the_treatments_finding() -> None:
    title = "Low-dose naltrexone and risk of fall-related fractures in chronic pain: a nested case-control study"
    st = study(title, (None,
        "We identified 4,120 cases and matched each to four controls. Current LDN use was found in 37 cases "
        "and 151 controls (aOR 0.97, 95% CI 0.66-1.42). In contrast, current opioid use was associated with "
        "an increased risk (aOR 1.58, 1.46-1.71). We found no association between LDN and fall-related fractures."))
    assert st["result"] == "positive"
    title = "Low-dose naltrexone use and health-care utilization in fibromyalgia: a matched cohort study"
    st = study(title, (None,
        "We examined whether initiating low-dose naltrexone was associated with changes in health-care use. "
        "LDN users had fewer opioid prescriptions (rate ratio 0.81, 95% CI 0.74-0.89). LDN initiation was "
        "associated with reduced opioid prescribing but not with broader reductions in health-care use."))
    assert st["result"] == "mixed"


def test_a_decline_is_no_harm_found() -> None:
    st = study("Analgesic and antirheumatic drug use after starting low-dose naltrexone in rheumatoid arthritis: "
               "a register-based difference-in-differences study",
               ("Results", "655 LDN users and 2,620 comparators were included."),
               ("Conclusions", "LDN initiation in RA was associated with a modest decline in NSAID use but not "
                               "in disease-modifying or glucocorticoid therapy, nor with better disease activity."))
    assert st["result"] == "mixed"


def test_both_better_than_a_waiting_list_concedes_no_benefit_over_sham() -> None:
    st = study("Acupuncture for patients with migraine: a randomized controlled trial", ("Conclusions",
        "Acupuncture was no more effective than sham acupuncture in reducing migraine headaches, although "
        "both were more effective than a waiting list control."))
    assert st["result"] == "negative"


def test_a_fall_in_pain_is_a_gain_and_one_patient_without_change_an_aside() -> None:
    title = "Low-dose naltrexone for chemotherapy-induced peripheral neuropathy: experience in seven patients"
    st = study(title, (None, "We prescribed naltrexone 4.5 mg at night to seven consecutive patients. After "
                             "eight weeks, five of the seven reported at least a 2-point fall in average pain, "
                             "one had no change and one stopped because of insomnia."))
    assert st["result"] == "positive"
    st = study(title, (None, "We prescribed naltrexone 4.5 mg at night to seven consecutive patients. There "
                             "was no fall in pain scores after eight weeks."))
    assert st["result"] == "negative"


def test_no_randomisation_said_outright_and_a_further_length_of_the_same_trial() -> None:
    st = study("Single-blind placebo lead-in study of low-dose naltrexone in interstitial cystitis", ("Methods",
        "Women received placebo for 2 weeks and then naltrexone 4.5 mg for 8 weeks. There was no randomisation."))
    assert st["design"] == "nonrandomized_controlled"
    st = study("Low-dose naltrexone in children with Crohn's disease: a pilot study", ("Methods",
        "Fourteen children were randomised in a double-blind manner to naltrexone 0.1 mg/kg or placebo for "
        "8 weeks, after which all could take open-label naltrexone for a further 8 weeks."))
    assert st["design"] == "rct_parallel"
    st = study("Low-dose naltrexone for widespread pain in hypermobile Ehlers-Danlos syndrome: an open-label "
               "feasibility study", ("Conclusions", "LDN may hold promise; a controlled trial with a longer "
                                                     "treatment period is feasible."))
    assert st["design"] == "single_arm_trial"


def test_significant_only_in_part_is_mixed_and_a_treatment_to_consider_is_praise() -> None:
    title = "Low-dose naltrexone as add-on in trigeminal neuralgia: a randomized, double-blind trial"
    st = study(title, ("Conclusions", "LDN showed a signal of benefit as an add-on in TN, which was "
                                      "significant only in the per-protocol analysis."))
    assert st["result"] == "mixed"
    st = study("Low-dose naltrexone and opioid use in chronic pain: a retrospective cohort study", ("Conclusions",
        "LDN was associated with a statistically significant but clinically marginal improvement in pain "
        "interference."))
    assert st["result"] == "mixed"
    st = study("Efficacy of low-dose naltrexone in chronic pain: a retrospective case series", (None,
        "We reviewed 187 patients treated with LDN. LDN may be considered in fibromyalgia and other chronic "
        "pain conditions, though prospective trials are required."))
    assert st["result"] == "positive"


def test_no_association_with_pain_is_a_null_and_capsules_outside_limits_no_fall() -> None:
    st = study("Low-dose naltrexone use and pain interference in multiple sclerosis: a cross-sectional "
               "registry analysis", ("Conclusion", "Current LDN use was not associated with pain "
                                                   "interference in people with MS."))
    assert st["result"] == "negative"
    st = study("Content uniformity of compounded low-dose naltrexone capsules", ("Results",
        "Twenty-eight capsules (23.3%) fell outside 90%-110% of the labelled content."))
    assert st["result"] != "positive"


# --- rules from the sets bf-bi (2026-12-03, seventh session) ---------------------------------------

def test_nulls_worded_without_the_usual_words() -> None:
    title = "Low-dose naltrexone for fibromyalgia: a randomized, double-blind, placebo-controlled trial"
    for results in (
        "Pain fell from 6.7 to 5.6 with naltrexone and from 6.8 to 5.8 with placebo, so the two groups ended "
        "the trial at similar pain levels (adjusted difference -0.2 points; p = 0.61).",
        "Whatever benefit patients perceive from low-dose naltrexone, this trial could not separate it from "
        "the response to an inert capsule.",
        "Low-dose naltrexone did not lessen pain at 6 months.",
        "Symptoms were thus no lower during drug than during placebo weeks.",
        "La NDB no fue superior al placebo para el dolor de la fibromialgia en este ensayo.",
    ):
        assert study(title, ("Conclusions", results))["result"] == "negative", results
    st = study("Low-dose naltrexone and symptom trajectories in fibromyalgia: a cohort study", ("Conclusions",
        "Patients starting LDN did not follow a better symptom trajectory than those who did not."))
    assert st["result"] == "negative"
    # a design's limit is no null: "cannot separate a drug effect from natural fluctuation"
    st = study("Low-dose naltrexone in CRPS: a case series", ("Conclusion",
        "LDN appears to benefit some patients. This uncontrolled series cannot separate a drug effect from "
        "concurrent rehabilitation."))
    assert st["result"] == "positive"


def test_one_outcome_of_two_or_an_inverted_dose_response_is_mixed() -> None:
    title = "Low-dose naltrexone for pain and fatigue: a randomized, double-blind, placebo-controlled trial"
    st = study(title, ("Conclusions", "Pain decreased more with naltrexone (mean difference -0.9, 95% CI -1.6 "
                                      "to -0.2; P = 0.02), whereas fatigue did not (difference -0.4; P = 0.44)."))
    assert st["result"] == "mixed"
    st = study(title, ("Conclusions", "An inverted dose-response was observed."))
    assert st["result"] == "mixed"


def test_two_active_treatments_alike_beside_their_benefit_over_usual_care() -> None:
    st = study("Effect of mindfulness-based stress reduction vs cognitive behavioral therapy or usual care on "
               "back pain: a randomized clinical trial", ("Conclusions",
        "Among adults with chronic low back pain, treatment with MBSR or CBT, compared with usual care, resulted "
        "in greater improvement in back pain at 26 weeks, with no significant differences between MBSR and CBT."))
    assert st["result"] == "positive"
    st = study("Low-dose naltrexone versus placebo for fibromyalgia: a randomized trial", ("Conclusions",
        "LDN reduced pain, with no significant difference between LDN and placebo."))
    assert st["result"] == "negative"


def test_elliptical_assignments_arm_lists_responders_and_a_count_in_the_title() -> None:
    title = "Low-dose naltrexone for pain in psoriatic arthritis: a randomised, double-blind trial"
    for text, n in (
        ("Between March 2023 and June 2024, 187 patients were screened and 120 assigned (60 naltrexone, "
         "60 placebo).", 120),
        ("Between 2017 and 2019, 252 patients were screened and 140 randomly assigned, of whom 130 were "
         "included in the analysis.", 140),
        ("Adults were randomized to LDN 4.5 mg/day or placebo for 12 weeks (n = 37 and n = 38).", 75),
        ("Adults were randomised to LDN or amitriptyline. The arms comprised 32 (LDN) and 30 "
         "(amitriptyline) women; 57 completed.", 62),
        ("Patients were randomised. The groups comprised 131, 132, 134 and 132 patients (placebo, 150, "
         "300 and 450 mg/day).", 529),
        ("Of 212 people screened, 140 entered an 8-week open run-in. Eighty-eight responders were "
         "randomised (44 per group).", 88),
    ):
        assert study(title, ("Methods", text))["n_enrolled"] == n, text
    st = study("Low-dose naltrexone 4.5 mg for 12 weeks in chemotherapy-induced neuropathy: a randomized, "
               "placebo-controlled pilot trial (n = 40)")
    assert st["n_enrolled"] == 40
    st = study("Low-dose naltrexone for widespread pain in hypermobile Ehlers-Danlos syndrome", (None,
        "Chronic widespread pain is frequent in hEDS and has few treatment options. Nineteen adults with hEDS "
        "and chronic widespread pain entered a single-blind study: participants took placebo for 2 weeks and "
        "then naltrexone 4.5 mg nightly for 10 weeks. Pain was recorded daily."))
    assert st["n_enrolled"] == 19


def test_a_design_length_the_remainder_of_a_course_and_steps_before_a_maintenance_phase() -> None:
    st = study("Low dose naltrexone for breakthrough depression: a randomized proof-of-concept trial", ("Methods",
        "Twelve adults were randomized in a double-blind, placebo-controlled, 3-week sequential parallel "
        "comparison design to naltrexone 1 mg twice daily or placebo."))
    assert st["duration_weeks"] == 3
    st = study("Weight-based low-dose naltrexone in juvenile fibromyalgia: an open-label pilot study", ("Methods",
        "Adolescents received naltrexone 0.05 mg/kg at night for the first week and then 0.1 mg/kg (maximum "
        "4.5 mg) for the remainder of 56 days."))
    assert st["duration_weeks"] == 8
    st = study("Low-dose naltrexone for neuropathic pain after spinal cord injury: a randomised trial", ("Methods",
        "Participants took 1.5 mg nightly for 1 week and 3 mg for 1 week, then 4.5 mg nightly for a 16-week "
        "maintenance phase."))
    assert st["duration_weeks"] == 18
    st = study("Low-dose naltrexone versus gabapentinoids for painful diabetic neuropathy: a cohort study", ("Methods",
        "We identified adults who started either LDN or a gabapentinoid between 2016 and 2023, and followed "
        "them for up to 18 months."))
    assert st["duration_weeks"] is None


def test_designs_said_by_a_blinded_crossover_a_cochrane_protocol_and_a_reader_response() -> None:
    st = study("Low-dose naltrexone did not relieve spinal pain in ankylosing spondylitis: a double-blind, "
               "placebo-controlled crossover trial")
    assert st["design"] == "rct_crossover"
    st = study("Low-dose naltrexone for chronic non-cancer pain in adults (protocol)", ("Objectives",
        "This is a protocol for a Cochrane Review. The objectives are to assess the analgesic efficacy of "
        "low-dose naltrexone compared with placebo or active comparators."))
    assert st["design"] == "protocol"
    st = study("Reader response: Low-dose naltrexone for small fiber neuropathy: a series of randomized n-of-1 "
               "trials", (None, "The n-of-1 series is an elegant design, but with 11 completers its estimate "
                                "cannot exclude a modest benefit."), types=["Letter", "Comment"])
    assert st["design"] == "commentary"


def test_a_group_at_increased_risk_is_a_harm_and_no_measurable_sparing_a_null() -> None:
    st = study("Opioid prescriptions for chronic pain and overdose: a cohort study", ("Conclusion",
        "Patients receiving higher doses of prescribed opioids are at increased risk for overdose."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone and subsequent use of disease-modifying drugs in rheumatoid arthritis: a "
               "nationwide register study", ("Conclusion", "LDN start was not followed by any measurable "
                                                           "drug-sparing effect."))
    assert st["result"] == "negative"


# --- rules from the sets bj and bk (2026-12-03, seventh session) -----------------------------------

def test_returned_questionnaires_two_compared_groups_and_the_analysed_after_a_prescribing_count() -> None:
    st = study("Use of low-dose naltrexone among people with multiple sclerosis: a clinic-based questionnaire "
               "study", (None, "A questionnaire was handed to all patients attending two clinics. A total of "
                               "1,213 questionnaires were returned (response rate 71%). One hundred and twelve "
                               "respondents (9.2%) reported current or previous LDN use."))
    assert (st["design"], st["n_enrolled"]) == ("cross_sectional", 1213)
    st = study("Low-dose naltrexone in lichen planopilaris: a retrospective cohort study", ("Methods",
        "Patients receiving LDN 3 mg daily in addition to standard therapy (n = 38) were compared with "
        "patients on standard therapy alone (n = 41)."))
    assert st["n_enrolled"] == 79
    st = study("Low-dose naltrexone in long COVID: a retrospective review", ("Results",
        "LDN was prescribed to 128 patients; 46 did not return for follow-up, leaving 82 for analysis."))
    assert (st["n_enrolled"], st["n_analyzed"]) == (128, 82)


def test_an_unlabelled_abstract_that_starts_with_its_data() -> None:
    st = study("Low-dose naltrexone reduces allodynia in experimental autoimmune encephalomyelitis", (None,
        "Pain is common in multiple sclerosis and is reproduced in EAE. Female C57BL/6 mice (n = 48) were "
        "immunised with MOG35-55 and randomly allocated to daily intraperitoneal naltrexone 0.1 mg/kg or "
        "saline. Naltrexone-treated EAE mice developed less mechanical allodynia (P<0.01 vs saline)."))
    assert st["n_enrolled"] == 48
    st = study("Low-dose naltrexone as a treatment for chronic fatigue syndrome", (None,
        "We describe a woman in her forties with a long history of chronic fatigue syndrome whose pain had "
        "not responded to several analgesics. Low-dose naltrexone was started at 1.5 mg at night."))
    assert st["design"] == "case_report"
    st = study("Medicinal cannabis use among patients attending a chronic pain clinic", (None,
        "Of 450 consecutive clinic attenders invited, 312 (69%) completed an anonymous questionnaire; 61 "
        "reported using cannabis for pain. The questionnaire took about 10 minutes to complete."))
    assert st["design"] == "cross_sectional"


def test_a_random_sequence_named_by_its_means_and_placebo_as_identical_capsules() -> None:
    st = study("Low-dose naltrexone in painful diabetic polyneuropathy", (None,
        "Sixty-four patients were allocated by computer-generated list to naltrexone 4.5 mg at bedtime or "
        "identical capsules for 10 weeks; neither patients nor the assessing nurses knew the allocation."))
    assert (st["design"], st["placebo_controlled"], st["blinding"]) == ("rct_parallel", True, "double")
    st = study("Oral ketamine in neuropathic pain", (None,
        "Patients were given either oral ketamine 20 mg four times daily or identical capsules containing "
        "lactose, each for 2 weeks with a 1-week washout in between, the order decided by coin toss."))
    assert (st["design"], st["placebo_controlled"]) == ("rct_crossover", True)
    st = study("Low-dose naltrexone in fibromyalgia: two doses", (None,
        "Ninety women with fibromyalgia were allocated 1:1:1 to naltrexone 2 mg, naltrexone 4.5 mg or "
        "placebo, double-blind, for 12 weeks."))
    assert st["design"] == "rct_parallel"
    st = study("Low-dose naltrexone in chronic pelvic pain: an open pilot study", (None,
        "Twenty women took naltrexone 4.5 mg nightly for 8 weeks without a control group. Pain fell in "
        "twelve. A randomised trial has been funded."))
    assert st["design"] == "single_arm_trial"


# --- rules from the set bl (2026-12-03, seventh session) ---------------------------------------------

def test_matched_to_k_people_each_and_two_denominators_count_both_groups() -> None:
    st = study("Low-dose naltrexone and DMARD escalation in rheumatoid arthritis: a register cohort", ("Methods",
        "We identified 404 patients with RA who filled at least two LDN prescriptions and matched each to two "
        "RA patients without LDN on age and sex (n = 808)."))
    assert st["n_enrolled"] == 1212
    st = study("Low-dose naltrexone and liver enzymes: a cohort study", ("Results",
        "Of 2,960 eligible LDN users, 2,114 had baseline and follow-up ALT values and were matched to 4,228 "
        "non-users."))
    assert st["n_enrolled"] == 6342
    st = study("Low-dose naltrexone during opioid tapering: a retrospective cohort study", ("Results",
        "Taper completion was achieved by 27 of 41 LDN patients (66%) and 19 of 45 comparison patients "
        "(42%); adjusted odds ratio 2.6."))
    assert st["n_enrolled"] == 86


def test_neither_worse_nor_better_and_a_negation_carried_on_by_nor() -> None:
    st = study("Extended-release naltrexone versus buprenorphine-naloxone in opioid use disorder with chronic "
               "pain: a randomized trial", ("Conclusions", "Extended-release naltrexone was not associated "
                                                            "with worse, or better, pain outcomes than "
                                                            "buprenorphine-naloxone."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone in fibromyalgia: an individual participant data meta-analysis", ("Conclusions",
        "Pooled individual data do not support an effect of LDN on fibromyalgia pain, nor an inflammatory "
        "subgroup that benefits."))
    assert st["result"] == "negative"


def test_one_outcome_helped_but_not_another_is_mixed() -> None:
    st = study("Low-dose naltrexone in axial spondyloarthritis: an open-label pilot study", ("Conclusions",
        "LDN may help night pain but not disease activity in axSpA."))
    assert st["result"] == "mixed"
    # a list of outcomes met, then a secondary that was not: the trial's finding stands
    st = study("Vedolizumab versus adalimumab for ulcerative colitis: a randomized trial", ("Conclusions",
        "Vedolizumab was superior to adalimumab with respect to clinical remission and endoscopic "
        "improvement, but not corticosteroid-free clinical remission."))
    assert st["result"] == "positive"


def test_a_harm_found_whether_or_not_is_still_a_harm() -> None:
    # only the question asked ("We examined whether ...") is set aside, not a finding's "whether or not"
    st = study("Gabapentinoid use and fall-related fractures: a cohort study", ("Conclusion",
        "Starting gabapentinoids was followed by a higher risk of fall-related fractures, whether or not "
        "opioids were also used."))
    assert st["result"] == "negative"


def test_a_controlled_before_after_study_is_a_nonrandomized_open_comparison() -> None:
    st = study("An opioid-sparing care pathway for low back pain in spine clinics: a controlled before-after study",
               ("Methods", "Two clinics introduced the pathway and three comparable clinics continued usual care."))
    assert st["design"] == "nonrandomized_controlled"
    assert st["blinding"] == "open"
    # without a control, before and after is still an observational comparison
    st = study("Analgesic dispensing before and after starting low-dose naltrexone: a before-after register study",
               ("Methods", "We used the national prescription register to compare dispensing in the year "
                           "before and the year after the first LDN prescription."))
    assert st["design"] == "cohort"


def test_groups_the_patients_chose_are_open() -> None:
    st = study("Low-dose naltrexone or amitriptyline for postherpetic neuralgia: a non-randomized controlled study",
               ("Methods", "Patients chose LDN 4.5 mg or amitriptyline 25 mg and were followed for 12 weeks."))
    assert st["design"] == "nonrandomized_controlled"
    assert st["blinding"] == "open"
    st = study("Low-dose naltrexone in axial spondyloarthritis: a non-randomized controlled study",
               ("Methods", "Forty patients received LDN and forty matched patients continued usual care."))
    assert st["blinding"] is None  # no masking named, no allocation that rules it out


def test_without_apparent_harm_is_no_harm_and_halved_is_a_benefit() -> None:
    st = study("An opioid-sparing care pathway for low back pain: a controlled before-after study", ("Conclusion",
        "The pathway halved opioid initiation without apparent harm to disability, although the disability "
        "co-primary outcome showed no improvement."))
    assert st["result"] == "mixed"
    st = study("An opioid-sparing care pathway for low back pain: a controlled before-after study", ("Conclusion",
        "The pathway halved opioid initiation without apparent harm to disability."))
    assert st["result"] == "positive"


def test_a_strong_risk_factor_is_a_harm_found() -> None:
    st = study("Opioid prescription and incident opioid use disorder in chronic noncancer pain: a cohort study",
               ("Discussion", "Prescription opioid exposure was a strong risk factor for incident opioid use "
                              "disorders, and duration of therapy mattered more than dose."))
    assert st["result"] == "negative"


def test_a_null_primary_outcome_with_a_secondary_spun_as_the_finding_is_negative() -> None:
    st = study("Low-dose naltrexone versus placebo in bladder pain syndrome: a randomised double-blind trial",
               ("Methods", "Sixty-four women were randomised to naltrexone 4.5 mg nightly or identical placebo for "
                           "12 weeks. The primary outcome was change in the Interstitial Cystitis Symptom Index "
                           "(ICSI) from baseline to week 12. Secondary outcomes were bladder pain and global "
                           "response."),
               ("Results", "ICSI fell by 2.9 points with naltrexone and 2.1 points with placebo (difference -0.8, "
                           "95% CI -2.6 to 1.0; P=.38). Bladder pain fell by 1.6 versus 0.7 points (p = 0.04)."),
               ("Conclusions", "Low-dose naltrexone reduced bladder pain and shows promise as a well-tolerated "
                               "option for bladder pain syndrome."))
    assert st["result"] == "negative"
    # the primary named by its words, not an abbreviation
    st = study("Low-dose naltrexone for chronic low back pain: a randomised, double-blind, placebo-controlled trial",
               ("Methods", "84 adults were randomised to LDN 4.5 mg or placebo for 12 weeks. The primary outcome "
                           "was pain intensity (NRS 0-10) at week 12."),
               ("Results", "Mean pain at week 12 was 4.6 with LDN and 5.0 with placebo (adjusted difference -0.4, "
                           "95% CI -1.1 to 0.3; p = 0.21). Sleep quality (PSQI) improved more with LDN (p = 0.01)."),
               ("Conclusions", "LDN was well tolerated and improved sleep quality."))
    assert st["result"] == "negative"
    # the primary met: the conclusion stands
    st = study("Low-dose naltrexone for chronic low back pain: a randomised, double-blind, placebo-controlled trial",
               ("Methods", "The primary outcome was pain intensity (NRS 0-10) at week 12."),
               ("Results", "Mean pain at week 12 was 3.6 with LDN and 5.0 with placebo (adjusted difference -1.4, "
                           "95% CI -2.1 to -0.7; p < 0.001)."),
               ("Conclusions", "LDN reduced pain."))
    assert st["result"] == "positive"
    # an equivalence trial's null difference is its finding
    st = study("Prednisolone versus naproxen for gout: a randomised equivalence trial",
               ("Methods", "The primary outcome was the reduction in pain on a 100 mm visual analogue scale; "
                           "equivalence was predefined as a difference of no more than 10 mm."),
               ("Findings", "Pain fell by 44.7 mm with prednisolone and by 46.0 mm with naproxen, a difference of "
                            "-1.3 mm (95% CI -9.8 to 7.1)."),
               ("Interpretation", "Prednisolone and naproxen relieve the pain of gout equally well, so prednisolone "
                                  "is a safe and cheap alternative."))
    assert st["result"] == "positive"


def test_a_null_at_group_level_beside_individual_responders_is_negative() -> None:
    st = study("Low-dose naltrexone for primary dysmenorrhoea: a series of randomised n-of-1 trials", ("Conclusions",
        "Low-dose naltrexone did not reduce dysmenorrhoeal pain at group level, although a minority of women "
        "appeared to benefit."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for neuropathic pain after spinal cord injury: randomised n-of-1 trials",
               ("Conclusions", "Individualised trials can identify responders, but at group level the drug had no "
                               "clear effect."))
    assert st["result"] == "negative"


def test_only_one_responder_in_a_series_is_negative() -> None:
    st = study("Low-dose naltrexone in Hailey-Hailey disease: a retrospective series of seven patients", ("Results",
        "Only one patient had a partial response, with reduced pain and maceration in the axillae; five had no "
        "appreciable change in lesions, pain or itch."))
    assert st["result"] == "negative"


def test_arm_sizes_written_with_slashes_abbreviations_and_a_randomised_denominator() -> None:
    st = study("Duloxetine for persistent pain after knee arthroplasty: a randomized, placebo-controlled trial",
               ("Results", "Duloxetine (n = 31) / placebo (n = 29). Fifty-four patients completed treatment "
                           "per protocol (28/26)."))
    assert st["n_enrolled"] == 60
    st = study("Low-dose naltrexone versus amitriptyline for fibromyalgia: a randomized non-inferiority trial",
               ("Methods", "Women with fibromyalgia were randomized (64/64) to LDN 4.5 mg/day or amitriptyline "
                           "25 mg/day for 16 weeks."))
    assert st["n_enrolled"] == 128
    st = study("Spinal cord stimulation versus medical management: a prospective observational comparison",
               (None, "Patients chose either spinal cord stimulation (SCS; n = 41) or continued conventional "
                      "medical management (CMM; n = 38) and were followed prospectively for 12 months."))
    assert st["n_enrolled"] == 79
    assert st["design"] == "cohort"
    st = study("Duloxetine in knee osteoarthritis pain: a randomized, double-blind, placebo-controlled trial",
               ("Results", "Of 354 randomized patients, 177 received duloxetine and 177 placebo."))
    assert st["n_enrolled"] == 354
    st = study("Low-dose naltrexone in fibromyalgia: a retrospective matched comparison in routine care", (None,
        "Sixty-four patients who received low-dose naltrexone were compared with 64 patients matched for "
        "age, sex and baseline pain who continued usual care."))
    assert st["n_enrolled"] == 128


def test_a_course_after_a_titration_and_a_course_of_two_frequencies() -> None:
    st = study("Nabilone for pain and sleep in fibromyalgia: a randomized placebo-controlled trial", ("Methods",
        "After a 2-week titration, participants continued their assigned dose for eight further weeks."))
    assert st["duration_weeks"] == 10
    st = study("Acupuncture for aromatase inhibitor arthralgia: a randomized clinical trial", ("Interventions",
        "True and sham acupuncture were given twice weekly for 6 weeks, then once weekly for 6 weeks."))
    assert st["duration_weeks"] == 12
    # a titration's length alone when the next phase is follow-up
    st = study("Milnacipran for lupus pain: a randomized trial", ("Methods",
        "After a 2-week titration, patients were followed for 12 weeks."))
    assert st["duration_weeks"] == 2
    # an extension offered after the trial is not its course
    st = study("Methylnaltrexone for opioid-induced constipation: a randomized trial", ("Methods",
        "Patients were randomly assigned to methylnaltrexone or placebo every other day for 2 weeks. Those who "
        "finished could enter an open-label extension lasting up to 3 months."))
    assert st["duration_weeks"] == 2


def test_a_next_trial_worth_testing_names_no_design_of_this_one() -> None:
    st = study("Low-dose naltrexone for vulvodynia: an open-label pilot", (None,
        "Twelve women took LDN 4.5 mg nightly for 8 weeks; pain fell from 7 to 5. These preliminary findings "
        "suggest LDN may be worth testing in a controlled trial."))
    assert st["design"] == "single_arm_trial"


def test_more_ways_to_write_arm_sizes_and_scores_that_are_not_counts() -> None:
    st = study("Two doses of low-dose naltrexone for chemotherapy-induced neuropathy: a randomized trial",
               ("Results", "Groups were n = 31 (1.5 mg), 29 (4.5 mg) and 30 (placebo); 81 participants completed "
                           "week 8."))
    assert st["n_enrolled"] == 90
    st = study("Low-dose naltrexone versus amitriptyline for diabetic neuropathy: a cohort study", ("Results",
        "The groups comprised n = 47 (LDN) and n = 89 (amitriptyline) patients with similar baseline pain."))
    assert st["n_enrolled"] == 136
    st = study("Duloxetine or a topical NSAID for knee osteoarthritis: a cohort study", ("Results",
        "Three hundred and twelve patients started duloxetine and two hundred and ninety-eight a topical NSAID."))
    assert st["n_enrolled"] == 610
    st = study("Pain after starting TNF inhibitors or csDMARDs in rheumatoid arthritis: a prospective cohort study",
               (None, "We followed patients who started either a tumour necrosis factor inhibitor (TNFi; n = 131) "
                      "or a new conventional synthetic disease-modifying antirheumatic drug (csDMARD; n = 153)."))
    assert st["n_enrolled"] == 284
    st = study("Duloxetine versus gabapentinoids in older adults: a new-user cohort study", ("Methods",
        "We identified beneficiaries who initiated duloxetine (n = 18 402) or gabapentin/pregabalin (n = 41 077)."))
    assert st["n_enrolled"] == 59479
    st = study("Low-dose naltrexone for Crohn's disease: a randomized placebo-controlled trial", ("Methods",
        "Forty adults with a Crohn's Disease Activity Index (CDAI) of 220 to 450 were enrolled in a double-blind "
        "study."))
    assert st["n_enrolled"] == 40
    st = study("Naltrexone for paediatric Crohn's disease: a randomized trial", ("Methods",
        "Fourteen children with a PCDAI above 30 were randomised to oral naltrexone or placebo for 8 weeks."))
    assert st["n_enrolled"] == 14


def test_a_drug_stopped_and_the_reaction_resolved_is_an_adverse_reaction() -> None:
    st = study("Compounded low-dose naltrexone in a woman with fibromyalgia: a case report", (None,
        "A 45-year-old woman took compounded capsules for 14 months. The capsules were stopped; symptoms resolved "
        "within four days and liver enzymes normalised within five weeks."))
    assert st["result"] == "negative"
    # benefit lost on stopping and regained on restarting is no harm
    st = study("Low-dose naltrexone for small fibre neuropathy: a case report", (None,
        "A 52-year-old woman took naltrexone 4.5 mg for 6 months and her pain fell from 8/10 to 3/10. She then "
        "stopped it; her pain returned and fell again after a rechallenge with 4.5 mg."))
    assert st["result"] == "positive"


def test_a_minority_who_may_respond_beside_an_average_null_is_negative() -> None:
    st = study("Low-dose naltrexone for fibromyalgia: a series of n-of-1 trials", ("Conclusions",
        "LDN did not reduce pain on average, although a minority may respond; n-of-1 designs may help identify "
        "them."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone and analgesic dispensing: a matched cohort study", ("Conclusions",
        "Starting LDN was not followed by a measurable reduction in opioid dispensing compared with matched "
        "non-users, although persistent users appeared to benefit."))
    assert st["result"] == "negative"


def test_a_crossover_period_is_its_treatment_time() -> None:
    st = study("Low-dose naltrexone in chronic pain: a randomized crossover trial", ("Methods",
        "Each treatment period lasted 6 weeks (naltrexone 2 mg twice daily or placebo), and the periods were "
        "separated by a 2-week washout, so that the whole trial lasted 14 weeks."))
    assert st["duration_weeks"] == 6
    # an n-of-1 series is read by its total
    st = study("Low-dose naltrexone for fibromyalgia: randomized n-of-1 trials", ("Methods",
        "Each patient received three pairs of 4-week treatment periods, so each trial lasted 24 weeks in total."))
    assert st["duration_weeks"] == 24


def test_criteria_listed_before_randomised_and_two_groups_sharing_one_noun() -> None:
    st = study("Duloxetine for residual pain in rheumatoid arthritis: a randomized placebo-controlled trial",
               ("Methods", "Of 150 patients screened at four centres, 96 with RA, DAS28-CRP below 3.2 and Brief "
                           "Pain Inventory (BPI) average pain of 4 or higher were randomised (48 per arm)."))
    assert st["n_enrolled"] == 96
    st = study("Serious infections with anti-TNF therapy in rheumatoid arthritis: a register-based cohort study",
               ("Results", "A total of 11 798 anti-TNF-treated and 3598 nbDMARD-treated patients were included."))
    assert st["n_enrolled"] == 15396


def test_alike_active_arms_a_significant_risk_and_pain_unchanged() -> None:
    st = study("Mindfulness-based stress reduction versus CBT versus usual care for back pain: a randomized trial",
               ("Conclusions", "Both MBSR and CBT produced greater improvement in back pain at 26 weeks than usual "
                               "care, with no clear difference between them."))
    assert st["result"] == "positive"
    st = study("Gabapentinoids for chronic low back pain: a meta-analysis", ("Conclusions",
        "The evidence does not support routine use of gabapentinoids in chronic low back pain, given the "
        "significant risk of adverse events."))
    assert st["result"] == "negative"
    st = study("Ultra-low-dose naltrexone during opioid tapering: a randomized trial", ("Conclusions",
        "Ultra-low-dose naltrexone improved taper completion without changing pain."))
    assert st["result"] == "mixed"


def test_designs_and_masking_named_in_other_ways() -> None:
    st = study("Tai chi and qigong for fibromyalgia: an umbrella review of systematic reviews and meta-analyses",
               ("Methods", "We searched MEDLINE and Embase for systematic reviews and included eleven."))
    assert st["design"] == "systematic_review"
    st = study("Low-dose naltrexone for trigeminal neuralgia: an open-label pilot", (None,
        "Ten patients took LDN 4.5 mg for 8 weeks. Whether LDN has any effect in trigeminal neuralgia can only be "
        "settled by a controlled trial."))
    assert st["design"] == "single_arm_trial"
    st = study("Acupuncture for fibromyalgia in primary care: a randomised controlled trial", ("Methods",
        "In a randomised controlled trial with blinding of patients and evaluators, 153 patients were assigned to "
        "acupuncture or sham acupuncture."))
    assert st["blinding"] == "double"
    st = study("Pregabalin versus duloxetine in fibromyalgia: an open randomized clinical trial", ("Methods",
        "Eighty women were randomized to pregabalin or duloxetine for 12 weeks."))
    assert st["blinding"] == "open"


def test_a_primary_not_met_then_hedged_secondaries_is_negative() -> None:
    st = study("Duloxetine for fibromyalgia in Japan: a randomized placebo-controlled trial", ("Conclusions",
        "Although the primary end point was not met, the consistent improvements in secondary measures suggest "
        "that duloxetine 60 mg/day may be effective."))
    assert st["result"] == "negative"
    # missed in one analysis set only: left mixed
    st = study("THC/CBD spray for peripheral neuropathic pain: a randomized placebo-controlled trial", ("Conclusions",
        "Although the primary end point was not met in the intention-to-treat analysis, a clinically relevant "
        "proportion of patients may benefit from THC/CBD spray."))
    assert st["result"] != "negative"


def test_a_recruitment_period_is_no_treatment_time() -> None:
    st = study("Low-dose naltrexone for chemotherapy-induced neuropathy: protocol of a randomised trial", ("Methods",
        "We will recruit 180 adults with painful CIPN persisting at least 6 months after neurotoxic chemotherapy "
        "over an 18-month recruitment period at 9 centres, and randomise them to naltrexone 4.5 mg or placebo "
        "once daily for 16 weeks."))
    assert st["duration_weeks"] == 16


def test_a_delphi_panel_is_no_sample() -> None:
    st = study("Prescribing low-dose naltrexone for chronic pain: a modified Delphi consensus statement", ("Methods",
        "Twenty-four clinicians and researchers from nine countries took part in three online Delphi rounds."))
    assert st["n_enrolled"] is None
    # a core outcome set's participants are counted
    st = study("A core outcome set for trials of chronic postsurgical pain: a Delphi study", ("Methods",
        "Ninety-one patients, clinicians and researchers took part in two online Delphi rounds."))
    assert st["n_enrolled"] == 91


def test_absent_benefit_and_not_appearing_useful_are_nulls() -> None:
    st = study("Low-dose naltrexone for CRPS: a series of randomised n-of-1 trials", ("Conclusions",
        "Group-level benefit was absent, though n-of-1 trials identified two responders."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone in refractory fibromyalgia: a retrospective case series", ("Conclusions",
        "Low-dose naltrexone did not appear useful in this refractory population."))
    assert st["result"] == "negative"


def test_a_null_primary_of_a_non_randomised_placebo_run_in_study_is_negative() -> None:
    st = study("Low-dose naltrexone added to DMARDs in rheumatoid arthritis: a single-blind placebo run-in study",
               ("Methods", "Eighteen patients entered a single-blind design: 4 weeks of placebo followed by 12 weeks "
                           "of naltrexone 4.5 mg daily; allocation was not randomized. The primary outcome was change "
                           "in DAS28-CRP."),
               ("Results", "DAS28-CRP did not change (3.4 vs 3.3; p = 0.38). Pain VAS decreased from 54 to 41 mm "
                           "(p = 0.02)."),
               ("Discussion", "LDN may be a useful adjunct for pain in RA and deserves evaluation in controlled "
                              "trials."))
    assert st["design"] == "nonrandomized_controlled"
    assert st["result"] == "negative"


def test_a_controlled_trial_called_for_is_no_design_of_this_pilot() -> None:
    for call in ("These results support a placebo-controlled trial of low-dose naltrexone for central pain in MS.",
                 "Whether low-dose naltrexone relieves pain after opioid discontinuation requires a controlled trial."):
        st = study("Low-dose naltrexone for chronic pain: an open-label pilot", (None,
            "Twelve patients took LDN 4.5 mg for 8 weeks and pain fell. " + call))
        assert st["design"] == "single_arm_trial"


def test_a_possible_harm_beside_no_harm_is_mixed_and_a_sparing_effect_is_no_harm() -> None:
    st = study("Gabapentin in pregnancy and the risk of adverse neonatal outcomes: a population-based cohort study",
               ("Conclusions", "Gabapentin in early pregnancy was not associated with an overall increase in major "
                               "malformations, but a possible association with cardiac defects was seen."))
    assert st["result"] == "mixed"
    st = study("Low-dose naltrexone and glucocorticoid use in rheumatoid arthritis: a retrospective matched cohort study",
               ("Conclusions", "Adding LDN was associated with a modest glucocorticoid-sparing effect in RA without "
                               "change in disease activity."))
    assert st["result"] != "negative"  # (was read as a harm found)


def test_a_naltrexone_null_beside_a_non_drug_factors_benefit_is_negative() -> None:
    st = study("Low-dose naltrexone and yoga for fibromyalgia: a 2 x 2 factorial randomised trial", ("Conclusions",
        "Low-dose naltrexone added nothing to either arm, while yoga improved pain interference."))
    assert st["result"] == "negative"
    # a drug's own benefit beside the other factor's null stays mixed
    st = study("Duloxetine and exercise for knee pain: a factorial randomised trial", ("Conclusions",
        "Duloxetine reduced knee pain, while exercise did not add to it."))
    assert st["result"] != "negative"


def test_a_conceded_non_significant_difference_with_soft_words_is_negative() -> None:
    st = study("Low-dose naltrexone for painful small fibre neuropathy: a randomised placebo-controlled trial",
               ("Conclusions", "Although the between-group difference did not reach statistical significance, the "
                               "trend may indicate a benefit worth testing in a larger trial."))
    assert st["result"] == "negative"
    # a concession beside a significant benefit is not a null
    st = study("Low-dose naltrexone for painful small fibre neuropathy: a randomised placebo-controlled trial",
               ("Conclusions", "Although the difference in sleep did not reach significance, LDN significantly "
                               "reduced pain and may be considered."))
    assert st["result"] != "negative"


def test_a_benefit_the_conclusion_calls_numerical_is_a_spun_null_without_a_named_primary() -> None:
    results = ("Results", "Pain fell by 9 mm with naltrexone and 6 mm with placebo (difference -3 mm, 95% CI -11 to 5; "
                          "p = 0.41).")
    title = "Low-dose naltrexone for hand osteoarthritis pain: a randomised, double-blind pilot trial"
    st = study(title, results, ("Conclusions", "LDN gave a numerically larger fall in pain and may deserve a larger trial."))
    assert st["result"] == "negative"
    # without "numerically" and without a named primary outcome the p-values may test anything
    st = study(title, results, ("Conclusions", "LDN reduced pain and may deserve a larger trial."))
    assert st["result"] == "positive"


def test_a_randomised_withdrawals_double_blind_maintenance_phase_is_its_treatment_time() -> None:
    st = study("Pregabalin in post-traumatic neuropathic pain: a randomised withdrawal trial", ("Methods",
        "After a 4-week open-label titration, responders were randomised to continue pregabalin or switch to "
        "placebo for a 13-week double-blind maintenance phase."))
    assert st["duration_weeks"] == 13
    # an open-label maintenance phase after the trial is not it
    st = study("Pregabalin in post-traumatic neuropathic pain: a randomised trial", ("Methods",
        "Patients were randomised to pregabalin or placebo for 8 weeks and could then enter a 26-week open-label "
        "maintenance phase."))
    assert st["duration_weeks"] == 8


def test_an_extension_named_at_the_end_of_its_title_counts_those_who_entered_it() -> None:
    st = study("Open-label low-dose naltrexone after a randomised crossover trial in Crohn's disease: 48-week extension",
               (None, "Patients who finished the double-blind periods could enter a 48-week open-label extension "
                      "at 4.5 mg nightly. Of 40 randomised patients, 36 finished the crossover and thirty entered "
                      "the extension; 24 completed 48 weeks. Abdominal pain scores fell from 5.1 to 3.0 (p = 0.002)."))
    assert st["design"] == "single_arm_trial"
    assert st["randomized"] is False
    assert st["n_enrolled"] == 30
    assert st["duration_weeks"] == 48


def test_a_pilot_justifying_a_randomised_trial_is_not_one() -> None:
    st = study("Low-dose naltrexone in painful HIV neuropathy: an open-label pilot", (None,
        "Fourteen adults took naltrexone 4.5 mg nightly for 10 weeks and average pain fell from 6.1 to 4.4 "
        "(p = .01). These results, though uncontrolled, are encouraging, justifying a randomized trial."))
    assert st["design"] == "single_arm_trial"
    assert st["randomized"] is False


def test_a_title_only_letter_naming_its_patient_is_a_case_report_of_the_harm_it_names() -> None:
    st = study("Reversible alopecia associated with low-dose naltrexone in a man with multiple sclerosis",
               types=["Letter"])
    assert st["design"] == "case_report"
    assert st["n_enrolled"] == 1
    assert st["result"] == "negative"
    st = study("Thrombocytopenia in a woman taking low-dose naltrexone for Crohn's disease", types=["Letter"])
    assert (st["design"], st["result"]) == ("case_report", "negative")
    # a letter without a patient of its own is still commentary
    st = study("Low-dose naltrexone for fibromyalgia: caution is needed", types=["Letter"])
    assert st["design"] == "commentary"


def test_a_title_only_cohort_whose_title_states_its_finding_has_that_result() -> None:
    st = study("Low-dose naltrexone did not reduce emergency visits in adults with sickle cell pain: a "
               "retrospective cohort study")
    assert (st["design"], st["result"]) == ("cohort", "negative")
    st = study("Low-dose naltrexone use in Danish adults with chronic pain: a nationwide cohort study")
    assert st["result"] is None


def test_a_comparative_cohorts_null_primary_under_a_spun_conclusion_is_negative() -> None:
    st = study("Low-dose naltrexone added to biologics in psoriatic arthritis: a matched cohort study",
               ("Methods", "Patients who added LDN (n = 40) were compared with matched patients who did not "
                           "(n = 40). The primary outcome was change in DAPSA over 24 weeks."),
               ("Results", "DAPSA fell by 4.1 with LDN and 3.8 without (p = 0.72). Fatigue improved more with LDN "
                           "(p = 0.02)."),
               ("Conclusions", "LDN was associated with less fatigue and may be a useful adjunct."))
    assert st["design"] == "cohort"
    assert st["result"] == "negative"


def test_the_cows_withdrawal_scale_is_no_animal() -> None:
    st = study("Precipitated withdrawal after naltrexone in a man taking undisclosed methadone: a case report", (None,
        "A 52-year-old man took his first naltrexone 50 mg tablet and an hour later had vomiting and piloerection; "
        "the COWS score was 21. His symptoms settled over 16 hours with supportive care."))
    assert st["design"] == "case_report"
    assert st["duration_weeks"] is None  # the reaction's course, not a treatment time


def test_a_title_only_letter_naming_its_survey_is_that_survey() -> None:
    st = study("Use of low-dose naltrexone among members of a fibromyalgia charity: an online survey", types=["Letter"])
    assert st["design"] == "cross_sectional"


def test_n_of_1_trials_count_their_patient_or_their_series() -> None:
    st = study("A double-blind n-of-1 trial of low-dose naltrexone in burning mouth syndrome", ("Case",
        "A 61-year-old woman completed three pairs of 2-week periods of naltrexone 4.5 mg or placebo in random "
        "order. Pain did not differ between periods."))
    assert st["n_enrolled"] == 1
    st = study("Low-dose naltrexone in chronic pelvic pain: a series of n-of-1 trials", (None,
        "Ten women each completed a double-blind n-of-1 trial of three pairs of 3-week periods of naltrexone "
        "4.5 mg or placebo. Four had a meaningful benefit."))
    assert st["n_enrolled"] == 10
    st = study("Low-dose naltrexone in chronic pelvic pain: individual responses", (None,
        "Open experience suggests benefit. Nine women who felt helped entered a series of double-blind "
        "placebo-controlled n-of-1 trials. Three had a meaningful benefit."))
    assert st["n_enrolled"] == 9


def test_a_stated_median_treatment_time_is_the_duration_when_no_other_is_given() -> None:
    st = study("Low-dose naltrexone in lichen planopilaris: a retrospective case series", ("Results",
        "Twenty-two patients were included. Median treatment duration was eight months (range 3-20). Itch "
        "improved in 15."))
    assert st["duration_weeks"] == round(8 * 4.345, 2)
    # a stated schedule wins
    st = study("Low-dose naltrexone in lichen planopilaris: a prospective open-label study", ("Methods",
        "Twenty-two patients took naltrexone 3 mg daily for 24 weeks."), ("Results",
        "Mean duration of treatment was 21 weeks because of withdrawals."))
    assert st["duration_weeks"] == 24


def test_a_titration_then_a_dose_to_a_week_is_the_treatment_time() -> None:
    st = study("Low-dose naltrexone for hand osteoarthritis: a randomised placebo-controlled trial", ("Methods",
        "Participants received naltrexone (1.5 mg nightly in week 1, 3 mg in week 2, then 4.5 mg to week 10) or "
        "placebo."))
    assert st["duration_weeks"] == 10
    st = study("Low-dose naltrexone for hand osteoarthritis: an open-label study", ("Methods",
        "LDN was given at 1 mg in week 1 and 2 mg in week 2, and 4.5 mg from week 3 until week 20."))
    assert st["duration_weeks"] == 20


def test_how_long_the_condition_lasted_is_no_treatment_time() -> None:
    st = study("Geniculate nerve radiofrequency ablation versus sham for knee pain: a randomised trial", ("Methods",
        "Adults with knee pain (NRS >= 5) for at least 6 months despite physiotherapy were randomised to one "
        "ablation or a sham procedure."))
    assert st["duration_weeks"] is None
    # a minimum time on treatment is still read when nothing else is stated
    st = study("Low-dose naltrexone in hidradenitis suppurativa: a case series", ("Methods",
        "Naltrexone 4.5 mg nightly was added to current therapy and continued for at least 4 months."))
    assert st["duration_weeks"] == round(4 * 4.345, 2)


def test_measurements_weekly_thereafter_are_no_treatment_time_and_an_aim_opens_the_study() -> None:
    st = study("Intravenous lidocaine for CRPS: a randomised trial", (None,
        "The aim was to evaluate lidocaine infusions in CRPS. This was a double-blind trial with a 5-day infusion "
        "of lidocaine or saline. Pain was rated daily during treatment and weekly thereafter for 10 weeks."))
    assert st["duration_weeks"] == round(5 / 7, 2)
    # a dose's schedule is the course itself, and it outlasts the opioid taper before it
    st = study("Standard-dose naltrexone after supervised opioid tapering in low back pain: a pilot study", ("Methods",
        "Adults on long-term opioids underwent a 4-week outpatient taper, followed by a 7-day opioid-free interval. "
        "Naltrexone was then given as 25 mg on day 1 and 50 mg once daily thereafter for 84 days."))
    assert st["duration_weeks"] == 12.0


def test_no_evidence_of_a_benefit_is_a_null_and_more_adverse_events_are_no_benefit() -> None:
    st = study("Low-dose naltrexone and colectomy in ulcerative colitis: a cohort study", ("Conclusions",
        "We found no evidence that naltrexone use reduces the risk of colectomy."))
    assert st["result"] == "negative"
    st = study("Naltrexone and liver injury: a cohort study", ("Conclusions",
        "We found no evidence that naltrexone increases the risk of liver injury."))
    assert st["result"] != "negative"
    st = study("Gabapentin for chronic sciatica: a randomised placebo-controlled trial", ("Conclusions",
        "Gabapentin did not reduce leg pain compared with placebo. Adverse events were significantly more "
        "common with gabapentin."))
    assert st["result"] == "negative"


def test_a_feasibility_conclusion_after_a_null_named_primary_is_negative() -> None:
    st = study("Low-dose naltrexone for vulvodynia: a randomised, placebo-controlled crossover pilot trial",
               ("Methods", "Women were randomised to LDN 4.5 mg then placebo, or the reverse, for 6 weeks each. "
                           "The primary outcome was mean daily pain (0-10 NRS) in the last week of each period."),
               ("Results", "Thirty women were randomised. Mean daily pain did not differ between LDN and placebo "
                           "(difference -0.2; 95% CI -0.8 to 0.4)."),
               ("Conclusions", "A crossover trial of LDN in vulvodynia was feasible and acceptable."))
    assert st["result"] == "negative"


def test_a_platform_master_protocol_plans_its_largest_sample() -> None:
    st = study("Repurposed drugs for chronic back pain (BACK-PLAT): master protocol for a Bayesian adaptive "
               "platform randomised controlled trial", ("Methods",
        "Up to 900 adults with chronic low back pain will be randomised, with allocation updated at interim "
        "analyses every 150 participants."))
    assert st["design"] == "protocol"
    assert st["n_enrolled"] == 900
    # "up to" elsewhere is still a bound, not a count
    assert study("Low-dose naltrexone for back pain: a case series", (None,
        "Up to 12 patients with side effects were seen each month. Thirty-one patients were treated."))["n_enrolled"] == 31


def test_a_score_range_is_no_head_count_and_study_medication_is_no_history() -> None:
    st = study("Low-dose naltrexone in active ulcerative colitis: an open-label pilot", ("Methods",
        "In this open-label pilot, adults with a Mayo score between 6 and 12 were enrolled. Study medication was "
        "taken for 10 weeks."), ("Results", "Nineteen patients were enrolled."))
    assert st["n_enrolled"] == 19
    assert st["duration_weeks"] == 10
    st = study("Low-dose naltrexone in irritable bowel syndrome: an open-label pilot", (None,
        "Thirty patients entered the study; after a 2-week run-in without medication they received naltrexone "
        "for 6 weeks, followed by a 4-week follow-up."))
    assert st["duration_weeks"] == 6


def test_a_crossovers_total_schedule_is_not_its_period() -> None:
    st = study("Low-dose naltrexone in Gulf War illness: a randomized, double-blind, placebo-controlled crossover "
               "trial", ("Methods", "Twenty veterans took part in a crossover study lasting 20 weeks in total. Each "
                                    "received 10 weeks of naltrexone 4.5 mg and 4 weeks of placebo in random order."))
    assert st["duration_weeks"] == 10


def test_a_clause_before_a_colon_is_no_section_label() -> None:
    st = study("Low-dose naltrexone in active Crohn's disease: a randomized placebo-controlled trial",
               ("Methods", "Adults were randomized to naltrexone 4.5 mg or placebo for 12 weeks."),
               ("Results", "Forty patients were randomized: 21 to naltrexone and 19 to placebo. Remission was more "
                           "frequent with naltrexone (P = 0.01)."))
    assert st["n_enrolled"] == 40
    # a question-form label still opens its section
    art = record("Low-dose naltrexone for burning mouth syndrome: an n-of-1 trial", (None,
        "What is known and objective: LDN is sometimes tried. Methods: One woman took part."))
    assert [s.section for s in build_sentences(art)][1:] == ["objective", "methods"]
    st = study("A trial of erenumab doses in chronic migraine", ("Results",
        "A total of 600 patients underwent randomization: 200 were assigned to the 70-mg group, 201 to the "
        "140-mg group, and 199 to the placebo group."))
    assert st["n_enrolled"] == 600


def test_a_bare_randomised_number_with_its_arms_in_brackets_and_a_participants_statement() -> None:
    st = study("Pain neuroscience education versus usual care for chronic neck pain: a randomised trial", ("Findings",
        "We assessed 800 patients for eligibility and randomly assigned 360 (121 education, 119 education plus "
        "exercise, 120 usual care)."))
    assert st["n_enrolled"] == 360
    st = study("Tai chi versus physiotherapy for knee osteoarthritis: a randomized noninferiority trial",
               ("Participants", "204 predominantly older, ethnically diverse adults with symptomatic knee "
                                "osteoarthritis."))
    assert st["n_enrolled"] == 204


def test_two_actives_alike_beside_their_benefit_over_usual_care_is_positive() -> None:
    st = study("Acupuncture vs massage or usual care for chronic neck pain: a randomized clinical trial", ("Conclusions",
        "Treatment with acupuncture or massage, compared with usual care, resulted in greater improvement in neck "
        "pain at 12 weeks, with no significant differences in outcomes between acupuncture and massage."))
    assert st["result"] == "positive"


def test_a_reviews_reports_together_describing_patients_count_them() -> None:
    st = study("Low-dose naltrexone for erythromelalgia: a systematic review", ("Results",
        "Of 64 records, 6 met inclusion criteria: 2 case series and 4 case reports, together describing 17 "
        "patients."))
    assert st["n_enrolled"] == 17


def test_not_associated_with_worse_pain_is_no_harm_unless_nor_better() -> None:
    st = study("Depot naltrexone after opioid taper in chronic neck pain: a prospective cohort study", ("Conclusions",
        "Depot naltrexone was not associated with worse neck pain and was associated with less return to opioid "
        "use."))
    assert st["result"] == "positive"
    st = study("Depot naltrexone versus methadone in OUD with chronic pain: a randomized trial", ("Conclusions",
        "Depot naltrexone was not associated with worse, or better, pain outcomes than methadone."))
    assert st["result"] != "positive"


def test_a_titles_study_window_is_no_treatment_time() -> None:
    st = study("Ketamine infusions for refractory CRPS: an 8-year single-centre retrospective review", ("Results",
        "Forty-one patients received 120 infusions."))
    assert st["duration_weeks"] is None
    # a trial's length in its title is still read
    st = study("Low-dose naltrexone for fibromyalgia: a 12-week randomised placebo-controlled trial", ("Results",
        "Sixty patients were randomised."))
    assert st["duration_weeks"] == 12


def test_an_editorial_that_retells_trials_is_commentary() -> None:
    st = study("Low-dose naltrexone: enthusiasm ahead of evidence", (None,
        "It is requested by name in our clinics, yet fewer than 400 people have been randomised in all of its "
        "chronic pain trials put together, most of them for eight to twelve weeks. The mechanism rests on rodent "
        "work and on one enantiomer that is not the one patients swallow."), types=["Editorial"])
    assert st["design"] == "commentary"
    assert st["n_enrolled"] is None


def test_noninferiority_not_shown_beside_the_comparators_benefit_is_negative() -> None:
    st = study("Is low-dose naltrexone noninferior to duloxetine for fibromyalgia? A randomised trial", ("Conclusions",
        "Noninferiority of naltrexone to duloxetine was not demonstrated; duloxetine provided greater pain relief, "
        "at the cost of more nausea."))
    assert st["result"] == "negative"


def test_benefit_that_was_uncommon_is_no_benefit() -> None:
    st = study("Tolerability of low-dose naltrexone in Sjogren's neuropathy: a chart review", ("Conclusions",
        "Adverse effects led a third of patients to stop LDN, and documented benefit was uncommon."))
    assert st["result"] == "negative"


def test_equivalent_pain_reduction_in_an_equivalence_trial_is_shown() -> None:
    st = study("Twice-weekly versus daily physiotherapy for knee pain: a randomised equivalence trial",
               ("Conclusions", "Twice-weekly and daily physiotherapy produced equivalent pain reduction, and the "
                               "twice-weekly schedule cost less."))
    assert st["result"] == "positive"


def test_a_nested_case_controls_cases_and_matched_controls_are_its_sample() -> None:
    st = study("Gabapentinoids and hip fracture in older adults with neuropathic pain: a nested case-control study",
               ("Methods", "From a cohort of 96 210 adults with neuropathic pain, 1 804 people with a first hip "
                           "fracture were matched by risk-set sampling to 7 216 controls on age and sex."))
    assert st["design"] == "case_control"
    assert st["n_enrolled"] == 9020


def test_a_total_that_introduces_its_parts_beats_a_sum_of_some_of_them() -> None:
    st = study("Long-term opioid use and incident depression in psoriatic arthritis: a population-based cohort study",
               ("Results", "The cohort comprised 5 120 patients: 1 210 long-term users, 2 004 short-term users and "
                           "1 906 non-users."))
    assert st["n_enrolled"] == 5120


def test_we_reviewed_consecutive_patients_and_a_reviews_trials_with_their_participants() -> None:
    st = study("Switching from gabapentin to pregabalin for dizziness in neuropathic pain: a short report", (None,
        "To the Editor: We reviewed 18 consecutive outpatients with neuropathic pain who were switched because of "
        "dizziness. At 8 weeks, 12 reported less dizziness."), types=["Letter"])
    assert st["design"] == "case_series"
    st = study("Low-dose naltrexone for Crohn's disease: a systematic review and meta-analysis", ("Results",
        "Three trials (one crossover, two parallel; 148 participants) were included."))
    assert st["n_enrolled"] == 148


def test_those_who_accepted_and_those_who_declined_are_two_groups() -> None:
    st = study("Add-on low-dose naltrexone for residual pain in psoriatic arthritis: a prospective controlled study",
               ("Methods", "Those who accepted (n = 25) took LDN 1.5 mg for 1 week and 4.5 mg thereafter for 12 "
                           "weeks; those who declined (n = 27) continued usual care."),
               ("Results", "Three LDN patients reported vivid dreams."))
    assert st["n_enrolled"] == 52


def test_initiators_matched_to_non_initiators_are_summed_and_no_greater_improvement_is_a_null() -> None:
    st = study("Low-dose naltrexone use and pain in psoriatic arthritis: a register-based matched cohort study",
               ("Results", "Among 5100 eligible patients, 204 initiated LDN and were matched to 816 non-initiators."),
               ("Conclusion", "LDN initiation was not associated with greater pain improvement in routine care."))
    assert st["n_enrolled"] == 1020
    assert st["result"] == "negative"


def test_an_open_label_phase_and_the_randomised_nonresponders_are_stages_not_groups() -> None:
    st = study("Duloxetine 90 mg versus 60 mg in fibromyalgia after an inadequate response: a randomized trial",
               ("Results", "A total of 420 patients entered the open-label phase and 198 nonresponders were "
                           "randomized (60 mg, n = 99; 90 mg, n = 99)."))
    assert st["n_enrolled"] == 198


def test_few_withdrawals_are_no_null_and_sleepwalking_is_a_harm() -> None:
    st = study("A pilot trial of low-dose naltrexone in Gulf War illness", (None,
        "We conducted a 12-week open-label pilot of naltrexone 4.5 mg in thirty veterans. Treatment was well "
        "tolerated: adverse events were few and mild, and only a small number of patients withdrew."))
    assert st["result"] != "negative"
    st = study("Sleepwalking associated with bedtime low-dose naltrexone in a woman with fibromyalgia",
               (None, "A 58-year-old woman began naltrexone 4.5 mg at bedtime. After a week she walked at night "
                      "without recall. The dose was moved to the morning and her pain relief was maintained."))
    assert st["result"] == "negative"


def test_the_second_reads_over_matches_stay_fixed() -> None:
    # a per-case matching ratio is no control count
    st = study("NSAIDs and surgery in Crohn's disease: a nested case-control study", ("Methods",
        "In a population-based cohort of 48 210 patients, each of 612 cases who underwent surgery was matched by age "
        "and sex to 4 controls."))
    assert st["n_enrolled"] != 616
    # weeks are no head count of an extension
    st = study("Low-dose naltrexone in fibromyalgia: a 52-week open-label extension", (None,
        "Participants who completed 12 weeks and entered the extension received LDN 4.5 mg nightly for 52 weeks."))
    assert st["n_enrolled"] != 12
    # a Participants statement of the screened is no sample
    st = study("Tai chi for knee osteoarthritis: a randomized trial", ("Participants",
        "212 community-dwelling older adults with knee osteoarthritis screened for eligibility at three clinics."))
    assert st["n_enrolled"] is None
    # the history of another treatment is no treatment time
    st = study("Low-dose naltrexone for chronic back pain: a randomized trial", ("Results",
        "The mean duration of opioid therapy was 8.2 years."))
    assert st["duration_weeks"] is None
    # a trial's title length stands beside "with follow-up"
    assert study("Low-dose naltrexone in Crohn's disease: a 12-week open-label trial with follow-up")[
        "duration_weeks"] == 12
    # a concession about a secondary outcome is no null
    st = study("Low-dose naltrexone for fibromyalgia: a randomized trial", ("Results", "Pain fell more with LDN "
        "(p = 0.01)."), ("Conclusions", "Although the improvement in sleep did not reach statistical significance, "
                                        "LDN reduced pain and may be a useful option for fibromyalgia."))
    assert st["result"] != "negative"
    # "no evidence that ... was required for benefit", rare hypersensitivity responses: no nulls
    for conclusion in ("LDN maintained remission, and no evidence emerged that concomitant azathioprine was "
                       "required for benefit.", "LDN maintained remission; hypersensitivity responses were rare."):
        assert study("Low-dose naltrexone in Crohn's disease: a randomized trial",
                     ("Conclusions", conclusion))["result"] == "positive"
    # a condition that improves with LDN is no harm; few patients reporting dreams is no null
    assert study("Alopecia areata improving with low-dose naltrexone in a child")["result"] != "negative"
    assert study("A pilot of low-dose naltrexone in Gulf War illness", (None,
        "We conducted a 12-week open-label pilot of naltrexone 4.5 mg in thirty veterans. Only a small number of "
        "patients reported vivid dreams."))["result"] != "negative"


def test_a_cohorts_harm_said_as_more_visits_or_overdoses_is_negative() -> None:
    st = study("Gabapentinoid initiation and emergency visits among older adults with back pain",
               ("Methods", "This retrospective cohort study used claims from 2016 to 2024."),
               ("Conclusions", "Gabapentinoid initiation was associated with increased emergency department visits "
                               "and overdose."))
    assert (st["design"], st["result"]) == ("cohort", "negative")


# --- forms met on the sets written 2026-12-06 -------------------------------------------------------

def test_a_dose_per_unit_is_made_daily_by_how_often_the_unit_is_taken() -> None:
    # the Journal of Pain writes micrograms "microg"
    st = study("Oxycodone with ultralow-dose naltrexone in chronic low back pain: a randomized trial", ("Methods",
        "Patients were randomized to oxycodone 10 mg or oxycodone 10 mg plus naltrexone 1 microg per dose, "
        "each taken twice daily for 12 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (0.002, 0.002)
    # the arms' schedules named in another sentence than the per-dose content
    st = study("Oxytrex, oxycodone with ultralow-dose naltrexone, in chronic low back pain: a randomized trial",
               ("Methods", "Patients were randomized to placebo, oxycodone four times daily, Oxytrex four times daily "
                           "or Oxytrex twice daily for 3 weeks."),
               ("Methods", "Each Oxytrex dose contained 1 microgram of naltrexone."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (0.002, 0.004)


def test_the_tablet_strength_ldn_is_compounded_from_is_no_dose() -> None:
    st = study("Low-dose naltrexone in fibromyalgia: an open-label pilot", ("Methods",
        "Capsules of 4.5 mg were prepared from 50 mg tablets by a local pharmacy and taken nightly for 8 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)
    st = study("Content uniformity of compounded low-dose naltrexone capsules", ("Methods",
        "Commercially available 50 mg naltrexone tablets were reformulated into 4.5 mg capsules."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)


def test_dose_ranges_are_read_with_the_range_words_of_other_languages() -> None:
    for text in ("Il naltrexone è stato somministrato a dosi tra 1,5 e 4,5 mg al giorno.",
                 "Se administró naltrexona en dosis de 1,5 a 4,5 mg al día.",
                 "Naltrexon wurde in einer Dosis von 1,5 bis 4,5 mg täglich gegeben."):
        st = study("[Low-dose naltrexone in fibromyalgia]", (None, text))
        assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5), text


def test_head_counts_stated_as_a_total_in_all_or_summed_over_three_receiving_groups() -> None:
    st = study("Opioid tapering and overdose in chronic pain: a cohort study", ("Results",
        "Tapering was studied in primary care and specialist clinics (1583 in all)."))
    assert st["n_enrolled"] == 1583
    st = study("Cardiovascular and cancer risk with tofacitinib in rheumatoid arthritis", ("Results",
        "Of the patients randomized, 1455 received tofacitinib 5 mg, 1456 received tofacitinib 10 mg and 1451 "
        "received a TNF inhibitor."))
    assert st["n_enrolled"] == 4362


def test_the_randomised_after_a_run_in_and_arms_drawn_from_a_larger_pool() -> None:
    st = study("Low-dose naltrexone for fibromyalgia: a randomized placebo-controlled trial", ("Results",
        "Two hundred forty adults completed a 1-week single-blind placebo run-in and were then randomized to LDN "
        "4.5 mg or placebo."))
    assert st["n_enrolled"] == 240
    st = study("Two titration schedules of low-dose naltrexone: a randomized trial", ("Results",
        "A total of 344 of 412 participants who entered titration were randomized to fast titration (n = 173) or "
        "slow titration (n = 171)."))
    assert st["n_enrolled"] == 344


def test_history_and_shares_are_no_head_counts_and_group_sizes_beat_a_count_in_passing() -> None:
    st = study("Low-dose naltrexone for chemotherapy-induced neuropathy: an open-label study", ("Methods",
        "Seventy women with chemotherapy completed at least 6 months earlier were enrolled."))
    assert st["n_enrolled"] == 70
    st = study("Neuropathic-like pain in axial spondyloarthritis: a cross-sectional study",
               ("Methods", "We surveyed 312 consecutive outpatients with painDETECT."),
               ("Results", "A likely neuropathic component was found in 77 patients (24.7%)."))
    assert st["n_enrolled"] == 312
    st = study("Low-dose naltrexone added to methotrexate in rheumatoid arthritis: a controlled study",
               ("Methods", "Patients chose LDN 4.5 mg (LDN group, n=32) or continued methotrexate alone "
                           "(control group, n=30) for 12 weeks."),
               ("Results", "Three patients in the LDN group reported sleep disturbance."))
    assert st["n_enrolled"] == 62


def test_matched_users_and_non_users_are_the_sample() -> None:
    st = study("Low-dose naltrexone and opioid use in fibromyalgia: a matched cohort study", ("Results",
        "After propensity-score matching, 58 LDN users and 116 non-users were analyzed."))
    assert st["n_enrolled"] == 174


def test_prior_therapy_and_measurement_schedules_are_no_treatment_time() -> None:
    st = study("Switching from originator to biosimilar infliximab in inflammatory arthritis: a randomized trial",
               ("Methods", "Adults on stable originator infliximab for at least 6 months were randomly assigned to "
                           "continue or switch, and were treated for 52 weeks."))
    assert st["duration_weeks"] == 52
    st = study("Opioid tapering with low-dose naltrexone: protocol for a randomised trial", ("Methods",
        "We will randomise 420 adults taking at least 50 mg morphine equivalents per day for at least 3 months to "
        "tapering with LDN or tapering alone."))
    assert st["duration_weeks"] is None
    st = study("Ketamine infusion for complex regional pain syndrome: a case series", ("Methods",
        "Pain was recorded during the infusion and weekly for the following 12 weeks."))
    assert st["duration_weeks"] is None


def test_time_on_treatment_said_as_followed_on_treatment_or_a_median_time_treated() -> None:
    st = study("Low-dose naltrexone in Hailey-Hailey disease: a case series", ("Results",
        "Nine patients were followed for 6 months on treatment."))
    assert st["duration_weeks"] == 26.07
    st = study("Low-dose naltrexone in painful polyneuropathy: a retrospective chart review", ("Results",
        "Patients were treated with LDN for a median of 5 months (range 2-18)."))
    assert st["duration_weeks"] == 21.72  # 5 x 4.345


def test_masking_alone_with_nothing_compared_is_one_group() -> None:
    st = study("Low-dose naltrexone reduces pain in fibromyalgia: a pilot study", ("Methods",
        "Eight women took part in a single-blind pilot study with a 2-week baseline period, 8 weeks of LDN and a "
        "2-week washout."))
    assert st["design"] == "single_arm_trial"
    # a saline comparison given at random is a randomised trial
    st = study("Antagonism of acupuncture analgesia in man by naloxone", (None,
        "Subjects were randomly given intravenous naloxone (0.8 mg) or saline before acupuncture under "
        "double-blind conditions."))
    assert (st["design"], st["randomized"]) == ("rct_parallel", True)


def test_a_chart_review_that_says_it_had_no_control_group_is_a_case_series() -> None:
    st = study("Low-dose naltrexone in refractory chronic low back pain: a retrospective review",
               ("Methods", "We retrospectively reviewed the charts of 23 patients treated with LDN."),
               ("Conclusions", "In the absence of a control group, placebo effects cannot be excluded."))
    assert st["design"] == "case_series"


def test_an_of_total_whose_parts_add_up_is_the_sample() -> None:
    st = study("Low-dose buprenorphine initiation versus standard induction in chronic pain: a retrospective cohort",
               ("Results", "Of 312 patients, 187 underwent low-dose initiation and 125 standard induction."))
    assert st["n_enrolled"] == 312
    # parts that do not add up leave the group that took the drug
    st = study("Low-dose naltrexone in fibromyalgia: a retrospective cohort",
               ("Results", "Of 312 patients, 187 received LDN and 100 continued usual care alone."))
    assert st["n_enrolled"] != 312


def test_a_title_closing_on_its_number_of_cases_is_a_case_series() -> None:
    st = study("Intravenous immunoglobulin for painful small fiber neuropathy with TS-HDS antibodies: three cases",
               (None, "We describe three women with painful small fiber neuropathy who received IVIG every 4 weeks. "
                      "Pain fell in two. These uncontrolled observations must be weighed against the recent "
                      "negative randomised trial in unselected patients."))
    assert st["design"] == "case_series"


def test_a_drug_free_period_a_fading_effect_and_a_withdrawal_trials_blinded_phase() -> None:
    # a drug-free period before the first injection is no treatment time: the title's length stands
    st = study("Extended-release injectable naltrexone in opioid use disorder and chronic low back pain: a 24-week "
               "open-label pilot study", ("Methods",
        "Adults completed inpatient withdrawal, a 7-day opioid-free period and a naloxone challenge, and then "
        "received naltrexone 380 mg by intramuscular injection every 4 weeks."))
    assert st["duration_weeks"] == 24
    # how an effect faded after the course is follow-up
    st = study("Electroacupuncture for chronic low back pain in older adults: a controlled, non-randomised study",
               ("Methods", "EA was given as 10 sessions, twice weekly over 5 weeks."),
               ("Conclusion", "EA improved disability at the end of a 5-week course, but the effect diminished over "
                              "the following 6 months."))
    assert st["duration_weeks"] == 5
    # a randomised withdrawal: the blinded phase after the open titration
    st = study("Tapentadol ER in painful diabetic neuropathy: a randomized-withdrawal, placebo-controlled trial",
               ("Methods", "The study consisted of a 3-week open-label titration period, during which all patients "
                           "received tapentadol ER 100-250 mg twice daily, followed by a 12-week double-blind "
                           "maintenance period."))
    assert st["duration_weeks"] == 12


def test_one_dose_of_several_is_mixed() -> None:
    st = study("Three doses of low-dose naltrexone versus placebo in fibromyalgia: a randomized dose-ranging trial",
               ("Results", "Compared with placebo, the change in pain was -0.2 with 1.5 mg, -0.5 with 3.0 mg and -0.9 "
                           "(P = 0.01) with 4.5 mg."),
               ("Conclusion", "Only the 4.5 mg dose of naltrexone reduced fibromyalgia pain more than placebo, and "
                              "the effect was modest."))
    assert st["result"] == "mixed"


def test_the_lancets_raised_decimal_point_in_a_dose() -> None:
    st = study("Low dose naltrexone in a tertiary pain service: a two-year service evaluation", ("Methods",
        "LDN was started at 1\u00b75 mg\u00b7d\u22121 and increased by 1\u00b75 mg every two weeks to a target of "
        "4\u00b75 mg\u00b7d\u22121."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)


def test_a_title_telling_its_experience_with_patients_is_a_case_series_even_in_a_letter() -> None:
    st = study("Low-dose naltrexone for neuropathic pain after spinal cord injury: experience in seven patients",
               ("Methods", "Seven patients received LDN 3-4.5 mg nightly for 8 to 10 weeks."))
    assert st["design"] == "case_series"
    # a title-only letter about patients of its own is no commentary
    st = study("[Low-dose naltrexone in fibromyalgia: experience with 27 patients]", types=["Letter"])
    assert st["design"] == "case_series"


def test_no_evidence_that_one_active_beats_another_is_no_null() -> None:
    st = study("Comparative efficacy of pregabalin, duloxetine and milnacipran in fibromyalgia: a network meta-analysis",
               (None, "Eleven trials with 6,388 patients were included. All three drugs are modestly more effective "
                      "than placebo, with no evidence that any one of them is superior."))
    assert st["result"] == "positive"
    # the null it still reads
    st = study("Low-dose naltrexone and surgery in Crohn's disease: a cohort study",
               ("Conclusions", "We found no evidence that LDN exposure reduces the risk of surgery."))
    assert st["result"] == "negative"


def test_an_early_benefit_that_was_not_sustained_is_mixed_unless_a_null_is_stated() -> None:
    st = study("Low-dose naltrexone for chronic low back pain in primary care: a randomized clinical trial",
               ("Results", "Pain was lower with LDN at 4 weeks (p = 0.03); at 8 weeks it was not (p = 0.21)."),
               ("Conclusion", "LDN produced an early reduction in low back pain that was not sustained at 8 weeks."))
    assert st["result"] == "mixed"
    # a stated null leads, in the same sentence or before it
    st = study("Low-dose naltrexone in fibromyalgia: a randomized trial",
               ("Conclusions", "An early, modest effect of LDN on fibromyalgia pain was not maintained, and "
                               "LDN was not superior to placebo at 24 weeks."))
    assert st["result"] == "negative"
    st = study("Naltrexone 4.5 mg in painful diabetic neuropathy: a randomized trial",
               ("Conclusions", "Naltrexone 4.5 mg did not reduce pain in PDPN at the end of a 10-week "
                               "treatment period. An early effect seen in exploratory analyses was not sustained."))
    assert st["result"] == "negative"


def test_a_titration_step_is_no_dose() -> None:
    st = study("Low-dose naltrexone versus amitriptyline in fibromyalgia: a retrospective cohort study",
               ("Methods", "LDN was prescribed as 2 to 4.5 mg at night, adjusted in 0.5-mg steps; "
                           "amitriptyline as 10 to 25 mg at night."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (2.0, 4.5)
    st = study("Low-dose naltrexone for post-COVID-19 condition: an open-label pilot trial",
               ("Methods", "Naltrexone was started at 1 mg at night and increased by 1 mg every 7 days to a "
                           "maximum of 4.5 mg (the final step being 0.5 mg), for 2 months."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.0, 4.5)


def test_units_taken_together_and_doses_in_words_make_the_dose() -> None:
    st = study("Low-dose naltrexone in chronic low back pain: a single-blind pilot study",
               ("Methods", "Naltrexone was taken as three 1.5-mg capsules together at bedtime for 10 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)
    st = study("Low-dose naltrexone in fibromyalgia: a randomised trial",
               ("Methods", "Adults were randomised to naltrexone, taken as 2 x 2.25 mg tablets each night, "
                           "or placebo."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)
    # a count of tablets dispensed is no number taken at once
    st = study("Low-dose naltrexone in fibromyalgia: a randomised trial",
               ("Methods", "Forty-two 4.5 mg tablets of naltrexone were dispensed to each participant."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)
    st = study("Low-dose naltrexone for chemotherapy-induced neuropathy: a non-randomised controlled study",
               ("Methods", "LDN was three milligrams nightly, reduced to one and a half milligrams if "
                           "insomnia occurred, for 12 weeks."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 3.0)
    st = study("Low-dose naltrexone in rheumatoid arthritis: a randomised trial",
               ("Methods", "Sixty patients were randomised to naltrexone four and a half milligrams nightly "
                           "or matching placebo."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)


def test_a_compounded_liquid_dose_is_its_strength_times_the_volume_taken() -> None:
    st = study("Low-dose naltrexone for refractory postherpetic neuralgia: a case report",
               ("Abstract", "Naltrexone was prescribed as a compounded oral solution of 1 mg/mL, 2 mL at "
                            "bedtime for one month and then 4 mL."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (2.0, 4.0)
    st = study("A compounded naltrexone oral solution for women with fibromyalgia: an open-label study",
               ("Abstract", "We prepared naltrexone hydrochloride oral solution 1 mg/mL. Twenty-four women "
                            "were instructed to take 3 mL of the solution at bedtime for 60 days. The "
                            "solution was dispensed in 100-mL amber bottles."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (3.0, 3.0)
    # a dose in mg wins over the volume it was given in
    st = study("Low-dose naltrexone in CRPS: a case report",
               ("Abstract", "Naltrexone oral solution 1 mg/mL was started at 1.5 mg (1.5 mL) and raised to "
                            "4.5 mg at night."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)


def test_a_null_primary_with_a_hedged_praise_of_secondaries_stays_negative() -> None:
    st = study("Low-dose naltrexone versus placebo for fibromyalgia: a randomised, double-blind trial",
               ("Interpretation", "Low-dose naltrexone did not significantly reduce pain intensity compared with "
                                  "placebo. The improvements in overall fibromyalgia impact suggest that a subgroup "
                                  "of patients might benefit, and support further investigation."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for fatigue in post-COVID-19 condition: a randomised trial",
               ("Interpretation", "LDN did not significantly reduce fatigue compared with placebo. The improvement "
                                  "in physical role functioning is encouraging and warrants confirmation."))
    assert st["result"] == "negative"
    # "limited perceived benefit" is no benefit
    st = study("Initiation of low-dose naltrexone and analgesic dispensing in fibromyalgia: a cohort study",
               ("Conclusions", "Starting LDN was not associated with reduced opioid use. Low persistence "
                               "suggests limited perceived benefit for many patients."))
    assert st["result"] == "negative"


def test_one_dose_of_two_said_with_its_schedule_or_as_lower_doses_is_mixed() -> None:
    st = study("Nalbuphine ER tablets for uremic pruritus: a randomized, double-blind trial",
               ("Conclusions", "Nalbuphine ER 120 mg twice daily, but not 60 mg, reduced itch intensity."))
    assert st["result"] == "mixed"
    st = study("Low-dose naltrexone for chronic migraine: a randomized, placebo-controlled, dose-finding trial",
               ("Results", "The primary outcome was the change in monthly migraine days. Reductions were -1.2 with "
                           "placebo, -1.6 with 1.5 mg (difference -0.4, 95% CI -2.1 to 1.3) and -3.1 with 4.5 mg "
                           "(-1.9, -3.6 to -0.2)."),
               ("Conclusion", "Naltrexone 4.5 mg, but not lower doses, reduced monthly migraine days, with a "
                              "dose-response trend."))
    assert st["result"] == "mixed"


def test_an_antagonist_that_spares_analgesia_reports_no_null() -> None:
    st = study("Methylnaltrexone for opioid-induced constipation in advanced illness: a randomized trial",
               ("Results", "Laxation within 4 hours occurred in 48% with methylnaltrexone and 15% with "
                           "placebo (P<0.001)."),
               ("Conclusions", "Subcutaneous methylnaltrexone rapidly induced laxation. Treatment did not appear "
                               "to affect central analgesia or precipitate opioid withdrawal."))
    assert st["result"] == "positive"


def test_counts_of_events_in_arms_and_a_baseline_value_before_the_verb() -> None:
    st = study("Extended-release naltrexone versus buprenorphine-naloxone: a randomized trial",
               ("Methods", "Participants were 204 adults with opioid use disorder and chronic pain."),
               ("Findings", "Induction failed in 27 (26%) participants assigned XR-NTX compared with six (6%) "
                            "assigned BUP-NX."))
    assert st["n_enrolled"] == 204
    st = study("Low-dose naltrexone therapy improves active Crohn's disease: an open-label pilot study",
               ("Results", "Seventeen patients with a mean CDAI of 356 +/- 27 were enrolled. The most common "
                           "side effect was sleep disturbance, occurring in seven patients."))
    assert st["n_enrolled"] == 17


def test_a_null_primary_is_found_past_a_sentence_that_names_its_word_in_passing() -> None:
    st = study("Low-dose naltrexone for chronic low back pain: a randomised, placebo-controlled crossover trial",
               ("Methods", "The primary outcome was mean pain intensity (0-10 numeric rating scale) over the "
                           "last 2 weeks of each period. Secondary outcomes included sleep quality."),
               ("Results", "Of 58 patients screened, 36 were randomised (mean duration of back pain 9.6 years). "
                           "Mean pain intensity was 5.1 with LDN and 5.4 with placebo (difference -0.3, 95% CI "
                           "-0.9 to 0.3; P = 0.31). Sleep quality improved with LDN (PSQI difference -1.4, 95% CI "
                           "-2.5 to -0.3)."),
               ("Conclusion", "LDN was well tolerated and improved sleep quality in patients with chronic low "
                              "back pain."))
    assert st["result"] == "negative"
    # the benefit over placebo stated beside the null between active doses stands
    st = study("Low-dose vaporized cannabis improves neuropathic pain: a randomized crossover trial",
               ("Abstract", "The primary outcome was pain intensity on a 100-mm visual analog scale. Many "
                            "participants had pain despite analgesics. Both active doses lowered pain relative to "
                            "placebo, and the two active doses did not differ from each other (P > .7). A low THC "
                            "content relieved neuropathic pain as well as a medium content."))
    assert st["result"] == "positive"


def test_a_strength_per_capsule_and_a_range_of_capsules_make_a_dose_range() -> None:
    st = study("Low-dose naltrexone for chronic low back pain in a community pain clinic: a case series",
               ("Methods", "LDN was dispensed as 1.5 mg capsules, with patients instructed to take one to three "
                           "capsules nightly depending on tolerance."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)
    # another drug's "1 or 2 tablets" as needed leaves a dose with no unit after it alone
    st = study("Low-dose naltrexone for acute low back pain: a randomized trial",
               ("Methods", "Naltrexone 4.5 mg was given nightly; rescue oxycodone 5 mg/acetaminophen 325 mg was "
                           "taken as 1 or 2 tablets every 8 hours as needed."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (4.5, 4.5)


def test_a_liquid_of_another_drug_gives_naltrexone_no_dose() -> None:
    st = study("Low-dose naltrexone for chronic pelvic pain: a case report",
               ("Abstract", "She was started on low-dose naltrexone at bedtime. Morphine oral solution 2 mg/mL, "
                            "5 mL as needed, was continued for breakthrough pain."))
    assert st["dose_mg_min"] is None
    # three 1.5-mg capsules taken together are not also a range of capsules
    st = study("Low-dose naltrexone in fibromyalgia: an open-label study",
               ("Methods", "LDN was taken as three 1.5-mg capsules at bedtime, starting with one to two "
                           "capsules in the first week."))
    assert st["dose_mg_max"] == 4.5


def test_a_benefit_accompanied_by_harms_is_mixed_but_not_a_condition_accompanied_by_another() -> None:
    st = study("Tanezumab for osteoarthritis of the hip or knee: a randomized clinical trial", ("Conclusions",
        "Tanezumab produced statistically significant but modest improvements in pain and function, "
        "accompanied by more joint safety events, including rapidly progressive osteoarthritis."))
    assert st["result"] == "mixed"
    st = study("Low-dose naltrexone after breast cancer surgery: a randomized trial", ("Conclusions",
        "LDN reduced persistent pain after breast cancer surgery, but this benefit was accompanied by clinically "
        "important psychiatric adverse events."))
    assert st["result"] == "mixed"
    st = study("E-cigarettes versus nicotine replacement: a randomized trial", ("Conclusions",
        "E-cigarettes were more effective for smoking cessation than nicotine-replacement therapy, when both "
        "products were accompanied by behavioral support."))
    assert st["result"] == "positive"


def test_naltrexone_among_the_excluded_or_as_a_co_medication_is_not_studied() -> None:
    st = study("Outpatient five-day ketamine infusions for complex regional pain syndrome: a retrospective review",
               ("Methods", "Concomitant medications were recorded; 12 patients were taking low-dose naltrexone "
                           "(4.5 mg nightly), which was withheld before the first infusion."),
               ("Results", "Mean NRS fell from 7.6 to 4.9 after the fifth infusion (P < 0.001). Outcomes did not "
                           "differ between patients who were and were not taking low-dose naltrexone."))
    assert st["is_ldn"] is False
    st = study("Opioid blockade and clinical pain in chronic low back pain: a naloxone challenge",
               ("Methods", "Adults with chronic low back pain received naloxone or saline in randomized order. "
                           "People taking opioids or opioid antagonists, including naltrexone, were excluded."),
               ("Discussion", "The relevance of these findings to opioid antagonist therapies, including "
                              "low-dose naltrexone, is uncertain."))
    assert st["is_ldn"] is False
    # named twice as what patients were given, it is studied
    st = study("Pain outcomes in a chronic pain clinic: a retrospective review",
               ("Methods", "We reviewed patients started on low-dose naltrexone 4.5 mg nightly."),
               ("Results", "Of 40 patients, 25 reported less pain on low-dose naltrexone."))
    assert st["is_ldn"] is True


def test_treatments_that_had_failed_before_are_history_not_the_finding() -> None:
    st = study("Low-dose naltrexone for refractory chronic migraine: a case report", (None,
        "Topiramate, amitriptyline, propranolol and two CGRP antibodies had each been ineffective or poorly "
        "tolerated. She was started on naltrexone 1.5 mg at bedtime, increased to 4.5 mg. By the third month, "
        "headache days had fallen to nine per month."))
    assert st["result"] == "positive"
    st = study("Treatment of complex regional pain syndrome using low-dose naltrexone: two cases", (None,
        "After LDN was started, prominent CRPS symptoms remitted in both patients. LDN was used in these "
        "patients after conventional CRPS pharmacotherapy had failed to control their symptoms."))
    assert st["result"] == "positive"
    # the studied drug's own failure stays a finding
    st = study("Low-dose naltrexone in fibromyalgia: a case series", ("Conclusions",
        "Low-dose naltrexone had failed to reduce pain in all five patients by week 12."))
    assert st["result"] == "negative"


def test_a_null_between_arms_in_the_first_result_sentence_is_negative() -> None:
    st = study("Low-dose naltrexone for chronic low back pain: a randomised trial",
               ("Methods", "Eighty patients were randomised to naltrexone 4.5 mg or placebo for 12 weeks."),
               ("Results", "Pain (BPI) decreased by 1.4 points with naltrexone and 1.1 with placebo "
                           "(difference -0.3; p = 0.46). The FIQ improved (p < 0.001)."))
    assert st["result"] == "negative"
    # a significant difference, or no control arm named, leaves the benefit standing
    st = study("Low-dose naltrexone for chronic low back pain: a randomised trial",
               ("Methods", "Eighty patients were randomised to naltrexone 4.5 mg or placebo for 12 weeks."),
               ("Results", "Pain decreased by 2.4 points with naltrexone and 1.1 with placebo (p = 0.01)."))
    assert st["result"] == "positive"


def test_those_not_randomized_and_the_evaluable_are_not_the_sample() -> None:
    st = study("Dose-response of low-dose naltrexone in fibromyalgia: a four-arm randomized trial", ("Results",
        "Of 231 patients who entered the run-in, 65 were not randomized (27 because of a placebo response and 38 "
        "who withdrew). The remaining 166 were randomized: 1.5 mg (n = 42), 3.0 mg (n = 40), 4.5 mg (n = 41) and "
        "placebo (n = 43)."))
    assert st["n_enrolled"] == 166
    st = study("Low-dose naltrexone for painful chemotherapy-induced neuropathy: a retrospective case series", (None,
        "We reviewed all patients treated with low-dose naltrexone for painful CIPN. Twenty-three patients were "
        "identified. Median pain fell from 6 to 4, and 10 of the 17 evaluable patients reported a reduction of at "
        "least 30%."))
    assert st["n_enrolled"] == 23


def test_evidence_that_does_not_demonstrate_a_benefit_and_a_benefit_set_aside_are_negative() -> None:
    st = study("Low-dose naltrexone for fibromyalgia: a systematic review and meta-analysis", ("Conclusions",
        "Current randomized evidence does not demonstrate that LDN reduces pain in fibromyalgia; if an effect "
        "exists it is probably small."))
    assert st["result"] == "negative"
    st = study("Low-dose naltrexone for painful knee osteoarthritis: a randomised crossover trial", ("Conclusions",
        "Because of carryover, the apparent benefit in the pooled crossover analysis is unreliable, and the "
        "first-period comparison showed no effect of LDN on knee OA pain."))
    assert st["result"] == "negative"


def test_a_case_with_a_feasibility_conclusion_is_read_from_its_course() -> None:
    st = study("Sublingual low-dose naltrexone titrated from 500 micrograms for CRPS in an adolescent: a case report",
               (None, "We describe a 16-year-old girl with CRPS type I of the left foot who did not improve with "
                      "3 months of physiotherapy and gabapentin. Naltrexone was started at 500 ug at bedtime and "
                      "increased to 3 mg. After 4 months of treatment her pain fell from 8 to 3 on the numerical "
                      "rating scale, and she returned to school. Vivid dreams occurred during the first 2 weeks. "
                      "This case suggests that slow sublingual titration of low-dose naltrexone is feasible in "
                      "adolescents with CRPS."))
    assert st["result"] == "positive"


def test_a_null_between_active_doses_does_not_make_a_trial_a_spun_null() -> None:
    st = study("Low-dose vaporized cannabis improves neuropathic pain: a randomised crossover trial",
               ("Methods", "The primary outcome was pain intensity on a visual analogue scale."),
               ("Results", "Mixed-effects regression models demonstrated an analgesic response to vaporized "
                           "cannabis. There was no significant difference between the 2 active doses (P > .7)."),
               ("Conclusions", "Vaporized cannabis, even at low doses, may present an effective option for "
                               "patients with treatment-resistant neuropathic pain."))
    assert st["result"] == "positive"


def test_a_feared_harm_that_did_not_happen_is_no_null() -> None:
    st = study("High intensity exercise in axial spondyloarthritis: a randomised trial", ("Conclusion",
        "High-intensity exercise reduced disease activity and improved function in patients with axSpA and did "
        "not increase inflammation, challenging the notion that strenuous exercise is harmful in inflammatory "
        "disease."))
    assert st["result"] == "positive"
    # healthy comparison people are "pain-free", which is no benefit
    st = study("Naloxone and exercise-induced hypoalgesia in fibromyalgia: a crossover study", ("Conclusions",
        "Women with fibromyalgia and pain-free women were studied in two laboratory sessions."))
    assert st["result"] != "positive"


def test_a_cohorts_stated_median_time_on_ldn_is_its_treatment_time_but_not_another_drugs() -> None:
    st = study("Low-dose naltrexone as add-on therapy in postherpetic neuralgia: a retrospective matched cohort study",
               ("Methods", "Records of patients receiving LDN in addition to a gabapentinoid were compared with "
                           "matched patients on gabapentinoids alone."),
               ("Results", "In all, 37 LDN patients and 74 controls were analysed. The median duration of LDN "
                           "treatment was 5 months (range 2-19)."))
    assert st["duration_weeks"] == round(5 * 4.345, 2)
    st = study("Duloxetine versus gabapentinoids for painful diabetic neuropathy: a retrospective cohort study",
               ("Results", "We compared 48,920 new users in a claims database. Median treatment duration was 62 "
                           "days for gabapentinoids and 71 days for duloxetine."))
    assert st["duration_weeks"] is None


def test_an_exposure_in_nanograms_is_no_dose_and_a_clinic_or_an_event_is_no_count() -> None:
    st = study("Pharmacokinetics of compounded low-dose naltrexone capsules in healthy adults", ("Results",
        "Twelve healthy adults received single oral doses of naltrexone 1.5 mg and 4.5 mg. Naltrexone exposure was "
        "approximately dose proportional (geometric mean AUC0-inf 1.9 and 5.6 ng\u00b7h/mL; Cmax 0.8 ng/mL)."))
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (1.5, 4.5)
    st = study("Low-dose naltrexone as an adjunct to gabapentin in postherpetic neuralgia: a controlled study",
               ("Methods", "Patients on a stable dose of gabapentin were allocated according to clinic: at one clinic "
                           "patients received naltrexone 3 mg at night in addition to gabapentin."),
               ("Results", "Forty-six patients were included. One participant had transient nausea."))
    assert st["n_enrolled"] == 46


def test_a_negative_case_among_favourable_reports_and_unchanged_safety_tests() -> None:
    st = study("Low-dose naltrexone in post-traumatic brachial plexus pain: a case report", (None,
        "We report a 58-year-old man with burning arm pain for five years. Low-dose naltrexone was increased to "
        "4.5 mg daily and continued for six weeks. No change in pain intensity was observed, and the drug was "
        "stopped. This case adds a negative observation to a literature dominated by favourable reports."))
    assert st["result"] == "negative"
    st = study("A pilot trial of low-dose naltrexone in primary progressive multiple sclerosis", ("Results",
        "Low-dose naltrexone was well tolerated, with no significant changes in laboratory safety tests. "
        "Spasticity improved significantly by the end of the trial."))
    assert st["result"] == "positive"


def test_parts_with_thousands_separators_add_up_to_the_sample_and_titration_plus_maintenance() -> None:
    st = study("Long-term opioid therapy in chronic low back pain: a 24-month cohort study", ("Results",
        "Of 6,418 patients with CLBP, 2,107 received LTOT and 4,311 did not."))
    assert st["n_enrolled"] == 6418
    st = study("High-dose pregabalin in older adults with painful diabetic neuropathy: a randomized trial", ("Methods",
        "Pregabalin was titrated from 150 mg/day to 600 mg/day over 3 weeks and maintained for 9 weeks "
        "(12 weeks total)."))
    assert st["duration_weeks"] == 12.0


def test_those_who_entered_a_run_in_are_not_the_randomised() -> None:
    st = study("Low-dose naltrexone vs placebo for chronic low back pain: a randomized clinical trial", ("Results",
        "Of 412 adults screened, 163 entered a 2-week single-blind placebo run-in, and those whose pain remained 4 "
        "or higher were randomized. A total of 148 participants were randomized (74 to LDN and 74 to placebo)."))
    assert st["n_enrolled"] == 148
