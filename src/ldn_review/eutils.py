"""The E-utilities client: ESearch, EPost and EFetch against PubMed, politely and verifiably.

Every request goes through one process-wide rate limiter, is retried with exponential backoff and
full jitter on transient failures, and has its body saved to the raw store *before* it is parsed.
A body that is not the answer asked for (empty, HTML, truncated, an ``<ERROR>``) is an error, never
"no results". Parsing (:func:`parse_esearch`, :func:`parse_epost`, :func:`parse_efetch`) is pure and
takes bytes, so the same functions check live responses and saved files.

Nothing happens on import: no settings are read and no connection is opened.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import logging
import random
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import requests

from . import __version__
from .errors import (
    ConfigError,
    CountMismatchError,
    EutilsError,
    EutilsHTTPError,
    EutilsPayloadError,
    HistoryLostError,
)
from .rawstore import REDACTED, RunRecorder, SavedResponse, redact_url
from .settings import MAX_BATCH_SIZE, Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")

DB = "pubmed"
# PubMed's ESearch cannot page past the 9,999th id, and its history server serves at most 10,000
# records of one search: a search with more hits is split into creation-date slices.
MAX_SEARCH_IDS = 9_999
# Slicing covers every record PubMed holds: the oldest creation dates are in the 1800s.
EARLIEST_DATE = dt.date(1800, 1, 1)
# The date field slices are cut on: creation date, which never changes once a record exists.
SLICE_DATETYPE = "crdt"
DATE_FORMAT = "%Y/%m/%d"
# URLs beyond ~2,000 characters are cut or refused by some proxies and servers; NCBI asks for POST
# for long parameter lists.
POST_TERM_CHARS = 2_000
# Statuses worth retrying: throttling and server-side or gateway failures.
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
# A short EFetch batch can be a hiccup of the history server: one more try, then it is real.
SHORT_BATCH_RETRIES = 1
# How EFetch says the history server lost a result set (WebEnv expired, or NCBI restarted it):
# HTTP 200 with ``<eFetchResult><ERROR>Unable to obtain query #1</ERROR></eFetchResult>``.
HISTORY_LOST_MARKERS = ("unable to obtain query", "cannot retrieve history")
# Times one slice's search is run again after its history was lost, before the run gives up.
MAX_HISTORY_RESEARCHES = 2
# ESearch warnings that are only information (zero hits is an answer, not a changed query).
INFO_ONLY_WARNINGS = frozenset({"OutputMessage"})
# Added to the 1/rate spacing of request starts: network jitter can bunch requests together on
# NCBI's side, and NCBI counts them there. 30 ms costs ~8% of throughput at 3 requests/s.
RATE_MARGIN_S = 0.03
# How much of an error body to quote in a message.
SNIPPET_CHARS = 200
# How much of the body to look at when deciding whether it is an HTML page.
HTML_SNIFF_BYTES = 1_024
EFETCH_RECORD_TAGS = frozenset({"PubmedArticle", "PubmedBookArticle"})
_NEXT_STEP = (
    "Check the network connection and NCBI's service status, then try again later; "
    "if NCBI is throttling requests (HTTP 429), set NCBI_API_KEY to raise the limit from 3 to 10 "
    "requests/s."
)


# --------------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True, slots=True)
class HistoryRef:
    """A result set on NCBI's history server. ``count`` is its size when known."""

    webenv: str
    query_key: str
    count: int | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    count: int
    webenv: str | None
    query_key: str | None
    ids: list[str]
    query_translation: str | None
    retstart: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def history(self) -> HistoryRef:
        if self.webenv is None or self.query_key is None:
            raise EutilsError(
                "this ESearch result holds no history (WebEnv/QueryKey); "
                "search with usehistory=True"
            )
        return HistoryRef(self.webenv, self.query_key, self.count)


@dataclass(frozen=True, slots=True)
class FetchedBatch:
    body: bytes
    saved: SavedResponse | None
    pmids: list[str]
    n_records: int


@dataclass(slots=True)
class FetchOutcome:
    """What a fetch brought home. ``slices`` are (mindate, maxdate, count) of each ESearch whose
    history was fetched; an empty date means the search had no bound on that side."""

    files: list[Path] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    n_records: int = 0
    n_expected: int = 0
    slices: list[tuple[str, str, int]] = field(default_factory=list)
    n_requests: int = 0
    # fetch_pmids only: requested PMIDs that PubMed no longer serves (deleted or withdrawn).
    missing: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# Rate limiting


class RateLimiter:
    """Spaces the *starts* of requests at least ``1/rate`` (+ a small margin) apart, across threads.

    A caller reserves the next free slot under the lock and sleeps outside it, so concurrent
    callers queue up in order without holding the lock while they wait.
    """

    def __init__(
        self,
        rate: float,
        *,
        margin_s: float = RATE_MARGIN_S,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep
        self._margin_s = margin_s
        self._next_start = float("-inf")
        self._interval = 0.0
        self.set_rate(rate)

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def interval_s(self) -> float:
        return self._interval

    def set_rate(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        with self._lock:
            self._rate = rate
            self._interval = 1.0 / rate + self._margin_s

    def acquire(self) -> float:
        """Wait for the next slot; return how long this caller waited."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start)
            self._next_start = start + self._interval
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return wait


_shared_limiter: RateLimiter | None = None
_shared_lock = threading.Lock()


def shared_rate_limiter(rate: float) -> RateLimiter:
    """The one limiter of this process, its rate set to ``rate``. Every client shares it."""
    global _shared_limiter
    with _shared_lock:
        if _shared_limiter is None:
            _shared_limiter = RateLimiter(rate)
        elif _shared_limiter.rate != rate:
            _shared_limiter.set_rate(rate)
        return _shared_limiter


# --------------------------------------------------------------------------------------------------
# Parsing and validation (pure: bytes in, values out)


class TransientPayloadError(EutilsPayloadError):
    """A payload error worth retrying: an empty body, an HTML page, truncated or malformed XML."""


def parse_esearch(body: bytes) -> SearchResult:
    """An ``eSearchResult`` document; ``<ERROR>`` or ``<ErrorList>`` raise, never "no results"."""
    root = parse_document(body, "eSearchResult")
    raise_on_ncbi_errors(root, "ESearch")
    count_text = root.findtext("Count")
    if count_text is None or not count_text.strip().isdigit():
        raise EutilsPayloadError(f"ESearch answer has no valid <Count> (got {count_text!r})")
    webenv = root.findtext("WebEnv")
    query_key = root.findtext("QueryKey")
    ids = [(e.text or "").strip() for e in root.iterfind("IdList/Id")]
    warnings = [
        f"{child.tag}: {(child.text or '').strip()}"
        for child in root.iterfind("WarningList/*")
        if (child.text or "").strip()
    ]
    return SearchResult(
        count=int(count_text),
        webenv=webenv.strip() if webenv else None,
        query_key=query_key.strip() if query_key else None,
        ids=ids,
        query_translation=root.findtext("QueryTranslation"),
        retstart=int(root.findtext("RetStart") or 0),
        warnings=warnings,
    )


def parse_epost(body: bytes) -> HistoryRef:
    """An ``ePostResult`` document: the WebEnv and query_key the ids were stored under."""
    root = parse_document(body, "ePostResult")
    raise_on_ncbi_errors(root, "EPost")
    webenv = (root.findtext("WebEnv") or "").strip()
    query_key = (root.findtext("QueryKey") or "").strip()
    if not webenv or not query_key:
        raise EutilsPayloadError("EPost answer lacks <WebEnv> or <QueryKey>")
    return HistoryRef(webenv, query_key)


# EFetch's "Empty result" answer is a few hundred bytes; look no further than this.
EMPTY_RESULT_SNIFF_BYTES = 1_024


def parse_efetch(body: bytes) -> list[str]:
    """PMIDs of the records (``PubmedArticle`` and ``PubmedBookArticle``) of an EFetch body, in
    order. Streams the document, so a 10,000-record body does not become one big tree."""
    check_not_html_or_empty(body)
    pmids: list[str] = []
    depth = 0
    root_tag: str | None = None
    try:
        for event, elem in ET.iterparse(io.BytesIO(body), events=("start", "end")):
            if event == "start":
                if root_tag is None:
                    root_tag = elem.tag
                    if root_tag != "PubmedArticleSet":
                        raise_wrong_root(body, root_tag, "PubmedArticleSet")
                depth += 1
                continue
            depth -= 1
            if depth == 1 and elem.tag in EFETCH_RECORD_TAGS:
                pmids.append(record_pmid(elem))
                elem.clear()
    except ET.ParseError as exc:
        raise TransientPayloadError(
            f"EFetch answer is not well-formed XML ({exc}); it was probably cut off"
        ) from None
    if root_tag is None:
        raise TransientPayloadError("EFetch answer holds no XML element")
    return pmids


def is_empty_efetch_result(body: bytes) -> bool:
    """EFetch's answer when none of the requested ids exists any more:
    ``<eFetchResult><ERROR>Empty result - nothing to do</ERROR></eFetchResult>``."""
    head = body[:EMPTY_RESULT_SNIFF_BYTES]
    return b"<eFetchResult" in head and b"Empty result" in head


def record_pmid(record: ET.Element) -> str:
    pmid = record.findtext("MedlineCitation/PMID") or record.findtext("BookDocument/PMID")
    if not pmid or not pmid.strip():
        raise EutilsPayloadError(f"EFetch returned a <{record.tag}> without a PMID")
    return pmid.strip()


def parse_document(body: bytes, expected_root: str) -> ET.Element:
    """Parse a small XML answer and check its root element."""
    check_not_html_or_empty(body)
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise TransientPayloadError(
            f"answer is not well-formed XML ({exc}); it was probably cut off"
        ) from None
    if root.tag != expected_root:
        raise_wrong_root(body, root.tag, expected_root, root)
    return root


def check_not_html_or_empty(body: bytes) -> None:
    if not body.strip():
        raise TransientPayloadError("NCBI answered with an empty body")
    head = body[:HTML_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        raise TransientPayloadError(
            "NCBI answered with an HTML page instead of XML (a maintenance or error page)"
        )


def raise_wrong_root(body: bytes, tag: str, expected: str, root: ET.Element | None = None) -> None:
    """An answer of the wrong kind: quote NCBI's own ``<ERROR>`` when it gave one."""
    if root is None:
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            root = None
    messages = ncbi_error_messages(root) if root is not None else []
    detail = f": {'; '.join(messages)}" if messages else ""
    if any(marker in m.lower() for m in messages for marker in HISTORY_LOST_MARKERS):
        raise HistoryLostError(
            f"NCBI's history server no longer holds the result set{detail} (the WebEnv expired "
            "or was dropped); the search has to be run again"
        )
    raise EutilsPayloadError(f"expected a <{expected}> document, got <{tag}>{detail}")


def ncbi_error_messages(root: ET.Element) -> list[str]:
    """Texts of ``<ERROR>`` children and ``<ErrorList>`` entries of an answer."""
    messages = [(e.text or "").strip() for e in root.iterfind("ERROR")]
    messages += [f"{e.tag} {(e.text or '').strip()!r}" for e in root.iterfind("ErrorList/*")]
    return [m for m in messages if m]


def raise_on_ncbi_errors(root: ET.Element, utility: str) -> None:
    has_errors = root.find("ERROR") is not None or root.find("ErrorList") is not None
    if not has_errors:
        return
    messages = ncbi_error_messages(root) or ["(an empty error element)"]
    raise EutilsPayloadError(
        f"{utility} reported an error: {'; '.join(messages)}. The request was not carried out as "
        "written; fix the query or ids (an ErrorList means PubMed ignored part of the query)."
    )


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


# --------------------------------------------------------------------------------------------------
# The client


class _Retryable(Exception):
    """Internal: one attempt failed in a way worth another try."""

    def __init__(
        self, error: EutilsError, *, retry_after: float | None = None, once: bool = False
    ) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
        self.once = once


@dataclass(slots=True)
class _Attempts:
    """Book-keeping of one logical request's attempts against the retry limits."""

    n: int = 0
    spent_s: float = 0.0  # time in requests plus time slept between them
    short_batches: int = 0
    last_status: int | None = None


BRIEF_VALUE_CHARS = 40  # a long query term is cut to this in error messages


def brief_url(url: str) -> str:
    """The URL for a one-line message: every parameter kept, long values (a 1,500-character
    search term) cut with an ellipsis. The error's ``url`` attribute keeps the whole URL."""
    base, sep, query = url.partition("?")
    if not sep:
        return url
    parts = []
    for pair in query.split("&"):
        name, eq, value = pair.partition("=")
        shown = urllib.parse.unquote_plus(value)
        if len(shown) > BRIEF_VALUE_CHARS:
            shown = shown[:BRIEF_VALUE_CHARS] + "..."
        parts.append(f"{name}{eq}{shown}")
    return f"{base}?{'&'.join(parts)}"


class EutilsClient:
    """ESearch, EPost and EFetch for ``db=pubmed``, with rate limiting, retries and raw saving."""

    def __init__(
        self,
        settings: Settings,
        recorder: RunRecorder | None = None,
        *,
        session: requests.Session | None = None,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.recorder = recorder
        self.session = session or build_session(settings)
        self.limiter = limiter or shared_rate_limiter(settings.requests_per_second)
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._base = settings.eutils_base.rstrip("/")
        self.n_requests = 0

    # -- utilities ---------------------------------------------------------------------------------

    def esearch(
        self,
        term: str,
        *,
        mindate: str | None = None,
        maxdate: str | None = None,
        datetype: str = SLICE_DATETYPE,
        usehistory: bool = True,
        retmax: int = 0,
        retstart: int = 0,
    ) -> SearchResult:
        """Run a PubMed search. Dates are ``YYYY/MM/DD``; one bound alone gets the other filled in
        (NCBI needs both)."""
        params: dict[str, str] = {"db": DB, "term": term, "retmax": str(retmax)}
        if retstart:
            params["retstart"] = str(retstart)
        if usehistory:
            params["usehistory"] = "y"
        if mindate or maxdate:
            params["datetype"] = datetype
            params["mindate"] = mindate or format_date(EARLIEST_DATE)
            params["maxdate"] = maxdate or format_date(today())
        result, _, saved = self._call(
            "esearch",
            params,
            lambda body: counted(parse_esearch(body), lambda r: r.count),
            post=len(term) > POST_TERM_CHARS,
        )
        self._report_warnings(result, saved)
        return result

    def _report_warnings(self, result: SearchResult, saved: SavedResponse | None) -> None:
        """ESearch warnings (a phrase ignored or not found) mean PubMed ran a different query
        than the one written: log them where an operator sees them, and keep them in the
        manifest next to the response."""
        changed = [w for w in result.warnings if w.split(":", 1)[0] not in INFO_ONLY_WARNINGS]
        for warning in result.warnings:
            level = logging.WARNING if warning in changed else logging.INFO
            logger.log(
                level,
                "esearch warning: %s (query run: %s)",
                warning,
                shorten(result.query_translation or "?", 200),
            )
        if changed and self.recorder is not None and saved is not None:
            self.recorder.record_event(
                "esearch_warnings",
                file=saved.path.name,
                warnings=changed,
                query_translation=result.query_translation,
            )

    def epost(self, pmids: Sequence[str]) -> HistoryRef:
        """Store ``pmids`` on the history server (always POST: id lists are long)."""
        ids = [str(p).strip() for p in pmids]
        if not ids:
            raise EutilsError("EPost needs at least one PMID")
        params = {"db": DB, "id": ",".join(ids)}
        ref, _, _ = self._call(
            "epost", params, lambda body: counted(parse_epost(body), lambda _: len(ids)), post=True
        )
        return HistoryRef(ref.webenv, ref.query_key, len(ids))

    def efetch(
        self, ref: HistoryRef, *, retstart: int, retmax: int, allow_missing: bool = False
    ) -> FetchedBatch:
        """Fetch records ``retstart .. retstart+retmax-1`` of a history set as PubMed XML.

        The number of records must be ``min(retmax, count - retstart)``; a shortfall is retried
        once, then raises :class:`CountMismatchError` -- or, with ``allow_missing`` (re-fetching
        posted PMIDs, some of which PubMed may have deleted), is accepted on the second answer.
        """
        if not 1 <= retmax <= MAX_BATCH_SIZE:
            raise ConfigError(f"EFetch retmax must be 1..{MAX_BATCH_SIZE:,}, got {retmax:,}")
        expected = None if ref.count is None else max(0, min(retmax, ref.count - retstart))
        params = {
            "db": DB,
            "WebEnv": ref.webenv,
            "query_key": ref.query_key,
            "retstart": str(retstart),
            "retmax": str(retmax),
            "retmode": "xml",
        }
        short_answers = 0

        def parse(body: bytes) -> tuple[list[str], int]:
            nonlocal short_answers
            if allow_missing and is_empty_efetch_result(body):
                pmids: list[str] = []  # every posted PMID is gone: PubMed says "Empty result"
            else:
                pmids = parse_efetch(body)
            if expected is None or len(pmids) == expected:
                return pmids, len(pmids)
            if len(pmids) < expected:
                short_answers += 1
                if allow_missing and short_answers > SHORT_BATCH_RETRIES:
                    return pmids, len(pmids)
            raise CountMismatchError(
                f"EFetch returned {len(pmids):,} records where {expected:,} were asked for "
                f"(records {retstart + 1:,}-{retstart + expected:,} of {ref.count:,}); "
                "nothing was written to curated tables; re-run later"
            )

        pmids, body, saved = self._call("efetch", params, parse)
        return FetchedBatch(body, saved, pmids, len(pmids))

    def efetch_ids(self, pmids: Sequence[str]) -> FetchedBatch:
        """Fetch the records of the given PMIDs (always POST: id lists are long); every one must
        come back, and nothing else."""
        ids = [str(p).strip() for p in pmids]
        if not 1 <= len(ids) <= MAX_BATCH_SIZE:
            raise ConfigError(f"EFetch takes 1..{MAX_BATCH_SIZE:,} PMIDs, got {len(ids):,}")
        params = {"db": DB, "id": ",".join(ids), "retmax": str(len(ids)), "retmode": "xml"}
        wanted = set(ids)

        def parse(body: bytes) -> tuple[list[str], int]:
            got = parse_efetch(body)
            if len(got) == len(ids) and set(got) == wanted:
                return got, len(got)
            raise CountMismatchError(
                f"EFetch returned {len(got):,} records for {len(ids):,} PMIDs asked for"
                f"{'' if set(got) <= wanted else ', some of them not asked for'}; nothing was "
                "written to curated tables; re-run later"
            )

        got, body, saved = self._call("efetch", params, parse, post=True)
        return FetchedBatch(body, saved, got, len(got))

    # -- one logical request with retries ----------------------------------------------------------

    def _call(
        self,
        utility: str,
        params: dict[str, str],
        parse: Callable[[bytes], tuple[T, int | None]],
        *,
        post: bool = False,
    ) -> tuple[T, bytes, SavedResponse | None]:
        """Send one logical request, retrying transient failures; return the parsed value, the
        body and where it was saved."""
        params = self._with_identity(params)
        # With a key, POST keeps it out of URLs and so out of proxy and urllib3 debug logs.
        method = "POST" if post or self.settings.api_key else "GET"
        url = f"{self._base}/{utility}.fcgi"
        shown_url = self._display_url(url, params, method)
        attempts = _Attempts()
        while True:
            attempts.n += 1
            try:
                return self._attempt(utility, method, url, params, shown_url, parse, attempts)
            except _Retryable as failure:
                delay = self._plan_retry(utility, shown_url, failure, attempts)
                logger.warning(
                    "%s attempt %d failed (%s); retrying in %.2fs",
                    utility,
                    attempts.n,
                    self._redact(str(failure.error)),
                    delay,
                )
                self._sleep(delay)
                attempts.spent_s += delay

    def _attempt(
        self,
        utility: str,
        method: str,
        url: str,
        params: dict[str, str],
        shown_url: str,
        parse: Callable[[bytes], tuple[T, int | None]],
        attempts: _Attempts,
    ) -> tuple[T, bytes, SavedResponse | None]:
        response = self._send(utility, method, url, params, shown_url, attempts)
        status = response.status_code
        attempts.last_status = status
        body = response.content
        saved = self._save(utility, params, body, shown_url, status)
        if status in RETRYABLE_STATUSES:
            self._verdict(saved, accepted=False, reason=f"HTTP {status}")
            raise _Retryable(
                EutilsHTTPError(f"{utility} answered HTTP {status}", url=shown_url, status=status),
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
            )
        if status != 200:
            self._verdict(saved, accepted=False, reason=f"HTTP {status}")
            raise EutilsHTTPError(
                f"{utility} answered HTTP {status} at {brief_url(shown_url)}: "
                f"{self._snippet(body)!r}. This is not retried: check the query, the ids and "
                "NCBI_API_KEY (an invalid key is refused).",
                url=shown_url,
                status=status,
            )
        try:
            value, count = parse(body)
        except CountMismatchError as exc:
            self._verdict(saved, accepted=False, reason=str(exc))
            raise _Retryable(self._located(exc, shown_url, status), once=True) from None
        except TransientPayloadError as exc:
            self._verdict(saved, accepted=False, reason=str(exc))
            raise _Retryable(self._located(exc, shown_url, status)) from None
        except EutilsPayloadError as exc:
            self._verdict(saved, accepted=False, reason=str(exc))
            raise self._located(exc, shown_url, status) from None
        self._verdict(saved, accepted=True, count=count)
        return value, body, saved

    def _send(
        self,
        utility: str,
        method: str,
        url: str,
        params: dict[str, str],
        shown_url: str,
        attempts: _Attempts,
    ) -> requests.Response:
        self.limiter.acquire()
        self.n_requests += 1
        logger.debug("%s %s (attempt %d)", method, shown_url, attempts.n)
        started = time.monotonic()
        try:
            if method == "POST":
                return self.session.post(url, data=params, timeout=self.settings.timeout_s)
            return self.session.get(url, params=params, timeout=self.settings.timeout_s)
        except (
            requests.Timeout,
            requests.ConnectionError,
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        ) as exc:
            attempts.last_status = None
            kind = "timed out" if isinstance(exc, requests.Timeout) else "connection failed"
            error = EutilsHTTPError(
                f"{utility} {kind}: {self._redact(str(exc))}", url=shown_url, status=None
            )
            raise _Retryable(error) from None
        except requests.RequestException as exc:  # a bad URL or scheme: retrying cannot help
            attempts.last_status = None
            raise EutilsHTTPError(
                f"{utility} request could not be sent ({type(exc).__name__}: "
                f"{self._redact(str(exc))}); check NCBI_EUTILS_BASE ({self._base})",
                url=shown_url,
                status=None,
            ) from None
        finally:
            attempts.spent_s += time.monotonic() - started

    def _plan_retry(
        self, utility: str, shown_url: str, failure: _Retryable, attempts: _Attempts
    ) -> float:
        """The delay before the next attempt, or raise when retries or budget are used up."""
        error = failure.error
        if failure.once:
            attempts.short_batches += 1
            if attempts.short_batches > SHORT_BATCH_RETRIES:
                raise error
        retries_done = attempts.n - 1
        if retries_done >= self.settings.max_retries:
            raise self._exhausted(utility, shown_url, error, attempts, "retries")
        cap = min(self.settings.backoff_max_s, self.settings.backoff_base_s * 2**retries_done)
        delay = self._rng.uniform(0.0, cap)
        if failure.retry_after is not None:
            delay = failure.retry_after
        if attempts.spent_s + delay > self.settings.retry_budget_s:
            raise self._exhausted(utility, shown_url, error, attempts, "time budget")
        return delay

    def _exhausted(
        self,
        utility: str,
        shown_url: str,
        error: EutilsError,
        attempts: _Attempts,
        what: str,
    ) -> EutilsError:
        limit = (
            f"{self.settings.max_retries} retries"
            if what == "retries"
            else f"the {self.settings.retry_budget_s:g}s retry budget"
        )
        status = (
            "no HTTP status" if attempts.last_status is None else f"HTTP {attempts.last_status}"
        )
        message = (
            f"{utility} failed after {attempts.n} attempts ({limit} used up); last error: "
            f"{self._redact(str(error))} [{status}] at {brief_url(shown_url)}. {_NEXT_STEP}"
        )
        if isinstance(error, EutilsPayloadError):
            return EutilsPayloadError(message, url=shown_url, status=attempts.last_status)
        return EutilsHTTPError(message, url=shown_url, status=attempts.last_status)

    # -- helpers -----------------------------------------------------------------------------------

    def _with_identity(self, params: dict[str, str]) -> dict[str, str]:
        full = dict(params)
        full["tool"] = self.settings.tool
        if self.settings.email:
            full["email"] = self.settings.email
        if self.settings.api_key:
            full["api_key"] = self.settings.api_key
        return full

    def _display_url(self, url: str, params: dict[str, str], method: str) -> str:
        if method == "POST":
            return url
        prepared = requests.Request("GET", url, params=params).prepare().url or url
        return self._redact(prepared)

    def _redact(self, text: str) -> str:
        text = redact_url(text)
        key = self.settings.api_key
        return text.replace(key, REDACTED) if key else text

    def _snippet(self, body: bytes) -> str:
        return self._redact(body[:SNIPPET_CHARS].decode("utf-8", "replace"))

    def _located(self, error: EutilsError, shown_url: str, status: int) -> EutilsError:
        """The same error, its message redacted, carrying the URL and status."""
        return type(error)(self._redact(str(error)), url=shown_url, status=status)

    def _save(
        self, utility: str, params: dict[str, str], body: bytes, shown_url: str, status: int
    ) -> SavedResponse | None:
        if self.recorder is None:
            return None
        visible = {k: v for k, v in params.items() if k != "api_key"}
        # NCBI quotes the key back in some error bodies (a 429's or an invalid key's
        # ``"api-key":"..."``): those are saved with the key blanked out, and marked so.
        key = (self.settings.api_key or "").encode()
        if key and key in body:
            return self.recorder.save(
                utility,
                visible,
                body.replace(key, REDACTED.encode()),
                url=shown_url,
                status=status,
                redacted=True,
            )
        return self.recorder.save(utility, visible, body, url=shown_url, status=status)

    def _verdict(
        self,
        saved: SavedResponse | None,
        *,
        accepted: bool,
        count: int | None = None,
        reason: str | None = None,
    ) -> None:
        if self.recorder is not None and saved is not None:
            self.recorder.record_verdict(
                saved,
                accepted=accepted,
                count=count,
                reason=None if reason is None else self._redact(reason),
            )

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def build_session(settings: Settings) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = f"{settings.tool}/{__version__} (ldn-review; python-requests)"
    return session


def counted(value: T, count: Callable[[T], int]) -> tuple[T, int]:
    return value, count(value)


# --------------------------------------------------------------------------------------------------
# Whole fetches


def fetch_query(
    client: EutilsClient,
    term: str,
    *,
    mindate: str | None = None,
    maxdate: str | None = None,
    batch_size: int | None = None,
) -> FetchOutcome:
    """Every record a PubMed query matches: ESearch on the history server, then EFetch in batches.

    A query with more than 9,999 hits is split into creation-date slices (halving the range) until
    each fits; the slices do not overlap and their counts must add up to the whole. Each slice's
    full batches come from its history set; what is left of each (fewer than a batch) is pooled
    across slices and fetched by PMID, from the slice search's own id list, in full batches, so a
    sliced query costs ``ceil(N / batch)`` EFetch requests, as an unsliced one does. The records
    fetched must number exactly what ESearch announced, or :class:`CountMismatchError` is raised.
    """
    batch = resolve_batch_size(client, batch_size)
    first_request = client.n_requests
    outcome = FetchOutcome()
    lo = parse_date(mindate) if mindate else None
    hi = parse_date(maxdate) if maxdate else None
    whole = client.esearch(
        term,
        mindate=format_date(lo) if lo else None,
        maxdate=format_date(hi) if hi else None,
        usehistory=True,
    )
    outcome.n_expected = whole.count
    logger.info("esearch: %s records match %s", f"{whole.count:,}", shorten(term))
    if whole.count <= MAX_SEARCH_IDS:
        bounds = (format_date(lo) if lo else "", format_date(hi) if hi else "")
        fetch_slice(client, term, whole, bounds, batch, outcome)
    else:
        pool: list[str] = []
        slice_query(client, term, lo or EARLIEST_DATE, hi or today(), whole, batch, outcome, pool)
        flush_pool(client, pool, batch, outcome, final=True)
        check_slices_add_up(whole.count, outcome.slices)
    if client.recorder is not None:
        client.recorder.record_event("esearch_slices", slices=outcome.slices, count=whole.count)
    outcome.n_requests = client.n_requests - first_request
    check_fetched_count(outcome.n_expected, outcome.n_records)
    check_no_duplicates(outcome.n_expected, outcome.pmids)
    return outcome


def fetch_pmids(
    client: EutilsClient, pmids: Sequence[str], *, batch_size: int | None = None
) -> FetchOutcome:
    """Re-fetch given PMIDs: EPost them in chunks (always POST), EFetch each chunk.

    PMIDs PubMed no longer serves come back in ``missing`` rather than failing the fetch: this is
    how deleted records are noticed.
    """
    batch = resolve_batch_size(client, batch_size)
    first_request = client.n_requests
    ids = unique_pmids(pmids)
    outcome = FetchOutcome(n_expected=len(ids))
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        span = thousands(start + 1, start + len(chunk), len(ids))
        logger.info("efetch %s-%s of %s posted PMIDs", *span)
        fetched = post_and_fetch(client, chunk)
        unexpected = set(fetched.pmids) - set(chunk)
        if unexpected:
            raise EutilsPayloadError(
                f"EFetch returned PMIDs that were not posted: {sorted(unexpected)[:10]}; "
                "re-run later"
            )
        add_batch(outcome, fetched)
        got = set(fetched.pmids)
        outcome.missing.extend(p for p in chunk if p not in got)
    if outcome.missing:
        logger.warning(
            "%d posted PMIDs were not returned by PubMed (deleted or withdrawn?): %s",
            len(outcome.missing),
            ", ".join(outcome.missing[:20]),
        )
    outcome.n_requests = client.n_requests - first_request
    return outcome


def post_and_fetch(client: EutilsClient, chunk: list[str]) -> FetchedBatch:
    """EPost one chunk of PMIDs and EFetch it; post again when the history set is lost."""
    lost = 0
    while True:
        ref = client.epost(chunk)
        try:
            return client.efetch(ref, retstart=0, retmax=len(chunk), allow_missing=True)
        except HistoryLostError as exc:
            lost += 1
            if lost > MAX_HISTORY_RESEARCHES:
                raise HistoryLostError(
                    f"the history server lost {len(chunk)} posted PMIDs {lost} times in a row "
                    f"(last: {exc}); nothing was written to curated tables; re-run later",
                    url=exc.url,
                ) from exc
            logger.warning("%s; posting the %d PMIDs again", exc, len(chunk))


def slice_query(
    client: EutilsClient,
    term: str,
    lo: dt.date,
    hi: dt.date,
    search: SearchResult,
    batch: int,
    outcome: FetchOutcome,
    pool: list[str] | None = None,
) -> None:
    """Fetch ``[lo, hi]`` if its search fits in one history set, else halve the range. With a
    ``pool``, each slice leaves what is left of its last batch there (see :func:`fetch_slice`)."""
    if search.count <= MAX_SEARCH_IDS:
        fetch_slice(client, term, search, (format_date(lo), format_date(hi)), batch, outcome, pool)
        return
    if lo >= hi:
        raise EutilsError(
            f"{search.count:,} records were created on {format_date(lo)} alone, more than the "
            f"{MAX_SEARCH_IDS:,} one PubMed search can return; narrow the query"
        )
    mid = lo + (hi - lo) // 2
    for part_lo, part_hi in ((lo, mid), (mid + dt.timedelta(days=1), hi)):
        part = client.esearch(
            term,
            mindate=format_date(part_lo),
            maxdate=format_date(part_hi),
            usehistory=True,
            retmax=MAX_SEARCH_IDS if pool is not None else 0,  # the ids, for the pooled rest
        )
        logger.info(
            "esearch slice %s-%s: %s records",
            format_date(part_lo),
            format_date(part_hi),
            f"{part.count:,}",
        )
        slice_query(client, term, part_lo, part_hi, part, batch, outcome, pool)


def fetch_slice(
    client: EutilsClient,
    term: str,
    search: SearchResult,
    bounds: tuple[str, str],
    batch: int,
    outcome: FetchOutcome,
    pool: list[str] | None = None,
) -> None:
    """EFetch every record of one search from the history server, ``batch`` at a time.

    When the history server loses the result set mid-paging (the WebEnv expired), the search
    ``term`` over ``bounds`` is run again and paging resumes where it stopped, provided the new
    search finds the same number of records; otherwise PubMed changed and the run fails.

    With a ``pool`` (a sliced query) and the search's complete id list, only the full batches are
    fetched here; the PMIDs of the search that those did not bring (fewer than a batch) go to the
    pool, which is fetched by PMID in full batches (:func:`flush_pool`). The rest is a set
    difference, so it does not depend on the id list being in the history set's order.
    """
    outcome.slices.append((bounds[0], bounds[1], search.count))
    if search.count == 0:
        return
    pooled = pool is not None and len(search.ids) == search.count
    end = search.count - search.count % batch if pooled else search.count
    fetched: set[str] = set()
    ref = search.history
    researches = 0
    retstart = 0
    while retstart < end:
        last = min(retstart + batch, search.count)
        logger.info("efetch %s-%s of %s", *thousands(retstart + 1, last, search.count))
        try:
            got = client.efetch(ref, retstart=retstart, retmax=batch)
        except HistoryLostError as exc:
            researches += 1
            if researches > MAX_HISTORY_RESEARCHES:
                raise HistoryLostError(
                    f"{exc} -- it was lost {researches} times while fetching records "
                    f"{retstart + 1:,}-{last:,} of {search.count:,}; nothing was written to "
                    "curated tables; re-run later",
                    url=exc.url,
                    status=exc.status,
                ) from None
            ref = research(client, term, bounds, search.count, retstart, exc)
            continue
        add_batch(outcome, got)
        if pooled:
            fetched.update(got.pmids)
        retstart += batch
    if pooled and pool is not None:
        pool.extend(p for p in search.ids if p not in fetched)
        flush_pool(client, pool, batch, outcome, final=False)


def flush_pool(
    client: EutilsClient, pool: list[str], batch: int, outcome: FetchOutcome, *, final: bool
) -> None:
    """EFetch the pooled PMIDs by id in full batches (and, when ``final``, the last partial one)."""
    while len(pool) >= batch or (final and pool):
        chunk, pool[:] = pool[:batch], pool[batch:]
        logger.info("efetch %s pooled PMIDs from the slices' last batches", f"{len(chunk):,}")
        add_batch(outcome, client.efetch_ids(chunk))


def research(
    client: EutilsClient,
    term: str,
    bounds: tuple[str, str],
    count: int,
    retstart: int,
    lost: HistoryLostError,
) -> HistoryRef:
    """Run a slice's search again after its history was lost; the count must not have moved."""
    logger.warning("%s; searching again to resume at record %s", lost, f"{retstart + 1:,}")
    again = client.esearch(
        term, mindate=bounds[0] or None, maxdate=bounds[1] or None, usehistory=True
    )
    if again.count != count:
        raise CountMismatchError(
            f"NCBI's history server lost the result set after {retstart:,} of {count:,} records "
            f"and the same search now finds {again.count:,} (PubMed changed during the run); "
            "nothing was written to curated tables; re-run later"
        )
    return again.history


def add_batch(outcome: FetchOutcome, fetched: FetchedBatch) -> None:
    outcome.pmids.extend(fetched.pmids)
    outcome.n_records += fetched.n_records
    if fetched.saved is not None:
        outcome.files.append(fetched.saved.path)


def check_slices_add_up(total: int, slices: list[tuple[str, str, int]]) -> None:
    in_slices = sum(count for _, _, count in slices)
    if in_slices != total:
        raise CountMismatchError(
            f"ESearch announced {total:,} records but its creation-date slices hold {in_slices:,} "
            "(PubMed changed during the run); nothing was written to curated tables; re-run later"
        )


def check_fetched_count(expected: int, fetched: int) -> None:
    if fetched != expected:
        raise CountMismatchError(
            f"ESearch announced {expected:,} records, EFetch returned {fetched:,}; nothing was "
            "written to curated tables; re-run later"
        )


def check_no_duplicates(expected: int, pmids: list[str]) -> None:
    """One history set never holds a PMID twice, and date slices are disjoint: a PMID fetched
    twice took the place of a record that was never fetched."""
    n_unique = len(set(pmids))
    if n_unique != len(pmids):
        raise CountMismatchError(
            f"EFetch returned {len(pmids) - n_unique:,} PMIDs more than once, so only "
            f"{n_unique:,} distinct records of the {expected:,} ESearch announced were fetched; "
            "nothing was written to curated tables; re-run later"
        )


def resolve_batch_size(client: EutilsClient, batch_size: int | None) -> int:
    batch = batch_size or client.settings.batch_size
    if not 1 <= batch <= MAX_BATCH_SIZE:
        raise ConfigError(
            f"batch size {batch:,} is out of range: EFetch accepts 1 to {MAX_BATCH_SIZE:,} records"
        )
    return batch


def unique_pmids(pmids: Sequence[str]) -> list[str]:
    """PMIDs as digit strings, first occurrence kept; anything else is refused before sending."""
    seen: dict[str, None] = {}
    for raw in pmids:
        pmid = str(raw).strip()
        if not pmid.isdigit():
            raise EutilsError(f"{raw!r} is not a PMID (PMIDs are digit strings)")
        seen.setdefault(pmid, None)
    return list(seen)


# --------------------------------------------------------------------------------------------------
# Dates and formatting


def today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


def format_date(day: dt.date) -> str:
    return day.strftime(DATE_FORMAT)


def parse_date(text: str) -> dt.date:
    """``YYYY/MM/DD`` (or ``YYYY-MM-DD``) as a date."""
    cleaned = text.strip().replace("-", "/")
    try:
        return dt.datetime.strptime(cleaned, DATE_FORMAT).date()
    except ValueError:
        raise ConfigError(f"date {text!r} is not YYYY/MM/DD") from None


def thousands(*numbers: int) -> tuple[str, ...]:
    return tuple(f"{n:,}" for n in numbers)


def shorten(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
