"""Small hand-built Netzdaten for the analytics tests.

The fixture ``bau`` builds Netzdaten from short descriptions; ``kleines_netz`` is the scenario most tests use.
Drawn, the network ``kleines_netz`` has on the Stichtag 2024-06-30::

    Sozialraum sr-a "Nord" (Gemeinde g-a)            Sozialraum sr-b "Süd" (Gemeinde g-b)

    k1 ─2─ a1(Beratung) ─1─ k2 ─3─ a2(Freizeit) ─1─ a4(Beratung, "alle") ─1─ k5 ─2─ a3(Unterstützung)
                                    │
                                    1
                                    │
                                    k3          k4 (no Kooperation, no coordinates)

    a7 (Freizeit, kultur; located in g-a at lon 7.1, serves sr-a and sr-b) has no Kooperation.
    a5 (Beratung) expired 2023-12-31; k3─a1 ended 2023-01-01; k1─a5 falls away with a5.

Coordinates (lat 50.0 for all): k1 7.00, k2 7.01, k3 7.02, a1 7.00, a2 7.05, a7 7.10, k5 / a3 / a4 7.50.
Themen: sucht (a1, a4), kultur (a2, a7), bewegung (a2, a3), gewaltschutz (nobody).
"""

from __future__ import annotations

import copy

import pytest

from network.model import Netzdaten

STICHTAG = "2024-06-30"


def baue(*, sozialraeume=(), gemeinden=None, themen=(), kitas=(), angebote=(), kooperationen=()) -> Netzdaten:
    """Netzdaten from short rows.

    sozialraeume: ids or (id, name). gemeinden: (id, sozialraum_id, lat, lon); default one Gemeinde
    ``g-<x>`` per Sozialraum ``sr-<x>`` at lat 50, lon 7. kitas: dicts with ``id`` and ``gemeinde`` (plus
    lat, lon, name). angebote: dicts with ``id``, ``art`` and optional ``themen``, ``gemeinde``, ``versorgt``,
    ``lat``, ``lon``, ``aufsuchend``, ``ab``, ``bis``. kooperationen: (von, zu) or (von, zu, intensitaet) or
    dicts with ``von``, ``zu``, ``seit``, ``bis``, ``intensitaet``.
    """
    d = Netzdaten()
    for s in sozialraeume:
        sid, name = (s, s.upper()) if isinstance(s, str) else s
        d.sozialraeume.append({"id": sid, "name": name, "beschreibung": None})
    if gemeinden is None:
        gemeinden = [(f"g-{s['id'].removeprefix('sr-')}", s["id"], 50.0, 7.0) for s in d.sozialraeume]
    for gid, sid, lat, lon in gemeinden:
        d.gemeinden.append({"id": gid, "name": gid, "verbandsgemeinde": None, "sozialraum_id": sid,
                            "lat": lat, "lon": lon, "einwohner": 1000})
    for t in themen:
        d.themen.append({"id": t, "name": t.capitalize(), "beschreibung": None})
    for k in kitas:
        d.kitas.append({"id": k["id"], "name": k.get("name", f"Kita {k['id']}"), "gemeinde_id": k.get("gemeinde"),
                        "lat": k.get("lat"), "lon": k.get("lon"), "plaetze": 50})
    for a in angebote:
        d.angebote.append({
            "id": a["id"], "name": a.get("name", f"Angebot {a['id']}"), "art": a["art"],
            "themen": list(a.get("themen", [])), "gemeinde_id": a.get("gemeinde"), "lat": a.get("lat"),
            "lon": a.get("lon"), "aufsuchend": a.get("aufsuchend", False), "versorgt": list(a.get("versorgt", [])),
            "gueltig_ab": a.get("ab"), "gueltig_bis": a.get("bis"),
        })
    for i, c in enumerate(kooperationen, start=1):
        if not isinstance(c, dict):
            c = {"von": c[0], "zu": c[1], "intensitaet": c[2] if len(c) > 2 else 1}
        d.kooperationen.append({
            "id": c.get("id", f"c{i}"), "von_id": c["von"], "zu_id": c["zu"], "art": c.get("art", "regelmäßig"),
            "seit": c.get("seit", "2020-01-01"), "bis": c.get("bis"), "intensitaet": c.get("intensitaet", 1),
            "notiz": None,
        })
    return d


def _kleines_netz() -> Netzdaten:
    return baue(
        sozialraeume=[("sr-a", "Nord"), ("sr-b", "Süd"), ("sr-c", "Leer")],
        gemeinden=[("g-a", "sr-a", 50.0, 7.0), ("g-b", "sr-b", 50.0, 7.5)],
        themen=["sucht", "kultur", "bewegung", "gewaltschutz"],
        kitas=[
            {"id": "k1", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0},
            {"id": "k2", "gemeinde": "g-a", "lat": 50.0, "lon": 7.01},
            {"id": "k3", "gemeinde": "g-a", "lat": 50.0, "lon": 7.02},
            {"id": "k4", "gemeinde": "g-a"},
            {"id": "k5", "gemeinde": "g-b", "lat": 50.0, "lon": 7.5},
        ],
        angebote=[
            {"id": "a1", "art": "Beratung", "themen": ["sucht"], "gemeinde": "g-a", "versorgt": ["sr-a"],
             "lat": 50.0, "lon": 7.0, "ab": "2019-01-01"},
            {"id": "a2", "art": "Freizeit", "themen": ["kultur", "bewegung"], "gemeinde": "g-a",
             "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.05},
            {"id": "a3", "art": "Unterstützung", "themen": ["bewegung"], "gemeinde": "g-b", "versorgt": ["sr-b"],
             "lat": 50.0, "lon": 7.5},
            {"id": "a4", "art": "Beratung", "themen": ["sucht"], "gemeinde": "g-b", "versorgt": ["alle"],
             "lat": 50.0, "lon": 7.5},
            {"id": "a5", "art": "Beratung", "themen": ["kultur"], "gemeinde": "g-a", "versorgt": ["sr-a"],
             "lat": 50.0, "lon": 7.0, "bis": "2023-12-31"},
            {"id": "a7", "art": "Freizeit", "themen": ["kultur"], "gemeinde": "g-a", "versorgt": ["sr-a", "sr-b"],
             "lat": 50.0, "lon": 7.1},
        ],
        kooperationen=[
            ("k1", "a1", 2), ("k2", "a1", 1), ("k2", "a2", 3), ("a2", "a4", 1), ("k3", "a2", 1), ("k5", "a3", 2),
            {"von": "k3", "zu": "a1", "seit": "2020-01-01", "bis": "2023-01-01"},
            {"von": "k1", "zu": "a5", "seit": "2021-01-01"},
            ("k5", "a4", 1),
        ],
    )


@pytest.fixture
def bau():
    """The builder :func:`baue`."""
    return baue


@pytest.fixture
def kleines_netz() -> Netzdaten:
    """A fresh copy of the drawn scenario (see the module docstring)."""
    return copy.deepcopy(_KLEIN)


_KLEIN = _kleines_netz()
