"""Cached calls into the analytics (:mod:`network.analyse`), keyed on the data version.

The pages never compute network measures themselves; they read them from here. The :class:`Auswertung`
object (graphs and measures) is shared read-only through ``st.cache_resource``; tables go through
``st.cache_data``. Both are cleared by :func:`network.ui.bausteine.daten.geschrieben` after every write.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ... import analyse as A
from ...vermittlung import vermittlungen_je_kante
from . import daten as D

__all__ = ["auswertung", "wachstum", "tabellen"]


@D.abgeleitet
@st.cache_resource(show_spinner="Netzwerk wird ausgewertet …", max_entries=12)
def _auswertung(key: tuple, version: int, stichtag: str, max_km: float, mit_vermittlungen: bool = False):
    kanten = None
    if mit_vermittlungen:  # Koordination only: the weights would reveal small counts (docs/datenschutz.md)
        kanten = vermittlungen_je_kante(D.store(), bis_monat=stichtag[:7])
    return A.auswerten(D.daten_fuer(key, version), stichtag, max_km=max_km, vermittlungen=kanten)


def auswertung(stichtag: str):
    """The whole analysis on ``stichtag`` (all Sozialräume and the district), edge weights without referrals."""
    return _auswertung(D.schluessel(), D.version(), stichtag, D.settings().max_km)


@st.cache_data(show_spinner="Zeitreihe wird berechnet …", max_entries=4)
def _wachstum(key: tuple, version: int, heute: str, max_km: float) -> pd.DataFrame:
    return A.wachstum(D.daten_fuer(key, version), heute, max_km=max_km)


def wachstum() -> pd.DataFrame:
    """Quarterly growth per Sozialraum and for the district (``sozialraum_id == "alle"``)."""
    return _wachstum(D.schluessel(), D.version(), D.heute(), D.settings().max_km)


@st.cache_data(show_spinner="Auswertung wird vorbereitet …", max_entries=8)
def _tabellen(key: tuple, version: int, stichtag: str, max_km: float,
              mit_vermittlungen: bool = False) -> dict[str, pd.DataFrame]:
    a = _auswertung(key, version, stichtag, max_km, mit_vermittlungen)
    return {
        "metriken": A.metriken(a), "hubs": A.hubs(a), "luecken": A.luecken(a), "empfehlungen": A.empfehlungen(a),
        "hinweise": A.hinweise(a), "abdeckung": A.abdeckung(a), "akteure": A.akteure(a),
    }


def tabellen(stichtag: str, mit_vermittlungen: bool = False) -> dict[str, pd.DataFrame]:
    """The analysis tables on ``stichtag``: metriken, hubs, luecken, empfehlungen, hinweise, abdeckung,
    akteure. ``mit_vermittlungen``: edge weights include the referral counts up to the month of ``stichtag``
    (only for pages of the Koordination)."""
    return _tabellen(D.schluessel(), D.version(), stichtag, D.settings().max_km, mit_vermittlungen)
