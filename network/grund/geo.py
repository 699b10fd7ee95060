"""Distance on the earth, with one earth radius for every package.

The Wegweiser, the matching and the gap analysis all measure the great-circle distance (haversine formula) on a
sphere of radius :data:`ERDRADIUS_KM`, so the same pair of places is the same number of km everywhere. The
vectorised form and the nearest-neighbour search of the analysis (:mod:`network.analyse.geo`) use this constant.

Examples
--------
>>> round(haversine_km(50.0, 7.0, 50.0, 8.0), 2)
71.47
>>> haversine_km(49.98, 7.52, 49.98, 7.52)
0.0
>>> round(haversine_km(49.0, 7.0, 50.0, 7.0), 3)
111.195
"""

from __future__ import annotations

import math

__all__ = ["ERDRADIUS_KM", "haversine_km"]

#: Mean earth radius in km used by every distance (the conventional rounded value; 2π·6371/360 = 111.195 km
#: per degree of latitude).
ERDRADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (WGS84)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * ERDRADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
