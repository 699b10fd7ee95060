"""Page „Nutzer“ (Koordination): the local accounts – list, add, link to a Fachkraft, disable, set a password.

Everything goes through :mod:`network.zugang.konten`, which checks ``nutzer:verwalten`` itself and writes an audit
entry per change (never a password or a hash). The page shows no hash and no password; password fields are
emptied after every attempt. Accounts of the district's identity provider (OIDC) are not managed here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ...errors import KitaNetzFehler
from ...grund import format as F
from ...zugang import konten
from ...zugang.rollen import ROLLENNAMEN
from ..bausteine import daten as D
from ..bausteine import sitzung
from ..bausteine.routen import sitzungen
from ..bausteine.text import md

__all__ = ["seite", "tabelle"]

_ROLLEN = ("fachkraft", "koordination")


def _sitzungen_beenden(name: str) -> None:
    """A disabled account or a new password ends every running sign-in of the account (docs/zugang.md)."""
    sitzungen().beende_alle(name)


def tabelle(kontenliste: list[konten.Konto], fachkraft_name: dict[str, str]) -> pd.DataFrame:
    """The accounts as a table for the page (no secret column exists to show)."""
    zeilen = []
    for k in kontenliste:
        status = "aktiv" if k.aktiv else "deaktiviert"
        if k.gesperrt_bis:
            status += f", gesperrt bis {k.gesperrt_bis[11:16]} Uhr ({F.datum(k.gesperrt_bis[:10])})"
        fk = f"{fachkraft_name.get(k.fachkraft_id, k.fachkraft_id)} ({k.fachkraft_id})" if k.fachkraft_id else ""
        zeilen.append({"Benutzername": k.name, "Rolle": ROLLENNAMEN.get(k.rolle, k.rolle), "Fachkraft": fk,
                       "Status": status, "angelegt am": F.datum((k.angelegt_am or "")[:10])})
    return pd.DataFrame(zeilen, columns=["Benutzername", "Rolle", "Fachkraft", "Status", "angelegt am"])


def _leere(*keys: str) -> None:
    for k in keys:
        st.session_state[k] = ""


def _melde(ok: bool, text: str) -> None:
    st.session_state["nz_meldung"] = (ok, text)


def _anlegen() -> None:
    s = st.session_state
    name, rolle, fk = (s.get("nz_name") or "").strip(), s.get("nz_rolle"), s.get("nz_fachkraft") or None
    pw1, pw2 = s.get("nz_pw1") or "", s.get("nz_pw2") or ""
    _leere("nz_pw1", "nz_pw2")
    if pw1 != pw2:
        _melde(False, "Die beiden Passwörter stimmen nicht überein.")
        return
    try:
        konten.lege_an(D.store(), name, rolle, pw1, wer=sitzung.nutzer(),
                       fachkraft_id=fk if rolle == "fachkraft" else None)
    except KitaNetzFehler as e:
        _melde(False, str(e))
        return
    _leere("nz_name")
    s["nz_fachkraft"] = None
    _melde(True, f"Das Konto „{name.lower()}“ ({ROLLENNAMEN[rolle]}) wurde angelegt.")


def _zuordnen() -> None:
    s = st.session_state
    name, fk = s.get("nz_zu_name"), s.get("nz_zu_fachkraft") or None
    try:
        konten.ordne_zu(D.store(), name, fk, wer=sitzung.nutzer())
    except KitaNetzFehler as e:
        _melde(False, str(e))
        return
    wem = f"der Fachkraft {fk}" if fk else "keiner Fachkraft"
    _melde(True, f"„{name}“ ist jetzt {wem} zugeordnet.")


def _deaktivieren() -> None:
    s = st.session_state
    name = s.get("nz_aus_name")
    s["nz_aus_ok"] = False
    if name == sitzung.nutzer().name:
        _melde(False, "Das eigene Konto kann nicht deaktiviert werden.")
        return
    try:
        konten.deaktiviere(D.store(), name, wer=sitzung.nutzer())
    except KitaNetzFehler as e:
        _melde(False, str(e))
        return
    _sitzungen_beenden(name)
    _melde(True, f"Das Konto „{name}“ ist deaktiviert; es kann sich nicht mehr anmelden.")


def _passwort() -> None:
    s = st.session_state
    name, pw1, pw2 = s.get("nz_pw_name"), s.get("nz_pw_neu1") or "", s.get("nz_pw_neu2") or ""
    _leere("nz_pw_neu1", "nz_pw_neu2")
    if pw1 != pw2:
        _melde(False, "Die beiden Passwörter stimmen nicht überein.")
        return
    try:
        konten.setze_passwort(D.store(), name, pw1, wer=sitzung.nutzer())
    except KitaNetzFehler as e:
        _melde(False, str(e))
        return
    _sitzungen_beenden(name)
    _melde(True, f"Neues Passwort für „{name}“ gesetzt (eine Sperre ist damit aufgehoben; laufende Anmeldungen "
                 "des Kontos sind beendet).")


def seite() -> None:
    n = sitzung.bewache("Nutzer")
    st.title("Nutzer", anchor=False)
    st.caption("Lokale Konten für Fachkräfte und Koordination. Passwörter werden nur als Argon2id-Hash gespeichert "
               "und nirgends angezeigt. Konten des Identitätsdienstes des Kreises (OIDC) werden dort verwaltet.")
    store = D.store()
    alle = konten.liste(store, wer=n)
    fachkraefte = D.daten().namen("fachkraefte")
    meldung = st.session_state.pop("nz_meldung", None)
    if meldung:
        (st.success if meldung[0] else st.error)(md(meldung[1]),
                                                 icon=":material/check_circle:" if meldung[0] else ":material/error:")
    st.header(f"Konten ({len(alle)})", anchor=False)
    if alle:
        st.dataframe(tabelle(alle, fachkraefte), hide_index=True, width="stretch")
    else:
        st.text("Noch keine Konten.")

    st.header("Neues Konto", anchor=False)
    with st.form("nz_form_neu", border=True, enter_to_submit=False):
        c1, c2 = st.columns(2)
        c1.text_input("Benutzername *", key="nz_name", max_chars=40, placeholder="z. B. anna.beispiel",
                      autocomplete="off")
        c2.selectbox("Rolle *", _ROLLEN, key="nz_rolle", format_func=lambda r: ROLLENNAMEN[r])
        c1, c2 = st.columns(2)
        c1.selectbox("Fachkraft (nur bei Rolle Fachkraft)", [None, *fachkraefte], key="nz_fachkraft",
                     format_func=lambda f: "– keine –" if f is None else f"{fachkraefte[f]} ({f})")
        c1, c2 = st.columns(2)
        c1.text_input("Erstes Passwort *", type="password", key="nz_pw1", autocomplete="new-password",
                      max_chars=200)
        c2.text_input("Passwort wiederholen *", type="password", key="nz_pw2", autocomplete="new-password",
                      max_chars=200)
        st.caption(f"Benutzername: Kleinbuchstaben, Ziffern, Punkt, Bindestrich, Unterstrich. Passwort: mindestens "
                   f"{konten.MIN_LAENGE} Zeichen; bitte auf sicherem Weg weitergeben.")
        st.form_submit_button("Konto anlegen", type="primary", on_click=_anlegen, icon=":material/person_add:")

    if not alle:
        return
    namen = [k.name for k in alle]
    aktiv = [k.name for k in alle if k.aktiv]
    fachkraft_konten = [k.name for k in alle if k.rolle == "fachkraft"]

    if fachkraft_konten:
        st.header("Fachkraft zuordnen", anchor=False)
        st.caption("Ein Fachkraft-Konto darf die Kooperationen der Kitas bearbeiten, denen seine Fachkraft "
                   "zugeordnet ist.")
        with st.form("nz_form_zuordnen", border=True, enter_to_submit=False):
            c1, c2 = st.columns(2)
            c1.selectbox("Konto", fachkraft_konten, key="nz_zu_name")
            c2.selectbox("Fachkraft", [None, *fachkraefte], key="nz_zu_fachkraft",
                         format_func=lambda f: "– keine –" if f is None else f"{fachkraefte[f]} ({f})")
            st.form_submit_button("Zuordnen", on_click=_zuordnen, icon=":material/link:")

    st.header("Neues Passwort setzen", anchor=False)
    with st.form("nz_form_passwort", border=True, enter_to_submit=False):
        st.selectbox("Konto", namen, key="nz_pw_name")
        c1, c2 = st.columns(2)
        c1.text_input("Neues Passwort", type="password", key="nz_pw_neu1", autocomplete="new-password",
                      max_chars=200)
        c2.text_input("Passwort wiederholen", type="password", key="nz_pw_neu2", autocomplete="new-password",
                      max_chars=200)
        st.form_submit_button("Passwort setzen", on_click=_passwort, icon=":material/key:")

    if aktiv:
        st.header("Konto deaktivieren", anchor=False)
        c1, c2 = st.columns([2, 3], vertical_alignment="bottom")
        c1.selectbox("Konto", aktiv, key="nz_aus_name")
        c2.checkbox("Ja, dieses Konto deaktivieren", key="nz_aus_ok")
        st.button("Deaktivieren", on_click=_deaktivieren, icon=":material/person_off:",
                  disabled=not st.session_state.get("nz_aus_ok"), key="nz_aus")
