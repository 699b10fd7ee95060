"""Where a Kita or an Angebot is on the map – exactly, or approximately at its Gemeinde's centre.

A new entry often has an address but no coordinates. It must not vanish from distances and maps: without its
own ``lat``/``lon`` it is placed at the centre of its Gemeinde (137 real Gemeinden with centres ship with the
project) and marked as :data:`ORTSMITTE`. Only an entry without coordinates *and* without Gemeinde (for example a
service for the whole district) has no place.

Examples
--------
>>> g = {"g1": {"id": "g1", "name": "Altdorf", "lat": 50.0, "lon": 7.5}}
>>> lage({"lat": 49.9, "lon": 7.4, "gemeinde_id": "g1"}, g)
Lage(lat=49.9, lon=7.4, ungefaehr=False)
>>> lage({"lat": None, "lon": None, "gemeinde_id": "g1"}, g)
Lage(lat=50.0, lon=7.5, ungefaehr=True)
>>> lage({"gemeinde_id": None}, g) is None
True
>>> gleiche_adresse({"strasse": "Hauptstr. 5", "plz": "56154"}, {"strasse": "Hauptstraße 5", "plz": "56154"})
True
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from ..grund.werte import zahl_oder_nichts as _zahl

__all__ = ["Lage", "lage", "ORTSMITTE", "gleiche_adresse", "adresse_schluessel"]

#: How an approximate place is labelled wherever it is shown (cards, map, Druckliste, Vermittlung).
ORTSMITTE = "ungefähre Lage (Ortsmitte)"


class Lage(NamedTuple):
    lat: float
    lon: float
    ungefaehr: bool


def lage(eintrag: dict, gemeinden: dict[str, dict]) -> Lage | None:
    """The point of ``eintrag``: its own coordinates, else its Gemeinde's centre (``ungefaehr``), else ``None``."""
    lat, lon = _zahl(eintrag.get("lat")), _zahl(eintrag.get("lon"))
    if lat is not None and lon is not None:
        return Lage(lat, lon, False)
    g = gemeinden.get(eintrag.get("gemeinde_id")) or {}
    lat, lon = _zahl(g.get("lat")), _zahl(g.get("lon"))
    if lat is not None and lon is not None:
        return Lage(lat, lon, True)
    return None


def adresse_schluessel(eintrag: dict) -> tuple[str, str] | None:
    """(street with number, PLZ or Ort) normalised: „Hauptstr. 5“ = „Hauptstraße 5“; ``None`` without street."""
    s = unicodedata.normalize("NFKC", str(eintrag.get("strasse") or "")).casefold().replace("ß", "ss")
    s = re.sub(r"str\.?(?=\s|\d|$)", "strasse", s)
    s = re.sub(r"[^a-z0-9äöü]+", "", s)
    wo = str(eintrag.get("plz") or "").strip() or str(eintrag.get("ort") or "").strip().casefold()
    return (s, wo) if s and wo else None


def gleiche_adresse(a: dict, b: dict) -> bool:
    """Whether two entries have the same street, number and PLZ (or Ort)."""
    x = adresse_schluessel(a)
    return x is not None and x == adresse_schluessel(b)
