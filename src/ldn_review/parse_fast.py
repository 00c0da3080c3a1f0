"""Fast reader of one PubMed record's bytes, for the records whose shape it knows with certainty.

:mod:`ldn_review.parse` splits a stream into records and has a handler-less expat parser check
that the whole stream is well-formed XML; this module then reads each record's fields straight
from its bytes with compiled regular expressions, instead of building an element tree. It mirrors
the reference parser (:mod:`ldn_review.parse_reference`) step by step: the same children are
looked at, with the same "first" or "last one wins" rules, and the values go through the same
:mod:`ldn_review.parse_fields` functions. Whatever it cannot read with certainty it refuses by
raising :class:`Unsupported`, and the caller hands that record to the reference parser.

Why reading XML with regular expressions is safe here
-----------------------------------------------------
The input is known to be well-formed (the expat check runs ahead of this reader), so every ``<``
starts a tag, a comment, a CDATA section or a processing instruction, tags are balanced, quoted
attribute values hold no ``<``, and text holds no ``<``. On such input the patterns below find
exactly the children an element tree would have, or fail:

* A record's content is read as a flat sequence of *tokens*, each a complete element: the three
  containers the reference descends into (``MedlineCitation``, ``Article``, ``PubmedData``) give
  an open and an end token; the elements whose values are used give one token with their content;
  any other element, with everything inside it, is skipped as one token. A token's content ends
  at the first end tag of its name and may hold no ``<!`` or ``<?`` (comment, CDATA, processing
  instruction) and no record start tag; whitespace is the only text allowed between tokens;
  anything else is an error token, and the record is refused.
* If an element contains another of the same name, the first end tag closes the inner one and the
  outer end tag is left over: no token matches it, so the record is refused. Tokens therefore never
  cut an element in the wrong place.
* Skipped elements hide nothing the reference reads: it only looks inside the elements named
  here. Elements with a namespace prefix are never named here, and the reference, which sees them
  as ``{uri}name``, never looks at them either. A default namespace declaration (``xmlns=``) on a
  used element, which would rename it in the tree, makes its pattern fail.
* The content of each used element is read with a pattern of its DTD shape (in DTD order, with
  unknown elements skipped only where the reference ignores them). Values come only from text
  without markup, or, where the reference flattens inline markup (titles, abstract sections,
  keywords), from content whose tags are then removed. Entity references must be the five
  predefined ones or character references; raw carriage returns are normalised before references
  are expanded, as XML does, so ``&#13;`` survives.
* Anything else, and any exception while reading, refuses the record (:class:`Unsupported`).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable

from .models import AbstractSection, Article, CommentCorrection, Deletion, MeshHeading
from .parse_fields import (
    KEPT_CORRECTION_TYPES,
    CitationFields,
    article_ids,
    build_article,
    clean_text,
    databank_ids,
    date_from_texts,
    history_dates,
    pub_date_from_texts,
)


class Unsupported(Exception):
    """The fast reader does not handle this record with certainty; use the reference parser."""


# --------------------------------------------------------------------------- pattern pieces
# Patterns are written as str and compiled both for bytes (the record tokens) and for str (the
# contents of used elements, decoded once each); re.ASCII keeps \w the same in both.

_W = r"[ \t\n\r]*"
_NAME = r"[A-Za-z_][-\w.:]*"
_VALUE = r"(?:\"[^\"]*+\"|'[^']*+')"
# Attributes of an element whose values are used: any, but no default namespace declaration.
_ATTRS = rf"(?:[ \t\n\r]++(?!xmlns[ \t\n\r=]){_NAME}{_W}={_W}{_VALUE})*+"
_ANY_ATTRS = rf"(?:[ \t\n\r]++{_NAME}{_W}={_W}{_VALUE})*+"
_RECORD_START = r"(?:PubmedArticle|MedlineCitation|DeleteCitation|PubmedBookArticle)[ \t\n\r/>]"
# Text without markup. Entity references in it are expanded (or refused) by _unescape; the
# patterns only use single-character negations like [^<], which the regex engine scans fastest.
_TEXT = r"[^<]*+"
_ERR = r"(?P<err>[^ \t\n\r])"


def _guard(end: str) -> str:
    """A ``<`` that is not the end tag ``end``, a comment/CDATA/PI, or a record start tag."""
    return rf"<(?![!?]|/{end}[ \t\n\r>]|{_RECORD_START})"


def _content(end: str) -> str:
    """Any content up to the first end tag ``end`` (a name or a backreference)."""
    return rf"[^<]*+(?:{_guard(end)}[^<]*+)*+"


def _mixed(end: str) -> str:
    """Text with inline markup (flattened by the reader) up to the first end tag ``end``."""
    return _content(end)


def _skip(excluded: str, group: str) -> str:
    """One element, skipped whole, whose name is not in the alternation ``excluded``."""
    return (
        rf"<(?!(?:{excluded})[ \t\n\r/>]|{_RECORD_START})(?P<{group}>{_NAME}){_ANY_ATTRS}{_W}"
        rf"(?:/>|>{_content(f'(?P={group})')}</(?P={group}){_W}>)"
    )


def _leaf(name: str, group: str | None = None) -> str:
    """Element ``name`` holding text only, its text in ``group``."""
    text = f"(?P<{group}>{_TEXT})" if group else _TEXT
    return rf"<{name}{_ATTRS}{_W}(?:/>|>{text}</{name}{_W}>)"


def _mixed_leaf(name: str, group: str) -> str:
    """Element ``name`` holding text with inline markup, in ``group``."""
    return rf"<{name}{_ATTRS}{_W}(?:/>|>(?P<{group}>{_mixed(name)})</{name}{_W}>)"


_POSSESSIVE_RE = re.compile(r"(?<=[*+?}])\+")


def compat(pattern: str) -> str:
    """``pattern`` for this Python: possessive quantifiers (``*+``, ``++``; 3.11+) save the
    engine from remembering backtracking positions. The patterns here are unambiguous (a
    repetition always ends at a character it cannot consume), so on 3.10 plain greedy
    quantifiers find exactly the same matches, only more slowly."""
    return pattern if sys.version_info >= (3, 11) else _POSSESSIVE_RE.sub("", pattern)


def _bytes_re(pattern: str) -> re.Pattern[bytes]:
    return re.compile(compat(pattern).encode("ascii"), re.DOTALL)


def _str_re(pattern: str) -> re.Pattern[str]:
    return re.compile(compat(pattern), re.DOTALL | re.ASCII)


def _groups(pattern: re.Pattern[bytes] | re.Pattern[str], *names: str) -> None:
    """Check that ``pattern``'s groups are ``names`` in this order (findall tuples rely on it)."""
    order = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
    assert tuple(order) == names and pattern.groups == len(names), (order, names)


# --------------------------------------------------------------------------- record tokens

_CONTAINERS = ("MedlineCitation", "Article", "PubmedData")
_LEAVES = ("PMID", "ELocationID", "Language")
_MIXED_LEAVES = ("ArticleTitle", "VernacularTitle")
# Elements read whole by a handler below, with the container level they belong to:
# 1 MedlineCitation, 2 Article, 3 PubmedData (0 is the PubmedArticle itself).
_COMPOSITE_LEVEL = {
    b"DateRevised": 1,
    b"DateCreated": 1,
    b"ChemicalList": 1,
    b"CommentsCorrectionsList": 1,
    b"MeshHeadingList": 1,
    b"KeywordList": 1,
    b"Journal": 2,
    b"Abstract": 2,
    b"AuthorList": 2,
    b"DataBankList": 2,
    b"PublicationTypeList": 2,
    b"ArticleDate": 2,
    b"History": 3,
    b"ArticleIdList": 3,
}
_USED = "|".join(
    _CONTAINERS + _LEAVES + _MIXED_LEAVES + tuple(n.decode() for n in _COMPOSITE_LEVEL)
)

# Before each token: whitespace and runs of elements the reference does not read at these levels
# (in MedlineCitation, Article, PubmedData and the PubmedArticle itself it picks children by name).
_TOKEN_RE = _bytes_re(
    rf"{_W}(?:{_skip(_USED, 'skip')}{_W})*+(?:"
    rf"</(?P<close>{'|'.join(_CONTAINERS)}){_W}>"
    rf"|<(?P<open>{'|'.join(_CONTAINERS)})(?P<oattrs>{_ATTRS}){_W}>"
    rf"|<(?P<leaf>{'|'.join(_LEAVES)})(?P<lattrs>{_ATTRS}){_W}"
    rf"(?:/>|>(?P<ltext>{_TEXT})</(?P=leaf){_W}>)"
    rf"|<(?P<mixed>{'|'.join(_MIXED_LEAVES)}){_ATTRS}{_W}"
    rf"(?:/>|>(?P<mtext>{_mixed('(?P=mixed)')})</(?P=mixed){_W}>)"
    rf"|<(?P<comp>{'|'.join(n.decode() for n in _COMPOSITE_LEVEL)}){_ATTRS}{_W}"
    rf"(?:/>|>(?P<ctext>{_content('(?P=comp)')})</(?P=comp){_W}>)"
    rf"|\Z|{_ERR})"  # \Z: skipped elements may end the content
)
_groups(
    _TOKEN_RE,
    "skip", "close", "open", "oattrs", "leaf", "lattrs", "ltext", "mixed", "mtext", "comp",
    "ctext", "err",
)  # fmt: skip

# --------------------------------------------------------------------------- values

_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_REF_RE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[^;]*);")
_TAG_RE = _str_re(r"<(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>")
_ATTR_RE = re.compile(r"([^ \t\n\r=]+)[ \t\n\r]*=[ \t\n\r]*(\"[^\"]*\"|'[^']*')")
_CACHE_MAX = 8192  # entries per cache below; a full cache is cleared, so memory stays flat
_attr_cache: dict[str, dict[str, str]] = {}
_date_cache: dict[object, dt.date | None] = {}


def _ref(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))
    value = _PREDEFINED.get(name)
    if value is None:  # only predefined entities are expected; the reference resolves others
        raise Unsupported(f"entity &{name};")
    return value


def _unescape(text: str) -> str:
    """Expand the references of decoded markup-free text (line ends already normalised)."""
    if text.count("&") == text.count("&amp;"):  # the common case, in MeSH and titles
        return text.replace("&amp;", "&")
    return _REF_RE.sub(_ref, text)


def _decode(raw: bytes) -> str:
    """A used element's content as str, line ends normalised as XML does."""
    text = raw.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _value(text: str) -> str:
    """The character data of markup-free decoded content."""
    return _unescape(text) if "&" in text else text


def _flat(text: str) -> str | None:
    """All text of decoded content with inline markup, whitespace-cleaned (the reference's
    ``_text``): tags are removed first, so ``&lt;`` in text never turns into markup."""
    if "<" in text:
        text = _TAG_RE.sub("", text)
    if "&" in text:
        text = _unescape(text)
    return clean_text(text)


def _attr_value(raw: str) -> str:
    """An attribute value as XML normalises it: tabs and newlines become spaces."""
    if "\t" in raw or "\n" in raw:
        raw = raw.replace("\t", " ").replace("\n", " ")
    return _unescape(raw) if "&" in raw else raw


def _attrs(raw: str) -> dict[str, str]:
    """Attributes of a start tag (the decoded text after its name); cached, as most recur."""
    found = _attr_cache.get(raw)
    if found is None:
        found = {name: _attr_value(value[1:-1]) for name, value in _ATTR_RE.findall(raw)}
        if len(_attr_cache) >= _CACHE_MAX:
            _attr_cache.clear()
        _attr_cache[raw] = found
    return found


def _attr_of(raw: str, name: str) -> str | None:
    """One attribute of a start tag's attribute text (None if absent)."""
    if not raw:
        return None
    found = _attr_cache.get(raw)
    return (found if found is not None else _attrs(raw)).get(name)


def _battrs(raw: bytes) -> dict[str, str]:
    return _attrs(_decode(raw)) if raw else {}


_MISSING = dt.date.min  # a date no record has: marks a cache miss


def _cached_date(
    key: object, year: str | None, month: str | None, day: str | None
) -> dt.date | None:
    """The date of these Year, Month and Day texts, cached under ``key`` (dates recur a lot)."""
    date = _date_cache.get(key, _MISSING)
    if date is _MISSING:
        date = date_from_texts(
            _value(year) if year else None,
            _value(month) if month else None,
            _value(day) if day else None,
        )
        if len(_date_cache) >= _CACHE_MAX:
            _date_cache.clear()
        _date_cache[key] = date
    return date


# --------------------------------------------------------------------------- used elements

_DATE_PARTS = (
    rf"{_W}(?:<Year{_W}>(?P<y>{_TEXT})</Year{_W}>{_W})?"
    rf"(?:<Month{_W}>(?P<m>{_TEXT})</Month{_W}>{_W})?"
    rf"(?:<Day{_W}>(?P<d>{_TEXT})</Day{_W}>{_W})?"
    rf"(?:<Hour{_W}>{_TEXT}</Hour{_W}>{_W}(?:<Minute{_W}>{_TEXT}</Minute{_W}>{_W}"
    rf"(?:<Second{_W}>{_TEXT}</Second{_W}>{_W})?)?)?"
)
_DATE_RE = _str_re(_DATE_PARTS)


def _date(content: bytes) -> dt.date | None:
    """The date of a DateRevised, DateCreated or ArticleDate element (content as bytes)."""
    date = _date_cache.get(content, _MISSING)
    if date is not _MISSING:
        return date
    match = _DATE_RE.fullmatch(_decode(content))
    if match is None:
        raise Unsupported("date of an unexpected shape")
    return _cached_date(content, *match.groups())


_PUB_DATE = (
    rf"<PubDate{_ATTRS}{_W}>{_W}"
    rf"(?:<Year{_W}>(?P<py>{_TEXT})</Year{_W}>{_W})?"
    rf"(?:<Month{_W}>(?P<pm>{_TEXT})</Month{_W}>{_W})?"
    rf"(?:<Day{_W}>(?P<pd>{_TEXT})</Day{_W}>{_W})?"
    rf"(?:<Season{_W}>(?P<ps>{_TEXT})</Season{_W}>{_W})?"
    rf"(?:<MedlineDate{_W}>(?P<pmd>{_TEXT})</MedlineDate{_W}>{_W})?</PubDate{_W}>{_W}"
)
_JOURNAL_RE = _str_re(
    rf"{_W}(?:(?P<issn_tag><)ISSN{_ATTRS}{_W}(?:/>|>(?P<issn>{_TEXT})</ISSN{_W}>){_W})?"
    rf"(?:<JournalIssue{_ATTRS}{_W}>{_W}(?:<Volume{_W}>{_TEXT}</Volume{_W}>{_W})?"
    rf"(?:<Issue{_W}>{_TEXT}</Issue{_W}>{_W})?(?:{_PUB_DATE})?</JournalIssue{_W}>{_W})?"
    rf"(?:{_mixed_leaf('Title', 'title')}{_W})?"
    rf"(?:{_mixed_leaf('ISOAbbreviation', 'iso')}{_W})?"
)
_groups(_JOURNAL_RE, "issn_tag", "issn", "py", "pm", "pd", "ps", "pmd", "title", "iso")


def _journal(content: bytes, f: CitationFields) -> None:
    match = _JOURNAL_RE.fullmatch(_decode(content))
    if match is None:
        raise Unsupported("journal of an unexpected shape")
    issn_tag, issn, year, month, day, season, medline_date, title, iso = match.groups()
    # ISSN: the first one's stripped text, None if empty (the DTD allows a single ISSN)
    f.issn = (_value(issn or "").strip() or None) if issn_tag else None
    f.journal = _flat(title) if title else None
    f.journal_iso = _flat(iso) if iso else None
    f.pub_year, f.pub_date = pub_date_from_texts(
        _value(medline_date) if medline_date else None,
        _value(year) if year else None,
        _value(month) if month else None,
        _value(season) if season else None,
        _value(day) if day else None,
    )


_ABSTRACT_RE = _str_re(
    rf"{_W}(?:<AbstractText(?P<attrs>{_ATTRS}){_W}"
    rf"(?:(?P<empty>/)>|>(?P<text>{_mixed('AbstractText')})</AbstractText{_W}>)"
    rf"|{_skip('AbstractText', 'skip')}|{_ERR})"
)
_groups(_ABSTRACT_RE, "attrs", "empty", "text", "skip", "err")


def _section_attrs(raw: str) -> tuple[str | None, str | None]:
    found = _section_cache.get(raw)
    if found is None:
        a = _attrs(raw) if raw else {}
        found = _section_cache[raw] = (a.get("Label"), a.get("NlmCategory"))
        if len(_section_cache) >= _CACHE_MAX:
            _section_cache.clear()
    return found


_section_cache: dict[str, tuple[str | None, str | None]] = {}


def _abstract(content: bytes, f: CitationFields) -> None:
    sections = []
    for attrs, _empty, text, _skipped, err in _ABSTRACT_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in Abstract")
        flat = _flat(text) if text else None
        if flat:
            label, category = _section_attrs(attrs)
            sections.append(AbstractSection(label, category, flat))
    f.sections = sections


_AUTHOR_RE = _str_re(
    rf"{_W}(?:<Author{_ATTRS}{_W}>{_W}"
    rf"(?:<LastName{_W}>(?P<last>{_TEXT})</LastName{_W}>{_W}"
    rf"(?:<ForeName{_W}>{_TEXT}</ForeName{_W}>{_W})?"
    rf"(?:<Initials{_W}>(?P<initials>{_TEXT})</Initials{_W}>{_W})?"
    rf"(?:<Suffix{_W}>{_TEXT}</Suffix{_W}>{_W})?"
    rf"|{_mixed_leaf('CollectiveName', 'collective')}{_W})?"
    rf"(?:{_skip('LastName|ForeName|Initials|Suffix|CollectiveName', 'skip')}{_W})*+"
    rf"</Author{_W}>|{_ERR})"
)
_groups(_AUTHOR_RE, "last", "initials", "collective", "skip", "err")


def _author_list(content: bytes, f: CitationFields) -> None:
    authors = []
    for last, initials, collective, _skipped, err in _AUTHOR_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in AuthorList")
        if last:  # the reference's author_name(), inlined: this runs for every author
            if "&" in last:
                last = _unescape(last)
            if "&" in initials:
                initials = _unescape(initials)
            name: str | None = f"{last} {initials}".strip()
        else:
            name = _flat(collective) if collective else None
        if name:
            authors.append(name)
    f.authors = authors


_PUB_TYPE_RE = _str_re(rf"{_W}(?:{_leaf('PublicationType', 'text')}|{_ERR})")


def _publication_types(content: bytes, f: CitationFields) -> None:
    types = []
    for text, err in _PUB_TYPE_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in PublicationTypeList")
        if text:
            types.append(_value(text).strip())
    f.publication_types = types


_DATABANK_RE = _str_re(
    rf"{_W}(?:<DataBank{_ATTRS}{_W}>{_W}(?:{_leaf('DataBankName', 'name')}{_W})?"
    rf"(?:<AccessionNumberList{_ATTRS}{_W}>(?P<accs>(?:{_W}{_leaf('AccessionNumber')})*+{_W})"
    rf"</AccessionNumberList{_W}>{_W})?</DataBank{_W}>|{_ERR})"
)
_groups(_DATABANK_RE, "name", "accs", "err")
_ACCESSION_RE = _str_re(_leaf("AccessionNumber", "text"))


def _databanks(content: bytes, f: CitationFields) -> None:
    banks = []
    for name, accs, err in _DATABANK_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in DataBankList")
        numbers = [_value(t) for t in _ACCESSION_RE.findall(accs) if t]
        banks.append((_value(name).strip(), numbers))
    f.databank_ncts, f.databank_others = databank_ids(banks)


_CHEMICAL_RE = _str_re(
    rf"{_W}(?:<Chemical{_ATTRS}{_W}>{_W}(?:<RegistryNumber{_W}>{_TEXT}</RegistryNumber{_W}>{_W})?"
    rf"(?:{_leaf('NameOfSubstance', 'name')}{_W})?</Chemical{_W}>|{_ERR})"
)
_groups(_CHEMICAL_RE, "name", "err")


def _chemicals(content: bytes, f: CitationFields) -> None:
    names = []
    for name, err in _CHEMICAL_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in ChemicalList")
        if name:
            names.append(_value(name).strip())
    f.chemicals = names


# A RefType other than "Cites": only then can a CommentsCorrectionsList add anything.
_KEPT_HINT_RE = re.compile(rb"RefType[ \t\n\r]*=[ \t\n\r]*[\"'](?!Cites[\"'])")
_CORRECTION_RE = _str_re(
    rf"{_W}(?:<CommentsCorrections(?P<attrs>{_ATTRS}){_W}>{_W}"
    rf"(?:(?P<src_tag><)RefSource{_ATTRS}{_W}(?:/>|>(?P<src>{_TEXT})</RefSource{_W}>){_W})?"
    rf"(?:{_leaf('PMID', 'pmid')}{_W})?(?:<Note{_W}>{_TEXT}</Note{_W}>{_W})?"
    rf"</CommentsCorrections{_W}>|{_ERR})"
)
_groups(_CORRECTION_RE, "attrs", "src_tag", "src", "pmid", "err")


def _corrections(content: bytes, f: CitationFields) -> None:
    out: list[CommentCorrection] = []
    if _KEPT_HINT_RE.search(content):
        for attrs, src_tag, src, pmid, err in _CORRECTION_RE.findall(_decode(content)):
            if err:
                raise Unsupported("unexpected content in CommentsCorrectionsList")
            ref_type = (_attrs(attrs).get("RefType") if attrs else None) or ""
            if ref_type in KEPT_CORRECTION_TYPES:
                pmid_text = _value(pmid) if pmid else None
                out.append(
                    CommentCorrection(
                        ref_type,
                        pmid_text.strip() if pmid_text else None,
                        _value(src) if src_tag else None,
                    )
                )
    f.corrections = out


def _qualifier(named: bool) -> str:
    attrs, text = ("(?P<qattrs>", "(?P<qtext>") if named else ("(?:", "(?:")
    return rf"<QualifierName{attrs}{_ATTRS}){_W}(?:/>|>{text}{_TEXT})</QualifierName{_W}>)"


_MESH_RE = _str_re(
    rf"{_W}(?:<MeshHeading{_ATTRS}{_W}>{_W}"
    rf"<DescriptorName(?P<dattrs>{_ATTRS}){_W}(?:/>|>(?P<desc>{_TEXT})</DescriptorName{_W}>){_W}"
    rf"(?P<quals>(?:{_qualifier(False)}{_W})*+)</MeshHeading{_W}>|{_ERR})"
)
_groups(_MESH_RE, "dattrs", "desc", "quals", "err")
_QUALIFIER_RE = _str_re(_qualifier(True))


def _heading(
    dattrs: str, desc: str, quals: str
) -> tuple[str, str | None, bool, tuple[str, ...], tuple[str, ...]]:
    """(descriptor, UI, major, qualifiers, major qualifiers) of one MeshHeading."""
    a = _attrs(dattrs) if dattrs else {}
    qualifiers: list[str] = []
    major_qualifiers: list[str] = []
    if quals:
        for qattrs, qtext in _QUALIFIER_RE.findall(quals):
            if qtext:
                q = _value(qtext).strip()
                qualifiers.append(q)
                if qattrs and _attrs(qattrs).get("MajorTopicYN") == "Y":
                    major_qualifiers.append(q)
    major = a.get("MajorTopicYN") == "Y"
    return _value(desc).strip(), a.get("UI"), major, tuple(qualifiers), tuple(major_qualifiers)


_heading_cache: dict[
    tuple[str, str, str], tuple[str, str | None, bool, tuple[str, ...], tuple[str, ...]]
] = {}


def _mesh(content: bytes, f: CitationFields) -> None:
    headings = []
    for item in _MESH_RE.findall(_decode(content)):
        if item[3]:
            raise Unsupported("unexpected content in MeshHeadingList")
        if not item[1]:
            continue  # no descriptor text: the reference skips the heading
        key = item[:3]
        found = _heading_cache.get(key)  # headings recur (Humans, Female, drug therapy ...)
        if found is None:
            found = _heading_cache[key] = _heading(*key)
            if len(_heading_cache) >= _CACHE_MAX:
                _heading_cache.clear()
        descriptor, ui, major, qualifiers, major_qualifiers = found
        headings.append(
            MeshHeading(descriptor, ui, major, list(qualifiers), list(major_qualifiers))
        )
    f.headings = headings


_KEYWORD_RE = _str_re(rf"{_W}(?:{_mixed_leaf('Keyword', 'text')}|{_ERR})")


def _keywords(content: bytes, f: CitationFields) -> None:
    for text, err in _KEYWORD_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in KeywordList")
        flat = _flat(text) if text else None
        if flat:
            f.keywords.append(flat)


_HISTORY_RE = _str_re(
    rf"{_W}(?:<PubMedPubDate(?P<attrs>{_ATTRS}){_W}>{_DATE_PARTS}</PubMedPubDate{_W}>|{_ERR})"
)
_groups(_HISTORY_RE, "attrs", "y", "m", "d", "err")


_HISTORY_LIST_RE = _bytes_re(
    rf"(?:{_W}<PubMedPubDate{_ATTRS}{_W}>{_DATE_PARTS}</PubMedPubDate{_W}>)*+{_W}"
)
_ENTREZ = b'<PubMedPubDate PubStatus="entrez">'
_CANONICAL_DATE_TAG_RE = re.compile(rb'<PubMedPubDate PubStatus="[^"]*">')
_ENTREZ_DATE_RE = _bytes_re(_DATE_PARTS)


def _history(content: bytes, f: CitationFields) -> None:
    """The entrez date of a History (what the reference reads), or all its dates if none.

    When every PubMedPubDate start tag is exactly ``<PubMedPubDate PubStatus="...">`` (as NCBI
    writes it) and nothing is escaped, the first entrez node is the first occurrence of that tag
    with "entrez", and the other nodes need not be read.
    """
    if (
        b"&" not in content
        and content.count(b"<PubMedPubDate") == len(_CANONICAL_DATE_TAG_RE.findall(content))
        and _HISTORY_LIST_RE.fullmatch(content) is not None
    ):
        at = content.find(_ENTREZ)
        match = _ENTREZ_DATE_RE.match(content, at + len(_ENTREZ)) if at >= 0 else None
        if match is not None:
            date = _date_cache.get(match.group(0), _MISSING)
            if date is _MISSING:
                y, m, d = (_decode(g) if g is not None else None for g in match.groups())
                date = _cached_date(match.group(0), y, m, d)
            if date is not None:  # else the next entrez node counts: the general case below
                f.entrez_date, f.history = date, []
                return
    _history_nodes(content, f)


def _history_nodes(content: bytes, f: CitationFields) -> None:
    nodes = []
    for attrs, y, m, d, err in _HISTORY_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in History")
        nodes.append((_attr_of(attrs, "PubStatus"), y, m, d))
    # the entrez date is what the reference reads (history_dates), found without decoding others
    for status, y, m, d in nodes:
        if status == "entrez":
            date = _cached_date((y, m, d), y, m, d)
            if date is not None:
                f.entrez_date, f.history = date, []
                return
    f.entrez_date, f.history = history_dates(
        (status, _value(y) if y else None, _value(m) if m else None, _value(d) if d else None)
        for status, y, m, d in nodes
    )


_ARTICLE_ID_RE = _str_re(
    rf"{_W}(?:<ArticleId(?P<attrs>{_ATTRS}){_W}(?:/>|>(?P<text>{_TEXT})</ArticleId{_W}>)|{_ERR})"
)
_groups(_ARTICLE_ID_RE, "attrs", "text", "err")


def _article_ids(content: bytes, f: CitationFields) -> None:
    ids = []
    for attrs, text, err in _ARTICLE_ID_RE.findall(_decode(content)):
        if err:
            raise Unsupported("unexpected content in ArticleIdList")
        ids.append((_attr_of(attrs, "IdType"), (_unescape(text) if "&" in text else text) or None))
    f.doi, f.pmc = article_ids(ids)


def _date_into(field: str) -> Callable[[bytes, CitationFields], None]:
    def handler(content: bytes, f: CitationFields) -> None:
        setattr(f, field, _date(content))

    return handler


# Handlers of the composite elements; each sets every field it owns, so the last element wins.
_HANDLERS: dict[bytes, Callable[[bytes, CitationFields], None]] = {
    b"DateRevised": _date_into("date_revised"),
    b"DateCreated": _date_into("date_created"),
    b"ChemicalList": _chemicals,
    b"CommentsCorrectionsList": _corrections,
    b"MeshHeadingList": _mesh,
    b"KeywordList": _keywords,
    b"Journal": _journal,
    b"Abstract": _abstract,
    b"AuthorList": _author_list,
    b"DataBankList": _databanks,
    b"PublicationTypeList": _publication_types,
    b"ArticleDate": _date_into("article_date"),
    b"History": _history,
    b"ArticleIdList": _article_ids,
}
# Elements of which the reference reads the first one (``find``); of the others the last wins.
_FIRST_ONLY = frozenset({b"ArticleDate", b"History", b"ArticleIdList"})
_COMPOSITES = {
    name: (level, name in _FIRST_ONLY, _HANDLERS[name]) for name, level in _COMPOSITE_LEVEL.items()
}
_OPENS = {(0, b"MedlineCitation"): 1, (1, b"Article"): 2, (0, b"PubmedData"): 3}
_CLOSES = {(1, b"MedlineCitation"): 0, (2, b"Article"): 1, (3, b"PubmedData"): 0}


# --------------------------------------------------------------------------- records


def _read_leaf(level: int, name: bytes, attrs: bytes, text: bytes, f: CitationFields) -> None:
    if level == 1 and name == b"PMID":  # the last PMID child wins, as in the reference
        f.pmid = _value(_decode(text))
        f.version_attr = _battrs(attrs).get("Version")
    elif level == 2 and name == b"Language":
        if text:
            f.languages.append(_value(_decode(text)).strip())
    elif level == 2 and name == b"ELocationID":
        if text and _battrs(attrs).get("EIdType") == "doi":
            f.elocation_dois.append(_value(_decode(text)).strip())
    else:
        raise Unsupported("element in an unexpected place")


def _read_tokens(buf: bytes, start: int, end: int, level: int, f: CitationFields) -> set[bytes]:
    """Read the tokens of a record's content into ``f``; returns the containers and first-only
    elements seen."""
    seen: set[bytes] = set()
    for (
        _skip,
        close,
        open_,
        oattrs,
        leaf,
        lattrs,
        ltext,
        mixed,
        mtext,
        comp,
        ctext,
        err,
    ) in _TOKEN_RE.findall(buf, start, end):
        if comp:
            comp_level, first_only, handler = _COMPOSITES[comp]
            if comp_level != level:
                raise Unsupported("element in an unexpected place")
            if first_only:
                if comp in seen:
                    continue
                seen.add(comp)
            handler(ctext, f)
        elif leaf:
            _read_leaf(level, leaf, lattrs, ltext, f)
        elif open_:
            inner = _OPENS.get((level, open_))
            if inner is None or open_ in seen:
                raise Unsupported("container in an unexpected place")
            seen.add(open_)
            level = inner
            if inner == 1:
                f.status = _battrs(oattrs).get("Status")
        elif close:
            level = _CLOSES[(level, close)]
        elif mixed and level == 2:
            text = _flat(_decode(mtext)) if mtext else None
            if mixed == b"ArticleTitle":
                f.title = text
            else:
                f.vernacular_title = text
        elif err or mixed:
            raise Unsupported(f"unexpected content {err!r}")
        # else: skipped elements at the end of the content
    return seen


def _article(f: CitationFields, source_file: str | None) -> Article:
    if not (f.pmid or "").strip():
        raise Unsupported("record without PMID")  # the reference raises its own error for it
    return build_article(f, source_file)


def read_pubmed_article(
    buf: bytes, start: int, end: int, source_file: str | None
) -> Article | None:
    """The Article of the ``PubmedArticle`` whose content is ``buf[start:end]`` (None when it holds
    no MedlineCitation, as in the reference); raises Unsupported when unsure."""
    f = CitationFields()
    if b"MedlineCitation" not in _read_tokens(buf, start, end, 0, f):
        return None
    return _article(f, source_file)


def read_medline_citation(
    buf: bytes, start: int, end: int, attrs: bytes, source_file: str | None
) -> Article:
    """The Article of a top-level ``MedlineCitation`` (``MedlineCitationSet`` layout) whose
    content is ``buf[start:end]`` and whose start tag's attributes are ``attrs``."""
    f = CitationFields()
    f.status = _battrs(attrs).get("Status")
    _read_tokens(buf, start, end, 1, f)
    return _article(f, source_file)


_DELETE_RE = _str_re(rf"{_W}(?:{_leaf('PMID', 'text')}|{_skip('PMID', 'skip')}|{_ERR})")
_groups(_DELETE_RE, "text", "skip", "err")


def read_deletion(buf: bytes, start: int, end: int, source_file: str | None) -> Deletion:
    """The PMIDs of a ``DeleteCitation`` whose content is ``buf[start:end]``."""
    pmids = []
    for text, _skipped, err in _DELETE_RE.findall(_decode(buf[start:end])):
        if err:
            raise Unsupported("unexpected content in DeleteCitation")
        if text:
            pmids.append(_value(text).strip())
    return Deletion(pmids=tuple(pmids), source_file=source_file)


_BOOK_RE = _bytes_re(_content("PubmedBookArticle"))


def check_book_article(buf: bytes, start: int, end: int) -> None:
    """A ``PubmedBookArticle`` yields nothing, as in the reference, if it holds no record."""
    if _BOOK_RE.fullmatch(buf, start, end) is None:
        raise Unsupported("book article holding something unusual")
