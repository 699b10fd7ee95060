"""Page „Anmelden“: sign in with a local account (name and password) or, when configured, with the district's
identity provider (OpenID Connect); signed in, the page says who you are and offers „Abmelden“.

After a successful sign-in the visitor goes on to the page that was refused before (with its query parameters),
else to the Wegweiser. Errors are the German sentences of :mod:`network.zugang.konten` (they never reveal
whether a name exists); the password field is emptied after every attempt.
"""

from __future__ import annotations

import streamlit as st

from ...errors import AnmeldeFehler
from ...zugang import darf
from ..bausteine import sitzung
from ..bausteine.text import md

__all__ = ["seite"]


def _anmelden() -> None:
    s = st.session_state
    name, pw = s.get("an_name", ""), s.get("an_passwort", "")
    s["an_passwort"] = ""
    if not (name or "").strip() or not pw:
        s["an_fehler"] = "Bitte Benutzername und Passwort eingeben."
        return
    try:
        sitzung.anmelden(name, pw)
    except AnmeldeFehler as e:
        s["an_fehler"] = str(e)
        return
    s.pop("an_fehler", None)
    s["an_erfolg"] = True


def _weiter(n) -> None:
    """Forward to the page that was wanted (if the role may open it), else to the Wegweiser."""
    ziel = sitzung.ziel()
    seite, params = ziel if ziel else ("Wegweiser", {})
    if not darf(n, f"seite:{seite}"):
        seite, params = "Wegweiser", {}
    page = sitzung.seite_fuer(seite)
    if sitzung.cookie_holen(sitzung.seite_url(page, params) if page is not None else "/"):
        st.info("Anmeldung erfolgreich. Die Seite wird geladen …", icon=":material/hourglass_top:")
        st.stop()  # the browser fetches the sign-in cookie and goes on to the page, signed in
    if page is not None:
        st.switch_page(page, query_params=params)
    st.rerun()


def _angemeldet(n) -> None:
    st.success(md(f"Sie sind angemeldet als {n.name} ({n.rollenname})."), icon=":material/verified_user:")
    if n.rolle == "fachkraft" and not n.fachkraft_id:
        st.info("Ihr Konto ist noch keiner Fachkraft zugeordnet; Kooperationen von Kitas können Sie erst "
                "bearbeiten, wenn die Koordination das nachholt.", icon=":material/info:")
    st.caption(f"Sie bleiben angemeldet, auch wenn Sie die Seite neu laden oder einen Link in einem neuen Tab "
               f"öffnen. Nach {sitzung.ABLAUF_MINUTEN} Minuten ohne Aktivität werden Sie automatisch abgemeldet; "
               "kurz vorher fragt die App, ob Sie angemeldet bleiben möchten.")
    c1, c2 = st.columns(2, width=520)
    c1.button("Abmelden", on_click=sitzung.abmelden, icon=":material/logout:", key="an_abmelden")
    c2.button("Überall abmelden", on_click=sitzung.ueberall_abmelden, icon=":material/devices_off:",
              key="an_ueberall", help="Beendet Ihre Anmeldung in allen Browsern und Tabs.")


def seite() -> None:
    st.title("Anmelden", anchor=False)
    n = sitzung.nutzer()
    neu = sitzung.angemeldet_neu()  # signed in, the browser still fetches the cookie (server only)
    if st.session_state.pop("an_erfolg", False) and (neu is not None or n.angemeldet):
        _weiter(neu or n)
    if n.angemeldet:
        _angemeldet(n)
        return
    st.caption("Für Fachkräfte der Kita-Sozialarbeit und die Koordination. Der Wegweiser ist ohne Anmeldung "
               "für alle offen.")
    if sitzung.oidc_konfiguriert():
        st.button("Mit dem Konto des Kreises anmelden", type="primary", icon=":material/account_circle:",
                  on_click=sitzung.oidc_anmelden, key="an_oidc")
        st.caption("Oder mit einem lokalen Konto:")
    with st.form("an_form", border=True, width=440, enter_to_submit=True):
        st.text_input("Benutzername", key="an_name", autocomplete="username", max_chars=40)
        st.text_input("Passwort", type="password", key="an_passwort", autocomplete="current-password",
                      max_chars=200)
        st.form_submit_button("Anmelden", type="primary", on_click=_anmelden, icon=":material/login:")
    fehler = st.session_state.pop("an_fehler", None)
    if fehler:
        st.error(md(fehler), icon=":material/error:")
    st.caption("Konto vergessen oder gesperrt? Die Koordination kann ein neues Passwort setzen. Nach fünf "
               "Fehlversuchen ist ein Konto 15 Minuten gesperrt.")
