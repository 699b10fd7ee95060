"""The hub rule: top 5 by betweenness; ties by degree, then id."""

from __future__ import annotations

import networkx as nx

from network.analyse import analyse
from network.analyse.hubregel import hub_ids
from network.analyse.kennzahlen import betweenness


def test_hubs_nord(kleines_netz):
    s = next(s for s in analyse(kleines_netz, "2024-06-30")["sozialraeume"] if s["id"] == "sr-a")
    # betweenness a2 7/21, k2 6/21, a1 4/21; then a4, k1, k3 with 0 and degree 1: ids decide; k4, a7 isolated
    assert [(h["id"], h["typ"], h["degree"]) for h in s["hubs"]] == [
        ("a2", "Angebot", 3), ("k2", "Kita", 2), ("a1", "Angebot", 2), ("a4", "Angebot", 1), ("k1", "Kita", 1)]
    assert [h["betweenness"] for h in s["hubs"]] == [0.333333, 0.285714, 0.190476, 0.0, 0.0]
    assert s["hubs"][0]["name"] == "Angebot a2"


def test_gleichstand_mehr_kooperationen_zuerst():
    # triangle x-y-z with leaf "b" on x: only x has betweenness; y, z (degree 2) come before b (degree 1)
    G = nx.Graph([("x", "y"), ("y", "z"), ("z", "x"), ("x", "b")])
    assert hub_ids(G, betweenness(G)) == ["x", "y", "z", "b"]


def test_gleichstand_kleinere_id_zuerst():
    G = nx.Graph([("m", "c1"), ("n", "c2")])
    assert hub_ids(G, betweenness(G)) == ["c1", "c2", "m", "n"]


def test_hoechstens_fuenf_und_keine_isolierten():
    G = nx.star_graph(7)
    G.add_node(99)
    ids = hub_ids(G, betweenness(G))
    assert ids == [0, 1, 2, 3, 4]
    assert hub_ids(nx.empty_graph(3), {0: 0.0, 1: 0.0, 2: 0.0}) == []


def test_rundungsrauschen_aendert_die_reihenfolge_nicht():
    G = nx.Graph([("a", "k1"), ("b", "k2"), ("b", "k3")])
    # a is "higher" only by floating-point noise: equal after rounding, so degree decides for b
    assert hub_ids(G, {"a": 0.1 + 0.2, "b": 0.3, "k1": 0, "k2": 0, "k3": 0}, n=2) == ["b", "a"]
