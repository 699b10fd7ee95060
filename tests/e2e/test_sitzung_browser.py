"""Staying signed in (issue 15, point 4) in a real browser: reload and a new tab keep the sign-in, the cookie is
HttpOnly and names a server-side record, „Abmelden“ deletes it, „Überall abmelden“ ends the other tabs too.
The security argument: docs/zugang.md („Angemeldet bleiben“)."""

from __future__ import annotations

import pytest
from browser_hilfen import KONTEN, anmelden, bild, fertig, zur_seite

from network.zugang.sitzungen import COOKIE

pytestmark = pytest.mark.browser


def _kontext(browser, **optionen):
    """A browser context whose pages :func:`browser_hilfen.fertig` can watch (``kontext``, where it exists)."""
    try:
        from browser_hilfen import kontext
    except ImportError:  # older helpers: a plain context
        return browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "de-DE", **optionen})
    return kontext(browser, **optionen)


def angemeldet_als(page) -> str:
    leiste = page.locator('[data-testid="stSidebar"]')
    leiste.get_by_text("Angemeldet als").wait_for(timeout=20_000)
    return leiste.get_by_text("Angemeldet als").inner_text()


def abgemeldet(page) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Anmelden").wait_for(timeout=20_000)


def test_neu_laden_und_neuer_tab_bleiben_angemeldet(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "fachkraft")
    name = KONTEN["fachkraft"][0]
    assert name in angemeldet_als(page)
    keks = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert keks["httpOnly"] and keks["sameSite"] == "Lax" and keks["expires"] == -1  # ends with the browser
    assert "." in keks["value"] and COOKIE not in page.evaluate("document.cookie")  # scripts cannot read it
    assert "code=" not in page.url and keks["value"] not in page.url  # no token in the address
    # reload: a new Streamlit session, still signed in
    page.reload()
    fertig(page)
    assert name in angemeldet_als(page)
    # a link opened in a new tab (same browser): signed in, on the linked page with its filters
    tab = page.context.new_page()
    tab.goto(page.app_url + "/netzwerk?sr=sr-kastellaun")
    fertig(tab)
    assert name in angemeldet_als(tab)
    assert tab.get_by_role("heading", name="Netzwerk", level=1).is_visible()
    assert tab.get_by_text("Diese Seite ist nur für").count() == 0
    bild(tab, "sitzung-neuer-tab")
    # „Abmelden“ in the first tab deletes the cookie and ends the record: the other tab is out at its next action
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Abmelden").click()
    abgemeldet(page)
    fertig(page)
    assert not [c for c in page.context.cookies() if c["name"] == COOKIE]
    page.reload()
    fertig(page)
    abgemeldet(page)
    zur_seite(tab, "Wegweiser")
    abgemeldet(tab)
    tab.close()


def test_ueberall_abmelden_beendet_andere_browser(browser, seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    anderer = _kontext(browser)  # another browser
    zweite = anderer.new_page()
    try:
        zweite.goto(page.app_url + "/")
        fertig(zweite)
        anmelden(zweite, "koordination")
        page.goto(page.app_url + "/anmelden")  # a new URL: the cookie keeps the sign-in
        fertig(page)
        bild(page, "anmelden-angemeldet")
        page.get_by_role("button", name="Überall abmelden").click()
        abgemeldet(page)
        zur_seite(zweite, "Wegweiser")  # its next action
        abgemeldet(zweite)
        assert zweite.get_by_text("Ihre Anmeldung ist abgelaufen oder wurde beendet").is_visible()
    finally:
        anderer.close()


def test_gefaelschter_keks_meldet_niemanden_an(seite):
    page = seite
    page.context.add_cookies([{"name": COOKIE, "value": "erfunden.0000", "url": page.app_url}])
    page.goto(page.app_url + "/analyse")
    fertig(page)
    assert page.get_by_text("Diese Seite ist nur für").is_visible()
    abgemeldet(page)
