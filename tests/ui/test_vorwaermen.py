"""Warming at server start (network/ui/bausteine/vorwaermen.py): once per process, and it fills the app's own caches."""

from __future__ import annotations

import subprocess
import sys
import threading

from network.ui.bausteine import vorwaermen


def test_starten_nur_einmal_je_prozess(monkeypatch):
    aufrufe = []
    fertig = threading.Event()
    monkeypatch.setattr(vorwaermen, "_GESTARTET", threading.Event())
    monkeypatch.setattr(vorwaermen, "vorwaermen", lambda: (aufrufe.append(1), fertig.set()))
    assert vorwaermen.starten() is True
    assert vorwaermen.starten() is False
    assert fertig.wait(30)
    assert aufrufe == [1]


def test_vorwaermen_fuellt_die_caches_der_ersten_seite(datenordner, monkeypatch):
    from network.ui.bausteine import daten as D

    gebaut = []
    echt = D.Verzeichnis
    monkeypatch.setattr(D, "Verzeichnis", lambda *a, **k: gebaut.append(1) or echt(*a, **k))
    D._verzeichnis.clear()
    vorwaermen.vorwaermen()
    assert gebaut == [1]  # built once, while warming …
    v = D.verzeichnis()
    assert gebaut == [1]  # … and the first page finds it
    assert len(v.kita) == 100  # the seed's Kitas


def test_analyse_ohne_pandas_bis_zum_gebrauch():
    """`kita-netz analyse` must not pay for pandas: importing network.analyse leaves it out, the tables load it."""
    code = ("import sys, network.analyse as A; vorher = 'pandas' in sys.modules; A.metriken; "
            "print(vorher, 'pandas' in sys.modules, callable(A.wachstum), 'als_csv' in dir(A))")
    aus = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert aus == ["False", "True", "True", "True"]


def test_start_wartet_auf_den_wegweiser_die_auswertung_auf_den_ersten_lauf(monkeypatch):
    """The server answers only when the first page is warm; the analysis is warmed after the first run ended."""
    for name in ("_GESTARTET", "_WEGWEISER", "_ERSTER_LAUF"):
        monkeypatch.setattr(vorwaermen, name, threading.Event())
    monkeypatch.setattr(vorwaermen, "PAUSE", 60.0)
    schritte = []
    fertig = threading.Event()

    def warm():
        schritte.append("wegweiser")
        vorwaermen._zwischen()
        schritte.append("auswertung")
        fertig.set()

    monkeypatch.setattr(vorwaermen, "vorwaermen", warm)
    assert vorwaermen.starten() is True
    assert schritte == ["wegweiser"]  # started returned after the first part, the second waits for a run
    vorwaermen.lauf_beendet()
    assert fertig.wait(30)
    assert schritte == ["wegweiser", "auswertung"]
