"""Articles as compact bytes, for records a child process reads on the parser's behalf.

When the parser is the slower of the two processes reading a large file (see
:mod:`ldn_review.parse_check`), the checker child reads some of the records itself and sends them
along. An :class:`~ldn_review.models.Article` goes through the pipe as a :mod:`marshal` dump of
its field values in declaration order (nested values as tuples of theirs, dates as ordinals):
about half the cost of loading a pickle of the dataclasses (11 against 23 µs per generated
record), and it round-trips every value exactly (``tests/test_parse_share.py`` checks this on
every field of real records).

Both ends run the same source (the child is started from this package), so the layout needs no
version; a change of :class:`~ldn_review.models.Article` changes both ends at once.
"""

from __future__ import annotations

import datetime as dt
import marshal
from dataclasses import fields
from operator import attrgetter
from typing import Any

from .models import AbstractSection, Article, CommentCorrection, MeshHeading

_NAMES = tuple(f.name for f in fields(Article))
# Fields holding lists of small dataclasses, and the dataclass of each.
_NESTED: dict[str, type[Any]] = {
    "abstract_sections": AbstractSection,
    "mesh_headings": MeshHeading,
    "comments_corrections": CommentCorrection,
}
_DATES = ("created_date", "date_revised")
_ALL = attrgetter(*_NAMES)
_NESTED_AT = tuple((_NAMES.index(name), kind) for name, kind in _NESTED.items())
_NESTED_GET = tuple((at, attrgetter(*(f.name for f in fields(kind)))) for at, kind in _NESTED_AT)
_DATES_AT = tuple(_NAMES.index(name) for name in _DATES)
_MARSHAL_VERSION = 3  # version 4's references make loading slower, not smaller enough to matter


def encode_article(article: Article) -> bytes:
    """The bytes :func:`decode_article` turns back into an equal Article."""
    values: list[Any] = list(_ALL(article))
    for at, get in _NESTED_GET:
        if values[at]:
            values[at] = list(map(get, values[at]))
    for at in _DATES_AT:
        if values[at] is not None:
            values[at] = values[at].toordinal()
    return marshal.dumps(values, _MARSHAL_VERSION)


def decode_article(data: bytes) -> Article:
    """The Article :func:`encode_article` made ``data`` from."""
    values = marshal.loads(data)
    for at, kind in _NESTED_AT:
        if values[at]:
            values[at] = [kind(*item) for item in values[at]]
    for at in _DATES_AT:
        if values[at] is not None:
            values[at] = dt.date.fromordinal(values[at])
    return Article(*values)
