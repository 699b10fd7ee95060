"""Wegweiser in everyday use (issue 15, point 10): phone numbers whole in the Druckliste, an Excel file of the
result. (Results above the fold are measured in a browser: tests/e2e/test_alltag_browser.py.)"""

from __future__ import annotations

import io
import re

import openpyxl
from ui_hilfen import klartext, seite


def test_druckliste_telefon_bricht_nie_und_excel_download(datenordner):
    at = seite("wegweiser", als=None)
    at.query_params["ansicht"] = "Druckliste"
    at.query_params["ort"] = "g:07140144"
    at.query_params["art"] = "Beratung"
    at.run()
    assert not at.exception
    tabelle = at.table[0].value
    telefone = [klartext(str(t)) for t in tabelle["Telefon"] if str(t)]
    assert telefone and all(not re.search(r"[ \-]", t) for t in telefone), telefone[:3]  # no break points
    assert all("\u00a0" in t or "\u2011" in t for t in telefone)
    knopf = next(k for k in at.get("download_button") if k.proto.label == "Als Excel herunterladen")
    assert knopf.proto.url and not knopf.proto.deferred_file_id  # bytes, not a deferred file


def test_excel_zeilen_und_datei(datenordner):
    from network.ui.bausteine import daten as D
    from network.ui.seiten.wegweiser import Filter, excel_bytes, excel_zeilen

    v = D.verzeichnis()
    treffer = v.angebote(Filter(ort="g:07140144", art=("Beratung",)))
    zeilen = excel_zeilen(v, treffer, ist_kita=False, mit_ort=True)
    assert len(zeilen) == len(treffer) and zeilen[0]["Entfernung (km)"] is not None
    zeilen[0]["Name"] = "=HYPERLINK(\"http://x\")"  # text from the data must stay text
    ws = openpyxl.load_workbook(io.BytesIO(excel_bytes(zeilen, "Angebote – Test"))).active
    assert ws["A1"].value == "Angebote – Test"
    kopf = [c.value for c in ws[2]]
    assert kopf[:3] == ["Name", "Art", "Themen"] and "Entfernung (km)" in kopf and "Sprachen" in kopf
    assert ws.cell(3, 1).data_type == "s" and ws.cell(3, 1).value.startswith("=HYPERLINK")
    km = ws.cell(3, kopf.index("Entfernung (km)") + 1)
    assert isinstance(km.value, float) and km.number_format == "0.0"
    assert ws.max_row == len(treffer) + 2
