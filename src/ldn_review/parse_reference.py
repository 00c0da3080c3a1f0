"""The reference PubMed XML parser, built on :class:`xml.etree.ElementTree.XMLPullParser`.

This is the parser the project started with. :mod:`ldn_review.parse` now reads records with the
faster byte-level reader of :mod:`ldn_review.parse_fast` and hands this module every input that
reader does not handle with certainty (another encoding, an internal DTD subset, comments or CDATA
inside a record, an unusual layout); the tests use it as the oracle the fast reader must equal.
Field values go through :mod:`ldn_review.parse_fields`, shared by both readers.

Files are read in fixed-size chunks; each record is turned into an Article as soon as its end tag
is seen and the tree is then cleared, so memory stays flat however large the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

from .errors import ParseError
from .models import AbstractSection, Article, CommentCorrection, Deletion, MeshHeading
from .parse_fields import (
    KEPT_CORRECTION_TYPES,
    CitationFields,
    article_ids,
    author_name,
    build_article,
    clean_text,
    databank_ids,
    date_from_texts,
    history_dates,
    pub_date_from_texts,
)

CHUNK_SIZE = 1 << 16  # 64 KiB reads: large enough to amortise calls, small enough to stay flat
RECORD_SET_TAGS = frozenset({"PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet"})
# End tags at which a record is complete (checked once per element, so one set lookup).
_RECORD_END_TAGS = frozenset(
    {"PubmedArticle", "MedlineCitation", "DeleteCitation", "PubmedBookArticle"}
)


def _text(el: ET.Element | None) -> str | None:
    """All text of an element, inline markup (<i>, <sub>, <sup>, MathML) flattened."""
    if el is None:
        return None
    return clean_text("".join(el.itertext()) if len(el) else (el.text or ""))


def _date(el: ET.Element | None) -> dt.date | None:
    if el is None:
        return None
    return date_from_texts(el.findtext("Year"), el.findtext("Month"), el.findtext("Day"))


def parse_pub_date(el: ET.Element | None) -> tuple[int | None, str | None]:
    """(year, date text) from a PubDate: Year/Month/Day, Season, or free-text MedlineDate."""
    if el is None:
        return None, None
    return pub_date_from_texts(
        el.findtext("MedlineDate"),
        el.findtext("Year"),
        el.findtext("Month"),
        el.findtext("Season"),
        el.findtext("Day"),
    )


def _author_name(author: ET.Element) -> str | None:
    last = author.findtext("LastName")
    if last:
        return author_name(last, author.findtext("Initials"), None)
    return _text(author.find("CollectiveName"))


def _parse_abstract(abstract_el: ET.Element | None) -> list[AbstractSection]:
    if abstract_el is None:
        return []
    sections: list[AbstractSection] = []
    for node in abstract_el:
        if node.tag != "AbstractText":
            continue
        text = _text(node)
        if text:
            sections.append(AbstractSection(node.get("Label"), node.get("NlmCategory"), text))
    return sections


def _parse_mesh(mesh_list: ET.Element | None) -> list[MeshHeading]:
    if mesh_list is None:
        return []
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
    return headings


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
    return history_dates(
        (n.get("PubStatus"), n.findtext("Year"), n.findtext("Month"), n.findtext("Day"))
        for n in history
    )


def _article_ids(pubmed_data: ET.Element | None) -> tuple[str | None, str | None]:
    if pubmed_data is None:
        return None, None
    id_list = pubmed_data.find("ArticleIdList")
    if id_list is None:
        return None, None
    return article_ids((aid.get("IdType"), aid.text) for aid in id_list)


def _databank_ids(bank_list: ET.Element | None) -> tuple[list[str], list[str]]:
    if bank_list is None:
        return [], []
    return databank_ids(
        (
            (bank.findtext("DataBankName") or "").strip(),
            [acc.text for acc in bank.iterfind("AccessionNumberList/AccessionNumber")],
        )
        for bank in bank_list
    )


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
    fields = CitationFields()
    pmid_el = art = mesh_list = corrections_list = chemical_list = None
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
            fields.date_revised = _date(child)
        elif tag == "DateCreated":
            fields.date_created = _date(child)
    fields.pmid = pmid_el.text if pmid_el is not None else None
    if not (fields.pmid or "").strip():
        raise ParseError(f"record without PMID in {source_file or 'input'}", path=source_file)
    fields.version_attr = pmid_el.get("Version") if pmid_el is not None else None
    fields.status = citation.get("Status")

    parts = _ArticleParts(art)
    fields.journal, fields.journal_iso, fields.issn, pub_date_el = _journal_fields(parts.journal)
    fields.pub_year, fields.pub_date = parse_pub_date(pub_date_el)
    if fields.pub_year is None:  # only needed then; parsed in this order as it always was
        fields.article_date = _date(parts.article_date)
    fields.sections = _parse_abstract(parts.abstract)
    fields.headings = _parse_mesh(mesh_list)
    fields.corrections = _parse_corrections(corrections_list)
    fields.doi, fields.pmc = _article_ids(pubmed_data)
    fields.elocation_dois = parts.dois
    fields.title = _text(parts.title)
    fields.vernacular_title = None if fields.title else _text(parts.vernacular)
    fields.databank_ncts, fields.databank_others = _databank_ids(parts.banks)
    fields.entrez_date, fields.history = _history_dates(pubmed_data)
    fields.publication_types = parts.pub_types
    fields.authors = parts.authors
    fields.languages = parts.languages
    fields.keywords = [k for kl in keyword_lists for k in (_text(kw) for kw in kl) if k]
    fields.chemicals = (
        [c.text.strip() for c in chemical_list.iterfind("Chemical/NameOfSubstance") if c.text]
        if chemical_list is not None
        else []
    )
    return build_article(fields, source_file)


def _deletion(el: ET.Element, source_file: str | None) -> Deletion:
    pmids = tuple(p.text.strip() for p in el.iterfind("PMID") if p.text)
    return Deletion(pmids=pmids, source_file=source_file)


def malformed_error(source_file: str | None, last_pmid: str | None, detail: str) -> ParseError:
    """The error for malformed or truncated XML (``detail`` is the XML parser's message)."""
    where = f" after PMID {last_pmid}" if last_pmid else ""
    return ParseError(
        f"{source_file or 'input'}: malformed or truncated XML{where} ({detail}). "
        "If this file was dropped in by hand, re-download it; nothing was written.",
        path=source_file,
        pmid=last_pmid,
    )


def open_error(label: str, exc: OSError) -> ParseError:
    """A raw file that cannot be opened."""
    return ParseError(f"cannot open {label}: {exc}", path=label)


def damaged_gzip_error(label: str, exc: Exception) -> ParseError:
    """A gzip stream that breaks off or is corrupt part-way through a file."""
    return ParseError(f"{label}: damaged gzip data ({exc}); re-download the file", path=label)


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
        raise malformed_error(source_file, last_pmid, str(exc)) from exc
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
    return iter_stream_records(io.BytesIO(data), source_file)


def open_xml(path: Path) -> BinaryIO:
    """Open a ``.xml`` or ``.xml.gz`` file as a binary stream (gzip detected by magic bytes)."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_file_records(path: Path, source_file: str | None = None) -> Iterator[Article | Deletion]:
    """Stream the records of one file (``.xml`` or ``.xml.gz``) with the reference parser."""
    label = source_file or str(path)
    try:
        stream = open_xml(path)
    except OSError as exc:
        raise open_error(label, exc) from exc
    with stream:
        try:
            yield from iter_stream_records(stream, label)
        except (OSError, EOFError) as exc:  # damaged gzip stream
            raise damaged_gzip_error(label, exc) from exc


def sniff_root(path: Path) -> str | None:
    """Tag of the root element of an XML file (reads only the first start tag); None if not XML."""
    try:
        with open_xml(path) as stream:
            for _event, el in ET.iterparse(stream, events=("start",)):
                return el.tag
    except (ET.ParseError, OSError, EOFError):
        return None
    return None
