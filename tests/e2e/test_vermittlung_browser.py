"""Page Vermittlung in a real browser: pick Kita and Thema, results with reasons, download the handout (a PDF).

Uses the session server and the page fixture of ``tests/e2e/conftest.py`` (offline, no console errors).
"""

from __future__ import annotations

import io
import re

import pytest
from browser_hilfen import marke
from conftest import anmelden, bild, fertig, hauptbereich_scrollen, zur_seite
from pypdf import PdfReader

pytestmark = pytest.mark.browser


def waehlen(page, label: str, text: str) -> None:
    """Type into a Streamlit selectbox/multiselect and take the first match."""
    feld = page.get_by_role("combobox", name=label)
    feld.click()
    feld.fill(text)
    page.get_by_role("option").first.wait_for()  # the filtered list is open
    m = marke(page)
    page.keyboard.press("Enter")
    fertig(page, seit=m)


def test_vermittlung_finden_erklaeren_handzettel(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "fachkraft")  # the page is for staff; links keep the session (a new URL would sign out)
    zur_seite(page, "Vermittlung")
    assert page.locator("h1").all_inner_texts() == ["Vermittlung"]
    assert page.get_by_text("Über die Familie wird hier nichts gespeichert").is_visible()

    waehlen(page, "Kita", "Hildegard Altweidelbach")
    waehlen(page, "Wobei braucht die Familie Hilfe?", "Erziehungs- und Familienberatung")
    page.keyboard.press("Escape")
    kopf = page.get_by_role("heading", name=re.compile(r"^\d+ passende Angebote?$"))
    kopf.wait_for(timeout=30_000)
    assert int(kopf.inner_text().split()[0]) > 0
    erste = page.get_by_role("heading", name=re.compile(r"^1\. "))
    assert erste.is_visible()
    assert page.get_by_text(re.compile(r"km entfernt \(Luftlinie\)|aufsuchend – kommt zu Ihnen")).first.is_visible()

    # choose two results for the sheet
    auswahl = page.get_by_text("Für den Handzettel", exact=True)
    auswahl.nth(0).click()
    fertig(page)
    auswahl.nth(1).click()
    fertig(page)
    hauptbereich_scrollen(page, 0)
    bild(page, "vermittlung")

    knopf = page.get_by_role("button", name="Handzettel herunterladen (PDF)")
    knopf.scroll_into_view_if_needed()
    assert knopf.is_enabled()
    with page.expect_download(timeout=60_000) as info:
        knopf.click()
    download = info.value
    assert download.suggested_filename == "handzettel-de.pdf"
    pdf = open(download.path(), "rb").read()
    assert pdf[:5] == b"%PDF-"
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Hilfe und Beratung für Ihre Familie" in text and "Kath. Kita St. Hildegard Altweidelbach" in text
    fertig(page)
    knopf.scroll_into_view_if_needed()
    bild(page, "vermittlung-handzettel")
