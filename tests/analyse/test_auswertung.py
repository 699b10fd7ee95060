"""The JSON contract of analyse(): shape, types, order, determinism."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random

import pytest

from network.analyse import analyse, auswerten
from network.errors import KitaNetzFehler, NichtGefundenFehler

TAG = "2024-06-30"

SR_SCHLUESSEL = {"id", "name", "kitas", "angebote", "kooperationen", "dichte", "komponenten", "hubs", "luecken",
                 "empfehlungen"}
LUECKEN_SCHLUESSEL = {"themen_ohne_angebot", "kitas_ohne_kooperation", "kitas_ohne_beratung", "entfernung",
                      "einzige_verbindung", "komponenten_ohne_beratung"}


def test_vertrag_form(kleines_netz):
    b = analyse(kleines_netz, TAG)
    assert b["stichtag"] == TAG
    assert [s["id"] for s in b["sozialraeume"]] == ["sr-a", "sr-b", "sr-c"]
    for s in b["sozialraeume"]:
        assert SR_SCHLUESSEL <= s.keys()
        assert isinstance(s["id"], str) and isinstance(s["name"], str)
        for k in ("kitas", "angebote", "kooperationen", "komponenten"):
            assert type(s[k]) is int
        assert isinstance(s["dichte"], float)
        for h in s["hubs"]:
            assert set(h) == {"id", "name", "typ", "degree", "betweenness"}
            assert h["typ"] in ("Kita", "Angebot") and type(h["degree"]) is int
            assert isinstance(h["betweenness"], float)
        assert set(s["luecken"]) == LUECKEN_SCHLUESSEL
        lu = s["luecken"]
        assert all(isinstance(t, str) for t in lu["themen_ohne_angebot"])
        assert all(isinstance(k, str) for k in lu["kitas_ohne_kooperation"] + lu["kitas_ohne_beratung"])
        assert all(set(e) == {"kita_id", "thema", "angebot_id", "km"} for e in lu["entfernung"])
        assert all(isinstance(e["km"], float) for e in lu["entfernung"])
        assert all(set(e) == {"angebot_id", "kita_ids", "thema"} for e in lu["einzige_verbindung"])
        assert all(isinstance(c, list) and all(isinstance(v, str) for v in c) for c in lu["komponenten_ohne_beratung"])
        assert all(set(e) == {"kita_id", "angebot_id", "grund"} for e in s["empfehlungen"])


def test_werte_nord(kleines_netz):
    s = analyse(kleines_netz, TAG)["sozialraeume"][0]
    assert (s["id"], s["name"], s["kitas"], s["angebote"], s["kooperationen"], s["komponenten"]) == (
        "sr-a", "Nord", 4, 4, 5, 3)
    assert s["dichte"] == pytest.approx(5 / 28, abs=1e-6)
    assert (s["externe_kooperationen"], s["externer_anteil"]) == (1, pytest.approx(1 / 6, abs=1e-6))
    assert s["angebote_vor_ort"] == 3  # a1, a2, a7 (a4 only serves)
    assert s["artikulationspunkte"] == ["a1", "a2", "k2"]


def test_json_faehig_und_rund(kleines_netz):
    b = analyse(kleines_netz, TAG)
    assert json.loads(json.dumps(b)) == b


def test_listen_sortiert(kleines_netz):
    b = analyse(kleines_netz, TAG, max_km=0.5)
    for s in b["sozialraeume"]:
        lu = s["luecken"]
        for k in ("themen_ohne_angebot", "kitas_ohne_kooperation", "kitas_ohne_beratung"):
            assert lu[k] == sorted(lu[k])
        km = [e["km"] for e in lu["entfernung"]]
        assert km == sorted(km, reverse=True)
        ev = [(e["angebot_id"], e["thema"] or "") for e in lu["einzige_verbindung"]]
        assert ev == sorted(ev)
        assert all(e["kita_ids"] == sorted(e["kita_ids"]) for e in lu["einzige_verbindung"])
        empf = [(e["kita_id"], e["angebot_id"]) for e in s["empfehlungen"]]
        assert empf == sorted(empf)


def test_deterministisch(kleines_netz):
    assert analyse(kleines_netz, TAG) == analyse(kleines_netz, TAG)


def test_zeilenreihenfolge_egal(kleines_netz):
    vorher = analyse(kleines_netz, TAG)
    gemischt = copy.deepcopy(kleines_netz)
    rng = random.Random(11)
    for name in ("sozialraeume", "gemeinden", "kitas", "angebote", "kooperationen", "themen"):
        rng.shuffle(getattr(gemischt, name))
    assert analyse(gemischt, TAG) == vorher


def test_stichtag_standard_heute(kleines_netz):
    assert analyse(kleines_netz)["stichtag"] == dt.date.today().isoformat()
    assert analyse(kleines_netz, dt.date(2024, 6, 30))["stichtag"] == TAG


def test_ungueltiger_stichtag(kleines_netz):
    with pytest.raises(KitaNetzFehler, match="JJJJ-MM-TT"):
        analyse(kleines_netz, "30.06.2024")


def test_ein_sozialraum(kleines_netz):
    b = analyse(kleines_netz, TAG, sozialraum="sr-b")
    assert [s["id"] for s in b["sozialraeume"]] == ["sr-b"]
    assert "gesamt" not in b
    assert b["sozialraeume"][0] == analyse(kleines_netz, TAG)["sozialraeume"][1]


def test_unbekannter_sozialraum(kleines_netz):
    with pytest.raises(NichtGefundenFehler, match="„sr-x“"):
        analyse(kleines_netz, TAG, sozialraum="sr-x")


def test_gesamt(kleines_netz):
    g = analyse(kleines_netz, TAG)["gesamt"]
    # 5 Kitas + a1, a2, a3, a4, a7; 7 Kooperationen; one component of 8, and a7, k4 alone
    assert (g["id"], g["kitas"], g["angebote"], g["kooperationen"], g["komponenten"]) == ("alle", 5, 5, 7, 3)
    assert g["dichte"] == pytest.approx(7 / 45, abs=1e-6)
    assert g["betweenness_stichprobe"] is None
    assert g["themen_ohne_angebot"] == ["gewaltschutz"]
    assert g["luecken_anzahl"]["kitas_ohne_beratung"] == 2
    # the tree k1-a1-k2-a2-a4-k5-a3 with k3 on a2; pairs through: a2 15, a4 10, k2 10, a1 6, k5 6 (of 36);
    # ties a4/k2 and a1/k5 have equal degree (2), so the smaller id comes first
    assert [h["id"] for h in g["hubs"]] == ["a2", "a4", "k2", "a1", "k5"]
    assert [h["betweenness"] for h in g["hubs"]] == [0.416667, 0.277778, 0.277778, 0.166667, 0.166667]


def test_kita_ohne_sozialraum_gibt_hinweis(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k", "gemeinde": "g-unbekannt"}])
    b = analyse(d, TAG)
    assert b["sozialraeume"][0]["kitas"] == 0
    assert any("keinem Sozialraum" in h for h in b["gesamt"]["hinweise"])


def test_auswertung_haelt_netze(kleines_netz):
    a = auswerten(kleines_netz, TAG)
    assert a.netz.number_of_nodes() == 10
    assert [s.netz.number_of_nodes() for s in a.sozialraeume] == [8, 4, 1]
    assert a.bericht() == analyse(kleines_netz, TAG)


def test_doppelte_kennung_gibt_hinweis(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "x", "gemeinde": "g-a"}], angebote=[{"id": "x", "art": "Beratung"}])
    hinweise = analyse(d, TAG)["gesamt"]["hinweise"]
    assert any("als Kita und als Angebot: x" in h for h in hinweise)


def test_ohne_volle_rechnung_gleiche_schluessel_und_luecken(kleines_netz):
    voll = analyse(kleines_netz, TAG)
    kurz = analyse(kleines_netz, TAG, voll=False)
    for a, b in zip(voll["sozialraeume"], kurz["sozialraeume"]):
        assert SR_SCHLUESSEL <= b.keys()
        assert a["luecken"] == b["luecken"]
        assert (b["hubs"], b["empfehlungen"], b["gruende"]) == ([], [], {})
        assert (a["kitas"], a["kooperationen"], a["dichte"], a["komponenten"]) == (
            b["kitas"], b["kooperationen"], b["dichte"], b["komponenten"])
    assert kurz["gesamt"]["hubs"] == []
