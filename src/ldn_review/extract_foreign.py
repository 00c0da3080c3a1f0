"""Head counts, treatment time and trial design in Spanish, Portuguese, German, French, Italian and
Dutch abstracts (and Polish counts and courses written in digits).

PubMed keeps some records with an abstract in the article's own language only. The English rules
find no count or course in "Se incluyeron cuarenta y cinco mujeres que recibieron naltrexona 4,5
mg/día durante 3 meses" or "Siebenundzwanzig Patienten ... erhielten LDN ... über 12 Wochen", so
:func:`ldn_review.extract.extract_study` asks this module only for a record whose language is
not English and only when the English rules found nothing: English records cannot change.

The rules are deliberately few: a number (digits, or number words up to 99) before a word for
patients or participants, not completers, the screened or events in brackets; a number before a
unit of time after "durante", "über", "pendant" and their kin, "after N months of treatment", or a
course "until week 16" ("jusqu'à la douzième semaine", "até à semana 16", "fino al terzo mese"); and, where the English
rules found no design, a randomised trial ("ensayo clínico aleatorizado", not a review's "ensayos
aleatorizados"), its masking ("doble ciego") or a retrospective series ("estudio retrospectivo").
Where the English rules found no direction in an abstract that is not itself English, the
conclusion's own words give the result: a negation first ("no fue superior", "kein signifikanter
Unterschied"), then a benefit or a hedged option ("podría ser una alternativa", "semble utile").
"""

from __future__ import annotations

import re

from .extract_text import Sentence, fold

# Number words up to 99 in five languages, without accents (the text is folded before matching).
_UNITS = {
    # Spanish / Portuguese
    "un": 1, "uno": 1, "una": 1, "um": 1, "uma": 1, "dos": 2, "dois": 2, "duas": 2, "tres": 3,
    "cuatro": 4, "quatro": 4, "cinco": 5, "seis": 6, "siete": 7, "sete": 7, "ocho": 8, "oito": 8,
    "nueve": 9, "nove": 9, "diez": 10, "dez": 10, "once": 11, "onze": 11, "doce": 12, "doze": 12,
    "trece": 13, "treze": 13, "catorce": 14, "catorze": 14, "quatorze": 14, "quince": 15,
    "quinze": 15, "dieciseis": 16, "dezesseis": 16, "dezasseis": 16, "diecisiete": 17,
    "dezessete": 17, "dezassete": 17, "dieciocho": 18, "dezoito": 18, "diecinueve": 19,
    "dezenove": 19, "dezanove": 19, "veinte": 20, "vinte": 20, "veintiun": 21, "veintiuno": 21,
    "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    # German
    "ein": 1, "eine": 1, "einen": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12,
    "dreizehn": 13, "vierzehn": 14, "funfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19,
    # French
    "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "douze": 12, "treize": 13, "seize": 16,
    # Italian ("uno", "una", "cinque", "sette", "nove" are above or below; compounds are fused: below)
    "due": 2, "tre": 3, "quattro": 4, "sei": 6, "otto": 8, "dieci": 10, "undici": 11,
    "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17,
    "diciotto": 18, "diciannove": 19,
}  # fmt: skip
# Dutch ("vierenzestig" = vier + en + zestig is read below)
_UNITS.update({"twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10,
               "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
               "achttien": 18, "negentien": 19})
_DUTCH_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
               "tachtig": 80, "negentig": 90}
_DUTCH_TENS_RE = "|".join(_DUTCH_TENS)
_ITALIAN_TENS = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
                 "settanta": 70, "ottanta": 80, "novanta": 90}
_ITALIAN_UNITS = {"uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
                  "otto": 8, "nove": 9}
# "ventisei", "trentadue"; the tens lose their vowel before uno and otto ("ventuno", "trentotto")
_UNITS.update({(tens[:-1] if unit in ("uno", "otto") else tens) + unit: t + u
               for tens, t in _ITALIAN_TENS.items() for unit, u in _ITALIAN_UNITS.items()})
_UNITS.update({"cinque": 5, "sette": 7})
_TENS = {
    "treinta": 30, "trinta": 30, "cuarenta": 40, "quarenta": 40, "cincuenta": 50, "cinquenta": 50,
    "sesenta": 60, "sessenta": 60, "setenta": 70, "ochenta": 80, "oitenta": 80, "noventa": 90,
    "zwanzig": 20, "dreissig": 30, "dreizig": 30, "vierzig": 40, "funfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    **_ITALIAN_TENS,
    **_DUTCH_TENS,
}  # fmt: skip
_WORD = "|".join(sorted({*_UNITS, *_TENS}, key=len, reverse=True))
# "cuarenta y cinco", "trinta e dois", "trente et un", "vingt-six", "siebenundzwanzig"
_NUMBER = rf"\d{{1,3}}(?:[ .]\d{{3}})*|(?:{_WORD})(?:(?:[ -](?:y|e|et)[ -]|-|und|en)(?:{_WORD}))?"
_PEOPLE = (
    r"pacientes|pacientas|participantes|mujeres|hombres|adultos|adultas|enfermos|enfermas|ninos|"
    r"doentes|pessoas|mulheres|homens|adolescentes|individuos|sujetos|sujeitos|"
    r"patienten|patientinnen(?: und patienten)?|teilnehmer(?:innen)?|teilnehmende|frauen|manner|"
    r"probanden|erwachsene|kinder|behandelte|behandelten|personen|versicherte|"
    r"patients|patientes|femmes|hommes|sujets|malades|enfants|personnes|"
    r"personer|pasienter|kvinner|menn|deltakere|"
    r"pazienti|partecipanti|soggetti|donne|uomini|adulti|bambini|persone|"
    r"deelnemers|vrouwen|mannen|volwassenen|"
    # Polish (digits only: its number words decline)
    r"chorych|pacjentow|pacjentek|osob|kobiet|mezczyzn|uczestnikow|doroslych"
)
_COUNT_RE = re.compile(
    rf"(?<![\w.,/-])(?P<num>{_NUMBER})\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{_PEOPLE})\b", re.I
)
# Completers, responders and the like are a subset, not who took part.
_SUBSET_RE = re.compile(
    r"\b(?:completaron|completaram|terminaron|concluiram|finalizaron|beendeten|abgeschlossen|"
    r"vollstandig|ont termine|ont acheve|evaluables|avaliaveis|auswertbar|respondieron|responderam|"
    r"abandonaron|abandonaram|abbrachen|arreterent|ont arrete|excluidos|ausgeschlossen|exclus|"
    r"completato|completati|terminato|sospeso|esclusi|ukonczyl\w*|przerwal\w*|wykluczono)\b",
    re.I,
)
_UNIT_WEEKS = {
    "semana": 1.0, "semanas": 1.0, "mes": 4.345, "meses": 4.345, "dia": 1 / 7, "dias": 1 / 7,
    "woche": 1.0, "wochen": 1.0, "monat": 4.345, "monate": 4.345, "monaten": 4.345, "tag": 1 / 7,
    "tage": 1 / 7, "tagen": 1 / 7, "semaine": 1.0, "semaines": 1.0, "mois": 4.345, "jour": 1 / 7,
    "jours": 1 / 7,
    "settimana": 1.0, "settimane": 1.0, "mese": 4.345, "mesi": 4.345, "giorno": 1 / 7, "giorni": 1 / 7,
    "week": 1.0, "weken": 1.0, "maand": 4.345, "maanden": 4.345, "dag": 1 / 7, "dagen": 1 / 7,
    "tydzien": 1.0, "tygodnie": 1.0, "tygodni": 1.0, "miesiac": 4.345, "miesiace": 4.345,
    "miesiecy": 4.345, "dni": 1 / 7,
}  # fmt: skip
_UNIT = "|".join(sorted(_UNIT_WEEKS, key=len, reverse=True))
_DURATION_RE = re.compile(
    rf"\b(?:durante|por|uber|fur|wahrend|pendant|sur|per|przez|gedurende|"
    # "Die mediane Einnahmedauer betrug 14 Wochen", "La duree mediane de traitement etait de 5 mois"
    rf"(?:behandlungs|einnahme|therapie)dauer (?:betrug|war|lag bei)|"
    rf"duree (?:\w+ )?de (?:traitement|la therapie|therapie) (?:\w+ )?(?:etait de|a ete de|de)|"
    rf"duracion (?:\w+ )?del tratamiento (?:\w+ )?(?:fue de|era de|de)|"
    rf"durata (?:\w+ )?del trattamento (?:\w+ )?(?:e stata di|era di|di)|"
    rf"duracao (?:\w+ )?do tratamento (?:\w+ )?(?:foi de|era de|de)|"
    # "pour une duree prevue de huit semaines"
    rf"(?:une )?duree (?:prevue |totale |planifiee )?de|"
    # "A las 12 semanas de tratamiento la EVA habia descendido", "au bout de 8 semaines de traitement"
    rf"(?:tras|despues de|apos|depois de|nach|apres|dopo|na|a las|a los|al cabo de|au bout de|ao fim de)(?= "
    rf"(?:{_NUMBER}) (?:{_UNIT})\b (?:de (?:tratamiento|tratamento|traitement|terapia)|behandlung|behandeling|di (?:terapia|trattamento))))"
    rf"(?: insgesamt| jeweils| un total de| um total de| almeno| al menos| pelo menos| au moins| mindestens)? (?P<num>{_NUMBER}) (?P<unit>{_UNIT})\b",
    re.I,
)
# Not a course: follow-up ("durante el seguimiento de 6 meses"), a titration ("über 3 Wochen
# gesteigert", "aumentada durante dos semanas"), how long a benefit lasted ("un alivio ... durante
# cuatro semanas o más", "eine über 12 Monate anhaltende Verbesserung").
_FOLLOW_UP_RE = re.compile(r"\b(?:seguimiento|seguimento|nachbeobachtung|suivi|follow-up|osservazione|"
                           r"obserwacji)\b", re.I)
_TITRATION_AFTER_RE = re.compile(
    r"^\W{0,3}(?:\w+ ){0,1}?(?:gesteigert|aufdosiert|auftitriert|titriert|erhoht|anhaltend\w*)\b",
    re.I,
)
_TITRATION_BEFORE_RE = re.compile(
    r"\b(?:aumentad[ao]|aumento|augmentee|titulad[ao]|titration|incrementad[ao])\W{0,3}$", re.I
)
_BENEFIT_BEFORE_RE = re.compile(
    r"\b(?:alivio|mejoria|respuesta|melhora|linderung|soulagement|amelioration|sostenid[ao]|mantenid[ao]|"
    r"duradour[ao])\b",
    re.I,
)


def parse_foreign_number(text: str) -> int | None:
    """An integer written in digits ("3 604", "1.247") or in number words of the five languages."""
    t = fold(text).strip()
    if t[:1].isdigit():
        digits = re.sub(r"[ .]", "", t)
        return int(digits) if digits.isdigit() else None
    parts = [p for p in re.split(r"[ -](?:y|e|et)[ -]|-|und|(?<=[a-z])en(?=(?:" + _DUTCH_TENS_RE + r")$)", t) if p]
    if len(parts) == 1:
        return _UNITS.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2:
        a, b = parts
        if a in _TENS and b in _UNITS:  # "cuarenta y cinco", "vingt-six"
            return _TENS[a] + _UNITS[b]
        if a in _UNITS and b in _TENS and ("und" in t or b in _DUTCH_TENS):  # "siebenundzwanzig", "vierenzestig"
            return _UNITS[a] + _TENS[b]
    return None


_RATIO_BEFORE_RE = re.compile(r"\b(?:de cada|cada|em cada|jede[rnms]?|chaque|ogni)\s+$", re.I)
# "Se incluyeron 1.208 casos y 2.416 controles": a case-control study's two groups, summed
_CASES_AND_CONTROLS_RE = re.compile(
    rf"(?<![\w.,/-])(?P<a>{_NUMBER})\s+(?:casos|cas|falle|fallen|casi|przypadkow)\s+(?:y|e|et|und|i)\s+"
    rf"(?P<b>{_NUMBER})\s+(?:controles|controlos|temoins|kontrollen|kontrollpersonen|controlli|kontroli)\b",
    re.I,
)


_DENOMINATOR_BEFORE_RE = re.compile(r"\b(?:von|de|di|sur|em|en|z|su)\s+$", re.I)
_SCREENED_BEFORE_RE = re.compile(
    r"\b(?:se cribaron|cribad[oa]s|se evaluaron|foram triad[oa]s|triad[oa]s|gescreent|wurden gescreent|"
    r"ont ete selectionnes|ont ete examines|sono stati valutati|screenati|gescreend)\s+(?:\w+\s+)?$", re.I)
_SCREENED_AFTER_RE = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:fueron cribad|foram triad|wurden gescreent|ont ete selectionn|sono stati valutati|"
    r"werden gescreend)", re.I)
_SHARE_AFTER_RE = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*%")
# "Ventidue pazienti sono stati arruolati e diciannove hanno completato": the enrolled, then completers
_COUNT_THEN_ENROLLED_RE = re.compile(
    rf"(?<![\w.,/-])(?:{_NUMBER})\s+(?:[a-z-]+\s+){{0,2}}?(?:{_PEOPLE})\b[^,;.]{{0,25}}?"
    r"\b(?:arruolat[ie]|inclus[ie]|reclutat[ie]|incluid[oa]s|reclutad[oa]s|incluid[oa]s|inclu[sa]s?|"
    r"eingeschlossen|aufgenommen|rekrutiert|inclus(?:es)?|recrute(?:e|s|es)?)\b",
    re.I,
)


def foreign_count(sentences: list[Sentence]) -> tuple[int, Sentence] | None:
    """The first head count of the sentences, outside sentences about completers and dropouts."""
    for s in sentences:
        text = fold(s.text)
        if _SUBSET_RE.search(text) and not _COUNT_THEN_ENROLLED_RE.search(text):
            continue
        pair = _CASES_AND_CONTROLS_RE.search(text)
        if pair:
            a, b = parse_foreign_number(pair.group("a")), parse_foreign_number(pair.group("b"))
            if a and b:
                return a + b, s
        for m in _COUNT_RE.finditer(text):
            if _RATIO_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Uno de cada 3 pacientes": a share, not a count
            if text[max(0, m.start() - 1):m.start()] == "(" or (
                    _SHARE_AFTER_RE.match(text, m.end())
                    and not _DENOMINATOR_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())):
                # "sogni vividi (5 pazienti)", "11 patients (42 %)": events, not the sample (but "21
                # von 53 Behandelten (40 %)" names the sample)
                continue
            if _SUBSET_RE.search(text) and not _COUNT_THEN_ENROLLED_RE.match(text, m.start()):
                continue  # in a sentence about completers, only a count that was enrolled
            if _SCREENED_BEFORE_RE.search(text, max(0, m.start() - 25), m.start()) or \
                    _SCREENED_AFTER_RE.match(text, m.end()):
                # "Se cribaron 71 pacientes y se aleatorizaron cuarenta y seis mujeres": the screened
                later = _COUNT_RE.search(text, m.end())
                if later is not None and (value := parse_foreign_number(later.group("num"))):
                    return value, s
                continue
            value = parse_foreign_number(m.group("num"))
            if value and value < 2_000_000 and not 1900 <= value <= 2100:
                return value, s
    return None


_ASSESSED_BEFORE_RE = re.compile(
    r"\b(?:evaluad[oa]s?|valutat[ie]|avaliad[oa]s?|evalue(?:e|s|es)?|suivi[es]?|seguid[oa]s?|bewertet|"
    r"nachbeobachtet|beoordeeld|gevolgd|osservat[ie])\b[^.;]{0,10}$", re.I)
_ORDINALS = {"quatrieme": 4, "sixieme": 6, "huitieme": 8, "dixieme": 10, "douzieme": 12, "seizieme": 16,
             "vingt-quatrieme": 24, "tercer": 3, "tercero": 3, "terceiro": 3, "terzo": 3, "sexto": 6, "sesto": 6,
             "dodicesimo": 12, "duodecimo": 12}
# "puis 4,5 mg jusqu'a la douzieme semaine", "mantendo o tratamento ate a semana 16", "bis Woche 12",
# "fino al terzo mese": treatment up to that week or month
_UNTIL_RE = re.compile(
    r"\b(?:jusqu'(?:a|au)(?: la)?|ate (?:a|ao)|ate|hasta (?:la|el)|fino (?:alla|al)|bis (?:zur |zum )?|tot (?:week|en met))\s*"
    rf"(?:(?P<ord>{'|'.join(_ORDINALS)})\s+(?P<ounit>semaine|semana|settimana|mois|mes|mese|monat)|"
    r"(?P<unit>semaine|semana|settimana|woche|week)\s+(?P<num>\d{1,3}))\b", re.I)


def foreign_duration(sentences: list[Sentence]) -> tuple[float, Sentence] | None:
    """The longest course named in the sentences ("durante 12 semanas", "über 3 Monate", "até à
    semana 16")."""
    best: tuple[float, Sentence] | None = None
    for s in sentences:
        text = fold(s.text)
        for m in _UNTIL_RE.finditer(text):
            if _FOLLOW_UP_RE.search(text, max(0, m.start() - 40), m.end() + 30) or \
                    _ASSESSED_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "y evaluadas hasta la semana 24": when outcomes were measured
            if m.group("num"):
                weeks = float(m.group("num"))
            else:
                unit = m.group("ounit").lower()
                weeks = _ORDINALS[m.group("ord").lower()] * (1.0 if unit.startswith(("sem", "set")) else 4.345)
            if 0 < weeks <= 520 and (best is None or weeks > best[0]):
                best = (round(weeks, 2), s)
        for m in _DURATION_RE.finditer(text):
            if (
                _FOLLOW_UP_RE.search(text, max(0, m.start() - 40), m.end() + 30)
                or _TITRATION_AFTER_RE.match(text[m.end() : m.end() + 30])
                or _TITRATION_BEFORE_RE.search(text[max(0, m.start() - 20) : m.start()])
                or _BENEFIT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            ):
                continue
            value = parse_foreign_number(m.group("num"))
            if not value:
                continue
            weeks = value * _UNIT_WEEKS[m.group("unit").lower()]
            if 0 < weeks <= 520 and (best is None or weeks > best[0]):
                best = (round(weeks, 2), s)
    return best


# Randomisation, masking and retrospective series in the five languages (and Polish, Norwegian),
# read on folded text: "ensayo clinico aleatorizado, doble ciego", "randomisierte, doppelblinde
# Studie", "etude randomisee en double aveugle", "studio randomizzato in doppio cieco".
_RANDOMIZED_RE = re.compile(
    r"\b(?:aleatori[sz]ad[oa]s?|randomi[sz]ad[oa]s?|randomisiert\w*|randomise\w*|randomizzat[oaie]|"
    r"randomizowan\w*|randomisert\w*|gerandomiseerd\w*|(?:asignad|distribuid|assignad|alocad)[oa]s? (?:de (?:forma|manera) |ao? )?"
    r"aleatori\w*|zufallig (?:\w+ )?zugeteilt|tire(?:e|es)? au sort)\b",
    re.I,
)
# Plural trials are other studies (a review's "Randomisierte Studien sind wenige und klein").
_TRIALS_AFTER_RE = re.compile(
    r"^\W{0,3}(?:\w+ ){0,2}?(?:studien|ensayos|estudios|ensaios|estudos|etudes|essais|studi|badania|"
    r"studier|trials|rcts?)\b",
    re.I,
)
_TRIALS_BEFORE_RE = re.compile(
    r"\b(?:ensayos|estudios|ensaios|estudos|etudes|essais|studi|badania|studier)(?: \w+){0,2}? ?$", re.I
)
_NOT_RANDOMIZED_BEFORE_RE = re.compile(r"\b(?:no|nao|nicht|non|sin|sem|ohne|nie|ikke)[ -]?$", re.I)
_CROSSOVER_RE = re.compile(r"\b(?:cruzad[oa]|cross-?over|croise\w*|incrociat[oa])\b", re.I)
_DOUBLE_BLIND_RE = re.compile(
    r"\b(?:doble ciego|duplo[- ]cego|duplamente cego|doppelblind\w*|double[- ]aveugle|doppio cieco|"
    r"podwojnie slep\w*|dobbeltblind\w*|dubbel(?:blind|geblindeerd)\w*)\b",
    re.I,
)
_SINGLE_BLIND_RE = re.compile(
    r"\b(?:simple ciego|ciego simple|simples[- ]cego|einfach[- ]?blind\w*|simple aveugle|singolo cieco|"
    r"pojedynczo slep\w*|enkeltblind\w*|enkel(?:blind|geblindeerd)\w*|"
    # "Die Untersucherin war hinsichtlich der Gruppenzuteilung verblindet": the assessor masked
    r"(?:untersucher|auswerter|beurteiler|evaluador|avaliador|evaluateur|valutator)\w*\b[^.]{0,60}?"
    r"(?:verblindet|ciegos?|cegos?|aveugles?|ciechi|cieco))\b",
    re.I,
)
_RETROSPECTIVE_SERIES_RE = re.compile(
    r"\b(?:estudio retrospectivo|revision retrospectiva|estudo retrospectivo|analisis retrospectivo|"
    r"retrospektive (?:analyse|auswertung|studie|datenanalyse)|etude retrospective|analyse retrospective|"
    r"studio retrospettivo|analisi retrospettiva|analiza retrospektywna|retrospectief (?:dossier)?onderzoek|(?:przeanalizowano|analizowano) "
    r"retrospektywnie)\b",
    re.I,
)


def foreign_design(sentences: list[Sentence]) -> tuple[str, Sentence] | None:
    """A randomised trial (crossover when one is named) or a retrospective series, named in the
    record's own language; None when neither is."""
    for s in sentences:
        text = fold(s.text)
        for m in _RANDOMIZED_RE.finditer(text):
            if (
                _NOT_RANDOMIZED_BEFORE_RE.search(text[max(0, m.start() - 6) : m.start()])
                or _TRIALS_AFTER_RE.match(text[m.end() : m.end() + 40])
                or _TRIALS_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()])
            ):
                continue  # "no aleatorizado", "nicht randomisiert"; "ensayos aleatorizados" of a review
            crossover = any(_CROSSOVER_RE.search(fold(o.text)) for o in sentences)
            return ("rct_crossover" if crossover else "rct_parallel"), s
    for s in sentences:
        if _RETROSPECTIVE_SERIES_RE.search(fold(s.text)):
            return "case_series", s
    return None


def foreign_blinding(sentences: list[Sentence]) -> tuple[str, Sentence] | None:
    """Double or single masking named in the record's own language."""
    for value, pattern in (("double", _DOUBLE_BLIND_RE), ("single", _SINGLE_BLIND_RE)):
        for s in sentences:
            if pattern.search(fold(s.text)):
                return value, s
    return None


# What a conclusion says of the treatment, in the five languages (folded text). A negation wins:
# "no fue superior al placebo", "kein signifikanter Unterschied", "n'a pas ameliore".
_NEGATIVE_RESULT_RE = re.compile(
    r"\b(?:no (?:(?:fue|fueron|resulto) (?:superior|mas eficaz|eficaz|efectiv[ao]|mejor)|(?:mostro|demostro) "
    r"(?:beneficio|eficacia|mejoria|efecto)|mejoro|redujo|se asocio con (?:una )?(?:mejoria|reduccion))|"
    r"sin (?:diferencias?|beneficio|mejoria|efecto(?! advers))|no (?:hubo|se observaron) diferencias|"
    # "n'a pas apporte de benefice notable", "sem melhora", "senza miglioramento", "ohne Besserung"
    r"n'(?:a|ont) pas apporte (?:de |d'|aucun )?(?:benefice|amelioration|soulagement)|sans amelioration|"
    r"senza (?:alcun )?(?:miglioramento|beneficio)|ohne (?:\w+ )?(?:besserung|verbesserung|nutzen)|sem melhora|"
    r"nao (?:(?:foi|foram) (?:superior|eficaz|efetiv[ao]|melhor)|(?:mostrou|demonstrou) (?:beneficio|eficacia|melhora|efeito)|"
    r"melhorou|reduziu)|sem (?:diferenca|beneficio|efeito(?! advers))|"
    r"kein(?:e|en|er)? (?:signifikant\w* |relevant\w* |klinisch\w* )?(?:unterschied|effekt|nutzen|wirkung|"
    r"verbesserung|besserung)|nicht (?:wirksam|uberlegen|besser)|"
    # "unterschieden sich Naltrexon und Acamprosat nicht hinsichtlich der Rueckfallrate"
    r"unterschied(?:en)? sich (?:\w+ ){0,5}?nicht|"
    r"n'(?:a|ont) pas (?:ameliore|reduit|montre (?:d'|de )?(?:effet|benefice|efficacite|amelioration)|ete superieur)|"
    r"pas de (?:difference|benefice|effet(?! indesir))|"
    r"non (?:e|e stato|ha|hanno) (?:migliorato|ridotto|superiore|mostrato)|nessun(?:a)? (?:differenza|beneficio|effetto)|"
    r"geen (?:significant\w* |relevant\w* )?(?:verschil|effect|verbetering)|niet (?:effectief|werkzaam|beter))\b",
    re.I,
)
_POSITIVE_RESULT_RE = re.compile(
    r"\b(?:(?:podria|puede|podrian|pueden) ser una? (?:opcion|alternativa|tratamiento)|"
    r"(?:pode|podem|poderia) ser uma? (?:opcao|alternativa)|(?:pourrait|peut|semble) (?:etre )?(?:une )?"
    r"(?:option|alternative|utile|efficace)|(?:potrebbe|puo) essere una? (?:opzione|alternativa)|"
    r"therapieoption|behandlungsoption|"
    r"mejor(?:o|aron|ia significativa)|redujo|reduccion significativa|eficaz|efectiv[ao]|alivio|"
    r"melhor(?:ou|aram|a significativa)|reduziu|reducao significativa|eficaz|"
    r"verbessert\w*|reduziert\w*|wirksam\w*|linderung|gebessert|"
    r"ameliore|amelioration significative|reduit|efficace|soulagement|"
    r"migliorat[oaie]|miglioramento|ridott[oaie]|riduzione significativa|efficace|"
    r"pijnvermindering|verbetering|verbeterde|effectief|werkzaam|"
    # "se asocio con una mejoria moderada del dolor", "descendio de 7,8 a 6,1", "sank von 8 auf 4",
    # "die Allodynie war deutlich rucklaufig", "einen Therapieversuch wert", "a diminue", "diminuiu"
    r"se asocio (?:a|con) (?:una )?(?:mejoria|reduccion|disminucion)|mejoria (?:clinica|marcada|moderada|notable|"
    r"del|de la|de los|en|importante|significativa|sustancial|"
    r"relevante|clinicamente)|disminuy(?:o|eron)|disminuid[oa]|descendi(?:o|eron|do)|"
    r"melhora (?:significativa|clinica|marcada|acentuada|da|do)|diminuiu|diminuiram|"
    # "A NBD foi associada a reducao da dor", "e stato associato a una riduzione"
    r"associad[ao]s? (?:a|com) (?:uma )?(?:reducao|melhora|diminuicao)|associat[oa] (?:a|ad) (?:una )?(?:riduzione|miglioramento)|"
    r"associee? a une (?:reduction|amelioration|diminution)|amelioration (?:importante|nette|marquee|significative|de la douleur)|"
    r"sank(?:en)?|rucklaufig|besserte(?:n)? sich|besserung|therapieversuch wert|"
    r"(?:a|ont) diminue|diminution (?:significative|nette|marquee|de la douleur)|"
    r"diminuit[oaie]|diminuzione (?:significativa|del dolore))\b",
    re.I,
)


# A negation of a harm or of a need, not of the benefit: "no se observaron efectos adversos",
# "nao foram observados efeitos adversos graves", "nessun effetto collaterale", "no fue necesario
# suspender", "keinen Unterschied bei den Nebenwirkungen"
_HARM_AFTER_NEGATION_RE = re.compile(
    r"(?:(?!\b(?:y|e|et|und|en|ma|mas|pero|aber|mais|but|and)\b)[^.;,]){0,30}?\b(?:advers\w*|indesirab\w*|collateral\w*|nebenwirkung\w*|bijwerking\w*|toxic\w*|"
    r"secundari\w*|graves?|serios\w*|necesari\w*|necessari\w*|notwendig|suspend\w*|retirar|abandon\w*|"
    r"interromp\w*|arret\w*|sospe\w*)\b", re.I)


def foreign_result(sentences: list[Sentence]) -> tuple[str, Sentence] | None:
    """'positive' or 'negative' when the conclusion, in the record's own language, says so (a
    negation of the benefit first; one that negates a harm or a need is no null)."""
    for s in sentences:
        text = fold(s.text)
        for m in _NEGATIVE_RESULT_RE.finditer(text):
            if not _HARM_AFTER_NEGATION_RE.match(text, m.end()):
                return "negative", s
    for s in sentences:
        if _POSITIVE_RESULT_RE.search(fold(s.text)):
            return "positive", s
    return None


# A letter's first-person report of its own patients: "Presentamos nuestra experiencia con cuatro
# mujeres", "Nous rapportons le cas de", "Wir berichten über", "Descriviamo", "Relatamos"
_OWN_REPORT_RE = re.compile(
    r"\b(?:presentamos|describimos|tratamos|reportamos|relatamos|descrevemos|apresentamos|tratamos|"
    r"(?:nous )?(?:rapportons|decrivons|presentons)|wir (?:berichten|beschreiben|stellen)|berichten wir|"
    r"presentiamo|descriviamo|riportiamo|wij (?:beschrijven|rapporteren)|opisujemy|przedstawiamy)\b",
    re.I,
)


_OTHERS_STUDY_RE = re.compile(
    r"\bet al\b|\b(?:su|seu|sua) (?:estudio|estudo|articulo|artigo|ensayo|ensaio|trabajo)\b|\bleur (?:etude|article|essai)\b|"
    r"\bihre[rnm]? (?:studie|arbeit|untersuchung)\b|\bloro (?:studio|articolo|lavoro)\b|\bhun (?:studie|artikel|onderzoek)\b|"
    r"\bhemos leido|\bavons lu|\bhaben (?:wir )?(?:mit interesse )?gelesen|\babbiamo letto|\blemos com", re.I)


def own_patient_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that report patients of the text's own, in the first person ("Presentamos
    nuestra experiencia con cuatro mujeres"), in a text that does not discuss another study."""
    if any(_OTHERS_STUDY_RE.search(fold(s.text)) for s in sentences):
        return []
    return [s for s in sentences if _OWN_REPORT_RE.search(fold(s.text))]
