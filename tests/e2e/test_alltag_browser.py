"""Everyday use in a real browser (issue 15): results on the first screen (desktop and phone), languages on the
cards, phone numbers whole in print, the Excel file of a result, German file uploader without Streamlit's menu,
and a date typed as TT.MM.JJJJ in Pflege. Screenshots in docs/screenshots/."""

from __future__ import annotations

import io

import openpyxl
import pytest
from browser_hilfen import anmelden, bild, fertig, hauptbereich_scrollen, marke, zur_seite

pytestmark = pytest.mark.browser


def _kontext(browser, **optionen):
    """A browser context whose pages :func:`browser_hilfen.fertig` can watch (``kontext``, where it exists)."""
    try:
        from browser_hilfen import kontext
    except ImportError:  # older helpers: a plain context
        return browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "de-DE", **optionen})
    return kontext(browser, **optionen)


def _erste_karte_oben(page) -> float:
    """Top of the first result card, in viewport pixels."""
    karte = page.locator('[class*="st-key-karte_0"]').first
    karte.wait_for(timeout=30_000)
    return karte.bounding_box()["y"]


@pytest.mark.parametrize("name, groesse", [("wegweiser", (1280, 900)), ("wegweiser-handy", (390, 844))])
def test_ergebnisse_auf_dem_ersten_bildschirm(browser, server, name, groesse):
    ctx = _kontext(browser, viewport={"width": groesse[0], "height": groesse[1]}, is_mobile=groesse[0] < 500,
                   has_touch=groesse[0] < 500)
    try:
        page = ctx.new_page()
        page.goto(server["url"] + "/?sr=sr-kastellaun")
        fertig(page)
        oben = _erste_karte_oben(page)
        assert oben < groesse[1] - 80, f"erste Karte beginnt bei {oben:.0f} px"  # its name on the first screen
        karte = page.locator('[class*="st-key-karte_0"]').first
        assert "Sprachen: " in karte.inner_text()  # issue 15.5: on the card, not folded away
        page.get_by_label("Suche in Namen und Beschreibungen").wait_for()
        page.get_by_role("combobox", name="In der Nähe von (Gemeinde oder Kita)").wait_for()
        bild(page, name)
        # after a filter change the results are still on the first screen
        page.get_by_label("Suche in Namen und Beschreibungen").fill("beratung")
        m = marke(page)
        page.get_by_label("Suche in Namen und Beschreibungen").press("Enter")
        fertig(page, seit=m)
        assert _erste_karte_oben(page) < groesse[1] - 80
    finally:
        ctx.close()


def test_druckliste_telefon_einzeilig_und_excel(seite):
    page = seite
    page.goto(page.app_url + "/?ansicht=Druckliste&ort=g:07140144&art=Beratung")
    fertig(page)
    tabelle = page.locator("[data-testid=stTable] table").first
    tabelle.wait_for(timeout=30_000)
    spalten = [t.strip() for t in tabelle.locator("thead th").all_inner_texts()]
    i = spalten.index("Telefon")
    page.emulate_media(media="print")
    zellen = tabelle.locator(f"tbody tr td:nth-child({i + 1}), tbody tr th:nth-child({i + 1})")
    hoehe_name = tabelle.locator("tbody tr").first.bounding_box()["height"]
    for n in range(min(zellen.count(), 8)):
        zelle = zellen.nth(n)
        text = zelle.inner_text().strip()
        if not text:
            continue
        # one line: all pieces of the text within a few pixels of the same height (fonts may differ per glyph)
        tops = zelle.evaluate("(el) => { const r = document.createRange(); r.selectNodeContents(el); "
                              "return [...r.getClientRects()].filter(x => x.width > 0).map(x => x.top); }")
        assert max(tops) - min(tops) < 6, (text, tops, hoehe_name)
    hauptbereich_scrollen(page, 0)
    bild(page, "wegweiser-druckliste")  # as printed: filters hidden, phone numbers on one line
    page.emulate_media(media="screen")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Als Excel herunterladen").click()
    ws = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    assert info.value.suggested_filename.endswith(".xlsx") and ws.max_row > 3
    assert [c.value for c in ws[2]][:3] == ["Name", "Art", "Themen"]


def test_upload_deutsch_ohne_streamlit_menue(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    zur_seite(page, "Pflege")
    page.get_by_role("radio", name="Import").click(force=True)
    fertig(page)
    feld = page.locator('[data-testid="stFileUploader"]')
    feld.wait_for(timeout=30_000)
    feld.get_by_text("Dateien auswählen").wait_for(timeout=10_000)
    text = feld.inner_text()
    assert "Upload" not in text and "per file" not in text, text  # the limit is said in German, or not at all
    assert feld.locator("input[type=file]").get_attribute("aria-label") == "Datei hochladen"
    assert page.locator('[data-testid="stMainMenu"]').is_hidden()  # Print / Record screen / Made with Streamlit
    feld.scroll_into_view_if_needed()
    bild(page, "pflege-import")


def test_datum_tippen_tt_mm_jjjj(seite):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    zur_seite(page, "Pflege")
    page.get_by_role("radio", name="Kitas").click(force=True)
    fertig(page)
    page.locator(".st-key-pf_kitas_wahl").click()
    page.get_by_role("option").nth(3).click()
    fertig(page)
    feld = page.get_by_role("group", name="Fachkraft zuständig seit")
    feld.scroll_into_view_if_needed()
    feld.get_by_role("spinbutton").first.click()  # the day; typing moves on to month and year
    page.keyboard.type("01.12.2026")
    page.get_by_role("button", name="Änderungen speichern").click()
    page.get_by_text("wurde gespeichert").wait_for(timeout=30_000)
    fertig(page)  # the run that saved also draws the form again: read the field once it is there
    feld.get_by_role("spinbutton").nth(2).wait_for()
    werte = [t.strip() for t in feld.get_by_role("spinbutton").all_inner_texts()]
    assert werte == ["01", "12", "2026"], werte  # shown TT.MM.JJJJ
    assert feld.get_by_role("spinbutton").first.get_attribute("aria-label") == "Tag, Fachkraft zuständig seit"
    feld.scroll_into_view_if_needed()
    bild(page, "pflege-datum")
