"""Rule-based extraction of study design, key numbers and outcomes from a title and abstract.

``extract_study(article) -> Extraction`` is pure: no I/O, no global state. Every non-null value it
returns carries the sentence it was read from and the name of the rule (``study["evidence"]``).
Publication types and MeSH terms are used when present but never required: new records have none.
See docs/extraction.md for the rules, their order of precedence and the known failure modes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import reduce
from operator import or_
from typing import Any

from . import extract_cues as cue
from . import extract_foreign, extract_numbers, vocab
from .extract_numbers import (
    DIGIT_RE,
    DURATION_STRONG,
    NUMBER_WORD_GATE_RE,
    RANK_BARE,
    RANK_ENROLLED,
    RANK_GROUPS,
    RANK_WEAK,
    SMALL_NUMBERS,
    SUM_RE,
    SUM_RULE_NAMES,
    Count,
    Dose,
    Duration,
    find_counts,
    find_doses,
    find_durations,
    find_group_sizes,
    has_number,
)
from .extract_regex import cue_re
from .extract_terms import (
    CONDITION_RES,
    DOMAIN_WORDS,
    INSTRUMENT_RES,
    POPULATION_CUE_RE,
)
from .extract_text import (
    BACKGROUND,
    CONCLUSIONS,
    METHODS,
    NUMBER_WORD_START_RE,
    NUMBER_WORDS_PATTERN,
    OBJECTIVE,
    OTHER,
    RESULTS,
    TITLE,
    LiteralIndex,
    Sentence,
    build_sentences,
    gated_search,
    may_match,
    parse_number,
)
from .models import Article

# A record studies naltrexone when its title names it, or its abstract does this many times.
NALTREXONE_MIN_MENTIONS = 2
# The conventional significance threshold: an outcome compared at p >= 0.05 did not differ.
P_SIGNIFICANT = 0.05
# Upper bound of a "low" naltrexone dose, mg/day: LDN is 0.5-4.5 mg, some trials use 6 mg; the
# standard dose for addiction is 50 mg, so anything above this is not LDN.
LDN_MAX_MG_PER_DAY = 6.0
# A dose sentence naming no drug is taken as naltrexone's only within this ratio of the doses named
# explicitly (so "escalated from 10 to 80 mg/day" of the partner opioid is not read as naltrexone).
CONTEXT_DOSE_MAX_RATIO = 4.0
# A drug named this many characters before a dose (same sentence) is the drug the dose belongs to.
DRUG_BEFORE_DOSE_MAX_CHARS = 100
# A drug named this close after a dose ("4.5 mg naltrexone", "3 mg of LDN") is the dose's drug.
DRUG_AFTER_DOSE_MAX_CHARS = 12
# Retrospective chart reviews without a comparison group: this many patients or more is a cohort,
# fewer a case series (clinicians call small record reviews case series). On the 21 labelled chart
# reviews of the read sets, 100 splits them best (18 right, against 11 at 30): reviews of 33-63
# treated patients are labelled case series, those of 118 and more cohorts.
CHART_REVIEW_COHORT_MIN_N = 100
# Registry id patterns, merged with what the parser already found in the record.
REGISTRY_RE = cue_re(
    r"\b(NCT\d{8}|ISRCTN\d{8}|\d{4}-\d{6}-\d{2}|ACTRN\d{14}|DRKS\d{8}|ChiCTR[-A-Za-z0-9]{6,20}|"
    r"IRCT\d{8,}N\d+|CTRI/\d{4}/\d{2,3}/\d{6}|jRCT[a-z]?\d{7,10}|UMIN\d{9}|NTR\d{3,5}|"
    r"EUCTR\d{4}-\d{6}-\d{2})"
)
_EUDRACT_RE = cue_re(r"^\d{4}-\d{6}-\d{2}$")
# Literal prefixes of REGISTRY_RE (case-sensitive): without one of them only a bare EudraCT number
# can match, and that counts only when "EudraCT" is written.
_REGISTRY_PREFIXES = ("NCT", "ISRCTN", "ACTRN", "DRKS", "ChiCTR", "IRCT", "CTRI/", "jRCT", "UMIN",
                      "NTR", "EUCTR")
_DIGIT_RE = cue_re(r"\d")

REVIEW_DESIGNS = frozenset({"systematic_review", "meta_analysis", "narrative_review"})
# Observational designs that may only describe (prevalence, risk factors) rather than test a treatment.
DESCRIPTIVE_DESIGNS = frozenset({"cohort", "case_control", "cross_sectional"})
NO_DATA_DESIGNS = frozenset({"narrative_review", "commentary"})
OBSERVATIONAL = frozenset({"cohort", "case_control", "cross_sectional", "case_series", "case_report"})
TRIALS = frozenset({"rct_parallel", "rct_crossover", "nonrandomized_controlled", "single_arm_trial"})
STUDY_KEYS = (
    "pmid", "design", "randomized", "blinding", "placebo_controlled", "comparator", "crossover",
    "n_enrolled", "n_analyzed", "dose_mg_min", "dose_mg_max", "dose_mg_per_kg_min",
    "dose_mg_per_kg_max", "duration_weeks", "conditions", "primary_conditions", "population",
    "is_ldn", "result",
    "registry_ids", "evidence",
)


@dataclass(slots=True)
class Extraction:
    """One record's ``studies`` row and its ``outcomes`` rows (schemas.STUDIES / OUTCOMES keys)."""

    study: dict[str, Any]
    outcomes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Found:
    """A value with its provenance."""

    value: Any
    sentence: str | None
    rule: str


@dataclass(slots=True)
class _Context:
    """One record's sentences and the memoised, gated regex hits on them."""

    sentences: list[Sentence]
    low: list[str]  # lower-cased text of each sentence, by Sentence.index
    doc_low: str  # the whole record lower-cased, for record-level gates
    title: str
    has_abstract: bool
    pub_types: frozenset[str]
    mesh: frozenset[str]
    labels: str
    bits: list[int]  # gate literals present in each sentence (_INDEX.mask), by Sentence.index
    doc_bits: int  # gate literals present anywhere in the record
    own: list[Sentence] = field(default_factory=list)  # title and sentences about this study
    _hits: dict[tuple[int, int], re.Match[str] | None] = field(default_factory=dict)
    _possible: dict[int, bool] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict)  # per-record results of helpers

    def possible(self, pattern: re.Pattern[str]) -> bool:
        """False when the pattern cannot match anywhere in this record (its gate is absent)."""
        try:
            gate = _GATE_MASKS[id(pattern)]
        except KeyError:
            key = id(pattern)
            ok = self._possible.get(key)
            if ok is None:
                ok = self._possible[key] = may_match(pattern, self.doc_low)
            return ok
        return gate is None or bool(self.doc_bits & gate)

    def number_words(self, s: Sentence) -> bool:
        """``extract_numbers.may_have_number_words(s.text)``, read from the sentence's word bits."""
        return bool(self.bits[s.index] & _NUMBER_WORD_BIT) or not s.text.isascii()

    def has_number(self, s: Sentence) -> bool:
        """``extract_numbers.has_number`` of the sentence, from its word bits."""
        if not s.text.isascii():
            return has_number(s.text, self.low[s.index])
        return bool(self.bits[s.index] & _HAS_NUMBER_BITS)

    def may(self, pattern: re.Pattern[str], s: Sentence) -> bool:
        """``may_match(pattern, low)`` of the sentence (its gate is present)."""
        gate = _GATE_MASKS.get(id(pattern), -1)
        if gate is None:
            return True
        if gate == -1:
            return may_match(pattern, self.low[s.index])
        return bool(self.bits[s.index] & gate)

    def hit(self, pattern: re.Pattern[str], s: Sentence) -> re.Match[str] | None:
        """``pattern.search(s.text)``, memoised, skipped when the record or sentence lacks its gate."""
        pid = id(pattern)
        gate = _GATE_MASKS.get(pid, -1)
        if gate is not None and gate != -1 and not self.bits[s.index] & gate:
            return None
        key = (pid, s.index)
        try:
            return self._hits[key]
        except KeyError:
            pass
        m = None
        if gate is not None and gate == -1:  # not indexed (a record's own alias pattern)
            if self.possible(pattern) and may_match(pattern, self.low[s.index]):
                m = pattern.search(s.text)
        elif pid in _NO_WORDS_TWINS and not self.number_words(s):
            m = _NO_WORDS_TWINS[pid].search(s.text)
        else:
            m = pattern.search(s.text)
        self._hits[key] = m
        return m


# --- context --------------------------------------------------------------------------------------


_THIS_STUDY_RE = cue_re(
    r"\b(?:this|the present|our) (?:\w+ )?(?:study|trial|pilot|review|report|analysis)\b|"
    r"\b(?:we|the authors) (?:present|report|describe)\b", re.I
)


def _mark_background(ctx: _Context) -> list[bool]:
    """True for sentences about other work or general knowledge.

    Labelled BACKGROUND sections are background. In unlabelled text, a sentence with a background
    cue ("has been shown", "is approved") is background, and so are the leading sentences before the
    first one that speaks of this study.
    """
    flags = [False] * len(ctx.sentences)
    leading = True
    for i, s in enumerate(ctx.sentences):
        if s.section == TITLE:
            continue
        if s.section == BACKGROUND:
            flags[i] = not ctx.hit(_THIS_STUDY_RE, s)
            continue
        if s.section in (METHODS, RESULTS):
            leading = False
            continue
        if s.section == CONCLUSIONS:
            continue  # labelled conclusions speak of this study even with "evidence suggests"
        own = bool(ctx.hit(cue.OWN_CUE_RE, s)) or (leading and (
            bool(ctx.hit(cue.STUDY_ACTION_RE, s)) or bool(ctx.hit(cue.CASE_PRESENTATION_RE, s))))
        background = ctx.hit(cue.BACKGROUND_CUE_RE, s) and not ctx.hit(_THIS_STUDY_RE, s)
        if background or (s.section == OTHER and leading and not own):
            flags[i] = True
        if own:
            leading = False
    if leading:
        # No sentence of an unlabelled abstract spoke of "this study": the leading-sentence rule
        # would set the whole abstract aside. Keep all but the sentences with a background cue.
        for i, s in enumerate(ctx.sentences):
            if s.section == OTHER and flags[i]:
                flags[i] = bool(ctx.hit(cue.BACKGROUND_CUE_RE, s))
    return flags


def _build_context(article: Article) -> _Context:
    sentences = build_sentences(article)
    low = [s.text.lower() for s in sentences]
    labels = " ".join(sec.label or "" for sec in article.abstract_sections)
    bits, doc_bits = _INDEX.masks(low)
    ctx = _Context(
        sentences=sentences,
        low=low,
        doc_low="\n".join(low),
        title=article.title or "",
        has_abstract=any(s.section != TITLE for s in sentences),
        pub_types=frozenset(p.lower() for p in article.publication_types),
        mesh=frozenset(m.lower() for m in article.mesh_terms),
        labels=labels,
        bits=bits,
        doc_bits=doc_bits,
    )
    flags = _mark_background(ctx)
    ctx.own = [s for s, bg in zip(sentences, flags, strict=True) if not bg]
    return ctx


def _first(ctx: _Context, pattern: re.Pattern[str], sentences: list[Sentence] | None = None, *,
           negatable: bool = True) -> Sentence | None:
    """First sentence (default: own sentences) matching pattern, skipping sentences that call for
    or deny the design."""
    if not ctx.possible(pattern):
        return None
    gate = _GATE_MASKS.get(id(pattern), -1)
    gated = gate is not None and gate != -1
    bits = ctx.bits
    for s in ctx.own if sentences is None else sentences:
        if gated and not bits[s.index] & gate:  # type: ignore[operator]
            continue
        if ctx.hit(pattern, s) and not (negatable and ctx.hit(cue.DESIGN_NEGATION_RE, s)):
            return s
    return None


_BLIND_WORD_RE = cue_re(r"\b(?:single|double)[- ]blind(?:ed)?\b", re.I)
_SOMETHING_COMPARED_RE = cue_re(
    r"\b(?:placebo|sham|control|controls|controlled|comparator|comparison|dummy|vehicle|versus|vs|"
    r"compared|cross-?over|usual care|standard care|waiting list|wait-?list|saline|randomly|"
    r"randomi[sz]ed)\b", re.I)


def _masked_single_group(ctx: _Context, nrc: Sentence) -> bool:
    """The only controlled-design cue is masking ("single-blind"), and the record names nothing
    the treatment is compared with."""
    rest = _BLIND_WORD_RE.sub(" ", nrc.text)
    if cue.NONRANDOMIZED_CONTROLLED_RE.search(rest) or not _BLIND_WORD_RE.search(nrc.text):
        return False
    # (not "controlled studies are needed to confirm the finding": a call for a comparison)
    return not any(_SOMETHING_COMPARED_RE.search(x.text) and not _CALLS_FOR_PLACEBO_RE.search(x.text)
                   for x in ctx.own)


def _has_type(ctx: _Context, *names: str) -> bool:
    return any(n in ctx.pub_types for n in names)


# --- design ---------------------------------------------------------------------------------------


def _title_sentence(ctx: _Context) -> Sentence | None:
    return ctx.sentences[0] if ctx.sentences and ctx.sentences[0].section == TITLE else None


def _check_protocol(ctx: _Context) -> Found | None:
    title = _title_sentence(ctx)
    if title and ctx.hit(cue.PROTOCOL_TITLE_RE, title):
        return Found("protocol", title.text, "design_protocol_title")
    if _has_type(ctx, "clinical trial protocol"):
        return Found("protocol", None, "design_protocol_publication_type")
    future = [s for s in ctx.own if ctx.hit(cue.PROTOCOL_TEXT_RE, s)]
    if len(future) >= 2 and not any(s.section == RESULTS for s in ctx.sentences):
        return Found("protocol", future[0].text, "design_protocol_future_tense")
    return None


def _check_retraction_notice(ctx: _Context) -> Found | None:
    """A notice retracting or correcting another paper (a retraction note, an erratum): neither a
    study nor an opinion piece. ("RETRACTED ARTICLE: <title>" with the article's own abstract, typed
    "Retracted Publication", is the study itself.)"""
    title = _title_sentence(ctx)
    if _has_type(ctx, "retraction of publication"):
        return Found("other", title.text if title else None, "design_retraction_notice")
    if title and ctx.hit(cue.RETRACTION_TITLE_RE, title) and not _has_type(ctx, "retracted publication") \
            and (not ctx.has_abstract or any("retract" in ctx.low[s.index] for s in ctx.sentences
                                             if s.section != TITLE)):
        return Found("other", title.text, "design_retraction_notice")
    if _has_type(ctx, "published erratum") or (title and _CORRECTION_TITLE_RE.match(title.text)):
        # "Erratum to: ...", "Correction to: ...": a notice correcting another paper (labelled
        # `other` in the three sets that hold one), not an opinion piece
        return Found("other", title.text if title else None, "design_correction_notice")
    return None


_CORRECTION_TITLE_RE = re.compile(r"\W*(?:erratum|errata|correction|corrigendum)\b(?: to| for| in)?\s*[:\-]", re.I)


def _check_commentary_title(ctx: _Context) -> Found | None:
    """Letters, replies, comments, editorials and errata named as such in the title; with no
    abstract, also short question titles ("Ropivacaine: is it a good choice?")."""
    title = _title_sentence(ctx)
    if title is None:
        return None
    if ctx.hit(cue.COMMENTARY_TITLE_RE, title):
        return Found("commentary", title.text, "design_commentary_title")
    if not ctx.has_abstract and ctx.hit(cue.GUIDELINE_TITLE_RE, title) and not (
            ctx.hit(cue.SYSTEMATIC_REVIEW_RE, title) or ctx.hit(cue.META_ANALYSIS_RE, title)):
        return Found("other", title.text, "design_guideline_title_no_abstract")
    if not ctx.has_abstract and (
        ctx.hit(cue.QUESTION_TITLE_RE, title) or ctx.hit(cue.COMMENTARY_TITLE_NO_ABSTRACT_RE, title)
    ):
        return Found("commentary", title.text, "design_commentary_title_no_abstract")
    return None


# A title-only letter that names its own study in its title's last part: "...: a questionnaire survey"
_TITLE_OWN_STUDY_RE = cue_re(
    r":\s*(?:an? |the |our )?(?:[\w-]+ ){0,3}?(?:survey|cohort study|case series|cross-sectional study|"
    r"chart review|audit)\W*$", re.I)


def _check_commentary(ctx: _Context, case: Sentence | None, counts: list[Count]) -> Found | None:
    # A letter that reports patients of its own ("In this letter we describe five patients",
    # "we looked for addiction among 39,946 patients") is a study, not a commentary.
    title = _title_sentence(ctx)
    own_data = case is not None or bool(counts) or _has_type(ctx, "case reports") or _first(
        ctx, cue.CASE_SERIES_RE, negatable=False) is not None or (title is not None and bool(
            ctx.hit(cue.IN_VITRO_RE, title) or ctx.hit(cue.ANIMAL_SUBJECT_RE, title))) or (
        # a title-only letter that names its own patient: "Reversible hair loss with low-dose
        # naltrexone in a woman with fibromyalgia"
        not ctx.has_abstract and (_title_people(ctx) is not None or (
            title is not None and bool(_TITLE_OWN_STUDY_RE.search(title.text)
                                       or ctx.hit(cue.CASE_SERIES_TITLE_RE, title)))))
    s = _first(ctx, cue.COMMENTARY_RE, negatable=False)
    if s and (not own_data or ctx.hit(cue.EDITORIAL_RE, s)):
        # an editorial that retells another trial's numbers is still an editorial
        return Found("commentary", s.text, "design_commentary_text")
    if _has_type(ctx, "editorial") and not _has_type(ctx, "case reports"):
        # an editorial that retells trials ("fewer than 400 people have been randomised in all of its
        # trials") is still an editorial: all 33 labelled editorials are commentary
        return Found("commentary", None, "design_commentary_publication_type")
    typed = _has_type(ctx, "letter", "comment", "news")
    if typed and not own_data:
        return Found("commentary", None, "design_commentary_publication_type")
    return None


# "Spinal Manipulative Therapy Added to Guideline-Based Care ...: A Pragmatic Randomized Trial"
_STUDY_IN_TITLE_RE = cue_re(r"\b(?:trial|randomi[sz]ed|study|cohort)\b", re.I)
_MANAGEMENT_RECOMMENDATIONS_RE = cue_re(
    r"\brecommendations (?:for|on) the (?:management|treatment|use|care)\b", re.I)


def _check_reviews(ctx: _Context, best: Count | None, case: Sentence | None) -> Found | None:
    title = _title_sentence(ctx)
    title_text = title.text if title else ""
    if title is not None and (ctx.hit(cue.GUIDELINE_TITLE_RE, title) or _MANAGEMENT_RECOMMENDATIONS_RE.search(
            title_text)) and not (ctx.hit(cue.SYSTEMATIC_REVIEW_RE, title) or ctx.hit(cue.META_ANALYSIS_RE, title)
                                  or _STUDY_IN_TITLE_RE.search(title_text)):
        # "A Clinical Practice Guideline From the ACP", "EULAR revised recommendations for the
        # management of fibromyalgia": guidance built on reviews ("Based on a systematic review of
        # randomised trials ..."), not a review itself
        return Found("other", title_text, "design_guideline_title")
    # "Fifty trials with 7793 patients were included" counts the people of the included studies,
    # not participants this record enrolled.
    pooled_count = best is not None and bool(ctx.hit(cue.INCLUDED_STUDIES_RE, best.sentence))
    primary_data = best is not None and best.rank <= RANK_ENROLLED and not pooled_count
    sr_title = ctx.hit(cue.SYSTEMATIC_REVIEW_RE, title) if title else None
    ma_title = ctx.hit(cue.META_ANALYSIS_RE, title) if title else None
    review_m = (ctx.hit(cue.REVIEW_TITLE_RE, title) or ma_title) if title else None
    primary_m = ctx.hit(cue.PRIMARY_TITLE_RE, title) if title else None
    review_in_title = bool(sr_title or review_m)
    primary_first = bool(primary_m and review_m and primary_m.start() < review_m.start())
    search = _first(ctx, cue.SEARCH_METHODS_RE, negatable=False)
    # Methods only a review has (a database search, studies included, risk of bias of studies)
    # outweigh a head count, which may then be the pooled participants.
    review_methods = bool(search or _first(ctx, cue.INCLUDED_STUDIES_RE, negatable=False)) or (
        _has_type(ctx, "meta-analysis", "systematic review"))
    if primary_data and (primary_first or not (review_in_title or review_methods)):
        return None
    if title and _UMBRELLA_RE.search(title.text):
        # "an umbrella review of systematic reviews and meta-analyses": a review of reviews
        return Found("systematic_review", title_text, "design_umbrella_review_title")
    if ma_title:
        return Found("meta_analysis", title_text, "design_meta_analysis_title")
    if _has_type(ctx, "meta-analysis"):
        return Found("meta_analysis", None, "design_meta_analysis_publication_type")
    if _has_type(ctx, "systematic review"):  # and not Meta-Analysis, which NLM would add
        return Found("systematic_review", None, "design_systematic_review_publication_type")
    ma = _first(ctx, cue.META_ANALYSIS_TEXT_RE)
    if ma and not ctx.hit(cue.NOT_POOLED_RE, ma) and (search or ctx.hit(cue.SYSTEMATIC_REVIEW_RE, ma)):
        # ("synthesised narratively without meta-analysis" is a systematic review)
        return Found("meta_analysis", ma.text, "design_meta_analysis_text")
    if search is not None and not primary_data and (
            pooled := _first(ctx, cue.POOLED_ESTIMATE_RE, negatable=False)) is not None and \
            not _first(ctx, cue.NOT_POOLED_RE, negatable=False):
        # a Cochrane-style review that reports pooled estimates without saying "meta-analysis"
        return Found("meta_analysis", pooled.text, "design_meta_analysis_pooled_estimates")
    if sr_title:
        return Found("systematic_review", title_text, "design_systematic_review_title")
    if _has_type(ctx, "systematic review"):
        return Found("systematic_review", None, "design_systematic_review_publication_type")
    sr = _first(ctx, cue.SYSTEMATIC_REVIEW_RE)
    if sr:
        return Found("systematic_review", sr.text, "design_systematic_review_text")
    nr = _first(ctx, cue.NARRATIVE_REVIEW_RE, negatable=False)
    if search and (not nr or _first(ctx, cue.SYSTEMATIC_METHODS_RE, negatable=False)):
        # A database search makes a systematic review; a review that calls itself a review and
        # only mentions a search, with no selection or appraisal of studies, stays narrative.
        return Found("systematic_review", search.text, "design_systematic_review_search_methods")
    if case is not None and not _has_type(ctx, "review"):
        return None  # a case report that reviews the literature around its case
    if nr and not primary_data:
        return Found("narrative_review", nr.text, "design_narrative_review_text")
    if _has_type(ctx, "review"):
        return Found("narrative_review", None, "design_review_publication_type")
    if title and review_m and not primary_data and ctx.has_abstract and not primary_m and not (
        ctx.hit(cue.CHART_REVIEW_RE, title) or ctx.hit(cue.CASE_REPORT_RE, title)
    ):
        return Found("narrative_review", title_text, "design_narrative_review_title")
    return None


_UMBRELLA_RE = re.compile(r"\bumbrella review\b|\breview of (?:systematic )?reviews\b|\boverview of (?:systematic )?"
                          r"reviews\b", re.I)


def _check_animal(ctx: _Context, best: Count | None = None) -> Found | None:
    if not ctx.possible(cue.ANIMAL_RE):
        return _animal_by_mesh(ctx)
    title = _title_sentence(ctx)
    if title and ctx.hit(cue.ANIMAL_RE, title) and not ctx.hit(cue.HUMAN_RE, title) and not (
            ctx.hit(cue.IN_VITRO_RE, title) and _check_in_vitro(ctx) is not None):
        # (not "... of mouse and human iPSC-derived microglia" in a record about cells)
        return Found("animal", title.text, "design_animal_title")
    hits = [s for s in ctx.own if ctx.hit(cue.ANIMAL_RE, s)]
    # Animals randomly assigned ("rats were randomly allocated", "pigs were randomized") are an
    # animal experiment, not a randomised trial.
    for s in hits:
        if ctx.hit(cue.RANDOMIZED_RE, s) and not ctx.hit(cue.HUMAN_RE, s):
            return Found("animal", s.text, "design_animal_randomized")
    humans = sum(1 for s in ctx.own if ctx.hit(cue.HUMAN_RE, s))
    # one mention is enough when no person is named, or none is counted while the animals are
    # the subjects ("In rats, a single dose of ketamine (10 mg/kg) ...")
    subjects = any(ctx.hit(cue.ANIMAL_SUBJECT_RE, s) for s in hits)
    people_counted = best is not None and best.rank <= RANK_WEAK
    single_ok = subjects and (humans == 0 or not people_counted)
    if single_ok and humans and len(hits) <= humans and not people_counted:
        return Found("animal", hits[0].text, "design_animal_subjects")
    if hits and (len(hits) >= 2 or single_ok) and len(hits) > humans:
        # Animals named in the record's own sentences and fewer sentences about people: one
        # mention suffices when no participant is named at all ("In male Sprague-Dawley rats, ...").
        return Found("animal", hits[0].text, "design_animal_text")
    return _animal_by_mesh(ctx)


def _animal_by_mesh(ctx: _Context) -> Found | None:
    # NLM indexes work on animal cell lines under "Animals" too ("the murine microglial cell line
    # BV-2"): text that reads as in vitro wins over that heading.
    if "animals" in ctx.mesh and "humans" not in ctx.mesh and _check_in_vitro(ctx) is None:
        return Found("animal", None, "design_animal_mesh")
    return None


def _check_in_vitro(ctx: _Context) -> Found | None:
    if not ctx.possible(cue.IN_VITRO_RE):
        return None
    hits = [s for s in ctx.own if ctx.hit(cue.IN_VITRO_RE, s)]
    # people named as the donors of the cells studied do not make a study of people
    humans = sum(1 for s in ctx.own if ctx.hit(cue.HUMAN_RE, s) and not ctx.hit(cue.IN_VITRO_RE, s))
    if hits and (len(hits) >= 2 or hits[0].section == TITLE or humans == 0) and len(hits) > humans:
        return Found("in_vitro", hits[0].text, "design_in_vitro_text")
    return None


def _check_cases(ctx: _Context, case: Sentence | None) -> Found | None:
    series = _first(ctx, cue.CASE_SERIES_RE, negatable=False)
    if series:
        return Found("case_series", series.text, "design_case_series_text")
    # "a 15-Year-Old" in the title and "a 15-year-old girl" in the text are one patient
    ages = {m.group(0).lower().replace(" ", "-") for s in ctx.own if ctx.hit(cue.AGE_OLD_RE, s)
            for m in cue.AGE_OLD_RE.finditer(s.text)} if case else set()
    if case and len(ages) >= 2:
        return Found("case_series", case.text, "design_case_series_several_patients")
    if case:
        return Found("case_report", case.text, "design_case_report_text")
    if ctx.labels and cue.CASE_LABEL_RE.search(ctx.labels):
        return Found("case_report", None, "design_case_report_section_label")
    if _has_type(ctx, "case reports"):
        return Found("case_report", None, "design_case_report_publication_type")
    return None


def _several_patients(counts: list[Count]) -> Count | None:
    """A head count of 2 to 20 people: a "case report" of them is a case series."""
    return next((c for c in counts if 2 <= c.value <= 20 and c.kind == "enrolled"), None)


def _randomized_sentence(ctx: _Context, protocol: bool) -> Sentence | None:
    """First own sentence saying this study randomised people.

    Not: sentences denying or calling for randomisation, random sampling of a survey ("a randomly
    selected sample", "random sample of households"), and mentions of other randomised trials in
    the plural ("randomized controlled trials have shown", "RCTs") — once those phrases are cut
    out, a randomisation word must remain.
    """
    key = ("randomized_sentence", protocol)
    if key in ctx.memo:
        return ctx.memo[key]
    found: Sentence | None = None
    if ctx.possible(cue.RANDOMIZED_RE):
        for s in ctx.own:
            if not ctx.hit(cue.RANDOMIZED_RE, s) or ctx.hit(cue.NOT_RANDOMIZED_RE, s):
                continue
            if ctx.hit(cue.DESIGN_NEGATION_RE, s) and not protocol:
                continue
            if ctx.hit(cue.UNCONTROLLED_RE, s):
                continue  # "In this uncontrolled study ...": a randomised trial named there is another
            other_rcts = ctx.hit(cue.OTHER_RCTS_RE, s) and not (
                # "Three randomized clinical trials (the MINT study) were conducted", "The SPACE
                # Randomized Clinical Trials": this record's own trials, in the plural
                s.section in (TITLE, METHODS) or ctx.hit(cue.OWN_TRIALS_RE, s))
            if (ctx.hit(cue.RANDOM_SAMPLE_RE, s) or other_rcts) and not \
                    cue.RANDOMIZED_RE.search(cue.OTHER_RCTS_RE.sub(" ", cue.RANDOM_SAMPLE_RE.sub(
                        " ", s.text))):
                continue
            found = s
            break
    ctx.memo[key] = found
    return found


# A comparison group denied: "In the absence of a control group, placebo effects cannot be excluded"
_NO_CONTROL_RE = cue_re(
    r"\b(?:absence of|without|lack of|lacking|no|not have)\s+(?:an? |any )?(?:(?:concurrent|untreated|parallel) )?"
    r"(?:control|comparison|comparator)(?: groups?| arms?| patients)?\b", re.I)


def _check_observational(ctx: _Context, best: Count | None) -> Found | None:
    cc = _first(ctx, cue.CASE_CONTROL_RE, negatable=False)
    if cc:
        return Found("case_control", cc.text, "design_case_control_text")
    cohort = _first(ctx, cue.COHORT_RE, negatable=False)
    if cohort:
        return Found("cohort", cohort.text, "design_cohort_text")
    chart = _first(ctx, cue.CHART_REVIEW_RE, negatable=False)
    cross = _first(ctx, cue.CROSS_SECTIONAL_RE, negatable=False)
    if chart and not (cross and ctx.hit(cue.SURVEY_RE, cross)):
        # a "retrospective survey" is a survey; a retrospective review of records a series/cohort
        title = _title_sentence(ctx)
        compared = any(ctx.hit(cue.COMPARISON_GROUP_RE, s) and (
            not _NO_CONTROL_RE.search(s.text) or cue.COMPARISON_GROUP_RE.search(_NO_CONTROL_RE.sub(" ", s.text)))
            for s in ctx.own) or (
            title is not None and bool(ctx.hit(cue.VERSUS_DESIGN_RE, title)))  # "LDN versus gabapentin for ..."
        if compared or (best and best.value >= CHART_REVIEW_COHORT_MIN_N):
            return Found("cohort", chart.text, "design_cohort_chart_review")
        return Found("case_series", chart.text, "design_case_series_chart_review")
    if cross:
        return Found("cross_sectional", cross.text, "design_cross_sectional_text")
    if "case-control studies" in ctx.mesh:
        return Found("case_control", None, "design_case_control_mesh")
    if "cross-sectional studies" in ctx.mesh:
        return Found("cross_sectional", None, "design_cross_sectional_mesh")
    if _has_type(ctx, "observational study") or ctx.mesh & {"cohort studies",
                                                             "retrospective studies"}:
        return Found("cohort", None, "design_cohort_publication_type")
    return None


# Observational designs a title declares ("...: a retrospective cohort study"), in this order.
_TITLE_DESIGNS = (
    ("case_control", cue.CASE_CONTROL_RE),
    ("cross_sectional", cue.CROSS_SECTIONAL_TITLE_RE),
    ("cohort", cue.COHORT_TITLE_RE),
    ("case_series", cue.CASE_SERIES_TITLE_RE),
)


def _check_title_design(ctx: _Context) -> Found | None:
    """An observational design named in the title outranks design words read in the abstract,
    which may describe a detail ("188 cases", "a 45-year-old") rather than the study."""
    title = _title_sentence(ctx)
    if title is None or ctx.hit(cue.DESIGN_NEGATION_RE, title):
        return None
    trial_words = ctx.hit(cue.SINGLE_ARM_RE, title) or ctx.hit(cue.RANDOMIZED_RE, title)
    for design, pattern in _TITLE_DESIGNS:
        if design == "cohort" and trial_words:
            named = ctx.hit(pattern, title)
            inside = named is not None and not ctx.hit(cue.RANDOMIZED_RE, title) and all(
                named.start() <= w.start() < named.end() and w.group(0).lower() == "prospective"
                for w in cue.SINGLE_ARM_RE.finditer(title.text))
            if not inside:
                continue  # "an open-label prospective study" is a trial, not a cohort
            # ("a prospective clinic cohort": the trial word is the cohort's own adjective)
        if ctx.hit(pattern, title):
            return Found(design, title.text, f"design_{design}_title")
    return None


_DOUBLE_BLIND_CROSSOVER_RE = cue_re(
    r"\bdouble[- ]blind(?:ed)?,? (?:[\w-]+,? ){0,2}?placebo[- ]controlled,? (?:[\w-]+ )?cross-?over\b", re.I)


def _crossover_sentence(ctx: _Context) -> Sentence | None:
    return _first(ctx, cue.CROSSOVER_RE)


def classify_design(ctx: _Context, best: Count | None, counts: list[Count] | None = None) -> Found:
    """Design by precedence: commentary titles, protocol, commentary, reviews, animal, in vitro,
    randomised trials, case reports and series, observational designs, controlled and single-arm
    trials; with no abstract and no cue at all, commentary."""
    case = _first(ctx, cue.CASE_REPORT_RE, negatable=False)
    for check in (
        lambda: _check_retraction_notice(ctx),
        lambda: _check_commentary_title(ctx),
        lambda: _check_protocol(ctx),
        lambda: _check_commentary(ctx, case, counts or []),
        lambda: _check_reviews(ctx, best, case),
        lambda: _check_animal(ctx, best),
        lambda: _check_in_vitro(ctx),
    ):
        found = check()
        if found:
            return found
    title = _title_sentence(ctx)
    rand_title = ctx.hit(cue.RANDOMIZED_RE, title) if title is not None else None
    qualitative = ctx.hit(cue.EMPIRICAL_NO_EFFECT_TITLE_RE, title) if title is not None else None
    if title is not None and ctx.hit(cue.OTHER_DESIGN_TITLE_RE, title) \
            and (rand_title is None or (qualitative is not None and qualitative.start() < rand_title.start())):
        # ("a qualitative interview study nested in a randomised trial" is the interviews)
        # "a two-sample Mendelian randomisation study", "a Markov model", "a core outcome set",
        # "a qualitative interview study of patients' experiences of ..."
        return Found("other", title.text, "design_other_title")
    if title is not None and rand_title is None:
        # "...: the SPORT observational cohort" outranks "declined randomization" in the text
        declared = _check_title_design(ctx)
        if declared:
            return declared
    if _extension_title(ctx) is not None:
        return Found("single_arm_trial", ctx.title, "design_extension_title")
    rand = _randomized_sentence(ctx, protocol=False)
    secondary = _first(ctx, cue.SECONDARY_OF_RCT_RE, negatable=False)
    if rand is not None or secondary is not None or _has_type(ctx, "randomized controlled trial"):
        cross = _crossover_sentence(ctx)
        design = "rct_crossover" if cross or "cross-over studies" in ctx.mesh else "rct_parallel"
        if secondary is not None:
            return Found(design, secondary.text, "design_rct_secondary_analysis")
        if rand is not None:
            return Found(design, rand.text, "design_randomized")
        return Found(design, None, "design_rct_publication_type")
    blind_cross = _first(ctx, _DOUBLE_BLIND_CROSSOVER_RE)
    if blind_cross is not None:
        # "a double-blind, placebo-controlled crossover trial" that never says "randomised": the
        # five labelled records of this form are all randomised crossovers
        return Found("rct_crossover", blind_cross.text, "design_double_blind_placebo_crossover")
    declared = _check_title_design(ctx)
    if declared:
        return declared
    cc = _first(ctx, cue.CASE_CONTROL_RE, negatable=False)
    if cc:  # before case series: "188 cases and 752 matched controls" is not a series of cases
        return Found("case_control", cc.text, "design_case_control_text")
    cases = _check_cases(ctx, case)
    if cases:
        several = _several_patients(counts or [])
        if cases.rule == "design_case_report_publication_type" and several is not None:
            # typed Case Reports, but the text counts "four previously healthy men"
            return Found("case_series", several.sentence.text, "design_case_series_several_patients")
        return cases
    obs = _check_observational(ctx, best)
    if obs:
        return obs
    nrc = _first(ctx, cue.NONRANDOMIZED_CONTROLLED_RE)
    if nrc is not None and _masked_single_group(ctx, nrc):
        # "Eight women took part in a single-blind pilot study with a 2-week baseline period, 8
        # weeks of LDN and a 2-week washout": masking with nothing to compare is one group
        nrc = None
    if nrc is None:
        nrc = _first(ctx, cue.NONRANDOMIZED_WORD_RE, negatable=False)
    if nrc:
        return Found("nonrandomized_controlled", nrc.text, "design_controlled_not_randomized")
    if _has_type(ctx, "controlled clinical trial"):
        return Found("nonrandomized_controlled", None, "design_controlled_publication_type")
    single = _first(ctx, cue.SINGLE_ARM_RE)
    if single:
        return Found("single_arm_trial", single.text, "design_single_arm_text")
    # "versus" or "compared with" in the design sentences, not in a results comparison
    versus = _first(ctx, cue.VERSUS_DESIGN_RE,
                    [x for x in ctx.own if x.section in (TITLE, OBJECTIVE, METHODS)])
    if versus:
        return Found("nonrandomized_controlled", versus.text, "design_controlled_comparison")
    if any(p.startswith("clinical trial") for p in ctx.pub_types):
        return Found("single_arm_trial", None, "design_clinical_trial_publication_type")
    treated = _first(ctx, cue.TREATED_RE, negatable=False)
    if treated and best is not None and best.rank <= RANK_ENROLLED:
        return Found("single_arm_trial", treated.text, "design_treated_group_fallback")
    if not ctx.has_abstract:
        people = _title_people(ctx)
        if people is not None and title is not None:
            # "Low-dose naltrexone for pain in Gulf War illness: three veterans"
            if people == 1:
                return Found("case_report", title.text, "design_case_report_title_people")
            return Found("case_series", title.text, "design_case_series_title_people")
        if title is not None and ctx.hit(cue.ADVERSE_REACTION_TITLE_RE, title) and (
                ctx.hit(cue.TREATMENT_TITLE_RE, title) or ctx.hit(cue.OTHER_DRUG_RE, title)) and \
                not ctx.hit(cue.GOOD_OUTCOME_TITLE_RE, title):
            # "Hypnopompic hallucinations after starting low-dose naltrexone": a harm report
            return Found("case_report", title.text, "design_case_report_adverse_reaction_title")
        # No abstract and no design word in the title: letters, editorials, news, obituaries.
        return Found("commentary", ctx.title or None, "design_commentary_no_abstract")
    if title is not None and ctx.hit(cue.PREVALENCE_TITLE_RE, title):
        return Found("cross_sectional", title.text, "design_cross_sectional_prevalence_title")
    return Found("other", None, "design_no_cue")


# A title that ends by naming the people it reports: ": three veterans", "in two sisters",
# "in a 7-year-old boy", "of 12 patients".
_TITLE_N_RE = cue_re(r"\(\s*[nN]\s*=\s*(?P<num>\d{1,5})\s*\)\W*$")
_TITLE_PEOPLE_RE = cue_re(
    rf"(?::\s*|\b(?:in|of|among)\s+)(?P<num>an?|one|{NUMBER_WORDS_PATTERN}|\d{{1,3}})\s+"
    r"(?:(?!(?:for|to|with|of|in|from|on|and|or|at|by)\b)[\w'-]+\s+){0,3}?(?:patients?|cases?|veterans?|"
    r"wom[ae]n|m[ae]n|child(?:ren)?|adults?|people|"
    r"persons?|individuals?|girls?|boys?|sisters?|brothers?|siblings?|twins|infants?|adolescents?|"
    r"athletes?|soldiers?|families|family)(?:\W*$|\s+(?:with|who|after|on|taking|receiving)\b[^:;]*$)",
    re.I)


def _title_people(ctx: _Context) -> int | None:
    title = _title_sentence(ctx)
    m = ctx.hit(_TITLE_PEOPLE_RE, title) if title is not None else None
    if m is None:
        return None
    num = m.group("num").lower()
    if num in ("a", "an", "one"):
        return 1
    value = parse_number(num)
    return int(value) if value and value < 1000 else None


# --- trial features -------------------------------------------------------------------------------


def extract_randomized(ctx: _Context, design: str) -> Found | None:
    if design in ("rct_parallel", "rct_crossover"):
        s = _randomized_sentence(ctx, protocol=False) or _first(ctx, cue.SECONDARY_OF_RCT_RE)
        return Found(True, s.text if s else None, "randomized_from_design")
    if design == "protocol":
        s = _randomized_sentence(ctx, protocol=True)
        return Found(True, s.text, "randomized_protocol_text") if s else None
    if design in TRIALS or design in OBSERVATIONAL or _empirical_other(ctx, design):
        s = _first(ctx, cue.NOT_RANDOMIZED_RE, negatable=False)
        return Found(False, s.text if s else None, "not_randomized_by_design")
    return None


def _empirical_other(ctx: _Context, design: str) -> bool:
    """An interview study, a Delphi panel, a Mendelian randomisation study: people studied
    without allocation or masking (not a guideline or a model)."""
    title = _title_sentence(ctx)
    return design == "other" and ctx.has_abstract and title is not None and \
        ctx.hit(cue.EMPIRICAL_NO_EFFECT_TITLE_RE, title) is not None


# (not a trial named "FUTURE 2": "future" followed by a number is a name)
_CALLS_FOR_RE = cue_re(r"\b(?:needed|warranted|future(?![ -]?\d)|should)\b", re.I)
# ("as-needed paracetamol ... or placebo" calls for nothing)
_CALLS_FOR_PLACEBO_RE = cue_re(
    r"\b(?<!as-)(?<!as )(?:needed|warranted|future(?![ -]?\d)|should|will inform|(?:is|are|seems?|appears?) justified|"
    r"merited|required|justify|justifies|warrants?)\b", re.I)


_PLACEBO_ARM_RE = cue_re(r"(?<!non-)\bplacebo[- ]controlled\b|\bplacebo (?:group|arm)s?\b", re.I)


def extract_blinding(ctx: _Context, design: str) -> Found | None:
    if design in REVIEW_DESIGNS or design in ("commentary", "animal", "in_vitro"):
        return None
    if _empirical_other(ctx, design):
        # interviews "nested in a double-blind trial" are not themselves masked
        return Found("open", None, "blinding_open_by_design")
    patterns = (("double", cue.DOUBLE_BLIND_RE), ("single", cue.SINGLE_BLIND_RE),
                ("open", cue.OPEN_LABEL_RE))
    title = _title_sentence(ctx)
    if title is not None and not _CALLS_FOR_RE.search(title.text):
        # The title names the record's own masking; the abstract may describe the parent trials
        # ("a 52-week open-label extension of two double-blind trials"). The first named wins.
        named = [(m.start(), value) for value, pattern in patterns if (m := ctx.hit(pattern, title))]
        if named:
            value = min(named)[1]
            return Found(value, title.text, f"blinding_{value}_title")
    for value, pattern in patterns:
        for s in ctx.own:
            if value != "open" and ctx.hit(cue.NEITHER_BLINDED_RE, s):
                continue  # "neither patients nor treating clinicians were blinded": open
            # The gate only for ASCII text: this loop never had one, and case folding of a few
            # non-ASCII letters ("\u017f" is an "s" to re.I) is beyond lower().
            if (ctx.hit(pattern, s) if s.text.isascii() else pattern.search(s.text)) and \
                    not _CALLS_FOR_RE.search(s.text):
                return Found(value, s.text, f"blinding_{value}_text")
    if _has_type(ctx, "double-blind method") or "double-blind method" in ctx.mesh:
        return Found("double", None, "blinding_double_mesh")
    if "single-blind method" in ctx.mesh:
        return Found("single", None, "blinding_single_mesh")
    if design in OBSERVATIONAL or design == "single_arm_trial":
        return Found("open", None, "blinding_open_by_design")
    if design == "nonrandomized_controlled":
        # Groups the patients chose, or clinics before and after a change, cannot be masked: the
        # ten labelled records of this kind that name no masking are all open.
        chosen = _first(ctx, _CHOSEN_ALLOCATION_RE, negatable=False)
        if chosen is not None:
            return Found("open", chosen.text, "blinding_open_chosen_allocation")
    return None


# Allocation that cannot be masked: "by patient choice", "patients chose LDN or usual care",
# "a controlled before-and-after study".
_CHOSEN_ALLOCATION_RE = cue_re(
    r"\b(?:patients?'? (?:own )?(?:preference|choice)|preference[- ]based|(?:by|according to) "
    r"(?:(?:patient|participant)s?'? )?(?:own )?(?:preference|choice)|chose|chosen|opted (?:for|to)|"
    r"elected to|controlled before[- ](?:and[- ])?after)\b", re.I)


_TRIAL_WORD_RE = re.compile(r"\b(?:trial|study|pilot|RCT)\b", re.I)


def _extension_title(ctx: _Context) -> Sentence | None:
    """The title, when it names the record as the open-label extension of a trial."""
    title = _title_sentence(ctx)
    if title is None or not ctx.hit(cue.EXTENSION_TITLE_RE, title):
        return None
    ext = ctx.hit(cue.EXTENSION_TITLE_RE, title)
    if ext is None:
        return None
    # "a 12-week double-blind, placebo-controlled trial with a 40-week open-label extension" is
    # the trial: in the part of the title that names the extension, the first named design wins
    text = title.text
    start = text.rfind(": ", 0, ext.start()) + 1
    end = text.find(": ", ext.end())
    end = len(text) if end < 0 else end
    first_trial = [m.start() for p in (cue.RANDOMIZED_RE, cue.DOUBLE_BLIND_RE, cue.PLACEBO_RE,
                                       cue.CROSSOVER_RE, _TRIAL_WORD_RE)
                   if (m := p.search(text, start, end)) is not None]
    return title if not first_trial or ext.start() < min(first_trial) else None


def extract_placebo(ctx: _Context, design: str, counted: bool = True) -> Found | None:
    """``counted``: the record states a head count (people or reports were studied)."""
    # Animal work has vehicle and saline controls, but "placebo-controlled" describes trials in
    # people (all 38 animal records of the labelled sets leave it empty).
    if design in REVIEW_DESIGNS or design in ("commentary", "in_vitro", "animal"):
        return None
    if design == "other" and not ctx.has_abstract:
        return None  # a title alone says nothing of a comparator
    if design in OBSERVATIONAL or _empirical_other(ctx, design):
        # a patient's history may mention a placebo-controlled trial, interviews may be nested in
        # one; the design itself has no placebo
        return Found(False, None, "placebo_not_in_observational_design")
    if design == "single_arm_trial" and (title := _extension_title(ctx)) is not None:
        # "a 52-week open-label extension": the placebo was in the parent trials
        return Found(False, title.text, "placebo_none_in_extension")
    for s in ctx.own:
        if ctx.hit(cue.PLACEBO_RE, s) and not ctx.hit(cue.NO_PLACEBO_RE, s) and \
                not _CALLS_FOR_PLACEBO_RE.search(s.text) and not (
                    cue.DUMMY_PLACEBO_RE.search(s.text) and not _PLACEBO_ARM_RE.search(s.text)):
            return Found(True, s.text, "placebo_text")
    neg = _first(ctx, cue.NO_PLACEBO_RE, negatable=False)
    title = _title_sentence(ctx)
    if design == "other" and neg is None and (
            (not counted and not any(s.section == RESULTS for s in ctx.own))
            or (title is not None and _GUIDANCE_TITLE_RE.search(title.text))):
        # a guideline, classification or core outcome set, with no one counted and no results,
        # compares no treatments: neither yes nor no (a survey or a pharmacovigilance count is no)
        return None
    return Found(False, neg.text if neg else None, "placebo_not_mentioned")


def extract_comparator(ctx: _Context, design: str, placebo: Found | None) -> Found | None:
    if design in REVIEW_DESIGNS or design in ("commentary", "protocol", "animal", "in_vitro", "other"):
        if design == "protocol" and placebo and placebo.value:
            return Found("placebo", placebo.sentence, "comparator_placebo")
        return None
    if placebo and placebo.value:
        return Found("placebo", placebo.sentence, "comparator_placebo")
    usual = _first(ctx, cue.USUAL_CARE_RE, negatable=False)
    if usual and design in TRIALS | {"cohort"}:
        return Found("usual_care", usual.text, "comparator_usual_care")
    active = _first(ctx, cue.ACTIVE_CONTROL_RE, negatable=False)
    if active:
        return Found("active", active.text, "comparator_active_text")
    if design in ("rct_parallel", "rct_crossover", "nonrandomized_controlled"):
        title = _title_sentence(ctx)
        if title and re.search(r"\b(?:versus|vs\.?|compared with|comparing|and)\b", title.text, re.I):
            return Found("active", title.text, "comparator_active_two_treatments")
        return None
    if design in ("single_arm_trial", "case_report", "case_series"):
        return Found("none", None, "comparator_none_by_design")
    return None


# --- counts ---------------------------------------------------------------------------------------


def _all_counts(ctx: _Context) -> list[Count]:
    counts: list[Count] = []
    for s in ctx.own:
        counts.extend(find_counts(s, ctx.low[s.index], ctx.number_words(s),
                                  number=ctx.has_number(s), sums=ctx.may(SUM_RE, s)))
    return counts


# How many arms a record's randomisation names: "randomised 1:1:1", "two groups", "randomly
# assigned to naltrexone 4.5 mg or cyclobenzaprine 10 mg" (items before the "or", plus one).
_EQUAL_RATIO_RE = re.compile(r"(?<![\d:.])1 ?: ?1(?: ?: ?1){0,4}(?![\d:.])")
_K_GROUPS_RE = re.compile(r"\b(?P<k>two|three|four|five|six) (?:[\w-]+ )?(?:groups|arms)\b")
_RANDOMIZED_TO_RE = re.compile(
    r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)\b[^.;]{0,40}?\bto (?P<arms>(?:[^.;]|(?<=\d)\.(?=\d))+)")


def _arms_of_record(ctx: _Context) -> int | None:
    """The number of arms, read from an equal allocation ratio, "two groups" or the randomised-to
    list; None when the record does not say."""
    if ":" in ctx.doc_low and (m := _EQUAL_RATIO_RE.search(ctx.doc_low)):
        return m.group(0).count("1")
    if m := _K_GROUPS_RE.search(ctx.doc_low):
        return SMALL_NUMBERS[m.group("k")]
    for s in ctx.own:
        low = ctx.low[s.index]
        if " or " in low and (m := _RANDOMIZED_TO_RE.search(low)):
            arms = m.group("arms")
            head = arms.split(" or ")[0]
            if " or " in arms:
                return head.count(",") + 2
    return None


def _per_arm_totals(ctx: _Context, counts: list[Count]) -> list[Count]:
    """"Forty-two participants were allocated to each group": the arm's size times the arms."""
    per_arm = [c for c in counts if c.kind == "per_arm"]
    k = _arms_of_record(ctx) if per_arm else None
    return [Count(k * c.value, "randomized", c.rank, c.sentence, "n_groups_times_arm_size")
            for c in per_arm] if k else []


def _best_enrolled(counts: list[Count], ctx: _Context) -> Count | None:
    enrolled = [c for c in counts if c.kind in ("randomized", "enrolled")] + _per_arm_totals(ctx, counts)
    if any(not c.cluster for c in enrolled):
        # a cluster trial's patients, not its randomised clinicians or practices
        enrolled = [c for c in enrolled if not c.cluster]
    # Abstract order, title last: the title rarely gives the count and a count there is a summary.
    def order(c: Count) -> tuple[int, int, int, int]:
        title_last = 1 if c.sentence.section == TITLE else 0
        is_sum = 0 if c.rule in SUM_RULE_NAMES else 1
        # of two sums in one sentence, the one over more groups (the larger) is the total
        return (c.rank, title_last, c.sentence.index * 2 + is_sum, -c.value if not is_sum else 0)

    best = min(enrolled, key=order) if enrolled else None
    if best is not None and best.rank < RANK_BARE:
        return best
    # Group sizes beat a head count said in passing ("Three patients in the LDN group reported sleep
    # disturbance" beside "(LDN group, n=32)" and "(control group, n=30)")
    groups = [g for s in ctx.own for g in find_group_sizes(s)]
    if len(groups) < 2:
        return best
    s = next(s for s in ctx.own if find_group_sizes(s))
    return Count(sum(groups), "enrolled", RANK_GROUPS, s, "n_sum_of_group_sizes")


_N_OF_1_TAKEN_RE = cue_re(r"\b(?:each )?(?:completed|undertook|underwent) an? (?:[\w-]+ ){0,3}?n-of-1 trial\b", re.I)
_ONE_PERSON_N_OF_1_RE = cue_re(
    r"\bn-of-1 trial (?:\w+ ){0,3}?in an? (?:\d{1,3}-year-old |young |elderly |older )?(?:wom[ae]n|m[ae]n|patient|"
    r"girl|boy|adult)\b|^\W*An? \d{1,3}-year-old (?:wom[ae]n|m[ae]n|girl|boy|patient)\b", re.I)
# (not "each of 612 cases ... was matched ... to 4 controls": a ratio, read only when the controls
# outnumber the cases)
_MATCHED_TO_CONTROLS_RE = cue_re(
    rf"(?<![\w.,/-])(?P<a>{extract_numbers.DIGITS_PATTERN})\s+(?:[\w-]+\s+){{0,6}}?(?:were |was )?matched\b"
    rf"[^.;]{{0,60}}?\bto\s+(?P<b>{extract_numbers.DIGITS_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?controls\b", re.I)
_ENTERED_EXTENSION_RE = cue_re(
    rf"\b(?P<num>{extract_numbers.NUMBER_PATTERN})(?!\s+(?:weeks?|months?|days?|years?)\b)\s+(?:[\w-]+\s+){{0,2}}?(?:entered|joined|enrolled in|"
    r"continued (?:in|into)|took part in) (?:the|this|an?) (?:[\w-]+ ){0,3}?extension\b", re.I)
_PANEL_TITLE_RE = re.compile(r"\bdelphi\b|\bconsensus (?:statement|recommendations?|"
                             r"guidelines?|document)\b", re.I)


def extract_counts(ctx: _Context, design: str, counts: list[Count], best: Count | None
                   ) -> tuple[Found | None, Found | None]:
    """(n_enrolled, n_analyzed)."""
    if design in NO_DATA_DESIGNS:
        return None, None
    title = _title_sentence(ctx)
    if design == "other" and title is not None and _PANEL_TITLE_RE.search(title.text) and \
            "core outcome" not in ctx.low[title.index]:
        # "...: a modified Delphi consensus statement": the panel's experts are not participants
        # (eight labelled such records give no count; core outcome sets, which do, are not matched)
        return None, None
    if design in REVIEW_DESIGNS and best is not None and best.rule == "n_denominator" and \
            "case" in best.sentence.text.lower():
        best = None  # "two case reports" among a review's included studies are not participants
    if design == "case_control":
        pairs = [c for c in counts if c.rule in SUM_RULE_NAMES and "case" in c.sentence.text.lower()]
        if pairs:  # "We identified 498 cases and 1714 matched controls"
            first = min(c.sentence.index for c in pairs)
            best = max((c for c in pairs if c.sentence.index == first), key=lambda c: c.value)
        else:
            for s in ctx.own:
                m = _MATCHED_TO_CONTROLS_RE.search(s.text) if "control" in ctx.low[s.index] else None
                n_cases = extract_numbers.parse_int(m.group("a")) if m else None
                n_controls = extract_numbers.parse_int(m.group("b")) if m else None
                if n_cases and n_controls and n_controls >= n_cases:
                    # "From a cohort of 187 455 adults, 3 512 people with a first AKI were matched ... to
                    # 35 120 controls": the cases and their controls, not the source cohort
                    best = Count(n_cases + n_controls, "enrolled", RANK_ENROLLED, s, "n_cases_matched_to_controls")
                    break
    if design == "single_arm_trial" and _extension_title(ctx) is not None:
        # "Of 58 randomised participants, 51 completed the double-blind phase and 44 entered the
        # extension": an extension enrols those who entered it, not the parent trial's sample
        for s in ctx.own:
            if s.section != TITLE and "extension" in ctx.low[s.index] and \
                    (m := _ENTERED_EXTENSION_RE.search(s.text)) and (value := extract_numbers.parse_int(m.group("num"))):
                best = Count(value, "enrolled", RANK_ENROLLED, s, "n_entered_extension")
                break
    enrolled: Found | None = None
    if best is not None:
        enrolled = Found(best.value, best.sentence.text, best.rule)
    elif design in ("case_report", "case_series") and not ctx.has_abstract and \
            (people := _title_people(ctx)) is not None:
        title = _title_sentence(ctx)
        enrolled = Found(people, title.text if title else None, "n_title_people")
    elif (title := _title_sentence(ctx)) is not None and (tn := _TITLE_N_RE.search(title.text)):
        # "...: a randomized, placebo-controlled pilot trial (n = 40)"
        enrolled = Found(int(tn.group("num")), title.text, "n_title_n_equals")
    elif design == "case_report":
        case = _first(ctx, cue.CASE_REPORT_RE, negatable=False)
        enrolled = Found(1, case.text if case else None, "n_one_for_case_report")
    analyzed_counts = [c for c in counts if c.kind == "analyzed"]
    if enrolled is None and design in TRIALS and "n-of-1" in ctx.doc_low:
        # "Twelve adults ... each completed a double-blind n-of-1 trial": the series' sample; "A
        # 58-year-old woman ... undertook an n-of-1 trial": one patient
        done = next((c for c in analyzed_counts if _N_OF_1_TAKEN_RE.search(c.sentence.text)), None)
        one = next((x for x in ctx.own if _ONE_PERSON_N_OF_1_RE.search(x.text)), None)
        if done is not None:
            enrolled = Found(done.value, done.sentence.text, "n_n_of_1_series")
        elif one is not None:
            enrolled = Found(1, one.text, "n_one_patient_n_of_1")
    if enrolled is None and analyzed_counts and design in OBSERVATIONAL - {"case_report"}:
        # "The analysis included 240 patients (120 per group)": a records study's analysed
        # sample is its population (nobody was enrolled)
        a = min(analyzed_counts, key=lambda c: (c.sentence.index, c.rank))
        enrolled = Found(a.value, a.sentence.text, "n_observational_analysed_sample")
    analyzed = None
    if analyzed_counts:
        a = min(analyzed_counts, key=lambda c: (c.sentence.index, c.rank))
        if enrolled is None or a.value <= enrolled.value:
            analyzed = Found(a.value, a.sentence.text, a.rule)
    return enrolled, analyzed


# --- doses ----------------------------------------------------------------------------------------


def _naltrexone_alias_re(ctx: _Context) -> re.Pattern[str]:
    extra: set[str] = set()
    if not ctx.possible(cue.NALTREXONE_ALIAS_DEF_RE):
        return cue.NALTREXONE_RE
    for s in ctx.sentences:
        # Either branch of the pattern needs a bracket or a comma.
        if ("(" not in s.text and "," not in s.text) or not ctx.hit(cue.NALTREXONE_ALIAS_DEF_RE, s):
            continue
        for m in cue.NALTREXONE_ALIAS_DEF_RE.finditer(s.text):
            alias = m.group("abbr") or m.group("prod")
            if alias and not cue.OTHER_DRUG_RE.fullmatch(alias):
                extra.add(alias)
    if not extra:
        return cue.NALTREXONE_RE
    alt = "|".join(re.escape(a) for a in sorted(extra, key=len, reverse=True))
    return cue_re(rf"{cue.NALTREXONE_RE.pattern}|\b(?:{alt})(?![\w-])", re.I)


def _dose_owner(text: str, dose: Dose, ntx: re.Pattern[str]) -> str | None:
    """'naltrexone', 'other' or None (no drug named near the dose)."""
    lead_in = cue.DRUG_RIGHT_BEFORE_DOSE_RE.search(text, max(0, dose.start - 40), dose.start)
    if lead_in and not ntx.fullmatch(lead_in.group("drug")):
        return "other"  # "cisplatin (4 mg/kg ...", "transdermal nicotine (21 mg/day)"
    after = text[dose.end:dose.end + DRUG_AFTER_DOSE_MAX_CHARS + 20]
    lead = cue.DRUG_AFTER_DOSE_RE.match(after)
    rest = after[lead.end():] if lead else after
    if lead and lead.end() <= DRUG_AFTER_DOSE_MAX_CHARS:
        if ntx.match(rest):
            return "naltrexone"
        if cue.OTHER_DRUG_RE.match(rest):
            return "other"
    window_start = max(0, dose.start - DRUG_BEFORE_DOSE_MAX_CHARS)
    window = text[window_start:dose.start]
    last_ntx = max((m.end() for m in ntx.finditer(window)), default=-1)
    last_other = max((m.end() for m in cue.OTHER_DRUG_RE.finditer(window)), default=-1)
    if last_ntx < 0 and last_other < 0:
        return None
    return "naltrexone" if last_ntx > last_other else "other"


@dataclass(slots=True)
class _DoseHits:
    explicit: list[tuple[Dose, Sentence]] = field(default_factory=list)
    context: list[tuple[Dose, Sentence]] = field(default_factory=list)


# Naltrexone-bupropion given as one product with its doses as a pair, "(8 mg/90 mg)", "naltrexone
# 8 mg/bupropion 90 mg", "16 mg/180 mg twice daily", "32/360 mg": the naltrexone part is named first.
_NB_PRODUCT_RE = cue_re(
    r"\bnaltrexone(?:\s+(?:SR|ER|XR|PR))?(?:\s*[-/\u2013+]\s*|\s+(?:plus|and|with)\s+)bupropion"
    r"(?:\s+(?:SR|ER|XR|PR))?\b", re.I)
_BN_PRODUCT_RE = cue_re(
    r"\bbupropion(?:\s+(?:SR|ER|XR|PR))?(?:\s*[-/\u2013+]\s*|\s+(?:plus|and|with)\s+)naltrexone"
    r"(?:\s+(?:SR|ER|XR|PR))?\b", re.I)
_NB_PAIR_RE = re.compile(
    r"\b(?P<first>\d+(?:\.\d+)?)(?P<unit1>\s*mg)?\s*/\s*(?:(?:bupropion|naltrexone)(?:\s+(?:SR|ER|XR|PR))?\s+)?"
    r"(?P<second_num>\d+(?:\.\d+)?)(?P<unit2>\s*mg\b)", re.I)


def _naltrexone_part_of_pairs(text: str) -> str:
    """The sentence with each naltrexone-bupropion dose pair cut to its naltrexone dose and the
    product's bupropion name cut ("naltrexone-bupropion (8 mg/90 mg) ... 16 mg/180 mg twice daily"
    -> "naltrexone (8 mg) ... 16 mg twice daily"), for reading naltrexone doses only. The
    naltrexone dose is the one in the product name's naltrexone place ("bupropion/naltrexone 360/32
    mg" -> 32)."""
    product = _NB_PRODUCT_RE.search(text)
    reverse = _BN_PRODUCT_RE.search(text)
    bupropion_first = reverse is not None and (product is None or reverse.start() < product.start())

    def one(m: re.Match[str]) -> str:
        unit = m.group("unit1") or m.group("unit2")
        named = m.group(0).lower()
        if "naltrexone" in named:  # "bupropion 90 mg/naltrexone 8 mg"
            return f"naltrexone {m.group('second_num')}{unit}"
        second = "bupropion" not in named and bupropion_first
        return f"{m.group('second_num') if second else m.group('first')}{unit}"

    text = _NB_PAIR_RE.sub(one, text)
    name_re = _BN_PRODUCT_RE if bupropion_first else _NB_PRODUCT_RE
    return name_re.sub("naltrexone", text)


# A dose per unit taken, not per day: "1 microg of naltrexone per dose", "1 microgram per capsule",
# "each Oxytrex dose contained 1 microgram of naltrexone"
_PER_UNIT_AFTER_RE = cue_re(
    r"\s*(?:of (?:naltrexone|NTX)\s+)?(?:per|in each|each|a)\s+(?:dose|tablet|capsule|pill|administration)\b", re.I)
_PER_UNIT_BEFORE_RE = cue_re(
    r"\b(?:each|every)\s+(?:[\w-]+\s+){0,2}?(?:dose|tablet|capsule|pill)\s+(?:contained|contains|included|"
    r"includes|delivered|delivers|had|has)\s+(?:an? |only )?$", re.I)
# The strength LDN is compounded from, not a dose anyone took: "prepared from 50 mg tablets",
# "commercially available 50 mg naltrexone tablets were reformulated into 4.5 mg capsules"
_SOURCE_STRENGTH_BEFORE_RE = cue_re(
    r"\b(?:prepared|compounded|made|derived|obtained|reformulated|diluted|dissolved) from (?:the )?"
    r"(?:commercially available |commercial |standard |marketed |crushed |split )?(?:naltrexone )?$", re.I)
_SOURCE_STRENGTH_AFTER_RE = cue_re(
    r"\s*(?:naltrexone\s+)?(?:hydrochloride\s+|HCl\s+)?tablets?\s+(?:(?:were|was|are|is)\s+)?(?:\w+\s+)?"
    r"(?:reformulated|ground|crushed|compounded|dissolved|split|triturated|diluted|pulveri[sz]ed|"
    r"dispersed|suspended|used to (?:prepare|make|compound))\b", re.I)


def _source_strength(text: str, dose: Dose) -> bool:
    return bool(_SOURCE_STRENGTH_AFTER_RE.match(text, dose.end)) or bool(
        _SOURCE_STRENGTH_BEFORE_RE.search(text, max(0, dose.start - 50), dose.start))


def _per_unit(text: str, dose: Dose) -> bool:
    """A dose per unit taken whose schedule find_doses has not already counted ("1 microgram per
    dose twice daily" is made daily there)."""
    after = text[dose.end:dose.end + 40]
    if any(pattern.search(after) for pattern, _ in extract_numbers.DOSES_PER_DAY):
        return False
    return bool(_PER_UNIT_AFTER_RE.match(text, dose.end)) or bool(
        _PER_UNIT_BEFORE_RE.search(text, max(0, dose.start - 60), dose.start))


def _daily_from_per_unit(ctx: _Context, text: str, dose: Dose) -> Dose:
    """A dose per tablet or per dose, made daily by how often the record says it is taken: the
    sentence's own schedule first ("1 microgram per capsule, one capsule twice daily"), else the
    arms' schedules named anywhere ("Oxytrex four times daily or Oxytrex twice daily" with "each
    Oxytrex dose contained 1 microgram": 2-4 micrograms a day). Unchanged when none is named."""
    for scope in ([text], [s.text for s in ctx.own]):
        times = sorted({per_day for pattern, per_day in extract_numbers.TIMES_A_DAY if any(pattern.search(t) for t in scope)})
        if times:
            return replace(dose, low=dose.low * times[0], high=dose.high * times[-1])
    return dose


def _collect_doses(ctx: _Context, ntx: re.Pattern[str]) -> _DoseHits:
    hits = _DoseHits()
    product = any(ctx.possible(p) and any(ctx.hit(p, s) for s in ctx.sentences)
                  for p in (_NB_PRODUCT_RE, _BN_PRODUCT_RE))
    for s in ctx.own:
        if "g" not in s.text or not (_DIGIT_RE.search(s.text) or "gram" in s.text):
            continue
        if s.section == OBJECTIVE and not ctx.hit(cue.OWN_CUE_RE, s):
            continue
        text = _naltrexone_part_of_pairs(s.text) if product and "/" in s.text else s.text
        previous: Dose | None = None  # the sentence's last naltrexone dose
        for dose in find_doses(text):
            if "ablet" in text and _source_strength(text, dose):
                continue
            owner = _dose_owner(text, dose, ntx)
            if owner is None and previous is not None and not cue.OTHER_DRUG_RE.search(
                    text, previous.end, dose.start):
                # "starting with 1 mg in the evening and increasing weekly by 1 mg to 4.5 mg":
                # the sentence goes on about the drug its earlier dose belonged to
                owner = "naltrexone"
            previous = dose if owner == "naltrexone" else previous
            if owner == "naltrexone":
                if not dose.per_kg and _per_unit(text, dose):
                    dose = _daily_from_per_unit(ctx, text, dose)
                hits.explicit.append((dose, s))
            elif owner is None and s.section != TITLE:
                hits.context.append((dose, s))
    return hits


# A compounded liquid: its strength ("an oral solution of 1 mg/mL", "a 0.5 mg/mL suspension") and
# the volumes taken ("2 mL at bedtime", "take 3 mL of the solution"); not a container ("100-mL
# amber bottles") nor a rate ("5 mL/h").
_LIQUID_STRENGTH_RE = cue_re(r"(?<![\w.])(?P<c>\d+(?:\.\d+)?)\s*mg\s*/\s*m[lL]\b")
_LIQUID_WORD_RE = cue_re(r"\b(?:solution|suspension|liquid|syrup|elixir|drops)\b", re.I)
_VOLUME_RE = cue_re(r"(?<![\w./])(?P<v>\d+(?:\.\d+)?)(?:\s+|\s*(?=m))m[lL]\b(?!\s*/)"
                    r"(?!\s+(?:\w+\s+)?(?:amber\s+)?(?:bottles?|vials?|syringes?|containers?|flasks?)\b)")


def _liquid_doses(ctx: _Context, ntx: re.Pattern[str]) -> list[tuple[Dose, Sentence]]:
    """Daily doses of a compounded naltrexone liquid, as its strength times the volumes taken, when
    the record gives no dose in mg: "a compounded oral solution of 1 mg/mL, 2 mL at bedtime for one
    month and then 4 mL" is 2 to 4 mg. One strength only, stated beside naltrexone; several would
    leave the volumes unowned. A volume in a sentence about another drug only is not naltrexone's."""
    strengths = {m.group("c") for s in ctx.own if ("mL" in s.text or "ml" in s.text) and ntx.search(s.text)
                 for m in _LIQUID_STRENGTH_RE.finditer(s.text) if _LIQUID_WORD_RE.search(s.text)}
    if len(strengths) != 1:
        return []
    strength = float(strengths.pop())
    out: list[tuple[Dose, Sentence]] = []
    for s in ctx.own:
        if s.section in (TITLE, OBJECTIVE) or ("mL" not in s.text and "ml" not in s.text):
            continue
        if cue.OTHER_DRUG_RE.search(s.text) and not ntx.search(s.text):
            continue  # "lidocaine 2% (5 mL) was infiltrated"
        for m in _VOLUME_RE.finditer(s.text):
            mg = strength * float(m.group("v"))
            if mg > 0:
                out.append((Dose(mg, mg, False, False, m.start(), m.end()), s))
    return out


def _within_ratio(dose: Dose, anchors: list[Dose]) -> bool:
    if not anchors:
        return True
    lo = min(d.low for d in anchors)
    hi = max(d.high for d in anchors)
    return dose.low >= lo / CONTEXT_DOSE_MAX_RATIO and dose.high <= hi * CONTEXT_DOSE_MAX_RATIO


def extract_doses(ctx: _Context, design: str, studies_naltrexone: bool, ntx: re.Pattern[str]
                  ) -> tuple[list[Found], list[Found]]:
    """(daily mg [min, max] founds, mg/kg [min, max] founds) for naltrexone."""
    if not studies_naltrexone or design in REVIEW_DESIGNS or design in ("commentary",):
        return [], []
    hits = _collect_doses(ctx, ntx)
    if not hits.explicit and not hits.context:
        hits.explicit = _liquid_doses(ctx, ntx)
    explicit = [(d, s) for d, s in hits.explicit]
    anchors = [d for d, _ in explicit if not d.per_kg]
    chosen = list(explicit)
    for d, s in hits.context:
        if (d.per_kg and not anchors) or (not d.per_kg and _within_ratio(d, anchors)):
            chosen.append((d, s))
    return _dose_range(chosen, per_kg=False), _dose_range(chosen, per_kg=True)


def _dose_range(chosen: list[tuple[Dose, Sentence]], *, per_kg: bool) -> list[Found]:
    items = [(d, s) for d, s in chosen if d.per_kg == per_kg]
    if not items:
        return []
    bounded = [(d, s) for d, s in items if not d.upper_bound_only]
    if not bounded:
        d, s = max(items, key=lambda x: x[0].high)
        return [Found(None, None, ""), Found(d.high, s.text, "dose_upper_bound")]
    lo_d, lo_s = min(bounded, key=lambda x: x[0].low)
    # "titrated from 1.5 mg to a maximum of 4.5 mg": a bound above the stated doses is the top
    hi_d, hi_s = max(items, key=lambda x: x[0].high)
    return [Found(_round_dose(lo_d.low), lo_s.text, "dose_naltrexone_min"),
            Found(_round_dose(hi_d.high), hi_s.text, "dose_naltrexone_max")]


def _round_dose(mg: float) -> float:
    """Six significant digits: 0.04 ng stays 4e-08 mg, 4.5 stays 4.5 (no float noise)."""
    return float(f"{mg:.6g}")


# --- duration -------------------------------------------------------------------------------------


# Designs with no treatment period of their own: a case-control or cross-sectional study's
# durations are exposures or eligibility ("PPI use for more than 4 years"); none of the 41 such
# records of the labelled sets gives one.
_NO_TREATMENT_TIME = frozenset({"commentary", "in_vitro", "case_control", "cross_sectional", "other"})


# A title naming a one-off procedure ("Decompression with or without Fusion ...", "A Single
# Intra-Articular Injection of ...", "Surgery versus Conservative Care ..."): the treatment has no
# length, so "over 2 years" and "during 18 months" are follow-up. Not a procedure the patients had
# before or will have ("post-mastectomy pain", "opioid use after spine surgery", "failed back
# surgery syndrome", "awaiting surgery"): see _BEFORE_PROCEDURE_RE.
_ONE_OFF_PROCEDURE_RE = cue_re(
    r"(?<!post-)(?<!non-)"
    r"\b(?:surgery|surgical|operative|intraoperative|arthroscop\w*|decompression|fusion|laminectomy|"
    r"discectomy|diskectomy|meniscectomy|arthroplasty|joint replacement|"
    r"single[- ](?:[\w-]+\s+){0,4}?(?:injections?|infusions?|doses?|sessions?|blocks?|applications?|"
    r"procedures?|treatments?)|nerve blocks?|radiofrequency (?:ablation|denervation|neurotomy))\b", re.I)


_BEFORE_PROCEDURE_RE = cue_re(
    r"\b(?:after|post|following|failed(?:[- ]back)?|before|awaiting|prior|previous|history of|for)"
    r"(?: [\w-]+){0,2}\s*$", re.I)


def _one_off_procedure(ctx: _Context) -> bool:
    title = _title_sentence(ctx)
    m = ctx.hit(_ONE_OFF_PROCEDURE_RE, title) if title is not None else None
    return m is not None and not _BEFORE_PROCEDURE_RE.search(title.text[max(0, m.start() - 40):m.start()]) \
        if title is not None else False


_EXTENSION_LENGTH_RE = re.compile(
    r"\b(?P<num>\d{1,3})[- ](?P<unit>week|month|year)s?\b,?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:extension|(?:treatment |follow-up )?phase)\b", re.I)
_EXTENSION_IN_TEXT_RE = re.compile(
    r"\b(?P<num>\d{1,3})[- ](?P<unit>week|month|year)s?\b,?\s+(?:[\w-]+\s+){0,1}?open[- ]label extension\b", re.I)
_WEEKS_PER_UNIT = {"week": 1.0, "month": 4.345, "year": 52.14}
_DISPENSING_RE = re.compile(r"\b(?:supply|supplies|dispens\w*|prescriptions? fill\w*|refills?|filled|"
                            r"pharmacy claims)\b")


# A case presented by age ("a 61-year-old man", "six patients aged 54 to 78 years"), and what starts
# the treatment the record reports.
_PRESENTATION_AGE_RE = re.compile(r"\b\d{1,3}[- ]year[- ]old\b|\baged \d{1,3}\b", re.I)
_STARTED_BEFORE_RE = re.compile(
    r"\b(?:naltrexone|ldn|started|starting|began|begun|initiated|commenced|was given|were given|"
    r"received|took|taking)\b", re.I)


def extract_duration(ctx: _Context, design: str) -> Found | None:
    if design in REVIEW_DESIGNS or design in _NO_TREATMENT_TIME:
        return None
    title = _title_sentence(ctx)
    one_off = _one_off_procedure(ctx)
    found: list[tuple[Duration, Sentence]] = []
    cases = design in ("case_report", "case_series")
    for s in ctx.own:
        if s.section == TITLE:
            continue
        for d in find_durations(s.text, ctx.low[s.index], ctx.number_words(s),
                                number=ctx.has_number(s)):
            if one_off and d.span:
                continue
            if cases and _PRESENTATION_AGE_RE.search(s.text) and not _STARTED_BEFORE_RE.search(s.text, 0, d.start):
                # "a 61-year-old man with low back pain radiating to the leg for nine years", "treated
                # for 4 years with buprenorphine": the case's history, told before this treatment starts
                continue
            found.append((d, s))
    if title and (not found or min(d.strength for d, _ in found) > DURATION_STRONG):
        # "...: A 12-Month Randomised Trial" outranks time points read in the abstract
        in_title = [(d, title) for d in find_durations(title.text, ctx.low[title.index],
                                                       ctx.number_words(title),
                                                       number=ctx.has_number(title))
                    # (not "...: a 10-year single-centre retrospective review": the records' window)
                    if not _STUDY_WINDOW_AFTER_RE.match(title.text, d.start)]
        if in_title and (not found or min(d.strength for d, _ in in_title) == DURATION_STRONG):
            found = in_title
    if design == "single_arm_trial" and (ext := _extension_title(ctx)) is not None:
        # "a 52-week open-label extension study", "5-year results of the open-label treatment
        # phase": the extension's own length, not the parent trials' (named in the abstract)
        cue_m = cue.EXTENSION_TITLE_RE.search(ext.text)
        m = _EXTENSION_LENGTH_RE.search(ext.text, 0, cue_m.end()) if cue_m else None
        if m and cue_m and m.end() > cue_m.start():  # the extension's own length, before its name
            weeks = float(m.group("num")) * _WEEKS_PER_UNIT[m.group("unit").lower()]
            return Found(round(weeks, 2), ext.text, "duration_extension_title")
        for s in ctx.own:
            # "were offered a 36-week open-label extension ..., giving a total study duration of
            # 52 weeks": the extension's own length, named in the abstract
            if s.section != TITLE and "extension" in ctx.low[s.index]:
                m = _EXTENSION_IN_TEXT_RE.search(s.text)
                if m:
                    weeks = float(m.group("num")) * _WEEKS_PER_UNIT[m.group("unit").lower()]
                    return Found(round(weeks, 2), s.text, "duration_extension_text")
    if not found:
        # (a cohort's stated "median duration of LDN use was 5.2 months" is its time on treatment;
        # case-control and cross-sectional designs measure no course)
        return _stated_treatment_time(ctx, naltrexone_only=design == "cohort") \
            if design not in DESCRIPTIVE_DESIGNS - {"cohort"} else None
    if design in OBSERVATIONAL and any(d.span for d, _ in found):
        # "LDN was safe over 3 years" in "a prospective cohort over 3 years of follow-up" (in a
        # trial the follow-up is often the treatment period itself)
        follow = [w for s in ctx.own if "follow" in ctx.low[s.index]
                  for w in extract_numbers.follow_up_weeks(s.text)]
        if follow:
            found = [(d, s) for d, s in found if not (d.span and any(abs(d.weeks - w) < 0.5 for w in follow))]
    strong = [(d, s) for d, s in found if d.strength == DURATION_STRONG]
    if not strong and design not in DESCRIPTIVE_DESIGNS - {"cohort"} and (
            told := _stated_treatment_time(ctx, naltrexone_only=design == "cohort")):
        # "Median treatment duration was 5 months (range 2-14)": a series' (or a trial's) time on
        # treatment, stated once (a cohort's only when it is naltrexone's, see _stated_treatment_time;
        # case-control and cross-sectional designs are left alone: their exposure is defined elsewhere)
        return told
    if not strong:
        # Only time points ("at 12 months", "followed up at two years"): on the labelled sets they
        # named the treatment length in 4 of 17 records, so no duration is given.
        return None
    if design in ("cohort", "case_control", "cross_sectional"):
        # "initiators (at least 90 days of continuous supply)": a minimum read from dispensing
        # records defines a cohort's exposure; it is not how long anyone was treated
        strong = [(d, s) for d, s in strong
                  if not (d.minimum and _DISPENSING_RE.search(ctx.low[s.index]))]
        if not strong:
            return None
    stated = [(d, s) for d, s in strong if not d.minimum]
    if not stated:
        # "knee pain (NRS >= 5) for at least 3 months", "remission (DAS28 < 2.6 for at least 6
        # months)": how long the condition has lasted, an inclusion criterion, not a treatment time
        strong = [(d, s) for d, s in strong if not _CONDITION_MINIMUM_BEFORE_RE.search(s.text, max(0, d.start - 70), d.start)]
        if not strong:
            return None
    blinded = [(d, s) for d, s in stated if d.blinded]
    if blinded and any(d.lead_in for d, _ in stated):
        # "After a 9-week single-blind phase ..., randomized ... for a 5-week double-blind phase":
        # the randomised, blinded phase is the studied one (a randomised-withdrawal trial)
        stated = blinded
    if design == "rct_crossover":
        # "Each treatment period lasted 6 weeks ..., so that the whole trial lasted 14 weeks": a
        # crossover's treatment time is one period's
        # (not n-of-1 series, whose labels give the total: "three pairs of 4-week treatment periods,
        # ... so each trial lasted 24 weeks in total")
        periods = [(d, s) for d, s in stated or strong
                   if _PERIOD_LENGTH_RE.search(s.text, max(0, d.start - 40), d.start + 40)
                   and not _N_OF_1_TOTAL_RE.search(s.text)]
        if periods:
            best_d, best_s = max(periods, key=lambda x: x[0].weeks)
            return Found(round(best_d.weeks, 2), best_s.text, "duration_crossover_period")
        if "n-of-1" not in ctx.doc_low:
            # "a crossover study lasting 22 weeks in total" beside "12 weeks of LDN and 4 weeks of
            # placebo": the whole schedule is not a period
            own_length = [(d, s) for d, s in stated if not _IN_TOTAL_AFTER_RE.match(s.text, d.start)]
            if own_length and len(own_length) < len(stated):
                stated = own_length
    best_d, best_s = max(stated or strong, key=lambda x: x[0].weeks)
    return Found(round(best_d.weeks, 2), best_s.text, "duration_treatment_time")


# "median treatment duration was five months", "the mean duration of treatment was 20 months",
# "median time on treatment was 6 months", "for a mean treatment duration of 20.3 months"
_STATED_TREATMENT_TIME_RE = cue_re(
    r"\b(?:median|mean|average) (?:treatment (?:time|duration)|duration of (?:(?:LDN|naltrexone|study|the study|"
    r"trial) )?(?:treatment|therapy|use)|"
    rf"time on (?:(?:LDN|naltrexone|study) )?treatment) (?:was|of) (?:about |approximately )?(?P<num>\d+(?:\.\d+)?|{NUMBER_WORDS_PATTERN})"
    r"(?:\s*(?:\+/-|\u00b1)\s*\d+(?:\.\d+)?)?\s+(?P<unit>weeks?|months?|years?|days?)\b", re.I)


# "were treated with LDN for a median of 5 months (range 2-18)", "had used LDN for a mean of 9 months"
_TREATED_FOR_A_MEDIAN_RE = cue_re(
    r"\b(?:treated|took|taken|used|received|receiving|taking|continued|stayed on|remained on)"
    r"(?: (?:with )?(?:(?:low-dose )?naltrexone|LDN|the drug|the medication|treatment|therapy|it))? for a "
    rf"(?:median|mean|average) (?:duration )?of (?:about |approximately )?(?P<num>\d+(?:\.\d+)?|{NUMBER_WORDS_PATTERN})"
    r"(?:\s*(?:\+/-|\u00b1)\s*\d+(?:\.\d+)?)?\s+(?P<unit>weeks?|months?|years?|days?)\b", re.I)


def _stated_treatment_time(ctx: _Context, naltrexone_only: bool = False) -> Found | None:
    """A stated median or mean time on treatment; with ``naltrexone_only`` (a cohort, which may
    compare other drugs' users: "62 days for gabapentinoids") one stated of naltrexone, or of the
    treatment of a cohort whose title names naltrexone."""
    title = _title_sentence(ctx)
    for s in ctx.own:
        if s.section == TITLE or not ("median" in ctx.low[s.index] or "mean" in ctx.low[s.index]
                                      or "average" in ctx.low[s.index]):
            continue
        if naltrexone_only and not ctx.hit(cue.NALTREXONE_RE, s) and (
                ctx.hit(cue.OTHER_DRUG_RE, s) or title is None or not ctx.hit(cue.NALTREXONE_RE, title)):
            continue
        m = _STATED_TREATMENT_TIME_RE.search(s.text) or _TREATED_FOR_A_MEDIAN_RE.search(s.text)
        value = parse_number(m.group("num")) if m else None
        if m and value:
            unit = m.group("unit").lower().rstrip("s")
            weeks = value / 7 if unit == "day" else value * _WEEKS_PER_UNIT[unit]
            return Found(round(weeks, 2), s.text, "duration_stated_median_or_mean")
    return None


# A condition right before a minimum duration, with no treatment word between them
_CONDITION_MINIMUM_BEFORE_RE = cue_re(
    r"\b(?:pain|symptoms?|remission|osteoarthritis|neuropathy|fibromyalgia|disease activity|DAS28[\w-]*|"
    r"NRS|VAS)\b(?:(?!\b(?:naltrexone|LDN|took|taken|taking|received|receiving|treated|treatment|therapy|"
    r"continued|added|prescribed|dose|mg)\b)[^.;])*$", re.I)
_STUDY_WINDOW_AFTER_RE = cue_re(
    r"[\w-]*(?:\s+[\w-]+){0,3}?\s+(?:retrospective|review|experience|audit|registry|cohort|chart|survey)\b", re.I)
_IN_TOTAL_AFTER_RE = cue_re(r"[^.;,]{0,25}?\b(?:in total|overall|altogether)\b", re.I)
_N_OF_1_TOTAL_RE = re.compile(r"\b(?:pairs|cycles|in total)\b", re.I)
# A crossover period's own length: "each treatment period lasted 6 weeks", "two 6-week treatment periods"
_PERIOD_LENGTH_RE = re.compile(
    r"\beach (?:treatment |study |active )?(?:period|phase)s? (?:lasted|was|of)\b|"
    r"\b(?:weeks?|months?|days?)[- ](?:treatment |study |double-blind )?periods?\b|"
    r"\b(?:weeks?|months?)(?: each)?,? (?:followed by|then|separated by) (?:an? )?[\w-]+[- ]?(?:weeks?|days?)? ?"
    r"wash-?out\b", re.I)


# --- conditions, population, LDN ------------------------------------------------------------------


_EXCLUSION_RE = re.compile(r"\b(?:were|was) excluded\b|\bexclusion criteria\b|\bexcluded (?:if|were|patients|those)\b|"
                           r"\bwe excluded\b", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[;:]|\.\s")


def _without_exclusions(text: str) -> str:
    """The sentence without its clauses about excluded people (the same object when it has none)."""
    if "xclu" not in text:
        return text
    parts = _CLAUSE_BREAK_RE.split(text)
    kept = [p for p in parts if not _EXCLUSION_RE.search(p)]
    return text if len(kept) == len(parts) else " ; ".join(kept)


def extract_conditions(ctx: _Context, article: Article) -> list[Found]:
    """Condition ids named in the title, in sentences about the people studied, or in MeSH."""
    found: dict[str, Found] = {}
    doc = ctx.doc_bits
    candidates = [x for x in _CONDITION_GATES if x[2] is None or doc & x[2]]

    def scan(s: Sentence, rule: str) -> None:
        bits = ctx.bits[s.index]
        for cid, pattern, gate in candidates:
            if (gate is None or bits & gate) and cid not in found and ctx.hit(pattern, s):
                found[cid] = Found(cid, s.text, rule)

    def _could_add(s: Sentence) -> bool:
        bits = ctx.bits[s.index]
        return any(gate is None or (bits & gate and cid not in found)
                   for cid, _, gate in candidates)

    title = _title_sentence(ctx)
    if title:
        scan(title, "condition_title")
    # A sentence where no remaining candidate's gate is present cannot add a condition: skip the
    # (costly) population cue there.
    for s in ctx.own:
        if s.section != TITLE and _could_add(s) and ctx.hit(POPULATION_CUE_RE, s):
            kept = _without_exclusions(s.text)
            if kept is s.text:
                scan(s, "condition_population_sentence")
                continue
            # the people left out are not the population: "...; patients who had attempted smoking
            # cessation were excluded"
            for cid, pattern, _ in candidates:
                if cid not in found and pattern.search(kept):
                    found[cid] = Found(cid, s.text, "condition_population_sentence")
    for term in article.mesh_terms:
        for cid in _mesh_conditions(term):
            if cid not in found:
                found[cid] = Found(cid, None, "condition_mesh")
    if not found and candidates:
        for s in ctx.own:
            scan(s, "condition_any_sentence")
    _drop_generic(found)
    return list(found.values())


_MESH_CACHE_MAX = 50_000
_mesh_cache: dict[str, tuple[str, ...]] = {}


def _mesh_conditions(term: str) -> tuple[str, ...]:
    """Condition ids whose pattern matches a MeSH term, in CONDITION_RES order. Memoised: the
    same few thousand headings recur in every file."""
    got = _mesh_cache.get(term)
    if got is None:
        if len(_mesh_cache) >= _MESH_CACHE_MAX:
            _mesh_cache.clear()
        got = _mesh_cache[term] = tuple(cid for cid, p in CONDITION_RES if p.search(term))
    return got


def _drop_generic(found: dict[str, Found]) -> None:
    """Keep 'neuropathic_pain' only when no specific neuropathic kind was found, and likewise
    'chronic_pain' when a specific pain condition is present in the same sentence."""
    specific_np = {"diabetic_neuropathy", "crps", "chemotherapy_induced_neuropathy",
                   "trigeminal_neuralgia", "postherpetic_neuralgia", "small_fiber_neuropathy"}
    np = found.get("neuropathic_pain")
    if np and any(k in found and found[k].sentence == np.sentence for k in specific_np):
        del found["neuropathic_pain"]
    if "psoriatic_arthritis" in found and "skin_disease" in found and found["skin_disease"].sentence \
            == found["psoriatic_arthritis"].sentence and "psoria" not in (
                found["skin_disease"].sentence or "").lower().replace("psoriatic", ""):
        del found["skin_disease"]


_AXIAL_ARTHRITIS = frozenset({"ankylosing_spondylitis", "inflammatory_arthritis"})
_COMORBID_BEFORE_RE = re.compile(
    r"\b(?:with|and)\s+(?:comorbid|co-morbid|concomitant|coexisting|co-existing|co-occurring|"
    r"concurrent|coexistent|accompanying)\s+(?:[\w'-]+\s+){0,2}$", re.I)
_CONDITION_BY_ID = dict(CONDITION_RES)


def _is_comorbid_in_title(c: Found) -> bool:
    """The title names the condition as the population's other illness ("... with comorbid
    fibromyalgia")."""
    pattern = _CONDITION_BY_ID.get(c.value)
    title = c.sentence or ""
    m = pattern.search(title) if pattern is not None else None
    return m is not None and bool(_COMORBID_BEFORE_RE.search(title, max(0, m.start() - 60), m.start()))


def primary_conditions(conditions: list[Found]) -> list[Found]:
    """The conditions a record's population mainly has, for matching it to a claim.

    A specific condition the title names ("... in fibromyalgia"); else, when the abstract names
    one pain condition group only, that group's conditions; else the title's generic "chronic
    pain"; else, for a mixed population (fibromyalgia, CRPS and back pain in one series), none:
    such a record is not evidence about any one of them.
    """
    def as_primary(found: list[Found], rule: str) -> list[Found]:
        return [Found(c.value, c.sentence, rule) for c in found]

    in_title = [c for c in conditions if c.rule == "condition_title"]
    specific = [c for c in in_title if vocab.condition_group(c.value) != "chronic_pain"]
    # "rheumatoid arthritis with concomitant fibromyalgia": the population has the first
    comorbid = [c for c in specific if _is_comorbid_in_title(c)]
    if comorbid and len(comorbid) < len(specific):
        specific = [c for c in specific if c not in comorbid]
    # back pain in ankylosing spondylitis or axial spondyloarthritis is that disease's
    # (inflammatory back pain), not chronic low back pain
    if any(c.value in _AXIAL_ARTHRITIS for c in specific) and len(specific) > 1:
        specific = [c for c in specific if c.value != "low_back_pain"]
    if specific:
        return as_primary(specific, "primary_condition_title")
    pain_groups = {vocab.condition_group(c.value) for c in conditions
                   if vocab.is_pain_condition(c.value)} - {"chronic_pain"}
    if len(pain_groups) == 1:
        group = next(iter(pain_groups))
        return as_primary([c for c in conditions if vocab.condition_group(c.value) == group],
                          "primary_condition_only_pain_group")
    if in_title:
        return as_primary(in_title, "primary_condition_title")
    if not pain_groups:
        # no pain condition at all: whatever the record names (Crohn's disease, MS, ...)
        return as_primary(conditions, "primary_condition_no_pain_condition")
    return []


def extract_population(design: str, design_found: Found) -> Found:
    if design == "animal":
        return Found("animal", design_found.sentence, "population_animal_design")
    if design == "in_vitro":
        return Found("in_vitro", design_found.sentence, "population_in_vitro_design")
    return Found("human", None, "population_human_default")


# Naltrexone named as a trait of the people studied, not as what they were given: "a trial
# stratified by concurrent low-dose naltrexone use", "in a woman ... who had stopped low-dose
# naltrexone", "51 (31%) were taking LDN".
_NALTREXONE_AS_TRAIT_BEFORE_RE = re.compile(
    r"\b(?:stratified by|(?:adjusted|controlling) for|prior|previous|history of|with or without|"
    r"who (?:had )?(?:stopped|discontinued|previously (?:took|used))|(?:had |have )?(?:stopped|discontinued)|"
    r"(?:were|was|are|is)(?: and (?:were|was|are|is) not)? (?:taking|using|on))(?: [\w-]+){0,2}? *$", re.I)
# "current LDN use", "concurrent low-dose naltrexone (LDN) use" (not "Concurrent naltrexone and
# prolonged exposure therapy", a combination given)
_NALTREXONE_USE_BEFORE_RE = re.compile(r"\b(?:concurrent|concomitant|current)(?: [\w-]+){0,2}? *$", re.I)
_NALTREXONE_USE_AFTER_RE = re.compile(r"(?:\s*\([^()]{0,20}\))?\s+use\b", re.I)


def _naltrexone_as_trait(text: str, ntx: re.Pattern[str]) -> bool:
    """Every mention of naltrexone in ``text`` describes the people (a stratum, a history), none
    what they were given."""
    found = False
    for m in ntx.finditer(text):
        found = True
        before = text[max(0, m.start() - 60):m.start()]
        if not (_NALTREXONE_AS_TRAIT_BEFORE_RE.search(before) or (
                _NALTREXONE_USE_BEFORE_RE.search(before) and _NALTREXONE_USE_AFTER_RE.match(text, m.end()))):
            return False
    return found


def _studies_naltrexone(ctx: _Context, ntx: re.Pattern[str]) -> Sentence | None:
    if not ctx.possible(ntx):
        return None
    title = _title_sentence(ctx)
    if title and ctx.hit(ntx, title):
        if not _naltrexone_as_trait(title.text, ntx):
            return title
        # the title names it as a trait: it is studied only if a sentence gives it to someone
        given = [s for s in ctx.own if s.section != TITLE and ctx.hit(ntx, s)
                 and not _naltrexone_as_trait(s.text, ntx)
                 and (ctx.hit(cue.TREATED_RE, s) or "randomi" in ctx.low[s.index])]
        return given[0] if given else None
    # Not in the title: naltrexone must come up more than once (a drug named once, among failed
    # prior treatments or in a list of options, is not what the record studies).
    # (nor one named only among the people excluded, or as a trait of some of them: "12 patients
    # were taking low-dose naltrexone", "those who were and were not taking LDN")
    named = [s for s in ctx.sentences if s.section != TITLE and ctx.hit(ntx, s)]
    if len(named) >= NALTREXONE_MIN_MENTIONS:
        named = [s for s in named if not _EXCLUSION_RE.search(s.text) and not _naltrexone_as_trait(s.text, ntx)]
    if len(named) < NALTREXONE_MIN_MENTIONS:
        return None
    return next((s for s in ctx.own if s in named), None)


def extract_is_ldn(ctx: _Context, naltrexone: Sentence | None, dose_max: Found | None,
                   dose_min: Found | None) -> Found:
    if naltrexone is None:
        return Found(False, None, "is_ldn_no_naltrexone")
    if dose_min is not None and dose_min.value is not None and dose_min.value > LDN_MAX_MG_PER_DAY:
        return Found(False, dose_min.sentence, "is_ldn_dose_above_low")
    if dose_max is not None and dose_max.value is not None and dose_max.value <= LDN_MAX_MG_PER_DAY:
        return Found(True, dose_max.sentence, "is_ldn_dose_low")
    for s in [naltrexone, *ctx.own]:
        if ctx.hit(cue.LOW_DOSE_RE, s) and ctx.hit(cue.NALTREXONE_RE, s):
            return Found(True, s.text, "is_ldn_low_dose_wording")
    if dose_max is not None and dose_max.value is not None:
        return Found(False, dose_max.sentence, "is_ldn_dose_above_low")
    return Found(None, naltrexone.text, "is_ldn_unknown")


# --- result ---------------------------------------------------------------------------------------


_POLARITY_CACHE_MAX = 4096
_polarity_cache: dict[str, tuple[bool, bool, bool]] = {}


def _polarity(text: str) -> tuple[bool, bool, bool]:
    """(positive, negative, mixed) cues of a sentence; negative clauses are removed before
    positive cues are looked for, and safety wording never counts as efficacy. Memoised: the same
    sentence is read for the result and for each outcome it names."""
    got = _polarity_cache.get(text)
    if got is None:
        if len(_polarity_cache) >= _POLARITY_CACHE_MAX:
            _polarity_cache.clear()
        got = _polarity_cache[text] = _compute_polarity(text)
    return got


# Two treatments found alike, neither a control, beside their benefit over one: "resulted in greater
# improvement ... than usual care, with no significant differences between MBSR and CBT"
_BETWEEN_ACTIVES_RE = cue_re(
    r",?\s*with no (?:statistically )?(?:significant )?differences? (?:in (?:[\w-]+ ){0,2}?)?between (?!(?:the )?(?:groups|arms|treatment|"
    r"two|three|placebo|sham|control)\b)[\w-]+ and (?!(?:the )?(?:placebo|sham|control|usual care|waiting|"
    r"wait-?list|no treatment)\b)[\w-]+|"
    # "Both MBSR and CBT produced greater improvement ... than usual care, with no clear difference between them"
    r",?\s*with no (?:clear |significant |meaningful |important )?differences? between them\b", re.I)
_ANALYSIS_SET_RE = cue_re(r"\b(?:intention-to-treat|intent-to-treat|ITT|per-protocol|completers?)\b", re.I)
_VERBS_BEFORE_NEGATION = frozenset({"had", "has", "have", "showed", "shows", "was", "were", "produced"})


# An early benefit that faded while treated or followed: "LDN produced an early reduction in low back
# pain that was not sustained at 8 weeks", "a short-term improvement ... that was not maintained at 6
# months" (mixed in seven of the eight labelled records with the form; the eighth is a faded
# benefit that its writer took for evidence of it). Only with a time word before the benefit, and
# only when nothing else in the sentence is negative ("... was not maintained, and LDN was not
# superior to placebo" stays a null).
_FADED_GAIN_RE = cue_re(
    r"\b(?:early|initial|short-term|short-lived|transient|brief)\b(?:,? [\w-]+){0,2}? (?:reductions?|"
    r"improvements?|benefits?|relief|advantages?|effects?|decreases?|gains?|responses?)\b[^.;]{0,100}?"
    r"\b(?:was|were|is|are) not (?:sustained|maintained|durable|persistent)\b", re.I)


def _compute_polarity(text: str) -> tuple[bool, bool, bool]:
    low = text.lower()
    if (" not sustained" in low or " not maintained" in low or " not durable" in low
            or " not persistent" in low) and (faded := _FADED_GAIN_RE.search(text)):
        rest = text[:faded.start()] + " " + text[faded.end():]
        if not cue.NEGATIVE_RE.search(rest):
            return False, False, True
    if "whether" in low or " if " in low:
        text = cue.OPEN_QUESTION_RE.sub(" ", text)
        low = text.lower()
    if may_match(cue.ASIDE_RE, low):
        text = cue.ASIDE_RE.sub(" ", text)
        low = text.lower()
    if ("cannot" in low or "can not" in low or "could not" in low or "designed to" in low) and \
            cue.NOT_ADDRESSED_RE.search(text):
        text = cue.NOT_ADDRESSED_RE.sub(" ", text)
        low = text.lower()
    if "who" in low and " not " in low and cue.WHO_DID_NOT_RESPOND_RE.search(text):
        text = cue.WHO_DID_NOT_RESPOND_RE.sub(" ", text)
        low = text.lower()
    if "clinically" in low and cue.NOT_IMPORTANT_DIFFERENCE_RE.search(text):
        return False, True, False
    if ("group level" in low or "group-level" in low) and cue.GROUP_LEVEL_NULL_RE.search(text):
        return False, True, False
    if "primary" in low and (concession := cue.PRIMARY_NOT_MET_CONCESSION_RE.search(text)) and \
            cue.HEDGE_RE.search(text, concession.end()) and not _STATED_SIGNIFICANT_RE.search(text, concession.end()) \
            and not _ANALYSIS_SET_RE.search(text):
        # (not when it failed in one analysis set only: "not met in the intention-to-treat analysis")
        return False, True, False
    if "significance" in low and (conceded := cue.NONSIGNIFICANT_CONCESSION_RE.search(text)) and \
            _SOFT_POSITIVE_RE.search(text, conceded.end()) and \
            not _STATED_SIGNIFICANT_RE.search(text, conceded.end()):
        # "Although pain reduction did not reach statistical significance, the numerical improvement
        # ... support further exploration": the null stands, the rest claims no benefit
        return False, True, False
    if may_match(cue.NO_HARM_RE, low):
        # "No adverse effects were noted" is a safety finding, not a failed efficacy test
        text = cue.NO_HARM_RE.sub(" ", text)
        low = text.lower()
    if ("both" in low or " all " in low) and cue.BOTH_ARMS_IMPROVED_RE.search(text):
        text = cue.BOTH_ARMS_IMPROVED_RE.sub(" ", text)
        low = text.lower()
    if "help" in low and cue.HELP_GUIDE_RE.search(text):
        text = cue.HELP_GUIDE_RE.sub(" ", text)
        low = text.lower()
    if "whether" in low and cue.OPEN_QUESTION_UNCERTAIN_RE.search(text):
        text = cue.OPEN_QUESTION_UNCERTAIN_RE.sub(" ", text)
        low = text.lower()
    if "trend" in low and "significance" in low and cue.NONSIGNIFICANT_TREND_RE.search(text):
        text = cue.NONSIGNIFICANT_TREND_RE.sub(" no significant difference ", text)
        low = text.lower()
    if " had " in low and cue.PRIOR_FAILURE_RE.search(text):
        text = cue.PRIOR_FAILURE_RE.sub(" ", text)
        low = text.lower()
    if may_match(cue.STOPPING_REASONS_RE, low):
        text = cue.STOPPING_REASONS_RE.sub(" ", text)
        low = text.lower()
    mixed = bool(gated_search(cue.MIXED_RE, text, low)) or (
        "as effective as" in low and bool(cue.AS_EFFECTIVE_RE.search(text)) and not cue.BETTER_THAN_RE.search(text)) or (
        ("comparable" in low or "similar" in low or "equivalent" in low)
        and bool(cue.COMPARABLE_TO_ACTIVE_RE.search(text)) and not cue.BETTER_THAN_RE.search(text)) or (
        "only" in low and "dose" in low and bool(cue.ONLY_ONE_DOSE_RE.search(text)))
    harmless = cue.NEGATED_HARM_RE.sub(" improvement ", text) if may_match(
        cue.NEGATED_HARM_RE, low) else text
    if not may_match(cue.NEGATIVE_RE, low):
        positive = bool(gated_search(cue.POSITIVE_RE, _strip_safety(harmless)))
        return positive, False, mixed
    if may_match(cue.COMPARATOR_NULL_RE, low):
        m = cue.COMPARATOR_NULL_RE.search(harmless)
        if m and cue.POSITIVE_RE.search(_strip_safety(harmless[:m.start()])) and \
                not cue.NEGATIVE_RE.search(harmless[:m.start()]):
            # the null is the comparator's; the treatment's benefit before it stands alone
            harmless = harmless[:m.start()] + harmless[m.end():]
            if not cue.NEGATIVE_RE.search(harmless):
                return True, False, bool(gated_search(cue.MIXED_RE, harmless))
    if "with no" in low and "between" in low and (alike := _BETWEEN_ACTIVES_RE.search(harmless)) and \
            cue.POSITIVE_RE.search(_strip_safety(harmless[:alike.start()])):
        harmless = harmless[:alike.start()] + harmless[alike.end():]
        if not cue.NEGATIVE_RE.search(harmless):
            return True, False, bool(gated_search(cue.MIXED_RE, harmless))
    if may_match(cue.CONCESSION_NOT_BENEFIT_RE, low):
        main = cue.CONCESSION_NOT_BENEFIT_RE.sub(" ", harmless)
        if main != harmless and cue.NEGATIVE_RE.search(main):
            harmless = main  # the null comparison stands; the concession claims no benefit
    negative = False
    kept: list[str] = []
    pos = 0
    for m in cue.NEGATIVE_RE.finditer(harmless):
        negative = True
        if m.start() < pos:
            continue  # inside a clause already set aside
        # The whole clause of the negation goes: "pain relief did not differ" is no relief. It
        # starts after the last strong break before the cue, or after ", and" when only a few
        # words (the clause's subject) stand between it and the cue.
        start = max((b.end() for b in cue.STRONG_CLAUSE_BREAK_RE.finditer(harmless, pos, m.start())),
                    default=pos)
        joint = harmless.rfind(", and ", start, m.start())
        if joint >= 0 and len(harmless[joint + 6:m.start()].split()) <= 6:
            start = joint + 6
        else:
            # "reduced pain, was well tolerated and had no detectable effect on nerve conduction":
            # the clause of the negation starts at "and" when one verb stands between
            joint = harmless.rfind(" and ", start, m.start())
            between = harmless[joint + 5:m.start()].split() if joint >= 0 else []
            if len(between) == 1 and between[0].lower() in _VERBS_BEFORE_NEGATION:
                start = joint + 5
        if m.group(0)[:7].lower() in ("without", "neither"):
            start = m.start()  # "reduced pain, without improving function": only the phrase
        kept.append(harmless[pos:start])
        brk = cue.CLAUSE_BREAK_RE.search(harmless, m.end())
        while brk is not None and harmless[brk.end():].lstrip().lower().startswith("nor "):
            # "do not support an effect of LDN on pain, nor an inflammatory subgroup that benefits":
            # the negation goes on past the comma
            brk = cue.CLAUSE_BREAK_RE.search(harmless, brk.end())
        pos = brk.start() if brk else len(harmless)
        if pos < m.end():
            pos = m.end()
    kept.append(harmless[pos:])
    positive = bool(gated_search(cue.POSITIVE_RE, _strip_safety(" ".join(kept))))
    return positive, negative, mixed


def _strip_safety(text: str) -> str:
    return cue.SAFETY_ONLY_RE.sub(" ", text) if may_match(cue.SAFETY_ONLY_RE, text.lower()) else text


def _direction(sentences: list[Sentence]) -> tuple[str | None, Sentence | None]:
    """Direction of a run of sentences (a conclusion): the first sentence with a cue leads; a later
    one can make it mixed with a finding the other way, but a hedged later positive ("may be an
    option", "any benefit is likely to arise from ...") does not outweigh a stated negative."""
    pos = neg = mixed = False
    first: Sentence | None = None
    for s in sentences:
        p, n, m = _polarity(s.text)
        if first is not None and m and not p and not n and neg and not pos and \
                _FADED_GAIN_RE.search(s.text):
            # "Naltrexone did not reduce pain ... An early effect seen in exploratory analyses was
            # not sustained": the stated null leads; the faded early effect does not make it mixed
            continue
        if first is not None and p and not n and neg and not pos and (
                (not m and (cue.HEDGE_RE.search(s.text) or cue.SUBSET_BENEFIT_RE.search(s.text)
                            or cue.AFTERTHOUGHT_RE.search(s.text)))
                or (m and cue.HEDGE_RE.search(s.text) and not _STATED_SIGNIFICANT_RE.search(s.text)
                    and (cue.SUBSET_BENEFIT_RE.search(s.text) or _TREND_RE.search(s.text))
                    and (cue.AFTERTHOUGHT_RE.search(s.text) or _FURTHER_STUDY_RE.search(s.text)
                         or _PRIMARY_NULL_RE.search(first.text)))):
            # "Because a subset of patients responded, a full trial is warranted."; "A benefit in a
            # subgroup of patients cannot be excluded and might justify further study."; "The trend
            # toward better cognition may merit study in longer trials."
            continue
        if (p or n or m) and first is None:
            first = s
        pos, neg, mixed = pos or p, neg or n, mixed or m
    if mixed or (pos and neg):
        return "mixed", first
    if pos:
        return "positive", first
    if neg:
        return "negative", first
    return None, None


# A conclusion that states the primary comparison's null: "LDN was not superior to placebo for the
# primary pain outcome"; a hedged subgroup's benefit after it ("suggest that a subgroup of patients
# may benefit") does not make the trial mixed.
_PRIMARY_NULL_RE = cue_re(r"\b(?:not|no more|no better|did not|failed)\b[^.;]{0,60}?\bprimary\b", re.I)


# Beside a graded benefit, words that qualify the benefit itself (its size's relevance, its harms).
_QUALIFIED_RE = cue_re(r"\b(?:uncertain|adverse|harms?|risks?|limited|inconsistent|conflicting|heterogene\w*)\b",
                       re.I)


_TREND_RE = cue_re(r"\btrends? (?:toward|towards|to|for)\b", re.I)
# A subgroup's benefit stated as a finding ("improved significantly") is no aside.
_STATED_SIGNIFICANT_RE = cue_re(r"(?<!not )(?<!non-)\bsignificant(?:ly)?\b", re.I)
# "... may justify further study", "... may merit study in longer trials": left for later work
_FURTHER_STUDY_RE = cue_re(
    r"\b(?:justif|warrant|merit|deserv|support)\w*\s+(?:further |more |additional )?(?:study|studies|trials?|"
    r"investigation|research|evaluation)\b|\b(?:further|larger|future) (?:study|studies|trials?|research) "
    r"(?:is|are) (?:needed|warranted|required)\b", re.I)


def _conclusion_sentences(ctx: _Context) -> list[Sentence]:
    labelled = [s for s in ctx.own if s.section == CONCLUSIONS]
    if labelled:
        return labelled
    body = [s for s in ctx.own if s.section != TITLE]
    if any(s.section == RESULTS for s in body):
        return []
    cued = [s for s in body if ctx.hit(cue.CONCLUSION_CUE_RE, s)]
    # the last sentence; the one before it only when the last one states no direction
    tail = body[-1:] if body and (any(_polarity(body[-1].text)) or ctx.hit(
        cue.SAFE_CONCLUSION_RE, body[-1])) else body[-2:]
    return list(dict.fromkeys([*cued, *tail]))


CONTROLLED_TRIALS = frozenset({"rct_parallel", "rct_crossover", "nonrandomized_controlled"})
_CONTROL_ARM_RE = cue_re(r"\b(?:placebo|sham|control|usual care|vehicle)\b", re.I)


def _only_nonsignificant_between_arms(ctx: _Context, s: Sentence) -> bool:
    """The sentence names the control arm and every p-value in it is 0.05 or more."""
    if "p" not in ctx.low[s.index] or not _CONTROL_ARM_RE.search(s.text):
        return False
    values = []
    for m in cue.P_VALUE_RE.finditer(s.text):
        value = _p_float(m.group("num"))
        if value is None or m.group("op") in ("<", "\u2264", "&lt;"):
            return False
        values.append(value)
    return bool(values) and all(v >= 0.05 for v in values)


def _p_value_direction(ctx: _Context) -> tuple[str | None, Sentence | None]:
    for s in ctx.own:
        if s.section not in (RESULTS, OTHER) or "p" not in ctx.low[s.index]:
            continue
        m = ctx.hit(cue.P_VALUE_RE, s)
        if m:
            value = _p_float(m.group("num"))
            if value is None:
                continue
            significant = value < 0.05 or (m.group("op") in ("<", "\u2264", "&lt;") and value <= 0.05)
            return ("positive" if significant else "negative"), s
    return None, None


# "Risk factors for ...", "Predictors of ...": a study of who is at risk, not of a treatment.
_RISK_FACTOR_TITLE_RE = cue_re(r"\b(?:risk (?:factors|markers)|predictors?|predictive factors)\b", re.I)


# A title that states a benefit found: "X reverses hyperalgesia", "X attenuates demyelination"
_TITLE_FINDING_RE = re.compile(
    r"\b(?:reverses|reversed|attenuates|attenuated|reduces|reduced|prevents|prevented|improves|"
    r"improved|relieves|inhibits|inhibited|suppresses|alleviates|ameliorates|protects|restores|"
    r"decreases|lowers|normali[sz]es|accelerates|enhances|"
    # "Pulsed radiofrequency ... is non-inferior to transforaminal epidural steroid injection"
    r"(?:is|was|are|were) (?:non-?inferior|noninferior|superior|as effective as)|"
    r"(?:is|was|are|were) more effective than|"
    # a plural subject, "Naltrexone and its enantiomer (+)-naltrexone inhibit TLR4 signalling" (not
    # a question's "Does naltrexone reduce ...?" nor an aim's "to reduce")
    r"(?<!\bdoes )(?<!\bdo )(?<!\bdid )(?<!\bcan )(?<!\bmay )(?<!\bmight )(?<!\bto )(?<!\bwill )"
    r"(?<!\bcould )(?<!\bwould )(?:reverse|attenuate|prevent|inhibit|suppress|alleviate|ameliorate|"
    r"restore|normali[sz]e)(?![^:?]*\?))\b", re.I)
_TITLE_NEGATION_RE = re.compile(r"\b(?:not|no|neither|nor|fails?|failed|without|but|whereas)\b", re.I)


_TITLE_NO_BENEFIT_RE = re.compile(
    r"\b(?:is|are|was|were) (?:no|not) (?:better|more effective|superior)\b|\b(?:does|do|did) not "
    r"(?:reduce|improve|relieve|prevent|help|benefit)\b|\bfails? to\b|\bno (?:benefit|effect) (?:of|from)\b|"
    r"\bineffective\b", re.I)


def _title_finding(title: Sentence) -> str | None:
    """'negative' or 'positive' when the title's first part states a treatment's finding."""
    head = title.text.split(":")[0]
    if _TITLE_NO_BENEFIT_RE.search(head):
        return "negative"
    finding = _TITLE_FINDING_RE.search(head)
    subject = head[:finding.start()] if finding else ""
    if finding and finding.group(0).split()[0].lower() in ("is", "was", "are", "were"):
        # a comparison ("X is non-inferior to epidural steroid injection"): either side may name
        # the treatment
        subject = head
    if finding and not _TITLE_NEGATION_RE.search(head) and any(
            p.search(subject) for p in (cue.NALTREXONE_RE, cue.OTHER_DRUG_RE, cue.TREATMENT_TITLE_RE)):
        # (the subject is a treatment: "HIV-1 Tat protein inhibits ..." reports a mechanism)
        return "positive"
    return None


# "These findings are reassuring", "with no signal for liver injury": the reports raised no new harm.
_REASSURING_RE = cue_re(r"\breassuring\b|\bno (?:new |unexpected |safety )?signals? (?:for|of)\b", re.I)
# Reports of harms collected from practice: pharmacovigilance and disproportionality analyses.
_PHARMACOVIGILANCE_TITLE_RE = re.compile(
    r"\b(?:disproportionality|pharmacovigilance|spontaneous(?:ly)? report\w*|suspected adverse|"
    r"adverse (?:drug )?(?:reactions?|events?) report\w*|reported (?:with|in association with))\b", re.I)


# Guidance, not a study of an effect: "a joint clinical practice guideline", "IMMPACT
# recommendations", "the IASP Classification of Chronic Pain" (read only when the design is "other").
_GUIDANCE_TITLE_RE = re.compile(
    r"\bguidelines?\b|\brecommendations\b|\bclassification\b|\bconsensus\b|\bcore outcome\b|"
    r"\bposition (?:statement|paper)\b", re.I)


def _risk_cues(ctx: _Context, s: Sentence) -> list[tuple[int, str]]:
    """("harm" | "no_harm", position) of a risk study's findings in a sentence, in order: a harm
    found ("associated with an increased risk of falls", "was associated with new-onset insomnia"),
    or none found, or a protective association ("associated with a lower risk of MACE")."""
    text = s.text
    found: list[tuple[int, str]] = []
    if _OTHER_EXPOSURE_RE.match(text) or _AIM_RE.search(text):
        # "In contrast, current opioid use was associated with an increased risk": another exposure's
        # finding; "We examined whether initiating LDN was associated with changes": the question
        return found
    spans = []
    for pattern in (cue.RISK_NO_HARM_RE, cue.NEGATED_HARM_RE, cue.RISK_BENEFIT_RE, cue.SAFE_CONCLUSION_RE):
        if ctx.may(pattern, s):
            for m in pattern.finditer(text):
                if pattern is cue.SAFE_CONCLUSION_RE and (
                        "less" in m.group(0).lower() or _DOUBTED_RE.search(text, max(0, m.start() - 60), m.start())):
                    continue  # "are less well tolerated", "little evidence that any of the drugs is safe"
                found.append((m.start(), "no_harm"))
                spans.append((m.start(), m.end()))
    if spans:  # the harm words of "not associated with an increased risk" are no harm
        chars = list(text)
        for a, b in spans:
            chars[a:b] = " " * (b - a)
        text = "".join(chars)
    for pattern in (cue.HARM_ASSOCIATION_RE, cue.RISK_HARM_RE, cue.RISK_BARE_ASSOCIATION_RE):
        if ctx.may(pattern, s):
            found.extend((m.start(), "harm") for m in pattern.finditer(text))
    return sorted(found)


_OTHER_EXPOSURE_RE = cue_re(r"\s*(?:In contrast|By contrast|Conversely|On the other hand)\b", re.I)
# The question, not a finding: "We examined whether initiating LDN was associated with changes"
# (not a finding's "whether or not they used opioids")
_AIM_RE = cue_re(r"\b(?:examined|examine|assessed|assess|investigated|investigate|evaluated|evaluate|studied|asked|"
                 r"tested|test|explored|explore|determined?|compared|to see) whether\b|"
                 r"\b(?:we )?(?:aimed|aim|sought|set out) to\b|\b(?:aim|objective|purpose) of (?:this|the|our) "
                 r"(?:study|analysis|work)\b", re.I)


def _risk_finding(ctx: _Context, design: str, title: Sentence | None) -> Found | None:
    """The finding of a study of a named treatment's risks: observational studies of a drug or
    procedure and an outcome ("Gabapentinoid use and risk of hip fracture"), and reviews of a
    treatment's risks. A harm found is negative; no harm found (or a lower risk) is positive; no
    harm first and a harm after it ("not associated with serious infection overall, but skin
    infections were increased") is mixed.

    The author's conclusion decides; in an unlabelled abstract, its last sentence, or, when that
    gives only advice ("Clinicians should discuss the risk of falling"), the first finding of the
    abstract (later ones are secondary exposures: "whereas past use was not")."""
    if title is None or _RISK_FACTOR_TITLE_RE.search(title.text):
        return None
    if not _treatment_ends(title.text):
        return None  # ("treatment outcomes", "therapy policy": no named drug, class or procedure)
    risk_title = bool(ctx.hit(cue.DESCRIPTIVE_TITLE_RE, title) or _RISK_REVIEW_TITLE_RE.search(title.text))
    body = [s for s in ctx.own if s.section != TITLE]
    conclusions = [s for s in body if s.section == CONCLUSIONS]
    rest = [s for s in body if s.section == RESULTS] if conclusions else body[:-1]
    conclusions = conclusions or body[-1:]
    if design in REVIEW_DESIGNS:
        harms_only = _HARMS_TITLE_RE.search(title.text) and not _EFFICACY_TITLE_RE.search(title.text)
        if not risk_title or _EFFICACY_TITLE_RE.search(title.text) or (
                not harms_only and any(ctx.hit(cue.EFFICACY_RE, s) for s in conclusions)):
            # a review of benefits and harms ("Efficacy and safety of ...") weighs them in its
            # conclusion, below (a review of harms alone, "Adverse events of gabapentinoids in
            # trials", is read for its harms)
            return None
    elif design == "case_series":
        if not _SELF_CONTROLLED_RE.search(title.text):
            return None  # (a self-controlled case series is a risk study; other series are not)
    elif design not in ("cohort", "case_control"):
        return None
    if design not in REVIEW_DESIGNS and not (risk_title or _HARMS_TITLE_RE.search(title.text)
                                             or _HARM_OUTCOME_TITLE_RE.search(title.text)
                                             or _exposure_and_outcome(title.text)):
        # an efficacy cohort ("Semaglutide in a real-world cohort": "associated with weight loss")
        # is no risk study: its title names no risk, no harm and no "<exposure> and <outcome>"
        return None
    cued = [(s, k) for s in conclusions for _, k in _risk_cues(ctx, s)]
    if cued:
        kinds = [k for _, k in cued]
        if "harm" not in kinds:
            return Found("positive", cued[0][0].text, "result_positive_no_harm_association")
        if kinds[0] == "no_harm":
            return Found("mixed", cued[0][0].text, "result_mixed_harm_beside_no_harm")
        return Found("negative", cued[0][0].text, "result_negative_harm_association")
    for s in rest:
        kinds = [k for _, k in _risk_cues(ctx, s)]
        if "harm" in kinds:
            return Found("negative", s.text, "result_negative_harm_association")
        if kinds and risk_title:
            # (a lower risk or none, read from a result, only where the title says risk or safety:
            # "SCS was associated with slightly lower odds of radiofrequency ablation" is an aside)
            return Found("positive", s.text, "result_positive_no_harm_association")
    return None


_DOUBTED_RE = cue_re(r"\b(?:no|not|little|never|nor|insufficient|lack of)\b", re.I)
# Words that TREATMENT_TITLE_RE's drug-name endings take for a drug ("Chronic pain and risk of suicide:
# a nationwide cohort study" names no treatment).
_LOOK_LIKE_DRUGS = frozenset({"migraine", "medicine", "routine", "urine", "online", "baseline", "suicide",
                              "nationwide", "worldwide", "statewide", "countrywide", "genome-wide",
                              "pesticide", "insecticide", "herbicide", "fungicide", "outcome", "syndrome",
                              "update", "estimate", "dopamine", "serotonin", "creatine", "caffeine",
                              "nicotine", "cocaine"})
# ... and, for a risk study, TREATMENT_TITLE_RE's generic words too: "treatment outcomes" and an
# "elevated progesterone" level name no treatment whose risks are studied.
_NOT_TREATMENTS = _LOOK_LIKE_DRUGS | {"heroine", "uptake", "disease", "periodontitis", "progesterone",
                                      "testosterone", "estradiol", "treatment", "treatments", "therapy", "drug",
                                      "drugs", "medication", "medications", "abuse", "dose", "course of"}
_HARMS_TITLE_RE = cue_re(r"\b(?:adverse (?:events?|effects?|reactions?)|harms?|safety|side[- ]effects?|toxicity)\b",
                         re.I)
# Outcomes a risk study's title names ("Rates of serious infection ... receiving anti-TNF therapy")
_HARM_OUTCOME_TITLE_RE = cue_re(r"\b(?:infections?|fractures?|falls|overdoses?|bleeding|haemorrhage|hemorrhage|"
                                r"injur(?:y|ies)|mortality|deaths?|suicid\w*|dementia|cancers?|malignanc\w+)\b", re.I)
_EFFICACY_TITLE_RE = cue_re(r"\b(?:efficacy|effectiveness|effects? of|benefits?|for (?:the )?(?:treatment|management) of)\b",
                            re.I)


def _treatment_ends(text: str) -> list[int]:
    """Where each named drug, drug class or procedure of a title ends (not _NOT_TREATMENTS)."""
    ends = [m.end() for p in (cue.OTHER_DRUG_RE, cue.DRUG_CLASS_TITLE_RE) for m in p.finditer(text)]
    return ends + [m.end() for m in cue.TREATMENT_TITLE_RE.finditer(text) if m.group(0).lower() not in _NOT_TREATMENTS]


def _exposure_and_outcome(title: str) -> bool:
    """A title of the form "<treatment> and <outcome>" ("Current duloxetine use and falls requiring
    emergency care", "Tumour necrosis factor inhibitors and demyelinating events"): " and " at most
    two words after a treatment's name, those words no preposition ("Semaglutide in adults with
    obesity and knee pain" names a population), and no "Efficacy of ..." before the name."""
    head = title.split(":")[0]
    return any(_THEN_AND_RE.match(head, end) and not _EFFICACY_TITLE_RE.search(head, 0, end)
               for end in _treatment_ends(head))


_THEN_AND_RE = re.compile(r"(?:\s+(?!(?:in|with|for|among|of|to|at|on|after|during)\b)[\w()-]+){0,2}\s+and\s", re.I)
_SELF_CONTROLLED_RE = cue_re(r"\bself-controlled\b", re.I)
_RISK_REVIEW_TITLE_RE = cue_re(r"\b(?:safety|harms?|adverse|risks?|increase the risk)\b", re.I)


def extract_result(ctx: _Context, design: str) -> Found | None:
    if design in ("protocol", "commentary", "narrative_review"):
        return None
    title = _title_sentence(ctx)
    if title and ctx.hit(cue.PHARMACOKINETIC_RE, title):
        return None  # a pharmacokinetic study measures the drug, not its effect
    if design == "other" and title and (ctx.hit(cue.NO_EFFECT_TITLE_RE, title) or _GUIDANCE_TITLE_RE.search(title.text)):
        return None  # interviews, a Delphi consensus, a guideline: themes, not an effect
    if design == "cross_sectional" and title and ctx.hit(cue.SURVEY_RE, title) and \
            not ctx.hit(cue.EFFECT_TITLE_RE, title):
        # "Use of low-dose naltrexone among members of a fibromyalgia association: an online
        # survey": how many use it and what they believe, not whether it works
        return None
    if design in ("cohort", "case_control") and title is not None and (ctx.hit(cue.OTHER_DRUG_RE, title) or any(
            m.group(0).lower() not in _LOOK_LIKE_DRUGS for m in cue.TREATMENT_TITLE_RE.finditer(title.text))) and \
            not _RISK_FACTOR_TITLE_RE.search(title.text):
        harm = next((s for s in _conclusion_sentences(ctx) if ctx.hit(cue.HARM_ASSOCIATION_RE, s)
                     and not _OTHER_EXPOSURE_RE.match(s.text)), None)
        if harm is not None and not ctx.hit(cue.NEGATED_HARM_RE, harm):
            # a treatment's harm in an observational study: "Association of tapering with overdose"
            return Found("negative", harm.text, "result_negative_harm_association")
    risk = _risk_finding(ctx, design, title)
    if risk is not None:
        return risk
    if design in REVIEW_DESIGNS and title and ctx.hit(cue.DESCRIPTIVE_TITLE_RE, title) and \
            not ctx.hit(cue.TITLE_INTERVENTION_RE, title):
        return None  # "What percentage of patients ... develop addiction? A structured review"
    if design in DESCRIPTIVE_DESIGNS and (
        (title and ctx.hit(cue.DESCRIPTIVE_TITLE_RE, title)
         and not ctx.hit(cue.TITLE_INTERVENTION_RE, title))
        or not any(ctx.hit(cue.TREATMENT_WORD_RE, s) or ctx.hit(cue.OTHER_DRUG_RE, s)
                   for s in ctx.sentences)
    ):
        # prevalence, utilisation, risk factors, or a comparison of patients with no treatment
        # in it: the study tests no treatment, so there is no result for one
        return None
    adr_title = title is not None and ctx.hit(cue.ADVERSE_REACTION_TITLE_RE, title) and (
        ctx.hit(cue.TREATMENT_TITLE_RE, title) or ctx.hit(cue.OTHER_DRUG_RE, title)) and \
        not ctx.hit(cue.GOOD_OUTCOME_TITLE_RE, title)
    if design in ("case_report", "case_series") and (
            adr_title or _first(ctx, cue.ADVERSE_REACTION_TEXT_RE, negatable=False)):
        # a report of an adverse reaction ("Ketamine-associated ulcerative cystitis")
        return Found("negative", title.text if title else None, "result_negative_adverse_reaction")
    conclusions = _conclusion_sentences(ctx)
    if design in ("other", "case_series", "cross_sectional") and title is not None and \
            _PHARMACOVIGILANCE_TITLE_RE.search(title.text) and (
                ctx.hit(cue.TREATMENT_TITLE_RE, title) or ctx.hit(cue.OTHER_DRUG_RE, title)):
        reassured = next((s for s in conclusions if ctx.hit(_REASSURING_RE, s)), None)
        if reassured is not None:
            # "... dominated by sleep-related reactions, which are already labelled, with no signal
            # for liver injury. These findings are reassuring": no new harm found
            return Found("positive", reassured.text, "result_positive_no_new_signal")
        if not any(ctx.hit(cue.SAFE_CONCLUSION_RE, s) or ctx.hit(cue.NEGATED_HARM_RE, s) for s in conclusions):
            # "Spontaneous reports of suspected adverse reactions to LDN in FAERS", "Alopecia reported
            # with LDN: a disproportionality analysis": the harms reported are the finding (5 of the 6
            # labelled such records are negative; the sixth found no signal)
            return Found("negative", title.text, "result_negative_reported_harms")
    if design in DESCRIPTIVE_DESIGNS and title and not ctx.hit(cue.TITLE_INTERVENTION_RE, title) \
            and not any(ctx.hit(cue.EFFICACY_RE, s) for s in conclusions):
        # no treatment in the title and no effect of one in the conclusion: "New persistent
        # opioid use after surgery is common and is associated with ..."
        return None
    for s in conclusions:
        if ctx.hit(cue.UNCLEAR_RE, s):
            if ctx.hit(cue.LIMITATION_RE, s) and any(any(_polarity(o.text)) for o in conclusions if o is not s):
                continue  # a limitation of the method beside a stated finding
            # "evidence that cannabis alleviates neuropathic pain but insufficient evidence in
            # other pain populations": a benefit beside the uncertainty is a mixed result
            rest = _polarity(cue.UNCLEAR_RE.sub(" ", s.text))
            if rest == (True, False, False) and not _QUALIFIED_RE.search(s.text) and all(cue.CERTAINTY_GRADE_RE.match(u.group(0))
                                               for u in cue.UNCLEAR_RE.finditer(s.text)):
                # "LDN may produce a small reduction in chronic pain, but the evidence is of low
                # certainty": a benefit found, graded; the grade is no doubt about its direction
                return Found("positive", s.text, "result_positive_benefit_low_certainty")
            if rest[0]:
                return Found("mixed", s.text, "result_mixed_benefit_and_uncertainty")
            return Found("unclear", s.text, "result_unclear_wording")
    if design in ("rct_parallel", "rct_crossover") and any(
            ctx.hit(cue.EQUIVALENCE_TRIAL_RE, s) for s in ctx.own if s.section in (TITLE, OBJECTIVE, METHODS)):
        for s in conclusions:
            if ctx.hit(cue.SIMILAR_EFFICACY_RE, s) and not ctx.hit(cue.EQUIVALENCE_NOT_SHOWN_RE, s):
                # "The biosimilar was equivalent to reference adalimumab in efficacy": shown, unless
                # another conclusion reports a harm ("mortality was higher with febuxostat")
                if not any(_polarity(o.text)[1] for o in conclusions if o is not s):
                    return Found("positive", s.text, "result_positive_equivalence_shown")
                break
            if _polarity(s.text) != (False, False, False):
                break  # the first conclusion with a direction decides, as below
    if design in ("single_arm_trial", "case_series", "case_report"):
        # "Without a control group, the change in pain cannot be attributed to treatment": a caveat
        # of the design, not a finding against the treatment
        conclusions = [s for s in conclusions if not _UNCONTROLLED_CAVEAT_RE.search(s.text)]
    direction, where = _direction(conclusions)
    if design in TRIALS and direction in ("positive", "mixed", None):
        futile = next((s for s in ctx.own if s.section in (TITLE, RESULTS, CONCLUSIONS, OTHER)
                       and ctx.hit(cue.FUTILITY_RE, s)), None)
        if futile is not None:
            # "Milnacipran for chronic low back pain: a randomized trial stopped early for futility"
            return Found("negative", futile.text, "result_negative_stopped_for_futility")
    if design in ("animal", "in_vitro") and title is not None and direction in (None, "negative") \
            and _title_finding(title) == "positive":
        # "Low-dose naltrexone reverses muscle hyperalgesia in a mouse model ...": laboratory
        # abstracts end on their controls ("knockout mice did not respond", "the high dose had no
        # effect"); the title states the finding (all 26 such labelled records are positive)
        return Found("positive", title.text, "result_positive_title_finding")
    if direction == "mixed" and where is not None and title is not None and ctx.hit(cue.NALTREXONE_RE, title) \
            and _naltrexone_null_comparator_benefit(where.text):
        return Found("negative", where.text, "result_negative_naltrexone_null_comparator_benefit")
    if design in TRIALS and (direction == "positive" or (direction == "mixed" and not any(
            _polarity(s.text)[1] for s in conclusions))) and _spun_null_trial(ctx, conclusions):
        # (a mixed conclusion that states the null, "did not meet its primary end point", is honest)
        return Found("negative", where.text if where else None, "result_negative_null_results_soft_conclusion")
    if direction == "positive" and design in ("rct_parallel", "rct_crossover", "nonrandomized_controlled", "cohort") and \
            (null := _null_primary(ctx)) is not None:
        # "The primary outcome was change in the ICSI" and "ICSI fell by 2.9 and 2.1 points (P=.38)",
        # then "LDN reduced bladder pain and shows promise": a secondary outcome spun as the finding
        return Found("negative", null.text, "result_negative_null_primary_spun")
    if direction == "positive" and design in TRIALS and (split := _co_primary_split(ctx)) is not None:
        # "The co-primary outcomes were pain VAS and DAS28-CRP" and "pain VAS had decreased ...
        # (p = 0.03), whereas the change in DAS28-CRP was similar (p = 0.84)": one of two primaries
        # met, whatever the conclusion leans on
        return Found("mixed", split.text, "result_mixed_co_primary_split")
    if direction:
        return Found(direction, where.text if where else None, f"result_{direction}_conclusion")
    safe = next((s for s in conclusions if ctx.hit(cue.SAFE_CONCLUSION_RE, s)), None)
    if design in OBSERVATIONAL and title and ctx.hit(cue.DESCRIPTIVE_TITLE_RE, title) and not (
            safe is not None and ctx.hit(cue.TITLE_INTERVENTION_RE, title)):
        # (a treatment's risk studied and found reassuring, "LDN and risk of liver injury ... supports
        # its hepatic safety", is a safety finding, below)
        return None
    if design not in ("case_report", "case_series") and any(ctx.hit(cue.FEASIBILITY_RE, s) for s in conclusions):
        # (a case's "slow titration is feasible in adolescents" leaves its course, "her pain fell from
        # 8 to 3", to be read below)
        if design in TRIALS and (null := _null_primary(ctx)) is not None:
            # "A crossover trial of LDN in CIPN was feasible and well accepted" after "Worst pain did
            # not differ between LDN and placebo" (the named primary): the trial's result is null
            return Found("negative", null.text, "result_negative_null_primary_feasibility_conclusion")
        return None
    if safe is not None and design not in ("rct_parallel", "rct_crossover") and \
            not any(cue.UNSAFE_RE.search(cue.SAFE_CONCLUSION_RE.sub(" ", s.text)) for s in conclusions):
        # ("not associated with an increase in serious adverse events" names no unsafe finding)
        # a safety study's finding ("LDN appears to be safe and well tolerated in MS")
        return Found("positive", safe.text, "result_positive_safety_conclusion")
    if design in DESCRIPTIVE_DESIGNS:
        if not ctx.has_abstract and title is not None and (found := _title_finding(title)):
            # a title-only cohort whose title is its finding: "Low-dose naltrexone did not reduce
            # opioid dose in veterans with chronic pain: a national cohort study"
            return Found(found, title.text, f"result_{found}_title_finding")
        return None  # a survey or cohort states its finding in its conclusion, not in a number
    results = [s for s in ctx.own if s.section in (RESULTS, OTHER)]
    for s in results:
        d, first = _direction([s])
        if d == "positive" and design in CONTROLLED_TRIALS and _only_nonsignificant_between_arms(ctx, s):
            # "Pain decreased by 1.4 points with naltrexone and 1.1 with placebo (difference -0.3;
            # p = 0.46)": both arms improved; the comparison is null
            return Found("negative", s.text, "result_negative_first_result_sentence_null_comparison")
        if d:
            return Found(d, s.text, f"result_{d}_first_result_sentence")
    d2, s2 = _p_value_direction(ctx)
    if d2:
        return Found(d2, s2.text if s2 else None, f"result_{d2}_first_p_value")
    if not ctx.has_abstract and title is not None and design not in REVIEW_DESIGNS:
        # a title-only record whose title states its finding: "Pulsed radiofrequency ... is no
        # better than sham for knee pain: a randomized trial", "X reduces Y in Z"
        found = _title_finding(title)
        if found:
            return Found(found, title.text, f"result_{found}_title_finding")
    if design in REVIEW_DESIGNS or design in OBSERVATIONAL - {"case_report", "case_series"}:
        return None
    if not ctx.has_abstract:
        if design in ("case_report", "case_series") and title and ctx.hit(cue.SUCCESS_TITLE_RE, title):
            # "Successful treatment of refractory erythromelalgia with low-dose naltrexone"
            return Found("positive", title.text, "result_positive_success_title")
        return None  # a title alone reports no result
    return Found("unclear", None, "result_no_direction_cue")


_NO_CONTROL = r"\b(?:without|in the absence of|lacking|given the lack of|with no|there was no) (?:an? )?(?:control|comparator|comparison|placebo)(?: group| arm)?\b"
_NOT_ATTRIBUTED = r"\b(?:can ?not|could not) be (?:attributed|ascribed)\b"
_UNCONTROLLED_CAVEAT_RE = cue_re(rf"{_NO_CONTROL}[^.;]*?{_NOT_ATTRIBUTED}|{_NOT_ATTRIBUTED}[^.;]*?{_NO_CONTROL}", re.I)


_WHEREAS_RE = cue_re(r",?\s+\b(?:whereas|while|but)\b\s+|;\s+")
# A treatment other than a drug as a clause's subject: "..., while exercise improved fibromyalgia
# impact" (a factorial trial's other factor)
_OTHER_THERAPY_SUBJECT_RE = cue_re(
    r"(?:the )?(?:(?:supervised|aerobic|graded|home|group|structured) )?(?:exercise|physiotherapy|"
    r"physical therapy|acupuncture|CBT|cognitive[- ]behaviou?ral therapy|yoga|tai chi|massage|"
    r"spinal manipulation|manipulation|graded activity|education|mindfulness|MBSR)\b", re.I)
_COMPARATOR_VERB_RE = cue_re(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:\d+(?:\.\d+)?\s*mg(?:/d(?:ay)?)?\s+)?(?:(?:also|significantly|clearly) )?"
    r"(?:gave|reduced|improved|relieved|lowered|decreased|produced|provided|showed|led|achieved|was|were|had|"
    r"did)\b", re.I)


_DOSE_MENTION_RE = cue_re(r"\b\d+(?:\.\d+)?\s*mg\b", re.I)
_CO_PRIMARY_RE = cue_re(r"\bco-?primary\b|\btwo primary (?:outcomes|end ?points)\b", re.I)
_NOT_SIGNIFICANT_RE = cue_re(
    r"\b(?:did|does) not (?:reach|achieve) (?:statistical )?significance\b|\bnot (?:statistically )?significant\b|"
    r"\b(?:did not|was not|were not) (?:differ|different)\b", re.I)


def _co_primary_split(ctx: _Context) -> Sentence | None:
    """The results sentence that reports one of two co-primary outcomes met and the other not."""
    if not any(ctx.hit(_CO_PRIMARY_RE, s) for s in ctx.own if s.section in (OBJECTIVE, METHODS, OTHER)):
        return None
    for s in ctx.own:
        if s.section not in (RESULTS, OTHER) or len(_DOSE_MENTION_RE.findall(s.text)) >= 2:
            continue  # ("by pregabalin 450 and 600 mg/day, whereas for 300 mg/day not": doses, not outcomes)
        values = [v for m in _ANY_P_RE.finditer(s.text) if (v := _p_float(m.group("num"))) is not None]
        significant = any(v < 0.05 for v in values) or bool(_SIGNIFICANT_RE.search(s.text))
        null = any(v >= 0.05 for v in values) or bool(_NOT_SIGNIFICANT_RE.search(s.text))
        if significant and null:
            return s
    return None


# The instrument a primary outcome names by its abbreviation ("change in the Revised Fibromyalgia
# Impact Questionnaire (FIQR) total score"): capitals, maybe with digits ("DAS28", "BPI-SF").
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9-]*[a-z]?\b|\b[A-Z]{2,}[0-9]+\b")
# Abbreviations that name no one instrument: scales used for many outcomes, statistics, drugs, places.
_NOT_INSTRUMENTS = frozenset({"NRS", "VAS", "NPRS", "CI", "SD", "SE", "IQR", "LDN", "NTX", "MS", "RA", "OA",
                              "II", "III", "IV", "US", "UK", "USA", "EU", "ITT", "PP", "RCT", "MG", "MID",
                              "MCID", "AUC", "HR", "OR", "RR", "BID", "QD", "NSAID", "NSAIDS", "FDA"})


_PRIMARY_DOMAIN_RE = re.compile(r"\b(?:pain|disability|fatigue|itch|pruritus|stiffness|headaches?|migraines?|"
                                r"sleep|function)\b", re.I)


def _null_primary(ctx: _Context) -> Sentence | None:
    """The results sentence of a trial's primary outcome, when that outcome is named by its
    instrument's abbreviation (or, with none, by its word: pain, disability, ...) and the first
    results sentence that names it reports only p-values of 0.05 or more (or intervals that
    include no effect) and claims no significant benefit (sentences that name it without a result
    or a direction are passed over)."""
    if any(ctx.hit(_CO_PRIMARY_RE, s) for s in ctx.own):
        return None  # two primary outcomes (_co_primary_split)
    if any(word in ctx.doc_low for word in ("equivalen", "inferior", "margin")):
        return None  # an equivalence or non-inferiority trial's null difference is its finding
    names: list[str] = []
    defined = -1
    for s in ctx.own:
        if s.section not in (OBJECTIVE, METHODS, OTHER):
            continue
        m = ctx.hit(_PRIMARY_RE, s)
        if m is None or "secondary" in ctx.low[s.index][max(0, m.start() - 12):m.start()]:
            continue
        clause = re.split(r"[.;]|\bsecondary\b", s.text[m.end():], maxsplit=1, flags=re.I)[0]
        names = [a for a in _ACRONYM_RE.findall(clause) if a.upper() not in _NOT_INSTRUMENTS]
        if not names:
            # "The primary outcome was pain intensity (NRS 0-10) at week 12": the outcome's word
            word = _PRIMARY_DOMAIN_RE.search(clause)
            names = [word.group(0).lower()] if word else []
        defined = s.index
        break
    if len(names) != 1:
        return None  # none, or co-primary instruments (read by _co_primary_split)
    name = re.compile(rf"\b{re.escape(names[0])}\b", re.I if names[0].islower() else 0)
    for s in ctx.own:
        if s.section not in (RESULTS, OTHER) or not name.search(s.text) or (
                s.index == defined and not _ANY_P_RE.search(s.text)):
            continue  # (the sentence that names the primary outcome reports it only with a p-value)
        text = s.text
        if _SIGNIFICANT_RE.search(text) and not _polarity(text)[1]:
            return None
        benefit = ctx.hit(_BENEFIT_OVER_CONTROL_RE, s)
        if benefit and not _polarity(text[:benefit.end()])[1]:
            return None  # "both active doses lowered pain relative to placebo, and ... (P > .7)"
        seen = False
        for m in _CI_RE.finditer(text):
            if _ci_excludes_null(m, text):
                return None
            seen = True
        for m in _ANY_P_RE.finditer(text):
            value = _p_float(m.group("num"))
            if value is None or value < 0.05 or (m.group("op") in ("<", "\u2264", "&lt;") and value <= 0.05):
                return None
            seen = True
        if seen:
            return s
        if _polarity(text)[0]:
            return None  # "Pain improved more with LDN": a benefit stated without numbers
        # "36 were randomised (mean duration of back pain 9.6 years)": the word in passing; the
        # outcome's result comes later
    return None


def _naltrexone_null_comparator_benefit(text: str) -> bool:
    """"Naltrexone 4.5 mg was not superior to placebo for CLBP, whereas duloxetine gave a modest
    benefit": in a naltrexone record the benefit is the active comparator's, the finding is null."""
    split = _WHEREAS_RE.search(text)
    if split is None:
        return False
    head, tail = text[:split.start()], text[split.end():]
    ntx = cue.NALTREXONE_RE.search(tail)
    if ntx is not None and ntx.start() <= 25 and not cue.NALTREXONE_RE.search(head):
        # the other order: "Graded activity produced a small reduction in disability, whereas
        # naltrexone 4.5 mg was no better than placebo" (a factorial trial's naltrexone factor)
        return _polarity(head)[:2] == (True, False) and _polarity(tail)[:2] == (False, True)
    other = cue.OTHER_DRUG_RE.search(tail) or _OTHER_THERAPY_SUBJECT_RE.match(tail)
    if not cue.NALTREXONE_RE.search(head) or cue.NALTREXONE_RE.search(tail) or other is None or \
            other.start() > 25 or not _COMPARATOR_VERB_RE.match(tail, other.end()):
        # the comparator must be the clause's subject, with its own verb: not "but it may reduce
        # constipation", "but morphine consumption was reduced", "while morphine-related nausea fell"
        return False
    return _polarity(head)[:2] == (False, True) and _polarity(tail)[:2] == (True, False)


# A conclusion that speaks well of a treatment without claiming it worked: "may be a useful option",
# "was feasible and well tolerated ..., supporting a randomised trial", "merits further study".
_SOFT_POSITIVE_RE = cue_re(
    r"\b(?:may|might|could|possibly|potential(?:ly)?|feasib\w+|acceptab\w+|warrant\w*|supporting|"
    r"justif\w+|merits?|worth|option|suggest(?:s|ed|ing)?|signal|numerical(?:ly)?|trends?)\b", re.I)


_BENEFIT_OVER_CONTROL_RE = cue_re(
    r"\b(?:lowered|reduced|improved|relieved|decreased)\b[^.;]{0,60}?\b(?:relative to|more than|"
    r"compared with|compared to|than|versus|vs\.?) (?:the )?(?:placebo|sham|control)\b", re.I)


def _spun_null_trial(ctx: _Context, conclusions: list[Sentence]) -> bool:
    """A trial whose results state p-values or confidence intervals, none below 0.05 or excluding no
    effect, and claim no significant benefit, and whose conclusion is positive (or mixed) only in
    soft words: the null result stands ("FACIT-Fatigue ... P = 0.63" then "LDN may be a useful
    option for selected patients"; "may benefit a subgroup of patients, which warrants larger
    trials"). A conclusion that claims the benefit outright is left alone here; when the trial names
    its primary outcome and that outcome's result is null, :func:`_null_primary` reads it negative."""
    positives = [s for s in conclusions if _polarity(s.text)[0]]
    if not positives or not all(ctx.hit(_SOFT_POSITIVE_RE, s) for s in positives):
        return False
    if not any(ctx.hit(_PRIMARY_RE, s) for s in ctx.own if s.section != CONCLUSIONS) and \
            not all(ctx.hit(cue.NUMERICAL_ONLY_RE, s) for s in positives):
        # no primary outcome named: the p-values may test anything (doses, subgroups), unless the
        # conclusion itself calls its benefit numerical ("the numerically greater pain reduction")
        return False
    in_conclusion = {s.index for s in conclusions}
    seen = False
    for s in ctx.own:
        if s.section not in (RESULTS, OTHER) or s.index in in_conclusion:
            continue
        text = s.text
        if _ACTIVES_COMPARED_RE.search(text) and not _CONTROL_ARM_RE.search(text):
            continue  # "no significant difference between the 2 active doses (P > .7)": says nothing of placebo
        benefit = ctx.hit(_BENEFIT_OVER_CONTROL_RE, s)
        if benefit and not _polarity(text[:benefit.end()])[1]:
            return False  # "both active doses lowered pain relative to placebo ... (P > .7)"
        if _SIGNIFICANT_RE.search(text) and not _polarity(text)[1]:
            return False  # "a significantly greater reduction in pain" (with or without a p-value)
        low = ctx.low[s.index]
        if "ci" in low or "interval" in low:
            intervals = list(_CI_RE.finditer(text))
            if intervals:
                # the sentence's later intervals without the words: "(-0.4, 95% CI -2.1 to 1.3), ...
                # and -3.1 with 4.5 mg (-1.9, -3.6 to -0.2)"
                intervals += _BARE_CI_RE.finditer(text, intervals[0].end())
            if any(_ci_excludes_null(m, text) for m in intervals):
                return False  # "(mean difference -1.1; 95% CI -1.9 to -0.3)", "OR 11.0, 95% CI 2.0-60.0"
            seen = seen or bool(intervals)  # intervals that all include no effect are null results
        for m in _ANY_P_RE.finditer(text):
            value = _p_float(m.group("num"))
            if value is None or value < 0.05 or (m.group("op") in ("<", "\u2264", "&lt;") and value <= 0.05):
                return False  # significant, or a p-value written in a form not read
            seen = True
    return seen


_ACTIVES_COMPARED_RE = cue_re(
    r"\bbetween (?:the )?(?:two|2|three|3|both) (?:active )?(?:doses|strengths|concentrations|active (?:arms|groups|treatments))\b|"
    r"\bbetween (?:the )?active (?:doses|arms|groups|treatments)\b", re.I)


# Any p-value, permissively: "P = .63", "p value, 0.21", "P = 3 x 10-4" (read as not a plain number).
_ANY_P_RE = cue_re(
    r"\b[Pp](?:[- ]?values?)?\s*(?P<op>[<>=\u2264\u2265:,]|&lt;|&gt;)?\s*(?:of\s+)?"
    r"(?P<num>\d*\.\d+(?:\s*[x\u00d7]\s*10\s*[-\u2212]\s*\d+)?|0,\d+|[01](?:\s*[x\u00d7]\s*10\s*[-\u2212]\s*\d+)?"
    r"|\d\s*[x\u00d7]\s*10\s*[-\u2212]\s*\d+)")
_SIGNIFICANT_RE = cue_re(r"(?<!not )(?<!non-)(?<!no )\bsignificant(?:ly)? (?:\w+ )?(?:greater|better|more|"
                         r"larger|lower|reduc\w+|improv\w+|decreas\w+|relie\w+|higher)\b", re.I)
# "95% CI -1.9 to -0.3", "(OR 2.1, 95% CI 1.0-4.5)": an interval
_CI_RE = cue_re(
    r"\b(?:95|90|99)\s*%\s*(?:CI|confidence interval)(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+)?[,:]?\s*(?P<lo>[-\u2212]?\d+(?:\.\d+)?)\s*"
    r"(?:to|-|\u2013|,)\s*(?P<hi>[-\u2212]?\d+(?:\.\d+)?)")


_BARE_CI_RE = cue_re(
    r"\(\s*[-\u2212]?\d+(?:\.\d+)?\s*[,;]\s*(?P<lo>[-\u2212]?\d+(?:\.\d+)?)\s*to\s*(?P<hi>[-\u2212]?\d+(?:\.\d+)?)\s*\)")


def _ci_excludes_null(m: re.Match[str], text: str) -> bool:
    try:
        lo, hi = (float(m.group(k).replace("\u2212", "-")) for k in ("lo", "hi"))
    except ValueError:
        return False
    # an interval of a ratio ("OR 2.1, 95% CI 1.0-4.5") excludes no effect when it excludes 1
    null = 1.0 if _RATIO_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) else 0.0
    return (lo > null and hi > null) or (lo < null and hi < null)


# (the abbreviations in capitals only: "pain or function" names no odds ratio)
_RATIO_BEFORE_RE = cue_re(r"(?-i:\b(?:a?OR|RR|a?HR|IRR)\b)|\bratio\b", re.I)


# --- outcomes -------------------------------------------------------------------------------------


def _p_float(text: str) -> float | None:
    t = text.replace(" ", "").replace("\u00d7", "x").replace("\u2212", "-").replace(",", ".")
    try:
        if "x10" in t:
            base, exp = t.split("x10")
            return float(base) * 10 ** float(exp)
        return float(t)
    except ValueError:
        return None


_WORSENED_RE = cue_re(r"\b(?:worse(?:ned|ning)?|deteriorat\w+|increased pain)\b", re.I)
_CLAUSE_EDGE_RE = cue_re(r"[;]|\bwhereas\b|\bbut\b")


def _outcome_result(clause: str) -> str:
    low = clause.lower()
    if gated_search(_WORSENED_RE, clause, low) and not gated_search(cue.NEGATED_HARM_RE, clause, low):
        return "worsened"
    p, n, m = _polarity(clause)
    if n and not p:
        return "no_difference"
    if p and not n:
        return "improved"
    return "unclear"


# Adverse events read as a comparison of harm: more with the studied treatment is "worsened",
# fewer "improved", no difference "no_difference"; a sentence that only names them says nothing.
# "with placebo" or "with amitriptyline" after the comparison turns it round.
_AE_MORE_RE = cue_re(
    r"\b(?:more (?:common|frequent|often)|higher (?:rates?|incidence|frequency)|increased (?:rates?|"
    r"incidence|risk))\b(?:\s+(?:\w+\s+){0,2}?(?:with|on|in|among|after|for)\s+(?:the\s+)?"
    r"(?P<who>[\w-]+))?", re.I)
_AE_FEWER_RE = cue_re(
    r"\b(?:fewer|less (?:common|frequent|often)|lower (?:rates?|incidence))\b(?:\s+(?:\w+\s+){0,3}?"
    r"(?:with|on|in|among|after|for)\s+(?:the\s+)?(?P<who>[\w-]+))?", re.I)
_AE_SAME_RE = cue_re(
    r"\b(?:did not differ|no (?:significant |statistically significant )?differences?|(?:were|was) "
    r"(?:similar|comparable)|similar (?:rates?|frequency|incidence|proportions?)|not (?:significantly )?"
    r"more (?:common|frequent)|no more (?:common|frequent|often))\b", re.I)
_COMPARATOR_WORD_RE = cue_re(r"^(?:placebo|sham|control|controls|vehicle|usual|comparator)$", re.I)


def _adverse_event_result(clause: str) -> str:
    if _AE_SAME_RE.search(clause):
        return "no_difference"
    for pattern, with_studied in ((_AE_MORE_RE, "worsened"), (_AE_FEWER_RE, "improved")):
        m = pattern.search(clause)
        if m:
            who = m.group("who")
            comparator = who is not None and bool(
                _COMPARATOR_WORD_RE.match(who) or cue.OTHER_DRUG_RE.match(who))
            if not comparator:
                return with_studied
            return "improved" if with_studied == "worsened" else "worsened"
    return "unclear"


_PRIMARY_RE = cue_re(r"\bprimary (?:outcome|end ?point|efficacy|measure|objective)s?\b", re.I)


def extract_outcomes(ctx: _Context, pmid: str) -> list[dict[str, Any]]:
    """One row per (domain, instrument) reported in results or conclusions sentences."""
    primary_names: set[tuple[str, str | None]] = set()
    doc = ctx.doc_bits
    instruments = [x for x, g in _INSTRUMENT_GATES if g is None or doc & g]
    domains = [x for x, g in _DOMAIN_GATES if g is None or doc & g]
    for s in ctx.own:
        if ctx.hit(_PRIMARY_RE, s):
            primary_names.update(key for key, _ in _mention_positions(ctx, s, instruments, domains))
    # "The primary outcome was pain on a numeric rating scale", then "Pain fell by ...": the
    # instrument's domain named without the instrument is the primary outcome too.
    primary_domains = {d for d, _ in primary_names}
    primary_instruments = {i for _, i in primary_names if i}
    rows: dict[tuple[str, str | None], dict[str, Any]] = {}
    for s in ctx.own:
        if s.section not in (RESULTS, CONCLUSIONS, OTHER):
            continue
        mentions = _mention_positions(ctx, s, instruments, domains)
        if not mentions:
            continue
        if s.section == OTHER and not (ctx.hit(cue.P_VALUE_RE, s) or any(_polarity(s.text)[:2])):
            continue
        has_p = bool(ctx.hit(cue.P_VALUE_RE, s))
        for i, (key, start) in enumerate(mentions):
            if key in rows:
                continue
            clause = _clause_around(s.text, start)
            pm = _outcome_p_value(s.text, start, mentions, i) if has_p else None
            p_value = _p_float(pm.group("num")) if pm else None
            rows[key] = {
                "pmid": pmid,
                "outcome_index": 0,
                "domain": key[0],
                "instrument": key[1],
                "result": _p_checked_result(
                    _adverse_event_result(clause) if key[0] == "adverse_events"
                    else _outcome_result(clause), p_value, pm),
                "p_value": p_value,
                "p_value_text": pm.group(0) if pm else None,
                "is_primary": key in primary_names or (key[1] is None and key[0] in primary_domains)
                or (key[1] is not None and key[1] in primary_instruments),
                "evidence": s.text,
                "rule": "outcome_instrument" if key[1] else "outcome_domain_word",
            }
    out = list(rows.values())
    for i, row in enumerate(out):
        row["outcome_index"] = i
    return out


def _outcome_p_value(text: str, start: int, mentions: list[tuple[tuple[str, str | None], int]],
                     i: int) -> re.Match[str] | None:
    """The p-value of the i-th mention: the first one before the next outcome is named, else one
    after the last mention that the outcomes share ("pain and fatigue improved, p < .05 for both")."""
    next_start = next((m_start for _, m_start in mentions[i + 1:] if m_start > start), None)
    if next_start is not None:
        pm = cue.P_VALUE_RE.search(text, start, next_start)
        if pm:
            return pm
        return cue.P_VALUE_RE.search(text, mentions[-1][1])
    return cue.P_VALUE_RE.search(text, start)


def _p_checked_result(result: str, p_value: float | None, pm: re.Match[str] | None) -> str:
    """A comparison with p >= 0.05 found no difference, whatever the groups' own changes were
    ("pain fell by 1.3 points with naltrexone and 0.9 with placebo, p = 0.27")."""
    if p_value is None or pm is None or result == "worsened":
        return result
    op = pm.group("op")
    if op in ("<", "\u2264", "&lt;"):
        # "P < 0.05" is the significant side of the threshold, not p = 0.05
        return "no_difference" if p_value > P_SIGNIFICANT else result
    if p_value >= P_SIGNIFICANT or (op in (">", "\u2265", "&gt;") and p_value >= P_SIGNIFICANT - 1e-12):
        return "no_difference"
    return result


def _mention_positions(
    ctx: _Context, s: Sentence, instruments: list[tuple[str, str, re.Pattern[str]]],
    domains: list[tuple[str, re.Pattern[str]]],
) -> list[tuple[tuple[str, str | None], int]]:
    """(domain, instrument) mentions of a sentence with their offsets; domain words only when no
    instrument is named. Only the instruments and domains possible in the record are tried."""
    found: list[tuple[tuple[str, str | None], int]] = []
    bits = ctx.bits[s.index]
    if _MENTION_BITS is not None and not bits & _MENTION_BITS:
        return found  # no instrument's or domain word's gate in the sentence
    for name, domain, pattern in instruments:
        gate = _GATE_MASKS[id(pattern)]
        if gate is not None and not bits & gate:
            continue
        m = ctx.hit(pattern, s)
        if m:
            found.append(((domain, name), m.start()))
    if not found:
        for domain, pattern in domains:
            gate = _GATE_MASKS[id(pattern)]
            if gate is not None and not bits & gate:
                continue
            m = ctx.hit(pattern, s)
            if m:
                found.append(((domain, None), m.start()))
    return sorted(found, key=lambda x: x[1])


def _clause_around(text: str, start: int) -> str:
    left = max((m.end() for m in _CLAUSE_EDGE_RE.finditer(text[:start])), default=0)
    right_m = _CLAUSE_EDGE_RE.search(text[start:])
    right = start + right_m.start() if right_m else len(text)
    return text[left:right]


# --- registry ids ---------------------------------------------------------------------------------


def extract_registry_ids(article: Article) -> list[str]:
    ids: list[str] = [*article.nct_ids, *article.registry_ids]
    text = f"{article.title or ''} {article.abstract or ''}"
    eudract = "eudract" in text.lower()
    if not eudract and not any(map(text.__contains__, _REGISTRY_PREFIXES)):
        return list(dict.fromkeys(ids))  # a bare EudraCT-like number only counts next to "EudraCT"
    for m in REGISTRY_RE.finditer(text):
        value = m.group(1)
        if _EUDRACT_RE.match(value) and not eudract:
            continue
        ids.append(value)
    return list(dict.fromkeys(ids))


# --- assembly -------------------------------------------------------------------------------------


def _evidence(field_name: str, found: Found | None) -> dict[str, str | None] | None:
    if found is None or found.value is None:
        return None
    value = found.value
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return {"field": field_name, "value": text, "sentence": found.sentence, "rule": found.rule}


def _foreign_sentences(ctx: _Context, *, title: bool = False) -> list[Sentence]:
    """The sentences of an abstract in another language, but its labelled background and (unless
    ``title``) its title (the English cues that set unlabelled background aside do not read other
    languages)."""
    skip = (BACKGROUND,) if title else (TITLE, BACKGROUND)
    return [s for s in ctx.sentences if s.section not in skip]


# Designs that report no result of their own, or whose descriptive findings carry none
_NO_FOREIGN_RESULT = frozenset({"protocol", "commentary", "narrative_review", "other"}) | DESCRIPTIVE_DESIGNS


def _reads_english(ctx: _Context) -> bool:
    """The abstract itself is in English (a record of another language with an English abstract)."""
    return ctx.doc_low.count(" the ") >= 3


_FOREIGN_UNCONTROLLED = frozenset({"case_report", "case_series", "single_arm_trial"})


def _foreign_results(ctx: _Context) -> list[Sentence]:
    """A foreign abstract's results: its labelled results section, else its body but the last sentence."""
    labelled = [s for s in ctx.sentences if s.section == RESULTS]
    if labelled:
        return labelled
    body = [s for s in ctx.sentences if s.section != TITLE]
    return body[:-1]


def _foreign_conclusions(ctx: _Context) -> list[Sentence]:
    """A foreign abstract's conclusion: its labelled conclusion section, else its last sentence."""
    labelled = [s for s in ctx.sentences if s.section == CONCLUSIONS]
    if labelled:
        return labelled
    body = [s for s in ctx.sentences if s.section != TITLE]
    return body[-1:]


def extract_study(article: Article) -> Extraction:
    """Design, key numbers, conditions, result and outcomes of one record, with provenance."""
    ctx = _build_context(article)
    counts = _all_counts(ctx)
    best = _best_enrolled(counts, ctx)
    design = classify_design(ctx, best, counts)
    foreign = bool(article.languages) and "eng" not in article.languages
    if foreign and design.rule == "design_commentary_publication_type" and not _has_type(ctx, "editorial") \
            and not _reads_english(ctx) \
            and (own := extract_foreign.foreign_count(extract_foreign.own_patient_sentences(_foreign_sentences(ctx)))):
        # "Sr. Editor: ... Presentamos nuestra experiencia con cuatro mujeres": a letter reporting its
        # own patients in its own language (the English rules that find them read none of it)
        design = Found("case_report" if own[0] == 1 else "case_series", own[1].text,
                       "design_foreign_letter_own_patients")
    if foreign and design.rule == "design_no_cue":
        # "Ensayo clínico aleatorizado, doble ciego": the design in the record's own words
        named = extract_foreign.foreign_design(_foreign_sentences(ctx, title=True))
        if named is not None:
            design = Found(named[0], named[1].text, "design_foreign_language")
    d = str(design.value)
    if d == "animal" and best is not None and best.sentence.section == TITLE:
        # a title's "14 cases" of an animal study: the animals are counted in the abstract
        best = _best_enrolled([c for c in counts if c.sentence.section != TITLE], ctx)
    randomized = extract_randomized(ctx, d)
    blinding = extract_blinding(ctx, d)
    if foreign and blinding is None and d in TRIALS:
        masked = extract_foreign.foreign_blinding(_foreign_sentences(ctx, title=True))
        if masked is not None:
            blinding = Found(masked[0], masked[1].text, "blinding_foreign_language")
    placebo = extract_placebo(ctx, d, counted=best is not None)
    comparator = extract_comparator(ctx, d, placebo)
    crossover: Found | None = None
    if d == "rct_crossover":
        s = _crossover_sentence(ctx)
        crossover = Found(True, s.text if s else design.sentence, "crossover_text")
    elif d in TRIALS or d in OBSERVATIONAL:
        s = _crossover_sentence(ctx)
        crossover = Found(bool(s), s.text if s else None, "crossover_text" if s else "crossover_absent")
    n_enrolled, n_analyzed = extract_counts(ctx, d, counts, best)
    if foreign and (n_enrolled is None or (n_enrolled.rule == "n_bare_head_count" and not _reads_english(ctx))) \
            and d not in NO_DATA_DESIGNS and d not in REVIEW_DESIGNS:
        # an abstract in Spanish, Portuguese, German, French, Italian, Dutch or Polish: its count in its
        # own words (an English rule's bare "11 patients (42 %)" in a French abstract is no better)
        got = extract_foreign.foreign_count(_foreign_sentences(ctx))
        if got is not None:
            n_enrolled = Found(got[0], got[1].text, "n_foreign_language_count")
    ntx = _naltrexone_alias_re(ctx)
    naltrexone = _studies_naltrexone(ctx, ntx)
    mg, per_kg = extract_doses(ctx, d, naltrexone is not None, ntx)
    dose_min, dose_max = (mg[0], mg[1]) if mg else (None, None)
    kg_min, kg_max = (per_kg[0], per_kg[1]) if per_kg else (None, None)
    duration = extract_duration(ctx, d)
    if foreign and duration is None and d not in REVIEW_DESIGNS and d not in _NO_TREATMENT_TIME:
        span = extract_foreign.foreign_duration(_foreign_sentences(ctx))
        if span is not None:
            duration = Found(span[0], span[1].text, "duration_foreign_language")
    conditions = extract_conditions(ctx, article)
    population = extract_population(d, design)
    is_ldn = extract_is_ldn(ctx, naltrexone, dose_max, dose_min)
    result = extract_result(ctx, d)
    if foreign and (result is None or result.value == "unclear") and d not in _NO_FOREIGN_RESULT \
            and not _reads_english(ctx):
        # "La naltrexona en dosis bajas podría ser una alternativa en ...": the conclusion in the
        # record's own language (the English cues read none of it)
        said = extract_foreign.foreign_result(_foreign_conclusions(ctx))
        if said is not None:
            result = Found(said[0], said[1].text, "result_foreign_language_conclusion")
        elif (said := extract_foreign.foreign_result(_foreign_results(ctx))) is not None and said[0] == "positive" \
                and d in _FOREIGN_UNCONTROLLED:
            # "Nach 10 Wochen sank die mittlere Schmerzintensitat von 8 auf 4" in a case report or
            # series whose conclusion only hedges: the course it reports is its finding
            result = Found(said[0], said[1].text, "result_foreign_language_results")
    registry_ids = extract_registry_ids(article)

    if design.rule in ("design_retraction_notice", "design_correction_notice"):
        # The notice reports no study of its own: the retracted or corrected article's numbers,
        # quoted in its title or the notice ("64 of the 120 participants", "should read 28, not
        # 26"), are not this record's.
        randomized = blinding = placebo = comparator = crossover = n_enrolled = n_analyzed = None
        dose_min = dose_max = kg_min = kg_max = duration = result = None
    fields: dict[str, Found | None] = {
        "design": design, "randomized": randomized, "blinding": blinding,
        "placebo_controlled": placebo, "comparator": comparator, "crossover": crossover,
        "n_enrolled": n_enrolled, "n_analyzed": n_analyzed, "dose_mg_min": dose_min,
        "dose_mg_max": dose_max, "dose_mg_per_kg_min": kg_min, "dose_mg_per_kg_max": kg_max,
        "duration_weeks": duration, "population": population, "is_ldn": is_ldn, "result": result,
    }
    study: dict[str, Any] = {"pmid": article.pmid}
    evidence: list[dict[str, str | None]] = []
    for name, found in fields.items():
        study[name] = found.value if found is not None else None
        ev = _evidence(name, found)
        if ev:
            evidence.append(ev)
    study["conditions"] = [c.value for c in conditions]
    primary = primary_conditions(conditions)
    study["primary_conditions"] = [c.value for c in primary]
    for name, found_list in (("conditions", conditions), ("primary_conditions", primary)):
        for c in found_list:
            ev = _evidence(name, c)
            if ev:
                evidence.append(ev)
    study["registry_ids"] = registry_ids
    for rid in registry_ids:
        sentence = next((s.text for s in ctx.sentences if rid in s.text), None)
        evidence.append({"field": "registry_ids", "value": rid, "sentence": sentence,
                         "rule": "registry_id_text" if sentence else "registry_id_record"})
    study["evidence"] = evidence
    study = {k: study.get(k) for k in STUDY_KEYS}
    return Extraction(study=study, outcomes=extract_outcomes(ctx, article.pmid))


# --- literal index --------------------------------------------------------------------------------


def _indexed_patterns() -> list[re.Pattern[str]]:
    """Every fixed regex the extractor gates: the cue vocabularies, the terms and this module's."""
    found: dict[int, re.Pattern[str]] = {}
    for value in [*vars(cue).values(), *globals().values()]:
        if isinstance(value, re.Pattern):
            found[id(value)] = value
    for _, p in CONDITION_RES:
        found[id(p)] = p
    for _, _, p in INSTRUMENT_RES:
        found[id(p)] = p
    for _, p in DOMAIN_WORDS:
        found[id(p)] = p
    found[id(POPULATION_CUE_RE)] = POPULATION_CUE_RE
    for value in vars(extract_numbers).values():
        if isinstance(value, re.Pattern):
            found[id(value)] = value
    return list(found.values())


# Every p-value has its operator: the gate of P_VALUE_RE, whose literals are too short to index.
_P_OPERATOR_RE = cue_re(r"[<>=\u2264\u2265:]|&lt;|&gt;")
_INDEX = LiteralIndex(_indexed_patterns(),
                      features=(NUMBER_WORD_START_RE, DIGIT_RE, NUMBER_WORD_GATE_RE, _P_OPERATOR_RE))
_NUMBER_WORD_BIT = _INDEX.feature_bit(0)
# Cue patterns that read numbers in words, and twins without that branch: the same matches on a
# sentence for which Context.number_words is False (see extract_numbers.digits_only).
_NO_WORDS_TWINS: dict[int, re.Pattern[str]] = {
    id(p): cue_re(p.pattern.replace(NUMBER_WORDS_PATTERN, "(?!)"), p.flags)
    for p in _INDEX.patterns if NUMBER_WORDS_PATTERN in p.pattern
}
# has_number: a digit, or a number word inside a word (the words of the lower-cased text hold every
# non-space literal of it, and for ASCII text a digit in text is a digit in its lower case).
_HAS_NUMBER_BITS = _INDEX.feature_bit(1) | _INDEX.feature_bit(2)
# id(pattern) -> gate bits (None: no gate); patterns missing here use may_match.
_GATE_MASKS: dict[int, int | None] = {id(p): _INDEX.gate_mask(p) for p in _INDEX.patterns}
# The term tables with their gates, to narrow them to a record's doc_bits at once.
_CONDITION_GATES = [(cid, p, _GATE_MASKS[id(p)]) for cid, p in CONDITION_RES]
_INSTRUMENT_GATES = [(x, _GATE_MASKS[id(x[2])]) for x in INSTRUMENT_RES]
_DOMAIN_GATES = [(x, _GATE_MASKS[id(x[1])]) for x in DOMAIN_WORDS]
# Union of the instrument and domain-word gates (None when one of them has no gate).
_MENTION_GATES = [_GATE_MASKS[id(p)] for _, _, p in INSTRUMENT_RES] + [
    _GATE_MASKS[id(p)] for _, p in DOMAIN_WORDS]
_MENTION_BITS: int | None = None if None in _MENTION_GATES else reduce(
    or_, [g for g in _MENTION_GATES if g is not None], 0)
if _GATE_MASKS[id(cue.P_VALUE_RE)] is None:
    _GATE_MASKS[id(cue.P_VALUE_RE)] = _INDEX.feature_bit(3)


def extract_batch(batch: list[tuple[int, Article]]) -> list[tuple[int, dict[str, Any], list[dict[str, Any]]]]:
    """``(seq, study row, outcome rows)`` for each ``(seq, article)``: the unit of work a rebuild
    sends to an extraction worker process (plain data both ways, so it pickles cheaply)."""
    out = []
    for seq, article in batch:
        extraction = extract_study(article)
        out.append((seq, extraction.study, extraction.outcomes))
    return out
