"""Tables of Vermittlung counts for display and export – always protected by :func:`~.anonym.schuetzen`.

Rows are Sozialräume (of the Kita that referred) or months, columns are Themen or outcomes. There is no function
here that returns unprotected cells for display.

Examples
--------
>>> from network.model import Netzdaten
>>> d = Netzdaten(sozialraeume=[{"id": "sr-a", "name": "Nord"}], themen=[{"id": "t", "name": "Sucht"}],
...               gemeinden=[{"id": "g", "sozialraum_id": "sr-a"}], kitas=[{"id": "k", "gemeinde_id": "g"}])
>>> rows = [{"monat": "2025-01", "kita_id": "k", "angebot_id": "a", "thema_id": "t", "ergebnis": "vermittelt",
...          "anzahl": 4}]
>>> t = kreuztabelle(rows, d)
>>> t.zeilen, t.spalten, t.geschuetzt.anzeige()
([('sr-a', 'Nord')], [('t', 'Sucht')], [['4', '4'], ['4', '4']])
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ERGEBNISSE, Netzdaten
from .anonym import Geschuetzt, schuetzen

__all__ = ["kreuztabelle", "Zaehltabelle", "ACHSEN", "OHNE_ZUORDNUNG"]

#: What rows and columns can be.
ACHSEN = ("sozialraum", "monat", "thema", "ergebnis")
#: Label of the row for Kitas without a Sozialraum.
OHNE_ZUORDNUNG = ("", "ohne Zuordnung")
SUMME = "Summe"


@dataclass
class Zaehltabelle:
    """A protected count table with its row and column labels (``(id, name)``)."""

    zeilen: list[tuple[str, str]]
    spalten: list[tuple[str, str]]
    geschuetzt: Geschuetzt
    zeilen_titel: str = ""

    def als_zeilen(self) -> list[dict]:
        """One dict per row (and a last row „Summe“), display strings only („< 3“, „x“)."""
        anzeige = self.geschuetzt.anzeige()
        namen = [n for _, n in self.zeilen] + [SUMME]
        out = []
        for name, werte in zip(namen, anzeige):
            z = {self.zeilen_titel or "": name}
            z.update({sp: w for (_, sp), w in zip(self.spalten, werte)})
            z[SUMME] = werte[-1]
            out.append(z)
        return out

    def als_dict(self) -> dict:
        """For JSON export: labels, the display strings and the visible numbers (``null`` = hidden)."""
        return {"zeilen": [n for _, n in self.zeilen], "spalten": [n for _, n in self.spalten],
                "anzeige": self.geschuetzt.anzeige(), "werte": self.geschuetzt.sichtbar(),
                "hinweis": "Letzte Zeile/Spalte: Summen. „< 3“ = 1 oder 2; „x“ = gesperrt, damit kleine Zahlen "
                           "nicht aus den Summen errechnet werden können."}


def _monate(von: str, bis: str) -> list[str]:
    out, j, m = [], int(von[:4]), int(von[5:7])
    while f"{j:04d}-{m:02d}" <= bis:
        out.append(f"{j:04d}-{m:02d}")
        j, m = (j + 1, 1) if m == 12 else (j, m + 1)
    return out


def kreuztabelle(rows: list[dict], daten: Netzdaten, zeilen: str = "sozialraum", spalten: str = "thema", *,
                 von_monat: str | None = None, bis_monat: str | None = None) -> Zaehltabelle:
    """Sum the counts of ``rows`` (from :func:`~.erfassung.vermittlungen` or :func:`~.bedarf.bedarfsluecken`)
    into a protected table.

    ``zeilen``/``spalten`` are two different entries of :data:`ACHSEN`. Sozialräume are all of the data (plus
    „ohne Zuordnung“ if needed), months run without gaps from the first to the last month with a count, Themen
    and outcomes are those with a count (outcomes in their fixed order).
    """
    if zeilen not in ACHSEN or spalten not in ACHSEN or zeilen == spalten:
        raise ValueError(f"Zeilen und Spalten müssen zwei verschiedene aus {', '.join(ACHSEN)} sein.")
    rows = [r for r in rows if (not von_monat or r["monat"] >= von_monat) and (not bis_monat or r["monat"] <= bis_monat)]
    gsr = {g["id"]: g.get("sozialraum_id") for g in daten.gemeinden}
    kita_sr = {k["id"]: gsr.get(k.get("gemeinde_id")) for k in daten.kitas}
    sr_namen = {s["id"]: s.get("name") or s["id"] for s in daten.sozialraeume}
    th_namen = {t["id"]: t.get("name") or t["id"] for t in daten.themen}

    def schluessel(r: dict, achse: str) -> str:
        if achse == "sozialraum":  # reported gaps (bedarf.py) carry their Sozialraum, Vermittlungen their Kita
            sr = r["sozialraum_id"] if "sozialraum_id" in r else kita_sr.get(r["kita_id"])
            return sr if sr in sr_namen else ""
        return r[{"monat": "monat", "thema": "thema_id", "ergebnis": "ergebnis"}[achse]]

    def beschriftung(achse: str, werte: set[str]) -> list[tuple[str, str]]:
        if achse == "sozialraum":
            out = sorted(sr_namen.items(), key=lambda t: (t[1].casefold(), t[0]))
            return out + ([OHNE_ZUORDNUNG] if "" in werte else [])
        if achse == "monat":
            if not werte:
                return []
            return [(m, f"{m[5:7]}/{m[:4]}") for m in _monate(min(werte), max(werte))]
        if achse == "thema":
            return sorted(((t, th_namen.get(t, t)) for t in werte), key=lambda t: (t[1].casefold(), t[0]))
        return [(e, e) for e in ERGEBNISSE if e in werte] + sorted((e, e) for e in werte if e not in ERGEBNISSE)

    summen: dict[tuple[str, str], int] = {}
    for r in rows:
        k = (schluessel(r, zeilen), schluessel(r, spalten))
        summen[k] = summen.get(k, 0) + int(r["anzahl"])
    z = beschriftung(zeilen, {k[0] for k in summen})
    s = beschriftung(spalten, {k[1] for k in summen})
    titel = {"sozialraum": "Sozialraum", "monat": "Monat", "thema": "Thema", "ergebnis": "Ergebnis"}[zeilen]
    if not z or not s:
        return Zaehltabelle([], [], _leer(), titel)
    werte = [[summen.get((zi, si), 0) for si, _ in s] for zi, _ in z]
    return Zaehltabelle(z, s, schuetzen(werte), titel)


def _leer() -> Geschuetzt:
    return Geschuetzt(erweitert=[[0]])
