"""Helpers of the browser tests (importable as ``browser_hilfen``; the conftests re-export them)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTEFAKTE = ROOT / "test-artifacts" / "screenshots"
DOKU = ROOT / "docs" / "screenshots"
#: The Pflege password of the test server (its hash is set in the server's environment).
PASSWORT = "e2e-Testpasswort-Pflege"


def fertig(page, timeout: int = 30_000) -> None:
    """Wait until the app has finished its script run and drawn the result."""
    page.wait_for_timeout(200)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') "
        "=== 'notRunning' && document.querySelector('h1')", timeout=timeout)
    page.wait_for_timeout(500)


def hauptbereich_scrollen(page, y: int) -> None:
    page.evaluate("(y) => document.querySelector('[data-testid=stMain]').scrollTo(0, y)", y)
    page.wait_for_timeout(400)


def bild(page, name: str) -> Path:
    """Screenshot of the viewport into test-artifacts/, and a small (256-colour) copy into docs/screenshots/."""
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    DOKU.mkdir(parents=True, exist_ok=True)
    ziel = ARTEFAKTE / f"{name}.png"
    page.screenshot(path=str(ziel))
    try:
        from PIL import Image

        with Image.open(ziel) as im:
            im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
                DOKU / f"{name}.png", optimize=True)
    except ImportError:  # pragma: no cover - Pillow comes with Streamlit
        shutil.copy(ziel, DOKU / f"{name}.png")
    return ziel
