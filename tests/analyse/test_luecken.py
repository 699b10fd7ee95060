"""Every kind of gap on the drawn scenario (conftest.py), answers worked out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from network.analyse import analyse, network_at, sozialraum_netz
from network.analyse.geo import haversine_km
from network.analyse.lueckensuche import (
    einzige_verbindung,
    entfernungen,
    kitas_ohne_beratung,
    kitas_ohne_kooperation,
    komponenten_ohne_beratung,
    themen_ohne_angebot,
)

TAG = "2024-06-30"


def _sr(bericht, sid):
    return next(s for s in bericht["sozialraeume"] if s["id"] == sid)


@pytest.fixture
def bericht(kleines_netz):
    return analyse(kleines_netz, TAG)


def test_themen_ohne_angebot(bericht):
    # Nord: sucht (a1, a4), kultur (a2, a7), bewegung (a2); Süd: bewegung (a3), sucht (a4), kultur (a7)
    assert _sr(bericht, "sr-a")["luecken"]["themen_ohne_angebot"] == ["gewaltschutz"]
    assert _sr(bericht, "sr-b")["luecken"]["themen_ohne_angebot"] == ["gewaltschutz"]
    # Leer: only a4 ("alle") serves it
    assert _sr(bericht, "sr-c")["luecken"]["themen_ohne_angebot"] == ["bewegung", "gewaltschutz", "kultur"]


def test_abgelaufenes_angebot_deckt_kein_thema(bau):
    d = bau(sozialraeume=["sr-a"], themen=["kultur"],
            angebote=[{"id": "a", "art": "Freizeit", "themen": ["kultur"], "versorgt": ["sr-a"], "bis": "2024-01-01"}])
    assert analyse(d, "2023-12-31")["sozialraeume"][0]["luecken"]["themen_ohne_angebot"] == []
    assert analyse(d, "2024-01-02")["sozialraeume"][0]["luecken"]["themen_ohne_angebot"] == ["kultur"]


def test_kitas_ohne_kooperation(bericht):
    assert _sr(bericht, "sr-a")["luecken"]["kitas_ohne_kooperation"] == ["k4"]
    assert _sr(bericht, "sr-b")["luecken"]["kitas_ohne_kooperation"] == []


def test_abgelaufene_kooperation_zaehlt_nicht(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k", "gemeinde": "g-a"}],
            angebote=[{"id": "a", "art": "Beratung", "versorgt": ["sr-a"]}],
            kooperationen=[{"von": "k", "zu": "a", "seit": "2020-01-01", "bis": "2024-06-29"}])
    lu = analyse(d, TAG)["sozialraeume"][0]["luecken"]
    assert lu["kitas_ohne_kooperation"] == ["k"] and lu["kitas_ohne_beratung"] == ["k"]


def test_kitas_ohne_beratung(bericht):
    # k3's Kooperation with Beratung a1 ended 2023-01-01; a2 is Freizeit
    assert _sr(bericht, "sr-a")["luecken"]["kitas_ohne_beratung"] == ["k3", "k4"]
    assert _sr(bericht, "sr-b")["luecken"]["kitas_ohne_beratung"] == []


def test_entfernung(bericht):
    # k5 (lon 7.5): kultur nearest a7 (lon 7.1, 0.4 degrees along lat 50 = about 28.6 km), a2 is 32.2 km
    (e,) = _sr(bericht, "sr-b")["luecken"]["entfernung"]
    assert (e["kita_id"], e["thema"], e["angebot_id"]) == ("k5", "kultur", "a7")
    assert e["km"] == pytest.approx(111.195 * 0.4 * 0.642788, abs=0.05)
    assert _sr(bericht, "sr-a")["luecken"]["entfernung"] == []


def test_entfernung_grenze_ist_parameter(kleines_netz):
    b = analyse(kleines_netz, TAG, max_km=30)
    assert _sr(b, "sr-b")["luecken"]["entfernung"] == []
    b = analyse(kleines_netz, TAG, max_km=3)
    # k1 (lon 7.00) to a2 (7.05) for kultur and bewegung: 3.6 km; k2 to a2: 2.9 km; k3 to a2: 2.1 km
    assert [(e["kita_id"], e["thema"]) for e in _sr(b, "sr-a")["luecken"]["entfernung"]] == [
        ("k1", "bewegung"), ("k1", "kultur")]


def test_entfernung_sortiert_nach_km_absteigend(kleines_netz):
    b = analyse(kleines_netz, TAG, max_km=0.5)
    km = [e["km"] for e in _sr(b, "sr-a")["luecken"]["entfernung"]]
    assert km == sorted(km, reverse=True) and len(km) == 8  # k1-k3 x kultur, bewegung; k2, k3 x sucht


def test_aufsuchend_zaehlt_als_null_km(kleines_netz):
    kleines_netz.angebote.append({"id": "a6", "name": "Mobile Kulturarbeit", "art": "Unterstützung",
                                  "themen": ["kultur"], "gemeinde_id": "g-a", "lat": None, "lon": None,
                                  "aufsuchend": True, "versorgt": ["sr-b"], "gueltig_ab": None, "gueltig_bis": None})
    assert _sr(analyse(kleines_netz, TAG), "sr-b")["luecken"]["entfernung"] == []


def test_aufsuchend_ausserhalb_des_einzugsgebiets_zaehlt_nicht(kleines_netz):
    kleines_netz.angebote.append({"id": "a6", "name": "Mobile Kulturarbeit", "art": "Unterstützung",
                                  "themen": ["kultur"], "gemeinde_id": "g-a", "lat": None, "lon": None,
                                  "aufsuchend": True, "versorgt": ["sr-a"], "gueltig_ab": None, "gueltig_bis": None})
    assert len(_sr(analyse(kleines_netz, TAG), "sr-b")["luecken"]["entfernung"]) == 1


def test_kita_ohne_koordinaten_gibt_klaren_hinweis(bericht):
    s = _sr(bericht, "sr-a")
    (hinweis,) = s["hinweise"]
    assert "k4" in hinweis and "keine Koordinaten" in hinweis and "kitas.csv" in hinweis
    assert all(e["kita_id"] != "k4" for e in s["luecken"]["entfernung"])


def test_thema_ohne_koordinaten_gibt_hinweis(bau):
    d = bau(sozialraeume=["sr-a"], themen=["sucht"], kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "a", "art": "Beratung", "themen": ["sucht"], "versorgt": ["sr-a"]}])
    s = analyse(d, TAG)["sozialraeume"][0]
    assert s["luecken"]["entfernung"] == []
    assert any("Sucht" in h and "Koordinaten" in h for h in s["hinweise"])


def test_einzige_verbindung(bericht):
    # Nord: k1 reaches sucht only via a1, k2 via a1 (sucht) and a2 (kultur, bewegung), k3 via a2.
    # Articulation points among Angebote: a1 cuts off k1; a2 leaves {k1, a1, k2} | {a4} | {k3}: k3 cut off.
    assert _sr(bericht, "sr-a")["luecken"]["einzige_verbindung"] == [
        {"angebot_id": "a1", "kita_ids": ["k1"], "thema": None},
        {"angebot_id": "a1", "kita_ids": ["k1", "k2"], "thema": "sucht"},
        {"angebot_id": "a2", "kita_ids": ["k3"], "thema": None},
        {"angebot_id": "a2", "kita_ids": ["k2", "k3"], "thema": "bewegung"},
        {"angebot_id": "a2", "kita_ids": ["k2", "k3"], "thema": "kultur"},
    ]
    # Süd: k5 is the articulation point (a Kita, not reported); a3 and a4 each its only link to a Thema
    assert _sr(bericht, "sr-b")["luecken"]["einzige_verbindung"] == [
        {"angebot_id": "a3", "kita_ids": ["k5"], "thema": "bewegung"},
        {"angebot_id": "a4", "kita_ids": ["k5"], "thema": "sucht"},
    ]


def test_zwei_partner_zum_thema_sind_keine_einzige_verbindung():
    G = nx.Graph([("k", "a"), ("k", "b")])
    G.nodes["k"]["typ"] = "Kita"
    for v in "ab":
        G.nodes[v].update(typ="Angebot", themen=["sucht"])
    assert einzige_verbindung(G, G, ["k"]) == []


def test_komponenten_ohne_beratung(kleines_netz, bericht):
    assert _sr(bericht, "sr-a")["luecken"]["komponenten_ohne_beratung"] == []
    # without k5-a4 the part {k5, a3} of Süd has no Beratung
    kleines_netz.kooperationen = [c for c in kleines_netz.kooperationen if (c["von_id"], c["zu_id"]) != ("k5", "a4")]
    b = analyse(kleines_netz, TAG)
    assert _sr(b, "sr-b")["luecken"]["komponenten_ohne_beratung"] == [["a3", "k5"]]


def test_leerer_sozialraum(bau):
    d = bau(sozialraeume=["sr-x"], themen=["sucht", "kultur"], gemeinden=[])
    (s,) = analyse(d, TAG)["sozialraeume"]
    assert (s["kitas"], s["angebote"], s["kooperationen"], s["dichte"], s["komponenten"], s["hubs"]) == (
        0, 0, 0, 0.0, 0, [])
    assert s["luecken"] == {"themen_ohne_angebot": ["kultur", "sucht"], "kitas_ohne_kooperation": [],
                            "kitas_ohne_beratung": [], "entfernung": [], "einzige_verbindung": [],
                            "komponenten_ohne_beratung": []}
    assert s["empfehlungen"] == []


def test_jede_luecke_hat_einen_grund(bericht):
    for s in bericht["sozialraeume"]:
        for art, liste in s["luecken"].items():
            gruende = s["gruende"][art]
            assert len(gruende) == len(liste)
            assert all(isinstance(g, str) and len(g) > 40 for g in gruende)


def test_gruende_sind_konkret(bericht):
    g = _sr(bericht, "sr-b")["gruende"]
    assert "„Kita k5“" in g["entfernung"][0] and "„Kultur“" in g["entfernung"][0] and "28,6 km" in g["entfernung"][0]
    g = _sr(bericht, "sr-a")["gruende"]
    assert g["kitas_ohne_kooperation"] == [
        "„Kita k4“ hat am 30.06.2024 keine aktive Kooperation. Kontakt aufnehmen und eine erste Kooperation "
        "anbahnen (siehe Empfehlung)."]
    assert "Ohne „Angebot a2“ wäre „Kita k3“ vom übrigen Netz im Sozialraum Nord abgeschnitten" in (
        g["einzige_verbindung"][2])


def test_einzelfunktionen_direkt(kleines_netz):
    G = network_at(kleines_netz, TAG)
    H = sozialraum_netz(G, kleines_netz, "sr-a")
    kitas = ["k1", "k2", "k3", "k4"]
    assert themen_ohne_angebot(H, ["sucht", "gewaltschutz"]) == ["gewaltschutz"]
    assert kitas_ohne_kooperation(G, kitas) == ["k4"]
    assert kitas_ohne_beratung(G, kitas) == ["k3", "k4"]
    assert komponenten_ohne_beratung(H) == []
    e = entfernungen(G, kitas, ["kultur"], max_km=3.0)
    assert e.ohne_koordinaten == ["k4"]
    assert [(t, a) for t, a, _ in e.zu_weit["k1"]] == [("kultur", "a2")]
    assert e.zu_weit["k1"][0][2] == pytest.approx(haversine_km(50.0, 7.0, 50.0, 7.05))


def test_gleich_nahe_angebote_kleinste_id(bau):
    d = bau(sozialraeume=["sr-a"], themen=["sucht"], kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "b", "art": "Beratung", "themen": ["sucht"], "lat": 50.0, "lon": 7.5},
                      {"id": "a", "art": "Beratung", "themen": ["sucht"], "lat": 50.0, "lon": 6.5}])
    (e,) = analyse(d, TAG)["sozialraeume"][0]["luecken"]["entfernung"]
    assert e["angebot_id"] == "a"
