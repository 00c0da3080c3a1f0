"""Shared test fixtures. Tests run offline; those reading ../shared skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO_RAW = ROOT / "data" / "demo" / "raw"

# Keep Prefect's home and database inside the project for the flow tests.
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (real NCBI samples and the LDN corpus); skipped when absent, as on a user's machine."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the project")
    return SHARED


@pytest.fixture(scope="session")
def ncbi_samples(shared_dir: Path) -> Path:
    path = shared_dir / "ncbi-samples"
    if not path.is_dir():
        pytest.skip("../shared/ncbi-samples is not present")
    return path


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
