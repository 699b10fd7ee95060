"""Reading a distribution: comparison of two scenarios, need against supply, Soll against Ist; and the seed's
indicators (real population, fictional rest, all in the catalogue)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from network.austausch import read_path, validate
from network.cli import SEED_DIR
from network.model import Netzdaten
from network.verteilung import KATALOG, STANDARD, bedarf_und_angebot, ist_stunden, soll_ist, vergleiche, verteile


@pytest.fixture(scope="module")
def seed() -> Netzdaten:
    return validate(read_path(SEED_DIR))


def _netz() -> Netzdaten:
    """Two Sozialräume; Fachkraft f1 (1.0 VZÄ) has three Kitas in A and one in B, f2 (0.5) none."""
    return Netzdaten(
        sozialraeume=[{"id": "sr-a", "name": "A"}, {"id": "sr-b", "name": "B"}],
        gemeinden=[{"id": "g1", "sozialraum_id": "sr-a"}, {"id": "g2", "sozialraum_id": "sr-b"}],
        fachkraefte=[{"id": "f1", "name": "F1", "stellenanteil": 1.0}, {"id": "f2", "name": "F2",
                                                                         "stellenanteil": 0.5}],
        kitas=[{"id": "k1", "gemeinde_id": "g1", "plaetze": 50, "fachkraft_id": "f1"},
               {"id": "k2", "gemeinde_id": "g1", "plaetze": 50, "fachkraft_id": "f1"},
               {"id": "k3", "gemeinde_id": "g1", "plaetze": 50, "fachkraft_id": "f1"},
               {"id": "k4", "gemeinde_id": "g2", "plaetze": 40, "fachkraft_id": "f1"},
               {"id": "k5", "gemeinde_id": "g2", "plaetze": 60, "fachkraft_id": None}],
        indikatoren=[{"id": f"{i}-{s}", "sozialraum_id": s, "kita_id": None, "indikator": i, "wert": w,
                      "stichtag": "2025-12-31", "quelle": None, "fiktiv": False}
                     for i, s, w in (("x", "sr-a", 1.0), ("x", "sr-b", 3.0), ("y", "sr-a", 1.0), ("y", "sr-b", 1.0),
                                     ("kinder_u6", "sr-a", 400.0), ("kinder_u6", "sr-b", 500.0))])


def test_ist_stunden_nach_zahl_der_kitas():
    ist, ohne = ist_stunden(_netz())
    assert ist == {"sr-a": Fraction(3, 4), "sr-b": Fraction(1, 4)}
    assert ohne == Fraction(1, 2)


def test_soll_ist_von_hand():
    d = _netz()
    v = verteile(d, {"x": 1}, budget=1000, stunden=2)  # index A 1/4, B 3/4 -> Soll 0.5 and 1.5 VZÄ
    zeilen, hinweise = soll_ist(d, v)
    a, b = zeilen
    assert (a["soll"], a["ist"], a["differenz"]) == (0.5, 0.75, -0.25)  # A has 0.25 VZÄ too many
    assert (b["soll"], b["ist"], b["differenz"]) == (1.5, 0.25, 1.25)   # B lacks 1.25 VZÄ
    assert (a["kitas"], a["plaetze"], b["kitas"], b["plaetze"], b["kitas_ohne_fachkraft"]) == (3, 150, 2, 100, 1)
    assert a["kitas_je_vzae_ist"] == 4.0 and a["plaetze_je_vzae_ist"] == 200.0
    assert b["kitas_je_vzae_soll"] == pytest.approx(4 / 3) and b["plaetze_je_vzae_ist"] == 400.0
    assert hinweise and "0,50 VZÄ" in hinweise[0]


def test_vergleich_wer_gewinnt_wer_verliert():
    d = _netz()
    a = verteile(d, {"x": 1}, budget=1000, stunden=2, szenario="nur x")         # A 250, B 750
    b = verteile(d, {"x": 1, "y": 1}, budget=1000, stunden=2, szenario="x und y")  # A (1/4+1/2)/2 = 3/8: 375
    rows = vergleiche(a, b)
    assert [(r["id"], r["budget_differenz"], r["stunden_differenz"], r["ergebnis"]) for r in rows] == [
        ("sr-a", 125.0, 0.25, "gewinnt"), ("sr-b", -125.0, -0.25, "verliert")]
    assert sum(r["budget_differenz"] for r in rows) == 0
    assert vergleiche(a, a)[0]["ergebnis"] == "gleich"


def test_bedarf_und_angebot_markiert_unterversorgte():
    d = _netz()
    v = verteile(d, {"x": 1}, budget=1000, stunden=2)
    bericht = {"sozialraeume": [
        {"id": "sr-a", "kitas": 3, "angebote": 8, "angebote_vor_ort": 5, "luecken": {"themen_ohne_angebot": []}},
        {"id": "sr-b", "kitas": 2, "angebote": 4, "angebote_vor_ort": 1,
         "luecken": {"themen_ohne_angebot": ["sucht", "kultur"], "kitas_ohne_kooperation": ["k5"]}}]}
    rows = bedarf_und_angebot(d, v, bericht=bericht)
    assert [r["id"] for r in rows] == ["sr-b", "sr-a"]  # highest need first
    b, a = rows
    assert b["angebote_je_1000_kinder"] == 8.0 and a["angebote_je_1000_kinder"] == 20.0
    assert (b["luecken"], a["luecken"]) == (3, 0)
    assert b["auffaellig"] and not a["auffaellig"]  # need above 1/2, supply below the median


def test_bedarf_und_angebot_mit_der_analyse(seed):
    v = verteile(seed, STANDARD.gewichte, budget=1_670_000, stunden=7)
    rows = bedarf_und_angebot(seed, v, "2026-11-01")
    assert len(rows) == 5
    assert sum(r["kitas"] for r in rows) == len(seed.kitas)
    assert all(r["angebote"] > 0 and r["kinder_u6"] > 0 for r in rows)
    assert sum(r["luecken"] for r in rows) > 0  # the seed has built-in gaps


def test_seed_indikatoren(seed):
    katalog = {i.id: i for i in KATALOG}
    assert {r["indikator"] for r in seed.indikatoren} <= set(katalog)
    sr = [r for r in seed.indikatoren if r["kita_id"] is None]
    kita = [r for r in seed.indikatoren if r["kita_id"] is not None]
    assert len(sr) == 5 * 10 and len(kita) == 2 * len(seed.kitas)
    # real: population per Sozialraum = sum of its Gemeinden (Destatis)
    einwohner = {r["sozialraum_id"]: r["wert"] for r in sr if r["indikator"] == "einwohner"}
    for s, w in einwohner.items():
        assert w == sum(g["einwohner"] for g in seed.gemeinden if g["sozialraum_id"] == s)
    assert sum(einwohner.values()) == 106_705
    assert all(not r["fiktiv"] and "Destatis" in r["quelle"] for r in sr if r["indikator"] == "einwohner")
    # everything else is marked fictional
    assert all(r["fiktiv"] and r["quelle"].startswith("Demodaten (fiktiv)") for r in seed.indikatoren
               if r["indikator"] != "einwohner")
    # Kita places = sum of the Kitas' places
    gemeinde = {g["id"]: g["sozialraum_id"] for g in seed.gemeinden}
    for r in sr:
        if r["indikator"] == "kita_plaetze":
            eigene = [k for k in seed.kitas if gemeinde[k["gemeinde_id"]] == r["sozialraum_id"]]
            assert r["wert"] == sum(k["plaetze"] for k in eigene)
    # a Kita value names the Sozialraum of its Kita, and is a share
    kita_sr = {k["id"]: gemeinde[k["gemeinde_id"]] for k in seed.kitas}
    assert all(r["sozialraum_id"] == kita_sr[r["kita_id"]] and 0 <= r["wert"] <= 1 for r in kita)
    # every criterion of the district with weight 1 has values in every Sozialraum
    for i in (k for k, w in STANDARD.gewichte.items() if w):
        assert {r["sozialraum_id"] for r in sr if r["indikator"] == i} == set(einwohner), i


def test_seed_verteilung_von_hand(seed):
    """Boppard by hand from seed/indikatoren.csv (see docs/sozialraumkonzept.md, worked example)."""
    v = verteile(seed, STANDARD.gewichte, budget=1_670_000, stunden=7)
    werte = {i: {s: w for s, w in x.items()} for i, x in v.werte.items()}
    kriterien = ["hze_ambulant_u6", "familiengericht", "auslaendische_kinder", "kinder_sgb2", "kita_migration"]
    assert v.verwendet == kriterien
    haende = sum(Fraction(werte[i]["sr-boppard"]) / sum(map(Fraction, werte[i].values())) for i in kriterien) / 5
    assert v.zeile("sr-boppard").index == haende
    assert sum(z.budget_cent for z in v.zeilen) == 167_000_000
    assert sum(z.stunden_schritte for z in v.zeilen) == 28
    assert v.fiktiv
