"""The command line: help on every command, clear errors, status, offline runs without Prefect."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ldn_review.cli import main

from .conftest import DEMO_RAW


@pytest.mark.parametrize("command", [[], ["run"], ["status"], ["schema"], ["serve"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    assert "usage: ldn-review" in capsys.readouterr().out


@pytest.fixture()
def demo(tmp_path: Path) -> Path:
    shutil.copytree(DEMO_RAW, tmp_path / "raw")
    return tmp_path


def test_offline_run_without_prefect_then_status(demo, capsys):
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "77 articles" in out and "C1" in out
    assert main(["status", "--data-dir", str(demo)]) == 0
    status = capsys.readouterr().out
    assert "articles:   77 rows" in status and "offline" in status and "success" in status
    assert "\nclaim_evidence: " in status  # a long table name still has a space before its count


def test_malformed_claims_file_names_line_and_key_and_touches_nothing(demo, tmp_path, capsys):
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    before = pd.read_parquet(demo / "curated" / "claims.parquet")
    runs_before = pd.read_parquet(demo / "curated" / "runs.parquet")
    bad = tmp_path / "claims.toml"
    bad.write_text(
        '[[claim]]\nid = "C1"\ncondition = "fibromyalgia"\nstatement = 42\n'
        'cited_journal = "Pain Medicine"\noutcome_domains = ["pain"]\n'
    )
    capsys.readouterr()
    assert (
        main(["run", "--offline", "--no-prefect", "--data-dir", str(demo), "--claims", str(bad)])
        == 1
    )
    err = capsys.readouterr().err
    assert "claims.toml" in err and "line 4" in err and "statement" in err
    pd.testing.assert_frame_equal(pd.read_parquet(demo / "curated" / "claims.parquet"), before)
    pd.testing.assert_frame_equal(pd.read_parquet(demo / "curated" / "runs.parquet"), runs_before)


def test_custom_claims_file_replaces_the_builtin_claims(demo, tmp_path):
    claims = tmp_path / "other.toml"
    claims.write_text(
        '[[claim]]\nid = "X1"\ncondition = "fibromyalgia"\n'
        'statement = "LDN reduces fibromyalgia pain."\ncited_journal = "Pain Medicine"\n'
        'outcome_domains = ["pain"]\n'
    )
    assert (
        main(["run", "--offline", "--no-prefect", "--data-dir", str(demo), "--claims", str(claims)])
        == 0
    )
    verdicts = pd.read_parquet(demo / "curated" / "claim_verdicts.parquet")
    assert verdicts["claim_id"].tolist() == ["X1"]


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        # a truncated PubMed file
        ("dropped.xml", b"<PubmedArticleSet><PubmedArticle><MedlineCitation>", ("dropped.xml",)),
        # a failed browser download saved as .xml: an error, never "no records"
        ("pubmed_result.xml",
         b"<!DOCTYPE html>\n<html><head><title>Error</title></head><body>Blocked</body></html>\n",
         ("pubmed_result.xml is an HTML page, not PubMed XML", "move it out of raw/")),
    ],
)
def test_bad_file_dropped_into_raw_fails_naming_it_and_keeps_tables(demo, capsys, name, body,
                                                                    expected):
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    before = pd.read_parquet(demo / "curated" / "articles.parquet")
    (demo / "raw" / name).write_bytes(body)
    capsys.readouterr()
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 1
    err = capsys.readouterr().err.strip()
    assert all(part in err for part in expected) and len(err.splitlines()) == 1
    pd.testing.assert_frame_equal(pd.read_parquet(demo / "curated" / "articles.parquet"), before)
    runs = pd.read_parquet(demo / "curated" / "runs.parquet")
    assert runs["status"].tolist() == ["success", "failed"]


def test_loose_esearch_answer_in_raw_carries_no_records_and_is_no_error(demo):
    """Copied E-utilities answers that are not records (ESearch, EPost) are skipped, not refused."""
    import gzip

    loose = demo / "raw" / "copied" / "0001-esearch.xml.gz"
    loose.parent.mkdir()
    loose.write_bytes(gzip.compress(b"<eSearchResult><Count>77</Count></eSearchResult>"))
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    assert len(pd.read_parquet(demo / "curated" / "articles.parquet")) == 77


def test_medline_file_dropped_into_raw_adds_its_604_citations(demo, ncbi_samples):
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    shutil.copy(ncbi_samples / "medline16n0902.xml.gz", demo / "raw" / "medline16n0902.xml.gz")
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    articles = pd.read_parquet(demo / "curated" / "articles.parquet")
    assert len(articles) == 77 + 604
    runs = pd.read_parquet(demo / "curated" / "runs.parquet")
    assert runs["n_new"].tolist() == [77, 604]


def test_status_shows_failed_and_interrupted_runs(tmp_path, capsys):
    import datetime as dt

    from ldn_review.pipeline import RunContext, record_failure
    from ldn_review.rawstore import RawStore
    from ldn_review.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path)
    RawStore(settings.raw_dir).begin_run("20260101T000000000000Z").save(
        "esearch", {}, b"<eSearchResult/>", url="u", status=200)
    ctx = RunContext(run_id="20260102T000000000000Z", mode="full",
                     started_at=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
    record_failure(settings, ctx, RuntimeError("NCBI unreachable"))
    assert main(["status", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "interrupted" in out and "failed" in out and "reason: RuntimeError: NCBI unreachable" in out
    assert ("-failed (the last successful run's tables; failed run 20260102T000000000000Z added its "
            "row to runs)") in out


def test_a_failure_that_cannot_be_recorded_still_reports_the_runs_own_error(demo, monkeypatch, capsys):
    import ldn_review.pipeline

    def unwritable(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(demo / ".generations"))

    monkeypatch.setattr(ldn_review.pipeline, "_record_failure", unwritable)
    (demo / "raw" / "pubmed_result.xml").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 1
    err = capsys.readouterr().err.strip()
    assert "pubmed_result.xml is an HTML page" in err and "Permission denied" not in err


def test_base_url_without_scheme_is_a_one_line_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NCBI_EUTILS_BASE", "localhost:8080/entrez/eutils")
    assert main(["run", "--no-prefect", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "NCBI_EUTILS_BASE" in err and "http://" in err


def test_unexpected_error_is_one_line_and_the_traceback_needs_v(tmp_path, monkeypatch, capsys):
    import ldn_review.status

    def broken(*_args, **_kwargs):
        raise KeyError("n_records")

    monkeypatch.setattr(ldn_review.status, "render_status", broken)
    assert main(["status", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("ldn-review: unexpected error: KeyError: 'n_records'")
    assert len(err.splitlines()) == 1 and "-v" in err
    with pytest.raises(KeyError):
        main(["-v", "status", "--data-dir", str(tmp_path)])


def test_os_error_names_the_path_and_what_to_do(tmp_path, monkeypatch, capsys):
    import ldn_review.status

    def broken(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "curated"))

    monkeypatch.setattr(ldn_review.status, "render_status", broken)
    assert main(["status", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"ldn-review: error: Permission denied: {tmp_path / 'curated'} "
                   "(check its permissions (and the user the run runs as))")


def test_schema_output_into_a_missing_directory_names_it(tmp_path, capsys):
    target = tmp_path / "nodir" / "dictionary.md"
    assert main(["schema", "--output", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert str(target) in err and "exist" in err and "unexpected" not in err


def test_offline_run_on_a_mistyped_or_empty_data_dir_fails_and_creates_nothing(tmp_path, capsys):
    typo = tmp_path / "dmeo"
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(typo)]) == 1
    err = capsys.readouterr().err.strip()
    assert f"no raw/ directory under {typo}" in err and "--data-dir" in err
    assert not typo.exists()
    (tmp_path / "empty" / "raw" / "sub").mkdir(parents=True)
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err.strip()
    assert "holds no PubMed XML files" in err
    assert not (tmp_path / "empty" / "curated").exists()
    afile = tmp_path / "afile"
    afile.write_text("not a directory\n")
    assert main(["run", "--no-prefect", "--data-dir", str(afile)]) == 1
    assert "is a file, not a directory" in capsys.readouterr().err


def test_raw_file_removed_since_the_last_run_stops_the_run_until_accepted(demo, monkeypatch, capsys):
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    before = pd.read_parquet(demo / "curated" / "articles.parquet")
    removed = demo / "raw" / "ldn-corpus" / "pain_trials_corpus.xml"
    from ldn_review.parse import iter_file_records

    gone = sorted(a.pmid for a in iter_file_records(removed))
    removed.unlink()
    capsys.readouterr()
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 1
    err = capsys.readouterr().err.strip()
    assert f"{len(gone)} of the 77 records in the published tables are in no file" in err
    assert f"LDN_REVIEW_ACCEPT_DELETIONS={len(gone)}" in err and "--refresh" in err
    pd.testing.assert_frame_equal(pd.read_parquet(demo / "curated" / "articles.parquet"), before)
    assert pd.read_parquet(demo / "curated" / "runs.parquet")["status"].tolist() == ["success", "failed"]
    assert pd.read_parquet(demo / "curated" / "changes.parquet")["change"].eq("new").all()

    monkeypatch.setenv("LDN_REVIEW_ACCEPT_DELETIONS", str(len(gone)))
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    articles = pd.read_parquet(demo / "curated" / "articles.parquet")
    assert len(articles) == 77 - len(gone) and not set(gone) & set(articles["pmid"])
    changes = pd.read_parquet(demo / "curated" / "changes.parquet")
    deleted = changes[changes["change"] == "deleted"]
    assert sorted(deleted["pmid"]) == gone
    assert deleted["detail"].str.startswith("removed from raw/ by the operator").all()
    # the report still names what was dropped: the title comes from the previous tables
    title = before.set_index("pmid").loc[gone[0], "title"]
    assert title in (demo / "reports" / "evidence_report.md").read_text(encoding="utf-8")


def test_report_that_cannot_be_written_fails_the_run_before_any_table_changes(demo, monkeypatch,
                                                                             capsys):
    import ldn_review.report

    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 0
    curated = demo / "curated"
    before = {n: pd.read_parquet(curated / f"{n}.parquet") for n in ("articles", "claim_verdicts")}
    html = (demo / "reports" / "evidence_report.html").read_bytes()
    shutil.copytree(DEMO_RAW, demo / "raw" / "copy")  # a second copy of every record: revisions

    def unwritable(_inputs, out_dir):
        (out_dir / "figures").mkdir(parents=True)  # half-written, then the write fails
        (out_dir / "figures" / "claims.png").write_bytes(b"\x89PNG")
        raise PermissionError(1, "Operation not permitted", str(out_dir / "evidence_report.md"))

    monkeypatch.setattr(ldn_review.report, "render_report", unwritable)
    capsys.readouterr()
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 1
    assert "Operation not permitted" in capsys.readouterr().err
    for name, frame in before.items():
        pd.testing.assert_frame_equal(pd.read_parquet(curated / f"{name}.parquet"), frame)
    runs = pd.read_parquet(curated / "runs.parquet")
    assert runs["status"].tolist() == ["success", "failed"] and runs["run_id"].is_unique
    assert (demo / "reports" / "evidence_report.html").read_bytes() == html
    assert not list((demo / "reports").glob(".staging-*"))


def test_report_that_cannot_be_moved_after_publishing_adds_no_failed_row(demo, monkeypatch, capsys):
    import ldn_review.report

    def stuck(staged):
        raise PermissionError(13, "Permission denied", str(staged.out_dir))

    monkeypatch.setattr(ldn_review.report, "commit_report", stuck)
    assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 1
    err = capsys.readouterr().err
    assert "published its tables" in err and "run again to write the report" in err
    runs = pd.read_parquet(demo / "curated" / "runs.parquet")
    assert runs["status"].tolist() == ["success"]
    assert len(pd.read_parquet(demo / "curated" / "articles.parquet")) == 77


def test_status_refuses_a_run_count_below_one(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["status", "--data-dir", str(tmp_path), "-n", "-2"])
    assert info.value.code == 2
    assert "not a positive number of runs" in capsys.readouterr().err


def test_run_on_a_data_dir_another_run_holds_exits_1(demo, capsys):
    from ldn_review.pipeline import run_lock

    with run_lock(demo):
        assert main(["run", "--offline", "--no-prefect", "--data-dir", str(demo)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"(pid {os.getpid()}) is using {demo}" in err
    assert not (demo / "curated").exists()
