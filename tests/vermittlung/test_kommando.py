"""``kita-netz vermittlung suchen | erfassen | zahlen``: output, JSON contract, German one-line errors."""

from __future__ import annotations

import json

import pytest
from vm_netze import ang, koop, netz

from network.cli import main
from network.settings import Settings
from network.store import open_store


@pytest.fixture
def ordner(tmp_path):
    daten = netz([ang("a-nah", km=2, sprachen=["Arabisch"]), ang("a-partner", km=12),
                  ang("a-fremd", km=3, versorgt=["sr-b"], themen=["fruehe-hilfen"])],
                 [koop("c1", "k1", "a-partner", seit="2020-01-01")])
    d = tmp_path / "data"
    with open_store(Settings(store="embedded", data_dir=d)) as s:
        s.write(daten)
    return ["--store", "embedded", "--data-dir", str(d)]


def test_suchen_json_in_rangfolge(ordner, capsys):
    assert main(ordner + ["vermittlung", "suchen", "--kita", "k1", "--thema", "sucht", "--sprache", "Arabisch",
                          "--format", "json", "--stichtag", "2025-06-15"]) == 0
    liste = json.loads(capsys.readouterr().out)
    assert [x["angebot_id"] for x in liste] == ["a-partner", "a-nah"]
    assert liste[0]["kooperiert"] is True and liste[0]["gruende"][0] == "kooperiert bereits mit Ihrer Kita"
    assert liste[1]["km"] == 2.0 and "spricht Arabisch" in liste[1]["gruende"]
    assert all({"angebot_id", "name", "km", "kooperiert", "gruende"} <= set(x) for x in liste)


def test_suchen_ohne_treffer_meldet_luecke(ordner, capsys):
    assert main(ordner + ["vermittlung", "suchen", "--kita", "k1", "--thema", "fruehe-hilfen", "--format", "json",
                          "--stichtag", "2025-06-15"]) == 0
    out = capsys.readouterr()
    liste = json.loads(out.out)
    assert [(x["angebot_id"], x["passt"]) for x in liste] == [("a-fremd", False)]
    assert "Hinweis: Kein passendes Angebot im Sozialraum Nord zum Thema Frühe Hilfen." in out.err


def test_suchen_tabelle_und_handzettel(ordner, capsys, tmp_path):
    ziel = tmp_path / "blatt.pdf"
    assert main(ordner + ["vermittlung", "suchen", "--kita", "k1", "--thema", "sucht", "--pdf", str(ziel),
                          "--blatt-sprache", "uk", "--stichtag", "2025-06-15"]) == 0
    out = capsys.readouterr()
    assert "  1. Angebot a-partner [a-partner]" in out.out and "kooperiert bereits mit Ihrer Kita" in out.out
    assert ziel.read_bytes()[:5] == b"%PDF-"
    assert "Handzettel mit 2 Angeboten gespeichert" in out.err


@pytest.mark.parametrize("argv, meldung", [
    (["suchen", "--kita", "k9", "--thema", "sucht"], "Fehler: Die Kita „k9“ gibt es im Verzeichnis nicht."),
    (["suchen", "--kita", "k1", "--thema", "nix"], "Fehler: Das Thema „nix“ gibt es im Verzeichnis nicht."),
    (["suchen", "--thema", "sucht"], "Fehler: Bitte --kita oder --gemeinde angeben."),
    (["erfassen", "--kita", "k1", "--angebot", "a-nah", "--thema", "sucht", "--monat", "2025-6"],
     "Fehler: Monat „2025-6“: bitte im Format JJJJ-MM angeben (ohne Tag)."),
    (["erfassen", "--kita", "k1", "--angebot", "a-9", "--thema", "sucht", "--monat", "2025-06"],
     "Fehler: Im Verzeichnis fehlt das Angebot „a-9“; die Vermittlung wurde nicht gespeichert."),
    (["erfassen", "--kita", "k1", "--angebot", "a-nah", "--thema", "sucht", "--monat", "2999-01"],
     "Fehler: Der Monat 2999-01 liegt in der Zukunft"),
])
def test_fehler_als_eine_deutsche_zeile(ordner, capsys, argv, meldung):
    assert main(ordner + ["vermittlung"] + argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(meldung)


def test_erfassen_und_zahlen(ordner, capsys):
    basis = ["vermittlung", "erfassen", "--kita", "k1", "--angebot", "a-nah", "--thema", "sucht", "--monat", "2025-05"]
    assert main(ordner + basis) == 0
    assert "ist jetzt 1 Vermittlung gezählt" in capsys.readouterr().out
    assert main(ordner + basis + ["--anzahl", "4", "--ergebnis", "Warteliste"]) == 0
    capsys.readouterr()
    assert main(ordner + ["vermittlung", "zahlen", "--format", "json"]) == 0
    t = json.loads(capsys.readouterr().out)
    assert t["zeilen"] == ["Nord", "Süd"] and t["spalten"] == ["Sucht"]
    assert t["anzeige"] == [["5", "5"], ["0", "0"], ["5", "5"]]
    assert main(ordner + ["vermittlung", "zahlen", "--spalten", "ergebnis"]) == 0
    out = capsys.readouterr().out
    assert "< 3" in out and "x" in out.split("\n")[1]  # 1 vermittelt is hidden, and so is its partner (4)


def test_luecke_melden_und_aufraeumen(ordner, capsys):
    from network.vermittlung import bedarfsluecken, vermittlungen

    assert main(ordner + ["vermittlung", "luecke-melden", "--kita", "k1", "--thema", "fruehe-hilfen",
                          "--monat", "2025-05"]) == 0
    assert main(ordner + ["vermittlung", "luecke-melden", "--kita", "k1", "--thema", "fruehe-hilfen",
                          "--monat", "2025-05"]) == 0
    out = capsys.readouterr().out
    assert "Lücke gemeldet (2025-05, Sozialraum sr-a, Thema fruehe-hilfen; jetzt 2)" in out
    assert "nicht die Kita" in out
    assert main(ordner + ["vermittlung", "luecke-melden", "--kita", "k9", "--thema", "sucht",
                          "--monat", "2025-05"]) != 0
    assert "Kita „k9“" in capsys.readouterr().err
    # one old count and one old gap: removed; recent ones stay
    for argv in (["erfassen", "--kita", "k1", "--angebot", "a-nah", "--thema", "sucht", "--monat", "2001-01"],
                 ["erfassen", "--kita", "k1", "--angebot", "a-nah", "--thema", "sucht", "--monat", "2025-05"],
                 ["luecke-melden", "--kita", "k1", "--thema", "sucht", "--monat", "2001-02"]):
        assert main(ordner + ["vermittlung"] + argv) == 0
    capsys.readouterr()
    assert main(ordner + ["vermittlung", "aufraeumen"]) == 0
    out = capsys.readouterr().out
    assert "Aufgeräumt: 1 Vermittlungs-Zählungen und 1 gemeldete Lücken aus Monaten vor" in out
    with open_store(Settings(store="embedded", data_dir=ordner[-1])) as s:
        assert [r["monat"] for r in vermittlungen(s)] == ["2025-05"]
        assert [(r["monat"], r["anzahl"]) for r in bedarfsluecken(s)] == [("2025-05", 2)]
