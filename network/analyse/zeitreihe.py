"""Growth of the network: a quarterly time series per Sozialraum and for the whole district.

Examples
--------
>>> from network.model import Netzdaten
>>> daten = Netzdaten(
...     sozialraeume=[{"id": "sr-a", "name": "A"}], gemeinden=[{"id": "g1", "sozialraum_id": "sr-a"}],
...     kitas=[{"id": "k1", "name": "Kita 1", "gemeinde_id": "g1"}],
...     angebote=[{"id": "a1", "name": "Beratung", "art": "Beratung", "versorgt": ["sr-a"]}],
...     kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "seit": "2024-02-10", "intensitaet": 1}])
>>> df = wachstum(daten, bis="2024-05-01")
>>> df[["quartal", "stichtag", "sozialraum_id", "kooperationen", "komponenten"]].to_dict("records")[:2]
[{'quartal': '2024-01-01', 'stichtag': '2024-03-31', 'sozialraum_id': 'sr-a', 'kooperationen': 1, 'komponenten': 1}, {'quartal': '2024-01-01', 'stichtag': '2024-03-31', 'sozialraum_id': 'alle', 'kooperationen': 1, 'komponenten': 1}]
>>> df["quartal"].unique().tolist()
['2024-01-01', '2024-04-01']
"""

from __future__ import annotations

import pandas as pd

from network.grund.zeit import datum_iso, quartale, quartalsende, stichtag_iso
from network.model import Netzdaten

from .auswertung import GESAMT_ID, GESAMT_NAME, auswerten
from .lueckensuche import MAX_KM
from .netz import TYP_KITA

__all__ = ["WACHSTUM_SPALTEN", "wachstum"]

WACHSTUM_SPALTEN = ["quartal", "stichtag", "sozialraum_id", "sozialraum", "akteure", "kitas", "angebote",
                    "kooperationen", "dichte", "komponenten", "luecken"]


def wachstum(daten: Netzdaten, bis=None, *, max_km: float = MAX_KM, backend: str = "auto") -> pd.DataFrame:
    """Quarterly state of the network from the quarter of the first Kooperation up to ``bis``.

    Each quarter is measured on its last day (the current quarter on ``bis``, default today) with the same
    rules as :func:`~network.analyse.analyse`. One row per quarter and Sozialraum (sorted by id), then one row
    ``sozialraum_id="alle"`` for the whole district (its ``luecken`` is the sum over the Sozialräume).

    Columns
    -------
    quartal : str
        ISO date of the quarter's first day.
    stichtag : str
        The day measured.
    akteure, kitas, angebote, kooperationen, dichte, komponenten : int / float
        Of the Sozialraum network (actors located in it plus Angebote serving it).
    luecken : int
        Number of gap entries of all six kinds.
    """
    seit = [datum_iso(c.get("seit")) for c in daten.kooperationen]
    seit = [s for s in seit if s]
    ende = stichtag_iso(bis)
    zeilen = []
    if seit:
        for q in quartale(min(seit), ende):
            tag = min(quartalsende(q), ende)
            a = auswerten(daten, tag, max_km=max_km, backend=backend, voll=False)
            for s in a.sozialraeume:
                k = s.kennzahlen
                zeilen.append({"quartal": q, "stichtag": tag, "sozialraum_id": s.id, "sozialraum": s.name,
                               "akteure": k.akteure, "kitas": len(s.kitas), "angebote": len(s.angebote),
                               "kooperationen": k.kooperationen, "dichte": k.dichte,
                               "komponenten": k.anzahl_komponenten, "luecken": s.luecken.anzahl()})
            if a.gesamt is not None:
                k = a.gesamt.kennzahlen
                n_kitas = sum(1 for d in a.netz._node.values() if d["typ"] == TYP_KITA)
                zeilen.append({"quartal": q, "stichtag": tag, "sozialraum_id": GESAMT_ID, "sozialraum": GESAMT_NAME,
                               "akteure": k.akteure, "kitas": n_kitas, "angebote": k.akteure - n_kitas,
                               "kooperationen": k.kooperationen, "dichte": k.dichte,
                               "komponenten": k.anzahl_komponenten,
                               "luecken": sum(s.luecken.anzahl() for s in a.sozialraeume)})
    return pd.DataFrame(zeilen, columns=WACHSTUM_SPALTEN)
