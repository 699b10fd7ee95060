"""No English leftovers and no jargon without plain German (issue 15, point 8): import errors without „None“,
Analyse and Netzwerk explain Hubs, Betweenness, Komponenten and Louvain next to the figures. Streamlit's own
English words and its ⋮ menu are checked in the browser (tests/e2e/test_alltag_browser.py)."""

from __future__ import annotations

from ui_hilfen import KOORDINATION, seite, texte

from network.errors import Befund
from network.ui.bausteine.begriffe import BEGRIFFE
from network.ui.seiten.pflege import fehler_tabelle


def test_importfehler_ohne_none():
    df = fehler_tabelle([Befund("Upload", 0, "", "Keine Importdatei gefunden."),
                         Befund("kitas.csv", 3, "plaetze", "„viele“ ist keine ganze Zahl.")])
    assert df["Zeile"].tolist() == ["ganze Datei", "3"] and df["Spalte"].tolist() == ["–", "plaetze"]
    assert "None" not in df.astype(str).to_string() and not df.isna().any().any()


def test_analyse_erklaert_die_begriffe(datenordner):
    at = seite("analyse", als=KOORDINATION).run()
    assert not at.exception
    t = texte(at)
    for begriff in ("Komponenten", "Betweenness", "Gemeinschaften (Louvain)", "Dichte", "Trennstellen"):
        assert f"{begriff}: {BEGRIFFE[begriff]}" in t.replace("**", ""), begriff
    assert "Hubs sind die Drehscheiben des Netzes" in t


def test_netzwerk_erklaert_die_begriffe(datenordner):
    at = seite("netzwerk", als=KOORDINATION).run()
    assert not at.exception
    t = texte(at).replace("**", "")
    for begriff in ("Dichte", "Komponenten", "Betweenness", "Hub"):
        assert f"{begriff}: {BEGRIFFE[begriff]}" in t, begriff
