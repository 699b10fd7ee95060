"""The audit trail: who changed what, when, with the fields before and after.

Entries are computed as plain rows by the ground core (:mod:`network.grund.protokoll`, re-exported here) and
appended by the store *in the same transaction* as the change, so a failed write leaves no entry. The trail is
append-only: no query changes or deletes a ``Protokoll`` node. Password hashes never enter it.

Examples of the rows themselves are in :mod:`network.grund.protokoll`; this module reads, filters and shows the
trail.
"""

from __future__ import annotations

import csv
import io
import json

from ..grund.formel import schuetzen
from ..grund.protokoll import VERBOTEN, eintraege, eintrag, jetzt
from .rollen import verlange

__all__ = ["eintraege", "eintrag", "jetzt", "VERBOTEN", "lade", "filtere", "aenderungen", "kurzfassung",
           "als_csv", "CSV_SPALTEN"]

# -- reading the trail (page Protokoll) -----------------------------------------------------------------
#: Columns of the CSV export, in this order.
CSV_SPALTEN = ("zeit", "wer", "aktion", "art", "objekt_id", "vorher", "nachher")


def lade(store, wer) -> list[dict]:
    """The whole trail, newest first (``protokoll:lesen`` needed)."""
    verlange(wer, "protokoll:lesen")
    return store.query("lade_protokoll")


def filtere(eintraege: list[dict], wer: str | None = None, art: str | None = None, aktion: str | None = None,
            von: str | None = None, bis: str | None = None, suche: str = "") -> list[dict]:
    """The entries that match every given filter: exact ``wer``/``art``/``aktion``, a date range on ``zeit``
    (``von``/``bis`` as ``JJJJ-MM-TT``, inclusive) and ``suche`` as part of ``objekt_id`` (any case).

    >>> e = [{"zeit": "2026-05-01T10:00:00", "wer": "anna", "aktion": "geändert", "art": "kitas",
    ...       "objekt_id": "kita-001"},
    ...      {"zeit": "2026-05-03T09:00:00", "wer": "ben", "aktion": "angelegt", "art": "angebote",
    ...       "objekt_id": "ang-007"}]
    >>> [x["objekt_id"] for x in filtere(e, von="2026-05-02")], [x["wer"] for x in filtere(e, suche="KITA")]
    (['ang-007'], ['anna'])
    >>> filtere(e, art="kitas", bis="2026-05-01")[0]["wer"], filtere(e, wer="anna", aktion="angelegt")
    ('anna', [])
    """
    suche = (suche or "").strip().casefold()
    out = []
    for e in eintraege:
        tag = (e.get("zeit") or "")[:10]
        if wer and e.get("wer") != wer or art and e.get("art") != art or aktion and e.get("aktion") != aktion:
            continue
        if von and tag < von or bis and tag > bis:
            continue
        if suche and suche not in (e.get("objekt_id") or "").casefold():
            continue
        out.append(e)
    return out


def _lesbar(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "ja" if v else "nein"
    if isinstance(v, list):
        return ", ".join(str(x) for x in v) or "–"
    return str(v)


def _lade_json(text: str | None) -> dict:
    if not text:
        return {}
    try:
        wert = json.loads(text)
    except ValueError:
        return {"(Text)": text}
    return wert if isinstance(wert, dict) else {"(Wert)": wert}


def aenderungen(e: dict) -> list[dict]:
    """The before/after of an entry as rows ``{"Feld", "vorher", "nachher"}`` (readable text, no JSON).

    >>> aenderungen({"vorher": '{"plaetze": 60}', "nachher": '{"plaetze": 75, "themen": ["a", "b"]}'})
    [{'Feld': 'plaetze', 'vorher': '60', 'nachher': '75'}, {'Feld': 'themen', 'vorher': '', 'nachher': 'a, b'}]
    """
    vorher, nachher = _lade_json(e.get("vorher")), _lade_json(e.get("nachher"))
    felder = list(dict.fromkeys([*vorher, *nachher]))
    return [{"Feld": f, "vorher": _lesbar(vorher[f]) if f in vorher else "",
             "nachher": _lesbar(nachher[f]) if f in nachher else ""} for f in felder]


def kurzfassung(e: dict, max_zeichen: int = 120) -> str:
    """One line: the changed fields, ``feld: vorher → nachher`` (shortened).

    >>> kurzfassung({"vorher": '{"name": "Sucht"}', "nachher": '{"name": "Suchtberatung"}'})
    'name: Sucht → Suchtberatung'
    >>> kurzfassung({"vorher": None, "nachher": '{"name": "Natur", "beschreibung": null}'})
    'name: Natur; beschreibung: –'
    """
    teile = []
    for z in aenderungen(e):
        if z["vorher"] and z["nachher"]:
            teile.append(f"{z['Feld']}: {z['vorher']} → {z['nachher']}")
        else:
            teile.append(f"{z['Feld']}: {z['vorher'] or z['nachher']}")
    text = "; ".join(teile)
    return text if len(text) <= max_zeichen else text[: max_zeichen - 1] + "…"


def als_csv(eintraege: list[dict]) -> bytes:
    """The entries as CSV (``;``, UTF-8 with BOM for Excel); every text cell protected against formulas.

    >>> print(als_csv([{"zeit": "2026-05-01T10:00:00", "wer": "=anna", "aktion": "geändert", "art": "kitas",
    ...                 "objekt_id": "kita-1", "vorher": None, "nachher": '{"name": "@x"}'}]).decode("utf-8-sig"))
    zeit;wer;aktion;art;objekt_id;vorher;nachher
    2026-05-01T10:00:00;'=anna;geändert;kitas;kita-1;;"{""name"": ""@x""}"
    <BLANKLINE>
    """
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(CSV_SPALTEN)
    for e in eintraege:
        w.writerow([schuetzen("" if e.get(k) is None else str(e.get(k))) for k in CSV_SPALTEN])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
