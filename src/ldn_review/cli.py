"""Command line: ``ldn-review run | status | schema | serve``."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .errors import LdnReviewError

DEFAULT_CRON = "0 6 * * 1"  # Mondays 06:00 UTC: after NCBI's weekend indexing


def _prefect_environment(project_dir: Path) -> None:
    """Keep Prefect's home, database and telemetry settings inside the project."""
    os.environ.setdefault("PREFECT_HOME", str(project_dir / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of runs")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ldn-review",
        description="Living evidence pipeline: PubMed -> raw store -> curated Parquet tables -> "
        "claim verdicts -> evidence report.",
    )
    parser.add_argument("--version", action="version", version=f"ldn-review {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="run the main job as a Prefect flow",
        description="Query PubMed (incrementally after the first run), store raw responses, rebuild "
        "curated tables, claim verdicts and the report. With --offline, use only the PubMed XML "
        "files under <data-dir>/raw/. Environment: NCBI_EMAIL, NCBI_API_KEY, NCBI_EUTILS_BASE, "
        "LDN_REVIEW_QUERY, LDN_REVIEW_BATCH_SIZE, LDN_REVIEW_WORKERS, LDN_REVIEW_ACCEPT_DELETIONS "
        "(drop exactly that many held records: deletions a refresh found, or records whose raw files "
        "were removed on purpose), LDN_REVIEW_PARSE_CHECKER, LDN_REVIEW_PARSE_SHARE (see README). "
        "Exit status 0 on success; 1 with a one-line reason on failure; 130 when interrupted.",
    )
    run.add_argument(
        "--offline",
        action="store_true",
        help="no network: rebuild everything from <data-dir>/raw/ alone",
    )
    run.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data"),
        help="root holding raw/, curated/, reports/ (default: ./data)",
    )
    run.add_argument(
        "--claims",
        type=Path,
        default=None,
        metavar="FILE",
        help="claims file (TOML) replacing the built-in claims of the article",
    )
    run.add_argument(
        "--refresh",
        action="store_true",
        help="re-fetch every held PMID now (normally monthly) to pick up revisions",
    )
    run.add_argument(
        "--no-prefect",
        action="store_true",
        help="run the same steps without Prefect (e.g. from plain cron)",
    )

    status = sub.add_parser(
        "status",
        help="print the last runs, record counts and the watermark",
        description="Print the last runs, record counts and the watermark.",
    )
    status.add_argument(
        "--data-dir", type=Path, default=Path("data"), help="root holding curated/ (default: ./data)"
    )
    status.add_argument(
        "-n", type=_positive_int, default=10, help="number of runs to show (default 10)"
    )

    schema = sub.add_parser(
        "schema",
        help="print the data dictionary of every table",
        description="Print the data dictionary generated from the schemas.",
    )
    schema.add_argument(
        "--markdown", action="store_true", help="Markdown (the only format; kept for scripts that pass it)"
    )
    schema.add_argument("--output", type=Path, help="write to this file instead of stdout")

    serve = sub.add_parser(
        "serve",
        help="serve the flow on a weekly cron schedule (Prefect)",
        description="Serve the flow with a cron schedule; needs a Prefect server "
        "(see README: Scheduling).",
    )
    serve.add_argument(
        "--cron", default=DEFAULT_CRON, help=f"cron schedule (default {DEFAULT_CRON!r}, UTC)"
    )
    serve.add_argument(
        "--data-dir", type=Path, default=Path("data"), help="root holding raw/, curated/, reports/ (default: ./data)"
    )
    serve.add_argument(
        "--claims", type=Path, default=None, metavar="FILE", help="claims file (TOML), as for run"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:  # Prefect's HTTP client logs every API call at INFO
        logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        if args.command == "run":
            return _cmd_run(args)
        if args.command == "status":
            return _cmd_status(args)
        if args.command == "schema":
            return _cmd_schema(args)
        if args.command == "serve":
            return _cmd_serve(args)
    except LdnReviewError as exc:
        print(f"ldn-review: error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    except OSError as exc:  # a path that is missing, unwritable or in the way
        print(f"ldn-review: error: {describe_os_error(exc)}"
              + ("; curated tables were left as they were" if args.command == "run" else ""),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "ldn-review: interrupted; curated tables are unchanged unless the run had finished",
            file=sys.stderr,
        )
        return 130
    except Exception as exc:  # a bug or an OS error: still one line, the traceback with -v
        if args.verbose:
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(
            f"ldn-review: unexpected error: {type(exc).__name__}: {first} "
            "(run again with -v for the traceback)",
            file=sys.stderr,
        )
        return 1
    return 2


_OS_ERROR_ADVICE = {
    errno.EACCES: "check its permissions (and the user the run runs as)",
    errno.EPERM: "check its permissions and attributes (chattr/lsattr)",
    errno.EROFS: "the file system is read-only; give a writable --data-dir",
    errno.ENOENT: "check that the path and its parent directories exist",
    errno.ENOTDIR: "a file stands where a directory is expected; move it away",
    errno.EEXIST: "a file stands where a directory is expected; move it away",
    errno.EISDIR: "a directory stands where a file is expected",
    errno.ENOSPC: "the disk is full; free space and run again",
    errno.EDQUOT: "the disk quota is exceeded; free space and run again",
}


def describe_os_error(exc: OSError) -> str:
    """One line naming the path, what went wrong and what to do."""
    what = exc.strerror or type(exc).__name__
    paths = " -> ".join(str(p) for p in (exc.filename, exc.filename2) if p is not None)
    advice = _OS_ERROR_ADVICE.get(exc.errno or -1, "")
    text = f"{what}: {paths}" if paths else f"{what}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return f"{text} ({advice})" if advice else text


def _check_claims(path: Path | None) -> None:
    if path is not None:
        from .claims import load_claims

        load_claims(path)


PREFECT_QUEUE_SERVICE_LOGGERS = ("EventsWorker", "APILogWorker")


def _cmd_run(args: argparse.Namespace) -> int:
    _check_claims(args.claims)
    if args.no_prefect:
        from .pipeline import result_summary, run_plain
        from .settings import load_settings

        settings = load_settings(data_dir=args.data_dir, claims_file=args.claims)
        result = run_plain(
            settings,
            offline=args.offline,
            force_refresh=args.refresh,
            progress=lambda m: print(m, flush=True),
        )
        _print_summary(result_summary(result))
        return 0
    _prefect_environment(Path.cwd())
    from ldn_review_flows.ldn_flow import ldn_review_flow

    try:
        summary = ldn_review_flow(
            data_dir=str(args.data_dir),
            offline=args.offline,
            claims_file=str(args.claims) if args.claims else None,
            refresh=args.refresh,
        )
    except (LdnReviewError, OSError):
        raise
    except Exception as exc:  # the flow re-raises task errors; give the one-line reason
        print(
            f"ldn-review: run failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
            file=sys.stderr,
        )
        return 1
    finally:
        # The temporary server's "Stopping ..." line comes at exit, after the run's own last line
        # (its summary or its one-line error), which is what a cron log's tail should show.
        logging.getLogger("prefect").setLevel(logging.WARNING)
        # Prefect's queue services log "Still processing items: N items remaining..." at exit
        # while they drain, on loggers named after their classes, outside "prefect".
        for name in PREFECT_QUEUE_SERVICE_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)
    _print_summary(summary)
    return 0


def _print_summary(summary: dict[str, Any]) -> None:
    print(
        f"run {summary['run_id']}: {summary['n_records']:,} articles "
        f"({summary['n_new']:,} new, {summary['n_updated']:,} revised, {summary['n_deleted']:,} deleted)"
    )
    for claim_id, verdict in summary["verdicts"].items():
        print(f"  {claim_id:<8} {verdict}")
    for path in summary["report"]:
        print(f"report: {path}")


def _cmd_status(args: argparse.Namespace) -> int:
    from .status import render_status

    print(render_status(args.data_dir, n=args.n))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schemas import render_data_dictionary

    text = render_data_dictionary()
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    _check_claims(args.claims)
    _prefect_environment(Path.cwd())
    from ldn_review_flows.ldn_flow import build_weekly_deployment
    from prefect import serve

    params = {
        "data_dir": str(args.data_dir.resolve()),
        "offline": False,
        "claims_file": str(args.claims.resolve()) if args.claims else None,
    }
    print(
        f"serving the ldn-review flow on schedule {args.cron!r} (UTC); Ctrl-C to stop", flush=True
    )
    serve(build_weekly_deployment(args.cron, params))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
