"""Generate realistic PubMed EFetch XML (``PubmedArticleSet``) at any scale, for benchmarks.

    python benchmarks/generate_pubmed.py --n 30000 --out benchmarks/data/pubmed_30k.xml.gz --seed 1

Records are written one at a time (memory stays flat at any ``--n``) and the output is a pure
function of ``--n`` and ``--seed``. Output ending in ``.gz`` is gzip-compressed (level 6), like the
PubMed baseline files; pubmed_parser can only read gzip.

Each record carries what a real EFetch record carries, in the order of the 2025 DTD
(``pubmed_250101.dtd``, which biopython bundles, so ``Bio.Entrez.read`` validates it): MedlineCitation
(PMID, DateCompleted, DateRevised, Article with Journal/ISSN/JournalIssue/PubDate, some MedlineDate
or Season; ArticleTitle; ELocationID; structured or unstructured Abstract of ~1,500-2,500 characters
with inline ``<i>``/``<sub>``/``<sup>``; AuthorList of 3-12 authors with AffiliationInfo; Language;
some DataBankList NCT ids; PublicationTypeList; ArticleDate), MedlineJournalInfo, ChemicalList,
CitationSubset, CommentsCorrectionsList (10-40 ``Cites`` plus occasional ErratumIn/RetractionIn/
CommentIn), MeshHeadingList with qualifiers and MajorTopicYN, KeywordList; PubmedData with History,
PublicationStatus, ArticleIdList (pubmed, doi, pii, some pmc) and, for most records, a ReferenceList.
The average record is ~5 KB (real EFetch records average several KB).
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape

HEADER = (
    '<?xml version="1.0" ?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    "<PubmedArticleSet>\n"
)
FOOTER = "</PubmedArticleSet>\n"
FIRST_PMID = 20_000_000  # PMIDs are FIRST_PMID + a seeded permutation step, all 8 digits
GZIP_LEVEL = 6  # gzip's own default; level 9 triples the generation time for ~3% smaller files

# Shares of record features, chosen to resemble a PubMed search result on a drug and pain.
SHARE_NALTREXONE = 0.35
SHARE_STRUCTURED = 0.75
SHARE_INLINE_MARKUP = 0.25
SHARE_MEDLINE_DATE = 0.08
SHARE_SEASON = 0.02
SHARE_PMC = 0.35
SHARE_CITES = 0.4  # older-style references as CommentsCorrections "Cites"
SHARE_REFERENCE_LIST = 0.2  # newer-style PubmedData/ReferenceList
SHARE_CO_AUTHOR_AFFILIATION = 0.4  # co-authors with an AffiliationInfo (the first author always has one)
SHARE_ERRATUM = 0.03
SHARE_RETRACTION = 0.005
SHARE_COMMENT = 0.04
SHARE_NCT_BANK = 0.45  # of trials
SHARE_NCT_IN_TEXT = 0.15  # of trials
SHARE_NON_ENGLISH = 0.04
SHARE_ORCID = 0.15
# Abstract length in characters, drawn uniformly per record; filler sentences are added up to it.
ABSTRACT_CHARS = (1_500, 2_500)

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASONS = ("Spring", "Summer", "Fall", "Winter")

JOURNALS = (
    # (title, ISO abbreviation, ISSN, NLM id, country)
    ("Pain medicine (Malden, Mass.)", "Pain Med", "1526-4637", "100894201", "England"),
    ("Journal of pain research", "J Pain Res", "1178-7090", "101540514", "New Zealand"),
    ("Pain", "Pain", "1872-6623", "7508686", "United States"),
    ("The Clinical journal of pain", "Clin J Pain", "1536-5409", "8507389", "United States"),
    ("Arthritis & rheumatology (Hoboken, N.J.)", "Arthritis Rheumatol", "2326-5205", "101623795",
     "United States"),
    ("Multiple sclerosis (Houndmills, Basingstoke, England)", "Mult Scler", "1477-0970", "9509185",
     "England"),
    ("Inflammatory bowel diseases", "Inflamm Bowel Dis", "1536-4844", "9508162", "England"),
    ("Journal of neurology", "J Neurol", "1432-1459", "0423161", "Germany"),
    ("BMJ open", "BMJ Open", "2044-6055", "101552874", "England"),
    ("Scientific reports", "Sci Rep", "2045-2322", "101563288", "England"),
    ("PloS one", "PLoS One", "1932-6203", "101285081", "United States"),
    ("Frontiers in pharmacology", "Front Pharmacol", "1663-9812", "101548923", "Switzerland"),
    ("Rheumatology international", "Rheumatol Int", "1437-160X", "8206885", "Germany"),
    ("Diabetes care", "Diabetes Care", "1935-5548", "7805975", "United States"),
    ("Journal of clinical medicine", "J Clin Med", "2077-0383", "101606588", "Switzerland"),
    ("Cochrane database of systematic reviews", "Cochrane Database Syst Rev", "1469-493X", "100909747",
     "England"),
)

CONDITIONS = (
    # (name in text, plural patients phrase, MeSH descriptor, MeSH UI)
    ("fibromyalgia", "patients with fibromyalgia", "Fibromyalgia", "D005356"),
    ("painful diabetic neuropathy", "adults with painful diabetic neuropathy", "Diabetic Neuropathies",
     "D003929"),
    ("complex regional pain syndrome (CRPS)", "patients with CRPS", "Complex Regional Pain Syndromes",
     "D020918"),
    ("rheumatoid arthritis", "patients with rheumatoid arthritis", "Arthritis, Rheumatoid", "D001172"),
    ("chronic low back pain", "adults with chronic low back pain", "Low Back Pain", "D017116"),
    ("Crohn's disease", "patients with active Crohn's disease", "Crohn Disease", "D003424"),
    ("multiple sclerosis", "patients with relapsing multiple sclerosis", "Multiple Sclerosis", "D009103"),
    ("osteoarthritis of the knee", "patients with knee osteoarthritis", "Osteoarthritis, Knee", "D020370"),
    ("chronic migraine", "patients with chronic migraine", "Migraine Disorders", "D008881"),
    ("postherpetic neuralgia", "older adults with postherpetic neuralgia", "Neuralgia, Postherpetic",
     "D051474"),
    ("chronic fatigue syndrome", "patients with myalgic encephalomyelitis", "Fatigue Syndrome, Chronic",
     "D015673"),
    ("interstitial cystitis", "women with interstitial cystitis", "Cystitis, Interstitial", "D018856"),
)

DRUGS = (
    # (name, MeSH/chemical name, registry number, doses in mg as (low, high, unit-per-day text))
    ("naltrexone", "Naltrexone", "5S6W795CQM", ((1.5, 4.5), (0.5, 4.5), (3.0, 4.5), (4.5, 4.5), (1.0, 6.0))),
    ("pregabalin", "Pregabalin", "55JG375S6M", ((150, 300), (300, 600), (75, 150))),
    ("duloxetine", "Duloxetine Hydrochloride", "9044SC542W", ((30, 60), (60, 120))),
    ("amitriptyline", "Amitriptyline", "1806D8D52K", ((10, 25), (25, 50))),
    ("gabapentin", "Gabapentin", "6CW7F3G59X", ((900, 1800), (1200, 3600))),
    ("tramadol", "Tramadol", "39J1LGJ30J", ((50, 100), (100, 200))),
    ("methotrexate", "Methotrexate", "YL5FZ2Y5U1", ((7.5, 15), (15, 25))),
    ("cannabidiol", "Cannabidiol", "19GBJ60SN5", ((25, 50), (50, 150))),
)

DESIGNS = (
    # (key, title phrase, publication types, weight)
    ("rct", "a randomized, double-blind, placebo-controlled trial",
     ("Randomized Controlled Trial", "Journal Article"), 22),
    ("crossover", "a randomized, double-blind, placebo-controlled crossover trial",
     ("Randomized Controlled Trial", "Journal Article"), 8),
    ("pilot", "an open-label pilot study", ("Clinical Trial", "Journal Article"), 10),
    ("cohort", "a retrospective cohort study", ("Journal Article", "Observational Study"), 16),
    ("case", "a case report", ("Case Reports", "Journal Article"), 10),
    ("review", "a systematic review", ("Journal Article", "Systematic Review", "Review"), 12),
    ("meta", "a systematic review and meta-analysis", ("Journal Article", "Meta-Analysis", "Systematic Review"), 8),
    ("animal", "a study in a rat model", ("Journal Article",), 10),
    ("narrative", "a narrative review", ("Journal Article", "Review"), 4),
)
_DESIGN_WEIGHTS = [d[3] for d in DESIGNS]

OUTCOMES = ("pain intensity on a 0-10 numeric rating scale", "the Fibromyalgia Impact Questionnaire (FIQR)",
            "the Brief Pain Inventory (BPI) interference score", "the Oswestry Disability Index",
            "the Crohn's Disease Activity Index (CDAI)", "the Multiple Sclerosis Quality of Life-54",
            "daily pain diaries", "the Patient Global Impression of Change (PGIC)",
            "the Neuropathic Pain Symptom Inventory", "mechanical allodynia (von Frey threshold)")
ADVERSE = ("vivid dreams", "insomnia", "headache", "nausea", "dizziness", "fatigue")
LAST_NAMES = ("Younger", "Smith", "Müller", "García", "Nguyen", "Kim", "O'Neil", "Rossi", "Kowalski",
              "Johansson", "Tanaka", "Patel", "Chen", "Martín", "Dubois", "Andersen", "Hernández", "Li",
              "Wang", "Schmidt", "Nielsen", "Costa", "Ivanova", "Okafor", "Bäckryd", "Parkitny", "Mackey",
              "Srinivasan", "Dagenais", "Ploesser", "Metyas", "Toljan", "Kollmann", "Bruun", "Weinstock")
FIRST_NAMES = (("Jarred", "J"), ("Anna", "A"), ("Luke", "L"), ("Mary K", "MK"), ("Sean", "S"),
               ("Jian", "J"), ("Maria José", "MJ"), ("Karin", "K"), ("Hiroshi", "H"), ("Priya", "P"),
               ("Emmanuel", "E"), ("Ingrid", "I"), ("Tomás", "T"), ("Olga", "O"), ("David W", "DW"))
DEPARTMENTS = ("Department of Anesthesiology", "Division of Rheumatology", "Department of Neurology",
               "Department of Psychology", "Pain Management Center", "Department of Gastroenterology",
               "Department of Pharmacology and Toxicology", "School of Medicine")
INSTITUTIONS = (("University of Alabama at Birmingham", "Birmingham, AL, USA"),
                ("Stanford University School of Medicine", "Palo Alto, CA, USA"),
                ("Linköping University", "Linköping, Sweden"), ("University of Copenhagen", "Copenhagen, Denmark"),
                ("Charité - Universitätsmedizin Berlin", "Berlin, Germany"),
                ("University of Toronto", "Toronto, ON, Canada"), ("Seoul National University", "Seoul, Korea"),
                ("University of Sydney", "Sydney, NSW, Australia"), ("Hospital Clínic de Barcelona",
                                                                     "Barcelona, Spain"))
MESH_GENERIC = (("Humans", "D006801"), ("Female", "D005260"), ("Male", "D008297"), ("Adult", "D000328"),
                ("Middle Aged", "D008875"), ("Aged", "D000368"), ("Treatment Outcome", "D016896"),
                ("Pain Measurement", "D010147"), ("Double-Blind Method", "D004311"),
                ("Chronic Pain", "D059350"), ("Analgesics", "D000700"), ("Narcotic Antagonists", "D009292"),
                ("Dose-Response Relationship, Drug", "D004305"), ("Quality of Life", "D011788"))
QUALIFIERS = (("drug therapy", "Q000188"), ("therapeutic use", "Q000627"),
              ("adverse effects", "Q000009"),
              ("pharmacology", "Q000494"), ("physiopathology", "Q000503"))
KEYWORDS = ("low-dose naltrexone", "LDN", "chronic pain", "neuroinflammation", "microglia", "TLR4",
            "opioid antagonist", "central sensitization", "randomized controlled trial", "glia")
LANGS_OTHER = ("ger", "fre", "spa", "chi", "jpn", "por")

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


ELECTRONIC = ' DateType="Electronic"'


def _status(status: str) -> str:
    return f' PubStatus="{status}"'


def number_words(n: int) -> str:
    """English words for 0-999 ("sixty-seven", "one hundred and four")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")


def _fmt_dose(x: float) -> str:
    return f"{x:g}"


@dataclass
class _Study:
    """What one synthetic record is about; sentences are built from it."""

    design: str
    design_phrase: str
    pub_types: tuple[str, ...]
    drug: tuple
    condition: tuple
    n: int
    dose: tuple[float, float]
    weeks: int
    outcome: str
    markup: bool
    nct: str | None


class Generator:
    """Deterministic record factory: same seed, same records."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # ------------------------------------------------------------------ study and text

    def _study(self) -> _Study:
        r = self.rng
        design = r.choices(DESIGNS, weights=_DESIGN_WEIGHTS)[0]
        drug = DRUGS[0] if r.random() < SHARE_NALTREXONE else r.choice(DRUGS[1:])
        condition = r.choice(CONDITIONS)
        key = design[0]
        n = {"case": r.randint(1, 3), "animal": r.randint(24, 60), "review": r.randint(5, 40),
             "meta": r.randint(6, 30), "cohort": r.randint(80, 4000)}.get(key, r.randint(12, 320))
        trial = key in {"rct", "crossover", "pilot"}
        nct = f"NCT{r.randint(0, 99_999_999):08d}" if trial and r.random() < SHARE_NCT_BANK else None
        return _Study(key, design[1], design[2], drug, condition, n, r.choice(drug[3]),
                      r.choice((4, 8, 10, 12, 16, 24, 52)), r.choice(OUTCOMES),
                      r.random() < SHARE_INLINE_MARKUP, nct)

    def _count_phrase(self, s: _Study, start: bool) -> str:
        """The sample size as digits or words, at the start of a sentence or inside one."""
        r = self.rng
        who = s.condition[1]
        style = r.randrange(4)
        if style == 0 and s.n < 100 and start:
            return f"{number_words(s.n).capitalize()} {who}"
        if style == 1:
            return f"A total of {s.n} {who}" if start else f"{s.n} {who}"
        if style == 2:
            n_expr = f"<i>n</i> = {s.n}" if s.markup else f"n = {s.n}"
            return f"{who.capitalize()} ({n_expr})" if start else f"{who} ({n_expr})"
        women = max(1, int(s.n * r.uniform(0.6, 0.95)))
        return f"A total of {s.n} participants ({women} women)" if start else f"{s.n} participants"

    def _dose_phrase(self, s: _Study) -> str:
        low, high = s.dose
        if low == high:
            return f"{_fmt_dose(high)} mg/day"
        return self.rng.choice((f"{_fmt_dose(low)} to {_fmt_dose(high)} mg", f"{_fmt_dose(low)}-{_fmt_dose(high)} mg/day",
                                f"doses titrated from {_fmt_dose(low)} mg to {_fmt_dose(high)} mg daily"))

    def _p(self, s: _Study) -> str:
        p = self.rng.choice(("0.001", "0.003", "0.01", "0.02", "0.04", "0.049", "0.12", "0.31", "0.57"))
        pee = "<i>P</i>" if s.markup else "p"
        return f"{pee} = {p}" if self.rng.random() < 0.8 else f"{pee} &lt; 0.05"

    def _sections(self, s: _Study) -> list[tuple[str, str]]:
        r = self.rng
        drug = s.drug[0]
        cond = s.condition[0]
        dose = self._dose_phrase(s)
        weeks = f"{s.weeks} weeks" if r.random() < 0.7 else f"{number_words(s.weeks)} weeks"
        background = [
            f"{cond[0].upper()}{cond[1:]} is a common cause of chronic pain and disability, and available "
            "treatments provide meaningful relief to a minority of patients.",
            f"{drug.capitalize()} has been proposed as a treatment for {cond} on the basis of its effects on "
            "glial activation and endogenous opioid signalling, but controlled evidence remains limited.",
            "Neuroinflammation mediated by toll-like receptor 4 (TLR4) on microglia may contribute to central "
            "sensitization in several chronic pain conditions.",
            f"Off-label prescribing of {drug} has increased in recent years despite uncertainty about its "
            "efficacy, optimal dose and long-term safety.",
            f"We aimed to estimate the effect of {drug} on {s.outcome} in {s.condition[1]}.",
        ]
        if s.design in {"review", "meta", "narrative"}:
            methods = [
                "We searched MEDLINE, Embase, CENTRAL, CINAHL and trial registries from inception to "
                f"{r.choice(MONTH_ABBR)} {r.randint(2015, 2025)} without language restrictions.",
                "Two reviewers independently screened records, extracted data and assessed risk of bias "
                "with the Cochrane RoB 2 tool; certainty of evidence was rated with GRADE.",
                f"Randomized and non-randomized studies of {drug} in adults with {cond} were eligible.",
                "Standardized mean differences (SMD) were pooled with a random-effects model "
                "(restricted maximum likelihood) and heterogeneity was summarized with I<sup>2</sup>."
                if s.markup else "Standardized mean differences were pooled with a random-effects model.",
            ]
            results = [
                f"{number_words(s.n).capitalize()} studies ({r.randint(s.n * 20, s.n * 90)} participants) were "
                f"included, of which {r.randint(1, max(1, s.n // 3))} were randomized controlled trials.",
                f"Compared with placebo, {drug} reduced pain (SMD -{r.uniform(0.1, 0.9):.2f}, 95% CI "
                f"-{r.uniform(0.9, 1.4):.2f} to -{r.uniform(0.0, 0.1):.2f}; {self._p(s)}; I2 = {r.randint(0, 85)}%).",
                f"The most frequently reported adverse events were {r.choice(ADVERSE)} and {r.choice(ADVERSE)}; "
                "no serious adverse events were attributed to treatment.",
                "Risk of bias was high or unclear in most studies, and the certainty of evidence was low.",
            ]
        elif s.design == "case":
            methods = [
                f"We describe a {r.randint(19, 84)}-year-old {r.choice(('woman', 'man'))} with a "
                f"{r.randint(2, 15)}-year history of refractory {cond} who had not responded to "
                f"{r.choice(DRUGS[1:])[0]} or physical therapy.",
                f"{drug.capitalize()} was started at {_fmt_dose(s.dose[0])} mg at night and increased to "
                f"{_fmt_dose(s.dose[1])} mg/day over {weeks}.",
            ]
            results = [
                f"Pain scores decreased from {r.randint(7, 10)}/10 to {r.randint(1, 5)}/10 after {weeks}, and the "
                f"patient reported {r.choice(ADVERSE)} during the first week only.",
                f"Improvement was sustained at {r.randint(3, 24)} months of follow-up.",
            ]
        elif s.design == "animal":
            methods = [
                f"Male Sprague-Dawley rats (n = {s.n}) with chronic constriction injury of the sciatic nerve "
                f"received {drug} ({r.choice(('0.1', '1', '3', '10'))} mg/kg, i.p.) or saline daily for "
                f"{r.randint(7, 28)} days.",
                "Mechanical and thermal hypersensitivity were assessed with von Frey filaments and the "
                "Hargreaves test; spinal microglial activation was quantified by Iba1 immunostaining.",
            ]
            results = [
                f"Treated animals showed attenuated allodynia from day {r.randint(3, 10)} ({self._p(s)}) and "
                f"reduced expression of TNF-&#945; and IL-1&#946; in the dorsal horn.",
                "Microglial density in the ipsilateral dorsal horn was lower than in saline-treated controls.",
            ]
        else:
            blind = {"rct": "In this randomized, double-blind, placebo-controlled trial",
                     "crossover": "In this randomized, double-blind, placebo-controlled crossover trial",
                     "pilot": "In this single-arm, open-label pilot study",
                     "cohort": "In this retrospective cohort study"}[s.design]
            where = r.choice(INSTITUTIONS)[0]
            methods = [
                f"{blind} conducted at {r.randint(1, 12)} centres, "
                f"{self._count_phrase(s, start=False)} were "
                f"{'randomized' if s.design in {'rct', 'crossover'} else 'enrolled'} "
                f"to {drug} {dose} {'or placebo ' if s.design in {'rct', 'crossover'} else ''}for {weeks}.",
                f"{self._count_phrase(s, start=True)} were recruited at {where} between "
                f"{r.randint(2008, 2019)} and {r.randint(2020, 2024)}.",
                f"The primary outcome was the change in {s.outcome} from baseline to week {s.weeks}; secondary "
                "outcomes included sleep quality, mood, global impression of change and adverse events.",
            ]
            if s.design == "crossover":
                methods.append(f"Each treatment period lasted {s.weeks} weeks, separated by a "
                               f"{r.randint(1, 4)}-week washout.")
            if s.markup:
                methods.append("Glycated haemoglobin (HbA<sub>1c</sub>) and C-reactive protein were measured "
                               "at baseline and at the end of treatment.")
            retained = max(1, s.n - r.randint(0, max(1, s.n // 6)))
            results = [
                f"{retained} participants completed the study. Mean pain decreased by "
                f"{r.uniform(0.5, 3.5):.1f} points with {drug} versus {r.uniform(0.1, 1.8):.1f} points with "
                f"{'placebo' if s.design in {'rct', 'crossover'} else 'baseline'} ({self._p(s)}).",
                f"A reduction of at least 30% was achieved by {r.randint(10, 70)}% of participants on {drug}"
                f" ({self._p(s)}).",
                f"Adverse events were mild; {r.choice(ADVERSE)} was reported by {r.randint(2, 20)} patients "
                f"and {r.randint(0, 4)} withdrew because of adverse events.",
            ]
        conclusions = [
            f"{drug.capitalize()} {r.choice(('may be', 'appears to be', 'was not shown to be'))} an effective "
            f"and well-tolerated treatment for {cond}.",
            "Larger, adequately powered trials with longer follow-up are needed to confirm these findings.",
        ]
        if s.nct and r.random() < SHARE_NCT_IN_TEXT / SHARE_NCT_BANK:
            conclusions.append(f"Trial registration: ClinicalTrials.gov {s.nct}.")
        return [("BACKGROUND", self._pad(background, 3, 5)), ("METHODS", " ".join(methods)),
                ("RESULTS", " ".join(results)), ("CONCLUSIONS", " ".join(conclusions))]

    def _fill(self, s: _Study, sections: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Add discussion-like sentences to RESULTS and CONCLUSIONS until the drawn length is reached."""
        r = self.rng
        target = r.randint(*ABSTRACT_CHARS)
        total = sum(len(text) for _, text in sections)
        extra: dict[str, list[str]] = {"RESULTS": [], "CONCLUSIONS": []}
        pool = [
            ("RESULTS", f"Sleep quality improved by {r.uniform(0.5, 3.0):.1f} points on the Pittsburgh Sleep "
                        f"Quality Index ({self._p(s)})."),
            ("RESULTS", f"Mood and anxiety scores did not differ between groups (mean difference "
                        f"{r.uniform(-1.5, 1.5):.1f}, 95% CI {r.uniform(-3, -1.5):.1f} to {r.uniform(1.5, 3):.1f})."),
            ("RESULTS", f"Responders had higher baseline erythrocyte sedimentation rates "
                        f"({r.randint(10, 40)} vs {r.randint(5, 20)} mm/h) and longer symptom duration."),
            ("RESULTS", f"At {r.choice((3, 6, 12))} months, {r.randint(20, 80)}% of participants were still "
                        f"taking {s.drug[0]}, most at a dose of {_fmt_dose(s.dose[1])} mg."),
            ("RESULTS", "No clinically relevant changes in liver enzymes, renal function or blood counts "
                        "were observed."),
            ("CONCLUSIONS", f"These results support further evaluation of {s.drug[0]} as an adjunct to "
                            "usual care, with attention to dose, adherence and expectation effects."),
            ("CONCLUSIONS", "Placebo responses were substantial and should be considered when interpreting "
                            "uncontrolled reports."),
        ]
        for cat, sentence in r.sample(pool, len(pool)):
            if total >= target:
                break
            extra[cat].append(sentence)
            total += len(sentence) + 1
        return [(cat, " ".join([text, *extra.get(cat, [])])) for cat, text in sections]

    def _pad(self, pool: list[str], low: int, high: int) -> str:
        return " ".join(self.rng.sample(pool, self.rng.randint(low, min(high, len(pool)))))

    def _abstract(self, s: _Study) -> str:
        sections = self._fill(s, self._sections(s))
        if self.rng.random() < SHARE_STRUCTURED:
            labels = {"BACKGROUND": self.rng.choice(("BACKGROUND", "OBJECTIVE", "INTRODUCTION")),
                      "METHODS": self.rng.choice(("METHODS", "DESIGN", "MATERIALS AND METHODS"))}
            return "".join(
                f'<AbstractText Label="{labels.get(cat, cat)}" NlmCategory="{cat}">{text}</AbstractText>'
                for cat, text in sections)
        return f"<AbstractText>{' '.join(text for _, text in sections)}</AbstractText>"

    # ------------------------------------------------------------------ XML pieces

    def _date(self, tag: str, year: int, attrs: str = "") -> str:
        r = self.rng
        return (f"<{tag}{attrs}><Year>{year}</Year><Month>{r.randint(1, 12):02d}</Month>"
                f"<Day>{r.randint(1, 28):02d}</Day></{tag}>")

    def _pub_date(self, year: int) -> str:
        r = self.rng
        x = r.random()
        if x < SHARE_MEDLINE_DATE:
            m = r.randrange(11)
            return f"<PubDate><MedlineDate>{year} {MONTH_ABBR[m]}-{MONTH_ABBR[m + 1]}</MedlineDate></PubDate>"
        if x < SHARE_MEDLINE_DATE + SHARE_SEASON:
            return f"<PubDate><Year>{year}</Year><Season>{r.choice(SEASONS)}</Season></PubDate>"
        day = f"<Day>{r.randint(1, 28):02d}</Day>" if r.random() < 0.5 else ""
        return f"<PubDate><Year>{year}</Year><Month>{r.choice(MONTH_ABBR)}</Month>{day}</PubDate>"

    def _authors(self) -> str:
        r = self.rng
        out = []
        for i in range(r.randint(3, 12)):
            fore, initials = r.choice(FIRST_NAMES)
            inst, city = r.choice(INSTITUTIONS)
            aff = f"{r.choice(DEPARTMENTS)}, {inst}, {city}."
            if i == 0:
                aff += f" {fore.split()[0].lower()}.{r.choice(LAST_NAMES).lower()}@example.edu."
            aff_info = f"<AffiliationInfo><Affiliation>{escape(aff)}</Affiliation></AffiliationInfo>" \
                if i == 0 or r.random() < SHARE_CO_AUTHOR_AFFILIATION else ""
            orcid = (f'<Identifier Source="ORCID">0000-000{r.randint(1, 3)}-{r.randint(1000, 9999)}-'
                     f"{r.randint(1000, 9999)}</Identifier>") if r.random() < SHARE_ORCID else ""
            out.append(f'<Author ValidYN="Y"><LastName>{escape(r.choice(LAST_NAMES))}</LastName>'
                       f"<ForeName>{fore}</ForeName><Initials>{initials}</Initials>{orcid}"
                       f"{aff_info}</Author>")
        return f'<AuthorList CompleteYN="Y">{"".join(out)}</AuthorList>'

    def _ref_source(self) -> tuple[str, str]:
        r = self.rng
        j = r.choice(JOURNALS)
        year = r.randint(1985, 2023)
        page = r.randint(1, 2400)
        return f"{j[1]}. {year};{r.randint(1, 160)}:{page}-{page + r.randint(3, 14)}", \
            f"{r.randint(1_000_000, 38_999_999)}"

    def _comments(self, pmid: int) -> tuple[str, bool, bool]:
        r = self.rng
        parts = []
        erratum = r.random() < SHARE_ERRATUM
        retracted = r.random() < SHARE_RETRACTION
        if erratum:
            parts.append(f'<CommentsCorrections RefType="ErratumIn"><RefSource>{JOURNALS[0][1]}. 2024 Jan;'
                         f"25(1):{r.randint(1, 99)}</RefSource><PMID Version=\"1\">{pmid + 7_000_000}</PMID>"
                         "</CommentsCorrections>")
        if retracted:
            parts.append(f'<CommentsCorrections RefType="RetractionIn"><RefSource>{JOURNALS[0][1]}. 2024 Mar;'
                         f"25(3):{r.randint(1, 99)}</RefSource><PMID Version=\"1\">{pmid + 8_000_000}</PMID>"
                         "</CommentsCorrections>")
        if r.random() < SHARE_COMMENT:
            parts.append(f'<CommentsCorrections RefType="CommentIn"><RefSource>{JOURNALS[2][1]}. 2023 Dec;'
                         f"164(12):{r.randint(1, 999)}</RefSource><PMID Version=\"1\">{pmid + 9_000_000}</PMID>"
                         "</CommentsCorrections>")
        for _ in range(r.randint(10, 40) if r.random() < SHARE_CITES else 0):
            src, cited = self._ref_source()
            parts.append(f'<CommentsCorrections RefType="Cites"><RefSource>{src}</RefSource>'
                         f'<PMID Version="1">{cited}</PMID></CommentsCorrections>')
        listing = f"<CommentsCorrectionsList>{''.join(parts)}</CommentsCorrectionsList>" if parts else ""
        return listing, erratum, retracted

    def _mesh(self, s: _Study) -> str:
        r = self.rng
        heads = []
        cond = s.condition
        q = r.sample(QUALIFIERS, 2)
        heads.append(f'<MeshHeading><DescriptorName UI="{cond[3]}" MajorTopicYN="N">{cond[2]}</DescriptorName>'
                     f'<QualifierName UI="{q[0][1]}" MajorTopicYN="Y">{q[0][0]}</QualifierName></MeshHeading>')
        heads.append(f'<MeshHeading><DescriptorName UI="D009271" MajorTopicYN="{"Y" if s.drug is DRUGS[0] else "N"}">'
                     f"{s.drug[1]}</DescriptorName><QualifierName UI=\"{q[1][1]}\" MajorTopicYN=\"N\">{q[1][0]}"
                     "</QualifierName><QualifierName UI=\"Q000008\" MajorTopicYN=\"N\">administration &amp; dosage"
                     "</QualifierName></MeshHeading>")
        for name, ui in r.sample(MESH_GENERIC, r.randint(3, 8)):
            heads.append(f'<MeshHeading><DescriptorName UI="{ui}" MajorTopicYN="N">{name}</DescriptorName></MeshHeading>')
        return f"<MeshHeadingList>{''.join(heads)}</MeshHeadingList>"

    def _references(self) -> str:
        r = self.rng
        refs = []
        for _ in range(r.randint(10, 40)):
            src, cited = self._ref_source()
            name = r.choice(LAST_NAMES)
            ids = f'<ArticleIdList><ArticleId IdType="pubmed">{cited}</ArticleId></ArticleIdList>' \
                if r.random() < 0.8 else ""
            refs.append(f"<Reference><Citation>{escape(name)} {r.choice('ABCDJKMS')}, et al. {src}."
                        f"</Citation>{ids}</Reference>")
        return f"<ReferenceList>{''.join(refs)}</ReferenceList>"

    def record(self, pmid: int) -> str:
        r = self.rng
        s = self._study()
        year = r.randint(1995, 2025)
        journal = r.choice(JOURNALS)
        comments, _erratum, retracted = self._comments(pmid)
        pub_types = list(s.pub_types) + (["Retracted Publication"] if retracted else [])
        doi = f"10.{r.randint(1000, 9999)}/{journal[1].split()[0].lower()}.{year}.{r.randint(10000, 99999)}"
        drug_mesh, condition = s.drug[1], s.condition[0]
        title = (f"{s.drug[0].capitalize() if s.drug is not DRUGS[0] else r.choice(('Low-dose naltrexone', 'Naltrexone'))}"
                 f" for {condition}: {s.design_phrase}.")
        if s.markup and r.random() < 0.3:
            title = title.replace(" for ", " for <i>refractory</i> ", 1)
        bank = (f'<DataBankList CompleteYN="Y"><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>'
                f"<AccessionNumberList><AccessionNumber>{s.nct}</AccessionNumber></AccessionNumberList>"
                "</DataBank></DataBankList>") if s.nct else ""
        lang = r.choice(LANGS_OTHER) if r.random() < SHARE_NON_ENGLISH else "eng"
        keywords = "".join(f'<Keyword MajorTopicYN="N">{k}</Keyword>' for k in r.sample(KEYWORDS, r.randint(3, 6)))
        volume, issue = r.randint(1, 180), r.randint(1, 12)
        page = r.randint(1, 3000)
        pmc = f'<ArticleId IdType="pmc">PMC{r.randint(1_000_000, 11_999_999)}</ArticleId>' \
            if r.random() < SHARE_PMC else ""
        refs = self._references() if r.random() < SHARE_REFERENCE_LIST else ""
        ptypes = "".join(f'<PublicationType UI="D0{r.randint(10000, 99999)}">{t}</PublicationType>' for t in pub_types)
        return (
            "<PubmedArticle>"
            f'<MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="{r.choice(("Manual", "Automated", "Curated"))}">'
            f'<PMID Version="1">{pmid}</PMID>'
            f"{self._date('DateCompleted', min(year + 1, 2025))}{self._date('DateRevised', 2025)}"
            '<Article PubModel="Print-Electronic">'
            f'<Journal><ISSN IssnType="Electronic">{journal[2]}</ISSN>'
            f'<JournalIssue CitedMedium="Internet"><Volume>{volume}</Volume><Issue>{issue}</Issue>'
            f"{self._pub_date(year)}</JournalIssue>"
            f"<Title>{escape(journal[0])}</Title><ISOAbbreviation>{journal[1]}</ISOAbbreviation></Journal>"
            f"<ArticleTitle>{escape(title).replace('&lt;i&gt;', '<i>').replace('&lt;/i&gt;', '</i>')}</ArticleTitle>"
            f"<Pagination><StartPage>{page}</StartPage><EndPage>{page + r.randint(5, 15)}</EndPage>"
            f"<MedlinePgn>{page}-{page + r.randint(5, 15)}</MedlinePgn></Pagination>"
            f'<ELocationID EIdType="doi" ValidYN="Y">{doi}</ELocationID>'
            f"<Abstract>{self._abstract(s)}<CopyrightInformation>&#169; {year} The Authors."
            "</CopyrightInformation></Abstract>"
            f"{self._authors()}<Language>{lang}</Language>{bank}"
            f"<PublicationTypeList>{ptypes}</PublicationTypeList>"
            f"{self._date('ArticleDate', year, ELECTRONIC)}"
            "</Article>"
            f"<MedlineJournalInfo><Country>{journal[4]}</Country><MedlineTA>{journal[1]}</MedlineTA>"
            f"<NlmUniqueID>{journal[3]}</NlmUniqueID><ISSNLinking>{journal[2]}</ISSNLinking></MedlineJournalInfo>"
            f'<ChemicalList><Chemical><RegistryNumber>{s.drug[2]}</RegistryNumber>'
            f'<NameOfSubstance UI="D009271">{drug_mesh}</NameOfSubstance></Chemical>'
            '<Chemical><RegistryNumber>0</RegistryNumber><NameOfSubstance UI="D000700">Analgesics'
            "</NameOfSubstance></Chemical></ChemicalList>"
            "<CitationSubset>IM</CitationSubset>"
            f"{comments}{self._mesh(s)}"
            f'<KeywordList Owner="NOTNLM">{keywords}</KeywordList>'
            "</MedlineCitation>"
            "<PubmedData><History>"
            f'{self._date("PubMedPubDate", year - 1, _status("received"))}'
            f'{self._date("PubMedPubDate", year, _status("accepted"))}'
            f'<PubMedPubDate PubStatus="pubmed"><Year>{year}</Year><Month>{r.randint(1, 12)}</Month>'
            f"<Day>{r.randint(1, 28)}</Day><Hour>6</Hour><Minute>0</Minute></PubMedPubDate>"
            f'{self._date("PubMedPubDate", year, _status("entrez"))}'
            f'{self._date("PubMedPubDate", min(year + 1, 2025), _status("medline"))}'
            "</History><PublicationStatus>ppublish</PublicationStatus>"
            f'<ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId>'
            f'<ArticleId IdType="doi">{doi}</ArticleId><ArticleId IdType="pii">S{r.randint(10**9, 10**10)}</ArticleId>'
            f"{pmc}</ArticleIdList>{refs}</PubmedData>"
            "</PubmedArticle>\n"
        )


def iter_pmids(n: int, seed: int) -> Iterator[int]:
    """n distinct 8-digit PMIDs in a seeded, shuffled-looking order (a coprime stride modulo a range)."""
    span = 9_999_991  # prime, so any stride below it visits every value once
    stride = 7_654_321 + seed % 1000
    if n > span:
        raise ValueError(f"at most {span:,} records per file")
    for i in range(n):
        yield FIRST_PMID + (i * stride) % span


def write_pubmed(out: TextIO, n: int, seed: int = 1) -> None:
    """Write a ``PubmedArticleSet`` of n records to a text stream, one record at a time."""
    gen = Generator(seed)
    out.write(HEADER)
    for pmid in iter_pmids(n, seed):
        out.write(gen.record(pmid))
    out.write(FOOTER)


def generate_file(path: Path, n: int, seed: int = 1) -> Path:
    """Write n records to path (gzip when it ends in ``.gz``), atomically via a temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if path.name.endswith(".gz"):
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=GZIP_LEVEL) as fh:
            write_pubmed(fh, n, seed)
    else:
        with open(tmp, "w", encoding="utf-8") as fh:
            write_pubmed(fh, n, seed)
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True, help="number of PubmedArticle records")
    ap.add_argument("--out", type=Path, required=True, help="output file (.xml or .xml.gz)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    generate_file(args.out, args.n, args.seed)
    size = args.out.stat().st_size
    print(f"wrote {args.n:,} records to {args.out} ({size / 1e6:.1f} MB on disk) "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
