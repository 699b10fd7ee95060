"""The analysis shared with a second process (network.grund.zweiter_kern, issue 14).

The second process is made with ``fork``: whatever it computes must be what the parent would have computed, and
whatever goes wrong in it must leave the parent to finish alone.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from network.analyse import analyse, auswerten, tabellen
from network.analyse import kennzahlen as kz_modul
from network.analyse.auswertung import _prozesse
from network.grund.zweiter_kern import geteilt, kerne, letzte_messung
from network.grund.zyklensammler import pausiert

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="braucht fork (Linux)")


def _kinder() -> list[str]:
    """The child processes of this process that still exist (zombies included)."""
    pid = os.getpid()
    return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()


# --- the helper itself ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("anzahl", [0, 1, 2, 7, 40])
@pytest.mark.parametrize("stueck", [1, 3, 8])
def test_ergebnisse_in_ihrer_reihenfolge(anzahl, stueck):
    ergebnisse, extra = geteilt(anzahl, lambda i: (i, i * i), vorab=lambda: "x", prozesse=2, stueck=stueck)
    assert ergebnisse == [(i, i * i) for i in range(anzahl)]
    assert extra == "x"
    assert _kinder() == []


def test_vorab_rechnet_der_zweite_prozess():
    eltern = os.getpid()
    _, pid = geteilt(3, str, vorab=os.getpid, prozesse=2)
    assert pid != eltern
    assert letzte_messung().vorab is True and letzte_messung().fehler is None


def test_ein_prozess_rechnet_alles_selbst():
    eltern = os.getpid()
    ergebnisse, pid = geteilt(3, str, vorab=os.getpid, prozesse=1)
    assert (ergebnisse, pid) == (["0", "1", "2"], eltern)


def test_verschicken_und_ankommen_nur_fuer_was_der_zweite_prozess_schickt():
    eltern = os.getpid()

    def rechnen(i):
        return ("hier" if os.getpid() == eltern else "dort", i)

    ergebnisse, extra = geteilt(30, rechnen, vorab=lambda: ("dort", -1), prozesse=2, stueck=1,
                                verschicken=lambda r: ("geschickt", r), ankommen=lambda i, r: ("angekommen", i, r))
    assert extra == ("angekommen", -1, ("geschickt", ("dort", -1)))
    for i, r in enumerate(ergebnisse):
        assert r in (("hier", i), ("angekommen", i, ("geschickt", ("dort", i))))


def test_fehler_im_zweiten_prozess_rechnet_der_elternprozess_nach():
    eltern = os.getpid()

    def rechnen(i):
        if os.getpid() != eltern:
            raise ValueError("kaputt")
        return i

    def vorab():
        if os.getpid() != eltern:
            raise ValueError("kaputt")
        return "eltern"

    ergebnisse, extra = geteilt(20, rechnen, vorab=vorab, prozesse=2, stueck=1)
    assert (ergebnisse, extra) == (list(range(20)), "eltern")
    assert letzte_messung().fehler == "ValueError: kaputt"
    assert _kinder() == []


def test_ein_abgestuerzter_zweiter_prozess_laesst_nichts_fehlen():
    eltern = os.getpid()

    def vorab():
        if os.getpid() != eltern:
            os._exit(7)  # as if killed: no answer at all
        return "eltern"

    ergebnisse, extra = geteilt(10, lambda i: -i, vorab=vorab, prozesse=2)
    assert (ergebnisse, extra) == ([-i for i in range(10)], "eltern")
    assert letzte_messung().fehler == "zweiter Prozess endete mit 7"


def test_was_vor_dem_absturz_ankam_bleibt():
    """The second process sends ``vorab`` first, then dies on its first piece: ``vorab`` is kept, the pieces are
    computed by the parent. (The parent takes 50 ms per piece, so the second process gets one.)"""
    eltern = os.getpid()

    def rechnen(i):
        if os.getpid() != eltern:
            os._exit(7)
        time.sleep(0.05)
        return i

    ergebnisse, extra = geteilt(50, rechnen, vorab=os.getpid, prozesse=2, stueck=1)
    assert ergebnisse == list(range(50))
    assert extra != eltern  # the second process's pid: its message came through before it died
    assert letzte_messung().fehler == "zweiter Prozess endete mit 7"


def test_fehler_im_elternprozess_beendet_den_zweiten():
    eltern = os.getpid()
    warten = threading.Event()

    def vorab():
        if os.getpid() != eltern:
            warten.wait(600)  # the second process would take ten minutes
        return None

    def rechnen(i):
        raise KeyError(i)

    with pytest.raises(KeyError):
        geteilt(3, rechnen, vorab=vorab, prozesse=2)
    assert _kinder() == []  # ended and reaped, not left behind


@pytest.mark.timeout(60)
def test_zufallssperre_im_zweiten_prozess_frisch():
    """igraph's seeded Louvain takes a lock; a thread of the parent holding it at the moment of fork must not
    block the second process (kennzahlen._neue_sperre)."""
    eltern = os.getpid()
    G = nx.connected_caveman_graph(2, 4)

    def vorab():
        if os.getpid() == eltern:
            return "eltern"
        return kz_modul.gemeinschaften(G, backend="igraph")

    with kz_modul._ZUFALL_SPERRE:  # held here, as by another thread of the app
        _, extra = geteilt(2, str, vorab=vorab, prozesse=2)
    assert extra == [[0, 1, 2, 3], [4, 5, 6, 7]]


# --- the analysis with two processes ------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["igraph", "networkx"])
def test_bericht_gleich_mit_zwei_prozessen(kleines_netz, backend):
    allein = analyse(kleines_netz, "2024-06-30", backend=backend, prozesse=1)
    geteilt_ = analyse(kleines_netz, "2024-06-30", backend=backend, prozesse=2)
    assert geteilt_ == allein
    assert letzte_messung().fehler is None and letzte_messung().vorab is True


@pytest.mark.parametrize("tabelle", ["metriken", "akteure", "hubs", "luecken", "empfehlungen", "hinweise"])
def test_tabellen_gleich_mit_zwei_prozessen(kleines_netz, tabelle):
    """The tables read what a result of the second process builds only when read: the Sozialraum network and
    Burt's measures."""
    f = getattr(tabellen, tabelle)
    allein = f(kleines_netz, "2024-06-30", backend="igraph", prozesse=1)
    geteilt_ = f(kleines_netz, "2024-06-30", backend="igraph", prozesse=2)
    pd.testing.assert_frame_equal(geteilt_, allein)


def test_teilnetze_gleich_mit_zwei_prozessen(kleines_netz):
    allein = auswerten(kleines_netz, "2024-06-30", backend="igraph", prozesse=1)
    beide = auswerten(kleines_netz, "2024-06-30", backend="igraph", prozesse=2)
    for a, b in zip(allein.sozialraeume, beide.sozialraeume, strict=True):
        assert list(b.netz.nodes(data=True)) == list(a.netz.nodes(data=True))
        assert list(b.netz.edges(data=True)) == list(a.netz.edges(data=True))
        assert b.netz.graph == a.netz.graph
        assert b.externe_kooperationen == a.externe_kooperationen == a.netz.graph["extern"]


@pytest.mark.parametrize("prozesse", [1, 2])
def test_netz_und_burt_lesen_ein_teilnetz(kleines_netz, monkeypatch, prozesse):
    """A Sozialraum's network and Burt's measures are built when read – from one network, cut out once."""
    import network.analyse.auswertung as A

    gebaut = []
    original = A.teilnetz
    monkeypatch.setattr(A, "teilnetz", lambda *a, **k: gebaut.append(k["sozialraum"]) or original(*a, **k))
    a = auswerten(kleines_netz, "2024-06-30", backend="igraph", prozesse=prozesse)
    assert gebaut == []
    for s in a.sozialraeume:
        assert set(s.kennzahlen.constraint) == set(s.netz) == set(s.kennzahlen.effektive_groesse)
        assert s.netz is s.netz
    assert gebaut == [s.id for s in a.sozialraeume]


def test_netze_ohne_referenzzyklus_auch_geteilt(kleines_netz):
    """As test_schnelle_wege.test_netze_ohne_referenzzyklus, for results of the second process."""
    with pausiert():
        a = auswerten(kleines_netz, "2024-06-30", backend="igraph", prozesse=2)
        refs = [weakref.ref(a.netz)] + [weakref.ref(s.netz) for s in a.sozialraeume]
        refs += [weakref.ref(s.kennzahlen) for s in a.sozialraeume]
        del a
        assert [r() for r in refs] == [None] * len(refs)


@pytest.mark.parametrize("falsch", [0, -1, "zwei", 1.5])
def test_prozesse_falsch(kleines_netz, falsch):
    with pytest.raises(ValueError, match="prozesse"):
        analyse(kleines_netz, "2024-06-30", prozesse=falsch)


def test_auto_teilt_erst_ab_groesse():
    assert _prozesse("auto", 300, 5) == 1  # the district: not worth a second process
    assert _prozesse("auto", 10**6, 1) == 1  # one Sozialraum
    assert _prozesse("auto", 10**6, 1400) == (2 if kerne() > 1 else 1)
