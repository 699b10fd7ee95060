"""Helpers of the browser tests (importable as ``browser_hilfen``; the conftests re-export them)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTEFAKTE = ROOT / "test-artifacts" / "screenshots"
DOKU = ROOT / "docs" / "screenshots"
#: The test server's accounts (created with ``kita-netz nutzer add … --passwort-stdin`` before it starts):
#: role -> (name, password, Fachkraft).
KONTEN = {"fachkraft": ("e2e.fachkraft", "e2e-Passwort-Fachkraft", "fk-01"),
          "koordination": ("e2e.koordination", "e2e-Passwort-Koordination", None)}


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


def anmelden(page, rolle: str) -> None:
    """Sign in as the test account of ``rolle`` on the page „Anmelden“ (reached through the sidebar link, so the
    browser keeps its session); afterwards the sidebar says who is signed in."""
    name, passwort, _ = KONTEN[rolle]
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Anmelden").click()
    fertig(page)
    page.get_by_label("Benutzername").fill(name)
    page.get_by_label("Passwort", exact=True).fill(passwort)
    page.get_by_role("button", name="Anmelden").click()
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Abmelden").wait_for(timeout=20_000)
    fertig(page)


def zur_seite(page, name: str) -> None:
    """Open a page through its sidebar link (a click, not a new URL: the session and its sign-in stay)."""
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=name, exact=True).click()
    fertig(page)
