"""DataFrame views, coverage heatmap, CSV export and the quarterly time series."""

from __future__ import annotations

import csv
import io
import math

import pytest

from network.analyse import (
    abdeckung,
    akteure,
    als_csv,
    analyse,
    auswerten,
    empfehlungen,
    hinweise,
    hubs,
    luecken,
    metriken,
    wachstum,
)
from network.analyse.export import CSV_SPALTEN
from network.analyse.tabellen import AKTEUR_SPALTEN, EMPFEHLUNG_SPALTEN, HUB_SPALTEN, LUECKEN_SPALTEN, METRIK_SPALTEN

TAG = "2024-06-30"


@pytest.fixture
def auswertung(kleines_netz):
    return auswerten(kleines_netz, TAG)


def test_metriken(auswertung):
    df = metriken(auswertung)
    assert list(df.columns) == METRIK_SPALTEN
    assert df["sozialraum_id"].tolist() == ["sr-a", "sr-b", "sr-c", "alle"]
    nord = df.iloc[0]
    assert (nord.kitas, nord.angebote, nord.akteure, nord.kooperationen, nord.komponenten) == (4, 4, 8, 5, 3)
    assert (nord.artikulationspunkte, nord.bruecken, nord.groesste_komponente) == (3, 5, 6)
    assert nord.externer_anteil == pytest.approx(1 / 6)
    assert nord.grad_mittel == pytest.approx(10 / 8)
    assert nord.betweenness_max == pytest.approx(7 / 21)
    # Luecken in Nord: 1 Thema + 1 ohne Kooperation + 2 ohne Beratung + 5 einzige Verbindung
    assert nord.luecken == 9 and nord.empfehlungen == 2


def test_metriken_aus_netzdaten_wie_aus_auswertung(kleines_netz, auswertung):
    assert metriken(kleines_netz, TAG).equals(metriken(auswertung))


def test_akteure(auswertung):
    df = akteure(auswertung)
    assert list(df.columns) == AKTEUR_SPALTEN
    nord = df[df.sozialraum_id == "sr-a"].set_index("id")
    assert sorted(nord.index) == ["a1", "a2", "a4", "a7", "k1", "k2", "k3", "k4"]
    a2 = nord.loc["a2"]
    assert (a2.degree, a2.gewichteter_grad, bool(a2.artikulationspunkt), a2.hub_rang) == (3, 5, True, 1)
    assert a2.betweenness == pytest.approx(7 / 21)
    assert bool(nord.loc["a4"].vor_ort) is False and bool(nord.loc["a1"].vor_ort) is True
    assert math.isnan(nord.loc["k4"].constraint)
    # a4 serves all three Sozialräume: one row in each
    assert (df.id == "a4").sum() == 3


def test_hubs(auswertung):
    df = hubs(auswertung)
    assert list(df.columns) == HUB_SPALTEN
    assert df.groupby("sozialraum_id").size().to_dict() == {"alle": 5, "sr-a": 5, "sr-b": 3}
    assert df[df.sozialraum_id == "sr-b"]["id"].tolist() == ["k5", "a3", "a4"]
    assert df["rang"].tolist()[:5] == [1, 2, 3, 4, 5]


def test_luecken(auswertung):
    df = luecken(auswertung)
    assert list(df.columns) == LUECKEN_SPALTEN
    bericht = auswertung.bericht()
    assert len(df) == sum(len(v) for s in bericht["sozialraeume"] for v in s["luecken"].values())
    assert df["grund"].notna().all()
    e = df[df.art == "entfernung"].iloc[0]
    assert (e.kita_id, e.thema, e.angebot_id) == ("k5", "kultur", "a7")
    ev = df[(df.art == "einzige_verbindung") & (df.sozialraum_id == "sr-a")]
    assert ev["akteure"].tolist()[0] == ["k1"]


def test_luecken_mit_max_km(kleines_netz):
    assert (luecken(kleines_netz, TAG, max_km=30).art == "entfernung").sum() == 0


def test_empfehlungen_und_hinweise(auswertung):
    df = empfehlungen(auswertung)
    assert list(df.columns) == EMPFEHLUNG_SPALTEN
    assert list(zip(df.kita_id, df.angebot_id)) == [("k3", "a1"), ("k4", "a4"), ("k5", "a7")]
    assert df.loc[2, "km"] == pytest.approx(28.59, abs=0.02)
    h = hinweise(auswertung)
    assert h["sozialraum_id"].tolist() == ["sr-a"] and "k4" in h.loc[0, "hinweis"]


def test_abdeckung(kleines_netz):
    df = abdeckung(kleines_netz, TAG)
    assert df.to_dict("index") == {
        "sr-a": {"bewegung": 1, "gewaltschutz": 0, "kultur": 2, "sucht": 2},
        "sr-b": {"bewegung": 1, "gewaltschutz": 0, "kultur": 1, "sucht": 1},
        "sr-c": {"bewegung": 0, "gewaltschutz": 0, "kultur": 0, "sucht": 1},
    }
    namen = abdeckung(kleines_netz, TAG, namen=True)
    assert list(namen.index) == ["Nord", "Süd", "Leer"] and list(namen.columns)[0] == "Bewegung"
    assert abdeckung(auswerten(kleines_netz, TAG)).equals(df)


def test_als_csv(kleines_netz):
    bericht = analyse(kleines_netz, TAG)
    zeilen = list(csv.DictReader(io.StringIO(als_csv(bericht))))
    assert list(zeilen[0]) == CSV_SPALTEN
    luecken_zeilen = [z for z in zeilen if z["kategorie"] == "luecke"]
    assert len(luecken_zeilen) == sum(len(v) for s in bericht["sozialraeume"] for v in s["luecken"].values())
    assert all(z["grund"] for z in luecken_zeilen)
    assert [(z["kita_id"], z["angebot_id"]) for z in zeilen if z["kategorie"] == "empfehlung"] == [
        ("k3", "a1"), ("k4", "a4"), ("k5", "a7")]
    ev = [z for z in luecken_zeilen if z["merkmal"] == "einzige_verbindung" and z["sozialraum_id"] == "sr-a"]
    assert ev[1]["akteur_id"] == "k1|k2" and ev[1]["thema"] == "sucht"
    kz = {(z["sozialraum_id"], z["merkmal"]): z["wert"] for z in zeilen if z["kategorie"] == "kennzahl"}
    assert kz[("sr-a", "kooperationen")] == "5" and kz[("alle", "kitas")] == "5"
    hub = next(z for z in zeilen if z["kategorie"] == "hub")
    assert (hub["merkmal"], hub["akteur_id"], hub["wert"]) == ("1", "a2", "0.333333")


def test_als_csv_semikolon(kleines_netz):
    text = als_csv(analyse(kleines_netz, TAG, sozialraum="sr-c"), trennzeichen=";")
    assert text.splitlines()[0] == ";".join(CSV_SPALTEN)


def test_wachstum(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k1", "gemeinde": "g-a"}, {"id": "k2", "gemeinde": "g-a"}],
            angebote=[{"id": "a", "art": "Beratung", "versorgt": ["sr-a"]},
                      {"id": "b", "art": "Freizeit", "versorgt": ["sr-a"]}],
            kooperationen=[{"von": "k1", "zu": "a", "seit": "2023-02-15"},
                           {"von": "k2", "zu": "a", "seit": "2023-05-01", "bis": "2023-11-30"},
                           {"von": "k2", "zu": "b", "seit": "2024-01-10"}])
    df = wachstum(d, bis="2024-02-01")
    sr = df[df.sozialraum_id == "sr-a"]
    assert sr["quartal"].tolist() == ["2023-01-01", "2023-04-01", "2023-07-01", "2023-10-01", "2024-01-01"]
    assert sr["stichtag"].tolist() == ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31", "2024-02-01"]
    assert sr["kooperationen"].tolist() == [1, 2, 2, 1, 2]
    assert sr["komponenten"].tolist() == [3, 2, 2, 3, 2]
    assert sr["akteure"].tolist() == [4] * 5
    assert sr["dichte"].tolist() == pytest.approx([1 / 6, 2 / 6, 2 / 6, 1 / 6, 2 / 6])
    # 2023-03-31: k2 without Kooperation and Beratung; 2023-06-30: a cuts k1 and k2 off from each other;
    # 2024-02-01: k2 without Beratung, and {k2, b} a part without Beratung
    assert sr["luecken"].tolist() == [2, 1, 1, 2, 2]
    gesamt = df[df.sozialraum_id == "alle"]
    assert gesamt["luecken"].tolist() == sr["luecken"].tolist()
    assert gesamt["sozialraum"].unique().tolist() == ["Gesamt"]


def test_wachstum_ohne_kooperationen(bau):
    df = wachstum(bau(sozialraeume=["sr-a"]), bis="2024-01-01")
    assert df.empty and "quartal" in df.columns
