"""Analytics of the cooperation network: metrics, hubs, gaps and recommendations per Sozialraum.

Pure functions of :class:`~network.model.Netzdaten` – no store, no UI, no printing. NetworkX is the model and
reference; python-igraph computes the same graph metrics faster where asked (``backend="igraph"``, the default
``"auto"`` takes it when installed). See ``docs/analyse.md`` for what each metric and gap means.

Entry points
------------
:func:`analyse`
    The JSON report (the contract of the CLI and the app).
:func:`auswerten`
    Everything computed once, as an :class:`Auswertung` the table functions read.
:func:`metriken`, :func:`akteure`, :func:`hubs`, :func:`luecken`, :func:`empfehlungen`, :func:`hinweise`,
:func:`abdeckung`, :func:`wachstum`
    pandas DataFrames for the app.
:func:`als_csv`
    The report as one flat CSV table.
:func:`network_at`, :func:`sozialraum_netz`
    The networkx graphs themselves.

Examples
--------
>>> from network.model import Netzdaten
>>> daten = Netzdaten(sozialraeume=[{"id": "sr-a", "name": "A"}])
>>> analyse(daten, "2024-01-01")["sozialraeume"][0]["kitas"]
0
"""

import importlib

from .auswertung import Auswertung, GesamtAuswertung, SozialraumAuswertung, analyse, auswerten
from .geo import haversine_km
from .kennzahlen import BACKENDS, SEED
from .lueckensuche import LUECKENARTEN, MAX_KM
from .netz import network_at, sozialraum_netz

# The DataFrame views, the time series and the CSV need pandas, whose import alone takes about 0.8 s – more than
# the whole seed analysis. They are imported on first use (PEP 562), so `kita-netz analyse` starts without pandas.
_SPAETER = {"abdeckung": "tabellen", "akteure": "tabellen", "empfehlungen": "tabellen", "hinweise": "tabellen",
            "hubs": "tabellen", "luecken": "tabellen", "metriken": "tabellen", "wachstum": "zeitreihe",
            "als_csv": "export"}


def __getattr__(name: str):
    if name in _SPAETER:
        wert = getattr(importlib.import_module(f".{_SPAETER[name]}", __name__), name)
        globals()[name] = wert
        return wert
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_SPAETER))

__all__ = [
    "analyse", "auswerten", "Auswertung", "SozialraumAuswertung", "GesamtAuswertung",
    "metriken", "akteure", "hubs", "luecken", "empfehlungen", "hinweise", "abdeckung", "wachstum", "als_csv",
    "network_at", "sozialraum_netz", "haversine_km", "LUECKENARTEN", "MAX_KM", "BACKENDS", "SEED",
]
