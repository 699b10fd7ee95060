"""The igraph backend gives NetworkX's answers on small graphs."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from network.analyse import analyse
from network.analyse.kennzahlen import (
    artikulationspunkte,
    betweenness,
    bruecken,
    constraint,
    effektive_groesse,
    gemeinschaften,
    komponenten,
    modularitaet,
)


@st.composite
def kleine_graphen(draw):
    n = draw(st.integers(min_value=0, max_value=14))
    paare = [(i, j) for i in range(n) for j in range(i + 1, n)]
    kanten = draw(st.lists(st.sampled_from(paare), unique=True, max_size=25)) if paare else []
    G = nx.Graph()
    G.add_nodes_from(f"v{i:02d}" for i in range(n))
    for i, j in kanten:
        G.add_edge(f"v{i:02d}", f"v{j:02d}", weight=draw(st.integers(min_value=1, max_value=3)))
    return G


def _gleich(a: dict, b: dict) -> bool:
    if a.keys() != b.keys():
        return False
    for v in a:
        x, y = a[v], b[v]
        if math.isnan(x) or math.isnan(y):
            if not (math.isnan(x) and math.isnan(y)):
                return False
        elif not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12):
            return False
    return True


@settings(max_examples=60, deadline=None)
@given(kleine_graphen())
def test_graphkennzahlen_gleich(G):
    assert _gleich(betweenness(G), betweenness(G, backend="igraph"))
    assert _gleich(constraint(G), constraint(G, backend="igraph"))
    assert _gleich(effektive_groesse(G), effektive_groesse(G, backend="igraph"))
    assert artikulationspunkte(G) == artikulationspunkte(G, backend="igraph")
    assert bruecken(G) == bruecken(G, backend="igraph")
    assert komponenten(G) == komponenten(G, backend="igraph")
    teile = gemeinschaften(G)
    m_nx, m_ig = modularitaet(G, teile), modularitaet(G, teile, backend="igraph")
    assert (m_nx is None and m_ig is None) or math.isclose(m_nx, m_ig, rel_tol=1e-9, abs_tol=1e-12)


def test_effektive_groesse_grosser_graph_ohne_dichte_matrix():
    """Above 2000 actors NetworkX uses Borgatti's formula with nx.triangles (no dense n x n matrix) – same answers."""
    G = nx.gnm_random_graph(2500, 3000, seed=1)
    assert _gleich(effektive_groesse(G), effektive_groesse(G, backend="igraph"))


@settings(max_examples=40, deadline=None)
@given(kleine_graphen(), st.integers(min_value=2, max_value=10), st.integers(min_value=0, max_value=1000))
def test_stichprobe_gleich(G, k, seed):
    """The sampled estimate uses the same sources and rescaling as networkx.betweenness_centrality(k=...)."""
    if k >= len(G):
        k = None
    referenz = nx.betweenness_centrality(G, k=k, seed=seed) if k else nx.betweenness_centrality(G)
    assert _gleich(betweenness(G, k=k, seed=seed), referenz)
    assert _gleich(betweenness(G, k=k, seed=seed, backend="igraph"), referenz)


@pytest.mark.parametrize("G", [nx.barbell_graph(4, 0), nx.connected_caveman_graph(4, 5),
                               nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(3))],
                         ids=["barbell", "caveman", "zwei-cliquen"])
def test_louvain_gleich_bei_klarer_struktur(G):
    assert gemeinschaften(G) == gemeinschaften(G, backend="igraph")


def _ohne_louvain(bericht: dict) -> dict:
    for e in bericht["sozialraeume"] + [bericht["gesamt"]]:
        e.pop("gemeinschaften")
        e.pop("modularitaet")
    return bericht


def test_analyse_gleich(kleines_netz):
    nx_bericht = analyse(kleines_netz, "2024-06-30", backend="networkx")
    ig_bericht = analyse(kleines_netz, "2024-06-30", backend="igraph")
    assert _ohne_louvain(nx_bericht) == _ohne_louvain(ig_bericht)


def test_analyse_gleich_mit_stichprobe(kleines_netz):
    """Whole-district betweenness sampled (exakt_bis below the size): same sample, same hubs."""
    a = analyse(kleines_netz, "2024-06-30", backend="networkx", exakt_bis=3, stichprobe=4)
    b = analyse(kleines_netz, "2024-06-30", backend="igraph", exakt_bis=3, stichprobe=4)
    assert a["gesamt"]["betweenness_stichprobe"] == 4
    assert _ohne_louvain(a) == _ohne_louvain(b)
