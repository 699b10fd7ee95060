"""Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7) and no meaning by colour alone (1.4.1), in a real browser.

Every step uses ``page.keyboard`` – no mouse. At each step the focused element is checked (its role or tag and
its name), and every element that receives the focus on the way must show it (an outline or a box-shadow; for
form fields on the frame drawn around them).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from a11y_hilfen import aufgeklappt, beruhigt, fokus, oeffnen, tab_bis
from browser_hilfen import bild, marke, parameter

pytestmark = pytest.mark.browser


def treffer(page) -> int:
    kopf = page.get_by_role("heading", name=re.compile(r"^\d+ (Angebote?|Kitas?) gefunden$")).inner_text()
    return int(kopf.split()[0])


def test_wegweiser_nur_mit_der_tastatur(seite):
    page = seite
    page.goto(page.app_url + "/")
    beruhigt(page)

    # 1. The first stop is Streamlit's skip link to the main content (bypass the menu).
    f, _ = tab_bis(page, lambda f: True, max_schritte=1)
    assert f["tag"] == "A" and f["href"] == "#stMain", f

    # 2. Sozialraum: a group of radio buttons; arrows move, Enter chooses.
    f, weg = tab_bis(page, lambda f: f["rolle"] == "radio" and f["name"] == "Boppard")
    assert any(w["tag"] == "A" and w["name"] == "Wegweiser" for w in weg), "das Menü liegt auf dem Weg"
    alle = treffer(page)
    m = marke(page)  # the arrow keys may already choose; the run they ask for is sent a moment later
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    f = fokus(page)
    assert f["rolle"] == "radio" and f["name"] == "Kastellaun" and f["sichtbar"], f
    page.keyboard.press("Enter")
    beruhigt(page, seit=m)
    f = fokus(page)
    assert f["name"] == "Kastellaun" and f["gedrueckt"] == "true", f  # the focus stays where it was
    kastellaun = treffer(page)
    assert 0 < kastellaun < alle
    parameter(page, "sr", "sr-kastellaun")
    assert parse_qs(urlparse(page.url).query)["sr"] == ["sr-kastellaun"]

    # 3. Free text: typed, Enter.
    f, _ = tab_bis(page, lambda f: f["tag"] == "INPUT" and f["name"] == "Suche in Namen und Beschreibungen")
    page.keyboard.type("beratung")
    m = marke(page)
    page.keyboard.press("Enter")
    beruhigt(page, seit=m)
    beratung = treffer(page)
    assert 0 < beratung < kastellaun

    # 4. More filters: the expander opens with Enter, a checkbox toggles with Space.
    f, _ = tab_bis(page, lambda f: f["tag"] == "SUMMARY" and f["name"].startswith("Weitere Filter"))
    page.keyboard.press("Enter")
    aufgeklappt(page)
    assert fokus(page)["offen"] is True
    f, _ = tab_bis(page, lambda f: f["typ"] == "checkbox" and f["name"] == "nur kostenlose")
    m = marke(page)
    page.keyboard.press("Space")
    beruhigt(page, seit=m)
    assert fokus(page)["name"] == "nur kostenlose"
    assert page.get_by_role("checkbox", name="nur kostenlose").is_checked()
    kostenlos = treffer(page)
    assert 0 < kostenlos <= beratung
    parameter(page, "kostenlos", "1")

    # 5. The first result: its contact details are links (phone, e-mail), its detail view opens with Enter.
    erste_karte = page.locator('[class*="st-key-karte_0"]')
    name = erste_karte.get_by_role("heading").first.inner_text()
    f, _ = tab_bis(page, lambda f: f["href"].startswith("tel:"))
    assert erste_karte.get_by_role("link", name=f["name"]).count() == 1, "Telefon der ersten Karte"
    assert re.fullmatch(r"[0-9 ()/+-]+", f["name"]), f
    page.keyboard.press("Tab")
    f = fokus(page)
    assert f["href"].startswith("mailto:") and "@" in f["name"] and f["sichtbar"], f
    f, _ = tab_bis(page, lambda f: f["tag"] == "SUMMARY")
    assert f["name"] == "Einzugsgebiet und Kooperationspartner" and f["offen"] is False, f
    page.keyboard.press("Enter")
    aufgeklappt(page)
    assert fokus(page)["offen"] is True
    details = erste_karte.locator("details")
    assert "Zuständig für:" in details.inner_text()
    assert "Kooperationspartner" in details.inner_text()
    # the partner list is a plain table (issue 14): text, nothing to focus; Tab goes on to the next card's links
    assert details.locator("table").count() == 1 and details.locator("th").first.inner_text() == "Partner"
    page.keyboard.press("Tab")
    f = fokus(page)
    assert f["sichtbar"] and details.evaluate("d => d.open"), f"Nach der Detailansicht von {name}: {f}"
    bild(page, "tastatur-wegweiser")


def test_netzwerk_hat_eine_tabelle_als_textalternative(seite):
    page = seite
    oeffnen(page, "Netzwerk", "fachkraft")
    # The frame: its buttons and the drawing surface are reachable, named and show the focus.
    f, _ = tab_bis(page, lambda f: f.get("im_rahmen") and f["name"].startswith("▶ Abspielen"))
    f, _ = tab_bis(page, lambda f: f.get("im_rahmen") and f["rolle"] == "application")
    assert "Tabelle" in f["name"], f
    stand = next(fr for fr in page.frames if fr != page.main_frame and fr.evaluate("() => !!window.kitaNetz")) \
        .evaluate("() => document.getElementById('stand').textContent")
    akteure, kooperationen = map(int, re.search(r"(\d+) Akteure, (\d+) Kooperationen", stand).groups())
    # … and right after it, the same nodes and edges as a table.
    f, _ = tab_bis(page, lambda f: f["tag"] == "SUMMARY")
    assert f["name"] == "Netzwerk als Tabelle (Knoten und Kooperationen)", f
    page.keyboard.press("Enter")
    aufgeklappt(page)
    tabelle = page.locator("details", has_text="Netzwerk als Tabelle")
    text = tabelle.inner_text()
    assert f"Knoten ({akteure})" in text and f"Kooperationen ({kooperationen})" in text, (stand, text[:200])
    page.keyboard.press("Tab")
    assert fokus(page)["in_aufklapper"] == "Netzwerk als Tabelle (Knoten und Kooperationen)"
    assert tabelle.locator('[data-testid="stDataFrame"]').count() == 2


def test_karte_hat_eine_liste_und_nennt_die_formen(seite):
    page = seite
    page.goto(page.app_url + "/?ansicht=Karte&sr=sr-boppard")
    beruhigt(page)
    beschreibung = page.get_by_text(re.compile(r"^Die Karte zeigt")).inner_text()
    assert "Kitas (Kreise)" in beschreibung and "Quadrate" in beschreibung, beschreibung
    f, _ = tab_bis(page, lambda f: f["tag"] == "SUMMARY" and f["name"] == "Alle Punkte der Karte als Liste")
    page.keyboard.press("Enter")
    aufgeklappt(page)
    page.keyboard.press("Tab")
    assert fokus(page)["in_aufklapper"] == "Alle Punkte der Karte als Liste"
    # the map's legend: shapes with words
    legende = page.locator('[data-testid="stVegaLiteChart"] svg .role-legend text').all_text_contents()
    assert "Kita" in legende and "Beratung" in legende, legende
    formen = page.locator('[data-testid="stVegaLiteChart"] svg .role-legend-symbol path').evaluate_all(
        "ps => ps.map(p => p.getAttribute('d'))")
    assert len(set(formen)) == len(formen) >= 2, "jede Art hat ihre eigene Form in der Legende"


def test_keine_bedeutung_nur_durch_farbe(seite):
    page = seite
    # The network legend: each type has its own shape and its name.
    oeffnen(page, "Netzwerk", "fachkraft")
    rahmen = next(fr for fr in page.frames if fr != page.main_frame and fr.evaluate("() => !!window.kitaNetz"))
    eintraege = rahmen.evaluate("""() => [...document.querySelectorAll('#legende li')].map(li => ({
        text: li.textContent.trim(), form: (li.querySelector('svg > :not(line)') || li.querySelector('svg line'))
          ?.tagName + ':' + (li.querySelector('svg polygon')?.getAttribute('points') || '')}))""")
    texte = [e["text"] for e in eintraege]
    for typ in ("Kita", "Beratung", "Unterstützung", "Freizeit", "Hub (dicker Rand)"):
        assert typ in texte, texte
    formen = [e["form"] for e in eintraege[:4]]
    assert len(set(formen)) == 4, f"gleiche Formen für verschiedene Typen: {formen}"

    # The heatmap of the Analyse: every cell is labelled with its number, gaps as „0 – Lücke“.
    oeffnen(page, "Analyse", "koordination")
    karte = page.locator('[data-testid="stVegaLiteChart"]').first
    karte.locator("svg").wait_for()
    zellen = karte.locator("svg text").all_text_contents()
    zahlen = [z for z in zellen if re.fullmatch(r"\d+|0 – Lücke", z)]
    assert len(zahlen) >= 5 * 10, zellen[:20]  # five Sozialräume × many Themen, each cell with its number
    assert page.get_by_text("„0 – Lücke“").first.is_visible() or any(z == "0 – Lücke" for z in zahlen)
