"""The raw store: every E-utilities response body, byte for byte, written once.

Layout under ``<data-dir>/raw/``::

    runs/<run_id>/0001-esearch.xml.gz     # gzip of the exact response body
    runs/<run_id>/0002-efetch.xml.gz
    runs/<run_id>/manifest.jsonl          # one line per response: utility, params (no API key),
                                          # url, HTTP status, time, sha256 of the body, count, verdict
    anything-else/*.xml[.gz]              # files dropped in by hand (e.g. PubMed baseline files)

A body is saved *before* it is parsed. After validation the client appends a manifest line saying
whether the response was accepted; offline rebuilds skip responses that were rejected (an HTML
error page, a truncated body), so a failed attempt never poisons later rebuilds. Files are created
with O_EXCL semantics and made read-only: nothing in raw is ever rewritten.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .crashpoints import crash_point
from .errors import RawStoreError

RUNS_DIRNAME = "runs"
MANIFEST_NAME = "manifest.jsonl"
# Parameters never written to disk or logs.
SECRET_PARAMS = frozenset({"api_key"})
# What a secret is replaced with wherever it would otherwise be written.
REDACTED = "REDACTED"
_RUN_ID_RE = re.compile(r"^\d{8}T\d{6}(\d{6})?Z(-[a-z0-9]+)?$")


def new_run_id(now: dt.datetime | None = None, suffix: str | None = None) -> str:
    """A sortable UTC run id such as ``20261125T093000123456Z``."""
    now = now or dt.datetime.now(dt.timezone.utc)
    run_id = now.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{run_id}-{suffix}" if suffix else run_id


def redact_params(params: Mapping[str, object]) -> dict[str, str]:
    """Parameters as strings, with secrets removed."""
    return {k: str(v) for k, v in params.items() if k not in SECRET_PARAMS}


def redact_url(url: str) -> str:
    return re.sub(r"([?&]api_key=)[^&]*", rf"\1{REDACTED}", url)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_once(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; refuse if it exists. Durable (fsync) and read-only after."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
        os.fchmod(fh.fileno(), 0o444)  # read-only before it gets its name: never writable there
    try:
        os.link(tmp, path)  # atomic, and fails if the target exists
    except FileExistsError as exc:
        raise RawStoreError(
            f"refusing to overwrite raw file {path}: raw data is write-once. Use a new run id.",
            path=str(path),
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class SavedResponse:
    seq: int
    utility: str
    path: Path
    sha256: str
    size: int


class RunRecorder:
    """Saves the responses of one run under ``raw/runs/<run_id>/``."""

    def __init__(self, run_dir: Path, run_id: str) -> None:
        self.run_dir = run_dir
        self.run_id = run_id
        self._seq = 0
        self.n_saved = 0

    def save(
        self,
        utility: str,
        params: Mapping[str, object],
        body: bytes,
        *,
        url: str,
        status: int,
        redacted: bool = False,
    ) -> SavedResponse:
        """Save a response body before anything parses it. ``redacted``: the caller blanked out a
        secret the server quoted back, so the file is the body minus that secret."""
        self._seq += 1
        name = f"{self._seq:04d}-{utility}.xml.gz"
        path = self.run_dir / name
        write_once(path, gzip.compress(body, compresslevel=6, mtime=0))
        saved = SavedResponse(self._seq, utility, path, sha256_hex(body), len(body))
        self.n_saved += 1
        crash_point("fetch-saved")
        self._append_manifest(
            {
                "event": "response",
                "seq": saved.seq,
                "file": name,
                "utility": utility,
                "params": redact_params(params),
                "url": redact_url(url),
                "http_status": status,
                "fetched_at": dt.datetime.now(dt.timezone.utc).isoformat(),
                "sha256": saved.sha256,
                "bytes": saved.size,
                **({"redacted": "api_key"} if redacted else {}),
            }
        )
        return saved

    def save_derived(self, kind: str, body: bytes, *, note: str) -> SavedResponse:
        """Save a document the run derived from responses it saved (e.g. deletions seen on
        re-fetch), so that raw alone still rebuilds the same tables."""
        self._seq += 1
        name = f"{self._seq:04d}-{kind}.xml.gz"
        path = self.run_dir / name
        write_once(path, gzip.compress(body, compresslevel=6, mtime=0))
        saved = SavedResponse(self._seq, kind, path, sha256_hex(body), len(body))
        self._append_manifest(
            {
                "event": "derived",
                "seq": saved.seq,
                "file": name,
                "kind": kind,
                "note": note,
                "sha256": saved.sha256,
                "bytes": saved.size,
            }
        )
        self.record_verdict(saved, accepted=True)
        return saved

    def record_verdict(
        self,
        saved: SavedResponse,
        *,
        accepted: bool,
        count: int | None = None,
        reason: str | None = None,
    ) -> None:
        """After validation: say whether the saved response was accepted, and its record count."""
        self._append_manifest(
            {
                "event": "verdict",
                "seq": saved.seq,
                "file": saved.path.name,
                "accepted": accepted,
                "count": count,
                "reason": reason,
            }
        )

    def record_event(self, event: str, **fields: object) -> None:
        self._append_manifest({"event": event, **fields})

    def _append_manifest(self, entry: dict[str, object]) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry, sort_keys=True, default=str) + "\n"
        # Append-only: earlier lines are never rewritten.
        with open(self.run_dir / MANIFEST_NAME, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())


class RawStore:
    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir

    def begin_run(self, run_id: str) -> RunRecorder:
        run_dir = self.raw_dir / RUNS_DIRNAME / run_id
        if run_dir.exists() and any(run_dir.iterdir()):
            raise RawStoreError(
                f"raw run directory {run_dir} already holds data; run ids must be unique",
                path=str(run_dir),
            )
        run_dir.mkdir(parents=True, exist_ok=True)
        return RunRecorder(run_dir, run_id)


def read_manifest(run_dir: Path) -> list[dict[str, object]]:
    """Manifest entries of a run; a torn last line (crash mid-append) is ignored."""
    path = run_dir / MANIFEST_NAME
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries


def rejected_files(run_dir: Path) -> set[str]:
    """Files of a run whose response was rejected after saving."""
    return {
        str(e["file"])
        for e in read_manifest(run_dir)
        if e.get("event") == "verdict" and e.get("accepted") is False
    }


def accepted_files(run_dir: Path) -> set[str]:
    return {
        str(e["file"])
        for e in read_manifest(run_dir)
        if e.get("event") == "verdict" and e.get("accepted") is True
    }


@dataclass(frozen=True, slots=True)
class RawFile:
    path: Path
    relpath: str
    managed: bool  # saved by our client (inside runs/<run_id>/)
    accepted: bool | None  # manifest verdict for managed files; None when unknown


def is_xml_name(name: str) -> bool:
    return name.endswith(".xml") or name.endswith(".xml.gz")


def iter_raw_files(raw_dir: Path) -> Iterator[RawFile]:
    """Every ``*.xml``/``*.xml.gz`` under ``raw_dir`` in a stable order, rejected responses skipped.

    Order: files dropped in by hand first (sorted by path), then managed runs oldest first, and
    within a run in response order; later files win when the same PMID appears twice.
    """
    if not raw_dir.exists():
        return
    runs_root = raw_dir / RUNS_DIRNAME
    loose: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(raw_dir):
        here = Path(dirpath)
        if here == runs_root:
            dirnames[:] = []
            continue
        dirnames.sort()
        loose.extend(
            here / f for f in sorted(filenames) if is_xml_name(f) and not f.startswith(".")
        )
    for path in sorted(loose, key=lambda p: p.relative_to(raw_dir).as_posix()):
        yield RawFile(path, path.relative_to(raw_dir).as_posix(), managed=False, accepted=None)
    if not runs_root.exists():
        return
    for run_dir in sorted(p for p in runs_root.iterdir() if p.is_dir()):
        rejected = rejected_files(run_dir)
        accepted = accepted_files(run_dir)
        for path in sorted(run_dir.iterdir()):
            if not is_xml_name(path.name) or path.name.startswith(".") or path.name in rejected:
                continue
            yield RawFile(
                path,
                path.relative_to(raw_dir).as_posix(),
                managed=True,
                accepted=True if path.name in accepted else None,
            )


def verify_runs(raw_dir: Path) -> int:
    """Check every response a run accepted against its manifest: the file is there, unpacks,
    and has the sha256 recorded when it was saved. Returns the number of files checked.

    Rebuilds skip raw files that do not parse (a run killed mid-save leaves such files), so
    without this check an accepted file damaged later (disk fault, an edit, a bad copy) would
    silently take its records out of the curated tables.
    """
    runs_root = raw_dir / RUNS_DIRNAME
    if not runs_root.exists():
        return 0
    n_checked = 0
    for run_dir in sorted(p for p in runs_root.iterdir() if p.is_dir()):
        entries = read_manifest(run_dir)
        sha_of = {
            str(e["file"]): str(e.get("sha256"))
            for e in entries
            if e.get("event") in ("response", "derived") and "file" in e
        }
        accepted = {
            str(e["file"])
            for e in entries
            if e.get("event") == "verdict" and e.get("accepted") is True
        }
        run_rel = run_dir.relative_to(raw_dir.parent).as_posix()
        remedy = (
            f"Restore it from a backup, or move {run_rel} out of raw/ and run "
            "`ldn-review run --refresh` to fetch its records again; curated tables were left as "
            "they were."
        )
        for name in sorted(accepted):
            path = run_dir / name
            rel = path.relative_to(raw_dir.parent).as_posix()
            if not path.exists():
                raise RawStoreError(
                    f"{rel} is missing: its run accepted it (see {MANIFEST_NAME}) and raw files "
                    f"are never removed. {remedy}",
                    path=str(path),
                )
            try:
                body = open_raw(path)
            except (OSError, EOFError, zlib.error) as exc:
                body, problem = None, f"cannot be read ({exc})"
            else:
                problem = f"does not match the sha256 its run recorded in {MANIFEST_NAME}"
            if body is None or sha256_hex(body) != sha_of.get(name):
                raise RawStoreError(
                    f"{rel} {problem}: it was damaged or edited after it was saved. {remedy}",
                    path=str(path),
                )
            n_checked += 1
    return n_checked


def open_raw(path: Path) -> bytes:
    """The body of a raw file (gunzipped when needed)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data
