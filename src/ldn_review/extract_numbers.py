"""Counts, doses and durations read from sentences (used by ``extract``). Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .extract_regex import cue_re
from .extract_text import (
    DIGITS_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORD_START_RE,
    NUMBER_WORDS_PATTERN,
    Sentence,
    may_match,
    parse_int,
    parse_number,
)

# Gates: a head count or a duration needs a number, written in digits or in words.
DIGIT_RE = cue_re(r"\d")
_DIGIT_RE = DIGIT_RE
_NUMBER_WORD_GATE = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fourty", "fifty",
                     "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "zero")
# A duration needs one of these unit words ("mo" covers "mos", "months").
_DURATION_UNIT_GATE = ("day", "week", "wk", "mo", "year", "hour", " h")


# has_number's number-word test, as one regex (searched in the words of a lower-cased text).
NUMBER_WORD_GATE_RE = cue_re("|".join(_NUMBER_WORD_GATE))


def has_number(text: str, low: str) -> bool:
    """True when the text holds a number in digits or (possibly) in words."""
    return bool(_DIGIT_RE.search(text)) or any(map(low.__contains__, _NUMBER_WORD_GATE))


def digits_only(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with every NUMBER_PATTERN reduced to its digits branch: the same matches on an
    ASCII text in which NUMBER_WORD_START_RE finds nothing (the words branch cannot match there,
    since it starts with a number word at the start of a word), and 2-3x faster."""
    reduced = pattern.pattern.replace(NUMBER_PATTERN, f"(?:{DIGITS_PATTERN})")
    if reduced == pattern.pattern or "thousand" in reduced:
        raise ValueError(f"not a NUMBER_PATTERN regex: {pattern.pattern[:60]}")
    return cue_re(reduced, pattern.flags)


def may_have_number_words(text: str) -> bool:
    """False only when no number written in words can occur in ``text`` (then ``digits_only``
    twins of the number regexes find the same matches)."""
    return not text.isascii() or bool(NUMBER_WORD_START_RE.search(text))

# --- participant counts ---------------------------------------------------------------------------

# Nouns that make a number a head count. "case reports" counts for case series ("three case reports").
_PEOPLE = (
    r"(?:non-?)?(?:patients?|participants?|subjects?|women|men|females?|males?|adults?|children|adolescents?|"
    r"people|persons?|individuals|volunteers?|admissions|episodes|veterans?|case reports|cases|users?|referents?|"
    r"controls?|rats?|mice|animals?|dogs?|respondents?|outpatients?|inpatients?|survivors?|"
    r"workers?|girls|boys|infants|neonates|smokers|athletes|students|nurses|physicians|"
    r"pregnancies|twins|residents|employees|members|consumers|recipients|completers|pharmacists|"
    r"clinicians|practitioners|doctors|dentists|surgeons|caregivers|carers|parents|households|"
    r"participants|newborns|babies|toddlers|pupils|families|couples|fathers|dyads|comparators|"
    r"initiators|starters|non-?initiators|parturients|mothers|enrollees|beneficiaries|GPs|(?:non-?)?responders)"
)
# Up to three modifiers between the number and the noun: "adult male Wistar rats", "CLBP patients".
# ("454 overweight and obese community-dwelling adults": two modifiers joined by and/or)
_MODS = (r"(?:(?!(?:were|was|and|or|of|with|who|in|to)\b)[A-Za-z][\w/+'\u00ae-]*\s+"
         r"(?:(?<!series )(?<!studies )(?<!trials )(?<!times )(?<!cycles )(?<!doses )(?<!sessions )"
         r"(?:and|or)\s+(?=[A-Za-z])(?!(?:all|most|some|both|each|many|few|no|none|other|the|these|"
         r"those|their|its|his|her|in|on|at|to|of|with|were|was|had|have|then)\b))?){0,3}?")
_NUM = rf"(?P<num>{NUMBER_PATTERN})"
COUNT_RE = cue_re(
    rf"(?<![\w.,/-])(?:[nN]\s*=\s*)?{_NUM}(?!\s*(?:%|percent|/|\.\d|-?year|-?month|-?week|-?day|"
    rf"million|billion))"
    # "15 Veterans Affairs medical centers": a people noun that names a place is no head count
    rf"(?:\s+{_MODS}(?P<noun>{_PEOPLE})\b(?!\s+(?:Affairs|Administration|Health|Hospitals?|Medical|"
    rf"Cent(?:er|re)s?|clinics?|sites?|practices?|homes?|units?|wards?|facilities|centers|centres|"
    # "three online patient communities", "two patient advocacy groups": groups, not people
    rf"communities|forums|organi[sz]ations|associations|advocacy|support groups|charities))|"
    # "53 clinicians and 985 of their patients": the patients of the clusters (not "2 of the
    # patients", a subset)
    rf"\s+of\s+their\s+(?P<noun2>patients|participants)\b|"
    rf"(?=\s+(?:were|was|will|who|had|completed|finished|received|took|entered|underwent|agreed|met|"
    rf"remained|started|began|initiated|commenced|enrolled|returned|responded|participated|consented|"
    # "187 patients were screened and 120 assigned", "and 140 randomly assigned"
    rf"assigned|randomly (?:assigned|allocated)|"
    # "112 randomized (56 per group)", but not "12 randomized controlled trials"
    rf"randomi[sz]ed(?!(?:[\s,]+(?!(?:to|into|in|at|from|and|or)\b)[\w-]+){{0,4}}?[\s,]+"
    rf"(?:trials?|studies|RCTs?)\b))\b)|"
    rf"-(?P<hyph>patient|participant|"
    rf"subject|person|women|member)s?\b)",
    re.I,
)
# Groups written as "(Group A, 22 patients)" or "group (n = 23)": summed when nothing better exists.
GROUP_SIZE_RE = cue_re(
    rf"(?:\(\s*(?:group|arm|cohort)\s+\w+\s*,\s*(?P<a>{NUMBER_PATTERN})\s+{_PEOPLE}\s*\)"
    rf"|\b(?:group|arm|cohort)\s*\(\s*n\s*=\s*(?P<b>\d+)\s*\)"
    # "(LDN group, n=32)", "(control arm; n = 30)"
    rf"|\(\s*(?:[\w-]+\s+){{1,3}}?(?:group|arm|cohort)\s*[,;:]\s*n\s*=\s*(?P<c>\d+)\s*\))",
    re.I,
)
# "patients (N = 3775)", "Participants with FM (n = 28)": the count sits in brackets.
N_EQUALS_RE = cue_re(
    rf"\b{_PEOPLE}(?:\s+(?:with|from|in|at|on)\s+(?:[\w'/-]+\s+){{0,5}}?[\w'/-]+)?\s*\(\s*[nN]\s*=\s*"
    rf"(?P<num>\d[\d,]*)\s*\)(?P<rand>\s*(?:were|was)\s+(?:randomi[sz]ed|randomly))?", re.I
)
# What every N_EQUALS_RE match holds; found with one cheap scan (the full pattern is slow).
_N_EQUALS_GATE_RE = cue_re(r"\(\s*[nN]\s*=")
# A total written "N = 679" (capital N, the usual sign of the whole sample; lower-case n is a group).
N_TOTAL_RE = cue_re(r"(?:^|(?<=[\s(\[;,:]))N\s*=\s*(?P<num>\d[\d,]*)\b(?!\s*(?:%|per|in each))")
# "randomly allocated to 3 groups (n = 30 per arm)": groups times the size of each.
GROUPS_TIMES_RE = cue_re(
    r"\b(?P<k>[2-9]|two|three|four|five|six) (?:[\w-]+ )?(?:groups|arms)\b[^.;]{0,40}?"
    r"(?:\(\s*n\s*=\s*)?(?P<n>\d+)\s*(?:participants |patients |subjects )?(?:per|in each|each) "
    r"(?:arm|group)", re.I
)
SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "Propensity score matching produced three cohorts of 6275 patients each"
_COHORTS_OF_EACH_RE = cue_re(
    r"\b(?P<k>[2-6]|two|three|four|five|six) (?:[\w-]+ )?(?:groups|arms|cohorts) of (?P<n>\d[\d,]*) "
    r"(?:[\w-]+ )?(?:participants|patients|subjects|people|users|adults|children|women|men) each\b", re.I
)
ARM_LIST_RE = cue_re(
    rf"(?<![\w.,/-])({NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\s+)?(?:were\s+|was\s+)?(?:in|to|into)\s+"
    rf"the\s+(?:[\w-]+\s+){{0,3}}?(?:group|arm)\b", re.I)
PER_GROUP_RE = cue_re(r"\(\s*n\s*=\s*(?P<n>\d+)\s*(?:per|in each|each) (?:group|arm)\s*\)", re.I)
# The arms of a list "naltrexone 0.1 mg/kg, naltrexone 10 mg/kg or saline (n = 12 per group)": one
# per dose and one per control named (doses in brackets, such as the model's, are left out).
_ARM_DOSE_RE = cue_re(r"\b\d+(?:\.\d+)?\s*(?:mg|\u00b5g|mcg|g)(?:/kg)?\b", re.I)
_CONTROL_ARM_RE = cue_re(r"\b(?:vehicle|saline|placebo|sham|untreated|no treatment)\b"
                         r"(?![^,;]{0,25}?\d\s*(?:mg|\u00b5g|mcg|g)\b)", re.I)  # "placebo midazolam 5 mg": one arm
_ALTERNATIVE_RE = cue_re(r"\bor\b(?! more| less| longer)|\bversus\b|\bvs\.?(?= )", re.I)
# "we studied 25 patients with FMS, 10 patients with depression, and 35 healthy controls": a list of
# groups after an enrolment verb, summed.
_LIST_START_RE = cue_re(
    rf"\b(?:studied|enrolled|included|recruited|identified|examined|comprised|involved|"
    rf"compared)\s+(?P<num>{NUMBER_PATTERN})\s+{_MODS}{_PEOPLE}\b", re.I
)
_LIST_VERBS = ("studied", "enrolled", "included", "recruited", "identified", "examined", "comprised",
               "involved", "compared")
_LIST_NEXT_RE = cue_re(
    rf"[^.;\d]{{0,120}}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:an?\s+|the\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    rf"{_MODS}{_PEOPLE}\b", re.I
)
# "A total of 1455 patients received tofacitinib 5 mg, 1456 received tofacitinib 10 mg and 1451
# received a TNF inhibitor": three or more groups, each with the verb
_BARE_INT_RE = cue_re(r"(?<![\w.,])\d+(?![\w.,%])")
# (also with thousands separators: "Of 6,418 patients, 2,107 received LTOT and 4,311 did not")
_BARE_COUNT_RE = cue_re(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w.,%])|(?<![\w.,])\d+(?![\w.,%])")
_RECEIVED_START_RE = cue_re(
    rf"(?<![\w.,/-])(?P<num>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\s+)?(?:received|were given|took|used)\b", re.I)
_RECEIVED_NEXT_RE = cue_re(
    rf"(?:[^.;\d]|\d+(?:\.\d+)?\s*(?:(?:mg|mcg|\u00b5g|ml|mL)\b|%)){{1,80}}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?P<num>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\s+)?(?:received|were given|took|used)\b", re.I)
# "144 were randomised to normal care, 147 to massage, 144 to six lessons and 144 to 24 lessons"
_ARMS_TO_START_RE = cue_re(
    rf"(?<![\w.,/-])(?P<num>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\s+)?(?:were\s+|was\s+)?"
    rf"(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)\s+to\b", re.I)
# (an arm may be a dose: "50 patients were allocated to 20 mg and 48 to 40 mg")
_ARMS_TO_NEXT_RE = cue_re(
    rf"(?:[^.;\d]|\d+(?:\.\d+)?\s*(?:(?:mg|mcg|\u00b5g|ml|mL)\b|%)){{1,80}}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?P<num>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\s+)?(?:were\s+)?to\b", re.I)
# "(48 in total)", "(n = 12 per group; 48 in total)": a stated total in brackets.
# "(n = 45; 90 in total)", and "mice (48 in total; 12 per sex and treatment)", split at its ";"
# "(1583 in all)"
TOTAL_IN_BRACKETS_RE = cue_re(rf"(?:\(|;)\s*(?P<num>{NUMBER_PATTERN})\s+(?:(?:in\s+)?total|in all)\s*[);]", re.I)
# "..., totalling 356 patients": the total of the groups listed before it.
_TOTALLING_RE = cue_re(rf"\b(?:total(?:l)?ing|together (?:describing|including|comprising|reporting on))\s+"
                       rf"(?:a\s+total\s+of\s+)?{_NUM}\s+{_MODS}{_PEOPLE}\b"
                       rf"(?![- ](?:years?|months?|weeks?|days?|time)\b)", re.I)
# "64 rats in total", "with 497 patients in total": a stated total (inside brackets too).
TOTAL_PEOPLE_RE = cue_re(
    rf"(?<![\w.,/-])(?P<num>{NUMBER_PATTERN})\s+{_MODS}{_PEOPLE}\s+(?:in total|altogether)\b", re.I)
# Two head counts joined in one clause and enrolled together: "55 patients with OIH and 21 with FM
# were included", "36 LDN users were matched with 42 control patients", "13 females and 2 males".
SUM_RE = cue_re(
    rf"(?<![\w.,/-]){_NUM}\s+{_MODS}{_PEOPLE}\b[^.;\d]{{0,140}}?\b(?:and(?: from)?|were matched (?:to|with)|"
    rf"matched (?:them |each case )?(?:to|with)|versus|vs\.?)\s+(?P<num2>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\b|who\b|with\b|"
    # ("and 1 to 5 years of neuropathy" is a range, not a second group)
    rf"to\b(?!\s*\d)|continued\b|underwent\b|(?P<recv>received|chose|selected|took)\b|placebo\b|sham\b|in\s+the\b)",
    re.I,
)
# Two groups sharing one people noun: "A total of 11 798 anti-TNF-treated and 3598 nbDMARD-treated
# patients were included"
_SHARED_NOUN_SUM_RE = cue_re(
    rf"(?<![\w.,/-]){_NUM}\s+[\w-]+-(?:treated|exposed)\s+and\s+(?P<num2>{NUMBER_PATTERN})\s+[\w-]+-(?:treated|exposed)\s+"
    rf"{_PEOPLE}\s+(?:were|was)\s+(?:included|enrolled|studied|identified|analy[sz]ed|followed|compared)\b", re.I)
# Medical specialists. They are the people counted only as a survey's respondents ("612
# dermatologists responded") or as those interviewed ("interviews with 21 GPs"); elsewhere
# ("two neurologists rated 48 patients") the patients are counted.
_SPECIALISTS = (r"(?:[a-z]+ologists|psychiatrists|an(?:a)?esthetists|physiotherapists|chiropractors|"
                r"midwives|prescribers|optometrists|p(?:a)?ediatricians|internists)")
_INTERVIEWED_CLINICIANS_RE = cue_re(
    rf"\binterview(?:s|ed)?\b[^.;]{{0,40}}?\bwith\s+{_NUM}\s+{_MODS}(?:GPs|general practitioners|"
    rf"physicians|clinicians|doctors|nurses|pharmacists|{_SPECIALISTS})\b", re.I)
_SPECIALIST_RESPONDENTS_RE = cue_re(
    rf"(?<![\w.,/-]){_NUM}\s+{_MODS}{_SPECIALISTS}\b\s*(?:\([^()]*\)\s*)?(?:responded|replied|"
    rf"participated|took part|answered|returned|completed the|were (?:surveyed|interviewed))\b", re.I)
_POOLED_IN_BRACKETS_RE = cue_re(
    rf"\b(?:studies|trials|RCTs)\s*\(\s*(?:[^();]{{1,60}};\s*)?(?:n\s*=\s*)?{_NUM}\s+{_MODS}{_PEOPLE}\b", re.I)
# ("Four trials (two crossover, two parallel; 251 participants) were included")
# "Eighty-seven patients started LDN and 125 amitriptyline", "Forty-six women entered the pool
# group and thirty-nine the home group": the second arm with its verb left out
_ELLIPTICAL_ARMS_RE = cue_re(
    rf"(?<![\w.,/-]){_NUM}\s+{_MODS}{_PEOPLE}\s+(?:started|entered|received|took|chose|joined|"
    rf"were (?:given|treated with|allocated to|assigned to))\b[^.;,\d]{{1,60}}?\band\s+"
    rf"(?P<num2>{NUMBER_PATTERN})\s+(?:(?:the|to|on|in|with)\s+)?"
    # ("... and two hundred and ninety-eight a topical NSAID": the second arm's treatment in a few words)
    rf"(?:an?\s+[\w-]+\s+(?=[\w-]+\s*[.;,)]))?"
    rf"(?!(?:were|was|had|did|withdrew|discontinued|stopped|completed|dropped|died|of|patients|"
    rf"participants)\b)[A-Za-z][\w-]*(?:\s+(?:group|arm|alone|only))?\s*(?=[.;,)]|$)", re.I)
# Cheap gates: literals one of which every match of the named pattern contains.
_SPECIALIST_GATE = ("ologist", "iatrist", "thetist", "therapist", "practor", "midwi", "prescriber",
                    "metrist", "iatrician", "internist")
_ELLIPTICAL_VERBS = ("started", "entered", "received", "took", "chose", "joined", "were given",
                     "were treated", "were allocated", "were assigned")
_N_WITH_VERBS = ("randomi", "randomly assigned", "enrolled", "included", "recruited")
_SUBSET_BEFORE_RE = cue_re(r"\b(?:of|among) (?:these|them|which|whom|those)\b|\bof the (?:included|[\w-]+ )?"
                           r"(?:studies|trials)\b", re.I)
_N_WITH_CONDITION_RE = cue_re(
    # (the conditions may be a list of criteria: "96 with RA, DAS28-CRP below 3.2 and Brief Pain Inventory
    # (BPI) average pain of 4 or higher were randomised")
    rf"(?<![\w.,/-]){_NUM}\s+with\s+(?:[\w'(),.-]+\s+){{1,20}}?(?:were|was)\s+"
    rf"(?P<verb>randomi[sz]ed|randomly assigned|enrolled|included|recruited)\b", re.I)
_PER_EACH_AFTER_RE = cue_re(r"\s*(?:\w+\s+){0,2}?(?:each|per)\b", re.I)
# "We matched 412 LDN users to 1236 non-users": the matched cohort is both groups (not a ratio:
# "with 4 non-users each", "to up to 4 controls")
MATCHED_GROUPS_RE = cue_re(
    rf"\bmatched\s+(?:a total of\s+)?{_NUM}\s+{_MODS}{_PEOPLE}\b[^.;\d]{{0,80}}?\b(?:to|with)\s+"
    rf"(?P<num2>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\b|(?:non-?)?(?:users|exposed|controls)|without\b)",
    re.I,
)
_PAREN_RE = cue_re(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_COUNT_DIGITS_RE = digits_only(COUNT_RE)
_SUM_DIGITS_RE = digits_only(SUM_RE)

# Clause after a count, classified in this order (first class whose pattern matches wins).
_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arm", cue_re(r"^\W*(?:per|in each|each)\s+(?:arm|group)|^\W*(?:[\w-]+\s+){0,3}?(?:were|was)\s+"
                   r"(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)\s+(?:to|into)\s+each\b",
                   re.I)),
    ("ignored", cue_re(r"^\W*(?:\w+\s+){0,3}?(?:withdr[ae]w|dropped|discontinued|stopped|were lost|"
                           r"were excluded|declined|refused|died|had (?:side|adverse)|"
                           # "One participant had transient nausea": an event, not the sample
                           r"(?:had|reported|experienced|developed) (?:\w+ ){0,2}?(?:nausea|headaches?|insomnia|"
                           r"dizziness|(?:vivid )?dreams|nightmares|rash|diarrh\w+|constipation|vomiting|somnolence|"
                           r"anxiety|agitation|palpitations|fatigue)\b|"
                           # "65 were not randomized (27 because of a placebo response ...)"
                           r"(?:were|was|had) not (?:been )?(?:randomi[sz]ed|enrolled|included|allocated|assigned))", re.I)),
    # "Of 113 participants completing the randomised phase, 81 entered the extension": the pool an
    # extension enrols from
    ("screened", cue_re(r"^\W*(?:\w+\s+){0,2}?(?:completing|who completed|having completed) the (?:\w+[ -]){0,2}?"
                        r"(?:phase|period|part)\b", re.I)),
    # "163 entered a 2-week single-blind placebo run-in, and those whose pain remained ... were
    # randomized": those who entered the run-in, not the randomised
    ("enrolled", cue_re(r"^\W*(?:\w+\s+){0,2}?entered (?:a|an|the) [^,;]{0,40}?\b(?:run-in|lead-in)\b", re.I)),
    ("randomized", cue_re(r"(?<!after )(?<!before )(?<!since )(?<!until )(?<!at )\brandomi[sz]|"
                          r"\brandomly (?:assigned|allocated)|\ballocated\b|^\W*assigned\b", re.I)),
    ("itt", cue_re(r"intention[- ]to[- ]treat|\bITT\b", re.I)),
    ("enrolled", cue_re(r"^\W*(?:\w+\s+){0,3}?(?:completed|returned|answered|filled in|filled out) "
                            r"(?:the |a |an )?(?:\w+[ -]){0,3}?(?:questionnaires?|surveys?|interviews?|"
                            r"supplements?|modules?|forms?)|^\W*(?:\w+\s+){0,3}?(?:started|began|"
                            r"initiated|commenced)\b",
                            re.I)),
    ("eligible", cue_re(r"^\W*(?:\w+\s+){0,3}?(?:were|was) (?:found )?(?:eligible|identified)\b", re.I)),
    # "1,024 met criteria and completed it": the inclusion decides, not the completion after it
    ("enrolled", cue_re(r"^\W*(?:\w+\s+){0,2}?met (?:the |this |these |all |our )?(?:\w+ )?criteri(?:a|on)\b",
                        re.I)),
    ("screened", cue_re(r"^\W*(?:\w+\s+){0,6}?(?:were |was )?(?:screened|assessed for eligibility|"
                            r"asked|invited|approached|contacted|eligible|interviewed|approved|considered|"
                            r"selected|sampled|drawn|"
                            # "1,408 people who opened the survey": visitors, not respondents
                            r"(?:opened|visited|accessed|viewed|clicked on|started) (?:the |an? )?(?:online |web )?"
                            r"(?:survey|questionnaire|link|page|website))",
                            re.I)),
    ("analyzed", cue_re(r"\b(?:could be (?:evaluated|analy[sz]ed|assessed)|were evaluable|"
                            # "adults who had completed inpatient detoxification": history
                            # (not "after chemotherapy completed at least 6 months earlier": history)
                            r"(?<!had )(?<!have )completed(?! (?:at least |more than |over |about )?\S+ "
                            r"(?:days?|weeks?|months?|years?) (?:earlier|before|previously|ago|prior))|"
                            r"finished|analy[sz]ed|analysis|contributed data|"
                            r"complete data|per[- ]protocol|evaluable)\b", re.I)),
    ("enrolled", cue_re(r"\b(?:enrolled|recruited|included|took part|take part|participated|entered|"
                            r"were studied|were treated|received|were given|took|were prescribed|"
                            r"answered|were evaluated|were assessed|were divided|were allocated|"
                            r"were assigned|underwent|were followed|comprised|met (?:the |this |these |all |our )?"
                            r"(?:\w+ )?criteri(?:a|on)|agreed to participate|were consented|"
                            r"attended|were included|were examined|were observed|were reviewed|"
                            r"responded|returned|consented)\b",
                            re.I)),
)
_BEFORE_ENROLLED_RE = cue_re(
    r"(?:enrolled|enrolling|recruited|recruit|recruiting|included|including|involved|involving|"
    r"comprised|comprising|studied|describes?|described|reports?|reported|presents?|presented|"
    r"records of|charts of|cohort of|sample of|series of|total of|In total,?|overall,?|"
    r"data (?:from|on|for)|data (?:were|was) available (?:for|from|on)|a group of|"
    r"(?:returned|completed|answered|filled (?:in|out)) by|"
    r"responses (?:from|of)|responded?:?|giving|yielding)\s*$",
    re.I,
)
_MATCHED_EACH_RE = cue_re(
    rf"\bmatched (?:each (?:case |patient )?(?:to|with) (?P<k>{NUMBER_PATTERN}) (?:controls\b|(?:[\w-]+ ){{0,2}}?"
    rf"(?:{_PEOPLE}|non-?users)\b)|(?:with|to) (?:up to )?(?P<k2>{NUMBER_PATTERN}) controls each\b)"
    rf"(?:[^.;()]{{0,80}}\((?:(?P<m>\d[\d,]*) controls|n\s*=\s*(?P<m2>\d[\d,]*))\))?", re.I)
# "Of 2,960 eligible LDN users, 2,114 had baseline and follow-up values and were matched to 4,228
# non-users": both groups
_WERE_MATCHED_TO_RE = cue_re(
    rf"(?<![\w.,/-]){_NUM}\s+(?:[\w-]+\s+){{0,12}}?(?:were|was)\s+matched\s+(?:\d\s*:\s*\d\s+)?(?:to|with)\s+"
    rf"(?P<num2>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}|non-?users|controls)\b", re.I)
# "completion was achieved by 27 of 41 LDN patients (66%) and 19 of 45 comparison patients (42%)"
_TWO_DENOMINATORS_RE = cue_re(
    r"\b\d+ of (?P<a>\d[\d,]*) (?:[\w-]+ ){0,2}?(?:patients|participants|users|women|men)\b[^.;]{0,40}?\band "
    r"\d+ of (?P<b>\d[\d,]*) (?:[\w-]+ ){0,2}?(?:patients|participants|users|women|men|controls)\b", re.I)
# The cases of a case-control sentence: "6,915 cases with an ED visit ... were matched with"
_CASES_BEFORE_RE = cue_re(rf"(?<![\w.,/-])(?P<num>{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,3}}?cases\b", re.I)
# A matched cohort: "we identified 1,284 new LDN users and matched them 1:2 on a propensity score to
# 2,568 patients with fibromyalgia who did not start LDN"
_MATCHED_THEM_RE = cue_re(
    rf"\b(?:identified|included|selected|enrolled)\s+(?:a total of\s+)?{_NUM}\s+{_MODS}{_PEOPLE}\b"
    rf"[^.;]{{0,160}}?\bmatched (?:them|these|each of them)\b[^.;]{{0,120}}?\bto\s+"
    rf"(?P<num2>{NUMBER_PATTERN})\s+{_MODS}{_PEOPLE}\b", re.I)
# Two groups named by one word each, the people noun said once: "The matched cohort included 143
# LDN and 286 duloxetine patients" (not "3 RCTs and 286 patients")
_TWO_LABELLED_GROUPS_RE = cue_re(
    rf"\b(?:included|comprised|enrolled|studied|identified|consisted of)\s+(?:a total of\s+)?{_NUM}\s+"
    rf"(?!(?:trials?|studies|RCTs?|cohorts?|sites?|cent(?:er|re)s?|hospitals?|countries|clinics?|practices?|"
    rf"articles?|reports?|records?|databases?)\b)[A-Za-z][\w-]*\s+and\s+(?P<num2>{NUMBER_PATTERN})\s+"
    rf"(?:[\w-]+\s+)?{_PEOPLE}\b", re.I)
# A survey's respondents after its visitors: "Of 1,530 people who opened the survey, 1,112 were
# current or past LDN users and completed it"
_SURVEY_COMPLETERS_RE = cue_re(
    rf"\b(?:opened|visited|accessed|started) (?:the |an? )?(?:online |web )?(?:survey|questionnaire|link)\b"
    rf"[^.;]{{0,40}}?,\s*(?P<num>{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,8}}?completed (?:it|them|the "
    rf"(?:survey|questionnaire))\b", re.I)
# "the records of 128 patients ..., of whom 93 met the inclusion criteria"
_OF_WHOM_MET_RE = cue_re(
    rf"\b(?:of|among) (?:whom|these|them)\s*,?\s+(?P<num>{NUMBER_PATTERN})\s+(?:{_MODS}{_PEOPLE}\s+)?"
    rf"(?:met|fulfilled|satisfied) (?:the |all |our )?(?:\w+ )?(?:inclusion |eligibility |study )?criteri", re.I)
# "Twenty-one of the 24 randomized participants completed": the randomised, named as a base.
_OF_THE_RANDOMIZED_RE = cue_re(
    rf"(?:(?<![\w.,/-])(?P<sub>{NUMBER_PATTERN})\s+)?\bof (?:the |all )?(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?P<verb>randomi[sz]ed|enrolled|included|recruited)\s+{_MODS}{_PEOPLE}\b"
    rf"(?P<done>[^.;]{{0,40}}?\b(?:completed|were analy[sz]ed|finished)\b)?", re.I)
# "pain of 4 of 10", "pain of 4 or more out of 10 were randomised": a score's scale.
_SCORE_OF_BEFORE_RE = cue_re(
    r"\b\d+(?:\.\d+)?(?:\s+or\s+(?:more|higher|greater|above|less|lower))?\s+(?:of|out of)\s*$", re.I)
_FOR_ANALYSIS_AFTER_RE = cue_re(r"\s+(?:[\w-]+\s+)?(?:for (?:the )?(?:analys[ie]s|evaluation)|evaluable|analy[sz]able)\b",
                                re.I)
_LEAVING_BEFORE_RE = cue_re(r"\bleaving(?: a total of| a final sample of| a sample of)?\s*$", re.I)
# "..., leaving 102 (CD, 71; UC, 31).": the count needs no noun after "leaving"
_LEAVING_RE = cue_re(rf"\bleaving(?: a total of| a final sample of| a sample of)?\s+(?P<num>{NUMBER_PATTERN})\b"
                     rf"(?!\s*(?:%|percent|/))", re.I)
_BEFORE_RANDOMIZED_RE = cue_re(
    r"(?:randomly (?:assigned|allocated)|randomi[sz]ed|randomi[sz]ing|we (?:assigned|allocated))\s*$",
    re.I,
)
# A count's clause ends where the next number of the sentence starts ("Of 265 patients enrolled,
# 25 withdrew before randomization and 240 were randomized").
_CLAUSE_CUT_RE = cue_re(rf"[,;]\s*(?:and\s+)?(?:\d|\b{NUMBER_WORDS_PATTERN}\b)|\band\s+\d|"
                        r"\b(?:of|among) (?:whom|these|them|those)\b|"
                        # "Of the 465 patients enrolled, fewer than half completed the year"
                        r"[,;]\s*(?:and\s+)?(?:(?:fewer|more|less) than|most|half|nearly all|almost all|"
                        r"none|only)\b", re.I)
_ALL_BEFORE_RE = cue_re(r"\b(?:All|all)(?: the| of the)?\s*$")
_BEFORE_ANALYZED_RE = cue_re(r"(?:analys[ie]s included|analy[sz]ed|[Aa]mong (?:the|these|them)|remaining|"
                                 r"of whom|of these|of them|(?:per[- ]protocol|analy[sz]ed|analysis|evaluable|"
                                 r"efficacy|safety|intention[- ]to[- ]treat|ITT|completer) (?:population|set|"
                                 r"sample|cohort) (?:comprised|included|consisted of|was|were|of))\s*$",
                                 re.I)
_OF_WHOM_BEFORE_RE = cue_re(r"\b(?:of|among) (?:whom|these|them|those)\s*,?\s*$", re.I)
_BEFORE_DENOMINATOR_RE = cue_re(
    r"(?:\bOf(?: the| all)?|\bof the|\bin|\bto|\bfor|\bfrom|\b[Aa]mong|\bon)\s*$")
# Invitations are not participation: "mailed a questionnaire to all 611 veterans".
_BEFORE_INVITED_RE = cue_re(
    r"\b(?:mailed|e-?mailed|sent|posted|distributed|invited|offered)\b[^.;]{0,80}?\bto(?: all| the)?\s*$",
    re.I,
)
# "we screened 212 patients", "we assessed 3444 patients for eligibility": who was looked at, not
# who took part.
_BEFORE_SCREENED_RE = cue_re(r"\b(?:screened|approached|contacted)\s*$", re.I)
_BEFORE_ASSESSED_RE = cue_re(r"\b(?:assessed|evaluated|examined|checked)\s*$", re.I)
_OTHER_STUDY_AFTER_RE = cue_re(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:in|from|of|during) (?:the|a|an) (?:[\w-]+\s+)?(?:parent|original|preceding|"
    r"previous|prior|core|feeder|lead-in|antecedent) (?:study|trial|phase|RCT|studies|trials)\b", re.I)
_FOR_ELIGIBILITY_RE = cue_re(r"^\W*(?:\w+\s+){0,2}?for (?:eligibility|inclusion)\b", re.I)
_BEFORE_SKIP_RE = cue_re(r"(?:\+/-|\u00b1|[<>\u2264\u2265=]|\b(?:\d+|one|two|three|four|five|six|seven|"
                             r"eight|nine|ten) in|\b(?:stage|phase|week|day|"
                             r"month|year|period|visit|cycle|grade|type|step|arm|group|level|class|"
                             r"version|part|session|round|wave)|\bat least|\bup to|\bmore than|\bover|\bunder|\bfewer than|"
                             r"\bonly|\bbetween|\baged?)\s*$", re.I)
_WILL_BE_ENROLLED_RE = cue_re(
    r"[^.;]{0,80}?\bwill be (?:randomi[sz]ed|enrolled|recruited|included|allocated)\b", re.I)
# "a body mass index of 36 who was started on ...": a measurement (with no people word after it)
_MEASURE_BEFORE_RE = cue_re(r"\b(?:index|BMI|score|weight|height|level|concentration) (?:of )?$", re.I)
# "Study 1 randomized 360 patients": a capitalised name before a number labels it (case-sensitive:
# "In this trial 120 patients were randomised" is a count)
_LABEL_BEFORE_RE = cue_re(r"\b(?:Study|Trial|Experiment)\s*$")

# Rank of a count by how it was found (lower is stronger); among equal ranks the earlier sentence wins.
RANK_RANDOMIZED = 1
RANK_ENROLLED = 2
RANK_WEAK = 3  # "Of 137 patients", "in 354 women", "(N = 3775)", ITT population
RANK_GROUPS = 4  # sum of group sizes
RANK_BARE = 5  # a head count with no verb at all


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    kind: str  # randomized, enrolled, analyzed, ...
    rank: int
    sentence: Sentence
    rule: str
    cluster: bool = False  # counts clinicians, practices or sites of a cluster trial, not patients


def _strip_brackets(text: str) -> str:
    return _PAREN_RE.sub("", text)


def _classify_clause(clause: str) -> str | None:
    low = clause.lower()
    for kind, pattern in _KIND_PATTERNS:
        if may_match(pattern, low) and pattern.search(clause):
            return kind
    return None


_EVALUABLE_RE = re.compile(r"\b(?:evaluable|assessable|analy[sz]able|analy[sz]ed)\b", re.I)


def _count_from_match(m: re.Match[str], text: str, next_start: int, sentence: Sentence) -> Count | None:
    value = parse_int(m.group("num"))
    if value is None or value <= 0 or value > 2_000_000:
        return None
    noun = m.group("noun") or m.group("noun2")
    num = m.group("num")
    if num[0].isdigit() and 1900 <= value <= 2100 and not noun:
        return None  # a year
    if num[0] == "0" and len(num) > 1 and num[1].isdigit():
        return None  # "Study 05": a label, counts have no leading zero
    before = text[max(0, m.start() - 40):m.start()]
    skip = _BEFORE_SKIP_RE.search(before)
    if skip and skip.group(0).lower().strip() == "up to" and noun and \
            _WILL_BE_ENROLLED_RE.match(text, m.end()):
        skip = None  # "Up to 600 adults with fibromyalgia will be randomised": a protocol's planned sample
    if skip or _BEFORE_SCREENED_RE.search(before) or _LABEL_BEFORE_RE.search(before):
        return None
    if not noun and _MEASURE_BEFORE_RE.search(before):
        return None
    if not noun and _SCORE_BOUND_BEFORE_RE.search(before):
        return None  # "with a CDAI of 220 to 450 were enrolled", "a PCDAI above 30 were randomised": a score
    if _INCLUDING_BEFORE_RE.search(before) and not _STUDIES_NOUN_RE.search(before):
        return None  # "25,871 participants, including 5106 Black participants": a subgroup
    if _SCORE_OF_BEFORE_RE.search(before):
        if not noun:
            return None  # "pain of at least 4 of 10 received ...": a score's scale, not a count
        # "in 11 (27%) of 41 patients allocated FMT": the denominator of an event count
        return Count(value, "enrolled", RANK_WEAK, sentence, "n_denominator")
    if "to" in before and _BEFORE_INVITED_RE.search(text[max(0, m.start() - 120):m.start()]):
        return None
    clause = text[m.end():next_start][:160]
    if noun and next_start < len(text) and _MEAN_OF_TAIL_RE.search(clause):
        # "Seventeen patients with a mean CDAI of 356 +/- 27 were enrolled": the verb comes after
        # the baseline value
        clause = text[m.end():m.end() + 160]
    if noun and _PLACE_AFTER_RE.match(clause):
        return None  # "Two university-based outpatient research clinics": the people word is an adjective
    if before.rstrip().lower().endswith((" at", " in", " from")) and _PLACE_AFTER_RE.match(text[m.end("num"):]):
        return None  # "at one clinic patients received naltrexone": a place, not one patient
    if _REMAINING_RE.search(m.group(0)) or _REMAINING_BEFORE_RE.search(before):
        return None  # "The 3 remaining patients received a second infusion": a subgroup
    clause = clause.split(";")[0]
    if _BEFORE_ASSESSED_RE.search(before) and _FOR_ELIGIBILITY_RE.match(clause):
        return None
    if _OTHER_STUDY_AFTER_RE.match(clause):
        return None  # "Of the 66 patients randomized in the parent study, 63 entered the extension"
    cut = _CLAUSE_CUT_RE.search(clause)
    if cut:
        clause = clause[:cut.start()]
    if m.group("hyph"):
        return Count(value, "enrolled", RANK_ENROLLED, sentence, "n_hyphenated_patient_count")
    kind = _classify_clause(clause)
    if kind in ("arm", "ignored", "screened"):
        return None
    if _BEFORE_ANALYZED_RE.search(before):
        if kind == "randomized" and _OF_WHOM_BEFORE_RE.search(before):
            # "214 adults were screened, of whom 68 were randomized": the screened are no sample
            return Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_randomized")
        return Count(value, "analyzed", RANK_WEAK, sentence, "n_analyzed_after_cue")
    if noun and _BEFORE_RANDOMIZED_RE.search(before):
        return Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_randomized_object")
    if kind == "randomized":
        if (before.rstrip().lower().endswith((" in", " among")) or _BARE_PARTICIPLE_RE.match(clause)) and \
                _share_after_number(sentence.text, num):
            # "Induction failed in 27 (26%) participants assigned XR-NTX compared with six (6%)
            # assigned BUP-NX": events in the arms
            return None
        return Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_randomized")
    if kind == "itt":
        return Count(value, "enrolled", RANK_WEAK, sentence, "n_itt_population")
    if kind == "analyzed":
        if _ALL_BEFORE_RE.search(before):  # "All 90 patients completed the study"
            return Count(value, "enrolled", RANK_WEAK, sentence, "n_all_completed")
        return Count(value, "analyzed", RANK_WEAK, sentence, "n_completed_or_analyzed")
    if kind == "enrolled":
        if _percent_follows(sentence.text, m.group(0)):
            # "2040 persons (11%) enrolled in treatment": a share of a larger population
            return Count(value, "enrolled", RANK_GROUPS, sentence, "n_enrolled_share")
        return Count(value, "enrolled", RANK_ENROLLED, sentence, "n_enrolled_verb")
    if kind == "eligible":  # "In all, 341 patients were eligible": the population when nothing better
        return Count(value, "enrolled", RANK_BARE, sentence, "n_eligible")
    if _LEAVING_BEFORE_RE.search(before):
        if _FOR_ANALYSIS_AFTER_RE.match(text, m.end()):
            # "LDN was prescribed to 128 patients; 46 did not return, leaving 82 for analysis"
            return Count(value, "analyzed", RANK_WEAK, sentence, "n_completed_or_analyzed")
        # "119 had received LDN; 17 were excluded ..., leaving 102": the sample after exclusions
        return Count(value, "enrolled", RANK_ENROLLED, sentence, "n_remaining_after_exclusions")
    if _BEFORE_ENROLLED_RE.search(before):
        if _percent_follows(sentence.text, m.group(0)):
            return Count(value, "enrolled", RANK_GROUPS, sentence, "n_enrolled_share")
        return Count(value, "enrolled", RANK_ENROLLED, sentence, "n_after_enrolment_cue")
    if not noun:
        return None
    if _BEFORE_DENOMINATOR_RE.search(before) or noun.lower() in ("cases", "case reports"):
        if _RANDOMIZED_WORD_RE.search(m.group(0)):
            # "Of 354 randomized patients, 177 received duloxetine and 177 placebo": the randomised
            return Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_randomized_denominator")
        if _percent_follows(sentence.text, m.group(0)) and before.rstrip().lower().endswith(" in"):
            # "A likely neuropathic component was found in 77 patients (24.7%)": a share of the
            # sample, not the sample
            return None
        if _EVALUABLE_RE.search(m.group(0)):
            # "10 of the 17 evaluable patients reported a reduction": those analysed, not the sample
            return Count(value, "analyzed", RANK_WEAK, sentence, "n_denominator_evaluable")
        return Count(value, "enrolled", RANK_WEAK, sentence, "n_denominator")
    if m.start() == 0 and sentence.section == "methods":
        # "17,568 Massachusetts adults without cancer who survived an overdose." (Participants)
        return Count(value, "enrolled", RANK_WEAK, sentence, "n_population_statement")
    if _RATE_BASE_BEFORE_RE.search(before):
        return None  # "needed to treat to obtain one patient with relief", "per 1000 patients"
    return Count(value, "enrolled", RANK_BARE, sentence, "n_bare_head_count")


# Two groups, each counted, the second "compared with" the first (their sizes, summed)
_COUNT_COMPARED_WITH_COUNT_RE = cue_re(
    rf"^\W*(?P<num>{NUMBER_PATTERN})\s+{_PEOPLE}\b[^.;:()]{{0,120}}?\b(?:were|was) compared (?:with|to) "
    rf"(?:those of )?(?P<num2>{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b", re.I)
_SCORE_BOUND_BEFORE_RE = cue_re(r"(?:\d\s*(?:to|-|\u2013)|\bbetween \d+(?:\.\d+)? and|\b(?:above|below|exceeding|greater than|less than|"
                                r"lower than|higher than))\s*$", re.I)
_RANDOMIZED_WORD_RE = cue_re(r"\brandomi[sz]ed\b", re.I)
_RATE_BASE_BEFORE_RE = cue_re(r"\b(?:to (?:obtain|achieve|get|prevent|benefit)|for every|per|in every|"
                                  r"(?:analyses|analysis|looks?|reviews?) every)\s*$",
                                  re.I)


_INCLUDING_BEFORE_RE = cue_re(r"\bincluding\s*$", re.I)
_RANDOMIZED_N_ARMS_RE = cue_re(
    r"\b(?:randomly (?:assigned|allocated)|randomi[sz]ed|allocated|assigned) (?P<num>\d[\d,]*) "
    r"\((?P<arms>[^()]{3,200})\)")
_ARM_LEAD_RE = cue_re(r"(?:^|[,;]\s*|\band\s+)(\d[\d,]*)\b")
# ("212 ... adults screened for eligibility", "1 450 ... adults invited by letter": not the sample)
_NOT_ENROLLED_WORD_RE = cue_re(r"\b(?:screened|invited|assessed|approached|contacted|identified|"
                               r"mailed|surveyed)\b", re.I)
_FINITE_VERB_RE = cue_re(r"\b(?:were|was|had|have|received|took|underwent|completed|are|is)\b", re.I)
_POPULATION_STATEMENT_RE = cue_re(
    rf"^(?P<num>{DIGITS_PATTERN})\s+(?:[\w-]+,?\s+){{1,5}}?(?:adults|patients|participants|women|men|people|children|"
    r"veterans|persons|individuals)\b")  # (DIGITS_PATTERN reads "72 600" whole)
_PERCENT_AFTER_RE = cue_re(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)")


_PLACE_AFTER_RE = cue_re(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:clinics?|cent(?:re|er)s?|sites?|hospitals?|practices?|departments?|"
    r"services?|settings?|units?|wards?|facilities|programmes?|programs?)\b", re.I)
_REMAINING_RE = cue_re(r"\bremaining\b", re.I)
_REMAINING_BEFORE_RE = cue_re(r"\bremaining\s*$", re.I)
# "482 patients (22.9%) in the dexamethasone group and 1110 (25.7%) in the usual-care group had
# died": counts with their shares are events in each group, not the groups' sizes.
_COUNT_WITH_SHARE_RE = cue_re(r"\d\s*(?:[A-Za-z-]+\s+){0,2}?\(\s*\d+(?:\.\d+)?\s*%")


_MEAN_OF_TAIL_RE = cue_re(r"^\s*with (?:a |an )?(?:mean|median|average)\b[^,;()]{0,40}?\b(?:of|=)\s*"
                          r"(?:\d+(?:\.\d+)?\s*(?:\+/-|\u00b1|SD)?\s*)?$", re.I)
_BARE_PARTICIPLE_RE = cue_re(r"\s*(?:assigned|allocated|randomi[sz]ed)\b", re.I)


def _share_after_number(raw: str, num: str) -> bool:
    """The number is written with its share in brackets before its noun: "27 (26%) participants"."""
    return bool(re.search(rf"(?<![\d.,]){re.escape(num)}\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)", raw))


def _percent_follows(raw: str, matched: str) -> bool:
    """The count is written with its share: "2040 persons (11%)"."""
    pos = raw.find(matched)
    return pos >= 0 and bool(_PERCENT_AFTER_RE.match(raw, pos + len(matched)))


def _introduces_parts(raw: str, value: int) -> bool:
    """The count is written right before a colon: "comprised 9 814 patients: 3 207 ..."."""
    return any(parse_int(m.group("num")) == value for m in _TOTAL_BEFORE_COLON_RE.finditer(raw))


_TOTAL_BEFORE_COLON_RE = cue_re(rf"(?P<num>{DIGITS_PATTERN})\s+{_MODS}{_PEOPLE}\s*:", re.I)


def _chained_values(first: re.Match[str], next_re: re.Pattern[str], text: str) -> list[int | None]:
    """The counts of a list read from its first item on ("144 ..., 147 to massage and 144 to ..."):
    each further item matched right where the last one ended."""
    values = [parse_int(first.group("num"))]
    pos = first.end()
    while (nxt := next_re.match(text, pos)) is not None:
        values.append(parse_int(nxt.group("num")))
        pos = nxt.end()
    return values


def find_counts(sentence: Sentence, low: str | None = None, words: bool = True, *,
                number: bool | None = None, sums: bool | None = None) -> list[Count]:
    """Every head count of a sentence, classified (randomized, enrolled, analyzed).

    A caller that already knows them may pass ``words=False`` (``not
    may_have_number_words(sentence.text)``: numbers are then looked for in digits only, same
    result, faster), ``number`` (``has_number``) and ``sums`` (``may_match(SUM_RE, low)``)."""
    raw = sentence.text
    low = raw.lower() if low is None else low
    out: list[Count] = []
    if not (has_number(raw, low) if number is None else number):
        return out
    for m in N_EQUALS_RE.finditer(raw) if "=" in raw and _N_EQUALS_GATE_RE.search(raw) else ():
        value = parse_int(m.group("num"))
        if value and m.group("rand"):
            out.append(Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_equals_randomized"))
        elif value:
            out.append(Count(value, "enrolled", RANK_WEAK, sentence, "n_equals_after_people"))
    if "N" in raw and "=" in raw and not _STUDIES_NOUN_RE.search(raw):
        for m in N_TOTAL_RE.finditer(raw):
            value = parse_int(m.group("num"))
            if value:
                out.append(Count(value, "enrolled", RANK_WEAK, sentence, "n_capital_n_total"))
    if ("per" in low or "each" in low) and not GROUPS_TIMES_RE.search(raw):
        pm = PER_GROUP_RE.search(raw)
        if pm and _RANDOMIZED_ANYWHERE_RE.search(raw) and len(_ALTERNATIVE_RE.findall(
                raw[pm.end():])) == 1:
            # "randomized (n = 40 per group) to X ... or to Y": two arms
            out.append(Count(2 * int(pm.group("n")), "randomized", RANK_RANDOMIZED, sentence,
                             "n_groups_times_arm_size"))
        elif pm and not _COUNT_DIGITS_RE.search(_strip_brackets(raw)) and not may_have_number_words(raw):
            # (a head count stated in the sentence, "twenty-four patients ... (n = 12 per group)", wins)
            arm_text = _strip_brackets(raw)
            n_arms = len(_ARM_DOSE_RE.findall(arm_text)) + len(_CONTROL_ARM_RE.findall(arm_text))
            if 3 <= n_arms <= 8 and ("," in arm_text or " or " in arm_text):
                out.append(Count(n_arms * int(pm.group("n")), "enrolled", RANK_ENROLLED, sentence,
                                 "n_groups_times_arm_size"))
    for m in _COHORTS_OF_EACH_RE.finditer(raw) if "each" in low else ():
        k = SMALL_NUMBERS.get(m.group("k").lower()) or int(m.group("k"))
        out.append(Count(k * int(m.group("n").replace(",", "")), "enrolled", RANK_ENROLLED, sentence,
                         "n_groups_times_arm_size"))
    if "per" in low or "each" in low:
        for m in GROUPS_TIMES_RE.finditer(raw):
            k = SMALL_NUMBERS.get(m.group("k").lower()) or int(m.group("k"))
            n = int(m.group("n"))
            kind, rank = (("randomized", RANK_RANDOMIZED) if "randomi" in low or "randomly" in low
                          else ("enrolled", RANK_ENROLLED))
            out.append(Count(k * n, kind, rank, sentence, "n_groups_times_arm_size"))
    for m in TOTAL_IN_BRACKETS_RE.finditer(raw) if "total" in low or "in all" in low else ():
        value = parse_int(m.group("num"))
        if value:
            out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_total_in_brackets"))
    for m in TOTAL_PEOPLE_RE.finditer(raw) if "in total" in low or "altogether" in low else ():
        value = parse_int(m.group("num"))
        if value:
            out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_people_in_total"))
    for m in _TOTALLING_RE.finditer(raw) if "totaling" in low or "totalling" in low or "together" in low else ():
        value = parse_int(m.group("num"))
        before = [c.value for c in find_counts(Sentence(raw[:m.start()], sentence.section, sentence.index))] \
            if m.start() else []
        if value and not any(v > value for v in before):
            # "one trial (n = 64), four cohorts (211 patients in total) ..., totalling 356
            # patients": the parts listed before the total are not the sample (a larger count
            # before it, "charts of 412 patients; those with ..., totalling 154", makes it a subset)
            out = [c for c in out if not (c.value < value and c.rank >= RANK_ENROLLED)]
            out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_people_totalling"))
    text = _strip_brackets(raw) if "(" in raw or "[" in raw else raw
    if not words and text is not raw:
        words = may_have_number_words(text)  # cutting brackets out can join letters into a word
    sum_re, count_re = (SUM_RE, COUNT_RE) if words else (_SUM_DIGITS_RE, _COUNT_DIGITS_RE)
    for m in sum_re.finditer(text) if (may_match(SUM_RE, low) if sums is None else sums) else ():
        a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
        if words and _GAP_NUMBER_WORD_RE.search(text, m.end("num"), m.start("num2")):
            # "Of 318 people screened, fifty-seven were randomly assigned to naltrexone and fifty-five
            # to placebo": a head count in words stands between the two (the gap excludes only digits)
            continue
        if m.group("recv") and m.group("recv").lower() not in text[m.start():m.start("num2")].lower():
            # "15 were enrolled and 14 received all infusions": a subset, not an arm; "46 chose LDN
            # and 52 chose topiramate" names the verb twice
            continue
        if a and b and (_ENROLLED_ANYWHERE_RE.search(text) or (
                _CONTROLS_SECOND_RE.match(text, m.start("num2")) and not _P_OR_SHARE_RE.search(raw)
                and not text[:m.start()].rstrip().endswith(","))):
            if _RANDOMIZED_ANYWHERE_RE.search(text):
                out.append(Count(a + b, "randomized", RANK_RANDOMIZED, sentence,
                                 "n_sum_of_two_groups"))
            else:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence,
                                 "n_sum_of_two_groups"))
    for m in MATCHED_GROUPS_RE.finditer(text) if "matched" in low else ():
        a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
        ratio = (b is not None and a is not None and b <= 10 < a) or text[:m.start("num2")].endswith(
            "up to ") or _PER_EACH_AFTER_RE.match(text, m.end())
        if a and b and not ratio:
            out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_matched_groups"))
    respondents = [*(_SPECIALIST_RESPONDENTS_RE.finditer(text)
                     if any(map(low.__contains__, _SPECIALIST_GATE)) else ()),
                   *(_INTERVIEWED_CLINICIANS_RE.finditer(text) if "interview" in low else ())]
    for m in respondents:
        value = parse_int(m.group("num"))
        if value:
            out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_specialist_respondents"))
    for m in _POOLED_IN_BRACKETS_RE.finditer(raw) if "(" in raw and (
            "studies" in low or "trials" in low or "rcts" in low) else ():
        value = parse_int(m.group("num"))
        if value and not _SUBSET_BEFORE_RE.search(raw, 0, m.start()):
            # "Nine trials (859 participants) were included": a review's pooled participants (not
            # "Of these, 264 studies (19,642 participants) examined ...", a subset)
            out.append(Count(value, "enrolled", RANK_WEAK, sentence, "n_pooled_in_brackets"))
    for m in _ELLIPTICAL_ARMS_RE.finditer(text) if " and " in low and any(
            map(low.__contains__, _ELLIPTICAL_VERBS)) else ():
        a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
        if a and b:
            kind, rank = (("randomized", RANK_RANDOMIZED) if _RANDOMIZED_ANYWHERE_RE.search(text)
                          else ("enrolled", RANK_ENROLLED))
            out.append(Count(a + b, kind, rank, sentence, "n_sum_of_two_groups"))
    for m in _N_WITH_CONDITION_RE.finditer(text) if " with " in low and any(
            map(low.__contains__, _N_WITH_VERBS)) else ():
        value = parse_int(m.group("num"))
        if value:  # "Of 249 screened, 120 with chronic spinal pain were randomised"
            kind = "randomized" if m.group("verb").lower().startswith("rand") else "enrolled"
            out.append(Count(value, kind, RANK_RANDOMIZED if kind == "randomized" else RANK_ENROLLED,
                             sentence, "n_with_condition"))
    if "=" in raw and (_ALLOCATED_RE.search(raw) or _two_groups(raw)):
        # "will be randomised to pregabalin (n = 102) or placebo (n = 102)", "who discontinued
        # XR-NTX (n = 2,846) or buprenorphine (n = 18,934)": the arms' or groups' sizes
        arms = [int(x.replace(",", "").replace(" ", "")) for x in _ARM_SIZE_RE.findall(raw)]
        in_one_bracket = _ARM_SIZE_LIST_RE.search(raw)
        if in_one_bracket:
            # "randomised to placebo or naltrexone 1.5 mg, 3.0 mg or 4.5 mg (n = 41, 40, 42 and 41)":
            # one bracket lists the arms' sizes (not the "(n = 312)" screened before it)
            arms = [int(x) for x in re.findall(r"\d+", in_one_bracket.group(1))]
        if len(arms) < 2:
            # "numbered n = 28 (1.5 mg), n = 27 (4.5 mg) and n = 29 (placebo)": sizes with their arms
            labelled = [int(x.replace(",", "")) for x in _LABELLED_ARM_SIZE_RE.findall(raw)]
            arms = labelled if len(labelled) >= 2 else arms
        if len(arms) >= 3 and 2 * max(arms) == sum(arms):
            # "Adults (n = 490) were randomised to A (n = 120), B (n = 121), C (n = 123) or D
            # (n = 126)": the total is stated beside its arms
            arms = [max(arms)]
            if _RANDOMIZED_ANYWHERE_RE.search(raw):
                out.append(Count(arms[0], "randomized", RANK_RANDOMIZED, sentence, "n_total_beside_arm_sizes"))
        if len(arms) >= 2 and not _PER_ARM_RE.search(raw):
            rank = RANK_RANDOMIZED if _RANDOMIZED_ANYWHERE_RE.search(raw) else RANK_ENROLLED
            kind = "randomized" if rank == RANK_RANDOMIZED else "enrolled"
            out.append(Count(sum(arms), kind, rank, sentence, "n_sum_of_arm_sizes"))
    if " each" in low and ("randomi" in low or "allocated" in low or "assigned" in low):
        for m in _TO_EACH_RE.finditer(text):
            value = parse_int(m.group("num"))
            k_text = (m.group("k") or "").lower()
            groups_named = int(k_text) if k_text.isdigit() else SMALL_NUMBERS.get(k_text)
            if value and groups_named:  # "24 rats were randomised to each of the three groups"
                out.append(Count(groups_named * value, "randomized", RANK_RANDOMIZED, sentence, "n_groups_times_arm_size"))
            elif value:  # the arms are named elsewhere: the record counts them (extract._per_arm_totals)
                out.append(Count(value, "per_arm", RANK_RANDOMIZED, sentence, "n_per_arm"))
    if "randomi" in low or "allocated" in low or "assigned" in low:
        for m in _ARMS_TO_START_RE.finditer(text):
            values = _chained_values(m, _ARMS_TO_NEXT_RE, text)
            if len(values) >= 2 and all(values):
                # "34 were allocated to naltrexone and 33 to placebo": allocated arms, as the
                # single "34 were allocated" is read
                out.append(Count(sum(v for v in values if v), "randomized", RANK_RANDOMIZED, sentence,
                                 "n_sum_of_listed_groups"))
    if low.count("received") + low.count("were given") + low.count(" took ") >= 3:
        for m in _RECEIVED_START_RE.finditer(text):
            values = _chained_values(m, _RECEIVED_NEXT_RE, text)
            if len(values) >= 3 and all(values):
                kind, rank = (("randomized", RANK_RANDOMIZED) if _RANDOMIZED_ANYWHERE_RE.search(text)
                              else ("enrolled", RANK_ENROLLED))
                out.append(Count(sum(v for v in values if v), kind, rank, sentence, "n_sum_of_listed_groups"))
                break
    listed = (words or _DIGIT_RE.search(text)) and any(map(low.__contains__, _LIST_VERBS))
    for m in _LIST_START_RE.finditer(text) if listed else ():
        values = _chained_values(m, _LIST_NEXT_RE, text)
        if len(values) >= 3 and all(values):
            out.append(Count(sum(v for v in values if v), "enrolled", RANK_ENROLLED, sentence,
                             "n_sum_of_listed_groups"))
    if ("group" in low or "arm" in low) and not ("%" in raw and _COUNT_WITH_SHARE_RE.search(raw)):
        for part in text.split(";"):
            sizes = [parse_int(x) for x in ARM_LIST_RE.findall(part)]
            if len(sizes) >= 2 and all(sizes):
                # "79 participants were in the 25-mg group, 75 in the 10-mg group and 79 in ..."
                rank = RANK_RANDOMIZED if _RANDOMIZED_ANYWHERE_RE.search(part) else RANK_ENROLLED
                out.append(Count(sum(a for a in sizes if a), "randomized" if rank == RANK_RANDOMIZED
                                 else "enrolled", rank, sentence, "n_sum_of_listed_groups"))
    if "pairs" in low:
        for m in _MATCHED_PAIRS_RE.finditer(text):
            value = parse_int(m.group("num"))
            if value and (m.group("pre") or m.group("mid") or m.group("of")):  # "We matched 233 pairs (n = 466)": two people in each pair
                out.append(Count(2 * value, "enrolled", RANK_ENROLLED, sentence, "n_matched_pairs"))
    if " each " in low and " and " in low:
        for m in _TWO_GROUPS_EACH_RE.finditer(text):
            value = parse_int(m.group("num"))
            if value:  # "The long-acting opioid cohort and the control cohort each had 22 912 patients"
                out.append(Count(2 * value, "enrolled", RANK_ENROLLED, sentence, "n_two_groups_each"))
    if "/" in raw and "=" in raw:
        for m in _SLASH_ARM_SIZES_RE.finditer(raw):
            sizes = [parse_int(x) for x in m.group("sizes").split("/")]
            if all(sizes) and (_RANDOMIZED_ANYWHERE_RE.search(raw) or m.group("arms")):
                # "randomised ... for 8 weeks (n = 31/29)", "(n = 12/13, LDN/placebo)": arm sizes
                rank = RANK_RANDOMIZED if _RANDOMIZED_ANYWHERE_RE.search(raw) else RANK_ENROLLED
                out.append(Count(sum(v for v in sizes if v), "randomized" if rank == RANK_RANDOMIZED
                                 else "enrolled", rank, sentence, "n_sum_of_arm_sizes"))
    if "/" in raw and ("randomi" in low or "allocated" in low or "assigned" in low):
        for m in _RANDOMIZED_SLASH_RE.finditer(raw):
            sizes = [parse_int(x) for x in m.group("sizes").split("/")]
            if all(sizes):  # "were randomized (64/64) to LDN ... or amitriptyline": the arms' sizes
                out.append(Count(sum(v for v in sizes if v), "randomized", RANK_RANDOMIZED, sentence,
                                 "n_sum_of_arm_sizes"))
    if "comprised" in low or "consisted of" in low or "numbered" in low or "contained" in low or (
            ("included" in low or " were n" in low) and ("arms" in low or "groups" in low)):
        for m in [*_ARMS_COMPRISED_RE.finditer(raw), *(_GROUPS_N_LIST_RE.finditer(raw) if "=" in raw else ())]:
            sizes = [parse_int(x) for x in re.findall(r"\d[\d,]*", _strip_brackets(m.group("list")))]
            if len(sizes) >= 2 and all(sizes):
                kind, rank = (("randomized", RANK_RANDOMIZED) if _RANDOMIZED_ANYWHERE_RE.search(raw)
                              else ("enrolled", RANK_ENROLLED))
                out.append(Count(sum(v for v in sizes if v), kind, rank, sentence, "n_sum_of_arm_sizes"))
    if ("questionnaires" in low or "surveys" in low) and ("returned" in low or "completed" in low or
                                                          "received" in low or "collected" in low):
        for m in _QUESTIONNAIRES_RETURNED_RE.finditer(raw):
            value = parse_int(m.group("num"))
            if value:
                out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_questionnaires_returned"))
    if "-treated and " in low or "-exposed and " in low:
        for m in _SHARED_NOUN_SUM_RE.finditer(text):
            a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
            if a and b:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_two_groups"))
    if " compared " in low:
        for m in _COUNT_COMPARED_WITH_COUNT_RE.finditer(text):
            a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
            if a and b:
                # "Sixty-four patients who received LDN were compared with 64 patients matched for age"
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_two_groups"))
    if "compared" in low and "=" in raw:
        for m in _COMPARED_GROUPS_RE.finditer(raw):
            a, b = parse_int(m.group("a")), parse_int(m.group("b"))
            if a and b:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_two_groups"))
    if " and n" in low and "=" in raw:
        for m in _N_AND_N_RE.finditer(raw):
            a, b = parse_int(m.group("a")), parse_int(m.group("b"))
            if a and b and _RANDOMIZED_ANYWHERE_RE.search(raw):
                # "randomized to LDN 4.5 mg/day or placebo for 12 weeks (n = 37 and n = 38)"
                out.append(Count(a + b, "randomized", RANK_RANDOMIZED, sentence, "n_sum_of_arm_sizes"))
    if "offered" in low or "prescribed" in low:
        for m in _OFFERED_TO_RE.finditer(text):
            value = parse_int(m.group("num"))
            if value:  # "We offered LDN 4.5 mg at night, in addition to DMARDs, to 14 patients"
                out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_offered_to"))
    matches = list(count_re.finditer(text))
    for i, m in enumerate(matches):
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        count = _count_from_match(m, text, next_start, sentence)
        if count:
            out.append(count)
    if "opened" in low or "visited" in low or "accessed" in low:
        for m in _SURVEY_COMPLETERS_RE.finditer(text):
            value = parse_int(m.group("num"))
            if value:  # "Of 2,043 people who opened the survey, 1,688 completed it": the respondents
                out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_survey_respondents"))
    if out and _CLUSTER_UNIT_RE.search(raw):  # (marks counts; with none found there is nothing to mark)
        out = [_as_cluster(c, raw) for c in out]
    if "matched each" in low or "controls each" in low:
        for m in _MATCHED_EACH_RE.finditer(raw):
            # "we identified 11,480 adults ... who had a hip fracture ... and matched each to four
            # controls ... (45,920 controls)": four is a ratio; the cases and their controls are the sample
            per_case = parse_int(m.group("k") or m.group("k2"))
            out = [c for c in out if not (c.value == per_case and c.rank >= RANK_ENROLLED)]
            stated = m.group("m") or m.group("m2")
            n_controls = parse_int(stated) if stated else None
            named = list(_CASES_BEFORE_RE.finditer(raw, 0, m.start()))
            cases = [parse_int(named[-1].group("num"))] if named else (
                [c.value for c in out if c.value != n_controls] if n_controls else [])
            if n_controls and len(cases) == 1 and cases[0]:
                out.append(Count(cases[0] + n_controls, "enrolled", RANK_ENROLLED, sentence,
                                 "n_cases_plus_controls"))
    if "controls" in low and " and " in low:
        for m in _EVENTS_AND_CONTROLS_RE.finditer(raw):
            a, b = parse_int(m.group("a")), parse_int(m.group("b"))
            if a and b:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_cases_plus_controls"))
    if "were matched" in low or "was matched" in low:
        for m in _WERE_MATCHED_TO_RE.finditer(raw):
            a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
            if a and b and b > 10:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_matched_groups"))
    if " and " in low and " of " in low:
        for m in _TWO_DENOMINATORS_RE.finditer(raw):
            a, b = parse_int(m.group("a")), parse_int(m.group("b"))
            if a and b:
                out.append(Count(a + b, "enrolled", RANK_WEAK, sentence, "n_sum_of_two_groups"))
    if "matched" in low:
        for m in _MATCHED_THEM_RE.finditer(raw):
            a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
            if a and b and b > 10:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_matched_groups"))
    if " and " in low:
        for m in _TWO_LABELLED_GROUPS_RE.finditer(text):
            a, b = parse_int(m.group("num")), parse_int(m.group("num2"))
            if a and b:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_sum_of_two_groups"))
    if " of them " in low or " of these " in low or " of those " in low:
        for m in _OF_THEM_RANDOMIZED_RE.finditer(raw):
            value = parse_int(m.group("num"))
            if value:
                out.append(Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_randomized"))
    if "cases" in low and "controls" in low:
        for m in CASES_CONTROLS_RE.finditer(raw):
            a, b = parse_int(m.group("a")), parse_int(m.group("b"))
            if a and b:
                out.append(Count(a + b, "enrolled", RANK_ENROLLED, sentence, "n_cases_plus_controls"))
    if "criteri" in low:
        for m in _OF_WHOM_MET_RE.finditer(text):
            value = parse_int(m.group("num"))
            if value and not any(c.value == value and c.rule == "n_remaining_after_exclusions" for c in out):
                out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_remaining_after_exclusions"))
    if " of " in low and ("randomi" in low or "enrolled" in low or "included" in low or "recruited" in low):
        for m in _OF_THE_RANDOMIZED_RE.finditer(text):
            value = parse_int(m.group("num"))
            if value and not any(c.value == value and c.kind != "analyzed" for c in out):
                randomized = m.group("verb").lower().startswith("randomi")
                out.append(Count(value, "randomized" if randomized else "enrolled",
                                 RANK_RANDOMIZED if randomized else RANK_ENROLLED, sentence,
                                 "n_of_the_randomized"))
                sub = parse_int(m.group("sub")) if m.group("sub") else None
                if sub and m.group("done") and sub < value:
                    # "Twenty-one of the 24 randomized participants completed": 21 completed
                    out = [c for c in out if not (c.kind == "analyzed" and c.value == value)]
                    out.append(Count(sub, "analyzed", RANK_WEAK, sentence, "n_completed_or_analyzed"))
    if "leaving" in low:
        for m in _LEAVING_RE.finditer(text):
            value = parse_int(m.group("num"))
            if not value or any(c.value == value for c in out):
                continue
            if _FOR_ANALYSIS_AFTER_RE.match(text, m.end()):
                out.append(Count(value, "analyzed", RANK_WEAK, sentence, "n_completed_or_analyzed"))
            else:
                out.append(Count(value, "enrolled", RANK_ENROLLED, sentence, "n_remaining_after_exclusions"))
    if "(" in raw and not out and ("randomi" in low or "assigned" in low or "allocated" in low):
        for bracket in _RANDOMIZED_N_ARMS_RE.finditer(raw):
            # "we ... randomly assigned 492 (164 CFT only, 163 CFT plus biofeedback, 165 usual care)":
            # a bare number whose bracket lists arms adding up to it
            value = parse_int(bracket.group("num"))
            arms = [a for a in (parse_int(x) for x in _ARM_LEAD_RE.findall(bracket.group("arms"))) if a]
            if value and len(arms) >= 2 and sum(arms) == value:
                out.append(Count(value, "randomized", RANK_RANDOMIZED, sentence, "n_randomized_arms_in_brackets"))
    if not out and sentence.section == "methods" and raw[:1].isdigit() and not _FINITE_VERB_RE.search(raw) \
            and not _NOT_ENROLLED_WORD_RE.search(raw):
        statement = _POPULATION_STATEMENT_RE.match(raw)
        if statement and (value := parse_int(statement.group("num"))):
            # "320 predominantly low-income, racially diverse adults with nonspecific cLBP." (Participants)
            out.append(Count(value, "enrolled", RANK_WEAK, sentence, "n_population_statement"))
    remaining = [c.value for c in out if c.rule == "n_remaining_after_exclusions"]
    if remaining:
        out = [c for c in out if not (c.kind == "enrolled" and c.value > min(remaining))]
    products = [c for c in out if c.rule == "n_groups_times_arm_size"]
    if products:
        # "48 rats were randomly allocated (n = 12 per group) to vehicle, A, B or C": the stated
        # total is a larger multiple of the group size than the arms the sentence seemed to name
        totals = [c.value for c in out if c.rule not in SUM_RULE_NAMES]
        out = [c for c in out if c not in products or not any(
            v > c.value and v % (c.value // 2 or 1) == 0 for v in totals)]
    arm_sums = [c for c in out if c.rule == "n_sum_of_arm_sizes"]
    if arm_sums:
        # arms that add up to less than a total the same sentence states are a subset (completers)
        # (not the pool they were drawn from: "344 of 412 participants who entered titration were
        # randomized to A (n = 173) or B (n = 171)")
        stated = max((c.value for c in out if c.rule not in ("n_sum_of_arm_sizes", "n_denominator")), default=0)
        out = [c for c in out if c.rule != "n_sum_of_arm_sizes" or c.value >= stated]
    if any(c.rule in SUM_RULE_NAMES for c in out) and ":" in raw:
        # "The cohort comprised 9 814 patients: 3 207 high NSAID users, 4 118 low users and 2 489
        # non-users": a total that introduces its parts beats a sum of some of them
        introduced = [c.value for c in out if c.rule not in SUM_RULE_NAMES and _introduces_parts(raw, c.value)]
        if introduced:
            out = [c for c in out if c.rule not in SUM_RULE_NAMES or c.value >= max(introduced)]
    two = [c for c in out if c.rule == "n_sum_of_two_groups"]
    if two:
        # "A total of 512 patients entered the open-label phase and 231 nonresponders were randomized":
        # two stages of one trial, not two groups (the parts are an enrolled and a randomised count)
        stages = {e.value + r.value for e in out if e.kind == "enrolled" and e.rule not in SUM_RULE_NAMES
                  for r in out if r.kind == "randomized" and r.rule not in SUM_RULE_NAMES}
        out = [c for c in out if not (c.rule == "n_sum_of_two_groups" and c.value in stages)]
    listed_sums = [c for c in out if c.rule == "n_sum_of_listed_groups"]
    randomized = [c.value for c in out if c.rule == "n_randomized"]
    if listed_sums and randomized:
        # "A total of 955 patients underwent randomization: 317 were assigned to the 70-mg group, 319
        # to the 140-mg group, and 319 to placebo": a list read only in part is not the total
        out = [c for c in out if c.rule != "n_sum_of_listed_groups" or c.value >= max(randomized)]
    denominators = [c for c in out if c.rule == "n_denominator"]
    if denominators and " and " in low:
        # "Of 312 patients, 187 underwent low-dose initiation and 125 standard induction": the
        # first group and a bare number after it add up to the "of" total, which is the sample
        for d in denominators:
            parts = [c for c in out if c.kind == "enrolled" and c.rule != "n_denominator" and c.value < d.value
                     and any(parse_int(n.group(0)) == d.value - c.value
                             for n in _BARE_COUNT_RE.finditer(raw, raw.find(str(c.value)) + 1))]
            if parts:
                out = [c for c in out if c is not d and c not in parts]
                out.append(Count(d.value, "enrolled", RANK_ENROLLED, sentence, "n_denominator_of_its_parts"))
                break
    return out


# "Forty-two participants were allocated to each group", "12 to each of the three arms": one arm's size.
_TO_EACH_RE = cue_re(
    rf"(?<![\w.,/-]){_NUM}\s+(?:{_MODS}{_PEOPLE}\s+)?(?:were|was)\s+(?:randomi[sz]ed|randomly (?:assigned|"
    rf"allocated)|allocated|assigned)\s+(?:to|into)\s+each(?:\s+of\s+(?:the\s+)?(?P<k>two|three|four|five|six|"
    rf"[2-6]))?\s+(?:[\w-]+\s+)?(?:groups?|arms?|drugs?|treatments?|interventions?|sequences?|conditions?|"
    rf"regimens?|doses?)\b", re.I)
# A case-control study's two groups: "Cases were 412 patients ...; controls were 824 patients".
CASES_CONTROLS_RE = cue_re(
    rf"\bcases\b[^.]{{0,20}}?\b(?:were|comprised|included|numbered)\s+(?P<a>{NUMBER_PATTERN})\b"
    rf"[^.]{{0,200}}?\bcontrols\b[^.]{{0,20}}?\b(?:were|comprised|included|numbered)\s+"
    rf"(?P<b>{NUMBER_PATTERN})\b", re.I)
# "We identified 498 opioid-related deaths and 1714 matched controls": the cases (events) and
# their controls
_EVENTS_AND_CONTROLS_RE = cue_re(
    rf"\b(?:identified|included|studied)\s+(?P<a>{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,3}}?(?:cases|deaths|"
    rf"events|fractures|admissions|patients)\s+and\s+(?P<b>{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?controls\b",
    re.I)
# "... had a moderate or large shunt and 147 of them were randomly assigned"
_OF_THEM_RANDOMIZED_RE = cue_re(
    rf"(?<![\w.,/-])(?P<num>{NUMBER_PATTERN})\s+of\s+(?:them|these|those)\s+(?:were|was)\s+"
    rf"(?:randomi[sz]ed|randomly (?:assigned|allocated))\b", re.I)
# "233 matched pairs", "We matched 233 pairs (n = 466)"
# (not "three pairs of 4-week treatment periods": pairs of people, or matched ones)
_MATCHED_PAIRS_RE = cue_re(
    rf"(?P<pre>\bmatched\s+(?:a total of\s+)?)?(?<![\w.,/-]){_NUM}\s+"
    rf"(?P<mid>(?:propensity(?:[- ]score)?[- ])?matched\s+|case[- ]control\s+)?pairs\b"
    rf"(?P<of>\s+of\s+{_MODS}{_PEOPLE}\b)?", re.I)
# "The long-acting opioid cohort and the control cohort each had 22 912 patients"
_TWO_GROUPS_EACH_RE = cue_re(
    r"\b(?:groups?|cohorts?|arms?)\b[^.;]{0,60}?\band\b[^.;]{0,60}?\b(?:groups?|cohorts?|arms?)\s+each\s+"
    rf"(?:had|included|comprised|contained|numbered|of)\s+{_NUM}\s+{_MODS}{_PEOPLE}\b", re.I)
# "(n = 31/29)", "(n = 12/13, LDN/placebo)": the arms' sizes, in the order of the arms
_SLASH_ARM_SIZES_RE = cue_re(
    r"\(\s*n\s*=\s*(?P<sizes>\d{1,5}(?:\s*/\s*\d{1,5}){1,4})\s*(?:[,;]\s*(?P<arms>[\w.-]+(?:\s*/\s*[\w.-]+){1,4})\s*)?\)",
    re.I)
# "were randomized (64/64) to LDN or amitriptyline": arm sizes in brackets right after the allocation
_RANDOMIZED_SLASH_RE = cue_re(
    r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)\s*\(\s*"
    r"(?P<sizes>\d{1,5}(?:\s*/\s*\d{1,5}){1,4})\s*\)", re.I)
# "The arms comprised 32 (LDN) and 30 (amitriptyline) women", "The groups comprised 131, 132, 134 and
# 132 patients (placebo, 150, 300 and 450 mg/day)": the arms' sizes, summed
_ARMS_COMPRISED_RE = cue_re(
    rf"\b(?:arms|groups|cohorts)\s+(?:comprised|included|consisted of|contained|numbered)\s+"
    rf"(?P<list>\d[\d,]*(?:\s*\([^()]{{1,30}}\))?(?:\s*,\s*\d[\d,]*(?:\s*\([^()]{{1,30}}\))?)*\s*,?\s*and\s+"
    rf"\d[\d,]*(?:\s*\([^()]{{1,30}}\))?)\s+(?:[\w-]+\s+)?{_PEOPLE}\b", re.I)
# "Groups were n = 31 (1.5 mg), 29 (4.5 mg) and 30 (placebo)", "The groups comprised n = 47 (LDN) and
# n = 89 (amitriptyline) patients": the arms' sizes, each maybe labelled in brackets
_GROUPS_N_LIST_RE = cue_re(
    r"\b(?:arms|groups|cohorts)\s+(?:comprised|included|consisted of|contained|numbered|were)\s+n\s*=\s*"
    r"(?P<list>\d[\d,]*(?:\s*\([^()]{1,30}\))?(?:\s*,\s*(?:n\s*=\s*)?\d[\d,]*(?:\s*\([^()]{1,30}\))?)*\s*,?\s*"
    r"and\s+(?:n\s*=\s*)?\d[\d,]*(?:\s*\([^()]{1,30}\))?)", re.I)
# "A total of 1,213 questionnaires were returned": the respondents
_QUESTIONNAIRES_RETURNED_RE = cue_re(
    rf"(?:\ba total of\s+)?(?<![\w.,/-]){_NUM}\s+(?:completed\s+|valid\s+|usable\s+)?(?:questionnaires|surveys)\s+"
    rf"(?:were|was)\s+(?:returned|completed|received|collected|analy[sz]ed)\b", re.I)
# "patients receiving LDN ... (n = 38) were compared with patients on standard therapy alone (n = 41)"
_COMPARED_GROUPS_RE = cue_re(
    r"\(\s*n\s*=\s*(?P<a>\d{1,6})\s*\)[^.;()]{0,80}?\bcompared (?:with|to)\b[^.;()]{0,80}?\(\s*n\s*=\s*(?P<b>\d{1,6})\s*\)",
    re.I)
_N_AND_N_RE = cue_re(r"\(\s*n\s*=\s*(?P<a>\d{1,5})\s*(?:and|,)\s*n\s*=\s*(?P<b>\d{1,5})\s*\)", re.I)
# "we prescribed LDN, 1.5 to 4.5 mg nightly, to 12 patients": the patients a clinic treated
_OFFERED_TO_RE = cue_re(
    rf"\b(?:offered|prescribed)\b(?:[^.;]|(?<=\d)\.(?=\d)){{0,90}}?\bto\s+(?:all\s+)?{_NUM}\s+(?:consecutive\s+)?{_MODS}{_PEOPLE}\b", re.I)
# Totals built from group counts: they win over any one group's count in the same sentence.
SUM_RULE_NAMES = frozenset({"n_sum_of_two_groups", "n_sum_of_listed_groups", "n_groups_times_arm_size",
                             "n_sum_of_arm_sizes", "n_cases_plus_controls", "n_sum_of_matched_groups"})
_GAP_NUMBER_WORD_RE = cue_re(rf"\b{NUMBER_WORDS_PATTERN}\s+(?:{_MODS}{_PEOPLE}\b|were\b|was\b)", re.I)
# The second group of a sum is the comparison group ("cells from 12 women with fibromyalgia and 12
# age-matched healthy women", "9 patients and 9 sex-matched controls"): the two were studied even
# when no enrolment verb says so (not "12 improved and 8 worsened", a split of one group).
_CONTROLS_SECOND_RE = cue_re(
    rf"{NUMBER_PATTERN}\s+(?:[\w/-]+\s+(?:and\s+)?){{0,4}}?(?:healthy\b|(?:[\w-]+[- ])?matched\b|"
    rf"controls?\b|(?:healthy )?volunteers\b)", re.I)
# (not "family histories of 16 HLHS children and 11 healthy children (p = 0.4)", events compared,
# nor the last two of a list of groups)
_P_OR_SHARE_RE = cue_re(r"\b[pP]\s*[<=>\u2264]|%")
_ENROLLED_ANYWHERE_RE = cue_re(
    r"\b(?:were included|included|enrolled|took part|participated|answered|completed (?:a|the) "
    r"(?:postal )?questionnaire|were matched|matched with|comprised|were recruited|were studied|"
    r"identified|studied|examined|randomi[sz]ed|randomly assigned|allocated|assigned|underwent|"
    r"continued|a study of|attended|chose|opted for|(?:isolated|obtained|collected|derived) from|"
    # "After matching, 58 LDN users and 116 non-users were analyzed": the matched cohort
    r"(?:after|following) (?:propensity[- ]score |1:\d )?matching)\b|"
    # "21 received LDN plus phototherapy and 23 received phototherapy alone": the two arms
    r"\breceived\b(?=[^.;]{0,60}\band\s+\S+\s+(?:received\s+)?(?:placebo|sham|usual care|"
    r"standard care|no treatment|[^.;]{0,40}?\b(?:alone|only)\b))",
    re.I,
)
_RANDOMIZED_ANYWHERE_RE = cue_re(r"\brandomi[sz]|\brandomly (?:assigned|allocated)\b", re.I)
_ALLOCATED_RE = cue_re(r"\b(?:randomi[sz]|randomly|allocated|assigned|divided|matched)", re.I)
# "(n = 102)", "(n = 4,118)": an arm's size, thousands separators included
_ARM_SIZE_RE = cue_re(r"[(,;]\s*n\s*=\s*(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)\s*[;,)]", re.I)
_ARM_SIZE_LIST_RE = cue_re(r"\(\s*n\s*=\s*(\d+(?:\s*,\s*\d+)+,?\s*(?:and|&)\s*\d+|\d+(?:\s*,\s*\d+){2,})\s*\)",
                           re.I)
_LABELLED_ARM_SIZE_RE = cue_re(r"\bn\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\([^()=%]{1,30}\)", re.I)
# Two groups' sizes side by side, "X (n = 2,846) or Y (n = 18,934)": the groups compared.
# (a size may carry the group's dose: "LDN (n = 23; 1.5-4.5 mg nightly) or gabapentin (n = 31; ...)")
# (an arm may carry its abbreviation, "(SCS; n = 41) or ... (CMM; n = 38)", or be set off by a slash,
# "Duloxetine (n = 31) / placebo (n = 29)")
_TWO_GROUPS_RE = cue_re(
    r"\(\s*(?:[A-Za-z][\w.-]*[;,]\s*)?n\s*=\s*\d[\d,]*(?: \d{3})*\s*(?:;[^()%]{0,40})?\)\s*,?\s*(?:or|and|versus|vs\.?|"
    r"compared with|/)\s+(?:[\w'/-]+\s+){0,4}?"
    r"[\w'/-]+\s*\(\s*(?:[A-Za-z][\w.-]*[;,]\s*)?n\s*=\s*\d[\d,]*(?: \d{3})*\s*(?:;[^()%]{0,40})?\)|"
    # (two arms named by their abbreviations may have long names between: "(TNFi; n = 131) or a new
    # conventional synthetic disease-modifying antirheumatic drug (csDMARD; n = 153)")
    r"\(\s*[A-Za-z][\w.-]*;\s*n\s*=\s*\d[\d,]*(?: \d{3})*\s*\)\s*,?\s*(?:or|and|versus|vs\.?)\s+"
    r"(?:[\w'/-]+\s+){0,8}?[\w'/-]+\s*\(\s*[A-Za-z][\w.-]*;\s*n\s*=\s*\d[\d,]*(?: \d{3})*\s*\)|"
    # "Those who accepted (n = 40) took open-label LDN ...; those who declined (n = 38) continued"
    r"\bthose who [\w ]{3,30}?\(\s*n\s*=\s*\d[\d,]*\s*\)(?:[^.]|\.(?=\d)){0,160}?[;,]\s*(?:and )?those who [\w ]{3,30}?"
    r"\(\s*n\s*=\s*\d[\d,]*\s*\)", re.I)
_NOT_GROUP_NAME_RE = cue_re(
    r"(?:\bbaseline|\d+\s*(?:days?|weeks?|months?|years?)|\bfollow-?up|\btrials?|\bstud(?:y|ies)|\breviews?|"
    r"\barticles?|\bpapers?|\breports?|\brecords?|\bvisits?)\s*$", re.I)
# Events or reasons counted with "(n = x)" are no groups of people: "Vivid dreams (n=4) and insomnia
# (n=3) were the commonest adverse effects", "stopped for lack of effect (n = 35) or sleep (n = 14)".
_NOT_GROUPS_RE = cue_re(r"\b(?:adverse|side[- ]effects?|events?|reasons?|because|due to|for lack|"
                        r"complications?|required|complaints?|symptoms|(?:most )?(?:frequent|common)(?:ly)? "
                        r"(?:reported|complaints?|problems?))\b", re.I)


def _two_groups(raw: str) -> bool:
    """Two groups' sizes side by side that are the sample, not a subset of a number stated before,
    nor the same people at two time points, nor counts of studies."""
    m = _TWO_GROUPS_RE.search(raw)
    if m is None or _NOT_GROUPS_RE.search(raw):
        return False
    if any(_NOT_GROUP_NAME_RE.search(raw, max(0, a.start() - 30), a.start()) for a in _ARM_SIZE_RE.finditer(raw)):
        return False  # "at baseline (n = 212) and at 12 months (n = 167)", "Trials (n = 5) and ..."
    return not COUNT_RE.search(raw, 0, m.start())  # "Sixty-two veterans (29%) stopped ..., (n = 35) or"


_PER_ARM_RE = cue_re(r"\b(?:per|in each|each) (?:arm|group)\b", re.I)
# The units randomised in a cluster trial; a count of them is not the number of patients.
_CLUSTER_UNIT_RE = cue_re(
    r"\b(?:clinicians|physicians|practitioners|PCPs|GPs|doctors|nurses|practices|clusters|sites|wards|"
    r"schools|villages|communities|households|clinics|hospitals|teams)\b", re.I)


def _as_cluster(count: Count, text: str) -> Count:
    """Mark a count whose number sits right before a cluster unit, or with no noun in a sentence
    that counts cluster units first ("Of the 53 PCPs, 26 were randomized")."""
    pos = _value_position(count, text)
    after = text[pos:pos + 40] if pos >= 0 else ""
    unit = _CLUSTER_AFTER_RE.match(after.split(" ", 1)[1] if " " in after else "")
    units_before = [u for u in _CLUSTER_UNIT_RE.finditer(text, 0, pos)
                    if not _PLACE_OF_RECRUITMENT_RE.search(text, max(0, u.start() - 40), u.start())] \
        if count.kind == "randomized" and pos >= 0 else []
    if unit or (units_before and not _PATIENT_NOUN_RE.match(after.split(" ", 1)[1] if " " in after else "")):
        return Count(count.value, count.kind, count.rank, count.sentence, count.rule, cluster=True)
    return count


# "were screened at three outpatient clinics": where people were recruited, not units randomised
_PLACE_OF_RECRUITMENT_RE = cue_re(r"\b(?:at|in|from|across|within|through)\s+(?:[\w-]+\s+){0,3}$", re.I)
_CLUSTER_AFTER_RE = cue_re(rf"(?:[\w-]+\s+){{0,2}}?{_CLUSTER_UNIT_RE.pattern}", re.I)
_PATIENT_NOUN_RE = cue_re(r"(?:\w+\s+){0,2}?(?:patients|participants|adults|people|women|men)\b", re.I)


def _value_position(count: Count, text: str) -> int:
    """Where the count's number is written in the sentence (digits, with or without separators, or
    words: "Forty-two clinicians were randomised")."""
    for form in (f"{count.value:,}", str(count.value)):
        pos = text.find(form)
        if pos >= 0:
            return pos
    for m in _NUMBER_WORDS_RE.finditer(text):
        if parse_int(m.group(0)) == count.value:
            return m.start()
    return -1


_NUMBER_WORDS_RE = cue_re(rf"\b(?:{NUMBER_PATTERN})\b", re.I)


# Sentences that count studies (a review's material): their "N = ..." are not participants.
_STUDIES_NOUN_RE = cue_re(r"\b(?:studies|trials|RCTs|articles|publications)\b", re.I)


def find_group_sizes(sentence: Sentence) -> list[int]:
    out: list[int] = []
    if not may_match(GROUP_SIZE_RE, sentence.text.lower()):
        return out
    for m in GROUP_SIZE_RE.finditer(sentence.text):
        value = parse_int(m.group("a") or m.group("b") or m.group("c") or "")
        if value:
            out.append(value)
    return out


# --- doses ----------------------------------------------------------------------------------------

# ("1 microg", the Journal of Pain's house style for micrograms)
# (not a concentration or exposure in nanograms: "AUC 1.9 and 5.6 ng\u00b7h/mL", "Cmax 0.8 ng/mL")
_DOSE_UNIT = (r"(?P<unit>mg|milligrams?|\u00b5g|\u03bcg|mcg|ug|micrograms?|microg|"
              r"ng(?!\s*[\u00b7.*x\u00d7]\s*h\b|\s*/\s*m?l\b)|nanograms?|g|grams?)")
# ("1,5 mg/día": a decimal comma; not "2,400 mg", thousands, nor "1, 5 mg", a list)
# ("1·5 mg": the Lancet's raised decimal point)
_DOSE_NUM = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+,\d{1,2}(?![\d,])|\d+\u00b7\d+|\d+(?:\.\d+)?|\.\d+"
DOSE_RE = cue_re(
    rf"(?P<bound>\b(?:below|under|less than|up to|at most|maximum of|max(?:imum)?|not exceeding)\s+|[<\u2264]\s*)?"
    rf"(?<![\w.\u00b7])(?P<a>{_DOSE_NUM})"
    # ("2,400 mg" is a thousands comma, not a list of 2 and 400)
    # ("tra 1,5 e 4,5 mg", "de 1,5 a 4,5 mg", "1 bis 4,5 mg": the same in the languages read)
    rf"(?:\s*(?:mg|\u00b5g|\u03bcg|mcg)?\s*(?P<sep>-|\u2013|to|and|or|vs\.?|versus|e|y|a|\u00e0|et|und|bis|"
    rf",(?!\d{{3}}(?!\d)))\s*"
    rf"(?:up to\s+)?(?P<b>{_DOSE_NUM}))?"
    # ("one 1.5-mg capsule": the unit after a hyphen)
    rf"(?:\s*|-){_DOSE_UNIT}\b(?P<perkg>\s*/\s*kg)?",
    re.I,
)
_DECIMAL_COMMA_RE = cue_re(r"\d+,\d{1,2}")


def _dose_number(text: str) -> float | None:
    if "," in text and _DECIMAL_COMMA_RE.fullmatch(text):
        return float(text.replace(",", "."))
    return parse_number(text.replace("\u00b7", "."))
_SPREAD_BEFORE_RE = cue_re(r"(?:\+/-|\u00b1|\bSD)\s*$")
_CONCENTRATION_RE = cue_re(r"\s*(?:/|per)\s*(?:m[lL]|[dD]?[lL]|litre|liter|cm[23\u00b2\u00b3]?|m2|g\b)")
_MICRO_UNITS = frozenset({"\u00b5g", "\u03bcg", "mcg", "ug", "microgram", "micrograms", "microg"})
_NANO_UNITS = frozenset({"ng", "nanogram", "nanograms"})
# How often a dose is taken, as abstracts write it: doses a day, the words, the abbreviation's letters.
_FREQUENCIES = (
    (2.0, r"twice (?:a |per )?day|twice daily|two times (?:a |per )?day|two times daily|every 12 ?h(?:ours?)?\b", "bid"),
    (3.0, r"three times (?:a |per )?day|three times daily|thrice daily|every 8 ?h(?:ours?)?\b", "tid"),
    (4.0, r"four times (?:a |per )?day|four times daily|every 6 ?h(?:ours?)?\b", "qid"),
)


def _dotted(letters: str, *, optional: bool) -> str:
    """An abbreviation such as b.i.d. as a pattern, its full stops optional ("bid") or required."""
    return (r"\.?" if optional else r"\.").join(letters)


# Doses per administration taken more than once a day (or every other day) are given per day.
DOSES_PER_DAY: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (cue_re(rf"^\W{{0,3}}(?:\w+\W+){{0,2}}?(?:{words}|{_dotted(letters, optional=True)}\b)", re.I), per_day)
    for per_day, words, letters in _FREQUENCIES
) + (
    (cue_re(r"^\W{0,3}(?:\w+\W+){0,2}?(?:every other day|on alternate days|every 48 ?h(?:ours?)?"
                r"\b|every second day)", re.I), 0.5),
)
# The same said anywhere in a record ("Oxytrex four times daily or Oxytrex twice daily"), with the
# abbreviation in capitals or with its full stops ("BID", "b.i.d."), not the word "bid".
TIMES_A_DAY: tuple[tuple[re.Pattern[str], float], ...] = (
    (cue_re(r"\bonce (?:a |per )?day\b|\bonce daily\b|(?-i:\bQD\b)", re.I), 1.0),
) + tuple(
    (cue_re(rf"\b(?:{words})|(?-i:\b{letters.upper()}\b)|\b{_dotted(letters, optional=False)}\b", re.I), per_day)
    for per_day, words, letters in _FREQUENCIES
)
_GRAM_UNITS = frozenset({"g", "gram", "grams"})


@dataclass(frozen=True, slots=True)
class Dose:
    low: float
    high: float
    per_kg: bool
    upper_bound_only: bool
    start: int
    end: int


_DOSE_LIST_LABEL_BEFORE_RE = cue_re(
    r"\b(?:weeks?|days?|months?|visits?|steps?|phases?|cycles?|periods?|stages?|levels?|sessions?|"
    r"by)\s*$", re.I)


# A titration step, not a dose anyone took: "adjusted in 0.5-mg steps", "in increments of 1.5 mg",
# "(the final step being 0.5 mg)"
_TITRATION_STEP_AFTER_RE = cue_re(r"\s*(?:steps?|increments?)\b", re.I)
_TITRATION_STEP_BEFORE_RE = cue_re(r"\b(?:steps?|increments?)\s+(?:of|being|was|were|is|are)\s+$", re.I)


# "three 1.5-mg capsules together at bedtime", "2 x 2.25 mg tablets": units taken at once
_UNITS_TAKEN_BEFORE_RE = cue_re(r"(?:(?<![\w-])(?P<w>two|three|four|five|six)|(?<![\w.,])(?P<d>[2-6])(?:\s*[x\u00d7])?)\s+$",
                                re.I)
_UNITS_TAKEN_AFTER_RE = cue_re(r"\s*(?:capsules|tablets|pills|caplets|lozenges)\b", re.I)
_UNITS_TAKEN = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "1.5 mg capsules, ... one to three capsules nightly", "gelules de 1,5 mg ... 1 a 3 gelules par
# jour": a strength per unit and a range of units taken
_UNIT_NOUN = r"(?:capsules?|tablets?|pills?|g[\u00e9e]lules?|c[\u00e1a]psulas?|comprim[\u00e9e]s?|kapseln?|tabletten?)"
_UNITS_RANGE_RE = cue_re(
    rf"(?<![\w.,])(?P<lo>one|two|1|2)\s*(?:to|-|\u2013|or|\u00e0|a|bis)\s*(?P<hi>two|three|four|2|3|4)\s+"
    rf"(?:[\w-]+\s+)?{_UNIT_NOUN}\b", re.I)
_STRENGTH_AFTER_RE = cue_re(rf"\s*(?:[\w-]+\s+)?{_UNIT_NOUN}\b", re.I)
_STRENGTH_BEFORE_RE = cue_re(rf"{_UNIT_NOUN}\s+(?:of|de|mit|a|\u00e0)\s+$", re.I)
_RANGE_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4}
# A dose in words: "three milligrams nightly", "four and a half milligrams", "half a milligram"
WORD_DOSE_RE = cue_re(
    rf"(?<![\w-])(?P<a>{NUMBER_WORDS_PATTERN}(?P<half>\s+and\s+a\s+half)?|half\s+a)"
    rf"\s+(?P<unit>milligrams?|micrograms?)\b", re.I)


def _units_taken(text: str, m: re.Match[str]) -> int:
    """How many capsules or tablets of the strength matched are taken together (1 when not said)."""
    if not _UNITS_TAKEN_AFTER_RE.match(text, m.end()):
        return 1
    before = _UNITS_TAKEN_BEFORE_RE.search(text, max(0, m.start("a") - 12), m.start("a"))
    if before is None:
        return 1
    return _UNITS_TAKEN[before.group("w").lower()] if before.group("w") else int(before.group("d"))


def _units_range(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(fewest, most) units taken when the matched dose is a strength per capsule or tablet and the
    sentence gives a range of them ("1.5 mg capsules ... one to three capsules nightly")."""
    low = text.lower()
    if not any(w in low for w in ("apsul", "ablet", "pill", "lule", "comprim")):
        return None
    if not (_STRENGTH_AFTER_RE.match(text, m.end())
            or _STRENGTH_BEFORE_RE.search(text, max(0, m.start("a") - 16), m.start("a"))):
        return None
    units = _UNITS_RANGE_RE.search(text)
    if units is None:
        return None
    lo, hi = (_RANGE_UNITS.get(units.group(k).lower()) or int(units.group(k)) for k in ("lo", "hi"))
    return (lo, hi) if lo < hi else None


def _word_doses(text: str) -> list[Dose]:
    out: list[Dose] = []
    for m in WORD_DOSE_RE.finditer(text):
        if m.group("a").lower().startswith("half"):
            value: float | None = 0.5
        else:
            whole = parse_number(m.group("a")[: m.start("half") - m.start("a")] if m.group("half")
                                 else m.group("a"))
            value = None if whole is None else whole + (0.5 if m.group("half") else 0.0)
        if not value:
            continue
        factor = 0.001 if m.group("unit").lower().startswith("micro") else 1.0
        out.append(Dose(value * factor, value * factor, False, False, m.start(), m.end()))
    return out


def find_doses(text: str) -> list[Dose]:
    """Doses in mg (micrograms and grams converted), ranges and 'a and b' lists kept as low-high;
    doses in words ("three milligrams") and units taken together ("three 1.5-mg capsules": 4.5)."""
    out: list[Dose] = []
    if "gram" in text and WORD_DOSE_RE.search(text):
        out.extend(_word_doses(text))
    for m in DOSE_RE.finditer(text):
        a = _dose_number(m.group("a"))
        b = _dose_number(m.group("b")) if m.group("b") else None
        taken = 1
        if a is not None and b is None and ("ablet" in text or "apsule" in text or "pill" in text
                                            or "aplet" in text or "ozenge" in text):
            taken = _units_taken(text, m)
            a *= taken
        if a is not None and b is None and taken == 1 and (units := _units_range(text, m)) is not None:
            a, b = a * units[0], a * units[1]
        if a is None or _CONCENTRATION_RE.match(text, m.end()):
            continue  # "1 mg/mL", "0.39 ng/mL": a concentration, not a dose
        if _SPREAD_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "42.6 +/- 11.8 mg": a standard deviation
        if b is None and ("tep" in text or "ncrement" in text) and (
                _TITRATION_STEP_AFTER_RE.match(text, m.end())
                or _TITRATION_STEP_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())):
            continue  # a titration step
        unit = m.group("unit").lower()
        factor = (0.001 if unit in _MICRO_UNITS else 1e-6 if unit in _NANO_UNITS
                  else 1000.0 if unit in _GRAM_UNITS else 1.0)
        after = text[m.end():m.end() + 40]
        if "/d" not in after[:4] and "daily" not in after[:7]:
            for pattern, per_day in DOSES_PER_DAY:
                if pattern.search(after):
                    factor *= per_day
                    break
        if b is not None and _DOSE_LIST_LABEL_BEFORE_RE.search(text, max(0, m.start("a") - 12),
                                                               m.start("a")):
            # "1.5 mg in week 1, 3 mg in week 2": the first number is a week, not a dose;
            # "increasing weekly by 1 mg to 4.5 mg": a step, then the dose reached
            a, b, start = b, None, m.start("b")
        else:
            start = m.start("a")
        values = [a * factor] + ([b * factor] if b is not None else [])
        per_kg = bool(m.group("perkg"))
        bound = bool(m.group("bound")) and b is None
        low, high = min(values), max(values)
        out.append(Dose(low, high, per_kg, bound, start, m.end()))
    out.sort(key=lambda d: d.start)
    return out


# --- durations ------------------------------------------------------------------------------------

# Weeks per unit; a month is 365.25 / 12 / 7 = 4.345 weeks.
WEEKS_PER = {"hour": 1 / 168, "h": 1 / 168, "day": 1 / 7, "week": 1.0, "wk": 1.0, "month": 4.345, "mo": 4.345,
             "year": 52.0}
DURATION_RE = cue_re(
    rf"(?P<num>{NUMBER_PATTERN})(?:\s*(?:-|to|or|and|,)\s*(?P<num2>{NUMBER_PATTERN}))?"
    rf"(?:\s*(?:-|\u2013)\s*|\s+)(?P<consec>consecutive\s+)?(?P<unit>hours?|h|days?|weeks?|wks?|months?|mos?|years?)\b",
    re.I,
)
_DURATION_DIGITS_RE = digits_only(DURATION_RE)
_UNIT_KEY_RE = cue_re(r"^(hour|h|day|week|wk|month|mo|year)", re.I)
# Context before a duration that marks it as treatment time (strong) ...
_TREAT_BEFORE_RE = cue_re(
    r"(?:\bfor(?: up to| at least| a(?:n)?(?: further| additional)?| a total of| the following| the remainder of)?|"
    r"\bover(?: a(?:n)?| the (?:following|next|subsequent))?|\bduring|\btreated for|"
    r"\blast(?:s|ed|ing)(?: up to| about| approximately| around)?|"
    r"\bthis|\ba|\ban|\bto complete|\bcompleting|\b(?:treatment|therapy|intervention|dosing|study|trial) (?:period|phase|"
    r"duration) (?:of|was|lasted)|\bperiods? of|\btotal of|"
    # "The drug was stopped after three weeks": how long it was taken
    r"\b(?:drug|treatment|therapy|medication|LDN|naltrexone|it) (?:was|were) (?:stopped|discontinued|"
    r"withdrawn) after)\s*$",
    re.I,
)
# ... or after it: "12 weeks of naltrexone", "12-week trial".
_TREAT_AFTER_RE = cue_re(
    # ("allocated to 8 weeks (12 sessions) of general exercise": a count of sessions in between)
    r"^(?:\s*\((?:\d+|[a-z]+(?:-[a-z]+)?) (?:sessions|visits|treatments|classes|injections|infusions)\))?"
    r"(?:\s*,)?\s*(?:of\s+(?!(?:[\w-]+\s+){0,3}(?:pain|symptoms?|disease|illness)\b)(?!(?:age|baseline|follow|washout|wash-out|run-in|placebo|diagnosis|"
    r"illness|symptoms|disease|pain\b|life|data)\b)[\w-]+|(?:(?!(?:than|at|after|in|with|for|from|"
    r"compared|versus|vs|and|or|but|whereas|while|although)\b)[\w-]+\s*,?\s*){0,4}?"
    r"(?:trials?|stud(?:y|ies)|treatment|therapy|course|periods?|phases?|program|programme|regimen|"
    r"intervention|class|pilot|(?:comparison |crossover |cross-over )?design)\b|"
    # "Each woman spent 12 weeks on naltrexone 4.5 mg"
    r"\s*on\s+(?:(?:low-dose |active |the study )?(?:naltrexone|LDN|treatment|therapy|the drug|"
    r"medication)\b|[\w-]+\s+\d+(?:\.\d+)?\s*mg\b)|"
    # "(16 weeks in total)": the sum of the phases
    r"\s*(?:in total|altogether)\b)",
    re.I,
)
# Durations that are not treatment time.
_NOT_TREATMENT_BEFORE_RE = cue_re(
    r"(?:washout|wash-out|run-in|lead-in|baseline|ill for|history of|since|aged?|every|within|"
    r"remission for|for the past|previous|last|before|follow-up of|follow-up to|followed for|"
    r"followed up for|mean of|median of|duration of|duration|followed by|then|every|first|"
    r"followed (?:them|patients|participants|all|each|users) (?:up )?for(?: up to| at least)?|"
    r"(?:maintained|sustained|persisted|lasting effects?|remained) (?:for )?(?:up to |at least )?|"
    # "could enter an open-label extension lasting up to 3 months": not the trial's treatment
    r"extension (?:phase |period |study )?(?:lasting|of|for)(?: up to| about| another| a further)?|"
    # "followed for a further 24 weeks off treatment"; "with effects lasting up to 52 weeks"
    r"followed (?:up )?for (?:a further|another|an additional|a subsequent)|"
    r"(?:effects?|benefits?|improvements?|relief|gains?) (?:lasting|persisting|sustained|maintained)(?: for)?"
    r"(?: up to| at least| about)?|"
    r"of at least|of more than|of over|persisting (?:for )?(?:at least|more than)|stable for|"
    # "pain scores were obtained daily during treatment and weekly thereafter for 12 weeks": when
    # outcomes were measured, not how long anyone was treated
    # (not "50 mg once daily thereafter for 84 days": a dose's schedule, the course itself)
    r"(?<!mg )(?<!once )(?<!twice )(?:daily|weekly|monthly|fortnightly) thereafter for(?: a further| another)?|"
    # "recorded during the infusion and weekly for the following 12 weeks"
    r"(?:daily|weekly|monthly|fortnightly|assessed|recorded|measured|monitored|observed) (?:for|over|during) "
    r"the (?:following|subsequent|next)|"
    # "the effect diminished over the following 6 months": what happened after the course
    r"(?:diminished|faded|waned|declined|wore off|attenuated) (?:over|during|in) the (?:following|subsequent|next)|"
    # "his symptoms settled over 14 hours": the course of a reaction, not of a treatment
    r"(?:settled|resolved|subsided|abated|disappeared|receded) (?:over|within|in|after)(?: about| the next)?|"
    # "follow-up lasted 24 weeks", "the observation period was 2 years"
    r"(?:follow-?up|observation)(?: period| phase)? (?:lasted|was|extended to|continued for)|"
    # "whose sciatica had lasted 4 to 12 months": how long the illness had lasted
    r"ha(?:d|s|ve) (?:lasted|persisted|been present))\s*"
    r"(?:(?:up to|at least|more than|about|approximately|a median of|a mean of)\s+)?(?:a|an|the)?\s*$",
    re.I,
)
_TREATMENT_PERIOD_AFTER_RE = cue_re(
    r"^\s*-?\s*(?:[\w-]+\s+){0,3}?(?:treatment|therapy|dosing|intervention|double-blind|maintenance) (?:period|phase)\b", re.I)
_NOT_TREATMENT_AFTER_RE = cue_re(
    r"^\s*(?:-?\s*)?(?:(?:[\w-]+\s+){0,2}?(?:washout|wash-out|run-in|lead-in)|baseline|old|ago|of age|"
    r"before|earlier|prior|"
    r"history|span|or (?:longer|more)|and (?:longer|more)|"
    # (not "for a 12-week double-blind maintenance phase": a randomised withdrawal's blinded phase)
    r"(?:(?!double[- ]blind|randomi[sz]ed)\w+[ -]){0,2}?(?:extension|maintenance)|"
    r"open-label (?:phase|extension|period)|"
    # "a 7-day opioid-free period and a naloxone challenge": before the treatment starts
    r"\w+-free (?:period|interval|phase|window)\b|screening (?:period|phase)\b|"
    # "over an 18-month recruitment period": when patients joined, not how long they were treated
    r"(?:recruitment|enrol?ment|enrollment|accrual|inclusion) (?:period|phase|window)|"
    r"after (?:surgery|diagnosis|stopping|the|treatment|injury|onset|discontinuation|the end|herpes|"
    r"zoster|shingles|infection|trauma|stroke|amputation|an? [\w-]+ (?:injury|fracture|infection|"
    r"operation|procedure|infarct\w*)|(?:an? |the )?(?:[\w-]+ ){0,3}?\w+(?:ectomy|otomy|plasty|ostomy))|"
    r"post|follow-up|of follow-up|later|apart|interval|afterwards|thereafter|"
    r"off (?:treatment|therapy|(?:the )?(?:study )?(?:drugs?|medications?))|"
    # "Over 2 years she had failed gabapentin, amitriptyline, ...": the history before this treatment
    r",?\s*(?:she|he|they|the patient|patients) had (?:failed|tried|received|taken|used|been)\b|"
    # "165 patients with diabetes and 1 to 5 years of painful distal neuropathy": how long they had
    # been ill (not "12 weeks of pain management", a course)
    r"of (?:(?!(?:treatment|therapy|[\w-]+ment|use|taking|her|his|their|its|the|this|that)\b)[\w-]+ ){0,2}?"
    r"(?:pain|neuropathy|neuralgia|symptoms|disease|illness|diabetes|arthritis|"
    r"fibromyalgia|migraines?|headaches?|sciatica)\b(?! (?:treatment|therapy|management|relief|"
    r"education|programmes?|programs?|rehabilitation|self-management|services?|clinics?)\b)|"
    # "a 5-year retrospective analysis": the period the records span
    r"retrospective (?:analysis|review|study|cohort|audit|evaluation|series)|chart review|registry (?:study|analysis)|"
    # "at a 6-week visit": a time point
    r"(?:visits?|assessments?|evaluations?|time ?points?|interviews?|appointments?|check-?ups?|"
    r"questionnaires?|end ?points?)\b)",
    re.I,
)
# How long someone has been ill, not how long they were treated: "back pain for 14 years",
# "symptoms for more than six months", "had been diagnosed for 3 years".
_HISTORY_BEFORE_RE = cue_re(
    r"(?:(?<!treatment of )(?<!management of )(?<!relief of )(?<!treatment for )(?<!added to their )"
    r"(?<!added to the )(?<!added to )(?<!add-on to their )\b(?:pain|aches?|symptoms?|disease|illness|condition|complaints?|syndrome|fibromyalgia|"
    r"headaches?|migraines?|fatigue|neuropathy|neuralgia|arthritis|history|opioids?|analgesics?|"
    r"(?<!study )(?<!trial )(?<!allocated )medications?|laxatives)|\b(?:diagnosed|ill|sick|suffer(?:ed|ing))\b)(?:[ ,]+(?!(?:relief|reduction|improvement|scores?|outcomes?|treat\w*|"
    r"therap\w*|received|receiving|given)\b)[\w-]+){0,3}?[ ,]+for(?: (?:the )?(?:past|last|over|more than|about|nearly|"
    r"almost|at least|up to))?\s*$",
    re.I,
)
# A titration step: "3 mg nightly for 2 weeks and then 4.5 mg", "1.5 mg for two weeks, 3 mg for
# two weeks and 4.5 mg for eight weeks" (steps of one sentence are summed), "titrated over 3 weeks".
_STEP_BEFORE_RE = cue_re(
    r"(?:\bmg|\bmcg|\u00b5g|\bmicrograms?)(?:/(?:day|d|kg))?\s*(?:(?:once |twice )?(?:daily|nightly|at night|"
    r"at bedtime|each (?:night|evening|day)|every (?:night|evening|day)|a day|per day|in the evening)\s*)?"
    r"(?:for|during)(?: the first| a further| another| an additional)?\s*$", re.I)
# The step leads on to another dose: "..., then 4.5 mg", "and then increased to 4.5 mg"
_DOSE_NEXT_RE = cue_re(
    r"^\s*,?\s*(?:and\s+)?(?:then|followed by|after which|increas\w+|ris\w+)\s+(?:(?:it was |was )?"
    r"(?:increased|raised|titrated) )?(?:to\s+)?(?:a (?:target|maintenance) (?:dose )?of\s+)?\d+(?:\.\d+)?\s*mg\b",
    re.I)
_STEP_AFTER_RE = cue_re(r"^\s*,?\s*(?:and\s+)?(?:then|followed by|before|after which|increas\w+|ris\w+)\b", re.I)
_TITRATION_BEFORE_RE = cue_re(r"\btitrat\w*(?: up)?(?: [\w.]+){0,6}? (?:over|during|across|within)(?: the first)?\s*$",
                              re.I)
# "thereafter all participants could take open-label naltrexone for 40 weeks", "After the blinded
# phase, all participants will be offered open-label naltrexone for 24 weeks": an extension.
_EXTENSION_BEFORE_RE = cue_re(
    r"\b(?:thereafter|afterwards|subsequently|after (?:the|this) (?:[\w-]+ ){0,2}?(?:phase|period|trial|"
    r"study))\b(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?\bopen[- ]label\b(?:[^.;]|(?<=\d)\.(?=\d)){0,50}?"
    r"\b(?:for|over)(?: up to| a further| an additional)?\s*$", re.I)
# "sodium normalised over 5 days": how fast an outcome changed, not how long treatment lasted
_RECOVERY_BEFORE_RE = cue_re(
    r"\b(?:normali[sz]ed|resolved|recovered|subsided|disappeared|returned to normal)\s+(?:over|within|in|after)"
    r"(?: the (?:next|following))?\s*$", re.I)
# Not this study's treatment time: history in the pluperfect ("had been treated for 2 years",
# "abstinent from alcohol for 3 years"), follow-up schedules ("interviewed ... yearly for 4 years")
# and summaries of varying exposure ("Median treatment duration was 9 months").
_OTHER_TIME_BEFORE_RE = cue_re(
    # "had taken duloxetine 60 mg daily for two years" (not "patients who had taken LDN for 2
    # months", an inclusion criterion), "described taking kratom every day for 18 months"
    r"(?<!who )\bhad (?:taken|used)\b|\b(?:described|reported|admitted|acknowledged) (?:taking|using)\b|"
    r"\b(?:had been (?:treated|taking|receiving|using|(?:[\w-]+ )?on)|had had|had received|abstinent|interviewed|surveyed|contacted|follow-?up|"
    r"observed|monitored|reassessed|yearly|annually)\b[^.;]{0,60}?\bfor(?: the past| the last| up to| more than"
    r"| over| about| nearly| almost| at least| a median of| a mean of)?\s*$|"
    r"\b(?:mean|median|average)\b[^.;]{0,40}?\b(?:was|were|of)\s*(?:about |approximately )?$", re.I)
# "12 weekly 60-minute sessions": a course of N weekly sessions lasts N weeks; "weeks 0 to 12".
WEEKLY_SESSIONS_RE = cue_re(
    rf"\b(?P<num>{NUMBER_PATTERN}) weekly (?:[\w-]+ ){{0,3}}?(?:sessions|classes|visits|groups|treatments|"
    rf"injections|infusions|meetings|lessons|appointments)\b", re.I)
# "during a 6-week titration phase, followed by a 12-week maintenance phase": the course is both.
TITRATION_MAINTENANCE_RE = cue_re(
    rf"\b(?P<num>{NUMBER_PATTERN})[- ](?P<unit>days?|weeks?|months?)[- ](?:dose[- ])?titration"
    # (the steps may follow in brackets: "a 2-week titration phase (1.5 mg, then 3 mg, then 4.5 mg daily)
    # followed by an 8-week maintenance phase")
    rf"(?: (?:phase|period))?(?:\s*\([^()]{{0,100}}\))?,?\s+(?:followed by|then|and|plus)\s+(?:an?\s+)?"
    rf"(?P<num2>{NUMBER_PATTERN})[- ](?P<unit2>days?|weeks?|months?)[- ](?:fixed[- ]dose[- ])?maintenance\b", re.I)
# "titrated to a maximum of 250 mg b.i.d. over 3 weeks, followed by a 9-week maintenance phase"
TITRATED_OVER_MAINTENANCE_RE = cue_re(
    rf"\btitrat\w*\b(?:[^.;]|\.(?!\s+(?-i:[A-Z]))){{0,100}}?\b(?:over|during|for) (?:a |an |the )?(?P<num>{NUMBER_PATTERN})[- ]"
    # ("... over 2 weeks (titration phase) and then continued at 4.5 mg for a 12-week maintenance phase")
    rf"(?P<unit>days?|weeks?|months?)\b(?:\s*\([^()]{{0,60}}\))?,?\s+(?:followed by|then|and then|and|plus)\s+"
    rf"(?:(?:continued|kept|maintained|held|stayed|remained) (?:at |on )?(?:[\w/]+|\d+\.\d+) (?:mg(?:/d(?:ay)?)? )?"
    rf"(?:daily |per day |a day )?for\s+)?(?:an?\s+)?(?P<num2>{NUMBER_PATTERN})[- ]"
    rf"(?P<unit2>days?|weeks?|months?)[- ](?:(?:fixed|stable|stable-dose|fixed-dose|dose)[- ])?maintenance\b", re.I)
# "titrated from 150 mg/day to 600 mg/day over 3 weeks and maintained for 9 weeks (12 weeks total)":
# the titration and the time held at the dose are the course
TITRATED_THEN_MAINTAINED_RE = cue_re(
    rf"\btitrat\w*\b[^.;]{{0,100}}?\b(?:over|during|for) (?:a |an |the )?(?P<num>{NUMBER_PATTERN})[- ]"
    rf"(?P<unit>days?|weeks?|months?)\b,?\s+(?:and (?:then )?|then |followed by )(?:was |were )?"
    rf"(?:maintained|continued|kept|held)(?: (?:at|on) [^.;,()]{{1,25}}?)? for (?:a further |another )?"
    rf"(?P<num2>{NUMBER_PATTERN})[- ](?P<unit2>days?|weeks?|months?)\b", re.I)
# "After a 2-week titration, participants continued their assigned dose for eight further weeks",
# "After a 2-week titration phase, patients entered a 16-week maintenance phase": both are the course.
AFTER_TITRATION_RE = cue_re(
    rf"\bafter (?:a|an|the) (?P<num>{NUMBER_PATTERN})[- ](?P<unit>days?|weeks?|months?)[- ](?:dose[- ])?titration"
    rf"(?: (?:phase|period))?,?\s+(?:[\w-]+\s+){{0,2}}?(?:continued|entered|received|took|remained|stayed|"
    rf"maintained|kept|were given|was given)\s+(?:(?!(?:follow\w*|washout|wash-out|off|placebo|observ\w*|"
    rf"extension)\b)[\w-]+\s+){{0,4}}?(?:for\s+)?(?:a |an )?(?P<num2>{NUMBER_PATTERN})[- ](?:further |more |additional )?(?P<unit2>days?|weeks?|"
    rf"months?)\b(?:[- ](?:fixed[- ]dose[- ])?maintenance)?", re.I)
# "given twice weekly for 6 weeks, then once weekly for 6 weeks": a course of two phases of one
# treatment (not a crossover's "then placebo for 6 weeks", nor follow-up)
THEN_PHASE_RE = cue_re(
    rf"\b(?:twice|once|three times|[\w-]+ times) (?:weekly|a week|daily|a day) for (?P<num>{NUMBER_PATTERN}) "
    rf"(?P<unit>weeks?|months?),? (?:and )?then (?:once|twice|three times|[\w-]+ times) (?:weekly|a week|"
    rf"every (?:other|second) week|fortnightly|monthly|daily|a day) for (?:a further |another )?"
    rf"(?P<num2>{NUMBER_PATTERN}) (?P<unit2>weeks?|months?)\b", re.I)
_STEPS_THEN_MAINTENANCE_RE = cue_re(
    rf"\bfor (?:a |an |the )?(?P<num>{NUMBER_PATTERN})[- ](?P<unit>days?|weeks?|months?)[- ](?:[\w-]+ )?maintenance\b", re.I)
# "2 mg daily for 2 weeks and increased to 4 mg daily for a further 6 weeks": the course is the sum
_FURTHER_BEFORE_RE = cue_re(r"\bfor (?:a further|another|an additional)\s*$", re.I)
_DOSE_RAISED_RE = cue_re(r"\b(?:increas|rais|escalat|titrat|up-?titrat)\w*", re.I)
_OTHER_PERIOD_RE = cue_re(r"\b(?:other|crossed|cross(?:ed)? over|switched|swapped|placebo|washout|wash-out|"
                          r"alternative|opposite|second)\b", re.I)
# "once daily from day 1 to day 14", "on days 1-28": a course given by its days (dosing named
# before it in the sentence).
DAY_RANGE_RE = cue_re(
    r"\b(?:from )?days? (?P<a>\d{1,3}) ?(?:to|through|until|-|\u2013) ?(?:day )?(?P<b>\d{1,3})\b", re.I)
_DOSING_BEFORE_RE = cue_re(
    r"\b(?:received|given|treated|administered|injected|dosed|once daily|twice daily|daily|nightly|"
    r"mg/kg|mg)\b[^.;]{0,30}$", re.I)
# "Pain was recorded daily from day 1 to day 90", "thresholds were measured on days 1 to 21"
_MEASURED_BEFORE_RE = cue_re(
    r"\b(?:measured|recorded|scored|assessed|collected|tested|evaluated|monitored|observed|sampled|"
    r"rated|diar(?:y|ies)|followed)\b", re.I)
_CYCLE_AFTER_RE = cue_re(r"\b(?:every|cycles?|repeated)\b", re.I)
_BLINDED_AFTER_RE = cue_re(
    r"^\s*(?:of\s+)?(?:double|triple)[- ]blind(?:ed)?\b(?!\s+(?:dose[- ])?(?:titration|escalation|run-in|"
    r"lead-in|washout))", re.I)
# "After a 9-week single-blind phase": an open or single-blind lead-in before the randomised phase
_LEAD_IN_AFTER_RE = cue_re(r"^\s*(?:of\s+)?(?:single[- ]blind(?:ed)?|open[- ]label)\b", re.I)
WEEKS_FROM_ZERO_RE = cue_re(r"\bweeks? 0 ?(?:to|-|\u2013|through) ?(?P<num>\d{1,3})\b", re.I)
# "despite oclacitinib for at least 3 months": the treatment that failed before, not this one
_DESPITE_BEFORE_RE = cue_re(r"\bdespite\b(?:[^.;]{0,100}?\b(?:for|over|during)(?: at least| more than| over| up to)?|"
                                r"[^.;,]{0,30}?)\s*$", re.I)
# "Over 11 months, 214 women were screened": the recruitment period.
_RECRUITMENT_AFTER_RE = cue_re(
    r"^\s*,?\s*(?:[\w-]+\s+){0,5}?(?:were|was|had been)\s+(?:screened|recruited|enrolled|approached|"
    r"identified|included|invited|assessed for eligibility)\b|"
    # "pain ... for 3 months were randomised", "Over 14 months, 40 patients were randomised"
    r"^\s*(?:,\s*(?:[\w-]+\s+){0,4}?)?(?:were|was)\s+(?:randomi[sz]ed|randomly (?:assigned|allocated)|"
    r"allocated|assigned)\b|"
    # "Over two years we prescribed naltrexone ... to seven consecutive patients": the period over
    # which patients were treated, not each one's course
    r"^\s*,?\s*(?:we|our (?:clinic|service|team|department))\s+(?:have\s+)?(?:prescribed|treated|saw|"
    r"seen|offered|started|recruited|enrolled|identified|reviewed)\b", re.I)
# A placebo phase given alone (a run-in), not an arm: "received placebo for 2 weeks" (not "naltrexone
# or placebo for 12 weeks").
_PLACEBO_PHASE_BEFORE_RE = cue_re(
    r"\b(?:received|took|taking|given|were on|was on)\s+(?:an? )?(?:single-blind(?:ed)? )?placebo"
    r"(?: capsules?| tablets?| pills?)?\s+for\s*$", re.I)
_RECRUITMENT_BEFORE_RE = cue_re(
    r"\b(?:recruit\w*|screen(?:ed|ing))\b[^.;]{0,40}?\b(?:over|during|within|in)(?: a| an| the)?"
    r"(?: period of)?\s*$|"
    # "Twenty-five women were randomised (n = 12/13, LDN/placebo) over 14 months": the enrolment period
    r"\b(?:were|was) (?:randomi[sz]ed|enrolled|recruited|included)(?:\s*\([^()]*\))?\s+(?:over|during|within)"
    r"(?: a| an| the)?(?: period of)?\s*$", re.I)
# "over 2 years", "during 12 weeks": a span, which in a trial of a one-off procedure is follow-up.
_SPAN_BEFORE_RE = cue_re(
    r"\b(?:over|during|throughout|across)(?: a| an| the(?: (?:following|next|subsequent))?)?"
    r"(?: (?:period|course) of)?\s*$", re.I)
# "We reviewed all patients who received a block at a tertiary clinic over 4 years", "a
# retrospective cohort over 10 years": the period the records span.
_RECORDS_OVER_RE = cue_re(
    r"\b(?:reviewed|retrospective\w*|chart|charts|records|database|registry|audit\w*|identified)\b"
    r"[^.;]{0,160}?\b(?:over|during|across|spanning)(?: a| an| the)?(?: (?:period|span) of)?\s*$",
    re.I)
# "Naltrexone and 6-beta-naltrexol were measured over 24 hours": a sampling window; "Patients had to
# have taken LDN for at least 3 months to be included": an entry criterion.
_MEASURED_OVER_RE = cue_re(r"\b(?:measured|sampled|collected|recorded|monitored|quantified|assayed)\s+"
                           r"(?:over|during|for|across)(?: a| an| the)?\s*$", re.I)
_ELIGIBILITY_BEFORE_RE = cue_re(r"\b(?:had|needed|were required) to have (?:taken|used|received|been (?:on|taking|"
                                r"using|treated))\b[^.;]{0,60}?$", re.I)
# "Prospective controlled study over 18 months at two university hospitals": the study period.
_STUDY_PLACE_AFTER_RE = cue_re(
    r"^\s*(?:at|in)\s+(?:[\w'-]+\s+){0,3}?(?:hospitals?|centres?|centers?|clinics?|sites?|practices?|"
    r"units?|departments?|institutions?)\b", re.I)
# "the first two patients have maintained this benefit for 12 months": how long a benefit lasted.
_MAINTAINED_BEFORE_RE = cue_re(
    r"\b(?:maintained|sustained|persisted|remained|lasted)\b[^.;,]{0,30}?\bfor(?: up to| at least| over)?"
    r"\s*$|"
    # "blocks ... had given relief lasting 10 to 14 days": how long a benefit lasted
    r"\b(?:relief|benefit|effect|improvement|response)\s+lasting(?: up to| about| approximately)?\s*$", re.I)
# "2 weeks of placebo capsules and then 8 weeks of oral CBD": the treatment phase after a run-in.
_THEN_TREATMENT_AFTER_RE = cue_re(
    r"^\s*of\s+(?!(?:[\w-]+\s+){0,2}?(?:follow-?up|washout|wash-out|placebo|observation|no treatment|"
    r"usual care|off|baseline|monitoring)\b)[\w-]+", re.I)
# "followed by 26 weeks of double-blind treatment": the randomised phase after an open one.
# "... placebo for 2 weeks, followed by 10 weeks of LDN 4.5 mg nightly": the active phase after a run-in.
_BLINDED_PHASE_AFTER_RE = cue_re(
    r"^\s*of\s+(?:double[- ]blind(?:ed)?|blinded|randomi[sz]ed|active (?:drug|treatment|naltrexone)|LDN|"
    r"(?:low[- ]dose )?naltrexone)\b", re.I)
# "followed by a 12-week double-blind maintenance period": a randomised withdrawal's blinded phase
_BLINDED_PERIOD_AFTER_RE = cue_re(
    r"^\s*(?:double[- ]blind(?:ed)?|randomi[sz]ed)\s+(?:[\w-]+\s+){0,2}?(?:period|phase)\b", re.I)
# "painful DPN for at least 6 months", "for more than 3 months": an inclusion criterion more often
# than the treatment; used only when nothing else is stated.
_MINIMUM_BEFORE_RE = cue_re(r"(?:\bat least|\bmore than|\blonger than|\ba minimum of|\u2265|>=?)\s*$",
                                re.I)
# "continued to week 10", "change from baseline to week 12": treatment up to that week.
TO_WEEK_RE = cue_re(
    r"\b(?:(?:continued|treated|maintained|given|taken|dosed)(?: \w+){0,3}? (?:to|until|through)|"
    # "then 4.5 mg daily until week 16"
    r"(?:mg|daily|nightly|at night|at bedtime|thereafter) (?:until|through|up to)|mg to|"
    # "and 4.5 mg from week 4 until week 16"
    r"mg(?: \w+){0,2}? from week \d{1,2} (?:to|until|through)|"
    r"from (?:randomi[sz]ation )?baseline (?:to|until|through)) week (?P<num>\d{1,3})\b", re.I)
# "111 patients with CRPS for 1 to 5 years": how long they had the condition.
_PEOPLE_WITH_FOR_RE = cue_re(
    r"\b(?:patients?|adults?|wom[ae]n|m[ae]n|child(?:ren)?|girls?|boys?|participants?|people|persons?|"
    r"subjects?|individuals?) with\s+(?:(?!(?:were|was|received|receiving|treated|took|taking|given|"
    r"randomi\w+|started|assigned|allocated)\b)[\w'/-]+\s+){1,8}?for(?: at least| more than| over)?\s*$", re.I)
_ON_TREATMENT_AFTER_RE = cue_re(r"\s+(?:on|while on|while receiving) (?:(?:the )?(?:study )?(?:treatment|therapy|drugs?)|LDN|naltrexone)\b", re.I)
_PRIOR_THERAPY_FOR_RE = cue_re(
    r"\b(?:patients?|adults?|wom[ae]n|m[ae]n|children|participants?|people|persons?|subjects?|"
    r"individuals?|those)\s+(?:\w+\s+){0,2}?(?:on (?:a )?stable|on|taking|using|receiving|treated with)\s+"
    r"[^.;]{1,90}?\bfor (?:at least|a minimum of|more than|over|\u2265|>=?)\s*$", re.I)
_RANDOMIZED_OR_ELIGIBLE_RE = cue_re(
    r"\brandomi[sz]|\brandomly\b|\ballocated\b|\bassigned\b|\beligib|\binclusion\b|\bwere included\b", re.I)
_TIMEPOINT_BEFORE_RE = cue_re(r"(?:\bat|\bafter|\bby|\bto|\buntil|\bweek)\s*(?:the)?\s*$", re.I)

# "over 3 years of follow-up", "a 2-year follow-up", "followed up for 24 months": how long the
# record followed people, so a span of the same length elsewhere ("safe over 3 years") is follow-up.
FOLLOW_UP_RE = cue_re(
    rf"(?P<num>{NUMBER_PATTERN})[- ](?P<unit>days?|weeks?|months?|years?)[- ](?:of )?follow-?up\b|"
    rf"\bfollow(?:ed)?[- ]?(?:up)?(?: period)? (?:of|for|over|lasted|lasting|to)(?: up to| a median of| a mean of)?"
    rf" (?P<num2>{NUMBER_PATTERN})[- ](?P<unit2>days?|weeks?|months?|years?)\b", re.I)


def follow_up_weeks(text: str) -> list[float]:
    """Follow-up lengths a text states, in weeks."""
    out = []
    for m in FOLLOW_UP_RE.finditer(text):
        num, unit = (m.group("num"), m.group("unit")) if m.group("num") else (m.group("num2"), m.group("unit2"))
        weeks = _to_weeks(num, unit)
        if weeks:
            out.append(weeks)
    return out


DURATION_STRONG = 1
DURATION_TIMEPOINT = 2


@dataclass(frozen=True, slots=True)
class Duration:
    weeks: float
    strength: int
    start: int
    minimum: bool = False  # "for at least 6 months": a floor, as eligibility criteria state it
    span: bool = False  # cued only by "over", "during", "across", "throughout" ("over 2 years")
    blinded: bool = False  # a double-blind phase's length ("for a 5-week double-blind phase")
    lead_in: bool = False  # a single-blind or open-label phase's ("after a 9-week single-blind phase")


def _to_weeks(num: str, unit: str) -> float | None:
    value = parse_number(num)
    key = _UNIT_KEY_RE.match(unit)
    if value is None or key is None or value <= 0:
        return None
    if key.group(1).lower() in ("hour", "h") and value < 12:
        return None  # "2 hours after the dose", "a 3-hour session": time points, not a course
    return value * WEEKS_PER[key.group(1).lower()]


def find_durations(text: str, low: str | None = None, words: bool = True, *,
                   number: bool | None = None) -> list[Duration]:
    """Durations in weeks with how strongly the context says 'treatment time'. ``words=False``
    and ``number``: as for find_counts."""
    out: list[Duration] = []
    low = text.lower() if low is None else low
    if not any(map(low.__contains__, _DURATION_UNIT_GATE)) or not (
            has_number(text, low) if number is None else number):
        return out
    steps: list[float] = []
    open_end = False  # the last titration step leads on ("..., then 4.5 mg")
    step_at: list[int] = []  # where the steps sit in out
    for m in (DURATION_RE if words else _DURATION_DIGITS_RE).finditer(text):
        unit = m.group("unit")
        nums = [m.group("num")] + ([m.group("num2")] if m.group("num2") else [])
        weeks = [w for w in (_to_weeks(n, unit) for n in nums) if w is not None]
        if not weeks:
            continue
        before = text[max(0, m.start() - 30):m.start()]
        if "for" in before and (_HISTORY_BEFORE_RE.search(text[max(0, m.start() - 70):m.start()])
                                or _PEOPLE_WITH_FOR_RE.search(text[max(0, m.start() - 80):m.start()])):
            continue
        if "at least" in before and _PRIOR_THERAPY_FOR_RE.search(text[max(0, m.start() - 130):m.start()]) \
                and _RANDOMIZED_OR_ELIGIBLE_RE.search(text):
            # "Adults on stable originator infliximab for at least 6 months ... were randomly
            # assigned", "We will randomise 420 adults taking at least 50 mg ... per day for at
            # least 3 months": the therapy they had before the trial, an inclusion criterion
            continue
        after = text[m.end():m.end() + 60]
        not_treatment = _NOT_TREATMENT_BEFORE_RE.search(before)
        if not_treatment and not (not_treatment.group(0).lower().startswith("followed by")
                                  and (_BLINDED_PHASE_AFTER_RE.match(after)
                                       or _BLINDED_PERIOD_AFTER_RE.match(after))) and not (
                # "within a 56-week double-dummy treatment period": the period itself
                not_treatment.group(0).lower().lstrip().startswith("within a")
                and _TREATMENT_PERIOD_AFTER_RE.match(after)) and not (
                not_treatment.group(0).lower().lstrip().startswith(("then", "and then"))
                and _THEN_TREATMENT_AFTER_RE.match(after)) and not (
                # "were followed for 6 months on treatment": the time on treatment
                not_treatment.group(0).lower().lstrip().startswith("followed")
                and _ON_TREATMENT_AFTER_RE.match(after)):
            continue
        if _NOT_TREATMENT_AFTER_RE.match(after) or _RECRUITMENT_AFTER_RE.match(after):
            continue
        if "placebo" in before.lower() and _PLACEBO_PHASE_BEFORE_RE.search(before):
            continue  # "then received placebo for 2 weeks ..., followed by 10 weeks of LDN": a run-in
        if "old" in after[:6] or after.startswith("-old"):
            continue
        wide = text[max(0, m.start() - 70):m.start()]
        if _MAINTAINED_BEFORE_RE.search(wide) or _RECRUITMENT_BEFORE_RE.search(wide):
            continue
        widest = text[max(0, m.start() - 120):m.start()]
        before_low = before.lower()
        span = bool(("over" in before_low or "during" in before_low or "throughout" in before_low
                     or "across" in before_low) and _SPAN_BEFORE_RE.search(before))
        if span and (_STUDY_PLACE_AFTER_RE.match(after)
                     or _RECORDS_OVER_RE.search(text[max(0, m.start() - 200):m.start()])):
            continue
        if _MEASURED_OVER_RE.search(before) or ("to have" in wide and _ELIGIBILITY_BEFORE_RE.search(wide)):
            continue
        if _OTHER_TIME_BEFORE_RE.search(wide) or _RECOVERY_BEFORE_RE.search(before) or \
                _TITRATION_BEFORE_RE.search(wide):
            continue
        if "open" in widest.lower() and _EXTENSION_BEFORE_RE.search(widest):
            continue
        if "despite" in widest.lower() and _DESPITE_BEFORE_RE.search(widest):
            continue  # "despite 6 months of physiotherapy", "despite oclacitinib for 3 months"
        timepoint = _TIMEPOINT_BEFORE_RE.search(before)
        # "injury at 30 days, renal-replacement therapy at 90 days": a list of time points; the
        # words after the comma are the next item, not this duration's treatment.
        treat_after = _TREAT_AFTER_RE.match(after) and not (timepoint and after.lstrip().startswith(","))
        if _TREAT_BEFORE_RE.search(before) or treat_after or m.group("consec"):
            strength = DURATION_STRONG  # "on three consecutive days": the course itself
        elif timepoint:
            strength = DURATION_TIMEPOINT
        else:
            continue
        if _STEP_BEFORE_RE.search(before):
            steps.append(max(weeks))
            step_at.append(len(out))
            open_end = bool(_STEP_AFTER_RE.match(after)) and bool(_DOSE_NEXT_RE.match(after))
            if open_end:
                strength = DURATION_TIMEPOINT  # one step of a titration, not the course
        if strength == DURATION_STRONG and _FURTHER_BEFORE_RE.search(before):
            earlier = [d for d in out if d.strength == DURATION_STRONG and not d.span]
            if earlier and _DOSE_RAISED_RE.search(text, earlier[-1].start, m.start()) and \
                    not _OTHER_PERIOD_RE.search(text, earlier[-1].start, m.start()):
                # (a crossover's "then the other mode for a further 12 weeks" is a second period)
                out.append(Duration(earlier[-1].weeks + max(weeks), DURATION_STRONG, m.start()))
        out.append(Duration(max(weeks), strength, m.start(), bool(_MINIMUM_BEFORE_RE.search(before)),
                            span, bool(_BLINDED_AFTER_RE.match(after)), bool(_LEAD_IN_AFTER_RE.match(after))))
    if len(steps) >= 2:
        # "1.5 mg for one week, 3 mg for one week, then 4.5 mg": when the last step leads on to a
        # dose with no length, the steps are the titration, not the course
        if open_end:
            for i in step_at:
                out[i] = replace(out[i], strength=DURATION_TIMEPOINT)
        out.append(Duration(sum(steps), DURATION_TIMEPOINT if open_end else DURATION_STRONG,
                            out[0].start if out else 0))
        if open_end and "maintenance" in low:
            # "1.5 mg nightly for 1 week and 3 mg for 1 week, then 4.5 mg nightly for a 16-week
            # maintenance phase": the steps and the maintenance are the course
            last = out[step_at[-1]].start
            for m in _STEPS_THEN_MAINTENANCE_RE.finditer(text, last):
                maintenance = _to_weeks(m.group("num"), m.group("unit"))
                if maintenance:
                    out.append(Duration(sum(steps) + maintenance, DURATION_STRONG, m.start()))
    if "titrat" in low and ("maintained" in low or "continued" in low or "kept" in low or "held" in low):
        for m in TITRATED_THEN_MAINTAINED_RE.finditer(text):
            a, b = _to_weeks(m.group("num"), m.group("unit")), _to_weeks(m.group("num2"), m.group("unit2"))
            if a and b:
                out.append(Duration(a + b, DURATION_STRONG, m.start()))
    if "titrat" in low and "maintenance" in low:
        for pattern in (TITRATED_OVER_MAINTENANCE_RE, TITRATION_MAINTENANCE_RE):
            for m in pattern.finditer(text):
                a, b = _to_weeks(m.group("num"), m.group("unit")), _to_weeks(m.group("num2"), m.group("unit2"))
                if a and b:
                    out.append(Duration(a + b, DURATION_STRONG, m.start()))
    if "titration" in low and "after" in low:
        for m in AFTER_TITRATION_RE.finditer(text):
            a, b = _to_weeks(m.group("num"), m.group("unit")), _to_weeks(m.group("num2"), m.group("unit2"))
            if a and b:
                out.append(Duration(a + b, DURATION_STRONG, m.start()))
    if " then " in low:
        for m in THEN_PHASE_RE.finditer(text):
            a, b = _to_weeks(m.group("num"), m.group("unit")), _to_weeks(m.group("num2"), m.group("unit2"))
            if a and b:
                out.append(Duration(a + b, DURATION_STRONG, m.start()))
    if "day" in low:
        for m in DAY_RANGE_RE.finditer(text):
            first, last = int(m.group("a")), int(m.group("b"))
            if 0 <= first < last <= 365 and _DOSING_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) \
                    and not _MEASURED_BEFORE_RE.search(text, max(0, m.start() - 80), m.start()) \
                    and not _CYCLE_AFTER_RE.search(text, m.end(), m.end() + 80):  # "... every 28 days": a cycle
                out.append(Duration(round((last - first + 1) / 7, 1), DURATION_STRONG, m.start()))
    if "weekly" in low:
        for m in WEEKLY_SESSIONS_RE.finditer(text):
            n = parse_number(m.group("num"))
            if n and n <= 104:
                out.append(Duration(n, DURATION_STRONG, m.start()))
    if "week" in low:
        for m in TO_WEEK_RE.finditer(text):
            if "follow" in low[max(0, m.start() - 20):m.start() + 10]:
                continue  # "follow-up continued to week 36"
            # "from baseline to week 12" names no treatment: a span
            out.append(Duration(float(m.group("num")), DURATION_STRONG, m.start(),
                                span=m.group(0)[:4].lower() == "from"))
    if "0" in text:
        for m in WEEKS_FROM_ZERO_RE.finditer(text):
            out.append(Duration(float(m.group("num")), DURATION_STRONG, m.start()))
    return out
