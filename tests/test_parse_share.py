"""Articles through the checker child's pipe: encode_article / decode_article round-trip exactly."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from pathlib import Path

from ldn_review import parse
from ldn_review.models import AbstractSection, Article, CommentCorrection, MeshHeading
from ldn_review.parse_share import decode_article, encode_article

ROOT = Path(__file__).resolve().parents[1]


def _same(article: Article) -> None:
    back = decode_article(encode_article(article))
    assert back == article
    for f in fields(Article):  # == would not tell a tuple from a list, nor a date from a datetime
        assert type(getattr(back, f.name)) is type(getattr(article, f.name)), f.name
    for got, want in zip(back.mesh_headings, article.mesh_headings, strict=True):
        assert type(got.qualifiers) is type(want.qualifiers)


def test_every_field_set_round_trips() -> None:
    article = Article(
        pmid="30000001",
        version=2,
        title="Low-dose naltrexone — a trial",
        abstract="BACKGROUND: \u03bc-opioid\nRESULTS: p < 0.05",
        abstract_sections=[
            AbstractSection("BACKGROUND", "BACKGROUND", "\u03bc-opioid"),
            AbstractSection(None, None, "no label"),
        ],
        journal="Pain Medicine",
        journal_iso="Pain Med",
        issn="1526-2375",
        pub_year=2013,
        pub_date="2013-02",
        authors=["Younger J", "Mackey S"],
        first_author="Younger J",
        languages=["eng"],
        publication_types=["Journal Article", "Randomized Controlled Trial"],
        mesh_terms=["Fibromyalgia", "Naltrexone"],
        mesh_major_terms=["Fibromyalgia"],
        mesh_headings=[
            MeshHeading("Fibromyalgia", "D005356", True, ["drug therapy"], ["drug therapy"]),
            MeshHeading("Naltrexone", None, False),
        ],
        keywords=["LDN"],
        chemicals=["Naltrexone"],
        doi="10.1111/pme.12015",
        pmc_id="PMC1",
        nct_ids=["NCT00568555"],
        registry_ids=["NCT00568555", "ISRCTN12345678"],
        comments_corrections=[CommentCorrection("ErratumIn", "30000002", "Pain Med. 2014")],
        is_retracted=True,
        is_retraction_notice=False,
        has_erratum=True,
        has_expression_of_concern=True,
        created_date=dt.date(2013, 2, 1),
        date_revised=dt.date(2024, 12, 31),
        medline_status="MEDLINE",
        source_file="efetch/2026/x.xml.gz",
        content_hash="ab" * 32,
    )
    # the test is only as good as its coverage: every field differs from its default
    for f in fields(Article):
        assert getattr(article, f.name) != getattr(Article(pmid="1"), f.name) or f.name in (
            "is_retraction_notice",
        ), f.name
    _same(article)


def test_defaults_round_trip() -> None:
    _same(Article(pmid="1"))


def test_real_records_round_trip() -> None:
    files = sorted((ROOT / "data" / "demo" / "raw").glob("**/*.xml"))
    files += sorted((ROOT / "tests" / "fixtures" / "pubmed").glob("*.xml"))
    articles = [
        r for path in files for r in parse.iter_file_records(path) if isinstance(r, Article)
    ]
    assert len(articles) > 50
    for article in articles:
        _same(article)


def test_ncbi_sample_records_round_trip(ncbi_samples: Path) -> None:
    paths = [ncbi_samples / "medline16n0902.xml.gz", *sorted(ncbi_samples.glob("pubmed*.xml"))]
    articles = [
        r for path in paths for r in parse.iter_file_records(path) if isinstance(r, Article)
    ]
    assert len(articles) > 604
    for article in articles:
        _same(article)
