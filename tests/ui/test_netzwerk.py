"""Page Netzwerk and the network frame: filters, Stichtag, growth, and the frame's offline/safety design."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ui_hilfen import seite, texte

from network.ui.bausteine.netzrahmen import json_fuer_html, netz_html


def frame_html(at) -> str:
    frames = at.get("iframe")
    assert len(frames) == 1
    return frames[0].proto.srcdoc


def frame_daten(at) -> dict:
    html = frame_html(at)
    m = re.search(r'<script type="application/json" id="netzdaten">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_netzwerk_des_kreises_mit_rahmen_tabelle_und_wachstum(datenordner):
    at = seite("netzwerk").run()
    assert not at.exception and not at.error
    assert [t.value for t in at.title] == ["Netzwerk"]
    assert any(h.value.startswith("Rhein-Hunsrück-Kreis am") for h in at.header)
    assert any(h.value == "Wachstum seit 2021" for h in at.header)
    daten = frame_daten(at)
    assert len(daten["knoten"]) > 300 and len(daten["kanten"]) > 500
    assert daten["quartale"][0] == "2021-03-31"
    typen = {k["typ"] for k in daten["knoten"]}
    assert typen == {"Kita", "Beratung", "Unterstützung", "Freizeit"}
    assert any(k["hub"] for k in daten["knoten"])
    assert any(e.label.startswith("Netzwerk als Tabelle") for e in at.expander)
    assert len(at.get("vega_lite_chart")) == 3  # actors, Kooperationen, density


def test_sozialraum_stichtag_und_filter(datenordner):
    at = seite("netzwerk").run()
    kreis = int(at.metric[1].value)
    at.selectbox(key="n_sr").set_value("sr-kastellaun").run()
    assert any("Kastellaun" in h.value for h in at.header)
    heute = int(at.metric[1].value)
    assert 0 < heute < kreis
    assert dict(at.query_params).get("sr") in ("sr-kastellaun", ["sr-kastellaun"])
    at.select_slider(key="n_tag").set_value("2021-03-31").run()
    assert int(at.metric[1].value) < heute  # the network grew since 2021
    assert frame_daten(at)["stichtag"] == "2021-03-31"
    at.pills(key="n_typ").set_value(["Beratung"]).run()
    assert {k["typ"] for k in frame_daten(at)["knoten"]} == {"Beratung"}
    assert "die Grafik zeigt eine Auswahl" in texte(at)
    at.multiselect(key="n_thema").set_value(["sucht"]).run()
    assert all(k["typ"] == "Beratung" for k in frame_daten(at)["knoten"])


def test_url_oeffnet_dieselbe_auswahl(datenordner):
    at = seite("netzwerk")
    at.query_params["sr"] = "sr-boppard"
    at.query_params["stichtag"] = "2022-12-31"
    at.query_params["zeigen"] = ["Kita", "Beratung"]
    at.run()
    assert not at.exception
    assert at.selectbox(key="n_sr").value == "sr-boppard"
    assert any("Boppard am 31.12.2022" in h.value for h in at.header)
    assert {k["typ"] for k in frame_daten(at)["knoten"]} <= {"Kita", "Beratung"}


def test_rahmen_ist_offline_und_traegt_daten_nur_als_json():
    boese = "</script><img src=x onerror=alert(1)><script>alert(2)</script> & \u2028"
    html = netz_html({"stichtag": "2025-01-01", "quartale": ["2025-01-01"],
                      "knoten": [{"id": "k1", "label": boese, "typ": "Kita", "tooltip": [boese]}],
                      "kanten": []})
    # the payload never appears as markup …
    assert "<img" not in html and "onerror=alert(1)>" not in html
    assert html.count("</script>") == 3  # json element, vis-network, our script
    # … but survives as data, exactly
    m = re.search(r'<script type="application/json" id="netzdaten">(.*?)</script>', html, re.S)
    assert json.loads(m.group(1))["knoten"][0]["label"] == boese
    # no resource from elsewhere: no src/href attributes, no CDN, no web fonts
    assert not re.search(r'\b(src|href)\s*=\s*["\']?(https?:)?//', html)
    assert "@import" not in html and "fonts.googleapis" not in html and "//cdn" not in html
    # tooltips are built as text elements, never through innerHTML
    skript = html.rsplit("<script>", 1)[1]
    assert "innerHTML" not in skript and "innerText" in skript and "textContent" in skript


def test_json_fuer_html_escaped_alles_was_html_beenden_koennte():
    s = json_fuer_html({"a": "</script><!-- & -->", "b": "\u2028\u2029"})
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == {"a": "</script><!-- & -->", "b": "\u2028\u2029"}


def test_netzwerk_herunterladen_wie_auf_der_seite(datenordner, monkeypatch):
    """GEXF (with start/end per node and edge), GraphML and Kumu JSON of the network on the page: same
    Sozialraum, same Stichtag, as many actors and Kooperationen as the page's figures."""
    import xml.etree.ElementTree as ET

    from streamlit.runtime.media_file_manager import MediaFileManager

    erzeuger: dict[str, tuple] = {}  # deferred file id -> (callable, mime, file name)
    original = MediaFileManager.add_deferred

    def merken(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)
        erzeuger[file_id] = (data_callable, mimetype, file_name)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", merken)
    at = seite("netzwerk")
    at.query_params["sr"] = "sr-kastellaun"
    at.query_params["stichtag"] = "2023-12-31"
    at.run()
    assert not at.exception
    assert any(s.value == "Netzwerk herunterladen" for s in at.subheader)
    knoepfe = at.get("download_button")
    assert [k.proto.label for k in knoepfe] == ["GEXF für Gephi (mit Zeitverlauf)", "GraphML", "Kumu (JSON)",
                                                "Kumu (Tabelle)"]
    akteure, kooperationen = int(at.metric[0].value), int(at.metric[1].value)
    dateien = {}
    for k in knoepfe:
        erzeugen, mime, name = erzeuger[k.proto.deferred_file_id]
        dateien[name] = (erzeugen(), mime)
    assert set(dateien) == {"kooperationsnetz_2023-12-31_sr-kastellaun.gexf",
                            "kooperationsnetz_2023-12-31_sr-kastellaun.graphml",
                            "kooperationsnetz_2023-12-31_sr-kastellaun_kumu.json",
                            "kooperationsnetz_2023-12-31_sr-kastellaun_kumu.xlsx"}

    gexf, mime = dateien["kooperationsnetz_2023-12-31_sr-kastellaun.gexf"]
    assert mime == "application/gexf+xml"
    from lxml import etree

    xsd = etree.XMLSchema(etree.parse(str(Path(__file__).parents[1] / "daten" / "gexf" / "1.3" / "gexf.xsd")))
    assert xsd.validate(etree.fromstring(gexf)), xsd.error_log.last_error  # the official GEXF 1.3 schema
    wurzel = ET.fromstring(gexf)
    ns = {"g": wurzel.tag.split("}")[0].strip("{")}
    graph = wurzel.find("g:graph", ns)
    assert graph.get("mode") == "dynamic"
    knoten = graph.findall("g:nodes/g:node", ns)
    kanten = graph.findall("g:edges/g:edge", ns)
    assert len(knoten) == akteure and len(kanten) == kooperationen
    def start(el):  # GEXF 1.3: the dates are a spell
        spell = el.find("g:spells/g:spell", ns)
        return spell.get("start") if spell is not None else None

    assert all(start(e) and start(e) <= "2023-12-31" for e in kanten)  # growth spells
    assert all(start(n) for n in knoten if any(e.get("source") == n.get("id") or e.get("target") == n.get("id")
                                               for e in kanten))

    graphml, mime = dateien["kooperationsnetz_2023-12-31_sr-kastellaun.graphml"]
    assert mime == "application/graphml+xml"
    g = ET.fromstring(graphml)
    gns = {"g": g.tag.split("}")[0].strip("{")}
    assert len(g.findall("g:graph/g:node", gns)) == akteure
    assert len(g.findall("g:graph/g:edge", gns)) == kooperationen

    kumu, mime = dateien["kooperationsnetz_2023-12-31_sr-kastellaun_kumu.json"]
    assert mime == "application/json"
    blaupause = json.loads(kumu)
    assert len(blaupause["elements"]) == akteure and len(blaupause["connections"]) == kooperationen
    assert "notiz" not in kumu.decode("utf-8").lower()

    import io

    import openpyxl

    tabelle, mime = dateien["kooperationsnetz_2023-12-31_sr-kastellaun_kumu.xlsx"]
    assert mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    wb = openpyxl.load_workbook(io.BytesIO(tabelle), read_only=True)
    assert wb.sheetnames == ["Elements", "Connections"]
    zeilen = {blatt: len(list(wb[blatt].iter_rows(values_only=True))) - 1 for blatt in wb.sheetnames}
    assert zeilen == {"Elements": akteure, "Connections": kooperationen}
