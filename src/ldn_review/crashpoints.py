"""Named points where a test can have the process killed, to prove crash safety.

Set ``LDN_REVIEW_CRASH_AT=<point>[:<nth>]`` and the process sends itself SIGKILL the nth time (default
first) it reaches that point. Unset (always, outside tests) this costs one dict lookup.
Points: ``fetch-saved`` (a response body was just saved), ``parse`` (a record was just parsed),
``table-written`` (a table of the new generation was just written), ``before-publish``.
"""

from __future__ import annotations

import os
import signal

ENV_VAR = "LDN_REVIEW_CRASH_AT"
_hits: dict[str, int] = {}


def crash_point(name: str) -> None:
    spec = os.environ.get(ENV_VAR)
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
