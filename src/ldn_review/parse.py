"""Streaming parser for PubMed XML: ``PubmedArticleSet`` (EFetch and the annual baseline) and the
older ``MedlineCitationSet``.

Files are read with :class:`xml.etree.ElementTree.XMLPullParser` in fixed-size chunks; each record is
turned into an :class:`~ldn_review.models.Article` as soon as its end tag is seen and the tree is then
cleared, so memory stays flat however large the file. Parsing takes bytes or a binary stream; only
:func:`iter_file_records` opens files.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

# ClinicalTrials.gov ids and other primary registries of the WHO ICTRP.
NCT_RE = re.compile(r"\bNCT[\s-]?(\d{8})\b", re.IGNORECASE)
OTHER_REGISTRY_RE = re.compile(
    r"\b(ISRCTN\s?\d{8}|EudraCT\s?(?:No\.?\s?|number:?\s?)?\d{4}-\d{6}-\d{2}"
    r"|ACTRN\s?\d{14}|DRKS\s?\d{8}|ChiCTR[-\w]{6,20}\d|IRCT\w{8,20}\d|CTRI/\d{4}/\d{2,3}/\d{6}"
    r"|jRCT\w?\d{8,10}|UMIN\d{9}|NTR\d{3,5}|KCT\d{7}|TCTR\d{11}|PACTR\d{15})",
    re.IGNORECASE,
)
_REGISTRY_HINTS = ("ISRCTN", "EudraCT", "EUDRACT", "ACTRN", "DRKS", "ChiCTR", "IRCT", "CTRI/", "jRCT",
                   "UMIN", "NTR", "KCT", "TCTR", "PACTR")
_WS_RE = re.compile(r"\s+")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _text(el: ET.Element | None) -> str | None:
    """All text of an element, inline markup (<i>, <sub>, <sup>, MathML) flattened."""
    if el is None:
        return None
    text = "".join(el.itertext()) if len(el) else (el.text or "")
    if "\n" in text or "\t" in text or "  " in text:
        text = " ".join(text.split())
    else:
        text = text.strip()
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


def find_registry_ids(text: str | None) -> tuple[list[str], list[str]]:
    """(NCT ids, other registry ids) mentioned in free text, normalised and de-duplicated."""
    if not text:
        return [], []
    # Cheap substring checks first: the regexes are costly on the many texts that name no registry.
    ncts: list[str] = []
    if "NCT" in text or "nct" in text or "Nct" in text:
        ncts = list(dict.fromkeys(f"NCT{m}" for m in NCT_RE.findall(text)))
    others: list[str] = []
    if any(hint in text for hint in _REGISTRY_HINTS):
        others = list(dict.fromkeys(_WS_RE.sub("", m).upper() for m in OTHER_REGISTRY_RE.findall(text)))
    return ncts, others


def _parse_abstract(article_el: ET.Element | None) -> tuple[str | None, list[AbstractSection]]:
    if article_el is None:
        return None, []
    sections: list[AbstractSection] = []
    for node in article_el.iterfind("Abstract/AbstractText"):
        text = _text(node)
        if text:
            sections.append(AbstractSection(node.get("Label"), node.get("NlmCategory"), text))
    if not sections:
        return None, []
    abstract = "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in sections)
    return abstract, sections


def _parse_mesh(citation: ET.Element) -> tuple[list[MeshHeading], list[str], list[str]]:
    headings: list[MeshHeading] = []
    for heading in citation.iterfind("MeshHeadingList/MeshHeading"):
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
                major_qualifiers=[q.text.strip() for q in quals if q.text and q.get("MajorTopicYN") == "Y"],
            )
        )
    terms = [h.descriptor for h in headings]
    major = [h.descriptor for h in headings if h.major or h.major_qualifiers]
    return headings, terms, major


def _parse_corrections(citation: ET.Element) -> list[CommentCorrection]:
    out = []
    for node in citation.iterfind("CommentsCorrectionsList/CommentsCorrections"):
        ref_type = node.get("RefType") or ""
        if ref_type in KEPT_CORRECTION_TYPES:
            pmid = node.findtext("PMID")
            out.append(CommentCorrection(ref_type, pmid.strip() if pmid else None, node.findtext("RefSource")))
    return out


def _created_date(citation: ET.Element, pubmed_data: ET.Element | None) -> dt.date | None:
    if pubmed_data is not None:
        for node in pubmed_data.iterfind("History/PubMedPubDate"):
            if node.get("PubStatus") == "entrez":
                return _date(node)
    created = _date(citation.find("DateCreated"))
    if created is not None:
        return created
    if pubmed_data is not None:  # no entrez date: the earliest history date is the best proxy
        dates = [d for d in (_date(n) for n in pubmed_data.iterfind("History/PubMedPubDate")) if d]
        return min(dates) if dates else None
    return None


def parse_citation(citation: ET.Element, pubmed_data: ET.Element | None, source_file: str | None) -> Article:
    """Build an Article from a ``MedlineCitation`` element and its sibling ``PubmedData`` (if any)."""
    pmid_el = citation.find("PMID")
    pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
    if not pmid:
        raise ParseError(f"record without PMID in {source_file or 'input'}", path=source_file)
    art = citation.find("Article")
    journal = art.find("Journal") if art is not None else None
    year, pub_date = parse_pub_date(journal.find("JournalIssue/PubDate") if journal is not None else None)
    if year is None and art is not None:  # electronic-only records may lack a PubDate year
        art_date = _date(art.find("ArticleDate"))
        if art_date:
            year, pub_date = art_date.year, art_date.isoformat()
    abstract, sections = _parse_abstract(art)
    authors = [n for n in (_author_name(a) for a in art.iterfind("AuthorList/Author")) if n] if art is not None else []
    pub_types = [t.text.strip() for t in art.iterfind("PublicationTypeList/PublicationType") if t.text] if art is not None else []
    headings, mesh_terms, mesh_major = _parse_mesh(citation)
    corrections = _parse_corrections(citation)
    ref_types = {c.ref_type for c in corrections}

    doi = pmc = None
    if pubmed_data is not None:
        for aid in pubmed_data.iterfind("ArticleIdList/ArticleId"):
            id_type = aid.get("IdType")
            if id_type == "doi" and not doi and aid.text:
                doi = aid.text.strip()
            elif id_type == "pmc" and not pmc and aid.text:
                pmc = aid.text.strip()
    if not doi and art is not None:
        for loc in art.iterfind("ELocationID"):
            if loc.get("EIdType") == "doi" and loc.text:
                doi = loc.text.strip()
                break

    title = _text(art.find("ArticleTitle")) if art is not None else None
    if title is None and art is not None:
        title = _text(art.find("VernacularTitle"))
    ncts: list[str] = []
    others: list[str] = []
    if art is not None:
        for bank in art.iterfind("DataBankList/DataBank"):
            name = (bank.findtext("DataBankName") or "").strip()
            for acc in bank.iterfind("AccessionNumberList/AccessionNumber"):
                if not acc.text:
                    continue
                acc_id = acc.text.strip()
                if name == "ClinicalTrials.gov" or acc_id.upper().startswith("NCT"):
                    ncts.append(acc_id.upper())
                elif name in {"ISRCTN", "EudraCT", "ANZCTR", "DRKS", "ChiCTR", "CTRI", "JPRN", "IRCT"}:
                    others.append(acc_id)
    text_ncts, text_others = find_registry_ids(f"{title or ''}\n{abstract or ''}")
    languages = [lang.text.strip() for lang in art.iterfind("Language") if lang.text] if art is not None else []

    article = Article(
        pmid=pmid,
        version=_int(pmid_el.get("Version")) or 1 if pmid_el is not None else 1,
        title=title,
        abstract=abstract,
        abstract_sections=sections,
        journal=_text(journal.find("Title")) if journal is not None else None,
        journal_iso=_text(journal.find("ISOAbbreviation")) if journal is not None else None,
        issn=(journal.findtext("ISSN") or None) if journal is not None else None,
        pub_year=year,
        pub_date=pub_date,
        authors=authors,
        first_author=authors[0] if authors else None,
        languages=languages,
        publication_types=pub_types,
        mesh_terms=mesh_terms,
        mesh_major_terms=mesh_major,
        mesh_headings=headings,
        keywords=[k for k in (_text(kw) for kw in citation.iterfind("KeywordList/Keyword")) if k],
        chemicals=[c.text.strip() for c in citation.iterfind("ChemicalList/Chemical/NameOfSubstance") if c.text],
        doi=doi,
        pmc_id=pmc,
        nct_ids=list(dict.fromkeys(ncts + text_ncts)),
        registry_ids=list(dict.fromkeys(others + text_others)),
        comments_corrections=corrections,
        is_retracted=bool(ref_types & {"RetractionIn"}) or bool(RETRACTED_TYPES.intersection(pub_types)),
        is_retraction_notice=bool(RETRACTION_NOTICE_TYPES.intersection(pub_types)),
        has_erratum="ErratumIn" in ref_types,
        has_expression_of_concern="ExpressionOfConcernIn" in ref_types,
        created_date=_created_date(citation, pubmed_data),
        date_revised=_date(citation.find("DateRevised")),
        medline_status=citation.get("Status"),
        source_file=source_file,
    )
    article.content_hash = content_hash(article)
    return article


def content_hash(article: Article) -> str:
    """Hash of what a record says (not where it came from), to detect revisions."""
    parts = [
        article.pmid, str(article.version), article.title or "", article.abstract or "",
        article.journal or "", str(article.pub_year), "|".join(article.authors),
        "|".join(article.publication_types), "|".join(article.mesh_terms),
        "|".join(f"{c.ref_type}:{c.pmid}" for c in article.comments_corrections),
        str(article.date_revised), article.doi or "", "|".join(article.keywords),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _deletion(el: ET.Element, source_file: str | None) -> Deletion:
    pmids = tuple(p.text.strip() for p in el.iterfind("PMID") if p.text)
    return Deletion(pmids=pmids, source_file=source_file)


def iter_stream_records(stream: BinaryIO, source_file: str | None = None) -> Iterator[Article | Deletion]:
    """Yield Articles and Deletions from a binary stream, one record at a time.

    Raises :class:`ParseError` naming the file and the last good PMID when the XML is malformed or
    truncated, and when the root element is not a PubMed record set.
    """
    parser = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    depth = 0
    last_pmid: str | None = None
    try:
        while True:
            chunk = stream.read(CHUNK_SIZE)
            if not chunk:
                break
            parser.feed(chunk)
            for event, el in parser.read_events():
                if event == "start":
                    depth += 1
                    if root is None:
                        root = el
                        if el.tag not in RECORD_SET_TAGS:
                            raise ParseError(
                                f"{source_file or 'input'}: root element <{el.tag}> is not a PubMed "
                                "record set (expected PubmedArticleSet or MedlineCitationSet)",
                                path=source_file,
                            )
                    continue
                depth -= 1
                if depth != 1:
                    continue
                tag = el.tag
                if tag == "PubmedArticle":
                    citation = el.find("MedlineCitation")
                    if citation is not None:
                        article = parse_citation(citation, el.find("PubmedData"), source_file)
                        last_pmid = article.pmid
                        yield article
                elif tag == "MedlineCitation":
                    article = parse_citation(el, None, source_file)
                    last_pmid = article.pmid
                    yield article
                elif tag == "DeleteCitation":
                    yield _deletion(el, source_file)
                # PubmedBookArticle and other siblings carry no journal article: skipped.
                root.clear()  # type: ignore[union-attr]
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


def iter_bytes_records(data: bytes, source_file: str | None = None) -> Iterator[Article | Deletion]:
    import io

    return iter_stream_records(io.BytesIO(data), source_file)


def open_xml(path: Path) -> BinaryIO:
    """Open a ``.xml`` or ``.xml.gz`` file as a binary stream (gzip detected by magic bytes)."""
    fh = open(path, "rb")
    magic = fh.read(2)
    fh.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    return fh


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
            raise ParseError(f"{label}: damaged gzip data ({exc}); re-download the file", path=label) from exc


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
