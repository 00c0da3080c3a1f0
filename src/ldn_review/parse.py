"""Streaming parser for PubMed XML: ``PubmedArticleSet`` (EFetch and the annual baseline) and the
older ``MedlineCitationSet``.

The parser lives in :mod:`ldn_review.parse_reference` (ElementTree) with the field logic in
:mod:`ldn_review.parse_fields`; this module is the public entry point.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .models import Article, Deletion
from .parse_fields import (
    KEPT_CORRECTION_TYPES,
    MONTHS,
    NCT_RE,
    OTHER_REGISTRY_RE,
    REGISTRY_DATABANKS,
    RETRACTED_TYPES,
    RETRACTION_NOTICE_TYPES,
    SEASONS,
    content_hash,
    find_registry_ids,
)
from .parse_reference import (
    CHUNK_SIZE,
    RECORD_SET_TAGS,
    _take_events,
    iter_bytes_records,
    iter_file_records,
    iter_stream_records,
    open_xml,
    parse_citation,
    parse_pub_date,
    sniff_root,
)

__all__ = [
    "CHUNK_SIZE",
    "KEPT_CORRECTION_TYPES",
    "MONTHS",
    "NCT_RE",
    "OTHER_REGISTRY_RE",
    "RECORD_SET_TAGS",
    "REGISTRY_DATABANKS",
    "RETRACTED_TYPES",
    "RETRACTION_NOTICE_TYPES",
    "SEASONS",
    "_take_events",
    "content_hash",
    "find_registry_ids",
    "iter_bytes_records",
    "iter_file_records",
    "iter_records",
    "iter_stream_records",
    "open_xml",
    "parse_citation",
    "parse_pub_date",
    "sniff_root",
]


def iter_records(paths: Path | Iterable[Path]) -> Iterator[Article | Deletion]:
    """Records of one or several files, in order."""
    if isinstance(paths, Path):
        paths = [paths]
    for path in paths:
        yield from iter_file_records(path)
