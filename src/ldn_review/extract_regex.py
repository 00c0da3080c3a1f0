"""Compiling the extractor's regexes: ``re.compile`` plus a guard that makes most cue patterns cheap.

Most cue patterns are long alternations whose every branch starts with ``\\b`` and a word
character ("\\bno (?:\\w+ ){0,5}?difference|\\bfailed to\\b|..."). Python's regex engine tries
every branch at every position of the text; ``\\b(?=\\w)`` in front (a word starts here) rejects
most positions with one test (the ~100-branch negation vocabulary ran 4.2x faster; all guarded
patterns together 1.2x). The guard is added only when the pattern's parse proves that no match can
start anywhere else, so the compiled pattern finds exactly the same matches
(``tests/test_extract_regex.py`` checks both the proof on hand-made patterns and equal matches of
every guarded extractor pattern on the demo corpus's sentences).
"""

from __future__ import annotations

import functools
import re
from typing import Any

try:  # the regex parser of the standard library (only read, to decide on the guard)
    import re._constants as _c
    import re._parser as _p
except ImportError:  # Python 3.10
    import sre_constants as _c
    import sre_parse as _p

WORD_START = r"\b(?=\w)"
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_WORD_CATEGORIES = {_c.CATEGORY_DIGIT, _c.CATEGORY_WORD}
_LARGEST_RANGE = 0x3000  # ranges wider than this are not checked character by character


@functools.lru_cache(maxsize=4096)
def cue_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, guarded by ``\\b(?=\\w)`` when every match must start where
    a word starts (same matches, faster search). Cached: equal arguments give the same object."""
    compiled = re.compile(pattern, flags)
    if pattern.startswith(WORD_START) or flags & re.VERBOSE or not starts_at_word_start(compiled):
        return compiled
    try:
        return re.compile(f"{WORD_START}(?:{pattern})", flags)
    except re.error:  # e.g. global inline flags, which must stay at the start
        return compiled


def starts_at_word_start(pattern: re.Pattern[str]) -> bool:
    """True when every match of ``pattern`` starts with ``\\b`` followed by a word character (after
    any lookarounds, which are zero width); False when that cannot be shown."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a private parser that may change; no guard is always correct
        return False
    ascii_only = bool(pattern.flags & re.ASCII)
    return _boundary_first(list(parsed), ascii_only)


def _scoped_flags_change_words(av: Any) -> bool:
    """A group that switches ASCII/Unicode word rules: not analysed."""
    add, remove = av[1], av[2]
    return bool((add | remove) & (re.ASCII | re.UNICODE | re.LOCALE))


def _boundary_first(items: list[Any], ascii_only: bool) -> bool:
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.AT:
            return av is _c.AT_BOUNDARY and _word_first(rest, ascii_only)
        if op is _c.BRANCH:
            return all(_boundary_first(list(alt) + rest, ascii_only) for alt in av[1])
        if op is _c.SUBPATTERN:
            return not _scoped_flags_change_words(av) and _boundary_first(list(av[3]) + rest, ascii_only)
        if _ATOMIC is not None and op is _ATOMIC:
            return _boundary_first(list(av) + rest, ascii_only)
        return False
    return False


def _word_first(items: list[Any], ascii_only: bool) -> bool:
    """True when every match of the sequence consumes a word character first."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width
        if op is _c.LITERAL:
            return _is_word(chr(av), ascii_only)
        if op is _c.IN:
            return _charset_is_word(av, ascii_only)
        if op is _c.BRANCH:
            return all(_word_first(list(alt) + rest, ascii_only) for alt in av[1])
        if op is _c.SUBPATTERN:
            return not _scoped_flags_change_words(av) and _word_first(list(av[3]) + rest, ascii_only)
        if _ATOMIC is not None and op is _ATOMIC:
            return _word_first(list(av) + rest, ascii_only)
        if op in _REPEATS:
            low, high, body = av
            if high == 0:
                continue
            first = _word_first(list(body) + rest, ascii_only)
            return first if low >= 1 else first and _word_first(rest, ascii_only)
        return False  # any character, a negated literal, a group reference, ...
    return False  # the match may be empty


def _is_word(ch: str, ascii_only: bool) -> bool:
    """The regex engine's ``\\w`` for one character (case variants of a word character are word
    characters too, so IGNORECASE changes nothing)."""
    return ch == "_" or (ch.isalnum() and (ch.isascii() or not ascii_only))


def _charset_is_word(items: list[Any], ascii_only: bool) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            if not _is_word(chr(av), ascii_only):
                return False
        elif op is _c.RANGE:
            low, high = av
            if high - low > _LARGEST_RANGE or not all(_is_word(chr(c), ascii_only) for c in range(low, high + 1)):
                return False
        elif op is _c.CATEGORY:
            if av not in _WORD_CATEGORIES:
                return False
        else:  # NEGATE and anything else
            return False
    return True
