"""Reported gaps: „kein passendes Angebot gefunden“, counted anonymously per month, Sozialraum and Thema.

When a search on the Vermittlung page finds nothing that fits for a Thema, the Fachkraft can press „Als Lücke
melden“. That adds 1 to a count with exactly four fields: ``monat`` (``JJJJ-MM``), ``sozialraum_id`` (of the Kita
the search started from), ``thema_id`` and ``anzahl``. No Kita, no Angebot, no person, no free text, not even who
reported it (like :func:`~.erfassung.erfassen`, no audit entry names a person). Stored as ``Bedarfsluecke`` nodes
keyed by (monat, sozialraum, thema); the same key again adds to its count (one ``MERGE`` in one write
transaction). Shown only through :func:`~.anonym.schuetzen` (see :func:`~.zahlen.kreuztabelle`).

Examples
--------
>>> b = Bedarfsluecke("2025-03", "sr-nord", "sucht")
>>> b.anzahl, b.id == Bedarfsluecke("2025-03", "sr-nord", "sucht", anzahl=2).id
(1, True)
>>> Bedarfsluecke("2025-3", "sr-nord", "sucht")
Traceback (most recent call last):
...
network.errors.VermittlungsFehler: Monat „2025-3“: bitte im Format JJJJ-MM angeben (ohne Tag).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import asdict, dataclass

from ..errors import NichtGefundenFehler
from ..model import Netzdaten
from ..zugang.rollen import Nutzer, verlange
from .erfassung import (
    AUFBEWAHRUNG_JAHRE,
    MAX_ANZAHL,
    VermittlungsFehler,
    _kennung,
    _pruefe_monat,
    grenze_monat,
    monat_heute,
)

__all__ = ["Bedarfsluecke", "LUECKE_FELDER", "luecke_melden", "bedarfsluecken", "sozialraum_der_kita",
           "aufraeumen"]

#: The only fields of a reported gap.
LUECKE_FELDER = ("monat", "sozialraum_id", "thema_id", "anzahl")


@dataclass(frozen=True)
class Bedarfsluecke:
    """One anonymous count of an unmet need. Validated on construction."""

    monat: str
    sozialraum_id: str
    thema_id: str
    anzahl: int = 1

    def __post_init__(self) -> None:
        _pruefe_monat(self.monat)
        object.__setattr__(self, "thema_id", _kennung(self.thema_id, "thema_id"))
        if not isinstance(self.sozialraum_id, str) or not self.sozialraum_id.strip():
            raise VermittlungsFehler("Die Kita ist keinem Sozialraum zugeordnet; die Lücke kann nicht gemeldet "
                                       "werden.")
        object.__setattr__(self, "sozialraum_id", _kennung(self.sozialraum_id, "sozialraum_id"))
        if isinstance(self.anzahl, bool) or not isinstance(self.anzahl, int) or not 1 <= self.anzahl <= MAX_ANZAHL:
            raise VermittlungsFehler(f"Anzahl „{self.anzahl}“: bitte eine ganze Zahl von 1 bis {MAX_ANZAHL}.")

    @property
    def id(self) -> str:
        """The stored key, derived from (monat, sozialraum, thema)."""
        schluessel = json.dumps([self.monat, self.sozialraum_id, self.thema_id], ensure_ascii=False)
        return "bl-" + hashlib.sha256(schluessel.encode("utf-8")).hexdigest()[:32]

    def als_dict(self) -> dict:
        return asdict(self)


def sozialraum_der_kita(daten: Netzdaten, kita_id: str) -> str:
    """The Sozialraum of a Kita (through its Gemeinde); German errors if the Kita or its Sozialraum is missing."""
    kita = next((k for k in daten.kitas if k["id"] == kita_id), None)
    if kita is None:
        raise NichtGefundenFehler(f"Im Verzeichnis fehlt die Kita „{kita_id}“; die Lücke wurde nicht gemeldet.")
    sr = next((g.get("sozialraum_id") for g in daten.gemeinden if g["id"] == kita.get("gemeinde_id")), None)
    if not sr:
        raise VermittlungsFehler(f"Die Kita „{kita_id}“ ist keinem Sozialraum zugeordnet; die Lücke kann nicht "
                                   "gemeldet werden.")
    return sr


def luecke_melden(store, luecke: Bedarfsluecke, heute: _dt.date | str | None = None, *, wer: Nutzer) -> int:
    """Add one reported gap in one write transaction; returns the new count of its key.

    ``wer`` needs ``vermittlung:erfassen`` and is deliberately **not** recorded (docs/datenschutz.md).

    Raises
    ------
    ZugriffsFehler, VermittlungsFehler (month in the future), NichtGefundenFehler (Sozialraum or Thema unknown).
    """
    verlange(wer, "vermittlung:erfassen")
    if luecke.monat > monat_heute(heute):
        raise VermittlungsFehler(f"Der Monat {luecke.monat} liegt in der Zukunft.")
    params = {"sozialraum_id": luecke.sozialraum_id, "thema_id": luecke.thema_id}

    def work(tx) -> int:
        da = {r["art"] for r in tx.run("bedarfsluecke_referenzen", **params)}
        fehlt = [f for f in (f"den Sozialraum „{luecke.sozialraum_id}“" if "sozialraum" not in da else "",
                             f"das Thema „{luecke.thema_id}“" if "thema" not in da else "") if f]
        if fehlt:
            raise NichtGefundenFehler("Im Verzeichnis gibt es " + " und ".join(fehlt) + " nicht; die Lücke wurde nicht "
                                "gemeldet.")
        rows = tx.run("bedarfsluecke_melden", id=luecke.id, monat=luecke.monat, anzahl=luecke.anzahl, **params)
        return int(rows[0]["anzahl"])

    return store.execute_write(work)


def bedarfsluecken(store) -> list[dict]:
    """All reported gaps as rows with the keys of :data:`LUECKE_FELDER` (raw: show only through kreuztabelle)."""
    return [{k: (int(r[k]) if k == "anzahl" else r[k]) for k in LUECKE_FELDER}
            for r in store.query("lade_bedarfsluecken")]


def aufraeumen(store, heute: _dt.date | str | None = None, jahre: int = AUFBEWAHRUNG_JAHRE) -> dict:
    """Retention: delete Vermittlung counts and reported gaps of months older than ``jahre`` years.

    One write transaction; returns ``{"vor_monat": ..., "vermittlungen": n, "bedarfsluecken": m}`` (records
    removed).
    """
    grenze = grenze_monat(heute, jahre)

    def work(tx) -> dict:
        n = int(tx.run("vermittlungen_zaehlen_vor", vor_monat=grenze)[0]["anzahl"])
        m = int(tx.run("bedarfsluecken_zaehlen_vor", vor_monat=grenze)[0]["anzahl"])
        tx.run("vermittlungen_loeschen_vor", vor_monat=grenze)
        tx.run("bedarfsluecken_loeschen_vor", vor_monat=grenze)
        return {"vor_monat": grenze, "vermittlungen": n, "bedarfsluecken": m}

    return store.execute_write(work)
