"""The review list (network/ui/bausteine/pruefliste.py): entries due per Sozialraum, „heute geprüft“ with audit entries."""

from __future__ import annotations

from datetime import date

from ui_hilfen import TIMEOUT, klartext, seite, texte

from network.frische import faellige
from network.zugang import Nutzer

HEUTE = date.today()


def liste_app(nutzer: Nutzer | None):
    """An AppTest of the review list alone, with ``nutzer`` signed in."""
    from streamlit.testing.v1 import AppTest

    def skript(nutzer) -> None:
        import streamlit as st

        from network.ui.bausteine.pruefliste import pruefliste

        if nutzer is not None:
            st.session_state["nutzer"] = nutzer
        pruefliste()

    return AppTest.from_function(skript, args=(nutzer,), default_timeout=TIMEOUT)


def kaestchen(at) -> list:
    return [c for c in at.checkbox if c.key and c.key.startswith("pr_wahl_")]


def markieren(at):
    [b for b in at.button if b.label == "Ausgewählte heute als geprüft markieren"][0].click().run()
    assert not at.exception
    return at


def test_heute_geprueft_verkleinert_die_liste_und_protokolliert(datenordner, store):
    vorher = faellige(store.load(), HEUTE, 12)
    assert vorher, "die Demodaten haben fällige Einträge"
    protokoll_vorher = len(store.query("lade_protokoll"))
    at = liste_app(Nutzer("koordinatorin", "koordination")).run()
    assert not at.exception
    assert any(e.label.startswith(f"Prüfliste: {len(vorher)} Einträge") for e in at.expander)
    sr = at.selectbox(key="pr_sr")
    assert len(sr.options) >= 2  # one choice per Sozialraum with due entries
    assert at.text_input(key="pr_stelle").value == "Kreisjugendamt"
    boxen = kaestchen(at)
    erster_sr = sr.value
    assert len(boxen) == sum(1 for f in vorher if (f.sozialraum_id or "__ohne__") == erster_sr)
    assert all("geprüft" in klartext(b.label) for b in boxen)
    gewaehlt = [b.key.removeprefix("pr_wahl_").split("_", 1) for b in boxen[:2]]
    for b in boxen[:2]:
        b.check()
    markieren(at)

    assert "2 Einträge als heute geprüft markiert („Kreisjugendamt“" in texte(at)
    nachher = faellige(store.load(), HEUTE, 12)
    assert len(nachher) == len(vorher) - 2
    assert any(e.label.startswith(f"Prüfliste: {len(nachher)} Einträge") for e in at.expander)
    assert len(kaestchen(at)) == len(boxen) - 2
    d = store.load()
    zeilen = {r["id"]: r for r in d.kitas + d.angebote}
    for _, rid in gewaehlt:
        assert zeilen[rid]["geprueft_am"] == HEUTE.isoformat()
        assert zeilen[rid]["geprueft_von"] == "Kreisjugendamt"
    protokoll = store.query("lade_protokoll")
    assert len(protokoll) == protokoll_vorher + 2
    neu = {e["objekt_id"]: e for e in protokoll[:2]}
    assert set(neu) == {rid for _, rid in gewaehlt}
    assert all(e["wer"] == "koordinatorin" and e["aktion"] == "geändert" and HEUTE.isoformat() in e["nachher"]
               for e in neu.values())


def test_alle_eines_sozialraums_mit_eigener_stelle(datenordner, store):
    d = store.load()
    je_sr: dict = {}
    for f in faellige(d, HEUTE, 12):
        je_sr.setdefault(f.sozialraum_id, []).append(f)
    sr_id = min((s for s in je_sr if s), key=lambda s: len(je_sr[s]))  # the Sozialraum with the fewest
    name = next(s["name"] for s in d.sozialraeume if s["id"] == sr_id)
    at = liste_app(Nutzer("koordinatorin", "koordination")).run()
    at.selectbox(key="pr_sr").set_value(sr_id).run()
    assert len(kaestchen(at)) == len(je_sr[sr_id])
    [b for b in at.button if b.label == "Alle auswählen"][0].click().run()
    assert all(c.value for c in kaestchen(at))
    at.text_input(key="pr_stelle").input("Jugendamt, Team Kita-Sozialarbeit")
    markieren(at)
    n = len(je_sr[sr_id])
    assert f"{n} {'Eintrag' if n == 1 else 'Einträge'} als heute geprüft markiert" in texte(at)
    assert not any(o.startswith(name + " (") for o in at.selectbox(key="pr_sr").options)  # nothing left there
    stempel = [r for r in store.load().angebote + store.load().kitas
               if r.get("geprueft_von") == "Jugendamt, Team Kita-Sozialarbeit"]
    assert sorted(r["id"] for r in stempel) == sorted(f.id for f in je_sr[sr_id])


def test_ohne_auswahl_oder_ohne_recht_wird_nichts_geschrieben(datenordner, store):
    n = len(store.query("lade_protokoll"))
    at = liste_app(Nutzer("koordinatorin", "koordination")).run()
    markieren(at)
    assert "Bitte zuerst mindestens einen Eintrag auswählen." in [e.value for e in at.error]

    at = liste_app(Nutzer("anna", "fachkraft", fachkraft_id="fk-01")).run()
    kaestchen(at)[0].check()
    markieren(at)
    assert any("Dafür fehlt die Berechtigung" in e.value for e in at.error)
    assert len(store.query("lade_protokoll")) == n


def test_pflege_zeigt_die_pruefliste(datenordner):
    from ui_hilfen import FACHKRAFT, KOORDINATION

    at = seite("pflege", als=FACHKRAFT).run()
    assert not at.exception
    assert not any(e.label.startswith("Prüfliste") for e in at.expander)  # not for a Fachkraft
    at = seite("pflege", als=KOORDINATION).run()
    assert not at.exception
    assert any(e.label.startswith("Prüfliste:") for e in at.expander)
    assert kaestchen(at)
