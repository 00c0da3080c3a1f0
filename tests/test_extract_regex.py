"""The word-start guard of extract_regex: added only where provably safe, and never changes a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ldn_review import extract
from ldn_review.extract_regex import WORD_START, cue_re, starts_at_word_start
from ldn_review.extract_text import build_sentences, gate_of
from ldn_review.models import Article
from ldn_review.parse import iter_file_records

DEMO_RAW = Path(__file__).resolve().parents[1] / "data" / "demo" / "raw"


@pytest.mark.parametrize("pattern, flags", [
    (r"\bfoo|\bbar", 0),
    (r"\b(?:no|not) (?:effect|benefit)", re.I),
    (r"(?<!non-)\bplacebo\b", re.I),
    (r"(?<!x)(?<!y)\b(?:can|may) cause", 0),
    (r"\b\w+ed\b", 0),
    (r"\b[A-Z][a-z]+", 0),
    (r"\b\d+ patients", 0),
    (r"\b(?:a|b)+c", 0),
    (r"\b(?=x)xy", 0),
    (r"\b(?-i:FIQ)\b", re.I),
    (r"\b_x", 0),
    (r"\bé", 0),  # Unicode letters are word characters for str patterns
])
def test_guarded_when_every_match_starts_a_word(pattern: str, flags: int) -> None:
    assert starts_at_word_start(re.compile(pattern, flags))
    assert cue_re(pattern, flags).pattern.startswith(WORD_START)


@pytest.mark.parametrize("pattern, flags", [
    (r"foo|\bbar", 0),  # a branch without \b can start inside a word ("unfoo")
    (r"revised fiq|\bfiq\b", re.I),
    (r"\b(?:-|a)x", 0),  # "-" is not a word character
    (r"\b\s+x", 0),
    (r"\bx?", 0),  # may match empty, at a word end
    (r"\b(?:x|)y?", 0),
    (r"\b.x", 0),
    (r"\b[^a]x", 0),
    (r"^\bfoo", 0),
    (r"\b(?:a|\.)", 0),
    (r"\bé", re.ASCII),  # with ASCII word rules "é" is not a word character
    (r"\b(?a:é)", 0),  # a group that switches word rules is not analysed
    (r"(a)\b\1", 0),  # the boundary comes after the first character
    (r"\d+", 0),
])
def test_not_guarded_otherwise(pattern: str, flags: int) -> None:
    assert not starts_at_word_start(re.compile(pattern, flags))
    assert cue_re(pattern, flags).pattern == pattern


def test_special_forms_compile_unguarded() -> None:
    leading_flags = cue_re(r"(?i)\bfoo")  # global flags must stay first: left as it is
    assert leading_flags.search("x FOO") is not None
    verbose = cue_re(r"\bfoo  # a comment", re.X)
    assert verbose.pattern == r"\bfoo  # a comment"
    assert cue_re(r"\bfoo", re.I) is cue_re(r"\bfoo", re.I)  # cached: gate tables key on identity


# Texts built to catch a guard that is wrong: cue words inside other words, after digits,
# underscores and non-ASCII letters, at the very start and end, next to punctuation.
_TRICKY = [
    "unharmful xnot effective _no benefit 5not superior éno difference; no difference.",
    "Nonsignificant and non-significant; notsignificantly; did not differ, didnot differ",
    "12patients 12 patients n=12 N = 40 (n = 20 per group) forty-two patients",
    "placebo-controlled nonplacebo placebo_controlled Placebo group; double-blind,doubleblind",
    "rats mice humans; in vitro cell-lines; randomised, randomized, nonrandomized",
    "worse worsened unworsened harmful harm.",
    "no", "", " ", "-no benefit-", "(no benefit)", "ñno benefit", "Øfailed to",
]


def _demo_sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted(DEMO_RAW.rglob("*.xml*")):
        for rec in iter_file_records(path):
            if isinstance(rec, Article):
                texts.extend(s.text for s in build_sentences(rec))
    return texts


def test_guarded_extractor_patterns_find_the_same_matches() -> None:
    texts = _demo_sentences() + _TRICKY
    assert len(texts) > 500
    guarded = [p for p in extract._INDEX.patterns if p.pattern.startswith(WORD_START)]
    # most of the cue vocabulary qualifies; if this drops, the guard's proof lost a case
    assert len(guarded) >= 120
    for p in guarded:
        original = re.compile(p.pattern[len(WORD_START) + 3:-1], p.flags)
        assert starts_at_word_start(original)
        assert gate_of(original) == gate_of(p), p.pattern[:60]
        for text in texts:
            for candidate in (text, text.lower(), text.upper()):
                want = [(m.span(), m.groups()) for m in original.finditer(candidate)]
                got = [(m.span(), m.groups()) for m in p.finditer(candidate)]
                assert got == want, (original.pattern[:60], candidate[:80])


# Words found in most abstracts. A gate literal among them would open the gate of a cue family on
# nearly every sentence (as "nal", " not ", "improvement" and "low dose" once did): same output,
# several times the work. This checks the gates of the families read on every sentence.
_COMMON = ("nal", " not ", "not ", "only", "improvement", "clinical", "low dose", " dose", "studies",
           "trials", "guide", "inform", "pain", "patients", "with", "the ", " and ")


# Broad literals these families had already (2026-12-03): the negation and benefit vocabularies
# cannot avoid " not " and "pain-free"; a new one must not join them.
_BROAD_BEFORE = {"NEGATIVE_RE": {" not ", "improvement"}, "POSITIVE_RE": {"pain"},
                 "CONCESSION_NOT_BENEFIT_RE": {"improvement", "patients"}}


@pytest.mark.parametrize("name", ["NALTREXONE_RE", "NEGATIVE_RE", "MIXED_RE", "POSITIVE_RE", "ASIDE_RE",
                                  "NO_HARM_RE", "SAFETY_ONLY_RE", "CROSSOVER_RE", "STOPPING_REASONS_RE",
                                  "CONCESSION_NOT_BENEFIT_RE"])
def test_the_gates_of_every_sentence_cue_families_stay_selective(name: str) -> None:
    from ldn_review import extract_cues
    gate = gate_of(getattr(extract_cues, name))
    assert gate is not None, f"{name} has no gate"
    common = set(gate) & set(_COMMON) - _BROAD_BEFORE.get(name, set())
    assert not common, f"{name} gates on a common word: {sorted(common)}"
