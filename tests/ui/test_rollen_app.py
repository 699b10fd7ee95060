"""Roles in the app: what each role sees in the navigation, what is refused (also by page URL and query
parameters), what the public never sees, what a Fachkraft may write, sign-in, sign-out and session expiry.

The whole app runs with ``AppTest.from_file``; a single page (as if its URL were opened) with
``ui_hilfen.seite(modul, als=…)`` – AppTest cannot switch to the callable pages of ``st.navigation``, and the
guard at the start of each page function is what a URL reaches.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timedelta

import pytest
from ui_hilfen import APP, FACHKRAFT, KOORDINATION, TIMEOUT, klartext, seite, texte

from network import vorschlag as VS
from network.model import Netzdaten
from network.ui.bausteine import sitzung
from network.zugang import KOMMANDOZEILE, Nutzer, konten, seiten_fuer
from network.zugang.rollen import SEITEN

PW = "ein-testpasswort-123"
MODULE = {"Wegweiser": "wegweiser", "Vermittlung": "vermittlung", "Netzwerk": "netzwerk", "Analyse": "analyse",
          "Sozialraumkonzept": "sozialraumkonzept", "Pflege": "pflege", "Nutzer": "nutzer",
          "Protokoll": "protokoll"}


def app(nutzer: Nutzer | None = None, **session):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if nutzer is not None:
        at.session_state["nutzer"] = nutzer
    for k, v in session.items():
        at.session_state[k] = v
    return at


def navigation(at) -> list[str]:
    return [p.proto.label for p in at.get("page_link")]


def konto(store, name: str, rolle: str = "fachkraft", fachkraft_id: str | None = "fk-01") -> str:
    if not any(k.name == name for k in konten.liste(store, KOMMANDOZEILE)):
        konten.lege_an(store, name, rolle, PW, KOMMANDOZEILE, fachkraft_id if rolle == "fachkraft" else None)
    return name


def log(store) -> list[dict]:
    return store.query("lade_protokoll")


# -- navigation per role --------------------------------------------------------------------------------
@pytest.mark.parametrize("wer, erwartet", [
    (None, ["Wegweiser", "Anmelden"]),
    (FACHKRAFT, ["Wegweiser", "Vermittlung", "Netzwerk", "Pflege"]),
    (KOORDINATION, ["Wegweiser", "Vermittlung", "Netzwerk", "Analyse", "Sozialraumkonzept", "Pflege", "Nutzer",
                    "Protokoll"]),
])
def test_navigation_zeigt_nur_die_seiten_der_rolle(datenordner, wer, erwartet):
    at = app(wer).run()
    assert not at.exception
    assert navigation(at) == erwartet
    assert [t.value for t in at.title] == ["Wegweiser"]
    abmelden = [b for b in at.sidebar.button if b.label == "Abmelden"]
    assert bool(abmelden) == (wer is not None)
    if wer is not None:
        assert any(f"Angemeldet als {wer.name}" in klartext(c.value) for c in at.sidebar.caption)


def test_abmelden_leert_die_sitzung(datenordner):
    at = app(KOORDINATION, pf_stelle="Kreisjugendamt").run()
    [b for b in at.sidebar.button if b.label == "Abmelden"][0].click().run()
    assert not at.exception
    assert "nutzer" not in at.session_state and "pf_stelle" not in at.session_state
    assert navigation(at) == ["Wegweiser", "Anmelden"]


# -- refused pages: by URL (the page function) and with query parameters ------------------------------------
@pytest.mark.parametrize("name", [n for n in SEITEN if n != "Wegweiser"])
def test_oeffentlich_wird_jede_interne_seite_verweigert(datenordner, name):
    at = seite(MODULE[name], als=None)
    at.query_params["rolle"] = "koordination"  # query parameters never sign anybody in
    at.query_params["nutzer"] = "kora.test"
    at.run()
    assert not at.exception
    fehler = [e.value for e in at.error]
    assert len(fehler) == 1 and fehler[0].startswith("Diese Seite ist nur für ")
    assert fehler[0].endswith("Bitte melden Sie sich an.")
    assert [t.value for t in at.title] == [name]  # the heading, and nothing else of the page
    assert not at.header and not at.dataframe and not at.get("vega_lite_chart")
    assert "nutzer" not in at.session_state
    assert at.session_state[sitzung.ZIEL][0] == name  # remembered: after sign-in the visitor goes on there


@pytest.mark.parametrize("name", [n for n in SEITEN if "fachkraft" not in SEITEN[n]])
def test_fachkraft_bekommt_koordinationsseiten_nicht(datenordner, name):
    at = seite(MODULE[name], als=FACHKRAFT).run()
    fehler = [klartext(e.value) for e in at.error]
    assert fehler == [f"Die Seite „{name}“ ist nur für die Koordination. Sie sind als {FACHKRAFT.name} "
                      "(Fachkraft) angemeldet."]
    assert [t.value for t in at.title] == [name] and not at.header and not at.dataframe


def test_analyse_mit_parametern_bleibt_verweigert(datenordner):
    at = seite("analyse", als=None)
    at.query_params["sr"] = "sr-kastellaun"
    at.query_params["stichtag"] = "2024-12-31"
    at.run()
    assert "Diese Seite ist nur für die Koordination. Bitte melden Sie sich an." in [e.value for e in at.error]
    assert not at.get("vega_lite_chart") and not at.dataframe


def test_parameter_der_app_melden_niemanden_an(datenordner):
    at = app()
    at.query_params["rolle"] = "koordination"
    at.query_params["nutzer"] = "kora.test"
    at.run()
    assert navigation(at) == ["Wegweiser", "Anmelden"]


def test_rechte_kommen_nur_aus_darf():
    assert seiten_fuer(FACHKRAFT) == ["Wegweiser", "Vermittlung", "Netzwerk", "Pflege"]


# -- sign-in, lockout, expiry --------------------------------------------------------------------------------
def anmelden(at, name: str, pw: str):
    at.text_input(key="an_name").input(name)
    at.text_input(key="an_passwort").input(pw)
    [b for b in at.button if b.label == "Anmelden"][0].click().run()
    assert not at.exception
    return at


def test_anmelden_mit_lokalem_konto(datenordner, store):
    name = konto(store, "fk.anmeldung")
    at = seite("anmelden", als=None).run()
    assert [t.value for t in at.title] == ["Anmelden"]
    assert not [b for b in at.button if b.label == "Mit dem Konto des Kreises anmelden"]  # no OIDC configured
    anmelden(at, name, PW)
    assert at.session_state["nutzer"] == Nutzer(name, "fachkraft", "fk-01")
    assert at.session_state["an_passwort"] == ""  # the password does not stay in the session
    assert any(f"Sie sind angemeldet als {name} (Fachkraft)" in klartext(s.value) for s in at.success)


def test_falsches_passwort_deutsche_meldung(datenordner, store, caplog):
    caplog.set_level(logging.DEBUG)
    name = konto(store, "fk.falsch")
    at = anmelden(seite("anmelden", als=None).run(), name, "gar-nicht-richtig")
    assert [klartext(e.value) for e in at.error] == ["Benutzername oder Passwort ist falsch."]
    assert "nutzer" not in at.session_state and at.session_state["an_passwort"] == ""
    at = anmelden(seite("anmelden", als=None).run(), "gibt.es.nicht", PW)  # the same sentence: no hint
    assert [klartext(e.value) for e in at.error] == ["Benutzername oder Passwort ist falsch."]
    assert "gar-nicht-richtig" not in caplog.text and PW not in caplog.text  # no password in any log line


def test_gesperrtes_konto_wird_abgewiesen(datenordner, store):
    name = konto(store, "fk.gesperrt")
    bis = (datetime.now() + timedelta(minutes=10)).isoformat(timespec="seconds")
    store.execute_write(lambda tx: tx.run("setze_fehlversuche", id=name, fehlversuche=0, gesperrt_bis=bis))
    at = anmelden(seite("anmelden", als=None).run(), name, PW)
    assert any("Zu viele Fehlversuche: das Konto ist bis" in klartext(e.value) for e in at.error)
    assert "nutzer" not in at.session_state


def test_sitzung_laeuft_nach_30_minuten_ab(datenordner):
    at = app(KOORDINATION, sitzung_zuletzt=time.time() - 31 * 60).run()
    assert not at.exception
    assert "nutzer" not in at.session_state
    assert navigation(at) == ["Wegweiser", "Anmelden"]
    assert any("nach 30 Minuten ohne Aktivität abgelaufen" in w.value for w in at.warning)


def test_sitzung_vor_ablauf_bleibt_und_wird_verlaengert(datenordner):
    vorher = time.time() - 29 * 60
    at = app(KOORDINATION, sitzung_zuletzt=vorher).run()
    assert at.session_state["nutzer"] == KOORDINATION
    assert at.session_state["sitzung_zuletzt"] > vorher + 28 * 60
    assert "Protokoll" in navigation(at)


def test_abgelaufen_regel():
    assert not sitzung.abgelaufen(0.0, 30 * 60) and sitzung.abgelaufen(0.0, 30 * 60 + 0.5)
    assert not sitzung.abgelaufen(None, 1e12)


# -- what the public sees ---------------------------------------------------------------------------------
def _kitas_mit_fachkraft(store) -> tuple[Netzdaten, dict]:
    d = store.load()
    return d, {f["id"]: f for f in d.fachkraefte}


@pytest.mark.parametrize("ansicht", ["Liste", "Druckliste"])
def test_oeffentlich_keine_namen_von_fachkraeften(datenordner, store, ansicht):
    d, fk = _kitas_mit_fachkraft(store)
    namen = {f["name"] for f in d.fachkraefte}
    mails = {f["email"] for f in d.fachkraefte if f.get("email")}
    at = seite("wegweiser", als=None)
    at.query_params["zeige"] = "Kitas"
    at.query_params["ansicht"] = ansicht
    at.run()
    alles = texte(at) + klartext("\n".join(t.value.to_string() for t in at.table))
    assert not [n for n in namen if n in alles], "Namen von Fachkräften sind öffentlich sichtbar"
    assert not [m for m in mails if m in alles]
    assert "Kita-Sozialarbeit des Kreisjugendamts" in alles
    if ansicht == "Liste":
        assert "Dienstsitz:" in alles  # and the office's official phone number:
        assert any(f["telefon"] in alles for f in d.fachkraefte if f.get("telefon"))


def test_angemeldet_sieht_namen(datenordner, store):
    d, _ = _kitas_mit_fachkraft(store)
    at = seite("wegweiser", als=FACHKRAFT)
    at.query_params["zeige"] = "Kitas"
    at.run()
    assert any(f["name"] in texte(at) for f in d.fachkraefte)


def test_oeffentliche_partnerliste_ohne_intensitaet_und_notiz(datenordner):
    at = seite("wegweiser", als=None)
    at.query_params["q"] = "familienberatung"
    at.run()
    koepfe = [m.value.splitlines()[0] for m in at.markdown if m.value.startswith("| Partner |")]  # the tables' heads
    spalten = {c.strip() for k in koepfe for c in k.strip("|").split("|")}
    assert "Partner" in spalten and not spalten & {"Intensität", "intensitaet", "Notiz", "notiz"}


# -- Pflege per role ------------------------------------------------------------------------------------
def eigene_kita_mit_kooperation(store) -> tuple[str, str]:
    d = store.load()
    eigene = {k["id"] for k in d.kitas if k.get("fachkraft_id") == FACHKRAFT.fachkraft_id}
    c = next(c for c in sorted(d.kooperationen, key=lambda c: c["id"]) if c["von_id"] in eigene and not c.get("bis"))
    return c["von_id"], c["id"]


def test_fachkraft_pflege_nur_kooperationen_ihrer_kitas(datenordner, store):
    d = store.load()
    eigene = {k["id"] for k in d.kitas if k.get("fachkraft_id") == FACHKRAFT.fachkraft_id}
    at = seite("pflege", als=FACHKRAFT).run()
    assert not at.exception and not at.error
    assert at.segmented_control(key="pf_bereich").options == ["Kooperationen", "Angebot vorschlagen"]
    assert not [t for t in at.text_input if t.key == "pf_stelle"]  # no „Prüfende Stelle“, no review list
    wahl = [o for o in at.selectbox(key="pf_kooperationen_wahl").options]
    koops = {c["id"]: c for c in d.kooperationen}
    gezeigt = [o.split(":")[0] for o in wahl[1:]]
    assert gezeigt and all(koops[k]["von_id"] in eigene for k in gezeigt)
    assert len(gezeigt) == sum(1 for c in d.kooperationen if c["von_id"] in eigene)
    von = at.selectbox(key="pf_kooperationen_von_id")
    assert {o.split("(")[-1].rstrip(")") for o in von.options if o} <= {f"{k}" for k in eigene} | {"– bitte wählen –"}


def test_fachkraft_speichert_kooperation_ein_protokolleintrag(datenordner, store):
    _, kid = eigene_kita_mit_kooperation(store)
    n = len(log(store))
    at = seite("pflege", als=FACHKRAFT).run()
    at.selectbox(key="pf_kooperationen_wahl").set_value(kid).run()
    alt = at.selectbox(key="pf_kooperationen_intensitaet").value
    neu = "1" if alt != "1" else "3"
    at.selectbox(key="pf_kooperationen_intensitaet").set_value(neu)
    [b for b in at.button if b.label == "Änderungen speichern"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    eintraege = log(store)[: len(log(store)) - n]
    assert len(eintraege) == 1
    e = eintraege[0]
    assert (e["wer"], e["aktion"], e["art"], e["objekt_id"]) == (FACHKRAFT.name, "geändert", "kooperationen", kid)
    assert json.loads(e["vorher"]) == {"intensitaet": int(alt)} and json.loads(e["nachher"]) == {"intensitaet": int(neu)}


def test_fachkraft_fremde_kita_wird_abgewiesen(datenordner, store):
    """A crafted request (the values of another Kita's Kooperation in the session, as a manipulated browser could
    send them) reaches the page's save handler: the write function itself refuses."""
    from streamlit.testing.v1 import AppTest

    d = store.load()
    fachkraft_von = {k["id"]: k.get("fachkraft_id") for k in d.kitas}
    fremd = next(c for c in d.kooperationen if fachkraft_von.get(c["von_id"]) not in (None, "fk-01"))

    def skript(nutzer, werte) -> None:
        import streamlit as st

        from network.ui.seiten.pflege import formulare as pflege

        st.session_state["nutzer"] = nutzer
        st.session_state["pf_kooperationen_wahl"] = werte["id"]
        for k, v in werte.items():
            st.session_state[f"pf_kooperationen_{k}"] = v
        pflege._speichern("kooperationen")
        st.write(repr([f.grund for f in st.session_state.get("pf_kooperationen_fehler") or []]))

    from network import pflege as P

    werte = dict(P.als_text(fremd, "kooperationen"), intensitaet="1" if fremd["intensitaet"] != 1 else "3")
    n = len(log(store))
    at = AppTest.from_function(skript, args=(FACHKRAFT, werte), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "Ihnen zugeordnet" in at.markdown[0].value
    assert len(log(store)) == n
    assert next(c for c in store.load().kooperationen if c["id"] == fremd["id"]) == fremd


def test_vorschlag_der_fachkraft_und_uebernahme_durch_koordination(datenordner, store):
    name = f"Elterncafé Vorschlag {time.time_ns()}"
    at = seite("pflege", als=FACHKRAFT).run()
    at.segmented_control(key="pf_bereich").set_value("Angebot vorschlagen").run()
    at.text_input(key="pf_vorschlag_name").input(name)
    at.selectbox(key="pf_vorschlag_art").set_value("Freizeit")
    at.multiselect(key="pf_vorschlag_versorgt").set_value(["sr-kastellaun"])
    [b for b in at.button if b.label == "Vorschlag abschicken"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("ist bei der Koordination" in klartext(s.value) for s in at.success)
    assert not any(a["name"] == name for a in store.load().angebote)  # not public yet
    weg = seite("wegweiser", als=None)
    weg.query_params["q"] = name
    weg.run()
    assert name not in [klartext(s.value) for s in weg.subheader] and "Keine Treffer" in texte(weg)

    ko = seite("pflege", als=KOORDINATION).run()
    ko.segmented_control(key="pf_bereich").set_value("Vorschläge").run()
    assert name in [klartext(s.value) for s in ko.subheader]
    [v] = [v for v in VS.vorschlaege(store, wer=KOORDINATION, nur_offen=True) if v.name == name]
    assert v.wer == FACHKRAFT.name
    n = len(log(store))
    ko.button(key=f"pf_vs_ja_{v.id}").click().run()
    assert not ko.exception and not ko.error
    assert any("Übernommen" in klartext(s.value) for s in ko.success)
    angebot = next(a for a in store.load().angebote if a["name"] == name)
    neu = log(store)[: len(log(store)) - n]
    assert sorted((e["aktion"], e["wer"]) for e in neu) == [("angelegt", KOORDINATION.name),
                                                            ("übernommen", KOORDINATION.name)]
    assert angebot["geprueft_am"] is not None


# -- write paths through the UI: one entry each, none on a validation error ---------------------------------
def test_pflege_formular_ein_eintrag_und_keiner_bei_fehler(datenordner, store):
    n = len(log(store))
    at = seite("pflege", als=KOORDINATION).run()
    at.selectbox(key="pf_kitas_wahl").set_value("kita-020").run()
    alt = at.text_input(key="pf_kitas_telefon").value
    at.text_input(key="pf_kitas_plaetze").input("zwölf")
    [b for b in at.button if b.label == "Änderungen speichern"][0].click().run()
    assert at.error and len(log(store)) == n  # validation error: nothing written, no entry
    at.text_input(key="pf_kitas_plaetze").input("12")
    at.text_input(key="pf_kitas_telefon").input("06761 4242")
    [b for b in at.button if b.label == "Änderungen speichern"][0].click().run()
    assert not at.error
    neu = log(store)[: len(log(store)) - n]
    assert len(neu) == 1 and (neu[0]["wer"], neu[0]["objekt_id"]) == (KOORDINATION.name, "kita-020")
    vorher, nachher = json.loads(neu[0]["vorher"]), json.loads(neu[0]["nachher"])
    assert vorher["telefon"] == alt and nachher["telefon"] == "06761 4242" and nachher["plaetze"] == 12


def test_import_ueber_upload_ein_eintrag(datenordner, store):
    from network.austausch.dateien import csv_text

    kita = next(k for k in store.load().kitas if k["id"] == "kita-021")
    text = csv_text(Netzdaten(kitas=[dict(kita, name=kita["name"] + " (Upload)")]), "kitas")
    n = len(log(store))
    at = seite("pflege", als=KOORDINATION).run()
    at.segmented_control(key="pf_bereich").set_value("Import").run()
    at.get("file_uploader")[0].set_value(("kitas.csv", text.encode("utf-8"), "text/csv")).run()
    assert len(log(store)) == n  # the dry run writes nothing
    [b for b in at.button if b.label == "Jetzt importieren"][0].click().run()
    assert not at.exception
    neu = log(store)[: len(log(store)) - n]
    assert len(neu) == 1
    assert (neu[0]["wer"], neu[0]["aktion"], neu[0]["objekt_id"]) == (KOORDINATION.name, "geändert", "kita-021")
    assert json.loads(neu[0]["nachher"]) == {"name": kita["name"] + " (Upload)"}


# -- pages Nutzer and Protokoll -----------------------------------------------------------------------------
def test_nutzerseite_legt_an_setzt_passwort_deaktiviert(datenordner, store):
    at = seite("nutzer", als=KOORDINATION).run()
    assert not at.exception and [t.value for t in at.title] == ["Nutzer"]
    at.text_input(key="nz_name").input("neu.fachkraft")
    at.selectbox(key="nz_rolle").set_value("fachkraft")
    at.selectbox(key="nz_fachkraft").set_value("fk-02")
    at.text_input(key="nz_pw1").input("erstes-passwort-1")
    at.text_input(key="nz_pw2").input("erstes-passwort-2")
    [b for b in at.button if b.label == "Konto anlegen"][0].click().run()
    assert "Die beiden Passwörter stimmen nicht überein." in [klartext(e.value) for e in at.error]
    assert at.text_input(key="nz_pw1").value == ""
    at.text_input(key="nz_pw1").input("erstes-passwort-1")
    at.text_input(key="nz_pw2").input("erstes-passwort-1")
    [b for b in at.button if b.label == "Konto anlegen"][0].click().run()
    assert not at.error, [e.value for e in at.error]
    tabelle = at.dataframe[0].value
    zeile = tabelle[tabelle["Benutzername"] == "neu.fachkraft"].iloc[0]
    assert zeile["Rolle"] == "Fachkraft" and "fk-02" in zeile["Fachkraft"] and zeile["Status"] == "aktiv"
    alles = tabelle.to_string() + texte(at)
    assert "$argon2" not in alles and "erstes-passwort-1" not in alles
    assert list(tabelle.columns) == ["Benutzername", "Rolle", "Fachkraft", "Status", "angelegt am"]

    at.selectbox(key="nz_pw_name").set_value("neu.fachkraft")
    at.text_input(key="nz_pw_neu1").input("zweites-passwort-2")
    at.text_input(key="nz_pw_neu2").input("zweites-passwort-2")
    [b for b in at.button if b.label == "Passwort setzen"][0].click().run()
    assert any("Neues Passwort" in s.value for s in at.success)
    assert konten.anmelden(store, "neu.fachkraft", "zweites-passwort-2", pause=lambda s: None).rolle == "fachkraft"

    at.selectbox(key="nz_aus_name").set_value("neu.fachkraft")
    at.checkbox(key="nz_aus_ok").check().run()
    at.button(key="nz_aus").click().run()
    assert any("ist deaktiviert" in klartext(s.value) for s in at.success)
    assert not next(k for k in konten.liste(store, KOMMANDOZEILE) if k.name == "neu.fachkraft").aktiv
    eintraege = [e for e in log(store) if e["art"] == "nutzer" and e["objekt_id"] == "neu.fachkraft"]
    assert [e["aktion"] for e in eintraege] == ["deaktiviert", "passwort geändert", "angelegt"]
    assert all(e["wer"] == KOORDINATION.name for e in eintraege)
    assert not any("argon2" in (e["nachher"] or "") + (e["vorher"] or "") for e in eintraege)


def test_protokollseite_filter_details_und_csv(datenordner, store):
    from network import pflege as P

    werte = P.als_text(next(k for k in store.load().kitas if k["id"] == "kita-022"), "kitas")
    werte["traeger"] = "=HYPERLINK(\"x\")"  # free text (a phone number is validated as one)
    P.speichere(store, "kitas", werte, wer=Nutzer("proto.test", "koordination"))
    at = seite("protokoll", als=KOORDINATION).run()
    assert not at.exception and [t.value for t in at.title] == ["Protokoll"]
    at.selectbox(key="pt_wer").set_value("proto.test").run()
    at.text_input(key="pt_suche").input("022").run()
    kopf = [h.value for h in at.header][0]
    assert kopf.startswith("1 von ")
    tab = at.dataframe[0].value
    assert list(tab["Wer"]) == ["proto.test"] and list(tab["Kennung"]) == ["kita-022"]
    details = at.dataframe[1].value
    assert list(details.columns) == ["Feld", "vorher", "nachher"]
    assert "Träger" in list(details["Feld"])  # German field names (issue 15.9)
    assert at.get("download_button")[0].proto.label == "Als CSV herunterladen"
    from network.zugang.protokoll import als_csv, filtere

    daten = als_csv(filtere(store.query("lade_protokoll"), wer="proto.test", suche="022")).decode("utf-8-sig")
    kopf, zeile = daten.splitlines()
    assert kopf == "zeit;wer;aktion;art;objekt_id;vorher;nachher" and ";proto.test;geändert;kitas;kita-022;" in zeile
    at.selectbox(key="pt_aktion").set_value("angelegt").run()
    assert "Keine Einträge für diese Filter." in texte(at)


def test_oidc_nur_wenn_eingerichtet(datenordner):
    at = seite("anmelden", als=None).run()  # no secrets.toml at all: no error, no OIDC button
    assert not at.exception and not at.error
    assert not [b for b in at.button if b.label == "Mit dem Konto des Kreises anmelden"]
    at = seite("anmelden", als=None)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "kita-netzwerk", "client_secret": "geheim",
                          "server_metadata_url": "https://login.example.org/.well-known/openid-configuration"}
    at.run()
    assert not at.exception
    assert [b for b in at.button if b.label == "Mit dem Konto des Kreises anmelden"]
    assert "nutzer" not in at.session_state  # nobody signed in by configuration alone
