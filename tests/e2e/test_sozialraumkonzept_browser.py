"""Page Sozialraumkonzept in a real browser: the result on the demo data, a weight changed, and the PDF report
downloaded – it shows the same budget per Sozialraum as the screen. Screenshots of the page and of the report's
first page go to docs/screenshots/.

Uses the session server and the page fixture of ``tests/e2e/conftest.py`` (offline, no console errors).
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from browser_hilfen import GEMALT, marke
from conftest import DOKU, anmelden, bild, fertig, hauptbereich_scrollen, zur_seite
from pypdf import PdfReader

pytestmark = pytest.mark.browser

SOZIALRAEUME = ["Boppard", "Hunsrück-Mittelrhein", "Kastellaun", "Kirchberg (Hunsrück)", "Simmern-Rheinböllen"]


#: The result table as shown, read in one step in the page: [[Sozialraum, Index, Anteil, Budget, Stellen, Ist]].
#: Row by row from Python, a rerun that replaced the table between two rows gave a mix of the old and the new
#: result (one CI run read Boppard from before a weight change and the rest from after it).
LESEN = """(() => { const t = document.querySelector('[data-testid=stTable] table');
  return t ? [...t.querySelectorAll('tbody tr')].map(tr =>
    [...tr.querySelectorAll('th, td')].map(c => c.innerText.trim())) : []; })()"""


def warte_auf_ergebnis(page, anders_als: dict | None = None, frist_ms: int = 30_000) -> dict[str, list[str]]:
    """The result table as shown, Sozialraum -> [Index, Anteil, Budget, Stellen, Ist], once it shows all
    Sozialräume (and differs from ``anders_als``, if given), waited for in the page itself (no polling interval)."""
    zeilen = page.wait_for_function("""([namen, alt]) => {
      const z = %s;
      if (JSON.stringify(z.map(r => r[0])) !== JSON.stringify(namen)) return false;
      const d = Object.fromEntries(z.map(r => [r[0], r.slice(1)]));
      return (alt === null || JSON.stringify(d) !== JSON.stringify(alt)) && z;
    }""" % LESEN, arg=[SOZIALRAEUME + ["Summe"], anders_als], timeout=frist_ms).json_value()
    return {z[0]: z[1:] for z in zeilen}


def test_verteilung_aendern_und_bericht_herunterladen(seite, tmp_path):
    page = seite
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    zur_seite(page, "Sozialraumkonzept")
    assert page.locator("h1").all_inner_texts() == ["Sozialraumkonzept"]
    assert page.get_by_text("Demodaten:", exact=False).first.is_visible()
    vorher = warte_auf_ergebnis(page)
    assert list(vorher) == SOZIALRAEUME + ["Summe"]
    assert vorher["Summe"][2] == "1.670.000,00 €" and vorher["Summe"][3] == "7,00"
    bild(page, "sozialraumkonzept")

    # a heavier weight for children in SGB-II households changes the distribution, not the total
    feld = page.locator(".st-key-sk_w_kinder_sgb2 input")
    feld.fill("3")
    m = marke(page)
    feld.press("Enter")
    fertig(page, seit=m)
    nachher = warte_auf_ergebnis(page, anders_als=vorher)
    assert nachher != vorher and nachher["Summe"][2] == "1.670.000,00 €"
    assert page.get_by_text("Standard (geändert)", exact=False).first.is_visible()

    # the result with its labelled bar chart
    page.locator("[data-testid=stTable]").first.evaluate(
        "(el) => { const m = document.querySelector('[data-testid=stMain]'); "
        "m.scrollTo(0, el.getBoundingClientRect().top + m.scrollTop - 160); }")
    page.evaluate(GEMALT)  # scrolled and painted
    bild(page, "sozialraumkonzept-ergebnis")
    hauptbereich_scrollen(page, 0)

    # German input (issue 15.1): „1.670.000“ is 1,67 million euros; „1670000.00“ is refused in German
    budget = page.locator(".st-key-sk_budget input")
    budget.fill("1670000.00")
    m = marke(page)
    budget.press("Enter")
    fertig(page, seit=m)  # the run draws the refusal and, below it, the notice: read both once it has ended
    assert page.get_by_text("ist keine eindeutige Zahl").is_visible()
    assert page.get_by_text("Es wurde nichts berechnet").is_visible()
    page.get_by_text("ist keine eindeutige Zahl").scroll_into_view_if_needed()
    bild(page, "sozialraumkonzept-eingabe-fehler")
    budget.fill("1.670.000")
    m = marke(page)
    budget.press("Enter")
    fertig(page, seit=m)
    wieder = warte_auf_ergebnis(page)
    assert wieder["Summe"][2] == "1.670.000,00 €" and wieder == nachher
    page.wait_for_function("() => document.querySelector('.st-key-sk_budget input').value === '1.670.000,00'")

    # downloads never fail silently (issue 15.10): the files are made on request, then handed over as bytes
    erstellen = page.get_by_role("button", name="Bericht und Tabellen erstellen")
    erstellen.scroll_into_view_if_needed()
    erstellen.click()
    knopf = page.get_by_role("button", name="Bericht (PDF)")
    knopf.wait_for(timeout=60_000)
    knopf.scroll_into_view_if_needed()
    excel = page.get_by_role("button", name="Tabellen (Excel)")
    with page.expect_download(timeout=60_000) as info:
        excel.click()
    assert info.value.suggested_filename.endswith(".xlsx")
    assert (tmp_path / "t.xlsx").write_bytes(open(info.value.path(), "rb").read()) > 1000
    with page.expect_download(timeout=60_000) as info:
        knopf.click()
    download = info.value
    assert download.suggested_filename.startswith("sozialraumkonzept-") and download.suggested_filename.endswith(".pdf")
    pdf = tmp_path / "bericht.pdf"
    download.save_as(pdf)
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    for sozialraum, (index, anteil, budget, stellen, *_rest) in nachher.items():
        assert sozialraum in text
        assert budget in text, (sozialraum, budget)  # the same budget per Sozialraum as on screen
        assert index in text and anteil in text
        if sozialraum != "Summe":
            assert f"{budget} · {stellen} VZÄ" in text  # the label of its bar
    assert "DEMODATEN" in text and "Standard (geändert)" in text

    # the report's first page as a picture, next to the page's
    if shutil.which("pdftoppm"):
        ziel = tmp_path / "seite"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(ziel)], check=True,
                       timeout=60)
        erste = next(tmp_path.glob("seite*.png"))
        DOKU.mkdir(parents=True, exist_ok=True)
        try:
            from PIL import Image

            with Image.open(erste) as im:
                im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
                    DOKU / "sozialraumkonzept-bericht.png", optimize=True)
        except ImportError:  # pragma: no cover - Pillow comes with Streamlit
            shutil.copy(erste, DOKU / "sozialraumkonzept-bericht.png")
