"""The map of the Wegweiser: Gemeinde and Sozialraum borders from the local GeoJSON, Kitas and Angebote as
points. Vega-Lite draws it in the browser without tiles or any request to the outside.

Borders: the Gemeinde polygons of ``seed/quellen/rhk_gemeinden.geojson`` (simplified once per process to keep the
chart small) and, drawn thicker, the Sozialraum borders: the polygon edges that are not shared by two Gemeinden
of the same Sozialraum, chained into lines.

Points carry meaning by **shape** as well as colour (Kita = circle, Beratung = square, Unterstützung = triangle,
Freizeit = diamond, the chosen place = cross) and the Sozialräume are labelled by name on the map.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .text import VEGA_LESBAR

__all__ = ["GEOJSON", "grenzen", "karte", "TYPEN", "FORMEN", "FARBEN", "vereinfache"]

#: The municipality borders shipped with the seed.
GEOJSON = Path(__file__).resolve().parents[3] / "seed" / "quellen" / "rhk_gemeinden.geojson"

#: Point types in legend order, with Vega shapes and colours (colour-blind-safe palette, Okabe–Ito).
TYPEN = ("Kita", "Beratung", "Unterstützung", "Freizeit", "Gewählter Ort")
FORMEN = ("circle", "square", "triangle-up", "diamond", "cross")
FARBEN = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000")

#: Pale area colours of the Sozialräume (names are written on the map, so colour is not the only carrier).
_FUELLUNG = ("#c9dcee", "#f2d7b6", "#cde7cd", "#e3cde8", "#ece2b2", "#d0e7ea")

_TOLERANZ = 0.0012  # degrees (about 100 m): invisible at the scale of the district


def _abstand(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def vereinfache(punkte: list, toleranz: float = _TOLERANZ) -> list:
    """Ramer–Douglas–Peucker simplification of a line (first and last point kept), rounded to 4 decimals.

    >>> vereinfache([[0, 0], [1, 0.00001], [2, 0]], 0.001)
    [[0, 0], [2, 0]]
    """
    if len(punkte) < 3:
        return [[round(x, 4), round(y, 4)] for x, y in punkte]
    behalten = [False] * len(punkte)
    behalten[0] = behalten[-1] = True
    stapel = [(0, len(punkte) - 1)]
    while stapel:
        i, j = stapel.pop()
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            d = _abstand(punkte[k], punkte[i], punkte[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > toleranz:
            behalten[idx] = True
            stapel.extend(((i, idx), (idx, j)))
    return [[round(p[0], 4), round(p[1], 4)] for p, b in zip(punkte, behalten) if b]


def _ring(ring: list) -> list:
    r = vereinfache(ring)
    if len(r) < 4:  # a ring needs 3 distinct points; keep tiny ones as they were
        r = [[round(x, 4), round(y, 4)] for x, y in ring]
    return r


@lru_cache(maxsize=1)
def _rohdaten() -> dict | None:
    if not GEOJSON.is_file():
        return None
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def _ketten(segmente: list[tuple]) -> list[list]:
    """Chain undirected segments into polylines."""
    nachbarn: dict[tuple, list[tuple]] = defaultdict(list)
    for a, b in segmente:
        nachbarn[a].append(b)
        nachbarn[b].append(a)
    benutzt: set[tuple] = set()
    ketten = []

    def kante(a, b):
        return (a, b) if a <= b else (b, a)

    # Start at ends (odd degree) first, then close the remaining rings.
    starts = [p for p, n in nachbarn.items() if len(n) != 2] + list(nachbarn)
    for s in starts:
        for n0 in nachbarn[s]:
            if kante(s, n0) in benutzt:
                continue
            kette = [s]
            a, b = s, n0
            while True:
                benutzt.add(kante(a, b))
                kette.append(b)
                weiter = [c for c in nachbarn[b] if kante(b, c) not in benutzt]
                if len(nachbarn[b]) != 2 or not weiter:
                    break
                a, b = b, weiter[0]
            ketten.append([list(p) for p in kette])
    return ketten


@lru_cache(maxsize=4)
def grenzen(zuordnung: tuple[tuple[str, str, str], ...]) -> tuple[list[dict], list[dict]] | None:
    """``(Gemeinde features, Sozialraum border features)`` for ``zuordnung`` = ((ags, Sozialraum id, name), …).

    Gemeinde features carry ``properties.name``/``sozialraum``; border features are MultiLineStrings with
    ``properties.sozialraum``. ``None`` when the GeoJSON file is missing.
    """
    roh = _rohdaten()
    if roh is None:
        return None
    sr_von = {ags: (sr, name) for ags, sr, name in zuordnung}
    sr_ids = sorted({sr for _, sr, _ in zuordnung if sr})
    fuellung = {sr: _FUELLUNG[i % len(_FUELLUNG)] for i, sr in enumerate(sr_ids)}
    gemeinden = []
    segmente_je_sr: dict[str, Counter] = defaultdict(Counter)
    for f in roh.get("features", []):
        p = f.get("properties") or {}
        geo = f.get("geometry") or {}
        polys = geo.get("coordinates") or []
        if geo.get("type") == "Polygon":
            polys = [polys]
        sr, srname = sr_von.get(str(p.get("ags")), (None, None))
        for poly in polys:
            for ring in poly:
                for a, b in zip(ring, ring[1:]):
                    a, b = tuple(a), tuple(b)
                    if sr:
                        segmente_je_sr[sr][(a, b) if a <= b else (b, a)] += 1
        gemeinden.append({
            "type": "Feature",
            "properties": {"name": p.get("name"), "ags": p.get("ags"), "sozialraum": srname or "ohne Zuordnung",
                           "fuellung": fuellung.get(sr, "#eeeeee")},
            "geometry": {"type": "MultiPolygon",
                         "coordinates": [[_ring(r) for r in poly] for poly in polys]},
        })
    rand = []
    for sr, segs in sorted(segmente_je_sr.items()):
        aussen = [s for s, n in segs.items() if n == 1]
        linien = [vereinfache(k) for k in _ketten(aussen)]
        rand.append({"type": "Feature", "properties": {"sozialraum": sr},
                     "geometry": {"type": "MultiLineString", "coordinates": linien}})
    return gemeinden, rand


def _feld(name: str, titel: str | None = None, typ: str = "nominal") -> dict:
    f = {"field": name, "type": typ}
    if titel:
        f["title"] = titel
    return f


def karte(gemeinden: list[dict], rand: list[dict], punkte: pd.DataFrame, beschriftung: pd.DataFrame,
          hervorheben: str | None = None, hoehe: int = 560) -> dict:
    """The Vega-Lite spec of the map (a plain dict: written directly, it costs milliseconds, where building
    and validating it through Altair took most of a second because of the inline borders).

    ``punkte``: columns ``name``, ``typ`` (one of :data:`TYPEN`), ``ort``, ``lat``, ``lon``.
    ``beschriftung``: columns ``name``, ``lat``, ``lon`` (Sozialraum labels). ``hervorheben``: the name of a
    Sozialraum drawn at full strength (the others paler).

    >>> spec = karte([], [], pd.DataFrame(columns=["name", "typ", "ort", "lat", "lon"]),
    ...              pd.DataFrame(columns=["name", "lat", "lon"]), hervorheben="Kastellaun")
    >>> spec["projection"], spec["layer"][0]["encoding"]["opacity"]["condition"]["test"]
    ({'type': 'mercator'}, 'datum.properties.sozialraum == "Kastellaun"')
    """
    deckkraft: dict = {"value": 1.0}
    if hervorheben:
        deckkraft = {"condition": {"test": f"datum.properties.sozialraum == {json.dumps(hervorheben)}",
                                   "value": 1.0}, "value": 0.35}
    vorhanden = [t for t in TYPEN if t in set(punkte["typ"])] if len(punkte) else []
    skala = {"domain": vorhanden}
    legende = {"title": None, "orient": "bottom", "direction": "horizontal", "symbolSize": 150,
               "labelFontSize": 13}
    text = {"longitude": _feld("lon", typ="quantitative"), "latitude": _feld("lat", typ="quantitative"),
            "text": _feld("name")}
    schrift = {"type": "text", "fontSize": 13, "fontWeight": "bold", "color": "#1d2731", "dy": -16}
    return {
        "height": hoehe,
        "projection": {"type": "mercator"},
        "config": {"view": {"stroke": None}, **VEGA_LESBAR},
        "layer": [
            {"data": {"values": gemeinden},
             "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.8},
             "encoding": {"color": {**_feld("properties.fuellung"), "scale": None, "legend": None},
                          "opacity": deckkraft,
                          "tooltip": [_feld("properties.name", "Gemeinde"),
                                      _feld("properties.sozialraum", "Sozialraum")]}},
            {"data": {"values": rand},
             # decorative (the borders are described in the text under the map): hidden from screen readers
             "mark": {"type": "geoshape", "filled": False, "stroke": "#3d4852", "strokeWidth": 1.8,
                      "aria": False}},
            {"data": {"values": punkte.to_dict("records")},
             "mark": {"type": "point", "filled": True, "size": 80, "opacity": 0.95, "strokeWidth": 0},
             "encoding": {
                 "longitude": _feld("lon", typ="quantitative"), "latitude": _feld("lat", typ="quantitative"),
                 "shape": {**_feld("typ"), "scale": {**skala, "range": [FORMEN[TYPEN.index(t)] for t in vorhanden]},
                           "legend": legende},
                 "fill": {**_feld("typ"), "scale": {**skala, "range": [FARBEN[TYPEN.index(t)] for t in vorhanden]},
                          "legend": legende},
                 "tooltip": [_feld("name", "Name"), _feld("typ", "Art"), _feld("ort", "Ort")]}},
            {"data": {"values": beschriftung.to_dict("records")},
             "mark": {**schrift, "stroke": "#ffffff", "strokeWidth": 4, "strokeOpacity": 0.85, "aria": False},
             "encoding": text},  # the white halo under the Sozialraum names: decorative
            {"data": {"values": beschriftung.to_dict("records")}, "mark": schrift, "encoding": text},
        ],
    }
