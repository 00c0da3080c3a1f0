"""Head counts and treatment time of abstracts in Spanish, Portuguese, German, French, Italian and Polish."""

from __future__ import annotations

import pytest

from ldn_review.extract import extract_study
from ldn_review.extract_foreign import parse_foreign_number
from ldn_review.models import AbstractSection, Article


def record(title: str, text: str, language: str) -> Article:
    return Article(
        pmid="1",
        title=title,
        abstract=text,
        abstract_sections=[AbstractSection(None, None, text)],
        languages=[language],
        publication_types=["Journal Article"],
    )


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("cuarenta y cinco", 45), ("veinticuatro", 24), ("Oitenta", 80), ("trinta e dois", 32),
        ("Siebenundzwanzig", 27), ("zwölf", 12), ("trente et un", 31), ("vingt-six", 26),
        ("3 604", 3604), ("1.247", 1247), ("doce", 12), ("nonsense", None),
        ("Trenta", 30), ("ventisei", 26), ("trentotto", 38), ("ventuno", 21), ("diciotto", 18),
    ],
)  # fmt: skip
def test_numbers_in_digits_and_words(words: str, value: int | None) -> None:
    assert parse_foreign_number(words) == value


@pytest.mark.parametrize(
    ("language", "text", "n", "weeks"),
    [
        ("spa", "Se incluyeron cuarenta y cinco mujeres que recibieron naltrexona 4,5 mg/día "
                "durante 3 meses. El FIQ descendió de 68 a 58 puntos (p < 0,001).", 45, 13.04),
        ("por", "Oitenta pacientes foram randomizados para NBD 4,5 mg/dia ou amitriptilina durante "
                "12 semanas.", 80, 12),
        ("ger", "Siebenundzwanzig Patienten mit chronischem Kreuzschmerz erhielten LDN, beginnend mit "
                "1,5 mg und gesteigert bis 4,5 mg täglich, über 12 Wochen ohne Kontrollgruppe.", 27, 12),
        ("fre", "Nous avons revu les dossiers de trente et un patients traités par naltrexone à faible "
                "dose pendant 8 semaines.", 31, 8),
        ("ita", "Trenta pazienti (28 donne) con sindrome fibromialgica sono stati arruolati e trattati con "
                "naltrexone 4,5 mg/die per tre mesi. Ventisei pazienti hanno completato il trattamento.", 30, 13.04),
        ("pol", "Do badania włączono 42 chorych z przewlekłym bólem krzyża, którzy otrzymywali naltrekson "
                "przez 12 tygodni.", 42, 12),
        ("ger", "In diese retrospektive Kohortenstudie wurden Personen mit Naltrexon (50 mg/Tag) eingeschlossen. "
                "Eingeschlossen wurden 412 Personen. Die mediane Einnahmedauer betrug 14 Wochen.", 412, 14),
        ("fre", "Étude rétrospective de 28 patients traités par LDN. La durée médiane de traitement était "
                "de 5 mois.", 28, 21.72),
    ],
)
def test_counts_and_courses_in_six_languages(language: str, text: str, n: int, weeks: float) -> None:
    st = extract_study(record("[Low-dose naltrexone in chronic pain: an open pilot study]", text, language)).study
    assert (st["n_enrolled"], st["duration_weeks"]) == (n, weeks)


def test_completers_titrations_benefits_and_follow_up_are_not_read() -> None:
    text = ("Veintiún pacientes completaron el seguimiento. La dosis fue aumentada durante dos semanas. "
            "Seis pacientes refirieron un alivio del dolor durante cuatro semanas o más. Se evaluó el "
            "dolor durante el seguimiento de 6 meses.")
    st = extract_study(record("[Low-dose naltrexone in fibromyalgia: a case series]", text, "spa")).study
    assert st["duration_weeks"] is None
    assert st["n_enrolled"] == 6  # the six with relief are the only count outside a completers' sentence


def test_english_records_are_left_to_the_english_rules() -> None:
    text = "Durante 12 semanas: a phrase in passing. Outcomes were recorded."
    english = extract_study(record("Low-dose naltrexone in fibromyalgia: a pilot study", text, "eng")).study
    spanish = extract_study(record("Low-dose naltrexone in fibromyalgia: a pilot study", text, "spa")).study
    assert english["duration_weeks"] is None and spanish["duration_weeks"] == 12


def test_an_observation_period_is_no_course_in_italian_or_polish() -> None:
    st = extract_study(record("[Low-dose naltrexone in chronic low back pain: a retrospective analysis]",
                              "Przeanalizowano dokumentację 38 chorych leczonych naltreksonem. Okres obserwacji "
                              "wynosił 6 miesięcy.", "pol")).study
    assert (st["n_enrolled"], st["duration_weeks"]) == (38, None)


def test_a_randomised_trial_or_a_retrospective_series_named_in_spanish() -> None:
    text = ("Ensayo clínico aleatorizado, doble ciego, controlado con placebo. Cuarenta y seis mujeres con "
            "fibromialgia fueron asignadas a naltrexona 4,5 mg/día o placebo durante 8 semanas.")
    st = extract_study(record("Naltrexona a dosis bajas en fibromialgia", text, "spa")).study
    assert (st["design"], st["randomized"], st["blinding"]) == ("rct_parallel", True, "double")
    text = "Estudio retrospectivo de los 64 pacientes que iniciaron naltrexona en nuestra unidad entre 2016 y 2019."
    st = extract_study(record("Naltrexona a dosis bajas en una unidad del dolor", text, "spa")).study
    assert (st["design"], st["blinding"]) == ("case_series", "open")
    # a review of randomised trials is not one
    text = "Se revisaron los ensayos clínicos aleatorizados publicados hasta 2024 sobre la naltrexona."
    st = extract_study(record("Naltrexona a dosis bajas: qué sabemos", text, "spa")).study
    assert st["design"] != "rct_parallel"


def test_cases_and_controls_are_summed() -> None:
    text = "Estudio de casos y controles. Se incluyeron 1.208 casos y 2.416 controles apareados por edad."
    st = extract_study(record("[NSAIDs and upper gastrointestinal bleeding: a case-control study]", text, "spa")).study
    assert st["n_enrolled"] == 3624


def test_one_in_three_is_a_share_not_a_count() -> None:
    text = "Se analizaron 1.102 pacientes. Uno de cada 3 pacientes recibe opioides."
    st = extract_study(record("[Opioids for chronic low back pain in primary care]", text, "spa")).study
    assert st["n_enrolled"] == 1102
    text = "Uno de cada 3 pacientes con lumbalgia crónica recibe opioides. Se analizaron 1.102 pacientes."
    st = extract_study(record("[Opioids for chronic low back pain in primary care]", text, "spa")).study
    assert st["n_enrolled"] == 1102


def test_an_assessor_masked_in_german_is_single_blind() -> None:
    text = ("Sechzig Frauen mit Fibromyalgiesyndrom wurden randomisiert einem Ausdauer- oder einem Krafttraining "
            "über 12 Wochen zugeteilt. Die Untersucherin war hinsichtlich der Gruppenzuteilung verblindet.")
    st = extract_study(record("[Aerobic versus strength training in fibromyalgia: a randomized trial]", text, "ger")).study
    assert st["blinding"] == "single"


@pytest.mark.parametrize(
    ("text", "language", "result"),
    [
        ("Tratamos a una mujer de 70 años con naltrexona 4,5 mg. La naltrexona en dosis bajas podría ser una "
         "alternativa en la neuralgia refractaria.", "spa", "positive"),
        ("Relatamos um homem de 52 anos tratado com naltrexona. A naltrexona em baixa dose pode ser uma opção "
         "adjuvante, mas são necessários estudos controlados.", "por", "positive"),
        ("Zwölf Patientinnen erhielten Naltrexon 4,5 mg über 8 Wochen. Es zeigte sich kein signifikanter "
         "Unterschied der Schmerzintensität gegenüber dem Ausgangswert.", "ger", "negative"),
        ("Vingt patients ont reçu de la naltrexone pendant 8 semaines. La naltrexone à faible dose semble utile "
         "chez certains patients.", "fre", "positive"),
    ],
)
def test_a_conclusion_in_the_records_language_gives_its_result(text: str, language: str, result: str) -> None:
    st = extract_study(record("[Low-dose naltrexone in refractory pain: a case series]", text, language)).study
    assert st["result"] == result


def test_a_count_beside_completers_or_events_is_read_in_its_own_clause() -> None:
    text = ("Studio prospettico in aperto. Ventidue pazienti sono stati arruolati e diciannove hanno completato lo "
            "studio. Gli eventi avversi più frequenti sono stati sogni vividi (5 pazienti).")
    st = extract_study(record("[Low-dose naltrexone in rheumatoid arthritis: an open pilot study]", text, "ita")).study
    assert st["n_enrolled"] == 22
    text = ("Étude rétrospective. Trente et un patients ont été inclus. La douleur a diminué ; 11 patients (42 %) "
            "ont obtenu une réduction d'au moins 30 %.")
    st = extract_study(record("[Capsaicin patch in small-fibre neuropathy: a case series]", text, "fre")).study
    assert st["n_enrolled"] == 31
    # a record of another language whose abstract is English keeps the English rules' count
    text = ("Forty-one patients chose LDN and 45 completed the programme without it. Six patients reported vivid "
            "dreams with LDN, and the groups were compared at the end of the programme.")
    st = extract_study(record("[Low-dose naltrexone in rehabilitation for fibromyalgia: a controlled study]", text,
                              "ger")).study
    assert st["n_enrolled"] != 6


def test_screened_counts_courses_until_a_week_and_dutch_are_read() -> None:
    text = ("Ensayo cruzado, aleatorizado y doble ciego. Se cribaron 88 pacientes y se aleatorizaron treinta y "
            "dos mujeres a recibir NDB 4,5 mg/día o placebo durante 6 semanas.")
    st = extract_study(record("[Low-dose naltrexone in fibromyalgia: a crossover trial]", text, "spa")).study
    assert st["n_enrolled"] == 32
    text = ("Étude prospective en ouvert. Dix-huit patients ont reçu 1,5 mg de naltrexone pendant 1 semaine puis "
            "4,5 mg jusqu'à la huitième semaine.")
    st = extract_study(record("[Low-dose naltrexone in chronic pain: an open-label study]", text, "fre")).study
    assert st["duration_weeks"] == 8
    text = ("Estudo prospetivo, aberto. Vinte doentes iniciaram NBD a 1 mg por dia, mantendo o tratamento até à "
            "semana 10.")
    st = extract_study(record("[Low-dose naltrexone in fibromyalgia: an open-label study]", text, "por")).study
    assert st["duration_weeks"] == 10
    text = ("Wij includeerden alle patiënten die LDN kregen. Van de achtendertig patiënten bereikten er 20 een "
            "pijnvermindering na 3 maanden behandeling.")
    st = extract_study(record("[Low-dose naltrexone for chronic pain: a case series]", text, "dut")).study
    assert st["n_enrolled"] == 38
    assert st["duration_weeks"] == round(3 * 4.345, 2)


def test_a_letter_reporting_its_own_patients_in_its_language_is_a_case_series() -> None:
    text = ("Sr. Editor: Presentamos nuestra experiencia con cinco mujeres con fibromialgia que recibieron "
            "naltrexona en dosis bajas durante 12 semanas. Cuatro mejoraron.")
    art = record("[Low-dose naltrexone in fibromyalgia: experience in five patients]", text, "spa")
    art.publication_types[:] = ["Letter"]
    st = extract_study(art).study
    assert (st["design"], st["n_enrolled"]) == ("case_series", 5)
    # a letter about another study's patients stays commentary
    text = "Sr. Editor: El ensayo de Younger con 31 mujeres con fibromialgia merece un comentario."
    art = record("[On low-dose naltrexone in fibromyalgia]", text, "spa")
    art.publication_types[:] = ["Letter"]
    assert extract_study(art).study["design"] == "commentary"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A naltrexona em baixa dose melhorou a dor. Não foram observados efeitos adversos graves.", "por"),
        ("La naltrexone à faible dose a réduit la douleur et n'a pas montré d'effets indésirables graves.", "fre"),
        ("Il naltrexone a basse dosi ha ridotto il dolore, con nessun effetto collaterale rilevante.", "ita"),
        ("El dolor mejoró en dos semanas. No fue necesario suspender el tratamiento.", "spa"),
        ("Naltrexon reduzierte die Schmerzen; es gab keinen Unterschied bei den Nebenwirkungen.", "ger"),
    ],
)
def test_a_harm_or_a_need_negated_in_the_conclusion_is_no_null(text: str, language: str) -> None:
    st = extract_study(record("[Low-dose naltrexone in fibromyalgia: an open-label study]", text, language)).study
    assert st["result"] != "negative"


def test_a_letter_about_another_study_and_outcomes_until_a_week_are_not_read_as_their_own() -> None:
    text = ("Sr. Editor: Hemos leído con interés el artículo de García et al. Presentamos algunas reflexiones sobre "
            "los 45 pacientes incluidos en su estudio.")
    art = record("[On low-dose naltrexone]", text, "spa")
    art.publication_types[:] = ["Letter"]
    assert extract_study(art).study["design"] == "commentary"
    text = ("Las pacientes fueron aleatorizadas a naltrexona 4,5 mg o placebo durante 8 semanas y evaluadas hasta la "
            "semana 24.")
    assert extract_study(record("[Low-dose naltrexone in fibromyalgia]", text, "spa")).study["duration_weeks"] == 8
    text = "In een groep volwassenen met fibromyalgie werd naltrexon gegeven. Vierenzestig deelnemers werden geïncludeerd."
    assert extract_study(record("[Low-dose naltrexone in fibromyalgia]", text, "dut")).study["n_enrolled"] == 64


def test_dutch_designs_and_results_and_the_other_clause_rules_are_read() -> None:
    text = ("Gerandomiseerde, dubbelblinde studie. Veertig patiënten kregen naltrexon 4,5 mg of placebo gedurende "
            "12 weken. Er was geen verschil in pijn tussen de groepen.")
    st = extract_study(record("[Low-dose naltrexone in fibromyalgia: a trial]", text, "dut")).study
    assert (st["design"], st["blinding"], st["n_enrolled"], st["result"]) == ("rct_parallel", "double", 40, "negative")
    text = "Retrospectief dossieronderzoek van 31 patiënten. LDN gaf bij de helft een pijnvermindering."
    st = extract_study(record("[Low-dose naltrexone for chronic pain]", text, "dut")).study
    assert (st["design"], st["result"]) == ("case_series", "positive")
    # "21 von 53 Behandelten (40 %)": the share is the 21's; the 53 are the sample
    text = "Retrospektive Auswertung. Bei 21 von 53 Behandelten (40 %) nahm der Schmerz ab."
    assert extract_study(record("[LDN bei Fibromyalgie]", text, "ger")).study["n_enrolled"] == 53
    # "71 pacientes fueron cribados": the screened, then the randomised
    text = "Ensayo aleatorizado. 71 pacientes fueron cribados y 46 mujeres fueron aleatorizadas a NDB o placebo."
    assert extract_study(record("[NDB en fibromialgia]", text, "spa")).study["n_enrolled"] == 46
    # "dopo 6 mesi di terapia": a course
    text = "Studio retrospettivo. Trenta pazienti hanno ricevuto LDN; il dolore è stato valutato dopo 6 mesi di terapia."
    assert extract_study(record("[LDN nella fibromialgia]", text, "ita")).study["duration_weeks"] == round(6 * 4.345, 2)
    # a record of another language whose abstract is English is read by the English rules alone
    text = ("The aim was to describe the use of LDN in the clinic. The patients took LDN. The doctors recorded the "
            "pain. LDN podría ser una alternativa.")
    assert extract_study(record("[LDN in a pain clinic: a case series]", text, "spa")).study["result"] != "positive"


def test_a_drug_named_the_german_way_owns_its_dose() -> None:
    text = ("In diese Kohortenstudie wurden alle Personen eingeschlossen, die Naltrexon (50 mg/Tag) oder "
            "Acamprosat (1998 mg/Tag) erhielten. Eingeschlossen wurden 412 Personen.")
    st = extract_study(record("[Naltrexone versus acamprosate in alcohol dependence: a cohort study]", text,
                              "ger")).study
    assert (st["dose_mg_min"], st["dose_mg_max"]) == (50.0, 50.0)


@pytest.mark.parametrize(
    ("text", "language", "result"),
    [
        # the conclusion's own words
        ("Presentamos tres pacientes tratados con naltrexona 4,5 mg. La NDB fue bien tolerada y se asoció con una "
         "mejoría moderada del dolor en esta serie.", "spa", "positive"),
        ("Wir berichten über eine Patientin, die Naltrexon 4 mg erhielt. Der Fall legt nahe, dass LDN einen "
         "Therapieversuch wert sein kann.", "ger", "positive"),
        # a hedging conclusion: a case's course reported before it
        ("Wir berichten über eine 71-jährige Patientin. Nach 10 Wochen Naltrexon sank die mittlere "
         "Schmerzintensität von 8 auf 4. Kontrollierte Studien fehlen.", "ger", "positive"),
        ("Nous rapportons le cas d'une femme traitée par naltrexone. La douleur a diminué de 7 à 3 en 8 semaines. "
         "Des essais contrôlés sont nécessaires.", "fre", "positive"),
    ],
)
def test_a_case_reports_course_or_conclusion_in_its_own_language_gives_its_result(
        text: str, language: str, result: str) -> None:
    st = extract_study(record("[Low-dose naltrexone in refractory pain: a case report]", text, language)).study
    assert st["result"] == result


def test_a_foreign_trials_results_alone_do_not_decide_its_result() -> None:
    # a trial's improvement told in its results is no finding without the comparison
    text = ("Ensayo clínico aleatorizado, doble ciego. Sesenta pacientes recibieron naltrexona o placebo. El dolor "
            "disminuyó en ambos grupos. Se necesitan más estudios.")
    assert extract_study(record("[Naltrexona en la fibromialgia: ensayo aleatorizado]", text, "spa")).study["result"] != "positive"


def test_inline_labels_in_french_typography_and_other_languages_set_the_sections() -> None:
    from ldn_review.extract_text import role_of_label, split_inline_label
    assert split_inline_label("Résultats : Un seul patient a répondu.") == ("Résultats", "Un seul patient a répondu.")
    assert role_of_label("Patients et méthodes") == "methods"
    assert role_of_label("CONCLUSÃO") == "conclusions"
    assert role_of_label("Introducción") == "background"
    assert split_inline_label("Thirty-four patients were randomized: 18 to naltrexone") == (
        None, "Thirty-four patients were randomized: 18 to naltrexone")
    # the English labels with joining signs still split
    assert split_inline_label("Patients & methods: We reviewed 40 charts.") == ("Patients & methods", "We reviewed 40 charts.")
    assert split_inline_label("Materials/Methods: We reviewed 40 charts.")[0] == "Materials/Methods"


def test_a_french_series_with_inline_labels_gives_its_course_count_and_null() -> None:
    text = ("Introduction : La névralgie post-zostérienne résiste souvent aux traitements. Patients et méthodes : "
            "Étude rétrospective des dossiers de six patients ayant reçu de la naltrexone, 3 mg puis 4,5 mg au "
            "coucher, pour une durée prévue de huit semaines. Résultats : Un seul patient a répondu. Conclusion : "
            "Dans cette petite série, la naltrexone à faible dose n'a pas apporté de bénéfice notable.")
    st = extract_study(record("[Low-dose naltrexone in postherpetic neuralgia: a series of six cases]", text, "fre")).study
    assert (st["n_enrolled"], st["duration_weeks"], st["result"]) == (6, 8.0, "negative")


@pytest.mark.parametrize(
    ("text", "language", "weeks", "result"),
    [
        ("Presentamos una mujer de 52 años. Se inició naltrexona 1,5 mg por la noche hasta 4,5 mg. A las 12 semanas "
         "de tratamiento la EVA había descendido a 4/10. La naltrexona fue bien tolerada.", "spa", 12.0, "positive"),
        ("Relatamos oito pacientes que receberam naltrexona 4,5 mg à noite. A dor caiu de 7,4 para 5,1. A NBD foi "
         "associada à redução da dor durante o uso.", "por", None, "positive"),
    ],
)
def test_foreign_courses_and_conclusions(text: str, language: str, weeks: float | None, result: str) -> None:
    st = extract_study(record("[Low-dose naltrexone in chronic pain: a case series]", text, language)).study
    assert st["result"] == result
    if weeks is not None:
        assert st["duration_weeks"] == weeks


def test_a_course_of_at_least_so_many_weeks_in_italian() -> None:
    text = ("Descriviamo tre pazienti trattati con naltrexone a basso dosaggio, iniziando da 1 mg la sera e "
            "aumentando fino a 4,5 mg, per almeno 12 settimane.")
    st = extract_study(record("[Low-dose naltrexone in small fibre neuropathy: three cases]", text, "ita")).study
    assert st["duration_weeks"] == 12.0
