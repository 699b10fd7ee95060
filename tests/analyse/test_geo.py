"""Distances and the exact nearest-neighbour search."""

from __future__ import annotations

import numpy as np
import pytest

from network.analyse.geo import haversine_km, haversine_km_np, naechste


def test_ein_grad_breite():
    # 2 * pi * 6371 / 360
    assert haversine_km(49.0, 7.0, 50.0, 7.0) == pytest.approx(111.19492664, rel=1e-9)


def test_symmetrisch_und_null():
    assert haversine_km(50.0, 7.0, 50.0, 7.0) == 0.0
    assert haversine_km(50.0, 7.0, 49.5, 8.0) == pytest.approx(haversine_km(49.5, 8.0, 50.0, 7.0))


def test_vektorisiert_wie_skalar():
    lat = np.array([49.0, 50.5])
    assert haversine_km_np(lat, 7.0, 50.0, 7.2) == pytest.approx([haversine_km(x, 7.0, 50.0, 7.2) for x in lat])


def test_paarweise_gleich_kdbaum():
    rng = np.random.default_rng(4)
    qlat, qlon = rng.uniform(47, 55, 300), rng.uniform(6, 15, 300)
    # targets on a coarse grid, with duplicates, so that ties occur
    zlat = np.repeat(np.round(rng.uniform(47, 55, 40), 1), 2)
    zlon = np.repeat(np.round(rng.uniform(6, 15, 40), 1), 2)
    i1, d1 = naechste(qlat, qlon, zlat, zlon, verfahren="paarweise")
    i2, d2 = naechste(qlat, qlon, zlat, zlon, verfahren="kdbaum")
    assert i1.tolist() == i2.tolist()
    assert d1 == pytest.approx(d2, rel=1e-12)
    assert all(i % 2 == 0 for i in i1.tolist())  # of two equal targets the lower index wins


def test_leere_eingaben():
    idx, km = naechste([], [], [50.0], [7.0])
    assert len(idx) == 0 and len(km) == 0
    with pytest.raises(ValueError):
        naechste([50.0], [7.0], [], [])
