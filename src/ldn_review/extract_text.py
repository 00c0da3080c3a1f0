"""Text helpers for the extractor: sentences with their abstract section, and number words.

Pure functions, no I/O. Regexes are compiled once at import (compiling is not "doing" anything).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

try:  # the regex parser of the standard library, used only to derive gates (see gate_of)
    import re._constants as _c
    import re._parser as _p
except ImportError:  # Python 3.10
    import sre_constants as _c
    import sre_parse as _p

from .models import AbstractSection, Article

# --- sections -------------------------------------------------------------------------------------

TITLE = "title"
BACKGROUND = "background"
OBJECTIVE = "objective"
METHODS = "methods"
RESULTS = "results"
CONCLUSIONS = "conclusions"
OTHER = "other"  # unlabelled text: role decided per sentence

# Label words -> section role, checked in this order (first hit wins): "Materials and Methods" is
# methods, "Results and conclusions" is results (the first named part), "Purpose of review" objective.
_LABEL_ROLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:abstract|summary of background)", re.I), OTHER),
    # (labels are matched without accents; the foreign words are Spanish, Portuguese, French,
    # Italian, German and Dutch: "Introduccion", "Hintergrund", "Resultats", "Conclusao")
    (re.compile(r"background|introduction|context|importance|rationale|aims? of|"
                r"purpose of review|recent findings|introduccion|introducao|introduzione|hintergrund|"
                r"einleitung|antecedentes|contexte|contexto|premessa|justificativa|achtergrond|inleiding", re.I),
     BACKGROUND),
    (re.compile(r"objective|aim|purpose|goal|question|objetivo|objectif|obiettiv|scopo|^ziel|fragestellung|"
                r"doelstelling", re.I), OBJECTIVE),
    (re.compile(r"method|design|setting|patient|participant|subject|intervention|measure|"
                r"evidence review|data source|study selection|data extraction|eligib|"
                r"case (?:report|presentation|description|summary|history|details)|^cases?$|"
                r"^clinical cases?$|materials|population|procedure|"
                r"metodo|metodi|methode|material|pacientes|pazienti|patienten|caso clinico|casos clinicos|"
                r"relato d[oe]s? casos?|cas clinique|observation clinique|fallbericht|kasuistik|fallbeschreibung", re.I),
     METHODS),
    (re.compile(r"result|finding|outcome|observation|resultad|ergebnis|risultat|resultaten", re.I), RESULTS),
    (re.compile(r"conclusion|interpretation|discussion|summary|perspective|implication|"
                r"relevance|significance|comment|conclus|schlussfolger|fazit|diskussion|discusion|discussao|"
                r"discussione|conclusie|beschouwing", re.I), CONCLUSIONS),
)
_CATEGORY_ROLES = {
    "BACKGROUND": BACKGROUND,
    "OBJECTIVE": OBJECTIVE,
    "METHODS": METHODS,
    "RESULTS": RESULTS,
    "CONCLUSIONS": CONCLUSIONS,
}
# "Methods: text" written inside an unlabelled AbstractText (common in reconstructed or older
# records). Up to five words, starting with a capital, ending in a colon.
# (letters of any alphabet: "Résultats :", "Patients et méthodes :" in French typography)
_INLINE_LABEL_RE = re.compile(r"^\s*([^\W\d_](?:[^\W\d_]|[/&\-])*(?:\s+(?:[^\W\d_]|[/&\-])+){0,4})\s*:\s+")


# A verb makes the words before a colon a clause, not a section label
_CLAUSE_NOT_LABEL_RE = re.compile(r"\b(?:were|was|is|are|had|have|has|did|received|underwent)\b", re.I)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the title or abstract, with the role of the section it sits in."""

    text: str
    section: str
    index: int


def fold(text: str) -> str:
    """Lower case without accents ("Müller" -> "muller", "días" -> "dias", "ß" -> "ss")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def role_of_label(label: str | None, category: str | None = None) -> str:
    """Section role of an abstract label (NLM category first, then the label's words)."""
    if category and category.upper() in _CATEGORY_ROLES:
        role = _CATEGORY_ROLES[category.upper()]
        # NLM files "Patients", "Design" etc. under METHODS; keep label words for finer roles only
        # when the category is missing.
        return role
    if label:
        folded = fold(label)
        for pattern, role in _LABEL_ROLES:
            if pattern.search(folded):
                return role
    return OTHER


def split_inline_label(text: str) -> tuple[str | None, str]:
    """('Methods', 'rest') for 'Methods: rest'; (None, text) when the text has no inline label."""
    m = _INLINE_LABEL_RE.match(text)
    if not m:
        return None, text
    label = m.group(1)
    if not label[0].isupper():
        return None, text
    if role_of_label(label) == OTHER and not label.lower().startswith("abstract"):
        return None, text
    if _CLAUSE_NOT_LABEL_RE.search(label) and not label.lower().startswith("what "):
        # ("What is known and objective:" is a label, J Clin Pharm Ther's)
        return None, text  # "Thirty-four patients were randomized: 18 to naltrexone ...": a clause
    return label, text[m.end():]


# --- sentence splitting ---------------------------------------------------------------------------

# A boundary candidate: sentence punctuation, optional closing quote/bracket, whitespace, then
# something that can start a sentence.
_BOUNDARY_RE = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9\u00b5\u03bc])")
# Words after which a full stop is an abbreviation, not the end of a sentence.
_ABBREVIATIONS = frozenset(
    {
        "e.g", "i.e", "vs", "v", "cf", "fig", "figs", "approx", "ca", "al", "etc", "no", "nos",
        "dr", "prof", "mr", "mrs", "ms", "st", "vol", "ref", "refs", "resp", "incl", "max", "min",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "ltd", "co", "corp", "dept", "univ", "eq", "avg", "temp", "sp", "spp", "var",
        "viz", "pts", "pt", "u.s", "u.k", "e.u",
    }
)
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


# Abbreviations are short: only this many characters before a full stop are looked at.
_ABBREVIATION_WINDOW = 12


def _is_abbreviation(before: str) -> bool:
    """True when the text just before a full stop ends in an abbreviation or an initial."""
    tail = before[-_ABBREVIATION_WINDOW:]
    if not tail or not (tail[-1].isalpha() or tail[-1] == "."):
        return False
    m = _LAST_WORD_RE.search(tail)
    if m and m.start() == 0 and len(before) > len(tail) and (
            before[-len(tail) - 1].isalpha() or before[-len(tail) - 1] == "."):
        return False  # a word longer than the window is no abbreviation
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith", "Group B. Then" is rarer than initials
    if len(word) > 1 and word.isupper() and "." not in word:
        return False  # an acronym ("patients with MS. Methods: ..."), not "Ms." or "Dr."
    return word.lower().rstrip(".") in _ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """Split text into sentences without breaking on abbreviations, initials or decimals.

    Decimals ("0.05") and bounds written ".001" never split because a boundary needs whitespace
    after the stop. "p < 0.05. Next" does split: that stop really ends a sentence.
    """
    out: list[str] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text[start:m.start()]):
            continue
        piece = text[start:m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _iter_section_texts(article: Article) -> Iterator[tuple[str, str]]:
    """(role, text) for each abstract section, inline labels resolved."""
    sections: list[AbstractSection] = list(article.abstract_sections)
    if not sections and article.abstract:
        sections = [AbstractSection(None, None, line) for line in article.abstract.split("\n")]
    for sec in sections:
        label, text = sec.label, sec.text
        if not label:
            inline, text = split_inline_label(text)
            label = inline
            role = role_of_label(label) if label else OTHER
        else:
            role = role_of_label(label, sec.category)
            if role == OTHER:
                inline, rest = split_inline_label(text)
                if inline:
                    role, text = role_of_label(inline), rest
        if text.strip():
            yield role, text


def build_sentences(article: Article) -> list[Sentence]:
    """Title (as one sentence) then every abstract sentence, in order, with its section role."""
    out: list[Sentence] = []
    if article.title:
        out.append(Sentence(article.title.strip(), TITLE, 0))
    for role, text in _iter_section_texts(article):
        # An inline label inside a section ("... Methods: We enrolled ...") opens a new section:
        # its role holds for the sentences after it, up to the next label.
        current = role
        for piece in split_sentences(text):
            if len(piece) <= 40 and (m := _LABEL_SENTENCE_RE.match(piece)) and role_of_label(m.group(1)) != OTHER:
                # "Objective. To test ... Design. Randomized ... Subjects. Twenty-six adults ...": a
                # label written with a full stop (Pain Medicine's style) is a sentence of its own
                current = role_of_label(m.group(1))
                continue
            sub_label, rest = split_inline_label(piece)
            if sub_label:
                current = role_of_label(sub_label)
            out.append(Sentence(rest if sub_label else piece, current, len(out)))
    return out


# A whole "sentence" that is only a section label and its full stop: "Methods.", "Subjects." (the
# labels journals print this way; not "Case report." or "Retrospective cohort study.", which state
# a design)
_LABEL_SENTENCE_RE = re.compile(
    r"^\s*((?:Background|Introduction|Context|Objectives?|Aims?|Purpose|Design|Study design|"
    r"Settings?(?: and (?:participants|patients|subjects))?|Subjects|Participants|Patients|Population|"
    r"Methods?|Materials and methods|Patients and methods|Subjects and methods|Interventions?|"
    r"Measurements|Outcome measures|Main outcome measures?|Results?|Findings|Conclusions?|"
    r"Interpretation|Discussion|Significance|Perspective))\.\s*$", re.I)


# --- numbers --------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
# A run of number words joined by spaces, hyphens or "and", optionally led by "a" ("a hundred").
NUMBER_WORDS_PATTERN = (
    rf"(?:(?:an?\s+)?(?:{_NUMBER_WORD})(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{_NUMBER_WORD}))*)"
)
# Digits: 1,025 / 15 297 (thin or plain space thousands) / 42 / 4.5
DIGITS_PATTERN = r"(?:\d{1,3}(?:,\d{3})+(?![\d.])|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?)"
NUMBER_PATTERN = rf"(?:{DIGITS_PATTERN}|\b{NUMBER_WORDS_PATTERN}\b)"
# Where a number in words can start: a number word at the start of a word. In an ASCII text where
# this never matches, NUMBER_PATTERN matches digits only (see extract_numbers.digits_only).
NUMBER_WORD_START_RE = re.compile(rf"(?<!\w)(?:{_NUMBER_WORD})", re.I)
_NUMBER_WORDS_RE = re.compile(rf"^{NUMBER_WORDS_PATTERN}$", re.I)
_TOKEN_SPLIT_RE = re.compile(r"[\s\-]+")
_THOUSANDS_SEP_RE = re.compile(r"[,\u2009\u202f\u00a0 ]")


def parse_number_words(text: str) -> int | None:
    """'sixty-seven' -> 67, 'a hundred and twelve' -> 112, 'two thousand five hundred' -> 2500."""
    words = [w for w in _TOKEN_SPLIT_RE.split(text.strip().lower()) if w]
    if not words or not _NUMBER_WORDS_RE.match(text.strip()):
        return None
    total = current = 0
    seen = False
    for w in words:
        if w in ("and", "a", "an"):
            continue
        if w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """A number written in digits ('1,025', '15 297', '4.5') or words ('Thirty-one')."""
    t = text.strip()
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(_THOUSANDS_SEP_RE.sub("", t))
        except ValueError:
            return None
    value = parse_number_words(t)
    return float(value) if value is not None else None


def parse_int(text: str) -> int | None:
    """parse_number, kept only when it is a whole number."""
    value = parse_number(text)
    if value is None or value != int(value):
        return None
    return int(value)


# --- regex gates ----------------------------------------------------------------------------------

# A gate is a set of lower-case literals one of which occurs in every text the regex can match, read
# from the regex's own parse tree, so it cannot drift from the pattern. A substring test costs ~1/50
# of a regex scan and most cue families are absent from most sentences (and records).
# Literals shorter than this gate too little to be worth testing.
GATE_MIN_LITERAL = 2
_GATES: dict[int, tuple[str, ...] | None] = {}
_GATED: list[re.Pattern[str]] = []  # keeps gated patterns alive so their ids stay unique


def _required(items: Any) -> set[str] | None:
    """Literals of which one must occur in any match of a parsed (sub)pattern; None if unknown."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av).lower())
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: literals on both sides stay adjacent in the text
        elif op is _c.SUBPATTERN:
            inner = av[3]
            if all(o is _c.LITERAL or o is _c.AT for o, _ in inner):
                run.extend(chr(a).lower() for o, a in inner if o is _c.LITERAL)
                continue
            flush()
            got = _required(inner)
            if got:
                candidates.append(got)
        elif op is _c.BRANCH:
            flush()
            union: set[str] = set()
            for alt in av[1]:
                got = _required(alt)
                if not got:
                    union = set()
                    break
                union |= got
            if union:
                candidates.append(union)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            flush()
            if av[0] >= 1:
                got = _required(av[2])
                if got:
                    candidates.append(got)
        else:
            flush()
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def gate_of(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of ``pattern`` contains; None: no useful gate."""
    key = id(pattern)
    if key in _GATES:
        return _GATES[key]
    gate: tuple[str, ...] | None = None
    try:
        found = _required(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a private parser that may change; no gate is always correct
        found = None
    if found and min(map(len, found)) >= GATE_MIN_LITERAL:
        gate = tuple(sorted(found, key=len, reverse=True))
    _GATED.append(pattern)
    _GATES[key] = gate
    return gate


def may_match(pattern: re.Pattern[str], low: str) -> bool:
    """False only when ``pattern`` cannot match a text whose lower-case form is ``low``."""
    gate = _GATES.get(id(pattern), ()) or gate_of(pattern)
    return gate is None or any(map(low.__contains__, gate))


def gated_search(pattern: re.Pattern[str], text: str, low: str | None = None) -> re.Match[str] | None:
    """``pattern.search(text)``, skipped when the gate says it cannot match."""
    if not may_match(pattern, text.lower() if low is None else low):
        return None
    return pattern.search(text)


# --- all gate literals of a text at once ----------------------------------------------------------

# Words seen so far -> bits of the literals they contain. Abstracts share most of their words, so
# after a few hundred records nearly every word is a dictionary hit. Cleared when it grows this big.
_WORD_CACHE_MAX = 200_000


def _trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, factored as a trie; at each position it matches the
    longest word that starts there (a trie has one child per character, and a child is tried
    before ending the word)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class LiteralIndex:
    """Which gate literals of a fixed set of patterns occur in a lower-cased text, found at once.

    ``mask(low)`` returns an int with one bit per literal present in ``low`` (exactly the literals
    ``lit in low`` holds for); ``gate_mask(pattern)`` the bits of the pattern's gate, so
    ``may_match(pattern, low)`` is ``mask(low) & gate_mask(pattern) != 0``. A literal without
    whitespace occurs in a text iff it occurs inside one of the text's whitespace-separated words,
    so words are looked up in a cache (a miss runs one trie regex over the word). A literal with
    whitespace is tested with ``in`` only when its longest whitespace-free piece occurs.
    """

    def __init__(self, patterns: list[re.Pattern[str]],
                 features: tuple[re.Pattern[str], ...] = ()) -> None:
        gates = {id(p): gate_of(p) for p in patterns}
        literals = sorted({lit for g in gates.values() if g for lit in g})
        spaced = [lit for lit in literals if any(ch.isspace() for ch in lit)]
        pieces = {lit: max(lit.split(), key=len) for lit in spaced if lit.split()}
        single = sorted({lit for lit in literals if lit not in pieces and lit not in spaced}
                        | set(pieces.values()))
        self._bit: dict[str, int] = {lit: 1 << i for i, lit in enumerate(single)}
        for j, lit in enumerate(spaced):
            self._bit[lit] = 1 << (len(single) + j)
        # Candidate bits (one per spaced literal) sit above every presence bit.
        self._offset = len(single) + len(spaced)
        self._presence = (1 << self._offset) - 1
        self._candidates = (1 << len(spaced)) - 1
        self._spaced = spaced
        self._spaced_bits = [self._bit[lit] for lit in spaced]
        # A spaced literal made only of whitespace has no piece: always test it.
        self._always = sum(1 << j for j, lit in enumerate(spaced) if lit not in pieces)
        by_piece: dict[str, int] = {}
        for j, lit in enumerate(spaced):
            if lit in pieces:
                by_piece[pieces[lit]] = by_piece.get(pieces[lit], 0) | 1 << (self._offset + j)
        # Longest literal found at a position -> its bits, the bits of every shorter literal inside
        # it, and the candidate bits of the spaced literals whose piece is one of them.
        self._closure: dict[str, int] = {}
        for lit in single:
            bits = 0
            for other in single:
                if other in lit:
                    bits |= self._bit[other] | by_piece.get(other, 0)
            self._closure[lit] = bits
        self._find = re.compile(f"(?=({_trie_pattern(single)}))").findall if single else None
        # Word features: a regex searched in each whitespace-separated word of the text, one bit
        # each above the candidate bits (see feature_bit).
        self._features = [(f.search, 1 << (self._offset + len(spaced) + k))
                          for k, f in enumerate(features)]
        self._presence |= sum(bit for _, bit in self._features)
        self._words: dict[str, int] = {}
        self._masks: dict[int, int | None] = {}
        for p in patterns:
            g = gates[id(p)]
            self._masks[id(p)] = None if g is None else sum(self._bit[lit] for lit in set(g))
        self.patterns = tuple(patterns)  # keeps the ids of indexed patterns unique
        # Spaced literals that hold a line break could span two texts joined by "\n".
        self._newline = [(lit, self._bit[lit]) for lit in spaced if "\n" in lit]

    def indexed(self, pattern: re.Pattern[str]) -> bool:
        return id(pattern) in self._masks

    def gate_mask(self, pattern: re.Pattern[str]) -> int | None:
        """Bits of the pattern's gate; None when the pattern has no gate (it may always match).
        KeyError for a pattern the index was not built for."""
        return self._masks[id(pattern)]

    def feature_bit(self, k: int) -> int:
        """The bit ``mask`` sets when ``features[k]`` is found in one of the text's words."""
        return self._features[k][1]

    def _word_bits(self, word: str) -> int:
        bits = 0
        if self._find is not None:
            closure = self._closure
            for lit in self._find(word):
                bits |= closure[lit]
        for search, bit in self._features:
            if search(word):
                bits |= bit
        if len(self._words) >= _WORD_CACHE_MAX:
            self._words.clear()
        self._words[word] = bits
        return bits

    def mask(self, low: str) -> int:
        """Bits of every indexed literal that occurs in ``low``."""
        words = low.split()
        known = self._words
        try:
            bits = reduce(or_, map(known.__getitem__, words), 0)
        except KeyError:  # words not seen before
            bits = reduce(or_, [known[w] if w in known else self._word_bits(w) for w in words], 0)
        candidates = ((bits >> self._offset) & self._candidates) | self._always
        bits &= self._presence
        spaced, spaced_bits = self._spaced, self._spaced_bits
        while candidates:
            low_bit = candidates & -candidates
            j = low_bit.bit_length() - 1
            if spaced[j] in low:
                bits |= spaced_bits[j]
            candidates ^= low_bit
        return bits

    def masks(self, lows: list[str]) -> tuple[list[int], int]:
        """``mask`` of each text, and ``mask("\\n".join(lows))`` (their union, plus any literal
        that spans a line break)."""
        out = [self.mask(low) for low in lows]
        union = 0
        for bits in out:
            union |= bits
        if self._newline:
            joined = "\n".join(lows)
            for lit, bit in self._newline:
                if lit in joined:
                    union |= bit
        return out, union
