"""One base exception, specific subclasses; every message says what to do next."""

from __future__ import annotations


class LdnReviewError(Exception):
    """Base class of every error ldn-review raises on purpose."""


class ConfigError(LdnReviewError):
    """A setting or environment variable is missing or invalid."""


class EutilsError(LdnReviewError):
    """An E-utilities request failed or returned something that is not a valid answer."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class EutilsHTTPError(EutilsError):
    """The server answered with a non-retryable status, or retries were exhausted."""


class EutilsPayloadError(EutilsError):
    """HTTP 200 but the body is HTML, empty, truncated, or carries <ERROR>/<ErrorList>."""


class CountMismatchError(EutilsError):
    """The number of records fetched differs from the Count that ESearch announced."""


class HistoryLostError(EutilsPayloadError):
    """NCBI's history server no longer holds the result set (the WebEnv expired or was dropped):
    EFetch answers ``<ERROR>Unable to obtain query #1</ERROR>``. The search must be run again."""


class RawStoreError(LdnReviewError):
    """The raw store refused a write (it never overwrites) or found a damaged file."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class ParseError(LdnReviewError):
    """A PubMed XML file or record could not be parsed."""

    def __init__(self, message: str, *, path: str | None = None, pmid: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.pmid = pmid


class ClaimsFileError(LdnReviewError):
    """A claims TOML file is malformed; the message names the line and key."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.key = key


class RunLockedError(LdnReviewError):
    """Another ldn-review run holds the data directory's lock."""


class TableError(LdnReviewError):
    """A curated table failed validation against its schema and was not written."""


class ExtractionWorkerError(LdnReviewError):
    """An extraction worker process of a rebuild died (killed, or out of memory)."""


class ReportWriteError(LdnReviewError):
    """The run published its tables (``runs`` records it as a success) but could not move its
    staged report into place. No failed row is added: the tables are complete and correct."""
