"""Distances on the earth: the haversine formula and exact nearest-neighbour search.

Distances are great-circle distances on a sphere of radius :data:`~network.grund.geo.ERDRADIUS_KM` (haversine
formula, written once in :mod:`network.grund.geo`; here its vectorised form). The
nearest neighbour is exact: small inputs are compared pairwise with numpy, large ones through a k-d tree
over points on the unit sphere (``scipy.spatial.cKDTree``, when scipy is installed), where the straight-line
(chord) distance orders points exactly as the great-circle distance does. Ties go to the lowest index.

Examples
--------
>>> round(haversine_km(50.0, 7.0, 50.0, 8.0), 2)
71.47
>>> idx, km = naechste([50.0, 49.9], [7.5, 7.5], [50.0, 49.0, 50.0], [7.6, 7.5, 7.6])
>>> idx.tolist(), [round(x, 2) for x in km.tolist()]
([0, 0], [7.15, 13.22])
"""

from __future__ import annotations

import numpy as np

from ..grund.geo import ERDRADIUS_KM, haversine_km

__all__ = ["ERDRADIUS_KM", "haversine_km", "haversine_km_np", "naechste"]

#: Up to this many pairs the nearest neighbour is found by comparing all pairs.
_PAARWEISE_BIS = 4_000_000


def haversine_km_np(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Vectorised :func:`haversine_km` (numpy broadcasting rules apply).

    Examples
    --------
    >>> haversine_km_np([49.0, 50.0], [7.0, 7.0], 50.0, 7.0).round(3).tolist()
    [111.195, 0.0]
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.subtract(lon2, lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * ERDRADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def _einheitsvektoren(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    p, q = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(p) * np.cos(q), np.cos(p) * np.sin(q), np.sin(p)))


def _paarweise(qlat, qlon, zlat, zlon) -> tuple[np.ndarray, np.ndarray]:
    n = len(qlat)
    idx = np.empty(n, dtype=np.int64)
    km = np.empty(n, dtype=float)
    block = max(1, _PAARWEISE_BIS // max(1, len(zlat)))
    for start in range(0, n, block):
        stop = min(n, start + block)
        d = haversine_km_np(qlat[start:stop, None], qlon[start:stop, None], zlat[None, :], zlon[None, :])
        i = np.argmin(d, axis=1)  # first minimum = lowest index among ties
        idx[start:stop] = i
        km[start:stop] = d[np.arange(stop - start), i]
    return idx, km


def _kdbaum(qlat, qlon, zlat, zlon) -> tuple[np.ndarray, np.ndarray]:
    from scipy.spatial import cKDTree  # lazy: optional and heavy, only for large nearest-neighbour searches

    z = _einheitsvektoren(zlat, zlon)
    q = _einheitsvektoren(qlat, qlon)
    baum = cKDTree(z)
    k = 2 if len(zlat) > 1 else 1
    dist, idx = baum.query(q, k=k)
    if k == 1:
        dist, idx = dist[:, None], idx[:, None]
    nah = idx[:, 0].astype(np.int64)
    grenze = dist[:, 0] * (1 + 1e-9) + 1e-12
    # Possible ties (a second point as near as the first, up to rounding): decide them exactly.
    fraglich = np.nonzero(dist[:, -1] <= grenze)[0] if k == 2 else np.array([], dtype=np.int64)
    for j in fraglich.tolist():
        kandidaten = np.array(sorted(baum.query_ball_point(q[j], r=grenze[j])), dtype=np.int64)
        d = haversine_km_np(qlat[j], qlon[j], zlat[kandidaten], zlon[kandidaten])
        nah[j] = kandidaten[int(np.argmin(d))]
    km = haversine_km_np(qlat, qlon, zlat[nah], zlon[nah])
    return nah, km


def naechste(quelle_lat, quelle_lon, ziel_lat, ziel_lon, *, verfahren: str = "auto") -> tuple[np.ndarray, np.ndarray]:
    """For each source point, the index of the nearest target point and its distance in km.

    Parameters
    ----------
    quelle_lat, quelle_lon : array-like of float
        Source points in degrees.
    ziel_lat, ziel_lon : array-like of float
        Target points in degrees; must not be empty.
    verfahren : {"auto", "paarweise", "kdbaum"}
        ``"paarweise"`` compares all pairs, ``"kdbaum"`` uses scipy's k-d tree; ``"auto"`` takes the
        pairwise comparison for small inputs (or without scipy) and the tree otherwise. All give the same
        answer; among equally near targets the one with the lowest index wins.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        Indices into the targets and distances in km.

    Examples
    --------
    >>> idx, km = naechste([50.0], [7.0], [50.0, 50.0], [7.1, 6.9])   # both 7.15 km away: lowest index
    >>> idx.tolist()
    [0]
    """
    qlat = np.asarray(quelle_lat, dtype=float)
    qlon = np.asarray(quelle_lon, dtype=float)
    zlat = np.asarray(ziel_lat, dtype=float)
    zlon = np.asarray(ziel_lon, dtype=float)
    if len(zlat) == 0:
        raise ValueError("naechste() braucht mindestens einen Zielpunkt.")
    if len(qlat) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=float)
    if verfahren == "auto":
        verfahren = "paarweise"
        if len(qlat) * len(zlat) > _PAARWEISE_BIS:
            try:
                import scipy.spatial  # noqa: F401  (lazy: optional, only asked whether it is there)

                verfahren = "kdbaum"
            except ImportError:  # pragma: no cover - scipy is optional
                pass
    if verfahren == "kdbaum":
        return _kdbaum(qlat, qlon, zlat, zlon)
    if verfahren == "paarweise":
        return _paarweise(qlat, qlon, zlat, zlon)
    raise ValueError(f"Unbekanntes Verfahren: {verfahren}")
