"""Smoke test of the benchmark input generator (benchmarks/generate_pubmed.py): 50 records that our
parser reads, carrying the features the benchmarks rely on. No timing here; benchmarks time."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from ldn_review.models import Article
from ldn_review.parse import iter_bytes_records, iter_file_records

BENCH_DIR = Path(__file__).resolve().parents[1] / "benchmarks"
N = 50


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_pubmed", BENCH_DIR / "generate_pubmed.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_pubmed", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def xml_text(generator: ModuleType) -> str:
    out = io.StringIO()
    generator.write_pubmed(out, N, seed=1)
    return out.getvalue()


@pytest.fixture(scope="module")
def articles(xml_text: str) -> list[Article]:
    records = list(iter_bytes_records(xml_text.encode("utf-8"), "generated"))
    assert all(isinstance(r, Article) for r in records)
    return records


@pytest.fixture(scope="module")
def tree(xml_text: str) -> ET.Element:
    return ET.fromstring(xml_text.encode("utf-8"))


def test_gzip_file_parses_into_n_articles_with_distinct_pmids(generator: ModuleType, tmp_path: Path) -> None:
    path = generator.generate_file(tmp_path / "p.xml.gz", N, seed=1)
    records = list(iter_file_records(path))
    assert len(records) == N
    assert len({r.pmid for r in records}) == N


def test_output_is_deterministic_for_a_seed(generator: ModuleType, xml_text: str) -> None:
    again, other = io.StringIO(), io.StringIO()
    generator.write_pubmed(again, N, seed=1)
    generator.write_pubmed(other, N, seed=2)
    assert again.getvalue() == xml_text
    assert other.getvalue() != xml_text


def test_header_has_declaration_doctype_and_record_set(xml_text: str) -> None:
    assert xml_text.startswith('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC')
    assert "pubmed_250101.dtd" in xml_text.splitlines()[1]


def test_abstracts_are_structured_or_not_and_of_realistic_length(articles: list[Article]) -> None:
    structured = [a for a in articles if len(a.abstract_sections) == 4]
    assert 0 < len(structured) < N
    categories = {s.category for a in structured for s in a.abstract_sections}
    assert categories == {"BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"}
    assert all(1_400 <= len(a.abstract or "") <= 2_800 for a in articles)


def test_inline_markup_is_present_in_xml_and_flattened_by_the_parser(xml_text: str,
                                                                      articles: list[Article]) -> None:
    assert re.search(r"<AbstractText[^>]*>[^<]*(<i>|<sub>|<sup>)", xml_text)
    assert not any(re.search(r"</?(i|sub|sup)>", a.abstract or "") for a in articles)
    assert any("HbA1c" in (a.abstract or "") for a in articles)


def test_designs_numbers_and_conditions_vary(articles: list[Article]) -> None:
    pub_types = {t for a in articles for t in a.publication_types}
    assert {"Randomized Controlled Trial", "Case Reports", "Systematic Review"} <= pub_types
    text = " ".join(a.abstract or "" for a in articles)
    assert re.search(r"\b\d+(\.\d+)? mg\b", text)
    assert re.search(r"\b\d+ weeks\b", text)
    assert re.search(r"\b[pP] [=<] 0\.\d+", text)
    assert any("naltrexone" in (a.title or "").lower() for a in articles)
    assert any("naltrexone" not in (a.title or "").lower() for a in articles)


def test_records_carry_authors_mesh_ids_and_dates(articles: list[Article]) -> None:
    assert all(3 <= len(a.authors) <= 12 for a in articles)
    assert all(a.doi and a.created_date and a.date_revised for a in articles)
    assert any(h.qualifiers for a in articles for h in a.mesh_headings)
    assert any(a.mesh_major_terms for a in articles)
    assert any(a.nct_ids for a in articles)
    assert any(a.pmc_id for a in articles) and any(not a.pmc_id for a in articles)


def test_some_publication_dates_are_free_text_medline_dates(articles: list[Article]) -> None:
    assert any(a.pub_date and " " in a.pub_date for a in articles)  # e.g. "2021 Jan-Feb"


def test_reference_weight_elements_are_present(tree: ET.Element) -> None:
    cites = [len(r.findall("MedlineCitation/CommentsCorrectionsList/CommentsCorrections[@RefType='Cites']"))
             for r in tree]
    assert any(10 <= c <= 40 for c in cites)
    assert tree.find("PubmedArticle/PubmedData/ReferenceList/Reference/Citation") is not None
    assert tree.find("PubmedArticle/PubmedData/History/PubMedPubDate[@PubStatus='entrez']") is not None
    assert tree.find("PubmedArticle/MedlineCitation/KeywordList/Keyword") is not None
