"""The app's page table, and page addresses the app does not know: never Streamlit's English "Page not found".

:data:`SEITEN` names every page once: who may open which page is :data:`network.zugang.rollen.SEITEN`; the UI adds
only „Anmelden“ (open to everyone). A page's module in :mod:`network.ui.seiten` and its URL path are its name in
lower case („Analyse“ → ``network.ui.seiten.analyse``, ``/analyse``).

Streamlit resolves the path of the address (``/analyse``) to a page of ``st.navigation``; a path it cannot
resolve (``/Analyse``, ``/analyse;x``, ``/nutzer.json``) makes the browser show an English dialog. Before
``st.navigation`` runs, :func:`umleiten` therefore looks at the requested path: a page path in other letter case
opens that page, anything else opens the default page (Wegweiser) without the dialog, and the app says in German
that the page does not exist (:func:`hinweis`).

>>> SEITEN["Analyse"], SEITEN["Anmelden"]
(('analyse', 'analyse'), ('anmelden', 'anmelden'))
>>> zielseite("ANALYSE", ["wegweiser", "analyse"]), zielseite("analyse;x", ["analyse"]), zielseite("", ["a"])
(('analyse', False), ('', True), (None, False))
"""

from __future__ import annotations

import logging
from typing import Iterable

from ...zugang.rollen import SEITEN as _ROLLEN

__all__ = ["SEITEN", "zielseite", "umleiten", "hinweis"]

#: Page name -> (module in :mod:`network.ui.seiten`, URL path), in navigation order; derived, never written out.
#: No page icons: Streamlit would fetch a page's Material icon as favicon from fonts.gstatic.com (the app must
#: work offline).
SEITEN = {name: (name.lower(), name.lower()) for name in (*_ROLLEN, "Anmelden")}

log = logging.getLogger(__name__)


def zielseite(gewuenscht: str | None, pfade: Iterable[str]) -> tuple[str | None, bool]:
    """The page path to run for the requested one, and whether the request was unknown.

    ``None`` means: nothing requested by path (leave Streamlit alone); ``""`` the default page."""
    if not gewuenscht:
        return None, False
    pfade = list(pfade)
    if gewuenscht in pfade:
        return gewuenscht, False
    if gewuenscht.lower() in pfade:
        return gewuenscht.lower(), False
    return "", True


def umleiten(pfade: Iterable[str]) -> str | None:
    """Call before ``st.navigation``: point an unknown or mis-cased page path at a known page.

    Returns the unknown path that was requested (for :func:`hinweis`), else ``None``. Uses Streamlit's page
    manager of the running script; if that ever changes, nothing happens (and Streamlit's own handling remains).
    """
    try:  # Streamlit's page manager is internal: imported here, so a change of it costs only the redirect
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        pm = get_script_run_ctx().pages_manager
        if pm.intended_page_script_hash:  # a click in the app names the page by its hash: always known
            return None
        gewuenscht = pm.intended_page_name
        ziel, unbekannt = zielseite(gewuenscht, pfade)
        if ziel is None or ziel == gewuenscht:
            return None
        pm.set_script_intent("", ziel)
        return gewuenscht if unbekannt else None
    except AttributeError:  # pragma: no cover - another Streamlit version
        log.warning("Seitenpfad: Streamlits Seitenverwaltung hat sich geändert; keine Umleitung.")
        return None


def hinweis(pfad: str) -> str:
    """The German notice for an unknown page path (shown on the default page).

    >>> hinweis("nutzer.json")
    'Die Seite „/nutzer.json“ gibt es nicht; Sie sehen den Wegweiser.'
    """
    kurz = pfad if len(pfad) <= 60 else pfad[:57] + "…"
    return f"Die Seite „/{kurz}“ gibt es nicht; Sie sehen den Wegweiser."
