"""The fake E-utilities server itself: shapes of its answers and its living-review controls."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
import requests

from ldn_review.fake_eutils import (
    FakeEutils,
    FakeRecord,
    LoggedRequest,
    generate_records,
    make_record_xml,
    parse_ncbi_date,
)

DAY = dt.date(2021, 6, 15)


@pytest.fixture
def server() -> Iterator[FakeEutils]:
    records = [
        FakeRecord("100", dt.date(2019, 1, 1)),
        FakeRecord("300", dt.date(2021, 6, 15)),
        FakeRecord("200", dt.date(2020, 3, 1)),
    ]
    with FakeEutils(records) as fake:
        yield fake


def get(server: FakeEutils, utility: str, **params: str) -> requests.Response:
    return requests.get(f"{server.base_url}/{utility}.fcgi", params=params, timeout=5)


def test_make_record_xml_is_a_realistic_pubmed_article() -> None:
    xml = make_record_xml(
        "34567890",
        title="LDN & fibromyalgia <pilot>",
        abstract="Ten patients took 4.5 mg.",
        created=DAY,
        pub_types=("Clinical Trial",),
        revised=dt.date(2022, 1, 2),
        version=2,
    )
    article = ET.fromstring(xml)
    assert article.tag == "PubmedArticle"
    pmid = article.find("MedlineCitation/PMID")
    assert pmid is not None and pmid.text == "34567890" and pmid.get("Version") == "2"
    assert article.findtext("MedlineCitation/Article/ArticleTitle") == (
        "LDN & fibromyalgia <pilot>"
    )
    assert article.findtext("MedlineCitation/DateRevised/Year") == "2022"
    types = [e.text for e in article.iterfind(".//PublicationType")]
    assert types == ["Clinical Trial"]
    entrez = article.find("PubmedData/History/PubMedPubDate[@PubStatus='entrez']")
    assert entrez is not None and entrez.findtext("Year") == "2021"
    assert article.find(".//CommentsCorrections") is None


def test_make_record_xml_marks_retractions() -> None:
    article = ET.fromstring(
        make_record_xml("111", title="T", abstract="A", created=DAY, retracted=True)
    )
    link = article.find(".//CommentsCorrections[@RefType='RetractionIn']")
    assert link is not None and link.findtext("PMID") == "112"
    assert "Retracted Publication" in [e.text for e in article.iterfind(".//PublicationType")]


def test_esearch_sorts_pmids_descending_and_filters_by_creation_date(
    server: FakeEutils,
) -> None:
    root = ET.fromstring(get(server, "esearch", db="pubmed", term="x", retmax="10").content)
    assert [e.text for e in root.iterfind("IdList/Id")] == ["300", "200", "100"]
    dated = get(
        server,
        "esearch",
        db="pubmed",
        term="x",
        datetype="crdt",
        mindate="2020/01/01",
        maxdate="2020/12/31",
    )
    assert ET.fromstring(dated.content).findtext("Count") == "1"


def test_esearch_term_map_restricts_hits(server: FakeEutils) -> None:
    server.set_term("pain", ["100", "300"])
    root = ET.fromstring(get(server, "esearch", db="pubmed", term="pain", retmax="10").content)
    assert [e.text for e in root.iterfind("IdList/Id")] == ["300", "100"]


def test_efetch_by_id_list_returns_a_pubmed_article_set(server: FakeEutils) -> None:
    response = get(server, "efetch", db="pubmed", id="100,200", retmode="xml")
    assert response.content.startswith(b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet')
    root = ET.fromstring(response.content)
    assert [e.text for e in root.iterfind("PubmedArticle/MedlineCitation/PMID")] == [
        "100",
        "200",
    ]


def test_epost_by_post_body_stores_a_history_set(server: FakeEutils) -> None:
    posted = requests.post(
        f"{server.base_url}/epost.fcgi", data={"db": "pubmed", "id": "200,100"}, timeout=5
    )
    root = ET.fromstring(posted.content)
    webenv, key = root.findtext("WebEnv"), root.findtext("QueryKey")
    assert webenv and key
    fetched = get(server, "efetch", db="pubmed", WebEnv=webenv, query_key=key, retmax="5")
    pmids = [e.text for e in ET.fromstring(fetched.content).iterfind(".//MedlineCitation/PMID")]
    assert pmids == ["200", "100"]
    assert server.request_log[0].method == "POST" and server.request_log[0].params["id"]


def test_records_can_be_added_revised_and_deleted_between_runs(server: FakeEutils) -> None:
    server.add_record("400", None, DAY)
    server.replace_record(
        "300", make_record_xml("300", title="Revised", abstract="v2", created=DAY)
    )
    server.remove_record("100")
    assert server.pmids == ["400", "300", "200"]
    body = get(server, "efetch", db="pubmed", id="300,100").content
    assert ET.fromstring(body).findtext(".//ArticleTitle") == "Revised"
    assert len(ET.fromstring(body).findall("PubmedArticle")) == 1


def test_faults_apply_to_the_next_matching_requests_only(server: FakeEutils) -> None:
    server.inject("503", utility="efetch", times=2)
    assert get(server, "esearch", db="pubmed", term="x").status_code == 200
    assert [get(server, "efetch", db="pubmed", id="100").status_code for _ in range(3)] == [
        503,
        503,
        200,
    ]


def test_unknown_fault_is_refused(server: FakeEutils) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        server.inject("418")


def test_max_requests_in_any_window_counts_a_sliding_window() -> None:
    fake = FakeEutils()
    for t in (0.0, 0.4, 0.8, 1.1, 1.15, 1.2, 3.0):
        fake.request_log.append(LoggedRequest(t, "esearch", {}, "GET", 200))
    assert fake.max_requests_in_any_window(1.0) == 5  # 0.4, 0.8, 1.1, 1.15, 1.2
    assert fake.max_requests_in_any_window(0.1) == 3


def test_generate_records_spreads_dates_over_the_range() -> None:
    records = generate_records(5, start=dt.date(2000, 1, 1), end=dt.date(2000, 1, 5))
    assert [r.created.day for r in records] == [1, 2, 3, 4, 5]
    assert ET.fromstring(records[0].render()).findtext(".//PMID") == records[0].pmid


@pytest.mark.parametrize(
    ("text", "last", "expected"),
    [
        ("2020", False, dt.date(2020, 1, 1)),
        ("2020", True, dt.date(2020, 12, 31)),
        ("2020/02", True, dt.date(2020, 2, 29)),
        ("2020/12", True, dt.date(2020, 12, 31)),
        ("2020/02/03", True, dt.date(2020, 2, 3)),
    ],
)
def test_parse_ncbi_date_partial_dates(text: str, last: bool, expected: dt.date) -> None:
    assert parse_ncbi_date(text, last=last) == expected


def test_history_lost_fault_expires_every_webenv(server: FakeEutils) -> None:
    """After the fault, EFetch from an old WebEnv gets NCBI's error; a new search works."""
    first = ET.fromstring(get(server, "esearch", db="pubmed", term="x", usehistory="y").content)
    old = {"WebEnv": first.findtext("WebEnv") or "", "query_key": first.findtext("QueryKey") or ""}
    server.inject("history_lost", utility="efetch")
    for _ in range(2):  # the set is gone for good, not only for the faulty request
        lost = ET.fromstring(get(server, "efetch", db="pubmed", retmax="5", **old).content)
        assert lost.tag == "eFetchResult"
        assert lost.findtext("ERROR") == "Unable to obtain query #1"
    again = ET.fromstring(get(server, "esearch", db="pubmed", term="x", usehistory="y").content)
    new = {"WebEnv": again.findtext("WebEnv") or "", "query_key": again.findtext("QueryKey") or ""}
    fetched = ET.fromstring(get(server, "efetch", db="pubmed", retmax="5", **new).content)
    assert len(fetched.findall("PubmedArticle")) == 3


def test_fault_can_skip_the_first_matching_requests(server: FakeEutils) -> None:
    server.inject("503", utility="efetch", skip=2)
    codes = [get(server, "efetch", db="pubmed", id="100").status_code for _ in range(4)]
    assert codes == [200, 200, 503, 200]


def test_429_and_invalid_key_bodies_name_the_key_like_ncbi(server: FakeEutils) -> None:
    """NCBI's "api-key" field holds the key when one was sent, else the client's address."""
    server.inject("429")
    keyless = get(server, "esearch", db="pubmed", term="x")
    assert keyless.status_code == 429 and keyless.headers["Retry-After"] == "1"
    assert keyless.json() == {
        "error": "API rate limit exceeded",
        "api-key": "127.0.0.1",
        "count": "4",
        "limit": "3",
    }
    server.inject("bad_key")
    refused = get(server, "esearch", db="pubmed", term="x", api_key="k-123")
    assert refused.status_code == 400
    assert refused.json()["api-key"] == "k-123" and refused.json()["error"] == "API key invalid"


def test_warning_list_fault_adds_pubmeds_warning_to_a_normal_answer(server: FakeEutils) -> None:
    server.inject("warning_list", utility="esearch")
    root = ET.fromstring(get(server, "esearch", db="pubmed", term='"a b"[tiab] OR x').content)
    assert root.findtext("Count") == "3"
    assert root.findtext("WarningList/QuotedPhraseNotFound") == "a b"
