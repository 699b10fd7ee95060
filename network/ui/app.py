"""The app frame: page setup, navigation by role, the sidebar notes, and the last line of error handling.

Every page is registered in ``st.navigation`` (so a URL such as ``/analyse`` always reaches the page's own guard,
never Streamlit's English "page not found"), but the menu is hidden: the sidebar draws ``st.page_link``s for the
pages of the user's role only (:func:`network.zugang.seiten_fuer`), plus „Anmelden“ or „Abmelden“. Every page
function starts with :func:`network.ui.bausteine.sitzung.bewache`, which refuses a page outside the role in German.

Every :class:`~network.errors.KitaNetzFehler` a page raises is shown as a German ``st.error``; anything unexpected
as a German sentence, with the details only in the server log.
"""

from __future__ import annotations

import importlib
import logging

import streamlit as st

from ..errors import KitaNetzFehler
from ..zugang import Nutzer, seiten_fuer
from .bausteine import daten as D
from .bausteine import seitenpfad, sitzung, vorwaermen
from .bausteine.seitenpfad import SEITEN
from .bausteine.text import md

__all__ = ["main", "seiten", "fehlerfrei", "navigation", "SEITEN"]

log = logging.getLogger(__name__)


def fehlerfrei(seite):
    """Wrap a page function: German messages instead of tracebacks."""

    def lauf() -> None:
        try:
            seite()
        except KitaNetzFehler as e:
            st.error(str(e), icon=":material/error:")
        except Exception:  # the last line of defence: the log gets the details, the user a sentence
            log.exception("Unerwarteter Fehler auf einer Seite")
            st.error("Ein unerwarteter Fehler ist aufgetreten. Bitte die Seite neu laden; wenn der Fehler "
                     "bleibt, der Administration Bescheid geben.", icon=":material/error:")

    lauf.__name__ = getattr(seite, "__name__", "seite")
    return lauf


def seiten() -> dict:
    """Every page of the app as ``st.Page``, by name (the Wegweiser is the default)."""
    out = {}
    for name, (modul, pfad) in SEITEN.items():
        seite = importlib.import_module(f"network.ui.seiten.{modul}").seite
        out[name] = st.Page(fehlerfrei(seite), title=name, url_path=pfad, default=name == "Wegweiser")
    return out


def navigation(alle: dict, nutzer: Nutzer) -> None:
    """The sidebar menu: the pages of the user's role, then „Anmelden“ or who is signed in and „Abmelden“."""
    with st.sidebar:
        with st.container(key="navigation"):
            for name in seiten_fuer(nutzer):
                st.page_link(alle[name], width="stretch")
            if nutzer.angemeldet:
                st.caption(md(f"Angemeldet als {nutzer.name} ({nutzer.rollenname})"))
                st.button("Abmelden", on_click=sitzung.abmelden, icon=":material/logout:", key="abmelden",
                          type="tertiary")
            else:
                st.page_link(alle["Anmelden"], width="stretch")


def seitenleiste() -> None:
    """Sidebar: what the app is, whether the data are demo data, and notices from the store."""
    with st.sidebar:
        st.caption("Kita-Netzwerk · Kooperationen der Kita-Sozialarbeit im Rhein-Hunsrück-Kreis")
        try:
            store = D.store()
            D.auffrischen()  # once per run: another process may have written since the last click
            d = D.daten()
        except KitaNetzFehler as e:
            st.error(str(e), icon=":material/error:")
            st.stop()
        if D.ist_demo(d):
            st.warning("**Demodaten (fiktiv)**: alle Kitas, Angebote und Personen sind erfunden.",
                       icon=":material/science:")
        for w in store.warnungen:
            st.warning(w, icon=":material/warning:")


def main() -> None:
    st.set_page_config(page_title="Kita-Netzwerk Rhein-Hunsrück", layout="wide")
    alle = seiten()
    sitzung.registriere(alle)
    unbekannt = seitenpfad.umleiten(pfad for _, pfad in SEITEN.values())  # never Streamlit's "Page not found"
    nav = st.navigation(list(alle.values()), position="hidden")
    nutzer = sitzung.nutzer()
    navigation(alle, nutzer)
    try:
        seitenleiste()
    except KitaNetzFehler as e:
        st.error(str(e))
        st.stop()
    hinweis = sitzung.hinweis()
    if hinweis:
        st.warning(hinweis, icon=":material/timer_off:")
    if unbekannt:
        st.warning(md(seitenpfad.hinweis(unbekannt)), icon=":material/help:")
    st.fragment(run_every=30)(sitzung.ablauf_warnung)()
    try:
        nav.run()
    finally:
        vorwaermen.lauf_beendet()  # the server's warming of the analysis waits for the first run to end
