"""The app frame: page setup, navigation, the sidebar notes, and the last line of error handling.

Navigation names are fixed: Wegweiser, Netzwerk, Analyse, Pflege (Vermittlung and Sozialraumkonzept follow in
their own issues). Every :class:`~network.errors.KitaNetzError` a page raises is shown as a German
``st.error``; anything unexpected as a German sentence, with the details only in the server log.
"""

from __future__ import annotations

import logging

import streamlit as st

from ..errors import KitaNetzError
from . import daten as D

__all__ = ["main", "seiten", "fehlerfrei"]

log = logging.getLogger(__name__)


def fehlerfrei(seite):
    """Wrap a page function: German messages instead of tracebacks."""

    def lauf() -> None:
        try:
            seite()
        except KitaNetzError as e:
            st.error(str(e), icon=":material/error:")
        except Exception:  # the last line of defence: the log gets the details, the user a sentence
            log.exception("Unerwarteter Fehler auf einer Seite")
            st.error("Ein unerwarteter Fehler ist aufgetreten. Bitte die Seite neu laden; wenn der Fehler "
                     "bleibt, der Administration Bescheid geben.", icon=":material/error:")

    lauf.__name__ = getattr(seite, "__name__", "seite")
    return lauf


def seiten() -> list:
    from . import auswertung, netzwerk, pflege, sozialraumkonzept, vermittlung, wegweiser

    return [
        st.Page(fehlerfrei(wegweiser.seite), title="Wegweiser", url_path="wegweiser", default=True),
        st.Page(fehlerfrei(vermittlung.seite), title="Vermittlung", url_path="vermittlung"),
        st.Page(fehlerfrei(netzwerk.seite), title="Netzwerk", url_path="netzwerk"),
        st.Page(fehlerfrei(auswertung.seite), title="Analyse", url_path="analyse"),
        st.Page(fehlerfrei(sozialraumkonzept.seite), title="Sozialraumkonzept", url_path="sozialraumkonzept"),
        st.Page(fehlerfrei(pflege.seite), title="Pflege", url_path="pflege"),
    ]


def seitenleiste() -> None:
    """Sidebar: what the app is, whether the data are demo data, and notices from the store."""
    with st.sidebar:
        st.caption("Kita-Netzwerk · Kooperationen der Kita-Sozialarbeit im Rhein-Hunsrück-Kreis")
        try:
            store = D.store()
            d = D.daten()
        except KitaNetzError as e:
            st.error(str(e), icon=":material/error:")
            st.stop()
        if D.ist_demo(d):
            st.warning("**Demodaten (fiktiv)**: alle Kitas, Angebote und Personen sind erfunden.",
                       icon=":material/science:")
        for w in store.warnungen:
            st.warning(w, icon=":material/warning:")


def main() -> None:
    st.set_page_config(page_title="Kita-Netzwerk Rhein-Hunsrück", layout="wide")
    nav = st.navigation(seiten())
    try:
        seitenleiste()
    except KitaNetzError as e:
        st.error(str(e))
        st.stop()
    nav.run()
