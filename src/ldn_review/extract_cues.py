"""Cue vocabularies of the extractor: compiled once, named, each with a comment on why it exists."""

from __future__ import annotations

import re

from .extract_regex import cue_re
from .extract_text import NUMBER_WORDS_PATTERN

_I = re.I

# --- sentence roles -------------------------------------------------------------------------------

# A sentence about other work or general knowledge, not this study's own design or data.
BACKGROUND_CUE_RE = cue_re(
    r"\b(?:previous (?:studies|trials|work|reports|research|reviews|data|findings|evidence|"
    r"literature|analyses|meta-analyses)|previously (?:shown|reported|described|demonstrated|"
    r"published|suggested|found|observed)|prior (?:studies|trials|work|reports)|earlier (?:studies|trials|work|"
    r"reports|pilot)|ha(?:s|ve|d) been (?:shown|reported|used|tried|proposed|suggested|described|"
    r"approved|studied|found)|ha(?:s|ve|d) (?:shown|suggested|demonstrated)|"
    r"is (?:thought|believed|proposed|approved|licensed|normally|usually|commonly|widely|typically)|"
    r"are (?:thought|believed|approved|commonly|widely)|(?:normally|usually|commonly|typically|"
    r"traditionally|widely) used|on the strength of|in the literature|evidence (?:suggests|indicates)|"
    r"is (?:a|an) (?:common|chronic|competitive|opioid|new|rare)|remains? (?:unclear|unknown|"
    r"controversial|debated)|little is known)\b",
    _I,
)
# A sentence that speaks about this study ("this trial", "we", "the authors").
OWN_CUE_RE = cue_re(
    r"\b(?:this|the present|the current|our|we|here|herein|the authors|these (?:data|results|"
    r"findings))\b|"
    # an unlabelled abstract's objective: "The aim was to evaluate onabotulinumtoxinA for ..."
    r"^\W*(?:the )?(?:aims?|objectives?|purpose|goal) (?:was|were) to\b|\b(?:were|was) (?:randomi[sz]ed|randomly|enrolled|included|recruited|treated|"
    r"assigned|allocated|divided|studied|followed|evaluated|examined|surveyed|interviewed|"
    r"performed|conducted|carried out|undertaken)\b|\b(?:took part|participated|responded)\b|"
    # "An anonymous online questionnaire was sent to all 9,850 members ..."
    r"\b(?:questionnaires?|surveys?) (?:was|were) (?:sent|mailed|e-?mailed|distributed|administered|posted)\b",
    _I,
)
# What a study did, in an unlabelled abstract: from such a sentence on, the text is about it
# ("In rats, a single dose of ketamine ...", "Ninety patients were taught ...").
STUDY_ACTION_RE = cue_re(
    r"\b(?:received|underwent|were (?:treated|given|taught|randomi[sz]ed|assigned|allocated|measured|"
    r"assessed|tested|exposed|injected|housed|fed|studied|enrolled|included|recruited|followed)|"
    r"(?:was|were) (?:measured|assessed|tested|given|administered|recorded|analy[sz]ed)|"
    # "Female C57BL/6 mice (n = 48) were immunised ... and randomly allocated"
    r"\(n\s*=\s*\d+\)\s+(?:were|was)\b|"
    # "Nineteen adults with hEDS and chronic widespread pain entered a single-blind study"
    r"(?:entered|joined|took part in|participated in|completed) (?:a|an|the|this|our) (?:[\w-]+ ){0,4}?"
    r"(?:study|trial|trials|pilot|protocol|programme|program|questionnaire|survey)|"
    # "Participants who completed the double-blind phase ... could enter a 52-week open-label extension"
    r"(?:entered|joined|could enter|could join|were (?:invited|offered|eligible) to (?:enter|join)) "
    r"(?:a|an|the|this|our) (?:[\w-]+ ){0,3}?(?:extension|open-label phase)\b|"
    r"(?:in|of) (?:male |female |adult |young |aged )?(?:\w+ )?(?:rats|mice|dogs|pigs|rabbits|animals)\b|"
    r"we (?:found|show|observed|measured|tested|examined|studied|assessed|compared|investigated|"
    r"analy[sz]ed|enrolled|recruited|treated|report|describe|present))\b",
    _I,
)
# The opening of a case presentation: "A woman in her late 50s with fibromyalgia ...", "A 15-year-old
# girl developed ...", "A patient with ... presented with".
CASE_PRESENTATION_RE = cue_re(
    r"^(?:An?|The|Our|This) (?:\d{1,3}[- ](?:year|month|week)s?[- ]old |previously healthy |"
    r"(?:young |elderly |middle-aged |older )?)(?:[\w-]+ )?(?:woman|man|girl|boy|patient|child|infant|"
    r"female|male|lady|gentleman|veteran|athlete|adolescent)\b(?=[^.]{0,80}?\b(?:in (?:her|his) "
    r"(?:early |mid-?|late )?\d0s|with|who|developed|presented|had|was|reported|suffered|started)\b)",
    _I,
)
# Design words in a sentence that calls for, plans or denies such a design are not this study's design.
DESIGN_NEGATION_RE = cue_re(
    # (not "for a further 8 weeks": a length of this study's treatment)
    r"\b(?:needed|needs|warranted|required|should|future|until|(?:has|have) been funded|is (?:now )?under ?way|further(?!\s+(?:\d|(?:one|two|three|four|five|six|"
    r"eight|ten|twelve)\b))|larger|call(?:s|ed)? for|recommend\w*|"
    # "a controlled trial with a longer treatment period is feasible": the next study
    r"(?:is|are|would be|appears|seems) feasible|"
    # "LDN may be worth testing in a controlled trial": the next study
    r"worth (?:testing|evaluating|studying|investigating|exploring)|"
    # "can only be settled by a controlled trial"
    r"settled by|"
    # "These results support a placebo-controlled trial", "... requires a controlled trial"
    r"supports? (?:an? |further |larger |future )(?:[\w-]+,? ){0,3}?(?:trials?|stud(?:y|ies))\b|requires?|"
    r"(?:did|would|could) not accept|refused|"
    r"confirmation|to confirm|be confirmed|"
    r"planned|being planned|will inform|justified|lacking|are lacking|absence of|lack(?:s|ed)? (?:a|of)|"
    # "the criterion for proceeding to a randomised trial"
    r"proceed(?:ing)? to|progress(?:ing)? to|go(?:ing)? on to|"
    r"no (?:\w+ ){0,3}?(?:randomi[sz]ed|controlled|placebo|control|blinding)|not (?:a |an )?"
    r"(?:randomi|controlled|blind)|without (?:a |any )?(?:randomi|control|placebo|blind)|"
    r"non-?randomi|un-?randomi|quasi-?randomi|exists?|had not been|has not been|to date|"
    r"precluded?|not (?:possible|feasible|performed|conducted|undertaken|done)|could not be|"
    r"justif(?:y|ies|ying)|warrant(?:s|ing)?|merit(?:s|ing)?|deserv(?:es|ing)|rather than|instead of|could be tested|"
    r"should be tested|how it could|no (?:formal |quantitative )?meta-?analys[ie]s|no (?:\w+ )?(?:pooled|pooling)|"
    r"meta-?analys[ie]s (?:was|were) not|declined|refused|"
    # "A randomised trial is feasible": a trial to come (not "This randomised pilot was feasible")
    r"(?<![Tt]his )(?<![Oo]ur )(?<![Tt]he )\ban? (?:[\w-]+ ){0,3}?(?:trial|study|RCT) (?:is|would be|appears|seems|"
    r"will be|should be|looks|was judged|is likely to be) (?:\w+ )?feasible|"
    # "..., which supports a randomized comparison with buprenorphine"
    r"support(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ )?(?:randomi[sz]ed|controlled))\b",
    _I,
)

# --- drugs ----------------------------------------------------------------------------------------

# Naltrexone and its usual abbreviations; "naltreoxone" is a misspelling seen in real titles.
NALTREXONE_RE = cue_re(
    # (German "Naltrexon", Spanish, Portuguese and Italian "naltrexona"/"naltrexone")
    r"\b(?:nal-?tre?o?xone(?: hydrochloride| HCl)?|naltrexona|naltrexon|LDN|ULDN|VLDN|NTX|PTI-?901)\b", _I
)
# Abbreviations defined right after naltrexone ("naltrexone hydrochloride (NTX)") or products
# described as naltrexone ("PTI-901, a low-dose NTX preparation").
NALTREXONE_ALIAS_DEF_RE = cue_re(
    r"(?:naltrexone|LDN|NTX)[\w\s-]{0,25}?\((?P<abbr>[A-Z][A-Za-z0-9-]{1,12})\)|"
    r"\b(?P<prod>[A-Z][A-Za-z0-9-]{1,14}),\s+an?\s+(?:[\w-]+\s+){0,3}?(?:naltrexone|NTX|LDN)\b"
)
# Low-dose wording. "ultralow-dose", "very low dose", "low dose of naltrexone" count too.
LOW_DOSE_RE = cue_re(
    r"\b(?:ultra-?\s?low|very[- ]low|low)[- ]dos(?:e|ed|age)s?\b|\bLDN\b|\bULDN\b|\bmicro-?dos",
    _I,
)
# Other drugs often studied beside or instead of naltrexone: a dose next to one of these is not
# naltrexone's (a final e optional: "Acamprosat", "Amitriptylin", "Duloxetin" in German). Not
# exhaustive; doses with no drug named fall back to the study's drug (see extract).
OTHER_DRUG_RE = cue_re(
    r"\b(?:amitriptyline?|nortriptyline?|duloxetine?|milnacipran|pregabalin|gabapentin|oxycodone?|"
    r"morphine?|tramadol|tapentadol|buprenorphine?|methadone?|fentanyl|hydrocodone?|codeine?|"
    r"hydromorphone?|naloxone?|nalmefene?|methylnaltrexone?|carbamazepine?|oxcarbazepine?|lamotrigine?|"
    r"topiramate?|clonazepam|diazepam|midazolam|ketamine?|lidocaine?|celecoxib|ibuprofen|naproxen|"
    r"diclofenac|acetaminophen|paracetamol|aspirin|piroxicam|prednisone?|prednisolone?|"
    r"methylprednisolone?|dexamethasone?|methotrexate?|hydroxychloroquine?|HCQ|sulfasalazine?|"
    r"leflunomide?|infliximab|adalimumab|etanercept|glucosamine?|chondroitin|fluoxetine?|sertraline?|"
    r"paroxetine?|venlafaxine?|citalopram|escitalopram|bupropion|trazodone?|mirtazapine?|"
    r"cyclobenzaprine?|tizanidine?|baclofen|nabilone?|dronabinol|cannabis|cannabidiol|THC|CBD|"
    r"clobetasol|memantine?|dextromethorphan|capsaicin|botulinum|clonidine?|dexmedetomidine?|"
    r"zolpidem|melatonin|palmitoylethanolamide?|PEA|reserpine?|pramipexole?|levodopa|interferon|"
    r"glatiramer|natalizumab|fingolimod|disulfiram|acamprosate?|varenicline?|NAD\+?|Bedrocan|"
    r"opioids?|oxytrex|ondansetron|metformin|insulin|vitamin [A-E]\d?|magnesium|"
    r"esketamine?|S\(\+\)-ketamine|CS|"
    # classes, as harm studies name them ("Gabapentinoid use and risk of heart failure")
    r"gabapentinoids?|benzodiazepines?|antidepressants?|antipsychotics?|NSAIDs?|corticosteroids?|"
    r"SNRIs?|SSRIs?|triptans?|JAK inhibitors?|fluoroquinolones?|bisphosphonates?)\b",
    _I,
)
# A drug-like word right before a dose ("cisplatin 4 mg/kg", "nicotine (21 mg/day)"): the dose is
# that drug's. Drug names are recognised by the suffixes of international non-proprietary names.
DRUG_RIGHT_BEFORE_DOSE_RE = cue_re(
    r"\b(?!(?:alone|bedtime|baseline|routine|medicine|saline|vaccine|daytime|online|someone|"
    r"moderate|separate|estimate|alternate|intermediate|immediate|adequate|approximate|include|"
    r"provide|divide|outside|inside|determine|examine|combine|decline|define|machine|engine|"
    r"hygiene|discipline|intestine|supine|genuine|feminine|canine|porcine|bovine|equine|feline|"
    r"ovine|marine|urine|nine|none|done|phone|zone)\b)(?P<drug>[A-Za-z][a-z]{2,}(?:platin|mab|nib|ine|ide|ate|one|olol|azepam|zolam|pam|ium|"
    r"cin|mycin|vir|pril|sartan|statin|zole|parin|afil|cycline|profen|fen|oxacin|triptan|gliptin|"
    r"oxib|cillin|terol|setron|gabalin|gepant|stane|"
    r"lukast|tidine|dronate|xaban|gatran|semide|thiazide|oxetine|amide|sone|olone|asone|barb|bital|"
    r"lol|dil|pine|tine|zine|done|phine|adol|codone|morphone))(?:\s+(?:hydrochloride|sulfate|"
    r"sodium|HCl))?\s*(?:\(\s*|\s+)$"
)
# A dose directly followed by its drug: "4.5 mg naltrexone", "3 mg of LDN".
DRUG_AFTER_DOSE_RE = cue_re(r"^\s*(?:/\s*day\s*)?(?:of\s+)?(?:oral\s+|daily\s+)?", _I)

# --- designs --------------------------------------------------------------------------------------

PROTOCOL_TITLE_RE = cue_re(
    r"\b(?:study|trial|review) protocol\b|\bprotocol (?:for|of) (?:a|an|the) (?:[\w-]+ ){0,5}?(?:trial|"
    r"study|review|evaluation|investigation|meta-analysis)\b|:\s*(?:a |the )?protocol\b|"
    r"\bdesign,? and rationale\b|\brationale,? (?:and )?design\b|"
    # a Cochrane protocol: "Low-dose naltrexone for chronic non-cancer pain in adults (protocol)"
    r"\(protocol\)\W*$", _I
)
PROTOCOL_TEXT_RE = cue_re(
    r"\b(?:this|the|our) (?:study |trial )?protocol (?:describes|is|will|outlines)|"
    r"\bwill be (?:randomi[sz]ed|recruited|enrolled|assigned|allocated|collected|assessed|"
    r"measured|analy[sz]ed|examined|followed)|\bthe plan is\b|"
    r"\bwe will (?:recruit|enrol|randomi|assess|compare|test|evaluate|examine|conduct|measure|"
    r"collect|follow|perform|include|use|investigate)|"
    r"\bwill (?:recruit|enrol|randomi[sz]e|assess|compare|test|evaluate|examine)", _I
)
# "In this issue, a multicentre randomised trial reports that ...": another article, retold.
_IN_THIS_ISSUE = (r"\bin this issue\b(?: of (?:the )?[\w ]{1,40}?)?,? (?:[\w-]+ ){0,14}?(?:reports?|"
                  r"describes?|presents?|shows?|finds?|found|reported|described)\b")
COMMENTARY_RE = cue_re(
    r"\b(?:in this|this|our|the present) (?:editorial|commentary|comment|letter|viewpoint|"
    r"opinion piece|perspective)\b|\bletter to the editor\b|\bwe (?:comment|respond|reply)\b|"
    r"\bwe read with (?:great )?interest\b|"
    r"\bin (?:reply|response) to (?:the |a |an |this |their |our )?(?:\w+ )?(?:letter|comment|"
    r"commentary|editorial|article|paper|correspondence|critique|criticism|query|concerns?)\b|"
    r"\beditorial\b(?! (?:board|office|staff|team|policy|process))|"
    rf"{_IN_THIS_ISSUE}", _I
)
# Opinion pieces by their own account (letters, which often report patients, are not among them).
EDITORIAL_RE = cue_re(
    r"\bwe read with (?:great )?interest\b|"
    r"\b(?:in this|this|our|the present) (?:editorial|commentary|viewpoint|opinion piece|"
    rf"perspective)\b|{_IN_THIS_ISSUE}", _I
)
# Titles that name the item as a letter, reply, comment, editorial or correction. "Response to"
# alone is not enough (research titles speak of "response to treatment").
COMMENTARY_TITLE_RE = cue_re(
    r"^\W*(?:letter|reply|comment|commentary|editorial|erratum|errata|correction|corrigendum|"
    r"retraction|expression of concern|in (?:reply|response)|authors?'?s?'? (?:reply|response)|"
    r"response|correspondence)\b\s*(?:[:.\-\u2013]|to\b|on\b|regarding\b|$)|"
    r"^\W*re\s*:|\b(?:comment(?:ary)?|reply|letter) (?:on|to|regarding)\b|"
    # Neurology's "Reader response: <the article's title>"
    r"^\W*readers?'? (?:response|comment)s?\s*:|"
    r"\bletter to the editor\b|\bauthors?'?s?'? (?:reply|response)\b|"
    r"\b(?:reply|response) to (?:the )?(?:letter|comment|commentary|editorial|correspondence|"
    r"critique|criticism)\b|^\W*[A-Z][\w'-]+ et al\b|\b(?:erratum|corrigendum)\b",
    _I,
)
# Guidelines and consensus statements: "other" (neither commentary nor a review of their own).
GUIDELINE_TITLE_RE = cue_re(
    r"\b(?:guidelines?|consensus (?:document|statement|recommendations?|conference)|"
    r"position (?:statement|paper)|recommendations (?:of|from|for) the)\b", _I
)
RETRACTION_TITLE_RE = cue_re(r"^\W*(?:retraction|retracted|notice of retraction)\b(?! of)", _I)
# Without an abstract, a short question ("Ropivacaine: is it a good choice?") is an opinion piece.
QUESTION_TITLE_RE = cue_re(r"^(?:\S+\s+){0,11}\S*\?\W*$")
# Title words that, with no abstract, mark an opinion piece or news item.
COMMENTARY_TITLE_NO_ABSTRACT_RE = cue_re(
    r"\ba question of\b|\bin memoriam\b|\bobituary\b|\btribute\b|\bviewpoint\b|"
    r"\bperspective\b|\bopinion\b|\bdebate\b|\bcontroversy\b|\bconsultation\b",
    _I,
)
# In the abstract's own sentences only a meta-analysis done here counts: the singular ("a
# meta-analysis", "pooled analysis"), not other works in the plural ("priority to meta-analyses").
META_ANALYSIS_TEXT_RE = cue_re(
    r"\bmeta-?analysis\b|\bmeta-?regression\b|\bpooled analysis\b|\bnetwork meta|"
    r"\bpooled (?:data|estimates?|results|effect|risk|odds|mean)\b|\bwere pooled\b", _I
)
META_ANALYSIS_RE = cue_re(
    r"\bmeta-?analys[ie]s\b|\bmeta-?regression\b|\bpooled analysis\b|"
    r"\bnetwork meta", _I
)
# Pooled estimates a systematic review reports only when it meta-analyses: "standardised mean
# difference -0.22, 95% CI ...", "random-effects model", "I2 = 41%".
POOLED_ESTIMATE_RE = cue_re(
    r"\bstandardi[sz]ed mean differences?\b|\bSMDs?\b|\bpooled (?:estimates?|effects?|analys[ie]s|"
    r"data|results?|odds|risk|relative|mean|standardi[sz]ed|prevalence|sensitivity)\b|\brandom[- ]effects?\b|"
    r"\bfixed[- ]effects?\b|\bI2 ?=|\bI\u00b2 ?=|\bforest plots?\b|"
    # a review's effect with its interval: "mean difference -7.89 (95% confidence interval ...)",
    # "risk difference 0.05, 95% CI 0.00 to 0.09"
    r"\b(?:weighted |standardi[sz]ed )?(?:mean|risk) differences?\b(?:[^.;]|(?<=\d)\.(?=\d)){0,40}?(?:\b95 ?% |\()(?:CI|"
    r"confidence interval)\b", _I)
# A review that says it did not pool: "synthesised narratively without meta-analysis", "pooling was
# not attempted", "could not be pooled".
NOT_POOLED_RE = cue_re(
    r"\bwithout (?:a )?(?:meta-?analys[ie]s|pooling)\b|\bpooling was not\b|\bnot (?:be )?pooled\b|"
    r"\bnarrative(?:ly)? synthes\w+|\bsynthesi[sz]ed narratively\b|\bno meta-?analys[ie]s\b|"
    r"\bmeta-?analys[ie]s (?:was|were) not\b|\bno pooled\b", _I)
SYSTEMATIC_REVIEW_RE = cue_re(
    r"\bsystem(?:at)?ic (?:literature )?review\b|\bscoping review\b|\bumbrella review\b|"
    r"\brapid review\b|\boverview of (?:systematic )?reviews\b|\bintegrative review\b|"
    r"\bsystematic(?:ally)? (?:searched|search)\b", _I
)
_DB = (r"(?:PubMed|MEDLINE|Embase|EMBASE|Cochrane|Scopus|Web of Science|CINAHL|PsycINFO|"
       r"Epistemonikos|Google Scholar|LILACS|ClinicalTrials\.gov)")
SEARCH_METHODS_RE = cue_re(
    rf"\b(?:searched|search(?:es)? (?:of|in|was|were)|literature search|databases?)\b.{{0,160}}?"
    rf"\b{_DB}\b|\b{_DB}\b.{{0,160}}?\b(?:were|was) searched\b|"
    r"\b(?:studies|trials|articles|publications) (?:met|fulfilled) (?:the )?(?:inclusion|"
    r"eligibility) criteria\b|"
    # "We searched eight databases and trial registries up to June 2016" (no database named)
    r"\b(?:we )?searched (?:\w+ )?(?:electronic )?(?:bibliographic )?databases\b",
    _I,
)
NARRATIVE_REVIEW_RE = cue_re(
    r"\b(?:this|the present|our|in this|a) (?:narrative |literature |mini-?|critical |clinical |"
    # (not a clinic's "a review at 12 weeks")
    r"brief |comprehensive |short )?review\b(?! (?:at|after|before|within|by|visit|appointment)\b)|\bwe review\b|\breview (?:of|on) (?:the )?(?:current |"
    r"recent |available |published )?(?:literature|evidence|data)\b|\breview(?:s|ed)? the "
    r"(?:current )?(?:literature|evidence)\b|\bnarrative review\b|\bgives? an overview\b|"
    r"\bthis (?:article|paper|chapter) (?:reviews|summari[sz]es|discusses)\b|"
    r"\bthe authors (?:review|summari[sz]e)\b|\bwe (?:propose|present|put forward|advance) (?:the |a |"
    r"our |this )?(?:\w+ )?hypothesis\b|\bwe outline the (?:\w+ )?(?:evidence|rationale)\b|"
    r"\bwe (?:summari[sz]e|discuss) (?:the )?"
    r"(?:current|recent|available)", _I
)
# Studies counted as the material of a review: "8 studies met the inclusion criteria", "Fifty
# randomised controlled trials with 7793 patients were included", "Two studies with a total of 46".
INCLUDED_STUDIES_RE = cue_re(
    rf"\b(?:{NUMBER_WORDS_PATTERN}|\d+) (?:\w+[ -]){{0,3}}?(?:studies|trials|RCTs|articles|"
    r"publications|papers|reports|reviews|meta-analyses)\b(?:[^.;]{0,80}?\b(?:were|was|met|"
    r"fulfilled|are|with a total of|involving|including|comprising|enrolling|covering|with)\b"
    r"[^.;]{0,40}?\b"
    r"(?:included|identified|eligible|retrieved|selected|inclusion|analy[sz]ed|participants|"
    r"patients|subjects))",
    _I,
)
# Steps only a systematic review takes: selection by criteria, independent reviewers, appraisal.
SYSTEMATIC_METHODS_RE = cue_re(
    r"\b(?:inclusion|eligibility|exclusion) criteria\b|\bindependently\b|\brisk of bias\b|"
    r"\bPRISMA\b|\bGRADE\b|\bquality assessment\b|\bdata extraction\b|\bextracted data\b|"
    r"\bscreened\b|\beligible (?:studies|trials|articles)\b|\bstudies (?:were )?included\b|"
    r"\b(?:identified|included|retrieved|selected|abstracted|pooled) \d+ (?:[\w-]+ ){0,3}?"
    r"(?:studies|trials|articles|publications|papers)\b",
    _I,
)
REVIEW_TITLE_RE = cue_re(
    r"\breview\b|\boverview\b|current (?:evidence|concepts|perspectives|status|understanding)|"
    r"future directions|state of the art|recent advances|\ban update\b|"
    r"past,? present,? and future", _I
)
PRIMARY_TITLE_RE = cue_re(
    r"\b(?:pilot|trial|cohort|case|open-label|prospective|retrospective)\b", _I
)
ANIMAL_RE = cue_re(
    r"\b(?:rats?|mice|mouse|murine|rodents?|rabbits?|canine|porcine|piglets?|primates?|monkeys?|"
    r"zebrafish|drosophila|in vivo|animal (?:model|study|studies|experiments?)|wistar|"
    r"sprague[- ]dawley|C57BL\S*|dogs|beagles?|pigs|swine|minipigs?|sheep|ewes|lambs|cats|"
    r"horses|ponies|cattle|(?-i:[Cc]ows)|calves|heifers|goats|hamsters|guinea pigs|ferrets|chickens|hens|"
    r"broilers|ovine|bovine|equine|feline|lambs)\b", _I
)
# Animals as the subjects of an experiment (plural species, strains, models), not a species word
# used as an adjective ("mouse protein", "rabbit serum", "rodent models" of a human study).
ANIMAL_SUBJECT_RE = cue_re(
    r"\b(?:rats|mice|rabbits|dogs|beagles|pigs|piglets|minipigs|swine|sheep|ewes|lambs|monkeys|"
    r"primates|macaques|hamsters|guinea pigs|ferrets|zebrafish|cats|horses|cattle|(?-i:[Cc]ows)|calves|"
    r"goats|chickens|hens|animals|wistar|sprague[- ]dawley|C57BL\S*|xenografts?)\b", _I
)
HUMAN_RE = cue_re(
    r"\b(?:patients?|participants?|women|men|volunteers?|subjects|adults|children|people|"
    r"persons|individuals|veterans|outpatients|inpatients|girls|boys|adolescents|infants|"
    r"neonates|mothers|respondents|residents|workers|students|athletes|smokers)\b", _I
)
IN_VITRO_RE = cue_re(
    r"\bin vitro\b|\bcell (?:lines?|cultures?)\b|\bcultured\b|\b(?:HEK ?293|HeLa|SH-SY5Y|THP-1|"
    r"RAW ?264\.7|PBMCs?|Jurkat|HepG2|MCF-?7|Caco-2|BV-?2)\b|\bcells were (?:treated|stimulated|"
    r"incubated|exposed|cultured|transfected|pre-?treated)\b|\b(?:incubated|co-?cultured) with\b|"
    r"\bin (?:cultured|primary) (?:\w+ )?cells\b|\bpatch[- ]clamp\b|\bex vivo\b|"
    r"\bcells (?:were )?isolated from\b|\b(?:transfected|nanomolar|micromolar|radioligand)\b|"
    r"\bcell viability\b|\bmonocyte-derived\b|\b[\w-]+-like cells\b|\b(?:brain|cell|neuronal|"
    r"synaptic|cortical) membranes\b|\bCOS-?7\b|\bCHO cells\b|\b\d+(?:\.\d+)? ?(?:nM|\u00b5M|\u03bcM|pM)\b|"
    # "FLS isolated from synovial tissue ... were stimulated with TNF-alpha with or without PEA at 1,
    # 3 or 10 microM": cells, their source and their stimulus
    r"\b\d+(?:\.\d+)? ?(?:micro|nano|pico)M\b|\b(?:synoviocytes|chondrocytes|fibroblasts|keratinocytes|"
    r"astrocytes|microglia|macrophages|osteoclasts)\b|\bisolated from (?:\w+ ){0,3}?(?:tissues?|blood|"
    r"biops(?:y|ies)|samples|donors)\b|\bstimulated with (?:TNF|LPS|lipopolysaccharide|IL-1|interleukin)", _I
)
CASE_SERIES_RE = cue_re(
    rf"\bcase series\b|(?<![\d.,])\b(?:{NUMBER_WORDS_PATTERN}|\d+) (?:consecutive )?(?:cases|"
    r"case reports|case histories)\b(?! (?:per|of (?:\w+ )?(?:infection|disease)))|\b(?:describe|report|present)s?\b[^.]{0,25}?\b(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+) (?:\w+ ){0,2}?(?:patients|cases|women|men|children)\b|"
    r"\bfrom (?:their|our) (?:own )?(?:practice|clinic)\b|"
    # a letter's clinic experience: "we prescribed LDN, 1.5 to 4.5 mg nightly, to 12 patients"
    r"\bwe (?:have )?prescribed\b(?:[^.;]|(?<=\d)\.(?=\d)){0,90}?\bto (?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\d{1,2}) (?:\w+ ){0,2}?(?:patients|women|men|children|adults|people)\b|\b(?:features|characteristics|findings|"
    r"course|presentation) of (?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) "
    r"(?:\w+ ){0,2}?(?:patients|cases|women|men|children)\b",
    _I,
)
CASE_REPORT_RE = cue_re(
    r"\bcase report\b(?!s)|\bcase (?:study|presentation|description)\b|\bsingle[- ]case\b|"
    r"\ban? \d{1,3}[- ](?:year|month)s?[- ]old\b|\ba (?:single )?patient (?:with|who)\b|"
    r"\bsingle patient\b|\bwe (?:report|describe|present) (?:a|an|the) "
    r"(?:case|patient|(?:young |elderly |older )?(?:woman|man|girl|boy|child|lady|gentleman|veteran|adolescent) "
    r"(?:in (?:her|his) |with |who |aged ))\b|\bthis case (?:report|study|illustrates|highlights|demonstrates|shows|"
    r"describes|emphasi[sz]es|underlines|suggests)\b|\bsingle case\b|"
    r"\b(?:a|an) (?:rare|unusual|unique|interesting|challenging|first) case\b",
    _I,
)
CASE_LABEL_RE = cue_re(r"case (?:report|presentation|description)", _I)
AGE_OLD_RE = cue_re(r"\b\d{1,3}[- ](?:year|month)s?[- ]old\b", _I)
CASE_CONTROL_RE = cue_re(
    r"\bcase[- ](?:control|referent)\b|\bcases and (?:\d[\d,]* )?(?:age- and sex-)?(?:matched )?"
    r"(?:controls|referents)\b|\bnested case\b|\bmatched controls? (?:were |was )?(?:selected|chosen|"
    r"identified|drawn) for each\b|\bcontrols? (?:were |was )?matched to each\b", _I
)
# Designs declared in a title.
CROSS_SECTIONAL_TITLE_RE = cue_re(
    r"\bdiagnostic (?:test )?accuracy\b|\bcross[- ]sectional\b|\b(?:a|an) (?:\w+[ -]){0,3}?survey\b|\bsurvey (?:of|among)\b|"
    # "...: a clinic-based questionnaire study"
    r"\b(?:a|an) (?:[\w-]+ ){0,2}?questionnaire (?:study|survey)\b", _I
)
COHORT_TITLE_RE = cue_re(
    r"\bcohort (?:study|analysis)\b|\bnon-?interventional (?:study|cohort)\b|\b(?:observational|retrospective|population-based|"
    r"register-based|registry-based|registry|register|prospective) (?:[\w-]+ )?cohort\b|"
    r"\btarget[- ]trial emulation\b|\bemulat\w+ (?:of )?a target trial\b|\bemulated (?:target )?trials?\b|"
    r"\b(?:population-based|register-based|"
    r"registry-based|nationwide) (?:\w+[ -]){0,2}?(?:study|analysis)\b|"
    # "...: real-world data from a Swiss multicentre cohort"
    r"\b(?:data|results|outcomes|evidence|experience|findings) from (?:a|an|the) "
    r"(?:(?!(?:trial|phase|dose)\b)[\w-]+ ){0,4}?cohorts?\b|\b(?:multicent(?:re|er)|single[- ]cent(?:re|er)|nationwide|real[- ]world|inception|"
    r"longitudinal|community-based) (?:[\w-]+ ){0,2}?cohorts?\b", _I
)
CASE_SERIES_TITLE_RE = cue_re(
    r"\bcase series\b|\b(?:retrospective|prospective|consecutive|clinical) series\b|"
    r"\bseries of \d+ (?:\w+ )?(?:patients|cases)\b|\breport of (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:\w+ )?"
    r"(?:cases|patients)\b|"
    # "...: experience with 27 patients", "our experience in 12 cases"
    r"\bexperience (?:with|in|of) (?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,4}) "
    r"(?:consecutive |treated )?(?:patients|cases)\b|"
    # "...: three cases", "... : 14 patients" closing the title
    r"[:\u2014]\s*(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) "
    r"(?:new |illustrative |consecutive )?(?:cases|patients)\W*$", _I)
# Designs that test no treatment's effect, named in a title: interviews and genetic epidemiology
# (empirical: data from people) and consensus or guideline documents. Their conclusions are themes,
# recommendations or causal estimates, not a result.
_EMPIRICAL_NO_EFFECT = (
    r"\bqualitative (?:study|interview|analysis|research|evaluation|exploration|inquiry|"
    r"descriptive)\b|\binterview study\b|\bfocus groups?\b|\bsemi-structured interviews\b|"
    r"\bthematic analysis\b|\bmendelian randomi[sz]ation\b|\bcore outcome set\b|\bdelphi\b")
_NO_EFFECT = (
    _EMPIRICAL_NO_EFFECT + r"|\bconsensus (?:statement|recommendations|guidance|document)\b|"
    r"\b(?:revised|updated)? ?recommendations (?:for|on) the (?:management|treatment|use)\b|"
    r"^\W*(?:\d{4} )?(?:[\w/&-]+ ){0,6}?guidelines? (?:for|on)\b")
# ... of which the empirical ones collect data from people (interviews, panels, genetic cohorts):
# not randomised and not masked, as observational designs are.
EMPIRICAL_NO_EFFECT_TITLE_RE = cue_re(_EMPIRICAL_NO_EFFECT, _I)
NO_EFFECT_TITLE_RE = cue_re(_NO_EFFECT, _I)
# Work that is neither a trial nor an observational study of patients: the designs above and
# decision or cost-effectiveness models.
OTHER_DESIGN_TITLE_RE = cue_re(
    r"\b(?:markov|decision[- ]analytic|microsimulation|economic) model\b|"
    r"\bcost[- ](?:effectiveness|utility|benefit) (?:analysis|model|evaluation)\b|" + _NO_EFFECT, _I)
# A survey's title that names a finding or an effect ("Patient-reported benefit of ...",
# "Cannabis use is associated with decreased opiate use"): otherwise a survey describes use.
EFFECT_TITLE_RE = cue_re(
    r"\b(?:effects?|effectiveness|efficacy|benefits?|associated|association (?:of|between|with)|"
    r"reduc\w*|decreas\w*|"
    r"improv\w*|relie\w*|restor\w*|outcomes?|helpful|response)\b", _I)
# "a 52-week open-label extension of two randomized controlled trials": the record is the
# uncontrolled follow-on, whatever the parent trials were.
EXTENSION_TITLE_RE = cue_re(
    r"\b(?:open[- ]label|long-term|uncontrolled)\b[\w ,-]{0,30}?\bextension\b|"
    r"\bextension (?:study|trial|phase)\b|"
    # "...: 52-week extension", "a two-year open-label extension"
    r"\b(?:\d+|one|two|three|four|five|six|twelve)[- ](?:weeks?|months?|years?)[- ](?:open[- ]label )?extension\b|"
    # "5-year results from the open-label treatment phase of a randomized clinical trial"
    r"\bopen[- ]label (?:treatment |follow-up )?(?:phase|period) of (?:a|an|the|two|three) "
    r"(?:[\w-]+ ){0,4}?(?:trials?|stud(?:y|ies))\b", _I)
SURVEY_RE = cue_re(r"\bsurveys?\b|\bquestionnaires?\b", _I)
COHORT_RE = cue_re(
    r"\bcohort (?:study|design|analysis)\b|\b(?:retrospective|prospective|observational|"
    r"population-based|historical|clinical|matched|longitudinal|inception) cohort\b|"
    r"\ba cohort of\b|\btwo cohorts\b|\bthe cohort (?:comprised|included|consisted)|"
    # claims and health-system data: "we identified new users of nsNSAIDs, coxibs or opioids",
    # "Using national Veterans Health Administration data ... we identified 6,214 veterans"
    r"\bnew users? of\b|\b(?:new|incident) (?:users|initiators)\b|"
    # (not a pharmacovigilance database of spontaneous reports)
    r"\b(?:national|nationwide|regional) (?:(?!pharmacovigilance|spontaneous|reporting|adverse)[\w-]+ ){1,4}?"
    r"(?:data|databases?|records|claims)\b(?! (?:on|from) (?:the )?trials?\b)|"
    r"\b(?:Medicare|Medicaid) (?:beneficiaries|claims|data|enrollees)\b|"
    r"\btarget[- ]trial emulation\b|\bemulat\w+ (?:of )?a target trial\b|"
    r"\bmatched cohorts\b|\bcohorts (?:were|was) (?:followed|compared)\b|\bregistry cohort\b|"
    r"\bobservational (?:study|analysis|data|comparison)\b|\bnon-?interventional (?:study|studies|cohort)\b|\bregist(?:er|ry)[- ]based\b|\b(?:prescription|"
    r"claims|administrative|insurance|national|health ?care|pharmacy|dispensing|surveillance) "
    r"(?:databases?|registers?|registries|files|data)\b|\bmonitored consecutively\b|"
    r"\bfollowed (?:up )?from (?:birth|baseline|diagnosis|inclusion|enrol\w+)\b|"
    r"(?<!trial )(?<!trials )\b(?:quality|national|clinical|patient|disease|population|health|cancer|"
    r"swedish|danish|norwegian|finnish|dutch|german|uk|us) (?:[\w-]+ ){0,3}?regist(?:er|ry)\b(?! (?:number|"
    r"identifier|no\b))|\bdrug utili[sz]ation\b|\bpharmacoepidemiolog\w*|"
    # (a "controlled before-after study" of clinics compares allocated groups: NONRANDOMIZED_CONTROLLED_RE)
    r"(?<!controlled )\bbefore[- ]after\b|"
    r"\breal[- ]world (?:data|evidence|study)\b|"
    # a new-user design: "patients who started LDN between 2019 and 2023 were included"
    r"\bwho (?:started|initiated|began) (?:[\w-]+ ){1,6}?between (?:19|20)\d\d and (?:19|20)\d\d "
    r"(?:were|was) (?:included|identified|selected)\b",
    _I,
)
CHART_REVIEW_RE = cue_re(
    r"\bchart review\b|\bretrospective(?:ly)? (?:review|analysis|study|reviewed|examined|"
    r"analy[sz]ed|data|chart)\b|\breviewed (?:the )?(?:\w+ )?(?:records|charts)\b|"
    # "we reviewed the outcomes of 19 consecutive patients who started naltrexone"
    r"\bwe reviewed (?:the )?(?:outcomes|notes|files|case notes) of\b|"
    # "We reviewed 21 consecutive outpatients ... who were switched from pregabalin"
    r"\bwe reviewed (?:all )?(?:\d+|[a-z]+(?:-[a-z]+)?) consecutive\b|"
    r"\brecords (?:of|from) .{0,80}\b(?:were )?reviewed\b|\b(?:were )?(?:examined|reviewed|"
    r"analy[sz]ed) retrospectively\b|\blooked back\b|\bretrospective\b|\b(?:an?|our|this|the|clinical) (?:[\w-]+ ){0,2}?audit\b",
    _I,
)
COMPARISON_GROUP_RE = cue_re(
    r"\bcontrols?\b|\bcompared with (?:patients|those|a group|controls|non-?users)|\bmatched\b|"
    r"\bnon-?users\b|\bunexposed\b|\btwo (?:groups|cohorts)\b", _I
)
CROSS_SECTIONAL_RE = cue_re(
    r"\bcross[- ]sectional\b|\b(?:a|an|the|this|our|national|online|web-based|postal|telephone|"
    r"anonymous|nationwide|internet) survey\b|\bsurveyed\b|\b(?:online|web-based|postal|"
    r"anonymous|self-administered|purpose-designed|internet) questionnaire\b|"
    r"\bquestionnaire[- ]based\b|\b(?:a|an|the|this|our) (?:[\w-]+ ){1,2}survey\b|"
    r"\b(?:data|responses) from (?:the )?(?:\d{4} )?(?:[\w-]+ ){0,6}?"
    r"survey\b|\bsurvey data\b|\bhealth (?:interview|examination) survey\b|"
    r"\b(?:users|consumers) (?:and|vs\.?|versus|compared with) "
    r"non-?(?:users|consumers)\b|\bprevalence (?:study|survey)\b",
    _I,
)
RANDOMIZED_RE = cue_re(
    r"(?<!mendelian )\brandomi[sz](?:ed|ation)\b|\brandomly (?:assigned|allocated|divided|received|ordered|given)\b|"
    r"\bRCT\b|\b(?:in|at) (?:a )?random(?:i[sz]ed)? (?:order|sequence)\b|"
    r"\b(?:assigned|allocated|divided) at random\b|\brandom (?:allocation|assignment)\b|"
    # a random sequence named by its means: "allocated by computer-generated list", "the order decided
    # by coin toss", "allocated 1:1:1 to naltrexone 2 mg, 4.5 mg or placebo"
    r"\b(?:allocated|assigned|ordered|decided) (?:by|with|using) (?:a )?(?:computer-generated|computer generated|"
    r"random-number|random number) (?:list|sequence|table|schedule)\b|\b(?:by|with) (?:a )?coin (?:toss|flip)\b|"
    r"\b(?:allocated|assigned) (?:in a )?\d\s*:\s*\d(?:\s*:\s*\d)*(?: ratio)? to\b", _I
)
# Random sampling of a survey is not random assignment ("a randomly selected sample").
RANDOM_SAMPLE_RE = cue_re(
    r"\brandom(?:ly)?[- ](?:selected|sampled|chosen|drawn|recruited)\b|\b(?:stratified |"
    r"simple |cluster |multistage )?random(?:i[sz]ed)? (?:sample|sampling|selection|subsample|"
    r"subset|digit)s?\b|\brandomly (?:selected|sampled|chosen) (?:from|among)\b", _I
)
# Other randomised trials in the plural ("randomized controlled trials have shown", "RCTs"):
# a review or background mention, not this study's design.
OTHER_RCTS_RE = cue_re(
    r"\brandomi[sz]ed,? (?:\w+[ -]){0,3}?(?:trials|studies)\b|\bRCTs\b|"
    r"\brandomi[sz]ation (?:\w+ ){0,2}?(?:in|of) (?:other|previous|earlier|prior) ", _I
)
# A record's own trials ("were conducted", "we did"): plural trial words are then not other work.
OWN_TRIALS_RE = cue_re(
    r"\b(?:were|was) (?:conducted|performed|carried out|done|undertaken|run)\b|"
    r"\bwe (?:conducted|performed|did|carried out|ran|undertook)\b", _I
)
# Titles of descriptive prevalence studies ("Prevalence of Chronic Pain Among Adults").
PREVALENCE_TITLE_RE = cue_re(r"\bprevalence\b", _I)
NONRANDOMIZED_WORD_RE = cue_re(r"\bnon-?randomi[sz]ed|\bquasi-?experimental", _I)
# "In this small uncontrolled study": the record's own study had no control group to randomise.
UNCONTROLLED_RE = cue_re(
    r"\b(?:this|our|an?|the present)\s+(?:(?:small|pilot|prospective|retrospective|open-label|"
    r"single-cent(?:re|er)|preliminary)\s+)*(?:uncontrolled|single[- ]arm|single[- ]group)\s+"
    r"(?:study|trial|pilot|series|design|cohort|experience)\b", _I)
NOT_RANDOMIZED_RE = cue_re(
    r"\bnon-?randomi[sz]ed\b|\bnot randomi[sz]ed\b|\bwithout randomi[sz]ation\b|"
    # "There was no randomisation."; "allocation was not random"
    r"\b(?:was|were) no randomi[sz]ation\b|\bno randomi[sz]ation (?:was|took place|occurred)\b|"
    r"\bnot random(?:ly)? (?:allocated|assigned)\b|\ballocation was not random\b|"
    r"\b(?:declined|refused|not willing to undergo|unwilling to undergo) randomi[sz]ation\b|"
    r"\bquasi-?(?:randomi[sz]ed|experimental)\b|\bun-?randomi[sz]ed\b", _I
)
SECONDARY_OF_RCT_RE = cue_re(
    r"\b(?:secondary|post[- ]hoc|exploratory|ancillary|pooled|subgroup) analys[ie]s (?:of|from|"
    r"using) (?:data from )?(?:a|an|the|two|three|\w+) (?:\w+ ){0,4}?randomi[sz]ed", _I
)
# A crossover design, not patients crossing over between arms of a parallel trial ("crossover to
# surgery was permitted", "frequent crossover between treatments", "the crossover rate").
CROSSOVER_RE = cue_re(
    r"\bcross-?over\b(?! (?:studies|trials|to|from|between|rates?|occurred|was (?:permitted|"
    r"allowed)|of (?:patients|participants)))(?<!with cross-over)(?<!with crossover)|"
    r"\bswitched to the other\b|\bwithin-subjects?\b|\btwo-period\b|"
    # "either oral ketamine or identical capsules, each for 2 weeks with a 1-week washout in between"
    r"\beach for (?:\w+ )?\d+ (?:weeks?|days?)\b[^.;]{0,40}?\bwash-?out\b|\b(?:two|2|three|3) test "
    r"(?:days|sessions)\b|\beach (?:participant|patient|subject|volunteer) received (?:both|all|each)\b|"
    # an n-of-1 trial: one patient's randomised treatment periods
    r"\bn-of-1\b|\bsingle-patient (?:randomi[sz]ed )?(?:crossover )?trials?\b|"
    # a record of its own crossover studies: "We carried out two randomised, double-blind, crossover studies"
    r"\bwe (?:carried out|conducted|performed|ran|report) (?:two|three|2|3) (?:[\w-]+,? ){0,4}?"
    r"(?:crossover studies|crossover trials|cross-over studies|cross-over trials)\b",
    _I
)
NONRANDOMIZED_CONTROLLED_RE = cue_re(
    r"\bnon-?randomi[sz]ed (?:controlled )?(?:trial|study|comparison)\b|\bquasi-?experimental\b|"
    # "a controlled before-after study": clinics that took up the intervention against others that did not
    r"\bcontrolled before[- ](?:and[- ])?after (?:study|design|comparison|evaluation)\b|"
    # "an open, non-placebo-controlled study" has no control group
    r"(?<!non-placebo-)(?<!non-placebo )(?<!non-)\bcontrolled (?:clinical )?(?:trial|study)\b|"
    r"(?<!non-)(?<!non )\bplacebo[- ]controlled\b|"
    r"\bsingle[- ]blind(?:ed)?\b|\bdouble[- ]blind(?:ed)?\b|\bplacebo (?:phase|run-in|lead-in|"
    r"period|week)s?\b|\bcross-?over\b|\b(?:control|comparison) groups?\b|\bcompared with (?:a |an )?"
    r"(?:control|conservative|standard|usual)",
    _I,
)
SINGLE_ARM_RE = cue_re(
    r"\bopen[- ]label\b|\bsingle[- ]arm\b|\buncontrolled\b|\bpilot (?:study|trial)\b|"
    r"\bin this pilot\b|\bphase (?:I{1,2}|1|2|I/II|1/2|IIa|IIb|2a|2b)\b|\bprospective(?:ly)?\b|"
    r"\bone group\b|\bsingle[- ]group\b|\bpre-?post\b|\bfeasibility (?:study|trial)\b|"
    r"\bopen (?:study|trial)\b|"
    # "entered an open, sequential dose-finding study"
    r"\bopen, (?!(?:a|an|the)\b)(?:[\w-]+ ){0,2}?(?:study|trial)\b",
    _I,
)
# A comparison named in the title, objective or methods: a controlled design.
# (Not "compared with baseline": a change within one group.)
VERSUS_DESIGN_RE = cue_re(r"\bversus\b|\bvs\.?(?= )|\bcompared (?:with|to)\b(?! (?:the )?(?:baseline|pre-?treatment|"
                          r"pre-?intervention|before|entry|enrol\w*|admission|their own baseline)\b)", _I)
TREATED_RE = cue_re(
    r"\b(?:were|was) (?:treated|given|started|prescribed|administered)\b|\b(?:received|took)\b", _I
)

# --- blinding, placebo, comparator ------------------------------------------------------------------

# "neither patients nor treating clinicians were blinded": an open trial, although it names two
# parties and "blinded" (extract_blinding skips such a sentence for double and single blinding).
_NEITHER_BLINDED = r"\bneither\b[^.;]{0,60}\bnor\b[^.;]{0,40}\b(?:were|was) (?:blinded|masked)\b"
NEITHER_BLINDED_RE = cue_re(_NEITHER_BLINDED, _I)
DOUBLE_BLIND_RE = cue_re(
    r"\b(?:double|triple|quadruple)[- ]?(?:blind(?:ed)?|mask(?:ed)?|dummy)\b|"
    r"\b(?:participants?|patients?|subjects?)[^.]{0,80}\b(?:investigators?|assessors?|clinicians?|"
    r"physicians?|evaluators?|raters?|therapists?|care providers?|general practitioners?)[^.]{0,60}"
    r"(?<!not )(?<!not be )\b(?:masked|blinded|blind|unaware (?:of|to))\b|"
    r"\bneither (?:the )?(?:patients?|participants?|subjects?) nor (?:the )?(?:\w+ ){0,2}?(?:physicians?|"
    r"investigators?|assessors?|clinicians?|staff|researchers?|evaluators?|nurses?)\b|"
    # "a randomised controlled trial with blinding of patients and evaluators"
    r"\b(?:blinding|masking) of (?:the )?(?:patients|participants) and (?:the )?(?:outcome )?(?:evaluators|assessors|"
    r"investigators|clinicians|raters)\b", _I
)
SINGLE_BLIND_RE = cue_re(
    # "Assessors were blinded.", "Outcome assessment was blinded", "outcome assessors were masked"
    r"\b(?:outcome )?(?:assessors?|raters?|evaluators?|assessments?|evaluations?|observers?) (?:was|were) "
    r"(?:blinded|masked)\b|"
    r"\bsingle[- ]?(?:blind(?:ed)?|mask(?:ed)?)\b|\b(?:assessor|observer|evaluator|rater|"
    r"investigator|outcome[- ]assessor)s?[- ](?:blind(?:ed)?|mask(?:ed)?)\b|\b(?:blinded|masked) "
    r"(?:outcome )?(?:assessors?|raters?|evaluators?|assessment|evaluation|outcome assessment)\b|"
    r"\b(?:participants|patients|subjects) (?:\w+ ){0,6}?(?:were|was) (?:blinded|masked|unaware)\b|"
    # outcomes assessed "by researchers masked to allocation", "by interviewers unaware of group
    # assignment", "adjudicated in a blinded fashion"
    r"\b(?:[a-z-]+(?:ists?|ors?|ers?|ians?)|staff|nurses?|committee|personnel) "
    r"(?:who were |were )?(?:masked|blinded|unaware) (?:to|of)\b|\bin a (?:blinded|masked) "
    r"(?:fashion|manner|way)\b|"
    # a trial called "blinded" without saying who was blinded: at least single
    r"(?<!non-)(?<!not )(?<!un)\b(?:blinded|masked)\b(?=,? (?:\w+[ ,-]+){0,4}?(?:trial|study)\b)", _I
)
OPEN_LABEL_RE = cue_re(
    r"\bopen[- ]label\b|\bunblinded\b|\bnon-?blinded\b|\bopen (?:study|trial)\b|"
    # "an open randomized clinical trial"
    r"\ban open (?:randomi[sz]ed |controlled |comparative |multicent\w+ |parallel[- ]group ){1,3}(?:clinical )?"
    r"(?:trial|study)\b|"
    r"\bnot (?:be )?(?:blinded|masked)\b|"
    r"\bwithout blinding\b|\bno blinding\b|"
    rf"{_NEITHER_BLINDED}|"
    # "allocation ... was known to patients and therapists"
    r"\b(?:was|were) known to (?:the )?(?:patients|participants|investigators|therapists|clinicians|"
    r"both patients)\b", _I
)
PLACEBO_RE = cue_re(
    r"\bplacebo[- ]controlled\b|\bplacebo(?:-treated)? (?:group|arm|phase|run-in|lead-in|"
    r"period|condition|capsules?|tablets?|pills?|cannabis|injections?)\b|\b(?:or|and|versus|vs\.?|"
    r"with|to|than|matching|matched|a|compared with|received|given|on) placebo\b|\bsham\b|"
    r"\bsimulated (?:procedure|acupuncture|surgery|treatment|intervention|stimulation)\b|"
    # acupuncture's placebo controls: shallow needling at non-acupuncture points, retractable needles
    r"\bminimal acupuncture\b|\bnon-?penetrating (?:acupuncture|needl\w*|electroacupuncture)\b|"
    r"\bplacebo needl\w*|"
    # "the other to an identical placebo", "one of naltrexone ... and one of placebo"; capsaicin 8%'s
    # control, "a low-concentration (0.04%) capsaicin control patch"
    r"\b(?:identical|identical-appearing|indistinguishable|inert|dummy) placebos?\b|\bone (?:period )?of placebo\b|"
    # "naltrexone 4.5 mg at bedtime or identical capsules", "identical capsules containing lactose"
    r"\bor (?:otherwise )?identical(?:[- ](?:looking|appearing))? (?:inert |inactive |dummy )?(?:capsules?|tablets?|pills?)\b|"
    r"\bidentical (?:capsules?|tablets?) containing (?:lactose|starch|cellulose|sugar)\b|"
    r"\blow[- ]concentration (?:\(\d+(?:\.\d+)?%\) )?(?:capsaicin )?control (?:patch|patches|cream)\b|"
    r"\bactive placebo\b|\bplacebo (?:control|surgery|procedure|infusion|patch|spray|cigarettes?)\b|"
    # a vehicle is the placebo of a topical or injected drug
    r"\bvehicle[- ]controlled\b|\bvehicle \(placebo\)|\b(?:versus|vs\.?|compared with|than|matching) "
    r"(?:a |the )?vehicle\b",
    _I,
)
NO_PLACEBO_RE = cue_re(
    r"\bno (?:\w+ ){0,2}?placebo\b|\bwithout (?:a )?placebo\b|\babsence of (?:a )?(?:\w+ )?placebo\b|"
    r"\bnot placebo[- ]controlled\b|\bnon-?placebo[- ]controlled\b|"
    # a placebo given openly is the treatment studied, not a control
    r"\bopen[- ]label placebos?\b|\bplacebos? without deception\b|\bnon-?deceptive placebos?\b", _I
)
# Dummy placebos that keep an active-controlled trial blind ("each combined with placebo of the
# other treatment") are not a placebo arm.
DUMMY_PLACEBO_RE = cue_re(
    r"\bplacebos? (?:of|for|matching) the (?:other|alternative|opposite|comparator)\b|"
    r"\bdouble[- ]dummy\b", _I
)
ACTIVE_CONTROL_RE = cue_re(
    r"\bactive[- ]control(?:led)?\b|\bactive comparator\b|\bcomparative effectiveness\b|"
    r"\bhead[- ]to[- ]head\b", _I
)
USUAL_CARE_RE = cue_re(
    r"\busual care\b|\bstandard (?:of )?care\b|\bconservative (?:therapy|treatment|management)\b|"
    r"\bwait(?:ing)?[- ]?list\b|\btreatment as usual\b|\bstandard (?:pharmacological|medical) "
    r"(?:approach|treatment|therapy)\b|\bno (?:treatment|intervention)\b", _I
)
VERSUS_RE = cue_re(r"\b(?:versus|vs\.?|compared with|compared to|or)\b", _I)

# --- results --------------------------------------------------------------------------------------

# Efficacy failing: the clause from the cue to the next clause break counts as negative.
# After "higher rates": a good outcome ("higher rates of steroid-free remission"), so no harm.
_GOOD_OUTCOME_AFTER = (r"(?: \w+){0,2}? (?:of )?(?:[\w-]+ ){0,2}?(?:remission|response|recovery|survival|"
                       r"improvement|abstinence|retention|healing|relief)\b")
NEGATIVE_RE = cue_re(
    r"\b(?:not|no longer) (?:consistently |clearly |reliably )?(?:superior|effective|efficacious|better|beneficial|associated with "
    r"(?:improve|reduc|benefit)|significantly (?:different|better|improved|reduced|lower|reduce|improve|"
    r"relieve|differ|"
    r"superior))|\bno (?:(?!(?:are|is|was|were|be)\b)[\w-]+ ){0,5}?(?:difference|benefit|effect|improvement|change|reduction|"
    r"advantage|efficacy|superiority|fall|drop|decline)s?\b|\bno more (?:effective|efficacious|beneficial|useful) than\b|"
    r"\bnot more (?:effective|efficacious|beneficial) than\b|"
    r"\b(?:neither|none)\b[^.;]{0,60}?\bclinically (?:important|meaningful|relevant|worthwhile)\b|"
    r"\b(?:was|were) not (?:sustained|maintained|durable)\b|"
    # "should not be expected to provide lasting benefit"; "One-year outcomes were similar for patients
    # assigned to early surgery and those assigned to conservative care"
    r"\b(?:should|would|could|can) not be expected to (?:provide|give|produce|offer|have)\b|"
    # "The effect on pain, although statistically significant, was smaller than the usual threshold for
    # clinical importance"
    r"\b(?:smaller|less|lower) than (?:the )?(?:usual |accepted |prespecified |pre-specified |minimal |minimum )?"
    r"(?:threshold for clinical|threshold of clinical)(?:ly)? (?:importance|important|relevance|relevant|"
    r"meaningful)\b|"
    r"\bbelow (?:the )?(?:threshold for clinical|minimal clinically important)|"
    # "Our experience does not reproduce the benefit reported in early uncontrolled studies"
    r"\b(?:does|do|did|could|can) not (?:reproduce|replicate|confirm|corroborate)\b|"
    # "adverse effects ... severe enough to outweigh any potential benefit" (not "did not outweigh")
    r"(?<!not )(?<!n't )\boutweigh(?:s|ed)? (?:any|the|its|their|a) (?:\w+ ){0,2}?benefits?\b|"
    r"\b(?:outcomes?|results?|scores?) (?:\w+ ){0,2}?(?:were|was) similar (?:for|in|between|across) "
    r"(?:the |both )?(?:patients|participants|groups|arms|two)\b|"
    # "SCS probably does not have sustained clinical benefits that would outweigh the costs"
    r"\b(?:does|do|did) not (?:have|show|provide|produce|offer|confer)(?: (?!side\b|adverse\b)[\w-]+){0,3}? "
    r"(?:benefits?|effects?|improvements?|efficacy|reductions?|relief)\b|"
    # "a small effect of LDN on pain intensity without improvement in function"
    r"\bwithout (?:any |a |clear |meaningful )?(?:improvements?|benefits?) (?:in|on|of)\b|"
    # "without a placebo arm, the improvement cannot be attributed to either drug"
    r"\b(?:can ?not|could not) be attributed to\b|"
    # "whereas low-dose naltrexone added nothing", "exercise added little over written advice"
    r"\badded (?:nothing|little|no (?:further |additional |extra )?(?:benefit|effect|improvement))\b|"
    # "was not associated with better pain, fatigue or disease activity"; "too imprecise to rank it"
    r"\bnot associated with (?:a |an )?(?:better|lower|less|fewer|greater (?:[\w-]+ )?(?:improvement|reduction|relief|"
    r"recovery|benefit|response|remission)|improved|reduced|faster)\b|"
    # "No pharmacological treatment, including LDN, has yet been shown to reduce fatigue"
    r"\bno (?:[\w-]+ ){0,3}?(?:treatments?|drugs?|interventions?|therap(?:y|ies)|agents?)\b[^.;]{0,40}?"
    r"\b(?:has|have) (?:yet |so far )?been (?:shown|proven|demonstrated|found) to\b|"
    r"\b(?:has|have) not (?:yet )?been (?:shown|proven|demonstrated) to (?:reduce|improve|relieve|"
    r"benefit|work|be (?:effective|efficacious|beneficial))\b|\btoo (?:imprecise|uncertain|weak|sparse) to\b|"
    # "documented benefit was uncommon"
    r"\b(?:benefits?|improvements?|relief) (?:was|were) (?:uncommon|rare|infrequent|unusual)\b|"
    # "We found no evidence that LDN exposure reduces the risk of surgery", "No clear evidence emerged
    # that primary spinal fusion surgery was any more beneficial" (not "no evidence that it
    # increases the risk of liver injury", a harm not found)
    # (not "no evidence that any one of them is superior": the actives compared with each other)
    r"\bno (?:clear |convincing |good |strong |consistent |firm |robust )?evidence (?:emerged |was found )?that "
    r"(?!(?:any|either|one|neither)(?: one)? of (?:them|the (?:\w+ )?(?:drugs|treatments|agents|actives?|regimens)))"
    r"(?:[\w()+-]+ ){1,5}?(?:(?:was|were|is|are) )?(?:any )?(?:more (?:beneficial|effective|efficacious)|better|"
    r"superior|reduc\w+|improv\w+|reliev\w+|prevent\w+)\b|"
    # "LDN was not shown to reduce chronic pain intensity"; "Starting LDN was not followed by reduced use
    # of pain medication", "suggesting limited clinical benefit"; "not associated with stopping opioids"
    r"\b(?:was|were|is|are) not (?:shown|found|proven|demonstrated) to (?:reduce|improve|relieve|benefit|"
    r"lower|decrease|be (?:effective|efficacious|superior|beneficial|better))\b|"
    r"\bnot followed by (?:a |an |any )?(?:measurable |significant |clear |meaningful )?(?:reduc\w*|improv\w*|lower|"
    r"fewer|less|better|decreas\w*|relief|benefit|(?:drug[- ])?sparing)\b|"
    r"\blimited (?:clinical |therapeutic |perceived )?benefits?\b|"
    r"\bnot associated with (?:stopping|discontinu\w+|cessation|quitting|tapering|coming off)\b|"
    # "the two groups ended the trial at similar pain levels"; "the confidence interval included zero";
    # "this trial could not separate it from the response to an inert capsule"; "did not follow a
    # better symptom trajectory"; "Symptoms were no lower during drug than during placebo weeks"
    r"\b(?:groups|arms)\b[^.;]{0,40}?\b(?:at|with|had|reached) similar (?:[\w-]+ )?(?:levels|scores|values)\b|"
    r"\b(?:confidence interval|CI) (?:included|includes|crossed|crosses|spanned|spans) (?:zero|0|the null|no "
    r"(?:effect|difference)|one|1)\b|"
    r"\bcould not (?:separate|distinguish)\b[^.;]{0,40}?\bfrom\b[^.;]{0,30}?\b(?:placebo|sham|inert|dummy)\b|"
    r"\bdid not (?:follow|have|show|achieve|experience) (?:a |an )?(?:better|greater|faster|more favou?rable)\b|"
    r"\b(?:were|was|are|is)(?: \w+)? no (?:lower|better|greater|higher)\b[^.;]{0,60}?\bthan\b|"
    # Other languages' nulls whose words the English positives read as praise ("superior",
    # "efficace"): "la NDB no fue superior al placebo", "não foi superior", "n'a pas été supérieur".
    # (Not their other nulls: with their positives unread, they would tip records to negative.)
    r"\bno (?:fue|fueron|resultó|resultaron) (?:superior(?:es)?|eficaz(?:es)?|efectiv[ao]s?|más eficaz)\b|"
    r"\bnão (?:foi|foram) (?:superior(?:es)?|eficaz(?:es)?|efetiv[ao]s?)\b|"
    r"\bn'(?:a|ont|était|étaient) pas (?:été )?(?:supérieure?s?|efficaces?)\b|"
    # "was not associated with worse, or better, pain outcomes than buprenorphine-naloxone"
    r"\bnot associated with (?:worse|better),? (?:or|nor) (?:worse|better)\b|"
    # "Current LDN use was not associated with pain interference" (not "with pain worsening")
    r"\bnot associated with (?:less |lower |reduced |better )?(?:pain|fatigue|disability|symptoms?)\b"
    r"(?! (?:worsening|flares?|progression|increase))|"
    r"\b(?:is|are|was|were) unlikely to (?:reduce|improve|relieve|benefit|help|work|be (?:effective|beneficial))\b|"
    # "did not meaningfully improve", "was not meaningfully better than", "Neither drug ... was shown
    # to relieve", "non-inferiority ... could not be demonstrated"
    r"\bdid not (?:meaningfully|substantially|materially|clearly|consistently|further|additionally) (?:improve|reduce|relieve|"
    r"change|differ|benefit)\b|\bnot (?:meaningfully|substantially|clearly|consistently|clinically) "
    r"(?:better|superior|more effective)\b|\bneither\b[^.;]{0,80}?\b(?:was|were) shown to\b|"
    # "Neither 3 mg nor 4.5 mg of naltrexone reduced pain compared with placebo"
    r"\bneither\b(?:[^.;]|(?<=\d)\.(?=\d)){0,60}?\bnor\b(?:[^.;]|(?<=\d)\.(?=\d)){0,60}?"
    r"\b(?:reduced|improved|relieved|decreased|lowered|"
    r"prevented|changed|affected|altered|shortened|increased)\b|"
    r"\bnon-?inferiority\b(?:[^.;]|(?<=\d)\.(?=\d)){0,100}?\b(?:could|can|did) not (?:be )?(?:shown|"
    r"demonstrated|established|"
    r"confirmed)\b|"
    r"\bdid not (?:differ|reduce|improve|relieve|lower|show|"
    r"achieve|produce|reach|decrease|change|alter|demonstrate|provide|lead|result|effectively|"
    r"work|help|outperform|significantly|reverse|prevent|attenuate|affect|block|restore|increase|"
    r"protect|modify|respond|extend|prolong|normali[sz]e|resolve|influence|ease|alleviate|fall|drop|decline|"
    r"lessen|diminish|mitigate|abolish|"
    r"perform (?:better|differently))|\b(?:do|does) not (?:indicate|support(?! (?:withholding|avoiding|"
    r"stopping|discontinuing|restricting|denying|excluding)\b)|show|suggest|demonstrate|establish|prove|"
    r"improve|reduce|work|enhance|increase|prolong|relieve|prevent)|\bfailed to\b|\bfail(?:ed|s)? (?:its|the|their|both) (?:\w+ )?(?:co-?)?primary (?:end ?points?|outcomes?)\b|\bineffective\b|\bno better than\b|\bnot better than\b|"
    # "improved taper completion without changing pain" (the labels call it mixed)
    r"\bwithout (?:changing|a change in|any change in) (?:the )?(?:pain|function|disability)\b|"
    # "This case adds a negative observation to a literature ..."
    r"\badds? (?:a|another|one) negative (?:observation|case|report|finding|result)\b|"
    # "the apparent benefit in the pooled crossover analysis is unreliable": a benefit set aside
    r"\b(?:apparent|observed|pooled) (?:benefit|effect|improvement|advantage)s?\b[^.;]{0,80}?\b(?:is|was|are|were) "
    r"(?:\w+ )?(?:unreliable|spurious|artefactual|artifactual|an artefact|an artifact|explained by carry-?over)\b|"
    # "Low-dose naltrexone did not appear useful in this refractory population"
    r"\b(?:did|does|do) not (?:appear|seem) (?:to be )?(?:useful|effective|helpful|beneficial|to help|to work|"
    r"to benefit)\b|"
    # "Group-level benefit was absent"
    r"\b(?:benefit|effect|improvement|efficacy)s? (?:was|were) (?:absent|lacking)\b|"
    # "Only one patient had a partial response; five had no appreciable change": a series' few responders
    r"\bonly (?:one|two|three|a few|a minority|\d+)(?: \(\d+(?:\.\d+)?%\))?(?: of (?:the )?(?:\d+|[a-z]+))? "
    r"(?:(?:patients?|participants?|subjects?|women|men|people|individuals) )?(?:had|showed|reported|experienced|"
    r"achieved|gained|obtained) (?:an? |any )?(?:partial |meaningful |clinically [\w-]+ |sustained )?"
    r"(?:response|benefit|improvement|relief)\b(?:,? with [^.;]*)?|"
    # "similar to placebo", "similar between groups"; similarity to another drug is mixed (MIXED_RE)
    # and "relief of a size comparable to that of oral drugs" a magnitude, neither
    r"\b(?:were|was) (?:\w+ )?(?:similar|comparable)\b(?= (?:between|across|in (?:both|all|the two|"
    r"the three|each) )|\s*[,.;)]|\s*$| (?:to|with) (?:that of |those of )?(?:the )?(?:placebo|sham|control)|"
    # "were similar in the LDN and placebo groups", "with naltrexone and with placebo"
    r" (?:in|with|on|under|for|after) (?:the )?[\w-]+(?: [\w-]+)? (?:and|or) (?:the |with |on |after )?"
    r"(?:placebo|sham|control|vehicle)\b)|"
    r"\b(?:similar|comparable) (?:to|with) (?:that (?:of|in|with) |those (?:of|in|with) )?(?:the )?"
    r"(?:placebo|sham|control|usual care|no treatment|vehicle|waiting list|wait-?list)\b|"
    r"\b(?:similar|comparable) (?:between|in|across) (?:the )?(?:two |three |both |all )?(?:groups|arms)\b|"
    r"\bsimilar in both\b|\b(?:similar|comparable) (?:with|between) (?:the )?(?:two|both|three|all)\b|"
    r"\bsimilar to (?:the |those |that )?(?:\w+ ){0,2}?(?:in|of|with) (?:a |the )?(?:\w+ )?(?:control|"
    r"placebo|sham|usual[- ]care)\b|\bfails? to\b|\bfailing to\b|\b(?:negatively|adversely) "
    r"affected\b|\babsence of (?:any )?(?:\w+ ){0,3}?(?:efficacy|benefit|effect)\b|"
    r"\bneither\b[^.;]{0,80}?\b(?:was|were|is|are) (?:\w+ )?(?:better|superior|more effective)\b|"
    r"\bwithout (?:improving|reducing|relieving|any (?:\w+ )?(?:improvement|benefit|effect))\b|"
    # "short-lived relief without a lasting effect"; "not associated with a clear improvement"
    r"\bwithout (?:a |any )?(?:lasting|sustained|durable|long-term|persistent) (?:[\w-]+ )?(?:effects?|"
    r"benefits?|improvements?|relief|changes?)\b|"
    r"\bnot associated with (?:a |an |any )?(?:clear|significant|meaningful|important|substantial|"
    r"clinically [\w-]+) (?:improvements?|reductions?|benefits?|relief)\b|"
    r"\bno significant\b|\bnon-?significant\b|\bnot (?:statistically )?significant\b|"
    r"\bdoubtful\b|\black of (?:benefit|efficacy|effect)\b|\bworse(?:ned|ning)?\b|\bharm(?:ful)?\b|"
    r"\bnot (?:superior|effective)\b|\bwas stopped\b|\bno clinically\b|"
    r"\b(?:was|were|is|are) not (?:met|achieved|reached|confirmed|supported)\b|"
    # "did not give statistically significantly more pain relief than a sham procedure"
    r"\bdid not (?:give|offer|yield|confer|bring) (?:\w+ ){0,3}?(?:more|greater|better|additional)\b|"
    r"\bdid not (?:spare|affect|"
    r"prevent|modify|benefit|ameliorate|enhance|increase|translate|meet|improve)\b|\bno support\b|"
    # harm: "associated with a significantly higher risk of all-cause mortality"
    r"\b(?:associated with|led to|caused|carried) (?:an? )?(?:\w+ )?(?:higher|increased|greater|"
    r"elevated|excess) (?:risk|odds|hazard|rates?|incidence|mortality)\b(?!" + _GOOD_OUTCOME_AFTER + r")|"
    r"\bincreased (?:the )?(?:risk|odds) of (?:death|mortality|overdose|harm)|"
    # "more than doubled the risk of falls", "without a demonstrable analgesic benefit", "its
    # better tolerability does not offset the smaller reduction in pain"
    r"\b(?:doubled|tripled|quadrupled) the (?:risk|hazard)\b|"
    # "LDN was less effective than topiramate" (not "no less effective"), "early improvement ...
    # frequently not sustained"
    r"(?<!no )(?<!not )\bless (?:effective|efficacious|beneficial) than\b|\bnot as effective as\b|\bcannot be recommended\b|\bshould not be (?:used|recommended|prescribed)\b|\bnot (?:sustained|maintained|durable)\b|"
    r"\bwithout (?:a |any )?(?:demonstrable|demonstrated|significant|measurable|clear|meaningful|"
    r"detectable|proven) (?:analgesic |clinical |therapeutic )?(?:benefit|improvement|efficacy|"
    r"analgesi\w+|pain relief)\b|"
    # "its efficacy was not established in the randomized phase"; in an observational study
    # "starting opioid therapy was associated with less improvement" (not a patient trait's)
    r"\b(?:efficacy|effectiveness|benefits?|superiority|effects?) (?:was|were|is|are|has|have) not "
    r"(?:been )?(?:established|demonstrated|shown|proven|confirmed)\b|"
    r"\b(?:associated with|carr(?:y|ies|ied)) (?:a |an )?(?:significant|substantial|considerable|"
    r"serious) risks? of (?:adverse|harms?|serious|side)\b|"
    r"\b(?:starting|initiat\w+|use of|using|taking|treatment with|exposure to)\b[^.;]{0,60}?"
    r"\b(?:was|were|is|are) associated with (?:a |an )?(?:less|smaller) (?:improvement|benefit|"
    r"reduction)\b|\b(?:do|does|did) not (?:offset|compensate for)\b|"
    r"\b(?:is|are|was|were|remains?) (?:uncertain|unclear|unknown)\b|"
    r"\bnot (?:the |its |their )?(?:efficacy|effectiveness)\b|"
    r"\blittle (?:or no )?(?:\w+ )?(?:benefit|effect|improvement|efficacy)\b|\bcauses? (?:\w+ )?harms?\b|"
    r"\bnot (?:been shown to be |shown to be |proven )?non-?inferior\b|\bnon-?inferiority (?:of (?:[\w\s-]|(?<=\d)\.(?=\d)){1,60}?)?"
    r"(?:was|were) not (?:shown|demonstrated|established)\b|"
    r"\b(?:mortality|deaths?|risk|harms?) (?:was|were) (?:significantly )?higher with\b|"
    r"\bnot clinically (?:important|meaningful|relevant|significant|worthwhile)\b|"
    # (not "only a small number of patients withdrew": few dropouts are no null)
    r"\bonly (?:a |an )?(?:small|modest|minimal|slight|marginal|trivial)\b(?! (?:number|proportion) of \w+ "
    r"(?:withdrew|stopped|discontinued|dropped|left|reported|had (?:adverse|side)))|"
    r"\bminimal or nonexistent\b|\bnon-?existent\b|\bnegligible (?:effects?|benefits?|differences?|"
    r"improvements?|efficacy)\b|"
    r"\b(?:gave|showed|produced|had|provided|yielded) (?:similar|comparable|equivalent) (?:\w+ )?"
    r"(?:analgesia|efficacy|effects?|improvements?|outcomes?|results|benefits?|pain relief|"
    r"reductions?)\b|(?<!reduced )(?<!fewer )(?<!prevented )\bfatal (?:\w+ )?(?:infection|complication|"
    r"outcome|reaction|toxicity|course|case|event)s?\b|\bdied (?:of|from)\b|"
    r"\bno evidence (?:that|of|for)\b(?! (?:harm|toxicity|worsening|adverse|(?:any|either|one|neither)(?: one)? of (?:them|the)\b))|"
    r"(?<!-)\b(?:(?:can|may|could|might|will|did|does|do) (?:\w+ )?(?:cause|induce|precipitate|"
    r"trigger|lead to)|caused|causes|induced|induces|precipitated|triggered) (?:\w+ ){0,3}?"
    r"(?:toxicity|hepatotoxicity|injury|syndrome|damage|death|failure|harm|hypertension|bleeding|"
    r"dependence|overdose|withdrawal|psychosis|seizures?|hepatitis|anaphylaxis|reactions?|"
    r"arrhythmias?|infections?|relapse)\b|"
    r"\bno (?:\w+ ){0,2}?better (?:\w+ ){0,2}?than\b|\b(?:did|does|do) not (?:appear|seem) to\b"
    r"(?! preclude| rule out)|"
    # "was not associated with a reduction in opioid dose", "should not be expected to lower their
    # opioid dose", "the negative primary responder analysis", "the improvement is not specific to
    # the drug"
    r"\bnot associated with (?:a |an |any )?(?:reductions?|improvements?|benefits?|decreases?)\b"
    r"(?! in (?:\w+ )?(?:efficacy|effectiveness|disease control|control|quality of life|function\w*|"
    r"response|remission|benefit|analgesi\w+|activity|lymphocyte|counts?))|"
    r"\bshould not be expected to (?:lower|reduce|improve|relieve|help|benefit)\b|"
    r"\b(?:negative|null) primary (?:\w+ )?(?:analysis|outcome|end ?point|result)\b|"
    r"\bnot specific to (?:the )?(?:drug|treatment|medication|active (?:drug|treatment))\b|"
    r"\bdid not desensiti[sz]e\b|"
    # "PTSD improved to a similar degree in all groups"; "it did not add to the effect of naltrexone"
    r"\bimproved (?:to a similar (?:degree|extent)|similarly|equally) in (?:all|both|each) (?:of the )?"
    r"(?:(?:treatment|study|trial|two|three|four) )?(?:groups|arms)\b|\bdid not separate from\b|"
    r"\bdid not add to (?:the )?(?:effects?|benefits?|efficacy|analgesi\w+)\b|"
    r"\bboth (?:groups|arms) improved\b(?!,? (?:but|although|whereas)\b)|\b(?:improved|fell|declined|decreased) (?:\w+ ){0,2}?in both "
    r"(?:groups|arms)\b|\bno (?:\w+ )?evidence (?:that|of|for)\b(?! (?:harm|toxicity|worsening|adverse|(?:any|either|one|neither)(?: one)? of (?:them|the)\b))",
    _I,
)
# Negated harm is good news: "not followed by worsening", "no worsening".
NEGATED_HARM_RE = cue_re(
    r"\b(?:no|not followed by|without|did not show|no evidence of|rather than|(?:was|were) not associated with) "
    r"(?:\w+ ){0,2}?(?:worsening|deterioration|progression|worse)\b(?!,? or better)|"
    # "was not associated with an increased risk of acute liver injury": a safety finding
    # ("not associated with a higher rate of disability-free survival" is no safety finding)
    # "did not increase disease activity or damage of the small joints": the harm feared was absent
    r"\bdid not (?:increase|worsen|accelerate|aggravate) (?:the )?(?:[\w-]+ ){0,3}?(?:activity|damage|"
    r"progression|flares?|toxicity|(?:liver |kidney |renal )?injury|adverse events?|mortality|"
    # "High-intensity exercise ... did not increase inflammation" (the harm feared of it)
    r"inflammation|inflammatory (?:markers|activity)|c-reactive protein|crp)\b|"
    # "was effective for OIC and did not affect analgesia"; "had no negative effect on neurological function"
    r"\b(?:did|does|do) not (?:reduce|compromise|impair|affect|interfere with|alter) (?:the )?(?:\w+ )?"
    r"(?:analgesia|analgesic (?:effect|efficacy)|pain relief|pain control)\b|"
    r"\bno (?:\w+ )?(?:negative|harmful|detrimental|deleterious) (?:effects?|impact) (?:on|upon)\b|"
    r"\b(?:not|never) associated with (?:an? )?(?:\w+ )?(?:increased|higher|greater|excess|elevated) "
    r"(?:risk|odds|incidence|hazard)\b|\bno (?:increased|excess|higher) (?:risk|odds|incidence)\b|"
    # "higher response rates, without reducing opioid analgesia": the benefit cost nothing
    r"\bwithout (?:reducing|compromising|impairing|affecting|interfering with|loss of) (?:the )?(?:\w+ )?"
    r"(?:analgesia|analgesic (?:effect|efficacy)|pain relief|pain control|efficacy)\b", _I
)
POSITIVE_RE = cue_re(
    # a review's "The results support a strong recommendation for first-line use of gabapentin"
    r"\bsupports? (?:a |the )?(?:strong |weak |conditional )?recommendation (?:for|of)\b|"
    r"\b(?:effective|efficacious|effectiveness|signal of efficacy|improv(?:e|ed|es|ing|ement|ements)|reduc(?:e|ed|es|"
    r"ing|tion|tions)|decreas(?:e|ed|es|ing)|halved|relie(?:f|ve|ved|ves)|superior|benefit(?:s|ed|ted|"
    r"ial)?|beneficial|promising|promise|favou?r(?:ed|s|able)?|lessen(?:s|ed)?|ease(?:s|d)?|"
    r"eased|alleviat\w+|revers(?:e|ed|es|al)|resolv(?:e|ed)|resolution|remission|remitted|respon(?:se(?! rates?\b)|"
    r"ded|ders?|sive)|fell(?! outside| short)|fallen(?= (?:to|from|by) )|lower(?:ed)?|greater (?:reduction|improvement|relief)|better|"
    r"enhance[sd]?|prolong(?:s|ed)?|useful|attractive option|may help|helps?|"
    # (not "pain-free women", "pain-free controls": the comparison group of a laboratory study)
    r"pain[- ]free(?! (?:controls?|women|men|volunteers|participants|subjects|individuals|people|adults|persons|"
    r"group|healthy|age-matched|matched))|"
    r"minimal pain|gains?|significant(?:ly)?(?! (?:risks?|harms?|adverse|toxicity|side[- ]effects?)\b)|option|(?:may|can|could) be considered (?:as |for |in )|(?:fall|drop|decline) in (?:[\w-]+ ){0,2}?(?:pain|symptoms?|"
    r"scores?|intensity)|(?<!not )(?<!never )(?<!n't )worth (?:considering|trying)|non-?inferior(?:ity)?|as effective as|"
    r"equally effective|supports? (?:the )?(?:\w+ and )?(?:efficacy|effectiveness|benefit)|"
    r"of use|helpful|(?:antidepressant|analgesic|therapeutic|beneficial) effects?|"
    # "Yoga can be recommended as an additional therapy" (not "further trials are recommended",
    # "trials are needed before LDN can be recommended")
    r"(?<!before )(?<!until )(?<!unless )\b\w[\w-]* (?:can|could) (?:\w+ )?be recommended|(?:is|are) (?:\w+ )?recommended as (?:an? )?(?:[\w-]+ )?"
    r"(?:therapy|treatment|option|adjunct)|"
    # "associated with less neuropathic pain and fewer neuropathy symptoms"
    r"(?:less|fewer) (?:[\w-]+ ){0,2}?(?:pain|symptoms?|disability|fatigue|itch\w*|pruritus|"
    r"attacks?|headaches?|flares?|days with \w+|opioid use)|"
    # "a robust, dose-related increase in treatment retention"
    r"increase in (?:\w+ ){0,2}?(?:retention|abstinence|adherence|remission|survival|response rates?)|"
    # "a clinically relevant fall in pain"
    r"(?:fall|drop|decline)s? in (?:\w+ ){0,2}?(?:pain|symptoms?|severity|intensity|disability))\b",
    _I,
)
# "No adverse effects", "no serious side effects were reported": safety, not a null efficacy result;
# "the benefits and harms of treatment" is neither.
NO_HARM_RE = cue_re(
    # "no significant changes in laboratory safety tests"
    r"\bno (?:\w+ )?changes? in (?:the )?(?:laboratory|safety|blood|liver|renal|haematolog\w*|hematolog\w*|"
    r"biochemical|vital)\b[^.;,]*|"
    r"\b(?:no|without|nor|neither|none of the) (?:\w+ ){0,2}?(?:adverse|side|toxic|harmful) "
    r"(?:effects?|events?|reactions?)\b|\bno (?:serious |severe |major )?harms?\b|"
    # "halved opioid initiation without apparent harm to disability"
    r"\bwithout (?:any |apparent |evident |obvious |measurable |detectable |signs? of )?harms?\b|"
    r"\bno (?:\w+ )?(?:toxicity|safety (?:concerns?|signals?|issues?))\b|"
    r"\b(?:benefits?|risks?) (?:and|versus|vs\.?|against|or) (?:harms?|risks?|benefits?)\b|"
    r"\bno (?:\w+ )?(?:fatal|deaths?)\b|\bno (?:firm|definite|definitive|clear) conclusions?\b|"
    r"\b(?:the two|they|these|both active \w+) did not differ (?:significantly )?(?:from each other|"
    r"from one another)\b|"
    # "When trials directly compared these two medications, no significant differences were found":
    # two active drugs against each other say nothing of either one's benefit
    r"\b(?:when|where) (?:\w+ ){0,3}?(?:directly )?compared (?:these|the) two\b[^.;]*|"
    r"\bhead[- ]to[- ]head (?:comparisons?|trials?|studies)\b[^.;]*|"
    r"\b(?:secondary )?(?:safety|adverse[- ]events?|side[- ]effects?|tolerability) (?:\w+ ){0,3}?(?:did not differ|"
    r"were similar|was similar|were comparable|was comparable|similar to|comparable to)\b|"
    # "more effective than oral MTX, with no difference in tolerability"
    r"\bno (?:significant |clear )?differences? in (?:the )?(?:tolerability|safety|adverse (?:events?|effects?)|"
    r"side[- ]effects?|withdrawals? (?:due to|for) adverse events)\b|"
    # an opioid antagonist's safety: "did not appear to affect central analgesia or precipitate
    # opioid withdrawal" ("without reducing opioid analgesia" is NEGATED_HARM_RE's)
    r"\b(?:did|does|do) not (?:appear to |seem to )?(?:affect|reduce|reverse|compromise|interfere with) "
    r"(?:central |opioid )?(?:analgesia|pain control)\b(?:,? (?:or|and|nor) (?:precipitate|provoke|induce|cause|"
    r"trigger) (?:opioid |acute )?withdrawal\b)?|"
    r"\b(?:did|does|do) not (?:appear to |seem to )?(?:precipitate|provoke|induce|cause|trigger) "
    r"(?:opioid |acute )?withdrawal\b",
    _I,
)
# Why some people stopped: "Two patients stopped because of insomnia and one reported no effect",
# "nine stopped early (insomnia in four, no perceived effect in three ...)", "Reasons for
# discontinuation were lack of efficacy (n = 5) and vivid dreams (n = 3)". A lack of effect given as
# a reason for stopping is an individual's reason, not the study's finding. A trial stopped for
# futility or for lack of efficacy has no counted subject and is not matched.
_STOPPERS = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
             r"thirty|forty|fifty|several|a few|some|others)")
_NO_EFFECT_REASON = (r"(?:a )?(?:perceived )?(?:lack of|insufficient|inadequate|no|poor) (?:\w+ )?"
                     r"(?:effect|efficacy|benefit|response|improvement|relief)|(?:perceived )?"
                     r"(?:inefficacy|ineffectiveness|non-?response)")
# The treatments that failed before this one, told in the past perfect: "Topiramate, amitriptyline
# and two CGRP antibodies had each been ineffective or poorly tolerated", "LDN was used after
# conventional pharmacotherapy had failed to control their symptoms". The history, not the finding
# (a sentence naming naltrexone before "had failed" is left alone unless "after", "once" or "when"
# puts the failure before it).
PRIOR_FAILURE_RE = cue_re(
    r"\b(?:after|once|when|because|since|until) (?:[\w,/()-]+ ){0,10}?had (?:each |all |also |previously |"
    r"repeatedly |consistently |already )?(?:been (?:ineffective|unsuccessful|insufficient|poorly tolerated)|"
    r"failed|not helped)\b[^.;]*|"
    r"^(?:(?!naltrexon|\bldn\b)[^.;])*?\bhad (?:each |all |also |previously |repeatedly |consistently |already )?"
    r"(?:been (?:ineffective|unsuccessful|insufficient)(?: or poorly tolerated)?|failed(?! to (?:show|find|detect|demonstrate)))\b[^.;]*",
    _I,
)
STOPPING_REASONS_RE = cue_re(
    r"\b(?:reasons? for|causes? of) (?:\w+ ){0,2}?(?:discontinu\w+|stopping|withdrawal|dropping out|"
    r"drop-?outs?)\b[^.;]*|"
    rf"\b{_STOPPERS}(?: (?:\w+ )?(?:patients?|participants?|subjects?|women|men|people|children|"
    r"of (?:them|these|those|the \w+)))? (?:\w+ )?(?:stopped|discontinued|withdrew|dropped out)\b"
    r"(?: (?:\w+ ){0,2}?(?:early|treatment|the study|the drug|LDN|naltrexone|it))?"
    r"(?:\s*\([^()]*\)| (?:\w+ ){0,2}?(?:because of|due to|owing to|for|from|citing) [^.;,]*)|"
    # ("for" is left out of these connectors: as a literal it would open this pattern's gate everywhere)
    rf"\b{_STOPPERS}(?: (?:patients?|participants?))? (?:because of|due to|owing to|citing) "
    rf"(?:{_NO_EFFECT_REASON})\b|"
    r"\b(?:discontinuations?|withdrawals?|dropouts?|drop-outs?) (?:\w+ ){0,2}?(?:because of|due to|owing to|for) "
    rf"(?:{_NO_EFFECT_REASON})\b",
    _I,
)
# "a trend towards pain reduction that did not reach statistical significance": a null result
# (two sets label it negative), not the mixed result a trend alone is read as.
NONSIGNIFICANT_TREND_RE = cue_re(
    r"\b(?:an? |the )?(?:small |slight |weak )?trends? (?:toward|towards|to|for|in favou?r of)\b[^.;]{0,80}?"
    r"\b(?:that|which) (?:did|does) not (?:reach|achieve|attain) (?:conventional |formal |statistical )?"
    r"significance\b", _I)
# "Only the low dose improved fibromyalgia impact": one dose of two worked (mixed); read only when
# "only" and "dose" are both in the sentence (the literal "low dose" would open MIXED_RE's gate on
# every sentence naming low dose naltrexone)
ONLY_ONE_DOSE_RE = cue_re(
    r"\bonly (?:the )?(?:lower|low|higher|high|smaller|larger) doses?\b[^.;]{0,40}?"
    r"\b(?:improved|reduced|relieved|decreased|lowered|was effective|were effective|worked|benefit\w*)\b", _I)
# "Whether this reflects an effect on a nociplastic component is uncertain": an open question about
# the finding, not a finding against the treatment
OPEN_QUESTION_UNCERTAIN_RE = cue_re(
    r"(?:^|(?<=[;,]) ?)\bwhether\b[^.;]*?\b(?:is|are|was|remains?) (?:still |yet |currently )?(?:uncertain|unclear|"
    r"unknown|not known|to be determined)\b", _I)
# A conclusion that the treatment is safe; and wording of harm that rules it out.
SAFE_CONCLUSION_RE = cue_re(
    r"\b(?:is|was|are|were|appears? to be|appeared to be|seems? to be|be) (?:\w+ )?(?:safe|"
    r"well[- ]tolerated)\b|\b(?:favou?rable|reasonable|acceptable|good|reassuring) safety "
    r"profile\b|\bsupports? (?:its|the|their) (?:\w+ )?safety\b|"
    # "no serious harm in this cohort"; "not associated with an increase in serious adverse events"
    r"\bno (?:serious|severe|major) (?:harms?|adverse (?:events?|effects?|reactions?))\b|"
    r"\bnot associated with (?:an? )?(?:increase|increased|higher|excess) (?:in |of )?(?:\w+ ){0,2}?"
    r"(?:adverse|harms?|toxicity)\b", _I
)
UNSAFE_RE = cue_re(
    r"\bunsafe\b|\bnot (?:safe|well tolerated)\b|\bpoorly tolerated\b|\bserious adverse\b|"
    r"\btoxicity\b", _I
)
# Case reports and series of an adverse reaction: the finding is harm.
_HARM_NOUNS = (
    r"(?:toxicity|urinary retention|panic attacks?|angioedema|injury|serotonin syndrome|withdrawal(?: syndrome)?|cystitis|glaucoma|hypertension|"
    r"error|reaction|failure|leukoencephalopathy|psychosis|seizures?|death|hepatitis|pancreatitis|"
    r"rhabdomyolysis|arrhythmia|overdose|poisoning|dependence|Stevens-Johnson|neuroleptic malignant|"
    r"myocarditis|pericarditis|anaphylaxis|rupture|necrosis|perforation|thrombosis|hepatotoxicity|nephrotoxicity|haemorrhage|"
    r"hemorrhage|bleeding|hyponatrae?mia|agranulocytosis|neutropenia|QT prolongation|delirium|"
    r"thyrotoxicosis|hyperthyroidism|hypothyroidism|infarction|stroke|paraplegia|tetraplegia|"
    r"abscess|meningitis|embolism|uropathy|urinary tract damage|dissection|osteonecrosis|"
    r"hallucinations?|(?:hypo)?mania|manic (?:episode|switch)|hair loss|alopecia|thrombocytopenia|"
    r"pancytopenia|leukopenia|urticaria|drug eruption|sleepwalking|somnambulism|parasomnias?|sleep paralysis|"
    # the side effects of low-dose naltrexone that case reports are written about
    r"nightmares|vivid dreams|insomnia|(?:severe|intractable|thunderclap|new[- ]onset|worsening) headaches?)"
)
ADVERSE_REACTION_TITLE_RE = cue_re(
    # "Paradoxical palmoplantar pustulosis during adalimumab therapy"
    rf"\bparadoxical\b[^.:;]{{0,60}}?\b(?:during|after|following|with|induced|associated)\b|"
    rf"\b{_HARM_NOUNS}\b[^.:;]{{0,60}}?\bduring\b[^.:;]{{0,40}}?\b(?:therapy|treatment|use|infusions?|"
    rf"injections?|administration|titration)\b|"
    rf"\b(?:induced|associated|related|complicating|following|after|caused by|due to)\b[^.:;]{{0,60}}?"
    rf"\b{_HARM_NOUNS}\b|\b{_HARM_NOUNS}\b[^.:;]{{0,60}}?\b(?:induced|associated|related|"
    rf"complicating|following|after|caused by|due to|with|triggered by|precipitated by|provoked by|taking)\b|"
    rf"-(?:induced|associated)\b|"
    # "Raynaud phenomenon with digital ulceration after starting erenumab" (a good outcome named
    # first, "Reduction in migraine frequency after starting erenumab", is GOOD_OUTCOME_TITLE_RE)
    rf"\b(?:after|following|on) (?:starting|initiating|initiation of|commencing|beginning|adding)\b",
    _I,
)
# A title about an outcome of treatment, not a harm: "Complete recovery from CRPS after ketamine".
GOOD_OUTCOME_TITLE_RE = cue_re(
    r"\b(?:recovery|remission|successful|success|improvement|improving|improved|resolving|resolution|relief|treatment of|"
    r"treated with|response|reductions?|reduced|normali[sz]\w+|healing|healed|weight loss|fewer|"
    r"decreas\w+|control of|controlled|disappearance|regression)\b|"
    # "Low-dose naltrexone for chronic pancreatitis pain after opioid withdrawal", "Scrambler
    # therapy for chemotherapy-induced neuropathy": a treatment for a condition, the harm word
    # only its setting or the condition's name
    r"^\W*(?:[\w()'/-]+ ){1,4}?for\b|"
    # "Oral naltrexone after opioid taper for suspected opioid-induced hyperalgesia": the induced
    # condition is what is treated
    r"\bfor (?:suspected |presumed |refractory |severe |chronic |persistent )?[\w-]+-(?:induced|associated|related) "
    r"\w+", _I
)
# A case report whose title states the treatment worked.
SUCCESS_TITLE_RE = cue_re(
    r"^(?:successful|effective)\b|\b(?:successfully treated|successful (?:treatment|management|use)|"
    r"(?:sustained|complete|lasting|rapid|dramatic|durable|marked) relief of|(?<!no )(?<!lack of )resolution of|"
    r"(?:complete |sustained )?remission (?:of|with|after|induced by)|responsive to|"
    # "Glossopharyngeal neuralgia refractory to carbamazepine controlled with low-dose naltrexone"
    r"(?:controlled|relieved|resolved|abolished) (?:with|by)|"
    r"(?:rapid|marked|dramatic|sustained|remarkable|striking|lasting) improvement (?:of|in)|"
    r"^\W*improvement of)\b", _I
)
# A drug or treatment named in a title (the cause an adverse-reaction report needs).
TREATMENT_TITLE_RE = cue_re(
    r"\b(?:drugs?|medications?|treatments?|therapy|vaccin\w+|abuse|compounded|dispensing|dose|blocks?|"
    r"an(?:a)?esthe\w+|course of|"
    r"injections?|infusions?|naltrexone|LDN)\b|\b[a-z]{3,}(?:mab|nib|ine|ide|ate|one|olol|pam|"
    r"cin|vir|pril|sartan|statin|azole|parin|afil|cycline|profen|oxacin|triptan|amide|sone|olone)\b",
    _I,
)
ADVERSE_REACTION_TEXT_RE = cue_re(
    r"\bNaranjo\b|\badverse drug reactions?\b|"
    # dechallenge and rechallenge: "Symptoms resolved within 10 days of stopping the drug and recurred on
    # a brief rechallenge"; "The capsules were stopped; symptoms resolved within four days"
    r"\b(?:recurred|reappeared|returned) (?:on|after|with) (?:a |the )?(?:[\w-]+ )?re-?challenge\b|\b(?:resolved|subsided|disappeared|abated|normali[sz]ed|reversed) (?:[\w-]+ ){0,4}?"
    r"(?:after|within [\w-]+ (?:days?|weeks?) of|on) (?:stopping|discontinu\w+|withdraw\w+|cessation)\b|"
    r"\b(?:was|were) (?:stopped|discontinued|withdrawn); (?:the )?(?:symptoms?|signs?|[\w-]+ (?:enzymes|levels)) "
    r"(?:resolved|subsided|disappeared|normali[sz]ed)\b", _I)
# "Better outcomes ..., but this difference was not clinically important": the whole finding fails.
NOT_IMPORTANT_DIFFERENCE_RE = cue_re(
    r"\b(?:this|the|these|such) (?:\w+ )?differences? (?:was|were|is|are) (?:\w+ )?not (?:clinically|"
    r"practically) (?:important|meaningful|relevant|significant|worthwhile)\b", _I
)
# Hedged wording: a later conclusion sentence with it does not outweigh a stated finding.
HEDGE_RE = cue_re(
    r"\b(?:may|might|could|possibly|potential(?:ly)?|likely|any|whether|hypothes\w+|encouraging|promising)\b", _I
)
# A benefit for a few ("a subset of patients responded", "a minority of individual responders"):
# beside a null average it is not the trial's result.
_SUBSET = (r"\b(?:a (?:small )?(?:subset|subgroup|minority|few|number)|a handful|some)\b(?: of)?(?: [\w-]+){0,3}? "
           r"(?:patients|participants|individuals|subjects|responders|people)\b|"
           # "although a minority appeared to benefit"
           r"\ba (?:small )?minority (?:appeared|seemed|may have|might have|may|might)\b|"
           # "although persistent users appeared to benefit": a subgroup's benefit, hedged
           r"\b(?:persistent|adherent|long-term|some|selected) (?:[\w-]+ )?(?:users|patients|participants) "
           r"(?:appeared|seemed) to (?:benefit|respond)\b")
SUBSET_BENEFIT_RE = cue_re(_SUBSET, _I)
# A concession that the primary failed, then a hedged claim for secondaries: "Although the primary end
# point was not met, the consistent improvements in secondary measures suggest that duloxetine may be
# effective" (a spun null)
PRIMARY_NOT_MET_CONCESSION_RE = cue_re(
    r"^\W*(?:although|though|while|despite the fact that)\b[^,;]*?\bprimary (?:efficacy )?(?:end ?points?|outcomes?)"
    r"(?: \w+)? (?:was|were) not (?:met|achieved|reached|significant)\b|"
    r"^\W*despite (?:not meeting|failing to meet|missing) (?:its|the) primary (?:end ?points?|outcomes?)\b", _I)
# "Although the difference did not reach statistical significance, the trend suggests LDN may help":
# a null comparison conceded, then only soft words (read with extract._SOFT_POSITIVE_RE after it)
NONSIGNIFICANT_CONCESSION_RE = cue_re(
    # (the conceded comparison is the main one, not "the improvement in sleep" or "the change in fatigue")
    r"^\W*(?:although|though|while|despite the fact that) (?:the )?(?:[\w-]+ )?(?:difference|reduction|effect|"
    r"improvement|change|trend|result|benefit)(?: in (?:pain|the primary [\w ]{1,30}?))? "
    r"(?:did not|does not|failed to) (?:reach|achieve|attain) (?:conventional |formal |statistical )?significance\b", _I)
# "the numerically greater pain reduction", "produced numerically greater improvements than placebo":
# a difference the authors themselves do not call significant
NUMERICAL_ONLY_RE = cue_re(r"\bnumerically (?:greater|larger|better|more|higher|lower|smaller)\b", _I)
# The trial's finding is the group's: "At the group level LDN did not clearly reduce CRPS pain, but a
# minority of patients appeared to respond", "Individualised trials can identify responders, but at
# group level the drug had no clear effect" (responders among the individuals are no finding).
GROUP_LEVEL_NULL_RE = cue_re(
    r"\b(?:at|on) (?:the )?group level\b,?[^.;]{0,60}?\b(?:no|not|did not|failed)\b|"
    r"\bgroup-level (?:benefit|effect|improvement)s? (?:was|were) (?:absent|lacking|not seen)\b|"
    r"\b(?:no|not|did not|failed)\b[^.;]{0,60}?\b(?:at|on) (?:the )?group level\b", _I)
# A concession beside a null comparison that claims no benefit of the treatment tested: "not
# superior to monotherapy, although both strategies appeared effective", "no advantage over
# amitriptyline, although it may be an alternative", "no direct effect; any benefit of LDN is
# unlikely to arise here".
CONCESSION_NOT_BENEFIT_RE = cue_re(
    r"\b(?:although|though|but|while|whereas|yet)\b[^.;]*?(?:"
    r"\b(?:both|either|all)\b(?: [\w-]+){0,2}? (?:strategies|interventions|treatments|groups|arms|"
    r"drugs|regimens|doses|approaches|therapies|procedures)\b|\bboth (?:were|improved|reduced)\b|"
    + _SUBSET + r"|"
    r"\b(?:may|might|could) (?:still )?(?:be|offer|represent|provide|remain) an? (?:[\w-]+ )?"
    r"(?:alternative|option)\b|"
    # "..., although a benefit at higher doses cannot be ruled out", "although the lower dose was
    # better tolerated" (a concession of tolerability, not of efficacy)
    r"\bcannot be (?:excluded|ruled out)\b|\b(?:better|well|less well) tolerated\b)[^.;]*|"
    r"\bany (?:benefits?|effects?|improvements?)\b[^.;]*|"
    # "the improvements seen during the uncontrolled extension should be interpreted with caution"
    r"\b(?:improvements?|benefits?|responses?|gains?)\b[^.;]{0,40}?\b(?:uncontrolled|open[- ]label) "
    r"(?:extension|phase|period|follow-up)\b[^.;]*", _I)
# The comparator's null beside the treatment's benefit: "reduced pain, whereas the placebo group
# showed no effect", "4.5 mg reduced pain, while 1.5 mg was ineffective", "strength training
# reduced neck pain, whereas general fitness training had little effect".
COMPARATOR_NULL_RE = cue_re(
    r"\b(?:whereas|while)\s+(?:(?:the|those in the|patients in the|participants in the) )?(?:"
    r"(?:placebo|sham|control|vehicle|usual[- ]care|waiting[- ]list|wait-?list|comparator)"
    r"(?: groups?| arms?| conditions?)?|"
    r"\d+(?:\.\d+)? ?(?:mg|\u00b5g|mcg|g)(?:/kg)?|(?:the )?(?:other|higher|lower|high|low) doses?|"
    r"(?:(?!(?:on|receiving|taking|with|during|after|under|in)\b)[\w-]+ ){1,3}?(?:training|therapy|exercise|"
    r"programmes?|programs?|education|advice))\b[^.;]*", _I)
# An equivalence or non-inferiority trial, whose hypothesis is that the treatment is as good as
# the comparator: "comparable efficacy" is then the result it set out to show.
EQUIVALENCE_TRIAL_RE = cue_re(
    r"\b(?:equivalence|non-?inferiority)\b(?: (?:trial|study|design|margin|analysis|comparison|"
    r"hypothesis|test))?|\bnon-?inferior\b", _I)
SIMILAR_EFFICACY_RE = cue_re(
    r"\b(?:non-?inferior|equivalent (?:to|in)|as effective as|no less effective|"
    r"(?:comparable|similar|equivalent) (?:efficacy|effectiveness|effects?|analgesi\w+|pain relief|"
    r"outcomes?|response rates?|improvements?|(?:pain )?reductions?)|(?:efficacy|effectiveness|effects?) (?:was |were )?"
    r"(?:comparable|similar|equivalent)|"
    # a safety non-inferiority trial: "Rates of thrombotic cardiovascular events ... are similar"
    r"(?:rates?|incidence|risks?) of (?:[\w-]+ ){0,4}?(?:events?|outcomes?)\b[^.;]{0,60}?\b(?:are|were|was|is) "
    r"(?:similar|comparable))\b", _I)
EQUIVALENCE_NOT_SHOWN_RE = cue_re(
    r"\bnot (?:been )?(?:shown|demonstrated|proven|established|confirmed)\b|\bcould not\b|"
    r"\bfail(?:ed|s)? to\b|\bnot (?:non-?inferior|equivalent)\b|"
    r"\binferior to\b(?<!non-inferior to)(?<!non inferior to)", _I)
# A later conclusion sentence that adds no benefit of the treatment to a stated null: the sham's
# own response ("The sizeable response to sham stimulation underlines ...") or a benefit that
# "cannot be excluded".
AFTERTHOUGHT_RE = cue_re(
    r"\b(?:response|responses|improvements?|effects?) (?:to|with|in|of) (?:the )?(?:sham|placebo)\b|"
    r"\bplacebo (?:responses?|effects?)\b|\bcannot be (?:excluded|ruled out)\b|"
    # "A possible benefit in people with more marked sensitisation needs confirmation."
    r"\bpossible (?:benefits?|effects?|improvements?)\b[^.;]*?\b(?:needs?|requires?|awaits?) confirmation\b", _I)
# A question left for later work states no finding: "larger trials should test whether any subgroup
# benefits", "although whether an effect of this size is clinically important is uncertain".
OPEN_QUESTION_RE = cue_re(
    r"\b(?:trials?|studies|research|work|investigations?)\s+(?:\w+\s+)?(?:should|must|could|will need to|"
    r"are needed to|is needed to|are warranted to|is warranted to)\s+(?:\w+\s+)?(?:test|determine|establish|"
    r"assess|examine|explore|clarify|confirm|show|investigate|evaluate|address)\w* (?:whether|if)\b[^.;]*|"
    r"\b(?:needed|required|warranted) to (?:test|determine|establish|assess|examine|explore|clarify|confirm|"
    r"show|investigate|evaluate|address)\w* (?:whether|if)\b[^.;]*|"
    r"\b(?:although|though|but|while|yet),? whether\b[^.;]*?\bclinically (?:important|meaningful|relevant|"
    r"worthwhile)\b[^.;]*?"
    r"\b(?:is|are|remains?) (?:uncertain|unclear|unknown)\b", _I)
# The certainty of a body of evidence (GRADE), not doubt about the direction of its effect.
CERTAINTY_GRADE_RE = cue_re(r"^low[- ]certainty$", _I)  # ("very low certainty" is doubt about it)
# Asides that name a positive word without claiming a benefit: "a high placebo response may have
# contributed", "600 mg/day gave no additional benefit" (over a dose that worked).
ASIDE_RE = cue_re(
    r"\b(?:high|large|strong|substantial) placebo (?:responses?|effects?)\b|"
    # "a literature dominated by favourable reports"; "N-of-1 trials are a practical way to test
    # individual benefit": others' findings, a method's use, not this study's benefit
    r"\b(?:literature|evidence|reports?) (?:dominated by|consisting (?:mostly |largely )?of) (?:\w+ )?(?:favou?rable|positive|"
    r"uncontrolled) (?:reports|results|findings|studies|observations)\b|"
    r"\b(?:way|tool|method|means|approach) (?:to|of|for) (?:test|assess|evaluat|identif|establish|determin)\w* "
    r"(?:\w+ ){0,2}?(?:benefits?|responses?|efficacy|effects?)\b|"
    # "..., challenging the notion that strenuous exercise is harmful": a belief the finding answers
    r"\b(?:challenging|contradicting|refuting|countering|dispelling) (?:the|a) (?:common |widespread |prevailing )?"
    r"(?:notion|belief|view|assumption|concern|fear|idea|perception) that\b[^.;]*|"
    # "favourable reports come from uncontrolled studies", "the favourable observational findings are
    # at high risk of bias": a dismissal of others' benefit, not one found
    r"\b(?:favou?rable|positive|encouraging) (?:[\w-]+ )?(?:findings|reports|results|observations|data|"
    r"evidence)\b[^.;]{0,30}?\b(?:comes?|came|are|were|is|was)(?: only)? (?:from|at (?:high|serious) risk|"
    r"based on|limited to|confined to)\b[^.;,]*|"
    # "Both groups improved to a similar degree": each group's change, no benefit of either treatment
    r"\b(?:both|all) (?:groups|arms)\b(?: \w+){0,2}? improved\b[^.;,]*|"
    # "The study was too small to exclude a modest benefit": a limitation
    r"\btoo (?:small|short|underpowered) to (?:exclude|detect|rule out|show|find)\b[^.;,]*|"
    # "five of the seven reported a 2-point fall in pain, one had no change": a single patient's null
    r"\b(?:one|a single|the (?:other|remaining) one|another)(?: (?:patient|participant|woman|man))? (?:had|showed|reported|"
    r"experienced|noticed) no change\b|"

    r"(?<=[;,] )\d+(?:\.\d+)?\s*mg(?:/d(?:ay)?| daily| per day)?\s+(?:gave|provided|offered|had|showed|"
    r"added) no (?:additional|further|extra|incremental) (?:benefit|efficacy|effect)\b"
    r"(?!\s+(?:over|to|than|compared|versus|vs|on|in|for|beyond)\b)", _I)
# Efficacy like an active drug's in a trial not built to show it: mixed, unless the sentence also
# states the treatment was better ("reduced pain more than amitriptyline and was as effective as it
# for sleep"). Not "72% as effective as 24 lessons" (a magnitude), "at least as effective", "not as
# effective", nor a dose, schedule, course or mode of the same treatment.
AS_EFFECTIVE_RE = cue_re(
    r"(?<!% )(?<!percent )(?<!at least )(?<!not )\bas effective as (?!(?:the )?(?:placebo|sham|control|vehicle)\b)"
    r"(?!(?:the |a |an )?(?:[\w-]+ ){0,2}?(?:doses?|dosing|regimens?|schedules?|courses?|formulations?|"
    r"sessions?|lessons?|in-person|face-to-face|delivery)\b)(?!(?:previously|in |those|that|reported|"
    r"expected)\b)", _I)
# "LDN was associated with pain relief comparable to gabapentinoids": as effective as an active
# treatment (mixed, as "as effective as" is), not similar to placebo (a null, NEGATIVE_RE)
COMPARABLE_TO_ACTIVE_RE = cue_re(
    r"\b(?:pain relief|relief|efficacy|effectiveness|analgesia|improvements?|benefits?|reductions? in pain) "
    r"(?:comparable|similar|equivalent) (?:to|with) (?!(?:that (?:of|with|in) |those (?:of|with|in) )?(?:the )?"
    r"(?:placebo|sham|control|vehicle|usual care|no treatment|waiting|wait-?list)\b)", _I)
BETTER_THAN_RE = cue_re(r"(?<!not )(?<!no )\b(?:more|better|greater) than\b|(?<!not )\bsuperior to\b|\boutperformed\b",
                        _I)
# Words that look positive but speak of safety, not efficacy.
SAFETY_ONLY_RE = cue_re(
    # "The incidence of adverse events was significantly higher in the pregabalin group": a harm,
    # never a benefit (the whole comparison goes, not only its subject)
    r"\b(?:adverse (?:events?|effects?|reactions?)|side[- ]effects?)\b[^.;]{0,40}?\b(?:was|were) "
    r"(?:significantly )?(?:higher|more (?:common|frequent)|greater|increased)\b|"
    r"\b(?:well[- ]tolerated|(?:better|less well|poorly|worse) tolerated|tolerab\w+|safe(?:ty)?|"
    r"side[- ]effects?|adverse (?:events?|effects?|"
    r"reactions?)|no serious)\b", _I
)
# Asides that name no benefit of the treatment, each read only when its words are in the sentence:
# "the improvement in both arms suggests a substantial nonspecific effect of the procedure";
# "these risks can be predicted, which could help guide clinical decision making" (a use of the
# findings, not a benefit)
# What a study could not look at, and who its people are, are no findings: "The study was
# descriptive and cannot address effectiveness"; "people with IBS whose symptoms do not improve with
# first-line treatments". (Patterns of their own, read only when their rare words are there: their
# gates would otherwise be common words.)
NOT_ADDRESSED_RE = cue_re(
    r"\b(?:cannot|can not|could not|was not designed to|were not designed to) (?:address|assess|establish|"
    r"determine|evaluate|examine|test) (?:the )?(?:[\w-]+ )?(?:effectiveness|efficacy|benefits?|causality|"
    r"clinical outcomes)\b[^.;,]*", _I)
WHO_DID_NOT_RESPOND_RE = cue_re(
    r"\b(?:whose|who) (?:[\w-]+ ){0,3}?(?:do|does|did|have|has|had) not (?:improved?|responded|respond|"
    r"benefit(?:ed)?|tolerated?)\b(?: (?:with|to|from|on) (?:[\w-]+ ){0,4}?(?:treatments?|therap(?:y|ies)|drugs?|"
    r"medications?|care|analgesics))?", _I)
BOTH_ARMS_IMPROVED_RE = cue_re(r"\b(?:the )?improvements? (?:seen )?in (?:both|all) (?:groups|arms)\b[^.;,]*", _I)
HELP_GUIDE_RE = cue_re(
    r"\bhelp(?:s|ed)? (?:to )?(?:guide|inform|identify|select|clinicians|prescribers|patients and clinicians|in (?:clinical )?"
    r"decision)[\w ]{0,30}", _I)
# A trial stopped because it could not show a benefit: "a randomized ... trial stopped early for futility"
FUTILITY_RE = cue_re(
    r"\b(?:stopped|terminated|halted|ended|discontinued)(?: early)?(?: for| because of| due to| on grounds of)"
    r" futility\b|\b(?:recommended|recommending) (?:stopping|termination|that the trial (?:be )?stop\w*) for futility\b|"
    r"\bfutility (?:boundary|threshold|criteria|criterion) (?:was |were )?(?:met|crossed|reached)\b", _I)
MIXED_RE = cue_re(
    # one dose of two worked: "Naltrexone 4.5 mg, but not 1.5 mg, reduced pain" (mixed for two of the
    # three labellers who met it), "only one of the two co-primary comparisons was met"
    # ("Nalbuphine ER 120 mg twice daily, but not 60 mg, reduced itch", "Naltrexone 4.5 mg, but not
    # lower doses, reduced monthly migraine days")
    r"\b\d+(?:\.\d+)?[\s-]*mg(?:/d(?:ay)?)?(?: dose)?(?: (?:once|twice|three times) (?:daily|a day|per day))?,? "
    r"but not (?:the )?(?:\d+(?:\.\d+)?[\s-]*mg(?:/d(?:ay)?)?(?: dose)?|(?:the )?(?:lower|higher|smaller|other) doses?)"
    r",?\s+(?:(?:significantly|also|\w+ly) )?(?:reduced|improved|relieved|decreased|lowered|increased|was (?:effective|"
    r"superior)|were (?:effective|superior)|produced|gave|showed|led)\b|"
    r"\b(?:only one of|(?:met|achieved|reached) (?:only )?one of) (?:the |its )?(?:two|three|four|\d) "
    r"(?:co-?)?primary (?:end ?points?|outcomes?|comparisons?|analyses|hypothes\w+)\b|"

    r"\bbut only\b|\bonly (?:\w+ ){0,3}?(?:was|were) (?:significantly|statistically)|"
    # one dose of several: "Only the 4.5-mg dose was superior to placebo", "Only the 450 mg/day arm
    # reduced the average pain score" (mixed for six of the seven labelled records with it)
    r"\bonly (?:the |at the |with the )?(?:highest |higher |top |largest |\d+(?:\.\d+)?[\s-]*mg(?:/d(?:ay)?)? )"
    r"(?:dose|doses|group|arm)(?: of \w+)?\s+(?:was|were|showed|reduced|improved|relieved|differed|separated|"
    r"produced|achieved|gave|lowered|decreased)\b|"
    # "significant but clinically marginal"; "a signal of benefit ... significant only in the
    # per-protocol analysis" (not in the intention-to-treat one)
    r"\bsignificant but clinically (?:marginal|small|modest|minor|trivial|unimportant)\b|"
    # "LDN may help night pain but not disease activity": one outcome of two
    r"\b(?:help|helps|helped|improv\w*|reduc\w*|reliev\w*|eased?)\b[^.;,]{1,40}?\bbut not\b"
    r"(?! (?:significantly|statistically|clinically|in|at|with|for|after|during)\b)|"

    # "Pain decreased more with naltrexone (P = 0.02), whereas fatigue did not (P = 0.44)"; "An
    # inverted dose-response was observed"
    r"\b(?:whereas|while|but) (?:[\w-]+ ){1,3}?did not(?=\s*[(,.;])|\binverted (?:u-shaped )?dose[- ]response\b|"
    r"\bsignificant only in the per[- ]protocol\b|"
    # a benefit bought with a harm: "at the cost of more adverse events" (mixed for 4 of the 6 labelled
    # records with it), "the arthropathy signal at higher doses", "failing one co-primary end point"
    # (not "at the cost of two extra clinic visits", "at the cost of only mild dreams", "no new safety signal")
    r"\bat the (?:cost|expense|price) of (?!only |minimal |mild )(?:[\w,%.-]+ ){0,10}?(?:adverse|side|harms?|toxicity|"
    r"damage|loss|risks?|events?|effects?|withdrawal|dissociation|infections?|bleeding|falls|nausea|dizziness|"
    r"somnolence|sedation|headaches?|injur\w+|complications?)\b|"
    # "improvements in pain and function, accompanied by more joint safety events" (mixed in all five
    # labelled records with it; not "pain accompanied by widespread pain", "accompanied by support")
    r"\b(?:improv\w*|reduc\w*|benefits?|relie\w*|effective)\b[^.;]{0,120}?\baccompanied by (?!only |minimal |mild |no )"
    r"(?:[\w,%/.-]+ ){0,8}?(?:adverse|side|harms?|toxicity|safety events?|joint replacements?|rapidly progressive|"
    r"psychiatric|infections?|bleeding|falls|withdrawals?|dropouts?)\b|"
    r"(?<!no )(?<!new )(?<!any )\b(?:arthropathy|safety|harm|toxicity) signal\b|"
    r"\bfail(?:ing|ed|s)? (?:(?:one|a|the other) (?:\w+ )?co-?primary|(?:one of (?:the|its|two|three) )(?:\w+ )?(?:co-?)?primary) "
    r"(?:end ?points?|outcomes?)\b|"
    r"\bsome but not all\b|\bmixed (?:results|findings|evidence)\b|"
    # "favourable uncontrolled observations contrast with a null randomised trial"; "the response
    # appears to vary between patients"
    r"\bcontrasts? with (?:an? |the )?(?:null|negative)\b|\b(?:appears?|seems?) to vary\b|"
    r"\b(?:variable|varying|inconsistent) (?:response|responses|effects?|benefit)\b|"
    # "Responses to LDN were inconsistent", "the response was therefore inconsistent"; a benefit
    # "in a minority of patients", "fewer than half improved"
    r"(?<!side )(?<!side-)(?<!adverse )\b(?:responses?|effects?|benefits?)\b[^.;]{0,50}?\b(?:was|were|is|are|remained|appears?)"
    r"(?: \w+){0,2}? (?:inconsistent|variable|heterogeneous|unpredictable)\b|"
    r"\b(?:improv\w+|benefit\w*|respon\w+|relie\w+|reduc\w+)\b[^.;]{0,80}?\b(?:in|for) (?:only )?a "
    r"minority of (?:[\w-]+ ){0,2}?(?:patients|participants|subjects|people)\b|"
    r"\b(?:helped|benefit(?:t)?ed|relieved|improved) (?:only )?a (?:small )?minority\b|"
    r"\b(?:fewer|less) than (?:half|one in \w+|a third)\b(?: of)?(?: [\w-]+){0,3}? "
    r"(?:improved|responded|benefit\w*)\b|"
    # "reduced residual pain but not fatigue"; "a small benefit, offset by more dropouts" (harms "at
    # the cost of" a benefit are labelled positive in two sets, so that phrase is left out);
    # "the evidence is limited and inconsistent"
    r"\b(?:improved|reduced|decreased|relieved|lowered|increased)\b[^.;]{0,60}?\bbut not (?!(?:the )?"
    r"(?:placebo|sham|vehicle|control|no[- ]treatment|usual care)\b)(?:\w+ ){0,2}?\w+|"
    r"\b(?:offset|outweighed) by\b|"
    r"\b(?:inconsistent|conflicting) (?:evidence|results|findings)\b|\b(?:evidence|results|findings) "
    r"(?:\w+ ){0,8}?(?:is|are|was|were) (?:\w+ )?(?:and )?(?:inconsistent|conflicting)\b|"
    # a benefit that faded while treated: "the early improvement was largely lost by 12 weeks" (not
    # side effects that wore off, nor a benefit lost "after withdrawal" or "once practice stopped",
    # which two labellers of three read as evidence of the benefit)
    r"(?<!side )(?<!side-)(?<!adverse )\b(?:improvements?|benefits?|effects?|responses?|gains?|relief|"
    r"differences?)\b[^.;]{0,60}?\b(?:(?:was|were|had been) (?:\w+ )?lost|waned|faded|wore off|dissipated)\b"
    r"(?![^.;]{0,40}?\b(?:after (?:the )?(?:\w+ )?(?:withdrawal|stopping|discontinu\w+|cessation|the end of)|"
    r"once|when|after (?:\w+ ){0,3}?(?:stopped|ended|withdrawn)))|"
    # "small short-term benefits over general exercise that do not last" (its own literal, so that the
    # gate of this pattern stays selective)
    r"\b(?:benefits?|improvements?|effects?|gains?|relief)\b[^.;]{0,60}?\b(?:that|which) (?:do not last|"
    r"did not last|does not last|did not persist|do not persist)\b|"
    # "improved after ketamine but not after placebo" is a benefit over placebo, not a mixed result
    r"\bbut not (?:clearly |significantly |consistently )?(?:on|for|in|with|of|at|after|during)\b(?! (?:the )?(?:placebo|sham|vehicle|control|"
    r"no[- ]treatment)\b)|\bbut not (?:more|significantly more|better|superior)\b|"
    r"\b(?:positive |non-?significant )?trends? "
    r"(?:toward|towards|to|for)\b|"
    r"\bdespite (?:a |the )?(?:\w+ )?(?:non-?significant|negative|null)\b|"
    r"\b(?:a|one|some) subgroups? (?:of|with)\b|"
    # efficacy like an active drug's: no worse, not shown better than placebo
    r"\b(?:efficacy|effect(?:iveness)?|effective) (?:was )?(?:similar|comparable|equivalent) "
    r"(?:to|with) (?!(?:that of )?(?:placebo|sham|control|no treatment|usual care))|"
    r"\b(?:similar|comparable|equivalent) (?:efficacy|effectiveness) (?:to|as|with) "
    r"(?!(?:that of )?(?:placebo|sham|control|no treatment|usual care))|"
    r"\b(?:was|were) (?:\w+ )?(?:similar|comparable|equivalent) (?:to|with) (?!(?:that of |those of )?"
    r"(?:the )?(?:placebo|sham|control|no treatment|usual care|baseline|vehicle|those|that|two|both|"
    r"three|all|each other|improvements?|changes?|results?|outcomes?)\b)", _I
)
UNCLEAR_RE = cue_re(
    r"\bnot clear whether\b|\bunclear (?:whether|if)\b|\binconclusive\b|\binsufficient evidence\b|"
    r"\b(?:very )?low[- ]certainty\b(?! evidence suggests)|\buncertain (?:whether|if)\b|"
    r"\bcannot (?:be )?(?:determine|conclude)|\bevidence (?:is|was|remains) (?:\w+ )?(?:insufficient|"
    r"inconclusive)\b|\binsufficient to determine\b", _I
)
# A limitation of the design: "Without a control group, the contribution of each component cannot
# be determined". Beside a stated finding it qualifies the method, not the result.
LIMITATION_RE = cue_re(
    r"^\W*(?:without (?:a |any )?(?:control|comparison|comparator|placebo|randomi)|because (?:of )?"
    r"(?:the |this |its )?(?:small|uncontrolled|open|lack|absence|retrospective|observational|design)|"
    r"given the (?:small|uncontrolled|open|observational|retrospective|design)|as (?:an? |the )?"
    r"(?:uncontrolled|open-label|observational|small|retrospective))|\bthe contribution of\b", _I)
FEASIBILITY_RE = cue_re(r"\bfeasib\w+|\bacceptab\w+|\brecruitment rates?\b", _I)
CLAUSE_BREAK_RE = cue_re(r"[,;:]|\b(?:but|whereas|although|while|however|yet)\b", _I)
# Breaks that end a clause for certain (a comma may sit inside a noun phrase).
STRONG_CLAUSE_BREAK_RE = cue_re(r"[;:]|\b(?:but|whereas|although|while|however|yet)\b", _I)
CONCLUSION_CUE_RE = cue_re(
    r"\b(?:conclude[sd]?|conclusions?|in summary|overall|taken together|these (?:data|results|"
    r"findings|observations)|our (?:data|results|findings)|suggests? that|we found|"
    r"the authors (?:suggest|propose|argue|consider))\b", _I
)
# Treatments or exposures to one: without any, an observational study reports no treatment result.
TREATMENT_WORD_RE = cue_re(
    r"\b(?:treat\w*|therap\w*|drugs?|medications?|medicines?|interventions?|prescri\w+|dos(?:e|es|ing)|"
    r"surgery|surgical|exercise|supplement\w*|vaccin\w+|injections?|infusions?|users?|exposure|"
    r"exposed|naltrexone|LDN|opioids?|analgesi\w+|programmes?|programs?|efficacy|effectiveness|"
    r"effects? of|benefits?)\b", _I
)
# A title naming a treatment's effect ("Efficacy of ...", "Low-dose Naltrexone and Opioid
# Consumption"): a descriptive word beside it ("predictors", "utilization") does not make the study
# purely descriptive.
TITLE_INTERVENTION_RE = cue_re(
    r"\b(?:efficacy|effectiveness|effects? (?:of|on)|benefits?|naltrexone|LDN|treatment with|"
    r"treated with|therapy for|for (?:the )?(?:treatment|management) of|medications? for|"
    r"receipt of)\b", _I
)
# A conclusion about risk or occurrence, and one about a treatment's effect: an observational study
# whose title names no treatment and whose conclusion speaks only of the first has no result.
ASSOCIATION_RE = cue_re(
    r"\bassociat\w+|\brisks?\b|\bodds\b|\bhazards?\b|\bcommon\b|\bprevalen\w+|\bincidence\b|"
    r"\bpredict\w*|\bpercentage\b|\bproportion\b", _I
)
EFFICACY_RE = cue_re(
    r"(?<!need for )(?<!call for )\b(?:effective|efficacy|effectiveness|improv\w+|benefit\w*|relie\w+|"
    r"alleviat\w+|remission|respon(?:se|ded|ders))\b(?! (?:pain )?management)|"
    r"\bassociated with (?:a |an )?(?:\w+ )?(?:reductions?|decreases?|lower|improvements?|fewer)\b", _I
)
# A treatment's harm found in an observational study: "tapering was associated with an increased
# incidence of overdose", "gabapentinoid initiation was associated with a higher risk of falls".
HARM_ASSOCIATION_RE = cue_re(
    # "Patients receiving higher doses of prescribed opioids are at increased risk for overdose"
    r"\b(?:are|is|were|was|be) at (?:an? )?(?:significantly |substantially )?(?:increased|higher|greater|elevated|"
    r"excess) risk (?:of|for)\b|"
    r"\b(?:associated with|led to|carried|conferred|linked to) (?:an? |the )?(?:[\w-]+ ){0,3}?(?:increased|"
    r"higher|greater|elevated|excess|raised) (?:adjusted )?(?:risks?|odds|hazards?|rates?|incidence|"
    r"mortality)\b(?!" + _GOOD_OUTCOME_AFTER + r")|"
    # "was associated with increased acute care use and overdose", "with more emergency department visits"
    r"\b(?:associated with|led to|linked to) (?:an? )?(?:increased|higher|more|excess) (?:[\w-]+ ){0,2}?"
    r"(?:overdoses?|deaths|falls|fractures|hospitali[sz]ations|admissions|emergency (?:department )?visits|"
    r"acute care use|suicides?)\b|"
    # "associated with about twice the risk of kidney stones", "with a clinically relevant increase
    # in the risk of hospitalisation"
    r"\b(?:associated with|led to|carried|conferred|linked to) (?:about |approximately |nearly |almost |"
    r"roughly |more than |an? )?(?:twice|double|two-fold|twofold|three times|(?:\d+(?:\.\d+)?)[- ]?fold) "
    r"(?:the |an? )?(?:[\w-]+ )?(?:risks?|odds|hazards?|rates?|incidence)\b(?!" + _GOOD_OUTCOME_AFTER + r")|"
    r"\b(?:associated with|led to) (?:an? |the )?(?:[\w-]+ ){0,3}?(?:increase|rise) in (?:the )?"
    r"(?:risks?|odds|hazards?|rates?|incidence)\b(?!" + _GOOD_OUTCOME_AFTER + r")|"
    # ("higher rates of steroid-free remission" is a benefit)
    r"\b(?:increased|raised|elevated) (?:the )?(?:risks?|odds|incidence) of\b", _I
)
# "lower" as a direction, not anatomy ("lower urinary tract symptoms", "lower back pain").
_LOWER = r"lower\w*(?! (?:urinary|back|limbs?|extremit\w+|legs?|abdominal|gastrointestinal|GI|respiratory|tract))"
# Words that make a rise good news ("higher response rates", "an increase in abstinence").
_GOOD_WORDS = (r"(?:remission|response|responders?|recovery|survival|improvement|abstinence|retention|healing|"
               r"relief|quality|function\w*|adherence|persistence|employment|return|[\w-]*sparing)")
# More ways a risk study states the harm it found, read only for observational studies and reviews
# of a named treatment's risks (extract._risk_finding): "associated with a 27% relative increase
# in fall-related injuries", "poses a cardiovascular risk", "was followed by a higher short-term
# overdose risk", "the rate of skin infections was increased".
RISK_HARM_RE = cue_re(
    r"\b(?:associated with|led to|followed by|resulted in) (?:an? |the )?(?:[\w%.-]+ ){0,3}?(?:increase|rise|excess) "
    r"in (?!(?:the )?(?:[\w-]+ ){0,2}?(?:" + _GOOD_WORDS + r"|(?:use|uptake|prescri\w+|sales|dispens\w+|interest|"
    r"demand|awareness|knowledge)\b(?! disorder)))|"
    r"\b(?:associated with|led to|followed by|carried|conferred|linked to|had) (?:an? |the )?(?:[\w%.-]+ ){0,2}?"
    r"(?:increased|higher|greater|elevated|excess|raised) (?:(?!" + _GOOD_WORDS + r"\b)[\w-]+ ){0,2}?"
    r"(?:risks?|odds|hazards?|rates?|incidence)\b(?!" + _GOOD_OUTCOME_AFTER + r")|"
    r"\b(?:poses?|posed|carries) (?:an? |the )?(?:[\w-]+ ){0,2}?risks?\b|"
    # "but a possible association with cardiac defects"
    r"\b(?:possible|probable) associations? (?:with|of)\b|"
    # "prescription opioid exposure was a strong risk factor for incident opioid use disorders"
    r"\b(?:was|were|is|are) (?:an? |the )?(?:strong |major |significant |important |independent |key |main )?"
    r"risk factors? for\b|"
    # "Gabapentinoid harms are frequent, dose-related and lead to discontinuation"
    r"\b(?:harms?|adverse (?:events?|effects?|reactions?)|side[- ]effects?) (?:are|were|was|is) (?:\w+ )?"
    r"(?:frequent|common|increased|more (?:frequent|common))\b|"
    r"\b(?:risks?|rates?|odds|incidence) (?:of (?:(?!" + _GOOD_WORDS + r"\b)[\w-]+ ){1,6}?)?(?:was|were|is|are) "
    r"(?:\w+ ){0,2}?(?:increased|higher|elevated|raised)\b", _I
)
# "X use was associated with new-onset insomnia": an association named without a direction (in a
# risk study, the outcome studied is the harm); direction words are left to the patterns above.
RISK_BARE_ASSOCIATION_RE = cue_re(
    r"(?<!not )(?<!never )\b(?:was|were|is|are|been) (?:\w+ )?associated with (?!(?:an? |the )?(?:[\w-]+ ){0,2}?"
    r"(?:increas\w*|higher|greater|more|elevated|excess|raised|rises?|twice|double|\w+-?fold|three|no|any|"
    r"either|neither)\b)(?![^.;,]{0,60}?\b(?:reduc\w*|decreas\w*|declin\w*|" + _LOWER + r"|improv\w*|fewer|less|better|"
    r"smaller|similar|comparable|benefit\w*|times|odds of|likel\w*|chances?|" + _GOOD_WORDS + r")\b)", _I
)
# The harm looked for was not found: "was not associated with demyelinating events", "no increase
# in the risk of ischaemic stroke", "not associated with an increased short-term risk".
RISK_NO_HARM_RE = cue_re(
    r"\b(?:not|never) (?:\w+ )?associated with (?!(?:an? |the )?(?:[\w-]+ ){0,2}?(?:reduc\w*|decreas\w*|declin\w*|"
    + _LOWER + r"|improv\w*|fewer|less|better|benefit\w*|stopping|discontinu\w+|cessation|quitting|tapering|"
    + _GOOD_WORDS + r")\b)|"
    r"\bno (?:\w+ )?(?:increase|rise|excess) in (?:the )?(?:[\w-]+ )?(?:risks?|odds|rates?|incidence)\b|"
    r"\bno (?:significant |clear |statistically significant )?association (?:between|with|of)\b|"
    r"\bno (?:increased|excess|higher|elevated) (?:[\w-]+ )?(?:risks?|odds|rates?|incidence)\b|"
    r"\bdid not (?:increase|raise) (?:the )?(?!" + _GOOD_WORDS + r"\b)(?:[\w-]+ )?(?:risks?|odds|rates?|incidence)\b|"
    # "No association was found between triptan use and ...", "we did not find an association"
    r"\bno (?:significant |clear )?association (?:was|were) (?:found|observed|seen)\b|"
    r"\bdid not find (?:an? |any )?(?:significant )?(?:association|increase)\b|"
    r"\bno evidence (?:that|of) (?:[\w-]+ ){0,4}?(?:increases?|raises?|increased) (?:the )?risk\b", _I
)
# A protective association: "associated with a modestly lower 5-year risk of MACE".
RISK_BENEFIT_RE = cue_re(
    r"(?<!not )(?<!never )\b(?:associated with|led to|followed by) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:reduc\w+|decreas\w+|" + _LOWER + r"|"
    r"fewer|less) (?:[\w-]+ ){0,3}?(?:risks?|odds|hazards?|rates?|incidence|mortality|events?)\b", _I
)
# Drug classes a risk study's title names ("Janus kinase inhibitors versus biologic DMARDs and
# risk of herpes zoster", "The comparative safety of analgesics").
DRUG_CLASS_TITLE_RE = cue_re(
    r"\banti-(?:TNF|tumou?r necrosis|[A-Z]{2,}\w*)|\b(?:inhibitors?|blockers?|antagonists?|agonists?|biologics?|biological|DMARDs?|NSAIDs?|coxibs?|"
    r"analgesics?|antidepressants?|anticonvulsants?|antiepileptics?|antipsychotics?|benzodiazepines?|"
    r"gabapentinoids?|opioids?|steroids?|corticosteroids?|glucocorticoids?|antibodies|antibiotics?|"
    r"statins?|triptans?|vaccines?|PPIs?|implants?|stimulators?|stimulation|arthroplasty|spinal fusion)\b",
    _I
)
PHARMACOKINETIC_RE = cue_re(r"\bpharmacokinetics?\b|\bbioavailability\b|\bbioequivalence\b", _I)
# Titles of studies that describe, not test, a treatment: no efficacy result to read.
DESCRIPTIVE_TITLE_RE = cue_re(
    r"\b(?:incidence|prevalence|predictive factors|predictors|risk (?:factors|markers)|"
    r"utili[sz]ation|prescribing|characteristics|symptom reporting|trends?|patterns of use|"
    r"burden|epidemiolog(?:y|ical studies)|in the general population|risk of|and (?:the )?risk|association (?:of|between)|associated with|"
    r"pharmacokinetics?|bioavailability|bioequivalence|what percentage|proportion of|how often|"
    r"how common|frequency of|"
    r"mortality|overdose)\b", _I
)

# --- p-values -------------------------------------------------------------------------------------

# "p = 0,46" is a decimal comma (German, French, Portuguese, Spanish abstracts), not "p = 0".

P_VALUE_RE = cue_re(
    r"\b[Pp](?:[- ]?value)?\s*(?P<op>[<>=\u2264\u2265]|&lt;|&gt;|:)\s*(?P<num>0?\.\d+|0,\d+|[01](?:\.\d+)?"
    r"(?:\s*[x\u00d7]\s*10\s*[-\u2212]\s*\d+)?|\d\.\d+e-\d+)"
)
