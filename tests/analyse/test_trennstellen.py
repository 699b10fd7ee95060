"""abgeschnitten() against removing each articulation point and recounting components with NetworkX."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from network.analyse.trennstellen import abgeschnitten


def referenz(G: nx.Graph, ziele: set) -> dict:
    pos = {v: i for i, v in enumerate(G)}
    ergebnis = {}
    for v in nx.articulation_points(G):
        komponente = nx.node_connected_component(G, v) - {v}
        teile = [set(t) for t in nx.connected_components(G.subgraph(komponente))]
        groesste = max(len(t) for t in teile)
        haupt = [t for t in teile if len(t) == groesste]
        haupt = haupt[0] if len(haupt) == 1 else None  # equal largest parts: all are cut off
        weg = sorted((x for t in teile if t is not haupt for x in t if x in ziele), key=pos.__getitem__)
        if weg:
            ergebnis[v] = weg
    return {v: ergebnis[v] for v in G if v in ergebnis}


@st.composite
def graphen(draw):
    n = draw(st.integers(min_value=1, max_value=16))
    paare = [(i, j) for i in range(n) for j in range(i + 1, n)]
    kanten = draw(st.lists(st.sampled_from(paare), unique=True, max_size=22)) if paare else []
    G = nx.Graph()
    reihenfolge = draw(st.permutations(range(n)))
    G.add_nodes_from(f"n{i:02d}" for i in reihenfolge)
    G.add_edges_from((f"n{i:02d}", f"n{j:02d}") for i, j in kanten)
    ziele = {f"n{i:02d}" for i in draw(st.lists(st.integers(0, n - 1), max_size=n))}
    return G, ziele


@settings(max_examples=150, deadline=None)
@given(graphen())
def test_wie_referenz(fall):
    G, ziele = fall
    assert abgeschnitten(G, ziele) == referenz(G, ziele)


def test_von_hand():
    # a-b-c-d path plus e on b: removing b leaves {a}, {e}, {c, d}; removing c leaves {a, b, e}, {d}
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "e")])
    assert abgeschnitten(G, {"a", "d", "e"}) == {"b": ["a", "e"], "c": ["d"]}


def test_gleich_grosse_teile_sind_alle_abgeschnitten():
    # removing m leaves {a} and {z}: no part is "the rest", both are cut off
    G = nx.Graph([("a", "m"), ("m", "z")])
    assert abgeschnitten(G, {"a", "z"}) == {"m": ["a", "z"]}


def test_filter():
    G = nx.Graph([("a", "m"), ("m", "b"), ("m", "c")])
    assert abgeschnitten(G, {"a"}) == {"m": ["a"]}
    assert abgeschnitten(G, {"a"}, nur=lambda v: v != "m") == {}
