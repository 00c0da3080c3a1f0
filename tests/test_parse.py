"""The streaming PubMed XML parser, on our own fixtures and on real NCBI output."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import tracemalloc
from pathlib import Path

import pytest

from ldn_review.errors import ParseError
from ldn_review.models import Article, Deletion
from ldn_review.parse import (
    find_registry_ids,
    iter_bytes_records,
    iter_file_records,
    iter_stream_records,
    sniff_root,
)


def _articles(path: Path) -> list[Article]:
    return [r for r in iter_file_records(path) if isinstance(r, Article)]


@pytest.fixture()
def mixed(fixtures_dir: Path) -> list[Article | Deletion]:
    return list(iter_file_records(fixtures_dir / "pubmed" / "efetch_mixed.xml"))


def test_structured_abstract_keeps_labels_and_flattens_markup(mixed):
    rct = mixed[0]
    assert [s.label for s in rct.abstract_sections] == ["OBJECTIVE", "METHODS", "RESULTS"]
    assert rct.abstract_sections[1].category == "METHODS"
    assert "HbA1c < 9% were randomized to naltrexone" in rct.abstract
    assert rct.abstract.startswith("OBJECTIVE: To test")
    assert rct.title.startswith("Low-dose naltrexone for painful diabetic neuropathy")


def test_journal_fields_and_dates(mixed):
    rct = mixed[0]
    assert (rct.journal, rct.journal_iso, rct.issn) == (
        "Pain medicine (Malden, Mass.)",
        "Pain Med",
        "1526-4637",
    )
    assert (rct.pub_year, rct.pub_date) == (2020, "2020-04-01")
    assert rct.created_date == dt.date(2019, 10, 4)  # PubStatus="entrez", not "pubmed"
    assert rct.date_revised == dt.date(2021, 7, 15)


def test_medline_date_and_season(mixed):
    assert (mixed[1].pub_year, mixed[1].pub_date) == (2015, "2015 Jul-Aug")
    assert (mixed[2].pub_year, mixed[2].pub_date) == (2024, "2024-12")


def test_placeholder_journal_and_date_are_null_in_both_parsers():
    """"Unknown is null, never a sentinel": hand-made records write "Unknown journal" and a
    MedlineDate of "unknown"; both the fast parser and the reference parser give None."""
    from ldn_review.parse_reference import iter_bytes_records as iter_reference_records

    xml = (b'<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
           b'<PMID Version="1">90000001</PMID><Article><Journal><JournalIssue><PubDate>'
           b'<MedlineDate>unknown</MedlineDate></PubDate></JournalIssue><Title>Unknown journal</Title>'
           b'<ISOAbbreviation>n/a</ISOAbbreviation></Journal><ArticleTitle>A trial</ArticleTitle>'
           b'</Article></MedlineCitation></PubmedArticle>'
           b'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
           b'<PMID Version="1">90000002</PMID><Article><Journal><JournalIssue><PubDate>'
           b'<MedlineDate>2014 Mar-Apr</MedlineDate></PubDate></JournalIssue><Title>Pain Medicine</Title>'
           b'</Journal><ArticleTitle>Another</ArticleTitle></Article></MedlineCitation></PubmedArticle>'
           b'</PubmedArticleSet>')
    for records in (list(iter_bytes_records(xml)), list(iter_reference_records(xml))):
        unknown, known = records
        assert (unknown.journal, unknown.journal_iso, unknown.pub_date, unknown.pub_year) == (
            None, None, None, None)
        assert (known.journal, known.pub_date, known.pub_year) == ("Pain Medicine", "2014 Mar-Apr", 2014)


def test_authors_with_collective_name(mixed):
    assert mixed[0].authors == ["Srinivasan A", "O'Neil MK", "LDN Neuropathy Study Group"]
    assert mixed[0].first_author == "Srinivasan A"


def test_ids_doi_prefers_article_id_list_and_pmc(mixed):
    assert mixed[0].doi == "10.1093/pm/pnz001"
    assert mixed[0].pmc_id == "PMC7000001"


def test_nct_ids_from_databank_and_abstract_text(mixed):
    assert mixed[0].nct_ids == ["NCT02812345", "NCT01234567"]


def test_mesh_with_qualifiers_and_major_flags(mixed):
    rct = mixed[0]
    assert rct.mesh_terms == ["Diabetic Neuropathies", "Naltrexone", "Humans"]
    assert rct.mesh_major_terms == ["Diabetic Neuropathies", "Naltrexone"]
    naltrexone = rct.mesh_headings[1]
    assert naltrexone.qualifiers == ["administration & dosage", "therapeutic use"]
    assert naltrexone.major_qualifiers == ["administration & dosage"]
    assert rct.keywords == ["low-dose naltrexone", "neuropathic pain"]
    assert rct.chemicals == ["Naltrexone"]


def test_comments_corrections_keep_corrections_not_citations(mixed):
    rct = mixed[0]
    assert [(c.ref_type, c.pmid) for c in rct.comments_corrections] == [("ErratumIn", "32222222")]
    assert rct.has_erratum and not rct.is_retracted


def test_retraction_and_expression_of_concern(mixed):
    retracted = mixed[1]
    assert retracted.is_retracted
    assert retracted.has_expression_of_concern
    assert retracted.version == 2
    assert retracted.publication_types == ["Case Reports", "Retracted Publication"]


def test_record_without_abstract(mixed):
    assert mixed[2].abstract is None and mixed[2].abstract_sections == []


def test_delete_citation(mixed):
    assert mixed[3] == Deletion(pmids=("30000001", "30000002"), source_file=mixed[3].source_file)


def test_medline_citation_set_layout(fixtures_dir):
    recs = list(iter_file_records(fixtures_dir / "pubmed" / "medline_citation_set.xml"))
    art, deletion = recs
    assert art.pmid == "17000001"
    assert art.created_date == dt.date(2007, 10, 18)  # DateCreated when there is no History
    assert (art.pub_year, art.publication_types) == (2008, ["Letter"])
    assert deletion.pmids == ("16000009",)


def test_gzip_is_detected_by_content(fixtures_dir, tmp_path):
    data = (fixtures_dir / "pubmed" / "efetch_mixed.xml").read_bytes()
    gz = tmp_path / "batch.xml.gz"
    gz.write_bytes(gzip.compress(data))
    assert [a.pmid for a in _articles(gz)] == ["31111111", "31111112", "31111113"]


def test_truncated_file_names_file_and_last_good_pmid(fixtures_dir, tmp_path):
    data = (fixtures_dir / "pubmed" / "efetch_mixed.xml").read_bytes()
    cut = data[: data.index(b'<PMID Version="1">31111113')]
    bad = tmp_path / "cut.xml"
    bad.write_bytes(cut)
    with pytest.raises(ParseError) as info:
        list(iter_file_records(bad))
    assert "cut.xml" in str(info.value) and "31111112" in str(info.value)


def test_html_is_not_a_record_set():
    with pytest.raises(ParseError, match="not a PubMed record set"):
        list(iter_bytes_records(b"<html><body>Service unavailable</body></html>", "page.xml"))


def test_empty_input_is_an_error():
    with pytest.raises(ParseError, match="empty"):
        list(iter_stream_records(io.BytesIO(b""), "empty.xml"))


def test_sniff_root(fixtures_dir, tmp_path):
    assert sniff_root(fixtures_dir / "pubmed" / "medline_citation_set.xml") == "MedlineCitationSet"
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"\x00\x01 not xml")
    assert sniff_root(junk) is None


def test_registry_ids_in_free_text():
    ncts, others = find_registry_ids(
        "Registered at ClinicalTrials.gov (NCT-04270877) and ISRCTN 12345678; EudraCT 2019-001234-56."
    )
    assert ncts == ["NCT04270877"]
    assert others == ["ISRCTN12345678", "EUDRACT2019-001234-56"]


def test_memory_stays_flat_as_the_file_grows(fixtures_dir):
    """Peak traced memory for 4,000 records is about that for 400: records are not accumulated."""
    data = (fixtures_dir / "pubmed" / "efetch_mixed.xml").read_text()
    head, rest = data.split("<PubmedArticle>", 1)
    record = "<PubmedArticle>" + rest.split("</PubmedArticle>", 1)[0] + "</PubmedArticle>\n"

    def peak(n: int) -> int:
        body = (head + record * n + "</PubmedArticleSet>").encode()
        tracemalloc.start()
        count = sum(1 for _ in iter_stream_records(io.BytesIO(body), "grow.xml"))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == n
        return top - len(body)  # the input buffer itself is not the parser's memory

    small, large = peak(400), peak(4_000)
    assert large < small * 1.5


# --- real NCBI output (../shared/ncbi-samples) -------------------------------------------------


def test_real_efetch_samples_parse(ncbi_samples):
    counts = {p.name: len(_articles(p)) for p in sorted(ncbi_samples.glob("pubmed*.xml"))}
    assert counts == {
        "pubmed-29768149.xml": 1,
        "pubmed1.xml": 2,
        "pubmed2.xml": 2,
        "pubmed4.xml": 1,
        "pubmed5.xml": 1,
        "pubmed6.xml": 1,
        "pubmed7.xml": 1,
    }


def test_real_rct_record(ncbi_samples):
    (rct,) = _articles(ncbi_samples / "pubmed-29768149.xml")
    assert rct.pmid == "29768149"
    assert rct.nct_ids == ["NCT02149199"]
    assert "Randomized Controlled Trial" in rct.publication_types
    assert rct.journal_iso == "N Engl J Med" and rct.pub_year == 2018
    assert "β2-agonist" in rct.abstract.replace("β 2", "β2")


def test_real_medline_baseline_file_has_604_citations(ncbi_samples):
    recs = list(iter_file_records(ncbi_samples / "medline16n0902.xml.gz"))
    articles = [r for r in recs if isinstance(r, Article)]
    assert len(articles) == 604
    assert len({a.pmid for a in articles}) == 604
    assert sum("Randomized Controlled Trial" in a.publication_types for a in articles) == 5
    assert all(a.pub_year for a in articles)


def test_events_fall_back_to_read_events_without_the_private_queue():
    """Where XMLPullParser has no _events_queue, events come from its public read_events."""
    from ldn_review.parse_reference import _take_events

    class PublicOnly:
        def read_events(self):
            yield ("end", "element")

    events, error = _take_events(PublicOnly())  # type: ignore[arg-type]
    assert list(events) == [("end", "element")] and error is None
