"""Roles in a real browser: the navigation of each role, the German refusal of a page opened by URL, sign-in with
forwarding to the wanted page, and the pages Anmelden, Nutzer and Protokoll (screenshots in docs/screenshots/).

The accounts are created by the e2e conftest with ``kita-netz nutzer add … --passwort-stdin`` before the app
starts (tests/e2e/browser_hilfen.py: ``KONTEN``).
"""

from __future__ import annotations

import pytest
from browser_hilfen import KONTEN, anmelden, bild, fertig, hauptbereich_scrollen, parameter, zur_seite

pytestmark = pytest.mark.browser

ALLE = ["Wegweiser", "Vermittlung", "Netzwerk", "Analyse", "Sozialraumkonzept", "Pflege", "Nutzer", "Protokoll"]


def menue(page) -> list[str]:
    """The page links of the sidebar, once the menu is drawn (every role has at least one)."""
    links = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]')
    links.first.wait_for(timeout=30_000)
    return [t.strip() for t in links.all_inner_texts()]


def abmelden_knopf(page):
    return page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Abmelden")


def test_oeffentlich_sieht_wegweiser_und_anmelden(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    assert menue(page) == ["Wegweiser", "Anmelden"]
    assert abmelden_knopf(page).count() == 0
    # a Kita's Kita-Sozialarbeit: the office, not the person
    page.goto(page.app_url + "/?zeige=Kitas&sr=sr-simmern-rheinboellen")
    fertig(page)
    haupt = page.locator('[data-testid="stMain"]')
    assert haupt.get_by_text("Kita-Sozialarbeit des Kreisjugendamts").first.is_visible()
    assert haupt.get_by_text("Julia Hoffmann").count() == 0  # fk-01 of the demo data


@pytest.mark.parametrize("pfad", ["/analyse", "/analyse?rolle=koordination&nutzer=e2e.koordination", "/nutzer",
                                  "/protokoll", "/pflege"])
def test_seite_per_adresse_wird_deutsch_verweigert(seite, pfad):
    page = seite
    page.goto(page.app_url + pfad)
    fertig(page)
    haupt = page.locator('[data-testid="stMain"]')
    assert haupt.get_by_text("Bitte melden Sie sich an.").is_visible()
    assert haupt.get_by_text("Diese Seite ist nur für").is_visible()
    assert page.get_by_text("Page not found").count() == 0 and page.get_by_text("page not found").count() == 0
    assert menue(page) == ["Wegweiser", "Anmelden"]
    assert page.locator('[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"]').count() == 0
    if pfad == "/analyse":
        bild(page, "analyse-verweigert")


def test_anmelden_als_fachkraft(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Anmelden").click()
    fertig(page)
    assert page.locator("h1").all_inner_texts() == ["Anmelden"]
    page.get_by_label("Benutzername").fill(KONTEN["fachkraft"][0])
    page.get_by_label("Passwort", exact=True).fill("falsches-passwort")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_text("Benutzername oder Passwort ist falsch.").wait_for(timeout=15_000)  # after the delay
    assert page.get_by_label("Passwort", exact=True).input_value() == ""
    bild(page, "anmelden")

    page.get_by_label("Benutzername").fill(KONTEN["fachkraft"][0])
    page.get_by_label("Passwort", exact=True).fill(KONTEN["fachkraft"][1])
    page.get_by_role("button", name="Anmelden").click()
    abmelden_knopf(page).wait_for(timeout=20_000)
    fertig(page)
    assert page.locator("h1").all_inner_texts() == ["Wegweiser"]
    assert menue(page) == ["Wegweiser", "Vermittlung", "Netzwerk", "Pflege"]
    assert page.locator('[data-testid="stSidebar"]').get_by_text("Angemeldet als e2e.fachkraft (Fachkraft)").is_visible()

    zur_seite(page, "Pflege")
    bereiche = page.get_by_role("radiogroup", name="Bereich").get_by_role("radio").all_inner_texts()
    assert [b.strip() for b in bereiche] == ["Kooperationen", "Angebot vorschlagen"]
    assert page.get_by_text("Ihre Kitas:").is_visible()
    bild(page, "pflege-fachkraft")

    abmelden_knopf(page).click()
    fertig(page)
    assert menue(page) == ["Wegweiser", "Anmelden"]


def test_verweigert_dann_anmelden_und_weiter_zur_seite(seite):
    page = seite
    page.goto(page.app_url + "/netzwerk?sr=sr-kastellaun")
    fertig(page)
    assert page.get_by_text("Diese Seite ist nur für Fachkräfte der Kita-Sozialarbeit und die Koordination.",
                            exact=False).is_visible()
    page.locator('[data-testid="stMain"]').get_by_role("link", name="Zur Anmeldung").click()
    fertig(page)
    page.get_by_label("Benutzername").fill(KONTEN["fachkraft"][0])
    page.get_by_label("Passwort", exact=True).fill(KONTEN["fachkraft"][1])
    page.get_by_role("button", name="Anmelden").click()
    abmelden_knopf(page).wait_for(timeout=20_000)
    fertig(page)
    assert page.locator("h1").all_inner_texts() == ["Netzwerk"]
    parameter(page, "sr", "sr-kastellaun")
    assert "/netzwerk" in page.url and "sr=sr-kastellaun" in page.url


def test_koordination_sieht_alles_nutzer_und_protokoll(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    assert menue(page) == ALLE

    zur_seite(page, "Nutzer")
    assert page.locator("h1").all_inner_texts() == ["Nutzer"]
    tabelle = page.locator('[data-testid="stDataFrame"]').first
    tabelle.wait_for()
    assert page.get_by_role("heading", name="Konten (2)").is_visible()
    assert "argon2" not in page.content()
    bild(page, "nutzer")

    zur_seite(page, "Protokoll")
    assert page.locator("h1").all_inner_texts() == ["Protokoll"]
    page.get_by_role("heading", name="Ein Eintrag im Einzelnen").wait_for()
    # the page's own download (the tables' toolbars say „Als CSV herunterladen“ too since issue 15.8)
    assert page.locator('[data-testid="stDownloadButton"]').get_by_role("button", name="Als CSV herunterladen").is_visible()
    bild(page, "protokoll")
    hauptbereich_scrollen(page, 700)
    bild(page, "protokoll-eintrag")
