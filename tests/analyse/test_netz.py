"""network_at and sozialraum_netz on the drawn scenario (see conftest.py)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from network.analyse import network_at, sozialraum_netz
from network.analyse.netz import sozialraum_mitglieder, teilnetz
from network.errors import NichtGefundenFehler
from network.grund.sozialraum import gehoert_zu


def test_knoten_am_stichtag(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    # a5 expired on 2023-12-31: not an actor any more
    assert sorted(G.nodes) == ["a1", "a2", "a3", "a4", "a7", "k1", "k2", "k3", "k4", "k5"]
    assert G.graph["stichtag"] == "2024-06-30"


def test_knotenattribute(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    assert G.nodes["k1"] == {"typ": "Kita", "name": "Kita k1", "art": None, "themen": [], "sozialraum": "sr-a",
                             "gemeinde": "g-a", "versorgt": [], "lat": 50.0, "lon": 7.0, "aufsuchend": False}
    a4 = G.nodes["a4"]
    assert (a4["typ"], a4["art"], a4["themen"], a4["sozialraum"], a4["versorgt"]) == (
        "Angebot", "Beratung", ["sucht"], "sr-b", ["alle"])
    assert G.nodes["k4"]["lat"] is None


def test_kanten_und_gewichte(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    kanten = {tuple(sorted(e)): w for *e, w in G.edges(data="weight")}
    assert kanten == {("a1", "k1"): 2, ("a1", "k2"): 1, ("a2", "k2"): 3, ("a2", "a4"): 1, ("a2", "k3"): 1,
                      ("a3", "k5"): 2, ("a4", "k5"): 1}


def test_abgelaufene_kooperation_und_angebot_frueher_aktiv(kleines_netz):
    G = network_at(kleines_netz, "2022-06-30")
    assert G.has_edge("k3", "a1")  # ended 2023-01-01
    assert G.has_edge("k1", "a5")  # a5 valid until 2023-12-31
    G = network_at(kleines_netz, "2023-01-01")
    assert G.has_edge("k3", "a1")  # bis is inclusive
    G = network_at(kleines_netz, "2023-01-02")
    assert not G.has_edge("k3", "a1")


def test_angebot_vor_gueltig_ab_fehlt(kleines_netz):
    G = network_at(kleines_netz, "2018-12-31")
    assert "a1" not in G  # gueltig_ab 2019-01-01
    assert "a1" in network_at(kleines_netz, "2019-01-01")


def test_kooperation_beginnt_spaeter(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k", "gemeinde": "g-a"}], angebote=[{"id": "a", "art": "Freizeit"}],
            kooperationen=[{"von": "k", "zu": "a", "seit": "2024-07-01"}])
    assert network_at(d, "2024-06-30").number_of_edges() == 0
    assert network_at(d, "2024-07-01").number_of_edges() == 1


def test_doppelte_kooperationen_summieren_sich(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k", "gemeinde": "g-a"}], angebote=[{"id": "a", "art": "Freizeit"}],
            kooperationen=[("k", "a", 2), ("k", "a", 3)])
    G = network_at(d, "2024-01-01")
    assert (G["k"]["a"]["weight"], G["k"]["a"]["kooperationen"]) == (5, ["c1", "c2"])


def test_kooperation_zu_einer_kita_wird_ignoriert(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k1", "gemeinde": "g-a"}, {"id": "k2", "gemeinde": "g-a"}],
            kooperationen=[("k1", "k2")])
    assert network_at(d, "2024-01-01").number_of_edges() == 0


def test_vermittlungen_erhoehen_gewicht(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30", vermittlungen={("a1", "k1"): 5, ("k4", "a1"): 9})
    assert G["k1"]["a1"]["weight"] == 7
    assert not G.has_edge("k4", "a1")  # a referral alone is no Kooperation


def test_reihenfolge_der_zeilen_egal(kleines_netz):
    G1 = network_at(kleines_netz, "2024-06-30")
    for liste in (kleines_netz.kitas, kleines_netz.angebote, kleines_netz.kooperationen):
        random.Random(3).shuffle(liste)
    G2 = network_at(kleines_netz, "2024-06-30")
    assert list(G1.nodes) == list(G2.nodes)
    assert list(G1.edges) == list(G2.edges)
    assert all(list(G1[v]) == list(G2[v]) for v in G1)


def test_sozialraum_netz_nord(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    H = sozialraum_netz(G, kleines_netz, "sr-a")
    # located in g-a: k1-k4, a1, a2, a7; serving: a4 ("alle"); a3 serves only sr-b
    assert list(H.nodes) == ["k1", "k2", "k3", "k4", "a1", "a2", "a4", "a7"]
    assert H.number_of_edges() == 5
    assert H.graph["extern"] == 1  # a4-k5
    assert (H.graph["sozialraum"], H.graph["name"]) == ("sr-a", "Nord")


def test_sozialraum_netz_sued_und_leer(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    H = sozialraum_netz(G, kleines_netz, "sr-b")
    assert list(H.nodes) == ["k5", "a3", "a4", "a7"]
    assert (H.number_of_edges(), H.graph["extern"]) == (2, 1)  # extern: a4-a2
    L = sozialraum_netz(G, kleines_netz, "sr-c")
    assert list(L.nodes) == ["a4"]
    assert (L.number_of_edges(), L.graph["extern"]) == (0, 2)


def test_sozialraum_netz_unbekannt(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    with pytest.raises(NichtGefundenFehler, match="sr-x"):
        sozialraum_netz(G, kleines_netz, "sr-x")


def test_mitglieder_einmal_je_sozialraum():
    import networkx as nx

    G = nx.Graph()
    G.add_node("a", typ="Angebot", sozialraum="s1", versorgt=["s1", "s2", "s2"])
    assert sozialraum_mitglieder(G, ["s1", "s2"]) == {"s1": ["a"], "s2": ["a"]}


def test_teilnetz_reihenfolge_folgt_eingabe():
    import networkx as nx

    G = nx.Graph([("x", "y"), ("y", "z")])
    H = teilnetz(G, ["z", "y"])
    assert list(H.nodes) == ["z", "y"]
    assert H.graph["extern"] == 1


def test_sozialraum_mitglieder_wie_die_regel():
    """The one-pass membership equals testing grund.sozialraum.gehoert_zu for every (actor, Sozialraum)."""
    rng = random.Random(7)
    srs = [f"sr-{i}" for i in range(6)]
    G = nx.Graph()
    for i in range(200):
        ort = rng.choice(srs + [None, "sr-fremd"])
        versorgt = rng.sample(srs + ["alle", "sr-fremd"], rng.randint(0, 3))
        if versorgt and rng.random() < 0.2:
            versorgt.append(versorgt[0])  # a repeated id counts once
        G.add_node(f"v{i:03d}", sozialraum=ort, versorgt=versorgt)
    gefragt = srs[:4]
    erwartet = {s: [v for v, d in G.nodes(data=True) if gehoert_zu(d["sozialraum"], d["versorgt"], s)]
                for s in gefragt}
    assert sozialraum_mitglieder(G, gefragt) == erwartet
