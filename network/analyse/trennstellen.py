"""Articulation points and who is cut off when one of them falls away.

Removing an articulation point ``v`` splits its connected component into two or more parts. The largest part
counts as "the rest of the network"; the actors in the other parts are *cut off* by ``v``. If several parts
are equally large, there is no rest: all parts are cut off from each other. :func:`abgeschnitten` finds, for every articulation point, the cut-off actors among a
given set (for example the Kitas) with one depth-first search (Hopcroft–Tarjan), in time linear in the size
of the graph; ``tests/analyse/test_trennstellen.py`` compares it with removing each point and recounting
components through NetworkX.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("k1", "a1"), ("a1", "a2"), ("a2", "k2"), ("a2", "k3"), ("k3", "a3"), ("a3", "k4")])
>>> abgeschnitten(G, {"k1", "k2", "k3", "k4"})
{'a1': ['k1'], 'a2': ['k1', 'k2'], 'k3': ['k4'], 'a3': ['k4']}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

__all__ = ["abgeschnitten"]


def abgeschnitten(G: nx.Graph, ziele: Iterable, nur: Callable[[object], bool] | None = None) -> dict:
    """For each articulation point, the members of ``ziele`` it cuts off from the rest of its component.

    Parameters
    ----------
    G : networkx.Graph
        An undirected simple graph.
    ziele : iterable
        The actors of interest (e.g. Kitas).
    nur : callable, optional
        Only articulation points ``v`` with ``nur(v)`` true are reported.

    Returns
    -------
    dict
        Articulation point -> cut-off members of ``ziele`` in node order; points that cut off none of them
        are left out. Keys appear in node order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "k1"), ("a", "k2"), ("a", "x"), ("x", "y"), ("y", "z")])
    >>> abgeschnitten(G, {"k1", "k2"})         # the part x-y-z is the largest; k1 and k2 hang on "a"
    {'a': ['k1', 'k2']}
    >>> abgeschnitten(G, {"k1", "k2"}, nur=lambda v: v != "a")
    {}
    """
    ziele = set(ziele)
    adj = G._adj
    pos = {v: i for i, v in enumerate(G)}
    disc: dict = {}
    low: dict = {}
    ergebnis: dict = {}

    for wurzel in G:
        if wurzel in disc or not adj[wurzel]:
            continue  # seen, or an actor without Kooperation (cuts nothing off; most actors of a Sozialraum)
        basis = len(disc)
        reihe, eltern, kinder, groesse = _tiefensuche(adj, wurzel, disc, low)
        n = len(reihe)
        if n < 3:
            continue
        # prefix counts of targets along the preorder
        praefix = [0]
        for v in reihe:
            praefix.append(praefix[-1] + (v in ziele))
        if praefix[-1] == 0:
            continue

        for v in reihe:
            if not kinder[v]:
                continue  # a leaf of the search tree separates nothing (most actors)
            if eltern[v] is None:
                getrennt = kinder[v] if len(kinder[v]) >= 2 else []
            else:
                getrennt = [c for c in kinder[v] if low[c] >= disc[v]]
            if not getrennt or (nur is not None and not nur(v)):
                continue
            # parts: (size, start, stop) slices of the preorder; None marks the rest (parent side)
            teile = [(groesse[c], disc[c] - basis, disc[c] - basis + groesse[c]) for c in getrennt]
            weg = _weg(v, teile, reihe, praefix, ziele)
            if weg:
                ergebnis[v] = sorted(weg, key=pos.__getitem__)
    return {v: ergebnis[v] for v in sorted(ergebnis, key=pos.__getitem__)}


def _tiefensuche(adj, wurzel, disc: dict, low: dict) -> tuple[list, dict, dict, dict]:
    """One iterative depth-first search of the component of ``wurzel`` (Hopcroft–Tarjan).

    Fills ``disc`` (discovery number, counted on from ``len(disc)``) and ``low`` (lowest discovery number
    reachable through one back edge) for every node of the component, and returns its preorder (every DFS
    subtree is a contiguous slice of it), the DFS parent and children of each node and each subtree's size.
    """
    basis = len(disc)
    reihe = [wurzel]
    disc[wurzel] = low[wurzel] = basis
    eltern = {wurzel: None}
    kinder: dict = {wurzel: []}
    groesse: dict = {}
    stapel = [(wurzel, iter(adj[wurzel]))]
    while stapel:
        v, it = stapel[-1]
        for w in it:
            if w not in disc:
                disc[w] = low[w] = basis + len(reihe)
                reihe.append(w)
                eltern[w] = v
                kinder[v].append(w)
                kinder[w] = []
                stapel.append((w, iter(adj[w])))
                break
            if w != eltern[v] and disc[w] < low[v]:
                low[v] = disc[w]
        else:
            stapel.pop()
            groesse[v] = 1 + sum(groesse[c] for c in kinder[v])
            if stapel:
                p = stapel[-1][0]
                if low[v] < low[p]:
                    low[p] = low[v]
    return reihe, eltern, kinder, groesse


def _weg(v, teile: list, reihe: list, praefix: list, ziele: set) -> list:
    """The members of ``ziele`` that removing ``v`` cuts off, in preorder.

    ``teile`` are the subtrees split off below ``v`` as ``(size, start, stop)`` slices of ``reihe``; the rest
    of the component (the parent side, if any) is added here. The largest part is the rest of the network; a
    tie for the largest leaves none, and then every part is cut off.
    """
    n = len(reihe)
    rest = n - 1 - sum(t[0] for t in teile)
    if rest > 0:
        teile.append((rest, None, None))
    groesste = max(t[0] for t in teile)
    kandidaten = [t for t in teile if t[0] == groesste]
    haupt = kandidaten[0] if len(kandidaten) == 1 else None  # a tie leaves no "rest of the network"
    weg: list = []
    for t in teile:
        if t is haupt:
            continue
        if t[1] is not None:
            if praefix[t[2]] - praefix[t[1]]:
                weg.extend(x for x in reihe[t[1]:t[2]] if x in ziele)
        else:
            drin = {v}
            for _, a, b in teile:
                if a is not None:
                    drin.update(reihe[a:b])
            weg.extend(x for x in reihe if x in ziele and x not in drin)
    return weg
