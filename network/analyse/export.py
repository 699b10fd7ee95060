"""The report as one flat CSV table (for ``--format csv``).

One row per finding, in the order of the report: for each Sozialraum (then ``alle`` for the whole district)
its metrics, hubs, gaps, recommendations and notes. Columns (:data:`CSV_SPALTEN`):

``sozialraum_id``, ``sozialraum``
    Where the row belongs (``alle`` / ``Gesamt`` = the whole district).
``kategorie``
    ``kennzahl``, ``hub``, ``luecke``, ``empfehlung`` or ``hinweis``.
``merkmal``
    The metric's name (``kitas``, ``dichte`` …), the hub's rank (``1``–``5``) or the gap kind
    (``themen_ohne_angebot`` …).
``akteur_id``, ``name``
    The hub; or the Kitas of an ``einzige_verbindung`` entry / the actors of a ``komponenten_ohne_beratung``
    entry, joined with ``|`` like lists in the import format.
``kita_id``, ``angebot_id``, ``thema``, ``km``
    The parts of a gap or recommendation that apply.
``wert``
    The metric's value, or the hub's betweenness.
``grund``
    The German sentence (gap reason, recommendation reason, note, or the hub's type and degree).

Empty cells are empty strings; numbers use a decimal point; the file has a header row and ``\\n`` line ends.

Examples
--------
>>> bericht = {"stichtag": "2024-01-01", "sozialraeume": [{
...     "id": "sr-a", "name": "A", "kitas": 1, "angebote": 0, "kooperationen": 0, "dichte": 0.0, "komponenten": 1,
...     "hubs": [], "luecken": {"themen_ohne_angebot": ["sucht"], "kitas_ohne_kooperation": ["k1"],
...     "kitas_ohne_beratung": ["k1"], "entfernung": [], "einzige_verbindung": [], "komponenten_ohne_beratung": []},
...     "empfehlungen": []}]}
>>> print(als_csv(bericht).splitlines()[0])
sozialraum_id,sozialraum,kategorie,merkmal,akteur_id,name,kita_id,angebot_id,thema,km,wert,grund
>>> [z for z in als_csv(bericht).splitlines() if ",luecke," in z]
['sr-a,A,luecke,themen_ohne_angebot,,,,,sucht,,,', 'sr-a,A,luecke,kitas_ohne_kooperation,,,k1,,,,,', 'sr-a,A,luecke,kitas_ohne_beratung,,,k1,,,,,']
"""

from __future__ import annotations

import csv
import io

from ..grund.formel import schuetzen
from .lueckensuche import LUECKENARTEN

__all__ = ["CSV_SPALTEN", "als_csv"]

CSV_SPALTEN = ["sozialraum_id", "sozialraum", "kategorie", "merkmal", "akteur_id", "name", "kita_id", "angebot_id",
               "thema", "km", "wert", "grund"]

#: Metrics written as ``kennzahl`` rows, when present in an entry.
_KENNZAHLEN = ("kitas", "angebote", "kooperationen", "dichte", "komponenten", "angebote_vor_ort",
               "externe_kooperationen", "externer_anteil", "komponenten_mit_kooperation", "grad_mittel",
               "gewichteter_grad_mittel", "artikulationspunkte_anzahl", "bruecken_anzahl", "gemeinschaften",
               "modularitaet", "betweenness_stichprobe")


def _zelle(x) -> str:
    if x is None:
        return ""
    if isinstance(x, bool):
        return "ja" if x else "nein"
    if isinstance(x, (list, tuple)):
        return "|".join(_zelle(v) for v in x)
    if isinstance(x, (int, float)):
        return str(x)
    return schuetzen(str(x))  # names and reasons: no spreadsheet formula


def _zeilen(e: dict):
    basis = {"sozialraum_id": e.get("id"), "sozialraum": e.get("name")}
    for m in _KENNZAHLEN:
        if m in e:
            yield dict(basis, kategorie="kennzahl", merkmal=m, wert=e[m])
    if "artikulationspunkte" in e and "artikulationspunkte_anzahl" not in e:
        yield dict(basis, kategorie="kennzahl", merkmal="artikulationspunkte_anzahl", wert=len(e["artikulationspunkte"]))
    for i, h in enumerate(e.get("hubs") or ()):
        yield dict(basis, kategorie="hub", merkmal=i + 1, akteur_id=h["id"], name=h.get("name"),
                   wert=h.get("betweenness"), grund=f"{h.get('typ')}, {h.get('degree')} Kooperationen")
    luecken = e.get("luecken") or {}
    gruende = e.get("gruende") or {}
    for art in LUECKENARTEN:
        saetze = gruende.get(art) or []
        for i, x in enumerate(luecken.get(art) or ()):
            z = dict(basis, kategorie="luecke", merkmal=art, grund=saetze[i] if i < len(saetze) else None)
            if art == "themen_ohne_angebot":
                z["thema"] = x
            elif art in ("kitas_ohne_kooperation", "kitas_ohne_beratung"):
                z["kita_id"] = x
            elif art == "entfernung":
                z.update(kita_id=x["kita_id"], angebot_id=x["angebot_id"], thema=x["thema"], km=x["km"])
            elif art == "einzige_verbindung":
                z.update(akteur_id=x["kita_ids"], angebot_id=x["angebot_id"], thema=x["thema"])
            else:
                z["akteur_id"] = x
            yield z
    for x in e.get("empfehlungen") or ():
        yield dict(basis, kategorie="empfehlung", merkmal="empfehlung", kita_id=x["kita_id"],
                   angebot_id=x["angebot_id"], grund=x.get("grund"))
    for h in e.get("hinweise") or ():
        yield dict(basis, kategorie="hinweis", merkmal="hinweis", grund=h)


def als_csv(bericht: dict, trennzeichen: str = ",") -> str:
    """The report of :func:`~network.analyse.analyse` as CSV text (see the module docstring for columns).

    Parameters
    ----------
    bericht : dict
        The dict returned by :func:`~network.analyse.analyse`.
    trennzeichen : str
        Field separator (``","``; ``";"`` suits spreadsheet programs set to German).
    """
    puffer = io.StringIO()
    w = csv.DictWriter(puffer, fieldnames=CSV_SPALTEN, delimiter=trennzeichen, lineterminator="\n")
    w.writeheader()
    eintraege = list(bericht.get("sozialraeume") or ())
    if bericht.get("gesamt"):
        eintraege.append(bericht["gesamt"])
    for e in eintraege:
        for z in _zeilen(e):
            w.writerow({k: _zelle(z.get(k)) for k in CSV_SPALTEN})
    return puffer.getvalue()
