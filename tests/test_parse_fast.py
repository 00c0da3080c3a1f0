"""The fast parse path against the reference (ElementTree) parser, which is the oracle.

Every input is parsed by both; the Articles and Deletions must be equal (dataclass ==, every
field), and where the reference raises ParseError the fast path must raise one with the same
message. ``_read`` also reports whether the fast reader handled the file and how many records it
handed to the reference, so the tests can check that ordinary PubMed XML stays on the fast path.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from ldn_review import parse, parse_check, parse_fast, parse_reference
from ldn_review.errors import ParseError
from ldn_review.models import Article, Deletion

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO_RAW = ROOT / "data" / "demo" / "raw"

Outcome = list[Article | Deletion] | str  # records, or the ParseError message


class _SmallReads(io.RawIOBase):
    """A stream returning at most ``size`` bytes per read (records split across many reads)."""

    def __init__(self, data: bytes, size: int) -> None:
        self.data, self.pos, self.size = data, 0, size

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        out = self.data[self.pos : self.pos + min(self.size, n if n > 0 else self.size)]
        self.pos += len(out)
        return out


def _outcome(run: Callable[[], list[Article | Deletion]]) -> Outcome:
    try:
        return run()
    except ParseError as exc:
        return f"ParseError: {exc}"


def _read(
    data: bytes, name: str = "test.xml", read_size: int | None = None
) -> tuple[Outcome, bool, int]:
    """(outcome of the fast path, whether the fast reader read the file, records it refused)."""
    stream = io.BytesIO(data) if read_size is None else _SmallReads(data, read_size)
    reader = parse._StreamReader(stream, name)  # type: ignore[arg-type]
    outcome = _outcome(lambda: list(reader.records()))
    return outcome, reader.layout is not None, reader.fallbacks


def _reference(data: bytes, name: str = "test.xml") -> Outcome:
    return _outcome(lambda: list(parse_reference.iter_bytes_records(data, name)))


def assert_same(data: bytes, name: str = "test.xml", *, fast: bool = False) -> Outcome:
    """Fast path == reference on ``data`` (also read in small pieces); with ``fast``, the fast
    reader must also have read every record itself."""
    expected = _reference(data, name)
    got, used_fast, fallbacks = _read(data, name)
    assert got == expected
    for size in (1, 7, 4096) if len(data) < 20_000 else (4096,):
        assert _read(data, name, read_size=size)[0] == expected
    if fast:
        assert used_fast and fallbacks == 0
    return expected


# --------------------------------------------------------------------------- files


def _xml_files() -> list[Path]:
    files = sorted((FIXTURES / "pubmed").glob("*.xml")) + sorted((FIXTURES / "eutils").glob("*"))
    return files + sorted(DEMO_RAW.glob("**/*.xml"))


@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: p.name)
def test_fixture_and_demo_files(path: Path) -> None:
    assert_same(path.read_bytes(), path.name)


def test_real_efetch_samples(ncbi_samples: Path) -> None:
    for path in sorted(ncbi_samples.glob("pubmed*.xml")):
        records = assert_same(path.read_bytes(), path.name, fast=True)
        assert isinstance(records, list) and records


def test_real_medline_baseline_file(ncbi_samples: Path) -> None:
    path = ncbi_samples / "medline16n0902.xml.gz"
    data = gzip.decompress(path.read_bytes())
    expected = _reference(data, path.name)
    got, used_fast, fallbacks = _read(data, path.name)
    assert got == expected and used_fast and fallbacks == 0
    assert isinstance(got, list) and sum(isinstance(r, Article) for r in got) == 604
    # and through the file API, gzip and all
    assert list(parse.iter_file_records(path)) == list(parse_reference.iter_file_records(path))


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_pubmed", ROOT / "benchmarks" / "generate_pubmed.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_pubmed", module)
    spec.loader.exec_module(module)
    return module


def test_generated_records() -> None:
    out = io.StringIO()
    _load_generator().write_pubmed(out, 300, seed=3)
    records = assert_same(out.getvalue().encode(), "generated.xml", fast=True)
    assert isinstance(records, list) and len(records) == 300


def test_generated_gzip_file(tmp_path: Path) -> None:
    path = _load_generator().generate_file(tmp_path / "gen.xml.gz", 200, seed=5)
    assert list(parse.iter_file_records(path)) == list(parse_reference.iter_file_records(path))


# --------------------------------------------------------------------------- hand-made records

PROLOG = (
    b'<?xml version="1.0" ?>\n'
    b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
JOURNAL = (
    '<Journal><ISSN IssnType="Electronic">1526-4637</ISSN><JournalIssue CitedMedium="Internet">'
    "<Volume>21</Volume><Issue>4</Issue><PubDate><Year>2020</Year><Month>Apr</Month><Day>01</Day>"
    "</PubDate></JournalIssue><Title>Pain medicine</Title><ISOAbbreviation>Pain Med</ISOAbbreviation>"
    "</Journal>"
)
ABSTRACT = (
    '<Abstract><AbstractText Label="METHODS" NlmCategory="METHODS">Adults were randomized.'
    "</AbstractText><CopyrightInformation>(c) 2020</CopyrightInformation></Abstract>"
)
AUTHORS = (
    '<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Smith</LastName><ForeName>Ann</ForeName>'
    "<Initials>A</Initials><AffiliationInfo><Affiliation>Somewhere.</Affiliation></AffiliationInfo>"
    "</Author></AuthorList>"
)
PUBMED_DATA = (
    '<PubmedData><History><PubMedPubDate PubStatus="received"><Year>2019</Year><Month>5</Month>'
    '<Day>1</Day></PubMedPubDate><PubMedPubDate PubStatus="entrez"><Year>2019</Year><Month>10</Month>'
    "<Day>4</Day><Hour>6</Hour><Minute>0</Minute></PubMedPubDate></History>"
    "<PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
    '<ArticleId IdType="pubmed">1</ArticleId><ArticleId IdType="doi">10.1/x</ArticleId>'
    '<ArticleId IdType="pmc">PMC1</ArticleId></ArticleIdList></PubmedData>'
)


def article(
    *,
    pmid: str = '<PMID Version="1">31111111</PMID>',
    head: str = "<DateRevised><Year>2021</Year><Month>07</Month><Day>15</Day></DateRevised>",
    journal: str = JOURNAL,
    title: str = "<ArticleTitle>Low-dose naltrexone for pain.</ArticleTitle>",
    abstract: str = ABSTRACT,
    authors: str = AUTHORS,
    middle: str = "<Language>eng</Language>",
    pub_types: str = '<PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial'
    "</PublicationType></PublicationTypeList>",
    article_tail: str = "",
    tail: str = "",
    pubmed_data: str = PUBMED_DATA,
    mc_attrs: str = ' Status="MEDLINE" Owner="NLM"',
) -> str:
    return (
        f'<PubmedArticle><MedlineCitation{mc_attrs}>{pmid}{head}<Article PubModel="Print">'
        f"{journal}{title}{abstract}{authors}{middle}{pub_types}{article_tail}</Article>{tail}"
        f"</MedlineCitation>{pubmed_data}</PubmedArticle>\n"
    )


def document(*records: str, prolog: bytes = PROLOG, root: str = "PubmedArticleSet") -> bytes:
    body = "".join(records)
    return prolog + f"<{root}>\n{body}</{root}>\n".encode()


MESH = (
    '<MeshHeadingList><MeshHeading><DescriptorName UI="D003929" MajorTopicYN="Y">Diabetic '
    'Neuropathies</DescriptorName><QualifierName UI="Q000188" MajorTopicYN="N">drug therapy'
    '</QualifierName></MeshHeading><MeshHeading><DescriptorName UI="D009271" MajorTopicYN="N">'
    'Naltrexone</DescriptorName><QualifierName UI="Q000008" MajorTopicYN="Y">administration &amp; '
    "dosage</QualifierName></MeshHeading></MeshHeadingList>"
)
CORRECTIONS = (
    '<CommentsCorrectionsList><CommentsCorrections RefType="Cites"><RefSource>J Pain. 2010;11:1'
    '</RefSource><PMID Version="1">20000001</PMID></CommentsCorrections><CommentsCorrections '
    'RefType="ErratumIn"><RefSource>Pain Med. 2020</RefSource><PMID Version="1">32222222</PMID>'
    '</CommentsCorrections><CommentsCorrections RefType="CommentIn"><RefSource/></CommentsCorrections>'
    "<CommentsCorrections RefType='RetractionIn'><RefSource>R</RefSource><PMID> 3 </PMID>"
    "</CommentsCorrections></CommentsCorrectionsList>"
)

# Records the fast reader handles itself (fast=True), and records it hands to the reference.
FAST_CASES: dict[str, str] = {
    "plain": article(),
    "predefined entities": article(
        title="<ArticleTitle>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &amp;amp;</ArticleTitle>",
        authors="<AuthorList><Author><LastName>O&apos;Neil</LastName><Initials>M&amp;</Initials>"
        "</Author></AuthorList>",
        tail=MESH,
    ),
    "character references": article(
        title="<ArticleTitle>&#946;2 &#x3B2; &#x1F600; &#128512; a&#160;b &#13;end&#10;</ArticleTitle>",
        abstract='<Abstract><AbstractText Label="R&#233;sultats &amp; co">P&#8201;=&#8201;0.01 '
        "&#x10FFFF;</AbstractText></Abstract>",
    ),
    "nested inline markup": article(
        title="<ArticleTitle><i>Italic <b>bold <sup>sup</sup></b></i> <sub>1c</sub> <u>u</u>"
        "</ArticleTitle>",
        abstract="<Abstract><AbstractText>HbA<sub>1c</sub> &lt; 9% <i>n</i> = <b>58</b>"
        "<sup>a</sup></AbstractText></Abstract>",
    ),
    "MathML with prefix and xmlns": article(
        abstract='<Abstract><AbstractText Label="RESULTS">x <mml:math xmlns:mml="http://www.w3.org/'
        '1998/Math/MathML"><mml:mi>&#946;</mml:mi><mml:mo>=</mml:mo><mml:mn>2</mml:mn></mml:math> y'
        '</AbstractText><mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>z</mml:mi>'
        "</mml:math></Abstract>",
    ),
    "attributes reordered, single quotes, spaces": article(
        pmid="<PMID Version = '2' >31111111</PMID >",
        abstract="<Abstract><AbstractText NlmCategory='METHODS'\n Label='METHODS'>Text.</AbstractText>"
        "</Abstract>",
        tail="<MeshHeadingList><MeshHeading><DescriptorName MajorTopicYN='Y' UI='D1'>Pain"
        '</DescriptorName><QualifierName MajorTopicYN = "Y" UI="Q1">therapy</QualifierName>'
        "</MeshHeading></MeshHeadingList>",
        pubmed_data=PUBMED_DATA.replace('PubStatus="entrez"', "PubStatus = 'entrez'").replace(
            'IdType="doi"', "IdType='doi'"
        ),
    ),
    "attribute whitespace and references": article(
        abstract='<Abstract><AbstractText Label="A\tB\nC &#10; D &amp; E">T</AbstractText></Abstract>'
    ),
    "self-closing elements": article(
        abstract='<Abstract><AbstractText Label="X"/><AbstractText Label="Y">y</AbstractText>'
        "<AbstractText/></Abstract>",
        title="<ArticleTitle/>",
        middle='<Language/><Language>eng</Language><ELocationID EIdType="doi"/>',
        tail="<KeywordList><Keyword/><Keyword>k</Keyword></KeywordList>"
        '<CommentsCorrectionsList><CommentsCorrections RefType="ErratumIn"><RefSource/><PMID/>'
        "</CommentsCorrections></CommentsCorrectionsList>",
    ),
    "whitespace and newlines in text": article(
        title="<ArticleTitle>\n  Low-dose\tnaltrexone \n  for   pain.  </ArticleTitle>",
        abstract="<Abstract>\n  <AbstractText>\n  One\n  two  </AbstractText>\n</Abstract>",
        authors="<AuthorList>\n<Author>\n<LastName> Smith </LastName>\n<Initials>A </Initials>\n"
        "</Author>\n</AuthorList>",
        middle="<Language> eng </Language>",
    ),
    "empty elements": article(
        title="<ArticleTitle></ArticleTitle>",
        abstract="<Abstract></Abstract>",
        authors="<AuthorList></AuthorList>",
        pub_types="<PublicationTypeList></PublicationTypeList>",
        tail="<MeshHeadingList></MeshHeadingList><KeywordList></KeywordList>",
    ),
    "no abstract": article(abstract=""),
    "MedlineDate": article(
        journal=JOURNAL.replace(
            "<Year>2020</Year><Month>Apr</Month><Day>01</Day>",
            "<MedlineDate>2015 Jul-Aug</MedlineDate>",
        )
    ),
    "Season": article(
        journal=JOURNAL.replace(
            "<Year>2020</Year><Month>Apr</Month><Day>01</Day>",
            "<Year>2024</Year><Season>Winter</Season>",
        )
    ),
    "no PubDate year, ArticleDate": article(
        journal=JOURNAL.replace("<Year>2020</Year><Month>Apr</Month><Day>01</Day>", ""),
        article_tail='<ArticleDate DateType="Electronic"><Year>2021</Year><Month>03</Month><Day>11</Day>'
        "</ArticleDate><ArticleDate><Year>2022</Year></ArticleDate>",
    ),
    "multiple KeywordLists": article(
        tail='<KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">low-dose <i>naltrexone</i>'
        '</Keyword></KeywordList><KeywordList Owner="NLM"><Keyword>pain</Keyword></KeywordList>'
    ),
    "VernacularTitle only": article(
        title="",
        article_tail="<VernacularTitle>Naltrexone en dosis bajas &amp; dolor.</VernacularTitle>",
    ),
    "empty title, VernacularTitle": article(
        title="<ArticleTitle> </ArticleTitle>",
        article_tail="<VernacularTitle>Titre</VernacularTitle>",
    ),
    "corrections": article(tail=CORRECTIONS),
    "only Cites": article(
        tail='<CommentsCorrectionsList><CommentsCorrections RefType="Cites"><RefSource>J</RefSource>'
        "</CommentsCorrections></CommentsCorrectionsList>"
    ),
    "mesh and chemicals": article(
        tail='<ChemicalList><Chemical><RegistryNumber>0</RegistryNumber><NameOfSubstance UI="D1">'
        "Naltrexone</NameOfSubstance></Chemical><Chemical><RegistryNumber>1</RegistryNumber></Chemical>"
        "</ChemicalList><CitationSubset>IM</CitationSubset>" + MESH
    ),
    "databanks": article(
        middle="<Language>eng</Language><DataBankList><DataBank><DataBankName>ClinicalTrials.gov"
        "</DataBankName><AccessionNumberList><AccessionNumber> nct02812345 </AccessionNumber>"
        "<AccessionNumber/></AccessionNumberList></DataBank><DataBank><DataBankName>ISRCTN"
        "</DataBankName><AccessionNumberList><AccessionNumber>ISRCTN123</AccessionNumber>"
        "</AccessionNumberList></DataBank><DataBank><DataBankName>GENBANK</DataBankName>"
        "</DataBank></DataBankList>",
        abstract="<Abstract><AbstractText>Registered NCT-04270877 and EudraCT 2019-001234-56."
        "</AbstractText></Abstract>",
    ),
    "collective author and suffix": article(
        authors="<AuthorList><Author><LastName>Doe</LastName><ForeName>J</ForeName><Initials>J</Initials>"
        '<Suffix>Jr</Suffix><Identifier Source="ORCID">0000</Identifier></Author><Author>'
        "<CollectiveName>LDN <i>Study</i> Group</CollectiveName></Author><Author><LastName>Solo"
        "</LastName></Author><Author><Identifier>x</Identifier></Author></AuthorList>"
    ),
    "history without entrez": article(
        head="<DateCreated><Year>2007</Year><Month>10</Month><Day>18</Day></DateCreated>",
        pubmed_data=PUBMED_DATA.replace('PubStatus="entrez"', 'PubStatus="pubmed"'),
    ),
    "entrez with a bad date, then a good one": article(
        pubmed_data=PUBMED_DATA.replace(
            "<History>",
            '<History><PubMedPubDate PubStatus="entrez"><Year>2019</Year><Month>13</Month><Day>40</Day>'
            "</PubMedPubDate>",
        )
    ),
    "entrez node with another attribute first": article(
        pubmed_data=PUBMED_DATA.replace(
            "<History>",
            '<History><PubMedPubDate PubStatus="entrez" X="1"><Year>2001</Year></PubMedPubDate>'
            "<PubMedPubDate PubStatus='entrez'><Year>2002</Year></PubMedPubDate>",
        )
    ),
    "entrez status escaped": article(
        pubmed_data=PUBMED_DATA.replace(
            "<History>",
            '<History><PubMedPubDate PubStatus="entr&#101;z"><Year>2003</Year></PubMedPubDate>',
        )
    ),
    "no PubmedData, DateCreated": article(
        pubmed_data="",
        head="<DateCreated><Year>2007</Year><Month>Oct</Month><Day>18</Day></DateCreated>",
    ),
    "doi from ELocationID": article(
        middle='<ELocationID EIdType="pii">S1</ELocationID><ELocationID EIdType="doi"> 10.9/e '
        "</ELocationID><Language>eng</Language>",
        pubmed_data='<PubmedData><ArticleIdList><ArticleId IdType="doi"></ArticleId>'
        "</ArticleIdList></PubmedData>",
    ),
    "duplicates: last or first wins": article(
        pmid='<PMID Version="1">1</PMID><PMID Version="3">31111112</PMID>',
        head="<DateRevised><Year>2020</Year></DateRevised><DateRevised><Year>2021</Year>"
        "</DateRevised>",
        title="<ArticleTitle>First</ArticleTitle><ArticleTitle>Second</ArticleTitle>",
        abstract=ABSTRACT + "<Abstract><AbstractText>Second abstract.</AbstractText></Abstract>",
        pubmed_data=PUBMED_DATA.replace(
            "</PubmedData>",
            '<History><PubMedPubDate PubStatus="entrez"><Year>1999</Year></PubMedPubDate></History>'
            '<ArticleIdList><ArticleId IdType="doi">10.2/second</ArticleId></ArticleIdList></PubmedData>',
        ),
    ),
    "unknown elements everywhere the reference ignores them": article(
        head="<DateCompleted><Year>2020</Year></DateCompleted><Foo a='1'><Bar/></Foo>",
        journal=JOURNAL,
        middle="<Pagination><MedlinePgn>1-2</MedlinePgn></Pagination><Language>eng</Language>"
        "<GrantList><Grant><GrantID>1</GrantID></Grant></GrantList>",
        tail="<MedlineJournalInfo><Country>X</Country></MedlineJournalInfo><OtherAbstract>"
        "<AbstractText>other</AbstractText></OtherAbstract><InvestigatorList><Investigator>"
        "<LastName>I</LastName></Investigator></InvestigatorList>",
        pubmed_data=PUBMED_DATA.replace(
            "</PubmedData>",
            '<ReferenceList><Reference><Citation>C</Citation><ArticleIdList><ArticleId IdType="doi">'
            "10.3/ref</ArticleId></ArticleIdList></Reference></ReferenceList></PubmedData>",
        ),
    ),
    "unicode": article(
        title="<ArticleTitle>Naltrexona em doses baixas: ensaio clínico – β-endorfina ’quoted’ 😀"
        "</ArticleTitle>",
        authors="<AuthorList><Author><LastName>Müller-Łukasz</LastName><Initials>É</Initials>"
        "</Author></AuthorList>",
    ),
    "no MedlineCitation": "<PubmedArticle><PubmedData><History/></PubmedData></PubmedArticle>\n",
}


@pytest.mark.parametrize("name", list(FAST_CASES))
def test_fast_cases(name: str) -> None:
    assert_same(document(FAST_CASES[name], article(pmid="<PMID>2</PMID>")), fast=True)


REFERENCE_CASES: dict[str, str] = {
    "CDATA": article(
        abstract="<Abstract><AbstractText><![CDATA[a < b & c]]> d</AbstractText></Abstract>"
    ),
    "comment in a record": article(tail="<!-- a comment -->"),
    "comment holding a record end tag": article(
        abstract="<Abstract><AbstractText>a <!-- </PubmedArticle> --> b</AbstractText></Abstract>"
    ),
    "processing instruction in a record": article(title="<ArticleTitle>T<?pi x?>U</ArticleTitle>"),
    "undefined entity in an attribute": article(
        abstract='<Abstract><AbstractText Label="A &foo; B">x</AbstractText></Abstract>'
    ),
    "default namespace on a used element": article(
        abstract='<Abstract xmlns="http://example.org/x"><AbstractText>x</AbstractText></Abstract>'
    ),
    "default namespace on a record": article().replace(
        "<PubmedArticle>", '<PubmedArticle xmlns="http://example.org/x">'
    ),
    "out of DTD order": article(
        authors="<AuthorList><Author><Initials>A</Initials><LastName>Smith</LastName></Author>"
        "</AuthorList>"
    ),
    "markup inside a leaf": article(middle="<Language>e<b>n</b>g</Language>"),
    "text between elements": article(tail="stray text"),
    "record without PMID": article(pmid=""),
    "empty PMID": article(pmid='<PMID Version="1"> </PMID>'),
    "DeleteCitation inside an abstract": article(
        abstract="<Abstract><AbstractText>x<DeleteCitation><PMID>9</PMID></DeleteCitation>"
        "</AbstractText></Abstract>"
    ),
    "DeleteCitation inside a skipped element": article(
        tail="<GeneralNote><DeleteCitation><PMID>9</PMID></DeleteCitation></GeneralNote>"
    ),
    "PubmedArticle inside a PubmedArticle": article(
        tail="<GeneralNote>" + article(pmid="<PMID>77</PMID>") + "</GeneralNote>"
    ),
    "second MedlineCitation": article().replace(
        "</PubmedArticle>", "<MedlineCitation><PMID>5</PMID></MedlineCitation></PubmedArticle>"
    ),
    "Author self-closing": article(authors="<AuthorList><Author/></AuthorList>"),
    "stray element between records": "<Foo>x</Foo>\n" + article(),
    "text between records": "text\n" + article(),
    "MedlineCitation at the top of a PubmedArticleSet": "<MedlineCitation><PMID>4</PMID>"
    "</MedlineCitation>" + article(),
}


@pytest.mark.parametrize("name", list(REFERENCE_CASES))
def test_reference_cases(name: str) -> None:
    assert_same(document(article(pmid="<PMID>1</PMID>"), REFERENCE_CASES[name], article()))


def test_comments_and_processing_instructions_between_records_stay_fast() -> None:
    data = document(
        "<!-- c -->\n", article(), "<?pi x?>", article(pmid="<PMID>2</PMID>"), "<!--x-->"
    )
    assert_same(data, fast=True)


def test_deletions_and_books_between_articles() -> None:
    data = document(
        article(),
        '<DeleteCitation>\n<PMID Version="1">30000001</PMID>\n<PMID> 30000002 </PMID>'
        "<Foo/></DeleteCitation>\n",
        "<PubmedBookArticle><BookDocument><PMID>1</PMID></BookDocument></PubmedBookArticle>\n",
        article(pmid="<PMID>2</PMID>"),
        "<DeleteCitation><PMID>30000003</PMID></DeleteCitation>",
    )
    records = assert_same(data, fast=True)
    assert isinstance(records, list) and [type(r).__name__ for r in records] == [
        "Article", "Deletion", "Article", "Deletion"
    ]  # fmt: skip


def test_medline_citation_set_layout() -> None:
    citation = (
        '<MedlineCitation Owner="NLM" Status="MEDLINE">\n<PMID Version="1">17000001</PMID>\n'
        "<DateCreated>\n<Year>2007</Year>\n<Month>10</Month>\n<Day>18</Day>\n</DateCreated>\n"
        f'<Article PubModel="Print">\n{JOURNAL}\n<ArticleTitle>An older citation.</ArticleTitle>\n'
        "</Article>\n</MedlineCitation>\n"
    )
    data = document(
        citation, citation.replace("17000001", "17000002"),
        "<DeleteCitation><PMID Version=\"1\">16000009</PMID></DeleteCitation>\n",
        root="MedlineCitationSet",
    )  # fmt: skip
    assert_same(data, fast=True)
    # a PubmedArticle under a MedlineCitationSet yields its citation twice in the reference
    assert_same(document(citation, article(), root="MedlineCitationSet"))


def test_latin1_file_goes_to_the_reference() -> None:
    data = document(article(title="<ArticleTitle>Caf\u00e9</ArticleTitle>")).replace(
        b'<?xml version="1.0" ?>', b'<?xml version="1.0" encoding="ISO-8859-1"?>'
    )
    data = data.decode("utf-8").encode("latin-1")
    records = assert_same(data)
    assert isinstance(records, list) and records[0].title == "Caf\u00e9"  # type: ignore[union-attr]
    assert _read(data)[1] is False


def test_internal_dtd_subset_goes_to_the_reference() -> None:
    prolog = b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY ldn "low-dose naltrexone">]>\n'
    data = document(article(title="<ArticleTitle>&ldn; for pain</ArticleTitle>"), prolog=prolog)
    records = assert_same(data)
    assert isinstance(records, list) and records[0].title == "low-dose naltrexone for pain"  # type: ignore[union-attr]
    assert _read(data)[1] is False


@pytest.mark.parametrize(
    "name, data",
    [
        ("crlf", document(article(), article(pmid="<PMID>2</PMID>")).replace(b"\n", b"\r\n")),
        ("cr", document(article(title="<ArticleTitle>a\rb\r\nc</ArticleTitle>"))),
        ("bom", b"\xef\xbb\xbf" + document(article())),
        ("no prolog", document(article(), prolog=b"")),
        ("standalone", document(article(), prolog=b'<?xml version="1.0" standalone="yes"?>')),
        (
            "utf-16",
            document(article())
            .decode()
            .replace('version="1.0" ', 'version="1.0" encoding="UTF-16" ')
            .encode("utf-16"),
        ),
        ("empty root", PROLOG + b"<PubmedArticleSet/>"),
        ("empty set", PROLOG + b"<PubmedArticleSet>\n</PubmedArticleSet>"),
        ("empty input", b""),
        ("whitespace only", b"   \n"),
        ("not xml", b"\x00\x01 not xml"),
        ("html", b"<html><body>Service unavailable</body></html>"),
        ("esearch", b'<?xml version="1.0"?><eSearchResult><Count>0</Count></eSearchResult>'),
        (
            "prefixed root",
            b'<x:PubmedArticleSet xmlns:x="u">' + article().encode() + b"</x:PubmedArticleSet>",
        ),
        (
            "namespaced root",
            b'<PubmedArticleSet xmlns="u">' + article().encode() + b"</PubmedArticleSet>",
        ),
        ("book set", b"<PubmedBookArticleSet><PubmedBookArticle/></PubmedBookArticleSet>"),
        ("junk after root", document(article()) + b"<x/>"),
        ("text after root", document(article()) + b"text"),
        (
            "huge record",
            document(
                article(
                    abstract="<Abstract><AbstractText>"
                    + "word " * 120_000
                    + "</AbstractText></Abstract>"
                ),
                article(),
            ),
        ),
    ],
)
def test_files_of_unusual_shape(name: str, data: bytes) -> None:
    assert_same(data)


# --------------------------------------------------------------------------- errors


def test_truncation_anywhere_gives_the_reference_error(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "pubmed" / "efetch_mixed.xml").read_bytes()
    for cut in range(0, len(data), 97):
        assert_same(data[:cut], "cut.xml")


def test_truncated_generated_file(tmp_path: Path) -> None:
    out = io.StringIO()
    _load_generator().write_pubmed(out, 120, seed=9)
    data = out.getvalue().encode()
    for cut in (len(data) // 3, len(data) // 2 + 11, len(data) - 30):
        message = assert_same(data[:cut], "gen.xml")
        assert isinstance(message, str) and "malformed or truncated XML after PMID" in message


@pytest.mark.parametrize(
    "damage",
    [b"<", b"&", b"</Foo>", b"\xff", b"<a b='1' b='2'/>", b"&nbsp;", b"<m:x/>", b"]]>", b"\x01"],
    ids=repr,
)
def test_malformed_xml_gives_the_reference_error(damage: bytes, fixtures_dir: Path) -> None:
    data = document(article(), article(pmid="<PMID>2</PMID>"), article(pmid="<PMID>3</PMID>"))
    for at in (
        data.index(b"<PMID>2"),
        data.index(b"Pain Med", data.index(b"<PMID>3")),
        len(data) - 20,
    ):
        message = assert_same(data[:at] + damage + data[at:], "bad.xml")
        assert isinstance(message, str) and "bad.xml" in message


def test_undefined_entity_without_a_doctype() -> None:
    data = document(article(title="<ArticleTitle>a&nbsp;b</ArticleTitle>"), prolog=b"")
    message = assert_same(data)
    assert isinstance(message, str) and "undefined entity" in message


def test_record_without_pmid_error_comes_before_a_later_xml_error() -> None:
    data = document(article(pmid="")) + b"<"
    message = assert_same(data)
    assert isinstance(message, str) and "record without PMID" in message


# --------------------------------------------------------------------------- internals


def test_patterns_without_possessive_quantifiers_match_the_same() -> None:
    """On Python 3.10 the patterns lose their possessive quantifiers (parse_fast.compat)."""
    import re

    if sys.version_info < (3, 11):
        pytest.skip("already running without possessive quantifiers")
    out = io.StringIO()
    _load_generator().write_pubmed(out, 40, seed=11)
    data = out.getvalue().encode()
    plain = re.compile(
        parse_fast._POSSESSIVE_RE.sub("", parse_fast._TOKEN_RE.pattern.decode()).encode(), re.DOTALL
    )
    assert plain.findall(data) == parse_fast._TOKEN_RE.findall(data)
    for text in (d.decode() for d in (data,)):
        for pattern in (parse_fast._AUTHOR_RE, parse_fast._MESH_RE, parse_fast._ABSTRACT_RE):
            greedy = re.compile(parse_fast._POSSESSIVE_RE.sub("", pattern.pattern), pattern.flags)
            assert greedy.findall(text) == pattern.findall(text)


def test_caches_stay_bounded() -> None:
    for i in range(parse_fast._CACHE_MAX + 10):
        parse_fast._attrs(f' Label="{i}"')
    assert len(parse_fast._attr_cache) <= parse_fast._CACHE_MAX


# --------------------------------------------------------------------------- the child checker


def _file_outcome(read: Callable[[Path], object], path: Path) -> object:
    try:
        return list(read(path))  # type: ignore[call-overload]
    except Exception as exc:  # noqa: BLE001 - the kind and message are compared
        return f"{type(exc).__name__}: {exc}"


def _child_files(tmp_path: Path) -> dict[str, Path]:
    out = io.StringIO()
    _load_generator().write_pubmed(out, 150, seed=13)
    data = out.getvalue().encode()
    files = {
        "generated": data,
        "truncated": data[: len(data) * 2 // 3],
        "malformed": data[: len(data) // 2] + b"<<" + data[len(data) // 2 :],
        "undefined entity": data.replace(b"</ArticleTitle>", b" &nbsp;</ArticleTitle>", 40),
        "latin-1": document(article()).replace(
            b'version="1.0" ', b'version="1.0" encoding="ISO-8859-1" '
        ),
        "CDATA (handover)": document(
            article(), REFERENCE_CASES["CDATA"], article(pmid="<PMID>3</PMID>")
        ),
        "not pubmed": b"<eSearchResult><Count>1</Count></eSearchResult>",
        "deletions between articles": document(
            *(
                article(pmid=f"<PMID>{n}</PMID>")
                + (f"<DeleteCitation><PMID>{n + 900}</PMID></DeleteCitation>\n" if n % 3 else "")
                for n in range(1, 40)
            )
        ),
        "citation set": document(
            *(
                article(pmid=f"<PMID>{n}</PMID>")
                .split("<MedlineCitation", 1)[1]
                .rsplit("</MedlineCitation>", 1)[0]
                .join(("<MedlineCitation", "</MedlineCitation>\n"))
                for n in range(1, 40)
            ),
            root="MedlineCitationSet",
        ),
    }
    paths = {}
    for name, content in files.items():
        path = tmp_path / f"{len(paths)}.xml.gz"
        path.write_bytes(gzip.compress(content))
        paths[name] = path
    damaged = bytearray(paths["generated"].read_bytes())
    damaged[len(damaged) // 2 : len(damaged) // 2 + 64] = b"\x00" * 64
    paths["damaged gzip"] = tmp_path / "damaged.xml.gz"
    paths["damaged gzip"].write_bytes(bytes(damaged))
    return paths


@pytest.fixture(params=parse_check.SHARE_MODES)
def child_checker(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """The child process checks every file, and reads records as the mode says; small reads,
    so that the child's records (never those of the first read, the prolog's) are many."""
    monkeypatch.setenv(parse_check.CHECKER_ENV, "process")
    monkeypatch.setenv(parse_check.SHARE_ENV, request.param)
    monkeypatch.setattr(parse_check, "READ_SIZE", 4096)
    monkeypatch.setattr(parse, "READ_SIZE", 4096)


def test_child_checker_gives_the_same_records_and_errors(
    tmp_path: Path, child_checker: None
) -> None:
    for name, path in _child_files(tmp_path).items():
        expected = _file_outcome(parse_reference.iter_file_records, path)
        assert _file_outcome(parse.iter_file_records, path) == expected, name


def test_a_failing_child_is_replaced_by_the_check_here(
    tmp_path: Path, child_checker: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _child_files(tmp_path)
    monkeypatch.setattr(parse_check.sys, "executable", "/bin/false")  # no child at all
    for name, path in paths.items():
        assert _file_outcome(parse.iter_file_records, path) == _file_outcome(
            parse_reference.iter_file_records, path
        ), name


def test_a_child_failing_midway_is_replaced_by_the_check_here(
    tmp_path: Path, child_checker: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames = parse_check.ChildStream._frame
    calls = {"n": 0}

    def failing(self: parse_check.ChildStream) -> tuple[bytes, bytes] | None:
        calls["n"] += 1
        return None if calls["n"] > calls["limit"] else frames(self)

    monkeypatch.setattr(parse_check.ChildStream, "_frame", failing)
    for name, path in _child_files(tmp_path).items():
        for limit in (2, 9, 40):  # frames before the failure
            calls.update(n=0, limit=limit)
            assert _file_outcome(parse.iter_file_records, path) == _file_outcome(
                parse_reference.iter_file_records, path
            ), (name, limit)


def _child_read(path: Path) -> tuple[list[Article | Deletion], parse._StreamReader]:
    stream = parse_check.ChildStream(path, str(path))
    reader = parse._StreamReader(stream, str(path))  # type: ignore[arg-type]
    with stream:
        return list(reader.records()), reader


@pytest.mark.parametrize("mode", parse_check.SHARE_MODES)
def test_records_the_child_reads_are_the_parsers_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setenv(parse_check.SHARE_ENV, mode)
    monkeypatch.setattr(parse_check, "READ_SIZE", 4096)
    monkeypatch.setattr(parse, "READ_SIZE", 4096)
    files = _child_files(tmp_path)
    for name in ("generated", "deletions between articles", "citation set"):
        records, reader = _child_read(files[name])
        assert records == list(parse_reference.iter_file_records(files[name])), name
        articles = sum(isinstance(r, Article) for r in records)
        # every article but those of the first read (the prolog's), also right after a deletion
        # (the child moves past deletions as the parser does)
        if mode == "all":
            assert articles - 5 <= reader.shared <= articles, name
        if mode == "off":
            assert reader.shared == 0, name


def test_a_record_from_the_child_is_used_only_for_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ldn_review.parse_share import encode_article

    monkeypatch.setenv(parse_check.SHARE_ENV, "off")
    data = document(article(), article(pmid="<PMID>2</PMID>"), article(pmid="<PMID>3</PMID>"))
    path = tmp_path / "three.xml"
    path.write_bytes(data)
    tag = b"</PubmedArticle>"
    ends = [i for i in range(len(data)) if data.startswith(tag, i)]
    stream = parse_check.ChildStream(path, "three.xml")
    label = "three.xml"
    stream.shared[ends[1]] = (
        ends[0] + len(tag),
        encode_article(Article(pmid="child", source_file=label)),
    )
    stream.shared[ends[2]] = (
        ends[1] + len(tag) + 1,
        encode_article(Article(pmid="moved", source_file=label)),
    )
    reader = parse._StreamReader(stream, "three.xml")  # type: ignore[arg-type]
    with stream:
        pmids = [r.pmid for r in reader.records() if isinstance(r, Article)]
    assert pmids == ["31111111", "child", "3"]


def test_closing_early_stops_the_child(tmp_path: Path) -> None:
    path = _child_files(tmp_path)["generated"]
    stream = parse_check.ChildStream(path)
    assert stream.read(100)
    proc = stream.proc
    assert proc is not None
    stream.close()
    assert proc.poll() is not None and stream.proc is None


def test_large_files_use_the_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parse_check.CHECKER_ENV, raising=False)
    small = tmp_path / "small.xml"
    small.write_bytes(document(article()))
    assert not parse_check.use_child(small)
    monkeypatch.setattr(parse_check, "CHILD_MIN_BYTES", 10)
    assert parse_check.use_child(small) == ((os.cpu_count() or 1) > 1)
    monkeypatch.setenv(parse_check.CHECKER_ENV, "inline")
    assert not parse_check.use_child(small)


def test_registry_hint_scan_matches_the_regex() -> None:
    """find_registry_ids finds hint matches with str.find; they must be the regex's, exactly."""
    import random

    from ldn_review import parse_fields

    rnd = random.Random(7)
    pieces = list("ISRCTNEudraUDACKPjMIh/ 0123-_.ntrxKS") + [
        "ISRCTN", "TCTRI/", "CTRI/", "NTR", "EUDRACT", "jRCT", "ChiCTR", "DRKS", "UMIN", "PACTR",
    ]  # fmt: skip
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        expected = [m.end() for m in parse_fields._HINTS_RE.finditer(text)]
        assert list(parse_fields._hint_ends(text)) == expected, text


def test_after_a_handover_the_child_s_records_are_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the reference parser reads the rest, nothing asks for the child's records: they must
    not pile up (a handover needs only one record with a comment or CDATA)."""
    monkeypatch.setenv(parse_check.SHARE_ENV, "all")
    monkeypatch.setattr(parse_check, "READ_SIZE", 4096)
    monkeypatch.setattr(parse, "READ_SIZE", 4096)
    out = io.StringIO()
    _load_generator().write_pubmed(out, 60, seed=17)
    data = out.getvalue().encode()
    cut = data.find(b"<PubmedArticle>", len(data) // 3)
    data = data[:cut] + REFERENCE_CASES["CDATA"].encode() + data[cut:]
    path = tmp_path / "handover.xml"
    path.write_bytes(data)
    records, reader = _child_read(path)
    assert records == list(parse_reference.iter_file_records(path))
    stream = reader.stream
    assert isinstance(stream, parse_check.ChildStream)
    assert reader.shared > 0 and not stream.sharing and stream.shared == {}


def test_the_child_keeps_no_run_of_deletions_in_memory() -> None:
    head = document()[: document().find(b"<PubmedArticleSet>") + len(b"<PubmedArticleSet>")]
    checker = parse_check.Checker()
    checker.feed(head)
    found = parse.fast_prolog(checker, head)
    assert found is not None
    prefix, layout = found
    sharer = parse.RecordSharer(len(prefix), layout, "x")
    deletions = b"".join(
        b"<DeleteCitation><PMID>%d</PMID></DeleteCitation>\n" % n for n in range(2000)
    )
    for _ in range(20):
        sharer.feed(deletions, lambda: True)
        assert len(sharer.buf) < 100


def test_the_child_s_records_carry_the_parser_s_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(parse_check.SHARE_ENV, "all")
    monkeypatch.setattr(parse_check, "READ_SIZE", 4096)
    monkeypatch.setattr(parse, "READ_SIZE", 4096)
    path = _child_files(tmp_path)["generated"]
    stream = parse_check.ChildStream(path)  # the child labels its records with the path
    reader = parse._StreamReader(stream, "another label")  # type: ignore[arg-type]
    with stream:
        records = list(reader.records())
    assert {r.source_file for r in records if isinstance(r, Article)} == {"another label"}
    expected = list(parse_reference.iter_file_records(path))
    for got, want in zip(records, expected, strict=True):
        assert isinstance(got, Article) and isinstance(want, Article)
        want.source_file = "another label"
        assert got == want


def test_a_failure_to_share_leaves_the_check_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plain.xml"
    out = io.StringIO()
    _load_generator().write_pubmed(out, 40, seed=19)
    path.write_bytes(out.getvalue().encode())

    def broken(article: Article) -> bytes:
        raise ValueError("cannot encode")

    monkeypatch.setattr(parse, "encode_article", broken)
    sink = io.BytesIO()
    monkeypatch.setattr(parse_check.sys, "stdout", type("Out", (), {"buffer": sink})())
    parse_check.main([str(path), "--share", "all", "--read-size", "4096"])
    frames, body = [], sink.getvalue()
    while body:
        kind, length = parse_check._HEADER.unpack(body[: parse_check._HEADER.size])
        frames.append((kind, body[parse_check._HEADER.size : parse_check._HEADER.size + length]))
        body = body[parse_check._HEADER.size + length :]
    assert frames[-1][0] == b"D" and not any(kind == b"R" for kind, _ in frames)
    assert b"".join(p for kind, p in frames if kind == b"C") == path.read_bytes()


def test_the_backlog_test_reads_how_full_the_pipe_is() -> None:
    """In "auto" the child reads records only while the parser has SHARE_BACKLOG bytes unread."""
    setsize = getattr(parse_check.fcntl, "F_SETPIPE_SZ", None) if parse_check.fcntl else None
    if setsize is None or parse_check.termios is None:
        pytest.skip("no F_SETPIPE_SZ or FIONREAD here")
    read_end, write_end = os.pipe()
    try:
        parse_check.fcntl.fcntl(write_end, setsize, parse_check.PIPE_SIZE)
        wanted = parse_check._backlog_test(write_end)
        assert not wanted()
        os.write(write_end, b"x" * (parse_check.SHARE_BACKLOG - 1))
        assert not wanted()
        os.write(write_end, b"x")
        assert wanted()
        os.read(read_end, 4096)
        assert not wanted()
    finally:
        os.close(read_end)
        os.close(write_end)
