"""The faster ways of issue 14 give what the plain definitions give (load, candidate columns, km texts,
sub-networks, the igraph copy, edges of the network)."""

from __future__ import annotations

import datetime as dt
import math
import random
import weakref
from operator import itemgetter

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from network.analyse import analyse
from network.analyse.auswertung import auswerten
from network.analyse.empfehlung import _Kandidaten, _km_zeilen, angebot_zeilen, empfehlungen, kita_partner
from network.analyse.geo import haversine_km, haversine_km_np
from network.analyse.hubregel import grad
from network.analyse.kennzahlen import _IG, constraint, effektive_groesse, gemeinschaften, kennzahlen, modularitaet
from network.analyse.lueckensuche import einzige_verbindung, entfernungen, themen_ohne_angebot
from network.analyse.netz import (
    nach_text,
    network_at,
    network_at_mit_kanten,
    sozialraum_mitglieder,
    teilnetz,
    teilnetz_mit_kanten,
)
from network.analyse.texte import km_satz
from network.grund import format as F
from network.grund.sozialraum import versorgt
from network.grund.werte import zahl_oder_nichts
from network.grund.zeit import aktiv, datum_iso
from network.grund.zyklensammler import pausiert


def _zufallsnetz(seed: int, n: int = 60) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.Graph()
    for i in range(n):
        kita = rng.random() < 0.4
        G.add_node(f"{'k' if kita else 'a'}{i:03d}", typ="Kita" if kita else "Angebot",
                   art=rng.choice(["Beratung", "Freizeit", None]), lat=rng.choice([None, 50.0 + rng.random()]),
                   lon=7.0 + rng.random(), aufsuchend=rng.random() < 0.2, themen=["sucht"], versorgt=["sr-a"])
    knoten = list(G)
    for _ in range(n):
        u, v = rng.sample(knoten, 2)
        G.add_edge(u, v, weight=rng.randint(1, 3))
    return G


@pytest.mark.parametrize("seed", range(5))
def test_last_wie_definiert(seed):
    G = _zufallsnetz(seed)
    erwartet = {v: sum(1 for n in G[v] if G.nodes[n]["typ"] == "Kita")
                for v, d in G.nodes(data=True) if d["typ"] == "Angebot"}
    assert kita_partner(G) == erwartet
    assert list(kita_partner(G)) == list(erwartet)


@pytest.mark.parametrize("seed", range(5))
def test_kandidaten_mit_und_ohne_vorberechnete_zeilen(seed):
    G = _zufallsnetz(seed)
    bw = nx.betweenness_centrality(G)
    a = _Kandidaten.aus(G, G, "sr-a", bw)
    b = _Kandidaten.aus(G, G, "sr-a", bw, kita_partner(G), angebot_zeilen(G))
    assert a.ids == b.ids
    for feld in ("rang", "lat", "lon", "aufsuchend", "beratung", "last"):
        x, y = getattr(a, feld), getattr(b, feld)
        assert x.dtype == y.dtype and x.tolist() == y.tolist() or (
            feld in ("lat", "lon") and all((p == q) or (p != p and q != q) for p, q in zip(x, y)))
    kitas = [v for v, d in G.nodes(data=True) if d["typ"] == "Kita"]
    ohne = [k for k in kitas if not G[k]]
    assert (empfehlungen(G, G, "sr-a", bw, ohne_kooperation=ohne, ohne_beratung=kitas, entfernung=[]) ==
            empfehlungen(G, G, "sr-a", bw, ohne_kooperation=ohne, ohne_beratung=kitas, entfernung=[],
                         last=kita_partner(G), zeilen=angebot_zeilen(G)))


def test_kandidaten_rang_mit_schleife():
    """The degree in the ranking counts a self-loop twice, as ``H.degree`` does."""
    G = nx.Graph()
    for v in ("a1", "a2"):
        G.add_node(v, typ="Angebot", versorgt=["alle"], art="Beratung")
    G.add_edge("a2", "a2")
    G.add_node("k1", typ="Kita")
    G.add_edge("a1", "k1")
    assert _Kandidaten.aus(G, G, "sr-a", {}).ids == ["a2", "a1"]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.floats(min_value=0, max_value=2000, allow_nan=False), st.integers(0, 2000), st.none()))
def test_km_satz_wie_format(x):
    assert km_satz(x) == F.km(x, None)
    assert km_satz(x) == F.km(x, None)  # also from the cache


@pytest.mark.parametrize("seed", range(5))
def test_teilnetz_wie_subgraph(seed):
    G = _zufallsnetz(seed)
    rng = random.Random(seed)
    knoten = rng.sample(list(G), 25)
    H = teilnetz(G, knoten)
    S = G.subgraph(knoten)
    assert list(H) == list(dict.fromkeys(knoten))
    assert {frozenset(e) for e in H.edges} == {frozenset(e) for e in S.edges}
    assert H.graph["extern"] == sum(1 for u, v in G.edges if (u in S) != (v in S))
    pos = {v: i for i, v in enumerate(H)}
    R = nx.Graph()  # the order add_nodes_from/add_edges_from give
    R.add_nodes_from(H)
    R.add_edges_from((u, v, d) for u in H for v, d in G[u].items() if v in pos and pos[v] > pos[u])
    assert [(u, list(H[u].items())) for u in H] == [(u, list(R[u].items())) for u in R]


@pytest.mark.parametrize("seed", range(5))
def test_igraph_kopie_in_kantenreihenfolge(seed):
    G = _zufallsnetz(seed)
    G.add_node("isoliert", typ="Kita")
    ig = _IG(G)
    pos = {v: i for i, v in enumerate(G)}
    assert ig.kanten == [(pos[u], pos[v]) if pos[u] <= pos[v] else (pos[v], pos[u]) for u, v in G.edges()]
    assert ig.g.es["weight"] == [d["weight"] for _, _, d in G.edges(data=True)]


def test_netz_kanten_reihenfolge_und_summen(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k2", "gemeinde": "g-a"}, {"id": "k1", "gemeinde": "g-a"}],
            angebote=[{"id": "a1", "art": "Beratung", "gemeinde": "g-a"}],
            kooperationen=[("k2", "a1", 2), ("k1", "a1"), ("k2", "a1", 1), ("a1", "k1")])  # zu must be an Angebot
    G = network_at(d, "2024-06-30")
    assert list(G["a1"]) == ["k1", "k2"]
    assert G["a1"]["k2"]["weight"] == 3 and len(G["a1"]["k2"]["kooperationen"]) == 2
    assert sozialraum_mitglieder(G, ["sr-a"]) == {"sr-a": ["k1", "k2", "a1"]}


def test_bericht_gleich_mit_mehreren_sozialraeumen(kleines_netz):
    """With several Sozialräume the analysis uses the precomputed load and columns; one Sozialraum at a time
    computes them itself – the entries are the same."""
    ganz = analyse(kleines_netz, "2024-06-30", backend="igraph")
    for eintrag in ganz["sozialraeume"]:
        einzeln = analyse(kleines_netz, "2024-06-30", sozialraum=eintrag["id"], backend="igraph")
        assert einzeln["sozialraeume"] == [eintrag]


def test_netze_ohne_referenzzyklus(kleines_netz):
    """The whole network and the Sozialraum networks are freed by reference counting alone: the analysis pauses
    the cycle collector, and a graph in a cycle (``G.degree`` caches a view on ``G``) would stay until it runs."""
    with pausiert():
        a = auswerten(kleines_netz, "2024-06-30", backend="igraph")
        refs = [weakref.ref(a.netz)] + [weakref.ref(s.netz) for s in a.sozialraeume]
        del a
        assert [r() for r in refs] == [None] * len(refs)


def test_grad_wie_networkx():
    G = nx.Graph([(1, 2), (2, 2), (2, 3)])
    G.add_node(4)
    assert [grad(G, v) for v in G] == [d for _, d in G.degree()]


@pytest.mark.parametrize("seed", range(8))
def test_themen_ohne_angebot_wie_definiert(seed):
    rng = random.Random(seed)
    alle = ["sucht", "kultur", "bewegung", "sprache"]
    H = nx.Graph()
    for i in range(rng.randint(0, 8)):
        H.add_node(f"v{i}", typ=rng.choice(["Kita", "Angebot"]), themen=rng.sample(alle, rng.randint(0, 2)))
    vorhanden = {t for _, d in H.nodes(data=True) if d["typ"] == "Angebot" for t in d["themen"]}
    gefragt = rng.sample(alle + ["gewaltschutz"], rng.randint(0, 5))
    assert themen_ohne_angebot(H, gefragt) == sorted(t for t in set(gefragt) if t not in vorhanden)


def _teilnetz_wie_add_edges_from(G, knoten):
    H = teilnetz(G, knoten)
    pos = {v: i for i, v in enumerate(H)}
    R = nx.Graph()
    R.add_nodes_from(H)
    R.add_edges_from((u, v, d) for u in H for v, d in G[u].items() if v in pos and pos[v] > pos[u])
    assert [(u, list(H[u].items())) for u in H] == [(u, list(R[u].items())) for u in R]
    assert H.graph["extern"] == sum(1 for u, v in G.edges if (u in pos) != (v in pos))


def test_teilnetz_mit_knoten_vieler_partner():
    """An actor with more partners than later actors (a hotline) finds its edges from the later actors – in the
    order of its neighbours, also with several later partners and partners outside."""
    G = nx.Graph()
    G.add_nodes_from(["k1", "k2", "k3", "h", "a2", "a1", "a3", "x1", "x2"])
    G.add_edges_from([("h", v) for v in ["x2", "k2", "a3", "k1", "x1", "a1", "k3", "a2"]], weight=1)
    G.add_edge("a1", "a3", weight=2)
    _teilnetz_wie_add_edges_from(G, ["k1", "k2", "k3", "h", "a2", "a1", "a3"])
    H = teilnetz(G, ["k1", "k2", "h", "a2", "a1", "a3"])
    assert list(H["h"]) == ["k1", "k2", "a3", "a1", "a2"] and H.graph["extern"] == 3  # x2, x1, k3
    G.add_edge("h", "h", weight=1)  # a self-loop stays out of the sub-network, as before
    assert list(teilnetz(G, ["k1", "k2", "h", "a2", "a1", "a3"])["h"]) == ["k1", "k2", "a3", "a1", "a2"]


@pytest.mark.parametrize("seed", range(10))
def test_teilnetz_mit_knoten_vieler_partner_zufaellig(seed):
    rng = random.Random(seed)
    G = _zufallsnetz(seed, n=40)
    knoten = list(G)
    for hub in rng.sample(knoten, 3):  # three actors with many partners, in random order
        for v in rng.sample(knoten, 25):
            if v != hub:
                G.add_edge(hub, v, weight=rng.randint(1, 3))
    _teilnetz_wie_add_edges_from(G, rng.sample(knoten, 30))


def test_burt_spaeter_gleich_und_vom_netz_unabhaengig():
    """With igraph, constraint and effective size are computed on first use – the values of the plain functions,
    from the copy taken when the metrics were computed."""
    def gleich(a: dict, b: dict) -> bool:  # nan (an actor without Kooperation) equal to nan
        return list(a) == list(b) and all(a[v] == b[v] or (math.isnan(a[v]) and math.isnan(b[v])) for v in a)

    G = nx.Graph([("k1", "a1", {"weight": 2}), ("k2", "a1", {"weight": 1}), ("k2", "a2", {"weight": 3})])
    G.add_node("k3")
    erwartet = constraint(G, backend="igraph"), effektive_groesse(G, backend="igraph")
    k = kennzahlen(G, backend="igraph")
    G.add_edge("k1", "k2", weight=1)  # changing G afterwards changes nothing
    assert callable(k.burt)
    c, e = k.constraint, k.effektive_groesse
    assert gleich(c, erwartet[0]) and gleich(e, erwartet[1])
    assert not callable(k.burt) and k.constraint is c  # computed once
    n = kennzahlen(G, backend="networkx")
    assert gleich(n.constraint, nx.constraint(G, weight="weight")) and gleich(n.effektive_groesse, nx.effective_size(G))
    assert kennzahlen(G, backend="igraph", voll=False).constraint == {}


@pytest.mark.parametrize("wert", [None, "", 7.5, 0.0, -3.25, float("nan"), float("inf"), -float("inf"), "8.5",
                                  "x", 3, True, np.float64(2.5), np.float64("nan"), [1]])
def test_zahl_oder_nichts_wie_definiert(wert):
    """The float shortcut of grund.werte.zahl_oder_nichts gives what its plain definition gives."""
    try:
        x = None if wert is None or wert == "" else float(wert)
    except (TypeError, ValueError):
        x = None
    b = x if x is not None and math.isfinite(x) else None
    a = zahl_oder_nichts(wert)
    assert a == b and type(a) is type(b)


_TAGE = [None, "", "2024-01-01", "2024-06-30", "2024-07-01", "2024-06-30T23:59:00", "2024-06", "2025",
         dt.date(2024, 6, 30), dt.date(2024, 7, 1), dt.datetime(2024, 6, 30, 8, 0)]


@pytest.mark.parametrize("ab", _TAGE)
@pytest.mark.parametrize("bis", _TAGE)
def test_aktiv_wie_definiert(ab, bis):
    """The ISO-day shortcut of grund.zeit.aktiv gives what its plain definition gives."""
    tag, a, b = "2024-06-30", datum_iso(ab), datum_iso(bis)
    assert aktiv(ab, bis, tag) == ((a is None or a <= tag) and (b is None or b >= tag))


@pytest.mark.parametrize("einzugsgebiet", [None, [], ["alle"], ["sr-a"], ["sr-b"], ["sr-b", "sr-a"], ("sr-a",),
                                           {"sr-a"}, "sr-a", "alle", ["sr-ab"]])
@pytest.mark.parametrize("sozialraum", ["sr-a", None])
def test_versorgt_wie_definiert(einzugsgebiet, sozialraum):
    liste = list(einzugsgebiet) if isinstance(einzugsgebiet, (list, tuple, set)) else list(einzugsgebiet or ())
    assert versorgt(einzugsgebiet, sozialraum) == ("alle" in liste or (sozialraum is not None and sozialraum in liste))


@pytest.mark.parametrize("ids", [[], ["b", "a", "c"], ["k10", "k9", "K1"], [2, 10, "a"], ["b", 1]])
def test_nach_text_wie_sortiert(ids):
    assert nach_text(iter(ids)) == sorted(ids, key=str)
    zeilen = [{"id": i, "nr": n} for n, i in enumerate(ids)]
    assert nach_text(zeilen, itemgetter("id")) == sorted(zeilen, key=lambda r: str(r["id"]))


@pytest.mark.parametrize("seed", range(6))
def test_entfernungen_wie_definiert(seed):
    """Every (Kita, Thema) beyond the limit, with the nearest Angebot (smallest id among equals), unless an
    aufsuchend Angebot with the Thema serves the Kita's Sozialraum (or all of them)."""
    rng = random.Random(seed)
    G = nx.Graph()
    themen = ["sucht", "kultur", "sprache"]
    for i in range(30):
        G.add_node(f"k{i:02d}", typ="Kita", sozialraum=rng.choice(["sr-a", "sr-b"]),
                   lat=rng.choice([None, 50 + rng.random()]), lon=7 + rng.random())
    for i in range(12):
        G.add_node(f"a{i:02d}", typ="Angebot", themen=rng.sample(themen, rng.randint(0, 2)),
                   versorgt=rng.choice([["sr-a"], ["sr-b"], ["alle"], []]), aufsuchend=rng.random() < 0.3,
                   lat=rng.choice([None, 50 + rng.random()]), lon=7 + rng.random())
    kitas = [v for v, d in G.nodes(data=True) if d["typ"] == "Kita"]
    e = entfernungen(G, kitas, themen, max_km=30)
    erwartet = {}
    for k in kitas:
        dk = G.nodes[k]
        if dk["lat"] is None:
            continue
        for t in themen:
            angebote = [(v, d) for v, d in sorted(G.nodes(data=True)) if d["typ"] == "Angebot" and t in d["themen"]]
            if any(d["aufsuchend"] and ("alle" in d["versorgt"] or dk["sozialraum"] in d["versorgt"])
                   for _, d in angebote):
                continue
            mit = [(haversine_km(dk["lat"], dk["lon"], d["lat"], d["lon"]), v) for v, d in angebote if d["lat"] is not None]
            if mit:
                km, v = min(mit, key=lambda x: x[0])  # the first of equals: the smallest id
                if km > 30:
                    erwartet.setdefault(k, []).append((t, v, pytest.approx(km)))
    assert {k: sorted(x) for k, x in e.zu_weit.items()} == {k: sorted(x, key=lambda y: y[:2]) for k, x in erwartet.items()}
    assert e.ohne_koordinaten == sorted(k for k in kitas if G.nodes[k]["lat"] is None)


def _einzige_verbindung_wie_definiert(G, H, kitas):
    """The plain definition: per Kita, the Angebot partners offering each Thema; a Thema with exactly one."""
    paare = {}
    for k in sorted(kitas, key=str):
        for t in {t for a in G[k] if G.nodes[a]["typ"] == "Angebot" for t in G.nodes[a]["themen"]}:
            partner = [a for a in G[k] if G.nodes[a]["typ"] == "Angebot" and t in G.nodes[a]["themen"]]
            if len(partner) == 1:
                paare.setdefault((partner[0], t), []).append(k)
    return sorted(((a, t, ks) for (a, t), ks in paare.items()), key=lambda x: (str(x[0]), x[1]))


@pytest.mark.parametrize("seed", range(8))
def test_einzige_verbindung_wie_definiert(seed):
    rng = random.Random(seed)
    G = _zufallsnetz(seed, n=50)
    for _, d in G.nodes(data=True):  # Themen, one listed twice now and then
        d["themen"] = rng.sample(["sucht", "kultur", "sprache", "sucht"], rng.randint(0, 3))
    for _ in range(40):
        u, v = rng.sample(list(G), 2)
        G.add_edge(u, v, weight=1)
    kitas = [v for v, d in G.nodes(data=True) if d["typ"] == "Kita"]
    eintraege = [e for e in einzige_verbindung(G, G, kitas) if e["thema"] is not None]
    assert [(e["angebot_id"], e["thema"], e["kita_ids"]) for e in eintraege] == \
        _einzige_verbindung_wie_definiert(G, G, kitas)


@pytest.mark.parametrize("seed", range(4))
def test_km_zeilen_wie_je_kita(seed):
    """The km of all Kitas at once equal, value for value, the km computed for one Kita at a time."""
    G = _zufallsnetz(seed)
    kand = _Kandidaten.aus(G, G, "sr-a", {})
    kitas = [v for v, d in G.nodes(data=True) if d["typ"] == "Kita"]
    zeilen = _km_zeilen(G, kitas, kand)
    for k, zeile in zip(kitas, zeilen):
        d = G.nodes[k]
        if d["lat"] is not None and d["lon"] is not None:
            km = haversine_km_np(d["lat"], d["lon"], kand.lat, kand.lon)
        else:
            km = np.full(len(kand.ids), np.nan)
        assert np.array_equal(zeile, np.where(kand.aufsuchend, 0.0, km), equal_nan=True)
    assert _km_zeilen(G, [], kand).shape == (0, len(kand.ids))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("ueber_gruppen", [False, True])
def test_louvain_modularitaet_wie_einzeln(seed, ueber_gruppen, monkeypatch):
    """Groups and modularity from Louvain's membership equal gemeinschaften() and modularitaet() of them – also
    on the way through the groups (as if igraph had numbered them otherwise)."""
    import network.analyse.kennzahlen as K  # the module itself, to replace the check of the numbering

    if ueber_gruppen:
        monkeypatch.setattr(K, "_erstes_auftreten", lambda mitglied: False)
    G = _zufallsnetz(seed)
    G.add_node("isoliert", typ="Kita")
    gruppen = gemeinschaften(G, backend="igraph", seed=seed)
    ig = _IG(G)
    mitglied, q = K._louvain(ig.g, seed)
    assert (K._gruppen(ig.knoten, mitglied), q) == (gruppen, modularitaet(G, gruppen, backend="igraph"))
    ohne = nx.Graph()
    ohne.add_nodes_from(["a", "b"])
    assert K._louvain(_IG(ohne).g, seed) == ([0, 1], None)


@pytest.mark.parametrize("seed", range(8))
def test_teilnetz_kanten_wie_igraph_kopie(seed):
    G = _zufallsnetz(seed)
    rng = random.Random(seed)
    h = rng.choice(list(G))  # one actor with many partners (the other way through teilnetz)
    for v in rng.sample(list(G), 60):
        if v != h:
            G.add_edge(h, v, weight=rng.randint(1, 3))
    knoten = rng.sample(list(G), 40) + [h]
    H, kanten = teilnetz_mit_kanten(G, knoten, sozialraum="sr-a")
    assert list(H.adj.items()) == list(teilnetz(G, knoten, sozialraum="sr-a").adj.items())
    assert kanten == _IG._kanten(H, list(H))
    assert kennzahlen(H, backend="igraph", kanten=kanten) == kennzahlen(H, backend="igraph")


@pytest.mark.parametrize("seed", range(8))
def test_netz_kanten_wie_igraph_kopie(bau, seed):
    rng = random.Random(seed)
    kitas = [{"id": f"k{i}", "gemeinde": "g-a"} for i in rng.sample(range(30), 30)]
    angebote = [{"id": f"a{i}", "art": "Beratung", "gemeinde": "g-a"} for i in rng.sample(range(20), 20)]
    ids = [k["id"] for k in kitas] + [a["id"] for a in angebote]
    kooperationen = [(rng.choice(ids), rng.choice(angebote)["id"], rng.randint(1, 3)) for _ in range(80)]
    d = bau(sozialraeume=["sr-a"], kitas=kitas, angebote=angebote, kooperationen=kooperationen)
    vermittlungen = {(rng.choice(ids), rng.choice(ids)): rng.randint(0, 4) for _ in range(20)}
    vermittlungen.update(((v, u), rng.randint(0, 4)) for u, v, _ in rng.sample(kooperationen, 10))
    G, kanten = network_at_mit_kanten(d, "2024-06-30", vermittlungen)
    einfach = network_at(d, "2024-06-30", vermittlungen)
    assert list(G.adj.items()) == list(einfach.adj.items())
    assert kanten == _IG._kanten(G, list(G))
