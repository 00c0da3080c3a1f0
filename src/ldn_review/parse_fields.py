"""From the field values of a PubMed record to an :class:`~ldn_review.models.Article`.

Both PubMed parsers read XML into plain values (strings exactly as XML defines an element's text or
an attribute's value, ``None`` where an element is absent) and hand them to the functions here:
:mod:`ldn_review.parse_reference` reads them from an ElementTree, :mod:`ldn_review.parse_fast` from
the record's bytes. Everything that is not XML reading (dates, whitespace, registry ids, the
content hash, which fields win) lives here once, so the two parsers cannot drift apart on it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence

from .errors import ParseError
from .models import AbstractSection, Article, CommentCorrection, MeshHeading

# CommentsCorrections types kept in the table; "Cites" (reference lists) would swamp it.
KEPT_CORRECTION_TYPES = frozenset(
    {
        "RetractionIn",
        "RetractionOf",
        "ErratumIn",
        "ErratumFor",
        "ExpressionOfConcernIn",
        "ExpressionOfConcernFor",
        "CommentIn",
        "CommentOn",
        "UpdateIn",
        "UpdateOf",
        "RepublishedIn",
        "RepublishedFrom",
        "ReprintIn",
        "ReprintOf",
        "PartialRetractionIn",
        "PartialRetractionOf",
    }
)
RETRACTED_TYPES = frozenset({"Retracted Publication"})
RETRACTION_NOTICE_TYPES = frozenset({"Retraction of Publication"})
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

# ClinicalTrials.gov ids and other primary registries of the WHO ICTRP.
NCT_RE = re.compile(r"\bNCT[\s-]?(\d{8})\b", re.IGNORECASE)
OTHER_REGISTRY_RE = re.compile(
    r"\b(ISRCTN\s?\d{8}|EudraCT\s?(?:No\.?\s?|number:?\s?)?\d{4}-\d{6}-\d{2}"
    r"|ACTRN\s?\d{14}|DRKS\s?\d{8}|ChiCTR[-\w]{6,20}\d|IRCT\w{8,20}\d|CTRI/\d{4}/\d{2,3}/\d{6}"
    r"|jRCT\w?\d{8,10}|UMIN\d{9}|NTR\d{3,5}|KCT\d{7}|TCTR\d{11}|PACTR\d{15})",
    re.IGNORECASE,
)
REGISTRY_DATABANKS = frozenset(
    {"ISRCTN", "EudraCT", "ANZCTR", "DRKS", "ChiCTR", "CTRI", "JPRN", "IRCT"}
)
_REGISTRY_HINTS = (
    "ISRCTN",
    "EudraCT",
    "EUDRACT",
    "ACTRN",
    "DRKS",
    "ChiCTR",
    "IRCT",
    "CTRI/",
    "jRCT",
    "UMIN",
    "NTR",
    "KCT",
    "TCTR",
    "PACTR",
)
_WS_RE = re.compile(r"\s+")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

# Registry-id gates. The IGNORECASE id regexes cost 30-100 us per abstract, and plain substring
# checks pass on most abstracts ("function", "adjunct" contain "nct"; the INTRODUCTION label contains
# "NTR"), so the gates ask for a digit right after the hint: one literal-prefix regex on the
# lower-cased text for NCT, one alternation of the hints plus a tail check for the others.
_NCT_GATE_RE = re.compile(r"nct[\s-]?\d")  # on text.lower()
_HINTS_RE = re.compile("|".join(re.escape(h) for h in _REGISTRY_HINTS))
_ID_TAIL_RE = re.compile(r"\W{0,2}\w{0,12}?\W{0,2}\d")


def clean_text(text: str) -> str | None:
    """An element's text with whitespace runs collapsed and ends stripped; None if nothing is left."""
    # split/join only when there is whitespace to collapse: most texts are already clean
    messy = "\n" in text or "\t" in text or "  " in text
    text = " ".join(text.split()) if messy else text.strip()
    return text or None


def to_int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def month_number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        month = int(text)
        return month if 1 <= month <= 12 else None
    return MONTHS.get(text[:3].lower())


def date_from_texts(year: str | None, month: str | None, day: str | None) -> dt.date | None:
    """A date from the texts of its Year, Month and Day (month and day default to 1)."""
    year_number = to_int(year)
    if year_number is None:
        return None
    try:
        return dt.date(year_number, month_number(month) or 1, to_int(day) or 1)
    except ValueError:
        return None


# Text that stands for a missing value in hand-made or converted records ("<Title>Unknown
# journal</Title>", "<MedlineDate>unknown</MedlineDate>"): the tables hold null for it.
PLACEHOLDERS = frozenset({
    "unknown", "unknown journal", "[unknown]", "(unknown)", "n/a", "na", "n.a.", "not available",
    "not stated", "not known", "none", "null", "nil", "-", "--", "?",
})


def known(text: str | None) -> str | None:
    """``text``, or None when it is empty or a placeholder for a missing value."""
    if text is None:
        return None
    stripped = text.strip()
    return None if not stripped or stripped.lower() in PLACEHOLDERS else text


def pub_date_from_texts(
    medline_date: str | None,
    year: str | None,
    month: str | None,
    season: str | None,
    day: str | None,
) -> tuple[int | None, str | None]:
    """(year, date text) from a PubDate: Year/Month/Day, Season, or free-text MedlineDate (a
    placeholder such as "unknown" is no date)."""
    medline_date = known(medline_date)
    if medline_date:
        match = _YEAR_RE.search(medline_date)
        return (int(match.group(1)) if match else None), medline_date.strip()
    year_number = to_int(year)
    if year_number is None:
        return None, None
    month_no = month_number(month) or SEASONS.get((season or "").lower())
    day_no = to_int(day)
    if month_no and day_no:
        return year_number, f"{year_number:04d}-{month_no:02d}-{day_no:02d}"
    if month_no:
        return year_number, f"{year_number:04d}-{month_no:02d}"
    return year_number, f"{year_number:04d}"


def author_name(last: str | None, initials: str | None, collective: str | None) -> str | None:
    """ "Last Initials" of a person; the (cleaned) CollectiveName of a group."""
    if last:
        return f"{last} {initials or ''}".strip()
    return collective


# Every hint contains one of these anchors; per anchor, (offset of the anchor in the hint, the
# hint's place in _REGISTRY_HINTS, the hint).
_HINT_ANCHORS: dict[str, list[tuple[int, int, str]]] = {}
for _order, _hint in enumerate(_REGISTRY_HINTS):
    _anchor = next(a for a in ("CT", "DRKS", "UMIN", "NTR") if a in _hint)
    _HINT_ANCHORS.setdefault(_anchor, []).append((_hint.index(_anchor), _order, _hint))


def _hint_ends(text: str) -> Iterator[int]:
    """End offsets of the matches of ``_HINTS_RE.finditer(text)``, a third faster.

    The hints are literals, so the regex's matches are: the leftmost occurrence of any hint at or
    after the previous match's end, the first hint in pattern order where several start at the
    same place. Occurrences are found from four anchors with ``str.find`` instead of trying the
    14-way alternation at every capital letter.
    """
    found = []
    for anchor, hints in _HINT_ANCHORS.items():
        at = text.find(anchor)
        while at >= 0:
            for offset, order, hint in hints:
                start = at - offset
                if start >= 0 and text.startswith(hint, start):
                    found.append((start, order, start + len(hint)))
            at = text.find(anchor, at + 1)
    if not found:
        return
    found.sort()
    end = last_start = -1
    for start, _order, stop in found:
        if start >= end and start != last_start:
            last_start, end = start, stop
            yield stop


def find_registry_ids(text: str | None) -> tuple[list[str], list[str]]:
    """(NCT ids, other registry ids) mentioned in free text, normalised and de-duplicated."""
    if not text:
        return [], []
    ncts: list[str] = []
    if _NCT_GATE_RE.search(text.lower()):
        ncts = list(dict.fromkeys(f"NCT{m}" for m in NCT_RE.findall(text)))
    others: list[str] = []
    if any(_ID_TAIL_RE.match(text, end) for end in _hint_ends(text)):
        others = list(
            dict.fromkeys(_WS_RE.sub("", m).upper() for m in OTHER_REGISTRY_RE.findall(text))
        )
    return ncts, others


def databank_ids(
    banks: Iterable[tuple[str, Iterable[str | None]]],
) -> tuple[list[str], list[str]]:
    """(NCT ids, other registry ids) of a DataBankList, from (bank name, accession texts) pairs.

    The name is the stripped DataBankName text; empty accession texts are skipped.
    """
    ncts: list[str] = []
    others: list[str] = []
    for name, accessions in banks:
        for acc in accessions:
            if not acc:
                continue
            acc_id = acc.strip()
            if name == "ClinicalTrials.gov" or acc_id.upper().startswith("NCT"):
                ncts.append(acc_id.upper())
            elif name in REGISTRY_DATABANKS:
                others.append(acc_id)
    return ncts, others


def history_dates(
    nodes: Iterable[tuple[str | None, str | None, str | None, str | None]],
) -> tuple[dt.date | None, list[dt.date]]:
    """(entrez date, all history dates when there is no entrez date) of the PubMedPubDate nodes of
    a History, given as (PubStatus, Year, Month, Day) texts."""
    nodes = list(nodes)
    for status, year, month, day in nodes:
        if status == "entrez":
            date = date_from_texts(year, month, day)
            if date is not None:
                return date, []
    dates = (date_from_texts(year, month, day) for _status, year, month, day in nodes)
    return None, [d for d in dates if d is not None]


def article_ids(ids: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """(DOI, PMC id) of an ArticleIdList, from (IdType, text) pairs: the first non-empty of each."""
    doi = pmc = None
    for id_type, text in ids:
        if id_type == "doi" and not doi and text:
            doi = text.strip()
        elif id_type == "pmc" and not pmc and text:
            pmc = text.strip()
    return doi, pmc


def mesh_summary(headings: Sequence[MeshHeading]) -> tuple[list[str], list[str]]:
    """(all descriptors, major descriptors: major themselves or with a major qualifier)."""
    terms = [h.descriptor for h in headings]
    major = [h.descriptor for h in headings if h.major or h.major_qualifiers]
    return terms, major


def abstract_text(sections: Sequence[AbstractSection]) -> str | None:
    """The abstract as one text: "LABEL: text" paragraphs for labelled sections."""
    if not sections:
        return None
    return "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in sections)


def content_hash(article: Article) -> str:
    """Hash of what a record says (not where it came from), to detect revisions."""
    parts = [
        article.pmid,
        str(article.version),
        article.title or "",
        article.abstract or "",
        article.journal or "",
        str(article.pub_year),
        "|".join(article.authors),
        "|".join(article.publication_types),
        "|".join(article.mesh_terms),
        "|".join(f"{c.ref_type}:{c.pmid}" for c in article.comments_corrections),
        str(article.date_revised),
        article.doi or "",
        "|".join(article.keywords),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


class CitationFields:
    """The values of one MedlineCitation (and its PubmedData), as read by either parser.

    Attributes hold XML-level values: ``pmid`` is the PMID text, ``version_attr`` its Version
    attribute, titles and texts are already whitespace-cleaned (:func:`clean_text`), lists are in
    document order. :func:`build_article` turns them into an Article.
    """

    __slots__ = (
        "pmid",
        "version_attr",
        "status",
        "title",
        "vernacular_title",
        "sections",
        "journal",
        "journal_iso",
        "issn",
        "pub_year",
        "pub_date",
        "article_date",
        "authors",
        "languages",
        "publication_types",
        "elocation_dois",
        "databank_ncts",
        "databank_others",
        "headings",
        "corrections",
        "keywords",
        "chemicals",
        "date_created",
        "date_revised",
        "entrez_date",
        "history",
        "doi",
        "pmc",
    )

    def __init__(self) -> None:
        self.pmid: str | None = None
        self.version_attr: str | None = None
        self.status: str | None = None
        self.title: str | None = None
        self.vernacular_title: str | None = None
        self.sections: list[AbstractSection] = []
        self.journal: str | None = None
        self.journal_iso: str | None = None
        self.issn: str | None = None
        self.pub_year: int | None = None
        self.pub_date: str | None = None
        self.article_date: dt.date | None = None
        self.authors: list[str] = []
        self.languages: list[str] = []
        self.publication_types: list[str] = []
        self.elocation_dois: list[str] = []
        self.databank_ncts: list[str] = []
        self.databank_others: list[str] = []
        self.headings: list[MeshHeading] = []
        self.corrections: list[CommentCorrection] = []
        self.keywords: list[str] = []
        self.chemicals: list[str] = []
        self.date_created: dt.date | None = None
        self.date_revised: dt.date | None = None
        self.entrez_date: dt.date | None = None
        self.history: list[dt.date] = []
        self.doi: str | None = None
        self.pmc: str | None = None


def build_article(fields: CitationFields, source_file: str | None) -> Article:
    """The Article of one citation; raises ParseError when it has no PMID."""
    pmid = (fields.pmid or "").strip()
    if not pmid:
        raise ParseError(f"record without PMID in {source_file or 'input'}", path=source_file)
    year, pub_date = fields.pub_year, fields.pub_date
    if year is None and fields.article_date:  # electronic-only records may lack a PubDate year
        year, pub_date = fields.article_date.year, fields.article_date.isoformat()
    sections = fields.sections
    abstract = abstract_text(sections)
    mesh_terms, mesh_major = mesh_summary(fields.headings)
    corrections = fields.corrections
    ref_types = {c.ref_type for c in corrections}
    doi = fields.doi or (fields.elocation_dois[0] if fields.elocation_dois else None)
    title = fields.title or fields.vernacular_title
    text_ncts, text_others = find_registry_ids(f"{title or ''}\n{abstract or ''}")
    pub_types = fields.publication_types
    authors = fields.authors
    history = fields.history
    article = Article(
        pmid=pmid,
        version=to_int(fields.version_attr) or 1,
        title=title,
        abstract=abstract,
        abstract_sections=sections,
        journal=known(fields.journal),
        journal_iso=known(fields.journal_iso),
        issn=fields.issn,
        pub_year=year,
        pub_date=pub_date,
        authors=authors,
        first_author=authors[0] if authors else None,
        languages=fields.languages,
        publication_types=pub_types,
        mesh_terms=mesh_terms,
        mesh_major_terms=mesh_major,
        mesh_headings=fields.headings,
        keywords=fields.keywords,
        chemicals=fields.chemicals,
        doi=doi,
        pmc_id=fields.pmc,
        nct_ids=list(dict.fromkeys(fields.databank_ncts + text_ncts)),
        registry_ids=list(dict.fromkeys(fields.databank_others + text_others)),
        comments_corrections=corrections,
        is_retracted="RetractionIn" in ref_types or bool(RETRACTED_TYPES.intersection(pub_types)),
        is_retraction_notice=bool(RETRACTION_NOTICE_TYPES.intersection(pub_types)),
        has_erratum="ErratumIn" in ref_types,
        has_expression_of_concern="ExpressionOfConcernIn" in ref_types,
        # the entrez date is when the record entered PubMed; older layouts carry DateCreated
        created_date=fields.entrez_date
        or fields.date_created
        or (min(history) if history else None),
        date_revised=fields.date_revised,
        medline_status=fields.status,
        source_file=source_file,
    )
    article.content_hash = content_hash(article)
    return article
