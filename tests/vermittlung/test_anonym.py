"""Suppression of small counts (§ 64 Abs. 3 SGB VIII): hand-computed tables and a property test.

The property: an attacker who sees the table (visible cells, visible totals) and knows that every line adds up
(cells of a row to the row total, of a column to the column total, the totals to the grand total) learns no
hidden value by subtraction – not even by repeating subtraction with values learnt that way.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vm_netze import netz

from network.vermittlung import kreuztabelle, schuetzen
from network.vermittlung.anonym import GESPERRT, KLEIN, linien


def test_nichts_klein_nichts_verdeckt():
    g = schuetzen([[3, 4], [5, 6]])
    assert g.anzeige() == [["3", "4", "7"], ["5", "6", "11"], ["8", "10", "18"]]
    assert g.verdeckt == set()


def test_null_ist_nicht_klein():
    assert schuetzen([[0, 3], [4, 5]]).verdeckt == set()


def test_eine_zeile():
    # 2 is hidden in the row and in the column-total row; the next smallest (5) must go in both
    assert schuetzen([[2, 5, 9]]).anzeige() == [[KLEIN, GESPERRT, "9", "16"], [KLEIN, GESPERRT, "9", "16"]]


def test_sekundaer_positiv_vor_null_und_zelle_vor_summe():
    # row 0: 1 is small -> the smallest positive visible cell of the row (4, not the 0, not the total 5);
    # column 0: 1 hidden -> 3; column 2: 4 hidden -> 5. Then every line has 0 or 2 hidden.
    g = schuetzen([[1, 0, 4], [3, 0, 5]])
    assert g.anzeige() == [[KLEIN, "0", GESPERRT, "5"], [GESPERRT, "0", GESPERRT, "8"], ["4", "0", "9", "13"]]
    assert g.primaer == {(0, 0)} and g.sekundaer == {(0, 2), (1, 0), (1, 2)}


def test_kleine_summen_sind_auch_verdeckt():
    g = schuetzen([[0, 1], [0, 0]])
    assert g.anzeige() == [["0", KLEIN, KLEIN], ["0", "0", "0"], ["0", KLEIN, KLEIN]]


def test_beispiel_drei_spalten():
    g = schuetzen([[5, 1, 4], [6, 7, 8]])
    assert g.anzeige() == [["5", KLEIN, GESPERRT, "10"], ["6", GESPERRT, GESPERRT, "21"], ["11", "8", "12", "31"]]
    assert g.sichtbar()[0] == [5, None, None, 10]


def test_einzelne_kleine_zahl():
    assert schuetzen([[1]]).anzeige() == [[KLEIN, KLEIN], [KLEIN, KLEIN]]


@pytest.mark.parametrize("werte", [[], [[]], [[1, 2], [3]], [[-1]], [[1.5]], [[True]]])
def test_ungueltige_tabellen(werte):
    with pytest.raises(ValueError):
        schuetzen(werte)


# -- the property -------------------------------------------------------------------------------------
def angreifer(g) -> set[tuple[int, int]]:
    """Positions a subtraction attacker learns: repeat 'a line with exactly one unknown gives it away'."""
    bekannt = {(i, j) for i in range(g.n + 1) for j in range(g.m + 1) if not g.ist_verdeckt(i, j)}
    gelernt: set[tuple[int, int]] = set()
    weiter = True
    while weiter:
        weiter = False
        for linie in linien(g.n, g.m):
            unbekannt = [p for p in linie if p not in bekannt]
            if len(unbekannt) == 1:
                bekannt.add(unbekannt[0])
                gelernt.add(unbekannt[0])
                weiter = True
    return gelernt


klein_oder_gross = st.one_of(st.integers(0, 3), st.integers(0, 40))


@st.composite
def tabellen(draw):
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 6))
    return [[draw(klein_oder_gross) for _ in range(m)] for _ in range(n)]


@settings(max_examples=400, deadline=None)
@given(tabellen())
def test_kein_verdeckter_wert_ist_durch_subtraktion_zu_errechnen(werte):
    g = schuetzen(werte)
    e = g.erweitert
    # totals are right
    assert [z[-1] for z in e[:-1]] == [sum(z) for z in werte]
    assert e[-1][:-1] == [sum(z[j] for z in werte) for j in range(len(werte[0]))]
    # every 1 or 2 (cell or total) is hidden as „< 3“, nothing else is „< 3“
    for i, zeile in enumerate(e):
        for j, x in enumerate(zeile):
            assert (g.text(i, j) == KLEIN) == (1 <= x <= 2)
            if not g.ist_verdeckt(i, j):
                assert g.text(i, j) == str(x)
            elif not g.ist_primaer(i, j):
                assert g.text(i, j) == GESPERRT
    # no line has exactly one hidden value, so the attacker learns nothing
    for linie in linien(g.n, g.m):
        assert sum(g.ist_verdeckt(*p) for p in linie) != 1
    assert angreifer(g) == set()
    # deterministic
    assert schuetzen(werte).verdeckt == g.verdeckt


# -- count tables built from records ------------------------------------------------------------------
def test_kreuztabelle_sozialraum_mal_thema_ist_geschuetzt():
    d = netz([])
    d.kitas[1]["gemeinde_id"] = "g-b"  # Kita k2 in Süd
    rows = [
        {"monat": "2025-01", "kita_id": "k1", "angebot_id": "a", "thema_id": "sucht", "ergebnis": "vermittelt",
         "anzahl": 5},
        {"monat": "2025-02", "kita_id": "k1", "angebot_id": "a", "thema_id": "fruehe-hilfen",
         "ergebnis": "vermittelt", "anzahl": 1},
        {"monat": "2025-03", "kita_id": "k2", "angebot_id": "b", "thema_id": "fruehe-hilfen",
         "ergebnis": "Warteliste", "anzahl": 6},
    ]
    t = kreuztabelle(rows, d)
    assert t.zeilen == [("sr-a", "Nord"), ("sr-b", "Süd")]
    assert t.spalten == [("fruehe-hilfen", "Frühe Hilfen"), ("sucht", "Sucht")]
    zeilen = t.als_zeilen()
    # Nord: 1 | 5 | 6, Süd: 6 | 0 | 6, Summe: 7 | 5 | 12. The 1 forces the 5 (row) and the 6 (column); the
    # zero is passed over (a hidden 0 beside the 1 would give the 1 away through the bounds), so the
    # suppression runs on through the totals until every line has two hidden values.
    assert [list(z.values()) for z in zeilen] == [["Nord", KLEIN, GESPERRT, GESPERRT],
                                                   ["Süd", GESPERRT, "0", GESPERRT],
                                                   ["Summe", GESPERRT, GESPERRT, "12"]]
    # months run without gaps; by outcome
    m = kreuztabelle(rows, d, "monat", "ergebnis")
    assert [z[1] for z in m.zeilen] == ["01/2025", "02/2025", "03/2025"]
    assert [s[0] for s in m.spalten] == ["vermittelt", "Warteliste"]
    assert kreuztabelle(rows, d, von_monat="2025-03").als_dict()["werte"] == [[0, 0], [6, 6], [6, 6]]
    with pytest.raises(ValueError):
        kreuztabelle(rows, d, "thema", "thema")
