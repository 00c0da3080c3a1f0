"""The raw store is write-once, keeps bodies byte for byte, and orders files for rebuilds."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from ldn_review.errors import RawStoreError
from ldn_review.rawstore import (
    RawStore,
    RunRecorder,
    iter_raw_files,
    new_run_id,
    open_raw,
    read_manifest,
    verify_runs,
    write_once,
)

BODY = b'<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>\n'


def test_saved_body_is_byte_identical_and_read_only(tmp_path):
    rec = RawStore(tmp_path).begin_run("20260101T000000000000Z")
    saved = rec.save(
        "efetch", {"db": "pubmed", "retstart": 0}, BODY, url="http://x/efetch.fcgi", status=200
    )
    assert open_raw(saved.path) == BODY
    assert gzip.decompress(saved.path.read_bytes()) == BODY
    assert not os.access(saved.path, os.W_OK) or os.geteuid() == 0  # root ignores modes
    assert saved.path.stat().st_mode & 0o222 == 0


def test_write_once_refuses_to_overwrite(tmp_path):
    target = tmp_path / "a.xml.gz"
    write_once(target, b"first")
    with pytest.raises(RawStoreError, match="refusing to overwrite"):
        write_once(target, b"second")
    assert target.read_bytes() == b"first"


def test_manifest_has_params_hash_and_no_api_key(tmp_path):
    rec = RawStore(tmp_path).begin_run("20260101T000000000000Z")
    saved = rec.save(
        "esearch",
        {"term": "naltrexone", "api_key": "SECRET123"},
        BODY,
        url="http://x/esearch.fcgi?term=naltrexone&api_key=SECRET123",
        status=200,
    )
    rec.record_verdict(saved, accepted=True, count=1)
    entries = read_manifest(rec.run_dir)
    response = entries[0]
    assert response["params"] == {"term": "naltrexone"}
    assert "SECRET123" not in (rec.run_dir / "manifest.jsonl").read_text()
    assert response["sha256"] == saved.sha256 and response["bytes"] == len(BODY)
    assert entries[1] == {
        "event": "verdict",
        "seq": 1,
        "file": saved.path.name,
        "accepted": True,
        "count": 1,
        "reason": None,
    }


def test_run_directory_cannot_be_reused(tmp_path):
    store = RawStore(tmp_path)
    rec = store.begin_run("r1")
    rec.save("efetch", {}, BODY, url="u", status=200)
    with pytest.raises(RawStoreError, match="already holds data"):
        store.begin_run("r1")


def test_iter_raw_files_skips_rejected_and_orders_loose_before_runs(tmp_path):
    (tmp_path / "baseline").mkdir()
    (tmp_path / "baseline" / "b.xml.gz").write_bytes(gzip.compress(BODY))
    (tmp_path / "a.xml").write_bytes(BODY)
    (tmp_path / "notes.txt").write_text("ignored")
    store = RawStore(tmp_path)
    rec = store.begin_run(new_run_id())
    good = rec.save("efetch", {}, BODY, url="u", status=200)
    rec.record_verdict(good, accepted=True, count=1)
    bad = rec.save("efetch", {}, b"<html>oops</html>", url="u", status=200)
    rec.record_verdict(bad, accepted=False, reason="HTML")
    unknown = rec.save("efetch", {}, BODY, url="u", status=200)  # killed before the verdict
    files = list(iter_raw_files(tmp_path))
    assert [f.relpath.split("/")[-1] for f in files] == [
        "a.xml",
        "b.xml.gz",
        good.path.name,
        unknown.path.name,
    ]
    assert [f.managed for f in files] == [False, False, True, True]
    assert [f.accepted for f in files] == [None, None, True, None]


def test_torn_manifest_line_is_ignored(tmp_path):
    rec = RawStore(tmp_path).begin_run("r")
    saved = rec.save("efetch", {}, BODY, url="u", status=200)
    with open(rec.run_dir / "manifest.jsonl", "a") as fh:
        fh.write('{"event": "verdict", "seq": 1, "acc')  # crash mid-append
    assert [e["event"] for e in read_manifest(rec.run_dir)] == ["response"]
    assert (
        json.loads((rec.run_dir / "manifest.jsonl").read_text().splitlines()[0])["file"]
        == saved.path.name
    )


def test_raw_file_is_read_only_before_it_gets_its_name(tmp_path, monkeypatch):
    """The body is made read-only while still a temporary file: no moment exists where the
    named raw file is writable, even if the process dies right after the link."""
    modes = []
    real_link = os.link

    def link(src, dst):
        modes.append(os.stat(src).st_mode & 0o777)
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    write_once(tmp_path / "a.xml.gz", b"body")
    assert modes == [0o444]


def _accepted_run(tmp_path) -> RunRecorder:
    rec = RawStore(tmp_path / "raw").begin_run("20260101T000000000000Z")
    for _ in range(2):
        saved = rec.save("efetch", {}, BODY, url="u", status=200)
        rec.record_verdict(saved, accepted=True, count=1)
    return rec


def test_verify_runs_checks_every_accepted_response(tmp_path):
    rec = _accepted_run(tmp_path)
    rejected = rec.save("efetch", {}, b"<html>oops</html>", url="u", status=200)
    rec.record_verdict(rejected, accepted=False, reason="HTML")
    rec.save("efetch", {}, b"<PubmedArticleSet><Pub", url="u", status=200)  # killed: no verdict
    assert verify_runs(tmp_path / "raw") == 2


def test_verify_runs_names_an_accepted_file_changed_after_saving(tmp_path):
    rec = _accepted_run(tmp_path)
    damaged = rec.run_dir / "0002-efetch.xml.gz"
    damaged.chmod(0o644)
    damaged.write_bytes(gzip.compress(BODY.replace(b"<PubmedArticle/>", b"")))
    with pytest.raises(RawStoreError) as caught:
        verify_runs(tmp_path / "raw")
    message = str(caught.value)
    assert "raw/runs/20260101T000000000000Z/0002-efetch.xml.gz does not match the sha256" in message
    assert "Restore it from a backup" in message and "--refresh" in message
    assert caught.value.path == str(damaged)


def test_verify_runs_names_an_unreadable_accepted_file(tmp_path):
    rec = _accepted_run(tmp_path)
    damaged = rec.run_dir / "0001-efetch.xml.gz"
    data = damaged.read_bytes()
    damaged.chmod(0o644)
    damaged.write_bytes(data[: len(data) // 2])  # a truncated copy
    with pytest.raises(RawStoreError, match="0001-efetch.xml.gz cannot be read") as caught:
        verify_runs(tmp_path / "raw")
    message = str(caught.value)
    assert "): it was damaged or edited after it was saved. Restore it from a backup" in message
    assert "manifest.jsonl:" not in message  # the manifest belongs to the sha256 wording only


def test_verify_runs_names_a_missing_accepted_file(tmp_path):
    rec = _accepted_run(tmp_path)
    (rec.run_dir / "0001-efetch.xml.gz").unlink()
    with pytest.raises(RawStoreError, match="0001-efetch.xml.gz is missing"):
        verify_runs(tmp_path / "raw")


def test_redacted_save_is_marked_in_the_manifest(tmp_path):
    rec = RawStore(tmp_path).begin_run("r")
    rec.save("esearch", {}, b'{"api-key":"REDACTED"}', url="u", status=429, redacted=True)
    rec.save("esearch", {}, BODY, url="u", status=200)
    entries = read_manifest(rec.run_dir)
    assert [e.get("redacted") for e in entries] == ["api_key", None]
