"""Hubs: the actors that hold a network together.

A hub is one of the ``n`` actors (default 5) with the highest betweenness. Ties go to the actor with more
Kooperationen (degree), then to the smaller id. Actors without any Kooperation are never hubs. Betweenness is
compared after rounding to 10 significant digits, so floating-point noise cannot reorder equal values.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("x", "y")])
>>> hub_ids(G, {"a": 0.0, "b": 0.5, "c": 0.5, "d": 0.0, "x": 0.0, "y": 0.0}, n=3)
['b', 'c', 'a']
"""

from __future__ import annotations

import heapq

import networkx as nx

__all__ = ["HUBS", "signifikant", "hub_ids", "grad"]

#: How many hubs are listed.
HUBS = 5


def signifikant(x: float, stellen: int = 10) -> float:
    """``x`` rounded to ``stellen`` significant digits.

    Examples
    --------
    >>> signifikant(0.1 + 0.2) == signifikant(0.3)
    True
    """
    return float(f"{x:.{stellen}g}")


def hub_ids(G: nx.Graph, betweenness: dict, n: int = HUBS) -> list:
    """The ids of the top-``n`` actors by betweenness (ties: higher degree, then smaller id).

    Examples
    --------
    >>> G = nx.Graph([("b", "k1"), ("b", "k2"), ("a", "k3")])
    >>> hub_ids(G, dict.fromkeys(G, 0.0), n=2)   # all betweenness equal: degree, then id decide
    ['b', 'a']
    """
    adj = G._adj
    kandidaten = [v for v in G if adj[v]]
    if len(kandidaten) > 8 * n and n > 0:
        # Large networks: only actors whose betweenness can round to the n-th largest value or above can win, and
        # rounding to 10 digits moves a value by less than 1e-9 of itself. The exact rule then runs on those.
        werte = [betweenness.get(v, 0.0) for v in kandidaten]
        schwelle = heapq.nlargest(n, werte)[-1]
        schwelle -= abs(schwelle) * 1e-8
        kandidaten = [v for v, b in zip(kandidaten, werte) if b >= schwelle]
    return heapq.nsmallest(n, kandidaten, key=lambda v: (-signifikant(betweenness.get(v, 0.0)), -grad(G, v), str(v)))


def grad(G: nx.Graph, v) -> int:
    """``G.degree[v]`` (a self-loop counts twice), read from the adjacency.

    ``G.degree`` caches a view on ``G`` that refers back to ``G``: a reference cycle, so that the graph is freed
    only by Python's cycle collector – which the analysis pauses (issue 14). Reading the adjacency leaves none.

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 2)])
    >>> grad(G, 2), grad(G, 1), "degree" in G.__dict__
    (3, 1, False)
    """
    nachbarn = G._adj[v]
    return len(nachbarn) + (v in nachbarn)
