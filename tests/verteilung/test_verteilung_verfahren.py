"""The method of the Sozialraumkonzept with hand-computed examples: index, largest remainder, ties, minimum,
zero indicators, the Kita step, and the checks of the inputs."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from network.errors import VerteilungsFehler
from network.model import Netzdaten
from network.verteilung import (
    bedarfsindex,
    betrag_in_cent,
    hare_niemeyer,
    in_schritten,
    verteile,
    verteile_auf_kitas,
)


def netz(werte: dict[str, dict[str, float]], stichtag: str = "2025-12-31", **extra) -> Netzdaten:
    """Netzdaten with one Sozialraum per key of any indicator and the given values (``werte[ind][sr]``)."""
    srs = sorted({s for x in werte.values() for s in x} | set(extra.pop("sozialraeume", [])))
    rows = [{"id": f"{i}-{s}", "sozialraum_id": s, "kita_id": None, "indikator": i, "wert": float(w),
             "stichtag": stichtag, "quelle": "Test", "fiktiv": False}
            for i, x in werte.items() for s, w in x.items()]
    return Netzdaten(sozialraeume=[{"id": s, "name": s.upper(), "beschreibung": None} for s in srs],
                     indikatoren=rows, **extra)


# Two indicators, three Sozialräume. By hand:
#   x (w=1): a 50, b 30, c 20   -> shares 0.5, 0.3, 0.2
#   y (w=3): a 10, b 10, c 20   -> shares 0.25, 0.25, 0.5
#   index a = (0.5 + 3·0.25)/4 = 0.3125, b = (0.3 + 0.75)/4 = 0.2625, c = (0.2 + 1.5)/4 = 0.425
BEISPIEL = {"x": {"a": 50, "b": 30, "c": 20}, "y": {"a": 10, "b": 10, "c": 20}}
GEWICHTE = {"x": 1, "y": 3}


def test_index_von_hand():
    i = bedarfsindex(BEISPIEL, GEWICHTE, ["a", "b", "c"])
    assert i.index == {"a": Fraction(5, 16), "b": Fraction(21, 80), "c": Fraction(17, 40)}
    assert sum(i.index.values()) == 1
    assert i.anteile["x"] == {"a": Fraction(1, 2), "b": Fraction(3, 10), "c": Fraction(1, 5)}
    assert i.verwendet == ["x", "y"] and i.hinweise == []


def test_budget_und_stellen_von_hand():
    v = verteile(netz(BEISPIEL), GEWICHTE, budget=100_000, stunden=7, schritt="0.25")
    assert [(z.id, z.budget, z.stunden) for z in v.zeilen] == [
        ("a", Decimal("31250"), Decimal("2.25")),  # 8.75 steps -> 8, +1 (remainder 0.75)
        ("b", Decimal("26250"), Decimal("1.75")),  # 7.35 steps -> 7 (remainder 0.35 gets nothing)
        ("c", Decimal("42500"), Decimal("3.00")),  # 11.9 steps -> 11, +1 (remainder 0.9)
    ]
    assert [z.stunden_quote for z in v.zeilen] == [Fraction(35, 4), Fraction(147, 20), Fraction(119, 10)]


def test_der_eine_cent_geht_an_den_groessten_rest():
    # 100 001 cents: a 31 250.3125, b 26 250.2625, c 42 500.425 -> c gets the cent left over
    v = verteile(netz(BEISPIEL), GEWICHTE, budget="1000.01", stunden=0)
    assert [z.budget_cent for z in v.zeilen] == [31250, 26250, 42501]
    assert sum(z.budget_cent for z in v.zeilen) == 100001


def test_gleiche_reste_hoeherer_index_zuerst():
    # index 1/4 and 3/4 of 2 units: quotas 0.5 and 1.5, equal remainders -> the higher index (b) gets the unit
    assert hare_niemeyer({"a": 1, "b": 3}, 2).teile == {"a": 0, "b": 2}
    # ... also when the higher index has the larger id
    assert hare_niemeyer({"b": 1, "a": 3}, 2).teile == {"b": 0, "a": 2}


def test_gleiche_reste_und_gleicher_index_kleinere_kennung_zuerst():
    assert hare_niemeyer({"sr-c": 1, "sr-b": 1, "sr-a": 1}, 100).teile == {"sr-c": 33, "sr-b": 33, "sr-a": 34}
    assert hare_niemeyer({"sr-c": 1, "sr-b": 1, "sr-a": 1}, 101).teile == {"sr-c": 33, "sr-b": 34, "sr-a": 34}


def test_gleichstand_ist_exakt_nicht_gleitkomma():
    # 0.1 + 0.2 != 0.3 in floating point; the index is exact, so b and c tie exactly and the id decides
    d = netz({"x": {"a": 0.1, "b": 0.2, "c": 0.2}, "y": {"a": 0.3, "b": 0.2, "c": 0.2}})
    v = verteile(d, {"x": 1, "y": 1}, budget="0.01", stunden=0)
    assert v.zeile("b").index == v.zeile("c").index
    # one cent: the remainders of b and c are equal and the largest (index ~0.343 against ~0.314 for a); the
    # index is equal too, so the smaller id (b) gets the cent
    assert [z.budget_cent for z in v.zeilen] == [0, 1, 0]


def test_mindestbetrag_von_hand():
    # quotas 5, 3, 2 with minimum 3: c is raised to 3; a and b share 7 -> 4.375 and 2.625 < 3: b is raised too;
    # a gets the remaining 4.
    z = hare_niemeyer({"a": 50, "b": 30, "c": 20}, 10, minimum=3)
    assert z.teile == {"a": 4, "b": 3, "c": 3} and z.mindest == {"b", "c"}
    assert hare_niemeyer({"a": 6, "b": 3, "c": 1}, 10, minimum=2).teile == {"a": 5, "b": 3, "c": 2}
    # a Sozialraum with index 0 gets the minimum
    assert hare_niemeyer({"a": 1, "b": 0}, 10, minimum=1).teile == {"a": 9, "b": 1}


def test_mindestbetrag_in_euro_und_vzae():
    v = verteile(netz(BEISPIEL), GEWICHTE, budget=100_000, stunden=7, minimum_budget=30_000,
                 minimum_stunden="2")
    # budget: b (26 250) is raised to 30 000, a and c share 70 000 by 0.3125 : 0.425 -> 29 661.02 < 30 000, so a
    # is raised too and c gets 40 000
    assert [z.budget for z in v.zeilen] == [Decimal("30000"), Decimal("30000"), Decimal("40000")]
    assert [z.budget_minimum for z in v.zeilen] == [True, True, False]
    # hours: 28 steps, minimum 8 steps: b (7.35) is raised to 8; a and c share 20 steps by 0.3125 : 0.425 ->
    # 8.47 and 11.53 -> 8 and 11, the step left over goes to c (remainder .53 > .47)
    assert [z.stunden for z in v.zeilen] == [Decimal("2.00"), Decimal("2.00"), Decimal("3.00")]
    assert [z.stunden_minimum for z in v.zeilen] == [False, True, False]
    with pytest.raises(VerteilungsFehler, match="Mindeststellen"):
        verteile(netz(BEISPIEL), GEWICHTE, budget=100_000, stunden=7, minimum_stunden="2.5")


def test_mindestbetraege_groesser_als_budget():
    with pytest.raises(VerteilungsFehler, match="Mindestbeträge"):
        verteile(netz(BEISPIEL), GEWICHTE, budget=1000, stunden=1, minimum_budget=400)
    with pytest.raises(VerteilungsFehler, match="Mindest"):
        hare_niemeyer({"a": 1, "b": 1}, 3, minimum=2)


def test_indikator_null_ueberall_zaehlt_nicht():
    werte = {**BEISPIEL, "z": {"a": 0, "b": 0, "c": 0}}
    mit = verteile(netz(werte), {**GEWICHTE, "z": 5}, budget=100_000, stunden=7)
    ohne = verteile(netz(BEISPIEL), GEWICHTE, budget=100_000, stunden=7)
    assert [z.budget_cent for z in mit.zeilen] == [z.budget_cent for z in ohne.zeilen]
    assert mit.verwendet == ["x", "y"]
    assert any("in allen Sozialräumen 0" in h for h in mit.hinweise)


def test_sozialraum_mit_null_bekommt_nichts_und_fehlender_wert_zaehlt_als_null():
    d = netz({"x": {"a": 3, "b": 1, "c": 0}}, sozialraeume=["d"])
    v = verteile(d, {"x": 1}, budget=400, stunden=1)
    assert [(z.id, z.budget) for z in v.zeilen] == [("a", 300), ("b", 100), ("c", 0), ("d", 0)]
    assert any("Für „D“ fehlt ein Wert" in h for h in v.hinweise)


def test_gewicht_null_und_ohne_werte():
    d = netz(BEISPIEL)
    v = verteile(d, {"x": 1, "y": 0, "kriterium_6": 2}, budget=100, stunden=0)
    assert v.verwendet == ["x"]
    assert [z.budget for z in v.zeilen] == [50, 30, 20]
    assert any("Kriterium 6" in h and "keine Werte" in h for h in v.hinweise)
    with pytest.raises(VerteilungsFehler, match="keinen Indikator"):
        verteile(d, {"x": 0, "y": 0}, budget=100, stunden=0)
    with pytest.raises(VerteilungsFehler, match="negativ"):
        verteile(d, {"x": -1, "y": 1}, budget=100, stunden=0)


def test_neuester_wert_bis_zum_stichtag_gilt():
    d = netz({"x": {"a": 1, "b": 1}}, stichtag="2023-12-31")
    d.indikatoren += [{"id": "neu", "sozialraum_id": "a", "kita_id": None, "indikator": "x", "wert": 3.0,
                       "stichtag": "2024-12-31", "quelle": None, "fiktiv": True}]
    assert [z.budget for z in verteile(d, {"x": 1}, 100, 0).zeilen] == [75, 25]
    alt = verteile(d, {"x": 1}, 100, 0, stichtag="2024-06-30")
    assert [z.budget for z in alt.zeilen] == [50, 50] and not alt.fiktiv


def test_eingaben_werden_geprueft():
    assert betrag_in_cent("1.670.000,00") == 167_000_000
    assert in_schritten("7", "0.25") == 28
    with pytest.raises(VerteilungsFehler, match="zwei Nachkommastellen"):
        betrag_in_cent("10.001")
    with pytest.raises(VerteilungsFehler, match="kein Vielfaches"):
        in_schritten("7.1", "0.25")
    with pytest.raises(VerteilungsFehler, match="keine Zahl"):
        betrag_in_cent("viel")
    with pytest.raises(VerteilungsFehler, match="negativ"):
        betrag_in_cent(-5)
    with pytest.raises(VerteilungsFehler, match="keine Sozialräume"):
        verteile(Netzdaten(), {"x": 1}, 100, 1)


def _kitas_netz() -> Netzdaten:
    d = netz({"x": {"a": 3, "b": 1}})
    d.gemeinden = [{"id": "g-a", "sozialraum_id": "a"}, {"id": "g-b", "sozialraum_id": "b"}]
    d.kitas = [{"id": "k1", "name": "K1", "gemeinde_id": "g-a", "plaetze": 60},
               {"id": "k2", "name": "K2", "gemeinde_id": "g-a", "plaetze": 40},
               {"id": "k3", "name": "K3", "gemeinde_id": "g-a", "plaetze": 50},
               {"id": "k4", "name": "K4", "gemeinde_id": "g-b", "plaetze": None}]
    d.indikatoren += [
        {"id": "m1", "sozialraum_id": "a", "kita_id": "k1", "indikator": "anteil_migration", "wert": 0.5,
         "stichtag": "2025-12-31", "quelle": None, "fiktiv": False},
        {"id": "m2", "sozialraum_id": "a", "kita_id": "k2", "indikator": "anteil_migration", "wert": 0.25,
         "stichtag": "2025-12-31", "quelle": None, "fiktiv": False}]
    return d


def test_aufteilung_auf_kitas_von_hand():
    d = _kitas_netz()
    v = verteile(d, {"x": 1}, budget=2000, stunden=2)  # a: 1 500 € and 1.5 VZÄ, b: 500 € and 0.5 VZÄ
    k = verteile_auf_kitas(d, v, "anteil_migration")
    # keys: k1 60·0.5 = 30, k2 40·0.25 = 10, k3 without value takes the mean 0.375: 50·0.375 = 18.75
    schluessel = {z.id: z.schluessel for z in k.zeilen}
    assert schluessel == {"k1": 30, "k2": 10, "k3": Fraction(75, 4), "k4": 0}
    # 1 500 € = 150 000 cents by 30 : 10 : 18.75 (58.75): 76 595.74.., 25 531.91.., 47 872.34.. -> remainders
    # .74, .91, .34 -> floors sum to 149 998, the two cents go to k2 (.91) and k1 (.74)
    assert {z.id: z.budget_cent for z in k.zeilen if z.sozialraum_id == "a"} == {"k1": 76596, "k2": 25532,
                                                                                 "k3": 47872}
    # 1.5 VZÄ = 30 steps of 0.05: 15.32, 5.11, 9.57 -> 15, 5, 9 and one step to k3 (.57)
    assert {z.id: z.stunden for z in k.zeilen if z.sozialraum_id == "a"} == {
        "k1": Decimal("0.75"), "k2": Decimal("0.25"), "k3": Decimal("0.50")}
    # k4 is the only Kita of b and has no places: the key is 0 everywhere, so b is split equally (all to k4)
    assert next(z for z in k.zeilen if z.id == "k4").budget_cent == 50000
    assert any("Mittel des Sozialraums" in h for h in k.hinweise)
    assert set(k.hinweise_je) == {"a", "b"} and any("Mittel" in h for h in k.hinweise_je["a"])
    assert any("gleichmäßig" in h for h in k.hinweise)
    assert sum(z.budget_cent for z in k.zeilen) == v.budget_cent


def test_aufteilung_nur_nach_plaetzen_und_schritt_muss_passen():
    d = _kitas_netz()
    v = verteile(d, {"x": 1}, budget=2000, stunden=2)
    k = verteile_auf_kitas(d, v)
    assert {z.id: z.budget_cent for z in k.zeilen if z.sozialraum_id == "a"} == {"k1": 60000, "k2": 40000,
                                                                                 "k3": 50000}
    with pytest.raises(VerteilungsFehler, match="ohne Rest"):
        verteile_auf_kitas(d, v, schritt="0.1")  # 0.25 is not a multiple of 0.1


def test_json_form():
    v = verteile(netz(BEISPIEL), GEWICHTE, budget="1000.01", stunden=7, szenario="Test")
    j = v.als_dict()
    assert list(j)[:6] == ["szenario", "budget", "stunden", "schritt", "gewichte", "sozialraeume"]
    assert j["szenario"] == "Test" and j["budget"] == 1000.01 and j["stunden"] == 7.0 and j["schritt"] == 0.25
    assert j["gewichte"] == {"x": 1.0, "y": 3.0}
    assert [list(s) for s in j["sozialraeume"]] == [["id", "name", "index", "anteil", "budget", "stunden"]] * 3
    assert [s["budget"] for s in j["sozialraeume"]] == [312.5, 262.5, 425.01]
    assert [s["index"] for s in j["sozialraeume"]] == [0.3125, 0.2625, 0.425]
    assert round(sum(s["budget"] * 100 for s in j["sozialraeume"])) == 100001
