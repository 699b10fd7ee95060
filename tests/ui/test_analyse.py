"""Page Analyse: heatmap, comparison, hubs, gaps with their German reasons and recommendations, downloads."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
from ui_hilfen import klartext, seite, texte

from network import analyse as A
from network.ui.auswertung import csv_bytes, excel_bytes


def test_analyse_zeigt_heatmap_vergleich_und_hubs(datenordner):
    at = seite("auswertung").run()
    assert not at.exception and not at.error
    assert [t.value for t in at.title] == ["Analyse"]
    kopf = [h.value for h in at.header]
    assert kopf == ["Abdeckung: Sozialraum × Thema", "Sozialräume im Vergleich", "Hubs je Sozialraum",
                    "Lücken und Empfehlungen"]
    assert len(at.get("vega_lite_chart")) == 1  # the heatmap
    vergleich = at.table[0].value
    assert "Kennzahl" in [klartext(c) for c in vergleich.columns]
    assert len(at.tabs) == 6  # five Sozialräume and the district
    assert len(at.get("download_button")) == 2


def test_luecke_zeigt_ihren_grund_und_die_empfehlung(datenordner, store):
    luecken = A.luecken(store.load())
    zeile = luecken[luecken["art"] == "kitas_ohne_beratung"].iloc[0]
    at = seite("auswertung").run()
    at.selectbox(key="a_sr").set_value(zeile["sozialraum_id"]).run()
    assert not at.exception
    alles = texte(at)
    assert zeile["grund"] in alles
    assert "→ Empfohlen: Kooperation mit" in alles
    assert "Empfohlene Kooperationen" in alles
    assert dict(at.query_params).get("sr") in (zeile["sozialraum_id"], [zeile["sozialraum_id"]]) or \
        zeile["sozialraum_id"] == "sr-boppard"


def test_stichtag_in_der_vergangenheit(datenordner):
    at = seite("auswertung")
    at.query_params["stichtag"] = "2021-06-30"
    at.run()
    assert not at.exception
    assert at.select_slider(key="a_tag").value == "2021-06-30"
    assert "30.06.2021" in texte(at)


def test_downloads_schuetzen_vor_formeln():
    df = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "@SUM(1)", "Kita Sonne & Mond <F>"],
                       "km": [1.5, -2.0, None], "ids": [["a", "b"], [], None]})
    zeilen = list(csv.reader(io.StringIO(csv_bytes(df).decode("utf-8-sig")), delimiter=";"))
    assert zeilen[1] == ["'=HYPERLINK(\"http://x\")", "1.5", "a|b"]
    assert zeilen[2] == ["'@SUM(1)", "-2.0", ""]  # numbers stay numbers
    assert zeilen[3] == ["Kita Sonne & Mond <F>", "", ""]
    wb = openpyxl.load_workbook(io.BytesIO(excel_bytes({"Test": df})))
    ws = wb["Test"]
    assert ws["A2"].value == "=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"
    assert ws["C2"].value == "a|b"
