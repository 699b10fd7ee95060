"""The store, the data and every cache of the app, in one place.

- The store object is made once per process and held in ``st.cache_resource``, keyed on the settings that name
  it. It holds no database open between calls (the embedded store opens LadybugDB per transaction; Neo4j keeps a
  connection pool), so the CLI and other app processes use the same store while the app runs.
- The **data version** is kept in the store itself and raised by every write transaction, whoever wrote: this
  app, another app process, or the CLI. :func:`auffrischen` reads it once at the start of every run (a file
  check for the embedded store, one small query for Neo4j); when it changed, the caches are cleared, so a change
  shows at the next click without a restart. The version is part of every cache key.
- ``store.load()`` and the analytics are cached with ``st.cache_data``; derived read-only structures (the
  directory, graph layouts) with ``st.cache_resource`` registered through :func:`abgeleitet`.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import Callable, TypeVar

import streamlit as st

from ...model import Netzdaten
from ...settings import Settings, load_settings
from ...store import Store, open_store
from ...verzeichnis import Verzeichnis

__all__ = ["settings", "store", "daten", "daten_fuer", "version", "auffrischen", "verzeichnis", "geschrieben",
           "abgeleitet",
           "ist_demo",
           "heute", "schluessel"]

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable)

_ABGELEITET: list = []
_LOCK = threading.Lock()


def settings() -> Settings:
    return load_settings()


def schluessel() -> tuple:
    """What identifies the store in use (cache keys include it, so two data folders never mix)."""
    s = settings()
    ort = str(Path(s.data_dir).resolve()) if s.store == "embedded" else s.neo4j_uri
    return (s.store, ort, s.neo4j_database)


def _schliessen(store: Store) -> None:
    try:
        store.close()
    except Exception:  # closing twice or a lost connection: nothing left to release
        log.warning("Datenspeicher konnte nicht sauber geschlossen werden", exc_info=True)


@st.cache_resource(show_spinner="Datenspeicher wird geöffnet …", on_release=_schliessen)
def _oeffne(key: tuple) -> Store:
    log.info("Datenspeicher wird geöffnet: %s", key[:2])
    return open_store(settings())


def store() -> Store:
    """The open store of this process (raises :class:`~network.errors.KitaNetzFehler` with a German message)."""
    return _oeffne(schluessel())


@st.cache_resource
def _stand(key: tuple) -> dict:
    """The last data version this process saw (shared by all sessions)."""
    return {"version": None}


def _caches_leeren() -> None:
    _lade.clear()
    st.cache_data.clear()
    for f in _ABGELEITET:
        f.clear()


def auffrischen() -> int:
    """Read the data version from the store (once per run); clear the caches when another process wrote.

    A store busy with a long write (an import in another process) answers the last version seen instead of
    making the page wait; the next run after the import sees the new version.
    """
    key = schluessel()
    v = store().version(warten=False)
    stand = _stand(key)
    with _LOCK:
        neu = stand["version"] is not None and stand["version"] != v
        stand["version"] = v
    if neu:
        log.info("Datenstand %s → neu geladen (geschrieben von diesem oder einem anderen Prozess)", v)
        _caches_leeren()
    try:
        st.session_state["_datenstand"] = (key, v)
    except Exception:  # outside a script run (tests calling the helpers directly): no session to remember it
        pass
    return v


def version() -> int:
    """The data version of this run (read once per run by :func:`auffrischen`)."""
    try:
        gemerkt = st.session_state.get("_datenstand")
    except Exception:
        gemerkt = None
    if gemerkt and gemerkt[0] == schluessel():
        return gemerkt[1]
    return auffrischen()


def heute() -> str:
    return date.today().isoformat()


@st.cache_data(show_spinner="Daten werden geladen …", max_entries=4)
def _lade(key: tuple, version: int) -> Netzdaten:
    return store().load()


def daten() -> Netzdaten:
    """All data of the current version (a copy: callers may not write into the store through it)."""
    return _lade(schluessel(), version())


def daten_fuer(key: tuple, version: int) -> Netzdaten:
    """The data of a given version (for cached functions that take the version as a key)."""
    return _lade(key, version)


def abgeleitet(func: F) -> F:
    """Register a ``st.cache_resource``/``st.cache_data`` function to be cleared after every write."""
    _ABGELEITET.append(func)
    return func


@abgeleitet
@st.cache_resource(show_spinner=False, max_entries=4)
def _verzeichnis(key: tuple, version: int, tag: str) -> Verzeichnis:
    return Verzeichnis(_lade(key, version), heute=tag)


def verzeichnis() -> Verzeichnis:
    """The directory of the current data version for today (shared, read-only)."""
    return _verzeichnis(schluessel(), version(), heute())


def geschrieben() -> None:
    """Call after every write through the app: the new data version is read, the caches are cleared."""
    auffrischen()
    _caches_leeren()


def ist_demo(d: Netzdaten) -> bool:
    """Whether the data are the shipped demo data (fictitious): their addresses use example.org or
    their Träger are marked „(fiktiv)“.

    >>> ist_demo(Netzdaten(fachkraefte=[{"email": "a@example.org"}]))
    True
    >>> ist_demo(Netzdaten())
    False
    """
    for r in d.fachkraefte + d.kitas + d.angebote:
        mail = (r.get("email") or "").lower()
        if mail.endswith("example.org") or "(fiktiv)" in (r.get("traeger") or ""):
            return True
    return False
