"""The HTML report renders in headless Chromium with its claims table and figures.

Skipped when no Chromium binary is found, unless ``LDN_REQUIRE_BROWSER=1`` (then it fails).
Set ``LDN_SAVE_SCREENSHOT=1`` to also copy the screenshot to ``data/reports/screenshot.png``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ldn_review import report

from .test_report import build_inputs, parse_tags

BROWSER_TIMEOUT_S = 120
WINDOW = "1400,3000"
SCREENSHOT_COPY = Path(__file__).resolve().parents[1] / "data" / "reports" / "screenshot.png"


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """The Chromium binary; skip without one, or fail if LDN_REQUIRE_BROWSER=1."""
    binary = find_chromium()
    if binary is None:
        reason = "no chromium binary on PATH (install the Debian package 'chromium')"
        if os.environ.get("LDN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}, and LDN_REQUIRE_BROWSER=1 requires it")
        pytest.skip(reason)
    return binary


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
        f"--window-size={WINDOW}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S,
                          check=False)


@pytest.mark.slow
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    chromium = require_chromium()
    paths = report.render_report(build_inputs(), tmp_path / "reports")
    url = paths.html.resolve().as_uri()
    screenshot = tmp_path / "screenshot.png"

    shot = run_chromium(chromium, tmp_path / "profile-shot", f"--screenshot={screenshot}", url)
    assert screenshot.is_file() and screenshot.stat().st_size > 10_000, shot.stderr[-2000:]

    dom = run_chromium(chromium, tmp_path / "profile-dom", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    tags = parse_tags(dom.stdout)
    assert any(t == "table" and a.get("id") == "claims-table" for t, a in tags)
    images = [a for t, a in tags if t == "img" and (a.get("src") or "").startswith("data:")]
    assert len(images) + sum(t == "svg" for t, _ in tags) >= 4
    assert "RETRACTED" in dom.stdout and "<script" not in dom.stdout

    if os.environ.get("LDN_SAVE_SCREENSHOT") == "1":
        SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(screenshot, SCREENSHOT_COPY)
