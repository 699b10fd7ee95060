"""Page Wegweiser: filters, free-text search, place and distance, URL, views, and the frame of the app."""

from __future__ import annotations

import re

from ui_hilfen import klartext, texte

SOZIALRAEUME = ("Boppard", "Hunsrück-Mittelrhein", "Kastellaun", "Kirchberg (Hunsrück)", "Simmern-Rheinböllen")


def anzahl(at) -> int:
    kopf = [h.value for h in at.header if "gefunden" in h.value]
    assert kopf, "keine Trefferzahl"
    return int(kopf[0].split()[0])


def karten(at) -> list[str]:
    return [klartext(s.value) for s in at.subheader]


def test_startseite_mit_navigation_sozialraeumen_und_demohinweis(app):
    at = app.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Wegweiser"]  # one h1 per page
    assert [klartext(o) for o in at.pills(key="w_sr").options] == list(SOZIALRAEUME)
    assert any("Demodaten (fiktiv)" in w.value for w in at.sidebar.warning)
    assert anzahl(at) > 200
    assert len(at.subheader) == 20  # the first 20 cards


def test_filter_aendern_die_ergebnisse(app):
    at = app.run()
    alle = anzahl(at)
    at.pills(key="w_art").set_value(["Beratung"]).run()
    beratung = anzahl(at)
    assert 0 < beratung < alle
    assert all(":blue-badge[Beratung]" in m.value for m in at.markdown if "-badge[" in m.value
               and ":blue-badge[" in m.value)
    at.pills(key="w_sr").set_value("sr-kastellaun").run()
    assert 0 < anzahl(at) <= beratung
    at.multiselect(key="w_thema").set_value(["sucht"]).run()
    nur_sucht = anzahl(at)
    assert nur_sucht < beratung
    at.checkbox(key="w_kostenlos").check().run()
    assert anzahl(at) <= nur_sucht
    at.button[0].click().run()  # "Alle Filter zurücksetzen"
    assert anzahl(at) == alle


def test_freitext_findet_familien_und_erziehungsberatung(app):
    at = app.run()
    at.text_input(key="w_q").input("familienberatung").run()
    assert not at.exception
    assert "Familien- und Erziehungsberatung Simmern" in karten(at)
    # case and umlauts do not matter
    at.text_input(key="w_q").input("FAMILIENBERATUNG").run()
    assert "Familien- und Erziehungsberatung Simmern" in karten(at)
    at.text_input(key="w_q").input("Fruehe Hilfen").run()
    n1 = anzahl(at)
    at.text_input(key="w_q").input("frühe hilfen").run()
    assert anzahl(at) == n1 > 0
    at.text_input(key="w_q").input("xyzgibtsnicht").run()
    assert anzahl(at) == 0 and at.info


def test_url_haelt_die_filter(app):
    at = app
    at.query_params["sr"] = "sr-kastellaun"
    at.query_params["art"] = ["Beratung", "Unterstützung"]
    at.query_params["q"] = "beratung"
    at.query_params["kostenlos"] = "1"
    at.run()
    assert not at.exception
    assert at.pills(key="w_sr").value == "sr-kastellaun"
    assert at.pills(key="w_art").value == ["Beratung", "Unterstützung"]
    assert at.text_input(key="w_q").value == "beratung"
    assert at.checkbox(key="w_kostenlos").value is True
    mit_url = anzahl(at)
    # changing a filter writes it into the URL, so the link can be shared
    at.multiselect(key="w_thema").set_value(["fruehe-hilfen"]).run()
    qp = dict(at.query_params)
    assert qp["sr"] in ("sr-kastellaun", ["sr-kastellaun"]) and "thema" in qp and "q" in qp
    assert anzahl(at) <= mit_url


def test_ungueltige_url_werte_werden_ignoriert(app):
    at = app
    at.query_params["sr"] = "<script>"
    at.query_params["art"] = ["Beratung", "gibtsnicht"]
    at.query_params["km"] = "viel"
    at.run()
    assert not at.exception and not at.error
    assert at.pills(key="w_sr").value is None
    assert at.pills(key="w_art").value == ["Beratung"]


def test_in_der_naehe_sortiert_nach_entfernung(app, store):
    d = store.load()
    kita = next(k for k in d.kitas if k.get("lat") is not None)
    at = app
    at.query_params["ort"] = f"k:{kita['id']}"
    at.run()
    assert not at.exception
    km = [float(x.replace(",", ".")) for m in at.markdown
          for x in re.findall(r"near_me: ([\d,]+) km", m.value)]
    assert km and km == sorted(km)
    # the place implies its Sozialraum
    assert at.pills(key="w_sr").value is not None
    at.select_slider(key="w_km").set_value(5).run()
    km5 = [float(x.replace(",", ".")) for m in at.markdown for x in re.findall(r"near_me: ([\d,]+) km", m.value)]
    assert all(k <= 5 for k in km5)


def test_kita_ansicht_zeigt_fachkraft_mit_dienstlichem_kontakt(app):
    at = app
    at.query_params["zeige"] = "Kitas"
    at.query_params["sr"] = "sr-kastellaun"
    at.run()
    alles = texte(at)
    assert "Kita-Sozialarbeit" in alles and "Dienstsitz:" in alles
    assert "Kitas gefunden" in alles


def test_details_zeigen_einzugsgebiet_und_partner(app):
    at = app
    at.query_params["q"] = "familienberatung"
    at.run()
    alles = texte(at)
    assert "Zuständig für:" in alles and "Kooperationspartner" in alles
    assert any(e.label == "Einzugsgebiet und Kooperationspartner" for e in at.expander)
    assert "Angaben zuletzt geprüft:" in alles


def test_karte_und_druckliste(app):
    at = app
    at.query_params["ansicht"] = "Karte"
    at.query_params["sr"] = "sr-boppard"
    at.run()
    assert not at.exception
    assert "Die Karte zeigt" in texte(at)
    assert at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")
    at.segmented_control(key="w_ansicht").set_value("Druckliste").run()
    assert not at.exception
    assert len(at.table) == 1
    assert "Stand" in texte(at)


def test_seite_weiter(app):
    at = app.run()
    assert len(at.subheader) == 20
    weiter = [b for b in at.button if b.label.startswith("Weitere")]
    weiter[0].click().run()
    assert len(at.subheader) == 40


def test_alte_angaben_sind_in_worten_markiert_und_die_frist_ist_einstellbar(app, monkeypatch):
    """KITANETZ_PRUEF_MONATE sets when a card says its data are old; the mark is text, not colour."""
    import re as _re

    def pruefzeilen(at) -> list[str]:
        return [c.value for c in at.caption if c.value.startswith("Angaben zuletzt geprüft")]

    monkeypatch.setenv("KITANETZ_PRUEF_MONATE", "12")
    at = app.run()
    zeilen = pruefzeilen(at)
    assert len(zeilen) == 20  # one per card
    assert all(_re.fullmatch(r"Angaben zuletzt geprüft: (\d\d/\d{4}|unbekannt)( – .*)?", z) for z in zeilen)
    alt12 = sum("älter als 12 Monate" in z for z in zeilen)
    monkeypatch.setenv("KITANETZ_PRUEF_MONATE", "1")
    at.run()
    zeilen = pruefzeilen(at)
    alt1 = sum("älter als 1 Monat," in z for z in zeilen)
    assert alt1 > alt12  # a shorter period marks more cards
    assert all("bitte vorab kurz nachfragen" in z for z in zeilen if "älter als" in z)
