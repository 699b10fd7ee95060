"""Server-side sign-in sessions (network.zugang.sitzungen): the claims of the security argument in docs/zugang.md,
each checked on its own."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from network.zugang.sitzungen import ABLAUF_MINUTEN, CODE_SEKUNDEN, Sitzungen

T0 = 1_800_000_000.0


@pytest.fixture
def s(tmp_path):
    return Sitzungen.im_ordner(tmp_path)


def test_gilt_bis_30_minuten_ohne_aktivitaet_jede_aktivitaet_verlaengert(s):
    w = s.beginne("anna", "lokal", jetzt=T0)
    assert s.pruefe(w, jetzt=T0 + 20 * 60).name == "anna"            # activity at 20 min
    assert s.pruefe(w, jetzt=T0 + 20 * 60 + ABLAUF_MINUTEN * 60) is not None  # 30 min after that: still valid
    assert s.pruefe(w, jetzt=T0 + 20 * 60 + 2 * ABLAUF_MINUTEN * 60 + 1) is None
    assert s.anzahl("anna") == 0                                       # an expired record is deleted


def test_lesen_ohne_beruehren_verlaengert_nicht(s):
    w = s.beginne("anna", "lokal", jetzt=T0)
    assert s.pruefe(w, jetzt=T0 + 25 * 60, beruehren=False).rest_sekunden(T0 + 25 * 60) == 5 * 60
    assert s.pruefe(w, jetzt=T0 + 30 * 60 + 1) is None


@pytest.mark.parametrize("faelschen", [
    lambda w: w.split(".")[0] + ".",                          # no signature
    lambda w: w.split(".")[0] + "." + "0" * 43,               # wrong signature
    lambda w: "x" + w,                                        # another token with the old signature
    lambda w: w.split(".")[0],                                # the bare token
    lambda w: "",
])
def test_gefaelschte_cookies_werden_abgelehnt(s, faelschen):
    w = s.beginne("anna", "lokal", jetzt=T0)
    assert s.pruefe(faelschen(w), jetzt=T0) is None
    assert s.pruefe(w, jetzt=T0) is not None


def test_signatur_haengt_am_schluessel(tmp_path):
    a = Sitzungen.im_ordner(tmp_path / "a")
    b = Sitzungen(a.pfad, b"anderer schluessel" * 2)
    w = a.beginne("anna", "lokal", jetzt=T0)
    assert b.pruefe(w, jetzt=T0) is None


def test_anmelden_rotiert_das_token(s):
    alt = s.beginne("anna", "lokal", jetzt=T0)
    neu = s.beginne("anna", "lokal", jetzt=T0 + 1, vorher=alt)
    assert neu != alt and s.pruefe(alt, jetzt=T0 + 2) is None and s.pruefe(neu, jetzt=T0 + 2) is not None


def test_ueberall_abmelden_beendet_jede_sitzung_des_kontos(s):
    w1, w2 = s.beginne("anna", "lokal", jetzt=T0), s.beginne("anna", "lokal", jetzt=T0)
    ben = s.beginne("ben", "lokal", jetzt=T0)
    assert s.beende_alle("anna") == 2
    assert s.pruefe(w1, jetzt=T0) is None and s.pruefe(w2, jetzt=T0) is None
    assert s.pruefe(ben, jetzt=T0).name == "ben"


def test_einmalcode_gilt_einmal_und_kurz(s):
    w = s.beginne("anna", "lokal", jetzt=T0)
    code = s.einmalcode(w, jetzt=T0)
    assert s.einloesen(code, jetzt=T0 + 1) == w
    assert s.einloesen(code, jetzt=T0 + 2) is None                  # used up
    spaet = s.einmalcode(w, jetzt=T0)
    assert s.einloesen(spaet, jetzt=T0 + CODE_SEKUNDEN + 1) is None  # too late
    assert s.einloesen("erfunden", jetzt=T0) is None


def test_datei_enthaelt_nur_hashes_und_ist_privat(s):
    w = s.beginne("anna", "lokal", jetzt=T0)
    token = w.split(".")[0]
    with sqlite3.connect(s.pfad) as db:
        inhalt = repr(db.execute("SELECT * FROM sitzung").fetchall())
    assert token not in inhalt and "anna" in inhalt
    assert stat.S_IMODE(s.pfad.stat().st_mode) == 0o600
    assert stat.S_IMODE((s.pfad.parent / "sitzung.key").stat().st_mode) == 0o600


def test_mehrere_prozesse_teilen_die_datei(tmp_path):
    a, b = Sitzungen.im_ordner(tmp_path), Sitzungen.im_ordner(tmp_path)  # two app processes, one folder
    w = a.beginne("anna", "lokal", jetzt=T0)
    assert b.pruefe(w, jetzt=T0 + 60).name == "anna"
    b.beende(w)
    assert a.pruefe(w, jetzt=T0 + 61) is None
