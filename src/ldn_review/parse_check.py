"""The well-formedness check of a PubMed XML stream, here or in a child process.

:class:`Checker` is a handler-less expat parser configured as ElementTree's: it builds nothing and
calls no Python code per element, it only proves the bytes well-formed and fails where
ElementTree would, with the same message. :mod:`ldn_review.parse` reads records only from bytes
the checker has accepted.

For large files, :class:`ChildStream` has a child process read the file, decompress it, check it,
and pass on only what it accepted: on a machine with a free core the parser then spends no time
on gzip or on the check, and it still never sees a byte the check has not accepted, so records
and errors are exactly those of the check in this process. If the child cannot be started or
fails, the parser goes on reading the file itself. Run as ``python -m ldn_review.parse_check
FILE``, this module is that child.

While the parser lags behind (the pipe holds ``SHARE_BACKLOG`` bytes it has not read yet), the
child, which would otherwise wait, reads records itself and sends them, encoded by
:mod:`ldn_review.parse_share`, before the bytes that hold them (``LDN_REVIEW_PARSE_SHARE``:
``auto``, the default; ``off``; ``all`` for tests). Sharing balances the two processes: on
30,000 generated records the child reads a fifth to a quarter of them and the stage takes 9-22%
less time than with a child that only checks (benchmarks/README.md).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import struct
import subprocess
import sys
import xml.parsers.expat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .parse_reference import open_xml

if TYPE_CHECKING:
    from collections.abc import Callable

    from .parse import RecordSharer

try:
    import fcntl
except ImportError:  # not on Windows; the pipe keeps its size there
    fcntl = None  # type: ignore[assignment]
try:
    import termios
except ImportError:  # no FIONREAD: the child then reads no records in "auto" mode
    termios = None  # type: ignore[assignment]

READ_SIZE = 1 << 18  # 256 KiB reads
CHILD_MIN_BYTES = 8 << 20  # files this large (on disk) are checked in a child process
PIPE_SIZE = 1 << 20  # the child may run this far ahead of the parser
PROLOG_LIMIT = 1 << 20  # a root not started within 1 MiB: the parser reads the file by reference
CHECKER_ENV = "LDN_REVIEW_PARSE_CHECKER"  # "inline" or "process" overrides the size rule
SHARE_ENV = "LDN_REVIEW_PARSE_SHARE"  # the child reads records: "auto" (default), "off", "all"
SHARE_MODES = ("auto", "off", "all")
# In "auto", the child reads a record itself while the parser has at least this much of its
# output waiting in the pipe, i.e. while the parser, not the child, is the slower one.
SHARE_BACKLOG = PIPE_SIZE // 2


class CheckerError(Exception):
    """The XML is malformed; ``index`` is the byte offset of the error, ``detail`` the message
    ElementTree gives for it."""

    def __init__(self, detail: str, index: int) -> None:
        super().__init__(detail)
        self.detail = detail
        self.index = index


class Checker:
    """A handler-less expat parser proving a stream well-formed, configured as ElementTree's.

    ElementTree reports an undefined entity (in a document with an external DTD, where expat
    itself only skips it) from its own handler; ``SkippedEntityHandler`` gives the same error
    here. Until the root element starts, the XML declaration, the DOCTYPE and the root are noted
    (``encoding``, ``internal_subset``, ``root``, ``root_index``).
    """

    def __init__(self) -> None:
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
        # Newer expat may defer parsing of small chunks; every fed byte must be checked at once.
        if hasattr(self.parser, "SetReparseDeferralEnabled"):
            self.parser.SetReparseDeferralEnabled(False)
        self.parser.SkippedEntityHandler = self._skipped_entity
        self.parser.XmlDeclHandler = self._xml_decl
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.StartElementHandler = self._root_start
        self.encoding: str | None = None
        self.internal_subset = False
        self.root: str | None = None
        self.root_index = -1
        self.fed = 0
        self.finished = False

    def _xml_decl(self, version: str, encoding: str | None, standalone: int) -> None:
        self.encoding = encoding

    def _doctype(
        self, name: str, system_id: str | None, public_id: str | None, internal: int
    ) -> None:
        self.internal_subset = self.internal_subset or bool(internal)

    def _root_start(self, name: str, attributes: object) -> None:
        self.root, self.root_index = name, self.parser.CurrentByteIndex
        self.parser.StartElementHandler = None  # from here on, no Python call per element

    def _skipped_entity(self, name: str, is_parameter_entity: bool) -> None:
        if is_parameter_entity:
            return
        p = self.parser
        # ElementTree's message: the reference as written, cut at 100 bytes
        reference = f"&{name};".encode()[:100].decode("utf-8", "replace")
        raise CheckerError(
            f"undefined entity {reference}: line {p.CurrentLineNumber}, "
            f"column {p.CurrentColumnNumber}",
            p.CurrentByteIndex,
        )

    def feed(self, data: bytes, final: bool = False) -> None:
        """Check the next ``data`` (``final`` at the end); raises CheckerError at an error."""
        if self.finished:
            return
        self.finished = final
        try:
            self.parser.Parse(data, final)
        except xml.parsers.expat.ExpatError as exc:
            raise CheckerError(str(exc), self.parser.ErrorByteIndex) from exc
        finally:
            self.fed += len(data)

    def close(self) -> None:
        """Nothing to release (a child checker stops its process)."""


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def use_child(path: Path) -> bool:
    """Whether to check ``path`` in a child process: a large file and more than one core."""
    choice = os.environ.get(CHECKER_ENV, "")
    if choice in ("inline", "process"):
        return choice == "process"
    try:
        return path.stat().st_size >= CHILD_MIN_BYTES and usable_cpus() > 1
    except OSError:
        return False


_HEADER = struct.Struct(">cQ")  # frame kind, payload length
_SHARED = struct.Struct(">QQ")  # a shared record's start and end-tag offsets, before its Article


class ChildStream(io.RawIOBase):
    """The bytes of the file ``path``, decompressed and checked by a child process.

    A binary stream (what the child has checked, in order) and the checker of what it returns
    (the interface of :class:`Checker`): since every byte it returns is already checked,
    ``feed`` only raises the child's error, at the end of the stream, which ends just before the
    error, exactly where the check in this process would have stopped the parser. If the child
    cannot be started or fails (a damaged gzip stream, say), this stream opens the file itself,
    checks again from the start up to where it was, and goes on in this process, so the parser
    meets the same bytes and the same exceptions as without a child.
    """

    def __init__(self, path: Path, source_file: str | None = None) -> None:
        super().__init__()
        self.path = path
        # records the child read, by the stream offset of their end tag: (offset of the record's
        # first byte after the previous record, encoded Article); see parse.RecordSharer
        self.shared: dict[int, tuple[int, bytes]] = {}
        self.sharing = True  # False once the parser reads no more records of its own split
        self.fed = 0
        self.delivered = 0  # bytes returned by read()
        self.pending = b""  # checked bytes received from the child, not yet returned
        self.error: CheckerError | None = None
        self.done = False
        self.own: BinaryIO | None = None  # the file, read here after a failure of the child
        self.inline: Checker | None = None
        package_parent = str(Path(__file__).resolve().parents[1])
        code = (
            f"import sys; sys.path.insert(0, {package_parent!r}); "
            "import ldn_review.parse_check as c; c.main()"
        )
        share = os.environ.get(SHARE_ENV, "auto")
        share = share if share in SHARE_MODES else "auto"
        args = [str(path), "--share", share, "--read-size", str(READ_SIZE)]
        if source_file is not None:
            args += ["--label", source_file]
        try:
            self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-I", "-c", code, *args],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, ValueError, TypeError):  # no usable interpreter: read() reads the file
            self.proc = None
        self._widen_pipe()

    def _widen_pipe(self) -> None:
        """Let the child run ahead: a pipe holds 64 KiB, less than one chunk, so the child would
        wait for the parser after each one; 1 MiB (Linux's default limit) holds four."""
        setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
        if setsize is None or self.proc is None or self.proc.stdout is None:
            return
        with contextlib.suppress(OSError):
            fcntl.fcntl(self.proc.stdout.fileno(), setsize, PIPE_SIZE)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.own is not None:
            return self.own.read(size)
        while not self.pending and self.error is None and not self.done:
            frame = self._frame()
            if frame is None:
                self._take_over()
                return self.read(size)
            kind, payload = frame
            if kind == b"C":
                self.pending = payload
            elif kind == b"R":
                if self.sharing:
                    start, end = _SHARED.unpack_from(payload)
                    self.shared[end] = (start, payload[_SHARED.size :])
            elif kind == b"E":
                index, detail = json.loads(payload)
                self.error = CheckerError(detail, index)
            else:
                self.done = True
        out = self.pending if size < 0 else self.pending[:size]
        self.pending = self.pending[len(out) :]
        self.delivered += len(out)
        return out

    def _frame(self) -> tuple[bytes, bytes] | None:
        """The child's next frame; None if it stopped without a verdict."""
        pipe = self.proc.stdout if self.proc is not None else None
        header = pipe.read(_HEADER.size) if pipe is not None else b""
        if len(header) < _HEADER.size:
            return None
        kind, length = _HEADER.unpack(header)
        payload = pipe.read(length) if pipe is not None and length else b""
        if len(payload) < length or kind not in (b"C", b"R", b"E", b"D"):
            return None
        return kind, payload

    def _take_over(self) -> None:
        """Read the file here from now on: reopen it, skip what was delivered, and check again
        what the parser has had checked so far."""
        self._stop()

        own = open_xml(self.path)
        skipped = 0
        while skipped < self.delivered:
            chunk = own.read(min(READ_SIZE, self.delivered - skipped))
            if not chunk:
                break
            skipped += len(chunk)
        self.own = own
        self.inline = self._checked_up_to(self.fed)

    def _checked_up_to(self, size: int) -> Checker:
        """A Checker that has checked the first ``size`` bytes of the file."""

        checker = Checker()
        with open_xml(self.path) as stream:
            while checker.fed < size:
                chunk = stream.read(min(READ_SIZE, size - checker.fed))
                if not chunk:
                    break
                checker.feed(chunk)
        return checker

    def adopt(self, size: int) -> None:
        """The parser has checked the first ``size`` bytes itself (its prolog); ``feed`` goes on
        from there."""
        self.fed = size
        if self.inline is not None and self.inline.fed < size:
            self.inline = self._checked_up_to(size)

    def feed(self, data: bytes, final: bool = False) -> None:
        """The parser's check of what ``read`` returned (see the class docstring)."""
        if self.inline is not None:
            self.inline.feed(data, final)
            return
        self.fed += len(data)
        if final and self.error is not None:
            raise self.error

    def stop_sharing(self) -> None:
        """The parser will take no more of the child's records (it handed the rest of the file to
        the reference parser): drop those received and those still to come."""
        self.sharing = False
        self.shared.clear()

    def reopened(self) -> BinaryIO:
        """The file from its start, read in this process (for the reference parser)."""
        self._stop()

        return open_xml(self.path)

    def _stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def close(self) -> None:
        """Stop the child process (it may still be reading) and close the file if opened here."""
        self._stop()
        if self.own is not None:
            self.own.close()
        super().close()


def main(argv: list[str] | None = None) -> int:
    """The child process: check one file and write what it accepted, then the verdict, as
    frames (kind, length, payload) on stdout: ``C`` checked bytes, ``R`` a record it read itself
    (offsets and encoded Article, always before the ``C`` frame holding the record's end tag),
    ``E`` [index, message] of the first error, ``D`` the end. A failure to read (a damaged gzip
    stream) just ends the output.

    Usage: ``FILE [--share auto|off|all] [--label SOURCE_FILE] [--read-size BYTES]``. With
    ``auto`` it reads a record whenever the parser has at least ``SHARE_BACKLOG`` bytes of its
    output still to read (the parser is then the slower process; reading a record here saves it
    most of that record's cost), with ``all`` every record it can (for tests), with ``off`` none.
    """

    args = sys.argv[1:] if argv is None else argv
    options = dict(zip(args[1::2], args[2::2], strict=False))
    share = options.get("--share", "off")
    label = options.get("--label", args[0])
    read_size = int(options.get("--read-size", READ_SIZE))
    out = sys.stdout.buffer

    def frame(kind: bytes, payload: bytes) -> None:
        out.write(_HEADER.pack(kind, len(payload)))
        out.write(payload)

    wanted = _backlog_test(out.fileno()) if share == "auto" else lambda: True
    checker = Checker()
    sharer = None
    head: list[bytes] | None = [] if share in ("auto", "all") else None

    def checked(data: bytes) -> None:
        """Send ``data``, which the check accepted, after the records ending in it."""
        nonlocal sharer, head
        if head is not None:  # the prolog: the sharer starts behind the root's start tag
            head.append(data)
            if checker.root is not None or checker.fed > PROLOG_LIMIT:
                try:
                    sharer = _sharer(checker, b"".join(head), label)
                except Exception:  # noqa: BLE001 - no sharing, the check goes on
                    sharer = None
                head = None
        elif sharer is not None:
            try:
                shared = sharer.feed(data, wanted)
            except Exception:  # noqa: BLE001 - a failure to share must not stop the check
                sharer, shared = None, []
            for start, end, article in shared:
                frame(b"R", _SHARED.pack(start, end) + article)
        frame(b"C", data)
        out.flush()

    with contextlib.suppress(Exception), open_xml(Path(args[0])) as stream:
        while True:
            chunk = stream.read(read_size)
            start = checker.fed
            try:
                checker.feed(chunk, final=not chunk)
            except CheckerError as exc:
                checked(chunk[: max(0, exc.index - start)])
                frame(b"E", json.dumps([exc.index, exc.detail]).encode())
                break
            if not chunk:
                frame(b"D", b"")
                break
            checked(chunk)
    out.flush()
    return 0


def _sharer(checker: Checker, head: bytes, label: str) -> RecordSharer | None:
    """The record reader of the child, for the bytes after ``head``; None when the parser will
    not read this file on its fast path (then it reads none of the child's records)."""
    from .parse import RecordSharer, fast_prolog  # the parser imports this module

    found = fast_prolog(checker, head) if checker.root is not None else None
    if found is None:
        return None
    prefix, layout = found
    sharer = RecordSharer(len(prefix), layout, label)
    sharer.feed(head[len(prefix) :], lambda: False)  # records already in the head stay the parser's
    return sharer


def _backlog_test(fd: int) -> Callable[[], bool]:
    """Whether the parser has ``SHARE_BACKLOG`` bytes of the pipe ``fd`` still to read (never,
    where the pipe's fill level cannot be asked)."""
    request = getattr(termios, "FIONREAD", None) if termios is not None else None
    if fcntl is None or request is None:
        return lambda: False
    size = bytearray(4)

    def wanted() -> bool:
        try:
            fcntl.ioctl(fd, request, size)
        except OSError:
            return False
        return int.from_bytes(size, sys.byteorder) >= SHARE_BACKLOG

    return wanted


if __name__ == "__main__":
    raise SystemExit(main())
