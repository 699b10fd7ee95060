"""Issue 17, points 1 and 2: parallel wrong passwords cannot get past the lockout, and a name without an account
behaves exactly like an account (same messages, same pauses, same lock) – on every store backend."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from network.errors import AnmeldeFehler
from network.zugang import KOMMANDOZEILE, konten

PW = "sehr-geheim-123"
T0 = datetime(2026, 12, 3, 10, 0)


@pytest.fixture
def mit_konto(store):
    konten.lege_an(store, "anna", "koordination", PW, KOMMANDOZEILE)
    return store


class _ZaehlenderHasher:
    """Counts password checks (the real Argon2 check runs)."""

    def __init__(self, echt):
        self.echt, self.pruefungen, self._lock = echt, 0, threading.Lock()

    def verify(self, h, pw):
        with self._lock:
            self.pruefungen += 1
        return self.echt.verify(h, pw)

    def __getattr__(self, name):
        return getattr(self.echt, name)


def _parallel(store, name: str, sitzungen: int, passwort: str = "falsch-geraten") -> list[str]:
    """``sitzungen`` threads send a sign-in at the same moment; returns each one's message."""
    start = threading.Barrier(sitzungen)
    meldungen: list[str] = []
    lock = threading.Lock()

    def versuch() -> None:
        start.wait()
        try:
            konten.anmelden(store, name, passwort, jetzt_=T0, pause=lambda s: None)
            text = "angemeldet"
        except AnmeldeFehler as e:
            text = str(e)
        with lock:
            meldungen.append(text)

    threads = [threading.Thread(target=versuch) for _ in range(sitzungen)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return meldungen


@pytest.mark.parametrize("name", ["anna", "gibt.es.nicht"])
def test_parallel_wrong_passwords_lock_the_account(mit_konto, monkeypatch, name):
    """The sweep: 6 sessions at the same moment, 3 times – 18 failures, no lock, then the right password worked."""
    zaehler = _ZaehlenderHasher(konten._HASHER)
    monkeypatch.setattr(konten, "_HASHER", zaehler)
    meldungen = [m for _ in range(3) for m in _parallel(mit_konto, name, 6)]
    assert len(meldungen) == 18 and "angemeldet" not in meldungen
    assert zaehler.pruefungen <= konten.MAX_FEHLVERSUCHE  # never more guesses than the limit allows
    assert sum("Zu viele Fehlversuche" in m for m in meldungen) >= 18 - konten.MAX_FEHLVERSUCHE
    with pytest.raises(AnmeldeFehler, match="Zu viele Fehlversuche: das Konto ist bis 10:15 Uhr gesperrt"):
        konten.anmelden(mit_konto, name, PW, jetzt_=T0 + timedelta(minutes=1), pause=lambda s: None)


def test_after_the_lock_the_right_password_works_again(mit_konto):
    _parallel(mit_konto, "anna", 8)
    spaeter = T0 + timedelta(minutes=konten.SPERRE_MINUTEN, seconds=1)
    assert konten.anmelden(mit_konto, "anna", PW, jetzt_=spaeter, pause=lambda s: None).name == "anna"
    assert mit_konto.query("lade_einen_nutzer", id="anna")[0]["fehlversuche"] == 0


def _ablauf(store, name: str) -> list[tuple[str, list[float]]]:
    """Seven wrong attempts, then the right password: (message, pauses) per attempt."""
    out = []
    for i in range(konten.MAX_FEHLVERSUCHE + 2):
        pausen: list[float] = []
        with pytest.raises(AnmeldeFehler) as exc:
            konten.anmelden(store, name, "falsch-geraten", jetzt_=T0 + timedelta(seconds=i), pause=pausen.append)
        out.append((str(exc.value), pausen))
    pausen = []
    try:
        konten.anmelden(store, name, PW, jetzt_=T0 + timedelta(minutes=1), pause=pausen.append)
        out.append(("angemeldet", pausen))
    except AnmeldeFehler as e:
        out.append((str(e), pausen))
    return out


@pytest.mark.parametrize("unbekannt", ["gibt.es.nicht", "Gross Und Leer!", ""])
def test_unknown_names_behave_like_accounts(mit_konto, unbekannt):
    konto = _ablauf(mit_konto, "anna")
    fremd = _ablauf(mit_konto, unbekannt)
    assert konto == fremd
    assert [m for m, _ in konto[:4]] == ["Benutzername oder Passwort ist falsch."] * 4
    assert konto[4][0] == "Zu viele Fehlversuche: das Konto ist für 15 Minuten gesperrt."
    assert konto[5][0] == "Zu viele Fehlversuche: das Konto ist bis 10:15 Uhr gesperrt."
    assert [p for _, p in konto[:5]] == [[0.5], [1.0], [2.0], [4.0], [8.0]]


def test_a_disabled_account_behaves_like_an_unknown_name(mit_konto):
    konten.lege_an(mit_konto, "ben", "fachkraft", PW, KOMMANDOZEILE)
    konten.deaktiviere(mit_konto, "ben", KOMMANDOZEILE)
    assert _ablauf(mit_konto, "ben") == _ablauf(mit_konto, "niemand")


def test_unknown_names_are_counted_in_the_store_as_hashes_only(mit_konto):
    """Shared by every app process, like an account's counter: only a hash of the name, never the name; no data
    version (no page shows it), and a day after the last attempt it is forgotten."""
    v = mit_konto.version()
    _ablauf(mit_konto, "gibt.es.nicht")
    zeilen = mit_konto.query("lade_fehlversuche_namen")
    assert [z["id"] for z in zeilen] == [konten._name_schluessel("gibt.es.nicht")]
    assert "gibt.es.nicht" not in str(zeilen) and zeilen[0]["gesperrt_bis"] is not None  # locked after five
    assert mit_konto.version() == v
    assert [k.name for k in konten.liste(mit_konto, KOMMANDOZEILE)] == ["anna"]
    # a day later another name's attempt forgets the old entry
    with pytest.raises(AnmeldeFehler):
        konten.anmelden(mit_konto, "jemand.anders", "x", jetzt_=T0 + timedelta(days=2), pause=lambda s: None)
    rest = [z["id"] for z in mit_konto.query("lade_fehlversuche_namen")]
    assert rest == [konten._name_schluessel("jemand.anders")]



def test_a_second_process_sees_the_lock_of_an_unknown_name(backend_settings):
    """Five wrong tries on a name without an account in one process lock it for every other process too."""
    import os
    import subprocess
    import sys

    from network.store import open_store

    with open_store(backend_settings) as store:
        for _ in range(konten.MAX_FEHLVERSUCHE):
            with pytest.raises(AnmeldeFehler):
                konten.anmelden(store, "rater", "falsch", pause=lambda s: None)
    code = ("from network.settings import Settings; from network.store import open_store; "
            "from network.zugang import konten; from network.errors import AnmeldeFehler\n"
            "try:\n konten.anmelden(open_store(Settings.from_env()), 'rater', 'falsch', pause=lambda s: None)\n"
            "except AnmeldeFehler as e: print(e)")
    env = {**os.environ, "KITANETZ_STORE": backend_settings.store, "KITANETZ_DATA_DIR": str(backend_settings.data_dir)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Zu viele Fehlversuche: das Konto ist bis" in r.stdout
