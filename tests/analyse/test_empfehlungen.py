"""Recommendations: serving, not yet linked, nearest first, then most central."""

from __future__ import annotations

import pytest

from network.analyse import analyse, empfehlungen

TAG = "2024-06-30"


def _sr(bericht, sid):
    return next(s for s in bericht["sozialraeume"] if s["id"] == sid)


def test_empfehlungen_klein(kleines_netz):
    b = analyse(kleines_netz, TAG)
    # k3 lacks a Beratung: a1 (1.4 km) beats a4 (34 km). k4 has no Kooperation and no coordinates:
    # Beratungen a1 and a4 serve Nord, distance unknown for both; a1 already works with 2 Kitas and was just
    # proposed to k3 (load 3), a4 with none (load 0): the recommendations spread, a4 for k4.
    assert [(e["kita_id"], e["angebot_id"]) for e in _sr(b, "sr-a")["empfehlungen"]] == [("k3", "a1"), ("k4", "a4")]
    # k5 misses kultur within 15 km: a7 serves Süd and offers kultur (a2 serves only Nord)
    assert [(e["kita_id"], e["angebot_id"]) for e in _sr(b, "sr-b")["empfehlungen"]] == [("k5", "a7")]


def test_empfehlung_gruende(kleines_netz):
    b = analyse(kleines_netz, TAG)
    k3, k4 = _sr(b, "sr-a")["empfehlungen"]
    assert k3["grund"] == ("„Kita k3“ kooperiert mit keinem Beratungsangebot. Vorschlag: „Angebot a1“ (Beratung) – "
                           "versorgt Nord, 1,4 km entfernt, 2 Kooperationen im Sozialraum; Kapazität: arbeitet "
                           "bisher mit 2 Kitas.")
    assert "keine aktive Kooperation und keine Beratung" in k4["grund"]
    assert "Entfernung unbekannt (Koordinaten fehlen)" in k4["grund"]
    (k5,) = _sr(b, "sr-b")["empfehlungen"]
    assert "zum Thema „Kultur“ mehr als 15 km entfernt" in k5["grund"] and "28,6 km entfernt" in k5["grund"]


def test_nur_angebote_die_den_sozialraum_versorgen(bau):
    d = bau(sozialraeume=["sr-a", "sr-b"], kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "nah", "art": "Beratung", "gemeinde": "g-a", "versorgt": ["sr-b"], "lat": 50.0, "lon": 7.0},
                      {"id": "fern", "art": "Beratung", "gemeinde": "g-b", "versorgt": ["sr-a"], "lat": 50.0,
                       "lon": 7.3}])
    (e,) = analyse(d, TAG, sozialraum="sr-a")["sozialraeume"][0]["empfehlungen"]
    assert e["angebot_id"] == "fern"


def test_aufsuchend_ist_am_naechsten(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "a", "art": "Beratung", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.001},
                      {"id": "b", "art": "Beratung", "versorgt": ["sr-a"], "aufsuchend": True}])
    (e,) = analyse(d, TAG)["sozialraeume"][0]["empfehlungen"]
    assert e["angebot_id"] == "b" and "aufsuchendes Angebot" in e["grund"]


def test_gleich_weit_dann_weniger_ausgelastet(bau):
    # a and b at the same spot; b already works with two Kitas, a with none: a has the capacity
    d = bau(sozialraeume=["sr-a"],
            kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0},
                   {"id": "x", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0},
                   {"id": "y", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "a", "art": "Beratung", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.1},
                      {"id": "b", "art": "Beratung", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.1}],
            kooperationen=[("x", "b"), ("y", "b")])
    empf = analyse(d, TAG)["sozialraeume"][0]["empfehlungen"]
    assert [(e["kita_id"], e["angebot_id"]) for e in empf] == [("k", "a")]
    assert "Kapazität: arbeitet bisher mit keiner Kita" in empf[0]["grund"]


def test_empfehlungen_verteilen_sich_auf_passende_partner(bau):
    """Issue 15.6: four Kitas without Beratung, two Beratungen within the same 5-km step – not all four go to the
    nearest one; each reason names the partner's load."""
    kitas = [{"id": f"k{i}", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0 + i * 0.001} for i in range(4)]
    d = bau(sozialraeume=["sr-a"], kitas=kitas,
            angebote=[{"id": "nah", "art": "Beratung", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.01},
                      {"id": "etwas-weiter", "art": "Beratung", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.04},
                      {"id": "weit", "art": "Beratung", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.5}])
    empf = analyse(d, TAG)["sozialraeume"][0]["empfehlungen"]
    partner = [e["angebot_id"] for e in empf]
    assert sorted(partner) == ["etwas-weiter", "etwas-weiter", "nah", "nah"]  # spread, the far one not used
    assert any("hier schon für 1 weitere Kita vorgeschlagen" in e["grund"] for e in empf)


def test_schon_verbundene_angebote_werden_nicht_empfohlen(bau):
    d = bau(sozialraeume=["sr-a"], themen=["sucht"],
            kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "a", "art": "Beratung", "themen": ["sucht"], "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.5},
                      {"id": "b", "art": "Beratung", "themen": ["sucht"], "versorgt": ["sr-a"], "lat": 50.0,
                       "lon": 7.6}],
            kooperationen=[("k", "a")])
    s = analyse(d, TAG)["sozialraeume"][0]
    assert [(e["kita_id"], e["thema"], e["angebot_id"]) for e in s["luecken"]["entfernung"]] == [("k", "sucht", "a")]
    assert [(e["kita_id"], e["angebot_id"]) for e in s["empfehlungen"]] == [("k", "b")]


def test_keine_passende_beratung_dann_irgendein_angebot(bau):
    d = bau(sozialraeume=["sr-a"], kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "f", "art": "Freizeit", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.1}])
    (e,) = analyse(d, TAG)["sozialraeume"][0]["empfehlungen"]
    assert e["angebot_id"] == "f" and e["grund"].startswith("„Kita k“ hat keine aktive Kooperation.")


def test_zusammengefasst_je_kita_und_angebot(bau):
    d = bau(sozialraeume=["sr-a"], themen=["sucht", "kultur"],
            kitas=[{"id": "k", "gemeinde": "g-a", "lat": 50.0, "lon": 7.0}],
            angebote=[{"id": "a", "art": "Beratung", "themen": ["sucht", "kultur"], "versorgt": ["sr-a"],
                       "lat": 50.0, "lon": 7.5}])
    (e,) = analyse(d, TAG)["sozialraeume"][0]["empfehlungen"]
    assert e["angebot_id"] == "a"
    assert "zu den Themen „Kultur“ und „Sucht“" in e["grund"]
    df = empfehlungen(d, TAG)
    assert df.loc[0, "luecken"] == ["kitas_ohne_kooperation", "kitas_ohne_beratung", "entfernung"]
    assert df.loc[0, "themen"] == ["kultur", "sucht"]
    assert df.loc[0, "km"] == pytest.approx(35.7, abs=0.1)
