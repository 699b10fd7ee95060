"""Metrics with hand-computed answers (both backends must give them)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from network.analyse import network_at, sozialraum_netz
from network.analyse.kennzahlen import (
    artikulationspunkte,
    betweenness,
    bruecken,
    constraint,
    effektive_groesse,
    gemeinschaften,
    kennzahlen,
    komponenten,
    modularitaet,
)

BACKENDS = ["networkx", "igraph"]


@pytest.fixture
def nord(kleines_netz):
    G = network_at(kleines_netz, "2024-06-30")
    return sozialraum_netz(G, kleines_netz, "sr-a")


@pytest.mark.parametrize("backend", BACKENDS)
def test_nord_kennzahlen(nord, backend):
    k = kennzahlen(nord, backend=backend)
    # 8 actors, 5 Kooperationen: density 5 / (8*7/2)
    assert (k.akteure, k.kooperationen) == (8, 5)
    assert k.dichte == pytest.approx(5 / 28)
    # the tree k1-a1-k2-a2-{a4,k3}, and k4, a7 alone
    assert k.komponenten == [["k1", "k2", "k3", "a1", "a2", "a4"], ["k4"], ["a7"]]
    assert k.grad == {"k1": 1, "k2": 2, "k3": 1, "k4": 0, "a1": 2, "a2": 3, "a4": 1, "a7": 0}
    assert k.gewichteter_grad == {"k1": 2, "k2": 4, "k3": 1, "k4": 0, "a1": 3, "a2": 5, "a4": 1, "a7": 0}
    # pairs through a node / C(7, 2) = 21: a1 splits 1|4, k2 2|3, a2 3|1|1
    assert k.betweenness == pytest.approx({"k1": 0, "k2": 6 / 21, "k3": 0, "k4": 0, "a1": 4 / 21, "a2": 7 / 21,
                                           "a4": 0, "a7": 0})
    assert k.stichprobe is None
    assert k.artikulationspunkte == ["a1", "a2", "k2"]
    assert k.bruecken == [("a1", "k1"), ("a1", "k2"), ("a2", "a4"), ("a2", "k2"), ("a2", "k3")]


@pytest.mark.parametrize("backend", BACKENDS)
def test_constraint_von_hand(backend):
    # v has partners a (weight 3) and b (weight 1), not linked: p_va = 3/4, p_vb = 1/4
    G = nx.Graph([("v", "a", {"weight": 3}), ("v", "b", {"weight": 1})])
    G.add_node("z")
    c = constraint(G, backend=backend)
    assert c["v"] == pytest.approx(9 / 16 + 1 / 16)
    assert c["a"] == pytest.approx(1.0)
    assert math.isnan(c["z"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_constraint_dreieck(backend):
    # triangle with weight 1: p = 1/2 to each; indirect p_vw * p_wu = 1/4 -> (1/2 + 1/4)^2 * 2 = 9/8
    c = constraint(nx.complete_graph(3), backend=backend)
    assert c[0] == pytest.approx(9 / 8)


@pytest.mark.parametrize("backend", BACKENDS)
def test_effektive_groesse_von_hand(backend):
    # star: 3 partners without ties among them -> 3; in a triangle: 2 - 2*1/2 = 1
    assert effektive_groesse(nx.star_graph(3), backend=backend)[0] == pytest.approx(3.0)
    assert effektive_groesse(nx.complete_graph(3), backend=backend)[0] == pytest.approx(1.0)
    # K4 minus one edge, node 0 linked to all three, one tie (2-3) missing: 3 - 2*2/3
    G = nx.complete_graph(4)
    G.remove_edge(2, 3)
    assert effektive_groesse(G, backend=backend)[0] == pytest.approx(3 - 4 / 3)
    G.add_node(9)
    assert math.isnan(effektive_groesse(G, backend=backend)[9])


@pytest.mark.parametrize("backend", BACKENDS)
def test_betweenness_pfad(backend):
    b = betweenness(nx.path_graph(["a", "b", "c", "d", "e"]), backend=backend)
    # c lies on a-d, a-e, b-d, b-e: 4 of C(4, 2) = 6 pairs
    assert b == pytest.approx({"a": 0, "b": 3 / 6, "c": 4 / 6, "d": 3 / 6, "e": 0})


@pytest.mark.parametrize("backend", BACKENDS)
def test_struktur_leerer_graph(backend):
    G = nx.Graph()
    k = kennzahlen(G, backend=backend)
    assert (k.akteure, k.kooperationen, k.dichte, k.anzahl_komponenten) == (0, 0, 0.0, 0)
    assert k.betweenness == {} and k.gemeinschaften == [] and k.modularitaet is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_einzelner_knoten(backend):
    G = nx.Graph()
    G.add_node("k")
    k = kennzahlen(G, backend=backend)
    assert (k.dichte, k.anzahl_komponenten, k.betweenness, k.artikulationspunkte, k.bruecken) == (
        0.0, 1, {"k": 0.0}, [], [])


@pytest.mark.parametrize("backend", BACKENDS)
def test_louvain_zwei_dreiecke(backend):
    G = nx.barbell_graph(3, 0)  # triangles 0-1-2 and 3-4-5 joined by 2-3
    g = gemeinschaften(G, backend=backend)
    assert g == [[0, 1, 2], [3, 4, 5]]
    assert modularitaet(G, g) == pytest.approx(2 * (3 / 7 - (7 / 14) ** 2))


def test_louvain_fester_seed():
    G = nx.gnm_random_graph(40, 70, seed=5)
    assert gemeinschaften(G, seed=7) == gemeinschaften(G, seed=7)
    assert gemeinschaften(G, backend="igraph", seed=7) == gemeinschaften(G, backend="igraph", seed=7)


def test_komponenten_reihenfolge():
    G = nx.Graph([("z", "y")])
    G.add_node("a")
    G.add_edge("b", "a")
    assert komponenten(G) == [["z", "y"], ["a", "b"]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_brueckenfreier_kreis(backend):
    G = nx.cycle_graph(5)
    assert artikulationspunkte(G, backend=backend) == [] and bruecken(G, backend=backend) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_bruecken_nach_id_als_text(backend):
    # ids of mixed types are ordered as text, in each pair and in the list; str ids take a shortcut to the same order
    G = nx.Graph([(10, 9), (9, "8"), ("8", 100)])
    assert bruecken(G, backend=backend) == [(10, 9), (100, "8"), ("8", 9)]
    H = nx.relabel_nodes(G, str)
    assert bruecken(H, backend=backend) == [("10", "9"), ("100", "8"), ("8", "9")]


def test_kennzahlen_ohne_volle_rechnung(nord):
    k = kennzahlen(nord, voll=False)
    assert k.betweenness == {} and k.constraint == {} and k.gemeinschaften == []
    assert k.anzahl_komponenten == 3


def test_stichprobe_wird_vermerkt():
    G = nx.path_graph(10)
    assert kennzahlen(G, k=4).stichprobe == 4
    assert kennzahlen(G, k=10).stichprobe is None  # k = n is exact


def test_stichprobe_zu_klein():
    with pytest.raises(ValueError):
        betweenness(nx.path_graph(5), k=1)


def test_unbekanntes_backend():
    with pytest.raises(ValueError, match="Backend"):
        kennzahlen(nx.path_graph(3), backend="gpu")
