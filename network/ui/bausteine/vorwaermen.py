"""Warm the app when the server starts, not on its first visitor.

``streamlit run streamlit_app.py`` imports the app file once to find ``app``; :func:`starten` then begins, in a
background thread, what the first page needs: the modules of every page (pandas, Altair, NetworkX, the password
hashing), the store, the data and the Wegweiser's directory – and afterwards today's analysis, its tables and the
growth series for the pages Netzwerk and Analyse, and what a page offers as ``vorwaermen()`` for its first view
(the Netzwerk's frame and growth charts). The caches are the app's own (``st.cache_data``/``st.cache_resource`` in
:mod:`network.ui.bausteine.daten` and :mod:`network.ui.bausteine.rechnen`), so the first visitor finds them filled; if a visitor comes
before the thread is done, Streamlit's cache lock lets the visitor wait for the value being computed instead of
computing it twice. Without a started server (AppTest, the CLI) nothing happens.

The server waits for the first part (modules, store, data, directory; bounded by :data:`WARTEN`) before it
answers at all, so the first visitor does not pay for it; the second part (the analysis) waits until the first
script run has ended (:func:`lauf_beendet`, at most :data:`PAUSE` seconds), so it does not compete with that run for
the interpreter (issue 14).

A failure here is only logged: the page then computes the same on its first run and shows the German message.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time

from .seitenpfad import SEITEN

__all__ = ["starten", "vorwaermen", "lauf_beendet"]

log = logging.getLogger(__name__)
_GESTARTET = threading.Event()
_WEGWEISER = threading.Event()  # the first page's caches are filled (or warming failed)
_ERSTER_LAUF = threading.Event()  # a script run has ended
_FADEN = "kitanetz-vorwaermen"
#: Seconds the server start waits at most for the first page's caches.
WARTEN = 30.0
#: Seconds the analysis waits at most for the first script run to end.
PAUSE = 10.0


class _OhneKontextWarnung(logging.Filter):
    """Streamlit warns "missing ScriptRunContext" for every cached call outside a script run; from this thread
    that is expected and would only fill the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != _FADEN


def vorwaermen() -> None:
    """Fill the caches of the first page, then those of today's analysis."""
    t0 = time.perf_counter()
    try:
        # imported here, in the thread: these imports (pandas, NetworkX, Streamlit's caches) are part of the warming
        from . import daten as D
        from . import netzlayout, rechnen

        for modul, _ in SEITEN.values():  # the first run would import them: import them now
            importlib.import_module(f"network.ui.seiten.{modul}")
        D.auffrischen()
        D.verzeichnis()
        log.info("Vorgewärmt: Wegweiser in %.1f s", time.perf_counter() - t0)
        _zwischen()
        rechnen.auswertung(D.heute())
        rechnen.tabellen(D.heute())
        rechnen.wachstum()
        netzlayout.layout_cached(D.schluessel(), D.version(), None)  # the whole district's drawing
        for modul, _ in SEITEN.values():  # a page may offer to fill the caches of its first view
            warm = getattr(importlib.import_module(f"network.ui.seiten.{modul}"), "vorwaermen", None)
            if callable(warm):
                warm()
        log.info("Vorgewärmt: Auswertung in %.1f s", time.perf_counter() - t0)
    except Exception:  # the first run computes the same and shows the German message
        log.warning("Vorwärmen fehlgeschlagen", exc_info=True)


def _zwischen() -> None:
    """In the warming thread: the first page is warm; let the server start and the first run go first."""
    if threading.current_thread().name == _FADEN:
        _WEGWEISER.set()
        _ERSTER_LAUF.wait(PAUSE)


def lauf_beendet() -> None:
    """Called at the end of every script run: the analysis' warming need not wait any longer."""
    _ERSTER_LAUF.set()


def _faden() -> None:
    try:
        vorwaermen()
    finally:
        _WEGWEISER.set()


def starten(warten: float = WARTEN) -> bool:
    """Start :func:`vorwaermen` once per process in a daemon thread and wait (at most ``warten`` seconds) until
    the first page's caches are filled; ``False`` if it was already started."""
    if _GESTARTET.is_set():
        return False
    _GESTARTET.set()
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_OhneKontextWarnung())
    threading.Thread(target=_faden, name=_FADEN, daemon=True).start()
    _WEGWEISER.wait(warten)
    return True
