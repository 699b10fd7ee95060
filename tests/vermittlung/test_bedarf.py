"""Reported gaps („Als Lücke melden“): four fields only, counted per month, Sozialraum and Thema on both
backends, no trace of who reported, protected tables, and the retention rule."""

from __future__ import annotations

import pytest
from vm_netze import ang, netz

from network.errors import NichtGefundenFehler, VermittlungsFehler, ZugriffsFehler
from network.vermittlung import erfassen, kreuztabelle, vermittlungen
from network.vermittlung.anonym import KLEIN
from network.vermittlung.bedarf import (
    LUECKE_FELDER,
    Bedarfsluecke,
    aufraeumen,
    bedarfsluecken,
    luecke_melden,
    sozialraum_der_kita,
)
from network.zugang import KOMMANDOZEILE, OEFFENTLICH, Nutzer


@pytest.fixture
def mini():
    return netz([ang("ang-1")])


def test_nur_vier_felder_und_gueltige_werte():
    assert LUECKE_FELDER == ("monat", "sozialraum_id", "thema_id", "anzahl")
    assert tuple(Bedarfsluecke("2025-03", "sr-a", "sucht").als_dict()) == LUECKE_FELDER
    with pytest.raises(TypeError):
        Bedarfsluecke("2025-03", "sr-a", "sucht", kita_id="k1")  # noqa - no other field
    with pytest.raises(VermittlungsFehler, match="keinem Sozialraum"):
        Bedarfsluecke("2025-03", "", "sucht")
    with pytest.raises(VermittlungsFehler, match="Freitext"):
        Bedarfsluecke("2025-03", "sr-a", "Familie M. braucht\nHilfe")
    with pytest.raises(VermittlungsFehler, match="Anzahl"):
        Bedarfsluecke("2025-03", "sr-a", "sucht", anzahl=0)


def test_sozialraum_der_kita(mini):
    assert sozialraum_der_kita(mini, "k1") == "sr-a"
    with pytest.raises(NichtGefundenFehler, match="„k9“"):
        sozialraum_der_kita(mini, "k9")


def test_melden_zaehlt_je_schluessel_auf_beiden_backends(store, mini):
    store.write(mini)
    protokoll = len(store.query("lade_protokoll"))
    fk = Nutzer("fiona", "fachkraft", "fk-01")
    assert luecke_melden(store, Bedarfsluecke("2025-03", "sr-a", "sucht"), heute="2025-06-01", wer=fk) == 1
    assert luecke_melden(store, Bedarfsluecke("2025-03", "sr-a", "sucht", 2), heute="2025-06-01", wer=fk) == 3
    assert luecke_melden(store, Bedarfsluecke("2025-04", "sr-b", "fruehe-hilfen"), heute="2025-06-01",
                         wer=KOMMANDOZEILE) == 1
    rows = bedarfsluecken(store)
    assert rows == [{"monat": "2025-03", "sozialraum_id": "sr-a", "thema_id": "sucht", "anzahl": 3},
                    {"monat": "2025-04", "sozialraum_id": "sr-b", "thema_id": "fruehe-hilfen", "anzahl": 1}]
    assert "fiona" not in str(rows)
    assert len(store.query("lade_protokoll")) == protokoll  # who reported is stored nowhere


def test_melden_prueft_recht_zukunft_und_verweise(store, mini):
    store.write(mini)
    with pytest.raises(ZugriffsFehler):
        luecke_melden(store, Bedarfsluecke("2025-03", "sr-a", "sucht"), heute="2025-06-01", wer=OEFFENTLICH)
    with pytest.raises(VermittlungsFehler, match="Zukunft"):
        luecke_melden(store, Bedarfsluecke("2025-07", "sr-a", "sucht"), heute="2025-06-01", wer=KOMMANDOZEILE)
    with pytest.raises(NichtGefundenFehler, match="Sozialraum „sr-x“"):
        luecke_melden(store, Bedarfsluecke("2025-03", "sr-x", "sucht"), heute="2025-06-01", wer=KOMMANDOZEILE)
    with pytest.raises(NichtGefundenFehler, match="Thema „gibtsnicht“"):
        luecke_melden(store, Bedarfsluecke("2025-03", "sr-a", "gibtsnicht"), heute="2025-06-01",
                      wer=KOMMANDOZEILE)
    assert bedarfsluecken(store) == []


def test_kreuztabelle_der_luecken_ist_geschuetzt(mini):
    rows = [{"monat": "2025-03", "sozialraum_id": "sr-a", "thema_id": "sucht", "anzahl": 1},
            {"monat": "2025-03", "sozialraum_id": "sr-b", "thema_id": "sucht", "anzahl": 4}]
    t = kreuztabelle(rows, mini, "sozialraum", "thema")
    assert [n for _, n in t.zeilen] == ["Nord", "Süd"]
    anzeige = t.geschuetzt.anzeige()
    assert anzeige[0][0] == KLEIN and "1" not in sum(anzeige, [])
    assert anzeige[-1][-1] == "5"  # the grand total stays visible


def test_aufraeumen_loescht_alte_zaehlungen_und_luecken(store, mini):
    store.write(mini)
    for monat in ("2020-12", "2021-01", "2025-05"):
        erfassen(store, {"monat": monat, "kita_id": "k1", "angebot_id": "ang-1", "thema_id": "sucht"},
                 heute="2026-01-15", wer=KOMMANDOZEILE)
    for monat in ("2019-03", "2020-12", "2021-01"):
        luecke_melden(store, Bedarfsluecke(monat, "sr-a", "sucht"), heute="2026-01-15", wer=KOMMANDOZEILE)
    assert aufraeumen(store, heute="2026-01-15") == {"vor_monat": "2021-01", "vermittlungen": 1,
                                                     "bedarfsluecken": 2}
    assert [r["monat"] for r in vermittlungen(store)] == ["2021-01", "2025-05"]
    assert [r["monat"] for r in bedarfsluecken(store)] == ["2021-01"]
    assert aufraeumen(store, heute="2026-01-15")["vermittlungen"] == 0
