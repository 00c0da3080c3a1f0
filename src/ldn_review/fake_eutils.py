"""A fake E-utilities server on 127.0.0.1 for tests and benchmarks.

It speaks the real protocol over real HTTP: ESearch (with the history server, date limits on the
creation date, PubMed's 9,999-id paging limit), EPost (GET or POST) and EFetch (from a history set
or an ``id`` list), in the XML shapes NCBI returns. Faults can be injected into the next matching
requests (throttling, server errors, timeouts, HTML pages, truncated or short bodies, a history
server that lost every WebEnv, a refused API key), and every request is logged with the time it
arrived, so tests can check retries and the rate limit.

    with FakeEutils(generate_records(1_234)) as server:
        settings = Settings(eutils_base=server.base_url)
        ...
        assert server.max_requests_in_any_window(1.0) <= 3

Records are sorted by PMID descending, like PubMed. Record XML is built only when served, so a
server with tens of thousands of records starts at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape, quoteattr

HOST = "127.0.0.1"  # loopback only: the fake is never reachable from another machine
BASE_PATH = "/entrez/eutils"
UTILITIES = ("esearch", "epost", "efetch")
FAULT_KINDS = frozenset(
    {
        "429",
        "500",
        "502",
        "503",
        "504",
        "timeout",
        "disconnect",
        "html200",
        "truncated",
        "error_payload",
        "error_list",
        "empty200",
        "drop_record",
        "history_lost",
        "bad_key",
        "warning_list",
        "bad_gzip",
    }
)
# Faults answered with a canned reply, without looking at the request.
CANNED_FAULTS = frozenset(
    {"429", "500", "502", "503", "504", "html200", "empty200", "bad_key", "bad_gzip"}
)
# PubMed's ESearch refuses retstart beyond this (it can page through the first 9,999 ids only).
MAX_ESEARCH_RETSTART = 9_998
# PubMed caps retmax of ESearch and EFetch at 10,000.
MAX_RETMAX = 10_000
# NCBI's default retmax when none is given.
DEFAULT_RETMAX = 20
# Long enough to outlast the short client timeouts tests use (they set timeout_s well below it).
DEFAULT_TIMEOUT_DELAY_S = 2.0

ESEARCH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
EPOST_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<!DOCTYPE ePostResult PUBLIC "-//NLM//DTD epost 20090526//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20090526/epost.dtd">'
)
EFETCH_HEAD = (
    '<?xml version="1.0" ?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
ROOT_OF = {"esearch": "eSearchResult", "epost": "ePostResult", "efetch": "eFetchResult"}
HTML_ERROR_PAGE = (
    b'<!DOCTYPE html>\n<html lang="en"><head><title>NCBI - WWW Error Blocked Diagnostic</title>'
    b"</head><body><h1>Service unavailable</h1><p>The server is temporarily unable to service "
    b"your request. Please try again later.</p></body></html>\n"
)


# --------------------------------------------------------------------------------------------------
# Records


@dataclass(slots=True)
class FakeRecord:
    """One PubMed record of the fake. ``xml`` (a ``<PubmedArticle>`` element) is generated from
    the PMID and date when not given."""

    pmid: str
    created: dt.date
    xml: str | None = None

    def render(self) -> str:
        if self.xml is None:
            return make_record_xml(
                self.pmid,
                title=f"Record {self.pmid}: low-dose naltrexone in chronic pain",
                abstract=f"Synthetic abstract of record {self.pmid}.",
                created=self.created,
            )
        return self.xml


def generate_records(
    n: int,
    *,
    first_pmid: int = 30_000_000,
    start: dt.date = dt.date(2000, 1, 1),
    end: dt.date = dt.date(2024, 12, 31),
) -> list[FakeRecord]:
    """``n`` records with consecutive PMIDs and creation dates spread evenly over ``[start, end]``
    (several records share a day once ``n`` exceeds the days in the range)."""
    span = (end - start).days
    return [
        FakeRecord(
            str(first_pmid + i),
            start + dt.timedelta(days=(i * span) // max(1, n - 1) if n > 1 else 0),
        )
        for i in range(n)
    ]


def make_record_xml(
    pmid: str,
    *,
    title: str,
    abstract: str,
    created: dt.date,
    journal: str = "Journal of Pain Research",
    year: int | None = None,
    pub_types: Iterable[str] = (),
    retracted: bool = False,
    revised: dt.date | None = None,
    version: int = 1,
    authors: Iterable[tuple[str, str]] = (("Younger", "Jarred"), ("Mackey", "Sean")),
    doi: str | None = None,
    retraction_pmid: str | None = None,
) -> str:
    """A realistic ``<PubmedArticle>`` element as EFetch returns it (compact, one line)."""
    year = year or created.year
    revised = revised or created
    types = list(pub_types) or ["Journal Article"]
    if retracted and "Retracted Publication" not in types:
        types.append("Retracted Publication")
    doi = doi or f"10.5555/fake.{pmid}"
    author_xml = "".join(
        f'<Author ValidYN="Y"><LastName>{escape(last)}</LastName>'
        f"<ForeName>{escape(first)}</ForeName><Initials>{escape(first[:1])}</Initials></Author>"
        for last, first in authors
    )
    type_xml = "".join(f"<PublicationType>{escape(t)}</PublicationType>" for t in types)
    corrections = ""
    if retracted:
        notice = retraction_pmid or (str(int(pmid) + 1) if pmid.isdigit() else "1")
        corrections = (
            '<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn">'
            f"<RefSource>{escape(journal)}. {year + 1}. Retraction notice.</RefSource>"
            f'<PMID Version="1">{notice}</PMID></CommentsCorrections></CommentsCorrectionsList>'
        )
    return (
        "<PubmedArticle>"
        f'<MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">'
        f'<PMID Version="{version}">{escape(pmid)}</PMID>'
        f"{date_xml('DateRevised', revised)}"
        '<Article PubModel="Print-Electronic"><Journal>'
        '<ISSN IssnType="Electronic">1178-7090</ISSN>'
        f'<JournalIssue CitedMedium="Internet"><Volume>{year - 2007}</Volume>'
        f"<PubDate><Year>{year}</Year></PubDate></JournalIssue>"
        f"<Title>{escape(journal)}</Title><ISOAbbreviation>{escape(journal)}</ISOAbbreviation>"
        "</Journal>"
        f"<ArticleTitle>{escape(title)}</ArticleTitle>"
        "<Pagination><MedlinePgn>1-10</MedlinePgn></Pagination>"
        f'<ELocationID EIdType="doi" ValidYN="Y">{escape(doi)}</ELocationID>'
        f"<Abstract><AbstractText>{escape(abstract)}</AbstractText></Abstract>"
        f'<AuthorList CompleteYN="Y">{author_xml}</AuthorList>'
        f"<Language>eng</Language><PublicationTypeList>{type_xml}</PublicationTypeList>"
        "</Article>"
        "<MedlineJournalInfo><Country>New Zealand</Country>"
        f"<MedlineTA>{escape(journal)}</MedlineTA><NlmUniqueID>101540514</NlmUniqueID>"
        "</MedlineJournalInfo>"
        f"{corrections}"
        "</MedlineCitation>"
        "<PubmedData><History>"
        f"{pubmed_date_xml('received', created - dt.timedelta(days=60))}"
        f"{pubmed_date_xml('entrez', created)}"
        f"{pubmed_date_xml('pubmed', created)}"
        f"{pubmed_date_xml('medline', created)}"
        "</History><PublicationStatus>epublish</PublicationStatus>"
        f'<ArticleIdList><ArticleId IdType="pubmed">{escape(pmid)}</ArticleId>'
        f'<ArticleId IdType="doi">{escape(doi)}</ArticleId></ArticleIdList>'
        "</PubmedData>"
        "</PubmedArticle>"
    )


def date_xml(tag: str, day: dt.date) -> str:
    return (
        f"<{tag}><Year>{day.year}</Year><Month>{day.month:02d}</Month>"
        f"<Day>{day.day:02d}</Day></{tag}>"
    )


def pubmed_date_xml(status: str, day: dt.date) -> str:
    return (
        f"<PubMedPubDate PubStatus={quoteattr(status)}><Year>{day.year}</Year>"
        f"<Month>{day.month}</Month><Day>{day.day}</Day></PubMedPubDate>"
    )


# --------------------------------------------------------------------------------------------------
# Logs and faults


class LoggedRequest(NamedTuple):
    time: float  # time.monotonic() when the request arrived
    utility: str
    params: dict[str, str]  # as received, api_key included
    method: str
    status: int


class SentResponse(NamedTuple):
    """What the server sent for the request of the same index in ``request_log``."""

    utility: str
    status: int
    fault: str | None
    body_sha256: str | None  # None when nothing was sent (timeout, disconnect)
    size: int


@dataclass(slots=True)
class Fault:
    kind: str
    utility: str | None
    remaining: int
    retry_after: str = "1"
    skip: int = 0  # matching requests to let through untouched before the fault applies

    def matches(self, utility: str) -> bool:
        return self.remaining > 0 and self.utility in (None, utility)


@dataclass(slots=True)
class _Reply:
    status: int
    body: bytes
    content_type: str = "text/xml; charset=UTF-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    disconnect: bool = False


# --------------------------------------------------------------------------------------------------
# The server


class FakeEutils:
    """A fake E-utilities service; a context manager that serves on 127.0.0.1 at a free port."""

    def __init__(self, records: Iterable[FakeRecord] = (), *, max_history: int = 10_000) -> None:
        self.max_history = max_history
        self.timeout_delay_s = DEFAULT_TIMEOUT_DELAY_S
        self.request_log: list[LoggedRequest] = []
        self.response_log: list[SentResponse] = []
        self._records: dict[str, FakeRecord] = {r.pmid: r for r in records}
        self._order: list[str] | None = None
        self._terms: dict[str, set[str]] = {}
        self._history: dict[str, dict[str, list[str]]] = {}
        self._webenv_seq = itertools.count(1)
        self._faults: list[Fault] = []
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the fake E-utilities server is not started")
        return f"http://{HOST}:{self._httpd.server_port}{BASE_PATH}"

    def start(self) -> FakeEutils:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = ThreadingHTTPServer((HOST, 0), build_handler(self))
        httpd.daemon_threads = True
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> FakeEutils:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- records -----------------------------------------------------------------------------------

    def add_record(self, pmid: str, xml: str | None, created: dt.date) -> None:
        with self._lock:
            self._records[pmid] = FakeRecord(pmid, created, xml)
            self._order = None

    def remove_record(self, pmid: str) -> None:
        """Delete a record from PubMed: it no longer matches searches nor is served."""
        with self._lock:
            self._records.pop(pmid, None)
            self._order = None
            for term_pmids in self._terms.values():
                term_pmids.discard(pmid)

    def replace_record(self, pmid: str, xml: str) -> None:
        """Revise a record (a new version, a retraction notice...): same PMID and creation date."""
        with self._lock:
            old = self._records[pmid]
            self._records[pmid] = FakeRecord(pmid, old.created, xml)

    def set_term(self, term: str, pmids: Iterable[str]) -> None:
        """Make ``term`` match only ``pmids``; terms not set match every record."""
        with self._lock:
            self._terms[term] = set(pmids)

    @property
    def pmids(self) -> list[str]:
        with self._lock:
            return list(self._sorted_pmids())

    def _sorted_pmids(self) -> list[str]:
        if self._order is None:
            self._order = sorted(self._records, key=pmid_sort_key, reverse=True)
        return self._order

    # -- faults and logs ---------------------------------------------------------------------------

    def inject(
        self,
        kind: str,
        *,
        utility: str | None = None,
        times: int = 1,
        retry_after: float | int | str = 1,
        skip: int = 0,
    ) -> None:
        """Apply fault ``kind`` to the next ``times`` requests to ``utility`` (any when None),
        after letting ``skip`` of them through (e.g. to lose the history mid-paging)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; choose from {sorted(FAULT_KINDS)}")
        if utility is not None and utility not in UTILITIES:
            raise ValueError(f"unknown utility {utility!r}; choose from {UTILITIES}")
        with self._lock:
            self._faults.append(Fault(kind, utility, times, str(retry_after), skip))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def requests_to(self, utility: str) -> list[LoggedRequest]:
        return [r for r in self.request_log if r.utility == utility]

    def max_requests_in_any_window(self, window_s: float = 1.0) -> int:
        """The most requests that arrived within any span shorter than ``window_s``."""
        times = sorted(r.time for r in self.request_log)
        best = 0
        first = 0
        for last, t in enumerate(times):
            while t - times[first] >= window_s:
                first += 1
            best = max(best, last - first + 1)
        return best

    def _take_fault(self, utility: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(utility):
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    fault.remaining -= 1
                    taken = Fault(fault.kind, fault.utility, 1, fault.retry_after)
                    self._faults = [f for f in self._faults if f.remaining > 0]
                    return taken
        return None

    # -- handling ----------------------------------------------------------------------------------

    def handle(
        self, utility: str, params: Mapping[str, str], method: str
    ) -> tuple[_Reply, str | None]:
        """The reply to one request, faults applied; also returns the fault's kind."""
        fault = self._take_fault(utility)
        if fault is not None and fault.kind in CANNED_FAULTS:
            return fault_reply(fault, params), fault.kind
        if fault is not None and fault.kind == "history_lost":
            with self._lock:
                self._history.clear()  # every WebEnv expires; this request finds its set gone
        reply = self._answer(
            utility, params, drop_record=fault is not None and fault.kind == "drop_record"
        )
        if fault is None or fault.kind in ("drop_record", "history_lost"):
            return reply, None if fault is None else fault.kind
        if fault.kind == "truncated":
            reply.body = reply.body[: len(reply.body) // 2]
        elif fault.kind == "error_payload":
            reply = error_reply(utility, "Search Backend failed: simulated fault")
        elif fault.kind == "error_list":
            reply = error_list_reply(params.get("term", ""))
        elif fault.kind == "warning_list" and utility == "esearch":
            reply.body = add_warning_list(reply.body, params.get("term", ""))
        elif fault.kind == "timeout":
            reply.delay_s = self.timeout_delay_s
        elif fault.kind == "disconnect":
            reply.disconnect = True
        return reply, fault.kind

    def _answer(self, utility: str, params: Mapping[str, str], *, drop_record: bool) -> _Reply:
        if params.get("db", "pubmed") != "pubmed":
            return error_reply(utility, f"Invalid db name specified: {params.get('db')}")
        if utility == "esearch":
            return self._esearch(params)
        if utility == "epost":
            return self._epost(params)
        return self._efetch(params, drop_record=drop_record)

    def _esearch(self, params: Mapping[str, str]) -> _Reply:
        term = params.get("term", "")
        if not term.strip():
            return error_reply("esearch", "Empty term and query_key - nothing todo")
        try:
            retstart = int(params.get("retstart", "0"))
            retmax = min(int(params.get("retmax", str(DEFAULT_RETMAX))), MAX_RETMAX)
            window = date_window(params)
        except ValueError as exc:
            return error_reply("esearch", f"Invalid parameter: {exc}")
        if retstart > MAX_ESEARCH_RETSTART:
            return error_reply(
                "esearch",
                f"Search Backend failed: Exception:\n'retstart' cannot be larger than "
                f"{MAX_ESEARCH_RETSTART}. For PubMed, ESearch can only retrieve the first 9,999 "
                "records matching the query.",
            )
        with self._lock:
            hits = self._search(term, window)
            history = ""
            if params.get("usehistory", "").lower() == "y":
                webenv, query_key = self._store(params.get("WebEnv"), hits[: self.max_history])
                history = f"<QueryKey>{query_key}</QueryKey><WebEnv>{webenv}</WebEnv>"
        shown = hits[retstart : retstart + retmax]
        ids = "".join(f"<Id>{pmid}</Id>\n" for pmid in shown)
        translation = escape(term)
        if window is not None:
            translation += (
                f" AND {window[0]:%Y/%m/%d}:{window[1]:%Y/%m/%d}[{params.get('datetype', 'edat')}]"
            )
        body = (
            f"{ESEARCH_HEAD}<eSearchResult><Count>{len(hits)}</Count><RetMax>{len(shown)}</RetMax>"
            f"<RetStart>{retstart}</RetStart>{history}<IdList>\n{ids}</IdList>"
            f"<TranslationSet/><QueryTranslation>{translation}</QueryTranslation></eSearchResult>\n"
        )
        return _Reply(200, body.encode())

    def _search(self, term: str, window: tuple[dt.date, dt.date] | None) -> list[str]:
        allowed = self._terms.get(term)
        hits = []
        for pmid in self._sorted_pmids():
            if allowed is not None and pmid not in allowed:
                continue
            created = self._records[pmid].created
            if window is not None and not window[0] <= created <= window[1]:
                continue
            hits.append(pmid)
        return hits

    def _store(self, webenv: str | None, pmids: list[str]) -> tuple[str, str]:
        if not webenv or webenv not in self._history:
            webenv = f"MCID_{next(self._webenv_seq):024x}"
            self._history[webenv] = {}
        keys = self._history[webenv]
        query_key = str(len(keys) + 1)
        keys[query_key] = pmids
        return webenv, query_key

    def _epost(self, params: Mapping[str, str]) -> _Reply:
        raw = [p.strip() for p in params.get("id", "").split(",") if p.strip()]
        if not raw:
            return error_reply("epost", "Empty ID list; Nothing to store")
        if not all(p.isdigit() for p in raw):
            return error_reply(
                "epost",
                "Some IDs have invalid value and were omitted. Maximum ID value "
                "18446744073709551615",
            )
        with self._lock:
            webenv, query_key = self._store(params.get("WebEnv"), list(dict.fromkeys(raw)))
        body = (
            f"{EPOST_HEAD}<ePostResult>\n\t<QueryKey>{query_key}</QueryKey>\n"
            f"\t<WebEnv>{webenv}</WebEnv>\n</ePostResult>\n"
        )
        return _Reply(200, body.encode())

    def _efetch(self, params: Mapping[str, str], *, drop_record: bool) -> _Reply:
        try:
            retstart = int(params.get("retstart", "0"))
            retmax = min(int(params.get("retmax", str(DEFAULT_RETMAX))), MAX_RETMAX)
        except ValueError as exc:
            return error_reply("efetch", f"Invalid parameter: {exc}")
        with self._lock:
            if params.get("id"):
                wanted = [p.strip() for p in params["id"].split(",") if p.strip()]
                if "retstart" in params or "retmax" in params:
                    wanted = wanted[retstart : retstart + retmax]
            else:
                stored = self._history.get(params.get("WebEnv", ""), {}).get(
                    params.get("query_key", "")
                )
                if stored is None:
                    return error_reply(
                        "efetch", f"Unable to obtain query #{params.get('query_key', '')}"
                    )
                wanted = stored[retstart : retstart + retmax]
            records = [self._records[p].render() for p in wanted if p in self._records]
        if not records:
            return error_reply("efetch", "Empty result - nothing to do")
        if drop_record:
            records = records[:-1]
        body = EFETCH_HEAD + "<PubmedArticleSet>\n" + "\n".join(records) + "\n</PubmedArticleSet>"
        return _Reply(200, body.encode())

    def log(self, request: LoggedRequest, response: SentResponse) -> None:
        with self._lock:
            self.request_log.append(request)
            self.response_log.append(response)


# --------------------------------------------------------------------------------------------------
# Replies and parameters


def fault_reply(fault: Fault, params: Mapping[str, str]) -> _Reply:
    # NCBI names who was throttled or refused in "api-key": the key when one was sent, else the
    # client's address. Its bodies therefore quote the key back.
    who = params.get("api_key") or HOST
    if fault.kind == "429":
        limit = "10" if params.get("api_key") else "3"
        body = (
            f'{{"error":"API rate limit exceeded","api-key":"{who}","count":"{int(limit) + 1}",'
            f'"limit":"{limit}"}}\n'
        ).encode()
        return _Reply(429, body, "application/json", headers={"Retry-After": fault.retry_after})
    if fault.kind == "bad_key":
        body = (
            f'{{"error":"API key invalid","api-key":"{who}","type":"invalid",\n"status":"unknown"}}'
        ).encode()
        return _Reply(400, body, "application/json")
    if fault.kind == "html200":
        return _Reply(200, HTML_ERROR_PAGE, "text/html; charset=UTF-8")
    if fault.kind == "empty200":
        return _Reply(200, b"")
    if fault.kind == "bad_gzip":
        # a body that says it is gzip-compressed and is not (a broken proxy): requests cannot
        # decode it
        return _Reply(200, b"this is not gzip data", headers={"Content-Encoding": "gzip"})
    status = int(fault.kind)
    return _Reply(
        status,
        HTML_ERROR_PAGE.replace(b"Service unavailable", f"Error {status}".encode()),
        "text/html",
    )


def error_reply(utility: str, message: str) -> _Reply:
    """HTTP 200 whose body carries ``<ERROR>``, as NCBI answers bad requests."""
    root = ROOT_OF[utility]
    head = {"esearch": ESEARCH_HEAD, "epost": EPOST_HEAD + "\n"}.get(
        utility, '<?xml version="1.0" encoding="UTF-8" ?>\n'
    )
    body = f"{head}<{root}>\n\t<ERROR>{escape(message)}</ERROR>\n</{root}>\n"
    return _Reply(200, body.encode())


def error_list_reply(term: str) -> _Reply:
    """Zero hits *and* an ``ErrorList``, as ESearch answers a phrase it does not know."""
    phrase = escape(term.split()[0] if term.split() else term)
    body = (
        f"{ESEARCH_HEAD}<eSearchResult><Count>0</Count><RetMax>0</RetMax><RetStart>0</RetStart>"
        f"<IdList/><TranslationSet/><QueryTranslation>({phrase}[All Fields])</QueryTranslation>"
        f"<ErrorList><PhraseNotFound>{phrase}</PhraseNotFound></ErrorList>"
        "<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>"
        "</eSearchResult>\n"
    )
    return _Reply(200, body.encode())


def add_warning_list(body: bytes, term: str) -> bytes:
    """The same ESearch answer with a ``WarningList``, as PubMed adds when it searched without
    a quoted phrase of the query (the query run is not the query written)."""
    quoted = term.split('"')[1] if term.count('"') >= 2 else (term.split() or [term])[0]
    warning = (
        f"<WarningList><QuotedPhraseNotFound>{escape(quoted)}</QuotedPhraseNotFound>"
        "<OutputMessage>Quoted phrase not found.</OutputMessage></WarningList>"
    )
    return body.replace(b"</eSearchResult>", warning.encode() + b"</eSearchResult>")


def date_window(params: Mapping[str, str]) -> tuple[dt.date, dt.date] | None:
    """The ``[mindate, maxdate]`` window of a search, when it has one on the creation date."""
    if not params.get("mindate") and not params.get("maxdate"):
        return None
    if params.get("datetype", "edat") not in ("crdt", "edat"):
        raise ValueError(f"the fake supports datetype crdt or edat, not {params.get('datetype')}")
    low = parse_ncbi_date(params.get("mindate") or "1800/01/01", last=False)
    high = parse_ncbi_date(params.get("maxdate") or "3000/12/31", last=True)
    return low, high


def parse_ncbi_date(text: str, *, last: bool) -> dt.date:
    """``YYYY``, ``YYYY/MM`` or ``YYYY/MM/DD``; a partial date means its first or last day."""
    parts = [int(p) for p in text.strip().replace("-", "/").split("/")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if not last:
            return dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    raise ValueError(f"bad date {text!r}")


def pmid_sort_key(pmid: str) -> tuple[int, str]:
    return (int(pmid), pmid) if pmid.isdigit() else (-1, pmid)


def request_params(query: str, body: bytes, content_type: str) -> dict[str, str]:
    """Query-string and form-body parameters together (the body wins)."""
    params = dict(parse_qsl(query, keep_blank_values=True))
    if body and "application/x-www-form-urlencoded" in content_type:
        params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return params


def build_handler(server: FakeEutils) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "FakeEutils/1.0"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._serve("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._serve("POST")

        def _serve(self, method: str) -> None:
            arrived = time.monotonic()
            url = urlsplit(self.path)
            utility = utility_of(url.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            params = request_params(url.query, body, self.headers.get("Content-Type", ""))
            if utility is None:
                reply, fault = _Reply(404, b"Not Found", "text/plain"), None
            else:
                reply, fault = server.handle(utility, params, method)
            sent = None if reply.disconnect or reply.delay_s else reply.body
            server.log(
                LoggedRequest(arrived, utility or url.path, params, method, reply.status),
                SentResponse(
                    utility or url.path,
                    reply.status,
                    fault,
                    hashlib.sha256(sent).hexdigest() if sent is not None else None,
                    len(sent) if sent is not None else 0,
                ),
            )
            if reply.delay_s and server._stopping.wait(reply.delay_s):
                return
            if reply.disconnect:
                self.close_connection = True
                return
            self._write(reply)

        def _write(self, reply: _Reply) -> None:
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout fault): nothing left to tell it

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # tests read request_log instead of stderr

    return Handler


def utility_of(path: str) -> str | None:
    for utility in UTILITIES:
        if path == f"{BASE_PATH}/{utility}.fcgi":
            return utility
    return None


def iter_log(server: FakeEutils) -> Iterator[tuple[LoggedRequest, SentResponse]]:
    return zip(server.request_log, server.response_log, strict=True)


__all__ = [
    "FAULT_KINDS",
    "FakeEutils",
    "FakeRecord",
    "LoggedRequest",
    "SentResponse",
    "generate_records",
    "iter_log",
    "make_record_xml",
]
