"""Page Analyse: heatmap, comparison, hubs, gaps with their German reasons and recommendations, downloads."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
from ui_hilfen import klartext, seite, texte

from network import analyse as A
from network.ui.seiten.analyse import csv_bytes, excel_bytes


def test_analyse_zeigt_heatmap_vergleich_und_hubs(datenordner):
    at = seite("analyse").run()
    assert not at.exception and not at.error
    assert [t.value for t in at.title] == ["Analyse"]
    kopf = [h.value for h in at.header]
    assert kopf == ["Abdeckung: Sozialraum × Thema", "Sozialräume im Vergleich", "Hubs je Sozialraum",
                    "Lücken und Empfehlungen", "Vermittlungen und gemeldete Lücken"]
    assert "Kantengewichte = Intensität der Kooperationen plus die erfassten Vermittlungen" in texte(at)
    assert len(at.get("vega_lite_chart")) == 1  # the heatmap
    vergleich = at.table[0].value
    assert "Kennzahl" in [klartext(c) for c in vergleich.columns]
    assert len(at.tabs) == 6  # five Sozialräume and the district
    assert len(at.get("download_button")) == 2


def test_luecke_zeigt_ihren_grund_und_die_empfehlung(datenordner, store):
    luecken = A.luecken(store.load())
    zeile = luecken[luecken["art"] == "kitas_ohne_beratung"].iloc[0]
    at = seite("analyse").run()
    at.selectbox(key="a_sr").set_value(zeile["sozialraum_id"]).run()
    assert not at.exception
    alles = texte(at)
    assert zeile["grund"] in alles
    assert "→ Empfohlen: Kooperation mit" in alles
    assert "Empfohlene Kooperationen" in alles
    assert dict(at.query_params).get("sr") in (zeile["sozialraum_id"], [zeile["sozialraum_id"]]) or \
        zeile["sozialraum_id"] == "sr-boppard"


def test_stichtag_in_der_vergangenheit(datenordner):
    at = seite("analyse")
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


def zaehltabellen(at) -> list[pd.DataFrame]:
    """The protected count tables of the section „Vermittlungen und gemeldete Lücken“ (in page order)."""
    return [df.value for df in at.dataframe if "Summe" in df.value.columns]


def test_vermittlungen_geschuetzt_und_als_kantengewicht(datenordner, store):
    from network.ui.bausteine import daten as D
    from network.ui.bausteine import rechnen as R
    from network.vermittlung import erfassen, kreuztabelle, monat_heute, vermittlungen
    from network.vermittlung.anonym import KLEIN
    from network.zugang import KOMMANDOZEILE

    d = store.load()
    gsr = {g["id"]: g.get("sozialraum_id") for g in d.gemeinden}
    srname = {s["id"]: s["name"] for s in d.sozialraeume}
    benutzt = {r["thema_id"] for r in vermittlungen(store)}
    # a Kooperation Kita–Angebot with a Thema nobody has counted yet, and a Kita of another Sozialraum
    kitas = {k["id"]: k for k in d.kitas}
    koop = next(c for c in d.kooperationen if c["von_id"] in kitas and not c.get("bis")
                and any(t not in benutzt for a in d.angebote if a["id"] == c["zu_id"] for t in a["themen"]))
    angebot = next(a for a in d.angebote if a["id"] == koop["zu_id"])
    thema = next(t for t in angebot["themen"] if t not in benutzt)
    sr1 = gsr[kitas[koop["von_id"]]["gemeinde_id"]]
    andere = next(k for k in d.kitas if gsr.get(k.get("gemeinde_id")) not in (sr1, None))
    monat = monat_heute()
    erfassen(store, {"monat": monat, "kita_id": koop["von_id"], "angebot_id": angebot["id"], "thema_id": thema},
             wer=KOMMANDOZEILE)
    erfassen(store, {"monat": monat, "kita_id": andere["id"], "angebot_id": angebot["id"], "thema_id": thema,
                     "anzahl": 40}, wer=KOMMANDOZEILE)
    D.geschrieben()

    at = seite("analyse").run()
    assert not at.exception, at.exception
    assert "Vermittlungen und gemeldete Lücken" in [h.value for h in at.header]
    sr_thema, je_monat, *_ = zaehltabellen(at)
    name = next(t["name"] for t in d.themen if t["id"] == thema)
    zeile = sr_thema[sr_thema["Sozialraum"] == srname[sr1]].iloc[0]
    assert zeile[name] == KLEIN  # the single referral is never shown as 1
    assert sr_thema[sr_thema["Sozialraum"] == "Summe"].iloc[0][name] == "41"  # its total is
    assert "1" not in set(sr_thema.drop(columns="Sozialraum").astype(str).values.ravel())
    erwartet = kreuztabelle(vermittlungen(store), d, "sozialraum", "thema").als_zeilen()
    assert sr_thema.to_dict("records") == erwartet
    assert f"{monat[5:7]}/{monat[:4]}" in set(je_monat["Monat"])
    # the network metrics of the page carry the counts as edge weights
    a = R._auswertung(D.schluessel(), D.version(), D.heute(), D.settings().max_km, True)
    assert a.netz[koop["von_id"]][angebot["id"]]["vermittlungen"] >= 1
