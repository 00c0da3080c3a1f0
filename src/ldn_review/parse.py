"""Streaming parser for PubMed XML: ``PubmedArticleSet`` (EFetch and the annual baseline) and the
older ``MedlineCitationSet``.

How a stream is read
--------------------
The stream is read in chunks. Each chunk first goes to a handler-less expat parser, the
*checker*: it keeps no tree and calls no Python code, it only proves the XML well-formed (and
raises exactly where ElementTree would, with the same message). The chunk is then appended to a
small buffer, split into records at their end tags with ``bytes.find``, and each complete record
is read by :mod:`ldn_review.parse_fast` straight from its bytes. Memory holds one chunk and one
partial record, however large the file. For files of 8 MB and more, a child process
(:class:`~ldn_review.parse_check.ChildStream`) decompresses the file and runs the checker, and
passes on only the bytes it accepted; this process then only splits and reads records, and on
a machine with a free core gzip and the check cost it no time. When this process is the slower
of the two, the child also reads records itself (:class:`RecordSharer`) and sends them ahead of
their bytes; such a record is taken only for exactly the byte range it was read from, so the
records are those this process would have read (about one in four on generated files).

Only what the checker has already accepted is read, so the fast reader may rely on well-formed
input; when the checker fails, the records that ended before the error are still yielded (as the
reference parser yields them) and a :class:`ParseError` naming the file and the last good PMID is
raised.

The reference parser (:mod:`ldn_review.parse_reference`, ElementTree) handles everything the fast
path is not sure about, with identical results:

* a whole file, when its prolog is unusual (another encoding than UTF-8, an internal DTD subset,
  which may declare entities or default attributes, a root that is not a plain record set), when
  it is empty or broken before its first record;
* one record, when the fast reader refuses it (a comment or CDATA in it, an unknown entity, an
  unusual shape): the record's bytes are parsed on their own, behind the file's own prolog and
  root start tag, which gives the tree it has in the whole file;
* the rest of a file, when records are not laid out as a flat sequence (text or unknown elements
  between records, records nested in records); the checker keeps running on the real stream so
  errors still name the right line and PMID.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from . import parse_fast
from .errors import ParseError
from .models import Article, Deletion
from .parse_check import PROLOG_LIMIT, Checker, CheckerError, ChildStream, use_child
from .parse_fields import find_registry_ids
from .parse_reference import (
    RECORD_SET_TAGS,
    damaged_gzip_error,
    malformed_error,
    open_error,
    open_xml,
    sniff_root,
)
from .parse_reference import iter_stream_records as reference_stream_records
from .parse_share import decode_article, encode_article

# The parse stage's public names; the reference parser and the shared field readers are imported
# from their own modules (parse_reference, parse_fields).
__all__ = [
    "RECORD_SET_TAGS",
    "find_registry_ids",
    "iter_bytes_records",
    "iter_file_records",
    "iter_records",
    "iter_stream_records",
    "open_xml",
    "sniff_root",
]

READ_SIZE = 1 << 18  # 256 KiB reads for the fast path: ~25 records each, still flat in memory
_RECORD = Article | Deletion


def _compile(pattern: bytes) -> re.Pattern[bytes]:
    return re.compile(parse_fast.compat(pattern.decode("ascii")).encode("ascii"))


_W = rb"[ \t\n\r]*"
_ANY_ATTRS = rb"(?:[ \t\n\r]++[A-Za-z_:][-\w.:]*[ \t\n\r]*=[ \t\n\r]*(?:\"[^\"]*+\"|'[^']*+'))*+"
# A record's start tag: the attributes may not declare a default namespace (it would rename the
# elements inside in the reference's tree).
_USED_ATTRS = (
    rb"(?:[ \t\n\r]++(?!xmlns[ \t\n\r=])[A-Za-z_:][-\w.:]*[ \t\n\r]*=[ \t\n\r]*"
    rb"(?:\"[^\"]*+\"|'[^']*+'))*+"
)
# Between records: whitespace, comments and processing instructions, which the reference ignores.
_GAP = rb"(?:[ \t\n\r]++|<!--(?:[^-]++|-(?!-))*+-->|<\?(?:[^?]++|\?(?!>))*+\?>)*+"
_START_TAG_RE = _compile(rb"<[A-Za-z_:][-\w.:]*" + _ANY_ATTRS + _W + rb"(/?)>")
_RECORD_NAMES = (b"PubmedArticle", b"MedlineCitation", b"DeleteCitation", b"PubmedBookArticle")
_SEGMENT_START_RE = _compile(
    _GAP + rb"<(" + b"|".join(_RECORD_NAMES) + rb")(" + _USED_ATTRS + rb")" + _W + rb">"
)


class _Layout:
    """What records look like under one root: the common record and the end tags of all."""

    def __init__(self, root: bytes) -> None:
        self.top_level_citations = root == b"MedlineCitationSet"
        self.root = root
        self.common = b"MedlineCitation" if self.top_level_citations else b"PubmedArticle"
        self.common_end = b"</" + self.common + b">"
        self.common_start = _compile(
            _GAP + b"<" + self.common + b"(" + _USED_ATTRS + b")" + _W + b">"
        )
        # In a PubmedArticleSet, the MedlineCitation inside each PubmedArticle ends no record.
        names = (
            _RECORD_NAMES
            if self.top_level_citations
            else tuple(n for n in _RECORD_NAMES if n != b"MedlineCitation")
        )
        self.any_end = re.compile(rb"</(" + b"|".join(names) + rb")" + _W + rb">")


def fast_prolog(checker: Checker, head: bytes) -> tuple[bytes, _Layout] | None:
    """The prefix (prolog and root start tag) and layout of a file the fast path may read, from
    ``head``, the bytes ``checker`` has checked until the root element started; None when the
    file is the reference parser's."""
    if checker.root not in ("PubmedArticleSet", "MedlineCitationSet") or checker.internal_subset:
        return None  # other roots (and their errors) are the reference's business
    if checker.encoding is not None and checker.encoding.lower() != "utf-8":
        return None
    if head[:2] in (b"\xfe\xff", b"\xff\xfe") or b"\x00" in head[:4]:
        return None  # UTF-16 or UTF-32 without a declaration
    match = _START_TAG_RE.match(head, checker.root_index)
    if match is None or match.group(1):
        return None  # an empty root (<PubmedArticleSet/>): the reference says the rest
    return head[: match.end()], _Layout(checker.root.encode())


def read_common(
    layout: _Layout, buf: bytes, start: re.Match[bytes], end: int, source_file: str | None
) -> Article | None:
    """The record of the common kind whose start tag is ``start`` and whose end tag starts at
    ``end``; raises when the fast reader is unsure (the caller falls back)."""
    if layout.top_level_citations:
        return parse_fast.read_medline_citation(buf, start.end(), end, start.group(1), source_file)
    return parse_fast.read_pubmed_article(buf, start.end(), end, source_file)


class RecordSharer:
    """The checker child's side of sharing the reading (see :mod:`ldn_review.parse_check`).

    Fed the bytes the child has checked, in order, it finds the records of the common kind as
    the parser's split finds them and reads those ``wanted()`` approves, giving each as
    (stream offset of the record's first byte after the previous record, offset of its end tag,
    encoded Article). The parser uses such a record only for exactly that byte range, so what it
    yields is what it would have read itself; a record the fast reader refuses is not shared.
    """

    def __init__(self, prefix_len: int, layout: _Layout, source_file: str | None) -> None:
        self.layout = layout
        self.source_file = source_file
        self.buf = b""
        self.offset = prefix_len  # stream offset of buf[0]
        self.shared = 0

    def feed(self, data: bytes, wanted: Callable[[], bool]) -> list[tuple[int, int, bytes]]:
        self.buf += data
        buf, layout, offset = self.buf, self.layout, self.offset
        common_end, common_start = layout.common_end, layout.common_start
        out = []
        pos = 0
        while True:
            end = buf.find(common_end, pos)
            if end < 0:
                break
            begin = pos
            start = common_start.match(buf, pos, end)
            if start is None:
                # deletions or books before it: the parser's split moves past each, so the
                # record starts after the last of them
                others = [m.end() for m in layout.any_end.finditer(buf, pos, end)]
                if others:
                    begin = others[-1]
                    start = common_start.match(buf, begin, end)
            if start is not None and wanted():
                try:
                    record = read_common(layout, buf, start, end, self.source_file)
                except Exception:  # noqa: BLE001 - the parser reads (or refers) it itself
                    record = None
                if record is not None:
                    out.append((offset + begin, offset + end, encode_article(record)))
            pos = end + len(common_end)
        # Past the last record of any kind: a run of deletions or books, with no record of the
        # common kind, must not pile up here (the parser's next record starts there too).
        ends = [m.end() for m in layout.any_end.finditer(buf, pos)]
        if ends:
            pos = ends[-1]
        self.buf = buf[pos:]
        self.offset = offset + pos
        self.shared += len(out)
        return out


class _Handover(Exception):
    """The rest of the stream, from buffer position ``pos`` on, goes to the reference parser."""

    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


class _Replay(io.RawIOBase):
    """A binary stream replaying ``head`` and then the rest of ``stream``.

    With a ``checker``, every byte taken from ``stream`` is checked first; at an error, only the
    bytes before it are passed on (then the stream ends) and the error is kept in ``error``.
    """

    def __init__(
        self, head: bytes, stream: BinaryIO, checker: Checker | ChildStream | None = None
    ) -> None:
        super().__init__()
        self.head = head
        self.stream = stream
        self.checker = checker
        self.error: CheckerError | None = None
        self.drained = False  # the stream ended early because of ``error``

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            return out
        if self.error is not None:
            self.drained = True
            return b""
        chunk = self.stream.read(size if size and size > 0 else READ_SIZE)
        if self.checker is not None:
            start = self.checker.fed
            try:
                self.checker.feed(chunk, final=not chunk)
            except CheckerError as exc:
                self.error = exc
                return chunk[: max(0, exc.index - start)]
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _StreamReader:
    """Reads the records of one stream: fast path, per-record fallback, handover (see module)."""

    def __init__(self, stream: BinaryIO, source_file: str | None) -> None:
        self.stream = stream
        self.source_file = source_file
        self.checker: Checker | ChildStream = Checker()
        self.last_pmid: str | None = None
        self.fallbacks = 0  # records the fast reader refused (for tests and benchmarks)
        self.shared = 0  # records the checker child read (for tests and benchmarks)
        self.prefix = b""  # the prolog and root start tag, before each record read on its own
        self.root_end = b""
        self.layout: _Layout | None = None

    # -- the prolog ------------------------------------------------------------------------

    def records(self) -> Iterator[_RECORD]:
        head, error = self._read_prolog()
        if error is not None or not self._fast_prolog(head):
            if isinstance(self.stream, ChildStream):  # the reference reads the file itself
                with self.stream.reopened() as own:
                    yield from reference_stream_records(own, self.source_file)
                return
            replay = _Replay(head, self.stream)
            yield from reference_stream_records(replay, self.source_file)  # type: ignore[arg-type]
            return
        if isinstance(self.stream, ChildStream):  # from here on, its bytes come checked
            self.stream.adopt(self.checker.fed)
            self.checker = self.stream
        yield from self._records(head)

    def _read_prolog(self) -> tuple[bytes, CheckerError | None]:
        """Bytes read until the root element has started (or the stream ended or failed)."""
        chunks: list[bytes] = []
        size = 0
        assert isinstance(self.checker, Checker)
        while self.checker.root is None and size < PROLOG_LIMIT:
            chunk = self._read()
            chunks.append(chunk)
            size += len(chunk)
            try:
                self.checker.feed(chunk, final=not chunk)
            except CheckerError as exc:
                return b"".join(chunks), exc
            if not chunk:
                break
        return b"".join(chunks), None

    def _fast_prolog(self, head: bytes) -> bool:
        """Whether the fast path may read this file; sets the prefix and layout if so."""
        assert isinstance(self.checker, Checker)
        found = fast_prolog(self.checker, head)
        if found is None:
            return False
        self.prefix, self.layout = found
        self.root_end = b"</" + self.layout.root + b">"
        return True

    # -- the records -----------------------------------------------------------------------

    def _read(self) -> bytes:
        """The next READ_SIZE bytes (fewer at the end), however little each read returns: the
        buffer is searched once per chunk, so tiny reads must not make that quadratic."""
        data = self.stream.read(READ_SIZE)
        if not data or len(data) >= READ_SIZE:
            return data
        parts, size = [data], len(data)
        while size < READ_SIZE:
            more = self.stream.read(READ_SIZE - size)
            if not more:
                break
            parts.append(more)
            size += len(more)
        return b"".join(parts)

    def _records(self, head: bytes) -> Iterator[_RECORD]:
        buf = head[len(self.prefix) :]
        offset = len(self.prefix)  # stream offset of buf[0]
        while True:
            chunk = self._read()
            error: CheckerError | None = None
            try:
                self.checker.feed(chunk, final=not chunk)
            except CheckerError as exc:
                error = exc
            buf += chunk
            # only what the checker accepted is read: at an error, the records ending before it
            limit = len(buf) if error is None else max(0, error.index - offset)
            try:
                pos = yield from self._split(buf, limit, offset)
            except _Handover as handover:
                yield from self._handover(buf, handover.pos, offset, error)
                return
            if error is not None:
                raise malformed_error(self.source_file, self.last_pmid, error.detail)
            if not chunk:
                return
            buf = buf[pos:]
            offset += pos

    def _split(self, buf: bytes, limit: int, offset: int) -> Generator[_RECORD, None, int]:
        """Yield the complete records of ``buf[:limit]``; return where the unread rest starts.

        Records of the common kind are found with ``bytes.find`` of their end tag; anything else
        (deletions, books, text or other elements between records) with a search for the end
        tag of any record. What is left after the last complete record either is the start of
        the next one or, at the end of the file, holds no complete record. ``offset`` is the
        stream offset of ``buf[0]``: a record the checker child has read for exactly the same
        bytes (``shared``, keyed by the offset of its end tag) is taken as it is.
        """
        layout = self.layout
        assert layout is not None
        pos = 0
        common_end, end_len = layout.common_end, len(layout.common_end)
        citations = layout.top_level_citations
        source_file = self.source_file
        shared = self.stream.shared if isinstance(self.stream, ChildStream) else None
        while True:
            end = buf.find(common_end, pos, limit)
            if end >= 0:
                start = layout.common_start.match(buf, pos, end)
                if start is not None:
                    if shared:
                        item = shared.pop(offset + end, None)
                        if item is not None and item[0] == offset + pos:
                            article = decode_article(item[1])
                            if article.source_file == source_file:  # (the child's label)
                                self.last_pmid = article.pmid
                                self.shared += 1
                                yield article
                                pos = end + end_len
                                continue
                    try:  # this runs for every record: kept inline
                        if citations:
                            record: _RECORD | None = parse_fast.read_medline_citation(
                                buf, start.end(), end, start.group(1), source_file
                            )
                        else:
                            record = parse_fast.read_pubmed_article(
                                buf, start.end(), end, source_file
                            )
                    except Exception:  # noqa: BLE001 - anything unsure goes to the reference
                        yield from self._fallback(buf, pos, end + end_len, layout.common)
                    else:
                        if record is not None:
                            self.last_pmid = record.pmid  # type: ignore[union-attr]
                            yield record
                    pos = end + end_len
                    continue
            found = layout.any_end.search(buf, pos, limit)
            if found is None:
                if shared is not None and len(shared) > 1024:  # records it will never meet
                    for stale in [at for at in shared if at < offset + pos]:
                        del shared[stale]
                return pos
            yield from self._other(buf, pos, found)
            pos = found.end()

    def _other(self, buf: bytes, pos: int, found: re.Match[bytes]) -> Iterator[_RECORD]:
        """A record found by its end tag: a DeleteCitation, a book, or an unusual layout."""
        name = found.group(1)
        start = _SEGMENT_START_RE.match(buf, pos, found.start())
        if start is None or start.group(1) != name:
            raise _Handover(pos)
        try:
            if name == b"DeleteCitation":
                yield parse_fast.read_deletion(buf, start.end(), found.start(), self.source_file)
                return
            if name == b"PubmedBookArticle":
                parse_fast.check_book_article(buf, start.end(), found.start())
                return
            raise parse_fast.Unsupported("record of this kind under this root")
        except Exception:  # noqa: BLE001 - anything unsure goes to the reference parser
            yield from self._fallback(buf, pos, found.end(), name)

    def _fallback(self, buf: bytes, pos: int, seg_end: int, name: bytes) -> Iterator[_RECORD]:
        """Parse one record with the reference parser, behind the file's prolog and root tag.

        The record's bytes are a complete element of the root only if no element of its own name
        starts inside it (the first end tag would then close the inner one) and no comment,
        CDATA section or processing instruction in it could hold the end tag it was split at;
        otherwise the rest of the file is handed over.
        """
        segment = buf[pos:seg_end]
        first = segment.find(b"<" + name)
        inner = re.compile(rb"<" + name + rb"[ \t\n\r/>]").search(segment, first + 1)
        if inner is not None or b"<!" in segment[first:] or b"<?" in segment[first:]:
            raise _Handover(pos)
        self.fallbacks += 1
        document = self.prefix + segment + self.root_end
        for record in reference_stream_records(io.BytesIO(document), self.source_file):
            if isinstance(record, Article):
                self.last_pmid = record.pmid
            yield record

    def _handover(
        self, buf: bytes, pos: int, offset: int, error: CheckerError | None
    ) -> Iterator[_RECORD]:
        """The reference parser reads the rest, from ``buf[pos:]`` on, behind the prefix; the
        checker goes on checking the real stream and supplies the error, if any."""
        if isinstance(self.stream, ChildStream):
            self.stream.stop_sharing()  # no split of ours will ask for the child's records
        if error is not None:
            rest = buf[pos : max(pos, error.index - offset)]
            replay = _Replay(self.prefix + rest, io.BytesIO(b""))
            replay.error = error
        else:
            replay = _Replay(self.prefix + buf[pos:], self.stream, self.checker)
        try:
            for record in reference_stream_records(replay, self.source_file):  # type: ignore[arg-type]
                if isinstance(record, Article):
                    self.last_pmid = record.pmid
                yield record
        except ParseError:
            if not replay.drained:  # the reference's own error, before the checker's
                raise
        if replay.error is not None:
            raise malformed_error(self.source_file, self.last_pmid, replay.error.detail)


def iter_stream_records(
    stream: BinaryIO, source_file: str | None = None
) -> Iterator[Article | Deletion]:
    """Yield Articles and Deletions from a binary stream, one record at a time.

    Raises :class:`ParseError` naming the file and the last good PMID when the XML is malformed or
    truncated, and when the root element is not a PubMed record set.
    """
    return _StreamReader(stream, source_file).records()


def iter_bytes_records(data: bytes, source_file: str | None = None) -> Iterator[Article | Deletion]:
    return iter_stream_records(io.BytesIO(data), source_file)


def iter_file_records(path: Path, source_file: str | None = None) -> Iterator[Article | Deletion]:
    """Stream the records of one file (``.xml`` or ``.xml.gz``)."""
    label = source_file or str(path)
    try:
        stream = open_xml(path)
        if use_child(path):  # large files: a child process decompresses and checks them
            stream.close()
            stream = ChildStream(path, label)  # type: ignore[assignment]
    except OSError as exc:
        raise open_error(label, exc) from exc
    with stream:
        try:
            yield from iter_stream_records(stream, label)
        except (OSError, EOFError) as exc:  # damaged gzip stream
            raise damaged_gzip_error(label, exc) from exc


def iter_records(paths: Path | Iterable[Path]) -> Iterator[Article | Deletion]:
    """Records of one or several files, in order."""
    if isinstance(paths, Path):
        paths = [paths]
    for path in paths:
        yield from iter_file_records(path)
