"""Living-review operations against the fake E-utilities server: incremental runs, revisions,
retractions, deletions, failures, idempotence."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest

from ldn_review.errors import EutilsError, LdnReviewError, RawStoreError, RunLockedError
from ldn_review.eutils import shared_rate_limiter
from ldn_review.fake_eutils import FakeEutils
from ldn_review.pipeline import run_lock, run_plain
from ldn_review.rawstore import accepted_files

from .living_helpers import TODAY, corpus, ldn_record, live_settings, read


@pytest.fixture()
def server():
    with FakeEutils(corpus(25)) as fake:
        yield fake


def test_first_run_fetches_everything_and_sets_the_watermark(tmp_path, server):
    result = run_plain(live_settings(tmp_path, server), offline=False)
    articles = read(tmp_path, "articles")
    assert sorted(articles["pmid"]) == sorted(server.pmids)
    runs = read(tmp_path, "runs")
    assert runs[["mode", "status", "n_new", "watermark"]].values.tolist() == [
        ["full", "success", 25, TODAY.strftime("%Y/%m/%d")]
    ]
    # 1 ESearch + ceil(25 / 10) EFetch batches
    assert runs["n_requests"].iloc[0] == 4
    assert result.n_records == 25
    assert len(read(tmp_path, "studies")) == 25


def test_record_added_between_runs_is_picked_up_incrementally(tmp_path, server):
    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    server.add_record("35999999", ldn_record(35_999_999, TODAY).xml, TODAY)
    n_before = len(server.request_log)
    run_plain(settings, offline=False)
    runs = read(tmp_path, "runs")
    assert runs["mode"].tolist() == ["full", "incremental"]
    assert runs["n_new"].tolist() == [25, 1]
    search = server.request_log[n_before]
    expected_min = (TODAY - dt.timedelta(days=settings.overlap_days)).strftime("%Y/%m/%d")
    assert search.params["mindate"] == expected_min and search.params["datetype"] == "crdt"
    assert "35999999" in set(read(tmp_path, "articles")["pmid"])
    changes = read(tmp_path, "changes")
    assert changes[changes["run_id"] == runs["run_id"].iloc[1]][
        ["pmid", "change"]
    ].values.tolist() == [["35999999", "new"]]


def test_weekly_run_with_nothing_new_costs_one_request(tmp_path, server):
    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    before = read(tmp_path, "articles")
    run_plain(settings, offline=False)
    runs = read(tmp_path, "runs")
    assert runs["n_requests"].iloc[1] <= 2
    pd.testing.assert_frame_equal(read(tmp_path, "articles"), before)


def test_revision_retraction_and_deletion_are_seen_on_refresh(tmp_path, server):
    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    pmids = sorted(server.pmids)
    revised, retracted, deleted = pmids[0], pmids[1], pmids[2]
    created = {
        r: dt.date.fromisoformat(
            str(read(tmp_path, "articles").set_index("pmid").loc[r, "created_date"])
        )
        for r in (revised, retracted)
    }
    server.replace_record(
        revised,
        ldn_record(int(revised), created[revised], revised=TODAY, title_suffix=" (corrected)").xml,
    )
    server.replace_record(
        retracted, ldn_record(int(retracted), created[retracted], retracted=True, revised=TODAY).xml
    )
    server.remove_record(deleted)

    run_plain(settings, offline=False, force_refresh=True)

    articles = read(tmp_path, "articles").set_index("pmid")
    assert articles.loc[revised, "title"].endswith("(corrected)")
    assert bool(articles.loc[retracted, "is_retracted"])
    assert deleted not in articles.index
    assert len(articles) == 24
    runs = read(tmp_path, "runs")
    assert runs["mode"].tolist() == ["full", "refresh"]
    last = runs["run_id"].iloc[-1]
    changes = read(tmp_path, "changes")
    seen = set(map(tuple, changes[changes["run_id"] == last][["pmid", "change"]].values.tolist()))
    assert {(revised, "revised"), (retracted, "retracted"), (deleted, "deleted")} <= seen
    # the refresh re-fetches from raw alone too: an offline rebuild gives the same articles
    run_plain(settings, offline=True)
    assert sorted(read(tmp_path, "articles")["pmid"]) == sorted(articles.index)


def test_failed_run_loses_nothing_and_keeps_the_watermark(tmp_path, server):
    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    before = read(tmp_path, "articles")
    server.add_record("35999998", ldn_record(35_999_998, TODAY).xml, TODAY)
    server.inject("503", utility="efetch", times=20)
    with pytest.raises(LdnReviewError):
        run_plain(settings, offline=False)
    runs = read(tmp_path, "runs")
    assert runs["status"].tolist() == ["success", "failed"]
    assert "503" in runs["message"].iloc[1] or "retries" in runs["message"].iloc[1]
    assert runs["watermark"].isna().tolist() == [False, True]
    # unknown is null, never a sentinel: a failed run changed no table, it counted nothing
    failed = runs.iloc[1]
    assert all(pd.isna(failed[c]) for c in ("n_records", "n_new", "n_updated", "n_deleted"))
    assert failed["n_requests"] > 1
    pd.testing.assert_frame_equal(read(tmp_path, "articles"), before)

    server.clear_faults()
    run_plain(settings, offline=False)
    runs = read(tmp_path, "runs")
    assert runs["status"].tolist() == ["success", "failed", "success"]
    assert runs["mode"].iloc[2] == "incremental"
    articles = read(tmp_path, "articles")
    assert len(articles) == 26 and articles["pmid"].is_unique


def test_two_offline_rebuilds_are_identical(tmp_path, server):
    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    first = {
        t: pq.read_table(tmp_path / "curated" / f"{t}.parquet")
        for t in ("articles", "studies", "outcomes", "claim_evidence", "claim_verdicts")
    }
    run_plain(settings, offline=True)
    for name, table in first.items():
        assert pq.read_table(tmp_path / "curated" / f"{name}.parquet").equals(table), name


def test_api_key_is_sent_but_never_stored(tmp_path, server):
    settings = live_settings(tmp_path, server, api_key="SEKRET-KEY-123")
    run_plain(settings, offline=False)
    assert all(r.params.get("api_key") == "SEKRET-KEY-123" for r in server.request_log)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                import gzip

                data = gzip.decompress(data)
            assert b"SEKRET-KEY-123" not in data, path
    assert server.max_requests_in_any_window(1.0) <= 10


def test_rate_limit_holds_over_whole_runs_with_retries_and_epost(tmp_path, server):
    """Every request of a full run and a refresh run (ESearch, EPost, EFetch and their retries)
    goes through the one process-wide limiter: the server's log of arrival times never shows more
    than 3 requests within any second."""
    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    server.inject("429", utility="epost", retry_after=0)
    server.inject("503", utility="efetch", skip=1)
    run_plain(settings, offline=False, force_refresh=True)
    assert read(tmp_path, "runs")["mode"].tolist() == ["full", "refresh"]
    assert {r.utility for r in server.request_log} == {"esearch", "epost", "efetch"}
    assert [r.status for r in server.request_log].count(200) >= 10
    assert len(server.request_log) >= 13  # unthrottled, these would all land within a second
    assert shared_rate_limiter(settings.requests_per_second).rate == 3.0
    assert server.max_requests_in_any_window(1.0) <= 3


def test_many_records_gone_at_once_is_refused_as_an_outage(tmp_path, server):
    """PubMed deletes a handful of records a year; 15 of 25 missing is an outage, and dropping
    them would be for good (they are no longer held, so never asked for again)."""
    settings = live_settings(tmp_path, server, batch_size=25)
    run_plain(settings, offline=False)
    before = read(tmp_path, "articles")
    for pmid in server.pmids[:15]:
        server.remove_record(pmid)
    with pytest.raises(EutilsError, match="likelier an NCBI outage"):
        run_plain(settings, offline=False, force_refresh=True)
    pd.testing.assert_frame_equal(read(tmp_path, "articles"), before)
    runs = read(tmp_path, "runs")
    assert runs["status"].tolist() == ["success", "failed"]
    assert "no longer returned 15 of the 25 held records" in runs["message"].iloc[1]
    assert not list((tmp_path / "raw" / "runs").glob("*/*-deleted.xml.gz"))
    run_plain(settings, offline=True)  # raw alone still holds all 25
    assert len(read(tmp_path, "articles")) == 25
    # The operator checked PubMed: the deletions are real. Accepting the wrong number changes
    # nothing; accepting exactly the reported number lets the refresh drop them.
    with pytest.raises(EutilsError, match="LDN_REVIEW_ACCEPT_DELETIONS=15"):
        run_plain(settings.with_(accept_deletions=14), offline=False, force_refresh=True)
    run_plain(settings.with_(accept_deletions=15), offline=False, force_refresh=True)
    assert len(read(tmp_path, "articles")) == 10
    assert read(tmp_path, "runs")["status"].tolist()[-1] == "success"


def test_raw_response_changed_after_saving_stops_the_rebuild(tmp_path, server):
    """An accepted EFetch body that lost a record (a bad copy, an edit) would silently shrink the
    tables: the run fails naming the file, and the tables stay as they were."""
    import gzip

    settings = live_settings(tmp_path, server)
    run_plain(settings, offline=False)
    before = read(tmp_path, "articles")
    run_dir = next((tmp_path / "raw" / "runs").iterdir())
    name = sorted(f for f in accepted_files(run_dir) if "efetch" in f)[0]
    path = run_dir / name
    body = gzip.decompress(path.read_bytes())
    start = body.index(b"<PubmedArticle>")
    end = body.index(b"</PubmedArticle>") + len(b"</PubmedArticle>")
    path.chmod(0o644)
    path.write_bytes(gzip.compress(body[:start] + body[end:]))
    with pytest.raises(RawStoreError, match=f"{name} does not match the sha256"):
        run_plain(settings, offline=True)
    pd.testing.assert_frame_equal(read(tmp_path, "articles"), before)
    assert read(tmp_path, "runs")["status"].tolist() == ["success", "failed"]


def test_second_run_on_a_locked_data_dir_is_refused_and_writes_nothing(tmp_path, server):
    settings = live_settings(tmp_path, server)
    with run_lock(tmp_path), pytest.raises(RunLockedError, match="another ldn-review run"):
        run_plain(settings, offline=False)
    assert server.request_log == []
    assert not (tmp_path / "curated").exists() and not (tmp_path / "raw").exists()
    run_plain(settings, offline=False)  # the lock is gone with its holder
    assert read(tmp_path, "runs")["status"].tolist() == ["success"]


def test_a_live_run_without_ncbi_email_warns_how_to_set_it(tmp_path, server, caplog):
    settings = live_settings(tmp_path, server).with_(email=None)
    with caplog.at_level("WARNING", logger="ldn_review"):
        run_plain(settings, offline=False)
    assert any("set NCBI_EMAIL=" in r.getMessage() for r in caplog.records)
    assert len(read(tmp_path, "articles")) == len(server.pmids)
