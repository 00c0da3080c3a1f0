"""Streaming parser for PubMed XML: ``PubmedArticleSet`` (EFetch and the annual baseline) and the
older ``MedlineCitationSet``.

Files are read with :class:`xml.etree.ElementTree.XMLPullParser` in fixed-size chunks; each record is
turned into an :class:`~ldn_review.models.Article` as soon as its end tag is seen and the tree is then
cleared, so memory stays flat however large the file. Parsing takes bytes or a binary stream; only
:func:`iter_file_records` opens files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from .errors import ParseError
from .models import AbstractSection, Article, CommentCorrection, Deletion, MeshHeading

CHUNK_SIZE = 1 << 16  # 64 KiB reads: large enough to amortise calls, small enough to stay flat
RECORD_SET_TAGS = frozenset({"PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet"})
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


def _text(el: ET.Element | None) -> str | None:
    """All text of an element, inline markup (<i>, <sub>, <sup>, MathML) flattened."""
    if el is None:
        return None
    text = "".join(el.itertext()) if len(el) else (el.text or "")
    # split/join only when there is whitespace to collapse: most texts are already clean
    messy = "\n" in text or "\t" in text or "  " in text
    text = " ".join(text.split()) if messy else text.strip()
    return text or None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _month(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        month = int(text)
        return month if 1 <= month <= 12 else None
    return MONTHS.get(text[:3].lower())


def _date(el: ET.Element | None) -> dt.date | None:
    if el is None:
        return None
    year = _int(el.findtext("Year"))
    if year is None:
        return None
    month = _month(el.findtext("Month")) or 1
    day = _int(el.findtext("Day")) or 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_pub_date(el: ET.Element | None) -> tuple[int | None, str | None]:
    """(year, date text) from a PubDate: Year/Month/Day, Season, or free-text MedlineDate."""
    if el is None:
        return None, None
    medline_date = el.findtext("MedlineDate")
    if medline_date:
        match = _YEAR_RE.search(medline_date)
        return (int(match.group(1)) if match else None), medline_date.strip()
    year = _int(el.findtext("Year"))
    if year is None:
        return None, None
    month = _month(el.findtext("Month")) or SEASONS.get((el.findtext("Season") or "").lower())
    day = _int(el.findtext("Day"))
    if month and day:
        return year, f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return year, f"{year:04d}-{month:02d}"
    return year, f"{year:04d}"


def _author_name(author: ET.Element) -> str | None:
    last = author.findtext("LastName")
    if last:
        initials = author.findtext("Initials") or ""
        return f"{last} {initials}".strip()
    return _text(author.find("CollectiveName"))


# Registry-id gates. The IGNORECASE id regexes cost 30-100 us per abstract, and plain substring
# checks pass on most abstracts ("function", "adjunct" contain "nct"; the INTRODUCTION label contains
# "NTR"), so the gates ask for a digit right after the hint: one literal-prefix regex on the
# lower-cased text for NCT, one alternation of the hints plus a tail check for the others.
_NCT_GATE_RE = re.compile(r"nct[\s-]?\d")  # on text.lower()
_HINTS_RE = re.compile("|".join(re.escape(h) for h in _REGISTRY_HINTS))
_ID_TAIL_RE = re.compile(r"\W{0,2}\w{0,12}?\W{0,2}\d")


def find_registry_ids(text: str | None) -> tuple[list[str], list[str]]:
    """(NCT ids, other registry ids) mentioned in free text, normalised and de-duplicated."""
    if not text:
        return [], []
    ncts: list[str] = []
    if _NCT_GATE_RE.search(text.lower()):
        ncts = list(dict.fromkeys(f"NCT{m}" for m in NCT_RE.findall(text)))
    others: list[str] = []
    if any(_ID_TAIL_RE.match(text, m.end()) for m in _HINTS_RE.finditer(text)):
        others = list(
            dict.fromkeys(_WS_RE.sub("", m).upper() for m in OTHER_REGISTRY_RE.findall(text))
        )
    return ncts, others


def _parse_abstract(abstract_el: ET.Element | None) -> tuple[str | None, list[AbstractSection]]:
    if abstract_el is None:
        return None, []
    sections: list[AbstractSection] = []
    for node in abstract_el:
        if node.tag != "AbstractText":
            continue
        text = _text(node)
        if text:
            sections.append(AbstractSection(node.get("Label"), node.get("NlmCategory"), text))
    if not sections:
        return None, []
    abstract = "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in sections)
    return abstract, sections


def _parse_mesh(mesh_list: ET.Element | None) -> tuple[list[MeshHeading], list[str], list[str]]:
    if mesh_list is None:
        return [], [], []
    headings: list[MeshHeading] = []
    for heading in mesh_list:
        desc = heading.find("DescriptorName")
        if desc is None or not desc.text:
            continue
        quals = heading.findall("QualifierName")
        headings.append(
            MeshHeading(
                descriptor=desc.text.strip(),
                descriptor_ui=desc.get("UI"),
                major=desc.get("MajorTopicYN") == "Y",
                qualifiers=[q.text.strip() for q in quals if q.text],
                major_qualifiers=[
                    q.text.strip() for q in quals if q.text and q.get("MajorTopicYN") == "Y"
                ],
            )
        )
    terms = [h.descriptor for h in headings]
    major = [h.descriptor for h in headings if h.major or h.major_qualifiers]
    return headings, terms, major


def _parse_corrections(corrections_list: ET.Element | None) -> list[CommentCorrection]:
    out: list[CommentCorrection] = []
    if corrections_list is None:
        return out
    for node in corrections_list:
        ref_type = node.get("RefType") or ""
        if ref_type in KEPT_CORRECTION_TYPES:
            pmid = node.findtext("PMID")
            out.append(
                CommentCorrection(
                    ref_type, pmid.strip() if pmid else None, node.findtext("RefSource")
                )
            )
    return out


def _history_dates(pubmed_data: ET.Element | None) -> tuple[dt.date | None, list[dt.date]]:
    """(entrez date, all history dates when there is no entrez date) of a PubmedData element."""
    if pubmed_data is None:
        return None, []
    history = pubmed_data.find("History")
    if history is None:
        return None, []
    for node in history:
        if node.get("PubStatus") == "entrez":
            day = _date(node)
            if day is not None:
                return day, []
    return None, [d for d in (_date(n) for n in history) if d is not None]


def _article_ids(pubmed_data: ET.Element | None) -> tuple[str | None, str | None]:
    doi = pmc = None
    if pubmed_data is None:
        return None, None
    id_list = pubmed_data.find("ArticleIdList")
    if id_list is None:
        return None, None
    for aid in id_list:
        id_type = aid.get("IdType")
        if id_type == "doi" and not doi and aid.text:
            doi = aid.text.strip()
        elif id_type == "pmc" and not pmc and aid.text:
            pmc = aid.text.strip()
    return doi, pmc


def _databank_ids(bank_list: ET.Element | None) -> tuple[list[str], list[str]]:
    ncts: list[str] = []
    others: list[str] = []
    if bank_list is None:
        return ncts, others
    for bank in bank_list:
        name = (bank.findtext("DataBankName") or "").strip()
        for acc in bank.iterfind("AccessionNumberList/AccessionNumber"):
            if not acc.text:
                continue
            acc_id = acc.text.strip()
            if name == "ClinicalTrials.gov" or acc_id.upper().startswith("NCT"):
                ncts.append(acc_id.upper())
            elif name in REGISTRY_DATABANKS:
                others.append(acc_id)
    return ncts, others


class _ArticleParts:
    """The children of an ``Article`` element, found in one pass (faster than many find() calls)."""

    __slots__ = (
        "journal",
        "title",
        "vernacular",
        "abstract",
        "authors",
        "languages",
        "pub_types",
        "dois",
        "banks",
        "article_date",
    )

    def __init__(self, art: ET.Element | None) -> None:
        self.journal = self.title = self.vernacular = self.abstract = None
        self.banks = self.article_date = None
        self.authors: list[str] = []
        self.languages: list[str] = []
        self.pub_types: list[str] = []
        self.dois: list[str] = []
        if art is None:
            return
        for child in art:
            tag = child.tag
            if tag == "Journal":
                self.journal = child
            elif tag == "ArticleTitle":
                self.title = child
            elif tag == "Abstract":
                self.abstract = child
            elif tag == "AuthorList":
                self.authors = [n for n in (_author_name(a) for a in child) if n]
            elif tag == "Language":
                if child.text:
                    self.languages.append(child.text.strip())
            elif tag == "PublicationTypeList":
                self.pub_types = [t.text.strip() for t in child if t.text]
            elif tag == "ELocationID":
                if child.get("EIdType") == "doi" and child.text:
                    self.dois.append(child.text.strip())
            elif tag == "DataBankList":
                self.banks = child
            elif tag == "VernacularTitle":
                self.vernacular = child
            elif tag == "ArticleDate" and self.article_date is None:
                self.article_date = child


def _journal_fields(
    journal: ET.Element | None,
) -> tuple[str | None, str | None, str | None, ET.Element | None]:
    """(title, ISO abbreviation, ISSN, PubDate element) of a Journal element."""
    if journal is None:
        return None, None, None, None
    title = iso = issn = None
    pub_date = None
    for child in journal:
        tag = child.tag
        if tag == "Title":
            title = _text(child)
        elif tag == "ISOAbbreviation":
            iso = _text(child)
        elif tag == "ISSN" and issn is None:
            issn = (child.text or "").strip() or None
        elif tag == "JournalIssue":
            pub_date = child.find("PubDate")
    return title, iso, issn, pub_date


def parse_citation(
    citation: ET.Element, pubmed_data: ET.Element | None, source_file: str | None
) -> Article:
    """Build an Article from a ``MedlineCitation`` element and its sibling ``PubmedData`` (if any)."""
    pmid_el = art = mesh_list = corrections_list = chemical_list = None
    date_created = date_revised = None
    keyword_lists: list[ET.Element] = []
    for child in citation:
        tag = child.tag
        if tag == "PMID":
            pmid_el = child
        elif tag == "Article":
            art = child
        elif tag == "MeshHeadingList":
            mesh_list = child
        elif tag == "CommentsCorrectionsList":
            corrections_list = child
        elif tag == "KeywordList":
            keyword_lists.append(child)
        elif tag == "ChemicalList":
            chemical_list = child
        elif tag == "DateRevised":
            date_revised = _date(child)
        elif tag == "DateCreated":
            date_created = _date(child)
    pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
    if not pmid:
        raise ParseError(f"record without PMID in {source_file or 'input'}", path=source_file)

    parts = _ArticleParts(art)
    journal, journal_iso, issn, pub_date_el = _journal_fields(parts.journal)
    year, pub_date = parse_pub_date(pub_date_el)
    if year is None:  # electronic-only records may lack a PubDate year
        art_date = _date(parts.article_date)
        if art_date:
            year, pub_date = art_date.year, art_date.isoformat()
    abstract, sections = _parse_abstract(parts.abstract)
    headings, mesh_terms, mesh_major = _parse_mesh(mesh_list)
    corrections = _parse_corrections(corrections_list)
    ref_types = {c.ref_type for c in corrections}
    doi, pmc = _article_ids(pubmed_data)
    doi = doi or (parts.dois[0] if parts.dois else None)
    title = _text(parts.title) or _text(parts.vernacular)
    ncts, others = _databank_ids(parts.banks)
    text_ncts, text_others = find_registry_ids(f"{title or ''}\n{abstract or ''}")
    entrez, history = _history_dates(pubmed_data)
    pub_types = parts.pub_types
    keywords = [k for kl in keyword_lists for k in (_text(kw) for kw in kl) if k]
    chemicals = (
        [c.text.strip() for c in chemical_list.iterfind("Chemical/NameOfSubstance") if c.text]
        if chemical_list is not None
        else []
    )

    article = Article(
        pmid=pmid,
        version=(_int(pmid_el.get("Version")) or 1) if pmid_el is not None else 1,
        title=title,
        abstract=abstract,
        abstract_sections=sections,
        journal=journal,
        journal_iso=journal_iso,
        issn=issn,
        pub_year=year,
        pub_date=pub_date,
        authors=parts.authors,
        first_author=parts.authors[0] if parts.authors else None,
        languages=parts.languages,
        publication_types=pub_types,
        mesh_terms=mesh_terms,
        mesh_major_terms=mesh_major,
        mesh_headings=headings,
        keywords=keywords,
        chemicals=chemicals,
        doi=doi,
        pmc_id=pmc,
        nct_ids=list(dict.fromkeys(ncts + text_ncts)),
        registry_ids=list(dict.fromkeys(others + text_others)),
        comments_corrections=corrections,
        is_retracted="RetractionIn" in ref_types or bool(RETRACTED_TYPES.intersection(pub_types)),
        is_retraction_notice=bool(RETRACTION_NOTICE_TYPES.intersection(pub_types)),
        has_erratum="ErratumIn" in ref_types,
        has_expression_of_concern="ExpressionOfConcernIn" in ref_types,
        # the entrez date is when the record entered PubMed; older layouts carry DateCreated
        created_date=entrez or date_created or (min(history) if history else None),
        date_revised=date_revised,
        medline_status=citation.get("Status"),
        source_file=source_file,
    )
    article.content_hash = content_hash(article)
    return article


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


def _deletion(el: ET.Element, source_file: str | None) -> Deletion:
    pmids = tuple(p.text.strip() for p in el.iterfind("PMID") if p.text)
    return Deletion(pmids=pmids, source_file=source_file)


# End tags at which a record is complete (checked once per element, so one set lookup).
_RECORD_END_TAGS = frozenset(
    {"PubmedArticle", "MedlineCitation", "DeleteCitation", "PubmedBookArticle"}
)


def iter_stream_records(
    stream: BinaryIO, source_file: str | None = None
) -> Iterator[Article | Deletion]:
    """Yield Articles and Deletions from a binary stream, one record at a time.

    Raises :class:`ParseError` naming the file and the last good PMID when the XML is malformed or
    truncated, and when the root element is not a PubMed record set.
    """
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    top_level_citations = False
    last_pmid: str | None = None
    try:
        while True:
            chunk = stream.read(CHUNK_SIZE)
            if not chunk:
                break
            parser.feed(chunk)
            events, error = _take_events(parser)
            if root is None:
                for _event, first in events:
                    root = _take_root(parser, first, source_file)
                    top_level_citations = root.tag == "MedlineCitationSet"
                    break
            for event, el in events:
                tag = el.tag
                if tag not in _RECORD_END_TAGS or event != "end":
                    continue  # an element inside a record (or a start event before the switch)
                if tag == "PubmedArticle":
                    citation = el.find("MedlineCitation")
                    if citation is not None:
                        article = parse_citation(citation, el.find("PubmedData"), source_file)
                        last_pmid = article.pmid
                        yield article
                elif tag == "MedlineCitation":
                    if not top_level_citations:
                        continue  # inside a PubmedArticle: handled at the PubmedArticle's end
                    article = parse_citation(el, None, source_file)
                    last_pmid = article.pmid
                    yield article
                elif tag == "DeleteCitation":
                    yield _deletion(el, source_file)
                # PubmedBookArticle carries no journal article: skipped.
                root.clear()  # type: ignore[union-attr]
            if error is not None:
                raise error
        parser.close()
    except ET.ParseError as exc:
        where = f" after PMID {last_pmid}" if last_pmid else ""
        raise ParseError(
            f"{source_file or 'input'}: malformed or truncated XML{where} ({exc}). "
            "If this file was dropped in by hand, re-download it; nothing was written.",
            path=source_file,
            pmid=last_pmid,
        ) from exc
    if root is None:
        raise ParseError(f"{source_file or 'input'}: empty file, no XML found", path=source_file)


def _take_events(
    parser: ET.XMLPullParser,
) -> tuple[Iterator[tuple[str, ET.Element]], BaseException | None]:
    """The events parsed so far, and the parse error that ended them, if any.

    Taking the parser's event queue in one C-level copy is a fifth faster than its per-event
    ``read_events`` generator; XMLPullParser queues a parse error as the last item. Falls back to
    ``read_events`` where the queue is not there.
    """
    queue = getattr(parser, "_events_queue", None)
    if queue is None:
        return cast(Iterator[tuple[str, ET.Element]], parser.read_events()), None
    items = list(queue)
    queue.clear()
    error = None
    if items and isinstance(items[-1], BaseException):
        error = items.pop()
    return iter(items), error


def _take_root(parser: ET.XMLPullParser, el: ET.Element, source_file: str | None) -> ET.Element:
    """Check the root element, then ask the parser for end events only.

    Start events are needed just once, to hold the root so finished records can be cleared from it;
    dropping them afterwards saves a third of the parse time. This uses the parser's ``_setevents``
    (what XMLPullParser itself calls); if a Python version lacks it, start events simply stay on.
    """
    if el.tag not in RECORD_SET_TAGS:
        raise ParseError(
            f"{source_file or 'input'}: root element <{el.tag}> is not a PubMed record set "
            "(expected PubmedArticleSet or MedlineCitationSet)",
            path=source_file,
        )
    with contextlib.suppress(AttributeError, TypeError):
        parser._parser._setevents(parser._events_queue, ("end",))  # type: ignore[attr-defined]
    return el


def iter_bytes_records(data: bytes, source_file: str | None = None) -> Iterator[Article | Deletion]:
    import io

    return iter_stream_records(io.BytesIO(data), source_file)


def open_xml(path: Path) -> BinaryIO:
    """Open a ``.xml`` or ``.xml.gz`` file as a binary stream (gzip detected by magic bytes)."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_file_records(path: Path, source_file: str | None = None) -> Iterator[Article | Deletion]:
    """Stream the records of one file (``.xml`` or ``.xml.gz``)."""
    label = source_file or str(path)
    try:
        stream = open_xml(path)
    except OSError as exc:
        raise ParseError(f"cannot open {label}: {exc}", path=label) from exc
    with stream:
        try:
            yield from iter_stream_records(stream, label)
        except (OSError, EOFError) as exc:  # damaged gzip stream
            raise ParseError(
                f"{label}: damaged gzip data ({exc}); re-download the file", path=label
            ) from exc


def iter_records(paths: Path | Iterable[Path]) -> Iterator[Article | Deletion]:
    """Records of one or several files, in order."""
    if isinstance(paths, Path):
        paths = [paths]
    for path in paths:
        yield from iter_file_records(path)


def sniff_root(path: Path) -> str | None:
    """Tag of the root element of an XML file (reads only the first start tag); None if not XML."""
    try:
        with open_xml(path) as stream:
            for _event, el in ET.iterparse(stream, events=("start",)):
                return el.tag
    except (ET.ParseError, OSError, EOFError):
        return None
    return None
