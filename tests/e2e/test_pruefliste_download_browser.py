"""In a real browser: the review list of the page Pflege (keyboard: tick, stamp) and the network downloads of the
page Netzwerk (a GEXF file with spells as the browser saves it). Screenshots in docs/screenshots/."""

from __future__ import annotations

import re

import pytest
from a11y_hilfen import aufgeklappt, beruhigt, fokus, oeffnen, tab_bis
from browser_hilfen import bild, marke

pytestmark = pytest.mark.browser


def test_pruefliste_heute_geprueft_mit_der_tastatur(seite):
    page = seite
    oeffnen(page, "Pflege", "koordination")
    kopf = page.locator("summary", has_text="Prüfliste:")
    vorher = int(re.search(r"Prüfliste: (\d+)", kopf.inner_text()).group(1))
    assert vorher > 0
    f, _ = tab_bis(page, lambda f: f["tag"] == "SUMMARY" and f["name"].startswith("Prüfliste:"))
    page.keyboard.press("Enter")
    aufgeklappt(page)
    f, _ = tab_bis(page, lambda f: f["typ"] == "checkbox" and "geprüft" in f["name"])
    eintrag = f["name"]
    page.keyboard.press("Space")
    f, _ = tab_bis(page, lambda f: f["tag"] == "INPUT" and f["name"].startswith("Geprüft von"))
    assert page.get_by_label("Geprüft von (Stelle, keine Person)").input_value() == "Kreisjugendamt"
    f, _ = tab_bis(page, lambda f: f["tag"] == "BUTTON" and "heute als geprüft markieren" in f["name"])
    m = marke(page)
    page.keyboard.press("Enter")
    beruhigt(page, seit=m)
    meldung = page.get_by_text(re.compile(r"1 Eintrag als heute geprüft markiert \(„Kreisjugendamt“"))
    assert meldung.is_visible()
    nachher = int(re.search(r"Prüfliste: (\d+)", page.locator("summary", has_text="Prüfliste:").inner_text()).group(1))
    assert nachher == vorher - 1
    assert page.get_by_role("checkbox", name=eintrag).count() == 0
    page.locator("summary", has_text="Prüfliste:").scroll_into_view_if_needed()
    bild(page, "pflege-pruefliste")
    assert fokus(page) is None or fokus(page)["sichtbar"]


def test_netzwerk_herunterladen_im_browser(seite):
    page = seite
    oeffnen(page, "Netzwerk", "fachkraft")
    page.get_by_role("heading", name="Netzwerk herunterladen").scroll_into_view_if_needed()
    knopf = page.get_by_role("button", name=re.compile("GEXF für Gephi"))
    with page.expect_download() as dl:
        knopf.click()
    datei = dl.value
    assert re.fullmatch(r"kooperationsnetz_\d{4}-\d\d-\d\d\.gexf", datei.suggested_filename), datei.suggested_filename
    inhalt = open(datei.path(), "rb").read()
    assert inhalt.startswith(b"<?xml") and b'mode="dynamic"' in inhalt and b"start=" in inhalt
    with page.expect_download() as dl:
        page.get_by_role("button", name=re.compile(r"Kumu \(JSON\)")).click()
    assert dl.value.suggested_filename.endswith("_kumu.json")
    page.mouse.move(0, 0)
    bild(page, "netzwerk-herunterladen")
