"""Where each actor of the Netzwerk page is drawn: the members of the selection and their positions.

Positions are computed once per data version and selection (a seeded spring layout started from the geography)
and cached for every session; the warming thread at server start fills the whole district's drawing
(:mod:`network.ui.bausteine.vorwaermen`).
"""

from __future__ import annotations

import math
import random

import networkx as nx
import streamlit as st

from ...grund.sozialraum import gehoert_zu
from ...model import Netzdaten
from . import daten as D

__all__ = ["mitglieder", "layout", "layout_cached"]


def mitglieder(d: Netzdaten, sr: str | None) -> tuple[list[dict], list[dict]]:
    """Kitas and Angebote (of all times) shown for the selection: located in the Sozialraum, or serving it."""
    gsr = {g["id"]: g.get("sozialraum_id") for g in d.gemeinden}
    if sr is None:
        return list(d.kitas), list(d.angebote)
    kitas = [k for k in d.kitas if gehoert_zu(gsr.get(k.get("gemeinde_id")), (), sr)]
    angebote = [a for a in d.angebote if gehoert_zu(gsr.get(a.get("gemeinde_id")), a.get("versorgt"), sr)]
    return kitas, angebote


def layout(d: Netzdaten, sr: str | None) -> dict[str, tuple[float, float]]:
    kitas, angebote = mitglieder(d, sr)
    ids = {r["id"] for r in kitas + angebote}
    gem = {g["id"]: g for g in d.gemeinden}
    G = nx.Graph()
    rnd = random.Random(20210324)
    # Where a node starts: its own coordinates, else its Gemeinde's centre. In a Sozialraum view, Angebote
    # located elsewhere (district-wide ones, neighbours) start in the middle of the Sozialraum, so the
    # picture is not stretched across the whole district; the spring then pulls them to their partners.
    geo: dict[str, tuple[float, float] | None] = {}
    for r in kitas + angebote:
        lat, lon = r.get("lat"), r.get("lon")
        g = gem.get(r.get("gemeinde_id")) or {}
        if lat is None:
            lat, lon = g.get("lat"), g.get("lon")
        drinnen = sr is None or g.get("sozialraum_id") == sr
        geo[r["id"]] = (lat, lon) if lat is not None and drinnen else None
    bekannt = [p for p in geo.values() if p is not None]
    mitte = (sum(p[0] for p in bekannt) / len(bekannt), sum(p[1] for p in bekannt) / len(bekannt)) \
        if bekannt else (50.03, 7.55)
    streu = 0.02 if sr else 0.05
    start = {}
    for r in sorted(kitas + angebote, key=lambda r: r["id"]):
        G.add_node(r["id"])
        lat, lon = geo[r["id"]] or (mitte[0] + rnd.uniform(-streu, streu), mitte[1] + rnd.uniform(-streu, streu))
        start[r["id"]] = (lon * math.cos(math.radians(50.0)) + rnd.uniform(-0.004, 0.004),
                          -lat + rnd.uniform(-0.004, 0.004))
    for c in sorted(d.kooperationen, key=lambda c: c["id"]):
        if c.get("von_id") in ids and c.get("zu_id") in ids:
            G.add_edge(c["von_id"], c["zu_id"])
    if not G:
        return {}
    xs = [p[0] for p in start.values()]
    ys = [p[1] for p in start.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    spanne = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
    start = {v: ((x - cx) / spanne * 2, (y - cy) / spanne * 2) for v, (x, y) in start.items()}
    # The geography is the starting point; a short spring relaxation pulls partners together and spreads the
    # nodes that share a town. Actors without any Kooperation stay where they are (no pull, no push-out).
    # Only the largest connected part is relaxed: small parts would be pushed far out by the repulsion.
    pos = dict(start)
    teile = sorted(nx.connected_components(G), key=len, reverse=True)
    if teile and len(teile[0]) > 2:
        gross = G.subgraph(teile[0])
        k = 0.9 / math.sqrt(len(G))
        pos.update(nx.spring_layout(gross, pos={v: start[v] for v in gross}, iterations=35, seed=7, k=k,
                                    scale=None))
    # Actors that never had a Kooperation line up below the network, so they are easy to see (and to count).
    allein = sorted((v for v in G if G.degree(v) == 0), key=str)
    verbunden = [v for v in G if G.degree(v) > 0]
    if allein and verbunden:
        xs = [pos[v][0] for v in verbunden]
        unten = max(pos[v][1] for v in verbunden) + 0.12
        links, breite = min(xs), max(max(xs) - min(xs), 0.5)
        je_reihe = max(int(breite / 0.06), 1)
        for i, v in enumerate(allein):
            pos[v] = (links + (i % je_reihe) * 0.06, unten + (i // je_reihe) * 0.06)
    return {v: (round(float(x) * 600, 1), round(float(y) * 600, 1)) for v, (x, y) in pos.items()}


@D.abgeleitet
@st.cache_resource(show_spinner="Netzwerk wird angeordnet …", max_entries=12)
def layout_cached(key: tuple, version: int, sr: str | None) -> dict:
    return layout(D.daten_fuer(key, version), sr)
