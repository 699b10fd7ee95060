"""Page Sozialraumkonzept (AppTest on the seeded demo data): weights, budget and staff, formula, result table,
comparison, need and supply, Soll/Ist, Kitas, saving scenarios (rights), and the PDF with the screen's numbers."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from conftest import klartext, seite, texte
from pypdf import PdfReader

from network.zugang import KOMMANDOZEILE, Nutzer

SOZIALRAEUME = ["Boppard", "Hunsrück-Mittelrhein", "Kastellaun", "Kirchberg (Hunsrück)", "Simmern-Rheinböllen"]
KOORDINATION = Nutzer("koordination.test", "koordination")


@pytest.fixture
def at(datenordner):
    return seite("sozialraumkonzept")


def ergebnis(at):
    """The result table as on screen (German strings), Sozialraum as a column."""
    return next(t.value for t in at.table if "Anteil" in t.value.columns).reset_index()


def tabelle(at, spalte: str):
    return next(d.value for d in at.dataframe if spalte in d.value.columns)


def test_seite_zeigt_standard_formel_und_ergebnis(at):
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Sozialraumkonzept"]
    assert not at.error
    assert any("Demodaten" in w.value for w in at.warning)
    assert at.selectbox(key="sk_szenario").value == "Standard"
    # every number field shows German: thousands „.“, decimal „,“ (was „1670000.00“ and „7.00“)
    assert at.text_input(key="sk_budget").value == "1.670.000,00"
    assert at.text_input(key="sk_stunden").value == "7,00"
    assert at.text_input(key="sk_w_kinder_sgb2").value == "1"
    assert at.text_input(key="sk_w_kriterium_6").value == "0"
    assert "(keine Werte)" in klartext(at.text_input(key="sk_w_kriterium_6").label)
    assert any(r"\sum_i w_i" in x.value for x in at.latex)
    assert "Hare–Niemeyer" in texte(at)
    df = ergebnis(at)
    assert list(df["Sozialraum"]) == SOZIALRAEUME + ["Summe"]
    assert df["Budget"].iloc[-1] == "1.670.000,00 €" and df["Stellen (VZÄ)"].iloc[-1] == "7,00"
    # the rounded parts add up exactly
    cent = [int(b.replace(".", "").replace(",", "").removesuffix(" €")) for b in df["Budget"][:-1]]
    assert sum(cent) == 167_000_000
    assert sum(float(x.replace(",", ".")) for x in df["Stellen (VZÄ)"][:-1]) == 7.0


def test_gewicht_aendern_veraendert_die_verteilung(at):
    at.run()
    vorher = list(ergebnis(at)["Budget"])
    at.text_input(key="sk_w_kinder_sgb2").set_value("5").run()
    assert not at.exception
    nachher = list(ergebnis(at)["Budget"])
    assert nachher != vorher and nachher[-1] == vorher[-1]
    assert "Standard (geändert)" in texte(at)
    # B = the weights on screen, A = Standard: somebody gains, somebody loses, the differences add up to 0
    v = tabelle(at, "Ergebnis")
    assert set(v["Ergebnis"]) >= {"gewinnt", "verliert"}


def test_eingaben_werden_geprueft(at):
    at.run()
    at.text_input(key="sk_stunden").set_value("7,1").run()
    assert not at.exception
    assert any("kein Vielfaches des Schritts 0,25" in klartext(e.value) for e in at.error)
    at.selectbox(key="sk_schritt").set_value(0.1).run()
    assert not at.error, [e.value for e in at.error]
    assert ergebnis(at)["Stellen (VZÄ)"].iloc[-1] == "7,10"
    at.text_input(key="sk_min_budget").set_value("300.000").run()
    assert not at.error
    df = ergebnis(at)
    assert "Mindestbetrag" in df.columns and "angehoben" in list(df["Mindestbetrag"])
    assert all(int(b.split(",")[0].replace(".", "")) >= 300_000 for b in df["Budget"][:-1])


def test_budget_in_deutscher_schreibweise(at):
    """„1.670.000“ is one million six hundred seventy thousand euros, never 1,67 € (issue 15, point 1)."""
    at.run()
    at.text_input(key="sk_budget").set_value("1.670.000").run()
    assert not at.exception and not at.error
    df = ergebnis(at)
    assert df["Budget"].iloc[-1] == "1.670.000,00 €"
    assert all(int(b.split(",")[0].replace(".", "")) > 100_000 for b in df["Budget"][:-1])
    assert at.text_input(key="sk_budget").value == "1.670.000,00"  # shown back in the canonical form
    at.text_input(key="sk_stunden").set_value("7,5").run()
    assert ergebnis(at)["Stellen (VZÄ)"].iloc[-1] == "7,50"


@pytest.mark.parametrize("feld, eingabe, meldung", [
    ("sk_budget", "1670000.00", "„1670000.00“ ist keine eindeutige Zahl"),
    ("sk_budget", "1,67 Mio", "„1,67 Mio“ ist keine Zahl"),
    ("sk_stunden", "7.5", "Stellen: „7.5“ ist keine eindeutige Zahl"),
    ("sk_w_kinder_sgb2", "viel", "„viel“ ist keine Zahl"),
    ("sk_min_budget", "-5", "Mindestbetrag: mindestens 0"),
])
def test_mehrdeutige_zahl_wird_nicht_gerechnet(at, feld, eingabe, meldung):
    at.run()
    at.text_input(key=feld).set_value(eingabe).run()
    assert not at.exception
    assert any(meldung in klartext(e.value) for e in at.error), [e.value for e in at.error]
    assert "Es wurde nichts berechnet" in texte(at)
    assert not [t for t in at.table if "Anteil" in t.value.columns]  # no result on a guess
    from network.errors import EingabeFehler
    from network.grund.format import zahl_lesen

    try:  # nothing lost: the field keeps what was typed (a readable number may be rewritten, same value)
        assert zahl_lesen(at.text_input(key=feld).value) == zahl_lesen(eingabe)
    except EingabeFehler:
        assert at.text_input(key=feld).value == eingabe


def test_diagramme_haben_deutsche_zahlen(at):
    """The bar chart's axis reads „100.000“, not „100,000“: every chart carries the German Vega locale."""
    at.run()
    import json

    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert specs
    for spec in specs:
        assert spec["config"]["locale"]["number"]["thousands"] == "."
        assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_alle_gewichte_null_ist_ein_klarer_fehler(at):
    at.run()
    for k in ("hze_ambulant_u6", "familiengericht", "auslaendische_kinder", "kinder_sgb2", "kita_migration"):
        at.text_input(key=f"sk_w_{k}").set_value("0")
    at.run()
    assert not at.exception
    assert any("keinen Indikator mit einem Gewicht über 0" in klartext(e.value) for e in at.error)


def test_bedarf_angebot_soll_ist_und_kitas(at):
    at.run()
    bedarf = tabelle(at, "je 1 000 Kinder")
    assert sorted(bedarf["Sozialraum"]) == SOZIALRAEUME
    assert (bedarf["Lücken"] >= 0).all()
    soll = tabelle(at, "Soll − Ist")
    assert list(soll["Sozialraum"]) == SOZIALRAEUME
    assert set(soll.columns) >= {"Soll (VZÄ)", "Ist (VZÄ)", "Kitas je VZÄ (Ist)", "Plätze je VZÄ (Ist)"}
    kitas = tabelle(at, "Kita-Wert")
    assert len(kitas) > 0 and "Budget" in kitas.columns
    at.selectbox(key="sk_kita_indikator").set_value("anteil_migration").run()
    assert not at.exception
    assert tabelle(at, "Kita-Wert")["Kita-Wert"].iloc[0] != "–"


def test_szenario_speichern_laden_loeschen(at, store):
    at.session_state["nutzer"] = KOORDINATION
    at.run()
    at.text_input(key="sk_w_kinder_sgb2").set_value("3")
    at.text_input(key="sk_w_alleinerziehende").set_value("1")
    at.text_input(key="sk_name").input("Test SGB II dreifach")
    at.text_input(key="sk_beschreibung").input("Probe <b>fett</b>")
    at.button(key="FormSubmitter:sk_speichern_form-Szenario speichern").click().run()
    assert not at.exception and not at.error
    assert "Szenario „Test SGB II dreifach“ gespeichert." in texte(at)
    assert at.selectbox(key="sk_szenario").value == "Test SGB II dreifach"
    from network.errors import NichtGefundenFehler
    from network.verteilung import lade

    assert lade(store, "Test SGB II dreifach").gewichte["kinder_sgb2"] == 3.0
    # back to Standard, then load the saved one: the inputs take its weights
    at.selectbox(key="sk_szenario").set_value("Standard").run()
    assert at.text_input(key="sk_w_kinder_sgb2").value == "1"
    at.selectbox(key="sk_szenario").set_value("Test SGB II dreifach").run()
    assert at.text_input(key="sk_w_kinder_sgb2").value == "3"
    assert at.text_input(key="sk_w_alleinerziehende").value == "1"
    assert "Probe <b>fett</b>" in texte(at)
    # delete it
    at.selectbox(key="sk_loeschen_name").set_value("Test SGB II dreifach").run()
    next(b for b in at.button if b.label == "Löschen").click().run()
    assert not at.exception
    assert "Test SGB II dreifach" not in at.selectbox(key="sk_szenario").options
    assert at.selectbox(key="sk_szenario").value == "Standard"
    with pytest.raises(NichtGefundenFehler):
        lade(store, "Test SGB II dreifach")


def test_ohne_recht_kein_speichern(datenordner):
    at = seite("sozialraumkonzept", als=Nutzer("fk.test", "fachkraft", "fk-01")).run()
    assert any("nur für die Koordination" in e.value for e in at.error)  # the page guard
    assert not [t for t in at.text_input if t.key == "sk_name"]


def test_gespeichertes_szenario_im_vergleich(at, store):
    from network.verteilung import Szenario, loesche, speichere

    speichere(store, Szenario("Test nur SGB II", {"kinder_sgb2": 1.0}), wer=KOMMANDOZEILE)
    try:
        at.run()
        at.selectbox(key="sk_vergleich_b").set_value("Test nur SGB II").run()
        assert not at.exception
        v = tabelle(at, "Ergebnis")
        assert set(v["Ergebnis"]) <= {"gewinnt", "verliert", "gleich"} and len(v) == 5
        assert v["Budget A"].tolist() != v["Budget B"].tolist()
    finally:
        loesche(store, "Test nur SGB II", wer=KOMMANDOZEILE)


def test_pdf_zeigt_die_zahlen_des_bildschirms(at):
    at.run()
    at.text_input(key="sk_w_familiengericht").set_value("2,5")
    at.text_input(key="sk_budget").set_value("1.234.567,89")
    at.run()
    assert not at.exception
    bildschirm = ergebnis(at)
    from network.austausch import read_path, validate
    from network.cli import SEED_DIR
    from network.ui.seiten.sozialraumkonzept import berechne, eingaben
    from network.verteilung import pdf_bytes

    e = eingaben(at.session_state)
    assert e["gewichte"]["familiengericht"] == 2.5 and e["budget"] == Decimal("1234567.89")
    v = berechne(validate(read_path(SEED_DIR)), e)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes(v))).pages)
    for name, budget, vzae in zip(bildschirm["Sozialraum"], bildschirm["Budget"], bildschirm["Stellen (VZÄ)"]):
        assert name in text
        assert budget in text, (name, budget)
        if name != "Summe":
            assert f"{budget} · {vzae} VZÄ" in text  # the bar label
    assert "1.234.567,89 €" in text and "DEMODATEN" in text


def test_herunterladen_gibt_die_datei_oder_sagt_warum_nicht(at, monkeypatch):
    """Issue 15.10: no deferred file that may be gone when clicked; made on request, handed over as bytes, and a
    failure is a German message."""
    at.run()
    assert not at.get("download_button")  # nothing stale to click
    at.button(key="sk_erstellen").click().run()
    knoepfe = at.get("download_button")
    assert [k.proto.label for k in knoepfe] == ["Bericht (PDF)", "Tabellen (Excel)"]
    assert all(k.proto.url and not k.proto.deferred_file_id for k in knoepfe)
    # changed inputs: the files are stale and are made again on request
    at.text_input(key="sk_w_kinder_sgb2").set_value("2").run()
    assert not at.get("download_button") and at.button(key="sk_erstellen")
    from network import verteilung as V

    def kaputt(*a, **k):
        raise RuntimeError("Test: Schrift fehlt")

    monkeypatch.setattr(V, "excel_bytes", kaputt)
    at.button(key="sk_erstellen").click().run()
    assert not at.exception
    assert any("konnten nicht erstellt werden" in e.value for e in at.error)
    assert not at.get("download_button")
