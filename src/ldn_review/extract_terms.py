"""Condition synonyms (-> ``vocab.CONDITIONS`` ids) and outcome instruments (-> domain)."""

from __future__ import annotations

import re

from .extract_regex import cue_re

_I = re.I

# condition id -> synonyms (regex, case-insensitive unless the pattern sets (?-i)). MeSH names are
# included so that MeSH terms map through the same table. Order matters only for the docs.
CONDITION_SYNONYMS: dict[str, str] = {
    "fibromyalgia": r"fibromyalgi\w*|(?-i:\bFMS?\b)",
    "diabetic_neuropathy": r"diabetic (?:peripheral )?(?:poly)?neuropath\w*|painful diabetic|"
                           r"diabetic neuralgia",
    "crps": r"complex regional pain|(?-i:\bCRPS)|reflex sympathetic dystrophy|causalgia|"
            r"chronic regional pain syndrome",
    "chemotherapy_induced_neuropathy": r"(?:chemotherapy|oxaliplatin|cisplatin|platinum|paclitaxel|"
                                       r"docetaxel|taxane|vincristine|bortezomib)[- ]induced "
                                       r"(?:peripheral )?neuropath\w*|(?-i:\b[CO]IPN\b)",
    "trigeminal_neuralgia": r"trigeminal (?:neuralgia|neuropath\w*)|tic douloureux",
    "postherpetic_neuralgia": r"post-?herpetic neuralgia|(?-i:\bPHN\b)",
    "small_fiber_neuropathy": r"small[- ]fib(?:er|re) (?:poly)?neuropath\w*",
    "neuropathic_pain": r"neuropathic|(?:poly|mono)?neuropath(?:y|ies)|neuralgia|radiculopathy|"
                        r"radicular pain|sciatica|nerve injury|burning mouth|"
                        # central pain after a stroke or a cord injury; pain of a lost limb
                        r"(?:central )?post-?stroke pain|central pain syndrome|thalamic pain|"
                        r"spinal cord injury pain|phantom (?:limb )?pain|post-?amputation pain|"
                        r"stump pain",
    "rheumatoid_arthritis": r"(?<!juvenile )rheumatoid arthritis|arthritis, rheumatoid|"
                            r"seropositive arthritis",
    "psoriatic_arthritis": r"psoriatic arthritis|arthritis, psoriatic",
    "ankylosing_spondylitis": r"ankylosing spondylitis|axial spondyloarthritis|"
                              r"spondylitis, ankylosing|(?-i:\b(?:nr-)?axSpA\b)",
    "juvenile_idiopathic_arthritis": r"juvenile (?:idiopathic |rheumatoid |chronic )?arthritis|"
                                     r"arthritis, juvenile|(?-i:\bJIA\b)",
    "inflammatory_arthritis": r"inflammatory arthritis|spondyloarthrit\w*|spondyloarthropath\w*|"
                              r"inflammatory joint|inflammatory polyarthritis",
    "osteoarthritis": r"osteoarthrit\w*|osteoarthros\w*|(?-i:\bOA\b)|degenerative joint disease",
    "low_back_pain": r"(?:low|lower) back pain|low-back pain|lumbago|(?-i:\bC?LBP\b)|"
                     r"failed back surgery|back pain|sciatica|lumbar (?:disc|radicular)|"
                     # the newer name of failed back surgery syndrome
                     r"persistent spinal pain syndrome|(?-i:\bPSPS(?:-T?[12])?\b)|"
                     r"post-?laminectomy (?:pain )?syndrome",
    "headache_migraine": r"migraine\w*|headache|cephalalgia",
    "cancer_pain": r"(?<!non-)(?<!non)cancer[- ](?:related )?pain",
    "postoperative_pain": r"post-?operative pain|post-?surgical pain|pain, postoperative",
    "interstitial_cystitis": r"interstitial cystitis|bladder pain syndrome",
    "irritable_bowel_syndrome": r"irritable bowel|(?-i:\bIBS(?:-[CDM])?\b)",
    "chronic_pelvic_pain": r"(?:chronic )?pelvic pain|vulvodynia|vestibulodynia|chronic prostatitis|"
                           r"endometriosis[- ](?:associated|related) (?:pelvic )?pain|"
                           r"painful endometriosis|dysmenorrh\w+",
    "neck_pain": r"neck pain|whiplash|cervical pain",
    "orofacial_pain": r"temporomandibular (?:joint )?(?:disorders?|dysfunction|pain)|"
                      r"(?-i:\bTMDs?\b)|orofacial pain|(?:persistent idiopathic )?facial pain",
    "chronic_pain": r"chronic (?:non-?cancer |widespread |musculoskeletal |noncancer |primary |"
                    r"non-?malignant )?pain|non-?cancer pain|non-?malignant pain|myofascial pain|"
                    r"centrali[sz]ed pain|persistent pain|chronic pain syndromes?|"
                    r"pain, intractable|intractable pain|central sensiti[sz]ation",
    "crohns_disease": r"crohn'?s?\b|crohn disease",
    "ulcerative_colitis": r"ulcerative colitis|colitis, ulcerative",
    "inflammatory_bowel_disease": r"inflammatory bowel disease\w*|(?-i:\bIBD\b)",
    "multiple_sclerosis": r"multiple sclerosis|(?-i:\b(?:RR|PP|SP)MS\b)",
    "long_covid": r"long[- ]covid|post[- ]covid|post-acute sequelae|(?-i:\bPASC\b)|"
                  r"after covid-19|post-acute covid",
    "me_cfs": r"chronic fatigue syndrome|myalgic encephalomyelitis|(?-i:\bME/CFS\b)|"
              r"fatigue syndrome, chronic",
    "cancer": r"(?<!non-)(?<!non)cancer(?![- ](?:related )?pain)|carcinoma|malignan\w*|neoplasm\w*|"
              r"tumou?rs?\b|lymphoma|melanoma|glioma|glioblastoma|leukemia|myeloma",
    "skin_disease": r"psoria(?:sis|tic)(?! arthritis)|lichen plan\w*|alopecia|dermatitis|"
                    r"dermatolog\w*|prurit\w*|prurigo|hailey-hailey|pemphig\w*|eczema|"
                    r"systemic sclerosis|scleroderma|dermatomyositis|skin disease",
    "depression": r"major depressi\w+|depressive disorder|treatment-resistant depression",
    "opioid_use_disorder": r"opioid (?:use disorder|dependence|addiction)|opiate (?:dependence|"
                           r"addiction)|opioid-related disorders|heroin[- ](?:dependen\w+|addict\w+|"
                           r"use disorder)|(?:opioid|opiate|methadone) detoxification|narcotic addiction",
    "tobacco_use_disorder": r"smoking cessation|nicotine (?:dependence|addiction)|tobacco (?:use disorder|"
                            r"dependence|addiction)|quit(?:ting)? smoking",
    "stimulant_use_disorder": r"(?:methamphetamine|amphetamine|cocaine|stimulant) (?:use disorder|"
                              r"dependence|addiction)",
    "obesity": r"obes(?:e|ity)\b|overweight",
    "alcohol_use_disorder": r"alcohol (?:use disorder|dependence|abuse)|alcoholism",
    "autism": r"autis\w+",
    "hiv": r"(?-i:\bHIV\b)|human immunodeficiency virus|(?-i:\bAIDS\b)",
    "sjogrens_disease": r"sj(?:\u00f6|oe|o)gren",
    "lupus": r"lupus erythematosus|(?-i:\bSLE\b)",
    "gout": r"\bgout\w*",
    "hashimotos_thyroiditis": r"hashimoto|autoimmune thyroiditis",
    "parkinsons_disease": r"parkinson'?s? disease|(?<!drug-induced )(?<!neuroleptic-induced )parkinsonism",
}
CONDITION_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cid, cue_re(rf"\b(?:{pattern})", _I)) for cid, pattern in CONDITION_SYNONYMS.items()
)
# Sentences naming the people studied: conditions there belong to the study population.
POPULATION_CUE_RE = cue_re(
    r"\b(?:patients?|participants?|women|men|adults|subjects|people|persons|individuals|"
    r"volunteers|veterans|children|cases|rats?|mice|model|users|sufferers|those) (?:with|who|"
    r"suffering|diagnosed|having|of)\b|\bin (?:\w+ ){0,3}?(?:patients|women|adults|subjects|"
    r"individuals|people)\b|\b(?:for|of|in|treat(?:ing|ment of)?) (?:the )?(?:\w+[- ]){0,3}?"
    r"(?:pain|fibromyalgia|disease|syndrome|arthritis|neuropathy|neuralgia|sclerosis|psoriasis)\b",
    _I,
)

# Outcome instruments: (canonical name, domain, pattern). The first match in a clause names it.
INSTRUMENTS: tuple[tuple[str, str, str], ...] = (
    ("FIQR", "function", r"revised fibromyalgia impact questionnaire|(?-i:\bFIQ-?R\b)"),
    ("FIQ", "function", r"fibromyalgia impact questionnaire|(?-i:\bFIQ\b)"),
    ("BPI", "pain", r"brief pain inventory|(?-i:\bBPI\b)"),
    ("SF-MPQ", "pain", r"short[- ]form mcgill|(?-i:\bSF-MPQ\S*)"),
    ("McGill", "pain", r"mcgill pain questionnaire|(?-i:\bMPQ\b)"),
    ("NPSI", "pain", r"neuropathic pain symptom inventory|(?-i:\bNPSI\b)|NP symptom inventory"),
    ("painDETECT", "pain", r"paindetect"),
    ("PEG", "pain", r"(?-i:\bPEG\b)|pain, enjoyment of life,? and general activity"),
    ("VAS", "pain", r"visual analog(?:ue)? scales?|(?-i:\bVAS\w*)"),
    ("NRS", "pain", r"numer(?:ic|ical)(?: pain)? rating scale|(?-i:\bNRS\b)|"
                    r"\d+-point (?:numeric|numerical|pain) scale"),
    ("WOMAC", "function", r"western ontario and mc ?master|(?-i:\bWOMAC\b)"),
    ("AUSCAN", "function", r"(?-i:\bAUSCAN\b)|australian canadian hand"),
    ("ODI", "function", r"oswestry|(?-i:\bODI\b)"),
    ("RMDQ", "function", r"roland[- ]morris|(?-i:\bRMDQ\b|\bRDQ\b)"),
    ("HAQ", "function", r"health assessment questionnaire|(?-i:\bHAQ\b)"),
    ("DAS28", "other", r"(?-i:\bDAS-?28\b)|disease activity score"),
    ("CDAI", "other", r"crohn'?s disease activity index|(?-i:\bCDAI\b)"),
    ("PASI", "other", r"psoriasis area (?:and )?severity index|(?-i:\bPASI\b)"),
    ("LPPAI", "other", r"lichen planopilaris activity index|(?-i:\bLPPAI\b)"),
    ("SF-36", "quality_of_life", r"(?-i:\bSF-?36\b)|short[- ]form[- ]36|short form 36"),
    ("SF-12", "quality_of_life", r"(?-i:\bSF-?12\b)"),
    ("EQ-5D", "quality_of_life", r"(?-i:\bEQ-?5D\S*)|euroqol"),
    ("PROMIS", "quality_of_life", r"(?-i:\bPROMIS\b)"),
    ("IBDQ", "quality_of_life", r"inflammatory bowel disease questionnaire|(?-i:\bIBDQ\b)"),
    ("PGIC", "other", r"patients?'? global impressions? of (?:change|improvement)|(?-i:\bPGI-?[CI]\b)"),
    ("CGI", "other", r"clinical global impression|(?-i:\bCGI\b)"),
    ("PSQI", "sleep", r"pittsburgh sleep quality|(?-i:\bPSQI\b)"),
    ("ISI", "sleep", r"insomnia severity index|(?-i:\bISI\b)"),
    ("LSEQ", "sleep", r"leeds sleep evaluation"),
    ("HADS", "mood", r"hospital anxiety and depression|(?-i:\bHADS\b)"),
    ("BDI", "mood", r"beck depression inventory|(?-i:\bBDI\b)"),
    ("PHQ-9", "mood", r"(?-i:\bPHQ-?9\b)|patient health questionnaire"),
    ("DASS-21", "mood", r"(?-i:\bDASS-?21\b)"),
    ("GAD-7", "mood", r"(?-i:\bGAD-?7\b)"),
    ("Chalder", "fatigue", r"chalder"),
    ("MFI", "fatigue", r"multidimensional fatigue inventory|(?-i:\bMFI\b)"),
    ("FSS", "fatigue", r"fatigue severity scale|(?-i:\bFSS\b)"),
    ("PCS", "mood", r"pain catastrophi[sz]ing scale"),
    ("WHODAS", "function", r"(?-i:\bWHODAS\b)"),
)
INSTRUMENT_RES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (name, domain, cue_re(rf"(?:{pattern})", _I)) for name, domain, pattern in INSTRUMENTS
)
# Domain words when no instrument is named (first match in this order wins).
DOMAIN_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("adverse_events", cue_re(r"\b(?:adverse (?:events?|effects?|reactions?)|side[- ]effects?|"
                                  r"AEs|tolerab\w+|safety)\b", _I)),
    ("sleep", cue_re(r"\b(?:sleep\w*|insomnia)\b", _I)),
    ("fatigue", cue_re(r"\bfatigue\b", _I)),
    ("mood", cue_re(r"\b(?:depress\w*|anxiety|mood)\b", _I)),
    ("quality_of_life", cue_re(r"\bquality[- ]of[- ]life\b|\bwell-being\b|\bQoL\b", _I)),
    ("function", cue_re(r"\b(?:function(?:ing|al)?|disability|physical activity|"
                            r"activities)\b", _I)),
    ("pain", cue_re(r"\b(?:pain|allodynia|hyperalgesia|tender points?|analgesi[ac])\b", _I)),
)

# Lowercase substrings one of which must occur before a term's regex is tried: a substring test is
# far cheaper than a regex scan, and most sentences name no condition or instrument at all.
TERM_TRIGGERS: dict[str, tuple[str, ...]] = {
    "fibromyalgia": ("fibromyalg", "fm"), "diabetic_neuropathy": ("diabetic",),
    "crps": ("regional pain", "crps", "dystrophy", "causalgia"),
    "chemotherapy_induced_neuropathy": ("chemotherapy", "cipn"), "trigeminal_neuralgia": ("trigeminal",
    "douloureux"), "postherpetic_neuralgia": ("herpetic", "phn"), "small_fiber_neuropathy": ("small",),
    "neuropathic_pain": ("neur", "sciatica", "radic", "nerve", "burning mouth"),
    "rheumatoid_arthritis": ("rheumatoid", "seropositive"), "psoriatic_arthritis": ("psoriatic",),
    "ankylosing_spondylitis": ("spondyl",), "inflammatory_arthritis": ("arthrit", "spondylo",
    "inflammatory joint"), "osteoarthritis": ("osteoarthr", "oa", "degenerative joint"),
    "low_back_pain": ("back", "lumba", "lbp", "sciatica"), "headache_migraine": ("migraine",
    "headache", "cephal"), "cancer_pain": ("cancer",), "postoperative_pain": ("operative", "surgical"),
    "interstitial_cystitis": ("cystitis", "bladder pain"), "chronic_pain": ("chronic", "centrali",
    "persistent pain", "intractable", "sensiti"), "crohns_disease": ("crohn",),
    "ulcerative_colitis": ("colitis",), "inflammatory_bowel_disease": ("bowel", "ibd"),
    "multiple_sclerosis": ("sclerosis", "ms"), "long_covid": ("covid", "pasc", "sequelae"),
    "me_cfs": ("fatigue syndrome", "encephalomyelitis", "cfs"), "cancer": ("cancer", "carcinom",
    "malignan", "neoplas", "tumo", "lymphoma", "melanoma", "glio", "leuk", "myeloma"),
    "skin_disease": ("psoria", "lichen", "alopecia", "derma", "prurit", "prurigo", "hailey",
    "pemphig", "eczema", "scler", "skin"), "depression": ("depressi",),
    "opioid_use_disorder": ("opioid", "opiate"), "alcohol_use_disorder": ("alcohol",),
    "autism": ("autis",), "hiv": ("hiv", "immunodeficiency", "aids"),
    "FIQR": ("fibromyalgia impact", "fiq"), "FIQ": ("fibromyalgia impact", "fiq"),
    "BPI": ("brief pain", "bpi"), "SF-MPQ": ("mcgill", "sf-mpq"), "McGill": ("mcgill", "mpq"),
    "NPSI": ("symptom inventory", "npsi"), "painDETECT": ("paindetect",),
    "PEG": ("peg", "enjoyment"), "VAS": ("visual analog", "vas"), "NRS": ("rating scale", "nrs",
    "point"), "WOMAC": ("western ontario", "womac"), "AUSCAN": ("auscan", "australian"),
    "ODI": ("oswestry", "odi"), "RMDQ": ("roland", "rmdq", "rdq"), "HAQ": ("health assessment",
    "haq"), "DAS28": ("das", "disease activity score"), "CDAI": ("crohn", "cdai"),
    "PASI": ("psoriasis area", "pasi"), "LPPAI": ("planopilaris activity", "lppai"),
    "SF-36": ("sf", "short form", "short-form"), "SF-12": ("sf",), "EQ-5D": ("eq", "euroqol"),
    "PROMIS": ("promis",), "IBDQ": ("bowel disease questionnaire", "ibdq"),
    "PGIC": ("global impression", "pgi"), "CGI": ("clinical global", "cgi"),
    "PSQI": ("pittsburgh", "psqi"), "ISI": ("insomnia severity", "isi"), "LSEQ": ("leeds",),
    "HADS": ("hospital anxiety", "hads"), "BDI": ("beck", "bdi"), "PHQ-9": ("phq",
    "patient health"), "DASS-21": ("dass",), "GAD-7": ("gad",), "Chalder": ("chalder",),
    "MFI": ("multidimensional fatigue", "mfi"), "FSS": ("fatigue severity", "fss"),
    "PCS": ("catastrophi",), "WHODAS": ("whodas",),
}
