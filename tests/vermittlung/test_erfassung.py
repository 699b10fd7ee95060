"""The anonymous record: it refuses anything but its six fields, validates, and counts on both backends."""

from __future__ import annotations

import pytest
from vm_netze import ang, koop, netz

from network.analyse import network_at
from network.errors import NichtGefundenFehler, VermittlungsFehler
from network.model import ERGEBNISSE
from network.vermittlung import (
    FELDER,
    Vermittlung,
    erfassen,
    vermittlungen,
    vermittlungen_je_kante,
)
from network.zugang import KOMMANDOZEILE

GUT = {"monat": "2025-03", "kita_id": "kita-1", "angebot_id": "ang-1", "thema_id": "sucht"}


# -- the record refuses extra fields and free text ----------------------------------------------------
@pytest.mark.parametrize("feld", ["name", "notiz", "geburtsdatum", "alter", "familie", "fachkraft_id",
                                  "erfasst_von", "tag", "kommentar"])
def test_jedes_weitere_feld_wird_abgelehnt(feld):
    with pytest.raises(VermittlungsFehler, match=f"Unbekanntes Feld „{feld}“.*keine Angaben zur Familie"):
        Vermittlung.aus_dict({**GUT, feld: "Familie M., Kind 3 Jahre"})


def test_mehrere_fremde_felder_werden_alle_genannt():
    with pytest.raises(VermittlungsFehler, match="Unbekannte Felder „alter“, „name“"):
        Vermittlung.aus_dict({**GUT, "name": "x", "alter": 3})


def test_felder_sind_genau_sechs_und_die_dataclass_hat_keine_weiteren():
    assert FELDER == ("monat", "kita_id", "angebot_id", "thema_id", "ergebnis", "anzahl")
    assert tuple(Vermittlung.aus_dict(GUT).als_dict()) == FELDER
    with pytest.raises(TypeError):
        Vermittlung(**GUT, notiz="frei")  # noqa - a dataclass takes no other field


@pytest.mark.parametrize("aenderung, meldung", [
    ({"ergebnis": "Familie kam nicht, war krank"}, "Ergebnis „Familie kam nicht, war krank“ gibt es nicht"),
    ({"ergebnis": "Vermittelt"}, "gibt es nicht"),
    ({"monat": "2025-03-14"}, "Format JJJJ-MM"),
    ({"monat": "2025-13"}, "Format JJJJ-MM"),
    ({"monat": "März 2025"}, "Format JJJJ-MM"),
    ({"monat": "1999-12"}, "vor dem Jahr 2000"),
    ({"anzahl": 0}, "ganze Zahl von 1 bis 100"),
    ({"anzahl": 101}, "ganze Zahl von 1 bis 100"),
    ({"anzahl": True}, "ganze Zahl"),
    ({"anzahl": "1"}, "ganze Zahl"),
    ({"kita_id": ""}, "Kita: bitte eine Kennung"),
    ({"kita_id": None}, "Kita: bitte eine Kennung"),
    ({"angebot_id": "Beratung für Familie M.\nTel. 0170 123"}, "Freitext wird nicht gespeichert"),
    ({"thema_id": "x" * 101}, "Freitext wird nicht gespeichert"),
])
def test_ungueltige_werte(aenderung, meldung):
    with pytest.raises(VermittlungsFehler, match=meldung):
        Vermittlung.aus_dict({**GUT, **aenderung})


def test_pflichtfelder_und_nur_zuordnungen():
    with pytest.raises(VermittlungsFehler, match="Es fehlt: Thema"):
        Vermittlung.aus_dict({k: v for k, v in GUT.items() if k != "thema_id"})
    with pytest.raises(VermittlungsFehler, match="Zuordnung"):
        Vermittlung.aus_dict([("monat", "2025-03")])


def test_schluessel_haengt_nur_an_den_fuenf_merkmalen():
    a = Vermittlung.aus_dict(GUT)
    assert a.id == Vermittlung.aus_dict({**GUT, "anzahl": 3}).id
    assert len({a.id} | {Vermittlung.aus_dict({**GUT, "ergebnis": e}).id for e in ERGEBNISSE}) == len(ERGEBNISSE)
    assert a.id != Vermittlung.aus_dict({**GUT, "monat": "2025-04"}).id


# -- storage contract, both backends ------------------------------------------------------------------
def test_erfassen_zaehlt_hoch_und_speichert_nur_die_sechs_felder(store, mini):
    store.write(mini)
    assert erfassen(store, GUT, heute="2025-06-01", wer=KOMMANDOZEILE) == 1
    assert erfassen(store, {**GUT, "anzahl": 2}, heute="2025-06-01", wer=KOMMANDOZEILE) == 3
    assert erfassen(store, Vermittlung(**{**GUT, "ergebnis": "Warteliste"}), heute="2025-06-01",
                    wer=KOMMANDOZEILE) == 1
    assert erfassen(store, {**GUT, "monat": "2025-04", "thema_id": "fruehe-hilfen"}, heute="2025-06-01",
                    wer=KOMMANDOZEILE) == 1
    rows = vermittlungen(store)
    assert rows == [
        {"monat": "2025-03", "kita_id": "kita-1", "angebot_id": "ang-1", "thema_id": "sucht", "ergebnis": "Warteliste",
         "anzahl": 1},
        {"monat": "2025-03", "kita_id": "kita-1", "angebot_id": "ang-1", "thema_id": "sucht", "ergebnis": "vermittelt",
         "anzahl": 3},
        {"monat": "2025-04", "kita_id": "kita-1", "angebot_id": "ang-1", "thema_id": "fruehe-hilfen",
         "ergebnis": "vermittelt", "anzahl": 1},
    ]
    assert store.counts()["nodes"]["Vermittlung"] == 3
    # what is stored on the node: the derived id and the six fields, nothing else
    gespeichert = store.query("lade_vermittlungen")
    assert all(set(r) == {"id", *FELDER} for r in gespeichert)
    # the directory itself is untouched
    assert store.load().kitas == sorted(mini.kitas, key=lambda r: r["id"])


@pytest.mark.parametrize("aenderung, fehlt", [
    ({"kita_id": "kita-9"}, "die Kita „kita-9“"),
    ({"angebot_id": "ang-9"}, "das Angebot „ang-9“"),
    ({"thema_id": "gibtsnicht"}, "das Thema „gibtsnicht“"),
])
def test_unbekannte_referenz_schreibt_nichts(store, mini, aenderung, fehlt):
    store.write(mini)
    with pytest.raises(NichtGefundenFehler, match=f"Im Verzeichnis fehlt {fehlt}"):
        erfassen(store, {**GUT, **aenderung}, heute="2025-06-01", wer=KOMMANDOZEILE)
    assert vermittlungen(store) == []


def test_monat_in_der_zukunft_wird_abgelehnt(store, mini):
    store.write(mini)
    with pytest.raises(VermittlungsFehler, match="liegt in der Zukunft"):
        erfassen(store, {**GUT, "monat": "2025-07"}, heute="2025-06-30", wer=KOMMANDOZEILE)
    assert erfassen(store, {**GUT, "monat": "2025-06"}, heute="2025-06-01", wer=KOMMANDOZEILE) == 1


def test_kita_id_ist_keine_angebot_id(store, mini):
    """A Kita id given as Angebot (or the reverse) is refused: the labels are checked, not only the ids."""
    store.write(mini)
    with pytest.raises(NichtGefundenFehler, match="das Angebot „kita-2“"):
        erfassen(store, {**GUT, "angebot_id": "kita-2"}, heute="2025-06-01", wer=KOMMANDOZEILE)


# -- counts weight the edges of the analytics ---------------------------------------------------------
def test_zaehlungen_erhoehen_das_gewicht_bestehender_kooperationen(store):
    d = netz([ang("a-1"), ang("a-2")], [koop("c1", "k1", "a-1", intensitaet=2)])
    store.write(d)
    for _ in range(3):
        erfassen(store, {"monat": "2025-05", "kita_id": "k1", "angebot_id": "a-1", "thema_id": "sucht"},
                 heute="2025-06-01", wer=KOMMANDOZEILE)
    erfassen(store, {"monat": "2025-05", "kita_id": "k1", "angebot_id": "a-1", "thema_id": "sucht",
                     "ergebnis": "nicht zuständig", "anzahl": 5}, heute="2025-06-01", wer=KOMMANDOZEILE)
    erfassen(store, {"monat": "2025-04", "kita_id": "k1", "angebot_id": "a-1", "thema_id": "sucht",
                     "ergebnis": "Warteliste"}, heute="2025-06-01", wer=KOMMANDOZEILE)
    erfassen(store, {"monat": "2025-05", "kita_id": "k2", "angebot_id": "a-2", "thema_id": "sucht", "anzahl": 4},
             heute="2025-06-01", wer=KOMMANDOZEILE)
    kanten = vermittlungen_je_kante(store)
    assert kanten == {("k1", "a-1"): 4, ("k2", "a-2"): 4}  # „nicht zuständig“ is no used path
    assert vermittlungen_je_kante(store, von_monat="2025-05") == {("k1", "a-1"): 3, ("k2", "a-2"): 4}

    ohne = network_at(d, "2025-06-01")
    mit = network_at(d, "2025-06-01", vermittlungen=kanten)
    assert ohne["k1"]["a-1"]["weight"] == 2
    assert mit["k1"]["a-1"]["weight"] == 6 and mit["k1"]["a-1"]["vermittlungen"] == 4
    assert not mit.has_edge("k2", "a-2")  # a referral alone is no Kooperation


def test_aufbewahrung_loescht_monate_aelter_als_fuenf_jahre(store, mini):
    from network.vermittlung import alte_loeschen

    store.write(mini)
    for monat in ("2020-12", "2021-01", "2021-02", "2025-05"):
        erfassen(store, {**GUT, "monat": monat}, heute="2026-01-15", wer=KOMMANDOZEILE)
    assert alte_loeschen(store, heute="2026-01-15") == "2021-01"
    assert [r["monat"] for r in vermittlungen(store)] == ["2021-01", "2021-02", "2025-05"]
