"""Every page in a real browser: key content, offline, no console errors, and user text that stays text.

Screenshots go to ``test-artifacts/screenshots/`` and (small copies) to ``docs/screenshots/``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from browser_hilfen import (
    GEMALT,
    ankreuzen,
    anmelden,
    aufklappen,
    bild,
    fertig,
    hauptbereich_scrollen,
    marke,
    parameter,
    zur_seite,
)

pytestmark = pytest.mark.browser

SOZIALRAEUME = ("Boppard", "Hunsrück-Mittelrhein", "Kastellaun", "Kirchberg (Hunsrück)", "Simmern-Rheinböllen")
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_TEXT = '<img src=y onerror="window.kitaXss=1"><script>window.kitaXss=2</script> Sonne & Mond'


def netzrahmen(page):
    """The network frame (an ``srcdoc`` iframe of the app's origin) once vis-network has drawn."""
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stIFrame"]')].some(f => {
        try { return !!(f.contentWindow.kitaNetz && f.contentDocument.querySelector('canvas')); } catch (e) { return false; }
      })""", timeout=30_000)
    for f in page.frames:
        if f != page.main_frame and f.evaluate("() => !!(window.kitaNetz && document.querySelector('canvas'))"):
            return f
    raise AssertionError("Kein Netzwerk-Rahmen mit vis-network-Canvas gefunden")


def test_wegweiser_suche_url_karte_druck(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    assert page.locator("h1").all_inner_texts() == ["Wegweiser"]
    sozialraum = page.get_by_role("radiogroup", name="Sozialraum")
    for name in SOZIALRAEUME:
        assert sozialraum.get_by_role("radio", name=name, exact=True).is_visible(), name
    assert page.get_by_text("Demodaten (fiktiv)").is_visible()
    bild(page, "wegweiser")

    suche = page.get_by_label("Suche in Namen und Beschreibungen")
    suche.fill("familienberatung")
    m = marke(page)
    suche.press("Enter")
    fertig(page, seit=m)
    karte = page.get_by_role("heading", name="Familien- und Erziehungsberatung Simmern")
    assert karte.first.is_visible()
    assert "q" not in parse_qs(urlparse(page.url).query)  # search text only on request (issue 17)
    aufklappen(page, "Weitere Filter:")  # the checkbox sits in the folded „Weitere Filter“
    ankreuzen(page, "Suchtext in den Link übernehmen (zum Teilen)")
    parameter(page, "q", "familienberatung")
    assert parse_qs(urlparse(page.url).query)["q"] == ["familienberatung"]

    # a shared link reopens with the same filters
    m = marke(page)
    page.get_by_role("radiogroup", name="Sozialraum").get_by_role("radio", name="Kastellaun").click()
    fertig(page, seit=m)
    parameter(page, "sr", "sr-kastellaun")
    geteilt = page.url
    assert "sr=sr-kastellaun" in geteilt and "q=familienberatung" in geteilt
    treffer = page.get_by_role("heading", name=re.compile(r"\d+ Angebote? gefunden")).inner_text()
    page.goto(geteilt)
    fertig(page)
    assert page.get_by_label("Suche in Namen und Beschreibungen").input_value() == "familienberatung"
    assert page.get_by_role("heading", name=re.compile(r"\d+ Angebote? gefunden")).inner_text() == treffer
    hauptbereich_scrollen(page, 640)
    bild(page, "wegweiser-suche")

    m = marke(page)
    page.get_by_role("radio", name=re.compile("Karte")).click()
    fertig(page, seit=m)
    parameter(page, "ansicht", "Karte")
    page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    assert page.get_by_text("Die Karte zeigt").is_visible()
    assert "ansicht=Karte" in page.url
    hauptbereich_scrollen(page, 620)
    bild(page, "wegweiser-karte")

    page.get_by_role("radio", name=re.compile("Druckliste")).click()
    fertig(page)
    page.locator('[data-testid="stTable"]').first.wait_for()  # the print list's table, once drawn
    page.emulate_media(media="print")
    page.locator('[data-testid="stSidebar"]').wait_for(state="hidden")
    bild(page, "wegweiser-druckliste")
    page.emulate_media(media="screen")


def test_netzwerk_mit_canvas_spielt_wachstum_ab(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "fachkraft")
    zur_seite(page, "Netzwerk")
    assert page.locator("h1").all_inner_texts() == ["Netzwerk"]
    rahmen = netzrahmen(page)
    assert rahmen.evaluate("() => kitaNetz.knoten.length") > 300
    assert rahmen.locator("canvas").count() == 1
    assert rahmen.evaluate("() => [...document.scripts].every(s => !s.src)")  # everything inline
    hauptbereich_scrollen(page, 420)
    bild(page, "netzwerk")

    stand_heute = rahmen.locator("#stand").inner_text()
    rahmen.evaluate("""() => { window.staende = []; const s = document.getElementById('stand');
        new MutationObserver(() => window.staende.push(s.textContent)).observe(s, {childList: true, subtree: true,
                                                                                  characterData: true}); }""")
    rahmen.get_by_role("button", name="▶ Abspielen seit 2021").click()
    rahmen.wait_for_function("() => window.staende.length >= 3")  # it plays on, quarter by quarter
    rahmen.get_by_role("button", name="Anhalten").click()
    staende = rahmen.evaluate("() => window.staende")
    assert ".2021:" in staende[0] and staende[1] != staende[0], staende[:3]
    assert rahmen.locator("#stand").inner_text() != stand_heute

    hauptbereich_scrollen(page, 1350)
    bild(page, "netzwerk-wachstum")


def test_analyse_mit_heatmap_und_luecken(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    zur_seite(page, "Analyse")
    assert page.locator("h1").all_inner_texts() == ["Analyse"]
    assert page.get_by_role("heading", name="Abdeckung: Sozialraum × Thema").is_visible()
    heatmap = page.locator('[data-testid="stVegaLiteChart"]').first
    heatmap.locator("canvas, svg").first.wait_for()
    assert heatmap.bounding_box()["height"] > 400
    bild(page, "analyse")
    page.get_by_role("heading", name="Lücken und Empfehlungen").scroll_into_view_if_needed()
    assert page.get_by_text("Empfohlen: Kooperation mit").first.is_visible()
    hauptbereich_scrollen(page, page.evaluate(
        "() => document.querySelector('[data-testid=stMain]').scrollTop") + 300)
    bild(page, "analyse-luecken")


def test_pflege_gesperrt_und_angemeldet_xss_bleibt_text(seite):
    page = seite
    page.goto(page.app_url + "/pflege")
    fertig(page)
    assert page.get_by_text("Diese Seite ist nur für").is_visible()
    assert page.get_by_label("Kennung *").count() == 0  # refused
    anmelden(page, "koordination")
    zur_seite(page, "Pflege")

    page.get_by_role("radio", name="Angebote").click()
    fertig(page)
    rid = page.get_by_label("Kennung *").input_value()
    page.get_by_label("Name *").fill(XSS_NAME)
    page.get_by_label("Art *").click()
    page.get_by_role("option", name="Beratung", exact=True).click()
    page.get_by_label("Beschreibung").fill(XSS_TEXT)
    bild(page, "pflege")
    page.get_by_role("button", name="Angebot anlegen").click()
    fertig(page)
    assert page.get_by_text(f"Angebot „{XSS_NAME}“ wurde angelegt.").is_visible()

    # Wegweiser: the name is the card's heading, character for character; no element was created from it
    page.goto(page.app_url + "/?q=onerror")
    fertig(page)
    titel = page.get_by_role("heading", name=XSS_NAME, exact=True)
    assert titel.is_visible() and titel.inner_text() == XSS_NAME
    assert page.get_by_text(XSS_TEXT, exact=True).is_visible()
    assert page.locator('img[src="x"], img[src="y"]').count() == 0
    assert page.evaluate("() => window.kitaXss") is None
    hauptbereich_scrollen(page, 520)
    bild(page, "wegweiser-xss-als-text")

    # Netzwerk (only Beratung, as a shared link): label and tooltip carry the same text, no img, no flag.
    # The new URL is a new session, still signed in (the sign-in cookie, issue 15.4): the link opens directly.
    page.goto(page.app_url + "/netzwerk?zeigen=Beratung")
    fertig(page)
    assert page.get_by_text("Bitte melden Sie sich an.").count() == 0
    assert page.locator("h1").all_inner_texts() == ["Netzwerk"] and "zeigen=Beratung" in page.url
    rahmen = netzrahmen(page)
    knoten = rahmen.evaluate("(id) => { const n = kitaNetz.knoten.get(id); "
                             "return n && {label: n.label, tip: n.title.firstChild.textContent}; }", rid)
    assert knoten["label"] == XSS_NAME
    assert knoten["tip"] == XSS_NAME
    hauptbereich_scrollen(page, 420)
    rahmen.evaluate("(id) => kitaNetz.netz.focus(id, {scale: 1.6, animation: false})", rid)
    rahmen.evaluate(GEMALT)  # the canvas has drawn the new view
    canvas = page.frame_locator('[data-testid="stIFrame"]').locator("canvas")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = rahmen.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().splitlines()[0] == XSS_NAME
    assert rahmen.locator("img").count() == 0
    assert rahmen.evaluate("() => window.kitaXss") is None
    assert page.evaluate("() => window.kitaXss") is None
    bild(page, "netzwerk-tooltip")
