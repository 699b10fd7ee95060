"""Network metrics of one graph, computed with NetworkX (the reference) or with python-igraph (faster).

Every function takes ``backend="networkx"`` or ``backend="igraph"``; both give the same answers (up to
floating-point rounding), which ``tests/analyse/test_beschleunigt.py`` checks on small graphs. The only
exception is Louvain, where both libraries implement the same algorithm with their own order of visiting
nodes: on graphs with a clear community structure they agree, on ambiguous graphs the partitions may differ.
Both are seeded and therefore deterministic.

Betweenness is computed on hop counts (unweighted): ``weight`` is a tie strength (intensity), not a distance.
Burt's constraint uses the weights, effective size does not.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
>>> betweenness(G)
{'a': 0.0, 'b': 0.6666666666666666, 'c': 0.6666666666666666, 'd': 0.0}
>>> artikulationspunkte(G), bruecken(G)
(['b', 'c'], [('a', 'b'), ('b', 'c'), ('c', 'd')])
>>> k = kennzahlen(G, backend="igraph")
>>> k.akteure, k.kooperationen, round(k.dichte, 3), k.anzahl_komponenten
(4, 3, 0.5, 1)
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from .netz import nach_text

__all__ = ["SEED", "BACKENDS", "backend_waehlen", "Kennzahlen", "kennzahlen", "betweenness",
           "artikulationspunkte", "bruecken", "komponenten", "constraint", "effektive_groesse", "burt_werte",
           "gemeinschaften", "modularitaet", "Rohwerte", "rohwerte", "kennzahlen_aus"]

#: Seed of every random choice (Louvain, betweenness sampling).
SEED = 42

#: The computing backends.
BACKENDS = ("networkx", "igraph")

#: Up to this many actors NetworkX may compute effective size with a dense matrix.
_DICHT_BIS = 2000


def backend_waehlen(backend: str = "auto") -> str:
    """Resolve ``"auto"`` to ``"igraph"`` when python-igraph is installed, else ``"networkx"``.

    Examples
    --------
    >>> backend_waehlen("networkx")
    'networkx'
    >>> backend_waehlen("auto") in BACKENDS
    True
    """
    if backend == "auto":
        try:
            import igraph  # noqa: F401  (lazy: optional accelerator, only asked whether it is there)
        except ImportError:  # pragma: no cover - igraph is installed in the project
            return "networkx"
        return "igraph"
    if backend not in BACKENDS:
        raise ValueError(f"Unbekanntes Backend „{backend}“ (erlaubt: auto, networkx, igraph).")
    return backend


class _IG:
    """A graph converted to igraph once, with the node order of ``G`` (and, if given, the edges ``kanten`` –
    positions and weights in the order of ``G.edges()`` – instead of those read from ``G``)."""

    def __init__(self, G: nx.Graph | None, kanten: tuple[list, list] | None = None, knoten: list | None = None):
        import igraph  # lazy: optional accelerator, loaded only when the igraph backend runs

        # ``knoten`` given (with ``kanten``): the node order of a graph already listed, taken as it is – a second
        # process (network.grund.zweiter_kern) then never touches the ids, see rohwerte().
        self.knoten = list(G) if knoten is None else knoten
        kanten, gewichte = self._kanten(G, self.knoten) if kanten is None else kanten
        self.kanten = kanten
        self.ganzzahlig = all(type(w) is int for w in gewichte)
        self.g = igraph.Graph(n=len(self.knoten), edges=kanten, directed=False)
        self.g.es["weight"] = gewichte

    @staticmethod
    def _kanten(G: nx.Graph, knoten: list) -> tuple[list, list]:
        pos = dict(zip(knoten, range(len(knoten))))
        kanten, gewichte = [], []
        # The order of G.edges() (each edge from the endpoint that comes first), read from the adjacency directly.
        adj = G._adj
        for i, nachbarn in enumerate(map(adj.__getitem__, knoten)):
            if not nachbarn:
                continue  # an actor without Kooperation (most of a Sozialraum, a third of the whole network)
            for v, d in nachbarn.items():
                j = pos[v]
                if j >= i:
                    kanten.append((i, j))
                    gewichte.append(d.get("weight", 1))
        return kanten, gewichte


def _gruppen(knoten: list, mitglied) -> list[list]:
    """Node ids grouped by membership, each group in node order, groups ordered by their first node – what
    :func:`_geordnet` gives, in one pass over the membership (iterating an igraph clustering scans the whole
    membership once per group).

    Examples
    --------
    >>> _gruppen(["a", "b", "c", "d"], [1, 0, 1, 2])
    [['a', 'c'], ['b'], ['d']]
    """
    gruppen: dict[int, list] = {}
    for v, m in zip(knoten, mitglied):
        liste = gruppen.get(m)
        if liste is None:
            gruppen[m] = [v]
        else:
            liste.append(v)
    return list(gruppen.values())


def _ig(G, ig):
    return ig if ig is not None else _IG(G)


#: igraph's random generator is global: one seeded use at a time (the app computes in several threads).
_ZUFALL_SPERRE = threading.Lock()


def _neue_sperre() -> None:
    """In a process made by ``fork`` (:mod:`network.grund.zweiter_kern`) a fresh lock: another thread of the parent
    may have held it at that moment, and no thread of the new process would ever release it."""
    global _ZUFALL_SPERRE
    _ZUFALL_SPERRE = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_neue_sperre)


@contextlib.contextmanager
def _igraph_zufall(seed: int):
    import igraph  # lazy: optional accelerator, as in _IG

    with _ZUFALL_SPERRE:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def _stichprobe(G: nx.Graph, k: int | None, seed: int) -> list | None:
    """The sources NetworkX samples for ``betweenness_centrality(G, k, seed=seed)``; ``None`` = all."""
    if k is None or k >= len(G):
        return None
    return random.Random(seed).sample(list(G.nodes()), k)


def betweenness(G: nx.Graph, *, backend: str = "networkx", k: int | None = None, seed: int = SEED,
                _ig_graph: _IG | None = None) -> dict:
    """Normalised shortest-path betweenness (hop counts, endpoints excluded).

    ``k`` < number of nodes estimates it from ``k`` sampled source nodes, exactly like
    ``networkx.betweenness_centrality(G, k=k, seed=seed)`` (same sources, same rescaling).

    Examples
    --------
    >>> G = nx.star_graph(3)
    >>> betweenness(G, backend="igraph")[0]
    1.0
    >>> betweenness(G, k=2, seed=1) == betweenness(G, k=2, seed=1, backend="igraph")
    True
    """
    n = len(G)
    if k is not None and k < 2 and k < n:
        raise ValueError("Für eine Stichprobe braucht es mindestens 2 Quellen.")
    quellen = _stichprobe(G, k, seed)
    if backend == "networkx":
        if quellen is None:
            return nx.betweenness_centrality(G, normalized=True)
        return nx.betweenness_centrality(G, k=k, normalized=True, seed=seed)
    if n == 0:
        return {}
    ig = _ig(G, _ig_graph)
    return dict(zip(ig.knoten, _betweenness_positionen(ig.g, None if quellen is None else k, seed)))


def _betweenness_positionen(g, k: int | None, seed: int) -> list[float]:
    """:func:`betweenness` of the igraph graph ``g``, by node position; ``k`` sampled sources (``None`` = exact).

    The sample is the one NetworkX draws, ``random.Random(seed).sample(list(G), k)``: :func:`random.sample`
    chooses positions from the length alone, so sampling the positions gives the same sources.
    """
    n = g.vcount()
    if k is None:
        roh = g.betweenness(directed=False)
        skala = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
        return [b * skala for b in roh]
    quellen = random.Random(seed).sample(range(n), k)
    roh = g.betweenness(directed=False, sources=quellen)
    if n <= 2:  # pragma: no cover - a sample needs k >= 2 and k < n
        return [0.0] * n
    # NetworkX counts ordered pairs (twice igraph's count) and rescales sources and non-sources separately.
    quellmenge = set(quellen)
    s_quelle = 1.0 / ((k - 1) * (n - 2))
    s_sonst = 1.0 / (k * (n - 2))
    return [2.0 * b * (s_quelle if i in quellmenge else s_sonst) for i, b in enumerate(roh)]


def artikulationspunkte(G: nx.Graph, *, backend: str = "networkx", _ig_graph: _IG | None = None) -> list:
    """Actors whose removal splits their connected component, sorted by id.

    Examples
    --------
    >>> artikulationspunkte(nx.star_graph(3), backend="igraph")
    [0]
    """
    if backend == "networkx":
        return nach_text(nx.articulation_points(G))
    ig = _ig(G, _ig_graph)
    return nach_text(ig.knoten[i] for i in ig.g.articulation_points())


def bruecken(G: nx.Graph, *, backend: str = "networkx", _ig_graph: _IG | None = None) -> list[tuple]:
    """Kooperationen whose removal splits a component, as id pairs (smaller id first), sorted.

    Examples
    --------
    >>> bruecken(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]), backend="igraph")
    [(3, 4)]
    """
    if backend == "networkx":
        paare = nx.bridges(G)
    else:
        ig = _ig(G, _ig_graph)
        paare = ((ig.knoten[ig.kanten[e][0]], ig.knoten[ig.kanten[e][1]]) for e in ig.g.bridges())
    return _paare(list(paare))


def _paare(paare: list) -> list[tuple]:
    """Id pairs, each with the smaller id first, sorted (by the text of the ids, :func:`nach_text`)."""
    if all(type(u) is str and type(v) is str for u, v in paare):  # str ids: the same order without str() keys
        return sorted((u, v) if u <= v else (v, u) for u, v in paare)
    return sorted((tuple(sorted(p, key=str)) for p in paare), key=lambda p: (str(p[0]), str(p[1])))


def _geordnet(G: nx.Graph, gruppen) -> list[list]:
    pos = {v: i for i, v in enumerate(G)}
    listen = [sorted(g, key=pos.__getitem__) for g in gruppen]
    return sorted(listen, key=lambda g: pos[g[0]])


def komponenten(G: nx.Graph, *, backend: str = "networkx", _ig_graph: _IG | None = None) -> list[list]:
    """Connected components (isolated actors included), each in node order, ordered by their first node.

    Examples
    --------
    >>> G = nx.Graph([(1, 2)]); G.add_node(3)
    >>> komponenten(G, backend="igraph")
    [[1, 2], [3]]
    """
    if backend == "networkx":
        return _geordnet(G, nx.connected_components(G))
    ig = _ig(G, _ig_graph)
    return _gruppen(ig.knoten, ig.g.connected_components().membership)


def constraint(G: nx.Graph, *, backend: str = "networkx", _ig_graph: _IG | None = None) -> dict:
    """Burt's constraint with ``weight`` as tie strength; ``nan`` for actors without Kooperation.

    Low constraint = the actor's partners are not connected among themselves (a broker position).

    Examples
    --------
    >>> c = constraint(nx.star_graph(2), backend="igraph")
    >>> c[0], c[1]
    (0.5, 1.0)
    """
    if len(G) == 0:
        return {}
    if backend == "networkx":
        return nx.constraint(G, weight="weight")
    ig = _ig(G, _ig_graph)
    return dict(zip(ig.knoten, ig.g.constraint(weights="weight")))


def effektive_groesse(G: nx.Graph, *, backend: str = "networkx", _ig_graph: _IG | None = None) -> dict:
    """Burt's effective size (unweighted): partners minus their redundancy; ``nan`` without Kooperation.

    For an actor with ``d`` partners among which ``t`` Kooperationen exist it is ``d - 2 t / d``.

    Examples
    --------
    >>> effektive_groesse(nx.complete_graph(3), backend="igraph")[0], effektive_groesse(nx.star_graph(3))[0]
    (1.0, 3.0)
    """
    if len(G) == 0:
        return {}
    if backend == "networkx":
        if len(G) <= _DICHT_BIS:
            return nx.effective_size(G)
        # Large graphs: with scipy installed, nx.effective_size(G) builds a dense n x n matrix, and its per-node
        # path copies the graph for every node. Borgatti's formula d - 2t/d with t from nx.triangles is the same.
        dreiecke = nx.triangles(G)
        return {v: (d - 2 * dreiecke[v] / d if d else math.nan) for v, d in G.degree()}
    ig = _ig(G, _ig_graph)
    grad = ig.g.degree()
    cc = ig.g.transitivity_local_undirected(mode="zero")
    return {v: (d - (d - 1) * c if d else math.nan) for v, d, c in zip(ig.knoten, grad, cc)}


def gemeinschaften(G: nx.Graph, *, backend: str = "networkx", seed: int = SEED,
                   _ig_graph: _IG | None = None) -> list[list]:
    """Louvain communities (weighted, resolution 1, fixed seed), each in node order.

    Examples
    --------
    >>> G = nx.connected_caveman_graph(2, 4)
    >>> gemeinschaften(G) == gemeinschaften(G, backend="igraph") == [[0, 1, 2, 3], [4, 5, 6, 7]]
    True
    """
    if len(G) == 0:
        return []
    if backend == "networkx":
        return _geordnet(G, nx.community.louvain_communities(G, weight="weight", seed=seed))
    ig = _ig(G, _ig_graph)
    with _igraph_zufall(seed):
        mitglied = ig.g.community_multilevel(weights="weight").membership
    return _gruppen(ig.knoten, mitglied)


def modularitaet(G: nx.Graph, gruppen: list, *, backend: str = "networkx",
                 _ig_graph: _IG | None = None) -> float | None:
    """Weighted modularity of a partition; ``None`` for a graph without Kooperationen.

    Examples
    --------
    >>> round(modularitaet(nx.barbell_graph(3, 0), [[0, 1, 2], [3, 4, 5]]), 3)   # 2 * (3/7 - (7/14)**2)
    0.357
    >>> round(modularitaet(nx.barbell_graph(3, 0), [[0, 1, 2], [3, 4, 5]], backend="igraph"), 3)
    0.357
    """
    kanten = _ig_graph.g.ecount() if backend != "networkx" and _ig_graph is not None else G.number_of_edges()
    if kanten == 0:
        return None
    if backend == "networkx":
        return nx.community.modularity(G, gruppen, weight="weight")
    ig = _ig(G, _ig_graph)
    mitglied = {v: i for i, c in enumerate(gruppen) for v in c}
    return ig.g.modularity([mitglied[v] for v in ig.knoten], weights="weight")


def _louvain(g, seed: int) -> tuple[list, float | None]:
    """:func:`gemeinschaften` (as a membership by node position) and their :func:`modularitaet` with igraph.

    igraph numbers the groups of a membership in the order of their first node, so the membership *is* the list
    :func:`modularitaet` builds from the groups (one dict entry per actor; issue 14) – checked here, and renumbered
    so otherwise.
    """
    with _igraph_zufall(seed):
        mitglied = g.community_multilevel(weights="weight").membership
    if not _erstes_auftreten(mitglied):
        neu: dict = {}
        mitglied = [neu.setdefault(m, len(neu)) for m in mitglied]
    return mitglied, (g.modularity(mitglied, weights="weight") if g.ecount() else None)


def _erstes_auftreten(mitglied: list) -> bool:
    """Whether the group numbers appear in the order 0, 1, 2, … (each new one is one more than all before).

    Examples
    --------
    >>> _erstes_auftreten([0, 0, 1, 0, 2, 1]), _erstes_auftreten([0, 2, 1]), _erstes_auftreten([])
    (True, False, True)
    """
    m = np.asarray(mitglied, dtype=np.int64)
    if len(m) == 0:
        return True
    bisher = np.maximum.accumulate(np.concatenate(([-1], m[:-1])))
    return bool(m[0] == 0 and np.all(m <= bisher + 1))


def burt_werte(G: nx.Graph, *, backend: str = "networkx") -> tuple[dict, dict]:
    """:func:`constraint` and :func:`effektive_groesse` of ``G`` together (one igraph copy for both).

    Examples
    --------
    >>> c, e = burt_werte(nx.star_graph(2), backend="igraph")
    >>> c[0], e[0]
    (0.5, 2.0)
    """
    if backend == "igraph" and len(G):
        return _burt(_IG(G))
    return constraint(G, backend=backend), effektive_groesse(G, backend=backend)


def _burt(ig: _IG) -> tuple[dict, dict]:
    """:func:`constraint` and :func:`effektive_groesse` from the igraph copy alone."""
    return (constraint(ig.knoten, backend="igraph", _ig_graph=ig),
            effektive_groesse(ig.knoten, backend="igraph", _ig_graph=ig))


@dataclass
class Kennzahlen:
    """All metrics of one graph. Per-actor values are dicts keyed by actor id."""

    akteure: int
    kooperationen: int
    dichte: float
    komponenten: list[list]
    grad: dict
    gewichteter_grad: dict
    betweenness: dict
    stichprobe: int | None = None
    artikulationspunkte: list = field(default_factory=list)
    bruecken: list = field(default_factory=list)
    gemeinschaften: list = field(default_factory=list)
    modularitaet: float | None = None
    #: ``(constraint, effektive_groesse)``, or a function that computes them on first use (see below).
    burt: tuple | Callable[[], tuple] = field(default_factory=lambda: ({}, {}), repr=False, compare=False)

    @property
    def anzahl_komponenten(self) -> int:
        """Number of connected components, isolated actors included."""
        return len(self.komponenten)

    @property
    def constraint(self) -> dict:
        """Burt's constraint per actor (:func:`constraint`)."""
        return self._burt_werte()[0]

    @property
    def effektive_groesse(self) -> dict:
        """Burt's effective size per actor (:func:`effektive_groesse`)."""
        return self._burt_werte()[1]

    def _burt_werte(self) -> tuple:
        # Computed on first use: the report does not show them, only the tables do (issue 14: 0.6 CPU-s of the
        # national analysis). The same values either way.
        if callable(self.burt):
            self.burt = self.burt()
        return self.burt


@dataclass
class Rohwerte:
    """The igraph part of :func:`kennzahlen` (``voll``), every value by node position: numbers only, no id.

    A second process (:mod:`network.grund.zweiter_kern`) computes the whole network's metrics this way while the
    parent goes on: touching the 360 000 ids would copy the parent's pages that hold them (half a GiB in the
    national stand-in, issue 14). :func:`kennzahlen_aus` turns them into :class:`Kennzahlen`.
    """

    kooperationen: int
    grad: list
    staerke: list
    komponenten: list
    betweenness: list
    stichprobe: int | None
    artikulationspunkte: list
    bruecken: list
    gemeinschaften: list
    modularitaet: float | None


def rohwerte(knoten: list, kanten: tuple[list, list], *, k: int | None = None, seed: int = SEED) -> Rohwerte:
    """The metrics (``voll``, igraph) of the graph with the nodes ``knoten`` and the edges ``kanten`` (positions and
    weights, as :func:`kennzahlen` takes them), by node position (see :class:`Rohwerte`). ``knoten`` is only
    counted, never read."""
    return _rohwerte(_IG(None, kanten, knoten=knoten), k=k, seed=seed)


def _rohwerte(ig: _IG, *, k: int | None = None, seed: int = SEED) -> Rohwerte:
    g = ig.g
    n = g.vcount()
    if k is not None and k < 2 and k < n:
        raise ValueError("Für eine Stichprobe braucht es mindestens 2 Quellen.")
    stichprobe = k if (k is not None and k < n) else None
    staerke = g.strength(weights="weight")
    if ig.ganzzahlig:
        staerke = [int(x) for x in staerke]
    mitglied, q = _louvain(g, seed)
    return Rohwerte(kooperationen=g.ecount(), grad=g.degree(), staerke=staerke,
                    komponenten=g.connected_components().membership,
                    betweenness=_betweenness_positionen(g, stichprobe, seed), stichprobe=stichprobe,
                    artikulationspunkte=g.articulation_points(), bruecken=[ig.kanten[e] for e in g.bridges()],
                    gemeinschaften=mitglied, modularitaet=q)


def kennzahlen_aus(knoten: list, roh: Rohwerte, burt: tuple | Callable[[], tuple]) -> Kennzahlen:
    """:class:`Kennzahlen` from :class:`Rohwerte` of the graph whose nodes are ``knoten`` (in order); ``burt`` as
    :attr:`Kennzahlen.burt`."""
    n, m = len(knoten), roh.kooperationen
    kz = Kennzahlen(
        akteure=n, kooperationen=m, dichte=m / (n * (n - 1)) * 2 if n > 1 else 0.0,  # exactly as nx.density
        komponenten=_gruppen(knoten, roh.komponenten), grad=dict(zip(knoten, roh.grad)),
        gewichteter_grad=dict(zip(knoten, roh.staerke)), betweenness=dict(zip(knoten, roh.betweenness)),
        stichprobe=roh.stichprobe, artikulationspunkte=nach_text(knoten[i] for i in roh.artikulationspunkte),
        bruecken=_paare([(knoten[i], knoten[j]) for i, j in roh.bruecken]),
        gemeinschaften=_gruppen(knoten, roh.gemeinschaften), modularitaet=roh.modularitaet)
    kz.burt = burt
    return kz


def kennzahlen(G: nx.Graph, *, backend: str = "networkx", k: int | None = None, seed: int = SEED,
               voll: bool = True, kanten: tuple[list, list] | None = None) -> Kennzahlen:
    """All metrics of ``G`` at once (converting to igraph only once).

    Parameters
    ----------
    G : networkx.Graph
    backend : {"networkx", "igraph"}
    k : int, optional
        Sample size for betweenness (``None`` = exact). Stored as ``stichprobe`` when it applies.
    seed : int
    voll : bool
        ``False`` computes only counts, density, components and degrees (no betweenness, Burt, Louvain,
        articulation points or bridges), for time series.
    kanten : tuple of (list, list), optional
        The edges of ``G`` as node positions ``(i, j)`` in the order of ``G.edges()`` and their weights, if
        already known (:func:`~network.analyse.netz.teilnetz_mit_kanten` gives them); the igraph copy is then
        built from them instead of from the adjacency of ``G``. Must describe ``G`` as it is.

    Examples
    --------
    >>> G = nx.Graph([("k1", "a1", {"weight": 2}), ("k2", "a1", {"weight": 1})])
    >>> k = kennzahlen(G)
    >>> k.gewichteter_grad["a1"], k.artikulationspunkte, k.stichprobe
    (3, ['a1'], None)
    """
    backend = backend_waehlen(backend)
    if backend == "igraph" and voll and len(G):
        ig = _IG(G, kanten)
        # Burt's measures on first use, from the igraph copy (which, unlike G, cannot change in between).
        return kennzahlen_aus(ig.knoten, _rohwerte(ig, k=k, seed=seed), functools.partial(_burt, ig))
    backend = "networkx"  # nothing to accelerate (empty, or only the counts)
    n, m = G.number_of_nodes(), G.number_of_edges()
    ergebnis = Kennzahlen(
        akteure=n, kooperationen=m, dichte=nx.density(G) if n > 1 else 0.0,
        komponenten=komponenten(G, backend=backend), grad=dict(G.degree()),
        gewichteter_grad=dict(G.degree(weight="weight")), betweenness={},
    )
    if not voll:
        return ergebnis
    ergebnis.stichprobe = k if (k is not None and k < n) else None
    ergebnis.betweenness = betweenness(G, backend=backend, k=ergebnis.stichprobe, seed=seed)
    ergebnis.burt = (constraint(G, backend=backend), effektive_groesse(G, backend=backend))
    ergebnis.artikulationspunkte = artikulationspunkte(G, backend=backend)
    ergebnis.bruecken = bruecken(G, backend=backend)
    ergebnis.gemeinschaften = gemeinschaften(G, backend=backend, seed=seed)
    ergebnis.modularitaet = modularitaet(G, ergebnis.gemeinschaften, backend=backend)
    return ergebnis
