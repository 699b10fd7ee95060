"""The cooperation network on a Stichtag, and the network of one Sozialraum.

:func:`network_at` turns :class:`~network.model.Netzdaten` into an undirected, weighted
:class:`networkx.Graph` of actors (Kitas and the Angebote active on the Stichtag) joined by the Kooperationen
active on that day. :func:`sozialraum_netz` cuts out the part that belongs to one Sozialraum.

Nodes, edges and their neighbour lists are inserted in sorted order, so the graph, and every result computed
from it, does not depend on the order of the rows in the data.

Examples
--------
>>> from network.model import Netzdaten
>>> daten = Netzdaten(
...     sozialraeume=[{"id": "sr-a", "name": "A"}],
...     gemeinden=[{"id": "g1", "name": "G1", "sozialraum_id": "sr-a"}],
...     kitas=[{"id": "k1", "name": "Kita 1", "gemeinde_id": "g1", "lat": 50.0, "lon": 7.5}],
...     angebote=[{"id": "a1", "name": "Beratung", "art": "Beratung", "themen": ["sucht"], "gemeinde_id": "g1",
...                "versorgt": ["sr-a"], "gueltig_ab": "2020-01-01", "gueltig_bis": None}],
...     kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "art": "Vertrag", "seit": "2021-01-01",
...                     "bis": None, "intensitaet": 2}])
>>> G = network_at(daten, "2022-01-01")
>>> sorted(G.nodes), G["k1"]["a1"]["weight"], G.nodes["k1"]["sozialraum"]
(['a1', 'k1'], 2, 'sr-a')
>>> network_at(daten, "2020-06-30").number_of_edges()   # the Kooperation starts later
0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter

import networkx as nx

from network.errors import NichtGefundenFehler
from network.grund.sozialraum import versorgt as versorgt_sozialraum  # re-exported: the one rule lives in grund
from network.grund.werte import liste as _liste  # the one reading of a list cell and of a number
from network.grund.werte import zahl_oder_nichts as _zahl
from network.grund.zeit import aktiv as _aktiv
from network.grund.zeit import stichtag_iso
from network.model import KREISWEIT, Netzdaten

__all__ = ["network_at", "network_at_mit_kanten", "nach_text", "sozialraum_netz", "sozialraum_mitglieder", "teilnetz",
           "teilnetz_mit_kanten", "gemeinde_sozialraum", "versorgt_sozialraum", "TYP_KITA", "TYP_ANGEBOT"]

TYP_KITA = "Kita"
TYP_ANGEBOT = "Angebot"

#: In :func:`teilnetz`, an actor with more partners than this finds its edges from the Sozialraum's side.
_VIELE_PARTNER = 50


def gemeinde_sozialraum(daten: Netzdaten) -> dict[str, str | None]:
    """Gemeinde id -> Sozialraum id.

    Examples
    --------
    >>> gemeinde_sozialraum(Netzdaten(gemeinden=[{"id": "g1", "sozialraum_id": "sr-a"}]))
    {'g1': 'sr-a'}
    """
    return {g["id"]: g.get("sozialraum_id") for g in daten.gemeinden}


def network_at(daten: Netzdaten, stichtag=None,
               vermittlungen: Mapping[tuple[str, str], int] | None = None) -> nx.Graph:
    """The cooperation network on ``stichtag``.

    Parameters
    ----------
    daten : Netzdaten
        All rows of the network.
    stichtag : str or datetime.date, optional
        The day of the snapshot (ISO string); ``None`` means today.
    vermittlungen : mapping of (von_id, zu_id) to int, optional
        Anonymous counts of referrals between two actors. Each count is added to the weight of the edge
        between them (in either direction). Pairs without an active Kooperation get no edge: a referral
        alone is not a Kooperation.

    Returns
    -------
    networkx.Graph
        Nodes are all Kitas and the Angebote active on the Stichtag (``gueltig_ab <= stichtag <=
        gueltig_bis``, empty ends open), with the attributes ``typ`` ("Kita"/"Angebot"), ``name``, ``art``,
        ``themen``, ``sozialraum`` (where it is located, via its Gemeinde; may be ``None``), ``gemeinde``,
        ``versorgt``, ``lat``, ``lon``, ``aufsuchend``. Edges are the Kooperationen active on the Stichtag
        (``seit <= stichtag`` and ``bis`` empty or ``>= stichtag``) whose ``zu_id`` is an active Angebot;
        ``weight`` is the sum of their ``intensitaet`` (1–3) plus ``vermittlungen``, ``kooperationen`` lists
        their ids. ``G.graph["stichtag"]`` holds the day.

    Examples
    --------
    >>> from network.model import Netzdaten
    >>> d = Netzdaten(kitas=[{"id": "k1", "name": "K", "gemeinde_id": None}],
    ...               angebote=[{"id": "a1", "name": "A", "art": "Freizeit", "versorgt": ["alle"]}],
    ...               kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "seit": "2020-01-01",
    ...                               "bis": None, "intensitaet": 1}])
    >>> G = network_at(d, "2024-01-01", vermittlungen={("a1", "k1"): 4})
    >>> G["k1"]["a1"]["weight"], G["k1"]["a1"]["vermittlungen"]
    (5, 4)
    """
    return _netz(daten, stichtag, vermittlungen)[0]


def network_at_mit_kanten(daten: Netzdaten, stichtag=None,
                          vermittlungen: Mapping[tuple[str, str], int] | None = None) -> tuple[nx.Graph, tuple[list, list]]:
    """:func:`network_at`, and its edges as node positions ``(i, j)``, ``i < j``, in the order of ``G.edges()``,
    with their weights.

    Found from the edges as :func:`network_at` creates them (each node lists its edges in the order they were
    created), without walking the adjacency of 360 000 actors again: the igraph copy of the whole network
    (:func:`~network.analyse.kennzahlen.kennzahlen`, ``kanten=``) takes them (issue 14).

    Examples
    --------
    >>> from network.model import Netzdaten
    >>> d = Netzdaten(kitas=[{"id": "k1"}, {"id": "k2"}], angebote=[{"id": "a1"}],
    ...               kooperationen=[{"id": "c1", "von_id": "k2", "zu_id": "a1", "seit": "2020-01-01"},
    ...                              {"id": "c2", "von_id": "k1", "zu_id": "a1", "seit": "2020-01-01",
    ...                               "intensitaet": 3}])
    >>> G, (kanten, gewichte) = network_at_mit_kanten(d, "2024-01-01")
    >>> list(G), list(G.edges), kanten, gewichte
    (['k1', 'k2', 'a1'], [('k1', 'a1'), ('k2', 'a1')], [(0, 2), (1, 2)], [3, 1])
    """
    G, neu = _netz(daten, stichtag, vermittlungen)
    pos = dict(zip(G._node, range(len(G._node))))
    zeilen = []
    for a, b, d in neu:
        i, j = pos[a], pos[b]
        zeilen.append((i, j, d) if i < j else (j, i, d))
    # G.edges() lists an edge at its earlier end, each node's edges in the order they were created: a stable sort
    # of the edges in creation order by their earlier end gives the same order.
    zeilen.sort(key=itemgetter(0))
    return G, ([(i, j) for i, j, _ in zeilen], [d.get("weight", 1) for _, _, d in zeilen])


def _netz(daten: Netzdaten, stichtag, vermittlungen) -> tuple[nx.Graph, list[tuple]]:
    """:func:`network_at` and its edges ``(u, v, data)`` in the order they were created."""
    tag = stichtag_iso(stichtag)
    G = nx.Graph(stichtag=tag)
    _knoten(G, daten, tag)
    neu = _kanten(G, daten, tag)
    for (u, v), n in (vermittlungen or {}).items():
        if G.has_edge(u, v) and n:
            G[u][v]["vermittlungen"] += int(n)
            G[u][v]["weight"] += int(n)
    return G, neu


def _knoten(G: nx.Graph, daten: Netzdaten, tag: str) -> None:
    """Add every Kita and every Angebot active on ``tag`` to ``G``, in id order, with their attributes."""
    gsr = gemeinde_sozialraum(daten)
    for k in _nach_id(daten.kitas):
        _setzen(G, k["id"], {
            "typ": TYP_KITA, "name": k.get("name") or k["id"], "art": None, "themen": [],
            "sozialraum": gsr.get(k.get("gemeinde_id")), "gemeinde": k.get("gemeinde_id"), "versorgt": [],
            "lat": _zahl(k.get("lat")), "lon": _zahl(k.get("lon")), "aufsuchend": False,
        })
    knoten = G._node
    for a in _nach_id(daten.angebote):
        if a["id"] in knoten or not _aktiv(a.get("gueltig_ab"), a.get("gueltig_bis"), tag):
            continue
        _setzen(G, a["id"], {
            "typ": TYP_ANGEBOT, "name": a.get("name") or a["id"], "art": a.get("art"),
            "themen": _liste(a.get("themen")), "sozialraum": gsr.get(a.get("gemeinde_id")),
            "gemeinde": a.get("gemeinde_id"), "versorgt": _liste(a.get("versorgt")),
            "lat": _zahl(a.get("lat")), "lon": _zahl(a.get("lon")),
            "aufsuchend": bool(a.get("aufsuchend")),
        })


def nach_text(werte: Iterable, key: Callable | None = None) -> list:
    """``werte`` sorted by the text of their ``key`` (default: the value itself) – the one order of ids in the
    analysis, whatever type an id has. Text ids (the rule) are sorted without a str() call each: the same order,
    as ``str(v)`` is ``v``.

    Examples
    --------
    >>> nach_text(["b", "a"]), nach_text([2, "a", 10]), nach_text([{"id": "b"}, {"id": "a"}], itemgetter("id"))
    (['a', 'b'], [10, 2, 'a'], [{'id': 'a'}, {'id': 'b'}])
    """
    werte = list(werte)
    if all(type(s) is str for s in (werte if key is None else map(key, werte))):
        return sorted(werte, key=key)
    return sorted(werte, key=str if key is None else (lambda x: str(key(x))))


def _nach_id(zeilen: list) -> list:
    """Rows in the order of their ids (:func:`nach_text`)."""
    return nach_text(zeilen, itemgetter("id"))


def _setzen(G: nx.Graph, v, attribute: dict) -> None:
    """``G.add_node(v, **attribute)``, filled directly (a repeated id updates its attributes, as add_node does)."""
    if v is None or v in G._node:
        G.add_node(v, **attribute)  # add_node refuses None and merges a repeated id
    else:
        G._adj[v] = {}
        G._node[v] = attribute


def _kanten(G: nx.Graph, daten: Netzdaten, tag: str) -> list[tuple]:
    """Add the Kooperationen active on ``tag`` between nodes of ``G`` (to an Angebot) as edges, in a fixed order;
    several Kooperationen of one pair add up in one edge. Returns the edges ``(u, v, data)`` in the order they
    were created."""
    knoten = G._node
    aktiv = []
    for c in daten.kooperationen:
        u, v = c.get("von_id"), c.get("zu_id")
        dv = knoten.get(v)
        if dv is None or u == v or dv["typ"] != TYP_ANGEBOT or u not in knoten:
            continue
        if not _aktiv(c.get("seit"), c.get("bis"), tag):
            continue
        su = u if type(u) is str else str(u)  # str ids (all of them, as a rule) need no str() call
        sv = v if type(v) is str else str(v)
        kid = c.get("id", "")
        kid = kid if type(kid) is str else str(kid)
        w = int(c.get("intensitaet") or 1)
        aktiv.append((su, sv, kid, u, v, w) if su <= sv else (sv, su, kid, v, u, w))
    aktiv.sort()
    # Filled directly, as G.add_edge would (both ends exist, a != b): half the time of add_edge at 360 000 edges.
    adj = G._adj
    neu = []
    for _, _, kid, a, b, w in aktiv:
        nachbarn = adj[a]
        d = nachbarn.get(b)
        if d is not None:
            d["weight"] += w
            d["intensitaet"] += w
            d["kooperationen"].append(kid)
        else:
            d = {"weight": w, "intensitaet": w, "vermittlungen": 0, "kooperationen": [kid]}
            nachbarn[b] = d
            adj[b][a] = d
            neu.append((a, b, d))
    return neu


def sozialraum_mitglieder(G: nx.Graph, sozialraum_ids: Iterable[str]) -> dict[str, list]:
    """For each Sozialraum, its actors in node order: those located in it and the Angebote serving it.

    One pass over the graph for all Sozialräume. Ids in ``versorgt`` that are not asked for are ignored.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("k1", typ="Kita", sozialraum="sr-a", versorgt=[])
    >>> G.add_node("a1", typ="Angebot", sozialraum=None, versorgt=["alle"])
    >>> G.add_node("a2", typ="Angebot", sozialraum="sr-b", versorgt=["sr-a"])
    >>> sozialraum_mitglieder(G, ["sr-a", "sr-b"])
    {'sr-a': ['k1', 'a1', 'a2'], 'sr-b': ['a1', 'a2']}
    """
    mitglieder: dict[str, list] = {s: [] for s in sozialraum_ids}
    alle = list(mitglieder.values())
    for v, d in G._node.items():
        versorgt = d.get("versorgt") or ()
        if KREISWEIT in versorgt:  # serves every Sozialraum (grund.sozialraum.gehoert_zu)
            for liste in alle:
                liste.append(v)
            continue
        # Only the Sozialräume the actor names can match (gehoert_zu): its own and those it serves – one look-up
        # each instead of testing every Sozialraum (1 400 × 360 000 tests in the national stand-in, issue 14).
        for s in dict.fromkeys((d.get("sozialraum"), *versorgt)):
            liste = mitglieder.get(s)
            if liste is not None:
                liste.append(v)
    return mitglieder


def teilnetz(G: nx.Graph, knoten: Iterable, **graph_attr) -> nx.Graph:
    """The subgraph of ``G`` on ``knoten``, in the given node order, with the count of edges leaving it.

    Unlike ``G.subgraph(...)``, node and neighbour order follow ``knoten`` and ``G``, so results do not depend
    on hash order. ``H.graph["extern"]`` is the number of edges with exactly one end in ``knoten``.

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> H = teilnetz(G, [1, 2])
    >>> list(H.edges), H.graph["extern"]
    ([(1, 2)], 2)
    """
    return teilnetz_mit_kanten(G, knoten, **graph_attr)[0]


def teilnetz_mit_kanten(G: nx.Graph, knoten: Iterable, **graph_attr) -> tuple[nx.Graph, tuple[list, list]]:
    """:func:`teilnetz`, and its edges as node positions ``(i, j)``, ``i < j``, in the order of ``H.edges()``,
    with their weights (``"weight"``, default 1).

    The edges are the ones :func:`teilnetz` finds anyway, in the order it finds them; the igraph copy of the
    Sozialraum network (:func:`~network.analyse.kennzahlen.kennzahlen`, ``kanten=``) takes them instead of
    walking the adjacency of ``H`` again (issue 14).

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> nx.set_edge_attributes(G, {(2, 3): 5}, "weight")
    >>> H, (kanten, gewichte) = teilnetz_mit_kanten(G, [3, 1, 2])
    >>> list(H.edges), kanten, gewichte
    ([(3, 2), (1, 2)], [(0, 2), (1, 2)], [5, 1])
    """
    knoten = list(dict.fromkeys(knoten))
    pos = dict(zip(knoten, range(len(knoten))))
    H = nx.Graph(**{**G.graph, **graph_attr})
    # Filled directly, in the order add_nodes_from/add_edges_from would give; node and edge attribute dicts are
    # shared with G (read-only, as in G.subgraph): 1 400 Sozialraum copies of them were a good part of the
    # national analysis' time and memory (issue 14).
    gknoten, adj = G._node, G._adj
    hknoten, hadj = H._node, H._adj
    hknoten.update(zip(knoten, map(gknoten.__getitem__, knoten)))
    hadj.update((v, {}) for v in knoten)
    nachbarlisten = list(map(adj.__getitem__, knoten))
    grad_summe = sum(map(len, nachbarlisten))
    # Only actors with a Kooperation can have one here (most actors of a Sozialraum have none).
    aktive = [(i, u, nachbarn) for i, (u, nachbarn) in enumerate(zip(knoten, nachbarlisten)) if nachbarn]
    menge = {u for _, u, _ in aktive}
    kanten, gewichte = [], []
    for iu, u, nachbarn in aktive:
        hu = hadj[u]
        if len(nachbarn) > _VIELE_PARTNER:
            paare = _spaetere_nachbarn(nachbarn, menge, pos, iu)
        else:
            paare = [(v, d) for v, d in nachbarn.items() if (j := pos.get(v)) is not None and j > iu]
        for v, d in paare:
            hu[v] = d
            hadj[v][u] = d
            kanten.append((iu, pos[v]))
            gewichte.append(d.get("weight", 1))
    H.graph["extern"] = grad_summe - 2 * len(kanten)
    return H, (kanten, gewichte)


def _spaetere_nachbarn(nachbarn: dict, menge: set, pos: dict, i: int) -> list[tuple]:
    """The ``(v, data)`` items of ``nachbarn`` with ``v`` in ``menge`` and ``pos[v] > i``, in the order of
    ``nachbarn`` – found from the (smaller) ``menge``.

    For :func:`teilnetz`: a national hotline has 600 partners in every Sozialraum it serves; going through
    them was 4 of the 5.3 million neighbour look-ups of the national analysis (issue 14).

    Examples
    --------
    >>> nachbarn = {"k1": 1, "a3": 3, "x": 0, "k2": 2, "a2": 4}
    >>> pos = {"k1": 0, "k2": 1, "a1": 2, "a2": 3, "a3": 4}
    >>> _spaetere_nachbarn(nachbarn, set(pos), pos, 2)
    [('a3', 3), ('a2', 4)]
    """
    spaeter = [v for v in nachbarn.keys() & menge if pos[v] > i]
    if len(spaeter) > 1:  # in the order of the neighbours (as a rule there is at most one)
        treffer = set(spaeter)
        spaeter = [v for v in nachbarn if v in treffer]
    return [(v, nachbarn[v]) for v in spaeter]


def sozialraum_netz(G: nx.Graph, daten: Netzdaten, sozialraum_id: str) -> nx.Graph:
    """The network of one Sozialraum, cut out of the whole network ``G`` (from :func:`network_at`).

    Its nodes are the actors located in the Gemeinden of the Sozialraum plus the Angebote that serve it
    (``versorgt`` contains its id or ``"alle"``), wherever they are located; its edges are the Kooperationen
    among them. Kooperationen with exactly one end in it are counted in ``graph["extern"]``.

    Raises
    ------
    NichtGefundenFehler
        If ``sozialraum_id`` is not in ``daten.sozialraeume``.

    Examples
    --------
    >>> from network.model import Netzdaten
    >>> d = Netzdaten(sozialraeume=[{"id": "sr-a", "name": "A"}, {"id": "sr-b", "name": "B"}],
    ...               gemeinden=[{"id": "g1", "sozialraum_id": "sr-a"}, {"id": "g2", "sozialraum_id": "sr-b"}],
    ...               kitas=[{"id": "k1", "gemeinde_id": "g1"}, {"id": "k2", "gemeinde_id": "g2"}],
    ...               angebote=[{"id": "a1", "art": "Beratung", "gemeinde_id": "g2", "versorgt": ["sr-b"]}],
    ...               kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "seit": "2020-01-01"},
    ...                              {"id": "c2", "von_id": "k2", "zu_id": "a1", "seit": "2020-01-01"}])
    >>> H = sozialraum_netz(network_at(d, "2024-01-01"), d, "sr-a")
    >>> list(H.nodes), H.graph["extern"]
    (['k1'], 1)
    """
    namen = {s["id"]: s.get("name") for s in daten.sozialraeume}
    if sozialraum_id not in namen:
        raise NichtGefundenFehler(f"Den Sozialraum „{sozialraum_id}“ gibt es in den Daten nicht.")
    knoten = sozialraum_mitglieder(G, [sozialraum_id])[sozialraum_id]
    return teilnetz(G, knoten, sozialraum=sozialraum_id, name=namen[sozialraum_id])
