"""Plain typed values passed between stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class AbstractSection:
    label: str | None
    category: str | None
    text: str


@dataclass(slots=True)
class MeshHeading:
    descriptor: str
    descriptor_ui: str | None
    major: bool
    qualifiers: list[str] = field(default_factory=list)
    major_qualifiers: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CommentCorrection:
    ref_type: str
    pmid: str | None
    source: str | None


@dataclass(slots=True)
class Article:
    """One PubMed record as parsed from XML. Field names match the ``articles`` table."""

    pmid: str
    version: int = 1
    title: str | None = None
    abstract: str | None = None
    abstract_sections: list[AbstractSection] = field(default_factory=list)
    journal: str | None = None
    journal_iso: str | None = None
    issn: str | None = None
    pub_year: int | None = None
    pub_date: str | None = None
    authors: list[str] = field(default_factory=list)
    first_author: str | None = None
    languages: list[str] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=list)
    mesh_terms: list[str] = field(default_factory=list)
    mesh_major_terms: list[str] = field(default_factory=list)
    mesh_headings: list[MeshHeading] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    chemicals: list[str] = field(default_factory=list)
    doi: str | None = None
    pmc_id: str | None = None
    nct_ids: list[str] = field(default_factory=list)
    registry_ids: list[str] = field(default_factory=list)
    comments_corrections: list[CommentCorrection] = field(default_factory=list)
    is_retracted: bool = False
    is_retraction_notice: bool = False
    has_erratum: bool = False
    has_expression_of_concern: bool = False
    created_date: dt.date | None = None
    date_revised: dt.date | None = None
    medline_status: str | None = None
    source_file: str | None = None
    content_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Deletion:
    """A ``DeleteCitation`` entry: these PMIDs are withdrawn from PubMed."""

    pmids: tuple[str, ...]
    source_file: str | None = None
