"""The E-utilities client, over real HTTP against the fake server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import logging
import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ldn_review.errors import (
    ConfigError,
    CountMismatchError,
    EutilsError,
    EutilsHTTPError,
    EutilsPayloadError,
    HistoryLostError,
)
from ldn_review.eutils import (
    MAX_HISTORY_RESEARCHES,
    MAX_SEARCH_IDS,
    POST_TERM_CHARS,
    EutilsClient,
    FetchOutcome,
    RateLimiter,
    TransientPayloadError,
    check_fetched_count,
    check_no_duplicates,
    fetch_pmids,
    fetch_query,
    fetch_slice,
    parse_efetch,
    parse_epost,
    parse_esearch,
    parse_retry_after,
    shared_rate_limiter,
)
from ldn_review.fake_eutils import FakeEutils, generate_records
from ldn_review.rawstore import (
    RawStore,
    RunRecorder,
    accepted_files,
    read_manifest,
    rejected_files,
)
from ldn_review.settings import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures" / "eutils"
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "ncbi-samples"
API_KEY = "k3y-0123456789abcdef0123456789abcdef"
# Far above any real rate: tests that are not about the rate limit should not wait for it.
FAST_RATE = 1_000.0

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared NCBI samples not present")


# --------------------------------------------------------------------------------------------------
# Helpers


class RecordingSleep:
    """A sleep that records the delays asked for and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def server() -> Iterator[FakeEutils]:
    with FakeEutils(generate_records(1_234)) as fake:
        yield fake


@pytest.fixture
def recorder(tmp_path: Path) -> RunRecorder:
    return RawStore(tmp_path / "raw").begin_run("20250101T000000Z")


def make_settings(server: FakeEutils, **changes: object) -> Settings:
    base: dict[str, object] = {
        "eutils_base": server.base_url,
        "email": "curator@example.org",
        "backoff_base_s": 0.01,
        "backoff_max_s": 0.05,
        "retry_budget_s": 30.0,
        "max_retries": 4,
        "timeout_s": 5.0,
    }
    base.update(changes)
    return Settings(**base)  # type: ignore[arg-type]


def make_client(
    server: FakeEutils,
    recorder: RunRecorder | None = None,
    *,
    sleep: RecordingSleep | None = None,
    limiter: RateLimiter | None = None,
    **changes: object,
) -> EutilsClient:
    return EutilsClient(
        make_settings(server, **changes),
        recorder,
        limiter=limiter or RateLimiter(FAST_RATE, margin_s=0.0),
        sleep=sleep or RecordingSleep(),
        rng=random.Random(7),
    )


def saved_bodies(recorder: RunRecorder) -> dict[str, bytes]:
    return {
        p.name: gzip.decompress(p.read_bytes()) for p in sorted(recorder.run_dir.glob("*.xml.gz"))
    }


def response_entries(recorder: RunRecorder) -> list[dict[str, object]]:
    return [e for e in read_manifest(recorder.run_dir) if e["event"] == "response"]


# --------------------------------------------------------------------------------------------------
# Normal operation


def test_history_paging_fetches_every_pmid_once(server: FakeEutils, recorder: RunRecorder) -> None:
    """1,234 hits in batches of 500: one ESearch, three EFetch, every PMID exactly once."""
    client = make_client(server, recorder)
    outcome = fetch_query(client, "naltrexone", batch_size=500)
    assert [r.utility for r in server.request_log] == ["esearch", "efetch", "efetch", "efetch"]
    assert [r.params["retstart"] for r in server.requests_to("efetch")] == ["0", "500", "1000"]
    assert sorted(outcome.pmids) == sorted(server.pmids)
    assert len(set(outcome.pmids)) == len(outcome.pmids) == outcome.n_records == 1_234
    assert outcome.n_expected == 1_234
    assert outcome.n_requests == client.n_requests == 4
    assert outcome.slices == [("", "", 1_234)]
    assert len(outcome.files) == 3 and all(f.exists() for f in outcome.files)


def test_efetch_uses_history_server_and_xml(server: FakeEutils) -> None:
    """EFetch asks for WebEnv + query_key from ESearch's history, retmode=xml, db=pubmed."""
    client = make_client(server)
    search = client.esearch("naltrexone")
    client.efetch(search.history, retstart=0, retmax=10)
    params = server.requests_to("efetch")[0].params
    assert params["WebEnv"] == search.webenv and params["query_key"] == search.query_key
    assert params["retmode"] == "xml" and params["db"] == "pubmed"
    assert server.requests_to("esearch")[0].params["usehistory"] == "y"


def test_every_request_carries_tool_and_email(server: FakeEutils) -> None:
    client = make_client(server)
    fetch_query(client, "naltrexone", batch_size=1_000)
    for request in server.request_log:
        assert request.params["tool"] == "ldn-review"
        assert request.params["email"] == "curator@example.org"
        assert "api_key" not in request.params


def test_short_term_without_key_is_get_long_term_is_post(server: FakeEutils) -> None:
    client = make_client(server)
    client.esearch("naltrexone")
    long_term = " OR ".join(["naltrexone[tiab]"] * (POST_TERM_CHARS // 10))
    client.esearch(long_term)
    short, long = server.requests_to("esearch")
    assert short.method == "GET"
    assert long.method == "POST" and long.params["term"] == long_term


def test_esearch_date_limits_use_creation_date(server: FakeEutils) -> None:
    client = make_client(server)
    result = client.esearch("naltrexone", mindate="2010/01/01", maxdate="2010/12/31")
    params = server.requests_to("esearch")[0].params
    assert (params["datetype"], params["mindate"], params["maxdate"]) == (
        "crdt",
        "2010/01/01",
        "2010/12/31",
    )
    assert 0 < result.count < 1_234


def test_epost_then_efetch_of_a_pmid_list(server: FakeEutils, recorder: RunRecorder) -> None:
    """PMIDs are posted (always POST) in chunks of the batch size, each chunk fetched once."""
    client = make_client(server, recorder)
    wanted = server.pmids[:1_100]
    outcome = fetch_pmids(client, wanted, batch_size=500)
    posts = server.requests_to("epost")
    assert [len(r.params["id"].split(",")) for r in posts] == [500, 500, 100]
    assert all(r.method == "POST" for r in posts)
    assert len(server.requests_to("efetch")) == 3
    assert sorted(outcome.pmids) == sorted(wanted)
    assert outcome.n_records == outcome.n_expected == 1_100 and outcome.missing == []


def test_fetch_pmids_reports_deleted_records_as_missing(server: FakeEutils) -> None:
    """A PMID PubMed no longer serves is reported missing, not a failure (a deletion)."""
    client = make_client(server)
    wanted = server.pmids[:5]
    server.remove_record(wanted[2])
    outcome = fetch_pmids(client, wanted)
    assert outcome.missing == [wanted[2]]
    assert sorted(outcome.pmids) == sorted(set(wanted) - {wanted[2]})


def test_fetch_pmids_refuses_non_pmids_before_sending(server: FakeEutils) -> None:
    client = make_client(server)
    with pytest.raises(EutilsError, match="not a PMID"):
        fetch_pmids(client, ["123", "abc"])
    assert server.request_log == []


# --------------------------------------------------------------------------------------------------
# Retries


def test_burst_of_429_then_success_honours_retry_after(server: FakeEutils) -> None:
    sleep = RecordingSleep()
    client = make_client(server, sleep=sleep)
    server.inject("429", utility="esearch", times=3, retry_after=2)
    result = client.esearch("naltrexone")
    assert result.count == 1_234
    assert sleep.delays == [2.0, 2.0, 2.0]
    assert client.n_requests == 4
    assert [r.status for r in server.request_log] == [429, 429, 429, 200]


@pytest.mark.parametrize("status", ["500", "502", "503", "504"])
def test_server_error_then_success(server: FakeEutils, status: str) -> None:
    client = make_client(server)
    server.inject(status, utility="efetch", times=2)
    outcome = fetch_query(client, "naltrexone", batch_size=1_000)
    assert outcome.n_records == 1_234
    assert client.n_requests == 1 + 2 + 2  # esearch, two efetch, two retries
    assert [r.status for r in server.requests_to("efetch")][:3] == [int(status), int(status), 200]


def test_backoff_is_exponential_with_full_jitter(server: FakeEutils) -> None:
    """Each delay lies in [0, min(max, base * 2**retry)]."""
    sleep = RecordingSleep()
    client = make_client(server, sleep=sleep, backoff_base_s=0.01, backoff_max_s=0.03)
    server.inject("503", times=4)
    client.esearch("naltrexone")
    caps = [0.01, 0.02, 0.03, 0.03]
    assert len(sleep.delays) == 4
    assert all(0.0 <= d <= cap for d, cap in zip(sleep.delays, caps, strict=True))


def test_read_timeout_then_success(server: FakeEutils) -> None:
    client = make_client(server, timeout_s=0.3)
    server.timeout_delay_s = 3.0
    server.inject("timeout", utility="efetch")
    outcome = fetch_query(client, "naltrexone", batch_size=2_000)
    assert outcome.n_records == 1_234
    assert client.n_requests == 3


def test_dropped_connection_then_success(server: FakeEutils) -> None:
    client = make_client(server)
    server.inject("disconnect", utility="esearch")
    assert client.esearch("naltrexone").count == 1_234
    assert client.n_requests == 2


def test_retries_exhausted_raise_http_error_saying_what_to_do(server: FakeEutils) -> None:
    client = make_client(server, max_retries=3)
    server.inject("503", times=10)
    with pytest.raises(EutilsHTTPError) as caught:
        client.esearch("naltrexone")
    error = caught.value
    assert error.status == 503
    assert error.url is not None and "esearch.fcgi" in error.url
    message = str(error)
    assert "4 attempts" in message and "HTTP 503" in message
    assert "try again later" in message and "NCBI_API_KEY" in message
    assert client.n_requests == 4


def test_exhausted_retries_of_a_long_query_give_a_short_message_and_keep_the_whole_url(
    server: FakeEutils,
) -> None:
    from ldn_review.settings import DEFAULT_QUERY

    client = make_client(server, max_retries=1)
    server.inject("500", times=5)
    with pytest.raises(EutilsHTTPError) as caught:
        client.esearch(DEFAULT_QUERY)
    message = str(caught.value)
    assert len(DEFAULT_QUERY) > 200 and len(message) < 600
    assert "term=" + DEFAULT_QUERY[:40] + "..." in message and "NCBI_API_KEY" in message
    assert caught.value.url is not None and len(caught.value.url) > len(DEFAULT_QUERY)


def test_retry_after_beyond_budget_gives_up_at_once(server: FakeEutils) -> None:
    sleep = RecordingSleep()
    client = make_client(server, sleep=sleep, retry_budget_s=5.0)
    server.inject("429", times=5, retry_after=60)
    with pytest.raises(EutilsHTTPError, match="retry budget") as caught:
        client.esearch("naltrexone")
    assert caught.value.status == 429
    assert sleep.delays == [] and client.n_requests == 1


def test_other_4xx_fails_at_once(server: FakeEutils) -> None:
    client = make_client(server, eutils_base=server.base_url + "/missing")
    with pytest.raises(EutilsHTTPError, match="HTTP 404") as caught:
        client.esearch("naltrexone")
    assert caught.value.status == 404
    assert client.n_requests == 1


# --------------------------------------------------------------------------------------------------
# Invalid payloads


def test_html_page_with_status_200_is_retried_and_marked_rejected(
    server: FakeEutils, recorder: RunRecorder
) -> None:
    client = make_client(server, recorder)
    server.inject("html200", utility="efetch")
    outcome = fetch_query(client, "naltrexone", batch_size=2_000)
    assert outcome.n_records == 1_234
    assert rejected_files(recorder.run_dir) == {"0002-efetch.xml.gz"}
    assert accepted_files(recorder.run_dir) == {"0001-esearch.xml.gz", "0003-efetch.xml.gz"}
    assert outcome.files == [recorder.run_dir / "0003-efetch.xml.gz"]


def test_html_page_every_time_is_a_payload_error_not_zero_results(server: FakeEutils) -> None:
    client = make_client(server, max_retries=2)
    server.inject("html200", utility="esearch", times=10)
    with pytest.raises(EutilsPayloadError, match="HTML page"):
        client.esearch("naltrexone")


def test_truncated_xml_is_retried(server: FakeEutils, recorder: RunRecorder) -> None:
    client = make_client(server, recorder)
    server.inject("truncated", utility="efetch")
    outcome = fetch_query(client, "naltrexone", batch_size=2_000)
    assert outcome.n_records == 1_234
    verdicts = [e for e in read_manifest(recorder.run_dir) if e["event"] == "verdict"]
    assert [v["accepted"] for v in verdicts] == [True, False, True]
    assert "not well-formed" in str(verdicts[1]["reason"])


def test_truncated_xml_every_time_fails(server: FakeEutils) -> None:
    client = make_client(server, max_retries=2)
    server.inject("truncated", utility="efetch", times=10)
    with pytest.raises(EutilsPayloadError, match="not well-formed"):
        fetch_query(client, "naltrexone", batch_size=2_000)


def test_empty_body_is_retried(server: FakeEutils) -> None:
    client = make_client(server)
    server.inject("empty200", utility="esearch")
    assert client.esearch("naltrexone").count == 1_234
    assert client.n_requests == 2


def test_body_that_cannot_be_decoded_is_retried(server: FakeEutils) -> None:
    """A reply marked gzip that is not (a broken proxy) is a transient failure, retried."""
    client = make_client(server)
    server.inject("bad_gzip", utility="esearch")
    assert client.esearch("naltrexone").count == 1_234
    assert client.n_requests == 2


def test_error_payload_fails_at_once_with_ncbi_message(
    server: FakeEutils, recorder: RunRecorder
) -> None:
    client = make_client(server, recorder)
    server.inject("error_payload", utility="esearch")
    with pytest.raises(EutilsPayloadError, match="Search Backend failed"):
        client.esearch("naltrexone")
    assert client.n_requests == 1
    assert rejected_files(recorder.run_dir) == {"0001-esearch.xml.gz"}


def test_error_list_in_esearch_is_an_error_not_zero_results(server: FakeEutils) -> None:
    client = make_client(server)
    server.inject("error_list", utility="esearch")
    with pytest.raises(EutilsPayloadError, match="PhraseNotFound 'naltrexonne'"):
        fetch_query(client, "naltrexonne")
    assert client.n_requests == 1


def test_esearch_past_9999_is_an_error(server: FakeEutils) -> None:
    client = make_client(server)
    with pytest.raises(EutilsPayloadError, match="retstart"):
        client.esearch("naltrexone", usehistory=False, retmax=10, retstart=MAX_SEARCH_IDS)


def test_short_efetch_batch_is_retried_once(server: FakeEutils) -> None:
    client = make_client(server)
    server.inject("drop_record", utility="efetch")
    outcome = fetch_query(client, "naltrexone", batch_size=2_000)
    assert outcome.n_records == 1_234
    assert client.n_requests == 3


def test_short_efetch_batch_twice_is_a_count_mismatch(
    server: FakeEutils, recorder: RunRecorder
) -> None:
    client = make_client(server, recorder)
    server.inject("drop_record", utility="efetch", times=2)
    with pytest.raises(CountMismatchError, match="nothing was written to curated tables"):
        fetch_query(client, "naltrexone", batch_size=2_000)
    assert client.n_requests == 3
    assert rejected_files(recorder.run_dir) == {"0002-efetch.xml.gz", "0003-efetch.xml.gz"}


def test_count_mismatch_message_names_both_counts() -> None:
    with pytest.raises(CountMismatchError) as caught:
        check_fetched_count(2_345, 2_344)
    assert str(caught.value) == (
        "ESearch announced 2,345 records, EFetch returned 2,344; nothing was written to curated "
        "tables; re-run later"
    )


# --------------------------------------------------------------------------------------------------
# Date slicing past 9,999 hits


def test_query_over_9999_hits_is_sliced_by_creation_date() -> None:
    """25,000 hits: every record once, slices adjacent and disjoint, counts adding up."""
    with FakeEutils(generate_records(25_000)) as server:
        client = make_client(server)
        outcome = fetch_query(client, "naltrexone", batch_size=5_000)
        assert outcome.n_records == outcome.n_expected == 25_000
        assert sorted(outcome.pmids) == sorted(server.pmids)
        assert sum(count for _, _, count in outcome.slices) == 25_000
        assert all(count <= MAX_SEARCH_IDS for _, _, count in outcome.slices)
        days = [(parse(lo), parse(hi)) for lo, hi, _ in outcome.slices]
        assert days[0][0] == dt.date(1800, 1, 1)
        for (_, previous_end), (next_start, _) in zip(days, days[1:], strict=False):
            assert next_start == previous_end + dt.timedelta(days=1)
        fetched = server.requests_to("efetch")
        by_history = [r for r in fetched if "query_key" in r.params]
        assert max(int(r.params["retstart"]) for r in by_history) < MAX_SEARCH_IDS
        assert all(r.params["datetype"] == "crdt" for r in server.requests_to("esearch")[1:])
        # each slice's full batches from its history set, the slices' rests pooled and fetched by
        # PMID (POST) in full batches: ceil(25,000 / 5,000) EFetch requests, as without slicing
        assert len(fetched) == 5
        by_id = [r for r in fetched if "id" in r.params]
        assert by_id and all(r.method == "POST" for r in by_id)
        assert all(r.params["retmax"] == str(len(r.params["id"].split(","))) for r in by_id)
        assert [len(r.params["id"].split(",")) for r in by_id][:-1] == [5_000] * (len(by_id) - 1)


def test_a_sliced_first_run_costs_one_search_the_slice_searches_and_ceil_n_over_batch_fetches() -> None:
    with FakeEutils(generate_records(25_000)) as server:
        client = make_client(server)
        outcome = fetch_query(client, "naltrexone", batch_size=500)
        assert outcome.n_records == 25_000 and sorted(outcome.pmids) == sorted(server.pmids)
        searches = len(server.requests_to("esearch"))
        assert len(server.requests_to("efetch")) == 50
        assert outcome.n_requests == searches + 50 == 1 + (searches - 1) + 25_000 // 500


def test_a_slice_whose_id_list_is_short_is_fetched_from_its_history_alone() -> None:
    """Without the complete id list the rest cannot be pooled: the slice pages its history set to
    the end, as before pooling."""
    with FakeEutils(generate_records(7_000)) as server:
        client = make_client(server)
        search = client.esearch("naltrexone", retmax=100)
        pool: list[str] = []
        outcome = FetchOutcome()
        fetch_slice(client, "naltrexone", search, ("", ""), 5_000, outcome, pool)
        assert pool == [] and outcome.n_records == search.count


def test_single_day_over_9999_hits_is_a_clear_error() -> None:
    day = dt.date(2020, 5, 1)
    with FakeEutils(generate_records(10_000, start=day, end=day)) as server:
        client = make_client(server)
        with pytest.raises(EutilsError, match="created on 2020/05/01 alone"):
            fetch_query(client, "naltrexone", mindate="2020/01/01", maxdate="2020/12/31")
        assert server.requests_to("efetch") == []


def parse(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%Y/%m/%d").date()


# --------------------------------------------------------------------------------------------------
# The API key and the raw store


def test_api_key_is_sent_but_never_written_or_shown(
    server: FakeEutils, recorder: RunRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(server, recorder, api_key=API_KEY, max_retries=2)
    server.inject("html200", utility="efetch")
    fetch_query(client, "naltrexone", batch_size=1_000)
    server.inject("503", times=10)
    with pytest.raises(EutilsHTTPError) as caught:
        client.esearch("naltrexone")
    assert all(r.params["api_key"] == API_KEY for r in server.request_log)
    # With a key every request is a POST: the key never appears in a URL.
    assert all(r.method == "POST" for r in server.request_log)
    assert API_KEY not in str(caught.value) and API_KEY not in str(caught.value.url)
    assert API_KEY not in caplog.text
    for path in recorder.run_dir.rglob("*"):
        data = path.read_bytes()
        text = gzip.decompress(data) if path.name.endswith(".gz") else data
        assert API_KEY.encode() not in text, path


def test_saved_bodies_are_byte_identical_to_what_the_server_sent(
    server: FakeEutils, recorder: RunRecorder
) -> None:
    client = make_client(server, recorder)
    server.inject("503", utility="efetch")
    server.inject("truncated", utility="efetch")
    fetch_query(client, "naltrexone", batch_size=500)
    sent = [r.body_sha256 for r in server.response_log]
    entries = response_entries(recorder)
    bodies = saved_bodies(recorder)
    assert [e["sha256"] for e in entries] == sent
    for entry in entries:
        body = bodies[str(entry["file"])]
        assert hashlib.sha256(body).hexdigest() == entry["sha256"]
        assert entry["bytes"] == len(body)


def test_every_response_gets_a_verdict(server: FakeEutils, recorder: RunRecorder) -> None:
    client = make_client(server, recorder)
    server.inject("502", utility="esearch")
    fetch_query(client, "naltrexone", batch_size=500)
    manifest = read_manifest(recorder.run_dir)
    verdicts = {e["file"]: e for e in manifest if e["event"] == "verdict"}
    assert set(verdicts) == {e["file"] for e in manifest if e["event"] == "response"}
    assert verdicts["0001-esearch.xml.gz"]["accepted"] is False
    assert verdicts["0001-esearch.xml.gz"]["reason"] == "HTTP 502"
    assert verdicts["0002-esearch.xml.gz"]["count"] == 1_234
    assert [verdicts[f"000{i}-efetch.xml.gz"]["count"] for i in (3, 4, 5)] == [500, 500, 234]


# --------------------------------------------------------------------------------------------------
# Rate limiting


def test_requests_never_exceed_three_per_second_without_key(server: FakeEutils) -> None:
    client = EutilsClient(make_settings(server), limiter=RateLimiter(3.0), sleep=RecordingSleep())
    fetch_query(client, "naltrexone", batch_size=200)  # 1 esearch + 7 efetch
    assert len(server.request_log) == 8
    assert server.max_requests_in_any_window(1.0) <= 3


def test_requests_never_exceed_ten_per_second_with_key(server: FakeEutils) -> None:
    settings = make_settings(server, api_key=API_KEY)
    client = EutilsClient(settings, limiter=RateLimiter(settings.requests_per_second))
    fetch_query(client, "naltrexone", batch_size=100)  # 1 esearch + 13 efetch
    assert len(server.request_log) == 14
    assert server.max_requests_in_any_window(1.0) <= 10


def test_retries_wait_for_the_rate_limiter_too(server: FakeEutils) -> None:
    client = EutilsClient(make_settings(server), limiter=RateLimiter(3.0), sleep=RecordingSleep())
    server.inject("500", times=4)
    client.esearch("naltrexone")
    assert len(server.request_log) == 5
    assert server.max_requests_in_any_window(1.0) <= 3


def test_shared_limiter_is_one_object_per_process(server: FakeEutils) -> None:
    keyed = EutilsClient(make_settings(server, api_key=API_KEY))
    unkeyed = EutilsClient(make_settings(server))
    assert keyed.limiter is unkeyed.limiter is shared_rate_limiter(3.0)
    assert shared_rate_limiter(3.0).rate == 3.0


def test_rate_limiter_spaces_starts_across_threads() -> None:
    """With a frozen clock, eight threads get eight distinct slots 1/rate apart."""
    limiter = RateLimiter(4.0, margin_s=0.0, clock=lambda: 100.0, sleep=lambda _: None)
    waits: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        wait = limiter.acquire()
        with lock:
            waits.append(wait)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(waits) == pytest.approx([i * 0.25 for i in range(8)])


def test_rate_limiter_does_not_wait_after_a_pause() -> None:
    now = [0.0]
    limiter = RateLimiter(2.0, margin_s=0.0, clock=lambda: now[0], sleep=lambda _: None)
    assert limiter.acquire() == 0.0
    assert limiter.acquire() == pytest.approx(0.5)
    now[0] = 10.0
    assert limiter.acquire() == 0.0


# --------------------------------------------------------------------------------------------------
# Parsers on our own fixtures


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_parse_esearch_reads_count_history_and_ids() -> None:
    result = parse_esearch(fixture("esearch_history.xml"))
    assert result.count == 3
    assert result.webenv == "MCID_0123456789abcdef01234567" and result.query_key == "1"
    assert result.ids == ["38765432", "35123456", "23412345"]
    assert result.query_translation is not None and "fibromyalgia" in result.query_translation


def test_parse_esearch_phrase_not_found_is_an_error() -> None:
    with pytest.raises(EutilsPayloadError, match="PhraseNotFound 'naltrexonne'"):
        parse_esearch(fixture("esearch_phrase_not_found.xml"))


def test_parse_esearch_error_element_is_an_error() -> None:
    with pytest.raises(EutilsPayloadError, match="cannot be larger than 9998") as caught:
        parse_esearch(fixture("esearch_backend_error.xml"))
    assert not isinstance(caught.value, TransientPayloadError)


def test_parse_epost_reads_history() -> None:
    ref = parse_epost(fixture("epost_ok.xml"))
    assert (ref.webenv, ref.query_key) == ("MCID_89abcdef0123456789abcdef", "2")


def test_parse_epost_error_is_an_error() -> None:
    with pytest.raises(EutilsPayloadError, match="Empty ID list"):
        parse_epost(fixture("epost_empty_id_list.xml"))


def test_parse_efetch_counts_articles_and_book_articles() -> None:
    assert parse_efetch(fixture("efetch_article_and_book.xml")) == ["35123456", "23412345"]


def test_parse_efetch_truncated_body_is_transient() -> None:
    with pytest.raises(TransientPayloadError, match="not well-formed"):
        parse_efetch(fixture("efetch_truncated.xml"))


def test_parse_efetch_html_page_is_transient() -> None:
    with pytest.raises(TransientPayloadError, match="HTML"):
        parse_efetch(fixture("html_error_page.html"))


def test_parse_efetch_error_result_is_permanent() -> None:
    with pytest.raises(EutilsPayloadError, match="Empty result") as caught:
        parse_efetch(fixture("efetch_empty_result.xml"))
    assert not isinstance(caught.value, TransientPayloadError)


def test_parse_efetch_wrong_root_is_an_error() -> None:
    with pytest.raises(EutilsPayloadError, match="expected a <PubmedArticleSet>"):
        parse_efetch(fixture("esearch_history.xml"))


def test_parse_empty_body_is_transient() -> None:
    with pytest.raises(TransientPayloadError, match="empty"):
        parse_esearch(b"  \n")


def test_parse_retry_after_seconds_and_http_date() -> None:
    now = dt.datetime(2025, 1, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 01 Jan 2025 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None


# --------------------------------------------------------------------------------------------------
# Parsers on real NCBI responses (third-party samples, read in place)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@needs_samples
def test_real_esearch1_count_and_ids() -> None:
    result = parse_esearch(sample("esearch1.xml"))
    assert result.count == 63 and len(result.ids) == 20 and result.ids[0] == "41282813"
    assert result.webenv is None


@needs_samples
def test_real_esearch2_history() -> None:
    result = parse_esearch(sample("esearch2.xml"))
    assert result.count == 42_249
    assert result.query_key == "1" and result.webenv == "MCID_6927d6e7fee3e90f880ec190"
    assert result.history.count == 42_249


@needs_samples
def test_real_esearch3_retstart_and_translation() -> None:
    result = parse_esearch(sample("esearch3.xml"))
    assert (result.count, result.retstart, len(result.ids)) == (2_651, 6, 6)


@needs_samples
def test_real_esearch5_translation_stack_counts_are_not_the_count() -> None:
    assert parse_esearch(sample("esearch5.xml")).count == 5


@needs_samples
def test_real_esearch8_error_list_is_an_error_not_zero_results() -> None:
    with pytest.raises(EutilsPayloadError, match="PhraseNotFound 'abcXYZ'"):
        parse_esearch(sample("esearch8.xml"))


@needs_samples
def test_real_epost1_history() -> None:
    ref = parse_epost(sample("epost1.xml"))
    assert (ref.webenv, ref.query_key) == ("MCID_692851c130aec64bed0a8c2a", "1")


@needs_samples
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("epost2.xml", "Invalid db name specified: nothing"),
        ("epost3.xml", "Empty ID list; Nothing to store"),
    ],
)
def test_real_epost_errors(name: str, message: str) -> None:
    with pytest.raises(EutilsPayloadError, match=message):
        parse_epost(sample(name))


@needs_samples
@pytest.mark.parametrize("name", ["pubmed1.xml", "pubmed2.xml"])
def test_real_efetch_bodies_hold_two_records(name: str) -> None:
    assert len(parse_efetch(sample(name))) == 2


# --------------------------------------------------------------------------------------------------
# History lost mid-paging (the WebEnv expired)


def test_lost_history_mid_paging_is_searched_again_and_resumed(
    server: FakeEutils, recorder: RunRecorder
) -> None:
    """NCBI answers "Unable to obtain query #1" for the second batch: the client runs the search
    again, resumes at that batch with the new WebEnv and gets every record exactly once."""
    client = make_client(server, recorder)
    server.inject("history_lost", utility="efetch", skip=1)
    outcome = fetch_query(client, "naltrexone", batch_size=500)
    assert sorted(outcome.pmids) == sorted(server.pmids) and len(outcome.pmids) == 1_234
    assert [r.utility for r in server.request_log] == [
        "esearch",
        "efetch",
        "efetch",
        "esearch",
        "efetch",
        "efetch",
    ]
    efetches = server.requests_to("efetch")
    assert [r.params["retstart"] for r in efetches] == ["0", "500", "500", "1000"]
    assert efetches[2].params["WebEnv"] != efetches[1].params["WebEnv"]
    assert rejected_files(recorder.run_dir) == {"0003-efetch.xml.gz"}


def test_lost_history_when_pubmed_changed_fails_with_both_counts(server: FakeEutils) -> None:
    """If the search run again finds another number of records, resuming could skip or repeat
    some: the fetch fails and says why."""
    client = make_client(server)
    search = client.esearch("naltrexone")
    server.add_record("39999999", None, dt.date(2024, 6, 1))
    server.inject("history_lost", utility="efetch")
    with pytest.raises(CountMismatchError, match="now finds 1,235") as caught:
        fetch_slice(client, "naltrexone", search, ("", ""), 500, FetchOutcome())
    assert "after 0 of 1,234 records" in str(caught.value)


def test_lost_history_every_time_gives_up_after_a_bounded_number_of_searches(
    server: FakeEutils,
) -> None:
    client = make_client(server)
    server.inject("history_lost", utility="efetch", times=50)
    with pytest.raises(HistoryLostError, match="Unable to obtain query") as caught:
        fetch_query(client, "naltrexone", batch_size=500)
    assert "re-run later" in str(caught.value)
    assert len(server.requests_to("esearch")) == 1 + MAX_HISTORY_RESEARCHES
    assert len(server.requests_to("efetch")) == 1 + MAX_HISTORY_RESEARCHES


def test_lost_history_of_posted_pmids_posts_them_again(server: FakeEutils) -> None:
    client = make_client(server)
    wanted = server.pmids[:30]
    server.inject("history_lost", utility="efetch")
    outcome = fetch_pmids(client, wanted, batch_size=500)
    assert sorted(outcome.pmids) == sorted(wanted) and outcome.missing == []
    assert len(server.requests_to("epost")) == 2


def test_lost_history_of_posted_pmids_every_time_gives_up_after_a_bounded_number_of_posts(
    server: FakeEutils,
) -> None:
    client = make_client(server)
    server.inject("history_lost", utility="efetch", times=50)
    with pytest.raises(HistoryLostError, match="lost 30 posted PMIDs") as caught:
        fetch_pmids(client, server.pmids[:30], batch_size=500)
    assert "nothing was written to curated tables; re-run later" in str(caught.value)
    assert len(server.requests_to("epost")) == 1 + MAX_HISTORY_RESEARCHES
    assert len(server.requests_to("efetch")) == 1 + MAX_HISTORY_RESEARCHES


def test_parse_efetch_unable_to_obtain_query_is_history_lost() -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD '
        b'efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">'
        b"\n<eFetchResult>\n\t<ERROR>Unable to obtain query #1</ERROR>\n</eFetchResult>\n"
    )
    with pytest.raises(HistoryLostError, match="no longer holds the result set"):
        parse_efetch(body)


class HookLimiter(RateLimiter):
    """A limiter that does not wait and runs ``hook`` just before the request numbered ``at``."""

    def __init__(self, at: int, hook: Callable[[], None]) -> None:
        super().__init__(FAST_RATE, margin_s=0.0)
        self.n = 0
        self.at = at
        self.hook = hook

    def acquire(self) -> float:
        self.n += 1
        if self.n == self.at:
            self.hook()
        return 0.0


def test_resumed_paging_over_a_changed_set_of_the_same_size_fails_not_loses_a_record(
    server: FakeEutils,
) -> None:
    """A record added at the top and one removed at the bottom keep the count: resuming at
    record 501 then repeats record 500 and never fetches the new one. Duplicates are an error."""
    lowest = server.pmids[-1]

    def change_pubmed() -> None:  # after the first ESearch, before any EFetch
        server.remove_record(lowest)
        server.add_record("39999999", None, dt.date(2024, 6, 1))
        server.inject("history_lost", utility="efetch", skip=1)

    client = make_client(server, limiter=HookLimiter(2, change_pubmed))
    with pytest.raises(CountMismatchError, match="more than once"):
        fetch_query(client, "naltrexone", batch_size=500)


def test_duplicate_pmids_are_a_count_mismatch() -> None:
    with pytest.raises(CountMismatchError, match="1 PMIDs more than once, so only 2 distinct"):
        check_no_duplicates(3, ["1", "2", "2"])
    check_no_duplicates(2, ["1", "2"])


# --------------------------------------------------------------------------------------------------
# Warnings, bad URLs, API keys quoted back


def test_esearch_warning_is_logged_and_kept_in_the_manifest(
    server: FakeEutils, recorder: RunRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    """A quoted phrase PubMed did not find changes the query run: a WARNING, and a manifest
    event next to the response, never only an INFO line."""
    caplog.set_level(logging.INFO, logger="ldn_review.eutils")
    client = make_client(server, recorder)
    server.inject("warning_list", utility="esearch")
    assert client.esearch('"ultralow dose naltrexone"[tiab] OR pain').count == 1_234
    warned = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        len(warned) == 1 and "QuotedPhraseNotFound: ultralow dose naltrexone" in warned[0].message
    )
    events = [e for e in read_manifest(recorder.run_dir) if e["event"] == "esearch_warnings"]
    assert events == [
        {
            "event": "esearch_warnings",
            "file": "0001-esearch.xml.gz",
            "warnings": ["QuotedPhraseNotFound: ultralow dose naltrexone"],
            "query_translation": '"ultralow dose naltrexone"[tiab] OR pain',
        }
    ]


def test_request_that_cannot_be_sent_fails_at_once_naming_the_base_url(server: FakeEutils) -> None:
    client = make_client(server, eutils_base="localhost:1/entrez/eutils")
    with pytest.raises(EutilsHTTPError, match="check NCBI_EUTILS_BASE") as caught:
        client.esearch("naltrexone")
    assert "localhost:1/entrez/eutils" in str(caught.value)
    assert client.n_requests == 1


def test_settings_refuse_a_base_url_without_scheme() -> None:
    with pytest.raises(ConfigError, match="not an http:// or https:// URL"):
        load_settings(env={"NCBI_EUTILS_BASE": "eutils.ncbi.nlm.nih.gov/entrez/eutils"})


def test_settings_read_the_accepted_number_of_deletions() -> None:
    assert load_settings(env={"LDN_REVIEW_ACCEPT_DELETIONS": "15"}).accept_deletions == 15
    assert load_settings(env={}).accept_deletions is None
    with pytest.raises(ConfigError, match="LDN_REVIEW_ACCEPT_DELETIONS='all' is not an integer"):
        load_settings(env={"LDN_REVIEW_ACCEPT_DELETIONS": "all"})


def test_api_key_quoted_back_by_ncbi_is_blanked_in_saved_bodies(
    server: FakeEutils, recorder: RunRecorder
) -> None:
    """NCBI's 429 and invalid-key bodies name the key ("api-key":"..."): the raw store keeps
    those bodies with the key replaced, and says so in the manifest."""
    client = make_client(server, recorder, api_key=API_KEY)
    server.inject("429", utility="esearch", retry_after=0)
    client.esearch("naltrexone")
    server.inject("bad_key", utility="esearch")
    with pytest.raises(EutilsHTTPError, match="HTTP 400") as caught:
        client.esearch("naltrexone")
    assert API_KEY not in str(caught.value)
    assert server.response_log[0].status == 429
    for path in recorder.run_dir.iterdir():
        data = path.read_bytes()
        text = gzip.decompress(data) if path.name.endswith(".gz") else data
        assert API_KEY.encode() not in text, path
    bodies = saved_bodies(recorder)
    assert b'"api-key":"REDACTED"' in bodies["0001-esearch.xml.gz"]
    assert b'"api-key":"REDACTED"' in bodies["0003-esearch.xml.gz"]
    entries = response_entries(recorder)
    assert [e.get("redacted") for e in entries] == ["api_key", None, "api_key"]
    # the manifest's sha256 is that of the file as stored, so integrity checks still hold
    assert entries[0]["sha256"] == hashlib.sha256(bodies["0001-esearch.xml.gz"]).hexdigest()


def test_a_pooled_fetch_short_of_a_record_is_retried_once_then_a_count_mismatch() -> None:
    with FakeEutils(generate_records(3)) as server:
        client = make_client(server)
        pmids = server.pmids[:3]
        server.inject("drop_record", utility="efetch")
        assert sorted(client.efetch_ids(pmids).pmids) == sorted(pmids)  # second answer whole
        server.inject("drop_record", utility="efetch", times=2)
        with pytest.raises(CountMismatchError, match="2 records for 3 PMIDs"):
            client.efetch_ids(pmids)
