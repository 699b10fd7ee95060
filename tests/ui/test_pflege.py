"""Page Pflege (Koordination): forms with the import's validation, retiring, upload with dry run, export.

The roles (Fachkraft, public) on this page: tests/ui/test_rollen_app.py."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date

from ui_hilfen import KOORDINATION, klartext, seite, texte

from network.austausch.dateien import csv_text
from network.model import DATEI_REIHENFOLGE, Netzdaten
from network.ui.seiten.pflege import in_formular

HEUTE = date.today().isoformat()


def angemeldet():
    at = seite("pflege", als=KOORDINATION).run()
    assert not at.exception
    assert not [e for e in at.error if "nur für" in e.value]
    return at


def speichern(at):
    [b for b in at.button if b.label in ("Änderungen speichern", "Kita anlegen", "Angebot anlegen",
                                         "Kooperation anlegen")][0].click().run()
    assert not at.exception


def finde(d: Netzdaten, datei: str, rid: str) -> dict | None:
    return next((r for r in d.tabelle(datei) if r["id"] == rid), None)


def test_formular_lehnt_fehler_ab_und_speichert_nichts(store):
    vorher = finde(store.load(), "kitas", "kita-003")
    at = angemeldet()
    at.selectbox(key="pf_kitas_wahl").set_value("kita-003").run()
    assert at.text_input(key="pf_kitas_name").value == vorher["name"]
    at.text_input(key="pf_kitas_plaetze").input("viele")
    at.date_input(key="pf_kitas_fachkraft_seit").set_value(date(2021, 8, 1))
    at.text_input(key="pf_kitas_lat").input("")
    speichern(at)
    fehler = [klartext(e.value) for e in at.error]
    assert "„viele“ ist keine ganze Zahl." in fehler
    assert "Koordinaten bitte immer als Paar angeben (lat und lon)." in fehler
    assert any("es wurde nichts gespeichert" in f for f in fehler)
    assert finde(store.load(), "kitas", "kita-003") == vorher


def test_formular_prueft_kontaktdaten(store):
    vorher = finde(store.load(), "kitas", "kita-003")
    at = angemeldet()
    at.selectbox(key="pf_kitas_wahl").set_value("kita-003").run()
    at.text_input(key="pf_kitas_email").input("kita(at)example.org")
    at.text_input(key="pf_kitas_telefon").input("bitte anrufen")
    speichern(at)
    fehler = [klartext(e.value) for e in at.error]
    assert any("„kita(at)example.org“ ist keine gültige E-Mail-Adresse" in f for f in fehler), fehler
    assert any("„bitte anrufen“ ist keine gültige Telefonnummer" in f for f in fehler), fehler
    assert finde(store.load(), "kitas", "kita-003") == vorher


def test_formular_speichert_gueltige_aenderung_mit_stempel(store):
    at = angemeldet()
    at.text_input(key="pf_stelle").input("Kreisjugendamt Test").run()
    at.selectbox(key="pf_kitas_wahl").set_value("kita-004").run()
    at.text_input(key="pf_kitas_plaetze").input("77")
    at.text_input(key="pf_kitas_telefon").input("06761 1234-5")
    speichern(at)
    assert not at.error
    assert any("wurde gespeichert" in klartext(s.value) for s in at.success)
    neu = finde(store.load(), "kitas", "kita-004")
    assert neu["plaetze"] == 77 and neu["telefon"] == "06761 1234-5"
    assert neu["geprueft_am"] == HEUTE and neu["geprueft_von"] == "Kreisjugendamt Test"


def test_neues_angebot_mit_sonderzeichen_erscheint_genau_so_im_wegweiser(store):
    name = "Sonne & Mond <Familienzentrum> **fett** :red[rot] $x$"
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Angebote").run()
    rid = at.text_input(key="pf_angebote_id").value
    assert rid.startswith("ang-")
    at.text_input(key="pf_angebote_name").input(name)
    at.selectbox(key="pf_angebote_art").set_value("Beratung")
    at.multiselect(key="pf_angebote_themen").set_value(["sucht"])
    at.multiselect(key="pf_angebote_versorgt").set_value(["sr-kastellaun"])
    at.selectbox(key="pf_angebote_kostenlos").set_value("ja")
    speichern(at)
    assert not at.error, [e.value for e in at.error]
    gespeichert = finde(store.load(), "angebote", rid)
    assert gespeichert["name"] == name and gespeichert["versorgt"] == ["sr-kastellaun"]
    assert gespeichert["geprueft_am"] == HEUTE and gespeichert["geprueft_von"] == "Pflege"

    weg = seite("wegweiser", als=None)
    weg.query_params["q"] = "Sonne Mond Familienzentrum"
    weg.run()
    assert name in [klartext(s.value) for s in weg.subheader]


def test_neue_id_darf_nichts_ueberschreiben(store):
    at = angemeldet()
    at.text_input(key="pf_kitas_id").input("kita-001")
    at.text_input(key="pf_kitas_name").input("Doppelt")
    at.selectbox(key="pf_kitas_gemeinde_id").set_value("07140001")
    speichern(at)
    assert any("gibt es schon" in klartext(e.value) for e in at.error)
    assert finde(store.load(), "kitas", "kita-001")["name"] != "Doppelt"


def test_angebot_und_kooperation_beenden(store):
    d = store.load()
    ang = next(a for a in d.angebote if not a.get("gueltig_bis") and (a.get("gueltig_ab") or "") <= HEUTE)
    koop = next(c for c in d.kooperationen if not c.get("bis") and c["seit"] <= HEUTE)
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Angebote").run()
    at.selectbox(key="pf_angebote_wahl").set_value(ang["id"]).run()
    at.checkbox(key="pf_angebote_bestaetigt").check().run()
    [b for b in at.button if b.label == "Angebot beenden"][0].click().run()
    assert not at.exception and not at.error
    assert finde(store.load(), "angebote", ang["id"])["gueltig_bis"] == HEUTE

    at.segmented_control(key="pf_bereich").set_value("Kooperationen").run()
    at.selectbox(key="pf_kooperationen_wahl").set_value(koop["id"]).run()
    at.checkbox(key="pf_kooperationen_bestaetigt").check().run()
    [b for b in at.button if b.label == "Kooperation beenden"][0].click().run()
    assert not at.error
    assert finde(store.load(), "kooperationen", koop["id"])["bis"] == HEUTE


def test_kita_aus_dem_netzwerk_nehmen(store):
    d = store.load()
    laufend = {}
    for c in d.kooperationen:
        if c["seit"] <= HEUTE and not c.get("bis") and c["von_id"].startswith("kita-"):
            laufend.setdefault(c["von_id"], []).append(c["id"])
    kita = max(laufend, key=lambda k: len(laufend[k]))
    at = angemeldet()
    at.selectbox(key="pf_kitas_wahl").set_value(kita).run()
    at.checkbox(key="pf_kitas_bestaetigt").check().run()
    [b for b in at.button if b.label == "Kita aus dem Netzwerk nehmen"][0].click().run()
    assert not at.error
    nachher = store.load()
    assert all(finde(nachher, "kooperationen", k)["bis"] == HEUTE for k in laufend[kita])
    assert finde(nachher, "kitas", kita)["fachkraft_id"] is None


def _csv_mit(zeile: dict, datei: str, **zellen) -> bytes:
    """One row of ``datei`` as CSV, with some cells replaced by raw text (also invalid text)."""
    kopf, werte = list(csv.reader(io.StringIO(csv_text(Netzdaten(**{datei: [zeile]}), datei))))
    for k, v in zellen.items():
        werte[kopf.index(k)] = v
    buf = io.StringIO()
    csv.writer(buf).writerows([kopf, werte])
    return buf.getvalue().encode("utf-8")


def test_upload_mit_fehlern_schreibt_nichts(store):
    vorher = store.load()
    kita = finde(vorher, "kitas", "kita-010")
    daten = _csv_mit(kita, "kitas", name="Geändert", plaetze="zehn", gemeinde_id="99999999")
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Import").run()
    at.get("file_uploader")[0].set_value([("kitas.csv", daten, "text/csv"),
                                          ("notizen.csv", b"a,b\n1,2\n", "text/csv")]).run()
    assert not at.exception
    fehler = at.dataframe[0].value
    assert list(fehler.columns) == ["Datei", "Zeile", "Spalte", "Grund"]
    gruende = fehler["Grund"].tolist()
    assert "„99999999“ gibt es nicht in gemeinden." in gruende
    assert "„zehn“ ist keine ganze Zahl." in gruende
    assert fehler["Zeile"].tolist() == ["2", "2"]
    assert not [b for b in at.button if b.label == "Jetzt importieren"]
    assert finde(store.load(), "kitas", "kita-010") == kita


def test_upload_ohne_fehler_erst_probelauf_dann_import(store):
    vorher = finde(store.load(), "kitas", "kita-011")
    text = csv_text(Netzdaten(kitas=[dict(vorher, name="Kita Importiert")]), "kitas")
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Import").run()
    at.get("file_uploader")[0].set_value(("kitas.csv", text.encode("utf-8"), "text/csv")).run()
    assert not at.exception and not at.error
    assert "Keine Fehler gefunden" in texte(at)
    probe = next(df.value for df in at.dataframe if "geändert" in df.value.columns)  # what would change
    assert probe.to_dict("records") == [{"Datei": "kitas", "Zeilen": 1, "neu": 0, "geändert": 1, "unverändert": 0,
                                         "geänderte Felder": "kita-011: name"}]
    assert finde(store.load(), "kitas", "kita-011")["name"] == vorher["name"]  # dry run only
    [b for b in at.button if b.label == "Jetzt importieren"][0].click().run()
    assert not at.exception
    assert "1 Zeile importiert" in texte(at) and "1 Zeilen" not in texte(at)
    assert finde(store.load(), "kitas", "kita-011")["name"] == "Kita Importiert"


def test_dieselbe_datei_noch_einmal_wird_nicht_neu_gelesen(store, monkeypatch):
    """The same upload after its import: the dry run answers from the fingerprint without parsing the file, and
    offers no import (there is nothing to write)."""
    import network.austausch as austausch

    vorher = finde(store.load(), "kitas", "kita-012")
    datei = ("kitas.csv", csv_text(Netzdaten(kitas=[dict(vorher, name="Kita Zweimal")]), "kitas").encode("utf-8"),
             "text/csv")
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Import").run()
    at.get("file_uploader")[0].set_value(datei).run()
    [b for b in at.button if b.label == "Jetzt importieren"][0].click().run()
    stand = store.version()
    gelesen = []
    monkeypatch.setattr(austausch, "lies_eingang", lambda *a, **k: gelesen.append(a) or austausch.Rohdaten())
    at.get("file_uploader")[0].set_value(datei).run()
    assert not at.exception and not at.error
    assert gelesen == []  # answered from the fingerprint: the upload was not parsed
    assert "unverändert seit dem Import, der den Datenstand" in texte(at)
    assert "Nichts zu importieren" in texte(at)
    probe = next(df.value for df in at.dataframe if "geändert" in df.value.columns)
    assert probe.to_dict("records") == [{"Datei": "kitas", "Zeilen": 1, "neu": 0, "geändert": 0, "unverändert": 1,
                                         "geänderte Felder": ""}]
    assert [b for b in at.button if b.label == "Jetzt importieren"] == []
    assert store.version() == stand


def test_andere_datei_wird_gelesen_und_geprueft(store, monkeypatch):
    """A changed upload after an import goes the whole way: parsed once, checked, offered for import."""
    import network.austausch as austausch

    vorher = finde(store.load(), "kitas", "kita-013")
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Import").run()
    for name in ("Kita Erstens", "Kita Zweitens"):
        text = csv_text(Netzdaten(kitas=[dict(vorher, name=name)]), "kitas").encode("utf-8")
        at.get("file_uploader")[0].set_value(("kitas.csv", text, "text/csv")).run()
        [b for b in at.button if b.label == "Jetzt importieren"][0].click().run()
    echt, gelesen = austausch.lies_eingang, []
    monkeypatch.setattr(austausch, "lies_eingang", lambda *a, **k: gelesen.append(a) or echt(*a, **k))
    text = csv_text(Netzdaten(kitas=[dict(vorher, name="Kita Drittens")]), "kitas").encode("utf-8")
    at.get("file_uploader")[0].set_value(("kitas.csv", text, "text/csv")).run()
    assert not at.exception and len(gelesen) == 1
    assert "Keine Fehler gefunden" in texte(at)
    [b for b in at.button if b.label == "Jetzt importieren"][0].click().run()
    assert finde(store.load(), "kitas", "kita-013")["name"] == "Kita Drittens"


def test_export_bietet_csv_und_excel(datenordner):
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Export").run()
    assert not at.exception
    assert len(at.get("download_button")) == 2


def test_zip_export_enthaelt_alle_dateien(store):
    from network.austausch.dateien import csv_zip as _zip_bytes

    with zipfile.ZipFile(io.BytesIO(_zip_bytes(store.load()))) as z:
        assert sorted(z.namelist()) == sorted(f"{d}.csv" for d in DATEI_REIHENFOLGE)
        assert "kitas.csv" in z.namelist()


def test_daten_mit_datumsauswahl_und_zahlen_deutsch(store):
    """Dates are picked (shown TT.MM.JJJJ), numbers typed German: „50,1“ is 50.1 (issue 15, points 1 and 2)."""
    at = angemeldet()
    at.selectbox(key="pf_kitas_wahl").set_value("kita-005").run()
    seit = at.date_input(key="pf_kitas_fachkraft_seit")
    assert seit.proto.format == "DD.MM.YYYY"  # the picker shows and takes TT.MM.JJJJ
    lat = at.text_input(key="pf_kitas_lat").value
    assert "," in lat and "." not in lat, lat  # coordinates shown with a decimal comma
    at.date_input(key="pf_kitas_fachkraft_seit").set_value(date(2026, 12, 1))
    at.text_input(key="pf_kitas_lat").input("50,1")
    at.text_input(key="pf_kitas_plaetze").input("1.000")
    speichern(at)
    assert not at.error, [e.value for e in at.error]
    neu = finde(store.load(), "kitas", "kita-005")
    assert neu["fachkraft_seit"] == "2026-12-01" and neu["lat"] == 50.1 and neu["plaetze"] == 1000
    assert at.date_input(key="pf_kitas_fachkraft_seit").value == date(2026, 12, 1)


def test_ohne_koordinaten_ortsmitte_und_lage_uebernehmen(store):
    """A new Angebot with only an address: shown at its Gemeinde's centre, marked as such, and Pflege takes the
    exact point over from an entry at the same address (issue 15, point 3)."""
    from network import pflege as P
    from network.zugang import KOMMANDOZEILE

    d = store.load()
    vorbild = next(a for a in d.angebote if a["id"] == "ang-017")
    werte = {"id": "ang-ortsmitte", "name": "Elterncafé Ortsmitte Test", "art": "Freizeit",
             "themen": "fruehe-hilfen", "versorgt": "alle", "strasse": vorbild["strasse"], "plz": vorbild["plz"],
             "ort": vorbild["ort"], "gemeinde_id": vorbild["gemeinde_id"], "gueltig_ab": "2024-01-01"}
    P.speichere(store, "angebote", werte, neu=True, wer=KOMMANDOZEILE)
    from network.ui.bausteine import daten as D

    D.geschrieben()
    # Wegweiser: near the Gemeinde it has a distance, is not last, and says „ungefähre Lage (Ortsmitte)“
    weg = seite("wegweiser", als=None)
    weg.query_params["ort"] = "g:" + vorbild["gemeinde_id"]
    weg.query_params["q"] = "Elterncafé Ortsmitte"
    weg.run()
    assert not weg.exception
    karte = "\n".join(klartext(m.value) for m in weg.markdown) + texte(weg)
    assert "ungefähre Lage (Ortsmitte)" in karte and re.search(r"ca\. 0,0 km, ungefähre Lage", karte)
    # the map draws it, and counts in German (singular)
    weg.segmented_control(key="w_ansicht").set_value("Karte").run()
    text = texte(weg)
    assert "1 Eintrag ohne eigene Koordinaten steht an der Ortsmitte seiner Gemeinde" in text, text
    assert "Angebote ohne festen Standort" not in text
    punkte = next(df.value for df in weg.dataframe if "Art" in df.value.columns)
    assert "Elterncafé Ortsmitte Test" in list(punkte["Name"])
    # Pflege: the warning and „Lage übernehmen“ from the entry at the same address
    at = angemeldet()
    at.segmented_control(key="pf_bereich").set_value("Angebote").run()
    at.selectbox(key="pf_angebote_wahl").set_value("ang-ortsmitte").run()
    assert any("Ortsmitte" in klartext(w.value) for w in at.warning)
    assert at.selectbox(key="pf_angebote_lage_quelle").value == "ang-017"
    at.button(key="pf_angebote_lage_knopf").click().run()
    assert at.text_input(key="pf_angebote_lat").value == in_formular("float", str(vorbild["lat"]))
    speichern(at)
    assert not at.error, [e.value for e in at.error]
    neu = finde(store.load(), "angebote", "ang-ortsmitte")
    assert (neu["lat"], neu["lon"]) == (vorbild["lat"], vorbild["lon"])
